//! Every record we write and every vector file validates against its JSON
//! Schema in `schemas/`.

use serde_json::Value;
use shuangsui::synth;

use crate::fixtures::{Files, drawn, read_json as load, read_text};

const RECORD_URI: &str = "https://github.com/shuangsui/shuangsui/schemas/record.v2.schema.json";

/// The validator of `schemas/<name>.v2.schema.json`.
pub fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&load(&format!("schemas/{name}.v2.schema.json"))).unwrap()
}

/// Asserts that `instance` follows the schema, listing every error and where it is.
pub fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn demo_record_follows_the_schema() {
    let schema = load("schemas/record.v2.schema.json");
    assert_eq!(schema["$id"], RECORD_URI);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let record = drawn(&Files::synth(40, 2_000, 30, 3).inputs(), "schema");
    let value: Value = serde_json::from_str(&record.to_json()).unwrap();
    assert_valid(&validator, &value, "demo record");

    // The schema is not vacuous: a short ticket and a team of one are rejected.
    let mut bad = value.clone();
    bad["tasks"][0]["selected"][0]["ticket"] = Value::from("abc");
    assert!(!validator.is_valid(&bad));
    let mut bad = value;
    bad["tasks"][0]["selected"][0]["officers"] = serde_json::json!(["E0001"]);
    assert!(!validator.is_valid(&bad));
}

#[test]
fn vector_files_follow_their_schema() {
    let registry = jsonschema::Registry::new()
        .add(RECORD_URI, load("schemas/record.v2.schema.json"))
        .unwrap()
        .prepare()
        .unwrap();
    let schema = load("schemas/vectors.v2.schema.json");
    let validator = jsonschema::options()
        .with_registry(&registry)
        .build(&schema)
        .unwrap();
    for name in [
        "draws.json",
        "errors.json",
        "allocation.json",
        "normalize.json",
    ] {
        let file = load(&format!("tests/vectors/{name}"));
        assert_eq!(file["schema"], "schemas/vectors.v2.schema.json");
        assert_valid(&validator, &file, name);
    }
    // The records inside draws.json are checked against the record schema too.
    let mut file = load("tests/vectors/draws.json");
    file["vectors"][0]["expected"]["record"]["spec"] = Value::from("1");
    assert!(
        !validator.is_valid(&file),
        "a record with spec 1 must not validate"
    );
}

fn draw_vectors() -> Vec<Value> {
    load("tests/vectors/draws.json")["vectors"]
        .as_array()
        .unwrap()
        .clone()
}

/// Every plan the tests use (the vectors', the demo's, the CLI fixtures') follows
/// the plan schema, read as JSON; plans the parser rejects for their shape do not.
#[test]
fn plans_follow_the_plan_schema() {
    let v = validator("plan");
    let mut plans: Vec<String> = draw_vectors()
        .iter()
        .map(|d| d["plan"].as_str().unwrap().to_owned())
        .collect();
    plans.push(synth::plan_toml(40));
    plans.push(read_text("tests/cmd/inputs/plan.toml"));
    for plan in &plans {
        let tree: toml::Value = toml::from_str(plan).unwrap();
        assert_valid(&v, &serde_json::to_value(tree).unwrap(), plan);
    }
    for bad in [
        plans[0].replace("team_size = 3", "team_size = 1"),
        plans[0].replace("count = 3", "count = 3\nratio = \"3%\""),
        plans[0].replace("\"10%\"", "\"10\""),
        plans[0].replace("team_size = 3", "teamsize = 3"),
    ] {
        let tree: toml::Value = toml::from_str(&bad).unwrap();
        assert!(!v.is_valid(&serde_json::to_value(tree).unwrap()), "{bad}");
    }
}

