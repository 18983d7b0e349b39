//! A small DER reader that keeps the raw bytes (signatures are over exact encodings).

use const_oid::ObjectIdentifier as Oid;

use super::error::{Invalid, malformed};

pub(super) const SEQUENCE: u8 = 0x30;
pub(super) const SET: u8 = 0x31;
pub(super) const INTEGER: u8 = 0x02;
pub(super) const BIT_STRING: u8 = 0x03;
pub(super) const OCTET_STRING: u8 = 0x04;
pub(super) const OBJECT_IDENTIFIER: u8 = 0x06;
pub(super) const GENERALIZED_TIME: u8 = 0x18;
pub(super) const BOOLEAN: u8 = 0x01;

/// One element: its tag, its whole encoding and its contents.
#[derive(Clone, Copy)]
pub(super) struct Tlv<'a> {
    pub(super) tag: u8,
    pub(super) raw: &'a [u8],
    pub(super) value: &'a [u8],
}

/// Reads the elements of a DER encoding one after the other.
pub(super) struct Der<'a> {
    rest: &'a [u8],
    what: &'static str,
}

impl<'a> Der<'a> {
    pub(super) fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Der { rest: bytes, what }
    }

    /// The elements inside a constructed element.
    pub(super) fn inside(tlv: &Tlv<'a>, what: &'static str) -> Self {
        Der::new(tlv.value, what)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub(super) fn peek_tag(&self) -> Option<u8> {
        self.rest.first().copied()
    }

    pub(super) fn next(&mut self) -> Result<Tlv<'a>, Invalid> {
        let (tlv, rest) =
            read_tlv(self.rest).map_err(|e| malformed(format!("{}: {e}", self.what)))?;
        self.rest = rest;
        Ok(tlv)
    }

    pub(super) fn expect(&mut self, tag: u8, field: &str) -> Result<Tlv<'a>, Invalid> {
        match self.peek_tag() {
            Some(t) if t == tag => self.next(),
            Some(t) => Err(malformed(format!(
                "{}: {field} was expected (tag 0x{tag:02x}), found tag 0x{t:02x}",
                self.what
            ))),
            None => Err(malformed(format!("{}: {field} is missing", self.what))),
        }
    }

    pub(super) fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Invalid> {
        if self.peek_tag() == Some(tag) {
            self.next().map(Some)
        } else {
            Ok(None)
        }
    }

    pub(super) fn oid(&mut self, field: &str) -> Result<Oid, Invalid> {
        let tlv = self.expect(OBJECT_IDENTIFIER, field)?;
        Oid::from_bytes(tlv.value).map_err(|_| {
            malformed(format!(
                "{}: {field} is not a valid object identifier",
                self.what
            ))
        })
    }

    pub(super) fn finish(&self) -> Result<(), Invalid> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(malformed(format!(
                "{}: unexpected bytes after its last field",
                self.what
            )))
        }
    }
}

/// Splits one definite-length DER element off the front of `input`.
pub(super) fn read_tlv(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), &'static str> {
    let (&tag, after_tag) = input
        .split_first()
        .ok_or("the data ends where an element was expected")?;
    if tag & 0x1f == 0x1f {
        return Err("multi-byte tags are not used in time-stamp tokens");
    }
    let (&first, after_length) = after_tag
        .split_first()
        .ok_or("the data ends inside an element's length")?;
    let (length, header_rest) = match first {
        0..0x80 => (usize::from(first), after_length),
        0x80 => return Err("indefinite lengths (BER) are not DER"),
        _ => {
            let n = usize::from(first & 0x7f);
            if n > 4 {
                return Err("an element's length is too large");
            }
            let bytes = after_length
                .get(..n)
                .ok_or("the data ends inside an element's length")?;
            let length = bytes
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (length, &after_length[n..])
        }
    };
    let value = header_rest
        .get(..length)
        .ok_or("an element is longer than the data (truncated?)")?;
    let header = input.len() - header_rest.len();
    let raw = &input[..header + length];
    Ok((Tlv { tag, raw, value }, &header_rest[length..]))
}

