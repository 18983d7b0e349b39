//! `shuangsui beacon-round --at TIME`: the drand quicknet round emitted at or after a time.

use std::process::ExitCode;

use anyhow::Result;

use crate::args::BeaconRoundArgs;
use crate::lang::Lang;

/// Prints the round and when it is emitted.
pub fn run(args: &BeaconRoundArgs, lang: Lang) -> Result<ExitCode> {
    let at = &args.at;
    let t = shuangsui::dates::parse_time(at)
        .ok_or_else(|| anyhow::anyhow!(t!(lang, "beacon-round-bad-time", time = at)))?;
    let round = shuangsui::ceremony::beacon::round_at(t);
    say!(
        "{}",
        t!(
            lang,
            "beacon-round",
            round = round.to_string(),
            at = crate::report::beijing(lang, shuangsui::ceremony::beacon::time_of(round))
        )
    );
    Ok(ExitCode::SUCCESS)
}