/// Every row of every directory and roster in the draw vectors, as read,
/// follows the row schemas.
#[test]
fn rows_follow_the_row_schemas() {
    use crate::vectors::id_check;
    use shuangsui::inputs::{Table, TableKind, TableOptions};
    let (targets, officers) = (validator("target-row"), validator("officer-row"));
    let mut checked = 0;
    for d in draw_vectors() {
        for (kind, key, v) in [
            (TableKind::Targets, "targets", &targets),
            (TableKind::Officers, "officers", &officers),
        ] {
            let mut options = TableOptions::default();
            if let Some(check) = d.get("id_check") {
                let allowlist: Vec<&str> = check["allowlist"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap())
                    .collect();
                options.id_check = id_check(check["mode"].as_str().unwrap(), &allowlist);
            }
            let Ok(table) =
                Table::parse(kind, "t.csv", d[key].as_str().unwrap().as_bytes(), &options)
            else {
                continue; // a vector with a column mapping in its plan
            };
            for row in &table.rows {
                let obj: serde_json::Map<String, Value> = table
                    .columns
                    .iter()
                    .cloned()
                    .zip(row.values.iter().map(|s| Value::from(s.as_str())))
                    .collect();
                let obj = Value::Object(obj);
                assert_valid(v, &obj, &format!("{} row {}", d["id"], row.line));
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
    assert!(
        !targets
            .is_valid(&serde_json::json!({"id": "91110000802100433B", "name": "x", "risk": "E"}))
    );
    assert!(!officers.is_valid(
        &serde_json::json!({"id": "E1", "name": "x", "validity": "2023-01-01至2028-12-31"})
    ));
}

/// The row schemas name exactly the standard fields of SPEC.md §3.2, and the
/// record schema names exactly the members records have.
#[test]
fn schemas_match_the_types() {
    use shuangsui::inputs::{OFFICER_FIELDS, TARGET_FIELDS};
    for (name, fields) in [
        ("target-row", TARGET_FIELDS),
        ("officer-row", OFFICER_FIELDS),
    ] {
        let schema = load(&format!("schemas/{name}.v2.schema.json"));
        let mut props: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        props.sort_unstable();
        let mut names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        names.sort_unstable();
        assert_eq!(props, names, "{name}");
        let numbered: Vec<String> = fields
            .iter()
            .filter(|f| f.numbered)
            .map(|f| format!("^{}_[2-9]$", f.name))
            .collect();
        let mut patterns: Vec<String> = schema["patternProperties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        patterns.sort();
        let mut numbered = numbered;
        numbered.sort();
        assert_eq!(patterns, numbered, "{name}");
    }

    // Every property of the record schema occurs in some vector record, and
    // (validation with additionalProperties: false) no record has another.
    let schema = load("schemas/record.v2.schema.json");
    let mut declared = std::collections::BTreeSet::new();
    collect_properties(&schema, &schema, "", &mut declared);
    let mut seen = std::collections::BTreeSet::new();
    for d in draw_vectors() {
        collect_members(&d["expected"]["record"], "", &mut seen);
    }
    // Earlier attempts are announcements too (the same definition): seen through
    // `seed.attestation.announcement`.
    let declared: std::collections::BTreeSet<String> = declared
        .into_iter()
        .map(|p| {
            p.replace(
                "seed.attestation.replaced[]",
                "seed.attestation.announcement",
            )
        })
        .collect();
    let unused: Vec<&String> = declared.difference(&seen).collect();
    assert!(
        unused.is_empty(),
        "schema properties no record has: {unused:?}"
    );
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) if r.starts_with("#/") => resolve(root, root.pointer(&r[1..]).unwrap()),
        _ => node,
    }
}

/// Paths of declared properties: `inputs.targets.id_check.mode`, arrays as `[]`.
fn collect_properties(
    root: &Value,
    node: &Value,
    path: &str,
    out: &mut std::collections::BTreeSet<String>,
) {
    let node = resolve(root, node);
    if let Some(props) = node.get("properties").and_then(Value::as_object) {
        for (k, v) in props {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            out.insert(p.clone());
            collect_properties(root, v, &p, out);
        }
    }
    if let Some(items) = node.get("items") {
        collect_properties(root, items, &format!("{path}[]"), out);
    }
}

fn collect_members(v: &Value, path: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                out.insert(p.clone());
                collect_members(x, &p, out);
            }
        }
        Value::Array(a) => {
            for x in a {
                collect_members(x, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_shipped_calendar_follows_its_schema() {
    let text = read_text("src/publish/workdays/cn.toml");
    let value: Value = serde_json::to_value(toml::from_str::<toml::Value>(&text).unwrap()).unwrap();
    let schema = validator("calendar");
    assert_valid(&schema, &value, "src/publish/workdays/cn.toml");
    let mut bad = value;
    bad["year"][0]["holidays"][0] = Value::from("2024/01/01");
    assert!(!schema.is_valid(&bad));
}
