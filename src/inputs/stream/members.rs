//! One line of JSON Lines read without building a `serde_json::Value`: its members in
//! order, keys and strings borrowed from the text where they have no escapes, every
//! value a [`Scalar`] turned into cell text as the in-memory reader turns it
//! ([`Scalar::text`]). Anything else — a syntax error, a line that is not an object, a
//! nested value — fails, and the caller asks the in-memory reader's own functions
//! ([`parse_line`](crate::inputs::grid::parse_line)) what the error is.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, Visitor};

use crate::inputs::grid::Scalar;

/// A line's members, in order.
pub(super) type Members<'a> = Vec<(Cow<'a, str>, Scalar<'a>)>;

/// The lines of a block's text as `str::lines` gives them (a `\r` before a `\n` is
/// removed), each with its index.
pub(super) fn lines(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').enumerate().map(move |(i, raw)| {
        let start = at;
        at += raw.len();
        let line = raw
            .strip_suffix('\n')
            .map_or(raw, |l| l.strip_suffix('\r').unwrap_or(l));
        (i, start, line)
    })
}

/// Reads `line` as one object of members that are not arrays or objects into
/// `members`; `false` when it is anything else (the members are then partial).
pub(super) fn read_members<'a>(line: &'a str, members: &mut Members<'a>) -> bool {
    members.clear();
    let mut de = serde_json::Deserializer::from_str(line);
    de.deserialize_map(Object(members)).is_ok() && de.end().is_ok()
}

/// The cell texts of the members `id` and `name` of a line, as they were read.
pub(super) fn read_back(line: &str, id: &str, name: &str) -> Option<(String, String)> {
    let mut members = Vec::new();
    if !read_members(line, &mut members) {
        return None;
    }
    let (mut id_text, mut name_text) = (String::new(), String::new());
    for (k, v) in members {
        if k == id {
            id_text = v.text().into_owned();
        } else if k == name {
            name_text = v.text().into_owned();
        }
    }
    Some((id_text, name_text))
}

struct Object<'m, 'a>(&'m mut Members<'a>);

impl<'de> Visitor<'de> for Object<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(Text)? {
            let value = map.next_value_seed(Value)?;
            self.0.push((key, value));
        }
        Ok(())
    }
}

/// A key or string, borrowed when it has no escapes.
struct Text;

impl<'de> DeserializeSeed<'de> for Text {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Text {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A member's value: anything but an array or an object.
struct Value;

impl<'de> DeserializeSeed<'de> for Value {
    type Value = Scalar<'de>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value {
    type Value = Scalar<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Scalar::I64(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Scalar::U64(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        // serde_json's `Value` holds no number that is not finite: it is `null`.
        Ok(if v.is_finite() {
            Scalar::F64(v)
        } else {
            Scalar::Null
        })
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each member's text, read here and by the in-memory reader's `Value` path.
    type Texts = Vec<(String, String)>;

    fn both(line: &str) -> (Texts, Texts) {
        let mut members = Vec::new();
        assert!(read_members(line, &mut members), "{line}");
        let fast = members
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v.text().into_owned()))
            .collect();
        let serde_json::Value::Object(map) = serde_json::from_str(line).unwrap() else {
            panic!("an object")
        };
        let slow = map
            .into_iter()
            .map(|(k, v)| {
                let t =
                    crate::inputs::grid::value_text(&k, v, &|| crate::error::Location::file("t"))
                        .unwrap();
                (k, t)
            })
            .collect();
        (fast, slow)
    }

    #[test]
    fn members_read_as_the_in_memory_reader_reads_them() {
        for line in [
            r#"{"id":"91110000802100433B","name":"甲","n":12,"m":-3,"z":-0,"f":1.5}"#,
            r#"{"big":18446744073709551615,"bigger":18446744073709551616,"neg":-9223372036854775808}"#,
            r#"{"e":1e21,"tiny":2.2250738585072011e-308,"t":true,"f":false,"x":null}"#,
            r#"{"\u0069d":"\u7532\n","a\"b":"c\\d","empty":""}"#,
            r#"  {"r":9007199254740993.0, "s": 1.00000000000000011102230246251565404236316680908203125} "#,
            "{}",
        ] {
            let (fast, slow) = both(line);
            assert_eq!(fast, slow, "{line}");
        }
        let mut members = Vec::new();
        for bad in [
            "[1]",
            "1",
            r#"{"a":[1]}"#,
            r#"{"a":{}}"#,
            r#"{"a":1} x"#,
            r#"{"a":1"#,
            "",
        ] {
            assert!(!read_members(bad, &mut members), "{bad}");
        }
    }

    #[test]
    fn lines_are_split_as_str_lines_splits_them() {
        for text in ["a\nb", "a\r\nb\r\n", "\r\n\r\r\n\n", "a\rb\n", "x\r"] {
            let ours: Vec<&str> = lines(text).map(|(_, _, l)| l).collect();
            assert_eq!(ours, text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }
}
