//! A notice as one self-contained HTML page, through `maud` templates: every value is escaped
//! by the template (record values are untrusted text). No scripts, fonts, images or links to
//! load; readable on a phone and printable. Counts and ids carry `data-*` attributes (the
//! model's [`Hooks`]) so that a test can compare what a browser renders with the record.

use maud::{Markup, PreEscaped, html};

use super::model::{Block, CellKind, Chart, Data, Hooks, Notice, Rich, Section, Table};
use crate::messages::Lang;

impl Notice {
    /// The notice as one self-contained HTML page.
    pub fn html(&self) -> String {
        let lang = match self.lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        let page = html! {
            (PreEscaped("<!doctype html>\n"))
            html lang=(lang) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (self.title) }
                    style { (PreEscaped(STYLE)) }
                }
                "\n"
                body {
                    main {
                        "\n"
                        h1 { (self.title) }
                        "\n"
                        @for b in &self.body {
                            (block(b, 2))
                            "\n"
                        }
                    }
                }
            }
        };
        let mut out = page.into_string();
        out.push('\n');
        out
    }
}

/// A block; `level` is the rank of a section's heading (`h2`, `h3`).
fn block(b: &Block, level: usize) -> Markup {
    match b {
        Block::Paragraph(p) => html! {
            p class=[p.hooks.class] id=[p.hooks.id.as_deref()] { (rich(&p.text)) }
        },
        Block::Facts(facts) => html! {
            dl {
                @for f in facts {
                    dt { (f.term) }
                    dd class=[f.hooks.class] { (rich(&f.value)) }
                }
            }
        },
        Block::List(list) => html! {
            ul {
                "\n"
                @for item in &list.items {
                    li class=[list.item_hooks.class] { (rich(item)) }
                    "\n"
                }
            }
        },
        Block::Table(t) => table(t),
        Block::Commands(commands) => html! { pre { code { (commands) } } },
        Block::Chart(c) => chart(c),
        Block::Section(s) => section(s, level),
        Block::Signature(sig) => html! {
            div.signature {
                @if !sig.authority.is_empty() {
                    p { (sig.authority) }
                }
                @if !sig.date.is_empty() {
                    p { (sig.date) }
                }
            }
        },
    }
}

fn section(s: &Section, level: usize) -> Markup {
    let h = &s.hooks;
    html! {
        section class=[h.class] id=[h.id.as_deref()] data-task=[h.data(Data::Task)]
            data-frame=[h.data(Data::Frame)] data-drawn=[h.data(Data::Drawn)]
            data-results=[h.data(Data::Results)] {
            @if level <= 2 {
                h2 { (s.heading) }
            } @else {
                h3 { (s.heading) }
            }
            @for (i, b) in s.blocks.iter().enumerate() {
                @if i > 0 {
                    "\n"
                }
                (block(b, level + 1))
            }
        }
    }
}

/// Text with its code spans as `<code>`.
fn rich(text: &Rich) -> Markup {
    html! {
        @for span in &text.0 {
            @if span.code {
                code { (span.text) }
            } @else {
                (span.text)
            }
        }
    }
}

fn table(t: &Table) -> Markup {
    html! {
        div.scroll {
            table class=[table_class(t)] {
                thead {
                    tr {
                        @for c in &t.columns {
                            th { (c.heading) }
                        }
                    }
                }
                "\n"
                tbody {
                    @for row in &t.rows {
                        (tr(&row.hooks, t, &row.cells))
                        "\n"
                    }
                }
            }
        }
    }
}

/// The classes of a table: its hook's, and `cards` for the tables a phone shows as cards
/// (a row per entity or task, too many columns for its width).
fn table_class(t: &Table) -> Option<String> {
    let class = t.hooks.class?;
    Some(if CARDS.contains(&class) {
        format!("{class} cards")
    } else {
        class.to_owned()
    })
}

/// The tables shown as cards at phone width.
const CARDS: &[&str] = &["selected", "results", "tasks"];

/// A row. Each cell carries its column's heading (`data-label`): at phone width a row is a
/// card, each cell a line led by its heading.
fn tr(h: &Hooks, t: &Table, cells: &[String]) -> Markup {
    html! {
        tr class=[h.class] data-frame=[h.data(Data::Frame)] data-drawn=[h.data(Data::Drawn)]
            data-target=[h.data(Data::Target)] data-entity=[h.data(Data::Entity)]
            data-results=[h.data(Data::Results)] {
            @for (column, value) in t.columns.iter().zip(cells) {
                @let label = column.heading.as_str();
                @match column.kind {
                    CellKind::Number => {
                        td.n data-label=(label) { (value) }
                    }
                    CellKind::Code | CellKind::Digest => {
                        td data-label=(label) {
                            @if !value.is_empty() {
                                code class=[(column.kind == CellKind::Digest).then_some("digest")] {
                                    (value)
                                }
                            }
                        }
                    }
                    CellKind::Date => {
                        td.date data-label=(label) { (value) }
                    }
                    CellKind::People => {
                        td.people data-label=(label) { (value) }
                    }
                    CellKind::Text => {
                        td data-label=(label) { (value) }
                    }
                }
            }
        }
    }
}

