//! Target selection: the frame, strata, tickets and the smallest tickets of
//! each stratum (SPEC.md §7).

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use sha2::{Digest as _, Sha256};

use crate::allocation;
use crate::canonical::{Hash, to_hex};
use crate::dates::Date;
use crate::digest::SPEC_VERSION;
use crate::eligibility;
use crate::error::{Error, Location, Result, Warning};
use crate::history::History;
use crate::input::{Columns, Directory, Row};
use crate::plan::{Condition, Filter, Quota, Spread, Task};

/// Computes tickets for many ids under one key: the fixed prefix is hashed
/// once and cloned per id.
#[derive(Clone)]
pub struct Ticketer {
    prefix: Sha256,
}

impl Ticketer {
    /// A target ticketer for a task:
    /// `ticket(id) = SHA-256("shuangsui/v1/target-ticket:" ‖ hex(task_key) ‖ ":" ‖ id)`.
    pub fn targets(task_key: &Hash) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/target-ticket:{}:",
            to_hex(task_key)
        ))
    }

    /// An officer ticketer for one round of a task:
    /// `SHA-256("shuangsui/v1/officer-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(round) ‖ ":" ‖ id)`.
    pub fn officers(task_key: &Hash, round: u64) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/officer-ticket:{}:{round}:",
            to_hex(task_key)
        ))
    }

    /// An officer ticketer for one round of one part of a joint task:
    /// `SHA-256("shuangsui/v1/joint-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(part) ‖ ":" ‖ decimal(round) ‖ ":" ‖ id)`.
    pub fn joint(task_key: &Hash, part: u64, round: u64) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/joint-ticket:{}:{part}:{round}:",
            to_hex(task_key)
        ))
    }

    /// The replacement ticketer of ledger entry `seq` (SPEC.md §9.4):
    /// `SHA-256("shuangsui/v1/replacement-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(seq) ‖ ":" ‖ id)`.
    pub fn replacement(task_key: &Hash, seq: u64) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/replacement-ticket:{}:{seq}:",
            to_hex(task_key)
        ))
    }

    fn with_prefix(prefix: &str) -> Self {
        let mut h = Sha256::new();
        h.update(prefix.as_bytes());
        Self { prefix: h }
    }

    /// The ticket of one id.
    pub fn ticket(&self, id: &str) -> Hash {
        let mut h = self.prefix.clone();
        h.update(id.as_bytes());
        h.finalize().into()
    }
}

/// One selected target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// Index of the row in the [`Directory`].
    pub row: usize,
    /// Its ticket.
    pub ticket: Hash,
    /// 1-based position in its stratum's ranking.
    pub rank: u64,
}

/// The draw of one stratum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StratumDraw {
    /// The stratum's values, one per strata column; empty without strata.
    pub key: Vec<String>,
    /// Targets of the frame in this stratum.
    pub frame: u64,
    /// The quota applied, as text: `"3%"` or `"40"`.
    pub quota: String,
    /// The allocated count.
    pub count: u64,
    /// The selected targets, in ticket order.
    pub picks: Vec<Pick>,
}

/// The target draw of one task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Targets passing the filter.
    pub frame: u64,
    /// The strata in canonical order.
    pub strata: Vec<StratumDraw>,
}

impl Selection {
    /// Every pick, stratum by stratum, each stratum in ticket order: the
    /// order of the record and of officer matching.
    pub fn picks(&self) -> impl Iterator<Item = (&StratumDraw, &Pick)> {
        self.strata
            .iter()
            .flat_map(|s| s.picks.iter().map(move |p| (s, p)))
    }
}

/// Resolves a filter's columns against a table.
pub(crate) fn resolve_filter(
    filter: &Filter,
    table: &impl Columns,
    task: &Task,
    key: &str,
) -> Result<Vec<(usize, Condition)>> {
    filter
        .clauses
        .iter()
        .map(|(col, condition)| {
            let i = resolve_column(table, col, task, key, filter.at.as_ref())?;
            Ok((i, condition.clone()))
        })
        .collect()
}

