//! Finding and splitting CSV records: where a block can be cut, a record split by hand on
//! the fast path, or with `csv_core` exactly as the `csv` crate splits it.

use std::borrow::Cow;

pub(super) fn count_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// The end of the last record of `carry[start..]` that cannot be inside a
/// quoted field: the last `\n` or `\r` after an even number of quotes.
pub(super) fn cut_point(carry: &[u8], start: usize) -> Option<usize> {
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
pub(super) fn first_record(
    bytes: &[u8],
    delimiter: u8,
    eof: bool,
) -> Option<(Vec<Vec<u8>>, usize, u64)> {
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
pub(super) fn one_record(bytes: &[u8], delimiter: u8, eof: bool) -> Option<(Vec<Vec<u8>>, usize)> {
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

/// Splits one record of `text` at `p`: the fast path for plain and simply quoted
/// fields; `None` when the record needs `csv_core` (an escaped quote `""`, text after
/// a closing quote, a quote that does not close in the block).
pub(super) fn split_record<'t>(
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
