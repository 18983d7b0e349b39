use std::borrow::Cow;
use std::fmt::Write as _;

use const_oid::ObjectIdentifier as Oid;
use der::Decode as _;
use p256::ecdsa::signature::Verifier as _;
use p256::ecdsa::signature::hazmat::PrehashVerifier as _;
use sha2::Digest as _;
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage, KeyUsage};

/// What a verified token anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The token's `genTime` as Unix seconds (any fraction of a second dropped).
    pub time: i64,
    /// The token's `genTime` in UTC as `YYYY-MM-DDTHH:MM:SSZ` (any fraction dropped).
    pub time_text: String,
    /// The signing certificate's subject, RFC 4514-like, e.g. `CN=Test TSA,O=shuangsui test,C=CN`.
    pub tsa: String,
    /// The token's serial number, in decimal.
    pub serial: String,
    /// The signature algorithm, e.g. `RSA PKCS#1 v1.5 SHA-256`, `ECDSA P-256 SHA-256`, `SM2 SM3`.
    pub algorithm: String,
    /// The SHA-256 fingerprint of the signing certificate (hex): what a reader compares with
    /// the authority's published fingerprint.
    pub fingerprint: String,
}

/// A token parsed without checking its signature: for its imprint and time only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token's `genTime` as Unix seconds (any fraction of a second dropped).
    pub time: i64,
    /// The token's `genTime` in UTC as `YYYY-MM-DDTHH:MM:SSZ` (any fraction dropped).
    pub time_text: String,
    /// The SHA-256 message imprint: the SHA-256 of the bytes that were time-stamped.
    pub imprint: [u8; 32],
    /// The `TimeStampToken` (a CMS `ContentInfo`) as DER, without any `TimeStampResp` around it.
    pub der: Vec<u8>,
}

/// Why a token was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// The bytes are not a well-formed time-stamp reply or token.
    #[error("the time-stamp token is malformed: {0}")]
    Malformed(String),
    /// The reply's status says that no time stamp was granted.
    #[error("the time-stamp authority did not grant a time stamp: {0}")]
    NotGranted(String),
    /// The message imprint uses another hash than SHA-256 (only SHA-256 is accepted).
    #[error("the token's message imprint uses {0}; only SHA-256 imprints are accepted")]
    ImprintAlgorithm(String),
    /// The token was issued for other bytes than the given data.
    #[error(
        "the token was issued for other bytes: its message imprint is not the SHA-256 of the given data"
    )]
    ImprintMismatch,
    /// The signature does not verify: the token was altered, or not signed by that key.
    #[error(
        "the token's signature does not verify under the signer's certificate: the token was altered or signed by another key"
    )]
    Signature,
    /// The given certificates neither are the signer's nor issued the signer's certificate.
    #[error(
        "the given certificates are neither the token's signing certificate nor the issuer of it"
    )]
    UnknownSigner,
    /// An algorithm this verifier does not implement.
    #[error("unsupported algorithm: {0}")]
    UnsupportedAlgorithm(String),
    /// A certificate is unreadable or not acceptable (validity, key usage, ESS binding).
    #[error("certificate not acceptable: {0}")]
    Certificate(String),
}

fn malformed(what: impl Into<String>) -> Invalid {
    Invalid::Malformed(what.into())
}

// ----------------------------------------------------------------------------------------
// Object identifiers
// ----------------------------------------------------------------------------------------

const ID_SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
const ID_CT_TST_INFO: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.1.4");
const ID_CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_CERTIFICATE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.12");
const ID_SIGNING_CERTIFICATE_V2: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.47");

const ID_SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
const ID_SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
const ID_SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");
const ID_SM3: Oid = Oid::new_unwrap("1.2.156.10197.1.401");

const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
const ID_MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
const ID_RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
const ID_EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
const PRIME256V1: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
const ECDSA_WITH_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_WITH_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_WITH_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
/// The SM2 curve (GB/T 33560), also used as a signature algorithm by some signers.
const SM2_CURVE: Oid = Oid::new_unwrap("1.2.156.10197.1.301");
/// `sm2sign` (GB/T 35275 names it as the `SignerInfo`'s signature algorithm).
const SM2_SIGN: Oid = Oid::new_unwrap("1.2.156.10197.1.301.1");
const SM2_WITH_SM3: Oid = Oid::new_unwrap("1.2.156.10197.1.501");

const ID_KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
const ID_CE_SUBJECT_KEY_IDENTIFIER: Oid = Oid::new_unwrap("2.5.29.14");
const ID_CE_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
const ID_CE_BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
const ID_CE_EXT_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");

/// The SM2 user id that GB/T 35276 sets as default and that SM2 tokens are signed with.
const SM2_USER_ID: &str = "1234567812345678";

/// The largest RSA modulus accepted, in bits.
const MAX_RSA_BITS: usize = 8192;
/// At most this many certificates are read from the token and from the given file.
const MAX_CERTIFICATES: usize = 64;
/// At most this many issuers between the signer and a given certificate.
const MAX_CHAIN: usize = 8;
/// At most this many certificate signatures are checked while looking for the signer's chain.
const MAX_CHAIN_CHECKS: usize = 64;

// ----------------------------------------------------------------------------------------
// A small DER reader that keeps the raw bytes (signatures are over exact encodings)
// ----------------------------------------------------------------------------------------

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const OCTET_STRING: u8 = 0x04;
const OBJECT_IDENTIFIER: u8 = 0x06;
const GENERALIZED_TIME: u8 = 0x18;
const BOOLEAN: u8 = 0x01;

/// One element: its tag, its whole encoding and its contents.
#[derive(Clone, Copy)]
struct Tlv<'a> {
    tag: u8,
    raw: &'a [u8],
    value: &'a [u8],
}

/// Reads the elements of a DER encoding one after the other.
struct Der<'a> {
    rest: &'a [u8],
    what: &'static str,
}

