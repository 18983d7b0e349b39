//! Format readers: each turns a file into a grid of text cells — a header
//! and rows — with a location for every row (SPEC.md §3.1).

use std::io::Cursor;

use calamine::{Data, Reader as _, Xlsx};
use serde_json::Value;

use super::text::{self, Encoding};
use crate::dates::Date;
use crate::error::{Error, Location, Result};

/// The file formats a table can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
    /// An Excel workbook.
    Xlsx,
    /// A JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
}

impl Format {
    /// The format a file name's extension implies: `.csv`, `.tsv`/`.txt`,
    /// `.xlsx`, `.json`, `.jsonl`/`.ndjson`.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Format::from_name(&ext)
    }

    /// Parses a format name as given to `--format`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "tsv" | "txt" | "tab" => Some(Format::Tsv),
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// How a table is read: format, encoding and sheet, each detected when `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The format; `None` picks it from the name's extension (CSV when there is none).
    pub format: Option<Format>,
    /// The text encoding of CSV, TSV and JSON; `None` detects it.
    pub encoding: Option<Encoding>,
    /// The worksheet of an `.xlsx` file; `None` takes the first.
    pub sheet: Option<String>,
}

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

/// Reads a grid in the given or detected format.
pub(crate) fn read(source: &str, bytes: &[u8], options: &ReadOptions) -> Result<Grid> {
    let format = options
        .format
        .or_else(|| Format::from_file_name(source))
        .unwrap_or(Format::Csv);
    let mut grid = match format {
        Format::Csv => delimited(source, bytes, b',', options.encoding)?,
        Format::Tsv => delimited(source, bytes, b'\t', options.encoding)?,
        Format::Xlsx => xlsx(source, bytes, options.sheet.as_deref())?,
        Format::Json => json(source, bytes, options.encoding, false)?,
        Format::Jsonl => json(source, bytes, options.encoding, true)?,
    };
    // Rows whose cells are all empty are skipped, as blank lines are.
    grid.rows
        .retain(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
    Ok(grid)
}

fn empty_table(source: &str) -> Error {
    Error::EmptyTable {
        at: Location::file(source),
        expected: "id,name".into(),
    }
}

fn delimited(
    source: &str,
    bytes: &[u8],
    delimiter: u8,
    encoding: Option<Encoding>,
) -> Result<Grid> {
    let text = text::decode(source, bytes, encoding)?;
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut lines = LineCounter::new(bytes);
    let mut records = reader.records();
    let header = match records.next() {
        None => return Err(empty_table(source)),
        Some(r) => r.map_err(|e| csv_error(source, &e))?,
    };
    check_columns(source, lines.line_of(header.position()), header.len())?;
    let header_at = lines.line_of(header.position());
    let header: Vec<String> = header.iter().map(str::to_owned).collect();
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| csv_error(source, &e))?;
        let line = lines.line_of(record.position());
        if record.len() != header.len() && !(record.len() == 1 && record[0].is_empty()) {
            return Err(Error::Csv {
                at: Location::line(source, line),
                message: format!(
                    "this row has {} fields, the header has {}",
                    record.len(),
                    header.len()
                ),
            });
        }
        rows.push((line, record.iter().map(str::to_owned).collect()));
    }
    Ok(Grid {
        header,
        header_at,
        rows,
        style: Style::Lines,
        source: source.to_owned(),
    })
}

fn check_columns(source: &str, line: u64, n: usize) -> Result<()> {
    if n > super::limits::COLUMNS {
        return Err(Error::TooLarge {
            at: Location::line(source, line),
            what: format!("the number of columns ({n})"),
            limit: super::limits::COLUMNS as u64,
        });
    }
    Ok(())
}

