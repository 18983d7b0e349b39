//! The draw itself: from the [`Inputs`] and a [`Seed`](crate::Seed) to a sealed
//! [`Record`](record::Record) — eligibility, the frame, quotas, tickets, selection, officer
//! matching (SPEC.md §6–§9). [`check`] does everything but the draw and says what a clerk
//! should read first.
//!
//! ```
//! # use shuangsui::{Inputs, Source};
//! # let plan = "[plan]\nid = \"420100-2027-01\"\nname = \"2027年度双随机抽查计划\"\nauthority = \"武汉市市场监督管理局\"\n\n[[tasks]]\nid = \"T1\"\nname = \"企业公示信息抽查\"\nratio = \"50%\"\nteam_size = 2\n";
//! # let targets = "id,name\n91110000802100433B,北京百度网讯科技有限公司\n9144030071526726XG,腾讯科技（深圳）有限公司\n";
//! # let officers = "id,name\nE1,张三\nE2,李四\nE3,王五\n";
//! # let inputs = Inputs::parse(
//! #     Source { name: "plan.toml", bytes: plan.as_bytes() },
//! #     Source { name: "targets.csv", bytes: targets.as_bytes() },
//! #     Source { name: "officers.csv", bytes: officers.as_bytes() },
//! # )?;
//! use shuangsui::{check, draw, Seed};
//!
//! let checked = check(&inputs)?;
//! // The directory has no status column: nobody is excluded by status, and the check says so.
//! for w in &checked.warnings { println!("{w}"); }
//! assert!(checked.warnings.iter().any(|w| matches!(w, shuangsui::Warning::NoStatusColumn { .. })), "{:?}", checked.warnings);
//! let outcome = draw(&inputs, &Seed::unattested("2027-01-15 公开摇号")?)?;
//! let task = &outcome.record.tasks[0];
//! assert_eq!(task.selected.len(), 1); // 50% of two
//! assert_eq!(task.selected[0].officers.len(), 2);
//! # Ok::<(), shuangsui::Error>(())
//! ```

pub(crate) mod allocation;
pub(crate) mod census;
mod check;
mod earlier;
pub(crate) mod eligibility;
pub(crate) mod frame;
pub(crate) mod history;
pub(crate) mod inputs;
pub(crate) mod matching;
pub mod record;
mod run;
pub(crate) mod selection;
pub(crate) mod tickets;
pub mod warehouse;

pub use check::{Check, TaskCheck, check};
pub use earlier::Earlier;
pub use eligibility::Ineligible;
pub use inputs::{
    DirectoryElsewhere, DirectorySource, InputOptions, Inputs, Source, table_options,
};
pub use run::{Draw, Exclusions, draw};
pub use selection::Allocated;
