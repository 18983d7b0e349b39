//! Tamper evidence (issue 8): a reference draw — announced, attested with the real drand
//! round of `tests/fixtures`, amended twice — and every single-field change that can be
//! derived from it: each member of the record (digests, seed and its sources, the
//! announcement, every selected id, ticket, rank, stratum and officer, the order of the
//! selections, each ledger entry and link, the spec version), and each row of the inputs
//! (changed, added, removed, duplicated). `verify` must refuse every one — a mismatch (exit 1)
//! naming what differs, or an error (exit 2) for input it cannot read — and never pass one.
//! The reference is made once; the record's mutations and the inputs' are tests of their own.

use std::sync::OnceLock;

use rayon::prelude::*;
use serde_json::Value;
use shuangsui::ceremony::{self, Request};
use shuangsui::verify::ledger::{self, Amendment, Change};
use shuangsui::{Inputs, Record, draw, synth};

use crate::fixtures::{Files, notary_request, sources, verify_record, with_notary};

/// The reference: its files and inputs, the record and its bytes.
struct Reference {
    files: Files,
    inputs: Inputs,
    record: Record,
    json: String,
}

/// The reference: announced, attested, drawn, amended twice; made once for the tests.
fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        let files = Files::synth(4, 120, 24, 8);
        let inputs = files.inputs();
        // 2023-09-15T10:50:02Z: round 657413 (11:00:03Z) is the first after a 10-minute margin.
        let request = Request {
            dice: "2 7 1 8".into(),
            ..notary_request()
        };
        let a = with_notary(&ceremony::announce(&inputs.committed(), &request).unwrap());
        assert_eq!(a.beacon.round, 657_413);
        let (seed, _, _) = ceremony::attest(&a, &inputs.committed(), &sources()).unwrap();
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
        let json = record.to_json();
        Reference {
            files,
            inputs,
            record,
            json,
        }
    })
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
    match verify_record(bytes, inputs) {
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

/// The ledger head `verify` reports for a record's bytes, when it reads them.
fn head(bytes: &[u8], inputs: &Inputs) -> Option<(usize, String)> {
    verify_record(bytes, inputs)
        .ok()
        .and_then(|v| v.ledger_head().map(|(n, h)| (n, h.to_owned())))
}

#[test]
fn the_reference_verifies_with_its_two_amendments() {
    let r = reference();
    assert!(
        matches!(check(r.json.as_bytes(), &r.inputs), Outcome::Passed),
        "the reference verifies"
    );
    assert_eq!(head(r.json.as_bytes(), &r.inputs).unwrap().0, 2);
}

#[test]
fn every_change_to_the_record_is_caught() {
    let Reference {
        inputs,
        record,
        json,
        ..
    } = reference();
    let published_head = head(json.as_bytes(), inputs).unwrap();
    let mut truncations = 0;
    let tree: Value = serde_json::from_str(json).unwrap();
    let mut record_mutations = Vec::new();
    mutations(&tree, "", &mut record_mutations);
    let mut passed = Vec::new();
    let (mut mismatches, mut errors) = (0, 0);
    // Verified on every core: each mutation is independent.
    let outcomes: Vec<(String, Outcome)> = record_mutations
        .par_iter()
        .map(|(path, mutated)| {
            let mut bytes = serde_json::to_string_pretty(mutated).unwrap();
            bytes.push('\n');
            let outcome = match check(bytes.as_bytes(), inputs) {
                // A ledger cut short is the ledger of an earlier moment, valid in itself: it
                // is caught by the head the notice published, which verify reports.
                Outcome::Passed
                    if path == "/ledger (one removed)"
                        && head(bytes.as_bytes(), inputs).is_some_and(|h| h != published_head) =>
                {
                    Outcome::Mismatch("the ledger head".into())
                }
                other => other,
            };
            (path.clone(), outcome)
        })
        .collect();
    for (path, outcome) in outcomes {
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
    let tried = record_mutations.len();
    eprintln!(
        "tamper evidence: {tried} mutations of the record ({} tasks, {} ledger entries) tried: \
         {mismatches} mismatches (exit 1), {errors} unreadable (exit 2), {truncations} ledger \
         cut short (a different head than the published one), {} passed",
        record.tasks.len(),
        record.ledger.len(),
        passed.len()
    );
    assert!(tried >= 500, "only {tried} mutations");
    assert!(passed.is_empty(), "undetected: {passed:#?}");
}

/// The inputs with one row of the directory or the roster changed (a character of the name,
/// the second column, edited), removed or duplicated, or a row added.
fn input_mutations(files: &Files) -> Vec<(String, Files)> {
    let mut out = Vec::new();
    for (which, text) in [("targets", &files.targets), ("officers", &files.officers)] {
        let lines: Vec<&str> = text.lines().collect();
        let with = |rows: Vec<String>| {
            let joined = rows.join("\n") + "\n";
            if which == "targets" {
                Files {
                    targets: joined,
                    ..files.clone()
                }
            } else {
                Files {
                    officers: joined,
                    ..files.clone()
                }
            }
        };
        let own = |f: &dyn Fn(&mut Vec<String>)| {
            let mut rows: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            f(&mut rows);
            rows
        };
        for i in 1..lines.len() {
            out.push((
                format!("{which} line {} changed", i + 1),
                with(own(&|rows| {
                    let mut cells: Vec<String> = rows[i].split(',').map(str::to_owned).collect();
                    cells[1].push('改');
                    rows[i] = cells.join(",");
                })),
            ));
            out.push((
                format!("{which} line {} removed", i + 1),
                with(own(&|rows| {
                    rows.remove(i);
                })),
            ));
            out.push((
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
        out.push((
            format!("{which}: a row added"),
            with(own(&|rows| rows.push(added.clone()))),
        ));
    }
    out
}

#[test]
fn every_change_to_a_row_of_the_inputs_is_caught() {
    let Reference { files, json, .. } = reference();
    let input_mutations = input_mutations(files);
    let mut passed = Vec::new();
    let (mut mismatches, mut errors) = (0, 0);
    let outcomes: Vec<(String, Result<Outcome, String>)> = input_mutations
        .par_iter()
        .map(|(what, mutated)| {
            let outcome = mutated
                .parse()
                .map(|changed| check(json.as_bytes(), &changed))
                .map_err(|e| e.to_string());
            (what.clone(), outcome)
        })
        .collect();
    for (what, outcome) in outcomes {
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
    let tried = input_mutations.len();
    eprintln!(
        "tamper evidence: {tried} mutations of the inputs tried: {mismatches} mismatches \
         (exit 1), {errors} unreadable (exit 2), {} passed",
        passed.len()
    );
    // Three per row of the directory and the roster, and a row added to each.
    let rows = files.targets.lines().count() + files.officers.lines().count() - 2;
    assert_eq!(tried, 3 * rows + 2);
    assert!(passed.is_empty(), "undetected: {passed:#?}");
}

/// Member order and whitespace are form (SPEC.md §9.3, §10 step 5): a record whose members
/// are reordered or re-indented verifies, is not called altered, and the verification says
/// its text is not the canonical serialisation. (The browser's verifier found the CLI calling
/// such a record "changed after the draw" while verifying it.)
#[test]
fn a_record_in_another_form_verifies_and_is_said_to_differ_in_form_only() {
    let r = reference();
    let v: Value = serde_json::from_str(&r.json).unwrap();
    let members = v.as_object().unwrap();
    // `seed` after `draw_key`, and every other member in place.
    let mut reordered = serde_json::Map::new();
    for (k, val) in members {
        if k == "seed" {
            continue;
        }
        reordered.insert(k.clone(), val.clone());
        if k == "draw_key" {
            reordered.insert("seed".into(), members["seed"].clone());
        }
    }
    let reordered = serde_json::to_string_pretty(&Value::Object(reordered)).unwrap() + "\n";
    let compact = serde_json::to_string(&v).unwrap();
    for (what, text) in [("reordered", reordered), ("compact", compact)] {
        assert_ne!(text, r.json);
        let outcome = verify_record(&text, &r.inputs).unwrap();
        assert!(outcome.ok(), "{what}: {:?}", outcome.differences);
        let notes: Vec<&str> = outcome
            .notes
            .iter()
            .map(shuangsui::verify::Note::id)
            .collect();
        assert!(!notes.contains(&"verify-note-altered"), "{what}: {notes:?}");
        assert!(notes.contains(&"verify-note-form"), "{what}: {notes:?}");
    }
    // The genuine record has no such note; an edited one is altered, not form.
    let genuine = verify_record(&r.json, &r.inputs).unwrap();
    assert!(genuine.notes.iter().all(|n| n.id() != "verify-note-form"));
    let edited = r.json.replacen("\"rank\": 1", "\"rank\": 2", 1);
    let outcome = verify_record(&edited, &r.inputs).unwrap();
    assert!(!outcome.ok());
    assert!(
        outcome
            .notes
            .iter()
            .any(|n| n.id() == "verify-note-altered")
    );
    assert!(outcome.notes.iter().all(|n| n.id() != "verify-note-form"));
}
