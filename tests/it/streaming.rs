//! The block-parallel reader of large directories (`input::stream`) against the
//! in-memory reader (`Table::parse` + `digest::table`): for any CSV text, UTF-8 or
//! GBK, any block size and any number of threads, the same rows, lines, digest — or
//! the same error.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;

use proptest::prelude::*;
use shuangsui::inputs::{ByteSource, Directory, Table, TableKind, TableOptions};
use shuangsui::internal::stream::{self, Options};

fn in_memory(bytes: &[u8]) -> Result<(Table, [u8; 32]), String> {
    in_memory_error(bytes).map_err(|e| e.to_string())
}

fn in_memory_error(bytes: &[u8]) -> Result<(Table, [u8; 32]), shuangsui::Error> {
    let t = Table::parse(TableKind::Targets, "t.csv", bytes, &TableOptions::default())?;
    let d = shuangsui::inputs::digest::table(&t);
    Ok((t, d))
}

fn streamed(
    bytes: &[u8],
    block: usize,
    threads: usize,
    keep_names: bool,
) -> Result<(Directory, [u8; 32]), String> {
    streamed_error(bytes, block, threads, keep_names).map_err(|e| e.to_string())
}

fn streamed_error(
    bytes: &[u8],
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
    stream::read("t.csv", &data, b',', &TableOptions::default(), &options)
        .map(|o| (o.directory, o.digest))
}

/// Compares the two readers on `bytes`; returns the number of rows.
fn same(bytes: &[u8], block: usize, threads: usize, keep_names: bool) -> usize {
    let a = in_memory_error(bytes);
    let b = streamed_error(bytes, block, threads, keep_names);
    match (a, b) {
        (Ok((t, d1)), Ok((dir, d2))) => {
            assert_eq!(d1, d2, "digest");
            assert_eq!(t.columns, dir.columns);
            assert_eq!(t.dropped, dir.dropped);
            assert_eq!(t.rows.len(), dir.len(), "rows");
            for (i, row) in t.rows.iter().enumerate() {
                assert_eq!(row.line, dir.line(i), "line of row {i}");
                for (c, v) in row.values.iter().enumerate() {
                    if c == t.column("name").unwrap() {
                        assert_eq!(*v, dir.name(i).unwrap(), "name of row {i}");
                    } else {
                        assert_eq!(v, dir.value(i, c), "row {i} column {c}");
                    }
                }
            }
            t.rows.len()
        }
        (Err(e1), Err(e2)) => {
            // By design (as fuzz/checks.rs allows): with a problem in the header and a
            // malformed row further down, the in-memory reader, which splits the whole
            // file first, names the row; the block reader names the header.
            use shuangsui::ErrorKind;
            let header_first = matches!(
                e2.kind(),
                ErrorKind::MissingColumn
                    | ErrorKind::DuplicateColumn
                    | ErrorKind::EmptyColumnName
                    | ErrorKind::ControlCharacter
            ) && e1.kind() == ErrorKind::Csv;
            if !header_first {
                assert_eq!(e1.to_string(), e2.to_string(), "errors");
            }
            0
        }
        (a, b) => panic!(
            "in memory: {:?}\nstreamed: {:?}",
            a.map(|x| x.1).map_err(|e| e.to_string()),
            b.map(|x| x.1).map_err(|e| e.to_string())
        ),
    }
}

#[test]
fn a_generated_directory_reads_the_same_in_blocks_on_any_number_of_threads() {
    let mut bytes = Vec::new();
    shuangsui::synth::province::write_targets(&mut bytes, 20_000, 3).unwrap();
    for (block, threads) in [(64 << 10, 1), (64 << 10, 3), (1 << 20, 2), (10_000_000, 1)] {
        for keep_names in [true, false] {
            assert_eq!(same(&bytes, block, threads, keep_names), 20_000);
        }
    }
}

#[test]
fn columns_not_kept_are_hashed_but_not_stored() {
    let mut bytes = Vec::new();
    shuangsui::synth::province::write_targets(&mut bytes, 2_000, 4).unwrap();
    let keep: BTreeSet<String> = ["risk".to_owned()].into();
    let data: Arc<dyn ByteSource> = Arc::new(bytes.clone());
    let options = Options {
        keep: Some(&keep),
        keep_names: false,
        ..Options::default()
    };
    let out = stream::read("t.csv", &data, b',', &TableOptions::default(), &options).unwrap();
    let (t, digest) = in_memory(&bytes).unwrap();
    assert_eq!(out.digest, digest);
    let risk = t.column("risk").unwrap();
    let industry = t.column("industry").unwrap();
    assert!(out.directory.is_kept(risk));
    assert!(!out.directory.is_kept(industry));
    assert!(out.directory.to_csv().is_none());
    assert_eq!(
        out.directory.name(1_999).unwrap(),
        t.rows[1_999].values[t.column("name").unwrap()]
    );
    // The raw bytes are hashed only when asked for.
    assert_eq!(out.raw, None);
    let raw = Options {
        raw_digest: true,
        ..options
    };
    let out = stream::read("t.csv", &data, b',', &TableOptions::default(), &raw).unwrap();
    assert_eq!(out.digest, digest);
    assert_eq!(out.raw, Some(shuangsui::internal::sha256(&bytes)));
}

