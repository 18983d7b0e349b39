//! SPEC.md's examples, written from the code: §12, the worked example, and §7.4, the SQL of
//! the vector `sql-example`.

use std::fmt::Write as _;

use shuangsui::internal::Ticketer;
use shuangsui::internal::matching;
use shuangsui::internal::to_hex;
use shuangsui::{Seed, ceremony::seed, inputs::digest};

use super::cases::{SQL_EXAMPLE, draw_cases, parse, run};
use crate::fixtures::read_text;

/// The body of SPEC.md §12, between the worked-example markers.
fn worked_example() -> String {
    let c = &draw_cases()[0];
    let inputs = parse(c).unwrap();
    let outcome = run(c).unwrap();
    let record = &outcome.record;
    let mut md = String::new();
    let w = &mut md;
    writeln!(w, "\n### 12.1 Inputs\n").unwrap();
    writeln!(w, "`plan.toml`:\n\n```toml\n{}```\n", c.plan).unwrap();
    writeln!(w, "`targets.csv` (UTF-8, LF):\n\n```\n{}```\n", c.targets).unwrap();
    writeln!(w, "`officers.csv`:\n\n```\n{}```\n", c.officers).unwrap();
    writeln!(w, "Seed: `{}`\n", c.seed).unwrap();

    writeln!(w, "### 12.2 Input digests (§3.4, §4.3)\n").unwrap();
    // The directory as a table of rows, for its leaves: the columns the plan reads, as the
    // draw keeps them (SPEC.md §3.2 rule 5: the others are dropped and not digested).
    let targets_table = shuangsui::inputs::Table::parse(
        shuangsui::inputs::TableKind::Targets,
        "targets.csv",
        c.targets.as_bytes(),
        &shuangsui::draw::table_options(
            inputs.plan(),
            shuangsui::inputs::TableKind::Targets,
            &shuangsui::inputs::ReadOptions::default(),
        ),
    )
    .unwrap();
    for (table, digest_hex) in [
        (&targets_table, &record.inputs.targets.digest),
        (inputs.officers(), &record.inputs.officers.digest),
    ] {
        writeln!(
            w,
            "{}: sorted columns `{}`; row leaves in ascending order:\n",
            table.kind.as_str(),
            table.sorted_columns().join("`, `")
        )
        .unwrap();
        let mut leaves: Vec<(String, &str)> = table
            .rows
            .iter()
            .map(|r| (to_hex(&digest::leaf(table, r)), table.id(r)))
            .collect();
        leaves.sort();
        writeln!(w, "| leaf | row id |\n|---|---|").unwrap();
        for (leaf, id) in &leaves {
            writeln!(w, "| `{leaf}` | {id} |").unwrap();
        }
        // The buckets: the leaves by their first two hex digits, each hashed as their text.
        writeln!(w, "\nbuckets:\n").unwrap();
        let sorted: Vec<&str> = leaves.iter().map(|(l, _)| l.as_str()).collect();
        for bucket in sorted.chunk_by(|a, b| a[..2] == b[..2]) {
            let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(bucket.concat()));
            writeln!(w, "- `{}`: `{hash}`", &bucket[0][..2]).unwrap();
        }
        assert_eq!(
            &hex::encode(shuangsui::inputs::digest::table(table)),
            digest_hex,
            "the example's {} leaves are not the record's digest",
            table.kind.as_str()
        );
        writeln!(w, "\n{}_digest = `{digest_hex}`\n", table.kind.as_str()).unwrap();
    }
    writeln!(w, "plan_digest = `{}`\n", record.inputs.plan.digest).unwrap();
    // The raw digests are not computed by default: the record states `""`; a draw asked for
    // them (`--raw-digest`) records the files' SHA-256.
    assert_eq!(record.inputs.targets.sha256, "");
    let raw = |text: &str| to_hex(&shuangsui::internal::sha256(text.as_bytes()));
    writeln!(
        w,
        "Raw digests (§3.4) are not computed by default, so the record below states `\"\"`; a \
         draw asked for them would record plan `{}`, targets `{}`, officers `{}`.\n",
        raw(&c.plan),
        raw(&c.targets),
        raw(&c.officers)
    )
    .unwrap();

    writeln!(w, "### 12.3 Keys (§5)\n").unwrap();
    writeln!(w, "draw_key = `{}`\n", record.draw_key).unwrap();
    for t in &record.tasks {
        writeln!(w, "task_key({}) = `{}`\n", t.id, t.key).unwrap();
    }

    let seed = Seed::unattested(c.seed).unwrap();
    let draw_key = seed::draw_key(&seed, inputs.digests());
    let checked = shuangsui::check(&inputs).unwrap();
    for (tc, t) in checked.tasks.iter().zip(&record.tasks) {
        let task = tc.task;
        let key = seed::task_key(&draw_key, &task.id);
        writeln!(
            w,
            "### 12.{} Task {} (§6–§8)\n",
            3 + record.tasks.iter().position(|x| x.id == t.id).unwrap() + 1,
            t.id
        )
        .unwrap();
        writeln!(
            w,
            "Frame: {} of {} rows pass the filter and are eligible{}. Strata and counts:\n",
            t.frame.size,
            record.inputs.targets.rows,
            t.frame
                .excluded
                .iter()
                .fold(String::new(), |mut acc, (k, v)| {
                    write!(acc, "; {v} excluded as {k}").unwrap();
                    acc
                })
        )
        .unwrap();
        writeln!(w, "| stratum | frame | quota | count |\n|---|---|---|---|").unwrap();
        for s in &t.strata {
            writeln!(
                w,
                "| {} | {} | {} | {} |",
                show_stratum(&s.stratum),
                s.frame,
                s.quota,
                s.count
            )
            .unwrap();
        }
        writeln!(
            w,
            "\nTickets of the frame, ranked within each stratum (✓ = selected):\n"
        )
        .unwrap();
        writeln!(
            w,
            "| stratum | rank | id | ticket | |\n|---|---|---|---|---|"
        )
        .unwrap();
        let ticketer = Ticketer::targets(&key);
        for s in &t.strata {
            let mut ranked: Vec<(String, &str)> = shuangsui::internal::frame::of(tc)
                .members(&s.stratum)
                .map(|i| {
                    (
                        to_hex(&ticketer.ticket(inputs.targets().id(i))),
                        inputs.targets().id(i),
                    )
                })
                .collect();
            ranked.sort();
            for (i, (ticket, id)) in ranked.iter().enumerate() {
                let mark = if (i as u64) < s.count { "✓" } else { "" };
                writeln!(
                    w,
                    "| {} | {} | {id} | `{ticket}` | {mark} |",
                    show_stratum(&s.stratum),
                    i + 1
                )
                .unwrap();
            }
        }
        let ids: Vec<&str> = t.selected.iter().map(|x| x.target.as_str()).collect();
        let entities: Vec<matching::Entity<'_>> = ids
            .iter()
            .map(|id| matching::Entity { id, region: None })
            .collect();
        let mut load = vec![0; inputs.officers().rows.len()];
        let m = matching::teams(
            task,
            &key,
            inputs.officers(),
            shuangsui::internal::frame::pool(tc),
            &entities,
            &matching::Rules::default(),
            &mut load,
        )
        .unwrap();
        writeln!(
            w,
            "\nOfficer pool: {} officers. The stream's rounds (§8.1):\n",
            m.pool.len()
        )
        .unwrap();
        writeln!(w, "| round | officers in ticket order |\n|---|---|").unwrap();
        for r in 0..m.rounds {
            let order: Vec<&str> =
                matching::round_order(&m.pool, inputs.officers(), &Ticketer::officers(&key, r))
                    .into_iter()
                    .map(|o| inputs.officers().id(&inputs.officers().rows[o]))
                    .collect();
            writeln!(w, "| {r} | {} |", order.join(", ")).unwrap();
        }
        writeln!(
            w,
            "\nFor instance officer_ticket(0, {}) = `{}`.\n",
            inputs.officers().id(&inputs.officers().rows[m.pool[0]]),
            to_hex(
                &Ticketer::officers(&key, 0)
                    .ticket(inputs.officers().id(&inputs.officers().rows[m.pool[0]]))
            )
        )
        .unwrap();
        writeln!(w, "Selected list and teams (§7.2, §8.2):\n").unwrap();
        writeln!(
            w,
            "| # | target | stratum | rank | team |\n|---|---|---|---|---|"
        )
        .unwrap();
        for (i, s) in t.selected.iter().enumerate() {
            writeln!(
                w,
                "| {} | {} {} | {} | {} | {} |",
                i + 1,
                s.target,
                s.name,
                show_stratum(&s.stratum),
                s.rank,
                s.officers.join(", ")
            )
            .unwrap();
        }
        writeln!(
            w,
            "\nWorkload: between {} and {} teams per pool officer.\n",
            t.officers.workload_min, t.officers.workload_max
        )
        .unwrap();
    }
    writeln!(w, "### 12.{} The record (§9)\n", 4 + record.tasks.len()).unwrap();
    writeln!(w, "record digest = `{}`\n", record.digest).unwrap();
    writeln!(
        w,
        "<details><summary>record.json</summary>\n\n```json\n{}```\n\n</details>\n",
        record.to_json()
    )
    .unwrap();
    writeln!(
        w,
        "### 12.{} Reproducing it in Python\n",
        5 + record.tasks.len()
    )
    .unwrap();
    writeln!(
        w,
        "The core of `tests/reproduce.py`, with nothing but the standard library:\n"
    )
    .unwrap();
    writeln!(w, "```python\n{}```", python_core()).unwrap();
    md
}

