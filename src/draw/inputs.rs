//! A draw's inputs: the plan, the directory, the roster and the optional files, read and
//! digested (SPEC.md §3, §5.1), with what an announcement commits to.

use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Hash, sha256, to_hex};
use crate::error::{Error, ErrorKind, Result};
use crate::inputs::digest;
use crate::inputs::stream::{self, Progress};
use crate::inputs::{ByteSource, Directory, IdCheck, ReadOptions, Table, TableKind, TableOptions};
use crate::messages::msg;
use crate::plan::Plan;
use std::collections::HashMap;
use std::sync::Arc;

use crate::ceremony::seed::InputDigests;
use crate::ceremony::{AnnouncedInputs, Committed};
use crate::draw::record::{InputDigest, Record};

/// One input as the caller read it: a name for messages and the bytes.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The name used in messages, usually the file name; its extension picks
    /// the format unless [`ReadOptions::format`] says otherwise.
    pub name: &'a str,
    /// The raw bytes.
    pub bytes: &'a [u8],
}

/// How the two tables are read.
#[derive(Clone, Default)]
pub struct InputOptions<'a> {
    /// Format, encoding and sheet of the target directory.
    pub targets: ReadOptions,
    /// Format, encoding and sheet of the officer roster.
    pub officers: ReadOptions,
    /// How target ids are checked.
    pub id_check: IdCheck,
    /// Keep only the directory's columns the plan uses, and read the names of
    /// the targets drawn back from the source: a provincial directory then
    /// needs a fraction of its size in memory. Without it every column is kept
    /// (a verification kit's public copy needs them all).
    pub lean: bool,
    /// Worker threads for reading the directory; 0 uses every core.
    pub threads: usize,
    /// Also hash each file's raw bytes, recorded as its `sha256` (SPEC.md §9.1); without
    /// it every `sha256` is `""`. The draw's guarantee rests on the canonical digests; the
    /// raw hash only ties the record to the bureau's own file, at the cost of a serial
    /// SHA-256 of the whole directory. An announcement that records raw digests binds the
    /// draw to them ([`crate::ceremony`]), so inputs for it are read with this set.
    pub raw_digest: bool,
    /// Called as the directory is read.
    pub progress: Option<&'a (dyn Fn(&Progress) + Sync)>,
}

impl std::fmt::Debug for InputOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InputOptions")
            .field("targets", &self.targets)
            .field("officers", &self.officers)
            .field("id_check", &self.id_check)
            .field("lean", &self.lean)
            .field("threads", &self.threads)
            .field("raw_digest", &self.raw_digest)
            .finish_non_exhaustive()
    }
}

/// The target directory as a source of bytes, read in blocks.
#[derive(Clone)]
pub struct DirectorySource<'a> {
    /// The name used in messages, usually the file name; its extension picks
    /// the format unless [`ReadOptions::format`] says otherwise.
    pub name: &'a str,
    /// The bytes.
    pub data: Arc<dyn ByteSource>,
}

/// A target directory held elsewhere — in a data warehouse — known here by its canonical
/// digest (SPEC.md §3.4, computed there by
/// [`plan_digest_query`](crate::publish::sql::plan_digest_query)) and its number of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectoryElsewhere {
    /// The canonical digest, over the columns the plan keeps.
    pub digest: Hash,
    /// Its rows (`count(*)`).
    pub rows: u64,
}

