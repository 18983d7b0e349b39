//! JSON (an array of objects) and JSON Lines (an object per line): the members of every
//! row, in the order they first appear, are the columns.

use serde_json::Value;

use super::cells::{Grid, Style, check_columns, empty_table, number_text};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::text::{self, Encoding};

pub(super) fn json(
    source: &str,
    bytes: &[u8],
    encoding: Option<Encoding>,
    lines: bool,
) -> Result<Grid> {
    let text = text::decode(source, bytes, encoding)?;
    let syntax = |e: serde_json::Error, line: u64| syntax_error(source, e, line);
    let mut objects: Vec<(u64, Value)> = Vec::new();
    let style;
    if lines {
        style = Style::Lines;
        for (i, line) in text.lines().enumerate() {
            if is_blank(line) {
                continue;
            }
            objects.push((i as u64 + 1, parse_line(source, line, i as u64 + 1)?));
        }
    } else {
        style = Style::Items;
        let v: Value = serde_json::from_str(&text).map_err(|e| {
            let line = e.line() as u64;
            syntax(e, line)
        })?;
        crate::base::strict::check_duplicates(source, text.as_bytes()).map_err(|e| {
            match (e.kind(), e.value("member"), e.location()) {
                (ErrorKind::Document, Some(member), Some(at)) => {
                    Error::with_id(ErrorKind::Json, "json-duplicate-member")
                        .at(at.clone())
                        .arg("member", member.clone())
                }
                _ => e,
            }
        })?;
        let Value::Array(items) = v else {
            return Err(
                Error::with_id(ErrorKind::Json, "json-not-array").at(Location::file(source))
            );
        };
        objects.extend(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i as u64 + 1, v)),
        );
    }
    let mut header: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut rows = Vec::with_capacity(objects.len());
    let locate = |n: u64| {
        let mut at = Location::line(source, n);
        at.item = !lines;
        at
    };
    for (n, v) in objects {
        let Value::Object(map) = v else {
            return Err(not_object(locate(n)));
        };
        let mut cells = vec![String::new(); header.len()];
        for (k, v) in map {
            let text = value_text(&k, v, &|| locate(n))?;
            let i = *index.entry(k.clone()).or_insert_with(|| {
                header.push(k);
                header.len() - 1
            });
            check_columns(source, n, header.len())?;
            if i >= cells.len() {
                cells.resize(i + 1, String::new());
            }
            cells[i] = text;
        }
        rows.push((n, cells));
    }
    if header.is_empty() {
        return Err(empty_table(source));
    }
    for (_, cells) in &mut rows {
        cells.resize(header.len(), String::new());
    }
    let mut grid = Grid::new(source, style, header, 1);
    grid.rows = rows;
    Ok(grid)
}

/// Whether a line of JSON Lines holds no row (blank, or only `White_Space`).
pub(crate) fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A line of JSON Lines (`n`, 1-based) read as a JSON value: its syntax error, or the
/// error for a member named twice (which value would be the row's? Refused, SPEC §3.1).
pub(crate) fn parse_line(source: &str, line: &str, n: u64) -> Result<Value> {
    let v: Value = serde_json::from_str(line).map_err(|e| syntax_error(source, e, n))?;
    crate::base::strict::check_duplicates(source, line.as_bytes()).map_err(|e| {
        match (e.kind(), e.value("member")) {
            (ErrorKind::Document, Some(member)) => {
                Error::with_id(ErrorKind::Json, "json-duplicate-member")
                    .at(Location::line(source, n))
                    .arg("member", member.clone())
            }
            _ => e,
        }
    })?;
    Ok(v)
}

fn syntax_error(source: &str, e: serde_json::Error, line: u64) -> Error {
    Error::with_id(ErrorKind::Json, "json-syntax")
        .at(Location {
            line: Some(line),
            column: Some(e.column() as u64),
            ..Location::file(source)
        })
        .arg(
            "detail",
            e.to_string()
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_owned(),
        )
        .caused_by(e)
}

/// The error for a row that is not an object.
pub(crate) fn not_object(at: Location) -> Error {
    Error::with_id(ErrorKind::Json, "json-not-object").at(at)
}

/// A member's value that is not an array or object (SPEC.md §3.1).
pub(crate) enum Scalar<'a> {
    Null,
    Bool(bool),
    I64(i64),
    U64(u64),
    /// A number that is not a 64-bit integer, as the nearest double.
    F64(f64),
    Str(std::borrow::Cow<'a, str>),
}

