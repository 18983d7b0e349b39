//! The plan's model: tasks, quotas, rules and the values they take (SPEC.md §4).

use std::collections::{BTreeMap, BTreeSet};

use crate::base::canonical::Hash;
use crate::dates::Date;
use crate::error::Location;

/// The exclusion reason (SPEC.md §6.1) of a target with too many inspections this year.
pub const ANNUAL_CAP: &str = "annual_cap";
/// The exclusion reason (SPEC.md §6.1) of a target an earlier batch of the task drew.
pub const EARLIER_BATCH: &str = "earlier_batch";
/// The exclusion reason (SPEC.md §6.1) of a target inspected within a task's window.
pub const INSPECTED_RECENTLY: &str = "inspected_recently";

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
    /// Where the public sends questions and objections (联系方式: an office, a telephone
    /// number), for the notices only; `""` when the plan gives none.
    pub contact: String,
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
    /// four decimals, a percent sign, at most 100%; full-width characters as their ASCII
    /// forms (`"5％"`), as an identifier reads them (SPEC.md §4.1).
    pub fn parse(s: &str) -> Option<Ratio> {
        let s = crate::base::normalize::identifier(s);
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
