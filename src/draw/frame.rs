//! A task's frame: the targets its filter and the rulebook leave, grouped into strata
//! (SPEC.md §6, §7.1).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use crate::dates::Date;
use crate::draw::eligibility;
use crate::draw::history::History;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::{Columns, Directory, Row};
use crate::messages::{Arg, msg};
use crate::plan::{Condition, Filter, Task};

/// Resolves a filter's columns against a table.
pub(crate) fn resolve_filter(
    filter: &Filter,
    table: &impl Columns,
    task: &Task,
    key: &str,
) -> Result<Vec<(usize, Condition)>> {
    filter
        .clauses
        .iter()
        .map(|(col, condition)| {
            let i = resolve_column(table, col, task, key, filter.at.as_ref())?;
            Ok((i, condition.clone()))
        })
        .collect()
}

/// The index of a column a task names, or an error naming the task, the key and the columns there are.
pub fn resolve_column(
    table: &impl Columns,
    column: &str,
    task: &Task,
    key: &str,
    at: Option<&Location>,
) -> Result<usize> {
    table.column_index(column).ok_or_else(|| {
        Error::new(ErrorKind::UnknownColumn)
            .arg(
                "note",
                if table
                    .dropped_headers()
                    .iter()
                    .any(|d| crate::inputs::columns::column_name(d) == column)
                {
                    msg("draw-column-personal-data")
                } else {
                    msg("draw-column-absent")
                },
            )
            .at(at.cloned().unwrap_or_else(|| task.at.clone()))
            .arg("task", task.id.clone())
            .arg("key", key.to_owned())
            .arg("column", named(table.table_kind(), column))
            .arg(
                "table",
                msg("draw-table").arg("table", table.table_kind().as_str()),
            )
            .arg("available", {
                let columns = msg("draw-column-list")
                    .arg("names", table.column_names().join(","))
                    .arg(
                        "labels",
                        table
                            .column_names()
                            .iter()
                            .map(|c| crate::inputs::columns::chinese_label(table.table_kind(), c))
                            .collect::<Vec<_>>()
                            .join("、"),
                    );
                if table.dropped_headers().is_empty() {
                    Arg::from(columns)
                } else {
                    msg("draw-columns-and-dropped")
                        .arg("columns", columns)
                        .arg("dropped", table.dropped_headers().join(","))
                        .into()
                }
            })
    })
}

/// A column's name in a message: its Chinese header name in Chinese (`企业类型`), the
/// canonical name in English (`entity_type`).
pub(crate) fn named(kind: crate::inputs::TableKind, column: &str) -> crate::messages::Message {
    msg("draw-column-named")
        .arg("name", column.to_owned())
        .arg("label", crate::inputs::columns::chinese_label(kind, column))
}

/// True when a row passes all clauses.
pub(crate) fn passes(row: &Row, clauses: &[(usize, Condition)]) -> bool {
    clauses
        .iter()
        .all(|(i, condition)| condition.passes(&row.values[*i]))
}

/// A task's frame, split into strata, with the exclusions counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Each stratum's values and number of eligible targets, strata in canonical order.
    pub strata: Vec<(Vec<String>, u64)>,
    /// Every eligible target: its row index in the [`Directory`] and the index of its
    /// stratum in `strata`, in directory order.
    pub rows: Vec<(u32, u32)>,
    /// Targets passing the filter and eligible.
    pub size: u64,
    /// Targets passing the filter but excluded, by reason (SPEC.md §6.1).
    pub excluded: BTreeMap<String, u64>,
    /// The excluded rows in table order, each with its reason's index in `reasons`.
    pub excluded_rows: Vec<(u32, u32)>,
    /// The reasons `excluded_rows` index: the plan's status keywords, then
    /// [`EARLIER_BATCH`], [`INSPECTED_RECENTLY`] and [`ANNUAL_CAP`].
    pub reasons: Vec<String>,
    /// The digest of the listed exclusions when their rows are not here (a warehouse's
    /// census gave it, SPEC.md §7.5); `None`: computed from `excluded_rows`.
    pub listed_digest: Option<crate::base::canonical::Hash>,
}

