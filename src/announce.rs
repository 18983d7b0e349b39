//! Announce first, then randomness no one controls (SPEC.md §5.3).
//!
//! An announcement freezes the inputs (their digests) and names the seed's
//! sources before they exist: a future drand quicknet round, optionally dice
//! rolled in public and the commitments of parties who reveal their secrets
//! at the draw. The seed is SHA-256 of the announcement's digest and those
//! sources, so no one can choose it after seeing what it selects.

use serde::{Deserialize, Serialize};

use crate::beacon::{self, Checked};
use crate::canonical::{Encoder, Hash, to_hex};
use crate::dates::format_rfc3339;
use crate::digest::SPEC_VERSION;
use crate::draw::Inputs;
use crate::error::{Error, Result};
use crate::record::InputDigest;
use crate::seed::{Seed, SeedSource};

/// The default margin between the announcement and the beacon round: ten minutes.
pub const DEFAULT_MARGIN_SECS: i64 = 600;

/// A published announcement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// The spec version: `"1"`.
    pub spec: String,
    /// The plan's id.
    pub plan: String,
    /// The inputs' digests, frozen.
    pub inputs: AnnouncedInputs,
    /// When it was made (RFC 3339, as given).
    pub announced_at: String,
    /// The beacon round whose randomness will seed the draw.
    pub beacon: AnnouncedBeacon,
    /// Dice digits to be rolled in public, 0 for none.
    pub dice: u32,
    /// Parties' commitments, sorted by name.
    pub parties: Vec<Commitment>,
    /// The digest of the record this announcement follows (a later batch, or
    /// replacements needing fresh randomness), or `""`.
    pub previous: String,
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
    /// The announcement time plus the margin, UTC.
    pub not_before: String,
    /// When the round is emitted, UTC.
    pub emitted_at: String,
}

/// A party's commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// The party (bureau, notary, observer …).
    pub name: String,
    /// `commitment(name, secret)`, hex.
    pub commitment: String,
}

/// How an attested seed was made, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// The announcement, whole.
    pub announcement: Announcement,
    /// The beacon round used.
    pub beacon: UsedRound,
    /// The dice digits rolled, `""` for none.
    pub dice: String,
    /// The parties' revealed secrets, sorted by name.
    pub reveals: Vec<Reveal>,
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
    /// True when the announced round could not be had and a later one was used.
    pub fallback: bool,
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

/// `commitment(name, secret) = SHA-256(str("shuangsui/v1/commitment") ‖ str(name) ‖ str(secret))`.
pub fn commitment(name: &str, secret: &str) -> String {
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/commitment"));
    e.str(name).str(secret);
    to_hex(&e.finish())
}

/// The digest of an announcement: like a record's (SPEC.md §9.3), over its
/// pretty JSON without `digest`, with the tag `shuangsui/v1/announcement`.
pub fn digest_of(a: &Announcement) -> String {
    let mut value = serde_json::to_value(a).expect("an announcement always serialises");
    if let Some(obj) = value.as_object_mut() {
        obj.shift_remove("digest");
    }
    let text = serde_json::to_string_pretty(&value).expect("a value always serialises");
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/announcement"));
    e.bytes(text.as_bytes());
    to_hex(&e.finish())
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
        earlier: inputs.earlier.iter().map(|r| r.digest.clone()).collect(),
        history: inputs
            .history
            .as_ref()
            .map(|(t, raw)| input_digest(&crate::digest::table(t), raw)),
        conflicts: inputs
            .conflicts
            .as_ref()
            .map(|(t, raw)| input_digest(&crate::digest::table(t), raw)),
    }
}

/// What the operator announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The announcement time (RFC 3339, as written).
    pub at: String,
    /// Seconds between the announcement and the earliest beacon round.
    pub margin_secs: i64,
    /// Dice digits to roll, 0 for none.
    pub dice: u32,
    /// (party, commitment).
    pub parties: Vec<(String, String)>,
    /// The record this draw follows, or `""`.
    pub previous: String,
}

/// Makes an announcement (SPEC.md §5.3).
pub fn announce(inputs: &Inputs, request: &Request) -> Result<Announcement> {
    let bad = |message: String| Error::Announcement { message };
    let t = crate::dates::parse_rfc3339(&request.at).ok_or_else(|| {
        bad(format!(
            "'{}' is not an RFC 3339 time such as 2027-01-15T10:00:00+08:00",
            request.at
        ))
    })?;
    if request.margin_secs < 0 {
        return Err(bad("the margin cannot be negative".into()));
    }
    let round = beacon::round_at(t + request.margin_secs);
    let mut parties: Vec<Commitment> = Vec::new();
    for (name, c) in &request.parties {
        let name = crate::normalize::text(name);
        let ok = c.len() == 64 && c.bytes().all(|b| b.is_ascii_hexdigit());
        if name.is_empty() || !ok || parties.iter().any(|p| p.name == name) {
            return Err(bad(format!(
                "party '{name}': expected a distinct name and a 64-hex-digit commitment, found '{c}'"
            )));
        }
        parties.push(Commitment {
            name,
            commitment: c.to_ascii_lowercase(),
        });
    }
    parties.sort_by(|a, b| a.name.cmp(&b.name));
    let mut a = Announcement {
        spec: SPEC_VERSION.into(),
        plan: inputs.plan.id.clone(),
        inputs: announced_inputs(inputs),
        announced_at: request.at.trim().to_owned(),
        beacon: AnnouncedBeacon {
            chain_hash: beacon::CHAIN_HASH.into(),
            round,
            not_before: format_rfc3339(t + request.margin_secs),
            emitted_at: format_rfc3339(beacon::time_of(round)),
        },
        dice: request.dice,
        parties,
        previous: request.previous.clone(),
        digest: String::new(),
    };
    a.digest = digest_of(&a);
    Ok(a)
}

