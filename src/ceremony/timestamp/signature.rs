//! Public keys and signatures: RSA PKCS#1 v1.5 and RSA-PSS with SHA-256/384/512 (feature
//! `rsa`, on by default), ECDSA P-256, SM2 with SM3.

use const_oid::ObjectIdentifier as Oid;
#[cfg(feature = "rsa")]
use der::Decode as _;
use p256::ecdsa::signature::Verifier as _;
use p256::ecdsa::signature::hazmat::PrehashVerifier as _;

use super::der_reader::{Algorithm, Der, INTEGER, SEQUENCE, single};
#[cfg(feature = "rsa")]
use super::der_reader::{Tlv, algorithm_id};
use super::digest::Hash;
use super::error::Invalid;
use super::oid::{
    ECDSA_WITH_SHA256, ECDSA_WITH_SHA384, ECDSA_WITH_SHA512, ID_EC_PUBLIC_KEY, ID_RSASSA_PSS,
    PRIME256V1, RSA_ENCRYPTION, SM2_CURVE, SM2_SIGN, SM2_WITH_SM3,
};
#[cfg(feature = "rsa")]
use super::oid::{ID_MGF1, SHA256_WITH_RSA, SHA384_WITH_RSA, SHA512_WITH_RSA};

/// The SM2 user id that GB/T 35276 sets as default and that SM2 tokens are signed with.
const SM2_USER_ID: &str = "1234567812345678";

/// The largest RSA modulus accepted, in bits.
#[cfg(feature = "rsa")]
const MAX_RSA_BITS: usize = 8192;

pub(super) enum Key {
    #[cfg(feature = "rsa")]
    Rsa(Box<rsa::RsaPublicKey>),
    P256(p256::ecdsa::VerifyingKey),
    Sm2(Box<sm2::dsa::VerifyingKey>),
}

impl Key {
    pub(super) fn from_spki(
        spki: &x509_cert::spki::SubjectPublicKeyInfoOwned,
    ) -> Result<Key, Invalid> {
        let bits = spki.subject_public_key.as_bytes().ok_or_else(|| {
            Invalid::Certificate("the public key is not a whole number of bytes".into())
        })?;
        let bad_key =
            |kind: &str| Invalid::Certificate(format!("the {kind} public key cannot be read"));
        match spki.algorithm.oid {
            #[cfg(not(feature = "rsa"))]
            RSA_ENCRYPTION | ID_RSASSA_PSS => Err(Invalid::UnsupportedAlgorithm(
                "RSA: this build verifies no RSA signature (the rsa feature is off)".into(),
            )),
            #[cfg(feature = "rsa")]
            RSA_ENCRYPTION | ID_RSASSA_PSS => {
                // Up to 8192 bits (the rsa crate's own default stops at 4096).
                let key = rsa::pkcs1::RsaPublicKey::from_der(bits).map_err(|_| bad_key("RSA"))?;
                rsa::RsaPublicKey::new_with_max_size(
                    rsa::BigUint::from_bytes_be(key.modulus.as_bytes()),
                    rsa::BigUint::from_bytes_be(key.public_exponent.as_bytes()),
                    MAX_RSA_BITS,
                )
                .map(|k| Key::Rsa(Box::new(k)))
                .map_err(|e| Invalid::Certificate(format!("the RSA public key is not usable: {e}")))
            }
            ID_EC_PUBLIC_KEY => {
                let curve = spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.decode_as::<Oid>().ok())
                    .ok_or_else(|| {
                        Invalid::UnsupportedAlgorithm("an EC key without a named curve".into())
                    })?;
                match curve {
                    PRIME256V1 => p256::ecdsa::VerifyingKey::from_sec1_bytes(bits)
                        .map(Key::P256)
                        .map_err(|_| bad_key("ECDSA P-256")),
                    SM2_CURVE => sm2::dsa::VerifyingKey::from_sec1_bytes(SM2_USER_ID, bits)
                        .map(|k| Key::Sm2(Box::new(k)))
                        .map_err(|_| bad_key("SM2")),
                    other => Err(Invalid::UnsupportedAlgorithm(format!(
                        "elliptic curve {other}"
                    ))),
                }
            }
            SM2_CURVE => sm2::dsa::VerifyingKey::from_sec1_bytes(SM2_USER_ID, bits)
                .map(|k| Key::Sm2(Box::new(k)))
                .map_err(|_| bad_key("SM2")),
            other => Err(Invalid::UnsupportedAlgorithm(format!(
                "public key algorithm {other}"
            ))),
        }
    }
}

