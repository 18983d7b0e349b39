//! Earlier batches of a plan: what they drew, for one visit per entity and the annual cap
//! (SPEC.md §6.1).

use crate::plan::Plan;
use std::collections::HashMap;

use crate::draw::record::Record;

/// What the earlier batches of the plan drew (SPEC.md §6.1, §7.3).
#[derive(Debug, Clone, Default)]
pub struct Earlier {
    /// (task id, target id) drawn by an earlier batch.
    pub drawn: std::collections::HashSet<(String, String)>,
    /// Per target: the tasks that drew it in earlier batches, in this plan's task
    /// order (ids this plan lacks after them, in byte order), without repeats.
    pub tasks: HashMap<String, Vec<String>>,
    /// Per target: the visits earlier batches in the calendar year of `plan.date`
    /// gave it (one per batch under `merge`, one per task otherwise).
    pub visits: HashMap<String, u64>,
}

impl Earlier {
    /// Indexes the earlier batches' records for a plan.
    pub fn new(records: &[Record], plan: &Plan) -> Earlier {
        let mut e = Earlier::default();
        let position = |id: &str| plan.tasks.iter().position(|t| t.id == id);
        for r in records {
            let same_year = plan.date.is_some_and(|d| {
                crate::dates::Date::parse(&r.plan.date).is_some_and(|x| x.year == d.year)
            });
            let mut in_batch: HashMap<&str, u64> = HashMap::new();
            for t in &r.tasks {
                for s in &t.selected {
                    e.drawn.insert((t.id.clone(), s.target.clone()));
                    let tasks = e.tasks.entry(s.target.clone()).or_default();
                    if !tasks.contains(&t.id) {
                        tasks.push(t.id.clone());
                    }
                    *in_batch.entry(&s.target).or_default() += 1;
                }
            }
            if same_year {
                let merge = r.plan.one_visit == "merge";
                for (target, n) in in_batch {
                    *e.visits.entry(target.to_owned()).or_default() += if merge { 1 } else { n };
                }
            }
        }
        for tasks in e.tasks.values_mut() {
            tasks.sort_by(|a, b| {
                (position(a).unwrap_or(usize::MAX), a).cmp(&(position(b).unwrap_or(usize::MAX), b))
            });
        }
        e
    }
}
