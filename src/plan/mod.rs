//! The sampling plan (抽查工作计划): a TOML document of tasks (SPEC.md §4).

pub mod filter;

/// The exclusion reason (SPEC.md §6.1) of a target with too many inspections this year.
pub const ANNUAL_CAP: &str = "annual_cap";
/// The exclusion reason (SPEC.md §6.1) of a target an earlier batch of the task drew.
pub const EARLIER_BATCH: &str = "earlier_batch";
/// The exclusion reason (SPEC.md §6.1) of a target inspected within a task's window.
pub const INSPECTED_RECENTLY: &str = "inspected_recently";

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use crate::base::canonical::Hash;
use crate::base::dates::Date;
use crate::base::normalize;
use crate::error::{Error, Location, Result};
use crate::inputs::digest;

/// The smallest team the law allows: two officers per inspection
/// (行政处罚法 第42、55条).
pub const MIN_TEAM_SIZE: u64 = 2;
/// The largest team accepted; a guard against typos.
pub const MAX_TEAM_SIZE: u64 = 20;

/// Replacements one team may take after the draw unless the plan says otherwise.
pub const DEFAULT_MAX_REPLACEMENTS: u64 = 2;

/// A parsed, validated plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The plan's identifier, e.g. `420100-2027-01`.
    pub id: String,
    /// The plan's name.
    pub name: String,
    /// The authority that runs it (检查机关).
    pub authority: String,
    /// The draw date (抽取日期): officers need a certificate valid on it.
    pub date: Option<Date>,
    /// Status keywords that make a target ineligible (SPEC.md §6.1).
    pub exclude_status: Vec<String>,
    /// What happens when several tasks draw the same entity (SPEC.md §7.3).
    pub one_visit: OneVisit,
    /// The most inspections of one entity in the calendar year of the draw
    /// date, counting the history and this plan (SPEC.md §6.1).
    pub max_inspections_per_year: Option<u64>,
    /// The most teams one officer may be in across the plan.
    pub max_teams_per_officer: Option<u64>,
    /// The most officers one team may have replaced after the draw (SPEC.md §9.4).
    pub max_replacements: u64,
    /// Explicit column mapping of the target directory: header → column.
    pub target_columns: BTreeMap<String, String>,
    /// Explicit column mapping of the officer roster: header → column.
    pub officer_columns: BTreeMap<String, String>,
    /// Columns the plan declares public (`[columns.public]`), per table: kept
    /// although no rule reads them, and exempt from the personal-data check
    /// (SPEC.md §3.2).
    pub public_columns: BTreeMap<crate::inputs::TableKind, BTreeSet<String>>,
    /// The tasks, in the order of the file.
    pub tasks: Vec<Task>,
    /// The canonical digest (SPEC.md §4.3).
    pub digest: Hash,
}

/// What happens when several tasks of a plan draw the same entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OneVisit {
    /// One visit covers all those tasks' items; the record lists the merged
    /// visits with the union of the tasks' teams (the default).
    #[default]
    Merge,
    /// An entity drawn by an earlier task is skipped by later ones, which take
    /// the next ticket in their waiting line.
    Exclusive,
    /// Each task visits on its own.
    Separate,
}

impl OneVisit {
    /// The name in the plan and the record.
    pub fn as_str(self) -> &'static str {
        match self {
            OneVisit::Merge => "merge",
            OneVisit::Exclusive => "exclusive",
            OneVisit::Separate => "separate",
        }
    }
}

/// Which region an entity's officers come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionRule {
    /// The officer's region equals the entity's.
    Same,
    /// The officer's region differs from the entity's (异地).
    Different,
}

/// A recent-inspection exclusion of a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recency {
    /// The window before the draw date.
    pub within: Window,
    /// Only past inspections of the task's items (or by the task's id) count.
    pub same_item: bool,
}

/// How far back a past inspection counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// In the same calendar year as the draw date.
    CalendarYear,
    /// In the `n` days up to and including the draw date.
    Days(u64),
}

/// The statuses that make an entity not inspectable by default: 注销
/// (deregistered), 吊销 (licence revoked), 撤销 (registration cancelled),
/// 迁出 (moved out of the jurisdiction).
pub const DEFAULT_EXCLUDED_STATUSES: &[&str] = &["注销", "吊销", "撤销", "迁出"];

