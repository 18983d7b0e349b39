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

use std::collections::{BTreeSet, HashMap};

use crate::base::canonical::{Hash, to_hex};
use crate::ceremony::seed::{self, Seed};
use crate::draw::census::{Candidate, Held, error, plan_task};
pub use crate::draw::census::{Candidates, Census};
use crate::draw::earlier::Earlier;
use crate::draw::frame::Frame;
use crate::draw::history::History;
use crate::draw::inputs::Inputs;
use crate::draw::selection;
use crate::draw::tickets::Ticketer;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::{Directory, IdCheckMode, Row, Table, TableKind};
use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY, OneVisit};

/// What the candidates query must return for one task: its key and, per stratum, how far
/// down the ranking (SPEC.md §7.5).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    /// The task's id.
    pub task: String,
    /// Its task key (SPEC.md §5.2).
    pub key: Hash,
    /// Each stratum of its frame, in stratum order: its values, the number of ranks wanted,
    /// and its size in the census (which the query checks).
    pub strata: Vec<(Vec<String>, u64, u64)>,
}

/// Whether the inputs can exclude targets by listing them (SPEC.md §6.1): earlier batches,
/// or a history with recent-inspection exclusions or the annual cap.
fn may_list(inputs: &Inputs) -> bool {
    let plan = &inputs.plan;
    !inputs.earlier.is_empty()
        || (inputs.history.is_some()
            && (plan.max_inspections_per_year.is_some()
                || plan.tasks.iter().any(|t| t.exclude_inspected.is_some())))
}

