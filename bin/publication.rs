//! What `shuangsui publish` writes (the draw notice and the verification kit, after the record
//! has been verified against its inputs), the notice files `results` writes, and the public
//! copies of an announcement's frozen inputs (`announce --publish`). The kit and the frozen
//! inputs are the library's (`shuangsui::publish::kit`); the tool adds the commands their
//! READMEs show, which name its flags.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Result;
use shuangsui::publish::kit;
use shuangsui::publish::notice::{self, OfficerDisplay};
use shuangsui::{Inputs, Source};

use crate::args::{InputArgs, NoticeFormat};
use crate::files::{InputFiles, write_atomic};
use crate::lang::Lang;

/// A notice's sheet as an .xlsx workbook for people: one worksheet, its heading row bold,
/// frozen and filtered; counts as numbers and dates as dates (`yyyy-mm-dd`), everything else
/// a string cell (never a formula, so the exact value: no guard as in the CSV is needed);
/// columns as wide as their widest text, a Chinese character counting two; printed on A4
/// landscape, the heading row on every page (one page wide when that stays readable).
pub fn xlsx(sheet: &notice::Sheet) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook};
    use shuangsui::publish::notice::CellKind;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(&sheet.name)?;
    let heading = Format::new()
        .set_bold()
        .set_background_color(0x00F2_F2F2)
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let text = Format::new().set_num_format("@");
    let columns = &sheet.table.columns;
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| crate::args::width(&c.heading))
        .collect();
    for (c, column) in columns.iter().enumerate() {
        ws.write_string_with_format(0, u16::try_from(c)?, &column.heading, &heading)?;
    }
    for (r, row) in sheet.table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1)?;
        for (c, (column, value)) in columns.iter().zip(&row.cells).enumerate() {
            widths[c] = widths[c].max(crate::args::width(value));
            let c = u16::try_from(c)?;
            let day = (column.kind == CellKind::Date)
                .then(|| shuangsui::dates::Date::parse(value))
                .flatten();
            match (column.kind, value.parse::<u32>(), day) {
                (CellKind::Number, Ok(n), _) => {
                    ws.write_number(r, c, n)?;
                }
                (CellKind::Date, _, Some(d)) => {
                    let d = ExcelDateTime::from_ymd(d.year, d.month, d.day)?;
                    ws.write_datetime_with_format(r, c, &d, &date)?;
                }
                (CellKind::Code, _, _) => {
                    ws.write_string_with_format(r, c, value, &text)?;
                }
                _ => {
                    ws.write_string(r, c, value)?;
                }
            }
        }
    }
    let mut total = 0;
    for (c, w) in widths.into_iter().enumerate() {
        // Width in characters of the default font, with room for the filter's button.
        let w = w.clamp(4, 60) + 3;
        total += w;
        #[allow(clippy::cast_precision_loss)]
        ws.set_column_width(u16::try_from(c)?, w as f64)?;
    }
    let last_row = u32::try_from(sheet.table.rows.len())?;
    let last_col = u16::try_from(columns.len().saturating_sub(1))?;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    // One page wide only when that keeps the text readable (about 160 characters on A4
    // landscape at 60 %); a wider sheet prints across pages, its heading row on each.
    if total <= 160 {
        ws.set_print_fit_to_pages(1, 0);
    }
    ws.set_repeat_rows(0, 0)?;
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

/// What a publication is made with besides the record and its inputs: the language, how the
/// notice shows officers, the notice's formats, and the time-stamp authority's certificate
/// (which goes into the kit of a time-stamped record).
pub struct Choices<'a> {
    pub lang: Lang,
    pub display: OfficerDisplay,
    pub formats: &'a [NoticeFormat],
    pub tsa_cert: Option<&'a [u8]>,
}

/// Everything `publish` writes, in memory: the notice in the chosen formats and the
/// verification kit under `kit/` (the library's, with the tool's commands in its README).
pub fn build(
    inputs: &Inputs,
    given: &kit::Given<'_>,
    choices: &Choices<'_>,
    published: &notice::Published<'_>,
) -> Result<Publication> {
    let lang = choices.lang;
    let record = shuangsui::Record::from_json("record.json", given.record)?;
    // The kit's files are named as verify_command names them.
    let command = verify_command(&record);
    let reproduce = reproduce_command(inputs, given.earlier.len());
    let published = &notice::Published {
        verify: Some(&command),
        reproduce: Some(&reproduce),
        ..*published
    };
    let notice = notice::draw_notice(
        lang,
        &record,
        inputs.plan(),
        inputs.officers(),
        choices.display,
        published,
    );
    let mut files = notice_files("notice", choices.formats, &notice)?;
    let sql = record.tasks.first().map(|t| sql_commands(&t.id));
    let kit = kit::build(
        inputs,
        given,
        &kit::KitOptions {
            lang,
            officers: choices.display,
            tsa_cert: choices.tsa_cert,
            verify: &command,
            reproduce: &reproduce,
            sql: sql.as_deref(),
        },
    )?;
    let dir = Path::new("kit");
    files.extend(kit.files.into_iter().map(|(p, b)| (dir.join(p), b)));
    Ok(Publication {
        files,
        verify_command: command,
    })
}

/// The public copies of an announcement's frozen inputs, to publish with it (the library's,
/// with the `digest` commands that check them against it). Anyone can challenge the inputs
/// before the randomness exists.
pub fn frozen_inputs(
    lang: Lang,
    a: &shuangsui::ceremony::Announcement,
    plan_bytes: &[u8],
    inputs: &Inputs,
    check: Option<&shuangsui::Check<'_>>,
) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut also = String::new();
    if inputs.history().is_some() {
        also.push_str(" --history history.csv");
    }
    if inputs.conflicts().is_some() {
        also.push_str(" --conflicts conflicts.csv");
    }
    let frozen = kit::frozen(
        inputs,
        a,
        plan_bytes,
        &kit::FrozenOptions {
            lang,
            digests: [
                "shuangsui digest --plan plan.toml",
                "shuangsui digest --plan plan.toml --targets targets.csv",
                "shuangsui digest --plan plan.toml --officers officers.csv",
            ],
            also: (!also.is_empty()).then_some(also.as_str()),
            check,
        },
    )?;
    Ok(frozen
        .files
        .into_iter()
        .map(|(p, b)| (PathBuf::from(p), b))
        .collect())
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

/// The command that runs the kit's `reproduce.py`, with the history, conflicts and earlier
/// records the kit holds.
fn reproduce_command(inputs: &Inputs, earlier: usize) -> String {
    let mut command =
        "python3 reproduce.py record.json plan.toml targets.csv officers.csv".to_owned();
    if inputs.history().is_some() {
        command.push_str(" --history history.csv");
    }
    if inputs.conflicts().is_some() {
        command.push_str(" --conflicts conflicts.csv");
    }
    for i in 1..=earlier {
        let _ = write!(command, " --earlier earlier-{i}.json");
    }
    command
}

/// The commands that reproduce a task's target selection in `DuckDB` inside the kit.
fn sql_commands(task: &str) -> String {
    format!("shuangsui sql --record record.json --task {task} > {task}.sql\nduckdb < {task}.sql")
}
