//! Public notices (一公开): the result notice (抽查结果公告) as CSV and Markdown.
//!
//! The notice has the national platform's columns: 抽查计划编号, 抽查计划名称, 抽查任务编号,
//! 抽查任务名称, 抽查类型, 抽查事项, 检查机关, then per entity 序号, 市场主体名称,
//! 统一社会信用代码（注册号）, 检查完成日期, 检查结果, 备注. Result values stay in the national
//! vocabulary (Chinese) in every language. Nothing here reads files or prints.

use std::fmt::Write as _;

use crate::record::{Record, TaskRecord};
use crate::results::Results;

/// The language of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 中文 (the default).
    Zh,
    /// English.
    En,
}

impl Lang {
    fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// 定向 or 不定向.
pub fn task_type(lang: Lang, task: &TaskRecord) -> &'static str {
    if task.frame.filter.is_empty() {
        lang.t("不定向", "undirected")
    } else {
        lang.t("定向", "directed")
    }
}

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
        w.write_record(&row).expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

/// Escapes a table cell for Markdown.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

/// The result notice as Markdown: the plan, then one table per task and item.
pub fn results_markdown(lang: Lang, record: &Record, results: &Results) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}{}\n",
        record.plan.name,
        lang.t("抽查结果公告", " — inspection results")
    );
    let _ = writeln!(
        s,
        "- {}: {}\n- {}: {}\n- {}: `{}`\n",
        lang.t("抽查计划编号", "Plan"),
        record.plan.id,
        lang.t("检查机关", "Authority"),
        record.plan.authority,
        lang.t("抽取记录摘要", "Record digest"),
        record.digest
    );
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
                let _ = writeln!(s, "### {}: {}\n", lang.t("抽查事项", "Item"), item);
            }
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |\n|---:|---|---|---|---|---|",
                lang.t("序号", "No."),
                lang.t("市场主体名称", "Entity"),
                lang.t("统一社会信用代码（注册号）", "Credit code"),
                lang.t("检查完成日期", "Completed on"),
                lang.t("检查结果", "Result"),
                lang.t("备注", "Remark")
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
        lang.t(
            "抽取过程可由任何人复核：`shuangsui verify record.json --plan … --targets … --officers …`。",
            "Anyone can re-run the draw: `shuangsui verify record.json --plan … --targets … --officers …`."
        )
    );
    s
}

/// How the inspecting officers appear in the draw notice (recorded in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficerDisplay {
    /// By name, from the roster.
    Names,
    /// By enforcement certificate number (执法证号), from the roster; the id when there is none.
    Certificates,
    /// Not shown.
    Hidden,
}

impl OfficerDisplay {
    /// `names`, `certificates` or `hidden`.
    pub fn from_name(s: &str) -> Option<OfficerDisplay> {
        match s {
            "names" => Some(OfficerDisplay::Names),
            "certificates" => Some(OfficerDisplay::Certificates),
            "hidden" => Some(OfficerDisplay::Hidden),
            _ => None,
        }
    }
}

/// Officer id → how the notice shows the officer.
fn officer_labels(
    roster: &crate::input::Table,
    display: OfficerDisplay,
) -> std::collections::HashMap<String, String> {
    let certificate = roster.column("certificate");
    roster
        .rows
        .iter()
        .map(|row| {
            let id = roster.id(row).to_owned();
            let label = match display {
                OfficerDisplay::Names => roster.name(row).to_owned(),
                OfficerDisplay::Certificates => certificate
                    .map(|c| row.values[c].clone())
                    .filter(|c| !c.is_empty())
                    .unwrap_or_else(|| id.clone()),
                OfficerDisplay::Hidden => String::new(),
            };
            (id, label)
        })
        .collect()
}

fn team(
    record_team: &[String],
    labels: &std::collections::HashMap<String, String>,
    lang: Lang,
) -> String {
    record_team
        .iter()
        .map(|id| labels.get(id).cloned().unwrap_or_else(|| id.clone()))
        .collect::<Vec<_>>()
        .join(lang.t("、", ", "))
}

