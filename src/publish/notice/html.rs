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
            table class=[t.hooks.class] {
                tr {
                    @for c in &t.columns {
                        th { (c.heading) }
                    }
                }
                "\n"
                @for row in &t.rows {
                    (tr(&row.hooks, t, &row.cells))
                    "\n"
                }
            }
        }
    }
}

fn tr(h: &Hooks, t: &Table, cells: &[String]) -> Markup {
    html! {
        tr class=[h.class] data-frame=[h.data(Data::Frame)] data-drawn=[h.data(Data::Drawn)]
            data-target=[h.data(Data::Target)] data-entity=[h.data(Data::Entity)] {
            @for (column, value) in t.columns.iter().zip(cells) {
                @match column.kind {
                    CellKind::Number => {
                        td.n { (value) }
                    }
                    CellKind::Code => {
                        td {
                            @if !value.is_empty() {
                                code { (value) }
                            }
                        }
                    }
                    CellKind::Text => {
                        td { (value) }
                    }
                }
            }
        }
    }
}

/// A bar chart of frame against drawn, per stratum, as inline SVG.
#[allow(clippy::cast_precision_loss)] // pixel widths: counts far below 2^52 anyway
fn chart(c: &Chart) -> Markup {
    let max = c.bars.iter().map(|b| b.frame).max().unwrap_or(0).max(1) as f64;
    let (label_w, bar_w, row_h) = (120.0_f64, 360.0_f64, 26.0_f64);
    let height = row_h * c.bars.len() as f64 + 24.0;
    let width = label_w + bar_w + 110.0;
    html! {
        svg class="chart" role="img" viewBox=(format!("0 0 {width} {height}"))
            width=(width.to_string()) height=(height.to_string())
            xmlns="http://www.w3.org/2000/svg" {
            title { (c.title) }
            @for (i, bar) in c.bars.iter().enumerate() {
                @let y = row_h * i as f64;
                @let ty = (y + 13.0).to_string();
                @let fw = bar_w * bar.frame as f64 / max;
                @let dw = if bar.drawn > 0 { (bar_w * bar.drawn as f64 / max).max(2.0) } else { 0.0 };
                text x="0" y=(ty) font-size="12" { (bar.label) }
                rect x=(label_w.to_string()) y=(y.to_string()) width=(format!("{fw:.1}"))
                    height="18" fill="#d9e3f0" {}
                rect x=(label_w.to_string()) y=(y.to_string()) width=(format!("{dw:.1}"))
                    height="18" fill="#b22" {}
                text x=(format!("{:.1}", label_w + fw + 6.0)) y=(ty) font-size="12" {
                    (bar.drawn) " / " (bar.frame)
                }
            }
            text x=(label_w.to_string()) y=((height - 4.0).to_string()) font-size="11" fill="#555" {
                (c.legend)
            }
        }
    }
}

/// The page's style: inline, so that nothing is fetched.
const STYLE: &str = "body{font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}\
main{max-width:60rem;margin:0 auto;padding:1rem}\
h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:2px solid #b22;padding-bottom:.2rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top}\
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}\
code{font-size:.8rem;word-break:break-all}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#555}dd{margin:0}\
.scroll{overflow-x:auto}svg{max-width:100%;height:auto}.warn{color:#a40}\
@media print{main{max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}";

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
        assert!(html.contains("<svg class=\"chart\"") && html.contains("<td></td>"));
        assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
        assert!(html.ends_with("</main></body></html>\n"));
    }
}
