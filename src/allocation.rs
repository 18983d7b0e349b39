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
