//! The 正文 of the draw notice (抽查任务公告): who drew how many from how many, under which
//! basis, with what randomness and what that randomness proves; and the entities several
//! tasks drew and the plan merged into one inspection.

use std::collections::HashMap;

use super::common::authority_or_self;
use super::model::{Block, Hooks, Paragraph, Rich};
use super::text::{text, text_with, written_date, written_time};
use crate::ceremony::timestamp::Anchor;
use crate::draw::record::Record;
use crate::messages::{Arg, Lang};
use crate::plan::Plan;

/// The 正文 of the draw notice: who drew how many from how many, under what basis, on which
/// day, with what randomness; then "公告如下".
pub(super) fn lead(lang: Lang, record: &Record, plan: &Plan, anchor: Option<&Anchor>) -> Block {
    let mut laws: Vec<&str> = Vec::new();
    for t in &plan.tasks {
        if !t.basis.is_empty() && !laws.contains(&t.basis.as_str()) {
            laws.push(&t.basis);
        }
    }
    let basis = if laws.is_empty() {
        String::new()
    } else {
        text_with(
            lang,
            "notice-lead-basis",
            &[(
                "basis",
                Arg::from(laws.join(&text(lang, "notice-separator-names"))),
            )],
        )
    };
    // The day of the draw: with a beacon, the day its round was emitted in Beijing (the draw
    // cannot precede it, and the record proves it); else the plan's date.
    let day = match &record.seed.attestation {
        Some(_) => record.beacon_day(),
        None => crate::dates::Date::parse(&record.plan.date),
    };
    // With a beacon the record proves which day's randomness drew, not the day of the draw.
    let date_id = if record.seed.attestation.is_some() {
        "notice-lead-date-beacon"
    } else {
        "notice-lead-date"
    };
    let date = day.map_or_else(String::new, |d| {
        text_with(lang, date_id, &[("date", Arg::from(written_date(lang, d)))])
    });
    // What the seed proves, and, without a verified time-stamp, what rests on the record of
    // the announcement's publication (an insider could have made several and kept one).
    let randomness = match &record.seed.attestation {
        Some(a) => {
            let when = match anchor {
                Some(verified) => text_with(
                    lang,
                    "notice-lead-stamped",
                    &[("time", Arg::from(written_time(lang, &verified.time_text)))],
                ),
                None => text(lang, "notice-lead-unstamped"),
            };
            text_with(
                lang,
                "notice-lead-beacon",
                &[
                    ("round", Arg::from(a.beacon.round)),
                    ("when", Arg::from(when)),
                ],
            )
        }
        None => text(lang, "notice-lead-unattested"),
    };
    let totals = record.totals();
    let selections = if totals.selections == totals.entities {
        String::new()
    } else {
        text_with(
            lang,
            "notice-lead-selections",
            &[("selections", Arg::from(totals.selections))],
        )
    };
    Block::Paragraph(Paragraph {
        text: Rich::plain(text_with(
            lang,
            "notice-draw-lead",
            &[
                (
                    "authority",
                    Arg::from(authority_or_self(lang, &record.plan.authority)),
                ),
                ("basis", Arg::from(basis)),
                ("date", Arg::from(date)),
                ("targets", Arg::from(record.inputs.targets.rows)),
                ("entities", Arg::from(totals.entities)),
                ("selections", Arg::from(selections)),
                ("tasks", Arg::from(record.tasks.len())),
                ("randomness", Arg::from(randomness)),
            ],
        )),
        hooks: Hooks::class("lead"),
    })
}

/// The entities several tasks drew and the plan merged into one inspection, said once
/// (their rows appear under each task that drew them); `None` when there are none.
pub(super) fn merged(lang: Lang, record: &Record) -> Option<Block> {
    let names: HashMap<&str, &str> = record
        .tasks
        .iter()
        .flat_map(|t| &t.selected)
        .map(|s| (s.target.as_str(), s.name.as_str()))
        .collect();
    let merged: Vec<String> = record
        .visits
        .iter()
        .filter(|v| v.tasks.len() > 1)
        .map(|v| {
            text_with(
                lang,
                "notice-merged-entity",
                &[
                    (
                        "name",
                        Arg::from(names.get(v.target.as_str()).copied().unwrap_or("")),
                    ),
                    (
                        "tasks",
                        Arg::from(v.tasks.join(&text(lang, "notice-separator-names"))),
                    ),
                ],
            )
        })
        .collect();
    (!merged.is_empty()).then(|| {
        Block::Paragraph(Paragraph {
            text: Rich::plain(text_with(
                lang,
                "notice-merged",
                &[
                    ("count", Arg::from(merged.len())),
                    (
                        "entities",
                        Arg::from(merged.join(&text(lang, "notice-separator-items"))),
                    ),
                ],
            )),
            hooks: Hooks {
                class: Some("lead"),
                id: Some("merged".to_owned()),
                data: Vec::new(),
            },
        })
    })
}
