//! Target selection in a SQL engine (SPEC.md §7.4, `shuangsui sql`): a generated
//! 100,000-row provincial directory is drawn with shuangsui, its normalised projection
//! loaded into `DuckDB`, and each task's query must return exactly the record's selection —
//! the same targets, in the same order, with the same tickets and ranks.
//!
//! `DuckDB` comes from its Python package. CI installs it and sets
//! `SHUANGSUI_REQUIRE_DUCKDB=1`, so there a missing `DuckDB` fails the test; elsewhere the
//! test says it was skipped.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use shuangsui::input::{Table, TableKind};

fn duckdb_available() -> bool {
    Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn shuangsui(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_shuangsui"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "shuangsui {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Runs `query` over `csv` loaded as table `targets` (every column text); returns
/// `target ticket rank` lines.
fn run_duckdb(dir: &Path, csv: &Path, query: &str) -> String {
    let script = r#"
import sys, duckdb
con = duckdb.connect()
con.execute("CREATE TABLE targets AS SELECT * FROM read_csv(?, all_varchar = true, header = true)", [sys.argv[1]])
for row in con.execute(open(sys.argv[2], encoding="utf-8").read()).fetchall():
    print(row[0], row[-2], row[-1])
"#;
    let query_file = dir.join("query.sql");
    std::fs::write(&query_file, query).unwrap();
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(csv)
        .arg(&query_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "duckdb: {}\n{query}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn duckdb_reproduces_every_tasks_selection_of_a_100k_directory() {
    if !duckdb_available() {
        assert!(
            std::env::var_os("SHUANGSUI_REQUIRE_DUCKDB").is_none(),
            "SHUANGSUI_REQUIRE_DUCKDB is set but `python3 -c 'import duckdb'` fails"
        );
        eprintln!("skipped: no DuckDB Python package here (CI installs it: pip install duckdb)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("shuangsui-warehouse-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    shuangsui(
        &dir,
        &[
            "gen",
            "--targets",
            "100000",
            "--officers",
            "600",
            "--seed",
            "11",
            "--out",
            ".",
        ],
    );
    shuangsui(
        &dir,
        &[
            "draw",
            "--plan",
            "plan.toml",
            "--targets",
            "targets.csv",
            "--officers",
            "officers.csv",
            "--seed",
            "warehouse test",
            "--out",
            "record.json",
        ],
    );
    // The normalised directory, as a verification kit publishes it.
    let table = Table::from_csv(
        TableKind::Targets,
        "targets.csv",
        &std::fs::read(dir.join("targets.csv")).unwrap(),
    )
    .unwrap();
    let normalised = dir.join("normalised.csv");
    std::fs::write(&normalised, table.to_csv()).unwrap();
    let record: shuangsui::Record =
        serde_json::from_slice(&std::fs::read(dir.join("record.json")).unwrap()).unwrap();
    assert_eq!(record.tasks.len(), 4);
    let mut compared = 0;
    for task in &record.tasks {
        let expected: String = task.selected.iter().fold(String::new(), |mut acc, s| {
            writeln!(acc, "{} {} {}", s.target, s.ticket, s.rank).unwrap();
            acc
        });
        let query = String::from_utf8(
            shuangsui(
                &dir,
                &[
                    "sql",
                    "--record",
                    "record.json",
                    "--task",
                    &task.id,
                    "--dialect",
                    "duckdb",
                ],
            )
            .stdout,
        )
        .unwrap();
        let got = run_duckdb(&dir, &normalised, &query);
        assert!(
            got == expected,
            "task {}: DuckDB selected {} rows, the record {}; first difference at line {:?}",
            task.id,
            got.lines().count(),
            expected.lines().count(),
            got.lines()
                .zip(expected.lines())
                .position(|(a, b)| a != b)
                .map(|i| i + 1)
        );
        compared += task.selected.len();
    }
    assert!(compared > 1_000, "only {compared} selections compared");
    eprintln!("DuckDB reproduced {compared} selections over 4 tasks exactly");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn queries_for_postgres_and_spark_use_their_hash_functions() {
    let dir = std::env::temp_dir().join(format!("shuangsui-sql-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    shuangsui(&dir, &["demo", "--out", "."]);
    let pg = String::from_utf8(
        shuangsui(
            &dir,
            &[
                "sql",
                "--record",
                "record.json",
                "--task",
                "T1",
                "--dialect",
                "postgres",
            ],
        )
        .stdout,
    )
    .unwrap();
    assert!(
        pg.contains("encode(sha256(convert_to('shuangsui/v2/target-ticket:"),
        "{pg}"
    );
    assert!(pg.contains("COLLATE \"C\""), "{pg}");
    let spark = String::from_utf8(
        shuangsui(
            &dir,
            &[
                "sql",
                "--record",
                "record.json",
                "--task",
                "T1",
                "--dialect",
                "spark",
            ],
        )
        .stdout,
    )
    .unwrap();
    assert!(
        spark.contains("sha2('shuangsui/v2/target-ticket:"),
        "{spark}"
    );
    let e = Command::new(env!("CARGO_BIN_EXE_shuangsui"))
        .current_dir(&dir)
        .args(["sql", "--record", "record.json", "--task", "T9"])
        .output()
        .unwrap();
    assert_eq!(e.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&e.stderr)
            .contains("the record has no task 'T9' (its tasks: T1, T2, T3)"),
        "{}",
        String::from_utf8_lossy(&e.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
