//! What both notices share: the task's type, a stratum's label, the formula guard of cells
//! for people, and the "how to verify" section.

use super::model::{
    Block, CellKind, Column, Fact, Hooks, Paragraph, Rich, Row, Section, Signature, Table,
};
use super::text::{text, text_with, written_date};
use crate::dates::Date;
use crate::draw::record::{Record, TaskRecord};
use crate::messages::Arg;
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
            Block::Paragraph(Paragraph {
                text: Rich::plain(text(lang, "notice-verify-browser")),
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
    task_type_of(lang, !task.frame.filter.is_empty())
}

/// 定向 when the task's frame is filtered, else 不定向.
pub(super) fn task_type_of(lang: Lang, directed: bool) -> String {
    if directed {
        text(lang, "notice-type-directed")
    } else {
        text(lang, "notice-type-undirected")
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

/// The authority as the subject of the 正文; "本机关" when the plan names none.
pub(super) fn authority_or_self(lang: Lang, authority: &str) -> String {
    if authority.is_empty() {
        text(lang, "notice-authority-self")
    } else {
        authority.to_owned()
    }
}

/// Where objections go (the plan's `contact`), as a paragraph; `None` when the plan gives
/// none.
pub(super) fn contact(lang: Lang, contact: &str) -> Option<Block> {
    (!contact.is_empty()).then(|| {
        Block::Paragraph(Paragraph {
            text: Rich::plain(text_with(
                lang,
                "notice-contact",
                &[("contact", Arg::from(contact))],
            )),
            hooks: Hooks {
                class: Some("contact"),
                id: Some("contact".to_owned()),
                data: Vec::new(),
            },
        })
    })
}

/// The signature (落款): the authority and the day of issue.
pub(super) fn signature(authority: &str, issued: Option<Date>, lang: Lang) -> Block {
    Block::Signature(Signature {
        authority: authority.to_owned(),
        date: issued.map_or_else(String::new, |d| written_date(lang, d)),
    })
}

/// 特此公告: the line that closes a 公告's text, before its signature.
pub(super) fn closing(lang: Lang) -> Block {
    Block::Paragraph(Paragraph {
        text: Rich::plain(text(lang, "notice-closing")),
        hooks: Hooks::class("lead"),
    })
}

/// A title's message: `id` names the authority (`…关于…的公告`); without one, `id-bare`.
pub(super) fn titled(authority: &str, id: &'static str) -> &'static str {
    if !authority.is_empty() {
        return id;
    }
    match id {
        "notice-draw-title" => "notice-draw-title-bare",
        "notice-draw-title-correction" => "notice-draw-title-correction-bare",
        "notice-results-title" => "notice-results-title-bare",
        "notice-announce-title" => "notice-announce-title-bare",
        other => other,
    }
}

/// A column as people read it: in Chinese, the header name a bureau's file gives a standard
/// field (`risk` → 信用风险分类), else the name as it is.
pub(super) fn column_label(lang: Lang, officers: bool, name: &str) -> String {
    use crate::inputs::TableKind::{Officers, Targets};
    match lang {
        Lang::En => name.to_owned(),
        Lang::Zh => {
            crate::inputs::columns::chinese_label(if officers { Officers } else { Targets }, name)
        }
    }
}

/// A filter in words: `所属行业为H 住宿和餐饮业；成立日期晚于2020-01-01`; `""` for none.
pub(super) fn filter_text(
    lang: Lang,
    officers: bool,
    filter: &std::collections::BTreeMap<String, crate::plan::Condition>,
) -> String {
    let values = |v: &[String]| v.join(&text(lang, "notice-separator-names"));
    let mut parts = Vec::new();
    for (column, c) in filter {
        let column = column_label(lang, officers, column);
        let mut say = |id: &str, value: String| {
            parts.push(text_with(
                lang,
                id,
                &[("column", Arg::from(&column)), ("value", Arg::from(value))],
            ));
        };
        if let Some(v) = &c.one_of {
            say("notice-condition-in", values(v));
        }
        if let Some(v) = &c.not {
            say("notice-condition-not", values(v));
        }
        for (id, v) in [
            ("notice-condition-after", &c.after),
            ("notice-condition-before", &c.before),
            ("notice-condition-min", &c.min),
            ("notice-condition-max", &c.max),
        ] {
            if let Some(v) = v {
                say(id, v.clone());
            }
        }
    }
    parts.join(&text(lang, "notice-separator-items"))
}

/// A table of input digests: per file its name (a catalog id), its rows when a table, its
/// canonical digest, and its raw SHA-256 (`""` when not recorded; the column is shown when
/// any file has one).
pub(super) fn digest_table(
    lang: Lang,
    hooks: Hooks,
    files: &[(&str, Option<u64>, &str, &str)],
) -> Table {
    let raw = files.iter().any(|(_, _, _, sha256)| !sha256.is_empty());
    let mut columns = vec![
        Column::text(text(lang, "notice-column-file")),
        Column::number(text(lang, "notice-column-rows")),
        Column::of(CellKind::Digest, text(lang, "notice-column-digest")),
    ];
    if raw {
        columns.push(Column::of(
            CellKind::Digest,
            text(lang, "notice-column-sha256"),
        ));
    }
    let mut table = Table::new(hooks, columns);
    for (file, rows, digest, sha256) in files {
        let mut cells = vec![
            text(lang, file),
            rows.map(|n| n.to_string()).unwrap_or_default(),
            (*digest).to_owned(),
        ];
        if raw {
            cells.push((*sha256).to_owned());
        }
        table.rows.push(Row {
            hooks: Hooks::default(),
            cells,
        });
    }
    table
}

/// A term of the catalog and its value.
pub(super) fn fact(lang: Lang, id: &str, value: impl Into<Rich>) -> Fact {
    Fact {
        term: text(lang, id),
        value: value.into(),
        hooks: Hooks::default(),
    }
}
