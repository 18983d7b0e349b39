// Test data is built with push_str(&format!(..)) for readability.
#![allow(clippy::format_push_string)]

//! Property tests of the rulebook (issue 4) over random plans, inputs and
//! seeds: no conflicted or ineligible officer is assigned; no entity goes
//! over its annual cap; teams meet their size and jurisdiction rules;
//! workload caps hold; strata counts follow the allocation; and verify
//! accepts the record and rejects an edited one.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use proptest::prelude::*;
use shuangsui::inputs::ReadOptions;
use shuangsui::{Inputs, Seed, Source, draw, verify};

#[derive(Debug, Clone)]
struct World {
    plan: String,
    targets: String,
    officers: String,
    history: String,
    conflicts: String,
    seed: String,
    cap: Option<u64>,
    plan_teams_cap: Option<u64>,
    one_visit: &'static str,
    tasks: Vec<TaskSpec>,
}

#[derive(Debug, Clone)]
struct TaskSpec {
    joint: bool,
    region_rule: Option<&'static str>,
    teams_cap: Option<u64>,
    rotation: bool,
}

const REGIONS: [&str; 3] = ["420102", "420103", "420104"];

fn world() -> impl Strategy<Value = World> {
    (
        prop::collection::btree_set(0_u64..100_000, 8..40),
        prop::collection::vec((0_usize..3, 0_usize..4, 0_usize..10), 40),
        prop::collection::vec((0_usize..3, 0_usize..2, 0_usize..12), 6..14),
        prop::collection::vec((0_usize..40, 0_u32..700, 0_usize..14, 0_usize..14), 0..20),
        prop::collection::vec((0_usize..14, 0_usize..40), 0..12),
        (prop::sample::select(vec!["merge", "exclusive", "separate"]), prop::option::of(1_u64..3), prop::option::of(3_u64..12)),
        prop::collection::vec(
            (
                prop::option::of(prop::sample::select(vec!["same", "different"])),
                prop::option::of(2_u64..8),
                any::<bool>(),
                0_usize..4,
                any::<bool>(),
                0_usize..4,
            ),
            1..4,
        ),
        "[a-z0-9]{1,8}",
    )
        .prop_map(|(ids, attrs, officer_attrs, history_rows, conflict_rows, (one_visit, cap, plan_teams_cap), task_specs, seed)| {
            let ids: Vec<String> = ids.into_iter().map(shuangsui::synth::uscc_for).collect();
            let mut targets = String::from("id,name,risk,status,region\n");
            for (i, id) in ids.iter().enumerate() {
                let (r, k, s) = attrs[i];
                let status = if s == 0 { "注销" } else { "存续" };
                targets.push_str(&format!("{id},企业{i},{},{status},{}\n", ["A", "B", "C", "D"][k], REGIONS[r]));
            }
            let mut officers = String::from("id,name,department,status,certificate,validity,region\n");
            for (i, (r, d, s)) in officer_attrs.iter().enumerate() {
                let status = if *s == 0 { "休假" } else { "在岗" };
                let validity = if *s == 1 { "2020-01-01至2026-12-31" } else { "2020-01-01至2030-12-31" };
                officers.push_str(&format!(
                    "E{i:02},人员{i},{},{status},C{i:02},{validity},{}\n",
                    ["市场监管", "食品安全"][*d],
                    REGIONS[*r]
                ));
            }
            let n_off = officer_attrs.len();
            let mut history = String::from("entity,date,item,officers\n");
            for (t, day, a, b) in history_rows {
                let date = shuangsui::dates::Date::from_days_since_epoch(20_450 + i64::from(day)).unwrap();
                history.push_str(&format!("{},{date},企业年度报告公示信息,E{:02};E{:02}\n", ids[t % ids.len()], a % n_off, b % n_off));
            }
            let mut conflicts = String::from("officer,entity,reason\n");
            for (o, t) in conflict_rows {
                conflicts.push_str(&format!("E{:02},{},亲属\n", o % n_off, ids[t % ids.len()]));
            }
            let mut plan = String::from("[plan]\nid = \"P\"\nname = \"计划\"\ndate = \"2027-01-15\"\n");
            plan.push_str(&format!("one_visit = \"{one_visit}\"\n"));
            if let Some(c) = cap {
                plan.push_str(&format!("max_inspections_per_year = {c}\n"));
            }
            if let Some(c) = plan_teams_cap {
                plan.push_str(&format!("max_teams_per_officer = {c}\n"));
            }
            let mut tasks = Vec::new();
            for (i, (region_rule, teams_cap, rotation, quota, recent, joint)) in task_specs.into_iter().enumerate() {
                let joint = joint == 0;
                plan.push_str(&format!("\n[[tasks]]\nid = \"T{i}\"\nname = \"任务{i}\"\nitems = [\"企业年度报告公示信息\"]\nteam_size = 2\n"));
                plan.push_str(match quota {
                    0 => "strata = [\"risk\"]\nratio = { A = \"0%\", \"*\" = \"30%\" }\n",
                    1 => "strata = [\"region\"]\ncount = 6\nallocation = \"proportional\"\n",
                    2 => "strata = [\"risk\", \"region\"]\ncount = 1\nallocation = \"per_stratum\"\n",
                    _ => "count = 5\n",
                });
                if let Some(r) = region_rule {
                    plan.push_str(&format!("officer_region = \"{r}\"\n"));
                }
                if let Some(c) = teams_cap {
                    plan.push_str(&format!("max_teams_per_officer = {c}\n"));
                }
                if rotation {
                    plan.push_str("rotation = 365\n");
                }
                if joint {
                    plan.push_str("departments = [{ department = \"市场监管\", members = 1 }, { department = \"食品安全\", members = 1 }]\n");
                }
                if recent {
                    plan.push_str("exclude_inspected = { within = \"calendar_year\" }\n");
                }
                tasks.push(TaskSpec { joint, region_rule, teams_cap, rotation });
            }
            World { plan, targets, officers, history, conflicts, seed, cap, plan_teams_cap, one_visit, tasks }
        })
}

