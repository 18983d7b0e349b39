//! A drand beacon round on any bytes: parsed and checked (randomness, BLS signature).
#![no_main]

#[path = "../checks.rs"]
mod checks;
#[path = "../../tests/it/fixtures.rs"]
mod fixtures;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::beacon(data));
