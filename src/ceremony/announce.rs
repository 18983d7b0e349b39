//! Announce first, then randomness no one controls (SPEC.md §5.3).
//!
//! An announcement freezes everything a draw depends on before the randomness
//! exists: the inputs (their digests), the dice rolled in public at the
//! announcement, the parties' contributions, and a future drand quicknet round.
//! The seed is SHA-256 of the announcement's digest and that round alone: the
//! beacon is the last input, so nothing entered after the round is emitted can
//! change the seed. Announcements for one plan form a chain of attempts, so a
//! redo cites the attempt it replaces and stays visible.

use serde::{Deserialize, Serialize};

use crate::base::canonical::{Encoder, Hash, sha256, to_hex};
use crate::base::dates::{format_rfc3339, parse_rfc3339};
use crate::ceremony::beacon::{self, Checked};
use crate::ceremony::seed::{Seed, SeedSource};
use crate::ceremony::timestamp;
use crate::draw::Inputs;
use crate::draw::record::InputDigest;
use crate::error::{Error, Result};
use crate::inputs::digest::SPEC_VERSION;

/// The default margin between the announcement and the beacon round: ten minutes.
pub const DEFAULT_MARGIN_SECS: i64 = 600;

/// A published announcement (SPEC.md §5.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// The spec version: `"2"`.
    pub spec: String,
    /// The plan's id.
    pub plan: String,
    /// Which attempt at drawing this plan (batch) it is: 1, or one more than the
    /// attempt it replaces.
    pub attempt: u32,
    /// The digest of the announcement this one replaces (an attempt that was not
    /// drawn), or `""` for a first attempt.
    pub replaces: String,
    /// Why the replaced attempt was not drawn, or `""` for a first attempt.
    pub reason: String,
    /// The inputs' digests, frozen.
    pub inputs: AnnouncedInputs,
    /// The digest of the record this draw follows (a later batch), or `""`.
    pub previous: String,
    /// When it was made, by the announcing machine's clock, UTC.
    pub announced_at: String,
    /// The beacon round whose randomness will seed the draw.
    pub beacon: AnnouncedBeacon,
    /// The dice digits rolled in public at the announcement, `""` for none.
    pub dice: String,
    /// Parties' contributions, sorted by name.
    pub parties: Vec<Contribution>,
    /// The announcement's digest (SPEC.md §5.3).
    pub digest: String,
}

/// Digests of the announced inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnouncedInputs {
    /// The plan.
    pub plan: InputDigest,
    /// The target directory.
    pub targets: InputDigest,
    /// The officer roster.
    pub officers: InputDigest,
    /// The digest of the officers' names (SPEC.md §3.4), hex, `""` for a roster
    /// without names: frozen here because names are outside the roster's digest.
    pub officer_names: String,
    /// The earlier batches' record digests, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<String>,
    /// The history file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<InputDigest>,
    /// The conflicts file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<InputDigest>,
}

/// The announced beacon round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnouncedBeacon {
    /// The chain: drand quicknet's chain hash.
    pub chain_hash: String,
    /// The first round emitted at or after `not_before`.
    pub round: u64,
    /// The earliest time the randomness may come from, UTC: at least the margin after
    /// `announced_at`.
    pub not_before: String,
    /// When the round is emitted, UTC.
    pub emitted_at: String,
}

/// A party's contribution, fixed in the announcement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// The party (notary, observer, the bureau …), normalised with `text`.
    pub name: String,
    /// `contribution(body, name, secret)`, hex (SPEC.md §5.3).
    pub contribution: String,
}

/// How an attested seed was made, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// The announcement, whole.
    pub announcement: Announcement,
    /// The attempts it replaces, oldest first: each was announced and not drawn.
    pub replaced: Vec<Announcement>,
    /// The announced beacon round, as drand published it.
    pub beacon: UsedRound,
    /// Secrets the parties chose to reveal, sorted by name: each shows that its
    /// party's contribution was made for this announcement. Not part of the seed.
    pub reveals: Vec<Reveal>,
    /// An RFC 3161 time-stamp token over the announcement file, base64 (DER), or `""`.
    pub timestamp: String,
}

/// The beacon round a draw used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsedRound {
    /// The round.
    pub round: u64,
    /// Its randomness, hex.
    pub randomness: String,
    /// Its signature, hex.
    pub signature: String,
}

/// A revealed secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reveal {
    /// The party.
    pub name: String,
    /// The secret.
    pub secret: String,
}

