//! The announcement anchored in time by RFC 3161 (SPEC.md §5.3.5), with a local time-stamp
//! authority made by `openssl` at test time and run at the clock of 2023 with `faketime`
//! (the fixture drand round 657413 was emitted at 2023-09-15T11:00:03Z).
//!
//! A token made before the round is accepted and reported (the authority's name and the
//! time); one made after it is refused; a token for other bytes, or checked against another
//! authority's certificate, is refused. Through the library and through the CLI (`draw
//! --timestamp --tsa-cert`, `verify --tsa-cert`).
//!
//! Needs `openssl` and `faketime`: skipped without them unless `SHUANGSUI_REQUIRE_FAKETIME`
//! is set (CI sets it).

use std::path::Path;

use shuangsui::ceremony::{self, Announcement, Request, Sources, TimeAnchor};
use shuangsui::verify::Guarantee;
use shuangsui::{Inputs, draw};

use crate::fixtures::{
    self, Files, INPUT_FLAGS, TempDir, at_clock, available, bin_at, edit_json, faketime_preload,
    outcome, reproduce_py, request, root, round_json, runs, succeeds,
};

/// True when `openssl` and `faketime` run; panics without them when CI requires them.
fn tools() -> bool {
    available(
        runs("openssl", &["version"]) && faketime_preload().is_some(),
        "SHUANGSUI_REQUIRE_FAKETIME",
        "openssl and faketime",
    )
}

/// Runs a command in `dir` at the clock `when` (UTC), and asserts it succeeds.
fn at(dir: &Path, when: &str, args: &[&str]) {
    succeeds(at_clock(args[0], when).current_dir(dir).args(&args[1..]));
}

const EXTENSIONS: &str = "[root]\nbasicConstraints = critical, CA:TRUE\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash\n[tsa]\nbasicConstraints = critical, CA:FALSE\nkeyUsage = critical, digitalSignature, nonRepudiation\nextendedKeyUsage = critical, timeStamping\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid\n";

const TSA_CONFIG: &str = "[ tsa ]\ndefault_tsa = tsa_rsa\n[ tsa_rsa ]\nserial = ./serial\ncrypto_device = builtin\ncerts = ./ca.pem\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = yes\ntsa_name = no\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n[ tsa_ec ]\nserial = ./serial\ncrypto_device = builtin\ncerts = ./ca.pem\nsigner_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\nordering = yes\ntsa_name = no\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n";

/// A CA, an RSA authority and an ECDSA P-256 authority issued by it, and an unrelated
/// authority, dated 2023-01-01 (valid 100 years).
fn authority(dir: &Path) {
    std::fs::write(dir.join("ext.cnf"), EXTENSIONS).unwrap();
    std::fs::write(dir.join("tsa.cnf"), TSA_CONFIG).unwrap();
    std::fs::write(dir.join("serial"), "01\n").unwrap();
    let d = dir;
    let when = "2023-01-01 00:00:00";
    at(d, when, &["openssl", "genrsa", "-out", "ca.key", "2048"]);
    at(
        d,
        when,
        &[
            "openssl",
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-sha256",
            "-days",
            "36500",
            "-subj",
            "/C=CN/O=shuangsui test/CN=Test Root CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
            "-out",
            "ca.pem",
        ],
    );
    for (name, key_args, subject) in [
        (
            "tsa",
            vec!["openssl", "genrsa", "-out", "tsa.key", "2048"],
            "/C=CN/O=shuangsui test/CN=Test TSA",
        ),
        (
            "ec",
            vec![
                "openssl",
                "ecparam",
                "-name",
                "prime256v1",
                "-genkey",
                "-noout",
                "-out",
                "ec.key",
            ],
            "/C=CN/O=shuangsui test/CN=Test EC TSA",
        ),
    ] {
        at(d, when, &key_args);
        let key = format!("{name}.key");
        let csr = format!("{name}.csr");
        let pem = format!("{name}.pem");
        at(
            d,
            when,
            &[
                "openssl", "req", "-new", "-key", &key, "-subj", subject, "-out", &csr,
            ],
        );
        at(
            d,
            when,
            &[
                "openssl",
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-days",
                "36500",
                "-set_serial",
                "4097",
                "-extfile",
                "ext.cnf",
                "-extensions",
                "tsa",
                "-sha256",
                "-out",
                &pem,
            ],
        );
    }
    at(d, when, &["openssl", "genrsa", "-out", "other.key", "2048"]);
    at(
        d,
        when,
        &[
            "openssl",
            "req",
            "-x509",
            "-new",
            "-key",
            "other.key",
            "-sha256",
            "-days",
            "36500",
            "-subj",
            "/C=CN/O=someone else/CN=Other TSA",
            "-addext",
            "extendedKeyUsage=critical,timeStamping",
            "-out",
            "other.pem",
        ],
    );
}

