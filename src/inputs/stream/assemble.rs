//! Joining the workers' parsed blocks in file order, and finishing the directory: its
//! duplicate ids, its problems in file order, its canonical digest ([`merge`](super::merge)).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::merge::{id_hashes, merged_digest};
use super::rows::{Chunk, Context};
use crate::base::canonical::Hash;
use crate::error::{Error, ErrorKind, Location, MAX_PROBLEMS, Result};
use crate::inputs::directory::{Deferred, Directory, StoreBuilder};
use crate::inputs::source::ByteSource;

/// A directory read in blocks, with its digests.
#[derive(Debug)]
pub struct Outcome {
    /// The rows.
    pub directory: Directory,
    /// The canonical digest (SPEC.md §3.4).
    pub digest: Hash,
    /// SHA-256 of the bytes as read, when asked for ([`Options::raw_digest`](super::Options::raw_digest)).
    pub raw: Option<Hash>,
}

/// Joins parsed blocks in file order.
pub(super) struct Assembler<'c> {
    ctx: &'c Context<'c>,
    next: usize,
    waiting: BTreeMap<usize, Chunk>,
    pub(super) rows: usize,
    /// Every block's leaves, one block after another, in one allocation (freed whole:
    /// its memory goes back to the system, which a block's own would not).
    leaves: Vec<Hash>,
    /// Each block's run in `leaves`: where it starts, and its groups' bounds.
    runs: Vec<(usize, Vec<u32>)>,
    stores: Vec<Option<StoreBuilder>>,
    starts: Vec<u64>,
    lines: Vec<(usize, u64)>,
    problems: Vec<(u64, Error)>,
    problem_total: u64,
    structural: Option<Error>,
    pub(super) bad_text: Option<u64>,
    pub(super) unclean: bool,
    allowlisted: Vec<String>,
    unchecked: Vec<String>,
    /// The file's size, to guess its rows from the first block's.
    total: u64,
    reserved: bool,
}

impl<'c> Assembler<'c> {
    pub(super) fn new(ctx: &'c Context<'c>, total: u64) -> Self {
        Self {
            total,
            reserved: false,
            ctx,
            next: 0,
            waiting: BTreeMap::new(),
            rows: 0,
            leaves: Vec::new(),
            runs: Vec::new(),
            stores: ctx
                .stored
                .iter()
                .map(|l| (*l).map(StoreBuilder::new))
                .collect(),
            starts: Vec::new(),
            lines: Vec::new(),
            problems: Vec::new(),
            problem_total: 0,
            structural: None,
            bad_text: None,
            unclean: false,
            allowlisted: Vec::new(),
            unchecked: Vec::new(),
        }
    }

    pub(super) fn add(&mut self, index: usize, chunk: Chunk) {
        self.waiting.insert(index, chunk);
        while let Some(chunk) = self.waiting.remove(&self.next) {
            self.next += 1;
            self.join(chunk);
        }
    }

    fn join(&mut self, mut chunk: Chunk) {
        // The first byte that is not text decides the outcome whatever else is wrong
        // before it (the in-memory reader decodes the whole file first).
        if self.bad_text.is_some() {
            return;
        }
        if let Some(at) = chunk.bad_text {
            self.bad_text = Some(at);
            return;
        }
        // After a block that did not parse, later blocks do not matter.
        if self.unclean || self.structural.is_some() {
            return;
        }
        if !chunk.clean {
            self.unclean = true;
            return;
        }
        if let Some(e) = chunk.structural.take() {
            self.structural = Some(e);
            return;
        }
        self.problem_total += chunk.problem_total;
        if self.problems.len() < MAX_PROBLEMS {
            let before = self.rows as u64 * 2;
            self.problems
                .extend(chunk.problems.into_iter().map(|(k, e)| (k + before, e)));
        }
        if self.problem_total > 0 {
            // Nothing will be drawn: keep only what the message needs (ids for duplicates).
            chunk.leaves = Vec::new();
            chunk.bounds = vec![0; 257];
        }
        for (row, line) in chunk.lines {
            let global = self.rows + row;
            let extra = line.wrapping_sub(global as u64);
            if self.lines.last().is_none_or(|&(_, e)| e != extra) {
                self.lines.push((global, extra));
            }
        }
        self.rows += chunk.rows;
        self.runs.push((self.leaves.len(), chunk.bounds));
        self.leaves.extend_from_slice(&chunk.leaves);
        drop(chunk.leaves);
        for (mine, theirs) in self.stores.iter_mut().zip(chunk.stores) {
            if let (Some(m), Some(t)) = (mine, theirs) {
                m.append(t);
            }
        }
        self.starts.append(&mut chunk.starts);
        self.allowlisted.append(&mut chunk.allowlisted);
        self.unchecked.append(&mut chunk.unchecked);
        let (rows, bytes) = (chunk.rows, chunk.bytes);
        if !self.reserved && rows > 0 && bytes > 0 {
            // The whole file's rows, guessed from the first block's (and a little more): the
            // columns are then allocated once, not copied each time they double (a fixed-width
            // column knows its width once it holds a block).
            self.reserved = true;
            let guess = u128::from(self.total) * rows as u128 * 102 / (bytes as u128 * 100) + 64;
            let rows = usize::try_from(guess.min(u128::from(self.total))).unwrap_or(usize::MAX);
            self.leaves
                .reserve_exact(rows.saturating_sub(self.leaves.len()));
            if self.ctx.defer_names {
                self.starts
                    .reserve_exact(rows.saturating_sub(self.starts.len()));
            }
            for s in self.stores.iter_mut().flatten() {
                s.reserve(rows);
            }
        }
    }