/// One task (抽查任务).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The task's identifier, unique in the plan.
    pub id: String,
    /// The task's name.
    pub name: String,
    /// The inspection items (抽查事项).
    pub items: Vec<String>,
    /// The legal basis (抽查依据), for the public notice; `""` when not given.
    pub basis: String,
    /// The frame: which targets are eligible (定向 when not empty).
    pub filter: Filter,
    /// Attribute columns to stratify on; empty means one stratum.
    pub strata: Vec<String>,
    /// Where each strata column is written, for messages.
    pub strata_at: Vec<Location>,
    /// How many targets each stratum gets.
    pub quota: Quota,
    /// How a ratio becomes a count.
    pub rounding: Rounding,
    /// The least count of a non-empty stratum with a non-zero ratio.
    pub min_per_stratum: u64,
    /// Officers per team, at least [`MIN_TEAM_SIZE`].
    pub team_size: u64,
    /// Which officers are eligible.
    pub officer_filter: Filter,
    /// Excludes entities inspected recently, by the history file (SPEC.md §6.1).
    pub exclude_inspected: Option<Recency>,
    /// Officers from the entity's own region, or from another (异地) (SPEC.md §8.2).
    pub officer_region: Option<RegionRule>,
    /// The most teams one officer may be in for this task.
    pub max_teams_per_officer: Option<u64>,
    /// No officer who inspected the entity within this window (rotation).
    pub rotation: Option<Window>,
    /// A joint inspection (跨部门联合抽查): each department and the members it
    /// supplies to every team, in order; empty for an ordinary task.
    pub departments: Vec<(String, u64)>,
    /// Officers must list every one of the task's items in their `categories`.
    pub require_categories: bool,
    /// The day the task's inspections take place, when later than the draw:
    /// officers need a certificate valid on it (SPEC.md §8.1).
    pub inspection_date: Option<Date>,
    /// Where the task starts in the plan file, for messages.
    pub at: Location,
}

pub use crate::plan::filter::{Condition, Filter};

/// How many targets each stratum gets (SPEC.md §6.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quota {
    /// A ratio per stratum, looked up in a tree keyed by strata values.
    Ratio(Tree<Ratio>),
    /// A fixed count per stratum, looked up in a tree keyed by strata values.
    PerStratum(Tree<u64>),
    /// A total count spread over the strata.
    Total {
        /// The total.
        count: u64,
        /// How it is spread.
        spread: Spread,
    },
}

impl Quota {
    /// The allocation mode's name in the plan and the record.
    pub fn mode(&self) -> &'static str {
        match self {
            Quota::Ratio(_) => "ratio",
            Quota::PerStratum(_) => "per_stratum",
            Quota::Total {
                spread: Spread::Whole,
                ..
            } => "count",
            Quota::Total {
                spread: Spread::Proportional,
                ..
            } => "proportional",
            Quota::Total {
                spread: Spread::Equal,
                ..
            } => "equal",
        }
    }
}

/// How a total count is spread over strata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spread {
    /// No strata: the count is taken from the whole frame.
    Whole,
    /// Proportionally to stratum sizes, largest remainders first (Hamilton).
    Proportional,
    /// Equally, capped by stratum sizes, the surplus passed on.
    Equal,
}

/// A value per stratum: one value for all, or a table keyed by the value of
/// the first strata column whose entries are values or deeper tables for the
/// next column; the key `"*"` is the default of its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tree<T> {
    /// One value for every stratum below.
    Leaf(T),
    /// Entries by stratum value, and a default.
    Table {
        /// Entries by value (normalised).
        entries: BTreeMap<String, Tree<T>>,
        /// The entry of values not listed (`"*"`).
        default: Option<Box<Tree<T>>>,
    },
}

impl<T: Copy> Tree<T> {
    /// The value for a stratum key, or `None` when a table has neither the
    /// value nor a default.
    pub fn lookup(&self, key: &[String]) -> Option<T> {
        match self {
            Tree::Leaf(v) => Some(*v),
            Tree::Table { entries, default } => {
                let (first, rest) = key.split_first()?;
                entries.get(first).or(default.as_deref())?.lookup(rest)
            }
        }
    }

    /// The explicit keys of every table, as paths of values from the first
    /// strata column (`"*"` for a default), for warnings about values that
    /// never occur.
    pub fn paths(&self) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        if let Tree::Table { entries, default } = self {
            for (k, sub) in entries {
                out.push(vec![k.clone()]);
                for mut p in sub.paths() {
                    p.insert(0, k.clone());
                    out.push(p);
                }
            }
            if let Some(d) = default {
                for mut p in d.paths() {
                    p.insert(0, "*".into());
                    out.push(p);
                }
            }
        }
        out
    }
}

