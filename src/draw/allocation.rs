//! Allocation: how many targets each stratum gets (SPEC.md §6).
//!
//! All arithmetic is on integers: a ratio is held in parts per million, so
//! `count = round(N × ppm / 1 000 000)` is exact.

use crate::plan::{Ratio, Rounding};

/// The count for a stratum of `frame` targets at `ratio`.
///
/// 1. `c = N × ppm`, rounded to a multiple of 10⁶ by `rounding`, divided by 10⁶;
/// 2. if `N > 0`, `ppm > 0` and `c < min`, then `c = min`;
/// 3. `c = min(c, N)`.
pub fn ratio_count(frame: u64, ratio: Ratio, rounding: Rounding, min: u64) -> u64 {
    const MILLION: u128 = 1_000_000;
    let product = u128::from(frame) * u128::from(ratio.ppm);
    let rounded = match rounding {
        Rounding::Ceil => product.div_ceil(MILLION),
        Rounding::Floor => product / MILLION,
        Rounding::Nearest => (product + MILLION / 2) / MILLION,
    };
    // rounded <= frame because ppm <= 10^6.
    let mut count = u64::try_from(rounded).unwrap_or(u64::MAX);
    if frame > 0 && ratio.ppm > 0 && count < min {
        count = min;
    }
    count.min(frame)
}

/// Spreads `total` over strata of the given sizes in proportion to their
/// sizes (Hamilton's largest-remainder method, SPEC.md §6.2): each stratum
/// gets `⌊K·nᵢ/N⌋`, then the strata with the largest remainders `K·nᵢ mod N`
/// get one more each, ties to the earlier stratum, until `K = min(total, N)`
/// is reached.
pub fn proportional(sizes: &[u64], total: u64) -> Vec<u64> {
    let n: u128 = sizes.iter().map(|&s| u128::from(s)).sum();
    if n == 0 {
        return vec![0; sizes.len()];
    }
    let k = u128::from(total).min(n);
    let mut counts: Vec<u64> = sizes
        .iter()
        .map(|&s| (k * u128::from(s) / n) as u64)
        .collect();
    let given: u128 = counts.iter().map(|&c| u128::from(c)).sum();
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    // Largest remainder first; the sort is stable, so ties keep stratum order.
    order.sort_by_key(|&i| std::cmp::Reverse(k * u128::from(sizes[i]) % n));
    for &i in order.iter().take((k - given) as usize) {
        counts[i] += 1;
    }
    counts
}

/// Spreads `total` equally over strata, capped by their sizes (SPEC.md
/// §6.2): while some remains, the strata not yet full share it, `⌊R/|A|⌋`
/// each and one more for the first `R mod |A|` of them in stratum order,
/// each capped at its size.
pub fn equal(sizes: &[u64], total: u64) -> Vec<u64> {
    let mut counts = vec![0_u64; sizes.len()];
    let mut remaining = total.min(sizes.iter().sum());
    while remaining > 0 {
        let open: Vec<usize> = (0..sizes.len()).filter(|&i| counts[i] < sizes[i]).collect();
        let share = remaining / open.len() as u64;
        let extra = remaining % open.len() as u64;
        for (j, &i) in open.iter().enumerate() {
            let want = share + u64::from((j as u64) < extra);
            let give = want.min(sizes[i] - counts[i]);
            counts[i] += give;
            remaining -= give;
        }
    }
    counts
}

/// The count for a fixed request of `count` targets from `frame`: all of
/// them when the frame is smaller.
pub fn fixed_count(frame: u64, count: u64) -> u64 {
    count.min(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Ratio {
        Ratio::parse(s).unwrap()
    }

    #[test]
    fn ceil_is_not_less_than() {
        assert_eq!(ratio_count(100, r("3%"), Rounding::Ceil, 1), 3);
        assert_eq!(ratio_count(101, r("3%"), Rounding::Ceil, 1), 4);
        assert_eq!(ratio_count(1, r("1%"), Rounding::Ceil, 1), 1);
        assert_eq!(ratio_count(0, r("30%"), Rounding::Ceil, 1), 0);
    }

    #[test]
    fn zero_ratio_draws_nothing_even_with_a_minimum() {
        assert_eq!(ratio_count(500, r("0%"), Rounding::Ceil, 1), 0);
    }

    #[test]
    fn floor_nearest_and_minimum() {
        assert_eq!(ratio_count(150, r("1%"), Rounding::Floor, 0), 1);
        assert_eq!(ratio_count(50, r("1%"), Rounding::Floor, 0), 0);
        assert_eq!(ratio_count(50, r("1%"), Rounding::Floor, 1), 1);
        assert_eq!(ratio_count(150, r("1%"), Rounding::Nearest, 0), 2);
        assert_eq!(ratio_count(149, r("1%"), Rounding::Nearest, 0), 1);
        assert_eq!(ratio_count(3, r("50%"), Rounding::Ceil, 5), 3);
    }

    #[test]
    fn proportional_largest_remainder() {
        // 10 over 5, 3, 2 of 10: exactly 5, 3, 2.
        assert_eq!(proportional(&[5, 3, 2], 10), [5, 3, 2]);
        // 7 over 3, 3, 3: 2.33 each; the remainders tie, the earlier strata win.
        assert_eq!(proportional(&[3, 3, 3], 7), [3, 2, 2]);
        // 100 over 1138, 1214, 1114: quotas 32.2, 34.4, 31.6 → 32, 35, 32 … sums to 100.
        let c = proportional(&[1138, 1214, 1114], 100);
        assert_eq!(c.iter().sum::<u64>(), 100);
        assert_eq!(c, [33, 35, 32]);
        assert_eq!(proportional(&[2, 1], 50), [2, 1]);
        assert_eq!(proportional(&[], 5), Vec::<u64>::new());
    }

    #[test]
    fn equal_with_caps() {
        assert_eq!(equal(&[10, 10, 10], 7), [3, 2, 2]);
        assert_eq!(equal(&[1, 10, 10], 9), [1, 4, 4]);
        assert_eq!(equal(&[1, 2, 10], 9), [1, 2, 6]);
        assert_eq!(equal(&[1, 2], 9), [1, 2]);
    }

    #[test]
    fn exact_at_scale() {
        assert_eq!(
            ratio_count(190_000_000, r("0.0001%"), Rounding::Ceil, 1),
            190
        );
        assert_eq!(
            ratio_count(u64::MAX, r("100%"), Rounding::Ceil, 1),
            u64::MAX
        );
        assert_eq!(fixed_count(30, 40), 30);
    }
}
