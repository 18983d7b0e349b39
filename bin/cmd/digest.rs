//! `shuangsui digest`: the canonical digest of one input, in hex.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::inputs::{ReadOptions, Table, TableKind};

use crate::args::DigestArgs;
use crate::files::{self, read};
use crate::lang::Lang;

/// Prints the plan's digest, or a table's as read for that plan (a roster's names digest on
/// a second line).
pub fn run(args: &DigestArgs, lang: Lang) -> Result<ExitCode> {
    let plan = shuangsui::Plan::parse(&args.plan.display().to_string(), &read(&args.plan)?)?;
    let digest = match args.table() {
        None => plan.digest,
        Some((TableKind::Targets, path)) => files::directory_digest(path, &plan)?,
        Some((kind, path)) => {
            let read_options = ReadOptions {
                format: shuangsui::inputs::Format::from_file_name(&path.display().to_string()),
                ..ReadOptions::default()
            };
            let table = Table::parse(
                kind,
                &path.display().to_string(),
                &read(path)?,
                &shuangsui::draw::table_options(&plan, kind, &read_options),
            )?;
            // The roster's names are outside its digest: their own digest follows, to
            // compare with the announcement's officer_names (SPEC.md §3.4).
            if let Some(names) = shuangsui::inputs::digest::officer_names(&table) {
                say!("{}", hex::encode(shuangsui::inputs::digest::table(&table)));
                say!("{}", t!(lang, "digest-names", digest = hex::encode(names)));
                return Ok(ExitCode::SUCCESS);
            }
            shuangsui::inputs::digest::table(&table)
        }
    };
    say!("{}", hex::encode(digest));
    Ok(ExitCode::SUCCESS)
}
