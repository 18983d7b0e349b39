//! Issue 17, "A plan a clerk can write": `shuangsui plan --from 任务表.xlsx` turns the task
//! sheet a county bureau keeps (one row a task, under a title and a header with annotations,
//! ratios in percent cells) into a commented plan.toml that the plan's own parser takes and
//! `check` runs with; a wrong row is an error at its cell, in Chinese, and nothing is written.

use rust_xlsxwriter::{Format as XlsxFormat, Workbook};
use shuangsui::plan::{Quota, Ratio, Spread, Tree};
use shuangsui::{Plan, synth};

use crate::fixtures::{INPUT_FLAGS, TempDir, bin, outcome, stdout, succeeds};

/// A cell of the task sheet as the clerk typed it.
#[derive(Clone, Copy)]
enum Cell {
    Text(&'static str),
    Number(f64),
    /// A number in a cell formatted as a percentage (0.03 shows as 3%).
    Percent(f64),
    Empty,
}

use Cell::{Empty, Number, Percent, Text};

const HEADER: [&str; 12] = [
    "序号",
    "任务编号（必填）",
    "任务名称*",
    "抽查事项",
    "抽查依据",
    "抽查比例",
    "抽查数量",
    "分层依据",
    "分配方式",
    "每组人数",
    "执法人员科室",
    "备注",
];

/// The bureau's tasks: a ratio in a percent cell, a count with its unit, a count spread over
/// districts, a full-width ratio typed as text, and a row numbered in advance and left empty.
fn rows() -> Vec<[Cell; 12]> {
    vec![
        [
            Number(1.0),
            Text("T1"),
            Text("企业公示信息抽查"),
            Text("企业年度报告公示信息、即时信息公示"),
            Text("《企业信息公示暂行条例》第十四条"),
            Percent(0.03),
            Empty,
            Text("信用风险分类"),
            Empty,
            Number(2.0),
            Text("市场监管"),
            Empty,
        ],
        [
            Number(2.0),
            Text("T2"),
            Text("食品经营许可事项抽查"),
            Text("食品经营许可情况；食品安全管理制度落实情况\n从业人员健康管理"),
            Text("《中华人民共和国食品安全法》第一百一十条"),
            Text("/"),
            Text("5户"),
            Empty,
            Empty,
            Text("3人"),
            Text("食品安全"),
            Text("重点领域"),
        ],
        [
            Number(3.0),
            Text("T3"),
            Text("登记事项抽查"),
            Text("住所（经营场所）登记情况"),
            Empty,
            Empty,
            Number(20.0),
            Text("行政区划"),
            Text("按比例"),
            Empty,
            Empty,
            Empty,
        ],
        [
            Number(4.0),
            Text("T4"),
            Text("广告发布抽查"),
            Text("广告发布情况"),
            Empty,
            Text("５％"),
            Empty,
            Empty,
            Empty,
            Number(2.0),
            Text("市场监管、食品安全"),
            Empty,
        ],
        [
            Number(5.0),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
        ],
    ]
}

/// The task sheet as a bureau keeps it: an instructions sheet first, then the tasks under a
/// merged title and a note, the header on row 3, the first task on row 4.
fn workbook(header: &[&str], rows: &[[Cell; 12]]) -> Vec<u8> {
    merged_workbook(header, rows, &[])
}

/// A range of cells merged into one (`J4:J6` is `(3, 9, 5, 9)`: rows and columns from 0),
/// its value in its first cell, as Excel keeps it.
type Merge = (u32, u16, u32, u16, Cell);

/// [`workbook`], with cells merged as a clerk merges them; the cells a range covers are
/// `Empty` in `rows`.
fn merged_workbook(header: &[&str], rows: &[[Cell; 12]], merges: &[Merge]) -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("填写说明").unwrap();
    notes
        .write_string(0, 0, "每行填写一项抽查任务；抽查比例与抽查数量只填一个。")
        .unwrap();
    let ws = book.add_worksheet();
    ws.set_name("任务").unwrap();
    let bold = XlsxFormat::new().set_bold();
    ws.merge_range(
        0,
        0,
        0,
        11,
        "某某县市场监督管理局2027年度双随机抽查任务表",
        &bold,
    )
    .unwrap();
    ws.write_string(1, 0, "填报单位：法规科").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let percent = XlsxFormat::new().set_num_format("0%");
    let put = |ws: &mut rust_xlsxwriter::Worksheet, at: u32, c: u16, cell: Cell| match cell {
        Text(t) => ws.write_string(at, c, t).map(|_| ()).unwrap(),
        Number(n) => ws.write_number(at, c, n).map(|_| ()).unwrap(),
        Percent(n) => ws
            .write_number_with_format(at, c, n, &percent)
            .map(|_| ())
            .unwrap(),
        Empty => {}
    };
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            put(ws, r as u32 + 3, c as u16, *cell);
        }
    }
    for &(r1, c1, r2, c2, value) in merges {
        ws.merge_range(r1, c1, r2, c2, "", &XlsxFormat::new())
            .unwrap();
        put(ws, r1, c1, value);
    }
    book.save_to_buffer().unwrap()
}

