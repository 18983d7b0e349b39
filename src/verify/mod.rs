//! Verification: re-run a draw from its inputs and compare with the record.
//!
//! Nothing in the record is trusted except the seed: every digest, key,
//! ticket, count and team is recomputed from the inputs and compared member
//! by member.

pub mod ledger;

use serde_json::Value;

use crate::base::canonical::to_hex;
use crate::ceremony::announce::{Attestation, Attested, Sources, TimeAnchor};
use crate::ceremony::beacon::{Checked, Round};
use crate::ceremony::seed::Seed;
use crate::draw::record::{self, Record};
use crate::draw::{self, Inputs, Source};
use crate::error::{Error, Location, Result};
use crate::inputs::digest::SPEC_VERSION;
use crate::inputs::{IdCheck, IdCheckMode};

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

/// A record's members other than its selections (`tasks`, `visits`): everything
/// [`verify`] needs before it redraws, without the bulk. Unknown members are kept
/// too, so that they are reported.
pub fn head_of(bytes: &[u8]) -> serde_json::Result<Value> {
    /// Skips the bulky members while parsing.
    #[derive(serde::Deserialize)]
    struct Bulky {
        #[serde(default)]
        #[allow(dead_code)]
        tasks: serde::de::IgnoredAny,
        #[serde(default)]
        #[allow(dead_code)]
        visits: serde::de::IgnoredAny,
        #[serde(flatten)]
        rest: serde_json::Map<String, Value>,
    }
    match serde_json::from_slice::<Bulky>(bytes) {
        Ok(parsed) => Ok(Value::Object(parsed.rest)),
        // Not an object of members: the whole value, to report what it is.
        Err(_) => serde_json::from_slice(bytes),
    }
}

/// The id check a record was drawn with (`inputs.targets.id_check`), so that
/// its inputs can be read the same way before [`verify`]. A record without
/// one, or that is not JSON, gives the default; [`verify`] then reports it.
pub fn id_check_of(record: &[u8]) -> IdCheck {
    head_of(record).map_or_else(|_| IdCheck::default(), |head| id_check_in(&head))
}