fn tag(name: &str) -> String {
    format!("shuangsui/v{SPEC_VERSION}/{name}")
}

/// `contribution = SHA-256(str("shuangsui/v2/contribution") ‖ body ‖ str(name) ‖
/// str(secret))`, hex, where `body` is the announcement's [`body_digest`]: the
/// contribution serves this announcement and no other (SPEC.md §5.3).
pub fn contribution(body: &Hash, name: &str, secret: &str) -> String {
    let mut e = Encoder::new(&tag("contribution"));
    e.hash(body)
        .str(&crate::base::normalize::text(name))
        .str(secret);
    to_hex(&e.finish())
}

/// An announcement's serialisation (SPEC.md §9.2): the bytes of its file, and
/// what an RFC 3161 time-stamp is made over.
pub fn to_json(a: &Announcement) -> String {
    let mut s = serde_json::to_string_pretty(a).expect("an announcement always serialises");
    s.push('\n');
    s
}

/// The digest of an announcement: like a record's (SPEC.md §9.3), over its
/// pretty JSON without `digest`, with the tag `shuangsui/v2/announcement`.
pub fn digest_of(a: &Announcement) -> String {
    let mut value = serde_json::to_value(a).expect("an announcement always serialises");
    if let Some(obj) = value.as_object_mut() {
        obj.shift_remove("digest");
    }
    let text = serde_json::to_string_pretty(&value).expect("a value always serialises");
    let mut e = Encoder::new(&tag("announcement"));
    e.bytes(text.as_bytes());
    to_hex(&e.finish())
}

/// The digest parties contribute to: [`digest_of`] the announcement with every
/// contribution `""` — the draft. Everything else — inputs, round, dice, attempt and
/// which parties contribute — is fixed by it.
pub fn body_digest(a: &Announcement) -> Hash {
    let body = Announcement {
        parties: a
            .parties
            .iter()
            .map(|p| Contribution {
                name: p.name.clone(),
                contribution: String::new(),
            })
            .collect(),
        ..a.clone()
    };
    unhex(&digest_of(&body)).expect("a digest is 64 hex digits")
}

fn unhex(s: &str) -> Option<Hash> {
    if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    hex::decode(s).ok()?.try_into().ok()
}

fn input_digest(canonical: &Hash, raw: &Hash) -> InputDigest {
    InputDigest {
        digest: to_hex(canonical),
        sha256: to_hex(raw),
    }
}

fn announced_inputs(inputs: &Inputs) -> AnnouncedInputs {
    AnnouncedInputs {
        plan: input_digest(&inputs.digests.plan, &inputs.raw[0]),
        targets: input_digest(&inputs.digests.targets, &inputs.raw[1]),
        officers: input_digest(&inputs.digests.officers, &inputs.raw[2]),
        officer_names: crate::inputs::digest::officer_names(&inputs.officers)
            .map(|h| to_hex(&h))
            .unwrap_or_default(),
        earlier: inputs.earlier.iter().map(|r| r.digest.clone()).collect(),
        history: inputs
            .history
            .as_ref()
            .map(|(t, raw)| input_digest(&crate::inputs::digest::table(t), raw)),
        conflicts: inputs
            .conflicts
            .as_ref()
            .map(|(t, raw)| input_digest(&crate::inputs::digest::table(t), raw)),
    }
}

/// What the operator announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The clock: Unix seconds when the announcement is made. The library has no clock.
    pub now: i64,
    /// Seconds between the announcement and the earliest beacon round (at least 0).
    pub margin_secs: i64,
    /// The earliest time for the round, when later than `now` + margin (Unix seconds).
    pub not_before: Option<i64>,
    /// The dice digits rolled in public at the announcement (whitespace ignored), `""` for none.
    pub dice: String,
    /// The parties who will contribute: with any, [`announce`] makes a **draft** (their
    /// contributions empty), which cannot be drawn until [`with_parties`] completes it.
    pub parties: Vec<String>,
    /// The record this draw follows, or `""`.
    pub previous: String,
    /// The attempt this one replaces, and why it was not drawn.
    pub replaces: Option<(Announcement, String)>,
}

/// The most dice digits an announcement takes.
pub const MAX_DICE: usize = 64;

fn bad(message: String) -> Error {
    Error::Announcement { message }
}

