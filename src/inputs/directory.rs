//! The target directory, held compactly: a provincial directory has tens of
//! millions of rows, so values are stored by column — a code per row for the
//! columns with few distinct values (status, industry, region, risk), the text
//! of the ids end to end — and the columns a draw never looks at are hashed
//! when read and not kept. The display name, needed only for the targets a
//! draw selects, may stay in the source and be read back on demand.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::columns::ValueKind;
use super::kind::TableKind;
use super::options::IdCheckMode;
use super::source::ByteSource;
use super::table::Table;
use crate::error::{Error, ErrorKind, Location};

/// The most distinct values a coded column holds before it is stored as text.
const DICT_LIMIT: usize = u16::MAX as usize;

/// One column's values.
#[derive(Debug, Clone)]
pub(crate) enum Store {
    /// Few distinct values: a code per row.
    Dict {
        codes: Vec<u16>,
        values: Vec<Box<str>>,
    },
    /// Values of one width in bytes, end to end (identifiers).
    Fixed { text: String, width: usize },
    /// Any values, end to end, with the end of each.
    Text { text: String, ends: Vec<u64> },
}

impl Store {
    pub(crate) fn get(&self, row: usize) -> &str {
        match self {
            Store::Dict { codes, values } => &values[usize::from(codes[row])],
            Store::Fixed { text, width } => &text[row * width..(row + 1) * width],
            Store::Text { text, ends } => {
                let start = if row == 0 { 0 } else { ends[row - 1] as usize };
                &text[start..ends[row] as usize]
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Store::Dict { codes, .. } => codes.len(),
            Store::Fixed { text, width } => text.len().checked_div(*width).unwrap_or(0),
            Store::Text { ends, .. } => ends.len(),
        }
    }
}

/// A directory's ids as bytes ([`Directory::ids`]).
#[derive(Clone, Copy)]
pub(crate) enum Ids<'a> {
    Fixed(&'a [u8], usize),
    Other(&'a Store),
}

impl<'a> Ids<'a> {
    #[inline]
    pub(crate) fn get(self, row: usize) -> &'a [u8] {
        match self {
            Ids::Fixed(text, width) => &text[row * width..(row + 1) * width],
            Ids::Other(store) => store.get(row).as_bytes(),
        }
    }
}

/// How a column is built: coded (few distinct values) or as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Coded,
    Text,
}

/// Builds one column's [`Store`], value by value or store by store.
pub(crate) struct StoreBuilder {
    store: Store,
    index: FxHashMap<Box<str>, u16>,
    // Fixed width while every value has the first one's width.
    fixed: Option<usize>,
}

impl StoreBuilder {
    pub(crate) fn new(layout: Layout) -> Self {
        let store = match layout {
            Layout::Coded => Store::Dict {
                codes: Vec::new(),
                values: Vec::new(),
            },
            Layout::Text => Store::Fixed {
                text: String::new(),
                width: 0,
            },
        };
        Self {
            store,
            index: FxHashMap::default(),
            fixed: None,
        }
    }

    pub(crate) fn push(&mut self, value: &str) {
        match &mut self.store {
            Store::Dict { codes, values } => {
                if let Some(&code) = self.index.get(value) {
                    codes.push(code);
                    return;
                }
                if values.len() < DICT_LIMIT {
                    let code = values.len() as u16;
                    values.push(value.into());
                    self.index.insert(value.into(), code);
                    codes.push(code);
                    return;
                }
                self.make_text();
                self.push(value);
            }
            Store::Fixed { text, width } => {
                let first = *self.fixed.get_or_insert(value.len());
                if value.len() == first && first > 0 {
                    *width = first;
                    text.push_str(value);
                } else {
                    self.make_text();
                    self.push(value);
                }
            }
            Store::Text { text, ends } => {
                text.push_str(value);
                ends.push(text.len() as u64);
            }
        }
    }

    /// Makes room for `rows` values in all (a guess from the file's size), so that the
    /// blocks appended later do not copy the column again each time it doubles.
    pub(crate) fn reserve(&mut self, rows: usize) {
        match &mut self.store {
            Store::Dict { codes, .. } => codes.reserve_exact(rows.saturating_sub(codes.len())),
            Store::Fixed { text, width } => {
                text.reserve_exact((rows * *width).saturating_sub(text.len()));
            }
            Store::Text { ends, .. } => ends.reserve_exact(rows.saturating_sub(ends.len())),
        }
    }

