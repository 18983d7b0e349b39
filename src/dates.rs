//! Calendar dates as bureaus type them (SPEC.md §3.3), and times as the record keeps them.
//!
//! Accepted: `2027-01-15`, `2027/1/15`, `2027.01.15`, `2027年1月15日`,
//! `20270115`. Every form normalises to ISO 8601 `YYYY-MM-DD`. Times are RFC 3339 in UTC
//! (`2027-01-15T02:00:00Z`), counted in seconds since 1970; [`china_date`] is the date in
//! Beijing (UTC+8) of such a time.
//!
//! ```
//! use shuangsui::dates::{Date, china_date, format_rfc3339, parse_rfc3339};
//!
//! assert_eq!(Date::parse("2027年1月15日").unwrap().to_string(), "2027-01-15");
//! assert_eq!(Date::parse("2027/1/15"), Date::parse("20270115"));
//! let t = parse_rfc3339("2027-01-15T20:00:00Z").unwrap();
//! assert_eq!(format_rfc3339(t), "2027-01-15T20:00:00Z");
//! assert_eq!(china_date(t).unwrap().to_string(), "2027-01-16");
//! ```

use std::fmt;

use jiff::civil;
use jiff::tz::Offset;
use jiff::{SignedDuration, Span};

/// Day 0 of [`Date::days_since_epoch`].
const EPOCH: civil::Date = civil::Date::constant(1970, 1, 1);
/// Second 0 of the Unix times below (UTC, no leap seconds).
const EPOCH_TIME: civil::DateTime = EPOCH.to_datetime(civil::Time::midnight());
/// China's clock: UTC+8 all year, no daylight saving, so no time zone database.
const BEIJING: Offset = Offset::constant(8);

/// A proleptic Gregorian calendar date.
///
/// The calendar arithmetic is jiff's ([`jiff::civil::Date`]); the forms bureaus type are
/// read by our own lexer ([`Date::parse`]), since jiff knows ISO 8601 only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1000..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day, 1..=31.
    pub day: u8,
}

