//! RFC 3161 time-stamp tokens (`shuangsui::ceremony::timestamp`) against the fixtures of a local TSA
//! made by `tests/fixtures/tsa/make.sh` with `openssl ts` (which also records openssl's own
//! verdict on each token). The expected times, serials and imprints are read from the
//! `openssl ts -reply -text` output kept beside each token.

use sha2::Digest as _;
use shuangsui::ceremony::timestamp::{self, Anchor, Invalid};

fn fixture(name: &str) -> Vec<u8> {
    crate::fixtures::read(&format!("tests/fixtures/tsa/{name}"))
}

fn text(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

fn data() -> Vec<u8> {
    fixture("data.json")
}

/// What `openssl ts -reply -text` printed for a token.
struct Printed {
    time_text: String,
    serial: String,
    imprint: Vec<u8>,
}

fn printed(txt: &str) -> Printed {
    let txt = text(txt);
    let line = |prefix: &str| {
        txt.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap_or_else(|| panic!("no {prefix:?} line"))
            .trim()
            .to_owned()
    };
    // "Jun 15 10:30:00.43 2026 GMT"
    let stamp = line("Time stamp:");
    let parts: Vec<&str> = stamp.split_whitespace().collect();
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == parts[0])
    .unwrap()
        + 1;
    let day: u32 = parts[1].parse().unwrap();
    let clock = parts[2].split('.').next().unwrap();
    assert_eq!(parts[4], "GMT");
    let time_text = format!("{}-{month:02}-{day:02}T{clock}Z", parts[3]);
    // "0x02" or "0x049CAAF0..."
    let serial = u128::from_str_radix(line("Serial number:").trim_start_matches("0x"), 16)
        .unwrap()
        .to_string();
    // "    0000 - da d1 4b 27 dd fa bb b3-e9 43 aa 94 f3 2b c3 cc   ..K'....."
    let mut imprint = Vec::new();
    let mut lines = txt.lines().skip_while(|l| !l.starts_with("Message data:"));
    lines.next();
    for l in lines.take(2) {
        let hex = &l.trim_start()[7..54];
        for byte in hex.split([' ', '-']).filter(|s| !s.is_empty()) {
            imprint.push(u8::from_str_radix(byte, 16).unwrap());
        }
    }
    Printed {
        time_text,
        serial,
        imprint,
    }
}

/// Unix seconds of `YYYY-MM-DDTHH:MM:SSZ`, counted day by day (not the library's formula).
fn unix(text: &str) -> i64 {
    let n = |r: std::ops::Range<usize>| text[r].parse::<i64>().unwrap();
    let (year, month, day) = (n(0..4), n(5..7), n(8..10));
    let leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let mut days: i64 = (1970..year).map(|y| if leap(y) { 366 } else { 365 }).sum();
    let lengths = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let months = usize::try_from(month - 1).unwrap();
    days += lengths[..months].iter().sum::<i64>() + day - 1;
    days * 86_400 + n(11..13) * 3600 + n(14..16) * 60 + n(17..19)
}

/// Checks a token that must verify, against what openssl printed for it.
fn verified(token: &str, txt: &str, cert: &str, tsa: &str, algorithm: &str) -> Anchor {
    let anchor = timestamp::check(&fixture(token), &data(), &fixture(cert))
        .unwrap_or_else(|e| panic!("{token} under {cert}: {e}"));
    let expected = printed(txt);
    assert_eq!(anchor.time_text, expected.time_text, "{token}");
    assert_eq!(anchor.time, unix(&expected.time_text), "{token}");
    assert_eq!(anchor.serial, expected.serial, "{token}");
    assert_eq!(anchor.tsa, tsa, "{token}");
    assert_eq!(anchor.algorithm, algorithm, "{token}");
    assert_eq!(expected.imprint, sha2::Sha256::digest(data()).to_vec());
    // parse agrees with check.
    let parsed = timestamp::parse(&fixture(token)).unwrap();
    assert_eq!(
        (parsed.time, &parsed.time_text),
        (anchor.time, &anchor.time_text)
    );
    assert_eq!(parsed.imprint.to_vec(), expected.imprint);
    anchor
}

const TEST_TSA: &str = "CN=Test TSA,O=shuangsui test,C=CN";
const RSA_256: &str = "RSA PKCS#1 v1.5 SHA-256";

