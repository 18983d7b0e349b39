//! JSON Lines read in two passes of blocks (`stream::read_lines`) against the in-memory
//! reader of `.jsonl` files (`Table::parse` + `digest::table`): the same rows, lines,
//! digest, column order and dropped list — or the same error, kind, message and place.

use std::fmt::Write as _;
use std::sync::Arc;

use proptest::prelude::*;
use shuangsui::inputs::{ByteSource, Directory, Table, TableKind, TableOptions};
use shuangsui::internal::stream::{self, Options};

use super::{IDS, in_memory};

fn jsonl_options(encoding: Option<shuangsui::inputs::Encoding>) -> TableOptions {
    TableOptions {
        read: shuangsui::inputs::ReadOptions {
            format: Some(shuangsui::inputs::Format::Jsonl),
            encoding,
            ..shuangsui::inputs::ReadOptions::default()
        },
        ..TableOptions::default()
    }
}

fn jsonl_in_memory(
    bytes: &[u8],
    table: &TableOptions,
) -> Result<(Table, [u8; 32]), shuangsui::Error> {
    let t = Table::parse(TableKind::Targets, "t.jsonl", bytes, table)?;
    let d = shuangsui::inputs::digest::table(&t);
    Ok((t, d))
}

fn jsonl_streamed(
    bytes: &[u8],
    table: &TableOptions,
    block: usize,
    threads: usize,
    keep_names: bool,
) -> Result<(Directory, [u8; 32]), shuangsui::Error> {
    let data: Arc<dyn ByteSource> = Arc::new(bytes.to_vec());
    let options = Options {
        block_bytes: block,
        threads,
        keep_names,
        ..Options::default()
    };
    stream::read_lines("t.jsonl", &data, table, &options).map(|o| (o.directory, o.digest))
}

/// Compares the two readers of JSON Lines on `bytes`, errors included (kind, message and
/// place); returns the number of rows, or the error.
fn same_jsonl_with(
    bytes: &[u8],
    table: &TableOptions,
    block: usize,
    threads: usize,
    keep_names: bool,
) -> Result<usize, shuangsui::Error> {
    let a = jsonl_in_memory(bytes, table);
    let b = jsonl_streamed(bytes, table, block, threads, keep_names);
    match (a, b) {
        (Ok((t, d1)), Ok((dir, d2))) => {
            assert_eq!(d1, d2, "digest");
            assert_eq!(t.columns, dir.columns);
            assert_eq!(t.dropped, dir.dropped);
            assert_eq!(t.allowlisted, dir.allowlisted);
            assert_eq!(t.unchecked, dir.unchecked);
            assert_eq!(t.rows.len(), dir.len(), "rows");
            let name = t.column("name").unwrap();
            for (i, row) in t.rows.iter().enumerate() {
                assert_eq!(row.line, dir.line(i), "line of row {i}");
                for (c, v) in row.values.iter().enumerate() {
                    if c == name {
                        assert_eq!(*v, dir.name(i).unwrap(), "name of row {i}");
                    } else {
                        assert_eq!(v, dir.value(i, c), "row {i} column {c}");
                    }
                }
            }
            Ok(t.rows.len())
        }
        (Err(e1), Err(e2)) => {
            assert_eq!(e1.kind(), e2.kind(), "{e1} / {e2}");
            assert_eq!(e1.to_string(), e2.to_string(), "errors");
            assert_eq!(e1.location(), e2.location(), "places");
            Err(e1)
        }
        (a, b) => panic!(
            "in memory: {:?}\nstreamed: {:?}",
            a.map(|x| x.1).map_err(|e| e.to_string()),
            b.map(|x| x.1).map_err(|e| e.to_string())
        ),
    }
}

fn same_jsonl(
    bytes: &[u8],
    block: usize,
    threads: usize,
    keep_names: bool,
) -> Result<usize, shuangsui::Error> {
    same_jsonl_with(bytes, &jsonl_options(None), block, threads, keep_names)
}

/// Every block size and thread count of the generated-directory test, names kept or not:
/// the same outcome each time.
fn same_jsonl_everywhere(bytes: &[u8]) -> Result<usize, shuangsui::Error> {
    let mut outcome = None;
    for (block, threads) in [(7, 2), (16 << 10, 1), (16 << 10, 3), (1 << 20, 2)] {
        for keep_names in [true, false] {
            let r = same_jsonl(bytes, block, threads, keep_names).map_err(|e| e.to_string());
            if let Some(o) = &outcome {
                assert_eq!(o, &r, "block {block}, {threads} threads");
            }
            outcome = Some(r);
        }
    }
    same_jsonl(bytes, 64 << 10, 2, true)
}

