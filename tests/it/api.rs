//! The JSON interface (`shuangsui::api`), which the C ABI and the Java and Python bindings
//! wrap: it draws the bytes the command line writes, verifies, amends and renders the notice,
//! and answers every bad request with an error a program can match on and a person can read.

use serde_json::{Value, json};
use shuangsui::api::{Status, call};

use crate::fixtures::{
    Files, INPUT_FLAGS, NOTARY, SECRET, TempDir, announcement, attested_draw, bin, ceremony_files,
    round_json, sources, succeeds,
};

/// Calls an operation; the answer parsed.
fn answer(operation: &str, request: &Value) -> (Status, Value) {
    let (status, text) = call(operation, &request.to_string());
    (
        status,
        serde_json::from_str(&text).expect("every answer is JSON"),
    )
}

/// The request members for a set of files.
fn inputs(f: &Files) -> Value {
    json!({ "plan": f.plan, "targets": f.targets, "officers": f.officers })
}

/// `base` with the members of `extra` added or replaced.
fn with(mut base: Value, extra: Value) -> Value {
    let Value::Object(members) = extra else {
        panic!("members to add: {extra}")
    };
    for (k, v) in members {
        base[k] = v;
    }
    base
}

#[test]
fn the_json_interface_draws_the_bytes_the_cli_writes_and_verifies_them() {
    let dir = TempDir::new("api-draw");
    let files = Files::synth(12, 400, 30, 3);
    files.write_to(&dir);
    let seed = "2027-03-01 公开摇号";
    succeeds(
        bin()
            .current_dir(&dir)
            .args(["draw"])
            .args(INPUT_FLAGS)
            .args(["--seed", seed, "--out", "record.json"]),
    );
    let cli = std::fs::read_to_string(dir.join("record.json")).unwrap();

    let (status, drawn) = answer("draw", &with(inputs(&files), json!({ "seed": seed })));
    assert_eq!(status, Status::Ok, "{drawn}");
    assert_eq!(drawn["record"].as_str().unwrap(), cli, "the record's bytes");
    let record: Value = serde_json::from_str(&cli).unwrap();
    assert_eq!(drawn["digest"], record["digest"]);
    assert!(drawn["exclusions"].is_array());

    // Verified, by the interface: what it proved is said in both languages.
    let (status, v) = answer("verify", &with(inputs(&files), json!({ "record": cli })));
    assert_eq!(status, Status::Ok, "{v}");
    assert_eq!(v["ok"], true);
    assert_eq!(v["differences"], json!([]));
    assert!(
        v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["message"]["zh"].is_string() && n["message"]["en"].is_string())
    );

    // An edited record is a mismatch (status 1), with what differs; not an error.
    let first = record["tasks"][0]["selected"][0]["target"]
        .as_str()
        .unwrap();
    let other = files
        .targets
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .find(|id| !cli.contains(id))
        .unwrap();
    let edited = cli.replacen(first, other, 1);
    let (status, v) = answer("verify", &with(inputs(&files), json!({ "record": edited })));
    assert_eq!(status, Status::Mismatch, "{v}");
    assert_eq!(status.code(), 1);
    assert_eq!(v["ok"], false);
    assert!(
        !v["differences"].as_array().unwrap().is_empty()
            || !v["notes"].as_array().unwrap().is_empty(),
        "{v}"
    );

    // The notice is made only for a record that verifies.
    let (status, n) = answer(
        "notice",
        &with(
            inputs(&files),
            json!({ "record": cli, "format": "markdown", "issued": "2027-03-02" }),
        ),
    );
    assert_eq!(status, Status::Ok, "{n}");
    let text = n["text"].as_str().unwrap();
    assert!(text.contains("公告") && text.contains(first), "{text}");
    let (status, n) = answer("notice", &with(inputs(&files), json!({ "record": edited })));
    assert_eq!(status, Status::Error);
    assert_eq!(n["kind"], "inputs_mismatch", "{n}");

    // Check and digest agree with the record's digests.
    let (status, c) = answer("check", &inputs(&files));
    assert_eq!(status, Status::Ok, "{c}");
    let (_, d) = answer("digest", &inputs(&files));
    for table in ["plan", "targets", "officers"] {
        assert_eq!(c["digests"][table], d[table], "{table}");
        assert_eq!(
            record["inputs"][table]["digest"], d[table],
            "{table}: {}",
            record["inputs"]
        );
    }
    assert_eq!(
        c["tasks"][0]["count"],
        record["tasks"][0]["selected"].as_array().unwrap().len()
    );
}

#[test]
fn an_amendment_through_the_interface_verifies() {
    let files = Files::synth(6, 200, 24, 5);
    let (_, drawn) = answer("draw", &with(inputs(&files), json!({ "seed": "s" })));
    let record: Value = serde_json::from_str(drawn["record"].as_str().unwrap()).unwrap();
    let target = record["tasks"][0]["selected"][0]["target"]
        .as_str()
        .unwrap();
    let (status, amended) = answer(
        "amend",
        &with(
            inputs(&files),
            json!({
                "record": drawn["record"],
                "amendment": {
                    "change": "unreachable",
                    "task": record["tasks"][0]["id"],
                    "target": target,
                    "actor": "王科长",
                    "at": "2027-03-05T09:00:00+08:00",
                },
            }),
        ),
    );
    assert_eq!(status, Status::Ok, "{amended}");
    // The draw's digest stays; the ledger grows by one entry.
    assert_eq!(amended["digest"], drawn["digest"]);
    assert_eq!(amended["ledger"]["entries"], 1, "{amended}");
    assert_ne!(amended["record"], drawn["record"]);
    let (status, v) = answer(
        "verify",
        &with(inputs(&files), json!({ "record": amended["record"] })),
    );
    assert_eq!(status, Status::Ok, "{v}");
    assert_eq!(v["ledger"]["entries"], 1, "{v}");
}

