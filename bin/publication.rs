//! What `shuangsui publish` writes (the draw notice and the verification kit, after the record
//! has been verified against its inputs), the notice files `results` writes, and the public
//! copies of an announcement's frozen inputs (`announce --publish`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Result;
use shuangsui::publish::notice::{self, OfficerDisplay};
use shuangsui::{Inputs, Source};

use crate::args::{InputArgs, NoticeFormat};
use crate::files::{InputFiles, write_atomic};
use crate::lang::Lang;

/// The independent Python implementation, shipped in every kit.
const REPRODUCE_PY: &str = include_str!("../tests/reproduce.py");

/// A notice's sheet as an .xlsx workbook: its columns and rows, one worksheet, every cell a
/// string cell (never a formula, so the exact value: no guard as in the CSV is needed).
pub fn xlsx(sheet: &notice::Sheet) -> Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(&sheet.name)?;
    let headings = sheet.table.columns.iter().map(|c| c.heading.as_str());
    let rows = sheet
        .table
        .rows
        .iter()
        .map(|row| row.cells.iter().map(String::as_str).collect::<Vec<_>>());
    for (r, cells) in std::iter::once(headings.collect()).chain(rows).enumerate() {
        for (c, value) in cells.into_iter().enumerate() {
            ws.write_string(u32::try_from(r)?, u16::try_from(c)?, value)?;
        }
    }
    ws.autofit();
    Ok(book.save_to_buffer()?)
}

/// The notice files in the chosen formats, each rendered from the one notice: `stem.html`,
/// `stem.md`, `stem.csv`, `stem.xlsx`.
pub fn notice_files(
    stem: &str,
    formats: &[NoticeFormat],
    notice: &notice::Notice,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    for f in formats {
        let bytes = match f {
            NoticeFormat::Html => notice.html().into_bytes(),
            NoticeFormat::Md => notice.markdown().into_bytes(),
            NoticeFormat::Csv => notice.csv(),
            NoticeFormat::Xlsx => xlsx(&notice.sheet)?,
        };
        files.push((PathBuf::from(format!("{stem}.{}", f.extension())), bytes));
    }
    Ok(files)
}

/// The files of a publication: (path relative to DIR, bytes).
pub struct Publication {
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// The command that verifies the kit, run inside `kit/`.
    pub verify_command: String,
}