/// Makes an announcement (SPEC.md §5.3). Refuses a round that `request.now` says
/// is emitted within the margin: its randomness could be known before the
/// announcement is published.
pub fn announce(inputs: &Inputs, request: &Request) -> Result<Announcement> {
    if request.margin_secs < 0 {
        return Err(bad("the margin cannot be negative".into()));
    }
    let earliest = request.now + request.margin_secs;
    let not_before = match request.not_before {
        Some(t) if t <= request.now => {
            return Err(bad(format!(
                "{} is already past (now {}): the round must be one that is not yet emitted",
                format_rfc3339(t),
                format_rfc3339(request.now)
            )));
        }
        Some(t) if t < earliest => {
            return Err(bad(format!(
                "the round cannot come before {}: that is within the margin of {} minutes after now ({}), so its randomness might be public before the announcement is",
                format_rfc3339(t),
                request.margin_secs / 60,
                format_rfc3339(request.now)
            )));
        }
        Some(t) => t,
        None => earliest,
    };
    let round = beacon::round_at(not_before);
    let dice: String = request
        .dice
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if dice.len() > MAX_DICE || !dice.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(format!(
            "the dice: expected at most {MAX_DICE} digits 0–9 rolled in public (whitespace ignored), found '{dice}'"
        )));
    }
    let (attempt, replaces, reason) = match &request.replaces {
        None => (1, String::new(), String::new()),
        Some((old, why)) => {
            check_announcement(old)?;
            if old.plan != inputs.plan.id {
                return Err(bad(format!(
                    "the replaced announcement is for plan '{}', not '{}'",
                    old.plan, inputs.plan.id
                )));
            }
            let why = crate::base::normalize::text(why);
            if why.is_empty() {
                return Err(bad(
                    "say why the replaced attempt was not drawn: the reason is published".into(),
                ));
            }
            if beacon::round_at(not_before) <= old.beacon.round {
                return Err(bad(format!(
                    "the redo must name a round later than the replaced attempt's round {} (emitted {}): give --not-before after it",
                    old.beacon.round, old.beacon.emitted_at
                )));
            }
            let attempt = old
                .attempt
                .checked_add(1)
                .ok_or_else(|| bad("too many attempts".into()))?;
            (attempt, old.digest.clone(), why)
        }
    };
    let mut a = Announcement {
        spec: SPEC_VERSION.into(),
        plan: inputs.plan.id.clone(),
        attempt,
        replaces,
        reason,
        inputs: announced_inputs(inputs),
        previous: request.previous.clone(),
        announced_at: format_rfc3339(request.now),
        beacon: AnnouncedBeacon {
            chain_hash: beacon::CHAIN_HASH.into(),
            round,
            not_before: format_rfc3339(not_before),
            emitted_at: format_rfc3339(beacon::time_of(round)),
        },
        dice,
        parties: Vec::new(),
        digest: String::new(),
    };
    for name in &request.parties {
        let name = crate::base::normalize::text(name);
        if name.is_empty() || a.parties.iter().any(|p| p.name == name) {
            return Err(bad(format!(
                "party '{name}': each party needs a distinct, non-empty name"
            )));
        }
        a.parties.push(Contribution {
            name,
            contribution: String::new(),
        });
    }
    a.parties.sort_by(|x, y| x.name.cmp(&y.name));
    a.digest = digest_of(&a);
    if a.parties.is_empty() {
        check_announcement(&a)?;
    } else {
        check_draft(&a)?;
    }
    check_after_earlier(&a, inputs)?;
    Ok(a)
}

/// True when the announcement is a draft: its parties are named but have not contributed.
pub fn is_draft(a: &Announcement) -> bool {
    !a.parties.is_empty() && a.parties.iter().all(|p| p.contribution.is_empty())
}

/// Checks a draft (SPEC.md §5.3.3): well-formed but for its empty contributions.
pub fn check_draft(a: &Announcement) -> Result<()> {
    if !is_draft(a) {
        return Err(bad(
            "not a draft: a draft names its parties, none of whom has contributed yet".into(),
        ));
    }
    check(a, true)
}

