//! Column names: a header cell resolved by the plan's explicit mapping, the standard
//! fields' aliases ([`fields`](super::fields)) and the personal-data words, with or without
//! its annotations (SPEC.md §3.2); and a risk class read (§3.3).

use std::collections::BTreeMap;

pub use super::fields::{
    CONFLICT_FIELDS, Field, HISTORY_FIELDS, OFFICER_FIELDS, PERSONAL, PERSONAL_EXACT,
    RESULT_FIELDS, TARGET_FIELDS, ValueKind,
};
use super::kind::TableKind;
use crate::base::normalize;

/// True when a header names personal data (SPEC.md §3.2 rule 3).
pub fn is_personal(header: &str) -> bool {
    let k = key(header);
    PERSONAL.iter().any(|p| k.contains(&key(p))) || PERSONAL_EXACT.iter().any(|p| key(p) == k)
}

/// The comparison key of a header name: [`normalize::text`], full-width
/// ASCII folded, ASCII lower case, and spaces, `_` and `-` removed.
pub fn key(header: &str) -> String {
    normalize::identifier(header)
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect()
}

/// What a header cell becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    /// A column kept under this name, read as this kind.
    Keep(String, ValueKind),
    /// A personal-data column (or one mapped to `""`), dropped unread.
    Drop,
}

/// The fields of a table kind.
pub fn fields(kind: TableKind) -> &'static [Field] {
    match kind {
        TableKind::Targets => TARGET_FIELDS,
        TableKind::Officers => OFFICER_FIELDS,
        TableKind::History => HISTORY_FIELDS,
        TableKind::Conflicts => CONFLICT_FIELDS,
        TableKind::Results => RESULT_FIELDS,
    }
}

/// A column as a Chinese reader knows it: for a standard field, the first Chinese header name
/// that means it (`risk` → 信用风险分类, `department` → 所属部门); any other column as named.
pub fn chinese_label(kind: TableKind, name: &str) -> String {
    fields(kind)
        .iter()
        .find(|f| f.name == name)
        .and_then(|f| f.aliases.iter().find(|a| !a.is_ascii()))
        .map_or_else(|| name.to_owned(), |a| (*a).to_owned())
}

