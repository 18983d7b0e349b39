//! One draw vector per rule of SPEC.md §3–§9 that the cases of `super::draws` do not already
//! show, and the ledger's draws.

use serde_json::json;
use shuangsui::internal::Ticketer;

use super::*;

/// One vector per rule of SPEC.md §3–§9 that the cases above do not already show;
/// small synthetic inputs, mostly the worked example's tables.
pub fn rule_draw_cases() -> Vec<Case> {
    let capped = with_plan_keys(
        &PLAN.replacen(
            "ratio = { A = \"10%\", B = \"50%\", \"*\" = \"100%\" }",
            "ratio = \"10%\"",
            1,
        ),
        "one_visit = \"separate\"\nmax_inspections_per_year = 1\n",
    );
    let earlier_year = serde_json::to_value(
        run(&Case {
            plan: capped.replace("date = \"2027-01-15\"", "date = \"2026-07-01\""),
            ..case("first-batch-2026", "")
        })
        .expect("the 2026 batch draws")
        .record,
    )
    .unwrap();
    vec![
        // §3.1 input formats.
        Case {
            plan: small_plan(""),
            targets: TARGETS.replace(
                "12100000400000624D,清华大学,",
                "12100000400000624D,\"清华大学,\"\"紫荆\"\"校区\",",
            ),
            ..case(
                "csv-quoted-field",
                "§3.1 CSV, §9.2: a field in double quotes holds the delimiter and \"\" for one \"; the name is read as 清华大学,\"紫荆\"校区, and the record writes it with each \" escaped as \\\"",
            )
        },
        Case {
            plan: floor_plan(),
            targets: TARGETS.replace('\n', "\r"),
            ..case(
                "cr-line-ends",
                "§3.1, §3.4: records ending in CR alone read as with LF: the record is whole-directory-floor's but for inputs.targets.sha256",
            )
        },
        Case {
            plan: floor_plan(),
            targets: TARGETS
                .replacen("\n9144030071526726XG", "\n,,,,\n9144030071526726XG", 1)
                .replace("12100000400000624D,清华大学,C,存续,110000\n", "12100000400000624D,清华大学,C,存续,110000\n,,,,\n"),
            ..case(
                "blank-rows-skipped",
                "§3.1: rows whose cells are all empty are skipped: the record is whole-directory-floor's but for inputs.targets.sha256 (rows counts the ten rows)",
            )
        },
        // §3.2 column names.
        Case {
            targets: TARGETS.replacen(
                "id,name,risk,status,region",
                "统一社会信用代码（注册号）, 企业\u{3000}名称 ,RISK,登记_状态,Region",
                1,
            ),
            officers: OFFICERS.replacen(
                "id,name,department,status,certificate,validity",
                "ID,Name,部 门,在岗-状态,执法证号,证件有效期",
                1,
            ),
            ..case(
                "header-keys",
                "§3.2 key(): headers match a standard field's alias ignoring width (full-width brackets), ASCII case, White_Space (U+3000 too), _ and -: the record is the worked example's but for the two raw sha256 digests and the dropped header's text (Region)",
            )
        },
        Case {
            plan: small_plan(""),
            officers: OFFICERS.replacen(
                "id,name,department,status,certificate,validity",
                "id,name,department,status,执法证号（2）,证件有效期(2)",
                1,
            ),
            ..case(
                "numbered-field-in-brackets",
                "§3.2 rule 2, §8.1: a numbered field's number may be in brackets: 执法证号（2） and 证件有效期(2) are certificate_2 and validity_2, the officers' only certificate group",
            )
        },
        Case {
            plan: small_plan(""),
            officers: OFFICERS.replacen(
                "id,name,department,status,certificate,validity",
                "id,name,department,status,执法证件号2,证件有效期2",
                1,
            ),
            ..case(
                "numbered-alias-is-not-personal-data",
                "§3.2 rule 3: 执法证件号2 contains the personal-data word 证件号, but rule 2 matches it by its key (the alias 执法证件号 of certificate, numbered 2), so rule 3 does not apply: it is certificate_2, not dropped, and the certificates are checked",
            )
        },
        Case {
            plan: "[plan]\nid = \"P\"\nname = \"计划\"\ndate = \"2027-01-15\"\n\n\
                   [columns.officers]\n\"人员代码\" = \"编号\"\n\"所在网格\" = \" Grid \"\n\n\
                   [[tasks]]\nid = \"T\"\nname = \"任务\"\nfilter = { risk = \"C\" }\nratio = \"100%\"\n\
                   officer_filter = { grid = \"东区\" }\n"
                .into(),
            officers: add_column(
                &OFFICERS.replacen("id,", "人员代码,", 1),
                "所在网格",
                &["东区", "西区", "东区", "东区", "西区", "东区", "东区", "东区"],
            ),
            ..case(
                "officer-column-mapping",
                "§3.2 rule 1: [columns.officers] maps 人员代码 to 编号, an alias of the standard field id, and 所在网格 to \" Grid \", which is no alias and gives the column grid (lower(text(v))), read by officer_filter: the pool is E01, E03 and E08",
            )
        },
        Case {
            officers: OFFICERS
                .lines()
                .map(|l| {
                    let mut cells: Vec<&str> = l.split(',').collect();
                    cells.remove(0);
                    cells.join(",") + "\n"
                })
                .collect::<String>()
                .replacen("certificate", "执法证号", 1),
            ..case(
                "roster-keyed-by-certificate",
                "§3.2: a roster with no id column, keyed by its 执法证号 as county rosters are: the certificate column is the officers' id as well (teams name 42010001 …), and still their certificate, checked on the draw date (§8.1)",
            )
        },
        Case {
            officers: OFFICERS
                .lines()
                .map(|l| {
                    let mut cells: Vec<&str> = l.split(',').collect();
                    cells.remove(1);
                    cells.join(",") + "\n"
                })
                .collect(),
            ..case(
                "roster-without-names",
                "§3.2, §3.4: a roster without a name column (published with the names hidden): the officers' canonical digest is the worked example's, since names are outside it, and the names digest is \"\"",
            )
        },
        Case {
            plan: "[plan]\nid = \"P\"\nname = \"计划\"\ndate = \"2027-01-15\"\n\n\
                   [columns.public]\nofficers = [\"expert\"]\nhistory = [\"authority\"]\nconflicts = [\"reason\"]\n\n\
                   [[tasks]]\nid = \"T\"\nname = \"任务\"\nfilter = { risk = \"C\" }\nratio = \"100%\"\nrotation = 365\n"
                .into(),
            officers: add_column(
                OFFICERS,
                "专家",
                &["是", "否", "否", "是", "否", "否", "否", "是"],
            ),
            history: Some(HISTORY.into()),
            conflicts: Some(
                "人员编号,统一社会信用代码,回避事由\nE02,12100000400000624D,近亲属任职\n".into(),
            ),
            ..case(
                "public-columns-other-tables",
                "§3.2 rule 5, §4.1 [columns.public]: officers' 专家 (expert), the history's 检查机关 (authority) and the conflicts' 回避事由 (reason) are declared public and kept although no rule reads them; the history's 检查事项 is not read (no same_item scope) and is dropped",
            )
        },
        Case {
            plan: simple_plan("count = 3\n").replacen(
                "date = \"2027-01-15\"\n",
                "date = \"2027-01-15\"\nexclude_status = []\n",
                1,
            ),
            ..case(
                "status-not-read",
                "§3.2 rule 5, §6.1: with exclude_status = [] and no filter on it, the plan does not read status: the column is dropped and listed, and the 注销 entity is in the frame of ten",
            )
        },
        // §3.3 values.
        Case {
            plan: simple_plan("strata = [\"risk\"]\ncount = 1\nallocation = \"per_stratum\"\n"),
            targets: "id,name,risk,status,region\n\
                      9144030071526726XG,腾讯科技（深圳）有限公司,低风险,存续,440300\n\
                      91440300708461136T,深圳市腾讯计算机系统有限公司,一般风险,存续,440300\n\
                      91330100799655058B,阿里巴巴（中国）有限公司,B级,存续,330100\n\
                      91110000802100433B,北京百度网讯科技有限公司,b类,存续,110000\n\
                      91110108551385082Q,小米科技有限责任公司,A级,存续,110108\n\
                      91440300192317458F,比亚迪股份有限公司,较高风险,存续,440300\n\
                      91350900587527783P,宁德时代新能源科技股份有限公司,高风险,存续,350900\n\
                      91110000710925462X,中国石油天然气股份有限公司,,存续,110000\n\
                      91100000100003962T,中国工商银行股份有限公司,A,注销,100000\n\
                      12100000400000624D,清华大学,Ｄ,存续,110000\n"
                .into(),
            ..case(
                "risk-spellings",
                "§3.3 risk, §6.2 per_stratum: 低风险, A级 → A; 一般风险, B级, b类 → B; 较高风险 → C; 高风险, Ｄ → D; an empty class stays empty and is a stratum of its own; count = 1 with allocation = \"per_stratum\" takes one from each of the five strata",
            )
        },
        Case {
            plan: PLAN
                .replace("filter = { status = \"存续\" }", "filter = { \"登记状态\" = \"存续\" }")
                .replace("strata = [\"risk\"]", "strata = [\"信用风险分类\"]")
                .replace("officer_filter = { department = \"食品安全\" }", "officer_filter = { \"科室（必填）\" = \"食品安全\" }"),
            targets: export_layout(TARGETS),
            ..case(
                "export-layout",
                "§3.1 header row, §3.2 annotations, §3.3 risk, §4.1 column names, §4.3: the worked example's directory as a bureau exports it — a title row and an export note above the header, a blank line, headers 统一社会信用代码（必填）, 企业名称*, 登记状态【必填】, risk classes written A类（信用风险低） — and its plan naming the columns by the file's headers (登记状态, 信用风险分类) and the roster's 科室（必填）: the directory's digest, the plan's digest and the record are the worked example's",
            )
        },
        Case {
            plan: simple_plan("strata = [\"risk\"]\nratio = { A = \"５０％\", \"*\" = \"100％\" }\n"),
            ..case(
                "full-width-ratio",
                "§4.1 ratio: a ratio typed with a Chinese input method, ５０％, is read after ident as 50%; the plan's digest hashes the text as written",
            )
        },
        Case {
            plan: simple_plan(
                "filter = { last_inspected = { after = \"2025年12月31日\", before = \"2026/7/1\" } }\ncount = 3\n",
            ),
            targets: add_column(
                TARGETS,
                "上次检查日期",
                &[
                    "2026-3-2", "2026/03/02", "2026.3.2", "2026年3月2日", "20260615",
                    "2025-12-31", "2026-07-01", "", "2026-01-01", "2026-01-01",
                ],
            ),
            ..case(
                "date-forms-and-date-conditions",
                "§3.3 date, §4.1, §4.2 after/before: 上次检查日期 (last_inspected) written in every form of §3.3 is read as YYYY-MM-DD; the filter's days, written 2025年12月31日 and 2026/7/1, are normalised too; after and before are strict (2025-12-31 and 2026-07-01 fail) and an empty value fails both",
            )
        },
        Case {
            plan: small_plan(""),
            officers: "id,name,department,status,certificate,validity\n\
                       E01,张伟,市场监管,在岗,42010001,2023-03-01至2028-02-28\n\
                       E02,王芳,市场监管,,42010002,2022-07-01至2027-06-30\n\
                       E03,李娜,食品安全,正常,42010003,\n\
                       E04,刘强,食品安全,停职审查,42010004,2021-09-01至2026-08-31\n\
                       E05,陈静,食品安全,病假（住院）,42010005,2023-05-01至2028-04-30\n\
                       E06,杨磊,知识产权, 在职 ,42010006,2022-01-01至2026-12-31\n\
                       E07,赵敏,食品安全,在岗,,2024-01-01至2029-12-31\n\
                       E08,周杰,食品安全,在岗,42010008,2025-01-01至长期\n"
                .into(),
            ..case(
                "officer-eligibility",
                "§3.3 duty, §8.1: statuses become 在岗 or 不在岗 (an empty status, 停职审查 and 病假（住院） are 不在岗, and only the code is recorded); the status rule comes first (E04, also expired, is only 不在岗); a certificate without a period (E03) or a period without a certificate (E07) is not valid, and E06's certificate has expired: the pool is E01 and E08",
            )
        },
        Case {
            officers: "id,name,department,status,certificate,validity\n\
                       E01,张伟,市场监管,在岗,42010001,2023-03-01~2028-02-28\n\
                       E02,王芳,市场监管,在岗,42010002,2022-07-01～2027-06-30\n\
                       E03,李娜,食品安全,在岗,42010003,2024-01-01--2028-12-31\n\
                       E04,刘强,食品安全,在岗,42010004,2021-09-01—2026-08-31\n\
                       E05,陈静,食品安全,在岗,42010005,2023/05/01/2028/04/30\n\
                       E06,杨磊,知识产权,在岗,42010006,2022-01-01/2026-12-31\n\
                       E07,赵敏,食品安全,休假,42010007,2024年1月1日 至 2029年12月31日\n\
                       E08,周杰,食品安全,在岗,42010008,20250101至长期\n"
                .into(),
            ..case(
                "validity-separators",
                "§3.3 validity: periods split at ~, ～, --, —, a lone / or the third of five, and 至 with spaces around it, each part a date of §3.3: every value reads as the worked example's, so the record is the worked example's but for inputs.officers.sha256",
            )
        },
        Case {
            plan: small_plan(
                "items = [\"企业年度报告公示信息\"]\nexclude_inspected = { within = 365, scope = \"same_item\" }\nrotation = 365\n",
            ),
            history: Some(
                "统一社会信用代码,检查日期,抽查任务编号,检查事项,检查人员\n\
                 12100000400000624D,2026-06-01,,,\n\
                 91350900587527783P,2026-06-01,T9,其他事项,\n\
                 91350100M0001TGQXM,2026-06-01,T,企业年度报告公示信息,E01;E02;E03;E05;E08\n"
                    .into(),
            ),
            conflicts: Some(
                "人员编号,统一社会信用代码,回避事由\nE01,91350100M0001TGQXM,近亲属任职\n".into(),
            ),
            ..case(
                "history-empty-cells-and-unknown-entities",
                "§3.3: a history row's empty task, item and officers cells match no task, item or officer (清华大学 stays in the frame); a history or conflicts row for an entity that is not in the directory (91350100M0001TGQXM) counts for nothing and is no error",
            )
        },
        Case {
            plan: simple_plan("filter = { region = \"110108\" }\nratio = \"100%\"\n"),
            targets: format!("{TARGETS}110108012660422,北京某某商行,B,存续,110108\n"),
            ..case(
                "registration-number",
                "§3.3 id check: a 15-digit registration number (注册号) whose digits pass ISO 7064 MOD 11,10 is a valid target id",
            )
        },
        // §4.1 plan keys.
        Case {
            plan: with_plan_keys(
                &small_plan("basis = \"《企业信息公示暂行条例》第十四条\"\n"),
                "contact = \"027-12345678（法规科）\"\n",
            )
            .replace("date = \"2027-01-15\"", "date = \"2027年1月15日\""),
            ..case(
                "plan-date-forms",
                "§4.1 plan.date in a form of §3.3 (2027年1月15日) is the draw date 2027-01-15 in the record; basis (抽查依据) and contact (联系方式) are for the notices only and enter the record through the plan digest alone",
            )
        },
        Case {
            plan: simple_plan("count = 3\n").replacen(
                "date = \"2027-01-15\"\n",
                "date = \"2027-01-15\"\nexclude_status = [\"歇业\"]\n",
                1,
            ),
            targets: TARGETS.replace("比亚迪股份有限公司,B,存续", "比亚迪股份有限公司,B,歇业"),
            ..case(
                "custom-exclude-status",
                "§4.1, §6.1: exclude_status = [\"歇业\"] replaces the default list: the 歇业 entity is excluded with the reason 歇业, and the 注销 one is in the frame",
            )
        },
        Case {
            targets: TARGETS
                .lines()
                .map(|l| {
                    let mut cells: Vec<&str> = l.split(',').collect();
                    cells.remove(3);
                    cells.join(",") + "\n"
                })
                .collect(),
            plan: simple_plan("count = 3\n"),
            ..case(
                "no-status-column",
                "§6.1: a directory without a status column excludes nobody, whatever exclude_status says: the frame has all ten rows",
            )
        },
        Case {
            plan: simple_plan(
                "filter = { risk = \"C\" }\nratio = \"100%\"\nofficer_filter = { department = { in = [\"食品安全\", \"市场监管\", \"市场监管\"], not = \"知识产权\" }, \"职级\" = { min = \"02.50\", max = 4 }, \" 入职日期 \" = { after = \"2015年3月1日\", before = \"2020/1/1\" } }\n",
            ),
            officers: {
                let o = add_column(OFFICERS, "职级", &["3", "2.5", "1", "5", "4", "3", "3", "3.0"]);
                add_column(
                    &o,
                    "入职日期",
                    &[
                        "2015-03-01", "2019/7/1", "2020年1月1日", "2016-01-01", "20180601",
                        "2017-05-05", "2017-05-05", "2016.8.8",
                    ],
                )
            },
            ..case(
                "officer-filter-conditions",
                "§4.1, §4.2: an officer_filter with every condition kind: in and not (a list, kept sorted and distinct, and a string), min and max (\"02.50\" is recorded as the canonical decimal 2.5), after and before on a text column whose values are read as dates; column names are lower(text()): the pool is E02, E05 and E08",
            )
        },
        Case {
            plan: with_plan_keys(
                "[plan]\nid = \"P\"\nname = \"计划\"\ndate = \"2027-01-15\"\n\n\
                 [[tasks]]\nid = \"T1\"\nname = \"任务一\"\nfilter = { risk = \"C\" }\nratio = \"100%\"\nofficer_filter = { department = \"市场监管\" }\n\n\
                 [[tasks]]\nid = \"T2\"\nname = \"任务二\"\nfilter = { risk = \"A\" }\nratio = \"100%\"\n",
                "max_teams_per_officer = 2\n",
            ),
            ..case(
                "plan-workload-cap",
                "§4.1, §8.2 rule 4: the plan's max_teams_per_officer = 2 counts teams across tasks in plan order: T1's two teams use both 市场监管 officers (E01, E02), so T2, whose pool has them too, refuses them and draws from E03, E05 and E08",
            )
        },
        // §6.1 exclusions.
        Case {
            plan: with_plan_keys(
                &simple_plan("ratio = \"100%\"\nexclude_inspected = { within = \"calendar_year\" }\n"),
                "max_inspections_per_year = 1\n",
            ),
            history: Some(
                "统一社会信用代码,检查日期\n\
                 91110000802100433B,2027-01-05\n\
                 91440300708461136T,2026-12-31\n\
                 91330100799655058B,2027-03-01\n"
                    .into(),
            ),
            ..case(
                "exclude-inspected-calendar-year",
                "§6.1 rule 1 with within = \"calendar_year\" (scope any_item): rows dated in 2027, the year of plan.date, exclude their entity, a later date in the year too (阿里巴巴, 2027-03-01), while 2026-12-31 does not; 百度 also meets the annual cap (rule 2), and the rules apply in order, so its reason is inspected_recently",
            )
        },
        Case {
            plan: simple_plan(
                "items = [\"企业年度报告公示信息\"]\nratio = \"100%\"\nexclude_inspected = { within = 365, scope = \"same_item\" }\n",
            ),
            history: Some(
                "统一社会信用代码,检查日期,抽查任务编号,检查事项\n\
                 91110000802100433B,2026-06-01,T,其他事项\n\
                 91440300708461136T,2026-06-01,T2,其他事项\n\
                 91330100799655058B,2026-06-01,,企业年度报告公示信息\n"
                    .into(),
            ),
            ..case(
                "exclude-inspected-same-task",
                "§6.1 rule 1 with scope = \"same_item\": a history row counts when its item is one of the task's items (阿里巴巴) or its task is the task's id (百度, task T, another item); 腾讯计算机's row, another task and item, does not",
            )
        },
        Case {
            plan: simple_plan("ratio = \"100%\"\nexclude_inspected = { within = 10 }\n"),
            history: Some(
                "统一社会信用代码,检查日期\n\
                 91110000802100433B,2027-01-05\n\
                 91440300708461136T,2027-01-04\n\
                 91330100799655058B,2027-01-20\n\
                 12100000400000624D,2027-01-15\n"
                    .into(),
            ),
            ..case(
                "exclude-inspected-window-bounds",
                "§6.1 rule 1 with within = 10 days: 0 ≤ days(plan.date) − days(date) ≤ 10 counts both ends (2027-01-05 and the draw date itself exclude 百度 and 清华大学), while 2027-01-04 (11 days) and 2027-01-20 (after the draw date) do not",
            )
        },
        Case {
            plan: with_plan_keys(PLAN, "max_inspections_per_year = 1\n"),
            history: Some(
                "统一社会信用代码,检查日期\n91110000802100433B,2027-01-05\n91440300708461136T,2026-03-02\n".into(),
            ),
            ..case(
                "merge-annual-cap",
                "§6.1 rule 2, §7.3 rule 2 under one_visit = \"merge\": 百度, inspected in 2027, has used its one inspection and is excluded from both frames (annual_cap); a 2026 row counts for nothing; targets drawn by T1 and T2 are merged visits, one inspection each, so T2 skips none of them",
            )
        },
        Case {
            seed: "2027 第二批",
            plan: capped,
            earlier: vec![earlier_year],
            ..case(
                "earlier-batch-other-year",
                "§6.1 batches: the earlier batch was drawn on 2026-07-01: its targets are still excluded from the frame of the task that drew them (earlier_batch), but its visits were in 2026 and do not count towards the 2027 annual cap (V(e) = 0), so T2 may draw T1's earlier targets",
            )
        },
        Case {
            plan: small_plan("rotation = \"calendar_year\"\n"),
            history: Some(
                "统一社会信用代码,检查日期,检查人员\n\
                 12100000400000624D,2027-01-03,E01，E02\n\
                 91350900587527783P,2026-12-30,E01\u{3000}E02\u{3000}E03\u{3000}E05\u{3000}E08\n"
                    .into(),
            ),
            ..case(
                "rotation-calendar-year",
                "§8.2 rule 5 with rotation = \"calendar_year\": E01 and E02 (separated by a full-width comma) inspected 清华大学 in 2027 and are refused for its team; every pool officer (separated by U+3000) inspected 宁德时代 in 2026, outside the window, and its team is drawn as if they had not",
            )
        },
        // §6.2 counts.
        Case {
            plan: simple_plan("strata = [\"risk\"]\nratio = \"10%\"\nmin_per_stratum = 2\n"),
            ..case(
                "min-per-stratum",
                "§6.2 step 3: min_per_stratum = 2 raises each stratum's ceil(10%) (1 for A, B and C) to 2, never above the stratum's size",
            )
        },
        Case {
            plan: simple_plan(
                "strata = [\"risk\"]\nratio = { \" A \" = \"0%\", \"*\" = \"25.00%\" }\nrounding = \"nearest\"\nmin_per_stratum = 0\n",
            ),
            ..case(
                "rounding-nearest",
                "§4.1, §6.2 rounding = \"nearest\": B has 5 × 25% = 1.25 → 1 (ceil would give 2) and C has 2 × 25% = 0.5 → 1 (half up; floor would give 0); the key \" A \" is normalised to A (0%), and \"25.00%\" is recorded as its canonical text 25%",
            )
        },
        Case {
            plan: simple_plan("count = 3\nallocation = \"equal\"\n"),
            ..case(
                "allocation-without-strata",
                "§4.1, §6.2: allocation given without strata: the frame is one stratum, the count is spread over it (mode equal, quota \"3 / 1\") and the draw is that of count = 3",
            )
        },
        ledger_joint_case(),
        ledger_refused_substitute_case(),
    ]
}

