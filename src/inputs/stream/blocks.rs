//! The calling thread's side of a read: reading the file a block at a time, hashing its
//! bytes, reading the header and cutting each block after its last complete record for
//! the workers ([`parse`](super::parse)), whose blocks are joined in file order
//! ([`assemble`](super::assemble)); and the read again as GB18030, or as one block,
//! when the first read cannot stand.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, mpsc};

use sha2::{Digest as _, Sha256};

use super::assemble::{Assembler, Outcome};
use super::parse::parse_chunk;
use super::records::{count_newlines, cut_point, first_record};
use super::rows::{Chunk, Context};
use super::scan::{Text, binary, binary_at, line_at, not_text, whole_file_text};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::digest::Leaves;
use crate::inputs::directory::{Layout, RowSyntax};
use crate::inputs::grid::{HEADER_SEARCH, check_columns};
use crate::inputs::header::{Header, names_required};
use crate::inputs::kind::TableKind;
use crate::inputs::options::TableOptions;
use crate::inputs::source::ByteSource;
use crate::inputs::text::Encoding;

/// Bytes read at a time.
pub const BLOCK_BYTES: usize = 8 << 20;

/// The longest record: 1,024 columns of 4,096 bytes, quoted, with room to spare.
const MAX_RECORD_BYTES: usize = crate::inputs::limits::RECORD_BYTES;

/// The largest file read again as one block when a stray quote misled the cut.
const MAX_SINGLE_BLOCK: u64 = 1 << 30;

/// What to keep and how to work.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// Columns whose values are kept besides the id (by normalised name);
    /// `None` keeps every column.
    pub keep: Option<&'a BTreeSet<String>>,
    /// Keep the names in memory; otherwise they are read back from the source
    /// for the rows that need them ([`Directory::name`](crate::inputs::Directory::name)).
    pub keep_names: bool,
    /// Worker threads; 0 uses every core.
    pub threads: usize,
    /// Bytes per block.
    pub block_bytes: usize,
    /// Called after each block with what has been read so far.
    pub progress: Option<&'a (dyn Fn(&Progress) + Sync)>,
    /// Hash the file's raw bytes too ([`Outcome::raw`]): a serial SHA-256 of the whole
    /// file, a sixth of a draw's time on two cores, asked for only when it is recorded.
    pub raw_digest: bool,
}

impl Options<'_> {
    /// The worker threads to start: [`Options::threads`], or one per core for 0.
    pub(super) fn workers(&self) -> usize {
        if self.threads == 0 {
            std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
        } else {
            self.threads
        }
    }
}

impl Default for Options<'_> {
    fn default() -> Self {
        Self {
            keep: None,
            keep_names: true,
            threads: 0,
            block_bytes: BLOCK_BYTES,
            progress: None,
            raw_digest: false,
        }
    }
}

/// How far a read has come.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Bytes read.
    pub bytes: u64,
    /// Bytes in all.
    pub total: u64,
    /// Rows parsed and joined.
    pub rows: u64,
}

/// Reads a delimited target directory from `data` (SPEC.md §3): UTF-8, or GB18030
/// (GBK) when that was forced or the text is not UTF-8, as the in-memory reader decides.
pub fn read(
    source: &str,
    data: &Arc<dyn ByteSource>,
    delimiter: u8,
    table: &TableOptions,
    options: &Options<'_>,
) -> Result<Outcome> {
    let forced = table.read.encoding;
    if forced != Some(Encoding::Gb18030) {
        let utf8 = read_blocks(source, data, delimiter, table, options, Encoding::Utf8);
        // `None`: not UTF-8, and UTF-8 was not promised: GB18030 (SPEC.md §3.1).
        if let Some(outcome) = outranked(source, &**data, Encoding::Utf8, forced, utf8)? {
            return Ok(outcome);
        }
    }
    let gb = read_blocks(source, data, delimiter, table, options, Encoding::Gb18030);
    // Bytes that are not GB18030 are an error in this pass, never a `None`.
    outranked(source, &**data, Encoding::Gb18030, forced, gb)?.ok_or_else(|| {
        Error::new(ErrorKind::Encoding)
            .at(Location::file(source))
            .arg("encoding", Encoding::Gb18030.as_str())
    })
}

