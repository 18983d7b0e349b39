//! The result notice (抽查结果公告): the national platform's columns, 抽查计划编号, 抽查计划名称,
//! 抽查任务编号, 抽查任务名称, 抽查类型, 抽查事项, 检查机关, then per entity 序号, 市场主体名称,
//! 统一社会信用代码（注册号）, 检查完成日期, 检查结果, 备注. Result values stay in the national
//! vocabulary (Chinese) in every language.

use std::fmt::Write as _;

use super::common::{Lang, cell, esc, headers, html_head, task_type};

/// The columns of a result table, per task and item.
const RESULT_COLUMNS: [(&str, &str); 6] = [
    ("序号", "No."),
    ("市场主体名称", "Entity"),
    ("统一社会信用代码（注册号）", "Credit code"),
    ("检查完成日期", "Completed on"),
    ("检查结果", "Result"),
    ("备注", "Remark"),
];
use crate::draw::record::Record;
use crate::publish::results::Results;

const HEADERS_ZH: [&str; 13] = [
    "抽查计划编号",
    "抽查计划名称",
    "抽查任务编号",
    "抽查任务名称",
    "抽查类型",
    "抽查事项",
    "检查机关",
    "序号",
    "市场主体名称",
    "统一社会信用代码（注册号）",
    "检查完成日期",
    "检查结果",
    "备注",
];

const HEADERS_EN: [&str; 13] = [
    "plan_id",
    "plan_name",
    "task_id",
    "task_name",
    "type",
    "item",
    "authority",
    "no",
    "entity_name",
    "entity_id",
    "completed_on",
    "result",
    "remark",
];

/// The rows of the result notice: one per result, numbered from 1 within each task and item.
fn rows(lang: Lang, record: &Record, results: &Results) -> Vec<[String; 13]> {
    let mut out = Vec::with_capacity(results.outcomes.len());
    let mut numbers: std::collections::HashMap<(&str, &str), u64> =
        std::collections::HashMap::new();
    for o in &results.outcomes {
        let n = numbers
            .entry((o.task.as_str(), o.item.as_str()))
            .or_default();
        *n += 1;
        let task = record
            .tasks
            .iter()
            .find(|t| t.id == o.task)
            .expect("results come from this record");
        out.push([
            record.plan.id.clone(),
            record.plan.name.clone(),
            task.id.clone(),
            task.name.clone(),
            task_type(lang, task).to_owned(),
            o.item.clone(),
            record.plan.authority.clone(),
            n.to_string(),
            o.name.clone(),
            o.entity.clone(),
            o.date.to_string(),
            o.result.clone(),
            o.remark.clone(),
        ]);
    }
    out
}

