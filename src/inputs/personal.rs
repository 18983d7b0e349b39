//! Values shaped like personal data (个人信息): a resident identity number
//! (GB 11643), a mainland mobile number, an e-mail address. A kept column that
//! holds one is an error unless the plan declares the column public
//! (SPEC.md §3.3, 个人信息保护法 最小必要).

use crate::messages::{Message, msg};

/// What a value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// An 18-character resident identity number with a valid birth date and check character.
    ResidentId,
    /// An 11-digit mainland mobile number, optionally after `+86` or `86`.
    Mobile,
    /// `local@domain.tld`.
    Email,
}

impl Shape {
    /// The shape's name, for messages.
    pub fn describe(self) -> Message {
        match self {
            Shape::ResidentId => msg("personal-shape-resident-id"),
            Shape::Mobile => msg("personal-shape-mobile"),
            Shape::Email => msg("personal-shape-email"),
        }
    }
}

/// GB 11643-1999 weights of the first 17 characters.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character for each value of the weighted sum mod 11.
const CHECK: &[u8; 11] = b"10X98765432";

/// The personal-data shape of a normalised value, if it has one. The value is first
/// folded: full-width ASCII (`１３８…`, `＠`) to ASCII, U+3000 to a space.
pub fn shape(v: &str) -> Option<Shape> {
    // Only a value that is ASCII once folded can have a shape: any other character (Chinese
    // text, the common case) rules it out, without a copy. Every shape needs at least 11
    // characters (bytes, at least) or an `@` (`＠` folds to one).
    let foldable = |c: char| c.is_ascii() || matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}');
    if v.len() < 11 && !v.contains(['@', '＠']) {
        return None;
    }
    let folded: String;
    let v = if v.is_ascii() {
        v
    } else if v.chars().all(foldable) {
        folded = v
            .chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                c => c,
            })
            .collect();
        &folded
    } else {
        return None;
    };
    if !v.is_ascii() {
        return None;
    }
    // Digits with separators: spaces, `-`, `.`, `(`, `)` between them.
    let mut digits = [0_u8; 18];
    let mut n = 0;
    for b in v.bytes() {
        if !matches!(b, b' ' | b'-' | b'.' | b'(' | b')') {
            if n == digits.len() {
                n += 1;
                break;
            }
            digits[n] = b;
            n += 1;
        }
    }
    if n == 18 && is_resident_id(&digits) {
        return Some(Shape::ResidentId);
    }
    if (11..=40).contains(&v.len()) && is_mobile(v.as_bytes()) {
        return Some(Shape::Mobile);
    }
    if v.contains('@') && is_email(v) {
        return Some(Shape::Email);
    }
    None
}

fn is_resident_id(b: &[u8]) -> bool {
    if !b[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let digit = |i: usize| u32::from(b[i] - b'0');
    let number = |r: std::ops::Range<usize>| r.fold(0, |n, i| n * 10 + digit(i));
    let (year, month, day) = (number(6..10), number(10..12), number(12..14));
    let valid = u16::try_from(year)
        .ok()
        .filter(|y| (1900..=2099).contains(y))
        .zip(u8::try_from(month).ok().zip(u8::try_from(day).ok()))
        .and_then(|(y, (m, d))| crate::dates::Date::new(y, m, d));
    if valid.is_none() {
        return false;
    }
    let sum: u32 = (0..17).map(|i| digit(i) * WEIGHTS[i]).sum();
    b[17].to_ascii_uppercase() == CHECK[(sum % 11) as usize]
}

fn is_mobile(b: &[u8]) -> bool {
    // An optional `tel:` (any case), then digits with spaces, `-`, `.`, `(` or `)` between
    // them, after an optional +86, 86 or 0086.
    let b = if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"tel:") {
        &b[4..]
    } else {
        b
    };
    let plus = b.first() == Some(&b'+');
    // At most 40 bytes (the caller's bound), so at most 40 digits.
    let mut buf = [0_u8; 40];
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' if n < buf.len() => {
                buf[n] = c;
                n += 1;
            }
            b'+' if i == 0 => {}
            b' ' | b'-' | b'.' | b'(' | b')' => {}
            _ => return false,
        }
    }
    let digits = &buf[..n];
    let national = match digits.len() {
        11 if !plus => digits,
        13 if digits.starts_with(b"86") => &digits[2..],
        15 if !plus && digits.starts_with(b"0086") => &digits[4..],
        _ => return false,
    };
    national[0] == b'1' && (b'3'..=b'9').contains(&national[1])
}

fn is_email(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    let plain = |s: &str| !s.is_empty() && !s.contains(|c: char| c == '@' || c.is_whitespace());
    plain(local)
        && plain(domain)
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_ids_by_check_character_and_birth_date() {
        // The GB 11643 example number.
        assert_eq!(shape("11010519491231002X"), Some(Shape::ResidentId));
        assert_eq!(shape("11010519491231002x"), Some(Shape::ResidentId));
        assert_eq!(shape("110105194912310021"), None, "wrong check character");
        assert_eq!(shape("110105194913310025"), None, "month 13");
        // Unified social credit codes are not resident ids.
        assert_eq!(shape("9144030071526726XG"), None);
        assert_eq!(shape("91110000802100433B"), None);
    }

    #[test]
    fn mobiles_and_emails() {
        for m in [
            "13800138000",
            "+8613800138000",
            "86 138 0013 8000",
            "138-0013-8000",
            // Issue 14's evasions: full width, dots, brackets, 0086, tel:.
            "１５５３９３４４３９１",
            "155.3934.4391",
            "(155)39344391",
            "0086-15539344391",
            "tel:15539344391",
        ] {
            assert_eq!(shape(m), Some(Shape::Mobile), "{m}");
        }
        for not in [
            "12800138000",
            "1380013800",
            "010-62751234",
            "440300",
            "42010001",
            "+13800138000",
        ] {
            assert_eq!(shape(not), None, "{not}");
        }
        assert_eq!(shape("zhang.wei@amr.gov.cn"), Some(Shape::Email));
        assert_eq!(shape("zhang＠example.com"), Some(Shape::Email));
        // Short, with a full-width at sign: under 11 bytes folded, still an address.
        assert_eq!(shape("a＠b.cn"), Some(Shape::Email));
        assert_eq!(shape("a@b.cn"), Some(Shape::Email));
        // Any character that does not fold to ASCII rules every shape out.
        assert_eq!(shape("手机13800138000"), None);
        // Nineteen digits are no resident id (nor a mobile).
        assert_eq!(shape("1101051949123100211"), None);
        assert_eq!(shape("110105 19491231 002X"), Some(Shape::ResidentId));
        assert_eq!(
            shape("１１０１０５１９４９１２３１００２Ｘ"),
            Some(Shape::ResidentId)
        );
        for not in ["@amr", "a@b", "a@b.", "a b@c.cn", "张伟"] {
            assert_eq!(shape(not), None, "{not}");
        }
    }
}