/// A joint task's ledger: a member replaced for the reason 其他 with its note, by the first
/// of the slot's substitute order in the same department; a target recorded unreachable.
fn ledger_joint_case() -> Case {
    let mut c = Case {
        plan: small_plan(
            "departments = [{ department = \"市场监管\", members = 1 }, { department = \"食品安全\", members = 1 }]\n",
        ),
        ..case(
            "ledger-joint-other",
            "§8.3, §9.4: in a joint task, the 食品安全 member of the first team leaves for the reason 其他, which the note explains, and is replaced from the 食品安全 part (the slot's substitute order ranks that part only); `at` is an instant in any RFC 3339 form: 2027-01-14T16:00:00Z is the start of plan.date in China, the earliest time allowed, and 2027-01-20 09:30:00.250+08:00 has a space and a fraction",
        )
    };
    let drawn = run(&c).expect("the joint ledger case draws").record;
    let (first, second) = (&drawn.tasks[0].selected[0], &drawn.tasks[0].selected[1]);
    c.amendments.push(json!({"kind": "replace_officer", "task": "T", "target": first.target, "officer": first.officers[1], "reason": "其他", "note": "借调至专项整治工作组", "actor": "张科长", "at": "2027-01-14T16:00:00Z"}));
    c.amendments.push(json!({"kind": "unreachable", "task": "T", "target": second.target, "actor": "李科员", "at": "2027-01-20 09:30:00.250+08:00"}));
    c
}

