//! One directory, many files: the same 2,000 rows saved as UTF-8 CSV, GBK CSV,
//! UTF-8-BOM CSV with CRLF, TSV, XLSX, JSON and JSON Lines give one canonical
//! digest and one draw (issue 3, "Done when").

use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook};
use serde_json::{Value, json};
use shuangsui::inputs::{Table, TableKind, TableOptions};
use shuangsui::{Inputs, Source, synth};

use crate::fixtures::{drawn, verified};

fn rows(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn xlsx(rows: &[Vec<String>], sheet: &str) -> Vec<u8> {
    let mut book = Workbook::new();
    // A first sheet that is not the directory, so that --sheet matters.
    book.add_worksheet()
        .set_name("说明")
        .unwrap()
        .write_string(0, 0, "见名录")
        .unwrap();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            // Region codes as Excel stores typed numbers: 420102.0.
            if r > 0 && c == 2 {
                ws.write_number(r, c, cell.parse::<f64>().unwrap()).unwrap();
            } else {
                ws.write_string(r, c, cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn variants(text: &str) -> Vec<(&'static str, Vec<u8>, TableOptions)> {
    let grid = rows(text);
    let crlf_bom = format!("\u{FEFF}{}", text.replace('\n', "\r\n"));
    let crlf = text.replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&crlf);
    assert!(!unmappable);
    let tsv: String = grid.iter().map(|r| r.join("\t") + "\n").collect();
    let objects: Vec<Value> = grid[1..]
        .iter()
        .map(|r| {
            Value::Object(
                grid[0]
                    .iter()
                    .cloned()
                    .zip(r.iter().map(|v| json!(v)))
                    .collect(),
            )
        })
        .collect();
    let jsonl: String = objects.iter().map(|o| o.to_string() + "\n").collect();
    let with_sheet = TableOptions {
        read: shuangsui::inputs::ReadOptions {
            sheet: Some("检查对象名录".into()),
            ..Default::default()
        },
        ..TableOptions::default()
    };
    vec![
        (
            "targets.csv",
            text.as_bytes().to_vec(),
            TableOptions::default(),
        ),
        ("targets-gbk.csv", gbk.into_owned(), TableOptions::default()),
        (
            "targets-bom-crlf.csv",
            crlf_bom.into_bytes(),
            TableOptions::default(),
        ),
        ("targets.tsv", tsv.into_bytes(), TableOptions::default()),
        ("targets.xlsx", xlsx(&grid, "检查对象名录"), with_sheet),
        (
            "targets.json",
            serde_json::to_vec(&Value::Array(objects)).unwrap(),
            TableOptions::default(),
        ),
        ("targets.jsonl", jsonl.into_bytes(), TableOptions::default()),
    ]
}

#[test]
fn every_format_gives_one_digest_and_one_draw() {
    let text = synth::targets_csv(2_000, 11);
    let plan = synth::plan_toml(40);
    let officers = synth::officers_csv(60, 11);
    let mut digests = Vec::new();
    let mut records = Vec::new();
    let mut first_json: Option<String> = None;
    for (name, bytes, options) in variants(&text) {
        let table = Table::parse(TableKind::Targets, name, &bytes, &options)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(table.rows.len(), 2_000, "{name}");
        digests.push((name, hex::encode(shuangsui::inputs::digest::table(&table))));
        let input_options = shuangsui::InputOptions {
            targets: options.read.clone(),
            ..Default::default()
        };
        let inputs = Inputs::parse_with(
            Source {
                name: "plan.toml",
                bytes: plan.as_bytes(),
            },
            Source {
                name,
                bytes: &bytes,
            },
            Source {
                name: "officers.csv",
                bytes: officers.as_bytes(),
            },
            &input_options,
        )
        .unwrap();
        let mut record = drawn(&inputs, "formats");
        // The record of the UTF-8 CSV verifies against every other form.
        match &first_json {
            None => first_json = Some(record.to_json()),
            Some(json) => {
                let v = verified(json, &inputs);
                assert!(v.ok(), "{name}: {:?}", v.differences);
            }
        }
        record.inputs.targets.sha256.clear();
        record.digest.clear();
        records.push(record);
    }
    for (name, d) in &digests {
        assert_eq!(d, &digests[0].1, "{name}");
    }
    for (r, (name, _)) in records.iter().zip(&digests) {
        assert_eq!(r, &records[0], "{name}: the draw differs");
    }
}

#[test]
fn xlsx_sheets_cells_and_dates() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("名录").unwrap();
    for (c, h) in ["统一社会信用代码", "企业名称", "上次检查日期", "注册资本"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "91110000802100433B").unwrap();
    ws.write_string(1, 1, "北京百度网讯科技有限公司").unwrap();
    let date = ExcelDateTime::from_ymd(2026, 3, 5).unwrap();
    ws.write_datetime_with_format(1, 2, &date, &XlsxFormat::new().set_num_format("yyyy/m/d"))
        .unwrap();
    ws.write_number(1, 3, 1234.5).unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let t = Table::parse(
        TableKind::Targets,
        "名录.xlsx",
        &bytes,
        &TableOptions::default(),
    )
    .unwrap();
    assert_eq!(t.columns, ["id", "name", "last_inspected", "注册资本"]);
    assert_eq!(
        t.rows[0].values,
        [
            "91110000802100433B",
            "北京百度网讯科技有限公司",
            "2026-03-05",
            "1234.5"
        ]
    );
    assert_eq!(t.rows[0].line, 2);

    let options = TableOptions {
        read: shuangsui::inputs::ReadOptions {
            sheet: Some("Sheet9".into()),
            ..Default::default()
        },
        ..TableOptions::default()
    };
    let e = Table::parse(TableKind::Targets, "名录.xlsx", &bytes, &options).unwrap_err();
    assert_eq!(
        e.to_string(),
        "名录.xlsx: no sheet named 'Sheet9' (sheets: 名录)"
    );

    // A bad cell is located by sheet and cell.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "id").unwrap();
    ws.write_string(0, 1, "name").unwrap();
    ws.write_string(1, 0, "9144030071526726XH").unwrap();
    ws.write_string(1, 1, "腾讯").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let e = Table::parse(
        TableKind::Targets,
        "t.xlsx",
        &bytes,
        &TableOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.xlsx:Sheet1!A2: invalid id '9144030071526726XH': fails the GB 32100-2015 check character (expected 'G' at position 18)"
    );
}

#[test]
fn json_problems_are_located() {
    let e = Table::parse(
        TableKind::Targets,
        "t.json",
        br#"[{"id":"91110000802100433B","name":"x"},{"id":"91110000802100433B","name":"y"}]"#,
        &TableOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.json:[2]: duplicate id '91110000802100433B' (first seen on line 1)"
    );
    let e = Table::parse(
        TableKind::Targets,
        "t.json",
        br#"{"id": 1}"#,
        &TableOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.json: invalid JSON table: expected an array of objects, one per row"
    );
}

#[test]
fn hostile_inputs_get_clear_errors() {
    // A 100 MB single field: rejected with the limit named, not read into a value.
    let mut big = b"id,name\n91110000802100433B,".to_vec();
    big.resize(big.len() + 100 * 1024 * 1024, b'x');
    big.push(b'\n');
    let e = Table::parse(
        TableKind::Targets,
        "big.csv",
        &big,
        &TableOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "big.csv:2:2: field 'name' (104857600 bytes) exceeds the limit of 4096"
    );
    // Random bytes named .xlsx.
    let e = Table::parse(
        TableKind::Targets,
        "t.xlsx",
        b"\x00\x01\x02",
        &TableOptions::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("t.xlsx: not a readable .xlsx workbook"),
        "{e}"
    );
    // Bytes that are neither UTF-8 nor GB18030 (a lone 0x80 is invalid in both).
    let e = Table::parse(
        TableKind::Targets,
        "t.csv",
        b"id,name\n\x80\xff,x\n",
        &TableOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv:2: the file is not valid GB18030/GBK text"
    );
}
