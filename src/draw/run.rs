//! The draw: from parsed inputs and a seed to a sealed record; and the
//! check, which does everything but the draw.

use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Hash, sha256, to_hex};
use crate::draw::eligibility::{self, Officers};
use crate::draw::matching;
use crate::error::{Error, Result, Warning};
use crate::inputs::digest;
use crate::inputs::stream::{self, Progress};
use crate::inputs::{ByteSource, Directory, IdCheck, ReadOptions, Table, TableKind, TableOptions};
use crate::plan::{Plan, Task};
use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::ceremony::announcement::{AnnouncedInputs, Committed};
use crate::ceremony::seed::{self, InputDigests, Seed};
use crate::draw::history::History;
use crate::draw::record::{
    Allocation, DepartmentPool, Frame, IdCheckInfo, IneligibleOfficer, InputDigest,
    Inputs as RecordInputs, OfficerPool, OfficersInput, PlanInfo, Record, SeedInfo, Selected,
    SkippedRecord, StratumRecord, TableInput, TargetsInput, TaskRecord, Visit,
};
use crate::draw::selection::{self, Allocated};
use crate::plan::OneVisit;

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

/// The three inputs of a draw, parsed, with their digests.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The plan.
    pub plan: Plan,
    /// The target directory.
    pub targets: Directory,
    /// The officer roster.
    pub officers: Table,
    /// Canonical digests.
    pub digests: InputDigests,
    /// SHA-256 of the raw bytes: plan, targets, officers.
    pub raw: [Hash; 3],
    /// Past inspections, when given (SPEC.md §6.3), with the raw SHA-256.
    pub history: Option<(Table, Hash)>,
    /// Declared conflicts of interest, when given (SPEC.md §8.1), with the raw SHA-256.
    pub conflicts: Option<(Table, Hash)>,
    /// Records of earlier batches of this plan (SPEC.md §6.1), sorted by digest.
    pub earlier: Vec<Record>,
    /// The name the plan was given, for messages.
    pub plan_source: String,
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
    /// What an announcement freezes of these inputs (SPEC.md §5.3): the plan's id, the
    /// inputs' digests, and the earlier batches' records with their rounds.
    pub fn committed(&self) -> Committed {
        let inputs = self;
        Committed {
            plan: self.plan.id.clone(),
            inputs: AnnouncedInputs {
                plan: InputDigest::new(&inputs.digests.plan, &inputs.raw[0]),
                targets: InputDigest::new(&inputs.digests.targets, &inputs.raw[1]),
                officers: InputDigest::new(&inputs.digests.officers, &inputs.raw[2]),
                officer_names: crate::inputs::digest::officer_names(&inputs.officers)
                    .map(|h| to_hex(&h))
                    .unwrap_or_default(),
                earlier: inputs.earlier.iter().map(|r| r.digest.clone()).collect(),
                history: inputs
                    .history
                    .as_ref()
                    .map(|(t, raw)| InputDigest::new(&crate::inputs::digest::table(t), raw)),
                conflicts: inputs
                    .conflicts
                    .as_ref()
                    .map(|(t, raw)| InputDigest::new(&crate::inputs::digest::table(t), raw)),
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
            raw: [sha256(plan.bytes), targets_raw, sha256(officers.bytes)],
            plan: plan_parsed,
            targets: directory,
            officers: officers_parsed,
            plan_source: plan.name.to_owned(),
            history: None,
            conflicts: None,
            earlier: Vec::new(),
        })
    }

    /// Adds the records of earlier batches: targets they drew for a task are
    /// not drawn again by the task of the same id (SPEC.md §6.1). Each record
    /// must be intact (its digest matches its content).
    pub fn with_earlier(mut self, records: Vec<(String, Record)>) -> Result<Inputs> {
        for (name, record) in records {
            let value = serde_json::to_value(&record).expect("a record always serialises");
            if !crate::draw::record::is_intact(&value) {
                return Err(Error::RecordSyntax {
                    at: crate::error::Location::file(&name),
                    message: "its digest does not match its content: it is not the record of an earlier batch as drawn".into(),
                });
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
                Some(format!(
                    "one_visit = \"{}\", this plan \"{}\"",
                    record.plan.one_visit,
                    self.plan.one_visit.as_str()
                ))
            } else if record.plan.max_inspections_per_year
                != self.plan.max_inspections_per_year.unwrap_or(0)
            {
                Some(format!(
                    "max_inspections_per_year = {}, this plan {} (0: none)",
                    record.plan.max_inspections_per_year,
                    self.plan.max_inspections_per_year.unwrap_or(0)
                ))
            } else if !missing.is_empty() {
                Some(format!(
                    "tasks {} that this plan does not have",
                    missing.join(", ")
                ))
            } else {
                None
            };
            if record.plan.id == self.plan.id
                && let Some(changed) = changed
            {
                return Err(Error::RecordSyntax {
                    at: crate::error::Location::file(&name),
                    message: format!(
                        "the earlier batch was drawn with {changed}: every batch of a plan keeps its one_visit, its annual cap and its task ids"
                    ),
                });
            }
            if record.plan.id != self.plan.id {
                return Err(Error::RecordSyntax {
                    at: crate::error::Location::file(&name),
                    message: format!(
                        "it is the record of plan '{}', not of this plan '{}': earlier batches are draws of the same plan",
                        record.plan.id, self.plan.id
                    ),
                });
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
        self.history = Some((table, sha256(history.bytes)));
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
        self.conflicts = Some((table, sha256(conflicts.bytes)));
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
                return Err(Error::UnknownOfficer {
                    at: crate::error::Location::line(&conflicts.source, r.line),
                    officer: named.to_owned(),
                });
            };
            Ok((officer, conflicts.name(r).to_owned()))
        })
        .collect()
}

