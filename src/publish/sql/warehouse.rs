//! The two queries of a draw from a directory held in a warehouse (SPEC.md §7.5): the
//! **census** — the directory's rows, and per task and stratum the frame's size and the targets
//! the status rule excludes — and the **candidates** — each stratum's head of the ranking, as far
//! as the draw's walk can go. `shuangsui match` reads their results
//! ([`crate::draw::warehouse`]).

use std::fmt::Write as _;

use super::dialect::Dialect;
use super::filter::{Typed, conditions};
use super::selection::{Columns, HEAD_PATTERN, cte, typed_stages};
use crate::base::canonical::{SPEC_VERSION, to_hex};
use crate::draw::warehouse::Wanted;
use crate::error::Result;
use crate::inputs::TableKind;
use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY, Plan};

/// The reasons of the listed exclusions (SPEC.md §6.1).
const LISTED_REASONS: [&str; 3] = [EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP];

/// The table of the possible listed exclusions, when they are read.
fn listed_source(d: Dialect, listed: Option<&str>) -> Result<Option<String>> {
    listed.map(|name| d.table(name)).transpose()
}

/// The stages every task reads: the cells (id, name, region, the filters' and strata's
/// columns, the status and its head) and the typed dates and numbers. Returns the stage the
/// frames read, each task's filter conditions and strata cells.
struct Stages {
    source: &'static str,
    frames: Vec<Vec<String>>,
    strata: Vec<Vec<String>>,
}

fn stages(
    w: &mut String,
    first: &mut bool,
    d: Dialect,
    plan: &Plan,
    from: &str,
    extra: &[&str],
) -> Stages {
    let mut columns = Columns::default();
    let mut typed = Typed::default();
    let mut frames = Vec::new();
    let mut strata = Vec::new();
    let keywords = &plan.exclude_status;
    for task in &plan.tasks {
        let mut frame = Vec::new();
        for (column, c) in &task.filter.clauses {
            let cell = columns.alias(column);
            let i: usize = cell[1..].parse().unwrap_or(0);
            conditions(d, i, &cell, c, &mut typed, &mut frame);
        }
        frames.push(frame);
        strata.push(task.strata.iter().map(|c| columns.alias(c)).collect());
    }
    typed.dates.sort();
    typed.dates.dedup();
    typed.numbers.sort();
    typed.numbers.dedup();
    let mut cells = vec![format!("coalesce({}, '') AS id", d.ident("id"))];
    for name in extra {
        cells.push(format!("coalesce({}, '') AS {name}", d.ident(name)));
    }
    for (i, c) in columns.0.iter().enumerate() {
        cells.push(format!("coalesce({}, '') AS c{}", d.ident(c), i + 1));
    }
    if !keywords.is_empty() {
        let cell = format!("coalesce({}, '')", d.ident("status"));
        cells.push(format!("{cell} AS status"));
        cells.push(format!(
            "TRIM(TRAILING {} FROM {}) AS head",
            d.white_space(),
            d.leading_match(&cell, HEAD_PATTERN)
        ));
    }
    cte(
        w,
        first,
        "The directory's cells the queries read (an empty cell, NULL once loaded, is '').",
        "cells",
        &format!("  SELECT {}\n  FROM {from}", cells.join(",\n         ")),
    );
    let source = typed_stages(w, first, d, &typed);
    Stages {
        source,
        frames,
        strata,
    }
}

/// `WHERE …` of a frame's conditions, or nothing.
fn filter(conditions: &[String]) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!("\n    WHERE {}", conditions.join("\n      AND "))
    }
}

/// The number of stratum columns `s1` … `sK` of a query's result: the most strata of a task.
fn width(plan: &Plan) -> usize {
    plan.tasks.iter().map(|t| t.strata.len()).max().unwrap_or(0)
}

