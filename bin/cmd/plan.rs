//! `shuangsui plan --from 任务表.xlsx`: the plan written from a task sheet, one row a task.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::inputs::ReadOptions;
use shuangsui::plan::sheet::{self, Allocation, PlanHeader, SheetQuota, SheetTask};

use crate::args::PlanArgs;
use crate::files;
use crate::lang::Lang;

/// Reads the task sheet, writes the plan the library made of it (checked by the plan's own
/// parser) and says what it holds. Nothing is written when a row is wrong.
pub fn run(args: &PlanArgs, lang: Lang) -> Result<ExitCode> {
    // Refused before the sheet is read: an existing plan is the clerk's work.
    anyhow::ensure!(args.force || !args.out.exists(), files::exists(&args.out));
    if let Some(date) = &args.date {
        anyhow::ensure!(
            shuangsui::dates::Date::parse(date).is_some(),
            t!(lang, "error-bad-day", flag = "--date", date = date.as_str())
        );
    }
    let source = args.from.display().to_string();
    let bytes = files::read(&args.from)?;
    let header = PlanHeader {
        id: args.id.clone(),
        name: args.name.clone(),
        authority: args.authority.clone().unwrap_or_default(),
        contact: args.contact.clone().unwrap_or_default(),
        date: args.date.clone(),
    };
    let read = ReadOptions {
        format: None,
        encoding: args.encoding.map(Into::into),
        sheet: args.sheet.clone(),
    };
    let written = sheet::from_task_sheet(&source, &bytes, &read, &header, lang)?;
    files::write_atomic(&args.out, written.text.as_bytes(), args.force)?;

    let path = args.out.display().to_string();
    let sheet = written
        .sheet
        .as_deref()
        .map_or_else(String::new, |s| t!(lang, "plan-wrote-sheet", sheet = s));
    say!(
        "{}",
        t!(
            lang,
            "plan-wrote",
            source = source.as_str(),
            sheet = sheet,
            path = path.as_str(),
            count = written.tasks.len()
        )
    );
    for task in &written.tasks {
        say!("  {}", task_line(task, lang));
    }
    let separator = t!(lang, "report-list-separator");
    if !written.unread.is_empty() {
        say!(
            "{}",
            t!(
                lang,
                "plan-unread",
                columns = written.unread.join(&separator)
            )
        );
    }
    say!("{}", t!(lang, "plan-next", path = path.as_str()));
    Ok(ExitCode::SUCCESS)
}

/// A task as the summary shows it: its quota, strata, team and departments.
fn task_line(task: &SheetTask, lang: Lang) -> String {
    let separator = t!(lang, "report-list-separator");
    let quota = match &task.quota {
        SheetQuota::Ratio { ratio, .. } => {
            t!(lang, "plan-quota-ratio", ratio = ratio.to_string())
        }
        SheetQuota::Count(n) => t!(lang, "plan-quota-count", count = *n),
    };
    let columns = task.strata.join(&separator);
    let strata = match (task.strata.is_empty(), task.allocation) {
        (true, _) => String::new(),
        (false, None) => t!(lang, "plan-strata", columns = columns),
        (false, Some(a)) => {
            let allocation = match a {
                Allocation::Proportional => t!(lang, "plan-allocation-proportional"),
                Allocation::Equal => t!(lang, "plan-allocation-equal"),
                Allocation::PerStratum => t!(lang, "plan-allocation-per-stratum"),
            };
            t!(
                lang,
                "plan-strata-allocation",
                columns = columns,
                allocation = allocation
            )
        }
    };
    let departments = if task.departments.is_empty() {
        String::new()
    } else {
        t!(
            lang,
            "plan-departments",
            departments = task.departments.join(&separator)
        )
    };
    t!(
        lang,
        "plan-task",
        id = task.id.as_str(),
        name = task.name.as_str(),
        quota = quota,
        strata = strata,
        team = task.team_size.unwrap_or(2),
        departments = departments
    )
}
