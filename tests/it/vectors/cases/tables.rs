//! The allocation (`allocation.json`, SPEC.md §6) and normalisation (`normalize.json`,
//! SPEC.md §3.2) cases.

/// Frame, ratio, rounding, minimum per stratum and comment, in the order of `allocation.json`.
pub fn allocation_cases() -> Vec<(u64, &'static str, &'static str, u64, &'static str)> {
    vec![
        (100, "3%", "ceil", 1, "§6.2 ceil: 100 × 3% is exactly 3"),
        (
            101,
            "3%",
            "ceil",
            1,
            "§6.2 ceil: 101 × 3% = 3.03 rounds up to 4 (not less than 3%)",
        ),
        (
            1,
            "1%",
            "ceil",
            1,
            "§6.2 ceil: one target at 1% is 0.01, rounded up to 1",
        ),
        (
            0,
            "30%",
            "ceil",
            1,
            "§6.2 step 3: an empty stratum gets 0, whatever the minimum",
        ),
        (
            500,
            "0%",
            "ceil",
            1,
            "§6.2 step 3: a ratio of 0% gives 0, whatever the minimum (无事不扰)",
        ),
        (
            150,
            "1%",
            "floor",
            0,
            "§6.2 floor: 150 × 1% = 1.5 rounds down to 1",
        ),
        (
            50,
            "1%",
            "floor",
            0,
            "§6.2 floor: 50 × 1% = 0.5 rounds down to 0, with no minimum",
        ),
        (
            50,
            "1%",
            "floor",
            1,
            "§6.2 step 3: 50 × 1% = 0.5 rounds down to 0, raised to the minimum 1",
        ),
        (
            150,
            "1%",
            "nearest",
            0,
            "§6.2 nearest: 150 × 1% = 1.5, a half, rounds up to 2",
        ),
        (
            149,
            "1%",
            "nearest",
            0,
            "§6.2 nearest: 149 × 1% = 1.49 rounds to 1",
        ),
        (
            3,
            "50%",
            "ceil",
            5,
            "§6.2 step 4: a minimum of 5 is capped by the stratum's 3 targets",
        ),
        (
            6109,
            "3%",
            "ceil",
            1,
            "§6.2 ceil: 6109 × 3% = 183.27 rounds up to 184",
        ),
        (
            19_000_000,
            "0.0001%",
            "ceil",
            1,
            "§4.1 ratio, §6.2: the smallest ratio, one part per million, of 19,000,000 is exactly 19",
        ),
        (
            190_000_000,
            "3.3333%",
            "floor",
            1,
            "§4.1 ratio, §6.2: four decimals of a percent, exact in integers: 190,000,000 × 3.3333% = 6,333,270",
        ),
        (
            1_234_567,
            "100%",
            "ceil",
            1,
            "§6.2: 100% takes the whole stratum",
        ),
    ]
}

/// Id, input and comment, in the order of `normalize.json`.
pub fn normalize_cases() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        (
            "plain",
            "91110000802100433B",
            "§3.2 text, ident: a plain code is unchanged",
        ),
        (
            "trim",
            " \t 存续\u{3000}\r\n",
            "§3.2 text: White_Space is removed from both ends, U+3000 too",
        ),
        (
            "full-width-id",
            "９１１１０１０８５５１３８５０８２ｑ",
            "§3.2 ident: full-width ASCII becomes ASCII, then a–z become A–Z; text leaves both",
        ),
        (
            "lower-case-id",
            "9144030071526726xg",
            "§3.2 ident: a–z become A–Z",
        ),
        (
            "nfc",
            "Cafe\u{0301}",
            "§3.2 text: NFC composes e and U+0301 into é",
        ),
        (
            "no-break-space",
            "\u{00A0}甲公司\u{00A0}",
            "§3.2 text: U+00A0 is White_Space and is removed from the ends",
        ),
        (
            "inner-space-kept",
            "北京 百度",
            "§3.2 text: White_Space inside a value is kept",
        ),
        (
            "full-width-punctuation-in-name",
            "腾讯科技（深圳）有限公司",
            "§3.2 ident: full-width brackets （） are U+FF08 and U+FF09 and become ( and ); text keeps them",
        ),
    ]
}
