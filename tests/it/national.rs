//! The national flow (issue 16, SPEC.md §7.5): a directory that never leaves its warehouse is
//! digested there, its census and candidates are computed there, and `shuangsui match` draws
//! from their results the record its file would give. Each test loads a bureau's export
//! (`shuangsui gen`) into an engine as the canonical table, drives the flow with
//! `tests/national.py` as an operator would, then checks that the record:
//!
//! - is the draw from the bureau's file with the same seed (every member but the directory's
//!   `dropped` list — the export's unread columns, which the warehouse table does not have —
//!   and so the record digest);
//! - verifies with `shuangsui verify` against the bureau's own files;
//! - is reproduced in the engine by its digest query and every task's selection query
//!   (`sql --record`): verification from the warehouse's query results.
//!
//! `DuckDB` on a 1,000,000-row directory, `PostgreSQL` and Spark (local mode) on 100,000 rows;
//! each engine as required as in `warehouse.rs`. A small `DuckDB` flow with the exclusive rule
//! (skips), jurisdiction and declared conflicts, and the refusals of tampered results.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::fixtures::{INPUT_FLAGS, TempDir, bin, load_json, outcome, stderr, succeeds};
use crate::warehouse::{postgres, skip_unless_duckdb, skip_unless_spark};

/// How the bureau's export (`shuangsui gen`) names the columns the plan reads.
const COLUMNS: [(&str, &str); 7] = [
    ("id", "统一社会信用代码"),
    ("name", "企业名称"),
    ("entity_type", "企业类型"),
    ("status", "登记状态"),
    ("industry", "所属行业"),
    ("region", "行政区划"),
    ("risk", "信用风险分类"),
];

/// The files of the harder flows: conflicts, a history and an earlier batch.
const HARD: [&str; 6] = [
    "--conflicts",
    "conflicts.csv",
    "--history",
    "history.csv",
    "--after",
    "batch1.json",
];

/// The plan of `gen` made harder: one visit per entity (later tasks skip what earlier ones
/// drew), officers from another district than the entity's, declared conflicts, a history
/// (recent inspections excluded from T2, at most two inspections a year) and an earlier batch
/// of the same plan. Returns the flags of the files, the earlier batch's last.
fn harden(dir: &Path) -> Vec<&'static str> {
    let path = dir.join("plan.toml");
    let plan = std::fs::read_to_string(&path).unwrap();
    let plan = plan
        .replacen(
            "date = \"2027-03-01\"\n",
            "date = \"2027-03-01\"\none_visit = \"exclusive\"\nmax_inspections_per_year = 2\n",
            1,
        )
        .replacen(
            "officer_filter = { department = [\"食品安全\"] }",
            "officer_filter = { department = [\"食品安全\"] }\nofficer_region = \"different\"\nexclude_inspected = { within = \"calendar_year\" }",
            1,
        );
    assert!(plan.contains("exclusive") && plan.contains("exclude_inspected"));
    std::fs::write(&path, plan).unwrap();
    let column = |file: &str, n: usize| -> Vec<String> {
        let mut r = csv::Reader::from_path(dir.join(file)).unwrap();
        r.records()
            .take(n)
            .map(|r| r.unwrap()[0].to_owned())
            .collect()
    };
    let (targets, officers) = (column("targets.csv", 3000), column("officers.csv", 60));
    let mut conflicts = String::from("officer,entity,reason\n");
    for (i, t) in targets[..400].iter().enumerate() {
        writeln!(conflicts, "{},{t},亲属关系", officers[i % 60]).unwrap();
    }
    std::fs::write(dir.join("conflicts.csv"), conflicts).unwrap();
    // Every other entity of the next 2,600 inspected this year, every fifth twice.
    let mut history = String::from("entity,date,task,item,officers\n");
    for (i, t) in targets[400..]
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
    {
        writeln!(
            history,
            "{t},2027-01-{:02},T9,登记事项,{}",
            1 + i % 28,
            officers[i % 60]
        )
        .unwrap();
        if i % 5 == 0 {
            writeln!(history, "{t},2027-02-{:02},T9,登记事项,", 1 + i % 28).unwrap();
        }
    }
    std::fs::write(dir.join("history.csv"), history).unwrap();
    let flags = vec!["--conflicts", "conflicts.csv", "--history", "history.csv"];
    succeeds(
        bin()
            .current_dir(dir)
            .args(["draw", "--seed", "batch 1", "--out", "batch1.json"])
            .args(INPUT_FLAGS)
            .args(&flags),
    );
    assert_eq!([&flags[..], &["--after", "batch1.json"]].concat(), HARD);
    HARD.to_vec()
}

