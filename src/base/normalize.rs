//! Text normalisation applied to every value before it is hashed or compared
//! (SPEC.md §3.2, `text` and `ident`).
//!
//! Every value is put in Unicode NFC and trimmed of `White_Space` characters.
//! Identifiers (target and officer ids) are in addition folded from full-width
//! ASCII (U+FF01..U+FF5E) to ASCII and upper-cased in the ASCII range, so that
//! `９１１１０００...` typed in Excel equals `9111000...`.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// The characters trimmed from both ends of every value: the Unicode
/// `White_Space` property, which is exactly what [`char::is_whitespace`] tests.
/// Listed in SPEC.md so that a verifier in another language can use the same set.
pub const WHITE_SPACE: &[char] = &[
    '\u{0009}', '\u{000A}', '\u{000B}', '\u{000C}', '\u{000D}', '\u{0020}', '\u{0085}', '\u{00A0}',
    '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}',
    '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}', '\u{2028}', '\u{2029}', '\u{202F}', '\u{205F}',
    '\u{3000}',
];

/// Normalises a text value: NFC, then trim the white space of SPEC.md §2 from both ends.
pub fn text(value: &str) -> String {
    if value.is_ascii() {
        // ASCII is always in NFC: skip the normaliser on the hot path.
        return value.trim_matches(WHITE_SPACE).to_owned();
    }
    let nfc: String = value.nfc().collect();
    nfc.trim_matches(WHITE_SPACE).to_owned()
}

/// Normalises an identifier: [`text`], then full-width ASCII to ASCII, then
/// ASCII upper case.
pub fn identifier(value: &str) -> String {
    text(value)
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)
                .unwrap_or(c)
                .to_ascii_uppercase(),
            _ => c.to_ascii_uppercase(),
        })
        .collect()
}

/// True when `value` is in NFC because every character in it is one that NFC
/// never changes and that never combines with its neighbour (`NFC_Quick_Check`
/// = Yes and canonical combining class 0): U+0000–U+02FF, U+3000–U+3029,
/// U+3400–U+9FFF (CJK) and U+FF01–U+FF5E (full-width ASCII). Decided on the
/// bytes, so the common case — ASCII and Chinese text — skips the normaliser.
/// `false` only means "ask the normaliser".
pub fn is_nfc_fast(value: &str) -> bool {
    if value.is_ascii() {
        return true;
    }
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x00..=0x7F => i += 1,
            // U+0080–U+02FF.
            0xC2..=0xCB => i += 2,
            // U+3400–U+9FFF: E3 90 80 … E9 BF BF.
            0xE4..=0xE9 => i += 3,
            0xE3 if b[i + 1] >= 0x90 || (b[i + 1] == 0x80 && b[i + 2] <= 0xA9) => i += 3,
            0xEF if (b[i + 1] == 0xBC && b[i + 2] >= 0x81)
                || (b[i + 1] == 0xBD && b[i + 2] <= 0x9E) =>
            {
                i += 3;
            }
            _ => return false,
        }
    }
    true
}

/// True when `text(value) == value` and `value` has no control character, decided in
/// one pass over the bytes for the common case (ASCII and Chinese text): every character
/// printable ASCII or in the stable classes of [`is_nfc_fast`] other than U+3000, and no
/// white space at either end. `false` only means "take the careful path".
pub fn is_clean(value: &str) -> bool {
    let b = value.as_bytes();
    if let (Some(&first), Some(&last)) = (b.first(), b.last())
        && (first == b' ' || last == b' ')
    {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0x20..=0x7E => i += 1,
            // U+00C0–U+02FF.
            0xC3..=0xCB => i += 2,
            0xE4..=0xE9 => i += 3,
            // U+3001–U+3029 and U+3400–U+3FFF.
            0xE3 if b[i + 1] >= 0x90 || (b[i + 1] == 0x80 && (0x81..=0xA9).contains(&b[i + 2])) => {
                i += 3;
            }
            0xEF if (b[i + 1] == 0xBC && b[i + 2] >= 0x81)
                || (b[i + 1] == 0xBD && b[i + 2] <= 0x9E) =>
            {
                i += 3;
            }
            _ => return false,
        }
    }
    true
}

