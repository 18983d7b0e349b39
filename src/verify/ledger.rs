//! The amendment ledger: replacements of officers and unreachable targets
//! after the draw, each hash-chained to the one before (SPEC.md §9.4).
//!
//! A replacement is never a human choice: it is the first officer, in the
//! order of the replacement tickets of the entry, who may join the team.

use std::collections::HashSet;

use super::report::Difference;
use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Encoder, Hash, to_hex};
use crate::draw::history::{History, within};
use crate::draw::matching::Part;
use crate::draw::record::{LedgerEntry, Record};
use crate::draw::tickets::Ticketer;
use crate::draw::{self, Inputs};
use crate::error::{Error, ErrorKind, Result};

/// The reasons an officer may be replaced; 其他 needs a note.
pub const REASONS: &[&str] = &["回避", "请假", "调离", "证件失效", OTHER];

/// The reason that must be explained in the entry's note.
pub const OTHER: &str = "其他";

/// The longest note, in characters.
pub const MAX_NOTE: usize = 200;

/// The result recorded for a target that cannot be reached; it is not replaced.
pub const UNREACHABLE: &str = "通过登记的住所（经营场所）无法联系";

/// What an amendment does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Replace an officer of a target's team.
    ReplaceOfficer {
        /// The officer leaving the team.
        officer: String,
        /// One of [`REASONS`].
        reason: String,
        /// What the reason leaves unsaid; required for 其他.
        note: String,
    },
    /// Record the target as unreachable at its registered address.
    Unreachable,
}

/// An amendment requested by an operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amendment {
    /// The change.
    pub change: Change,
    /// The task; `None` when the target is drawn by exactly one task.
    pub task: Option<String>,
    /// The target.
    pub target: String,
    /// Who makes it.
    pub actor: String,
    /// When (RFC 3339), given by the caller: the library has no clock.
    pub at: String,
}

/// The digest of a ledger entry (SPEC.md §9.4).
pub fn entry_digest(e: &LedgerEntry) -> Result<Hash, String> {
    let prev: Hash = hex::decode(&e.prev)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| format!("'{}' is not a 64-character hex digest", e.prev))?;
    let mut enc = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/ledger"));
    enc.hash(&prev).u64(e.seq);
    for field in [
        &e.kind,
        &e.task,
        &e.target,
        &e.officer,
        &e.replacement,
        &e.reason,
        &e.note,
        &e.actor,
        &e.at,
    ] {
        enc.str(field);
    }
    Ok(enc.finish())
}

/// The state a ledger builds on a record: current teams, unreachable targets,
/// and who has left each team.
struct State<'a> {
    inputs: &'a Inputs,
    record: &'a Record,
    check: draw::Check<'a>,
    history: Option<History>,
    conflicts: HashSet<(String, String)>,
    /// (task index, selected index) → current team.
    teams: Vec<Vec<Vec<String>>>,
    /// (task index, selected index) → officers who left.
    left: Vec<Vec<Vec<String>>>,
    unreachable: HashSet<(usize, usize)>,
    /// The earliest time an entry may have: the draw (the round's emission, or the
    /// plan's date in China), then each entry's own time.
    not_before: Option<i64>,
}

