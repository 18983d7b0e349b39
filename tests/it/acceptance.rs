//! The acceptance criteria of issue 2, checked end to end.
//!
//! - `demo` prints a draw summary and a successful verification; `verify` on
//!   the demo record exits 0; editing a value in an input, the seed, or a
//!   selected id makes `verify` exit 1 and name what differs.
//! - The record is byte-identical across two runs; after shuffling the rows
//!   and columns of both tables only the raw-file digests change.
//! - Every single cell of the worked example's inputs is load-bearing.

use std::path::Path;
use std::process::Output;

use crate::fixtures::{
    EXAMPLE_OFFICERS as OFFICERS, EXAMPLE_PLAN as PLAN, EXAMPLE_RECORD as RECORD,
    EXAMPLE_TARGETS as TARGETS, INPUT_FLAGS, TempDir, bin, bin_at, drawn, edit_json, example_files,
    faketime, parse, read, run, stderr, stdout, succeeds, verified,
};
use serde_json::Value;

fn verify_in(dir: &Path, record: &str, targets: &str, officers: &str, plan: &str) -> Output {
    run(bin().current_dir(dir).args([
        "--lang",
        "en",
        "verify",
        record,
        "--plan",
        plan,
        "--targets",
        targets,
        "--officers",
        officers,
    ]))
}

#[test]
fn demo_then_verify_then_tamper() {
    let dir = TempDir::new("acceptance-demo");
    let out = run(bin()
        .current_dir(&dir)
        .args(["--lang", "en", "demo", "--out", "demo"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("task T1"), "{text}");
    assert!(
        text.contains("verified: the record reproduces from the inputs"),
        "{text}"
    );

    let demo = dir.join("demo");
    let ok = verify_in(
        &demo,
        "record.json",
        "targets.csv",
        "officers.csv",
        "plan.toml",
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));

    // A second demo refuses to overwrite, and leaves the files alone.
    let again = run(bin().current_dir(&dir).args(["demo", "--out", "demo"]));
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("已存在；如要覆盖，请加 --force"));

    // An edited value in the directory.
    let targets = std::fs::read_to_string(demo.join("targets.csv")).unwrap();
    let line = targets.lines().nth(100).unwrap();
    let edited_line = line
        .replacen(",B,", ",C,", 1)
        .replacen(",A,", ",B,", 1)
        .replacen(",D,", ",C,", 1);
    assert_ne!(line, edited_line);
    std::fs::write(
        demo.join("targets-edited.csv"),
        targets.replacen(line, &edited_line, 1),
    )
    .unwrap();
    let bad = verify_in(
        &demo,
        "record.json",
        "targets-edited.csv",
        "officers.csv",
        "plan.toml",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("inputs.targets.digest: record has"),
        "{}",
        stdout(&bad)
    );

    // An edited value in the roster and in the plan.
    let officers = std::fs::read_to_string(demo.join("officers.csv")).unwrap();
    std::fs::write(
        demo.join("officers-edited.csv"),
        officers.replacen("E0007,", "E0077,", 1),
    )
    .unwrap();
    let bad = verify_in(
        &demo,
        "record.json",
        "targets.csv",
        "officers-edited.csv",
        "plan.toml",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("inputs.officers.digest"),
        "{}",
        stdout(&bad)
    );
    let plan = std::fs::read_to_string(demo.join("plan.toml")).unwrap();
    std::fs::write(
        demo.join("plan-edited.toml"),
        plan.replacen("\"30%\"", "\"31%\"", 1),
    )
    .unwrap();
    let bad = verify_in(
        &demo,
        "record.json",
        "targets.csv",
        "officers.csv",
        "plan-edited.toml",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("inputs.plan.digest"),
        "{}",
        stdout(&bad)
    );

    // The seed.
    edit_json(&demo, "record.json", "record-seed.json", |r| {
        r["seed"]["value"] = Value::from("shuangsui-demo-2028");
    });
    let bad = verify_in(
        &demo,
        "record-seed.json",
        "targets.csv",
        "officers.csv",
        "plan.toml",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("the record's seed does not give its draw key"),
        "{}",
        stdout(&bad)
    );

    // A selected id, in each task.
    for (t, task) in ["T1", "T2", "T3"].iter().enumerate() {
        edit_json(&demo, "record.json", "record-id.json", |r| {
            let other = r["tasks"][(t + 1) % 3]["selected"][0]["target"].clone();
            r["tasks"][t]["selected"][5]["target"] = other;
        });
        let bad = verify_in(
            &demo,
            "record-id.json",
            "targets.csv",
            "officers.csv",
            "plan.toml",
        );
        assert_eq!(bad.status.code(), Some(1));
        assert!(
            stdout(&bad).contains(&format!("tasks[{task}].selected[6].target: record has")),
            "{}",
            stdout(&bad)
        );
    }
}