#[test]
fn a_draw_from_an_announcement_is_the_ceremonys() {
    let files = ceremony_files();
    let parsed = files.inputs();
    let a = announcement(&parsed);
    let expected = attested_draw(&parsed, &a, &sources()).to_json();
    let request = with(
        inputs(&files),
        json!({
            "announcement": shuangsui::ceremony::to_json(&a),
            "beacon": round_json(),
            "reveals": { NOTARY: SECRET },
        }),
    );
    let (status, drawn) = answer("draw", &request);
    assert_eq!(status, Status::Ok, "{drawn}");
    assert_eq!(drawn["record"].as_str().unwrap(), expected);
    let (status, v) = answer(
        "verify",
        &with(inputs(&files), json!({ "record": expected })),
    );
    assert_eq!(status, Status::Ok, "{v}");
    assert!(!v["guarantees"].as_array().unwrap().is_empty(), "{v}");

    // Both a seed and an announcement, or neither: refused.
    let (status, e) = answer("draw", &with(request, json!({ "seed": "mine" })));
    assert_eq!(
        (status, e["kind"].as_str()),
        (Status::Error, Some("request")),
        "{e}"
    );
    let (status, e) = answer("draw", &inputs(&files));
    assert_eq!(
        (status, e["kind"].as_str()),
        (Status::Error, Some("request")),
        "{e}"
    );
}

#[test]
fn errors_name_their_kind_place_and_fix_in_both_languages() {
    let files = Files::synth(6, 50, 10, 1);
    // A duplicate id: the library's error, at its line.
    let mut lines: Vec<&str> = files.targets.lines().collect();
    lines.push(lines[1]);
    let targets = lines.join("\n") + "\n";
    let (status, e) = answer(
        "draw",
        &json!({ "plan": files.plan, "targets": targets, "officers": files.officers, "seed": "s" }),
    );
    assert_eq!(status, Status::Error);
    assert_eq!(status.code(), 2);
    let kind = e["kind"].as_str().unwrap();
    let located = if kind == "problems" {
        &e["listed"][0]
    } else {
        &e
    };
    assert_eq!(located["kind"], "duplicate_id", "{e}");
    assert_eq!(located["location"]["source"], "targets.csv", "{e}");
    assert_eq!(located["location"]["line"], lines.len(), "{e}");
    assert!(
        e["message"]["zh"].as_str().unwrap().contains("targets.csv"),
        "{e}"
    );
    assert!(e["message"]["en"].is_string());

    // A file with its own name and format: the name is in the error.
    let (_, e) = answer(
        "check",
        &json!({
            "plan": files.plan,
            "targets": { "name": "名录.csv", "base64": b64(targets.as_bytes()) },
            "officers": files.officers,
        }),
    );
    let located = if e["kind"] == "problems" {
        &e["listed"][0]
    } else {
        &e
    };
    assert_eq!(located["location"]["source"], "名录.csv", "{e}");

    // Requests: not JSON (where), not an object, a misspelt member, an unknown operation,
    // a member of the wrong type, a file with both text and base64.
    let (status, e) = answer_text("draw", "{\n  \"plan\": ,\n}");
    assert_eq!(
        (status, e["kind"].as_str()),
        (Status::Error, Some("request"))
    );
    assert_eq!(e["location"]["line"], 2, "{e}");
    for (op, request, says) in [
        ("draw", json!([1]), "JSON 对象"),
        (
            "draw",
            with(inputs(&files), json!({ "seed": "s", "sede": "t" })),
            "“sede”",
        ),
        ("drew", inputs(&files), "“drew”"),
        ("draw", with(inputs(&files), json!({ "seed": 7 })), "“seed”"),
        (
            "check",
            with(
                inputs(&files),
                json!({ "officers": { "text": "id\n", "base64": "aWQK" } }),
            ),
            "“officers”",
        ),
        (
            "check",
            with(
                inputs(&files),
                json!({ "targets": { "text": "id\n", "encoding": "big5" } }),
            ),
            "big5",
        ),
    ] {
        let (status, e) = answer(op, &request);
        assert_eq!(status, Status::Error, "{op} {request}");
        assert_eq!(e["kind"], "request", "{e}");
        assert!(e["message"]["zh"].as_str().unwrap().contains(says), "{e}");
        assert!(!e["message"]["en"].as_str().unwrap().is_empty());
    }
    let (_, e) = answer(
        "draw",
        &with(inputs(&files), json!({ "seed": "s", "sede": "t" })),
    );
    assert_eq!(e["member"], "sede", "{e}");
    let (status, e) = shuangsui::api::call_bytes(b"draw", b"{\xff}");
    assert_eq!(status, Status::Error);
    assert!(e.contains("UTF-8"), "{e}");
}

fn answer_text(operation: &str, request: &str) -> (Status, Value) {
    let (status, text) = call(operation, request);
    (status, serde_json::from_str(&text).unwrap())
}

fn b64(bytes: &[u8]) -> String {
    shuangsui::ceremony::base64_encode(bytes)
}
