//! Replays every input a fuzzer ever crashed on (`tests/fuzz-regressions/<target>/`) through
//! the same checks as the fuzz targets (`fuzz/checks.rs`), and each target's seeds too, so a
//! crash once found stays fixed. `scripts/fuzz.sh` runs the fuzzers.

#[path = "../../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// A fuzz target's check.
type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 8] = [
    ("csv", checks::csv),
    ("tables", checks::tables),
    ("xlsx", checks::xlsx),
    ("plan", checks::plan),
    ("record", checks::record),
    ("announcement", checks::announcement),
    ("beacon", checks::beacon),
    ("results", checks::results),
];

fn replay(dir: &Path, check: Check) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        n += 1;
    }
    n
}

#[test]
fn every_input_that_once_crashed_a_fuzzer_is_handled() {
    let root = crate::fixtures::root();
    let mut replayed = 0;
    for (target, check) in TARGETS {
        replayed += replay(&root.join("tests/fuzz-regressions").join(target), check);
        replayed += replay(&root.join("fuzz/seeds").join(target), check);
    }
    assert!(replayed >= 8, "only {replayed} inputs replayed");
}
