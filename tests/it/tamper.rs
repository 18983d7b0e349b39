//! Tamper evidence (issue 8): a reference draw — announced, attested with the real drand
//! round of `tests/fixtures`, amended twice — and every single-field change that can be
//! derived from it: each member of the record (digests, seed and its sources, the
//! announcement, every selected id, ticket, rank, stratum and officer, the order of the
//! selections, each ledger entry and link, the spec version), and each row of the inputs
//! (changed, added, removed, duplicated). `verify` must refuse every one — a mismatch (exit 1)
//! naming what differs, or an error (exit 2) for input it cannot read — and never pass one.

use crate::fixtures::fixture_round;
use rayon::prelude::*;
use serde_json::Value;
use shuangsui::ceremony::{self, Request, Sources};
use shuangsui::verify::ledger::{self, Amendment, Change};
use shuangsui::{Inputs, Record, Source, draw, synth, verify};

const SECRET: &str = "a notary's secret, kept until the draw";

struct Files {
    plan: String,
    targets: String,
    officers: String,
}

fn parse(f: &Files) -> shuangsui::Result<Inputs> {
    Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: f.plan.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: f.targets.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: f.officers.as_bytes(),
        },
    )
}

/// The reference: announced, attested, drawn, amended twice.
fn reference() -> (Files, Inputs, Record) {
    let files = Files {
        plan: synth::plan_toml(4),
        targets: synth::targets_csv(120, 8),
        officers: synth::officers_csv(24, 8),
    };
    let inputs = parse(&files).unwrap();
    // 2023-09-15T10:50:02Z: round 657413 (11:00:03Z) is the first after a 10-minute margin.
    let now = shuangsui::dates::parse_rfc3339("2023-09-15T18:50:02+08:00").unwrap();
    let draft = ceremony::announce(
        &inputs.committed(),
        &Request {
            now,
            margin_secs: 600,
            not_before: None,
            dice: "2 7 1 8".into(),
            parties: vec!["公证处".into()],
            previous: String::new(),
            replaces: None,
        },
    )
    .unwrap();
    let body = ceremony::body_digest(&draft);
    let a = ceremony::with_parties(
        &draft,
        &[(
            "公证处".into(),
            ceremony::contribution(&body, "公证处", SECRET),
        )],
        now + 60,
        300,
    )
    .unwrap();
    assert_eq!(a.beacon.round, 657_413);
    let sources = Sources {
        replaced: Vec::new(),
        round: fixture_round(),
        reveals: vec![("公证处".into(), SECRET.into())],
        timestamp: None,
        tsa_cert: None,
        same_files: true,
    };
    let (seed, _, _) = ceremony::attest(&a, &inputs.committed(), &sources).unwrap();
    let mut record = draw(&inputs, &seed).unwrap().record;
    let first = record.tasks[0].selected[0].clone();
    record = ledger::amend(
        &record,
        &inputs,
        &Amendment {
            change: Change::ReplaceOfficer {
                officer: first.officers[0].clone(),
                reason: "回避".into(),
                note: String::new(),
            },
            task: Some(record.tasks[0].id.clone()),
            target: first.target.clone(),
            actor: "科长".into(),
            at: "2027-01-20T09:00:00+08:00".into(),
        },
    )
    .unwrap();
    let second = record.tasks[1].selected[0].target.clone();
    record = ledger::amend(
        &record,
        &inputs,
        &Amendment {
            change: Change::Unreachable,
            task: Some(record.tasks[1].id.clone()),
            target: second,
            actor: "科长".into(),
            at: "2027-01-21T09:00:00+08:00".into(),
        },
    )
    .unwrap();
    assert_eq!(record.ledger.len(), 2);
    (files, inputs, record)
}

/// What `verify` made of a mutation.
enum Outcome {
    /// A mismatch (exit 1), with the first difference or refusal it names.
    Mismatch(String),
    /// An error (exit 2).
    Error,
    /// Accepted: tampering went unnoticed.
    Passed,
}

fn check(bytes: &[u8], inputs: &Inputs) -> Outcome {
    match verify(
        Source {
            name: "record.json",
            bytes,
        },
        inputs,
    ) {
        Err(_) => Outcome::Error,
        Ok(v) if v.ok() => Outcome::Passed,
        Ok(v) => Outcome::Mismatch(
            v.attestation_failure
                .as_ref()
                .map(|m| format!("seed: {m}"))
                .or_else(|| v.differences.first().map(|d| d.path.clone()))
                .unwrap_or_default(),
        ),
    }
}

