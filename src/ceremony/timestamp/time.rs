//! The token's time: a `GeneralizedTime` as Unix seconds and as `YYYY-MM-DDTHH:MM:SSZ`.

use jiff::civil;
use jiff::tz::Offset;

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
    // jiff checks the day (proleptic Gregorian, the year 0000 included) and the clock (no leap
    // second), and counts the seconds.
    let date = civil::Date::new(year as i16, month as i8, day as i8).map_err(|_| bad())?;
    let clock = civil::Time::new(hour as i8, minute as i8, second as i8, 0).map_err(|_| bad())?;
    let time = crate::dates::unix_seconds(date.to_datetime(clock), Offset::UTC);
    let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z");
    Ok((time, text))
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
