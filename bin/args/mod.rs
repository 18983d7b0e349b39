//! The command line: every flag with its help and its type, parsed once (by clap) into the
//! structs of this module; nothing else in the tool reads the command line.
//!
//! - `mod.rs`: the global options and the list of commands, and [`parse`];
//! - [`help`]: the help in the language of the run, from the message catalog;
//! - [`inputs`]: the flags that name and read the inputs, shared by several commands;
//! - [`values`]: the closed sets of names (formats, dialects, modes …) and `NAME=VALUE`
//!   pairs, each parsed in one place;
//! - one file per stage for the commands' own flags: [`start`] (demo, init, plan, gen, schema),
//!   [`draw`] (check, draw, verify, amend, digest), [`ceremony`] (announce, contribute,
//!   finalize, beacon-round) and [`publish`] (publish, results, sql).

mod ceremony;
mod draw;
mod help;
mod inputs;
mod publish;
mod start;
mod usage;
mod values;
mod wrap;

pub(crate) use wrap::width;

use clap::{CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

pub use ceremony::{AnnounceArgs, BeaconRoundArgs, ContributeArgs, FinalizeArgs};
pub use draw::{AmendArgs, CheckArgs, DigestArgs, DrawArgs, MatchArgs, SourceArgs, VerifyArgs};
pub use inputs::{IdCheckArgs, InputArgs};
pub use publish::{PublishArgs, ResultsArgs, SqlArgs};
pub use start::{DemoArgs, GenArgs, InitArgs, PlanArgs, SchemaArgs};
pub use usage::render as usage_error;
pub use values::{NoticeFormat, Pair, TableFormat, refusal};

use crate::lang::Lang;

/// Parses the command line, its help in `lang` (the language [`crate::lang::chosen`] before
/// parsing).
pub fn parse(lang: Lang) -> Result<Cli, clap::Error> {
    let mut cmd = help::Localizer::new(lang)
        .command(Cli::command())
        // `announce` may name the directory by its warehouse digest instead of its file.
        .mut_subcommand("announce", |c| {
            c.mut_args(|a| {
                if a.get_id() == "targets" {
                    a.required(false)
                        .required_unless_present_any(["targets_digest", "targets_rows"])
                } else {
                    a
                }
            })
        })
        // `verify` may take a warehouse's results instead of the directory.
        .mut_subcommand("verify", |c| {
            c.mut_args(|a| {
                if a.get_id() == "targets" {
                    a.required(false)
                        .required_unless_present_any(["census", "candidates"])
                } else {
                    a
                }
            })
        });
    let matches = cmd.try_get_matches_from_mut(std::env::args_os())?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The whole command line: the global options and one command. Its doc comments and `about`
/// say in English what each is; the help shown, and what follows the flags (exit codes,
/// examples), is the catalog's (`args/help.rs`).
#[derive(Parser)]
#[command(
    name = "shuangsui",
    version,
    about = "Verifiable 双随机、一公开 draws: random inspection targets and officers that anyone can re-run"
)]
pub struct Cli {
    /// Language of summaries and reports
    #[arg(long, global = true, value_parser = crate::lang::parser(), default_value = "zh")]
    pub lang: Lang,
    /// No progress on standard error (it is shown only on a terminal anyway)
    #[arg(long, global = true)]
    pub quiet: bool,
    /// Threads to use (default: every core); the results do not depend on it
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands, in the order `--help` lists them. A variant's doc comment is the command's
/// one-line help; its flags, their help and its examples are in its struct.
#[derive(Subcommand)]
pub enum Command {
    /// Run a full draw on built-in synthetic data, write it to DIR and verify it
    Demo(DemoArgs),
    /// Write an example plan.toml, targets.csv and officers.csv to start from
    Init(InitArgs),
    /// Write plan.toml from a task sheet (任务表): one row a task
    Plan(PlanArgs),
    /// Generate a provincial-scale synthetic directory, roster and plan (reproducible from --seed)
    Gen(GenArgs),
    /// Print the SQL query that reproduces a task's target selection in a data warehouse
    Sql(SqlArgs),
    /// Validate the inputs and show what a draw would take, without drawing
    Check(CheckArgs),
    /// Draw targets and officers and write the record
    Draw(DrawArgs),
    /// Draw from a directory held in a data warehouse: from its census and candidates, match officers and write the record
    Match(MatchArgs),
    /// A party's contribution to an announcement draft: a secret to keep, and the contribution to put in the announcement
    Contribute(ContributeArgs),
    /// Freeze the inputs, the dice and a future beacon round in an announcement, before the randomness exists
    Announce(AnnounceArgs),
    /// Add the parties' contributions to an announcement draft, before its round
    Finalize(FinalizeArgs),
    /// Re-run a draw from its inputs and compare with the record
    Verify(VerifyArgs),
    /// Append an amendment to a record's ledger: replace an officer, or record an unreachable target
    Amend(AmendArgs),
    /// Print the canonical digest of one input, in hex
    Digest(DigestArgs),
    /// Print the drand quicknet round emitted at or after TIME, and when it is emitted
    BeaconRound(BeaconRoundArgs),
    /// Write the public notice of a verified draw (抽查任务公告) and the verification kit
    Publish(PublishArgs),
    /// Check the inspection results against the record and write the result notice (抽查结果公告)
    Results(ResultsArgs),
    /// Print a JSON Schema: plan, target-row, officer-row, record, announcement, calendar or vectors
    Schema(SchemaArgs),
}
