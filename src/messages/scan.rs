//! For tests of the library's and the tool's catalogs: the message ids their code names, read
//! from the source files (the tool includes this file by path).

use std::path::Path;

/// The ids named in the `.rs` files under `dir`: at each call that starts with one of `starts`
/// (not preceded by a letter, digit or `_`, not on a comment line), the first string
/// literal, when `id_first(start, what comes before the literal)` says it is the id. With the
/// file naming each.
pub(crate) fn ids_in(
    dir: &Path,
    starts: &[&str],
    id_first: &dyn Fn(&str, &str) -> bool,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(dir, starts, id_first, &mut out);
    out
}

fn walk(
    dir: &Path,
    starts: &[&str],
    id_first: &dyn Fn(&str, &str) -> bool,
    out: &mut Vec<(String, String)>,
) {
    for entry in std::fs::read_dir(dir).expect("the sources are readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            walk(&path, starts, id_first, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source text");
        for start in starts {
            for (at, _) in text.match_indices(start) {
                if text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue; // `format!(` for `t!(`
                }
                let line = &text[text[..at].rfind('\n').map_or(0, |n| n + 1)..at];
                if line.trim_start().starts_with("//") {
                    continue;
                }
                let rest = &text[at + start.len()..];
                let Some(open) = rest.find('"') else { continue };
                if !id_first(start, rest[..open].trim()) {
                    continue;
                }
                let id = &rest[open + 1..];
                let id = &id[..id.find('"').expect("a closed literal")];
                if !id.is_empty() && !id.contains(' ') {
                    out.push((path.display().to_string(), id.to_owned()));
                }
            }
        }
    }
}