/// [`id_check_of`] a record's members already read with [`head_of`].
pub fn id_check_in(head: &Value) -> IdCheck {
    let check = head.pointer("/inputs/targets/id_check");
    let mode = match check.and_then(|c| c.get("mode")).and_then(Value::as_str) {
        Some("warn") => IdCheckMode::Warn,
        _ => IdCheckMode::Strict,
    };
    let allowlist = check
        .and_then(|c| c.get("allowlisted"))
        .and_then(Value::as_array)
        .map(|ids| {
            ids.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    IdCheck { mode, allowlist }
}

/// What a verifier is given besides the record and the inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The TSA's certificate (PEM or DER), to check the signature of the record's
    /// time-stamp token; without it the token's imprint and time are checked, and
    /// the verification says the signature was not.
    pub tsa_cert: Option<&'a [u8]>,
}

/// Verifies a record against its inputs.
pub fn verify(record: Source<'_>, inputs: &Inputs) -> Result<Verification> {
    verify_with(record, inputs, &Options::default())
}

/// Verifies a record against its inputs, with [`Options`].
pub fn verify_with(
    record: Source<'_>,
    inputs: &Inputs,
    options: &Options<'_>,
) -> Result<Verification> {
    let syntax = |message: String, line: Option<u64>, column: Option<u64>| Error::RecordSyntax {
        at: Location {
            line,
            column,
            ..Location::file(record.name)
        },
        message,
    };
    // The small members only: a provincial record's selections, as a tree, would take
    // several times the record's size; they are read in full only when they differ.
    let given: Value = head_of(record.bytes).map_err(|e| {
        syntax(
            e.to_string()
                .split(" at line")
                .next()
                .unwrap_or_default()
                .to_owned(),
            Some(e.line() as u64),
            Some(e.column() as u64),
        )
    })?;
    let spec = given
        .get("spec")
        .and_then(Value::as_str)
        .ok_or_else(|| syntax("missing the string member 'spec'".into(), None, None))?;
    if spec != SPEC_VERSION {
        return Err(Error::UnsupportedSpec {
            at: Location::file(record.name),
            found: spec.to_owned(),
            supported: SPEC_VERSION.to_owned(),
        });
    }
    // Strictly: a repeated member (a forged one placed before the genuine one), an
    // unknown member or a wrong type is refused, naming the member.
    let parsed: Record = crate::base::strict::from_slice(record.name, record.bytes)?;
    let seed_value = parsed.seed.value.as_str();
    let mut guarantees = Vec::new();
    let mut attestation_failure = None;
    let seed = match (parsed.seed.source.as_str(), &parsed.seed.attestation) {
        ("unattested", None) => Seed::unattested(seed_value)?,
        ("beacon", Some(attestation)) => {
            let attestation: Attestation = attestation.clone();
            let token = if attestation.timestamp.is_empty() {
                Ok(None)
            } else {
                crate::ceremony::announce::base64_decode(&attestation.timestamp)
                    .map(Some)
                    .ok_or_else(|| "seed.attestation.timestamp is not base64".to_owned())
            };
            let sources = token.map(|timestamp| Sources {
                replaced: attestation.replaced.clone(),
                round: Round {
                    round: attestation.beacon.round,
                    randomness: attestation.beacon.randomness.clone(),
                    signature: attestation.beacon.signature.clone(),
                },
                reveals: attestation
                    .reveals
                    .iter()
                    .map(|r| (r.name.clone(), r.secret.clone()))
                    .collect(),
                timestamp,
                tsa_cert: options.tsa_cert,
                same_files: false,
            });
            let attested = sources.and_then(|sources| {
                match crate::ceremony::announce::attest(&attestation.announcement, inputs, &sources)
                {
                    Ok((seed, _, attested)) => Ok((seed, attested)),
                    Err(Error::Announcement { message }) => Err(message),
                    Err(e) => Err(e.to_string()),
                }
            });
            match attested {
                Ok((seed, attested)) => {
                    guarantees = guarantees_of(&attestation, &attested);
                    seed
                }
                Err(message) => {
                    // Recompute with the recorded seed so that the other
                    // differences are listed too.
                    attestation_failure = Some(message);
                    Seed {
                        value: seed_value.to_owned(),
                        source: crate::ceremony::seed::SeedSource::Beacon,
                        attestation: Some(Box::new(attestation)),
                    }
                }
            }
        }
        (source, attestation) => {
            return Err(syntax(
                format!(
                    "seed.source must be \"unattested\" (without an attestation) or \"beacon\" (with one), found '{source}'{}",
                    if attestation.is_some() {
                        " with an attestation"
                    } else {
                        " without an attestation"
                    }
                ),
                None,
                None,
            ));
        }
    };

    let mut notes = Vec::new();
    if options.tsa_cert.is_some()
        && parsed
            .seed
            .attestation
            .as_ref()
            .is_none_or(|a| a.timestamp.is_empty())
    {
        notes.push(
            "the time-stamp authority's certificate was not used: the record holds no time-stamp"
                .into(),
        );
    }
    let digests = [
        ("plan", &inputs.digests.plan),
        ("targets", &inputs.digests.targets),
        ("officers", &inputs.digests.officers),
    ];
    let recorded_digest = |name: &str| {
        given
            .pointer(&format!("/inputs/{name}/digest"))
            .and_then(Value::as_str)
    };
    let changed_inputs: Vec<&'static str> = digests
        .iter()
        .filter(|(name, d)| recorded_digest(name) != Some(to_hex(d).as_str()))
        .map(|(name, _)| *name)
        .collect();
    let mut recomputed = match draw::draw(inputs, &seed) {
        Ok(d) => d.record,
        Err(e) if !changed_inputs.is_empty() => {
            // Not the draw's inputs, and not even drawable: the digests say enough.
            notes.push(format!(
                "the draw cannot be repeated with these inputs: {e}"
            ));
            let differences: Vec<Difference> = digests
                .iter()
                .filter(|(name, _)| changed_inputs.contains(name))
                .map(|(name, d)| Difference {
                    path: format!("inputs.{name}.digest"),
                    record: render(given.pointer(&format!("/inputs/{name}/digest"))),
                    recomputed: format!("'{}'", to_hex(d)),
                })
                .collect();
            return Ok(Verification {
                total_differences: differences.len() + usize::from(attestation_failure.is_some()),
                differences,
                notes,
                changed_inputs,
                seed_mismatch: false,
                attestation_failure,
                guarantees,
                recomputed: None,
            });
        }
        Err(e) => return Err(e),
    };
    reconcile_raw(&given, &mut recomputed, &mut notes);
    let seed_mismatch = changed_inputs.is_empty()
        && given.get("draw_key").and_then(Value::as_str) != Some(recomputed.draw_key.as_str());
    // The ledger is not recomputed but replayed: each entry must be the one
    // the rules give, chained from the recomputed draw (SPEC.md §9.4).
    let mut ledger_differences = Vec::new();
    recomputed.ledger.clone_from(&parsed.ledger);
    if !recomputed.ledger.is_empty() {
        ledger_differences = crate::verify::ledger::replay(&recomputed, inputs)?;
    }
    let mut differences = Vec::new();
    let mut total = 0;
    let mut report = |d: Difference| {
        total += 1;
        if differences.len() < MAX_LISTED {
            differences.push(d);
        }
    };
    // A record as `draw` wrote it is byte for byte the recomputed one when nothing
    // differs; only otherwise is the recomputed record turned into a tree and compared
    // member by member (a provincial record's tree is several times its size).
    let same_bytes = record.bytes == recomputed.to_json().as_bytes();
    if !same_bytes {
        let whole: Value = serde_json::from_slice(record.bytes).map_err(|e| {
            syntax(
                e.to_string(),
                Some(e.line() as u64),
                Some(e.column() as u64),
            )
        })?;
        if !record::is_intact(&whole) {
            notes.push(
                "the record's digest does not match its own content: it was changed after the draw"
                    .into(),
            );
        }
        let expected = serde_json::to_value(&recomputed).expect("a record always serialises");
        diff(&whole, &expected, &mut Vec::new(), &mut report);
    }
    // The dropped headers cannot be recomputed from a public copy (it has none): each must
    // at least be one the column rules drop unread (SPEC.md §3.2), sorted and distinct, so
    // that no record claims a column it read was personal data.
    for (name, kind, dropped, mapping) in [
        (
            "targets",
            crate::inputs::TableKind::Targets,
            &parsed.inputs.targets.dropped,
            &inputs.plan.target_columns,
        ),
        (
            "officers",
            crate::inputs::TableKind::Officers,
            &parsed.inputs.officers.dropped,
            &inputs.plan.officer_columns,
        ),
    ] {
        let sorted = dropped.windows(2).all(|w| w[0] < w[1]);
        let kept = inputs.plan.columns_kept(kind);
        for header in dropped {
            let drops = match crate::inputs::columns::resolve(kind, header, mapping) {
                crate::inputs::columns::Column::Drop => true,
                crate::inputs::columns::Column::Keep(column, _) => !kept.contains(&column),
            };
            if !drops || !sorted {
                report(Difference {
                    path: format!("inputs.{name}.dropped"),
                    record: format!("'{header}'"),
                    recomputed: if drops {
                        "the headers sorted and distinct".into()
                    } else {
                        "only headers of columns the rules drop unread: personal data, or a column the plan does not read".into()
                    },
                });
                break;
            }
        }
    }
    // The raw digests cannot be recomputed from a public copy; an attested record's
    // must be the announced ones (the draw refuses other bytes).
    if let Some(a) = &parsed.seed.attestation {
        let announced = &a.announcement.inputs;
        let pairs = [
            (
                "plan",
                Some(&announced.plan),
                Some(&parsed.inputs.plan.sha256),
            ),
            (
                "targets",
                Some(&announced.targets),
                Some(&parsed.inputs.targets.sha256),
            ),
            (
                "officers",
                Some(&announced.officers),
                Some(&parsed.inputs.officers.sha256),
            ),
            (
                "history",
                announced.history.as_ref(),
                parsed.inputs.history.as_ref().map(|t| &t.sha256),
            ),
            (
                "conflicts",
                announced.conflicts.as_ref(),
                parsed.inputs.conflicts.as_ref().map(|t| &t.sha256),
            ),
        ];
        for (name, announced, recorded) in pairs {
            if let (Some(a), Some(r)) = (announced, recorded)
                && a.sha256 != *r
            {
                report(Difference {
                    path: format!("inputs.{name}.sha256"),
                    record: format!("'{r}'"),
                    recomputed: format!("'{}' (announced)", a.sha256),
                });
            }
        }
        // The names are frozen at the announcement too: renaming an officer after the
        // draw would put another person in a drawn team (§5.3.2).
        if announced.officer_names != parsed.inputs.officers.names {
            report(Difference {
                path: "inputs.officers.names".into(),
                record: format!("'{}'", parsed.inputs.officers.names),
                recomputed: format!("'{}' (announced)", announced.officer_names),
            });
        }
    }
    for d in ledger_differences {
        report(d);
    }
    Ok(Verification {
        differences,
        total_differences: total + usize::from(attestation_failure.is_some()),
        notes,
        changed_inputs,
        seed_mismatch,
        attestation_failure,
        guarantees,
        recomputed: Some(recomputed),
    })
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

impl std::fmt::Display for Guarantee {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Guarantee::InputsFixed {
                announcement,
                announced_at,
                round,
                emitted_at,
                anchor,
            } => match anchor {
                TimeAnchor::Verified(a) => write!(
                    f,
                    "inputs, dice and contributions fixed before the randomness: the announcement (digest {announcement}) existed at {} by an RFC 3161 time-stamp of '{}' (certificate SHA-256 {}; {}, signature verified), before beacon round {round} was emitted at {emitted_at}",
                    a.time_text, a.tsa, a.fingerprint, a.algorithm
                ),
                TimeAnchor::Unchecked { time } => write!(
                    f,
                    "inputs, dice and contributions fixed by the announcement (digest {announcement}); its time-stamp token says {time}, before beacon round {round} was emitted at {emitted_at}, but the token's signature was NOT checked (give the TSA's certificate: --tsa-cert)"
                ),
                TimeAnchor::None => write!(
                    f,
                    "inputs, dice and contributions fixed by the announcement (digest {announcement}, which says it was made at {announced_at}); NOT anchored in time: that it was public before {emitted_at}, when beacon round {round} was emitted, rests on its publication (check the date it was published)"
                ),
            },
            Guarantee::Beacon {
                round,
                signature_verified,
            } => write!(
                f,
                "seed from the announced drand quicknet round {round} and nothing entered after it{}",
                if *signature_verified {
                    " (BLS signature verified offline against the pinned key)"
                } else {
                    " (this build cannot check BLS signatures: only the randomness was checked)"
                }
            ),
            Guarantee::Dice { digits } => write!(
                f,
                "dice {digits} rolled in public at the announcement (that they were rolled fairly rests on the public session)"
            ),
            Guarantee::Parties {
                revealed,
                unrevealed,
            } => {
                write!(f, "parties' contributions fixed in the announcement")?;
                if !revealed.is_empty() {
                    write!(
                        f,
                        "; revealed, so made for this announcement: {}",
                        revealed.join(", ")
                    )?;
                }
                if !unrevealed.is_empty() {
                    write!(
                        f,
                        "; not revealed, so resting on their word: {}",
                        unrevealed.join(", ")
                    )?;
                }
                Ok(())
            }
            Guarantee::Attempt {
                plan,
                attempt,
                replaced,
            } => {
                write!(f, "attempt {attempt} at plan {plan}")?;
                for (n, digest, round, reason) in replaced {
                    write!(
                        f,
                        "; it replaces attempt {n} (announcement {digest}, round {round}), not drawn because: {reason}"
                    )?;
                }
                write!(
                    f,
                    "; that no other announcement was made for this plan rests on publication (every attempt must be published)"
                )
            }
        }
    }
}