/// How the rows of a CSV directory are written as JSON Lines.
#[derive(Clone, Copy, Default)]
#[allow(clippy::struct_excessive_bools)]
struct Writing {
    /// Each row lists its members in another order.
    shuffled: bool,
    /// Empty cells are left out, and some rows leave out a column that is not empty.
    missing: bool,
    /// Digits-only cells are written as JSON numbers.
    numbers: bool,
    /// Every non-ASCII character is written as a `\u` escape.
    escaped: bool,
    /// Blank lines between rows.
    blank: bool,
    crlf: bool,
    bom: bool,
}

fn to_jsonl(csv_bytes: &[u8], how: Writing) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_bytes);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let end = if how.crlf { "\r\n" } else { "\n" };
    let mut out = String::new();
    if how.bom {
        out.push('\u{FEFF}');
    }
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let mut members: Vec<(String, String)> = Vec::new();
        for (c, (h, v)) in header.iter().zip(record.iter()).enumerate() {
            if how.missing && (v.is_empty() || (c > 1 && (i + c) % 7 == 0)) {
                continue;
            }
            let key = serde_json::to_string(h).unwrap();
            let value = if how.numbers
                && !v.is_empty()
                && v.len() < 18
                && v.bytes().all(|b| b.is_ascii_digit())
                && !v.starts_with('0')
            {
                v.to_owned()
            } else {
                serde_json::to_string(v).unwrap()
            };
            members.push((key, value));
        }
        if how.shuffled {
            let n = members.len().max(1);
            members.rotate_left(i % n);
            if i % 3 == 0 {
                members.reverse();
            }
        }
        let mut line = String::from("{");
        for (j, (k, v)) in members.iter().enumerate() {
            if j > 0 {
                line.push_str(if i % 2 == 0 { "," } else { ", " });
            }
            write!(line, "{k}:{v}").unwrap();
        }
        line.push('}');
        if how.escaped {
            line = line
                .chars()
                .map(|ch| {
                    if ch.is_ascii() {
                        ch.to_string()
                    } else {
                        format!("\\u{:04x}", ch as u32)
                    }
                })
                .collect();
        }
        out.push_str(&line);
        out.push_str(end);
        if how.blank && i % 5 == 0 {
            out.push_str(if i % 2 == 0 { end } else { "  \t" });
            out.push_str(end);
        }
    }
    out.into_bytes()
}

#[test]
fn a_generated_jsonl_directory_reads_the_same_in_blocks_as_in_memory() {
    let mut csv_bytes = Vec::new();
    shuangsui::synth::province::write_targets(&mut csv_bytes, 5_000, 3).unwrap();
    let (_, csv_digest) = in_memory(&csv_bytes).unwrap();
    let plain = to_jsonl(&csv_bytes, Writing::default());
    assert_eq!(same_jsonl_everywhere(&plain).unwrap(), 5_000);
    // The same rows give the same digest as the CSV file (SPEC.md §3.4).
    assert_eq!(
        jsonl_streamed(&plain, &jsonl_options(None), 1 << 20, 2, false)
            .unwrap()
            .1,
        csv_digest
    );
    for how in [
        Writing {
            shuffled: true,
            missing: true,
            ..Writing::default()
        },
        Writing {
            numbers: true,
            escaped: true,
            ..Writing::default()
        },
        Writing {
            blank: true,
            crlf: true,
            bom: true,
            ..Writing::default()
        },
        Writing {
            shuffled: true,
            missing: true,
            numbers: true,
            escaped: true,
            blank: true,
            crlf: true,
            bom: false,
        },
    ] {
        let bytes = to_jsonl(&csv_bytes, how);
        assert_eq!(same_jsonl(&bytes, 16 << 10, 3, false).unwrap(), 5_000);
        assert_eq!(same_jsonl(&bytes, 1 << 20, 2, true).unwrap(), 5_000);
    }
    // GB18030, detected or forced, names read back decoded.
    let text = String::from_utf8(to_jsonl(
        &csv_bytes,
        Writing {
            shuffled: true,
            ..Writing::default()
        },
    ))
    .unwrap();
    let gbk = encoding_rs::GB18030.encode(&text).0.into_owned();
    assert_eq!(same_jsonl(&gbk, 64 << 10, 2, false).unwrap(), 5_000);
    let forced = jsonl_options(Some(shuangsui::inputs::Encoding::Gb18030));
    assert_eq!(
        same_jsonl_with(&gbk, &forced, 1 << 20, 2, false).unwrap(),
        5_000
    );
    let (dir, digest) = jsonl_streamed(&gbk, &jsonl_options(None), 64 << 10, 2, false).unwrap();
    assert_eq!(digest, csv_digest);
    assert!(!dir.name(4_999).unwrap().is_ascii());
    // UTF-8 forced on GB18030 text: the same encoding error.
    let utf8 = jsonl_options(Some(shuangsui::inputs::Encoding::Utf8));
    let e = same_jsonl_with(&gbk, &utf8, 64 << 10, 2, false).unwrap_err();
    assert_eq!(e.kind(), shuangsui::ErrorKind::Encoding);
}

