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
    let syntax = |e: serde_json::Error, line: u64| {
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
    };
    let mut objects: Vec<(u64, Value)> = Vec::new();
    let style;
    if lines {
        style = Style::Lines;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line).map_err(|e| syntax(e, i as u64 + 1))?;
            // A member named twice in a row: which value is the row's? Refused (SPEC §3.1).
            crate::base::strict::check_duplicates(source, line.as_bytes()).map_err(|e| {
                match (e.kind(), e.value("member")) {
                    (ErrorKind::Document, Some(member)) => {
                        Error::with_id(ErrorKind::Json, "json-duplicate-member")
                            .at(Location::line(source, i as u64 + 1))
                            .arg("member", member.clone())
                    }
                    _ => e,
                }
            })?;
            objects.push((i as u64 + 1, v));
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
            return Err(Error::with_id(ErrorKind::Json, "json-not-object").at(locate(n)));
        };
        let mut cells = vec![String::new(); header.len()];
        for (k, v) in map {
            let text = match v {
                Value::Null => String::new(),
                Value::String(s) => s,
                Value::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_owned(),
                Value::Number(num) => match num.as_i64() {
                    Some(i) => i.to_string(),
                    None => num.as_u64().map_or_else(
                        || number_text(num.as_f64().unwrap_or(f64::NAN)),
                        |u| u.to_string(),
                    ),
                },
                Value::Array(_) | Value::Object(_) => {
                    return Err(Error::with_id(ErrorKind::Json, "json-nested")
                        .at(locate(n))
                        .arg("member", k));
                }
            };
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
    Ok(Grid {
        header,
        header_at: 1,
        rows,
        style,
        source: source.to_owned(),
    })
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
