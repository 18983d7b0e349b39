//! Public notices (一公开): the draw notice (抽查任务公告) and the result notice
//! (抽查结果公告). Each is built once from the record as a [`Notice`] (a plain view model:
//! title, sections, facts, lists and tables of text cells), and every format is rendered from
//! that one model: HTML, Markdown and CSV here, the spreadsheet by the command-line tool.
//! Their texts come from the message catalog (`notice-…` in `src/messages/*.ftl`). Nothing
//! here reads files or prints.
//!
//! - `model.rs`: the view model;
//! - `draw.rs`: the notice of a draw — its 正文 (`draw_lead.rs`), plan, seed provenance
//!   (`draw_seed.rs`), digests,
//!   strata, teams after amendments (`draw_teams.rs`), how to verify;
//! - `results.rs`: the result notice in the national platform's columns;
//! - `announce.rs`: the announcement's notice (抽查公告), posted before the draw;
//! - `html.rs` (maud templates, escaping every value), `markdown.rs`, `csv.rs`: the
//!   renderers;
//! - `text.rs`: the catalog's texts, with code spans; `common.rs`: what both notices share.

mod announce;
mod common;
mod csv;
mod draw;
mod draw_lead;
mod draw_seed;
mod draw_teams;
mod html;
mod markdown;
mod model;
mod results;
mod text;

pub use crate::messages::Lang;
pub use announce::announcement_notice;
pub use common::{people_csv_cell, task_type};
pub use csv::people_csv;
pub use draw::{
    OfficerDisplay, Published, draw_csv, draw_html, draw_markdown, draw_notice, exclusion_label,
};
pub use model::{
    Bar, Block, CellKind, Chart, Column, Data, Fact, Hooks, List, Notice, Paragraph, Rich, Row,
    Section, Sheet, Signature, Span, Table,
};
pub use results::{Issued, results_csv, results_html, results_markdown, results_notice};
pub use text::written_date;
