//! The draw notice (抽查任务公告).

use std::fmt::Write as _;

use super::{
    Lang, STRATA_COLUMNS, cell, esc, esc_code, headers, how_to_verify, html_head, stratum_label,
    task_type,
};
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

fn team(
    record_team: &[String],
    labels: &std::collections::HashMap<String, String>,
    lang: Lang,
) -> String {
    let shown: Vec<String> = record_team
        .iter()
        .map(|id| labels.get(id).cloned().unwrap_or_else(|| id.clone()))
        .collect();
    if shown.iter().all(String::is_empty) {
        // Officers not shown (`OfficerDisplay::Hidden`): how many, not a row of separators.
        return format!(
            "{}{}",
            record_team.len(),
            lang.t(" 名（不公开）", " officers (not shown)")
        );
    }
    shown.join(lang.t("、", ", "))
}

/// A selected target's team as it stands after the ledger's amendments, with the
/// entries that changed it (`#1`, `#3`) or that record it unreachable.
fn current_team(
    record: &Record,
    task: &str,
    target: &str,
    labels: &std::collections::HashMap<String, String>,
    lang: Lang,
) -> String {
    let now = team(&record.current_team(task, target), labels, lang);
    let entries: Vec<String> = record
        .amendments_of(task, target)
        .map(|e| format!("#{}", e.seq))
        .collect();
    if entries.is_empty() {
        now
    } else {
        format!(
            "{now}{}{}{}",
            lang.t("（见修改记录 ", " (amended: "),
            entries.join(lang.t("、", ", ")),
            lang.t("）", ")")
        )
    }
}

/// The ledger, one line per entry, and its head: what changed after the draw, and the
/// digest a verifier compares (SPEC.md §9.4).
fn amendment_lines(
    record: &Record,
    labels: &std::collections::HashMap<String, String>,
    lang: Lang,
) -> Vec<String> {
    let label = |id: &str| {
        let l = labels.get(id).cloned().unwrap_or_default();
        if l.is_empty() { id.to_owned() } else { l }
    };
    let mut lines: Vec<String> = record
        .ledger
        .iter()
        .map(|e| {
            let what = if e.kind == "unreachable" {
                e.reason.clone()
            } else {
                format!(
                    "{} → {}{}{}{}",
                    label(&e.officer),
                    label(&e.replacement),
                    lang.t("，原因：", ", reason: "),
                    e.reason,
                    if e.note.is_empty() {
                        String::new()
                    } else {
                        format!("（{}）", e.note)
                    }
                )
            };
            format!(
                "#{} {} {} {}: {what}{}{}",
                e.seq,
                e.at,
                e.task,
                e.target,
                lang.t("；操作人 ", "; by "),
                e.actor
            )
        })
        .collect();
    let (n, head) = record.ledger_head();
    lines.push(format!(
        "{}: {n}{}，{} `{head}`",
        lang.t("修改记录条数", "Amendments"),
        lang.t(" 条", ""),
        lang.t("链尾摘要", "ledger head")
    ));
    lines.push(
        lang.t(
            "替换人员不由任何人选择：每个名额的替补顺序在抽取时已确定（规范 §9.4），每队最多替换的人数由计划规定。",
            "Replacements are chosen by no one: each slot's substitute order was fixed at the draw (SPEC.md §9.4), and the plan caps the replacements per team.",
        )
        .to_owned(),
    );
    lines
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
                lang.t("（更正）", " (correction)"),
                Some(format!(
                    "{}`{previous}`{}{n}{}`{head}`{}",
                    lang.t(
                        "更正说明：本公告更正此前发布的公告（文件 SHA-256 ",
                        "Correction: this notice corrects the notice published before (file SHA-256 "
                    ),
                    lang.t("）。抽取结果本身未变；此后的修改见“抽取后的修改记录”，现有 ", "). The draw itself is unchanged; the amendments since are listed under \"Amendments after the draw\": now "),
                    lang.t(" 条，链尾摘要 ", " entries, ledger head "),
                    lang.t("。", ".")
                )),
            )
        }
    }
}