/// The plan flags of every run.
const PLAN_FLAGS: [&str; 10] = [
    "--id",
    "420100-2027-01",
    "--name",
    "2027年度双随机抽查计划",
    "--authority",
    "武汉市市场监督管理局",
    "--date",
    "2027年1月15日",
    "--contact",
    "027-12345678（法规科）",
];

/// `shuangsui plan --from 任务表.xlsx …` in `dir`, Chinese whatever the environment says.
fn plan_from(dir: &TempDir, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut c = bin();
    c.current_dir(dir)
        .env_remove("SHUANGSUI_LANG")
        .args(["plan", "--from", "任务表.xlsx"])
        .args(PLAN_FLAGS)
        .args(extra);
    outcome(&mut c)
}

/// The words of a line that are English: runs of three or more Latin letters, less file
/// names, flags, the commands quoted and the plan's own keys (which a clerk types as they are).
fn english_words(line: &str) -> Vec<String> {
    const NOT_ENGLISH: &[&str] = &["shuangsui", "check", "tasks", "filter", "ratio", "README"];
    line.split(|c: char| {
        c.is_whitespace() || "，。：；、（）“”「」【】,;:()[]'\"`<>={}".contains(c)
    })
    .filter(|w| !(w.contains('.') || w.starts_with('-') || w.contains('/')))
    .flat_map(|w| {
        w.split(|c: char| !c.is_ascii_alphabetic())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    })
    .filter(|w| w.len() >= 3 && !NOT_ENGLISH.contains(&w.as_str()))
    .collect()
}

fn assert_chinese(out: &str) {
    for line in out.lines() {
        let english = english_words(line);
        assert!(english.is_empty(), "an English line: {line}\n({english:?})");
    }
}