/// A percentage, held exactly in parts per million (`"3%"` is 30 000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ratio {
    /// Parts per million, 0..=1 000 000.
    pub ppm: u32,
}

impl Ratio {
    /// Parses `"3%"`, `"0.5%"`, `"100%"`: up to three integer digits, up to
    /// four decimals, a percent sign, at most 100%.
    pub fn parse(s: &str) -> Option<Ratio> {
        let body = s.strip_suffix('%')?;
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || int.len() > 3 || !digits(int) || !digits(frac) || frac.len() > 4 {
            return None;
        }
        if body.contains('.') && frac.is_empty() {
            return None;
        }
        let int: u32 = int.parse().ok()?;
        let frac: u32 = format!("{frac:0<4}").parse().ok()?;
        let ppm = int * 10_000 + frac;
        (ppm <= 1_000_000).then_some(Ratio { ppm })
    }
}

impl std::fmt::Display for Ratio {
    /// The canonical text: no trailing zeros, e.g. `3%`, `0.5%`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let int = self.ppm / 10_000;
        let frac = self.ppm % 10_000;
        if frac == 0 {
            write!(f, "{int}%")
        } else {
            let frac = format!("{frac:04}");
            write!(f, "{int}.{}%", frac.trim_end_matches('0'))
        }
    }
}

/// How a ratio times a frame size becomes a count (SPEC.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Round up: "not less than X%" (the default).
    #[default]
    Ceil,
    /// Round down.
    Floor,
    /// Round to nearest, halves up.
    Nearest,
}

