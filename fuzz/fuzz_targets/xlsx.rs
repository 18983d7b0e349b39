//! `.xlsx` workbooks (zip archives of XML) on any bytes: an error or a table.
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::xlsx(data));
