//! The verification kit's files: the plan and the record as given, the public projections of
//! the tables, the exclusions a SQL engine cannot compute, the earlier records, the
//! announcement with its time-stamp, `reproduce.py`, and the README (`readme.rs`).

use super::model::{Given, Kit, KitOptions};
use super::readme::readme;
use crate::base::canonical::to_hex;
use crate::ceremony::{base64_decode, to_json};
use crate::draw::record::Record;
use crate::draw::{Inputs, check};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::messages::msg;
use crate::publish::notice::OfficerDisplay;
use crate::publish::sql::exclusions_csv;

/// The independent Python implementation of SPEC.md, shipped in every kit: the check that
/// needs nothing of this crate.
const REPRODUCE_PY: &str = include_str!("../../../tests/reproduce.py");
/// The browser's verifier: one self-contained page, written from SPEC.md alone (`web/`).
const VERIFY_HTML: &str = include_str!("../../../web/verify.html");

/// The specification every verifier implements, shipped in every kit: the notices and the
/// README name it, and a stranger with it alone can write a verifier of their own.
const SPEC_MD: &str = include_str!("../../../SPEC.md");

/// The verification kit of a record: everything anyone needs to re-run the draw, as files.
///
/// `inputs` are the draw's inputs, parsed keeping every column that is not personal data
/// (the tables' public copies hold them all); `given` the files published as they are. The
/// kit holds `plan.toml`, `targets.csv`, `officers.csv`, `record.json`, `reproduce.py`,
/// `SPEC.md`, `exclusions.csv`, then as the draw had them `history.csv`, `conflicts.csv`,
/// `earlier-1.json` …, `announcement.json` with the attempts it replaced
/// (`announcement-attempt-N.json`), its time-stamp token `announcement.tsr` and the
/// authority's certificate `tsa.pem`, and last a `README.md` listing every file, each table's
/// columns and those dropped as read, and the commands of `options`.
///
/// Nothing is verified here: verify the record against `inputs` first, as a publisher must.
///
/// # Errors
///
/// The record is not valid; the inputs are not the record's: another plan, or tables of
/// another number of rows ([`ErrorKind::InputsMismatch`], a check of their shape, not a
/// verification); the directory was read without all its columns ([`ErrorKind::Read`]); a
/// task of the plan cannot be checked against the inputs.
pub fn build(inputs: &Inputs, given: &Given<'_>, options: &KitOptions<'_>) -> Result<Kit> {
    let record = Record::from_json("record.json", given.record)?;
    same_inputs(&record, inputs)?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("plan.toml".into(), given.plan.to_vec()),
        ("targets.csv".into(), public_targets(inputs)?),
        (
            "officers.csv".into(),
            // Hidden names are hidden everywhere: the kit's roster has no name column, and
            // still verifies (names are outside the roster's digest, SPEC.md §3.4).
            if options.officers == OfficerDisplay::Names {
                inputs.officers.to_csv()
            } else {
                inputs.officers.to_csv_hiding(&["name"])
            },
        ),
        ("record.json".into(), given.record.to_vec()),
        ("reproduce.py".into(), REPRODUCE_PY.as_bytes().to_vec()),
        ("SPEC.md".into(), SPEC_MD.as_bytes().to_vec()),
        ("verify.html".into(), VERIFY_HTML.as_bytes().to_vec()),
    ];
    // What a SQL engine cannot compute from targets.csv, bound by each task's frame.listed.
    let checked = check(inputs)?;
    files.push((
        "exclusions.csv".into(),
        exclusions_csv(&checked, &inputs.targets),
    ));
    if let Some((t, _)) = &inputs.history {
        files.push(("history.csv".into(), t.to_csv()));
    }
    if let Some((t, _)) = &inputs.conflicts {
        files.push(("conflicts.csv".into(), t.to_csv()));
    }
    for (i, bytes) in given.earlier.iter().enumerate() {
        files.push((format!("earlier-{}.json", i + 1), bytes.to_vec()));
    }
    if let Some(a) = &record.seed.attestation {
        files.push((
            "announcement.json".into(),
            to_json(&a.announcement).into_bytes(),
        ));
        for old in &a.replaced {
            files.push((
                format!("announcement-attempt-{}.json", old.attempt),
                to_json(old).into_bytes(),
            ));
        }
        if let Some(token) = base64_decode(&a.timestamp).filter(|t| !t.is_empty()) {
            // The bare token: `openssl ts -verify -token_in -in announcement.tsr -data announcement.json -CAfile TSA.pem`
            files.push(("announcement.tsr".into(), token));
        }
        if let (false, Some(cert)) = (a.timestamp.is_empty(), options.tsa_cert) {
            files.push(("tsa.pem".into(), cert.to_vec()));
        }
    }
    let readme = readme(&record, &files, options);
    files.push(("README.md".into(), readme.into_bytes()));
    Ok(Kit { files })
}

/// The target directory's public copy: every column it was read with.
/// Refuses inputs that are plainly not the record's: another plan (its canonical digest), or a
/// directory or roster of another number of rows. (The tables' digests cannot be compared:
/// a kit's tables keep every public column, the record's digests only the plan's.)
fn same_inputs(record: &Record, inputs: &Inputs) -> Result<()> {
    inputs.rows_here()?;
    let plan = to_hex(&inputs.digests.plan);
    let mismatch = |what: crate::messages::Message| {
        Err(Error::with_id(ErrorKind::InputsMismatch, "kit-inputs-mismatch").arg("what", what))
    };
    if record.inputs.plan.digest != plan {
        return mismatch(
            msg("kit-mismatch-plan")
                .arg("record", record.inputs.plan.digest.as_str())
                .arg("given", plan),
        );
    }
    for (table, recorded, given) in [
        (
            msg("table-targets"),
            record.inputs.targets.rows,
            inputs.targets.len(),
        ),
        (
            msg("table-officers"),
            record.inputs.officers.rows,
            inputs.officers.rows.len(),
        ),
    ] {
        if recorded != given as u64 {
            return mismatch(
                msg("kit-mismatch-rows")
                    .arg("table", table)
                    .arg("record", recorded)
                    .arg("given", given),
            );
        }
    }
    Ok(())
}

