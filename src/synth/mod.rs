//! Reproducible synthetic directories, rosters and plans for the demo,
//! `init`, property tests and benches.
//!
//! The data come from `rand_chacha` seeded with a `u64`: the same seed gives
//! the same files with the same `rand` version. Nothing here decides a
//! published draw. Behind the `synth` feature (on with `cli`).
//!
//! ```
//! use shuangsui::synth;
//!
//! let csv = synth::targets_csv(100, 7);
//! assert_eq!(csv.lines().count(), 101);
//! assert_eq!(csv, synth::targets_csv(100, 7)); // the same seed, the same bytes
//! ```

use std::fmt::Write as _;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::base::uscc;
use crate::messages::Lang;

pub mod province;

/// Districts of Wuhan: GB/T 2260 code and name.
const REGIONS: &[(&str, &str)] = &[
    ("420102", "江岸区"),
    ("420103", "江汉区"),
    ("420104", "硚口区"),
    ("420105", "汉阳区"),
    ("420106", "武昌区"),
    ("420107", "青山区"),
    ("420111", "洪山区"),
    ("420112", "东西湖区"),
];
/// GB/T 4754 sections with a weight.
const INDUSTRIES: &[(&str, u32)] = &[
    ("C 制造业", 14),
    ("E 建筑业", 8),
    ("F 批发和零售业", 38),
    ("H 住宿和餐饮业", 10),
    ("I 信息传输、软件和信息技术服务业", 8),
    ("L 租赁和商务服务业", 12),
    ("M 科学研究和技术服务业", 6),
    ("O 居民服务、修理和其他服务业", 4),
];
/// Credit risk classes with their share: most entities are B.
const RISKS: &[(&str, u32)] = &[("A", 18), ("B", 66), ("C", 12), ("D", 4)];
/// Registration statuses: a few percent are no longer inspectable.
const STATUSES: &[(&str, u32)] = &[("存续", 930), ("注销", 35), ("吊销", 25), ("迁出", 10)];
const WORDS: &[&str] = &[
    "长江", "汉江", "楚天", "黄鹤", "东湖", "光谷", "晴川", "江城", "荆楚", "知音", "鹦鹉", "龟山",
    "蛇山", "珞珈", "琴台", "汉正", "金银", "南湖", "沙湖", "月湖", "新源", "宏达", "鑫盛", "华远",
];
const TRADES: &[&str] = &[
    "商贸", "科技", "餐饮", "建材", "食品", "电子", "物流", "文化", "机械", "医药", "服饰", "酒店",
];
const FORMS: &[&str] = &[
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "经营部",
    "分公司",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
];
const OFFICER_STATUSES: &[(&str, u32)] = &[("在岗", 92), ("休假", 5), ("调离", 3)];
const DEPARTMENTS: &[(&str, u32)] = &[("市场监管", 60), ("食品安全", 30), ("知识产权", 10)];

