//! What verification found: the differences, and what a checked attestation proves.

use crate::ceremony::beacon::Checked;
use crate::ceremony::{Attestation, Attested, TimeAnchor};
use crate::draw::record::Record;
use crate::messages::{Arg, Catalog, Lang};

/// The most differences listed; the total is always counted.
pub const MAX_LISTED: usize = 20;

/// One member whose value in the record differs from the recomputed draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where, e.g. `tasks[T1].selected[4].target` (positions are 1-based).
    pub path: String,
    /// The value in the record, or `(absent)`.
    pub record: String,
    /// The value the inputs give, or `(absent)`.
    pub recomputed: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: record has {}, the inputs give {}",
            self.path, self.record, self.recomputed
        )
    }
}

/// The outcome of a verification.
#[derive(Debug, Clone)]
pub struct Verification {
    /// The first [`MAX_LISTED`] differences, in document order.
    pub differences: Vec<Difference>,
    /// How many differences there are in all.
    pub total_differences: usize,
    /// Things worth saying that are not mismatches.
    pub notes: Vec<String>,
    /// The inputs whose canonical digest differs from the record's
    /// (`"plan"`, `"targets"`, `"officers"`): the files are not the ones the
    /// draw used.
    pub changed_inputs: Vec<&'static str>,
    /// True when the inputs are the draw's but the record's draw key does not
    /// follow from its seed: the seed (or the key) was altered.
    pub seed_mismatch: bool,
    /// Why the seed's attestation does not hold (a beacon seed whose
    /// announcement, round, dice or reveals do not check out against these
    /// inputs); counted as a difference.
    pub attestation_failure: Option<String>,
    /// What the seed's provenance proves, one statement per line; empty for an
    /// unattested seed, which proves nothing about when it was chosen.
    pub guarantees: Vec<Guarantee>,
    /// The record as recomputed from the inputs; `None` when the inputs are
    /// not the draw's and cannot be drawn at all (a note says why).
    pub recomputed: Option<Record>,
}

impl Verification {
    /// True when the record reproduces exactly.
    pub fn ok(&self) -> bool {
        self.total_differences == 0
    }

    /// The ledger's length and its head: the digest of its last entry, or the record's
    /// digest when it has none (SPEC.md §9.4). A ledger cut short is the valid ledger of
    /// an earlier moment: only the head published with the notice tells them apart, so a
    /// verifier compares this with it.
    pub fn ledger_head(&self) -> Option<(usize, &str)> {
        let r = self.recomputed.as_ref()?;
        Some((
            r.ledger.len(),
            r.ledger
                .last()
                .map_or(r.digest.as_str(), |e| e.digest.as_str()),
        ))
    }
}

/// What a checked attestation proves, and what still rests on procedure
/// (SPEC.md §5.3, §10 step 7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guarantee {
    /// The inputs, dice and contributions were frozen by the announcement. That
    /// this was before the round existed is proved by a verified time-stamp, or
    /// rests on the announcement's publication.
    InputsFixed {
        /// The announcement's digest.
        announcement: String,
        /// When it says it was made.
        announced_at: String,
        /// The announced round.
        round: u64,
        /// When that round was emitted, UTC.
        emitted_at: String,
        /// What anchors the announcement in time.
        anchor: TimeAnchor,
    },
    /// The seed comes from the announced drand quicknet round and nothing after it.
    Beacon {
        /// The round used: always the announced one.
        round: u64,
        /// The BLS signature was verified (false: this build only checked the randomness).
        signature_verified: bool,
    },
    /// Dice digits rolled in public at the announcement are part of it.
    Dice {
        /// The digits.
        digits: String,
    },
    /// Parties' contributions are part of the announcement.
    Parties {
        /// Parties who revealed their secret: their contribution was made for this
        /// announcement.
        revealed: Vec<String>,
        /// Parties who did not: that their contribution is theirs and serves only
        /// this announcement rests on their word.
        unrevealed: Vec<String>,
    },
    /// Which attempt at this plan the draw is, and the attempts it replaced.
    Attempt {
        /// The plan id.
        plan: String,
        /// 1 for a first announcement.
        attempt: u32,
        /// (attempt, announcement digest, round, why it was not drawn), oldest first.
        replaced: Vec<(u32, String, u64, String)>,
    },
}

