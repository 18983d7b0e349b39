//! The results of a warehouse's two queries (SPEC.md §7.5), read: the **census** (the
//! directory's rows; per task, each stratum's frame size and the targets excluded by status)
//! and the **candidates** (each stratum's head of the ranking). [`super::warehouse`] draws
//! from them.

use std::collections::{BTreeMap, HashMap};

use crate::base::canonical::Hash;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY, Plan};

/// The census query's result (SPEC.md §7.5): the directory's rows, and for each task the
/// frame size of each stratum and the targets the status rule excludes, by reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Census {
    pub(crate) source: String,
    pub(crate) rows: u64,
    pub(crate) tasks: HashMap<String, TaskCensus>,
    /// The possible listed exclusions the census read (SPEC.md §7.5), when it read them:
    /// their number and their digest ([`possible_listed_digest`]).
    pub(crate) listed_read: Option<(u64, Hash)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TaskCensus {
    pub(crate) strata: BTreeMap<Vec<String>, u64>,
    pub(crate) excluded: BTreeMap<String, u64>,
    /// The digest of the task's listed exclusions and their number (SPEC.md §6.1).
    pub(crate) listed: Option<(Hash, u64)>,
}

/// The reason of a census row that gives a task's listed exclusions (its digest in the
/// `listed` column) or, for no task, the rows of the possible listed exclusions read.
const LISTED: &str = "listed";

/// One row of the candidates query's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) line: u64,
    pub(crate) task: String,
    pub(crate) target: String,
    pub(crate) rank: u64,
    pub(crate) ticket: String,
    pub(crate) name: String,
    pub(crate) region: Option<String>,
    pub(crate) stratum: Vec<String>,
}

/// The candidates query's result (SPEC.md §7.5): for each task, the head of each stratum's
/// ranking — target, rank, ticket, name, stratum values and, when the plan matches officers by
/// jurisdiction, region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidates {
    pub(crate) source: String,
    pub(crate) rows: Vec<Candidate>,
}

/// 64 hex digits as a digest.
fn hex_digest(hex: &str) -> Option<Hash> {
    hex::decode(hex).ok().and_then(|d| <Hash>::try_from(d).ok())
}

/// The digest of a table of possible listed exclusions (SPEC.md §7.5), as the census computes
/// it over the rows it read: `SHA-256("shuangsui/v2/possible-listed" LF, then each row's
/// task TAB target TAB reason LF, the rows sorted by task TAB target)`.
pub fn possible_listed_digest<'a>(
    rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
) -> Hash {
    use sha2::Digest as _;
    let mut lines: Vec<String> = rows
        .into_iter()
        .map(|(task, target, reason)| format!("{task}\t{target}\t{reason}\n"))
        .collect();
    // By task TAB target: the line up to its second tab.
    let key = |l: &String| {
        l.rsplit_once('\t')
            .map(|(head, _)| head.to_owned())
            .unwrap_or_default()
    };
    lines.sort_by_cached_key(key);
    let mut h = sha2::Sha256::new();
    h.update(format!(
        "shuangsui/v{}/possible-listed\n",
        crate::base::canonical::SPEC_VERSION
    ));
    for l in &lines {
        h.update(l.as_bytes());
    }
    h.finalize().into()
}

pub(crate) fn error(id: &'static str, at: Location) -> Error {
    Error::with_id(ErrorKind::Warehouse, id).at(at)
}

/// A query result as CSV (RFC 4180, UTF-8, a header): its records with their lines, and the
/// position of each named column.
struct Csv {
    header: Vec<String>,
    records: Vec<(u64, csv::StringRecord)>,
}

impl Csv {
    fn read(source: &str, bytes: &[u8]) -> Result<Csv> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(bytes);
        let bad = |e: csv::Error| {
            let line = e.position().map_or(1, csv::Position::line);
            error("warehouse-csv", Location::line(source, line)).arg("problem", e.to_string())
        };
        let header: Vec<String> = reader
            .headers()
            .map_err(bad)?
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let mut records = Vec::new();
        for r in reader.records() {
            let r = r.map_err(bad)?;
            records.push((r.position().map_or(0, csv::Position::line), r));
        }
        Ok(Csv { header, records })
    }

    fn column(&self, source: &str, name: &str) -> Result<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            let tabs = self.header.len() == 1 && self.header[0].contains('\t');
            let id = if tabs {
                "warehouse-column-tabs"
            } else {
                "warehouse-column"
            };
            error(id, Location::file(source))
                .arg("column", name)
                .arg("found", self.header.join(", "))
        })
    }

    /// The stratum columns `s1`, `s2`, … present.
    fn strata(&self) -> Vec<usize> {
        (1..)
            .map_while(|i| self.header.iter().position(|h| *h == format!("s{i}")))
            .collect()
    }
}

fn number(source: &str, line: u64, column: &str, value: &str) -> Result<u64> {
    value.parse::<u64>().map_err(|_| {
        error("warehouse-number", Location::line(source, line))
            .arg("column", column)
            .arg("value", value)
    })
}

