//! What a task sheet gives: the plan's own keys (from the caller), each row read as a task,
//! and the plan written from them.

use crate::error::Location;
use crate::plan::model::{Plan, Ratio};

use super::columns::Col;

/// The plan's own keys (`[plan]`), which a task sheet does not hold: the caller gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanHeader {
    /// The plan's id (计划编号); required.
    pub id: String,
    /// The plan's name (计划名称); required.
    pub name: String,
    /// The authority carrying out the inspections; `""` when not given.
    pub authority: String,
    /// Where objections go (联系方式); `""` when not given.
    pub contact: String,
    /// The draw date, in any form of SPEC.md §3.3; written as `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// How many a task draws, as its row says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetQuota {
    /// A ratio (抽查比例); `number` is the cell's text when it was a number a percent cell
    /// shows as a percentage (`0.03`, shown as `3%`).
    Ratio {
        /// The ratio.
        ratio: Ratio,
        /// The number the cell held, when it was one.
        number: Option<String>,
    },
    /// A number of entities (抽查数量).
    Count(u64),
}

/// How a count is spread over strata (分配方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allocation {
    /// 按比例: in proportion to the strata's sizes.
    Proportional,
    /// 平均: equally.
    Equal,
    /// 每层: the count from each stratum.
    PerStratum,
}

impl Allocation {
    /// The plan's name for it: `proportional`, `equal`, `per_stratum`.
    pub fn as_str(self) -> &'static str {
        match self {
            Allocation::Proportional => "proportional",
            Allocation::Equal => "equal",
            Allocation::PerStratum => "per_stratum",
        }
    }
}

/// One row of the task sheet, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetTask {
    /// The row: the file, the worksheet and the row number (or line).
    pub at: Location,
    /// 任务编号.
    pub id: String,
    /// 任务名称.
    pub name: String,
    /// 抽查事项, one per item of the cell.
    pub items: Vec<String>,
    /// 抽查依据; `""` when empty.
    pub basis: String,
    /// 抽查比例 or 抽查数量.
    pub quota: SheetQuota,
    /// 分层: the columns of the directory to stratify on, as the cell names them.
    pub strata: Vec<String>,
    /// 分配方式, when given.
    pub allocation: Option<Allocation>,
    /// 每组人数, when given (the plan's default is 2).
    pub team_size: Option<u64>,
    /// 执法人员科室: the officers' departments the team is drawn from (empty: all).
    pub departments: Vec<String>,
    /// The values of the row that a merged cell gave it, in the order of the sheet's columns.
    pub merged: Vec<MergedValue>,
}

/// A value a row takes from a merged cell: Excel keeps it in the merged range's first cell
/// and shows it in every row the range covers, and so it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedValue {
    /// The column's header, as the sheet writes it (`每组人数`).
    pub column: String,
    /// The merged range, as Excel names it (`J3:J5`).
    pub range: String,
    /// What the column holds.
    pub(crate) col: Col,
}

/// A plan written from a task sheet.
#[derive(Debug, Clone)]
pub struct SheetPlan {
    /// The plan's TOML, commented, as a clerk edits it.
    pub text: String,
    /// The plan, parsed from [`SheetPlan::text`] by [`Plan::parse`].
    pub plan: Plan,
    /// The tasks, in the order of the sheet.
    pub tasks: Vec<SheetTask>,
    /// The worksheet read, for an `.xlsx`.
    pub sheet: Option<String>,
    /// The headers of the columns not read (序号, 备注 …), in the order of the sheet.
    pub unread: Vec<String>,
}
