//! The harness: reads the vector files and checks each vector against the library; it knows
//! nothing of the generator. Each vector is a test of its own (listed in `super`), named
//! after its id ([`test_name`]): a failing vector names itself and the others still run.
//! The files are read once, the first time a test needs them.

use std::path::Path;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;
use shuangsui::internal::allocation;
use shuangsui::internal::normalize;
use shuangsui::messages::Lang;
use shuangsui::plan::Ratio;

use super::SCHEMA;
use super::run::{DrawInput, rounding_of, run};
use crate::fixtures::root;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VectorFile<T> {
    schema: String,
    #[allow(dead_code)]
    comment: String,
    vectors: Vec<T>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DrawVector<E> {
    id: String,
    #[allow(dead_code)]
    comment: String,
    plan: String,
    targets: String,
    officers: String,
    seed: String,
    #[serde(default)]
    id_check: Option<IdCheckVector>,
    #[serde(default)]
    history: Option<String>,
    #[serde(default)]
    conflicts: Option<String>,
    #[serde(default)]
    amendments: Vec<Value>,
    #[serde(default)]
    earlier: Vec<Value>,
    #[serde(default)]
    attested: Option<Value>,
    expected: E,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdCheckVector {
    mode: String,
    allowlist: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DrawExpected {
    record: Value,
    warnings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorExpected {
    kind: String,
    message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AllocationVector {
    id: String,
    #[allow(dead_code)]
    comment: String,
    frame: u64,
    ratio: String,
    rounding: String,
    min_per_stratum: u64,
    expected: u64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NormalizeVector {
    id: String,
    #[allow(dead_code)]
    comment: String,
    input: String,
    text: String,
    identifier: String,
}

/// The name of a vector's test: its id in lower case, `-` and `.` as `_`, `%` as `pct`;
/// an id that starts with a digit (an allocation's frame size) after `frame_`.
pub fn test_name(id: &str) -> String {
    let name = id
        .to_lowercase()
        .replace('%', "pct")
        .replace(['-', '.'], "_");
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("frame_{name}")
    } else {
        name
    }
}

/// Whether `SHUANGSUI_BLESS` is set: the files are being rewritten (by
/// `generate::vectors_are_current`), so they are not checked.
fn blessing() -> bool {
    std::env::var_os("SHUANGSUI_BLESS").is_some()
}

/// The vectors of `tests/vectors/<file>`, checked against the schema name and for at least one.
fn load<T: serde::de::DeserializeOwned>(file: &str) -> Vec<T> {
    let path = root().join("tests/vectors").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let file: VectorFile<T> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(file.schema, SCHEMA, "{}", path.display());
    assert!(!file.vectors.is_empty(), "{}: no vectors", path.display());
    file.vectors
}

fn draws() -> &'static [DrawVector<DrawExpected>] {
    static FILE: OnceLock<Vec<DrawVector<DrawExpected>>> = OnceLock::new();
    FILE.get_or_init(|| load("draws.json"))
}

fn errors() -> &'static [DrawVector<ErrorExpected>] {
    static FILE: OnceLock<Vec<DrawVector<ErrorExpected>>> = OnceLock::new();
    FILE.get_or_init(|| load("errors.json"))
}

fn allocations() -> &'static [AllocationVector] {
    static FILE: OnceLock<Vec<AllocationVector>> = OnceLock::new();
    FILE.get_or_init(|| load("allocation.json"))
}

fn normalizations() -> &'static [NormalizeVector] {
    static FILE: OnceLock<Vec<NormalizeVector>> = OnceLock::new();
    FILE.get_or_init(|| load("normalize.json"))
}

/// The ids of a file's vectors, in its order.
fn ids(file: &str) -> Vec<&'static str> {
    match file {
        "draws" => draws().iter().map(|v| v.id.as_str()).collect(),
        "errors" => errors().iter().map(|v| v.id.as_str()).collect(),
        "allocation" => allocations().iter().map(|v| v.id.as_str()).collect(),
        "normalize" => normalizations().iter().map(|v| v.id.as_str()).collect(),
        other => panic!("no vector file {other}.json"),
    }
}

/// The vector of `vectors` whose test is `name`.
fn named<'a, T>(vectors: &'a [T], id: impl Fn(&T) -> &str, file: &str, name: &str) -> &'a T {
    vectors
        .iter()
        .find(|v| test_name(id(v)) == name)
        .unwrap_or_else(|| {
            panic!("{file}.json has no vector {name}: the list in tests/it/vectors/mod.rs and the file disagree")
        })
}

impl<E> DrawVector<E> {
    /// The vector as the runner takes it.
    fn input(&self) -> DrawInput<'_> {
        DrawInput {
            plan: &self.plan,
            targets: &self.targets,
            officers: &self.officers,
            seed: &self.seed,
            id_check: self.id_check.as_ref().map(|c| {
                (
                    c.mode.as_str(),
                    c.allowlist.iter().map(String::as_str).collect(),
                )
            }),
            history: self.history.as_deref(),
            conflicts: self.conflicts.as_deref(),
            amendments: &self.amendments,
            earlier: &self.earlier,
            attested: self.attested.as_ref(),
        }
    }
}

