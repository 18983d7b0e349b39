//! The formats a table can come in, and reading a grid in the one given or detected
//! ([`read`]).

use super::cells::Grid;
use super::delimited::delimited;
use super::json::json;
use super::xlsx::xlsx;
use crate::error::Result;
use crate::inputs::text::Encoding;

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

    /// Parses a format name: `csv`, `tsv` (`txt`, `tab`), `xlsx` (`xlsm`), `json`, `jsonl`
    /// (`ndjson`).
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

/// Reads a grid in the given or detected format.
/// `is_header` tells a header row from the title rows above it (SPEC.md §3.1).
pub(crate) fn read(
    source: &str,
    bytes: &[u8],
    options: &ReadOptions,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Grid> {
    read_as(source, bytes, options, is_header, false)
}

/// [`read`], with a worksheet's layout ([`Layout`](super::Layout): its merged ranges and the
/// numbers it shows as percentages) for a table read as a spreadsheet shows it (the task
/// sheet). The tables of SPEC.md §3 are read by [`read`], their cells' text alone.
pub(crate) fn read_laid_out(
    source: &str,
    bytes: &[u8],
    options: &ReadOptions,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Grid> {
    read_as(source, bytes, options, is_header, true)
}

fn read_as(
    source: &str,
    bytes: &[u8],
    options: &ReadOptions,
    is_header: &dyn Fn(&[String]) -> bool,
    layout: bool,
) -> Result<Grid> {
    let format = options
        .format
        .or_else(|| Format::from_file_name(source))
        .unwrap_or(Format::Csv);
    let mut grid = match format {
        Format::Csv => delimited(source, bytes, b',', options.encoding, is_header)?,
        Format::Tsv => delimited(source, bytes, b'\t', options.encoding, is_header)?,
        Format::Xlsx => xlsx(source, bytes, options.sheet.as_deref(), is_header, layout)?,
        Format::Json => json(source, bytes, options.encoding, false)?,
        Format::Jsonl => json(source, bytes, options.encoding, true)?,
    };
    // Rows whose cells are all empty are skipped, as blank lines are.
    grid.rows
        .retain(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(Format::from_file_name("目录.XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::from_file_name("a.tsv"), Some(Format::Tsv));
        assert_eq!(Format::from_file_name("a.ndjson"), Some(Format::Jsonl));
        assert_eq!(Format::from_file_name("noext"), None);
    }
}
