//! A task sheet read as Excel shows it (an `.xlsx`; a CSV holds what was shown): a merged
//! cell's value in every row it covers, and a number as its format shows it.
//!
//! Excel keeps a merged range's value in its first (top left) cell and shows it over the
//! whole range. So:
//!
//! - a range down a column of the rows (每组人数 merged over three tasks) gives its value to
//!   every row it covers, noted in the plan (`# 每组人数：任务表 J3:J5 为合并单元格，取其值`); a
//!   row that holds nothing else is not a task, as an empty row is not;
//! - a range across columns gives its value to its first column; when it covers two columns
//!   read, its value cannot be told apart, and it is refused;
//! - a range from the header down into the rows is refused for a column read (the rows below
//!   the header have no value of their own there); a header across columns, for a value
//!   written under it in another column than the header's own;
//! - ranges above the header (a title) and in columns not read are not read.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, ErrorKind, Result, column_letters};
use crate::inputs::grid::Grid;

use super::cells::{Number, blank};
use super::columns::Header;

/// A merged range: its first and last cells, (row, column of the sheet from 0).
type Range = ((u64, u64), (u64, u64));

/// What the grid's cells show beyond their text, by (line, column of the grid).
#[derive(Debug, Default)]
pub(crate) struct Shown {
    ranges: Vec<Range>,
    /// The cells a merged range's value is in, with the range's index in `ranges`.
    merged: HashMap<(u64, usize), usize>,
    numbers: HashMap<(u64, usize), Number>,
}

impl Shown {
    /// The merged range a cell's value is from (`J3:J5`), and whether the cell is its first
    /// row's (where the sheet holds the value).
    pub(crate) fn merged(&self, line: u64, col: usize) -> Option<(String, bool)> {
        let &i = self.merged.get(&(line, col))?;
        let range = self.ranges[i];
        Some((range_name(range), line == range.0.0))
    }

    /// How the sheet shows a cell's number.
    pub(crate) fn number(&self, line: u64, col: usize) -> Number {
        self.numbers
            .get(&(line, col))
            .copied()
            .unwrap_or(Number::Plain)
    }
}

/// A range as Excel names it: `J3:J5`.
fn range_name(((r1, c1), (r2, c2)): Range) -> String {
    format!(
        "{}{r1}:{}{r2}",
        column_letters(c1 + 1),
        column_letters(c2 + 1)
    )
}