#[test]
fn a_task_sheet_becomes_a_plan_that_check_runs_with() {
    let dir = TempDir::new("task-sheet");
    dir.write("任务表.xlsx", workbook(&HEADER, &rows()));
    let (code, out, err) = plan_from(&dir, &[]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert_eq!(err, "");
    assert_chinese(&out);
    assert!(
        out.starts_with("已写出 plan.toml：4 项任务，来自任务表 任务表.xlsx（工作表“任务”）\n"),
        "{out}"
    );
    assert!(
        out.contains("  T3 登记事项抽查：抽查 20 户，按 行政区划 分层（按比例分配），每组 2 人\n"),
        "{out}"
    );
    assert!(out.contains("未读取的列：序号、备注\n"), "{out}");

    let text = dir.read_text("plan.toml");
    // Commented in Chinese, as init's plan is; the sheet's values where the clerk put them.
    assert!(
        text.starts_with("# 抽查工作计划（plan.toml），由任务表 任务表.xlsx（工作表“任务”）生成"),
        "{text}"
    );
    assert!(text.contains("任务表中不能写定向条件"), "{text}");
    assert!(text.contains("ratio = \"3%\""), "{text}");
    assert!(text.contains("# 抽取比例（任务表中为 0.03）"), "{text}");
    assert!(text.contains("# ── 任务 T2：任务表第 5 行 ──"), "{text}");
    assert!(text.contains("strata = [\"信用风险分类\"]"), "{text}");
    for line in text.lines().filter(|l| l.starts_with('#')) {
        assert_chinese(line);
    }

    let plan = Plan::parse("plan.toml", text.as_bytes()).unwrap();
    assert_eq!(plan.id, "420100-2027-01");
    assert_eq!(plan.name, "2027年度双随机抽查计划");
    assert_eq!(plan.authority, "武汉市市场监督管理局");
    assert_eq!(plan.contact, "027-12345678（法规科）");
    assert_eq!(plan.date.unwrap().to_string(), "2027-01-15");
    let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["T1", "T2", "T3", "T4"]);
    let [t1, t2, t3, t4] = &plan.tasks[..] else {
        panic!("four tasks")
    };
    assert_eq!(t1.quota, Quota::Ratio(Tree::Leaf(Ratio { ppm: 30_000 })));
    assert_eq!(t1.strata, ["risk"]);
    assert_eq!(t1.items, ["企业年度报告公示信息", "即时信息公示"]);
    assert_eq!(t1.basis, "《企业信息公示暂行条例》第十四条");
    assert_eq!(t1.team_size, 2);
    assert_eq!(t1.officer_filter.to_string(), "department ∈ {市场监管}");
    assert_eq!(
        t2.quota,
        Quota::Total {
            count: 5,
            spread: Spread::Whole
        }
    );
    assert_eq!(
        t2.items,
        [
            "食品经营许可情况",
            "食品安全管理制度落实情况",
            "从业人员健康管理"
        ]
    );
    assert_eq!(t2.team_size, 3);
    assert_eq!(
        t3.quota,
        Quota::Total {
            count: 20,
            spread: Spread::Proportional
        }
    );
    assert_eq!(t3.strata, ["region"]);
    assert_eq!(t3.team_size, 2);
    assert!(t3.officer_filter.clauses.is_empty());
    assert_eq!(t4.quota, Quota::Ratio(Tree::Leaf(Ratio { ppm: 50_000 })));
    assert_eq!(
        t4.officer_filter.to_string(),
        "department ∈ {市场监管, 食品安全}"
    );
    for t in &plan.tasks {
        assert!(t.filter.clauses.is_empty(), "{}: 不定向", t.id);
    }

    // The plan with a directory and a roster: check takes it.
    dir.write("targets.csv", synth::targets_csv(400, 17));
    dir.write("officers.csv", synth::officers_csv(60, 17));
    let out = succeeds(
        bin()
            .current_dir(&dir)
            .env_remove("SHUANGSUI_LANG")
            .arg("check")
            .args(INPUT_FLAGS),
    );
    let said = stdout(&out);
    assert!(said.contains("检查通过"), "{said}");
    assert!(said.contains("任务 T3 登记事项抽查"), "{said}");

    // In English: English notes, the same plan.
    let en = TempDir::new("task-sheet-en");
    en.write("任务表.xlsx", workbook(&HEADER, &rows()));
    let (code, out, err) = plan_from(&en, &["--lang", "en"]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(
        out.starts_with(
            "wrote plan.toml: 4 tasks, from the task sheet 任务表.xlsx (worksheet '任务')\n"
        ),
        "{out}"
    );
    let english = en.read_text("plan.toml");
    assert!(
        english.contains("# the ratio (the task sheet has 0.03)"),
        "{english}"
    );
    assert_eq!(
        Plan::parse("plan.toml", english.as_bytes()).unwrap().digest,
        plan.digest
    );
}

#[test]
fn a_csv_task_sheet_in_gbk_is_the_same_plan() {
    let dir = TempDir::new("task-sheet-gbk");
    dir.write("任务表.xlsx", workbook(&HEADER, &rows()));
    assert_eq!(plan_from(&dir, &[]).0, Some(0));
    let from_xlsx = Plan::parse("p", dir.read_text("plan.toml").as_bytes()).unwrap();

    // Saved from Excel as CSV (GBK, as Chinese Excel writes it): the title row kept, the
    // percent cell as its text.
    let mut csv = String::from("某某县市场监督管理局2027年度双随机抽查任务表,,,\n");
    csv.push_str(&HEADER.join(","));
    csv.push('\n');
    for row in rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match *c {
                Text(t) if t.contains('\n') => format!("\"{t}\""),
                Text(t) => t.to_owned(),
                Number(n) => n.to_string(),
                Percent(n) => format!("{}%", (n * 100.0).round()),
                Empty => String::new(),
            })
            .collect();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    let (gbk, _, lossy) = encoding_rs::GBK.encode(&csv);
    assert!(!lossy);
    dir.write("任务表.csv", &gbk);
    let mut c = bin();
    c.current_dir(&dir)
        .env_remove("SHUANGSUI_LANG")
        .args(["plan", "--from", "任务表.csv", "--out", "csv.toml"])
        .args(PLAN_FLAGS);
    let (code, out, err) = outcome(&mut c);
    assert_eq!(code, Some(0), "{out}\n{err}");
    let from_csv = Plan::parse("p", dir.read_text("csv.toml").as_bytes()).unwrap();
    assert_eq!(from_csv.digest, from_xlsx.digest);
}

