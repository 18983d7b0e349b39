//! Running a draw vector: its inputs parsed, its seed typed or attested, the draw, then its
//! amendments. The generator runs its cases through it, the harness the files' vectors.

use serde_json::Value;
use shuangsui::inputs::{IdCheck, IdCheckMode};
use shuangsui::plan::Rounding;
use shuangsui::{InputOptions, Inputs, Seed, ceremony};

use crate::fixtures::{parse_with, with_conflicts, with_history};

/// The id check of `--id-check MODE` (`warn`, else strict) with an allowlist.
pub fn id_check(mode: &str, allowlist: &[&str]) -> IdCheck {
    IdCheck {
        mode: if mode == "warn" {
            IdCheckMode::Warn
        } else {
            IdCheckMode::Strict
        },
        allowlist: allowlist.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// A draw vector's inputs, as the generator holds them (a case) or the harness reads them
/// (a vector of `draws.json` or `errors.json`).
pub struct DrawInput<'a> {
    pub plan: &'a str,
    pub targets: &'a str,
    pub officers: &'a str,
    pub seed: &'a str,
    /// `--id-check` and the allowlist, when not the defaults.
    pub id_check: Option<(&'a str, Vec<&'a str>)>,
    pub history: Option<&'a str>,
    pub conflicts: Option<&'a str>,
    pub amendments: &'a [Value],
    pub earlier: &'a [Value],
    pub attested: Option<&'a Value>,
}

/// The inputs of a vector: the three files, then the history file, the earlier batches and
/// the conflicts file.
pub fn parse(v: &DrawInput<'_>) -> shuangsui::Result<Inputs> {
    let options = InputOptions {
        id_check: v
            .id_check
            .as_ref()
            .map(|(m, a)| id_check(m, a))
            .unwrap_or_default(),
        ..InputOptions::default()
    };
    let inputs = parse_with(v.plan, v.targets, v.officers, &options)?;
    let inputs = match v.history {
        Some(h) => with_history(inputs, h)?,
        None => inputs,
    };
    let inputs = with_earlier(inputs, v.earlier)?;
    match v.conflicts {
        Some(c) => with_conflicts(inputs, c),
        None => Ok(inputs),
    }
}

/// The draw of a vector, its amendments applied.
pub fn run(v: &DrawInput<'_>) -> shuangsui::Result<shuangsui::Draw> {
    let inputs = parse(v)?;
    let seed = seed_for(&inputs, v.seed, v.attested)?;
    let mut d = shuangsui::draw(&inputs, &seed)?;
    d.record = apply_amendments(d.record, &inputs, v.amendments)?;
    Ok(d)
}

/// The seed of a case: typed, or attested (SPEC.md §5.3): announced ten
/// minutes and a second before the fixture round was emitted, so that the
/// announcement names that round.
fn seed_for(inputs: &Inputs, typed: &str, attested: Option<&Value>) -> shuangsui::Result<Seed> {
    use shuangsui::ceremony::{Request, Sources};
    let Some(a) = attested else {
        return Seed::unattested(typed);
    };
    let secrets: Vec<(String, String)> = a["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_owned(),
                p["secret"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let round: shuangsui::ceremony::beacon::Round =
        serde_json::from_value(a["beacon"].clone()).unwrap();
    let now = shuangsui::dates::parse_rfc3339(a["announced_at"].as_str().unwrap()).unwrap();
    let margin = a["margin_secs"].as_i64().unwrap();
    // Earlier attempts, not drawn: each made at its own time with its own dice, and
    // replaced by the next for its reason (SPEC.md §5.3.4).
    let mut replaced: Vec<ceremony::Announcement> = Vec::new();
    let mut replacing = None;
    for old in a["replaced"].as_array().into_iter().flatten() {
        let made = ceremony::announce(
            &inputs.committed(),
            &Request {
                now: shuangsui::dates::parse_rfc3339(old["announced_at"].as_str().unwrap())
                    .unwrap(),
                margin_secs: margin,
                not_before: None,
                dice: old["dice"].as_str().unwrap().to_owned(),
                parties: Vec::new(),
                previous: String::new(),
                replaces: replacing.take(),
            },
        )?;
        replacing = Some((made.clone(), old["reason"].as_str().unwrap().to_owned()));
        replaced.push(made);
    }
    let draft = ceremony::announce(
        &inputs.committed(),
        &Request {
            now,
            margin_secs: margin,
            not_before: None,
            dice: a["dice"].as_str().unwrap().to_owned(),
            parties: secrets.iter().map(|(n, _)| n.clone()).collect(),
            previous: String::new(),
            replaces: replacing,
        },
    )?;
    let body = ceremony::body_digest(&draft);
    let contributions: Vec<(String, String)> = secrets
        .iter()
        .map(|(n, s)| (n.clone(), ceremony::contribution(&body, n, s)))
        .collect();
    let announcement = ceremony::with_parties(&draft, &contributions, now, margin)?;
    let sources = Sources {
        replaced,
        round,
        reveals: secrets,
        timestamp: None,
        tsa_cert: None,
        same_files: true,
    };
    Ok(ceremony::attest(&announcement, &inputs.committed(), &sources)?.0)
}

fn with_earlier(inputs: Inputs, earlier: &[Value]) -> shuangsui::Result<Inputs> {
    if earlier.is_empty() {
        return Ok(inputs);
    }
    let records = earlier
        .iter()
        .enumerate()
        .map(|(i, v)| {
            (
                format!("earlier-{i}.json"),
                serde_json::from_value(v.clone()).expect("a record"),
            )
        })
        .collect();
    inputs.with_earlier(records)
}

/// Applies amendments written as JSON (kind, task, target, officer, reason, actor, at).
fn apply_amendments(
    mut record: shuangsui::Record,
    inputs: &Inputs,
    amendments: &[Value],
) -> shuangsui::Result<shuangsui::Record> {
    use shuangsui::verify::ledger::{Amendment, Change, amend};
    for a in amendments {
        let s = |k: &str| a[k].as_str().unwrap_or_default().to_owned();
        let change = if s("kind") == "unreachable" {
            Change::Unreachable
        } else {
            Change::ReplaceOfficer {
                officer: s("officer"),
                reason: s("reason"),
                note: s("note"),
            }
        };
        let task = Some(s("task")).filter(|t| !t.is_empty());
        record = amend(
            &record,
            inputs,
            &Amendment {
                change,
                task,
                target: s("target"),
                actor: s("actor"),
                at: s("at"),
            },
        )?;
    }
    Ok(record)
}

/// The rounding named in a vector.
pub fn rounding_of(s: &str) -> Rounding {
    match s {
        "ceil" => Rounding::Ceil,
        "floor" => Rounding::Floor,
        "nearest" => Rounding::Nearest,
        other => panic!("unknown rounding {other}"),
    }
}
