//! Digests: the hash functions a token, a signature or a certificate names.

use const_oid::ObjectIdentifier as Oid;
use sha2::Digest as _;

use super::oid::{ID_SHA1, ID_SHA256, ID_SHA384, ID_SHA512, ID_SM3};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
    Sm3,
}

impl Hash {
    pub(super) fn from_oid(oid: &Oid) -> Option<Hash> {
        match *oid {
            ID_SHA1 => Some(Hash::Sha1),
            ID_SHA256 => Some(Hash::Sha256),
            ID_SHA384 => Some(Hash::Sha384),
            ID_SHA512 => Some(Hash::Sha512),
            ID_SM3 => Some(Hash::Sm3),
            _ => None,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Hash::Sha1 => "SHA-1",
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
            Hash::Sm3 => "SM3",
        }
    }

    pub(super) fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha1 => sha1::Sha1::digest(data).to_vec(),
            Hash::Sha256 => sha2::Sha256::digest(data).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(data).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(data).to_vec(),
            Hash::Sm3 => sm3::Sm3::digest(data).to_vec(),
        }
    }
}

/// A readable name for an OID: the hash's name when known.
pub(super) fn oid_name(oid: &Oid) -> String {
    Hash::from_oid(oid).map_or_else(|| oid.to_string(), |h| h.name().to_owned())
}
