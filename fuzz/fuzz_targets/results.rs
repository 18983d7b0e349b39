//! Inspection results (CSV) on any bytes, checked against a real draw's record.
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::results(data));