#[test]
fn a_wrong_row_is_an_error_at_its_cell_and_nothing_is_written() {
    let dir = TempDir::new("task-sheet-errors");
    let refused = |header: &[&str], rows: &[[Cell; 12]], extra: &[&str]| {
        dir.write("任务表.xlsx", workbook(header, rows));
        let (code, out, err) = plan_from(&dir, extra);
        assert_eq!(code, Some(2), "{out}\n{err}");
        assert_eq!(out, "");
        assert!(
            !dir.join("plan.toml").exists(),
            "a plan was written:\n{err}"
        );
        err
    };

    // No task id column: told at the header, with the names it may have and what it has.
    let mut header = HEADER;
    header[1] = "任务代号";
    let err = refused(&header, &rows(), &[]);
    assert!(
        err.starts_with("错误：任务表.xlsx:任务!3: 任务表的表头中没有必需的“任务编号”列（列名可写作 任务编号 / 任务代码 / id；现有列：序号, 任务代号, 任务名称*"),
        "{err}"
    );
    assert!(
        err.contains("\n提示：请在表头行写上“任务编号”和“任务名称”两列"),
        "{err}"
    );
    assert_chinese(&err);

    // Both a ratio and a count in one row.
    let mut both = rows();
    both[0][6] = Number(40.0);
    let err = refused(&HEADER, &both, &[]);
    assert_eq!(
        err.lines().next().unwrap(),
        "错误：任务表.xlsx:任务!G4: “抽查比例”为“3%”，“抽查数量”又为“40”：二者只能填一个"
    );
    assert_chinese(&err);

    // A ratio in words: the cell, the value, what is expected and what to do; in English too.
    let mut words = rows();
    words[0][5] = Text("百分之三");
    let err = refused(&HEADER, &words, &[]);
    assert_eq!(
        err,
        "错误：任务表.xlsx:任务!F4: “抽查比例”为“百分之三”：应为 0% 至 100% 的百分比，如 3% 或 0.5%\n\
         提示：请写成数字加百分号（如 3%），或在表格中把该列设为百分比格式后输入；不要写成文字（如“百分之三”）。\
         各层比例不同时，先填一个比例，生成计划后再改写为 ratio = { A = \"1%\", B = \"3%\" }\n"
    );
    assert_chinese(&err);
    let err = refused(&HEADER, &words, &["--lang", "en"]);
    assert!(
        err.starts_with("error: 任务表.xlsx:任务!F4: '抽查比例' is '百分之三': expected a percentage from 0% to 100%, such as 3% or 0.5%\nhint: "),
        "{err}"
    );

    // Every problem of the sheet at once: a team of one, a repeated id, an unknown allocation.
    let mut many = rows();
    many[1][9] = Number(1.0);
    many[3][1] = Text("T1");
    many[2][8] = Text("随机");
    let err = refused(&HEADER, &many, &[]);
    assert!(
        err.starts_with("错误：任务表.xlsx: 任务表中有 3 个问题，未能生成抽查计划\n"),
        "{err}"
    );
    for cell in [
        "任务!J5: “每组人数”为“1”",
        "任务!I6: “分配方式”为“随机”",
        "任务!B7: 任务编号“T1”重复（第 4 行已有该编号）",
    ] {
        assert!(err.contains(cell), "{cell}\n{err}");
    }
    assert_chinese(&err);

    // A filter cannot come from the sheet: refused, never dropped.
    let mut header = HEADER;
    header[11] = "定向条件";
    let err = refused(&header, &rows(), &[]);
    assert!(
        err.starts_with(
            "错误：任务表.xlsx:任务!L5: “定向条件”为“重点领域”：定向条件不能从任务表读入"
        ),
        "{err}"
    );
    assert!(err.contains("在任务 T2 下加一行筛选条件"), "{err}");

    // A worksheet that is not there, named.
    let err = refused(&HEADER, &rows(), &["--sheet", "汇总"]);
    assert!(err.contains("汇总"), "{err}");
}

