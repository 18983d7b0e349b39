//! What the notices share: the language, headings, escaping for HTML, Markdown and CSV
//! cells, the page's head and style, and the "how to verify" section.

use crate::draw::record::TaskRecord;
pub use crate::messages::Lang;

/// How to verify, for a notice: (heading, the text before the commands, the commands, the
/// text after). `verify` is the command that re-runs the draw inside the kit, as the tool
/// that wrote the kit spells it; the independent Python check is always shown.
pub(crate) fn how_to_verify(lang: Lang, verify: Option<&str>) -> [String; 4] {
    let reproduce = "python3 reproduce.py record.json plan.toml targets.csv officers.csv";
    [
        lang.pick("如何核验", "How to verify").to_owned(),
        lang.pick(
            "核验材料包（kit 目录）包含抽查计划、名录库的公开版本和抽取记录。任何人都可以重新运行抽取并逐字节比对：",
            "The verification kit (the kit directory) holds the plan, the public copies of the directory and the roster, and the record. Anyone can re-run the draw and compare it byte for byte:",
        )
        .to_owned(),
        match verify {
            Some(command) => format!("{command}\n{reproduce}"),
            None => reproduce.to_owned(),
        },
        lang.pick(
            "算法规范见 SPEC.md（仅使用 SHA-256）；reproduce.py 是只用 Python 标准库的独立实现。",
            "The algorithm is specified in SPEC.md (SHA-256 only); reproduce.py is an independent implementation using Python's standard library alone.",
        )
        .to_owned(),
    ]
}

/// A stratum's label: its values, or "all" for an unstratified task.
pub(crate) fn stratum_label(lang: Lang, stratum: &[String]) -> String {
    if stratum.is_empty() {
        lang.pick("全部", "all").to_owned()
    } else {
        stratum.join(" / ")
    }
}

/// The start of an HTML notice, up to its `<h1>`.
pub(crate) fn html_head(lang: Lang, title: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head>\n<body><main>\n<h1>{}</h1>\n",
        lang.pick("zh-CN", "en"),
        esc(title),
        esc(title)
    )
}

/// Column headers of a notice table, in the notice's language.
pub(crate) fn headers(lang: Lang, pairs: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    pairs.iter().map(|(zh, en)| lang.pick(zh, en)).collect()
}

/// The strata table's columns.
pub(crate) const STRATA_COLUMNS: [(&str, &str); 4] = [
    ("分层", "Stratum"),
    ("范围", "Frame"),
    ("比例或数量", "Quota"),
    ("抽取", "Drawn"),
];

/// 定向 or 不定向.
pub fn task_type(lang: Lang, task: &TaskRecord) -> &'static str {
    if task.frame.filter.is_empty() {
        lang.pick("不定向", "undirected")
    } else {
        lang.pick("定向", "directed")
    }
}

/// Escapes a table cell for Markdown.
/// A CSV cell for people (a notice opened in Excel or WPS): a value starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be read as a formula (CSV formula injection), so
/// it gets a leading `'`, which spreadsheets show as text. Machine-readable files (the kit's
/// tables, the exclusions) keep exact values and never go through this.
pub fn people_csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// [`people_csv_cell`] undone for a spreadsheet cell written as text (an .xlsx string cell is
/// never a formula, so the guard is not needed there).
pub fn from_people_csv_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

pub(crate) fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

/// Escapes text for HTML.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a line and turns its `code` spans into `<code>`.
pub(crate) fn esc_code(s: &str) -> String {
    esc(s)
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{part}</code>")
            } else {
                part.to_owned()
            }
        })
        .collect()
}

pub(crate) const STYLE: &str = "body{font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}\
main{max-width:60rem;margin:0 auto;padding:1rem}\
h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #b22;padding-bottom:.2rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top}\
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}\
code{font-size:.8rem;word-break:break-all}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#555}dd{margin:0}\
.scroll{overflow-x:auto}svg{max-width:100%;height:auto}.warn{color:#a40}\
@media print{main{max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";