/// A replacement that passes over a conflicted officer: the conflicts row is chosen
/// (by search, over fixed inputs) so that the officer it names is the first of the slot's
/// substitute order.
fn ledger_refused_substitute_case() -> Case {
    for target in ["12100000400000624D", "91350900587527783P"] {
        for conflicted in SMALL_POOL {
            let mut c = Case {
                plan: small_plan(""),
                conflicts: Some(format!(
                    "人员编号,统一社会信用代码,回避事由\n{conflicted},{target},曾任法律顾问\n"
                )),
                ..case(
                    "ledger-substitute-refused",
                    "§9.4, §8.2 rule 2: E05 leaves 清华大学's team (slot 1); E01, the first of that slot's substitute order who is neither in the team nor E05, is conflicted with 清华大学 (the conflicts file), so the replacement is the next one the rules allow, E03",
                )
            };
            let record = run(&c).expect("the case draws").record;
            let task = &record.tasks[0];
            let selected = task.selected.iter().find(|s| s.target == target).unwrap();
            let key: [u8; 32] = hex::decode(&task.key).unwrap().try_into().unwrap();
            let ticketer = Ticketer::substitute(&key, 1, target);
            let leaving = &selected.officers[0];
            let mut order: Vec<([u8; 32], &str)> = SMALL_POOL
                .iter()
                .map(|o| (ticketer.ticket(o), *o))
                .collect();
            order.sort_unstable();
            let first = order
                .iter()
                .map(|(_, o)| *o)
                .find(|o| !selected.officers.iter().any(|t| t == o) && *o != leaving.as_str());
            if first == Some(conflicted) {
                // The comment names them: a change of the inputs must update it.
                assert_eq!(
                    (target, conflicted, leaving.as_str()),
                    ("12100000400000624D", "E01", "E05")
                );
                c.amendments.push(json!({"kind": "replace_officer", "task": "T", "target": target, "officer": leaving, "reason": "请假", "actor": "张科长", "at": "2027-02-01T09:00:00+08:00"}));
                return c;
            }
        }
    }
    panic!("no conflicts row puts a conflicted officer first in a substitute order");
}
