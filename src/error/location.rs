//! Where in an input something is: the input's name, and the line and column, or the
//! worksheet and cell.

use std::fmt;

/// A position in an input: its name as given by the caller, and the line and
/// column (1-based) where they are known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The input's name, usually its file name.
    pub source: String,
    /// 1-based line (the row number in a worksheet, the position in a JSON
    /// array), when known.
    pub line: Option<u64>,
    /// 1-based column (field number in a table, character in the plan), when known.
    pub column: Option<u64>,
    /// The worksheet, for `.xlsx` inputs: the location prints as `Sheet1!C12`.
    pub sheet: Option<String>,
    /// True when `line` is a position in a JSON array: it prints as `[12]`.
    pub item: bool,
}

impl Location {
    /// A location naming only the input.
    pub fn file(source: &str) -> Self {
        Self {
            source: source.to_owned(),
            ..Self::default()
        }
    }

    /// A location with a line.
    pub fn line(source: &str, line: u64) -> Self {
        Self {
            source: source.to_owned(),
            line: Some(line),
            ..Self::default()
        }
    }

    /// A location with a line and a column.
    pub fn at(source: &str, line: u64, column: u64) -> Self {
        Self {
            source: source.to_owned(),
            line: Some(line),
            column: Some(column),
            ..Self::default()
        }
    }

    /// The line and column (in characters) of a byte offset in a text.
    pub fn in_text(source: &str, text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() as u64 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
        Location::at(source, line, column)
    }
}

/// Spreadsheet column letters: 1 → `A`, 27 → `AA`.
pub(crate) fn column_letters(mut n: u64) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        match (&self.sheet, self.line, self.column) {
            (Some(sheet), Some(row), Some(col)) => {
                write!(f, ":{sheet}!{}{row}", column_letters(col))
            }
            (Some(sheet), Some(row), None) => write!(f, ":{sheet}!{row}"),
            (_, Some(item), _) if self.item => write!(f, ":[{item}]"),
            (_, Some(line), Some(column)) => write!(f, ":{line}:{column}"),
            (_, Some(line), None) => write!(f, ":{line}"),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_print_as_a_clerk_finds_them() {
        let mut l = Location::at("t.xlsx", 12, 3);
        assert_eq!(l.to_string(), "t.xlsx:12:3");
        l.sheet = Some("Sheet1".into());
        assert_eq!(l.to_string(), "t.xlsx:Sheet1!C12");
        l.column = Some(27);
        assert_eq!(l.to_string(), "t.xlsx:Sheet1!AA12");
        assert_eq!(Location::in_text("p", "ab\n甲乙x", 9).to_string(), "p:2:3");
    }
}
