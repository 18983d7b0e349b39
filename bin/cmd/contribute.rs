//! `shuangsui contribute`: a party's contribution to an announcement draft.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::ceremony;

use crate::args::ContributeArgs;
use crate::files::read_announcement;
use crate::lang::Lang;
use crate::report;

use super::unix_now;

/// Draws the party's secret and prints it with the contribution it makes to the draft,
/// before the draft's round.
pub fn run(args: &ContributeArgs, lang: Lang) -> Result<ExitCode> {
    let draft = read_announcement(&args.announcement)?;
    ceremony::check_draft(&draft)?;
    let party = ceremony::party_name(&args.party);
    anyhow::ensure!(
        draft.parties.iter().any(|p| p.name == party),
        "'{party}' is not a party of this draft ({}): the parties are named when the draft is made",
        draft
            .parties
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    anyhow::ensure!(
        shuangsui::ceremony::beacon::time_of(draft.beacon.round) > unix_now(),
        "round {} was already emitted at {}: a contribution now would come after the randomness",
        draft.beacon.round,
        draft.beacon.emitted_at
    );
    let secret = hex::encode(rand::random::<[u8; 32]>());
    let body = ceremony::body_digest(&draft);
    let contribution = ceremony::contribution(&body, &party, &secret);
    report::announcement(lang, &draft);
    say!(
        "{} {secret}",
        lang.pick(
            "秘密（妥善保管；抽取后可公开，以证明贡献值为本公告而作）:",
            "secret (keep it; reveal it after the draw to prove the contribution was made for this announcement):"
        )
    );
    say!(
        "{} {contribution}",
        lang.pick(
            "贡献值（写入公告）:",
            "contribution (goes into the announcement):"
        )
    );
    say!(
        "{} --party '{party}={contribution}'",
        lang.pick("定稿时使用:", "finalize with:")
    );
    Ok(ExitCode::SUCCESS)
}