impl<'a> Der<'a> {
    fn new(bytes: &'a [u8], what: &'static str) -> Self {
        Der { rest: bytes, what }
    }

    /// The elements inside a constructed element.
    fn inside(tlv: &Tlv<'a>, what: &'static str) -> Self {
        Der::new(tlv.value, what)
    }

    fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    fn peek_tag(&self) -> Option<u8> {
        self.rest.first().copied()
    }

    fn next(&mut self) -> Result<Tlv<'a>, Invalid> {
        let (tlv, rest) =
            read_tlv(self.rest).map_err(|e| malformed(format!("{}: {e}", self.what)))?;
        self.rest = rest;
        Ok(tlv)
    }

    fn expect(&mut self, tag: u8, field: &str) -> Result<Tlv<'a>, Invalid> {
        match self.peek_tag() {
            Some(t) if t == tag => self.next(),
            Some(t) => Err(malformed(format!(
                "{}: {field} was expected (tag 0x{tag:02x}), found tag 0x{t:02x}",
                self.what
            ))),
            None => Err(malformed(format!("{}: {field} is missing", self.what))),
        }
    }

    fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Invalid> {
        if self.peek_tag() == Some(tag) {
            self.next().map(Some)
        } else {
            Ok(None)
        }
    }

    fn oid(&mut self, field: &str) -> Result<Oid, Invalid> {
        let tlv = self.expect(OBJECT_IDENTIFIER, field)?;
        Oid::from_bytes(tlv.value).map_err(|_| {
            malformed(format!(
                "{}: {field} is not a valid object identifier",
                self.what
            ))
        })
    }

    fn finish(&self) -> Result<(), Invalid> {
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
fn read_tlv(input: &[u8]) -> Result<(Tlv<'_>, &[u8]), &'static str> {
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
fn single<'a>(bytes: &'a [u8], what: &'static str) -> Result<Tlv<'a>, Invalid> {
    let mut der = Der::new(bytes, what);
    let tlv = der.next()?;
    der.finish()?;
    Ok(tlv)
}

/// An `AlgorithmIdentifier`: its OID and the raw encoding of its parameters, if any.
struct Algorithm<'a> {
    oid: Oid,
    params: Option<Tlv<'a>>,
}

fn algorithm_id<'a>(tlv: &Tlv<'a>, what: &'static str) -> Result<Algorithm<'a>, Invalid> {
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
fn bit_string<'a>(tlv: &Tlv<'a>, what: &str) -> Result<&'a [u8], Invalid> {
    match tlv.value.split_first() {
        Some((0, bytes)) if tlv.tag == BIT_STRING => Ok(bytes),
        _ => Err(malformed(format!(
            "{what} is not a BIT STRING of whole bytes"
        ))),
    }
}

/// Refuses encodings that would make the `der` crate's SET OF sorting slow (it sorts by
/// insertion): a SET of more than 64 elements, or nesting deeper than 32.
fn guard(bytes: &[u8], depth: usize) -> Result<(), &'static str> {
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

// ----------------------------------------------------------------------------------------
// Digests
// ----------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
    Sm3,
}

impl Hash {
    fn from_oid(oid: &Oid) -> Option<Hash> {
        match *oid {
            ID_SHA1 => Some(Hash::Sha1),
            ID_SHA256 => Some(Hash::Sha256),
            ID_SHA384 => Some(Hash::Sha384),
            ID_SHA512 => Some(Hash::Sha512),
            ID_SM3 => Some(Hash::Sm3),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Hash::Sha1 => "SHA-1",
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
            Hash::Sm3 => "SM3",
        }
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
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
fn oid_name(oid: &Oid) -> String {
    Hash::from_oid(oid).map_or_else(|| oid.to_string(), |h| h.name().to_owned())
}

// ----------------------------------------------------------------------------------------
// Parsing the reply, the token and the TSTInfo
// ----------------------------------------------------------------------------------------

/// Who signed: `SignerIdentifier`.
enum Sid<'a> {
    /// The issuer's `Name` (raw DER) and the serial number (INTEGER contents).
    IssuerSerial { issuer: &'a [u8], serial: &'a [u8] },
    /// The `subjectKeyIdentifier`.
    KeyId(&'a [u8]),
}

struct SignerInfo<'a> {
    sid: Sid<'a>,
    digest: Algorithm<'a>,
    /// The whole `[0] IMPLICIT` element; its tag is replaced by SET's for the signature.
    signed_attrs: Option<Tlv<'a>>,
    signature_algorithm: Algorithm<'a>,
    signature: &'a [u8],
}

struct TstInfo {
    imprint_algorithm: Oid,
    imprint: Vec<u8>,
    serial: String,
    time: i64,
    time_text: String,
}

struct Parsed<'a> {
    /// The `ContentInfo`.
    token: &'a [u8],
    /// The `TSTInfo`'s DER (the eContent's octets).
    econtent: &'a [u8],
    tst: TstInfo,
    certificates: Vec<&'a [u8]>,
    signer: SignerInfo<'a>,
}

/// Removes a PEM armour when the input has one.
fn unarmour(bytes: &[u8]) -> Result<Cow<'_, [u8]>, Invalid> {
    if bytes.trim_ascii_start().starts_with(b"-----BEGIN") {
        let (_, der) = pem_rfc7468::decode_vec(bytes.trim_ascii())
            .map_err(|e| malformed(format!("the PEM armour cannot be read: {e}")))?;
        Ok(Cow::Owned(der))
    } else {
        Ok(Cow::Borrowed(bytes))
    }
}

