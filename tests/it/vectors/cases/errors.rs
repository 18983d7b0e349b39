//! Inputs that must be rejected (`errors.json`): the worked example with one change, then
//! `super::rule_errors` and the ledger's errors below.

use serde_json::{Value, json};

use super::*;

/// The inputs that must be rejected, in the order of `errors.json`.
pub fn error_cases() -> Vec<Case> {
    vec![
        edited(
            "team-of-one",
            "§4.1: two officers per inspection is the law: team_size 1 is an error",
            &|c| {
                c.plan = c.plan.replace("team_size = 3", "team_size = 1");
            },
        ),
        edited(
            "pool-too-small",
            "§8.1: T2 needs three officers per team and its pool has two eligible: an error",
            &|c| {
                c.officers = c.officers.replace("E05,陈静,食品安全", "E05,陈静,市场监管");
            },
        ),
        edited("empty-frame", "§6.2 step 1: no target passes the filter: an empty frame is an error", &|c| {
            c.plan = c.plan.replace("status = \"存续\"", "status = \"在业\"");
        }),
        edited(
            "unknown-filter-column",
            "§4.2: a filter names a column the directory lacks",
            &|c| {
                c.plan = c.plan.replace("status = \"存续\"", "state = \"存续\"");
            },
        ),
        edited(
            "unknown-strata-column",
            "§4.2, §6.2: strata name a column the directory lacks",
            &|c| {
                c.plan = c
                    .plan
                    .replace("strata = [\"risk\"]", "strata = [\"riskclass\"]");
            },
        ),
        edited(
            "duplicate-id",
            "§3.3: the same id twice, after normalisation (full-width, lower case)",
            &|c| {
                c.targets
                    .push_str("９１１１０１０８５５１３８５０８２q,重复行,A,存续,110108\n");
            },
        ),
        edited(
            "missing-name-column",
            "§3.2: a target directory MUST have a name column",
            &|c| {
                c.targets = c.targets.replacen("id,name,", "id,title,", 1);
            },
        ),
        edited("empty-id", "§3.3: a row without an id", &|c| {
            c.targets.push_str(" ,无代码企业,A,存续,110000\n");
        }),
        edited("ragged-row", "§3.1: a row with a field too many", &|c| {
            c.targets
                .push_str("91110000000000000X,多一列,A,存续,110000,extra\n");
        }),
        edited("bad-ratio", "§4.1: a ratio without a percent sign", &|c| {
            c.plan = c.plan.replace("\"10%\"", "\"10\"");
        }),
        edited("ratio-over-100", "§4.1: a ratio above 100%", &|c| {
            c.plan = c.plan.replace("\"10%\"", "\"110%\"");
        }),
        edited(
            "ratio-and-count",
            "§4.1: a task with both a ratio and a count",
            &|c| {
                c.plan = c.plan.replace("count = 3", "count = 3\nratio = \"3%\"");
            },
        ),
        edited(
            "no-ratio-for-stratum",
            "§6.2 trees: a ratio table without an entry or a default for class C",
            &|c| {
                c.plan = c.plan.replace(", \"*\" = \"100%\"", "");
            },
        ),
        edited(
            "count-with-strata",
            "§4.1: count = N with strata needs an allocation",
            &|c| {
                c.plan = c
                    .plan
                    .replace("count = 3", "count = 3\nstrata = [\"risk\"]");
            },
        ),
        edited("duplicate-task-id", "§4.1: two tasks with the same id", &|c| {
            c.plan = c.plan.replace("id = \"T2\"", "id = \"T1\"");
        }),
        edited("unknown-plan-key", "§4.1: a misspelt key is an unknown key", &|c| {
            c.plan = c.plan.replace("team_size = 3", "teamsize = 3");
        }),
        edited("float-in-plan", "§4.1, §4.3: a ratio written as a number (a TOML float)", &|c| {
            c.plan = c.plan.replace("\"10%\"", "0.1");
        }),
        edited("control-character", "§3.3: a tab inside a name", &|c| {
            c.targets = c.targets.replace("清华大学", "清华\t大学");
        }),
        edited(
            "filter-column-twice",
            "§4.1: two filter keys that name the same column after normalisation",
            &|c| {
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { status = \"存续\", Status = \"注销\" }",
                );
            },
        ),
        edited(
            "invalid-id",
            "§3.3 id check: an id whose check character is wrong (Tencent's code ending H instead of G)",
            &|c| {
                c.targets = c
                    .targets
                    .replace("9144030071526726XG", "9144030071526726XH");
            },
        ),
        edited("unknown-risk", "§3.3 risk: a risk class outside A–D", &|c| {
            c.targets = c.targets.replace("清华大学,C,", "清华大学,E,");
        }),
        edited(
            "bad-validity",
            "§3.3 validity: a certificate validity that is not a period of real dates",
            &|c| {
                c.officers = c
                    .officers
                    .replace("2024-01-01至2028-12-31", "2024-13-01至2028-12-31");
            },
        ),
        edited(
            "no-plan-date",
            "§4.1, §8.1: the roster lists certificates but the plan has no date",
            &|c| {
                c.plan = c.plan.replace("date = \"2027-01-15\"\n", "");
            },
        ),
        edited("bad-plan-date", "§4.1: plan.date names a day that does not exist", &|c| {
            c.plan = c.plan.replace("2027-01-15", "2027-02-30");
        }),
        edited(
            "many-problems",
            "§3.3: every problem of a file is listed, each with its line (error kind problems)",
            &|c| {
                c.targets.push_str("9144030071526726XG,重复一,A,存续,440300\n91110108551385082Q,重复二,A,存续,110108\n9144030071526726XH,错码,A,存续,440300\n");
            },
        ),
        edited("binary-file", "§3.1: a NUL byte: not a text table", &|c| {
            c.targets = c.targets.replace("清华大学", "清华\0大学");
        }),
        edited(
            "empty-frame-after-exclusions",
            "§6.1, §6.2 step 1: the only rows passing the filter are 注销: the frame is empty",
            &|c| {
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { status = \"注销\" }",
                );
            },
        ),
        edited(
            "status-keyword-is-a-reason",
            "§4.1, §6.1: a status keyword spelled like an exclusion reason (annual_cap) would make frame.excluded ambiguous",
            &|c| {
                c.plan = c.plan.replace(
                    "date = \"2027-01-15\"",
                    "date = \"2027-01-15\"\nexclude_status = [\"注销\", \"annual_cap\"]",
                );
            },
        ),
        edited(
            "personal-data-is-not-a-filter",
            "§3.2 rule 3, §4.2: a filter cannot name a dropped personal-data column",
            &|c| {
                c.targets =
                    c.targets
                        .replacen("id,name,risk,status,region", "id,name,risk,status,手机", 1);
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { \"手机\" = \"1\" }",
                );
            },
        ),
        edited(
            "personal-data-shape",
            "§3.3 personal data by shape: a column the plan reads holds mobile numbers (the filter reads 联络, which no header rule drops): an error naming the column and cell, unless the plan declares the column public",
            &|c| {
                let mut lines = c.targets.lines();
                let mut t = format!("{},联络\n", lines.next().unwrap());
                for (i, line) in lines.enumerate() {
                    writeln!(t, "{line},1380013{i:04}").unwrap();
                }
                c.targets = t;
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { status = \"存续\", \"联络\" = { not = \"\" } }",
                );
            },
        ),
        edited(
            "table-deeper-than-strata",
            "§4.1: a ratio table nested deeper than the strata columns",
            &|c| {
                c.plan = c.plan.replace(
                    "ratio = { A = \"10%\",",
                    "ratio = { A = { \"440300\" = \"10%\" },",
                );
            },
        ),
        edited(
            "unknown-condition",
            "§4.1: a filter condition that does not exist",
            &|c| {
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { status = { like = \"存续\" } }",
                );
            },
        ),
        edited(
            "allocation-with-ratio",
            "§4.1: allocation says how a count is spread; with a ratio it is an error",
            &|c| {
                c.plan = c.plan.replace(
                    "strata = [\"risk\"]",
                    "strata = [\"risk\"]\nallocation = \"equal\"",
                );
            },
        ),
        edited(
            "exclude-inspected-without-history",
            "§4.1: exclude_inspected needs the history file",
            &|c| {
                c.plan = c.plan.replace(
                    "strata = [\"risk\"]",
                    "strata = [\"risk\"]\nexclude_inspected = { within = \"calendar_year\" }",
                );
            },
        ),
        edited(
            "bad-one-visit",
            "§4.1: one_visit must be merge, exclusive or separate",
            &|c| {
                c.plan = c.plan.replace(
                    "date = \"2027-01-15\"",
                    "date = \"2027-01-15\"\none_visit = \"once\"",
                );
            },
        ),
        edited(
            "infeasible-workload-cap",
            "§8.2 rule 4, §8.2 step 1: the task's workload cap is too low: the error names the entity, the slot and what each rule refused",
            &|c| {
                c.plan = c
                    .plan
                    .replace("team_size = 3", "team_size = 3\nmax_teams_per_officer = 2");
            },
        ),
        edited(
            "recusal-names-no-officer",
            "§8.2 rule 2: a conflicts row whose officer is neither an officer id nor a certificate number of the roster: an error of kind unknown_officer, never a declared conflict that silently does nothing",
            &|c| {
                c.conflicts = Some(
                    "人员编号,统一社会信用代码,回避事由\nE99,91440300192317458F,亲属\n".into(),
                );
            },
        ),
        edited(
            "infeasible-recusal",
            "§8.2 step 1: every pool officer is conflicted with one entity",
            &|c| {
                c.conflicts = Some("officer,entity,reason\nE03,91440300192317458F,亲属\nE05,91440300192317458F,亲属\nE08,91440300192317458F,亲属\n".into());
                c.plan = c.plan.replace("count = 3", "count = 9");
            },
        ),
        edited(
            "joint-department-too-small",
            "§8.1, §8.3: a joint task asking three members of 市场监管, which has no officer in T2's pool (its officer_filter takes 食品安全)",
            &|c| {
                c.plan = c.plan.replace(
                    "count = 3\nteam_size = 3",
                    "count = 3\ndepartments = [{ department = \"市场监管\", members = 3 }]",
                );
            },
        ),
        edited(
            "joint-members-mismatch",
            "§8.3: departments whose members do not add up to team_size",
            &|c| {
                c.plan = c.plan.replace("count = 3\nteam_size = 3", "count = 3\nteam_size = 3\ndepartments = [{ department = \"市场监管\", members = 1 }, { department = \"食品安全\", members = 1 }]");
            },
        ),
        edited(
            "risk-annotation-disagrees",
            "§3.3 risk: a class annotated with another class, A类（信用风险高）: an error, never one of the two",
            &|c| {
                c.targets = c.targets.replacen(",A,存续,440300", ",A类（信用风险高）,存续,440300", 1);
            },
        ),
        edited(
            "no-header-row",
            "§3.1: thirty title rows before the header: the header row is looked for among the first thirty rows only, so the first is the header, and it lacks id and name",
            &|c| {
                c.targets = format!("{}{}", "名录说明\n".repeat(30), c.targets);
            },
        ),
        edited("empty-seed", "§5.1: the seed is empty", &|c| c.seed = ""),
    ]
    .into_iter()
    .chain(rule_error_cases())
    .chain(ledger_error_cases())
    .collect()
}

/// An error vector of the ledger (SPEC.md §9.4): `small_plan`'s draw, then the
/// amendments `make` derives from its record, the last of which is refused.
fn ledger_error(
    id: &'static str,
    comment: &'static str,
    make: &dyn Fn(&shuangsui::Record) -> Vec<Value>,
) -> Case {
    let mut c = Case {
        plan: small_plan(""),
        ..case(id, comment)
    };
    let record = run(&c).expect("the ledger error case draws").record;
    c.amendments = make(&record);
    c
}

/// Replaces the first officer of the first team, then the officer who replaced them, and
/// so on, `n` times: each amendment names the replacement the one before gave.
fn replacements_in_a_row(n: usize) -> Vec<Value> {
    let mut c = Case {
        plan: small_plan(""),
        ..case("replacements", "")
    };
    let record = run(&c).expect("the case draws").record;
    let target = record.tasks[0].selected[0].target.clone();
    let mut officer = record.tasks[0].selected[0].officers[0].clone();
    for k in 0..n {
        c.amendments.push(json!({"kind": "replace_officer", "task": "T", "target": target, "officer": officer, "reason": "请假", "actor": "张科长", "at": format!("2027-02-0{}T09:00:00+08:00", k + 1)}));
        if let Ok(d) = run(&c) {
            officer.clone_from(&d.record.ledger[k].replacement);
        }
    }
    c.amendments
}

fn ledger_error_cases() -> Vec<Case> {
    let replace = |r: &shuangsui::Record, reason: &str, note: &str, actor: &str, at: &str| {
        let s = &r.tasks[0].selected[0];
        json!({"kind": "replace_officer", "task": "T", "target": s.target, "officer": s.officers[0], "reason": reason, "note": note, "actor": actor, "at": at})
    };
    vec![
        ledger_error(
            "ledger-third-replacement",
            "§9.4: a team takes at most plan.max_replacements replacements (2 when the plan does not say): the third replacement of the same team is refused",
            &|_| replacements_in_a_row(3),
        ),
        ledger_error(
            "ledger-other-without-note",
            "§9.4: the reason 其他 needs a note saying why",
            &|r| {
                vec![replace(
                    r,
                    "其他",
                    "",
                    "张科长",
                    "2027-02-01T09:00:00+08:00",
                )]
            },
        ),
        ledger_error(
            "ledger-unknown-reason",
            "§9.4: a replacement's reason is one of 回避, 请假, 调离, 证件失效, 其他",
            &|r| {
                vec![replace(
                    r,
                    "出差",
                    "",
                    "张科长",
                    "2027-02-01T09:00:00+08:00",
                )]
            },
        ),
        ledger_error(
            "ledger-note-too-long",
            "§9.4: a note has at most 200 characters (Unicode code points); this one has 201",
            &|r| {
                vec![replace(
                    r,
                    "其他",
                    &"借".repeat(201),
                    "张科长",
                    "2027-02-01T09:00:00+08:00",
                )]
            },
        ),
        ledger_error(
            "ledger-empty-actor",
            "§9.4: actor, normalised with text, must not be empty",
            &|r| {
                vec![replace(
                    r,
                    "请假",
                    "",
                    "\u{3000}",
                    "2027-02-01T09:00:00+08:00",
                )]
            },
        ),
        ledger_error(
            "ledger-before-the-draw",
            "§9.4: at may not be earlier than the draw, for an unattested seed the start of plan.date in China: 2027-01-14T23:59:59+08:00 is one second too early",
            &|r| {
                vec![replace(
                    r,
                    "请假",
                    "",
                    "张科长",
                    "2027-01-14T23:59:59+08:00",
                )]
            },
        ),
        ledger_error(
            "ledger-before-the-previous-entry",
            "§9.4: at may not be earlier than the previous entry's at",
            &|r| {
                let second = &r.tasks[0].selected[1];
                vec![
                    replace(r, "请假", "", "张科长", "2027-02-01T09:00:00+08:00"),
                    json!({"kind": "unreachable", "task": "T", "target": second.target, "actor": "李科员", "at": "2027-02-01T08:59:59+08:00"}),
                ]
            },
        ),
        ledger_error(
            "ledger-officer-not-in-team",
            "§9.4: the officer replaced must be in the target's current team",
            &|r| {
                let s = &r.tasks[0].selected[0];
                let outsider = SMALL_POOL
                    .iter()
                    .find(|o| !s.officers.iter().any(|t| t == *o))
                    .unwrap();
                vec![
                    json!({"kind": "replace_officer", "task": "T", "target": s.target, "officer": outsider, "reason": "请假", "actor": "张科长", "at": "2027-02-01T09:00:00+08:00"}),
                ]
            },
        ),
        ledger_error(
            "ledger-target-not-selected",
            "§9.4: an amendment names a target its task selected; 北京百度网讯 (class B) is not in this task's frame",
            &|_| {
                vec![
                    json!({"kind": "unreachable", "task": "T", "target": "91110000802100433B", "actor": "李科员", "at": "2027-02-01T09:00:00+08:00"}),
                ]
            },
        ),
        ledger_error(
            "ledger-unreachable-twice",
            "§9.4: a target is recorded unreachable at most once per task",
            &|r| {
                let s = &r.tasks[0].selected[0];
                vec![
                    json!({"kind": "unreachable", "task": "T", "target": s.target, "actor": "李科员", "at": "2027-02-01T09:00:00+08:00"}),
                    json!({"kind": "unreachable", "task": "T", "target": s.target, "actor": "李科员", "at": "2027-02-02T09:00:00+08:00"}),
                ]
            },
        ),
    ]
}
