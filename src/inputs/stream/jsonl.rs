//! Reading a JSON Lines target directory in blocks on every core, in two passes: the
//! columns are the member names in order of first appearance (SPEC.md §3.1), known only
//! at the end of the file, so the first pass collects each block's names (and its first
//! errors) and merges them in block order; the second reads each block's rows against
//! that header, with the work every format shares. Neither pass holds the file. A record
//! never spans lines (JSON strings escape their line ends), so a block is cut after its
//! last `\n`, in UTF-8 and in GB18030 alike.

use std::collections::HashSet;
use std::sync::Arc;

use super::assemble::{Assembler, Outcome};
use super::blocks::{Options, Progress, outranked, stored_layouts};
use super::json_blocks::{self, Members, Names};
use super::lines::{Ended, pass};
use super::rows::Context;
use super::scan::{binary_at, line_at};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::digest::Leaves;
use crate::inputs::directory::RowSyntax;
use crate::inputs::grid::{check_columns, empty_table};
use crate::inputs::header::Header;
use crate::inputs::kind::TableKind;
use crate::inputs::options::TableOptions;
use crate::inputs::source::ByteSource;
use crate::inputs::text::Encoding;

/// Reads a JSON Lines target directory from `data` (SPEC.md §3): the same rows, digest
/// and errors as the in-memory reader, UTF-8 or GB18030 as it decides.
pub fn read_lines(
    source: &str,
    data: &Arc<dyn ByteSource>,
    table: &TableOptions,
    options: &Options<'_>,
) -> Result<Outcome> {
    let forced = table.read.encoding;
    if forced != Some(Encoding::Gb18030) {
        let utf8 = read_in(source, data, table, options, Encoding::Utf8);
        // `None`: not UTF-8, and UTF-8 was not promised: GB18030 (SPEC.md §3.1).
        if let Some(outcome) = outranked(source, &**data, Encoding::Utf8, forced, utf8)? {
            return Ok(outcome);
        }
    }
    let gb = read_in(source, data, table, options, Encoding::Gb18030);
    outranked(source, &**data, Encoding::Gb18030, forced, gb)?.ok_or_else(|| {
        Error::new(ErrorKind::Encoding)
            .at(Location::file(source))
            .arg("encoding", Encoding::Gb18030.as_str())
    })
}

/// The error for a file that no longer reads as it did in the first pass.
fn changed(source: &str) -> Error {
    Error::with_id(ErrorKind::Read, "input-read-changed")
        .at(Location::file(source))
        .caused_by(std::io::Error::from(std::io::ErrorKind::InvalidData))
}

/// The header from the blocks' names, in block order, or the first error of the file as
/// the in-memory reader finds it: a line that is not JSON or names a member twice (all
/// lines are parsed first); then, row by row, a row that is not an object, a nested value,
/// or one member too many for the column limit; then an empty header.
fn merge_names(source: &str, blocks: Vec<Names>) -> Result<Vec<String>> {
    let mut blocks = blocks;
    if let Some(e) = blocks.iter_mut().find_map(|b| b.syntax.take()) {
        return Err(e);
    }
    let mut header = Vec::new();
    let mut seen = HashSet::new();
    for block in blocks {
        for (name, at) in block.first {
            if block.shape.as_ref().is_some_and(|(shape, _)| at >= *shape) {
                break;
            }
            if seen.insert(name.clone()) {
                header.push(name);
                check_columns(source, at.0, header.len())?;
            }
        }
        if let Some((_, e)) = block.shape {
            return Err(e);
        }
    }
    if header.is_empty() {
        return Err(empty_table(source));
    }
    Ok(header)
}

