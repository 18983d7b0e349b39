//! The cases of the vectors: inputs only (the expected values are computed when the files
//! are generated, `super::generate`). Each file of cases returns them in the order of
//! `tests/vectors/*.json`.

use std::fmt::Write as _;

use serde_json::{Value, json};

mod draws;
mod errors;
mod rule_errors;
mod rules;
mod tables;

pub use draws::draw_cases;
pub use errors::error_cases;
use rule_errors::rule_error_cases;
use rules::rule_draw_cases;
pub use tables::{allocation_cases, normalize_cases};

use super::run::{self as runner, DrawInput};
use crate::fixtures::round_json;

impl Case {
    /// The case as the runner takes it.
    pub fn input(&self) -> DrawInput<'_> {
        DrawInput {
            plan: &self.plan,
            targets: &self.targets,
            officers: &self.officers,
            seed: self.seed,
            id_check: self.id_check.clone(),
            history: self.history.as_deref(),
            conflicts: self.conflicts.as_deref(),
            amendments: &self.amendments,
            earlier: &self.earlier,
            attested: self.attested.as_ref(),
        }
    }
}

/// The inputs of a case.
pub fn parse(c: &Case) -> shuangsui::Result<shuangsui::Inputs> {
    runner::parse(&c.input())
}

/// The draw of a case, its amendments applied.
pub fn run(c: &Case) -> shuangsui::Result<shuangsui::Draw> {
    runner::run(&c.input())
}

const PLAN: &str = r#"[plan]
id = "EX-2027"
name = "示例抽查计划"
authority = "示例市市场监督管理局"
date = "2027-01-15"

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
items = ["企业年度报告公示信息"]
filter = { status = "存续" }
strata = ["risk"]
ratio = { A = "10%", B = "50%", "*" = "100%" }
team_size = 2
officer_filter = { department = ["市场监管", "食品安全"] }

[[tasks]]
id = "T2"
name = "食品经营许可事项抽查"
count = 3
team_size = 3
officer_filter = { department = "食品安全" }
"#;

/// Real codes from `shared/fixtures/uscc.tsv`; the risk classes, statuses
/// and regions are invented for the example.
const TARGETS: &str = "id,name,risk,status,region
9144030071526726XG,腾讯科技（深圳）有限公司,A,存续,440300
91440300708461136T,深圳市腾讯计算机系统有限公司,B,存续,440300
91330100799655058B,阿里巴巴（中国）有限公司,B,存续,330100
91110000802100433B,北京百度网讯科技有限公司,B,存续,110000
91110108551385082Q,小米科技有限责任公司,A,存续,110108
91440300192317458F,比亚迪股份有限公司,B,存续,440300
91350900587527783P,宁德时代新能源科技股份有限公司,C,存续,350900
91110000710925462X,中国石油天然气股份有限公司,B,存续,110000
91100000100003962T,中国工商银行股份有限公司,A,注销,100000
12100000400000624D,清华大学,C,存续,110000
";

const OFFICERS: &str = "id,name,department,status,certificate,validity
E01,张伟,市场监管,在岗,42010001,2023-03-01至2028-02-28
E02,王芳,市场监管,在岗,42010002,2022-07-01至2027-06-30
E03,李娜,食品安全,在岗,42010003,2024-01-01至2028-12-31
E04,刘强,食品安全,在岗,42010004,2021-09-01至2026-08-31
E05,陈静,食品安全,在岗,42010005,2023-05-01至2028-04-30
E06,杨磊,知识产权,在岗,42010006,2022-01-01至2026-12-31
E07,赵敏,食品安全,休假,42010007,2024-01-01至2029-12-31
E08,周杰,食品安全,在岗,42010008,2025-01-01至长期
";

/// The worked example's roster with a region per officer.
const OFFICERS_WITH_REGIONS: &str = "id,name,department,status,certificate,validity,region
E01,张伟,市场监管,在岗,42010001,2023-03-01至2028-02-28,440300
E02,王芳,市场监管,在岗,42010002,2022-07-01至2027-06-30,110000
E03,李娜,食品安全,在岗,42010003,2024-01-01至2028-12-31,440300
E04,刘强,食品安全,在岗,42010004,2021-09-01至2026-08-31,110000
E05,陈静,食品安全,在岗,42010005,2023-05-01至2028-04-30,110000
E06,杨磊,知识产权,在岗,42010006,2022-01-01至2026-12-31,440300
E07,赵敏,食品安全,休假,42010007,2024-01-01至2029-12-31,440300
E08,周杰,食品安全,在岗,42010008,2025-01-01至长期,440300
";

