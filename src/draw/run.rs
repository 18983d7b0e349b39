//! The draw: from parsed inputs and a seed to a sealed record; and the
//! check, which does everything but the draw.

use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Hash, to_hex};
use crate::draw::matching;
use crate::error::{Result, Warning};
use crate::inputs::Table;
use crate::inputs::digest;
use std::collections::HashMap;

use rayon::prelude::*;

use super::inputs::Inputs;
use crate::ceremony::seed::{self, Seed};
use crate::draw::frame;
use crate::draw::record::{
    Allocation, DepartmentPool, Frame, IdCheckInfo, IneligibleOfficer, InputDigest,
    Inputs as RecordInputs, OfficerPool, OfficersInput, PlanInfo, Record, SeedInfo, Selected,
    SkippedRecord, StratumRecord, TableInput, TargetsInput, TaskRecord, Visit,
};
use crate::draw::selection::{self};
use crate::plan::OneVisit;

/// A finished draw: the sealed record and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Draw {
    /// The record.
    pub record: Record,
    /// Warnings (unused ratio entries, counts larger than a frame, unchecked certificates).
    pub warnings: Vec<Warning>,
    /// Every excluded or skipped target, for the companion file: (task, target id, reason),
    /// task by task, frame exclusions in directory order, then skips.
    pub exclusions: Exclusions,
}

/// The excluded and skipped targets of a draw, in the companion file's order, held
/// compactly (a provincial draw has hundreds of thousands).
///
/// This is the clerk's account of a draw (`record.exclusions.csv` beside the record): every
/// target left out and why — by status, by a rule of the plan, or skipped while drawing —
/// in directory order. It is not the verification kit's `exclusions.csv`
/// ([`publish::sql::exclusions_csv`](crate::publish::sql::exclusions_csv)), which holds only
/// the exclusions a SQL engine cannot compute from the directory, sorted as each task's
/// `frame.listed` digest binds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclusions {
    tasks: Vec<String>,
    reasons: Vec<String>,
    reason_index: HashMap<String, u32>,
    /// The target ids, one after another.
    targets: String,
    /// Each entry: where its id ends in `targets`, its task and its reason.
    entries: Vec<(usize, u32, u32)>,
}

impl Exclusions {
    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was excluded or skipped.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry: (task id, target id, reason).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, &(end, task, reason))| {
                let start = if i == 0 { 0 } else { self.entries[i - 1].0 };
                (
                    self.tasks[task as usize].as_str(),
                    &self.targets[start..end],
                    self.reasons[reason as usize].as_str(),
                )
            })
    }

    /// The companion file `record.exclusions.csv`: `task,target,reason`, a line each (see
    /// [`Exclusions`] for how it differs from the kit's `exclusions.csv`).
    pub fn to_csv(&self) -> String {
        let mut csv = String::with_capacity(self.targets.len() + self.entries.len() * 16 + 20);
        csv.push_str("task,target,reason\n");
        for (task, target, reason) in self.iter() {
            for (i, field) in [task, target, reason].into_iter().enumerate() {
                if i > 0 {
                    csv.push(',');
                }
                csv.push_str(field);
            }
            csv.push('\n');
        }
        csv
    }

    fn start_task(&mut self, id: &str) {
        self.tasks.push(id.to_owned());
    }

    fn push(&mut self, target: &str, reason: &str) {
        let next = self.reasons.len() as u32;
        let r = *self
            .reason_index
            .entry(reason.to_owned())
            .or_insert_with(|| next);
        if r == next {
            self.reasons.push(reason.to_owned());
        }
        self.targets.push_str(target);
        let task = self.tasks.len() as u32 - 1;
        self.entries.push((self.targets.len(), task, r));
    }
}

/// The merged visits (SPEC.md §7.3): every target drawn by more than one
/// task, with those tasks in plan order and the union of their teams in
/// order of first appearance; sorted by target id.
fn merged_visits(tasks: &[TaskRecord]) -> Vec<Visit> {
    // Most targets are drawn by one task: count first, build only the merged visits.
    let mut drawn: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
    for s in tasks.iter().flat_map(|t| &t.selected) {
        *drawn.entry(s.target.as_str()).or_default() += 1;
    }
    let mut by_target: std::collections::BTreeMap<&str, Visit> = std::collections::BTreeMap::new();
    for t in tasks {
        for s in t.selected.iter().filter(|s| drawn[s.target.as_str()] > 1) {
            let v = by_target.entry(&s.target).or_insert_with(|| Visit {
                target: s.target.clone(),
                tasks: Vec::new(),
                officers: Vec::new(),
            });
            v.tasks.push(t.id.clone());
            for o in &s.officers {
                if !v.officers.contains(o) {
                    v.officers.push(o.clone());
                }
            }
        }
    }
    by_target.into_values().collect()
}

