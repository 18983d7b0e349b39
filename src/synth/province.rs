//! A provincial-scale synthetic directory, roster and plan (`shuangsui gen`):
//! the size of Guangdong's directory, with the columns and the skew of a real
//! registration-system export, for benchmarks, scale tests and trying the tool.
//!
//! Everything comes from `rand_chacha` seeded with the caller's `u64`, written
//! row by row to any [`Write`], so ten million rows need no more memory than
//! one. Ids are unique by construction (no set of the ids seen is kept): the
//! organisation-code body is a bijection of the row number.

use std::io::{self, Write};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{GIVEN, SURNAMES, TRADES, WORDS, pick, weighted};
use crate::base::uscc;

/// Districts and cities of Guangdong (GB/T 2260): code, city, district, weight
/// (a rough share of registered entities).
const REGIONS: &[(&str, &str, &str, u32)] = &[
    ("440103", "广州市", "荔湾区", 18),
    ("440104", "广州市", "越秀区", 22),
    ("440105", "广州市", "海珠区", 24),
    ("440106", "广州市", "天河区", 40),
    ("440111", "广州市", "白云区", 45),
    ("440112", "广州市", "黄埔区", 20),
    ("440113", "广州市", "番禺区", 32),
    ("440114", "广州市", "花都区", 18),
    ("440115", "广州市", "南沙区", 15),
    ("440117", "广州市", "从化区", 6),
    ("440118", "广州市", "增城区", 14),
    ("440203", "韶关市", "武江区", 5),
    ("440303", "深圳市", "罗湖区", 25),
    ("440304", "深圳市", "福田区", 45),
    ("440305", "深圳市", "南山区", 40),
    ("440306", "深圳市", "宝安区", 60),
    ("440307", "深圳市", "龙岗区", 55),
    ("440308", "深圳市", "盐田区", 4),
    ("440309", "深圳市", "龙华区", 35),
    ("440310", "深圳市", "坪山区", 8),
    ("440311", "深圳市", "光明区", 10),
    ("440402", "珠海市", "香洲区", 14),
    ("440507", "汕头市", "龙湖区", 10),
    ("440604", "佛山市", "禅城区", 14),
    ("440605", "佛山市", "南海区", 28),
    ("440606", "佛山市", "顺德区", 26),
    ("440703", "江门市", "蓬江区", 9),
    ("440802", "湛江市", "赤坎区", 6),
    ("440902", "茂名市", "茂南区", 6),
    ("441202", "肇庆市", "端州区", 5),
    ("441302", "惠州市", "惠城区", 14),
    ("441402", "梅州市", "梅江区", 4),
    ("441502", "汕尾市", "城区", 3),
    ("441602", "河源市", "源城区", 3),
    ("441702", "阳江市", "江城区", 4),
    ("441802", "清远市", "清城区", 5),
    ("441900", "东莞市", "", 60),
    ("442000", "中山市", "", 24),
    ("445102", "潮州市", "湘桥区", 4),
    ("445202", "揭阳市", "榕城区", 6),
    ("445302", "云浮市", "云城区", 3),
];

/// Entity types: text as exported, the USCC's first two characters, weight.
const ENTITY_TYPES: &[(&str, &str, u32)] = &[
    ("有限责任公司（自然人投资或控股）", "91", 300),
    ("有限责任公司（自然人独资）", "91", 120),
    ("有限责任公司（法人独资）", "91", 40),
    ("股份有限公司（非上市、自然人投资或控股）", "91", 10),
    ("个人独资企业", "91", 30),
    ("有限责任公司分公司（自然人投资或控股）", "91", 30),
    (INDIVIDUAL, "92", 460),
    ("农民专业合作社", "93", 10),
];

/// The entity type of individual businesses (个体工商户).
pub const INDIVIDUAL: &str = "个体工商户";

/// GB/T 4754-2017 sections with a weight.
const INDUSTRIES: &[(&str, u32)] = &[
    ("A 农、林、牧、渔业", 10),
    ("C 制造业", 100),
    ("E 建筑业", 30),
    ("F 批发和零售业", 400),
    ("G 交通运输、仓储和邮政业", 30),
    (FOOD_SERVICE, 100),
    ("I 信息传输、软件和信息技术服务业", 50),
    ("K 房地产业", 20),
    ("L 租赁和商务服务业", 100),
    ("M 科学研究和技术服务业", 60),
    ("O 居民服务、修理和其他服务业", 60),
    ("P 教育", 10),
    ("R 文化、体育和娱乐业", 30),
];
const FOOD_SERVICE: &str = "H 住宿和餐饮业";
const MANUFACTURING: &str = "C 制造业";

/// Credit risk classes: most entities are B.
const RISKS: &[(&str, u32)] = &[("A", 20), ("B", 65), ("C", 11), ("D", 4)];

/// Registration statuses as exported: a few percent are not inspectable.
const STATUSES: &[(&str, u32)] = &[
    ("存续（在营、开业、在册）", 880),
    ("在业", 55),
    ("注销", 35),
    ("吊销，未注销", 20),
    ("迁出", 8),
    ("撤销", 2),
];

