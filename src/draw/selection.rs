//! Target selection: the frame, strata, tickets and the smallest tickets of
//! each stratum (SPEC.md §7).

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use rayon::prelude::*;

use sha2::{Digest as _, Sha256};

use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Hash, to_hex};
use crate::base::dates::Date;
use crate::draw::allocation;
use crate::draw::eligibility;
use crate::draw::history::History;
use crate::error::{Error, Location, Result, Warning};
use crate::inputs::{Columns, Directory, Row};
use crate::plan::{Condition, Filter, Quota, Spread, Task};

/// Computes tickets for many ids under one key. The fixed prefix's whole 64-byte
/// blocks are compressed once; a ticket then costs the compression of its last block
/// or two, built in place (FIPS 180-4 padding), without a hasher per id.
#[derive(Clone)]
pub struct Ticketer {
    /// The SHA-256 state after the prefix's whole blocks.
    state: [u32; 8],
    /// Their length in bytes.
    compressed: usize,
    /// The rest of the prefix, under 64 bytes.
    tail: Vec<u8>,
    /// The whole prefix, for an id too long for one or two blocks.
    prefix: Vec<u8>,
}

/// SHA-256's initial state (FIPS 180-4 §5.3.3).
const SHA256_IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

impl Ticketer {
    /// A target ticketer for a task:
    /// `ticket(id) = SHA-256("shuangsui/v2/target-ticket:" ‖ hex(task_key) ‖ ":" ‖ id)`.
    pub fn targets(task_key: &Hash) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/target-ticket:{}:",
            to_hex(task_key)
        ))
    }

    /// An officer ticketer for one round of a task:
    /// `SHA-256("shuangsui/v2/officer-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(round) ‖ ":" ‖ id)`.
    pub fn officers(task_key: &Hash, round: u64) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/officer-ticket:{}:{round}:",
            to_hex(task_key)
        ))
    }

    /// An officer ticketer for one round of one part of a joint task:
    /// `SHA-256("shuangsui/v2/joint-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(part) ‖ ":" ‖ decimal(round) ‖ ":" ‖ id)`.
    pub fn joint(task_key: &Hash, part: u64, round: u64) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/joint-ticket:{}:{part}:{round}:",
            to_hex(task_key)
        ))
    }

    /// The substitute order of one team slot (SPEC.md §9.4), fixed at the draw:
    /// `SHA-256("shuangsui/v2/substitute-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(slot) ‖ ":"
    /// ‖ decimal(len(target)) ‖ ":" ‖ target ‖ ":" ‖ id)`, `len` in UTF-8 bytes, `slot` 1-based.
    pub fn substitute(task_key: &Hash, slot: usize, target: &str) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/substitute-ticket:{}:{slot}:{}:{target}:",
            to_hex(task_key),
            target.len()
        ))
    }

    fn with_prefix(prefix: &str) -> Self {
        let bytes = prefix.as_bytes();
        let compressed = bytes.len() / 64 * 64;
        let mut state = SHA256_IV;
        let blocks: Vec<sha2::digest::generic_array::GenericArray<u8, sha2::digest::consts::U64>> =
            bytes[..compressed]
                .chunks_exact(64)
                .map(|b| *sha2::digest::generic_array::GenericArray::from_slice(b))
                .collect();
        sha2::compress256(&mut state, &blocks);
        Self {
            state,
            compressed,
            tail: bytes[compressed..].to_vec(),
            prefix: bytes.to_vec(),
        }
    }

    /// The ticket of one id.
    pub fn ticket(&self, id: &str) -> Hash {
        use sha2::digest::generic_array::GenericArray;
        let id = id.as_bytes();
        let used = self.tail.len() + id.len();
        if used + 9 > 128 {
            let mut h = Sha256::new();
            h.update(&self.prefix);
            h.update(id);
            return h.finalize().into();
        }
        // The last one or two blocks: the prefix's tail, the id, 0x80, zeros, the length in bits.
        let mut buf = [0_u8; 128];
        buf[..self.tail.len()].copy_from_slice(&self.tail);
        buf[self.tail.len()..used].copy_from_slice(id);
        buf[used] = 0x80;
        let n = if used + 9 <= 64 { 64 } else { 128 };
        let bits = ((self.compressed + used) as u64) * 8;
        buf[n - 8..n].copy_from_slice(&bits.to_be_bytes());
        let mut state = self.state;
        let blocks = [
            *GenericArray::from_slice(&buf[..64]),
            *GenericArray::from_slice(&buf[64..]),
        ];
        sha2::compress256(&mut state, &blocks[..n / 64]);
        let mut out = [0_u8; 32];
        for (o, w) in out.chunks_exact_mut(4).zip(state) {
            o.copy_from_slice(&w.to_be_bytes());
        }
        out
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
                .any(|d| crate::inputs::columns::column_name(d) == column)
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
            available: {
                let mut a = table.column_names().join(",");
                if !table.dropped_headers().is_empty() {
                    a.push_str("; the other headers, dropped as read: ");
                    a.push_str(&table.dropped_headers().join(","));
                }
                a
            },
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
    /// Each stratum's values and number of eligible targets, strata in canonical order.
    pub strata: Vec<(Vec<String>, u64)>,
    /// Every eligible target: its row index in the [`Directory`] and the index of its
    /// stratum in `strata`, in directory order.
    pub rows: Vec<(u32, u32)>,
    /// Targets passing the filter and eligible.
    pub size: u64,
    /// Targets passing the filter but excluded, by reason (SPEC.md §6.1).
    pub excluded: BTreeMap<String, u64>,
    /// The excluded rows in table order, each with its reason's index in `reasons`.
    pub excluded_rows: Vec<(u32, u32)>,
    /// The reasons `excluded_rows` index: the plan's status keywords, then
    /// [`EARLIER_BATCH`], [`INSPECTED_RECENTLY`] and [`ANNUAL_CAP`].
    pub reasons: Vec<String>,
}

