//! The query itself: the listed exclusions and their guard, the cells, the typed stages, the
//! frame with its tickets, the ranking, the skipped targets, the counts and the frame check.

use std::fmt::Write as _;

use super::dialect::{Dialect, KIT_CSV};
use super::filter::{Typed, conditions};
use crate::base::canonical::SPEC_VERSION;
use crate::draw::record::{Record, TaskRecord};
use crate::error::{Error, ErrorKind, Result};
use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY};

/// Where the query reads the directory and the listed exclusions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Data<'a> {
    /// The verification kit's `targets.csv` and `exclusions.csv`, from the working
    /// directory (`DuckDB` only: `read_csv`).
    Kit,
    /// Tables holding them, every column text: the directory's (the kit's `targets.csv`) and
    /// the listed exclusions' (the kit's `exclusions.csv`: `task`, `target`, `reason`). A
    /// dot separates a schema from a table name (`audit.targets`).
    Tables {
        /// The directory's table.
        targets: &'a str,
        /// The listed exclusions' table, read only for a task that has any.
        exclusions: &'a str,
    },
}

/// The reasons of the listed exclusions (SPEC.md §6.1).
const LISTED: [&str; 3] = [EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP];

/// The characters a status's head ends before (SPEC.md §6.1).
pub(super) const HEAD_PATTERN: &str = "^[^（(，,；;、]*";

