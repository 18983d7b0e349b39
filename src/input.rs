//! Reading the target directory and the officer roster (SPEC.md §3).
//!
//! The library takes bytes and a name for messages; the caller reads the file.
//! Version 1 reads CSV with a header row, UTF-8 with or without a BOM, LF or
//! CRLF line ends. Header names and values are normalised
//! ([`crate::normalize`]) as they are read, so everything downstream sees the
//! canonical form.

use std::collections::HashMap;

use crate::error::{Error, Location, Result};
use crate::normalize;

/// Which table a [`Table`] holds; it selects the domain tag of its digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// The target directory (检查对象名录库).
    Targets,
    /// The officer roster (执法检查人员名录库).
    Officers,
}

impl TableKind {
    /// "targets" or "officers": the word used in tags and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Targets => "targets",
            TableKind::Officers => "officers",
        }
    }
}

/// The column every table must have, holding the unique identifier.
pub const ID: &str = "id";
/// The column every table must have, holding the display name.
pub const NAME: &str = "name";

/// Limits that keep hostile input from exhausting memory (documented in README).
pub mod limits {
    /// Longest value, in bytes.
    pub const FIELD_BYTES: usize = 4096;
    /// Most columns in a table.
    pub const COLUMNS: usize = 1024;
}

/// One row: its source line and its normalised values, one per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the row in the source (the header is line 1).
    pub line: u64,
    /// Values in the order of [`Table::columns`].
    pub values: Vec<String>,
}

/// A parsed, normalised table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Which table this is.
    pub kind: TableKind,
    /// The input's name, for messages.
    pub source: String,
    /// Normalised column names, in the order of the file.
    pub columns: Vec<String>,
    /// The rows, in the order of the file.
    pub rows: Vec<Row>,
    id_col: usize,
    name_col: usize,
}

impl Table {
    /// Parses a CSV table. `source` names the input in error messages.
    pub fn from_csv(kind: TableKind, source: &str, bytes: &[u8]) -> Result<Table> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(false)
            .from_reader(bytes);
        let mut records = reader.byte_records();
        let header = match records.next() {
            None => {
                return Err(Error::EmptyTable {
                    at: Location::file(source),
                    expected: format!("{ID},{NAME}"),
                });
            }
            Some(r) => r.map_err(|e| csv_error(source, &e))?,
        };
        let mut lines = LineCounter::new(bytes);
        let header_line = lines.line_of(&header);
        if header.len() > limits::COLUMNS {
            return Err(Error::TooLarge {
                at: Location::line(source, header_line),
                what: "the number of columns".into(),
                limit: limits::COLUMNS as u64,
            });
        }
        let mut columns = Vec::with_capacity(header.len());
        let mut seen: HashMap<String, u64> = HashMap::new();
        for (i, cell) in header.iter().enumerate() {
            let col = i as u64 + 1;
            let at = Location::at(source, header_line, col);
            let name = column_name(cell, &at)?;
            if let Some(first) = seen.insert(name.clone(), col) {
                return Err(Error::DuplicateColumn {
                    at,
                    column: name,
                    first,
                });
            }
            columns.push(name);
        }
        let find = |wanted: &str| {
            columns
                .iter()
                .position(|c| c == wanted)
                .ok_or_else(|| Error::MissingColumn {
                    at: Location::line(source, header_line),
                    column: wanted.to_owned(),
                    found: columns.join(","),
                })
        };
        let id_col = find(ID)?;
        let name_col = find(NAME)?;

        let mut rows = Vec::new();
        let mut first_line_of: HashMap<String, u64> = HashMap::new();
        for record in records {
            let record = record.map_err(|e| csv_error(source, &e))?;
            let line = lines.line_of(&record);
            let mut values = Vec::with_capacity(columns.len());
            for (i, cell) in record.iter().enumerate() {
                let at = Location::at(source, line, i as u64 + 1);
                let field = &columns[i];
                let raw = std::str::from_utf8(cell).map_err(|_| Error::NotUtf8 {
                    at: at.clone(),
                    what: format!("field '{field}'"),
                })?;
                if raw.len() > limits::FIELD_BYTES {
                    return Err(Error::TooLarge {
                        at,
                        what: format!("field '{field}'"),
                        limit: limits::FIELD_BYTES as u64,
                    });
                }
                let value = if i == id_col {
                    normalize::identifier(raw)
                } else {
                    normalize::text(raw)
                };
                if let Some(c) = normalize::first_control(&value) {
                    return Err(Error::ControlCharacter {
                        at,
                        field: field.clone(),
                        code: c as u32,
                    });
                }
                if value.is_empty() && (i == id_col || i == name_col) {
                    return Err(Error::EmptyField {
                        at,
                        field: field.clone(),
                    });
                }
                values.push(value);
            }
            if let Some(first_line) = first_line_of.insert(values[id_col].clone(), line) {
                return Err(Error::DuplicateId {
                    at: Location::at(source, line, id_col as u64 + 1),
                    id: values[id_col].clone(),
                    first_line,
                });
            }
            rows.push(Row { line, values });
        }
        Ok(Table {
            kind,
            source: source.to_owned(),
            columns,
            rows,
            id_col,
            name_col,
        })
    }

    /// The index of a column by its normalised name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// A row's id.
    pub fn id<'a>(&self, row: &'a Row) -> &'a str {
        &row.values[self.id_col]
    }

    /// A row's name.
    pub fn name<'a>(&self, row: &'a Row) -> &'a str {
        &row.values[self.name_col]
    }

    /// The columns, sorted as the canonical encoding sorts them.
    pub fn sorted_columns(&self) -> Vec<String> {
        let mut cols = self.columns.clone();
        cols.sort();
        cols
    }
}