impl Guarantee {
    /// The statement in a language.
    pub fn message(&self, lang: Lang) -> String {
        let catalog = Catalog::library();
        let say = |id: &str, args: &[(&str, Arg)]| catalog.message(lang, id, args);
        let text = |s: &str| Arg::Text(s.to_owned());
        let list = |names: &[String]| text(&names.join(&say("list-separator", &[])));
        match self {
            Guarantee::InputsFixed {
                announcement,
                announced_at,
                round,
                emitted_at,
                anchor,
            } => {
                let (announcement, round, emitted) = (
                    text(announcement),
                    text(&round.to_string()),
                    text(emitted_at),
                );
                match anchor {
                    TimeAnchor::Verified(a) => say(
                        "guarantee-inputs-verified",
                        &[
                            ("announcement", announcement),
                            ("time", text(&a.time_text)),
                            ("tsa", text(&a.tsa)),
                            ("fingerprint", text(&a.fingerprint)),
                            ("algorithm", text(&a.algorithm)),
                            ("round", round),
                            ("emitted", emitted),
                        ],
                    ),
                    TimeAnchor::Unchecked { time } => say(
                        "guarantee-inputs-unchecked",
                        &[
                            ("announcement", announcement),
                            ("time", text(time)),
                            ("round", round),
                            ("emitted", emitted),
                        ],
                    ),
                    TimeAnchor::None => say(
                        "guarantee-inputs-unanchored",
                        &[
                            ("announcement", announcement),
                            ("announced", text(announced_at)),
                            ("round", round),
                            ("emitted", emitted),
                        ],
                    ),
                }
            }
            Guarantee::Beacon {
                round,
                signature_verified,
            } => say(
                if *signature_verified {
                    "guarantee-beacon-verified"
                } else {
                    "guarantee-beacon-unverified"
                },
                &[("round", text(&round.to_string()))],
            ),
            Guarantee::Dice { digits } => say("guarantee-dice", &[("digits", text(digits))]),
            Guarantee::Parties {
                revealed,
                unrevealed,
            } => {
                let mut s = say("guarantee-parties", &[]);
                if !revealed.is_empty() {
                    s += &say("guarantee-parties-revealed", &[("names", list(revealed))]);
                }
                if !unrevealed.is_empty() {
                    s += &say(
                        "guarantee-parties-unrevealed",
                        &[("names", list(unrevealed))],
                    );
                }
                s
            }
            Guarantee::Attempt {
                plan,
                attempt,
                replaced,
            } => {
                let mut s = say(
                    "guarantee-attempt",
                    &[
                        ("attempt", text(&attempt.to_string())),
                        ("plan", text(plan)),
                    ],
                );
                for (n, digest, round, reason) in replaced {
                    s += &say(
                        "guarantee-attempt-replaces",
                        &[
                            ("n", text(&n.to_string())),
                            ("digest", text(digest)),
                            ("round", text(&round.to_string())),
                            ("reason", text(reason)),
                        ],
                    );
                }
                s + &say("guarantee-attempt-end", &[])
            }
        }
    }
}

/// The statement in English ([`Guarantee::message`] gives either language).
impl std::fmt::Display for Guarantee {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// What a checked attestation proves, one statement each.
pub(crate) fn guarantees_of(attestation: &Attestation, attested: &Attested) -> Vec<Guarantee> {
    let a = &attestation.announcement;
    let mut guarantees = vec![
        Guarantee::InputsFixed {
            announcement: a.digest.clone(),
            announced_at: a.announced_at.clone(),
            round: a.beacon.round,
            emitted_at: a.beacon.emitted_at.clone(),
            anchor: attested.anchor.clone(),
        },
        Guarantee::Beacon {
            round: attestation.beacon.round,
            signature_verified: attested.beacon == Checked::Signature,
        },
    ];
    if !a.dice.is_empty() {
        guarantees.push(Guarantee::Dice {
            digits: a.dice.clone(),
        });
    }
    if !a.parties.is_empty() {
        let (revealed, unrevealed) = a
            .parties
            .iter()
            .map(|p| p.name.clone())
            .partition(|n| attestation.reveals.iter().any(|r| &r.name == n));
        guarantees.push(Guarantee::Parties {
            revealed,
            unrevealed,
        });
    }
    let chain: Vec<&crate::ceremony::Announcement> = attestation
        .replaced
        .iter()
        .chain(std::iter::once(a))
        .collect();
    guarantees.push(Guarantee::Attempt {
        plan: a.plan.clone(),
        attempt: a.attempt,
        replaced: chain
            .windows(2)
            .map(|w| {
                (
                    w[0].attempt,
                    w[0].digest.clone(),
                    w[0].beacon.round,
                    w[1].reason.clone(),
                )
            })
            .collect(),
    });
    guarantees
}
