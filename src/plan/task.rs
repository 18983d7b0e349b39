//! One task of a plan, validated (SPEC.md §4.1).

use toml::Spanned;

use crate::base::normalize;
use crate::dates::Date;
use crate::error::{Location, Result};
use crate::inputs::TableKind;
use crate::messages::{Arg, Message, msg};

use super::context::{Ctx, describe, quoted};
use super::model::{MAX_TEAM_SIZE, MIN_TEAM_SIZE, Recency, RegionRule, Rounding, Task, Window};
use super::quota::{parse_filter, parse_quota};
use super::raw::RawTask;

pub(crate) fn parse_task(cx: &Ctx<'_>, raw: RawTask, at: Location) -> Result<Task> {
    let id = normalize::text(raw.id.get_ref());
    if id.is_empty() {
        return Err(cx.value_error(
            &raw.id,
            "",
            "tasks.id",
            msg("plan-expected-identifier"),
            "\"\"",
        ));
    }
    let task = id.as_str();
    let filter = raw
        .filter
        .map(|f| parse_filter(cx, task, "filter", TableKind::Targets, &f))
        .transpose()?
        .unwrap_or_default();
    let officer_filter = raw
        .officer_filter
        .map(|f| parse_filter(cx, task, "officer_filter", TableKind::Officers, &f))
        .transpose()?
        .unwrap_or_default();
    let mut strata: Vec<String> = Vec::new();
    let strata_at: Vec<Location> = raw.strata.iter().map(|s| cx.at(s)).collect();
    for s in &raw.strata {
        let col = cx.column(TableKind::Targets, s.get_ref());
        if col.is_empty() || strata.contains(&col) {
            return Err(cx.value_error(
                s,
                task,
                "strata",
                msg("plan-expected-distinct-columns"),
                format!("\"{}\"", s.get_ref()),
            ));
        }
        strata.push(col);
    }
    let quota = parse_quota(
        cx,
        task,
        &at,
        raw.ratio.as_ref(),
        raw.count.as_ref(),
        raw.allocation.as_ref(),
        strata.len(),
    )?;
    let rounding = match &raw.rounding {
        None => Rounding::default(),
        Some(r) => match r.get_ref().as_str() {
            "ceil" => Rounding::Ceil,
            "floor" => Rounding::Floor,
            "nearest" => Rounding::Nearest,
            other => {
                return Err(cx.value_error(
                    r,
                    task,
                    "rounding",
                    msg("plan-expected-one-of").arg("choices", r#""ceil", "floor", "nearest""#),
                    format!("\"{other}\""),
                ));
            }
        },
    };
    let min_per_stratum = match &raw.min_per_stratum {
        None => 1,
        Some(m) => {
            let n = *m.get_ref();
            u64::try_from(n).map_err(|_| {
                cx.value_error(
                    m,
                    task,
                    "min_per_stratum",
                    msg("plan-expected-zero-or-more"),
                    n.to_string(),
                )
            })?
        }
    };
    let departments: Vec<(String, u64)> = match &raw.departments {
        None => Vec::new(),
        Some(d) => {
            let mut out = Vec::new();
            for part in d.get_ref() {
                let name = normalize::text(&part.department);
                if name.is_empty()
                    || out.iter().any(|(n, _): &(String, u64)| *n == name)
                    || !(1..=20).contains(&part.members)
                {
                    return Err(cx.value_error(
                        d,
                        task,
                        "departments",
                        msg("plan-expected-departments"),
                        msg("plan-found-department-members")
                            .arg("department", part.department.as_str())
                            .arg("members", part.members),
                    ));
                }
                out.push((name, part.members.unsigned_abs()));
            }
            out
        }
    };
    let joint_size: u64 = departments.iter().map(|(_, m)| m).sum();
    // `departments = []` is a joint task without members, not an ordinary task (§8.3).
    if let Some(d) = &raw.departments
        && (joint_size < MIN_TEAM_SIZE
            || raw
                .team_size
                .as_ref()
                .is_some_and(|t| u64::try_from(*t.get_ref()) != Ok(joint_size)))
    {
        return Err(cx.value_error(
            d,
            task,
            "departments",
            msg("plan-expected-joint-members"),
            msg("plan-found-members").arg("members", joint_size),
        ));
    }
    let team_size = match &raw.team_size {
        None if !departments.is_empty() => joint_size,
        None => MIN_TEAM_SIZE,
        Some(t) => {
            let n = *t.get_ref();
            if !u64::try_from(n).is_ok_and(|n| (MIN_TEAM_SIZE..=MAX_TEAM_SIZE).contains(&n)) {
                return Err(cx.value_error(
                    t,
                    task,
                    "team_size",
                    msg("plan-expected-team-size")
                        .arg("min", MIN_TEAM_SIZE)
                        .arg("max", MAX_TEAM_SIZE),
                    n.to_string(),
                ));
            }
            n.unsigned_abs()
        }
    };
    let exclude_inspected = match &raw.exclude_inspected {
        None => None,
        Some(t) => {
            let err = |key: &str, expected: Message, found: Arg| {
                cx.value_error(t, task, key, expected, found)
            };
            let mut within = None;
            let mut same_item = false;
            for (k, v) in t.get_ref() {
                match (k.as_str(), v) {
                    ("within", toml::Value::String(s)) if s == "calendar_year" => {
                        within = Some(Window::CalendarYear);
                    }
                    ("within", toml::Value::Integer(n)) if *n >= 1 => {
                        within = Some(Window::Days(n.unsigned_abs()));
                    }
                    ("within", other) => {
                        return Err(err(
                            "exclude_inspected.within",
                            msg("plan-expected-window"),
                            describe(other),
                        ));
                    }
                    ("scope", toml::Value::String(s)) if s == "any_item" || s == "same_item" => {
                        same_item = s == "same_item";
                    }
                    ("scope", other) => {
                        return Err(err(
                            "exclude_inspected.scope",
                            msg("plan-expected-scope"),
                            describe(other),
                        ));
                    }
                    (other, _) => {
                        return Err(err(
                            "exclude_inspected",
                            msg("plan-expected-recency-keys"),
                            quoted(other).into(),
                        ));
                    }
                }
            }
            let within = within.ok_or_else(|| {
                err(
                    "exclude_inspected.within",
                    msg("plan-expected-window"),
                    msg("plan-found-nothing").into(),
                )
            })?;
            Some(Recency { within, same_item })
        }
    };
    let window = |v: &Spanned<toml::Value>, key: &str| match v.get_ref() {
        toml::Value::String(s) if s == "calendar_year" => Ok(Window::CalendarYear),
        toml::Value::Integer(n) if *n >= 1 => Ok(Window::Days(n.unsigned_abs())),
        other => Err(cx.value_error(v, task, key, msg("plan-expected-window"), describe(other))),
    };
    let rotation = raw
        .rotation
        .as_ref()
        .map(|v| window(v, "rotation"))
        .transpose()?;
    let officer_region = match &raw.officer_region {
        None => None,
        Some(r) => Some(match r.get_ref().as_str() {
            "same" => RegionRule::Same,
            "different" => RegionRule::Different,
            other => {
                return Err(cx.value_error(
                    r,
                    task,
                    "officer_region",
                    msg("plan-expected-region"),
                    format!("\"{other}\""),
                ));
            }
        }),
    };
    let max_teams_per_officer = match &raw.max_teams_per_officer {
        None => None,
        Some(m) => Some(
            u64::try_from(*m.get_ref())
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    cx.value_error(
                        m,
                        task,
                        "max_teams_per_officer",
                        msg("plan-expected-positive-integer"),
                        m.get_ref().to_string(),
                    )
                })?,
        ),
    };
    let inspection_date = match &raw.inspection_date {
        None => None,
        Some(d) => Some(Date::parse(&normalize::text(d.get_ref())).ok_or_else(|| {
            cx.value_error(
                d,
                task,
                "inspection_date",
                msg("plan-expected-date").arg("example", "2027-06-30"),
                format!("\"{}\"", d.get_ref()),
            )
        })?),
    };
    Ok(Task {
        inspection_date,
        departments,
        require_categories: raw.require_categories.unwrap_or(false),
        officer_region,
        max_teams_per_officer,
        rotation,
        exclude_inspected,
        id: id.clone(),
        name: normalize::text(&raw.name),
        items: raw.items.iter().map(|i| normalize::text(i)).collect(),
        basis: normalize::text(&raw.basis),
        filter,
        strata,
        strata_at,
        quota,
        rounding,
        min_per_stratum,
        team_size,
        officer_filter,
        at,
    })
}