/// The three inputs of a draw, parsed, with their digests: made by [`Inputs::parse`] and
/// its siblings, read with the methods below (the fields are private: the digests a draw
/// commits to must be those of the tables it reads).
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The plan.
    pub(crate) plan: Plan,
    /// The target directory.
    pub(crate) targets: Directory,
    /// The officer roster.
    pub(crate) officers: Table,
    /// Canonical digests.
    pub(crate) digests: InputDigests,
    /// SHA-256 of the raw bytes, when asked for ([`InputOptions::raw_digest`]): plan,
    /// targets, officers.
    pub(crate) raw: [Option<Hash>; 3],
    /// Past inspections, when given (SPEC.md §6.3), with the raw SHA-256 when asked for.
    pub(crate) history: Option<(Table, Option<Hash>)>,
    /// Declared conflicts of interest, when given (SPEC.md §8.1), with the raw SHA-256
    /// when asked for.
    pub(crate) conflicts: Option<(Table, Option<Hash>)>,
    /// Whether raw digests were asked for: the files added later are hashed alike.
    pub(crate) raw_digest: bool,
    /// The directory's rows are not here ([`Inputs::parse_elsewhere`]): its rows count.
    pub(crate) elsewhere: Option<u64>,
    /// What its warehouse gave instead ([`Inputs::with_warehouse`]): the census, and the
    /// candidates, which `targets` then holds as rows.
    pub(crate) held: Option<std::sync::Arc<crate::draw::census::Held>>,
    /// Records of earlier batches of this plan (SPEC.md §6.1), sorted by digest.
    pub(crate) earlier: Vec<Record>,
    /// The name the plan was given, for messages.
    pub(crate) plan_source: String,
}

/// How a plan reads one of its tables: its column mapping, the columns kept (only
/// those the plan reads or declares public, SPEC.md §3.2) and the public ones.
pub fn table_options(plan: &Plan, kind: TableKind, read: &ReadOptions) -> TableOptions {
    let mapping = match kind {
        TableKind::Targets => plan.target_columns.clone(),
        TableKind::Officers => plan.officer_columns.clone(),
        _ => std::collections::BTreeMap::new(),
    };
    TableOptions {
        read: read.clone(),
        mapping,
        id_check: IdCheck::default(),
        keep: Some(plan.columns_kept(kind)),
        public: plan.public_columns.get(&kind).cloned().unwrap_or_default(),
    }
}

impl Inputs {
    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The target directory (only the columns the plan reads or declares public).
    pub fn targets(&self) -> &Directory {
        &self.targets
    }

    /// The officer roster (only the columns the plan reads or declares public).
    pub fn officers(&self) -> &Table {
        &self.officers
    }

    /// The canonical digests the draw key commits to (SPEC.md §3.4, §5.2).
    pub fn digests(&self) -> &InputDigests {
        &self.digests
    }

    /// SHA-256 of the raw bytes of the plan, the directory and the roster, in that order,
    /// when they were asked for ([`InputOptions::raw_digest`]).
    pub fn raw_digests(&self) -> &[Option<Hash>; 3] {
        &self.raw
    }

    /// Past inspections, when given (SPEC.md §6.3).
    pub fn history(&self) -> Option<&Table> {
        self.history.as_ref().map(|(t, _)| t)
    }

    /// Declared conflicts of interest, when given (SPEC.md §8.1).
    pub fn conflicts(&self) -> Option<&Table> {
        self.conflicts.as_ref().map(|(t, _)| t)
    }

    /// Records of earlier batches of this plan (SPEC.md §6.1), sorted by digest.
    pub fn earlier(&self) -> &[Record] {
        &self.earlier
    }

    /// What an announcement freezes of these inputs (SPEC.md §5.3): the plan's id, the
    /// inputs' digests, and the earlier batches' records with their rounds.
    pub fn committed(&self) -> Committed {
        let inputs = self;
        Committed {
            plan: self.plan.id.clone(),
            inputs: AnnouncedInputs {
                plan: InputDigest::new(&inputs.digests.plan, inputs.raw[0].as_ref()),
                targets: InputDigest::new(&inputs.digests.targets, inputs.raw[1].as_ref()),
                officers: InputDigest::new(&inputs.digests.officers, inputs.raw[2].as_ref()),
                officer_names: crate::inputs::digest::officer_names(&inputs.officers)
                    .map(|h| to_hex(&h))
                    .unwrap_or_default(),
                earlier: inputs.earlier.iter().map(|r| r.digest.clone()).collect(),
                // The digests the draw key commits to, computed once when the file was given.
                history: inputs
                    .history
                    .as_ref()
                    .zip(inputs.digests.history)
                    .map(|((_, raw), digest)| InputDigest::new(&digest, raw.as_ref())),
                conflicts: inputs
                    .conflicts
                    .as_ref()
                    .zip(inputs.digests.conflicts)
                    .map(|((_, raw), digest)| InputDigest::new(&digest, raw.as_ref())),
            },
            earlier_rounds: self
                .earlier
                .iter()
                .map(|r| {
                    let round = r.seed.attestation.as_ref().map(|a| a.beacon.round);
                    (r.digest.clone(), round)
                })
                .collect(),
        }
    }

