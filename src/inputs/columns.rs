//! Column names: the plan's explicit mapping, the standard fields and their
//! Chinese and English aliases, and the personal-data columns that are
//! dropped on reading (SPEC.md §3.2). This table is normative: it decides the
//! names that enter the canonical digest.

use std::collections::BTreeMap;

use super::kind::TableKind;
use crate::base::normalize;

/// How a standard field's values are normalised and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Plain text: [`normalize::text`].
    Text,
    /// An identifier: [`normalize::identifier`].
    Identifier,
    /// A credit risk class, normalised to `A`–`D`.
    Risk,
    /// A date, normalised to `YYYY-MM-DD`.
    Date,
    /// The last day of a period: a date, or `长期` (no end).
    EndDate,
    /// A validity period, normalised to `YYYY-MM-DD/YYYY-MM-DD` or `YYYY-MM-DD/长期`.
    Validity,
    /// An officer's status, reduced to `在岗` (one of 在岗, 在职, 正常) or `不在岗`.
    Duty,
}

/// A standard field: its canonical name, how its values are read, and the
/// header names that mean it.
#[derive(Debug)]
pub struct Field {
    /// The canonical column name.
    pub name: &'static str,
    /// How values are normalised.
    pub kind: ValueKind,
    /// Header names that mean this field, compared after SPEC.md §3.2's normalisation (full-width
    /// ASCII folded, ASCII lower case, spaces, `_` and `-` removed).
    pub aliases: &'static [&'static str],
    /// True for certificate fields, which may repeat with a number suffix
    /// (`执法证号2`, `certificate_2`).
    pub numbered: bool,
}

