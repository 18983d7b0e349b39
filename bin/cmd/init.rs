//! `shuangsui init DIR`: example files to start from.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::synth;

use crate::args::InitArgs;
use crate::files::write_all;
use crate::lang::Lang;

/// Writes the example plan, directory and roster into the directory.
pub fn run(args: &InitArgs, lang: Lang) -> Result<ExitCode> {
    let dir = &args.dir;
    let files = example_files(200, 24, 5, lang);
    write_all(dir, &files, args.force)?;
    let written = files
        .iter()
        .map(|(n, _)| dir.join(n).display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    say!("{}", t!(lang, "init-wrote", files = written));
    Ok(ExitCode::SUCCESS)
}

/// plan.toml, targets.csv and officers.csv of the synthetic example (also the demo's).
pub fn example_files(
    targets: usize,
    officers: usize,
    food_count: u64,
    lang: Lang,
) -> Vec<(&'static str, String)> {
    vec![
        ("plan.toml", synth::example_plan(food_count, lang)),
        // With a byte order mark, so that Excel opens them as UTF-8 (the draw reads either).
        (
            "targets.csv",
            format!("\u{FEFF}{}", synth::targets_csv(targets, 2027)),
        ),
        (
            "officers.csv",
            format!("\u{FEFF}{}", synth::officers_csv(officers, 2027)),
        ),
    ]
}