fn weighted<'a>(rng: &mut ChaCha8Rng, table: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = table.iter().map(|(_, w)| w).sum();
    let mut x = rng.random_range(0..total);
    for (item, w) in table {
        if x < *w {
            return item;
        }
        x -= w;
    }
    unreachable!("x < total")
}

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[&'a str]) -> &'a str {
    items[rng.random_range(0..items.len())]
}

/// A valid USCC of an enterprise (91) in `region`.
pub fn uscc(rng: &mut ChaCha8Rng, region: &str) -> String {
    let org_chars = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    let body: String = (0..8)
        .map(|_| char::from(org_chars[rng.random_range(0..org_chars.len())]))
        .collect();
    let org_check = uscc::org_check_char(&body).expect("body is alphanumeric");
    let first17 = format!("91{region}{body}{org_check}");
    let check = uscc::check_char(&first17).expect("17 characters of the alphabet");
    format!("{first17}{check}")
}

/// A valid USCC determined by `n`: the organisation-code body is `n` in
/// base 31 over the USCC alphabet. Distinct `n` below 31⁸ give distinct codes.
pub fn uscc_for(n: u64) -> String {
    let alphabet = uscc::ALPHABET.as_bytes();
    let mut body = [b'0'; 8];
    let mut rest = n;
    for slot in body.iter_mut().rev() {
        *slot = alphabet[(rest % 31) as usize];
        rest /= 31;
    }
    let body = std::str::from_utf8(&body).expect("ASCII");
    let org_check = uscc::org_check_char(body).expect("alphanumeric body");
    let first17 = format!("91420102{body}{org_check}");
    let check = uscc::check_char(&first17).expect("17 characters of the alphabet");
    format!("{first17}{check}")
}

/// A target directory of `n` rows as CSV with the Chinese headers of a
/// registration-system export: 统一社会信用代码, 企业名称, 行政区划, 所属行业,
/// 信用风险分类, 登记状态, 登记机关.
pub fn targets_csv(n: usize, rng_seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(rng_seed);
    let mut out = String::with_capacity(n * 120);
    out.push_str("统一社会信用代码,企业名称,行政区划,所属行业,信用风险分类,登记状态,登记机关\n");
    let mut seen = std::collections::HashSet::new();
    while seen.len() < n {
        let (code, district) = REGIONS[rng.random_range(0..REGIONS.len())];
        let id = uscc(&mut rng, code);
        if !seen.insert(id.clone()) {
            continue;
        }
        let name = format!(
            "武汉{}{}{}{}",
            pick(&mut rng, WORDS),
            pick(&mut rng, WORDS),
            pick(&mut rng, TRADES),
            pick(&mut rng, FORMS)
        );
        let industry = weighted(&mut rng, INDUSTRIES);
        let risk = weighted(&mut rng, RISKS);
        let status = weighted(&mut rng, STATUSES);
        let quote = if industry.contains('、') { "\"" } else { "" };
        writeln!(
            out,
            "{id},{name},{code},{quote}{industry}{quote},{risk},{status},武汉市{district}市场监督管理局"
        )
        .expect("writing to a String cannot fail");
    }
    out
}

/// An officer roster of `m` rows as CSV with Chinese headers: 人员编号, 姓名,
/// 所属部门, 管辖片区, 在岗状态, 执法证号, 发证机关, 证件有效期.
pub fn officers_csv(m: usize, seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x6f66_6669_6365_7273);
    let mut out =
        String::from("人员编号,姓名,所属部门,管辖片区,在岗状态,执法证号,发证机关,证件有效期\n");
    for i in 1..=m {
        let name = format!(
            "{}{}{}",
            pick(&mut rng, SURNAMES),
            pick(&mut rng, GIVEN),
            if rng.random_bool(0.5) {
                pick(&mut rng, GIVEN)
            } else {
                ""
            }
        );
        let department = weighted(&mut rng, DEPARTMENTS);
        let (region, _) = REGIONS[rng.random_range(0..REGIONS.len())];
        let status = weighted(&mut rng, OFFICER_STATUSES);
        // Certificates run five years; a few have lapsed by the demo's draw date.
        let start_year = rng.random_range(2022..2027);
        let month = rng.random_range(1..=12);
        let validity = format!(
            "{start_year}-{month:02}-01至{}-{month:02}-01",
            start_year + 5
        );
        writeln!(
            out,
            "E{i:04},{name},{department},{region},{status},4201{i:06},武汉市人民政府,{validity}"
        )
        .expect("writing to a String cannot fail");
    }
    out
}

/// The example plan (`shuangsui init`, the demo), commented in Chinese for the clerk who
/// edits it: [`example_plan`] in Chinese.
pub fn plan_toml(food_count: u64) -> String {
    example_plan(food_count, Lang::Zh)
}

/// The example plan, every key explained in `lang`, the optional ones shown commented out.
/// The comments aside, the two languages' plans are the same TOML (one digest).
pub fn example_plan(food_count: u64, lang: Lang) -> String {
    let template = match lang {
        Lang::Zh => PLAN_ZH,
        Lang::En => PLAN_EN,
    };
    template.replace("{food_count}", &food_count.to_string())
}

const PLAN_ZH: &str = r#"# 抽查工作计划（plan.toml）。用记事本等纯文本编辑器修改；以 # 开头的行是说明，不影响抽取。
# 写法：文字加英文双引号（"…"），整数不加引号；键名含中文时也要加英文双引号，如 "成立日期" = …
# 每个键的含义见 README；`shuangsui check --plan plan.toml --targets … --officers …` 可在抽取前检查本计划。

[plan]
id = "420100-2027-01"                 # 计划编号：在本机关内唯一，写入抽取记录和公告
name = "2027年度双随机抽查计划"         # 计划名称
authority = "武汉市市场监督管理局"       # 实施抽查的机关，写入公告
contact = "027-12345678（法规科）"       # 对抽查有异议时的联系方式，写入公告
date = "2027-01-15"                   # 抽取日期：执法人员的执法证须在这一天有效
# 登记状态含下列字样的对象不抽取（这是默认值；写成 [] 则不排除任何对象）
exclude_status = ["注销", "吊销", "撤销", "迁出"]
# one_visit = "merge"                 # 同一对象被几个任务抽中时：merge 合并为一次检查（默认），
#                                     # exclusive 一个对象只进一个任务，separate 各查各的
# max_inspections_per_year = 2        # 同一对象一年内最多被检查几次（需要 --history 以往检查记录）
# max_teams_per_officer = 5           # 一名执法人员在本计划中最多参加几个检查组

