//! `shuangsui verify`: re-runs a draw from its inputs and compares with the record.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::Source;

use crate::args::VerifyArgs;
use crate::files::{InputFiles, read, read_tsa_cert};
use crate::lang::Lang;
use crate::report;

/// Verifies the record, its inputs read with the id check the record names: exit code 0
/// when it reproduces, 1 when it does not.
pub fn run(args: &VerifyArgs, lang: Lang) -> Result<ExitCode> {
    let (record_path, inputs) = (&args.record, &args.inputs);
    let tsa_cert = args.tsa_cert.as_deref().map(read_tsa_cert).transpose()?;
    let bytes = read(record_path)?;
    // The members the flags and the id check come from, without the selections' bulk.
    let head = shuangsui::verify::RecordHead::read(&bytes);
    if let Some(record) = &head {
        let earlier = record.earlier;
        if earlier != inputs.earlier.len() {
            anyhow::bail!(t!(
                lang,
                "verify-earlier-needed",
                record = record_path.display().to_string(),
                count = earlier,
                given = inputs.earlier.len()
            ));
        }
        for (file, flag, given, digest) in [
            (
                t!(lang, "verify-history-file"),
                "--history",
                &inputs.history,
                &record.history,
            ),
            (
                t!(lang, "verify-conflicts-file"),
                "--conflicts",
                &inputs.conflicts,
                &record.conflicts,
            ),
        ] {
            if let Some(digest) = digest
                && given.is_none()
            {
                anyhow::bail!(t!(
                    lang,
                    "verify-file-needed",
                    record = record_path.display().to_string(),
                    file = file,
                    digest = if digest.is_empty() {
                        "?"
                    } else {
                        digest.as_str()
                    },
                    flag = flag
                ));
            }
        }
    }
    let raw = head.as_ref().is_some_and(|h| h.raw_digest);
    let parsed = match (&args.census, &args.candidates) {
        (None, None) => {
            let id_check = head.map(|h| h.id_check).unwrap_or_default();
            InputFiles::read(inputs, id_check)?
                .raw_digest(raw)
                .parse()?
        }
        (Some(census), Some(candidates)) => {
            if inputs.targets.is_some() {
                anyhow::bail!(t!(lang, "verify-warehouse-or-file"));
            }
            let digest = head.map(|h| h.targets).unwrap_or_default();
            crate::cmd::matching::held(lang, inputs, &digest, census, candidates)?
        }
        _ => anyhow::bail!(t!(lang, "verify-census-and-candidates")),
    };
    let name = record_path.display().to_string();
    let outcome = shuangsui::verify::verify_with(
        Source {
            name: &name,
            bytes: &bytes,
        },
        &parsed,
        &shuangsui::verify::Options {
            tsa_cert: tsa_cert.as_deref(),
        },
    )?;
    Ok(if report::verification(lang, &outcome) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
