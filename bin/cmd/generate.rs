//! `shuangsui gen`: the provincial generator, streamed to disk (ten million rows need no
//! more memory than one).

use std::fs;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use shuangsui::synth::province;

use crate::args::GenArgs;
use crate::files;
use crate::lang::Lang;

/// Writes the synthetic directory, roster and plan.
pub fn run(args: &GenArgs, lang: Lang) -> Result<ExitCode> {
    let (out, force) = (&args.out, args.force);
    fs::create_dir_all(out).with_context(|| {
        t!(
            lang,
            "error-cannot-create-dir",
            path = out.display().to_string()
        )
    })?;
    let names = ["targets.csv", "officers.csv", "plan.toml"];
    if !force {
        for name in names {
            let path = out.join(name);
            anyhow::ensure!(!path.exists(), files::exists(&path));
        }
    }
    files::write_atomic_with(&out.join(names[0]), force, |w| {
        province::write_targets(w, args.targets, args.seed)
    })?;
    files::write_atomic_with(&out.join(names[1]), force, |w| {
        province::write_officers(w, args.officers, args.seed)
    })?;
    files::write_atomic(&out.join(names[2]), province::plan_toml().as_bytes(), force)?;
    let written = names
        .iter()
        .map(|n| out.join(n).display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    say!("{}", t!(lang, "gen-wrote", files = written));
    Ok(ExitCode::SUCCESS)
}