/// Everything about a task that does not need the seed.
#[derive(Debug, Clone)]
pub struct TaskCheck<'a> {
    /// The task.
    pub task: &'a Task,
    /// Its frame.
    pub frame: selection::Frame,
    /// Each stratum's count.
    pub strata: Vec<Allocated>,
    /// The officer pool, by department for a joint task.
    pub pool: Vec<matching::Part>,
}

/// The outcome of [`check`]: what a draw would do, short of drawing.
#[derive(Debug, Clone)]
pub struct Check<'a> {
    /// One entry per task, in plan order.
    pub tasks: Vec<TaskCheck<'a>>,
    /// Which officers may be drawn.
    pub officers: Officers,
    /// The history file, indexed.
    pub history: Option<History>,
    /// What the earlier batches drew.
    pub earlier: Earlier,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

/// What the earlier batches of the plan drew (SPEC.md §6.1, §7.3).
#[derive(Debug, Clone, Default)]
pub struct Earlier {
    /// (task id, target id) drawn by an earlier batch.
    pub drawn: std::collections::HashSet<(String, String)>,
    /// Per target: the tasks that drew it in earlier batches, in this plan's task
    /// order (ids this plan lacks after them, in byte order), without repeats.
    pub tasks: HashMap<String, Vec<String>>,
    /// Per target: the visits earlier batches in the calendar year of `plan.date`
    /// gave it (one per batch under `merge`, one per task otherwise).
    pub visits: HashMap<String, u64>,
}

impl Earlier {
    /// Indexes the earlier batches' records for a plan.
    pub fn new(records: &[Record], plan: &Plan) -> Earlier {
        let mut e = Earlier::default();
        let position = |id: &str| plan.tasks.iter().position(|t| t.id == id);
        for r in records {
            let same_year = plan.date.is_some_and(|d| {
                crate::base::dates::Date::parse(&r.plan.date).is_some_and(|x| x.year == d.year)
            });
            let mut in_batch: HashMap<&str, u64> = HashMap::new();
            for t in &r.tasks {
                for s in &t.selected {
                    e.drawn.insert((t.id.clone(), s.target.clone()));
                    let tasks = e.tasks.entry(s.target.clone()).or_default();
                    if !tasks.contains(&t.id) {
                        tasks.push(t.id.clone());
                    }
                    *in_batch.entry(&s.target).or_default() += 1;
                }
            }
            if same_year {
                let merge = r.plan.one_visit == "merge";
                for (target, n) in in_batch {
                    *e.visits.entry(target.to_owned()).or_default() += if merge { 1 } else { n };
                }
            }
        }
        for tasks in e.tasks.values_mut() {
            tasks.sort_by(|a, b| {
                (position(a).unwrap_or(usize::MAX), a).cmp(&(position(b).unwrap_or(usize::MAX), b))
            });
        }
        e
    }
}