/// Writes a CSV with its rows reversed and its columns rotated, CRLF line
/// ends and a BOM.
fn shuffle_csv(text: &str) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    for r in reader.records() {
        let r = r.unwrap();
        let mut fields: Vec<String> = r.iter().map(str::to_owned).collect();
        fields.rotate_left(2);
        rows.push(fields);
    }
    let header = rows.remove(0);
    rows.reverse();
    let mid = rows.len() / 2;
    rows.swap(0, mid);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(&header).unwrap();
    for r in rows {
        w.write_record(&r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn byte_identical_runs_and_order_independence() {
    let dir = TempDir::new("acceptance-order");
    succeeds(bin().current_dir(&dir).args(["init", "."]));
    let draw_to = |targets: &str, officers: &str, out: &str, raw: bool| {
        succeeds(
            bin().current_dir(&dir).args(
                [
                    "draw",
                    "--plan",
                    "plan.toml",
                    "--targets",
                    targets,
                    "--officers",
                    officers,
                    "--seed",
                    "2027-03-01",
                    "--out",
                    out,
                ]
                .into_iter()
                .chain(raw.then_some("--raw-digest")),
            ),
        );
        std::fs::read(dir.join(out)).unwrap()
    };
    let a = draw_to("targets.csv", "officers.csv", "a.json", false);
    let b = draw_to("targets.csv", "officers.csv", "b.json", false);
    assert_eq!(a, b, "two runs must give the same bytes");

    for name in ["targets", "officers"] {
        let text = std::fs::read_to_string(dir.join(format!("{name}.csv"))).unwrap();
        let shuffled = shuffle_csv(&text);
        assert_ne!(shuffled, text);
        std::fs::write(dir.join(format!("{name}-shuffled.csv")), shuffled).unwrap();
    }
    // Without raw digests (the default) the record is the same, byte for byte.
    let c = draw_to(
        "targets-shuffled.csv",
        "officers-shuffled.csv",
        "c.json",
        false,
    );
    assert_eq!(a, c, "reordered rows and columns must give the same record");
    // With them, only the raw-file digests (and so the record's own digest) change.
    let a = draw_to("targets.csv", "officers.csv", "a-raw.json", true);
    let c = draw_to(
        "targets-shuffled.csv",
        "officers-shuffled.csv",
        "c-raw.json",
        true,
    );
    let a: Value = serde_json::from_slice(&a).unwrap();
    let c: Value = serde_json::from_slice(&c).unwrap();
    let mut differing = Vec::new();
    collect_differences(&a, &c, String::new(), &mut differing);
    assert_eq!(
        differing,
        ["digest", "inputs.officers.sha256", "inputs.targets.sha256"],
        "only the raw-file digests (and so the record's own digest) may change"
    );
    // And the original record verifies against the shuffled files, with a note.
    let v = verify_in(
        &dir,
        "a-raw.json",
        "targets-shuffled.csv",
        "officers-shuffled.csv",
        "plan.toml",
    );
    assert_eq!(v.status.code(), Some(0), "{}", stdout(&v));
    assert!(
        stdout(&v).contains("its content is the same"),
        "{}",
        stdout(&v)
    );
}

fn collect_differences(left: &Value, right: &Value, path: String, out: &mut Vec<String>) {
    match (left, right) {
        (Value::Object(l), Value::Object(r)) => {
            let mut keys: Vec<&String> = l.keys().chain(r.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let sub = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let missing = Value::Null;
                collect_differences(
                    l.get(key).unwrap_or(&missing),
                    r.get(key).unwrap_or(&missing),
                    sub,
                    out,
                );
            }
        }
        (Value::Array(l), Value::Array(r)) if l.len() == r.len() => {
            for (i, (lv, rv)) in l.iter().zip(r).enumerate() {
                collect_differences(lv, rv, format!("{path}[{i}]"), out);
            }
        }
        _ if left == right => {}
        _ => out.push(path),
    }
}

fn verify_texts(plan: &str, targets: &str, officers: &str) -> shuangsui::Verification {
    verified(RECORD, &parse(plan, targets, officers).unwrap())
}

/// Every cell of the worked example's tables that the plan reads, changed one at a time,
/// makes verification fail and names the table whose digest changed; an officer's name
/// changes the names digest; a cell of a column the plan does not read (the directory's
/// `region`, dropped as read: SPEC.md §3.2 rule 5) changes nothing.
#[test]
fn every_cell_of_the_worked_example_is_load_bearing() {
    assert!(verify_texts(PLAN, TARGETS, OFFICERS).ok());
    let (mut caught, mut rejected, mut cells_total, mut unread) = (0, 0, 0, 0);
    for (which, text) in [("targets", TARGETS), ("officers", OFFICERS)] {
        let lines: Vec<&str> = text.lines().collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        for (i, line) in lines.iter().enumerate().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            for j in 0..cells.len() {
                cells_total += 1;
                let mut edited_cells = cells.clone();
                let changed = format!("{}9", cells[j]);
                edited_cells[j] = &changed;
                let mut edited_lines = lines.clone();
                let edited_line = edited_cells.join(",");
                edited_lines[i] = &edited_line;
                let edited = edited_lines.join("\n") + "\n";
                let (t, o) = if which == "targets" {
                    (edited.as_str(), OFFICERS)
                } else {
                    (TARGETS, edited.as_str())
                };
                let Ok(inputs) = parse(PLAN, t, o) else {
                    // Not a valid input any more (a check character, a date): the verifier
                    // stops with an error naming the cell, which is also a failure to verify.
                    rejected += 1;
                    continue;
                };
                let v = verified(RECORD, &inputs);
                if which == "targets" && header[j] == "region" {
                    assert!(
                        v.ok(),
                        "an unread column is dropped, so changing it changes nothing"
                    );
                    unread += 1;
                    continue;
                }
                if which == "officers" && header[j] == "status" && cells[j] != "在岗" {
                    // Only 在岗/不在岗 is kept (SPEC.md §3.3): 休假 → 休假9 is still 不在岗.
                    assert!(v.ok(), "a status is read only as on duty or not");
                    unread += 1;
                    continue;
                }
                assert!(
                    !v.ok(),
                    "{which} line {} column {} changed and still verifies",
                    i + 1,
                    j + 1
                );
                if which == "officers" && header[j] == "name" {
                    // Names are outside the roster's digest, inside its names digest (§3.4).
                    assert!(v.changed_inputs.is_empty());
                    assert!(
                        v.differences
                            .iter()
                            .any(|d| d.path == "inputs.officers.names"),
                        "{:?}",
                        v.differences
                    );
                } else {
                    assert_eq!(v.changed_inputs, [which]);
                }
                caught += 1;
            }
        }
    }
    assert_eq!(caught + rejected + unread, cells_total);
    assert_eq!(unread, 10 + 1);
    assert_eq!(cells_total, 10 * 5 + 8 * 6);
    assert!(caught > 55, "{caught} caught, {rejected} rejected");
    // And the draw itself changes with the seed.
    let inputs = example_files().inputs();
    let (a, b) = (drawn(&inputs, "a"), drawn(&inputs, "b"));
    assert_ne!(a.draw_key, b.draw_key);
}

/// `shuangsui schema NAME` prints each schema file byte for byte.
#[test]
fn schema_command_prints_the_files() {
    for (name, file) in [
        ("plan", "plan.v2"),
        ("target-row", "target-row.v2"),
        ("officer-row", "officer-row.v2"),
        ("record", "record.v2"),
        ("vectors", "vectors.v2"),
    ] {
        let out = run(bin().args(["schema", name]));
        assert!(out.status.success());
        let expected = read(&format!("schemas/{file}.schema.json"));
        assert_eq!(out.stdout, expected, "{name}");
    }
}

/// Issue 3: every kind of bad input gets its exact error text and exit code 2
/// from the CLI, and nothing is written.
#[test]
fn bad_inputs_exit_2_with_exact_errors() {
    let dir = TempDir::new("acceptance-bad-inputs");
    example_files().write_to(&dir);
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, &str, String, &str)> = vec![
        (
            "invalid id",
            "targets.csv",
            TARGETS.replace("9144030071526726XG", "9144030071526726XH"),
            "error: targets.csv:2:1: invalid id '9144030071526726XH': fails the GB 32100-2015 check character (expected 'G' at position 18)\nhint: check the code for typos; a genuine code that fails the check can be allowed with --id-allowlist FILE or --id-check warn\n",
        ),
        (
            "duplicate id",
            "targets.csv",
            format!("{TARGETS}91110108551385082Q,重复,A,存续,110108\n"),
            "error: targets.csv:12:1: duplicate id '91110108551385082Q' (first seen on line 6)\nhint: each entity may appear once: remove or merge the duplicate rows\n",
        ),
        (
            "missing required column",
            "targets.csv",
            TARGETS.replacen("id,name,", "id,title,", 1),
            "error: targets.csv:1: missing required column 'name' (a header may name it 企业名称 / 市场主体名称 / name; found: id,title,risk,status,region)\nhint: check that the header row names it so (annotations such as （必填） or * are fine) and is among the first 30 rows; a column under another name can be mapped in the plan's [columns.targets] or [columns.officers], as in \"企业代码\" = \"id\"; in an .xlsx file, --targets-sheet or --officers-sheet names the sheet\n",
        ),
        (
            "missing required field",
            "targets.csv",
            TARGETS.replace("清华大学", ""),
            "error: targets.csv:11:2: empty 'name': every row needs one\n",
        ),
        (
            "unknown risk class",
            "targets.csv",
            TARGETS.replace("清华大学,C,", "清华大学,E,"),
            "error: targets.csv:11:3: 'risk' = 'E': expected a credit risk class: A, B, C or D (also A类, 低风险, …)\n",
        ),
        (
            "malformed date",
            "officers.csv",
            OFFICERS.replace("2024-01-01至2028-12-31", "2024-02-30至2028-12-31"),
            "error: officers.csv:4:6: 'validity' = '2024-02-30至2028-12-31': expected a validity period such as 2023-01-01至2028-12-31 (or …至长期)\n",
        ),
        (
            "ratio above 100%",
            "plan.toml",
            PLAN.replace("\"10%\"", "\"110%\""),
            "error: plan.toml:13:9: task 'T1': ratio.A: expected a percentage from 0% to 100% like \"3%\" or \"0.5%\", found \"110%\"\n",
        ),
        (
            "strata naming a missing column",
            "plan.toml",
            PLAN.replace("strata = [\"risk\"]", "strata = [\"风险\"]"),
            "error: plan.toml:12:11: task 'T1': strata names the column '风险', which the targets do not have (columns: id,name,status; the other headers, dropped as read: region,risk)\nhint: check the spelling of '风险' or add that column to the file\n",
        ),
        (
            "filter naming a missing column",
            "plan.toml",
            PLAN.replace(
                "filter = { status = \"存续\" }",
                "filter = { state = \"存续\" }",
            ),
            "error: plan.toml:11:10: task 'T1': filter names the column 'state', which the targets do not have (columns: id,name,risk,status; the other headers, dropped as read: region)\nhint: check the spelling of 'state' or add that column to the file\n",
        ),
        (
            "empty eligible frame",
            "plan.toml",
            PLAN.replace(
                "filter = { status = \"存续\" }",
                "filter = { status = \"注销\" }",
            ),
            "error: task 'T1': no eligible target passes the filter status ∈ {注销} (10 rows in the directory, 1 of those passing it excluded by status)\nhint: check the filter values against the directory's values\n",
        ),
        (
            "no officer with a valid certificate",
            "officers.csv",
            OFFICERS
                .replace("2028-12-31", "2026-12-31")
                .replace("2028-04-30", "2026-04-30"),
            "error: task 'T2': 1 eligible officer, fewer than the team size 3 (4 more pass officer_filter but are not on duty or hold no valid certificate)\nhint: widen officer_filter or add officers: every inspection needs at least two\n",
        ),
        (
            "a binary file",
            "targets.csv",
            "PK\u{3}\u{4}\u{0}\u{0}".to_owned(),
            "error: targets.csv:1: this is not a text table (a NUL byte at offset 4); for Excel files use .xlsx\n",
        ),
        (
            "10,000 columns",
            "targets.csv",
            (0..10_000)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(",")
                + "\n",
            "error: targets.csv:1: the number of columns (10000) exceeds the limit of 1024\n",
        ),
        (
            "a 100 MB field",
            "targets.csv",
            format!(
                "id,name\n91110000802100433B,{}\n",
                "x".repeat(100 * 1024 * 1024)
            ),
            "error: targets.csv:2:2: field 'name' (more than 67108864 bytes) exceeds the limit of 4096\n",
        ),
    ];
    for (i, (what, file, content, expected)) in cases.into_iter().enumerate() {
        let case_dir = dir.join(format!("case{i}"));
        std::fs::create_dir_all(&case_dir).unwrap();
        for (name, text) in [
            ("plan.toml", PLAN),
            ("targets.csv", TARGETS),
            ("officers.csv", OFFICERS),
        ] {
            std::fs::write(
                case_dir.join(name),
                if name == file { content.as_str() } else { text },
            )
            .unwrap();
        }
        let out = run(bin()
            .current_dir(&case_dir)
            .env("SHUANGSUI_LANG", "en")
            .arg("draw")
            .args(INPUT_FLAGS)
            .args(["--seed", "s", "--out", "never.json"]));
        assert_eq!(out.status.code(), Some(2), "{what}");
        assert_eq!(stderr(&out), expected, "{what}");
        assert!(
            !case_dir.join("never.json").exists(),
            "{what}: nothing may be written"
        );
        std::fs::remove_dir_all(&case_dir).unwrap();
    }

    // A ratio for a stratum that never occurs is a warning, not an error.
    std::fs::write(
        dir.join("plan-warn.toml"),
        PLAN.replace("B = \"50%\"", "B = \"50%\", E = \"5%\""),
    )
    .unwrap();
    let out = run(bin().current_dir(&dir).args([
        "--lang=en",
        "check",
        "--plan",
        "plan-warn.toml",
        "--targets",
        "targets.csv",
        "--officers",
        "officers.csv",
    ]));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stderr(&out),
        "warning: task 'T1': the quota table names stratum 'E', which no target in the frame has\n"
    );
}