fn parse_der(bytes: &[u8]) -> Result<Parsed<'_>, Invalid> {
    if bytes.first() != Some(&SEQUENCE) {
        return Err(malformed(
            "it is neither a TimeStampResp nor a TimeStampToken: it does not start with a DER SEQUENCE",
        ));
    }
    let outer = single(bytes, "the token")?;
    let token = match Der::inside(&outer, "the token").peek_tag() {
        Some(SEQUENCE) => time_stamp_resp(&outer)?,
        Some(OBJECT_IDENTIFIER) => outer,
        _ => return Err(malformed("it is neither a TimeStampResp nor a ContentInfo")),
    };
    content_info(token)
}

/// `TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }`
fn time_stamp_resp<'a>(outer: &Tlv<'a>) -> Result<Tlv<'a>, Invalid> {
    let mut der = Der::inside(outer, "the TimeStampResp");
    let status_info = der.expect(SEQUENCE, "the PKIStatusInfo")?;
    let mut status = Der::inside(&status_info, "the PKIStatusInfo");
    let code = status.expect(INTEGER, "the status")?;
    let code = match code.value {
        [c] => *c,
        _ => return Err(malformed("the TimeStampResp's status is out of range")),
    };
    if code > 1 {
        let mut text = String::from(match code {
            2 => "rejection",
            3 => "waiting",
            4 => "revocation warning",
            5 => "revocation notification",
            _ => "unknown status",
        });
        if let Ok(Some(free)) = status.optional(SEQUENCE) {
            let mut strings = Der::inside(&free, "the status text");
            while let Ok(s) = strings.next() {
                if let Ok(s) = std::str::from_utf8(s.value) {
                    let printable: String =
                        s.chars().filter(|c| !c.is_control()).take(200).collect();
                    let _ = write!(text, ", \"{printable}\"");
                }
            }
        }
        if let Ok(Some(bits)) = status.optional(BIT_STRING) {
            let names = failure_names(bits.value);
            if !names.is_empty() {
                let _ = write!(text, " (failure: {})", names.join(", "));
            }
        }
        return Err(Invalid::NotGranted(text));
    }
    let token = der
        .optional(SEQUENCE)?
        .ok_or_else(|| malformed("the reply is granted but holds no time-stamp token"))?;
    der.finish()?;
    Ok(token)
}

/// The names of the set bits of a `PKIFailureInfo`.
fn failure_names(bits: &[u8]) -> Vec<&'static str> {
    const NAMES: [(usize, &str); 8] = [
        (0, "badAlg"),
        (2, "badRequest"),
        (5, "badDataFormat"),
        (14, "timeNotAvailable"),
        (15, "unacceptedPolicy"),
        (16, "unacceptedExtension"),
        (17, "addInfoNotAvailable"),
        (25, "systemFailure"),
    ];
    let bytes = bits.get(1..).unwrap_or_default();
    NAMES
        .iter()
        .filter(|(bit, _)| {
            bytes
                .get(bit / 8)
                .is_some_and(|b| b & (0x80 >> (bit % 8)) != 0)
        })
        .map(|(_, name)| *name)
        .collect()
}

/// `ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT SignedData }`
fn content_info(token: Tlv<'_>) -> Result<Parsed<'_>, Invalid> {
    let mut der = Der::inside(&token, "the ContentInfo");
    if der.oid("the content type")? != ID_SIGNED_DATA {
        return Err(malformed("the ContentInfo does not hold a CMS SignedData"));
    }
    let explicit = der.expect(0xa0, "the content")?;
    der.finish()?;
    let signed_data = single(explicit.value, "the ContentInfo's content")?;
    if signed_data.tag != SEQUENCE {
        return Err(malformed("the SignedData is not a SEQUENCE"));
    }

    let mut sd = Der::inside(&signed_data, "the SignedData");
    sd.expect(INTEGER, "the version")?;
    sd.expect(SET, "the digest algorithms")?;
    let encap = sd.expect(SEQUENCE, "the encapsulated content")?;
    let mut certificates = Vec::new();
    if let Some(set) = sd.optional(0xa0)? {
        let mut certs = Der::inside(&set, "the token's certificates");
        while !certs.is_empty() {
            let cert = certs.next()?;
            // Other CertificateChoices (attribute certificates, ...) are not signers.
            if cert.tag == SEQUENCE {
                certificates.push(cert.raw);
            }
        }
        if certificates.len() > MAX_CERTIFICATES {
            return Err(malformed("the token carries too many certificates"));
        }
    }
    sd.optional(0xa1)?; // crls
    let signer_infos = sd.expect(SET, "the signer infos")?;
    sd.finish()?;

    let mut encap = Der::inside(&encap, "the encapsulated content");
    if encap.oid("the content type")? != ID_CT_TST_INFO {
        return Err(malformed(
            "the SignedData does not hold a TSTInfo (id-ct-TSTInfo)",
        ));
    }
    let econtent = encap
        .optional(0xa0)?
        .ok_or_else(|| malformed("the SignedData holds no TSTInfo (detached content)"))?;
    encap.finish()?;
    let octets = single(econtent.value, "the encapsulated content")?;
    if octets.tag != OCTET_STRING {
        return Err(malformed("the TSTInfo is not in a primitive OCTET STRING"));
    }
    let econtent = octets.value;
    let tst = tst_info(econtent)?;

    let mut signers = Der::inside(&signer_infos, "the signer infos");
    if signers.is_empty() {
        return Err(malformed("the SignedData has no SignerInfo"));
    }
    let signer = signer_info(&signers.next()?)?;
    Ok(Parsed {
        token: token.raw,
        econtent,
        tst,
        certificates,
        signer,
    })
}

/// `SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL,
/// signatureAlgorithm, signature, [1] unsignedAttrs OPTIONAL }`
fn signer_info<'a>(tlv: &Tlv<'a>) -> Result<SignerInfo<'a>, Invalid> {
    const WHAT: &str = "the SignerInfo";
    if tlv.tag != SEQUENCE {
        return Err(malformed("the SignerInfo is not a SEQUENCE"));
    }
    let mut der = Der::inside(tlv, WHAT);
    der.expect(INTEGER, "the version")?;
    let sid = match der.peek_tag() {
        Some(SEQUENCE) => {
            let ias = der.next()?;
            let mut ias = Der::inside(&ias, "the signer's issuer and serial number");
            let issuer = ias.expect(SEQUENCE, "the issuer")?.raw;
            let serial = ias.expect(INTEGER, "the serial number")?.value;
            ias.finish()?;
            Sid::IssuerSerial { issuer, serial }
        }
        Some(0x80) => Sid::KeyId(der.next()?.value),
        _ => return Err(malformed("the SignerInfo does not identify its signer")),
    };
    let digest = algorithm_id(&der.expect(SEQUENCE, "the digest algorithm")?, WHAT)?;
    let signed_attrs = der.optional(0xa0)?;
    let signature_algorithm =
        algorithm_id(&der.expect(SEQUENCE, "the signature algorithm")?, WHAT)?;
    let signature = der.expect(OCTET_STRING, "the signature")?.value;
    der.optional(0xa1)?;
    der.finish()?;
    Ok(SignerInfo {
        sid,
        digest,
        signed_attrs,
        signature_algorithm,
        signature,
    })
}

