//! The flags of the commands that publish a draw and its results: `publish`, `results` and
//! `sql`.

use std::path::PathBuf;

use clap::Args;

use super::inputs::InputArgs;
use super::values::{self, NoticeFormat, ShowOfficers, SqlDialect};

/// `shuangsui publish`.
#[derive(Args)]
#[command(
    after_help = "Writes DIR/notice.html (one self-contained page), .md and .csv (--format html,md,csv,xlsx) and DIR/kit/ (the plan, the public copies of the tables without personal data, the record, reproduce.py): `shuangsui verify` run inside DIR/kit succeeds with nothing else.\n\nExample:\n  shuangsui publish record.json --plan plan.toml --targets 名录.xlsx --officers 执法人员.csv --out 公示"
)]
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
    /// Overwrite files that exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui results`.
#[derive(Args)]
#[command(
    after_help = "Writes DIR/result-notice.html, .md and .csv (--format html,md,csv,xlsx), and lists results whose 20-working-day publication deadline has passed or is near.\n\nExample:\n  shuangsui results record.json --results 检查结果.xlsx --out 公告 --today 2027-03-01"
)]
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
    /// The day to measure deadlines from (default: today in China, UTC+8)
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// The notice's formats, comma-separated: html, md, csv, xlsx
    #[arg(long, value_name = "FORMATS", value_delimiter = ',', default_value = "html,md,csv", value_parser = values::notice_format)]
    pub format: Vec<NoticeFormat>,
    /// Overwrite the notice files if they exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui sql`.
#[derive(Args)]
#[command(
    after_help = "The query computes the task's frame, tickets and rankings from the normalised directory (the\nverification kit's targets.csv) and returns the record's selected targets with their rank and\nticket, in the record's order. What needs other files — the exclusions by earlier batches and\nhistory — it reads from the kit's exclusions.csv and checks against the record's digest of them\n(it fails otherwise). For DuckDB it reads the kit's files itself: run it inside the kit. For\nPostgreSQL and Spark, load the two files as tables of text columns and name them. Officer\nmatching stays with shuangsui (README: \"A national draw\").\n\nExamples:\n  cd kit && shuangsui sql --record record.json --task T1 > t1.sql && duckdb < t1.sql\n  shuangsui sql --record record.json --task T1 --dialect postgres --table audit.targets --exclusions-table audit.exclusions"
)]
pub struct SqlArgs {
    /// The draw's record
    #[arg(long)]
    pub record: PathBuf,
    /// The task's id
    #[arg(long)]
    pub task: String,
    /// The SQL engine: duckdb, postgres or spark
    #[arg(long, default_value = "duckdb", value_parser = values::sql_dialect)]
    pub dialect: SqlDialect,
    /// The table of the directory (the kit's targets.csv, every column text), SCHEMA.NAME or NAME [default for postgres and spark: targets; with duckdb and no table, the query reads the kit's files itself]
    #[arg(long)]
    pub table: Option<String>,
    /// The table of the listed exclusions (the kit's exclusions.csv: task, target, reason) [default: exclusions]
    #[arg(long, value_name = "TABLE")]
    pub exclusions_table: Option<String>,
}