/// Past inspections: two of the directory's entities, one for T1's item in
/// 2026 (within 365 days of the draw date) and one in 2027.
const HISTORY: &str = "统一社会信用代码,检查日期,检查事项,检查机关,检查人员
91440300708461136T,2026-03-02,企业年度报告公示信息,示例市市场监督管理局,E01;E02
91330100799655058B,2025-11-20,企业年度报告公示信息,示例市市场监督管理局,E03
91110000802100433B,2027-01-05,食品经营许可情况,示例市市场监督管理局,E05、E08
";

/// The worked example's directory as a registration system exports it:
/// Chinese headers, an extra attribute, and personal data that is dropped.
const TARGETS_CHINESE: &str =
    "统一社会信用代码,企业名称,信用风险分类,登记状态,行政区划,法定代表人手机,经营范围
9144030071526726XG,腾讯科技（深圳）有限公司,A类,存续,440300,13800000001,软件开发
91440300708461136T,深圳市腾讯计算机系统有限公司,B类,存续,440300,13800000002,信息服务
91330100799655058B,阿里巴巴（中国）有限公司,B类,存续,330100,13800000003,软件开发
91110000802100433B,北京百度网讯科技有限公司,B类,存续,110000,13800000004,信息服务
91110108551385082Q,小米科技有限责任公司,A类,存续,110108,13800000005,电子产品
91440300192317458F,比亚迪股份有限公司,B类,存续,440300,13800000006,汽车制造
91350900587527783P,宁德时代新能源科技股份有限公司,C类,存续,350900,13800000007,电池制造
91110000710925462X,中国石油天然气股份有限公司,B类,存续,110000,13800000008,石油开采
91100000100003962T,中国工商银行股份有限公司,A类,注销,100000,13800000009,银行
12100000400000624D,清华大学,C类,存续,110000,13800000010,教育
";

const SEED: &str = "2027-01-15 示例";

/// The same targets in another form: BOM, CRLF, rows shuffled, columns
/// reordered, a full-width id and stray spaces.
const TARGETS_REFORMED: &str = "\u{FEFF}status,region, ID ,risk,name\r
存续,110000,12100000400000624D,C,清华大学\r
存续,440300,９１４４０３００１９２３１７４５８Ｆ,B,比亚迪股份有限公司\r
存续,110108,91110108551385082q,A,小米科技有限责任公司 \r
注销,100000,91100000100003962T,A,中国工商银行股份有限公司\r
存续,440300,9144030071526726XG,A,腾讯科技（深圳）有限公司\r
存续,330100,91330100799655058B,B,阿里巴巴（中国）有限公司\r
存续,350900,91350900587527783P,C,宁德时代新能源科技股份有限公司\r
存续,110000,91110000710925462X,B,中国石油天然气股份有限公司\r
存续,440300,91440300708461136T,B,深圳市腾讯计算机系统有限公司\r
\u{3000}存续,110000,91110000802100433B,B,北京百度网讯科技有限公司\r
";

/// A vector's inputs: the worked example's unless a case changes them.
pub struct Case {
    pub id: &'static str,
    pub comment: &'static str,
    pub plan: String,
    pub targets: String,
    pub officers: String,
    pub seed: &'static str,
    /// `--id-check warn` and the allowlist, when not the defaults.
    pub id_check: Option<(&'static str, Vec<&'static str>)>,
    /// The history file, when the case has one.
    pub history: Option<String>,
    /// The conflicts file, when the case has one.
    pub conflicts: Option<String>,
    /// Amendments applied after the draw, in order.
    pub amendments: Vec<Value>,
    /// Records of earlier batches (as JSON), when the case is a later batch.
    pub earlier: Vec<Value>,
    /// An attested seed (SPEC.md §5.3) instead of `seed`: the announcement's
    /// time and margin, the dice, the parties' secrets and the beacon round.
    pub attested: Option<Value>,
}

