//! The ceremony: the announcement that freezes the inputs, the public beacon round that
//! did not exist then, RFC 3161 time-stamps, and the seed they make (SPEC.md §5.3).
//!
//! The library has no clock and no network: the caller gives the time an announcement is
//! made, and later the round drand published ([`beacon::Round`]), which [`attest`] checks
//! (offline, with the `beacon` feature) before it gives the seed.
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
//! use shuangsui::ceremony::{self, beacon, Request};
//! use shuangsui::dates::parse_rfc3339;
//!
//! let now = parse_rfc3339("2027-01-15T02:00:00Z").unwrap();
//! let request = Request {
//!     now,
//!     margin_secs: ceremony::DEFAULT_MARGIN_SECS,
//!     not_before: None,
//!     dice: "3 1 4".into(),
//!     parties: vec![],
//!     previous: String::new(),
//!     replaces: None,
//! };
//! let a = ceremony::announce(&inputs.committed(), &request)?;
//! // The round is one that does not exist yet: ten minutes or more after the announcement.
//! assert!(beacon::time_of(a.beacon.round) >= now + 600);
//! assert_eq!(a.inputs.targets.digest, inputs.committed().inputs.targets.digest);
//! # Ok::<(), shuangsui::Error>(())
//! ```

mod announce;
mod announcement;
mod attest;
pub mod beacon;
pub mod seed;
pub mod timestamp;

pub use announce::*;
pub use announcement::*;
pub use attest::*;