/// A time-stamp token (a `.tsr` reply) over `file`, made by the RSA authority (or `ec`) at
/// the clock `when`.
fn stamp(dir: &Path, file: &str, when: &str, signer: &str, out: &str) -> Vec<u8> {
    let d = dir;
    let query = format!("{out}.tsq");
    at(
        d,
        when,
        &[
            "openssl", "ts", "-query", "-data", file, "-sha256", "-cert", "-out", &query,
        ],
    );
    let section = if signer == "ec" { "tsa_ec" } else { "tsa_rsa" };
    at(
        d,
        when,
        &[
            "openssl",
            "ts",
            "-reply",
            "-config",
            "tsa.cnf",
            "-section",
            section,
            "-queryfile",
            &query,
            "-signer",
            &format!("{signer}.pem"),
            "-inkey",
            &format!("{signer}.key"),
            "-out",
            out,
        ],
    );
    std::fs::read(dir.join(out)).unwrap()
}

fn inputs() -> Inputs {
    Files::synth(5, 200, 24, 7).inputs()
}

/// Announced at 2023-09-15T10:50:02Z for round 657413, with no party.
fn announcement(inputs: &Inputs) -> Announcement {
    let request = Request {
        dice: "2718".into(),
        ..request()
    };
    ceremony::announce(&inputs.committed(), &request).unwrap()
}

fn sources(token: Option<Vec<u8>>, cert: Option<&[u8]>) -> Sources<'_> {
    Sources {
        reveals: Vec::new(),
        timestamp: token,
        tsa_cert: cert,
        ..fixtures::sources()
    }
}

