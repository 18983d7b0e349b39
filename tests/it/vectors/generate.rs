//! The generator: the vector files from the cases, and the drift check.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use shuangsui::internal::{allocation, normalize};
use shuangsui::plan::Ratio;

use super::SCHEMA;
use super::cases::{Case, allocation_cases, draw_cases, error_cases, normalize_cases, run};
use super::run::rounding_of;
use super::spec_example::{spec_with_example, spec_with_sql_example};
use crate::fixtures::root;

fn case_json(c: &Case, expected: &Value) -> Value {
    let mut v = json!({
        "id": c.id,
        "comment": c.comment,
        "plan": c.plan,
        "targets": c.targets,
        "officers": c.officers,
        "seed": c.seed,
    });
    if let Some(a) = &c.attested {
        v["attested"] = a.clone();
    }
    if let Some((mode, allowlist)) = &c.id_check {
        v["id_check"] = json!({ "mode": mode, "allowlist": allowlist });
    }
    if let Some(h) = &c.history {
        v["history"] = json!(h);
    }
    if let Some(h) = &c.conflicts {
        v["conflicts"] = json!(h);
    }
    if !c.amendments.is_empty() {
        v["amendments"] = json!(c.amendments);
    }
    if !c.earlier.is_empty() {
        v["earlier"] = json!(c.earlier);
    }
    v["expected"] = expected.clone();
    v
}

fn file_json(comment: &str, vectors: &[Value]) -> String {
    let v = json!({ "schema": SCHEMA, "comment": comment, "vectors": vectors });
    let mut s = serde_json::to_string_pretty(&v).unwrap();
    s.push('\n');
    s
}

/// Every vector file, by name, as the code produces it.
fn generate() -> BTreeMap<&'static str, String> {
    let mut files = BTreeMap::new();
    let draws: Vec<Value> = draw_cases()
        .iter()
        .map(|c| {
            let d = run(c).unwrap_or_else(|e| panic!("{}: {e}", c.id));
            let warnings: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
            case_json(c, &json!({ "record": d.record, "warnings": warnings }))
        })
        .collect();
    files.insert(
        "draws.json",
        file_json(
            "Full draws: inputs, seed and the expected record (SPEC.md §3–§9).",
            &draws,
        ),
    );
    let errors: Vec<Value> = error_cases()
        .iter()
        .map(|c| {
            let Err(e) = run(c) else {
                panic!("{}: expected an error", c.id)
            };
            case_json(
                c,
                &json!({ "kind": e.kind().as_str(), "message": e.to_string() }),
            )
        })
        .collect();
    files.insert(
        "errors.json",
        file_json(
            "Inputs that must be rejected, with the error kind and message.",
            &errors,
        ),
    );
    let allocs: Vec<Value> = allocation_cases()
        .into_iter()
        .map(|(frame, ratio, rounding, min, comment)| {
            let r = Ratio::parse(ratio).unwrap();
            let mode = rounding_of(rounding);
            json!({
                "id": format!("{frame}-{ratio}-{rounding}-min{min}"),
                "comment": comment,
                "frame": frame,
                "ratio": ratio,
                "rounding": rounding,
                "min_per_stratum": min,
                "expected": allocation::ratio_count(frame, r, mode, min),
            })
        })
        .collect();
    files.insert(
        "allocation.json",
        file_json(
            "Frame size, ratio, rounding and minimum → count (SPEC.md §6).",
            &allocs,
        ),
    );
    let norms: Vec<Value> = normalize_cases()
        .into_iter()
        .map(|(id, input, comment)| {
            json!({
                "id": id,
                "comment": comment,
                "input": input,
                "text": normalize::text(input),
                "identifier": normalize::identifier(input),
            })
        })
        .collect();
    files.insert(
        "normalize.json",
        file_json(
            "Values before and after text() and identifier normalisation (SPEC.md §3.2).",
            &norms,
        ),
    );
    files
}

/// The drift check: regenerating the files, the worked example of SPEC.md §12 and the SQL
/// example of §7.4 changes no byte. With `SHUANGSUI_BLESS=1` it rewrites them instead.
#[test]
fn vectors_are_current() {
    let dir = root().join("tests/vectors");
    let bless = std::env::var_os("SHUANGSUI_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, content) in generate() {
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, &content).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(content.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    let spec_path = root().join("SPEC.md");
    let spec = std::fs::read_to_string(&spec_path).unwrap();
    let fresh = spec_with_example(&spec);
    if fresh != spec {
        stale.push("SPEC.md §12".into());
    }
    let fresh = spec_with_sql_example(&fresh);
    if fresh != spec_with_example(&spec) {
        stale.push("SPEC.md §7.4".into());
    }
    if bless {
        std::fs::write(&spec_path, fresh).unwrap();
        stale.clear();
    }
    assert!(
        stale.is_empty(),
        "generated files differ from what the code produces: {stale:?}\nrun `SHUANGSUI_BLESS=1 cargo test --test it vectors_are_current` and review the diff"
    );
}
