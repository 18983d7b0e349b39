//! Reading a CSV or TSV target directory in blocks ([`read`]).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, mpsc};

use rayon::prelude::*;
use rustc_hash::FxHasher;
use sha2::{Digest as _, Sha256};

use crate::base::canonical::Hash;
use crate::base::uscc;
use crate::error::{Error, Location, MAX_PROBLEMS, Result};
use crate::inputs::columns::ValueKind;
use crate::inputs::digest::{Leaves, SortedLeaves};
use crate::inputs::directory::{Deferred, Directory, Layout, StoreBuilder};
use crate::inputs::kind::TableKind;
use crate::inputs::source::ByteSource;
use crate::inputs::table::{Header, IdCheckMode, TableOptions};
use crate::inputs::text::Encoding;
use crate::inputs::values::{clean_value, read_value_cow};

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
    /// for the rows that need them ([`Directory::name`]).
    pub keep_names: bool,
    /// Worker threads; 0 uses every core.
    pub threads: usize,
    /// Bytes per block.
    pub block_bytes: usize,
    /// Called after each block with what has been read so far.
    pub progress: Option<&'a (dyn Fn(&Progress) + Sync)>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Self {
            keep: None,
            keep_names: true,
            threads: 0,
            block_bytes: BLOCK_BYTES,
            progress: None,
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

/// A directory read in blocks, with its digests.
#[derive(Debug)]
pub struct Outcome {
    /// The rows.
    pub directory: Directory,
    /// The canonical digest (SPEC.md §3.4).
    pub digest: Hash,
    /// SHA-256 of the bytes as read.
    pub raw: Hash,
}

/// What every worker needs.
struct Context<'a> {
    source: &'a str,
    delimiter: u8,
    width: usize,
    header: &'a Header,
    options: &'a TableOptions,
    kind: TableKind,
    stored: Vec<Option<Layout>>,
    leaves: Leaves,
    defer_names: bool,
    /// The file's encoding: a GB18030 block is decoded before it is parsed.
    encoding: Encoding,
}

/// A block's rows, parsed.
#[derive(Default)]
struct Chunk {
    rows: usize,
    /// The leaves, grouped by first byte (in row order within a group).
    leaves: Vec<Hash>,
    /// Where each first byte's group starts in `leaves`; the last is its length.
    bounds: Vec<u32>,
    stores: Vec<Option<StoreBuilder>>,
    starts: Vec<u64>,
    /// `(local row, line)` wherever `line − row` changes.
    lines: Vec<(usize, u64)>,
    /// Each with twice the number of rows kept before it (duplicates go between).
    problems: Vec<(u64, Error)>,
    problem_total: u64,
    /// A malformed row (the whole read fails with the first).
    structural: Option<Error>,
    /// Offset of the first byte that is not text in the file's encoding.
    bad_text: Option<u64>,
    /// False when the block ended inside a record: the cut was wrong.
    clean: bool,
    allowlisted: Vec<String>,
    unchecked: Vec<String>,
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
    outranked(source, &**data, Encoding::Gb18030, forced, gb)?.ok_or_else(|| Error::Encoding {
        at: Location::file(source),
        encoding: Encoding::Gb18030.as_str().into(),
    })
}

/// What makes a file not a text table, or not text in its encoding, outranks every
/// other problem wherever it is (the in-memory reader decodes the whole file first): an
/// early error is reported only after the rest of the file has been scanned for them.
fn outranked(
    source: &str,
    data: &dyn ByteSource,
    encoding: Encoding,
    forced: Option<Encoding>,
    result: Result<Option<Outcome>>,
) -> Result<Option<Outcome>> {
    match result {
        Err(e) if !matches!(e, Error::Binary { .. }) => {
            match whole_file_text(source, data, encoding, forced)? {
                Text::Clean => Err(e),
                Text::NotUtf8 => Ok(None),
                Text::Fails(global) => Err(*global),
            }
        }
        other => other,
    }
}

/// What a scan of the whole file says about it as text.
enum Text {
    /// Text in the encoding read, without NUL bytes.
    Clean,
    /// Not UTF-8 and no encoding forced: to be read as GB18030.
    NotUtf8,
    /// A NUL byte, not UTF-8 when UTF-8 was promised (BOM or forced), or not GB18030.
    Fails(Box<Error>),
}

