//! What verification found: the differences, and what a checked attestation proves.

use crate::ceremony::beacon::Checked;
use crate::ceremony::{Attestation, Attested, TimeAnchor};
use crate::draw::record::Record;
use crate::error::{Error, ErrorKind};
use crate::messages::{Arg, Catalog, Lang, Message, msg};

/// The most differences listed; the total is always counted.
pub const MAX_LISTED: usize = 20;

/// One member whose value in the record differs from the recomputed draw: its fields in
/// English, [`Difference::message`] in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where, e.g. `tasks[T1].selected[4].target` (positions are 1-based).
    pub path: String,
    /// The value in the record, or `(absent)`.
    pub record: String,
    /// The value the inputs give, or `(absent)`.
    pub recomputed: String,
    /// The three as the catalog shows them: a value as it is, words as a message.
    shown: Box<[Arg; 3]>,
}

impl Difference {
    /// A difference at `path`: values as text, words as messages.
    pub(crate) fn new(
        path: impl Into<Arg>,
        record: impl Into<Arg>,
        recomputed: impl Into<Arg>,
    ) -> Difference {
        let shown = [path.into(), record.into(), recomputed.into()];
        let [path, record, recomputed] = shown.clone().map(|a| a.text(Lang::En));
        Difference {
            path,
            record,
            recomputed,
            shown: Box::new(shown),
        }
    }

    /// The difference as a message of the catalog (to put into another).
    pub(crate) fn to_message(&self) -> Message {
        let [path, record, recomputed] = (*self.shown).clone();
        msg("verify-difference")
            .arg("path", path)
            .arg("record", record)
            .arg("recomputed", recomputed)
    }

    /// The difference in a language: where, what the record has, what the inputs give.
    pub fn message(&self, lang: Lang) -> String {
        self.to_message().text(lang)
    }
}

/// The difference in English ([`Difference::message`] gives either language).
impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Something a verification found worth saying that is not a difference, or why a seed's
/// attestation does not hold: in either language with [`Note::message`]; `Display` gives
/// the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note(Said);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    /// A message of the catalog.
    Message(Message),
    /// A message naming an error as `$error`, the error shown in the message's language.
    WithError(Message, Error),
    /// An error of the announcement, without the words its kind begins with.
    Announcement(Error),
    /// An error, whole.
    Error(Error),
}

impl Note {
    /// A note of the catalog.
    pub(crate) fn new(message: Message) -> Note {
        Note(Said::Message(message))
    }

    /// A note naming an error as `$error`.
    pub(crate) fn with_error(message: Message, error: Error) -> Note {
        Note(Said::WithError(message, error))
    }

    /// An error as a note: an announcement's without the words it begins with
    /// (`announcement: `), any other whole.
    pub(crate) fn error(error: Error) -> Note {
        if matches!(
            error.kind(),
            ErrorKind::Announcement | ErrorKind::InputsNotAnnounced
        ) {
            Note(Said::Announcement(error))
        } else {
            Note(Said::Error(error))
        }
    }

    /// The catalog id of the note's message (of its error's, for an error).
    pub fn id(&self) -> &'static str {
        match &self.0 {
            Said::Message(m) | Said::WithError(m, _) => m.id(),
            Said::Announcement(e) | Said::Error(e) => e.message_id(),
        }
    }

    /// The note in a language.
    pub fn message(&self, lang: Lang) -> String {
        match &self.0 {
            Said::Message(m) => m.text(lang),
            Said::WithError(m, e) => m.clone().arg("error", e.message(lang)).text(lang),
            // The ceremony's reason, without the kind's "announcement: " around it.
            Said::Announcement(e) => match e.value("reason") {
                Some(Arg::Message(m)) => m.text(lang),
                _ => e.text(lang),
            },
            Said::Error(e) => e.message(lang),
        }
    }
}

/// The note in English ([`Note::message`] gives either language).
impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// The outcome of a verification.
#[derive(Debug, Clone)]
pub struct Verification {
    /// The first [`MAX_LISTED`] differences, in document order.
    pub differences: Vec<Difference>,
    /// How many differences there are in all, an attestation failure counted as one.
    pub total_differences: usize,
    /// Things worth saying that are not mismatches.
    pub notes: Vec<Note>,
    /// The inputs whose canonical digest differs from the record's
    /// (`"plan"`, `"targets"`, `"officers"`): the files are not the ones the
    /// draw used.
    pub changed_inputs: Vec<&'static str>,
    /// True when the inputs are the draw's but the record's draw key does not
    /// follow from its seed: the seed (or the key) was altered.
    pub seed_mismatch: bool,
    /// Why the seed's attestation does not hold (a beacon seed whose
    /// announcement, round, dice or reveals do not check out against these
    /// inputs), in English; counted as a difference.
    /// [`Verification::attestation_failure_message`] gives either language.
    pub attestation_failure: Option<String>,
    /// What the seed's provenance proves, one statement per line; empty for an
    /// unattested seed, which proves nothing about when it was chosen.
    pub guarantees: Vec<Guarantee>,
    /// The record as recomputed from the inputs; `None` when the inputs are
    /// not the draw's and cannot be drawn at all (a note says why).
    pub recomputed: Option<Record>,
    /// Why the attestation does not hold, in either language.
    pub(crate) failure: Option<Note>,
}

impl Verification {
    /// True when the record reproduces exactly.
    pub fn ok(&self) -> bool {
        self.total_differences == 0
    }

    /// Why the seed's attestation does not hold, in a language
    /// ([`attestation_failure`](Verification::attestation_failure) is the English).
    pub fn attestation_failure_message(&self, lang: Lang) -> Option<String> {
        self.failure.as_ref().map(|n| n.message(lang))
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
                // Times for people: Beijing time (the record keeps UTC).
                let when = |t: &str| match crate::dates::parse_rfc3339(t) {
                    Some(t) => say(
                        "time-beijing",
                        &[("time", text(&crate::dates::format_beijing(t)))],
                    ),
                    None => t.to_owned(),
                };
                let (announcement, round, emitted) = (
                    text(announcement),
                    text(&round.to_string()),
                    text(&when(emitted_at)),
                );
                match anchor {
                    TimeAnchor::Verified(a) => say(
                        "guarantee-inputs-verified",
                        &[
                            ("announcement", announcement),
                            ("time", text(&when(&a.time_text))),
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
                            ("time", text(&when(time))),
                            ("round", round),
                            ("emitted", emitted),
                        ],
                    ),
                    TimeAnchor::None => say(
                        "guarantee-inputs-unanchored",
                        &[
                            ("announcement", announcement),
                            ("announced", text(&when(announced_at))),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_and_a_note_in_either_language() {
        let d = Difference::new("tasks[T1].selected[2]", msg("verify-absent"), "'X'");
        assert_eq!(
            d.to_string(),
            "tasks[T1].selected[2]: record has (absent), the inputs give 'X'"
        );
        assert_eq!(d.record, "(absent)");
        assert_eq!(
            d.message(Lang::Zh),
            "tasks[T1].selected[2]：记录中为 （无此项），按输入应为 'X'"
        );
        let n = Note::with_error(
            msg("verify-note-not-drawable"),
            Error::new(ErrorKind::EmptySeed),
        );
        assert_eq!(
            n.to_string(),
            "the draw cannot be repeated with these inputs: the seed is empty"
        );
        assert_eq!(n.message(Lang::Zh), "无法用这些输入重新抽取：种子为空");
        assert_eq!(n.id(), "verify-note-not-drawable");
    }
}
