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
        t!(
            lang,
            "contribute-not-a-party",
            party = &party,
            parties = draft
                .parties
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(&t!(lang, "list-separator"))
        )
    );
    anyhow::ensure!(
        shuangsui::ceremony::beacon::time_of(draft.beacon.round) > unix_now(),
        t!(
            lang,
            "contribute-too-late",
            round = draft.beacon.round.to_string(),
            at = crate::report::beijing_text(lang, &draft.beacon.emitted_at)
        )
    );
    let secret = hex::encode(rand::random::<[u8; 32]>());
    let body = ceremony::body_digest(&draft);
    let contribution = ceremony::contribution(&body, &party, &secret);
    report::announcement(lang, &draft);
    say!("{}", t!(lang, "contribute-secret", secret = &secret));
    say!(
        "{}",
        t!(
            lang,
            "contribute-contribution",
            contribution = &contribution
        )
    );
    say!(
        "{}",
        t!(
            lang,
            "contribute-finalize-with",
            party = &party,
            contribution = &contribution
        )
    );
    Ok(ExitCode::SUCCESS)
}
