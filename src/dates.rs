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

/// A proleptic Gregorian calendar date.
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
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
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
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after the Unix epoch (1970-01-01), for spreadsheet serials.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Parses an RFC 3339 date-time (`2027-01-15T10:00:00+08:00`, `…Z`, an
/// optional fraction of a second, `T` or a space) to Unix seconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, rest) = s.split_at_checked(10)?;
    let day = Date::parse(date)?;
    if date.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (clock, zone) = match rest.find(['Z', 'z', '+', '-']) {
        Some(i) => rest.split_at(i),
        None => return None,
    };
    let clock = clock.split('.').next()?;
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (h, m, sec): (i64, i64, i64) = (
        parts[0].parse().ok()?,
        parts[1].parse().ok()?,
        parts[2].parse().ok()?,
    );
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let offset = match zone {
        "Z" | "z" => 0,
        z => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let (oh, om) = z[1..].split_once(':')?;
            if oh.len() != 2
                || om.len() != 2
                || !oh.bytes().chain(om.bytes()).all(|b| b.is_ascii_digit())
                || oh > "23"
                || om > "59"
            {
                return None;
            }
            sign * (oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60)
        }
    };
    Some(day.days_since_epoch() * 86_400 + h * 3600 + m * 60 + sec - offset)
}

/// The calendar date in China (UTC+8, no daylight saving) at Unix time `t`.
pub fn china_date(t: i64) -> Option<Date> {
    Date::from_days_since_epoch(t.checked_add(8 * 3600)?.div_euclid(86_400))
}

/// Formats Unix seconds as RFC 3339 in UTC (`2027-01-15T02:00:00Z`).
pub fn format_rfc3339(t: i64) -> String {
    let days = t.div_euclid(86_400);
    let rem = t.rem_euclid(86_400);
    let date = Date::from_days_since_epoch(days)
        .map_or_else(|| "????-??-??".to_owned(), |d| d.to_string());
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
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