/// Validates everything a draw would and computes frames, counts and
/// officer pools, without a seed (SPEC.md §6, §8.1).
pub fn check(inputs: &Inputs) -> Result<Check<'_>> {
    let mut warnings = Vec::new();
    let officers = eligibility::officers(
        &inputs.officers,
        inputs.plan.date,
        &inputs.plan_source,
        &mut warnings,
    )?;
    let history = inputs.history.as_ref().map(|(t, _)| History::new(t));
    let earlier = Earlier::new(&inputs.earlier, &inputs.plan);
    let rules = selection::FrameRules {
        earlier: &earlier,
        exclude_status: &inputs.plan.exclude_status,
        history: history.as_ref(),
        date: inputs.plan.date,
        cap: inputs.plan.max_inspections_per_year,
    };
    let mut tasks = Vec::with_capacity(inputs.plan.tasks.len());
    for task in &inputs.plan.tasks {
        if task.rotation.is_some() && inputs.history.is_none() {
            return Err(Error::MissingHistory {
                task: task.id.clone(),
            });
        }
        let frame = selection::frame(task, &inputs.targets, &rules)?;
        let (strata, w) = selection::allocate(task, &frame)?;
        warnings.extend(w);
        // Certificates must be valid on the task's inspection date when it has one.
        let eligible = match task.inspection_date {
            Some(day) if Some(day) != inputs.plan.date => {
                eligibility::officers(
                    &inputs.officers,
                    Some(day),
                    &inputs.plan_source,
                    &mut Vec::new(),
                )?
                .eligible
            }
            _ => officers.eligible.clone(),
        };
        let pool = matching::pool(task, &inputs.officers, &eligible)?;
        tasks.push(TaskCheck {
            task,
            frame,
            strata,
            pool,
        });
    }
    for task in &inputs.plan.tasks {
        warnings.extend(unreadable_filter_values(task, &inputs.targets));
    }
    if !inputs.plan.exclude_status.is_empty() && inputs.targets.column("status").is_none() {
        warnings.push(Warning::NoStatusColumn {
            candidates: inputs
                .targets
                .dropped
                .iter()
                .filter(|h| h.contains("状态") || h.to_ascii_lowercase().contains("status"))
                .cloned()
                .collect(),
        });
    }
    warnings.extend(statuses_not_excluded(
        &inputs.targets,
        &inputs.plan.exclude_status,
    ));
    Ok(Check {
        tasks,
        officers,
        history,
        earlier,
        warnings,
    })
}

