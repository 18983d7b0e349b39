//! Answers as JSON values: errors, warnings, checks and verifications, every text a person
//! reads in Chinese and English.

use serde_json::{Value, json};

use crate::error::{Error, Location, Warning};
use crate::messages::Lang;
use crate::verify::Verification;

/// A text in both languages.
pub(crate) fn both(text: impl Fn(Lang) -> String) -> Value {
    json!({ "zh": text(Lang::Zh), "en": text(Lang::En) })
}

/// Where in an input.
fn location(at: &Location) -> Value {
    json!({
        "source": at.source,
        "line": at.line,
        "column": at.column,
        "sheet": at.sheet,
        "text": at.to_string(),
    })
}

/// An error: its stable kind, where, the message and hint in both languages, the problems
/// it lists and how many there are in all.
pub(crate) fn error(e: &Error) -> Value {
    json!({
        "kind": e.kind().as_str(),
        "location": e.location().map(location),
        "message": both(|lang| e.message(lang)),
        "text": both(|lang| e.text(lang)),
        "hint": e.hint(Lang::Zh).map(|_| both(|lang| e.hint(lang).unwrap_or_default())),
        // The request's member a `request` error is about, for code to point at.
        "member": e.value("member").map(|m| m.text(Lang::En)),
        "listed": e.listed().iter().map(error).collect::<Vec<_>>(),
        "total": e.total(),
    })
}

/// Warnings, in both languages.
pub(crate) fn warnings(w: &[Warning]) -> Value {
    w.iter()
        .map(|w| json!({ "message": both(|lang| w.message(lang)) }))
        .collect()
}

/// A verification: whether the record reproduces, what differs, what was proved and what
/// rests on procedure, and the whole report as `verify` words it.
pub(crate) fn verification(v: &Verification) -> Value {
    json!({
        "ok": v.ok(),
        "differences": v.differences.iter().map(|d| json!({
            "path": d.path,
            "record": d.record,
            "recomputed": d.recomputed,
            "message": both(|lang| d.message(lang)),
        })).collect::<Vec<_>>(),
        "total_differences": v.total_differences,
        "changed_inputs": v.changed_inputs,
        "seed_mismatch": v.seed_mismatch,
        "attestation_failure": v.attestation_failure.as_ref().map(|_| both(|lang| {
            v.attestation_failure_message(lang).unwrap_or_default()
        })),
        "guarantees": v.guarantees.iter().map(|g| both(|lang| g.message(lang))).collect::<Vec<_>>(),
        "notes": v.notes.iter().map(|n| json!({
            "id": n.id(),
            "message": both(|lang| n.message(lang)),
        })).collect::<Vec<_>>(),
        "ledger": v.ledger_head().map(|(entries, head)| json!({ "entries": entries, "head": head })),
    })
}