/// Why a signature check failed.
pub(super) enum Failure {
    /// The algorithms do not fit together or are not implemented.
    Unsupported(String),
    /// The signature is wrong.
    Bad,
}

/// Verifies `signature` over `message` with `key`. `digest` is the `SignerInfo`'s digest
/// algorithm (`None` for a certificate's signature, whose algorithm names its hash).
/// Returns the algorithm's name.
pub(super) fn verify(
    key: &Key,
    algorithm: &Algorithm<'_>,
    digest: Option<Hash>,
    message: &[u8],
    signature: &[u8],
) -> Result<String, Failure> {
    let unsupported = |what: String| Failure::Unsupported(what);
    // The hash an algorithm names must agree with the SignerInfo's digest algorithm.
    let hash = |named: Option<Hash>| -> Result<Hash, Failure> {
        match (named, digest) {
            (Some(n), Some(d)) if n != d => Err(unsupported(format!(
                "the signature algorithm {} uses another hash than the digest algorithm {}",
                algorithm.oid,
                d.name()
            ))),
            (Some(h), _) | (None, Some(h)) => Ok(h),
            (None, None) => Err(unsupported(format!(
                "signature algorithm {} without a hash",
                algorithm.oid
            ))),
        }
    };
    let sha2_only = |h: Hash| -> Result<Hash, Failure> {
        if matches!(h, Hash::Sha256 | Hash::Sha384 | Hash::Sha512) {
            Ok(h)
        } else {
            Err(unsupported(format!("{} with this key type", h.name())))
        }
    };
    match key {
        #[cfg(feature = "rsa")]
        Key::Rsa(key) => {
            let named = match algorithm.oid {
                RSA_ENCRYPTION => None,
                SHA256_WITH_RSA => Some(Hash::Sha256),
                SHA384_WITH_RSA => Some(Hash::Sha384),
                SHA512_WITH_RSA => Some(Hash::Sha512),
                ID_RSASSA_PSS => return verify_pss(key, algorithm, digest, message, signature),
                other => {
                    return Err(unsupported(format!(
                        "signature algorithm {other} with an RSA key"
                    )));
                }
            };
            let h = sha2_only(hash(named)?)?;
            let scheme = match h {
                Hash::Sha256 => rsa::Pkcs1v15Sign::new::<sha2::Sha256>(),
                Hash::Sha384 => rsa::Pkcs1v15Sign::new::<sha2::Sha384>(),
                _ => rsa::Pkcs1v15Sign::new::<sha2::Sha512>(),
            };
            key.verify(scheme, &h.digest(message), signature)
                .map_err(|_| Failure::Bad)?;
            Ok(format!("RSA PKCS#1 v1.5 {}", h.name()))
        }
        Key::P256(key) => {
            let named = match algorithm.oid {
                ID_EC_PUBLIC_KEY => None,
                ECDSA_WITH_SHA256 => Some(Hash::Sha256),
                ECDSA_WITH_SHA384 => Some(Hash::Sha384),
                ECDSA_WITH_SHA512 => Some(Hash::Sha512),
                other => {
                    return Err(unsupported(format!(
                        "signature algorithm {other} with an ECDSA P-256 key"
                    )));
                }
            };
            let h = sha2_only(hash(named)?)?;
            let fixed = ec_signature(signature).ok_or(Failure::Bad)?;
            let signature = p256::ecdsa::Signature::from_slice(&fixed).map_err(|_| Failure::Bad)?;
            key.verify_prehash(&h.digest(message), &signature)
                .map_err(|_| Failure::Bad)?;
            Ok(format!("ECDSA P-256 {}", h.name()))
        }
        Key::Sm2(key) => {
            if !matches!(
                algorithm.oid,
                SM2_WITH_SM3 | SM2_SIGN | SM2_CURVE | ID_EC_PUBLIC_KEY
            ) {
                return Err(unsupported(format!(
                    "signature algorithm {} with an SM2 key",
                    algorithm.oid
                )));
            }
            if hash(Some(Hash::Sm3))? != Hash::Sm3 {
                return Err(unsupported("SM2 without SM3".into()));
            }
            let fixed = ec_signature(signature).ok_or(Failure::Bad)?;
            let signature = sm2::dsa::Signature::from_slice(&fixed).map_err(|_| Failure::Bad)?;
            key.verify(message, &signature).map_err(|_| Failure::Bad)?;
            Ok("SM2 SM3".into())
        }
    }
}

