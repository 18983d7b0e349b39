// Test data is built with push_str(&format!(..)) for readability.
#![allow(clippy::format_push_string)]

//! Issue 4, "Done when": an annual plan with four tasks — two risk-stratified
//! with ratio tables, one proportional total over registration authorities,
//! one joint two-department task — a history file, a conflicts file and
//! `exclusive` mode draws through the CLI, records every rule's effect, and
//! verifies. An infeasible plan exits 2 and writes nothing.

use serde_json::Value;

use crate::fixtures::{Files, INPUT_FLAGS, TempDir, bin, run, stderr, stdout};

const PLAN: &str = r#"[plan]
id = "420100-2027-02"
name = "2027年度双随机抽查计划（风险分类）"
authority = "武汉市市场监督管理局"
date = "2027-01-15"
one_visit = "exclusive"
max_inspections_per_year = 2
max_teams_per_officer = 60

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
items = ["企业年度报告公示信息"]
strata = ["risk"]
ratio = { A = "0%", B = "2%", C = "10%", D = "30%" }
exclude_inspected = { within = "calendar_year", scope = "same_item" }
officer_filter = { department = "市场监管" }

[[tasks]]
id = "T2"
name = "登记事项抽查"
items = ["住所（经营场所）登记情况"]
strata = ["risk", "region"]
ratio = { A = "0%", D = { "420102" = "50%", "*" = "20%" }, "*" = "1%" }
officer_region = "different"
rotation = 365

[[tasks]]
id = "T3"
name = "广告发布登记事项抽查"
items = ["广告发布登记"]
strata = ["authority"]
count = 60
allocation = "proportional"

[[tasks]]
id = "T4"
name = "食品经营联合抽查"
items = ["食品经营许可情况"]
filter = { industry = "H 住宿和餐饮业" }
count = 20
departments = [{ department = "市场监管", members = 1 }, { department = "食品安全", members = 1 }]
"#;

/// The plan, 10,000 entities, 60 officers, and the history and conflicts files.
fn setup(name: &str) -> TempDir {
    let files = Files {
        plan: PLAN.into(),
        ..Files::synth(5, 10_000, 60, 2027)
    };
    let dir = TempDir::with(&format!("annual-{name}"), &files);
    // Past inspections of the first 300 entities, some for T1's item this year.
    let ids: Vec<&str> = files
        .targets
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let mut history = String::from("统一社会信用代码,检查日期,检查事项,检查人员\n");
    for (i, id) in ids.iter().take(300).enumerate() {
        let (date, item) = if i % 3 == 0 {
            ("2027-01-08", "企业年度报告公示信息")
        } else {
            ("2026-06-01", "广告发布登记")
        };
        history.push_str(&format!(
            "{id},{date},{item},E{:04};E{:04}\n",
            i % 60 + 1,
            (i + 7) % 60 + 1
        ));
    }
    dir.write("history.csv", history);
    let mut conflicts = String::from("人员编号,统一社会信用代码,回避事由\n");
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 50 == 0) {
        conflicts.push_str(&format!("E{:04},{id},近亲属\n", i % 60 + 1));
    }
    dir.write("conflicts.csv", conflicts);
    dir
}

fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = INPUT_FLAGS.to_vec();
    v.extend(["--history", "history.csv", "--conflicts", "conflicts.csv"]);
    v.extend_from_slice(extra);
    v
}

