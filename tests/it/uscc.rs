//! The identifier checks against every row of the real codes in
//! `tests/fixtures/uscc.tsv`, a copy of `shared/fixtures/uscc.tsv` (GB 32100-2015,
//! GB 11714, ISO 7064 MOD 11,10).

use shuangsui::inputs::uscc::{ALPHABET, is_valid_reg15, is_valid_uscc};

#[test]
fn every_fixture_code_is_classified_as_expected() {
    let text = crate::fixtures::read_text("tests/fixtures/uscc.tsv");
    let mut rows = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (code, expected) = (cols[0], cols[1]);
        match expected {
            "valid" => assert!(is_valid_uscc(code), "{code} ({})", cols[2]),
            "reg15" => assert!(is_valid_reg15(code) && !is_valid_uscc(code), "{code}"),
            // A genuine early pilot code: well-formed, but it fails the check character, so
            // strict validation must flag it (the allowlist comes with input validation).
            "pilot" => assert!(
                !is_valid_uscc(code)
                    && code.len() == 18
                    && code.chars().all(|c| ALPHABET.contains(c)),
                "{code}"
            ),
            "invalid" => assert!(!is_valid_uscc(code) && !is_valid_reg15(code), "{code}"),
            other => panic!("unknown expectation {other} for {code}"),
        }
        rows += 1;
    }
    assert!(rows >= 16, "only {rows} rows read");
}