/// The index of a column a task names, or an error naming the task, the key and the columns there are.
pub fn resolve_column(
    table: &impl Columns,
    column: &str,
    task: &Task,
    key: &str,
    at: Option<&Location>,
) -> Result<usize> {
    table
        .column_index(column)
        .ok_or_else(|| Error::UnknownColumn {
            note: if table
                .dropped_headers()
                .iter()
                .any(|d| crate::input::columns::column_name(d) == column)
            {
                ": it holds personal data and is dropped on reading".into()
            } else {
                String::new()
            },
            at: at.cloned().unwrap_or_else(|| task.at.clone()),
            task: task.id.clone(),
            key: key.to_owned(),
            column: column.to_owned(),
            table: table.table_kind().as_str().to_owned(),
            available: table.column_names().join(","),
        })
}

/// True when a row passes all clauses.
pub(crate) fn passes(row: &Row, clauses: &[(usize, Condition)]) -> bool {
    clauses
        .iter()
        .all(|(i, condition)| condition.passes(&row.values[*i]))
}

/// A task's frame, split into strata, with the exclusions counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Row indices of each stratum's eligible targets, strata in canonical order.
    pub strata: BTreeMap<Vec<String>, Vec<usize>>,
    /// Targets passing the filter and eligible.
    pub size: u64,
    /// Targets passing the filter but excluded, by reason (SPEC.md §6.1).
    pub excluded: BTreeMap<String, u64>,
    /// The excluded rows and their reasons, in table order.
    pub excluded_rows: Vec<(usize, String)>,
}

/// What, besides a task's own filter, decides its frame (SPEC.md §6.1).
#[derive(Debug, Clone, Copy)]
pub struct FrameRules<'a> {
    /// (task id, target id) drawn by earlier batches.
    pub earlier: &'a std::collections::HashSet<(String, String)>,
    /// Status keywords that make a target not inspectable.
    pub exclude_status: &'a [String],
    /// Past inspections.
    pub history: Option<&'a History>,
    /// The draw date.
    pub date: Option<Date>,
    /// The annual cap on inspections of one entity.
    pub cap: Option<u64>,
}

/// The exclusion reason of a target with too many inspections this year.
pub const ANNUAL_CAP: &str = "annual_cap";
/// The exclusion reason of a target an earlier batch of the task drew.
pub const EARLIER_BATCH: &str = "earlier_batch";
/// The exclusion reason of a target inspected within a task's window.
pub const INSPECTED_RECENTLY: &str = "inspected_recently";

/// A per-row lookup of something that depends only on a column's value:
/// computed once per distinct value of a coded column, per row otherwise.
enum ByValue<'a, T> {
    Coded {
        codes: &'a [u16],
        per_code: Vec<T>,
    },
    Text {
        dir: &'a Directory,
        column: usize,
        f: Box<dyn Fn(&str) -> T + Sync + 'a>,
    },
}

impl<'a, T: Copy> ByValue<'a, T> {
    fn new(dir: &'a Directory, column: usize, f: impl Fn(&str) -> T + Sync + 'a) -> Self {
        match dir.codes(column) {
            Some((codes, values)) => ByValue::Coded {
                codes,
                per_code: values.iter().map(|v| f(v)).collect(),
            },
            None => ByValue::Text {
                dir,
                column,
                f: Box::new(f),
            },
        }
    }

    fn get(&self, row: usize) -> T {
        match self {
            ByValue::Coded { codes, per_code } => per_code[usize::from(codes[row])],
            ByValue::Text { dir, column, f } => f(dir.value(row, *column)),
        }
    }
}

/// A range of rows' share of a frame.
#[derive(Default)]
struct Part {
    strata: HashMap<StratumKey, Vec<usize>>,
    order: Vec<StratumKey>,
    excluded: Vec<(usize, String)>,
}

/// A stratum's key while a frame is built: the codes of its coded columns packed
/// in 64 bits, or its values.
#[derive(Clone, PartialEq, Eq, Hash)]
enum StratumKey {
    Packed(u64),
    Values(Vec<String>),
}

/// Rows per unit of parallel work.
const ROWS_PER_JOB: usize = 1 << 16;

