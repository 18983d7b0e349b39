//! Reading and validating a plan (SPEC.md §4).

use std::collections::{BTreeMap, BTreeSet};

use super::context::resolve_column;
use super::digest;
use crate::base::normalize;
use crate::dates::Date;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::messages::msg;

use super::context::{Ctx, locate, value_error};
use super::model::{
    ANNUAL_CAP, DEFAULT_EXCLUDED_STATUSES, DEFAULT_MAX_REPLACEMENTS, EARLIER_BATCH,
    INSPECTED_RECENTLY, OneVisit, Plan, Task,
};
use super::raw::RawPlan;
use super::task::parse_task;

impl Plan {
    /// The directory columns a draw of this plan reads besides `id` and `name`:
    /// every task's filter and strata, `status` (exclusions) and `region` (officer
    /// matching).
    pub fn target_columns_used(&self) -> BTreeSet<String> {
        let mut used = BTreeSet::new();
        if !self.exclude_status.is_empty() {
            used.insert("status".to_owned());
        }
        for task in &self.tasks {
            used.extend(task.filter.clauses.keys().cloned());
            used.extend(task.strata.iter().cloned());
            if task.officer_region.is_some() {
                used.insert("region".to_owned());
            }
        }
        used
    }

    /// The columns of a table that enter its digest, the record and the kit: those
    /// the plan reads, its required columns, and the columns it declares public
    /// (SPEC.md §3.2, 最小必要). Every other column is dropped as it is read.
    pub fn columns_kept(&self, kind: crate::inputs::TableKind) -> BTreeSet<String> {
        use crate::inputs::TableKind;
        let mut keep: BTreeSet<String> = kind.required().iter().map(|c| (*c).to_owned()).collect();
        let mut add = |c: &str| {
            keep.insert(c.to_owned());
        };
        match kind {
            TableKind::Targets => self.target_columns_used().iter().for_each(|c| add(c)),
            TableKind::Officers => {
                add("name");
                add("status");
                for field in ["certificate", "validity", "valid_from", "valid_to"] {
                    add(field);
                    for n in 2..=9 {
                        add(&format!("{field}_{n}"));
                    }
                }
                for task in &self.tasks {
                    task.officer_filter.clauses.keys().for_each(|c| add(c));
                    if !task.departments.is_empty() {
                        add("department");
                    }
                    if task.officer_region.is_some() {
                        add("region");
                    }
                    if task.require_categories {
                        add("categories");
                    }
                }
            }
            TableKind::History => {
                for task in &self.tasks {
                    if task.exclude_inspected.is_some_and(|r| r.same_item) {
                        add("item");
                        add("task");
                    }
                    if task.rotation.is_some() {
                        add("officers");
                    }
                }
            }
            TableKind::Conflicts | TableKind::Results => {}
        }
        keep.extend(
            self.public_columns
                .get(&kind)
                .into_iter()
                .flatten()
                .cloned(),
        );
        keep
    }

