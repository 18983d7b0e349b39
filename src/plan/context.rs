//! Where a plan value is, and the error for a value that is not what the plan expects.

use toml::Spanned;

use crate::error::{Error, ErrorKind, Location};

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
}

impl Ctx<'_> {
    pub(crate) fn at<T>(&self, s: &Spanned<T>) -> Location {
        locate(self.source, self.text, s.span().start)
    }

    pub(crate) fn value_error<T>(
        &self,
        s: &Spanned<T>,
        task: &str,
        key: &str,
        expected: &str,
        found: String,
    ) -> Error {
        Error::new(ErrorKind::PlanValue)
            .at(self.at(s))
            .arg(
                "context",
                if task.is_empty() {
                    String::new()
                } else {
                    format!("task '{task}': ")
                },
            )
            .arg("key", key.to_owned())
            .arg("expected", expected.to_owned())
            .arg("found", found)
    }
}

pub(crate) fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("\"{s}\""),
        other => format!("{} {other}", other.type_str()),
    }
}
