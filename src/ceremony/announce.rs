//! Announce first, then randomness no one controls (SPEC.md §5.3).
//!
//! An announcement freezes everything a draw depends on before the randomness
//! exists: the inputs (their digests), the dice rolled in public at the
//! announcement, the parties' contributions, and a future drand quicknet round.
//! The seed is SHA-256 of the announcement's digest and that round alone: the
//! beacon is the last input, so nothing entered after the round is emitted can
//! change the seed. Announcements for one plan form a chain of attempts, so a
//! redo cites the attempt it replaces and stays visible.

use super::announcement::{
    AnnouncedBeacon, Announcement, Committed, Contribution, MAX_DICE, bad, digest_of, unhex,
};
use crate::base::canonical::SPEC_VERSION;
use crate::ceremony::beacon::{self};
use crate::dates::{format_rfc3339, parse_rfc3339};
use crate::error::Result;
use crate::messages::msg;

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

/// The latest time an announcement may name: 9999-12-31T23:59:59Z, the last an RFC 3339
/// time can write.
const LAST_TIME: i64 = 253_402_300_799;

/// Refuses a time (Unix seconds) before drand quicknet's first round or after [`LAST_TIME`]:
/// most often milliseconds given for seconds.
fn in_range(t: i64) -> Result<()> {
    if (beacon::GENESIS..=LAST_TIME).contains(&t) {
        Ok(())
    } else {
        Err(bad(msg("announce-time-out-of-range").arg("time", t)))
    }
}

/// Makes an announcement (SPEC.md §5.3). Refuses a round that `request.now` says
/// is emitted within the margin: its randomness could be known before the
/// announcement is published.
pub fn announce(committed: &Committed, request: &Request) -> Result<Announcement> {
    if request.margin_secs < 0 {
        return Err(bad(msg("announce-margin-negative")));
    }
    in_range(request.now)?;
    if let Some(t) = request.not_before {
        in_range(t)?;
    }
    let earliest = request.now.saturating_add(request.margin_secs);
    let not_before = match request.not_before {
        Some(t) if t <= request.now => {
            return Err(bad(msg("announce-not-before-past")
                .arg("time", format_rfc3339(t))
                .arg("now", format_rfc3339(request.now))));
        }
        Some(t) if t < earliest => {
            return Err(bad(msg("announce-not-before-in-margin")
                .arg("time", format_rfc3339(t))
                .arg("minutes", request.margin_secs / 60)
                .arg("now", format_rfc3339(request.now))));
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
        return Err(bad(msg("announce-dice-invalid")
            .arg("max", MAX_DICE)
            .arg("dice", dice)));
    }
    let (attempt, replaces, reason) = match &request.replaces {
        None => (1, String::new(), String::new()),
        Some((old, why)) => {
            check_announcement(old)?;
            if old.plan != committed.plan {
                return Err(bad(msg("announce-replaced-other-plan")
                    .arg("replaced", &old.plan)
                    .arg("plan", &committed.plan)));
            }
            let why = crate::base::normalize::text(why);
            if why.is_empty() {
                return Err(bad(msg("announce-reason-missing")));
            }
            if beacon::round_at(not_before) <= old.beacon.round {
                return Err(bad(msg("announce-redo-round-not-later")
                    .arg("round", old.beacon.round)
                    .arg("emitted", &old.beacon.emitted_at)));
            }
            let attempt = old
                .attempt
                .checked_add(1)
                .ok_or_else(|| bad(msg("announce-too-many-attempts")))?;
            (attempt, old.digest.clone(), why)
        }
    };
    let mut a = Announcement {
        spec: SPEC_VERSION.into(),
        plan: committed.plan.clone(),
        attempt,
        replaces,
        reason,
        inputs: committed.inputs.clone(),
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
            return Err(bad(msg("announce-party-name").arg("name", name)));
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
    check_after_earlier(&a, committed)?;
    Ok(a)
}

/// True when the announcement is a draft: its parties are named but have not contributed.
pub fn is_draft(a: &Announcement) -> bool {
    !a.parties.is_empty() && a.parties.iter().all(|p| p.contribution.is_empty())
}

/// Checks a draft (SPEC.md §5.3.3): well-formed but for its empty contributions.
pub fn check_draft(a: &Announcement) -> Result<()> {
    if !is_draft(a) {
        return Err(bad(msg("announce-not-draft")));
    }
    check(a, true)
}

/// Completes a draft with its parties' contributions (each made for the draft's
/// [`body_digest`](crate::ceremony::body_digest)): one for every party the draft names, and no other. Everything else
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
        return Err(bad(msg("announce-draft-round-emitted")
            .arg("round", draft.beacon.round)
            .arg("emitted", &draft.beacon.emitted_at)
            .arg("now", format_rfc3339(now))));
    }
    if emitted < now.saturating_add(margin_secs.max(0)) {
        return Err(bad(msg("announce-draft-round-in-margin")
            .arg("round", draft.beacon.round)
            .arg("emitted", &draft.beacon.emitted_at)
            .arg("minutes", margin_secs / 60)
            .arg("now", format_rfc3339(now))));
    }
    let mut list = draft.parties.clone();
    for (name, c) in parties {
        let name = crate::base::normalize::text(name);
        let c = c.trim().to_ascii_lowercase();
        let Some(slot) = list.iter_mut().find(|p| p.name == name) else {
            return Err(bad(msg("announce-party-unknown").arg("name", name).arg(
                "parties",
                draft
                    .parties
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )));
        };
        if unhex(&c).is_none() || !slot.contribution.is_empty() {
            return Err(bad(msg("announce-contribution-invalid")
                .arg("name", name)
                .arg("found", c)));
        }
        slot.contribution = c;
    }
    if let Some(missing) = list.iter().find(|p| p.contribution.is_empty()) {
        return Err(bad(msg("announce-party-missing").arg("name", &missing.name)));
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
        _ => Err(bad(msg("announce-time-invalid")
            .arg("member", member)
            .arg("value", s))),
    }
}

