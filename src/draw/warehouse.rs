//! The draw of a target directory that stays in a data warehouse (SPEC.md §7.5).
//!
//! The warehouse runs two queries that `publish::sql` writes: the **census** (before the
//! round: the directory's rows, and per task the frame size of each stratum and the targets
//! excluded by status) and the **candidates** (after it: each stratum's head of the ranking,
//! as far as the walk can go). From their results, the plan, the roster and the seed, this
//! module allocates the counts, walks the rankings with the skip rules, matches officers and
//! writes the record — the record the directory's file would give, byte for byte.
//!
//! What rests on the warehouse: that the census and the candidates are those of the announced
//! directory. The record is checked afterwards like any other: `verify` from the directory's
//! file, or in the warehouse by the digest query and the selection queries (SPEC.md §3.4,
//! §7.4), which fail unless the table gives the record's digest, frame and selection.

use std::collections::{BTreeMap, HashMap};

use crate::base::canonical::{Hash, to_hex};
use crate::ceremony::seed::{self, Seed};
use crate::draw::frame::Frame;
use crate::draw::run::{self, Draw};
use crate::draw::tickets::Ticketer;
use crate::draw::{Inputs, selection};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::{Directory, IdCheckMode, Row, Table, TableKind};
use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY, OneVisit, Plan};

/// The census query's result (SPEC.md §7.5): the directory's rows, and for each task the
/// frame size of each stratum and the targets the status rule excludes, by reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Census {
    source: String,
    rows: u64,
    tasks: HashMap<String, TaskCensus>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct TaskCensus {
    strata: BTreeMap<Vec<String>, u64>,
    excluded: BTreeMap<String, u64>,
}

/// One row of the candidates query's result.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    line: u64,
    task: String,
    target: String,
    rank: u64,
    ticket: String,
    name: String,
    region: Option<String>,
    stratum: Vec<String>,
}

/// The candidates query's result (SPEC.md §7.5): for each task, the head of each stratum's
/// ranking — target, rank, ticket, name, stratum values and, when the plan matches officers by
/// jurisdiction, region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    source: String,
    rows: Vec<Candidate>,
}

/// What the candidates query must return for one task: its key and, per stratum, how far
/// down the ranking (SPEC.md §7.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    /// The task's id.
    pub task: String,
    /// Its task key (SPEC.md §5.2).
    pub key: Hash,
    /// Each stratum of its frame, in stratum order: its values and the number of ranks wanted.
    pub strata: Vec<(Vec<String>, u64)>,
}

fn error(id: &'static str, at: Location) -> Error {
    Error::with_id(ErrorKind::Warehouse, id).at(at)
}

/// A query result as CSV (RFC 4180, UTF-8, a header): its records with their lines, and the
/// position of each named column.
struct Csv {
    header: Vec<String>,
    records: Vec<(u64, csv::StringRecord)>,
}

impl Csv {
    fn read(source: &str, bytes: &[u8]) -> Result<Csv> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(bytes);
        let bad = |e: csv::Error| {
            let line = e.position().map_or(1, csv::Position::line);
            error("warehouse-csv", Location::line(source, line)).arg("problem", e.to_string())
        };
        let header: Vec<String> = reader
            .headers()
            .map_err(bad)?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        let mut records = Vec::new();
        for r in reader.records() {
            let r = r.map_err(bad)?;
            records.push((r.position().map_or(0, csv::Position::line), r));
        }
        Ok(Csv { header, records })
    }

    fn column(&self, source: &str, name: &str) -> Result<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            error("warehouse-column", Location::file(source))
                .arg("column", name)
                .arg("found", self.header.join(", "))
        })
    }

    /// The stratum columns `s1`, `s2`, … present.
    fn strata(&self) -> Vec<usize> {
        (1..)
            .map_while(|i| self.header.iter().position(|h| *h == format!("s{i}")))
            .collect()
    }
}

fn number(source: &str, line: u64, column: &str, value: &str) -> Result<u64> {
    value.parse::<u64>().map_err(|_| {
        error("warehouse-number", Location::line(source, line))
            .arg("column", column)
            .arg("value", value)
    })
}