impl Rounding {
    /// The name used in the plan and the record.
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::Ceil => "ceil",
            Rounding::Floor => "floor",
            Rounding::Nearest => "nearest",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    plan: RawHeader,
    #[serde(default)]
    columns: RawColumns,
    #[serde(default)]
    tasks: Vec<Spanned<RawTask>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    authority: String,
    date: Option<Spanned<String>>,
    exclude_status: Option<Spanned<Vec<String>>>,
    one_visit: Option<Spanned<String>>,
    max_inspections_per_year: Option<Spanned<i64>>,
    max_teams_per_officer: Option<Spanned<i64>>,
    max_replacements: Option<Spanned<i64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawColumns {
    #[serde(default)]
    targets: BTreeMap<String, String>,
    #[serde(default)]
    officers: BTreeMap<String, String>,
    #[serde(default)]
    public: RawPublic,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPublic {
    #[serde(default)]
    targets: Vec<String>,
    #[serde(default)]
    officers: Vec<String>,
    #[serde(default)]
    history: Vec<String>,
    #[serde(default)]
    conflicts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    id: Spanned<String>,
    name: String,
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    basis: String,
    filter: Option<Spanned<toml::Table>>,
    #[serde(default)]
    strata: Vec<Spanned<String>>,
    ratio: Option<Spanned<toml::Value>>,
    count: Option<Spanned<toml::Value>>,
    allocation: Option<Spanned<String>>,
    rounding: Option<Spanned<String>>,
    min_per_stratum: Option<Spanned<i64>>,
    team_size: Option<Spanned<i64>>,
    officer_filter: Option<Spanned<toml::Table>>,
    exclude_inspected: Option<Spanned<toml::Table>>,
    officer_region: Option<Spanned<String>>,
    max_teams_per_officer: Option<Spanned<i64>>,
    rotation: Option<Spanned<toml::Value>>,
    departments: Option<Spanned<Vec<RawDepartment>>>,
    require_categories: Option<bool>,
    inspection_date: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDepartment {
    department: String,
    members: i64,
}

/// Turns a byte offset into a 1-based line and column (in characters).
pub(crate) fn locate(source: &str, text: &str, offset: usize) -> Location {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    Location::at(source, line, column)
}

struct Ctx<'a> {
    source: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    fn at<T>(&self, s: &Spanned<T>) -> Location {
        locate(self.source, self.text, s.span().start)
    }

    fn value_error<T>(
        &self,
        s: &Spanned<T>,
        task: &str,
        key: &str,
        expected: &str,
        found: String,
    ) -> Error {
        Error::PlanValue {
            at: self.at(s),
            context: if task.is_empty() {
                String::new()
            } else {
                format!("task '{task}': ")
            },
            key: key.to_owned(),
            expected: expected.to_owned(),
            found,
        }
    }
}

fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("\"{s}\""),
        other => format!("{} {other}", other.type_str()),
    }
}

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
        let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            at: locate(source, &String::from_utf8_lossy(bytes), e.valid_up_to()),
            what: "the plan".into(),
        })?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let syntax = |e: toml::de::Error| Error::PlanSyntax {
            at: e
                .span()
                .map_or_else(|| Location::file(source), |s| locate(source, text, s.start)),
            message: e.message().trim_end_matches('\n').to_owned(),
        };
        let tree: toml::Table = toml::from_str(text).map_err(syntax)?;
        let raw: RawPlan = toml::from_str(text).map_err(syntax)?;
        let cx = Ctx { source, text };

        let id = normalize::text(raw.plan.id.get_ref());
        if id.is_empty() {
            return Err(cx.value_error(
                &raw.plan.id,
                "",
                "plan.id",
                "a non-empty identifier",
                "\"\"".into(),
            ));
        }
        if raw.tasks.is_empty() {
            return Err(Error::PlanSyntax {
                at: Location::file(source),
                message: "the plan has no [[tasks]]: add at least one".into(),
            });
        }
        let mut tasks: Vec<Task> = Vec::with_capacity(raw.tasks.len());
        for raw_task in raw.tasks {
            let at = cx.at(&raw_task);
            let task = parse_task(&cx, raw_task.into_inner(), at)?;
            if let Some(first) = tasks.iter().find(|t| t.id == task.id) {
                return Err(Error::PlanValue {
                    at: task.at.clone(),
                    context: String::new(),
                    key: "tasks.id".into(),
                    expected: format!(
                        "a unique task id (line {} has it already)",
                        first.at.line.unwrap_or(0)
                    ),
                    found: format!("\"{}\"", task.id),
                });
            }
            tasks.push(task);
        }
        // After validation, so that a misplaced float is reported with its
        // location by the checks above.
        let digest = digest::plan(&tree).map_err(|message| Error::PlanSyntax {
            at: Location::file(source),
            message,
        })?;
        let date = match &raw.plan.date {
            None => None,
            Some(d) => Some(Date::parse(&normalize::text(d.get_ref())).ok_or_else(|| {
                cx.value_error(
                    d,
                    "",
                    "plan.date",
                    "a date such as \"2027-01-15\"",
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
                        "status keywords other than the exclusion reasons earlier_batch, inspected_recently and annual_cap",
                        format!("\"{k}\""),
                    ));
                }
                keywords
            }
        };
        let mapping = |m: BTreeMap<String, String>| -> BTreeMap<String, String> {
            m.into_iter()
                .map(|(k, v)| (normalize::text(&k), normalize::text(&v)))
                .collect()
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
                        "one of \"merge\", \"exclusive\", \"separate\"",
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
                            "a positive integer",
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
                            "a positive integer",
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
                        "an integer from 0 to 100",
                        m.get_ref().to_string(),
                    )
                })?,
        };
        let needs_date = max_inspections_per_year.is_some()
            || tasks
                .iter()
                .any(|t| t.exclude_inspected.is_some() || t.rotation.is_some());
        if needs_date && date.is_none() {
            return Err(Error::PlanValue {
                at: Location::file(source),
                context: String::new(),
                key: "plan.date".into(),
                expected: "the draw date (date = \"2027-01-15\"): recent inspections and the annual cap are counted from it".into(),
                found: "no date".into(),
            });
        }
        Ok(Plan {
            id,
            one_visit,
            max_inspections_per_year,
            max_teams_per_officer,
            max_replacements,
            name: normalize::text(&raw.plan.name),
            authority: normalize::text(&raw.plan.authority),
            date,
            exclude_status,
            target_columns: mapping(raw.columns.targets),
            officer_columns: mapping(raw.columns.officers),
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
                    let names = names
                        .iter()
                        .map(|n| normalize::text(n).to_ascii_lowercase())
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

fn parse_task(cx: &Ctx<'_>, raw: RawTask, at: Location) -> Result<Task> {
    let id = normalize::text(raw.id.get_ref());
    if id.is_empty() {
        return Err(cx.value_error(
            &raw.id,
            "",
            "tasks.id",
            "a non-empty identifier",
            "\"\"".into(),
        ));
    }
    let task = id.as_str();
    let filter = raw
        .filter
        .map(|f| parse_filter(cx, task, "filter", &f))
        .transpose()?
        .unwrap_or_default();
    let officer_filter = raw
        .officer_filter
        .map(|f| parse_filter(cx, task, "officer_filter", &f))
        .transpose()?
        .unwrap_or_default();
    let mut strata: Vec<String> = Vec::new();
    let strata_at: Vec<Location> = raw.strata.iter().map(|s| cx.at(s)).collect();
    for s in &raw.strata {
        let col = normalize::text(s.get_ref()).to_ascii_lowercase();
        if col.is_empty() || strata.contains(&col) {
            return Err(cx.value_error(
                s,
                task,
                "strata",
                "distinct column names",
                format!("\"{}\"", s.get_ref()),
            ));
        }
        strata.push(col);
    }
    let quota = parse_quota(
        cx,
        task,
        &at,
        raw.ratio.as_ref(),
        raw.count.as_ref(),
        raw.allocation.as_ref(),
        strata.len(),
    )?;
    let rounding = match &raw.rounding {
        None => Rounding::default(),
        Some(r) => match r.get_ref().as_str() {
            "ceil" => Rounding::Ceil,
            "floor" => Rounding::Floor,
            "nearest" => Rounding::Nearest,
            other => {
                return Err(cx.value_error(
                    r,
                    task,
                    "rounding",
                    "one of \"ceil\", \"floor\", \"nearest\"",
                    format!("\"{other}\""),
                ));
            }
        },
    };
    let min_per_stratum = match &raw.min_per_stratum {
        None => 1,
        Some(m) => {
            let n = *m.get_ref();
            u64::try_from(n).map_err(|_| {
                cx.value_error(m, task, "min_per_stratum", "0 or more", n.to_string())
            })?
        }
    };
    let departments: Vec<(String, u64)> = match &raw.departments {
        None => Vec::new(),
        Some(d) => {
            let mut out = Vec::new();
            for part in d.get_ref() {
                let name = normalize::text(&part.department);
                if name.is_empty()
                    || out.iter().any(|(n, _): &(String, u64)| *n == name)
                    || !(1..=20).contains(&part.members)
                {
                    return Err(cx.value_error(
                        d,
                        task,
                        "departments",
                        "distinct, non-empty departments, each supplying 1 to 20 members",
                        format!("'{}' with {} members", part.department, part.members),
                    ));
                }
                out.push((name, part.members.unsigned_abs()));
            }
            out
        }
    };
    let joint_size: u64 = departments.iter().map(|(_, m)| m).sum();
    // `departments = []` is a joint task without members, not an ordinary task (§8.3).
    if let Some(d) = &raw.departments
        && (joint_size < MIN_TEAM_SIZE
            || raw
                .team_size
                .as_ref()
                .is_some_and(|t| u64::try_from(*t.get_ref()) != Ok(joint_size)))
    {
        return Err(cx.value_error(
            d,
            task,
            "departments",
            "members adding up to the team size, at least 2 (the law requires at least two per inspection)",
            format!("{joint_size} members"),
        ));
    }
    let team_size = match &raw.team_size {
        None if !departments.is_empty() => joint_size,
        None => MIN_TEAM_SIZE,
        Some(t) => {
            let n = *t.get_ref();
            if !u64::try_from(n).is_ok_and(|n| (MIN_TEAM_SIZE..=MAX_TEAM_SIZE).contains(&n)) {
                return Err(cx.value_error(
                    t,
                    task,
                    "team_size",
                    &format!("{MIN_TEAM_SIZE} to {MAX_TEAM_SIZE} officers (the law requires at least two per inspection)"),
                    n.to_string(),
                ));
            }
            n.unsigned_abs()
        }
    };
    let exclude_inspected = match &raw.exclude_inspected {
        None => None,
        Some(t) => {
            let err = |key: &str, expected: &str, found: String| {
                cx.value_error(t, task, key, expected, found)
            };
            let mut within = None;
            let mut same_item = false;
            for (k, v) in t.get_ref() {
                match (k.as_str(), v) {
                    ("within", toml::Value::String(s)) if s == "calendar_year" => {
                        within = Some(Window::CalendarYear);
                    }
                    ("within", toml::Value::Integer(n)) if *n >= 1 => {
                        within = Some(Window::Days(n.unsigned_abs()));
                    }
                    ("within", other) => {
                        return Err(err(
                            "exclude_inspected.within",
                            "\"calendar_year\" or a number of days",
                            describe(other),
                        ));
                    }
                    ("scope", toml::Value::String(s)) if s == "any_item" || s == "same_item" => {
                        same_item = s == "same_item";
                    }
                    ("scope", other) => {
                        return Err(err(
                            "exclude_inspected.scope",
                            "\"any_item\" or \"same_item\"",
                            describe(other),
                        ));
                    }
                    (other, _) => {
                        return Err(err(
                            "exclude_inspected",
                            "keys within and scope",
                            format!("'{other}'"),
                        ));
                    }
                }
            }
            let within = within.ok_or_else(|| {
                err(
                    "exclude_inspected.within",
                    "\"calendar_year\" or a number of days",
                    "nothing".into(),
                )
            })?;
            Some(Recency { within, same_item })
        }
    };
    let window = |v: &Spanned<toml::Value>, key: &str| match v.get_ref() {
        toml::Value::String(s) if s == "calendar_year" => Ok(Window::CalendarYear),
        toml::Value::Integer(n) if *n >= 1 => Ok(Window::Days(n.unsigned_abs())),
        other => Err(cx.value_error(
            v,
            task,
            key,
            "\"calendar_year\" or a number of days",
            describe(other),
        )),
    };
    let rotation = raw
        .rotation
        .as_ref()
        .map(|v| window(v, "rotation"))
        .transpose()?;
    let officer_region = match &raw.officer_region {
        None => None,
        Some(r) => Some(match r.get_ref().as_str() {
            "same" => RegionRule::Same,
            "different" => RegionRule::Different,
            other => {
                return Err(cx.value_error(
                    r,
                    task,
                    "officer_region",
                    "\"same\" or \"different\" (异地)",
                    format!("\"{other}\""),
                ));
            }
        }),
    };
    let max_teams_per_officer = match &raw.max_teams_per_officer {
        None => None,
        Some(m) => Some(
            u64::try_from(*m.get_ref())
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    cx.value_error(
                        m,
                        task,
                        "max_teams_per_officer",
                        "a positive integer",
                        m.get_ref().to_string(),
                    )
                })?,
        ),
    };
    let inspection_date = match &raw.inspection_date {
        None => None,
        Some(d) => Some(Date::parse(&normalize::text(d.get_ref())).ok_or_else(|| {
            cx.value_error(
                d,
                task,
                "inspection_date",
                "a date such as \"2027-06-30\"",
                format!("\"{}\"", d.get_ref()),
            )
        })?),
    };
    Ok(Task {
        inspection_date,
        departments,
        require_categories: raw.require_categories.unwrap_or(false),
        officer_region,
        max_teams_per_officer,
        rotation,
        exclude_inspected,
        id: id.clone(),
        name: normalize::text(&raw.name),
        items: raw.items.iter().map(|i| normalize::text(i)).collect(),
        basis: normalize::text(&raw.basis),
        filter,
        strata,
        strata_at,
        quota,
        rounding,
        min_per_stratum,
        team_size,
        officer_filter,
        at,
    })
}