/// The key of a header name without its annotations (SPEC.md §3.2): [`key`], then every
/// `*` removed, and every bracketed part — `(` or `[` or `【` through the next `)`, `]` or `】`
/// — unless it holds a single digit 2–9 (a numbered field's suffix). `统一社会信用代码（必填）`,
/// `企业名称*` and `注册资本（单位：万元）` are `统一社会信用代码`, `企业名称` and `注册资本`.
/// `None` when nothing was removed, or nothing would be left.
pub fn bare_key(header: &str) -> Option<String> {
    let k = key(header);
    let starless = k.replace('*', "");
    let mut out = String::with_capacity(k.len());
    let mut rest = starless.as_str();
    while let Some(c) = rest.chars().next() {
        if matches!(c, '(' | '[' | '【') {
            let inner = &rest[c.len_utf8()..];
            if let Some(end) = inner.find([')', ']', '】']) {
                let part = &inner[..end];
                let close = inner[end..].chars().next().map_or(1, char::len_utf8);
                let whole = c.len_utf8() + end + close;
                if matches!(part, "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9") {
                    out.push_str(&rest[..whole]);
                }
                rest = &rest[whole..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    (out != k && !out.is_empty()).then_some(out)
}

/// Resolves a header cell (SPEC.md §3.2): the plan's mapping first, then the
/// standard fields' aliases (with a number suffix for certificate fields),
/// then personal data; any other column keeps its name, lower-cased. The mapping and the
/// aliases are matched by the header's key, then by its key without annotations
/// ([`bare_key`]).
pub fn resolve(kind: TableKind, header: &str, mapping: &BTreeMap<String, String>) -> Column {
    let k = key(header);
    let bare = bare_key(header);
    let keys = || std::iter::once(k.as_str()).chain(bare.as_deref());
    // Personal data is dropped whatever the mapping says: a plan cannot rename 身份证号
    // into a column it reads or declares public (rule 3 before rule 1), nor can an
    // annotation (`执法证号（身份证号）`). A standard field's alias is never personal data.
    if standard(kind, &k).is_none() && is_personal(header) {
        return Column::Drop;
    }
    let mapped = keys().find_map(|k| {
        mapping
            .iter()
            .find(|(from, _)| key(from) == k)
            .map(|(_, to)| to)
    });
    if let Some(target) = mapped {
        if target.is_empty() {
            return Column::Drop;
        }
        return standard(kind, &key(target))
            .unwrap_or_else(|| Column::Keep(column_name(target), ValueKind::Text));
    }
    if let Some(c) = keys().find_map(|k| standard(kind, k)) {
        return c;
    }
    Column::Keep(column_name(header), ValueKind::Text)
}

fn standard(kind: TableKind, k: &str) -> Option<Column> {
    for f in fields(kind) {
        if f.aliases.iter().any(|a| key(a) == k) {
            return Some(Column::Keep(f.name.to_owned(), f.kind));
        }
        if f.numbered {
            // 执法证号2, 执法证号(2), certificate_2: the alias followed by 2..9.
            let mut chars = k.strip_suffix(')').unwrap_or(k).chars();
            let last = chars.next_back();
            let body = chars.as_str().strip_suffix('(').unwrap_or(chars.as_str());
            if let Some(n @ '2'..='9') = last
                && f.aliases.iter().any(|a| key(a) == body)
            {
                return Some(Column::Keep(format!("{}_{n}", f.name), f.kind));
            }
        }
    }
    None
}

/// The name of a column that is not a standard field: [`normalize::text`]
/// and ASCII lower case.
pub fn column_name(header: &str) -> String {
    normalize::text(header).to_ascii_lowercase()
}

/// Normalises a risk class: `A`, `A类`, `A级`, `低风险`, `信用风险低` → `A`, and so on for
/// B (一般风险), C (较高风险), D (高风险). Empty stays empty. A class annotated with another
/// in brackets, as 企业信用风险分类 exports write it (`A类（信用风险低）`), is that class
/// when both name the same one (SPEC.md §3.3).
pub fn risk_class(value: &str) -> Option<String> {
    let v: String = normalize::identifier(value)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if v.is_empty() {
        return Some(String::new());
    }
    let one = |w: &str| match w {
        "A" | "A类" | "A级" | "低风险" | "信用风险低" => Some('A'),
        "B" | "B类" | "B级" | "一般风险" | "信用风险一般" => Some('B'),
        "C" | "C类" | "C级" | "较高风险" | "信用风险较高" => Some('C'),
        "D" | "D类" | "D级" | "高风险" | "信用风险高" => Some('D'),
        _ => None,
    };
    let class = match v.strip_suffix(')').and_then(|w| w.split_once('(')) {
        Some((outer, inner)) => {
            let (a, b) = (one(outer)?, one(inner)?);
            (a == b).then_some(a)?
        }
        None => one(&v)?,
    };
    Some(class.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_standard_alias_is_its_field_and_a_mapping_cannot_keep_personal_data() {
        for kind in [
            TableKind::Targets,
            TableKind::Officers,
            TableKind::History,
            TableKind::Conflicts,
        ] {
            for f in fields(kind) {
                for a in f.aliases {
                    // An alias is its field, even when it reads like personal data
                    // (执法证件号码 contains 证件号): rule 2 before rule 3.
                    assert!(
                        matches!(resolve(kind, a, &BTreeMap::new()), Column::Keep(..)),
                        "{a}"
                    );
                }
            }
        }
        for h in [
            "出生日期",
            "政治面貌",
            "户籍地址",
            "证件号码",
            "微信号",
            "银行账号",
            "联系方式",
            // Found by the independent checker: headers that only contained the words.
            "法人证件号码",
            "邮箱地址",
            "Email Address",
            "tel.",
        ] {
            assert!(is_personal(h), "{h}");
        }
        assert!(!is_personal("企业电子邮箱") && !is_personal("hotel"));
        // Issue 14: `"身份证号" = "expert"` kept every ID number under another name.
        let mapping: BTreeMap<String, String> =
            [("身份证号".to_owned(), "expert".to_owned())].into();
        assert_eq!(
            resolve(TableKind::Officers, "身份证号", &mapping),
            Column::Drop
        );
    }

    use super::*;
    use ValueKind::{EndDate, Identifier, Risk, Text, Validity};

    fn r(kind: TableKind, h: &str) -> Column {
        resolve(kind, h, &BTreeMap::new())
    }

    #[test]
    fn aliases_resolve() {
        use TableKind::{Officers, Targets};
        assert_eq!(
            r(Targets, "统一社会信用代码（注册号）"),
            Column::Keep("id".into(), Identifier)
        );
        assert_eq!(r(Targets, " 企业名称 "), Column::Keep("name".into(), Text));
        assert_eq!(r(Targets, "UniCode"), Column::Keep("id".into(), Identifier));
        assert_eq!(
            r(Targets, "信用风险分类"),
            Column::Keep("risk".into(), Risk)
        );
        assert_eq!(
            r(Officers, "执法证号"),
            Column::Keep("certificate".into(), Identifier)
        );
        assert_eq!(
            r(Officers, "执法证号2"),
            Column::Keep("certificate_2".into(), Identifier)
        );
        assert_eq!(
            r(Officers, "有效期（2）"),
            Column::Keep("validity_2".into(), Validity)
        );
        assert_eq!(
            r(Officers, "certificate_3"),
            Column::Keep("certificate_3".into(), Identifier)
        );
        assert_eq!(r(Officers, "身份证号"), Column::Drop);
        assert_eq!(r(Targets, "Mobile Phone"), Column::Drop);
        assert_eq!(r(Targets, "法定代表人手机"), Column::Drop);
        assert_eq!(r(Officers, "联系电话"), Column::Drop);
        assert_eq!(r(Targets, "TEL"), Column::Drop);
        assert_eq!(r(Targets, "hotel"), Column::Keep("hotel".into(), Text));
        assert_eq!(r(Targets, "住所"), Column::Keep("住所".into(), Text));
        assert_eq!(
            r(Targets, "经营范围"),
            Column::Keep("经营范围".into(), Text)
        );
        assert_eq!(r(Targets, "Scale"), Column::Keep("scale".into(), Text));
        // Multi-byte endings never split a character.
        assert_eq!(r(Officers, "某某期"), Column::Keep("某某期".into(), Text));
        assert_eq!(
            r(Officers, "执法证号1"),
            Column::Keep("执法证号1".into(), Text)
        );
    }

    #[test]
    fn mapping_wins() {
        let mut m = BTreeMap::new();
        m.insert("企业代码".to_owned(), "id".to_owned());
        m.insert("负责人电话".to_owned(), String::new());
        m.insert("状态".to_owned(), "内部状态".to_owned());
        assert_eq!(
            resolve(TableKind::Targets, "企业代码", &m),
            Column::Keep("id".into(), Identifier)
        );
        assert_eq!(resolve(TableKind::Targets, "负责人电话", &m), Column::Drop);
        assert_eq!(
            resolve(TableKind::Targets, "状态", &m),
            Column::Keep("内部状态".into(), Text)
        );
    }

    #[test]
    fn risk_classes() {
        assert_eq!(risk_class("B类").as_deref(), Some("B"));
        assert_eq!(risk_class("高风险").as_deref(), Some("D"));
        assert_eq!(risk_class(" a ").as_deref(), Some("A"));
        assert_eq!(risk_class("").as_deref(), Some(""));
        assert_eq!(risk_class("E"), None);
        // As 企业信用风险分类 exports write them: the class, and the same class in words.
        assert_eq!(risk_class("A类（信用风险低）").as_deref(), Some("A"));
        assert_eq!(risk_class("D类(信用风险高)").as_deref(), Some("D"));
        assert_eq!(risk_class("C类 （较高风险）").as_deref(), Some("C"));
        assert_eq!(risk_class("信用风险一般").as_deref(), Some("B"));
        // Two classes that disagree, or an annotation that is no class: an error, never
        // one of the two.
        assert_eq!(risk_class("A类（信用风险高）"), None);
        assert_eq!(risk_class("A类（备注）"), None);
        assert_eq!(risk_class("（A类）"), None);
        assert_eq!(risk_class("A类（B类）（C类）"), None);
    }

    #[test]
    fn annotated_headers_are_their_fields() {
        use TableKind::{Officers, Targets};
        assert_eq!(
            bare_key("统一社会信用代码（必填）").as_deref(),
            Some("统一社会信用代码")
        );
        assert_eq!(bare_key("企业名称*").as_deref(), Some("企业名称"));
        assert_eq!(
            bare_key("＊注册资本【单位：万元】").as_deref(),
            Some("注册资本")
        );
        assert_eq!(
            bare_key("执法证号（2）（必填）").as_deref(),
            Some("执法证号(2)")
        );
        assert_eq!(bare_key("企业名称"), None);
        assert_eq!(bare_key("（必填）"), None);
        assert_eq!(bare_key("名称(未闭合"), None);
        assert_eq!(
            r(Targets, "统一社会信用代码（必填）"),
            Column::Keep("id".into(), Identifier)
        );
        assert_eq!(r(Targets, "*企业名称"), Column::Keep("name".into(), Text));
        assert_eq!(
            r(Targets, "信用风险分类[A-D]"),
            Column::Keep("risk".into(), Risk)
        );
        assert_eq!(
            r(Officers, "执法证号2（必填）"),
            Column::Keep("certificate_2".into(), Identifier)
        );
        // The whole name first: a bracket that means something keeps its meaning.
        assert_eq!(
            r(Targets, "统一社会信用代码(注册号)"),
            Column::Keep("id".into(), Identifier)
        );
        assert_eq!(
            r(Officers, "有效期（起）"),
            Column::Keep("valid_from".into(), ValueKind::Date)
        );
        assert_eq!(
            r(Officers, "有效期（至）"),
            Column::Keep("valid_to".into(), EndDate)
        );
        // Personal data by the whole name, annotations and all; other columns keep theirs.
        assert_eq!(r(Officers, "联系电话（必填）"), Column::Drop);
        assert_eq!(r(Officers, "执法证号（身份证号）"), Column::Drop);
        assert_eq!(
            r(Targets, "注册资本（万元）"),
            Column::Keep("注册资本（万元）".into(), Text)
        );
        let mut m = BTreeMap::new();
        m.insert("企业代码".to_owned(), "id".to_owned());
        assert_eq!(
            resolve(Targets, "企业代码*", &m),
            Column::Keep("id".into(), Identifier)
        );
    }
}