const IDS: [&str; 4] = [
    "91110000802100433B",
    "91110108551385082Q",
    "91440300192317458F",
    "91350100M0001TGQXM", // fails its check
];

fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z甲乙丙 ]{0,6}",
        1 => Just(String::new()),
        1 => "[a-z]{1,3}".prop_map(|s| format!("\"{s},{s}\"")),
        1 => "[a-z]{1,3}".prop_map(|s| format!("\"{s}\n{s}\"")),
        1 => "[a-z]{1,3}".prop_map(|s| format!("\"{s}\"\"{s}\"")),
        1 => "[a-z]{1,3}".prop_map(|s| format!("{s}\"{s}")),
        1 => "[a-z]{1,3}".prop_map(|s| format!("\"{s}\"{s}")),
        1 => Just("\u{3000}ｑ\u{0065}\u{0301}".to_owned()),
        1 => Just("B类".to_owned()),
        1 => Just("2026年3月5日".to_owned()),
    ]
}

fn row() -> impl Strategy<Value = (usize, String, String, String, usize)> {
    (
        0_usize..5,
        field(),
        field(),
        prop::sample::select(vec!["A", "B", "", "x"]),
        0_usize..20,
    )
        .prop_map(|(id, name, other, risk, extra)| (id, name, other, risk.to_owned(), extra))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_reads_the_same_in_blocks(
        rows in prop::collection::vec(row(), 0..12),
        ends in prop::sample::select(vec!["\n", "\r\n", "\r"]),
        bom in any::<bool>(),
        trailing in any::<bool>(),
        block in 1_usize..64,
        threads in 1_usize..4,
        keep_names in any::<bool>(),
        gbk in any::<bool>(),
        bad_byte in prop::option::of(0_usize..200),
        titles in prop::collection::vec(prop::sample::select(vec![
            "名录（2027年）", "导出时间：2027-01-10,,", "", ",,,", "\"a\nb\",c", "企业名称,备注",
        ]), 0..4),
        no_header in any::<bool>(),
    ) {
        let mut text = String::new();
        if bom {
            text.push('\u{FEFF}');
        }
        // Title rows above the header (SPEC.md §3.1), and at times no header at all.
        for title in &titles {
            text.push_str(title);
            text.push_str(ends);
        }
        text.push_str(if no_header { "企业代码,企业名称,备注,信用风险分类" } else { "统一社会信用代码（必填）,企业名称*,备注,信用风险分类" });
        for (id, name, other, risk, extra) in &rows {
            text.push_str(ends);
            match extra {
                0 => text.push_str(ends), // a blank line
                1 => { text.push_str(",,,"); text.push_str(ends); } // a row of empty cells
                2 => { text.push_str("a,b"); continue; } // a ragged row
                _ => {}
            }
            let id = IDS.get(*id).copied().unwrap_or("");
            let name = if name.is_empty() && *extra > 10 { "n" } else { name };
            write!(text, "{id},{name},{other},{risk}").unwrap();
        }
        if trailing {
            text.push_str(ends);
        }
        let mut bytes = if gbk {
            encoding_rs::GB18030.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        // A lead byte with no second byte: not text in either encoding.
        if let Some(at) = bad_byte {
            let at = at.min(bytes.len());
            if bytes.get(at).is_none_or(u8::is_ascii) {
                bytes.insert(at, 0x81);
            }
        }
        same(&bytes, block, threads, keep_names);
    }
}

#[test]
fn nul_bytes_gbk_and_empty_files() {
    // A NUL byte: the same error, wherever it is.
    let mut bytes = b"id,name\n91110000802100433B,x\n".to_vec();
    bytes.extend_from_slice(b"91110108551385082Q,y\0\n");
    for block in [4, 64, 1 << 20] {
        assert_eq!(
            in_memory(&bytes).unwrap_err(),
            streamed(&bytes, block, 2, true).unwrap_err()
        );
    }
    // GBK: read in blocks too, names read back decoded.
    let mut gbk = b"id,name\n91110000802100433B,".to_vec();
    gbk.extend_from_slice(b"\xb4\xe6\xd0\xf8\n");
    for (block, keep_names) in [(4, false), (1 << 20, false), (1 << 20, true)] {
        assert_eq!(same(&gbk, block, 2, keep_names), 1);
    }
    let (dir, _) = streamed(&gbk, 1 << 20, 2, false).unwrap();
    assert_eq!(dir.name(0).unwrap(), "存续");
    // A byte that is not GBK: the same error as in memory, on its line, even after
    // another problem (an id failing its check on line 2).
    let mut bad_gbk = b"id,name\n91110000802100433X,\xb4\xe6\n".to_vec();
    bad_gbk.extend_from_slice(b"91110108551385082Q,\xd0\n");
    for block in [4, 16, 1 << 20] {
        let e = streamed(&bad_gbk, block, 2, false).unwrap_err();
        assert_eq!(in_memory(&bad_gbk).unwrap_err(), e);
        assert!(e.contains(":3:") && e.contains("GB18030"), "{e}");
    }
    // A BOM promises UTF-8.
    let mut bad = b"\xEF\xBB\xBFid,name\n91110000802100433B,".to_vec();
    bad.extend_from_slice(b"\xb4\xe6\xd0\xf8\n");
    assert_eq!(
        in_memory(&bad).unwrap_err(),
        streamed(&bad, 8, 2, true).unwrap_err()
    );
    for empty in ["", "\n\n", "\u{FEFF}"] {
        same(empty.as_bytes(), 4, 2, true);
    }
}

#[test]
fn the_record_does_not_depend_on_the_number_of_threads() {
    let mut targets = Vec::new();
    shuangsui::synth::province::write_targets(&mut targets, 60_000, 9).unwrap();
    let mut officers = Vec::new();
    shuangsui::synth::province::write_officers(&mut officers, 400, 9).unwrap();
    let plan = shuangsui::synth::province::plan_toml();
    let data: Arc<dyn ByteSource> = Arc::new(targets);
    let record_with = |threads: usize, lean: bool| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let options = shuangsui::InputOptions {
                threads,
                lean,
                ..shuangsui::InputOptions::default()
            };
            let inputs = shuangsui::Inputs::parse_from(
                shuangsui::Source {
                    name: "plan.toml",
                    bytes: plan.as_bytes(),
                },
                &shuangsui::DirectorySource {
                    name: "targets.csv",
                    data: Arc::clone(&data),
                },
                shuangsui::Source {
                    name: "officers.csv",
                    bytes: &officers,
                },
                &options,
            )
            .unwrap();
            let seed = shuangsui::Seed::unattested("threads").unwrap();
            shuangsui::draw(&inputs, &seed).unwrap().record.to_json()
        })
    };
    let one = record_with(1, false);
    assert!(one.len() > 100_000, "a real draw");
    for (threads, lean) in [(2, true), (4, false), (7, true)] {
        assert!(
            record_with(threads, lean) == one,
            "{threads} threads, lean {lean}"
        );
    }
}

