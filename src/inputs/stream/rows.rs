//! What every worker needs and gives back ([`Context`], [`Chunk`]), and what it does with
//! one row whatever the format it was split from (CSV, TSV, JSON Lines): normalise and
//! check its values, look for personal data, check its id, hash its leaf and keep the
//! columns asked for; and decoding a block.

use std::borrow::Cow;

use crate::base::canonical::Hash;
use crate::base::uscc;
use crate::error::{Error, ErrorKind, Location, MAX_PROBLEMS};
use crate::inputs::digest::Leaves;
use crate::inputs::directory::{Layout, RowSyntax, StoreBuilder};
use crate::inputs::header::Header;
use crate::inputs::kind::TableKind;
use crate::inputs::options::{IdCheckMode, TableOptions};
use crate::inputs::text::Encoding;
use crate::inputs::values::{clean_value, read_value_cow};

/// What every worker needs.
pub(super) struct Context<'a> {
    pub(super) source: &'a str,
    /// How rows are written: CSV or TSV records, or lines of JSON Lines.
    pub(super) syntax: RowSyntax,
    /// The number of columns in the file.
    pub(super) width: usize,
    pub(super) header: &'a Header,
    pub(super) options: &'a TableOptions,
    pub(super) kind: TableKind,
    pub(super) stored: Vec<Option<Layout>>,
    pub(super) leaves: Leaves,
    pub(super) defer_names: bool,
    /// The file's encoding: a GB18030 block is decoded before it is parsed.
    pub(super) encoding: Encoding,
}

impl Context<'_> {
    /// The delimiter of CSV or TSV records.
    pub(super) fn delimiter(&self) -> u8 {
        match self.syntax {
            RowSyntax::Delimited(d) => d,
            RowSyntax::JsonLines { .. } => unreachable!("JSON Lines are not split as records"),
        }
    }
}

/// A block's rows, parsed.
#[derive(Default)]
pub(super) struct Chunk {
    pub(super) rows: usize,
    /// The block's length in the file.
    pub(super) bytes: usize,
    /// The leaves, grouped by first byte (in row order within a group).
    pub(super) leaves: Vec<Hash>,
    /// Where each first byte's group starts in `leaves`; the last is its length.
    pub(super) bounds: Vec<u32>,
    pub(super) stores: Vec<Option<StoreBuilder>>,
    pub(super) starts: Vec<u64>,
    /// `(local row, line)` wherever `line − row` changes.
    pub(super) lines: Vec<(usize, u64)>,
    /// Each with twice the number of rows kept before it (duplicates go between).
    pub(super) problems: Vec<(u64, Error)>,
    pub(super) problem_total: u64,
    /// A malformed row (the whole read fails with the first).
    pub(super) structural: Option<Error>,
    /// Offset of the first byte that is not text in the file's encoding.
    pub(super) bad_text: Option<u64>,
    /// False when the block ended inside a record: the cut was wrong.
    pub(super) clean: bool,
    pub(super) allowlisted: Vec<String>,
    pub(super) unchecked: Vec<String>,
}

impl Chunk {
    /// An empty chunk for a block of `bytes` bytes, with a store for each column kept.
    pub(super) fn new(ctx: &Context<'_>, bytes: usize) -> Chunk {
        Chunk {
            stores: ctx
                .stored
                .iter()
                .map(|l| (*l).map(StoreBuilder::new))
                .collect(),
            clean: true,
            bytes,
            ..Chunk::default()
        }
    }
}

/// A block's bytes as text in the file's encoding, or the offset in the file of the first
/// byte that is not.
pub(super) fn decode_block(
    bytes: &[u8],
    encoding: Encoding,
    offset: u64,
) -> Result<Cow<'_, str>, u64> {
    match encoding {
        Encoding::Utf8 => {
            if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
                return Ok(Cow::Borrowed(text));
            }
            let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
            Err(offset + valid as u64)
        }
        Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or_else(|| offset + crate::inputs::text::gb18030_error(bytes).unwrap_or(0) as u64),
    }
}

/// Maps where a record starts in a block's decoded text to where it starts in the
/// block's bytes: after the same number of line-end bytes.
pub(super) struct RawStarts {
    /// Offsets of the block's `\n` and `\r` bytes (GB18030 only).
    ends: Option<Vec<u32>>,
    /// Text read so far and the line-end bytes in it.
    at: usize,
    seen: usize,
}

impl RawStarts {
    pub(super) fn new(bytes: &[u8], encoding: Encoding) -> Self {
        Self {
            ends: (encoding == Encoding::Gb18030).then(|| {
                memchr::memchr2_iter(b'\n', b'\r', bytes)
                    .map(|i| i as u32)
                    .collect()
            }),
            at: 0,
            seen: 0,
        }
    }