/// The grid's cells as Excel shows them, from the worksheet's layout (taken from the grid):
/// each merged range's value in the rows it covers; and the problems of the ranges that
/// cannot be read (see the module). Ranges that overlap (a damaged workbook: Excel repairs
/// it) are an error.
pub(crate) fn show(grid: &mut Grid, head: &Header) -> Result<(Shown, Vec<Error>)> {
    let layout = std::mem::take(&mut grid.layout);
    let offset = grid.column_offset;
    let width = grid.header.len() as u64;
    // A column of the sheet as the grid's, when the grid has it.
    let col_of = |c: u64| {
        c.checked_sub(offset)
            .filter(|&c| c < width)
            .map(|c| c as usize)
    };
    let mut shown = Shown::default();
    for (cells, number) in [
        (&layout.percent, Number::Percent),
        (&layout.percent_sign, Number::PercentSign),
    ] {
        for &(line, c) in cells {
            if let Some(c) = col_of(c) {
                shown.numbers.insert((line, c), number);
            }
        }
    }
    let lines: Vec<u64> = grid.rows.iter().map(|(l, _)| *l).collect();
    // The grid's rows from line `from` to line `to`.
    let rows = |from: u64, to: u64| {
        lines.partition_point(|&l| l < from)..lines.partition_point(|&l| l <= to)
    };
    let header_of = |c: usize| {
        head.cols
            .iter()
            .find(|(_, i, _)| *i == c)
            .map(|(_, _, h)| h.clone())
    };
    // The columns read, in order: the first after `c`, up to `last`.
    let mut read: Vec<usize> = head.cols.iter().map(|(_, i, _)| *i).collect();
    read.sort_unstable();
    let read_after = |c: usize, last: usize| {
        read.get(read.partition_point(|&r| r <= c))
            .copied()
            .filter(|&r| r <= last)
    };
    let mut problems = Vec::new();
    // Each cell a range has been read over: a cell met twice is in two ranges.
    let mut covered: HashSet<(u64, usize)> = HashSet::new();
    for &range in &layout.merged {
        let ((r1, c1), (r2, c2)) = range;
        // Above the header (a title), or in a column the grid does not have (no value).
        let Some(first) = col_of(c1).filter(|_| r2 >= grid.header_at) else {
            continue;
        };
        // Its value is in a column not read: nothing is read from it.
        let Some(column) = header_of(first) else {
            continue;
        };
        let last = col_of(c2).unwrap_or(width as usize - 1);
        let at = grid.at(r1, Some(first));
        let data = rows(r1.max(grid.header_at + 1), r2);
        if r1 <= grid.header_at {
            if let Some(&line) = lines.get(data.start).filter(|_| !data.is_empty()) {
                cover(&mut covered, (grid.header_at, first), range, grid)?;
                problems.push(
                    Error::with_id(ErrorKind::BadValue, "plan-sheet-merged-header")
                        .at(at)
                        .arg("column", column)
                        .arg("range", range_name(range))
                        .arg("row", line),
                );
                continue;
            }
            // The header across columns: a value under it in another column is not the
            // header's.
            for c in first..=last {
                cover(&mut covered, (grid.header_at, c), range, grid)?;
            }
            // (A column with a header of its own is not under it.)
            let under: Vec<usize> = (first + 1..=last)
                .filter(|&c| grid.header[c].trim().is_empty())
                .collect();
            let under = grid.rows.iter().find_map(|(line, cells)| {
                under
                    .iter()
                    .find(|&&c| cells.get(c).is_some_and(|v| !blank(v)))
                    .map(|&c| (*line, c, cells[c].clone()))
            });
            if let Some((line, c, value)) = under {
                problems.push(
                    Error::with_id(ErrorKind::BadValue, "plan-sheet-merged-header-across")
                        .at(grid.at(line, Some(c)))
                        .arg("column", column)
                        .arg("range", range_name(range))
                        .arg("value", value),
                );
            }
            continue;
        }
        // Among the rows: the value of its first cell, in its first row.
        let Ok(top) = lines.binary_search(&r1) else {
            continue;
        };
        cover(&mut covered, (r1, first), range, grid)?;
        let value = grid.rows[top].1.get(first).cloned().unwrap_or_default();
        let other = read_after(first, last).and_then(header_of);
        if let Some(other) = other.filter(|_| !blank(&value)) {
            problems.push(
                Error::with_id(ErrorKind::BadValue, "plan-sheet-merged-across")
                    .at(at)
                    .arg("column", column)
                    .arg("other", other)
                    .arg("range", range_name(range))
                    .arg("value", value),
            );
            continue;
        }
        if r2 == r1 {
            // Across one row only: its value is the row's own.
            continue;
        }
        let number = shown.number(r1, first);
        let index = shown.ranges.len();
        shown.ranges.push(range);
        for i in data {
            let line = lines[i];
            if line != r1 {
                cover(&mut covered, (line, first), range, grid)?;
            }
            if let Some(cell) = grid.rows[i].1.get_mut(first) {
                cell.clone_from(&value);
            }
            shown.merged.insert((line, first), index);
            if number == Number::Plain {
                shown.numbers.remove(&(line, first));
            } else {
                shown.numbers.insert((line, first), number);
            }
        }
    }
    Ok((shown, problems))
}

