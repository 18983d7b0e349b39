//! The draw: from parsed inputs and a seed to a sealed record.

use crate::canonical::{Hash, sha256, to_hex};
use crate::digest::{self, SPEC_VERSION};
use crate::error::{Result, Warning};
use crate::input::{Table, TableKind};
use crate::matching;
use crate::plan::{Filter, Plan, Quota};
use crate::record::{
    Allocation, Frame, InputDigest, Inputs as RecordInputs, OfficerPool, PlanInfo, Record,
    SeedInfo, Selected, StratumRecord, TableDigest, TaskRecord,
};
use crate::seed::{self, InputDigests, Seed};
use crate::selection;

/// One input as the caller read it: a name for messages and the bytes.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The name used in messages, usually the file name.
    pub name: &'a str,
    /// The raw bytes.
    pub bytes: &'a [u8],
}

/// The three inputs of a draw, parsed, with their digests.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The plan.
    pub plan: Plan,
    /// The target directory.
    pub targets: Table,
    /// The officer roster.
    pub officers: Table,
    /// Canonical digests.
    pub digests: InputDigests,
    /// SHA-256 of the raw bytes: plan, targets, officers.
    pub raw: [Hash; 3],
}

impl Inputs {
    /// Parses the plan, the target directory and the officer roster.
    pub fn parse(plan: Source<'_>, targets: Source<'_>, officers: Source<'_>) -> Result<Inputs> {
        let plan_parsed = Plan::parse(plan.name, plan.bytes)?;
        let targets_parsed = Table::from_csv(TableKind::Targets, targets.name, targets.bytes)?;
        let officers_parsed = Table::from_csv(TableKind::Officers, officers.name, officers.bytes)?;
        Ok(Inputs {
            digests: InputDigests {
                plan: plan_parsed.digest,
                targets: digest::table(&targets_parsed),
                officers: digest::table(&officers_parsed),
            },
            raw: [
                sha256(plan.bytes),
                sha256(targets.bytes),
                sha256(officers.bytes),
            ],
            plan: plan_parsed,
            targets: targets_parsed,
            officers: officers_parsed,
        })
    }
}

/// A finished draw: the sealed record and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Draw {
    /// The record.
    pub record: Record,
    /// Warnings (unused ratio entries, counts larger than a frame).
    pub warnings: Vec<Warning>,
}

fn filter_map(f: &Filter) -> std::collections::BTreeMap<String, Vec<String>> {
    f.clauses.clone()
}

fn table_digest(table: &Table, digest: &Hash, raw: &Hash) -> TableDigest {
    TableDigest {
        digest: to_hex(digest),
        sha256: to_hex(raw),
        rows: table.rows.len() as u64,
        columns: table.sorted_columns(),
    }
}

/// Performs the draw (SPEC.md §5–§9).
pub fn draw(inputs: &Inputs, seed: &Seed) -> Result<Draw> {
    let draw_key = seed::draw_key(seed, &inputs.digests);
    let mut warnings = Vec::new();
    let mut tasks = Vec::with_capacity(inputs.plan.tasks.len());
    for task in &inputs.plan.tasks {
        let key = seed::task_key(&draw_key, &task.id);
        let (selection, task_warnings) = selection::select(task, &key, &inputs.targets)?;
        warnings.extend(task_warnings);
        let picks: Vec<_> = selection.picks().collect();
        let matching = matching::teams(task, &key, &inputs.officers, picks.len())?;
        let (workload_min, workload_max) = matching.workload(&inputs.officers);
        let targets = &inputs.targets;
        let officers = &inputs.officers;
        let selected = picks
            .iter()
            .zip(&matching.teams)
            .map(|((stratum, pick), team)| {
                let row = &targets.rows[pick.row];
                Selected {
                    target: targets.id(row).to_owned(),
                    name: targets.name(row).to_owned(),
                    stratum: stratum.key.clone(),
                    rank: pick.rank,
                    ticket: to_hex(&pick.ticket),
                    officers: team
                        .iter()
                        .map(|&o| officers.id(&officers.rows[o]).to_owned())
                        .collect(),
                }
            })
            .collect();
        tasks.push(TaskRecord {
            id: task.id.clone(),
            name: task.name.clone(),
            items: task.items.clone(),
            key: to_hex(&key),
            frame: Frame {
                filter: filter_map(&task.filter),
                size: selection.frame,
            },
            allocation: Allocation {
                strata: task.strata.clone(),
                mode: match task.quota {
                    Quota::Count(_) => "count",
                    _ => "ratio",
                }
                .into(),
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
                })
                .collect(),
            team_size: task.team_size,
            officers: OfficerPool {
                filter: filter_map(&task.officer_filter),
                eligible: matching.pool.len() as u64,
                workload_min,
                workload_max,
            },
            selected,
        });
    }
    let mut record = Record {
        spec: SPEC_VERSION.into(),
        plan: PlanInfo {
            id: inputs.plan.id.clone(),
            name: inputs.plan.name.clone(),
            authority: inputs.plan.authority.clone(),
        },
        inputs: RecordInputs {
            plan: InputDigest {
                digest: to_hex(&inputs.digests.plan),
                sha256: to_hex(&inputs.raw[0]),
            },
            targets: table_digest(&inputs.targets, &inputs.digests.targets, &inputs.raw[1]),
            officers: table_digest(&inputs.officers, &inputs.digests.officers, &inputs.raw[2]),
        },
        seed: SeedInfo {
            source: seed.source.as_str().into(),
            value: seed.value.clone(),
        },
        draw_key: to_hex(&draw_key),
        tasks,
        digest: String::new(),
    };
    record.seal();
    Ok(Draw { record, warnings })
}
