//! The announce → beacon → draw → verify ceremony (SPEC.md §5.3), with the
//! real signed drand quicknet round in `tests/fixtures/drand-quicknet.json`.
//!
//! Every way of steering the seed after the announcement must be refused:
//! changed inputs, another round, a forged signature, a wrong secret, other
//! dice, an edited announcement or record. `tests/it/steering.rs` replays an
//! insider's attacks one by one.

use crate::fixtures::{
    Files, INPUT_FLAGS, TempDir, announced_at, announcement, bin_at, ceremony_files,
    ceremony_inputs as inputs, faketime, fixture_round, outcome, refusal, request, round_json,
    sources, verify_record,
};
use crate::schemas::{assert_valid, validator};
use serde_json::Value;
use shuangsui::ceremony::{self, Request, Sources, TimeAnchor};
use shuangsui::draw;
use shuangsui::verify::Guarantee;

/// The ceremony's inputs with another directory.
fn inputs_with(targets: &str) -> shuangsui::Inputs {
    Files {
        targets: targets.to_owned(),
        ..ceremony_files()
    }
    .inputs()
}

/// The ceremony's inputs with `targets`, their raw bytes hashed too (`--raw-digest`).
fn raw_inputs_with(targets: &str) -> shuangsui::Inputs {
    let f = ceremony_files();
    let source = |name, text: &'static str| shuangsui::Source {
        name,
        bytes: text.as_bytes(),
    };
    let (plan, officers) = (f.plan.leak(), f.officers.leak());
    shuangsui::Inputs::parse_with(
        source("plan.toml", plan),
        source("targets.csv", targets.to_owned().leak()),
        source("officers.csv", officers),
        &shuangsui::InputOptions {
            raw_digest: true,
            ..shuangsui::InputOptions::default()
        },
    )
    .unwrap()
}

