//! Which table is read, and the columns every table has.

/// Which table a [`Table`](super::table::Table) holds; it selects the domain tag of its digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    /// The target directory (检查对象名录库).
    Targets,
    /// The officer roster (执法检查人员名录库).
    Officers,
    /// Past inspections: one row per entity inspected (检查记录).
    History,
    /// Declared conflicts of interest: one row per officer and entity (回避名单).
    Conflicts,
    /// Inspection results: one row per drawn entity and item (抽查结果).
    Results,
}

impl TableKind {
    /// `targets`, `officers`, `history`, `conflicts` or `results`: the word used in tags and
    /// messages.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Targets => "targets",
            TableKind::Officers => "officers",
            TableKind::History => "history",
            TableKind::Conflicts => "conflicts",
            TableKind::Results => "results",
        }
    }

    /// The two columns every row needs: the key and a second required field.
    pub fn required(self) -> [&'static str; 2] {
        match self {
            TableKind::Targets | TableKind::Officers => [ID, NAME],
            TableKind::History | TableKind::Results => ["entity", "date"],
            TableKind::Conflicts => ["officer", "entity"],
        }
    }

    /// True when the key column must be unique (an entity or officer per row).
    pub fn unique_key(self) -> bool {
        matches!(self, TableKind::Targets | TableKind::Officers)
    }
}

/// The column every table must have, holding the unique identifier.
pub const ID: &str = "id";
/// The column holding the display name: the target directory must have it; an officer
/// roster may leave it out (no name enters the draw: SPEC.md §3.4).
pub const NAME: &str = "name";

/// The table-order indices of the columns a table's digest covers: every kept
/// column, except an officer roster's `name`, which is for display only and has a
/// digest of its own ([`officer_names`](super::digest::officer_names), SPEC.md §3.4).
pub(crate) fn digested(kind: TableKind, columns: &[String]) -> Vec<usize> {
    (0..columns.len())
        .filter(|&c| !(kind == TableKind::Officers && columns[c] == NAME))
        .collect()
}
