//! The frame filter's conditions (SPEC.md §4.2) as SQL: values, dates and numbers, the
//! numbers compared by string arithmetic.

use super::dialect::Dialect;
use crate::plan::filter::Condition;

/// A canonical decimal (SPEC.md §4.1) as its sign (−1, 0, 1), integer digits without leading
/// zeros (`""` for zero) and fraction digits without trailing zeros.
fn decimal_parts(canonical: &str) -> (i8, &str, &str) {
    let (negative, magnitude) = match canonical.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, canonical),
    };
    let (int, frac) = magnitude.split_once('.').unwrap_or((magnitude, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let sign = if int.is_empty() && frac.is_empty() {
        0
    } else if negative {
        -1
    } else {
        1
    };
    (sign, int, frac)
}

/// The query's test that number `i` (columns `sign_i`, `int_i`, `frac_i`) is at least
/// (`at_least`) or at most the canonical decimal `bound`, by string arithmetic: signs first,
/// then magnitudes, whose integer digits compare by length and then bytes and whose fraction
/// digits (without trailing zeros) compare by bytes.
fn number_bound(d: Dialect, i: usize, bound: &str, at_least: bool) -> String {
    let (sign, int, frac) = decimal_parts(bound);
    let signum = format!("sign_{i}");
    let digits = format!("int_{i}");
    // |x| ≥ |bound| (or ≤ with `op` '<').
    let magnitude = |op: char| {
        format!(
            "(length({digits}) {op} {len} OR (length({digits}) = {len} AND ({di} {op} {li} OR ({digits} = {li} AND {fi} {op}= {lf}))))",
            len = int.len(),
            di = d.bytes(&digits),
            li = d.literal(int),
            fi = d.bytes(&format!("frac_{i}")),
            lf = d.literal(frac),
        )
    };
    match (at_least, sign) {
        (true, 1) => format!("{signum} = 1 AND {}", magnitude('>')),
        (true, 0) => format!("{signum} >= 0"),
        (true, _) => format!("({signum} >= 0 OR {})", magnitude('<')),
        (false, 1) => format!("({signum} <= 0 OR {})", magnitude('<')),
        (false, 0) => format!("{signum} <= 0"),
        (false, _) => format!("{signum} = -1 AND {}", magnitude('>')),
    }
}

/// What the stages of the query compute for the filter's date and number conditions.
#[derive(Default)]
pub(super) struct Typed {
    /// Date columns: (index, cell alias).
    pub(super) dates: Vec<(usize, String)>,
    /// Number columns: (index, cell alias).
    pub(super) numbers: Vec<(usize, String)>,
}

/// The conditions of one filter column (SPEC.md §4.2), over the typed stage.
pub(super) fn conditions(
    d: Dialect,
    i: usize,
    cell: &str,
    c: &Condition,
    typed: &mut Typed,
    out: &mut Vec<String>,
) {
    if let Some(values) = &c.one_of {
        out.push(format!("{cell} IN ({})", d.literals(values)));
    }
    if let Some(values) = &c.not {
        out.push(format!("{cell} NOT IN ({})", d.literals(values)));
    }
    if c.after.is_some() || c.before.is_some() {
        typed.dates.push((i, cell.to_owned()));
        let day = format!("date_{i}");
        out.push(format!("{day} IS NOT NULL"));
        if let Some(a) = &c.after {
            out.push(format!("{} > {}", d.bytes(&day), d.literal(a)));
        }
        if let Some(b) = &c.before {
            out.push(format!("{} < {}", d.bytes(&day), d.literal(b)));
        }
    }
    if c.min.is_some() || c.max.is_some() {
        typed.numbers.push((i, cell.to_owned()));
        out.push(format!("sign_{i} IS NOT NULL"));
        if let Some(m) = &c.min {
            out.push(number_bound(d, i, m, true));
        }
        if let Some(m) = &c.max {
            out.push(number_bound(d, i, m, false));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_parts_strip_zeros_and_sign_zero() {
        assert_eq!(decimal_parts("100"), (1, "100", ""));
        assert_eq!(decimal_parts("-0.5"), (-1, "", "5"));
        assert_eq!(decimal_parts("0"), (0, "", ""));
        assert_eq!(decimal_parts("12.034"), (1, "12", "034"));
    }
}
