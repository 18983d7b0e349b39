//! Exports as bureaus make them (issue 17): an instructions sheet before the data, title
//! rows above the header, annotated header names and risk classes, codes held as numbers.
//! The same rows give the digest of the plain table (SPEC.md §3.1–§3.3).

use std::sync::Arc;

use rust_xlsxwriter::{Format as XlsxFormat, Workbook};
use shuangsui::inputs::{ByteSource, Table, TableKind, TableOptions};
use shuangsui::internal::stream::{self, Options};
use shuangsui::{ErrorKind, synth};

const TITLE: &str = "某某县市场监督管理局 检查对象名录（2027年）";

/// The plain table's rows (header first).
fn plain() -> Vec<Vec<String>> {
    rows_of(&synth::targets_csv(300, 17))
}

/// A CSV text's rows (header first), without a byte order mark.
pub fn rows_of(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The same rows as an export writes them: annotated headers, risk classes with their
/// words.
pub fn annotated(rows: &[Vec<String>]) -> Vec<Vec<String>> {
    let header: Vec<String> = rows[0]
        .iter()
        .map(|h| match h.as_str() {
            "统一社会信用代码" => "统一社会信用代码（必填）".to_owned(),
            "企业名称" => "企业名称*".to_owned(),
            "登记机关" => "登记机关【全称】".to_owned(),
            other => other.to_owned(),
        })
        .collect();
    let risk = rows[0].iter().position(|h| h == "信用风险分类").unwrap();
    let words = |c: &str| match c {
        "A" => "A类（信用风险低）",
        "B" => "B类（信用风险一般）",
        "C" => "C类（信用风险较高）",
        "D" => "D类（信用风险高）",
        other => panic!("{other}"),
    };
    let mut out = vec![header];
    for row in &rows[1..] {
        let mut row = row.clone();
        let class = words(&row[risk]);
        class.clone_into(&mut row[risk]);
        out.push(row);
    }
    out
}

fn digest_of(source: &str, bytes: &[u8], options: &TableOptions) -> [u8; 32] {
    let t = Table::parse(TableKind::Targets, source, bytes, options)
        .unwrap_or_else(|e| panic!("{source}: {e}"));
    shuangsui::inputs::digest::table(&t)
}

fn streamed(bytes: &[u8]) -> Result<[u8; 32], shuangsui::Error> {
    let data: Arc<dyn ByteSource> = Arc::new(bytes.to_vec());
    let options = Options {
        block_bytes: 4096,
        threads: 2,
        ..Options::default()
    };
    stream::read("t.csv", &data, b',', &TableOptions::default(), &options).map(|o| o.digest)
}

fn csv_text(rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The export: an instructions sheet, then the data under a merged title and a note whose
/// cell lies right of the table.
pub fn workbook(rows: &[Vec<String>], number_at: Option<usize>) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("填写说明").unwrap();
    notes.write_string(0, 0, "填写说明").unwrap();
    notes
        .write_string(1, 0, "1. 本表由系统导出，请勿修改表头。")
        .unwrap();
    notes.write_string(2, 0, "2. 信用风险分类").unwrap();
    notes
        .write_string(2, 1, "A类（信用风险低）、B类（信用风险一般）")
        .unwrap();
    let ws = book.add_worksheet();
    ws.set_name("检查对象名录").unwrap();
    let bold = XlsxFormat::new().set_bold();
    ws.merge_range(0, 0, 0, 6, TITLE, &bold).unwrap();
    ws.write_string(1, 0, "导出时间：2027-01-10").unwrap();
    ws.write_string(1, 9, "单位：户").unwrap();
    let region = rows[0].iter().position(|h| h == "行政区划").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (at, col) = (r as u32 + 2, c as u16);
            if r > 0 && (c == region || (c == 0 && number_at == Some(r))) {
                ws.write_number(at, col, cell.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                ws.write_string(at, col, cell).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn an_export_with_notes_titles_and_annotations_is_the_plain_table() {
    let rows = plain();
    let expected = digest_of(
        "plain.csv",
        csv_text(&rows).as_bytes(),
        &TableOptions::default(),
    );
    let export = annotated(&rows);

    // The workbook: the data sheet found after the instructions, the header below the title.
    let bytes = workbook(&export, None);
    let t = Table::parse(
        TableKind::Targets,
        "名录.xlsx",
        &bytes,
        &TableOptions::default(),
    )
    .unwrap();
    assert_eq!(shuangsui::inputs::digest::table(&t), expected);
    assert_eq!(t.rows.len(), 300);
    // Rows keep the sheet's row numbers: the header is row 3, the first row 4.
    assert_eq!(t.rows[0].line, 4);

    // A CSV saved from it, title and note rows included; read whole and in blocks.
    let mut text = format!("{TITLE}\n导出时间：2027-01-10,,,,,,\n");
    text.push_str(&csv_text(&export));
    assert_eq!(
        digest_of("名录.csv", text.as_bytes(), &TableOptions::default()),
        expected
    );
    assert_eq!(streamed(text.as_bytes()).unwrap(), expected);
    let t = Table::parse(
        TableKind::Targets,
        "名录.csv",
        text.as_bytes(),
        &TableOptions::default(),
    )
    .unwrap();
    assert_eq!(t.rows[0].line, 4);

    // A file with no header among its first 30 rows reads its first row as the header, and
    // the error names what is missing there.
    let mut far = "说明\n".repeat(30);
    far.push_str(&csv_text(&export));
    let e = Table::parse(
        TableKind::Targets,
        "t.csv",
        far.as_bytes(),
        &TableOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MissingColumn, "{e}");
    assert_eq!(
        streamed(far.as_bytes()).unwrap_err().to_string(),
        e.to_string()
    );
}

#[test]
fn a_code_held_as_a_number_is_refused_at_its_cell() {
    let rows = plain();
    // An all-digit code: 15 digits (a 注册号) fit a spreadsheet's number; 18 do not.
    let mut rows = annotated(&rows);
    rows[5][0] = "914201001234567890".into();
    let bytes = workbook(&rows, Some(5));
    let e = Table::parse(
        TableKind::Targets,
        "名录.xlsx",
        &bytes,
        &TableOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NumberCode, "{e}");
    // Row 5 of the rows is sheet row 8 (title, note, header above it).
    assert!(
        e.to_string()
            .starts_with("名录.xlsx:检查对象名录!A8: '统一社会信用代码（必填）' holds the number 914201001234568000"),
        "{e}"
    );
    // Not a typo to fix by hand, whatever the id check's mode: warn mode refuses it too.
    let warn = TableOptions {
        id_check: shuangsui::inputs::IdCheck {
            mode: shuangsui::inputs::IdCheckMode::Warn,
            ..Default::default()
        },
        ..TableOptions::default()
    };
    let e = Table::parse(TableKind::Targets, "名录.xlsx", &bytes, &warn).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NumberCode, "{e}");
}

#[test]
fn a_plan_may_name_columns_as_the_file_does() {
    let canonical = r#"
[plan]
id = "P"
name = "计划"

[columns.public]
targets = ["industry"]

[[tasks]]
id = "T1"
name = "任务"
filter = { authority = { not = "某局" }, region = "420102" }
strata = ["risk"]
ratio = "5%"
officer_filter = { department = ["市场监管科"] }
"#;
    let as_the_file = r#"
[plan]
id = "P"
name = "计划"

[columns.public]
targets = ["所属行业"]

[[tasks]]
id = "T1"
name = "任务"
filter = { "登记机关（必填）" = { not = "某局" }, "行政区划" = "420102" }
strata = ["信用风险分类"]
ratio = "5％"
officer_filter = { "科室" = ["市场监管科"] }
"#;
    let a = shuangsui::Plan::parse("a.toml", canonical.as_bytes()).unwrap();
    let b = shuangsui::Plan::parse("b.toml", as_the_file.as_bytes()).unwrap();
    assert_eq!(a.tasks[0].strata, ["risk"]);
    assert_eq!(b.tasks[0].strata, ["risk"]);
    assert_eq!(
        b.tasks[0].filter.clauses.keys().collect::<Vec<_>>(),
        ["authority", "region"]
    );
    assert_eq!(
        b.tasks[0].officer_filter.clauses.keys().collect::<Vec<_>>(),
        ["department"]
    );
    // The ratio's text is hashed as written; its value is the same.
    assert_eq!(a.tasks[0].quota, b.tasks[0].quota);
    let b_half = as_the_file.replace("5％", "5%");
    let b = shuangsui::Plan::parse("b.toml", b_half.as_bytes()).unwrap();
    assert_eq!(a.digest, b.digest, "the same plan, the same digest");
}

#[test]
fn a_roster_keyed_by_its_certificates_has_them_as_ids() {
    // As a county exports it: GBK, a serial number, no staff number, personal columns.
    let text = "序号,执法证号,姓名,科室,证件有效期,联系电话,身份证号\r\n\
                1,42122400001,张伟,市场监管股,2023-03-01至2028-02-28,13800000001,420101199001011234\r\n\
                2,42122400002,王芳,食品安全股,2022-07-01至2027-06-30,13800000002,420101199001011234\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let t = Table::parse(
        TableKind::Officers,
        "执法检查人员名录.csv",
        &gbk,
        &TableOptions::default(),
    )
    .unwrap();
    let id = t.column("id").unwrap();
    let certificate = t.column("certificate").unwrap();
    assert_eq!(id + 1, certificate, "{:?}", t.columns);
    for row in &t.rows {
        assert_eq!(row.values[id], row.values[certificate]);
    }
    assert_eq!(t.rows[1].values[id], "42122400002");
    // Personal data is never read.
    for h in ["联系电话", "身份证号"] {
        assert!(t.dropped.iter().any(|d| d == h), "{h}: {:?}", t.dropped);
    }
    // A roster with a staff number keeps it as the id.
    let with_staff = text.replacen("序号,", "人员编号,", 1);
    let t = Table::parse(
        TableKind::Officers,
        "o.csv",
        with_staff.as_bytes(),
        &TableOptions::default(),
    )
    .unwrap();
    assert_eq!(t.rows[1].values[t.column("id").unwrap()], "2");
}

#[test]
fn an_officer_filter_that_matches_no_one_lists_what_the_roster_holds() {
    // 特种设备股 for 特种设备安全监察股: the clerk sees the values the roster has.
    let plan = synth::plan_toml(5).replacen(
        "officer_filter = { \"所属部门\" = [\"市场监管\"] }",
        "officer_filter = { \"所属部门\" = \"特种设备股\" }",
        1,
    );
    assert!(plan.contains("特种设备股"), "{plan}");
    let (targets, officers) = (synth::targets_csv(200, 5), synth::officers_csv(30, 5));
    let inputs = shuangsui::Inputs::parse(
        shuangsui::Source {
            name: "plan.toml",
            bytes: plan.as_bytes(),
        },
        shuangsui::Source {
            name: "targets.csv",
            bytes: targets.as_bytes(),
        },
        shuangsui::Source {
            name: "officers.csv",
            bytes: officers.as_bytes(),
        },
    )
    .unwrap();
    let Err(e) = shuangsui::check(&inputs) else {
        panic!("a filter matching no officer checked out");
    };
    let zh = e.message(shuangsui::messages::Lang::Zh);
    assert!(
        zh.contains("officer_filter 没有匹配任何执法人员：名录中“所属部门”列的值有 ")
            && zh.contains("市场监管"),
        "{zh}"
    );
    let en = e.message(shuangsui::messages::Lang::En);
    assert!(en.contains("the roster's department holds "), "{en}");
}
