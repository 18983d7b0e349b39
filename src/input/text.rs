//! Text decoding of CSV, TSV and JSON inputs (SPEC.md §3.1): a UTF-8 BOM
//! means UTF-8; otherwise valid UTF-8 is UTF-8; otherwise GB18030, the
//! superset of GBK that Chinese Excel writes.

use std::borrow::Cow;

use crate::error::{Error, Location, Result};

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
        return Err(Error::Binary {
            at: line_at(source, bytes, at),
            offset: at as u64,
        });
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
            std::str::from_utf8(body)
                .map(Cow::Borrowed)
                .map_err(|e| Error::Encoding {
                    at: line_at(source, bytes, e.valid_up_to() + usize::from(bom) * 3),
                    encoding: Encoding::Utf8.as_str().into(),
                })
        }
        Encoding::Gb18030 => {
            let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                let at = text
                    .find('\u{FFFD}')
                    .map_or(0, |i| text[..i].matches('\n').count());
                return Err(Error::Encoding {
                    at: Location::line(source, at as u64 + 1),
                    encoding: Encoding::Gb18030.as_str().into(),
                });
            }
            Ok(Cow::Owned(text.into_owned()))
        }
    }
}

fn line_at(source: &str, bytes: &[u8], offset: usize) -> Location {
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
            Err(Error::Binary { offset: 1, .. })
        ));
        let e = decode("t", b"ok\n\xb4\xe6", Some(Encoding::Utf8)).unwrap_err();
        assert_eq!(e.to_string(), "t:2: the file is not valid UTF-8 text");
    }
}
