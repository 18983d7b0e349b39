//! The plan's TOML written from the tasks read: every key commented in the language asked
//! for, as `init`'s example plan is, strings and keys quoted as TOML needs them; and, for
//! each line, where in the sheet it came from (to say where a value the plan refuses is).

use std::fmt::Write as _;

use crate::dates::Date;
use crate::messages::{Lang, Message, msg};

use super::columns::Col;
use super::model::{PlanHeader, SheetQuota, SheetTask};

/// Where a line of the plan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A comment, a blank line or a section header.
    Nothing,
    /// A key of `[plan]`, from the caller.
    Header,
    /// A key of the task at this index, from this column (`None`: the row as a whole).
    Task(usize, Option<Col>),
}

/// The column comments start at, in display columns (a Chinese character takes two).
const NOTE_COLUMN: usize = 44;

/// A TOML basic string: `"…"` with `\` and `"` escaped, and any control character as
/// `\uXXXX` (the plan refuses them; escaped, the refusal names them).
pub(crate) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it is ASCII letters, digits, `_` and `-`, else quoted (a Chinese
/// key must be).
pub(crate) fn key(k: &str) -> String {
    if !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        k.to_owned()
    } else {
        string(k)
    }
}

/// A TOML array of strings.
fn strings(list: &[String]) -> String {
    let items: Vec<String> = list.iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// The width a line takes on screen: two columns for a character outside ASCII.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The plan being written, with each line's origin.
struct Writer {
    lang: Lang,
    text: String,
    origins: Vec<Origin>,
}

impl Writer {
    fn push(&mut self, line: &str, origin: Origin) {
        self.text.push_str(line);
        self.text.push('\n');
        self.origins.push(origin);
    }

    /// A comment of one or more lines.
    fn comment(&mut self, m: &Message) {
        for line in m.text(self.lang).lines() {
            self.push(&format!("# {}", line.trim_end()), Origin::Nothing);
        }
    }

    /// `key = value`, with a note after it when there is one.
    fn entry(&mut self, k: &str, value: &str, note: Option<Message>, origin: Origin) {
        self.code(&format!("{} = {value}", key(k)), note, origin);
    }

    fn code(&mut self, code: &str, note: Option<Message>, origin: Origin) {
        let line = match note {
            None => code.to_owned(),
            Some(note) => {
                let pad = NOTE_COLUMN.saturating_sub(width(code)).max(2);
                format!("{code}{}# {}", " ".repeat(pad), note.text(self.lang))
            }
        };
        self.push(&line, origin);
    }
}

/// The plan's TOML for the header and tasks read from `source` (its worksheet `sheet`), and
/// each line's origin (the line `n` is `origins[n - 1]`).
pub(crate) fn plan(
    header: &PlanHeader,
    date: Option<Date>,
    tasks: &[SheetTask],
    source: &str,
    sheet: Option<&str>,
    lang: Lang,
) -> (String, Vec<Origin>) {
    let mut w = Writer {
        lang,
        text: String::new(),
        origins: Vec::new(),
    };
    w.comment(&match sheet {
        Some(sheet) => msg("plan-sheet-toml-title-sheet")
            .arg("source", source)
            .arg("sheet", sheet),
        None => msg("plan-sheet-toml-title").arg("source", source),
    });
    for id in [
        "plan-sheet-toml-edit",
        "plan-sheet-toml-syntax",
        "plan-sheet-toml-no-filter",
        "plan-sheet-toml-check",
    ] {
        w.comment(&msg(id));
    }
    w.push("", Origin::Nothing);
    w.push("[plan]", Origin::Nothing);
    w.entry(
        "id",
        &string(&header.id),
        Some(msg("plan-sheet-toml-id")),
        Origin::Header,
    );
    w.entry(
        "name",
        &string(&header.name),
        Some(msg("plan-sheet-toml-name")),
        Origin::Header,
    );
    for (k, value, note) in [
        ("authority", &header.authority, "plan-sheet-toml-authority"),
        ("contact", &header.contact, "plan-sheet-toml-contact"),
    ] {
        if value.is_empty() {
            // Not given: shown commented out, to fill in.
            w.code(&format!("# {k} = \"\""), Some(msg(note)), Origin::Nothing);
        } else {
            w.entry(k, &string(value), Some(msg(note)), Origin::Header);
        }
    }
    match date {
        Some(d) => w.entry(
            "date",
            &string(&d.to_string()),
            Some(msg("plan-sheet-toml-date")),
            Origin::Header,
        ),
        None => w.code(
            "# date = \"\"",
            Some(msg("plan-sheet-toml-date-missing")),
            Origin::Nothing,
        ),
    }
    for (i, task) in tasks.iter().enumerate() {
        task_entries(&mut w, i, task);
    }
    (w.text, w.origins)
}

/// One `[[tasks]]`: the first task's keys explained, every task's values that were read
/// with a conversion or a default noted, and those a merged cell gave the row.
fn task_entries(w: &mut Writer, i: usize, task: &SheetTask) {
    let first = i == 0;
    let explain = |id: &'static str| first.then(|| msg(id));
    // A key from a column, a value a merged cell gave the row said on the line above it.
    let entry = |w: &mut Writer, k: &str, value: &str, note: Option<Message>, col: Col| {
        for m in task.merged.iter().filter(|m| m.col == col) {
            w.comment(
                &msg("plan-sheet-toml-merged")
                    .arg("column", m.column.clone())
                    .arg("range", m.range.clone()),
            );
        }
        w.entry(k, value, note, Origin::Task(i, Some(col)));
    };
    w.push("", Origin::Nothing);
    w.comment(
        &msg("plan-sheet-toml-task")
            .arg("id", task.id.clone())
            .arg("row", task.at.line.unwrap_or(0)),
    );
    w.push("[[tasks]]", Origin::Task(i, None));
    entry(
        w,
        "id",
        &string(&task.id),
        explain("plan-sheet-toml-task-id"),
        Col::Id,
    );
    entry(
        w,
        "name",
        &string(&task.name),
        explain("plan-sheet-toml-task-name"),
        Col::Name,
    );
    if !task.items.is_empty() {
        entry(
            w,
            "items",
            &strings(&task.items),
            explain("plan-sheet-toml-items"),
            Col::Items,
        );
    }
    if !task.basis.is_empty() {
        entry(
            w,
            "basis",
            &string(&task.basis),
            explain("plan-sheet-toml-basis"),
            Col::Basis,
        );
    }
    if !task.strata.is_empty() {
        entry(
            w,
            "strata",
            &strings(&task.strata),
            explain("plan-sheet-toml-strata"),
            Col::Strata,
        );
    }
    match &task.quota {
        SheetQuota::Ratio { ratio, number } => {
            let note = match number {
                Some(n) => Some(msg("plan-sheet-toml-ratio-from").arg("value", n.clone())),
                None => explain("plan-sheet-toml-ratio"),
            };
            entry(w, "ratio", &string(&ratio.to_string()), note, Col::Ratio);
        }
        SheetQuota::Count(n) => {
            entry(
                w,
                "count",
                &n.to_string(),
                explain("plan-sheet-toml-count"),
                Col::Count,
            );
        }
    }
    if let Some(a) = task.allocation {
        entry(
            w,
            "allocation",
            &string(a.as_str()),
            explain("plan-sheet-toml-allocation"),
            Col::Allocation,
        );
    }
    match task.team_size {
        Some(n) => entry(
            w,
            "team_size",
            &n.to_string(),
            explain("plan-sheet-toml-team-size"),
            Col::TeamSize,
        ),
        None => w.entry(
            "team_size",
            "2",
            Some(msg("plan-sheet-toml-team-size-default")),
            Origin::Task(i, None),
        ),
    }
    if !task.departments.is_empty() {
        entry(
            w,
            "officer_filter",
            &format!("{{ department = {} }}", strings(&task.departments)),
            explain("plan-sheet-toml-departments"),
            Col::Department,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_keys_are_quoted_as_toml_needs() {
        assert_eq!(string("企业公示"), "\"企业公示\"");
        assert_eq!(
            string("《条例》\"第十四条\"\\"),
            r#""《条例》\"第十四条\"\\""#
        );
        assert_eq!(string("a\u{7}b"), r#""a\u0007b""#);
        assert_eq!(key("team_size"), "team_size");
        assert_eq!(key("所属部门"), "\"所属部门\"");
        assert_eq!(key("成立 日期"), "\"成立 日期\"");
        assert_eq!(key(""), "\"\"");
        // What TOML reads back is the text written.
        for s in ["企业公示", "《条例》\"第十四条\"\\", "a'b", "x = 1 # y"] {
            let doc = format!("{} = {}\n", key(s), string(s));
            let t: toml::Table = toml::from_str(&doc).unwrap();
            assert_eq!(t[s].as_str(), Some(s), "{doc}");
        }
        assert_eq!(width("ab"), 2);
        assert_eq!(width("任务"), 4);
    }
}
