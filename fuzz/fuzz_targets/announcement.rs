//! An announcement on any bytes: parsed, its digest, and checked against real inputs.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::announcement(data));
