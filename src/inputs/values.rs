//! Values as read: cleaned, normalised and checked by kind (SPEC.md §3.3).

use std::borrow::Cow;

use crate::base::normalize;
use crate::base::uscc;
use crate::dates::{Date, Validity};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::messages::{Message, msg};

use super::columns::{self, ValueKind};
use super::kind::TableKind;
use super::limits;
use super::personal;

/// The reason code of an officer whose status is not on duty (SPEC.md §8.1).
pub const NOT_ON_DUTY: &str = "不在岗";

/// Officer statuses that count as on duty (在岗).
pub const ON_DUTY: &[&str] = &["在岗", "在职", "正常"];

/// The first kept value of a row shaped like personal data (SPEC.md §3.3), as an
/// error. A target id that passes its check is an enterprise code, not checked.
pub(crate) fn personal_data<V: AsRef<str>>(
    kind: TableKind,
    columns: &[String],
    checked: &[bool],
    id_col: usize,
    values: &[V],
    at: &dyn Fn(usize) -> Location,
) -> Option<Error> {
    let id_is_code = kind == TableKind::Targets && uscc::diagnose(values[id_col].as_ref()).is_ok();
    personal_data_after(columns, checked, id_col, id_is_code, values, at)
}

/// [`personal_data`] when the caller has already checked the id: a target's id that is a
/// valid code or registration number (`id_is_code`) is no resident id (SPEC.md §3.3).
pub(crate) fn personal_data_after<V: AsRef<str>>(
    columns: &[String],
    checked: &[bool],
    id_col: usize,
    id_is_code: bool,
    values: &[V],
    at: &dyn Fn(usize) -> Location,
) -> Option<Error> {
    for (c, v) in values.iter().enumerate() {
        let v = v.as_ref();
        if !checked[c] || (c == id_col && id_is_code) {
            continue;
        }
        if let Some(shape) = personal::shape(v) {
            return Some(
                Error::new(ErrorKind::PersonalData)
                    .at(at(c))
                    .arg("column", columns[c].clone())
                    .arg("shape", shape.describe()),
            );
        }
    }
    None
}

/// True for a real date already written `YYYY-MM-DD` (the common case: no copy).
fn is_iso_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && {
            let n = |r: std::ops::Range<usize>| {
                b[r].iter().fold(0_u32, |a, d| a * 10 + u32::from(d - b'0'))
            };
            Date::new(n(0..4) as u16, n(5..7) as u8, n(8..10) as u8).is_some()
        }
}

/// The common case of [`read_value_cow`], without building its `Result`: the value as
/// it is, when it is already normalised, has no controls and is valid for its kind.
#[inline]
pub(crate) fn clean_value(raw: &str, kind: ValueKind) -> Option<&str> {
    let valid = raw.len() <= limits::FIELD_BYTES
        && normalize::is_clean(raw)
        && match kind {
            ValueKind::Text => true,
            ValueKind::Identifier => !raw.bytes().any(|b| b.is_ascii_lowercase() || b == 0xEF),
            ValueKind::Risk => matches!(raw, "" | "A" | "B" | "C" | "D"),
            ValueKind::Date => raw.is_empty() || is_iso_date(raw),
            ValueKind::Duty => matches!(raw, "在岗" | "不在岗"),
            ValueKind::EndDate | ValueKind::Validity => false,
        };
    valid.then_some(raw)
}