/// What makes a file not a text table, or not text in its encoding, outranks every
/// other problem wherever it is (the in-memory reader decodes the whole file first): an
/// early error is reported only after the rest of the file has been scanned for them.
pub(super) fn outranked(
    source: &str,
    data: &dyn ByteSource,
    encoding: Encoding,
    forced: Option<Encoding>,
    result: Result<Option<Outcome>>,
) -> Result<Option<Outcome>> {
    match result {
        Err(e) if e.kind() != ErrorKind::Binary => {
            match whole_file_text(source, data, encoding, forced)? {
                Text::Clean => Err(e),
                Text::NotUtf8 => Ok(None),
                Text::Fails(global) => Err(*global),
            }
        }
        other => other,
    }
}

/// [`read`] without the scan for NUL bytes and encoding after an early error.
fn read_blocks(
    source: &str,
    data: &Arc<dyn ByteSource>,
    delimiter: u8,
    table: &TableOptions,
    options: &Options<'_>,
    encoding: Encoding,
) -> Result<Option<Outcome>> {
    let kind = TableKind::Targets;
    let total = data.size();
    let block = options.block_bytes.max(1);
    let io = |e: std::io::Error| {
        Error::with_id(ErrorKind::Read, "input-read-failed")
            .at(Location::file(source))
            .arg("detail", e.to_string())
            .caused_by(e)
    };
    let mut raw = options.raw_digest.then(Sha256::new);
    let mut offset = 0_u64;
    // The first block: BOM, header.
    let mut carry = Vec::new();
    let mut eof = fill(&**data, &mut carry, &mut offset, block, &mut raw).map_err(io)?;
    // Enough for a byte order mark, however small the blocks.
    while carry.len() < 4 && !eof {
        eof = fill(&**data, &mut carry, &mut offset, block, &mut raw).map_err(io)?;
    }
    if let Some(at) = memchr::memchr(0, &carry) {
        return Err(binary(source, &carry, at, 0));
    }
    let bom = encoding == Encoding::Utf8 && carry.starts_with(b"\xEF\xBB\xBF");
    // Bytes that are not text in the encoding are an error, not a reason to try GB18030.
    let forced =
        bom || encoding == Encoding::Gb18030 || table.read.encoding == Some(Encoding::Utf8);
    // The mark is not text: UTF-8's, or GB18030's U+FEFF (which the csv crate drops from
    // the decoded text, as the in-memory reader reads it).
    let mut start = if bom {
        3
    } else if encoding == Encoding::Gb18030 && carry.starts_with(b"\x84\x31\x95\x33") {
        4
    } else {
        0
    };
    // The header record (csv_core, as the in-memory reader), more blocks if it is long: the
    // first record that is not empty, or a later one below title rows (SPEC.md §3.1).
    // `pos` is where the next record begins; the records before the header are dropped.
    let mut pos = start;
    let mut first: Option<(Vec<String>, usize, u64)> = None;
    let mut rows_seen = 0;
    let (header, header_end, header_line) = loop {
        match first_record(&carry[pos..], delimiter, eof) {
            Some((cells, used, newlines_before)) => {
                let line = 1 + count_newlines(&carry[start..pos]) as u64 + newlines_before;
                let mut decoded = Vec::with_capacity(cells.len());
                for cell in cells {
                    match decode_cell(cell, encoding) {
                        Some(s) => decoded.push(s),
                        None if forced => return Err(not_text(source, &carry, bom, encoding)),
                        None => return Ok(None),
                    }
                }
                check_columns(source, line, decoded.len())?;
                pos += used;
                if decoded.iter().all(String::is_empty) {
                    continue;
                }
                rows_seen += 1;
                if names_required(kind, &decoded, table) {
                    break (decoded, pos, line);
                }
                if first.is_none() {
                    first = Some((decoded, pos, line));
                }
                if rows_seen == HEADER_SEARCH {
                    break first.take().expect("a row was seen");
                }
            }
            None if eof => match first.take() {
                Some(first) => break first,
                None => {
                    return Err(Error::new(ErrorKind::EmptyTable)
                        .at(Location::file(source))
                        .arg("expected", "id,name"));
                }
            },
            None => {
                if carry.len() > 64 << 20 {
                    return Err(
                        Error::with_id(ErrorKind::TooLarge, "input-too-large-header")
                            .at(Location::line(source, 1))
                            .arg("limit", 64 << 20),
                    );
                }
                eof = fill(&**data, &mut carry, &mut offset, block, &mut raw).map_err(io)?;
                if let Some(at) = memchr::memchr(0, &carry) {
                    return Err(binary(source, &carry, at, 0));
                }
            }
        }
    };
    let at_header = |i: Option<usize>| {
        let mut at = Location::line(source, header_line);
        at.column = i.map(|c| c as u64 + 1);
        at
    };
    let resolved = Header::resolve(kind, &header, &at_header, table)?;
    let stored = stored_layouts(&resolved, options);
    let ctx = Context {
        source,
        syntax: RowSyntax::Delimited(delimiter),
        width: header.len(),
        header: &resolved,
        options: table,
        kind,
        stored,
        leaves: Leaves::new(kind, &resolved.columns),
        defer_names: !options.keep_names,
        encoding,
    };
    // The line of the byte after the header.
    let mut line = 1 + count_newlines(&carry[..header_end]) as u64;
    start = header_end;

    let threads = options.workers();
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, u64, u64, Vec<u8>, bool)>(threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel::<(usize, Chunk)>();
    // Blocks parsed come back to be filled again: a fresh 8 MiB block for each would
    // fault in (and zero) new pages all the time.
    let (pool_tx, pool_rx) = mpsc::channel::<Vec<u8>>();
    let mut assembler = Assembler::new(&ctx, total);
    let mut nul: Option<Error> = None;
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..threads {
            let job_rx = Arc::clone(&job_rx);
            let out_tx = out_tx.clone();
            let pool_tx = pool_tx.clone();
            let ctx = &ctx;
            scope.spawn(move || {
                loop {
                    let job = job_rx.lock().expect("no worker panics").recv();
                    let Ok((index, at, first_line, bytes, last)) = job else {
                        break;
                    };
                    let chunk = parse_chunk(ctx, &bytes, at, first_line, last);
                    // The reader may have finished: then the block is just dropped.
                    let _ = pool_tx.send(bytes);
                    if out_tx.send((index, chunk)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(out_tx);
        drop(pool_tx);
        let mut index = 0;
        let result = (|| -> Result<()> {
            loop {
                // Cut after the last record that surely ends in this block.
                let cut = if eof {
                    Some(carry.len())
                } else {
                    cut_point(&carry, start)
                };
                if let Some(cut) = cut {
                    let at = offset - carry.len() as u64 + start as u64;
                    let last = eof && cut == carry.len();
                    // The block goes to a worker as is; only the unfinished record is copied,
                    // into a block that came back.
                    let mut next = pool_rx.try_recv().unwrap_or_default();
                    next.clear();
                    next.extend_from_slice(&carry[cut..]);
                    carry.truncate(cut);
                    let mut bytes = std::mem::replace(&mut carry, next);
                    if start > 0 {
                        bytes.drain(..start);
                    }
                    let newlines = count_newlines(&bytes) as u64;
                    job_tx
                        .send((index, at, line, bytes, last))
                        .expect("workers run until the jobs end");
                    index += 1;
                    line += newlines;
                    start = 0;
                    while let Ok((i, chunk)) = out_rx.try_recv() {
                        assembler.add(i, chunk);
                    }
                    // Not UTF-8 and UTF-8 not promised: the file is read again as GB18030,
                    // which finds whatever the rest holds.
                    if !forced && assembler.bad_text.is_some() {
                        return Ok(());
                    }
                    if let Some(p) = options.progress {
                        p(&Progress {
                            bytes: offset,
                            total,
                            rows: assembler.rows as u64,
                        });
                    }
                }
                if eof && carry.len() <= start {
                    return Ok(());
                }
                if carry.len() - start > MAX_RECORD_BYTES {
                    return Err(overlong(source, &ctx, &carry[start..], line));
                }
                let before = carry.len();
                eof = fill(&**data, &mut carry, &mut offset, block, &mut raw).map_err(io)?;
                if let Some(at) = memchr::memchr(0, &carry[before..]) {
                    let base = offset - carry.len() as u64;
                    nul = Some(binary_at(source, &**data, base + (before + at) as u64)?);
                    return Ok(());
                }
            }
        })();
        drop(job_tx);
        for (i, chunk) in out_rx {
            assembler.add(i, chunk);
        }
        result
    })?;
    if let Some(e) = nul {
        return Err(e);
    }
    if let Some(at) = assembler.bad_text {
        if forced {
            return Err(Error::new(ErrorKind::Encoding)
                .at(line_at(source, &**data, at)?)
                .arg("encoding", encoding.as_str()));
        }
        return Ok(None);
    }
    if assembler.unclean {
        // A quote inside an unquoted field misled the cut (the field is taken as written,
        // the quote does not open a quoted field): read again as one block.
        if total > MAX_SINGLE_BLOCK || options.block_bytes as u64 > total {
            return Err(
                Error::with_id(ErrorKind::Csv, "csv-stray-quote").at(Location::file(source))
            );
        }
        let whole = Options {
            block_bytes: usize::try_from(total)
                .unwrap_or(usize::MAX)
                .saturating_add(1),
            threads: 1,
            ..*options
        };
        return read_blocks(source, data, delimiter, table, &whole, encoding);
    }
    assembler
        .finish(data, raw.map(|r| r.finalize().into()))
        .map(Some)
}

/// How each kept column is stored: the ids as text, the names as text when they are kept,
/// the other columns coded when they are kept.
pub(super) fn stored_layouts(resolved: &Header, options: &Options<'_>) -> Vec<Option<Layout>> {
    resolved
        .columns
        .iter()
        .enumerate()
        .map(|(c, name)| {
            if c == resolved.id_col {
                Some(Layout::Text)
            } else if c == resolved.name_col {
                options.keep_names.then_some(Layout::Text)
            } else if options.keep.is_none_or(|k| k.contains(name)) {
                Some(Layout::Coded)
            } else {
                None
            }
        })
        .collect()
}

/// The error for a record longer than [`MAX_RECORD_BYTES`]: the field being read
/// when the limit was reached, or the record when that cannot be told.
fn overlong(source: &str, ctx: &Context<'_>, bytes: &[u8], line: u64) -> Error {
    let skipped = bytes
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .count();
    let line = line + count_newlines(&bytes[..skipped]) as u64;
    let mut reader = csv_core::ReaderBuilder::new()
        .delimiter(ctx.delimiter())
        .build();
    let mut out = vec![0; bytes.len()];
    let mut ends = vec![0; ctx.width + 2];
    let (_, _, _, fields) = reader.read_record(&bytes[skipped..], &mut out, &mut ends);
    let column = fields; // complete fields before the one being read
    let mut at = Location::line(source, line);
    at.column = Some(column as u64 + 1);
    let e = match ctx.header.keep.iter().position(|&g| g == column) {
        Some(c) => Error::with_id(ErrorKind::TooLarge, "input-too-large-record-field")
            .arg("field", ctx.header.columns[c].clone()),
        None => Error::with_id(ErrorKind::TooLarge, "input-too-large-record-column")
            .arg("column", column + 1),
    };
    e.at(at)
        .arg("bytes", MAX_RECORD_BYTES)
        .arg("limit", crate::inputs::limits::FIELD_BYTES as u64)
}

/// Appends a block to `carry`; true at the end of the source.
fn fill(
    data: &dyn ByteSource,
    carry: &mut Vec<u8>,
    offset: &mut u64,
    block: usize,
    raw: &mut Option<Sha256>,
) -> std::io::Result<bool> {
    let before = carry.len();
    carry.resize(before + block, 0);
    let mut got = 0;
    while got < block {
        let n = data.read_at(*offset + got as u64, &mut carry[before + got..])?;
        if n == 0 {
            break;
        }
        got += n;
    }
    carry.truncate(before + got);
    if let Some(raw) = raw {
        raw.update(&carry[before..]);
    }
    *offset += got as u64;
    Ok(got < block)
}

/// A cell's bytes as text in `encoding`; `None` when they are not.
fn decode_cell(cell: Vec<u8>, encoding: Encoding) -> Option<String> {
    match encoding {
        Encoding::Utf8 => String::from_utf8(cell).ok(),
        Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(&cell)
            .map(Cow::into_owned),
    }
}