impl<'a> Scalar<'a> {
    /// The cell's text: a string as is, `null` empty, an integer its digits, another
    /// number the nearest double's shortest decimal, `TRUE`/`FALSE`.
    pub(crate) fn text(self) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        match self {
            Scalar::Null => Cow::Borrowed(""),
            Scalar::Str(s) => s,
            Scalar::Bool(b) => Cow::Borrowed(if b { "TRUE" } else { "FALSE" }),
            Scalar::I64(i) => Cow::Owned(i.to_string()),
            Scalar::U64(u) => Cow::Owned(u.to_string()),
            Scalar::F64(x) => Cow::Owned(number_text(x)),
        }
    }
}

/// A member's value as a cell's text; an array or object is an error at `at`.
pub(crate) fn value_text(member: &str, v: Value, at: &dyn Fn() -> Location) -> Result<String> {
    let scalar = match v {
        Value::Null => Scalar::Null,
        Value::String(s) => Scalar::Str(s.into()),
        Value::Bool(b) => Scalar::Bool(b),
        Value::Number(num) => match (num.as_i64(), num.as_u64()) {
            (Some(i), _) => Scalar::I64(i),
            (None, Some(u)) => Scalar::U64(u),
            (None, None) => Scalar::F64(num.as_f64().unwrap_or(f64::NAN)),
        },
        Value::Array(_) | Value::Object(_) => {
            return Err(Error::with_id(ErrorKind::Json, "json-nested")
                .at(at())
                .arg("member", member.to_owned()));
        }
    };
    Ok(scalar.text().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::grid::{Format, ReadOptions, read};

    #[test]
    fn json_numbers_are_the_nearest_doubles() {
        // serde_json's default float parser is not correctly rounded; SPEC §3.1 reads a
        // number that is not a 64-bit integer as the nearest double (the oracle found these).
        let texts = [
            "9007199254740993.0",
            "1.00000000000000011102230246251565404236316680908203125",
            "2.2250738585072011e-308",
        ];
        let json = format!(
            "[{{\"a\": {}, \"b\": {}, \"c\": {}}}]",
            texts[0], texts[1], texts[2]
        );
        let g = read(
            "t.json",
            json.as_bytes(),
            &ReadOptions {
                format: Some(Format::Json),
                ..ReadOptions::default()
            },
            &|_| true,
        )
        .unwrap();
        let expected: Vec<String> = texts
            .iter()
            .map(|t| number_text(t.parse::<f64>().unwrap()))
            .collect();
        assert_eq!(g.rows[0].1, expected);
    }

    #[test]
    fn json_rows_union_their_keys() {
        let g = json(
            "t.json",
            br#"[{"id":"A","name":"x"},{"name":"y","id":"B","risk":"C","n":12}]"#,
            None,
            false,
        )
        .unwrap();
        assert_eq!(g.header, ["id", "name", "risk", "n"]);
        assert_eq!(g.rows[0].1, ["A", "x", "", ""]);
        assert_eq!(g.rows[1].1, ["B", "y", "C", "12"]);
        let e = json("t.jsonl", b"{\"id\":\"A\"}\n{\"id\":[1]}\n", None, true)
            .err()
            .unwrap();
        assert!(e.to_string().starts_with("t.jsonl:2: "), "{e}");
    }

    #[test]
    fn what_is_wrong_with_a_json_table_is_told_in_either_language() {
        use crate::messages::Lang;
        let e = json("t.jsonl", b"{\"id\":[1]}\n", None, true)
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "t.jsonl:1: invalid JSON table: 'id' holds a nested array or object; each value must be a string or a number"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "t.jsonl:1: JSON 表格格式错误：“id”的值是嵌套的数组或对象；每个值必须是字符串或数字"
        );
        let e = json("t.json", b"[1]", None, false).err().unwrap();
        assert_eq!(
            e.text(Lang::En),
            "invalid JSON table: expected an object for each row"
        );
        assert_eq!(e.text(Lang::Zh), "JSON 表格格式错误：每一行都应是一个对象");
        let e = json("t.json", b"{}", None, false).err().unwrap();
        assert_eq!(
            e.to_string(),
            "t.json: invalid JSON table: expected an array of objects, one per row"
        );
        let e = json("t.jsonl", b"{\"id\":1,\"id\":2}\n", None, true)
            .err()
            .unwrap();
        assert_eq!(e.kind(), ErrorKind::Json);
        assert!(e.to_string().ends_with(" appears twice in one row"), "{e}");
        assert!(e.message(Lang::Zh).contains("出现了两次"), "{e:?}");
        let e = json("t.json", b"[{\"id\": }]", None, false).err().unwrap();
        assert!(
            e.to_string()
                .starts_with("t.json:1:9: invalid JSON table: expected value"),
            "{e}"
        );
        assert!(
            e.message(Lang::Zh)
                .starts_with("t.json:1:9: JSON 表格格式错误：expected value"),
            "{e:?}"
        );
    }
}