/// Checks an announcement on its own (SPEC.md §5.3): its digest, its times and
/// round (the round is the one `not_before` gives, emitted when the beacon says),
/// its dice, parties and attempt. Nothing else is needed to check it.
pub fn check_announcement(a: &Announcement) -> Result<()> {
    if is_draft(a) {
        return Err(bad(msg("announce-is-draft")));
    }
    check(a, false)
}

fn check(a: &Announcement, draft: bool) -> Result<()> {
    if a.spec != SPEC_VERSION {
        return Err(bad(msg("announce-spec")
            .arg("found", &a.spec)
            .arg("supported", SPEC_VERSION)));
    }
    if digest_of(a) != a.digest {
        return Err(bad(msg("announce-digest-mismatch")));
    }
    let announced = utc_time("announced_at", &a.announced_at)?;
    let not_before = utc_time("beacon.not_before", &a.beacon.not_before)?;
    let emitted = utc_time("beacon.emitted_at", &a.beacon.emitted_at)?;
    if not_before < announced {
        return Err(bad(msg("announce-not-before-early")
            .arg("not_before", &a.beacon.not_before)
            .arg("announced", &a.announced_at)));
    }
    let round = beacon::round_at(not_before);
    if a.beacon.round != round {
        return Err(bad(msg("announce-round-mismatch")
            .arg("round", a.beacon.round)
            .arg("not_before", &a.beacon.not_before)
            .arg("expected", round)));
    }
    if emitted != beacon::time_of(round) {
        return Err(bad(msg("announce-emitted-mismatch")
            .arg("emitted", &a.beacon.emitted_at)
            .arg("round", round)
            .arg("expected", format_rfc3339(beacon::time_of(round)))));
    }
    if a.beacon.chain_hash != beacon::CHAIN_HASH {
        return Err(bad(
            msg("announce-chain-hash").arg("chain_hash", &a.beacon.chain_hash)
        ));
    }
    if a.dice.len() > MAX_DICE || !a.dice.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(msg("announce-dice-stored")
            .arg("dice", &a.dice)
            .arg("max", MAX_DICE)));
    }
    for (i, p) in a.parties.iter().enumerate() {
        if p.name.is_empty() || crate::base::normalize::text(&p.name) != p.name {
            return Err(bad(
                msg("announce-party-not-normalised").arg("name", &p.name)
            ));
        }
        if i > 0 && a.parties[i - 1].name >= p.name {
            return Err(bad(msg("announce-parties-unsorted")));
        }
        if !(draft && p.contribution.is_empty()) && unhex(&p.contribution).is_none() {
            return Err(bad(msg("announce-contribution-stored").arg("name", &p.name)));
        }
    }
    let first = a.attempt == 1;
    if a.attempt == 0
        || first != a.replaces.is_empty()
        || first != a.reason.is_empty()
        || (!first && unhex(&a.replaces).is_none())
    {
        return Err(bad(
            msg("announce-attempt-invalid").arg("attempt", a.attempt)
        ));
    }
    if !a.previous.is_empty() && !a.inputs.earlier.contains(&a.previous) {
        return Err(bad(
            msg("announce-previous-unknown").arg("previous", &a.previous)
        ));
    }
    let control = |t: &str| crate::base::normalize::first_control(t).is_some();
    if control(&a.reason) || crate::base::normalize::text(&a.reason) != a.reason {
        return Err(bad(msg("announce-reason-not-normalised")));
    }
    if a.parties.iter().any(|p| control(&p.name)) {
        return Err(bad(msg("announce-party-control")));
    }
    Ok(())
}

