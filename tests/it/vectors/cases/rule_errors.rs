//! One error vector per rule of SPEC.md §3–§9 that `super::errors` does not already show.

use serde_json::json;

use super::*;

/// One error vector per rule of SPEC.md §3–§9 that the cases above do not already show.
pub fn rule_error_cases() -> Vec<Case> {
    let first_batch = first_batch_of(PLAN.into());
    let other_plan = first_batch_of(small_plan(""));
    vec![
        // §3.1
        edited(
            "header-too-wide",
            "§3.1: a header of more than 1,024 cells is rejected (this one has 1,025)",
            &|c| {
                let extra: Vec<String> = (6..=1025).map(|i| format!("c{i}")).collect();
                c.targets = c.targets.replacen(
                    "id,name,risk,status,region\n",
                    &format!("id,name,risk,status,region,{}\n", extra.join(",")),
                    1,
                );
            },
        ),
        edited(
            "quoted-line-break",
            "§3.1, §3.3: a quoted CSV field may hold a line break, but no value may contain a control character",
            &|c| {
                c.targets = c.targets.replace("清华大学,", "\"清华\n大学\",");
            },
        ),
        // §3.2
        edited(
            "empty-header-cell",
            "§3.2: an empty header cell is an error",
            &|c| {
                c.targets = c.targets.replacen("status,region\n", "status,\n", 1);
            },
        ),
        edited(
            "duplicate-column",
            "§3.2: two kept columns with the same name are an error (name and 名称 both name name)",
            &|c| {
                c.targets = c.targets.replacen("status,region\n", "status,名称\n", 1);
            },
        ),
        edited(
            "roster-without-id",
            "§3.2: an officer roster MUST have an id column, or a certificate column to take it from (代码 and 证书编码 are no aliases)",
            &|c| {
                c.officers = c.officers.replacen("id,", "代码,", 1).replacen(
                    ",certificate,",
                    ",证书编码,",
                    1,
                );
            },
        ),
        // §3.3
        edited(
            "cell-too-long",
            "§3.3: a cell longer than 4,096 bytes is an error (this name has 4,097)",
            &|c| {
                c.targets = c.targets.replace("清华大学", &"A".repeat(4097));
            },
        ),
        edited(
            "bad-date-value",
            "§3.3 date: a date uses one separator throughout: 2026/03-02 in 上次检查日期 (last_inspected, read by the filter) is an error",
            &|c| {
                c.targets = add_column(&c.targets, "上次检查日期", &["2026/03-02"]);
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { status = \"存续\", last_inspected = { after = \"2020-01-01\" } }",
                );
            },
        ),
        edited(
            "validity-ends-before-it-starts",
            "§3.3 validity: the end of a period may not be before its start",
            &|c| {
                c.officers = c
                    .officers
                    .replace("2024-01-01至2028-12-31", "2028-12-31至2024-01-01");
            },
        ),
        edited(
            "invalid-organisation-code",
            "§3.3 id check: characters 9–17 of a unified social credit code are an organisation code (GB 11714) with its own check character: 91110000802100434E passes the USCC check but its organisation code 802100434 does not",
            &|c| {
                c.targets
                    .push_str("91110000802100434E,组织机构代码有误的企业,B,存续,110000\n");
            },
        ),
        edited(
            "personal-data-id-number",
            "§3.3 personal data by shape: a resident identity number (GB 11643) in a column the plan reads (联系人证件, read by the filter) is an error of kind personal_data",
            &|c| {
                c.targets = add_column(&c.targets, "联系人证件", &["11010519491231002X"]);
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { status = \"存续\", \"联系人证件\" = { not = \"无\" } }",
                );
            },
        ),
        edited(
            "personal-data-email",
            "§3.3 personal data by shape: an e-mail address in a column the plan reads (联络, read by the filter) is an error of kind personal_data",
            &|c| {
                c.targets = add_column(&c.targets, "联络", &["zhang.san@example.com"]);
                c.plan = c.plan.replace(
                    "filter = { status = \"存续\" }",
                    "filter = { status = \"存续\", \"联络\" = { not = \"无\" } }",
                );
            },
        ),
        // §4.1, §4.3
        edited(
            "no-ratio-or-count",
            "§4.1: a task has exactly one of ratio and count; T2 has neither",
            &|c| {
                c.plan = c.plan.replace("count = 3\n", "");
            },
        ),
        edited(
            "count-zero",
            "§4.1: a count is an integer from 1 to 10⁹",
            &|c| {
                c.plan = c.plan.replace("count = 3", "count = 0");
            },
        ),
        edited(
            "count-table-with-proportional",
            "§4.1: a table of counts per stratum takes no allocation but \"per_stratum\"",
            &|c| {
                c.plan = c.plan.replace(
                    "ratio = { A = \"10%\", B = \"50%\", \"*\" = \"100%\" }",
                    "count = { A = 1, \"*\" = 2 }\nallocation = \"proportional\"",
                );
            },
        ),
        edited("team-of-21", "§4.1: team_size is from 2 to 20", &|c| {
            c.plan = c.plan.replace("team_size = 3", "team_size = 21");
        }),
        edited(
            "empty-filter-list",
            "§4.1: a filter's array of strings must not be empty",
            &|c| {
                c.plan = c
                    .plan
                    .replace("filter = { status = \"存续\" }", "filter = { status = [] }");
            },
        ),
        edited(
            "strata-column-twice",
            "§4.1: strata columns are distinct after normalisation (risk and Risk are one column)",
            &|c| {
                c.plan = c
                    .plan
                    .replace("strata = [\"risk\"]", "strata = [\"risk\", \"Risk\"]");
            },
        ),
        edited(
            "joint-department-twice",
            "§4.1, §8.3: a joint task's departments are distinct after text() (市场监管 and \" 市场监管\")",
            &|c| {
                c.plan = c.plan.replace(
                    "count = 3\nteam_size = 3",
                    "count = 3\ndepartments = [{ department = \"市场监管\", members = 1 }, { department = \" 市场监管\", members = 1 }]",
                );
            },
        ),
        edited(
            "max-replacements-over-100",
            "§4.1: plan.max_replacements is an integer from 0 to 100",
            &|c| {
                c.plan = with_plan_keys(&c.plan, "max_replacements = 101\n");
            },
        ),
        edited(
            "annual-cap-without-date",
            "§4.1: the annual cap needs plan.date (here the roster has no certificates, which would need it too)",
            &|c| {
                c.plan = c
                    .plan
                    .replace("date = \"2027-01-15\"\n", "max_inspections_per_year = 1\n");
                c.officers = "id,name,department\nE01,张伟,市场监管\nE02,王芳,市场监管\nE03,李娜,食品安全\nE04,刘强,食品安全\nE05,陈静,食品安全\n".into();
            },
        ),
        edited(
            "control-character-in-plan",
            "§4.1, §4.3: no string of the plan may contain a control character (a tab, written \\t in TOML)",
            &|c| {
                c.plan = c.plan.replace(
                    "name = \"企业公示信息抽查\"",
                    "name = \"企业公示\\t信息抽查\"",
                );
            },
        ),
        edited(
            "keys-equal-after-normalisation",
            "§4.3: two keys of one table equal after text() are an error (\"A\" and \" A\" in a ratio table)",
            &|c| {
                c.plan = c.plan.replace(
                    "ratio = { A = \"10%\",",
                    "ratio = { A = \"10%\", \" A\" = \"20%\",",
                );
            },
        ),
        edited(
            "toml-date-in-plan",
            "§4.3: a TOML date is not a valid plan value (dates are strings)",
            &|c| {
                c.plan = c.plan.replace("date = \"2027-01-15\"", "date = 2027-01-15");
            },
        ),
        // §5.1
        Case {
            seed: "2027-01-15\t示例",
            ..case(
                "seed-control-character",
                "§5.1: a seed may not contain a control character",
            )
        },
        // §6.1 batches
        Case {
            earlier: vec![other_plan],
            ..case(
                "earlier-batch-of-another-plan",
                "§6.1: an earlier batch MUST be a record of the same plan.id (this one is plan P's)",
            )
        },
        Case {
            earlier: vec![{
                let mut r = first_batch;
                r["tasks"][0]["selected"][0]["name"] = json!("另一家公司");
                r
            }],
            ..case(
                "earlier-batch-not-intact",
                "§6.1, §9.3: an earlier batch's record MUST be intact: a name changed after sealing breaks its digest",
            )
        },
    ]
}