/// A task's stratum values from a row's `s1`, `s2`, … cells: the task's number of them, the
/// rest empty.
fn stratum(
    source: &str,
    line: u64,
    record: &csv::StringRecord,
    columns: &[usize],
    arity: usize,
    task: &str,
) -> Result<Vec<String>> {
    if columns.len() < arity {
        return Err(error("warehouse-strata-columns", Location::file(source))
            .arg("task", task)
            .arg("wanted", arity as u64)
            .arg("found", columns.len() as u64));
    }
    if columns[arity..].iter().any(|&c| !record[c].is_empty()) {
        return Err(
            error("warehouse-strata-extra", Location::line(source, line)).arg("task", task),
        );
    }
    Ok(columns[..arity]
        .iter()
        .map(|&c| record[c].to_owned())
        .collect())
}

fn plan_task<'p>(
    plan: &'p Plan,
    source: &str,
    line: u64,
    id: &str,
) -> Result<&'p crate::plan::Task> {
    plan.tasks.iter().find(|t| t.id == id).ok_or_else(|| {
        error("warehouse-unknown-task", Location::line(source, line))
            .arg("task", id)
            .arg(
                "tasks",
                plan.tasks
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
    })
}

impl Census {
    /// Reads the census query's result: columns `task`, `reason`, `s1` … `sK`, `n`; one row
    /// with an empty `task` giving the directory's rows; for a task, a row per stratum with an
    /// empty `reason` (its frame size) and a row per status reason (`s` cells empty).
    ///
    /// # Errors
    ///
    /// The result is not such a table, names a task or a reason the plan does not have, or
    /// repeats a row.
    pub fn parse(source: &str, bytes: &[u8], plan: &Plan) -> Result<Census> {
        let csv = Csv::read(source, bytes)?;
        let (task_c, reason_c, n_c) = (
            csv.column(source, "task")?,
            csv.column(source, "reason")?,
            csv.column(source, "n")?,
        );
        let strata_c = csv.strata();
        let mut rows = None;
        let mut tasks: HashMap<String, TaskCensus> = HashMap::new();
        for (line, r) in &csv.records {
            let (line, task, reason) = (*line, &r[task_c], &r[reason_c]);
            let n = number(source, line, "n", &r[n_c])?;
            if task.is_empty() {
                if rows.replace(n).is_some() {
                    return Err(error("warehouse-census-rows", Location::line(source, line)));
                }
                continue;
            }
            let t = plan_task(plan, source, line, task)?;
            let entry = tasks.entry(task.to_owned()).or_default();
            let repeated = if reason.is_empty() {
                let key = stratum(source, line, r, &strata_c, t.strata.len(), task)?;
                entry.strata.insert(key, n).is_some()
            } else {
                if !plan.exclude_status.iter().any(|k| k == reason) {
                    return Err(
                        error("warehouse-census-reason", Location::line(source, line))
                            .arg("task", task)
                            .arg("reason", reason),
                    );
                }
                stratum(source, line, r, &strata_c, 0, task)?;
                entry.excluded.insert(reason.to_owned(), n).is_some()
            };
            if repeated {
                return Err(
                    error("warehouse-census-repeated", Location::line(source, line))
                        .arg("task", task),
                );
            }
        }
        let rows = rows.ok_or_else(|| error("warehouse-census-rows", Location::file(source)))?;
        for t in tasks.values_mut() {
            t.strata.retain(|_, n| *n > 0);
            t.excluded.retain(|_, n| *n > 0);
        }
        Ok(Census {
            source: source.to_owned(),
            rows,
            tasks,
        })
    }

    /// The directory's rows.
    pub fn rows(&self) -> u64 {
        self.rows
    }
}