/// Whether a condition kind applies, its name, and whether a value reads as that kind.
type Readable = (bool, &'static str, fn(&str) -> bool);

/// Values a task's date or number conditions cannot read (`2019-03-05 00:00:00`,
/// `500万元`): they fail the condition silently, so the clerk is told (SPEC.md §4.2).
fn unreadable_filter_values(task: &Task, targets: &Directory) -> Vec<Warning> {
    let mut out = Vec::new();
    for (column, c) in &task.filter.clauses {
        let checks: [Readable; 2] = [
            (c.after.is_some() || c.before.is_some(), "date", |v| {
                crate::base::dates::Date::parse(v).is_some()
            }),
            (c.min.is_some() || c.max.is_some(), "number", |v| {
                crate::plan::filter::decimal(v).is_some()
            }),
        ];
        let Some(col) = targets.column(column).filter(|&i| targets.is_kept(i)) else {
            continue;
        };
        for (wanted, expected, reads) in checks {
            if !wanted {
                continue;
            }
            let mut rows = 0;
            let mut examples: Vec<String> = Vec::new();
            for (v, n) in distinct_values(targets, col) {
                if !v.is_empty() && !reads(v) {
                    rows += n;
                    if examples.len() < 3 {
                        examples.push(v.to_owned());
                    }
                }
            }
            if rows > 0 {
                out.push(Warning::UnreadableFilterValues {
                    task: task.id.clone(),
                    column: column.clone(),
                    expected,
                    rows,
                    examples,
                });
            }
        }
    }
    out
}

/// Each distinct value of a kept column with its number of rows, in the order of first
/// occurrence: each value examined once, from the column's codes when it is coded (a pass
/// over small integers), not once per row.
fn distinct_values(targets: &Directory, column: usize) -> Vec<(&str, u64)> {
    if let Some((codes, values)) = targets.codes(column) {
        let mut order = Vec::new();
        let mut per_code = vec![0_u64; values.len()];
        for &c in codes {
            let n = &mut per_code[usize::from(c)];
            if *n == 0 {
                order.push(c);
            }
            *n += 1;
        }
        return order
            .into_iter()
            .map(|c| (&*values[usize::from(c)], per_code[usize::from(c)]))
            .collect();
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<(&str, u64)> = Vec::new();
    for row in 0..targets.len() {
        let v = targets.value(row, column);
        let i = *index.entry(v).or_insert_with(|| {
            out.push((v, 0));
            out.len() - 1
        });
        out[i].1 += 1;
    }
    out
}

/// Statuses that hold an exclusion keyword but are not excluded, because
/// keywords match whole statuses or their heads (SPEC.md §6.1): `已注销` is not
/// `注销` unless the plan lists it. Each with its number of rows, in value order.
fn statuses_not_excluded(targets: &Directory, keywords: &[String]) -> Vec<Warning> {
    let Some(column) = targets.column("status").filter(|&c| targets.is_kept(c)) else {
        return Vec::new();
    };
    let mut counts: Vec<(&str, u64)> = distinct_values(targets, column);
    counts.sort_unstable();
    counts
        .into_iter()
        .filter(|(status, _)| eligibility::target_exclusion(status, keywords).is_none())
        .filter_map(|(status, rows)| {
            let keyword = keywords.iter().find(|k| status.contains(k.as_str()))?;
            Some(Warning::StatusNotExcluded {
                status: status.to_owned(),
                keyword: keyword.clone(),
                rows,
            })
        })
        .collect()
}

/// A finished draw: the sealed record and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Draw {
    /// The record.
    pub record: Record,
    /// Warnings (unused ratio entries, counts larger than a frame, unchecked certificates).
    pub warnings: Vec<Warning>,
    /// Every excluded or skipped target, for the companion file: (task, target id, reason),
    /// task by task, frame exclusions in directory order, then skips.
    pub exclusions: Exclusions,
}

/// The excluded and skipped targets of a draw, in the companion file's order, held
/// compactly (a provincial draw has hundreds of thousands).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclusions {
    tasks: Vec<String>,
    reasons: Vec<String>,
    reason_index: HashMap<String, u32>,
    /// The target ids, one after another.
    targets: String,
    /// Each entry: where its id ends in `targets`, its task and its reason.
    entries: Vec<(usize, u32, u32)>,
}

impl Exclusions {
    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was excluded or skipped.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry: (task id, target id, reason).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, &(end, task, reason))| {
                let start = if i == 0 { 0 } else { self.entries[i - 1].0 };
                (
                    self.tasks[task as usize].as_str(),
                    &self.targets[start..end],
                    self.reasons[reason as usize].as_str(),
                )
            })
    }

    /// The companion file: `task,target,reason`, a line each.
    pub fn to_csv(&self) -> String {
        let mut csv = String::with_capacity(self.targets.len() + self.entries.len() * 16 + 20);
        csv.push_str("task,target,reason\n");
        for (task, target, reason) in self.iter() {
            for (i, field) in [task, target, reason].into_iter().enumerate() {
                if i > 0 {
                    csv.push(',');
                }
                csv.push_str(field);
            }
            csv.push('\n');
        }
        csv
    }

    fn start_task(&mut self, id: &str) {
        self.tasks.push(id.to_owned());
    }

    fn push(&mut self, target: &str, reason: &str) {
        let next = self.reasons.len() as u32;
        let r = *self
            .reason_index
            .entry(reason.to_owned())
            .or_insert_with(|| next);
        if r == next {
            self.reasons.push(reason.to_owned());
        }
        self.targets.push_str(target);
        let task = self.tasks.len() as u32 - 1;
        self.entries.push((self.targets.len(), task, r));
    }
}

