// Test data is built with push_str(&format!(..)) for readability.
#![allow(clippy::format_push_string)]

//! Property tests of the rulebook (issue 4) over random plans, inputs and seeds, one rule
//! a test, each over 128 random worlds: an infeasible plan is refused naming a rule; teams
//! meet their size and department rules; no conflicted or ineligible officer is assigned;
//! officers meet the jurisdiction and rotation rules; workload caps hold; strata counts
//! follow the allocation; no entity is visited more than one-visit mode and its annual cap
//! allow; verify accepts the record and rejects an edited one; and every amendment verifies
//! while an edited ledger entry does not.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{RngSeed, TestRunner};
use rayon::prelude::*;
use shuangsui::dates::Date;
use shuangsui::draw::record::{Selected, TaskRecord};
use shuangsui::messages::Lang;
use shuangsui::{Inputs, Record, Seed, draw};

use crate::fixtures::{
    EXAMPLE_OFFICERS, EXAMPLE_PLAN, EXAMPLE_TARGETS, parse, verifies, with_conflicts, with_history,
};

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
        prop::collection::vec((0_usize..3, 0_usize..2, 0_usize..12), 8..16),
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
    let inputs = parse(&w.plan, &w.targets, &w.officers)?;
    with_conflicts(with_history(inputs, &w.history)?, &w.conflicts)
}

/// How many random worlds the tests check.
const WORLDS: u32 = 128;

/// A random world, its inputs and its draw, or the error that refused it (kind, message in
/// English, message in Chinese).
struct Drawn {
    world: World,
    inputs: Inputs,
    outcome: Result<Record, (&'static str, String, String)>,
}

fn drawn(world: World) -> Drawn {
    let inputs = inputs(&world).unwrap();
    let outcome = draw(&inputs, &Seed::unattested(&world.seed).unwrap())
        .map(|d| d.record)
        .map_err(|e| (e.kind().as_str(), e.to_string(), e.message(Lang::Zh)));
    Drawn {
        world,
        inputs,
        outcome,
    }
}

/// The runner's configuration: [`WORLDS`] cases from a fixed seed, so that every run (and
/// CI) checks the same worlds and the feasibility floor of [`for_every_world`] cannot fail by
/// chance. `PROPTEST_RNG_SEED=N` explores other worlds.
fn config() -> ProptestConfig {
    let mut config = ProptestConfig::with_cases(WORLDS);
    if config.rng_seed == RngSeed::Random {
        config.rng_seed = RngSeed::Fixed(WORLDS_SEED);
    }
    config
}

/// The seed of the worlds when `PROPTEST_RNG_SEED` does not set one.
const WORLDS_SEED: u64 = 20_270_115;

/// The worlds every test checks: [`WORLDS`] random ones, drawn once for all the tests.
fn worlds() -> &'static [Drawn] {
    static DRAWN: OnceLock<Vec<Drawn>> = OnceLock::new();
    DRAWN.get_or_init(|| {
        let mut runner = TestRunner::new(config());
        let strategy = world();
        let worlds: Vec<World> = (0..WORLDS)
            .map(|_| strategy.new_tree(&mut runner).unwrap().current())
            .collect();
        worlds.into_par_iter().map(drawn).collect()
    })
}

/// Runs `check` on the record of every world. An infeasible plan must be refused with a
/// rule-naming error, never half-drawn; and a test means something only if most random
/// plans are feasible, so at least half must draw. When `check` fails, proptest searches
/// fresh worlds for the rule's smallest counterexample (see [`shrunk`]).
fn for_every_world(check: impl Fn(&World, &Inputs, &Record) -> Result<(), TestCaseError>) {
    let mut drew = 0;
    for d in worlds() {
        let record = match &d.outcome {
            Ok(record) => record,
            Err((kind, message, chinese)) => {
                assert!(
                    matches!(
                        *kind,
                        "no_officer_for_target" | "officer_pool_too_small" | "empty_frame"
                    ),
                    "unexpected error {message}\n{:#?}",
                    d.world
                );
                assert_eq!(english_in(chinese), None, "{chinese}\n{message}");
                continue;
            }
        };
        drew += 1;
        if let Err(e) = check(&d.world, &d.inputs, record) {
            shrunk(&check);
            panic!("{e}\n{:#?}", d.world);
        }
    }
    assert!(
        drew >= 64,
        "only {drew} of {WORLDS} random plans drew (seed {})",
        config().rng_seed
    );
}

