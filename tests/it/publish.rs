//! Publication (一公开): the public projection of the inputs, the draw notice and the
//! verification kit.

use std::fmt::Write as _;

use shuangsui::inputs::{Table, TableKind, TableOptions};
use shuangsui::{inputs::digest, synth};

use crate::fixtures::{
    Files, INPUT_FLAGS, TempDir, bin, files_under, load_record, reproduce_py, runs, stdout,
    succeeds,
};

#[test]
fn the_public_projection_keeps_the_canonical_digest_and_drops_personal_data() {
    // A directory and a roster with personal-data columns, under Chinese headers.
    let targets = synth::targets_csv(500, 3);
    let mut lines = targets.lines();
    let mut with_pii = format!("{},法定代表人身份证号,联系电话\n", lines.next().unwrap());
    for (i, l) in lines.enumerate() {
        let _ = writeln!(with_pii, "{l},42010219800101{i:04},1380000{i:04}");
    }
    let officers = synth::officers_csv(40, 3);
    for (kind, text) in [
        (TableKind::Targets, with_pii.as_str()),
        (TableKind::Officers, officers.as_str()),
    ] {
        let table =
            Table::parse(kind, "in.csv", text.as_bytes(), &TableOptions::default()).unwrap();
        let public = table.to_csv();
        let again = Table::parse(kind, "public.csv", &public, &TableOptions::default()).unwrap();
        assert_eq!(digest::table(&again), digest::table(&table), "{kind:?}");
        let public = String::from_utf8(public).unwrap();
        assert!(
            !public.contains("身份证")
                && !public.contains("420102198001010001")
                && !public.contains("13800000001")
        );
    }
}

/// Adds personal-data columns to a CSV: identity numbers, phones and home addresses.
fn with_personal_data(csv: &str, prefix: &str) -> (String, Vec<String>) {
    let mut lines = csv.lines();
    let mut out = format!("{},身份证号,手机号码,家庭住址\n", lines.next().unwrap());
    let mut secrets = Vec::new();
    for (i, l) in lines.enumerate() {
        let (id, phone, home) = (
            format!("4201021980{prefix}{i:06}"),
            format!("139{prefix}{i:06}"),
            format!("{prefix}幸福路{i}号"),
        );
        let _ = writeln!(out, "{l},{id},{phone},{home}");
        secrets.extend([id, phone, home]);
    }
    (out, secrets)
}

