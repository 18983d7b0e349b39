//! The block reader of large directories against the in-memory reader: for any bytes and
//! any block size, the same digest and rows, or the same error (or GBK left to the other).
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::csv(data));
