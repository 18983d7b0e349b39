//! A grid of text cells — a header and rows — with a location for every row, and what
//! every format reader shares.

use crate::error::{Error, ErrorKind, Location, Result};

/// How rows are located in messages.
#[derive(Debug, Clone)]
pub(crate) enum Style {
    /// Line numbers of a text file.
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
}

impl Grid {
    /// The location of a cell (`column` is 0-based; `None` for the whole row).
    pub fn at(&self, line: u64, column: Option<usize>) -> Location {
        let mut at = Location::line(&self.source, line);
        at.column = column.map(|c| c as u64 + 1);
        match &self.style {
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
