//! The JSON Schemas (2020-12) of every file `shuangsui` reads or writes,
//! compiled in so that `shuangsui schema NAME` can print them.
//!
//! ```
//! let record = shuangsui::schemas::get("record").unwrap();
//! assert!(record.contains("\"$schema\""));
//! assert!(shuangsui::schemas::names().contains(&"plan"));
//! ```

/// Every schema: its name and its text.
pub const ALL: &[(&str, &str)] = &[
    ("plan", include_str!("../schemas/plan.v2.schema.json")),
    (
        "target-row",
        include_str!("../schemas/target-row.v2.schema.json"),
    ),
    (
        "officer-row",
        include_str!("../schemas/officer-row.v2.schema.json"),
    ),
    ("record", include_str!("../schemas/record.v2.schema.json")),
    (
        "announcement",
        include_str!("../schemas/announcement.v2.schema.json"),
    ),
    (
        "calendar",
        include_str!("../schemas/calendar.v2.schema.json"),
    ),
    ("vectors", include_str!("../schemas/vectors.v2.schema.json")),
];

/// The schema called `name` (`plan`, `target-row`, `officer-row`, `record`,
/// `announcement`, `calendar`, `vectors`).
pub fn get(name: &str) -> Option<&'static str> {
    ALL.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The names, for messages.
pub fn names() -> Vec<&'static str> {
    ALL.iter().map(|(n, _)| *n).collect()
}