impl Candidates {
    /// Reads the candidates query's result: columns `task`, `target`, `rank`, `ticket`,
    /// `name`, `s1` … `sK` and, when the plan matches by jurisdiction, `region`.
    ///
    /// # Errors
    ///
    /// The result is not such a table, or names a task the plan does not have.
    pub fn parse(source: &str, bytes: &[u8], plan: &Plan) -> Result<Candidates> {
        let csv = Csv::read(source, bytes)?;
        let c = |name| csv.column(source, name);
        let (task_c, target_c, rank_c, ticket_c, name_c) = (
            c("task")?,
            c("target")?,
            c("rank")?,
            c("ticket")?,
            c("name")?,
        );
        let regions = plan.tasks.iter().any(|t| t.officer_region.is_some());
        let region_c = if regions { Some(c("region")?) } else { None };
        let strata_c = csv.strata();
        let mut rows = Vec::with_capacity(csv.records.len());
        for (line, r) in &csv.records {
            let line = *line;
            let t = plan_task(plan, source, line, &r[task_c])?;
            rows.push(Candidate {
                line,
                task: t.id.clone(),
                target: r[target_c].to_owned(),
                rank: number(source, line, "rank", &r[rank_c])?,
                ticket: r[ticket_c].to_owned(),
                name: r[name_c].to_owned(),
                region: region_c.map(|c| r[c].to_owned()),
                stratum: stratum(source, line, r, &strata_c, t.strata.len(), &t.id)?,
            });
        }
        Ok(Candidates {
            source: source.to_owned(),
            rows,
        })
    }
}

/// Refuses what the warehouse flow does not compute: the listed exclusions (earlier batches,
/// recent inspections, the annual cap over a history) and an id check that lists ids.
fn supported(inputs: &Inputs) -> Result<()> {
    let plan = &inputs.plan;
    let refuse = |what: &str| {
        Err(Error::with_id(ErrorKind::Warehouse, "warehouse-unsupported").arg("what", what))
    };
    if !inputs.earlier.is_empty() {
        return refuse(EARLIER_BATCH);
    }
    if let Some(t) = plan.tasks.iter().find(|t| t.exclude_inspected.is_some()) {
        return refuse(&format!("{INSPECTED_RECENTLY} ({})", t.id));
    }
    if plan.max_inspections_per_year.is_some() && inputs.history.is_some() {
        return refuse(ANNUAL_CAP);
    }
    if inputs.targets.id_check != IdCheckMode::Strict {
        return refuse("id_check = warn");
    }
    Ok(())
}

/// Each task's frame from the census, strata in stratum order (no rows yet).
fn frames(inputs: &Inputs, census: &Census) -> Result<Vec<Frame>> {
    let plan = &inputs.plan;
    let mut reasons = plan.exclude_status.clone();
    reasons.extend([EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP].map(str::to_owned));
    plan.tasks
        .iter()
        .map(|task| {
            let c = census.tasks.get(&task.id).cloned().unwrap_or_default();
            let size = c.strata.values().sum();
            if size == 0 {
                return Err(Error::new(ErrorKind::EmptyFrame)
                    .arg("task", task.id.clone())
                    .arg("filter", task.filter.message())
                    .arg("rows", census.rows)
                    .arg("excluded", c.excluded.values().sum::<u64>()));
            }
            Ok(Frame {
                strata: c.strata.into_iter().collect(),
                rows: Vec::new(),
                size,
                excluded: c.excluded,
                excluded_rows: Vec::new(),
                reasons: reasons.clone(),
            })
        })
        .collect()
}

/// What the candidates query must return (SPEC.md §7.5): per task, its key and how far down
/// each stratum's ranking. A stratum's walk takes its count, plus one target for each it
/// skips; a target is skipped only when an earlier task of this draw took it (without
/// earlier batches or a history, which the warehouse flow does not take), so the walk never
/// goes further than the count plus the targets the earlier tasks draw — and never past the
/// stratum's frame.
///
/// # Errors
///
/// The census gives a task an empty frame, a quota has no entry for a stratum, or the inputs
/// hold what the warehouse flow does not compute ([`ErrorKind::Warehouse`]).
pub fn wanted(inputs: &Inputs, seed: &Seed, census: &Census) -> Result<Vec<Wanted>> {
    supported(inputs)?;
    let draw_key = seed::draw_key(seed, &inputs.digests);
    let plan = &inputs.plan;
    let skips = plan.one_visit == OneVisit::Exclusive || plan.max_inspections_per_year.is_some();
    let mut before = 0_u64;
    let mut out = Vec::new();
    for (task, frame) in plan.tasks.iter().zip(frames(inputs, census)?) {
        let (allocated, _) = selection::allocate(task, &frame)?;
        let slack = if skips { before } else { 0 };
        out.push(Wanted {
            task: task.id.clone(),
            key: seed::task_key(&draw_key, &task.id),
            strata: allocated
                .iter()
                .map(|a| {
                    let want = if a.count == 0 {
                        0
                    } else {
                        (a.count + slack).min(a.frame)
                    };
                    (a.key.clone(), want)
                })
                .collect(),
        });
        before += allocated.iter().map(|a| a.count).sum::<u64>();
    }
    Ok(out)
}