    /// Parses the plan, the target directory and the officer roster with the
    /// default options (formats from the names' extensions, encodings
    /// detected, strict id check).
    pub fn parse(plan: Source<'_>, targets: Source<'_>, officers: Source<'_>) -> Result<Inputs> {
        Inputs::parse_with(plan, targets, officers, &InputOptions::default())
    }

    /// Parses the three inputs with explicit options.
    pub fn parse_with(
        plan: Source<'_>,
        targets: Source<'_>,
        officers: Source<'_>,
        options: &InputOptions<'_>,
    ) -> Result<Inputs> {
        let data: Arc<dyn ByteSource> = Arc::new(targets.bytes.to_vec());
        Inputs::parse_from(
            plan,
            &DirectorySource {
                name: targets.name,
                data,
            },
            officers,
            options,
        )
    }

    /// Parses the three inputs, reading the target directory from a source of bytes:
    /// a CSV or TSV file in blocks on every core, without holding it (SPEC.md §3).
    pub fn parse_from(
        plan: Source<'_>,
        targets: &DirectorySource<'_>,
        officers: Source<'_>,
        options: &InputOptions<'_>,
    ) -> Result<Inputs> {
        let plan_parsed = Plan::parse(plan.name, plan.bytes)?;
        let target_options = TableOptions {
            id_check: options.id_check.clone(),
            ..table_options(&plan_parsed, TableKind::Targets, &options.targets)
        };
        let officer_options = table_options(&plan_parsed, TableKind::Officers, &options.officers);
        // Lean: only the columns the plan reads are kept, names are read back.
        let keep = plan_parsed.target_columns_used();
        let (directory, targets_digest, targets_raw) = Directory::read(
            targets.name,
            &targets.data,
            &target_options,
            &stream::Options {
                keep: options.lean.then_some(&keep),
                keep_names: !options.lean,
                threads: options.threads,
                progress: options.progress,
                raw_digest: options.raw_digest,
                ..stream::Options::default()
            },
        )?;
        let officers_parsed = Table::parse(
            TableKind::Officers,
            officers.name,
            officers.bytes,
            &officer_options,
        )?;
        Ok(Inputs {
            digests: InputDigests {
                plan: plan_parsed.digest,
                targets: targets_digest,
                officers: digest::table(&officers_parsed),
                history: None,
                conflicts: None,
                earlier: None,
            },
            raw: [
                options.raw_digest.then(|| sha256(plan.bytes)),
                targets_raw,
                options.raw_digest.then(|| sha256(officers.bytes)),
            ],
            raw_digest: options.raw_digest,
            elsewhere: None,
            held: None,
            plan: plan_parsed,
            targets: directory,
            officers: officers_parsed,
            plan_source: plan.name.to_owned(),
            history: None,
            conflicts: None,
            earlier: Vec::new(),
        })
    }