/// Scans a whole file for NUL bytes and validity in `encoding`, block by block.
fn whole_file_text(
    source: &str,
    data: &dyn ByteSource,
    encoding: Encoding,
    forced: Option<Encoding>,
) -> Result<Text> {
    let io = |e: std::io::Error| Error::Read {
        at: Location::file(source),
        message: e.to_string(),
    };
    let size = data.size();
    let mut buf = vec![0; 1 << 20];
    let (mut at, mut newlines) = (0_u64, 0_u64);
    // First NUL anywhere.
    while at < size {
        let n = usize::try_from(size - at)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        data.read_exact_at(at, &mut buf[..n]).map_err(io)?;
        if let Some(i) = memchr::memchr(0, &buf[..n]) {
            return Ok(Text::Fails(Box::new(Error::Binary {
                at: Location::line(source, 1 + newlines + count_newlines(&buf[..i]) as u64),
                offset: at + i as u64,
            })));
        }
        newlines += count_newlines(&buf[..n]) as u64;
        at += n as u64;
    }
    if encoding == Encoding::Gb18030 {
        return gb18030_text(source, data, &mut buf);
    }
    // Then the first byte that is not UTF-8.
    let mut head = [0_u8; 3];
    let bom = size >= 3 && data.read_exact_at(0, &mut head).is_ok() && head == *b"\xEF\xBB\xBF";
    let (mut at, mut newlines) = (if bom { 3 } else { 0 }, 0_u64);
    let mut pending: Vec<u8> = Vec::new();
    while at < size || !pending.is_empty() {
        let n = usize::try_from(size - at)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        data.read_exact_at(at, &mut buf[..n]).map_err(io)?;
        let mut chunk = std::mem::take(&mut pending);
        chunk.extend_from_slice(&buf[..n]);
        at += n as u64;
        match std::str::from_utf8(&chunk) {
            Ok(_) => newlines += count_newlines(&chunk) as u64,
            // An incomplete character at the end of a block: carried into the next.
            Err(e) if e.error_len().is_none() && at < size => {
                let valid = e.valid_up_to();
                newlines += count_newlines(&chunk[..valid]) as u64;
                pending = chunk[valid..].to_vec();
            }
            Err(e) => {
                if !(bom || forced == Some(Encoding::Utf8)) {
                    return Ok(Text::NotUtf8);
                }
                let valid = e.valid_up_to();
                return Ok(Text::Fails(Box::new(Error::Encoding {
                    at: Location::line(
                        source,
                        1 + newlines + count_newlines(&chunk[..valid]) as u64,
                    ),
                    encoding: Encoding::Utf8.as_str().into(),
                })));
            }
        }
        if n == 0 {
            break;
        }
    }
    Ok(Text::Clean)
}

