//! CSV and TSV read whole, in memory (the target directory is read in blocks instead:
//! [`stream`](crate::inputs::stream)).

use super::cells::{Grid, HEADER_SEARCH, Style, check_columns, empty_table};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::text::{self, Encoding};

pub(super) fn delimited(
    source: &str,
    bytes: &[u8],
    delimiter: u8,
    encoding: Option<Encoding>,
    is_header: &dyn Fn(&[String]) -> bool,
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
    // The header row: the first record that is not empty, or a later one below title
    // rows (SPEC.md §3.1). The records before it are dropped unchecked.
    let mut seen: Vec<(u64, Vec<String>)> = Vec::new();
    let mut rows_seen = Vec::new();
    let mut found = None;
    for record in records.by_ref() {
        let record = record.map_err(|e| csv_error(source, &e))?;
        let line = lines.line_of(record.position());
        check_columns(source, line, record.len())?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        let empty = cells.iter().all(String::is_empty);
        seen.push((line, cells));
        if empty {
            continue;
        }
        rows_seen.push(seen.len() - 1);
        if is_header(&seen[seen.len() - 1].1) {
            found = Some(seen.len() - 1);
            break;
        }
        if rows_seen.len() == HEADER_SEARCH {
            break;
        }
    }
    let Some(start) = found.or(rows_seen.first().copied()) else {
        return Err(empty_table(source));
    };
    let mut first = seen.into_iter().skip(start);
    let (header_at, header) = first.next().expect("the header row");
    if found.is_none() {
        // No header row: the first row, as the header, fails for the columns it lacks
        // (the rows are not read).
        return Ok(Grid::new(source, Style::Lines, header, header_at));
    }
    let mut grid = Grid::new(source, Style::Lines, header, header_at);
    let width = grid.header.len();
    let checked = |line: u64, cells: Vec<String>| -> Result<(u64, Vec<String>)> {
        if cells.len() != width && !(cells.len() == 1 && cells[0].is_empty()) {
            return Err(Error::with_id(ErrorKind::Csv, "csv-field-count")
                .at(Location::line(source, line))
                .arg("fields", cells.len())
                .arg("columns", width));
        }
        Ok((line, cells))
    };
    for (line, cells) in first {
        grid.rows.push(checked(line, cells)?);
    }
    for record in records {
        let record = record.map_err(|e| csv_error(source, &e))?;
        let line = lines.line_of(record.position());
        grid.rows
            .push(checked(line, record.iter().map(str::to_owned).collect())?);
    }
    Ok(grid)
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
        // The csv crate skips a byte order mark and blank lines before a record, and
        // gives the position before them.
        if start == 0 && self.bytes.starts_with("\u{FEFF}".as_bytes()) {
            start = 3;
        }
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