    pub(super) fn finish(self, data: &Arc<dyn ByteSource>, raw: Option<Hash>) -> Result<Outcome> {
        let ctx = self.ctx;
        let h = ctx.header;
        if let Some(e) = self.structural {
            return Err(e);
        }
        crate::inputs::limits::rows(ctx.source, self.rows)?;
        let stores: Vec<_> = self
            .stores
            .into_iter()
            .map(|s| s.map(StoreBuilder::finish))
            .collect();
        let line_of = |row: usize| {
            let at = self.lines.partition_point(|&(r, _)| r <= row);
            (row as u64).wrapping_add(if at == 0 { 2 } else { self.lines[at - 1].1 })
        };
        // Duplicate ids (SPEC.md §3.3), reported on the later row. Their sort runs
        // beside the digest's last, serial step (hashing the sorted leaves).
        let ids = stores[h.id_col].as_ref().expect("ids are kept");
        let (leaves, runs) = (self.leaves, self.runs);
        let (digest, hashed) = rayon::join(
            || {
                if self.problem_total == 0 {
                    merged_digest(ctx.kind, &h.columns, &leaves, &runs)
                } else {
                    [0; 32]
                }
            },
            || id_hashes(ids, self.rows),
        );
        drop((leaves, runs));
        let mut problems = self.problems;
        let mut total = self.problem_total;
        let mut group_start = 0;
        for i in 1..=hashed.len() {
            if i < hashed.len() && hashed[i] >> 32 == hashed[group_start] >> 32 {
                continue;
            }
            if i - group_start > 1 {
                // Equal hashes: compare the ids, in row order.
                let mut rows: Vec<u32> = hashed[group_start..i].iter().map(|&x| x as u32).collect();
                rows.sort_unstable();
                let mut last_line: BTreeMap<&str, u64> = BTreeMap::new();
                for &row in &rows {
                    let id = ids.get(row as usize);
                    let line = line_of(row as usize);
                    if let Some(first_line) = last_line.insert(id, line) {
                        total += 1;
                        let mut at = Location::line(ctx.source, line);
                        at.column = Some(h.keep[h.id_col] as u64 + 1);
                        problems.push((
                            u64::from(row) * 2 + 1,
                            Error::new(ErrorKind::DuplicateId)
                                .at(at)
                                .arg("id", id.to_owned())
                                .arg("first_line", first_line),
                        ));
                    }
                }
            }
            group_start = i;
        }
        drop(hashed);
        if total > 0 {
            problems.sort_by_key(|p| p.0);
            problems.truncate(MAX_PROBLEMS);
            let mut list: Vec<Error> = problems.into_iter().map(|p| p.1).collect();
            if total == 1 {
                return Err(list.remove(0));
            }
            return Err(Error::problems(
                ErrorKind::Problems,
                ctx.source,
                list,
                total,
            ));
        }
        let mut allowlisted = self.allowlisted;
        let mut unchecked = self.unchecked;
        allowlisted.sort();
        unchecked.sort();
        let mut dropped = h.dropped.clone();
        dropped.sort();
        let deferred = ctx.defer_names.then(|| Deferred {
            source: Arc::clone(data),
            starts: self.starts,
            syntax: ctx.syntax.clone(),
            grid_column: h.keep[h.name_col],
            id_column: h.keep[h.id_col],
            encoding: ctx.encoding,
        });
        Ok(Outcome {
            directory: Directory {
                source: ctx.source.to_owned(),
                columns: h.columns.clone(),
                kinds: h.kinds.clone(),
                dropped,
                allowlisted,
                unchecked,
                id_check: ctx.options.id_check.mode,
                len: self.rows,
                stores,
                id_col: h.id_col,
                name_col: h.name_col,
                lines: self.lines,
                deferred,
            },
            digest,
            raw,
        })
    }
}