/// The draw whose task T2 SPEC.md §7.4 shows as SQL.
pub const SQL_EXAMPLE: &str = "sql-example";
const SQL_EXAMPLE_SEED: &str = "2027-01-15 SQL 示例 6";
const SQL_EXAMPLE_PLAN: &str = r#"[plan]
id = "EX-SQL"
name = "示例抽查计划（SQL）"
authority = "示例市市场监督管理局"
date = "2027-01-15"
one_visit = "exclusive"

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
count = 3

[[tasks]]
id = "T2"
name = "食品经营许可事项抽查"
items = ["食品经营许可情况"]
filter = { "成立日期" = { after = "2000-01-01" }, "注册资本" = { min = "1000", max = "500000" } }
strata = ["risk"]
ratio = "50%"
exclude_inspected = { within = 365, scope = "same_item" }
"#;
const SQL_EXAMPLE_TARGETS: &str = "id,name,risk,status,region,成立日期,注册资本
9144030071526726XG,腾讯科技（深圳）有限公司,A,存续,440300,1998年11月11日,65000
91440300708461136T,深圳市腾讯计算机系统有限公司,B,存续,440300,2000/2/24,6500
91330100799655058B,阿里巴巴（中国）有限公司,B,存续（在营）,330100,2007.3.26,59690.5
91110000802100433B,北京百度网讯科技有限公司,B,存续,110000,20010122,1342
91110108551385082Q,小米科技有限责任公司,A,吊销，未注销,110108,2010-3-3,185000
91440300192317458F,比亚迪股份有限公司,B,存续,440300,2003-02-10,291114.2855
91350900587527783P,宁德时代新能源科技股份有限公司,C,存续,350900,2011-12-16,439880.1839
91110000710925462X,中国石油天然气股份有限公司,B,存续,110000,1999-11-05,18302097.0
91100000100003962T,中国工商银行股份有限公司,A,注销,100000,1985-11-22,35640625.7089
12100000400000624D,清华大学,C,存续,110000,2001-02-30,
";
const SQL_EXAMPLE_HISTORY: &str = "统一社会信用代码,检查日期,检查事项
91110000802100433B,2027-01-05,食品经营许可情况
91330100799655058B,2025-11-20,食品经营许可情况
";

fn case(id: &'static str, comment: &'static str) -> Case {
    Case {
        id,
        comment,
        plan: PLAN.into(),
        targets: TARGETS.into(),
        officers: OFFICERS.into(),
        seed: SEED,
        id_check: None,
        history: None,
        conflicts: None,
        amendments: Vec::new(),
        earlier: Vec::new(),
        attested: None,
    }
}

/// The worked example's directory with its id column under another name and
/// an extra column that the plan drops.
fn mapped_targets() -> String {
    let mut lines = TARGETS.lines();
    let header = lines.next().unwrap().replacen("id,", "企业代码,", 1);
    let mut out = format!("{header},负责人电话\n");
    for (i, line) in lines.enumerate() {
        writeln!(out, "{line},1390000{i:04}").unwrap();
    }
    out
}

fn simple_plan(task: &str) -> String {
    format!(
        "[plan]\nid = \"P\"\nname = \"计划\"\ndate = \"2027-01-15\"\n\n[[tasks]]\nid = \"T\"\nname = \"任务\"\n{task}"
    )
}

/// A plan of one task over the directory's class C targets (宁德时代 and 清华大学), drawn
/// whole: two teams, small enough to follow by hand.
fn small_plan(extra: &str) -> String {
    simple_plan(&format!(
        "filter = {{ risk = \"C\" }}\nratio = \"100%\"\n{extra}"
    ))
}

/// A plan with `extra` added to its `[plan]` table, after the date.
fn with_plan_keys(plan: &str, extra: &str) -> String {
    plan.replacen(
        "date = \"2027-01-15\"\n",
        &format!("date = \"2027-01-15\"\n{extra}"),
        1,
    )
}