/// The first sequence that is not GB18030 in a whole file, read a buffer at a time.
fn gb18030_text(source: &str, data: &dyn ByteSource, buf: &mut [u8]) -> Result<Text> {
    let io = |e: std::io::Error| Error::Read {
        at: Location::file(source),
        message: e.to_string(),
    };
    let size = data.size();
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut scratch = vec![0_u8; 64 << 10];
    let (mut at, mut newlines) = (0_u64, 0_u64);
    while at < size {
        let n = usize::try_from(size - at)
            .unwrap_or(usize::MAX)
            .min(buf.len());
        data.read_exact_at(at, &mut buf[..n]).map_err(io)?;
        let last = at + n as u64 == size;
        let mut done = 0;
        loop {
            let (result, read, _) =
                decoder.decode_to_utf8_without_replacement(&buf[done..n], &mut scratch, last);
            done += read;
            match result {
                encoding_rs::DecoderResult::InputEmpty => break,
                encoding_rs::DecoderResult::OutputFull => {}
                encoding_rs::DecoderResult::Malformed(len, extra) => {
                    // The sequence may have begun in the previous buffer.
                    let bad = (at + done as u64).saturating_sub(u64::from(len) + u64::from(extra));
                    let before = usize::try_from(bad.saturating_sub(at)).unwrap_or(0);
                    let line = newlines + count_newlines(&buf[..before]) as u64;
                    return Ok(Text::Fails(Box::new(Error::Encoding {
                        at: Location::line(source, 1 + line),
                        encoding: Encoding::Gb18030.as_str().into(),
                    })));
                }
            }
        }
        newlines += count_newlines(&buf[..n]) as u64;
        at += n as u64;
    }
    Ok(Text::Clean)
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
    let io = |e: std::io::Error| Error::Read {
        at: Location::file(source),
        message: e.to_string(),
    };
    let mut raw = Sha256::new();
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
    // The header record (csv_core, as the in-memory reader), more blocks if it is long.
    let (header_cells, header_end, header_line) = loop {
        match first_record(&carry[start..], delimiter, eof) {
            Some((cells, used, newlines_before)) => {
                break (cells, start + used, 1 + newlines_before);
            }
            None if eof => {
                return Err(Error::EmptyTable {
                    at: Location::file(source),
                    expected: "id,name".into(),
                });
            }
            None => {
                if carry.len() > 64 << 20 {
                    return Err(Error::TooLarge {
                        at: Location::line(source, 1),
                        what: "the header".into(),
                        limit: 64 << 20,
                    });
                }
                eof = fill(&**data, &mut carry, &mut offset, block, &mut raw).map_err(io)?;
                if let Some(at) = memchr::memchr(0, &carry) {
                    return Err(binary(source, &carry, at, 0));
                }
            }
        }
    };
    let mut header = Vec::with_capacity(header_cells.len());
    for cell in header_cells {
        match decode_cell(cell, encoding) {
            Some(s) => header.push(s),
            None if forced => return Err(not_text(source, &carry, bom, encoding)),
            None => return Ok(None),
        }
    }
    if header.len() > crate::inputs::limits::COLUMNS {
        return Err(Error::TooLarge {
            at: Location::line(source, header_line),
            what: format!("the number of columns ({})", header.len()),
            limit: crate::inputs::limits::COLUMNS as u64,
        });
    }
    let at_header = |i: Option<usize>| {
        let mut at = Location::line(source, header_line);
        at.column = i.map(|c| c as u64 + 1);
        at
    };
    let resolved = Header::resolve(kind, &header, &at_header, table)?;
    let stored: Vec<Option<Layout>> = resolved
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
        .collect();
    let ctx = Context {
        source,
        delimiter,
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

    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(2, std::num::NonZero::get)
    } else {
        options.threads
    };
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, u64, u64, Vec<u8>, bool)>(threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (out_tx, out_rx) = mpsc::channel::<(usize, Chunk)>();
    let mut assembler = Assembler::new(&ctx);
    let mut nul: Option<Error> = None;
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..threads {
            let job_rx = Arc::clone(&job_rx);
            let out_tx = out_tx.clone();
            let ctx = &ctx;
            scope.spawn(move || {
                loop {
                    let job = job_rx.lock().expect("no worker panics").recv();
                    let Ok((index, at, first_line, bytes, last)) = job else {
                        break;
                    };
                    let chunk = parse_chunk(ctx, &bytes, at, first_line, last);
                    drop(bytes);
                    if out_tx.send((index, chunk)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(out_tx);
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
                    // The block goes to a worker as is; only the unfinished record is copied.
                    let tail = carry.split_off(cut);
                    let mut bytes = std::mem::replace(&mut carry, tail);
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
            return Err(Error::Encoding {
                at: line_at(source, &**data, at)?,
                encoding: encoding.as_str().into(),
            });
        }
        return Ok(None);
    }
    if assembler.unclean {
        // A quote inside an unquoted field misled the cut (the field is taken as written,
        // the quote does not open a quoted field): read again as one block.
        if total > MAX_SINGLE_BLOCK || options.block_bytes as u64 > total {
            return Err(Error::Csv {
                at: Location::file(source),
                message: "a quote inside an unquoted field and a quoted field over several lines: quote the field that holds the stray quote (\"\" for a quote inside quotes)".into(),
            });
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
    let digest_and_raw = raw.finalize().into();
    assembler.finish(data, digest_and_raw).map(Some)
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
        .delimiter(ctx.delimiter)
        .build();
    let mut out = vec![0; bytes.len()];
    let mut ends = vec![0; ctx.width + 2];
    let (_, _, _, fields) = reader.read_record(&bytes[skipped..], &mut out, &mut ends);
    let column = fields; // complete fields before the one being read
    let name = ctx
        .header
        .keep
        .iter()
        .position(|&g| g == column)
        .map_or_else(
            || format!("column {}", column + 1),
            |c| ctx.header.columns[c].clone(),
        );
    let mut at = Location::line(source, line);
    at.column = Some(column as u64 + 1);
    Error::TooLarge {
        at,
        what: format!("field '{name}' (more than {MAX_RECORD_BYTES} bytes)"),
        limit: crate::inputs::limits::FIELD_BYTES as u64,
    }
}

/// Appends a block to `carry`; true at the end of the source.
fn fill(
    data: &dyn ByteSource,
    carry: &mut Vec<u8>,
    offset: &mut u64,
    block: usize,
    raw: &mut Sha256,
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
    raw.update(&carry[before..]);
    *offset += got as u64;
    Ok(got < block)
}

fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The end of the last record of `carry[start..]` that cannot be inside a
/// quoted field: the last `\n` or `\r` after an even number of quotes.
fn cut_point(carry: &[u8], start: usize) -> Option<usize> {
    let region = &carry[start..];
    let mut quotes = memchr::memchr_iter(b'"', region).count();
    let mut end = region.len();
    while let Some(i) = memchr::memrchr2(b'\n', b'\r', &region[..end]) {
        quotes -= memchr::memchr_iter(b'"', &region[i..end]).count();
        if quotes % 2 == 0 {
            return Some(start + i + 1);
        }
        end = i;
    }
    None
}

/// Parses the first record with `csv_core`: its cells, the bytes used, and the
/// newlines before it (blank lines).
fn first_record(bytes: &[u8], delimiter: u8, eof: bool) -> Option<(Vec<Vec<u8>>, usize, u64)> {
    let skipped = bytes
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .count();
    let newlines = count_newlines(&bytes[..skipped]) as u64;
    let (cells, used) = one_record(&bytes[skipped..], delimiter, eof)?;
    Some((cells, skipped + used, newlines))
}

/// One record at the start of `bytes`, parsed with `csv_core` exactly as the `csv`
/// crate parses it; `None` when it does not end within `bytes` (and `eof` is false)
/// or there is no record.
fn one_record(bytes: &[u8], delimiter: u8, eof: bool) -> Option<(Vec<Vec<u8>>, usize)> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut out = vec![0; 4096];
    let mut ends = vec![0; 64];
    let mut input = bytes;
    let (mut nout, mut nends, mut used) = (0, 0, 0);
    loop {
        let (result, nin, o, e) = reader.read_record(input, &mut out[nout..], &mut ends[nends..]);
        used += nin;
        nout += o;
        nends += e;
        input = &input[nin..];
        match result {
            csv_core::ReadRecordResult::Record => break,
            csv_core::ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            csv_core::ReadRecordResult::InputEmpty if input.is_empty() && eof => {
                // Finish the last record at the end of the file.
                let (r, _, o, e) = reader.read_record(&[], &mut out[nout..], &mut ends[nends..]);
                nout += o;
                nends += e;
                if matches!(r, csv_core::ReadRecordResult::Record) {
                    break;
                }
                return None;
            }
            csv_core::ReadRecordResult::InputEmpty | csv_core::ReadRecordResult::End => {
                return None;
            }
        }
    }
    let mut cells = Vec::with_capacity(nends);
    let mut from = 0;
    for &end in &ends[..nends] {
        cells.push(out[from..end].to_vec());
        from = end;
    }
    let _ = nout;
    Some((cells, used))
}

fn binary(source: &str, bytes: &[u8], at: usize, base: u64) -> Error {
    Error::Binary {
        at: Location::line(source, 1 + count_newlines(&bytes[..at]) as u64),
        offset: base + at as u64,
    }
}

fn binary_at(source: &str, data: &dyn ByteSource, offset: u64) -> Result<Error> {
    Ok(Error::Binary {
        at: line_at(source, data, offset)?,
        offset,
    })
}

/// The error for the first bytes of `bytes` that are not text in `encoding`.
fn not_text(source: &str, bytes: &[u8], bom: bool, encoding: Encoding) -> Error {
    let at = match encoding {
        Encoding::Utf8 => {
            let body = if bom { &bytes[3..] } else { bytes };
            let valid = std::str::from_utf8(body)
                .err()
                .map_or(body.len(), |e| e.valid_up_to());
            valid + if bom { 3 } else { 0 }
        }
        Encoding::Gb18030 => crate::inputs::text::gb18030_error(bytes).unwrap_or(bytes.len()),
    };
    Error::Encoding {
        at: Location::line(source, 1 + count_newlines(&bytes[..at]) as u64),
        encoding: encoding.as_str().into(),
    }
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

/// The location of a byte offset: its line, counting from the start.
fn line_at(source: &str, data: &dyn ByteSource, offset: u64) -> Result<Location> {
    let mut newlines = 0;
    let mut buf = vec![0; 1 << 20];
    let mut at = 0;
    while at < offset {
        let n = ((offset - at) as usize).min(buf.len());
        data.read_exact_at(at, &mut buf[..n])
            .map_err(|e| Error::Read {
                at: Location::file(source),
                message: e.to_string(),
            })?;
        newlines += count_newlines(&buf[..n]);
        at += n as u64;
    }
    Ok(Location::line(source, 1 + newlines as u64))
}

/// Splits one record of `text` at `p`: the fast path for plain and simply quoted
/// fields; `None` when the record needs `csv_core` (an escaped quote `""`, text after
/// a closing quote, a quote that does not close in the block).
fn split_record<'t>(
    text: &'t str,
    mut p: usize,
    delimiter: u8,
    fields: &mut Vec<Cow<'t, str>>,
    line: &mut u64,
) -> Option<usize> {
    let b = text.as_bytes();
    let mut newlines = 0;
    loop {
        if p < b.len() && b[p] == b'"' {
            let close = p + 1 + memchr::memchr(b'"', &b[p + 1..])?;
            if b.get(close + 1) == Some(&b'"') {
                return None;
            }
            let content = &text[p + 1..close];
            newlines += count_newlines(content.as_bytes());
            fields.push(Cow::Borrowed(content));
            p = close + 1;
            if p < b.len() && !matches!(b[p], b'\n' | b'\r') && b[p] != delimiter {
                return None;
            }
        } else {
            let end = memchr::memchr3(delimiter, b'\n', b'\r', &b[p..]).map_or(b.len(), |i| p + i);
            fields.push(Cow::Borrowed(&text[p..end]));
            p = end;
        }
        if p >= b.len() {
            break;
        }
        if b[p] == delimiter {
            p += 1;
            if p >= b.len() {
                fields.push(Cow::Borrowed(""));
                break;
            }
            continue;
        }
        // The terminator: \n, \r or \r\n.
        if b[p] == b'\r' && b.get(p + 1) == Some(&b'\n') {
            p += 2;
            newlines += 1;
        } else {
            if b[p] == b'\n' {
                newlines += 1;
            }
            p += 1;
        }
        break;
    }
    *line += newlines as u64;
    Some(p)
}

/// Maps where a record starts in a block's decoded text to where it starts in the
/// block's bytes: after the same number of line-end bytes.
struct RawStarts {
    /// Offsets of the block's `\n` and `\r` bytes (GB18030 only).
    ends: Option<Vec<u32>>,
    /// Text read so far and the line-end bytes in it.
    at: usize,
    seen: usize,
}

impl RawStarts {
    fn new(bytes: &[u8], encoding: Encoding) -> Self {
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
    fn of(&mut self, text: &str, start: usize) -> usize {
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

fn parse_chunk(ctx: &Context<'_>, bytes: &[u8], offset: u64, first_line: u64, last: bool) -> Chunk {
    let mut chunk = Chunk {
        stores: ctx
            .stored
            .iter()
            .map(|l| (*l).map(StoreBuilder::new))
            .collect(),
        clean: true,
        ..Chunk::default()
    };
    let decoded: Cow<'_, str>;
    let text: &str = match ctx.encoding {
        Encoding::Utf8 => {
            let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
                let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
                chunk.bad_text = Some(offset + valid as u64);
                return chunk;
            };
            text
        }
        Encoding::Gb18030 => {
            let Some(text) =
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
            else {
                let bad = crate::inputs::text::gb18030_error(bytes).unwrap_or(0);
                chunk.bad_text = Some(offset + bad as u64);
                return chunk;
            };
            decoded = text;
            &decoded
        }
    };
    // Where records start in the file: the same as in the text for UTF-8; for GB18030,
    // after the same line end (no GB18030 sequence holds a \n or \r byte).
    let mut raw_starts = RawStarts::new(bytes, ctx.encoding);
    let b = text.as_bytes();
    let h = ctx.header;
    let mut fields: Vec<Cow<'_, str>> = Vec::with_capacity(ctx.width);
    let mut values: Vec<Cow<'_, str>> = Vec::with_capacity(h.columns.len());
    let mut buf = Vec::with_capacity(1024);
    let mut line = first_line;
    let mut p = 0;
    while p < b.len() {
        // Blank lines.
        while p < b.len() && matches!(b[p], b'\n' | b'\r') {
            if b[p] == b'\n' {
                line += 1;
            }
            p += 1;
        }
        if p >= b.len() {
            break;
        }
        let record_start = p;
        let record_line = line;
        fields.clear();
        if let Some(next) = split_record(text, p, ctx.delimiter, &mut fields, &mut line) {
            p = next;
        } else {
            fields.clear();
            let Some((cells, used)) = one_record(&b[p..], ctx.delimiter, last) else {
                chunk.clean = false;
                return chunk;
            };
            line = record_line + count_newlines(&b[p..p + used]) as u64;
            p += used;
            for cell in cells {
                let Ok(s) = String::from_utf8(cell) else {
                    chunk.bad_text = Some(offset + record_start as u64);
                    return chunk;
                };
                fields.push(Cow::Owned(s));
            }
        }
        if fields.len() != ctx.width && !(fields.len() == 1 && fields[0].is_empty()) {
            chunk.structural = Some(Error::Csv {
                at: Location::line(ctx.source, record_line),
                message: format!(
                    "this row has {} fields, the header has {}",
                    fields.len(),
                    ctx.width
                ),
            });
            return chunk;
        }
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
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
                    problem(&mut chunk, e);
                    values.push(Cow::Borrowed(""));
                    ok = false;
                }
            }
        }
        for c in [h.id_col, h.name_col] {
            if ok && values[c].is_empty() {
                problem(
                    &mut chunk,
                    Error::EmptyField {
                        at: at(h.keep[c]),
                        field: h.columns[c].clone(),
                    },
                );
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        if let Some(e) = crate::inputs::values::personal_data(
            ctx.kind,
            &h.columns,
            &h.checked,
            h.id_col,
            &values,
            &|c| at(h.keep[c]),
        ) {
            problem(&mut chunk, e);
            continue;
        }
        let id = &values[h.id_col];
        if ctx.kind == TableKind::Targets
            && let Err(reason) = uscc::diagnose(id)
        {
            if ctx.options.id_check.allowlist.contains(id.as_ref()) {
                chunk.allowlisted.push(id.to_string());
            } else if ctx.options.id_check.mode == IdCheckMode::Warn {
                chunk.unchecked.push(id.to_string());
            } else {
                problem(
                    &mut chunk,
                    Error::InvalidId {
                        at: at(h.keep[h.id_col]),
                        id: id.to_string(),
                        reason,
                    },
                );
                continue;
            }
        }
        chunk
            .leaves
            .push(ctx.leaves.leaf(|c| values[c].as_ref(), &mut buf));
        for (store, v) in chunk.stores.iter_mut().zip(&values) {
            if let Some(s) = store {
                s.push(v);
            }
        }
        if ctx.defer_names {
            chunk
                .starts
                .push(offset + raw_starts.of(text, record_start) as u64);
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
    // Grouped here, on the workers, so that the digest takes each group whole.
    (chunk.leaves, chunk.bounds) = group_by_first_byte(&chunk.leaves);
    chunk
}

/// Joins parsed blocks in file order.
struct Assembler<'c> {
    ctx: &'c Context<'c>,
    next: usize,
    waiting: BTreeMap<usize, Chunk>,
    rows: usize,
    /// Every block's leaves, one block after another, in one allocation (freed whole:
    /// its memory goes back to the system, which a block's own would not).
    leaves: Vec<Hash>,
    /// Each block's run in `leaves`: where it starts, and its groups' bounds.
    runs: Vec<(usize, Vec<u32>)>,
    stores: Vec<Option<StoreBuilder>>,
    starts: Vec<u64>,
    lines: Vec<(usize, u64)>,
    problems: Vec<(u64, Error)>,
    problem_total: u64,
    structural: Option<Error>,
    bad_text: Option<u64>,
    unclean: bool,
    allowlisted: Vec<String>,
    unchecked: Vec<String>,
}

impl<'c> Assembler<'c> {
    fn new(ctx: &'c Context<'c>) -> Self {
        Self {
            ctx,
            next: 0,
            waiting: BTreeMap::new(),
            rows: 0,
            leaves: Vec::new(),
            runs: Vec::new(),
            stores: ctx
                .stored
                .iter()
                .map(|l| (*l).map(StoreBuilder::new))
                .collect(),
            starts: Vec::new(),
            lines: Vec::new(),
            problems: Vec::new(),
            problem_total: 0,
            structural: None,
            bad_text: None,
            unclean: false,
            allowlisted: Vec::new(),
            unchecked: Vec::new(),
        }
    }

    fn add(&mut self, index: usize, chunk: Chunk) {
        self.waiting.insert(index, chunk);
        while let Some(chunk) = self.waiting.remove(&self.next) {
            self.next += 1;
            self.join(chunk);
        }
    }

    fn join(&mut self, mut chunk: Chunk) {
        // The first byte that is not text decides the outcome whatever else is wrong
        // before it (the in-memory reader decodes the whole file first).
        if self.bad_text.is_some() {
            return;
        }
        if let Some(at) = chunk.bad_text {
            self.bad_text = Some(at);
            return;
        }
        // After a block that did not parse, later blocks do not matter.
        if self.unclean || self.structural.is_some() {
            return;
        }
        if !chunk.clean {
            self.unclean = true;
            return;
        }
        if let Some(e) = chunk.structural.take() {
            self.structural = Some(e);
            return;
        }
        self.problem_total += chunk.problem_total;
        if self.problems.len() < MAX_PROBLEMS {
            let before = self.rows as u64 * 2;
            self.problems
                .extend(chunk.problems.into_iter().map(|(k, e)| (k + before, e)));
        }
        if self.problem_total > 0 {
            // Nothing will be drawn: keep only what the message needs (ids for duplicates).
            chunk.leaves = Vec::new();
            chunk.bounds = vec![0; 257];
        }
        for (row, line) in chunk.lines {
            let global = self.rows + row;
            let extra = line.wrapping_sub(global as u64);
            if self.lines.last().is_none_or(|&(_, e)| e != extra) {
                self.lines.push((global, extra));
            }
        }
        self.rows += chunk.rows;
        self.runs.push((self.leaves.len(), chunk.bounds));
        self.leaves.extend_from_slice(&chunk.leaves);
        drop(chunk.leaves);
        for (mine, theirs) in self.stores.iter_mut().zip(chunk.stores) {
            if let (Some(m), Some(t)) = (mine, theirs) {
                m.append(t);
            }
        }
        self.starts.append(&mut chunk.starts);
        self.allowlisted.append(&mut chunk.allowlisted);
        self.unchecked.append(&mut chunk.unchecked);
    }

    fn finish(self, data: &Arc<dyn ByteSource>, raw: Hash) -> Result<Outcome> {
        let ctx = self.ctx;
        let h = ctx.header;
        if let Some(e) = self.structural {
            return Err(e);
        }
        crate::inputs::limits::rows(ctx.source, self.rows)?;
        let stores: Vec<_> = self
            .stores
            .into_iter()
            .map(|s| s.map(StoreBuilder::finish))
            .collect();
        let line_of = |row: usize| {
            let at = self.lines.partition_point(|&(r, _)| r <= row);
            (row as u64).wrapping_add(if at == 0 { 2 } else { self.lines[at - 1].1 })
        };
        // Duplicate ids (SPEC.md §3.3), reported on the later row. Their sort runs
        // beside the digest's last, serial step (hashing the sorted leaves).
        let ids = stores[h.id_col].as_ref().expect("ids are kept");
        let (leaves, runs) = (self.leaves, self.runs);
        let (digest, hashed) = rayon::join(
            || {
                if self.problem_total == 0 {
                    merged_digest(ctx.kind, &h.columns, &leaves, &runs)
                } else {
                    [0; 32]
                }
            },
            || id_hashes(ids, self.rows),
        );
        drop((leaves, runs));
        let mut problems = self.problems;
        let mut total = self.problem_total;
        let mut group_start = 0;
        for i in 1..=hashed.len() {
            if i < hashed.len() && hashed[i] >> 32 == hashed[group_start] >> 32 {
                continue;
            }
            if i - group_start > 1 {
                // Equal hashes: compare the ids, in row order.
                let mut rows: Vec<u32> = hashed[group_start..i].iter().map(|&x| x as u32).collect();
                rows.sort_unstable();
                let mut last_line: BTreeMap<&str, u64> = BTreeMap::new();
                for &row in &rows {
                    let id = ids.get(row as usize);
                    let line = line_of(row as usize);
                    if let Some(first_line) = last_line.insert(id, line) {
                        total += 1;
                        let mut at = Location::line(ctx.source, line);
                        at.column = Some(h.keep[h.id_col] as u64 + 1);
                        problems.push((
                            u64::from(row) * 2 + 1,
                            Error::DuplicateId {
                                at,
                                id: id.to_owned(),
                                first_line,
                            },
                        ));
                    }
                }
            }
            group_start = i;
        }
        drop(hashed);
        if total > 0 {
            problems.sort_by_key(|p| p.0);
            problems.truncate(MAX_PROBLEMS);
            let mut list: Vec<Error> = problems.into_iter().map(|p| p.1).collect();
            if total == 1 {
                return Err(list.remove(0));
            }
            return Err(Error::Problems {
                source_name: ctx.source.to_owned(),
                problems: list,
                total,
            });
        }
        let mut allowlisted = self.allowlisted;
        let mut unchecked = self.unchecked;
        allowlisted.sort();
        unchecked.sort();
        let mut dropped = h.dropped.clone();
        dropped.sort();
        let deferred = ctx.defer_names.then(|| Deferred {
            source: Arc::clone(data),
            starts: self.starts,
            delimiter: ctx.delimiter,
            grid_column: h.keep[h.name_col],
            id_column: h.keep[h.id_col],
            encoding: ctx.encoding,
        });
        Ok(Outcome {
            directory: Directory {
                source: ctx.source.to_owned(),
                columns: h.columns.clone(),
                kinds: h.kinds.clone(),
                dropped,
                allowlisted,
                unchecked,
                id_check: ctx.options.id_check.mode,
                len: self.rows,
                stores,
                id_col: h.id_col,
                name_col: h.name_col,
                lines: self.lines,
                deferred,
            },
            digest,
            raw,
        })
    }
}

/// Sorts leaves by their first 8 bytes as an integer, the whole leaf on a tie:
/// the byte order of SHA-256 outputs, without a `memcmp` per comparison.
fn sort_leaves(leaves: &mut [Hash]) {
    let head = |h: &Hash| u64::from_be_bytes(h[..8].try_into().expect("8 bytes"));
    leaves.sort_unstable_by(|a, b| head(a).cmp(&head(b)).then_with(|| a.cmp(b)));
}

/// The canonical digest from the blocks' runs of leaves, each grouped by first byte:
/// a group gathered from every run and sorted is a stretch of the sorted leaves.
/// Groups are sorted a wave at a time on every core while the previous wave is
/// hashed, without a second copy of all the leaves.
fn merged_digest(
    kind: TableKind,
    columns: &[String],
    leaves: &[Hash],
    runs: &[(usize, Vec<u32>)],
) -> Hash {
    const WAVE: usize = 8;
    let mut digest = SortedLeaves::new(kind, columns, leaves.len());
    let sorted_wave = |wave: usize| -> Vec<Vec<Hash>> {
        (wave..(wave + WAVE).min(256))
            .into_par_iter()
            .map(|first| {
                let mut group = Vec::new();
                for (start, bounds) in runs {
                    group.extend_from_slice(
                        &leaves[start + bounds[first] as usize..start + bounds[first + 1] as usize],
                    );
                }
                sort_leaves(&mut group);
                group
            })
            .collect()
    };
    let mut ready = sorted_wave(0);
    for wave in (WAVE..256 + WAVE).step_by(WAVE) {
        let ((), next) = rayon::join(
            || {
                for group in &ready {
                    digest.push(group);
                }
            },
            || {
                if wave < 256 {
                    sorted_wave(wave)
                } else {
                    Vec::new()
                }
            },
        );
        ready = next;
    }
    digest.finish()
}

/// Leaves reordered by their first byte (a counting sort), with where each byte's
/// group starts; `bounds[256]` is the number of leaves.
fn group_by_first_byte(leaves: &[Hash]) -> (Vec<Hash>, Vec<u32>) {
    let mut bounds = vec![0_u32; 257];
    for leaf in leaves {
        bounds[usize::from(leaf[0]) + 1] += 1;
    }
    for i in 1..257 {
        bounds[i] += bounds[i - 1];
    }
    let mut next = bounds.clone();
    let mut out = vec![[0_u8; 32]; leaves.len()];
    for leaf in leaves {
        let at = &mut next[usize::from(leaf[0])];
        out[*at as usize] = *leaf;
        *at += 1;
    }
    (out, bounds)
}

/// Each row's id hashed to 32 bits, above its row index, sorted: rows with equal ids
/// are neighbours (with the rare rows whose different ids share a hash).
fn id_hashes(ids: &crate::inputs::directory::Store, rows: usize) -> Vec<u64> {
    let mut hashed: Vec<u64> = (0..rows)
        .into_par_iter()
        .map(|row| {
            use std::hash::Hasher as _;
            let mut f = FxHasher::default();
            f.write(ids.get(row).as_bytes());
            (f.finish() >> 32) << 32 | row as u64
        })
        .collect();
    hashed.par_sort_unstable();
    hashed
}

/// Reads a row's name back from the source (a directory read without names).
pub(crate) fn read_back(dir: &Directory, d: &Deferred, row: usize) -> Result<String> {
    let start = d.starts[row];
    let end = d
        .starts
        .get(row + 1)
        .copied()
        .unwrap_or_else(|| d.source.size())
        .min(start + (16 << 20));
    let mut bytes = vec![0; (end - start) as usize];
    d.source
        .read_exact_at(start, &mut bytes)
        .map_err(|e| dir.io_error(&e))?;
    let changed = || {
        dir.io_error(&std::io::Error::other(
            "the file changed while it was read: draw again from a file no one is editing",
        ))
    };
    // The text up to the first byte that is not (the read may end inside a character).
    let decoded: Cow<'_, str> = match d.encoding {
        Encoding::Utf8 => match std::str::from_utf8(&bytes) {
            Ok(t) => Cow::Borrowed(t),
            Err(e) => {
                Cow::Borrowed(std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid prefix"))
            }
        },
        Encoding::Gb18030 => {
            let valid = crate::inputs::text::gb18030_error(&bytes).unwrap_or(bytes.len());
            encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(&bytes[..valid])
                .ok_or_else(changed)?
        }
    };
    let text: &str = &decoded;
    let mut fields: Vec<Cow<'_, str>> = Vec::new();
    let mut line = 0;
    if split_record(text, 0, d.delimiter, &mut fields, &mut line).is_none() {
        // csv_core on the decoded text: its cells are UTF-8.
        let (cells, _) = one_record(text.as_bytes(), d.delimiter, true).ok_or_else(changed)?;
        fields = cells
            .into_iter()
            .map(|c| String::from_utf8(c).map(Cow::Owned))
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| changed())?;
    }
    // The row must still be the one read: its id is checked before its name is taken.
    let id = fields.get(d.id_column).ok_or_else(changed)?;
    let id = read_value_cow(id, ValueKind::Identifier, "id", &|| {
        Location::file(&dir.source)
    })?;
    if id != dir.id(row) {
        return Err(changed());
    }
    let cell: &str = fields.get(d.grid_column).ok_or_else(changed)?;
    let value = read_value_cow(cell, ValueKind::Text, "name", &|| {
        Location::file(&dir.source)
    })?;
    Ok(value.into_owned())
}

impl Directory {
    /// A row's name, read back from the source when it was not kept.
    pub fn name(&self, row: usize) -> Result<Cow<'_, str>> {
        if let Some(store) = &self.stores[self.name_col] {
            return Ok(Cow::Borrowed(store.get(row)));
        }
        let d = self
            .deferred
            .as_ref()
            .expect("a directory without names keeps where they are");
        let values = read_back(self, d, row)?;
        Ok(Cow::Owned(values))
    }

    /// Reads a target directory from a source of bytes: CSV and TSV in UTF-8 in blocks
    /// on every core ([`stream`](crate::inputs::stream)), the other formats and encodings in
    /// memory. Returns it with its canonical digest and the SHA-256 of its bytes.
    pub fn read(
        name: &str,
        data: &Arc<dyn ByteSource>,
        table: &crate::inputs::table::TableOptions,
        options: &Options<'_>,
    ) -> Result<(
        Directory,
        crate::base::canonical::Hash,
        crate::base::canonical::Hash,
    )> {
        let format = table
            .read
            .format
            .or_else(|| crate::inputs::grid::Format::from_file_name(name))
            .unwrap_or(crate::inputs::grid::Format::Csv);
        let delimiter = match format {
            crate::inputs::grid::Format::Csv => Some(b','),
            crate::inputs::grid::Format::Tsv => Some(b'\t'),
            _ => None,
        };
        if let Some(delimiter) = delimiter {
            let out = read(name, data, delimiter, table, options)?;
            return Ok((out.directory, out.digest, out.raw));
        }
        let size = usize::try_from(data.size()).unwrap_or(usize::MAX);
        let mut bytes = vec![0; size];
        data.read_exact_at(0, &mut bytes).map_err(|e| Error::Read {
            at: Location::file(name),
            message: e.to_string(),
        })?;
        let parsed = crate::inputs::table::Table::parse(TableKind::Targets, name, &bytes, table)?;
        crate::inputs::limits::rows(name, parsed.rows.len())?;
        let digest = crate::inputs::digest::table(&parsed);
        Ok((
            Directory::from_table(parsed),
            digest,
            crate::base::canonical::sha256(&bytes),
        ))
    }
}
