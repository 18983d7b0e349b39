//! Member-by-member comparison of a record with the recomputed draw.

use serde_json::Value;

use super::report::{Difference, Note};
use crate::draw::record::Record;
use crate::messages::{Arg, msg};

/// An input as the record names it (`inputs.plan`, `inputs.targets`, …), in words.
pub(crate) fn input_name(name: &str) -> Arg {
    match name {
        "plan" => msg("verify-input-plan").into(),
        "targets" => msg("verify-input-targets").into(),
        "officers" => msg("verify-input-officers").into(),
        "history" => msg("verify-input-history").into(),
        "conflicts" => msg("verify-input-conflicts").into(),
        other => other.into(),
    }
}

/// What may differ between the draw's files and the verifier's while the
/// content is the same (canonical digest equal): the raw-file hash (rows or
/// columns reordered, another format or encoding, CRLF, a BOM) and the list
/// of dropped personal-data columns (the public copy of a directory has them
/// removed). The record's values are kept and a note says what differs.
pub(crate) fn reconcile_raw(given: &Value, recomputed: &mut Record, notes: &mut Vec<Note>) {
    let mut changed = false;
    let recorded = |name: &str, member: &str| given.pointer(&format!("/inputs/{name}/{member}"));
    let inputs = &mut recomputed.inputs;
    let mut tables = vec![
        ("plan", &inputs.plan.digest, &mut inputs.plan.sha256, None),
        (
            "targets",
            &inputs.targets.digest,
            &mut inputs.targets.sha256,
            Some(&mut inputs.targets.dropped),
        ),
        (
            "officers",
            &inputs.officers.digest,
            &mut inputs.officers.sha256,
            Some(&mut inputs.officers.dropped),
        ),
    ];
    for (name, aux) in [
        ("history", inputs.history.as_mut()),
        ("conflicts", inputs.conflicts.as_mut()),
    ] {
        if let Some(t) = aux {
            tables.push((name, &t.digest, &mut t.sha256, None));
        }
    }
    for (name, digest, sha, dropped) in tables {
        if recorded(name, "digest").and_then(Value::as_str) != Some(digest.as_str()) {
            continue;
        }
        // A raw digest the record does not state (`""`), or that the verifier did not
        // compute, is taken from the record without a word: nothing was compared.
        if let Some(recorded_sha) = recorded(name, "sha256").and_then(Value::as_str)
            && (recorded_sha.is_empty() || sha.is_empty())
        {
            if recorded_sha != sha.as_str() {
                recorded_sha.clone_into(sha);
                changed = true;
            }
        } else if let Some(recorded_sha) = recorded(name, "sha256").and_then(Value::as_str)
            && recorded_sha != sha.as_str()
        {
            notes.push(Note::new(
                msg("verify-note-bytes-differ")
                    .arg("input", input_name(name))
                    .arg("sha256", sha.as_str())
                    .arg("recorded", recorded_sha),
            ));
            recorded_sha.clone_into(sha);
            changed = true;
        }
        if let Some(dropped) = dropped
            && let Some(Value::Array(list)) = recorded(name, "dropped")
        {
            let list: Vec<String> = list
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            if list != *dropped {
                notes.push(Note::new(
                    msg("verify-note-dropped-differ")
                        .arg("input", input_name(name))
                        .arg("recorded", list.join(", "))
                        .arg("found", dropped.join(", ")),
                ));
                *dropped = list;
                changed = true;
            }
        }
    }
    // A roster published with the names hidden has no name column: the draw does not
    // depend on names (§3.4), so the names digest is taken from the record, and said.
    let names = &mut recomputed.inputs.officers.names;
    if names.is_empty()
        && recorded("officers", "digest").and_then(Value::as_str)
            == Some(recomputed.inputs.officers.digest.as_str())
        && let Some(recorded_names) = recorded("officers", "names").and_then(Value::as_str)
        && !recorded_names.is_empty()
    {
        notes.push(Note::new(
            msg("verify-note-names-unchecked").arg("digest", recorded_names),
        ));
        recorded_names.clone_into(names);
        changed = true;
    }
    if changed {
        recomputed.seal();
    }
}

/// A value of the record as a difference shows it: a string in quotes, other JSON as it
/// is (cut after 80 characters), a missing member in words.
pub(crate) fn render(v: Option<&Value>) -> Arg {
    match v {
        None => msg("verify-absent").into(),
        Some(Value::String(s)) => format!("'{s}'").into(),
        Some(other) => {
            let s = other.to_string();
            if s.chars().count() > 80 {
                format!("{}…", s.chars().take(80).collect::<String>()).into()
            } else {
                s.into()
            }
        }
    }
}

fn path_string(path: &[String]) -> Arg {
    let mut out = String::new();
    for seg in path {
        if seg.starts_with('[') || out.is_empty() {
            out.push_str(seg);
        } else {
            out.push('.');
            out.push_str(seg);
        }
    }
    if out.is_empty() {
        msg("verify-whole-record").into()
    } else {
        out.into()
    }
}

pub(crate) fn diff(
    given: &Value,
    expected: &Value,
    path: &mut Vec<String>,
    report: &mut dyn FnMut(Difference),
) {
    match (given, expected) {
        (Value::Object(g), Value::Object(e)) => {
            for (k, ev) in e {
                path.push(k.clone());
                match g.get(k) {
                    Some(gv) => diff(gv, ev, path, report),
                    None => report(Difference::new(
                        path_string(path),
                        render(None),
                        render(Some(ev)),
                    )),
                }
                path.pop();
            }
            for (k, gv) in g {
                if !e.contains_key(k) {
                    path.push(k.clone());
                    report(Difference::new(
                        path_string(path),
                        render(Some(gv)),
                        render(None),
                    ));
                    path.pop();
                }
            }
        }
        (Value::Array(g), Value::Array(e)) => {
            let is_tasks = path.len() == 1 && path[0] == "tasks";
            for (i, (gv, ev)) in g.iter().zip(e).enumerate() {
                let label = match ev.get("id").and_then(Value::as_str) {
                    Some(id) if is_tasks => format!("[{id}]"),
                    _ => format!("[{}]", i + 1),
                };
                path.push(label);
                diff(gv, ev, path, report);
                path.pop();
            }
            if g.len() != e.len() {
                report(Difference::new(
                    msg("verify-length").arg("path", path_string(path)),
                    msg("verify-entries").arg("count", g.len()),
                    msg("verify-entries").arg("count", e.len()),
                ));
            }
        }
        (g, e) if g == e => {}
        (g, e) => report(Difference::new(
            path_string(path),
            render(Some(g)),
            render(Some(e)),
        )),
    }
}
