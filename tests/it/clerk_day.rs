//! A clerk's day (issue 17), through the command-line tool as a county bureau runs it, in
//! Chinese (the default): the 名录库's `.xlsx` export with an instructions sheet, a merged
//! title, annotated headers and risk classes with their words; a GBK roster with personal
//! columns; the commented Chinese plan `init` writes. check → announce (its notice to post)
//! → draw → amend → publish (notice in four formats) → results. No line any step prints is
//! English; the notices are looked at in headless Chromium at 390 and 1280 px (layout
//! measured in the page, screenshots kept in the target directory) and printed to A4.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;

use crate::browser::{chromium, headless};
use crate::exports;
use crate::fixtures::{TempDir, available, bin_at, faketime, outcome, round_json};

/// The clock of each step (UTC): the announcement ten minutes before drand round 657413
/// (2023-09-15T11:00:03Z), the draw after it.
const ANNOUNCE_AT: &str = "@2023-09-15 10:50:02";
const DRAW_AT: &str = "@2023-09-15 11:01:00";

/// The directory as the bureau's system exports it (the export of `exports.rs`): an
/// instructions sheet, then the data under a merged title and an export note, headers
/// annotated, risk classes in words, 行政区划 held as numbers.
fn export(csv_text: &str) -> Vec<u8> {
    exports::workbook(&exports::annotated(&exports::rows_of(csv_text)), None)
}

/// The roster as a county keeps it: GBK, with a telephone and an identity-card column
/// (personal data the tool must not read).
fn gbk_roster(csv_text: &str) -> Vec<u8> {
    let mut out = String::new();
    for (i, line) in csv_text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let extra = if i == 0 {
            ",联系电话,身份证号".to_owned()
        } else {
            format!(",1380000{i:04},42010119900101{i:04}")
        };
        out.push_str(line);
        out.push_str(&extra);
        out.push_str("\r\n");
    }
    encoding_rs::GBK.encode(&out).0.into_owned()
}

