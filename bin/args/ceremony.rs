//! The flags of the ceremony that fixes a seed before it exists: `announce`, `contribute`,
//! `finalize` and `beacon-round`.

use std::path::PathBuf;

use clap::Args;

use super::inputs::{IdCheckArgs, InputArgs};
use super::values::{Pair, PairParser};

/// `shuangsui contribute`.
#[derive(Args)]
pub struct ContributeArgs {
    /// The announcement draft, made by `announce` without --party
    #[arg(long, value_name = "FILE")]
    pub announcement: PathBuf,
    /// The party's name (notary, observer …)
    #[arg(long)]
    pub party: String,
}

/// `shuangsui announce`: new, or a draft for the parties' contributions.
#[derive(Args)]
pub struct AnnounceArgs {
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub id_check: IdCheckArgs,
    /// Minutes between now and the earliest beacon round
    #[arg(long, default_value_t = 10)]
    pub margin: u32,
    /// The earliest time for the round (RFC 3339), when later than now + --margin
    #[arg(long, value_name = "TIME")]
    pub not_before: Option<String>,
    /// The dice digits rolled in public now, at the announcement
    #[arg(long, value_name = "DIGITS")]
    pub dice: Option<String>,
    /// A party who will contribute (notary, observer …; repeatable): the announcement is then a draft until `finalize`
    #[arg(long = "party", value_name = "NAME")]
    pub parties: Vec<String>,
    /// The announcement of the attempt this one replaces (it was not drawn)
    #[arg(long, value_name = "FILE", requires = "reason")]
    pub replaces: Option<PathBuf>,
    /// Why the replaced attempt was not drawn (published)
    #[arg(long, requires = "replaces")]
    pub reason: Option<String>,
    /// The record this draw follows (a later batch)
    #[arg(long, value_name = "RECORD")]
    pub previous: Option<PathBuf>,
    /// Also write the public copies of the frozen inputs (without personal data) to DIR, to publish with the announcement
    #[arg(long, value_name = "DIR")]
    pub publish: Option<PathBuf>,
    /// Also freeze each input file's raw SHA-256: the draw must then use these very files, byte for byte (off by default)
    #[arg(long)]
    pub raw_digest: bool,
    /// Instead of --targets: the target directory's canonical digest, computed in the warehouse that holds it (shuangsui sql --plan plan.toml --digest targets)
    #[arg(long, value_name = "HEX", requires = "targets_rows", conflicts_with_all = ["targets", "publish", "raw_digest"])]
    pub targets_digest: Option<String>,
    /// With --targets-digest: the directory's number of rows (SELECT count(*))
    #[arg(long, value_name = "N", requires = "targets_digest")]
    pub targets_rows: Option<u64>,
    /// The announcement to write
    #[arg(long)]
    pub out: PathBuf,
    /// Overwrite the announcement (and the public copies) if they exist
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui finalize`.
#[derive(Args)]
pub struct FinalizeArgs {
    /// The draft, made by `announce`
    pub draft: PathBuf,
    /// NAME=CONTRIBUTION of a party, from `shuangsui contribute` (repeatable)
    #[arg(long = "party", value_name = "NAME=CONTRIBUTION", required = true, value_parser = PairParser)]
    pub parties: Vec<Pair>,
    /// Minutes that must remain before the round, to publish the announcement
    #[arg(long, default_value_t = 5)]
    pub margin: u32,
    /// The public copies written by `announce --publish DIR`: their announcement.json becomes the finalized one
    #[arg(long, value_name = "DIR")]
    pub publish: Option<PathBuf>,
    /// The announcement to write
    #[arg(long)]
    pub out: PathBuf,
    /// Overwrite the announcement if it exists
    #[arg(long)]
    pub force: bool,
}

/// `shuangsui beacon-round`.
#[derive(Args)]
pub struct BeaconRoundArgs {
    /// RFC 3339 time, e.g. 2027-01-15T10:10:00+08:00
    #[arg(long)]
    pub at: String,
}