/// A fragment of an English sentence in a Chinese message (the rule that refused a plan
/// must read in Chinese, whichever rule it is), if there is one.
fn english_in(chinese: &str) -> Option<&'static str> {
    [
        "task '",
        "entity ",
        "slot ",
        " officers",
        "eligible",
        " pool",
        "department '",
        " the ",
        " of ",
        " in ",
        " and ",
        " not ",
        "already",
        "conflicted",
        "workload",
        "recently",
        "(none)",
    ]
    .into_iter()
    .find(|english| chinese.contains(english))
}

/// Runs `check` under proptest over fresh random worlds, and panics with the smallest world
/// that breaks it when there is one (proptest shrinks it).
fn shrunk(check: &impl Fn(&World, &Inputs, &Record) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(config());
    let result = runner.run(&world(), |w| {
        let d = drawn(w);
        match &d.outcome {
            Ok(record) => check(&d.world, &d.inputs, record),
            Err(_) => Ok(()),
        }
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Each task of the record with the world's spec of it.
fn tasks<'a>(
    w: &'a World,
    record: &'a Record,
) -> impl Iterator<Item = (&'a TaskRecord, &'a TaskSpec)> {
    record.tasks.iter().zip(&w.tasks)
}

/// Each selection of the record with its task's spec.
fn selections<'a>(
    w: &'a World,
    record: &'a Record,
) -> impl Iterator<Item = (&'a Selected, &'a TaskSpec)> {
    tasks(w, record).flat_map(|(task, spec)| task.selected.iter().map(move |s| (s, spec)))
}

/// Past inspections: entity, date, officers.
fn history(w: &World) -> Vec<(String, Date, String)> {
    w.history
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), Date::parse(f[1]).unwrap(), f[3].to_owned())
        })
        .collect()
}

