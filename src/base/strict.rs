//! Strict JSON for what a draw signs and reads back: the record, the
//! announcement, a beacon round, the ledger (SPEC.md §9.2).
//!
//! `serde_json` alone keeps the last of two members with the same name, or
//! the first, depending on the target type; a forged member placed before the
//! genuine one must not be read at all. [`from_slice`] refuses a document with
//! a duplicate member anywhere in it, then reads it into its type with unknown
//! members and wrong types refused, and every error names the member's path
//! (`tasks[2].selected[5].officers`) and the line and column.

use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::error::{Error, Location};
use crate::messages::msg;

/// Reads `bytes` as a `T`: no duplicate member in any object, no unknown
/// member (`T` denies them), no wrong type. `name` is the file's name for the
/// error's location.
pub fn from_slice<T: DeserializeOwned>(name: &str, bytes: &[u8]) -> Result<T, Error> {
    check_duplicates(name, bytes)?;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        error(name, inner, if path == "." { String::new() } else { path })
    })?;
    de.end().map_err(|e| error(name, e, String::new()))?;
    Ok(value)
}

/// Refuses a JSON document in which some object names a member twice.
pub fn check_duplicates(name: &str, bytes: &[u8]) -> Result<(), Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let mut path = Vec::new();
    Walk { path: &mut path }
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| {
            let text = e.to_string();
            // The walker's own error carries the path after a marker.
            match text.split_once(DUPLICATE) {
                Some((_, rest)) => {
                    let (member_path, _) = rest.split_once(" at line").unwrap_or((rest, ""));
                    crate::error::document(
                        at(name, &e),
                        member_path.to_owned(),
                        msg("strict-duplicate-member"),
                    )
                }
                None => error(name, e, String::new()),
            }
        })
}

const DUPLICATE: &str = "duplicate member: ";

fn at(name: &str, e: &serde_json::Error) -> Location {
    Location {
        line: (e.line() > 0).then_some(e.line() as u64),
        column: (e.column() > 0).then_some(e.column() as u64),
        ..Location::file(name)
    }
}

/// `serde_json`'s words, without the position the location gives, inside a message saying
/// what kind of error it is; `serde_json`'s error is its source.
fn error(name: &str, e: serde_json::Error, member: String) -> Error {
    let detail = e.to_string();
    let detail = detail
        .split_once(" at line ")
        .map_or(detail.as_str(), |(m, _)| m)
        .to_owned();
    // The common cases in words of the catalog; serde_json's own (English) otherwise.
    let names = |rest: &str| -> Vec<String> {
        rest.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        let listed = names(rest);
        let message = msg("strict-unknown-member")
            .arg("member", listed.first().cloned().unwrap_or_default())
            .arg("expected", listed.get(1..).unwrap_or_default().join(", "));
        return crate::error::document(at(name, &e), member, message).caused_by(e);
    }
    if let Some(rest) = detail.strip_prefix("missing field ") {
        let message = msg("strict-missing-member")
            .arg("member", names(rest).first().cloned().unwrap_or_default());
        return crate::error::document(at(name, &e), member, message).caused_by(e);
    }
    let message = match e.classify() {
        serde_json::error::Category::Data => msg("strict-data"),
        serde_json::error::Category::Eof => msg("strict-eof"),
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            msg("strict-syntax")
        }
    };
    crate::error::document(at(name, &e), member, message.arg("detail", detail)).caused_by(e)
}

/// Walks any JSON value, tracking the path, and fails on a repeated member.
struct Walk<'p> {
    path: &'p mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

