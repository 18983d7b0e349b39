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
use crate::messages::{Arg, Message, msg};

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

/// The digest of a ledger entry (SPEC.md §9.4); the error says why there is none (the
/// previous digest is not one).
pub fn entry_digest(e: &LedgerEntry) -> Result<Hash, Message> {
    let prev: Hash = hex::decode(&e.prev)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| msg("ledger-bad-prev").arg("prev", &e.prev))?;
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

    fn locate(&self, task: Option<&str>, target: &str) -> Result<(usize, usize), Message> {
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
            [] => Err(match task {
                Some(t) => msg("ledger-not-drawn-by-task")
                    .arg("target", target)
                    .arg("task", t),
                None => msg("ledger-not-drawn").arg("target", target),
            }),
            several => {
                let tasks: Vec<&str> = several
                    .iter()
                    .map(|&(i, _)| self.record.tasks[i].id.as_str())
                    .collect();
                Err(msg("ledger-drawn-by-several")
                    .arg("target", target)
                    .arg("tasks", tasks.join(", ")))
            }
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
    ) -> Result<String, Message> {
        let task_record = &self.record.tasks[i];
        let tc = &self.check.tasks[i];
        let task = tc.task;
        let officers = &self.inputs.officers;
        let key: Hash = hex::decode(&task_record.key)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| msg("ledger-bad-task-key"))?;
        let target = &task_record.selected[j].target;
        let part: &Part = tc
            .pool
            .iter()
            .find(|p| {
                p.pool
                    .iter()
                    .any(|&o| officers.id(&officers.rows[o]) == officer)
            })
            .ok_or_else(|| {
                msg("ledger-not-in-pool")
                    .arg("officer", officer)
                    .arg("task", &task.id)
            })?;
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
                msg("ledger-no-replacement")
                    .arg("task", &task.id)
                    .arg("officer", officer)
                    .arg("target", target)
            })
    }

    /// Checks one entry against the rules and applies it; returns what differs.
    fn apply(&mut self, entry: &LedgerEntry, prev: &str, seq: u64, out: &mut Vec<Difference>) {
        let at = |field: &str| format!("ledger[{seq}].{field}");
        // The record's value and what the rules give, each in quotes.
        let mut diff = |path: String, record: &str, rules: Arg| {
            out.push(Difference::new(path, format!("'{record}'"), quoted(rules)));
        };
        if entry.seq != seq {
            diff(at("seq"), &entry.seq.to_string(), seq.to_string().into());
        }
        if entry.prev != prev {
            diff(at("prev"), &entry.prev, prev.into());
        }
        match entry_digest(entry) {
            Ok(d) if to_hex(&d) == entry.digest => {}
            Ok(d) => diff(at("digest"), &entry.digest, to_hex(&d).into()),
            Err(m) => diff(at("prev"), &entry.prev, m.into()),
        }
        for (field, found, expected) in self.field_problems(entry) {
            diff(at(field), &found, expected);
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
            Err(m) => return diff(at("target"), &entry.target, m.into()),
        };
        match entry.kind.as_str() {
            "unreachable" => {
                if !self.unreachable.insert((task_index, sel)) {
                    diff(
                        at("target"),
                        &entry.target,
                        msg("ledger-already-unreachable").into(),
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
                        msg("ledger-officer-of-team").into(),
                    );
                };
                let max = self.record.plan.max_replacements;
                if self.left[task_index][sel].len() as u64 >= max {
                    diff(
                        at("kind"),
                        &entry.kind,
                        msg("ledger-no-more-replacements")
                            .arg("target", &entry.target)
                            .arg("max", max)
                            .into(),
                    );
                }
                match self.replacement(task_index, sel, &entry.officer, slot) {
                    Ok(r) if r == entry.replacement => {}
                    Ok(r) => diff(at("replacement"), &entry.replacement, r.into()),
                    Err(m) => diff(at("replacement"), &entry.replacement, m.into()),
                }
                self.left[task_index][sel].push(entry.officer.clone());
                self.teams[task_index][sel][slot].clone_from(&entry.replacement);
            }
            other => diff(at("kind"), other, "replace_officer|unreachable".into()),
        }
    }

    /// The entry's own fields against the rules (SPEC.md §9.4): the reason and note,
    /// the actor, the time. (field, found, expected) for each that is not right: what is
    /// expected a value (text) or a rule (a message).
    fn field_problems(&self, e: &LedgerEntry) -> Vec<(&'static str, String, Arg)> {
        let mut out = Vec::new();
        match e.kind.as_str() {
            "unreachable" => {
                if e.reason != UNREACHABLE {
                    out.push(("reason", e.reason.clone(), UNREACHABLE.into()));
                }
                if !e.officer.is_empty() || !e.replacement.is_empty() {
                    out.push((
                        "officer",
                        format!("{}/{}", e.officer, e.replacement),
                        msg("ledger-unreachable-officer").into(),
                    ));
                }
            }
            _ => {
                if !REASONS.contains(&e.reason.as_str()) {
                    out.push(("reason", e.reason.clone(), REASONS.join("|").into()));
                } else if e.reason == OTHER && e.note.trim().is_empty() {
                    out.push((
                        "note",
                        e.note.clone(),
                        msg("ledger-note-needed").arg("other", OTHER).into(),
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
                msg("ledger-note-form").arg("max", MAX_NOTE).into(),
            ));
        }
        if e.actor.is_empty()
            || crate::base::normalize::text(&e.actor) != e.actor
            || crate::base::normalize::first_control(&e.actor).is_some()
        {
            out.push(("actor", e.actor.clone(), msg("ledger-actor").into()));
        }
        match crate::dates::parse_rfc3339(&e.at) {
            None => out.push(("at", e.at.clone(), msg("ledger-at-form").into())),
            Some(t) => {
                if let Some(n) = self.not_before
                    && t < n
                {
                    out.push((
                        "at",
                        e.at.clone(),
                        msg("ledger-at-order")
                            .arg("time", crate::dates::format_rfc3339(n))
                            .into(),
                    ));
                }
            }
        }
        out
    }
}

/// What the rules give for a field, as a difference shows it: in quotes, a value as it is
/// and a rule in words.
fn quoted(rules: Arg) -> Arg {
    match rules {
        Arg::Message(m) => msg("ledger-rule").arg("rule", m).into(),
        value => format!("'{value}'").into(),
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
    // What the ledger's rules say, as the reason.
    let invalid = |reason: Message| {
        Error::with_id(ErrorKind::Amendment, "amendment-refused").arg("reason", reason)
    };
    let mut state = State::new(record, inputs)?;
    let mut prev = record.digest.clone();
    for (k, e) in record.ledger.iter().enumerate() {
        let mut out = Vec::new();
        state.apply(e, &prev, k as u64 + 1, &mut out);
        if let Some(d) = out.first() {
            return Err(
                Error::with_id(ErrorKind::Amendment, "amendment-ledger-not-verified")
                    .arg("difference", d.to_message()),
            );
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
                return Err(
                    Error::with_id(ErrorKind::Amendment, "amendment-already-unreachable")
                        .arg("target", &a.target),
                );
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
                return Err(Error::with_id(ErrorKind::Amendment, "amendment-reason")
                    .arg("reasons", REASONS.join(", "))
                    .arg("reason", reason));
            }
            let max = record.plan.max_replacements;
            if state.left[i][j].len() as u64 >= max {
                return Err(
                    Error::with_id(ErrorKind::Amendment, "amendment-max-replacements")
                        .arg("target", &a.target)
                        .arg("max", max),
                );
            }
            if !state.teams[i][j].contains(officer) {
                return Err(
                    Error::with_id(ErrorKind::Amendment, "amendment-not-in-team")
                        .arg("officer", officer)
                        .arg("target", &a.target)
                        .arg("team", state.teams[i][j].join(", ")),
                );
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
        return Err(Error::with_id(ErrorKind::Amendment, "amendment-field")
            .arg("field", field)
            .arg("found", found)
            .arg("expected", expected));
    }
    entry.digest = to_hex(&entry_digest(&entry).map_err(invalid)?);
    let mut amended = record.clone();
    amended.ledger.push(entry);
    Ok(amended)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn a_refused_amendment_and_a_forged_entry_say_why_in_either_language() {
        let (inputs, record) = crate::draw::inputs::fixtures::drawn();
        let selected = &record.tasks[0].selected[0];
        let replace = |reason: &str| Amendment {
            change: Change::ReplaceOfficer {
                officer: selected.officers[0].clone(),
                reason: reason.into(),
                note: String::new(),
            },
            task: None,
            target: selected.target.clone(),
            actor: "张三".into(),
            at: "2030-01-02T09:00:00+08:00".into(),
        };
        let e = amend(&record, &inputs, &replace("出差")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot amend: the reason must be one of 回避, 请假, 调离, 证件失效, 其他, found '出差'"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "不能修改：原因必须是 回避, 请假, 调离, 证件失效, 其他 之一，实为“出差”"
        );
        let e = amend(&record, &inputs, &replace(OTHER)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot amend: note '': expected a note saying why, for the reason 其他"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "不能修改：note“”：应为说明原因的备注（原因为“其他”时必填）"
        );
        let elsewhere = Amendment {
            change: Change::Unreachable,
            task: Some("T1".into()),
            target: "X".into(),
            ..replace("回避")
        };
        let e = amend(&record, &inputs, &elsewhere).unwrap_err();
        assert_eq!(e.to_string(), "cannot amend: X is not drawn by task T1");
        assert_eq!(e.message(Lang::Zh), "不能修改：X 未被任务 T1 抽中");

        // An entry whose actor is missing, replayed: the difference in either language.
        let mut amended = amend(&record, &inputs, &replace("回避")).unwrap();
        amended.ledger[0].actor = String::new();
        let d = replay(&amended, &inputs).unwrap();
        let actor = d.iter().find(|d| d.path == "ledger[1].actor").unwrap();
        assert_eq!(
            actor.to_string(),
            "ledger[1].actor: record has '', the inputs give 'who made the amendment: a name, normalised, not empty'"
        );
        assert_eq!(
            actor.message(Lang::Zh),
            "ledger[1].actor：记录中为 ''，按输入应为 “作出修改的人的姓名（规范化，不能为空）”"
        );
    }
}
