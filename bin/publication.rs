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
                .ok_or_else(|| anyhow::anyhow!("the directory was read without all its columns"))?,
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
            lang.pick("无", "none").to_owned()
        } else {
            list.join("、")
        }
    };
    let mut out = format!("# {}\n\n", lang.pick("核验材料包", "Verification kit"));
    out.push_str(lang.pick(
        "本目录包含重新运行这次抽取所需的一切。名录库只保留抽查计划读取的列（个人信息保护法：最小必要），其余各列在读取时即被丢弃，从未参与计算，只列出其表头名称。",
        "This directory holds everything needed to re-run the draw. The tables keep only the columns the plan reads (minimal data, as the Personal Information Protection Law requires); every other column was dropped as it was read, never entered the computation, and is listed by its header name only.",
    ));
    out.push_str("\n\n");
    for (name, bytes) in &names {
        let what = match *name {
            "plan.toml" => lang.pick("抽查计划", "the plan").to_owned(),
            "record.json" => lang.pick("抽取记录", "the record of the draw").to_owned(),
            "reproduce.py" => lang
                .pick(
                    "独立的 Python 实现（仅用标准库）",
                    "an independent Python implementation (standard library only)",
                )
                .to_owned(),
            "targets.csv" => format!(
                "{}: {}; {}: {}",
                lang.pick(
                    "检查对象名录库的公开版本，列",
                    "the target directory's public copy, columns"
                ),
                header(bytes),
                lang.pick("读取时丢弃的列", "columns dropped as read"),
                dropped(&record.inputs.targets.dropped)
            ),
            "officers.csv" => format!(
                "{}: {}; {}: {}{}",
                lang.pick(
                    "执法检查人员名录库的公开版本，列",
                    "the officer roster's public copy, columns"
                ),
                header(bytes),
                lang.pick("读取时丢弃的列", "columns dropped as read"),
                dropped(&record.inputs.officers.dropped),
                if display == OfficerDisplay::Names {
                    ""
                } else {
                    lang.pick(
                        "；执法人员姓名不公开（不在本包中；抽取不依赖姓名，核验时会说明姓名摘要未核对）",
                        "; officer names are not published (not in this kit; the draw does not depend on names, and verification says the names digest was not checked)",
                    )
                }
            ),
            "history.csv" => format!(
                "{}: {}",
                lang.pick("检查记录（历史检查），列", "past inspections, columns"),
                header(bytes)
            ),
            "conflicts.csv" => format!(
                "{}: {}",
                lang.pick("回避名单，列", "declared conflicts of interest, columns"),
                header(bytes)
            ),
            "announcement.json" => lang.pick("抽取公告", "the announcement").to_owned(),
            "announcement.tsr" => lang
                .pick(
                    "公告的可信时间戳（RFC 3161）",
                    "the announcement's RFC 3161 time-stamp token",
                )
                .to_owned(),
            "tsa.pem" => lang
                .pick("时间戳机构的证书", "the time-stamp authority's certificate")
                .to_owned(),
            "exclusions.csv" => lang
                .pick(
                    "各任务中 SQL 无法仅凭名录库算出的排除（前批次已抽中 earlier_batch、近期已检查 inspected_recently、年度检查次数上限 annual_cap），由记录中各任务的 frame.listed 摘要锁定",
                    "each task's exclusions SQL cannot compute from the directory alone (drawn by an earlier batch, earlier_batch; inspected recently, inspected_recently; the annual cap, annual_cap), bound by each task's frame.listed in the record",
                )
                .to_owned(),
            "README.md" => lang.pick("本说明", "this file").to_owned(),
            n if n.starts_with("earlier-") => lang
                .pick("此前批次的抽取记录", "an earlier batch's record")
                .to_owned(),
            n if n.starts_with("announcement-attempt-") => lang
                .pick(
                    "被替代的此前公告",
                    "an earlier announcement this one replaced",
                )
                .to_owned(),
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
        lang.pick("在本目录中运行：", "Run, inside it:"),
        lang.pick(
            "或者不用 shuangsui，只用 Python 3.11 标准库：",
            "or, without shuangsui, with Python 3.11's standard library alone:"
        ),
        lang.pick(
            "两者都会逐字节复现 record.json。名录库文件与抽取时的原始文件格式不同，但内容相同（规范摘要一致），核验时会说明这一点。这些文件是机器可读的精确值；供人阅读的公告（CSV、Excel）对以 = + - @ 开头的单元格加了防公式前缀。",
            "Both reproduce record.json byte for byte. The tables differ in form from the files the draw read, but not in content (the canonical digests match); verification says so. These files hold exact values for machines; the notices for people (CSV, Excel) guard cells that begin with = + - @ against formulas."
        )
    );
    if let Some(task) = record.tasks.first().map(|t| t.id.as_str()) {
        let _ = write!(
            out,
            "\n{}\n\n```sh\nshuangsui sql --record record.json --task {task} > {task}.sql\nduckdb < {task}.sql\n```\n",
            lang.pick(
                "每个任务的检查对象抽取也可以在数据库中复现（SPEC.md §7.4）：下面的 DuckDB 查询在本目录中读取 targets.csv 和 exclusions.csv，返回该任务抽中的对象及其排名和签号，顺序与记录相同；exclusions.csv 与记录不符时查询报错。",
                "Each task's target selection can also be reproduced in a database (SPEC.md §7.4): the DuckDB query below reads targets.csv and exclusions.csv in this directory and returns the task's selected targets with their ranks and tickets, in the record's order; it fails if exclusions.csv is not the one the record binds."
            )
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
            lang.pick(
                "执法人员姓名摘要（第二行）:",
                "the officers' names digest (second line):"
            ),
            a.inputs.officer_names
        );
    }
    let readme = format!(
        "# {}\n\n{}\n\n{} {} ({} {})\n\n```sh\n{list}```\n\n{}{}\n",
        lang.pick("抽取公告与冻结的输入", "Announcement and frozen inputs"),
        lang.pick(
            "本目录是抽取前公开的材料：抽取公告及其冻结的抽查计划、检查对象名录库和执法检查人员名录库的公开版本（不含身份证号、电话、住址等个人信息）。随机数尚未产生；任何人都可以在抽取前核对、质疑这些输入。每个文件的规范摘要应与公告中的一致：",
            "This directory is published before the draw: the announcement and the public copies of the plan, target directory and officer roster it freezes (without identity numbers, phone numbers or addresses). The randomness does not exist yet; anyone can check and challenge these inputs before the draw. Each file's canonical digest must equal the announcement's:"
        ),
        lang.pick("随机数来自 drand quicknet 轮次", "The randomness comes from drand quicknet round"),
        a.beacon.round,
        lang.pick("发布于", "emitted at"),
        a.beacon.emitted_at,
        lang.pick(
            "公告须在该时间之前公开并申请可信时间戳。",
            "The announcement must be public, and time-stamped, before then."
        ),
        if flags.is_empty() {
            String::new()
        } else {
            format!("\n\n({}{flags})", lang.pick("另有：", "also:"))
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