fn render(path: &[String]) -> String {
    let mut out = String::new();
    for p in path {
        if p.starts_with('[') || out.is_empty() {
            out.push_str(p);
        } else {
            out.push('.');
            out.push_str(p);
        }
    }
    out
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // 0-based, as serde_path_to_error names positions.
        for i in 0.. {
            self.path.push(format!("[{i}]"));
            let more = seq.next_element_seed(Walk { path: self.path })?;
            self.path.pop();
            if more.is_none() {
                break;
            }
        }
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            self.path.push(key.clone());
            if !seen.insert(key) {
                return Err(de::Error::custom(format!(
                    "{DUPLICATE}{}",
                    render(self.path)
                )));
            }
            map.next_value_seed(Walk { path: self.path })?;
            self.path.pop();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        seed: String,
        tasks: Vec<Task>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Task {
        id: String,
        n: u64,
    }

    fn member(r: Result<Doc, Error>) -> String {
        match r {
            Err(e) if e.kind() == crate::error::ErrorKind::Document => e
                .value("member")
                .map(ToString::to_string)
                .unwrap_or_default(),
            other => panic!("expected a JSON error, got {other:?}"),
        }
    }

    #[test]
    fn a_repeated_member_is_refused_wherever_it_is() {
        let forged = br#"{"seed": "forged", "seed": "genuine", "tasks": []}"#;
        assert_eq!(member(from_slice::<Doc>("r.json", forged)), "seed");
        let deep =
            br#"{"seed": "s", "tasks": [{"id": "T1", "n": 1}, {"id": "T2", "id": "T3", "n": 2}]}"#;
        assert_eq!(member(from_slice::<Doc>("r.json", deep)), "tasks[1].id");
        // Also in members the type does not name (a map of anything).
        assert!(check_duplicates("x", br#"{"a": {"b": {"c": 1, "c": 2}}}"#).is_err());
        assert!(check_duplicates("x", br#"{"a": {"b": {"c": 1, "d": 2}}}"#).is_ok());
    }

    #[test]
    fn the_errors_are_in_chinese_and_in_english() {
        use crate::messages::Lang;
        let forged = br#"{"seed": "forged", "seed": "genuine", "tasks": []}"#;
        let e = from_slice::<Doc>("r.json", forged).unwrap_err();
        assert_eq!(
            e.message(Lang::Zh),
            "r.json:1:25: 成员“seed”：同一对象中该成员出现了两次：无法确定应读取哪一个，因此拒绝该文档"
        );
        assert_eq!(
            e.message(Lang::En),
            "r.json:1:25: member 'seed': a member appears twice in one object: only one may be read, so the document is refused"
        );
        let wrong = br#"{"seed": "s", "tasks": [{"id": "T1", "n": "1"}]}"#;
        let e = from_slice::<Doc>("r.json", wrong).unwrap_err();
        assert!(
            e.message(Lang::Zh)
                .contains("成员“tasks[0].n”：内容不符合格式要求：invalid type: string"),
            "{}",
            e.message(Lang::Zh)
        );
        assert!(
            e.to_string()
                .contains("member 'tasks[0].n': invalid type: string \"1\", expected u64"),
            "{e}"
        );
        let cut = br#"{"seed": "s", "tasks": ["#;
        let e = from_slice::<Doc>("r.json", cut).unwrap_err();
        assert!(e.message(Lang::Zh).contains("JSON 文档不完整"), "{e:?}");
    }

    #[test]
    fn unknown_members_and_wrong_types_name_the_member() {
        let unknown = br#"{"seed": "s", "tasks": [{"id": "T1", "n": 1, "extra": 0}]}"#;
        assert_eq!(
            member(from_slice::<Doc>("r.json", unknown)),
            "tasks[0].extra"
        );
        let wrong = br#"{"seed": "s", "tasks": [{"id": "T1", "n": "1"}]}"#;
        assert_eq!(member(from_slice::<Doc>("r.json", wrong)), "tasks[0].n");
        let trailing = br#"{"seed": "s", "tasks": []} {}"#;
        assert!(from_slice::<Doc>("r.json", trailing).is_err());
        let ok = br#"{"seed": "s", "tasks": [{"id": "T1", "n": 1}]}"#;
        assert!(from_slice::<Doc>("r.json", ok).is_ok());
    }
}
