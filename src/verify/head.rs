//! The head of a record as published: read before the draw is re-run.

use serde_json::Value;

use crate::inputs::{IdCheck, IdCheckMode};

/// What a tool needs of a record before it reads the inputs to verify or amend it, read
/// without the selections' bulk and leniently: a record that is not valid gives what can be
/// read, and [`verify`](crate::verify::verify) then reports what is wrong with it.
///
/// ```
/// use shuangsui::verify::RecordHead;
///
/// let head = RecordHead::read(br#"{"inputs": {"targets": {"id_check": {"mode": "warn"}},
///     "history": {"digest": "ab"}, "earlier": ["x"]}, "ledger": [{}, {}]}"#).unwrap();
/// assert_eq!(head.id_check.mode, shuangsui::inputs::IdCheckMode::Warn);
/// assert_eq!((head.earlier, head.ledger), (1, 2));
/// assert_eq!(head.history.as_deref(), Some("ab"));
/// assert!(!head.raw_digest);
/// assert!(RecordHead::read(b"not json").is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordHead {
    /// How the draw checked target ids: read the directory the same way.
    pub id_check: IdCheck,
    /// How many earlier batches' records the draw followed (`inputs.earlier`).
    pub earlier: usize,
    /// The history file's canonical digest, when the draw had one.
    pub history: Option<String>,
    /// The conflicts file's canonical digest, when the draw had one.
    pub conflicts: Option<String>,
    /// How many amendments the record's ledger holds.
    pub ledger: usize,
    /// Whether the record states its files' raw SHA-256 (`inputs.*.sha256` not `""`): read
    /// the inputs with raw digests then, to compare them (SPEC.md §10).
    pub raw_digest: bool,
    /// The target directory's canonical digest (`inputs.targets.digest`, `""` when absent):
    /// what a directory held in a warehouse is known by.
    pub targets: String,
}

impl RecordHead {
    /// The head of a record's bytes; `None` when they are not a JSON object.
    pub fn read(bytes: &[u8]) -> Option<RecordHead> {
        let head = head_of(bytes).ok()?;
        if !head.is_object() {
            return None;
        }
        let digest = |member: &str| {
            head.pointer(&format!("/inputs/{member}/digest"))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .or_else(|| {
                    head.pointer(&format!("/inputs/{member}"))
                        .map(|_| String::new())
                })
        };
        let count = |pointer: &str| {
            head.pointer(pointer)
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        };
        Some(RecordHead {
            id_check: id_check_in(&head),
            earlier: count("/inputs/earlier"),
            history: digest("history"),
            conflicts: digest("conflicts"),
            ledger: count("/ledger"),
            raw_digest: ["plan", "targets", "officers"].iter().any(|m| {
                head.pointer(&format!("/inputs/{m}/sha256"))
                    .and_then(Value::as_str)
                    .is_some_and(|s| !s.is_empty())
            }),
            targets: digest("targets").unwrap_or_default(),
        })
    }
}

/// A record's members other than its selections (`tasks`, `visits`): everything
/// [`verify`] needs before it redraws, without the bulk. Unknown members are kept
/// too, so that they are reported.
pub(crate) fn head_of(bytes: &[u8]) -> serde_json::Result<Value> {
    /// Skips the bulky members while parsing.
    #[derive(serde::Deserialize)]
    struct Bulky {
        #[serde(default)]
        #[allow(dead_code)]
        tasks: serde::de::IgnoredAny,
        #[serde(default)]
        #[allow(dead_code)]
        visits: serde::de::IgnoredAny,
        #[serde(flatten)]
        rest: serde_json::Map<String, Value>,
    }
    match serde_json::from_slice::<Bulky>(bytes) {
        Ok(parsed) => Ok(Value::Object(parsed.rest)),
        // Not an object of members: the whole value, to report what it is.
        Err(_) => serde_json::from_slice(bytes),
    }
}

/// The id check a record was drawn with (`inputs.targets.id_check`), so that
/// its inputs can be read the same way before [`verify`](crate::verify::verify). A record without
/// one, or that is not JSON, gives the default; [`verify`](crate::verify::verify) then reports it.
pub fn id_check_of(record: &[u8]) -> IdCheck {
    head_of(record).map_or_else(|_| IdCheck::default(), |head| id_check_in(&head))
}

/// [`id_check_of`] a record's members already read with [`head_of`].
pub(crate) fn id_check_in(head: &Value) -> IdCheck {
    let check = head.pointer("/inputs/targets/id_check");
    let mode = match check.and_then(|c| c.get("mode")).and_then(Value::as_str) {
        Some("warn") => IdCheckMode::Warn,
        _ => IdCheckMode::Strict,
    };
    let allowlist = check
        .and_then(|c| c.get("allowlisted"))
        .and_then(Value::as_array)
        .map(|ids| {
            ids.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    IdCheck { mode, allowlist }
}
