//! How a table is read, besides its bytes: the format, the plan's column mapping, the
//! columns kept, the public columns, and the id check (SPEC.md §3.1–§3.3).

use std::collections::{BTreeMap, BTreeSet};

use crate::base::normalize;

use super::grid::ReadOptions;

/// How strictly target ids are checked (SPEC.md §3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdCheckMode {
    /// An id that fails its check is an error (the default).
    #[default]
    Strict,
    /// An id that fails its check is accepted and listed in the record.
    Warn,
}

impl IdCheckMode {
    /// `"strict"` or `"warn"`.
    pub fn as_str(self) -> &'static str {
        match self {
            IdCheckMode::Strict => "strict",
            IdCheckMode::Warn => "warn",
        }
    }
}

/// The id check: a mode and the ids allowed although they fail (genuine
/// early pilot codes such as `91350100M0001TGQXM`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdCheck {
    /// Strict or warn.
    pub mode: IdCheckMode,
    /// Normalised ids accepted without passing the check.
    pub allowlist: BTreeSet<String>,
}

impl IdCheck {
    /// Reads an allowlist file: one id per line; blank lines and lines
    /// starting with `#` are ignored; text after the id on a line (a tab or
    /// space, then a comment) is ignored.
    pub fn parse_allowlist(text: &str) -> BTreeSet<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_whitespace().next())
            .map(normalize::identifier)
            .collect()
    }
}

/// Everything that decides how a table is read, besides its bytes.
#[derive(Debug, Clone, Default)]
pub struct TableOptions {
    /// Format, encoding and sheet.
    pub read: ReadOptions,
    /// The plan's explicit column mapping: header → column name (`""` drops it).
    pub mapping: BTreeMap<String, String>,
    /// The id check (target directory only).
    pub id_check: IdCheck,
    /// The columns kept (SPEC.md §3.2, 最小必要): every other column is dropped as it is
    /// read and listed by header name only. `None` keeps every column (a table read
    /// without a plan).
    pub keep: Option<BTreeSet<String>>,
    /// Columns the plan declares public: exempt from the personal-data check (§3.3).
    pub public: BTreeSet<String>,
}
