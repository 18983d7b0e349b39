//! The result notice (抽查结果公告), built once as a [`Notice`]. Its sheet has the national
//! platform's columns, 抽查计划编号, 抽查计划名称, 抽查任务编号, 抽查任务名称, 抽查类型, 抽查事项,
//! 检查机关, then per entity 序号, 市场主体名称, 统一社会信用代码（注册号）, 检查完成日期, 检查结果,
//! 备注; its document has a table per task and item. Result values stay in the national
//! vocabulary (Chinese) in every language.

use std::collections::HashMap;

use super::common::{authority_or_self, closing, contact, fact, signature, task_type, titled};
use super::model::{
    Block, CellKind, Column, Data, Hooks, Notice, Paragraph, Rich, Row, Section, Sheet, Table,
};
use super::text::{Value, rich, text, text_with};
use crate::draw::record::Record;
use crate::messages::{Arg, Lang};
use crate::publish::results::Results;

/// Per result (检查结果), in the order results first give it: the entities with that result
/// in at least one item (户), and the results (项: an entity inspected on two items has
/// two); then the totals.
fn summary(lang: Lang, results: &Results) -> Table {
    let mut counts: Vec<(&str, Vec<&str>, u64)> = Vec::new();
    for o in &results.outcomes {
        let i = counts
            .iter()
            .position(|(r, _, _)| *r == o.result)
            .unwrap_or_else(|| {
                counts.push((&o.result, Vec::new(), 0));
                counts.len() - 1
            });
        let (_, entities, n) = &mut counts[i];
        if !entities.contains(&o.entity.as_str()) {
            entities.push(&o.entity);
        }
        *n += 1;
    }
    let mut table = Table::new(
        Hooks::class("summary"),
        vec![
            Column::text(text(lang, "notice-column-result")),
            Column::number(text(lang, "notice-column-entities")),
            Column::number(text(lang, "notice-column-count")),
        ],
    );
    for (result, entities, n) in &counts {
        table.rows.push(Row {
            hooks: Hooks::default(),
            cells: vec![
                (*result).to_owned(),
                entities.len().to_string(),
                n.to_string(),
            ],
        });
    }
    let entities: std::collections::HashSet<&str> =
        results.outcomes.iter().map(|o| o.entity.as_str()).collect();
    table.rows.push(Row {
        hooks: Hooks::class("total").with(Data::Results, &results.outcomes.len()),
        cells: vec![
            text(lang, "notice-total"),
            entities.len().to_string(),
            results.outcomes.len().to_string(),
        ],
    });
    table
}

/// The columns of a result table, per task and item.
fn result_table(lang: Lang) -> Table {
    Table::new(
        Hooks::class("results"),
        vec![
            Column::number(text(lang, "notice-column-no")),
            Column::text(text(lang, "notice-column-entity")),
            Column::code(text(lang, "notice-column-credit-code")),
            Column::of(CellKind::Date, text(lang, "notice-column-completed")),
            Column::text(text(lang, "notice-column-result")),
            Column::text(text(lang, "notice-column-remark")),
        ],
    )
}

/// What a result notice states beyond the record and the results: the day it is issued (in
/// its signature, 落款) and where objections go (the plan's `contact`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Issued<'a> {
    /// The day of issue; `None` signs without a date.
    pub on: Option<crate::dates::Date>,
    /// The plan's `contact`; `""` for none.
    pub contact: &'a str,
}