impl Frame {
    /// The rows of the stratum with these values, in directory order.
    pub fn members(&self, stratum: &[String]) -> impl Iterator<Item = usize> + '_ {
        let index = self.strata.iter().position(|(k, _)| k == stratum);
        self.rows
            .iter()
            .filter(move |&&(_, s)| Some(s as usize) == index)
            .map(|&(row, _)| row as usize)
    }

    /// The excluded rows in table order, with their reasons.
    pub fn excluded_rows(&self) -> impl Iterator<Item = (usize, &str)> {
        self.excluded_rows
            .iter()
            .map(|&(row, r)| (row as usize, self.reasons[r as usize].as_str()))
    }

    /// The **listed exclusions** (SPEC.md §6.1): the rows excluded as [`EARLIER_BATCH`],
    /// [`INSPECTED_RECENTLY`] or [`ANNUAL_CAP`] — the rules a SQL engine cannot apply from
    /// the directory alone — as (target id, reason), sorted by target id.
    pub fn listed<'a>(&'a self, targets: &'a Directory) -> Vec<(&'a str, &'a str)> {
        // The reasons are the plan's status keywords, then the three of these rules.
        let first = self.reasons.len() - 3;
        let mut listed: Vec<(&str, &str)> = self
            .excluded_rows
            .iter()
            .filter(|&&(_, r)| r as usize >= first)
            .map(|&(row, r)| (targets.id(row as usize), self.reasons[r as usize].as_str()))
            .collect();
        listed.sort_unstable();
        listed
    }
}

/// What, besides a task's own filter, decides its frame (SPEC.md §6.1).
#[derive(Debug, Clone, Copy)]
pub struct FrameRules<'a> {
    /// What the earlier batches drew.
    pub earlier: &'a crate::draw::earlier::Earlier,
    /// Status keywords that make a target not inspectable.
    pub exclude_status: &'a [String],
    /// Past inspections.
    pub history: Option<&'a History>,
    /// The draw date.
    pub date: Option<Date>,
    /// The annual cap on inspections of one entity.
    pub cap: Option<u64>,
}

use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY};

/// A per-row lookup of something that depends only on a column's value:
/// computed once per distinct value of a coded column, per row otherwise.
enum ByValue<'a, T> {
    Coded {
        codes: &'a [u16],
        per_code: Vec<T>,
    },
    Text {
        dir: &'a Directory,
        column: usize,
        f: Box<dyn Fn(&str) -> T + Sync + 'a>,
    },
}

impl<'a, T: Copy> ByValue<'a, T> {
    fn new(dir: &'a Directory, column: usize, f: impl Fn(&str) -> T + Sync + 'a) -> Self {
        match dir.codes(column) {
            Some((codes, values)) => ByValue::Coded {
                codes,
                per_code: values.iter().map(|v| f(v)).collect(),
            },
            None => ByValue::Text {
                dir,
                column,
                f: Box::new(f),
            },
        }
    }

    fn get(&self, row: usize) -> T {
        match self {
            ByValue::Coded { codes, per_code } => per_code[usize::from(codes[row])],
            ByValue::Text { dir, column, f } => f(dir.value(row, *column)),
        }
    }
}

/// A range of rows' share of a frame: its rows with their strata numbered as met.
#[derive(Default)]
struct Part {
    index: FxHashMap<StratumKey, u32>,
    /// Each stratum met: its key and a row of it.
    met: Vec<(StratumKey, usize)>,
    rows: Vec<(u32, u32)>,
    excluded: Vec<(u32, u32)>,
}

/// A stratum's key while a frame is built: the codes of its coded columns packed
/// in 64 bits, or its values.
#[derive(Clone, PartialEq, Eq, Hash)]
enum StratumKey {
    Packed(u64),
    Values(Vec<String>),
}

/// Rows per unit of parallel work.
const ROWS_PER_JOB: usize = 1 << 16;

