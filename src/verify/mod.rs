//! Verification: re-run a draw from its inputs and compare with the record.
//!
//! Nothing in the record is trusted except the seed: every digest, key,
//! ticket, count and team is recomputed from the inputs and compared member
//! by member.
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
//! use shuangsui::{draw, verify, Seed};
//!
//! let json = draw(&inputs, &Seed::unattested("s")?)?.record.to_json();
//! let ok = verify(Source { name: "record.json", bytes: json.as_bytes() }, &inputs)?;
//! assert!(ok.ok());
//! // A record edited after the draw: verification says what differs.
//! let edited = json.replacen("\"E1\"", "\"E9\"", 1);
//! let v = verify(Source { name: "record.json", bytes: edited.as_bytes() }, &inputs)?;
//! assert!(!v.ok());
//! # Ok::<(), shuangsui::Error>(())
//! ```

mod diff;
mod earlier;
mod head;
pub mod ledger;
mod redraw;
mod report;
mod run;

pub use earlier::{EarlierBatch, EarlierOutcome, earlier_batches, refuse_altered_earlier};
pub use head::{RecordHead, id_check_of};
pub use redraw::Options;
pub use report::{Difference, Guarantee, MAX_LISTED, Note, Verification};
pub use run::{verify, verify_with};