/// The two-digit numbers divisible by 4: a year `YYYY` is a leap year when its last two
/// digits are one of them and not `00`, or they are `00` and its first two are one of them.
pub(super) fn multiples_of_four() -> String {
    (0..100)
        .step_by(4)
        .map(|n| format!("'{n:02}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Refuses a record a query would prove nothing for: one of another spec version, or one
/// changed after the draw (its digest does not match its content).
pub(super) fn queryable(record: &Record) -> Result<()> {
    if record.spec != SPEC_VERSION {
        return Err(Error::with_id(ErrorKind::Sql, "sql-spec")
            .arg("found", &record.spec)
            .arg("supported", SPEC_VERSION));
    }
    if record.content_digest() != record.digest {
        return Err(Error::with_id(ErrorKind::Sql, "sql-record-altered"));
    }
    Ok(())
}

/// The task of a record, or an error listing its tasks.
fn task<'a>(record: &'a Record, id: &str) -> Result<&'a TaskRecord> {
    record.tasks.iter().find(|t| t.id == id).ok_or_else(|| {
        Error::with_id(ErrorKind::Sql, "sql-no-task")
            .arg("task", id)
            .arg(
                "tasks",
                record
                    .tasks
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
    })
}

/// The directory's columns the query reads, each under a short alias (`c1`, `c2`, …).
#[derive(Default)]
pub(super) struct Columns(pub(super) Vec<String>);

impl Columns {
    pub(super) fn alias(&mut self, name: &str) -> String {
        let i = self.0.iter().position(|c| c == name).unwrap_or_else(|| {
            self.0.push(name.to_owned());
            self.0.len() - 1
        });
        format!("c{}", i + 1)
    }
}

/// Appends `name AS (body)` to the query's `WITH` list.
pub(super) fn cte(q: &mut String, first: &mut bool, comment: &str, name: &str, body: &str) {
    if !*first {
        q.push_str(",\n");
    }
    *first = false;
    for line in comment.lines() {
        let _ = writeln!(q, "-- {line}");
    }
    let _ = write!(q, "{name} AS (\n{body}\n)");
}

/// The query that reproduces task `task_id`'s selection in `record` (SPEC.md §7.4), reading
/// the directory and the listed exclusions from `data`.
pub fn selection_query(
    record: &Record,
    task_id: &str,
    dialect: Dialect,
    data: Data<'_>,
) -> Result<String> {
    let d = dialect;
    queryable(record)?;
    let t = task(record, task_id)?;
    let (targets, exclusions) = match data {
        Data::Kit if d != Dialect::DuckDb => {
            return Err(Error::with_id(ErrorKind::Sql, "sql-tables-needed").arg("engine", d.name()));
        }
        Data::Kit => (
            format!("read_csv('targets.csv', {KIT_CSV})"),
            format!("read_csv('exclusions.csv', {KIT_CSV})"),
        ),
        Data::Tables {
            targets,
            exclusions,
        } => (d.table(targets)?, d.table(exclusions)?),
    };
    let keywords: Vec<&str> = t
        .frame
        .excluded
        .keys()
        .map(String::as_str)
        .filter(|k| !LISTED.contains(k))
        .collect();
    let listed = t
        .frame
        .excluded
        .keys()
        .any(|k| LISTED.contains(&k.as_str()));

    // The columns read, the frame's conditions and what they need computed.
    let mut columns = Columns::default();
    let mut typed = Typed::default();
    let mut frame = Vec::new();
    for (i, (column, c)) in t.frame.filter.iter().enumerate() {
        let cell = columns.alias(column);
        conditions(d, i + 1, &cell, c, &mut typed, &mut frame);
    }
    let filter_only = frame.clone();
    let status = !keywords.is_empty();
    if status {
        let list = d.literals(&keywords);
        frame.push(format!("NOT (status IN ({list}) OR head IN ({list}))"));
    }
    if listed {
        frame.push("id NOT IN (SELECT target FROM listed)".to_owned());
    }
    let strata: Vec<String> = t
        .allocation
        .strata
        .iter()
        .map(|c| columns.alias(c))
        .collect();
    let strata_names: Vec<String> = (1..=strata.len()).map(|i| format!("s{i}")).collect();

    let mut query = String::new();
    let w = &mut query;
    let _ = writeln!(
        w,
        "-- shuangsui: the target selection of task {} ({}) of plan {}, record {} (SPEC.md §7.4).",
        t.id, t.name, record.plan.id, record.digest
    );
    match data {
        Data::Kit => {
            let _ = writeln!(
                w,
                "-- Run in DuckDB with the verification kit as the working directory: it reads targets.csv{}.",
                if listed { " and exclusions.csv" } else { "" }
            );
        }
        Data::Tables { .. } => {
            let _ = writeln!(
                w,
                "-- Run in {} over {}, the kit's targets.csv loaded as text{}.",
                d.name(),
                targets,
                if listed {
                    format!(", and {exclusions}, its exclusions.csv")
                } else {
                    String::new()
                }
            );
        }
    }
    let _ = writeln!(
        w,
        "-- It returns the record's tasks[{}].selected: {} rows of target, rank and ticket, in its order.",
        t.id,
        t.selected.len()
    );
    let _ = writeln!(w, "WITH");
    let mut first = true;
    let from_cells = targets.clone();
    if listed {
        let body = format!(
            "  SELECT coalesce({target}, '') AS target, coalesce({reason}, '') AS reason\n  FROM {exclusions}\n  WHERE coalesce({task}, '') = {id}",
            target = d.ident("target"),
            reason = d.ident("reason"),
            task = d.ident("task"),
            id = d.literal(&t.id),
        );
        cte(
            w,
            &mut first,
            "The task's listed exclusions (§6.1: earlier_batch, inspected_recently, annual_cap).",
            "listed",
            &body,
        );
    }
    // The cells read, an empty cell (NULL) read as the empty string.
    let mut cells = vec![
        format!("coalesce({}, '') AS id", d.ident("id")),
        format!("coalesce({}, '') AS name", d.ident("name")),
    ];
    for (i, c) in columns.0.iter().enumerate() {
        cells.push(format!("coalesce({}, '') AS c{}", d.ident(c), i + 1));
    }
    if status {
        let cell = format!("coalesce({}, '')", d.ident("status"));
        cells.push(format!("{cell} AS status"));
        cells.push(format!(
            "TRIM(TRAILING {} FROM {}) AS head",
            d.white_space(),
            d.leading_match(&cell, HEAD_PATTERN)
        ));
    }
    let body = format!(
        "  SELECT {}\n  FROM {from_cells}",
        cells.join(",\n         ")
    );
    cte(
        w,
        &mut first,
        "The directory's cells the query reads (an empty cell, NULL once loaded, is '').",
        "cells",
        &body,
    );
    let source = typed_stages(w, &mut first, d, &typed);
    if listed {
        // The listed rows that exclude a target: those of a target passing the filter and not
        // excluded by status (a row naming another target excludes nothing).
        let mut eligible = filter_only.clone();
        if status {
            let list = d.literals(&keywords);
            eligible.push(format!("NOT (status IN ({list}) OR head IN ({list}))"));
        }
        let passing = if eligible.is_empty() {
            format!("SELECT id FROM {source}")
        } else {
            format!("SELECT id FROM {source} WHERE {}", eligible.join(" AND "))
        };
        cte(
            w,
            &mut first,
            "The listed exclusions of targets in the task's filter, not excluded by status.",
            "listed_in",
            &format!("  SELECT target, reason\n  FROM listed\n  WHERE target IN ({passing})"),
        );
        let lines = d.concat_sorted(
            &format!("target || {} || reason || {}", d.char(9), d.char(10)),
            "target",
        );
        let digest = d.sha256_hex(&format!(
            "{} || {} || {lines}",
            d.literal(&format!("shuangsui/v{SPEC_VERSION}/exclusions")),
            d.char(10)
        ));
        let message = format!(
            "{} || {digest}",
            d.literal(&format!(
                "shuangsui: the listed exclusions of task {} are not the record's (its frame.listed is {}; these rows hash to ",
                t.id, t.frame.listed
            ))
        );
        let body = format!(
            "  SELECT CASE WHEN {digest} = {expected}\n         THEN true\n         ELSE {fail} END AS ok\n  FROM listed_in",
            expected = d.literal(&t.frame.listed),
            fail = d.fail(&format!("{message} || ')'")),
        );
        cte(
            w,
            &mut first,
            "They must be the ones the record binds, or the query fails.",
            "guard",
            &body,
        );
    }
    let prefix = format!("shuangsui/v{SPEC_VERSION}/target-ticket:{}:", t.key);
    let ticket = d.sha256_hex(&format!("{} || id", d.literal(&prefix)));
    let mut select = vec!["id".to_owned(), "name".to_owned()];
    for (s, c) in strata_names.iter().zip(&strata) {
        select.push(format!("{c} AS {s}"));
    }
    select.push(format!("{ticket} AS ticket"));
    // Read through the listed exclusions' check: no row is selected from exclusions the
    // record does not bind.
    let (from_frame, mut frame) = if listed {
        let mut f = vec!["guard.ok".to_owned()];
        f.extend(frame);
        (format!("{source} CROSS JOIN guard"), f)
    } else {
        (source.to_owned(), frame)
    };
    frame.retain(|c| !c.is_empty());
    let body = format!(
        "  SELECT {}\n  FROM {from_frame}{}",
        select.join(", "),
        if frame.is_empty() {
            String::new()
        } else {
            format!("\n  WHERE {}", frame.join("\n    AND "))
        }
    );
    cte(
        w,
        &mut first,
        "§6.1, §7.1: the frame — the filter, the status rule, the listed exclusions — with tickets.",
        "frame",
        &body,
    );
    let partition = if strata_names.is_empty() {
        String::new()
    } else {
        format!("PARTITION BY {} ", strata_names.join(", "))
    };
    cte(
        w,
        &mut first,
        "§7.2: each stratum ranked by ticket, then id; the rank is the position in the whole ranking.",
        "ranked",
        &format!(
            "  SELECT frame.*, row_number() OVER ({partition}ORDER BY {}, {}) AS place\n  FROM frame",
            d.bytes("ticket"),
            d.bytes("id")
        ),
    );
    let mut kept_from = "  FROM ranked".to_owned();
    if !t.skipped.is_empty() {
        let rows: Vec<String> = t
            .skipped
            .iter()
            .map(|s| format!("({}, {})", d.literal(&s.target), s.rank))
            .collect();
        cte(
            w,
            &mut first,
            "§7.3: the targets the record skipped, with their ranks.",
            "skipped",
            &d.values("skipped", &["target", "place"], &rows),
        );
        kept_from.push_str(
            "\n  WHERE NOT EXISTS (SELECT 1 FROM skipped WHERE skipped.target = ranked.id AND skipped.place = ranked.place)",
        );
    }
    cte(
        w,
        &mut first,
        "The ranking without the skipped targets, numbered.",
        "kept",
        &format!(
            "  SELECT ranked.*, row_number() OVER ({partition}ORDER BY place) AS taken\n{kept_from}"
        ),
    );
    let rows: Vec<String> = t
        .strata
        .iter()
        .map(|s| {
            let mut cells: Vec<String> = s.stratum.iter().map(|v| d.literal(v)).collect();
            cells.push(s.count.to_string());
            cells.push(s.frame.to_string());
            format!("({})", cells.join(", "))
        })
        .collect();
    let mut names: Vec<&str> = strata_names.iter().map(String::as_str).collect();
    names.push("k");
    names.push("n");
    cte(
        w,
        &mut first,
        "§6.2: each stratum's count and frame size, from the record.",
        "counts",
        &d.values("counts", &names, &rows),
    );
    // The directory must give the record's frame, stratum by stratum: a targets table cut
    // short (rows ranked after the selection deleted) would otherwise still match.
    let sizes = if strata_names.is_empty() {
        "  SELECT count(*) AS n FROM frame".to_owned()
    } else {
        format!(
            "  SELECT {s}, count(*) AS n FROM frame GROUP BY {s}",
            s = strata_names.join(", ")
        )
    };
    cte(
        w,
        &mut first,
        "The frame's size per stratum, as the query finds it.",
        "sizes",
        &sizes,
    );
    let differing = if strata_names.is_empty() {
        "SELECT 1 FROM counts CROSS JOIN sizes WHERE counts.n <> sizes.n".to_owned()
    } else {
        format!(
            "SELECT 1 FROM counts FULL OUTER JOIN sizes USING ({}) WHERE counts.n IS NULL OR sizes.n IS NULL OR counts.n <> sizes.n",
            strata_names.join(", ")
        )
    };
    let message = d.literal(&format!(
        "shuangsui: the targets table does not give the record's frame for task {} (a stratum's size differs from tasks[{}].strata[].frame): it is not the directory the draw read",
        t.id, t.id
    ));
    cte(
        w,
        &mut first,
        "The sizes must be the record's, or the query fails.",
        "frame_check",
        &format!(
            "  SELECT CASE WHEN NOT EXISTS ({differing})\n         THEN true\n         ELSE {} END AS ok",
            // Not a constant, so that no engine folds the failure before it is needed.
            d.fail(&format!(
                "{message} || ' (frame rows found: ' || {} || ')'",
                d.text_of_integer("(SELECT count(*) FROM frame)")
            ))
        ),
    );
    // The rows the status rule excludes, by reason, must be the record's too (§6.1).
    let mut checks = "CROSS JOIN frame_check".to_owned();
    let mut oks = "frame_check.ok".to_owned();
    if status {
        let list = d.literals(&keywords);
        let rows: Vec<String> = keywords
            .iter()
            .map(|k| format!("({}, {})", d.literal(k), t.frame.excluded[*k]))
            .collect();
        cte(
            w,
            &mut first,
            "§6.1: the targets the status rule excludes, by reason, from the record.",
            "excluded_recorded",
            &d.values("excluded_recorded", &["reason", "n"], &rows),
        );
        let mut passing = filter_only.clone();
        passing.push(format!("(status IN ({list}) OR head IN ({list}))"));
        cte(
            w,
            &mut first,
            "The same, as the query finds them.",
            "excluded_found",
            &format!(
                "  SELECT reason, count(*) AS n\n  FROM (\n    SELECT CASE WHEN status IN ({list}) THEN status ELSE head END AS reason\n    FROM {source}\n    WHERE {}\n  ) AS excluded_rows\n  GROUP BY reason",
                passing.join("\n      AND ")
            ),
        );
        let message = d.literal(&format!(
            "shuangsui: the targets table does not give the record's exclusions for task {} (a count differs from tasks[{}].frame.excluded): it is not the directory the draw read",
            t.id, t.id
        ));
        cte(
            w,
            &mut first,
            "They must be the record's, or the query fails.",
            "excluded_check",
            &format!(
                "  SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM excluded_recorded FULL OUTER JOIN excluded_found ON excluded_recorded.reason = excluded_found.reason\n                               WHERE excluded_recorded.n IS NULL OR excluded_found.n IS NULL OR excluded_recorded.n <> excluded_found.n)\n         THEN true\n         ELSE {} END AS ok",
                d.fail(&format!(
                    "{message} || ' (excluded rows found: ' || {} || ')'",
                    d.text_of_integer("(SELECT coalesce(sum(n), 0) FROM excluded_found)")
                ))
            ),
        );
        checks.push_str(" CROSS JOIN excluded_check");
        oks.push_str(" AND excluded_check.ok");
    }
    let join = if strata_names.is_empty() {
        "CROSS JOIN counts".to_owned()
    } else {
        format!("JOIN counts USING ({})", strata_names.join(", "))
    };
    let mut chosen = vec![
        "id".to_owned(),
        "place".to_owned(),
        "ticket".to_owned(),
        "name".to_owned(),
    ];
    chosen.extend(strata_names.iter().cloned());
    cte(
        w,
        &mut first,
        "§7.2: each stratum's first `count` targets not skipped.",
        "chosen",
        &format!(
            "  SELECT {}\n  FROM kept {join} {checks}\n  WHERE taken <= k AND {oks}",
            chosen.join(", ")
        ),
    );
    let recorded = if t.selected.is_empty() {
        "  SELECT target, place, ticket, name FROM (SELECT '' AS target, 0 AS place, '' AS ticket, '' AS name) AS none WHERE 1 = 0".to_owned()
    } else {
        let rows: Vec<String> = t
            .selected
            .iter()
            .map(|s| {
                format!(
                    "({}, {}, {}, {})",
                    d.literal(&s.target),
                    s.rank,
                    d.literal(&s.ticket),
                    d.literal(&s.name)
                )
            })
            .collect();
        d.values("recorded", &["target", "place", "ticket", "name"], &rows)
    };
    cte(
        w,
        &mut first,
        "The record's selection: target, rank, ticket, name.",
        "recorded",
        &recorded,
    );
    let message = d.literal(&format!(
        "shuangsui: the targets table does not give the record's selection of task {} (a target, rank, ticket or name differs from tasks[{}].selected): it is not the directory the draw read, or the record is not its draw",
        t.id, t.id
    ));
    cte(
        w,
        &mut first,
        "The selection must be the record's, or the query fails.",
        "selection_check",
        &format!(
            "  SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM chosen FULL OUTER JOIN recorded ON chosen.id = recorded.target\n                               WHERE chosen.id IS NULL OR recorded.target IS NULL OR chosen.place <> recorded.place\n                                  OR chosen.ticket <> recorded.ticket OR chosen.name <> recorded.name)\n         THEN true\n         ELSE {} END AS ok",
            d.fail(&format!(
                "{message} || ' (targets selected: ' || {} || ')'",
                d.text_of_integer("(SELECT count(*) FROM chosen)")
            ))
        ),
    );
    let _ = writeln!(w);
    let mut order: Vec<String> = strata_names.iter().map(|s| d.bytes(s)).collect();
    order.push("place".to_owned());
    let _ = writeln!(w, "-- The selection, in the record's order.");
    let _ = writeln!(
        w,
        "SELECT id AS {}, place AS {}, ticket AS {}",
        d.ident("target"),
        d.ident("rank"),
        d.ident("ticket")
    );
    let _ = writeln!(w, "FROM chosen CROSS JOIN selection_check");
    let _ = writeln!(w, "WHERE selection_check.ok");
    let _ = writeln!(w, "ORDER BY {};", order.join(", "));
    Ok(query)
}

/// The stages that type the filter's dates and numbers (`parsed`, `split`, `typed`), after
/// `cells`; returns the stage the frame reads (`typed`, or `cells` when nothing is typed).
pub(super) fn typed_stages(
    w: &mut String,
    first: &mut bool,
    d: Dialect,
    typed: &Typed,
) -> &'static str {
    if !typed.dates.is_empty() || !typed.numbers.is_empty() {
        let mut parsed = vec!["cells.*".to_owned()];
        let mut split = vec!["parsed.*".to_owned()];
        let mut typed_cols = vec!["split.*".to_owned()];
        for (i, cell) in &typed.dates {
            let separated = "[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|[.][0-9]{1,2}[.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日?)";
            parsed.push(format!(
                "CASE WHEN {} THEN substr({cell}, 1, 4) || '-' || substr({cell}, 5, 2) || '-' || substr({cell}, 7, 2)\n              WHEN {} THEN translate({cell}, {}, '----')\n         END AS parts_{i}",
                d.full_match(cell, "[0-9]{8}"),
                d.full_match(cell, separated),
                d.literal("/.年月日"),
            ));
            let p = format!("parts_{i}");
            split.push(format!(
                "split_part({p}, '-', 1) || '-' || lpad(split_part({p}, '-', 2), 2, '0') || '-' || lpad(split_part({p}, '-', 3), 2, '0') AS iso_{i}"
            ));
            let iso = format!("iso_{i}");
            let sub = |from: u8, len: u8| d.bytes(&format!("substr({iso}, {from}, {len})"));
            typed_cols.push(format!(
                "CASE WHEN substr({iso}, 1, 1) <> '0'\n               AND {} BETWEEN '01' AND '12'\n               AND {} BETWEEN '01' AND CASE substr({iso}, 6, 2)\n                 WHEN '02' THEN CASE WHEN (CASE WHEN substr({iso}, 3, 2) = '00' THEN substr({iso}, 1, 2) ELSE substr({iso}, 3, 2) END) IN ({}) THEN '29' ELSE '28' END\n                 WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30' WHEN '11' THEN '30' ELSE '31' END\n         THEN {iso} END AS date_{i}",
                sub(6, 2),
                sub(9, 2),
                multiples_of_four(),
            ));
        }
        for (i, cell) in &typed.numbers {
            parsed.push(format!(
                "CASE WHEN {} THEN {cell} END AS number_{i}",
                d.full_match(cell, "-?[0-9]+([.][0-9]+)?")
            ));
            let n = format!("number_{i}");
            split.push(format!(
                "TRIM(LEADING '0' FROM split_part(TRIM(LEADING '-' FROM {n}), '.', 1)) AS int_{i}"
            ));
            split.push(format!(
                "TRIM(TRAILING '0' FROM split_part({n}, '.', 2)) AS frac_{i}"
            ));
            typed_cols.push(format!(
                "CASE WHEN {n} IS NULL THEN NULL WHEN int_{i} = '' AND frac_{i} = '' THEN 0 WHEN substr({n}, 1, 1) = '-' THEN -1 ELSE 1 END AS sign_{i}"
            ));
        }
        cte(
            w,
            first,
            "§4.2: a date of a form of §3.3 with its separators made '-', a number (-?[0-9]+([.][0-9]+)?) as given; else NULL.",
            "parsed",
            &format!("  SELECT {}\n  FROM cells", parsed.join(",\n         ")),
        );
        cte(
            w,
            first,
            "The date as YYYY-MM-DD; the number's integer digits without leading zeros, its fraction without trailing zeros.",
            "split",
            &format!("  SELECT {}\n  FROM parsed", split.join(",\n         ")),
        );
        cte(
            w,
            first,
            "A date that is a real day from the year 1000 (else NULL: it fails every date condition); the number's sign.",
            "typed",
            &format!("  SELECT {}\n  FROM split", typed_cols.join(",\n         ")),
        );
        return "typed";
    }
    "cells"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_by_their_digits() {
        let leap = |y: u32| {
            let (hi, lo) = (format!("'{:02}'", y / 100), format!("'{:02}'", y % 100));
            let list = multiples_of_four();
            if y % 100 == 0 {
                list.contains(&hi)
            } else {
                list.contains(&lo)
            }
        };
        for y in 1000..=9999 {
            assert_eq!(leap(y), y % 4 == 0 && (y % 100 != 0 || y % 400 == 0), "{y}");
        }
    }

    #[test]
    fn a_query_refused_says_why_in_chinese_and_in_english() {
        let (_, record) = crate::draw::inputs::fixtures::drawn();
        let e = selection_query(&record, "T9", Dialect::DuckDb, Data::Kit).unwrap_err();
        assert_eq!(e.to_string(), "the record has no task 'T9' (its tasks: T1)");
        assert_eq!(
            e.message(crate::messages::Lang::Zh),
            "记录中没有任务“T9”（记录中的任务：T1）"
        );
        let data = Data::Tables {
            targets: "audit..targets",
            exclusions: "x",
        };
        let e = selection_query(&record, "T1", Dialect::Postgres, data).unwrap_err();
        assert!(
            e.message(crate::messages::Lang::Zh)
                .starts_with("“audit..targets”不是有效的表名"),
            "{e:?}"
        );
    }
}