/// The tokens that verify, with the certificate that is their signer's.
const GOOD: [(&str, &str, &str); 7] = [
    ("rsa.tsr", "rsa.txt", "tsa.pem"),
    ("rsa.tok", "rsa-tok.txt", "tsa.pem"),
    ("rsa-nocert.tsr", "rsa-nocert.txt", "tsa.pem"),
    ("rsa-sha512.tsr", "rsa-sha512.txt", "tsa.pem"),
    ("ec.tsr", "ec.txt", "ec.pem"),
    ("pss.tok", "pss.txt", "tsa.pem"),
    ("sm2.tsr", "sm2.txt", "sm2.pem"),
];

#[test]
fn rsa_token_verifies_against_the_tsa_certificate() {
    let anchor = verified("rsa.tsr", "rsa.txt", "tsa.pem", TEST_TSA, RSA_256);
    assert_eq!(anchor.time_text, "2026-06-15T10:00:00Z");
    assert_eq!(anchor.time, 1_781_517_600);
}

#[test]
fn rsa_token_verifies_against_the_ca_certificate() {
    // The token carries the TSA's certificate; the CA's signature on it is checked.
    verified("rsa.tsr", "rsa.txt", "ca.pem", TEST_TSA, RSA_256);
    // A file holding several certificates (the TSA's and the CA's).
    verified("rsa.tsr", "rsa.txt", "chain.pem", TEST_TSA, RSA_256);
}

#[test]
fn certificates_in_der_and_with_text_around_them() {
    let (_, der) = pem_rfc7468::decode_vec(&fixture("tsa.pem")).unwrap();
    let anchor = timestamp::check(&fixture("rsa.tsr"), &data(), &der).unwrap();
    assert_eq!(anchor.tsa, TEST_TSA);
    let (_, ca_der) = pem_rfc7468::decode_vec(&fixture("ca.pem")).unwrap();
    assert!(timestamp::check(&fixture("rsa.tsr"), &data(), &ca_der).is_ok());
    // Two DER certificates one after the other.
    let both = [ca_der.clone(), der].concat();
    assert!(timestamp::check(&fixture("rsa.tsr"), &data(), &both).is_ok());
    // PEM with openssl's text dump before it, and CRLF line ends.
    let mut noisy = b"subject=C = CN, O = shuangsui test, CN = Test Root CA\r\n".to_vec();
    noisy.extend(text("ca.pem").replace('\n', "\r\n").bytes());
    assert!(timestamp::check(&fixture("rsa.tsr"), &data(), &noisy).is_ok());
}

#[test]
fn the_bare_token_is_the_token_inside_the_reply() {
    let from_reply = verified("rsa.tsr", "rsa.txt", "tsa.pem", TEST_TSA, RSA_256);
    let bare = verified("rsa.tok", "rsa-tok.txt", "tsa.pem", TEST_TSA, RSA_256);
    assert_eq!(from_reply, bare);
    assert_eq!(
        timestamp::parse(&fixture("rsa.tsr")).unwrap().der,
        fixture("rsa.tok")
    );
    assert_eq!(
        timestamp::parse(&fixture("rsa.tok")).unwrap().der,
        fixture("rsa.tok")
    );
}

#[test]
fn pem_tokens() {
    for name in ["rsa.tok", "rsa.tsr"] {
        let pem = pem_rfc7468::encode_string("PKCS7", pem_rfc7468::LineEnding::LF, &fixture(name))
            .unwrap();
        let anchor = timestamp::check(pem.as_bytes(), &data(), &fixture("tsa.pem")).unwrap();
        assert_eq!(anchor.tsa, TEST_TSA);
        assert_eq!(
            timestamp::parse(pem.as_bytes()).unwrap().der,
            fixture("rsa.tok")
        );
    }
}

#[test]
fn a_token_without_certificates_needs_the_tsa_certificate_itself() {
    verified(
        "rsa-nocert.tsr",
        "rsa-nocert.txt",
        "tsa.pem",
        TEST_TSA,
        RSA_256,
    );
    let err = timestamp::check(&fixture("rsa-nocert.tsr"), &data(), &fixture("ca.pem"));
    assert_eq!(err, Err(Invalid::UnknownSigner));
}

#[test]
fn rsa_sha512_with_signing_certificate_v2() {
    verified(
        "rsa-sha512.tsr",
        "rsa-sha512.txt",
        "tsa.pem",
        TEST_TSA,
        "RSA PKCS#1 v1.5 SHA-512",
    );
}

#[test]
fn ecdsa_p256_token_verifies() {
    let tsa = "CN=Test EC TSA,O=shuangsui test,C=CN";
    let anchor = verified("ec.tsr", "ec.txt", "ec.pem", tsa, "ECDSA P-256 SHA-256");
    verified("ec.tsr", "ec.txt", "ca.pem", tsa, "ECDSA P-256 SHA-256");
    // genTime has a fraction of a second (clock_precision_digits = 3); it is dropped.
    assert!(text("ec.txt").contains("10:30:00."));
    assert_eq!(anchor.time_text, "2026-06-15T10:30:00Z");
}

