//! The flags of the commands that read the inputs of a draw: `check`, `draw`, `verify`,
//! `amend` and `digest`.

use std::path::{Path, PathBuf};

use clap::Args;
use shuangsui::inputs::TableKind;

use super::inputs::{IdCheckArgs, InputArgs};
use super::values::{Pair, PairParser};

/// `shuangsui check`.
#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub id_check: IdCheckArgs,
}

/// `shuangsui draw`.
#[derive(Args)]
pub struct DrawArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub id_check: IdCheckArgs,
    /// A typed seed. Nothing proves when it was chosen: the record marks it unattested
    #[arg(
        long,
        required_unless_present = "announcement",
        conflicts_with = "announcement"
    )]
    pub seed: Option<String>,
    #[command(flatten)]
    pub sources: SourceArgs,
    /// The record to write (`-` for standard output)
    #[arg(long)]
    pub out: PathBuf,
    /// Overwrite the record if it exists
    #[arg(long)]
    pub force: bool,
    /// Also record each input file's raw SHA-256 (off by default; a draw from an announcement follows the announcement)
    #[arg(long)]
    pub raw_digest: bool,
}

impl DrawArgs {
    /// Whether the record goes to standard output (`--out -`).
    pub fn to_stdout(&self) -> bool {
        self.out.as_os_str() == "-"
    }
}

/// The seed's sources, for a draw from an announcement.
#[derive(Args)]
pub struct SourceArgs {
    /// The announcement made before the draw
    #[arg(long, value_name = "FILE")]
    pub announcement: Option<PathBuf>,
    /// The announced drand quicknet round, as its public API returns it (round, randomness, signature)
    #[arg(long, value_name = "FILE", requires = "announcement")]
    pub beacon: Option<PathBuf>,
    /// The earlier attempts this announcement replaces, oldest first (repeatable)
    #[arg(long = "replaced", value_name = "FILE", requires = "announcement")]
    pub replaced: Vec<PathBuf>,
    /// NAME=SECRET of a party that reveals its secret, proving its contribution (optional; repeatable)
    #[arg(long = "reveal", value_name = "NAME=SECRET", requires = "announcement", value_parser = PairParser)]
    pub reveals: Vec<Pair>,
    /// An RFC 3161 time-stamp token (.tsr) over the announcement file, made before the round
    #[arg(long, value_name = "TOKEN", requires_all = ["announcement", "tsa_cert"])]
    pub timestamp: Option<PathBuf>,
    /// The time-stamp authority's certificate (PEM or DER) to check the token with
    #[arg(long, value_name = "PEM", requires = "timestamp")]
    pub tsa_cert: Option<PathBuf>,
}

