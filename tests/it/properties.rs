//! Property tests of the draw's invariants (proptest).

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use shuangsui::internal::allocation;
use shuangsui::plan::{Ratio, Rounding};
use shuangsui::{Inputs, Record};

use crate::fixtures::{drawn, parse, verified};

#[derive(Debug, Clone)]
struct World {
    plan: String,
    targets: Vec<[String; 4]>,  // id, name, risk, status
    officers: Vec<[String; 3]>, // id, name, department
    seed: String,
    team_size: u64,
}

fn world() -> impl Strategy<Value = World> {
    (
        prop::collection::btree_set(0_u64..1_000_000, 1..60),
        prop::collection::btree_set("E[0-9]{3}", 2..9),
        2_u64..4,
        prop::sample::select(vec!["3%", "25%", "50%", "100%", "0%"]),
        any::<bool>(),
        "[a-z0-9 ]{1,12}",
        prop::collection::vec((0_usize..4, 0_usize..3), 60),
    )
        .prop_map(|(ids, officer_ids, team_size, ratio, stratified, seed, attrs)| {
            let targets: Vec<[String; 4]> = ids
                .into_iter()
                .zip(&attrs)
                .enumerate()
                .map(|(i, (n, (r, s)))| {
                    [shuangsui::synth::uscc_for(n), format!("企业{i}"), ["A", "B", "C", "D"][*r].into(), ["存续", "存续", "注销"][*s].into()]
                })
                .collect();
            let officers: Vec<[String; 3]> = officer_ids
                .into_iter()
                .enumerate()
                .map(|(i, id)| [id, format!("人员{i}"), if i % 3 == 2 { "其他".into() } else { "市场监管".into() }])
                .collect();
            let strata = if stratified { "strata = [\"risk\"]\n" } else { "" };
            let plan = format!(
                "[plan]\nid = \"P\"\nname = \"n\"\n\n[[tasks]]\nid = \"T1\"\nname = \"a\"\n{strata}ratio = \"{ratio}\"\nteam_size = {team_size}\n\n[[tasks]]\nid = \"T2\"\nname = \"b\"\nfilter = {{ status = \"存续\" }}\ncount = 5\nteam_size = 2\nofficer_filter = {{ department = \"市场监管\" }}\n"
            );
            World { plan, targets, officers, seed, team_size }
        })
        .prop_filter("enough officers for both tasks", |w| {
            let market = w.officers.iter().filter(|o| o[2] == "市场监管").count();
            w.officers.len() as u64 >= w.team_size
                && market >= 2
                && w.targets.iter().any(|t| t[3] == "存续")
        })
}

