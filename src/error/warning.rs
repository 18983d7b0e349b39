//! Warnings: worth telling the user, they do not stop the draw.

use std::fmt;

use crate::messages::{Arg, Catalog, Lang, msg};

/// Something worth telling the user that does not stop the draw.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A ratio table names a stratum value that never occurs in the frame.
    UnusedRatio {
        /// The task.
        task: String,
        /// The stratum key as written in the plan.
        stratum: String,
    },
    /// The roster has no certificate column, so certificates were not checked.
    CertificatesNotChecked,
    /// A fixed count is larger than the frame: every target is drawn.
    CountExceedsFrame {
        /// The task.
        task: String,
        /// The requested count.
        count: u64,
        /// The frame size.
        frame: u64,
    },
    /// Some values of a column a date or number condition reads are not dates (numbers):
    /// they fail the condition, so those targets are outside the frame (SPEC.md §4.2).
    UnreadableFilterValues {
        /// The task.
        task: String,
        /// The column.
        column: String,
        /// `"date"` or `"number"`.
        expected: &'static str,
        /// How many non-empty values are not of that kind.
        rows: u64,
        /// The first few of them.
        examples: Vec<String>,
    },
    /// The plan excludes statuses but the directory has no status column: nobody is
    /// excluded by status (SPEC.md §6.1).
    NoStatusColumn {
        /// Dropped headers that look like a status column (`企业登记状态`).
        candidates: Vec<String>,
    },
    /// A status holds an exclusion keyword but is not excluded: keywords match
    /// whole statuses or the part before a bracket or comma (SPEC.md §6.1).
    StatusNotExcluded {
        /// The status value.
        status: String,
        /// The keyword it contains.
        keyword: String,
        /// How many targets have it.
        rows: u64,
    },
}

impl Warning {
    /// The warning in a language.
    pub fn message(&self, lang: Lang) -> String {
        let (id, args): (&str, Vec<(&str, Arg)>) = match self {
            Warning::UnusedRatio { task, stratum } => (
                "warning-unused-ratio",
                vec![("task", task.into()), ("stratum", stratum.into())],
            ),
            Warning::CertificatesNotChecked => ("warning-certificates-not-checked", vec![]),
            Warning::CountExceedsFrame { task, count, frame } => (
                "warning-count-exceeds-frame",
                vec![
                    ("task", task.into()),
                    ("count", (*count).into()),
                    ("frame", (*frame).into()),
                ],
            ),
            Warning::UnreadableFilterValues {
                task,
                column,
                expected,
                rows,
                examples,
            } => (
                "warning-unreadable-filter-values",
                vec![
                    ("task", task.into()),
                    ("rows", (*rows).into()),
                    ("column", column.into()),
                    (
                        "expected",
                        match *expected {
                            "date" => msg("warning-filter-expected-date").into(),
                            "number" => msg("warning-filter-expected-number").into(),
                            other => other.into(),
                        },
                    ),
                    (
                        "examples",
                        list(
                            lang,
                            examples
                                .iter()
                                .map(|e| msg("warning-filter-example").arg("value", e).text(lang)),
                        )
                        .into(),
                    ),
                ],
            ),
            Warning::NoStatusColumn { candidates } if candidates.is_empty() => {
                ("warning-no-status-column", vec![])
            }
            Warning::NoStatusColumn { candidates } => (
                "warning-no-status-column-candidates",
                vec![
                    ("candidates", list(lang, candidates.iter().cloned()).into()),
                    ("first", (&candidates[0]).into()),
                ],
            ),
            Warning::StatusNotExcluded {
                status,
                keyword,
                rows,
            } => (
                "warning-status-not-excluded",
                vec![
                    ("status", status.escape_debug().to_string().into()),
                    ("rows", (*rows).into()),
                    ("keyword", keyword.escape_debug().to_string().into()),
                ],
            ),
        };
        Catalog::library().message(lang, id, &args)
    }
}

/// Items of a list joined as the language writes them (`, ` in English, `、` in Chinese).
fn list(lang: Lang, items: impl Iterator<Item = String>) -> String {
    let separator = Catalog::library().message(lang, "list-separator", &[]);
    items.collect::<Vec<_>>().join(&separator)
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_names_the_kind_of_value_and_lists_in_either_language() {
        let w = Warning::UnreadableFilterValues {
            task: "T1".into(),
            column: "成立日期".into(),
            expected: "date",
            rows: 2,
            examples: vec!["去年".into(), "2027-13-01".into()],
        };
        assert_eq!(
            w.to_string(),
            "task 'T1': 2 targets have a '成立日期' that is not a date ('去年', '2027-13-01'): they fail the filter and are outside the frame; correct the values if they should be in it"
        );
        let zh = w.message(Lang::Zh);
        assert!(
            zh.contains("“成立日期”不是日期（“去年”、“2027-13-01”）"),
            "{zh}"
        );
        let w = Warning::NoStatusColumn {
            candidates: vec!["企业状态".into(), "经营状态".into()],
        };
        assert!(
            w.to_string()
                .contains("the headers 企业状态, 经营状态 were dropped")
        );
        assert!(
            w.message(Lang::Zh)
                .contains("表头 企业状态、经营状态 已被舍弃")
        );
    }
}