/// Computes a task's frame (SPEC.md §6): rows passing the filter and not
/// excluded by status, recent inspection or the annual cap, by stratum.
/// Rows are examined in parallel, in ranges joined in directory order.
pub fn frame(task: &Task, targets: &Directory, rules: &FrameRules<'_>) -> Result<Frame> {
    if task.exclude_inspected.is_some() && rules.history.is_none() {
        return Err(Error::MissingHistory {
            task: task.id.clone(),
        });
    }
    let clauses = resolve_filter(&task.filter, targets, task, "filter")?;
    let strata_cols: Vec<usize> = task
        .strata
        .iter()
        .zip(&task.strata_at)
        .map(|(c, at)| resolve_column(targets, c, task, "strata", Some(at)))
        .collect::<Result<_>>()?;
    let tests: Vec<ByValue<'_, bool>> = clauses
        .iter()
        .map(|(c, condition)| ByValue::new(targets, *c, |v| condition.passes(v)))
        .collect();
    let keywords = rules.exclude_status;
    let reason_of = |status: &str| {
        eligibility::target_exclusion(status, keywords)
            .and_then(|k| keywords.iter().position(|w| w == k))
    };
    let status = targets
        .column("status")
        .map(|c| ByValue::new(targets, c, reason_of));
    let histories = rules.history.zip(rules.date);
    // Strata keys: the codes of coded columns packed in a u64 when they fit,
    // otherwise the values themselves.
    let packed: Option<Vec<&[u16]>> = if strata_cols.len() <= 4 {
        strata_cols
            .iter()
            .map(|&c| targets.codes(c).map(|(codes, _)| codes))
            .collect()
    } else {
        None
    };
    let jobs = targets.len().div_ceil(ROWS_PER_JOB);
    let parts: Vec<Part> = (0..jobs)
        .into_par_iter()
        .map(|job| {
            let mut part = Part::default();
            let rows = job * ROWS_PER_JOB..((job + 1) * ROWS_PER_JOB).min(targets.len());
            'rows: for i in rows {
                for test in &tests {
                    if !test.get(i) {
                        continue 'rows;
                    }
                }
                if let Some(by) = &status
                    && let Some(k) = by.get(i)
                {
                    part.excluded.push((i, keywords[k].clone()));
                    continue;
                }
                if !rules.earlier.is_empty()
                    && rules
                        .earlier
                        .contains(&(task.id.clone(), targets.id(i).to_owned()))
                {
                    part.excluded.push((i, EARLIER_BATCH.to_owned()));
                    continue;
                }
                if let Some((history, day)) = histories {
                    let id = targets.id(i);
                    let reason = if task
                        .exclude_inspected
                        .is_some_and(|r| history.recently(id, task, r, day))
                    {
                        Some(INSPECTED_RECENTLY)
                    } else if rules.cap.is_some_and(|cap| history.in_year(id, day) >= cap) {
                        Some(ANNUAL_CAP)
                    } else {
                        None
                    };
                    if let Some(reason) = reason {
                        part.excluded.push((i, reason.to_owned()));
                        continue;
                    }
                }
                let key = match &packed {
                    Some(codes) => StratumKey::Packed(
                        codes.iter().fold(0_u64, |k, c| (k << 16) | u64::from(c[i])),
                    ),
                    None => StratumKey::Values(
                        strata_cols
                            .iter()
                            .map(|&c| targets.value(i, c).to_owned())
                            .collect(),
                    ),
                };
                if let Some(members) = part.strata.get_mut(&key) {
                    members.push(i);
                } else {
                    part.order.push(key.clone());
                    part.strata.insert(key, vec![i]);
                }
            }
            part
        })
        .collect();
    let mut strata: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    let mut excluded: BTreeMap<String, u64> = BTreeMap::new();
    let mut excluded_rows = Vec::new();
    for mut part in parts {
        for key in part.order {
            let members = part.strata.remove(&key).expect("every key has members");
            let values = match key {
                StratumKey::Values(v) => v,
                StratumKey::Packed(_) => strata_cols
                    .iter()
                    .map(|&c| targets.value(members[0], c).to_owned())
                    .collect(),
            };
            strata.entry(values).or_default().extend(members);
        }
        for (i, reason) in part.excluded {
            *excluded.entry(reason.clone()).or_default() += 1;
            excluded_rows.push((i, reason));
        }
    }
    let size: u64 = strata.values().map(|g| g.len() as u64).sum();
    if size == 0 {
        let filter = if task.filter.is_empty() {
            "(none)".to_owned()
        } else {
            task.filter.to_string()
        };
        return Err(Error::EmptyFrame {
            task: task.id.clone(),
            filter,
            rows: targets.len() as u64,
            excluded: excluded.values().sum(),
        });
    }
    Ok(Frame {
        strata,
        size,
        excluded,
        excluded_rows,
    })
}

