//! Results (抽查结果): matched to the record, checked line by line, with deadlines on the
//! working-day calendar.

use shuangsui::dates::Date;
use shuangsui::draw::record::Record;
use shuangsui::inputs::{Table, TableKind};
use shuangsui::publish::results::{Due, Results, UNREACHABLE};
use shuangsui::publish::workdays::Calendar;

use crate::fixtures::{Files, TempDir, bin, drawn, stderr, stdout, succeeds};

fn record() -> Record {
    let files = Files::synth(4, 300, 30, 5);
    let files = Files {
        plan: files
            .plan
            .replace("date = \"2027-01-15\"", "date = \"2026-09-01\""),
        ..files
    };
    drawn(&files.inputs(), "results")
}

/// One row per drawn entity and item, all inspected on `date` with 未发现问题.
fn complete(record: &Record, date: &str) -> Vec<String> {
    let mut rows = Vec::new();
    for t in &record.tasks {
        for s in &t.selected {
            for item in &t.items {
                rows.push(format!("{},{},{},{date},未发现问题,", t.id, s.target, item));
            }
        }
    }
    rows
}

fn table(rows: &[String]) -> Table {
    let text = format!(
        "抽查任务编号,统一社会信用代码,抽查事项,检查完成日期,检查结果,备注\n{}\n",
        rows.join("\n")
    );
    Table::from_csv(TableKind::Results, "results.csv", text.as_bytes()).unwrap()
}