#[test]
fn a_four_task_annual_plan_draws_records_and_verifies() {
    let dir = setup("ok");
    let mut a = vec!["draw"];
    a.extend(args(&["--seed", "2027 年度摇号", "--out", "record.json"]));
    let out = run(bin().current_dir(&dir).args(&a));
    assert!(out.status.success(), "{}", stderr(&out));
    let record: Value =
        serde_json::from_slice(&std::fs::read(dir.join("record.json")).unwrap()).unwrap();
    let tasks = record["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 4);
    assert_eq!(record["plan"]["one_visit"], "exclusive");
    assert!(record["inputs"]["history"]["digest"].is_string());
    assert!(record["inputs"]["conflicts"]["digest"].is_string());
    // T1: risk ratios with class A at 0%, recent inspections of its item excluded.
    assert_eq!(tasks[0]["allocation"]["mode"], "ratio");
    assert!(
        tasks[0]["frame"]["excluded"]["inspected_recently"]
            .as_u64()
            .unwrap()
            > 0
    );
    let a_stratum = tasks[0]["strata"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["stratum"][0] == "A")
        .unwrap();
    assert_eq!(a_stratum["count"], 0);
    // T2: a nested ratio table over risk × region; exclusive mode skips T1's entities.
    assert_eq!(
        tasks[1]["allocation"]["strata"],
        serde_json::json!(["risk", "region"])
    );
    // T3: 60 spread proportionally over authorities.
    assert_eq!(tasks[2]["allocation"]["mode"], "proportional");
    assert_eq!(
        tasks[2]["strata"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["count"].as_u64().unwrap())
            .sum::<u64>(),
        60
    );
    // T4: joint teams, one officer from each department.
    assert_eq!(
        tasks[3]["officers"]["departments"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let roster = dir.read_text("officers.csv");
    let department: std::collections::HashMap<&str, &str> = roster
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0], f[2])
        })
        .collect();
    for s in tasks[3]["selected"].as_array().unwrap() {
        let team: Vec<&str> = s["officers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| department[o.as_str().unwrap()])
            .collect();
        assert_eq!(team, ["市场监管", "食品安全"]);
    }
    // Exclusive: nobody drawn twice, and the skips are recorded.
    let mut seen = std::collections::HashSet::new();
    for t in tasks {
        for s in t["selected"].as_array().unwrap() {
            assert!(
                seen.insert(s["target"].as_str().unwrap().to_owned()),
                "{} drawn twice",
                s["target"]
            );
        }
    }
    let skips: usize = tasks
        .iter()
        .map(|t| t["skipped"].as_array().unwrap().len())
        .sum();
    assert!(skips > 0, "exclusive mode skipped nobody");
    // Recusal: no conflicted officer on a conflicted entity.
    let conflicts = std::fs::read_to_string(dir.join("conflicts.csv")).unwrap();
    for l in conflicts.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        for t in tasks {
            for s in t["selected"].as_array().unwrap() {
                if s["target"] == f[1] {
                    assert!(s["officers"].as_array().unwrap().iter().all(|o| o != f[0]));
                }
            }
        }
    }
    // The record verifies from the same files; without the history file it says which file is missing.
    let mut v = vec!["verify", "record.json"];
    v.extend(args(&[]));
    let out = run(bin().current_dir(&dir).args(&v));
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = run(bin()
        .current_dir(&dir)
        .env("SHUANGSUI_LANG", "en")
        .args(["verify", "record.json"])
        .args(INPUT_FLAGS)
        .args(["--conflicts", "conflicts.csv"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("was drawn with a history file"));
}

#[test]
fn an_infeasible_plan_exits_2_naming_the_entity_and_writes_nothing() {
    let dir = setup("infeasible");
    std::fs::write(
        dir.join("plan.toml"),
        PLAN.replace("max_teams_per_officer = 60", "max_teams_per_officer = 2"),
    )
    .unwrap();
    let mut a = vec!["draw"];
    a.extend(args(&["--seed", "s", "--out", "record.json"]));
    let out = run(bin().current_dir(&dir).arg("--lang=en").args(&a));
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr(&out);
    assert!(stderr.starts_with("error: task 'T"), "{stderr}");
    assert!(stderr.contains(": entity 914201"), "{stderr}");
    assert!(stderr.contains("at the plan's workload cap"), "{stderr}");
    assert!(!dir.join("record.json").exists());
}
