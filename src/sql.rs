//! The SQL query that reproduces a task's target selection inside a data
//! warehouse (SPEC.md §7.4): frame filter, status exclusions, strata, tickets
//! from the recorded task key, and the recorded counts.
//!
//! The query runs over a table of the *normalised* directory (SPEC.md §3: the
//! canonical column names and values, as in a verification kit's
//! `targets.csv`), every column text. It returns the selected targets in the
//! record's order, with their stratum values, ticket and rank, so that a
//! warehouse can draw from the announced seed and anyone can compare the two.

use std::fmt::Write as _;

use crate::error::{Error, Result};
use crate::filter::Condition;
use crate::record::{Record, TaskRecord};
use crate::selection::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY};

/// The SQL engines a query can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `DuckDB`: `sha256(VARCHAR)` gives lower-case hex; strings compare by bytes.
    DuckDb,
    /// `PostgreSQL`: `sha256(bytea)`; strings compared with `COLLATE "C"`.
    Postgres,
    /// Spark SQL: `sha2(str, 256)`; strings compare by bytes.
    Spark,
}

impl Dialect {
    /// Parses `duckdb`, `postgres` (`postgresql`) or `spark`.
    pub fn from_name(name: &str) -> Option<Dialect> {
        match name.to_ascii_lowercase().as_str() {
            "duckdb" => Some(Dialect::DuckDb),
            "postgres" | "postgresql" | "pg" => Some(Dialect::Postgres),
            "spark" | "sparksql" => Some(Dialect::Spark),
            _ => None,
        }
    }

