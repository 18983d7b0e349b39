//! A grid of text cells — a header and rows — with a location for every row, and what
//! every format reader shares.

use crate::error::{Error, ErrorKind, Location, Result};

/// How rows are located in messages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Style {
    /// Line numbers of a text file.
    #[default]
    Lines,
    /// Row numbers of a worksheet, columns as letters.
    Cells(String),
    /// Positions in a JSON array (1-based).
    Items,
}

/// A grid of raw cells.
#[derive(Debug)]
pub(crate) struct Grid {
    pub header: Vec<String>,
    pub header_at: u64,
    /// (line, row number or item; cells).
    pub rows: Vec<(u64, Vec<String>)>,
    pub style: Style,
    pub source: String,
    /// The columns before the grid's first (a worksheet's used range may begin at B).
    pub column_offset: u64,
    /// The cells (line, column) that held a number of 16 or more integer digits, which a
    /// spreadsheet cannot hold exactly (SPEC.md §3.1): an identifier there is an error.
    pub long_numbers: Vec<(u64, usize)>,
    /// What a worksheet shows beyond its cells' text, when the reader was asked for it.
    pub layout: Layout,
}

/// What a worksheet shows beyond its cells' text, read only for a table that asks for it
/// ([`read_laid_out`](super::read_laid_out)); empty otherwise, and for a text file. Rows are
/// the sheet's row numbers (as a grid's lines), columns the sheet's, from 0 (a grid's
/// column `i` is the sheet's `column_offset + i`).
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// The merged ranges: the first (top left) and the last (bottom right) cell, (row,
    /// column). Excel keeps a merged range's value in its first cell and shows it over all.
    pub merged: Vec<((u64, u64), (u64, u64))>,
    /// The cells holding a number that a percent format shows as a percentage (`0.03` in a
    /// cell formatted `0%` shows as `3%`): (row, column).
    pub percent: Vec<(u64, u64)>,
    /// The cells holding a number that a format shows with a percent sign written after it
    /// (`3` in a cell formatted `0"%"` shows as `3%`): (row, column).
    pub percent_sign: Vec<(u64, u64)>,
}

/// How many of a table's first rows may hold its header (SPEC.md §3.1): title rows and an
/// exporter's notes above it are not read.
pub(crate) const HEADER_SEARCH: usize = 30;

impl Grid {
    /// A grid of text rows, its first row the header.
    pub fn new(source: &str, style: Style, header: Vec<String>, header_at: u64) -> Grid {
        Grid {
            header,
            header_at,
            rows: Vec::new(),
            style,
            source: source.to_owned(),
            column_offset: 0,
            long_numbers: Vec::new(),
            layout: Layout::default(),
        }
    }

    /// Makes the header row the first of the first [`HEADER_SEARCH`] rows that are not
    /// empty that `is_header` accepts, the rows above it unread (SPEC.md §3.1). False, and the grid unchanged, when none is.
    pub fn find_header(&mut self, is_header: &dyn Fn(&[String]) -> bool) -> bool {
        if is_header(&self.header) {
            return true;
        }
        let Some(i) = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, (_, cells))| cells.iter().any(|c| !c.is_empty()))
            .take(HEADER_SEARCH - 1)
            .find(|(_, (_, cells))| is_header(cells))
            .map(|(i, _)| i)
        else {
            return false;
        };
        let mut above = self.rows.drain(..=i);
        let (line, header) = above.next_back().expect("the header row");
        drop(above);
        self.header = header;
        self.header_at = line;
        self.long_numbers.retain(|&(l, _)| l > line);
        true
    }

    /// Drops the columns before and after those the header and the rows hold a value in: a
    /// worksheet's used range counts the title rows above the header too (SPEC.md §3.1).
    pub fn trim_columns(&mut self) {
        let used = |c: usize| {
            !self.header[c].is_empty()
                || self
                    .rows
                    .iter()
                    .any(|(_, r)| r.get(c).is_some_and(|v| !v.is_empty()))
        };
        let width = self.header.len();
        let first = (0..width).find(|&c| used(c)).unwrap_or(0);
        let end = (first..width)
            .rev()
            .find(|&c| used(c))
            .map_or(first, |c| c + 1);
        if (first, end) != (0, width) {
            let rows = self.rows.iter_mut().map(|(_, r)| r);
            for cells in std::iter::once(&mut self.header).chain(rows) {
                cells.truncate(end);
                cells.drain(..first.min(cells.len()));
            }
            self.column_offset += first as u64;
            self.long_numbers
                .retain(|&(_, c)| (first..end).contains(&c));
            for (_, c) in &mut self.long_numbers {
                *c -= first;
            }
        }
    }

    /// The location of a cell (`column` is 0-based; `None` for the whole row).
    pub fn at(&self, line: u64, column: Option<usize>) -> Location {
        self.style.at(
            &self.source,
            line,
            column.map(|c| self.column_offset + c as u64),
        )
    }
}

impl Style {
    /// The location of a row's cell in this style (`column` 0-based in the file; `None` for
    /// the whole row): `file:line:column`, `file:Sheet!C12` or `file: [12]`.
    pub fn at(&self, source: &str, line: u64, column: Option<u64>) -> Location {
        let mut at = Location::line(source, line);
        at.column = column.map(|c| c + 1);
        match self {
            Style::Lines => {}
            Style::Cells(sheet) => at.sheet = Some(sheet.clone()),
            Style::Items => at.item = true,
        }
        at
    }
}

pub(crate) fn empty_table(source: &str) -> Error {
    Error::new(ErrorKind::EmptyTable)
        .at(Location::file(source))
        .arg("expected", "id,name")
}

pub(crate) fn check_columns(source: &str, line: u64, n: usize) -> Result<()> {
    if n > crate::inputs::limits::COLUMNS {
        return Err(
            Error::with_id(ErrorKind::TooLarge, "input-too-large-columns")
                .at(Location::line(source, line))
                .arg("columns", n)
                .arg("limit", crate::inputs::limits::COLUMNS as u64),
        );
    }
    Ok(())
}

/// The text of a spreadsheet number: an integer without a decimal point when
/// it is one (and exact), otherwise the shortest decimal that reads back as
/// the same number, never in exponent form.
pub(crate) fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_typed() {
        assert_eq!(number_text(420_102.0), "420102");
        assert_eq!(number_text(0.5), "0.5");
        assert_eq!(number_text(1e21), "1000000000000000000000");
        assert_eq!(number_text(-3.0), "-3");
    }
}