/// Completes a draft with its parties' contributions (each made for the draft's
/// [`body_digest`]): one for every party the draft names, and no other. Everything else
/// stays as the draft fixed it, `announced_at` included; the round must still be more
/// than `margin_secs` after `now`.
pub fn with_parties(
    draft: &Announcement,
    parties: &[(String, String)],
    now: i64,
    margin_secs: i64,
) -> Result<Announcement> {
    check_draft(draft)?;
    let emitted = beacon::time_of(draft.beacon.round);
    if emitted <= now {
        return Err(bad(format!(
            "round {} was already emitted at {} (now {}): this draft can no longer be completed; announce again, replacing it",
            draft.beacon.round,
            draft.beacon.emitted_at,
            format_rfc3339(now)
        )));
    }
    if emitted < now + margin_secs.max(0) {
        return Err(bad(format!(
            "round {} is emitted at {}, within the margin of {} minutes after now ({}): too late to publish it first; announce again, replacing this draft",
            draft.beacon.round,
            draft.beacon.emitted_at,
            margin_secs / 60,
            format_rfc3339(now)
        )));
    }
    let mut list = draft.parties.clone();
    for (name, c) in parties {
        let name = crate::base::normalize::text(name);
        let c = c.trim().to_ascii_lowercase();
        let Some(slot) = list.iter_mut().find(|p| p.name == name) else {
            return Err(bad(format!(
                "'{name}' is not a party the draft names ({}): the parties were fixed when it was made",
                draft
                    .parties
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        };
        if unhex(&c).is_none() || !slot.contribution.is_empty() {
            return Err(bad(format!(
                "party '{name}': expected one 64-hex-digit contribution, found '{c}'"
            )));
        }
        slot.contribution = c;
    }
    if let Some(missing) = list.iter().find(|p| p.contribution.is_empty()) {
        return Err(bad(format!(
            "party '{}' has not contributed: every party the draft names must",
            missing.name
        )));
    }
    let mut a = Announcement {
        parties: list,
        digest: String::new(),
        ..draft.clone()
    };
    a.digest = digest_of(&a);
    check_announcement(&a)?;
    Ok(a)
}

/// A time written as the announcement writes it: `YYYY-MM-DDTHH:MM:SSZ`.
fn utc_time(member: &str, s: &str) -> Result<i64> {
    match parse_rfc3339(s) {
        Some(t) if format_rfc3339(t) == s => Ok(t),
        _ => Err(bad(format!(
            "{member} '{s}' is not a UTC time written as YYYY-MM-DDTHH:MM:SSZ"
        ))),
    }
}

/// Checks an announcement on its own (SPEC.md §5.3): its digest, its times and
/// round (the round is the one `not_before` gives, emitted when the beacon says),
/// its dice, parties and attempt. Nothing else is needed to check it.
pub fn check_announcement(a: &Announcement) -> Result<()> {
    if is_draft(a) {
        return Err(bad(
            "this is a draft: its parties have not contributed yet; complete it (finalize) before it is published and drawn".into(),
        ));
    }
    check(a, false)
}

fn check(a: &Announcement, draft: bool) -> Result<()> {
    if a.spec != SPEC_VERSION {
        return Err(bad(format!(
            "spec '{}': this build implements announcements of spec version {SPEC_VERSION}",
            a.spec
        )));
    }
    if digest_of(a) != a.digest {
        return Err(bad(
            "the announcement's digest does not match its content: it was changed after it was made".into(),
        ));
    }
    let announced = utc_time("announced_at", &a.announced_at)?;
    let not_before = utc_time("beacon.not_before", &a.beacon.not_before)?;
    let emitted = utc_time("beacon.emitted_at", &a.beacon.emitted_at)?;
    if not_before < announced {
        return Err(bad(format!(
            "beacon.not_before {} is earlier than announced_at {}",
            a.beacon.not_before, a.announced_at
        )));
    }
    let round = beacon::round_at(not_before);
    if a.beacon.round != round {
        return Err(bad(format!(
            "beacon.round {} is not the first round emitted at or after not_before {} (that is round {round})",
            a.beacon.round, a.beacon.not_before
        )));
    }
    if emitted != beacon::time_of(round) {
        return Err(bad(format!(
            "beacon.emitted_at {} is not when round {round} is emitted ({})",
            a.beacon.emitted_at,
            format_rfc3339(beacon::time_of(round))
        )));
    }
    if a.beacon.chain_hash != beacon::CHAIN_HASH {
        return Err(bad(format!(
            "beacon.chain_hash {} is not drand quicknet's",
            a.beacon.chain_hash
        )));
    }
    if a.dice.len() > MAX_DICE || !a.dice.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(format!(
            "dice '{}' is not a string of at most {MAX_DICE} digits",
            a.dice
        )));
    }
    for (i, p) in a.parties.iter().enumerate() {
        if p.name.is_empty() || crate::base::normalize::text(&p.name) != p.name {
            return Err(bad(format!("party name '{}' is not normalised", p.name)));
        }
        if i > 0 && a.parties[i - 1].name >= p.name {
            return Err(bad("the parties are not sorted by name and distinct".into()));
        }
        if !(draft && p.contribution.is_empty()) && unhex(&p.contribution).is_none() {
            return Err(bad(format!(
                "party '{}': the contribution is not 64 lower-case hex digits",
                p.name
            )));
        }
    }
    let first = a.attempt == 1;
    if a.attempt == 0
        || first != a.replaces.is_empty()
        || first != a.reason.is_empty()
        || (!first && unhex(&a.replaces).is_none())
    {
        return Err(bad(format!(
            "attempt {}: a first attempt replaces nothing; a later one names the digest of the attempt it replaces and why it was not drawn",
            a.attempt
        )));
    }
    if !a.previous.is_empty() && !a.inputs.earlier.contains(&a.previous) {
        return Err(bad(format!(
            "previous '{}' is not one of the earlier batches' records the announcement freezes (inputs.earlier)",
            a.previous
        )));
    }
    let control = |t: &str| crate::base::normalize::first_control(t).is_some();
    if control(&a.reason) || crate::base::normalize::text(&a.reason) != a.reason {
        return Err(bad("the reason is not normalised text".into()));
    }
    if a.parties.iter().any(|p| control(&p.name)) {
        return Err(bad("a party name holds a control character".into()));
    }
    Ok(())
}

/// Checks the chain of attempts: `replaced` holds every earlier attempt, oldest
/// first, each replaced by the next (SPEC.md §5.3).
pub fn check_chain(a: &Announcement, replaced: &[Announcement]) -> Result<()> {
    if replaced.len() + 1 != a.attempt as usize {
        return Err(bad(format!(
            "attempt {} needs the {} earlier announcement(s) it follows, {} given: every attempt stays visible",
            a.attempt,
            a.attempt.saturating_sub(1),
            replaced.len()
        )));
    }
    let mut later = a;
    for old in replaced.iter().rev() {
        check_announcement(old)?;
        if later.replaces != old.digest
            || old.attempt.checked_add(1) != Some(later.attempt)
            || old.plan != a.plan
        {
            return Err(bad(format!(
                "attempt {} replaces {}, not attempt {} ({}) of plan '{}'",
                later.attempt, later.replaces, old.attempt, old.digest, old.plan
            )));
        }
        if later.beacon.round <= old.beacon.round {
            return Err(bad(format!(
                "attempt {} names round {}, not later than round {} of the attempt {} it replaces: a redo must wait for a new round, or it would offer a choice between two seeds",
                later.attempt, later.beacon.round, old.beacon.round, old.attempt
            )));
        }
        if old.announced_at > later.announced_at {
            return Err(bad(format!(
                "attempt {} is announced at {}, before the attempt {} it replaces ({})",
                later.attempt, later.announced_at, old.attempt, old.announced_at
            )));
        }
        later = old;
    }
    Ok(())
}

/// `seed = SHA-256(str("shuangsui/v2/seed") ‖ announcement digest ‖ u64(round) ‖
/// randomness)` (SPEC.md §5.3): the beacon is the last input.
pub fn seed_of(announcement_digest: &Hash, round: u64, randomness: &Hash) -> Hash {
    let mut e = Encoder::new(&tag("seed"));
    e.hash(announcement_digest).u64(round).hash(randomness);
    e.finish()
}

/// What the draw presents: the announced round and what the parties reveal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources<'a> {
    /// The attempts this announcement replaces, oldest first.
    pub replaced: Vec<Announcement>,
    /// The beacon round, as drand's HTTP API returns it.
    pub round: beacon::Round,
    /// (party, secret): optional; each must open its party's contribution.
    pub reveals: Vec<(String, String)>,
    /// An RFC 3161 time-stamp token over the announcement file (DER or a `.tsr`
    /// response), or `None`.
    pub timestamp: Option<Vec<u8>>,
    /// The TSA's certificate (PEM or DER) to check the token's signature with.
    pub tsa_cert: Option<&'a [u8]>,
    /// The inputs must be the announced files byte for byte (true at the draw; a
    /// verifier may hold public copies with the same content).
    pub same_files: bool,
}

