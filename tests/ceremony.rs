//! The announce → beacon → draw → verify ceremony (SPEC.md §5.3), with the
//! real signed drand quicknet round in `tests/fixtures/drand-quicknet.json`.
//!
//! Every way of steering the seed after the announcement must be refused:
//! changed inputs, another round, a forged signature, a wrong secret, other
//! dice, an edited announcement or record.

use serde_json::Value;
use shuangsui::announce::{self, Announcement, Request, Sources};
use shuangsui::beacon::Round;
use shuangsui::verify::Guarantee;
use shuangsui::{Inputs, Source, draw, synth, verify};

/// The fixture round 657413, emitted at 2023-09-15T11:00:03Z.
fn fixture_round() -> Round {
    // A copy of ../shared/fixtures/drand-quicknet.json.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/drand-quicknet.json"
    );
    let text = std::fs::read_to_string(path).expect("the drand fixture");
    let v: Value = serde_json::from_str(&text).unwrap();
    serde_json::from_value(v["rounds"][0].clone()).unwrap()
}

fn inputs_with(targets: &str) -> Inputs {
    let plan = synth::plan_toml(5);
    let officers = synth::officers_csv(24, 7);
    Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: plan.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: targets.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: officers.as_bytes(),
        },
    )
    .unwrap()
}

fn inputs() -> Inputs {
    inputs_with(&synth::targets_csv(300, 7))
}

const SECRET: &str = "a notary's secret, kept until the draw";

/// Announced ten minutes and one second before the fixture round is emitted.
fn announcement(inputs: &Inputs) -> Announcement {
    announce::announce(
        inputs,
        &Request {
            at: "2023-09-15T18:50:02+08:00".into(),
            margin_secs: 600,
            dice: 4,
            parties: vec![("公证处".into(), announce::commitment("公证处", SECRET))],
            previous: String::new(),
        },
    )
    .unwrap()
}

fn sources() -> Sources {
    Sources {
        round: fixture_round(),
        dice: Some("3 1 4 1".into()),
        reveals: vec![("公证处".into(), SECRET.into())],
        later_round: false,
    }
}

fn refusal(a: &Announcement, inputs: &Inputs, s: &Sources) -> String {
    match announce::attest(a, inputs, s) {
        Ok(_) => panic!("the sources were accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_announcement_names_the_first_round_after_the_margin() {
    let a = announcement(&inputs());
    assert_eq!(a.beacon.round, 657_413);
    assert_eq!(a.beacon.emitted_at, "2023-09-15T11:00:03Z");
    assert_eq!(a.beacon.not_before, "2023-09-15T11:00:02Z");
    assert_eq!(a.digest, announce::digest_of(&a));
    // One second later the margin reaches past round 657413.
    let later = announce::announce(
        &inputs(),
        &Request {
            at: "2023-09-15T18:50:04+08:00".into(),
            margin_secs: 600,
            dice: 0,
            parties: vec![],
            previous: String::new(),
        },
    )
    .unwrap();
    assert_eq!(later.beacon.round, 657_414);
}

#[test]
fn the_full_ceremony_verifies_with_its_guarantees() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let (seed, attestation, _) = announce::attest(&a, &inputs, &sources()).unwrap();
    assert_eq!(attestation.dice, "3141");
    assert_eq!(attestation.beacon.round, 657_413);
    assert!(!attestation.beacon.fallback);
    let record = draw(&inputs, &seed).unwrap().record;
    assert_eq!(record.seed.source, "beacon");
    assert_eq!(record.seed.value, seed.value);
    let json = record.to_json();
    let check = verify(
        Source {
            name: "record.json",
            bytes: json.as_bytes(),
        },
        &inputs,
    )
    .unwrap();
    assert!(check.ok(), "{:?}", check.differences);
    assert!(check.attestation_failure.is_none());
    assert_eq!(
        check.guarantees,
        vec![
            Guarantee::InputsFixed {
                announcement: a.digest.clone(),
                announced_at: "2023-09-15T18:50:02+08:00".into(),
                round: 657_413,
                emitted_at: "2023-09-15T11:00:03Z".into(),
            },
            Guarantee::Beacon {
                round: 657_413,
                fallback: false,
                signature_verified: cfg!(feature = "beacon")
            },
            Guarantee::Dice { digits: 4 },
            Guarantee::Parties {
                names: vec!["公证处".into()]
            },
        ]
    );
    // The same ceremony gives the same record, byte for byte.
    let (again, _, _) = announce::attest(&a, &inputs, &sources()).unwrap();
    assert_eq!(draw(&inputs, &again).unwrap().record.to_json(), json);
}

#[test]
fn the_seed_follows_the_spec_formula() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let (seed, attestation, _) = announce::attest(&a, &inputs, &sources()).unwrap();
    let digest: [u8; 32] = hex::decode(&a.digest).unwrap().try_into().unwrap();
    let randomness: [u8; 32] = hex::decode(&fixture_round().randomness)
        .unwrap()
        .try_into()
        .unwrap();
    let expected = announce::seed_of(&digest, 657_413, &randomness, "3141", &attestation.reveals);
    assert_eq!(seed.value, hex::encode(expected));
    // Each ingredient changes the seed.
    assert_ne!(
        hex::encode(announce::seed_of(
            &digest,
            657_413,
            &randomness,
            "3142",
            &attestation.reveals
        )),
        seed.value
    );
    assert_ne!(
        hex::encode(announce::seed_of(
            &digest,
            657_413,
            &randomness,
            "3141",
            &[]
        )),
        seed.value
    );
    let mut other = digest;
    other[0] ^= 1;
    assert_ne!(
        hex::encode(announce::seed_of(
            &other,
            657_413,
            &randomness,
            "3141",
            &attestation.reveals
        )),
        seed.value
    );
}

