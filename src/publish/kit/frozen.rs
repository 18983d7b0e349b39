//! The public copies of an announcement's frozen inputs, published with it before the draw:
//! anyone can check and challenge the inputs before the randomness exists.

use std::fmt::Write as _;

use super::build::public_targets;
use super::model::{FrozenOptions, Kit};
use super::readme::text;
use crate::ceremony::{Announcement, to_json};
use crate::draw::Inputs;
use crate::error::Result;
use crate::messages::Arg;

/// The public copies of an announcement's frozen inputs: `announcement.json`, the plan as
/// given (`plan`), the tables without personal data (`targets.csv`, `officers.csv`, the same
/// projections as a kit's, then `history.csv` and `conflicts.csv` when the inputs have them),
/// and a `README.md` saying how to check each against the announcement's digests, with the
/// commands of `options`.
///
/// # Errors
///
/// The directory was read without all its columns ([`ErrorKind::Read`](crate::ErrorKind::Read)).
pub fn frozen(
    inputs: &Inputs,
    announcement: &Announcement,
    plan: &[u8],
    options: &FrozenOptions<'_>,
) -> Result<Kit> {
    let lang = options.lang;
    let a = announcement;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("announcement.json".into(), to_json(a).into_bytes()),
        ("plan.toml".into(), plan.to_vec()),
        ("targets.csv".into(), public_targets(inputs)?),
        ("officers.csv".into(), inputs.officers.to_csv()),
    ];
    // The notice to post, for people (抽查公告); a draft has none: its digest changes when the
    // parties' contributions are added (`finalize` writes the notice then).
    if !crate::ceremony::is_draft(a) {
        files.insert(
            1,
            (
                "announcement.html".into(),
                crate::publish::notice::announcement_notice(lang, a, inputs, options.check)
                    .html()
                    .into_bytes(),
            ),
        );
    }
    if let Some((t, _)) = &inputs.history {
        files.push(("history.csv".into(), t.to_csv()));
    }
    if let Some((t, _)) = &inputs.conflicts {
        files.push(("conflicts.csv".into(), t.to_csv()));
    }
    let digests = [
        &a.inputs.plan.digest,
        &a.inputs.targets.digest,
        &a.inputs.officers.digest,
    ];
    let mut list = String::new();
    for (command, digest) in options.digests.iter().zip(digests) {
        let _ = writeln!(list, "{command}   # {digest}");
    }
    if !a.inputs.officer_names.is_empty() {
        let _ = writeln!(
            list,
            "#   {} {}",
            text(lang, "frozen-names-digest", &[]),
            a.inputs.officer_names
        );
    }
    let round = [
        ("round", Arg::from(a.beacon.round.to_string())),
        (
            "at",
            Arg::from(
                crate::dates::parse_rfc3339(&a.beacon.emitted_at)
                    .map_or_else(|| a.beacon.emitted_at.clone(), crate::dates::format_beijing),
            ),
        ),
    ];
    let readme = format!(
        "# {}\n\n{}\n\n```sh\n{list}```\n\n{}{}\n",
        text(lang, "frozen-title", &[]),
        text(lang, "frozen-intro", &[]),
        text(lang, "frozen-round", &round),
        options.also.map_or_else(String::new, |also| format!(
            "\n\n{}",
            text(lang, "frozen-also", &[("also", Arg::from(also))])
        ))
    );
    files.push(("README.md".into(), readme.into_bytes()));
    Ok(Kit { files })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ceremony::{Request, announce};
    use crate::messages::Lang;

    #[test]
    fn the_readme_puts_each_announced_digest_after_the_callers_command() {
        let inputs = crate::publish::kit::build::tests::inputs(false);
        let a = announce(
            &inputs.committed(),
            &Request {
                now: 1_700_000_000,
                margin_secs: 600,
                not_before: None,
                dice: String::new(),
                parties: Vec::new(),
                previous: String::new(),
                replaces: None,
            },
        )
        .unwrap();
        let plan = crate::publish::kit::build::tests::PLAN.as_bytes();
        let options = |lang, also| FrozenOptions {
            lang,
            digests: ["p", "t", "o"],
            also,
            check: None,
        };
        let kit = frozen(&inputs, &a, plan, &options(Lang::En, None)).unwrap();
        let names: Vec<&str> = kit.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "announcement.json",
                "announcement.html",
                "plan.toml",
                "targets.csv",
                "officers.csv",
                "README.md"
            ]
        );
        assert_eq!(
            kit.file("targets.csv"),
            Some(
                &b"id,name\n91110000802100433B,\xe7\x94\xb2\n9144030071526726XG,\xe4\xb9\x99\n"[..]
            )
        );
        let readme = String::from_utf8_lossy(kit.file("README.md").unwrap()).into_owned();
        for (command, digest) in [
            ("p", &a.inputs.plan),
            ("t", &a.inputs.targets),
            ("o", &a.inputs.officers),
        ] {
            assert!(
                readme.contains(&format!("\n{command}   # {}\n", digest.digest)),
                "{readme}"
            );
        }
        assert!(
            readme.contains(&format!("{}\n", a.inputs.officer_names)),
            "{readme}"
        );
        assert!(readme.ends_with("before then.\n"), "{readme}");
        let kit = frozen(&inputs, &a, plan, &options(Lang::Zh, Some(" more"))).unwrap();
        let readme = String::from_utf8_lossy(kit.file("README.md").unwrap()).into_owned();
        assert!(readme.ends_with("\n\n(另有： more)\n"), "{readme}");
    }
}
