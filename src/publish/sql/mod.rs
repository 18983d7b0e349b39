//! The SQL query that reproduces a task's target selection in a SQL engine (SPEC.md §7.4).
//!
//! The query computes, from the normalised directory (SPEC.md §3: the verification kit's
//! `targets.csv`, every column text), everything SPEC.md §6–§7 computes from it: the frame
//! filter with its date and number conditions, the status rule, the tickets, each stratum's
//! ranking and the ranks. What it cannot compute it takes from the record, as literals — the
//! task key, each stratum's count, the skipped targets with their ranks (§7.3) — or reads from
//! the kit's `exclusions.csv` and checks against the record — the listed exclusions (§6.1),
//! whose digest is the task's `frame.listed`: the query fails, loudly, when the rows it reads
//! are not those. It returns the task's `selected` targets with their ranks and tickets, in
//! the record's order.
//!
//! Every identifier is quoted and every literal escaped; no `LIKE` is used. An empty cell,
//! which CSV loaders read as NULL, is read as the empty string everywhere.
//!
//! `digest.rs` writes the query that computes a table's canonical digest (SPEC.md §3.4) in the
//! engine, for a directory that never leaves the warehouse.
//!
//! Where things are: `selection.rs` writes the query, in the dialects of `dialect.rs`, with
//! the filter's conditions of `filter.rs`; `exclusions.rs` writes and checks the kit's
//! `exclusions.csv`.

mod check;
mod dialect;
mod digest;
mod exclusions;
mod filter;
mod selection;
mod warehouse;

pub use check::check_query;
pub use dialect::Dialect;
pub use digest::{DigestOf, digest_query, plan_digest_query};
pub use exclusions::{check_exclusions_csv, exclusions_csv};
pub use selection::{Data, selection_query};
pub use warehouse::{candidates_query, census_query};
