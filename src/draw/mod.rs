//! The draw itself: eligibility, tickets, selection, officer matching and the record.

pub mod allocation;
pub mod eligibility;
pub mod history;
pub mod matching;
pub mod record;
pub mod run;
pub mod selection;

pub use run::*;