#[test]
fn changed_inputs_are_refused() {
    let original = synth::targets_csv(300, 7);
    let a = announcement(&inputs_with(&original));
    // Drop one row of the directory after the announcement.
    let mut rows: Vec<&str> = original.lines().collect();
    rows.remove(200);
    let fewer = rows.join("\n") + "\n";
    let e = refusal(&a, &inputs_with(&fewer), &sources());
    assert!(e.contains("targets file is not the one announced"), "{e}");
    // Reordered rows are the same content: accepted.
    let mut lines: Vec<&str> = original.lines().collect();
    lines[1..].reverse();
    let reordered = lines.join("\n") + "\n";
    assert!(announce::attest(&a, &inputs_with(&reordered), &sources()).is_ok());
}

#[test]
fn another_round_is_refused() {
    let inputs = inputs();
    let a = announcement(&inputs);
    // The real signature presented as the next round.
    let mut s = sources();
    s.round.round = 657_414;
    let e = refusal(&a, &inputs, &s);
    assert!(e.contains("not the announced round"), "{e}");
    // Declared as a fallback it must still be a genuine round: the signature is for 657413.
    // (Only the BLS check can tell: a build without the `beacon` feature cannot.)
    if cfg!(feature = "beacon") {
        s.later_round = true;
        let e = refusal(&a, &inputs, &s);
        assert!(
            e.contains("657414") && e.contains("BLS signature does not verify"),
            "{e}"
        );
    }
    // An earlier round existed before the announcement.
    let mut earlier = announcement(&inputs);
    earlier.beacon.round = 657_414;
    earlier.digest = announce::digest_of(&earlier);
    let e = refusal(&earlier, &inputs, &sources());
    assert!(e.contains("earlier than the announced round"), "{e}");
}

#[test]
#[cfg(feature = "beacon")]
fn a_forged_signature_is_refused() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let mut s = sources();
    let mut sig = hex::decode(&s.round.signature).unwrap();
    sig[20] ^= 0x01;
    s.round.signature = hex::encode(&sig);
    // Keep the randomness consistent with the forged signature, so that only the BLS check can catch it.
    s.round.randomness = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&sig));
    let e = refusal(&a, &inputs, &s);
    assert!(
        e.contains("657413") && !e.contains("randomness is not"),
        "{e}"
    );
}

#[test]
fn a_wrong_or_missing_secret_is_refused() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let mut s = sources();
    s.reveals = vec![("公证处".into(), "another secret".into())];
    assert!(refusal(&a, &inputs, &s).contains("does not match its commitment"));
    s.reveals = vec![];
    assert!(refusal(&a, &inputs, &s).contains("has not revealed"));
    s.reveals = vec![
        ("公证处".into(), SECRET.into()),
        ("观察员".into(), "x".into()),
    ];
    assert!(refusal(&a, &inputs, &s).contains("not an announced party"));
}

#[test]
fn dice_must_be_the_announced_count_and_change_the_draw() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let mut s = sources();
    s.dice = Some("314".into());
    assert!(refusal(&a, &inputs, &s).contains("expected exactly 4 digits"));
    s.dice = Some("31x1".into());
    assert!(refusal(&a, &inputs, &s).contains("expected exactly 4 digits"));
    s.dice = Some("2718".into());
    let (other, _, _) = announce::attest(&a, &inputs, &s).unwrap();
    let (seed, _, _) = announce::attest(&a, &inputs, &sources()).unwrap();
    assert_ne!(other.value, seed.value);
    assert_ne!(
        draw(&inputs, &other).unwrap().record.draw_key,
        draw(&inputs, &seed).unwrap().record.draw_key
    );
}

#[test]
fn an_edited_announcement_is_refused() {
    let inputs = inputs();
    let mut a = announcement(&inputs);
    a.announced_at = "2023-09-15T18:40:00+08:00".into();
    assert!(refusal(&a, &inputs, &sources()).contains("changed after it was made"));
}