/// What anchors the announcement in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeAnchor {
    /// No time-stamp: that the announcement was public before the round rests on
    /// its publication.
    None,
    /// A token whose imprint and time were checked, but not its signature (no TSA
    /// certificate was given).
    Unchecked {
        /// The token's time, UTC.
        time: String,
    },
    /// A token verified against the TSA's certificate.
    Verified(timestamp::Anchor),
}

/// What was checked of an attestation, beyond the seed it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attested {
    /// What was checked of the beacon's signature.
    pub beacon: Checked,
    /// The announcement's anchor in time.
    pub anchor: TimeAnchor,
}

/// Checks the sources against an announcement and the inputs, and derives the
/// seed (SPEC.md §5.3). Returns the seed, the attestation the record keeps, and
/// what was checked.
pub fn attest(
    announcement: &Announcement,
    inputs: &Inputs,
    sources: &Sources<'_>,
) -> Result<(Seed, Attestation, Attested)> {
    check_announcement(announcement)?;
    check_chain(announcement, &sources.replaced)?;
    check_inputs(announcement, inputs, sources.same_files)?;
    check_after_earlier(announcement, inputs)?;
    let round = &sources.round;
    let announced = announcement.beacon.round;
    if round.round != announced {
        return Err(bad(format!(
            "beacon round {} is not the announced round {announced}: a draw can only come from its announced round (drand emits every round; after an outage it catches up)",
            round.round
        )));
    }
    let (randomness, checked) =
        beacon::check(round).map_err(|e| bad(format!("beacon round {}: {e}", round.round)))?;
    let body = body_digest(announcement);
    let mut reveals: Vec<Reveal> = Vec::new();
    for (name, secret) in &sources.reveals {
        let name = crate::base::normalize::text(name);
        let Some(c) = announcement.parties.iter().find(|p| p.name == name) else {
            return Err(bad(format!("'{name}' is not an announced party")));
        };
        if contribution(&body, &name, secret) != c.contribution {
            return Err(bad(format!(
                "the secret revealed by '{name}' does not open its contribution {}: it was not made for this announcement",
                c.contribution
            )));
        }
        if reveals.iter().any(|r| r.name == name) {
            return Err(bad(format!("'{name}' revealed twice")));
        }
        reveals.push(Reveal {
            name,
            secret: secret.clone(),
        });
    }
    reveals.sort_by(|a, b| a.name.cmp(&b.name));
    let (token, anchor) = match &sources.timestamp {
        None => (String::new(), TimeAnchor::None),
        Some(bytes) => {
            let (der, anchor) = check_timestamp(announcement, bytes, sources.tsa_cert)?;
            (base64_encode(&der), anchor)
        }
    };
    let digest = unhex(&announcement.digest).ok_or_else(|| bad("bad digest".into()))?;
    let seed = seed_of(&digest, round.round, &randomness);
    let attestation = Attestation {
        announcement: announcement.clone(),
        replaced: sources.replaced.clone(),
        beacon: UsedRound {
            round: round.round,
            randomness: to_hex(&randomness),
            signature: round.signature.trim().to_ascii_lowercase(),
        },
        reveals,
        timestamp: token,
    };
    let seed = Seed {
        value: to_hex(&seed),
        source: SeedSource::Beacon,
        attestation: Some(Box::new(attestation.clone())),
    };
    Ok((
        seed,
        attestation,
        Attested {
            beacon: checked,
            anchor,
        },
    ))
}

