//! Every record we write and every vector file validates against its JSON
//! Schema in `schemas/`.

use std::path::PathBuf;

use serde_json::Value;
use shuangsui::{Inputs, Seed, Source, draw, synth};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

const RECORD_URI: &str = "https://github.com/shuangsui/shuangsui/schemas/record.v1.schema.json";

fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

#[test]
fn demo_record_follows_the_schema() {
    let schema = load("schemas/record.v1.schema.json");
    assert_eq!(schema["$id"], RECORD_URI);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let plan = synth::plan_toml(40);
    let targets = synth::targets_csv(2_000, 3);
    let officers = synth::officers_csv(30, 3);
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: plan.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: targets.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: officers.as_bytes(),
        },
    )
    .unwrap();
    let record = draw(&inputs, &Seed::unattested("schema").unwrap())
        .unwrap()
        .record;
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
        .add(RECORD_URI, load("schemas/record.v1.schema.json"))
        .unwrap()
        .prepare()
        .unwrap();
    let schema = load("schemas/vectors.v1.schema.json");
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
        assert_eq!(file["schema"], "schemas/vectors.v1.schema.json");
        assert_valid(&validator, &file, name);
    }
    // The records inside draws.json are checked against the record schema too.
    let mut file = load("tests/vectors/draws.json");
    file["vectors"][0]["expected"]["record"]["spec"] = Value::from("2");
    assert!(
        !validator.is_valid(&file),
        "a record with spec 2 must not validate"
    );
}
