//! The query that computes a table's canonical digest in a SQL engine (SPEC.md §3.4): the
//! record's digest of the target directory or the officer roster, from the table as the
//! warehouse holds it, so that a directory that never leaves the warehouse can be announced
//! and checked.

use super::dialect::Dialect;
use super::selection::queryable;
use crate::base::canonical::SPEC_VERSION;
use crate::draw::record::Record;
use crate::error::Result;
use crate::inputs::TableKind;
use crate::plan::Plan;

/// Which of a record's tables a digest query computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestOf {
    /// The target directory (`inputs.targets.digest`).
    Targets,
    /// The officer roster (`inputs.officers.digest`; its names are not in it).
    Officers,
}

impl DigestOf {
    /// `targets` or `officers`: the table's name in tags and in a kit (`targets.csv`).
    pub fn name(self) -> &'static str {
        match self {
            DigestOf::Targets => "targets",
            DigestOf::Officers => "officers",
        }
    }
}

/// The query that returns one row, one column `digest`: the canonical digest (SPEC.md §3.4,
/// hex) of the record's target directory or officer roster, over the columns the record
/// digested (`inputs.<table>.columns`), read from `table` — a table name (a dot separates a
/// schema), or `None` for the verification kit's `targets.csv` or `officers.csv` in the
/// working directory (`DuckDB` only). Every column is read as text, an empty cell (NULL to a
/// CSV loader) as the empty string. It equals the record's digest exactly when the table
/// holds the rows the draw digested.
///
/// # Errors
///
/// The record is of another spec version or was changed after the draw; a kit's file asked of
/// an engine that cannot read files; a table name that is empty or names a part of a query.
pub fn digest_query(
    record: &Record,
    of: DigestOf,
    dialect: Dialect,
    table: Option<&str>,
) -> Result<String> {
    queryable(record)?;
    let columns: Vec<&str> = match of {
        DigestOf::Targets => record.inputs.targets.columns.iter(),
        DigestOf::Officers => record.inputs.officers.columns.iter(),
    }
    .map(String::as_str)
    .collect();
    let expected = match of {
        DigestOf::Targets => &record.inputs.targets.digest,
        DigestOf::Officers => &record.inputs.officers.digest,
    };
    let rows = match of {
        DigestOf::Targets => record.inputs.targets.rows,
        DigestOf::Officers => record.inputs.officers.rows,
    };
    let comment = format!(
        "-- The canonical digest of {} (SPEC.md §3.4), as record {} holds it: {expected} ({rows} rows).\n\
         -- It fails unless the table gives that digest and that number of rows.\n",
        of.name(),
        record.digest
    );
    query(
        &comment,
        columns,
        of,
        dialect,
        table,
        Some((expected, rows)),
    )
}

/// The query that returns one row, one column `digest`: the canonical digest (SPEC.md §3.4,
/// hex) of a target directory as a draw of `plan` would digest it — over the columns the plan
/// keeps ([`Plan::columns_kept`]: the id, the name and every column the plan reads or declares
/// public) — before any draw, so that a directory held in a warehouse can be announced from
/// its digest. `table` must hold exactly those columns under their canonical names, with the
/// normalised values of SPEC.md §3 (what a verification kit's `targets.csv` holds); a column
/// it lacks is the engine's error. `table` is as for [`digest_query`].
///
/// # Errors
///
/// A kit's file asked of an engine that cannot read files; a table name that is empty or names
/// a part of a query.
pub fn plan_digest_query(plan: &Plan, dialect: Dialect, table: Option<&str>) -> Result<String> {
    let kept = plan.columns_kept(TableKind::Targets);
    let comment = format!(
        "-- The canonical digest of the target directory (SPEC.md §3.4) over the columns plan {} keeps, as its draw would digest them.\n\
         -- The table must hold them as text under these names: {}; with the normalised values of SPEC.md §3.3 and distinct ids,\n\
         -- or no file can give this digest (check an export with `shuangsui check` before announcing it).\n",
        plan.id,
        kept.iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    );
    query(
        &comment,
        kept.iter().map(String::as_str).collect(),
        DigestOf::Targets,
        dialect,
        table,
        None,
    )
}

/// The digest query over `columns` of the table `of`.
fn query(
    comment: &str,
    mut columns: Vec<&str>,
    of: DigestOf,
    dialect: Dialect,
    table: Option<&str>,
    expect: Option<(&str, u64)>,
) -> Result<String> {
    let d = dialect;
    let source = d.source(table, &format!("{}.csv", of.name()))?;
    columns.sort_unstable();
    let tag = format!("shuangsui/v{SPEC_VERSION}/{}", of.name());
    let lf = d.char(10);
    // `field(v) = decimal(len(v)) ":" v`, one per line after the tag.
    let field = |cell: &str| {
        format!(
            "{lf} || {} || ':' || {cell}",
            d.text_of_integer(&d.octet_length(cell))
        )
    };
    let cells: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| format!("coalesce({}, '') AS c{i}", d.ident(c)))
        .collect();
    let leaf_text: Vec<String> = (0..columns.len())
        .map(|i| field(&format!("c{i}")))
        .collect();
    let header: String = columns
        .iter()
        .map(|c| format!("{lf} || {}", d.literal(&format!("{}:{c}", c.len()))))
        .collect::<Vec<_>>()
        .join(" || ");
    let bucket_line = format!("{lf} || b || ':' || h");
    // The digest alone; or, for a record's table, checked against the record.
    let last = |digest_expr: String| match expect {
        None => format!("\nSELECT {digest_expr} AS digest\nFROM buckets;\n"),
        Some((expected, rows)) => {
            let message = d.literal(&format!(
                "shuangsui: the {} table does not give the record's digest {expected} over {rows} rows: it is not the table the draw read (this one hashes to ",
                of.name()
            ));
            format!(
                ",\n\
                 result AS (\n  SELECT {digest_expr} AS digest\n  FROM buckets\n),\n\
                 digest_check AS (\n  SELECT CASE WHEN result.digest = {} AND (SELECT count(*) FROM leaves) = {rows}\n         THEN true\n         ELSE {} END AS ok\n  FROM result\n)\n\
                 SELECT digest\nFROM result CROSS JOIN digest_check\nWHERE digest_check.ok;\n",
                d.literal(expected),
                d.fail(&format!(
                    "{message} || result.digest || ' over ' || {} || ' rows)'",
                    d.text_of_integer("(SELECT count(*) FROM leaves)")
                )),
            )
        }
    };
    Ok(format!(
        "{comment}\
         WITH cells AS (\n  SELECT {cells}\n  FROM {source}\n),\n\
         leaves AS (\n  SELECT {leaf} AS leaf\n  FROM cells\n),\n\
         buckets AS (\n  SELECT substr(leaf, 1, 2) AS b, {bucket} AS h\n  FROM leaves\n  GROUP BY substr(leaf, 1, 2)\n){last}",
        cells = cells.join(", "),
        leaf = d.sha256_hex(&format!(
            "{} || {}",
            d.literal(&format!("{tag}-row")),
            leaf_text.join(" || ")
        )),
        bucket = d.sha256_hex(&d.concat_sorted("leaf", "leaf")),
        last = last(d.sha256_hex(&format!(
            "{} || {header} || {lf} || {} || {}",
            d.literal(&tag),
            d.text_of_integer("(SELECT count(*) FROM leaves)"),
            d.concat_sorted(&bucket_line, "b")
        ))),
    ))
}
