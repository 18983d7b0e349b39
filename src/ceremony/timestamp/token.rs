//! The two entry points: [`parse`] reads a token for its imprint and time, [`check`] verifies
//! it against the data and the authority's certificates.

use const_oid::ObjectIdentifier as Oid;
use sha2::Digest as _;

use super::certificate::{Cert, given_certificates};
use super::chain::find_signer;
use super::cms::{TstInfo, parse_der, unarmour};
use super::der_reader::{
    Der, OBJECT_IDENTIFIER, OCTET_STRING, SEQUENCE, SET, Tlv, algorithm_id, single,
};
use super::digest::{Hash, oid_name};
use super::error::{Invalid, malformed};
use super::oid::{
    ID_CONTENT_TYPE, ID_CT_TST_INFO, ID_MESSAGE_DIGEST, ID_SHA256, ID_SIGNING_CERTIFICATE,
    ID_SIGNING_CERTIFICATE_V2,
};
use super::signature::{Failure, verify};

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
    if imprint[..] != sha2::Sha256::digest(data)[..] {
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
    if *message_digest.value != digest.digest(parsed.econtent)[..] {
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
        if *cert_hash.value != hash.digest(signer.raw)[..] {
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