/// The results as the bureau fills them in: one row per drawn entity and item.
fn results_workbook(record: &shuangsui::Record) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("检查结果").unwrap();
    let header = [
        "抽查任务编号",
        "统一社会信用代码",
        "抽查事项",
        "检查完成日期",
        "检查结果",
        "备注",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let mut r = 1;
    for task in &record.tasks {
        for (n, s) in task.selected.iter().enumerate() {
            for item in &task.items {
                let result = if n % 3 == 1 {
                    "发现问题经责令已改正"
                } else {
                    "未发现问题"
                };
                for (c, v) in [&task.id, &s.target, item, "2027-01-25", result, ""]
                    .iter()
                    .enumerate()
                {
                    ws.write_string(r, c as u16, *v).unwrap();
                }
                r += 1;
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The words of a line that are English: runs of three or more Latin letters, less what is
/// not English in any language — file names and paths, flags, codes and digests (a word
/// with a digit: 91420104JFBW2BJW62, E0024, hex), and the
/// proper names and commands the Chinese text uses as they are (drand, SHA-256, RFC 3161,
/// UTC, Python, openssl).
fn english_words(line: &str) -> Vec<String> {
    const NAMES: &[&str] = &[
        "drand",
        "quicknet",
        "SHA",
        "RFC",
        "UTC",
        "BLS",
        "shuangsui",
        "Python",
        "python3",
        "openssl",
    ];
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || "，。：；、（）“”「」【】,;:()[]'\"`<>=".contains(c))
        .collect();
    words
        .iter()
        .enumerate()
        // A command the text quotes: `shuangsui verify …` names its subcommand.
        .filter(|(i, _)| *i == 0 || words[i - 1] != "shuangsui")
        .map(|(_, w)| *w)
        .filter(|w| {
            !(w.contains('/')
                || w.contains('.')
                || w.starts_with('-')
                || w.bytes().any(|b| b.is_ascii_digit()))
        })
        .flat_map(|w| {
            w.split(|c: char| !c.is_ascii_alphabetic() && c != '-')
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.len() >= 3 && !NAMES.contains(&w.as_str()))
        .collect()
}

/// Runs a step; it succeeds and prints no English line.
fn step(dir: &Path, clock: &str, args: &[&str]) -> String {
    let mut c = bin_at(clock);
    c.current_dir(dir)
        .env_remove("SHUANGSUI_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .args(args);
    let (code, out, err) = outcome(&mut c);
    assert_eq!(code, Some(0), "{args:?}:\n{out}\n{err}");
    for line in out.lines().chain(err.lines()) {
        let english = english_words(line);
        assert!(
            english.is_empty(),
            "{}: an English line: {line}\n({english:?})",
            args[0]
        );
    }
    out + &err
}

/// What a page measures of itself at a width: the width it needs, the identifiers split
/// across lines, the smallest text of its charts, how the first table's row is laid out.
#[derive(serde::Deserialize, Debug)]
struct Layout {
    width: f64,
    needed: f64,
    split: Vec<String>,
    chart_px: f64,
    cards: usize,
    rows: usize,
}

/// Lays `page` out at `width` CSS pixels in an iframe (`srcdoc`, so that a script in the
/// copy may report to its parent) and returns what it measures; the notice itself has no
/// script.
fn measure(browser: &Path, profile: &Path, page: &Path, width: u32) -> Layout {
    let html = std::fs::read_to_string(page).unwrap();
    let probe = "<script>(function(){\
        var r={width:innerWidth,needed:document.documentElement.scrollWidth,split:[],chart_px:99,cards:0,rows:0};\
        document.querySelectorAll('td code:not(.digest)').forEach(function(c){if(c.getClientRects().length!==1)r.split.push(c.textContent)});\
        document.querySelectorAll('.bar .label,.bar .count,figcaption').forEach(function(e){r.chart_px=Math.min(r.chart_px,parseFloat(getComputedStyle(e).fontSize))});\
        document.querySelectorAll('table.cards tbody tr').forEach(function(t){r.rows++;if(getComputedStyle(t).display==='block')r.cards++});\
        parent.document.body.setAttribute('data-layout',JSON.stringify(r));})();</script>";
    let probed = html.replace("</body>", &format!("{probe}</body>"));
    let escaped = probed
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let frame = page.with_extension(format!("{width}.probe.html"));
    std::fs::write(
        &frame,
        format!(
            "<!doctype html><html><body style=\"margin:0\"><iframe style=\"border:0\" \
             width=\"{width}\" height=\"900\" srcdoc=\"{escaped}\"></iframe></body></html>"
        ),
    )
    .unwrap();
    let out = headless(browser, profile)
        .arg("--window-size=1400,1000")
        .arg("--dump-dom")
        .arg(format!("file://{}", frame.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8(out.stdout).unwrap();
    let at = dom
        .find("data-layout=\"")
        .unwrap_or_else(|| panic!("{}: no layout measured", page.display()))
        + 13;
    let json = dom[at..].split('"').next().unwrap();
    let json = json.replace("&quot;", "\"").replace("&amp;", "&");
    serde_json::from_str(&json).unwrap()
}

/// A screenshot of `page` at `width`, kept for people in the target directory; its width in
/// pixels is checked from the PNG's header.
fn screenshot(browser: &Path, profile: &Path, page: &Path, width: u32, name: &str) -> PathBuf {
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{width}.png"));
    let _ = std::fs::remove_file(&shot);
    let out = headless(browser, profile)
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("--window-size={width},2400"))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000);
    let png_width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(png_width, width, "{}", shot.display());
    shot
}

/// The page printed to PDF: every page's size, in points.
fn print_pdf(browser: &Path, profile: &Path, page: &Path) -> Vec<(f64, f64)> {
    let pdf = page.with_extension("pdf");
    let out = headless(browser, profile)
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/MediaBox")
        .map(|(i, _)| {
            let open = i + text[i..].find('[').unwrap() + 1;
            let close = open + text[open..].find(']').unwrap();
            let n: Vec<f64> = text[open..close]
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect();
            (n[2] - n[0], n[3] - n[1])
        })
        .collect()
}

#[test]
fn a_clerks_day_in_chinese_from_the_bureaus_exports_to_printed_notices() {
    if faketime().is_none() {
        eprintln!("faketime is not installed: skipping the clerk's day");
        return;
    }
    let dir = TempDir::new("clerk-day");
    let d: &Path = &dir;
    step(d, ANNOUNCE_AT, &["init", "."]);
    let read = |name: &str| std::fs::read_to_string(d.join(name)).unwrap();
    std::fs::write(d.join("检查对象名录.xlsx"), export(&read("targets.csv"))).unwrap();
    std::fs::write(
        d.join("执法检查人员名录.csv"),
        gbk_roster(&read("officers.csv")),
    )
    .unwrap();
    std::fs::rename(d.join("plan.toml"), d.join("抽查计划.toml")).unwrap();
    for f in ["targets.csv", "officers.csv"] {
        std::fs::remove_file(d.join(f)).unwrap();
    }
    std::fs::write(d.join("round.json"), round_json()).unwrap();
    let inputs = [
        "--plan",
        "抽查计划.toml",
        "--targets",
        "检查对象名录.xlsx",
        "--officers",
        "执法检查人员名录.csv",
    ];
    let with = |first: &[&str], rest: &[&str]| -> Vec<String> {
        first
            .iter()
            .chain(&inputs)
            .chain(rest)
            .map(|s| (*s).to_owned())
            .collect()
    };
    let run = |clock: &str, args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        step(d, clock, &args)
    };

    let checked = run(ANNOUNCE_AT, with(&["check"], &[]));
    assert!(
        checked.contains("联系电话") && checked.contains("身份证号"),
        "{checked}"
    );
    let announced = run(
        ANNOUNCE_AT,
        with(&["announce"], &["--publish", "公示", "--out", "公告.json"]),
    );
    assert!(announced.contains("公告.html"), "{announced}");
    let drawn = run(
        DRAW_AT,
        with(
            &["draw"],
            &[
                "--announcement",
                "公告.json",
                "--beacon",
                "round.json",
                "--out",
                "抽取记录.json",
            ],
        ),
    );
    assert!(drawn.contains("657413"), "{drawn}");
    let record: shuangsui::Record =
        serde_json::from_slice(&std::fs::read(d.join("抽取记录.json")).unwrap()).unwrap();
    let first = &record.tasks[0].selected[0];
    run(
        DRAW_AT,
        with(
            &["amend", "抽取记录.json"],
            &[
                "--target",
                &first.target,
                "--replace-officer",
                &first.officers[0],
                "--reason",
                "回避",
                "--actor",
                "张科长",
            ],
        ),
    );
    run(
        DRAW_AT,
        with(
            &["publish", "抽取记录.json"],
            &[
                "--out",
                "公告材料",
                "--format",
                "html,md,csv,xlsx",
                "--notice-date",
                "2023-09-16",
            ],
        ),
    );
    // A notice cannot be dated before the randomness it was drawn with.
    let (code, _, err) = outcome(bin_at(DRAW_AT).current_dir(d).args(with(
        &["publish", "抽取记录.json"],
        &["--out", "早", "--notice-date", "2023-09-14"],
    )));
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("早于抽取日期 2023-09-15"), "{err}");
    assert!(!d.join("早").exists());
    let record: shuangsui::Record =
        serde_json::from_slice(&std::fs::read(d.join("抽取记录.json")).unwrap()).unwrap();
    assert_eq!(record.ledger.len(), 1);
    std::fs::write(d.join("检查结果.xlsx"), results_workbook(&record)).unwrap();
    // Another plan's contact would speak for this draw: refused.
    std::fs::write(
        d.join("别的计划.toml"),
        read("抽查计划.toml").replace("027-12345678（法规科）", "不受理"),
    )
    .unwrap();
    let (code, _, err) = outcome(bin_at(DRAW_AT).current_dir(d).args([
        "results",
        "抽取记录.json",
        "--results",
        "检查结果.xlsx",
        "--plan",
        "别的计划.toml",
        "--out",
        "别的公告",
    ]));
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("不是 抽取记录.json 抽取时所用的抽查计划"),
        "{err}"
    );
    assert!(!d.join("别的公告").exists());
    // 2027's holidays are not built in (the State Council has not announced them): the
    // bureau gives them. These are made up for the test.
    std::fs::write(
        d.join("2027日历.toml"),
        "[[year]]\nyear = 2027\nsource = \"测试用的假定安排\"\n\
         holidays = [\"2027-01-01\", \"2027-02-06..2027-02-12\"]\nworkdays = [\"2027-02-14\"]\n",
    )
    .unwrap();
    run(
        DRAW_AT,
        [
            "results",
            "抽取记录.json",
            "--results",
            "检查结果.xlsx",
            "--plan",
            "抽查计划.toml",
            "--calendar",
            "2027日历.toml",
            "--today",
            "2027-01-29",
            "--format",
            "html,xlsx,csv",
            "--out",
            "结果公告",
        ]
        .map(str::to_owned)
        .to_vec(),
    );

    // The notices say what a 公告 says: the 正文, the contact, the 落款 written 年月日.
    let announcement = read("公告.html");
    let notice = read("公告材料/notice.html");
    let results = read("结果公告/result-notice.html");
    for (page, date) in [
        (&announcement, "2023年9月15日"),
        (&notice, "2023年9月16日"),
        (&results, "2027年1月29日"),
    ] {
        assert!(page.contains("class=\"lead\""), "{page}");
        assert!(page.contains("027-12345678（法规科）"), "{page}");
        assert!(
            page.contains(&format!(
                "<div class=\"signature\"><p>武汉市市场监督管理局</p><p>{date}</p></div>"
            )),
            "{date}: {page}"
        );
        for needle in ["<script", "src=", "href=", "url(", "@import", "<link"] {
            assert!(!page.contains(needle), "the page loads something: {needle}");
        }
    }
    assert!(
        announcement.contains("drand 第 657413 轮"),
        "{announcement}"
    );
    // The draw had no time-stamp: the notice says what that leaves to the publication record.
    assert!(
        notice.contains("以2023年9月15日产生的公共随机数")
            && notice.contains("没有经过验证的可信时间戳"),
        "{notice}"
    );
    let totals = record.totals();
    assert!(
        notice.contains(&format!("随机抽取 {} 户检查对象", totals.entities)),
        "{notice}"
    );
    // The result notice counts each result, and the counts add up to the results.
    let rows: usize = record
        .tasks
        .iter()
        .map(|t| t.selected.len() * t.items.len())
        .sum();
    assert!(
        results.contains(&format!("data-results=\"{rows}\"")),
        "{results}"
    );

    // In a browser: at phone width the tables are cards, no code is split, nothing is wider
    // than the screen, the chart's text is readable; on a desktop the tables are tables.
    let found = chromium();
    if !available(found.is_some(), "SHUANGSUI_REQUIRE_BROWSER", "chromium") {
        return;
    }
    let browser = found.unwrap();
    let profile = d.join("profile");
    for (name, page) in [
        ("announcement", d.join("公告.html")),
        ("notice", d.join("公告材料/notice.html")),
        ("result-notice", d.join("结果公告/result-notice.html")),
    ] {
        for width in [390, 1280] {
            let layout = measure(&browser, &profile, &page, width);
            assert!(
                (layout.width - f64::from(width)).abs() < 0.5,
                "{name}: {layout:?}"
            );
            assert!(
                layout.needed <= layout.width,
                "{name} at {width}: {layout:?}"
            );
            assert!(layout.split.is_empty(), "{name} at {width}: {layout:?}");
            assert!(layout.chart_px >= 12.0, "{name} at {width}: {layout:?}");
            let cards = if width == 390 { layout.rows } else { 0 };
            assert_eq!(layout.cards, cards, "{name} at {width}: {layout:?}");
            screenshot(&browser, &profile, &page, width, name);
        }
        // Printed: A4 portrait (595 × 842 points), every page.
        let pages = print_pdf(&browser, &profile, &page);
        assert!(!pages.is_empty(), "{name}: no page");
        for (w, h) in &pages {
            assert!(
                (w - 595.3).abs() < 1.5 && (h - 841.9).abs() < 1.5,
                "{name}: a page of {w} × {h} points, not A4"
            );
        }
    }
    // The notice's rows are counted as rows at both widths.
    let layout = measure(&browser, &profile, &d.join("公告材料/notice.html"), 390);
    assert_eq!(layout.rows, totals.selections, "{layout:?}");

    // The spreadsheet for people: the heading row bold, frozen and filtered; numbers and
    // dates typed.
    check_workbook(
        &std::fs::read(d.join("公告材料/notice.xlsx")).unwrap(),
        false,
    );
    check_workbook(
        &std::fs::read(d.join("结果公告/result-notice.xlsx")).unwrap(),
        true,
    );
}

/// The notice's workbook: its first sheet frozen under the heading row, filtered, the
/// heading bold; 序号 a number; with `dates`, 检查完成日期 a date (a number with a date
/// format).
fn check_workbook(bytes: &[u8], dates: bool) {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let sheet = part("xl/worksheets/sheet1.xml");
    let styles = part("xl/styles.xml");
    assert!(
        sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""),
        "not frozen"
    );
    assert!(sheet.contains("<autoFilter ref=\"A1:"), "no filter");
    assert!(styles.contains("<b/>"), "no bold heading");
    assert!(sheet.contains("<pageSetup paperSize=\"9\""), "not A4");
    // Row 2's 序号 (the first number column) is a number cell: no t="s".
    let row2 = &sheet[sheet.find("<row r=\"2\"").unwrap()..];
    let row2 = &row2[..row2.find("</row>").unwrap()];
    let numbers = row2
        .match_indices("<c r=")
        .filter(|(i, _)| {
            let tag = &row2[*i..*i + row2[*i..].find('>').unwrap()];
            !tag.contains("t=\"")
        })
        .count();
    assert!(numbers >= if dates { 2 } else { 1 }, "{row2}");
    if dates {
        assert!(
            styles.contains("yyyy-mm-dd") || styles.contains("yyyy\\-mm\\-dd"),
            "{styles}"
        );
    }
}
