//! The checks each fuzz target runs on its input, shared with `tests/it/fuzz_regressions.rs`,
//! which replays every input a fuzzer once crashed on. The inputs they check against are the
//! tests' fixtures (`tests/it/fixtures.rs`): each fuzz target declares `mod fixtures` beside
//! `mod checks`, as the test binary does.

#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use shuangsui::ceremony;
use shuangsui::ceremony::beacon::{self, Round};
use shuangsui::inputs::{ByteSource, Format, ReadOptions, Table, TableKind, TableOptions};
use shuangsui::internal::stream::{self, Options};
use shuangsui::publish::results::Results;
use shuangsui::publish::workdays::Calendar;
use shuangsui::{Inputs, Record};

use crate::fixtures::{Files, drawn, verify_record};

/// The block reader of large directories against the in-memory reader: for any bytes and
/// any block size, the same digest and rows, or the same error (or GBK left to the other).
pub fn csv(input: &[u8]) {
    let Some((&block, bytes)) = input.split_first() else {
        return;
    };
    let table = TableOptions::default();
    let whole = Table::parse(TableKind::Targets, "t.csv", bytes, &table);
    let data: Arc<dyn ByteSource> = Arc::new(bytes.to_vec());
    let options = Options {
        block_bytes: usize::from(block % 64) + 1,
        threads: 2,
        ..Options::default()
    };
    match (whole, stream::read("t.csv", &data, b',', &table, &options)) {
        (Ok(t), Ok(out)) => {
            assert_eq!(shuangsui::inputs::digest::table(&t), out.digest);
            assert_eq!(t.rows.len(), out.directory.len());
            for (i, row) in t.rows.iter().enumerate() {
                assert_eq!(row.line, out.directory.line(i));
            }
        }
        (Err(a), Err(b)) => {
            // One difference is by design: with a problem in the header (a missing or
            // repeated column …) and a malformed row further down, the in-memory reader,
            // which splits the whole file before it reads the header, names the row; the
            // block reader names the header without splitting the rest.
            use shuangsui::ErrorKind;
            let header_first = matches!(
                b.kind(),
                ErrorKind::MissingColumn
                    | ErrorKind::DuplicateColumn
                    | ErrorKind::EmptyColumnName
                    | ErrorKind::ControlCharacter
            ) && a.kind() == ErrorKind::Csv;
            if !header_first {
                assert_eq!(a.to_string(), b.to_string());
            }
        }
        (a, b) => panic!(
            "in memory: {:?}\nin blocks: {:?}",
            a.map(|_| ()),
            b.map(|_| ())
        ),
    }
}

/// Every text table format and table kind on any bytes: an error or a table, never a panic.
pub fn tables(input: &[u8]) {
    let Some((&pick, bytes)) = input.split_first() else {
        return;
    };
    let format = [Format::Csv, Format::Tsv, Format::Json, Format::Jsonl][usize::from(pick % 4)];
    let kind = [
        TableKind::Targets,
        TableKind::Officers,
        TableKind::History,
        TableKind::Conflicts,
        TableKind::Results,
    ][usize::from(pick / 4 % 5)];
    let options = TableOptions {
        read: ReadOptions {
            format: Some(format),
            ..ReadOptions::default()
        },
        ..TableOptions::default()
    };
    if let Ok(t) = Table::parse(kind, "t", bytes, &options) {
        let _ = shuangsui::inputs::digest::table(&t);
        let _ = t.to_csv();
    }
}

/// `.xlsx` workbooks (zip archives of XML) on any bytes: an error or a table.
pub fn xlsx(bytes: &[u8]) {
    let options = TableOptions {
        read: ReadOptions {
            format: Some(Format::Xlsx),
            ..ReadOptions::default()
        },
        ..TableOptions::default()
    };
    if let Ok(t) = Table::parse(TableKind::Targets, "t.xlsx", bytes, &options) {
        let _ = shuangsui::inputs::digest::table(&t);
    }
}

/// The TOML plan and the working-day calendar on any bytes.
pub fn plan(bytes: &[u8]) {
    if let Ok(plan) = shuangsui::Plan::parse("plan.toml", bytes) {
        let _ = plan.target_columns_used();
    }
    let _ = shuangsui::publish::workdays::Calendar::parse("calendar.toml", bytes);
}

/// A small real draw's inputs (the tests' fixtures: `tests/it/fixtures.rs`).
fn inputs() -> &'static Inputs {
    static INPUTS: OnceLock<Inputs> = OnceLock::new();
    INPUTS.get_or_init(|| Files::synth(3, 40, 12, 1).inputs())
}

/// `verify` of any bytes as a record, against a small real draw's inputs: a verification
/// or an error, never a panic; the record's own parsers too.
pub fn record(bytes: &[u8]) {
    let _ = shuangsui::verify::id_check_of(bytes);
    let _ = verify_record(bytes, inputs());
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(bytes) {
        let _ = shuangsui::draw::record::is_intact(&v);
    }
}

/// An announcement on any bytes: parsed, its digest, and checked against real inputs.
pub fn announcement(bytes: &[u8]) {
    if let Ok(a) = shuangsui::ceremony::Announcement::parse("announcement.json", bytes) {
        let _ = ceremony::digest_of(&a);
        let _ = ceremony::check_announcement(&a);
        let _ = ceremony::check_inputs(&a, &(inputs()).committed(), false);
        let _ = ceremony::body_digest(&a);
        let _ = ceremony::check_timestamp(&a, bytes, None);
    }
}

/// A drand beacon round on any bytes: parsed and checked (randomness, BLS signature).
pub fn beacon(bytes: &[u8]) {
    if let Ok(round) = serde_json::from_slice::<Round>(bytes) {
        let _ = beacon::check(&round);
    }
}

fn drawn_record() -> &'static Record {
    static RECORD: OnceLock<Record> = OnceLock::new();
    RECORD.get_or_init(|| drawn(inputs(), "fuzz"))
}

/// Inspection results (CSV) on any bytes, checked against a real draw's record.
pub fn results(bytes: &[u8]) {
    if let Ok(table) = Table::from_csv(TableKind::Results, "results.csv", bytes) {
        let _ = Results::check(drawn_record(), &table, &Calendar::official());
    }
}
