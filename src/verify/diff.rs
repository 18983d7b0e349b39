//! Member-by-member comparison of a record with the recomputed draw.

use serde_json::Value;

use super::report::Difference;
use crate::draw::record::Record;

/// What may differ between the draw's files and the verifier's while the
/// content is the same (canonical digest equal): the raw-file hash (rows or
/// columns reordered, another format or encoding, CRLF, a BOM) and the list
/// of dropped personal-data columns (the public copy of a directory has them
/// removed). The record's values are kept and a note says what differs.
pub(crate) fn reconcile_raw(given: &Value, recomputed: &mut Record, notes: &mut Vec<String>) {
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
        if let Some(recorded_sha) = recorded(name, "sha256").and_then(Value::as_str)
            && recorded_sha != sha.as_str()
        {
            notes.push(format!(
                "{name}: the file's bytes differ from the draw's (sha256 {sha}, record {recorded_sha}) but its content is the same (canonical digest matches)"
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
                notes.push(format!(
                    "{name}: the record lists the dropped columns [{}], this file has [{}]; dropped columns are never read, so the draw is the same (the record's list is taken, not checked)",
                    list.join(", "),
                    dropped.join(", ")
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
        notes.push(format!(
            "officers: the roster has no name column (published with the names hidden): the names digest {recorded_names} was NOT checked; the draw does not depend on names"
        ));
        recorded_names.clone_into(names);
        changed = true;
    }
    if changed {
        recomputed.seal();
    }
}

pub(crate) fn render(v: Option<&Value>) -> String {
    match v {
        None => "(absent)".into(),
        Some(Value::String(s)) => format!("'{s}'"),
        Some(other) => {
            let s = other.to_string();
            if s.chars().count() > 80 {
                format!("{}…", s.chars().take(80).collect::<String>())
            } else {
                s
            }
        }
    }
}

fn path_string(path: &[String]) -> String {
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
        "(the whole record)".into()
    } else {
        out
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
                    None => report(Difference {
                        path: path_string(path),
                        record: render(None),
                        recomputed: render(Some(ev)),
                    }),
                }
                path.pop();
            }
            for (k, gv) in g {
                if !e.contains_key(k) {
                    path.push(k.clone());
                    report(Difference {
                        path: path_string(path),
                        record: render(Some(gv)),
                        recomputed: render(None),
                    });
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
                report(Difference {
                    path: format!("{} (length)", path_string(path)),
                    record: format!("{} entries", g.len()),
                    recomputed: format!("{} entries", e.len()),
                });
            }
        }
        (g, e) if g == e => {}
        (g, e) => report(Difference {
            path: path_string(path),
            record: render(Some(g)),
            recomputed: render(Some(e)),
        }),
    }
}