/// Writes rows as CSV with the columns in `order` (a permutation) and the
/// given line end, optionally with a BOM.
fn csv<const N: usize>(
    header: [&str; N],
    rows: &[[String; N]],
    order: &[usize],
    crlf: bool,
    bom: bool,
) -> String {
    let end = if crlf { "\r\n" } else { "\n" };
    let mut out = String::from(if bom { "\u{FEFF}" } else { "" });
    out.push_str(
        &order
            .iter()
            .map(|&i| header[i])
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str(end);
    for row in rows {
        out.push_str(
            &order
                .iter()
                .map(|&i| row[i].as_str())
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str(end);
    }
    out
}

fn run(w: &World, targets_csv: &str, officers_csv: &str) -> (Inputs, Record) {
    let inputs = parse(&w.plan, targets_csv, officers_csv).unwrap();
    let record = drawn(&inputs, &w.seed);
    (inputs, record)
}

fn plain(w: &World) -> (Inputs, Record) {
    let t = csv(
        ["id", "name", "risk", "status"],
        &w.targets,
        &[0, 1, 2, 3],
        false,
        false,
    );
    let o = csv(
        ["id", "name", "department"],
        &w.officers,
        &[0, 1, 2],
        false,
        false,
    );
    run(w, &t, &o)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_same_inputs_give_the_same_bytes(w in world()) {
        let (_, a) = plain(&w);
        let (_, b) = plain(&w);
        prop_assert_eq!(a.to_json(), b.to_json());
    }

    #[test]
    fn row_and_column_order_do_not_matter(
        w in world(),
        rot in 0_usize..60,
        t_order in Just([0_usize, 1, 2, 3]).prop_shuffle(),
        o_order in Just([0_usize, 1, 2]).prop_shuffle(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let (_, a) = plain(&w);
        let mut targets = w.targets.clone();
        let k = rot % targets.len();
        targets.rotate_left(k);
        targets.reverse();
        let mut officers = w.officers.clone();
        officers.reverse();
        let t = csv(["id", "name", "risk", "status"], &targets, &t_order, crlf, bom);
        let o = csv(["id", "name", "department"], &officers, &o_order, crlf, bom);
        let (_, mut b) = run(&w, &t, &o);
        prop_assert_eq!(&a.inputs.targets.digest, &b.inputs.targets.digest);
        prop_assert_eq!(&a.inputs.officers.digest, &b.inputs.officers.digest);
        // Only the raw digests (and so the record digest) may differ.
        b.inputs.targets.sha256.clone_from(&a.inputs.targets.sha256);
        b.inputs.officers.sha256.clone_from(&a.inputs.officers.sha256);
        b.seal();
        prop_assert_eq!(a.to_json(), b.to_json());
    }

    #[test]
    fn selections_are_eligible_distinct_and_allocated(w in world()) {
        let (_, r) = plain(&w);
        let by_id: BTreeMap<&str, &[String; 4]> = w.targets.iter().map(|t| (t[0].as_str(), t)).collect();
        for task in &r.tasks {
            let ids: BTreeSet<&str> = task.selected.iter().map(|s| s.target.as_str()).collect();
            prop_assert_eq!(ids.len(), task.selected.len(), "duplicate selection in {}", task.id);
            for s in &task.selected {
                let row = by_id[s.target.as_str()];
                // 注销 is excluded by default in every task (SPEC.md §6.1).
                prop_assert_eq!(row[3].as_str(), "存续");
                if !task.allocation.strata.is_empty() {
                    prop_assert_eq!(&s.stratum, &vec![row[2].clone()]);
                }
            }
            let frame: u64 = task.strata.iter().map(|s| s.frame).sum();
            prop_assert_eq!(frame, task.frame.size);
            for st in &task.strata {
                let drawn = task.selected.iter().filter(|s| s.stratum == st.stratum).count() as u64;
                prop_assert_eq!(drawn, st.count);
                let ranks: Vec<u64> = task.selected.iter().filter(|s| s.stratum == st.stratum).map(|s| s.rank).collect();
                prop_assert_eq!(ranks, (1..=st.count).collect::<Vec<_>>());
                let expected = match Ratio::parse(&st.quota) {
                    Some(ratio) => allocation::ratio_count(st.frame, ratio, Rounding::Ceil, 1),
                    None => st.quota.parse::<u64>().unwrap().min(st.frame),
                };
                prop_assert_eq!(st.count, expected);
                // Tickets ascend within a stratum: the smallest were taken.
                let tickets: Vec<&str> = task.selected.iter().filter(|s| s.stratum == st.stratum).map(|s| s.ticket.as_str()).collect();
                prop_assert!(tickets.windows(2).all(|p| p[0] < p[1]));
            }
        }
    }

    #[test]
    fn teams_follow_the_rules(w in world()) {
        let (_, r) = plain(&w);
        let department: BTreeMap<&str, &str> = w.officers.iter().map(|o| (o[0].as_str(), o[2].as_str())).collect();
        for task in &r.tasks {
            let mut load: BTreeMap<&str, u64> = BTreeMap::new();
            for (o, dept) in &department {
                if task.officers.filter.is_empty() || task.officers.filter["department"].passes(dept) {
                    load.insert(o, 0);
                }
            }
            prop_assert_eq!(load.len() as u64, task.officers.eligible);
            for s in &task.selected {
                prop_assert_eq!(s.officers.len() as u64, task.team_size);
                let distinct: BTreeSet<&String> = s.officers.iter().collect();
                prop_assert_eq!(distinct.len(), s.officers.len(), "an officer twice in a team");
                for o in &s.officers {
                    prop_assert!(load.contains_key(o.as_str()), "{} is not eligible for {}", o, task.id);
                    *load.get_mut(o.as_str()).unwrap() += 1;
                }
            }
            let min = *load.values().min().unwrap();
            let max = *load.values().max().unwrap();
            prop_assert!(max - min <= 1, "workload {}..{} in {}", min, max, task.id);
            prop_assert_eq!((min, max), (task.officers.workload_min, task.officers.workload_max));
        }
    }

    #[test]
    fn verify_accepts_the_record_and_catches_an_edit(w in world(), pick in any::<prop::sample::Index>()) {
        let (inputs, r) = plain(&w);
        let json = r.to_json();
        let ok = verified(&json, &inputs);
        prop_assert!(ok.ok());
        let all: Vec<(usize, usize)> = r.tasks.iter().enumerate().flat_map(|(t, task)| (0..task.selected.len()).map(move |s| (t, s))).collect();
        prop_assume!(!all.is_empty());
        let (t, s) = all[pick.index(all.len())];
        let mut edited = r.clone();
        edited.tasks[t].selected[s].target.push('X');
        let json = edited.to_json();
        let bad = verified(&json, &inputs);
        prop_assert!(!bad.ok());
        let expected_path = format!("tasks[{}].selected[{}].target", r.tasks[t].id, s + 1);
        prop_assert_eq!(&bad.differences[0].path, &expected_path);
    }

    #[test]
    fn any_changed_value_changes_the_digest(w in world(), row in any::<prop::sample::Index>(), col in 0_usize..4) {
        let (_, a) = plain(&w);
        let mut w2 = w.clone();
        let i = row.index(w2.targets.len());
        // Every kind of edit keeps the value valid: another real code, another risk class.
        match col {
            0 => w2.targets[i][0] = shuangsui::synth::uscc_for(10_000_000 + i as u64),
            2 => {
                let next = match w2.targets[i][2].as_str() { "A" => "B", "B" => "C", "C" => "D", _ => "A" };
                w2.targets[i][2] = next.to_owned();
            }
            _ => w2.targets[i][col].push('1'),
        }
        let t = csv(["id", "name", "risk", "status"], &w2.targets, &[0, 1, 2, 3], false, false);
        let table = shuangsui::inputs::Table::from_csv(shuangsui::inputs::TableKind::Targets, "t", t.as_bytes()).unwrap();
        prop_assert_ne!(hex::encode(shuangsui::inputs::digest::table(&table)), a.inputs.targets.digest);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// SPEC.md §8: for any pool at least as large as a team, teams are
    /// distinct and workloads differ by at most one.
    #[test]
    fn matching_balances_any_pool(team in 2_u64..=8, extra in 0_usize..20, targets in 0_usize..150, key in any::<[u8; 32]>()) {
        let pool = team as usize + extra;
        let plan = format!("[plan]\nid='p'\nname='n'\n[[tasks]]\nid='T'\nname='t'\nratio='1%'\nteam_size={team}\n");
        let task = shuangsui::Plan::parse("p", plan.as_bytes()).unwrap().tasks.remove(0);
        let csv: String = std::iter::once("id,name\n".to_owned()).chain((0..pool).map(|i| format!("E{i},n\n"))).collect();
        let officers = shuangsui::inputs::Table::from_csv(shuangsui::inputs::TableKind::Officers, "o", csv.as_bytes()).unwrap();
        let ids: Vec<String> = (0..targets).map(|i| format!("X{i}")).collect();
        let entities: Vec<shuangsui::internal::matching::Entity<'_>> = ids.iter().map(|id| shuangsui::internal::matching::Entity { id, region: None }).collect();
        let mut load = vec![0; pool];
        let m = shuangsui::internal::matching::teams(&task, &key, &officers, &[shuangsui::internal::matching::Part { department: None, pool: (0..pool).collect(), members: team }], &entities, &shuangsui::internal::matching::Rules::default(), &mut load).unwrap();
        prop_assert_eq!(m.teams.len(), targets);
        for t in &m.teams {
            let distinct: BTreeSet<&usize> = t.iter().collect();
            prop_assert_eq!(distinct.len() as u64, team);
        }
        let (min, max) = m.workload(&officers);
        prop_assert!(max - min <= 1, "pool {} team {} targets {}: {}..{}", pool, team, targets, min, max);
    }
}