/// The merged visits (SPEC.md §7.3): every target drawn by more than one
/// task, with those tasks in plan order and the union of their teams in
/// order of first appearance; sorted by target id.
fn merged_visits(tasks: &[TaskRecord]) -> Vec<Visit> {
    // Most targets are drawn by one task: count first, build only the merged visits.
    let mut drawn: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    for s in tasks.iter().flat_map(|t| &t.selected) {
        *drawn.entry(s.target.as_str()).or_default() += 1;
    }
    let mut by_target: std::collections::BTreeMap<&str, Visit> = std::collections::BTreeMap::new();
    for t in tasks {
        for s in t.selected.iter().filter(|s| drawn[s.target.as_str()] > 1) {
            let v = by_target.entry(&s.target).or_insert_with(|| Visit {
                target: s.target.clone(),
                tasks: Vec::new(),
                officers: Vec::new(),
            });
            v.tasks.push(t.id.clone());
            for o in &s.officers {
                if !v.officers.contains(o) {
                    v.officers.push(o.clone());
                }
            }
        }
    }
    by_target.into_values().collect()
}

fn aux_input(table: &Table, raw: &Hash) -> TableInput {
    TableInput {
        digest: to_hex(&digest::table(table)),
        sha256: to_hex(raw),
        rows: table.rows.len() as u64,
        columns: table.sorted_columns(),
    }
}