/// Everything `publish` writes, in memory: the notice (Markdown, CSV) and the kit (the plan as
/// given, the public projections of the tables, the record, earlier records, the announcement,
/// reproduce.py and a README with the exact commands).
#[allow(clippy::too_many_arguments)] // folded into a publication model by issue 15
pub fn build(
    lang: Lang,
    record_bytes: &[u8],
    plan_bytes: &[u8],
    earlier: &[Vec<u8>],
    inputs: &Inputs,
    display: OfficerDisplay,
    formats: &[NoticeFormat],
    published: &notice::Published<'_>,
) -> Result<Publication> {
    let record = shuangsui::Record::from_json("record.json", record_bytes)?;
    let kit = PathBuf::from("kit");
    // The kit's files are named as verify_command names them.
    let command = verify_command(&record);
    let published = &notice::Published {
        verify: Some(&command),
        ..*published
    };
    let notice = notice::draw_notice(
        lang,
        &record,
        &inputs.plan,
        &inputs.officers,
        display,
        published,
    );
    let mut files = notice_files("notice", formats, &notice)?;
    files.extend([
        (kit.join("plan.toml"), plan_bytes.to_vec()),
        (
            kit.join("targets.csv"),
            inputs
                .targets
                .to_csv()
                .ok_or_else(|| anyhow::anyhow!(t!(lang, "error-directory-columns")))?,
        ),
        (
            kit.join("officers.csv"),
            // Hidden names are hidden everywhere: the kit's roster has no name column, and
            // still verifies (names are outside the roster's digest, SPEC.md §3.4).
            if display == OfficerDisplay::Names {
                inputs.officers.to_csv()
            } else {
                inputs.officers.to_csv_hiding(&["name"])
            },
        ),
        (kit.join("record.json"), record_bytes.to_vec()),
        (kit.join("reproduce.py"), REPRODUCE_PY.as_bytes().to_vec()),
    ]);
    // What a SQL engine cannot compute from targets.csv, bound by each task's frame.listed.
    let checked = shuangsui::check(inputs)?;
    files.push((
        kit.join("exclusions.csv"),
        shuangsui::publish::sql::exclusions_csv(&checked, &inputs.targets),
    ));
    if let Some((t, _)) = &inputs.history {
        files.push((kit.join("history.csv"), t.to_csv()));
    }
    if let Some((t, _)) = &inputs.conflicts {
        files.push((kit.join("conflicts.csv"), t.to_csv()));
    }
    for (i, bytes) in earlier.iter().enumerate() {
        files.push((kit.join(format!("earlier-{}.json", i + 1)), bytes.clone()));
    }
    if let Some(a) = &record.seed.attestation {
        files.push((
            kit.join("announcement.json"),
            shuangsui::ceremony::to_json(&a.announcement).into_bytes(),
        ));
        for old in &a.replaced {
            files.push((
                kit.join(format!("announcement-attempt-{}.json", old.attempt)),
                shuangsui::ceremony::to_json(old).into_bytes(),
            ));
        }
        if let Some(token) =
            shuangsui::ceremony::base64_decode(&a.timestamp).filter(|t| !t.is_empty())
        {
            // The bare token: `openssl ts -verify -token_in -in announcement.tsr -data announcement.json -CAfile TSA.pem`
            files.push((kit.join("announcement.tsr"), token));
        }
    }
    let readme = kit_readme(lang, &record, &files, &command, display);
    files.push((kit.join("README.md"), readme.into_bytes()));
    Ok(Publication {
        files,
        verify_command: command.clone(),
    })
}

/// The kit's README, written from what the kit holds: every file with what it is, each
/// table's columns and the columns dropped from it, and the commands that verify it.
fn kit_readme(
    lang: Lang,
    record: &shuangsui::Record,
    files: &[(PathBuf, Vec<u8>)],
    command: &str,
    display: OfficerDisplay,
) -> String {
    let kit = Path::new("kit");
    let mut names: Vec<(&str, &[u8])> = files
        .iter()
        .filter_map(|(p, b)| Some((p.strip_prefix(kit).ok()?.to_str()?, b.as_slice())))
        .collect();
    // The CLI adds the authority's certificate to a time-stamped record's kit.
    if record
        .seed
        .attestation
        .as_ref()
        .is_some_and(|a| !a.timestamp.is_empty())
    {
        names.push(("tsa.pem", b""));
    }
    names.push(("README.md", b""));
    let header = |bytes: &[u8]| -> String {
        let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        String::from_utf8_lossy(line).trim_end().replace(',', ", ")
    };
    let dropped = |list: &[String]| {
        if list.is_empty() {
            t!(lang, "kit-none")
        } else {
            list.join(&t!(lang, "list-separator"))
        }
    };
    let mut out = format!("# {}\n\n", t!(lang, "kit-title"));
    out.push_str(&t!(lang, "kit-intro"));
    out.push_str("\n\n");
    for (name, bytes) in &names {
        let what = match *name {
            "plan.toml" => t!(lang, "kit-file-plan"),
            "record.json" => t!(lang, "kit-file-record"),
            "reproduce.py" => t!(lang, "kit-file-reproduce"),
            "targets.csv" => t!(
                lang,
                "kit-file-targets",
                columns = header(bytes),
                dropped = dropped(&record.inputs.targets.dropped)
            ),
            "officers.csv" => {
                let mut what = t!(
                    lang,
                    "kit-file-officers",
                    columns = header(bytes),
                    dropped = dropped(&record.inputs.officers.dropped)
                );
                if display != OfficerDisplay::Names {
                    what += &t!(lang, "kit-officer-names-hidden");
                }
                what
            }
            "history.csv" => t!(lang, "kit-file-history", columns = header(bytes)),
            "conflicts.csv" => t!(lang, "kit-file-conflicts", columns = header(bytes)),
            "announcement.json" => t!(lang, "kit-file-announcement"),
            "announcement.tsr" => t!(lang, "kit-file-tsr"),
            "tsa.pem" => t!(lang, "kit-file-tsa"),
            "exclusions.csv" => t!(lang, "kit-file-exclusions"),
            "README.md" => t!(lang, "kit-file-readme"),
            n if n.starts_with("earlier-") => t!(lang, "kit-file-earlier"),
            n if n.starts_with("announcement-attempt-") => t!(lang, "kit-file-replaced"),
            _ => String::new(),
        };
        let _ = writeln!(out, "- `{name}`: {what}");
    }
    let has = |n: &str| names.iter().any(|(f, _)| *f == n);
    let mut python =
        "python3 reproduce.py record.json plan.toml targets.csv officers.csv".to_owned();
    for (file, flag) in [
        ("history.csv", "--history"),
        ("conflicts.csv", "--conflicts"),
    ] {
        if has(file) {
            let _ = write!(python, " {flag} {file}");
        }
    }
    for (f, _) in &names {
        if f.starts_with("earlier-") {
            let _ = write!(python, " --earlier {f}");
        }
    }
    let _ = write!(
        out,
        "\n{}\n\n```sh\n{command}\n```\n\n{}\n\n```sh\n{python}\n```\n\n{}\n",
        t!(lang, "kit-run"),
        t!(lang, "kit-or-python"),
        t!(lang, "kit-both")
    );
    if let Some(task) = record.tasks.first().map(|t| t.id.as_str()) {
        let _ = write!(
            out,
            "\n{}\n\n```sh\nshuangsui sql --record record.json --task {task} > {task}.sql\nduckdb < {task}.sql\n```\n",
            t!(lang, "kit-sql")
        );
    }
    out
}

