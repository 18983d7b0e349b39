//! CSV and TSV read whole, in memory (the target directory is read in blocks instead:
//! [`stream`](crate::inputs::stream)).

use super::cells::{Grid, Style, check_columns, empty_table};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::text::{self, Encoding};

pub(super) fn delimited(
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
            return Err(Error::with_id(ErrorKind::Csv, "csv-field-count")
                .at(Location::line(source, line))
                .arg("fields", record.len())
                .arg("columns", header.len()));
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

fn csv_error(source: &str, e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    Error::with_id(ErrorKind::Csv, "csv-syntax")
        .at(Location {
            line,
            ..Location::file(source)
        })
        .arg("detail", e.to_string())
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
