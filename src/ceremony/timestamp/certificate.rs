//! Certificates: the given file read (PEM or DER), each certificate parsed, and what is
//! asked of one (whether it is the signer, valid at a time, a CA, for time-stamping).

use std::fmt::Write as _;

use const_oid::ObjectIdentifier as Oid;
use der::Decode as _;
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, ExtendedKeyUsage, KeyUsage};

use super::cms::{MAX_CERTIFICATES, Sid};
use super::der_reader::{
    Algorithm, BIT_STRING, Der, INTEGER, OCTET_STRING, SEQUENCE, algorithm_id, bit_string, guard,
    read_tlv, single,
};
use super::error::Invalid;
use super::oid::{
    ID_CE_BASIC_CONSTRAINTS, ID_CE_EXT_KEY_USAGE, ID_CE_KEY_USAGE, ID_CE_SUBJECT_KEY_IDENTIFIER,
    ID_KP_TIME_STAMPING,
};
use super::signature::Key;

pub(super) struct Cert<'a> {
    pub(super) raw: &'a [u8],
    pub(super) tbs: &'a [u8],
    pub(super) signature_algorithm: Algorithm<'a>,
    pub(super) signature: &'a [u8],
    pub(super) x509: Certificate,
    /// The issuer's and the subject's `Name`, as encoded in the certificate.
    pub(super) issuer: &'a [u8],
    pub(super) subject: &'a [u8],
}

impl<'a> Cert<'a> {
    pub(super) fn parse(raw: &'a [u8]) -> Result<Self, String> {
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

    pub(super) fn subject_text(&self) -> String {
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

    pub(super) fn matches(&self, sid: &Sid<'_>) -> bool {
        match sid {
            Sid::IssuerSerial { issuer, serial } => {
                self.issuer == *issuer
                    && self.x509.tbs_certificate.serial_number.as_bytes() == *serial
            }
            Sid::KeyId(id) => self.key_id() == Some(id),
        }
    }

    /// Whether the certificate is valid at `time`.
    pub(super) fn valid_at(&self, time: i64) -> Result<(), Invalid> {
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
    pub(super) fn is_ca(&self) -> bool {
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
    pub(super) fn for_time_stamping(&self) -> Result<(), Invalid> {
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

    pub(super) fn key(&self) -> Result<Key, Invalid> {
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
/// Reads a certificate file as [`check`](super::check) would (PEM with one or more
/// certificates, or DER), without any token: the subject of each certificate. An unreadable
/// file is the caller's mistake, not a failed time-stamp.
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

pub(super) fn given_certificates(bytes: &[u8]) -> Result<Vec<Vec<u8>>, Invalid> {
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
