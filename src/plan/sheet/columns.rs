//! A task sheet's header: which column holds what, by the names a clerk gives them (Chinese
//! first, the plan's English keys too), annotations such as `（必填）` or `*` ignored as in
//! the tables' headers (SPEC.md §3.2).

use crate::base::normalize;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::columns::{bare_key, key};

/// What a column of the task sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Col {
    Id,
    Name,
    Items,
    Basis,
    Ratio,
    Count,
    Strata,
    Allocation,
    TeamSize,
    Department,
    /// 定向条件: not read from a sheet (a filter is written in the plan).
    Filter,
    /// 抽查类型: 定向 or 不定向, checked against the filter the sheet cannot give.
    Kind,
}

/// Every column with the names a header may give it, the first the one messages show.
const NAMES: &[(Col, &[&str])] = &[
    (
        Col::Id,
        &[
            "任务编号",
            "任务代码",
            "任务号",
            "任务ID",
            "编号",
            "id",
            "task_id",
        ],
    ),
    (
        Col::Name,
        &[
            "任务名称",
            "抽查任务名称",
            "抽查任务",
            "任务",
            "名称",
            "name",
            "task_name",
        ],
    ),
    (
        Col::Items,
        &[
            "抽查事项",
            "检查事项",
            "抽查内容",
            "检查内容",
            "事项",
            "items",
        ],
    ),
    (
        Col::Basis,
        &["抽查依据", "检查依据", "法律依据", "依据", "basis"],
    ),
    (Col::Ratio, &["抽查比例", "抽取比例", "比例", "ratio"]),
    (
        Col::Count,
        &[
            "抽查数量",
            "抽取数量",
            "抽查户数",
            "抽取户数",
            "抽查家数",
            "数量",
            "户数",
            "count",
        ],
    ),
    (
        Col::Strata,
        &["分层", "分层依据", "分层列", "分层字段", "strata"],
    ),
    (
        Col::Allocation,
        &["分配方式", "数量分配方式", "分配", "allocation"],
    ),
    (
        Col::TeamSize,
        &[
            "每组人数",
            "检查组人数",
            "每组执法人员数",
            "每组检查人员数",
            "组人数",
            "team_size",
        ],
    ),
    (
        Col::Department,
        &[
            "执法人员科室",
            "执法人员部门",
            "执法人员所属部门",
            "检查人员科室",
            "执法科室",
            "科室",
            "officer_department",
            "department",
        ],
    ),
    (
        Col::Filter,
        &["定向条件", "定向抽查条件", "筛选条件", "定向范围", "filter"],
    ),
    (Col::Kind, &["抽查类型", "抽查方式", "是否定向"]),
];

/// The column a header cell names, if any: by its key, then without its annotations.
pub(crate) fn resolve(header: &str) -> Option<Col> {
    let find = |k: &str| {
        NAMES
            .iter()
            .find(|(_, names)| names.iter().any(|n| key(n) == k))
            .map(|(c, _)| *c)
    };
    find(&key(header)).or_else(|| bare_key(header).and_then(|k| find(&k)))
}

/// The names a column may be given, for a message: the first two Chinese ones and the
/// English one.
fn names_of(col: Col) -> String {
    let names = NAMES
        .iter()
        .find(|(c, _)| *c == col)
        .map_or(&[][..], |(_, n)| n);
    let chinese = names.iter().filter(|n| !n.is_ascii()).take(2);
    let english = names.iter().filter(|n| n.is_ascii()).take(1);
    chinese
        .chain(english)
        .copied()
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The name a message gives a column the sheet lacks.
fn first_name(col: Col) -> &'static str {
    NAMES
        .iter()
        .find(|(c, _)| *c == col)
        .map_or("", |(_, n)| n[0])
}

/// True when a row, read as a header, names two columns of a task sheet, its id or its name
/// among them: the header row, below any title rows. (A header lacking one of the two is
/// still found, and refused for the column it lacks.)
pub(crate) fn is_header(cells: &[String]) -> bool {
    let mut cols: Vec<Col> = cells.iter().filter_map(|c| resolve(c)).collect();
    cols.sort();
    cols.dedup();
    cols.len() >= 2 && (cols.contains(&Col::Id) || cols.contains(&Col::Name))
}

