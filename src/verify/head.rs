//! The head of a record as published: read before the draw is re-run.

use serde_json::Value;

use crate::inputs::{IdCheck, IdCheckMode};

/// A record's members other than its selections (`tasks`, `visits`): everything
/// [`verify`] needs before it redraws, without the bulk. Unknown members are kept
/// too, so that they are reported.
pub fn head_of(bytes: &[u8]) -> serde_json::Result<Value> {
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
/// its inputs can be read the same way before [`verify`]. A record without
/// one, or that is not JSON, gives the default; [`verify`] then reports it.
pub fn id_check_of(record: &[u8]) -> IdCheck {
    head_of(record).map_or_else(|_| IdCheck::default(), |head| id_check_in(&head))
}

/// [`id_check_of`] a record's members already read with [`head_of`].
pub fn id_check_in(head: &Value) -> IdCheck {
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