/// Computes a task's frame (SPEC.md §6): rows passing the filter and not
/// excluded by status, recent inspection or the annual cap, by stratum.
/// Rows are examined in parallel, in ranges joined in directory order.
pub fn frame(task: &Task, targets: &Directory, rules: &FrameRules<'_>) -> Result<Frame> {
    if task.exclude_inspected.is_some() && rules.history.is_none() {
        return Err(Error::new(ErrorKind::MissingHistory).arg("task", task.id.clone()));
    }
    let clauses = resolve_filter(&task.filter, targets, task, "filter")?;
    let strata_cols: Vec<usize> = task
        .strata
        .iter()
        .zip(&task.strata_at)
        .map(|(c, at)| resolve_column(targets, c, task, "strata", Some(at)))
        .collect::<Result<_>>()?;
    let tests: Vec<ByValue<'_, bool>> = clauses
        .iter()
        .map(|(c, condition)| ByValue::new(targets, *c, |v| condition.passes(v)))
        .collect();
    let keywords = rules.exclude_status;
    let reason_of = |status: &str| {
        eligibility::target_exclusion(status, keywords)
            .and_then(|k| keywords.iter().position(|w| w == k))
    };
    let mut reasons: Vec<String> = keywords.to_vec();
    let earlier_batch = reasons.len() as u32;
    reasons.extend([EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP].map(str::to_owned));
    let status = targets
        .column("status")
        .map(|c| ByValue::new(targets, c, reason_of));
    let histories = rules.history.zip(rules.date);
    // Strata keys: the codes of coded columns packed in a u64 when they fit,
    // otherwise the values themselves.
    let packed: Option<Vec<&[u16]>> = if strata_cols.len() <= 4 {
        strata_cols
            .iter()
            .map(|&c| targets.codes(c).map(|(codes, _)| codes))
            .collect()
    } else {
        None
    };
    let jobs = targets.len().div_ceil(ROWS_PER_JOB);
    let parts: Vec<Part> = (0..jobs)
        .into_par_iter()
        .map(|job| {
            let mut part = Part::default();
            let rows = job * ROWS_PER_JOB..((job + 1) * ROWS_PER_JOB).min(targets.len());
            'rows: for i in rows {
                for test in &tests {
                    if !test.get(i) {
                        continue 'rows;
                    }
                }
                if let Some(by) = &status
                    && let Some(k) = by.get(i)
                {
                    part.excluded.push((i as u32, k as u32));
                    continue;
                }
                let id = targets.id(i);
                if !rules.earlier.drawn.is_empty()
                    && rules
                        .earlier
                        .drawn
                        .contains(&(task.id.clone(), id.to_owned()))
                {
                    part.excluded.push((i as u32, earlier_batch));
                    continue;
                }
                if let Some((history, day)) = histories
                    && task
                        .exclude_inspected
                        .is_some_and(|r| history.recently(id, task, r, day))
                {
                    part.excluded.push((i as u32, earlier_batch + 1));
                    continue;
                }
                if let (Some(cap), Some(day)) = (rules.cap, rules.date) {
                    let this_year = rules.history.map_or(0, |h| h.in_year(id, day))
                        + rules.earlier.visits.get(id).copied().unwrap_or(0);
                    if this_year >= cap {
                        part.excluded.push((i as u32, earlier_batch + 2));
                        continue;
                    }
                }
                let key = match &packed {
                    Some(codes) => StratumKey::Packed(
                        codes.iter().fold(0_u64, |k, c| (k << 16) | u64::from(c[i])),
                    ),
                    None => StratumKey::Values(
                        strata_cols
                            .iter()
                            .map(|&c| targets.value(i, c).to_owned())
                            .collect(),
                    ),
                };
                let next = part.met.len() as u32;
                let local = *part.index.entry(key).or_insert_with_key(|key| {
                    part.met.push((key.clone(), i));
                    next
                });
                part.rows.push((i as u32, local));
            }
            part
        })
        .collect();
    // Strata in canonical order (by their values), then each part's numbering mapped to it.
    let mut by_values: BTreeMap<Vec<String>, u32> = BTreeMap::new();
    let part_values: Vec<Vec<Vec<String>>> = parts
        .iter()
        .map(|part| {
            part.met
                .iter()
                .map(|(key, row)| match key {
                    StratumKey::Values(v) => v.clone(),
                    StratumKey::Packed(_) => strata_cols
                        .iter()
                        .map(|&c| targets.value(*row, c).to_owned())
                        .collect(),
                })
                .collect()
        })
        .collect();
    for values in part_values.iter().flatten() {
        by_values.entry(values.clone()).or_default();
    }
    for (n, index) in by_values.values_mut().enumerate() {
        *index = n as u32;
    }
    let mut counts = vec![0_u64; reasons.len()];
    let mut excluded_rows = Vec::new();
    let mut sizes = vec![0_u64; by_values.len()];
    let mut rows = Vec::with_capacity(parts.iter().map(|p| p.rows.len()).sum());
    for (part, values) in parts.into_iter().zip(&part_values) {
        let global: Vec<u32> = values.iter().map(|v| by_values[v]).collect();
        rows.extend(part.rows.iter().map(|&(row, local)| {
            let s = global[local as usize];
            sizes[s as usize] += 1;
            (row, s)
        }));
        for &(_, reason) in &part.excluded {
            counts[reason as usize] += 1;
        }
        excluded_rows.extend(part.excluded);
    }
    let mut excluded: BTreeMap<String, u64> = BTreeMap::new();
    for (reason, n) in reasons.iter().zip(counts).filter(|&(_, n)| n > 0) {
        *excluded.entry(reason.clone()).or_default() += n;
    }
    let strata: Vec<(Vec<String>, u64)> = by_values.into_keys().zip(sizes).collect();
    let size = rows.len() as u64;
    if size == 0 {
        return Err(Error::new(ErrorKind::EmptyFrame)
            .arg("task", task.id.clone())
            .arg("filter", task.filter.message())
            .arg("rows", targets.len() as u64)
            .arg("excluded", excluded.values().sum::<u64>()));
    }
    Ok(Frame {
        strata,
        rows,
        size,
        excluded,
        excluded_rows,
        reasons,
        listed_digest: None,
    })
}
