//! Every text table format and table kind on any bytes: an error or a table, never a panic.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::tables(data));