    /// Parses and validates a plan. `source` names it in messages.
    pub fn parse(source: &str, bytes: &[u8]) -> Result<Plan> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(ErrorKind::NotUtf8)
                .at(locate(
                    source,
                    &String::from_utf8_lossy(bytes),
                    e.valid_up_to(),
                ))
                .arg("what", msg("plan-the-plan"))
        })?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let syntax = |e: toml::de::Error| {
            super::toml_error::describe(text, &e)
                .at(e
                    .span()
                    .map_or_else(|| Location::file(source), |s| locate(source, text, s.start)))
                .caused_by(e)
        };
        let tree: toml::Table = toml::from_str(text).map_err(syntax)?;
        let raw: RawPlan = toml::from_str(text).map_err(syntax)?;
        let mapping = |m: &BTreeMap<String, String>| -> BTreeMap<String, String> {
            m.iter()
                .map(|(k, v)| (normalize::text(k), normalize::text(v)))
                .collect()
        };
        let target_columns = mapping(&raw.columns.targets);
        let officer_columns = mapping(&raw.columns.officers);
        let cx = Ctx {
            source,
            text,
            targets: &target_columns,
            officers: &officer_columns,
        };

        let id = normalize::text(raw.plan.id.get_ref());
        if id.is_empty() {
            return Err(cx.value_error(
                &raw.plan.id,
                "",
                "plan.id",
                msg("plan-expected-identifier"),
                "\"\"",
            ));
        }
        if raw.tasks.is_empty() {
            return Err(
                Error::with_id(ErrorKind::PlanSyntax, "plan-no-tasks").at(Location::file(source))
            );
        }
        let mut tasks: Vec<Task> = Vec::with_capacity(raw.tasks.len());
        for raw_task in raw.tasks {
            let at = cx.at(&raw_task);
            let task = parse_task(&cx, raw_task.into_inner(), at)?;
            if let Some(first) = tasks.iter().find(|t| t.id == task.id) {
                return Err(value_error(
                    task.at.clone(),
                    "",
                    "tasks.id",
                    msg("plan-expected-unique-task-id").arg("line", first.at.line.unwrap_or(0)),
                    format!("\"{}\"", task.id),
                ));
            }
            tasks.push(task);
        }
        // After validation, so that a misplaced float is reported with its
        // location by the checks above.
        let canonical = canonical_tree(tree, &target_columns, &officer_columns);
        let digest = digest::of_tree(&canonical).map_err(|e| e.at(Location::file(source)))?;
        let date = match &raw.plan.date {
            None => None,
            Some(d) => Some(Date::parse(&normalize::text(d.get_ref())).ok_or_else(|| {
                cx.value_error(
                    d,
                    "",
                    "plan.date",
                    msg("plan-expected-date").arg("example", "2027-01-15"),
                    format!("\"{}\"", d.get_ref()),
                )
            })?),
        };
        let exclude_status = match raw.plan.exclude_status {
            None => DEFAULT_EXCLUDED_STATUSES
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            Some(list) => {
                let keywords: Vec<String> = list
                    .get_ref()
                    .iter()
                    .map(|s| normalize::text(s))
                    .filter(|s| !s.is_empty())
                    .collect();
                // A keyword spelled like a reason of §6.1 would make the record's
                // `frame.excluded` ambiguous: which rule excluded those targets?
                if let Some(k) = keywords
                    .iter()
                    .find(|k| [EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP].contains(&k.as_str()))
                {
                    return Err(cx.value_error(
                        &list,
                        "",
                        "plan.exclude_status",
                        msg("plan-expected-status-keywords"),
                        format!("\"{k}\""),
                    ));
                }
                keywords
            }
        };
        let one_visit = match &raw.plan.one_visit {
            None => OneVisit::default(),
            Some(v) => match v.get_ref().as_str() {
                "merge" => OneVisit::Merge,
                "exclusive" => OneVisit::Exclusive,
                "separate" => OneVisit::Separate,
                other => {
                    return Err(cx.value_error(
                        v,
                        "",
                        "plan.one_visit",
                        msg("plan-expected-one-of")
                            .arg("choices", r#""merge", "exclusive", "separate""#),
                        format!("\"{other}\""),
                    ));
                }
            },
        };
        let max_inspections_per_year = match &raw.plan.max_inspections_per_year {
            None => None,
            Some(m) => Some(
                u64::try_from(*m.get_ref())
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| {
                        cx.value_error(
                            m,
                            "",
                            "plan.max_inspections_per_year",
                            msg("plan-expected-positive-integer"),
                            m.get_ref().to_string(),
                        )
                    })?,
            ),
        };
        let max_teams_per_officer = match &raw.plan.max_teams_per_officer {
            None => None,
            Some(m) => Some(
                u64::try_from(*m.get_ref())
                    .ok()
                    .filter(|n| *n >= 1)
                    .ok_or_else(|| {
                        cx.value_error(
                            m,
                            "",
                            "plan.max_teams_per_officer",
                            msg("plan-expected-positive-integer"),
                            m.get_ref().to_string(),
                        )
                    })?,
            ),
        };
        let max_replacements = match &raw.plan.max_replacements {
            None => DEFAULT_MAX_REPLACEMENTS,
            Some(m) => u64::try_from(*m.get_ref())
                .ok()
                .filter(|n| *n <= 100)
                .ok_or_else(|| {
                    cx.value_error(
                        m,
                        "",
                        "plan.max_replacements",
                        msg("plan-expected-integer-range")
                            .arg("min", "0")
                            .arg("max", "100"),
                        m.get_ref().to_string(),
                    )
                })?,
        };
        let needs_date = max_inspections_per_year.is_some()
            || tasks
                .iter()
                .any(|t| t.exclude_inspected.is_some() || t.rotation.is_some());
        if needs_date && date.is_none() {
            return Err(value_error(
                Location::file(source),
                "",
                "plan.date",
                msg("plan-expected-draw-date"),
                msg("plan-found-no-date"),
            ));
        }
        Ok(Plan {
            id,
            one_visit,
            max_inspections_per_year,
            max_teams_per_officer,
            max_replacements,
            name: normalize::text(&raw.plan.name),
            authority: normalize::text(&raw.plan.authority),
            contact: normalize::text(&raw.plan.contact),
            date,
            exclude_status,
            target_columns: target_columns.clone(),
            officer_columns: officer_columns.clone(),
            public_columns: {
                use crate::inputs::TableKind::{Conflicts, History, Officers, Targets};
                let p = raw.columns.public;
                [
                    (Targets, p.targets),
                    (Officers, p.officers),
                    (History, p.history),
                    (Conflicts, p.conflicts),
                ]
                .into_iter()
                .map(|(k, names)| {
                    let mapping = match k {
                        Targets => &target_columns,
                        Officers => &officer_columns,
                        _ => &BTreeMap::new(),
                    };
                    let names = names
                        .iter()
                        .map(|n| resolve_column(k, n, mapping))
                        .collect();
                    (k, names)
                })
                .collect()
            },
            tasks,
            digest,
        })
    }
}

