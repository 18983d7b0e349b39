//! A task's filter and quota trees (SPEC.md §4.2, §4.3).

use std::collections::BTreeMap;

use toml::Spanned;

use crate::base::normalize;
use crate::dates::Date;
use crate::error::{Location, Result};
use crate::inputs::TableKind;
use crate::messages::{Arg, Message, msg};

use super::context::{Ctx, describe, quoted, value_error};
use super::model::{Condition, Filter, Quota, Ratio, Spread, Tree};

pub(crate) fn parse_filter(
    cx: &Ctx<'_>,
    task: &str,
    key: &str,
    kind: TableKind,
    table: &Spanned<toml::Table>,
) -> Result<Filter> {
    let mut clauses = BTreeMap::new();
    for (col, value) in table.get_ref() {
        let here = format!("{key}.{col}");
        let err =
            |expected: Message, found: Arg| cx.value_error(table, task, &here, expected, found);
        let strings = |v: &toml::Value| -> Result<Vec<String>> {
            let mut list = match v {
                toml::Value::String(s) => vec![normalize::text(s)],
                toml::Value::Array(a) if !a.is_empty() => a
                    .iter()
                    .map(|v| match v {
                        toml::Value::String(s) => Ok(normalize::text(s)),
                        other => Err(err(msg("plan-expected-strings"), describe(other))),
                    })
                    .collect::<Result<Vec<_>>>()?,
                other => {
                    return Err(err(msg("plan-expected-string-list"), describe(other)));
                }
            };
            list.sort();
            list.dedup();
            Ok(list)
        };
        let condition = match value {
            toml::Value::Table(ops) => {
                let mut c = Condition::default();
                for (op, v) in ops {
                    let date = |v: &toml::Value| match v {
                        toml::Value::String(s) => {
                            Date::parse(&normalize::text(s)).map(|d| d.to_string())
                        }
                        _ => None,
                    };
                    let number = |v: &toml::Value| match v {
                        toml::Value::Integer(i) => Some(i.to_string()),
                        toml::Value::String(s) => crate::plan::filter::decimal(s),
                        _ => None,
                    };
                    match op.as_str() {
                        "in" => c.one_of = Some(strings(v)?),
                        "not" => c.not = Some(strings(v)?),
                        "after" => {
                            c.after = Some(date(v).ok_or_else(|| {
                                err(
                                    msg("plan-expected-condition-date").arg("condition", "after"),
                                    describe(v),
                                )
                            })?);
                        }
                        "before" => {
                            c.before = Some(date(v).ok_or_else(|| {
                                err(
                                    msg("plan-expected-condition-date").arg("condition", "before"),
                                    describe(v),
                                )
                            })?);
                        }
                        "min" => {
                            c.min = Some(number(v).ok_or_else(|| {
                                err(
                                    msg("plan-expected-condition-number").arg("condition", "min"),
                                    describe(v),
                                )
                            })?);
                        }
                        "max" => {
                            c.max = Some(number(v).ok_or_else(|| {
                                err(
                                    msg("plan-expected-condition-number").arg("condition", "max"),
                                    describe(v),
                                )
                            })?);
                        }
                        other => {
                            return Err(err(msg("plan-expected-conditions"), quoted(other).into()));
                        }
                    }
                }
                if c == Condition::default() {
                    return Err(err(msg("plan-expected-a-condition"), "{}".into()));
                }
                c
            }
            v => Condition {
                one_of: Some(strings(v)?),
                ..Condition::default()
            },
        };
        let column = cx.column(kind, col);
        if clauses.contains_key(&column) {
            return Err(cx.value_error(
                table,
                task,
                key,
                msg("plan-expected-column-once"),
                msg("plan-found-column-twice").arg("column", column.as_str()),
            ));
        }
        clauses.insert(column, condition);
    }
    Ok(Filter {
        clauses,
        at: Some(cx.at(table)),
    })
}

/// What a tree's leaves are, for [`parse_tree`].
pub(crate) struct Leaves<'a, T> {
    pub(crate) read: &'a dyn Fn(&toml::Value) -> Option<T>,
    pub(crate) expected: Message,
}