/// The public copies of an announcement's frozen inputs, to publish with it: the plan, the
/// tables without personal data (the same projections as the kit's), the announcement, and a
/// README saying how to check them against it. Anyone can challenge the inputs before the
/// randomness exists.
pub fn frozen_inputs(
    lang: Lang,
    a: &shuangsui::ceremony::Announcement,
    plan_bytes: &[u8],
    inputs: &Inputs,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = vec![
        (
            PathBuf::from("announcement.json"),
            shuangsui::ceremony::to_json(a).into_bytes(),
        ),
        (PathBuf::from("plan.toml"), plan_bytes.to_vec()),
        (
            PathBuf::from("targets.csv"),
            inputs
                .targets
                .to_csv()
                .ok_or_else(|| anyhow::anyhow!(t!(lang, "error-directory-columns")))?,
        ),
        (PathBuf::from("officers.csv"), inputs.officers.to_csv()),
    ];
    let mut flags = String::new();
    if let Some((t, _)) = &inputs.history {
        files.push((PathBuf::from("history.csv"), t.to_csv()));
        flags.push_str(" --history history.csv");
    }
    if let Some((t, _)) = &inputs.conflicts {
        files.push((PathBuf::from("conflicts.csv"), t.to_csv()));
        flags.push_str(" --conflicts conflicts.csv");
    }
    let digests = [
        ("plan.toml", "--plan", &a.inputs.plan.digest),
        ("targets.csv", "--targets", &a.inputs.targets.digest),
        ("officers.csv", "--officers", &a.inputs.officers.digest),
    ];
    let mut list = String::new();
    for (file, flag, d) in digests {
        let plan = if flag == "--plan" {
            String::new()
        } else {
            "--plan plan.toml ".to_owned()
        };
        let _ = writeln!(list, "shuangsui digest {plan}{flag} {file}   # {d}");
    }
    if !a.inputs.officer_names.is_empty() {
        let _ = writeln!(
            list,
            "#   {} names {}",
            t!(lang, "frozen-names-digest"),
            a.inputs.officer_names
        );
    }
    let readme = format!(
        "# {}\n\n{}\n\n{}\n\n```sh\n{list}```\n\n{}{}\n",
        t!(lang, "frozen-title"),
        t!(lang, "frozen-intro"),
        t!(
            lang,
            "frozen-round",
            round = a.beacon.round.to_string(),
            at = &a.beacon.emitted_at
        ),
        t!(lang, "frozen-deadline"),
        if flags.is_empty() {
            String::new()
        } else {
            format!("\n\n{}", t!(lang, "frozen-also", flags = flags))
        }
    );
    files.push((PathBuf::from("README.md"), readme.into_bytes()));
    Ok(files)
}

