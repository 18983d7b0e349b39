//! The documented limits on hostile input (README "Limits"), each refused with an error
//! naming the place — never a panic, a hang or memory exhaustion.

use shuangsui::input::{Format, ReadOptions, Table, TableKind, TableOptions, limits};
use shuangsui::{Inputs, Plan, Source, synth};

fn targets(text: &str) -> String {
    Table::from_csv(TableKind::Targets, "t.csv", text.as_bytes())
        .map_or_else(|e| e.to_string(), |_| String::new())
}

#[test]
fn a_field_longer_than_4096_bytes() {
    let id = synth::uscc_for(1);
    assert_eq!(
        targets(&format!("id,name\n{id},{}\n", "名".repeat(1365))),
        ""
    );
    assert_eq!(
        targets(&format!(
            "id,name\n{id},{}\n",
            "x".repeat(limits::FIELD_BYTES + 1)
        )),
        "t.csv:2:2: field 'name' (4097 bytes) exceeds the limit of 4096"
    );
}

#[test]
fn more_than_1024_columns() {
    let header = |n: usize| {
        (0..n)
            .map(|i| match i {
                0 => "id".to_owned(),
                1 => "name".to_owned(),
                _ => format!("c{i}"),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(targets(&header(limits::COLUMNS)), "");
    assert_eq!(
        targets(&header(limits::COLUMNS + 1)),
        "t.csv:1: the number of columns (1025) exceeds the limit of 1024"
    );
}

#[test]
fn more_rows_than_32_bits_number() {
    assert!(limits::rows("t.csv", limits::ROWS).is_ok());
    assert_eq!(
        limits::rows("t.csv", limits::ROWS + 1)
            .unwrap_err()
            .to_string(),
        "t.csv: the number of rows (4294967296) exceeds the limit of 4294967295"
    );
}

/// The 64 MiB record limit is tested with a 100 MB field in tests/acceptance.rs
/// (`bad_inputs_exit_2_with_exact_errors`), through the CLI.
#[test]
fn the_record_limit_is_above_any_legal_record() {
    // 1,024 quoted fields of 4,096 bytes with every quote doubled fit.
    const LARGEST_LEGAL_RECORD: usize = limits::COLUMNS * (2 * limits::FIELD_BYTES + 3);
    const _: () = assert!(LARGEST_LEGAL_RECORD < limits::RECORD_BYTES);
    let id = synth::uscc_for(2);
    let quoted = format!("\"{}\"", "\"\"".repeat(limits::FIELD_BYTES / 2));
    assert_eq!(targets(&format!("id,name\n{id},{quoted}\n")), "");
}

#[test]
fn nesting_deeper_than_the_parsers_allow() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    // The plan.
    let plan = format!("x = {}\n", deep(10_000));
    let e = Plan::parse("plan.toml", plan.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains("recursion limit"), "{e}");
    // A JSON table.
    let json = format!("[{{\"id\": {}}}]", deep(10_000));
    let options = TableOptions {
        read: ReadOptions {
            format: Some(Format::Json),
            ..ReadOptions::default()
        },
        ..TableOptions::default()
    };
    let e = Table::parse(TableKind::Targets, "t.json", json.as_bytes(), &options)
        .unwrap_err()
        .to_string();
    assert!(e.contains("recursion limit"), "{e}");
    // A record given to verify.
    let (p, t, o) = (
        synth::plan_toml(2),
        synth::targets_csv(30, 1),
        synth::officers_csv(6, 1),
    );
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: p.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: t.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: o.as_bytes(),
        },
    )
    .unwrap();
    let record = deep(10_000);
    let e = shuangsui::verify(
        Source {
            name: "record.json",
            bytes: record.as_bytes(),
        },
        &inputs,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("recursion limit"), "{e}");
    assert_eq!(limits::NESTING, 128);
}