/// Checks the vector of `tests/vectors/<file>.json` whose test is `name`.
pub fn check(file: &str, name: &str) {
    if blessing() {
        return;
    }
    match file {
        "draws" => {
            let v = named(draws(), |v| &v.id, file, name);
            let d = run(&v.input()).unwrap_or_else(|e| panic!("{}: {e}", v.id));
            let got = serde_json::to_value(&d.record).unwrap();
            assert_eq!(
                got, v.expected.record,
                "draws.json {}: record differs",
                v.id
            );
            let warnings: Vec<String> = d.warnings.iter().map(ToString::to_string).collect();
            assert_eq!(warnings, v.expected.warnings, "draws.json {}", v.id);
            for w in &d.warnings {
                assert_chinese(&w.message(Lang::Zh), &v.id);
            }
            // The record's bytes are its pretty serialisation, and its digest is self-consistent.
            assert_eq!(
                shuangsui::draw::record::digest_of(&v.expected.record),
                v.expected.record["digest"].as_str().unwrap()
            );
        }
        "errors" => {
            let v = named(errors(), |v| &v.id, file, name);
            match run(&v.input()) {
                Ok(_) => panic!(
                    "errors.json {}: expected {}, the draw succeeded",
                    v.id, v.expected.kind
                ),
                Err(e) => {
                    assert_eq!(e.kind().as_str(), v.expected.kind, "errors.json {}", v.id);
                    assert_eq!(e.to_string(), v.expected.message, "errors.json {}", v.id);
                    // A parser's own words (the toml crate's, serde's) are the error's
                    // `detail`: English in both languages until they are translated.
                    let mut zh = e.message(Lang::Zh);
                    if let Some(detail) = e.value("detail") {
                        zh = zh.replace(&detail.to_string(), "");
                    }
                    assert_chinese(&zh, &v.id);
                    if let Some(hint) = e.hint(Lang::Zh) {
                        assert_chinese(&hint, &v.id);
                    }
                }
            }
        }
        "allocation" => {
            let v = named(allocations(), |v| &v.id, file, name);
            let r = Ratio::parse(&v.ratio).unwrap();
            let got =
                allocation::ratio_count(v.frame, r, rounding_of(&v.rounding), v.min_per_stratum);
            assert_eq!(got, v.expected, "allocation.json {}", v.id);
        }
        "normalize" => {
            let v = named(normalizations(), |v| &v.id, file, name);
            assert_eq!(normalize::text(&v.input), v.text, "normalize.json {}", v.id);
            assert_eq!(
                normalize::identifier(&v.input),
                v.identifier,
                "normalize.json {}",
                v.id
            );
        }
        other => panic!("no vector file {other}.json"),
    }
}

/// English words that show a sentence left untranslated in a Chinese message (data values,
/// column names and TOML keys may be English; these words are none of those — `not` is a
/// filter's condition, so it is not listed).
const ENGLISH: [&str; 39] = [
    "the",
    "is",
    "are",
    "was",
    "of",
    "to",
    "and",
    "or",
    "must",
    "expected",
    "found",
    "cannot",
    "which",
    "has",
    "have",
    "with",
    "from",
    "for",
    "this",
    "that",
    "its",
    "but",
    "than",
    "more",
    "only",
    "every",
    "each",
    "into",
    "would",
    "should",
    "does",
    "been",
    "there",
    "because",
    "when",
    "missing",
    "invalid",
    "empty",
    "duplicate",
];

/// Fails when a Chinese message holds an English sentence outside its quoted values.
fn assert_chinese(message: &str, id: &str) {
    // Values are quoted: “…”, '…', "…" (a plan's own text, a file's column names).
    let mut text = String::new();
    let mut close = None;
    for c in message.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '“' => close = Some('”'),
                '\'' | '"' => close = Some(c),
                _ => text.push(c),
            },
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| ENGLISH.contains(w))
        .collect();
    assert!(
        words.is_empty(),
        "{id}: the Chinese message has English words {words:?}: {message}"
    );
}

/// The vector files are exactly the listed ones, and each file's vectors are exactly the
/// tests listed for it, in its order, under distinct names.
pub fn check_listed(listed: &[(&str, &[&str])]) {
    if blessing() {
        return;
    }
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/vectors"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    let mut expected: Vec<String> = listed.iter().map(|(f, _)| format!("{f}.json")).collect();
    expected.sort();
    assert_eq!(names, expected, "unknown or missing vector files");
    for (file, tests) in listed {
        let from_file: Vec<String> = ids(file).into_iter().map(test_name).collect();
        let mut distinct = from_file.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            from_file.len(),
            "{file}.json: two ids give one test name"
        );
        assert_eq!(
            tests.to_vec(),
            from_file,
            "{file}.json: the tests listed in tests/it/vectors/mod.rs (left) are not the file's vectors (right)"
        );
    }
}

#[test]
fn reformed_targets_give_the_same_record() {
    let get = |id: &str| {
        draws()
            .iter()
            .find(|v| v.id == id)
            .unwrap()
            .expected
            .record
            .clone()
    };
    // Same content in another form (SPEC.md §3): without raw digests (§3.4, the default) the
    // record is the same, its digest included.
    let (a, b) = (get("worked-example"), get("reformed-targets"));
    assert_eq!(a["inputs"]["targets"]["sha256"], "");
    assert_eq!(a, b);
}
