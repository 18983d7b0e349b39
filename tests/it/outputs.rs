//! Safe outputs (issue 14, item 7): a full standard output is an error (exit 2), never a
//! panic or a silent success; `--force` replaces regular files only, never a FIFO, a device
//! or a directory; `draw --force` never discards an amended record's ledger.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;

use crate::fixtures::{self, INPUT_FLAGS, TempDir, faketime, set_clock, stderr, succeeds};

/// The CLI in English, in `dir`.
fn bin(dir: &Path) -> Command {
    let mut c = fixtures::bin();
    c.current_dir(dir).args(["--lang", "en"]);
    c
}

/// `draw --seed x` into `record.json`, from the example files of `init`.
fn draw(d: &Path) {
    succeeds(
        bin(d)
            .args(["draw", "--seed", "x", "--out", "record.json"])
            .args(INPUT_FLAGS),
    );
}

/// Every command that prints, with standard output on `/dev/full`: exit 2 and a message,
/// no panic (exit 101), no silent success.
#[test]
fn a_full_standard_output_is_an_error_everywhere() {
    let dir = TempDir::init("outputs-full");
    let d: &Path = &dir;
    draw(d);
    let mut verify = vec!["verify", "record.json"];
    verify.extend(INPUT_FLAGS);
    let mut check = vec!["check"];
    check.extend(INPUT_FLAGS);
    for args in [
        vec!["--help"],
        vec!["draw", "--help"],
        vec!["--version"],
        vec!["schema", "record"],
        vec!["digest", "--plan", "plan.toml", "--targets", "targets.csv"],
        vec!["beacon-round", "--at", "2027-01-15T10:00:00+08:00"],
        vec!["sql", "--record", "record.json", "--task", "T1"],
        vec![
            "sql",
            "--record",
            "record.json",
            "--task",
            "T1",
            "--dialect",
            "postgres",
        ],
        check.clone(),
        verify.clone(),
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = bin(d).args(&args).stdout(full).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot write to standard output"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{args:?}");
    }
}

/// `--force` replaces a regular file, but never a FIFO, a device or a directory in the
/// output's place (it replaced `/dev/full` when run as root).
#[test]
fn force_replaces_regular_files_only() {
    let dir = TempDir::init("outputs-force");
    let d: &Path = &dir;
    let fifo = d.join("fifo.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::fs::create_dir(d.join("a-directory.json")).unwrap();
    std::os::unix::fs::symlink("/dev/full", d.join("link.json")).unwrap();
    for out in ["fifo.json", "a-directory.json", "link.json"] {
        let o = bin(d)
            .args(["draw", "--seed", "x", "--force", "--out", out])
            .args(INPUT_FLAGS)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{out}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("not a regular file"),
            "{out}: {}",
            stderr(&o)
        );
    }
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()));
    assert!(d.join("a-directory.json").is_dir());
    assert!(
        std::fs::symlink_metadata(d.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A regular file is replaced.
    std::fs::write(d.join("plain.json"), "old").unwrap();
    let o = bin(d)
        .args(["draw", "--seed", "x", "--force", "--out", "plain.json"])
        .args(INPUT_FLAGS)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_ne!(std::fs::read(d.join("plain.json")).unwrap(), b"old");
}

/// `draw --force` over a record whose ledger has amendments is refused: the amendments
/// would be lost without a trace. The record stays as it was.
#[test]
fn draw_force_never_discards_a_ledger() {
    let dir = TempDir::init("outputs-ledger");
    let d: &Path = &dir;
    draw(d);
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("record.json")).unwrap()).unwrap();
    let target = record["tasks"][0]["selected"][0]["target"]
        .as_str()
        .unwrap();
    let plan = std::fs::read_to_string(d.join("plan.toml")).unwrap();
    // The example plan is dated in the future of the tests' clock: amend without a date
    // check by recording an unreachable target at the plan's day.
    let day = plan
        .lines()
        .find_map(|l| l.strip_prefix("date = \""))
        .map(|l| l.split('"').next().unwrap_or(l).to_owned());
    let mut amend = bin(d);
    amend
        .args(["amend", "record.json"])
        .args(INPUT_FLAGS)
        .args(["--unreachable", target, "--task", "T1", "--actor", "科长"]);
    if let Some(day) = &day {
        // Dated after the plan's date, at a clock after it (libfaketime), or skip.
        let Some(_) = faketime() else {
            eprintln!("libfaketime is not installed: skipping");
            return;
        };
        set_clock(&mut amend, &format!("@{day} 12:00:00"))
            .args(["--at", &format!("{day}T10:00:00+08:00")]);
    }
    let amended = amend.output().unwrap();
    assert!(amended.status.success(), "{}", stderr(&amended));
    let before = std::fs::read(d.join("record.json")).unwrap();
    let o = bin(d)
        .args(["draw", "--seed", "y", "--force", "--out", "record.json"])
        .args(INPUT_FLAGS)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 amendment"), "{}", stderr(&o));
    assert_eq!(std::fs::read(d.join("record.json")).unwrap(), before);
}

