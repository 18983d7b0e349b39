//! Reading the target directory and the officer roster (SPEC.md §3).
//!
//! The library takes bytes and a name for messages; the caller reads the
//! file. A table comes as CSV, TSV, `.xlsx`, JSON or JSON Lines
//! (`grid`), in UTF-8 or GBK (`text`); its header names are resolved to
//! standard fields, and personal-data columns are dropped unread
//! (`columns`); its values are normalised and checked as they are read, so
//! everything downstream sees the canonical form.
//!
//! ```
//! use shuangsui::inputs::{digest, Table, TableKind};
//!
//! // A clerk's export: a BOM, Chinese headers, a full-width code, a personal-data column.
//! let csv = "\u{FEFF}统一社会信用代码,企业名称,身份证号\r\n９１１１０１０８５５１３８５０８２Ｑ,甲公司,420102199001011234\r\n";
//! let t = Table::from_csv(TableKind::Targets, "targets.csv", csv.as_bytes())?;
//! assert_eq!(t.columns, ["id", "name"]);
//! assert_eq!(t.dropped, ["身份证号"]); // never read, never hashed
//! assert_eq!(t.rows[0].values[0], "91110108551385082Q");
//! // The same rows in another order or format give the same canonical digest.
//! let u = Table::from_csv(TableKind::Targets, "t.csv", "name,id\n甲公司,91110108551385082Q\n".as_bytes())?;
//! assert_eq!(digest::table(&t), digest::table(&u));
//! # Ok::<(), shuangsui::Error>(())
//! ```

pub(crate) mod columns;
pub mod digest;
pub(crate) mod directory;
pub(crate) mod fields;
pub(crate) mod grid;
pub(crate) mod header;
pub(crate) mod kind;
pub mod limits;
pub(crate) mod options;
pub(crate) mod personal;
pub(crate) mod source;
pub(crate) mod stream;
pub(crate) mod table;
pub(crate) mod text;
pub(crate) mod values;
mod workbook;

pub use directory::Directory;
pub use grid::{Format, ReadOptions};
pub use kind::{ID, NAME, TableKind};
pub use options::{IdCheck, IdCheckMode, TableOptions};
pub use source::{ByteSource, read_to_end};
pub use table::{Columns, Row, Table};
pub use text::Encoding;

/// A SHA-256 digest, as the inputs' digests are held (`hex::encode` gives the hex a record
/// shows).
pub use crate::base::canonical::Hash;
pub use crate::base::uscc;
pub use fields::{Field, OFFICER_FIELDS, TARGET_FIELDS, ValueKind};
pub use stream::{Progress, directory_digest};
