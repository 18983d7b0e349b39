//! Filters (定向): which rows a task's frame or officer pool takes
//! (SPEC.md §4.2).
//!
//! A filter is a conjunction over columns; each column's condition is a
//! conjunction of: one of a set of values (`in`), none of a set (`not`), a
//! date strictly after or before a day, a number at least `min` or at most
//! `max`.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::base::normalize;
use crate::dates::Date;
use crate::messages::{Arg, msg};

/// The condition on one column. Absent parts do not constrain.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The value is one of these (sorted, distinct).
    #[serde(rename = "in", default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// The value is none of these (sorted, distinct).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Vec<String>>,
    /// The value is a date strictly after this one (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The value is a date strictly before this one (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The value is a number at least this (canonical decimal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// The value is a number at most this (canonical decimal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
}

impl Condition {
    /// True when `value` (already normalised) meets every part.
    pub fn passes(&self, value: &str) -> bool {
        if let Some(set) = &self.one_of
            && set.binary_search_by(|v| v.as_str().cmp(value)).is_err()
        {
            return false;
        }
        if let Some(set) = &self.not
            && set.binary_search_by(|v| v.as_str().cmp(value)).is_ok()
        {
            return false;
        }
        if self.after.is_some() || self.before.is_some() {
            let Some(day) = Date::parse(value).map(|d| d.to_string()) else {
                return false;
            };
            // ISO dates compare as strings.
            if self
                .after
                .as_ref()
                .is_some_and(|a| day.as_str() <= a.as_str())
                || self
                    .before
                    .as_ref()
                    .is_some_and(|b| day.as_str() >= b.as_str())
            {
                return false;
            }
        }
        if self.min.is_some() || self.max.is_some() {
            let Some(x) = decimal(value) else {
                return false;
            };
            if self
                .min
                .as_ref()
                .is_some_and(|m| compare_decimals(&x, m) == Ordering::Less)
                || self
                    .max
                    .as_ref()
                    .is_some_and(|m| compare_decimals(&x, m) == Ordering::Greater)
            {
                return false;
            }
        }
        true
    }
}

impl Condition {
    /// Its parts (`∈ {存续}`, `> 2020-01-01`), each a constraint of its own.
    fn parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(v) = &self.one_of {
            parts.push(format!("∈ {{{}}}", v.join(", ")));
        }
        if let Some(v) = &self.not {
            parts.push(format!("∉ {{{}}}", v.join(", ")));
        }
        if let Some(v) = &self.after {
            parts.push(format!("> {v}"));
        }
        if let Some(v) = &self.before {
            parts.push(format!("< {v}"));
        }
        if let Some(v) = &self.min {
            parts.push(format!("≥ {v}"));
        }
        if let Some(v) = &self.max {
            parts.push(format!("≤ {v}"));
        }
        parts
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.parts().join(" and "))
    }
}

/// A conjunction of conditions, one per column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The conditions, by column (sorted).
    pub clauses: BTreeMap<String, Condition>,
    /// Where the filter is written, for messages.
    pub at: Option<crate::error::Location>,
}

impl Filter {
    /// True when the filter has no clause (the whole table is eligible).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// The filter for a message, in the reader's language: what `Display` shows in
    /// English, its constraints joined by “and” (且), `(none)` (无) when it has none.
    pub(crate) fn message(&self) -> Arg {
        let mut constraints = self.clauses.iter().flat_map(|(col, c)| {
            let mut parts = c.parts();
            match parts.first_mut() {
                Some(first) => *first = format!("{col} {first}"),
                None => parts.push(format!("{col} ")),
            }
            parts
        });
        let Some(first) = constraints.next() else {
            return msg("plan-filter-none").into();
        };
        constraints.fold(first.into(), |left, right| {
            msg("plan-filter-and")
                .arg("left", left)
                .arg("right", right)
                .into()
        })
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.clauses.is_empty() {
            return f.write_str("(none)");
        }
        let parts: Vec<String> = self
            .clauses
            .iter()
            .map(|(col, c)| format!("{col} {c}"))
            .collect();
        f.write_str(&parts.join(" and "))
    }
}

