//! The check: everything a draw does before the seed, with the warnings a clerk should
//! read first.

use crate::draw::eligibility::{self, Officers};
use crate::draw::matching;
use crate::error::{Error, ErrorKind, Result, Warning};
use crate::inputs::Directory;
use crate::plan::Task;
use std::collections::HashMap;

use super::earlier::Earlier;
use super::inputs::Inputs;
use crate::draw::frame;
use crate::draw::history::History;
use crate::draw::selection::{self, Allocated};

/// Everything about a task that does not need the seed: what a clerk reads before the draw.
#[derive(Debug, Clone)]
pub struct TaskCheck<'a> {
    /// The task.
    pub task: &'a Task,
    /// Each stratum: its values, its frame size, the quota applied and the count to draw.
    pub strata: Vec<Allocated>,
    /// Its frame.
    pub(crate) frame: frame::Frame,
    /// The officer pool, by department for a joint task.
    pub(crate) pool: Vec<matching::Part>,
}

impl TaskCheck<'_> {
    /// The number of targets the task draws from (its frame).
    pub fn frame_size(&self) -> u64 {
        self.frame.size
    }

    /// How many targets the filter admits but a rule excludes, by reason (`注销`,
    /// `inspected_recently`, …; SPEC.md §6.1).
    pub fn excluded(&self) -> &std::collections::BTreeMap<String, u64> {
        &self.frame.excluded
    }

    /// The number of targets to draw, over every stratum.
    pub fn count(&self) -> u64 {
        self.strata.iter().map(|s| s.count).sum()
    }

    /// The number of officers who may be drawn for the task (on duty, with a valid
    /// certificate, passing its officer filter), over every department of a joint task.
    pub fn eligible_officers(&self) -> usize {
        self.pool.iter().map(|p| p.pool.len()).sum()
    }
}

/// The outcome of [`check`]: what a draw would do, short of drawing.
#[derive(Debug, Clone)]
pub struct Check<'a> {
    /// One entry per task, in plan order.
    pub tasks: Vec<TaskCheck<'a>>,
    /// Which officers may be drawn.
    pub(crate) officers: Officers,
    /// The history file, indexed.
    pub(crate) history: Option<History>,
    /// What the earlier batches drew.
    pub(crate) earlier: Earlier,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

impl Check<'_> {
    /// The day officers' certificates were checked on (the plan's date); `None` when the
    /// roster has no certificate column, so certificates were not checked.
    pub fn certificates_checked_on(&self) -> Option<crate::dates::Date> {
        self.officers.certificates_checked_on
    }

    /// The officers who cannot be drawn, in roster order: the row, the reason code the
    /// record publishes (不在岗, 证件无效) and what was found.
    pub fn ineligible_officers(&self) -> &[eligibility::Ineligible] {
        &self.officers.ineligible
    }
}

/// Validates everything a draw would and computes frames, counts and
/// officer pools, without a seed (SPEC.md §6, §8.1).
pub fn check(inputs: &Inputs) -> Result<Check<'_>> {
    check_with(inputs, None)
}

/// [`check`], with each task's frame given (in plan order) instead of computed: a directory
/// held in a warehouse, whose census gave the frames (SPEC.md §7.5). The warnings that read
/// the whole directory's values are then the warehouse's to give.
pub(crate) fn check_with(inputs: &Inputs, frames: Option<Vec<frame::Frame>>) -> Result<Check<'_>> {
    let held = frames.is_some();
    if !held {
        inputs.rows_here()?;
    }
    let mut frames = frames.map(Vec::into_iter);
    let mut warnings = Vec::new();
    let officers = eligibility::officers(
        &inputs.officers,
        inputs.plan.date,
        &inputs.plan_source,
        &mut warnings,
    )?;
    let history = inputs.history.as_ref().map(|(t, _)| History::new(t));
    let earlier = Earlier::new(&inputs.earlier, &inputs.plan);
    let rules = frame::FrameRules {
        earlier: &earlier,
        exclude_status: &inputs.plan.exclude_status,
        history: history.as_ref(),
        date: inputs.plan.date,
        cap: inputs.plan.max_inspections_per_year,
    };
    let mut tasks = Vec::with_capacity(inputs.plan.tasks.len());
    for task in &inputs.plan.tasks {
        if task.rotation.is_some() && inputs.history.is_none() {
            return Err(Error::new(ErrorKind::MissingHistory).arg("task", task.id.clone()));
        }
        let frame = match frames.as_mut().and_then(Iterator::next) {
            Some(given) => given,
            None => frame::frame(task, &inputs.targets, &rules)?,
        };
        let (strata, w) = selection::allocate(task, &frame)?;
        warnings.extend(w);
        // Certificates must be valid on the task's inspection date when it has one.
        let eligible = match task.inspection_date {
            Some(day) if Some(day) != inputs.plan.date => {
                eligibility::officers(
                    &inputs.officers,
                    Some(day),
                    &inputs.plan_source,
                    &mut Vec::new(),
                )?
                .eligible
            }
            _ => officers.eligible.clone(),
        };
        let pool = matching::pool(task, &inputs.officers, &eligible)?;
        tasks.push(TaskCheck {
            task,
            strata,
            frame,
            pool,
        });
    }
    if held {
        return Ok(Check {
            tasks,
            officers,
            history,
            earlier,
            warnings,
        });
    }
    for task in &inputs.plan.tasks {
        warnings.extend(unreadable_filter_values(task, &inputs.targets));
    }
    if !inputs.plan.exclude_status.is_empty() && inputs.targets.column("status").is_none() {
        warnings.push(Warning::NoStatusColumn {
            candidates: inputs
                .targets
                .dropped
                .iter()
                .filter(|h| h.contains("状态") || h.to_ascii_lowercase().contains("status"))
                .cloned()
                .collect(),
        });
    }
    warnings.extend(statuses_not_excluded(
        &inputs.targets,
        &inputs.plan.exclude_status,
    ));
    Ok(Check {
        tasks,
        officers,
        history,
        earlier,
        warnings,
    })
}

