//! `shuangsui check`: validates the inputs and shows what a draw would take, without drawing.

use std::process::ExitCode;

use anyhow::Result;

use crate::args::CheckArgs;
use crate::files::{self, InputFiles};
use crate::lang::Lang;
use crate::report;

/// Reads and checks the inputs, prints the warnings and the report.
pub fn run(args: &CheckArgs, lang: Lang) -> Result<ExitCode> {
    let parsed = InputFiles::read(&args.inputs, files::id_check(&args.id_check)?)?.parse()?;
    let checked = shuangsui::check(&parsed)?;
    for w in &checked.warnings {
        eprintln!("{}", t!(lang, "cli-warning", message = w.message(lang)));
    }
    report::check_report(lang, &parsed, &checked);
    Ok(ExitCode::SUCCESS)
}
