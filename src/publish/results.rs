//! Inspection results (抽查结果) and their publication deadlines.
//!
//! After the draw each selected entity is inspected for each of its task's items, and one
//! result per entity and item is published within 20 working days of the inspection. This
//! module matches a results table to a record, checks it (every drawn entity and item has
//! exactly one result, no result names an entity that was not drawn, results use the national
//! vocabulary, no inspection precedes the draw) and computes each deadline on the
//! working-day calendar ([`crate::publish::workdays`]).

use std::collections::BTreeMap;

use crate::dates::Date;
use crate::draw::record::Record;
use crate::error::{Error, ErrorKind, Location, MAX_PROBLEMS, Result};
use crate::inputs::Table;
use crate::messages::{Arg, msg};
use crate::publish::workdays::Calendar;

/// Working days between an inspection and the publication of its result.
pub const DEADLINE_WORKING_DAYS: u32 = 20;

/// The result of an entity recorded unreachable in the ledger (SPEC.md §9.4).
pub const UNREACHABLE: &str = "通过登记的住所（经营场所）无法联系";

/// The result vocabulary of the national platform (国家企业信用信息公示系统).
pub const VOCABULARY: &[&str] = &[
    "未发现问题",
    "未按规定公示应当公示的信息",
    "公示信息隐瞒真实情况弄虚作假",
    UNREACHABLE,
    "不配合检查情节严重",
    "发现问题经责令已改正",
    "未发现开展本次抽查涉及的经营活动",
    "已关闭停业或正在清算",
    "注销",
    "被吊销",
    "被撤销",
    "迁出",
];

/// The canonical form of a result, or `None` when it is not in the vocabulary. Half-width
/// brackets are accepted for full-width ones; `违反其他…相关规定` names the provision violated.
pub fn canonical_result(value: &str) -> Option<String> {
    let v: String = crate::base::normalize::text(value)
        .replace('(', "（")
        .replace(')', "）");
    if VOCABULARY.contains(&v.as_str()) {
        return Some(v);
    }
    (v.starts_with("违反其他") && v.ends_with("相关规定") && v.chars().count() > 8).then_some(v)
}

/// (task, selected, item) positions in the record.
type Key = (usize, usize, usize);
/// (entity, name, item, recorded unreachable).
type Expected<'a> = (&'a str, &'a str, &'a str, bool);

/// One published result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The task that drew the entity.
    pub task: String,
    /// The entity's id.
    pub entity: String,
    /// The entity's name, from the record.
    pub name: String,
    /// The item (抽查事项); `""` for a task without items.
    pub item: String,
    /// When the inspection was completed (检查完成日期).
    pub date: Date,
    /// The result, in its canonical form.
    pub result: String,
    /// The remark (备注).
    pub remark: String,
    /// The line of the results table it comes from.
    pub line: u64,
    /// The last day to publish it: [`DEADLINE_WORKING_DAYS`] working days after `date`.
    pub deadline: Date,
}

/// Where a result stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The deadline has passed: by this many working days.
    Overdue(u32),
    /// The deadline is today or within this many working days.
    Soon(u32),
    /// Further away.
    Later,
}

/// The results of a draw, in record order: task by task, entity by entity, item by item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    /// One per drawn entity and item.
    pub outcomes: Vec<Outcome>,
}

impl Results {
    /// Matches a results table (kind [`crate::inputs::TableKind::Results`]) to a record and
    /// checks it. Every problem is reported, with its line, as an error of the kind `result_problems`.
    pub fn check(record: &Record, table: &Table, calendar: &Calendar) -> Result<Results> {
        Results::check_as_of(record, table, calendar, None)
    }

