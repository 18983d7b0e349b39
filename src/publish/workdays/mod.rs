//! Chinese working days (工作日): the calendar behind publication deadlines.
//!
//! Inspection results are published within 20 working days of the inspection. A working day
//! is a Monday to Friday that is not a public holiday, or a weekend day the State Council
//! makes a working day (调休上班). The schedule is announced year by year, so the calendar is
//! data: [`Calendar::official`] holds the announced years (`src/workdays/cn.toml`), a bureau
//! adds later ones with a file of the same form, and a year the calendar does not hold is an
//! error, never a guess.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use crate::dates::Date;
use crate::error::{Error, ErrorKind, Location, Result};

/// The announced years, as shipped.
const OFFICIAL: &str = include_str!("cn.toml");

/// The day of the week: 1 Monday … 7 Sunday.
pub fn weekday(day: Date) -> u8 {
    u8::try_from(day.to_jiff().weekday().to_monday_one_offset()).expect("1..=7")
}

/// The days from `first` to `last`, both included (none when `last` is before `first`).
fn days(first: Date, last: Date) -> impl Iterator<Item = Date> {
    let last = last.to_jiff();
    std::iter::successors(Some(first.to_jiff()), |d| d.tomorrow().ok())
        .take_while(move |d| *d <= last)
        .map(|d| Date::from_jiff(d).expect("between two valid dates"))
}

/// One year's schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    /// Where the schedule comes from (the State Council notice, or the user's file).
    pub source: String,
    holidays: BTreeSet<Date>,
    workdays: BTreeSet<Date>,
}

impl Year {
    /// The announced days off, weekend days inside the announced ranges included.
    pub fn holidays(&self) -> impl Iterator<Item = Date> + '_ {
        self.holidays.iter().copied()
    }

    /// The weekend days that are working days (调休上班).
    pub fn workdays(&self) -> impl Iterator<Item = Date> + '_ {
        self.workdays.iter().copied()
    }
}

/// A working-day calendar: complete schedules for some years.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<u16, Year>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    year: Vec<Spanned<RawYear>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    year: Spanned<i64>,
    #[serde(default)]
    source: String,
    #[serde(default)]
    holidays: Vec<Spanned<String>>,
    #[serde(default)]
    workdays: Vec<Spanned<String>>,
}

impl Calendar {
    /// The years whose schedule the State Council has announced and this release ships.
    pub fn official() -> Calendar {
        Calendar::parse("shuangsui:workdays/cn.toml", OFFICIAL.as_bytes())
            .expect("the shipped calendar is valid (tested)")
    }

