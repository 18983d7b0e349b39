//! Format readers: each turns a file into a grid of text cells — a header
//! and rows — with a location for every row (SPEC.md §3.1).

mod format;

pub(crate) use format::read;
pub use format::{Format, ReadOptions};

/// The reader the workbook's tests read with, within their own limits.
#[cfg(test)]
pub(crate) use format::xlsx_within;
