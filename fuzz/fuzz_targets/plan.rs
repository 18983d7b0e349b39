//! The TOML plan and the working-day calendar on any bytes.
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::plan(data));
