//! The draw notice (抽查任务公告): plan, seed provenance, digests, strata, teams, how to
//! verify, as Markdown, CSV and HTML. Beside it: `draw_seed.rs` (the seed's provenance),
//! `draw_teams.rs` (the teams after amendments, the ledger), `draw_chart.rs` (the strata chart).

use std::fmt::Write as _;

use super::common::{
    Lang, STRATA_COLUMNS, cell, esc, esc_code, headers, how_to_verify, html_head, stratum_label,
    task_type,
};
use super::draw_chart::strata_svg;
use super::draw_seed::provenance;
use super::draw_teams::{amendment_lines, current_team};
use crate::draw::record::{Record, TaskRecord};
use crate::plan::Plan;

/// The task's legal basis (抽查依据) from the plan, `""` when it has none.
fn basis<'a>(plan: &'a Plan, task: &TaskRecord) -> &'a str {
    plan.tasks
        .iter()
        .find(|t| t.id == task.id)
        .map_or("", |t| t.basis.as_str())
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
    roster: &crate::inputs::Table,
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

/// What a notice states beyond the record: facts its publisher established when publishing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Published<'a> {
    /// The record's time-stamp as verified against the authority's certificate (what `verify`
    /// with that certificate returns), shown with the certificate's fingerprint; `None` when it
    /// was not verified: the notice then says so and names no authority.
    pub anchor: Option<&'a crate::ceremony::timestamp::Anchor>,
    /// The SHA-256 (hex) of the notice this one corrects (更正), after further amendments.
    pub corrects: Option<&'a str>,
    /// The command that re-runs the draw inside the verification kit, as the tool that wrote
    /// the kit spells it (`shuangsui verify record.json --plan plan.toml …`), shown under
    /// "how to verify" above the independent Python check; `None` shows the latter alone.
    pub verify: Option<&'a str>,
}

/// The title's suffix and the correction's statement, for a notice that corrects another.
fn correction(
    lang: Lang,
    record: &Record,
    published: &Published<'_>,
) -> (&'static str, Option<String>) {
    match published.corrects {
        None => ("", None),
        Some(previous) => {
            let (n, head) = record.ledger_head();
            (
                lang.pick("（更正）", " (correction)"),
                Some(format!(
                    "{}`{previous}`{}{n}{}`{head}`{}",
                    lang.pick(
                        "更正说明：本公告更正此前发布的公告（文件 SHA-256 ",
                        "Correction: this notice corrects the notice published before (file SHA-256 "
                    ),
                    lang.pick("）。抽取结果本身未变；此后的修改见“抽取后的修改记录”，现有 ", "). The draw itself is unchanged; the amendments since are listed under \"Amendments after the draw\": now "),
                    lang.pick(" 条，链尾摘要 ", " entries, ledger head "),
                    lang.pick("。", ".")
                )),
            )
        }
    }
}