/// RSASSA-PSS with MGF1 over the same SHA-2 hash and trailer field 1.
#[cfg(feature = "rsa")]
fn verify_pss(
    key: &rsa::RsaPublicKey,
    algorithm: &Algorithm<'_>,
    digest: Option<Hash>,
    message: &[u8],
    signature: &[u8],
) -> Result<String, Failure> {
    let unsupported = |what: &str| Failure::Unsupported(format!("RSA-PSS {what}"));
    let params = algorithm
        .params
        .ok_or_else(|| unsupported("without parameters (SHA-1)"))?;
    if params.tag != SEQUENCE {
        return Err(unsupported("parameters that are not a SEQUENCE"));
    }
    let mut der = Der::inside(&params, "the RSA-PSS parameters");
    let mut hash = None;
    let mut mgf_hash = None;
    let mut salt = 20usize;
    let bad = |_| unsupported("parameters that cannot be read");
    if let Some(h) = der.optional(0xa0).map_err(bad)? {
        let alg = algorithm_in(&h).ok_or_else(|| unsupported("parameters that cannot be read"))?;
        hash = Hash::from_oid(&alg.oid);
    }
    if let Some(m) = der.optional(0xa1).map_err(bad)? {
        let mgf = algorithm_in(&m).ok_or_else(|| unsupported("parameters that cannot be read"))?;
        if mgf.oid != ID_MGF1 {
            return Err(unsupported(
                "with a mask generation function other than MGF1",
            ));
        }
        let inner = mgf
            .params
            .ok_or_else(|| unsupported("MGF1 without a hash"))?;
        mgf_hash = algorithm_id(&inner, "the MGF1 hash")
            .ok()
            .and_then(|a| Hash::from_oid(&a.oid));
    }
    if let Some(s) = der.optional(0xa2).map_err(bad)? {
        let int = single(s.value, "the salt length").map_err(bad)?;
        salt = match int.value {
            [n] if int.tag == INTEGER && *n < 0x80 => usize::from(*n),
            [0, n] if int.tag == INTEGER => usize::from(*n),
            _ => return Err(unsupported("with a salt length that is out of range")),
        };
    }
    if let Some(t) = der.optional(0xa3).map_err(bad)?
        && t.value != [2, 1, 1]
    {
        return Err(unsupported("with a trailer field other than 1"));
    }
    der.finish().map_err(bad)?;
    let hash = hash.ok_or_else(|| unsupported("with SHA-1 or an unknown hash"))?;
    if mgf_hash != Some(hash) {
        return Err(unsupported("whose MGF1 hash differs from its message hash"));
    }
    if digest.is_some_and(|d| d != hash) {
        return Err(unsupported("whose hash differs from the digest algorithm"));
    }
    let scheme = match hash {
        Hash::Sha256 => rsa::Pss::new_with_salt::<sha2::Sha256>(salt),
        Hash::Sha384 => rsa::Pss::new_with_salt::<sha2::Sha384>(salt),
        Hash::Sha512 => rsa::Pss::new_with_salt::<sha2::Sha512>(salt),
        _ => return Err(unsupported("with a hash other than SHA-256/384/512")),
    };
    key.verify(scheme, &hash.digest(message), signature)
        .map_err(|_| Failure::Bad)?;
    Ok(format!("RSA-PSS {}", hash.name()))
}

/// The `AlgorithmIdentifier` inside an explicitly tagged element.
#[cfg(feature = "rsa")]
fn algorithm_in<'a>(tagged: &Tlv<'a>) -> Option<Algorithm<'a>> {
    let inner = single(tagged.value, "the RSA-PSS parameters").ok()?;
    algorithm_id(&inner, "the RSA-PSS parameters").ok()
}

/// An ECDSA or SM2 signature `SEQUENCE { r INTEGER, s INTEGER }` as 32-byte `r ‖ s`.
fn ec_signature(der: &[u8]) -> Option<[u8; 64]> {
    let seq = single(der, "the signature").ok()?;
    if seq.tag != SEQUENCE {
        return None;
    }
    let mut values = Der::inside(&seq, "the signature");
    let mut out = [0u8; 64];
    for half in out.chunks_exact_mut(32) {
        let int = values.expect(INTEGER, "r or s").ok()?;
        if int.value.first().is_none_or(|b| b & 0x80 != 0) {
            return None;
        }
        let digits = int.value.strip_prefix(&[0]).unwrap_or(int.value);
        let start = 32usize.checked_sub(digits.len())?;
        half[start..].copy_from_slice(digits);
    }
    values.finish().ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ec_signatures() {
        let mut der = vec![0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02];
        let fixed = ec_signature(&der).unwrap();
        assert_eq!((fixed[31], fixed[63]), (1, 2));
        der[4] = 0x81; // negative r
        assert!(ec_signature(&der).is_none());
        assert!(ec_signature(&[0x30, 0x00]).is_none());
    }
}
