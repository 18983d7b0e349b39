//! The draw record: the JSON document that publishes a draw (SPEC.md §9).
//!
//! Members appear in the order of the structs below; serialisation is
//! `serde_json`'s pretty printer (two-space indent, `": "` and `","`
//! separators, non-ASCII written as UTF-8) plus one final LF, which is also
//! what Python's `json.dumps(obj, ensure_ascii=False, indent=2)` writes. No
//! floats and no control characters occur, so the bytes are the same on
//! every platform.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Encoder, to_hex};
use crate::plan::filter::Condition;

/// The JSON Schema the record follows, relative to the repository.
pub const SCHEMA: &str = "schemas/record.v2.schema.json";

/// A draw record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The spec version the draw follows: `"2"`.
    pub spec: String,
    /// The plan's identity.
    pub plan: PlanInfo,
    /// Digests of the inputs.
    pub inputs: Inputs,
    /// The seed and its provenance.
    pub seed: SeedInfo,
    /// `draw_key`, hex.
    pub draw_key: String,
    /// One entry per task, in plan order.
    pub tasks: Vec<TaskRecord>,
    /// Targets drawn by several tasks, visited once (`one_visit = "merge"`).
    pub visits: Vec<Visit>,
    /// The record's own digest (SPEC.md §9.3), hex: over everything above.
    pub digest: String,
    /// Amendments after the draw, hash-chained from `digest` (SPEC.md §9.4).
    pub ledger: Vec<LedgerEntry>,
}

/// One amendment after the draw (SPEC.md §9.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerEntry {
    /// 1-based position in the ledger.
    pub seq: u64,
    /// `replace_officer` or `unreachable`.
    pub kind: String,
    /// The task.
    pub task: String,
    /// The target.
    pub target: String,
    /// The officer replaced, or `""`.
    pub officer: String,
    /// The officer who replaces them, or `""`.
    pub replacement: String,
    /// Why: 回避, 请假, 调离, 证件失效, 其他, or the unreachable result.
    pub reason: String,
    /// What the reason leaves unsaid (required for 其他), or `""`.
    pub note: String,
    /// Who made the amendment.
    pub actor: String,
    /// When, as given (RFC 3339).
    pub at: String,
    /// The digest this entry chains from: the record's `digest` for the
    /// first, the previous entry's `digest` after.
    pub prev: String,
    /// This entry's digest.
    pub digest: String,
}
/// The plan's identity, copied for readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanInfo {
    /// Plan id.
    pub id: String,
    /// Plan name.
    pub name: String,
    /// The authority.
    pub authority: String,
    /// The draw date, `YYYY-MM-DD`, or `""` when the plan has none.
    pub date: String,
    /// `merge`, `exclusive` or `separate` (SPEC.md §7.3).
    pub one_visit: String,
    /// The annual cap on inspections of one entity, 0 for none.
    pub max_inspections_per_year: u64,
    /// The most officers one team may have replaced after the draw (SPEC.md §9.4).
    pub max_replacements: u64,
}

/// Digests of the three inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inputs {
    /// The plan.
    pub plan: InputDigest,
    /// The target directory.
    pub targets: TargetsInput,
    /// The officer roster.
    pub officers: OfficersInput,
    /// The digests of the earlier batches' records, sorted (SPEC.md §6.1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<String>,
    /// The history file, when the draw used one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<TableInput>,
    /// The conflicts file, when the draw used one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<TableInput>,
}

/// Digests and shape of an auxiliary table (history, conflicts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableInput {
    /// Canonical digest, hex.
    pub digest: String,
    /// SHA-256 of the raw file, hex.
    pub sha256: String,
    /// Number of rows.
    pub rows: u64,
    /// Column names, sorted.
    pub columns: Vec<String>,
}

pub use crate::inputs::digest::InputDigest;