impl Date {
    /// Builds a date, checking that it exists.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1000..=9999).contains(&year) {
            return None;
        }
        civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        Some(Date { year, month, day })
    }

    /// Parses one of the accepted forms (SPEC.md §3.3): `YYYYMMDD`; `YYYY-M-D`, `YYYY/M/D`
    /// or `YYYY.M.D` with one separator throughout; `YYYY年M月D日`, the final `日` optional;
    /// months and days of one or two digits; a real date from the year 1000 to 9999.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let number = |p: &str, min: usize, max: usize| {
            (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if s.len() == 8 && number(s, 8, 8) {
            return Date::new(
                s[..4].parse().ok()?,
                s[4..6].parse().ok()?,
                s[6..].parse().ok()?,
            );
        }
        let (year, rest) = s.split_at_checked(4)?;
        let (month, day) = if let Some(rest) = rest.strip_prefix('年') {
            let (month, day) = rest.split_once('月')?;
            (month, day.strip_suffix('日').unwrap_or(day))
        } else {
            let sep = rest
                .chars()
                .next()
                .filter(|c| matches!(c, '-' | '/' | '.'))?;
            rest[1..].split_once(sep)?
        };
        if !number(year, 4, 4) || !number(month, 1, 2) || !number(day, 1, 2) {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Days since the Unix epoch (1970-01-01), for date arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        let days = EPOCH
            .until(self.to_jiff())
            .expect("days between two dates: jiff's default difference never fails");
        i64::from(days.get_days())
    }

    /// The date `days` after the Unix epoch (1970-01-01), for spreadsheet serials.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let days = Span::new().try_days(days).ok()?;
        Date::from_jiff(EPOCH.checked_add(days).ok()?)
    }

    /// This date in jiff, for arithmetic.
    ///
    /// A `Date` made by [`Date::new`], [`Date::parse`] or [`Date::from_days_since_epoch`]
    /// is a real day. One written out field by field may not be: then, as the day count
    /// before jiff did, its day counts on from the first of its month (2027-02-30 is
    /// 2027-03-02), up to 9999-12-31; a month outside 1..=12 or a year above 9999 is
    /// clamped into range. Never a panic.
    pub(crate) fn to_jiff(self) -> civil::Date {
        let year = i16::try_from(self.year).unwrap_or(i16::MAX);
        let month = i8::try_from(self.month).unwrap_or(i8::MAX);
        let day = i8::try_from(self.day).unwrap_or(i8::MAX);
        civil::Date::new(year, month, day).unwrap_or_else(|_| {
            let first = civil::Date::new(year.min(9999), month.clamp(1, 12), 1)
                .expect("a year of 0..=9999 and a month of 1..=12");
            first.saturating_add(Span::new().days(i64::from(self.day) - 1))
        })
    }

    /// The date jiff gives, when its year is one a `Date` holds (1000..=9999).
    pub(crate) fn from_jiff(date: civil::Date) -> Option<Date> {
        Some(Date {
            year: u16::try_from(date.year())
                .ok()
                .filter(|y| (1000..=9999).contains(y))?,
            month: u8::try_from(date.month()).ok()?,
            day: u8::try_from(date.day()).ok()?,
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

// Times are Unix seconds. Their calendar arithmetic is jiff's civil arithmetic from the epoch
// in UTC, not `jiff::Timestamp`: a `Timestamp` stops at 9999-12-30T22:00Z (so that every
// offset up to ±25:59:59 can still show it as a civil time), and these functions have always
// answered for the whole of the year 9999 (`parse_rfc3339("9999-12-31T12:00:00Z")`,
// `format_rfc3339` and `china_date` of such a time). The tests pin that edge.

/// The civil date and time in UTC at Unix time `t`, while its year is within jiff's
/// (−9999..=9999).
fn utc_at(t: i64) -> Option<civil::DateTime> {
    EPOCH_TIME.checked_add(SignedDuration::from_secs(t)).ok()
}

/// The Unix time of a civil date and time on a clock `offset` ahead of UTC.
pub(crate) fn unix_seconds(local: civil::DateTime, offset: Offset) -> i64 {
    local.duration_since(EPOCH_TIME).as_secs() - i64::from(offset.seconds())
}

/// Parses an RFC 3339 date-time to Unix seconds, exactly as SPEC.md §9.4 writes it for a
/// ledger entry's `at`: `YYYY-MM-DD`, then `T`, `t` or a space, `HH:MM:SS` (hours 00–23,
/// minutes and seconds 00–59), an optional fraction (`.` and one or more digits, ignored),
/// then `Z`, `z` or `±HH:MM` (hours 00–23, minutes 00–59); nothing before or after. Years
/// 1000–9999. jiff checks the day and the clock and does the arithmetic.
///
/// (jiff's own parser is wider — `+08`, `+0800`, `,5`, `:60`, `20270115T100000Z`, `[…]` —
/// and a verifier must refuse what the spec refuses, so the grammar is ours.)
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let number = |from: usize, len: usize| -> Option<u16> {
        let part = b.get(from..from + len)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0')))
    };
    let at = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    if !(at(4, b"-") && at(7, b"-") && at(10, b"Tt ") && at(13, b":") && at(16, b":")) {
        return None;
    }
    let day = Date::new(number(0, 4)?, number(5, 2)? as u8, number(8, 2)? as u8)?;
    // Hours 00–23, minutes and seconds 00–59 (no leap second).
    let two = |from: usize| number(from, 2).and_then(|n| i8::try_from(n).ok());
    let time = civil::Time::new(two(11)?, two(14)?, two(17)?, 0).ok()?;
    let mut zone = &s[19..];
    if let Some(fraction) = zone.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        zone = &fraction[digits..];
    }
    let offset = match zone.as_bytes() {
        b"Z" | b"z" => Offset::UTC,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digit = |d: &u8| d.is_ascii_digit().then(|| i32::from(d - b'0'));
            let (hours, minutes) = (digit(h1)? * 10 + digit(h2)?, digit(m1)? * 10 + digit(m2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let seconds = hours * 3600 + minutes * 60;
            Offset::from_seconds(if *sign == b'-' { -seconds } else { seconds }).ok()?
        }
        _ => return None,
    };
    Some(unix_seconds(day.to_jiff().to_datetime(time), offset))
}

/// Parses a time as people write it: RFC 3339 ([`parse_rfc3339`]), or a date and a clock
/// time with no offset, read as Beijing time (UTC+8): `2027-01-15 10:00`,
/// `2027-01-15 10:00:30`, `2027-01-15T10:00`. Unix seconds.
pub fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Some(t) = parse_rfc3339(s) {
        return Some(t);
    }
    let (day, clock) = s.split_once([' ', 'T', 't'])?;
    let b = day.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let day = Date::parse(day)?;
    let parts: Vec<&str> = clock.trim().split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| parts.get(i).map_or(Some(0), |p| p.parse::<i8>().ok());
    let time = civil::Time::new(n(0)?, n(1)?, n(2)?, 0).ok()?;
    Some(unix_seconds(day.to_jiff().to_datetime(time), BEIJING))
}

/// Unix seconds as Beijing time (UTC+8), for people to read: `2027-01-15 10:00:00`.
pub fn format_beijing(t: i64) -> String {
    match beijing_at(t) {
        Some((day, [h, m, s])) => format!("{day} {h:02}:{m:02}:{s:02}"),
        None => format_rfc3339(t),
    }
}

/// The date and the time of day (hour, minute, second) in Beijing (UTC+8) at Unix time `t`;
/// `None` out of the years 1000 to 9999.
pub fn beijing_at(t: i64) -> Option<(Date, [u8; 3])> {
    let local = utc_at(t)?
        .checked_add(SignedDuration::from_secs(8 * 3600))
        .ok()?;
    let time = [local.hour(), local.minute(), local.second()].map(i8::unsigned_abs);
    Some((Date::from_jiff(local.date())?, time))
}

/// The calendar date in China (UTC+8, no daylight saving) at Unix time `t`.
pub fn china_date(t: i64) -> Option<Date> {
    beijing_at(t).map(|(day, _)| day)
}

/// The Unix time at which `day` begins in China (00:00 UTC+8).
pub(crate) fn china_start(day: Date) -> i64 {
    unix_seconds(day.to_jiff().to_datetime(civil::Time::midnight()), BEIJING)
}

/// Formats Unix seconds as RFC 3339 in UTC (`2027-01-15T02:00:00Z`).
///
/// A time whose date is not in the years 1000 to 9999 keeps its time of day, with
/// `????-??-??` for the date.
pub fn format_rfc3339(t: i64) -> String {
    let date = utc_at(t)
        .and_then(|dt| Date::from_jiff(dt.date()))
        .map_or_else(|| "????-??-??".to_owned(), |d| d.to_string());
    let time = civil::Time::midnight().wrapping_add(SignedDuration::from_secs(t));
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        time.hour(),
        time.minute(),
        time.second()
    )
}