#[test]
fn the_announcement_names_the_first_round_after_the_margin() {
    let a = announcement(&inputs());
    assert_eq!(a.spec, "2");
    assert_eq!(a.beacon.round, 657_413);
    assert_eq!(a.announced_at, "2023-09-15T10:50:02Z");
    assert_eq!(a.beacon.emitted_at, "2023-09-15T11:00:03Z");
    assert_eq!(a.beacon.not_before, "2023-09-15T11:00:02Z");
    assert_eq!(a.dice, "3141");
    assert_eq!((a.attempt, a.replaces.as_str()), (1, ""));
    assert_eq!(a.digest, ceremony::digest_of(&a));
    ceremony::check_announcement(&a).unwrap();
    // Two seconds later the margin reaches past round 657413.
    let later = ceremony::announce(
        &(inputs()).committed(),
        &Request {
            now: announced_at() + 2,
            ..request()
        },
    )
    .unwrap();
    assert_eq!(later.beacon.round, 657_414);
    // A later round may be named; an earlier one, inside the margin, may not.
    let named = ceremony::announce(
        &(inputs()).committed(),
        &Request {
            not_before: Some(announced_at() + 3600),
            ..request()
        },
    )
    .unwrap();
    assert_eq!(named.beacon.round, 657_413 + 1000);
    let e = ceremony::announce(
        &(inputs()).committed(),
        &Request {
            not_before: Some(announced_at() + 60),
            ..request()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("within the margin"), "{e}");
}

#[test]
fn the_full_ceremony_verifies_with_its_guarantees() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let (seed, attestation, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    assert_eq!(attestation.beacon.round, 657_413);
    assert_eq!(attestation.reveals.len(), 1);
    let record = draw(&inputs, &seed).unwrap().record;
    assert_eq!(record.spec, "2");
    assert_eq!(record.seed.source, "beacon");
    assert_eq!(record.seed.value, seed.value());
    let json = record.to_json();
    let check = verify_record(&json, &inputs).unwrap();
    assert!(check.ok(), "{:?}", check.differences);
    assert!(check.attestation_failure.is_none());
    assert_eq!(
        check.guarantees,
        vec![
            Guarantee::InputsFixed {
                announcement: a.digest.clone(),
                announced_at: "2023-09-15T10:50:02Z".into(),
                round: 657_413,
                emitted_at: "2023-09-15T11:00:03Z".into(),
                anchor: TimeAnchor::None,
            },
            Guarantee::Beacon {
                round: 657_413,
                signature_verified: cfg!(feature = "beacon")
            },
            Guarantee::Dice {
                digits: "3141".into()
            },
            Guarantee::Parties {
                revealed: vec!["公证处".into()],
                unrevealed: vec![],
            },
            Guarantee::Attempt {
                plan: a.plan.clone(),
                attempt: 1,
                replaced: vec![],
            },
        ]
    );
    // What rests on procedure is said, not implied.
    let text = check.guarantees[0].to_string();
    assert!(text.contains("NOT anchored in time"), "{text}");
    assert!(
        check.guarantees[4]
            .to_string()
            .contains("rests on publication")
    );
    // The same ceremony gives the same record, byte for byte.
    let (again, _, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    assert_eq!(draw(&inputs, &again).unwrap().record.to_json(), json);
}

#[test]
fn the_seed_follows_the_spec_formula() {
    use sha2::Digest as _;
    let inputs = inputs();
    let a = announcement(&inputs);
    let (seed, _, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    // SHA-256(str("shuangsui/v2/seed") ‖ announcement digest ‖ u64(round) ‖ randomness), by hand.
    let tag = b"shuangsui/v2/seed";
    let mut h = sha2::Sha256::new();
    h.update((tag.len() as u32).to_be_bytes());
    h.update(tag);
    h.update(hex::decode(&a.digest).unwrap());
    h.update(657_413u64.to_be_bytes());
    h.update(hex::decode(&fixture_round().randomness).unwrap());
    assert_eq!(seed.value(), hex::encode(h.finalize()));
    // A reveal is not part of the seed: withholding it changes nothing.
    let mut s = sources();
    s.reveals.clear();
    let (unrevealed, _, _) = ceremony::attest(&a, &inputs.committed(), &s).unwrap();
    assert_eq!(unrevealed.value(), seed.value());
}

#[test]
fn changed_inputs_are_refused() {
    let original = ceremony_files().targets;
    let a = announcement(&inputs_with(&original));
    // Drop one row of the directory after the announcement.
    let mut rows: Vec<&str> = original.lines().collect();
    rows.remove(200);
    let fewer = rows.join("\n") + "\n";
    let e = refusal(&a, &inputs_with(&fewer), &sources());
    assert!(e.contains("targets file is not the one announced"), "{e}");
    // Reordered rows are the same content. An announcement without raw digests (the
    // default) binds the content only: the draw takes them.
    let mut lines: Vec<&str> = original.lines().collect();
    lines[1..].reverse();
    let reordered = lines.join("\n") + "\n";
    assert_eq!(a.inputs.targets.sha256, "");
    assert!(ceremony::attest(&a, &inputs_with(&reordered).committed(), &sources()).is_ok());
    // With raw digests the announcement binds the bytes too: the draw wants the announced
    // file; a verifier's copy may differ in form.
    let raw = announcement(&raw_inputs_with(&original));
    assert_eq!(raw.inputs.targets.sha256.len(), 64);
    assert!(ceremony::attest(&raw, &raw_inputs_with(&original).committed(), &sources()).is_ok());
    let e = refusal(&raw, &raw_inputs_with(&reordered), &sources());
    assert!(e.contains("not the announced bytes"), "{e}");
    let s = Sources {
        same_files: false,
        ..sources()
    };
    assert!(ceremony::attest(&raw, &raw_inputs_with(&reordered).committed(), &s).is_ok());
    // The draw hashes the files exactly when the announcement does: a record then states
    // the announced raw digests, or none.
    let e = refusal(&raw, &inputs_with(&original), &sources());
    assert!(e.contains("did not hash it"), "{e}");
    let e = refusal(&a, &raw_inputs_with(&original), &sources());
    assert!(e.contains("records no raw SHA-256"), "{e}");
}

#[test]
fn the_refusals_are_in_chinese_and_in_english() {
    use shuangsui::messages::Lang;
    // Changed inputs: the input is named in the message's language.
    let original = ceremony_files().targets;
    let a = announcement(&inputs_with(&original));
    let mut rows: Vec<&str> = original.lines().collect();
    rows.remove(200);
    let fewer = inputs_with(&(rows.join("\n") + "\n"));
    let e = ceremony::attest(&a, &fewer.committed(), &sources()).unwrap_err();
    let zh = e.message(Lang::Zh);
    assert!(
        zh.starts_with("公告：检查对象名录不是公告时的文件（规范摘要 ")
            && zh.ends_with("）：公告之后不得更改输入"),
        "{zh}"
    );
    let en = e.message(Lang::En);
    assert!(
        en.starts_with(
            "announcement: the targets file is not the one announced (canonical digest "
        ),
        "{en}"
    );
    assert_eq!(en, e.to_string());
    // A round other than the announced one, and a round already past.
    let s = Sources {
        round: shuangsui::ceremony::beacon::Round {
            round: 657_420,
            ..fixture_round()
        },
        ..sources()
    };
    let e = ceremony::attest(&a, &inputs().committed(), &s).unwrap_err();
    assert!(
        e.message(Lang::Zh)
            .starts_with("公告：drand 轮次 657420 不是公告指定的轮次 657413："),
        "{}",
        e.message(Lang::Zh)
    );
    assert!(
        e.message(Lang::En)
            .starts_with("announcement: beacon round 657420 is not the announced round 657413: "),
        "{e}"
    );
    let past = Request {
        not_before: Some(announced_at() - 60),
        ..request()
    };
    let e = ceremony::announce(&inputs().committed(), &past).unwrap_err();
    assert_eq!(
        e.message(Lang::Zh),
        "公告：2023-09-15T10:49:02Z 已经过去（现在是 2023-09-15T10:50:02Z）：必须选择尚未发布的轮次"
    );
    assert_eq!(
        e.message(Lang::En),
        "announcement: 2023-09-15T10:49:02Z is already past (now 2023-09-15T10:50:02Z): the round must be one that is not yet emitted"
    );
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
fn an_edited_attestation_fails_verification() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let (seed, _, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    let json = draw(&inputs, &seed).unwrap().record.to_json();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&json).unwrap();
        f(&mut v);
        let text = serde_json::to_string_pretty(&v).unwrap();
        verify_record(&text, &inputs).unwrap()
    };
    // Other dice make another announcement: its digest no longer matches.
    let c = edit(&|v| v["seed"]["attestation"]["announcement"]["dice"] = "2718".into());
    assert!(!c.ok());
    assert!(
        c.attestation_failure
            .unwrap()
            .contains("digest does not match")
    );
    // A secret that does not open the contribution.
    let c = edit(&|v| v["seed"]["attestation"]["reveals"][0]["secret"] = "guess".into());
    assert!(!c.ok());
    assert!(c.attestation_failure.unwrap().contains("contribution"));
    // Another round than the announced one.
    let c = edit(&|v| v["seed"]["attestation"]["beacon"]["round"] = 657_420.into());
    assert!(!c.ok());
    assert!(
        c.attestation_failure
            .unwrap()
            .contains("not the announced round")
    );
    // A raw digest other than the announced one.
    let c = edit(&|v| v["inputs"]["targets"]["sha256"] = "00".repeat(32).into());
    assert!(!c.ok());
    assert!(
        c.differences
            .iter()
            .any(|d| d.path == "inputs.targets.sha256"),
        "{:?}",
        c.differences
    );
}

#[test]
fn the_announcement_and_the_attested_record_follow_their_schemas() {
    let inputs = inputs();
    let a = announcement(&inputs);
    let value = serde_json::to_value(&a).unwrap();
    assert_valid(&validator("announcement"), &value, "the announcement");
    let (seed, _, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    let record: Value =
        serde_json::from_str(&draw(&inputs, &seed).unwrap().record.to_json()).unwrap();
    let record_schema = validator("record");
    assert_valid(&record_schema, &record, "the attested record");
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

/// The ceremony through the command line, at the clock of 2023-09-15: a draft
/// announcement with dice, a notary's contribution, the finalized announcement,
/// the draw with the real round, verify; a draw from another round, or with dice,
/// writes nothing.
#[test]
fn the_cli_runs_the_ceremony() {
    let Some(_) = faketime() else {
        eprintln!("faketime is not installed: skipping the CLI ceremony");
        return;
    };
    let dir = TempDir::new("ceremony");
    let at = |clock: &str| {
        let mut c = bin_at(clock);
        c.current_dir(&dir).args(["--lang", "en"]);
        c
    };
    let bin = || at("@2023-09-15 10:50:02");
    let files = INPUT_FLAGS;
    let run = outcome;
    assert!(bin().args(["init", "."]).status().unwrap().success());
    let (code, text, err) = run(bin().args(["announce"]).args(files).args([
        "--dice",
        "4 2",
        "--party",
        "公证处",
        "--publish",
        "public",
        "--out",
        "draft.json",
    ]));
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("657413"), "{text}");
    let (code, text, err) = run(bin().args([
        "contribute",
        "--announcement",
        "draft.json",
        "--party",
        "公证处",
    ]));
    assert_eq!(code, Some(0), "{err}");
    let value = |prefix: &str| {
        text.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no '{prefix}' in {text}"))
            .rsplit(' ')
            .next()
            .unwrap()
            .to_owned()
    };
    let (secret, contribution) = (value("secret"), value("contribution"));
    // A public copy edited after the announcement: finalize writes no notice from it.
    let plan = std::fs::read_to_string(dir.join("public/plan.toml")).unwrap();
    std::fs::write(
        dir.join("public/plan.toml"),
        plan.replacen("team_size = 2", "team_size = 3", 1),
    )
    .unwrap();
    let (code, _, err) = run(at("@2023-09-15 10:51:00").args([
        "finalize",
        "draft.json",
        "--party",
        &format!("公证处={contribution}"),
        "--publish",
        "public",
        "--out",
        "edited.json",
    ]));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("public/plan.toml is not what the announcement froze"),
        "{err}"
    );
    assert!(!dir.join("edited.json").exists() && !dir.join("public/announcement.html").exists());
    std::fs::write(dir.join("public/plan.toml"), plan).unwrap();
    let (code, _, err) = run(at("@2023-09-15 10:51:00").args([
        "finalize",
        "draft.json",
        "--party",
        &format!("公证处={contribution}"),
        "--publish",
        "public",
        "--out",
        "announcement.json",
    ]));
    assert_eq!(code, Some(0), "{err}");
    // The public copies now carry the finalized announcement, and its notice to post: a
    // draft had none (its digest was still to change).
    assert_eq!(
        std::fs::read(dir.join("public/announcement.json")).unwrap(),
        std::fs::read(dir.join("announcement.json")).unwrap()
    );
    assert!(!dir.join("draft.html").exists());
    let finalized: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("announcement.json")).unwrap()).unwrap();
    let notice = std::fs::read_to_string(dir.join("public/announcement.html")).unwrap();
    assert_eq!(
        notice,
        std::fs::read_to_string(dir.join("announcement.html")).unwrap()
    );
    assert!(
        notice.contains(finalized["digest"].as_str().unwrap()) && notice.contains("657413"),
        "{notice}"
    );
    // Too late to finalize: the round is within the margin.
    let (code, _, err) = run(at("@2023-09-15 10:56:00").args([
        "finalize",
        "draft.json",
        "--party",
        &format!("公证处={contribution}"),
        "--out",
        "late.json",
    ]));
    assert_eq!(code, Some(2));
    assert!(err.contains("within the margin"), "{err}");
    assert!(!dir.join("late.json").exists());
    dir.write("round.json", round_json());
    let draw_with = |extra: &[&str], out: &str| {
        run(at("@2023-09-15 11:01:00")
            .args(["draw"])
            .args(files)
            .args([
                "--announcement",
                "announcement.json",
                "--beacon",
                "round.json",
            ])
            .args(extra)
            .args(["--out", out]))
    };
    // Dice can no longer be typed at the draw: they are in the announcement.
    let (code, _, _) = draw_with(&["--dice", "77"], "bad.json");
    assert_eq!(code, Some(2));
    assert!(!dir.join("bad.json").exists());
    let (code, _, _) = draw_with(&["--later-round"], "bad.json");
    assert_eq!(code, Some(2));
    let (code, _, err) = draw_with(&["--reveal", &format!("公证处={secret}")], "record.json");
    assert_eq!(code, Some(0), "{err}");
    let (code, report, _) = run(bin().args(["verify", "record.json"]).args(files));
    assert_eq!(code, Some(0));
    assert!(
        report.contains("guarantee: seed from the announced drand quicknet round 657413"),
        "{report}"
    );
    assert!(report.contains("NOT anchored in time"), "{report}");
    assert!(
        report.contains("revealed, so made for this announcement: 公证处"),
        "{report}"
    );
    // An edited directory after the announcement: verification fails (exit 1) and says why.
    let targets = std::fs::read_to_string(dir.join("targets.csv")).unwrap();
    std::fs::write(dir.join("targets.csv"), targets.replacen(",A,", ",B,", 1)).unwrap();
    let (code, report, _) = run(bin().args(["verify", "record.json"]).args(files));
    assert_eq!(code, Some(1), "{report}");
    assert!(report.contains("not the one announced"), "{report}");
}

