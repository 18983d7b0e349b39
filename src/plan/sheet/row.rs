//! A row of a task sheet read as a task, every problem located at its cell.

use crate::base::normalize;
use crate::error::{Error, ErrorKind};
use crate::inputs::grid::Grid;
use crate::plan::model::{MAX_TEAM_SIZE, MIN_TEAM_SIZE};

use super::cells::{self, Refusal};
use super::columns::{Col, Header};
use super::layout::Shown;
use super::model::{Allocation, MergedValue, SheetQuota, SheetTask};

/// The largest count a plan takes (SPEC.md §4.1).
const MAX_COUNT: u64 = 1_000_000_000;

/// A row of the sheet, being read.
pub(super) struct Row<'a> {
    pub(super) head: &'a Header,
    pub(super) grid: &'a Grid,
    pub(super) shown: &'a Shown,
    pub(super) line: u64,
    pub(super) cells: &'a [String],
}

impl Row<'_> {
    /// The text of a column's cell, normalised; `None` when the sheet has no such column.
    fn cell(&self, col: Col) -> Option<String> {
        let (i, _) = self.head.get(col)?;
        Some(normalize::text(
            self.cells.get(i).map_or("", String::as_str),
        ))
    }

    /// A column's cell unless it says nothing ([`cells::blank`]).
    fn given(&self, col: Col) -> Option<String> {
        self.cell(col).filter(|v| !cells::blank(v))
    }

    /// The merged range a column's value is from (`J3:J5`), and whether this row is its
    /// first (where the sheet holds the value).
    fn merged(&self, col: Col) -> Option<(String, bool)> {
        let (i, _) = self.head.get(col)?;
        self.shown.merged(self.line, i)
    }

    /// A column's value as its row's own: given, and not a merged range's from a row above.
    fn own(&self, col: Col) -> bool {
        self.given(col).is_some() && self.merged(col).is_none_or(|(_, first)| first)
    }

    /// An error of `kind` at a column's cell (the row when the sheet lacks the column),
    /// naming the column by the sheet's own header.
    pub(super) fn error(&self, kind: ErrorKind, id: &'static str, col: Col) -> Error {
        let (column, header) = self.head.get(col).map_or((None, ""), |(i, h)| (Some(i), h));
        Error::with_id(kind, id)
            .at(self.grid.at(self.line, column))
            .arg("column", header.to_owned())
    }

    /// How the sheet shows a column's number.
    fn number(&self, col: Col) -> cells::Number {
        self.head.get(col).map_or(cells::Number::Plain, |(i, _)| {
            self.shown.number(self.line, i)
        })
    }

    /// A value at a column's cell that is not what the column takes.
    fn bad(&self, id: &'static str, col: Col, value: &str) -> Error {
        self.error(ErrorKind::BadValue, id, col)
            .arg("value", value.to_owned())
    }

    /// The row read as a task; `None` when none of the columns read says anything of its
    /// own (a row a template numbered in advance, a row a merged cell runs over); every
    /// problem of the row otherwise.
    pub(super) fn task(&self) -> std::result::Result<Option<SheetTask>, Vec<Error>> {
        if !self.head.cols.iter().any(|(c, ..)| self.own(*c)) {
            return Ok(None);
        }
        let mut problems = Vec::new();
        let mut text = |col: Col, read: fn(&str) -> String| -> String {
            let v = self.given(col).map_or_else(String::new, |v| read(&v));
            if let Some(c) = normalize::first_control(&v) {
                problems.push(
                    self.error(ErrorKind::ControlCharacter, "plan-sheet-control", col)
                        .arg("code", format!("{:04X}", c as u32)),
                );
            }
            v
        };
        let id = text(Col::Id, cells::one_line);
        let name = text(Col::Name, cells::one_line);
        let basis = text(Col::Basis, cells::joined);
        for (col, v) in [(Col::Id, &id), (Col::Name, &name)] {
            if v.is_empty() {
                problems.push(self.error(ErrorKind::EmptyField, "plan-sheet-empty", col));
            }
        }
        let list = |col: Col, read: fn(&str) -> Vec<String>| {
            self.given(col).map_or_else(Vec::new, |v| read(&v))
        };
        let items = list(Col::Items, cells::items);
        let strata = list(Col::Strata, cells::strata);
        let departments = list(Col::Department, cells::names);
        for (col, values) in [
            (Col::Items, &items),
            (Col::Strata, &strata),
            (Col::Department, &departments),
        ] {
            if let Some(c) = values.iter().find_map(|v| normalize::first_control(v)) {
                problems.push(
                    self.error(ErrorKind::ControlCharacter, "plan-sheet-control", col)
                        .arg("code", format!("{:04X}", c as u32)),
                );
            }
        }
        for col in [Col::Filter, Col::Kind] {
            let Some(v) = self.given(col) else { continue };
            let message = match col {
                Col::Filter => "plan-sheet-filter",
                _ if cells::directed(&v) => "plan-sheet-directed",
                _ => continue,
            };
            problems.push(
                self.bad(message, col, &v)
                    .arg("task", task_or_row(&id, self.line)),
            );
        }
        let quota = self.quota(&mut problems);
        let allocation = self.allocation(quota.as_ref(), &strata, &mut problems);
        let team_size = self.given(Col::TeamSize).and_then(|v| {
            let n = cells::whole(&v, &['人', '名'])
                .filter(|n| (MIN_TEAM_SIZE..=MAX_TEAM_SIZE).contains(n));
            if n.is_none() {
                problems.push(self.bad("plan-sheet-bad-team-size", Col::TeamSize, &v));
            }
            n
        });
        let merged = self
            .head
            .cols
            .iter()
            .filter(|(c, ..)| self.given(*c).is_some())
            .filter_map(|(c, _, header)| {
                let (range, _) = self.merged(*c)?;
                Some(MergedValue {
                    column: header.clone(),
                    range,
                    col: *c,
                })
            })
            .collect();
        match quota {
            Some(quota) if problems.is_empty() => Ok(Some(SheetTask {
                at: self.grid.at(self.line, None),
                id,
                name,
                items,
                basis,
                quota,
                strata,
                allocation,
                team_size,
                departments,
                merged,
            })),
            _ => Err(problems),
        }
    }

    /// 抽查比例 or 抽查数量: exactly one of them.
    fn quota(&self, problems: &mut Vec<Error>) -> Option<SheetQuota> {
        let ratio = self.given(Col::Ratio);
        let count = self.given(Col::Count);
        match (ratio, count) {
            (Some(r), Some(c)) => {
                let ratio_header = self.head.get(Col::Ratio).map_or("", |(_, h)| h);
                // A percent cell as the sheet shows it (3%, not the 0.03 it holds).
                let shown = cells::ratio(&r, self.number(Col::Ratio))
                    .map_or(r, |(ratio, _)| ratio.to_string());
                problems.push(
                    self.bad("plan-sheet-ratio-and-count", Col::Count, &c)
                        .arg("ratio_column", ratio_header.to_owned())
                        .arg("ratio", shown),
                );
                None
            }
            (None, None) => {
                let col = if self.head.get(Col::Ratio).is_some() {
                    Col::Ratio
                } else {
                    Col::Count
                };
                problems.push(self.error(ErrorKind::BadValue, "plan-sheet-no-quota", col));
                None
            }
            (Some(r), None) => match cells::ratio(&r, self.number(Col::Ratio)) {
                Ok((ratio, number)) => Some(SheetQuota::Ratio { ratio, number }),
                Err(Refusal::Bad(shown)) => {
                    problems.push(self.bad("plan-sheet-bad-ratio", Col::Ratio, &shown));
                    None
                }
                Err(Refusal::NoPercent { percent, fraction }) => {
                    let e = match fraction {
                        Some(fraction) => self
                            .bad("plan-sheet-ratio-no-percent", Col::Ratio, &r)
                            .arg("fraction", fraction),
                        None => self.bad("plan-sheet-ratio-no-percent-one", Col::Ratio, &r),
                    };
                    problems.push(e.arg("percent", percent));
                    None
                }
            },
            (None, Some(c)) => match cells::whole(&c, &['户', '家', '个']) {
                Some(n) if (1..=MAX_COUNT).contains(&n) => Some(SheetQuota::Count(n)),
                _ => {
                    problems.push(self.bad("plan-sheet-bad-count", Col::Count, &c));
                    None
                }
            },
        }
    }

    /// 分配方式: in words, needed for a count over strata, refused with a ratio.
    fn allocation(
        &self,
        quota: Option<&SheetQuota>,
        strata: &[String],
        problems: &mut Vec<Error>,
    ) -> Option<Allocation> {
        let given = self.given(Col::Allocation);
        let by_ratio = matches!(quota, Some(SheetQuota::Ratio { .. }));
        let allocation = given.as_deref().and_then(|v| {
            let a = cells::allocation(v);
            // With a ratio, the cell is refused as such below, whatever it says.
            if a.is_none() && !by_ratio {
                problems.push(self.bad("plan-sheet-bad-allocation", Col::Allocation, v));
            }
            a
        });
        match (quota, &given) {
            (Some(SheetQuota::Ratio { .. }), Some(v)) => {
                problems.push(self.bad("plan-sheet-allocation-with-ratio", Col::Allocation, v));
            }
            (Some(SheetQuota::Count(n)), None) if !strata.is_empty() => {
                let col = if self.head.get(Col::Allocation).is_some() {
                    Col::Allocation
                } else {
                    Col::Count
                };
                problems.push(
                    self.error(ErrorKind::BadValue, "plan-sheet-allocation-needed", col)
                        .arg("count", *n)
                        .arg("strata", strata.join("、")),
                );
            }
            _ => {}
        }
        allocation
    }
}

/// The task's id for a message, or its row when the id is empty.
fn task_or_row(id: &str, line: u64) -> String {
    if id.is_empty() {
        line.to_string()
    } else {
        id.to_owned()
    }
}
