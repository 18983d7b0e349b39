//! `shuangsui finalize`: adds the parties' contributions to an announcement draft, before
//! its round.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::ceremony;

use crate::args::{FinalizeArgs, Pair};
use crate::files::{read_announcement, write_atomic};
use crate::lang::Lang;
use crate::report;

use super::unix_now;

/// Writes the finalized announcement (and replaces the draft's in the public copies).
pub fn run(args: &FinalizeArgs, lang: Lang) -> Result<ExitCode> {
    let (out, force) = (&args.out, args.force);
    if !force && out.exists() {
        anyhow::bail!(crate::files::exists(out));
    }
    let draft = read_announcement(&args.draft)?;
    let parties: Vec<(String, String)> =
        args.parties.iter().cloned().map(Pair::into_tuple).collect();
    let a = ceremony::with_parties(&draft, &parties, unix_now(), i64::from(args.margin) * 60)?;
    // The public copies' announcement must be this draft's (same body) before it is
    // replaced by the finalized one.
    let public = args
        .publish
        .as_ref()
        .map(|dir| dir.join("announcement.json"));
    if let Some(p) = &public {
        let old = read_announcement(p)?;
        anyhow::ensure!(
            ceremony::body_digest(&old) == ceremony::body_digest(&draft),
            t!(
                lang,
                "finalize-not-this-draft",
                path = p.display().to_string()
            )
        );
    }
    write_atomic(out, ceremony::to_json(&a).as_bytes(), force)?;
    if let Some(p) = &public {
        write_atomic(p, ceremony::to_json(&a).as_bytes(), true)?;
    }
    report::announcement(lang, &a);
    say!(
        "{}",
        t!(
            lang,
            "announce-written",
            path = out.display().to_string(),
            digest = &a.digest
        )
    );
    Ok(ExitCode::SUCCESS)
}
