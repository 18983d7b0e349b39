//! The cells of a task sheet read as a clerk writes them: lists separated by `、` or on
//! separate lines, `3%`, `３％` or a spreadsheet's percent cell `0.03`, `40户`, `2人`, the
//! allocation in words (按比例, 平均, 每层), and `/` or `无` for a cell that does not apply.

use crate::base::normalize;
use crate::inputs::columns::key;
use crate::plan::model::Ratio;

use super::model::Allocation;

/// A cell that says nothing: empty, or a mark a clerk puts in a cell that does not apply.
pub(crate) fn blank(v: &str) -> bool {
    matches!(
        v.trim(),
        "" | "/" | "／" | "\\" | "-" | "－" | "—" | "——" | "无" | "N/A" | "n/a"
    )
}

/// The lines of a cell (a spreadsheet's line breaks, tabs), trimmed, empty ones dropped.
fn lines(v: &str) -> impl Iterator<Item = &str> {
    v.split(['\n', '\r', '\t'])
        .map(|l| l.trim_matches(normalize::WHITE_SPACE))
        .filter(|l| !l.is_empty())
}

/// A text cell on one line (a name a line break split in two): its lines joined, with a
/// space between two ASCII letters or digits and nothing between Chinese characters.
pub(crate) fn one_line(v: &str) -> String {
    let mut out = String::new();
    for line in lines(v) {
        let glue = out
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if glue {
            out.push(' ');
        }
        out.push_str(line);
    }
    normalize::text(&out)
}

/// A cell of several lines as one (a legal basis citing several laws): its lines joined with
/// `；` unless a line already ends with a mark.
pub(crate) fn joined(v: &str) -> String {
    let mut out = String::new();
    for line in lines(v) {
        if !out.is_empty() && !out.ends_with(['；', ';', '，', ',', '。', '、']) {
            out.push('；');
        }
        out.push_str(line);
    }
    normalize::text(&out)
}

/// The items of a list cell split on `separators` and line ends, trimmed, empty and repeated
/// ones dropped.
fn split(v: &str, separators: &[char]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in v.split(|c: char| separators.contains(&c) || matches!(c, '\n' | '\r' | '\t')) {
        let part = normalize::text(part);
        if !part.is_empty() && !out.contains(&part) {
            out.push(part);
        }
    }
    out
}

/// 抽查事项: split on `、` `；` `;` `，` `,` and line ends.
pub(crate) fn items(v: &str) -> Vec<String> {
    if blank(v) {
        return Vec::new();
    }
    split(v, &['、', '；', ';', '，', ','])
}

/// Names (departments): split on `、` `，` `,` `；` `;` and line ends.
pub(crate) fn names(v: &str) -> Vec<String> {
    if blank(v) || v.trim() == "不限" {
        return Vec::new();
    }
    split(v, &['、', '，', ',', '；', ';'])
}

/// 分层: column names split as [`names`] are; `按信用风险分类分层` is `信用风险分类`, and
/// `不分层` is none.
pub(crate) fn strata(v: &str) -> Vec<String> {
    if v.trim() == "不分层" {
        return Vec::new();
    }
    names(v)
        .into_iter()
        .map(|n| {
            let bare = n.strip_prefix('按').unwrap_or(&n);
            let bare = bare.strip_suffix("分层").unwrap_or(bare);
            if bare.is_empty() {
                n
            } else {
                normalize::text(bare)
            }
        })
        .collect()
}

/// How a spreadsheet shows a number cell (a CSV holds the text shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    /// As it is: text, or a number in no percent format.
    Plain,
    /// As a percentage: `0.03` in a cell formatted `0%` shows as `3%`.
    Percent,
    /// With a percent sign after it: `3` in a cell formatted `0"%"` shows as `3%`.
    PercentSign,
}

/// Why a ratio cell is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Not a percentage from 0% to 100%: the value as the sheet shows it.
    Bad(String),
    /// A number without a percent sign: what it may mean (`0.5%`, and `50%` when it is a
    /// fraction of 1 or less).
    NoPercent {
        /// The number as a percentage (`0.5%`).
        percent: String,
        /// The number as a fraction of one (`50%`), when it is one (above 0, at most 1).
        fraction: Option<String>,
    },
}

