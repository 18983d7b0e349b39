//! One module per command, each with `run(args, lang) -> Result<ExitCode>`: it reads the
//! files its arguments name, calls the library, writes and prints. `main` dispatches to them.
//!
//! What several commands share is in this file: the clock (the library has none).

pub mod amend;
pub mod announce;
pub mod beacon_round;
pub mod check;
pub mod contribute;
pub mod demo;
pub mod digest;
pub mod draw;
pub mod finalize;
pub mod generate;
pub mod init;
pub mod matching;
pub mod plan;
pub mod publish;
pub mod results;
pub mod schema;
pub mod sql;
pub mod verify;

/// The system clock, in Unix seconds.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

/// A day given by a flag (`flag`, named in the error) or, without one, today in China
/// (UTC+8): the day deadlines are measured from, the date a notice is signed.
pub fn day_or_today(
    given: Option<&str>,
    flag: &str,
    lang: crate::lang::Lang,
) -> anyhow::Result<shuangsui::dates::Date> {
    match given {
        Some(t) => shuangsui::dates::Date::parse(t)
            .ok_or_else(|| anyhow::anyhow!(t!(lang, "error-bad-day", flag = flag, date = t))),
        None => shuangsui::dates::china_date(unix_now())
            .ok_or_else(|| anyhow::anyhow!(t!(lang, "error-clock"))),
    }
}
