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

/// The eligible pool of a task: officers passing its officer filter.
pub fn pool(task: &Task, officers: &Table) -> Result<Vec<usize>> {
    let clauses = resolve_filter(&task.officer_filter, officers, task, "officer_filter")?;
    let pool: Vec<usize> = (0..officers.rows.len())
        .filter(|&i| passes(&officers.rows[i], &clauses))
        .collect();
    if (pool.len() as u64) < task.team_size {
        return Err(Error::OfficerPoolTooSmall {
            task: task.id.clone(),
            eligible: pool.len() as u64,
            team_size: task.team_size,
        });
    }
    Ok(pool)
}

/// Forms `targets` teams of `task.team_size` officers (SPEC.md §8).
pub fn teams(task: &Task, task_key: &Hash, officers: &Table, targets: usize) -> Result<Matching> {
    let pool = pool(task, officers)?;
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
    Ok(Matching {
        pool,
        teams,
        rounds: round,
    })
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
            let m = teams(&task, &[7; 32], &officers, n_targets).unwrap();
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
        let e = teams(&task, &[0; 32], &officers, 1).unwrap_err();
        assert_eq!(
            e.to_string(),
            "task 'T': 2 eligible officers, fewer than the team size 3"
        );
    }
}
