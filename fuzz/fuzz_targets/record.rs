//! `verify` of any bytes as a record, against a small real draw's inputs: a verification
//! or an error, never a panic; the record's own parsers too.
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::record(data));
