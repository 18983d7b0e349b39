//! Format readers: each turns a file into a grid of text cells — a header
//! and rows — with a location for every row (SPEC.md §3.1).
//!
//! The parts: `format` (the formats, and `read` in the one given or detected), `cells` (the
//! grid read), and a reader for each format: `delimited` (CSV, TSV), `xlsx`, `json` (JSON,
//! JSON Lines).

mod cells;
mod delimited;
mod format;
mod json;
mod xlsx;

pub(crate) use cells::{Grid, HEADER_SEARCH, Style, check_columns, empty_table};
pub use format::{Format, ReadOptions};
pub(crate) use format::{read, read_laid_out};
pub(crate) use json::{Scalar, is_blank, not_object, parse_line, value_text};

/// A worksheet's layout, as the task sheet's tests make it.
#[cfg(test)]
pub(crate) use cells::Layout;
/// The reader the workbook's tests read with, within their own limits.
#[cfg(test)]
pub(crate) use xlsx::xlsx_within;