/// Officer departments: name, weight.
const DEPARTMENTS: &[(&str, u32)] = &[
    ("市场监管", 55),
    ("食品安全", 25),
    ("特种设备", 10),
    ("产品质量", 10),
];

/// The header of the generated directory.
pub const TARGETS_HEADER: &str = "统一社会信用代码,企业名称,企业类型,登记状态,成立日期,所属行业,行政区划,登记机关,信用风险分类,上次检查日期";

/// The header of the generated roster.
pub const OFFICERS_HEADER: &str =
    "人员编号,姓名,所属部门,管辖片区,在岗状态,执法证号,发证机关,证件有效期";

/// The number of distinct organisation-code bodies (31⁸): a directory may have at most
/// this many rows.
pub const MAX_ROWS: u64 = 852_891_037_441;

/// A multiplier coprime to 31⁸, so that `i ↦ i·K + C mod 31⁸` is a bijection.
const SCRAMBLE: u64 = 387_420_489; // 3^18, not a multiple of 31
const OFFSET: u64 = 104_729;

fn uscc_of(prefix: &str, region: &str, row: u64) -> String {
    let alphabet = uscc::ALPHABET.as_bytes();
    let mut n =
        (u128::from(row) * u128::from(SCRAMBLE) + u128::from(OFFSET)) % u128::from(MAX_ROWS);
    let mut body = [b'0'; 8];
    for slot in body.iter_mut().rev() {
        *slot = alphabet[(n % 31) as usize];
        n /= 31;
    }
    let body = std::str::from_utf8(&body).expect("ASCII");
    let org_check = uscc::org_check_char(body).expect("alphanumeric body");
    let first17 = format!("{prefix}{region}{body}{org_check}");
    let check = uscc::check_char(&first17).expect("17 characters of the alphabet");
    format!("{first17}{check}")
}

fn date(rng: &mut ChaCha8Rng, from_year: i32, to_year: i32) -> String {
    let year = rng.random_range(from_year..=to_year);
    let month = rng.random_range(1..=12_u32);
    let day = rng.random_range(1..=28_u32);
    format!("{year}-{month:02}-{day:02}")
}

/// Writes a directory of `n` targets as CSV (UTF-8, `\n` line ends).
///
/// Columns: [`TARGETS_HEADER`]. Individual businesses (92…) make up nearly half;
/// risk classes A/B/C/D ≈ 20/65/11/4 %; about 6.5 % are 注销, 吊销, 迁出 or 撤销;
/// a third were inspected in 2023–2026. Values with `、` or `，` are quoted as
/// Excel quotes them.
pub fn write_targets<W: Write + ?Sized>(out: &mut W, n: u64, seed: u64) -> io::Result<()> {
    if n > MAX_ROWS {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("at most {MAX_ROWS} rows"),
        ));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let region_weights: Vec<(usize, u32)> =
        REGIONS.iter().enumerate().map(|(i, r)| (i, r.3)).collect();
    let region_total: u32 = region_weights.iter().map(|r| r.1).sum();
    let type_total: u32 = ENTITY_TYPES.iter().map(|t| t.2).sum();
    writeln!(out, "{TARGETS_HEADER}")?;
    let mut line = String::with_capacity(512);
    for row in 0..n {
        let mut x = rng.random_range(0..region_total);
        let (code, city, district, _) = region_weights
            .iter()
            .find(|(_, w)| {
                let hit = x < *w;
                if !hit {
                    x -= w;
                }
                hit
            })
            .map(|(i, _)| REGIONS[*i])
            .expect("x < total");
        let mut y = rng.random_range(0..type_total);
        let (entity_type, prefix, _) = *ENTITY_TYPES
            .iter()
            .find(|t| {
                let hit = y < t.2;
                if !hit {
                    y -= t.2;
                }
                hit
            })
            .expect("y < total");
        let id = uscc_of(prefix, code, row);
        let place = if district.is_empty() { city } else { district };
        let name = if entity_type == INDIVIDUAL {
            format!(
                "{place}{}{}{}",
                pick(&mut rng, WORDS),
                pick(&mut rng, TRADES),
                ["店", "商行", "经营部", "餐馆", "工作室"][rng.random_range(0..5)]
            )
        } else {
            format!(
                "{}{}{}{}{}",
                city.trim_end_matches('市'),
                pick(&mut rng, WORDS),
                pick(&mut rng, WORDS),
                pick(&mut rng, TRADES),
                if entity_type.starts_with("股份") {
                    "股份有限公司"
                } else if entity_type.contains("分公司") {
                    "有限公司分公司"
                } else if entity_type == "个人独资企业" {
                    "经营部"
                } else if entity_type == "农民专业合作社" {
                    "专业合作社"
                } else {
                    "有限公司"
                }
            )
        };
        let status = weighted(&mut rng, STATUSES);
        let founded = date(&mut rng, 1995, 2026);
        let industry = weighted(&mut rng, INDUSTRIES);
        let authority = format!("{city}{district}市场监督管理局");
        let risk = weighted(&mut rng, RISKS);
        let inspected = if rng.random_bool(0.33) {
            date(&mut rng, 2023, 2026)
        } else {
            String::new()
        };
        line.clear();
        for (i, value) in [
            id.as_str(),
            &name,
            entity_type,
            status,
            &founded,
            industry,
            code,
            &authority,
            risk,
            &inspected,
        ]
        .iter()
        .enumerate()
        {
            if i > 0 {
                line.push(',');
            }
            if value.contains(['、', '，', ',']) {
                line.push('"');
                line.push_str(value);
                line.push('"');
            } else {
                line.push_str(value);
            }
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Writes a roster of `m` officers as CSV: [`OFFICERS_HEADER`]. Each officer has a
/// department, a district of the directory, a status (a few on leave or
/// transferred) and a five-year certificate; about 8 % lapsed before 2027-03-01.
pub fn write_officers<W: Write + ?Sized>(out: &mut W, m: u64, seed: u64) -> io::Result<()> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x6f66_6669_6365_7273);
    writeln!(out, "{OFFICERS_HEADER}")?;
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
        let (region, _, _, _) = REGIONS[rng.random_range(0..REGIONS.len())];
        let status = weighted(&mut rng, &[("在岗", 92), ("休假", 5), ("调离", 3)]);
        let start_year = if rng.random_bool(0.08) {
            rng.random_range(2019..2022)
        } else {
            rng.random_range(2022..2027)
        };
        let month = rng.random_range(1..=12);
        writeln!(
            out,
            "GD{i:06},{name},{department},{region},{status},44{i:08},广东省人民政府,{start_year}-{month:02}-01至{}-{month:02}-01",
            start_year + 5
        )?;
    }
    Ok(())
}

