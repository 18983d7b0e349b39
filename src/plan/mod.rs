//! The sampling plan (抽查工作计划): a TOML document of tasks (SPEC.md §4).
//!
//! ```
//! use shuangsui::Plan;
//!
//! let text = r#"
//! [plan]
//! id = "420100-2027-01"
//! name = "2027年度双随机抽查计划"
//! authority = "武汉市市场监督管理局"
//!
//! [[tasks]]
//! id = "T1"
//! name = "食品经营者抽查"
//! filter = { industry = ["食品经营"] }
//! ratio = "5%"
//! team_size = 2
//! "#;
//! let plan = Plan::parse("plan.toml", text.as_bytes())?;
//! assert_eq!(plan.tasks[0].id, "T1");
//! // The digest is of the TOML tree: comments and layout do not change it.
//! let again = Plan::parse("plan.toml", format!("# 注释\n{text}").as_bytes())?;
//! assert_eq!(plan.digest, again.digest);
//!
//! let e = Plan::parse("plan.toml", text.replace("5%", "5 percent").as_bytes()).unwrap_err();
//! assert_eq!(e.kind(), "plan_value");
//! assert_eq!(e.location().unwrap().to_string(), "plan.toml:11:9");
//! # Ok::<(), shuangsui::Error>(())
//! ```

mod context;
mod digest;
pub mod filter;
mod model;
mod parse;
mod quota;
mod raw;
pub mod sheet;
mod task;
mod toml_error;

pub(crate) use context::locate;
pub use model::*;