fn inputs(w: &World) -> shuangsui::Result<Inputs> {
    Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: w.plan.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: w.targets.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: w.officers.as_bytes(),
        },
    )?
    .with_history(
        Source {
            name: "history.csv",
            bytes: w.history.as_bytes(),
        },
        &ReadOptions::default(),
    )?
    .with_conflicts(
        Source {
            name: "conflicts.csv",
            bytes: w.conflicts.as_bytes(),
        },
        &ReadOptions::default(),
    )
}

fn column(csv: &str, key_col: usize, col: usize) -> BTreeMap<&str, &str> {
    csv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[key_col], f[col])
        })
        .collect()
}

static DRAWN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static AMENDED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[test]
fn every_rule_holds() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(128));
    runner.run(&world(), |w| check_world(&w)).unwrap();
    // The test means something only if most random plans are feasible.
    let drawn = DRAWN.load(std::sync::atomic::Ordering::Relaxed);
    assert!(drawn >= 64, "only {drawn} of 128 random plans drew");
    let amended = AMENDED.load(std::sync::atomic::Ordering::Relaxed);
    assert!(amended >= 100, "only {amended} ledger entries were made");
}

fn check_world(w: &World) -> Result<(), TestCaseError> {
    {
        let inputs = inputs(w).unwrap();
        let outcome = draw(&inputs, &Seed::unattested(&w.seed).unwrap());
        let record = match outcome {
            Ok(d) => d.record,
            // An infeasible plan must be refused with a rule-naming error, never half-drawn.
            Err(e) => {
                prop_assert!(
                    matches!(
                        e.kind().as_str(),
                        "no_officer_for_target" | "officer_pool_too_small" | "empty_frame"
                    ),
                    "unexpected error {e}"
                );
                return Ok(());
            }
        };
        DRAWN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let conflicts: HashSet<(&str, &str)> = w
            .conflicts
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[0], f[1])
            })
            .collect();
        let ineligible: BTreeSet<&str> = record
            .inputs
            .officers
            .ineligible
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        let officer_region = column(&w.officers, 0, 6);
        let officer_department = column(&w.officers, 0, 2);
        let target_region = column(&w.targets, 0, 4);
        let day = shuangsui::dates::Date::parse("2027-01-15").unwrap();
        let history: Vec<(String, shuangsui::dates::Date, String)> = w
            .history
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (
                    f[0].to_owned(),
                    shuangsui::dates::Date::parse(f[1]).unwrap(),
                    f[3].to_owned(),
                )
            })
            .collect();

        let mut plan_load: BTreeMap<&str, u64> = BTreeMap::new();
        let mut visits: BTreeMap<&str, u64> = BTreeMap::new();
        for (task, spec) in record.tasks.iter().zip(&w.tasks) {
            let mut task_load: BTreeMap<&str, u64> = BTreeMap::new();
            for s in &task.selected {
                prop_assert_eq!(s.officers.len(), 2);
                prop_assert_ne!(&s.officers[0], &s.officers[1]);
                if spec.joint {
                    let departments: Vec<&str> = s
                        .officers
                        .iter()
                        .map(|o| officer_department[o.as_str()])
                        .collect();
                    prop_assert_eq!(departments, vec!["市场监管", "食品安全"]);
                }
                for o in &s.officers {
                    prop_assert!(
                        !conflicts.contains(&(o.as_str(), s.target.as_str())),
                        "{} is conflicted with {}",
                        o,
                        s.target
                    );
                    prop_assert!(!ineligible.contains(o.as_str()), "{} is ineligible", o);
                    match spec.region_rule {
                        Some("same") => prop_assert_eq!(
                            officer_region[o.as_str()],
                            target_region[s.target.as_str()]
                        ),
                        Some(_) => prop_assert_ne!(
                            officer_region[o.as_str()],
                            target_region[s.target.as_str()]
                        ),
                        None => {}
                    }
                    if spec.rotation {
                        let recent = history.iter().any(|(e, d, officers)| {
                            e == &s.target
                                && d <= &day
                                && day.days_since_epoch() - d.days_since_epoch() <= 365
                                && officers.split(';').any(|x| x == o)
                        });
                        prop_assert!(
                            !recent,
                            "{} inspected {} within the rotation window",
                            o,
                            s.target
                        );
                    }
                    *task_load.entry(o).or_default() += 1;
                    *plan_load.entry(o).or_default() += 1;
                }
            }
            if let Some(cap) = spec.teams_cap {
                prop_assert!(
                    task_load.values().all(|&n| n <= cap),
                    "task workload cap {} broken: {:?}",
                    cap,
                    task_load
                );
            }
            for st in &task.strata {
                let drawn = task
                    .selected
                    .iter()
                    .filter(|s| s.stratum == st.stratum)
                    .count() as u64;
                prop_assert_eq!(drawn, st.drawn);
                prop_assert!(st.drawn <= st.count);
                let skips = task
                    .skipped
                    .iter()
                    .filter(|k| task.selected.iter().all(|s| s.target != k.target))
                    .count();
                if skips == 0 && task.skipped.is_empty() {
                    prop_assert_eq!(st.drawn, st.count);
                }
            }
            let counted: u64 = task.strata.iter().map(|s| s.count).sum();
            if task.allocation.mode == "proportional" {
                prop_assert_eq!(counted, 6.min(task.frame.size));
            }
            let mut seen = BTreeSet::new();
            for s in &task.selected {
                let first = visits.get(s.target.as_str()).copied().unwrap_or(0) == 0;
                if w.one_visit != "merge" || first {
                    *visits.entry(s.target.as_str()).or_default() += 1;
                }
                prop_assert!(seen.insert(&s.target));
            }
        }
        if let Some(cap) = w.plan_teams_cap {
            prop_assert!(
                plan_load.values().all(|&n| n <= cap),
                "plan workload cap broken"
            );
        }
        if w.one_visit == "exclusive" {
            prop_assert!(
                visits.values().all(|&n| n == 1),
                "an entity drawn twice in exclusive mode"
            );
        }
        if let Some(cap) = w.cap {
            for (entity, n) in &visits {
                let past = history
                    .iter()
                    .filter(|(e, d, _)| e == entity && d.year == 2027)
                    .count() as u64;
                prop_assert!(
                    past + n <= cap,
                    "{} has {} + {} inspections, cap {}",
                    entity,
                    past,
                    n,
                    cap
                );
            }
        }

        let json = record.to_json();
        let v = verify(
            Source {
                name: "record.json",
                bytes: json.as_bytes(),
            },
            &inputs,
        )
        .unwrap();
        prop_assert!(v.ok(), "{:?}", v.differences);
        check_amendments(&record, &inputs)?;
        if let Some(t) = record.tasks.iter().position(|t| !t.selected.is_empty()) {
            let mut edited = record.clone();
            edited.tasks[t].selected[0].officers.reverse();
            let json = edited.to_json();
            let v = verify(
                Source {
                    name: "record.json",
                    bytes: json.as_bytes(),
                },
                &inputs,
            )
            .unwrap();
            prop_assert!(!v.ok());
        }
    }
    Ok(())
}