pub(super) fn public_targets(inputs: &Inputs) -> Result<Vec<u8>> {
    inputs.targets.to_csv().ok_or_else(|| {
        Error::with_id(ErrorKind::Read, "kit-directory-not-kept")
            .at(Location::file(&inputs.targets.source))
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::draw::{InputOptions, Source};
    use crate::messages::Lang;
    use crate::publish::kit::model::Given;

    pub(crate) use crate::draw::inputs::fixtures::PLAN;
    const TARGETS: &str = "id,name,法定代表人\n91110000802100433B,甲,x\n9144030071526726XG,乙,y\n";
    const OFFICERS: &str = "id,name,手机号码\nE1,张三,1\nE2,李四,2\nE3,王五,3\n";

    /// The example's inputs, every column kept unless `lean`.
    pub(crate) fn inputs(lean: bool) -> Inputs {
        Inputs::parse_with(
            Source {
                name: "plan.toml",
                bytes: PLAN.as_bytes(),
            },
            Source {
                name: "targets.csv",
                bytes: TARGETS.as_bytes(),
            },
            Source {
                name: "officers.csv",
                bytes: OFFICERS.as_bytes(),
            },
            &InputOptions {
                lean,
                ..InputOptions::default()
            },
        )
        .unwrap()
    }

    /// The kit of a record (JSON) of the example plan, in English, without a SQL command.
    fn built(inputs: &Inputs, record: &str) -> Result<Kit> {
        let given = Given {
            record: record.as_bytes(),
            plan: PLAN.as_bytes(),
            earlier: &[],
        };
        build(inputs, &given, &options(Lang::En, None))
    }

    fn options(lang: Lang, sql: Option<&str>) -> KitOptions<'_> {
        KitOptions {
            lang,
            officers: OfficerDisplay::Names,
            tsa_cert: Some(b"a certificate"),
            verify: "verify it",
            reproduce: "reproduce it",
            sql,
        }
    }

    #[test]
    fn both_languages_list_every_file_with_the_callers_commands() {
        let inputs = inputs(false);
        let record = crate::draw::draw(&inputs, &crate::Seed::unattested("s").unwrap())
            .unwrap()
            .record
            .to_json();
        let given = Given {
            record: record.as_bytes(),
            plan: PLAN.as_bytes(),
            earlier: &[],
        };
        let listed = |kit: &Kit| -> Vec<String> {
            let readme = String::from_utf8(kit.file("README.md").unwrap().to_vec()).unwrap();
            readme
                .lines()
                .filter_map(|l| Some(l.strip_prefix("- `")?.split('`').next()?.to_owned()))
                .collect()
        };
        let en = build(&inputs, &given, &options(Lang::En, Some("sql it"))).unwrap();
        let zh = build(&inputs, &given, &options(Lang::Zh, None)).unwrap();
        // An unstamped record's kit has no certificate, whatever is given.
        let names: Vec<&str> = en.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(names.last(), Some(&"README.md"));
        assert!(!names.contains(&"tsa.pem"));
        assert_eq!(listed(&en), names);
        assert_eq!(listed(&zh), names);
        assert_eq!(en.file("record.json"), Some(record.as_bytes()));
        let readme = String::from_utf8_lossy(en.file("README.md").unwrap()).into_owned();
        assert!(
            readme.contains("columns: id, name; columns dropped as read: 法定代表人"),
            "{readme}"
        );
        for command in ["\nverify it\n", "\nreproduce it\n", "\nsql it\n"] {
            assert!(readme.contains(command), "{readme}");
        }
        let readme = String::from_utf8_lossy(zh.file("README.md").unwrap()).into_owned();
        assert!(
            readme.starts_with("# 核验材料包\n") && !readme.contains("DuckDB"),
            "{readme}"
        );
        assert!(readme.contains("读取时丢弃的列：手机号码"), "{readme}");
    }

    #[test]
    fn a_directory_read_without_its_columns_has_no_public_copy() {
        let inputs = inputs(true);
        let record = crate::draw::draw(&inputs, &crate::Seed::unattested("s").unwrap())
            .unwrap()
            .record
            .to_json();
        let e = built(&inputs, &record).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Read);
        assert!(
            e.message(Lang::En)
                .starts_with("targets.csv: the target directory was read without")
        );
        assert!(e.message(Lang::Zh).contains("公开版本"));
    }

    #[test]
    fn a_record_of_other_inputs_is_refused() {
        let inputs = inputs(false);
        let record = crate::draw::draw(&inputs, &crate::Seed::unattested("s").unwrap())
            .unwrap()
            .record;
        let kit = |record: &crate::Record| built(&inputs, &record.to_json()).map(|_| ());
        assert!(kit(&record).is_ok());
        let mut other_plan = record.clone();
        other_plan.inputs.plan.digest = "0".repeat(64);
        let e = kit(&other_plan).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InputsMismatch);
        assert!(e.to_string().contains("plan digest is 0000"), "{e}");
        let mut other_roster = record;
        other_roster.inputs.officers.rows = 30;
        let e = kit(&other_roster).unwrap_err();
        assert_eq!(
            e.message(Lang::Zh),
            "所给输入不是该记录的输入：记录中的执法检查人员名录有 30 行，所给的有 3 行；请用抽取时的输入发布该记录"
        );
    }
}
