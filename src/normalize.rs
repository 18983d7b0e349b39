//! Text normalisation applied to every value before it is hashed or compared
//! (SPEC.md §3.2, `text` and `ident`).
//!
//! Every value is put in Unicode NFC and trimmed of `White_Space` characters.
//! Identifiers (target and officer ids) are in addition folded from full-width
//! ASCII (U+FF01..U+FF5E) to ASCII and upper-cased in the ASCII range, so that
//! `９１１１０００...` typed in Excel equals `9111000...`.

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

/// Normalises a text value: NFC, then trim [`WHITE_SPACE`] from both ends.
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

/// Finds the first character that may not appear in a value: the C0 and C1
/// control characters and DEL. They are rejected so that every value prints
/// and serialises the same way in every language (SPEC.md §3.3).
pub fn first_control(value: &str) -> Option<char> {
    value.chars().find(|c| c.is_control())
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
    fn controls_are_found() {
        assert_eq!(first_control("a\u{7}b"), Some('\u{7}'));
        assert_eq!(first_control("a\u{7F}"), Some('\u{7F}'));
        assert_eq!(first_control("正常"), None);
    }
}