/// Reads exactly one element that fills `bytes`.
pub(super) fn single<'a>(bytes: &'a [u8], what: &'static str) -> Result<Tlv<'a>, Invalid> {
    let mut der = Der::new(bytes, what);
    let tlv = der.next()?;
    der.finish()?;
    Ok(tlv)
}

/// An `AlgorithmIdentifier`: its OID and the raw encoding of its parameters, if any.
pub(super) struct Algorithm<'a> {
    pub(super) oid: Oid,
    #[cfg_attr(not(feature = "rsa"), allow(dead_code))] // read by RSA-PSS only
    pub(super) params: Option<Tlv<'a>>,
}

pub(super) fn algorithm_id<'a>(
    tlv: &Tlv<'a>,
    what: &'static str,
) -> Result<Algorithm<'a>, Invalid> {
    if tlv.tag != SEQUENCE {
        return Err(malformed(format!(
            "{what}: an algorithm identifier is not a SEQUENCE"
        )));
    }
    let mut der = Der::inside(tlv, what);
    let oid = der.oid("the algorithm")?;
    let params = if der.is_empty() {
        None
    } else {
        Some(der.next()?)
    };
    der.finish()?;
    Ok(Algorithm { oid, params })
}

/// The contents of a BIT STRING with no unused bits.
pub(super) fn bit_string<'a>(tlv: &Tlv<'a>, what: &str) -> Result<&'a [u8], Invalid> {
    match tlv.value.split_first() {
        Some((0, bytes)) if tlv.tag == BIT_STRING => Ok(bytes),
        _ => Err(malformed(format!(
            "{what} is not a BIT STRING of whole bytes"
        ))),
    }
}

/// Refuses encodings that would make the `der` crate's SET OF sorting slow (it sorts by
/// insertion): a SET of more than 64 elements, or nesting deeper than 32.
pub(super) fn guard(bytes: &[u8], depth: usize) -> Result<(), &'static str> {
    if depth > 32 {
        return Err("elements are nested too deeply");
    }
    let mut rest = bytes;
    while !rest.is_empty() {
        let (tlv, after) = read_tlv(rest)?;
        if tlv.tag & 0x20 != 0 {
            if tlv.tag == SET {
                let mut count = 0usize;
                let mut inner = tlv.value;
                while !inner.is_empty() {
                    inner = read_tlv(inner)?.1;
                    count += 1;
                    if count > 64 {
                        return Err("a SET has too many elements");
                    }
                }
            }
            guard(tlv.value, depth + 1)?;
        }
        rest = after;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NULL_TAG: u8 = 0x05;

    #[test]
    fn lengths() {
        assert!(read_tlv(&[0x30, 0x80, 0, 0]).is_err());
        assert!(read_tlv(&[0x30, 0x85, 1, 0, 0, 0, 0]).is_err());
        assert!(read_tlv(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]).is_err());
        assert!(read_tlv(&[0x30, 0x03, 0x01]).is_err());
        let (tlv, rest) = read_tlv(&[0x04, 0x81, 0x01, 0xaa, 0x05]).unwrap();
        assert_eq!((tlv.tag, tlv.value, rest), (0x04, &[0xaa][..], &[0x05][..]));
    }

    #[test]
    fn guarded_sets() {
        let set = |n: usize| {
            let mut der = vec![SET, 0x81, (2 * n) as u8];
            der.extend(std::iter::repeat_n([NULL_TAG, 0x00], n).flatten());
            der
        };
        assert!(guard(&set(64), 0).is_ok());
        assert!(guard(&set(65), 0).is_err());
        let mut deep = Vec::new();
        for _ in 0..40 {
            let inner = deep;
            deep = vec![SEQUENCE, inner.len() as u8];
            deep.extend(inner);
        }
        assert_eq!(guard(&deep, 0), Err("elements are nested too deeply"));
        assert!(guard(&deep[2 * 10..], 0).is_ok());
    }
}