/// `TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, ... }`
fn tst_info(bytes: &[u8]) -> Result<TstInfo, Invalid> {
    const WHAT: &str = "the TSTInfo";
    let tst = single(bytes, WHAT)?;
    if tst.tag != SEQUENCE {
        return Err(malformed("the TSTInfo is not a SEQUENCE"));
    }
    let mut der = Der::inside(&tst, WHAT);
    if der.expect(INTEGER, "the version")?.value != [1] {
        return Err(malformed("the TSTInfo's version is not 1"));
    }
    der.oid("the policy")?;
    let imprint = der.expect(SEQUENCE, "the message imprint")?;
    let mut imprint = Der::inside(&imprint, "the message imprint");
    let imprint_algorithm =
        algorithm_id(&imprint.expect(SEQUENCE, "the hash algorithm")?, WHAT)?.oid;
    let hashed = imprint
        .expect(OCTET_STRING, "the hashed message")?
        .value
        .to_vec();
    imprint.finish()?;
    let serial = decimal(der.expect(INTEGER, "the serial number")?.value)?;
    let time = der.expect(GENERALIZED_TIME, "the time (genTime)")?;
    let (time, time_text) = generalized_time(time.value)?;
    // accuracy, ordering, nonce, tsa and extensions are not needed; they must still parse.
    der.optional(SEQUENCE)?;
    der.optional(BOOLEAN)?;
    der.optional(INTEGER)?;
    der.optional(0xa0)?;
    der.optional(0xa1)?;
    der.finish()?;
    Ok(TstInfo {
        imprint_algorithm,
        imprint: hashed,
        serial,
        time,
        time_text,
    })
}

/// A non-negative INTEGER's contents in decimal.
fn decimal(bytes: &[u8]) -> Result<String, Invalid> {
    match bytes.first() {
        None => return Err(malformed("the serial number is empty")),
        Some(b) if b & 0x80 != 0 => return Err(malformed("the serial number is negative")),
        _ => {}
    }
    if bytes.len() > 64 {
        return Err(malformed("the serial number is longer than 64 bytes"));
    }
    // Repeated division by 10 of the big-endian base-256 number.
    let mut number: Vec<u8> = bytes.iter().copied().skip_while(|&b| b == 0).collect();
    let mut digits = Vec::new();
    while !number.is_empty() {
        let mut remainder = 0u16;
        for byte in &mut number {
            let value = (remainder << 8) | u16::from(*byte);
            *byte = (value / 10) as u8;
            remainder = value % 10;
        }
        digits.push(b'0' + remainder as u8);
        let zeros = number.iter().take_while(|&&b| b == 0).count();
        number.drain(..zeros);
    }
    if digits.is_empty() {
        digits.push(b'0');
    }
    digits.reverse();
    Ok(digits.into_iter().map(char::from).collect())
}

/// `YYYYMMDDHHMMSS[.f...]Z` to Unix seconds and `YYYY-MM-DDTHH:MM:SSZ`.
fn generalized_time(text: &[u8]) -> Result<(i64, String), Invalid> {
    let bad = || {
        malformed("the time (genTime) is not a GeneralizedTime of the form YYYYMMDDHHMMSS[.fff]Z")
    };
    let (main, rest) = text.split_at_checked(14).ok_or_else(bad)?;
    if !main.iter().all(u8::is_ascii_digit) {
        return Err(bad());
    }
    let rest = match rest {
        [b'Z'] => rest,
        [b'.', fraction @ .., b'Z']
            if !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit) =>
        {
            rest
        }
        _ => return Err(bad()),
    };
    let _ = rest;
    let number = |range: std::ops::Range<usize>| {
        main[range]
            .iter()
            .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'))
    };
    let (year, month, day) = (number(0..4), number(4..6), number(6..8));
    let (hour, minute, second) = (number(8..10), number(10..12), number(12..14));
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return Err(bad());
    }
    let time = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z");
    Ok((time, text))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

// ----------------------------------------------------------------------------------------
// Certificates
// ----------------------------------------------------------------------------------------

struct Cert<'a> {
    raw: &'a [u8],
    tbs: &'a [u8],
    signature_algorithm: Algorithm<'a>,
    signature: &'a [u8],
    x509: Certificate,
    /// The issuer's and the subject's `Name`, as encoded in the certificate.
    issuer: &'a [u8],
    subject: &'a [u8],
}

