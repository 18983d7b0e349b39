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
        anyhow::bail!(
            "'{}' does not verify against these inputs: nothing was amended",
            a.record.display()
        );
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
        _ => anyhow::bail!(
            "give either --unreachable ENTITY, or --target ENTITY --replace-officer OFFICER --reason REASON"
        ),
    };
    let at =
        a.at.clone()
            .unwrap_or_else(|| shuangsui::dates::format_rfc3339(unix_now()));
    // The library has no clock; the CLI does: an amendment is not dated in the future.
    if let Some(t) = shuangsui::dates::parse_rfc3339(&at) {
        anyhow::ensure!(
            t <= unix_now() + 300,
            "--at {at} is in the future (now {}): an amendment is dated when it is made",
            shuangsui::dates::format_rfc3339(unix_now())
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
            "{} {} {}: {}",
            lang.pick("已记录", "recorded"),
            entry.task,
            entry.target,
            entry.reason
        );
    } else {
        say!(
            "{} {} {}: {} → {} ({})",
            lang.pick("已替换", "replaced"),
            entry.task,
            entry.target,
            entry.officer,
            entry.replacement,
            entry.reason
        );
    }
    say!("  ledger #{} {}", entry.seq, entry.digest);
    Ok(ExitCode::SUCCESS)
}