#[test]
fn an_edited_attestation_fails_verification() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let (seed, _, _) = announce::attest(&a, &inputs, &sources()).unwrap();
    let json = draw(&inputs, &seed).unwrap().record.to_json();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&json).unwrap();
        f(&mut v);
        let text = serde_json::to_string_pretty(&v).unwrap();
        verify(
            Source {
                name: "record.json",
                bytes: text.as_bytes(),
            },
            &inputs,
        )
        .unwrap()
    };
    // Other dice give another seed: the record no longer follows.
    let c = edit(&|v| v["seed"]["attestation"]["dice"] = "2718".into());
    assert!(!c.ok() && c.seed_mismatch);
    // A secret that does not open the commitment.
    let c = edit(&|v| v["seed"]["attestation"]["reveals"][0]["secret"] = "guess".into());
    assert!(!c.ok());
    assert!(c.attestation_failure.unwrap().contains("commitment"));
    // A fallback declared on the announced round changes nothing; a fallback to a
    // round that was never signed is caught.
    let c = edit(&|v| v["seed"]["attestation"]["beacon"]["round"] = 657_420.into());
    assert!(!c.ok());
    assert!(c.attestation_failure.is_some());
}

#[test]
fn the_announcement_and_the_attested_record_follow_their_schemas() {
    let schema = |name: &str| {
        let path = format!(
            "{}/schemas/{name}.v1.schema.json",
            env!("CARGO_MANIFEST_DIR")
        );
        jsonschema::validator_for(
            &serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap(),
        )
        .unwrap()
    };
    let inputs = inputs();
    let a = announcement(&inputs);
    let announcement_schema = schema("announcement");
    let value = serde_json::to_value(&a).unwrap();
    assert!(
        announcement_schema.is_valid(&value),
        "{:?}",
        announcement_schema
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let (seed, _, _) = announce::attest(&a, &inputs, &sources()).unwrap();
    let record: Value =
        serde_json::from_str(&draw(&inputs, &seed).unwrap().record.to_json()).unwrap();
    let record_schema = schema("record");
    assert!(
        record_schema.is_valid(&record),
        "{:?}",
        record_schema
            .iter_errors(&record)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    // Not vacuous: a beacon seed needs its attestation; an unattested one has none.
    let mut bad = record.clone();
    bad["seed"]
        .as_object_mut()
        .unwrap()
        .shift_remove("attestation");
    assert!(!record_schema.is_valid(&bad));
    let mut bad = record;
    bad["seed"]["source"] = "unattested".into();
    assert!(!record_schema.is_valid(&bad));
}

/// The ceremony through the command line: commit, announce, draw, verify;
/// a draw with the wrong dice writes nothing.
#[test]
fn the_cli_runs_the_ceremony() {
    use std::process::Command;
    let dir = std::env::temp_dir().join(format!("shuangsui-ceremony-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bin = || {
        let mut c = Command::new(env!("CARGO_BIN_EXE_shuangsui"));
        c.current_dir(&dir).args(["--lang", "en"]);
        c
    };
    let files = [
        "--plan",
        "plan.toml",
        "--targets",
        "targets.csv",
        "--officers",
        "officers.csv",
    ];
    assert!(bin().args(["init", "."]).status().unwrap().success());
    let out = bin()
        .args(["commit", "--party", "公证处"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let value = |line: usize| {
        text.lines()
            .nth(line)
            .unwrap()
            .rsplit(' ')
            .next()
            .unwrap()
            .to_owned()
    };
    let (secret, commitment) = (value(0), value(1));
    assert_eq!(announce::commitment("公证处", &secret), commitment);
    let out = bin()
        .args(["announce"])
        .args(files)
        .args([
            "--beacon-round-after",
            "2023-09-15T18:50:02+08:00",
            "--dice",
            "2",
        ])
        .args([
            "--party",
            &format!("公证处={commitment}"),
            "--out",
            "announcement.json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("657413"));
    let round = serde_json::to_string(&serde_json::json!({
        "round": 657_413,
        "randomness": fixture_round().randomness,
        "signature": fixture_round().signature,
    }))
    .unwrap();
    std::fs::write(dir.join("round.json"), round).unwrap();
    let draw_with = |dice: &str, out: &str| {
        bin()
            .args(["draw"])
            .args(files)
            .args([
                "--announcement",
                "announcement.json",
                "--beacon",
                "round.json",
                "--dice",
                dice,
            ])
            .args(["--reveal", &format!("公证处={secret}"), "--out", out])
            .output()
            .unwrap()
    };
    let bad = draw_with("123", "bad.json");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("expected exactly 2 digits"));
    assert!(!dir.join("bad.json").exists());
    let good = draw_with("4 2", "record.json");
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let verified = bin()
        .args(["verify", "record.json"])
        .args(files)
        .output()
        .unwrap();
    assert_eq!(verified.status.code(), Some(0));
    let report = String::from_utf8_lossy(&verified.stdout);
    assert!(
        report.contains("guarantee: seed from drand quicknet round 657413"),
        "{report}"
    );
    // An edited directory after the announcement: verification fails (exit 1) and says why.
    let targets = std::fs::read_to_string(dir.join("targets.csv")).unwrap();
    std::fs::write(dir.join("targets.csv"), targets.replacen(",A,", ",B,", 1)).unwrap();
    let verified = bin()
        .args(["verify", "record.json"])
        .args(files)
        .output()
        .unwrap();
    assert_eq!(verified.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&verified.stdout).contains("not the one announced"));
    let _ = std::fs::remove_dir_all(&dir);
}
