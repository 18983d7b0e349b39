//! Target selection: the frame, strata, tickets and the smallest tickets of
//! each stratum (SPEC.md §7).

use rayon::prelude::*;

use super::frame::Frame;
use super::tickets::Ticketer;
use crate::base::canonical::Hash;
use crate::draw::allocation;
use crate::error::{Error, ErrorKind, Result, Warning};
use crate::inputs::Directory;
use crate::plan::{Quota, Spread, Task};

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
        let missing = |table: &str| {
            Error::new(ErrorKind::NoRatioForStratum)
                .arg("task", task.id.clone())
                .arg("table", table.to_owned())
                .arg("stratum", key.join(" × "))
                .arg("frame", n)
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
    let ids = targets.ids();
    let full = |row: u32| ticketer.ticket_of_bytes(ids.get(row as usize));
    let order = |x: &(u64, u32), y: &(u64, u32)| {
        x.0.cmp(&y.0).then_with(|| {
            full(x.1)
                .cmp(&full(y.1))
                .then_with(|| ids.get(x.1 as usize).cmp(ids.get(y.1 as usize)))
        })
    };
    let mut skipped = Vec::new();
    let mut ranked_by_stratum = tickets_in_row_order(frame, allocated, &full);
    // Each stratum's head sorted on every core: what it takes, and some; the walk below
    // sorts further stretches when skips use the head up.
    let stretch = |want: usize| want + want / 4 + 16;
    let heads: Vec<usize> = ranked_by_stratum
        .par_iter_mut()
        .zip(allocated.par_iter())
        .map(|(ranked, a)| {
            if a.count == 0 || ranked.is_empty() {
                return 0;
            }
            let k = stretch(usize::try_from(a.count).unwrap_or(usize::MAX)).min(ranked.len());
            if k < ranked.len() {
                ranked.select_nth_unstable_by(k - 1, order);
            }
            ranked[..k].sort_unstable_by(order);
            k
        })
        .collect();
    let strata = allocated
        .iter()
        .zip(ranked_by_stratum.iter_mut())
        .zip(heads)
        .map(|((a, ranked), head)| {
            let mut ranked = std::mem::take(ranked);
            let mut picks = Vec::new();
            let mut sorted = head;
            let mut walked = 0;
            while (picks.len() as u64) < a.count && walked < ranked.len() {
                if walked == sorted {
                    // Sort the next stretch of the ranking: what is still to take, and some.
                    let want = (a.count - picks.len() as u64) as usize;
                    let rest = &mut ranked[sorted..];
                    let k = stretch(want).min(rest.len());
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