/// The target directory: digests, shape, and how ids were checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsInput {
    /// Canonical digest, hex.
    pub digest: String,
    /// SHA-256 of the raw file, hex.
    pub sha256: String,
    /// Number of rows.
    pub rows: u64,
    /// Normalised column names, sorted.
    pub columns: Vec<String>,
    /// Header names of the columns dropped unread (personal data, or not read by the plan), sorted.
    pub dropped: Vec<String>,
    /// How ids were checked.
    pub id_check: IdCheckInfo,
}

/// How target ids were checked (SPEC.md §3.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdCheckInfo {
    /// `"strict"` or `"warn"`.
    pub mode: String,
    /// Ids that fail their check but were allowed by the allowlist, sorted.
    pub allowlisted: Vec<String>,
    /// Ids that fail their check and were accepted in warn mode, sorted.
    pub unchecked: Vec<String>,
}

/// The officer roster: digests, shape, and who could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficersInput {
    /// Canonical digest, hex.
    pub digest: String,
    /// SHA-256 of the raw file, hex.
    pub sha256: String,
    /// Number of rows.
    pub rows: u64,
    /// Normalised column names of the digest (every kept column but `name`), sorted.
    pub columns: Vec<String>,
    /// Header names of the columns dropped unread, sorted.
    pub dropped: Vec<String>,
    /// The digest of the officers' names (SPEC.md §3.4), hex; `""` when the roster
    /// has no name column.
    pub names: String,
    /// The date certificates were checked on, or `""` when the roster has
    /// no certificate column.
    pub certificates_checked_on: String,
    /// Officers who cannot be drawn, sorted by id.
    pub ineligible: Vec<IneligibleOfficer>,
}

/// An officer who cannot be drawn, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IneligibleOfficer {
    /// The officer's id.
    pub id: String,
    /// A reason code (SPEC.md §8.1): `不在岗` or `证件无效`. Never the roster's
    /// free text (a status such as 病假（住院） is personal data).
    pub reason: String,
}

/// The seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedInfo {
    /// Provenance: `"unattested"` or `"beacon"` (SPEC.md §5).
    pub source: String,
    /// The seed text (for `beacon`, the derived seed in hex).
    pub value: String,
    /// For `beacon`: the announcement and the sources the seed was derived from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestation: Option<crate::ceremony::Attestation>,
}

/// One task's draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskRecord {
    /// Task id.
    pub id: String,
    /// Task name.
    pub name: String,
    /// Inspection items.
    pub items: Vec<String>,
    /// `task_key`, hex.
    pub key: String,
    /// The frame.
    pub frame: Frame,
    /// The allocation rule.
    pub allocation: Allocation,
    /// Every non-empty stratum of the frame, in canonical order.
    pub strata: Vec<StratumRecord>,
    /// Officers per team.
    pub team_size: u64,
    /// The officer pool.
    pub officers: OfficerPool,
    /// The selected targets, stratum by stratum, each in ticket order.
    pub selected: Vec<Selected>,
    /// Targets passed over in the rankings, stratum by stratum, in rank order.
    pub skipped: Vec<SkippedRecord>,
}

/// A target passed over in a ranking (SPEC.md §7.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkippedRecord {
    /// The target's id.
    pub target: String,
    /// Its rank in its stratum.
    pub rank: u64,
    /// `drawn_by:T1` (exclusive) or `annual_cap`.
    pub reason: String,
}

/// One visit covering several tasks (`one_visit = "merge"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// The target's id.
    pub target: String,
    /// The tasks that drew it, in plan order.
    pub tasks: Vec<String>,
    /// The union of their teams, in order of first appearance.
    pub officers: Vec<String>,
}

/// The frame of a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// The filter (column → condition); empty for 不定向.
    pub filter: BTreeMap<String, Condition>,
    /// Targets passing the filter and eligible.
    pub size: u64,
    /// Targets passing the filter but not inspectable, by reason: a status keyword,
    /// `earlier_batch`, `inspected_recently` or `annual_cap`.
    pub excluded: BTreeMap<String, u64>,
    /// The digest of the task's listed exclusions (SPEC.md §6.1, [`crate::inputs::digest::listed_exclusions`]),
    /// hex: binds the exclusions a SQL engine reads from the kit's `exclusions.csv` (§7.4).
    pub listed: String,
}

