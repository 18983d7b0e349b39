//! Text decoding of CSV, TSV and JSON inputs (SPEC.md §3.1): a UTF-8 BOM
//! means UTF-8; otherwise valid UTF-8 is UTF-8; otherwise GB18030, the
//! superset of GBK that Chinese Excel writes.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Location, Result};

/// A text encoding, detected or forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark.
    Utf8,
    /// GB18030, which decodes GBK and GB2312 too.
    Gb18030,
}

impl Encoding {
    /// Parses a name: `utf-8`/`utf8`, `gbk`, `gb18030`, `gb2312`.
    pub fn from_name(name: &str) -> Option<Encoding> {
        match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "gbk" | "gb18030" | "gb2312" | "cp936" => Some(Encoding::Gb18030),
            _ => None,
        }
    }

    /// The name used in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Gb18030 => "GB18030/GBK",
        }
    }
}

/// Decodes `bytes`, detecting the encoding unless `forced`. Rejects binary
/// data (a NUL byte) and bytes invalid in the chosen encoding, naming the line.
pub fn decode<'a>(source: &str, bytes: &'a [u8], forced: Option<Encoding>) -> Result<Cow<'a, str>> {
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(ErrorKind::Binary)
            .at(line_at(source, bytes, at))
            .arg("offset", at as u64));
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let encoding = forced.unwrap_or_else(|| {
        if bom || std::str::from_utf8(bytes).is_ok() {
            Encoding::Utf8
        } else {
            Encoding::Gb18030
        }
    });
    match encoding {
        Encoding::Utf8 => {
            let body = if bom { &bytes[3..] } else { bytes };
            std::str::from_utf8(body).map(Cow::Borrowed).map_err(|e| {
                Error::new(ErrorKind::Encoding)
                    .at(line_at(
                        source,
                        bytes,
                        e.valid_up_to() + usize::from(bom) * 3,
                    ))
                    .arg("encoding", Encoding::Utf8.as_str())
            })
        }
        Encoding::Gb18030 => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(text) => Ok(Cow::Owned(text.into_owned())),
                None => Err(Error::new(ErrorKind::Encoding)
                    .at(line_at(source, bytes, gb18030_error(bytes).unwrap_or(0)))
                    .arg("encoding", Encoding::Gb18030.as_str())),
            }
        }
    }
}

/// The offset of the first byte sequence that is not GB18030, if any.
pub(crate) fn gb18030_error(bytes: &[u8]) -> Option<usize> {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut scratch = vec![0_u8; 64 << 10];
    let mut done = 0;
    loop {
        let (result, read, _) =
            decoder.decode_to_utf8_without_replacement(&bytes[done..], &mut scratch, true);
        done += read;
        match result {
            encoding_rs::DecoderResult::InputEmpty => return None,
            encoding_rs::DecoderResult::OutputFull => {}
            encoding_rs::DecoderResult::Malformed(len, extra) => {
                return Some(done - usize::from(extra) - usize::from(len));
            }
        }
    }
}

/// The line of a byte offset.
pub(crate) fn line_at(source: &str, bytes: &[u8], offset: usize) -> Location {
    let line = bytes[..offset.min(bytes.len())]
        .split(|&b| b == b'\n')
        .count();
    Location::line(source, line as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_utf8_bom_and_gbk() {
        assert_eq!(decode("t", "存续".as_bytes(), None).unwrap(), "存续");
        assert_eq!(decode("t", b"\xEF\xBB\xBFid", None).unwrap(), "id");
        // 存续 in GBK.
        assert_eq!(decode("t", b"\xb4\xe6\xd0\xf8", None).unwrap(), "存续");
        assert!(matches!(
            decode("t", b"a\0b", None),
            Err(e) if e.kind() == crate::error::ErrorKind::Binary
                && e.value("offset") == Some(&crate::messages::Arg::Count(1))
        ));
        let e = decode("t", b"ok\n\xb4\xe6", Some(Encoding::Utf8)).unwrap_err();
        assert_eq!(e.to_string(), "t:2: the file is not valid UTF-8 text");
    }

    #[test]
    fn a_gbk_error_is_placed_at_its_first_bad_byte() {
        // U+FFFD written in GB18030 on line 1 is text, not an error; the lone lead byte
        // before the line end of line 3 is.
        let bytes = b"id\x841\xa47\nok\n\xb4\xe6\xd0\n";
        assert_eq!(gb18030_error(bytes), Some(12));
        assert!(decode("t", &bytes[..9], None).unwrap().contains('\u{FFFD}'));
        let e = decode("t", bytes, Some(Encoding::Gb18030)).unwrap_err();
        assert_eq!(e.to_string(), "t:3: the file is not valid GB18030/GBK text");
        assert_eq!(gb18030_error(b"\xb4\xe6\n\x81\x30\x81\x30"), None);
        assert_eq!(gb18030_error(b"a\x81\x30\x81"), Some(1));
        assert_eq!(gb18030_error(b"ab\x81"), Some(2));
    }
}
