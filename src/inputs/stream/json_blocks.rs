//! A worker's side of reading JSON Lines: the member names of a block in the order they
//! first appear, with the block's first error (the first pass); then the block's rows
//! against the header of the whole file (the second), each given to the work every
//! format shares ([`take_row`]).

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::lines::Block;
use super::members::{lines, read_members};
use super::merge::group_by_first_byte;
use super::rows::{Chunk, Context, RawStarts, decode_block, take_row};
use crate::error::{Error, Location};
use crate::inputs::grid::{Scalar, is_blank, not_object, parse_line, value_text};
use crate::inputs::text::Encoding;

/// Where a member is: its line and its place in the line's object.
pub(super) type Place = (u64, usize);

/// What the first pass finds in a block.
#[derive(Default)]
pub(super) struct Names {
    /// The member names, each where it first appears in the block, in that order (up to
    /// the block's first shape error).
    pub(super) first: Vec<(String, Place)>,
    /// The first line that is not JSON, or names a member twice.
    pub(super) syntax: Option<Error>,
    /// The first row that is not an object or holds a nested value, and where.
    pub(super) shape: Option<(Place, Error)>,
    /// Offset of the first byte that is not text in the file's encoding.
    pub(super) bad_text: Option<u64>,
}

/// The first pass over a block: its member names and its first errors, as the in-memory
/// reader finds them ([`parse_line`], [`value_text`], [`not_object`]).
pub(super) fn names(source: &str, block: &Block<'_>, encoding: Encoding) -> Names {
    let mut out = Names::default();
    let text = match decode_block(block.bytes, encoding, block.offset) {
        Ok(text) => text,
        Err(bad) => {
            out.bad_text = Some(bad);
            return out;
        }
    };
    // Every name seen (after a shape error too: a member named twice is still a syntax
    // error, which comes first), and the line it was last seen on.
    let mut seen: FxHashMap<Cow<'_, str>, u64> = FxHashMap::default();
    let mut members = Vec::new();
    for (i, _, line) in lines(&text) {
        if is_blank(line) {
            continue;
        }
        let n = block.first_line + i as u64;
        let mut ok = read_members(line, &mut members);
        if ok {
            for (j, (k, _)) in members.iter().enumerate() {
                match seen.get_mut(k) {
                    Some(last) if *last == n => {
                        ok = false;
                        break;
                    }
                    Some(last) => *last = n,
                    None => {
                        seen.insert(k.clone(), n);
                        if out.shape.is_none() {
                            out.first.push((k.to_string(), (n, j)));
                        }
                    }
                }
            }
        }
        if ok {
            continue;
        }
        // What the in-memory reader says of the line.
        let at = || Location::line(source, n);
        match parse_line(source, line, n) {
            Err(e) => {
                // The first in the block: nothing after it matters.
                out.syntax = Some(e);
                break;
            }
            Ok(Value::Object(map)) => {
                if out.shape.is_some() {
                    continue;
                }
                for (j, (k, v)) in map.into_iter().enumerate() {
                    if let Err(e) = value_text(&k, v, &at) {
                        out.shape = Some(((n, j), e));
                        break;
                    }
                    if !seen.contains_key(k.as_str()) {
                        seen.insert(Cow::Owned(k.clone()), n);
                        out.first.push((k, (n, j)));
                    }
                }
            }
            Ok(_) => {
                if out.shape.is_none() {
                    out.shape = Some(((n, 0), not_object(at())));
                }
            }
        }
    }
    out
}

/// What the second pass needs besides the [`Context`].
pub(super) struct Members<'a> {
    /// The header: every member name of the file, in order of first appearance.
    pub(super) header: &'a [String],
    pub(super) index: FxHashMap<&'a str, usize>,
    /// Per column of the header: its values are read (a kept column).
    pub(super) read: Vec<bool>,
}

/// The second pass over a block: its rows, and the columns of the header in the order they
/// first appear in it (to compare with the first pass: the file must not have changed).
/// A line that does not read as the first pass read it is a `structural` error.
pub(super) fn rows(
    ctx: &Context<'_>,
    m: &Members<'_>,
    block: &Block<'_>,
    changed: &dyn Fn() -> Error,
) -> (Chunk, Vec<usize>) {
    let mut chunk = Chunk::new(ctx, block.bytes.len());
    let mut order = Vec::new();
    let Ok(text) = decode_block(block.bytes, ctx.encoding, block.offset) else {
        chunk.structural = Some(changed());
        return (chunk, order);
    };
    let text: &str = &text;
    let width = m.header.len();
    let mut raw_starts = RawStarts::new(block.bytes, ctx.encoding);
    let mut fields: Vec<Cow<'_, str>> = vec![Cow::Borrowed(""); width];
    let mut filled: Vec<usize> = Vec::new();
    let mut last_line = vec![0_u64; width];
    // The columns of the previous row's members: rows tend to list them in one order.
    let mut previous: Vec<usize> = Vec::new();
    let mut members = Vec::new();
    let mut values = Vec::with_capacity(ctx.header.columns.len());
    let mut buf = Vec::with_capacity(1024);
    for (i, start, line) in lines(text) {
        if is_blank(line) {
            continue;
        }
        let n = block.first_line + i as u64;
        if !read_members(line, &mut members) {
            chunk.structural = Some(changed());
            return (chunk, order);
        }
        let mut empty = true;
        for (j, (k, v)) in members.drain(..).enumerate() {
            let column = match previous.get(j) {
                Some(&c) if m.header[c] == k => c,
                _ => {
                    let Some(&c) = m.index.get(k.as_ref()) else {
                        chunk.structural = Some(changed());
                        return (chunk, order);
                    };
                    c
                }
            };
            if j < previous.len() {
                previous[j] = column;
            } else {
                previous.push(column);
            }
            if last_line[column] == n {
                chunk.structural = Some(changed());
                return (chunk, order);
            }
            if last_line[column] == 0 {
                order.push(column);
            }
            last_line[column] = n;
            if m.read[column] {
                let cell = v.text();
                empty &= cell.is_empty();
                fields[column] = cell;
                filled.push(column);
            } else {
                empty &= match v {
                    Scalar::Null => true,
                    Scalar::Str(s) => s.is_empty(),
                    _ => false,
                };
            }
        }
        // A row whose cells are all empty is skipped (SPEC.md §3.1).
        if !empty {
            take_row(ctx, &mut chunk, &fields, n, &mut values, &mut buf, || {
                block.offset + raw_starts.of(text, start) as u64
            });
        }
        for c in filled.drain(..) {
            fields[c] = Cow::Borrowed("");
        }
    }
    // Grouped here, on the workers, so that the digest takes each group whole.
    (chunk.leaves, chunk.bounds) = group_by_first_byte(&chunk.leaves);
    (chunk, order)
}