/// Generates a directory of `rows`, draws it from the file with `seed`, then runs the flow in
/// `engine` and checks the record three ways (module doc). Returns the working directory.
fn flow(engine: &str, rows: u64, seed: &str, hard: bool, conn: Option<&str>) -> TempDir {
    let dir = TempDir::new(&format!("national-{engine}"));
    let rows = rows.to_string();
    succeeds(bin().current_dir(&dir).args([
        "gen",
        "--targets",
        &rows,
        "--officers",
        "600",
        "--seed",
        "7",
        "--out",
        ".",
    ]));
    let extra = if hard { harden(&dir) } else { Vec::new() };
    succeeds(
        bin()
            .current_dir(&dir)
            .args(["draw", "--seed", seed, "--out", "file.json"])
            .args(INPUT_FLAGS)
            .args(&extra),
    );
    let config = serde_json::json!({
        "engine": engine,
        "bin": crate::fixtures::bin_path(),
        "dir": dir.to_str().unwrap(),
        "plan": "plan.toml",
        "officers": "officers.csv",
        "targets_csv": "targets.csv",
        "columns": COLUMNS
            .iter()
            .map(|&(c, h)| (c.to_owned(), serde_json::Value::from(h)))
            .collect::<serde_json::Map<_, _>>(),
        "seed": seed,
        "conn": conn,
        "extra": extra,
        "listed": hard,
    });
    std::fs::write(dir.join("national-config.json"), config.to_string()).unwrap();
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/national.py");
    let out = Command::new("python3")
        .arg(&driver)
        .arg(dir.join("national-config.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{engine}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
    let summary = load_json(&dir.join("national.json"));
    eprintln!("{engine}, {rows} rows: {summary}");
    let from_file = load_json(&dir.join("file.json"));
    let from_warehouse = load_json(&dir.join("record.json"));
    // The warehouse computed the very digest the file gives, and its queries reproduce the
    // record: the digest and every task's selection.
    assert_eq!(
        summary["digest"], from_file["inputs"]["targets"]["digest"],
        "{engine}"
    );
    assert_eq!(summary["record_digest_query"], true, "{engine}: {summary}");
    // A forged list of possible listed exclusions is refused.
    if hard {
        assert_eq!(
            summary["forged_listed_refused"], true,
            "{engine}: {summary}"
        );
    }
    // A table changed since the census fails the candidates query.
    assert_eq!(summary["changed_refused"], true, "{engine}: {summary}");
    // A table renamed after the draw fails the record's own queries.
    assert_eq!(
        summary["altered_refused"],
        serde_json::json!({"digest": true, "selection": true}),
        "{engine}: {summary}"
    );
    // The table's check passed the export, and found each damage of a careless copy.
    assert_eq!(summary["check_rows"], 0, "{engine}: {summary}");
    let mut problems = vec![
        "control_character",
        "duplicate_id",
        "empty",
        "id_shape",
        "not_nfc",
        "risk",
        "untrimmed",
    ];
    if engine == "spark" {
        problems.retain(|p| *p != "not_nfc"); // Spark SQL has no NFC function
    }
    assert_eq!(
        summary["dirty_problems"],
        serde_json::json!(problems),
        "{engine}: {summary}"
    );
    let selections = summary["selections"].as_object().unwrap();
    assert_eq!(
        selections.len(),
        from_file["tasks"].as_array().unwrap().len()
    );
    assert!(
        selections.values().all(|v| v == true),
        "{engine}: {summary}"
    );
    // The record is the file's draw, but for what the export had and the table has not.
    let same = |mut r: serde_json::Value| {
        r["inputs"]["targets"]["dropped"] = serde_json::json!([]);
        r.as_object_mut().unwrap().remove("digest");
        r
    };
    assert!(
        !from_file["inputs"]["targets"]["dropped"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        same(from_warehouse.clone()),
        same(from_file.clone()),
        "{engine}: the warehouse's record is not the file's draw"
    );
    // And it verifies against the bureau's own files, and from the warehouse's results alone
    // (saying what that leaves to the warehouse).
    succeeds(
        bin()
            .current_dir(&dir)
            .args(["verify", "record.json"])
            .args(INPUT_FLAGS)
            .args(&extra),
    );
    let out = succeeds(
        bin()
            .current_dir(&dir)
            .args(from_results("record.json"))
            .args(&extra),
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("the directory was not read"), "{said}");
    // A task matching by jurisdiction reads the candidates' regions, which no query checks.
    assert_eq!(said.contains("regions"), hard, "{said}");
    dir
}

/// `verify RECORD` from the warehouse's results, in English.
fn from_results(record: &str) -> Vec<&str> {
    vec![
        "verify",
        record,
        "--lang",
        "en",
        "--plan",
        "plan.toml",
        "--officers",
        "officers.csv",
        "--census",
        "census.csv",
        "--candidates",
        "candidates.csv",
    ]
}

#[test]
fn a_province_draws_a_million_row_directory_in_duckdb_without_its_file() {
    if skip_unless_duckdb() {
        return;
    }
    flow("duckdb", 1_000_000, "2027 national draw", false, None);
}

#[test]
fn postgresql_holds_the_directory_and_the_draw_matches_its_file() {
    let Some(conn) = postgres() else {
        return;
    };
    flow(
        "postgres",
        100_000,
        "PostgreSQL national draw",
        true,
        Some(&conn),
    );
}

#[test]
fn spark_holds_the_directory_and_the_draw_matches_its_file() {
    if skip_unless_spark() {
        return;
    }
    flow("spark", 100_000, "Spark national draw", true, None);
}

/// Runs `match` with the flow's inputs and these census and candidates files.
fn matched(dir: &Path, census: &str, candidates: &str) -> (Option<i32>, String, String) {
    let digest = load_json(&dir.join("national.json"))["digest"]
        .as_str()
        .unwrap()
        .to_owned();
    outcome(
        bin()
            .current_dir(dir)
            .args([
                "match",
                "--lang",
                "en",
                "--plan",
                "plan.toml",
                "--officers",
                "officers.csv",
                "--seed",
                "skips and conflicts",
                "--targets-digest",
                &digest,
                "--census",
                census,
                "--candidates",
                candidates,
                "--out",
                "tampered.json",
                "--force",
            ])
            .args(HARD),
    )
}

/// The CSV lines of a file, header first.
fn lines(dir: &Path, file: &str) -> Vec<String> {
    std::fs::read_to_string(dir.join(file))
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn skips_jurisdiction_and_conflicts_match_and_tampered_results_are_refused() {
    if skip_unless_duckdb() {
        return;
    }
    let dir = flow("duckdb", 20_000, "skips and conflicts", true, None);
    let record = load_json(&dir.join("record.json"));
    let skipped: usize = record["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["skipped"].as_array().unwrap().len())
        .sum();
    assert!(skipped > 0, "the exclusive rule skipped nobody");
    // The history and the earlier batch excluded targets by listing them, in every way.
    for reason in ["earlier_batch", "inspected_recently", "annual_cap"] {
        let n: u64 = record["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["frame"]["excluded"][reason].as_u64())
            .sum();
        assert!(n > 0, "no target excluded as {reason}");
    }
    // The companion lists the skips.
    assert_eq!(lines(&dir, "record.exclusions.csv").len(), skipped + 1);
    let candidates = lines(&dir, "candidates.csv");
    let write = |name: &str, lines: &[String]| {
        std::fs::write(dir.join(name), lines.join("\n") + "\n").unwrap();
    };
    // A candidate taken out: the ranks of its stratum no longer follow one another.
    let mut cut = candidates.clone();
    let rank = |l: &str| l.split(',').nth(2).unwrap().to_owned();
    let first = (1..cut.len() - 1)
        .find(|&i| rank(&cut[i]) == "1" && rank(&cut[i + 1]) == "2")
        .unwrap();
    cut.remove(first);
    write("cut.csv", &cut);
    let (code, _, err) = matched(&dir, "census.csv", "cut.csv");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("has rank 2, but it is number 1"), "{err}");
    // A ticket changed: not this draw's.
    let mut forged = candidates.clone();
    let mut cells: Vec<String> = forged[1].split(',').map(str::to_owned).collect();
    cells[3] = "0".repeat(64);
    forged[1] = cells.join(",");
    write("forged.csv", &forged);
    let (code, _, err) = matched(&dir, "census.csv", "forged.csv");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!("has ticket {}", "0".repeat(64))),
        "{err}"
    );
    // The candidates of a stratum that skipped cut to its count: the walk runs out.
    let task = record["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| !t["skipped"].as_array().unwrap().is_empty())
        .unwrap();
    let id = task["id"].as_str().unwrap();
    let skipped = task["skipped"][0]["target"].as_str().unwrap();
    let mut reader = csv::Reader::from_path(dir.join("candidates.csv")).unwrap();
    let header = reader.headers().unwrap().clone();
    let strata: Vec<usize> = (0..header.len())
        .filter(|&i| header[i].starts_with('s'))
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let key = |r: &csv::StringRecord| -> Vec<String> {
        strata.iter().map(|&i| r[i].to_owned()).collect()
    };
    let stratum = key(rows
        .iter()
        .find(|r| &r[0] == id && &r[1] == skipped)
        .unwrap());
    let count = task["strata"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["stratum"]
                .as_array()
                .unwrap()
                .iter()
                .zip(&stratum)
                .all(|(v, k)| v == k)
        })
        .unwrap()["count"]
        .as_u64()
        .unwrap();
    let mut short = csv::Writer::from_path(dir.join("short.csv")).unwrap();
    short.write_record(&header).unwrap();
    let mut taken = 0;
    for r in &rows {
        if &r[0] == id && key(r) == stratum {
            taken += 1;
            if taken > count {
                continue;
            }
        }
        short.write_record(r).unwrap();
    }
    short.flush().unwrap();
    let (code, _, err) = matched(&dir, "census.csv", "short.csv");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("ran out before the walk took"), "{err}");
    // A census that miscounts a stratum. Counted over: `match` draws, but the record is not
    // the directory's, and verification from the file says where. Counted under what the
    // candidates hold: `match` refuses.
    let census = lines(&dir, "census.csv");
    // Candidates per (task, s1, s2): their rows end with the two stratum cells.
    let held = |task: &str, s1: &str, s2: &str| {
        candidates
            .iter()
            .filter(|l| l.starts_with(&format!("{task},")) && l.ends_with(&format!(",{s1},{s2}")))
            .count() as u64
    };
    let miscount = |file: &str, by: i64, pick: &dyn Fn(&[&str]) -> bool| -> String {
        let mut census = census.clone();
        let row = census
            .iter()
            .position(|l| {
                let c: Vec<&str> = l.split(',').collect();
                c[0].starts_with('T') && c[1].is_empty() && pick(&c)
            })
            .unwrap();
        let mut cells: Vec<String> = census[row].split(',').map(str::to_owned).collect();
        let n: i64 = cells[4].parse().unwrap();
        cells[4] = (n + by).to_string();
        census[row] = cells.join(",");
        write(file, &census);
        cells[0].clone()
    };
    miscount("census-under.csv", -1, &|c| {
        c[4].parse::<u64>().unwrap() == held(c[0], c[2], c[3])
    });
    let (code, _, err) = matched(&dir, "census-under.csv", "candidates.csv");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("more than its frame"), "{err}");
    let task_cut = miscount("census-short.csv", 1, &|_| true);
    let (code, _, err) = matched(&dir, "census-short.csv", "candidates.csv");
    assert_eq!(code, Some(0), "{err}");
    let out = bin()
        .current_dir(&dir)
        .args(["verify", "tampered.json", "--lang", "en"])
        .args(HARD)
        .args(INPUT_FLAGS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains(&format!("tasks[{task_cut}].strata")),
        "{report}"
    );
    // From the results: the genuine census does not give the record drawn from the short
    // one; the file and the results are not taken together.
    let (code, report, err) = outcome(
        bin()
            .current_dir(&dir)
            .args(from_results("tampered.json"))
            .args(HARD),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        report.contains(&format!("tasks[{task_cut}].strata")),
        "{report}"
    );
    let (code, _, err) = outcome(
        bin()
            .current_dir(&dir)
            .args(from_results("record.json"))
            .args(HARD)
            .args(["--targets", "targets.csv"]),
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("not both"), "{err}");
}