/// The result notice as CSV (UTF-8 with a BOM, so that Excel opens it as UTF-8; CRLF).
pub fn results_csv(lang: Lang, record: &Record, results: &Results) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let headers = match lang {
        Lang::Zh => HEADERS_ZH,
        Lang::En => HEADERS_EN,
    };
    w.write_record(headers).expect("writing to memory");
    for row in rows(lang, record, results) {
        w.write_record(
            row.iter()
                .map(|c| super::common::people_csv_cell(c).as_bytes().to_vec()),
        )
        .expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// The amendments' count and the ledger's head, so that a ledger cut short is told
/// apart from the published one (SPEC.md §9.4); `None` without amendments.
fn ledger_line(lang: Lang, record: &Record) -> Option<String> {
    let (entries, head) = record.ledger_head();
    (entries > 0).then(|| {
        format!(
            "{}{entries}{}{head}",
            lang.pick("抽取后修改 ", "Amendments after the draw: "),
            lang.pick(" 条，修改账本链尾摘要 ", "; ledger head ")
        )
    })
}

/// The result notice as Markdown: the plan, then one table per task and item.
pub fn results_markdown(lang: Lang, record: &Record, results: &Results) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}{}\n",
        record.plan.name,
        lang.pick("抽查结果公告", " — inspection results")
    );
    let _ = writeln!(
        s,
        "- {}: {}\n- {}: {}\n- {}: `{}`\n",
        lang.pick("抽查计划编号", "Plan"),
        record.plan.id,
        lang.pick("检查机关", "Authority"),
        record.plan.authority,
        lang.pick("抽取记录摘要", "Record digest"),
        record.digest
    );
    if let Some(line) = ledger_line(lang, record) {
        let _ = writeln!(s, "{line}\n");
    }
    for task in &record.tasks {
        let of_task: Vec<_> = results
            .outcomes
            .iter()
            .filter(|o| o.task == task.id)
            .collect();
        if of_task.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "## {} {}（{}）\n",
            task.id,
            task.name,
            task_type(lang, task)
        );
        let items: Vec<&str> = if task.items.is_empty() {
            vec![""]
        } else {
            task.items.iter().map(String::as_str).collect()
        };
        for item in items {
            if !item.is_empty() {
                let _ = writeln!(s, "### {}: {}\n", lang.pick("抽查事项", "Item"), item);
            }
            let _ = writeln!(
                s,
                "| {} |\n|---:|---|---|---|---|---|",
                headers(lang, &RESULT_COLUMNS).join(" | ")
            );
            for (n, o) in of_task.iter().filter(|o| o.item == item).enumerate() {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} | {} |",
                    n + 1,
                    cell(&o.name),
                    o.entity,
                    o.date,
                    cell(&o.result),
                    cell(&o.remark)
                );
            }
            s.push('\n');
        }
    }
    let _ = writeln!(
        s,
        "{}",
        lang.pick(
            "抽取过程可由任何人用抽取公告所附的核验材料包复核（算法见 SPEC.md）。",
            "Anyone can re-run the draw with the verification kit published with the draw notice (the algorithm is in SPEC.md)."
        )
    );
    s
}

/// The result notice (抽查结果公告) as one self-contained HTML page, like [`super::draw_html`].
pub fn results_html(lang: Lang, record: &Record, results: &Results) -> String {
    let title = format!(
        "{}{}",
        record.plan.name,
        lang.pick("抽查结果公告", " — inspection results")
    );
    let mut s = html_head(lang, &title);
    let _ = writeln!(
        s,
        "<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd><code>{}</code></dd></dl>",
        lang.pick("抽查计划编号", "Plan"),
        esc(&record.plan.id),
        lang.pick("检查机关", "Authority"),
        esc(&record.plan.authority),
        lang.pick("抽取记录摘要", "Record digest"),
        record.digest
    );
    if let Some(line) = ledger_line(lang, record) {
        let _ = writeln!(s, "<p>{}</p>", esc(&line));
    }
    for task in &record.tasks {
        let of_task: Vec<_> = results
            .outcomes
            .iter()
            .filter(|o| o.task == task.id)
            .collect();
        if of_task.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "<section class=\"task\" data-task=\"{id}\" data-results=\"{}\"><h2>{id} {}（{}）</h2>",
            of_task.len(),
            esc(&task.name),
            task_type(lang, task),
            id = esc(&task.id)
        );
        let items: Vec<&str> = if task.items.is_empty() {
            vec![""]
        } else {
            task.items.iter().map(String::as_str).collect()
        };
        for item in items {
            if !item.is_empty() {
                let _ = writeln!(
                    s,
                    "<h3>{}: {}</h3>",
                    lang.pick("抽查事项", "Item"),
                    esc(item)
                );
            }
            let _ = writeln!(
                s,
                "<div class=\"scroll\"><table><tr><th>{}</th></tr>",
                headers(lang, &RESULT_COLUMNS).join("</th><th>")
            );
            for (n, o) in of_task.iter().filter(|o| o.item == item).enumerate() {
                let _ = writeln!(
                    s,
                    "<tr class=\"result\" data-entity=\"{e}\"><td class=\"n\">{}</td><td>{}</td><td><code>{e}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    n + 1,
                    esc(&o.name),
                    o.date,
                    esc(&o.result),
                    esc(&o.remark),
                    e = esc(&o.entity)
                );
            }
            let _ = writeln!(s, "</table></div>");
        }
        let _ = writeln!(s, "</section>");
    }
    s.push_str("</main></body></html>\n");
    s
}