impl Frame {
    /// The rows of the stratum with these values, in directory order.
    pub fn members(&self, stratum: &[String]) -> impl Iterator<Item = usize> + '_ {
        let index = self.strata.iter().position(|(k, _)| k == stratum);
        self.rows
            .iter()
            .filter(move |&&(_, s)| Some(s as usize) == index)
            .map(|&(row, _)| row as usize)
    }

    /// The excluded rows in table order, with their reasons.
    pub fn excluded_rows(&self) -> impl Iterator<Item = (usize, &str)> {
        self.excluded_rows
            .iter()
            .map(|&(row, r)| (row as usize, self.reasons[r as usize].as_str()))
    }

    /// The **listed exclusions** (SPEC.md §6.1): the rows excluded as [`EARLIER_BATCH`],
    /// [`INSPECTED_RECENTLY`] or [`ANNUAL_CAP`] — the rules a SQL engine cannot apply from
    /// the directory alone — as (target id, reason), sorted by target id.
    pub fn listed<'a>(&'a self, targets: &'a Directory) -> Vec<(&'a str, &'a str)> {
        // The reasons are the plan's status keywords, then the three of these rules.
        let first = self.reasons.len() - 3;
        let mut listed: Vec<(&str, &str)> = self
            .excluded_rows
            .iter()
            .filter(|&&(_, r)| r as usize >= first)
            .map(|&(row, r)| (targets.id(row as usize), self.reasons[r as usize].as_str()))
            .collect();
        listed.sort_unstable();
        listed
    }
}

/// What, besides a task's own filter, decides its frame (SPEC.md §6.1).
#[derive(Debug, Clone, Copy)]
pub struct FrameRules<'a> {
    /// What the earlier batches drew.
    pub earlier: &'a crate::draw::Earlier,
    /// Status keywords that make a target not inspectable.
    pub exclude_status: &'a [String],
    /// Past inspections.
    pub history: Option<&'a History>,
    /// The draw date.
    pub date: Option<Date>,
    /// The annual cap on inspections of one entity.
    pub cap: Option<u64>,
}

pub use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY};

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