/// Reads a tree of values (SPEC.md §6.2): a value, or a table keyed by
/// strata values (`"*"` the default) nested at most `depth` deep.
pub(crate) fn parse_tree<T>(
    cx: &Ctx<'_>,
    task: &str,
    at: &Spanned<toml::Value>,
    key: &str,
    value: &toml::Value,
    depth: usize,
    leaves: &Leaves<'_, T>,
) -> Result<Tree<T>> {
    match value {
        toml::Value::Table(t) => {
            if depth == 0 {
                return Err(cx.value_error(
                    at,
                    task,
                    key,
                    msg("plan-expected-or-table").arg("leaf", leaves.expected.clone()),
                    msg("plan-found-table-too-deep"),
                ));
            }
            let mut entries = BTreeMap::new();
            let mut default = None;
            for (k, v) in t {
                let sub = parse_tree(cx, task, at, &format!("{key}.{k}"), v, depth - 1, leaves)?;
                if k == "*" {
                    default = Some(Box::new(sub));
                } else {
                    entries.insert(normalize::text(k), sub);
                }
            }
            Ok(Tree::Table { entries, default })
        }
        v => (leaves.read)(v)
            .map(Tree::Leaf)
            .ok_or_else(|| cx.value_error(at, task, key, leaves.expected.clone(), describe(v))),
    }
}

pub(crate) fn parse_quota(
    cx: &Ctx<'_>,
    task: &str,
    at: &Location,
    ratio: Option<&Spanned<toml::Value>>,
    count: Option<&Spanned<toml::Value>>,
    allocation: Option<&Spanned<String>>,
    strata: usize,
) -> Result<Quota> {
    let ratios = Leaves {
        read: &|v: &toml::Value| match v {
            toml::Value::String(s) => Ratio::parse(&normalize::text(s)),
            _ => None,
        },
        expected: msg("plan-expected-percentage"),
    };
    let counts = Leaves {
        read: &|v: &toml::Value| match v {
            toml::Value::Integer(n) if (1..=1_000_000_000).contains(n) => Some(n.unsigned_abs()),
            _ => None,
        },
        expected: msg("plan-expected-integer-range")
            .arg("min", "1")
            .arg("max", "1000000000"),
    };
    match (ratio, count) {
        (Some(_), Some(c)) => Err(cx.value_error(
            c,
            task,
            "count",
            msg("plan-expected-ratio-or-count"),
            describe(c.get_ref()),
        )),
        (None, None) => Err(value_error(
            at.clone(),
            task,
            "ratio",
            msg("plan-expected-a-quota"),
            msg("plan-found-neither"),
        )),
        (Some(r), None) => {
            if let Some(a) = allocation {
                return Err(cx.value_error(
                    a,
                    task,
                    "allocation",
                    msg("plan-expected-no-allocation"),
                    format!("\"{}\"", a.get_ref()),
                ));
            }
            Ok(Quota::Ratio(parse_tree(
                cx,
                task,
                r,
                "ratio",
                r.get_ref(),
                strata,
                &ratios,
            )?))
        }
        (None, Some(c)) => {
            let mode = allocation.map(|a| (a, a.get_ref().as_str()));
            match (c.get_ref(), mode) {
                (toml::Value::Table(_), None | Some((_, "per_stratum"))) => Ok(Quota::PerStratum(
                    parse_tree(cx, task, c, "count", c.get_ref(), strata, &counts)?,
                )),
                (toml::Value::Table(_), Some((a, other))) => Err(cx.value_error(
                    a,
                    task,
                    "allocation",
                    msg("plan-expected-per-stratum"),
                    format!("\"{other}\""),
                )),
                (v, mode) => {
                    let n = (counts.read)(v).ok_or_else(|| {
                        cx.value_error(c, task, "count", counts.expected.clone(), describe(v))
                    })?;
                    match mode {
                        None if strata == 0 => Ok(Quota::Total {
                            count: n,
                            spread: Spread::Whole,
                        }),
                        None => Err(cx.value_error(
                            c,
                            task,
                            "allocation",
                            msg("plan-expected-allocation"),
                            msg("plan-found-none"),
                        )),
                        Some((_, "proportional")) => Ok(Quota::Total {
                            count: n,
                            spread: Spread::Proportional,
                        }),
                        Some((_, "equal")) => Ok(Quota::Total {
                            count: n,
                            spread: Spread::Equal,
                        }),
                        Some((_, "per_stratum")) => Ok(Quota::PerStratum(Tree::Leaf(n))),
                        Some((a, other)) => Err(cx.value_error(
                            a,
                            task,
                            "allocation",
                            msg("plan-expected-one-of")
                                .arg("choices", r#""proportional", "equal", "per_stratum""#),
                            format!("\"{other}\""),
                        )),
                    }
                }
            }
        }
    }
}