/// A task sheet's header resolved.
pub(crate) struct Header {
    /// Each column read, with its index in the grid and its header as written.
    pub(crate) cols: Vec<(Col, usize, String)>,
    /// The headers of the columns not read.
    pub(crate) unread: Vec<String>,
}

impl Header {
    /// Resolves the header cells; `at(i)` locates cell `i` (`None`: the header row).
    pub(crate) fn resolve(
        cells: &[String],
        at: &dyn Fn(Option<usize>) -> Location,
    ) -> Result<Header> {
        let mut cols: Vec<(Col, usize, String)> = Vec::new();
        let mut unread = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let text = normalize::text(cell);
            if text.is_empty() {
                continue;
            }
            match resolve(&text) {
                None => unread.push(text),
                Some(col) => {
                    if let Some((_, first, other)) = cols.iter().find(|(c, ..)| *c == col) {
                        return Err(Error::with_id(
                            ErrorKind::DuplicateColumn,
                            "plan-sheet-duplicate-column",
                        )
                        .at(at(Some(i)))
                        .arg("header", text)
                        .arg("other", other.clone())
                        .arg("first", *first as u64 + 1)
                        .arg("column", first_name(col)));
                    }
                    cols.push((col, i, text));
                }
            }
        }
        let found = || {
            cells
                .iter()
                .map(|c| normalize::text(c))
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        };
        for col in [Col::Id, Col::Name] {
            if !cols.iter().any(|(c, ..)| *c == col) {
                return Err(
                    Error::with_id(ErrorKind::MissingColumn, "plan-sheet-missing-column")
                        .at(at(None))
                        .arg("column", first_name(col))
                        .arg("names", names_of(col))
                        .arg("found", found()),
                );
            }
        }
        if !cols
            .iter()
            .any(|(c, ..)| matches!(c, Col::Ratio | Col::Count))
        {
            return Err(Error::with_id(
                ErrorKind::MissingColumn,
                "plan-sheet-missing-quota-column",
            )
            .at(at(None))
            .arg("found", found()));
        }
        Ok(Header { cols, unread })
    }

    /// The grid index and header of a column, when the sheet has it.
    pub(crate) fn get(&self, col: Col) -> Option<(usize, &str)> {
        self.cols
            .iter()
            .find(|(c, ..)| *c == col)
            .map(|(_, i, h)| (*i, h.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_as_clerks_write_them() {
        assert_eq!(resolve("任务编号（必填）"), Some(Col::Id));
        assert_eq!(resolve("任务名称*"), Some(Col::Name));
        assert_eq!(resolve("抽查比例(%)"), Some(Col::Ratio));
        assert_eq!(resolve("Team_Size"), Some(Col::TeamSize));
        assert_eq!(resolve("分层依据"), Some(Col::Strata));
        assert_eq!(resolve("执法人员科室"), Some(Col::Department));
        assert_eq!(resolve("序号"), None);
        assert_eq!(resolve("备注"), None);
        // A department that leads the task is not the officers' department.
        assert_eq!(resolve("牵头部门"), None);
        let cells = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(is_header(&cells(&["序号", "任务编号", "任务名称"])));
        assert!(is_header(&cells(&["序号", "任务名称", "抽查比例"])));
        assert!(!is_header(&cells(&["某某县2027年度抽查任务表"])));
        assert!(!is_header(&cells(&["任务名称", "任务"])));
        assert!(!is_header(&cells(&["抽查比例", "抽查数量"])));
        let at = |_: Option<usize>| Location::file("t.csv");
        let e = Header::resolve(&cells(&["任务名称", "比例"]), &at)
            .err()
            .unwrap();
        assert_eq!(e.kind(), ErrorKind::MissingColumn);
        assert_eq!(e.value("column").unwrap().to_string(), "任务编号");
        let e = Header::resolve(&cells(&["任务编号", "任务名称", "备注"]), &at)
            .err()
            .unwrap();
        assert_eq!(e.message_id(), "plan-sheet-missing-quota-column");
        let e = Header::resolve(&cells(&["任务编号", "任务名称", "比例", "抽查比例"]), &at)
            .err()
            .unwrap();
        assert_eq!(e.kind(), ErrorKind::DuplicateColumn);
        let h = Header::resolve(&cells(&["序号", "编号", "名称", "数量", "备注"]), &at).unwrap();
        assert_eq!(h.unread, ["序号", "备注"]);
        assert_eq!(h.get(Col::Count), Some((3, "数量")));
    }
}