#[test]
fn a_token_from_before_the_round_anchors_the_announcement_and_others_are_refused() {
    if !tools() {
        return;
    }
    let dir = TempDir::new("anchor");
    authority(&dir);
    let inputs = inputs();
    let a = announcement(&inputs);
    std::fs::write(dir.join("announcement.json"), ceremony::to_json(&a)).unwrap();
    std::fs::write(dir.join("other.json"), b"{\"another\": \"file\"}\n").unwrap();
    let before = stamp(
        &dir,
        "announcement.json",
        "2023-09-15 10:55:00",
        "tsa",
        "before.tsr",
    );
    let after = stamp(
        &dir,
        "announcement.json",
        "2023-09-15 11:05:00",
        "tsa",
        "after.tsr",
    );
    let other = stamp(
        &dir,
        "other.json",
        "2023-09-15 10:55:00",
        "tsa",
        "other.tsr",
    );
    let ec = stamp(
        &dir,
        "announcement.json",
        "2023-09-15 10:56:00",
        "ec",
        "ec.tsr",
    );
    let ca = std::fs::read(dir.join("ca.pem")).unwrap();
    let tsa = std::fs::read(dir.join("tsa.pem")).unwrap();
    let other_cert = std::fs::read(dir.join("other.pem")).unwrap();

    // Before the round: accepted, against the authority's certificate or its CA's.
    for cert in [&tsa, &ca] {
        let (seed, attestation, attested) = ceremony::attest(
            &a,
            &inputs.committed(),
            &sources(Some(before.clone()), Some(cert)),
        )
        .unwrap();
        let TimeAnchor::Verified(anchor) = &attested.anchor else {
            panic!("{:?}", attested.anchor);
        };
        assert_eq!(anchor.time_text, "2023-09-15T10:55:00Z");
        assert!(anchor.tsa.contains("CN=Test TSA"), "{}", anchor.tsa);
        assert!(!attestation.timestamp.is_empty());
        // The token does not change the seed: the beacon is the last input.
        let (plain, _, _) =
            ceremony::attest(&a, &inputs.committed(), &sources(None, None)).unwrap();
        assert_eq!(seed.value(), plain.value());
    }
    // ECDSA P-256.
    let (_, _, attested) =
        ceremony::attest(&a, &inputs.committed(), &sources(Some(ec), Some(&ca))).unwrap();
    assert!(
        matches!(&attested.anchor, TimeAnchor::Verified(x) if x.tsa.contains("CN=Test EC TSA") && x.algorithm.contains("ECDSA")),
        "{:?}",
        attested.anchor
    );
    // After the round: refused, with or without the certificate.
    for cert in [Some(tsa.as_slice()), None] {
        let e = ceremony::attest(&a, &inputs.committed(), &sources(Some(after.clone()), cert))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("2023-09-15T11:05:00Z") && e.contains("not before"),
            "{e}"
        );
    }
    // For other bytes: refused.
    let e = ceremony::attest(&a, &inputs.committed(), &sources(Some(other), Some(&tsa)))
        .unwrap_err()
        .to_string();
    assert!(e.contains("other bytes"), "{e}");
    // Checked against another authority's certificate: refused.
    let e = ceremony::attest(
        &a,
        &inputs.committed(),
        &sources(Some(before.clone()), Some(&other_cert)),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("time-stamp token"), "{e}");
    // A token over an edited announcement (other dice): the imprint no longer matches.
    let mut edited = a.clone();
    edited.dice = "9999".into();
    edited.digest = ceremony::digest_of(&edited);
    let e = ceremony::attest(
        &edited,
        &inputs.committed(),
        &sources(Some(before.clone()), Some(&tsa)),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("other bytes"), "{e}");

    // The record keeps the token; verify re-checks it, with and without the certificate.
    let (seed, _, _) =
        ceremony::attest(&a, &inputs.committed(), &sources(Some(before), Some(&tsa))).unwrap();
    let record = draw(&inputs, &seed).unwrap().record;
    let json = record.to_json();
    let check = |cert: Option<&[u8]>| {
        shuangsui::verify::verify_with(
            shuangsui::Source {
                name: "record.json",
                bytes: json.as_bytes(),
            },
            &inputs,
            &shuangsui::verify::Options { tsa_cert: cert },
        )
        .unwrap()
    };
    let with = check(Some(&ca));
    assert!(with.ok(), "{:?}", with.differences);
    let Guarantee::InputsFixed { anchor, .. } = &with.guarantees[0] else {
        panic!("{:?}", with.guarantees);
    };
    assert!(matches!(anchor, TimeAnchor::Verified(x) if x.time_text == "2023-09-15T10:55:00Z"));
    let text = with.guarantees[0].to_string();
    assert!(
        text.contains("CN=Test TSA") && text.contains("signature verified"),
        "{text}"
    );
    let without = check(None);
    assert!(without.ok());
    let text = without.guarantees[0].to_string();
    assert!(text.contains("NOT checked"), "{text}");
    // Against another certificate: a failed attestation (exit 1), not a pass.
    let wrong = check(Some(&other_cert));
    assert!(!wrong.ok());
    assert!(wrong.attestation_failure.is_some());
    // The notice says when the announcement was anchored, and by whom only when the
    // signature was verified: then with the verifying certificate's fingerprint.
    let notice = |anchor| {
        shuangsui::publish::notice::draw_markdown(
            shuangsui::publish::notice::Lang::En,
            &record,
            inputs.plan(),
            inputs.officers(),
            shuangsui::publish::notice::OfficerDisplay::Names,
            &shuangsui::publish::notice::Published {
                anchor,
                corrects: None,
                verify: None,
                reproduce: None,
                issued: None,
            },
        )
    };
    let unverified = notice(None);
    assert!(
        unverified.contains("2023-09-15 18:55:00 (Beijing time)")
            && unverified.contains("signature was not verified")
            && !unverified.contains("CN=Test TSA"),
        "{unverified}"
    );
    let Guarantee::InputsFixed {
        anchor: TimeAnchor::Verified(verified),
        ..
    } = &with.guarantees[0]
    else {
        unreachable!()
    };
    let shown = notice(Some(verified));
    assert!(
        shown.contains("CN=Test TSA") && shown.contains(&verified.fingerprint),
        "{shown}"
    );
}

