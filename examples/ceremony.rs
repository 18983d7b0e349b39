//! The ceremony in a platform (SPEC.md §5.3), step by step: freeze the inputs in an
//! announcement that names a future drand round, let a notary contribute, time-stamp and
//! publish it, and — once the round exists — check it and draw. The library has no clock
//! and no network: the platform gives the time, fetches the round and talks to the
//! time-stamp authority; each step below says what to send where.
//!
//! ```sh
//! cargo run --example ceremony
//! ```
//!
//! It runs offline at a 2023 clock, with the real quicknet round 657413 that the tests use
//! (`tests/fixtures/drand-quicknet.json`): a platform uses its own clock and the round it
//! announced.

use shuangsui::ceremony::{self, Request, Sources, beacon};
use shuangsui::dates::{format_rfc3339, parse_rfc3339};
use shuangsui::messages::Lang;
use shuangsui::{Inputs, Source, draw, verify};

const PLAN: &str = r#"
[plan]
id = "420100-2023-09"
name = "2023年9月双随机抽查"
authority = "武汉市市场监督管理局"

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
ratio = "50%"
team_size = 2
"#;
const TARGETS: &str = "id,name\n91110000802100433B,北京百度网讯科技有限公司\n9144030071526726XG,腾讯科技（深圳）有限公司\n91110108551385082Q,小米科技有限责任公司\n";
const OFFICERS: &str = "id,name\nE1,张三\nE2,李四\nE3,王五\n";

/// drand's public relays for quicknet: any of them serves a round as `/public/ROUND`, the
/// same bytes signed by the League of Entropy (the signature, not the relay, is trusted).
const RELAYS: [&str; 3] = [
    "https://api.drand.sh",
    "https://api2.drand.sh",
    "https://drand.cloudflare.com",
];

/// The rounds the tests use, as drand's relays return them.
const ROUNDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/drand-quicknet.json"
));

fn main() -> Result<(), shuangsui::Error> {
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: PLAN.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: TARGETS.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: OFFICERS.as_bytes(),
        },
    )?;

    // 1. The announcement session: the inputs are frozen, dice rolled in public, and the
    //    round is the first emitted at least ten minutes after `now` and not before the
    //    planned draw. `now` is the platform's clock (here 2023-09-15 16:00 Beijing time,
    //    the draw planned for 19:00); with parties named, what comes out is a draft.
    let now = parse_rfc3339("2023-09-15T08:00:00Z").expect("an RFC 3339 time");
    let draw_at = parse_rfc3339("2023-09-15T11:00:01Z").expect("an RFC 3339 time");
    let draft = ceremony::announce(
        &inputs.committed(),
        &Request {
            now,
            margin_secs: ceremony::DEFAULT_MARGIN_SECS,
            not_before: Some(draw_at),
            dice: "3 1 4 1".into(),
            parties: vec!["公证处".into()],
            previous: String::new(),
            replaces: None,
        },
    )?;
    let round = draft.beacon.round;
    println!(
        "announced round {round}, emitted at {}",
        draft.beacon.emitted_at
    );
    assert!(beacon::time_of(round) >= now + ceremony::DEFAULT_MARGIN_SECS);

    // 2. Contributions: the notary, on its own machine, reads the draft, chooses a secret
    //    and sends back its contribution, made for this draft's body and no other.
    let secret = "公证员现场选定的秘密";
    let body = ceremony::body_digest(&draft);
    let contribution = ceremony::contribution(&body, "公证处", secret);
    let announcement = ceremony::with_parties(
        &draft,
        &[("公证处".into(), contribution)],
        now + 300,
        ceremony::DEFAULT_MARGIN_SECS,
    )?;
    ceremony::check_announcement(&announcement)?;

    // 3. Time-stamp and publish, before the round. The file is exactly these bytes; an RFC
    //    3161 request is made over their SHA-256 (`openssl ts -query -data announcement.json
    //    -sha256 -cert`, or BouncyCastle's TimeStampRequestGenerator in a Java platform), and
    //    the authority's reply (.tsr) is given to the draw as `Sources::timestamp`, its
    //    certificate as `Sources::tsa_cert`.
    let file = ceremony::to_json(&announcement);
    println!(
        "publish announcement.json ({} bytes, digest {})",
        file.len(),
        ceremony::digest_of(&announcement)
    );

    // 4. The draw (D), once the round exists: fetch it from any relay, check it (its BLS
    //    signature against the quicknet key built in, offline) and take the seed.
    for relay in RELAYS {
        println!("fetch {relay}/{}/public/{round}", beacon::CHAIN_HASH);
    }
    let fetched = fetched_round(round);
    let round = beacon::Round::parse("round.json", fetched.as_bytes())?;
    let (seed, _attestation, attested) = ceremony::attest(
        &announcement,
        &inputs.committed(),
        &Sources {
            replaced: Vec::new(),
            round,
            reveals: vec![("公证处".into(), secret.into())],
            timestamp: None,
            tsa_cert: None,
            same_files: true,
        },
    )?;
    println!(
        "beacon: {:?}; time anchor: {:?}",
        attested.beacon, attested.anchor
    );
    let outcome = draw(&inputs, &seed)?;
    let record = outcome.record.to_json();
    for task in &outcome.record.tasks {
        for s in &task.selected {
            println!("{} {} {}", task.id, s.target, s.officers.join("、"));
        }
    }

    // 5. Anyone checks it: the record reproduces from the published inputs, and the
    //    verification says what it proved and what rests on procedure.
    let v = verify(
        Source {
            name: "record.json",
            bytes: record.as_bytes(),
        },
        &inputs,
    )?;
    assert!(v.ok(), "{v:?}");
    for g in &v.guarantees {
        println!("{}", g.message(Lang::Zh));
    }
    println!("announced at {}", format_rfc3339(now));
    Ok(())
}

/// The round's JSON as a relay returns it (`{"round", "randomness", "signature"}`), here
/// from the fixture file instead of the network.
fn fetched_round(round: u64) -> String {
    let chain: serde_json::Value = serde_json::from_str(ROUNDS).expect("the fixture is JSON");
    let r = chain["rounds"]
        .as_array()
        .expect("rounds")
        .iter()
        .find(|r| r["round"] == round)
        .expect("the fixture holds the announced round");
    serde_json::json!({
        "round": r["round"],
        "randomness": r["randomness"],
        "signature": r["signature"],
    })
    .to_string()
}