/// A table with one more column: `header`, then one value per data row.
/// A directory as a bureau's system exports it (SPEC.md §3.1–§3.3): a title row and a
/// note above the header, a blank line, annotated headers, risk classes with their words.
fn export_layout(table: &str) -> String {
    let mut lines = table.lines();
    let header = lines
        .next()
        .unwrap()
        .replace("id,", "统一社会信用代码（必填）,")
        .replace("name,", "企业名称*,")
        .replace("risk,", "信用风险分类,")
        .replace("status,", "登记状态【必填】,");
    let mut out = format!(
        "某某市市场监督管理局 检查对象名录（2027年）,,,,\n导出时间：2027-01-10\n\n{header}\n"
    );
    for line in lines {
        let words = |c: &str| match c {
            "A" => "A类（信用风险低）",
            "B" => "B类(信用风险一般)",
            "C" => "C类 （信用风险较高）",
            other => panic!("{other}"),
        };
        let mut cells: Vec<&str> = line.split(',').collect();
        cells[2] = words(cells[2]);
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn add_column(table: &str, header: &str, values: &[&str]) -> String {
    let mut lines = table.lines();
    let mut out = format!("{},{header}\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        writeln!(out, "{line},{}", values.get(i).copied().unwrap_or("")).unwrap();
    }
    out
}

/// The officers of the pool of `small_plan` (on duty, with a certificate valid on
/// 2027-01-15), in roster order.
const SMALL_POOL: [&str; 5] = ["E01", "E02", "E03", "E05", "E08"];

/// The plan of `whole-directory-floor`: vectors that read the same rows in another
/// form give its record, but for `inputs.targets.sha256`.
fn floor_plan() -> String {
    simple_plan("ratio = \"50%\"\nrounding = \"floor\"\nmin_per_stratum = 0\n")
}

/// The record of a first batch drawn from the worked example with `plan`, as JSON (the
/// `earlier` of a later batch).
fn first_batch_of(plan: String) -> Value {
    serde_json::to_value(
        run(&Case {
            plan,
            ..case("first-batch", "")
        })
        .expect("the first batch draws")
        .record,
    )
    .unwrap()
}

/// The worked example with one change that makes it an error.
fn edited(id: &'static str, comment: &'static str, f: &dyn Fn(&mut Case)) -> Case {
    let mut c = case(id, comment);
    f(&mut c);
    c
}

/// The fixture round of `tests/fixtures/drand-quicknet.json` and what the
/// attested-seed case announces and reveals.
fn attested_sources() -> Value {
    json!({
        "announced_at": "2023-09-15T18:50:02+08:00",
        "margin_secs": 600,
        "dice": "3141",
        "parties": [{ "name": "公证处", "secret": "a notary's secret" }],
        "beacon": serde_json::from_str::<Value>(&round_json()).unwrap(),
    })
}

/// The amendment-ledger case: its amendments name whoever the draw put in
/// the teams, so they are derived from the draw itself.
fn ledger_case() -> Case {
    let mut c = Case {
        conflicts: Some(
            "人员编号,统一社会信用代码,回避事由\nE02,91110108551385082Q,近亲属任职\n".into(),
        ),
        ..case(
            "amendment-ledger",
            "§9.4: after the draw: an officer recused (回避) and replaced, the replacement on leave (请假) and replaced in turn, and a target recorded unreachable; each entry chained to the one before",
        )
    };
    let drawn = run(&c).expect("the ledger case draws").record;
    let first = &drawn.tasks[0].selected[0];
    c.amendments.push(json!({"kind": "replace_officer", "task": "T1", "target": first.target, "officer": first.officers[0], "reason": "回避", "actor": "张科长", "at": "2027-02-01T09:00:00+08:00"}));
    let once = run(&c).expect("the first amendment applies").record;
    let replacement = once.ledger[0].replacement.clone();
    c.amendments.push(json!({"kind": "replace_officer", "task": "T1", "target": first.target, "officer": replacement, "reason": "请假", "actor": "张科长", "at": "2027-02-03T09:00:00+08:00"}));
    c.amendments.push(json!({"kind": "unreachable", "task": "T2", "target": drawn.tasks[1].selected[0].target, "actor": "李科员", "at": "2027-02-05T15:30:00+08:00"}));
    c
}
