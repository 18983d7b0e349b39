//! `shuangsui sql`: the query that reproduces a task's target selection in a data warehouse,
//! or (`--digest`) computes a table's canonical digest there.

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
    if let Some(of) = args.digest {
        // The table holding the rows: `--table`, or the kit's file for DuckDB.
        let of = of.into();
        let table = match (dialect, &args.table) {
            (Dialect::DuckDb, None) => None,
            (_, table) => Some(
                table
                    .as_deref()
                    .unwrap_or(shuangsui::publish::sql::DigestOf::name(of)),
            ),
        };
        say_raw!(
            "{}",
            shuangsui::publish::sql::digest_query(&record, of, dialect, table)?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let task = args.task.as_deref().unwrap_or_default();
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
        shuangsui::publish::sql::selection_query(&record, task, dialect, data)?
    );
    Ok(ExitCode::SUCCESS)
}
