//! A task sheet read row by row into tasks, every problem located at its cell, then written
//! as a plan and parsed back: what is returned is a plan [`Plan::parse`] accepts.

use std::collections::HashMap;

use crate::base::normalize;
use crate::dates::Date;
use crate::error::{Error, ErrorKind, Location, MAX_PROBLEMS, Result};
use crate::inputs::ReadOptions;
use crate::inputs::grid::{self, Style};
use crate::messages::{Lang, msg};
use crate::plan::model::Plan;

use super::columns::{Col, Header, is_header};
use super::layout;
use super::model::{PlanHeader, SheetPlan, SheetTask};
use super::render::{self, Origin};
use super::row::Row;

/// The name the written plan is parsed under (its errors are told at the sheet's cells).
const PLAN: &str = "plan.toml";

/// Writes the plan of a task sheet (任务表): one task a row, under a header row that may sit
/// below title rows (the first of the first 30 rows naming two of the columns, 任务编号 or
/// 任务名称 among them; in an `.xlsx`, of the first worksheet that has one). `source` names the file in messages and its extension gives the format
/// unless `read` does (`.xlsx`, `.csv` in UTF-8 or GBK …); `header` gives the plan's own keys;
/// the plan's comments are in `lang`.
///
/// The columns, by the names a header may give them (annotations such as `（必填）` ignored):
/// 任务编号 and 任务名称 (required), 抽查事项, 抽查依据, 抽查比例 or 抽查数量 (one of them in
/// each row), 分层, 分配方式, 每组人数 and 执法人员科室 (the officers' `department`); the plan's
/// English keys name them too. A 定向条件 cannot be read from a sheet: a filter is written in
/// the plan. The sheet is read as Excel shows it: a ratio is a percentage (`3%`), or a number
/// in a cell formatted as one (`0.03` shown as `3%`), and a bare number is refused (`0.5`:
/// 0.5% or 50%?); a cell merged down over rows gives its value to each row it covers, and the
/// plan says so. Every problem is an error at its cell (all of them listed at once); the plan
/// returned parses.
///
/// ```
/// use shuangsui::messages::Lang;
/// use shuangsui::plan::sheet::{PlanHeader, from_task_sheet};
///
/// let csv = "某某县2027年度抽查任务表\n任务编号,任务名称,抽查比例,抽查数量,每组人数\n\
///            T1,企业公示信息抽查,3%,,2\nT2,食品经营许可事项抽查,,40,3\n";
/// let header = PlanHeader {
///     id: "420100-2027-01".into(),
///     name: "2027年度双随机抽查计划".into(),
///     date: Some("2027年1月15日".into()),
///     ..PlanHeader::default()
/// };
/// let written = from_task_sheet("任务表.csv", csv.as_bytes(), &Default::default(), &header, Lang::Zh)?;
/// assert!(written.text.contains("ratio = \"3%\""));
/// assert!(written.text.contains("date = \"2027-01-15\""));
/// assert_eq!(written.plan.tasks[1].team_size, 3);
///
/// let bad = csv.replace("3%", "百分之三");
/// let e = from_task_sheet("任务表.csv", bad.as_bytes(), &Default::default(), &header, Lang::Zh)
///     .unwrap_err();
/// assert_eq!(e.location().unwrap().to_string(), "任务表.csv:3:3");
/// assert!(e.message(Lang::Zh).contains("百分之三"));
/// # Ok::<(), shuangsui::Error>(())
/// ```
pub fn from_task_sheet(
    source: &str,
    bytes: &[u8],
    read: &ReadOptions,
    header: &PlanHeader,
    lang: Lang,
) -> Result<SheetPlan> {
    let date = plan_header(header)?;
    let mut grid = grid::read_laid_out(source, bytes, read, &is_header).map_err(|e| {
        if e.kind() == ErrorKind::EmptyTable {
            Error::with_id(ErrorKind::EmptyTable, "plan-sheet-empty-table")
                .at(Location::file(source))
        } else {
            e
        }
    })?;
    let sheet = match &grid.style {
        Style::Cells(name) => Some(name.clone()),
        _ => None,
    };
    let head = Header::resolve(&grid.header, &|i| grid.at(grid.header_at, i))?;
    // A merged cell's value in every row it covers, as Excel shows it.
    let (shown, mut problems) = layout::show(&mut grid, &head)?;
    let mut tasks: Vec<SheetTask> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut first_of: HashMap<String, u64> = HashMap::new();
    for (line, cells) in &grid.rows {
        let row = Row {
            head: &head,
            grid: &grid,
            shown: &shown,
            line: *line,
            cells,
        };
        match row.task() {
            Ok(None) => {}
            Ok(Some(task)) => {
                if let Some(&first) = first_of.get(&task.id) {
                    problems.push(
                        row.error(ErrorKind::DuplicateId, "plan-sheet-duplicate-id", Col::Id)
                            .arg("value", task.id.clone())
                            .arg("first", first),
                    );
                    continue;
                }
                first_of.insert(task.id.clone(), *line);
                lines.push(*line);
                tasks.push(task);
            }
            Err(mut found) => problems.append(&mut found),
        }
    }
    if let Some(e) = listed(source, problems) {
        return Err(e);
    }
    if tasks.is_empty() {
        return Err(Error::with_id(ErrorKind::EmptyTable, "plan-sheet-no-tasks")
            .at(grid.at(grid.header_at, None)));
    }
    let (text, origins) = render::plan(header, date, &tasks, source, sheet.as_deref(), lang);
    let plan = Plan::parse(PLAN, text.as_bytes()).map_err(|e| {
        // A value the checks above let through: told at its cell, with the plan's reason.
        let origin = e
            .location()
            .and_then(|at| at.line)
            .and_then(|l| origins.get(usize::try_from(l).ok()?.checked_sub(1)?))
            .copied()
            .unwrap_or(Origin::Nothing);
        match origin {
            Origin::Task(i, col) => {
                let column = col.and_then(|c| head.get(c)).map(|(c, _)| c);
                Error::with_id(ErrorKind::BadValue, "plan-sheet-rejected")
                    .at(grid.at(lines[i], column))
                    .arg("reason", e.reason())
            }
            Origin::Header | Origin::Nothing => {
                Error::with_id(ErrorKind::PlanValue, "plan-sheet-header-rejected")
                    .arg("reason", e.reason())
            }
        }
    })?;
    Ok(SheetPlan {
        text,
        plan,
        tasks,
        sheet,
        unread: head.unread,
    })
}

