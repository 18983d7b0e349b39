//! A worker's side of reading CSV or TSV: parsing one block's rows — decode a GB18030
//! block, split fields, then the work every format shares ([`take_row`]).

use std::borrow::Cow;

use super::merge::group_by_first_byte;
use super::records::{count_newlines, one_record, split_record};
use super::rows::{Chunk, Context, RawStarts, decode_block, take_row};
use crate::error::{Error, ErrorKind, Location};

pub(super) fn parse_chunk(
    ctx: &Context<'_>,
    bytes: &[u8],
    offset: u64,
    first_line: u64,
    last: bool,
) -> Chunk {
    let mut chunk = Chunk::new(ctx, bytes.len());
    let decoded = match decode_block(bytes, ctx.encoding, offset) {
        Ok(text) => text,
        Err(bad) => {
            chunk.bad_text = Some(bad);
            return chunk;
        }
    };
    let text: &str = &decoded;
    // Where records start in the file: the same as in the text for UTF-8; for GB18030,
    // after the same line end (no GB18030 sequence holds a \n or \r byte).
    let mut raw_starts = RawStarts::new(bytes, ctx.encoding);
    let b = text.as_bytes();
    let h = ctx.header;
    let delimiter = ctx.delimiter();
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
        if let Some(next) = split_record(text, p, delimiter, &mut fields, &mut line) {
            p = next;
        } else {
            fields.clear();
            let Some((cells, used)) = one_record(&b[p..], delimiter, last) else {
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
            chunk.structural = Some(
                Error::with_id(ErrorKind::Csv, "csv-field-count")
                    .at(Location::line(ctx.source, record_line))
                    .arg("fields", fields.len())
                    .arg("columns", ctx.width),
            );
            return chunk;
        }
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        take_row(
            ctx,
            &mut chunk,
            &fields,
            record_line,
            &mut values,
            &mut buf,
            || offset + raw_starts.of(text, record_start) as u64,
        );
    }
    // Grouped here, on the workers, so that the digest takes each group whole.
    (chunk.leaves, chunk.bounds) = group_by_first_byte(&chunk.leaves);
    chunk
}
