//! The notices' texts, from the library's message catalog (`## Notices` in
//! `src/messages/*.ftl`). A text between backticks is code (a digest, the seed): [`rich`]
//! makes such a text a [`Rich`] without ever reading the values put into it as marks, so a
//! backtick in a company's name stays a backtick.

use super::model::Rich;
use crate::dates::Date;
use crate::messages::{Arg, Catalog, Lang};

/// A notice's text without values.
pub(super) fn text(lang: Lang, id: &str) -> String {
    Catalog::library().message(lang, id, &[])
}

/// A time of the record (RFC 3339, UTC there) as people in China read it: Beijing time,
/// said so; as written when it is not one.
pub(super) fn beijing(lang: Lang, rfc3339: &str) -> String {
    match crate::dates::parse_rfc3339(rfc3339) {
        Some(t) => text_with(
            lang,
            "time-beijing",
            &[("time", Arg::from(crate::dates::format_beijing(t)))],
        ),
        None => rfc3339.to_owned(),
    }
}

/// A time of the record (RFC 3339) as a 公告 writes it, in Beijing time: `2023年9月15日19时00分03秒
/// （北京时间）`; as written when it is not one.
pub(super) fn written_time(lang: Lang, rfc3339: &str) -> String {
    let Some((day, [h, m, s])) =
        crate::dates::parse_rfc3339(rfc3339).and_then(crate::dates::beijing_at)
    else {
        return rfc3339.to_owned();
    };
    text_with(
        lang,
        "notice-written-time",
        &[
            ("date", Arg::from(written_date(lang, day))),
            ("hour", Arg::from(format!("{h:02}"))),
            ("minute", Arg::from(format!("{m:02}"))),
            ("second", Arg::from(format!("{s:02}"))),
        ],
    )
}

/// A date as a 公告 writes it: `2027年3月15日`, `15 March 2027`.
pub fn written_date(lang: Lang, date: Date) -> String {
    text_with(
        lang,
        "notice-written-date",
        &[
            ("year", Arg::from(date.year)),
            ("month", Arg::from(u32::from(date.month))),
            ("day", Arg::from(u32::from(date.day))),
        ],
    )
}

/// A notice's text with values.
pub(super) fn text_with(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    Catalog::library().message(lang, id, args)
}

/// A value put into a [`rich`] text.
pub(super) enum Value {
    /// Text as it is: never code marks, whatever it holds.
    Text(String),
    /// A count (it selects plural forms).
    Count(u64),
    /// Text that has code spans of its own.
    Rich(Rich),
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_owned())
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Value {
        Value::Text(s.clone())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Count(n)
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Count(n as u64)
    }
}

impl From<Rich> for Value {
    fn from(r: Rich) -> Value {
        Value::Rich(r)
    }
}

/// Marks a value's place in the formatted text (private-use characters, which no message
/// holds).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// A notice's text with values, its backticked parts as code. The message is formatted with
/// a mark in place of each value, split at its backticks, and only then are the values put in.
pub(super) fn rich(lang: Lang, id: &str, args: &[(&str, Value)]) -> Rich {
    let marked: Vec<(&str, Arg)> = args
        .iter()
        .enumerate()
        .map(|(i, (name, value))| {
            let arg = match value {
                Value::Count(n) => Arg::Count(*n),
                Value::Text(_) | Value::Rich(_) => Arg::Text(format!("{OPEN}{i}{CLOSE}")),
            };
            (*name, arg)
        })
        .collect();
    let formatted = text_with(lang, id, &marked);
    let mut out = Rich::default();
    for (part, text) in formatted.split('`').enumerate() {
        let code = part % 2 == 1;
        let mut rest = text;
        while let Some(open) = rest.find(OPEN) {
            out.push(&rest[..open], code);
            let after = &rest[open + OPEN.len_utf8()..];
            let close = after.find(CLOSE).expect("a value's mark is closed");
            let i: usize = after[..close].parse().expect("a value's mark is its index");
            match &args[i].1 {
                Value::Text(t) => out.push(t, code),
                Value::Rich(r) => {
                    for span in &r.0 {
                        out.push(&span.text, code || span.code);
                    }
                }
                Value::Count(_) => unreachable!("counts are formatted in place"),
            }
            rest = &after[close + CLOSE.len_utf8()..];
        }
        out.push(rest, code);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::notice::model::Span;

    #[test]
    fn values_are_never_read_as_code_marks() {
        let r = rich(
            Lang::En,
            "notice-seed-derived",
            &[("seed", Value::from("a`b<c>"))],
        );
        assert_eq!(
            r.0,
            vec![
                Span {
                    text: "Derived seed: ".to_owned(),
                    code: false
                },
                Span {
                    text: "a`b<c>".to_owned(),
                    code: true
                }
            ]
        );
    }

    #[test]
    fn rich_values_keep_their_code_spans() {
        let inner = Rich::code("abc");
        let r = rich(
            Lang::En,
            "notice-team-amended",
            &[("team", Value::Rich(inner)), ("entries", Value::from("#1"))],
        );
        assert_eq!(r.text(), "abc (amended: #1)");
        assert!(r.0[0].code && !r.0[1].code);
    }
}