#[test]
fn an_existing_plan_is_kept_without_force() {
    let dir = TempDir::new("task-sheet-force");
    dir.write("任务表.xlsx", workbook(&HEADER, &rows()));
    dir.write("plan.toml", "# 已经改好的计划\n");
    let (code, _, err) = plan_from(&dir, &[]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--force"), "{err}");
    assert_eq!(dir.read_text("plan.toml"), "# 已经改好的计划\n");
    let (code, out, err) = plan_from(&dir, &["--force"]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(dir.read_text("plan.toml").contains("[[tasks]]"));
    // A date no plan takes is refused, and the plan kept.
    let mut c = bin();
    c.current_dir(&dir).env_remove("SHUANGSUI_LANG").args([
        "plan",
        "--from",
        "任务表.xlsx",
        "--id",
        "P",
        "--name",
        "计划",
        "--date",
        "下周一",
        "--force",
    ]);
    let (code, _, err) = outcome(&mut c);
    assert_eq!(code, Some(2));
    assert_eq!(err, "错误：--date “下周一”：应为日期，例如 2027-03-01\n");
    assert!(dir.read_text("plan.toml").contains("420100-2027-01"));
}

#[test]
fn a_merged_cell_gives_its_value_to_every_row_it_covers() {
    let dir = TempDir::new("task-sheet-merged");
    // 每组人数 3 merged over T1 to T3 (J4:J6), 执法人员科室 over T1 and T2 (K4:K5), and T4's
    // team of 2 over T4 and the row numbered in advance and left empty (J7:J8).
    let mut rows = rows();
    for (r, c) in [(0, 9), (1, 9), (2, 9), (0, 10), (1, 10), (3, 9)] {
        rows[r][c] = Empty;
    }
    let merges = [
        (3, 9, 5, 9, Number(3.0)),
        (3, 10, 4, 10, Text("市场监管")),
        (6, 9, 7, 9, Number(2.0)),
    ];
    dir.write("任务表.xlsx", merged_workbook(&HEADER, &rows, &merges));
    let (code, out, err) = plan_from(&dir, &[]);
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(
        out.contains("  T2 食品经营许可事项抽查：抽查 5 户，每组 3 人，执法人员限 市场监管\n"),
        "{out}"
    );
    assert!(out.contains("：4 项任务"), "{out}");
    let text = dir.read_text("plan.toml");
    // Said in the plan, above each value a merged cell gave.
    assert_eq!(
        text.matches("# 每组人数：任务表 J4:J6 为合并单元格，取其值\nteam_size = 3")
            .count(),
        3,
        "{text}"
    );
    assert_eq!(
        text.matches("# 执法人员科室：任务表 K4:K5 为合并单元格，取其值\nofficer_filter")
            .count(),
        2,
        "{text}"
    );
    assert!(!text.contains("任务表未填"), "{text}");
    for line in text.lines().filter(|l| l.starts_with('#')) {
        assert_chinese(line);
    }
    let plan = Plan::parse("plan.toml", text.as_bytes()).unwrap();
    let teams: Vec<_> = plan.tasks.iter().map(|t| t.team_size).collect();
    assert_eq!(teams, [3, 3, 3, 2]);
    let officers: Vec<String> = plan
        .tasks
        .iter()
        .map(|t| t.officer_filter.to_string())
        .collect();
    assert_eq!(
        officers[..2],
        ["department ∈ {市场监管}", "department ∈ {市场监管}"]
    );
    assert!(plan.tasks[2].officer_filter.clauses.is_empty());

    // In English, the same plan.
    let (code, ..) = plan_from(&dir, &["--lang", "en", "--force", "--out", "en.toml"]);
    assert_eq!(code, Some(0));
    let english = dir.read_text("en.toml");
    assert!(
        english.contains("# 每组人数: J4:J6 of the task sheet is one merged cell, its value taken for each row\nteam_size = 3"),
        "{english}"
    );
    assert_eq!(
        Plan::parse("en.toml", english.as_bytes()).unwrap().digest,
        plan.digest
    );
}

#[test]
fn a_ratio_is_a_fraction_only_where_the_cell_shows_a_percentage() {
    let dir = TempDir::new("task-sheet-fraction");
    let with_ratio = |cell: Cell| {
        let mut rows = rows();
        rows[0][5] = cell;
        dir.write("任务表.xlsx", workbook(&HEADER, &rows));
        plan_from(&dir, &["--force"])
    };
    // 0.5 typed as a number (General) or as text: 0.5% or 50%? Refused, at its cell.
    for cell in [Number(0.5), Text("0.5")] {
        let (code, out, err) = with_ratio(cell);
        assert_eq!(code, Some(2), "{out}\n{err}");
        assert_eq!(
            err,
            "错误：任务表.xlsx:任务!F4: “抽查比例”为“0.5”，没有百分号：可能是 0.5%，也可能是 50%\n\
             提示：请写明百分号：0.5% 或 50%（也可在表格中把该列设为百分比格式，使单元格显示为百分比）\n"
        );
        assert!(!dir.join("plan.toml").exists());
    }
    let (code, _, err) = with_ratio(Number(3.0));
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with(
            "错误：任务表.xlsx:任务!F4: “抽查比例”为“3”，没有百分号：不能确定是不是 3%\n"
        ),
        "{err}"
    );
    // In a percent cell, the clerk sees 0.5%: so it is read.
    let (code, out, err) = with_ratio(Percent(0.005));
    assert_eq!(code, Some(0), "{out}\n{err}");
    assert!(out.contains("T1 企业公示信息抽查：抽查比例 0.5%"), "{out}");
    let text = dir.read_text("plan.toml");
    assert!(text.contains("ratio = \"0.5%\""), "{text}");
    // 3 in a percent cell shows as 300%.
    let (code, _, err) = with_ratio(Percent(3.0));
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("错误：任务表.xlsx:任务!F4: “抽查比例”为“300%”：应为 0% 至 100% 的百分比"),
        "{err}"
    );
}

