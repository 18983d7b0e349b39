//! The draw itself: eligibility, tickets, selection, officer matching and the record.

pub mod allocation;
pub mod check;
pub mod earlier;
pub mod eligibility;
pub mod frame;
pub mod history;
pub mod inputs;
pub mod matching;
pub mod record;
pub mod run;
pub mod selection;
pub mod tickets;

pub use check::{Check, TaskCheck, check};
pub use earlier::Earlier;
pub use inputs::{DirectorySource, InputOptions, Inputs, Source, table_options};
pub use run::{Draw, Exclusions, draw};