/// One stratum's allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocated {
    /// The stratum's values.
    pub key: Vec<String>,
    /// Its frame size.
    pub frame: u64,
    /// The quota applied, as text: `"3%"` or `"40"`.
    pub quota: String,
    /// The count to draw.
    pub count: u64,
}

/// Allocates counts to a frame's strata (SPEC.md §6).
pub fn allocate(task: &Task, frame: &Frame) -> Result<(Vec<Allocated>, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let paths = match &task.quota {
        Quota::Ratio(tree) => tree.paths(),
        Quota::PerStratum(tree) => tree.paths(),
        Quota::Total { .. } => Vec::new(),
    };
    for path in paths {
        let occurs = frame
            .strata
            .keys()
            .any(|k| path.iter().zip(k).all(|(p, v)| p == "*" || p == v));
        if !occurs {
            warnings.push(Warning::UnusedRatio {
                task: task.id.clone(),
                stratum: path.join(" × "),
            });
        }
    }
    if let Quota::Total { count, .. } = task.quota
        && count > frame.size
    {
        warnings.push(Warning::CountExceedsFrame {
            task: task.id.clone(),
            count,
            frame: frame.size,
        });
    }
    let sizes: Vec<u64> = frame.strata.values().map(|m| m.len() as u64).collect();
    let spread = match task.quota {
        Quota::Total {
            count,
            spread: Spread::Proportional,
        } => Some(allocation::proportional(&sizes, count)),
        Quota::Total {
            count,
            spread: Spread::Equal,
        } => Some(allocation::equal(&sizes, count)),
        _ => None,
    };
    let strata_total = sizes.len();
    let mut out = Vec::with_capacity(frame.strata.len());
    for (i, (key, members)) in frame.strata.iter().enumerate() {
        let n = members.len() as u64;
        let missing = |table: &str| Error::NoRatioForStratum {
            task: task.id.clone(),
            table: table.to_owned(),
            stratum: key.join(" × "),
            frame: n,
        };
        let (quota, count) = match &task.quota {
            Quota::Ratio(tree) => {
                let r = tree.lookup(key).ok_or_else(|| missing("ratio"))?;
                (
                    r.to_string(),
                    allocation::ratio_count(n, r, task.rounding, task.min_per_stratum),
                )
            }
            Quota::PerStratum(tree) => {
                let c = tree.lookup(key).ok_or_else(|| missing("count"))?;
                (c.to_string(), allocation::fixed_count(n, c))
            }
            Quota::Total {
                count,
                spread: Spread::Whole,
            } => (count.to_string(), allocation::fixed_count(n, *count)),
            Quota::Total {
                count,
                spread: Spread::Proportional,
            } => (
                format!("{count} × {n}/{}", frame.size),
                spread.as_ref().map_or(0, |c| c[i]),
            ),
            Quota::Total {
                count,
                spread: Spread::Equal,
            } => (
                format!("{count} / {strata_total}"),
                spread.as_ref().map_or(0, |c| c[i]),
            ),
        };
        out.push(Allocated {
            key: key.clone(),
            frame: n,
            quota,
            count,
        });
    }
    Ok((out, warnings))
}