/// Line numbers of records, counted from byte offsets. (The `csv` crate's
/// own line count is off by one after CRLF line ends.)
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line on which `record` starts. Records come in order, so
    /// the count only moves forward.
    fn line_of(&mut self, record: &csv::ByteRecord) -> u64 {
        let mut start = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.offset {
            let newlines = self.bytes[self.offset..start]
                .split(|&b| b == b'\n')
                .count()
                - 1;
            self.line += newlines as u64;
            self.offset = start;
        }
        self.line
    }
}

/// Normalises a header cell: [`normalize::text`], then ASCII lower case.
fn column_name(cell: &[u8], at: &Location) -> Result<String> {
    let raw = std::str::from_utf8(cell).map_err(|_| Error::NotUtf8 {
        at: at.clone(),
        what: "the header".into(),
    })?;
    let name = normalize::text(raw).to_ascii_lowercase();
    if name.is_empty() {
        return Err(Error::EmptyColumnName { at: at.clone() });
    }
    if let Some(c) = normalize::first_control(&name) {
        return Err(Error::ControlCharacter {
            at: at.clone(),
            field: name,
            code: c as u32,
        });
    }
    Ok(name)
}

fn csv_error(source: &str, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("this row has {len} fields, the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    Error::Csv {
        at: Location {
            source: source.to_owned(),
            line,
            column: None,
        },
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Table> {
        Table::from_csv(TableKind::Targets, "t.csv", s.as_bytes())
    }

    #[test]
    fn reads_bom_crlf_and_normalises() {
        let t = parse("\u{FEFF}ID, Name ,Risk\r\n ９１ａ ,甲公司 ,B\r\n").unwrap();
        assert_eq!(t.columns, ["id", "name", "risk"]);
        assert_eq!(t.rows[0].values, ["91A", "甲公司", "B"]);
        assert_eq!(t.rows[0].line, 2);
    }

    #[test]
    fn line_numbers_survive_crlf_and_quoted_newlines() {
        let t = parse("id,name\r\nA,x\r\nB,\"y, z\"\r\n\r\nC,z\r\n").unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 5]);
        // A line break inside a cell is rejected, at the line where the row starts.
        let e = parse("id,name\r\nA,x\r\nB,\"two\r\nlines\"\r\nC,z\r\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:3:2: 'name' contains the control character U+000D"
        );
        let e = parse("id,name\r\nA,x\r\nB,y\r\nA,z\r\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:4:1: duplicate id 'A' (first seen on line 2)"
        );
    }

    #[test]
    fn duplicate_id_names_both_lines() {
        let e = parse("id,name\nA,x\nB,y\na,z\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:4:1: duplicate id 'A' (first seen on line 2)"
        );
    }

    #[test]
    fn missing_column_lists_the_header() {
        let e = parse("code,name\nA,x\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:1: missing required column 'id' (found: code,name)"
        );
    }

    #[test]
    fn ragged_row_is_located() {
        let e = parse("id,name\nA,x,extra\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:2: malformed CSV: this row has 3 fields, the header has 2"
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let e = Table::from_csv(TableKind::Targets, "t.csv", b"id,name\nA,\xd6\xd0\n").unwrap_err();
        assert_eq!(e.to_string(), "t.csv:2:2: field 'name' is not valid UTF-8");
    }

    #[test]
    fn empty_required_fields_and_controls() {
        assert_eq!(
            parse("id,name\n ,x\n").unwrap_err().to_string(),
            "t.csv:2:1: empty 'id': every row needs one"
        );
        assert!(matches!(
            parse("id,name\nA,x\u{1}y\n"),
            Err(Error::ControlCharacter { .. })
        ));
        assert!(matches!(parse(""), Err(Error::EmptyTable { .. })));
        assert!(matches!(
            parse("id,name,ID\n"),
            Err(Error::DuplicateColumn { first: 1, .. })
        ));
    }
}