/// Checks a time-stamp token against the announcement (SPEC.md §5.3): its imprint
/// is SHA-256 of the announcement file, its time is before the round is emitted,
/// and, with the TSA's certificate, its signature. Returns the token's DER.
pub fn check_timestamp(
    a: &Announcement,
    token: &[u8],
    tsa_cert: Option<&[u8]>,
) -> Result<(Vec<u8>, TimeAnchor)> {
    let file = to_json(a);
    let parsed = timestamp::parse(token).map_err(|e| bad(format!("the time-stamp token: {e}")))?;
    if parsed.imprint != sha256(file.as_bytes()) {
        return Err(bad(
            "the time-stamp token is for other bytes than this announcement's file".into(),
        ));
    }
    let emitted = beacon::time_of(a.beacon.round);
    if parsed.time >= emitted {
        return Err(bad(format!(
            "the time-stamp token says {}, not before {} when round {} was emitted: it does not show the announcement existed before the randomness",
            parsed.time_text, a.beacon.emitted_at, a.beacon.round
        )));
    }
    let anchor = match tsa_cert {
        None => TimeAnchor::Unchecked {
            time: parsed.time_text.clone(),
        },
        Some(cert) => TimeAnchor::Verified(
            timestamp::check(&parsed.der, file.as_bytes(), cert)
                .map_err(|e| bad(format!("the time-stamp token: {e}")))?,
        ),
    };
    Ok((parsed.der, anchor))
}