impl<'a> Cert<'a> {
    fn parse(raw: &'a [u8]) -> Result<Self, String> {
        guard(raw, 0)?;
        let outer = single(raw, "the certificate").map_err(reason)?;
        let mut der = Der::inside(&outer, "the certificate");
        let tbs = der
            .expect(SEQUENCE, "the TBSCertificate")
            .map_err(reason)?
            .raw;
        let alg = der
            .expect(SEQUENCE, "the signature algorithm")
            .map_err(reason)?;
        let signature_algorithm = algorithm_id(&alg, "the certificate").map_err(reason)?;
        let signature = der.expect(BIT_STRING, "the signature").map_err(reason)?;
        let signature = bit_string(&signature, "the certificate's signature").map_err(reason)?;
        let x509 =
            Certificate::from_der(raw).map_err(|e| format!("not an X.509 certificate: {e}"))?;
        // TBSCertificate: [0] version, serialNumber, signature, issuer, validity, subject, ...
        let (issuer, subject) = names(tbs).map_err(reason)?;
        Ok(Cert {
            raw,
            tbs,
            signature_algorithm,
            signature,
            x509,
            issuer,
            subject,
        })
    }

    fn subject_text(&self) -> String {
        let mut text = String::new();
        if write!(text, "{}", self.x509.tbs_certificate.subject).is_err() {
            text = String::from("(unprintable subject)");
        }
        text
    }

    fn extension(&self, oid: Oid) -> Option<(bool, &[u8])> {
        self.x509
            .tbs_certificate
            .extensions
            .as_ref()?
            .iter()
            .find(|e| e.extn_id == oid)
            .map(|e| (e.critical, e.extn_value.as_bytes()))
    }

    fn key_id(&self) -> Option<&[u8]> {
        let (_, value) = self.extension(ID_CE_SUBJECT_KEY_IDENTIFIER)?;
        let tlv = single(value, "the subject key identifier").ok()?;
        (tlv.tag == OCTET_STRING).then_some(tlv.value)
    }

    fn matches(&self, sid: &Sid<'_>) -> bool {
        match sid {
            Sid::IssuerSerial { issuer, serial } => {
                self.issuer == *issuer
                    && self.x509.tbs_certificate.serial_number.as_bytes() == *serial
            }
            Sid::KeyId(id) => self.key_id() == Some(id),
        }
    }

    /// Whether the certificate is valid at `time`.
    fn valid_at(&self, time: i64) -> Result<(), Invalid> {
        let validity = &self.x509.tbs_certificate.validity;
        let not_before =
            i64::try_from(validity.not_before.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
        let not_after =
            i64::try_from(validity.not_after.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
        if time < not_before || time > not_after {
            return Err(Invalid::Certificate(format!(
                "the certificate of {} is valid from {} to {}, not at the token's time",
                self.subject_text(),
                validity.not_before,
                validity.not_after
            )));
        }
        Ok(())
    }

    /// Whether the certificate may issue certificates (a v3 CA).
    fn is_ca(&self) -> bool {
        let ca = self
            .extension(ID_CE_BASIC_CONSTRAINTS)
            .and_then(|(_, v)| BasicConstraints::from_der(v).ok())
            .is_some_and(|bc| bc.ca);
        let may_sign = self
            .extension(ID_CE_KEY_USAGE)
            .is_none_or(|(_, v)| KeyUsage::from_der(v).is_ok_and(|ku| ku.key_cert_sign()));
        ca && may_sign
    }

    /// RFC 3161 §2.3: the extended key usage is critical and includes `id-kp-timeStamping`.
    fn for_time_stamping(&self) -> Result<(), Invalid> {
        let eku = self
            .extension(ID_CE_EXT_KEY_USAGE)
            .and_then(|(critical, v)| Some((critical, ExtendedKeyUsage::from_der(v).ok()?)));
        match eku {
            Some((true, eku)) if eku.0.contains(&ID_KP_TIME_STAMPING) => Ok(()),
            Some((false, eku)) if eku.0.contains(&ID_KP_TIME_STAMPING) => {
                Err(Invalid::Certificate(format!(
                    "the extended key usage of {} is not marked critical, as RFC 3161 requires",
                    self.subject_text()
                )))
            }
            _ => Err(Invalid::Certificate(format!(
                "{} is not a time-stamping certificate: it lacks the extended key usage id-kp-timeStamping",
                self.subject_text()
            ))),
        }
    }

    fn key(&self) -> Result<Key, Invalid> {
        Key::from_spki(&self.x509.tbs_certificate.subject_public_key_info)
    }
}

/// The reason of a failure to read a certificate, without the "token is malformed" preamble.
fn reason(invalid: Invalid) -> String {
    match invalid {
        Invalid::Malformed(why) => why,
        other => other.to_string(),
    }
}

/// The issuer's and the subject's `Name` in a `TBSCertificate`, as encoded.
fn names(tbs: &[u8]) -> Result<(&[u8], &[u8]), Invalid> {
    let tbs = single(tbs, "the TBSCertificate")?;
    let mut der = Der::inside(&tbs, "the TBSCertificate");
    der.optional(0xa0)?;
    der.expect(INTEGER, "the serial number")?;
    der.expect(SEQUENCE, "the signature algorithm")?;
    let issuer = der.expect(SEQUENCE, "the issuer")?.raw;
    der.expect(SEQUENCE, "the validity")?;
    let subject = der.expect(SEQUENCE, "the subject")?.raw;
    Ok((issuer, subject))
}

/// Reads the given certificates: PEM (any number of CERTIFICATE blocks) or DER (one or more).
/// Reads a certificate file as [`check`] would (PEM with one or more certificates, or DER),
/// without any token: the subject of each certificate. An unreadable file is the caller's
/// mistake, not a failed time-stamp.
pub fn certificates(bytes: &[u8]) -> Result<Vec<String>, Invalid> {
    given_certificates(bytes)?
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            Cert::parse(raw).map(|c| c.subject_text()).map_err(|e| {
                Invalid::Certificate(format!("certificate {} cannot be read: {e}", i + 1))
            })
        })
        .collect()
}

