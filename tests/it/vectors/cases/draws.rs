//! Full draws (`draws.json`): the worked example and one vector per behaviour of SPEC.md
//! §3–§9 it does not show, then the rules' draws (`super::rules`).

use serde_json::json;

use super::*;

/// The full draws, in the order of `draws.json`.
pub fn draw_cases() -> Vec<Case> {
    let first_batch = first_batch_of(PLAN.into());
    let fewer = |plan: String| {
        plan.replacen(
            "ratio = { A = \"10%\", B = \"50%\", \"*\" = \"100%\" }",
            "ratio = \"10%\"",
            1,
        )
    };
    let exclusive = fewer(with_plan_keys(PLAN, "one_visit = \"exclusive\"\n"));
    let capped = fewer(with_plan_keys(
        PLAN,
        "one_visit = \"separate\"\nmax_inspections_per_year = 1\n",
    ));
    vec![
        case(
            "worked-example",
            "§12 (§3–§9 end to end): the worked example: two tasks, a ratio table with a default, a filter, officer filters, a merged visit",
        ),
        Case {
            targets: TARGETS_REFORMED.into(),
            ..case(
                "reformed-targets",
                "§3.1, §3.2, §3.4: the worked example's targets with a BOM, CRLF, shuffled rows and columns, a full-width id and spaces: only inputs.targets.sha256 differs",
            )
        },
        Case {
            plan: simple_plan("ratio = \"50%\"\nrounding = \"floor\"\nmin_per_stratum = 0\n"),
            ..case(
                "whole-directory-floor",
                "§6.2 rounding = \"floor\": 不定向 (no filter, §4.2), one stratum, 50% of the 9 eligible rounded down to 4",
            )
        },
        Case {
            plan: simple_plan("filter = { risk = \"A\" }\ncount = 10\n"),
            ..case(
                "count-exceeds-frame",
                "§6.2 mode count: a fixed count larger than the frame draws the whole frame, with a warning",
            )
        },
        Case {
            plan: simple_plan(
                "strata = [\"risk\"]\nratio = { A = \"0%\", D = \"30%\", \"*\" = \"20%\" }\n",
            ),
            ..case(
                "zero-ratio",
                "§6.2 step 3, §6.2 trees: class A at 0% (无事不扰) draws nothing, whatever min_per_stratum; the key D matches no stratum (a warning)",
            )
        },
        Case {
            plan: simple_plan(
                "strata = [\"risk\", \"region\"]\nratio = \"50%\"\nrounding = \"nearest\"\nteam_size = 4\n",
            ),
            ..case(
                "two-strata-columns",
                "§6.2 step 2, §8.2: strata over two columns, ordered value by value; 1 × 50% rounds half up to 1; teams of four from five eligible officers",
            )
        },
        Case {
            plan: simple_plan(
                "ratio = \"100%\"\nteam_size = 2\nofficer_filter = { department = \"市场监管\" }\n",
            ),
            ..case(
                "pool-equals-team",
                "§8.1, §8.2: nine teams of two from a pool of two: every team is the whole pool, each round of the stream filling one team",
            )
        },
        Case {
            seed: "另一个种子",
            ..case(
                "other-seed",
                "§5.2: the worked example with another seed: every key and ticket changes",
            )
        },
        Case {
            plan: simple_plan(
                "strata = [\"risk\", \"region\"]\nratio = { A = \"0%\", B = { \"440300\" = \"100%\", \"*\" = \"50%\" }, \"*\" = \"50%\" }\n",
            ),
            ..case(
                "nested-ratio-table",
                "§4.1, §6.2 trees: strata risk × region with a nested ratio table: class A 0% (a leaf for every region), class B 100% in 440300 and 50% elsewhere (a \"*\" default at the second level), other classes 50%",
            )
        },
        Case {
            plan: simple_plan("strata = [\"region\"]\ncount = 5\nallocation = \"proportional\"\n"),
            ..case(
                "proportional-total",
                "§6.2 proportional: a total of 5 spread over regions in proportion to their size, largest remainders first, the tie among the three remainders of 5 going to the earlier stratum (110108)",
            )
        },
        Case {
            plan: simple_plan("strata = [\"risk\"]\ncount = 7\nallocation = \"equal\"\n"),
            ..case(
                "equal-total",
                "§6.2 equal: a total of 7 spread equally over the risk classes, capped by their sizes (A and C have 2), the surplus passed on to B",
            )
        },
        Case {
            plan: simple_plan("strata = [\"risk\"]\ncount = { A = 1, B = 2, \"*\" = 1 }\n"),
            ..case("per-stratum-counts", "§4.1, §6.2 per_stratum: a fixed count per stratum from a table with a default")
        },
        Case {
            plan: simple_plan(
                "filter = { region = { not = \"440300\", min = 110000, max = \"340000\" }, risk = { in = [\"B\", \"C\"] } }\nratio = \"100%\"\n",
            ),
            ..case(
                "filter-conditions",
                "§4.1, §4.2: a filter with not, a numeric range and a set: regions other than 440300 between 110000 and 340000, risk B or C",
            )
        },
        Case {
            plan: PLAN.replace("date = \"2027-01-15\"", "date = \"2027-01-15\"\none_visit = \"exclusive\""),
            ..case(
                "exclusive",
                "§7.3 rule 1: one_visit = exclusive: an entity drawn by T1 is skipped by T2 (drawn_by:T1), which takes the next ticket",
            )
        },
        Case {
            plan: PLAN.replace("date = \"2027-01-15\"", "date = \"2027-01-15\"\none_visit = \"separate\""),
            ..case("separate", "§7.3, §9.1: one_visit = separate: each task visits on its own, and no merged visits are listed")
        },
        Case {
            plan: PLAN
                .replace("date = \"2027-01-15\"", "date = \"2027-01-15\"\nmax_inspections_per_year = 1\none_visit = \"separate\"")
                .replace("strata = [\"risk\"]", "strata = [\"risk\"]\nexclude_inspected = { within = 365, scope = \"same_item\" }"),
            history: Some(HISTORY.into()),
            ..case(
                "history-window-and-cap",
                "§6.1 rules 1 and 2, §7.3 rule 2: a history file: T1 excludes entities inspected for its item in the last 365 days (scope same_item, matched by item); a cap of one inspection a year excludes the entity inspected in 2027, and (separate visits) T2 skips the entities T1 drew (annual_cap)",
            )
        },
        recusal_case(),
        Case {
            plan: simple_plan("ratio = \"100%\"\nteam_size = 2\n"),
            conflicts: Some("执法证号,统一社会信用代码,回避事由\n42010001,12100000400000624D,近亲属任职\n42010002,12100000400000624D,曾任法律顾问\n42010003,12100000400000624D,曾任法律顾问\n".into()),
            ..case(
                "recusal-by-certificate",
                "§8.2 rule 2: a conflicts file keyed by 执法证号 (certificate numbers): the rows name E01, E02 and E03, who hold certificates 42010001–42010003, so 清华大学's team can only be E05 and E08",
            )
        },
        Case {
            plan: simple_plan("ratio = \"100%\"\nteam_size = 2\nofficer_region = \"different\"\n"),
            officers: OFFICERS_WITH_REGIONS.into(),
            ..case("officer-region-different", "§8.2 rule 3: officer_region = \"different\" (异地): every officer comes from a region other than the entity's")
        },
        Case {
            plan: simple_plan("ratio = \"100%\"\nteam_size = 2\nofficer_region = \"same\"\n"),
            officers: OFFICERS_WITH_REGIONS.into(),
            targets: TARGETS.lines().filter(|l| !l.contains(",330100") && !l.contains(",350900") && !l.contains(",110108")).fold(String::new(), |mut acc, l| {
                acc.push_str(l);
                acc.push('\n');
                acc
            }),
            ..case("officer-region-same", "§8.2 rule 3: officer_region = \"same\": officers from the entity's own region only")
        },
        Case {
            plan: simple_plan("ratio = \"100%\"\nteam_size = 2\nmax_teams_per_officer = 4\n"),
            ..case("workload-cap", "§8.2 rule 4: the task's max_teams_per_officer = 4: nine teams of two from five officers, at most four teams each")
        },
        Case {
            plan: simple_plan("ratio = \"100%\"\nteam_size = 2\nrotation = 365\n"),
            history: Some(HISTORY.into()),
            ..case("rotation", "§8.2 rule 5: rotation = 365: no officer who inspected the entity in the last 365 days (the history's 检查人员, separated by ; and 、)")
        },
        Case {
            plan: simple_plan(
                "ratio = \"50%\"\ndepartments = [{ department = \"市场监管\", members = 1 }, { department = \"食品安全\", members = 1 }]\n",
            ),
            ..case(
                "joint-inspection",
                "§8.3: 跨部门联合抽查: every team has one officer of 市场监管 and one of 食品安全, each drawn from its department's part by the joint ticket",
            )
        },
        Case {
            plan: simple_plan(
                "ratio = \"50%\"\ndepartments = [{ department = \"市场监管\", members = 1 }, { department = \"食品安全\", members = 1 }]\n",
            ),
            officers: OFFICERS.replace(
                "E06,杨磊,知识产权,在岗,42010006,2022-01-01至2026-12-31",
                "E06,杨磊,知识产权,在岗,42010006,2022-01-01至长期",
            ),
            ..case(
                "joint-inspection-other-department",
                "§8.3, §9.1: 跨部门联合抽查 with an eligible officer of a department the task does not list (E06, 知识产权): the task's eligible count is the listed departments' officers only, and E06 is never drawn",
            )
        },
        Case {
            plan: simple_plan("items = [\"食品经营许可情况\"]\nratio = \"50%\"\nrequire_categories = true\n"),
            officers: OFFICERS
                .replacen("validity\n", "validity,categories\n", 1)
                .lines()
                .skip(1)
                .enumerate()
                .fold(String::from("id,name,department,status,certificate,validity,categories\n"), |mut acc, (i, l)| {
                    let categories = if i % 2 == 0 { "食品经营许可情况、企业年度报告公示信息" } else { "企业年度报告公示信息" };
                    writeln!(acc, "{l},{categories}").unwrap();
                    acc
                }),
            ..case(
                "require-categories",
                "§8.1: require_categories: only officers whose 执法类别 include the task's items are in the pool",
            )
        },
        Case {
            plan: simple_plan("items = [\"食品经营许可情况\"]\nratio = \"50%\"\nrequire_categories = true\n"),
            officers: OFFICERS
                .lines()
                .skip(1)
                .enumerate()
                .fold(String::from("id,name,department,status,certificate,validity,categories\n"), |mut acc, (i, l)| {
                    // Separated by a full-width space (U+3000) and a no-break space (U+00A0).
                    let categories = if i % 2 == 0 { "企业年度报告公示信息\u{3000}食品经营许可情况" } else { "企业年度报告公示信息\u{a0}其他事项" };
                    writeln!(acc, "{l},{categories}").unwrap();
                    acc
                }),
            ..case(
                "require-categories-unicode-spaces",
                "§8.1: require_categories with categories separated by a full-width space (U+3000) or a no-break space (U+00A0): any White_Space character splits a list",
            )
        },
        ledger_case(),
        Case {
            seed: "",
            attested: Some(attested_sources()),
            earlier: vec![first_batch.clone()],
            history: Some(HISTORY.into()),
            conflicts: Some("人员编号,统一社会信用代码,回避事由\nE02,91110108551385082Q,近亲属任职\n".into()),
            ..case(
                "attested-seed",
                "§5.3, §6.1: an attested seed for a second batch with history and conflicts files: the announcement freezes all the inputs, four dice digits rolled at the announcement and one party's contribution, and names drand quicknet round 657413 (a real signed round); the seed is derived from its digest and the round; the party reveals its secret",
            )
        },
        Case {
            seed: "",
            attested: Some({
                let mut a = attested_sources();
                a["replaced"] = json!([
                    { "announced_at": "2023-09-15T18:20:00+08:00", "dice": "662", "reason": "公开抽取会议因故未能举行" },
                    { "announced_at": "2023-09-15T18:35:30+08:00", "dice": "5", "reason": "公证员未到场" },
                ]);
                a["parties"] = json!([
                    { "name": "社会监督员", "secret": "an observer's secret" },
                    { "name": "公证处", "secret": "a notary's secret" },
                ]);
                a
            }),
            ..case(
                "attested-third-attempt",
                "§5.3.3, §5.3.4: an attested seed from the third attempt: two earlier announcements were not drawn, each replaced by the next with its reason; the record keeps them; two parties contributed",
            )
        },
        Case {
            plan: simple_plan("ratio = \"50%\"\ninspection_date = \"2028-06-01\"\n"),
            ..case(
                "inspection-date",
                "§8.1, §9.1: inspection_date = 2028-06-01: certificates expiring before then (E01, E02, E05) keep those officers out of the task's pool; the record's ineligible list is of plan.date and does not name them",
            )
        },
        Case {
            seed: "2027-07-01 第二批",
            earlier: vec![first_batch],
            ..case(
                "second-batch",
                "§5.2, §6.1 batches: a second batch of the worked example with a fresh seed: the targets the first batch drew for a task are excluded from that task's frame (earlier_batch), and the earlier record's digest enters the draw key",
            )
        },
        Case {
            seed: "2027-07-01 第二批",
            plan: exclusive.clone(),
            earlier: vec![first_batch_of(exclusive)],
            ..case(
                "second-batch-exclusive",
                "§6.1, §7.3 rule 1: a second batch under one_visit = \"exclusive\": a target an earlier batch drew for T1 is excluded from T1's frame (earlier_batch) and skipped by T2 with reason drawn_by:T1, as if the batches were one draw",
            )
        },
        Case {
            seed: "2027-07-01 第二批",
            plan: capped.clone(),
            earlier: vec![first_batch_of(capped)],
            ..case(
                "second-batch-annual-cap",
                "§6.1 rule 2, §7.3 rule 2: a second batch with max_inspections_per_year = 1 (one_visit = \"separate\"): every target an earlier batch drew in the same year has used its one inspection, so it is excluded from every task's frame (earlier_batch for the task that drew it, annual_cap for the others)",
            )
        },
        Case {
            targets: "id,name,risk,status,region\n\
                      9144030071526726XG,腾讯科技（深圳）有限公司,A,存续（在营、开业、在册）,440300\n\
                      91440300708461136T,深圳市腾讯计算机系统有限公司,B,吊销，未注销,440300\n\
                      91330100799655058B,阿里巴巴（中国）有限公司,B,存续（非注销）,330100\n\
                      91110000802100433B,北京百度网讯科技有限公司,B,迁出 （迁往外省）,110000\n\
                      91110108551385082Q,小米科技有限责任公司,A,未注销,110108\n\
                      91440300192317458F,比亚迪股份有限公司,B,注销,440300\n\
                      91350900587527783P,宁德时代新能源科技股份有限公司,C,已注销,350900\n\
                      91110000710925462X,中国石油天然气股份有限公司,B,吊销,110000\n"
                .into(),
            plan: simple_plan("count = 8\n"),
            ..case(
                "status-whole-values",
                "§6.1: exclude_status keywords (the default 注销 吊销 撤销 迁出) match a whole status or its head, the text before the first bracket or separator: 吊销，未注销 is 吊销 and 迁出 （迁往外省） is 迁出, but 存续（非注销）, 未注销 and 已注销 are not excluded",
            )
        },
        Case {
            plan: SQL_EXAMPLE_PLAN.into(),
            targets: SQL_EXAMPLE_TARGETS.into(),
            history: Some(SQL_EXAMPLE_HISTORY.into()),
            seed: SQL_EXAMPLE_SEED,
            ..case(
                SQL_EXAMPLE,
                "§7.4 (its example), §3.3, §6.1, §7.3: T2 filters on a date column in several forms of §3.3 (2001-02-30 is no day) and a number column with a fraction, excludes 吊销，未注销 by its head and keeps 存续（在营）, lists 百度 as inspected_recently (so the query reads exclusions.csv), and skips a target T1 drew (exclusive) at rank 2 of stratum B, taking ranks 1 and 3",
            )
        },
        Case {
            targets: {
                let mut lines = TARGETS.lines();
                let mut t = format!("{},企业电子邮箱,经营范围\n", lines.next().unwrap());
                for (i, line) in lines.enumerate() {
                    writeln!(t, "{line},info{i}@example.com.cn,软件开发").unwrap();
                }
                t
            },
            plan: PLAN.replacen(
                "date = \"2027-01-15\"\n",
                "date = \"2027-01-15\"\n\n[columns.public]\ntargets = [\"企业电子邮箱\"]\n",
                1,
            ),
            ..case(
                "public-column",
                "§3.2 rule 5, §3.3: the plan declares 企业电子邮箱 (an enterprise's e-mail, published in its annual report) public: it is kept although no rule reads it, and its e-mail-shaped values are not refused; 经营范围, which the plan neither reads nor declares, is dropped",
            )
        },
        Case {
            targets: TARGETS_CHINESE.into(),
            ..case(
                "chinese-headers",
                "§3.2 rule 5: the worked example's directory with Chinese headers, risk classes written A类, columns the plan does not read (行政区划, 经营范围) and a personal-data column (法定代表人手机): all three are dropped as read and listed, so the canonical digest is the worked example's",
            )
        },
        Case {
            targets: format!("{TARGETS}91350100M0001TGQXM,福建省试点期间赋码的市场主体,B,存续,350100\n"),
            id_check: Some(("strict", vec!["91350100M0001TGQXM"])),
            ..case(
                "pilot-code-allowlisted",
                "§3.3 id check, §9.1: a genuine early pilot code that fails the check character, allowed by the allowlist and listed in the record",
            )
        },
        Case {
            targets: format!("{TARGETS}91110108MA01712M9L,代码有误的企业,B,存续,110108\n"),
            id_check: Some(("warn", vec![])),
            ..case(
                "warn-mode",
                "§3.3 id check, §9.1: an id failing its check, accepted in warn mode and listed in the record",
            )
        },
        Case {
            plan: PLAN.replace("date = \"2027-01-15\"", "date = \"2027-01-15\"\nexclude_status = []"),
            ..case(
                "no-exclusions",
                "§4.1, §6.1: exclude_status = []: the 注销 entity is in T2's frame",
            )
        },
        Case {
            plan: PLAN.replacen("[[tasks]]", "[columns.targets]\n\"企业代码\" = \"id\"\n\"负责人电话\" = \"\"\n\n[[tasks]]", 1),
            targets: mapped_targets(),
            ..case(
                "column-mapping",
                "§3.2 rule 1: [columns.targets] maps an unusual header to id and drops another column (\"\") unread",
            )
        },
        Case {
            officers: "id,name,department,status,执法证号,证件有效期,执法证号2,有效期起2,有效期止2\n\
                       E01,张伟,市场监管,在岗,42010001,2021-01-01至2026-12-31,42019001,2026-06-01,长期\n\
                       E02,王芳,市场监管,在职,42010002,2022-07-01至2027-06-30,,,\n\
                       E03,李娜,食品安全,正常,42010003,2024-01-01至2028-12-31,,,\n\
                       E05,陈静,食品安全,在岗,42010005,2023-05-01至2028-04-30,,,\n\
                       E08,周杰,食品安全,在岗,,,42018008,2025-01-01,2029-12-31\n"
                .into(),
            ..case(
                "numbered-certificates",
                "§3.2 rule 2, §8.1: a second certificate (执法证号2, 有效期起2, 有效期止2) keeps E01 eligible after the first expired; 在职 and 正常 count as on duty",
            )
        },
        Case {
            plan: PLAN.replace("date = \"2027-01-15\"\n", ""),
            officers: "id,name,department\nE01,张伟,市场监管\nE02,王芳,市场监管\nE03,李娜,食品安全\nE04,刘强,食品安全\nE05,陈静,食品安全\n".into(),
            ..case(
                "no-certificate-columns",
                "§8.1, §9.1: a roster without status and certificate columns: nobody is ineligible, certificates_checked_on is \"\", and a warning says certificates were not checked",
            )
        },
    ]
    .into_iter()
    .chain(rule_draw_cases())
    .collect()
}

