//! Officer matching: teams for the selected targets (SPEC.md §8).
//!
//! The eligible officers are ranked by ticket once per *round*; the rounds,
//! concatenated, form a stream. Each slot of each team takes the earliest
//! officer left in the stream who is not already in that team. Every officer
//! appears once per round, so workloads differ by at most one; nobody appears
//! twice in a team.

use std::collections::VecDeque;

use crate::canonical::Hash;
use crate::error::{Error, Result};
use crate::input::Table;
use crate::plan::Task;
use crate::selection::{Ticketer, passes, resolve_filter};

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

/// The pool of a task: officers passing its officer filter who are eligible
/// (on duty, with a valid certificate), in roster order (SPEC.md §8.1).
pub fn pool(task: &Task, officers: &Table, eligible: &[bool]) -> Result<Vec<usize>> {
    let clauses = resolve_filter(&task.officer_filter, officers, task, "officer_filter")?;
    let passing: Vec<usize> = (0..officers.rows.len())
        .filter(|&i| passes(&officers.rows[i], &clauses))
        .collect();
    let pool: Vec<usize> = passing.iter().copied().filter(|&i| eligible[i]).collect();
    if (pool.len() as u64) < task.team_size {
        return Err(Error::OfficerPoolTooSmall {
            task: task.id.clone(),
            eligible: pool.len() as u64,
            team_size: task.team_size,
            ineligible: (passing.len() - pool.len()) as u64,
        });
    }
    Ok(pool)
}

/// Forms `targets` teams of `task.team_size` officers from `pool` (SPEC.md §8.2).
pub fn teams(
    task: &Task,
    task_key: &Hash,
    officers: &Table,
    pool: Vec<usize>,
    targets: usize,
) -> Matching {
    let size = usize::try_from(task.team_size).expect("team size is small");
    let mut stream: VecDeque<usize> = VecDeque::new();
    let mut round = 0_u64;
    let mut teams = Vec::with_capacity(targets);
    for _ in 0..targets {
        let mut team: Vec<usize> = Vec::with_capacity(size);
        while team.len() < size {
            if let Some(j) = stream.iter().position(|o| !team.contains(o)) {
                team.push(stream.remove(j).expect("position is in range"));
            } else {
                stream.extend(round_order(&pool, officers, task_key, round));
                round += 1;
            }
        }
        teams.push(team);
    }
    Matching {
        pool,
        teams,
        rounds: round,
    }
}

/// The pool in ascending order of officer ticket for `round`, ties by id.
pub fn round_order(pool: &[usize], officers: &Table, task_key: &Hash, round: u64) -> Vec<usize> {
    let ticketer = Ticketer::officers(task_key, round);
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
    use crate::input::TableKind;
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
            let m = teams(&task, &[7; 32], &officers, all, n_targets);
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
                .contains("1 eligible officers, fewer than the team size 3 (1 more"),
            "{e}"
        );
    }
}