/// Every single-field mutation of a JSON tree: each scalar changed, each array
/// reordered, shortened and lengthened, each object member removed.
fn mutations(v: &Value, path: &str, out: &mut Vec<(String, Value)>) {
    match v {
        Value::String(s) => {
            let changed = match s.chars().last() {
                // Keep hex hex: flip its last digit.
                Some(c) if s.len() >= 8 && s.chars().all(|c| c.is_ascii_hexdigit()) => {
                    format!("{}{}", &s[..s.len() - 1], if c == '0' { '1' } else { '0' })
                }
                _ => format!("{s}x"),
            };
            out.push((path.to_owned(), Value::String(changed)));
        }
        Value::Number(n) => out.push((
            path.to_owned(),
            Value::from(n.as_u64().map_or(1, |x| x + 1)),
        )),
        Value::Bool(b) => out.push((path.to_owned(), Value::Bool(!b))),
        Value::Null => out.push((path.to_owned(), Value::from("x"))),
        Value::Array(items) => {
            if items.len() >= 2 {
                let mut swapped = items.clone();
                swapped.swap(0, 1);
                out.push((format!("{path} (order)"), Value::Array(swapped)));
            }
            if !items.is_empty() {
                let mut shorter = items.clone();
                shorter.pop();
                out.push((format!("{path} (one removed)"), Value::Array(shorter)));
                let mut longer = items.clone();
                longer.push(items[0].clone());
                out.push((format!("{path} (one repeated)"), Value::Array(longer)));
            }
            for (i, item) in items.iter().enumerate() {
                let mut inner = Vec::new();
                mutations(item, &format!("{path}/{i}"), &mut inner);
                for (p, m) in inner {
                    let mut copy = items.clone();
                    copy[i] = m;
                    out.push((p, Value::Array(copy)));
                }
            }
        }
        Value::Object(members) => {
            for (k, item) in members {
                let mut without = members.clone();
                without.shift_remove(k);
                out.push((format!("{path}/{k} (removed)"), Value::Object(without)));
                let mut inner = Vec::new();
                mutations(item, &format!("{path}/{k}"), &mut inner);
                for (p, m) in inner {
                    let mut copy = members.clone();
                    copy[k] = m;
                    out.push((p, Value::Object(copy)));
                }
            }
        }
    }
}