fn csv_error(source: &str, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    Error::Csv {
        at: Location {
            line,
            ..Location::file(source)
        },
        message: e.to_string(),
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

    /// The 1-based line on which a record starts. Records come in order, so
    /// the count only moves forward.
    fn line_of(&mut self, position: Option<&csv::Position>) -> u64 {
        let mut start = position
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

fn xlsx(source: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Grid> {
    let invalid = |message: String| Error::Xlsx {
        at: Location::file(source),
        message,
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| invalid(format!("not a readable .xlsx workbook ({e})")))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                invalid(format!(
                    "no sheet named '{s}' (sheets: {})",
                    names.join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| invalid("the workbook has no sheets".into()))?,
    };
    let mut range = book
        .worksheet_range(&name)
        .map_err(|e| invalid(format!("cannot read sheet '{name}' ({e})")))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    if height == 0 {
        return Err(empty_table(source));
    }
    check_columns(source, u64::from(first_row) + 1, width)?;
    let at_cell = |row: u64, col: usize| {
        let mut at = Location::line(source, row);
        at.column = Some(u64::from(first_col) + col as u64 + 1);
        at.sheet = Some(name.clone());
        at
    };
    // Cells are taken out of the sheet, not copied: a sheet of a million rows is held once.
    let cell_text = |cell: Data, row: u64, col: usize| -> Result<String> {
        Ok(match cell {
            Data::Empty => String::new(),
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s,
            Data::Int(i) => i.to_string(),
            Data::Float(f) => number_text(f),
            Data::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_owned(),
            Data::DateTime(when) => {
                let (year, month, day, hour, minute, second, _) = when.to_ymd_hms_milli();
                let date = Date::new(year, month, day).map_or_else(
                    || format!("{year:04}-{month:02}-{day:02}"),
                    |d| d.to_string(),
                );
                if (hour, minute, second) == (0, 0, 0) {
                    date
                } else {
                    format!("{date} {hour:02}:{minute:02}:{second:02}")
                }
            }
            Data::Error(e) => {
                return Err(Error::Xlsx {
                    at: at_cell(row, col),
                    message: format!("the cell holds the error {e}"),
                });
            }
        })
    };
    let header_row = u64::from(first_row) + 1;
    let mut take_row = |r: usize, row: u64| -> Result<Vec<String>> {
        (0..width)
            .map(|c| cell_text(std::mem::take(&mut range[(r, c)]), row, c))
            .collect()
    };
    let header = take_row(0, header_row)?;
    let mut rows = Vec::with_capacity(height - 1);
    for r in 1..height {
        let row = header_row + r as u64;
        rows.push((row, take_row(r, row)?));
    }
    Ok(Grid {
        header,
        header_at: header_row,
        rows,
        style: Style::Cells(name),
        source: source.to_owned(),
    })
}

fn json(source: &str, bytes: &[u8], encoding: Option<Encoding>, lines: bool) -> Result<Grid> {
    let text = text::decode(source, bytes, encoding)?;
    let syntax = |e: &serde_json::Error, line: u64| Error::Json {
        at: Location {
            line: Some(line),
            column: Some(e.column() as u64),
            ..Location::file(source)
        },
        message: e
            .to_string()
            .split(" at line")
            .next()
            .unwrap_or_default()
            .to_owned(),
    };
    let mut objects: Vec<(u64, Value)> = Vec::new();
    let style;
    if lines {
        style = Style::Lines;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: Value = serde_json::from_str(line).map_err(|e| syntax(&e, i as u64 + 1))?;
            objects.push((i as u64 + 1, v));
        }
    } else {
        style = Style::Items;
        let v: Value = serde_json::from_str(&text).map_err(|e| syntax(&e, e.line() as u64))?;
        let Value::Array(items) = v else {
            return Err(Error::Json {
                at: Location::file(source),
                message: "expected an array of objects, one per row".into(),
            });
        };
        objects.extend(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i as u64 + 1, v)),
        );
    }
    let mut header: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut rows = Vec::with_capacity(objects.len());
    let locate = |n: u64| {
        let mut at = Location::line(source, n);
        at.item = !lines;
        at
    };
    for (n, v) in objects {
        let Value::Object(map) = v else {
            return Err(Error::Json {
                at: locate(n),
                message: "expected an object for each row".into(),
            });
        };
        let mut cells = vec![String::new(); header.len()];
        for (k, v) in map {
            let text = match v {
                Value::Null => String::new(),
                Value::String(s) => s,
                Value::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_owned(),
                Value::Number(num) => match num.as_i64() {
                    Some(i) => i.to_string(),
                    None => num.as_u64().map_or_else(
                        || number_text(num.as_f64().unwrap_or(f64::NAN)),
                        |u| u.to_string(),
                    ),
                },
                Value::Array(_) | Value::Object(_) => {
                    return Err(Error::Json {
                        at: locate(n),
                        message: format!(
                            "'{k}' holds a nested array or object; each value must be a string or a number"
                        ),
                    });
                }
            };
            let i = *index.entry(k.clone()).or_insert_with(|| {
                header.push(k);
                header.len() - 1
            });
            check_columns(source, n, header.len())?;
            if i >= cells.len() {
                cells.resize(i + 1, String::new());
            }
            cells[i] = text;
        }
        rows.push((n, cells));
    }
    if header.is_empty() {
        return Err(empty_table(source));
    }
    for (_, cells) in &mut rows {
        cells.resize(header.len(), String::new());
    }
    Ok(Grid {
        header,
        header_at: 1,
        rows,
        style,
        source: source.to_owned(),
    })
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

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_file_name("目录.XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::from_file_name("a.tsv"), Some(Format::Tsv));
        assert_eq!(Format::from_file_name("a.ndjson"), Some(Format::Jsonl));
        assert_eq!(Format::from_file_name("noext"), None);
    }

    #[test]
    fn json_rows_union_their_keys() {
        let g = json(
            "t.json",
            br#"[{"id":"A","name":"x"},{"name":"y","id":"B","risk":"C","n":12}]"#,
            None,
            false,
        )
        .unwrap();
        assert_eq!(g.header, ["id", "name", "risk", "n"]);
        assert_eq!(g.rows[0].1, ["A", "x", "", ""]);
        assert_eq!(g.rows[1].1, ["B", "y", "C", "12"]);
        let e = json("t.jsonl", b"{\"id\":\"A\"}\n{\"id\":[1]}\n", None, true)
            .err()
            .unwrap();
        assert!(e.to_string().starts_with("t.jsonl:2: "), "{e}");
    }
}
