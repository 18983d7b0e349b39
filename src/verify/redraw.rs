//! Re-running a draw from its inputs and comparing it with the record (SPEC.md §10).

use serde_json::Value;

use super::diff::{diff, reconcile_raw, render};
use super::head::head_of;
use super::report::{Difference, MAX_LISTED, Note, Verification, guarantees_of};
use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::to_hex;
use crate::ceremony::beacon::Round;
use crate::ceremony::seed::Seed;
use crate::ceremony::{Attestation, Sources};
use crate::draw::record::{Record, not_json};
use crate::draw::{self, Inputs, Source};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::messages::msg;

/// What a verifier is given besides the record and the inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The TSA's certificate (PEM or DER), to check the signature of the record's
    /// time-stamp token; without it the token's imprint and time are checked, and
    /// the verification says the signature was not.
    pub tsa_cert: Option<&'a [u8]>,
}

/// [`verify_with`] without re-drawing the earlier batches.
pub(crate) fn verify_once(
    record: Source<'_>,
    inputs: &Inputs,
    options: &Options<'_>,
) -> Result<Verification> {
    // The small members only: a provincial record's selections, as a tree, would take
    // several times the record's size; they are read in full only when they differ.
    let given: Value = head_of(record.bytes).map_err(|e| not_json(record.name, e))?;
    let spec = given.get("spec").and_then(Value::as_str).ok_or_else(|| {
        Error::with_id(ErrorKind::RecordSyntax, "record-syntax-no-spec")
            .at(Location::file(record.name))
    })?;
    if spec != SPEC_VERSION {
        return Err(Error::new(ErrorKind::UnsupportedSpec)
            .at(Location::file(record.name))
            .arg("found", spec.to_owned())
            .arg("supported", SPEC_VERSION.to_owned()));
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
                crate::ceremony::base64_decode(&attestation.timestamp)
                    .map(Some)
                    .ok_or_else(|| Note::new(msg("verify-timestamp-not-base64")))
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
                match crate::ceremony::attest(
                    &attestation.announcement,
                    &inputs.committed(),
                    &sources,
                ) {
                    Ok((seed, _, attested)) => Ok((seed, attested)),
                    Err(e) => Err(Note::error(e)),
                }
            });
            match attested {
                Ok((seed, attested)) => {
                    guarantees = guarantees_of(&attestation, &attested);
                    seed
                }
                Err(why) => {
                    // Recompute with the recorded seed so that the other
                    // differences are listed too.
                    attestation_failure = Some(why);
                    Seed {
                        value: seed_value.to_owned(),
                        source: crate::ceremony::seed::SeedSource::Beacon,
                        attestation: Some(Box::new(attestation)),
                    }
                }
            }
        }
        (source, attestation) => {
            let e = if attestation.is_some() {
                Error::with_id(
                    ErrorKind::RecordSyntax,
                    "record-syntax-seed-source-attested",
                )
            } else {
                Error::with_id(
                    ErrorKind::RecordSyntax,
                    "record-syntax-seed-source-unattested",
                )
            };
            return Err(e.at(Location::file(record.name)).arg("source", source));
        }
    };

    let mut notes = Vec::new();
    // SPEC.md §10 step 7: an unattested seed proves nothing about when it was chosen.
    if parsed.seed.attestation.is_none() {
        notes.push(Note::new(msg("verify-note-unattested")));
    }
    if inputs.held.is_some() {
        notes.push(Note::new(msg("verify-note-warehouse")));
        if inputs.plan.tasks.iter().any(|t| t.officer_region.is_some()) {
            notes.push(Note::new(msg("verify-note-warehouse-regions")));
        }
    }
    if options.tsa_cert.is_some()
        && parsed
            .seed
            .attestation
            .as_ref()
            .is_none_or(|a| a.timestamp.is_empty())
    {
        notes.push(Note::new(msg("verify-note-tsa-unused")));
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
            notes.push(Note::with_error(msg("verify-note-not-drawable"), e));
            let differences: Vec<Difference> = digests
                .iter()
                .filter(|(name, _)| changed_inputs.contains(name))
                .map(|(name, d)| {
                    Difference::new(
                        format!("inputs.{name}.digest"),
                        render(given.pointer(&format!("/inputs/{name}/digest"))),
                        format!("'{}'", to_hex(d)),
                    )
                })
                .collect();
            return Ok(Verification {
                total_differences: differences.len() + usize::from(attestation_failure.is_some()),
                differences,
                notes,
                changed_inputs,
                seed_mismatch: false,
                attestation_failure: attestation_failure.as_ref().map(ToString::to_string),
                guarantees,
                recomputed: None,
                failure: attestation_failure,
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
        let whole: Value =
            serde_json::from_slice(record.bytes).map_err(|e| not_json(record.name, e))?;
        // The digest is over the members in the record's order (SPEC.md §9.3), whatever
        // order the file holds them in: the typed record, not the file's tree.
        if parsed.content_digest() != parsed.digest {
            notes.push(Note::new(msg("verify-note-altered")));
        }
        let expected = serde_json::to_value(&recomputed).expect("a record always serialises");
        let mut differs = false;
        diff(&whole, &expected, &mut Vec::new(), &mut |d| {
            differs = true;
            report(d);
        });
        if !differs && record.bytes != parsed.to_json().as_bytes() {
            notes.push(Note::new(msg("verify-note-form")));
        }
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
                report(Difference::new(
                    format!("inputs.{name}.dropped"),
                    format!("'{header}'"),
                    if drops {
                        msg("verify-dropped-unsorted")
                    } else {
                        msg("verify-dropped-read")
                    },
                ));
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
                report(Difference::new(
                    format!("inputs.{name}.sha256"),
                    format!("'{r}'"),
                    msg("verify-announced").arg("value", format!("'{}'", a.sha256)),
                ));
            }
        }
        // The names are frozen at the announcement too: renaming an officer after the
        // draw would put another person in a drawn team (§5.3.2).
        if announced.officer_names != parsed.inputs.officers.names {
            report(Difference::new(
                "inputs.officers.names",
                format!("'{}'", parsed.inputs.officers.names),
                msg("verify-announced").arg("value", format!("'{}'", announced.officer_names)),
            ));
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
        attestation_failure: attestation_failure.as_ref().map(ToString::to_string),
        guarantees,
        recomputed: Some(recomputed),
        failure: attestation_failure,
    })
}