# 名录的列名与标准列名不同时，在这里对应（左边是文件表头，右边是标准列名；"" 表示舍弃该列）：
# [columns.targets]
# "企业代码" = "id"
# "负责人电话" = ""

# ── 任务一：不定向抽查，按信用风险分类差异化确定比例（A 类 1% … D 类 30%）──
[[tasks]]
id = "T1"                                    # 任务编号：在本计划内唯一
name = "企业公示信息抽查"                      # 任务名称，写入公告
items = ["企业年度报告公示信息"]               # 抽查事项（可写多项）
basis = "《企业信息公示暂行条例》第十四条"       # 抽查依据，写入公告
strata = ["信用风险分类"]                      # 分层：按名录的这一列分别抽取（也可写标准列名 "risk"）
ratio = { A = "1%", B = "3%", C = "10%", D = "30%" }   # 各层的抽取比例；也可只写一个比例：ratio = "3%"
team_size = 2                                # 每个检查组的执法人员数，至少 2 人
officer_filter = { "所属部门" = ["市场监管"] }   # 只从这些部门的执法人员中抽取
# rounding = "ceil"                          # 比例算出的户数取整：ceil 向上（默认）、floor 向下、nearest 四舍五入
# min_per_stratum = 1                        # 每层至少抽几户（默认 1）
# exclude_inspected = { within = 365 }       # 排除 365 天内已检查过的对象（需要 --history）
# rotation = 730                             # 两年内检查过该对象的执法人员不再派往（需要 --history）

# ── 任务二：定向抽查，只抽住宿和餐饮业，固定户数，每组 3 人 ──
[[tasks]]
id = "T2"
name = "食品经营许可事项抽查"
items = ["食品经营许可情况", "食品安全管理制度落实情况"]
basis = "《中华人民共和国食品安全法》第一百一十条"
filter = { "所属行业" = ["H 住宿和餐饮业"] }     # 定向：只抽这一列取这些值的对象
# 其他筛选写法：{ "成立日期" = { after = "2020-01-01" } }、{ "登记机关" = { not = "某某局" } }
count = {food_count}                          # 固定抽取户数（与 ratio 二选一）
team_size = 3
officer_filter = { "所属部门" = ["食品安全"] }

# ── 任务三：不定向抽查，共 100 户，按各区对象数量比例分配 ──
[[tasks]]
id = "T3"
name = "登记事项抽查"
items = ["住所（经营场所）登记情况"]
strata = ["行政区划"]
count = 100
allocation = "proportional"                  # proportional 按比例分配，equal 各层平均，per_stratum 每层各抽 count 户
team_size = 2
# officer_region = "different"               # 异地检查：执法人员与对象不在同一行政区划（"same" 为同一区划）
"#;

const PLAN_EN: &str = r#"# The sampling plan (plan.toml). Edit it in a plain-text editor; lines beginning with # are notes.
# Text goes in double quotes ("…"), integers without; a key that is not ASCII goes in double quotes too,
# as "成立日期" = …. The README explains every key; `shuangsui check --plan plan.toml --targets …
# --officers …` checks the plan before a draw.

[plan]
id = "420100-2027-01"                 # the plan's id: unique within the authority, in the record and notices
name = "2027年度双随机抽查计划"         # the plan's name
authority = "武汉市市场监督管理局"       # the authority carrying out the inspections, in the notices
contact = "027-12345678（法规科）"       # where objections go, in the notices
date = "2027-01-15"                   # the draw date: officers' certificates must be valid on it
# Entities whose status contains one of these are not inspected (the default; [] excludes none)
exclude_status = ["注销", "吊销", "撤销", "迁出"]
# one_visit = "merge"                 # an entity drawn by several tasks: merge into one visit (default),
#                                     # exclusive (one task per entity) or separate
# max_inspections_per_year = 2        # at most this many inspections of an entity a year (needs --history)
# max_teams_per_officer = 5           # at most this many teams per officer in the plan

# Headers other than the standard names are mapped here (file header = column; "" drops it):
# [columns.targets]
# "企业代码" = "id"
# "负责人电话" = ""