/// `publish` writes the notice and a kit that verifies on its own, with no personal data in
/// any file; `demo` does the same.
#[test]
fn the_kit_verifies_alone_and_holds_no_personal_data() {
    let synthetic = Files::synth(5, 400, 30, 9);
    let (targets, mut secrets) = with_personal_data(&synthetic.targets, "77");
    let (officers, officer_secrets) = with_personal_data(&synthetic.officers, "88");
    secrets.extend(officer_secrets);
    let files = Files {
        targets,
        officers,
        ..synthetic
    };
    let dir = TempDir::with("publish", &files);
    let files = INPUT_FLAGS;
    succeeds(bin().current_dir(&dir).args(["draw"]).args(files).args([
        "--seed",
        "publish",
        "--out",
        "record.json",
    ]));
    let published = succeeds(
        bin()
            .current_dir(&dir)
            .args(["--lang", "en", "publish", "record.json"])
            .args(files)
            .args(["--out", "public", "--show-officers", "certificates"]),
    );
    assert!(stdout(&published).contains("verification kit written and verified"));
    // verify, run inside the kit with nothing else, succeeds.
    let kit = dir.join("public/kit");
    let verified = bin()
        .current_dir(&kit)
        .args(["verify", "record.json"])
        .args(files)
        .output()
        .unwrap();
    assert_eq!(verified.status.code(), Some(0), "{}", stdout(&verified));
    // So does the Python implementation shipped in it.
    if runs("python3", &["--version"]) {
        let py = reproduce_py(&kit, "reproduce.py", "record.json");
        assert!(py.status.success(), "{}", stdout(&py));
    }
    // No identity number, phone or home address anywhere in the public outputs.
    let outputs = files_under(&dir.join("public"));
    assert!(outputs.len() >= 8, "{outputs:?}");
    for p in &outputs {
        let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
        for s in &secrets {
            assert!(
                !text.contains(s.as_str()),
                "{} contains personal data '{s}'",
                p.display()
            );
        }
        // The record names the dropped columns (SPEC.md §9.1: `dropped`), never their values;
        // the tables and notices do not even name them. (reproduce.py holds the header rules
        // of SPEC.md §3.2, which name them, to check the record's `dropped`; so do SPEC.md and
        // verify.html, the same in every kit.) The kit's README lists the dropped headers as the
        // record does.
        if ![
            "record.json",
            "reproduce.py",
            "SPEC.md",
            "verify.html",
            "README.md",
        ]
        .iter()
        .any(|n| p.file_name().unwrap() == *n)
        {
            assert!(
                !text.contains("身份证号")
                    && !text.contains("手机号码")
                    && !text.contains("家庭住址"),
                "{}",
                p.display()
            );
        }
    }
    // The notice shows certificate numbers, not names, and lists every selected entity.
    let record = load_record(&dir.join("record.json"));
    let notice = std::fs::read_to_string(dir.join("public/notice.md")).unwrap();
    assert!(notice.contains("Officers shown as: certificate numbers"));
    // The legal basis comes from the plan.
    assert!(notice.contains("Legal basis: 《企业信息公示暂行条例》第十四条"));
    for t in &record.tasks {
        for s in &t.selected {
            assert!(notice.contains(&s.target), "{}", s.target);
        }
    }
    let csv = std::fs::read_to_string(dir.join("public/notice.csv")).unwrap();
    let drawn: usize = record.tasks.iter().map(|t| t.selected.len()).sum();
    assert_eq!(csv.lines().count(), drawn + 1);
    // Never overwritten silently.
    let again = bin()
        .current_dir(&dir)
        .args(["publish", "record.json"])
        .args(files)
        .args(["--out", "public"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
}

/// A later batch drawn with history and conflicts files: the kit holds them (as public
/// projections) and the earlier record, and the command the notice gives verifies it.
#[test]
fn a_later_batch_with_history_and_conflicts_publishes_a_complete_kit() {
    let files = Files::synth(3, 300, 30, 4);
    let dir = TempDir::with("publish-batch", &files);
    let first_id = files
        .targets
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_owned();
    dir.write(
        "history.csv",
        format!("统一社会信用代码,检查日期\n{first_id},2026-05-01\n"),
    );
    dir.write(
        "conflicts.csv",
        format!("人员编号,统一社会信用代码,回避事由\nE0001,{first_id},近亲属任职\n"),
    );
    let files = INPUT_FLAGS;
    succeeds(bin().current_dir(&dir).arg("draw").args(files).args([
        "--seed",
        "first",
        "--out",
        "first.json",
    ]));
    let aux = [
        "--history",
        "history.csv",
        "--conflicts",
        "conflicts.csv",
        "--after",
        "first.json",
    ];
    succeeds(
        bin()
            .current_dir(&dir)
            .arg("draw")
            .args(files)
            .args(aux)
            .args(["--seed", "second", "--out", "second.json"]),
    );
    succeeds(
        bin()
            .current_dir(&dir)
            .args(["--lang", "en", "publish", "second.json"])
            .args(files)
            .args(aux)
            .args(["--out", "public"]),
    );
    let kit = dir.join("public/kit");
    for name in ["history.csv", "conflicts.csv", "earlier-1.json"] {
        assert!(kit.join(name).exists(), "{name}");
    }
    // The notice's command, run inside the kit.
    let notice = std::fs::read_to_string(dir.join("public/notice.md")).unwrap();
    let command = notice
        .lines()
        .find(|l| l.starts_with("shuangsui verify record.json"))
        .expect("the notice says how to verify")
        .to_owned();
    assert!(
        command.ends_with("--history history.csv --conflicts conflicts.csv --after earlier-1.json"),
        "{command}"
    );
    let args: Vec<&str> = command.split(' ').skip(1).collect();
    let verified = bin().current_dir(&kit).args(&args).output().unwrap();
    assert_eq!(verified.status.code(), Some(0), "{}", stdout(&verified));
    // And the independent check's command, with the same files.
    let python = notice
        .lines()
        .find(|l| l.starts_with("python3 reproduce.py record.json"))
        .expect("the notice says how to check independently");
    assert!(
        python
            .ends_with("--history history.csv --conflicts conflicts.csv --earlier earlier-1.json"),
        "{python}"
    );
    let args: Vec<&str> = python.split(' ').skip(1).collect();
    let reproduced = std::process::Command::new("python3")
        .current_dir(&kit)
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(reproduced.status.code(), Some(0), "{}", stdout(&reproduced));
}

/// Names taken from the inputs (plan and task ids, entity names) never become paths:
/// with ids that try to climb out of the output directory, every file the draw and the
/// publication write is where the command line said.
#[test]
fn names_from_inputs_never_become_paths() {
    let root = TempDir::new("paths");
    let work = root.join("a/b/work");
    std::fs::create_dir_all(&work).unwrap();
    let plan = synth::plan_toml(5)
        .replace("id = \"420100-2027-01\"", "id = \"../../../escape\"")
        .replace("id = \"T1\"", "id = \"../T1\"")
        .replace("id = \"T2\"", "id = \"/tmp/T2\"");
    std::fs::write(work.join("plan.toml"), plan).unwrap();
    std::fs::write(
        work.join("targets.csv"),
        synth::targets_csv(300, 4).replacen("武汉", "../../武汉", 1),
    )
    .unwrap();
    std::fs::write(work.join("officers.csv"), synth::officers_csv(30, 4)).unwrap();
    let run = |args: &[&str]| succeeds(bin().current_dir(&work).args(args));
    let inputs = INPUT_FLAGS;
    let mut draw = vec!["draw", "--seed", "paths", "--out", "out/record.json"];
    draw.extend_from_slice(&inputs);
    std::fs::create_dir_all(work.join("out")).unwrap();
    run(&draw);
    let mut publish = vec![
        "publish",
        "out/record.json",
        "--out",
        "out/publish",
        "--format",
        "html,md,csv,xlsx",
    ];
    publish.extend_from_slice(&inputs);
    run(&publish);
    let written: Vec<_> = files_under(&root)
        .into_iter()
        .map(|path| path.strip_prefix(&root).unwrap().to_path_buf())
        .collect();
    for path in &written {
        let p = path.to_string_lossy();
        assert!(
            p.starts_with("a/b/work/out/")
                || ["plan.toml", "targets.csv", "officers.csv"]
                    .iter()
                    .any(|f| p == format!("a/b/work/{f}")),
            "a file outside the output: {p}"
        );
    }
    assert!(written.len() > 10, "{written:?}");
}

/// The draw notice is built once (issue 15, item 6): each entity's row of the sheet (CSV,
/// spreadsheet) is the row its task's table shows in the page and the Markdown, and every
/// format is rendered from that one model.
#[test]
fn every_format_of_the_notice_shows_the_one_model() {
    use shuangsui::publish::notice::{self, Block, Lang, OfficerDisplay, Published};
    use shuangsui::{Inputs, Seed, Source};
    let (plan, targets, officers) = (
        synth::plan_toml(5),
        synth::targets_csv(300, 5),
        synth::officers_csv(30, 5),
    );
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: plan.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: targets.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: officers.as_bytes(),
        },
    )
    .unwrap();
    let record = shuangsui::draw(&inputs, &Seed::unattested("one model").unwrap())
        .unwrap()
        .record;
    for lang in Lang::ALL {
        let model = notice::draw_notice(
            lang,
            &record,
            inputs.plan(),
            inputs.officers(),
            OfficerDisplay::Names,
            &Published::default(),
        );
        // The page's tables per task, in order: the selected entities'.
        let shown: Vec<&Vec<String>> = model
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Section(s) => Some(s),
                _ => None,
            })
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Table(t) if t.hooks.class == Some("selected") => Some(&t.rows),
                _ => None,
            })
            .flatten()
            .map(|r| &r.cells)
            .collect();
        let sheet = &model.sheet.table.rows;
        let drawn: usize = record.tasks.iter().map(|t| t.selected.len()).sum();
        assert_eq!((shown.len(), sheet.len()), (drawn, drawn));
        let html = model.html();
        let md = model.markdown();
        for (row, page) in sheet.iter().zip(&shown) {
            // No., entity, credit code, officers: the same cells (the page names the
            // authority once, in its facts and signature, not on every row).
            assert_eq!(
                [&row.cells[8], &row.cells[9], &row.cells[10], &row.cells[11]],
                [&page[0], &page[1], &page[2], &page[3]]
            );
            assert!(md.contains(&format!(
                "| {} | {} | `{}` | {} |",
                page[0], page[1], page[2], page[3]
            )));
            assert!(html.contains(&format!("data-target=\"{}\"", page[2])));
        }
        assert_eq!(html.matches("class=\"entity\"").count(), drawn);
        // The CSV is the sheet, headings first.
        let csv = model.csv();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv.strip_prefix(b"\xEF\xBB\xBF").unwrap());
        let read: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let headings: Vec<String> = model
            .sheet
            .table
            .columns
            .iter()
            .map(|c| c.heading.clone())
            .collect();
        assert_eq!(read[0], headings);
        assert_eq!(
            read[1..],
            sheet.iter().map(|r| r.cells.clone()).collect::<Vec<_>>()
        );
        // The shorthand functions render the same model.
        assert_eq!(
            notice::draw_csv(
                lang,
                &record,
                inputs.plan(),
                inputs.officers(),
                OfficerDisplay::Names
            ),
            csv
        );
    }
}