/// The plan's date.
fn day() -> Date {
    Date::parse("2027-01-15").unwrap()
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

#[test]
fn an_infeasible_plan_is_refused_naming_a_rule_and_most_plans_draw() {
    for_every_world(|_, _, _| Ok(()));
}

#[test]
fn teams_have_two_distinct_officers_from_the_departments_of_a_joint_task() {
    for_every_world(|w, _, record| {
        let officer_department = column(&w.officers, 0, 2);
        for (s, spec) in selections(w, record) {
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
        }
        Ok(())
    });
}

#[test]
fn no_conflicted_or_ineligible_officer_is_assigned() {
    for_every_world(|w, _, record| {
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
        for (s, _) in selections(w, record) {
            for o in &s.officers {
                prop_assert!(
                    !conflicts.contains(&(o.as_str(), s.target.as_str())),
                    "{} is conflicted with {}",
                    o,
                    s.target
                );
                prop_assert!(!ineligible.contains(o.as_str()), "{} is ineligible", o);
            }
        }
        Ok(())
    });
}

#[test]
fn officers_are_of_the_targets_region_or_another_as_the_task_says() {
    for_every_world(|w, _, record| {
        let officer_region = column(&w.officers, 0, 6);
        let target_region = column(&w.targets, 0, 4);
        for (s, spec) in selections(w, record) {
            for o in &s.officers {
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
            }
        }
        Ok(())
    });
}

#[test]
fn rotation_keeps_officers_from_entities_they_inspected_within_a_year() {
    for_every_world(|w, _, record| {
        let (history, day) = (history(w), day());
        for (s, _) in selections(w, record).filter(|(_, spec)| spec.rotation) {
            for o in &s.officers {
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
        }
        Ok(())
    });
}

#[test]
fn workload_caps_of_tasks_and_of_the_plan_hold() {
    for_every_world(|w, _, record| {
        let mut plan_load: BTreeMap<&str, u64> = BTreeMap::new();
        for (task, spec) in tasks(w, record) {
            let mut task_load: BTreeMap<&str, u64> = BTreeMap::new();
            for o in task.selected.iter().flat_map(|s| &s.officers) {
                *task_load.entry(o).or_default() += 1;
                *plan_load.entry(o).or_default() += 1;
            }
            if let Some(cap) = spec.teams_cap {
                prop_assert!(
                    task_load.values().all(|&n| n <= cap),
                    "task workload cap {} broken: {:?}",
                    cap,
                    task_load
                );
            }
        }
        if let Some(cap) = w.plan_teams_cap {
            prop_assert!(
                plan_load.values().all(|&n| n <= cap),
                "plan workload cap broken"
            );
        }
        Ok(())
    });
}

#[test]
fn strata_counts_follow_the_allocation() {
    for_every_world(|w, _, record| {
        for (task, _) in tasks(w, record) {
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
        }
        Ok(())
    });
}

#[test]
fn no_entity_is_visited_more_than_one_visit_mode_and_the_annual_cap_allow() {
    for_every_world(|w, _, record| {
        let mut visits: BTreeMap<&str, u64> = BTreeMap::new();
        for (task, _) in tasks(w, record) {
            let mut seen = BTreeSet::new();
            for s in &task.selected {
                let first = visits.get(s.target.as_str()).copied().unwrap_or(0) == 0;
                if w.one_visit != "merge" || first {
                    *visits.entry(s.target.as_str()).or_default() += 1;
                }
                prop_assert!(seen.insert(&s.target));
            }
        }
        if w.one_visit == "exclusive" {
            prop_assert!(
                visits.values().all(|&n| n == 1),
                "an entity drawn twice in exclusive mode"
            );
        }
        if let Some(cap) = w.cap {
            let history = history(w);
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
        Ok(())
    });
}

#[test]
fn verify_accepts_the_record_and_refuses_an_edited_team() {
    for_every_world(|_, inputs, record| {
        prop_assert!(verifies(record.to_json(), inputs));
        if let Some(t) = record.tasks.iter().position(|t| !t.selected.is_empty()) {
            let mut edited = record.clone();
            edited.tasks[t].selected[0].officers.reverse();
            prop_assert!(!verifies(edited.to_json(), inputs));
        }
        Ok(())
    });
}

#[test]
fn every_amendment_verifies_and_every_edited_ledger_entry_does_not() {
    let amended = AtomicUsize::new(0);
    for_every_world(|_, inputs, record| {
        amended.fetch_add(check_amendments(record, inputs)?, Ordering::Relaxed);
        Ok(())
    });
    let amended = amended.into_inner();
    assert!(amended >= 100, "only {amended} ledger entries were made");
}

/// Every sequence of amendments `amend` produces verifies; any edit of an entry does not.
/// Returns the number of ledger entries made.
fn check_amendments(record: &Record, inputs: &Inputs) -> Result<usize, TestCaseError> {
    use shuangsui::verify::ledger::{Amendment, Change, amend};
    let ok = |r: &Record| verifies(r.to_json(), inputs);
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
    Ok(amended.ledger.len())
}

/// The rules that span batches (SPEC.md §6.1) are the same in every batch of a plan: a later
/// batch whose plan changed one of them is refused, in either language, naming the change.
#[test]
fn a_later_batch_keeps_the_rules_of_the_earlier_ones() {
    let first = parse(EXAMPLE_PLAN, EXAMPLE_TARGETS, EXAMPLE_OFFICERS).unwrap();
    let earlier = crate::fixtures::drawn(&first, "batch-1");
    let later = |plan: &str| {
        parse(plan, EXAMPLE_TARGETS, EXAMPLE_OFFICERS)
            .unwrap()
            .with_earlier(vec![("batch-1.json".into(), earlier.clone())])
            .unwrap_err()
    };
    let date = "date = \"2027-01-15\"\n";
    let e = later(&EXAMPLE_PLAN.replacen(date, &format!("{date}one_visit = \"separate\"\n"), 1));
    assert_eq!(e.kind().as_str(), "record_syntax");
    assert_eq!(
        e.to_string(),
        "batch-1.json: not a valid record: the earlier batch was drawn with one_visit = \"merge\", this plan \"separate\": every batch of a plan keeps its one_visit, its annual cap and its task ids"
    );
    assert_eq!(
        e.message(Lang::Zh),
        "batch-1.json: 不是有效的抽取记录：此前批次的抽取规则与本计划不同（此前为 one_visit = \"merge\"，本计划为 \"separate\"）：同一计划的各批次必须保持相同的 one_visit、年度检查上限和任务编号"
    );
    let e =
        later(&EXAMPLE_PLAN.replacen(date, &format!("{date}max_inspections_per_year = 2\n"), 1));
    assert!(
        e.to_string()
            .contains("drawn with max_inspections_per_year = 0, this plan 2 (0: none)"),
        "{e}"
    );
    assert!(
        e.message(Lang::Zh)
            .contains("此前为 max_inspections_per_year = 0，本计划为 2（0 表示不设上限）"),
        "{}",
        e.message(Lang::Zh)
    );
    let e = later(&EXAMPLE_PLAN.replace("id = \"T2\"", "id = \"T3\""));
    assert!(
        e.to_string()
            .contains("drawn with tasks T2 that this plan does not have"),
        "{e}"
    );
    assert!(
        e.message(Lang::Zh)
            .contains("（此前批次有本计划没有的任务 T2）"),
        "{}",
        e.message(Lang::Zh)
    );
    let e = later(&EXAMPLE_PLAN.replace("id = \"EX-2027\"", "id = \"EX-2028\""));
    assert_eq!(
        e.message(Lang::Zh),
        "batch-1.json: 不是有效的抽取记录：这是抽查计划“EX-2027”的抽取记录，不是本计划“EX-2028”的：此前批次必须是同一抽查计划的抽取"
    );
}