fn problems(record: &Record, rows: &[String]) -> Vec<String> {
    match Results::check(record, &table(rows), &Calendar::official()) {
        Ok(_) => panic!("accepted"),
        Err(e) if e.kind() == "result_problems" => {
            e.listed().iter().map(ToString::to_string).collect()
        }
        Err(e) => panic!("{e}"),
    }
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn complete_results_are_accepted_with_their_deadlines() {
    let record = record();
    let rows = complete(&record, "2026-09-30");
    let results = Results::check(&record, &table(&rows), &Calendar::official()).unwrap();
    let expected: usize = record
        .tasks
        .iter()
        .map(|t| t.selected.len() * t.items.len())
        .sum();
    assert_eq!(results.outcomes.len(), expected);
    // In record order: T1 first, and the first selected entity first.
    assert_eq!(results.outcomes[0].task, "T1");
    assert_eq!(
        results.outcomes[0].entity,
        record.tasks[0].selected[0].target
    );
    assert_eq!(results.outcomes[0].name, record.tasks[0].selected[0].name);
    // Inspected the day before the National Day week: 20 working days end on 2026-11-03.
    assert!(
        results
            .outcomes
            .iter()
            .all(|o| o.deadline == d("2026-11-03"))
    );
    let cal = Calendar::official();
    let o = &results.outcomes[0];
    assert_eq!(o.due(&cal, d("2026-11-04"), 5).unwrap(), Due::Overdue(1));
    assert_eq!(o.due(&cal, d("2026-11-03"), 5).unwrap(), Due::Soon(0));
    assert_eq!(o.due(&cal, d("2026-10-28"), 5).unwrap(), Due::Soon(4));
    assert_eq!(o.due(&cal, d("2026-10-08"), 5).unwrap(), Due::Later);
    // The row order of the file does not matter.
    let mut reversed = rows.clone();
    reversed.reverse();
    let again = Results::check(&record, &table(&reversed), &cal).unwrap();
    assert_eq!(
        again
            .outcomes
            .iter()
            .map(|o| (&o.task, &o.entity, &o.item))
            .collect::<Vec<_>>(),
        results
            .outcomes
            .iter()
            .map(|o| (&o.task, &o.entity, &o.item))
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_problem_is_named_with_its_line() {
    let record = record();
    let mut rows = complete(&record, "2026-09-30");
    let t1 = &record.tasks[0];
    let first = &t1.selected[0].target;
    rows[0] = format!("T1,{first},{},2026-09-30,查无问题,", t1.items[0]); // line 2: not in the vocabulary
    rows[1] = rows[1].replace("2026-09-30", "2026-08-31"); // line 3: before the draw on 2026-09-01
    rows.push(format!(
        "T1,91110000802100433B,{},2026-09-30,未发现问题,",
        t1.items[0]
    )); // not drawn
    rows.push(rows[2].clone()); // a second result
    let dropped = rows.remove(5); // a missing result
    let p = problems(&record, &rows);
    assert!(
        p[0].starts_with("results.csv:2:5:") && p[0].contains("'查无问题' is not a result"),
        "{p:?}"
    );
    assert!(
        p[1].starts_with("results.csv:3:4:") && p[1].contains("before the draw on 2026-09-01"),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("'91110000802100433B' was not drawn")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("a second result") && m.contains("(the first is on line 4)")),
        "{p:?}"
    );
    let missing = dropped.split(',').nth(1).unwrap();
    assert!(
        p.iter()
            .any(|m| m.contains("no result for") && m.contains(missing)),
        "{p:?}"
    );
}

#[test]
fn problems_are_listed_in_chinese_and_in_english() {
    let record = record();
    let mut rows = complete(&record, "2026-09-30");
    let t1 = &record.tasks[0];
    rows[0] = format!(
        "T1,{},{},2026-09-30,查无问题,",
        t1.selected[0].target, t1.items[0]
    );
    rows.push(format!(
        "T1,91110000802100433B,{},2026-09-30,未发现问题,",
        t1.items[0]
    ));
    let e = Results::check(&record, &table(&rows), &Calendar::official()).unwrap_err();
    let first = &e.listed()[0];
    let last = e
        .listed()
        .iter()
        .find(|p| p.to_string().contains("was not drawn"))
        .unwrap();
    assert!(
        first
            .to_string()
            .starts_with("results.csv:2:5: '查无问题' is not a result"),
        "{first}"
    );
    let zh = first.message(shuangsui::messages::Lang::Zh);
    assert!(
        zh.starts_with("results.csv:2:5: “查无问题”不是全国统一的检查结果用语（未发现问题、"),
        "{zh}"
    );
    let zh = last.message(shuangsui::messages::Lang::Zh);
    assert!(
        zh.ends_with("“91110000802100433B”未被本计划抽中：只有被抽中的主体才有检查结果"),
        "{zh}"
    );
    // Past the last year of the calendar: the calendar's own error, at the date's cell.
    let p = Results::check(
        &record,
        &table(&complete(&record, "2026-12-20")),
        &Calendar::official(),
    )
    .unwrap_err();
    let zh = p.listed()[0].message(shuangsui::messages::Lang::Zh);
    assert!(zh.contains(":4: 没有 2027 年的工作日历"), "{zh}");
}

#[test]
fn items_and_tasks_must_be_the_drawn_ones() {
    let record = record();
    let mut rows = complete(&record, "2026-09-30");
    let target = &record.tasks[0].selected[0].target;
    rows[0] = format!("T1,{target},食品经营许可情况,2026-09-30,未发现问题,");
    let p = problems(&record, &rows);
    assert!(
        p[0].contains("not for the item '食品经营许可情况'")
            && p[0].contains("T1: 企业年度报告公示信息"),
        "{p:?}"
    );
}

#[test]
fn results_are_normalised_and_the_unreachable_rule_holds() {
    let record = record();
    let mut rows = complete(&record, "2026-09-30");
    let t1 = &record.tasks[0];
    rows[0] = format!(
        "T1,{},{},2026-09-30,通过登记的住所(经营场所)无法联系,",
        t1.selected[0].target, t1.items[0]
    );
    let results = Results::check(&record, &table(&rows), &Calendar::official()).unwrap();
    assert_eq!(results.outcomes[0].result, UNREACHABLE);
    // An entity recorded unreachable in the ledger must have that result.
    let mut amended = record.clone();
    let mut entry = serde_json::from_value::<shuangsui::draw::record::LedgerEntry>(serde_json::json!({
        "seq": 1, "kind": "unreachable", "task": "T1", "target": t1.selected[1].target, "officer": "",
        "replacement": "", "reason": UNREACHABLE, "note": "", "actor": "张科长", "at": "2026-09-20T10:00:00+08:00",
        "prev": "", "digest": ""
    }))
    .unwrap();
    entry.prev.clone_from(&record.digest);
    amended.ledger.push(entry);
    let p = problems(&amended, &complete(&amended, "2026-09-30"));
    assert!(
        p[0].contains("recorded unreachable") && p[0].contains(&t1.selected[1].target),
        "{p:?}"
    );
    // The notice of an amended record names its ledger's head (SPEC.md §9.4), against
    // which a ledger cut short is told apart.
    amended.ledger[0].digest = "ab".repeat(32);
    let mut rows = complete(&amended, "2026-09-30");
    rows[1] = format!(
        "T1,{},{},2026-09-30,{UNREACHABLE},",
        t1.selected[1].target, t1.items[0]
    );
    let results = Results::check(&amended, &table(&rows), &Calendar::official()).unwrap();
    for lang in [
        shuangsui::publish::notice::Lang::Zh,
        shuangsui::publish::notice::Lang::En,
    ] {
        let md = shuangsui::publish::notice::results_markdown(
            lang,
            &amended,
            &results,
            &shuangsui::publish::notice::Issued::default(),
        );
        let html = shuangsui::publish::notice::results_html(
            lang,
            &amended,
            &results,
            &shuangsui::publish::notice::Issued::default(),
        );
        assert!(
            md.contains(&"ab".repeat(32)) && html.contains(&"ab".repeat(32)),
            "{md}"
        );
    }
    let md = shuangsui::publish::notice::results_markdown(
        shuangsui::publish::notice::Lang::Zh,
        &record,
        &results,
        &shuangsui::publish::notice::Issued::default(),
    );
    assert!(!md.contains("修改账本"), "{md}");
}

#[test]
fn a_year_without_a_calendar_is_an_error_not_a_guess() {
    let record = record();
    let rows = complete(&record, "2026-12-20");
    let p = problems(&record, &rows);
    assert!(p[0].contains("no working-day calendar for 2027"), "{p:?}");
    // One cause, said once: not once a row, and the rows it refused are not missing too.
    assert_eq!(p.len(), 1, "{p:?}");
    // With the year's schedule given, the deadlines follow.
    let cal = Calendar::official().with(
        Calendar::parse(
            "2027.toml",
            "[[year]]\nyear = 2027\nholidays = [\"2027-01-01\"]\n".as_bytes(),
        )
        .unwrap(),
    );
    let results = Results::check(&record, &table(&rows), &cal).unwrap();
    // 12-21..25 (5), 28..31 (9), 2027-01-04..08 (14), 11..15 (19), 18 (20).
    assert_eq!(results.outcomes[0].deadline, d("2027-01-18"));
}

/// `shuangsui results`: the notice is written only when every result checks out.
#[test]
fn the_cli_writes_the_notice_and_lists_deadlines() {
    let dir = TempDir::new("results");
    let record = record();
    std::fs::write(dir.join("record.json"), record.to_json()).unwrap();
    let header = "抽查任务编号,统一社会信用代码,抽查事项,检查完成日期,检查结果,备注\n";
    let mut rows = complete(&record, "2026-09-30");
    std::fs::write(
        dir.join("results.csv"),
        format!("{header}{}\n", rows.join("\n")),
    )
    .unwrap();
    rows[0] = rows[0].replace("未发现问题", "良好");
    std::fs::write(
        dir.join("bad.csv"),
        format!("{header}{}\n", rows.join("\n")),
    )
    .unwrap();
    let run = |results: &str, out: &str| {
        bin()
            .current_dir(&dir)
            .args([
                "--lang",
                "en",
                "results",
                "record.json",
                "--results",
                results,
                "--out",
                out,
            ])
            .args(["--today", "2026-11-04"])
            .output()
            .unwrap()
    };
    let bad = run("bad.csv", "bad-notice");
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("bad.csv:2:5: '良好' is not a result"));
    assert!(!dir.join("bad-notice/result-notice.csv").exists());
    let good = run("results.csv", "notice");
    assert!(good.status.success(), "{}", stderr(&good));
    let stdout = stdout(&good);
    let n: usize = record
        .tasks
        .iter()
        .map(|t| t.selected.len() * t.items.len())
        .sum();
    assert!(
        stdout.contains(&format!("as of 2026-11-04: {n} overdue")),
        "{stdout}"
    );
    let csv = std::fs::read_to_string(dir.join("notice/result-notice.csv")).unwrap();
    assert_eq!(csv.lines().count(), n + 1);
    assert!(csv.starts_with("\u{feff}plan_id,plan_name,task_id"));
    assert!(
        std::fs::read_to_string(dir.join("notice/result-notice.md"))
            .unwrap()
            .contains(&record.tasks[0].selected[0].target)
    );
    let html = std::fs::read_to_string(dir.join("notice/result-notice.html")).unwrap();
    assert_eq!(html.matches("class=\"result\"").count(), n);
    for needle in ["<script", "src=", "href=", "url(", "<link"] {
        assert!(!html.contains(needle), "{needle}");
    }
    // Never overwritten silently.
    assert_eq!(run("results.csv", "notice").status.code(), Some(2));
    // Only the formats asked for; the .xlsx holds the CSV's rows, and reads back as a table.
    succeeds(
        bin()
            .current_dir(&dir)
            .args([
                "results",
                "record.json",
                "--results",
                "results.csv",
                "--out",
                "x",
                "--format",
                "xlsx",
            ])
            .args(["--today", "2026-11-04"]),
    );
    let names: Vec<_> = std::fs::read_dir(dir.join("x"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("result-notice.xlsx")]);
    // The notice's columns are the results table's: read back, it checks out again.
    let sheet = Table::parse(
        TableKind::Results,
        "result-notice.xlsx",
        &std::fs::read(dir.join("x/result-notice.xlsx")).unwrap(),
        &shuangsui::inputs::TableOptions::default(),
    )
    .unwrap();
    assert_eq!(sheet.rows.len(), n);
    let again = Results::check(&record, &sheet, &Calendar::official()).unwrap();
    assert_eq!(again.outcomes.len(), n);
}

#[test]
fn an_inspection_after_today_is_refused_and_not_also_missing() {
    let record = record();
    let mut rows = complete(&record, "2026-10-12");
    rows[0] = rows[0].replace("2026-10-12", "2026-11-20");
    let today = Some(d("2026-11-02"));
    let e = Results::check_as_of(&record, &table(&rows), &Calendar::official(), today).unwrap_err();
    let p: Vec<String> = e.listed().iter().map(ToString::to_string).collect();
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].contains("completed on 2026-11-20, after today (2026-11-02)"),
        "{p:?}"
    );
    assert!(p[0].starts_with("results.csv:2:4:"), "{p:?}");
    // A day later than the inspection, it is accepted.
    let today = Some(d("2026-11-20"));
    assert!(Results::check_as_of(&record, &table(&rows), &Calendar::official(), today).is_ok());
}