# ── Task 1: not targeted, ratios by credit risk class (class A 1% … class D 30%) ──
[[tasks]]
id = "T1"                                    # the task's id, unique in the plan
name = "企业公示信息抽查"                      # the task's name, in the notices
items = ["企业年度报告公示信息"]               # inspection items (one or more)
basis = "《企业信息公示暂行条例》第十四条"       # legal basis, in the notices
strata = ["信用风险分类"]                      # strata: drawn separately by this column (or its name "risk")
ratio = { A = "1%", B = "3%", C = "10%", D = "30%" }   # a ratio per stratum; or one for all: ratio = "3%"
team_size = 2                                # officers per team, at least 2
officer_filter = { "所属部门" = ["市场监管"] }   # officers of these departments only
# rounding = "ceil"                          # counts from ratios: ceil (default), floor or nearest
# min_per_stratum = 1                        # at least this many per stratum (default 1)
# exclude_inspected = { within = 365 }       # leave out entities inspected in the last 365 days (needs --history)
# rotation = 730                             # officers who inspected the entity in two years are not sent (needs --history)

# ── Task 2: targeted, restaurants and hotels only, a fixed number, teams of three ──
[[tasks]]
id = "T2"
name = "食品经营许可事项抽查"
items = ["食品经营许可情况", "食品安全管理制度落实情况"]
basis = "《中华人民共和国食品安全法》第一百一十条"
filter = { "所属行业" = ["H 住宿和餐饮业"] }     # targeted: only entities with these values in this column
# other filters: { "成立日期" = { after = "2020-01-01" } }, { "登记机关" = { not = "某某局" } }
count = {food_count}                          # a fixed number (instead of ratio)
team_size = 3
officer_filter = { "所属部门" = ["食品安全"] }

# ── Task 3: not targeted, 100 in all, spread over the districts in proportion to their size ──
[[tasks]]
id = "T3"
name = "登记事项抽查"
items = ["住所（经营场所）登记情况"]
strata = ["行政区划"]
count = 100
allocation = "proportional"                  # proportional, equal, or per_stratum (count from each)
team_size = 2
# officer_region = "different"               # officers from another region than the entity's ("same" for the same)
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_plan_is_one_plan_in_both_languages_and_its_commented_keys_are_valid() {
        use crate::Plan;
        let zh = Plan::parse("plan.toml", plan_toml(5).as_bytes()).unwrap();
        let en = Plan::parse("plan.toml", example_plan(5, Lang::En).as_bytes()).unwrap();
        assert_eq!(zh.digest, en.digest);
        // The file's own headers name the columns: the canonical names of the same plan.
        let canonical = plan_toml(5)
            .replace("\"信用风险分类\"", "\"risk\"")
            .replace("\"所属部门\"", "department")
            .replace("\"所属行业\"", "industry")
            .replace("\"行政区划\"", "\"region\"");
        assert_eq!(
            Plan::parse("p", canonical.as_bytes()).unwrap().digest,
            zh.digest
        );
        // Every optional key shown commented out is valid where it stands.
        for lang in [Lang::Zh, Lang::En] {
            let on: String = example_plan(5, lang)
                .lines()
                .map(|l| match l.strip_prefix("# ") {
                    Some(rest)
                        if rest.starts_with("[columns")
                            || rest.split_once(" = ").is_some_and(|(k, _)| {
                                (k.len() > 2 && k.starts_with('"') && k.ends_with('"'))
                                    || (!k.is_empty()
                                        && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
                            }) =>
                    {
                        rest.to_owned() + "\n"
                    }
                    _ => l.to_owned() + "\n",
                })
                .collect();
            assert!(on.contains("\nrounding = \"ceil\""), "{on}");
            let plan =
                Plan::parse("plan.toml", on.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{on}"));
            assert_ne!(plan.digest, zh.digest);
        }
    }

    #[test]
    fn synthetic_codes_are_valid_and_reproducible() {
        let a = targets_csv(200, 7);
        assert_eq!(a, targets_csv(200, 7));
        assert_ne!(a, targets_csv(200, 8));
        assert!(officers_csv(10, 1).starts_with("人员编号,"));
        for line in a.lines().skip(1) {
            let id = line.split(',').next().unwrap();
            assert!(uscc::is_valid_uscc(id), "{id}");
        }
        assert_eq!(officers_csv(10, 1).lines().count(), 11);
        for n in [0, 1, 30, 31, 123_456_789] {
            assert!(uscc::is_valid_uscc(&uscc_for(n)), "{}", uscc_for(n));
        }
        assert_ne!(uscc_for(1), uscc_for(2));
    }
}
