//! `shuangsui sql`: the query that reproduces a task's target selection in a data warehouse,
//! or (`--digest`) computes a table's canonical digest there.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::publish::sql::{Data, Dialect};

use crate::args::SqlArgs;
use crate::files::read;
use crate::lang::Lang;

/// Prints the query for the record's task.
pub fn run(args: &SqlArgs, lang: Lang) -> Result<ExitCode> {
    let dialect = Dialect::from(args.dialect);
    // The table holding the rows of `--digest`: `--table`, or the kit's file for DuckDB.
    let digest_table = |of: shuangsui::publish::sql::DigestOf| match (dialect, &args.table) {
        (Dialect::DuckDb, None) => None,
        (_, table) => Some(
            table
                .as_deref()
                .unwrap_or(shuangsui::publish::sql::DigestOf::name(of))
                .to_owned(),
        ),
    };
    if let Some(plan_path) = &args.plan {
        // Before any draw: the directory's digest over the plan's columns.
        let of = shuangsui::publish::sql::DigestOf::Targets;
        if args.task.is_some() {
            anyhow::bail!(t!(lang, "sql-plan-no-task"));
        }
        if args.census || args.check {
            // The census of a draw from the warehouse (it needs no seed), or the check of its
            // table before announcing.
            let plan = shuangsui::Plan::parse(&plan_path.display().to_string(), &read(plan_path)?)?;
            let table = digest_table(of);
            let query = if args.census {
                shuangsui::publish::sql::census_query(
                    &plan,
                    dialect,
                    table.as_deref(),
                    args.exclusions_table.as_deref(),
                )?
            } else {
                shuangsui::publish::sql::check_query(&plan, dialect, table.as_deref())?
            };
            say_raw!("{query}");
            return Ok(ExitCode::SUCCESS);
        }
        if args.digest.map(Into::into) != Some(of) {
            anyhow::bail!(t!(lang, "sql-plan-digest-targets-only"));
        }
        let plan = shuangsui::Plan::parse(&plan_path.display().to_string(), &read(plan_path)?)?;
        let table = digest_table(of);
        say_raw!(
            "{}",
            shuangsui::publish::sql::plan_digest_query(&plan, dialect, table.as_deref())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let record_path = args
        .record
        .as_ref()
        .expect("clap requires --record without --plan");
    let bytes = read(record_path)?;
    let record = shuangsui::Record::from_json(&record_path.display().to_string(), &bytes)?;
    if let Some(of) = args.digest {
        let of = of.into();
        let table = digest_table(of);
        say_raw!(
            "{}",
            shuangsui::publish::sql::digest_query(&record, of, dialect, table.as_deref())?
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