/// How counts were computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    /// Strata columns.
    pub strata: Vec<String>,
    /// `"ratio"` or `"count"`.
    pub mode: String,
    /// `"ceil"`, `"floor"` or `"nearest"`.
    pub rounding: String,
    /// Least count of a non-empty stratum with a non-zero ratio.
    pub min_per_stratum: u64,
}

/// One stratum's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumRecord {
    /// The stratum's values, one per strata column.
    pub stratum: Vec<String>,
    /// Frame size of the stratum.
    pub frame: u64,
    /// The quota applied: `"3%"` or a count.
    pub quota: String,
    /// Targets allocated.
    pub count: u64,
    /// Targets drawn: fewer than `count` when skips exhausted the ranking.
    pub drawn: u64,
}

/// The officer pool of a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficerPool {
    /// The officer filter.
    pub filter: BTreeMap<String, Condition>,
    /// Officers passing it.
    pub eligible: u64,
    /// The day certificates had to be valid on for this task: its inspection
    /// date, else the plan's date; `""` when certificates were not checked.
    pub certificates_valid_on: String,
    /// For a joint inspection: each department, the members it supplies to
    /// every team, and its eligible officers; empty otherwise.
    pub departments: Vec<DepartmentPool>,
    /// Fewest teams of any eligible officer.
    pub workload_min: u64,
    /// Most teams of any eligible officer.
    pub workload_max: u64,
}

/// One department of a joint inspection (跨部门联合抽查).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentPool {
    /// The department.
    pub department: String,
    /// Members it supplies to every team.
    pub members: u64,
    /// Its eligible officers.
    pub eligible: u64,
}

/// One selected target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selected {
    /// The target's id.
    pub target: String,
    /// The target's name.
    pub name: String,
    /// Its stratum.
    pub stratum: Vec<String>,
    /// 1-based rank in its stratum.
    pub rank: u64,
    /// Its ticket, 64 hex characters.
    pub ticket: String,
    /// The team's officer ids, in draw order.
    pub officers: Vec<String>,
}

/// How much a draw asks of the bureau: an entity drawn by two tasks is one entity, and,
/// when the plan merges visits, one inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Selections over all tasks (an entity drawn by two tasks counts twice).
    pub selections: usize,
    /// Distinct entities drawn.
    pub entities: usize,
    /// Inspections to carry out: the selections, less those merged into another task's
    /// visit (`one_visit = "merge"`).
    pub visits: usize,
}

impl Record {
    /// The day in China its beacon round was emitted: the earliest day the draw can have
    /// been made, as the record proves it; `None` for an unattested seed.
    pub fn beacon_day(&self) -> Option<crate::dates::Date> {
        let a = self.seed.attestation.as_ref()?;
        crate::dates::parse_rfc3339(&a.announcement.beacon.emitted_at)
            .and_then(crate::dates::china_date)
    }