/// A task's stratum values from a row's `s1`, `s2`, … cells: the task's number of them, the
/// rest empty.
fn stratum(
    source: &str,
    line: u64,
    record: &csv::StringRecord,
    columns: &[usize],
    arity: usize,
    task: &str,
) -> Result<Vec<String>> {
    if columns.len() < arity {
        return Err(error("warehouse-strata-columns", Location::file(source))
            .arg("task", task)
            .arg("wanted", arity as u64)
            .arg("found", columns.len() as u64));
    }
    if columns[arity..].iter().any(|&c| !record[c].is_empty()) {
        return Err(
            error("warehouse-strata-extra", Location::line(source, line)).arg("task", task),
        );
    }
    Ok(columns[..arity]
        .iter()
        .map(|&c| record[c].to_owned())
        .collect())
}

pub(crate) fn plan_task<'p>(
    plan: &'p Plan,
    source: &str,
    line: u64,
    id: &str,
) -> Result<&'p crate::plan::Task> {
    plan.tasks.iter().find(|t| t.id == id).ok_or_else(|| {
        error("warehouse-unknown-task", Location::line(source, line))
            .arg("task", id)
            .arg(
                "tasks",
                plan.tasks
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
    })
}

impl Census {
    /// Reads the census query's result: columns `task`, `reason`, `s1` … `sK`, `n`; one row
    /// with an empty `task` giving the directory's rows; for a task, a row per stratum with an
    /// empty `reason` (its frame size) and a row per status reason (`s` cells empty).
    ///
    /// # Errors
    ///
    /// The result is not such a table, names a task or a reason the plan does not have, or
    /// repeats a row.
    pub fn parse(source: &str, bytes: &[u8], plan: &Plan) -> Result<Census> {
        let csv = Csv::read(source, bytes)?;
        let (task_c, reason_c, n_c) = (
            csv.column(source, "task")?,
            csv.column(source, "reason")?,
            csv.column(source, "n")?,
        );
        let strata_c = csv.strata();
        let listed_c = csv.header.iter().position(|h| h == LISTED);
        let mut rows = None;
        let mut listed_read = None;
        let mut tasks: HashMap<String, TaskCensus> = HashMap::new();
        let repeated = |line: u64, task: &str| {
            error("warehouse-census-repeated", Location::line(source, line)).arg("task", task)
        };
        for (line, r) in &csv.records {
            let (line, task, reason) = (*line, &r[task_c], &r[reason_c]);
            let n = number(source, line, "n", &r[n_c])?;
            if task.is_empty() {
                let again = if reason == LISTED {
                    let digest = hex_digest(listed_c.map_or("", |c| &r[c])).ok_or_else(|| {
                        error(
                            "warehouse-census-listed-digest",
                            Location::line(source, line),
                        )
                        .arg("task", "")
                        .arg("value", listed_c.map_or("", |c| &r[c]))
                    })?;
                    listed_read.replace((n, digest)).is_some()
                } else {
                    rows.replace(n).is_some()
                };
                if again {
                    return Err(if reason == LISTED {
                        repeated(line, task)
                    } else {
                        error("warehouse-census-rows", Location::line(source, line))
                    });
                }
                continue;
            }
            let t = plan_task(plan, source, line, task)?;
            let entry = tasks.entry(task.to_owned()).or_default();
            let again = if reason.is_empty() {
                let key = stratum(source, line, r, &strata_c, t.strata.len(), task)?;
                entry.strata.insert(key, n).is_some()
            } else if reason == LISTED {
                let hex = listed_c.map_or("", |c| &r[c]);
                let digest = hex_digest(hex).ok_or_else(|| {
                    error(
                        "warehouse-census-listed-digest",
                        Location::line(source, line),
                    )
                    .arg("task", task)
                    .arg("value", hex)
                })?;
                entry.listed.replace((digest, n)).is_some()
            } else {
                let listed = [EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP].contains(&reason);
                if !listed && !plan.exclude_status.iter().any(|k| k == reason) {
                    return Err(
                        error("warehouse-census-reason", Location::line(source, line))
                            .arg("task", task)
                            .arg("reason", reason),
                    );
                }
                stratum(source, line, r, &strata_c, 0, task)?;
                entry.excluded.insert(reason.to_owned(), n).is_some()
            };
            if again {
                return Err(repeated(line, task));
            }
        }
        let rows = rows.ok_or_else(|| error("warehouse-census-rows", Location::file(source)))?;
        for t in tasks.values_mut() {
            t.strata.retain(|_, n| *n > 0);
            t.excluded.retain(|_, n| *n > 0);
        }
        Ok(Census {
            source: source.to_owned(),
            rows,
            tasks,
            listed_read,
        })
    }

    /// The directory's rows.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Whether the census read possible listed exclusions (SPEC.md §7.5): the candidates
    /// query must then read them too.
    pub fn read_listed(&self) -> bool {
        self.listed_read.is_some()
    }
}

