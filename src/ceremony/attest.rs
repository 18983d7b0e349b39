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
            return Err(Error::new(ErrorKind::InputsNotAnnounced).arg("message", format!(
                    "the {name} file has the announced content but not the announced bytes (SHA-256 {}, announced {}): draw from the very file that was announced",
                    f.sha256, a.sha256
                )));
        }
        if announced.map(|d| &d.digest) != found.map(|d| &d.digest) {
            return Err(Error::new(ErrorKind::InputsNotAnnounced).arg("message", format!(
                    "the {name} file is not the one announced (canonical digest {}, announced {}): inputs cannot change after the announcement",
                    found.map_or("(none)", |d| d.digest.as_str()),
                    announced.map_or("(none)", |d| d.digest.as_str())
                )));
        }
    }
    // A copy without names (published hidden) cannot be compared; the verifier says so.
    if !now.officer_names.is_empty() && now.officer_names != announcement.inputs.officer_names {
        return Err(Error::new(ErrorKind::InputsNotAnnounced).arg("message", format!(
                "the officers' names are not the ones announced (names digest {}, announced '{}'): an officer cannot be renamed after the announcement",
                now.officer_names, announcement.inputs.officer_names
            )));
    }
    if announcement.inputs.earlier != now.earlier {
        return Err(Error::new(ErrorKind::InputsNotAnnounced).arg(
            "message",
            "the earlier batches' records are not the ones announced",
        ));
    }
    Ok(())
}
