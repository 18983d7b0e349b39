//! An insider's attacks on the ceremony (SPEC.md §5.3.7, §9.4), replayed one by one.
//!
//! The insider is a bureau operator who wants a friendly enterprise skipped or a friendly
//! officer assigned. They can run the tool as often as they like, edit any file, set the
//! machine's clock and choose when to publish. Each test below plays one attack the way
//! they would, against the real drand quicknet round 657413 (emitted
//! 2023-09-15T11:00:03Z) of `tests/fixtures/drand-quicknet.json`, and asserts that it is
//! refused with an error a clerk can act on, or that it shows: in `verify`'s output (its
//! guarantees, differences and attestation failure) and in the public notice.
//!
//! The command-line parts that need another clock run under `faketime`; they are skipped
//! when it is not installed, unless `SHUANGSUI_REQUIRE_FAKETIME` is set.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::fixtures::{
    INPUT_FLAGS, NOTARY, ROUND, SECRET, TempDir, announced_at, announcement, attested_draw, bin,
    bin_at, ceremony_files, ceremony_inputs, faketime, fixture_round, notary_request, outcome,
    refusal, request, round_json, sources, verified, verify_record, with_notary,
};
use shuangsui::ceremony::beacon::Round;

use serde_json::Value;
use shuangsui::ceremony::{self, Announcement, Request, Sources, TimeAnchor};
use shuangsui::draw::record::LedgerEntry;
use shuangsui::publish::notice::{self, Lang, OfficerDisplay};
use shuangsui::verify::ledger::{self, Amendment, Change};
use shuangsui::verify::{Guarantee, Verification};
use shuangsui::{Error, Inputs, Record, Seed, draw};

/// When the fixture round was emitted.
const EMITTED: &str = "2023-09-15T11:00:03Z";

// ---------------------------------------------------------------------------------------
// Fixtures (the ceremony's own are in `crate::fixtures`)

/// Unix seconds of an RFC 3339 time.
fn t(s: &str) -> i64 {
    shuangsui::dates::parse_rfc3339(s).unwrap()
}

fn utc(t: i64) -> String {
    shuangsui::dates::format_rfc3339(t)
}

/// This machine's real clock.
fn unix_now() -> i64 {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    i64::try_from(d.as_secs()).unwrap()
}

/// The fixture round, no reveal.
fn bare_sources() -> Sources<'static> {
    Sources {
        reveals: Vec::new(),
        ..sources()
    }
}

/// An announcement edited by hand, its digest recomputed so that it is well sealed.
fn resealed(mut a: Announcement) -> Announcement {
    a.digest = ceremony::digest_of(&a);
    a
}

/// The member a document error names; panics on anything else.
fn document_member(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(e) if e.kind() == "document" => {
            let member = e.value("member").expect("the member named").to_string();
            assert!(e.to_string().contains(&format!("member '{member}'")), "{e}");
            member
        }
        Err(e) => panic!("expected a document error, got {} error: {e}", e.kind()),
        Ok(v) => panic!("the document was accepted: {v:?}"),
    }
}

/// Verifies a record's text; the member the (strict) refusal names.
fn refused_member(json: &str, inputs: &Inputs) -> String {
    document_member(verify_record(json, inputs).map(|v| (v.ok(), v.differences)))
}

/// The public draw notice, as Markdown.
fn notice_md(lang: Lang, record: &Record, inputs: &Inputs) -> String {
    notice::draw_markdown(
        lang,
        record,
        inputs.plan(),
        inputs.officers(),
        OfficerDisplay::Names,
        &notice::Published::default(),
    )
}