impl Candidates {
    /// Reads the candidates query's result: columns `task`, `target`, `rank`, `ticket`,
    /// `name`, `s1` … `sK` and, when the plan matches by jurisdiction, `region`.
    ///
    /// # Errors
    ///
    /// The result is not such a table, or names a task the plan does not have.
    pub fn parse(source: &str, bytes: &[u8], plan: &Plan) -> Result<Candidates> {
        let csv = Csv::read(source, bytes)?;
        let c = |name| csv.column(source, name);
        let (task_c, target_c, rank_c, ticket_c, name_c) = (
            c("task")?,
            c("target")?,
            c("rank")?,
            c("ticket")?,
            c("name")?,
        );
        let regions = plan.tasks.iter().any(|t| t.officer_region.is_some());
        let region_c = if regions { Some(c("region")?) } else { None };
        let strata_c = csv.strata();
        let mut rows = Vec::with_capacity(csv.records.len());
        for (line, r) in &csv.records {
            let line = *line;
            let t = plan_task(plan, source, line, &r[task_c])?;
            rows.push(Candidate {
                line,
                task: t.id.clone(),
                target: r[target_c].to_owned(),
                rank: number(source, line, "rank", &r[rank_c])?,
                ticket: r[ticket_c].to_owned(),
                name: r[name_c].to_owned(),
                region: region_c.map(|c| r[c].to_owned()),
                stratum: stratum(source, line, r, &strata_c, t.strata.len(), &t.id)?,
            });
        }
        Ok(Candidates {
            source: source.to_owned(),
            rows,
        })
    }
}

/// What a warehouse gave for a directory it holds (SPEC.md §7.5), kept in the [`Inputs`].
#[derive(Debug)]
pub(crate) struct Held {
    pub(crate) census: Census,
    pub(crate) candidates: Candidates,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn plan() -> Plan {
        let text = "[plan]\nid = \"p\"\nname = \"n\"\nauthority = \"a\"\n\n[[tasks]]\nid = \"T1\"\nname = \"t\"\nstrata = [\"risk\"]\nratio = \"50%\"\nteam_size = 2\n";
        Plan::parse("plan.toml", text.as_bytes()).unwrap()
    }

    fn census(text: &str) -> Result<Census> {
        Census::parse("census.csv", text.as_bytes(), &plan())
    }

    #[test]
    fn a_census_reads_rows_frames_and_status_reasons_in_any_header_case() {
        let c = census("\u{feff}TASK,Reason,s1,N\n,,,5\nT1,,A,2\nT1,,B,1\nT1,注销,,2\nT1,,C,0\n")
            .unwrap();
        assert_eq!(c.rows(), 5);
        let t = &c.tasks["T1"];
        assert_eq!(
            t.strata.iter().collect::<Vec<_>>(),
            [(&vec!["A".to_owned()], &2), (&vec!["B".to_owned()], &1)]
        );
        assert_eq!(t.excluded.get("注销"), Some(&2));
    }

    #[test]
    fn a_census_that_is_not_the_plans_is_refused_with_its_line() {
        for (text, says) in [
            (
                "task,reason,s1,n\nT1,,A,2\n",
                "exactly one row with an empty task",
            ),
            (
                "task,reason,s1,n\n,,,5\n,,,5\n",
                "exactly one row with an empty task",
            ),
            (
                "task,reason,s1,n\n,,,5\nT9,,A,1\n",
                "task 'T9', which the plan does not have",
            ),
            (
                "task,reason,s1,n\n,,,5\nT1,,A,x\n",
                "holds 'x', not a whole number",
            ),
            (
                "task,reason,s1,n\n,,,5\nT1,,A,1\nT1,,A,2\n",
                "counted twice",
            ),
            (
                "task,reason,s1,n\n,,,5\nT1,停业,,1\n",
                "not one of the plan's exclude_status",
            ),
            (
                "task,reason,n\n,,5\nT1,,1\n",
                "1 strata columns but the result has 0",
            ),
            ("task\treason\ts1\tn\n", "separated by tabs"),
        ] {
            let e = census(text).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Warehouse, "{text}");
            assert!(e.to_string().contains(says), "{text}: {e}");
            assert!(!e.message(Lang::Zh).is_empty());
        }
    }

    #[test]
    fn candidates_name_their_columns_and_tasks() {
        let ok = Candidates::parse(
            "candidates.csv",
            "task,target,rank,ticket,name,s1\nT1,91110000802100433B,1,ab,甲,A\n".as_bytes(),
            &plan(),
        )
        .unwrap();
        assert_eq!(ok.rows.len(), 1);
        assert_eq!(ok.rows[0].stratum, ["A"]);
        let e = Candidates::parse("candidates.csv", b"task,target,rank,name,s1\n", &plan())
            .unwrap_err();
        assert!(e.to_string().contains("no column 'ticket'"), "{e}");
    }
}