/// A bar chart of frame against drawn, per stratum, in HTML: its labels are text at the
/// page's size (an SVG scaled to a phone's width shrank them to 6 px), each bar as wide as its
/// frame is against the largest, the drawn part red within it.
#[allow(clippy::cast_precision_loss)] // percentages: counts far below 2^52 anyway
fn chart(c: &Chart) -> Markup {
    let max = c.bars.iter().map(|b| b.frame).max().unwrap_or(0).max(1) as f64;
    html! {
        figure.chart role="img" aria-label=(c.title) {
            figcaption { (c.title) }
            @for bar in &c.bars {
                @let frame = 100.0 * bar.frame as f64 / max;
                @let drawn = if bar.frame > 0 { 100.0 * bar.drawn as f64 / bar.frame as f64 } else { 0.0 };
                div.bar {
                    span.label { (bar.label) }
                    span.track {
                        span.bar-frame style=(format!("width:{frame:.1}%")) {
                            span.bar-drawn style=(format!("width:{drawn:.1}%")) {}
                        }
                    }
                    span.count { (bar.drawn) " / " (bar.frame) }
                }
            }
            p.legend { (c.legend) }
        }
    }
}

/// The page's style: inline, so that nothing is fetched. On screen a column of at most 60rem;
/// at phone width (≤ 600 px) the tables of entities and tasks (`table.cards`) become cards, a
/// row each, every cell led by its heading, an empty cell left out. Printed: A4 with margins
/// of 18 and 15 mm, table headings repeated on every page, rows whole, headings kept with
/// what follows and the signature with what precedes, headings and entities' names not split
/// (the second column of the tables of entities), the annex on a page of its own. Identifiers never split (`code`), digests split anywhere
/// (`code.digest`), names of people only between names (`td.people`).
const STYLE: &str = "body{font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.6}\
main{max-width:60rem;margin:0 auto;padding:1rem}\
h1{font-size:1.5rem;text-align:center;margin:.5rem 0 1.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #b22;padding-bottom:.2rem}h3{font-size:1.05rem}\
p.lead{text-indent:2em}p.contact{text-indent:2em}p,li,dd{overflow-wrap:anywhere}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top}\
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}td.date{white-space:nowrap}td.people{word-break:keep-all}\
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;white-space:nowrap}code.digest,li code,p code,dd code{white-space:normal;word-break:break-all}pre code{white-space:inherit}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#555}dd{margin:0}\
.scroll{overflow-x:auto}.warn{color:#a40}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.5rem}\
figure.chart{margin:.5rem 0 1rem}figcaption{font-weight:600;margin-bottom:.3rem}\
.bar{display:grid;grid-template-columns:minmax(4rem,10rem) 1fr max-content;gap:.5rem;align-items:center;margin:.15rem 0}\
.track{display:block;height:1rem}.bar-frame{display:block;height:100%;background:#d9e3f0;min-width:1px}.bar-drawn{display:block;height:100%;background:#b22}\
.bar .count{font-variant-numeric:tabular-nums}.legend{font-size:.85rem;color:#555;margin:.2rem 0}\
.signature{text-align:right;margin:2.5rem 0 2rem;break-inside:avoid}.signature p{margin:.2rem 0}\
section.appendix{margin-top:3rem}\
@media (max-width:600px){main{padding:.75rem}h1{font-size:1.3rem}dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}\
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:auto}\
table.cards thead{display:none}table.cards tr{border:1px solid #ccc;border-radius:.4rem;margin:.6rem 0;padding:.3rem .5rem}\
table.cards td{border:0;padding:.15rem 0;text-align:left}table.cards td:empty{display:none}table.cards td::before{content:attr(data-label) '：';color:#555}\
table.cards{border:0}.bar{grid-template-columns:minmax(3rem,6rem) 1fr max-content}}\
@page{size:A4;margin:18mm 15mm}\
@media print{main{max-width:none;padding:0}body{font-size:10.5pt}table{font-size:9.5pt}h2,h3{break-after:avoid}\
thead{display:table-header-group}tr,figure,dl{break-inside:avoid}.scroll{overflow:visible}\
table.selected th,table.results th,table.selected td:nth-child(2),table.results td:nth-child(2){word-break:keep-all}\
.signature{break-before:avoid}section.appendix{break-before:page}}";

#[cfg(test)]
mod tests {
    use super::super::model::fixtures::hostile;

    #[test]
    fn every_value_is_escaped_in_text_and_attributes() {
        let html = hostile().html();
        assert!(
            !html.contains("<script>") && !html.contains("\"q\""),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;q&quot;"));
        // Attributes stay within their quotes.
        assert!(
            html.contains(
                "data-target=\"&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;q&quot;"
            )
        );
        // Backticks in a value are text, not code marks; code spans are <code>.
        assert!(html.contains("a\\b `c`<code>&lt;script&gt;"), "{html}");
        // The chart is drawn; an empty code cell has no <code>.
        assert!(
            html.contains("<figure class=\"chart\"")
                && html.contains("<td data-label=\"Code\"></td>"),
            "{html}"
        );
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(html.ends_with("</main></body></html>\n"));
    }
}
