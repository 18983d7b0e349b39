//! Public notices (一公开): the draw notice (抽查任务公告) and the result notice
//! (抽查结果公告), as self-contained HTML, Markdown and CSV. Nothing here reads files or
//! prints.
//!
//! - `draw.rs`: the notice of a draw — plan, seed provenance, digests, strata, teams, how to
//!   verify;
//! - `results.rs`: the result notice in the national platform's columns;
//! - `common.rs`: what both share (language, escaping, the page, how to verify).

mod common;
mod draw;
mod draw_chart;
mod draw_seed;
mod draw_teams;
mod results;

pub use common::{Lang, from_people_csv_cell, people_csv_cell, task_type};
pub use draw::{OfficerDisplay, Published, draw_csv, draw_html, draw_markdown};
pub use results::{results_csv, results_html, results_markdown};
