//! `shuangsui results`: checks the inspection results against the record, writes the result
//! notice (抽查结果公告) and lists publication deadlines passed or near.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::inputs::{Table, TableKind, TableOptions};
use shuangsui::publish::results::{Due, Results};

use crate::args::ResultsArgs;
use crate::files::{read, write_atomic};
use crate::lang::Lang;
use crate::publication;

/// Writes the result notice into `--out` and prints the results' deadlines.
pub fn run(args: &ResultsArgs, lang: Lang) -> Result<ExitCode> {
    let (record_path, results_path, out) = (&args.record, &args.results, &args.out);
    let bytes = read(record_path)?;
    let record = shuangsui::Record::parse(&record_path.display().to_string(), &bytes)?;
    let mut cal = shuangsui::publish::workdays::Calendar::official();
    if let Some(p) = &args.calendar {
        cal = cal.with(shuangsui::publish::workdays::Calendar::parse(
            &p.display().to_string(),
            &read(p)?,
        )?);
    }
    let today = if let Some(t) = &args.today {
        shuangsui::dates::Date::parse(t)
            .ok_or_else(|| anyhow::anyhow!("--today '{t}': expected a date such as 2027-03-01"))?
    } else {
        shuangsui::dates::china_date(super::unix_now())
            .ok_or_else(|| anyhow::anyhow!("the system clock is out of range"))?
    };
    let name = results_path.display().to_string();
    let table = Table::parse(
        TableKind::Results,
        &name,
        &read(results_path)?,
        &TableOptions::default(),
    )?;
    let checked = Results::check(&record, &table, &cal)?;
    let files = publication::notice_files(
        "result-notice",
        &args.format,
        &shuangsui::publish::notice::results_notice(lang, &record, &checked),
    )?;
    for (p, _) in &files {
        let p = out.join(p);
        if !args.force && p.exists() {
            anyhow::bail!("'{}' exists; add --force to overwrite it", p.display());
        }
    }
    std::fs::create_dir_all(out)
        .map_err(|e| anyhow::anyhow!("cannot create '{}': {e}", out.display()))?;
    for (p, bytes) in &files {
        write_atomic(&out.join(p), bytes, args.force)?;
    }
    say!(
        "{} {} {}; {} {}",
        lang.pick("结果", "results:"),
        checked.outcomes.len(),
        lang.pick("条，与抽取记录一致", "match the record"),
        lang.pick("公告已写入", "notice written to"),
        files
            .iter()
            .map(|(p, _)| out.join(p).display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut overdue = 0;
    let mut soon = 0;
    for o in &checked.outcomes {
        let line = format!(
            "{} {} {}{} — {} {} ({} {})",
            o.task,
            o.entity,
            o.name,
            if o.item.is_empty() {
                String::new()
            } else {
                format!(" [{}]", o.item)
            },
            lang.pick("公示期限", "deadline"),
            o.deadline,
            lang.pick("检查于", "inspected"),
            o.date
        );
        match o.due(&cal, today, 5)? {
            Due::Overdue(n) => {
                overdue += 1;
                say!(
                    "  {} {n} {}: {line}",
                    lang.pick("已逾期", "overdue by"),
                    lang.pick("个工作日", "working days")
                );
            }
            Due::Soon(n) => {
                soon += 1;
                say!(
                    "  {} {n} {}: {line}",
                    lang.pick("即将到期，剩余", "due in"),
                    lang.pick("个工作日", "working days")
                );
            }
            Due::Later => {}
        }
    }
    say!(
        "{} {today}: {overdue} {}, {soon} {}",
        lang.pick("截至", "as of"),
        lang.pick("条逾期", "overdue"),
        lang.pick("条将在 5 个工作日内到期", "due within 5 working days")
    );
    Ok(ExitCode::SUCCESS)
}