/// The plan's own keys checked: an id and a name, no control character, a date in a form of
/// SPEC.md §3.3.
fn plan_header(header: &PlanHeader) -> Result<Option<Date>> {
    for (key, value, required) in [
        ("plan-sheet-key-id", &header.id, true),
        ("plan-sheet-key-name", &header.name, true),
        ("plan-sheet-key-authority", &header.authority, false),
        ("plan-sheet-key-contact", &header.contact, false),
    ] {
        if required && normalize::text(value).is_empty() {
            return Err(
                Error::with_id(ErrorKind::PlanValue, "plan-sheet-header-empty")
                    .arg("key", msg(key)),
            );
        }
        if let Some(c) = normalize::first_control(value) {
            return Err(
                Error::with_id(ErrorKind::ControlCharacter, "plan-sheet-header-control")
                    .arg("key", msg(key))
                    .arg("code", format!("{:04X}", c as u32)),
            );
        }
    }
    header
        .date
        .as_ref()
        .map(|d| {
            Date::parse(&normalize::text(d)).ok_or_else(|| {
                Error::with_id(ErrorKind::PlanValue, "plan-sheet-header-date")
                    .arg("value", d.clone())
            })
        })
        .transpose()
}

/// The problems of a sheet as one error: the problem itself when there is one.
fn listed(source: &str, mut problems: Vec<Error>) -> Option<Error> {
    match problems.len() {
        0 => None,
        1 => problems.pop(),
        n => {
            let total = n as u64;
            problems.truncate(MAX_PROBLEMS);
            Some(Error::problems_with_id(
                ErrorKind::Problems,
                "plan-sheet-problems",
                source,
                problems,
                total,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Quota, Spread, Tree};
    use crate::plan::sheet::MergedValue;

    const SHEET: &str = "\u{FEFF}某某县市场监督管理局2027年度双随机抽查任务表\n\
        序号,任务编号（必填）,任务名称*,抽查事项,抽查依据,抽查比例,抽查数量,分层依据,分配方式,每组人数,执法人员科室,备注\n\
        1,T1,企业公示信息抽查,企业年度报告公示信息、即时信息,《企业信息公示暂行条例》第十四条,3%,,信用风险分类,,2,市场监管,\n\
        2,T2,食品经营许可事项抽查,\"食品经营许可情况\n食品安全管理制度落实情况\",\"《食品安全法》第一百一十条\n《食品经营许可和备案管理办法》\",/,40户,,,3人,食品安全,重点\n\
        3,T3,登记事项抽查,住所登记情况,,,100,行政区划,按比例,,,\n\
        4,,,,,,,,,,,\n";

    fn header() -> PlanHeader {
        PlanHeader {
            id: "420100-2027-01".into(),
            name: "2027年度双随机抽查计划".into(),
            authority: "武汉市市场监督管理局".into(),
            contact: String::new(),
            date: Some("2027/1/15".into()),
        }
    }

    fn written(sheet: &str, lang: Lang) -> Result<SheetPlan> {
        from_task_sheet(
            "任务表.csv",
            sheet.as_bytes(),
            &ReadOptions::default(),
            &header(),
            lang,
        )
    }

    #[test]
    fn a_task_sheet_is_a_plan_in_either_language() {
        let zh = written(SHEET, Lang::Zh).unwrap();
        let en = written(SHEET, Lang::En).unwrap();
        // The comments aside, one plan.
        assert_eq!(zh.plan.digest, en.plan.digest);
        assert_ne!(zh.text, en.text);
        assert_eq!(zh.unread, ["序号", "备注"]);
        let p = &zh.plan;
        assert_eq!(p.date.unwrap().to_string(), "2027-01-15");
        assert_eq!(p.tasks.len(), 3);
        let [t1, t2, t3] = &p.tasks[..] else { panic!() };
        assert_eq!(
            t1.quota,
            Quota::Ratio(Tree::Leaf(crate::plan::Ratio { ppm: 30_000 }))
        );
        assert_eq!(t1.strata, ["risk"]);
        assert_eq!(t1.items, ["企业年度报告公示信息", "即时信息"]);
        assert_eq!(t1.officer_filter.to_string(), "department ∈ {市场监管}");
        assert_eq!(
            t2.quota,
            Quota::Total {
                count: 40,
                spread: Spread::Whole
            }
        );
        assert_eq!(t2.team_size, 3);
        assert_eq!(t2.items, ["食品经营许可情况", "食品安全管理制度落实情况"]);
        assert_eq!(
            t2.basis,
            "《食品安全法》第一百一十条；《食品经营许可和备案管理办法》"
        );
        assert_eq!(
            t3.quota,
            Quota::Total {
                count: 100,
                spread: Spread::Proportional
            }
        );
        assert_eq!(t3.strata, ["region"]);
        assert_eq!(t3.team_size, 2);
        assert_eq!(zh.tasks[2].at.to_string(), "任务表.csv:7");
        // Commented for the clerk: the first task's keys, the default, the missing contact.
        assert!(zh.text.contains("ratio = \"3%\""), "{}", zh.text);
        assert!(
            zh.text.contains("# 抽取比例（算出的户数向上取整）"),
            "{}",
            zh.text
        );
        assert!(
            zh.text.contains("# 每组人数：任务表未填，取 2 人"),
            "{}",
            zh.text
        );
        assert!(zh.text.contains("# contact = \"\""), "{}", zh.text);
        assert!(zh.text.contains("任务表中不能写定向条件"), "{}", zh.text);
        assert!(
            zh.text.contains("# ── 任务 T2：任务表第 4 行 ──"),
            "{}",
            zh.text
        );
        assert!(
            en.text
                .contains("# the ratio (counts from it are rounded up)"),
            "{}",
            en.text
        );
        // Every comment line of the Chinese plan is Chinese: no English sentence in it.
        for line in zh.text.lines().filter(|l| l.starts_with('#')) {
            assert!(!line.contains(" the "), "{line}");
        }
    }

    #[test]
    fn every_problem_is_told_at_its_cell() {
        let said = |sheet: &str| {
            let e = written(sheet, Lang::Zh).unwrap_err();
            (e.message(Lang::Zh), e.message(Lang::En), e.hint(Lang::Zh))
        };
        let (zh, en, hint) = said(&SHEET.replace(",3%,", ",百分之三,"));
        assert_eq!(
            zh,
            "任务表.csv:3:6: “抽查比例”为“百分之三”：应为 0% 至 100% 的百分比，如 3% 或 0.5%"
        );
        assert_eq!(
            en,
            "任务表.csv:3:6: '抽查比例' is '百分之三': expected a percentage from 0% to 100%, such as 3% or 0.5%"
        );
        assert!(hint.unwrap().contains("百分之三"));
        // A number without a percent sign, in a text file (or a cell in no percent format):
        // refused, whatever it is, with what it may mean.
        let (zh, en, hint) = said(&SHEET.replace(",3%,", ",0.5,"));
        assert_eq!(
            zh,
            "任务表.csv:3:6: “抽查比例”为“0.5”，没有百分号：可能是 0.5%，也可能是 50%"
        );
        assert_eq!(
            en,
            "任务表.csv:3:6: '抽查比例' is '0.5', without a percent sign: it may mean 0.5% or 50%"
        );
        assert!(hint.unwrap().starts_with("请写明百分号：0.5% 或 50%"));
        let (zh, ..) = said(&SHEET.replace(",3%,", ",0.03,"));
        assert!(zh.ends_with("可能是 0.03%，也可能是 3%"), "{zh}");
        let (zh, _, hint) = said(&SHEET.replace(",3%,", ",3,"));
        assert_eq!(
            zh,
            "任务表.csv:3:6: “抽查比例”为“3”，没有百分号：不能确定是不是 3%"
        );
        assert!(hint.unwrap().starts_with("请写成带百分号的百分比，如 3%"));
        let (zh, ..) = said(&SHEET.replace(",/,40户,", ",5%,40户,"));
        assert_eq!(
            zh,
            "任务表.csv:4:7: “抽查比例”为“5%”，“抽查数量”又为“40户”：二者只能填一个"
        );
        let (zh, ..) = said(&SHEET.replace(
            "3,T3,登记事项抽查,住所登记情况,,,100",
            "3,T3,登记事项抽查,住所登记情况,,,",
        ));
        assert!(
            zh.starts_with("任务表.csv:7:6: 抽查比例和抽查数量都没有填写"),
            "{zh}"
        );
        let (zh, ..) = said(&SHEET.replace("行政区划,按比例", "行政区划,"));
        assert!(
            zh.starts_with("任务表.csv:7:9: 按“行政区划”分层抽取固定数量 100 户时"),
            "{zh}"
        );
        let (zh, ..) = said(&SHEET.replace("信用风险分类,,2", "信用风险分类,平均,2"));
        assert!(
            zh.starts_with("任务表.csv:3:9: “分配方式”为“平均”：分配方式只用于"),
            "{zh}"
        );
        // An allocation in no words with a ratio: refused once, for being there.
        let e = written(
            &SHEET.replace("信用风险分类,,2", "信用风险分类,随机,2"),
            Lang::Zh,
        )
        .unwrap_err();
        assert_eq!(e.message_id(), "plan-sheet-allocation-with-ratio");
        let (zh, ..) = said(&SHEET.replace(",3人,", ",1,"));
        assert!(zh.starts_with("任务表.csv:4:10: “每组人数”为“1”"), "{zh}");
        let (zh, ..) = said(&SHEET.replace("2,T2,", "2,T1,"));
        assert_eq!(zh, "任务表.csv:4:2: 任务编号“T1”重复（第 3 行已有该编号）");
        let (zh, ..) = said(&SHEET.replace("2,T2,食品经营许可事项抽查", "2,T2,"));
        assert_eq!(zh, "任务表.csv:4:3: “任务名称*”为空：每项任务都要填写");
        // A header without the id column: told at the header, with its columns.
        let (zh, _, hint) = said(&SHEET.replace("任务编号（必填）", "任务代号"));
        assert!(
            zh.starts_with("任务表.csv:2: 任务表的表头中没有必需的“任务编号”列"),
            "{zh}"
        );
        assert!(zh.contains("现有列：序号, 任务代号, 任务名称*"), "{zh}");
        assert!(hint.unwrap().contains("任务编号"));
        // A filter: refused, never dropped.
        let filtered = SHEET
            .replace(",备注\n", ",定向条件\n")
            .replace("3人,食品安全,重点", "3人,食品安全,只抽餐饮业");
        let (zh, _, hint) = said(&filtered);
        assert!(
            zh.starts_with("任务表.csv:4:12: “定向条件”为“只抽餐饮业”"),
            "{zh}"
        );
        assert!(hint.unwrap().contains("任务 T2 下"));
        // Several problems: all of them, at once.
        let e = written(
            &SHEET.replace(",3%,", ",百分之三,").replace(",3人,", ",1,"),
            Lang::Zh,
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Problems);
        assert_eq!(e.listed().len(), 2);
        assert!(
            e.message(Lang::Zh)
                .starts_with("任务表.csv: 任务表中有 2 个问题")
        );
        // What only the plan refuses is told at the cell too, with the plan's reason.
        let (zh, ..) = said(&SHEET.replace("信用风险分类,,2", "信用风险分类、风险等级,,2"));
        assert!(
            zh.starts_with("任务表.csv:3:8: 由该行生成的计划不成立："),
            "{zh}"
        );
        assert!(zh.contains("strata"), "{zh}");
    }

    #[test]
    fn the_plan_s_own_keys_are_checked() {
        let with = |h: PlanHeader| {
            from_task_sheet(
                "t.csv",
                SHEET.as_bytes(),
                &ReadOptions::default(),
                &h,
                Lang::Zh,
            )
        };
        let e = with(PlanHeader {
            id: " ".into(),
            ..header()
        })
        .unwrap_err();
        assert_eq!(e.message(Lang::Zh), "计划的编号为空");
        let e = with(PlanHeader {
            date: Some("明天".into()),
            ..header()
        })
        .unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "the draw date '明天' is not a date: write it as 2027-01-15 or 2027年1月15日"
        );
        let p = with(PlanHeader {
            date: None,
            ..header()
        })
        .unwrap();
        assert_eq!(p.plan.date, None);
        assert!(p.text.contains("# date = \"\""));
        let e = from_task_sheet("t.csv", b"", &ReadOptions::default(), &header(), Lang::Zh)
            .unwrap_err();
        assert_eq!(e.message_id(), "plan-sheet-empty-table");
        let head_only = SHEET.lines().take(2).collect::<Vec<_>>().join("\n");
        let e = with_text(&head_only).unwrap_err();
        assert_eq!(e.message_id(), "plan-sheet-no-tasks");
    }

    fn with_text(sheet: &str) -> Result<SheetPlan> {
        written(sheet, Lang::Zh)
    }

    #[test]
    fn a_workbook_is_read_as_excel_shows_it() {
        // 每组人数 3 merged over T1 and T2 (D3:D4); T1's ratio in a percent cell, T2's a
        // General 0.5.
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        for (c, h) in ["任务编号", "任务名称", "抽查比例", "每组人数"]
            .iter()
            .enumerate()
        {
            ws.write_string(1, c as u16, *h).unwrap();
        }
        let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
        for (r, id) in [(2, "T1"), (3, "T2")] {
            ws.write_string(r, 0, id).unwrap();
            ws.write_string(r, 1, "企业公示信息抽查").unwrap();
        }
        ws.write_number_with_format(2, 2, 0.005, &percent).unwrap();
        ws.write_number(3, 2, 0.5).unwrap();
        ws.merge_range(2, 3, 3, 3, "", &rust_xlsxwriter::Format::new())
            .unwrap();
        ws.write_number(2, 3, 3).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let read = |bytes: &[u8]| {
            from_task_sheet(
                "t.xlsx",
                bytes,
                &ReadOptions::default(),
                &header(),
                Lang::Zh,
            )
        };
        let e = read(&bytes).unwrap_err();
        assert_eq!(e.message_id(), "plan-sheet-ratio-no-percent");
        assert_eq!(e.location().unwrap().to_string(), "t.xlsx:Sheet1!C4");

        let ws = book.worksheet_from_index(0).unwrap();
        ws.write_string(3, 2, "50%").unwrap();
        let p = read(&book.save_to_buffer().unwrap()).unwrap();
        let [t1, t2] = &p.tasks[..] else { panic!() };
        assert_eq!((t1.team_size, t2.team_size), (Some(3), Some(3)));
        let merged = MergedValue {
            column: "每组人数".into(),
            range: "D3:D4".into(),
            col: Col::TeamSize,
        };
        assert_eq!(
            (&t1.merged[..], &t2.merged[..]),
            (&[merged.clone()][..], &[merged][..])
        );
        assert_eq!(
            p.plan.tasks[0].quota,
            Quota::Ratio(Tree::Leaf(crate::plan::Ratio { ppm: 5_000 }))
        );
        assert!(
            p.text.contains(
                "ratio = \"0.5%\"                              # 抽取比例（任务表中为 0.005）"
            ),
            "{}",
            p.text
        );
        assert!(
            p.text
                .contains("# 每组人数：任务表 D3:D4 为合并单元格，取其值\nteam_size = 3\n"),
            "{}",
            p.text
        );
    }
}