/// The canonical decimal text of `s` (after [`normalize::text`]): an
/// optional `-`, digits without leading zeros, and a fraction without
/// trailing zeros; `None` when `s` is not `-?[0-9]+(\.[0-9]+)?`.
pub fn decimal(s: &str) -> Option<String> {
    let s = normalize::text(s);
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (body.contains('.') && frac.is_empty()) {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let magnitude = if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    };
    Some(if negative && magnitude != "0" {
        format!("-{magnitude}")
    } else {
        magnitude
    })
}

/// Compares two canonical decimals numerically.
pub fn compare_decimals(a: &str, b: &str) -> Ordering {
    match (a.strip_prefix('-'), b.strip_prefix('-')) {
        (Some(x), Some(y)) => compare_magnitudes(y, x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => compare_magnitudes(a, b),
    }
}

fn compare_magnitudes(a: &str, b: &str) -> Ordering {
    let (ai, af) = a.split_once('.').unwrap_or((a, ""));
    let (bi, bf) = b.split_once('.').unwrap_or((b, ""));
    ai.len()
        .cmp(&bi.len())
        .then_with(|| ai.cmp(bi))
        .then_with(|| af.cmp(bf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(decimal(" 007.50 ").as_deref(), Some("7.5"));
        assert_eq!(decimal("-0.0").as_deref(), Some("0"));
        assert_eq!(decimal("1,000"), None);
        assert_eq!(decimal("1e3"), None);
        assert_eq!(decimal("3."), None);
        let c = |a: &str, b: &str| compare_decimals(&decimal(a).unwrap(), &decimal(b).unwrap());
        assert_eq!(c("10", "9.99"), Ordering::Greater);
        assert_eq!(c("-10", "-9"), Ordering::Less);
        assert_eq!(c("0.5", "0.50"), Ordering::Equal);
        assert_eq!(c("0.05", "0.5"), Ordering::Less);
    }

    #[test]
    fn conditions() {
        let c = Condition {
            not: Some(vec!["个体工商户".into()]),
            after: Some("2020-01-01".into()),
            ..Condition::default()
        };
        assert!(c.passes("2021年3月1日"));
        assert!(!c.passes("2020-01-01"));
        assert!(!c.passes(""));
        let r = Condition {
            min: Some("100".into()),
            max: Some("500.5".into()),
            ..Condition::default()
        };
        assert!(r.passes("100") && r.passes("500.50") && !r.passes("500.51") && !r.passes("n/a"));
        assert_eq!(r.to_string(), "≥ 100 and ≤ 500.5");
    }

    #[test]
    fn a_filter_in_a_message_reads_in_both_languages() {
        use crate::messages::Lang;
        let filter = Filter {
            clauses: [
                (
                    "capital".to_owned(),
                    Condition {
                        min: Some("100".into()),
                        max: Some("500.5".into()),
                        ..Condition::default()
                    },
                ),
                (
                    "status".to_owned(),
                    Condition {
                        one_of: Some(vec!["存续".into()]),
                        ..Condition::default()
                    },
                ),
            ]
            .into(),
            at: None,
        };
        let m = filter.message();
        assert_eq!(m.text(Lang::En), filter.to_string());
        assert_eq!(
            m.text(Lang::En),
            "capital ≥ 100 and ≤ 500.5 and status ∈ {存续}"
        );
        assert_eq!(
            m.text(Lang::Zh),
            "capital ≥ 100 且 ≤ 500.5 且 status ∈ {存续}"
        );
        let none = Filter::default().message();
        assert_eq!(none.text(Lang::En), "(none)");
        assert_eq!(none.text(Lang::Zh), "（无）");
    }
}
