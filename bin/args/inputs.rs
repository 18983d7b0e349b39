//! The flags that name the inputs of a draw and say how to read them, shared by `check`,
//! `draw`, `announce`, `verify`, `amend` and `publish`.

use std::path::PathBuf;

use clap::Args;

use super::values::{self, IdCheckMode, TableFormat, TextEncoding};

/// The three inputs and how to read the two tables.
#[derive(Args)]
pub struct InputArgs {
    /// The sampling plan (TOML)
    #[arg(long)]
    pub plan: PathBuf,
    /// The target directory: .csv, .tsv, .xlsx, .json or .jsonl with a header row (id, name, …)
    // Required, except by `announce` with --targets-digest (args/mod.rs relaxes it there).
    #[arg(long, required = true)]
    pub targets: Option<PathBuf>,
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
    /// Format of the target directory, when its extension does not say
    #[arg(long, value_name = "FORMAT", value_parser = values::table_format)]
    pub targets_format: Option<TableFormat>,
    /// Format of the officer roster, when its extension does not say
    #[arg(long, value_name = "FORMAT", value_parser = values::table_format)]
    pub officers_format: Option<TableFormat>,
    /// Text encoding of both tables (utf-8 or gbk); detected when absent
    #[arg(long, value_name = "ENCODING", value_parser = values::text_encoding)]
    pub encoding: Option<TextEncoding>,
    /// Worksheet of .xlsx inputs (default: the first); --targets-sheet and --officers-sheet name one each
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Worksheet of an .xlsx target directory
    #[arg(long, value_name = "NAME")]
    pub targets_sheet: Option<String>,
    /// Worksheet of an .xlsx officer roster (default: the first)
    #[arg(long, value_name = "NAME")]
    pub officers_sheet: Option<String>,
}

impl InputArgs {
    /// The target directory's file (clap requires it, except for `announce` with
    /// `--targets-digest`, which reads no directory).
    pub fn targets(&self) -> &std::path::Path {
        self.targets
            .as_deref()
            .expect("clap requires --targets unless the directory is held elsewhere")
    }

    /// The three files alone, every other flag absent: what `demo` and a verification kit
    /// are read with.
    pub fn files(plan: PathBuf, targets: PathBuf, officers: PathBuf) -> Self {
        Self {
            plan,
            targets: Some(targets),
            officers,
            history: None,
            conflicts: None,
            earlier: Vec::new(),
            targets_format: None,
            officers_format: None,
            encoding: None,
            sheet: None,
            targets_sheet: None,
            officers_sheet: None,
        }
    }
}

/// How strictly target ids are checked.
#[derive(Args)]
pub struct IdCheckArgs {
    /// strict: an id failing the USCC or registration-number check is an error; warn: it is listed in the record
    #[arg(long, value_name = "MODE", value_enum, default_value = "strict")]
    pub id_check: IdCheckMode,
    /// A file of ids allowed although they fail the check (genuine early pilot codes), one per line
    #[arg(long, value_name = "FILE")]
    pub id_allowlist: Option<PathBuf>,
}
