//! What makes a file not a text table, found by reading the whole file: the first NUL byte,
//! the first bytes that are not text in its encoding, and the line of a byte offset.

use super::records::count_newlines;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::source::ByteSource;
use crate::inputs::text::Encoding;

/// What a scan of the whole file says about it as text.
pub(super) enum Text {
    /// Text in the encoding read, without NUL bytes.
    Clean,
    /// Not UTF-8 and no encoding forced: to be read as GB18030.
    NotUtf8,
    /// A NUL byte, not UTF-8 when UTF-8 was promised (BOM or forced), or not GB18030.
    Fails(Box<Error>),
}

/// Scans a whole file for NUL bytes and validity in `encoding`, block by block.
pub(super) fn whole_file_text(
    source: &str,
    data: &dyn ByteSource,
    encoding: Encoding,
    forced: Option<Encoding>,
) -> Result<Text> {
    let io = |e: std::io::Error| {
        Error::with_id(ErrorKind::Read, "input-read-failed")
            .at(Location::file(source))
            .arg("detail", e.to_string())
            .caused_by(e)
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
            return Ok(Text::Fails(Box::new(
                Error::new(ErrorKind::Binary)
                    .at(Location::line(
                        source,
                        1 + newlines + count_newlines(&buf[..i]) as u64,
                    ))
                    .arg("offset", at + i as u64),
            )));
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
                return Ok(Text::Fails(Box::new(
                    Error::new(ErrorKind::Encoding)
                        .at(Location::line(
                            source,
                            1 + newlines + count_newlines(&chunk[..valid]) as u64,
                        ))
                        .arg("encoding", Encoding::Utf8.as_str()),
                )));
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
    let io = |e: std::io::Error| {
        Error::with_id(ErrorKind::Read, "input-read-failed")
            .at(Location::file(source))
            .arg("detail", e.to_string())
            .caused_by(e)
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
                    return Ok(Text::Fails(Box::new(
                        Error::new(ErrorKind::Encoding)
                            .at(Location::line(source, 1 + line))
                            .arg("encoding", Encoding::Gb18030.as_str()),
                    )));
                }
            }
        }
        newlines += count_newlines(&buf[..n]) as u64;
        at += n as u64;
    }
    Ok(Text::Clean)
}

pub(super) fn binary(source: &str, bytes: &[u8], at: usize, base: u64) -> Error {
    Error::new(ErrorKind::Binary)
        .at(Location::line(
            source,
            1 + count_newlines(&bytes[..at]) as u64,
        ))
        .arg("offset", base + at as u64)
}

pub(super) fn binary_at(source: &str, data: &dyn ByteSource, offset: u64) -> Result<Error> {
    Ok(Error::new(ErrorKind::Binary)
        .at(line_at(source, data, offset)?)
        .arg("offset", offset))
}

/// The error for the first bytes of `bytes` that are not text in `encoding`.
pub(super) fn not_text(source: &str, bytes: &[u8], bom: bool, encoding: Encoding) -> Error {
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
    Error::new(ErrorKind::Encoding)
        .at(Location::line(
            source,
            1 + count_newlines(&bytes[..at]) as u64,
        ))
        .arg("encoding", encoding.as_str())
}

/// The location of a byte offset: its line, counting from the start.
pub(super) fn line_at(source: &str, data: &dyn ByteSource, offset: u64) -> Result<Location> {
    let mut newlines = 0;
    let mut buf = vec![0; 1 << 20];
    let mut at = 0;
    while at < offset {
        let n = ((offset - at) as usize).min(buf.len());
        data.read_exact_at(at, &mut buf[..n]).map_err(|e| {
            Error::with_id(ErrorKind::Read, "input-read-failed")
                .at(Location::file(source))
                .arg("detail", e.to_string())
                .caused_by(e)
        })?;
        newlines += count_newlines(&buf[..n]);
        at += n as u64;
    }
    Ok(Location::line(source, 1 + newlines as u64))
}
