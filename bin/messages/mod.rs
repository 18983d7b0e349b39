//! The tool's messages: the library's catalog with the tool's own resources, in Chinese and
//! English: hints that name its flags and its own error lines (`zh.ftl`, `en.ftl`), the help
//! (`help.zh.ftl`, `help.en.ftl`, see `args/help.rs`) and what it prints and writes
//! (`output.zh.ftl`, `output.en.ftl`). Every text the tool prints is one of them, written with
//! `t!(lang, "id", name = value)`.

use std::sync::OnceLock;

use shuangsui::messages::{Arg, Catalog, Lang};

/// The library's catalog and the tool's messages.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::with(
            &[
                include_str!("zh.ftl"),
                include_str!("help.zh.ftl"),
                include_str!("output.zh.ftl"),
            ],
            &[
                include_str!("en.ftl"),
                include_str!("help.en.ftl"),
                include_str!("output.en.ftl"),
            ],
        )
        .expect("the tool's messages parse")
    })
}

/// A message in a language (see `t!`).
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    catalog().message(lang, id, args)
}

/// The hint for an error: the tool's own for its kind (naming the flag that fixes it), else
/// the library's.
pub fn hint(e: &shuangsui::Error, lang: Lang) -> Option<String> {
    let catalog = catalog();
    // The tool's hint for this message, else for its kind.
    let by_message = format!("cli-hint-{}", e.message_id());
    let id = if catalog.has(lang, &by_message) {
        by_message
    } else {
        format!("cli-hint-{}", e.kind().as_str().replace('_', "-"))
    };
    if catalog.has(lang, &id) {
        let args: Vec<(&str, Arg)> = ["year"]
            .into_iter()
            .filter_map(|name| e.value(name).map(|v| (name, v.clone())))
            .collect();
        return Some(catalog.message(lang, &id, &args));
    }
    e.listed()
        .first()
        .map_or_else(|| e.hint(lang), |first| hint(first, lang))
}

/// The library's scanner of message ids in source files.
#[cfg(test)]
#[path = "../../src/messages/scan.rs"]
mod scan;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_in_both_languages_with_the_same_arguments() {
        let c = catalog();
        let (zh, en) = (c.ids(Lang::Zh), c.ids(Lang::En));
        assert_eq!(
            zh.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "ids in one language only"
        );
        for (id, args) in zh {
            assert_eq!(args, &en[id], "{id}");
        }
    }

    /// The ids the tool's code names (`t!(lang, "id", …)`, `says!("id", …)`, a refusal's
    /// `unknown::<E>("id", …)`), from its source files.
    fn ids_in_code() -> Vec<(String, String)> {
        scan::ids_in(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bin"),
            &["t!(", "says!(", "unknown::<"],
            // The id is the first string literal: after the language in `t!`, first in
            // `says!`, after the type in `unknown::<E>(`.
            &|start, before| match start {
                "t!(" => before.ends_with(',') && before.matches(',').count() == 1,
                "says!(" => before.is_empty(),
                _ => before.ends_with(">(") && !before.contains(' '),
            },
        )
    }

    #[test]
    fn every_message_the_code_names_is_in_both_languages() {
        let c = catalog();
        let ids = ids_in_code();
        assert!(ids.len() > 100, "the scan found {} ids", ids.len());
        for (file, id) in ids {
            for lang in Lang::ALL {
                assert!(
                    c.has(lang, &id),
                    "{file}: '{id}' is not in the {lang:?} catalog"
                );
            }
        }
    }

    #[test]
    fn every_message_of_the_tool_is_used() {
        let named: std::collections::BTreeSet<String> =
            ids_in_code().into_iter().map(|(_, id)| id).collect();
        for text in [include_str!("output.en.ftl"), include_str!("en.ftl")] {
            for line in text.lines() {
                let Some((id, _)) = line.split_once(" = ") else {
                    continue;
                };
                // Hints are named by error kind (`hint`), not in place.
                if id.starts_with(' ') || id.starts_with('#') || id.starts_with("cli-hint-") {
                    continue;
                }
                assert!(
                    named.contains(id),
                    "'{id}' is in the catalog but no code names it"
                );
            }
        }
    }
}