/// The ceremony with a time-stamp through the command line: `draw --timestamp --tsa-cert`
/// keeps a token from before the round and refuses one from after it (exit 2, nothing
/// written); `verify --tsa-cert` reports the authority and the time, and without the
/// certificate says the signature was not checked.
#[test]
fn the_cli_draws_and_verifies_with_a_time_stamp() {
    if !tools() {
        return;
    }
    let dir = TempDir::new("anchor-cli");
    authority(&dir);
    let bin = |when: &str, args: &[&str]| {
        outcome(
            bin_at(when)
                .current_dir(&dir)
                .args(["--lang", "en"])
                .args(args),
        )
    };
    let files = INPUT_FLAGS;
    assert_eq!(bin("@2023-09-15 10:50:00", &["init", "."]).0, Some(0));
    let mut args = vec!["announce"];
    args.extend(files);
    args.extend([
        "--dice",
        "31",
        "--publish",
        "public",
        "--out",
        "announcement.json",
    ]);
    let (code, _, err) = bin("@2023-09-15 10:50:02", &args);
    assert_eq!(code, Some(0), "{err}");
    // The public copies of the frozen inputs have the announced digests.
    let a = shuangsui::ceremony::Announcement::parse(
        "announcement.json",
        &std::fs::read(dir.join("announcement.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(a.beacon.round, 657_413);
    let (_, digest, _) = bin(
        "@2023-09-15 10:51:00",
        &[
            "digest",
            "--plan",
            "public/plan.toml",
            "--targets",
            "public/targets.csv",
        ],
    );
    assert_eq!(digest.trim(), a.inputs.targets.digest);
    assert_eq!(
        std::fs::read(dir.join("public/announcement.json")).unwrap(),
        std::fs::read(dir.join("announcement.json")).unwrap()
    );
    stamp(
        &dir,
        "announcement.json",
        "2023-09-15 10:52:00",
        "tsa",
        "before.tsr",
    );
    stamp(
        &dir,
        "announcement.json",
        "2023-09-15 11:02:00",
        "tsa",
        "after.tsr",
    );
    dir.write("round.json", round_json());
    let draw_with = |token: &str, out: &str| {
        let mut args = vec!["draw"];
        args.extend(files);
        args.extend([
            "--announcement",
            "announcement.json",
            "--beacon",
            "round.json",
            "--timestamp",
            token,
            "--tsa-cert",
            "ca.pem",
            "--out",
            out,
        ]);
        bin("@2023-09-15 11:03:00", &args)
    };
    let (code, _, err) = draw_with("after.tsr", "late.json");
    assert_eq!(code, Some(2));
    assert!(err.contains("not before"), "{err}");
    assert!(!dir.join("late.json").exists());
    let (code, _, err) = draw_with("before.tsr", "record.json");
    assert_eq!(code, Some(0), "{err}");
    let mut args = vec!["verify", "record.json"];
    args.extend(files);
    let (code, report, _) = bin("@2023-09-15 11:04:00", &args);
    assert_eq!(code, Some(0));
    assert!(report.contains("NOT checked"), "{report}");
    args.extend(["--tsa-cert", "tsa.pem"]);
    let (code, report, _) = bin("@2023-09-15 11:04:00", &args);
    assert_eq!(code, Some(0), "{report}");
    assert!(
        report.contains("existed at 2023-09-15 18:52:00 (Beijing time)")
            && report.contains("CN=Test TSA"),
        "{report}"
    );
    // The independent checker agrees, and checks the token's imprint and time itself.
    let reproduce = |record: &str| reproduce_py(&dir, root().join("tests/reproduce.py"), record);
    let out = reproduce("record.json");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("2023-09-15T10:52:00Z"), "{text}");
    // A record whose token is swapped for the one made after the round: both refuse it.
    let late =
        shuangsui::ceremony::timestamp::parse(&std::fs::read(dir.join("after.tsr")).unwrap())
            .unwrap()
            .der;
    edit_json(&dir, "record.json", "swapped.json", |record| {
        record["seed"]["attestation"]["timestamp"] = ceremony::base64_encode(&late).into();
    });
    let out = reproduce("swapped.json");
    assert!(
        !out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let mut swapped = vec!["verify", "swapped.json"];
    swapped.extend(files);
    let (code, report, _) = bin("@2023-09-15 11:04:00", &swapped);
    assert_eq!(code, Some(1), "{report}");
    assert!(report.contains("not before"), "{report}");
    // Publishing a time-stamped record needs the authority's certificate: it is checked
    // and goes into the kit, whose verify command uses it; the notice names the authority
    // the token claims and its certificate's fingerprint.
    let mut publish = vec!["publish", "record.json"];
    publish.extend(files);
    publish.extend(["--out", "公示"]);
    let (code, _, err) = bin("@2023-09-15 11:05:00", &publish);
    assert_eq!(code, Some(2));
    assert!(err.contains("--tsa-cert"), "{err}");
    publish.extend(["--tsa-cert", "ca.pem"]);
    let (code, _, err) = bin("@2023-09-15 11:05:00", &publish);
    assert_eq!(code, Some(0), "{err}");
    assert!(dir.join("公示/kit/tsa.pem").exists());
    let notice = std::fs::read_to_string(dir.join("公示/notice.md")).unwrap();
    let fingerprint = {
        use sha2::Digest as _;
        let pem = std::fs::read_to_string(dir.join("tsa.pem")).unwrap();
        let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        hex::encode(sha2::Sha256::digest(ceremony::base64_decode(&b64).unwrap()))
    };
    assert!(
        notice.contains("CN=Test TSA") && notice.contains(&fingerprint),
        "{notice}"
    );
    assert!(notice.contains("--tsa-cert tsa.pem"), "{notice}");
    let zh: Vec<&str> = args.iter().copied().filter(|a| *a != "--lang").collect();
    let out = bin_at("@2023-09-15 11:04:00")
        .current_dir(&dir)
        .args(&zh)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("可信时间戳") && text.contains("签名已验证"),
        "{text}"
    );
}
