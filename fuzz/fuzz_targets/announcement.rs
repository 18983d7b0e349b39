//! An announcement on any bytes: parsed, its digest, and checked against real inputs.
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::announcement(data));
