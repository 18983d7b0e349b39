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

#[test]
fn why_an_id_fails_is_told_in_either_language() {
    use shuangsui::inputs::uscc::diagnose;
    use shuangsui::inputs::{Table, TableKind};
    use shuangsui::messages::Lang;

    let read = |id: &str| {
        Table::from_csv(
            TableKind::Targets,
            "t.csv",
            format!("id,name\n{id},甲\n").as_bytes(),
        )
        .unwrap_err()
    };
    let e = read("9144030071526726OG");
    assert_eq!(
        e.message(Lang::En),
        "t.csv:2:1: invalid id '9144030071526726OG': 'O' cannot occur in a unified social credit code (I, O, S, V, Z and lower-case letters never do)"
    );
    assert_eq!(
        e.message(Lang::Zh),
        "t.csv:2:1: 编号“9144030071526726OG”无效：统一社会信用代码中不会出现“O”（I、O、S、V、Z 和小写字母都不使用）"
    );
    let e = read("9144030071526726XH");
    assert_eq!(
        e.message(Lang::Zh),
        "t.csv:2:1: 编号“9144030071526726XH”无效：校验码不符合 GB 32100-2015（第 18 位应为“G”）"
    );
    let e = read("12345");
    assert_eq!(
        e.message(Lang::En),
        "t.csv:2:1: invalid id '12345': expected an 18-character unified social credit code or a 15-digit registration number, found 5 characters"
    );
    assert_eq!(
        e.message(Lang::Zh),
        "t.csv:2:1: 编号“12345”无效：应为 18 位统一社会信用代码或 15 位注册号，实为 5 位"
    );
    let why = diagnose("91110000802100434E").unwrap_err();
    assert_eq!(
        why.to_string(),
        "fails the GB 11714 organisation-code check (positions 9–17)"
    );
    assert_eq!(
        why.text(Lang::Zh),
        "组织机构代码不符合 GB 11714 校验规则（第 9–17 位）"
    );
    let why = diagnose("110108012660423").unwrap_err();
    assert_eq!(
        why.to_string(),
        "fails the ISO 7064 MOD 11,10 check of a registration number"
    );
    assert_eq!(why.text(Lang::Zh), "注册号未通过 ISO 7064 MOD 11,10 校验");
    assert_eq!(diagnose("91110000802100433B"), Ok(()));
}
