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

/// The example plan of the demo and of `init`: three tasks, risk strata,
/// a 定向 food task with a fixed `food_count`, and a 不定向 task by district.
pub fn plan_toml(food_count: u64) -> String {
    format!(
        r#"# 抽查工作计划 (sampling plan) — spec v1. See SPEC.md §4 for every key.
[plan]
id = "420100-2027-01"
name = "2027年度双随机抽查计划"
authority = "武汉市市场监督管理局"
# Officers need an enforcement certificate valid on this day.
date = "2027-01-15"
# Entities 注销, 吊销, 撤销 or 迁出 are not inspected (the default; listed here to show it).
exclude_status = ["注销", "吊销", "撤销", "迁出"]

# 不定向 over the whole directory, with risk-differentiated ratios (class A 1% … class D 30%).
[[tasks]]
id = "T1"
name = "企业公示信息抽查"
items = ["企业年度报告公示信息"]
basis = "《企业信息公示暂行条例》第十四条"
strata = ["risk"]
ratio = {{ A = "1%", B = "3%", C = "10%", D = "30%" }}
team_size = 2
officer_filter = {{ department = ["市场监管"] }}

# 定向: restaurants and hotels, a fixed number of inspections, teams of three.
[[tasks]]
id = "T2"
name = "食品经营许可事项抽查"
items = ["食品经营许可情况", "食品安全管理制度落实情况"]
basis = "《中华人民共和国食品安全法》第一百一十条"
filter = {{ industry = ["H 住宿和餐饮业"] }}
count = {food_count}
team_size = 3
officer_filter = {{ department = ["食品安全"] }}

# 不定向: 100 inspections spread over the districts in proportion to their size.
[[tasks]]
id = "T3"
name = "登记事项抽查"
items = ["住所（经营场所）登记情况"]
strata = ["region"]
count = 100
allocation = "proportional"
team_size = 2
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