#[test]
fn a_row_refused_for_its_word_is_not_also_missing() {
    let record = record();
    let mut rows = complete(&record, "2026-10-12");
    rows[0] = rows[0].replace("未发现问题", "合格");
    let p = problems(&record, &rows);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("results.csv:2:5:"), "{p:?}");
}

#[test]
fn a_results_workbook_is_told_by_sheet_and_cell() {
    let record = record();
    let mut rows = complete(&record, "2026-10-12");
    rows[1] = rows[1].replace("未发现问题", "合格");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("检查结果").unwrap();
    // A personal column before the result (dropped as read): cells keep their own letters.
    let header = "抽查任务编号,统一社会信用代码,抽查事项,检查完成日期,联系电话,检查结果,备注";
    for (c, h) in header.split(',').enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let mut cells: Vec<&str> = row.split(',').collect();
        cells.insert(4, "13800000000");
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, *v).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let table = Table::parse(
        TableKind::Results,
        "结果.xlsx",
        &bytes,
        &shuangsui::inputs::TableOptions::default(),
    )
    .unwrap();
    let e = Results::check(&record, &table, &Calendar::official()).unwrap_err();
    let p: Vec<String> = e.listed().iter().map(ToString::to_string).collect();
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("结果.xlsx:检查结果!F3:"), "{p:?}");
}