#[test]
fn rsa_pss_token_verifies() {
    verified("pss.tok", "pss.txt", "tsa.pem", TEST_TSA, "RSA-PSS SHA-256");
    verified("pss.tok", "pss.txt", "ca.pem", TEST_TSA, "RSA-PSS SHA-256");
}

#[test]
fn sm2_token_verifies() {
    let tsa = "CN=Test SM2 TSA,O=shuangsui test,C=CN";
    verified("sm2.tsr", "sm2.txt", "sm2.pem", tsa, "SM2 SM3");
    // Through the SM2 CA: the CA's SM2 signature on the TSA certificate is checked too.
    verified("sm2.tsr", "sm2.txt", "sm2ca.pem", tsa, "SM2 SM3");
    assert_eq!(
        timestamp::check(&fixture("sm2.tok"), &data(), &fixture("sm2ca.pem")).map(|a| a.tsa),
        Ok(tsa.to_owned())
    );
    assert_eq!(
        timestamp::check(&fixture("sm2.tsr"), &data(), &fixture("ca.pem")),
        Err(Invalid::UnknownSigner)
    );
}

#[test]
fn a_signer_named_by_its_key_identifier() {
    // sm2-ski.tok: the SignerInfo's sid is the subjectKeyIdentifier [0], not issuer/serial.
    let tsa = "CN=Test SM2 TSA,O=shuangsui test,C=CN";
    verified("sm2-ski.tok", "sm2.txt", "sm2.pem", tsa, "SM2 SM3");
    verified("sm2-ski.tok", "sm2.txt", "sm2ca.pem", tsa, "SM2 SM3");
    assert_eq!(
        timestamp::check(&fixture("sm2-ski.tok"), &data(), &fixture("other.pem")),
        Err(Invalid::UnknownSigner)
    );
}

#[test]
fn other_bytes_are_an_imprint_mismatch() {
    for (token, _, cert) in GOOD {
        let err = timestamp::check(
            &fixture(token),
            b"{\"announcement\":\"changed\"}\n",
            &fixture(cert),
        );
        assert_eq!(err, Err(Invalid::ImprintMismatch), "{token}");
    }
    let mut data = data();
    data.push(b' ');
    assert_eq!(
        timestamp::check(&fixture("rsa.tsr"), &data, &fixture("tsa.pem")),
        Err(Invalid::ImprintMismatch)
    );
    // A token over other.json: wrong for data.json, right for other.json.
    assert_eq!(
        timestamp::check(
            &fixture("other-data.tsr"),
            &self::data(),
            &fixture("tsa.pem")
        ),
        Err(Invalid::ImprintMismatch)
    );
    let anchor = timestamp::check(
        &fixture("other-data.tsr"),
        &fixture("other.json"),
        &fixture("ca.pem"),
    )
    .unwrap();
    assert_eq!(anchor.time_text, printed("other-data.txt").time_text);
}

#[test]
fn an_unrelated_certificate_is_an_unknown_signer() {
    for (token, _, _) in GOOD {
        let err = timestamp::check(&fixture(token), &data(), &fixture("other.pem"));
        assert_eq!(err, Err(Invalid::UnknownSigner), "{token}");
    }
    // The EC TSA's certificate did not sign the RSA token, nor issue its signer's.
    assert_eq!(
        timestamp::check(&fixture("rsa.tsr"), &data(), &fixture("ec.pem")),
        Err(Invalid::UnknownSigner)
    );
}

#[test]
fn only_sha256_imprints() {
    let err = timestamp::check(&fixture("sha384-imprint.tsr"), &data(), &fixture("tsa.pem"));
    assert_eq!(err, Err(Invalid::ImprintAlgorithm("SHA-384".into())));
    assert_eq!(
        timestamp::parse(&fixture("sha384-imprint.tsr")),
        Err(Invalid::ImprintAlgorithm("SHA-384".into()))
    );
}

#[test]
fn a_rejected_reply_is_not_granted() {
    let err = timestamp::check(&fixture("rejected.tsr"), &data(), &fixture("tsa.pem"));
    let Err(Invalid::NotGranted(why)) = err else {
        panic!("{err:?}")
    };
    assert!(why.contains("rejection"), "{why}");
    assert!(
        why.contains("Message digest algorithm is not supported"),
        "{why}"
    );
    assert!(why.contains("badAlg"), "{why}");
    assert!(matches!(
        timestamp::parse(&fixture("rejected.tsr")),
        Err(Invalid::NotGranted(_))
    ));
}

