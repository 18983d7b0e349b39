//! Earlier batches re-drawn (SPEC.md §6.1): a later batch excludes what the earlier ones drew,
//! so an earlier record edited and re-sealed (its digest recomputed) would exclude whom its
//! editor liked. An earlier batch drawn from the same inputs must itself reproduce from them;
//! one drawn from other inputs cannot be re-drawn here, and is named by its digest for the
//! reader to compare with its published notice.

use super::redraw::verify_once;
use super::report::Note;
use crate::base::canonical::to_hex;
use crate::draw::record::Record;
use crate::draw::{Inputs, Source};
use crate::error::{Error, ErrorKind, Result};
use crate::messages::msg;

/// What became of an earlier batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EarlierOutcome {
    /// Drawn from these inputs, and it reproduces from them.
    Reproduced,
    /// Drawn from these inputs, and it does not reproduce: so many differences. A later
    /// batch must not follow it.
    Differs(usize),
    /// Drawn from other inputs (a directory updated between batches, another roster), or
    /// after an earlier batch not given here, or the directory is in a warehouse: not
    /// re-drawn. That it is the batch published
    /// rests on comparing its digest with its notice, and on its own kit.
    OtherInputs,
}

/// An earlier batch and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlierBatch {
    /// Its record digest.
    pub digest: String,
    /// Whether it reproduces.
    pub outcome: EarlierOutcome,
}

/// Re-draws each earlier batch of `inputs` that was drawn from the same inputs (plan,
/// directory, roster, history and conflicts digests all equal), with the earlier batches it
/// lists, and compares it with its record (SPEC.md §6.1, §10). The others are listed as
/// [`EarlierOutcome::OtherInputs`]. In the order of [`Inputs::earlier`] (by digest).
///
/// A draw from batches that [`EarlierOutcome::Differs`] must be refused (the command line
/// and [`crate::api`] refuse it), and [`verify`](crate::verify()) reports them as differences.
/// Each re-draw holds a second copy of the inputs while it runs.
pub fn earlier_batches(inputs: &Inputs) -> Result<Vec<EarlierBatch>> {
    let d = inputs.digests();
    let hex = |h: &crate::inputs::Hash| to_hex(h);
    let mut out = Vec::new();
    for record in inputs.earlier() {
        let r = &record.inputs;
        let same = r.plan.digest == hex(&d.plan)
            && r.targets.digest == hex(&d.targets)
            && r.officers.digest == hex(&d.officers)
            && r.history.as_ref().map(|t| t.digest.as_str())
                == d.history.as_ref().map(hex).as_deref()
            && r.conflicts.as_ref().map(|t| t.digest.as_str())
                == d.conflicts.as_ref().map(hex).as_deref();
        let before: Vec<(String, Record)> = inputs
            .earlier()
            .iter()
            .filter(|e| r.earlier.contains(&e.digest))
            .map(|e| (e.digest.clone(), e.clone()))
            .collect();
        // A directory held in a warehouse (its census and candidates are this draw's) or
        // known by its digest alone cannot give another draw here.
        let here = inputs.held.is_none() && inputs.elsewhere().is_none();
        let outcome = if !same || !here || before.len() != r.earlier.len() {
            EarlierOutcome::OtherInputs
        } else {
            let mut sub = inputs.clone();
            sub.earlier = Vec::new();
            sub.digests.earlier = None;
            let sub = sub.with_earlier(before)?;
            let json = record.to_json();
            let name = format!("{}.json", record.digest);
            let v = verify_once(
                Source {
                    name: &name,
                    bytes: json.as_bytes(),
                },
                &sub,
                &super::redraw::Options::default(),
            )?;
            if v.ok() {
                EarlierOutcome::Reproduced
            } else {
                EarlierOutcome::Differs(v.total_differences)
            }
        };
        out.push(EarlierBatch {
            digest: record.digest.clone(),
            outcome,
        });
    }
    Ok(out)
}

impl EarlierBatch {
    /// What a draw or a verification says of the `n`th earlier batch (1-based, in digest
    /// order) when it was drawn from other inputs: to compare its digest with its notice.
    pub fn note(&self, n: usize) -> Option<Note> {
        (self.outcome == EarlierOutcome::OtherInputs).then(|| {
            Note::new(
                msg("verify-note-earlier-other")
                    .arg("n", n as u64)
                    .arg("digest", self.digest.as_str()),
            )
        })
    }
}

/// [`earlier_batches`] for a draw: an error for the first earlier batch that was drawn from
/// these inputs and does not reproduce from them (its record edited and re-sealed, say), since
/// the targets it drew would be excluded on its word.
pub fn refuse_altered_earlier(inputs: &Inputs) -> Result<Vec<EarlierBatch>> {
    let batches = earlier_batches(inputs)?;
    if let Some(b) = batches.iter().find_map(|b| match b.outcome {
        EarlierOutcome::Differs(count) => Some((b, count)),
        _ => None,
    }) {
        return Err(
            Error::with_id(ErrorKind::InputsMismatch, "draw-earlier-not-reproduced")
                .arg("digest", b.0.digest.as_str())
                .arg("count", b.1 as u64),
        );
    }
    Ok(batches)
}
