//! Attestation: the announced round and the parties' reveals checked against the
//! announcement and the inputs, and the seed they give (SPEC.md §5.3).

use super::announce::{check_after_earlier, check_announcement, check_chain};
use super::announcement::{
    Announcement, Attestation, Committed, Reveal, UsedRound, bad, base64_encode, body_digest,
    contribution, tag, to_json, unhex,
};
use crate::base::canonical::{Encoder, Hash, sha256, to_hex};
use crate::ceremony::beacon::{self, Checked};
use crate::ceremony::seed::{Seed, SeedSource};
use crate::ceremony::timestamp;
use crate::error::{Error, ErrorKind, Result};
use crate::messages::{Arg, Message, msg};

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
    committed: &Committed,
    sources: &Sources<'_>,
) -> Result<(Seed, Attestation, Attested)> {
    check_announcement(announcement)?;
    check_chain(announcement, &sources.replaced)?;
    check_inputs(announcement, committed, sources.same_files)?;
    check_after_earlier(announcement, committed)?;
    let round = &sources.round;
    let announced = announcement.beacon.round;
    if round.round != announced {
        return Err(bad(msg("attest-round-not-announced")
            .arg("round", round.round)
            .arg("announced", announced)));
    }
    let (randomness, checked) = beacon::check(round).map_err(|e| {
        bad(msg("attest-beacon-invalid")
            .arg("round", round.round)
            .arg("reason", e.to_message()))
    })?;
    let body = body_digest(announcement);
    let mut reveals: Vec<Reveal> = Vec::new();
    for (name, secret) in &sources.reveals {
        let name = crate::base::normalize::text(name);
        let Some(c) = announcement.parties.iter().find(|p| p.name == name) else {
            return Err(bad(msg("attest-party-unknown").arg("name", name)));
        };
        if contribution(&body, &name, secret) != c.contribution {
            return Err(bad(msg("attest-secret-mismatch")
                .arg("name", name)
                .arg("contribution", &c.contribution)));
        }
        if reveals.iter().any(|r| r.name == name) {
            return Err(bad(msg("attest-revealed-twice").arg("name", name)));
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
    let digest = unhex(&announcement.digest).ok_or_else(|| bad(msg("attest-digest-invalid")))?;
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
    let invalid =
        |e: timestamp::Invalid| bad(msg("attest-timestamp-invalid").arg("reason", e.to_message()));
    let parsed = timestamp::parse(token).map_err(invalid)?;
    if parsed.imprint != sha256(file.as_bytes()) {
        return Err(bad(msg("attest-timestamp-other-file")));
    }
    let emitted = beacon::time_of(a.beacon.round);
    if parsed.time >= emitted {
        return Err(bad(msg("attest-timestamp-late")
            .arg("time", &parsed.time_text)
            .arg("emitted", &a.beacon.emitted_at)
            .arg("round", a.beacon.round)));
    }
    let anchor = match tsa_cert {
        None => TimeAnchor::Unchecked {
            time: parsed.time_text.clone(),
        },
        Some(cert) => TimeAnchor::Verified(
            timestamp::check(&parsed.der, file.as_bytes(), cert).map_err(invalid)?,
        ),
    };
    Ok((parsed.der, anchor))
}

/// The inputs must be the announced ones: an error names the first that is not.
/// With `same_files`, the files must also be the announced bytes (the draw); without,
/// a copy with the same content will do (a verifier's public copies, SPEC.md §10).
pub fn check_inputs(
    announcement: &Announcement,
    committed: &Committed,
    same_files: bool,
) -> Result<()> {
    let now = &committed.inputs;
    let pairs = [
        (
            msg("attest-input-plan"),
            Some(&announcement.inputs.plan),
            Some(&now.plan),
        ),
        (
            msg("attest-input-targets"),
            Some(&announcement.inputs.targets),
            Some(&now.targets),
        ),
        (
            msg("attest-input-officers"),
            Some(&announcement.inputs.officers),
            Some(&now.officers),
        ),
        (
            msg("attest-input-history"),
            announcement.inputs.history.as_ref(),
            now.history.as_ref(),
        ),
        (
            msg("attest-input-conflicts"),
            announcement.inputs.conflicts.as_ref(),
            now.conflicts.as_ref(),
        ),
    ];
    for (name, announced, found) in pairs {
        // The announcement binds the files' bytes exactly when it records their raw SHA-256
        // (SPEC.md §5.3.6): the draw hashes them then, and only then, so that its record
        // states the announced raw digests.
        if same_files
            && let (Some(a), Some(f)) = (announced, found)
            && a.sha256.is_empty() != f.sha256.is_empty()
        {
            let id = if a.sha256.is_empty() {
                "attest-raw-not-announced"
            } else {
                "attest-raw-not-hashed"
            };
            return Err(not_announced(msg(id).arg("input", name)));
        }
        if same_files
            && let (Some(a), Some(f)) = (announced, found)
            && a.digest == f.digest
            && a.sha256 != f.sha256
        {
            return Err(not_announced(
                msg("attest-input-bytes")
                    .arg("input", name)
                    .arg("sha256", &f.sha256)
                    .arg("announced", &a.sha256),
            ));
        }
        if announced.map(|d| &d.digest) != found.map(|d| &d.digest) {
            let digest = |d: Option<&crate::inputs::digest::InputDigest>| -> Arg {
                d.map_or_else(
                    || msg("attest-digest-none").into(),
                    |d| d.digest.as_str().into(),
                )
            };
            return Err(not_announced(
                msg("attest-input-changed")
                    .arg("input", name)
                    .arg("digest", digest(found))
                    .arg("announced", digest(announced)),
            ));
        }
    }
    // A copy without names (published hidden) cannot be compared; the verifier says so.
    if !now.officer_names.is_empty() && now.officer_names != announcement.inputs.officer_names {
        return Err(not_announced(
            msg("attest-names-changed")
                .arg("digest", &now.officer_names)
                .arg("announced", &announcement.inputs.officer_names),
        ));
    }
    if announcement.inputs.earlier != now.earlier {
        return Err(not_announced(msg("attest-earlier-changed")));
    }
    Ok(())
}

/// An error `announcement: …` of inputs that are not the announced ones, whose message (a
/// catalog message) says which and how. Verification reads it back (`value("reason")`).
fn not_announced(message: Message) -> Error {
    Error::new(ErrorKind::InputsNotAnnounced).arg("reason", message)
}
