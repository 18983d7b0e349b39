//! Where a plan value is, and the error for a value that is not what the plan expects.

use std::collections::BTreeMap;

use toml::Spanned;

use crate::base::normalize;
use crate::inputs::TableKind;
use crate::inputs::columns::{self, Column};

use crate::error::{Error, ErrorKind, Location};
use crate::messages::{Arg, Message, msg};

/// Turns a byte offset into a 1-based line and column (in characters).
pub(crate) fn locate(source: &str, text: &str, offset: usize) -> Location {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    Location::at(source, line, column)
}

pub(crate) struct Ctx<'a> {
    pub(crate) source: &'a str,
    pub(crate) text: &'a str,
    /// The plan's `[columns.targets]` and `[columns.officers]`, normalised.
    pub(crate) targets: &'a BTreeMap<String, String>,
    pub(crate) officers: &'a BTreeMap<String, String>,
}

/// The column a plan's name for it means (SPEC.md §4.1): the name a header cell of that
/// text would get (§3.2 rules 1, 2 and 4), so that `信用风险分类` and `risk` are one
/// column. A name of personal data keeps its text: no table has such a column.
pub(crate) fn resolve_column(
    kind: TableKind,
    name: &str,
    mapping: &BTreeMap<String, String>,
) -> String {
    let name = normalize::text(name);
    match columns::resolve(kind, &name, mapping) {
        Column::Keep(column, _) => column,
        Column::Drop => name.to_ascii_lowercase(),
    }
}

impl Ctx<'_> {
    /// The column a task's name means in the target directory or the officer roster.
    pub(crate) fn column(&self, kind: TableKind, name: &str) -> String {
        let mapping = match kind {
            TableKind::Officers => self.officers,
            _ => self.targets,
        };
        resolve_column(kind, name, mapping)
    }

    pub(crate) fn at<T>(&self, s: &Spanned<T>) -> Location {
        locate(self.source, self.text, s.span().start)
    }

    pub(crate) fn value_error<T>(
        &self,
        s: &Spanned<T>,
        task: &str,
        key: &str,
        expected: Message,
        found: impl Into<Arg>,
    ) -> Error {
        value_error(self.at(s), task, key, expected, found)
    }
}

/// A plan value that is not what the plan expects: `task 'T1': key: expected …, found …`
/// (`task` empty for a key of `[plan]`).
pub(crate) fn value_error(
    at: Location,
    task: &str,
    key: &str,
    expected: Message,
    found: impl Into<Arg>,
) -> Error {
    Error::new(ErrorKind::PlanValue)
        .at(at)
        .arg(
            "context",
            if task.is_empty() {
                msg("plan-context-none")
            } else {
                msg("plan-context-task").arg("task", task)
            },
        )
        .arg("key", key.to_owned())
        .arg("expected", expected)
        .arg("found", found)
}

/// A value as the plan wrote it: a string in TOML quotes, anything else with its type
/// (`integer 3`, `array []`).
pub(crate) fn describe(v: &toml::Value) -> Arg {
    match v {
        toml::Value::String(s) => format!("\"{s}\"").into(),
        other => msg("plan-found-typed")
            .arg("type", other.type_str())
            .arg("value", other.to_string())
            .into(),
    }
}

/// A name the plan wrote, quoted (`'like'`).
pub(crate) fn quoted(name: &str) -> Message {
    msg("plan-found-name").arg("name", name)
}