/// The plan's tree with every column name it gives — the keys of `filter` and
/// `officer_filter`, the entries of `strata` and of `[columns.public]` — replaced by the
/// column it means (SPEC.md §4.3): a plan naming a column by the file's header has the
/// digest of the plan naming it canonically.
fn canonical_tree(
    mut tree: toml::Table,
    targets: &BTreeMap<String, String>,
    officers: &BTreeMap<String, String>,
) -> toml::Table {
    use crate::inputs::TableKind::{self, Conflicts, History, Officers, Targets};
    let empty = BTreeMap::new();
    let names = |kind: TableKind, value: &mut toml::Value, mapping: &BTreeMap<String, String>| {
        if let toml::Value::Array(items) = value {
            for item in items {
                if let toml::Value::String(name) = item {
                    *name = resolve_column(kind, name, mapping);
                }
            }
        }
    };
    let keys = |kind: TableKind, value: &mut toml::Value, mapping: &BTreeMap<String, String>| {
        if let toml::Value::Table(t) = value {
            *t = std::mem::take(t)
                .into_iter()
                .map(|(k, v)| (resolve_column(kind, &k, mapping), v))
                .collect();
        }
    };
    if let Some(toml::Value::Array(tasks)) = tree.get_mut("tasks") {
        for task in tasks {
            let toml::Value::Table(task) = task else {
                continue;
            };
            if let Some(v) = task.get_mut("filter") {
                keys(Targets, v, targets);
            }
            if let Some(v) = task.get_mut("officer_filter") {
                keys(Officers, v, officers);
            }
            if let Some(v) = task.get_mut("strata") {
                names(Targets, v, targets);
            }
        }
    }
    if let Some(toml::Value::Table(public)) =
        tree.get_mut("columns").and_then(|c| c.get_mut("public"))
    {
        for (name, kind, mapping) in [
            ("targets", Targets, targets),
            ("officers", Officers, officers),
            ("history", History, &empty),
            ("conflicts", Conflicts, &empty),
        ] {
            if let Some(v) = public.get_mut(name) {
                names(kind, v, mapping);
            }
        }
    }
    tree
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Quota, Ratio, Spread};

    const EXAMPLE: &str = r#"