/// Every sequence of amendments `amend` produces verifies; any edit of an entry does not.
fn check_amendments(record: &shuangsui::Record, inputs: &Inputs) -> Result<(), TestCaseError> {
    use shuangsui::verify::ledger::{Amendment, Change, amend};
    let ok = |r: &shuangsui::Record| {
        let json = r.to_json();
        verify(
            Source {
                name: "record.json",
                bytes: json.as_bytes(),
            },
            inputs,
        )
        .unwrap()
        .ok()
    };
    let picks: Vec<(String, String)> = record
        .tasks
        .iter()
        .flat_map(|t| {
            t.selected
                .iter()
                .take(2)
                .map(move |s| (t.id.clone(), s.target.clone()))
        })
        .collect();
    let mut amended = record.clone();
    for (k, (task, target)) in picks.iter().enumerate() {
        // Whoever holds the first slot now, after earlier replacements.
        let first = record
            .tasks
            .iter()
            .find(|t| &t.id == task)
            .unwrap()
            .selected
            .iter()
            .find(|s| &s.target == target)
            .unwrap()
            .officers[0]
            .clone();
        let current = amended
            .ledger
            .iter()
            .filter(|e| &e.task == task && &e.target == target && e.kind == "replace_officer")
            .fold(first, |holder, e| {
                if e.officer == holder {
                    e.replacement.clone()
                } else {
                    holder
                }
            });
        let change = if k % 3 == 2 {
            Change::Unreachable
        } else {
            Change::ReplaceOfficer {
                officer: current,
                reason: ["回避", "请假", "调离", "证件失效"][k % 4].into(),
                note: String::new(),
            }
        };
        let a = Amendment {
            change,
            task: Some(task.clone()),
            target: target.clone(),
            actor: "科员".into(),
            at: format!("2027-02-{:02}T09:00:00+08:00", k + 1),
        };
        match amend(&amended, inputs, &a) {
            Ok(next) => amended = next,
            Err(e) => prop_assert_eq!(e.kind(), "amendment"),
        }
        prop_assert!(
            ok(&amended),
            "after {} amendments the record does not verify",
            amended.ledger.len()
        );
    }
    AMENDED.fetch_add(amended.ledger.len(), std::sync::atomic::Ordering::Relaxed);
    for n in 0..amended.ledger.len() {
        for field in 0..4 {
            let mut edited = amended.clone();
            let e = &mut edited.ledger[n];
            match field {
                0 => e.actor.push('x'),
                1 => e.at.push('x'),
                2 => e.target.push('X'),
                _ => {
                    e.replacement = if e.replacement.is_empty() {
                        "E00".into()
                    } else {
                        String::new()
                    }
                }
            }
            prop_assert!(
                !ok(&edited),
                "an edited ledger entry {} (field {}) verifies",
                n + 1,
                field
            );
        }
    }
    Ok(())
}
