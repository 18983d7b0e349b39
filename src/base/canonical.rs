//! The canonical encoding: the byte strings that are hashed (SPEC.md §2).
//!
//! Every field is either fixed-width or length-prefixed, so no two different
//! sequences of fields encode to the same bytes. Every hash starts with a
//! domain tag naming what is hashed and the spec version.

use sha2::{Digest as _, Sha256};

/// The spec version every tag carries.
pub const SPEC_VERSION: &str = "2";

/// A SHA-256 output.
pub type Hash = [u8; 32];

/// Builds the canonical encoding of a sequence of fields directly into a
/// SHA-256 state.
#[derive(Clone, Default)]
pub struct Encoder {
    hasher: Sha256,
}

impl Encoder {
    /// Starts an encoding with the domain tag `tag` (encoded as a string).
    pub fn new(tag: &str) -> Self {
        let mut encoder = Self {
            hasher: Sha256::new(),
        };
        encoder.str(tag);
        encoder
    }

    /// `str(s)`: the UTF-8 length as a 4-byte big-endian integer, then the bytes.
    ///
    /// # Panics
    ///
    /// If `s` is longer than 4 GiB; inputs are far below that limit.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    /// `bytes(b)`: the length as a 4-byte big-endian integer, then the bytes.
    ///
    /// # Panics
    ///
    /// If `b` is longer than 4 GiB.
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        let len = u32::try_from(b.len()).expect("field longer than 4 GiB");
        self.hasher.update(len.to_be_bytes());
        self.hasher.update(b);
        self
    }

    /// `u32(n)`: 4 bytes, big-endian.
    pub fn u32(&mut self, n: u32) -> &mut Self {
        self.hasher.update(n.to_be_bytes());
        self
    }

    /// `u64(n)`: 8 bytes, big-endian.
    pub fn u64(&mut self, n: u64) -> &mut Self {
        self.hasher.update(n.to_be_bytes());
        self
    }

    /// `hash(h)`: the 32 bytes of a digest, fixed width, no prefix.
    pub fn hash(&mut self, h: &Hash) -> &mut Self {
        self.hasher.update(h);
        self
    }

    /// A single raw byte, used as a type tag.
    pub fn tag_byte(&mut self, b: u8) -> &mut Self {
        self.hasher.update([b]);
        self
    }

    /// Finishes the encoding and returns its SHA-256.
    pub fn finish(self) -> Hash {
        self.hasher.finalize().into()
    }
}

/// Plain SHA-256 of a byte string (the raw-file digest).
pub fn sha256(bytes: &[u8]) -> Hash {
    Sha256::digest(bytes).into()
}

/// Lower-case hex of a hash, as written in the record.
pub fn to_hex(h: &Hash) -> String {
    hex::encode(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoder_matches_manual_bytes() {
        let mut e = Encoder::new("t");
        e.str("ab").u32(7).u64(1).tag_byte(b's');
        let mut manual = Vec::new();
        manual.extend_from_slice(&[0, 0, 0, 1, b't', 0, 0, 0, 2, b'a', b'b', 0, 0, 0, 7]);
        manual.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 1, b's']);
        assert_eq!(e.finish(), sha256(&manual));
    }

    #[test]
    fn length_prefix_separates_fields() {
        let mut a = Encoder::new("t");
        a.str("ab").str("c");
        let mut b = Encoder::new("t");
        b.str("a").str("bc");
        assert_ne!(a.finish(), b.finish());
    }

    #[test]
    fn sha256_known_answer() {
        // FIPS 180-2 example "abc".
        assert_eq!(
            to_hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