/// The draw from a warehouse's results: the candidates checked and placed in each task's
/// frame, then the draw of SPEC.md §6–§9 on them.
fn draw_held(inputs: &Inputs, seed: &Seed, held: &super::census::Held) -> Result<Draw> {
    let frames = super::warehouse::place(
        inputs,
        seed,
        &held.census,
        &held.candidates,
        &inputs.targets,
    )?;
    run(
        inputs,
        seed,
        Some(Held {
            rows: held.census.rows,
            frames,
            source: &held.candidates.source,
        }),
    )
}

/// A warehouse's candidates ran out before a stratum's walk ended (SPEC.md §7.5): the walk
/// took fewer than the count while the frame holds more targets than the candidates.
fn short_of_candidates(
    source: &str,
    task: &str,
    frame: &frame::Frame,
    selection: &selection::Selection,
) -> Result<()> {
    for (i, s) in selection.strata.iter().enumerate() {
        let candidates = frame.rows.iter().filter(|&&(_, k)| k as usize == i).count() as u64;
        if (s.picks.len() as u64) < s.count && candidates < s.frame {
            return Err(crate::error::Error::with_id(
                crate::error::ErrorKind::Warehouse,
                "warehouse-candidates-short",
            )
            .at(crate::error::Location::file(source))
            .arg("task", task)
            .arg("stratum", s.key.join(" × "))
            .arg("candidates", candidates)
            .arg("count", s.count)
            .arg("frame", s.frame));
        }
    }
    Ok(())
}

fn aux_input(table: &Table, raw: Option<&Hash>) -> TableInput {
    TableInput {
        digest: to_hex(&digest::table(table)),
        sha256: raw.map(to_hex).unwrap_or_default(),
        rows: table.rows.len() as u64,
        columns: table.sorted_columns(),
    }
}

/// Performs the draw (SPEC.md §5–§9).
pub fn draw(inputs: &Inputs, seed: &Seed) -> Result<Draw> {
    if let Some(held) = &inputs.held {
        return draw_held(inputs, seed, held);
    }
    run(inputs, seed, None)
}

/// What a warehouse gave for a directory it holds (SPEC.md §7.5): the directory's rows, each
/// task's frame from its census with the candidates as its rows, and the candidates' name
/// for messages.
pub(crate) struct Held<'a> {
    pub(crate) rows: u64,
    pub(crate) frames: Vec<frame::Frame>,
    pub(crate) source: &'a str,
}