/// The census query (SPEC.md §7.5): over the directory as a draw of `plan` reads it (the
/// columns the plan keeps, normalised, as for [`plan_digest_query`](super::plan_digest_query)),
/// returns `task`, `reason`, `s1` … `sK`, `n`: one row with an empty task holding the
/// directory's rows; per task, one row per stratum of its frame (empty reason; `n` its size)
/// and one per status reason that excludes targets passing its filter (empty strata). It needs
/// no seed: run it before the round, and again after if the table could have changed.
///
/// # Errors
///
/// A kit's file asked of an engine that cannot read files; a bad table name.
pub fn census_query(
    plan: &Plan,
    dialect: Dialect,
    table: Option<&str>,
    listed: Option<&str>,
) -> Result<String> {
    let d = dialect;
    let from = d.source(table, "targets.csv")?;
    let listed = listed_source(d, listed)?;
    let wide = width(plan);
    let mut q = String::new();
    let w = &mut q;
    let _ = writeln!(
        w,
        "-- shuangsui: the census of plan {} ({}), plan digest {} (SPEC.md §7.5).",
        plan.id,
        plan.name,
        to_hex(&plan.digest)
    );
    let _ = writeln!(
        w,
        "-- Over the directory as the plan reads it (columns: {}; normalised values, distinct ids).",
        plan.columns_kept(TableKind::Targets)
            .into_iter()
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        w,
        "-- Returns task, reason, s1…, n: the directory's rows (task empty); per task, each stratum's frame size (reason empty) and the targets excluded by status, by reason."
    );
    let _ = writeln!(
        w,
        "-- Export the result as CSV with its header: the census the draw from the warehouse reads."
    );
    let _ = writeln!(w, "WITH");
    let mut first = true;
    let st = stages(w, &mut first, d, plan, &from, &[]);
    let keywords = &plan.exclude_status;
    let pad = |from: usize| -> Vec<String> {
        (from..wide).map(|i| format!("'' AS s{}", i + 1)).collect()
    };
    let s_names: Vec<String> = (1..=wide).map(|i| format!("s{i}")).collect();
    let mut parts = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        // The reason a row passing the filter is excluded: the status rule first, then the
        // listed exclusions (§6.1); '' for a frame row.
        let mut cases = Vec::new();
        if !keywords.is_empty() {
            let list = d.literals(keywords);
            cases.push(format!(
                "WHEN status IN ({list}) THEN status WHEN head IN ({list}) THEN head"
            ));
        }
        let mut join = String::new();
        if let Some(l) = &listed {
            cases.push(format!(
                "WHEN listed_{t}.target IS NOT NULL THEN listed_{t}.reason"
            ));
            join = format!(
                "\n    LEFT JOIN (SELECT coalesce({}, '') AS target, coalesce({}, '') AS reason FROM {l} WHERE coalesce({}, '') = {}) AS listed_{t}\n      ON listed_{t}.target = {}.id",
                d.ident("target"),
                d.ident("reason"),
                d.ident("task"),
                d.literal(&task.id),
                st.source,
            );
        }
        let reason = if cases.is_empty() {
            "''".to_owned()
        } else {
            format!("CASE {} ELSE '' END", cases.join(" "))
        };
        let mut cols = vec![
            format!("{}.id AS id", st.source),
            format!("{reason} AS reason"),
        ];
        cols.extend(
            st.strata[t]
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} AS s{}", i + 1)),
        );
        cols.extend(pad(st.strata[t].len()));
        cte(
            w,
            &mut first,
            &format!(
                "Task {}: the rows passing its filter, each with the reason it is excluded ('' in the frame).",
                task.id
            ),
            &format!("passing_{t}"),
            &format!(
                "  SELECT {}\n  FROM {}{join}{}",
                cols.join(", "),
                st.source,
                filter(&st.frames[t]).replace("\n    ", "\n  "),
            ),
        );
        let mut group = vec!["reason".to_owned()];
        group.extend(s_names.iter().cloned());
        // An excluded row is counted over the whole task (its strata cells empty).
        let strata_or_empty: Vec<String> = s_names
            .iter()
            .map(|s| format!("CASE WHEN reason = '' THEN {s} ELSE '' END AS {s}"))
            .collect();
        let inner_cols = if s_names.is_empty() {
            "reason".to_owned()
        } else {
            format!("reason, {}", strata_or_empty.join(", "))
        };
        parts.push(format!(
            "  SELECT {task_id} AS task, {group_cols}, count(*) AS n, '' AS listed\n  FROM (\n    SELECT {inner_cols}\n    FROM passing_{t}\n  ) AS counted_{t}\n  GROUP BY {group_cols}",
            task_id = d.literal(&task.id),
            group_cols = group.join(", "),
        ));
        if listed.is_some() {
            // The task's listed exclusions, bound as §6.1 binds them (frame.listed).
            let lines = d.concat_sorted(
                &format!("id || {} || reason || {}", d.char(9), d.char(10)),
                "id",
            );
            let digest = d.sha256_hex(&format!(
                "{} || {} || {lines}",
                d.literal(&format!("shuangsui/v{SPEC_VERSION}/exclusions")),
                d.char(10)
            ));
            let mut cols = vec![
                d.literal(&task.id) + " AS task",
                "'listed' AS reason".to_owned(),
            ];
            cols.extend(pad(0));
            parts.push(format!(
                "  SELECT {}, count(*) AS n, {digest} AS listed\n  FROM passing_{t}\n  WHERE reason IN ({})",
                cols.join(", "),
                d.literals(&LISTED_REASONS),
            ));
        }
    }
    if let Some(l) = &listed {
        // The possible listed exclusions read, and their digest: the draw checks they are
        // the ones its history and earlier batches give.
        let mut cols = vec!["'' AS task".to_owned(), "'listed' AS reason".to_owned()];
        cols.extend(pad(0));
        let line = format!(
            "coalesce({task}, '') || {tab} || coalesce({target}, '') || {tab} || coalesce({reason}, '') || {lf}",
            task = d.ident("task"),
            target = d.ident("target"),
            reason = d.ident("reason"),
            tab = d.char(9),
            lf = d.char(10),
        );
        let key = format!(
            "coalesce({}, '') || {} || coalesce({}, '')",
            d.ident("task"),
            d.char(9),
            d.ident("target")
        );
        let digest = d.sha256_hex(&format!(
            "{} || {} || {}",
            d.literal(&format!("shuangsui/v{SPEC_VERSION}/possible-listed")),
            d.char(10),
            d.concat_sorted(&line, &key)
        ));
        parts.push(format!(
            "  SELECT {}, count(*) AS n, {digest} AS listed\n  FROM {l}",
            cols.join(", ")
        ));
    }
    let mut total = vec!["'' AS task".to_owned(), "'' AS reason".to_owned()];
    total.extend(pad(0));
    parts.push(format!(
        "  SELECT {}, count(*) AS n, '' AS listed\n  FROM cells CROSS JOIN ids_check\n  WHERE ids_check.ok",
        total.join(", ")
    ));
    // A directory has each id once (§3.3): a table that repeats one has no file.
    let message = d.literal(
        "shuangsui: the table repeats an id, which no directory does (run the table's check query): distinct ids ",
    );
    cte(
        w,
        &mut first,
        "§3.3: every id once, or the query fails.",
        "ids_check",
        &format!(
            "  SELECT CASE WHEN count(DISTINCT id) = count(*) THEN true\n         ELSE {} END AS ok\n  FROM cells",
            d.fail(&format!(
                "{message} || {} || ' of ' || {} || ' rows'",
                d.text_of_integer("count(DISTINCT id)"),
                d.text_of_integer("count(*)")
            ))
        ),
    );
    cte(
        w,
        &mut first,
        "§6.1–§6.2: per task, the rows passing its filter, by status reason ('' for the frame) and stratum; the directory's rows.",
        "census",
        &parts.join("\n  UNION ALL\n"),
    );
    let mut order = vec![d.bytes("task"), d.bytes("reason")];
    order.extend(s_names.iter().map(|s| d.bytes(s)));
    let mut select = vec!["task".to_owned(), "reason".to_owned()];
    select.extend(s_names.iter().cloned());
    select.extend(["n".to_owned(), "listed".to_owned()]);
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "SELECT {}\nFROM census\nORDER BY {};",
        select.join(", "),
        order.join(", ")
    );
    Ok(q)
}

