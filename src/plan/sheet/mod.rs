//! A plan written from a task sheet (任务表): the clerk's table of the year's tasks, one row a
//! task, turned into the plan's TOML, commented as `init`'s example plan is, and checked by
//! [`Plan::parse`](crate::Plan::parse) before it is returned (SPEC.md §4.1).
//!
//! - `columns`: the header, by the names a clerk gives the columns;
//! - `cells`: the cells as a clerk writes them (`3%`, `0.03`, `40户`, `按比例` …);
//! - `read`: the rows read into tasks, every problem at its cell ([`from_task_sheet`]);
//! - `render`: the TOML written, and where each line came from;
//! - `model`: what is given and returned.

mod cells;
mod columns;
mod model;
mod read;
mod render;

pub use model::{Allocation, PlanHeader, SheetPlan, SheetQuota, SheetTask};
pub use read::from_task_sheet;