fn parse_filter(
    cx: &Ctx<'_>,
    task: &str,
    key: &str,
    table: &Spanned<toml::Table>,
) -> Result<Filter> {
    let mut clauses = BTreeMap::new();
    for (col, value) in table.get_ref() {
        let here = format!("{key}.{col}");
        let err =
            |expected: &str, found: String| cx.value_error(table, task, &here, expected, found);
        let strings = |v: &toml::Value| -> Result<Vec<String>> {
            let mut list = match v {
                toml::Value::String(s) => vec![normalize::text(s)],
                toml::Value::Array(a) if !a.is_empty() => a
                    .iter()
                    .map(|v| match v {
                        toml::Value::String(s) => Ok(normalize::text(s)),
                        other => Err(err("strings", describe(other))),
                    })
                    .collect::<Result<Vec<_>>>()?,
                other => {
                    return Err(err(
                        "a string or a non-empty list of strings",
                        describe(other),
                    ));
                }
            };
            list.sort();
            list.dedup();
            Ok(list)
        };
        let condition = match value {
            toml::Value::Table(ops) => {
                let mut c = Condition::default();
                for (op, v) in ops {
                    let date = |v: &toml::Value| match v {
                        toml::Value::String(s) => {
                            Date::parse(&normalize::text(s)).map(|d| d.to_string())
                        }
                        _ => None,
                    };
                    let number = |v: &toml::Value| match v {
                        toml::Value::Integer(i) => Some(i.to_string()),
                        toml::Value::String(s) => crate::plan::filter::decimal(s),
                        _ => None,
                    };
                    match op.as_str() {
                        "in" => c.one_of = Some(strings(v)?),
                        "not" => c.not = Some(strings(v)?),
                        "after" => {
                            c.after = Some(date(v).ok_or_else(|| {
                                err("after = a date such as \"2026-01-01\"", describe(v))
                            })?);
                        }
                        "before" => {
                            c.before = Some(date(v).ok_or_else(|| {
                                err("before = a date such as \"2026-01-01\"", describe(v))
                            })?);
                        }
                        "min" => {
                            c.min = Some(number(v).ok_or_else(|| {
                                err(
                                    "min = an integer or a decimal string such as \"0.5\"",
                                    describe(v),
                                )
                            })?);
                        }
                        "max" => {
                            c.max = Some(number(v).ok_or_else(|| {
                                err(
                                    "max = an integer or a decimal string such as \"0.5\"",
                                    describe(v),
                                )
                            })?);
                        }
                        other => {
                            return Err(err(
                                "conditions in, not, after, before, min, max",
                                format!("'{other}'"),
                            ));
                        }
                    }
                }
                if c == Condition::default() {
                    return Err(err(
                        "at least one condition (in, not, after, before, min, max)",
                        "{}".into(),
                    ));
                }
                c
            }
            v => Condition {
                one_of: Some(strings(v)?),
                ..Condition::default()
            },
        };
        let column = normalize::text(col).to_ascii_lowercase();
        if clauses.contains_key(&column) {
            return Err(cx.value_error(
                table,
                task,
                key,
                "each column once (names are compared ignoring ASCII case and surrounding spaces)",
                format!("'{column}' twice"),
            ));
        }
        clauses.insert(column, condition);
    }
    Ok(Filter {
        clauses,
        at: Some(cx.at(table)),
    })
}