#[test]
fn merged_cells_whose_value_cannot_be_told_apart_are_refused() {
    let dir = TempDir::new("task-sheet-merged-refused");
    let refused = |rows: &[[Cell; 12]], merges: &[Merge]| {
        dir.write("任务表.xlsx", merged_workbook(&HEADER, rows, merges));
        let (code, out, err) = plan_from(&dir, &[]);
        assert_eq!(code, Some(2), "{out}\n{err}");
        assert!(!dir.join("plan.toml").exists());
        assert_chinese(&err);
        err
    };
    // 抽查比例 and 抽查数量 merged in T1's row: whose is 3%?
    let mut across = rows();
    across[0][5] = Empty;
    let err = refused(&across, &[(3, 5, 3, 6, Text("3%"))]);
    assert!(
        err.starts_with("错误：任务表.xlsx:任务!F4: “抽查比例”与“抽查数量”的单元格合并成了一个（F4:G4）：不能确定“3%”是哪一列的值\n提示：请取消合并"),
        "{err}"
    );
    // The header 每组人数 merged down over T1 and T2: their teams are not in the sheet.
    let mut down = rows();
    down[0][9] = Empty;
    down[1][9] = Empty;
    let err = refused(&down, &[(2, 9, 4, 9, Text("每组人数"))]);
    assert!(
        err.starts_with("错误：任务表.xlsx:任务!J3: 表头“每组人数”与其下的数据行合并成了一个单元格（J3:J5）：从第 4 行起，这一列读不出各行的值\n"),
        "{err}"
    );
}