    /// The plan and the roster, for a target directory held elsewhere (a warehouse), known by
    /// its digest and rows: what an announcement freezes ([`Inputs::committed`]) without
    /// bringing the directory here. The history, conflicts and earlier batches are added as
    /// for any inputs. No rows are here, so these inputs cannot be checked or drawn from
    /// ([`check`](crate::check) and [`draw`](crate::draw()) refuse them): the draw reads the
    /// directory, whose digest must then be the announced one (SPEC.md §5.3.6). No raw
    /// digests are taken, whatever [`InputOptions::raw_digest`] says: the directory's file is
    /// not read here.
    ///
    /// # Errors
    ///
    /// The plan or the roster does not parse.
    pub fn parse_elsewhere(
        plan: Source<'_>,
        targets: DirectoryElsewhere,
        officers: Source<'_>,
        options: &InputOptions<'_>,
    ) -> Result<Inputs> {
        let plan_parsed = Plan::parse(plan.name, plan.bytes)?;
        let officer_options = table_options(&plan_parsed, TableKind::Officers, &options.officers);
        let officers_parsed = Table::parse(
            TableKind::Officers,
            officers.name,
            officers.bytes,
            &officer_options,
        )?;
        // The directory as its header alone: the columns the plan keeps, read as a draw would.
        let header: Vec<String> = plan_parsed
            .columns_kept(TableKind::Targets)
            .into_iter()
            .collect();
        let target_options = table_options(&plan_parsed, TableKind::Targets, &options.targets);
        let resolved = crate::inputs::header::Header::resolve(
            TableKind::Targets,
            &header,
            &|_| crate::error::Location::file("targets"),
            &target_options,
        )?;
        let directory = Directory::from_table(Table {
            kind: TableKind::Targets,
            source: String::new(),
            columns: resolved.columns,
            kinds: resolved.kinds,
            rows: Vec::new(),
            dropped: Vec::new(),
            allowlisted: Vec::new(),
            unchecked: Vec::new(),
            id_check: options.id_check.mode,
            id_col: resolved.id_col,
            name_col: resolved.name_col,
            layout: crate::inputs::table::CellLayout::default(),
        });
        Ok(Inputs {
            digests: InputDigests {
                plan: plan_parsed.digest,
                targets: targets.digest,
                officers: digest::table(&officers_parsed),
                history: None,
                conflicts: None,
                earlier: None,
            },
            // No raw digests: the directory's file is not read here, and an announcement
            // states them for every input or none (a mixed one could not be drawn).
            raw: [None; 3],
            raw_digest: false,
            elsewhere: Some(targets.rows),
            held: None,
            plan: plan_parsed,
            targets: directory,
            officers: officers_parsed,
            plan_source: plan.name.to_owned(),
            history: None,
            conflicts: None,
            earlier: Vec::new(),
        })
    }

    /// The directory's rows when it is held elsewhere ([`Inputs::parse_elsewhere`]).
    pub fn elsewhere(&self) -> Option<u64> {
        self.elsewhere
    }

    /// An error unless the directory's rows are here.
    pub(crate) fn rows_here(&self) -> Result<()> {
        match self.elsewhere {
            None => Ok(()),
            Some(rows) => Err(Error::with_id(
                ErrorKind::InputsMismatch,
                "inputs-directory-elsewhere",
            )
            .arg("rows", rows)
            .arg("digest", to_hex(&self.digests.targets))),
        }
    }