/// Marks a cell as read over by `range`: an error when another range has been.
fn cover(
    covered: &mut HashSet<(u64, usize)>,
    (line, c): (u64, usize),
    range: Range,
    grid: &Grid,
) -> Result<()> {
    if covered.insert((line, c)) {
        Ok(())
    } else {
        Err(Error::with_id(ErrorKind::Xlsx, "plan-sheet-merged-overlap")
            .at(grid.at(line, Some(c)))
            .arg("range", range_name(range)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use crate::inputs::grid::{Layout, Style};

    /// A grid from B2 (its columns the sheet's less one), the header on row 2: B 任务编号,
    /// C 任务名称, D 抽查比例, E 抽查数量, F 每组人数, G (no header), H 备注.
    fn grid(rows: &[(u64, &[&str])], layout: Layout) -> Grid {
        let cells = |r: &[&str]| r.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
        let header = cells(&[
            "任务编号",
            "任务名称",
            "抽查比例",
            "抽查数量",
            "每组人数",
            "",
            "备注",
        ]);
        let mut g = Grid::new("t.xlsx", Style::Cells("任务".into()), header, 2);
        g.column_offset = 1;
        g.rows = rows.iter().map(|(l, r)| (*l, cells(r))).collect();
        g.layout = layout;
        g
    }

    fn merged(ranges: &[&str]) -> Layout {
        let cell = |s: &str| {
            let letters = s.trim_end_matches(|c: char| c.is_ascii_digit());
            let col = letters
                .bytes()
                .fold(0, |n, b| n * 26 + u64::from(b - b'A') + 1);
            (s[letters.len()..].parse::<u64>().unwrap(), col - 1)
        };
        Layout {
            merged: ranges
                .iter()
                .map(|r| {
                    let (a, b) = r.split_once(':').unwrap();
                    (cell(a), cell(b))
                })
                .collect(),
            ..Layout::default()
        }
    }

    fn head(g: &Grid) -> Header {
        Header::resolve(&g.header, &|_| Location::file("t.xlsx")).unwrap()
    }

    const ROWS: &[(u64, &[&str])] = &[
        (3, &["T1", "甲", "3%", "", "3", "", "x"]),
        (4, &["T2", "乙", "", "", "", "y", ""]),
        (5, &["T3", "丙", "", "40", "", "", ""]),
        (7, &["", "", "", "", "", "", "说明"]),
    ];

    #[test]
    fn a_range_down_the_rows_fills_them() {
        // 每组人数 (F) over rows 3 to 5, the blank row 6 and the note's row 7; 抽查比例 (D)
        // over 3 and 4, its number shown as a percentage; a title; 备注 (H), not read.
        let mut layout = merged(&["F3:F7", "D3:D4", "A1:H1", "H3:H5"]);
        layout.percent.push((3, 3));
        let mut g = grid(ROWS, layout);
        let h = head(&g);
        let (shown, problems) = show(&mut g, &h).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let column = |c: usize| {
            g.rows
                .iter()
                .map(|(_, r)| r[c].as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(column(4), ["3", "3", "3", "3"]);
        assert_eq!(column(2), ["3%", "3%", "", ""]);
        assert_eq!(column(6), ["x", "", "", "说明"]);
        assert_eq!(shown.merged(3, 4), Some(("F3:F7".into(), true)));
        assert_eq!(shown.merged(4, 4), Some(("F3:F7".into(), false)));
        assert_eq!(shown.merged(7, 4), Some(("F3:F7".into(), false)));
        assert_eq!(shown.merged(5, 2), None);
        assert_eq!(shown.number(4, 2), Number::Percent);
        assert_eq!(shown.number(5, 2), Number::Plain);
    }

    #[test]
    fn ranges_that_cannot_be_read_are_refused() {
        let problems = |ranges: &[&str]| {
            let mut g = grid(ROWS, merged(ranges));
            let h = head(&g);
            show(&mut g, &h)
                .map(|(_, p)| {
                    p.iter()
                        .map(|e| format!("{} {}", e.message_id(), e.location().unwrap()))
                        .collect::<Vec<_>>()
                })
                .map_err(|e| e.message_id())
        };
        // 抽查比例 and 抽查数量 in one: which column's is it?
        assert_eq!(
            problems(&["D3:E3"]),
            Ok(vec!["plan-sheet-merged-across t.xlsx:任务!D3".to_owned()])
        );
        // Across into a column not read, or with nothing in it: the first column's.
        assert_eq!(problems(&["F3:G3", "D4:E4"]), Ok(vec![]));
        // The header merged down into the rows.
        assert_eq!(
            problems(&["F2:F4"]),
            Ok(vec!["plan-sheet-merged-header t.xlsx:任务!F2".to_owned()])
        );
        // A title merged down into the header only, and a range over blank rows.
        assert_eq!(problems(&["B1:B2", "B8:B9"]), Ok(vec![]));
        // A header across two columns, a value under the second; not over one with a
        // header of its own.
        assert_eq!(
            problems(&["F2:G2"]),
            Ok(vec![
                "plan-sheet-merged-header-across t.xlsx:任务!G4".to_owned()
            ])
        );
        assert_eq!(problems(&["E2:F2"]), Ok(vec![]));
        // Ranges that overlap.
        assert_eq!(
            problems(&["F3:F5", "F4:F4"]),
            Err("plan-sheet-merged-overlap")
        );
    }
}
