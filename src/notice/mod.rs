//! Public notices (一公开): the draw notice (抽查任务公告) and the result notice
//! (抽查结果公告), as self-contained HTML, Markdown and CSV. Nothing here reads files or
//! prints.
//!
//! - `draw.rs`: the notice of a draw — plan, seed provenance, digests, strata, teams, how to
//!   verify;
//! - `results.rs`: the result notice in the national platform's columns.

mod draw;
mod results;

pub use draw::{OfficerDisplay, draw_csv, draw_html, draw_markdown};
pub use results::{results_csv, results_html, results_markdown};

use crate::record::TaskRecord;

/// The language of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 中文 (the default).
    Zh,
    /// English.
    En,
}

impl Lang {
    pub(crate) fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// 定向 or 不定向.
pub fn task_type(lang: Lang, task: &TaskRecord) -> &'static str {
    if task.frame.filter.is_empty() {
        lang.t("不定向", "undirected")
    } else {
        lang.t("定向", "directed")
    }
}

/// Escapes a table cell for Markdown.
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
