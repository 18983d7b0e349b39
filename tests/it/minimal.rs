//! Minimal data (个人信息保护法 最小必要, issue 14): only the columns the plan reads
//! enter digests, records and kits; values shaped like personal data are refused;
//! officer ineligibility is a reason code; hidden officer names are hidden in the kit
//! too, and the kit still verifies; the kit's README says what the kit holds.

use std::fmt::Write as _;
use std::path::Path;

use shuangsui::synth;

use crate::fixtures::{INPUT_FLAGS, TempDir, all_output, bin, files_under, reproduce_py, root};

/// The columns issue 14 found in a bureau's exports, with distinctive values.
const ROSTER_EXTRA: [&str; 12] = [
    "证件号码",
    "护照号码",
    "户籍地址",
    "通讯地址",
    "居所",
    "联系方式",
    "微信号",
    "e-mail",
    "出生日期",
    "银行账号",
    "籍贯",
    "政治面貌",
];
const DIRECTORY_EXTRA: [&str; 4] = ["住所", "法定代表人", "经营范围", "联系方式"];

/// A roster and a directory with every extra column, and two officers on sick leave or
/// under investigation. Returns the secrets (values that must appear nowhere public) and
/// the officers' names.
fn bureau_exports(dir: &Path) -> (Vec<String>, Vec<String>) {
    let mut secrets = Vec::new();
    let mut names = Vec::new();
    let officers = synth::officers_csv(30, 9);
    let mut lines = officers.lines();
    let header = lines.next().unwrap();
    let status_col = header.split(',').position(|h| h == "在岗状态").unwrap();
    let name_col = header.split(',').position(|h| h == "姓名").unwrap();
    let mut out = format!("{header},{}\n", ROSTER_EXTRA.join(","));
    for (i, l) in lines.enumerate() {
        let mut cells: Vec<String> = l.split(',').map(str::to_owned).collect();
        names.push(cells[name_col].clone());
        match i {
            3 => cells[status_col] = "病假（住院）".into(),
            4 => cells[status_col] = "停职审查（纪委立案）".into(),
            _ => {}
        }
        let extra: Vec<String> = ROSTER_EXTRA
            .iter()
            .enumerate()
            .map(|(k, _)| format!("秘{i:03}-{k:02}"))
            .collect();
        secrets.extend(extra.iter().cloned());
        let _ = writeln!(out, "{},{}", cells.join(","), extra.join(","));
    }
    secrets.extend(["病假".to_owned(), "停职".to_owned(), "纪委".to_owned()]);
    std::fs::write(dir.join("officers.csv"), out).unwrap();

    let targets = synth::targets_csv(400, 9);
    let mut lines = targets.lines();
    let mut out = format!("{},{}\n", lines.next().unwrap(), DIRECTORY_EXTRA.join(","));
    for (i, l) in lines.enumerate() {
        let extra: Vec<String> = (0..DIRECTORY_EXTRA.len())
            .map(|k| format!("密{i:04}-{k}"))
            .collect();
        secrets.extend(extra.iter().cloned());
        let _ = writeln!(out, "{l},{}", extra.join(","));
    }
    std::fs::write(dir.join("targets.csv"), out).unwrap();
    std::fs::write(dir.join("plan.toml"), synth::plan_toml(5)).unwrap();
    (secrets, names)
}