/// The draw, of a directory here or (`held`) held in a warehouse, whose candidates `inputs`
/// then hold as the directory's rows.
fn run(inputs: &Inputs, seed: &Seed, held: Option<Held<'_>>) -> Result<Draw> {
    let (rows, source) = match &held {
        Some(h) => (Some(h.rows), Some(h.source)),
        None => (None, None),
    };
    let checked = super::check::check_with(inputs, held.map(|h| h.frames))?;
    let draw_key = seed::draw_key(seed, &inputs.digests);
    let targets = &inputs.targets;
    let officers = &inputs.officers;
    let plan = &inputs.plan;
    let mut tasks = Vec::with_capacity(checked.tasks.len());
    // Which tasks drew each target row, in plan order (SPEC.md §7.3).
    let mut drawn_by: HashMap<usize, Vec<String>> = HashMap::new();
    let mut exclusions = Exclusions::default();
    let mut plan_load = vec![0_u64; officers.rows.len()];
    let conflicts: Option<HashMap<String, std::collections::HashSet<String>>> =
        inputs.conflicts.as_ref().map(|_| {
            let mut by_entity: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
            for (officer, entity) in inputs.conflict_pairs() {
                by_entity.entry(entity).or_default().insert(officer);
            }
            by_entity
        });
    for tc in checked.tasks {
        let task = tc.task;
        let key = seed::task_key(&draw_key, &task.id);
        let mut skip = |row: usize| -> Option<String> {
            let id = targets.id(row);
            let before = checked.earlier.tasks.get(id).map_or(&[][..], Vec::as_slice);
            let earlier = drawn_by.get(&row).map_or(&[][..], Vec::as_slice);
            if plan.one_visit == OneVisit::Exclusive
                && let Some(first) = before.first().or(earlier.first())
            {
                return Some(format!("drawn_by:{first}"));
            }
            let cap = plan.max_inspections_per_year?;
            if plan.one_visit == OneVisit::Merge && !earlier.is_empty() {
                return None; // one more item on a visit already planned
            }
            let day = plan.date?;
            let past = checked.history.as_ref().map_or(0, |h| h.in_year(id, day))
                + checked.earlier.visits.get(id).copied().unwrap_or(0);
            let planned = if plan.one_visit == OneVisit::Merge {
                u64::from(!earlier.is_empty())
            } else {
                earlier.len() as u64
            };
            (past + planned >= cap).then(|| crate::plan::ANNUAL_CAP.to_owned())
        };
        let (selection, skipped) =
            selection::select(&key, targets, &tc.frame, &tc.strata, &mut skip);
        if let Some(source) = source {
            short_of_candidates(source, &task.id, &tc.frame, &selection)?;
        }
        exclusions.start_task(&task.id);
        for (row, reason) in tc.frame.excluded_rows() {
            exclusions.push(targets.id(row), reason);
        }
        for k in &skipped {
            exclusions.push(targets.id(k.row), &k.reason);
        }
        let picks: Vec<_> = selection.picks().collect();
        for (_, pick) in &picks {
            drawn_by.entry(pick.row).or_default().push(task.id.clone());
        }
        let region = match task.officer_region {
            Some(_) => Some(frame::resolve_column(
                targets,
                "region",
                task,
                "officer_region",
                Some(&task.at),
            )?),
            None => None,
        };
        let entities: Vec<matching::Entity<'_>> = picks
            .iter()
            .map(|(_, p)| matching::Entity {
                id: targets.id(p.row),
                region: region.map(|c| targets.value(p.row, c)),
            })
            .collect();
        let rules = matching::Rules {
            conflicts: conflicts.as_ref(),
            history: checked.history.as_ref(),
            date: plan.date,
            plan_cap: plan.max_teams_per_officer,
        };
        let parts = tc.pool.clone();
        let matching = matching::teams(
            task,
            &key,
            officers,
            &parts,
            &entities,
            &rules,
            &mut plan_load,
        )?;
        let (workload_min, workload_max) = matching.workload(officers);
        // Names may be read back from the source: on every core.
        let names: Vec<String> = picks
            .par_iter()
            .map(|(_, pick)| targets.name(pick.row).map(std::borrow::Cow::into_owned))
            .collect::<Result<_>>()?;
        let selected = picks
            .iter()
            .zip(&matching.teams)
            .zip(names)
            .map(|(((stratum, pick), team), name)| Selected {
                target: targets.id(pick.row).to_owned(),
                name,
                stratum: stratum.key.clone(),
                rank: pick.rank,
                ticket: to_hex(&pick.ticket),
                officers: team
                    .iter()
                    .map(|&o| officers.id(&officers.rows[o]).to_owned())
                    .collect(),
            })
            .collect();
        tasks.push(TaskRecord {
            id: task.id.clone(),
            name: task.name.clone(),
            items: task.items.clone(),
            key: to_hex(&key),
            frame: Frame {
                filter: task.filter.clauses.clone(),
                size: selection.frame,
                listed: to_hex(
                    &tc.frame
                        .listed_digest
                        .unwrap_or_else(|| digest::listed_exclusions(tc.frame.listed(targets))),
                ),
                excluded: tc.frame.excluded,
            },
            allocation: Allocation {
                strata: task.strata.clone(),
                mode: task.quota.mode().into(),
                rounding: task.rounding.as_str().into(),
                min_per_stratum: task.min_per_stratum,
            },
            strata: selection
                .strata
                .iter()
                .map(|s| StratumRecord {
                    stratum: s.key.clone(),
                    frame: s.frame,
                    quota: s.quota.clone(),
                    count: s.count,
                    drawn: s.picks.len() as u64,
                })
                .collect(),
            team_size: task.team_size,
            officers: OfficerPool {
                filter: task.officer_filter.clauses.clone(),
                eligible: matching.pool.len() as u64,
                certificates_valid_on: checked
                    .officers
                    .certificates_checked_on
                    .map(|d| task.inspection_date.unwrap_or(d).to_string())
                    .unwrap_or_default(),
                departments: parts
                    .iter()
                    .filter_map(|p| {
                        Some(DepartmentPool {
                            department: p.department.clone()?,
                            members: p.members,
                            eligible: p.pool.len() as u64,
                        })
                    })
                    .collect(),
                workload_min,
                workload_max,
            },
            selected,
            skipped: skipped
                .iter()
                .map(|k| SkippedRecord {
                    target: targets.id(k.row).to_owned(),
                    rank: k.rank,
                    reason: k.reason.clone(),
                })
                .collect(),
        });
    }
    let visits = if plan.one_visit == OneVisit::Merge {
        merged_visits(&tasks)
    } else {
        Vec::new()
    };
    let mut record = Record {
        spec: SPEC_VERSION.into(),
        plan: PlanInfo {
            id: plan.id.clone(),
            name: plan.name.clone(),
            authority: plan.authority.clone(),
            date: plan.date.map(|d| d.to_string()).unwrap_or_default(),
            one_visit: plan.one_visit.as_str().into(),
            max_inspections_per_year: plan.max_inspections_per_year.unwrap_or(0),
            max_replacements: plan.max_replacements,
        },
        inputs: RecordInputs {
            plan: InputDigest {
                digest: to_hex(&inputs.digests.plan),
                sha256: inputs.raw[0].map(|h| to_hex(&h)).unwrap_or_default(),
            },
            targets: TargetsInput {
                digest: to_hex(&inputs.digests.targets),
                sha256: inputs.raw[1].map(|h| to_hex(&h)).unwrap_or_default(),
                rows: rows.unwrap_or(targets.len() as u64),
                columns: targets.sorted_columns(),
                dropped: targets.dropped.clone(),
                id_check: IdCheckInfo {
                    mode: targets.id_check.as_str().into(),
                    allowlisted: targets.allowlisted.clone(),
                    unchecked: targets.unchecked.clone(),
                },
            },
            officers: OfficersInput {
                digest: to_hex(&inputs.digests.officers),
                sha256: inputs.raw[2].map(|h| to_hex(&h)).unwrap_or_default(),
                rows: officers.rows.len() as u64,
                columns: officers.sorted_columns(),
                dropped: officers.dropped.clone(),
                names: digest::officer_names(officers)
                    .map(|h| to_hex(&h))
                    .unwrap_or_default(),
                certificates_checked_on: checked
                    .officers
                    .certificates_checked_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                ineligible: {
                    let mut list: Vec<IneligibleOfficer> = checked
                        .officers
                        .ineligible
                        .iter()
                        .map(|i| IneligibleOfficer {
                            id: officers.id(&officers.rows[i.row]).to_owned(),
                            reason: i.reason.to_owned(),
                        })
                        .collect();
                    // By id, so that the record does not depend on row order.
                    list.sort_by(|a, b| a.id.cmp(&b.id));
                    list
                },
            },
            earlier: inputs.earlier.iter().map(|r| r.digest.clone()).collect(),
            history: inputs
                .history
                .as_ref()
                .map(|(t, raw)| aux_input(t, raw.as_ref())),
            conflicts: inputs
                .conflicts
                .as_ref()
                .map(|(t, raw)| aux_input(t, raw.as_ref())),
        },
        seed: SeedInfo {
            source: seed.source.as_str().into(),
            value: seed.value.clone(),
            attestation: seed.attestation.as_deref().cloned(),
        },
        draw_key: to_hex(&draw_key),
        tasks,
        visits,
        digest: String::new(),
        ledger: Vec::new(),
    };
    record.seal();
    Ok(Draw {
        record,
        warnings: checked.warnings,
        exclusions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusions_keep_their_order_tasks_and_reasons() {
        let mut e = Exclusions::default();
        e.start_task("T1");
        e.push("91110000802100433B", "注销");
        e.push("110108000000016", "annual_cap");
        e.start_task("T2");
        e.start_task("T3");
        e.push("91110000802100433B", "drawn_by:T1");
        e.push("9111000071093123XW", "注销");
        assert_eq!(e.len(), 4);
        assert_eq!(
            e.iter().collect::<Vec<_>>(),
            [
                ("T1", "91110000802100433B", "注销"),
                ("T1", "110108000000016", "annual_cap"),
                ("T3", "91110000802100433B", "drawn_by:T1"),
                ("T3", "9111000071093123XW", "注销"),
            ]
        );
        assert_eq!(
            e.to_csv(),
            "task,target,reason\nT1,91110000802100433B,注销\nT1,110108000000016,annual_cap\n\
             T3,91110000802100433B,drawn_by:T1\nT3,9111000071093123XW,注销\n"
        );
        assert!(Exclusions::default().is_empty());
        assert_eq!(Exclusions::default().to_csv(), "task,target,reason\n");
    }
}