/// `seed = SHA-256(str("shuangsui/v1/seed") ‖ announcement digest ‖ u64(round) ‖
/// randomness ‖ str(dice) ‖ u32(n) ‖ (str(name) ‖ str(secret))*)`, parties sorted
/// by name (SPEC.md §5.3).
pub fn seed_of(
    announcement_digest: &Hash,
    round: u64,
    randomness: &Hash,
    dice: &str,
    reveals: &[Reveal],
) -> Hash {
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/seed"));
    e.hash(announcement_digest)
        .u64(round)
        .hash(randomness)
        .str(dice);
    e.u32(u32::try_from(reveals.len()).unwrap_or(u32::MAX));
    for r in reveals {
        e.str(&r.name).str(&r.secret);
    }
    e.finish()
}

/// What the draw presents: the beacon round, the dice, the reveals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// The beacon round, as drand's HTTP API returns it.
    pub round: beacon::Round,
    /// The dice digits rolled (whitespace ignored), `None` for none.
    pub dice: Option<String>,
    /// (party, secret).
    pub reveals: Vec<(String, String)>,
    /// Accept a round later than the announced one (the announced round could not be had).
    pub later_round: bool,
}

/// Checks the sources against an announcement and the inputs, and derives
/// the seed (SPEC.md §5.3). Returns the seed, the attestation the record
/// keeps, and what was checked of the signature.
pub fn attest(
    announcement: &Announcement,
    inputs: &Inputs,
    sources: &Sources,
) -> Result<(Seed, Attestation, Checked)> {
    let bad = |message: String| Error::Announcement { message };
    if digest_of(announcement) != announcement.digest {
        return Err(bad("the announcement's digest does not match its content: it was changed after it was made".into()));
    }
    check_inputs(announcement, inputs)?;
    let round = &sources.round;
    let announced = announcement.beacon.round;
    if round.round < announced {
        return Err(bad(format!(
            "beacon round {} is earlier than the announced round {announced}: it existed before the announcement could bind it",
            round.round
        )));
    }
    if round.round > announced && !sources.later_round {
        return Err(bad(format!(
            "beacon round {} is not the announced round {announced} (a later round is accepted only as a declared fallback: --later-round)",
            round.round
        )));
    }
    let (randomness, checked) =
        beacon::check(round).map_err(|e| bad(format!("beacon round {}: {e}", round.round)))?;
    let dice: String = sources
        .dice
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if dice.len() != announcement.dice as usize || !dice.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(format!(
            "the dice: expected exactly {} digits 0–9 (whitespace ignored), found '{dice}'",
            announcement.dice
        )));
    }
    let mut reveals: Vec<Reveal> = Vec::new();
    for (name, secret) in &sources.reveals {
        let name = crate::normalize::text(name);
        let Some(c) = announcement.parties.iter().find(|p| p.name == name) else {
            return Err(bad(format!("'{name}' is not an announced party")));
        };
        if commitment(&name, secret) != c.commitment {
            return Err(bad(format!(
                "the secret revealed by '{name}' does not match its commitment {}",
                c.commitment
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
    if let Some(missing) = announcement
        .parties
        .iter()
        .find(|p| reveals.iter().all(|r| r.name != p.name))
    {
        return Err(bad(format!(
            "party '{}' has not revealed its secret",
            missing.name
        )));
    }
    reveals.sort_by(|a, b| a.name.cmp(&b.name));
    let digest: Hash = hex::decode(&announcement.digest)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| bad("bad digest".into()))?;
    let seed = seed_of(&digest, round.round, &randomness, &dice, &reveals);
    let attestation = Attestation {
        announcement: announcement.clone(),
        beacon: UsedRound {
            round: round.round,
            randomness: to_hex(&randomness),
            signature: round.signature.trim().to_ascii_lowercase(),
            fallback: round.round > announced,
        },
        dice,
        reveals,
    };
    let seed = Seed {
        value: to_hex(&seed),
        source: SeedSource::Beacon,
        attestation: Some(Box::new(attestation.clone())),
    };
    Ok((seed, attestation, checked))
}

/// The inputs must be the announced ones: an error names the first that is not.
pub fn check_inputs(announcement: &Announcement, inputs: &Inputs) -> Result<()> {
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
    if announcement.inputs.earlier != now.earlier {
        return Err(Error::Announcement {
            message: "the earlier batches' records are not the ones announced".into(),
        });
    }
    Ok(())
}