/// The candidates query (SPEC.md §7.5): per task of `wanted` ([`crate::draw::warehouse::wanted`]:
/// the task keys and how far down each stratum's ranking), the frame's targets ranked by
/// ticket, each stratum's first ranks — `task`, `target`, `rank`, `ticket`, `name`, `region`
/// (when a task matches by jurisdiction), `s1` … `sK`.
///
/// # Errors
///
/// A kit's file asked of an engine that cannot read files; a bad table name.
pub fn candidates_query(
    plan: &Plan,
    wanted: &[Wanted],
    dialect: Dialect,
    table: Option<&str>,
    listed: Option<&str>,
) -> Result<String> {
    let d = dialect;
    let from = d.source(table, "targets.csv")?;
    let listed = listed_source(d, listed)?;
    let wide = width(plan);
    let region = plan.tasks.iter().any(|t| t.officer_region.is_some());
    let mut extra = vec!["name"];
    if region {
        extra.push("region");
    }
    let mut q = String::new();
    let w = &mut q;
    let _ = writeln!(
        w,
        "-- shuangsui: the candidates of plan {} ({}) for the draw with task keys {} (SPEC.md §7.5).",
        plan.id,
        plan.name,
        wanted
            .iter()
            .map(|t| format!("{} {}", t.task, to_hex(&t.key)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        w,
        "-- Returns, per task and stratum, the head of the ranking by ticket: task, target, rank, ticket, name{}, s1….",
        if region { ", region" } else { "" }
    );
    let _ = writeln!(
        w,
        "-- Export the result as CSV with its header: the candidates the draw from the warehouse reads."
    );
    let _ = writeln!(w, "WITH");
    let mut first = true;
    let st = stages(w, &mut first, d, plan, &from, &extra);
    let status = (!plan.exclude_status.is_empty()).then(|| {
        let list = d.literals(&plan.exclude_status);
        format!("NOT (status IN ({list}) OR head IN ({list}))")
    });
    let mut outputs = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        let Some(want) = wanted.iter().find(|x| x.task == task.id) else {
            continue;
        };
        if want.strata.iter().all(|&(_, l, _)| l == 0) {
            continue;
        }
        let rows: Vec<String> = want
            .strata
            .iter()
            .map(|(key, l, size)| {
                let mut cells: Vec<String> = key.iter().map(|v| d.literal(v)).collect();
                cells.push(l.to_string());
                cells.push(size.to_string());
                format!("({})", cells.join(", "))
            })
            .collect();
        let n = t + 1;
        let strata: Vec<String> = (1..=st.strata[t].len()).map(|i| format!("s{i}")).collect();
        let prefix = format!(
            "shuangsui/v{SPEC_VERSION}/target-ticket:{}:",
            to_hex(&want.key)
        );
        let ticket = d.sha256_hex(&format!("{} || id", d.literal(&prefix)));
        let mut cols: Vec<String> = ["id".to_owned()]
            .into_iter()
            .chain(extra.iter().map(|e| (*e).to_owned()))
            .collect();
        cols.extend(
            st.strata[t]
                .iter()
                .zip(&strata)
                .map(|(c, s)| format!("{c} AS {s}")),
        );
        cols.push(format!("{ticket} AS ticket"));
        let partition = if strata.is_empty() {
            String::new()
        } else {
            format!("PARTITION BY {} ", strata.join(", "))
        };
        cte(
            w,
            &mut first,
            &format!(
                "Task {}: §6.1 its frame with §7.1 tickets, §7.2 each stratum ranked by ticket, then id.",
                task.id
            ),
            &format!("ranked_{n}"),
            &format!(
                "  SELECT frame_{n}.*, row_number() OVER ({partition}ORDER BY {}, {}) AS place\n  FROM (\n    SELECT {}\n    FROM {}{}\n  ) AS frame_{n}",
                d.bytes("ticket"),
                d.bytes("id"),
                cols.join(", "),
                st.source,
                filter(
                    &[
                        st.frames[t].clone(),
                        status.iter().cloned().collect(),
                        listed
                            .iter()
                            .map(|l| format!(
                                "id NOT IN (SELECT coalesce({}, '') FROM {l} WHERE coalesce({}, '') = {})",
                                d.ident("target"),
                                d.ident("task"),
                                d.literal(&task.id)
                            ))
                            .collect(),
                    ]
                    .concat()
                ),
            ),
        );
        let mut names: Vec<&str> = strata.iter().map(String::as_str).collect();
        names.extend(["wanted", "n"]);
        cte(
            w,
            &mut first,
            &format!(
                "Task {}: how far down each stratum's ranking, and its size in the census.",
                task.id
            ),
            &format!("wanted_{n}"),
            &d.values(&format!("wanted_{n}"), &names, &rows),
        );
        let (sizes, differing) = if strata.is_empty() {
            (
                format!("  SELECT count(*) AS found FROM ranked_{n}"),
                format!(
                    "SELECT 1 FROM wanted_{n} CROSS JOIN sizes_{n} WHERE wanted_{n}.n <> sizes_{n}.found"
                ),
            )
        } else {
            let keys = strata.join(", ");
            (
                format!("  SELECT {keys}, count(*) AS found FROM ranked_{n} GROUP BY {keys}"),
                format!(
                    "SELECT 1 FROM wanted_{n} FULL OUTER JOIN sizes_{n} USING ({keys}) WHERE wanted_{n}.n IS NULL OR sizes_{n}.found IS NULL OR wanted_{n}.n <> sizes_{n}.found"
                ),
            )
        };
        cte(
            w,
            &mut first,
            &format!(
                "Task {}: the frame's size per stratum, as the query finds it.",
                task.id
            ),
            &format!("sizes_{n}"),
            &sizes,
        );
        let message = d.literal(&format!(
            "shuangsui: the table does not give the census's frame for task {} (a stratum's size differs): it changed since the census; check it against the announced digest",
            task.id
        ));
        cte(
            w,
            &mut first,
            "The sizes must be the census's, or the query fails.",
            &format!("check_{n}"),
            &format!(
                "  SELECT CASE WHEN NOT EXISTS ({differing})\n         THEN true\n         ELSE {} END AS ok",
                d.fail(&format!(
                    "{message} || ' (frame rows found: ' || {} || ')'",
                    d.text_of_integer(&format!("(SELECT count(*) FROM ranked_{n})"))
                ))
            ),
        );
        let join = if strata.is_empty() {
            format!("CROSS JOIN wanted_{n} CROSS JOIN check_{n}")
        } else {
            format!(
                "JOIN wanted_{n} USING ({}) CROSS JOIN check_{n}",
                strata.join(", ")
            )
        };
        let mut out = vec![
            format!("{} AS task", d.literal(&task.id)),
            "id AS target".to_owned(),
            "place AS rank".to_owned(),
            "ticket".to_owned(),
        ];
        out.extend(extra.iter().map(|e| (*e).to_owned()));
        out.extend(strata.iter().cloned());
        out.extend((strata.len()..wide).map(|i| format!("'' AS s{}", i + 1)));
        outputs.push(format!(
            "  SELECT {}\n  FROM ranked_{n} {join}\n  WHERE place <= wanted AND check_{n}.ok",
            out.join(", ")
        ));
    }
    if outputs.is_empty() {
        // No task draws anything: the columns, no rows.
        let mut out = vec![
            "'' AS task".to_owned(),
            "id AS target".to_owned(),
            "0 AS rank".to_owned(),
            "'' AS ticket".to_owned(),
        ];
        out.extend(extra.iter().map(|e| (*e).to_owned()));
        out.extend((0..wide).map(|i| format!("'' AS s{}", i + 1)));
        outputs.push(format!(
            "  SELECT {}\n  FROM cells\n  WHERE 1 = 0",
            out.join(", ")
        ));
    }
    cte(
        w,
        &mut first,
        "Every task's candidates.",
        "candidates",
        &outputs.join("\n  UNION ALL\n"),
    );
    let mut select = vec!["task", "target", "rank", "ticket"];
    select.extend(extra.iter().copied());
    let s_names: Vec<String> = (1..=wide).map(|i| format!("s{i}")).collect();
    select.extend(s_names.iter().map(String::as_str));
    let mut order = vec![d.bytes("task")];
    order.extend(s_names.iter().map(|s| d.bytes(s)));
    order.push("rank".to_owned());
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "SELECT {}\nFROM candidates\nORDER BY {};",
        select.join(", "),
        order.join(", ")
    );
    Ok(q)
}
