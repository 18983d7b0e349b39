//! A plan written from a task sheet (任务表): the clerk's table of the year's tasks, one row a
//! task, turned into the plan's TOML, commented as `init`'s example plan is, and checked by
//! [`Plan::parse`](crate::Plan::parse) before it is returned (SPEC.md §4.1).
//!
//! - `columns`: the header, by the names a clerk gives the columns;
//! - `cells`: the cells as a clerk writes them (`3%`, a percent cell's `0.03`, `40户`,
//!   `按比例` …);
//! - `layout`: the sheet as Excel shows it: a merged cell's value in every row it covers, a
//!   number as its format shows it;
//! - `read`: the sheet read into tasks ([`from_task_sheet`]), every problem at its cell;
//! - `row`: a row read as a task;
//! - `render`: the TOML written, and where each line came from;
//! - `model`: what is given and returned.

mod cells;
mod columns;
mod layout;
mod model;
mod read;
mod render;
mod row;

pub use model::{Allocation, MergedValue, PlanHeader, SheetPlan, SheetQuota, SheetTask};
pub use read::from_task_sheet;