/// A source whose bytes can be swapped, as a file edited during a draw.
struct Editable(std::sync::Mutex<Vec<u8>>);

impl ByteSource for Editable {
    fn size(&self) -> u64 {
        self.0.lock().unwrap().len() as u64
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().as_slice().read_at(offset, buf)
    }
}

#[test]
fn a_name_read_back_from_a_file_edited_since_is_refused() {
    let mut bytes = Vec::new();
    shuangsui::synth::province::write_targets(&mut bytes, 500, 6).unwrap();
    let source = Arc::new(Editable(std::sync::Mutex::new(bytes.clone())));
    let data: Arc<dyn ByteSource> = source.clone();
    let options = Options {
        keep_names: false,
        ..Options::default()
    };
    let out = stream::read("t.csv", &data, b',', &TableOptions::default(), &options).unwrap();
    let before = out.directory.name(10).unwrap().into_owned();
    // The first row moved to the end: every later row now starts earlier, and row 10's
    // offset falls inside another row.
    let text = String::from_utf8(bytes).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let first = lines.remove(1);
    lines.push(first);
    *source.0.lock().unwrap() = (lines.join("\n") + "\n").into_bytes();
    let e = out.directory.name(10).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv: cannot read the file: the file changed while it was read: draw again from a file no one is editing"
    );
    assert_eq!(
        e.message(shuangsui::messages::Lang::Zh),
        "t.csv: 无法读取文件：文件在读取过程中被改动，请在无人编辑该文件时重新抽取"
    );
    assert!(!before.is_empty());
}

mod jsonl;
