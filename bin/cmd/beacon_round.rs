//! `shuangsui beacon-round --at TIME`: the drand quicknet round emitted at or after a time.

use std::process::ExitCode;

use anyhow::Result;

use crate::args::BeaconRoundArgs;
use crate::lang::Lang;

/// Prints the round and when it is emitted.
pub fn run(args: &BeaconRoundArgs, lang: Lang) -> Result<ExitCode> {
    let at = &args.at;
    let t = shuangsui::dates::parse_rfc3339(at).ok_or_else(|| {
        anyhow::anyhow!("'{at}' is not an RFC 3339 time such as 2027-01-15T10:10:00+08:00")
    })?;
    let round = shuangsui::ceremony::beacon::round_at(t);
    say!(
        "{} {round} {} {}",
        lang.pick("drand quicknet 轮次", "drand quicknet round"),
        lang.pick("发布于", "emitted at"),
        shuangsui::dates::format_rfc3339(shuangsui::ceremony::beacon::time_of(round))
    );
    Ok(ExitCode::SUCCESS)
}