    fn ident(self, name: &str) -> String {
        match self {
            Dialect::Spark => format!("`{}`", name.replace('`', "``")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    fn sha256_hex(self, expr: &str) -> String {
        match self {
            Dialect::DuckDb => format!("sha256({expr})"),
            Dialect::Postgres => format!("encode(sha256(convert_to({expr}, 'UTF8')), 'hex')"),
            Dialect::Spark => format!("sha2({expr}, 256)"),
        }
    }

    /// A column as text, empty for NULL (CSV loaders read empty cells as NULL).
    fn text(self, column: &str) -> String {
        format!("coalesce({}, '')", self.ident(column))
    }

    /// Byte-order comparison of a text expression.
    fn bytes(self, expr: &str) -> String {
        match self {
            Dialect::Postgres => format!("{expr} COLLATE \"C\""),
            _ => expr.to_owned(),
        }
    }

    fn is_iso_date(self, expr: &str) -> String {
        match self {
            Dialect::DuckDb => {
                format!("regexp_full_match({expr}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')")
            }
            Dialect::Postgres => format!("{expr} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$'"),
            Dialect::Spark => format!("{expr} RLIKE '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$'"),
        }
    }

    fn is_decimal(self, expr: &str) -> String {
        match self {
            Dialect::DuckDb => format!("regexp_full_match({expr}, '-?[0-9]+(\\.[0-9]+)?')"),
            Dialect::Postgres => format!("{expr} ~ '^-?[0-9]+(\\.[0-9]+)?$'"),
            Dialect::Spark => format!("{expr} RLIKE '^-?[0-9]+(\\\\.[0-9]+)?$'"),
        }
    }
}

fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The conditions of one filter clause as SQL (SPEC.md §4.2).
fn condition_sql(d: Dialect, column: &str, c: &Condition, out: &mut Vec<String>) {
    let v = d.text(column);
    let list = |values: &[String]| {
        values
            .iter()
            .map(|s| literal(s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(values) = &c.one_of {
        out.push(format!("{v} IN ({})", list(values)));
    }
    if let Some(values) = &c.not {
        out.push(format!("{v} NOT IN ({})", list(values)));
    }
    if c.after.is_some() || c.before.is_some() {
        out.push(d.is_iso_date(&v));
        if let Some(a) = &c.after {
            out.push(format!("{} > {}", d.bytes(&v), literal(a)));
        }
        if let Some(b) = &c.before {
            out.push(format!("{} < {}", d.bytes(&v), literal(b)));
        }
    }
    if c.min.is_some() || c.max.is_some() {
        out.push(d.is_decimal(&v));
        let number = format!("CAST({v} AS DECIMAL(38, 10))");
        if let Some(m) = &c.min {
            out.push(format!("{number} >= {m}"));
        }
        if let Some(m) = &c.max {
            out.push(format!("{number} <= {m}"));
        }
    }
}

fn task<'a>(record: &'a Record, id: &str) -> Result<&'a TaskRecord> {
    record
        .tasks
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| Error::Sql {
            message: format!(
                "the record has no task '{id}' (its tasks: {})",
                record
                    .tasks
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
}

/// The query that reproduces task `task_id`'s selection in `record` over the table
/// `table` of the normalised directory.
///
/// Exclusions other than by status (earlier batches, history) depend on files the
/// warehouse does not hold: the query then reads their targets from a table
/// `exclusions(task, target)` (the draw's `exclusions.csv`) and says so in a comment.
pub fn selection_query(
    record: &Record,
    task_id: &str,
    dialect: Dialect,
    table: &str,
) -> Result<String> {
    let d = dialect;
    let t = task(record, task_id)?;
    let key = &t.key;
    let prefix = format!("shuangsui/v{}/target-ticket:{key}:", record.spec);
    let ticket = d.sha256_hex(&format!("{} || {}", literal(&prefix), d.ident("id")));
    let mut conditions = Vec::new();
    for (column, c) in &t.frame.filter {
        condition_sql(d, column, c, &mut conditions);
    }
    let special = [EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP];
    let keywords: Vec<&String> = t
        .frame
        .excluded
        .keys()
        .filter(|k| !special.contains(&k.as_str()))
        .collect();
    for k in &keywords {
        let pattern = k
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        out_like(d, &mut conditions, &pattern);
    }
    let needs_exclusions = t
        .frame
        .excluded
        .keys()
        .any(|k| special.contains(&k.as_str()));
    let id = d.ident("id");
    if needs_exclusions {
        conditions.push(format!(
            "{id} NOT IN (SELECT target FROM exclusions WHERE task = {})",
            literal(&t.id)
        ));
    }
    let skipped: Vec<String> = t.skipped.iter().map(|s| literal(&s.target)).collect();
    let strata: Vec<String> = t
        .allocation
        .strata
        .iter()
        .map(|c| d.ident(&format!("s_{c}")))
        .collect();
    let mut q = String::new();
    let w = &mut q;
    let _ = writeln!(
        w,
        "-- shuangsui: task {} ({}) of plan {}, record {}",
        t.id, t.name, record.plan.id, record.digest
    );
    let _ = writeln!(
        w,
        "-- Reproduces the task's target selection (SPEC.md §6–§7) over `{table}`, a table of the"
    );
    let _ = writeln!(
        w,
        "-- normalised directory (SPEC.md §3; the verification kit's targets.csv), all columns text."
    );
    let _ = writeln!(
        w,
        "-- Expected: {} rows, in the order of the record's tasks[{}].selected.",
        t.selected.len(),
        t.id
    );
    if !keywords.is_empty() {
        let _ = writeln!(
            w,
            "-- Status exclusions found in this frame: {}.",
            keywords
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if needs_exclusions {
        let _ = writeln!(
            w,
            "-- Earlier batches or the history excluded targets: load the draw's exclusions.csv as"
        );
        let _ = writeln!(w, "-- table `exclusions(task, target, reason)` first.");
    }
    if !t.skipped.is_empty() {
        let _ = writeln!(
            w,
            "-- {} targets were skipped down the ranking (SPEC.md §7.3); they are listed below.",
            t.skipped.len()
        );
    }
    let _ = writeln!(w, "WITH frame AS (");
    let _ = write!(w, "  SELECT {id}");
    for (c, s) in t.allocation.strata.iter().zip(&strata) {
        let _ = write!(w, ", {} AS {s}", d.text(c));
    }
    let _ = writeln!(w, ", {ticket} AS ticket");
    let _ = writeln!(w, "  FROM {}", table_name(d, table));
    if !conditions.is_empty() {
        let _ = writeln!(w, "  WHERE {}", conditions.join("\n    AND "));
    }
    let _ = writeln!(w, "),");
    let partition = if strata.is_empty() {
        String::new()
    } else {
        format!("PARTITION BY {} ", strata.join(", "))
    };
    let order = format!("{}, {}", d.bytes("ticket"), d.bytes(&id));
    let _ = writeln!(w, "ranked AS (");
    let _ = writeln!(
        w,
        "  SELECT frame.*, row_number() OVER ({partition}ORDER BY {order}) AS rank FROM frame"
    );
    let _ = writeln!(w, "),");
    let _ = writeln!(w, "kept AS (");
    let _ = writeln!(
        w,
        "  SELECT ranked.*, row_number() OVER ({partition}ORDER BY rank) AS taken FROM ranked"
    );
    if !skipped.is_empty() {
        let _ = writeln!(w, "  WHERE {id} NOT IN ({})", skipped.join(", "));
    }
    let _ = writeln!(w, "),");
    // The recorded number drawn per stratum (SPEC.md §6.2 counts, less skips at the end of a ranking).
    let _ = writeln!(w, "counts AS (");
    let rows: Vec<String> = t
        .strata
        .iter()
        .map(|s| {
            let mut cells: Vec<String> = s.stratum.iter().map(|v| literal(v)).collect();
            cells.push(s.drawn.to_string());
            format!("({})", cells.join(", "))
        })
        .collect();
    let mut names: Vec<String> = strata.clone();
    names.push("drawn".into());
    match d {
        Dialect::Spark => {
            let _ = writeln!(
                w,
                "  SELECT * FROM VALUES\n    {}\n    AS counts({})",
                rows.join(",\n    "),
                names.join(", ")
            );
        }
        _ => {
            let _ = writeln!(
                w,
                "  SELECT * FROM (VALUES\n    {}\n  ) AS counts({})",
                rows.join(",\n    "),
                names.join(", ")
            );
        }
    }
    let _ = writeln!(w, ")");
    let join = if strata.is_empty() {
        "CROSS JOIN counts".to_owned()
    } else {
        format!("JOIN counts USING ({})", strata.join(", "))
    };
    let mut order_by: Vec<String> = strata
        .iter()
        .map(|s| d.bytes(&format!("kept.{s}")))
        .collect();
    order_by.push("rank".into());
    let _ = writeln!(
        w,
        "SELECT kept.{id} AS target{}, ticket, rank",
        strata.iter().fold(String::new(), |mut acc, s| {
            let _ = write!(acc, ", kept.{s}");
            acc
        })
    );
    let _ = writeln!(w, "FROM kept {join}");
    let _ = writeln!(w, "WHERE taken <= drawn");
    let _ = writeln!(w, "ORDER BY {};", order_by.join(", "));
    Ok(q)
}

fn out_like(d: Dialect, conditions: &mut Vec<String>, pattern: &str) {
    let status = d.text("status");
    conditions.push(match d {
        Dialect::Spark => format!("{status} NOT LIKE {}", literal(&format!("%{pattern}%"))),
        _ => format!(
            "{status} NOT LIKE {} ESCAPE '\\'",
            literal(&format!("%{pattern}%"))
        ),
    });
}

fn table_name(d: Dialect, table: &str) -> String {
    // A dotted name (schema.table) is kept as written; a plain one is quoted.
    if table.contains('.') {
        table.to_owned()
    } else {
        d.ident(table)
    }
}