    /// Parses a calendar file: `[[year]]` tables with `year`, `source`, `holidays` (dates or
    /// inclusive ranges `A..B`) and `workdays` (weekend days that are working days).
    pub fn parse(source: &str, bytes: &[u8]) -> Result<Calendar> {
        let text = std::str::from_utf8(bytes).map_err(|_| {
            Error::with_id(ErrorKind::CalendarSyntax, "calendar-not-utf8")
                .at(Location::file(source))
        })?;
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let at = |offset: usize| crate::plan::locate(source, text, offset);
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            // The toml crate's own words.
            Error::with_id(ErrorKind::CalendarSyntax, "calendar-toml")
                .at(e
                    .span()
                    .map_or_else(|| Location::file(source), |s| at(s.start)))
                .arg("detail", e.message().trim_end_matches('\n').to_owned())
                .caused_by(e)
        })?;
        let mut years = BTreeMap::new();
        for raw_year in raw.year {
            let span = raw_year.span();
            let y = raw_year.into_inner();
            let year = u16::try_from(*y.year.get_ref())
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| {
                    Error::with_id(ErrorKind::CalendarSyntax, "calendar-year")
                        .at(at(y.year.span().start))
                        .arg("found", y.year.get_ref().to_string())
                })?;
            if years.contains_key(&year) {
                return Err(
                    Error::with_id(ErrorKind::CalendarSyntax, "calendar-year-twice")
                        .at(at(span.start))
                        .arg("year", year),
                );
            }
            let in_year = |s: &Spanned<String>, d: Date| {
                if d.year == year {
                    Ok(d)
                } else {
                    Err(
                        Error::with_id(ErrorKind::CalendarSyntax, "calendar-not-in-year")
                            .at(at(s.span().start))
                            .arg("date", s.get_ref())
                            .arg("year", year),
                    )
                }
            };
            let date = |s: &Spanned<String>, text: &str| {
                Date::parse(text).ok_or_else(|| {
                    Error::with_id(ErrorKind::CalendarSyntax, "calendar-date")
                        .at(at(s.span().start))
                        .arg("year", year)
                        .arg("found", s.get_ref())
                })
            };
            let mut holidays = BTreeSet::new();
            for h in &y.holidays {
                let (a, b) = h
                    .get_ref()
                    .split_once("..")
                    .unwrap_or((h.get_ref(), h.get_ref()));
                let (first, last) = (date(h, a)?, date(h, b)?);
                let (first, last) = (in_year(h, first)?, in_year(h, last)?);
                if last < first {
                    return Err(Error::with_id(ErrorKind::CalendarSyntax, "calendar-range")
                        .at(at(h.span().start))
                        .arg("range", h.get_ref()));
                }
                holidays.extend(days(first, last));
            }
            let mut workdays = BTreeSet::new();
            for w in &y.workdays {
                let d = in_year(w, date(w, w.get_ref())?)?;
                if weekday(d) < 6 {
                    return Err(
                        Error::with_id(ErrorKind::CalendarSyntax, "calendar-weekday")
                            .at(at(w.span().start))
                            .arg("date", d.to_string()),
                    );
                }
                if holidays.contains(&d) {
                    return Err(Error::with_id(ErrorKind::CalendarSyntax, "calendar-both")
                        .at(at(w.span().start))
                        .arg("date", d.to_string()));
                }
                workdays.insert(d);
            }
            years.insert(
                year,
                Year {
                    source: y.source.trim().to_owned(),
                    holidays,
                    workdays,
                },
            );
        }
        Ok(Calendar { years })
    }

    /// This calendar with `other`'s years added; a year in both is `other`'s.
    #[must_use]
    pub fn with(mut self, other: Calendar) -> Calendar {
        self.years.extend(other.years);
        self
    }

    /// The years this calendar holds.
    pub fn years(&self) -> impl Iterator<Item = (u16, &Year)> + '_ {
        self.years.iter().map(|(y, s)| (*y, s))
    }

    fn year(&self, year: u16) -> Result<&Year> {
        self.years.get(&year).ok_or_else(|| {
            Error::new(ErrorKind::NoCalendar).arg("year", year).arg(
                "known",
                self.years
                    .keys()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        })
    }

    /// Whether `day` is a working day; an error for a year the calendar does not hold.
    pub fn is_working_day(&self, day: Date) -> Result<bool> {
        let year = self.year(day.year)?;
        Ok(year.workdays.contains(&day) || (weekday(day) < 6 && !year.holidays.contains(&day)))
    }

    /// The `n`th working day after `day` (`day` itself not counted): the deadline of
    /// something due "within `n` working days" of `day`. `n = 0` gives `day`.
    pub fn add_working_days(&self, day: Date, n: u32) -> Result<Date> {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            d = d
                .to_jiff()
                .tomorrow()
                .ok()
                .and_then(Date::from_jiff)
                .ok_or(
                    Error::new(ErrorKind::NoCalendar)
                        .arg("year", 9999)
                        .arg("known", String::new()),
                )?;
            if self.is_working_day(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }

    /// How many working days lie after `from` up to and including `to` (0 when `to` is not
    /// after `from`).
    pub fn working_days_between(&self, from: Date, to: Date) -> Result<u32> {
        let mut count = 0;
        for d in days(from, to).skip(1) {
            if self.is_working_day(d)? {
                count += 1;
            }
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday(d("1970-01-01")), 4);
        assert_eq!(weekday(d("2026-10-01")), 4); // 周四, as the notice says
        assert_eq!(weekday(d("2026-02-15")), 7); // 周日
        assert_eq!(weekday(d("2025-01-28")), 2); // 周二
    }

    #[test]
    fn the_official_calendar_parses_and_agrees_with_the_notices() {
        let c = Calendar::official();
        assert_eq!(
            c.years().map(|(y, _)| y).collect::<Vec<_>>(),
            vec![2024, 2025, 2026]
        );
        // Every make-up day is a weekend day and a working day; every announced weekday holiday is not.
        for (_, year) in c.years() {
            for w in year.workdays() {
                assert!(weekday(w) >= 6 && c.is_working_day(w).unwrap(), "{w}");
            }
            for h in year.holidays() {
                assert!(!c.is_working_day(h).unwrap(), "{h}");
            }
        }
        // Days off: 2024 has 2 + … as announced; count the weekday holidays per year.
        let weekday_holidays = |y: u16| {
            c.years()
                .find(|(n, _)| *n == y)
                .unwrap()
                .1
                .holidays()
                .filter(|h| weekday(*h) < 6)
                .count()
        };
        // 2025: 元旦 1, 春节 6 (1-28..2-4 minus the weekend 2-1, 2-2), 清明 1, 劳动 3, 端午 1, 国庆 6.
        assert_eq!(weekday_holidays(2025), 1 + 6 + 1 + 3 + 1 + 6);
    }

    #[test]
    fn national_day_week_and_its_make_up_days() {
        let c = Calendar::official();
        // 2026: 10-01..10-07 off; 9-20 (Sunday) and 10-10 (Saturday) are working days.
        assert!(c.is_working_day(d("2026-09-20")).unwrap());
        assert!(!c.is_working_day(d("2026-09-19")).unwrap());
        assert!(c.is_working_day(d("2026-09-30")).unwrap());
        for day in 1..=7 {
            assert!(!c.is_working_day(Date::new(2026, 10, day).unwrap()).unwrap());
        }
        assert!(c.is_working_day(d("2026-10-08")).unwrap());
        assert!(c.is_working_day(d("2026-10-10")).unwrap());
        assert!(!c.is_working_day(d("2026-10-11")).unwrap());
        // Inspected on 2026-09-30: the 1st working day after is 10-08, then 10-09, 10-10 (Saturday, 调休), 10-12 …
        assert_eq!(
            c.add_working_days(d("2026-09-30"), 1).unwrap(),
            d("2026-10-08")
        );
        assert_eq!(
            c.add_working_days(d("2026-09-30"), 3).unwrap(),
            d("2026-10-10")
        );
        assert_eq!(
            c.add_working_days(d("2026-09-30"), 4).unwrap(),
            d("2026-10-12")
        );
        // 20 working days: 10-08, 09, 10, 12–16 (8), 19–23 (13), 26–30 (18), 11-02, 11-03 (20).
        assert_eq!(
            c.add_working_days(d("2026-09-30"), 20).unwrap(),
            d("2026-11-03")
        );
        assert_eq!(
            c.working_days_between(d("2026-09-30"), d("2026-11-03"))
                .unwrap(),
            20
        );
        // 2025: the eight-day 国庆节、中秋节 with 9-28 and 10-11 worked.
        assert_eq!(
            c.add_working_days(d("2025-09-26"), 1).unwrap(),
            d("2025-09-28")
        );
        assert_eq!(
            c.add_working_days(d("2025-09-30"), 1).unwrap(),
            d("2025-10-09")
        );
        assert_eq!(
            c.add_working_days(d("2025-09-30"), 3).unwrap(),
            d("2025-10-11")
        );
    }

    #[test]
    fn spring_festival_and_its_make_up_days() {
        let c = Calendar::official();
        // 2026: 2-15..2-23 off (nine days); 2-14 and 2-28 (Saturdays) worked.
        assert!(c.is_working_day(d("2026-02-14")).unwrap());
        assert!(!c.is_working_day(d("2026-02-16")).unwrap());
        assert!(!c.is_working_day(d("2026-02-23")).unwrap());
        assert_eq!(
            c.add_working_days(d("2026-02-13"), 1).unwrap(),
            d("2026-02-14")
        );
        assert_eq!(
            c.add_working_days(d("2026-02-14"), 1).unwrap(),
            d("2026-02-24")
        );
        // 2-24..27 (4), 2-28 Saturday (5), 3-02..06 (10), 09..13 (15), 16..20 (20).
        assert_eq!(
            c.add_working_days(d("2026-02-14"), 20).unwrap(),
            d("2026-03-20")
        );
        // 2024: 2-10..2-17 off, 2-04 and 2-18 (Sundays) worked.
        assert!(c.is_working_day(d("2024-02-04")).unwrap());
        assert!(c.is_working_day(d("2024-02-18")).unwrap());
        assert_eq!(
            c.add_working_days(d("2024-02-09"), 1).unwrap(),
            d("2024-02-18")
        );
        // 2025: 1-28..2-04 off; 1-26 (Sunday) and 2-08 (Saturday) worked.
        assert_eq!(
            c.add_working_days(d("2025-01-24"), 1).unwrap(),
            d("2025-01-26")
        );
        assert_eq!(
            c.add_working_days(d("2025-01-27"), 1).unwrap(),
            d("2025-02-05")
        );
        assert_eq!(
            c.working_days_between(d("2025-01-27"), d("2025-02-08"))
                .unwrap(),
            4
        );
    }

    #[test]
    fn a_year_without_a_schedule_is_refused_not_guessed() {
        let c = Calendar::official();
        let e = c.add_working_days(d("2026-12-20"), 20).unwrap_err();
        assert_eq!(e.kind(), "no_calendar", "{e}");
        assert_eq!(e.value("year"), Some(&crate::messages::Arg::Count(2027)));
        assert!(e.to_string().contains("2027"));
        let hint = e.hint(crate::messages::Lang::En).unwrap();
        assert!(
            hint.contains("calendar file") && hint.contains("[[year]] year = 2027"),
            "{hint}"
        );
        // A user file adds the year.
        let user = Calendar::parse(
            "2027.toml",
            "[[year]]\nyear = 2027\nsource = \"本局录入\"\nholidays = [\"2027-01-01\"]\n"
                .as_bytes(),
        )
        .unwrap();
        let c = c.with(user);
        assert_eq!(
            c.add_working_days(d("2026-12-31"), 1).unwrap(),
            d("2027-01-04")
        );
    }

    #[test]
    fn bad_calendar_files_name_the_line() {
        let cases = [
            (
                "[[year]]\nyear = 2027\nworkdays = [\"2027-01-05\"]\n",
                "2027.toml:3:13",
                "is a weekday",
            ),
            (
                "[[year]]\nyear = 2027\nholidays = [\"2027-02-30\"]\n",
                "2027.toml:3:13",
                "expected a date",
            ),
            (
                "[[year]]\nyear = 2027\nholidays = [\"2026-12-31..2027-01-01\"]\n",
                "2027.toml:3:13",
                "is not in 2027",
            ),
            (
                "[[year]]\nyear = 2027\nholidays = [\"2027-01-03..2027-01-01\"]\n",
                "2027.toml:3:13",
                "ends before",
            ),
            (
                "[[year]]\nyear = 2027\nholidays = [\"2027-01-02\"]\nworkdays = [\"2027-01-02\"]\n",
                "2027.toml:4:13",
                "both",
            ),
            (
                "[[year]]\nyear = 2027\n[[year]]\nyear = 2027\n",
                "2027.toml:3:1",
                "twice",
            ),
            (
                "[[year]]\nyear = 2027\nholiday = []\n",
                "2027.toml:",
                "unknown field",
            ),
        ];
        for (text, at, what) in cases {
            let e = Calendar::parse("2027.toml", text.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(e.starts_with(at) && e.contains(what), "{text:?}: {e}");
        }
    }

    #[test]
    fn a_calendar_error_in_chinese_and_in_english() {
        let text =
            "[[year]]\nyear = 2027\nholidays = [\"2027-13-01\"]\nworkdays = [\"2027-01-04\"]\n";
        let e = Calendar::parse("2027.toml", text.as_bytes()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "2027.toml:3:13: expected a date such as 2027-10-01 or a range 2027-10-01..2027-10-07, found '2027-13-01'"
        );
        assert_eq!(
            e.message(crate::messages::Lang::Zh),
            "2027.toml:3:13: 应为日期（如 2027-10-01）或日期范围（如 2027-10-01..2027-10-07），实为“2027-13-01”"
        );
        let text = "[[year]]\nyear = 2027\nworkdays = [\"2027-01-04\"]\n";
        let e = Calendar::parse("2027.toml", text.as_bytes()).unwrap_err();
        assert!(
            e.message(crate::messages::Lang::Zh)
                .ends_with("2027-01-04 本来就是工作日（周一至周五）：只有周六、周日才能调为上班日"),
            "{e:?}"
        );
    }
}