/// Writes a publication under `dir`: nothing if any file exists (without `force`), each file
/// atomically.
pub fn write(dir: &Path, publication: &Publication, force: bool) -> Result<()> {
    for (path, _) in &publication.files {
        let p = dir.join(path);
        if !force && p.exists() {
            anyhow::bail!(crate::files::exists(&p));
        }
    }
    std::fs::create_dir_all(dir.join("kit")).map_err(|e| {
        anyhow::anyhow!(t!(
            crate::lang::current(),
            "error-cannot-create",
            path = dir.join("kit").display().to_string(),
            error = e.to_string()
        ))
    })?;
    for (path, bytes) in &publication.files {
        write_atomic(&dir.join(path), bytes, force)?;
    }
    Ok(())
}

/// Reads the kit back from disk, as a reader of the notice would, and verifies it.
pub fn check_kit(dir: &Path, publication: &Publication) -> Result<bool> {
    let kit = dir.join("kit");
    let has = |name: &str| {
        publication
            .files
            .iter()
            .any(|(p, _)| p == &Path::new("kit").join(name))
    };
    let mut args = InputArgs::files(
        kit.join("plan.toml"),
        kit.join("targets.csv"),
        kit.join("officers.csv"),
    );
    args.history = has("history.csv").then(|| kit.join("history.csv"));
    args.conflicts = has("conflicts.csv").then(|| kit.join("conflicts.csv"));
    args.earlier = publication
        .files
        .iter()
        .filter(|(p, _)| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("earlier-"))
        })
        .map(|(p, _)| dir.join(p))
        .collect();
    let record = crate::files::read(&kit.join("record.json"))?;
    // The exclusions a SQL engine reads are the ones the record binds (SPEC.md §7.4).
    shuangsui::publish::sql::check_exclusions_csv(
        &shuangsui::Record::from_json("kit/record.json", &record)?,
        "kit/exclusions.csv",
        &crate::files::read(&kit.join("exclusions.csv"))?,
    )?;
    let inputs = InputFiles::read(&args, shuangsui::verify::id_check_of(&record))?
        .keep_all()
        .parse()?;
    let tsa = if has("tsa.pem") {
        Some(crate::files::read(&kit.join("tsa.pem"))?)
    } else {
        None
    };
    let outcome = shuangsui::verify::verify_with(
        Source {
            name: "record.json",
            bytes: &record,
        },
        &inputs,
        &shuangsui::verify::Options {
            tsa_cert: tsa.as_deref(),
        },
    )?;
    Ok(outcome.ok())
}

/// The command that verifies a record inside its verification kit, whose files are named
/// `plan.toml`, `targets.csv`, `officers.csv`, `history.csv`, `conflicts.csv` and
/// `earlier-1.json` … (one per earlier batch), as the record needs them.
fn verify_command(record: &shuangsui::Record) -> String {
    let mut command =
        "shuangsui verify record.json --plan plan.toml --targets targets.csv --officers officers.csv"
            .to_owned();
    if record.inputs.history.is_some() {
        command.push_str(" --history history.csv");
    }
    if record.inputs.conflicts.is_some() {
        command.push_str(" --conflicts conflicts.csv");
    }
    for i in 1..=record.inputs.earlier.len() {
        let _ = write!(command, " --after earlier-{i}.json");
    }
    if record
        .seed
        .attestation
        .as_ref()
        .is_some_and(|a| !a.timestamp.is_empty())
    {
        command.push_str(" --tsa-cert tsa.pem");
    }
    command
}
