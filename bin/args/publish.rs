//! The flags of the commands that publish a draw and its results: `publish`, `results` and
//! `sql`.

use std::path::PathBuf;

use clap::Args;

use super::inputs::InputArgs;
use super::values::{self, DigestTable, NoticeFormat, ShowOfficers, SqlDialect};

/// `shuangsui publish`.
#[derive(Args)]
pub struct PublishArgs {
    /// The record to publish (it must verify against the inputs)
    pub record: PathBuf,
    #[command(flatten)]
    pub inputs: InputArgs,
    /// Where to write the notice and the kit (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// How the notice shows the inspecting officers
    #[arg(long, value_name = "HOW", value_enum, default_value = "names")]
    pub show_officers: ShowOfficers,
    /// The notice's formats, comma-separated: html, md, csv, xlsx
    #[arg(long, value_name = "FORMATS", value_delimiter = ',', default_value = "html,md,csv", value_parser = values::notice_format)]
    pub format: Vec<NoticeFormat>,
    /// The time-stamp authority's certificate (PEM): checks the record's time-stamp and goes into the kit as tsa.pem (needed when the record has a time-stamp)
    #[arg(long, value_name = "PEM")]
    pub tsa_cert: Option<PathBuf>,
    /// The notice this one corrects (更正), published before further amendments: it is cited by its SHA-256
    #[arg(long, value_name = "NOTICE")]
    pub corrects: Option<PathBuf>,
    /// The date in the notice's signature (落款) (default: today in China, UTC+8)
    #[arg(long, value_name = "DATE")]
    pub notice_date: Option<String>,
    /// Overwrite files that exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui results`.
#[derive(Args)]
pub struct ResultsArgs {
    /// The draw's record
    pub record: PathBuf,
    /// The results: one row per drawn entity and item (统一社会信用代码, 抽查事项, 检查完成日期, 检查结果, 备注; 抽查任务编号 when an entity is drawn by several tasks)
    #[arg(long, value_name = "FILE")]
    pub results: PathBuf,
    /// Where to write the notice (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Holidays and make-up working days for years the built-in calendar lacks (TOML; `shuangsui schema calendar`)
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    /// The day to measure deadlines from, and the date in the notice's signature (落款) (default: today in China, UTC+8)
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// The plan, for the contact (`contact`) the notice gives for objections
    #[arg(long, value_name = "FILE")]
    pub plan: Option<PathBuf>,
    /// The notice's formats, comma-separated: html, md, csv, xlsx
    #[arg(long, value_name = "FORMATS", value_delimiter = ',', default_value = "html,md,csv", value_parser = values::notice_format)]
    pub format: Vec<NoticeFormat>,
    /// Overwrite the notice files if they exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui sql`.
#[derive(Args)]
pub struct SqlArgs {
    /// The draw's record
    #[arg(long, required_unless_present = "plan")]
    pub record: Option<PathBuf>,
    /// Before any draw: the plan whose columns `--digest targets` digests, as its draw would (the table holds the canonical columns and normalised values)
    #[arg(long, conflicts_with = "record")]
    pub plan: Option<PathBuf>,
    /// The task's id
    #[arg(long, required_unless_present_any = ["digest", "census", "check"], conflicts_with_all = ["digest", "census", "check"])]
    pub task: Option<String>,
    /// Before announcing, with --plan: the check of the warehouse's table — duplicate ids, empty required values, ids of no id's shape, values not normalised (spaces at an end, control characters, not NFC, risk classes, dates) — each problem with up to 20 values; no row: the table passes
    #[arg(long, requires = "plan", conflicts_with_all = ["digest", "census"])]
    pub check: bool,
    /// Before the round, with --plan: the census query — the directory's rows, each task's frame size per stratum and its exclusions by status — for a draw from the warehouse (shuangsui match)
    #[arg(long, requires = "plan", conflicts_with = "digest")]
    pub census: bool,
    /// Instead of a task's selection: the query that computes a table's canonical digest (targets or officers)
    #[arg(long, value_enum, value_name = "TABLE")]
    pub digest: Option<DigestTable>,
    /// The SQL engine: duckdb, postgres or spark
    #[arg(long, default_value = "duckdb", value_parser = values::sql_dialect)]
    pub dialect: SqlDialect,
    /// The table of the directory (the kit's targets.csv, every column text), SCHEMA.NAME or NAME [default for postgres and spark: targets; with duckdb and no table, the query reads the kit's files itself]
    #[arg(long)]
    pub table: Option<String>,
    /// The table of the listed exclusions (task, target, reason): the kit's exclusions.csv, or for --census the possible listed exclusions `shuangsui match` prints [default: exclusions]
    #[arg(long, value_name = "TABLE")]
    pub exclusions_table: Option<String>,
}