/// Whether a condition kind applies, its name, and whether a value reads as that kind.
type Readable = (bool, &'static str, fn(&str) -> bool);

/// Values a task's date or number conditions cannot read (`2019-03-05 00:00:00`,
/// `500万元`): they fail the condition silently, so the clerk is told (SPEC.md §4.2).
fn unreadable_filter_values(task: &Task, targets: &Directory) -> Vec<Warning> {
    let mut out = Vec::new();
    for (column, c) in &task.filter.clauses {
        let checks: [Readable; 2] = [
            (c.after.is_some() || c.before.is_some(), "date", |v| {
                crate::dates::Date::parse(v).is_some()
            }),
            (c.min.is_some() || c.max.is_some(), "number", |v| {
                crate::plan::filter::decimal(v).is_some()
            }),
        ];
        let Some(col) = targets.column(column).filter(|&i| targets.is_kept(i)) else {
            continue;
        };
        for (wanted, expected, reads) in checks {
            if !wanted {
                continue;
            }
            let mut rows = 0;
            let mut examples: Vec<String> = Vec::new();
            for (v, n) in distinct_values(targets, col) {
                if !v.is_empty() && !reads(v) {
                    rows += n;
                    if examples.len() < 3 {
                        examples.push(v.to_owned());
                    }
                }
            }
            if rows > 0 {
                out.push(Warning::UnreadableFilterValues {
                    task: task.id.clone(),
                    column: column.clone(),
                    expected,
                    rows,
                    examples,
                });
            }
        }
    }
    out
}

/// Each distinct value of a kept column with its number of rows, in the order of first
/// occurrence: each value examined once, from the column's codes when it is coded (a pass
/// over small integers), not once per row.
fn distinct_values(targets: &Directory, column: usize) -> Vec<(&str, u64)> {
    if let Some((codes, values)) = targets.codes(column) {
        let mut order = Vec::new();
        let mut per_code = vec![0_u64; values.len()];
        for &c in codes {
            let n = &mut per_code[usize::from(c)];
            if *n == 0 {
                order.push(c);
            }
            *n += 1;
        }
        return order
            .into_iter()
            .map(|c| (&*values[usize::from(c)], per_code[usize::from(c)]))
            .collect();
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<(&str, u64)> = Vec::new();
    for row in 0..targets.len() {
        let v = targets.value(row, column);
        let i = *index.entry(v).or_insert_with(|| {
            out.push((v, 0));
            out.len() - 1
        });
        out[i].1 += 1;
    }
    out
}

/// Statuses that hold an exclusion keyword but are not excluded, because
/// keywords match whole statuses or their heads (SPEC.md §6.1): `已注销` is not
/// `注销` unless the plan lists it. Each with its number of rows, in value order.
fn statuses_not_excluded(targets: &Directory, keywords: &[String]) -> Vec<Warning> {
    let Some(column) = targets.column("status").filter(|&c| targets.is_kept(c)) else {
        return Vec::new();
    };
    let mut counts: Vec<(&str, u64)> = distinct_values(targets, column);
    counts.sort_unstable();
    counts
        .into_iter()
        .filter(|(status, _)| eligibility::target_exclusion(status, keywords).is_none())
        .filter_map(|(status, rows)| {
            let keyword = keywords.iter().find(|k| status.contains(k.as_str()))?;
            Some(Warning::StatusNotExcluded {
                status: status.to_owned(),
                keyword: keyword.clone(),
                rows,
            })
        })
        .collect()
}
