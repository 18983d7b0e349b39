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
    // The notice to post, now that the announcement is final: built from the public copies
    // (the same rows, the same canonical digests), without the counts a draw from them gives
    // (the copies lack what an earlier batch or the history excludes).
    let notice = match &args.publish {
        Some(dir) => Some(notice_of(&a, dir, lang)?),
        None => None,
    };
    let notice_path = super::announce::notice_path(out);
    if notice.is_some() && !force && notice_path.exists() {
        anyhow::bail!(crate::files::exists(&notice_path));
    }
    write_atomic(out, ceremony::to_json(&a).as_bytes(), force)?;
    if let Some(p) = &public {
        write_atomic(p, ceremony::to_json(&a).as_bytes(), true)?;
    }
    if let (Some(notice), Some(dir)) = (&notice, &args.publish) {
        write_atomic(&notice_path, notice.as_bytes(), force)?;
        write_atomic(&dir.join("announcement.html"), notice.as_bytes(), true)?;
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
    say!(
        "{}",
        match &notice {
            Some(_) => t!(
                lang,
                "announce-notice-written",
                path = notice_path.display().to_string()
            ),
            None => t!(lang, "finalize-no-notice"),
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// The announcement's notice, from the public copies of its inputs in `dir`.
fn notice_of(
    a: &shuangsui::ceremony::Announcement,
    dir: &std::path::Path,
    lang: Lang,
) -> Result<String> {
    let file = |name: &str| crate::files::read(&dir.join(name));
    let (plan, targets, officers) = (
        file("plan.toml")?,
        file("targets.csv")?,
        file("officers.csv")?,
    );
    let inputs = shuangsui::Inputs::parse(
        shuangsui::Source {
            name: "plan.toml",
            bytes: &plan,
        },
        shuangsui::Source {
            name: "targets.csv",
            bytes: &targets,
        },
        shuangsui::Source {
            name: "officers.csv",
            bytes: &officers,
        },
    )?;
    // The notice speaks for the announcement: copies edited since (a task's ratio, the
    // contact) must not reach it.
    let frozen = inputs.committed().inputs;
    for (name, copy, announced) in [
        ("plan.toml", &frozen.plan, &a.inputs.plan),
        ("targets.csv", &frozen.targets, &a.inputs.targets),
        ("officers.csv", &frozen.officers, &a.inputs.officers),
    ] {
        anyhow::ensure!(
            copy.digest == announced.digest,
            t!(
                lang,
                "finalize-copy-not-announced",
                path = dir.join(name).display().to_string()
            )
        );
    }
    Ok(shuangsui::publish::notice::announcement_notice(lang, a, &inputs, None).html())
}