    /// Appends another builder's values (a block read in parallel).
    pub(crate) fn append(&mut self, other: StoreBuilder) {
        match (&mut self.store, other.store) {
            (
                Store::Dict { codes, values },
                Store::Dict {
                    codes: c2,
                    values: v2,
                },
            ) if values.len() + v2.len() <= DICT_LIMIT
                || v2.iter().all(|v| self.index.contains_key(v)) =>
            {
                let map: Vec<u16> = v2
                    .iter()
                    .map(|v| {
                        *self.index.entry(v.clone()).or_insert_with(|| {
                            values.push(v.clone());
                            (values.len() - 1) as u16
                        })
                    })
                    .collect();
                codes.extend(c2.iter().map(|&c| map[usize::from(c)]));
            }
            (
                Store::Fixed { text, width },
                Store::Fixed {
                    text: t2,
                    width: w2,
                },
            ) if *width == w2 || t2.is_empty() || text.is_empty() => {
                if text.is_empty() {
                    *width = w2;
                    self.fixed = Some(w2);
                }
                text.push_str(&t2);
            }
            (_, store) => {
                for row in 0..store.len() {
                    self.push(store.get(row));
                }
            }
        }
    }

    fn make_text(&mut self) {
        let old = std::mem::replace(
            &mut self.store,
            Store::Text {
                text: String::new(),
                ends: Vec::new(),
            },
        );
        self.index = FxHashMap::default();
        for row in 0..old.len() {
            self.push(old.get(row));
        }
    }

    pub(crate) fn finish(mut self) -> Store {
        match &mut self.store {
            Store::Dict { codes, .. } => codes.shrink_to_fit(),
            Store::Fixed { text, .. } => text.shrink_to_fit(),
            Store::Text { text, ends } => {
                text.shrink_to_fit();
                ends.shrink_to_fit();
            }
        }
        self.store
    }
}

/// How a row is written in its source, to read it back.
#[derive(Debug, Clone)]
pub(crate) enum RowSyntax {
    /// A CSV or TSV record with this delimiter.
    Delimited(u8),
    /// A line of JSON Lines: an object with the id and the name under these members.
    JsonLines { id: Box<str>, name: Box<str> },
}

/// Where the rows whose names stay in the source begin, to read them back.
#[derive(Clone)]
pub(crate) struct Deferred {
    pub source: Arc<dyn ByteSource>,
    /// Byte offset of each row's record in the source.
    pub starts: Vec<u64>,
    pub syntax: RowSyntax,
    /// The column of the name in the file.
    pub grid_column: usize,
    /// The column of the id in the file (checked when a name is read back).
    pub id_column: usize,
    /// The file's encoding.
    pub encoding: super::text::Encoding,
}

impl std::fmt::Debug for Deferred {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Deferred")
            .field("rows", &self.starts.len())
            .finish_non_exhaustive()
    }
}

/// The target directory (检查对象名录库), read and normalised (SPEC.md §3).
#[derive(Debug, Clone)]
pub struct Directory {
    /// The input's name, for messages.
    pub source: String,
    /// Normalised column names, in the order of the file.
    pub columns: Vec<String>,
    /// How each column's values were read.
    pub kinds: Vec<ValueKind>,
    /// Header names of the columns dropped unread (personal data, or not read by the plan), sorted.
    pub dropped: Vec<String>,
    /// Ids accepted through the allowlist, sorted.
    pub allowlisted: Vec<String>,
    /// Ids that failed their check and were accepted in warn mode, sorted.
    pub unchecked: Vec<String>,
    /// The id check the directory was read with.
    pub id_check: IdCheckMode,
    pub(crate) len: usize,
    /// One store per column; `None` for a column hashed but not kept.
    pub(crate) stores: Vec<Option<Store>>,
    pub(crate) id_col: usize,
    pub(crate) name_col: usize,
    /// `(row, line − row)` (wrapping: CR-only line ends keep every row on line 1)
    /// wherever the difference changes (blank lines, records over several lines),
    /// so that a row's line costs no memory.
    pub(crate) lines: Vec<(usize, u64)>,
    pub(crate) deferred: Option<Deferred>,
}