/// A conflicts file whose two rows both bind: each names an officer of T1's pool (E01, E02:
/// 市场监管, so T2's 食品安全 teams are untouched) and an entity T1 draws. The rows change the
/// draw key (the conflicts file is an input), so they are found by search over fixed inputs,
/// and the comment's names are checked against what the search found.
fn recusal_case() -> Case {
    let ids: Vec<&str> = TARGETS
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    for a in &ids {
        for b in &ids {
            if a == b {
                continue;
            }
            let c = Case {
                conflicts: Some(format!(
                    "人员编号,统一社会信用代码,回避事由\nE01,{a},近亲属任职\nE02,{b},曾任法律顾问\n"
                )),
                ..case(
                    "recusal",
                    "§8.2 rule 2: a conflicts file: E01 never inspects 腾讯 and E02 never inspects 阿里巴巴; T1 draws both and its pool holds both officers, so the stream passes over each for that entity",
                )
            };
            let Ok(d) = run(&c) else { continue };
            let t1 = &d.record.tasks[0];
            let team = |id: &str| {
                t1.selected
                    .iter()
                    .find(|s| s.target == id)
                    .map(|s| &s.officers)
            };
            if let (Some(ta), Some(tb)) = (team(a), team(b)) {
                assert!(!ta.iter().any(|o| o == "E01") && !tb.iter().any(|o| o == "E02"));
                // The comment names them: a change of the inputs must update it.
                assert_eq!(
                    (*a, *b),
                    ("9144030071526726XG", "91330100799655058B"),
                    "update the recusal case's comment"
                );
                return c;
            }
        }
    }
    panic!("no conflicts rows name two entities T1 draws");
}
