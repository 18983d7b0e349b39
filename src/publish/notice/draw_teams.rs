//! The draw notice's teams: each as it stands after the ledger's amendments, and the ledger
//! itself.

use super::common::Lang;
use crate::draw::record::Record;

fn team(
    record_team: &[String],
    labels: &std::collections::HashMap<String, String>,
    lang: Lang,
) -> String {
    let shown: Vec<String> = record_team
        .iter()
        .map(|id| labels.get(id).cloned().unwrap_or_else(|| id.clone()))
        .collect();
    if shown.iter().all(String::is_empty) {
        // Officers not shown (`OfficerDisplay::Hidden`): how many, not a row of separators.
        return format!(
            "{}{}",
            record_team.len(),
            lang.pick(" 名（不公开）", " officers (not shown)")
        );
    }
    shown.join(lang.pick("、", ", "))
}

/// A selected target's team as it stands after the ledger's amendments, with the
/// entries that changed it (`#1`, `#3`) or that record it unreachable.
pub(super) fn current_team(
    record: &Record,
    task: &str,
    target: &str,
    labels: &std::collections::HashMap<String, String>,
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
        format!(
            "{now}{}{}{}",
            lang.pick("（见修改记录 ", " (amended: "),
            entries.join(lang.pick("、", ", ")),
            lang.pick("）", ")")
        )
    }
}

/// The ledger, one line per entry, and its head: what changed after the draw, and the
/// digest a verifier compares (SPEC.md §9.4).
pub(super) fn amendment_lines(
    record: &Record,
    labels: &std::collections::HashMap<String, String>,
    lang: Lang,
) -> Vec<String> {
    let label = |id: &str| {
        let l = labels.get(id).cloned().unwrap_or_default();
        if l.is_empty() { id.to_owned() } else { l }
    };
    let mut lines: Vec<String> = record
        .ledger
        .iter()
        .map(|e| {
            let what = if e.kind == "unreachable" {
                e.reason.clone()
            } else {
                format!(
                    "{} → {}{}{}{}",
                    label(&e.officer),
                    label(&e.replacement),
                    lang.pick("，原因：", ", reason: "),
                    e.reason,
                    if e.note.is_empty() {
                        String::new()
                    } else {
                        format!("（{}）", e.note)
                    }
                )
            };
            format!(
                "#{} {} {} {}: {what}{}{}",
                e.seq,
                e.at,
                e.task,
                e.target,
                lang.pick("；操作人 ", "; by "),
                e.actor
            )
        })
        .collect();
    let (n, head) = record.ledger_head();
    lines.push(format!(
        "{}: {n}{}，{} `{head}`",
        lang.pick("修改记录条数", "Amendments"),
        lang.pick(" 条", ""),
        lang.pick("链尾摘要", "ledger head")
    ));
    lines.push(
        lang.pick(
            "替换人员不由任何人选择：每个名额的替补顺序在抽取时已确定（规范 §9.4），每队最多替换的人数由计划规定。",
            "Replacements are chosen by no one: each slot's substitute order was fixed at the draw (SPEC.md §9.4), and the plan caps the replacements per team.",
        )
        .to_owned(),
    );
    lines
}
