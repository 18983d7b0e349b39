//! The canonical digest from the blocks' leaves, merged without a second copy of them,
//! and the ids hashed so that duplicates are neighbours.

use rayon::prelude::*;
use rustc_hash::FxHasher;

use crate::base::canonical::Hash;
use crate::inputs::digest::{SortedLeaves, bucket_hash};
use crate::inputs::directory::Store;
use crate::inputs::kind::TableKind;

/// Sorts leaves by their first 8 bytes as an integer, the whole leaf on a tie:
/// the byte order of SHA-256 outputs, without a `memcmp` per comparison.
fn sort_leaves(leaves: &mut [Hash]) {
    let head = |h: &Hash| u64::from_be_bytes(h[..8].try_into().expect("8 bytes"));
    leaves.sort_unstable_by(|a, b| head(a).cmp(&head(b)).then_with(|| a.cmp(b)));
}

/// The canonical digest from the blocks' runs of leaves, each grouped by first byte: a
/// group gathered from every run and sorted is a bucket of the digest (SPEC.md §3.4), hashed
/// on every core, a wave of groups at a time, without a second copy of all the leaves.
pub(super) fn merged_digest(
    kind: TableKind,
    columns: &[String],
    leaves: &[Hash],
    runs: &[(usize, Vec<u32>)],
) -> Hash {
    const WAVE: usize = 16;
    let mut digest = SortedLeaves::new(kind, columns, leaves.len());
    for wave in (0..256).step_by(WAVE) {
        let hashed: Vec<Option<Hash>> = (wave..wave + WAVE)
            .into_par_iter()
            .map(|first| {
                let mut group = Vec::new();
                for (start, bounds) in runs {
                    group.extend_from_slice(
                        &leaves[start + bounds[first] as usize..start + bounds[first + 1] as usize],
                    );
                }
                if group.is_empty() {
                    return None;
                }
                sort_leaves(&mut group);
                Some(bucket_hash(&group))
            })
            .collect();
        for (first, hash) in (wave..).zip(hashed) {
            if let Some(hash) = hash {
                digest.push_bucket(u8::try_from(first).expect("a byte"), &hash);
            }
        }
    }
    digest.finish()
}

/// Leaves reordered by their first byte (a counting sort), with where each byte's
/// group starts; `bounds[256]` is the number of leaves.
pub(super) fn group_by_first_byte(leaves: &[Hash]) -> (Vec<Hash>, Vec<u32>) {
    let mut bounds = vec![0_u32; 257];
    for leaf in leaves {
        bounds[usize::from(leaf[0]) + 1] += 1;
    }
    for i in 1..257 {
        bounds[i] += bounds[i - 1];
    }
    let mut next = bounds.clone();
    let mut out = vec![[0_u8; 32]; leaves.len()];
    for leaf in leaves {
        let at = &mut next[usize::from(leaf[0])];
        out[*at as usize] = *leaf;
        *at += 1;
    }
    (out, bounds)
}

/// Each row's id hashed to 32 bits, above its row index, sorted: rows with equal ids
/// are neighbours (with the rare rows whose different ids share a hash).
pub(super) fn id_hashes(ids: &Store, rows: usize) -> Vec<u64> {
    let mut hashed: Vec<u64> = (0..rows)
        .into_par_iter()
        .map(|row| {
            use std::hash::Hasher as _;
            let mut f = FxHasher::default();
            f.write(ids.get(row).as_bytes());
            (f.finish() >> 32) << 32 | row as u64
        })
        .collect();
    hashed.par_sort_unstable();
    hashed
}
