//! The HTML notice in a real headless browser (Debian's `chromium`): it renders, is
//! self-contained, and the counts it shows are the record's. A screenshot is kept in the
//! target directory (`target/notice-screenshot.png`).
//!
//! CI installs chromium and sets `SHUANGSUI_REQUIRE_BROWSER=1`, so there a missing browser
//! fails the test; elsewhere the test says it was skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::fixtures::{TempDir, available, bin, runs, succeeds};

pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| runs(name, &["--version"]))
        .map(PathBuf::from)
}

pub fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The value of `attr="…"` in an element's opening tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    Some(tag[start..].split('"').next()?.to_owned())
}

/// The opening tags that contain `needle`, in document order.
fn tags<'a>(dom: &'a str, needle: &str) -> Vec<&'a str> {
    dom.match_indices(needle)
        .filter_map(|(i, _)| {
            let open = dom[..i].rfind('<')?;
            let close = i + dom[i..].find('>')?;
            Some(&dom[open..=close])
        })
        .collect()
}

/// The text of the `n`th `<td …>` cells after position `from`.
fn cells(dom: &str, from: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = from;
    while out.len() < n {
        let open = at + dom[at..].find("<td").unwrap();
        let body = open + dom[open..].find('>').unwrap() + 1;
        let end = body + dom[body..].find("</td>").unwrap();
        out.push(dom[body..end].to_owned());
        at = end;
    }
    out
}

#[test]
fn the_html_notice_renders_with_the_records_counts() {
    let found = chromium();
    if !available(found.is_some(), "SHUANGSUI_REQUIRE_BROWSER", "chromium") {
        return;
    }
    let browser = found.unwrap();
    let dir = TempDir::new("browser");
    succeeds(bin().args(["demo", "--out"]).arg(dir.join("demo")));
    let html_path = dir.join("demo/publish/notice.html");
    let html = std::fs::read_to_string(&html_path).unwrap();
    // Self-contained: nothing to fetch.
    for needle in ["<script", "src=", "href=", "url(", "@import", "<link"] {
        assert!(
            !html.contains(needle),
            "the notice loads something: {needle}"
        );
    }
    let record: shuangsui::Record =
        serde_json::from_slice(&std::fs::read(dir.join("demo/record.json")).unwrap()).unwrap();
    let url = format!("file://{}", html_path.display());

    let dumped = succeeds(
        headless(&browser, &dir.join("profile"))
            .arg("--dump-dom")
            .arg(&url),
    );
    let dom = String::from_utf8(dumped.stdout).unwrap();
    let title = dom
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .expect("the browser did not load the page");
    assert!(
        title.contains(&record.plan.name) && title.contains(&record.plan.authority),
        "{title}"
    );

    // Per task: the frame and drawn totals, each stratum's row, each selected entity.
    let task_tags = tags(&dom, "class=\"task\"");
    assert_eq!(task_tags.len(), record.tasks.len());
    for (tag, task) in task_tags.iter().zip(&record.tasks) {
        assert_eq!(attr(tag, "data-task").unwrap(), task.id);
        assert_eq!(
            attr(tag, "data-frame").unwrap(),
            task.frame.size.to_string()
        );
        let drawn: u64 = task.strata.iter().map(|s| s.drawn).sum();
        assert_eq!(attr(tag, "data-drawn").unwrap(), drawn.to_string());
        assert_eq!(drawn as usize, task.selected.len());
    }
    let strata: Vec<_> = record.tasks.iter().flat_map(|t| &t.strata).collect();
    let rows: Vec<(usize, &str)> = dom.match_indices("class=\"stratum\"").collect();
    assert_eq!(rows.len(), strata.len());
    for ((at, _), st) in rows.iter().zip(&strata) {
        // The cells the reader sees: stratum, frame, quota, drawn.
        let c = cells(&dom, *at, 4);
        assert_eq!(c[1], st.frame.to_string());
        assert_eq!(c[3], st.drawn.to_string());
    }
    let entities = tags(&dom, "class=\"entity\"");
    let selected: Vec<&str> = record
        .tasks
        .iter()
        .flat_map(|t| t.selected.iter().map(|s| s.target.as_str()))
        .collect();
    assert_eq!(
        entities
            .iter()
            .map(|t| attr(t, "data-target").unwrap())
            .collect::<Vec<_>>(),
        selected
    );

    // A phone-width screenshot, kept for a human to look at.
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("notice-screenshot.png");
    let _ = std::fs::remove_file(&shot);
    succeeds(
        headless(&browser, &dir.join("profile"))
            .arg(format!("--screenshot={}", shot.display()))
            .arg("--window-size=412,2400")
            .arg(&url),
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );
}
