//! Progress on standard error for long runs: rows read, rate, stage. Shown only when
//! standard error is a terminal and `--quiet` was not given, so logs and pipes stay clean.

use std::io::{IsTerminal as _, Write as _};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use shuangsui::inputs::Progress;

static QUIET: AtomicBool = AtomicBool::new(false);

/// Silences progress for the rest of the run (`--quiet`).
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

fn enabled() -> bool {
    !QUIET.load(Ordering::Relaxed) && std::io::stderr().is_terminal()
}

/// A stage of a long run, on its own line.
pub fn stage(text: &str) {
    if enabled() {
        eprint!("\r\x1b[2K{text}");
        let _ = std::io::stderr().flush();
    }
}

/// Clears the progress line.
pub fn done() {
    if enabled() {
        eprint!("\r\x1b[2K");
        let _ = std::io::stderr().flush();
    }
}

/// Reports the reading of one input, at most every 200 ms.
pub struct Reading {
    label: String,
    start: Instant,
    last: Mutex<Option<Instant>>,
}

impl Reading {
    pub fn new(label: &str) -> Self {
        Self {
            label: label.to_owned(),
            start: Instant::now(),
            last: Mutex::new(None),
        }
    }

    pub fn report(&self, p: &Progress) {
        if !enabled() {
            return;
        }
        let now = Instant::now();
        let mut last = self.last.lock().expect("progress lock");
        if last.is_some_and(|t| now - t < Duration::from_millis(200)) && p.bytes < p.total {
            return;
        }
        *last = Some(now);
        let secs = (now - self.start).as_secs_f64().max(1e-3);
        #[allow(clippy::cast_precision_loss)]
        let (mb, total, rate) = (
            p.bytes as f64 / 1e6,
            p.total as f64 / 1e6,
            p.bytes as f64 / 1e6 / secs,
        );
        stage(&t!(
            crate::lang::current(),
            "progress-reading",
            file = &self.label,
            read = format!("{mb:.0}"),
            total = format!("{total:.0}"),
            rows = p.rows,
            rate = format!("{rate:.0}"),
        ));
    }
}