/// The draw notice (抽查任务公告) as Markdown.
///
/// `published` says what the publisher established: the verified time-stamp, and the notice
/// this one corrects.
pub fn draw_markdown(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    roster: &crate::inputs::Table,
    display: OfficerDisplay,
    published: &Published<'_>,
) -> String {
    let labels = officer_labels(roster, display);
    let (suffix, corrects) = correction(lang, record, published);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {}{}{suffix}\n",
        record.plan.name,
        lang.pick("抽查任务公告", " — public notice of the draw")
    );
    if let Some(c) = &corrects {
        let _ = writeln!(s, "{c}\n");
    }
    let _ = writeln!(
        s,
        "- {}: {}\n- {}: {}\n- {}: {}\n- {}: {}\n",
        lang.pick("抽查计划编号", "Plan"),
        record.plan.id,
        lang.pick("检查机关", "Authority"),
        record.plan.authority,
        lang.pick("抽取日期", "Draw date"),
        record.plan.date,
        lang.pick("检查人员显示方式", "Officers shown as"),
        match display {
            OfficerDisplay::Names => lang.pick("姓名", "names"),
            OfficerDisplay::Certificates => lang.pick("执法证号", "certificate numbers"),
            OfficerDisplay::Hidden => lang.pick("不公开", "not shown"),
        }
    );
    let _ = writeln!(s, "## {}\n", lang.pick("随机种子", "The seed"));
    for line in provenance(lang, record, published.anchor) {
        let _ = writeln!(s, "- {line}");
    }
    let _ = writeln!(s, "\n## {}\n", lang.pick("输入文件摘要", "Input digests"));
    let _ = writeln!(
        s,
        "| {} | {} | SHA-256 |\n|---|---|---|\n| {} | `{}` | `{}` |\n| {} ({} {}) | `{}` | `{}` |\n| {} ({} {}) | `{}` | `{}` |\n| {} | `{}` | |\n",
        lang.pick("文件", "File"),
        lang.pick("规范摘要", "Canonical digest"),
        lang.pick("抽查计划", "plan"),
        record.inputs.plan.digest,
        record.inputs.plan.sha256,
        lang.pick("检查对象名录库", "target directory"),
        record.inputs.targets.rows,
        lang.pick("行", "rows"),
        record.inputs.targets.digest,
        record.inputs.targets.sha256,
        lang.pick("执法检查人员名录库", "officer roster"),
        record.inputs.officers.rows,
        lang.pick("行", "rows"),
        record.inputs.officers.digest,
        record.inputs.officers.sha256,
        lang.pick("抽取记录", "record"),
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
                lang.pick("抽查事项", "Items"),
                task.items.join(lang.pick("；", "; "))
            );
        }
        if !basis(plan, task).is_empty() {
            let _ = writeln!(
                s,
                "- {}: {}",
                lang.pick("抽查依据", "Legal basis"),
                basis(plan, task)
            );
        }
        let _ = writeln!(
            s,
            "- {}: {}",
            lang.pick("检查对象范围（可抽取）", "Eligible targets"),
            task.frame.size
        );
        if !task.frame.excluded.is_empty() {
            let _ = writeln!(
                s,
                "- {}: {}",
                lang.pick("排除", "Excluded"),
                task.frame
                    .excluded
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(lang.pick("，", ", "))
            );
        }
        let _ = writeln!(
            s,
            "- {}: {}\n",
            lang.pick("每组检查人员", "Officers per team"),
            task.team_size
        );
        let _ = writeln!(
            s,
            "| {} |\n|---|---:|---|---:|",
            headers(lang, &STRATA_COLUMNS).join(" | ")
        );
        for st in &task.strata {
            let label = stratum_label(lang, &st.stratum);
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
            lang.pick("序号", "No."),
            lang.pick("市场主体名称", "Entity"),
            lang.pick("统一社会信用代码（注册号）", "Credit code"),
            lang.pick("检查机关", "Authority"),
            lang.pick("检查人员", "Officers")
        );
        for (n, sel) in task.selected.iter().enumerate() {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                n + 1,
                cell(&sel.name),
                sel.target,
                cell(&record.plan.authority),
                cell(&current_team(record, &task.id, &sel.target, &labels, lang))
            );
        }
        s.push('\n');
    }
    if !record.ledger.is_empty() {
        let _ = writeln!(
            s,
            "## {}\n",
            lang.pick("抽取后的修改记录", "Amendments after the draw")
        );
        for line in amendment_lines(record, &labels, lang) {
            let _ = writeln!(s, "- {line}");
        }
        s.push('\n');
    }
    let [heading, before, commands, after] = how_to_verify(lang, published.verify);
    let _ = writeln!(
        s,
        "## {heading}\n\n{before}\n\n```sh\n{commands}\n```\n\n{after}"
    );
    s
}