/// Checks the chain of attempts: `replaced` holds every earlier attempt, oldest
/// first, each replaced by the next (SPEC.md §5.3).
pub fn check_chain(a: &Announcement, replaced: &[Announcement]) -> Result<()> {
    if replaced.len() + 1 != a.attempt as usize {
        return Err(bad(msg("announce-chain-count")
            .arg("attempt", a.attempt)
            .arg("needed", a.attempt.saturating_sub(1))
            .arg("given", replaced.len())));
    }
    let mut later = a;
    for old in replaced.iter().rev() {
        check_announcement(old)?;
        if later.replaces != old.digest
            || old.attempt.checked_add(1) != Some(later.attempt)
            || old.plan != a.plan
        {
            return Err(bad(msg("announce-chain-link")
                .arg("attempt", later.attempt)
                .arg("replaces", &later.replaces)
                .arg("old_attempt", old.attempt)
                .arg("old_digest", &old.digest)
                .arg("plan", &old.plan)));
        }
        if later.beacon.round <= old.beacon.round {
            return Err(bad(msg("announce-chain-round")
                .arg("attempt", later.attempt)
                .arg("round", later.beacon.round)
                .arg("old_round", old.beacon.round)
                .arg("old_attempt", old.attempt)));
        }
        if old.announced_at > later.announced_at {
            return Err(bad(msg("announce-chain-time")
                .arg("attempt", later.attempt)
                .arg("announced", &later.announced_at)
                .arg("old_attempt", old.attempt)
                .arg("old_announced", &old.announced_at)));
        }
        later = old;
    }
    Ok(())
}

/// A later batch's round must come after every earlier batch's round (SPEC.md §5.3.4): the
/// earlier draw, its randomness public, cannot share a round with the one that follows it.
pub fn check_after_earlier(a: &Announcement, committed: &Committed) -> Result<()> {
    for (digest, round) in &committed.earlier_rounds {
        if let Some(round) = round
            && a.beacon.round <= *round
        {
            return Err(bad(msg("announce-earlier-round")
                .arg("round", a.beacon.round)
                .arg("earlier_round", *round)
                .arg("earlier", digest)));
        }
    }
    Ok(())
}