/// Draws a task's targets from its allocated frame (SPEC.md §7).
///
/// Tickets are computed on every core; a stratum's ranking is sorted only as far as
/// the walk goes (its count, and further when targets are skipped), by the tickets'
/// first 64 bits and, in the rare tie, the whole ticket and then the id.
pub fn select(
    task_key: &Hash,
    targets: &Directory,
    frame: &Frame,
    allocated: &[Allocated],
    skip: &mut dyn FnMut(usize) -> Option<String>,
) -> (Selection, Vec<Skipped>) {
    let ticketer = Ticketer::targets(task_key);
    let full = |row: u32| ticketer.ticket(targets.id(row as usize));
    let order = |x: &(u64, u32), y: &(u64, u32)| {
        x.0.cmp(&y.0).then_with(|| {
            full(x.1)
                .cmp(&full(y.1))
                .then_with(|| targets.id(x.1 as usize).cmp(targets.id(y.1 as usize)))
        })
    };
    let mut skipped = Vec::new();
    let mut ranked_by_stratum = tickets_in_row_order(frame, allocated, &full);
    let strata = allocated
        .iter()
        .zip(ranked_by_stratum.iter_mut())
        .map(|(a, ranked)| {
            let mut ranked = std::mem::take(ranked);
            let mut picks = Vec::new();
            let mut sorted = 0;
            let mut walked = 0;
            while (picks.len() as u64) < a.count && walked < ranked.len() {
                if walked == sorted {
                    // Sort the next stretch of the ranking: what is still to take, and some.
                    let want = (a.count - picks.len() as u64) as usize;
                    let rest = &mut ranked[sorted..];
                    let k = (want + want / 4 + 16).min(rest.len());
                    if k < rest.len() {
                        rest.select_nth_unstable_by(k - 1, order);
                    }
                    rest[..k].sort_unstable_by(order);
                    sorted += k;
                }
                let row = ranked[walked].1 as usize;
                walked += 1;
                let rank = walked as u64;
                if let Some(reason) = skip(row) {
                    skipped.push(Skipped { row, rank, reason });
                    continue;
                }
                picks.push(Pick {
                    row,
                    ticket: full(row as u32),
                    rank,
                });
            }
            StratumDraw {
                key: a.key.clone(),
                frame: a.frame,
                quota: a.quota.clone(),
                count: a.count,
                picks,
            }
        })
        .collect();
    (
        Selection {
            frame: frame.size,
            strata,
        },
        skipped,
    )
}

/// Each stratum's rows with the first 64 bits of their tickets. The tickets are
/// computed walking the directory in row order, on every core: a stratum's rows
/// are spread over the whole directory, and visiting them stratum by stratum would
/// miss the cache at every id.
fn tickets_in_row_order(
    frame: &Frame,
    allocated: &[Allocated],
    full: &(dyn Fn(u32) -> Hash + Sync),
) -> Vec<Vec<(u64, u32)>> {
    let mut rows: Vec<(u32, u32)> = Vec::with_capacity(frame.size as usize);
    for (s, a) in allocated.iter().enumerate() {
        rows.extend(frame.strata[&a.key].iter().map(|&r| (r as u32, s as u32)));
    }
    rows.par_sort_unstable();
    let tickets: Vec<u64> = rows
        .par_iter()
        .map(|&(r, _)| u64::from_be_bytes(full(r)[..8].try_into().expect("8 bytes")))
        .collect();
    let mut out: Vec<Vec<(u64, u32)>> = allocated
        .iter()
        .map(|a| Vec::with_capacity(frame.strata[&a.key].len()))
        .collect();
    for (&(r, s), t) in rows.iter().zip(tickets) {
        out[s as usize].push((t, r));
    }
    out
}

/// A target passed over while walking a stratum's ranking (SPEC.md §7.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Row index in the [`Directory`].
    pub row: usize,
    /// Its 1-based rank in its stratum.
    pub rank: u64,
    /// Why: `drawn_by:T1` or `annual_cap`.
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_is_sha256_of_the_text() {
        let key = [0xAB; 32];
        let t = Ticketer::targets(&key).ticket("91110000802100433B");
        let text = format!(
            "shuangsui/v1/target-ticket:{}:91110000802100433B",
            "ab".repeat(32)
        );
        assert_eq!(t, crate::canonical::sha256(text.as_bytes()));
        let o = Ticketer::officers(&key, 12).ticket("E01");
        let text = format!("shuangsui/v1/officer-ticket:{}:12:E01", "ab".repeat(32));
        assert_eq!(o, crate::canonical::sha256(text.as_bytes()));
    }
}
