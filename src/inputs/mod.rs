//! Reading the target directory and the officer roster (SPEC.md §3).
//!
//! The library takes bytes and a name for messages; the caller reads the
//! file. A table comes as CSV, TSV, `.xlsx`, JSON or JSON Lines
//! ([`grid`]), in UTF-8 or GBK ([`text`]); its header names are resolved to
//! standard fields, and personal-data columns are dropped unread
//! ([`columns`]); its values are normalised and checked as they are read, so
//! everything downstream sees the canonical form.

pub mod columns;
pub mod digest;
pub mod directory;
pub mod grid;
pub mod kind;
pub mod limits;
pub mod personal;
pub mod source;
pub mod stream;
pub mod table;
pub mod text;
pub mod values;
mod workbook;

pub use directory::Directory;
pub use grid::{Format, ReadOptions};
pub use kind::{ID, NAME, TableKind};
pub use source::ByteSource;
pub use table::{Columns, IdCheck, IdCheckMode, Row, Table, TableOptions};
pub use text::Encoding;