    /// The byte offset of the record starting at `start` in `text` (after a line end,
    /// or at 0); records are asked for in order.
    pub(super) fn of(&mut self, text: &str, start: usize) -> usize {
        let Some(ends) = &self.ends else {
            return start;
        };
        self.seen += memchr::memchr2_iter(b'\n', b'\r', &text.as_bytes()[self.at..start]).count();
        self.at = start;
        // The counts agree for any text that decoded (no GB18030 sequence decodes to a line
        // end); were they not to, the name read back would fail its id check, not panic.
        match self.seen.checked_sub(1) {
            None => 0,
            Some(i) => ends.get(i).map_or(start, |&e| e as usize + 1),
        }
    }
}

/// One row that is not all empty: `fields` are its cells by column of the file,
/// `record_line` its line; `start()` is where it starts in the file (asked for only when
/// the names are read back). Its problems go to the chunk; a row without any is kept.
pub(super) fn take_row<'t>(
    ctx: &Context<'_>,
    chunk: &mut Chunk,
    fields: &[Cow<'t, str>],
    record_line: u64,
    values: &mut Vec<Cow<'t, str>>,
    buf: &mut Vec<u8>,
    start: impl FnOnce() -> u64,
) {
    let h = ctx.header;
    let at = |column: usize| {
        let mut at = Location::line(ctx.source, record_line);
        at.column = Some(column as u64 + 1);
        at
    };
    let problem = |chunk: &mut Chunk, e: Error| {
        chunk.problem_total += 1;
        if chunk.problems.len() < MAX_PROBLEMS {
            // Ordered by the number of rows kept before it (SPEC.md §3.3: in file order).
            chunk.problems.push((chunk.rows as u64 * 2, e));
        }
    };
    values.clear();
    let mut ok = true;
    for (c, &g) in h.keep.iter().enumerate() {
        let read = match &fields[g] {
            Cow::Borrowed(raw) => match clean_value(raw, h.kinds[c]) {
                Some(v) => Ok(Cow::Borrowed(v)),
                None => read_value_cow(raw, h.kinds[c], &h.columns[c], &|| at(g)),
            },
            Cow::Owned(raw) => read_value_cow(raw, h.kinds[c], &h.columns[c], &|| at(g))
                .map(|v| Cow::Owned(v.into_owned())),
        };
        match read {
            Ok(v) => values.push(v),
            Err(e) => {
                problem(chunk, e);
                values.push(Cow::Borrowed(""));
                ok = false;
            }
        }
    }
    for c in [h.id_col, h.name_col] {
        if ok && values[c].is_empty() {
            problem(
                chunk,
                Error::new(ErrorKind::EmptyField)
                    .at(at(h.keep[c]))
                    .arg("field", h.columns[c].clone()),
            );
            ok = false;
        }
    }
    if !ok {
        return;
    }
    // The id's check once: a valid code is also no resident id (personal data).
    let id_is_code = ctx.kind == TableKind::Targets && uscc::diagnose(&values[h.id_col]).is_ok();
    if let Some(e) = crate::inputs::values::personal_data_after(
        &h.columns,
        &h.checked,
        h.id_col,
        id_is_code,
        values,
        &|c| at(h.keep[c]),
    ) {
        problem(chunk, e);
        return;
    }
    let id = &values[h.id_col];
    if ctx.kind == TableKind::Targets
        && !id_is_code
        && let Err(reason) = uscc::diagnose(id)
    {
        if ctx.options.id_check.allowlist.contains(id.as_ref()) {
            chunk.allowlisted.push(id.to_string());
        } else if ctx.options.id_check.mode == IdCheckMode::Warn {
            chunk.unchecked.push(id.to_string());
        } else {
            problem(
                chunk,
                Error::new(ErrorKind::InvalidId)
                    .at(at(h.keep[h.id_col]))
                    .arg("id", id.to_string())
                    .arg("reason", reason),
            );
            return;
        }
    }
    chunk
        .leaves
        .push(ctx.leaves.leaf(|c| values[c].as_ref(), buf));
    for (store, v) in chunk.stores.iter_mut().zip(values.iter()) {
        if let Some(s) = store {
            s.push(v);
        }
    }
    if ctx.defer_names {
        chunk.starts.push(start());
    }
    let row = chunk.rows;
    if chunk
        .lines
        .last()
        .is_none_or(|&(r, l)| l.wrapping_sub(r as u64) != record_line.wrapping_sub(row as u64))
    {
        chunk.lines.push((row, record_line));
    }
    chunk.rows += 1;
}
