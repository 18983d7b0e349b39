//! Every text table format and table kind on any bytes: an error or a table, never a panic.
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::tables(data));