[plan]
id = "420100-2027-01"
name = "2027年度双随机抽查计划"
authority = "武汉市市场监督管理局"

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
items = ["企业年度报告公示信息"]
filter = { status = ["存续"] }
strata = ["risk"]
ratio = { A = "1%", B = "3%", C = "10%", D = "30%" }
team_size = 2
officer_filter = { department = ["市场监管"] }

[[tasks]]
id = "T2"
name = "食品经营许可事项抽查"
count = 40
team_size = 3
"#;

    #[test]
    fn parses_the_issue_example() {
        let p = Plan::parse("plan.toml", EXAMPLE.as_bytes()).unwrap();
        assert_eq!(p.tasks.len(), 2);
        assert_eq!(p.tasks[0].strata, ["risk"]);
        assert_eq!(
            p.tasks[1].quota,
            Quota::Total {
                count: 40,
                spread: Spread::Whole
            }
        );
        assert_eq!(p.tasks[1].team_size, 3);
        match &p.tasks[0].quota {
            Quota::Ratio(tree) => {
                assert_eq!(tree.lookup(&["D".into()]), Some(Ratio { ppm: 300_000 }));
                assert_eq!(tree.lookup(&["E".into()]), None);
            }
            q => panic!("{q:?}"),
        }
    }

    fn task_of(body: &str) -> Result<Task> {
        let text = format!("[plan]\nid='p'\nname='n'\n[[tasks]]\nid='T'\nname='t'\n{body}\n");
        Plan::parse("p", text.as_bytes()).map(|mut p| p.tasks.remove(0))
    }

    #[test]
    fn nested_quota_tables_and_allocation_modes() {
        let t = task_of("strata = ['risk', 'authority']\nratio = { A = '1%', D = { '江岸' = '50%', '*' = '30%' }, '*' = '3%' }").unwrap();
        let Quota::Ratio(tree) = &t.quota else {
            panic!()
        };
        let k = |a: &str, b: &str| vec![a.to_owned(), b.to_owned()];
        assert_eq!(tree.lookup(&k("A", "江汉")), Ratio::parse("1%"));
        assert_eq!(tree.lookup(&k("D", "江岸")), Ratio::parse("50%"));
        assert_eq!(tree.lookup(&k("D", "江汉")), Ratio::parse("30%"));
        assert_eq!(tree.lookup(&k("B", "江汉")), Ratio::parse("3%"));
        assert_eq!(
            tree.paths(),
            [vec!["A".to_owned()], vec!["D".to_owned()], k("D", "江岸")]
        );
        let t =
            task_of("strata = ['authority']\ncount = 120\nallocation = 'proportional'").unwrap();
        assert_eq!(
            t.quota,
            Quota::Total {
                count: 120,
                spread: Spread::Proportional
            }
        );
        let t = task_of("strata = ['authority']\ncount = { '江岸' = 5, '*' = 3 }").unwrap();
        assert_eq!(t.quota.mode(), "per_stratum");
        let e = task_of("strata = ['authority']\ncount = 120").unwrap_err();
        assert!(
            e.to_string()
                .contains("allocation = \"proportional\", \"equal\" or \"per_stratum\""),
            "{e}"
        );
        let e = task_of("strata = ['risk']\nratio = { A = { x = '1%' } }").unwrap_err();
        assert!(
            e.to_string()
                .contains("nested at most as deep as the strata columns"),
            "{e}"
        );
        assert!(task_of("ratio = '3%'\nallocation = 'equal'").is_err());
    }

    #[test]
    fn filter_conditions() {
        let t = task_of("ratio = '3%'\nfilter = { entity_type = { not = '个体工商户' }, established = { after = '2020/1/1', before = '2025-01-01' }, capital = { min = 100, max = '500.50' } }").unwrap();
        assert_eq!(
            t.filter.to_string(),
            "capital ≥ 100 and ≤ 500.5 and entity_type ∉ {个体工商户} and established > 2020-01-01 and < 2025-01-01"
        );
        let e = task_of("ratio = '3%'\nfilter = { x = { above = 3 } }").unwrap_err();
        assert!(
            e.to_string()
                .contains("expected conditions in, not, after, before, min, max, found 'above'"),
            "{e}"
        );
        let e = task_of("ratio = '3%'\nfilter = { x = { after = 'soon' } }").unwrap_err();
        assert!(e.to_string().contains("after = a date"), "{e}");
    }

    #[test]
    fn ratio_grammar() {
        assert_eq!(Ratio::parse("3%"), Some(Ratio { ppm: 30_000 }));
        assert_eq!(Ratio::parse("0.5%"), Some(Ratio { ppm: 5_000 }));
        assert_eq!(Ratio::parse("100%"), Some(Ratio { ppm: 1_000_000 }));
        assert_eq!(Ratio::parse("0.0001%"), Some(Ratio { ppm: 1 }));
        // Typed with a Chinese input method: full-width, as identifiers are read.
        assert_eq!(Ratio::parse("5％"), Some(Ratio { ppm: 50_000 }));
        assert_eq!(Ratio::parse("０．５％"), Some(Ratio { ppm: 5_000 }));
        for bad in [
            "3", "101%", "3.%", ".5%", "3.00001%", "-1%", "1e2%", "3 %", "1000%", "3%%",
        ] {
            assert_eq!(Ratio::parse(bad), None, "{bad}");
        }
        assert_eq!(Ratio { ppm: 5_000 }.to_string(), "0.5%");
        assert_eq!(Ratio { ppm: 30_000 }.to_string(), "3%");
    }

    #[test]
    fn team_of_one_is_an_error_with_a_location() {
        let text = EXAMPLE.replace("team_size = 3", "team_size = 1");
        let e = Plan::parse("plan.toml", text.as_bytes()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "plan.toml:21:13: task 'T2': team_size: expected 2 to 20 officers (the law requires at least two per inspection), found 1"
        );
    }

    #[test]
    fn unknown_keys_and_bad_ratios_are_errors() {
        let text = EXAMPLE.replace("team_size = 3", "teamsize = 3");
        let e = Plan::parse("plan.toml", text.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("unknown key 'teamsize'"), "{e}");
        let text = EXAMPLE.replace("\"3%\"", "0.03");
        let e = Plan::parse("plan.toml", text.as_bytes()).unwrap_err();
        assert!(e.to_string().contains("expected a percentage"), "{e}");
        let text = EXAMPLE.replace("count = 40", "count = 40\nratio = \"3%\"");
        assert!(Plan::parse("plan.toml", text.as_bytes()).is_err());
    }

    #[test]
    fn digest_ignores_formatting_but_not_values() {
        let a = Plan::parse("p", EXAMPLE.as_bytes()).unwrap().digest;
        let reformatted = EXAMPLE
            .replace("team_size = 2\n", "team_size   =   2  # two officers\n")
            .replace('\n', "\r\n");
        assert_eq!(Plan::parse("p", reformatted.as_bytes()).unwrap().digest, a);
        let changed = EXAMPLE.replace("\"30%\"", "\"31%\"");
        assert_ne!(Plan::parse("p", changed.as_bytes()).unwrap().digest, a);
    }

    #[test]
    fn plan_errors_in_both_languages() {
        use crate::messages::Lang;
        let both = |text: &str| {
            let e = Plan::parse("plan.toml", text.as_bytes()).unwrap_err();
            (e.message(Lang::Zh), e.to_string())
        };
        let (zh, en) = both(&EXAMPLE.replace("team_size = 3", "team_size = 1"));
        assert_eq!(
            zh,
            "plan.toml:21:13: 任务“T2”：team_size：应为 2 至 20 名执法人员（法律规定每次检查至少两名），实为 1"
        );
        assert_eq!(
            en,
            "plan.toml:21:13: task 'T2': team_size: expected 2 to 20 officers (the law requires at least two per inspection), found 1"
        );
        let (zh, en) = both(&EXAMPLE.replace("count = 40", "count = 40\nratio = \"3%\""));
        assert!(
            zh.ends_with(
                "任务“T2”：count：应为 ratio 或 count 二者之一，不能同时填写，实为 整数 40"
            ),
            "{zh}"
        );
        assert!(
            en.ends_with(
                "task 'T2': count: expected either ratio or count, not both, found integer 40"
            ),
            "{en}"
        );
        let (zh, en) = both(&EXAMPLE.replace("\"3%\"", "0.03"));
        assert!(
            zh.ends_with(
                "ratio.B：应为 0% 至 100% 的百分比，如 \"3%\" 或 \"0.5%\"，实为 小数 0.03"
            ),
            "{zh}"
        );
        assert!(en.ends_with("ratio.B: expected a percentage from 0% to 100% like \"3%\" or \"0.5%\", found float 0.03"), "{en}");
        let (zh, en) = both("[plan]\nid = 'p'\nname = 'n'\n");
        assert_eq!(
            zh,
            "plan.toml: 抽查计划中没有抽查任务（[[tasks]]）：请至少加入一项"
        );
        assert_eq!(en, "plan.toml: the plan has no [[tasks]]: add at least one");
        let (zh, en) = both(&EXAMPLE.replace("team_size = 3", "teamsize = 3"));
        assert!(
            zh.starts_with("plan.toml:21:1: 不认识的键“teamsize”（此处可用的键：id, name,"),
            "{zh}"
        );
        assert!(
            en.starts_with("plan.toml:21:1: unknown key 'teamsize' (keys here: id, name,"),
            "{en}"
        );
        let (zh, en) = both(&EXAMPLE.replace("食品经营许可事项抽查", "食品\\t经营"));
        assert_eq!(
            zh,
            "plan.toml: 抽查计划的值 \"食品\\t经营\" 中含有控制字符 U+0009"
        );
        assert_eq!(
            en,
            "plan.toml: the plan contains the control character U+0009 in \"食品\\t经营\""
        );
        let (zh, en) = both(&EXAMPLE.replace("T2", "T1"));
        assert!(
            zh.ends_with("tasks.id：应为 不重复的任务编号（第 7 行已有该编号），实为 \"T1\""),
            "{zh}"
        );
        assert!(
            en.ends_with(
                "tasks.id: expected a unique task id (line 7 has it already), found \"T1\""
            ),
            "{en}"
        );
        let (zh, _) = both(&EXAMPLE.replace(
            "filter = { status = [\"存续\"] }",
            "filter = { status = { like = 1 } }",
        ));
        assert!(
            zh.contains("应为 条件 in、not、after、before、min、max 之一，实为 “like”"),
            "{zh}"
        );
        let (zh, _) = both(&EXAMPLE.replace(
            "team_size = 3",
            "team_size = 3\nexclude_inspected = { within = 'soon' }",
        ));
        assert!(
            zh.ends_with("exclude_inspected.within：应为 \"calendar_year\" 或天数，实为 \"soon\""),
            "{zh}"
        );
    }
}