    /// Adds the records of earlier batches: targets they drew for a task are
    /// not drawn again by the task of the same id (SPEC.md §6.1). Each record
    /// must be intact (its digest matches its content).
    pub fn with_earlier(mut self, records: Vec<(String, Record)>) -> Result<Inputs> {
        for (name, record) in records {
            let value = serde_json::to_value(&record).expect("a record always serialises");
            if !crate::draw::record::is_intact(&value) {
                return Err(
                    Error::with_id(ErrorKind::RecordSyntax, "draw-earlier-altered")
                        .at(crate::error::Location::file(&name)),
                );
            }
            // The rules that span batches must be the same in every batch: a later batch
            // that switched one_visit, lifted the cap or renamed a task would re-draw what the
            // earlier ones drew (SPEC.md §6.1).
            let missing: Vec<&str> = record
                .tasks
                .iter()
                .map(|t| t.id.as_str())
                .filter(|id| !self.plan.tasks.iter().any(|t| t.id == *id))
                .collect();
            let changed = if record.plan.one_visit != self.plan.one_visit.as_str() {
                Some(
                    msg("draw-earlier-changed-one-visit")
                        .arg("earlier", record.plan.one_visit.as_str())
                        .arg("plan", self.plan.one_visit.as_str()),
                )
            } else if record.plan.max_inspections_per_year
                != self.plan.max_inspections_per_year.unwrap_or(0)
            {
                Some(
                    msg("draw-earlier-changed-annual-cap")
                        .arg("earlier", record.plan.max_inspections_per_year)
                        .arg("plan", self.plan.max_inspections_per_year.unwrap_or(0)),
                )
            } else if !missing.is_empty() {
                Some(msg("draw-earlier-changed-tasks").arg("tasks", missing.join(", ")))
            } else {
                None
            };
            if record.plan.id == self.plan.id
                && let Some(changed) = changed
            {
                return Err(
                    Error::with_id(ErrorKind::RecordSyntax, "draw-earlier-rules-changed")
                        .at(crate::error::Location::file(&name))
                        .arg("changed", changed),
                );
            }
            if record.plan.id != self.plan.id {
                return Err(
                    Error::with_id(ErrorKind::RecordSyntax, "draw-earlier-other-plan")
                        .at(crate::error::Location::file(&name))
                        .arg("earlier", record.plan.id.as_str())
                        .arg("plan", self.plan.id.as_str()),
                );
            }
            self.earlier.push(record);
        }
        self.earlier.sort_by(|a, b| a.digest.cmp(&b.digest));
        self.earlier.dedup_by(|a, b| a.digest == b.digest);
        self.digests.earlier = if self.earlier.is_empty() {
            None
        } else {
            let mut e =
                crate::base::canonical::Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/earlier"));
            e.u32(u32::try_from(self.earlier.len()).unwrap_or(u32::MAX));
            for r in &self.earlier {
                let d: Hash = hex::decode(&r.digest)
                    .ok()
                    .and_then(|b| b.try_into().ok())
                    .unwrap_or([0; 32]);
                e.hash(&d);
            }
            Some(e.finish())
        };
        Ok(self)
    }

    /// Adds the history file: past inspections (检查记录).
    pub fn with_history(mut self, history: Source<'_>, read: &ReadOptions) -> Result<Inputs> {
        let table = Table::parse(
            TableKind::History,
            history.name,
            history.bytes,
            &table_options(&self.plan, TableKind::History, read),
        )?;
        self.digests.history = Some(digest::table(&table));
        self.history = Some((table, self.raw_digest.then(|| sha256(history.bytes))));
        Ok(self)
    }

    /// Adds the conflicts file: officer ↔ entity conflicts of interest (回避).
    pub fn with_conflicts(mut self, conflicts: Source<'_>, read: &ReadOptions) -> Result<Inputs> {
        let table = Table::parse(
            TableKind::Conflicts,
            conflicts.name,
            conflicts.bytes,
            &table_options(&self.plan, TableKind::Conflicts, read),
        )?;
        // Every row must name an officer of the roster: by id, or by a certificate number
        // (执法证号); a row naming no one would be a declared conflict that silently does
        // nothing (SPEC.md §8.2).
        resolve_conflicts(&self.officers, &table)?;
        self.digests.conflicts = Some(digest::table(&table));
        self.conflicts = Some((table, self.raw_digest.then(|| sha256(conflicts.bytes))));
        Ok(self)
    }

    /// The declared conflicts as (officer id, entity id) pairs, each row's officer read as an
    /// officer id or, failing that, as a certificate number of the roster (SPEC.md §8.2).
    pub fn conflict_pairs(&self) -> Vec<(String, String)> {
        self.conflicts
            .as_ref()
            .and_then(|(t, _)| resolve_conflicts(&self.officers, t).ok())
            .unwrap_or_default()
    }
}

