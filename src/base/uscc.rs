//! Identifier checks: the Unified Social Credit Code (统一社会信用代码,
//! GB 32100-2015), the organisation code inside it (GB 11714) and legacy
//! 15-digit registration numbers (注册号, ISO 7064 MOD 11,10).
//!
//! Target ids are checked when the directory is read (SPEC.md §3.3); the
//! synthetic data generator uses the same functions to make valid codes.

use crate::messages::{Message, msg};

/// The 31 characters of a USCC; a character's value is its index.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// The value of each byte in [`ALPHABET`], 255 for a byte that is not in it.
const VALUES: [u8; 256] = {
    let mut t = [255_u8; 256];
    let a = ALPHABET.as_bytes();
    let mut i = 0;
    while i < a.len() {
        t[a[i] as usize] = i as u8;
        i += 1;
    }
    t
};

fn value(c: u8) -> Option<u32> {
    match VALUES[usize::from(c)] {
        255 => None,
        v => Some(u32::from(v)),
    }
}

/// The check character (position 18) of the first 17 characters, or `None`
/// when one of them is outside [`ALPHABET`] or there are not 17.
pub fn check_char(first17: &str) -> Option<char> {
    let bytes = first17.as_bytes();
    if bytes.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (b, w) in bytes.iter().zip(WEIGHTS) {
        sum += value(*b)? * w;
    }
    let c = (31 - sum % 31) % 31;
    Some(char::from(ALPHABET.as_bytes()[c as usize]))
}

/// The GB 11714 check character of an 8-character organisation code body.
pub fn org_check_char(body8: &str) -> Option<char> {
    let bytes = body8.as_bytes();
    if bytes.len() != 8 {
        return None;
    }
    let mut sum = 0;
    for (b, w) in bytes.iter().zip(ORG_WEIGHTS) {
        let v = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return None,
        };
        sum += v * w;
    }
    Some(match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).expect("n < 10"),
    })
}

/// True when an 18-character code passes both the GB 32100 check character
/// and the GB 11714 organisation-code check on positions 9–17.
pub fn is_valid_uscc(code: &str) -> bool {
    // Every row of a directory passes here: one pass over the bytes, no characters.
    let b = code.as_bytes();
    if b.len() != 18 {
        return false;
    }
    let mut sum = 0;
    for (&c, w) in b[..17].iter().zip(WEIGHTS) {
        match VALUES[usize::from(c)] {
            255 => return false,
            v => sum += u32::from(v) * w,
        }
    }
    if ALPHABET.as_bytes()[((31 - sum % 31) % 31) as usize] != b[17] {
        return false;
    }
    // Positions 9–16 are digits or capitals (they are in the alphabet): GB 11714 values.
    let mut org = 0;
    for (&c, w) in b[8..16].iter().zip(ORG_WEIGHTS) {
        let v = if c.is_ascii_digit() {
            c - b'0'
        } else {
            c - b'A' + 10
        };
        org += u32::from(v) * w;
    }
    b[16]
        == match 11 - org % 11 {
            10 => b'X',
            11 => b'0',
            n => b'0' + n as u8,
        }
}

/// True when a 15-digit registration number passes ISO 7064 MOD 11,10.
pub fn is_valid_reg15(code: &str) -> bool {
    if code.len() != 15 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut p = 10;
    for (i, b) in code.bytes().enumerate() {
        let mut s = (p + u32::from(b - b'0')) % 10;
        if s == 0 {
            s = 10;
        }
        if i == 14 {
            return s == 1;
        }
        p = (2 * s) % 11;
    }
    unreachable!("15 digits")
}

/// Why a target id fails: `Ok(())` for a valid USCC or 15-digit registration
/// number, otherwise a reason a clerk can act on, in either language
/// ([`Message::text`]; `Display` gives the English).
pub fn diagnose(code: &str) -> Result<(), Message> {
    if is_valid_uscc(code) {
        return Ok(());
    }
    match code.chars().count() {
        18 => {
            if let Some(bad) = code.chars().find(|c| !ALPHABET.contains(*c)) {
                return Err(msg("uscc-bad-character").arg("char", bad.to_string()));
            }
            let expected = check_char(&code[..17]).expect("17 characters of the alphabet");
            if !code[17..].starts_with(expected) {
                return Err(msg("uscc-bad-check").arg("expected", expected.to_string()));
            }
            if org_check_char(&code[8..16]) != code[16..17].chars().next() {
                return Err(msg("uscc-bad-org-check"));
            }
            Ok(())
        }
        15 if code.bytes().all(|b| b.is_ascii_digit()) => {
            if is_valid_reg15(code) {
                Ok(())
            } else {
                Err(msg("uscc-bad-reg15"))
            }
        }
        n => Err(msg("uscc-bad-length").arg("length", n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check as the two standards compose it, character by character.
    fn composed(code: &str) -> bool {
        code.len() == 18
            && code.is_ascii()
            && check_char(&code[..17]) == code[17..].chars().next()
            && org_check_char(&code[8..16]) == code[16..17].chars().next()
    }

    #[test]
    fn the_one_pass_check_is_the_composed_one() {
        // Every code with a random body and every possible pair of check characters,
        // plus codes with characters outside the alphabet.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let alphabet = ALPHABET.as_bytes();
        let extra = b"IOSVZa-\xC3";
        let (mut valid, mut total) = (0, 0);
        for _ in 0..2_000 {
            let mut body = [0_u8; 16];
            for c in &mut body {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *c = if x % 97 == 0 {
                    extra[(x >> 8) as usize % extra.len()]
                } else {
                    alphabet[(x >> 8) as usize % alphabet.len()]
                };
            }
            for &c17 in alphabet.iter().chain(b"XI") {
                for &c18 in alphabet.iter().chain(b"Z") {
                    let mut code = body.to_vec();
                    code.extend([c17, c18]);
                    let Ok(code) = String::from_utf8(code) else {
                        continue;
                    };
                    total += 1;
                    assert_eq!(is_valid_uscc(&code), composed(&code), "{code}");
                    valid += usize::from(composed(&code));
                }
            }
        }
        assert!(valid > 100 && total > 1_000_000, "{valid} of {total}");
    }

    #[test]
    fn known_codes() {
        assert!(is_valid_uscc("91110000802100433B"));
        assert!(!is_valid_uscc("9144030071526726XH"));
        assert!(is_valid_reg15("110108012660422"));
        assert!(!is_valid_reg15("110108012660423"));
        assert_eq!(diagnose("91110000802100433B"), Ok(()));
        assert!(
            diagnose("9144030071526726XH")
                .unwrap_err()
                .to_string()
                .contains("expected 'G'")
        );
        assert!(
            diagnose("91440300708461136")
                .unwrap_err()
                .to_string()
                .contains("found 17 characters")
        );
        assert!(
            diagnose("9144030071526726OG")
                .unwrap_err()
                .to_string()
                .contains("'O' cannot occur")
        );
    }
}