/// The plan that goes with the generated directory: four tasks, 180 strata for a
/// directory that covers every district.
///
/// - T1 企业公示信息抽查: every enterprise but individual businesses, by district ×
///   risk class, 0.5 %/2 %/5 %/10 % for A/B/C/D;
/// - T2 食品经营: restaurants and hotels by risk class, 1 %/3 %/8 %/20 %;
/// - T3 工业产品质量: manufacturers, 3,000 spread over the districts in proportion;
/// - T4 个体工商户: 2,000 individual businesses, equal over the risk classes.
pub fn plan_toml() -> String {
    format!(
        r#"# 广东省2027年度双随机抽查计划 (synthetic, from `shuangsui gen`) — spec v1, see SPEC.md §4.
[plan]
id = "440000-2027-01"
name = "2027年度广东省市场监管领域双随机抽查计划"
authority = "广东省市场监督管理局"
date = "2027-03-01"

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
items = ["企业年度报告公示信息", "即时公示信息"]
basis = "《企业信息公示暂行条例》第十四条"
filter = {{ entity_type = {{ not = "{INDIVIDUAL}" }} }}
strata = ["region", "risk"]
ratio = {{ "*" = {{ A = "0.5%", B = "2%", C = "5%", D = "10%" }} }}
team_size = 2
officer_filter = {{ department = ["市场监管"] }}

[[tasks]]
id = "T2"
name = "食品经营抽查"
items = ["食品经营许可情况", "食品安全管理制度落实情况"]
basis = "《中华人民共和国食品安全法》第一百一十条"
filter = {{ industry = ["{FOOD_SERVICE}"] }}
strata = ["risk"]
ratio = {{ A = "1%", B = "3%", C = "8%", D = "20%" }}
team_size = 2
officer_filter = {{ department = ["食品安全"] }}

[[tasks]]
id = "T3"
name = "工业产品质量抽查"
items = ["产品质量"]
filter = {{ industry = ["{MANUFACTURING}"] }}
strata = ["region"]
count = 3000
allocation = "proportional"
team_size = 2
officer_filter = {{ department = ["产品质量", "特种设备"] }}

[[tasks]]
id = "T4"
name = "个体工商户登记事项抽查"
items = ["登记事项"]
filter = {{ entity_type = ["{INDIVIDUAL}"] }}
strata = ["risk"]
count = 2000
allocation = "equal"
team_size = 2
officer_filter = {{ department = ["市场监管"] }}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_rows_are_valid_unique_and_reproducible() {
        let mut a = Vec::new();
        write_targets(&mut a, 3_000, 5).unwrap();
        let mut b = Vec::new();
        write_targets(&mut b, 3_000, 5).unwrap();
        assert_eq!(a, b);
        let text = String::from_utf8(a).unwrap();
        let mut ids = std::collections::HashSet::new();
        for line in text.lines().skip(1) {
            let id = line.split(',').next().unwrap();
            assert!(uscc::is_valid_uscc(id), "{id}");
            assert!(ids.insert(id.to_owned()), "duplicate {id}");
        }
        assert_eq!(ids.len(), 3_000);
        let individual = text.lines().filter(|l| l.contains(INDIVIDUAL)).count();
        assert!((1_100..1_700).contains(&individual), "{individual}");
    }
}