/// [`read_lines`] in one encoding: `None` when the text is not UTF-8 and UTF-8 was not
/// promised.
fn read_in(
    source: &str,
    data: &Arc<dyn ByteSource>,
    table: &TableOptions,
    options: &Options<'_>,
    encoding: Encoding,
) -> Result<Option<Outcome>> {
    let kind = TableKind::Targets;
    let io = |e: std::io::Error| {
        Error::with_id(ErrorKind::Read, "input-read-failed")
            .at(Location::file(source))
            .arg("detail", e.to_string())
            .caused_by(e)
    };
    let total = data.size();
    let mut head = [0_u8; 3];
    let bom = encoding == Encoding::Utf8
        && total >= 3
        && data.read_exact_at(0, &mut head).is_ok()
        && head == *b"\xEF\xBB\xBF";
    // Bytes that are not text in the encoding are an error, not a reason to try GB18030.
    let forced =
        bom || encoding == Encoding::Gb18030 || table.read.encoding == Some(Encoding::Utf8);
    let skip = if bom { 3 } else { 0 };
    let threads = options.workers();

    // The first pass: the names.
    let mut blocks: Vec<Names> = Vec::new();
    let ended = pass(
        &**data,
        skip,
        options.block_bytes,
        threads,
        false,
        &|block| json_blocks::names(source, block, encoding),
        &mut |names, _| {
            // Not UTF-8 and UTF-8 not promised: the file is read again as GB18030.
            let stop = names.bad_text.is_some() && !forced;
            blocks.push(names);
            !stop
        },
    )
    .map_err(io)?;
    match ended {
        Ended::Nul(at) => return Err(binary_at(source, &**data, at)?),
        Ended::LongLine(line) => {
            return Err(Error::with_id(ErrorKind::TooLarge, "input-too-large-line")
                .at(Location::line(source, line))
                .arg("bytes", crate::inputs::limits::RECORD_BYTES)
                .arg("columns", crate::inputs::limits::COLUMNS as u64)
                .arg("limit", crate::inputs::limits::FIELD_BYTES as u64));
        }
        Ended::Read { .. } => {}
    }
    // The first byte that is not text outranks every other problem.
    if let Some(at) = blocks.iter().find_map(|b| b.bad_text) {
        if forced {
            return Err(Error::new(ErrorKind::Encoding)
                .at(line_at(source, &**data, at)?)
                .arg("encoding", encoding.as_str()));
        }
        return Ok(None);
    }
    let first: Vec<Vec<String>> = blocks
        .iter()
        .map(|b| b.first.iter().map(|(n, _)| n.clone()).collect())
        .collect();
    let names = merge_names(source, blocks)?;

    // The header, as the in-memory reader resolves it: its cells are on line 1.
    let at_header = |i: Option<usize>| {
        let mut at = Location::line(source, 1);
        at.column = i.map(|c| c as u64 + 1);
        at
    };
    let resolved = Header::resolve(kind, &names, &at_header, table)?;
    let stored = stored_layouts(&resolved, options);
    let mut read = vec![false; names.len()];
    for &g in &resolved.keep {
        read[g] = true;
    }
    let members = Members {
        header: &names,
        index: names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect(),
        read,
    };
    let ctx = Context {
        source,
        syntax: RowSyntax::JsonLines {
            id: names[resolved.keep[resolved.id_col]].as_str().into(),
            name: names[resolved.keep[resolved.name_col]].as_str().into(),
        },
        width: names.len(),
        header: &resolved,
        options: table,
        kind,
        stored,
        leaves: Leaves::new(kind, &resolved.columns),
        defer_names: !options.keep_names,
        encoding,
    };

    // The second pass: the rows.
    let mut assembler = Assembler::new(&ctx, data.size());
    let mut index = 0;
    let mut same = true;
    let changed_error = || changed(source);
    let ended = pass(
        &**data,
        skip,
        options.block_bytes,
        threads,
        options.raw_digest,
        &|block| json_blocks::rows(&ctx, &members, block, &changed_error),
        &mut |(chunk, order), end| {
            // The names of the block must be those the first pass found.
            same &= first.get(index).is_some_and(|names| {
                names.len() == order.len()
                    && names
                        .iter()
                        .zip(&order)
                        .all(|(n, &c)| *n == members.header[c])
            });
            assembler.add(index, chunk);
            index += 1;
            if let Some(p) = options.progress {
                p(&Progress {
                    bytes: end,
                    total,
                    rows: assembler.rows as u64,
                });
            }
            same
        },
    )
    .map_err(io)?;
    let Ended::Read { raw } = ended else {
        return Err(changed(source));
    };
    if !same || index != first.len() || data.size() != total {
        return Err(changed(source));
    }
    assembler.finish(data, raw).map(Some)
}