fn guarantee_text(v: &Verification) -> String {
    v.guarantees
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A named edit of an announcement, and the refusal it must meet.
type AnnouncementEdit = (&'static str, fn(&mut Announcement), &'static str);

/// An edit of a JSON document, and the member a strict reader must name.
type ValueEdit = (fn(&mut Value), &'static str);

/// Inserts `forged` before the first occurrence of `anchor` in `json`.
fn forge(json: &str, anchor: &str, forged: &str) -> String {
    let at = json
        .find(anchor)
        .unwrap_or_else(|| panic!("no '{anchor}' in the document"));
    format!("{}{forged}{}", &json[..at], &json[at..])
}

// ---------------------------------------------------------------------------------------
// The command line

/// A working directory for the CLI with the ceremony's inputs, removed at the end.
struct Dir(TempDir);

impl Dir {
    /// A directory with the inputs of [`ceremony_files`].
    fn new(name: &str) -> Dir {
        Dir(TempDir::with(
            &format!("steering-{name}"),
            &ceremony_files(),
        ))
    }

    /// The directory with the published announcement and the fixture round too.
    fn ceremony(name: &str) -> (Dir, Inputs, Announcement) {
        let dir = Dir::new(name);
        let inputs = ceremony_inputs();
        let a = announcement(&inputs);
        dir.write("announcement.json", &ceremony::to_json(&a));
        dir.write("round.json", &round_json());
        (dir, inputs, a)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, text: &str) {
        self.0.write(name, text);
    }

    fn exists(&self, name: &str) -> bool {
        self.path(name).exists()
    }

    /// Runs the CLI in English, at this machine's clock or at `clock` (faketime's
    /// `@YYYY-MM-DD hh:mm:ss`, UTC): (exit code, stdout, stderr).
    fn run(&self, clock: Option<&str>, args: &[&str]) -> (Option<i32>, String, String) {
        let mut c = clock.map_or_else(bin, bin_at);
        outcome(c.current_dir(&self.0).args(["--lang", "en"]).args(args))
    }

    /// `draw` from `announcement.json` and `round.json`, with `extra` flags, to `out`.
    fn draw(
        &self,
        announcement: &str,
        round: &str,
        extra: &[&str],
        out: &str,
    ) -> (Option<i32>, String, String) {
        let mut args = vec!["draw"];
        args.extend(INPUT_FLAGS);
        args.extend(["--announcement", announcement, "--beacon", round]);
        args.extend(extra);
        args.extend(["--out", out]);
        self.run(None, &args)
    }
}

/// A flag clap does not know: exit 2, the flag named, nothing written.
fn assert_no_such_flag(result: &(Option<i32>, String, String), flag: &str) {
    let (code, _, err) = result;
    assert_eq!(*code, Some(2), "{err}");
    assert!(
        err.contains("unexpected argument") && err.contains(flag),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------
// 1. A past round, or a back-dated or free-text time

/// Attack 1a: the insider, after round 657413 is public and its draw is known, runs
/// `announce` to get an announcement of that round. The tool takes the announcement time
/// from the clock and names the first round at least the margin later: a future round.
/// There is no flag to give the announcement time, and `--not-before` earlier than
/// now + margin (even with `--margin 0`) is refused with exit 2 and nothing written.
/// Even with the clock set back to five minutes before the round, the round is refused.
#[test]
fn past_round_cli_names_only_a_future_round() {
    let dir = Dir::new("past-round-cli");
    let before = unix_now();
    let mut args = vec!["announce"];
    args.extend(INPUT_FLAGS);
    let announce_with = |extra: &[&str], clock: Option<&str>| {
        let mut a = args.clone();
        a.extend(extra);
        dir.run(clock, &a)
    };
    let (code, _, err) = announce_with(&["--dice", "42", "--out", "now.json"], None);
    assert_eq!(code, Some(0), "{err}");
    let a = shuangsui::ceremony::Announcement::parse(
        "now.json",
        &std::fs::read(dir.path("now.json")).unwrap(),
    )
    .unwrap();
    ceremony::check_announcement(&a).unwrap();
    assert!(a.beacon.round > ROUND, "{a:?}");
    assert!(t(&a.announced_at) >= before, "{a:?}");
    assert!(t(&a.beacon.emitted_at) >= before + 600, "{a:?}");

    // Naming the past round's time: refused, nothing written.
    for (extra, why) in [
        (vec!["--not-before", "2023-09-15T11:00:02Z"], "already past"),
        (
            vec!["--not-before", "2023-09-15T19:00:02+08:00"],
            "already past",
        ),
        (
            vec!["--not-before", "2023-09-15T11:00:02Z", "--margin", "0"],
            "already past",
        ),
        (
            vec!["--margin", "0", "--not-before", "上周五上午"],
            "RFC 3339",
        ),
    ] {
        let mut flags = extra.clone();
        flags.extend(["--out", "past.json"]);
        let (code, _, err) = announce_with(&flags, None);
        assert_eq!(code, Some(2), "{extra:?}: {err}");
        assert!(err.contains(why), "{extra:?}: {err}");
        assert!(!dir.exists("past.json"), "{extra:?}");
    }
    // A near future inside the margin is refused too.
    let soon = utc(unix_now() + 120);
    let (code, _, err) = announce_with(&["--not-before", &soon, "--out", "past.json"], None);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("within the margin"), "{err}");
    assert!(!dir.exists("past.json"));
    // No flag gives the announcement its time.
    for flag in ["--now", "--announced-at", "--at", "--round"] {
        assert_no_such_flag(
            &announce_with(&[flag, "2023-09-15T10:50:02Z", "--out", "past.json"], None),
            flag,
        );
        assert!(!dir.exists("past.json"));
    }

    let Some(_) = faketime() else {
        eprintln!("faketime is not installed: skipping the announcement at a set-back clock");
        return;
    };
    // The clock set back to 10:55:00, five minutes before the round: the next round
    // the tool names is after 11:05:00, and 657413 cannot be asked for.
    let clock = Some("@2023-09-15 10:55:00");
    let (code, _, err) = announce_with(&["--out", "set-back.json"], clock);
    assert_eq!(code, Some(0), "{err}");
    let a: Announcement =
        serde_json::from_slice(&std::fs::read(dir.path("set-back.json")).unwrap()).unwrap();
    assert_eq!(a.announced_at, "2023-09-15T10:55:00Z");
    assert_eq!(a.beacon.round, 657_512, "{a:?}");
    let (code, _, err) = announce_with(
        &["--not-before", "2023-09-15T11:00:02Z", "--out", "past.json"],
        clock,
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("within the margin"), "{err}");
    assert!(!dir.exists("past.json"));
}

/// Sets one of the announcement's times.
fn set_time(a: &mut Announcement, member: &str, value: &str) {
    match member {
        "announced_at" => a.announced_at = value.into(),
        "beacon.not_before" => a.beacon.not_before = value.into(),
        "beacon.emitted_at" => a.beacon.emitted_at = value.into(),
        other => unreachable!("{other}"),
    }
}

/// Attack 1b: the insider edits the announcement by hand: a free-text `announced_at`
/// (下周一上午), times in another form than `YYYY-MM-DDTHH:MM:SSZ` (which a reader might
/// take for another moment), or `not_before`, `round` and `emitted_at` that do not follow
/// from each other (a round that is not the one the times give). Without the digest
/// recomputed the edit is refused as a changed announcement; with it, the times
/// themselves are refused by `check_announcement` and by `attest`.
#[test]
fn past_round_free_text_or_inconsistent_times_are_refused() {
    let inputs = ceremony_inputs();
    let a = announcement(&inputs);
    let s = sources();
    let mut cases: Vec<(String, Announcement, String)> = Vec::new();
    for (member, value) in [
        ("announced_at", "下周一上午"),
        ("announced_at", "2023-09-15T18:50:02+08:00"),
        ("announced_at", "2023-09-15 10:50:02Z"),
        ("announced_at", "2023-09-15T10:50:02.5Z"),
        ("announced_at", "2023-09-15t10:50:02z"),
        ("announced_at", "2023-09-15T10:50:02"),
        ("announced_at", "2023-09-15"),
        ("announced_at", "1694775002"),
        ("announced_at", " 2023-09-15T10:50:02Z"),
        ("announced_at", ""),
        ("beacon.not_before", "开奖前"),
        ("beacon.not_before", "2023-09-15T19:00:02+08:00"),
        ("beacon.emitted_at", "2023-09-15T19:00:03+08:00"),
        ("beacon.emitted_at", "2023-09-15T11:00:03.000Z"),
    ] {
        let mut b = a.clone();
        set_time(&mut b, member, value);
        cases.push((
            format!("{member} = {value:?}"),
            b,
            format!("{member} '{value}' is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ"),
        ));
    }
    let inconsistent: [AnnouncementEdit; 6] = [
        (
            "announced after not_before",
            |b| b.announced_at = "2023-09-15T11:00:03Z".into(),
            "is earlier than announced_at",
        ),
        (
            "a later round for the same not_before",
            |b| {
                b.beacon.round = ROUND + 1;
                b.beacon.emitted_at = "2023-09-15T11:00:06Z".into();
            },
            "is not the first round emitted at or after not_before",
        ),
        (
            "an earlier round for the same not_before",
            |b| {
                b.beacon.round = ROUND - 1;
                b.beacon.emitted_at = "2023-09-15T11:00:00Z".into();
            },
            "is not the first round emitted at or after not_before",
        ),
        (
            "not_before moved, round kept",
            |b| b.beacon.not_before = "2023-09-15T11:00:04Z".into(),
            "is not the first round emitted at or after not_before",
        ),
        (
            "emitted_at not the round's",
            |b| b.beacon.emitted_at = "2023-09-15T11:00:02Z".into(),
            "is not when round 657413 is emitted",
        ),
        (
            "another chain",
            |b| b.beacon.chain_hash = "00".repeat(32),
            "is not drand quicknet's",
        ),
    ];
    for (name, edit, why) in inconsistent {
        let mut b = a.clone();
        edit(&mut b);
        cases.push((name.into(), b, why.into()));
    }
    for (name, edited, why) in cases {
        // As edited: the digest no longer matches.
        let e = ceremony::check_announcement(&edited).unwrap_err();
        assert_eq!(e.kind(), "announcement");
        assert!(
            e.to_string().contains("digest does not match its content"),
            "{name}: {e}"
        );
        assert!(
            refusal(&edited, &inputs, &s).contains("digest does not match"),
            "{name}"
        );
        // Resealed: the time itself is refused.
        let b = resealed(edited);
        let e = ceremony::check_announcement(&b).unwrap_err().to_string();
        assert!(e.contains(&why), "{name}: {e}");
        let e = refusal(&b, &inputs, &s);
        assert!(e.contains(&why), "{name}: {e}");
        // And the tool refuses to take contributions for it or to replace it.
        assert!(
            ceremony::with_parties(&b, &[], announced_at(), 0).is_err(),
            "{name}"
        );
    }
}

/// Attack 1c: the insider makes an announcement now (for a future round), then back-dates
/// it consistently — `announced_at`, `not_before`, `round` and `emitted_at` all in 2023,
/// naming round 657413 whose randomness is already public — and recomputes the digest.
/// Nothing in the file can tell, so the draw goes through; what stops it is that it
/// carries no time-stamp: `verify` says the announcement is NOT anchored in time
/// (`TimeAnchor::None`), and the notice says it has no time-stamp, so that it rests on
/// the publication record, which has no announcement of that date.
#[test]
fn past_round_back_dated_announcement_is_not_anchored_in_time() {
    let inputs = ceremony_inputs();
    let honest = ceremony::announce(
        &inputs.committed(),
        &Request {
            now: unix_now(),
            ..request()
        },
    )
    .unwrap();
    assert!(honest.beacon.round > ROUND);
    let mut back = honest.clone();
    back.announced_at = "2023-09-15T10:50:02Z".into();
    back.beacon.not_before = "2023-09-15T11:00:02Z".into();
    back.beacon.round = ROUND;
    back.beacon.emitted_at = EMITTED.into();
    let back = resealed(back);
    ceremony::check_announcement(&back).unwrap();
    let (seed, _, attested) =
        ceremony::attest(&back, &inputs.committed(), &bare_sources()).unwrap();
    assert_eq!(attested.anchor, TimeAnchor::None);
    let record = draw(&inputs, &seed).unwrap().record;
    let json = record.to_json();
    let v = verified(&json, &inputs);
    assert!(v.ok(), "{:?}", v.differences);
    assert_eq!(
        v.guarantees[0],
        Guarantee::InputsFixed {
            announcement: back.digest.clone(),
            announced_at: "2023-09-15T10:50:02Z".into(),
            round: ROUND,
            emitted_at: EMITTED.into(),
            anchor: TimeAnchor::None,
        }
    );
    let text = v.guarantees[0].to_string();
    assert!(
        text.contains("NOT anchored in time") && text.contains("rests on its publication"),
        "{text}"
    );
    let en = notice_md(Lang::En, &record, &inputs);
    assert!(en.contains("The announcement has no time-stamp"), "{en}");
    assert!(en.contains(&back.digest), "{en}");
    let zh = notice_md(Lang::Zh, &record, &inputs);
    assert!(zh.contains("公告没有可信时间戳"), "{zh}");
    // The command line says the same.
    let dir = Dir::new("back-dated");
    dir.write("record.json", &json);
    let mut args = vec!["verify", "record.json"];
    args.extend(INPUT_FLAGS);
    let (code, out, err) = dir.run(None, &args);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("NOT anchored in time"), "{out}");
}

/// A minimal DER element.
fn der(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let n = content.len();
    if let Ok(short) = u8::try_from(n)
        && short < 0x80
    {
        out.push(short);
    } else {
        let bytes = n.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | u8::try_from(bytes.len() - skip).unwrap());
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

/// An (unsigned) RFC 3161 token over `file`, made at `gen_time`: what a time-stamp
/// authority would give the insider today.
fn token(file: &[u8], gen_time: i64) -> Vec<u8> {
    const SHA256: [u8; 11] = [
        0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
    ];
    const TST_INFO: [u8; 13] = [
        0x06, 0x0b, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x01, 0x04,
    ];
    const SIGNED_DATA: [u8; 11] = [
        0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02,
    ];
    let algorithm = der(0x30, &[&SHA256[..], &[0x05, 0x00]].concat());
    let imprint = der(
        0x30,
        &[
            algorithm.clone(),
            der(0x04, &shuangsui::internal::sha256(file)),
        ]
        .concat(),
    );
    let time: String = utc(gen_time)
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == 'Z')
        .collect();
    let tst_info = der(
        0x30,
        &[
            der(0x02, &[1]),
            der(0x06, &[0x2a, 0x03, 0x04]),
            imprint,
            der(0x02, &[7]),
            der(0x18, time.as_bytes()),
        ]
        .concat(),
    );
    let encap = der(
        0x30,
        &[TST_INFO.to_vec(), der(0xa0, &der(0x04, &tst_info))].concat(),
    );
    let signed = der(
        0x30,
        &[
            der(0x02, &[3]),
            der(0x31, &algorithm),
            encap,
            der(0x31, &[]),
        ]
        .concat(),
    );
    der(0x30, &[SIGNED_DATA.to_vec(), der(0xa0, &signed)].concat())
}

/// Attack 1d: grinding. After the round is public the insider makes 157 back-dated
/// variants of the announcement (each a different `announced_at`, all consistent, all
/// naming round 657413) and keeps the one whose draw suits them. Each variant is a
/// different announcement digest, and so a different seed: the one drawn is visible in
/// `verify` and the notice, and is not the announcement published before the round. None
/// can carry a time-stamp token: a token made now is after the round, and is refused.
#[test]
fn past_round_grinding_announcement_times_gives_visible_distinct_announcements() {
    let inputs = ceremony_inputs();
    let published = ceremony::announce(&inputs.committed(), &request()).unwrap();
    let mut digests = HashSet::new();
    let mut seeds = HashSet::new();
    let mut variants = Vec::new();
    for k in 1..=157 {
        let mut v = published.clone();
        v.announced_at = utc(announced_at() - k * 7);
        let v = resealed(v);
        ceremony::check_announcement(&v).unwrap();
        assert_eq!(v.beacon.round, ROUND);
        // What the seed of each variant is (SPEC.md §5.3.6), as attest derives it.
        let randomness: [u8; 32] = hex::decode(fixture_round().randomness)
            .unwrap()
            .try_into()
            .unwrap();
        let digest: [u8; 32] = hex::decode(&v.digest).unwrap().try_into().unwrap();
        let seed = hex::encode(ceremony::seed_of(&digest, ROUND, &randomness));
        digests.insert(v.digest.clone());
        seeds.insert(seed);
        variants.push(v);
    }
    assert_eq!(digests.len(), 157);
    assert_eq!(seeds.len(), 157);
    assert!(!digests.contains(&published.digest));
    // Every one is accepted by the draw, and gives the seed above.
    for v in [&variants[0], &variants[78], &variants[156]] {
        let (seed, _, _) = ceremony::attest(v, &inputs.committed(), &bare_sources()).unwrap();
        assert!(seeds.contains(seed.value()));
    }
    // The variant drawn shows its own digest and time, not the published one's.
    let chosen = &variants[100];
    let record = attested_draw(&inputs, chosen, &bare_sources());
    let v = verified(record.to_json(), &inputs);
    assert!(v.ok(), "{:?}", v.differences);
    let Guarantee::InputsFixed {
        announcement,
        announced_at,
        anchor,
        ..
    } = &v.guarantees[0]
    else {
        panic!("{:?}", v.guarantees)
    };
    assert_eq!(announcement, &chosen.digest);
    assert_ne!(announcement, &published.digest);
    assert_eq!(announced_at, &chosen.announced_at);
    assert_eq!(anchor, &TimeAnchor::None);
    let en = notice_md(Lang::En, &record, &inputs);
    assert!(
        en.contains(&chosen.digest) && !en.contains(&published.digest),
        "{en}"
    );
    assert!(en.contains("has no time-stamp"), "{en}");

    // No variant can carry a token made now: it is after the round.
    let today = unix_now();
    for v in [&variants[0], chosen] {
        let file = ceremony::to_json(v);
        let tsr = token(file.as_bytes(), today);
        let s = Sources {
            timestamp: Some(tsr.clone()),
            ..bare_sources()
        };
        let e = refusal(v, &inputs, &s);
        assert!(e.contains("time-stamp token"), "{e}");
        match shuangsui::ceremony::timestamp::parse(&tsr) {
            Err(why) => {
                eprintln!(
                    "shuangsui::ceremony::timestamp is a stub ({why}): the token's time is not checked here"
                );
            }
            Ok(parsed) => {
                assert_eq!(parsed.time, today);
                let e = ceremony::check_timestamp(v, &tsr, None)
                    .unwrap_err()
                    .to_string();
                assert!(e.contains("not before") && e.contains(EMITTED), "{e}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// 2. A later round

/// Attack 2: the announced round's draw does not suit the insider, so they present a
/// later round (657414, with the real signature of 657413 or anything else, or a round
/// long after "an outage"). Only the announced round is accepted: `attest` refuses
/// "not the announced round", `verify` reports it as a failed attestation, and the CLI
/// `draw --later-round` no longer exists (exit 2).
#[test]
fn later_round_is_refused() {
    let inputs = ceremony_inputs();
    let a = announcement(&inputs);
    let real = fixture_round();
    let junk = [7u8; 48];
    let junk_round = |round: u64| Round {
        round,
        signature: hex::encode(junk),
        randomness: hex::encode(shuangsui::internal::sha256(&junk)),
    };
    for round in [
        Round {
            round: ROUND + 1,
            ..real.clone()
        },
        junk_round(ROUND + 1),
        junk_round(ROUND + 1200),
        junk_round(ROUND - 1),
    ] {
        let n = round.round;
        let s = Sources { round, ..sources() };
        let e = refusal(&a, &inputs, &s);
        assert!(
            e.contains(&format!(
                "beacon round {n} is not the announced round {ROUND}"
            )),
            "{e}"
        );
    }
    // In a record: the round edited after the draw.
    let json = attested_draw(&inputs, &a, &sources()).to_json();
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["seed"]["attestation"]["beacon"]["round"] = (ROUND + 1).into();
    let c = verified(serde_json::to_string_pretty(&v).unwrap(), &inputs);
    assert!(!c.ok());
    let failure = c.attestation_failure.unwrap_or_default();
    assert!(failure.contains("not the announced round"), "{failure}");

    // The command line: no --later-round, and round 657414 in the round file is refused.
    let (dir, _, _) = Dir::ceremony("later-round");
    assert_no_such_flag(
        &dir.draw(
            "announcement.json",
            "round.json",
            &["--later-round"],
            "bad.json",
        ),
        "--later-round",
    );
    assert!(!dir.exists("bad.json"));
    dir.write(
        "later.json",
        &serde_json::json!({
            "round": ROUND + 1,
            "randomness": real.randomness,
            "signature": real.signature,
        })
        .to_string(),
    );
    let (code, _, err) = dir.draw("announcement.json", "later.json", &[], "bad.json");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not the announced round"), "{err}");
    assert!(!dir.exists("bad.json"));
    // The announced round itself draws.
    let (code, _, err) = dir.draw("announcement.json", "round.json", &[], "record.json");
    assert_eq!(code, Some(0), "{err}");
}

// ---------------------------------------------------------------------------------------
// 3. Dice after the round

/// Attack 3: the insider wants to roll the dice after seeing the round. The CLI
/// `draw --dice` no longer exists (exit 2): dice are in the announcement. Editing the dice
/// in the announcement changes its digest, so it is refused; recomputing the digest makes
/// another announcement — another digest in `verify`'s output and the notice, one the
/// notary's contribution does not open (its reveal is refused), and not the one published.
#[test]
fn dice_after_the_round_are_refused_or_make_another_announcement() {
    let (dir, inputs, a) = Dir::ceremony("dice");
    assert_no_such_flag(
        &dir.draw(
            "announcement.json",
            "round.json",
            &["--dice", "77"],
            "bad.json",
        ),
        "--dice",
    );
    assert!(!dir.exists("bad.json"));

    let mut edited = a.clone();
    edited.dice = "2718".into();
    let e = ceremony::check_announcement(&edited)
        .unwrap_err()
        .to_string();
    assert!(e.contains("digest does not match its content"), "{e}");
    assert!(refusal(&edited, &inputs, &sources()).contains("digest does not match"));
    // In the CLI too.
    dir.write("edited.json", &ceremony::to_json(&edited));
    let (code, _, err) = dir.draw("edited.json", "round.json", &[], "bad.json");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("digest does not match"), "{err}");
    assert!(!dir.exists("bad.json"));

    // Resealed: another announcement.
    let other = resealed(edited);
    assert_ne!(other.digest, a.digest);
    let e = refusal(&other, &inputs, &sources());
    assert!(
        e.contains("does not open its contribution") && e.contains(NOTARY),
        "{e}"
    );
    let (genuine, _, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    let (seed, _, _) = ceremony::attest(&other, &inputs.committed(), &bare_sources()).unwrap();
    assert_ne!(seed.value(), genuine.value());
    let record = draw(&inputs, &seed).unwrap().record;
    let v = verified(record.to_json(), &inputs);
    assert!(v.ok(), "{:?}", v.differences);
    assert!(matches!(&v.guarantees[0],
        Guarantee::InputsFixed { announcement, .. } if *announcement == other.digest));
    assert!(v.guarantees.contains(&Guarantee::Dice {
        digits: "2718".into()
    }));
    assert!(v.guarantees.contains(&Guarantee::Parties {
        revealed: vec![],
        unrevealed: vec![NOTARY.into()],
    }));
    let en = notice_md(Lang::En, &record, &inputs);
    assert!(
        en.contains(&other.digest) && !en.contains(&a.digest),
        "{en}"
    );
    assert!(
        en.contains("2718") && en.contains("(secret not revealed)"),
        "{en}"
    );

    // The dice edited in a drawn record, its announcement resealed, the seed kept: the
    // seed no longer follows from the announcement.
    let json = attested_draw(&inputs, &a, &sources()).to_json();
    let mut v: Value = serde_json::from_str(&json).unwrap();
    let mut ann: Announcement =
        serde_json::from_value(v["seed"]["attestation"]["announcement"].clone()).unwrap();
    ann.dice = "2718".into();
    let ann = resealed(ann);
    v["seed"]["attestation"]["announcement"] = serde_json::to_value(&ann).unwrap();
    v["seed"]["attestation"]["reveals"] = serde_json::json!([]);
    let c = verified(serde_json::to_string_pretty(&v).unwrap(), &inputs);
    assert!(!c.ok());
    assert!(
        c.differences.iter().any(|d| d.path == "seed.value"),
        "{:?}",
        c.differences
    );
}

// ---------------------------------------------------------------------------------------
// 4. A withheld reveal, a silent redo

/// Attack 4a: a party (or the insider holding its secret) withholds the reveal, hoping to
/// block or steer the draw. The seed is the same with and without the reveal; `verify`
/// lists the party as unrevealed, and the notice says its secret was not revealed.
#[test]
fn withheld_reveal_changes_nothing_and_is_listed() {
    let inputs = ceremony_inputs();
    let a = announcement(&inputs);
    let (with, _, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    let (without, _, _) = ceremony::attest(&a, &inputs.committed(), &bare_sources()).unwrap();
    assert_eq!(with.value(), without.value());
    let revealed = draw(&inputs, &with).unwrap().record;
    let record = draw(&inputs, &without).unwrap().record;
    assert_eq!(record.tasks, revealed.tasks);
    assert_eq!(record.draw_key, revealed.draw_key);
    let v = verified(record.to_json(), &inputs);
    assert!(v.ok(), "{:?}", v.differences);
    let parties = Guarantee::Parties {
        revealed: vec![],
        unrevealed: vec![NOTARY.into()],
    };
    assert!(v.guarantees.contains(&parties), "{:?}", v.guarantees);
    assert!(
        guarantee_text(&v).contains("not revealed, so resting on their word: 公证处"),
        "{}",
        guarantee_text(&v)
    );
    let en = notice_md(Lang::En, &record, &inputs);
    assert!(en.contains("公证处 (secret not revealed)"), "{en}");
    let zh = notice_md(Lang::Zh, &record, &inputs);
    assert!(zh.contains("公证处（未公开秘密）"), "{zh}");
}

/// Attack 4b: a redo. Attempt 1 was announced; the insider makes attempt 2 and draws it
/// instead. Attempt 2 must cite attempt 1 (its digest) and why it was not drawn: a draw
/// from attempt 2 without attempt 1 in `Sources.replaced` is refused, and with it
/// `verify`'s `Attempt` guarantee and the notice list attempt 1, its round and the reason.
/// A redo without a reason, an attempt 2 that replaces another announcement, or one
/// back-dated before attempt 1 is refused.
#[test]
fn redo_must_cite_the_attempt_it_replaces() {
    let inputs = ceremony_inputs();
    // Attempt 1 was announced for an earlier round (20 minutes earlier), not drawn.
    let first = ceremony::announce(
        &inputs.committed(),
        &Request {
            now: announced_at() - 1200,
            ..request()
        },
    )
    .unwrap();
    let why = "公证员未到场";
    let second = ceremony::announce(
        &inputs.committed(),
        &Request {
            now: announced_at() + 1,
            dice: "5 9".into(),
            replaces: Some((first.clone(), why.into())),
            ..request()
        },
    )
    .unwrap();
    assert_eq!(
        (
            second.attempt,
            second.replaces.as_str(),
            second.reason.as_str()
        ),
        (2, first.digest.as_str(), why)
    );
    assert_eq!(second.beacon.round, ROUND);
    // Without the attempt it replaces: refused.
    let e = refusal(&second, &inputs, &bare_sources());
    assert!(
        e.contains("attempt 2 needs the 1 earlier announcement(s) it follows, 0 given"),
        "{e}"
    );
    // With another first attempt in its place: refused.
    let stranger = ceremony::announce(
        &inputs.committed(),
        &Request {
            dice: "9".into(),
            ..request()
        },
    )
    .unwrap();
    let s = Sources {
        replaced: vec![stranger],
        ..bare_sources()
    };
    let e = refusal(&second, &inputs, &s);
    assert!(e.contains("attempt 2 replaces"), "{e}");
    // Back-dated before the attempt it replaces: refused.
    let mut early = second.clone();
    early.announced_at = "2023-09-15T10:30:01Z".into();
    let early = resealed(early);
    let s = Sources {
        replaced: vec![first.clone()],
        ..bare_sources()
    };
    let e = refusal(&early, &inputs, &s);
    assert!(e.contains("before the attempt 1 it replaces"), "{e}");
    // A redo for the same round as the attempt it replaces would offer a choice of two
    // seeds once the round is out: refused.
    let e = ceremony::announce(
        &inputs.committed(),
        &Request {
            now: announced_at() - 1200,
            replaces: Some((first.clone(), why.into())),
            ..request()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("must name a round later"), "{e}");
    // No reason: refused when announcing.
    let e = ceremony::announce(
        &inputs.committed(),
        &Request {
            now: announced_at() + 1,
            replaces: Some((first.clone(), "  ".into())),
            ..request()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("say why the replaced attempt was not drawn"),
        "{e}"
    );

    // With it: verifies, and the chain is listed.
    let record = attested_draw(&inputs, &second, &s);
    let json = record.to_json();
    let v = verified(&json, &inputs);
    assert!(v.ok(), "{:?}", v.differences);
    assert_eq!(
        v.guarantees.last().unwrap(),
        &Guarantee::Attempt {
            plan: first.plan.clone(),
            attempt: 2,
            replaced: vec![(1, first.digest.clone(), first.beacon.round, why.into())],
        }
    );
    let text = v.guarantees.last().unwrap().to_string();
    assert!(
        text.contains("replaces attempt 1") && text.contains(&first.digest) && text.contains(why),
        "{text}"
    );
    let en = notice_md(Lang::En, &record, &inputs);
    assert!(
        en.contains("replaced attempt 1") && en.contains(&first.digest) && en.contains(why),
        "{en}"
    );
    let zh = notice_md(Lang::Zh, &record, &inputs);
    assert!(zh.contains("作废的第 1") && zh.contains(why), "{zh}");
    // The replaced attempt removed from the record afterwards: a failed attestation.
    let mut edited: Value = serde_json::from_str(&json).unwrap();
    edited["seed"]["attestation"]["replaced"] = serde_json::json!([]);
    let c = verified(serde_json::to_string_pretty(&edited).unwrap(), &inputs);
    assert!(!c.ok());
    let failure = c.attestation_failure.unwrap_or_default();
    assert!(
        failure.contains("needs the 1 earlier announcement"),
        "{failure}"
    );
}

/// Attack 4b, a forged chain: attempt 2 citing a hand-made "attempt 4294967295" as the one
/// it replaces. The chain is not valid (attempt numbers 1, …, n − 1), so it must be refused
/// with an error, in every build, not crash the verifier.
#[test]
fn redo_with_a_forged_attempt_number_is_refused() {
    let inputs = ceremony_inputs();
    let mut old = ceremony::announce(&inputs.committed(), &request()).unwrap();
    old.attempt = u32::MAX;
    old.replaces = "00".repeat(32);
    old.reason = "不存在的尝试".into();
    let old = resealed(old);
    ceremony::check_announcement(&old).unwrap();
    let mut second = ceremony::announce(&inputs.committed(), &request()).unwrap();
    second.attempt = 2;
    second.replaces.clone_from(&old.digest);
    second.reason = "公证员未到场".into();
    let second = resealed(second);
    let s = Sources {
        replaced: vec![old],
        ..bare_sources()
    };
    let e = refusal(&second, &inputs, &s);
    assert!(e.contains("attempt 2 replaces"), "{e}");
}

/// Attack 4c: a silent redo. The insider makes a second attempt 1 for the same plan (other
/// dice), and draws whichever suits them. The record cannot show it — both verify — so
/// `verify`'s `Attempt` guarantee says that no other announcement was made "rests on
/// publication": two published announcements with the same plan and attempt are the
/// evidence, and their digests differ.
#[test]
fn silent_redo_rests_on_publication() {
    let inputs = ceremony_inputs();
    let first = announcement(&inputs);
    let redo = ceremony::announce(
        &inputs.committed(),
        &Request {
            now: announced_at() + 1,
            dice: "2 7 1 8".into(),
            ..request()
        },
    )
    .unwrap();
    assert_eq!((redo.plan.as_str(), redo.attempt), (first.plan.as_str(), 1));
    assert_ne!(redo.digest, first.digest);
    let mut seeds = Vec::new();
    for (a, s) in [(&first, sources()), (&redo, bare_sources())] {
        let record = attested_draw(&inputs, a, &s);
        seeds.push(record.seed.value.clone());
        let v = verified(record.to_json(), &inputs);
        assert!(v.ok(), "{:?}", v.differences);
        assert_eq!(
            v.guarantees.last().unwrap(),
            &Guarantee::Attempt {
                plan: a.plan.clone(),
                attempt: 1,
                replaced: vec![],
            }
        );
        let text = v.guarantees.last().unwrap().to_string();
        assert!(
            text.contains("that no other announcement was made for this plan rests on publication"),
            "{text}"
        );
        let en = notice_md(Lang::En, &record, &inputs);
        assert!(
            en.contains("Attempt: 1 (the first announcement)") && en.contains(&a.digest),
            "{en}"
        );
    }
    assert_ne!(seeds[0], seeds[1]);
}

/// Attack 4d: the notary contributed to announcement A; the insider prepares announcement B
/// (other dice) and copies the notary's contribution into it, to borrow the notary's
/// credibility. `with_parties` cannot tell, but the contribution is bound to A's body:
/// the notary's reveal is refused for B, and without it `verify` lists the notary as
/// unrevealed.
#[test]
fn contribution_copied_to_another_announcement_does_not_open() {
    let inputs = ceremony_inputs();
    let draft_a = ceremony::announce(&inputs.committed(), &notary_request()).unwrap();
    let draft_b = ceremony::announce(
        &inputs.committed(),
        &Request {
            dice: "2 7 1 8".into(),
            ..notary_request()
        },
    )
    .unwrap();
    let copied = ceremony::contribution(&ceremony::body_digest(&draft_a), NOTARY, SECRET);
    let a = with_notary(&draft_a);
    let b = ceremony::with_parties(
        &draft_b,
        &[(NOTARY.into(), copied.clone())],
        announced_at(),
        600,
    )
    .unwrap();
    assert_eq!(a.parties, b.parties);
    ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
    let why = refusal(&b, &inputs, &sources());
    assert!(
        why.contains(&format!(
            "the secret revealed by '{NOTARY}' does not open its contribution {copied}"
        )),
        "{why}"
    );
    let record = attested_draw(&inputs, &b, &bare_sources());
    let check = verified(record.to_json(), &inputs);
    assert!(check.ok());
    assert!(check.guarantees.contains(&Guarantee::Parties {
        revealed: vec![],
        unrevealed: vec![NOTARY.into()],
    }));
    // A reveal slipped into the record afterwards is a failed attestation.
    let mut edited: Value = serde_json::from_str(&record.to_json()).unwrap();
    edited["seed"]["attestation"]["reveals"] =
        serde_json::json!([{ "name": NOTARY, "secret": SECRET }]);
    let edited_check = verified(serde_json::to_string_pretty(&edited).unwrap(), &inputs);
    assert!(!edited_check.ok());
    assert!(
        edited_check
            .attestation_failure
            .unwrap_or_default()
            .contains("does not open its contribution")
    );
}

// ---------------------------------------------------------------------------------------
// 5. Amendments

/// The attested record of round 657413.
fn attested_record(inputs: &Inputs) -> Record {
    attested_draw(inputs, &announcement(inputs), &sources())
}

fn replace(officer: &str, reason: &str, note: &str) -> Change {
    Change::ReplaceOfficer {
        officer: officer.into(),
        reason: reason.into(),
        note: note.into(),
    }
}

/// An amendment at `at`, by 科长.
fn amendment(change: Change, task: &str, target: &str, at: &str) -> Amendment {
    Amendment {
        change,
        task: Some(task.into()),
        target: target.into(),
        actor: "科长".into(),
        at: at.into(),
    }
}

/// The `k`-th minute of 2027-01-20 09:00 in China.
fn minute(k: usize) -> String {
    utc(t("2027-01-20T09:00:00+08:00") + 60 * i64::try_from(k).unwrap())
}

/// The first officer of task T1's first team recused (回避) at the first minute.
fn recuse_first(record: &Record, inputs: &Inputs) -> shuangsui::Result<Record> {
    let x = &record.tasks[0].selected[0];
    ledger::amend(
        record,
        inputs,
        &amendment(
            replace(&x.officers[0], "回避", ""),
            "T1",
            &x.target,
            &minute(0),
        ),
    )
}

fn amendment_error(result: shuangsui::Result<Record>) -> String {
    match result {
        Ok(r) => panic!("the amendment was accepted: {:?}", r.ledger.last()),
        Err(e) => {
            assert_eq!(e.kind(), "amendment", "{e}");
            e.to_string()
        }
    }
}

/// Attack 5a: filler amendments. The insider wants another replacement for the officer
/// leaving team X, so before it they make up to 20 amendments elsewhere (unreachable
/// targets, replacements in other teams of the same task and of other tasks), in one
/// order or another. The replacement is the first eligible officer in the slot's own
/// substitute order, fixed by the task key, the target and the slot: it is the same.
#[test]
fn amendments_filler_does_not_change_the_replacement() {
    let inputs = ceremony_inputs();
    let record = attested_record(&inputs);
    let x = record.tasks[0].selected[0].clone();
    let leaving = x.officers[0].clone();
    let on_x = |at: &str| amendment(replace(&leaving, "回避", ""), "T1", &x.target, at);
    let alone = ledger::amend(&record, &inputs, &on_x(&minute(0))).unwrap();
    let genuine = alone.ledger[0].replacement.clone();
    assert!(!genuine.is_empty() && !x.officers.contains(&genuine));
    // The amendment is public: the notice lists it, with the ledger's head.
    let en = notice_md(Lang::En, &alone, &inputs);
    let (entries, head) = alone.ledger_head();
    assert_eq!(entries, 1);
    assert!(en.contains(head) && en.contains("回避"), "{en}");

    let mut filler: Vec<(String, Change, String)> = Vec::new();
    for s in record.tasks[0].selected.iter().skip(1).take(4) {
        filler.push((
            "T1".into(),
            replace(&s.officers[0], "请假", ""),
            s.target.clone(),
        ));
    }
    for s in record.tasks[2]
        .selected
        .iter()
        .filter(|s| s.target != x.target)
        .take(8)
    {
        filler.push((
            "T3".into(),
            replace(&s.officers[1], "调离", ""),
            s.target.clone(),
        ));
    }
    for s in record.tasks[1].selected.iter().take(3) {
        filler.push(("T2".into(), Change::Unreachable, s.target.clone()));
    }
    for s in record.tasks[2]
        .selected
        .iter()
        .filter(|s| s.target != x.target)
        .skip(8)
        .take(5)
    {
        filler.push(("T3".into(), Change::Unreachable, s.target.clone()));
    }
    assert_eq!(filler.len(), 20);
    for order in [false, true] {
        let mut list = filler.clone();
        if order {
            list.reverse();
        }
        for n in [1, 7, 20] {
            let mut r = record.clone();
            for (k, (task, change, target)) in list.iter().take(n).enumerate() {
                r = ledger::amend(
                    &r,
                    &inputs,
                    &amendment(change.clone(), task, target, &minute(k)),
                )
                .unwrap();
            }
            r = ledger::amend(&r, &inputs, &on_x(&minute(n))).unwrap();
            let entry = r.ledger.last().unwrap();
            assert_eq!(
                entry.replacement, genuine,
                "{n} filler amendments (reversed: {order}) changed the replacement"
            );
            let v = verified(r.to_json(), &inputs);
            assert!(v.ok(), "{:?}", v.differences);
        }
    }
}

/// Attack 5b: repeated replacements. The replacement does not suit the insider, so they
/// replace the replacement, and again. The plan's `max_replacements` (2 by default) caps
/// the replacements of one team: the third is refused, and a hand-made third entry is a
/// difference in `verify`. With `max_replacements = 0` in the plan the first is refused.
#[test]
fn amendments_repeated_are_capped() {
    let inputs = ceremony_inputs();
    let record = attested_record(&inputs);
    let x = record.tasks[0].selected[0].clone();
    assert_eq!(record.plan.max_replacements, 2);
    let r = recuse_first(&record, &inputs).unwrap();
    let first = r.ledger[0].replacement.clone();
    let r = ledger::amend(
        &r,
        &inputs,
        &amendment(replace(&first, "请假", ""), "T1", &x.target, &minute(1)),
    )
    .unwrap();
    let second = r.ledger[1].replacement.clone();
    let e = amendment_error(ledger::amend(
        &r,
        &inputs,
        &amendment(replace(&second, "回避", ""), "T1", &x.target, &minute(2)),
    ));
    assert!(
        e.contains("has had 2 replacement(s), the most the plan allows (plan.max_replacements)"),
        "{e}"
    );
    let e = amendment_error(ledger::amend(
        &r,
        &inputs,
        &amendment(
            replace(&x.officers[1], "回避", ""),
            "T1",
            &x.target,
            &minute(2),
        ),
    ));
    assert!(e.contains("max_replacements"), "{e}");
    // A third entry written by hand: a difference.
    let mut forged = r.clone();
    let mut entry = LedgerEntry {
        seq: 3,
        kind: "replace_officer".into(),
        task: "T1".into(),
        target: x.target.clone(),
        officer: second.clone(),
        replacement: x.officers[0].clone(),
        reason: "回避".into(),
        note: String::new(),
        actor: "科长".into(),
        at: minute(2),
        prev: r.ledger[1].digest.clone(),
        digest: String::new(),
    };
    entry.digest = hex::encode(ledger::entry_digest(&entry).unwrap());
    forged.ledger.push(entry);
    let check = verified(forged.to_json(), &inputs);
    assert!(!check.ok());
    let kind = check
        .differences
        .iter()
        .find(|d| d.path == "ledger[3].kind");
    assert!(
        kind.is_some_and(|d| d.recomputed.contains("max_replacements")),
        "{:?}",
        check.differences
    );

    // max_replacements = 0: none at all.
    let mut capped = ceremony_files();
    capped.plan = capped.plan.replacen(
        "date = \"2027-01-15\"",
        "max_replacements = 0\ndate = \"2027-01-15\"",
        1,
    );
    let zero = capped.inputs();
    assert_eq!(zero.plan().max_replacements, 0);
    let record = draw(&zero, &Seed::unattested("2027-01-15 公开摇号").unwrap())
        .unwrap()
        .record;
    assert_eq!(record.plan.max_replacements, 0);
    let e = amendment_error(recuse_first(&record, &zero));
    assert!(e.contains("has had 0 replacement(s)"), "{e}");
}

/// Attack 5c: amendments the insider cannot account for: an unknown reason, 其他 without a
/// note saying why, an `at` that is not an RFC 3339 time, one before the round's emission
/// (before the draw existed) or before the previous entry, and no actor. `ledger::amend`
/// refuses each, naming the field.
#[test]
fn amendments_reasons_and_times_are_checked() {
    let inputs = ceremony_inputs();
    let record = attested_record(&inputs);
    let x = record.tasks[0].selected[0].clone();
    let officer = x.officers[0].clone();
    let try_amend = |r: &Record, change: Change, at: &str, actor: &str| {
        ledger::amend(
            r,
            &inputs,
            &Amendment {
                actor: actor.into(),
                ..amendment(change, "T1", &x.target, at)
            },
        )
    };
    // Reasons.
    let e = amendment_error(try_amend(
        &record,
        replace(&officer, "看他不顺眼", ""),
        &minute(0),
        "科长",
    ));
    assert!(
        e.contains(
            "the reason must be one of 回避, 请假, 调离, 证件失效, 其他, found '看他不顺眼'"
        ),
        "{e}"
    );
    for note in ["", "   "] {
        let e = amendment_error(try_amend(
            &record,
            replace(&officer, "其他", note),
            &minute(0),
            "科长",
        ));
        assert!(e.contains("note") && e.contains("其他"), "{note:?}: {e}");
    }
    let e = amendment_error(try_amend(
        &record,
        replace(&officer, "其他", &"很长".repeat(101)),
        &minute(0),
        "科长",
    ));
    assert!(e.contains("at most 200 characters"), "{e}");
    try_amend(
        &record,
        replace(&officer, "其他", "借调专项检查"),
        &minute(0),
        "科长",
    )
    .unwrap();
    // Times.
    for at in [
        "明天上午",
        "2027-01-20",
        "2027-01-20T09:00:00",
        "2027/01/20 09:00:00+08:00",
        "",
    ] {
        let e = amendment_error(try_amend(
            &record,
            replace(&officer, "回避", ""),
            at,
            "科长",
        ));
        assert!(e.contains("RFC 3339"), "{at:?}: {e}");
    }
    for at in [
        "2023-09-15T11:00:02Z",
        "2023-09-15T19:00:02+08:00",
        "2023-09-01T00:00:00Z",
    ] {
        let e = amendment_error(try_amend(
            &record,
            replace(&officer, "回避", ""),
            at,
            "科长",
        ));
        assert!(
            e.contains("at '") && e.contains("not before 2023-09-15T11:00:03Z"),
            "{at}: {e}"
        );
    }
    let first = try_amend(
        &record,
        replace(&officer, "回避", ""),
        "2027-01-20T09:00:00+08:00",
        "科长",
    )
    .unwrap();
    // One second before the previous entry, written in another zone.
    let e = amendment_error(try_amend(
        &first,
        Change::Unreachable,
        "2027-01-20T00:59:59Z",
        "科长",
    ));
    assert!(e.contains("not before 2027-01-20T01:00:00Z"), "{e}");
    try_amend(&first, Change::Unreachable, "2027-01-20T01:00:00Z", "科长").unwrap();
    // Actors.
    for actor in ["", "   "] {
        let e = amendment_error(try_amend(
            &record,
            replace(&officer, "回避", ""),
            &minute(0),
            actor,
        ));
        assert!(e.contains("actor"), "{actor:?}: {e}");
    }
}

/// Attack 5c, the time's offset: an `at` with an offset no zone has (`+99:99`) is not an
/// RFC 3339 time (SPEC.md §9.4); it would let an entry read as another moment than the one
/// it is ordered by.
#[test]
fn amendments_time_with_an_impossible_offset_is_refused() {
    let inputs = ceremony_inputs();
    let record = attested_record(&inputs);
    let x = record.tasks[0].selected[0].clone();
    for at in ["2027-01-20T09:00:00+99:99", "2027-01-20T09:00:00+24:00"] {
        let e = amendment_error(ledger::amend(
            &record,
            &inputs,
            &amendment(replace(&x.officers[0], "回避", ""), "T1", &x.target, at),
        ));
        assert!(e.contains("RFC 3339"), "{at}: {e}");
    }
}

/// Attack 5d: a ledger entry forged by hand, its digest recomputed with
/// `ledger::entry_digest` so that the chain holds: a replacement the insider chose (a
/// friendly officer of the pool), or an `at` before the draw. `verify` replays the ledger
/// and reports each as a difference, with the value the rules give.
#[test]
fn amendments_forged_ledger_entries_are_differences() {
    let inputs = ceremony_inputs();
    let record = attested_record(&inputs);
    let x = record.tasks[0].selected[0].clone();
    let amended = recuse_first(&record, &inputs).unwrap();
    let genuine = amended.ledger[0].replacement.clone();
    // A friendly officer: in the task's pool (on another team), not the rules' choice.
    let friend = record.tasks[0]
        .selected
        .iter()
        .flat_map(|s| s.officers.iter())
        .find(|o| **o != genuine && !x.officers.contains(o))
        .unwrap()
        .clone();
    let forged_with = |edit: &dyn Fn(&mut LedgerEntry)| {
        let mut r = amended.clone();
        edit(&mut r.ledger[0]);
        r.ledger[0].digest = hex::encode(ledger::entry_digest(&r.ledger[0]).unwrap());
        let check = verified(r.to_json(), &inputs);
        assert!(!check.ok());
        assert!(check.attestation_failure.is_none());
        check.differences
    };
    let d = forged_with(&|e| e.replacement.clone_from(&friend));
    assert!(
        d.iter().any(|d| d.path == "ledger[1].replacement"
            && d.record == format!("'{friend}'")
            && d.recomputed == format!("'{genuine}'")),
        "{d:?}"
    );
    assert!(d.iter().all(|d| d.path.starts_with("ledger[")), "{d:?}");
    let d = forged_with(&|e| e.at = "2023-09-15T10:00:00Z".into());
    assert!(
        d.iter()
            .any(|d| d.path == "ledger[1].at" && d.recomputed.contains("2023-09-15T11:00:03Z")),
        "{d:?}"
    );
    let d = forged_with(&|e| e.reason = "领导安排".into());
    assert!(d.iter().any(|d| d.path == "ledger[1].reason"), "{d:?}");
    // Not recomputing the digest is caught too.
    let mut r = amended.clone();
    r.ledger[0].replacement.clone_from(&friend);
    let check = verified(r.to_json(), &inputs);
    assert!(
        check
            .differences
            .iter()
            .any(|d| d.path == "ledger[1].digest"),
        "{:?}",
        check.differences
    );
    // And an amended ledger refuses further amendments until it verifies.
    let e = amendment_error(ledger::amend(
        &r,
        &inputs,
        &amendment(Change::Unreachable, "T1", &x.target, &minute(1)),
    ));
    assert!(e.contains("the ledger does not verify"), "{e}");
}

// ---------------------------------------------------------------------------------------
// 6. Loose JSON

/// Attack 6a: a record with a forged member placed before the genuine one (a duplicate
/// key: a lenient reader keeps one or the other), an unknown member, or a member of the
/// wrong type. `verify` refuses it with a document error naming the member.
#[test]
fn loose_json_record_is_refused_naming_the_member() {
    let inputs = ceremony_inputs();
    let record = attested_record(&inputs);
    let record = recuse_first(&record, &inputs).unwrap();
    let json = record.to_json();
    assert!(verified(&json, &inputs).ok());
    assert!(json.contains("\n  \"seed\": {") && json.contains("\n  \"digest\": \""));
    let zeros = "0".repeat(64);
    let top_digest = format!("\"digest\": \"{}\"", record.digest);
    for (anchor, forged, member) in [
        (
            "\"seed\": {",
            "\"seed\": {\"source\": \"unattested\", \"value\": \"friendly\"},\n  ".to_owned(),
            "seed",
        ),
        ("\"tasks\": [", "\"tasks\": [],\n  ".to_owned(), "tasks"),
        (
            top_digest.as_str(),
            format!("\"digest\": \"{zeros}\",\n  "),
            "digest",
        ),
        (
            "\"officers\": [",
            "\"officers\": [\"E0001\", \"E0002\"], ".to_owned(),
            "tasks[0].selected[0].officers",
        ),
        (
            "\"dice\": ",
            "\"dice\": \"2718\", ".to_owned(),
            "seed.attestation.announcement.dice",
        ),
        (
            "\"randomness\": \"",
            format!("\"randomness\": \"{zeros}\", "),
            "seed.attestation.beacon.randomness",
        ),
        (
            "\"replacement\": ",
            "\"replacement\": \"E0001\", ".to_owned(),
            "ledger[0].replacement",
        ),
    ] {
        let text = forge(&json, anchor, &forged);
        serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{member}: {e}"));
        assert_eq!(refused_member(&text, &inputs), member);
    }
    // Unknown members.
    for (anchor, forged, member) in [
        ("\"seed\": {", "\"comment\": \"x\",\n  ", "comment"),
        (
            "\"officers\": [",
            "\"friend\": \"E0001\", ",
            "tasks[0].selected[0].friend",
        ),
        (
            "\"round\": ",
            "\"later\": true, ",
            "seed.attestation.announcement.beacon.later",
        ),
    ] {
        assert_eq!(
            refused_member(&forge(&json, anchor, forged), &inputs),
            member
        );
    }
    // Wrong types.
    let value: Value = serde_json::from_str(&json).unwrap();
    let wrong: [ValueEdit; 4] = [
        (|v| v["draw_key"] = 5.into(), "draw_key"),
        (
            |v| v["tasks"][0]["selected"][0]["rank"] = "1".into(),
            "tasks[0].selected[0].rank",
        ),
        (
            |v| v["seed"]["attestation"]["beacon"]["round"] = "657413".into(),
            "seed.attestation.beacon.round",
        ),
        (|v| v["ledger"][0]["seq"] = "1".into(), "ledger[0].seq"),
    ];
    for (edit, member) in wrong {
        let mut v = value.clone();
        edit(&mut v);
        let text = serde_json::to_string_pretty(&v).unwrap();
        assert_eq!(refused_member(&text, &inputs), member);
    }
}

/// Attack 6b: an announcement or a beacon round with a forged member before the genuine
/// one, an unknown member or a wrong type, read with `shuangsui::base::strict::from_slice` (as
/// the CLI reads them): refused, naming the member.
#[test]
fn loose_json_announcement_and_round_are_refused_naming_the_member() {
    let inputs = ceremony_inputs();
    let a = announcement(&inputs);
    let text = ceremony::to_json(&a);
    let read =
        |t: &str| shuangsui::ceremony::Announcement::parse("announcement.json", t.as_bytes());
    assert_eq!(read(&text).unwrap(), a);
    for (anchor, forged, member) in [
        ("\"dice\": ", "\"dice\": \"2718\",\n  ", "dice"),
        ("\"round\": ", "\"round\": 657414,\n    ", "beacon.round"),
        (
            "\"contribution\": ",
            "\"contribution\": \"00\", ",
            "parties[0].contribution",
        ),
        (
            "\"announced_at\": ",
            "\"announced_at\": \"下周一上午\", ",
            "announced_at",
        ),
        ("\"dice\": ", "\"note\": \"x\",\n  ", "note"),
    ] {
        assert_eq!(document_member(read(&forge(&text, anchor, forged))), member);
    }
    let value = serde_json::to_value(&a).unwrap();
    let wrong: [ValueEdit; 3] = [
        (|v| v["attempt"] = "1".into(), "attempt"),
        (|v| v["beacon"]["round"] = (-1).into(), "beacon.round"),
        (|v| v["parties"] = "公证处".into(), "parties"),
    ];
    for (edit, member) in wrong {
        let mut v = value.clone();
        edit(&mut v);
        let t = serde_json::to_string_pretty(&v).unwrap();
        assert_eq!(document_member(read(&t)), member);
    }
    let r = fixture_round();
    let round = format!(
        "{{\"round\": 657414, \"round\": 657413, \"randomness\": \"{}\", \"signature\": \"{}\"}}",
        r.randomness, r.signature
    );
    let read_round =
        |t: &str| shuangsui::ceremony::beacon::Round::parse("round.json", t.as_bytes());
    assert_eq!(document_member(read_round(&round)), "round");
    let extra = format!(
        "{{\"round\": 657413, \"randomness\": \"{}\", \"signature\": \"{}\", \"previous_signature\": \"\"}}",
        r.randomness, r.signature
    );
    assert_eq!(document_member(read_round(&extra)), "previous_signature");
    // Said in the clerk's words, with what may be there.
    let e = read_round(&extra).unwrap_err();
    assert!(
        e.message(shuangsui::messages::Lang::Zh).contains(
            "不应有的成员“previous_signature”（此处只能有：round, randomness, signature）"
        ),
        "{}",
        e.message(shuangsui::messages::Lang::Zh)
    );
}

/// Attack 6c: the same documents through the command line: `verify` of a record with a
/// forged member, and `draw` from an announcement or a round with one, exit 2 naming the
/// member, and `draw` writes nothing.
#[test]
fn loose_json_cli_verify_and_draw_exit_2() {
    let (dir, _, _) = Dir::ceremony("loose-json");
    let (code, _, err) = dir.draw("announcement.json", "round.json", &[], "record.json");
    assert_eq!(code, Some(0), "{err}");
    let json = std::fs::read_to_string(dir.path("record.json")).unwrap();
    let mut args = vec!["verify", "record.json"];
    args.extend(INPUT_FLAGS);
    let (code, _, err) = dir.run(None, &args);
    assert_eq!(code, Some(0), "{err}");

    dir.write(
        "forged.json",
        &forge(
            &json,
            "\"seed\": {",
            "\"seed\": {\"source\": \"unattested\", \"value\": \"friendly\"},\n  ",
        ),
    );
    let mut args = vec!["verify", "forged.json"];
    args.extend(INPUT_FLAGS);
    let (code, _, err) = dir.run(None, &args);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("member 'seed'") && err.contains("appears twice"),
        "{err}"
    );

    let text = std::fs::read_to_string(dir.path("announcement.json")).unwrap();
    dir.write(
        "forged-announcement.json",
        &forge(&text, "\"dice\": ", "\"dice\": \"2718\",\n  "),
    );
    let (code, _, err) = dir.draw("forged-announcement.json", "round.json", &[], "bad.json");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("member 'dice'"), "{err}");
    assert!(!dir.exists("bad.json"));

    let r = fixture_round();
    dir.write(
        "forged-round.json",
        &format!(
            "{{\"round\": 657414, \"round\": 657413, \"randomness\": \"{}\", \"signature\": \"{}\"}}",
            r.randomness, r.signature
        ),
    );
    let (code, _, err) = dir.draw("announcement.json", "forged-round.json", &[], "bad.json");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("member 'round'"), "{err}");
    assert!(!dir.exists("bad.json"));
}

/// Attack 6, members a public copy cannot recompute: the raw digests and the dropped
/// personal-data headers. An insider who edits them and re-seals the record (its digest
/// recomputed) is still caught: an attested record's raw digests must be the announced ones,
/// and a dropped header must be one the column rules drop unread — claiming that a column
/// the draw read (`risk`) was personal data is a difference.
#[test]
fn loose_members_raw_digests_and_dropped_headers_are_checked() {
    let inputs = ceremony_inputs();
    let record = attested_record(&inputs);
    let resealed = |edit: &dyn Fn(&mut Value)| {
        let mut v: Value = serde_json::from_str(&record.to_json()).unwrap();
        edit(&mut v);
        v["digest"] = shuangsui::draw::record::digest_of(&v).into();
        serde_json::to_string_pretty(&v).unwrap() + "\n"
    };
    let paths = |v: &Verification| -> Vec<String> {
        v.differences.iter().map(|d| d.path.clone()).collect()
    };
    let v = verified(
        resealed(&|v| v["inputs"]["officers"]["sha256"] = "ab".repeat(32).into()),
        &inputs,
    );
    assert!(!v.ok());
    assert!(
        paths(&v).contains(&"inputs.officers.sha256".to_owned()),
        "{:?}",
        v.differences
    );
    let v = verified(
        resealed(&|v| v["inputs"]["targets"]["dropped"] = serde_json::json!(["risk"])),
        &inputs,
    );
    assert!(!v.ok());
    assert!(
        paths(&v).contains(&"inputs.targets.dropped".to_owned()),
        "{:?}",
        v.differences
    );
    // A genuine personal-data header is accepted (a copy without that column verifies).
    let v = verified(
        resealed(&|v| {
            v["inputs"]["targets"]["dropped"] = serde_json::json!(["法定代表人身份证号"]);
        }),
        &inputs,
    );
    assert!(v.ok(), "{:?}", v.differences);
}

/// Attack 4, a later batch on the same round: the first batch was drawn from round 657413;
/// an insider announces batch 2 (with the clock set back) naming the same round, whose
/// randomness is public, so that batch 2's outcome is known before it is announced. A later
/// batch needs a later round than every earlier batch's: refused by `announce` and `attest`.
#[test]
fn later_batch_on_the_earlier_batchs_round_is_refused() {
    let inputs = ceremony_inputs();
    let first = attested_record(&inputs);
    let later = inputs
        .clone()
        .with_earlier(vec![("batch-1.json".into(), first.clone())])
        .unwrap();
    let e = ceremony::announce(&later.committed(), &request())
        .unwrap_err()
        .to_string();
    assert!(e.contains("a later batch needs a later round"), "{e}");
    // Made by hand (the check skipped) and sealed: the draw refuses it too.
    let mut forged = ceremony::announce(
        &later.committed(),
        &Request {
            now: announced_at() + 600,
            ..request()
        },
    )
    .unwrap();
    assert!(forged.beacon.round > ROUND);
    forged.announced_at = "2023-09-15T10:50:02Z".into();
    forged.beacon.not_before = "2023-09-15T11:00:02Z".into();
    forged.beacon.round = ROUND;
    forged.beacon.emitted_at = EMITTED.into();
    let forged = resealed(forged);
    let e = refusal(&forged, &later, &bare_sources());
    assert!(e.contains("a later batch needs a later round"), "{e}");
}

/// Attack 5, a forged earlier batch: the insider takes batch 1's record, swaps a friendly
/// enterprise into one of its selections, recomputes its digest (§9.3) and draws batch 2
/// after it: the friendly enterprise is excluded from batch 2 as `earlier_batch`, with no
/// grinding. (Found by the browser verifier's red-team trial; every verifier accepted it.)
/// An earlier batch drawn from the same inputs must reproduce from them (§6.1): the draw
/// refuses the forged one, and a verification of a batch 2 drawn after it fails, naming it.
/// A batch drawn from other inputs cannot be re-drawn: its digest is named, to compare.
#[test]
fn a_forged_earlier_batch_is_refused_and_fails_verification() {
    let files = crate::fixtures::Files::synth(6, 300, 24, 11);
    let inputs = files.inputs();
    let first = draw(&inputs, &Seed::unattested("第一批").unwrap())
        .unwrap()
        .record;
    let selected: HashSet<&str> = first.tasks[0]
        .selected
        .iter()
        .map(|s| s.target.as_str())
        .collect();
    let friendly = files
        .targets
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .find(|id| !selected.contains(id))
        .unwrap()
        .to_owned();
    let mut forged = first.clone();
    forged.tasks[0].selected[0].target.clone_from(&friendly);
    forged.digest = forged.content_digest();
    let after = |earlier: &Record| {
        inputs
            .clone()
            .with_earlier(vec![("batch-1.json".into(), earlier.clone())])
            .unwrap()
    };

    // The genuine batch 1 reproduces; a draw after it goes ahead and verifies.
    let genuine = after(&first);
    let batches = shuangsui::verify::refuse_altered_earlier(&genuine).unwrap();
    assert_eq!(
        batches[0].outcome,
        shuangsui::verify::EarlierOutcome::Reproduced
    );
    let second = draw(&genuine, &Seed::unattested("第二批").unwrap())
        .unwrap()
        .record;
    assert!(verified(second.to_json(), &genuine).ok());

    // The forged one is refused before anything is drawn, in Chinese and English.
    let forged_inputs = after(&forged);
    let e = shuangsui::verify::refuse_altered_earlier(&forged_inputs).unwrap_err();
    assert_eq!(e.kind(), shuangsui::ErrorKind::InputsMismatch);
    assert!(
        e.message(Lang::Zh).contains(&forged.digest),
        "{}",
        e.message(Lang::Zh)
    );
    assert!(e.message(Lang::Zh).contains("未进行抽取"));
    // Drawn anyway (the library's draw alone does not re-draw earlier batches), it does not
    // verify: the forged batch is a difference.
    let steered = draw(&forged_inputs, &Seed::unattested("第二批").unwrap())
        .unwrap()
        .record;
    assert!(
        steered.tasks[0]
            .frame
            .excluded
            .contains_key("earlier_batch"),
        "the forged batch excludes"
    );
    let v = verified(steered.to_json(), &forged_inputs);
    assert!(!v.ok());
    assert!(
        v.differences.iter().any(|d| d.path == "earlier[1]"),
        "{:?}",
        v.differences
    );

    // A batch 1 drawn from another directory (a row more) is not re-drawn: it is named.
    let mut more = files.clone();
    more.targets = files.targets.clone()
        + &files.targets.lines().nth(1).unwrap().replacen(
            &files.targets.lines().nth(1).unwrap()[..18],
            "91110000802100433B",
            1,
        )
        + "\n";
    let other = draw(&more.inputs(), &Seed::unattested("第一批").unwrap())
        .unwrap()
        .record;
    let later = after(&other);
    let batches = shuangsui::verify::refuse_altered_earlier(&later).unwrap();
    assert_eq!(
        batches[0].outcome,
        shuangsui::verify::EarlierOutcome::OtherInputs
    );
    let note = batches[0].note(1).unwrap().message(Lang::Zh);
    assert!(
        note.contains(&other.digest) && note.contains("公告"),
        "{note}"
    );
    let second = draw(&later, &Seed::unattested("第二批").unwrap())
        .unwrap()
        .record;
    let v = verified(second.to_json(), &later);
    assert!(v.ok(), "{:?}", v.differences);
    assert!(
        v.notes
            .iter()
            .any(|n| n.id() == "verify-note-earlier-other")
    );
}

/// The command line refuses the forged batch 1 at `draw --after`, exit 2, writing nothing.
#[test]
fn draw_after_a_forged_batch_is_refused_by_the_cli() {
    let dir = TempDir::new("forged-earlier");
    let files = crate::fixtures::Files::synth(6, 300, 24, 11);
    files.write_to(&dir);
    let (code, _, err) = outcome(
        bin()
            .current_dir(&*dir)
            .arg("draw")
            .args(INPUT_FLAGS)
            .args(["--seed", "第一批", "--out", "batch-1.json"]),
    );
    assert_eq!(code, Some(0), "{err}");
    let mut record: Record =
        serde_json::from_slice(&std::fs::read(&*dir.join("batch-1.json")).unwrap()).unwrap();
    let taken: HashSet<String> = record.tasks[0]
        .selected
        .iter()
        .map(|s| s.target.clone())
        .collect();
    let friendly = files
        .targets
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_owned())
        .find(|id| !taken.contains(id))
        .unwrap();
    record.tasks[0].selected[0].target = friendly;
    record.digest = record.content_digest();
    std::fs::write(&*dir.join("forged.json"), record.to_json()).unwrap();
    let (code, _, err) = outcome(
        bin()
            .current_dir(&*dir)
            .arg("draw")
            .args(INPUT_FLAGS)
            .args([
                "--after",
                "forged.json",
                "--seed",
                "第二批",
                "--out",
                "batch-2.json",
            ]),
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("不能由这些输入重现") && err.contains(&record.digest),
        "{err}"
    );
    assert!(!dir.join("batch-2.json").exists());
}