#[test]
fn the_signer_must_be_valid_at_the_time_and_a_time_stamping_certificate() {
    for cert in ["expired.pem", "ca.pem"] {
        let err = timestamp::check(&fixture("expired.tsr"), &data(), &fixture(cert));
        let Err(Invalid::Certificate(why)) = err else {
            panic!("{cert}: {err:?}")
        };
        assert!(
            why.contains("Expired TSA") && why.contains("not at the token's time"),
            "{why}"
        );
    }
    for cert in ["noeku.pem", "ca.pem"] {
        let err = timestamp::check(&fixture("noeku.tok"), &data(), &fixture(cert));
        let Err(Invalid::Certificate(why)) = err else {
            panic!("{cert}: {err:?}")
        };
        assert!(why.contains("id-kp-timeStamping"), "{why}");
    }
}

#[test]
fn a_tsa_certificate_is_not_a_ca() {
    // The EC TSA certificate (not a CA) cannot vouch for another TSA's certificate, even
    // when a token carries a certificate that names it as issuer: here, none does.
    let err = timestamp::check(&fixture("rsa.tsr"), &data(), &fixture("tsa.pem"));
    assert!(err.is_ok());
    assert_eq!(
        timestamp::check(&fixture("sm2.tsr"), &data(), &fixture("tsa.pem")),
        Err(Invalid::UnknownSigner)
    );
}

/// The offset of the first occurrence of `needle`.
fn position(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("needle")
}

#[test]
fn a_flipped_signature_byte_is_a_bad_signature() {
    for (token, _, cert) in GOOD {
        let original = fixture(token);
        // No unsigned attributes follow: the signature ends the token.
        for back in [1, 2, 10] {
            let mut bytes = original.clone();
            let at = bytes.len() - back;
            bytes[at] ^= 0x01;
            let err = timestamp::check(&bytes, &data(), &fixture(cert));
            assert_eq!(err, Err(Invalid::Signature), "{token}, byte {at}");
        }
    }
}

/// Where the `TSTInfo` (the SEQUENCE that holds the imprint at `imprint`) lies.
fn tst_info(bytes: &[u8], imprint: usize) -> std::ops::Range<usize> {
    (imprint - 40..imprint)
        .find_map(|start| {
            let (header, len) = match bytes[start + 1] {
                0x81 => (3, usize::from(bytes[start + 2])),
                n if n < 0x80 => (2, usize::from(n)),
                _ => return None,
            };
            let version = &bytes[start + header..start + header + 3];
            (bytes[start] == 0x30 && version == [2, 1, 1] && start + header + len > imprint)
                .then_some(start..start + header + len)
        })
        .expect("TSTInfo")
}

#[test]
fn a_flipped_tst_info_byte_is_never_accepted() {
    let imprint = sha2::Sha256::digest(data());
    for (token, _, cert) in GOOD {
        let original = fixture(token);
        let range = tst_info(&original, position(&original, &imprint));
        assert!(range.contains(&position(&original, b"20260615")));
        for i in range {
            for mask in [0x01, 0x80] {
                let mut bytes = original.clone();
                bytes[i] ^= mask;
                match timestamp::check(&bytes, &data(), &fixture(cert)) {
                    Err(
                        Invalid::Signature
                        | Invalid::Malformed(_)
                        | Invalid::ImprintMismatch
                        | Invalid::ImprintAlgorithm(_),
                    ) => {}
                    other => panic!("{token}: byte {i} ^ {mask:#x} gave {other:?}"),
                }
            }
        }
    }
}

#[test]
fn every_truncation_is_an_error() {
    for (token, _, cert) in GOOD {
        let original = fixture(token);
        for len in 0..original.len() {
            let cut = &original[..len];
            assert!(
                timestamp::check(cut, &data(), &fixture(cert)).is_err(),
                "{token}[..{len}]"
            );
            assert!(timestamp::parse(cut).is_err(), "{token}[..{len}]");
        }
    }
    // Truncated certificates are errors too, not panics.
    let cert = fixture("tsa.pem");
    let (_, der) = pem_rfc7468::decode_vec(&cert).unwrap();
    for len in 0..der.len() {
        let err = timestamp::check(&fixture("rsa.tsr"), &data(), &der[..len]);
        assert!(err.is_err(), "certificate[..{len}]");
    }
}