#[test]
fn a_jsonl_directory_fails_as_in_memory() {
    use shuangsui::ErrorKind;
    let a = IDS[0];
    let b = IDS[1];
    let kind = |text: &str| same_jsonl_everywhere(text.as_bytes()).unwrap_err().kind();
    let row = |id: &str, name: &str| format!("{{\"id\":\"{id}\",\"name\":\"{name}\"}}\n");
    let rows: String = (0..200)
        .map(|i| row(if i % 2 == 0 { a } else { b }, &format!("n{i}")))
        .collect();
    // Malformed lines, the first in the file: the same message, line and column.
    assert_eq!(
        kind(&format!(
            "{}{}{{\"id\": }}\n{}",
            row(a, "x"),
            "\n",
            row(b, "y")
        )),
        ErrorKind::Json
    );
    assert_eq!(
        kind(&format!("{rows}{{\"id\":\"x\"\n[1]\n")),
        ErrorKind::Json
    );
    // A syntax error outranks a row that is not an object earlier in the file (every line
    // is parsed first), and a member named twice is a syntax error.
    let e = same_jsonl_everywhere(format!("[1]\n{rows}{{\"id\":1,\"id\":2}}\n").as_bytes())
        .unwrap_err();
    assert!(e.to_string().contains("appears twice"), "{e}");
    let e = same_jsonl_everywhere(format!("{rows}\"a row\"\n{rows}").as_bytes()).unwrap_err();
    assert!(e.to_string().contains("expected an object"), "{e}");
    let e = same_jsonl_everywhere(format!("{rows}{{\"id\":\"x\",\"n\":{{}}}}\n").as_bytes())
        .unwrap_err();
    assert!(e.to_string().contains("nested"), "{e}");
    // Duplicate ids: every one, with both lines.
    let e = same_jsonl_everywhere(rows.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Problems);
    // Personal data, an id failing its check, an overlong field, an empty name.
    let text = format!(
        "{}{}{}{}",
        row(a, "13812345678"),
        row(IDS[3], "x"),
        row(b, &"长".repeat(2000)),
        row(IDS[2], " ")
    );
    let e = same_jsonl_everywhere(text.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Problems);
    for one in [
        row(a, "13812345678"),
        row(IDS[3], "x"),
        row(b, &"长".repeat(2000)),
    ] {
        same_jsonl_everywhere(one.as_bytes()).unwrap_err();
    }
    // Header problems: a missing column, two members meaning one column.
    assert_eq!(kind("{\"id\":\"x\"}\n"), ErrorKind::MissingColumn);
    assert_eq!(
        kind(&format!(
            "{}{{\"统一社会信用代码\":\"{b}\"}}\n",
            row(a, "x")
        )),
        ErrorKind::DuplicateColumn
    );
    // More than 1,024 member names, spread over blocks: the line where there is one too many.
    let wide = (0..1100).fold(String::new(), |mut text, i| {
        writeln!(text, "{{\"id\":\"{a}\",\"name\":\"x\",\"c{i}\":\"v\"}}").unwrap();
        text
    });
    assert_eq!(kind(&wide), ErrorKind::TooLarge);
    // Empty: no rows, blank lines only, empty objects.
    for empty in ["", "\n\n", "\u{FEFF}", "{}\n{}\n", " \u{3000}\r\n"] {
        assert_eq!(kind(empty), ErrorKind::EmptyTable, "{empty:?}");
    }
    // A NUL byte, a byte that is not UTF-8 after a byte order mark: wherever they are, they
    // come first.
    let mut nul = format!("[1]\n{rows}").into_bytes();
    nul.extend_from_slice(b"{\"id\":\"\0\"}\n");
    assert_eq!(
        same_jsonl_everywhere(&nul).unwrap_err().kind(),
        ErrorKind::Binary
    );
    let mut bad = format!("\u{FEFF}[1]\n{rows}").into_bytes();
    bad.extend_from_slice(b"{\"name\":\"\xb4\xe6\"}\n");
    assert_eq!(
        same_jsonl_everywhere(&bad).unwrap_err().kind(),
        ErrorKind::Encoding
    );
    // A GB18030 byte order mark is not removed from JSON: the first line is not JSON.
    let mut gb_bom = b"\x84\x31\x95\x33".to_vec();
    gb_bom.extend_from_slice(&encoding_rs::GB18030.encode(&row(a, "存续")).0);
    assert_eq!(
        same_jsonl_everywhere(&gb_bom).unwrap_err().kind(),
        ErrorKind::Json
    );
    // Lines ended by CR alone are one line.
    assert_eq!(kind(&rows.replace('\n', "\r")), ErrorKind::Json);
}

