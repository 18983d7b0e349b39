//! The check query of a warehouse's table (SPEC.md §7.5, step 1): before its digest is
//! announced, the rows a draw's reader would refuse or normalise differently, found in the
//! engine. A table with any of them gives a digest that no file of the directory can give,
//! and the announced draw could then be made only from the warehouse's own results.

use std::fmt::Write as _;

use super::dialect::Dialect;
use crate::error::Result;
use crate::inputs::TableKind;
use crate::inputs::columns::{self, Column, ValueKind};
use crate::plan::Plan;

/// How many rows of each problem the query returns (its `n` counts them all).
const EXAMPLES: u32 = 20;

/// The check query: over the table as a draw of `plan` reads it (the columns the plan keeps,
/// under their canonical names), returns `problem`, `column`, `value`, `n` — for each problem
/// and column, up to 20 offending values, each with the number of rows holding it. No row:
/// nothing the query checks is wrong. It checks:
///
/// - `duplicate_id`: an id on more than one row;
/// - `empty`: an empty `id` or `name` (a required column, SPEC.md §3.3);
/// - `id_shape`: an id that is neither 18 characters of the USCC alphabet nor 15 digits (the
///   check digits are the reader's: run `check` on an export for them);
/// - `untrimmed`: a value with `White_Space` at either end (the text normalisation removes it);
/// - `control_character`: a value holding a character below U+0020 or U+007F–U+009F;
/// - `not_nfc`: a value not in Unicode NFC (`DuckDB`, `PostgreSQL`; Spark has no NFC function);
/// - `risk`: a risk class other than `A` `B` `C` `D` or empty;
/// - `date`: a date column's value other than `YYYY-MM-DD` or empty.
///
/// # Errors
///
/// A kit's file asked of an engine that cannot read files; a bad table name.
pub fn check_query(plan: &Plan, dialect: Dialect, table: Option<&str>) -> Result<String> {
    let d = dialect;
    let from = d.source(table, "targets.csv")?;
    let kept: Vec<(String, ValueKind)> = plan
        .columns_kept(TableKind::Targets)
        .into_iter()
        .map(|c| {
            let kind = match columns::resolve(TableKind::Targets, &c, &plan.target_columns) {
                Column::Keep(_, kind) => kind,
                Column::Drop => ValueKind::Text,
            };
            (c, kind)
        })
        .collect();
    let cells: Vec<String> = kept
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("coalesce({}, '') AS c{i}", d.ident(c)))
        .collect();
    let ws = d.white_space();
    // The regular expressions read `\xHH` as a character; PostgreSQL's text holds no U+0000.
    let contains_control = |cell: &str| match d {
        Dialect::DuckDb => format!("regexp_matches({cell}, '[\\x00-\\x1F\\x7F-\\x9F]')"),
        Dialect::Postgres => format!("{cell} ~ '[\\x01-\\x1F\\x7F-\\x9F]'"),
        Dialect::Spark => format!("{cell} RLIKE '[\\\\x00-\\\\x1F\\\\x7F-\\\\x9F]'"),
    };
    let mut parts: Vec<String> = Vec::new();
    let part = |n: usize, problem: &str, column: &str, value: &str, condition: &str| {
        format!(
            "  SELECT * FROM (\n    SELECT {} AS problem, {} AS {col}, {value} AS value, count(*) AS n\n    FROM cells\n    WHERE {condition}\n    GROUP BY {value}\n    ORDER BY n DESC, value\n    LIMIT {EXAMPLES}\n  ) AS {problem}_{idx}",
            d.literal(problem),
            d.literal(column),
            col = d.ident("column"),
            idx = n,
        )
    };
    let id = kept
        .iter()
        .position(|(c, _)| c == "id")
        .map(|i| format!("c{i}"));
    let name = kept
        .iter()
        .position(|(c, _)| c == "name")
        .map(|i| format!("c{i}"));
    if let Some(id) = &id {
        // Every id once per value (the grouping), those with more than one row.
        parts.push(format!(
            "  SELECT * FROM (\n    SELECT 'duplicate_id' AS problem, 'id' AS {col}, {id} AS value, count(*) AS n\n    FROM cells\n    GROUP BY {id}\n    HAVING count(*) > 1\n    ORDER BY n DESC, value\n    LIMIT {EXAMPLES}\n  ) AS duplicate_id_0",
            col = d.ident("column"),
        ));
        parts.push(part(
            parts.len() + 1,
            "id_shape",
            "id",
            id,
            &format!(
                "{id} <> '' AND NOT ({} OR {})",
                d.full_match(id, "[0-9A-HJ-NPQRTUWXY]{18}"),
                d.full_match(id, "[0-9]{15}")
            ),
        ));
    }
    for (required, cell) in [("id", &id), ("name", &name)] {
        if let Some(cell) = cell {
            parts.push(part(
                parts.len() + 1,
                "empty",
                required,
                cell,
                &format!("{cell} = ''"),
            ));
        }
    }
    for (i, (column, kind)) in kept.iter().enumerate() {
        let cell = format!("c{i}");
        parts.push(part(
            parts.len() + 1,
            "untrimmed",
            column,
            &cell,
            &format!("{cell} <> TRIM(BOTH {ws} FROM {cell})"),
        ));
        parts.push(part(
            parts.len() + 1,
            "control_character",
            column,
            &cell,
            &contains_control(&cell),
        ));
        match d {
            Dialect::DuckDb => parts.push(part(
                parts.len() + 1,
                "not_nfc",
                column,
                &cell,
                &format!("nfc_normalize({cell}) <> {cell}"),
            )),
            Dialect::Postgres => parts.push(part(
                parts.len() + 1,
                "not_nfc",
                column,
                &cell,
                &format!("{cell} IS NOT NFC NORMALIZED"),
            )),
            Dialect::Spark => {}
        }
        match kind {
            ValueKind::Risk => parts.push(part(
                parts.len() + 1,
                "risk",
                column,
                &cell,
                &format!("{cell} NOT IN ('', 'A', 'B', 'C', 'D')"),
            )),
            ValueKind::Date => parts.push(part(
                parts.len() + 1,
                "date",
                column,
                &cell,
                &format!(
                    "{cell} <> '' AND NOT {}",
                    d.full_match(&cell, "[0-9]{4}-[0-9]{2}-[0-9]{2}")
                ),
            )),
            _ => {}
        }
    }
    let mut q = String::new();
    let _ = writeln!(
        q,
        "-- shuangsui: the check of the target directory's table for plan {} (SPEC.md §3.3, §7.5), before its digest is announced.",
        plan.id
    );
    let _ = writeln!(
        q,
        "-- Returns problem, column, value, n (up to {EXAMPLES} values a problem and column); no row: nothing it checks is wrong."
    );
    let _ = writeln!(
        q,
        "-- A table with a problem gives a digest that no file of the directory gives. Id check digits and personal-data shapes are checked by the reader only."
    );
    let _ = writeln!(
        q,
        "WITH cells AS (\n  SELECT {}\n  FROM {from}\n),\nproblems AS (\n{}\n)",
        cells.join(", "),
        parts.join("\n  UNION ALL\n")
    );
    let _ = writeln!(
        q,
        "SELECT problem, {col}, value, n\nFROM problems\nORDER BY {}, {}, n DESC, {};",
        d.bytes("problem"),
        d.bytes(&d.ident("column")),
        d.bytes("value"),
        col = d.ident("column"),
    );
    Ok(q)
}