fn python_core() -> String {
    let script = read_text("tests/reproduce.py");
    let begin = script
        .find("# --- core: begin")
        .expect("core marker in reproduce.py");
    let end = script
        .find("# --- core: end")
        .expect("core marker in reproduce.py");
    let body = &script[begin..end];
    body[body.find('\n').unwrap() + 1..].to_owned()
}

fn show_stratum(s: &[String]) -> String {
    if s.is_empty() {
        "[]".into()
    } else {
        format!("[{}]", s.join(", "))
    }
}

const BEGIN: &str = "<!-- worked-example:begin -->";
const END: &str = "<!-- worked-example:end -->";

/// SPEC.md with its §12 as the code writes it.
pub fn spec_with_example(spec: &str) -> String {
    let b = spec.find(BEGIN).expect("begin marker in SPEC.md") + BEGIN.len();
    let e = spec.find(END).expect("end marker in SPEC.md");
    format!("{}\n{}{}", &spec[..b], worked_example(), &spec[e..])
}

const SQL_BEGIN: &str = "<!-- sql-example:begin -->";
const SQL_END: &str = "<!-- sql-example:end -->";

/// SPEC.md §7.4's example: the queries `shuangsui sql` writes for task T2 of the vector
/// `sql-example`, for `DuckDB` in its kit and for `PostgreSQL` over tables.
fn sql_example() -> String {
    use shuangsui::publish::sql::{Data, Dialect, selection_query};
    let case = draw_cases()
        .into_iter()
        .find(|c| c.id == SQL_EXAMPLE)
        .expect("the sql-example vector");
    let record = run(&case).expect("the sql-example vector draws").record;
    let duckdb = selection_query(&record, "T2", Dialect::DuckDb, Data::Kit).unwrap();
    let postgres = selection_query(
        &record,
        "T2",
        Dialect::Postgres,
        Data::Tables {
            targets: "targets",
            exclusions: "exclusions",
        },
    )
    .unwrap();
    format!(
        "\nThe query for task T2 of the vector `{SQL_EXAMPLE}` (`tests/vectors/draws.json`), as\n\
         `shuangsui sql --record record.json --task T2` writes it for DuckDB, run in the kit:\n\n\
         ```sql\n{duckdb}```\n\n\
         and with `--dialect postgres` (tables `targets` and `exclusions` holding the kit's two\n\
         files):\n\n```sql\n{postgres}```\n"
    )
}

/// SPEC.md with its §7.4 example as the code writes it.
pub fn spec_with_sql_example(spec: &str) -> String {
    let b = spec
        .find(SQL_BEGIN)
        .expect("sql-example begin marker in SPEC.md")
        + SQL_BEGIN.len();
    let e = spec
        .find(SQL_END)
        .expect("sql-example end marker in SPEC.md");
    format!("{}\n{}{}", &spec[..b], sql_example(), &spec[e..])
}