/// What a tree's leaves are, for [`parse_tree`].
struct Leaves<'a, T> {
    read: &'a dyn Fn(&toml::Value) -> Option<T>,
    expected: &'a str,
}

/// Reads a tree of values (SPEC.md §6.2): a value, or a table keyed by
/// strata values (`"*"` the default) nested at most `depth` deep.
fn parse_tree<T>(
    cx: &Ctx<'_>,
    task: &str,
    at: &Spanned<toml::Value>,
    key: &str,
    value: &toml::Value,
    depth: usize,
    leaves: &Leaves<'_, T>,
) -> Result<Tree<T>> {
    match value {
        toml::Value::Table(t) => {
            if depth == 0 {
                return Err(cx.value_error(
                    at,
                    task,
                    key,
                    &format!(
                        "{}, or a table nested at most as deep as the strata columns",
                        leaves.expected
                    ),
                    "a table too deep".into(),
                ));
            }
            let mut entries = BTreeMap::new();
            let mut default = None;
            for (k, v) in t {
                let sub = parse_tree(cx, task, at, &format!("{key}.{k}"), v, depth - 1, leaves)?;
                if k == "*" {
                    default = Some(Box::new(sub));
                } else {
                    entries.insert(normalize::text(k), sub);
                }
            }
            Ok(Tree::Table { entries, default })
        }
        v => (leaves.read)(v)
            .map(Tree::Leaf)
            .ok_or_else(|| cx.value_error(at, task, key, leaves.expected, describe(v))),
    }
}

