//! The draw notice's teams: each as it stands after the ledger's amendments, and the ledger
//! itself.

use std::collections::HashMap;

use super::model::Rich;
use super::text::{Value, beijing, rich, text, text_with};
use crate::draw::record::Record;
use crate::messages::{Arg, Lang};

fn team(record_team: &[String], labels: &HashMap<String, String>, lang: Lang) -> String {
    let shown: Vec<String> = record_team
        .iter()
        .map(|id| labels.get(id).cloned().unwrap_or_else(|| id.clone()))
        .collect();
    if shown.iter().all(String::is_empty) {
        // Officers not shown (`OfficerDisplay::Hidden`): how many, not a row of separators.
        return text_with(
            lang,
            "notice-team-hidden",
            &[("count", Arg::from(record_team.len()))],
        );
    }
    shown.join(&text(lang, "notice-separator-names"))
}

/// A selected target's team as it stands after the ledger's amendments, with the
/// entries that changed it (`#1`, `#3`) or that record it unreachable.
pub(super) fn current_team(
    record: &Record,
    task: &str,
    target: &str,
    labels: &HashMap<String, String>,
    lang: Lang,
) -> String {
    let now = team(&record.current_team(task, target), labels, lang);
    let entries: Vec<String> = record
        .amendments_of(task, target)
        .map(|e| format!("#{}", e.seq))
        .collect();
    if entries.is_empty() {
        now
    } else {
        text_with(
            lang,
            "notice-team-amended",
            &[
                ("team", Arg::from(now)),
                (
                    "entries",
                    Arg::from(entries.join(&text(lang, "notice-separator-names"))),
                ),
            ],
        )
    }
}

/// The ledger, one line per entry, and its head: what changed after the draw, and the
/// digest a verifier compares (SPEC.md §9.4).
pub(super) fn amendment_lines(
    record: &Record,
    labels: &HashMap<String, String>,
    lang: Lang,
) -> Vec<Rich> {
    let label = |id: &str| {
        let l = labels.get(id).cloned().unwrap_or_default();
        if l.is_empty() { id.to_owned() } else { l }
    };
    let mut lines: Vec<Rich> = record
        .ledger
        .iter()
        .map(|e| {
            let mut args: Vec<(&str, Value)> = vec![
                ("seq", Value::from(e.seq.to_string())),
                ("at", Value::from(beijing(lang, &e.at))),
                ("task", Value::from(&e.task)),
                ("target", Value::from(&e.target)),
                ("reason", Value::from(&e.reason)),
                ("actor", Value::from(&e.actor)),
            ];
            let id = if e.kind == "unreachable" {
                "notice-amendment-unreachable"
            } else {
                args.push(("officer", Value::from(label(&e.officer))));
                args.push(("replacement", Value::from(label(&e.replacement))));
                if e.note.is_empty() {
                    "notice-amendment-replacement"
                } else {
                    args.push(("note", Value::from(&e.note)));
                    "notice-amendment-replacement-note"
                }
            };
            rich(lang, id, &args)
        })
        .collect();
    let (n, head) = record.ledger_head();
    lines.push(rich(
        lang,
        "notice-ledger-head",
        &[("entries", Value::from(n)), ("head", Value::from(head))],
    ));
    lines.push(rich(lang, "notice-ledger-rule", &[]));
    lines
}
