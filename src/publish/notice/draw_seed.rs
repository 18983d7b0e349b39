//! The draw notice's seed section: where the seed came from, one line per fact.

use super::model::Rich;
use super::text::{Value, beijing, rich, text, text_with};
use crate::draw::record::Record;
use crate::messages::{Arg, Lang};

/// The seed's provenance, one line per fact.
pub(super) fn provenance(
    lang: Lang,
    record: &Record,
    anchor: Option<&crate::ceremony::timestamp::Anchor>,
) -> Vec<Rich> {
    let Some(a) = &record.seed.attestation else {
        return vec![rich(
            lang,
            "notice-seed-unattested",
            &[("seed", Value::from(&record.seed.value))],
        )];
    };
    let an = &a.announcement;
    let mut lines = vec![rich(
        lang,
        "notice-seed-announcement",
        &[
            ("digest", Value::from(&an.digest)),
            ("at", Value::from(beijing(lang, &an.announced_at))),
        ],
    )];
    let anchored = crate::ceremony::base64_decode(&a.timestamp)
        .and_then(|der| crate::ceremony::timestamp::parse(&der).ok());
    lines.push(match (anchored, anchor) {
        (Some(token), Some(verified)) => rich(
            lang,
            "notice-seed-timestamp-verified",
            &[
                ("time", Value::from(beijing(lang, &token.time_text))),
                ("tsa", Value::from(&verified.tsa)),
                ("fingerprint", Value::from(&verified.fingerprint)),
            ],
        ),
        (Some(token), None) => rich(
            lang,
            "notice-seed-timestamp-unverified",
            &[("time", Value::from(beijing(lang, &token.time_text)))],
        ),
        (None, _) => rich(lang, "notice-seed-no-timestamp", &[]),
    });
    let attempt = Value::from(an.attempt.to_string());
    lines.push(if a.replaced.is_empty() {
        rich(lang, "notice-seed-attempt-first", &[("attempt", attempt)])
    } else {
        let mut replaced = Rich::default();
        for old in &a.replaced {
            let why = a
                .replaced
                .iter()
                .chain(std::iter::once(an))
                .find(|n| n.replaces == old.digest)
                .map_or("", |n| n.reason.as_str());
            let line = rich(
                lang,
                "notice-seed-replaced",
                &[
                    ("attempt", Value::from(old.attempt.to_string())),
                    ("digest", Value::from(&old.digest)),
                    ("round", Value::from(old.beacon.round.to_string())),
                    ("reason", Value::from(why)),
                ],
            );
            for span in line.0 {
                replaced.push(&span.text, span.code);
            }
        }
        rich(
            lang,
            "notice-seed-attempt-replaced",
            &[("attempt", attempt), ("replaced", Value::Rich(replaced))],
        )
    });
    lines.push(rich(
        lang,
        "notice-seed-beacon",
        &[
            ("round", Value::from(a.beacon.round.to_string())),
            ("at", Value::from(beijing(lang, &an.beacon.emitted_at))),
        ],
    ));
    lines.push(rich(
        lang,
        "notice-seed-beacon-url",
        &[(
            "url",
            Value::from(crate::ceremony::beacon::round_url(
                &an.beacon.chain_hash,
                a.beacon.round,
            )),
        )],
    ));
    if !an.dice.is_empty() {
        lines.push(rich(
            lang,
            "notice-seed-dice",
            &[("dice", Value::from(&an.dice))],
        ));
    }
    if !an.parties.is_empty() {
        let parties: Vec<String> = an
            .parties
            .iter()
            .map(|p| {
                let revealed = a.reveals.iter().any(|r| r.name == p.name);
                let id = if revealed {
                    "notice-party-revealed"
                } else {
                    "notice-party-unrevealed"
                };
                text_with(lang, id, &[("name", Arg::from(&p.name))])
            })
            .collect();
        lines.push(rich(
            lang,
            "notice-seed-parties",
            &[(
                "parties",
                Value::from(parties.join(&text(lang, "notice-separator-names"))),
            )],
        ));
    }
    lines.push(rich(
        lang,
        "notice-seed-derived",
        &[("seed", Value::from(&record.seed.value))],
    ));
    lines.push(rich(lang, "notice-seed-trust", &[]));
    lines
}
