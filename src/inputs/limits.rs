//! Limits that keep hostile input from exhausting memory (documented in README).

/// Longest value, in bytes.
pub const FIELD_BYTES: usize = 4096;
/// Most columns in a table.
pub const COLUMNS: usize = 1024;
/// Longest record of a CSV or TSV file, in bytes (a quote that never closes
/// would otherwise make the whole file one record).
pub const RECORD_BYTES: usize = 64 << 20;
/// Most rows in a target directory: rows are numbered in 32 bits.
pub const ROWS: usize = u32::MAX as usize;
/// Deepest nesting of a JSON table, record or announcement, and of the TOML plan:
/// the parsers' own recursion limit (128), reported as an error.
pub const NESTING: usize = 128;
/// Largest size the worksheet of an `.xlsx` file, and its shared strings, may inflate
/// to (a zip of a megabyte can hold gigabytes of XML).
pub const XLSX_SHEET_BYTES: u64 = 512 << 20;
/// Largest size each other part of an `.xlsx` file that is read (relationships,
/// workbook, styles, theme) may inflate to.
pub const XLSX_PART_BYTES: u64 = 16 << 20;
/// Longest piece of markup or text in a part of an `.xlsx` file, and longest element
/// whose text is gathered into one value (a cell, a shared string, a defined name).
pub const XLSX_ELEMENT_BYTES: u64 = 8 << 20;
/// Most memory the shared strings, styles and cells of an `.xlsx` sheet may take, as
/// the reader estimates it before holding them.
pub const XLSX_MEMORY_BYTES: u64 = 768 << 20;

/// The error for a directory with more than [`ROWS`] rows.
pub fn rows(source: &str, rows: usize) -> crate::Result<()> {
    if rows > ROWS {
        return Err(
            crate::Error::with_id(crate::ErrorKind::TooLarge, "input-too-large-rows")
                .at(crate::Location::file(source))
                .arg("rows", rows)
                .arg("limit", ROWS as u64),
        );
    }
    Ok(())
}
