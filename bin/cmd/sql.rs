//! `shuangsui sql`: the query that reproduces a task's target selection in a data warehouse.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::publish::sql::{Data, Dialect};

use crate::args::SqlArgs;
use crate::files::read;
use crate::lang::Lang;

/// Prints the query for the record's task.
pub fn run(args: &SqlArgs, _lang: Lang) -> Result<ExitCode> {
    let dialect = Dialect::from(args.dialect);
    let bytes = read(&args.record)?;
    let record = shuangsui::Record::from_json(&args.record.display().to_string(), &bytes)?;
    // DuckDB reads the kit itself unless told of tables; the others need tables.
    let data = match (dialect, &args.table, &args.exclusions_table) {
        (Dialect::DuckDb, None, None) => Data::Kit,
        (_, targets, exclusions) => Data::Tables {
            targets: targets.as_deref().unwrap_or("targets"),
            exclusions: exclusions.as_deref().unwrap_or("exclusions"),
        },
    };
    say_raw!(
        "{}",
        shuangsui::publish::sql::selection_query(&record, &args.task, dialect, data)?
    );
    Ok(ExitCode::SUCCESS)
}