/// The seed's provenance, one line per fact.
fn provenance(lang: Lang, record: &Record) -> Vec<String> {
    let Some(a) = &record.seed.attestation else {
        return vec![format!(
            "{}: `{}`. {}",
            lang.t("随机种子（未经证明）", "Seed (unattested)"),
            record.seed.value,
            lang.t(
                "该种子由操作人员输入，没有证据表明它不是在看到抽取结果后选定的。",
                "The seed was typed by the operator: nothing proves it was not chosen after seeing the draw."
            )
        )];
    };
    let an = &a.announcement;
    let mut lines = vec![
        format!(
            "{}: `{}`，{} {}",
            lang.t("抽取公告摘要", "Announcement digest"),
            an.digest,
            lang.t("公告时间", "announced at"),
            an.announced_at
        ),
        format!(
            "{}: {}（{} {}）{}",
            lang.t(
                "随机源 drand quicknet 轮次",
                "Randomness: drand quicknet round"
            ),
            a.beacon.round,
            lang.t("发布于", "emitted at"),
            an.beacon.emitted_at,
            if a.beacon.fallback {
                lang.t("，后备轮次", ", fallback round")
            } else {
                ""
            }
        ),
    ];
    if !a.dice.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.t("公开掷骰", "Dice rolled in public"),
            a.dice
        ));
    }
    if !a.reveals.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.t("公开秘密的参与方", "Parties who revealed their secrets"),
            a.reveals
                .iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join(lang.t("、", ", "))
        ));
    }
    lines.push(format!(
        "{}: `{}`",
        lang.t("由此得出的随机种子", "Derived seed"),
        record.seed.value
    ));
    lines
}