/// The open end of a validity period: 长期 (long-term, no end date).
pub const OPEN_END: &str = "长期";

/// A validity period `from/to`, where `to` may be open (长期).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validity {
    /// First valid day.
    pub from: Date,
    /// Last valid day; `None` for 长期.
    pub to: Option<Date>,
}

impl Validity {
    /// Parses `2023-01-01至2028-12-31`, `2023-01-01~2028-12-31`,
    /// `2023-01-01/2028-12-31`, `2023-01-01--2028-12-31` (any accepted date
    /// form on each side), with `长期` as the end for no end date.
    pub fn parse(s: &str) -> Option<Validity> {
        let s = s.trim();
        let (a, b) = ["至", "~", "～", "--", "—", "/"].iter().find_map(|sep| {
            // `/` also separates date parts: split on the one in the middle.
            if *sep == "/" {
                let idx: Vec<usize> = s.match_indices('/').map(|(i, _)| i).collect();
                return match idx.len() {
                    1 => Some((&s[..idx[0]], &s[idx[0] + 1..])),
                    5 => Some((&s[..idx[2]], &s[idx[2] + 1..])),
                    _ => None,
                };
            }
            s.split_once(sep)
        })?;
        let from = Date::parse(a)?;
        let b = b.trim();
        let to = if b == OPEN_END {
            None
        } else {
            Some(Date::parse(b)?)
        };
        if to.is_some_and(|t| t < from) {
            return None;
        }
        Some(Validity { from, to })
    }

    /// True when `day` falls within the period.
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && self.to.is_none_or(|t| day <= t)
    }
}