    /// [`Results::check`], and no inspection completed after `today` (the caller's clock:
    /// the library reads none). A cause shared by many rows — a year the calendar does not
    /// hold — is reported once, and a row refused is not reported missing as well.
    pub fn check_as_of(
        record: &Record,
        table: &Table,
        calendar: &Calendar,
        today: Option<Date>,
    ) -> Result<Results> {
        let col = |name: &str| table.column(name);
        let (item_col, task_col, result_col, remark_col) =
            (col("item"), col("task"), col("result"), col("remark"));
        let Some(result_col) = result_col else {
            return Err(Error::new(ErrorKind::MissingColumn)
                .at(Location::at(&table.source, 1, 1))
                .arg("column", "检查结果 (result)")
                .arg("found", table.columns.join(", ")));
        };
        // (task, entity, item) → (name, unreachable) for every drawn entity and item.
        let unreachable: Vec<(&str, &str)> = record
            .ledger
            .iter()
            .filter(|e| e.kind == "unreachable")
            .map(|e| (e.task.as_str(), e.target.as_str()))
            .collect();
        let mut expected: BTreeMap<Key, Expected<'_>> = BTreeMap::new();
        let none = [String::new()];
        for (t, task) in record.tasks.iter().enumerate() {
            let items: &[String] = if task.items.is_empty() {
                &none
            } else {
                &task.items
            };
            for (s, sel) in task.selected.iter().enumerate() {
                let gone = unreachable
                    .iter()
                    .any(|(ut, ue)| (ut.is_empty() || *ut == task.id) && *ue == sel.target);
                for (i, item) in items.iter().enumerate() {
                    expected.insert(
                        (t, s, i),
                        (sel.target.as_str(), sel.name.as_str(), item.as_str(), gone),
                    );
                }
            }
        }
        let drawn_on = Date::parse(&record.plan.date).or_else(|| record.beacon_day());
        let mut problems: Vec<Error> = Vec::new();
        let mut total = 0u64;
        // A problem of a row, placed at the cell of `column`.
        let mut problem = |line: u64, column: Option<&str>, problem: Error| {
            total += 1;
            if problems.len() < MAX_PROBLEMS {
                let at = table.at(line, column.and_then(|c| table.column(c)));
                problems.push(problem.at(at));
            }
        };
        let mut found: BTreeMap<(usize, usize, usize), Outcome> = BTreeMap::new();
        // Rows matched to a drawn entity and item but refused: not missing as well.
        let mut refused: std::collections::BTreeSet<Key> = std::collections::BTreeSet::new();
        // The calendar's errors, once each (a year it lacks fails every date in it).
        let mut calendar_errors: std::collections::BTreeSet<String> =
            std::collections::BTreeSet::new();
        for row in &table.rows {
            let get = |c: Option<usize>| c.map(|c| row.values[c].clone()).unwrap_or_default();
            let entity = table.id(row).to_owned();
            let item = crate::base::normalize::text(&get(item_col));
            let task = get(task_col);
            let Some(date) = Date::parse(table.name(row)) else {
                problem(
                    row.line,
                    Some("date"),
                    Error::with_id(ErrorKind::Results, "results-no-date"),
                );
                continue;
            };
            let candidates: Vec<Key> = expected
                .iter()
                .filter(|((t, _, _), (e, _, i, _))| {
                    *e == entity
                        && (task.is_empty() || record.tasks[*t].id == task)
                        && (*i == item || (i.is_empty() && item.is_empty()))
                })
                .map(|(k, _)| *k)
                .collect();
            let key = match candidates.as_slice() {
                [k] => *k,
                [] => {
                    let drawn_by: Vec<&str> = record
                        .tasks
                        .iter()
                        .filter(|t| t.selected.iter().any(|s| s.target == entity))
                        .map(|t| t.id.as_str())
                        .collect();
                    let message = if drawn_by.is_empty() {
                        Error::with_id(ErrorKind::Results, "results-not-drawn")
                            .arg("entity", &entity)
                    } else {
                        let items: Vec<String> = record
                            .tasks
                            .iter()
                            .filter(|t| {
                                drawn_by.contains(&t.id.as_str())
                                    && (task.is_empty() || t.id == task)
                            })
                            .flat_map(|t| t.items.iter().map(move |i| format!("{}: {i}", t.id)))
                            .collect();
                        let other = if task.is_empty() {
                            Error::with_id(ErrorKind::Results, "results-other-item")
                        } else {
                            Error::with_id(ErrorKind::Results, "results-other-item-in-task")
                                .arg("task", &task)
                        };
                        other
                            .arg("entity", &entity)
                            .arg("tasks", drawn_by.join(", "))
                            .arg("item", &item)
                            .arg(
                                "items",
                                if items.is_empty() {
                                    Arg::from(msg("results-no-items"))
                                } else {
                                    Arg::from(items.join("; "))
                                },
                            )
                    };
                    problem(
                        row.line,
                        Some(if drawn_by.is_empty() {
                            "entity"
                        } else {
                            "item"
                        }),
                        message,
                    );
                    continue;
                }
                many => {
                    let tasks: Vec<&str> = many
                        .iter()
                        .map(|(t, _, _)| record.tasks[*t].id.as_str())
                        .collect();
                    problem(
                        row.line,
                        Some("entity"),
                        Error::with_id(ErrorKind::Results, "results-several-tasks")
                            .arg("entity", &entity)
                            .arg("item", &item)
                            .arg("tasks", tasks.join(", ")),
                    );
                    continue;
                }
            };
            // The result's word, once the row is known to be a drawn entity's: a row refused
            // for it is not reported missing as well.
            let raw_result = get(Some(result_col));
            let Some(result) = canonical_result(&raw_result) else {
                refused.insert(key);
                problem(
                    row.line,
                    Some("result"),
                    Error::with_id(ErrorKind::Results, "results-not-vocabulary")
                        .arg("result", raw_result)
                        .arg("vocabulary", VOCABULARY.join("、")),
                );
                continue;
            };
            let (_, name, _, gone) = expected[&key];
            if let Some(today) = today
                && date > today
            {
                refused.insert(key);
                problem(
                    row.line,
                    Some("date"),
                    Error::with_id(ErrorKind::Results, "results-after-today")
                        .arg("date", date.to_string())
                        .arg("today", today.to_string()),
                );
                continue;
            }
            if let Some(first) = found.get(&key) {
                problem(
                    row.line,
                    Some("entity"),
                    Error::with_id(ErrorKind::Results, "results-second")
                        .arg("entity", &entity)
                        .arg("item", &item)
                        .arg("first", first.line),
                );
                continue;
            }
            if gone && result != UNREACHABLE {
                refused.insert(key);
                problem(
                    row.line,
                    Some("result"),
                    Error::with_id(ErrorKind::Results, "results-unreachable")
                        .arg("entity", &entity)
                        .arg("unreachable", UNREACHABLE)
                        .arg("result", &result),
                );
                continue;
            }
            if let Some(drawn) = drawn_on
                && date < drawn
            {
                refused.insert(key);
                problem(
                    row.line,
                    Some("date"),
                    Error::with_id(ErrorKind::Results, "results-before-draw")
                        .arg("date", date.to_string())
                        .arg("drawn", drawn.to_string()),
                );
                continue;
            }
            let deadline = match calendar.add_working_days(date, DEADLINE_WORKING_DAYS) {
                Ok(d) => d,
                Err(e) => {
                    // The calendar's own error (a year it does not hold), at the first date
                    // it fails: once, not for every row of that year.
                    refused.insert(key);
                    if calendar_errors.insert(e.to_string()) {
                        problem(row.line, Some("date"), e);
                    }
                    continue;
                }
            };
            found.insert(
                key,
                Outcome {
                    task: record.tasks[key.0].id.clone(),
                    entity,
                    name: name.to_owned(),
                    item,
                    date,
                    result,
                    remark: get(remark_col),
                    line: row.line,
                    deadline,
                },
            );
        }
        let missing: Vec<Error> = expected
            .iter()
            .filter(|(k, _)| !found.contains_key(k) && !refused.contains(k))
            .map(|((t, _, _), (e, n, i, _))| {
                let missing = if i.is_empty() {
                    Error::with_id(ErrorKind::Results, "results-missing")
                } else {
                    Error::with_id(ErrorKind::Results, "results-missing-item").arg("item", *i)
                };
                missing
                    .arg("entity", *e)
                    .arg("name", *n)
                    .arg("task", &record.tasks[*t].id)
            })
            .collect();
        for m in missing {
            total += 1;
            if problems.len() < MAX_PROBLEMS {
                problems.push(m.at(Location::file(&table.source)));
            }
        }
        if total > 0 {
            return Err(Error::problems(
                ErrorKind::ResultProblems,
                &table.source.clone(),
                problems,
                total,
            ));
        }
        Ok(Results {
            outcomes: found.into_values().collect(),
        })
    }
}

impl Outcome {
    /// Where this result stands on `today`: overdue, due within `soon` working days, or later.
    pub fn due(&self, calendar: &Calendar, today: Date, soon: u32) -> Result<Due> {
        if today > self.deadline {
            return Ok(Due::Overdue(
                calendar.working_days_between(self.deadline, today)?,
            ));
        }
        let left = calendar.working_days_between(today, self.deadline)?;
        Ok(if left <= soon {
            Due::Soon(left)
        } else {
            Due::Later
        })
    }
}