    /// The draw's [`Totals`].
    pub fn totals(&self) -> Totals {
        let selections = self.tasks.iter().map(|t| t.selected.len()).sum();
        let entities = self
            .tasks
            .iter()
            .flat_map(|t| t.selected.iter().map(|s| s.target.as_str()))
            .collect::<std::collections::HashSet<_>>()
            .len();
        let merged: usize = self
            .visits
            .iter()
            .map(|v| v.tasks.len().saturating_sub(1))
            .sum();
        Totals {
            selections,
            entities,
            visits: selections - merged.min(selections),
        }
    }
    /// A record as published (SPEC.md §9), to use it: strict JSON (a member named twice or
    /// unknown is refused, the error naming it), this build's spec version, and a digest that
    /// matches the content. [`verify`](crate::verify::verify) reads any record and reports
    /// what differs; this is for a record one goes on to amend, publish or query.
    ///
    /// ```
    /// # use shuangsui::{draw, Inputs, Record, Seed, Source};
    /// # let inputs = Inputs::parse(
    /// #     Source { name: "plan.toml", bytes: b"[plan]\nid = \"p\"\nname = \"n\"\nauthority = \"a\"\n[[tasks]]\nid = \"T1\"\nname = \"t\"\ncount = 1\nteam_size = 2\n" },
    /// #     Source { name: "targets.csv", bytes: b"id,name\n91110000802100433B,x\n" },
    /// #     Source { name: "officers.csv", bytes: b"id,name\nE1,a\nE2,b\n" },
    /// # )?;
    /// let json = draw(&inputs, &Seed::unattested("s")?)?.record.to_json();
    /// let record = Record::parse("record.json", json.as_bytes())?;
    /// assert_eq!(record.tasks[0].selected.len(), 1);
    ///
    /// let altered = json.replacen("\"T1\"", "\"T2\"", 1);
    /// let e = Record::parse("record.json", altered.as_bytes()).unwrap_err();
    /// assert_eq!(e.kind(), "record_syntax");
    /// # Ok::<(), shuangsui::Error>(())
    /// ```
    pub fn parse(name: &str, bytes: &[u8]) -> crate::error::Result<Record> {
        use crate::error::{Error, ErrorKind, Location};
        // Not JSON at all: not a record (as `verify` says it), before any member is read.
        if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            return Err(not_json(name, e));
        }
        let record = Record::from_json(name, bytes)?;
        if record.spec != SPEC_VERSION {
            return Err(Error::new(ErrorKind::UnsupportedSpec)
                .at(Location::file(name))
                .arg("found", record.spec.as_str())
                .arg("supported", SPEC_VERSION));
        }
        if record.content_digest() != record.digest {
            return Err(
                Error::with_id(ErrorKind::RecordSyntax, "record-altered").at(Location::file(name))
            );
        }
        Ok(record)
    }

    /// A record as strict JSON, its digest not checked (a member that is missing, unknown,
    /// repeated or of the wrong type is a `document` error naming it): for a tool that checks it in its own
    /// way (the earlier batches a later batch follows are checked when they are given).
    pub fn from_json(name: &str, bytes: &[u8]) -> crate::error::Result<Record> {
        crate::base::strict::from_slice(name, bytes)
    }

    /// Serialises the record: pretty JSON and a final LF.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a record always serialises");
        s.push('\n');
        s
    }

    /// The ledger's length and head: the digest of its last entry, or the record's digest
    /// when it has none (SPEC.md §9.4). Publications cite it with the record's digest.
    pub fn ledger_head(&self) -> (usize, &str) {
        (
            self.ledger.len(),
            self.ledger
                .last()
                .map_or(self.digest.as_str(), |e| e.digest.as_str()),
        )
    }

    /// A selected target's current team: its team in `selected` with the ledger's
    /// replacements applied, in slot order (SPEC.md §9.4).
    pub fn current_team(&self, task: &str, target: &str) -> Vec<String> {
        let mut team = self
            .tasks
            .iter()
            .find(|t| t.id == task)
            .and_then(|t| t.selected.iter().find(|s| s.target == target))
            .map(|s| s.officers.clone())
            .unwrap_or_default();
        for e in self.amendments_of(task, target) {
            if let Some(slot) = team.iter_mut().find(|o| **o == e.officer)
                && e.kind == "replace_officer"
            {
                slot.clone_from(&e.replacement);
            }
        }
        team
    }

    /// The ledger entries about one selected target of one task, in order.
    pub fn amendments_of<'a>(
        &'a self,
        task: &'a str,
        target: &'a str,
    ) -> impl Iterator<Item = &'a LedgerEntry> + 'a {
        self.ledger
            .iter()
            .filter(move |e| e.task == task && e.target == target)
    }

    /// Sets [`Record::digest`] from the other members.
    pub fn seal(&mut self) {
        self.digest = self.content_digest();
    }

    /// The record digest (SPEC.md §9.3) of this record, serialised once: the same
    /// bytes as [`digest_of`] its JSON tree, without building the tree.
    pub fn content_digest(&self) -> String {
        /// The record without `digest` and `ledger`, in the record's member order.
        #[derive(Serialize)]
        struct Content<'a> {
            spec: &'a str,
            plan: &'a PlanInfo,
            inputs: &'a Inputs,
            seed: &'a SeedInfo,
            draw_key: &'a str,
            tasks: &'a [TaskRecord],
            visits: &'a [Visit],
        }
        let text = serde_json::to_string_pretty(&Content {
            spec: &self.spec,
            plan: &self.plan,
            inputs: &self.inputs,
            seed: &self.seed,
            draw_key: &self.draw_key,
            tasks: &self.tasks,
            visits: &self.visits,
        })
        .expect("a record always serialises");
        let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/record"));
        e.bytes(text.as_bytes());
        to_hex(&e.finish())
    }
}