/// Resolves each conflicts row's officer to an officer id: the id itself, or the officer
/// holding that certificate number (any certificate column). Anything else is an error
/// naming the row.
fn resolve_conflicts(officers: &Table, conflicts: &Table) -> Result<Vec<(String, String)>> {
    let ids: std::collections::HashSet<&str> =
        officers.rows.iter().map(|r| officers.id(r)).collect();
    let certificate_columns: Vec<usize> = std::iter::once(String::new())
        .chain((2..=9).map(|n| format!("_{n}")))
        .filter_map(|suffix| officers.column(&format!("certificate{suffix}")))
        .collect();
    let mut by_certificate: HashMap<String, &str> = HashMap::new();
    for r in &officers.rows {
        for &c in &certificate_columns {
            let number = crate::base::normalize::identifier(&r.values[c]);
            if !number.is_empty() {
                by_certificate.entry(number).or_insert(officers.id(r));
            }
        }
    }
    conflicts
        .rows
        .iter()
        .map(|r| {
            let named = conflicts.id(r);
            let officer = if ids.contains(named) {
                named.to_owned()
            } else if let Some(id) = by_certificate.get(named) {
                (*id).to_owned()
            } else {
                return Err(Error::new(ErrorKind::UnknownOfficer)
                    .at(crate::error::Location::line(&conflicts.source, r.line))
                    .arg("officer", named.to_owned()));
            };
            Ok((officer, conflicts.name(r).to_owned()))
        })
        .collect()
}

/// A small draw for the crate's unit tests: a plan of one task over two entities and three
/// officers, drawn with the seed `s`.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{Inputs, Source};
    use crate::draw::record::Record;

    pub(crate) const PLAN: &str = "[plan]\nid = \"p\"\nname = \"n\"\nauthority = \"a\"\n\n[[tasks]]\nid = \"T1\"\nname = \"t\"\nratio = \"50%\"\nteam_size = 2\n";

    /// The inputs.
    pub(crate) fn inputs() -> Inputs {
        Inputs::parse(
            Source {
                name: "plan.toml",
                bytes: PLAN.as_bytes(),
            },
            Source {
                name: "targets.csv",
                bytes: "id,name\n91110000802100433B,甲\n9144030071526726XG,乙\n".as_bytes(),
            },
            Source {
                name: "officers.csv",
                bytes: "id,name\nE1,张三\nE2,李四\nE3,王五\n".as_bytes(),
            },
        )
        .unwrap()
    }

    /// The inputs and their record.
    pub(crate) fn drawn() -> (Inputs, Record) {
        let inputs = inputs();
        let seed = crate::ceremony::seed::Seed::unattested("s").unwrap();
        let record = crate::draw::draw(&inputs, &seed).unwrap().record;
        (inputs, record)
    }
}

#[cfg(test)]
mod tests {
    use super::{DirectoryElsewhere, InputOptions, Inputs, Source};
    use crate::error::ErrorKind;

    #[test]
    fn a_directory_held_elsewhere_is_frozen_alike_and_never_drawn_from() {
        let here = fixtures::inputs();
        let elsewhere = Inputs::parse_elsewhere(
            Source {
                name: "plan.toml",
                bytes: fixtures::PLAN.as_bytes(),
            },
            DirectoryElsewhere {
                digest: here.digests().targets,
                rows: 2,
            },
            Source {
                name: "officers.csv",
                bytes: "id,name\nE1,张三\nE2,李四\nE3,王五\n".as_bytes(),
            },
            // Raw digests are never taken for a directory not read here.
            &InputOptions {
                raw_digest: true,
                ..InputOptions::default()
            },
        )
        .unwrap();
        assert_eq!(elsewhere.raw_digests(), &[None, None, None]);
        // What an announcement freezes is the same as from the file.
        assert_eq!(elsewhere.committed(), here.committed());
        assert_eq!(elsewhere.elsewhere(), Some(2));
        assert_eq!(here.elsewhere(), None);
        // No rows are here: no check, no draw.
        let e = crate::check(&elsewhere).err().unwrap();
        assert_eq!(e.kind(), ErrorKind::InputsMismatch);
        let seed = crate::ceremony::seed::Seed::unattested("s").unwrap();
        let e = crate::draw(&elsewhere, &seed).err().unwrap();
        assert_eq!(e.kind(), ErrorKind::InputsMismatch);
        assert!(e.to_string().contains("held elsewhere"), "{e}");
    }

    use super::fixtures;
}