/// The directory's rows the candidates name, one per target, in order of first appearance,
/// every column the plan keeps (those the candidates do not give, empty: nothing reads them).
fn directory(inputs: &Inputs, candidates: &Candidates) -> Result<Directory> {
    let plan = &inputs.plan;
    let header = &inputs.targets.columns;
    let col = |name: &str| header.iter().position(|c| c == name);
    let mut rows: Vec<Row> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for c in &candidates.rows {
        let task = plan_task(plan, &candidates.source, c.line, &c.task)?;
        let mut values = vec![String::new(); header.len()];
        let mut set = |name: &str, value: &str| {
            if let Some(i) = col(name) {
                value.clone_into(&mut values[i]);
            }
        };
        set("id", &c.target);
        set("name", &c.name);
        if let Some(region) = &c.region {
            set("region", region);
        }
        for (name, value) in task.strata.iter().zip(&c.stratum) {
            set(name, value);
        }
        match index.get(c.target.as_str()) {
            None => {
                index.insert(&c.target, rows.len());
                rows.push(Row {
                    line: c.line,
                    values,
                });
            }
            Some(&i) => {
                // The same target for another task: every value either gives agrees.
                let row = &mut rows[i];
                for (have, new) in row.values.iter_mut().zip(values) {
                    if new.is_empty() {
                        continue;
                    }
                    if have.is_empty() {
                        *have = new;
                    } else if *have != new {
                        return Err(error(
                            "warehouse-candidate-differs",
                            Location::line(&candidates.source, c.line),
                        )
                        .arg("target", c.target.clone())
                        .arg("first", row.line)
                        .arg("value", new));
                    }
                }
            }
        }
    }
    // Through the reader's own checks: the ids (strict), the values' normal form.
    let mut csv = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut csv);
        let _ = w.write_record(header);
        for r in &rows {
            let _ = w.write_record(&r.values);
        }
        let _ = w.flush();
    }
    let read = crate::inputs::ReadOptions {
        format: Some(crate::inputs::Format::Csv),
        encoding: Some(crate::inputs::Encoding::Utf8),
        sheet: None,
    };
    let options = crate::inputs::TableOptions {
        keep: None,
        ..crate::draw::table_options(plan, TableKind::Targets, &read)
    };
    let table = Table::parse(TableKind::Targets, &candidates.source, &csv, &options)?;
    Ok(Directory::from_table(table))
}

