//! The standard fields of each table with their Chinese and English aliases, and the
//! header words of personal data (SPEC.md §3.2). These tables are normative: they decide
//! the names that enter the canonical digest. [`columns`](super::columns) resolves header
//! cells with them.

/// How a standard field's values are normalised and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Plain text: [`normalize::text`](crate::base::normalize::text).
    Text,
    /// An identifier: [`normalize::identifier`](crate::base::normalize::identifier).
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
            "有效期(起)",
            "有效期(自)",
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
            "有效期(止)",
            "有效期(至)",
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