#[test]
fn every_change_to_a_published_draw_is_caught() {
    let (files, inputs, record) = reference();
    let json = record.to_json();
    assert!(
        matches!(check(json.as_bytes(), &inputs), Outcome::Passed),
        "the reference verifies"
    );
    let head = |bytes: &[u8]| {
        verify(
            Source {
                name: "record.json",
                bytes,
            },
            &inputs,
        )
        .ok()
        .and_then(|v| v.ledger_head().map(|(n, h)| (n, h.to_owned())))
    };
    let published_head = head(json.as_bytes()).unwrap();
    assert_eq!(published_head.0, 2);
    let mut truncations = 0;
    let tree: Value = serde_json::from_str(&json).unwrap();
    let mut record_mutations = Vec::new();
    mutations(&tree, "", &mut record_mutations);
    let mut tried = 0;
    let mut passed = Vec::new();
    let (mut mismatches, mut errors) = (0, 0);
    // Verified on every core: each mutation is independent.
    let outcomes: Vec<(String, Outcome)> = record_mutations
        .par_iter()
        .map(|(path, mutated)| {
            let mut bytes = serde_json::to_string_pretty(mutated).unwrap();
            bytes.push('\n');
            let outcome = match check(bytes.as_bytes(), &inputs) {
                // A ledger cut short is the ledger of an earlier moment, valid in itself: it
                // is caught by the head the notice published, which verify reports.
                Outcome::Passed
                    if path == "/ledger (one removed)"
                        && head(bytes.as_bytes()).is_some_and(|h| h != published_head) =>
                {
                    Outcome::Mismatch("the ledger head".into())
                }
                other => other,
            };
            (path.clone(), outcome)
        })
        .collect();
    for (path, outcome) in outcomes {
        tried += 1;
        match outcome {
            Outcome::Passed => passed.push(path),
            Outcome::Error => errors += 1,
            Outcome::Mismatch(first) if first == "the ledger head" => truncations += 1,
            Outcome::Mismatch(first) => {
                // The first thing named is the member changed (its path, e.g.
                // `tasks[T1].selected[4].target` for /tasks/0/selected/3/target).
                let member = path
                    .trim_start_matches('/')
                    .split(['/', ' '])
                    .next()
                    .unwrap_or_default();
                // A raw file digest and the list of dropped headers are reconciled (a
                // published copy's bytes and columns may differ, SPEC.md §10 step 4):
                // changing them breaks the record's own digest, named as such.
                let raw =
                    (path.ends_with("/sha256") || path.contains("/dropped")) && first == "digest";
                // Reveals are not part of the seed (SPEC.md §5.3.3): removing one leaves the
                // draw as it was, and only the record's own digest names the change.
                let reveal = path.starts_with("/seed/attestation/reveals") && first == "digest";
                assert!(
                    first.starts_with(member) || raw || reveal,
                    "{path}: the first thing named is {first}"
                );
                mismatches += 1;
            }
        }
    }
    // The inputs, row by row.
    let mut input_mutations: Vec<(String, Files)> = Vec::new();
    for (which, text) in [("targets", &files.targets), ("officers", &files.officers)] {
        let lines: Vec<&str> = text.lines().collect();
        let with = |rows: Vec<String>| {
            let joined = rows.join("\n") + "\n";
            Files {
                plan: files.plan.clone(),
                targets: if which == "targets" {
                    joined.clone()
                } else {
                    files.targets.clone()
                },
                officers: if which == "officers" {
                    joined
                } else {
                    files.officers.clone()
                },
            }
        };
        for i in 1..lines.len() {
            let own = |f: &dyn Fn(&mut Vec<String>)| {
                let mut rows: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
                f(&mut rows);
                rows
            };
            // Changed: one character of the name (the second column) edited.
            input_mutations.push((
                format!("{which} line {} changed", i + 1),
                with(own(&|rows| {
                    let cells: Vec<&str> = rows[i].split(',').collect();
                    let mut cells: Vec<String> = cells.iter().map(|c| (*c).to_owned()).collect();
                    cells[1].push('改');
                    rows[i] = cells.join(",");
                })),
            ));
            input_mutations.push((
                format!("{which} line {} removed", i + 1),
                with(own(&|rows| {
                    rows.remove(i);
                })),
            ));
            input_mutations.push((
                format!("{which} line {} duplicated", i + 1),
                with(own(&|rows| {
                    let row = rows[i].clone();
                    rows.insert(i, row);
                })),
            ));
        }
        let added = if which == "targets" {
            format!(
                "{},新增企业,420102,F 批发和零售业,B,存续,武汉市江岸区市场监督管理局",
                synth::uscc_for(999_999)
            )
        } else {
            "E9999,新增人员,市场监管,420102,在岗,4201999999,武汉市人民政府,2025-01-01至2030-01-01"
                .to_owned()
        };
        input_mutations.push((
            format!("{which}: a row added"),
            with({
                let mut rows: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
                rows.push(added);
                rows
            }),
        ));
    }
    let outcomes: Vec<(String, Result<Outcome, String>)> = input_mutations
        .par_iter()
        .map(|(what, mutated)| {
            let outcome = parse(mutated)
                .map(|changed| check(json.as_bytes(), &changed))
                .map_err(|e| e.to_string());
            (what.clone(), outcome)
        })
        .collect();
    for (what, outcome) in outcomes {
        tried += 1;
        match outcome {
            Err(_) | Ok(Outcome::Error) => errors += 1,
            Ok(Outcome::Passed) => passed.push(what),
            Ok(Outcome::Mismatch(first)) => {
                assert!(
                    first.starts_with("inputs.")
                        || first.contains("not the one announced")
                        || first.contains("names are not the ones announced"),
                    "{what}: the first thing named is {first}"
                );
                mismatches += 1;
            }
        }
    }
    eprintln!(
        "tamper evidence: {tried} mutations tried ({} of the record, {} of the inputs): \
         {mismatches} mismatches (exit 1), {errors} unreadable (exit 2), {truncations} ledger \
         cut short (a different head than the published one), {} passed",
        record_mutations.len(),
        input_mutations.len(),
        passed.len()
    );
    assert!(tried >= 500, "only {tried} mutations");
    assert!(passed.is_empty(), "undetected: {passed:#?}");
}
