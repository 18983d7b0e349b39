//! A table's header row resolved to its columns (SPEC.md §3.1–§3.2): which row is the
//! header, what each cell names, what is kept and how it is read.

use std::collections::HashMap;

use crate::base::normalize;
use crate::error::{Error, ErrorKind, Location, Result};

use super::columns::{self, Column, ValueKind};
use super::kind::{ID, TableKind};
use super::options::TableOptions;

/// A roster's (first) enforcement certificate column.
const CERTIFICATE: &str = "certificate";

/// True when a row, read as a header, names every column the table requires (SPEC.md
/// §3.1): the header row, below any title rows. An officer roster's names are optional.
pub(crate) fn names_required(kind: TableKind, cells: &[String], options: &TableOptions) -> bool {
    let [first, second] = kind.required();
    let required: &[&str] = match kind {
        TableKind::Officers => &[first],
        _ => &[first, second],
    };
    let names: Vec<String> = cells
        .iter()
        .map(|c| normalize::text(c))
        .filter(|c| !c.is_empty())
        .filter_map(|c| match columns::resolve(kind, &c, &options.mapping) {
            Column::Keep(name, _) => Some(name),
            Column::Drop => None,
        })
        .collect();
    // A roster's certificate gives its id when it has none (see [`Header::resolve`]).
    let gives =
        |r: &str, n: &str| n == r || (kind == TableKind::Officers && r == ID && n == CERTIFICATE);
    required.iter().all(|r| names.iter().any(|n| gives(r, n)))
}

/// A table's header resolved to column names (SPEC.md §3.2).
pub(crate) struct Header {
    /// Normalised names of the kept columns, in file order.
    pub columns: Vec<String>,
    /// How each kept column's values are read.
    pub kinds: Vec<ValueKind>,
    /// The file column of each kept column.
    pub keep: Vec<usize>,
    /// Header names of the columns dropped unread (personal data, or not read by the plan).
    pub dropped: Vec<String>,
    /// The kept columns holding the key and the second required field (an officer
    /// roster without names: the key again).
    pub id_col: usize,
    pub name_col: usize,
    /// Per kept column: its values are checked for personal-data shapes (§3.3).
    pub checked: Vec<bool>,
}

impl Header {
    /// Resolves header cells; `at(i)` locates the header's cell `i` (`None`: the header).
    pub(crate) fn resolve(
        kind: TableKind,
        header: &[String],
        at: &dyn Fn(Option<usize>) -> Location,
        options: &TableOptions,
    ) -> Result<Header> {
        let mut columns = Vec::new();
        let mut kinds = Vec::new();
        let mut keep = Vec::new();
        let mut dropped = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, cell) in header.iter().enumerate() {
            if let Some(c) = normalize::first_control(cell) {
                return Err(Error::with_id(
                    ErrorKind::ControlCharacter,
                    "input-control-character-header",
                )
                .at(at(Some(i)))
                .arg("code", format!("{:04X}", c as u32)));
            }
            let name = normalize::text(cell);
            if name.is_empty() {
                return Err(Error::new(ErrorKind::EmptyColumnName).at(at(Some(i))));
            }
            match columns::resolve(kind, &name, &options.mapping) {
                Column::Drop => dropped.push(name),
                Column::Keep(column, _)
                    if options.keep.as_ref().is_some_and(|k| !k.contains(&column)) =>
                {
                    dropped.push(name);
                }
                Column::Keep(name, value_kind) => {
                    if let Some(&first) = seen.get(&name) {
                        return Err(Error::new(ErrorKind::DuplicateColumn)
                            .at(at(Some(i)))
                            .arg("column", name)
                            .arg("first", first as u64 + 1));
                    }
                    seen.insert(name.clone(), i);
                    columns.push(name);
                    kinds.push(value_kind);
                    keep.push(i);
                }
            }
        }
        // A roster keyed by its enforcement certificates (执法证号), as county rosters are,
        // with no id column of its own: the certificate is the officer's id as well, the
        // column read once and kept under both names (SPEC.md §3.2).
        if kind == TableKind::Officers
            && !columns.iter().any(|c| c == ID)
            && let Some(c) = columns.iter().position(|c| c == CERTIFICATE)
        {
            columns.insert(c, ID.to_owned());
            kinds.insert(c, ValueKind::Identifier);
            keep.insert(c, keep[c]);
        }
        let find = |wanted: &str| {
            columns.iter().position(|c| c == wanted).ok_or_else(|| {
                // The names a header may give it, the file's own language first.
                let field = columns::fields(kind).iter().find(|f| f.name == wanted);
                let mut names: Vec<&str> = field.map_or(Vec::new(), |f| {
                    let mut chinese: Vec<&str> = Vec::new();
                    for a in f.aliases.iter().filter(|a| !a.is_ascii()) {
                        if chinese.len() < 2 && !chinese.iter().any(|c| a.contains(c)) {
                            chinese.push(a);
                        }
                    }
                    chinese.into_iter().chain([f.name]).collect()
                });
                if names.is_empty() {
                    names.push(wanted);
                }
                Error::new(ErrorKind::MissingColumn)
                    .at(at(None))
                    .arg("column", wanted.to_owned())
                    .arg("names", names.join(" / "))
                    .arg(
                        "found",
                        header
                            .iter()
                            .map(|h| normalize::text(h))
                            .collect::<Vec<_>>()
                            .join(","),
                    )
            })
        };
        let [first, second] = kind.required();
        let id_col = find(first)?;
        // Officers' names are for display only, outside the roster's digest (§3.4): a
        // roster published without them (names hidden) still verifies.
        let name_col = match (kind, columns.iter().position(|c| c == second)) {
            (_, Some(c)) => c,
            (TableKind::Officers, None) => id_col,
            (_, None) => find(second)?,
        };
        let checked = columns
            .iter()
            .map(|c| !options.public.contains(c))
            .collect();
        Ok(Header {
            columns,
            kinds,
            keep,
            dropped,
            id_col,
            name_col,
            checked,
        })
    }
}