/// Normalises and checks one value (SPEC.md §3.2, §3.3), without copying a
/// value that is already normalised; `at` is called only for an error.
pub(crate) fn read_value_cow<'a>(
    raw: &'a str,
    kind: ValueKind,
    field: &str,
    at: &dyn Fn() -> Location,
) -> Result<Cow<'a, str>> {
    if let Some(v) = clean_value(raw, kind) {
        return Ok(Cow::Borrowed(v));
    }
    if raw.len() > limits::FIELD_BYTES {
        return Err(Error::with_id(ErrorKind::TooLarge, "input-too-large-field")
            .at(at())
            .arg("field", field.to_owned())
            .arg("bytes", raw.len())
            .arg("limit", limits::FIELD_BYTES as u64));
    }
    let clean = normalize::is_clean(raw);
    let value = if clean {
        // Already normalised and without controls: the common case, no copy.
        match kind {
            ValueKind::Identifier if raw.bytes().any(|b| b.is_ascii_lowercase() || b == 0xEF) => {
                normalize::identifier_cow(raw)
            }
            _ => Cow::Borrowed(raw),
        }
    } else {
        match kind {
            ValueKind::Identifier => normalize::identifier_cow(raw),
            _ => normalize::text_cow(raw),
        }
    };
    if !clean && normalize::has_control(&value) {
        return Err(Error::new(ErrorKind::ControlCharacter)
            .at(at())
            .arg("field", field.to_owned())
            .arg(
                "code",
                format!(
                    "{:04X}",
                    normalize::first_control(&value).map_or(0, |c| c as u32)
                ),
            ));
    }
    let bad = |expected: Message| {
        Error::new(ErrorKind::BadValue)
            .at(at())
            .arg("field", field.to_owned())
            .arg("value", value.to_string())
            .arg("expected", expected)
    };
    Ok(match kind {
        ValueKind::Text | ValueKind::Identifier => value,
        // Only whether the officer is on duty is kept: a status such as 病假（住院） is
        // personal data, never hashed or published (SPEC.md §3.3).
        ValueKind::Duty => Cow::Borrowed(if ON_DUTY.contains(&value.as_ref()) {
            ON_DUTY[0]
        } else {
            NOT_ON_DUTY
        }),
        _ if value.is_empty() => value,
        ValueKind::Risk if matches!(value.as_ref(), "A" | "B" | "C" | "D") => value,
        ValueKind::Risk => {
            Cow::Owned(columns::risk_class(&value).ok_or_else(|| bad(msg("input-expected-risk")))?)
        }
        ValueKind::Date if is_iso_date(&value) => value,
        ValueKind::Date => {
            let date = Date::parse(&value)
                .ok_or_else(|| bad(msg("input-expected-date")))?
                .to_string();
            if date == value {
                value
            } else {
                Cow::Owned(date)
            }
        }
        ValueKind::EndDate if value == crate::dates::OPEN_END => value,
        ValueKind::EndDate => Cow::Owned(
            Date::parse(&value)
                .ok_or_else(|| bad(msg("input-expected-end-date")))?
                .to_string(),
        ),
        ValueKind::Validity => Cow::Owned(
            Validity::parse(&value)
                .ok_or_else(|| bad(msg("input-expected-validity")))?
                .to_string(),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn refused(raw: &str, kind: ValueKind) -> Error {
        read_value_cow(raw, kind, "risk", &|| Location::line("t.csv", 2)).unwrap_err()
    }

    #[test]
    fn a_refused_value_is_told_in_either_language() {
        let e = refused("E", ValueKind::Risk);
        assert_eq!(
            e.message(Lang::En),
            "t.csv:2: 'risk' = 'E': expected a credit risk class: A, B, C or D (also A类, 低风险, …)"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "t.csv:2: “risk” = “E”：应为 A、B、C、D 之一的信用风险分类（也可写作 A类、低风险 等）"
        );
        let e = refused("下月", ValueKind::EndDate);
        assert_eq!(
            e.text(Lang::En),
            "'risk' = '下月': expected a date such as 2028-12-31, or 长期"
        );
        assert_eq!(
            e.text(Lang::Zh),
            "“risk” = “下月”：应为 日期（如 2028-12-31）或“长期”"
        );
        let e = refused(&"x".repeat(5000), ValueKind::Text);
        assert_eq!(
            e.text(Lang::En),
            "field 'risk' (5000 bytes) exceeds the limit of 4096"
        );
        assert_eq!(
            e.text(Lang::Zh),
            "“risk”的值长 5000 字节，超出上限 4096 字节"
        );
    }

    #[test]
    fn personal_data_is_named_in_either_language() {
        let columns = ["id".to_owned(), "name".to_owned(), "联络".to_owned()];
        let e = personal_data(
            TableKind::Targets,
            &columns,
            &[true; 3],
            0,
            &["91110000802100433B", "甲", "13800138000"],
            &|c| Location::line("t.csv", c as u64),
        )
        .unwrap();
        assert_eq!(
            e.text(Lang::En),
            "column '联络' holds a mobile phone number (手机号码): personal data must not enter the record or the public files"
        );
        assert_eq!(
            e.text(Lang::Zh),
            "列“联络”含有手机号码：个人信息不得进入记录或公开文件"
        );
    }
}