#[test]
fn only_the_columns_the_plan_reads_reach_the_record_and_the_kit() {
    let dir = TempDir::new("minimal-allowlist");
    let (secrets, names) = bureau_exports(&dir);
    let drew = bin()
        .current_dir(&dir)
        .arg("draw")
        .args(INPUT_FLAGS)
        .args(["--seed", "minimal", "--out", "record.json"])
        .output()
        .unwrap();
    assert!(drew.status.success(), "{}", all_output(&drew));
    let record: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("record.json")).unwrap()).unwrap();
    // Every extra column is dropped and listed by header; the roster's columns are the
    // ones the plan reads (name is outside the digest, §3.4).
    let dropped = |t: &str| -> Vec<String> {
        record["inputs"][t]["dropped"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    for h in ROSTER_EXTRA {
        assert!(dropped("officers").contains(&h.to_owned()), "{h}");
    }
    assert!(dropped("officers").contains(&"发证机关".to_owned()));
    for h in DIRECTORY_EXTRA {
        assert!(dropped("targets").contains(&h.to_owned()), "{h}");
    }
    let columns = |t: &str| record["inputs"][t]["columns"].to_string();
    assert_eq!(
        columns("officers"),
        r#"["certificate","department","id","status","validity"]"#
    );
    assert!(
        record["inputs"]["officers"]["names"]
            .as_str()
            .unwrap()
            .len()
            == 64
    );
    // Ineligibility is a code, never the roster's text.
    let ineligible = record["inputs"]["officers"]["ineligible"].to_string();
    assert!(ineligible.contains("不在岗"), "{ineligible}");
    let record_text = std::fs::read_to_string(dir.join("record.json")).unwrap();
    for s in &secrets {
        assert!(!record_text.contains(s.as_str()), "the record holds '{s}'");
    }

    // Published with the names hidden: no officer name in any public file, the kit's
    // roster has no name column, and the kit still verifies, saying what it did not check.
    let published = bin()
        .current_dir(&dir)
        .args(["--lang", "en", "publish", "record.json"])
        .args(INPUT_FLAGS)
        .args(["--out", "public", "--show-officers", "hidden"])
        .output()
        .unwrap();
    assert!(published.status.success(), "{}", all_output(&published));
    let kit = dir.join("public/kit");
    let kit_roster = std::fs::read_to_string(kit.join("officers.csv")).unwrap();
    assert_eq!(
        kit_roster.lines().next().unwrap(),
        "id,department,status,certificate,validity"
    );
    let spec = std::fs::read(root().join("SPEC.md")).unwrap();
    for p in files_under(&dir.join("public")) {
        let bytes = std::fs::read(&p).unwrap();
        // The specification is the same in every kit: its examples are not this bureau's data.
        if bytes == spec {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{} holds '{s}'", p.display());
        }
        for n in &names {
            assert!(
                !text.contains(n.as_str()),
                "{} names officer {n}",
                p.display()
            );
        }
    }
    let verified = bin()
        .current_dir(&kit)
        .args(["--lang", "en", "verify", "record.json"])
        .args(INPUT_FLAGS)
        .output()
        .unwrap();
    assert_eq!(verified.status.code(), Some(0), "{}", all_output(&verified));
    assert!(
        all_output(&verified).contains("names digest")
            && all_output(&verified).contains("NOT checked"),
        "{}",
        all_output(&verified)
    );
    let py = reproduce_py(&kit, "reproduce.py", "record.json");
    assert!(
        py.status.success(),
        "reproduce.py in a hidden kit: {}",
        all_output(&py)
    );

    // The README lists every file of the kit, with each table's columns as they are.
    let readme = std::fs::read_to_string(kit.join("README.md")).unwrap();
    for p in files_under(&kit) {
        let name = p.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(
            readme.contains(&format!("`{name}`")),
            "README omits {name}:\n{readme}"
        );
    }
    assert!(
        readme.contains("id, department, status, certificate, validity"),
        "{readme}"
    );
    assert!(
        readme.contains("officer names are not published"),
        "{readme}"
    );
}

#[test]
fn values_shaped_like_personal_data_are_refused_unless_declared_public() {
    let dir = TempDir::new("minimal-shapes");
    // A roster keyed by resident ID numbers (the GB 11643 example number and another valid one).
    let roster = "人员编号,姓名,所属部门,在岗状态\n\
                  11010519491231002X,张伟,市场监管,在岗\n\
                  420102198001010013,王芳,市场监管,在岗\n\
                  E03,李娜,市场监管,在岗\n";
    std::fs::write(dir.join("officers.csv"), roster).unwrap();
    std::fs::write(dir.join("targets.csv"), synth::targets_csv(50, 3)).unwrap();
    std::fs::write(
        dir.join("plan.toml"),
        "[plan]\nid = \"P\"\nname = \"计划\"\n\n[[tasks]]\nid = \"T\"\nname = \"任务\"\ncount = 2\n",
    )
    .unwrap();
    let drew = bin()
        .current_dir(&dir)
        .args(["--lang", "en", "draw"])
        .args(INPUT_FLAGS)
        .args(["--seed", "s", "--out", "record.json"])
        .output()
        .unwrap();
    assert_eq!(drew.status.code(), Some(2), "{}", all_output(&drew));
    let message = all_output(&drew);
    assert!(
        message.contains("officers.csv:2:1")
            && message.contains("column 'id' holds a resident ID number"),
        "{message}"
    );
    assert!(message.contains("[columns.public]"), "{message}");
    assert!(!dir.join("record.json").exists());
}