/// Issue 3: `check` on the demo inputs prints the frame summary.
#[test]
fn check_on_the_demo_inputs_prints_the_frames() {
    let dir = TempDir::new("acceptance-check-demo");
    succeeds(bin().current_dir(&dir).args(["demo", "--out", "d"]));
    let out = run(bin().current_dir(&dir).args([
        "--lang",
        "en",
        "check",
        "--plan",
        "d/plan.toml",
        "--targets",
        "d/targets.csv",
        "--officers",
        "d/officers.csv",
    ]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "target directory: 10000 rows, digest ",
        "certificates checked on 2027-01-15",
        "task T1 企业公示信息抽查 [undirected]: frame 9320 → to draw 436; excluded 吊销 241, 注销 328, 迁出 111",
        "    B: 6109, 3% → 184",
        "task T2 食品经营许可事项抽查 [directed]: frame 992 → to draw 40",
        "check passed: the draw can run",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

/// Issue 4: `amend` appends hash-chained entries that `verify` replays; an
/// edited entry fails verification; a record that does not verify is not amended.
#[test]
fn amend_then_verify_then_tamper() {
    let dir = TempDir::new("acceptance-amend");
    example_files().write_to(&dir);
    dir.write("record.json", RECORD);
    let record: Value = serde_json::from_str(RECORD).unwrap();
    let first = &record["tasks"][0]["selected"][0];
    let (target, officer) = (
        first["target"].as_str().unwrap(),
        first["officers"][0].as_str().unwrap(),
    );
    let inputs = INPUT_FLAGS;
    // The plan's date is 2027-01-15: amendments are dated after it, and not in the future
    // of the clock, so they run at a clock of February 2027.
    let Some(_) = faketime() else {
        eprintln!("faketime is not installed: skipping the amendments");
        return;
    };
    let amend = |extra: &[&str]| {
        let mut a = vec!["--lang", "en", "amend", "record.json"];
        a.extend_from_slice(&inputs);
        a.extend_from_slice(extra);
        run(bin_at("@2027-02-03 00:00:00").current_dir(&dir).args(&a))
    };
    let out = amend(&[
        "--target",
        target,
        "--replace-officer",
        officer,
        "--reason",
        "回避",
        "--actor",
        "张科长",
        "--at",
        "2027-02-01T09:00:00+08:00",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The officers are named beside their ids, as in the draw's summary.
    assert!(
        stdout(&out).starts_with(&format!("replaced T1 {target}: "))
            && stdout(&out).contains(&format!(" ({officer}) → ")),
        "{}",
        stdout(&out)
    );
    let out = amend(&[
        "--unreachable",
        target,
        "--task",
        "T1",
        "--actor",
        "张科长",
        "--at",
        "2027-02-02 09:00",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A time written as people write it is Beijing time, kept in UTC in the ledger; one in
    // RFC 3339 is kept as written.
    let record: Value =
        serde_json::from_slice(&std::fs::read(dir.join("record.json")).unwrap()).unwrap();
    assert_eq!(record["ledger"][0]["at"], "2027-02-01T09:00:00+08:00");
    assert_eq!(record["ledger"][1]["at"], "2027-02-02T01:00:00Z");
    let out = amend(&[
        "--unreachable",
        target,
        "--task",
        "T2",
        "--actor",
        "张科长",
        "--at",
        "2月2日",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--at '2月2日' is not a time: write 2027-01-20 15:00 (Beijing time)"),
        "{}",
        stderr(&out)
    );
    // A second unreachable for the same target is refused.
    let out = amend(&["--unreachable", target, "--task", "T1", "--actor", "张科长"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already recorded as unreachable"));

    let verify = |file: &str| {
        let mut a = vec!["--lang", "en", "verify", file];
        a.extend_from_slice(&inputs);
        run(bin().current_dir(&dir).args(&a))
    };
    assert_eq!(verify("record.json").status.code(), Some(0));
    edit_json(&dir, "record.json", "edited.json", |r| {
        r["ledger"][0]["replacement"] = Value::from("E04");
    });
    let out = verify("edited.json");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("ledger[1].replacement: record has 'E04', the inputs give"),
        "{}",
        stdout(&out)
    );
    // Amending a record that does not verify changes nothing.
    let before = std::fs::read(dir.join("edited.json")).unwrap();
    let mut a = vec!["amend", "edited.json"];
    a.extend_from_slice(&inputs);
    a.extend_from_slice(&["--unreachable", target, "--task", "T2", "--actor", "张科长"]);
    let out = run(bin().current_dir(&dir).args(&a));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(dir.join("edited.json")).unwrap(), before);
}