fn given_certificates(bytes: &[u8]) -> Result<Vec<Vec<u8>>, Invalid> {
    let mut out = Vec::new();
    if contains(bytes, b"-----BEGIN ") {
        let mut rest = bytes;
        while let Some(start) = find(rest, b"-----BEGIN ") {
            let block = &rest[start..];
            let Some(end_marker) = find(block, b"-----END ") else {
                return Err(Invalid::Certificate(
                    "a PEM block in the given certificates has no END line".into(),
                ));
            };
            let after_end = &block[end_marker + 9..];
            let Some(close) = find(after_end, b"-----") else {
                return Err(Invalid::Certificate(
                    "a PEM END line in the given certificates is cut off".into(),
                ));
            };
            let block_len = end_marker + 9 + close + 5;
            let (label, der) = pem_rfc7468::decode_vec(&block[..block_len]).map_err(|e| {
                Invalid::Certificate(format!(
                    "a PEM block in the given certificates cannot be read: {e}"
                ))
            })?;
            if label == "CERTIFICATE" || label == "X509 CERTIFICATE" {
                out.push(der);
            }
            rest = &block[block_len..];
        }
    } else {
        let mut rest = bytes;
        while !rest.is_empty() {
            let (tlv, after) = read_tlv(rest).map_err(|e| {
                Invalid::Certificate(format!(
                    "the given certificates are neither PEM nor DER: {e}"
                ))
            })?;
            out.push(tlv.raw.to_vec());
            rest = after.trim_ascii_start();
        }
    }
    if out.is_empty() {
        return Err(Invalid::Certificate(
            "the given file holds no certificate".into(),
        ));
    }
    if out.len() > MAX_CERTIFICATES {
        return Err(Invalid::Certificate(
            "the given file holds too many certificates".into(),
        ));
    }
    Ok(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

// ----------------------------------------------------------------------------------------
// Public keys and signatures
// ----------------------------------------------------------------------------------------

enum Key {
    Rsa(Box<rsa::RsaPublicKey>),
    P256(p256::ecdsa::VerifyingKey),
    Sm2(Box<sm2::dsa::VerifyingKey>),
}

impl Key {
    fn from_spki(spki: &x509_cert::spki::SubjectPublicKeyInfoOwned) -> Result<Key, Invalid> {
        let bits = spki.subject_public_key.as_bytes().ok_or_else(|| {
            Invalid::Certificate("the public key is not a whole number of bytes".into())
        })?;
        let bad_key =
            |kind: &str| Invalid::Certificate(format!("the {kind} public key cannot be read"));
        match spki.algorithm.oid {
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
enum Failure {
    /// The algorithms do not fit together or are not implemented.
    Unsupported(String),
    /// The signature is wrong.
    Bad,
}

/// Verifies `signature` over `message` with `key`. `digest` is the `SignerInfo`'s digest
/// algorithm (`None` for a certificate's signature, whose algorithm names its hash).
/// Returns the algorithm's name.
fn verify(
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

// ----------------------------------------------------------------------------------------
// The two entry points
// ----------------------------------------------------------------------------------------

/// Parses a token without checking its signature, for its imprint and time only.
///
/// `bytes` is a `TimeStampResp` (a `.tsr` file from `openssl ts -reply`; its status must be
/// granted or granted with modifications) or a bare `TimeStampToken` (a CMS `ContentInfo`,
/// `openssl ts -reply -token_out`), in DER or PEM. Only SHA-256 imprints are accepted.
pub fn parse(bytes: &[u8]) -> Result<Token, Invalid> {
    let der = unarmour(bytes)?;
    let parsed = parse_der(&der)?;
    let imprint = sha256_imprint(&parsed.tst)?;
    Ok(Token {
        time: parsed.tst.time,
        time_text: parsed.tst.time_text,
        imprint,
        der: parsed.token.to_vec(),
    })
}

fn sha256_imprint(tst: &TstInfo) -> Result<[u8; 32], Invalid> {
    if tst.imprint_algorithm != ID_SHA256 {
        return Err(Invalid::ImprintAlgorithm(oid_name(&tst.imprint_algorithm)));
    }
    <[u8; 32]>::try_from(tst.imprint.as_slice())
        .map_err(|_| malformed("the SHA-256 message imprint is not 32 bytes long"))
}

/// Verifies a time-stamp token over `data` against the TSA certificate(s) `tsa_cert`.
///
/// `token` is what [`parse`] accepts. `tsa_cert` is PEM (any number of certificates, e.g. the
/// TSA's certificate and its CA) or DER: either the signer's certificate itself, or the
/// certificate of a CA that issued the signer's certificate carried in the token. The
/// module documentation lists every check, in order.
pub fn check(token: &[u8], data: &[u8], tsa_cert: &[u8]) -> Result<Anchor, Invalid> {
    let der = unarmour(token)?;
    let parsed = parse_der(&der)?;
    let tst = &parsed.tst;

    // 1. The imprint.
    let imprint = sha256_imprint(tst)?;
    if imprint.as_slice() != sha2::Sha256::digest(data).as_slice() {
        return Err(Invalid::ImprintMismatch);
    }

    // 2-3. The signed attributes bind the TSTInfo.
    let signer = &parsed.signer;
    let digest = Hash::from_oid(&signer.digest.oid)
        .filter(|h| *h != Hash::Sha1)
        .ok_or_else(|| {
            Invalid::UnsupportedAlgorithm(format!(
                "digest algorithm {}",
                oid_name(&signer.digest.oid)
            ))
        })?;
    let signed_attrs = signer
        .signed_attrs
        .ok_or_else(|| malformed("the SignerInfo has no signed attributes"))?;
    let attributes = attributes(&signed_attrs)?;
    let content_type = attributes
        .iter()
        .find(|(oid, _)| *oid == ID_CONTENT_TYPE)
        .ok_or_else(|| malformed("the signed attributes lack the content type"))?;
    let content_type = single(content_type.1, "the content-type attribute")?;
    if content_type.tag != OBJECT_IDENTIFIER
        || Oid::from_bytes(content_type.value) != Ok(ID_CT_TST_INFO)
    {
        return Err(malformed(
            "the signed content-type attribute is not id-ct-TSTInfo",
        ));
    }
    let message_digest = attributes
        .iter()
        .find(|(oid, _)| *oid == ID_MESSAGE_DIGEST)
        .ok_or_else(|| malformed("the signed attributes lack the message digest"))?;
    let message_digest = single(message_digest.1, "the message-digest attribute")?;
    if message_digest.tag != OCTET_STRING {
        return Err(malformed(
            "the signed message-digest attribute is not an OCTET STRING",
        ));
    }
    if message_digest.value != digest.digest(parsed.econtent).as_slice() {
        return Err(Invalid::Signature);
    }

    // 4. The signer's certificate.
    let given = given_certificates(tsa_cert)?;
    let given: Vec<Cert<'_>> = given
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            Cert::parse(raw).map_err(|e| {
                Invalid::Certificate(format!("given certificate {} cannot be read: {e}", i + 1))
            })
        })
        .collect::<Result<_, _>>()?;
    // Unreadable certificates in the token are skipped: they are not trusted anyway.
    let carried: Vec<Cert<'_>> = parsed
        .certificates
        .iter()
        .filter_map(|raw| Cert::parse(raw).ok())
        .collect();
    let signer_cert = find_signer(&signer.sid, &given, &carried, tst.time)?;

    // 5. The signature over the signed attributes, re-tagged as a SET OF.
    let mut to_verify = Vec::with_capacity(signed_attrs.raw.len());
    to_verify.push(SET);
    to_verify.extend_from_slice(signed_attrs.raw.get(1..).unwrap_or_default());
    let key = signer_cert.key()?;
    let algorithm = match verify(
        &key,
        &signer.signature_algorithm,
        Some(digest),
        &to_verify,
        signer.signature,
    ) {
        Ok(name) => name,
        Err(Failure::Bad) => return Err(Invalid::Signature),
        Err(Failure::Unsupported(what)) => return Err(Invalid::UnsupportedAlgorithm(what)),
    };

    // 6. The signer's certificate at the token's time.
    signer_cert.valid_at(tst.time)?;
    signer_cert.for_time_stamping()?;

    // 7. The ESS binding, when present.
    check_ess(&attributes, signer_cert)?;

    Ok(Anchor {
        time: tst.time,
        time_text: tst.time_text.clone(),
        tsa: signer_cert.subject_text(),
        serial: tst.serial.clone(),
        algorithm,
        fingerprint: hex::encode(sha2::Sha256::digest(signer_cert.raw)),
    })
}

/// The signed attributes as (type, the encoding of its single value).
fn attributes<'a>(signed_attrs: &Tlv<'a>) -> Result<Vec<(Oid, &'a [u8])>, Invalid> {
    let mut out: Vec<(Oid, &[u8])> = Vec::new();
    let mut der = Der::inside(signed_attrs, "the signed attributes");
    while !der.is_empty() {
        let attribute = der.expect(SEQUENCE, "an attribute")?;
        let mut attribute = Der::inside(&attribute, "a signed attribute");
        let oid = attribute.oid("the attribute type")?;
        let values = attribute.expect(SET, "the attribute values")?;
        attribute.finish()?;
        let value = single(values.value, "a signed attribute's values")?;
        if out.iter().any(|(o, _)| *o == oid) {
            return Err(malformed(format!(
                "the signed attribute {oid} occurs twice"
            )));
        }
        out.push((oid, value.raw));
    }
    Ok(out)
}

/// Finds the signer's certificate among the given ones, or among those the token carries
/// when a chain leads from it to a given certificate.
fn find_signer<'c, 'a>(
    sid: &Sid<'_>,
    given: &'c [Cert<'a>],
    carried: &'c [Cert<'a>],
    time: i64,
) -> Result<&'c Cert<'a>, Invalid> {
    if let Some(cert) = given.iter().find(|c| c.matches(sid)) {
        return Ok(cert);
    }
    let mut problem = None;
    let mut budget = MAX_CHAIN_CHECKS;
    for cert in carried.iter().filter(|c| c.matches(sid)) {
        match chain_to_given(cert, given, carried, time, 0, &mut budget) {
            Ok(()) => return Ok(cert),
            Err(Some(e)) => problem = Some(e),
            Err(None) => {}
        }
    }
    // A given certificate with the signer's name that is not the signer's: say so plainly
    // (an authority of the same name, another key).
    if let Some(named) = carried.iter().filter(|c| c.matches(sid)).find_map(|c| {
        given
            .iter()
            .find(|g| g.subject == c.subject && g.raw != c.raw)
    }) {
        return Err(Invalid::Certificate(format!(
            "the given certificate of {} is not the one that signed this token: same name, another certificate",
            named.subject_text()
        )));
    }
    Err(problem.unwrap_or(Invalid::UnknownSigner))
}

/// Whether `cert` was issued by a given certificate, directly or through carried ones.
/// `Err(None)`: no issuer found; `Err(Some(_))`: an issuer was found but is not acceptable.
fn chain_to_given(
    cert: &Cert<'_>,
    given: &[Cert<'_>],
    carried: &[Cert<'_>],
    time: i64,
    depth: usize,
    budget: &mut usize,
) -> Result<(), Option<Invalid>> {
    if depth > MAX_CHAIN {
        return Err(None);
    }
    let mut problem = None;
    for issuer in given.iter().filter(|g| g.subject == cert.issuer) {
        match issued_by(cert, issuer, time, budget) {
            Ok(()) => return Ok(()),
            Err(e) => problem = Some(e),
        }
    }
    for issuer in carried
        .iter()
        .filter(|c| c.subject == cert.issuer && c.raw != cert.raw)
    {
        if given.iter().any(|g| g.raw == issuer.raw) {
            continue;
        }
        match issued_by(cert, issuer, time, budget)
            .map_err(Some)
            .and_then(|()| chain_to_given(issuer, given, carried, time, depth + 1, budget))
        {
            Ok(()) => return Ok(()),
            Err(Some(e)) => problem = Some(e),
            Err(None) => {}
        }
    }
    Err(problem)
}

/// Whether `issuer` issued `cert`: a CA whose key verifies `cert`'s signature, both valid
/// at `time`. Each call spends one unit of `budget`.
fn issued_by(
    cert: &Cert<'_>,
    issuer: &Cert<'_>,
    time: i64,
    budget: &mut usize,
) -> Result<(), Invalid> {
    // Many carried certificates with the same name must not make the search explode.
    *budget = budget.checked_sub(1).ok_or_else(|| {
        Invalid::Certificate("the token's certificates form too many candidate chains".into())
    })?;
    if !issuer.is_ca() {
        return Err(Invalid::Certificate(format!(
            "{} issued the signer's chain but is not a CA certificate",
            issuer.subject_text()
        )));
    }
    let key = issuer.key()?;
    match verify(
        &key,
        &cert.signature_algorithm,
        None,
        cert.tbs,
        cert.signature,
    ) {
        Ok(_) => {}
        Err(Failure::Bad) => {
            return Err(Invalid::Certificate(format!(
                "the signature on the certificate of {} does not verify under {}",
                cert.subject_text(),
                issuer.subject_text()
            )));
        }
        Err(Failure::Unsupported(what)) => return Err(Invalid::UnsupportedAlgorithm(what)),
    }
    issuer.valid_at(time)?;
    cert.valid_at(time)
}

/// ESS `signingCertificate` (SHA-1) or `signingCertificateV2`: the first `ESSCertID` must be
/// the hash of the signer's certificate.
fn check_ess(attributes: &[(Oid, &[u8])], signer: &Cert<'_>) -> Result<(), Invalid> {
    for (oid, value) in attributes {
        let v2 = match *oid {
            ID_SIGNING_CERTIFICATE => false,
            ID_SIGNING_CERTIFICATE_V2 => true,
            _ => continue,
        };
        let bad = || malformed("the signing-certificate attribute cannot be read");
        let signing_certificate = single(value, "the signing-certificate attribute")?;
        let mut sc = Der::inside(&signing_certificate, "the signing-certificate attribute");
        let certs = sc.expect(SEQUENCE, "the certificate identifiers")?;
        let first =
            Der::inside(&certs, "the certificate identifiers").expect(SEQUENCE, "an ESSCertID")?;
        let mut id = Der::inside(&first, "an ESSCertID");
        let mut hash = Hash::Sha1;
        if v2 {
            hash = Hash::Sha256;
            if id.peek_tag() == Some(SEQUENCE) {
                let alg = algorithm_id(&id.next()?, "an ESSCertIDv2")?;
                hash = Hash::from_oid(&alg.oid).ok_or_else(|| {
                    Invalid::UnsupportedAlgorithm(format!(
                        "certificate hash {} in signingCertificateV2",
                        alg.oid
                    ))
                })?;
            }
        }
        let cert_hash = id
            .expect(OCTET_STRING, "the certificate hash")
            .map_err(|_| bad())?;
        if cert_hash.value != hash.digest(signer.raw).as_slice() {
            return Err(Invalid::Certificate(format!(
                "the token's signing-certificate attribute names another certificate than that of {}",
                signer.subject_text()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NULL_TAG: u8 = 0x05;

    #[test]
    fn times() {
        assert_eq!(generalized_time(b"19700101000000Z").unwrap().0, 0);
        assert_eq!(
            generalized_time(b"20260615103000.43Z").unwrap(),
            (1_781_519_400, "2026-06-15T10:30:00Z".to_owned())
        );
        assert_eq!(
            generalized_time(b"20240229235959Z").unwrap().1,
            "2024-02-29T23:59:59Z"
        );
        for bad in [
            &b"20230229000000Z"[..],
            b"20261315000000Z",
            b"2026061510300Z",
            b"20260615103000",
            b"20260615103000.Z",
            b"20260615103000+0800",
            b"2026061510300aZ",
            b"",
        ] {
            assert!(generalized_time(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn serial_numbers() {
        assert_eq!(decimal(&[0]).unwrap(), "0");
        assert_eq!(decimal(&[0x03]).unwrap(), "3");
        assert_eq!(decimal(&[0x00, 0xff]).unwrap(), "255");
        assert_eq!(
            decimal(&[0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]).unwrap(),
            "18446744073709551616"
        );
        assert!(decimal(&[0x80]).is_err());
        assert!(decimal(&[]).is_err());
    }

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

    #[test]
    fn failure_bits() {
        // badAlg (bit 0) and systemFailure (bit 25), after the unused-bits byte.
        assert_eq!(
            failure_names(&[6, 0x80, 0, 0, 0x40]),
            ["badAlg", "systemFailure"]
        );
        assert!(failure_names(&[]).is_empty());
    }

    #[test]
    fn ec_signatures() {
        let mut der = vec![0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02];
        let fixed = ec_signature(&der).unwrap();
        assert_eq!((fixed[31], fixed[63]), (1, 2));
        der[4] = 0x81; // negative r
        assert!(ec_signature(&der).is_none());
        assert!(ec_signature(&[0x30, 0x00]).is_none());
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        for input in [
            &b""[..],
            b"\x30",
            b"\x30\x00",
            b"\x30\x03\x06\x01\x00",
            b"-----BEGIN PKCS7-----\n",
        ] {
            assert!(
                matches!(parse(input), Err(Invalid::Malformed(_))),
                "{input:?}"
            );
        }
    }
}
