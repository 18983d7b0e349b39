//! The flags of the commands that give a user files to start from: `demo`, `init`, `plan`,
//! `gen` and `schema`.

use std::path::PathBuf;

use clap::Args;

use super::values::{self, TextEncoding};

/// `shuangsui demo`.
#[derive(Args)]
pub struct DemoArgs {
    /// Where to write plan.toml, targets.csv, officers.csv and record.json
    #[arg(long, default_value = "shuangsui-demo")]
    pub out: PathBuf,
    /// Overwrite files that exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui init`.
#[derive(Args)]
pub struct InitArgs {
    /// The directory to write into (created if missing)
    pub dir: PathBuf,
    /// Overwrite files that exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui plan --from 任务表.xlsx`.
#[derive(Args)]
pub struct PlanArgs {
    /// The task sheet: .xlsx or .csv, one row a task under a header row (任务编号, 任务名称, 抽查比例 or 抽查数量, …)
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// The plan's id (计划编号)
    #[arg(long)]
    pub id: String,
    /// The plan's name (计划名称)
    #[arg(long)]
    pub name: String,
    /// The authority carrying out the inspections, for the notices
    #[arg(long)]
    pub authority: Option<String>,
    /// The draw date: officers' certificates must be valid on it (2027-01-15, 2027年1月15日 …)
    #[arg(long)]
    pub date: Option<String>,
    /// Where objections go, for the notices
    #[arg(long)]
    pub contact: Option<String>,
    /// The worksheet of an .xlsx task sheet (default: the first that has a header row)
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Text encoding of a .csv task sheet (utf-8 or gbk); detected when absent
    #[arg(long, value_name = "ENCODING", value_parser = values::text_encoding)]
    pub encoding: Option<TextEncoding>,
    /// The plan to write
    #[arg(long, value_name = "FILE", default_value = "plan.toml")]
    pub out: PathBuf,
    /// Overwrite the plan if it exists
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui gen`.
#[derive(Args)]
pub struct GenArgs {
    /// Rows of the target directory
    #[arg(long, default_value_t = 100_000)]
    pub targets: u64,
    /// Rows of the officer roster
    #[arg(long, default_value_t = 2_000)]
    pub officers: u64,
    /// The generator's seed (synthetic data only; never a draw's seed)
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The directory to write into (created if missing)
    #[arg(long)]
    pub out: PathBuf,
    /// Overwrite files that exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui schema`.
#[derive(Args)]
pub struct SchemaArgs {
    /// The schema's name
    // A name, not a closed set of the CLI's: the library holds the schemas, and an unknown
    // name is refused with the list of those it has.
    pub name: String,
}