/// The seed's provenance, one line per fact.
fn provenance(
    lang: Lang,
    record: &Record,
    anchor: Option<&crate::ceremony::timestamp::Anchor>,
) -> Vec<String> {
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
    let mut lines = vec![format!(
        "{}: `{}`，{} {}",
        lang.t("抽取公告摘要", "Announcement digest"),
        an.digest,
        lang.t("公告时间", "announced at"),
        an.announced_at
    )];
    let anchored = crate::ceremony::base64_decode(&a.timestamp)
        .and_then(|der| crate::ceremony::timestamp::parse(&der).ok());
    lines.push(match (anchored, anchor) {
        (Some(token), Some(verified)) => format!(
            "{}: {}{}{}{}`{}`{}",
            lang.t(
                "可信时间戳（RFC 3161）证明公告存在于",
                "An RFC 3161 time-stamp shows the announcement existed at"
            ),
            token.time_text,
            lang.t("，时间戳机构 ", "; authority "),
            verified.tsa,
            lang.t("，签名证书 SHA-256 指纹 ", ", signing certificate SHA-256 fingerprint "),
            verified.fingerprint,
            lang.t(
                "（发布前已用材料包中的 tsa.pem 验证签名）。请把指纹与该机构公布的证书比对：时间戳只在该机构可信时才有意义。",
                " (its signature verified before publication with the kit's tsa.pem). Compare the fingerprint with the one the authority publishes: a time-stamp means something only if the authority is trusted."
            )
        ),
        (Some(token), None) => format!(
            "{}: {}{}",
            lang.t(
                "公告带有可信时间戳（RFC 3161），时间为",
                "The announcement carries an RFC 3161 time-stamp dated"
            ),
            token.time_text,
            lang.t(
                "，但其签名未经验证：请用时间戳机构的证书核验（shuangsui verify … --tsa-cert）。",
                ", but its signature was not verified: check it with the authority's certificate (shuangsui verify … --tsa-cert)."
            )
        ),
        (None, _) => lang
            .t(
                "公告没有可信时间戳：公告须在随机数发布前已公开，这一点须查对公告的发布记录。",
                "The announcement has no time-stamp: that it was public before the randomness rests on its publication record.",
            )
            .to_owned(),
    });
    lines.push(format!(
        "{}: {} {}",
        lang.t("抽取尝试", "Attempt"),
        an.attempt,
        if a.replaced.is_empty() {
            lang.t("（首次公告）", "(the first announcement)")
                .to_owned()
        } else {
            let mut out = String::new();
            for old in &a.replaced {
                let why = a
                    .replaced
                    .iter()
                    .chain(std::iter::once(an))
                    .find(|n| n.replaces == old.digest)
                    .map_or("", |n| n.reason.as_str());
                let _ = write!(
                    out,
                    "{} {}{} `{}`{}{} {}{}{}{}",
                    lang.t("；作废的第", "; replaced attempt"),
                    old.attempt,
                    lang.t(" 次公告", ""),
                    old.digest,
                    lang.t("（", " ("),
                    lang.t("轮次", "round"),
                    old.beacon.round,
                    lang.t("，原因：", ", reason: "),
                    why,
                    lang.t("）", ")")
                );
            }
            out
        }
    ));
    lines.push(format!(
        "{}: {}（{} {}）",
        lang.t(
            "随机源 drand quicknet 轮次",
            "Randomness: drand quicknet round"
        ),
        a.beacon.round,
        lang.t("发布于", "emitted at"),
        an.beacon.emitted_at,
    ));
    if !an.dice.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.t(
                "公告时公开掷骰",
                "Dice rolled in public at the announcement"
            ),
            an.dice
        ));
    }
    if !an.parties.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.t(
                "公告中的参与方贡献",
                "Parties' contributions in the announcement"
            ),
            an.parties
                .iter()
                .map(|p| {
                    let revealed = a.reveals.iter().any(|r| r.name == p.name);
                    format!(
                        "{}{}",
                        p.name,
                        if revealed {
                            lang.t("（已公开秘密）", " (secret revealed)")
                        } else {
                            lang.t("（未公开秘密）", " (secret not revealed)")
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join(lang.t("、", ", "))
        ));
    }
    lines.push(format!(
        "{}: `{}`",
        lang.t("由此得出的随机种子", "Derived seed"),
        record.seed.value
    ));
    lines.push(
        lang.t(
            "可由任何人核验的：种子仅由公告摘要与该轮 drand 随机数得出，此后输入的任何内容都不影响种子；drand 轮次的 BLS 签名可用内置公钥离线验证；输入文件与公告冻结的一致。取决于程序的：掷骰是否公正（现场公开）；公告是否在轮次发布前已公开；该计划是否没有其他未公开的公告；未公开秘密的参与方的贡献是否确为其本人所作。",
            "Anyone can check: the seed comes only from the announcement's digest and that drand round's randomness, and nothing entered afterwards changes it; the round's BLS signature verifies offline against the built-in key; the input files are the ones the announcement froze. Resting on procedure: that the dice were rolled fairly (in public); that the announcement was public before the round; that no other announcement was made for this plan; that an unrevealed party's contribution is its own.",
        )
        .to_owned(),
    );
    lines
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
        lang.t("抽查任务公告", " — public notice of the draw")
    );
    if let Some(c) = &corrects {
        let _ = writeln!(s, "{c}\n");
    }
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
    for line in provenance(lang, record, published.anchor) {
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
        if !basis(plan, task).is_empty() {
            let _ = writeln!(
                s,
                "- {}: {}",
                lang.t("抽查依据", "Legal basis"),
                basis(plan, task)
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
                cell(&current_team(record, &task.id, &sel.target, &labels, lang))
            );
        }
        s.push('\n');
    }
    if !record.ledger.is_empty() {
        let _ = writeln!(
            s,
            "## {}\n",
            lang.t("抽取后的修改记录", "Amendments after the draw")
        );
        for line in amendment_lines(record, &labels, lang) {
            let _ = writeln!(s, "- {line}");
        }
        s.push('\n');
    }
    let [heading, before, commands, after] = how_to_verify(lang, record);
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
                    &task.items.join(lang.t("；", "; ")),
                    basis(plan, task),
                    record.plan.authority.as_str(),
                    &(n + 1).to_string(),
                    sel.name.as_str(),
                    sel.target.as_str(),
                    &current_team(record, &task.id, &sel.target, &labels, lang),
                ]
                .map(|c| super::people_csv_cell(c).into_owned()),
            )
            .expect("writing to memory");
        }
    }
    w.into_inner().expect("writing to memory")
}