/// Standard base64 with padding (RFC 4648 §4), as the record keeps a token.
pub fn base64_encode(bytes: &[u8]) -> String {
    use base64ct::Encoding as _;
    base64ct::Base64::encode_string(bytes)
}

/// Decodes [`base64_encode`]'s form, canonical only (padding, no whitespace, no stray bits);
/// `None` for anything else.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    use base64ct::Encoding as _;
    let out = base64ct::Base64::decode_vec(s).ok()?;
    (base64_encode(&out) == s).then_some(out)
}

/// A later batch's round must come after every earlier batch's round (SPEC.md §5.3.4): the
/// earlier draw, its randomness public, cannot share a round with the one that follows it.
pub fn check_after_earlier(a: &Announcement, inputs: &Inputs) -> Result<()> {
    for r in &inputs.earlier {
        if let Some(e) = &r.seed.attestation
            && a.beacon.round <= e.beacon.round
        {
            return Err(bad(format!(
                "round {} is not later than round {} of the earlier batch {} it follows: a later batch needs a later round",
                a.beacon.round, e.beacon.round, r.digest
            )));
        }
    }
    Ok(())
}

/// The inputs must be the announced ones: an error names the first that is not.
/// With `same_files`, the files must also be the announced bytes (the draw); without,
/// a copy with the same content will do (a verifier's public copies, SPEC.md §10).
pub fn check_inputs(announcement: &Announcement, inputs: &Inputs, same_files: bool) -> Result<()> {
    let now = announced_inputs(inputs);
    let pairs = [
        ("plan", Some(&announcement.inputs.plan), Some(&now.plan)),
        (
            "targets",
            Some(&announcement.inputs.targets),
            Some(&now.targets),
        ),
        (
            "officers",
            Some(&announcement.inputs.officers),
            Some(&now.officers),
        ),
        (
            "history",
            announcement.inputs.history.as_ref(),
            now.history.as_ref(),
        ),
        (
            "conflicts",
            announcement.inputs.conflicts.as_ref(),
            now.conflicts.as_ref(),
        ),
    ];
    for (name, announced, found) in pairs {
        if same_files
            && let (Some(a), Some(f)) = (announced, found)
            && a.digest == f.digest
            && a.sha256 != f.sha256
        {
            return Err(Error::Announcement {
                message: format!(
                    "the {name} file has the announced content but not the announced bytes (SHA-256 {}, announced {}): draw from the very file that was announced",
                    f.sha256, a.sha256
                ),
            });
        }
        if announced.map(|d| &d.digest) != found.map(|d| &d.digest) {
            return Err(Error::Announcement {
                message: format!(
                    "the {name} file is not the one announced (canonical digest {}, announced {}): inputs cannot change after the announcement",
                    found.map_or("(none)", |d| d.digest.as_str()),
                    announced.map_or("(none)", |d| d.digest.as_str())
                ),
            });
        }
    }
    // A copy without names (published hidden) cannot be compared; the verifier says so.
    if !now.officer_names.is_empty() && now.officer_names != announcement.inputs.officer_names {
        return Err(Error::Announcement {
            message: format!(
                "the officers' names are not the ones announced (names digest {}, announced '{}'): an officer cannot be renamed after the announcement",
                now.officer_names, announcement.inputs.officer_names
            ),
        });
    }
    if announcement.inputs.earlier != now.earlier {
        return Err(Error::Announcement {
            message: "the earlier batches' records are not the ones announced".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_canonical_rfc_4648() {
        for n in 0..10u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            let text = base64_encode(&bytes);
            assert_eq!(base64_decode(&text), Some(bytes));
        }
        assert_eq!(base64_encode(b"A"), "QQ==");
        // Missing padding, stray bits, whitespace, another alphabet: refused.
        for bad in ["QQ", "QR==", " QQ==", "QQ==\n", "-_8=", "Q==="] {
            assert_eq!(base64_decode(bad), None, "{bad:?}");
        }
    }
}
