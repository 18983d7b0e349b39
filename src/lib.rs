//! # shuangsui — verifiable 双随机、一公开 draws
//!
//! China's "double random, one disclosure" inspections pick the enterprises
//! to inspect at random from a target directory (检查对象名录库) and the
//! inspecting officers at random from an officer roster (执法检查人员名录库).
//! This crate makes such a draw *verifiable*: the inputs are hashed
//! canonically, the draw is derived from a seed by SHA-256 alone as
//! specified in `SPEC.md`, and anyone holding the record and the inputs can
//! re-run it and get the same bytes.
//!
//! The library does no file I/O and never prints: callers pass bytes in and
//! get values and typed errors back.
//!
//! ```
//! use shuangsui::{draw, verify, Inputs, Seed, Source};
//!
//! let plan = r#"
//! [plan]
//! id = "420100-2027-01"
//! name = "2027年度双随机抽查计划"
//! authority = "武汉市市场监督管理局"
//!
//! [[tasks]]
//! id = "T1"
//! name = "企业公示信息抽查"
//! ratio = "50%"
//! team_size = 2
//! "#;
//! let targets = "id,name\n91110000802100433B,北京百度网讯科技有限公司\n9144030071526726XG,腾讯科技（深圳）有限公司\n";
//! let officers = "id,name\nE1,张三\nE2,李四\nE3,王五\n";
//!
//! let inputs = Inputs::parse(
//!     Source { name: "plan.toml", bytes: plan.as_bytes() },
//!     Source { name: "targets.csv", bytes: targets.as_bytes() },
//!     Source { name: "officers.csv", bytes: officers.as_bytes() },
//! )?;
//! let outcome = draw(&inputs, &Seed::unattested("2027-01-15 公开摇号")?)?;
//! assert_eq!(outcome.record.tasks[0].selected.len(), 1);
//! assert_eq!(outcome.record.tasks[0].selected[0].officers.len(), 2);
//!
//! let json = outcome.record.to_json();
//! let check = verify(Source { name: "record.json", bytes: json.as_bytes() }, &inputs)?;
//! assert!(check.ok());
//! # Ok::<(), shuangsui::Error>(())
//! ```
//!
//! ## The modules, in the order a draw runs
//!
//! [`inputs`] reads and digests the tables, [`plan`] the plan; the [`ceremony`] freezes them
//! and makes the [`Seed`]; [`draw`](mod@draw) selects the targets and matches the officers into a
//! [`Record`]; [`verify`](mod@verify) re-runs it (and [`verify::ledger`] amends it); [`publish`] renders
//! the notices, results and the warehouse query. Beside them: [`error`], [`messages`] (every
//! text in Chinese and English), [`dates`], [`schemas`], and `synth` (synthetic data,
//! feature `synth`). The examples in `examples/` embed a draw in a service, run the ceremony,
//! verify a kit and amend a draw.
//!
//! ## What is stable
//!
//! - **The draw** is versioned by SPEC.md's spec version, not by this crate's: a record of
//!   spec version 2 verifies, byte for byte, with every release that implements version 2.
//! - **The API** is what these docs show. Before 1.0 a release may change it, and
//!   CHANGELOG.md lists every change under "Breaking"; after 1.0, semver. The module
//!   `internal` (hidden from these docs) is for this crate's own tests and benchmarks and
//!   may change in any release.
//! - **Errors**: an [`ErrorKind`]'s name ([`ErrorKind::as_str`]) is stable, and so are the
//!   names [`Error::value`] gives; the message texts, in either language, may improve in any
//!   release — match on the kind, show the message.
//! - **Files**: the record, the announcement and the kit follow the JSON Schemas in
//!   `schemas/` ([`schemas`]), versioned with the spec.

pub mod api;
pub(crate) mod base;
pub mod ceremony;
pub mod dates;
pub mod draw;
pub mod error;
pub mod inputs;
#[doc(hidden)]
pub mod internal;
pub mod messages;
pub mod plan;
pub mod publish;
pub mod schemas;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod verify;

pub use ceremony::seed::Seed;
pub use draw::record::Record;
pub use draw::{
    Check, DirectoryElsewhere, DirectorySource, Draw, Exclusions, InputOptions, Inputs, Source,
    check, draw,
};
pub use error::{Error, ErrorKind, Location, Result, Warning};
pub use plan::Plan;
pub use verify::{Verification, verify};

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