/// True when a JSON record's `digest` matches its content (SPEC.md §9.3): it has not been
/// changed since it was sealed. The ledger is outside the digest (§9.4).
pub fn is_intact(record: &serde_json::Value) -> bool {
    record.get("digest").and_then(serde_json::Value::as_str) == Some(digest_of(record).as_str())
}

/// The record digest of a JSON record (SPEC.md §9.3):
/// `SHA-256(str("shuangsui/v2/record") ‖ bytes(J))`, where `J` is the pretty
/// serialisation of the record without its `digest` and `ledger` members.
pub fn digest_of(record: &serde_json::Value) -> String {
    /// The record's members but `digest` and `ledger`, serialised without a copy.
    struct Content<'a>(&'a serde_json::Value);
    impl Serialize for Content<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap as _;
            match self.0.as_object() {
                Some(members) => {
                    let kept = members
                        .iter()
                        .filter(|(k, _)| *k != "digest" && *k != "ledger");
                    let mut map = s.serialize_map(Some(kept.clone().count()))?;
                    for (k, v) in kept {
                        map.serialize_entry(k, v)?;
                    }
                    map.end()
                }
                None => self.0.serialize(s),
            }
        }
    }
    let text = serde_json::to_string_pretty(&Content(record)).expect("a value always serialises");
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/record"));
    e.bytes(text.as_bytes());
    to_hex(&e.finish())
}

/// A record file that is not JSON: `serde_json`'s words (without the position, which the
/// location gives), its error the source.
pub(crate) fn not_json(name: &str, e: serde_json::Error) -> crate::error::Error {
    use crate::error::{Error, ErrorKind, Location};
    let detail = e.to_string();
    let detail = detail
        .split(" at line")
        .next()
        .unwrap_or_default()
        .to_owned();
    Error::with_id(ErrorKind::RecordSyntax, "record-syntax-json")
        .at(Location {
            line: (e.line() > 0).then_some(e.line() as u64),
            column: (e.column() > 0).then_some(e.column() as u64),
            ..Location::file(name)
        })
        .arg("detail", detail)
        .caused_by(e)
}

#[cfg(test)]
mod tests {
    use super::Record;
    use crate::error::ErrorKind;
    use crate::messages::Lang;

    #[test]
    fn a_file_that_is_not_json_is_not_a_record_with_serde_json_as_its_source() {
        let e = Record::parse("plan.toml", b"[plan]\nid = 1\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RecordSyntax);
        assert_eq!(e.location().unwrap().to_string(), "plan.toml:1:2");
        assert_eq!(
            e.to_string(),
            "plan.toml:1:2: not a valid record: expected value"
        );
        assert!(e.message(Lang::Zh).contains("不是有效的抽取记录"));
        let source = std::error::Error::source(&e).expect("serde_json's error");
        assert!(source.is::<serde_json::Error>());
        // JSON that is not a record names the member, with serde_json's error as the source.
        let e = Record::parse("r.json", br#"{"spec": "2", "extra": 1}"#).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Document);
        assert!(std::error::Error::source(&e).is_some());
    }
}
