//! The token's time: a `GeneralizedTime` as Unix seconds and as `YYYY-MM-DDTHH:MM:SSZ`.

use super::error::{Invalid, malformed};

/// `YYYYMMDDHHMMSS[.f...]Z` to Unix seconds and `YYYY-MM-DDTHH:MM:SSZ`.
pub(super) fn generalized_time(text: &[u8]) -> Result<(i64, String), Invalid> {
    let bad = || {
        malformed("the time (genTime) is not a GeneralizedTime of the form YYYYMMDDHHMMSS[.fff]Z")
    };
    let (main, rest) = text.split_at_checked(14).ok_or_else(bad)?;
    if !main.iter().all(u8::is_ascii_digit) {
        return Err(bad());
    }
    let rest = match rest {
        [b'Z'] => rest,
        [b'.', fraction @ .., b'Z']
            if !fraction.is_empty() && fraction.iter().all(u8::is_ascii_digit) =>
        {
            rest
        }
        _ => return Err(bad()),
    };
    let _ = rest;
    let number = |range: std::ops::Range<usize>| {
        main[range]
            .iter()
            .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'))
    };
    let (year, month, day) = (number(0..4), number(4..6), number(6..8));
    let (hour, minute, second) = (number(8..10), number(10..12), number(12..14));
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return Err(bad());
    }
    let time = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z");
    Ok((time, text))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(generalized_time(b"19700101000000Z").unwrap().0, 0);
        assert_eq!(
            generalized_time(b"20260615103000.43Z").unwrap(),
            (1_781_519_400, "2026-06-15T10:30:00Z".to_owned())
        );
        assert_eq!(
            generalized_time(b"20240229235959Z").unwrap().1,
            "2024-02-29T23:59:59Z"
        );
        for bad in [
            &b"20230229000000Z"[..],
            b"20261315000000Z",
            b"2026061510300Z",
            b"20260615103000",
            b"20260615103000.Z",
            b"20260615103000+0800",
            b"2026061510300aZ",
            b"",
        ] {
            assert!(generalized_time(bad).is_err(), "{bad:?}");
        }
    }
}