/// What a checked attestation proves, one statement each.
fn guarantees_of(attestation: &Attestation, attested: &Attested) -> Vec<Guarantee> {
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
    let chain: Vec<&crate::ceremony::announce::Announcement> = attestation
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

/// What may differ between the draw's files and the verifier's while the
/// content is the same (canonical digest equal): the raw-file hash (rows or
/// columns reordered, another format or encoding, CRLF, a BOM) and the list
/// of dropped personal-data columns (the public copy of a directory has them
/// removed). The record's values are kept and a note says what differs.
fn reconcile_raw(given: &Value, recomputed: &mut Record, notes: &mut Vec<String>) {
    let mut changed = false;
    let recorded = |name: &str, member: &str| given.pointer(&format!("/inputs/{name}/{member}"));
    let inputs = &mut recomputed.inputs;
    let mut tables = vec![
        ("plan", &inputs.plan.digest, &mut inputs.plan.sha256, None),
        (
            "targets",
            &inputs.targets.digest,
            &mut inputs.targets.sha256,
            Some(&mut inputs.targets.dropped),
        ),
        (
            "officers",
            &inputs.officers.digest,
            &mut inputs.officers.sha256,
            Some(&mut inputs.officers.dropped),
        ),
    ];
    for (name, aux) in [
        ("history", inputs.history.as_mut()),
        ("conflicts", inputs.conflicts.as_mut()),
    ] {
        if let Some(t) = aux {
            tables.push((name, &t.digest, &mut t.sha256, None));
        }
    }
    for (name, digest, sha, dropped) in tables {
        if recorded(name, "digest").and_then(Value::as_str) != Some(digest.as_str()) {
            continue;
        }
        if let Some(recorded_sha) = recorded(name, "sha256").and_then(Value::as_str)
            && recorded_sha != sha.as_str()
        {
            notes.push(format!(
                "{name}: the file's bytes differ from the draw's (sha256 {sha}, record {recorded_sha}) but its content is the same (canonical digest matches)"
            ));
            recorded_sha.clone_into(sha);
            changed = true;
        }
        if let Some(dropped) = dropped
            && let Some(Value::Array(list)) = recorded(name, "dropped")
        {
            let list: Vec<String> = list
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            if list != *dropped {
                notes.push(format!(
                    "{name}: the record lists the dropped columns [{}], this file has [{}]; dropped columns are never read, so the draw is the same (the record's list is taken, not checked)",
                    list.join(", "),
                    dropped.join(", ")
                ));
                *dropped = list;
                changed = true;
            }
        }
    }
    // A roster published with the names hidden has no name column: the draw does not
    // depend on names (§3.4), so the names digest is taken from the record, and said.
    let names = &mut recomputed.inputs.officers.names;
    if names.is_empty()
        && recorded("officers", "digest").and_then(Value::as_str)
            == Some(recomputed.inputs.officers.digest.as_str())
        && let Some(recorded_names) = recorded("officers", "names").and_then(Value::as_str)
        && !recorded_names.is_empty()
    {
        notes.push(format!(
            "officers: the roster has no name column (published with the names hidden): the names digest {recorded_names} was NOT checked; the draw does not depend on names"
        ));
        recorded_names.clone_into(names);
        changed = true;
    }
    if changed {
        recomputed.seal();
    }
}

fn render(v: Option<&Value>) -> String {
    match v {
        None => "(absent)".into(),
        Some(Value::String(s)) => format!("'{s}'"),
        Some(other) => {
            let s = other.to_string();
            if s.chars().count() > 80 {
                format!("{}…", s.chars().take(80).collect::<String>())
            } else {
                s
            }
        }
    }
}

fn path_string(path: &[String]) -> String {
    let mut out = String::new();
    for seg in path {
        if seg.starts_with('[') || out.is_empty() {
            out.push_str(seg);
        } else {
            out.push('.');
            out.push_str(seg);
        }
    }
    if out.is_empty() {
        "(the whole record)".into()
    } else {
        out
    }
}

fn diff(
    given: &Value,
    expected: &Value,
    path: &mut Vec<String>,
    report: &mut dyn FnMut(Difference),
) {
    match (given, expected) {
        (Value::Object(g), Value::Object(e)) => {
            for (k, ev) in e {
                path.push(k.clone());
                match g.get(k) {
                    Some(gv) => diff(gv, ev, path, report),
                    None => report(Difference {
                        path: path_string(path),
                        record: render(None),
                        recomputed: render(Some(ev)),
                    }),
                }
                path.pop();
            }
            for (k, gv) in g {
                if !e.contains_key(k) {
                    path.push(k.clone());
                    report(Difference {
                        path: path_string(path),
                        record: render(Some(gv)),
                        recomputed: render(None),
                    });
                    path.pop();
                }
            }
        }
        (Value::Array(g), Value::Array(e)) => {
            let is_tasks = path.len() == 1 && path[0] == "tasks";
            for (i, (gv, ev)) in g.iter().zip(e).enumerate() {
                let label = match ev.get("id").and_then(Value::as_str) {
                    Some(id) if is_tasks => format!("[{id}]"),
                    _ => format!("[{}]", i + 1),
                };
                path.push(label);
                diff(gv, ev, path, report);
                path.pop();
            }
            if g.len() != e.len() {
                report(Difference {
                    path: format!("{} (length)", path_string(path)),
                    record: format!("{} entries", g.len()),
                    recomputed: format!("{} entries", e.len()),
                });
            }
        }
        (g, e) if g == e => {}
        (g, e) => report(Difference {
            path: path_string(path),
            record: render(Some(g)),
            recomputed: render(Some(e)),
        }),
    }
}
