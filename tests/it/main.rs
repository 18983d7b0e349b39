//! The integration tests, in one binary (`cargo test --test it`): one module per subject,
//! and the setup they share in [`fixtures`]. Run one subject with its module path, e.g.
//! `cargo test --test it ceremony::`.

mod fixtures;

mod acceptance;
mod anchor;
mod annual_plan;
mod api;
mod browser;
mod ceremony;
mod clerk_day;
mod cli;
mod crash;
mod exports;
mod formats;
mod fuzz_regressions;
mod limits;
mod minimal;
mod national;
mod outputs;
mod properties;
mod publish;
mod results;
mod rulebook;
mod schemas;
mod steering;
mod streaming;
mod tamper;
mod task_sheet;
mod timestamp;
mod uscc;
mod vectors;
mod warehouse;