fn json_value() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z甲乙 ]{0,5}".prop_map(|s| format!("\"{s}\"")),
        2 => prop::sample::select(IDS.to_vec()).prop_map(|s| format!("\"{s}\"")),
        1 => prop::sample::select(vec![
            "12", "-0", "1.5e3", "18446744073709551616", "true", "false", "null", "\"\"",
            "\"\\u7532\\u4e59\"", "\"13812345678\"", "\"a\\nb\"", "\"B类\"", "\"\u{3000}x\"",
        ]).prop_map(str::to_owned),
        1 => Just("[1]".to_owned()),
    ]
}

fn json_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "id",
        "id",
        "id",
        "name",
        "name",
        "name",
        "备注",
        "risk",
        "n",
        "电话",
        "统一社会信用代码",
        "\\u006eame",
    ]);
    prop_oneof![
        12 => prop::collection::vec((key, json_value()), 0..5).prop_map(|members| {
            let inner: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", inner.join(","))
        }),
        1 => Just(String::new()),
        1 => Just(" \t".to_owned()),
        1 => Just("[{\"id\":1}]".to_owned()),
        1 => Just("{\"id\":\"x\",".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_json_lines_read_the_same_in_blocks(
        lines in prop::collection::vec(json_line(), 0..14),
        end in prop::sample::select(vec!["\n", "\r\n"]),
        bom in any::<bool>(),
        trailing in any::<bool>(),
        block in 1_usize..64,
        threads in 1_usize..4,
        keep_names in any::<bool>(),
        gbk in any::<bool>(),
        bad_byte in prop::option::of(0_usize..200),
    ) {
        let mut text = String::new();
        if bom {
            text.push('\u{FEFF}');
        }
        text.push_str(&lines.join(end));
        if trailing {
            text.push_str(end);
        }
        let mut bytes = if gbk {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        if let Some(at) = bad_byte {
            let at = at.min(bytes.len());
            if bytes.get(at).is_none_or(u8::is_ascii) {
                bytes.insert(at, 0x81);
            }
        }
        let _ = same_jsonl(&bytes, block, threads, keep_names);
    }

    // Rows that mostly read: a unique id in each (ids checked in warn mode), members in
    // any order, some left out, numbers, escapes, personal data, empty rows.
    #[test]
    fn json_lines_that_read_read_the_same_in_blocks(
        lines in prop::collection::vec(
            (
                prop::collection::vec(
                    (
                        prop::sample::select(vec!["备注", "n", "电话", "x", "\\u0079"]),
                        json_value().prop_filter("a scalar", |v| v != "[1]"),
                    ),
                    0..4,
                ),
                0_usize..30,
                any::<bool>(),
            ),
            0..14,
        ),
        block in 1_usize..64,
        threads in 1_usize..4,
        keep_names in any::<bool>(),
    ) {
        let mut text = String::new();
        for (i, (members, at, escaped)) in lines.iter().enumerate() {
            let mut members: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            let mut keys = std::collections::HashSet::new();
            members.retain(|m| keys.insert(m.split(':').next().unwrap_or_default().to_owned()));
            if *at > 0 {
                let id = if *escaped { "\\u0069d" } else { "id" };
                let at = (*at - 1).min(members.len());
                members.insert(at, format!("\"{id}\":\"R{i}\",\"name\":\"n{i}\""));
            }
            write!(text, "{{{}}}", members.join(",")).unwrap();
            text.push_str(if i % 2 == 0 { "\n" } else { "\r\n" });
        }
        let mut table = jsonl_options(None);
        table.id_check.mode = shuangsui::inputs::IdCheckMode::Warn;
        let _ = same_jsonl_with(text.as_bytes(), &table, block, threads, keep_names);
    }
}

#[test]
fn a_jsonl_line_that_never_ends_is_refused_not_held() {
    // A second line of more than RECORD_BYTES with no line end: the reader stops there
    // instead of holding the line whole, whatever the file's size.
    let mut bytes = format!(
        "{{\"id\":\"{}\",\"name\":\"x\"}}\n{{\"id\":\"",
        shuangsui::synth::uscc_for(1)
    )
    .into_bytes();
    bytes.resize(
        bytes.len() + shuangsui::inputs::limits::RECORD_BYTES + (4 << 20),
        b'a',
    );
    let e = jsonl_streamed(&bytes, &jsonl_options(None), 1 << 20, 2, true).unwrap_err();
    assert_eq!(e.kind(), shuangsui::ErrorKind::TooLarge);
    assert_eq!(e.location().and_then(|l| l.line), Some(2));
    assert!(e.to_string().contains("line is longer than"), "{e}");
}
