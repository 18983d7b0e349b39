//! A notice as Markdown: the title, then each block with a blank line before it. Table cells
//! are escaped (`|`, `\`); a chart is left out, its table is beside it.

use super::model::{Block, CellKind, Notice, Rich, Table};

impl Notice {
    /// The notice as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n", self.title);
        blocks(&mut out, &self.body, 2);
        out
    }
}

/// Blocks, each after a blank line; `level` is the depth of a section's heading.
fn blocks(out: &mut String, blocks: &[Block], level: usize) {
    for b in blocks {
        if matches!(b, Block::Chart(_)) {
            continue;
        }
        out.push('\n');
        block(out, b, level);
    }
}

fn block(out: &mut String, b: &Block, level: usize) {
    match b {
        Block::Paragraph(p) => {
            rich(out, &p.text);
            out.push('\n');
        }
        Block::Facts(facts) => {
            for f in facts {
                out.push_str("- ");
                out.push_str(&f.term);
                out.push_str(": ");
                rich(out, &f.value);
                out.push('\n');
            }
        }
        Block::List(list) => {
            for item in &list.items {
                out.push_str("- ");
                rich(out, item);
                out.push('\n');
            }
        }
        Block::Table(t) => table(out, t),
        Block::Commands(commands) => {
            out.push_str("```sh\n");
            out.push_str(commands);
            out.push_str("\n```\n");
        }
        Block::Chart(_) => {}
        Block::Signature(sig) => {
            // Right-aligned where Markdown can say so (HTML in Markdown is not escaped by
            // every renderer alike): two lines, each ending in a hard break.
            for line in [&sig.authority, &sig.date] {
                if !line.is_empty() {
                    out.push_str(line);
                    out.push_str("  \n");
                }
            }
        }
        Block::Section(s) => {
            out.push_str(&"#".repeat(level));
            out.push(' ');
            out.push_str(&s.heading);
            out.push('\n');
            blocks(out, &s.blocks, level + 1);
        }
    }
}

/// Text with its code spans in backticks.
fn rich(out: &mut String, text: &Rich) {
    for span in &text.0 {
        if span.code {
            out.push('`');
            out.push_str(&span.text);
            out.push('`');
        } else {
            out.push_str(&span.text);
        }
    }
}

fn table(out: &mut String, t: &Table) {
    let headings: Vec<String> = t.columns.iter().map(|c| cell(&c.heading)).collect();
    out.push_str("| ");
    out.push_str(&headings.join(" | "));
    out.push_str(" |\n|");
    for c in &t.columns {
        out.push_str(match c.kind {
            CellKind::Number => "---:|",
            CellKind::Text
            | CellKind::Code
            | CellKind::Digest
            | CellKind::Date
            | CellKind::People => "---|",
        });
    }
    out.push('\n');
    for row in &t.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .zip(&t.columns)
            .map(|(value, column)| match column.kind {
                CellKind::Code | CellKind::Digest if !value.is_empty() => {
                    format!("`{}`", cell(value))
                }
                _ => cell(value),
            })
            .collect();
        out.push_str("| ");
        out.push_str(&cells.join(" | "));
        out.push_str(" |\n");
    }
}

/// Escapes a table cell for Markdown.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::super::model::fixtures::hostile;

    #[test]
    fn cells_are_escaped_and_charts_left_out() {
        let md = hostile().markdown();
        assert!(
            md.contains("| 1 | <script>alert('x')</script> & \"q\" \\| a\\\\b `c` | `"),
            "{md}"
        );
        assert!(md.contains("|---:|---|---|\n"), "{md}");
        assert!(
            md.contains("\n## <script>") && md.contains("```sh\n"),
            "{md}"
        );
        // The value is in 13 places outside the chart, and in none of the chart's 3 (its
        // title, legend and bar): its table is beside it.
        assert_eq!(md.matches("<script>").count(), 13, "{md}");
        assert!(md.ends_with("```\n"), "{md}");
    }
}
