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
    let today = super::day_or_today(args.today.as_deref(), "--today", lang)?;
    let contact = if let Some(p) = &args.plan {
        // The record's own plan only: another plan's contact would speak for this draw.
        let plan = shuangsui::Plan::parse(&p.display().to_string(), &read(p)?)?;
        if hex::encode(plan.digest) != record.inputs.plan.digest {
            anyhow::bail!(t!(
                lang,
                "results-plan-not-the-records",
                plan = p.display().to_string(),
                record = record_path.display().to_string()
            ));
        }
        plan.contact
    } else {
        // The enterprise that would object needs somewhere to go: say it is missing.
        let warning = t!(lang, "results-no-contact");
        eprintln!("{}", t!(lang, "cli-warning", message = warning));
        String::new()
    };
    let name = results_path.display().to_string();
    let table = Table::parse(
        TableKind::Results,
        &name,
        &read(results_path)?,
        &TableOptions::default(),
    )?;
    let checked = Results::check_as_of(&record, &table, &cal, Some(today))?;
    let files = publication::notice_files(
        "result-notice",
        &args.format,
        &shuangsui::publish::notice::results_notice(
            lang,
            &record,
            &checked,
            &shuangsui::publish::notice::Issued {
                on: Some(today),
                contact: &contact,
            },
        ),
    )?;
    for (p, _) in &files {
        let p = out.join(p);
        if !args.force && p.exists() {
            anyhow::bail!(crate::files::exists(&p));
        }
    }
    std::fs::create_dir_all(out).map_err(|e| {
        anyhow::anyhow!(t!(
            lang,
            "error-cannot-create",
            path = out.display().to_string(),
            error = e.to_string()
        ))
    })?;
    for (p, bytes) in &files {
        write_atomic(&out.join(p), bytes, args.force)?;
    }
    let written = files
        .iter()
        .map(|(p, _)| out.join(p).display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    say!(
        "{}",
        t!(
            lang,
            "results-summary",
            count = checked.outcomes.len(),
            files = written
        )
    );
    let mut overdue = 0;
    let mut soon = 0;
    for o in &checked.outcomes {
        let line = t!(
            lang,
            "results-line",
            task = &o.task,
            entity = &o.entity,
            name = &o.name,
            item = if o.item.is_empty() {
                String::new()
            } else {
                format!(" [{}]", o.item)
            },
            deadline = o.deadline.to_string(),
            date = o.date.to_string(),
        );
        match o.due(&cal, today, 5)? {
            Due::Overdue(n) => {
                overdue += 1;
                say!("  {}", t!(lang, "results-overdue", days = n, line = &line));
            }
            Due::Soon(n) => {
                soon += 1;
                say!("  {}", t!(lang, "results-soon", days = n, line = &line));
            }
            Due::Later => {}
        }
    }
    say!(
        "{}",
        t!(
            lang,
            "results-as-of",
            today = today.to_string(),
            overdue = overdue,
            soon = soon
        )
    );
    Ok(ExitCode::SUCCESS)
}