/// Times out of range — milliseconds given for seconds, the ends of `i64` — are refused
/// with an error saying so, never a panic or an overflowed round.
#[test]
fn times_out_of_range_are_refused_not_overflowed() {
    let inputs = inputs();
    let millis = announced_at() * 1000;
    for now in [millis, i64::MAX, i64::MIN, 0] {
        let e = ceremony::announce(&inputs.committed(), &Request { now, ..request() }).unwrap_err();
        assert_eq!(e.kind(), "announcement");
        assert!(e.to_string().contains("milliseconds"), "{e}");
        assert!(
            e.message(shuangsui::messages::Lang::Zh).contains("毫秒"),
            "{e}"
        );
    }
    let far = Request {
        not_before: Some(i64::MAX),
        ..request()
    };
    assert!(ceremony::announce(&inputs.committed(), &far).is_err());
    let huge_margin = Request {
        margin_secs: i64::MAX,
        ..request()
    };
    assert!(ceremony::announce(&inputs.committed(), &huge_margin).is_err());
    assert_eq!(ceremony::beacon::time_of(u64::MAX), i64::MAX);
    assert_eq!(
        ceremony::beacon::round_at(i64::MAX),
        ceremony::beacon::round_at(i64::MAX)
    );
}

#[test]
fn a_draw_hashes_the_raw_files_exactly_when_its_announcement_does() {
    let Some(_) = faketime() else {
        eprintln!("faketime is not installed: skipping the CLI ceremony");
        return;
    };
    let dir = TempDir::new("ceremony-raw");
    let at = |clock: &str| {
        let mut c = bin_at(clock);
        c.current_dir(&dir).args(["--lang", "en"]);
        c
    };
    let files = INPUT_FLAGS;
    assert!(
        at("@2023-09-15 10:50:02")
            .args(["init", "."])
            .status()
            .unwrap()
            .success()
    );
    for (extra, out) in [(&["--raw-digest"][..], "raw.json"), (&[][..], "plain.json")] {
        let (code, _, err) = outcome(
            at("@2023-09-15 10:50:02")
                .args(["announce"])
                .args(files)
                .args(["--dice", "42"])
                .args(extra)
                .args(["--out", out]),
        );
        assert_eq!(code, Some(0), "{err}");
    }
    let announced = |file: &str| -> Value {
        serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap()
    };
    let raw = announced("raw.json");
    assert_eq!(
        raw["inputs"]["targets"]["sha256"].as_str().unwrap().len(),
        64
    );
    assert_eq!(announced("plain.json")["inputs"]["targets"]["sha256"], "");
    dir.write("round.json", round_json());
    let draw = |announcement: &str, targets: &str, extra: &[&str], out: &str| {
        outcome(
            at("@2023-09-15 11:01:00")
                .args(["draw", "--plan", "plan.toml", "--officers", "officers.csv"])
                .args(["--targets", targets, "--announcement", announcement])
                .args(["--beacon", "round.json"])
                .args(extra)
                .args(["--out", out]),
        )
    };
    // Announced with raw digests: the draw hashes the files without being asked, and its
    // record states the announced ones.
    let (code, _, err) = draw("raw.json", "targets.csv", &[], "record-raw.json");
    assert_eq!(code, Some(0), "{err}");
    let record = announced("record-raw.json");
    for input in ["plan", "targets", "officers"] {
        assert_eq!(
            record["inputs"][input]["sha256"], raw["inputs"][input]["sha256"],
            "{input}"
        );
    }
    // The same content in other bytes (CRLF) is refused: the announced file is the one drawn.
    let targets = std::fs::read_to_string(dir.join("targets.csv")).unwrap();
    dir.write("targets-crlf.csv", targets.replace('\n', "\r\n"));
    let (code, _, err) = draw("raw.json", "targets-crlf.csv", &[], "refused.json");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not the announced bytes"), "{err}");
    // Announced without: the same CRLF copy draws (content is what is bound), with no raw
    // digest recorded; asking for raw digests is refused.
    let (code, _, err) = draw("plain.json", "targets-crlf.csv", &[], "record-plain.json");
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        announced("record-plain.json")["inputs"]["targets"]["sha256"],
        ""
    );
    let (code, _, err) = draw(
        "plain.json",
        "targets.csv",
        &["--raw-digest"],
        "refused.json",
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--raw-digest"), "{err}");
    assert!(!dir.join("refused.json").exists());
    // Both records verify.
    for record in ["record-raw.json", "record-plain.json"] {
        let (code, report, _) = outcome(
            at("@2023-09-15 11:02:00")
                .args(["verify", record])
                .args(files),
        );
        assert_eq!(code, Some(0), "{record}: {report}");
    }
}