impl<'a> State<'a> {
    fn new(record: &'a Record, inputs: &'a Inputs) -> Result<State<'a>> {
        let check = draw::check(inputs)?;
        let history = inputs.history.as_ref().map(|(t, _)| History::new(t));
        let conflicts = inputs.conflict_pairs().into_iter().collect();
        let teams = record
            .tasks
            .iter()
            .map(|t| t.selected.iter().map(|s| s.officers.clone()).collect())
            .collect();
        let left = record
            .tasks
            .iter()
            .map(|t| vec![Vec::new(); t.selected.len()])
            .collect();
        let not_before = match &record.seed.attestation {
            Some(a) => crate::dates::parse_rfc3339(&a.announcement.beacon.emitted_at),
            None => crate::dates::Date::parse(&record.plan.date).map(crate::dates::china_start),
        };
        Ok(State {
            inputs,
            record,
            check,
            history,
            conflicts,
            teams,
            left,
            unreachable: HashSet::new(),
            not_before,
        })
    }

    fn locate(&self, task: Option<&str>, target: &str) -> Result<(usize, usize), String> {
        let found: Vec<(usize, usize)> = self
            .record
            .tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| task.is_none_or(|id| t.id == id))
            .filter_map(|(i, t)| {
                t.selected
                    .iter()
                    .position(|s| s.target == target)
                    .map(|j| (i, j))
            })
            .collect();
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!(
                "{target} is not drawn{}",
                task.map_or(String::new(), |t| format!(" by task {t}"))
            )),
            _ => Err(format!("{target} is drawn by several tasks: name the task")),
        }
    }

    /// The replacement for `officer` in slot `slot` (0-based) of the team of
    /// selected `j` of task `i`: the first who qualifies in the slot's own
    /// substitute order, fixed at the draw (SPEC.md §9.4).
    fn replacement(
        &self,
        i: usize,
        j: usize,
        officer: &str,
        slot: usize,
    ) -> Result<String, String> {
        let task_record = &self.record.tasks[i];
        let tc = &self.check.tasks[i];
        let task = tc.task;
        let officers = &self.inputs.officers;
        let key: Hash = hex::decode(&task_record.key)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or("bad task key")?;
        let target = &task_record.selected[j].target;
        let part: &Part = tc
            .pool
            .iter()
            .find(|p| {
                p.pool
                    .iter()
                    .any(|&o| officers.id(&officers.rows[o]) == officer)
            })
            .ok_or_else(|| format!("{officer} is not in the pool of task {}", task.id))?;
        let team = &self.teams[i][j];
        let left = &self.left[i][j];
        let targets = &self.inputs.targets;
        let target_row = (0..targets.len()).find(|&r| targets.id(r) == target);
        let target_region = task
            .officer_region
            .and(targets.column("region"))
            .zip(target_row)
            .map(|(c, r)| targets.value(r, c));
        let officer_region = officers.column("region");
        let ticketer = Ticketer::substitute(&key, slot + 1, target);
        let mut ranked: Vec<(Hash, &str)> = part
            .pool
            .iter()
            .map(|&o| officers.id(&officers.rows[o]))
            .map(|id| (ticketer.ticket(id), id))
            .collect();
        ranked.sort_unstable();
        let refused = |id: &str, row: &crate::inputs::Row| {
            team.iter().any(|t| t == id)
                || id == officer
                || left.iter().any(|l| l == id)
                || self.conflicts.contains(&(id.to_owned(), target.clone()))
                || task.officer_region.is_some_and(|rule| {
                    let same = officer_region.map(|c| row.values[c].as_str()) == target_region;
                    same != (rule == crate::plan::RegionRule::Same)
                })
                || task.rotation.is_some_and(|window| {
                    let (Some(h), Some(day)) = (&self.history, self.inputs.plan.date) else {
                        return false;
                    };
                    h.of(target)
                        .iter()
                        .any(|p| within(p.date, window, day) && p.officers.iter().any(|x| x == id))
                })
        };
        ranked
            .into_iter()
            .find(|(_, id)| {
                let row = officers
                    .rows
                    .iter()
                    .find(|r| officers.id(r) == *id)
                    .expect("pool officer");
                !refused(id, row)
            })
            .map(|(_, id)| id.to_owned())
            .ok_or_else(|| {
                format!(
                    "no officer of the pool of task {} can replace {officer} for {target}",
                    task.id
                )
            })
    }

    /// Checks one entry against the rules and applies it; returns what differs.
    fn apply(&mut self, entry: &LedgerEntry, prev: &str, seq: u64, out: &mut Vec<Difference>) {
        let at = |field: &str| format!("ledger[{seq}].{field}");
        let mut diff = |path: String, record: &str, rules: &str| {
            out.push(Difference {
                path,
                record: format!("'{record}'"),
                recomputed: format!("'{rules}'"),
            });
        };
        if entry.seq != seq {
            diff(at("seq"), &entry.seq.to_string(), &seq.to_string());
        }
        if entry.prev != prev {
            diff(at("prev"), &entry.prev, prev);
        }
        match entry_digest(entry) {
            Ok(d) if to_hex(&d) == entry.digest => {}
            Ok(d) => diff(at("digest"), &entry.digest, &to_hex(&d)),
            Err(m) => diff(at("prev"), &entry.prev, &m),
        }
        for (field, found, expected) in self.field_problems(entry) {
            diff(at(field), &found, &expected);
        }
        if let Some(t) = crate::dates::parse_rfc3339(&entry.at) {
            self.not_before = Some(self.not_before.map_or(t, |n| n.max(t)));
        }
        let task = if entry.task.is_empty() {
            None
        } else {
            Some(entry.task.as_str())
        };
        let (task_index, sel) = match self.locate(task, &entry.target) {
            Ok(p) => p,
            Err(m) => return diff(at("target"), &entry.target, &m),
        };
        match entry.kind.as_str() {
            "unreachable" => {
                if !self.unreachable.insert((task_index, sel)) {
                    diff(
                        at("target"),
                        &entry.target,
                        "already recorded as unreachable",
                    );
                }
            }
            "replace_officer" => {
                let Some(slot) = self.teams[task_index][sel]
                    .iter()
                    .position(|o| *o == entry.officer)
                else {
                    return diff(
                        at("officer"),
                        &entry.officer,
                        "an officer of the current team",
                    );
                };
                let max = self.record.plan.max_replacements;
                if self.left[task_index][sel].len() as u64 >= max {
                    diff(
                        at("kind"),
                        &entry.kind,
                        &format!(
                            "no more replacements: the team of {} has had {max} (plan.max_replacements)",
                            entry.target
                        ),
                    );
                }
                match self.replacement(task_index, sel, &entry.officer, slot) {
                    Ok(r) if r == entry.replacement => {}
                    Ok(r) => diff(at("replacement"), &entry.replacement, &r),
                    Err(m) => diff(at("replacement"), &entry.replacement, &m),
                }
                self.left[task_index][sel].push(entry.officer.clone());
                self.teams[task_index][sel][slot].clone_from(&entry.replacement);
            }
            other => diff(at("kind"), other, "replace_officer|unreachable"),
        }
    }

    /// The entry's own fields against the rules (SPEC.md §9.4): the reason and note,
    /// the actor, the time. (field, found, expected) for each that is not right.
    fn field_problems(&self, e: &LedgerEntry) -> Vec<(&'static str, String, String)> {
        let mut out = Vec::new();
        match e.kind.as_str() {
            "unreachable" => {
                if e.reason != UNREACHABLE {
                    out.push(("reason", e.reason.clone(), UNREACHABLE.to_owned()));
                }
                if !e.officer.is_empty() || !e.replacement.is_empty() {
                    out.push((
                        "officer",
                        format!("{}/{}", e.officer, e.replacement),
                        "no officer and no replacement for an unreachable target".into(),
                    ));
                }
            }
            _ => {
                if !REASONS.contains(&e.reason.as_str()) {
                    out.push(("reason", e.reason.clone(), REASONS.join("|")));
                } else if e.reason == OTHER && e.note.trim().is_empty() {
                    out.push((
                        "note",
                        e.note.clone(),
                        format!("a note saying why, for the reason {OTHER}"),
                    ));
                }
            }
        }
        if e.note.chars().count() > MAX_NOTE
            || crate::base::normalize::first_control(&e.note).is_some()
            || crate::base::normalize::text(&e.note) != e.note
        {
            out.push((
                "note",
                e.note.clone(),
                format!("at most {MAX_NOTE} characters of normalised text, without line breaks"),
            ));
        }
        if e.actor.is_empty()
            || crate::base::normalize::text(&e.actor) != e.actor
            || crate::base::normalize::first_control(&e.actor).is_some()
        {
            out.push((
                "actor",
                e.actor.clone(),
                "who made the amendment: a name, normalised, not empty".into(),
            ));
        }
        match crate::dates::parse_rfc3339(&e.at) {
            None => out.push((
                "at",
                e.at.clone(),
                "an RFC 3339 time such as 2027-01-16T09:30:00+08:00".into(),
            )),
            Some(t) => {
                if let Some(n) = self.not_before
                    && t < n
                {
                    out.push((
                        "at",
                        e.at.clone(),
                        format!(
                            "a time not before {} (the draw, or the entry before)",
                            crate::dates::format_rfc3339(n)
                        ),
                    ));
                }
            }
        }
        out
    }
}