fn parse_quota(
    cx: &Ctx<'_>,
    task: &str,
    at: &Location,
    ratio: Option<&Spanned<toml::Value>>,
    count: Option<&Spanned<toml::Value>>,
    allocation: Option<&Spanned<String>>,
    strata: usize,
) -> Result<Quota> {
    let ratios = Leaves {
        read: &|v: &toml::Value| match v {
            toml::Value::String(s) => Ratio::parse(&normalize::text(s)),
            _ => None,
        },
        expected: "a percentage from 0% to 100% like \"3%\" or \"0.5%\"",
    };
    let counts = Leaves {
        read: &|v: &toml::Value| match v {
            toml::Value::Integer(n) if (1..=1_000_000_000).contains(n) => Some(n.unsigned_abs()),
            _ => None,
        },
        expected: "an integer from 1 to 1000000000",
    };
    match (ratio, count) {
        (Some(_), Some(c)) => Err(cx.value_error(
            c,
            task,
            "count",
            "either ratio or count, not both",
            describe(c.get_ref()),
        )),
        (None, None) => Err(Error::PlanValue {
            at: at.clone(),
            context: format!("task '{task}': "),
            key: "ratio".into(),
            expected: "a ratio (ratio = \"3%\") or a count (count = 40)".into(),
            found: "neither".into(),
        }),
        (Some(r), None) => {
            if let Some(a) = allocation {
                return Err(cx.value_error(
                    a,
                    task,
                    "allocation",
                    "no allocation with a ratio (it says how a count is spread)",
                    format!("\"{}\"", a.get_ref()),
                ));
            }
            Ok(Quota::Ratio(parse_tree(
                cx,
                task,
                r,
                "ratio",
                r.get_ref(),
                strata,
                &ratios,
            )?))
        }
        (None, Some(c)) => {
            let mode = allocation.map(|a| (a, a.get_ref().as_str()));
            match (c.get_ref(), mode) {
                (toml::Value::Table(_), None | Some((_, "per_stratum"))) => Ok(Quota::PerStratum(
                    parse_tree(cx, task, c, "count", c.get_ref(), strata, &counts)?,
                )),
                (toml::Value::Table(_), Some((a, other))) => Err(cx.value_error(
                    a,
                    task,
                    "allocation",
                    "\"per_stratum\" (or nothing) with a table of counts",
                    format!("\"{other}\""),
                )),
                (v, mode) => {
                    let n = (counts.read)(v).ok_or_else(|| {
                        cx.value_error(c, task, "count", counts.expected, describe(v))
                    })?;
                    match mode {
                        None if strata == 0 => Ok(Quota::Total { count: n, spread: Spread::Whole }),
                        None => Err(cx.value_error(
                            c,
                            task,
                            "allocation",
                            "with strata, how the count is allocated: allocation = \"proportional\", \"equal\" or \"per_stratum\"",
                            "none".into(),
                        )),
                        Some((_, "proportional")) => Ok(Quota::Total { count: n, spread: Spread::Proportional }),
                        Some((_, "equal")) => Ok(Quota::Total { count: n, spread: Spread::Equal }),
                        Some((_, "per_stratum")) => Ok(Quota::PerStratum(Tree::Leaf(n))),
                        Some((a, other)) => Err(cx.value_error(
                            a,
                            task,
                            "allocation",
                            "one of \"proportional\", \"equal\", \"per_stratum\"",
                            format!("\"{other}\""),
                        )),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for bad in [
            "3", "101%", "3.%", ".5%", "3.00001%", "-1%", "1e2%", " 3%", "1000%",
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
        assert!(e.to_string().contains("unknown field `teamsize`"), "{e}");
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
}

/// The plan schema (`schemas/plan.v2.schema.json`) names exactly the keys the
/// parser accepts: a drift test over serde's own field lists.
#[cfg(test)]
mod schema_drift {
    use super::{RawColumns, RawHeader, RawPlan, RawTask};
    use serde::de::{self, Visitor};

    /// A deserializer that records the field names a struct asks for.
    struct Fields(Vec<&'static str>);

    impl<'de> de::Deserializer<'de> for &mut Fields {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = fields.to_vec();
            Err(de::Error::custom("recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    fn fields<T: de::DeserializeOwned>() -> Vec<String> {
        let mut f = Fields(Vec::new());
        let _ = T::deserialize(&mut f);
        let mut v: Vec<String> = f.0.iter().map(|s| (*s).to_owned()).collect();
        v.sort();
        v
    }

    fn properties(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
        let mut v: Vec<String> = schema
            .pointer(pointer)
            .and_then(serde_json::Value::as_object)
            .unwrap_or_else(|| panic!("{pointer} in the plan schema"))
            .keys()
            .cloned()
            .collect();
        v.sort();
        v
    }

    #[test]
    fn plan_schema_matches_the_parser() {
        let schema: serde_json::Value =
            serde_json::from_str(crate::schemas::get("plan").unwrap()).unwrap();
        assert_eq!(fields::<RawPlan>(), properties(&schema, "/properties"));
        assert_eq!(
            fields::<RawHeader>(),
            properties(&schema, "/properties/plan/properties")
        );
        assert_eq!(
            fields::<RawColumns>(),
            properties(&schema, "/properties/columns/properties")
        );
        assert_eq!(
            fields::<RawTask>(),
            properties(&schema, "/$defs/task/properties")
        );
    }
}
