//! Publication: the notices (一公开), the verification kit anyone re-runs a draw from, the
//! inspection results and their deadlines in working days, and the warehouse query that
//! re-computes a selection in SQL.
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
//! use shuangsui::publish::notice::{draw_markdown, Lang, OfficerDisplay, Published};
//! use shuangsui::publish::sql::{selection_query, Data, Dialect};
//! use shuangsui::{draw, Seed};
//!
//! let record = draw(&inputs, &Seed::unattested("s")?)?.record;
//! let notice = draw_markdown(
//!     Lang::Zh, &record, &inputs.plan(), &inputs.officers(), OfficerDisplay::Names, &Published::default(),
//! );
//! assert!(notice.contains("企业公示信息抽查"));
//! let sql = selection_query(&record, "T1", Dialect::DuckDb, Data::Kit)?;
//! assert!(sql.contains("read_csv('targets.csv'"));
//! # Ok::<(), shuangsui::Error>(())
//! ```

pub mod kit;
pub mod notice;
pub mod results;
pub mod sql;
pub mod workdays;
