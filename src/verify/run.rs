//! The verification of a record (SPEC.md §10): the draw re-run and compared
//! ([`redraw`](super::redraw)), then each earlier batch drawn from the same inputs
//! ([`earlier`](super::earlier)).

use super::earlier::{EarlierOutcome, earlier_batches};
use super::redraw::{Options, verify_once};
use super::report::{Difference, MAX_LISTED, Verification};
use crate::draw::{Inputs, Source};
use crate::error::Result;
use crate::messages::msg;

/// Verifies a record against its inputs: re-runs the draw from them and compares, member by
/// member, and re-checks the seed's attestation and the amendment ledger (SPEC.md §10).
///
/// A record that can be read but does not reproduce — edited, drawn from other inputs, its
/// digest not matching, its attestation not holding — is `Ok` with
/// [`Verification::ok`] false: what differs is in the verification (its differences, notes,
/// changed inputs and attestation failure). That is the answer of a verifier ("mismatch",
/// the CLI's exit 1).
///
/// # Errors
///
/// The record cannot be read as a record at all — not JSON (`record_syntax`), a member that
/// is missing, unknown, repeated or of the wrong type (`document`), another spec version
/// (`unsupported_spec`) — or the inputs cannot be drawn from (an error of the draw: the
/// plan's rules cannot be met with these tables). Nothing was compared (the CLI's exit 2).
pub fn verify(record: Source<'_>, inputs: &Inputs) -> Result<Verification> {
    verify_with(record, inputs, &Options::default())
}

/// Verifies a record against its inputs, with [`Options`]; each earlier batch drawn from the
/// same inputs must reproduce too ([`earlier_batches`](super::earlier_batches)).
pub fn verify_with(
    record: Source<'_>,
    inputs: &Inputs,
    options: &Options<'_>,
) -> Result<Verification> {
    let mut v = verify_once(record, inputs, options)?;
    if !inputs.earlier().is_empty() {
        for (i, batch) in earlier_batches(inputs)?.into_iter().enumerate() {
            let n = i + 1;
            match batch.outcome {
                EarlierOutcome::Reproduced => {}
                EarlierOutcome::Differs(count) => {
                    v.total_differences += 1;
                    if v.differences.len() < MAX_LISTED {
                        v.differences.push(Difference::new(
                            format!("earlier[{n}]"),
                            format!("'{}'", batch.digest),
                            msg("verify-earlier-differs").arg("count", count as u64),
                        ));
                    }
                }
                EarlierOutcome::OtherInputs => v.notes.extend(batch.note(n)),
            }
        }
    }
    Ok(v)
}
