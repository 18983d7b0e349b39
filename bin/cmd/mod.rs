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