/// Refuses what the warehouse flow does not compute — an id check that lists ids — and a
/// census that did not read the possible listed exclusions these inputs make (or read some
/// these inputs do not make).
fn supported(inputs: &Inputs, census: Option<&Census>) -> Result<()> {
    if inputs.targets.id_check != IdCheckMode::Strict {
        return Err(
            Error::with_id(ErrorKind::Warehouse, "warehouse-unsupported")
                .arg("what", "id_check = warn"),
        );
    }
    if let Some(task) = inputs
        .plan
        .tasks
        .iter()
        .find(|t| t.exclude_inspected.is_some() && inputs.history.is_none())
    {
        return Err(Error::new(ErrorKind::MissingHistory).arg("task", task.id.clone()));
    }
    if let Some(census) = census {
        match (may_list(inputs), census.listed_read) {
            (true, None) => {
                return Err(error(
                    "warehouse-census-listed-missing",
                    Location::file(&census.source),
                ));
            }
            (_, Some((n, digest))) => {
                // The table the census joined must be the list these inputs give: a row added
                // would exclude a target the history and the batches do not.
                let listed = possible_listed(inputs)?;
                let expected = crate::draw::census::possible_listed_digest(
                    listed
                        .iter()
                        .map(|(t, id, r)| (t.as_str(), id.as_str(), *r)),
                );
                if digest != expected {
                    return Err(error(
                        "warehouse-census-listed-other",
                        Location::file(&census.source),
                    )
                    .arg("rows", n)
                    .arg("expected", listed.len() as u64));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The **possible listed exclusions** (SPEC.md §7.5): for each task, in plan order, every
/// target the earlier batches, the history and the annual cap would exclude (§6.1) were it
/// in the task's frame, with its reason, sorted by target — computed without the directory,
/// for the warehouse to join. The census keeps those that pass the task's filter and are not
/// excluded by status: the task's listed exclusions.
///
/// # Errors
///
/// A task excludes recently inspected targets but there is no history.
pub fn possible_listed(inputs: &Inputs) -> Result<Vec<(String, String, &'static str)>> {
    supported(inputs, None)?;
    let plan = &inputs.plan;
    let history = inputs.history.as_ref().map(|(t, _)| History::new(t));
    let earlier = Earlier::new(&inputs.earlier, plan);
    let mut ids: BTreeSet<&str> = earlier.visits.keys().map(String::as_str).collect();
    ids.extend(earlier.drawn.iter().map(|(_, id)| id.as_str()));
    if let Some(h) = &history {
        ids.extend(h.entities());
    }
    let mut out = Vec::new();
    for task in &plan.tasks {
        for &id in &ids {
            let recent = match (&history, plan.date, task.exclude_inspected) {
                (Some(h), Some(day), Some(rule)) => h.recently(id, task, rule, day),
                _ => false,
            };
            let capped = match (plan.max_inspections_per_year, plan.date) {
                (Some(cap), Some(day)) => {
                    history.as_ref().map_or(0, |h| h.in_year(id, day))
                        + earlier.visits.get(id).copied().unwrap_or(0)
                        >= cap
                }
                _ => false,
            };
            let reason = if earlier.drawn.contains(&(task.id.clone(), id.to_owned())) {
                EARLIER_BATCH
            } else if recent {
                INSPECTED_RECENTLY
            } else if capped {
                ANNUAL_CAP
            } else {
                continue;
            };
            out.push((task.id.clone(), id.to_owned(), reason));
        }
    }
    Ok(out)
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
            // The listed exclusions' count must be the sum of their reasons' counts.
            let listed: u64 = [EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP]
                .iter()
                .filter_map(|r| c.excluded.get(*r))
                .sum();
            let listed_digest = match c.listed {
                Some((digest, n)) if n == listed => digest,
                None if listed == 0 => crate::inputs::digest::listed_exclusions([]),
                _ => {
                    return Err(error(
                        "warehouse-census-listed-count",
                        Location::file(&census.source),
                    )
                    .arg("task", task.id.clone())
                    .arg("found", c.listed.map_or(0, |(_, n)| n))
                    .arg("count", listed));
                }
            };
            Ok(Frame {
                strata: c.strata.into_iter().collect(),
                rows: Vec::new(),
                size,
                excluded: c.excluded,
                excluded_rows: Vec::new(),
                reasons: reasons.clone(),
                listed_digest: Some(listed_digest),
            })
        })
        .collect()
}

/// What the candidates query must return (SPEC.md §7.5): per task, its key and how far down
/// each stratum's ranking. A stratum's walk takes its count, plus one target for each it
/// skips; a target in the frame is skipped only when an earlier task of this draw took it, or
/// (under `exclusive`) an earlier batch did — the history and the earlier batches alone
/// exclude it from the frame instead (a listed exclusion) — so the walk never goes further
/// than the count plus those targets, and never past the stratum's frame.
///
/// # Errors
///
/// The census gives a task an empty frame, a quota has no entry for a stratum, the census
/// did not read the possible listed exclusions these inputs make, or ids are checked as a
/// warning ([`ErrorKind::Warehouse`]).
pub fn wanted(inputs: &Inputs, seed: &Seed, census: &Census) -> Result<Vec<Wanted>> {
    supported(inputs, Some(census))?;
    let draw_key = seed::draw_key(seed, &inputs.digests);
    let plan = &inputs.plan;
    let exclusive = plan.one_visit == OneVisit::Exclusive;
    let skips = exclusive || plan.max_inspections_per_year.is_some();
    // Under `exclusive` a target an earlier batch drew (for another task) is skipped too.
    let mut before = if exclusive {
        Earlier::new(&inputs.earlier, plan).tasks.len() as u64
    } else {
        0
    };
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
                    (a.key.clone(), want, a.frame)
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
                for ((have, new), column) in row.values.iter_mut().zip(values).zip(header) {
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
                        .arg("column", column.as_str())
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
        ..crate::draw::inputs::table_options(plan, TableKind::Targets, &read)
    };
    let table = Table::parse(TableKind::Targets, &candidates.source, &csv, &options)?;
    Ok(Directory::from_table(table))
}

/// The candidates' checks against the census and the tickets (SPEC.md §7.5): each stratum's
/// candidates are the head of its ranking — ranks 1, 2, … in ticket order, each ticket the
/// target's — no longer than its frame. Returns each task's frame with its rows.
pub(crate) fn place(
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
        let mut lines: HashMap<&str, u64> = HashMap::new();
        for c in candidates.rows.iter().filter(|c| c.task == task.id) {
            if let Some(first) = lines.insert(&c.target, c.line) {
                return Err(
                    error("warehouse-candidate-twice", Location::line(source, c.line))
                        .arg("task", task.id.clone())
                        .arg("target", c.target.clone())
                        .arg("first", first),
                );
            }
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

impl Inputs {
    /// The inputs of a directory held in a warehouse ([`Inputs::parse_elsewhere`]), with its
    /// census and candidates (SPEC.md §7.5): [`draw`](crate::draw()) then draws from them —
    /// the record the directory's file gives with the same seed — and
    /// [`verify`](crate::verify()) re-draws from them. Add the history, the conflicts and the
    /// earlier batches first. [`check`](crate::check) still refuses such inputs (the
    /// directory is not here).
    ///
    /// # Errors
    ///
    /// The inputs read the directory itself; ids are checked as a warning; the census did not
    /// read the possible listed exclusions these inputs make ([`possible_listed`]), or read
    /// some they do not make ([`ErrorKind::Warehouse`]); or the candidates' rows are not a
    /// directory's (an id failing its check, a value given twice differently).
    pub fn with_warehouse(mut self, census: Census, candidates: Candidates) -> Result<Inputs> {
        supported(&self, Some(&census))?;
        if self.elsewhere.is_none() {
            return Err(Error::with_id(
                ErrorKind::Warehouse,
                "warehouse-directory-here",
            ));
        }
        // No candidates (every count 0): the directory's header alone, as it is.
        if !candidates.rows.is_empty() {
            self.targets = directory(&self, &candidates)?;
        }
        self.elsewhere = Some(census.rows);
        self.held = Some(std::sync::Arc::new(Held { census, candidates }));
        Ok(self)
    }
}
