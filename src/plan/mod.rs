//! The sampling plan (抽查工作计划): a TOML document of tasks (SPEC.md §4).

mod context;
mod digest;
pub mod filter;
mod model;
mod parse;
mod quota;
mod raw;
mod task;

pub(crate) use context::locate;
pub use model::*;