impl Directory {
    /// Holds a parsed table compactly, every column kept.
    pub fn from_table(table: Table) -> Directory {
        assert_eq!(table.kind, TableKind::Targets, "a target directory");
        assert!(
            table.rows.len() <= super::limits::ROWS,
            "rows are numbered in 32 bits"
        );
        let mut builders: Vec<StoreBuilder> = table
            .columns
            .iter()
            .enumerate()
            .map(|(c, _)| {
                StoreBuilder::new(if c == table.id_col || c == table.name_col {
                    Layout::Text
                } else {
                    Layout::Coded
                })
            })
            .collect();
        let mut lines = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let extra = row.line.wrapping_sub(i as u64);
            if lines.last().is_none_or(|&(_, e)| e != extra) {
                lines.push((i, extra));
            }
            for (b, v) in builders.iter_mut().zip(&row.values) {
                b.push(v);
            }
        }
        Directory {
            source: table.source,
            columns: table.columns,
            kinds: table.kinds,
            dropped: table.dropped,
            allowlisted: table.allowlisted,
            unchecked: table.unchecked,
            id_check: table.id_check,
            len: table.rows.len(),
            stores: builders.into_iter().map(|b| Some(b.finish())).collect(),
            id_col: table.id_col,
            name_col: table.name_col,
            lines,
            deferred: None,
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the directory has no rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The index of a column by its normalised name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// True when the values of a column are kept (all are, unless the directory
    /// was read for a plan that does not need them).
    pub fn is_kept(&self, column: usize) -> bool {
        self.stores[column].is_some()
    }

    /// A row's value in a kept column.
    ///
    /// # Panics
    /// When the column was not kept: the reader keeps every column the plan names.
    pub fn value(&self, row: usize, column: usize) -> &str {
        self.stores[column]
            .as_ref()
            .unwrap_or_else(|| panic!("column '{}' was not kept", self.columns[column]))
            .get(row)
    }

    /// A coded column's codes and the values they stand for (`None` for a column held as text).
    pub(crate) fn codes(&self, column: usize) -> Option<(&[u16], &[Box<str>])> {
        match self.stores[column].as_ref()? {
            Store::Dict { codes, values } => Some((codes, values)),
            _ => None,
        }
    }

    /// A row's id.
    pub fn id(&self, row: usize) -> &str {
        self.value(row, self.id_col)
    }

    /// The ids as bytes, for loops over every row (tickets): the store is looked at once,
    /// and a fixed-width id is a plain slice.
    pub(crate) fn ids(&self) -> Ids<'_> {
        match self.stores[self.id_col].as_ref().expect("ids are kept") {
            Store::Fixed { text, width } => Ids::Fixed(text.as_bytes(), *width),
            other => Ids::Other(other),
        }
    }

    /// The line (row number, position) of a row in the source.
    pub fn line(&self, row: usize) -> u64 {
        let at = self.lines.partition_point(|&(r, _)| r <= row);
        (row as u64).wrapping_add(if at == 0 { 2 } else { self.lines[at - 1].1 })
    }

    /// The columns, sorted as the canonical encoding sorts them.
    pub fn sorted_columns(&self) -> Vec<String> {
        let mut cols = self.columns.clone();
        cols.sort();
        cols
    }

    /// The public projection as CSV (see [`Table::to_csv`]); `None` when some
    /// columns were not kept.
    pub fn to_csv(&self) -> Option<Vec<u8>> {
        if self.stores.iter().any(Option::is_none) {
            return None;
        }
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record(&self.columns).expect("writing to memory");
        for row in 0..self.len {
            w.write_record((0..self.columns.len()).map(|c| self.value(row, c)))
                .expect("writing to memory");
        }
        Some(w.into_inner().expect("writing to memory"))
    }

    /// The location of a row's cell, for messages.
    pub fn at(&self, row: usize, column: Option<usize>) -> Location {
        let mut at = Location::line(&self.source, self.line(row));
        at.column = column.map(|c| c as u64 + 1);
        at
    }

    pub(crate) fn io_error(&self, e: &std::io::Error) -> Error {
        Error::with_id(ErrorKind::Read, "input-read-failed")
            .at(Location::file(&self.source))
            .arg("detail", e.to_string())
            .caused_by(std::io::Error::new(e.kind(), e.to_string()))
    }
}

impl super::table::Columns for Directory {
    fn table_kind(&self) -> super::kind::TableKind {
        super::kind::TableKind::Targets
    }
    fn column_names(&self) -> &[String] {
        &self.columns
    }
    fn dropped_headers(&self) -> &[String] {
        &self.dropped
    }
}
