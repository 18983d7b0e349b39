//! Parsing the reply (`TimeStampResp`), the token (a CMS `ContentInfo` holding a
//! `SignedData`), its first `SignerInfo` and its `TSTInfo`. Nothing is verified here.

use std::borrow::Cow;
use std::fmt::Write as _;

use const_oid::ObjectIdentifier as Oid;

use super::der_reader::{
    Algorithm, BIT_STRING, BOOLEAN, Der, GENERALIZED_TIME, INTEGER, OBJECT_IDENTIFIER,
    OCTET_STRING, SEQUENCE, SET, Tlv, algorithm_id, single,
};
use super::error::{Invalid, malformed};
use super::oid::{ID_CT_TST_INFO, ID_SIGNED_DATA};
use super::time::generalized_time;

/// At most this many certificates are read from the token and from the given file.
pub(super) const MAX_CERTIFICATES: usize = 64;

/// Who signed: `SignerIdentifier`.
pub(super) enum Sid<'a> {
    /// The issuer's `Name` (raw DER) and the serial number (INTEGER contents).
    IssuerSerial { issuer: &'a [u8], serial: &'a [u8] },
    /// The `subjectKeyIdentifier`.
    KeyId(&'a [u8]),
}

pub(super) struct SignerInfo<'a> {
    pub(super) sid: Sid<'a>,
    pub(super) digest: Algorithm<'a>,
    /// The whole `[0] IMPLICIT` element; its tag is replaced by SET's for the signature.
    pub(super) signed_attrs: Option<Tlv<'a>>,
    pub(super) signature_algorithm: Algorithm<'a>,
    pub(super) signature: &'a [u8],
}

pub(super) struct TstInfo {
    pub(super) imprint_algorithm: Oid,
    pub(super) imprint: Vec<u8>,
    pub(super) serial: String,
    pub(super) time: i64,
    pub(super) time_text: String,
}

pub(super) struct Parsed<'a> {
    /// The `ContentInfo`.
    pub(super) token: &'a [u8],
    /// The `TSTInfo`'s DER (the eContent's octets).
    pub(super) econtent: &'a [u8],
    pub(super) tst: TstInfo,
    pub(super) certificates: Vec<&'a [u8]>,
    pub(super) signer: SignerInfo<'a>,
}

/// Removes a PEM armour when the input has one.
pub(super) fn unarmour(bytes: &[u8]) -> Result<Cow<'_, [u8]>, Invalid> {
    if bytes.trim_ascii_start().starts_with(b"-----BEGIN") {
        let (_, der) = pem_rfc7468::decode_vec(bytes.trim_ascii())
            .map_err(|e| malformed(format!("the PEM armour cannot be read: {e}")))?;
        Ok(Cow::Owned(der))
    } else {
        Ok(Cow::Borrowed(bytes))
    }
}

pub(super) fn parse_der(bytes: &[u8]) -> Result<Parsed<'_>, Invalid> {
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
pub(super) fn failure_names(bits: &[u8]) -> Vec<&'static str> {
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
pub(super) fn decimal(bytes: &[u8]) -> Result<String, Invalid> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn failure_bits() {
        // badAlg (bit 0) and systemFailure (bit 25), after the unused-bits byte.
        assert_eq!(
            failure_names(&[6, 0x80, 0, 0, 0x40]),
            ["badAlg", "systemFailure"]
        );
        assert!(failure_names(&[]).is_empty());
    }
}