impl fmt::Display for Validity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) => write!(f, "{}/{to}", self.from),
            None => write!(f, "{}/{OPEN_END}", self.from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for s in [
            "2027-01-15",
            "2027/1/15",
            "2027.01.15",
            "2027年1月15日",
            "20270115",
            " 2027-1-15 ",
            "2027年01月15",
        ] {
            assert_eq!(
                Date::parse(s).map(|d| d.to_string()).as_deref(),
                Some("2027-01-15"),
                "{s}"
            );
        }
        for s in [
            "2027-02-29",
            "2027-13-01",
            "27-01-15",
            "2027-01/15",
            "2027-1",
            "",
            "二〇二七年",
            // Not forms of §3.3: a 日 after another separator, mixed or repeated Chinese
            // separators, three-digit parts, a year below 1000.
            "2027-1-15日",
            "2027年1年15日",
            "2027月1月15日",
            "2027年1月15日日",
            "2027.1.15.",
            "2027-001-15",
            "2027/1/015",
            "0999-01-15",
            "2027--1-15",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert!(Date::parse("2028-02-29").is_some());
    }

    #[test]
    fn serials() {
        assert_eq!(
            Date::from_days_since_epoch(0).unwrap().to_string(),
            "1970-01-01"
        );
        assert_eq!(
            Date::from_days_since_epoch(20_833).unwrap().to_string(),
            "2027-01-15"
        );
    }

    #[test]
    fn days_round_trip() {
        for days in [-1000, 0, 59, 60, 20_833, 29_000] {
            assert_eq!(
                Date::from_days_since_epoch(days)
                    .unwrap()
                    .days_since_epoch(),
                days
            );
        }
        assert_eq!(
            Date::parse("2027-01-15").unwrap().days_since_epoch(),
            20_833
        );
    }

    #[test]
    fn rfc3339() {
        assert_eq!(parse_rfc3339("2023-09-15T11:00:03Z"), Some(1_694_775_603));
        assert_eq!(
            parse_rfc3339("2023-09-15T19:00:03+08:00"),
            Some(1_694_775_603)
        );
        assert_eq!(
            parse_rfc3339("2023-09-15 19:00:03.250+08:00"),
            Some(1_694_775_603)
        );
        assert_eq!(format_rfc3339(1_694_775_603), "2023-09-15T11:00:03Z");
        for bad in [
            "2023-09-15",
            "2023-09-15T11:00Z",
            "2023/09/15T11:00:03Z",
            "2023-09-15T25:00:00Z",
            "2023-09-15T11:00:03",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_as_people_write_them_are_beijing_time() {
        let ten = parse_rfc3339("2027-01-15T10:00:00+08:00").unwrap();
        for s in [
            "2027-01-15 10:00",
            "2027-01-15T10:00",
            " 2027-01-15 10:00:00 ",
            "2027-01-15T02:00:00Z",
        ] {
            assert_eq!(parse_time(s), Some(ten), "{s}");
        }
        for bad in [
            "2027-01-15",
            "2027-01-15 10",
            "2027-01-15 25:00",
            "2027-1-15 10:00",
            "2027-01-15 10:00:00:00",
            "2027-02-30 10:00",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
        assert_eq!(format_beijing(ten), "2027-01-15 10:00:00");
        // Past midnight in Beijing, the day before in UTC.
        assert_eq!(
            format_beijing(parse_rfc3339("2026-12-31T16:30:00Z").unwrap()),
            "2027-01-01 00:30:00"
        );
    }

    #[test]
    fn rfc3339_as_spec_section_9_4_writes_it() {
        for (text, t) in [
            ("2027-01-15T10:00:00+08:00", 1_799_978_400),
            ("2027-01-15t10:00:00z", 1_800_007_200),
            ("2027-01-15 10:00:00Z", 1_800_007_200),
            ("2027-01-15T10:00:00.123456789Z", 1_800_007_200),
            ("2027-01-15T10:00:00.5+08:00", 1_799_978_400),
            ("2027-01-15T10:00:00-00:00", 1_800_007_200),
            ("9999-12-31T23:59:59Z", 253_402_300_799),
            ("9999-12-31T23:59:59-23:59", 253_402_387_139),
            ("1000-01-01T00:00:00+23:59", -30_610_310_340),
        ] {
            assert_eq!(parse_rfc3339(text), Some(t), "{text}");
        }
        for bad in [
            // Wider forms the lexer once let through: refused, as the spec refuses them.
            " 2027-01-15T10:00:00+08:00 ",
            "2027-1-15 T10:00:00Z",
            "2027-1-1   10:00:00Z",
            "2027/01/15T10:00:00Z",
            "2027-01-15T10:00:00.Z",
            "2027-01-15T10:00:00.5.5Z",
            "2027-01-15T10:00:00. 年Z",
            "2027-01-15T10:00:00Z08:00",
            "2027-01-15T10:00:00ZZ",
            // Forms jiff's parser takes.
            "2027-01-15T10:00:00+08",
            "2027-01-15T10:00:00+0800",
            "2027-01-15T10:00:00+24:00",
            "2027-01-15T10:00:00,5Z",
            "2027-01-15T10:00:60Z",
            "2027-01-15T10:00Z",
            "20270115T100000Z",
            "2027-01-15T10:00:00+08:00[Asia/Shanghai]",
            "0999-12-31T23:00:00-08:00",
            // Not a date-time at all.
            "2027-01-15T10:00:00+23:60",
            "2027-01-15T24:00:00Z",
            "2027-02-29T10:00:00Z",
            "2027-01-15T10:00:00 Z",
            "2027-01-15T10:00:00.xyz+05:30",
            "２０２７-01-15T10:00:00Z",
            "",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn times_at_the_ends_of_the_years() {
        // The last second of 9999, beyond jiff::Timestamp::MAX, and the first after it.
        assert_eq!(format_rfc3339(253_402_300_799), "9999-12-31T23:59:59Z");
        assert_eq!(format_rfc3339(253_402_300_800), "????-??-??T00:00:00Z");
        assert_eq!(format_rfc3339(-30_610_224_000), "1000-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(-30_610_224_001), "????-??-??T23:59:59Z");
        assert_eq!(format_rfc3339(i64::MIN), "????-??-??T08:29:52Z");
        assert_eq!(format_rfc3339(i64::MAX), "????-??-??T15:30:07Z");
        assert_eq!(
            china_date(253_402_300_799 - 8 * 3600).map(|d| d.to_string()),
            Some("9999-12-31".to_owned())
        );
        assert_eq!(china_date(253_402_300_800 - 8 * 3600), None);
        assert_eq!(
            china_date(-30_610_252_800).map(|d| d.to_string()),
            Some("1000-01-01".to_owned())
        );
        assert_eq!(china_date(-30_610_252_801), None);
        assert_eq!(china_date(i64::MAX), None);
        assert_eq!(china_date(i64::MIN), None);
        assert_eq!(
            china_start(Date::parse("2027-01-15").unwrap()),
            1_799_942_400
        );
    }

    #[test]
    fn days_of_dates_written_field_by_field() {
        // As the day count always did: the day counts on from the first of the month.
        let d = |year, month, day| Date { year, month, day }.days_since_epoch();
        assert_eq!(d(2027, 2, 30), d(2027, 3, 2));
        assert_eq!(d(2027, 3, 0), d(2027, 2, 28));
        assert_eq!(d(2024, 12, 255), d(2025, 8, 12));
        // Out of range: no panic.
        let _ = (d(65_535, 255, 255), d(0, 0, 0), d(9999, 12, 255));
    }

    #[test]
    fn validity() {
        let v = Validity::parse("2023-01-01至2028-12-31").unwrap();
        assert_eq!(v.to_string(), "2023-01-01/2028-12-31");
        assert!(v.covers(Date::parse("2027-01-15").unwrap()));
        assert!(!v.covers(Date::parse("2029-01-01").unwrap()));
        assert_eq!(
            Validity::parse("2023/1/1/2028/12/31").unwrap().to_string(),
            "2023-01-01/2028-12-31"
        );
        assert_eq!(
            Validity::parse("2023-01-01~长期").unwrap().to_string(),
            "2023-01-01/长期"
        );
        assert_eq!(
            Validity::parse("2023-01-01/2028-12-31")
                .unwrap()
                .to_string(),
            "2023-01-01/2028-12-31"
        );
        assert!(Validity::parse("2028-01-01至2023-01-01").is_none());
        assert!(Validity::parse("2023-01-01").is_none());
    }
}
