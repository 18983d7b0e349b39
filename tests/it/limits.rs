//! The documented limits on hostile input (README "Limits"), each refused with an error
//! naming the place — never a panic, a hang or memory exhaustion.

use shuangsui::inputs::{Format, ReadOptions, Table, TableKind, TableOptions, limits};
use shuangsui::{Plan, synth};

use crate::fixtures::{Files, bin_path, verify_record};

fn targets(text: &str) -> String {
    Table::from_csv(TableKind::Targets, "t.csv", text.as_bytes())
        .map_or_else(|e| e.to_string(), |_| String::new())
}

#[test]
fn a_field_longer_than_4096_bytes() {
    let id = synth::uscc_for(1);
    assert_eq!(
        targets(&format!("id,name\n{id},{}\n", "名".repeat(1365))),
        ""
    );
    assert_eq!(
        targets(&format!(
            "id,name\n{id},{}\n",
            "x".repeat(limits::FIELD_BYTES + 1)
        )),
        "t.csv:2:2: field 'name' (4097 bytes) exceeds the limit of 4096"
    );
}

#[test]
fn more_than_1024_columns() {
    let header = |n: usize| {
        (0..n)
            .map(|i| match i {
                0 => "id".to_owned(),
                1 => "name".to_owned(),
                _ => format!("c{i}"),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(targets(&header(limits::COLUMNS)), "");
    assert_eq!(
        targets(&header(limits::COLUMNS + 1)),
        "t.csv:1: the number of columns (1025) exceeds the limit of 1024"
    );
}

#[test]
fn more_rows_than_32_bits_number() {
    assert!(limits::rows("t.csv", limits::ROWS).is_ok());
    assert_eq!(
        limits::rows("t.csv", limits::ROWS + 1)
            .unwrap_err()
            .to_string(),
        "t.csv: the number of rows (4294967296) exceeds the limit of 4294967295"
    );
}

/// The 64 MiB record limit is tested with a 100 MB field in tests/it/acceptance.rs
/// (`bad_inputs_exit_2_with_exact_errors`), through the CLI.
#[test]
fn the_record_limit_is_above_any_legal_record() {
    // 1,024 quoted fields of 4,096 bytes with every quote doubled fit.
    const LARGEST_LEGAL_RECORD: usize = limits::COLUMNS * (2 * limits::FIELD_BYTES + 3);
    const _: () = assert!(LARGEST_LEGAL_RECORD < limits::RECORD_BYTES);
    let id = synth::uscc_for(2);
    let quoted = format!("\"{}\"", "\"\"".repeat(limits::FIELD_BYTES / 2));
    assert_eq!(targets(&format!("id,name\n{id},{quoted}\n")), "");
}

#[test]
fn nesting_deeper_than_the_parsers_allow() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    // The plan.
    let plan = format!("x = {}\n", deep(10_000));
    let e = Plan::parse("plan.toml", plan.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains("recursion limit"), "{e}");
    // A JSON table.
    let json = format!("[{{\"id\": {}}}]", deep(10_000));
    let options = TableOptions {
        read: ReadOptions {
            format: Some(Format::Json),
            ..ReadOptions::default()
        },
        ..TableOptions::default()
    };
    let e = Table::parse(TableKind::Targets, "t.json", json.as_bytes(), &options)
        .unwrap_err()
        .to_string();
    assert!(e.contains("recursion limit"), "{e}");
    // A record given to verify.
    let inputs = Files::synth(2, 30, 6, 1).inputs();
    let e = verify_record(deep(10_000), &inputs)
        .unwrap_err()
        .to_string();
    assert!(e.contains("recursion limit"), "{e}");
    assert_eq!(limits::NESTING, 128);
}

/// Hostile `.xlsx` workbooks (issue 14, "safe outputs": bounded decompression). Each is a few
/// megabytes at most; before the reader checked workbooks, each took gigabytes of memory
/// (or for ever) to read.
mod xlsx {
    use flate2::{Compress, Compression, FlushCompress};

    /// A raw deflate stream of `head`, `unit` about `count` times (rounded down to whole
    /// blocks), then `tail`; and its inflated size. A block of `unit`s is compressed once,
    /// against a window of `unit`s, and repeated: gigabytes of XML in milliseconds.
    fn deflate(head: &[u8], unit: &[u8], count: u64, tail: &[u8]) -> (Vec<u8>, u64) {
        const WINDOW: usize = 32 << 10;
        fn compress(c: &mut Compress, input: &[u8], flush: FlushCompress, out: &mut Vec<u8>) {
            let start = c.total_in();
            loop {
                out.reserve(input.len() / 2 + 1024);
                let done = usize::try_from(c.total_in() - start).unwrap();
                let status = c.compress_vec(&input[done..], out, flush).unwrap();
                if c.total_in() - start == input.len() as u64
                    && out.len() < out.capacity()
                    && status != flate2::Status::BufError
                {
                    return;
                }
            }
        }
        let lead = WINDOW / unit.len() + 1;
        let per_block = (1 << 20) / unit.len();
        let blocks = count.saturating_sub(lead as u64) / per_block as u64;
        let window = unit.repeat(lead);
        let dictionary = &window[window.len() - WINDOW..];
        let mut out = Vec::new();
        let mut first = Compress::new(Compression::best(), false);
        compress(
            &mut first,
            &[head, &window].concat(),
            FlushCompress::Sync,
            &mut out,
        );
        let mut block = Vec::new();
        let mut c = Compress::new(Compression::best(), false);
        c.set_dictionary(dictionary).unwrap();
        compress(
            &mut c,
            &unit.repeat(per_block),
            FlushCompress::Sync,
            &mut block,
        );
        for _ in 0..blocks {
            out.extend_from_slice(&block);
        }
        let mut last = Compress::new(Compression::best(), false);
        last.set_dictionary(dictionary).unwrap();
        compress(&mut last, tail, FlushCompress::Finish, &mut out);
        let units = lead as u64 + blocks * per_block as u64;
        let size = (head.len() + tail.len()) as u64 + unit.len() as u64 * units;
        (out, size)
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let table: Vec<u32> = (0..256_u32)
            .map(|n| {
                (0..8).fold(n, |c, _| {
                    if c & 1 == 1 {
                        (c >> 1) ^ 0xEDB8_8320
                    } else {
                        c >> 1
                    }
                })
            })
            .collect();
        !bytes.iter().fold(!0_u32, |c, &b| {
            table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
        })
    }

    /// A part: its name, deflated bytes (or stored when `None`), inflated size and CRC-32.
    struct Part {
        name: &'static str,
        data: Vec<u8>,
        deflated: bool,
        size: u64,
        crc: u32,
    }

    fn stored(name: &'static str, text: &str) -> Part {
        Part {
            name,
            data: text.as_bytes().to_vec(),
            deflated: false,
            size: text.len() as u64,
            crc: crc32(text.as_bytes()),
        }
    }

    /// A part of `head`, `unit` about `count` times, and `tail`, deflated. Its CRC-32 is
    /// left 0 when it inflates beyond 64 MiB: the check at the end of the part is never
    /// reached (the part is refused first; before the fix, memory ran out first).
    fn bomb(name: &'static str, head: &str, unit: &str, count: u64, tail: &str) -> Part {
        let (data, size) = deflate(head.as_bytes(), unit.as_bytes(), count, tail.as_bytes());
        let crc = if size <= 64 << 20 {
            let mut all = head.as_bytes().to_vec();
            let units = (size - (head.len() + tail.len()) as u64) / unit.len() as u64;
            all.extend(unit.repeat(usize::try_from(units).unwrap()).as_bytes());
            all.extend(tail.as_bytes());
            crc32(&all)
        } else {
            0
        };
        Part {
            name,
            data,
            deflated: true,
            size,
            crc,
        }
    }

    /// A zip archive of the parts (sizes below 4 GiB: no zip64).
    fn zip(parts: &[Part]) -> Vec<u8> {
        let (mut out, mut central) = (Vec::new(), Vec::new());
        for p in parts {
            let offset = u32::try_from(out.len()).unwrap();
            let method: u16 = if p.deflated { 8 } else { 0 };
            let mut header = Vec::new();
            header.extend([20, 0, 0, 0]);
            header.extend(method.to_le_bytes());
            header.extend([0, 0, 0, 0]);
            header.extend(p.crc.to_le_bytes());
            header.extend(u32::try_from(p.data.len()).unwrap().to_le_bytes());
            header.extend(u32::try_from(p.size).unwrap().to_le_bytes());
            header.extend(u16::try_from(p.name.len()).unwrap().to_le_bytes());
            header.extend([0, 0]);
            out.extend(0x0403_4b50_u32.to_le_bytes());
            out.extend(&header);
            out.extend(p.name.as_bytes());
            out.extend(&p.data);
            central.extend(0x0201_4b50_u32.to_le_bytes());
            central.extend([20, 0]);
            central.extend(&header);
            central.extend([0; 10]);
            central.extend(offset.to_le_bytes());
            central.extend(p.name.as_bytes());
        }
        let at = u32::try_from(out.len()).unwrap();
        let n = u16::try_from(parts.len()).unwrap();
        out.extend(&central);
        out.extend(0x0605_4b50_u32.to_le_bytes());
        out.extend([0, 0, 0, 0]);
        out.extend(n.to_le_bytes());
        out.extend(n.to_le_bytes());
        out.extend(u32::try_from(central.len()).unwrap().to_le_bytes());
        out.extend(at.to_le_bytes());
        out.extend([0, 0]);
        out
    }

    const SHEET: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>"#;
    const END: &str = "</sheetData></worksheet>";
    const SST: &str = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#;

    /// A workbook of one sheet: the package's parts, then `parts`.
    fn workbook(parts: Vec<Part>) -> Vec<u8> {
        let mut all = vec![
            stored(
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#,
            ),
            stored(
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            stored(
                "xl/workbook.xml",
                r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            ),
            stored(
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
        ];
        all.extend(parts);
        zip(&all)
    }

    /// An OLE compound file whose directory's sector chain loops back on itself.
    fn looping_ole() -> Vec<u8> {
        let mut header = vec![0xFF_u8; 512];
        header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        header[8..24].fill(0);
        let fields: [(usize, &[u8]); 4] = [
            (24, &[0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]),
            (34, &[0; 10]),
            // One FAT sector; the directory starts at sector 0; mini cutoff 4096; no mini FAT,
            // no DIFAT sectors.
            (
                44,
                &[
                    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0,
                    0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0,
                ],
            ),
            // The FAT is sector 0.
            (76, &[0, 0, 0, 0]),
        ];
        for (at, bytes) in fields {
            header[at..at + bytes.len()].copy_from_slice(bytes);
        }
        // Sector 0, the FAT: sector 0 is followed by sector 0.
        let mut fat = vec![0xFF_u8; 512];
        fat[..4].fill(0);
        [header, fat, vec![0; 512]].concat()
    }

    const BEYOND: &str = "the workbook expands beyond the limit: ";

    /// The hostile workbooks: a name, the bytes, the error (after the file's name).
    pub fn hostile() -> Vec<(&'static str, Vec<u8>, String)> {
        let memory =
            format!("{BEYOND}its shared strings, styles and cells would take more than 768 MiB");
        vec![
            // 2 GiB of cells in 6 MB.
            (
                "cells.xlsx",
                workbook(vec![bomb(
                    "xl/worksheets/sheet1.xml",
                    SHEET,
                    &format!("<row>{}</row>", r#"<c t="b"><v>1</v></c>"#.repeat(100)),
                    1 << 20,
                    END,
                )]),
                format!("{BEYOND}'xl/worksheets/sheet1.xml' inflates to more than 512 MiB"),
            ),
            // 2 GiB of shared strings.
            (
                "strings.xlsx",
                workbook(vec![
                    stored("xl/worksheets/sheet1.xml", &format!("{SHEET}{END}")),
                    bomb("xl/sharedStrings.xml", SST, "<si><t>x</t></si>", 120 << 20, "</sst>"),
                ]),
                format!("{BEYOND}'xl/sharedStrings.xml' inflates to more than 512 MiB"),
            ),
            // A shared string of 500 MiB, in three cells: within the part's limit, but one
            // piece of text.
            (
                "giant.xlsx",
                workbook(vec![
                    stored(
                        "xl/worksheets/sheet1.xml",
                        &format!("{SHEET}{}{END}", r#"<row><c t="s"><v>0</v></c></row>"#.repeat(3)),
                    ),
                    bomb("xl/sharedStrings.xml", &format!("{SST}<si><t>"), "z", 500 << 20, "</t></si></sst>"),
                ]),
                format!("{BEYOND}'xl/sharedStrings.xml' holds a piece of markup or text of more than 8 MiB"),
            ),
            // A shared string of 16 KiB in 100,000 cells: each cell holds a copy.
            (
                "copies.xlsx",
                workbook(vec![
                    bomb(
                        "xl/worksheets/sheet1.xml",
                        SHEET,
                        r#"<row><c t="s"><v>0</v></c></row>"#,
                        100_000,
                        END,
                    ),
                    stored(
                        "xl/sharedStrings.xml",
                        &format!("{SST}<si><t>{}</t></si></sst>", "y".repeat(16 << 10)),
                    ),
                ]),
                memory.clone(),
            ),
            // A cell in the last column, then 100,000 rows of one cell: each row is made
            // 1,024 columns wide.
            (
                "wide.xlsx",
                workbook(vec![bomb(
                    "xl/worksheets/sheet1.xml",
                    &SHEET.replace("</row>", r#"<c r="AMJ1"><v>1</v></c></row>"#),
                    r#"<row><c t="b"><v>1</v></c></row>"#,
                    100_000,
                    END,
                )]),
                memory.clone(),
            ),
            // A font name of 4 MiB that 1,000 styles copy.
            (
                "styles.xlsx",
                workbook(vec![
                    stored("xl/worksheets/sheet1.xml", &format!("{SHEET}{END}")),
                    bomb(
                        "xl/styles.xml",
                        &format!(
                            r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><name val="{}"/></font></fonts><cellXfs>"#,
                            "F".repeat(4 << 20)
                        ),
                        r#"<xf fontId="0"/>"#,
                        1000,
                        "</cellXfs></styleSheet>",
                    ),
                ]),
                memory.clone(),
            ),
            // Room reserved for 10^11 shared strings, in a file of 2 KB.
            (
                "reserve.xlsx",
                workbook(vec![
                    stored("xl/worksheets/sheet1.xml", &format!("{SHEET}{END}")),
                    stored(
                        "xl/sharedStrings.xml",
                        r#"<sst uniqueCount="100000000000"><si><t>x</t></si></sst>"#,
                    ),
                ]),
                memory,
            ),
            // Not a zip: an OLE file whose sector chain never ends.
            (
                "loop.xlsx",
                looping_ole(),
                "not a readable .xlsx workbook (it is an Excel 97-2003 .xls file or another OLE document: save it in Excel as .xlsx or CSV UTF-8)".to_owned(),
            ),
        ]
    }
}

#[test]
fn hostile_workbooks_are_refused() {
    let options = TableOptions {
        read: ReadOptions {
            format: Some(Format::Xlsx),
            ..ReadOptions::default()
        },
        ..TableOptions::default()
    };
    for (name, bytes, error) in xlsx::hostile() {
        assert!(bytes.len() < 10 << 20, "{name}: {} bytes", bytes.len());
        let e = Table::parse(TableKind::Targets, name, &bytes, &options).unwrap_err();
        assert_eq!(e.to_string(), format!("{name}: {error}"));
    }
    assert_eq!(limits::XLSX_SHEET_BYTES, 512 << 20);
    assert_eq!(limits::XLSX_MEMORY_BYTES, 768 << 20);
}

/// The CLI reads each hostile workbook with 1.5 GiB of address space at most (`ulimit -v`),
/// within two minutes, and exits 2 with the error and a hint. Before the reader checked
/// workbooks, each ran out of that memory (an abort) or of that time.
#[test]
fn hostile_workbooks_read_in_bounded_memory() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("xlsx-bombs");
    std::fs::create_dir_all(&dir).unwrap();
    let plan = dir.join("plan.toml");
    std::fs::write(
        &plan,
        "[plan]\nid = \"P\"\nname = \"计划\"\n\n[[tasks]]\nid = \"T\"\nname = \"任务\"\ncount = 1\n",
    )
    .unwrap();
    let mut failures = Vec::new();
    for (name, bytes, error) in xlsx::hostile() {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(r#"ulimit -v 1572864 && exec "$0" "$@""#)
            .arg(bin_path())
            .args(["digest", "--quiet", "--lang", "en", "--plan"])
            .arg(&plan)
            .arg("--targets")
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let finished = loop {
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            if start.elapsed() > Duration::from_secs(120) {
                child.kill().unwrap();
                break false;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected = format!("error: {}: {error}\n", path.display());
        if !finished {
            failures.push(format!("{name}: still reading after two minutes"));
        } else if out.status.code() != Some(2) || !stderr.starts_with(&expected) {
            let head: String = stderr.chars().take(300).collect();
            failures.push(format!("{name}: {}: {head}", out.status));
        } else if error.contains("expands beyond")
            && !stderr.contains("hint: save the sheet as CSV")
        {
            failures.push(format!("{name}: no hint: {stderr}"));
        }
        std::fs::remove_file(&path).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