const fn field(name: &'static str, kind: ValueKind, aliases: &'static [&'static str]) -> Field {
    Field {
        name,
        kind,
        aliases,
        numbered: false,
    }
}

const fn numbered(name: &'static str, kind: ValueKind, aliases: &'static [&'static str]) -> Field {
    Field {
        name,
        kind,
        aliases,
        numbered: true,
    }
}

use ValueKind::{Date, Duty, EndDate, Identifier, Risk, Text, Validity};

/// The standard fields of the target directory.
pub const TARGET_FIELDS: &[Field] = &[
    field(
        "id",
        Identifier,
        &[
            "id",
            "uscc",
            "unicode",
            "credit_code",
            "统一社会信用代码",
            "统一社会信用代码(注册号)",
            "统一社会信用代码/注册号",
            "社会信用代码",
            "信用代码",
            "注册号",
        ],
    ),
    field(
        "name",
        Text,
        &[
            "name",
            "entname",
            "企业名称",
            "市场主体名称",
            "执法对象名称",
            "主体名称",
            "名称",
        ],
    ),
    field(
        "entity_type",
        Text,
        &[
            "entity_type",
            "enttype",
            "type",
            "企业类型",
            "市场主体类型",
            "机构类型",
            "主体类型",
        ],
    ),
    field(
        "status",
        Text,
        &[
            "status",
            "regstate",
            "登记状态",
            "经营状态",
            "企业状态",
            "状态",
        ],
    ),
    field(
        "industry",
        Text,
        &["industry", "所属行业", "行业门类", "行业"],
    ),
    field(
        "region",
        Text,
        &[
            "region",
            "行政区划",
            "行政区划代码",
            "所属地区",
            "所属区域",
            "区划代码",
        ],
    ),
    field(
        "authority",
        Text,
        &[
            "authority",
            "regorg",
            "登记机关",
            "管辖单位",
            "监管单位",
            "管辖机关",
        ],
    ),
    field(
        "risk",
        Risk,
        &[
            "risk",
            "信用风险分类",
            "风险等级",
            "信用风险等级",
            "风险分类",
            "信用风险类别",
        ],
    ),
    field(
        "last_inspected",
        Date,
        &["last_inspected", "上次检查日期", "最近检查日期"],
    ),
];

/// The standard fields of the officer roster.
pub const OFFICER_FIELDS: &[Field] = &[
    field(
        "id",
        Identifier,
        &[
            "id",
            "officer_id",
            "人员编号",
            "执法人员编号",
            "工号",
            "编号",
        ],
    ),
    field(
        "name",
        Text,
        &["name", "姓名", "执法人员姓名", "人员姓名", "执法人员"],
    ),
    field(
        "department",
        Text,
        &["department", "所属部门", "部门", "所属单位", "单位", "科室"],
    ),
    field(
        "region",
        Text,
        &[
            "region",
            "jurisdiction",
            "管辖片区",
            "执法区域",
            "管辖区域",
            "所属区域",
            "行政区划",
        ],
    ),
    field(
        "categories",
        Text,
        &["categories", "执法类别", "执法事项", "执法领域"],
    ),
    field("status", Duty, &["status", "在岗状态", "人员状态", "状态"]),
    field("expert", Text, &["expert", "专家", "是否专家"]),
    numbered(
        "certificate",
        Identifier,
        &[
            "certificate",
            "certificate_no",
            "执法证号",
            "执法证件号",
            "执法证编号",
            "执法证件号码",
        ],
    ),
    numbered("issuer", Text, &["issuer", "发证机关"]),
    numbered("validity", Validity, &["validity", "证件有效期", "有效期"]),
    numbered(
        "valid_from",
        Date,
        &[
            "valid_from",
            "有效期起",
            "有效期开始",
            "有效期起始日期",
            "发证日期",
        ],
    ),
    numbered(
        "valid_to",
        EndDate,
        &[
            "valid_to",
            "有效期止",
            "有效期至",
            "有效期截止",
            "有效期截止日期",
        ],
    ),
];

/// Header names of the column that names the entity a row is about (history, results).
const ENTITY_REFERENCE: &[&str] = &[
    "entity",
    "entity_id",
    "target",
    "统一社会信用代码",
    "统一社会信用代码(注册号)",
    "注册号",
    "检查对象",
    "市场主体",
];

/// The fields of the history file (检查记录): past inspections.
pub const HISTORY_FIELDS: &[Field] = &[
    field("entity", Identifier, ENTITY_REFERENCE),
    field(
        "date",
        Date,
        &[
            "date",
            "inspected_on",
            "检查日期",
            "检查完成日期",
            "抽查日期",
        ],
    ),
    field(
        "task",
        Text,
        &["task", "task_id", "任务编号", "抽查任务编号"],
    ),
    field("item", Text, &["item", "检查事项", "抽查事项"]),
    field("authority", Text, &["authority", "检查机关", "实施机关"]),
    field("officers", Text, &["officers", "检查人员", "执法人员"]),
];

/// The fields of the conflicts file (回避名单): officer ↔ entity.
pub const CONFLICT_FIELDS: &[Field] = &[
    field(
        "officer",
        Identifier,
        &[
            "officer",
            "officer_id",
            "人员编号",
            "执法人员编号",
            "执法证号",
        ],
    ),
    field(
        "entity",
        Identifier,
        &[
            "entity",
            "entity_id",
            "统一社会信用代码",
            "注册号",
            "检查对象",
            "市场主体",
        ],
    ),
    field("reason", Text, &["reason", "回避事由", "事由", "原因"]),
];

/// The fields of a results table (抽查结果): one row per drawn entity and item.
pub const RESULT_FIELDS: &[Field] = &[
    field("entity", Identifier, ENTITY_REFERENCE),
    field(
        "date",
        Date,
        &[
            "date",
            "inspected_on",
            "检查完成日期",
            "检查日期",
            "完成日期",
        ],
    ),
    field(
        "task",
        Text,
        &["task", "task_id", "任务编号", "抽查任务编号"],
    ),
    field("item", Text, &["item", "检查事项", "抽查事项"]),
    field("result", Text, &["result", "检查结果", "抽查结果", "结果"]),
    field("remark", Text, &["remark", "remarks", "note", "备注"]),
    field("name", Text, &["name", "市场主体名称", "企业名称", "名称"]),
];

/// Personal data: never read, never hashed, never output (个人信息保护法).
/// A header whose key contains one of these is a personal-data column
/// (`法定代表人手机`, `联系电话`, `Mobile Phone`).
pub const PERSONAL: &[&str] = &[
    "身份证",
    "公民身份号码",
    "身份证件",
    "电话",
    "手机",
    "住址",
    "家庭地址",
    "居住地",
    "idcard",
    "idnumber",
    "nationalid",
    "phone",
    "mobile",
    "homeaddress",
    "residentialaddress",
    "户籍",
    "通讯地址",
    "居所",
    "联系方式",
    "联系人",
    "出生",
    "生日",
    "政治面貌",
    "民族",
    "籍贯",
    "婚姻",
    "宗教",
    "健康",
    "护照",
    "银行",
    "微信",
    "qq",
    "passport",
    "birth",
    "wechat",
    "bank",
    "证件号",
    "email",
    "邮箱地址",
    "电子邮件",
];

/// Headers that are personal data only as a whole word (`tel`, not `hotel`).
pub const PERSONAL_EXACT: &[&str] = &["tel", "tel.", "电子邮箱", "邮箱"];

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

/// Resolves a header cell (SPEC.md §3.2): the plan's mapping first, then the
/// standard fields' aliases (with a number suffix for certificate fields),
/// then personal data; any other column keeps its name, lower-cased.
pub fn resolve(kind: TableKind, header: &str, mapping: &BTreeMap<String, String>) -> Column {
    let k = key(header);
    // Personal data is dropped whatever the mapping says: a plan cannot rename 身份证号
    // into a column it reads or declares public (rule 3 before rule 1). A standard
    // field's alias is never personal data.
    if standard(kind, &k).is_none() && is_personal(header) {
        return Column::Drop;
    }
    if let Some(target) = mapping
        .iter()
        .find(|(from, _)| key(from) == k)
        .map(|(_, to)| to)
    {
        if target.is_empty() {
            return Column::Drop;
        }
        return standard(kind, &key(target))
            .unwrap_or_else(|| Column::Keep(column_name(target), ValueKind::Text));
    }
    if let Some(c) = standard(kind, &k) {
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

/// Normalises a risk class: `A`, `A类`, `A级`, `低风险` → `A`, and so on for
/// B (一般风险), C (较高风险), D (高风险). Empty stays empty.
pub fn risk_class(value: &str) -> Option<String> {
    let v = normalize::identifier(value);
    let class = match v.as_str() {
        "" => return Some(String::new()),
        "A" | "A类" | "A级" | "低风险" => "A",
        "B" | "B类" | "B级" | "一般风险" => "B",
        "C" | "C类" | "C级" | "较高风险" => "C",
        "D" | "D类" | "D级" | "高风险" => "D",
        _ => return None,
    };
    Some(class.to_owned())
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
    }
}