/// Flipping a byte never panics, and whatever still verifies anchors the same facts: the
/// bytes that can change without notice are outside what the signature covers. Every byte
/// of the first 200 (reply, `SignedData` and `TSTInfo` headers), then every fifth: each
/// check costs milliseconds of unoptimised big-number and curve arithmetic.
#[test]
fn every_flipped_byte_is_caught_or_harmless() {
    for (token, _, cert) in [GOOD[0], GOOD[4], GOOD[6]] {
        let original = fixture(token);
        let cert = fixture(cert);
        let anchor = timestamp::check(&original, &data(), &cert).unwrap();
        for i in (0..original.len()).filter(|i| *i < 200 || i % 5 == 0) {
            let mut bytes = original.clone();
            bytes[i] ^= 0x04;
            if let Ok(other) = timestamp::check(&bytes, &data(), &cert) {
                assert_eq!(other, anchor, "{token}: byte {i}");
            }
            let _ = timestamp::parse(&bytes);
        }
    }
}

/// Random edits (xorshift, fixed seed): no panic, and nothing new is ever anchored.
#[test]
fn random_edits_never_panic() {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for (token, _, cert) in [GOOD[0], GOOD[5]] {
        let original = fixture(token);
        let cert = fixture(cert);
        let anchor = timestamp::check(&original, &data(), &cert).unwrap();
        for _ in 0..300 {
            let mut bytes = original.clone();
            for _ in 0..=next() % 4 {
                let i = (next() as usize) % bytes.len();
                match next() % 4 {
                    0 => bytes[i] = next() as u8,
                    1 => {
                        bytes.remove(i);
                    }
                    2 => bytes.insert(i, next() as u8),
                    _ => bytes[i] = [0x00, 0x80, 0x84, 0xff][(next() % 4) as usize],
                }
            }
            if let Ok(other) = timestamp::check(&bytes, &data(), &cert) {
                assert_eq!(other, anchor);
            }
            let _ = timestamp::parse(&bytes);
        }
    }
}

#[test]
fn garbage_is_malformed() {
    for garbage in [
        &b""[..],
        b"hello",
        b"\x30\x82\xff\xff",
        b"\x30\x84\xff\xff\xff\xff\x00",
        b"\x30\x80\x00\x00",
        b"\x04\x00",
        &[0xff; 64],
    ] {
        assert!(
            matches!(
                timestamp::check(garbage, &data(), &fixture("tsa.pem")),
                Err(Invalid::Malformed(_))
            ),
            "{garbage:?}"
        );
        assert!(
            matches!(timestamp::parse(garbage), Err(Invalid::Malformed(_))),
            "{garbage:?}"
        );
    }
    // A certificate is not a token; a token is not a certificate.
    assert!(matches!(
        timestamp::parse(&fixture("tsa.pem")),
        Err(Invalid::Malformed(_))
    ));
    assert!(matches!(
        timestamp::check(&fixture("rsa.tsr"), &data(), &fixture("rsa.tok")),
        Err(Invalid::Certificate(_))
    ));
    assert!(matches!(
        timestamp::check(&fixture("rsa.tsr"), &data(), b"no certificate here"),
        Err(Invalid::Certificate(_))
    ));
}

#[test]
fn every_reason_reads_as_a_sentence() {
    for invalid in [
        Invalid::Malformed("x".into()),
        Invalid::NotGranted("rejection".into()),
        Invalid::ImprintAlgorithm("SHA-384".into()),
        Invalid::ImprintMismatch,
        Invalid::Signature,
        Invalid::UnknownSigner,
        Invalid::UnsupportedAlgorithm("x".into()),
        Invalid::Certificate("x".into()),
    ] {
        let text = invalid.to_string();
        assert!(
            text.len() > 20 && text.starts_with(|c: char| c.is_ascii_lowercase()),
            "{text}"
        );
    }
}

/// Without the `rsa` feature (an integrator's build without default features) an RSA-signed
/// token is refused as unsupported, naming why, and an ECDSA one still verifies.
#[cfg(not(feature = "rsa"))]
#[test]
fn without_rsa_an_rsa_token_is_unsupported_and_ecdsa_verifies() {
    let (_, der) = pem_rfc7468::decode_vec(&fixture("tsa.pem")).unwrap();
    let e = timestamp::check(&fixture("rsa.tsr"), &data(), &der).unwrap_err();
    assert!(e.to_string().contains("rsa feature"), "{e}");
    let (_, ec) = pem_rfc7468::decode_vec(&fixture("ec.pem")).unwrap();
    assert!(timestamp::check(&fixture("ec.tsr"), &data(), &ec).is_ok());
}
