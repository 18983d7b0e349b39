//! Officer matching: teams for the selected targets (SPEC.md §8).
//!
//! The eligible officers are ranked by ticket once per *round*; the rounds,
//! concatenated, form a stream. Each slot of each team takes the earliest
//! officer left in the stream who is not already in that team. Every officer
//! appears once per round, so workloads differ by at most one; nobody appears
//! twice in a team.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::base::canonical::Hash;
use crate::dates::Date;
use crate::draw::frame::{passes, resolve_column, resolve_filter};
use crate::draw::history::{History, within};
use crate::draw::tickets::Ticketer;
use crate::error::{Error, ErrorKind, Result};
use crate::inputs::Table;
use crate::messages::{Message, msg};
use crate::plan::{RegionRule, Task};

/// The teams of one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching {
    /// Rows of the officer table that pass the officer filter, in table order.
    pub pool: Vec<usize>,
    /// One team per selected target, in the selection's order; each team lists
    /// officer rows in the order they were drawn.
    pub teams: Vec<Vec<usize>>,
    /// How many rounds of the stream were ranked.
    pub rounds: u64,
}

impl Matching {
    /// The smallest and largest number of teams any pool officer is in.
    pub fn workload(&self, officers: &Table) -> (u64, u64) {
        let mut counts = vec![0_u64; officers.rows.len()];
        for team in &self.teams {
            for &o in team {
                counts[o] += 1;
            }
        }
        let loads = self.pool.iter().map(|&o| counts[o]);
        (loads.clone().min().unwrap_or(0), loads.max().unwrap_or(0))
    }
}

/// One part of a team: its pool, how many members it supplies, and, for a
/// joint inspection (跨部门联合抽查), its department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The department, for a joint task; `None` for an ordinary one.
    pub department: Option<String>,
    /// Eligible officers passing the officer filter (and of the department), in roster order.
    pub pool: Vec<usize>,
    /// Members of each team from this part.
    pub members: u64,
}

/// The pool of a task: officers passing its officer filter who are eligible
/// (on duty, with a valid certificate, with the task's categories), in roster
/// order; split by department for a joint task (SPEC.md §8.1).
pub fn pool(task: &Task, officers: &Table, eligible: &[bool]) -> Result<Vec<Part>> {
    let clauses = resolve_filter(&task.officer_filter, officers, task, "officer_filter")?;
    let categories = if task.require_categories {
        Some(resolve_column(
            officers,
            "categories",
            task,
            "require_categories",
            Some(&task.at),
        )?)
    } else {
        None
    };
    let covers = |i: usize| {
        categories.is_none_or(|c| {
            let have: Vec<&str> = split_list(&officers.rows[i].values[c]).collect();
            task.items.iter().all(|item| have.contains(&item.as_str()))
        })
    };
    let passing: Vec<usize> = (0..officers.rows.len())
        .filter(|&i| passes(&officers.rows[i], &clauses))
        .collect();
    let pool: Vec<usize> = passing
        .iter()
        .copied()
        .filter(|&i| eligible[i] && covers(i))
        .collect();
    // No officer passes the filter at all: say what the roster holds in its first column, so
    // that a misspelt 科室 is seen (特种设备股 for 特种设备安全监察股).
    let unmatched = match clauses.first() {
        Some((c, _)) if passing.is_empty() => {
            let mut values: Vec<&str> = officers
                .rows
                .iter()
                .map(|r| r.values[*c].as_str())
                .filter(|v| !v.is_empty())
                .collect();
            values.sort_unstable();
            values.dedup();
            let more = values.len() > 12;
            values.truncate(12);
            let mut listed = values.join("、");
            if more {
                listed.push('…');
            }
            msg("draw-pool-unmatched")
                .arg(
                    "column",
                    crate::draw::frame::named(
                        crate::inputs::TableKind::Officers,
                        &officers.columns[*c],
                    ),
                )
                .arg("values", listed)
        }
        _ => msg("draw-pool-matched"),
    };
    let too_small = |department: Option<&str>, have: usize, need: u64, all: usize| {
        match department {
            None => Error::new(ErrorKind::OfficerPoolTooSmall),
            Some(d) => Error::with_id(
                ErrorKind::OfficerPoolTooSmall,
                "draw-pool-too-small-department",
            )
            .arg("department", d),
        }
        .arg("task", task.id.clone())
        .arg("eligible", have as u64)
        .arg("team_size", need)
        .arg("ineligible", (all - have) as u64)
        .arg("unmatched", unmatched.clone())
    };
    if task.departments.is_empty() {
        if (pool.len() as u64) < task.team_size {
            return Err(too_small(None, pool.len(), task.team_size, passing.len()));
        }
        return Ok(vec![Part {
            department: None,
            pool,
            members: task.team_size,
        }]);
    }
    let dept = resolve_column(officers, "department", task, "departments", Some(&task.at))?;
    task.departments
        .iter()
        .map(|(name, members)| {
            let of = |i: &usize| officers.rows[*i].values[dept] == *name;
            let part: Vec<usize> = pool.iter().copied().filter(of).collect();
            if (part.len() as u64) < *members {
                return Err(too_small(
                    Some(name),
                    part.len(),
                    *members,
                    passing.iter().filter(|i| of(i)).count(),
                ));
            }
            Ok(Part {
                department: Some(name.clone()),
                pool: part,
                members: *members,
            })
        })
        .collect()
}