/// [`text`] without copying when the value is already normalised (the common case).
pub fn text_cow(value: &str) -> Cow<'_, str> {
    if is_nfc_fast(value) {
        // `char::is_whitespace` is the `White_Space` property (tested below).
        let ends = |c: Option<char>| c.is_some_and(char::is_whitespace);
        if ends(value.chars().next()) || ends(value.chars().next_back()) {
            Cow::Borrowed(value.trim_matches(WHITE_SPACE))
        } else {
            Cow::Borrowed(value)
        }
    } else {
        Cow::Owned(text(value))
    }
}

/// [`identifier`] without copying when the value is already normalised.
pub fn identifier_cow(value: &str) -> Cow<'_, str> {
    let t = text_cow(value);
    if t.bytes().any(|b| b.is_ascii_lowercase() || b == 0xEF) {
        Cow::Owned(identifier(&t))
    } else {
        t
    }
}

/// True when `value` holds a control character ([`first_control`] is `Some`),
/// decided on the bytes: C0, DEL, and C1 (`C2 80`–`C2 9F` in UTF-8).
pub fn has_control(value: &str) -> bool {
    let b = value.as_bytes();
    // One pass the compiler vectorises; the exact test only when a C2 lead byte occurs.
    let suspicious = b.iter().fold(0_u8, |acc, &c| {
        acc | u8::from(c < 0x20) | u8::from(c == 0x7F) | u8::from(c == 0xC2)
    });
    if suspicious == 0 {
        return false;
    }
    b.iter().enumerate().any(|(i, &c)| {
        c < 0x20
            || c == 0x7F
            || (c == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    })
}

/// Finds the first character that may not appear in a value: the C0 and C1
/// control characters and DEL. They are rejected so that every value prints
/// and serialises the same way in every language (SPEC.md §3.3).
pub fn first_control(value: &str) -> Option<char> {
    value.chars().find(|c| c.is_control())
}

/// The items of a list cell (categories, the officers of a past inspection): split on `;`
/// `,` `、` `，` `；` and every `White_Space` character (the ASCII space, the full-width
/// U+3000, a no-break space …), empty items dropped (SPEC.md §8.1).
pub fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(|c: char| matches!(c, ';' | ',' | '、' | '，' | '；') || c.is_whitespace())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_is_the_unicode_property() {
        for cp in 0..=0x0010_FFFF_u32 {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(c.is_whitespace(), WHITE_SPACE.contains(&c), "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn text_trims_and_composes() {
        assert_eq!(text("  存续\u{3000}"), "存续");
        // e + combining acute accent composes to é.
        assert_eq!(text("Caf\u{0065}\u{0301}\r"), "Caf\u{00E9}");
        assert_eq!(text(""), "");
    }

    #[test]
    fn identifier_folds_full_width_and_case() {
        assert_eq!(
            identifier(" ９１１１０１０８５５１３８５０８２ｑ "),
            "91110108551385082Q"
        );
        assert_eq!(identifier("9144030071526726xg"), "9144030071526726XG");
        // Non-ASCII letters are left alone.
        assert_eq!(identifier("ß"), "ß");
    }

    #[test]
    fn the_fast_nfc_classes_hold_only_stable_starters() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let mut accepted = 0;
        for cp in 0..=0x0010_FFFF_u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = c.to_string();
            if is_nfc_fast(&s) {
                accepted += 1;
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "U+{cp:04X}");
                assert_eq!(canonical_combining_class(c), 0, "U+{cp:04X}");
                assert_eq!(text_cow(&s), text(&s), "U+{cp:04X}");
            }
            if is_clean(&s) {
                assert!(is_nfc_fast(&s), "U+{cp:04X}");
                assert_eq!(text(&s), s, "U+{cp:04X}");
                assert!(!has_control(&s), "U+{cp:04X}");
                let inner = format!("a{s}b");
                assert!(is_clean(&inner) && text(&inner) == inner, "U+{cp:04X}");
            }
            assert_eq!(has_control(&s), first_control(&s).is_some(), "U+{cp:04X}");
        }
        assert!(accepted > 27_000, "{accepted}");
        for s in [
            "Caf\u{0065}\u{0301}",
            "\u{F900}",
            "\u{302A}",
            "ｑ９",
            " 存续\u{3000}",
            "ab",
        ] {
            assert_eq!(text_cow(s), text(s), "{s:?}");
            assert_eq!(identifier_cow(s), identifier(s), "{s:?}");
        }
    }

    #[test]
    fn controls_are_found() {
        assert_eq!(first_control("a\u{7}b"), Some('\u{7}'));
        assert_eq!(first_control("a\u{7F}"), Some('\u{7F}'));
        assert_eq!(first_control("正常"), None);
    }
}
