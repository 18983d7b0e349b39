//! `shuangsui amend`: appends an amendment to a record's ledger after verifying the record,
//! and rewrites it atomically.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::Source;
use shuangsui::verify::ledger::{self, Amendment, Change};

use crate::args::AmendArgs;
use crate::files::{InputFiles, read, write_atomic};
use crate::lang::Lang;
use crate::report;

use super::unix_now;

/// Replaces an officer, or records an unreachable target, and prints the ledger entry.
pub fn run(a: &AmendArgs, lang: Lang) -> Result<ExitCode> {
    let bytes = read(&a.record)?;
    let record = shuangsui::Record::from_json(&a.record.display().to_string(), &bytes)?;
    let inputs = InputFiles::read(&a.inputs, shuangsui::verify::id_check_of(&bytes))?.parse()?;
    let name = a.record.display().to_string();
    let check = shuangsui::verify(
        Source {
            name: &name,
            bytes: &bytes,
        },
        &inputs,
    )?;
    if !check.ok() {
        report::verification(lang, &check);
        anyhow::bail!(t!(
            lang,
            "amend-does-not-verify",
            record = a.record.display().to_string()
        ));
    }
    let (change, target) = match (&a.unreachable, &a.target, &a.replace_officer, &a.reason) {
        (Some(t), None, None, _) => (Change::Unreachable, t.clone()),
        (None, Some(t), Some(o), Some(r)) => (
            Change::ReplaceOfficer {
                officer: o.clone(),
                reason: r.clone(),
                note: a.note.clone().unwrap_or_default(),
            },
            t.clone(),
        ),
        _ => anyhow::bail!(t!(lang, "amend-give-change")),
    };
    // An RFC 3339 time is kept as written; one written as people do (Beijing time) is
    // stored in UTC, as the ledger's times are.
    let at = match &a.at {
        None => shuangsui::dates::format_rfc3339(unix_now()),
        Some(at) if shuangsui::dates::parse_rfc3339(at).is_some() => at.clone(),
        Some(at) => shuangsui::dates::parse_time(at)
            .map(shuangsui::dates::format_rfc3339)
            .ok_or_else(|| anyhow::anyhow!(t!(lang, "amend-bad-time", time = at)))?,
    };
    // The library has no clock; the CLI does: an amendment is not dated in the future.
    if let Some(t) = shuangsui::dates::parse_rfc3339(&at) {
        anyhow::ensure!(
            t <= unix_now() + 300,
            t!(
                lang,
                "amend-in-the-future",
                at = crate::report::beijing(lang, t),
                now = crate::report::beijing(lang, unix_now())
            )
        );
    }
    let amendment = Amendment {
        change,
        task: a.task.clone(),
        target,
        actor: a.actor.clone(),
        at,
    };
    let amended = ledger::amend(&record, &inputs, &amendment)?;
    let entry = amended.ledger.last().expect("an entry was appended");
    write_atomic(&a.record, amended.to_json().as_bytes(), true)?;
    if entry.kind == "unreachable" {
        say!(
            "{}",
            t!(
                lang,
                "amend-recorded",
                task = &entry.task,
                target = &entry.target,
                reason = &entry.reason
            )
        );
    } else {
        // Officers by name beside their ids, as the draw's summary shows them.
        let names = super::draw::officer_names(&inputs);
        let shown = |id: &String| match names.get(id) {
            Some(name) => t!(lang, "report-officer", name = name, id = id),
            None => id.clone(),
        };
        say!(
            "{}",
            t!(
                lang,
                "amend-replaced",
                task = &entry.task,
                target = &entry.target,
                officer = shown(&entry.officer),
                replacement = shown(&entry.replacement),
                reason = &entry.reason
            )
        );
    }
    say!(
        "  {}",
        t!(
            lang,
            "amend-ledger-entry",
            seq = entry.seq.to_string(),
            digest = &entry.digest
        )
    );
    Ok(ExitCode::SUCCESS)
}
