//! The verification kit: the directory of public files from which anyone re-runs a draw —
//! the plan and the record as given, the public copies of the tables (only the columns the
//! plan reads, never personal data), the exclusions a SQL engine cannot compute, the earlier
//! records, the announcement with its time-stamp, `reproduce.py` (the independent Python
//! implementation of SPEC.md) and a README listing every file and the commands that verify
//! it. Before the draw, [`frozen`] gives the public copies of an announcement's frozen inputs
//! in the same way.
//!
//! Both are lists of files ([`Kit`]): the library writes nothing, the caller publishes them.
//! The README's texts come from the catalog (`kit-…`, `frozen-…` in `src/messages/*.ftl`);
//! the command lines it shows are the caller's ([`KitOptions`], [`FrozenOptions`]), spelled
//! as its tools spell them.
//!
//! - `model.rs`: what a kit is built from, and the kit;
//! - `build.rs`: the kit's files; `readme.rs`: its README;
//! - `frozen.rs`: the frozen inputs.
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
//! use shuangsui::publish::kit::{self, Given, KitOptions};
//! use shuangsui::publish::notice::{Lang, OfficerDisplay};
//! use shuangsui::{draw, Seed};
//!
//! let record = draw(&inputs, &Seed::unattested("s")?)?.record.to_json();
//! // The command lines, as the command-line tool spells them.
//! let kit = kit::build(
//!     &inputs,
//!     &Given { record: record.as_bytes(), plan: plan.as_bytes(), earlier: &[] },
//!     &KitOptions {
//!         lang: Lang::En,
//!         officers: OfficerDisplay::Hidden,
//!         tsa_cert: None,
//!         verify: "shuangsui verify record.json --plan plan.toml --targets targets.csv --officers officers.csv",
//!         reproduce: "python3 reproduce.py record.json plan.toml targets.csv officers.csv",
//!         sql: Some("shuangsui sql --record record.json --task T1 > T1.sql\nduckdb < T1.sql"),
//!     },
//! )?;
//! let names: Vec<&str> = kit.files.iter().map(|(path, _)| path.as_str()).collect();
//! assert_eq!(
//!     names,
//!     ["plan.toml", "targets.csv", "officers.csv", "record.json", "reproduce.py", "SPEC.md", "verify.html",
//!      "exclusions.csv", "README.md"]
//! );
//! // Names hidden in the notice are not in the kit either.
//! assert_eq!(kit.file("officers.csv"), Some(&b"id\nE1\nE2\nE3\n"[..]));
//! let readme = String::from_utf8_lossy(kit.file("README.md").unwrap());
//! assert!(readme.contains("- `targets.csv`: the target directory's public copy, columns: id, name;"));
//! assert!(readme.contains("```sh\nshuangsui verify record.json --plan plan.toml"));
//! # Ok::<(), shuangsui::Error>(())
//! ```

mod build;
mod frozen;
mod model;
mod readme;

pub use build::build;
pub use frozen::frozen;
pub use model::{FrozenOptions, Given, Kit, KitOptions};
