//! The kit's README, written from what the kit holds: every file with what it is, each
//! table's columns and the columns dropped from it, and the commands that verify it. Its
//! texts are the catalog's (`kit-…` in `src/messages/*.ftl`); its commands the caller's.

use std::fmt::Write as _;

use super::model::KitOptions;
use crate::draw::record::Record;
use crate::messages::{Arg, Catalog, Lang};
use crate::publish::notice::OfficerDisplay;

/// A text of the catalog.
pub(super) fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    Catalog::library().message(lang, id, args)
}

/// The README of a kit holding `files` (`README.md` itself not yet among them).
pub(super) fn readme(
    record: &Record,
    files: &[(String, Vec<u8>)],
    options: &KitOptions<'_>,
) -> String {
    let lang = options.lang;
    let mut names: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    names.push(("README.md", b""));
    // A table's header line, as the README shows it.
    let header = |bytes: &[u8]| -> Arg {
        let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        String::from_utf8_lossy(line)
            .trim_end()
            .replace(',', ", ")
            .into()
    };
    let dropped = |list: &[String]| -> Arg {
        if list.is_empty() {
            text(lang, "kit-none", &[]).into()
        } else {
            list.join(&text(lang, "list-separator", &[])).into()
        }
    };
    let mut out = format!("# {}\n\n", text(lang, "kit-title", &[]));
    out.push_str(&text(lang, "kit-intro", &[]));
    out.push_str("\n\n");
    for (name, bytes) in &names {
        let what = match *name {
            "plan.toml" => text(lang, "kit-file-plan", &[]),
            "record.json" => text(lang, "kit-file-record", &[]),
            "reproduce.py" => text(lang, "kit-file-reproduce", &[]),
            "SPEC.md" => text(lang, "kit-file-spec", &[]),
            "verify.html" => text(lang, "kit-file-verify", &[]),
            "targets.csv" => text(
                lang,
                "kit-file-targets",
                &[
                    ("columns", header(bytes)),
                    ("dropped", dropped(&record.inputs.targets.dropped)),
                ],
            ),
            "officers.csv" => {
                let mut what = text(
                    lang,
                    "kit-file-officers",
                    &[
                        ("columns", header(bytes)),
                        ("dropped", dropped(&record.inputs.officers.dropped)),
                    ],
                );
                if options.officers != OfficerDisplay::Names {
                    what += &text(lang, "kit-officer-names-hidden", &[]);
                }
                what
            }
            "history.csv" => text(lang, "kit-file-history", &[("columns", header(bytes))]),
            "conflicts.csv" => text(lang, "kit-file-conflicts", &[("columns", header(bytes))]),
            "announcement.json" => text(lang, "kit-file-announcement", &[]),
            "announcement.tsr" => text(lang, "kit-file-tsr", &[]),
            "tsa.pem" => text(lang, "kit-file-tsa", &[]),
            "exclusions.csv" => text(lang, "kit-file-exclusions", &[]),
            "README.md" => text(lang, "kit-file-readme", &[]),
            n if n.starts_with("earlier-") => text(lang, "kit-file-earlier", &[]),
            n if n.starts_with("announcement-attempt-") => text(lang, "kit-file-replaced", &[]),
            _ => String::new(),
        };
        let _ = writeln!(out, "- `{name}`: {what}");
    }
    let _ = write!(
        out,
        "\n{}\n\n```sh\n{}\n```\n\n{}\n\n```sh\n{}\n```\n\n{}\n\n{}\n",
        text(lang, "kit-run", &[]),
        options.verify,
        text(lang, "kit-or-python", &[]),
        options.reproduce,
        text(lang, "kit-both", &[]),
        text(lang, "kit-browser", &[])
    );
    if let Some(sql) = options.sql {
        let _ = write!(
            out,
            "\n{}\n\n```sh\n{sql}\n```\n",
            text(lang, "kit-sql", &[])
        );
    }
    out
}