/// A range of rows' share of a frame: its rows with their strata numbered as met.
#[derive(Default)]
struct Part {
    index: FxHashMap<StratumKey, u32>,
    /// Each stratum met: its key and a row of it.
    met: Vec<(StratumKey, usize)>,
    rows: Vec<(u32, u32)>,
    excluded: Vec<(u32, u32)>,
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
    let mut reasons: Vec<String> = keywords.to_vec();
    let earlier_batch = reasons.len() as u32;
    reasons.extend([EARLIER_BATCH, INSPECTED_RECENTLY, ANNUAL_CAP].map(str::to_owned));
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
                    part.excluded.push((i as u32, k as u32));
                    continue;
                }
                let id = targets.id(i);
                if !rules.earlier.drawn.is_empty()
                    && rules
                        .earlier
                        .drawn
                        .contains(&(task.id.clone(), id.to_owned()))
                {
                    part.excluded.push((i as u32, earlier_batch));
                    continue;
                }
                if let Some((history, day)) = histories
                    && task
                        .exclude_inspected
                        .is_some_and(|r| history.recently(id, task, r, day))
                {
                    part.excluded.push((i as u32, earlier_batch + 1));
                    continue;
                }
                if let (Some(cap), Some(day)) = (rules.cap, rules.date) {
                    let this_year = rules.history.map_or(0, |h| h.in_year(id, day))
                        + rules.earlier.visits.get(id).copied().unwrap_or(0);
                    if this_year >= cap {
                        part.excluded.push((i as u32, earlier_batch + 2));
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
                let next = part.met.len() as u32;
                let local = *part.index.entry(key).or_insert_with_key(|key| {
                    part.met.push((key.clone(), i));
                    next
                });
                part.rows.push((i as u32, local));
            }
            part
        })
        .collect();
    // Strata in canonical order (by their values), then each part's numbering mapped to it.
    let mut by_values: BTreeMap<Vec<String>, u32> = BTreeMap::new();
    let part_values: Vec<Vec<Vec<String>>> = parts
        .iter()
        .map(|part| {
            part.met
                .iter()
                .map(|(key, row)| match key {
                    StratumKey::Values(v) => v.clone(),
                    StratumKey::Packed(_) => strata_cols
                        .iter()
                        .map(|&c| targets.value(*row, c).to_owned())
                        .collect(),
                })
                .collect()
        })
        .collect();
    for values in part_values.iter().flatten() {
        by_values.entry(values.clone()).or_default();
    }
    for (n, index) in by_values.values_mut().enumerate() {
        *index = n as u32;
    }
    let mut counts = vec![0_u64; reasons.len()];
    let mut excluded_rows = Vec::new();
    let mut sizes = vec![0_u64; by_values.len()];
    let mut rows = Vec::with_capacity(parts.iter().map(|p| p.rows.len()).sum());
    for (part, values) in parts.into_iter().zip(&part_values) {
        let global: Vec<u32> = values.iter().map(|v| by_values[v]).collect();
        rows.extend(part.rows.iter().map(|&(row, local)| {
            let s = global[local as usize];
            sizes[s as usize] += 1;
            (row, s)
        }));
        for &(_, reason) in &part.excluded {
            counts[reason as usize] += 1;
        }
        excluded_rows.extend(part.excluded);
    }
    let mut excluded: BTreeMap<String, u64> = BTreeMap::new();
    for (reason, n) in reasons.iter().zip(counts).filter(|&(_, n)| n > 0) {
        *excluded.entry(reason.clone()).or_default() += n;
    }
    let strata: Vec<(Vec<String>, u64)> = by_values.into_keys().zip(sizes).collect();
    let size = rows.len() as u64;
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
        rows,
        size,
        excluded,
        excluded_rows,
        reasons,
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
            .iter()
            .map(|(k, _)| k)
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
    let sizes: Vec<u64> = frame.strata.iter().map(|&(_, n)| n).collect();
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
    for (i, (key, n)) in frame.strata.iter().enumerate() {
        let n = *n;
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
/// computed walking the frame in directory order, on every core: a stratum's rows
/// are spread over the whole directory, and visiting them stratum by stratum would
/// miss the cache at every id.
fn tickets_in_row_order(
    frame: &Frame,
    allocated: &[Allocated],
    full: &(dyn Fn(u32) -> Hash + Sync),
) -> Vec<Vec<(u64, u32)>> {
    debug_assert_eq!(frame.strata.len(), allocated.len());
    let tickets: Vec<u64> = frame
        .rows
        .par_iter()
        .map(|&(r, _)| u64::from_be_bytes(full(r)[..8].try_into().expect("8 bytes")))
        .collect();
    let mut out: Vec<Vec<(u64, u32)>> = frame
        .strata
        .iter()
        .map(|&(_, n)| Vec::with_capacity(usize::try_from(n).unwrap_or(0)))
        .collect();
    for (&(r, s), t) in frame.rows.iter().zip(tickets) {
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
    fn ticket_fast_path_is_sha256_for_every_length() {
        // Prefixes whose tails leave room for one block, two, or neither; ids of every
        // length around the block boundaries, ASCII and multi-byte.
        for prefix_len in [0, 1, 27, 55, 63, 64, 65, 92, 100, 119, 127, 128, 200] {
            let prefix: String = "p".repeat(prefix_len);
            let t = Ticketer::with_prefix(&prefix);
            for id_len in 0_u8..=255 {
                let id: String = (0..id_len)
                    .map(|i| {
                        if i % 7 == 3 {
                            '码'
                        } else {
                            char::from(b'A' + i % 26)
                        }
                    })
                    .collect();
                let text = format!("{prefix}{id}");
                assert_eq!(
                    t.ticket(&id),
                    crate::base::canonical::sha256(text.as_bytes()),
                    "prefix {prefix_len} id {id_len}"
                );
            }
        }
    }

    #[test]
    fn ticket_is_sha256_of_the_text() {
        let key = [0xAB; 32];
        let t = Ticketer::targets(&key).ticket("91110000802100433B");
        let text = format!(
            "shuangsui/v2/target-ticket:{}:91110000802100433B",
            "ab".repeat(32)
        );
        assert_eq!(t, crate::base::canonical::sha256(text.as_bytes()));
        let o = Ticketer::officers(&key, 12).ticket("E01");
        let text = format!("shuangsui/v2/officer-ticket:{}:12:E01", "ab".repeat(32));
        assert_eq!(o, crate::base::canonical::sha256(text.as_bytes()));
    }
}