/// 抽查比例 (`given` as the cell holds it, `shown` as the sheet shows it): a percentage
/// (`3%`, `３％`, `0.5%`), or a number a spreadsheet shows as one (`0.03` in a percent cell
/// is 3%), with the number's text when it was one. A number shown without a percent sign is
/// refused: `0.5` may mean 0.5% or 50%, `3` 3% or 300%.
pub(crate) fn ratio(given: &str, shown: Number) -> Result<(Ratio, Option<String>), Refusal> {
    let v: String = normalize::identifier(given)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let bad = |shown: &str| Refusal::Bad(shown.to_owned());
    if v.ends_with('%') {
        return Ratio::parse(&v)
            .map(|r| (r, None))
            .ok_or_else(|| bad(given));
    }
    let (int, frac) = v.split_once('.').unwrap_or((&v, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return Err(bad(given));
    }
    let hundredfold = hundredfold(int, frac);
    match shown {
        Number::PercentSign => {
            let shown = format!("{v}%");
            Ratio::parse(&shown)
                .map(|r| (r, None))
                .ok_or_else(|| bad(&shown))
        }
        Number::Plain => {
            let zero = !v.bytes().any(|b| (b'1'..=b'9').contains(&b));
            let at_most_one = int.trim_start_matches('0').is_empty()
                || (int.trim_start_matches('0') == "1" && frac.bytes().all(|b| b == b'0'));
            let percent = if int.is_empty() {
                format!("0{v}%")
            } else {
                format!("{v}%")
            };
            Err(Refusal::NoPercent {
                percent,
                fraction: (!zero && at_most_one).then_some(hundredfold),
            })
        }
        Number::Percent => {
            let ratio = Ratio::parse(&hundredfold).or_else(|| {
                // A number a formula left with a binary fraction's tail
                // (0.030000000000000002): the percentage to four decimals, when it is that
                // to within rounding.
                let x: f64 = v.parse().ok()?;
                let percent = x * 100.0;
                let rounded = (percent * 10_000.0).round() / 10_000.0;
                ((percent - rounded).abs() < 1e-9)
                    .then(|| Ratio::parse(&format!("{rounded}%")))
                    .flatten()
            });
            ratio
                .map(|r| (r, Some(v.clone())))
                .ok_or_else(|| bad(&hundredfold))
        }
    }
}

/// A number's digits (`int.frac`) times 100, as a percentage: `0.035` is `3.5%`, `3` is
/// `300%`.
fn hundredfold(int: &str, frac: &str) -> String {
    let padded = format!("{frac:0<2}");
    let (moved, rest) = padded.split_at(2);
    let whole = format!("{int}{moved}");
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let rest = rest.trim_end_matches('0');
    if rest.is_empty() {
        format!("{whole}%")
    } else {
        format!("{whole}.{rest}%")
    }
}

/// A whole number, possibly followed by one of `units` (`40户`, `2人`), full-width digits
/// folded; `40.0` is 40.
pub(crate) fn whole(v: &str, units: &[char]) -> Option<u64> {
    let v: String = normalize::identifier(v)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let v = v.strip_suffix(units).unwrap_or(&v);
    let v = match v.split_once('.') {
        Some((int, zeros)) if !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') => int,
        _ => v,
    };
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// 分配方式 in words: 按比例 (proportional), 平均 (equal), 每层 (per stratum), or the plan's
/// own names.
pub(crate) fn allocation(v: &str) -> Option<Allocation> {
    let k = key(v);
    let is = |words: &[&str]| words.iter().any(|w| key(w) == k);
    if is(&[
        "按比例",
        "比例",
        "按比例分配",
        "等比例",
        "按比例分摊",
        "proportional",
    ]) {
        Some(Allocation::Proportional)
    } else if is(&["平均", "平均分配", "均分", "各层平均", "equal"]) {
        Some(Allocation::Equal)
    } else if is(&[
        "每层",
        "每层各抽",
        "各层",
        "各层各抽",
        "每层抽取",
        "per_stratum",
    ]) {
        Some(Allocation::PerStratum)
    } else {
        None
    }
}

/// True when a 抽查类型 cell says the task is 定向 (targeted): `定向`, `定向抽查`, `是` (in a
/// 是否定向 column), and not `不定向` or `非定向`.
pub(crate) fn directed(v: &str) -> bool {
    let v = v.trim();
    if v.contains("不定向") || v.contains("非定向") || v == "否" {
        return false;
    }
    v.contains("定向") || v == "是"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(v: &str) -> Result<String, Refusal> {
        ratio(v, Number::Plain).map(|(r, _)| r.to_string())
    }

    fn shown(v: &str, shown: Number) -> Result<String, Refusal> {
        ratio(v, shown).map(|(r, _)| r.to_string())
    }

    fn bad(v: &str) -> Result<String, Refusal> {
        Err(Refusal::Bad(v.to_owned()))
    }

    fn unsigned(percent: &str, fraction: Option<&str>) -> Result<String, Refusal> {
        Err(Refusal::NoPercent {
            percent: percent.to_owned(),
            fraction: fraction.map(str::to_owned),
        })
    }

    #[test]
    fn ratios_as_clerks_and_spreadsheets_write_them() {
        assert_eq!(pct("3%"), Ok("3%".into()));
        assert_eq!(pct("３％"), Ok("3%".into()));
        assert_eq!(pct(" 3 % "), Ok("3%".into()));
        assert_eq!(pct("0.5%"), Ok("0.5%".into()));
        // A percent cell: the number it holds, as the sheet shows it.
        let percent = |v| shown(v, Number::Percent);
        assert_eq!(percent("0.03"), Ok("3%".into()));
        assert_eq!(
            ratio("0.03", Number::Percent).unwrap().1.as_deref(),
            Some("0.03")
        );
        assert_eq!(percent("0.035"), Ok("3.5%".into()));
        assert_eq!(percent("0.5"), Ok("50%".into()));
        assert_eq!(percent(".05"), Ok("5%".into()));
        assert_eq!(percent("0"), Ok("0%".into()));
        assert_eq!(percent("1"), Ok("100%".into()));
        assert_eq!(percent("0.00001"), Ok("0.001%".into()));
        assert_eq!(percent("0.030000000000000002"), Ok("3%".into()));
        assert_eq!(percent("0.123456789"), bad("12.3456789%"));
        // 3 in a percent cell shows as 300%.
        assert_eq!(percent("3"), bad("300%"));
        assert_eq!(percent("百分之三"), bad("百分之三"));
        // A cell formatted 0"%": the number with its sign.
        assert_eq!(shown("3", Number::PercentSign), Ok("3%".into()));
        assert_eq!(shown("0.5", Number::PercentSign), Ok("0.5%".into()));
        assert_eq!(shown("300", Number::PercentSign), bad("300%"));
        // A number without a sign, typed or in a cell of no percent format: what it may mean.
        assert_eq!(pct("0.5"), unsigned("0.5%", Some("50%")));
        assert_eq!(pct("0.03"), unsigned("0.03%", Some("3%")));
        assert_eq!(pct(".05"), unsigned("0.05%", Some("5%")));
        assert_eq!(pct("1"), unsigned("1%", Some("100%")));
        assert_eq!(pct("1.00"), unsigned("1.00%", Some("100%")));
        assert_eq!(pct("3"), unsigned("3%", None));
        assert_eq!(pct("1.5"), unsigned("1.5%", None));
        assert_eq!(pct("0"), unsigned("0%", None));
        assert_eq!(pct("０.５"), unsigned("0.5%", Some("50%")));
        for v in ["百分之三", "3%以上", "101%", "-0.03", "3‰", "", "."] {
            assert_eq!(pct(v), bad(v), "{v}");
        }
    }

    #[test]
    fn numbers_lists_and_words() {
        assert_eq!(whole("40", &['户']), Some(40));
        assert_eq!(whole("４０户", &['户']), Some(40));
        assert_eq!(whole("40.0", &['户']), Some(40));
        assert_eq!(whole("2人", &['人', '名']), Some(2));
        for bad in ["四十", "40.5", "-3", "户", "3户2"] {
            assert_eq!(whole(bad, &['户']), None, "{bad}");
        }
        assert_eq!(
            items("企业年度报告公示信息、即时信息；登记事项\n住所登记,经营范围，登记事项"),
            [
                "企业年度报告公示信息",
                "即时信息",
                "登记事项",
                "住所登记",
                "经营范围"
            ]
        );
        assert!(items("/").is_empty());
        assert_eq!(names("市场监管、食品安全"), ["市场监管", "食品安全"]);
        assert!(names("不限").is_empty());
        assert_eq!(strata("按信用风险分类分层"), ["信用风险分类"]);
        assert_eq!(
            strata("信用风险分类、行政区划"),
            ["信用风险分类", "行政区划"]
        );
        assert!(strata("不分层").is_empty());
        assert_eq!(allocation("按比例"), Some(Allocation::Proportional));
        assert_eq!(allocation(" 平均分配 "), Some(Allocation::Equal));
        assert_eq!(allocation("每层"), Some(Allocation::PerStratum));
        assert_eq!(allocation("per_stratum"), Some(Allocation::PerStratum));
        assert_eq!(allocation("随便"), None);
        assert!(directed("定向抽查") && directed("是"));
        assert!(!directed("不定向抽查") && !directed("否") && !directed("双随机"));
        assert_eq!(one_line("企业公示\n信息抽查"), "企业公示信息抽查");
        assert_eq!(one_line("Annual\nreport"), "Annual report");
        assert_eq!(
            joined("《条例》第十四条\n《办法》第五条"),
            "《条例》第十四条；《办法》第五条"
        );
        assert_eq!(
            joined("《条例》第十四条；\n《办法》"),
            "《条例》第十四条；《办法》"
        );
        assert!(blank(" / ") && blank("无") && !blank("0"));
    }
}