/// Names beginning with `=`, `+`, `-`, `@` would run as formulas in the CSV notice opened in
/// Excel or WPS (formula injection): the notice's CSV guards them with a leading `'`, its
/// .xlsx writes them as text cells with the exact value, and the kit's machine-readable
/// tables keep the exact values.
#[test]
fn formulas_in_names_never_run_in_notices_for_people() {
    use calamine::Reader as _;
    let dir = TempDir::init("outputs-formula");
    let d: &Path = &dir;
    let targets = std::fs::read_to_string(d.join("targets.csv")).unwrap();
    let triggers = ['=', '+', '-', '@'];
    let edited: String = targets
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                return format!("{line}\n");
            }
            let mut fields: Vec<String> = line.split(',').map(str::to_owned).collect();
            fields[1] = format!("{}HYPERLINK(\"x\")|{i}", triggers[i % 4]);
            fields.join(",") + "\n"
        })
        .collect();
    std::fs::write(d.join("targets.csv"), edited).unwrap();
    draw(d);
    let published = bin(d)
        .args([
            "publish",
            "record.json",
            "--out",
            "公示",
            "--format",
            "csv,xlsx",
        ])
        .args(INPUT_FLAGS)
        .output()
        .unwrap();
    assert!(published.status.success(), "{}", stderr(&published));
    let notice = std::fs::read(d.join("公示/notice.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(notice.strip_prefix(b"\xEF\xBB\xBF").unwrap());
    let mut guarded = 0;
    for row in reader.records() {
        for cell in &row.unwrap() {
            assert!(!cell.starts_with(triggers), "a formula cell: {cell}");
            if cell.starts_with('\'') && cell.contains("HYPERLINK") {
                guarded += 1;
            }
        }
    }
    assert!(guarded > 0, "no name was guarded");
    // The .xlsx: text cells with the exact names.
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(d.join("公示/notice.xlsx")).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let exact = sheet
        .cells()
        .filter(|(_, _, v)| matches!(v, calamine::Data::String(s) if s.contains("HYPERLINK")))
        .filter(|(_, _, v)| v.to_string().starts_with(triggers))
        .count();
    assert_eq!(exact, guarded);
    // The kit's table keeps the exact values: the draw is verified from it.
    let kit = std::fs::read_to_string(d.join("公示/kit/targets.csv")).unwrap();
    assert!(
        kit.contains("=HYPERLINK(\"\"x\"\")|") || kit.contains("=HYPERLINK(\"x\")|"),
        "{kit}"
    );
}

/// A notice published before further amendments is corrected, not overwritten (issue 14,
/// item 1): publishing again into its directory is refused, even with `--force`; a
/// correction (更正) goes into a new directory, cites the old notice's SHA-256 and shows the
/// amendment and the new ledger head. The old notice stays as it was.
#[test]
fn a_notice_after_further_amendments_is_a_correction() {
    use sha2::Digest as _;
    let Some(_) = faketime() else {
        eprintln!("libfaketime is not installed: skipping");
        return;
    };
    let dir = TempDir::init("outputs-correction");
    let d: &Path = &dir;
    draw(d);
    let publish = |out: &str, extra: &[&str]| {
        bin(d)
            .args(["publish", "record.json", "--out", out])
            .args(INPUT_FLAGS)
            .args(extra)
            .output()
            .unwrap()
    };
    let first = publish("公示", &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let before = std::fs::read(d.join("公示/notice.md")).unwrap();
    // An amendment after publication, at a clock after the plan's date.
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("record.json")).unwrap()).unwrap();
    let target = record["tasks"][0]["selected"][0]["target"]
        .as_str()
        .unwrap();
    let amended = set_clock(&mut bin(d), "@2027-01-20 12:00:00")
        .args(["amend", "record.json"])
        .args(INPUT_FLAGS)
        .args(["--unreachable", target, "--task", "T1", "--actor", "科长"])
        .output()
        .unwrap();
    assert!(amended.status.success(), "{}", stderr(&amended));
    for extra in [&[][..], &["--force"][..]] {
        let again = publish("公示", extra);
        assert_eq!(
            again.status.code(),
            Some(2),
            "{extra:?}: {}",
            stderr(&again)
        );
        assert!(stderr(&again).contains("--corrects"), "{}", stderr(&again));
    }
    assert_eq!(std::fs::read(d.join("公示/notice.md")).unwrap(), before);
    let correction = publish("公示-更正", &["--corrects", "公示/notice.md"]);
    assert!(correction.status.success(), "{}", stderr(&correction));
    let notice = std::fs::read_to_string(d.join("公示-更正/notice.md")).unwrap();
    let cited = hex::encode(sha2::Sha256::digest(&before));
    assert!(
        notice.contains(" (correction)") && notice.contains(&cited),
        "{notice}"
    );
    assert!(
        notice.contains("#1") && notice.contains("ledger head"),
        "{notice}"
    );
    let html = std::fs::read_to_string(d.join("公示-更正/notice.html")).unwrap();
    assert!(html.contains("id=\"correction\"") && html.contains(&cited));
}

/// `--show-officers hidden`: the notice says how many officers each team has, not a row of
/// empty names joined by separators (`、、`).
#[test]
fn hidden_officers_are_counted_not_blank() {
    let dir = TempDir::init("outputs-hidden");
    let d: &Path = &dir;
    draw(d);
    for (lang, count) in [("en", "2 officers (not shown)"), ("zh", "2 名（不公开）")] {
        let out = format!("公示-{lang}");
        let published = fixtures::bin()
            .current_dir(d)
            .args(["--lang", lang, "publish", "record.json", "--out", &out])
            .args(INPUT_FLAGS)
            .args(["--show-officers", "hidden", "--format", "md,csv"])
            .output()
            .unwrap();
        assert!(published.status.success(), "{}", stderr(&published));
        let notice = std::fs::read_to_string(d.join(&out).join("notice.md")).unwrap();
        assert!(notice.contains(count), "{notice}");
        assert!(
            !notice.contains("、、") && !notice.contains("| , |"),
            "{notice}"
        );
        let csv = std::fs::read_to_string(d.join(&out).join("notice.csv")).unwrap();
        assert!(csv.contains(count), "{csv}");
    }
}