/// Performs the draw (SPEC.md §5–§9).
pub fn draw(inputs: &Inputs, seed: &Seed) -> Result<Draw> {
    let checked = check(inputs)?;
    let draw_key = seed::draw_key(seed, &inputs.digests);
    let targets = &inputs.targets;
    let officers = &inputs.officers;
    let plan = &inputs.plan;
    let mut tasks = Vec::with_capacity(checked.tasks.len());
    // Which tasks drew each target row, in plan order (SPEC.md §7.3).
    let mut drawn_by: HashMap<usize, Vec<String>> = HashMap::new();
    let mut exclusions = Exclusions::default();
    let mut plan_load = vec![0_u64; officers.rows.len()];
    let conflicts: Option<HashMap<String, std::collections::HashSet<String>>> =
        inputs.conflicts.as_ref().map(|_| {
            let mut by_entity: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
            for (officer, entity) in inputs.conflict_pairs() {
                by_entity.entry(entity).or_default().insert(officer);
            }
            by_entity
        });
    for tc in checked.tasks {
        let task = tc.task;
        let key = seed::task_key(&draw_key, &task.id);
        let mut skip = |row: usize| -> Option<String> {
            let id = targets.id(row);
            let before = checked.earlier.tasks.get(id).map_or(&[][..], Vec::as_slice);
            let earlier = drawn_by.get(&row).map_or(&[][..], Vec::as_slice);
            if plan.one_visit == OneVisit::Exclusive
                && let Some(first) = before.first().or(earlier.first())
            {
                return Some(format!("drawn_by:{first}"));
            }
            let cap = plan.max_inspections_per_year?;
            if plan.one_visit == OneVisit::Merge && !earlier.is_empty() {
                return None; // one more item on a visit already planned
            }
            let day = plan.date?;
            let past = checked.history.as_ref().map_or(0, |h| h.in_year(id, day))
                + checked.earlier.visits.get(id).copied().unwrap_or(0);
            let planned = if plan.one_visit == OneVisit::Merge {
                u64::from(!earlier.is_empty())
            } else {
                earlier.len() as u64
            };
            (past + planned >= cap).then(|| selection::ANNUAL_CAP.to_owned())
        };
        let (selection, skipped) =
            selection::select(&key, targets, &tc.frame, &tc.strata, &mut skip);
        exclusions.start_task(&task.id);
        for (row, reason) in tc.frame.excluded_rows() {
            exclusions.push(targets.id(row), reason);
        }
        for k in &skipped {
            exclusions.push(targets.id(k.row), &k.reason);
        }
        let picks: Vec<_> = selection.picks().collect();
        for (_, pick) in &picks {
            drawn_by.entry(pick.row).or_default().push(task.id.clone());
        }
        let region = match task.officer_region {
            Some(_) => Some(selection::resolve_column(
                targets,
                "region",
                task,
                "officer_region",
                Some(&task.at),
            )?),
            None => None,
        };
        let entities: Vec<matching::Entity<'_>> = picks
            .iter()
            .map(|(_, p)| matching::Entity {
                id: targets.id(p.row),
                region: region.map(|c| targets.value(p.row, c)),
            })
            .collect();
        let rules = matching::Rules {
            conflicts: conflicts.as_ref(),
            history: checked.history.as_ref(),
            date: plan.date,
            plan_cap: plan.max_teams_per_officer,
        };
        let parts = tc.pool.clone();
        let matching = matching::teams(
            task,
            &key,
            officers,
            &parts,
            &entities,
            &rules,
            &mut plan_load,
        )?;
        let (workload_min, workload_max) = matching.workload(officers);
        // Names may be read back from the source: on every core.
        let names: Vec<String> = picks
            .par_iter()
            .map(|(_, pick)| targets.name(pick.row).map(std::borrow::Cow::into_owned))
            .collect::<Result<_>>()?;
        let selected = picks
            .iter()
            .zip(&matching.teams)
            .zip(names)
            .map(|(((stratum, pick), team), name)| Selected {
                target: targets.id(pick.row).to_owned(),
                name,
                stratum: stratum.key.clone(),
                rank: pick.rank,
                ticket: to_hex(&pick.ticket),
                officers: team
                    .iter()
                    .map(|&o| officers.id(&officers.rows[o]).to_owned())
                    .collect(),
            })
            .collect();
        tasks.push(TaskRecord {
            id: task.id.clone(),
            name: task.name.clone(),
            items: task.items.clone(),
            key: to_hex(&key),
            frame: Frame {
                filter: task.filter.clauses.clone(),
                size: selection.frame,
                listed: to_hex(&digest::listed_exclusions(tc.frame.listed(targets))),
                excluded: tc.frame.excluded,
            },
            allocation: Allocation {
                strata: task.strata.clone(),
                mode: task.quota.mode().into(),
                rounding: task.rounding.as_str().into(),
                min_per_stratum: task.min_per_stratum,
            },
            strata: selection
                .strata
                .iter()
                .map(|s| StratumRecord {
                    stratum: s.key.clone(),
                    frame: s.frame,
                    quota: s.quota.clone(),
                    count: s.count,
                    drawn: s.picks.len() as u64,
                })
                .collect(),
            team_size: task.team_size,
            officers: OfficerPool {
                filter: task.officer_filter.clauses.clone(),
                eligible: matching.pool.len() as u64,
                certificates_valid_on: checked
                    .officers
                    .certificates_checked_on
                    .map(|d| task.inspection_date.unwrap_or(d).to_string())
                    .unwrap_or_default(),
                departments: parts
                    .iter()
                    .filter_map(|p| {
                        Some(DepartmentPool {
                            department: p.department.clone()?,
                            members: p.members,
                            eligible: p.pool.len() as u64,
                        })
                    })
                    .collect(),
                workload_min,
                workload_max,
            },
            selected,
            skipped: skipped
                .iter()
                .map(|k| SkippedRecord {
                    target: targets.id(k.row).to_owned(),
                    rank: k.rank,
                    reason: k.reason.clone(),
                })
                .collect(),
        });
    }
    let visits = if plan.one_visit == OneVisit::Merge {
        merged_visits(&tasks)
    } else {
        Vec::new()
    };
    let mut record = Record {
        spec: SPEC_VERSION.into(),
        plan: PlanInfo {
            id: plan.id.clone(),
            name: plan.name.clone(),
            authority: plan.authority.clone(),
            date: plan.date.map(|d| d.to_string()).unwrap_or_default(),
            one_visit: plan.one_visit.as_str().into(),
            max_inspections_per_year: plan.max_inspections_per_year.unwrap_or(0),
            max_replacements: plan.max_replacements,
        },
        inputs: RecordInputs {
            plan: InputDigest {
                digest: to_hex(&inputs.digests.plan),
                sha256: to_hex(&inputs.raw[0]),
            },
            targets: TargetsInput {
                digest: to_hex(&inputs.digests.targets),
                sha256: to_hex(&inputs.raw[1]),
                rows: targets.len() as u64,
                columns: targets.sorted_columns(),
                dropped: targets.dropped.clone(),
                id_check: IdCheckInfo {
                    mode: targets.id_check.as_str().into(),
                    allowlisted: targets.allowlisted.clone(),
                    unchecked: targets.unchecked.clone(),
                },
            },
            officers: OfficersInput {
                digest: to_hex(&inputs.digests.officers),
                sha256: to_hex(&inputs.raw[2]),
                rows: officers.rows.len() as u64,
                columns: officers.sorted_columns(),
                dropped: officers.dropped.clone(),
                names: digest::officer_names(officers)
                    .map(|h| to_hex(&h))
                    .unwrap_or_default(),
                certificates_checked_on: checked
                    .officers
                    .certificates_checked_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                ineligible: {
                    let mut list: Vec<IneligibleOfficer> = checked
                        .officers
                        .ineligible
                        .iter()
                        .map(|i| IneligibleOfficer {
                            id: officers.id(&officers.rows[i.row]).to_owned(),
                            reason: i.reason.to_owned(),
                        })
                        .collect();
                    // By id, so that the record does not depend on row order.
                    list.sort_by(|a, b| a.id.cmp(&b.id));
                    list
                },
            },
            earlier: inputs.earlier.iter().map(|r| r.digest.clone()).collect(),
            history: inputs.history.as_ref().map(|(t, raw)| aux_input(t, raw)),
            conflicts: inputs.conflicts.as_ref().map(|(t, raw)| aux_input(t, raw)),
        },
        seed: SeedInfo {
            source: seed.source.as_str().into(),
            value: seed.value.clone(),
            attestation: seed.attestation.as_deref().cloned(),
        },
        draw_key: to_hex(&draw_key),
        tasks,
        visits,
        digest: String::new(),
        ledger: Vec::new(),
    };
    record.seal();
    Ok(Draw {
        record,
        warnings: checked.warnings,
        exclusions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusions_keep_their_order_tasks_and_reasons() {
        let mut e = Exclusions::default();
        e.start_task("T1");
        e.push("91110000802100433B", "注销");
        e.push("110108000000016", "annual_cap");
        e.start_task("T2");
        e.start_task("T3");
        e.push("91110000802100433B", "drawn_by:T1");
        e.push("9111000071093123XW", "注销");
        assert_eq!(e.len(), 4);
        assert_eq!(
            e.iter().collect::<Vec<_>>(),
            [
                ("T1", "91110000802100433B", "注销"),
                ("T1", "110108000000016", "annual_cap"),
                ("T3", "91110000802100433B", "drawn_by:T1"),
                ("T3", "9111000071093123XW", "注销"),
            ]
        );
        assert_eq!(
            e.to_csv(),
            "task,target,reason\nT1,91110000802100433B,注销\nT1,110108000000016,annual_cap\n\
             T3,91110000802100433B,drawn_by:T1\nT3,9111000071093123XW,注销\n"
        );
        assert!(Exclusions::default().is_empty());
        assert_eq!(Exclusions::default().to_csv(), "task,target,reason\n");
    }
}
