//! `shuangsui publish`: the draw notice and the verification kit, written after the record
//! has been verified against its inputs.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Result;
use shuangsui::notice::{self, OfficerDisplay};
use shuangsui::{Inputs, Source};

use crate::files::{InputArgs, InputFiles, write_atomic};
use crate::report::Lang;

/// The independent Python implementation, shipped in every kit.
const REPRODUCE_PY: &str = include_str!("../tests/reproduce.py");

/// A notice format: `html`, `md`, `csv` or `xlsx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Md,
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(s: &str) -> Result<Format, String> {
        match s.trim() {
            "html" => Ok(Format::Html),
            "md" => Ok(Format::Md),
            "csv" => Ok(Format::Csv),
            "xlsx" => Ok(Format::Xlsx),
            other => Err(format!(
                "unknown format '{other}' (expected html, md, csv or xlsx)"
            )),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// A CSV notice (UTF-8 with a BOM) as an .xlsx workbook: the same rows and columns, one sheet.
pub fn csv_to_xlsx(csv_bytes: &[u8], sheet: &str) -> Result<Vec<u8>> {
    let text = csv_bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(csv_bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet)?;
    for (r, record) in reader.records().enumerate() {
        let record = record?;
        for (c, value) in record.iter().enumerate() {
            let (r, c) = (u32::try_from(r)?, u16::try_from(c)?);
            ws.write_string(r, c, shuangsui::notice::from_people_csv_cell(value))?;
        }
    }
    ws.autofit();
    Ok(book.save_to_buffer()?)
}

/// The notice files in the chosen formats: `stem.html`, `stem.md`, `stem.csv`, `stem.xlsx`.
pub fn notice_files(
    stem: &str,
    formats: &[Format],
    html: impl FnOnce() -> String,
    md: impl FnOnce() -> String,
    csv: &[u8],
    sheet: &str,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = Vec::new();
    let (mut html, mut md) = (Some(html), Some(md));
    for f in formats {
        let bytes = match f {
            Format::Html => html.take().map_or_else(Vec::new, |h| h().into_bytes()),
            Format::Md => md.take().map_or_else(Vec::new, |m| m().into_bytes()),
            Format::Csv => csv.to_vec(),
            Format::Xlsx => csv_to_xlsx(csv, sheet)?,
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
    formats: &[Format],
    published: &notice::Published<'_>,
) -> Result<Publication> {
    let record: shuangsui::Record = shuangsui::strict::from_slice("record.json", record_bytes)?;
    let nl = notice::Lang::from(lang);
    let kit = PathBuf::from("kit");
    let mut files = notice_files(
        "notice",
        formats,
        || {
            notice::draw_html(
                nl,
                &record,
                &inputs.plan,
                &inputs.officers,
                display,
                published,
            )
        },
        || {
            notice::draw_markdown(
                nl,
                &record,
                &inputs.plan,
                &inputs.officers,
                display,
                published,
            )
        },
        &notice::draw_csv(nl, &record, &inputs.plan, &inputs.officers, display),
        lang.t("抽查任务公告", "notice"),
    )?;
    files.extend([
        (kit.join("plan.toml"), plan_bytes.to_vec()),
        (
            kit.join("targets.csv"),
            inputs
                .targets
                .to_csv()
                .ok_or_else(|| anyhow::anyhow!("the directory was read without all its columns"))?,
        ),
        (kit.join("officers.csv"), inputs.officers.to_csv()),
        (kit.join("record.json"), record_bytes.to_vec()),
        (kit.join("reproduce.py"), REPRODUCE_PY.as_bytes().to_vec()),
    ]);
    // What a SQL engine cannot compute from targets.csv, bound by each task's frame.listed.
    let checked = shuangsui::check(inputs)?;
    files.push((
        kit.join("exclusions.csv"),
        shuangsui::sql::exclusions_csv(&checked, &inputs.targets),
    ));
    // The file names are the ones notice::verify_command gives.
    let command = notice::verify_command(&record);
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
            shuangsui::announce::to_json(&a.announcement).into_bytes(),
        ));
        for old in &a.replaced {
            files.push((
                kit.join(format!("announcement-attempt-{}.json", old.attempt)),
                shuangsui::announce::to_json(old).into_bytes(),
            ));
        }
        if let Some(token) =
            shuangsui::announce::base64_decode(&a.timestamp).filter(|t| !t.is_empty())
        {
            // The bare token: `openssl ts -verify -token_in -in announcement.tsr -data announcement.json -CAfile TSA.pem`
            files.push((kit.join("announcement.tsr"), token));
        }
    }
    let first_task = record.tasks.first().map_or("T1", |t| t.id.as_str());
    let readme = format!(
        "# {}\n\n{}\n\n```sh\n{command}\n```\n\n{}\n\n```sh\npython3 reproduce.py record.json plan.toml targets.csv officers.csv\n```\n\n{}\n\n{}\n\n```sh\nshuangsui sql --record record.json --task {first_task} > {first_task}.sql\nduckdb < {first_task}.sql\n```\n",
        lang.t("核验材料包", "Verification kit"),
        lang.t(
            "本目录包含重新运行这次抽取所需的一切：抽查计划、检查对象名录库和执法检查人员名录库的公开版本（不含身份证号、电话、住址等个人信息，这些列从未参与计算），以及抽取记录。在本目录中运行：",
            "This directory holds everything needed to re-run the draw: the plan, the public copies of the target directory and the officer roster (without identity numbers, phone numbers or addresses: those columns never entered the computation), and the record. Run, inside it:"
        ),
        lang.t(
            "或者不用 shuangsui，只用 Python 3.11 标准库（仅适用于没有历史、回避和前批次文件的抽取）：",
            "or, without shuangsui, with Python 3.11's standard library alone (for draws without history, conflicts or earlier batches):"
        ),
        lang.t(
            "两者都会逐字节复现 record.json。名录库文件与抽取时的原始文件格式不同，但内容相同（规范摘要一致），核验时会说明这一点。",
            "Both reproduce record.json byte for byte. The tables differ in form from the files the draw read, but not in content (the canonical digests match); verification says so."
        ),
        lang.t(
            "每个任务的检查对象抽取也可以在数据库中复现（SPEC.md §7.4）：下面的 DuckDB 查询在本目录中读取 targets.csv 和 exclusions.csv，返回该任务抽中的对象及其排名。exclusions.csv 列出 SQL 无法从名录库本身算出的排除（前批次已抽中 earlier_batch、近期已检查 inspected_recently、年度检查次数上限 annual_cap）；其内容由记录中各任务的 frame.listed 摘要锁定，不一致时查询会报错。",
            "Each task's target selection can also be reproduced in a database (SPEC.md §7.4): the DuckDB query below reads targets.csv and exclusions.csv in this directory and returns the task's selected targets with their ranks. exclusions.csv lists the exclusions SQL cannot compute from the directory itself (drawn by an earlier batch, earlier_batch; inspected recently, inspected_recently; the annual cap, annual_cap); each task's frame.listed in the record is the digest of its rows, and the query fails if they differ."
        )
    );
    files.push((kit.join("README.md"), readme.into_bytes()));
    Ok(Publication {
        files,
        verify_command: command,
    })
}

/// The public copies of an announcement's frozen inputs, to publish with it: the plan, the
/// tables without personal data (the same projections as the kit's), the announcement, and a
/// README saying how to check them against it. Anyone can challenge the inputs before the
/// randomness exists.
pub fn frozen_inputs(
    lang: Lang,
    a: &shuangsui::announce::Announcement,
    plan_bytes: &[u8],
    inputs: &Inputs,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = vec![
        (
            PathBuf::from("announcement.json"),
            shuangsui::announce::to_json(a).into_bytes(),
        ),
        (PathBuf::from("plan.toml"), plan_bytes.to_vec()),
        (
            PathBuf::from("targets.csv"),
            inputs
                .targets
                .to_csv()
                .ok_or_else(|| anyhow::anyhow!("the directory was read without all its columns"))?,
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
        let _ = writeln!(list, "shuangsui digest {flag} {file}   # {d}");
    }
    let readme = format!(
        "# {}\n\n{}\n\n{} {} ({} {})\n\n```sh\n{list}```\n\n{}{}\n",
        lang.t("抽取公告与冻结的输入", "Announcement and frozen inputs"),
        lang.t(
            "本目录是抽取前公开的材料：抽取公告及其冻结的抽查计划、检查对象名录库和执法检查人员名录库的公开版本（不含身份证号、电话、住址等个人信息）。随机数尚未产生；任何人都可以在抽取前核对、质疑这些输入。每个文件的规范摘要应与公告中的一致：",
            "This directory is published before the draw: the announcement and the public copies of the plan, target directory and officer roster it freezes (without identity numbers, phone numbers or addresses). The randomness does not exist yet; anyone can check and challenge these inputs before the draw. Each file's canonical digest must equal the announcement's:"
        ),
        lang.t("随机数来自 drand quicknet 轮次", "The randomness comes from drand quicknet round"),
        a.beacon.round,
        lang.t("发布于", "emitted at"),
        a.beacon.emitted_at,
        lang.t(
            "公告须在该时间之前公开并申请可信时间戳。",
            "The announcement must be public, and time-stamped, before then."
        ),
        if flags.is_empty() {
            String::new()
        } else {
            format!("\n\n({}{flags})", lang.t("另有：", "also:"))
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
            anyhow::bail!("'{}' exists; add --force to overwrite it", p.display());
        }
    }
    std::fs::create_dir_all(dir.join("kit"))
        .map_err(|e| anyhow::anyhow!("cannot create '{}': {e}", dir.join("kit").display()))?;
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
    let args = InputArgs {
        plan: kit.join("plan.toml"),
        targets: kit.join("targets.csv"),
        officers: kit.join("officers.csv"),
        history: has("history.csv").then(|| kit.join("history.csv")),
        conflicts: has("conflicts.csv").then(|| kit.join("conflicts.csv")),
        earlier: publication
            .files
            .iter()
            .filter(|(p, _)| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("earlier-"))
            })
            .map(|(p, _)| dir.join(p))
            .collect(),
        targets_format: None,
        officers_format: None,
        encoding: None,
        sheet: None,
        targets_sheet: None,
        officers_sheet: None,
    };
    let record = crate::files::read(&kit.join("record.json"))?;
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
