//! What the ceremony's tests share: the real drand quicknet round of
//! `tests/fixtures/drand-quicknet.json` (a copy of `../shared/fixtures`) and `faketime`,
//! which runs the CLI at the clock of 2023, when that round was emitted.
#![allow(dead_code)] // each test binary uses what it needs

use shuangsui::ceremony::beacon::Round;

/// The fixture round 657413, emitted at 2023-09-15T11:00:03Z: its number, randomness and
/// signature, as drand's `/public/ROUND` returns them.
pub fn fixture_round() -> Round {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/drand-quicknet.json"
    );
    let text = std::fs::read_to_string(path).expect("the drand fixture");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let r = &v["rounds"][0];
    serde_json::from_value(serde_json::json!({
        "round": r["round"],
        "randomness": r["randomness"],
        "signature": r["signature"],
    }))
    .unwrap()
}

/// libfaketime, when it is installed here (its preload library); `None` otherwise, unless
/// `SHUANGSUI_REQUIRE_FAKETIME` is set (CI sets it), which makes its absence a failure.
/// Commands run at another clock through [`at_clock`], not the `faketime` wrapper: the
/// wrapper's semaphores collide when tests run it in parallel (`sem_open: File exists`).
pub fn faketime() -> Option<std::path::PathBuf> {
    faketime_preload()
}

/// `program` at the clock `clock`, libfaketime's syntax: `@YYYY-MM-DD hh:mm:ss` starts the
/// clock there and lets it run, `YYYY-MM-DD hh:mm:ss` holds it there; UTC.
pub fn at_clock(program: impl AsRef<std::ffi::OsStr>, clock: &str) -> std::process::Command {
    let preload = faketime_preload().expect("libfaketime (checked by the caller)");
    let mut c = std::process::Command::new(program);
    c.env("TZ", "UTC")
        .env("LD_PRELOAD", preload)
        .env("FAKETIME", clock);
    c
}

/// libfaketime's preload library (multi-threaded build), to run the binary itself at another
/// clock — without the `faketime` wrapper, which forks, so that a kill reaches the binary.
/// `None` where it is not installed, unless `SHUANGSUI_REQUIRE_FAKETIME` is set.
pub fn faketime_preload() -> Option<std::path::PathBuf> {
    let found = std::fs::read_dir("/usr/lib")
        .into_iter()
        .flatten()
        .flatten()
        .map(|d| d.path().join("faketime/libfaketimeMT.so.1"))
        .chain(std::iter::once(std::path::PathBuf::from(
            "/usr/lib/faketime/libfaketimeMT.so.1",
        )))
        .find(|p| p.exists());
    assert!(
        found.is_some() || std::env::var_os("SHUANGSUI_REQUIRE_FAKETIME").is_none(),
        "libfaketime is required (SHUANGSUI_REQUIRE_FAKETIME) but not installed"
    );
    found
}

/// Every file under a directory, recursively.
pub fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}