/// The result notice (抽查结果公告), built once from the record and the checked results:
/// render it with [`Notice::html`], [`Notice::markdown`] or [`Notice::csv`].
pub fn results_notice(
    lang: Lang,
    record: &Record,
    results: &Results,
    issued: &Issued<'_>,
) -> Notice {
    let mut body = vec![Block::Paragraph(Paragraph {
        text: Rich::plain(text_with(
            lang,
            "notice-results-lead",
            &[
                (
                    "authority",
                    Arg::from(authority_or_self(lang, &record.plan.authority)),
                ),
                ("plan", Arg::from(&record.plan.name)),
                ("entities", Arg::from(record.totals().entities)),
                ("results", Arg::from(results.outcomes.len())),
            ],
        )),
        hooks: Hooks::class("lead"),
    })];
    body.extend(contact(lang, issued.contact));
    body.push(Block::Facts(vec![
        fact(lang, "notice-plan", &record.plan.id),
        fact(lang, "notice-authority", &record.plan.authority),
    ]));
    let summary = summary(lang, results);
    let per_result: u64 = summary.rows[..summary.rows.len() - 1]
        .iter()
        .map(|r| r.cells[1].parse::<u64>().unwrap_or(0))
        .sum();
    let entities = summary
        .rows
        .last()
        .map_or(0, |r| r.cells[1].parse::<u64>().unwrap_or(0));
    body.push(Block::Table(summary));
    if per_result > entities {
        // 40 + 7 + 7 entities and a total of 42: one entity has several results.
        body.push(Block::Paragraph(Paragraph {
            text: Rich::plain(text(lang, "notice-summary-note")),
            hooks: Hooks::default(),
        }));
    }
    // The annex: the record this notice reports on, its amendments' count and the ledger's
    // head (so that a ledger cut short is told apart from the published one, SPEC.md §9.4),
    // and how to draw again.
    let mut annex = vec![Block::Facts(vec![fact(
        lang,
        "notice-record-digest",
        Rich::code(&record.digest),
    )])];
    let (entries, head) = record.ledger_head();
    if entries > 0 {
        annex.push(Block::Paragraph(Paragraph {
            text: rich(
                lang,
                "notice-results-ledger",
                &[
                    ("entries", Value::from(entries)),
                    ("head", Value::from(head)),
                ],
            ),
            hooks: Hooks::default(),
        }));
    }
    annex.push(Block::Paragraph(Paragraph {
        text: Rich::plain(text(lang, "notice-results-rerun")),
        hooks: Hooks::default(),
    }));
    let mut sheet = Table::new(
        Hooks::default(),
        vec![
            Column::text(text(lang, "notice-field-plan-id")),
            Column::text(text(lang, "notice-field-plan-name")),
            Column::text(text(lang, "notice-field-task-id")),
            Column::text(text(lang, "notice-field-task-name")),
            Column::text(text(lang, "notice-field-type")),
            Column::text(text(lang, "notice-field-item")),
            Column::text(text(lang, "notice-field-authority")),
            Column::number(text(lang, "notice-field-no")),
            Column::text(text(lang, "notice-field-entity-name")),
            Column::code(text(lang, "notice-field-entity-id")),
            Column::of(CellKind::Date, text(lang, "notice-field-completed-on")),
            Column::text(text(lang, "notice-field-result")),
            Column::text(text(lang, "notice-field-remark")),
        ],
    );
    // A table per task and item, in the order of the record's tasks and items; each result
    // is numbered from 1 within its task and item, in the order of the results.
    let mut tables: HashMap<(&str, &str), Table> = HashMap::new();
    for o in &results.outcomes {
        let task = record
            .tasks
            .iter()
            .find(|t| t.id == o.task)
            .expect("results come from this record");
        let table = tables
            .entry((o.task.as_str(), o.item.as_str()))
            .or_insert_with(|| result_table(lang));
        let n = (table.rows.len() + 1).to_string();
        sheet.rows.push(Row {
            hooks: Hooks::default(),
            cells: vec![
                record.plan.id.clone(),
                record.plan.name.clone(),
                task.id.clone(),
                task.name.clone(),
                task_type(lang, task),
                o.item.clone(),
                record.plan.authority.clone(),
                n.clone(),
                o.name.clone(),
                o.entity.clone(),
                o.date.to_string(),
                o.result.clone(),
                o.remark.clone(),
            ],
        });
        table.rows.push(Row {
            hooks: Hooks::class("result").with(Data::Entity, &o.entity),
            cells: vec![
                n,
                o.name.clone(),
                o.entity.clone(),
                o.date.to_string(),
                o.result.clone(),
                o.remark.clone(),
            ],
        });
    }
    for task in &record.tasks {
        let count = results
            .outcomes
            .iter()
            .filter(|o| o.task == task.id)
            .count();
        if count == 0 {
            continue;
        }
        let items: Vec<&str> = if task.items.is_empty() {
            vec![""]
        } else {
            task.items.iter().map(String::as_str).collect()
        };
        let mut blocks = Vec::new();
        for item in items {
            let table = tables
                .remove(&(task.id.as_str(), item))
                .unwrap_or_else(|| result_table(lang));
            if item.is_empty() {
                blocks.push(Block::Table(table));
            } else {
                blocks.push(Block::Section(Section {
                    heading: text_with(lang, "notice-item-heading", &[("item", Arg::from(item))]),
                    hooks: Hooks::default(),
                    blocks: vec![Block::Table(table)],
                }));
            }
        }
        body.push(Block::Section(Section {
            heading: text_with(
                lang,
                "notice-task-heading",
                &[
                    ("id", Arg::from(&task.id)),
                    ("name", Arg::from(&task.name)),
                    ("type", Arg::from(task_type(lang, task))),
                ],
            ),
            hooks: Hooks::class("task")
                .with(Data::Task, &task.id)
                .with(Data::Results, &count),
            blocks,
        }));
    }
    body.push(closing(lang));
    body.push(signature(&record.plan.authority, issued.on, lang));
    body.push(Block::Section(Section {
        heading: text(lang, "notice-appendix-heading"),
        hooks: Hooks::class("appendix"),
        blocks: annex,
    }));
    Notice {
        lang,
        title: text_with(
            lang,
            titled(&record.plan.authority, "notice-results-title"),
            &[
                ("plan", Arg::from(&record.plan.name)),
                ("authority", Arg::from(&record.plan.authority)),
            ],
        ),
        body,
        sheet: Sheet {
            name: text(lang, "notice-results-sheet"),
            table: sheet,
        },
    }
}

/// The result notice as CSV (UTF-8 with a BOM, so that Excel opens it as UTF-8; CRLF):
/// [`results_notice`] rendered by [`Notice::csv`].
pub fn results_csv(lang: Lang, record: &Record, results: &Results, issued: &Issued<'_>) -> Vec<u8> {
    results_notice(lang, record, results, issued).csv()
}

/// The result notice as Markdown: [`results_notice`] rendered by [`Notice::markdown`].
pub fn results_markdown(
    lang: Lang,
    record: &Record,
    results: &Results,
    issued: &Issued<'_>,
) -> String {
    results_notice(lang, record, results, issued).markdown()
}

/// The result notice as one self-contained HTML page: [`results_notice`] rendered by
/// [`Notice::html`].
pub fn results_html(lang: Lang, record: &Record, results: &Results, issued: &Issued<'_>) -> String {
    results_notice(lang, record, results, issued).html()
}