/// Replays a record's ledger against its inputs (SPEC.md §9.4); returns
/// every entry field that is not what the rules give.
pub fn replay(record: &Record, inputs: &Inputs) -> Result<Vec<Difference>> {
    let mut state = State::new(record, inputs)?;
    let mut out = Vec::new();
    let mut prev = record.digest.clone();
    for (k, e) in record.ledger.iter().enumerate() {
        state.apply(e, &prev, k as u64 + 1, &mut out);
        prev.clone_from(&e.digest);
    }
    Ok(out)
}

/// Appends an amendment to a record (SPEC.md §9.4). The record's ledger is
/// replayed first: an amendment is only appended to a ledger that verifies.
pub fn amend(record: &Record, inputs: &Inputs, a: &Amendment) -> Result<Record> {
    let invalid = |message: String| Error::new(ErrorKind::Amendment).arg("message", message);
    let mut state = State::new(record, inputs)?;
    let mut prev = record.digest.clone();
    for (k, e) in record.ledger.iter().enumerate() {
        let mut out = Vec::new();
        state.apply(e, &prev, k as u64 + 1, &mut out);
        if let Some(d) = out.first() {
            return Err(invalid(format!("the ledger does not verify: {d}")));
        }
        prev.clone_from(&e.digest);
    }
    let seq = record.ledger.len() as u64 + 1;
    let (i, j) = state
        .locate(a.task.as_deref(), &a.target)
        .map_err(invalid)?;
    let task = record.tasks[i].id.clone();
    let mut entry = LedgerEntry {
        seq,
        kind: String::new(),
        task,
        target: a.target.clone(),
        officer: String::new(),
        replacement: String::new(),
        reason: String::new(),
        note: String::new(),
        actor: crate::base::normalize::text(&a.actor),
        at: a.at.trim().to_owned(),
        prev,
        digest: String::new(),
    };
    match &a.change {
        Change::Unreachable => {
            if state.unreachable.contains(&(i, j)) {
                return Err(invalid(format!(
                    "{} is already recorded as unreachable",
                    a.target
                )));
            }
            entry.kind = "unreachable".into();
            entry.reason = UNREACHABLE.into();
        }
        Change::ReplaceOfficer {
            officer,
            reason,
            note,
        } => {
            if !REASONS.contains(&reason.as_str()) {
                return Err(invalid(format!(
                    "the reason must be one of {}, found '{reason}'",
                    REASONS.join(", ")
                )));
            }
            let max = record.plan.max_replacements;
            if state.left[i][j].len() as u64 >= max {
                return Err(invalid(format!(
                    "the team of {} has had {max} replacement(s), the most the plan allows (plan.max_replacements): a further change needs a new draw",
                    a.target
                )));
            }
            if !state.teams[i][j].contains(officer) {
                return Err(invalid(format!(
                    "{officer} is not in the team of {} (the team is {})",
                    a.target,
                    state.teams[i][j].join(", ")
                )));
            }
            entry.kind = "replace_officer".into();
            entry.officer.clone_from(officer);
            entry.reason.clone_from(reason);
            entry.note = crate::base::normalize::text(note);
            let slot = state.teams[i][j]
                .iter()
                .position(|o| o == officer)
                .expect("checked above");
            entry.replacement = state.replacement(i, j, officer, slot).map_err(invalid)?;
        }
    }
    if let Some((field, found, expected)) = state.field_problems(&entry).into_iter().next() {
        return Err(invalid(format!("{field} '{found}': expected {expected}")));
    }
    entry.digest = to_hex(&entry_digest(&entry).map_err(invalid)?);
    let mut amended = record.clone();
    amended.ledger.push(entry);
    Ok(amended)
}
