//! Line breaks for Chinese help. Clap wraps help at spaces only, and Chinese has none: a
//! Chinese text is broken here, between any two characters of a CJK text but never before a
//! closing mark or after an opening one, each character counted two columns wide (as clap
//! counts them). Lines without Chinese are left to clap.

/// Whether a character takes two columns (CJK ideographs, kana, Hangul, full-width forms and
/// CJK punctuation), in a terminal and in a spreadsheet's column widths.
fn wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x2_0000..=0x3_FFFD)
}

/// Marks that do not begin a line.
fn closing(c: char) -> bool {
    "，。、：；！？）」』》〉】］”’…·％,.:;!?)]".contains(c)
}

/// Marks that do not end a line.
fn opening(c: char) -> bool {
    "（「『《〈【“‘［([".contains(c)
}

/// The columns a text takes.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

/// The units a line may break between: a run of non-space text without wide characters, or
/// one wide character, each with the closing marks that follow it and the opening marks that
/// precede it; a space stays at the end of the unit before it.
fn units(line: &str) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    let mut open = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            match units.last_mut() {
                Some(u) if open.is_empty() => u.push(' '),
                _ => open.push(' '),
            }
            continue;
        }
        if closing(c) && open.is_empty() {
            if let Some(u) = units.last_mut().filter(|u| !u.ends_with(' ')) {
                u.push(c);
                continue;
            }
        }
        if opening(c) {
            open.push(c);
            continue;
        }
        let mut unit = std::mem::take(&mut open);
        unit.push(c);
        if !wide(c) {
            while let Some(&n) = chars.peek() {
                if n == ' ' || wide(n) || opening(n) || (closing(n) && !n.is_ascii()) {
                    break;
                }
                unit.push(n);
                chars.next();
            }
        }
        units.push(unit);
    }
    if !open.is_empty() {
        units.push(open);
    }
    units
}

/// Breaks each line of `text` that has wide characters and is wider than `columns`; a
/// broken line's continuations keep its indentation.
pub fn wrap(text: &str, columns: usize) -> String {
    let mut out = Vec::new();
    for line in text.split('\n') {
        if width(line) <= columns || !line.chars().any(wide) {
            out.push(line.to_owned());
            continue;
        }
        let body = line.trim_start_matches(' ');
        let indent = &line[..line.len() - body.len()];
        let mut current = indent.to_owned();
        for unit in units(body) {
            let fits = width(&current) + width(unit.trim_end()) <= columns;
            if !fits && current.trim() != "" {
                out.push(current.trim_end().to_owned());
                indent.clone_into(&mut current);
            }
            current.push_str(&unit);
        }
        out.push(current.trim_end().to_owned());
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_breaks_between_characters_but_not_before_closing_marks() {
        assert_eq!(wrap("检查对象名录库", 8), "检查对象\n名录库");
        assert_eq!(wrap("检查对象（名录）库", 8), "检查对象\n（名录）\n库");
        assert_eq!(wrap("对象：名录", 6), "对象：\n名录");
        assert_eq!(wrap("用 --force 覆盖", 10), "用 --force\n覆盖");
        assert_eq!(wrap("  示例 abc def", 9), "  示例\n  abc def");
        assert_eq!(wrap("plain english text", 5), "plain english text");
        assert_eq!(width("中a"), 3);
    }
}