/// `shuangsui match`: the draw of a directory held in a warehouse, from its query results.
#[derive(Args)]
pub struct MatchArgs {
    /// The sampling plan (TOML)
    #[arg(long)]
    pub plan: PathBuf,
    /// The officer roster, in the same formats (id, name, …)
    #[arg(long)]
    pub officers: PathBuf,
    /// Past inspections (entity, date, task, item, officers), for exclusions, the annual cap and rotation
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Declared conflicts of interest (officer, entity, reason): those officers never inspect those entities
    #[arg(long, value_name = "FILE")]
    pub conflicts: Option<PathBuf>,
    /// The record of an earlier batch of this plan (repeatable): its targets are not drawn again by the same task
    #[arg(long = "after", value_name = "RECORD")]
    pub earlier: Vec<PathBuf>,
    /// With --seed: the directory's canonical digest, computed in the warehouse (shuangsui sql --plan plan.toml --digest targets)
    #[arg(long, value_name = "HEX", requires = "seed")]
    pub targets_digest: Option<String>,
    /// A typed seed. Nothing proves when it was chosen: the record marks it unattested
    #[arg(long, conflicts_with = "announcement")]
    pub seed: Option<String>,
    #[command(flatten)]
    pub sources: SourceArgs,
    /// The census query's result, as CSV with its header (shuangsui sql --plan plan.toml --census); without it, the possible listed exclusions of the history and earlier batches are printed, for the census to join
    #[arg(long, value_name = "FILE")]
    pub census: Option<PathBuf>,
    /// The warehouse table holding the possible listed exclusions (task, target, reason), when the census read them [default: exclusions]
    #[arg(long, value_name = "TABLE")]
    pub exclusions_table: Option<String>,
    /// The candidates query's result, as CSV with its header: with it, the record is written; without it, the candidates query is printed
    #[arg(long, value_name = "FILE", requires = "out")]
    pub candidates: Option<PathBuf>,
    /// The SQL engine of the candidates query: duckdb, postgres or spark
    #[arg(long, default_value = "duckdb", value_parser = super::values::sql_dialect)]
    pub dialect: super::values::SqlDialect,
    /// The directory's table in the warehouse, SCHEMA.NAME or NAME [default for postgres and spark: targets; with duckdb and no table, the query reads targets.csv]
    #[arg(long)]
    pub table: Option<String>,
    /// The record to write (`-` for standard output)
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Overwrite the record if it exists
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui verify`.
#[derive(Args)]
pub struct VerifyArgs {
    /// The record to check
    pub record: PathBuf,
    #[command(flatten)]
    pub inputs: InputArgs,
    /// The time-stamp authority's certificate (PEM or DER): checks the signature of the record's time-stamp token
    #[arg(long, value_name = "PEM")]
    pub tsa_cert: Option<PathBuf>,
    /// Instead of --targets, for a directory held in a warehouse: the census query's result the draw read (with --candidates)
    #[arg(long, value_name = "FILE")]
    pub census: Option<PathBuf>,
    /// With --census: the candidates query's result the draw read
    #[arg(long, value_name = "FILE")]
    pub candidates: Option<PathBuf>,
}

/// `shuangsui amend`.
#[derive(Args)]
pub struct AmendArgs {
    /// The record to amend (rewritten atomically with the entry appended)
    pub record: PathBuf,
    #[command(flatten)]
    pub inputs: InputArgs,
    /// The target whose team changes
    #[arg(
        long,
        value_name = "ENTITY",
        requires = "replace_officer",
        conflicts_with = "unreachable"
    )]
    pub target: Option<String>,
    /// The officer to replace
    #[arg(long, value_name = "OFFICER", requires = "reason")]
    pub replace_officer: Option<String>,
    /// Why: 回避, 请假, 调离, 证件失效 or 其他 (with --note)
    // Not a closed set of the CLI's: the library holds the reasons (ledger::REASONS) and
    // refuses others when the amendment is made.
    #[arg(long)]
    pub reason: Option<String>,
    /// What the reason leaves unsaid (required for 其他; published)
    #[arg(long, requires = "replace_officer")]
    pub note: Option<String>,
    /// Record ENTITY as 通过登记的住所（经营场所）无法联系 (it is not replaced)
    #[arg(long, value_name = "ENTITY")]
    pub unreachable: Option<String>,
    /// The task, when the target is drawn by several
    #[arg(long)]
    pub task: Option<String>,
    /// Who makes the amendment
    #[arg(long)]
    pub actor: String,
    /// When (RFC 3339); default: now, UTC
    #[arg(long)]
    pub at: Option<String>,
}

/// `shuangsui digest`.
#[derive(Args)]
pub struct DigestArgs {
    /// The sampling plan: alone, its digest; with a table, the plan that table is read for (only the columns the plan reads are hashed)
    #[arg(long)]
    pub plan: PathBuf,
    /// A target directory
    #[arg(long, conflicts_with = "officers")]
    pub targets: Option<PathBuf>,
    /// An officer roster
    #[arg(long)]
    pub officers: Option<PathBuf>,
}

impl DigestArgs {
    /// The table to digest and its kind; `None`: the plan alone.
    pub fn table(&self) -> Option<(TableKind, &Path)> {
        match (&self.targets, &self.officers) {
            (Some(p), _) => Some((TableKind::Targets, p)),
            (_, Some(p)) => Some((TableKind::Officers, p)),
            _ => None,
        }
    }
}