pub use crate::base::normalize::split_list;

/// What, besides the pool, decides who may inspect a given entity (SPEC.md §8.2).
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules<'a> {
    /// Declared conflicts: entity id → the officer ids conflicted with it.
    pub conflicts: Option<&'a HashMap<String, HashSet<String>>>,
    /// Past inspections, for rotation.
    pub history: Option<&'a History>,
    /// The draw date.
    pub date: Option<Date>,
    /// The plan-wide cap on teams per officer.
    pub plan_cap: Option<u64>,
}

/// Why pool officers could not fill a slot, for the infeasibility error.
#[derive(Debug, Default)]
struct Refusals {
    in_team: u64,
    conflicted: u64,
    region: u64,
    task_cap: u64,
    plan_cap: u64,
    rotation: u64,
}

/// An entity to form a team for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its region, when the directory has a `region` column.
    pub region: Option<&'a str>,
}

/// Forms one team of `task.team_size` officers for each entity, in order
/// (SPEC.md §8.2). `plan_load` counts each officer's teams in earlier tasks
/// of the plan and is updated.
pub fn teams(
    task: &Task,
    task_key: &Hash,
    officers: &Table,
    parts: &[Part],
    entities: &[Entity<'_>],
    rules: &Rules<'_>,
    plan_load: &mut [u64],
) -> Result<Matching> {
    let size = usize::try_from(task.team_size).expect("team size is small");
    let officer_region = match task.officer_region {
        None => None,
        Some(_) => Some(resolve_column(
            officers,
            "region",
            task,
            "officer_region",
            Some(&task.at),
        )?),
    };
    if task.rotation.is_some() && rules.history.is_none() {
        return Err(Error::new(ErrorKind::MissingHistory).arg("task", task.id.clone()));
    }
    let mut task_load = vec![0_u64; officers.rows.len()];
    let mut streams: Vec<VecDeque<usize>> = vec![VecDeque::new(); parts.len()];
    let mut rounds = vec![0_u64; parts.len()];
    let joint = parts.iter().any(|p| p.department.is_some());
    let mut teams = Vec::with_capacity(entities.len());
    for e in entities {
        let entity = e.id;
        let refuse = |o: usize, team: &[usize], refusals: Option<&mut Refusals>| -> bool {
            let officer = officers.id(&officers.rows[o]);
            let reason = if team.contains(&o) {
                Some(0)
            } else if rules
                .conflicts
                .is_some_and(|c| c.get(entity).is_some_and(|set| set.contains(officer)))
            {
                Some(1)
            } else if let (Some(rule), Some(oc)) = (task.officer_region, officer_region) {
                let same = e.region == Some(officers.rows[o].values[oc].as_str());
                (same != (rule == RegionRule::Same)).then_some(2)
            } else {
                None
            }
            .or_else(|| {
                task.max_teams_per_officer
                    .is_some_and(|cap| task_load[o] >= cap)
                    .then_some(3)
            })
            .or_else(|| {
                rules
                    .plan_cap
                    .is_some_and(|cap| plan_load[o] >= cap)
                    .then_some(4)
            })
            .or_else(|| {
                let (window, history, day) = (task.rotation?, rules.history?, rules.date?);
                history
                    .of(entity)
                    .iter()
                    .any(|p| within(p.date, window, day) && p.officers.iter().any(|x| x == officer))
                    .then_some(5)
            });
            if let (Some(r), Some(refusals)) = (reason, refusals) {
                match r {
                    0 => refusals.in_team += 1,
                    1 => refusals.conflicted += 1,
                    2 => refusals.region += 1,
                    3 => refusals.task_cap += 1,
                    4 => refusals.plan_cap += 1,
                    _ => refusals.rotation += 1,
                }
            }
            reason.is_some()
        };
        let mut team: Vec<usize> = Vec::with_capacity(size);
        for (p, part) in parts.iter().enumerate() {
            let stream = &mut streams[p];
            for _ in 0..part.members {
                let mut appended = false;
                loop {
                    if let Some(j) = stream.iter().position(|&o| !refuse(o, &team, None)) {
                        team.push(stream.remove(j).expect("position is in range"));
                        break;
                    }
                    if appended {
                        // A whole round (every pool officer) was added and nobody qualifies.
                        let mut r = Refusals::default();
                        for &o in &part.pool {
                            refuse(o, &team, Some(&mut r));
                        }
                        let reasons = describe(part.pool.len(), &r);
                        let reasons = match &part.department {
                            None => reasons,
                            Some(d) => msg("draw-refusals-department")
                                .arg("reasons", reasons)
                                .arg("department", d),
                        };
                        return Err(Error::new(ErrorKind::NoOfficerForTarget)
                            .arg("task", task.id.clone())
                            .arg("entity", entity.to_owned())
                            .arg("slot", team.len() as u64 + 1)
                            .arg("team_size", task.team_size)
                            .arg("reasons", reasons));
                    }
                    let ticketer = if joint {
                        Ticketer::joint(task_key, p as u64, rounds[p])
                    } else {
                        Ticketer::officers(task_key, rounds[p])
                    };
                    stream.extend(round_order(&part.pool, officers, &ticketer));
                    rounds[p] += 1;
                    appended = true;
                }
            }
        }
        for &o in &team {
            task_load[o] += 1;
            plan_load[o] += 1;
        }
        teams.push(team);
    }
    Ok(Matching {
        pool: parts.iter().flat_map(|p| p.pool.iter().copied()).collect(),
        teams,
        rounds: rounds[0],
    })
}

fn describe(pool: usize, r: &Refusals) -> Message {
    msg("draw-refusals")
        .arg("pool", pool)
        .arg("in_team", r.in_team)
        .arg("conflicted", r.conflicted)
        .arg("region", r.region)
        .arg("task_cap", r.task_cap)
        .arg("plan_cap", r.plan_cap)
        .arg("rotation", r.rotation)
}

/// The pool in ascending order of the round's officer tickets, ties by id.
pub fn round_order(pool: &[usize], officers: &Table, ticketer: &Ticketer) -> Vec<usize> {
    let mut ranked: Vec<(Hash, &str, usize)> = pool
        .iter()
        .map(|&o| {
            let id = officers.id(&officers.rows[o]);
            (ticketer.ticket(id), id, o)
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, _, o)| o).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::TableKind;
    use crate::plan::Plan;
    use std::fmt::Write as _;

    fn setup(officers: usize, team_size: u64) -> (Task, Table) {
        let plan = format!(
            "[plan]\nid='p'\nname='n'\n[[tasks]]\nid='T'\nname='t'\nratio='1%'\nteam_size={team_size}\n"
        );
        let task = Plan::parse("p", plan.as_bytes()).unwrap().tasks.remove(0);
        let mut csv = String::from("id,name\n");
        for i in 0..officers {
            writeln!(csv, "E{i:03},officer {i}").unwrap();
        }
        (
            task,
            Table::from_csv(TableKind::Officers, "o", csv.as_bytes()).unwrap(),
        )
    }

    #[test]
    fn teams_are_distinct_and_balanced() {
        for (n_off, size, n_targets) in [(2, 2, 7), (3, 2, 10), (5, 3, 11), (7, 2, 50), (4, 4, 3)] {
            let (task, officers) = setup(n_off, size);
            let all = pool(&task, &officers, &vec![true; n_off]).unwrap();
            let ids: Vec<String> = (0..n_targets).map(|i| format!("X{i}")).collect();
            let entities: Vec<Entity<'_>> =
                ids.iter().map(|id| Entity { id, region: None }).collect();
            let mut load = vec![0; n_off];
            let m = teams(
                &task,
                &[7; 32],
                &officers,
                &all,
                &entities,
                &Rules::default(),
                &mut load,
            )
            .unwrap();
            assert_eq!(m.teams.len(), n_targets);
            for team in &m.teams {
                let mut t = team.clone();
                t.sort_unstable();
                t.dedup();
                assert_eq!(t.len(), size as usize);
            }
            let (min, max) = m.workload(&officers);
            assert!(max - min <= 1, "{n_off} {size} {n_targets}: {min}..{max}");
        }
    }

    #[test]
    fn a_pool_smaller_than_a_team_is_an_error() {
        let (task, officers) = setup(2, 3);
        let e = pool(&task, &officers, &[true, true]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "task 'T': 2 eligible officers, fewer than the team size 3 (0 more pass officer_filter but are not on duty or hold no valid certificate)"
        );
        let e = pool(&task, &officers, &[true, false]).unwrap_err();
        assert!(
            e.to_string()
                .contains("1 eligible officer, fewer than the team size 3 (1 more"),
            "{e}"
        );
    }

    #[test]
    fn why_no_officer_can_fill_a_slot_in_both_languages() {
        use crate::messages::Lang;
        let (task, officers) = setup(2, 2);
        let all = pool(&task, &officers, &[true, true]).unwrap();
        let conflicts: HashMap<String, HashSet<String>> = [(
            "X0".to_owned(),
            ["E000".to_owned(), "E001".to_owned()].into(),
        )]
        .into();
        let rules = Rules {
            conflicts: Some(&conflicts),
            ..Rules::default()
        };
        let entities = [Entity {
            id: "X0",
            region: None,
        }];
        let e = teams(
            &task,
            &[7; 32],
            &officers,
            &all,
            &entities,
            &rules,
            &mut [0, 0],
        )
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NoOfficerForTarget);
        assert_eq!(
            e.to_string(),
            "task 'T': entity X0: no officer can fill slot 1 of 2: 2 officers in the pool, 2 conflicted (回避)"
        );
        assert_eq!(
            e.message(Lang::Zh),
            "任务“T”：主体 X0：第 1 名（共 2 名）检查人员无人可派：人员库共 2 人，2 人须回避"
        );

        // Only the rules that refused someone are named, in either language.
        let r = Refusals {
            in_team: 1,
            region: 6,
            ..Refusals::default()
        };
        let reasons = describe(3, &r);
        assert_eq!(
            reasons.text(Lang::En),
            "3 officers in the pool, 1 already in the team, 6 outside the jurisdiction rule"
        );
        assert_eq!(
            reasons.text(Lang::Zh),
            "人员库共 3 人，1 人已在本组，6 人不符合属地/异地要求"
        );
        let of_department = msg("draw-refusals-department")
            .arg("reasons", reasons)
            .arg("department", "市场监管");
        assert_eq!(
            of_department.text(Lang::En),
            "3 officers in the pool, 1 already in the team, 6 outside the jurisdiction rule of department '市场监管'"
        );
        assert_eq!(
            of_department.text(Lang::Zh),
            "部门“市场监管”人员库共 3 人，1 人已在本组，6 人不符合属地/异地要求"
        );
    }
}
