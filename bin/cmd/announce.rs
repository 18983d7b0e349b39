//! `shuangsui announce`: freezes the inputs, the dice and a future beacon round in an
//! announcement, after checking that a draw from them would succeed.

use std::fs;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use crate::args::AnnounceArgs;
use crate::files::{self, InputFiles, read, read_announcement, write_atomic};
use crate::lang::Lang;
use crate::{publication, report};

use super::unix_now;

/// Writes the announcement (a draft when it names parties) and, with `--publish DIR`, the
/// public copies of its frozen inputs.
pub fn run(args: &AnnounceArgs, lang: Lang) -> Result<ExitCode> {
    let out = &args.out;
    if !args.force && out.exists() {
        anyhow::bail!(files::exists(out));
    }
    // The directory in a warehouse: its digest and rows, computed there (both or neither,
    // checked here: clap's `requires` does not hold across the flattened inputs).
    let elsewhere = match (&args.targets_digest, args.targets_rows) {
        (Some(hex), Some(rows)) => {
            let limit = shuangsui::inputs::limits::ROWS as u64;
            if rows == 0 || rows > limit {
                anyhow::bail!(t!(
                    lang,
                    "announce-bad-targets-rows",
                    rows = rows.to_string(),
                    limit = limit.to_string()
                ));
            }
            Some(shuangsui::DirectoryElsewhere {
                digest: digest_of_hex(hex).ok_or_else(|| {
                    anyhow::anyhow!(t!(lang, "announce-bad-targets-digest", digest = hex))
                })?,
                rows,
            })
        }
        (None, None) => None,
        _ => anyhow::bail!(t!(lang, "announce-targets-digest-and-rows")),
    };
    let files = InputFiles::read_with(&args.inputs, files::id_check(&args.id_check)?, elsewhere)?
        .raw_digest(args.raw_digest);
    // The public copies need every column that is not personal data.
    let parsed = if args.publish.is_some() {
        files.keep_all().parse()?
    } else {
        files.parse()?
    };
    let checked = if let Some(e) = elsewhere {
        // No rows here to check a draw against: the warehouse's queries do, and the draw
        // (which reads the directory) must find this digest.
        say!(
            "{}",
            t!(
                lang,
                "announce-targets-elsewhere",
                digest = hex::encode(e.digest),
                rows = e.rows.to_string()
            )
        );
        None
    } else {
        let checked = shuangsui::check(&parsed)?;
        for w in &checked.warnings {
            eprintln!("{}", t!(lang, "cli-warning", message = w.message(lang)));
        }
        Some(checked)
    };
    let previous = match &args.previous {
        None => String::new(),
        Some(p) => {
            let record = shuangsui::Record::from_json(&p.display().to_string(), &read(p)?)?;
            if record.content_digest() != record.digest {
                anyhow::bail!(t!(
                    lang,
                    "announce-previous-altered",
                    record = p.display().to_string()
                ));
            }
            record.digest
        }
    };
    let not_before = match &args.not_before {
        None => None,
        Some(t) => Some(
            shuangsui::dates::parse_time(t)
                .ok_or_else(|| anyhow::anyhow!(t!(lang, "announce-bad-not-before", time = t)))?,
        ),
    };
    let replaces = match (&args.replaces, &args.reason) {
        (Some(p), Some(why)) => Some((read_announcement(p)?, why.clone())),
        _ => None,
    };
    let request = shuangsui::ceremony::Request {
        now: unix_now(),
        margin_secs: i64::from(args.margin) * 60,
        not_before,
        dice: args.dice.clone().unwrap_or_default(),
        parties: args.parties.clone(),
        previous,
        replaces,
    };
    let a = shuangsui::ceremony::announce(&parsed.committed(), &request)?;
    // The notice to post (抽查公告), beside the announcement: printable, self-contained. A
    // draft has none: its digest changes when the parties contribute (`finalize` writes it).
    let notice_path = notice_path(out);
    let notice = (!shuangsui::ceremony::is_draft(&a)).then(|| {
        shuangsui::publish::notice::announcement_notice(lang, &a, &parsed, checked.as_ref()).html()
    });
    if notice.is_some() && !args.force && notice_path.exists() {
        anyhow::bail!(files::exists(&notice_path));
    }
    let public = match &args.publish {
        None => Vec::new(),
        Some(dir) => publication::frozen_inputs(
            lang,
            &a,
            &read(&args.inputs.plan)?,
            &parsed,
            checked.as_ref(),
        )?
        .into_iter()
        .map(|(name, bytes)| (dir.join(name), bytes))
        .collect(),
    };
    for (path, _) in &public {
        if !args.force && path.exists() {
            anyhow::bail!(files::exists(path));
        }
    }
    if let Some(dir) = &args.publish {
        fs::create_dir_all(dir).with_context(|| {
            t!(
                lang,
                "error-cannot-create-dir",
                path = dir.display().to_string()
            )
        })?;
    }
    write_atomic(out, shuangsui::ceremony::to_json(&a).as_bytes(), args.force)?;
    if let Some(notice) = &notice {
        write_atomic(&notice_path, notice.as_bytes(), args.force)?;
    }
    for (path, bytes) in &public {
        write_atomic(path, bytes, args.force)?;
    }
    report::announcement(lang, &a);
    if !a.inputs.targets.sha256.is_empty() {
        say!("  {}", t!(lang, "announce-raw-frozen"));
    }
    if let Some(dir) = &args.publish {
        say!(
            "{}",
            t!(
                lang,
                "announce-public-copies",
                dir = dir.display().to_string()
            )
        );
    }
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
        if notice.is_some() {
            t!(
                lang,
                "announce-notice-written",
                path = notice_path.display().to_string()
            )
        } else {
            t!(lang, "announce-draft-no-notice")
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// Where the announcement's notice goes: beside it, `.html` for its extension
/// (`announcement.json` → `announcement.html`; `a.html` → `a.notice.html`).
pub(crate) fn notice_path(out: &std::path::Path) -> std::path::PathBuf {
    let html = out.with_extension("html");
    if html == out {
        out.with_extension("notice.html")
    } else {
        html
    }
}

/// 64 hex digits (either case, as engines print them) as a digest.
pub(crate) fn digest_of_hex(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    hex::decode(hex.to_ascii_lowercase()).ok()?.try_into().ok()
}
