//! Past inspections (检查记录): recent-inspection exclusions, the annual
//! cap and officer rotation (SPEC.md §6.1, §8.1).

use std::collections::HashMap;

use crate::dates::Date;
use crate::inputs::Table;
use crate::plan::{Recency, Task, Window};

/// One past inspection of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Past {
    /// When.
    pub date: Date,
    /// The task id recorded, if any.
    pub task: String,
    /// The item recorded, if any.
    pub item: String,
    /// The officer ids recorded (split as [`crate::base::normalize::split_list`] does).
    pub officers: Vec<String>,
}

/// The history file, indexed by entity id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    by_entity: HashMap<String, Vec<Past>>,
}

impl History {
    /// Indexes a parsed history table.
    pub fn new(table: &Table) -> History {
        let col = |name: &str| table.column(name);
        let (task, item, officers) = (col("task"), col("item"), col("officers"));
        let mut by_entity: HashMap<String, Vec<Past>> = HashMap::new();
        for row in &table.rows {
            let Some(date) = Date::parse(table.name(row)) else {
                continue;
            };
            let get = |c: Option<usize>| c.map(|c| row.values[c].clone()).unwrap_or_default();
            let officers = crate::base::normalize::split_list(&get(officers))
                .map(crate::base::normalize::identifier)
                .collect();
            by_entity
                .entry(table.id(row).to_owned())
                .or_default()
                .push(Past {
                    date,
                    task: get(task),
                    item: get(item),
                    officers,
                });
        }
        History { by_entity }
    }

    /// Every entity with a past inspection, in no particular order.
    pub(crate) fn entities(&self) -> impl Iterator<Item = &str> {
        self.by_entity.keys().map(String::as_str)
    }

    /// The past inspections of an entity.
    pub fn of(&self, entity: &str) -> &[Past] {
        self.by_entity.get(entity).map_or(&[], Vec::as_slice)
    }

    /// True when the entity was inspected within the task's window before
    /// `day`, counting only the task's items (or its id) when `same_item`.
    pub fn recently(&self, entity: &str, task: &Task, rule: Recency, day: Date) -> bool {
        self.of(entity).iter().any(|p| {
            within(p.date, rule.within, day)
                && (!rule.same_item || task.items.contains(&p.item) || p.task == task.id)
        })
    }

    /// Inspections of an entity in the calendar year of `day`.
    pub fn in_year(&self, entity: &str, day: Date) -> u64 {
        self.of(entity)
            .iter()
            .filter(|p| p.date.year == day.year)
            .count() as u64
    }
}

/// True when a past date counts within a window before `day`: the same
/// calendar year, or from `n` days before `day` to `day` inclusive.
pub fn within(date: Date, window: Window, day: Date) -> bool {
    match window {
        Window::CalendarYear => date.year == day.year,
        Window::Days(n) => {
            let (d, today) = (date.days_since_epoch(), day.days_since_epoch());
            d <= today && today - d <= i64::try_from(n).unwrap_or(i64::MAX)
        }
    }
}
