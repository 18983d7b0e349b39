//! What both notices share: the task's type, a stratum's label, the formula guard of cells
//! for people, and the "how to verify" section.

use super::model::{Block, Hooks, Paragraph, Rich, Section};
use super::text::text;
use crate::draw::record::{Record, TaskRecord};
use crate::messages::Lang;

/// How to verify, as the draw notice's last section. `verify` is the command that re-runs the
/// draw inside the kit, as the tool that wrote the kit spells it; `reproduce` the independent
/// Python check's (see [`Published::reproduce`](super::Published::reproduce)).
pub(super) fn how_to_verify(
    lang: Lang,
    verify: Option<&str>,
    reproduce: Option<&str>,
    record: &Record,
) -> Section {
    let inputs = &record.inputs;
    let plain = inputs.history.is_none() && inputs.conflicts.is_none() && inputs.earlier.is_empty();
    let reproduce = reproduce.or_else(|| {
        plain.then_some("python3 reproduce.py record.json plan.toml targets.csv officers.csv")
    });
    let commands: Vec<&str> = verify.into_iter().chain(reproduce).collect();
    Section {
        heading: text(lang, "notice-verify-heading"),
        hooks: Hooks::id("verify"),
        blocks: vec![
            Block::Paragraph(Paragraph {
                text: Rich::plain(text(lang, "notice-verify-kit")),
                hooks: Hooks::default(),
            }),
            Block::Commands(commands.join("\n")),
            Block::Paragraph(Paragraph {
                text: Rich::plain(text(lang, "notice-verify-spec")),
                hooks: Hooks::default(),
            }),
        ],
    }
}

/// A stratum's label: its values, or "all" for an unstratified task.
pub(super) fn stratum_label(lang: Lang, stratum: &[String]) -> String {
    if stratum.is_empty() {
        text(lang, "notice-stratum-all")
    } else {
        stratum.join(" / ")
    }
}

/// 定向 or 不定向.
pub fn task_type(lang: Lang, task: &TaskRecord) -> String {
    if task.frame.filter.is_empty() {
        text(lang, "notice-type-undirected")
    } else {
        text(lang, "notice-type-directed")
    }
}

/// A CSV cell for people (a notice opened in Excel or WPS): a value starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be read as a formula (CSV formula injection), so
/// it gets a leading `'`, which spreadsheets show as text. Machine-readable files (the kit's
/// tables, the exclusions) keep exact values and never go through this; a spreadsheet's
/// string cells are never formulas, so the .xlsx needs no guard either.
pub fn people_csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}