/// The draw notice (抽查任务公告) as Markdown.
pub fn draw_markdown(
    lang: Lang,
    record: &Record,
    roster: &crate::input::Table,
    display: OfficerDisplay,
) -> String {
    let labels = officer_labels(roster, display);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}{}\n",
        record.plan.name,
        lang.t("抽查任务公告", " — public notice of the draw")
    );
    let _ = writeln!(
        s,
        "- {}: {}\n- {}: {}\n- {}: {}\n- {}: {}\n",
        lang.t("抽查计划编号", "Plan"),
        record.plan.id,
        lang.t("检查机关", "Authority"),
        record.plan.authority,
        lang.t("抽取日期", "Draw date"),
        record.plan.date,
        lang.t("检查人员显示方式", "Officers shown as"),
        match display {
            OfficerDisplay::Names => lang.t("姓名", "names"),
            OfficerDisplay::Certificates => lang.t("执法证号", "certificate numbers"),
            OfficerDisplay::Hidden => lang.t("不公开", "not shown"),
        }
    );
    let _ = writeln!(s, "## {}\n", lang.t("随机种子", "The seed"));
    for line in provenance(lang, record) {
        let _ = writeln!(s, "- {line}");
    }
    let _ = writeln!(s, "\n## {}\n", lang.t("输入文件摘要", "Input digests"));
    let _ = writeln!(
        s,
        "| {} | {} | SHA-256 |\n|---|---|---|\n| {} | `{}` | `{}` |\n| {} ({} {}) | `{}` | `{}` |\n| {} ({} {}) | `{}` | `{}` |\n| {} | `{}` | |\n",
        lang.t("文件", "File"),
        lang.t("规范摘要", "Canonical digest"),
        lang.t("抽查计划", "plan"),
        record.inputs.plan.digest,
        record.inputs.plan.sha256,
        lang.t("检查对象名录库", "target directory"),
        record.inputs.targets.rows,
        lang.t("行", "rows"),
        record.inputs.targets.digest,
        record.inputs.targets.sha256,
        lang.t("执法检查人员名录库", "officer roster"),
        record.inputs.officers.rows,
        lang.t("行", "rows"),
        record.inputs.officers.digest,
        record.inputs.officers.sha256,
        lang.t("抽取记录", "record"),
        record.digest
    );
    for task in &record.tasks {
        let _ = writeln!(
            s,
            "## {} {}（{}）\n",
            task.id,
            task.name,
            task_type(lang, task)
        );
        if !task.items.is_empty() {
            let _ = writeln!(
                s,
                "- {}: {}",
                lang.t("抽查事项", "Items"),
                task.items.join(lang.t("；", "; "))
            );
        }
        let _ = writeln!(
            s,
            "- {}: {}",
            lang.t("检查对象范围（可抽取）", "Eligible targets"),
            task.frame.size
        );
        if !task.frame.excluded.is_empty() {
            let _ = writeln!(
                s,
                "- {}: {}",
                lang.t("排除", "Excluded"),
                task.frame
                    .excluded
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(lang.t("，", ", "))
            );
        }
        let _ = writeln!(
            s,
            "- {}: {}\n",
            lang.t("每组检查人员", "Officers per team"),
            task.team_size
        );
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |\n|---|---:|---|---:|",
            lang.t("分层", "Stratum"),
            lang.t("范围", "Frame"),
            lang.t("比例或数量", "Quota"),
            lang.t("抽取", "Drawn")
        );
        for st in &task.strata {
            let label = if st.stratum.is_empty() {
                lang.t("全部", "all").to_owned()
            } else {
                st.stratum.join(" / ")
            };
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                cell(&label),
                st.frame,
                cell(&st.quota),
                st.drawn
            );
        }
        let _ = writeln!(
            s,
            "\n| {} | {} | {} | {} | {} |\n|---:|---|---|---|---|",
            lang.t("序号", "No."),
            lang.t("市场主体名称", "Entity"),
            lang.t("统一社会信用代码（注册号）", "Credit code"),
            lang.t("检查机关", "Authority"),
            lang.t("检查人员", "Officers")
        );
        for (n, sel) in task.selected.iter().enumerate() {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                n + 1,
                cell(&sel.name),
                sel.target,
                cell(&record.plan.authority),
                cell(&team(&sel.officers, &labels, lang))
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## {}\n", lang.t("如何核验", "How to verify"));
    let _ = writeln!(
        s,
        "{}\n\n```sh\nshuangsui verify record.json --plan plan.toml --targets targets.csv --officers officers.csv\npython3 reproduce.py record.json plan.toml targets.csv officers.csv\n```\n\n{}",
        lang.t(
            "核验材料包（kit 目录）包含抽查计划、名录库的公开版本和抽取记录。任何人都可以重新运行抽取并逐字节比对：",
            "The verification kit (the kit directory) holds the plan, the public copies of the directory and the roster, and the record. Anyone can re-run the draw and compare it byte for byte:"
        ),
        lang.t(
            "算法规范见 SPEC.md（仅使用 SHA-256）；reproduce.py 是只用 Python 标准库的独立实现。",
            "The algorithm is specified in SPEC.md (SHA-256 only); reproduce.py is an independent implementation using Python's standard library alone."
        )
    );
    s
}

/// The draw notice as CSV: one row per selected entity (UTF-8 with a BOM; CRLF).
pub fn draw_csv(
    lang: Lang,
    record: &Record,
    roster: &crate::input::Table,
    display: OfficerDisplay,
) -> Vec<u8> {
    let labels = officer_labels(roster, display);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let headers: [&str; 11] = match lang {
        Lang::Zh => [
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
            "检查人员",
        ],
        Lang::En => [
            "plan_id",
            "plan_name",
            "task_id",
            "task_name",
            "type",
            "items",
            "authority",
            "no",
            "entity_name",
            "entity_id",
            "officers",
        ],
    };
    w.write_record(headers).expect("writing to memory");
    for task in &record.tasks {
        for (n, sel) in task.selected.iter().enumerate() {
            w.write_record([
                record.plan.id.as_str(),
                record.plan.name.as_str(),
                task.id.as_str(),
                task.name.as_str(),
                task_type(lang, task),
                &task.items.join(lang.t("；", "; ")),
                record.plan.authority.as_str(),
                &(n + 1).to_string(),
                sel.name.as_str(),
                sel.target.as_str(),
                &team(&sel.officers, &labels, lang),
            ])
            .expect("writing to memory");
        }
    }
    w.into_inner().expect("writing to memory")
}