/// The draw notice as CSV: one row per selected entity (UTF-8 with a BOM; CRLF).
pub fn draw_csv(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    roster: &crate::inputs::Table,
    display: OfficerDisplay,
) -> Vec<u8> {
    let labels = officer_labels(roster, display);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let headers: [&str; 12] = match lang {
        Lang::Zh => [
            "抽查计划编号",
            "抽查计划名称",
            "抽查任务编号",
            "抽查任务名称",
            "抽查类型",
            "抽查事项",
            "抽查依据",
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
            "legal_basis",
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
            w.write_record(
                [
                    record.plan.id.as_str(),
                    record.plan.name.as_str(),
                    task.id.as_str(),
                    task.name.as_str(),
                    task_type(lang, task),
                    &task.items.join(lang.pick("；", "; ")),
                    basis(plan, task),
                    record.plan.authority.as_str(),
                    &(n + 1).to_string(),
                    sel.name.as_str(),
                    sel.target.as_str(),
                    &current_team(record, &task.id, &sel.target, &labels, lang),
                ]
                .map(|c| super::common::people_csv_cell(c).into_owned()),
            )
            .expect("writing to memory");
        }
    }
    w.into_inner().expect("writing to memory")
}

/// The draw notice (抽查任务公告) as one self-contained HTML page: no scripts, fonts, images
/// or links to load; readable on a phone and printable. Counts carry `data-*` attributes so
/// that a test can compare what a browser renders with the record.
///
/// `published`: as for [`draw_markdown`].
pub fn draw_html(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    roster: &crate::inputs::Table,
    display: OfficerDisplay,
    published: &Published<'_>,
) -> String {
    let labels = officer_labels(roster, display);
    let (suffix, corrects) = correction(lang, record, published);
    let title = format!(
        "{}{}{suffix}",
        record.plan.name,
        lang.pick("抽查任务公告", " — public notice of the draw")
    );
    let mut s = html_head(lang, &title);
    if let Some(c) = &corrects {
        let _ = writeln!(s, "<p class=\"warn\" id=\"correction\">{}</p>", esc_code(c));
    }
    let shown = match display {
        OfficerDisplay::Names => lang.pick("姓名", "names"),
        OfficerDisplay::Certificates => lang.pick("执法证号", "certificate numbers"),
        OfficerDisplay::Hidden => lang.pick("不公开", "not shown"),
    };
    let _ = writeln!(
        s,
        "<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
        lang.pick("抽查计划编号", "Plan"),
        esc(&record.plan.id),
        lang.pick("检查机关", "Authority"),
        esc(&record.plan.authority),
        lang.pick("抽取日期", "Draw date"),
        esc(&record.plan.date),
        lang.pick("检查人员显示方式", "Officers shown as"),
        shown
    );
    let _ = writeln!(
        s,
        "<section id=\"seed\"><h2>{}</h2><ul>",
        lang.pick("随机种子", "The seed")
    );
    let unattested = record.seed.attestation.is_none();
    for line in provenance(lang, record, published.anchor) {
        let _ = writeln!(
            s,
            "<li{}>{}</li>",
            if unattested { " class=\"warn\"" } else { "" },
            esc_code(&line)
        );
    }
    let _ = writeln!(s, "</ul></section>");
    let _ = writeln!(
        s,
        "<section id=\"digests\"><h2>{}</h2><div class=\"scroll\"><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        lang.pick("输入文件摘要", "Input digests"),
        lang.pick("文件", "File"),
        lang.pick("行数", "Rows"),
        lang.pick("规范摘要", "Canonical digest")
    );
    for (name, rows, digest) in [
        (
            lang.pick("抽查计划", "plan"),
            String::new(),
            &record.inputs.plan.digest,
        ),
        (
            lang.pick("检查对象名录库", "target directory"),
            record.inputs.targets.rows.to_string(),
            &record.inputs.targets.digest,
        ),
        (
            lang.pick("执法检查人员名录库", "officer roster"),
            record.inputs.officers.rows.to_string(),
            &record.inputs.officers.digest,
        ),
        (
            lang.pick("抽取记录", "record"),
            String::new(),
            &record.digest,
        ),
    ] {
        let _ = writeln!(
            s,
            "<tr><td>{name}</td><td class=\"n\">{rows}</td><td><code>{digest}</code></td></tr>"
        );
    }
    let _ = writeln!(s, "</table></div></section>");
    for task in &record.tasks {
        let drawn: u64 = task.strata.iter().map(|st| st.drawn).sum();
        let _ = writeln!(
            s,
            "<section class=\"task\" id=\"task-{id}\" data-task=\"{id}\" data-frame=\"{}\" data-drawn=\"{drawn}\"><h2>{id} {}（{}）</h2><dl>",
            task.frame.size,
            esc(&task.name),
            task_type(lang, task),
            id = esc(&task.id)
        );
        if !task.items.is_empty() {
            let _ = write!(
                s,
                "<dt>{}</dt><dd>{}</dd>",
                lang.pick("抽查事项", "Items"),
                esc(&task.items.join(lang.pick("；", "; ")))
            );
        }
        if !basis(plan, task).is_empty() {
            let _ = write!(
                s,
                "<dt>{}</dt><dd>{}</dd>",
                lang.pick("抽查依据", "Legal basis"),
                esc(basis(plan, task))
            );
        }
        let _ = write!(
            s,
            "<dt>{}</dt><dd class=\"frame\">{}</dd><dt>{}</dt><dd class=\"drawn\">{drawn}</dd>",
            lang.pick("检查对象范围（可抽取）", "Eligible targets"),
            task.frame.size,
            lang.pick("抽取", "Drawn")
        );
        if !task.frame.excluded.is_empty() {
            let _ = write!(
                s,
                "<dt>{}</dt><dd>{}</dd>",
                lang.pick("排除", "Excluded"),
                esc(&task
                    .frame
                    .excluded
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(lang.pick("，", ", ")))
            );
        }
        let _ = writeln!(
            s,
            "<dt>{}</dt><dd>{}</dd></dl>",
            lang.pick("每组检查人员", "Officers per team"),
            task.team_size
        );
        let _ = writeln!(s, "{}", strata_svg(lang, task));
        let _ = writeln!(
            s,
            "<div class=\"scroll\"><table class=\"strata\"><tr><th>{}</th></tr>",
            headers(lang, &STRATA_COLUMNS).join("</th><th>")
        );
        for st in &task.strata {
            let label = stratum_label(lang, &st.stratum);
            let _ = writeln!(
                s,
                "<tr class=\"stratum\" data-frame=\"{f}\" data-drawn=\"{d}\"><td>{}</td><td class=\"n\">{f}</td><td>{}</td><td class=\"n\">{d}</td></tr>",
                esc(&label),
                esc(&st.quota),
                f = st.frame,
                d = st.drawn
            );
        }
        let _ = writeln!(
            s,
            "</table></div><div class=\"scroll\"><table class=\"selected\"><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            lang.pick("序号", "No."),
            lang.pick("市场主体名称", "Entity"),
            lang.pick("统一社会信用代码（注册号）", "Credit code"),
            lang.pick("检查机关", "Authority"),
            lang.pick("检查人员", "Officers")
        );
        for (n, sel) in task.selected.iter().enumerate() {
            let _ = writeln!(
                s,
                "<tr class=\"entity\" data-target=\"{t}\"><td class=\"n\">{}</td><td>{}</td><td><code>{t}</code></td><td>{}</td><td>{}</td></tr>",
                n + 1,
                esc(&sel.name),
                esc(&record.plan.authority),
                esc(&current_team(record, &task.id, &sel.target, &labels, lang)),
                t = esc(&sel.target)
            );
        }
        let _ = writeln!(s, "</table></div></section>");
    }
    if !record.ledger.is_empty() {
        let _ = writeln!(
            s,
            "<section id=\"amendments\"><h2>{}</h2><ul>",
            lang.pick("抽取后的修改记录", "Amendments after the draw")
        );
        for line in amendment_lines(record, &labels, lang) {
            let _ = writeln!(s, "<li>{}</li>", esc(&line));
        }
        let _ = writeln!(s, "</ul></section>");
    }
    let [heading, before, commands, after] = how_to_verify(lang, published.verify);
    let _ = writeln!(
        s,
        "<section id=\"verify\"><h2>{}</h2><p>{}</p><pre><code>{}</code></pre><p>{}</p></section>",
        esc(&heading),
        esc(&before),
        esc(&commands),
        esc(&after)
    );
    s.push_str("</main></body></html>\n");
    s
}
