//! `shuangsui schema NAME`: a JSON Schema the library holds.

use std::process::ExitCode;

use anyhow::Result;

use crate::args::SchemaArgs;
use crate::lang::Lang;

/// Prints the schema, or refuses a name the library does not know, listing those it does.
pub fn run(args: &SchemaArgs, lang: Lang) -> Result<ExitCode> {
    let name = &args.name;
    let text = shuangsui::schemas::get(name).ok_or_else(|| {
        anyhow::anyhow!(t!(
            lang,
            "schema-unknown",
            name = name,
            names = shuangsui::schemas::names().join(", ")
        ))
    })?;
    say_raw!("{text}");
    Ok(ExitCode::SUCCESS)
}