/// The candidates' checks against the census and the tickets (SPEC.md §7.5): each stratum's
/// candidates are the head of its ranking — ranks 1, 2, … in ticket order, each ticket the
/// target's — no longer than its frame. Returns each task's frame with its rows.
fn place(
    inputs: &Inputs,
    seed: &Seed,
    census: &Census,
    candidates: &Candidates,
    targets: &Directory,
) -> Result<Vec<Frame>> {
    let draw_key = seed::draw_key(seed, &inputs.digests);
    let mut frames = frames(inputs, census)?;
    let row_of: HashMap<&str, usize> = (0..targets.len()).map(|r| (targets.id(r), r)).collect();
    let source = &candidates.source;
    for (task, frame) in inputs.plan.tasks.iter().zip(&mut frames) {
        let ticketer = Ticketer::targets(&seed::task_key(&draw_key, &task.id));
        let mut by_stratum: Vec<Vec<(Hash, &Candidate)>> = vec![Vec::new(); frame.strata.len()];
        for c in candidates.rows.iter().filter(|c| c.task == task.id) {
            let s = frame
                .strata
                .iter()
                .position(|(k, _)| *k == c.stratum)
                .ok_or_else(|| {
                    error(
                        "warehouse-candidate-stratum",
                        Location::line(source, c.line),
                    )
                    .arg("task", task.id.clone())
                    .arg("target", c.target.clone())
                    .arg("stratum", c.stratum.join(" × "))
                })?;
            let ticket = ticketer.ticket(&c.target);
            if to_hex(&ticket) != c.ticket {
                return Err(
                    error("warehouse-candidate-ticket", Location::line(source, c.line))
                        .arg("task", task.id.clone())
                        .arg("target", c.target.clone())
                        .arg("found", c.ticket.clone())
                        .arg("ticket", to_hex(&ticket)),
                );
            }
            by_stratum[s].push((ticket, c));
        }
        for (s, list) in by_stratum.iter_mut().enumerate() {
            list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.target.cmp(&b.1.target)));
            let (key, n) = &frame.strata[s];
            if list.len() as u64 > *n {
                return Err(error("warehouse-candidates-over", Location::file(source))
                    .arg("task", task.id.clone())
                    .arg("stratum", key.join(" × "))
                    .arg("found", list.len() as u64)
                    .arg("frame", *n));
            }
            for (i, (_, c)) in list.iter().enumerate() {
                if c.rank != i as u64 + 1 {
                    return Err(
                        error("warehouse-candidate-rank", Location::line(source, c.line))
                            .arg("task", task.id.clone())
                            .arg("target", c.target.clone())
                            .arg("found", c.rank)
                            .arg("rank", i as u64 + 1),
                    );
                }
                frame
                    .rows
                    .push((row_of[c.target.as_str()] as u32, s as u32));
            }
        }
    }
    Ok(frames)
}

/// What a warehouse gave for a directory it holds (SPEC.md §7.5), kept in the [`Inputs`].
#[derive(Debug)]
pub(crate) struct Held {
    census: Census,
    candidates: Candidates,
}

impl Inputs {
    /// The inputs of a directory held in a warehouse ([`Inputs::parse_elsewhere`]), with its
    /// census and candidates (SPEC.md §7.5): [`draw`](crate::draw()) then draws from them —
    /// the record the directory's file gives with the same seed — and
    /// [`verify`](crate::verify()) re-draws from them. Add the history and the conflicts
    /// first. [`check`](crate::check) still refuses such inputs (the directory is not here).
    ///
    /// # Errors
    ///
    /// The inputs read the directory itself; they hold what the warehouse flow does not
    /// compute (earlier batches, recent-inspection exclusions, the annual cap over a history,
    /// ids checked as a warning) ([`ErrorKind::Warehouse`]); or the candidates' rows are not
    /// a directory's (an id failing its check, a value given twice differently).
    pub fn with_warehouse(mut self, census: Census, candidates: Candidates) -> Result<Inputs> {
        supported(&self)?;
        if self.elsewhere.is_none() {
            return Err(Error::with_id(
                ErrorKind::Warehouse,
                "warehouse-directory-here",
            ));
        }
        self.targets = directory(&self, &candidates)?;
        self.elsewhere = Some(census.rows);
        self.held = Some(std::sync::Arc::new(Held { census, candidates }));
        Ok(self)
    }
}

/// The draw from a warehouse's results: the candidates checked and placed in each task's
/// frame, then the draw of SPEC.md §6–§9 on them.
pub(crate) fn draw_held(inputs: &Inputs, seed: &Seed, held: &Held) -> Result<Draw> {
    let frames = place(
        inputs,
        seed,
        &held.census,
        &held.candidates,
        &inputs.targets,
    )?;
    run::run(
        inputs,
        seed,
        Some(run::Held {
            rows: held.census.rows,
            frames,
            source: &held.candidates.source,
        }),
    )
}
