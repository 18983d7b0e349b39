//! The flags of the commands that give a user files to start from: `demo`, `init`, `gen`
//! and `schema`.

use std::path::PathBuf;

use clap::Args;

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