/// A bar chart of frame against drawn, per stratum, as inline SVG.
#[allow(clippy::cast_precision_loss)] // pixel widths: counts far below 2^52 anyway
fn strata_svg(lang: Lang, task: &TaskRecord) -> String {
    let max = task
        .strata
        .iter()
        .map(|s| s.frame)
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, bar_w, row_h) = (120.0_f64, 360.0_f64, 26.0_f64);
    let height = row_h * task.strata.len() as f64 + 24.0;
    let mut s = format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        esc(&format!(
            "{} {}",
            task.id,
            lang.t("各分层范围与抽取数", "frame and drawn per stratum")
        )),
        w = label_w + bar_w + 110.0
    );
    for (i, st) in task.strata.iter().enumerate() {
        let y = row_h * i as f64;
        let label = stratum_label(lang, &st.stratum);
        let fw = bar_w * st.frame as f64 / max as f64;
        let dw = if st.drawn > 0 {
            (bar_w * st.drawn as f64 / max as f64).max(2.0)
        } else {
            0.0
        };
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{ty}\" font-size=\"12\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{fw:.1}\" height=\"18\" fill=\"#d9e3f0\"/><rect x=\"{label_w}\" y=\"{y}\" width=\"{dw:.1}\" height=\"18\" fill=\"#b22\"/><text x=\"{tx:.1}\" y=\"{ty}\" font-size=\"12\">{} / {}</text>",
            esc(&label),
            st.drawn,
            st.frame,
            ty = y + 13.0,
            tx = label_w + fw + 6.0
        );
    }
    let _ = write!(
        s,
        "<text x=\"{label_w}\" y=\"{ly}\" font-size=\"11\" fill=\"#555\">{}</text></svg>",
        esc(lang.t(
            "红色：抽取数；浅色：范围（可抽取）",
            "red: drawn; light: frame (eligible)"
        )),
        ly = height - 4.0
    );
    s
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
        lang.t("抽查任务公告", " — public notice of the draw")
    );
    let mut s = html_head(lang, &title);
    if let Some(c) = &corrects {
        let _ = writeln!(s, "<p class=\"warn\" id=\"correction\">{}</p>", esc_code(c));
    }
    let shown = match display {
        OfficerDisplay::Names => lang.t("姓名", "names"),
        OfficerDisplay::Certificates => lang.t("执法证号", "certificate numbers"),
        OfficerDisplay::Hidden => lang.t("不公开", "not shown"),
    };
    let _ = writeln!(
        s,
        "<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
        lang.t("抽查计划编号", "Plan"),
        esc(&record.plan.id),
        lang.t("检查机关", "Authority"),
        esc(&record.plan.authority),
        lang.t("抽取日期", "Draw date"),
        esc(&record.plan.date),
        lang.t("检查人员显示方式", "Officers shown as"),
        shown
    );
    let _ = writeln!(
        s,
        "<section id=\"seed\"><h2>{}</h2><ul>",
        lang.t("随机种子", "The seed")
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
        lang.t("输入文件摘要", "Input digests"),
        lang.t("文件", "File"),
        lang.t("行数", "Rows"),
        lang.t("规范摘要", "Canonical digest")
    );
    for (name, rows, digest) in [
        (
            lang.t("抽查计划", "plan"),
            String::new(),
            &record.inputs.plan.digest,
        ),
        (
            lang.t("检查对象名录库", "target directory"),
            record.inputs.targets.rows.to_string(),
            &record.inputs.targets.digest,
        ),
        (
            lang.t("执法检查人员名录库", "officer roster"),
            record.inputs.officers.rows.to_string(),
            &record.inputs.officers.digest,
        ),
        (lang.t("抽取记录", "record"), String::new(), &record.digest),
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
                lang.t("抽查事项", "Items"),
                esc(&task.items.join(lang.t("；", "; ")))
            );
        }
        if !basis(plan, task).is_empty() {
            let _ = write!(
                s,
                "<dt>{}</dt><dd>{}</dd>",
                lang.t("抽查依据", "Legal basis"),
                esc(basis(plan, task))
            );
        }
        let _ = write!(
            s,
            "<dt>{}</dt><dd class=\"frame\">{}</dd><dt>{}</dt><dd class=\"drawn\">{drawn}</dd>",
            lang.t("检查对象范围（可抽取）", "Eligible targets"),
            task.frame.size,
            lang.t("抽取", "Drawn")
        );
        if !task.frame.excluded.is_empty() {
            let _ = write!(
                s,
                "<dt>{}</dt><dd>{}</dd>",
                lang.t("排除", "Excluded"),
                esc(&task
                    .frame
                    .excluded
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(lang.t("，", ", ")))
            );
        }
        let _ = writeln!(
            s,
            "<dt>{}</dt><dd>{}</dd></dl>",
            lang.t("每组检查人员", "Officers per team"),
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
            lang.t("序号", "No."),
            lang.t("市场主体名称", "Entity"),
            lang.t("统一社会信用代码（注册号）", "Credit code"),
            lang.t("检查机关", "Authority"),
            lang.t("检查人员", "Officers")
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
            lang.t("抽取后的修改记录", "Amendments after the draw")
        );
        for line in amendment_lines(record, &labels, lang) {
            let _ = writeln!(s, "<li>{}</li>", esc(&line));
        }
        let _ = writeln!(s, "</ul></section>");
    }
    let [heading, before, commands, after] = how_to_verify(lang, record);
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
