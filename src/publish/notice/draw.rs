//! The draw notice (抽查任务公告), built once as a [`Notice`]: plan, seed provenance, digests,
//! strata, teams, how to verify. Beside it: `draw_seed.rs` (the seed's provenance),
//! `draw_teams.rs` (the teams after amendments, the ledger).

use std::collections::HashMap;

use super::common::{
    closing, column_label, contact, digest_table, fact, filter_text, how_to_verify, signature,
    stratum_label, task_type, titled,
};
use super::draw_lead::{lead, merged};
use super::draw_seed::provenance;
use super::draw_teams::{amendment_lines, current_team};
use super::model::{
    Bar, Block, CellKind, Chart, Column, Data, Fact, Hooks, List, Notice, Paragraph, Row, Section,
    Sheet, Table,
};
use super::text::{Value, rich, text, text_with, written_date, written_time};
use crate::draw::record::{Record, TaskRecord};
use crate::messages::{Arg, Lang};
use crate::plan::{ANNUAL_CAP, EARLIER_BATCH, INSPECTED_RECENTLY, Plan};

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
) -> HashMap<String, String> {
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
    /// The command that runs the kit's independent check, `reproduce.py`, with the files the
    /// record needs (history, conflicts, earlier batches) as the kit names them; `None` shows
    /// `python3 reproduce.py record.json plan.toml targets.csv officers.csv` when the record
    /// needs no other file, and no Python line when it does.
    pub reproduce: Option<&'a str>,
    /// The day the notice is issued, written in its signature (落款); `None` writes the
    /// plan's draw date there, and no date when the plan has none.
    pub issued: Option<crate::dates::Date>,
}

/// The draw notice (抽查任务公告), built once from the record: render it with
/// [`Notice::html`], [`Notice::markdown`] or [`Notice::csv`].
///
/// `published` says what the publisher established: the verified time-stamp, the notice this
/// one corrects, the command that verifies the kit.
pub fn draw_notice(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    roster: &crate::inputs::Table,
    display: OfficerDisplay,
    published: &Published<'_>,
) -> Notice {
    let labels = officer_labels(roster, display);
    let plan_name = [
        ("plan", Arg::from(&record.plan.name)),
        ("authority", Arg::from(&record.plan.authority)),
    ];
    let mut body = Vec::new();
    let title = match published.corrects {
        None => text_with(
            lang,
            titled(&record.plan.authority, "notice-draw-title"),
            &plan_name,
        ),
        Some(previous) => {
            let (entries, head) = record.ledger_head();
            body.push(Block::Paragraph(Paragraph {
                text: rich(
                    lang,
                    "notice-correction",
                    &[
                        ("previous", Value::from(previous)),
                        ("entries", Value::from(entries)),
                        ("head", Value::from(head)),
                    ],
                ),
                hooks: Hooks {
                    class: Some("warn"),
                    id: Some("correction".to_owned()),
                    data: Vec::new(),
                },
            }));
            text_with(
                lang,
                titled(&record.plan.authority, "notice-draw-title-correction"),
                &plan_name,
            )
        }
    };
    body.push(lead(lang, record, plan, published.anchor));
    body.extend(merged(lang, record));
    body.extend(contact(lang, &plan.contact));
    let draw_date = crate::dates::Date::parse(&record.plan.date);
    let mut facts = vec![
        fact(lang, "notice-plan", &record.plan.id),
        fact(lang, "notice-authority", &record.plan.authority),
    ];
    // When the draw was: after its beacon round (the record proves it); without one, the
    // plan's date, which is also the day officers' certificates must be valid.
    match &record.seed.attestation {
        Some(a) => {
            facts.push(fact(
                lang,
                "notice-randomness-time",
                written_time(lang, &a.announcement.beacon.emitted_at),
            ));
            if let Some(d) = draw_date {
                facts.push(fact(lang, "notice-certificate-date", written_date(lang, d)));
            }
        }
        None => {
            if let Some(d) = draw_date {
                facts.push(fact(lang, "notice-draw-date", written_date(lang, d)));
            }
        }
    }
    // How officers are shown, said when they are not shown by name.
    let shown = match display {
        OfficerDisplay::Names => None,
        OfficerDisplay::Certificates => Some("notice-shown-certificates"),
        OfficerDisplay::Hidden => Some("notice-shown-hidden"),
    };
    if let Some(shown) = shown {
        facts.push(fact(lang, "notice-officers-shown", text(lang, shown)));
    }
    // Officers the roster lists but no task could draw, by reason (证件无效, 不在岗).
    let mut reasons: Vec<(&str, u64)> = Vec::new();
    for o in &record.inputs.officers.ineligible {
        match reasons.iter_mut().find(|(r, _)| *r == o.reason) {
            Some((_, n)) => *n += 1,
            None => reasons.push((&o.reason, 1)),
        }
    }
    if !reasons.is_empty() {
        let said: Vec<String> = reasons
            .iter()
            .map(|(reason, n)| {
                text_with(
                    lang,
                    "notice-ineligible-reason",
                    &[("reason", Arg::from(*reason)), ("count", Arg::from(*n))],
                )
            })
            .collect();
        facts.push(fact(
            lang,
            "notice-ineligible",
            said.join(&text(lang, "notice-separator-excluded")),
        ));
    }
    body.push(Block::Facts(facts));
    let mut sheet = Table::new(
        Hooks::default(),
        vec![
            Column::text(text(lang, "notice-field-plan-id")),
            Column::text(text(lang, "notice-field-plan-name")),
            Column::text(text(lang, "notice-field-task-id")),
            Column::text(text(lang, "notice-field-task-name")),
            Column::text(text(lang, "notice-field-type")),
            Column::text(text(lang, "notice-field-items")),
            Column::text(text(lang, "notice-field-basis")),
            Column::text(text(lang, "notice-field-authority")),
            Column::number(text(lang, "notice-field-no")),
            Column::text(text(lang, "notice-field-entity-name")),
            Column::code(text(lang, "notice-field-entity-id")),
            Column::of(CellKind::People, text(lang, "notice-field-officers")),
        ],
    );
    for task in &record.tasks {
        body.push(Block::Section(task_section(
            lang, record, plan, task, &labels, &mut sheet,
        )));
    }
    if !record.ledger.is_empty() {
        body.push(Block::Section(Section {
            heading: text(lang, "notice-amendments-heading"),
            hooks: Hooks::id("amendments"),
            blocks: vec![Block::List(List {
                items: amendment_lines(record, &labels, lang),
                item_hooks: Hooks::default(),
            })],
        }));
    }
    body.push(closing(lang));
    body.push(signature(
        &record.plan.authority,
        published.issued.or(draw_date),
        lang,
    ));
    // The annex (附件): what a checker needs and a reader may skip, after the signature.
    body.push(Block::Section(Section {
        heading: text(lang, "notice-appendix-heading"),
        hooks: Hooks::class("appendix"),
        blocks: vec![
            Block::Section(Section {
                heading: text(lang, "notice-seed-heading"),
                hooks: Hooks::id("seed"),
                blocks: vec![Block::List(List {
                    items: provenance(lang, record, published.anchor),
                    item_hooks: if record.seed.attestation.is_none() {
                        Hooks::class("warn")
                    } else {
                        Hooks::default()
                    },
                })],
            }),
            Block::Section(Section {
                heading: text(lang, "notice-digests-heading"),
                hooks: Hooks::id("digests"),
                blocks: vec![Block::Table(digests(lang, record))],
            }),
            Block::Section(how_to_verify(
                lang,
                published.verify,
                published.reproduce,
                record,
            )),
        ],
    }));
    Notice {
        lang,
        title,
        body,
        sheet: Sheet {
            name: text(lang, "notice-draw-sheet"),
            table: sheet,
        },
    }
}

/// The input digests: the plan, the two tables and the record; the raw files' SHA-256 only
/// when the draw recorded them (SPEC.md §9.1).
fn digests(lang: Lang, record: &Record) -> Table {
    let inputs = &record.inputs;
    digest_table(
        lang,
        Hooks::default(),
        &[
            (
                "notice-file-plan",
                None,
                &inputs.plan.digest,
                &inputs.plan.sha256,
            ),
            (
                "notice-file-targets",
                Some(inputs.targets.rows),
                &inputs.targets.digest,
                &inputs.targets.sha256,
            ),
            (
                "notice-file-officers",
                Some(inputs.officers.rows),
                &inputs.officers.digest,
                &inputs.officers.sha256,
            ),
            ("notice-file-record", None, &record.digest, ""),
        ],
    )
}

/// A task's section: its facts, the strata (a chart and a table) and the selected entities
/// with their teams; each entity's row goes into the sheet too.
fn task_section(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    task: &TaskRecord,
    labels: &HashMap<String, String>,
    sheet: &mut Table,
) -> Section {
    let drawn: u64 = task.strata.iter().map(|st| st.drawn).sum();
    let items = task.items.join(&text(lang, "notice-separator-items"));
    let basis = basis(plan, task);
    let kind = task_type(lang, task);
    let mut facts = Vec::new();
    if !task.items.is_empty() {
        facts.push(fact(lang, "notice-items", &items));
    }
    if !basis.is_empty() {
        facts.push(fact(lang, "notice-basis", basis));
    }
    // What the draw was confined to and stratified on, and which officers it chose from.
    let frame = filter_text(lang, false, &task.frame.filter);
    if !frame.is_empty() {
        facts.push(fact(lang, "notice-frame-filter", frame));
    }
    if !task.allocation.strata.is_empty() {
        let strata: Vec<String> = task
            .allocation
            .strata
            .iter()
            .map(|c| column_label(lang, false, c))
            .collect();
        facts.push(fact(
            lang,
            "notice-strata-by",
            strata.join(&text(lang, "notice-separator-names")),
        ));
    }
    let pool = filter_text(lang, true, &task.officers.filter);
    if !pool.is_empty() {
        facts.push(fact(lang, "notice-officer-filter", pool));
    }
    facts.push(Fact {
        hooks: Hooks::class("frame"),
        ..fact(lang, "notice-eligible", task.frame.size.to_string())
    });
    facts.push(Fact {
        hooks: Hooks::class("drawn"),
        ..fact(lang, "notice-drawn", drawn.to_string())
    });
    if !task.frame.excluded.is_empty() {
        let excluded: Vec<String> = task
            .frame
            .excluded
            .iter()
            .map(|(k, v)| format!("{} {v}", exclusion_label(lang, k)))
            .collect();
        facts.push(fact(
            lang,
            "notice-excluded",
            excluded.join(&text(lang, "notice-separator-excluded")),
        ));
    }
    facts.push(fact(lang, "notice-team-size", task.team_size.to_string()));
    facts.push(fact(
        lang,
        "notice-officers-eligible",
        text_with(
            lang,
            "notice-officers-count",
            &[("count", Arg::from(task.officers.eligible))],
        ),
    ));

    let mut strata = Table::new(
        Hooks::class("strata"),
        vec![
            Column::text(text(lang, "notice-column-stratum")),
            Column::number(text(lang, "notice-column-frame")),
            Column::text(text(lang, "notice-column-quota")),
            Column::number(text(lang, "notice-column-drawn")),
        ],
    );
    let mut bars = Vec::new();
    for st in &task.strata {
        let label = stratum_label(lang, &st.stratum);
        strata.rows.push(Row {
            hooks: Hooks::class("stratum")
                .with(Data::Frame, &st.frame)
                .with(Data::Drawn, &st.drawn),
            cells: vec![
                label.clone(),
                st.frame.to_string(),
                st.quota.clone(),
                st.drawn.to_string(),
            ],
        });
        bars.push(Bar {
            label,
            frame: st.frame,
            drawn: st.drawn,
        });
    }
    let chart = Chart {
        title: text_with(lang, "notice-chart-title", &[("task", Arg::from(&task.id))]),
        legend: text(lang, "notice-chart-legend"),
        bars,
    };

    let mut selected = Table::new(
        Hooks::class("selected"),
        vec![
            Column::number(text(lang, "notice-column-no")),
            Column::text(text(lang, "notice-column-entity")),
            Column::code(text(lang, "notice-column-credit-code")),
            Column::of(CellKind::People, text(lang, "notice-column-officers")),
        ],
    );
    for (n, sel) in task.selected.iter().enumerate() {
        let team = current_team(record, &task.id, &sel.target, labels, lang);
        let n = (n + 1).to_string();
        sheet.rows.push(Row {
            hooks: Hooks::default(),
            cells: vec![
                record.plan.id.clone(),
                record.plan.name.clone(),
                task.id.clone(),
                task.name.clone(),
                kind.clone(),
                items.clone(),
                basis.to_owned(),
                record.plan.authority.clone(),
                n.clone(),
                sel.name.clone(),
                sel.target.clone(),
                team.clone(),
            ],
        });
        selected.rows.push(Row {
            hooks: Hooks::class("entity").with(Data::Target, &sel.target),
            cells: vec![n, sel.name.clone(), sel.target.clone(), team],
        });
    }
    Section {
        heading: text_with(
            lang,
            "notice-task-heading",
            &[
                ("id", Arg::from(&task.id)),
                ("name", Arg::from(&task.name)),
                ("type", Arg::from(kind)),
            ],
        ),
        hooks: Hooks {
            class: Some("task"),
            id: Some(format!("task-{}", task.id)),
            data: Vec::new(),
        }
        .with(Data::Task, &task.id)
        .with(Data::Frame, &task.frame.size)
        .with(Data::Drawn, &drawn),
        blocks: vec![
            Block::Facts(facts),
            Block::Chart(chart),
            Block::Table(strata),
            Block::Table(selected),
        ],
    }
}

/// The draw notice as Markdown: [`draw_notice`] rendered by [`Notice::markdown`].
pub fn draw_markdown(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    roster: &crate::inputs::Table,
    display: OfficerDisplay,
    published: &Published<'_>,
) -> String {
    draw_notice(lang, record, plan, roster, display, published).markdown()
}

/// The draw notice as CSV, one row per selected entity: [`draw_notice`] rendered by
/// [`Notice::csv`].
pub fn draw_csv(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    roster: &crate::inputs::Table,
    display: OfficerDisplay,
) -> Vec<u8> {
    draw_notice(lang, record, plan, roster, display, &Published::default()).csv()
}

/// The draw notice as one self-contained HTML page: [`draw_notice`] rendered by
/// [`Notice::html`].
pub fn draw_html(
    lang: Lang,
    record: &Record,
    plan: &Plan,
    roster: &crate::inputs::Table,
    display: OfficerDisplay,
    published: &Published<'_>,
) -> String {
    draw_notice(lang, record, plan, roster, display, published).html()
}

/// Why targets were excluded, as the notice says it: a status keyword as it is, a rule of
/// the plan (SPEC.md §6.1: `earlier_batch`, `inspected_recently`, `annual_cap`) in words.
pub fn exclusion_label(lang: Lang, reason: &str) -> String {
    match reason {
        EARLIER_BATCH => text(lang, "notice-excluded-earlier-batch"),
        INSPECTED_RECENTLY => text(lang, "notice-excluded-inspected-recently"),
        ANNUAL_CAP => text(lang, "notice-excluded-annual-cap"),
        status => status.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_of_the_plan_is_named_in_words_a_status_as_it_is() {
        assert_eq!(exclusion_label(Lang::Zh, EARLIER_BATCH), "前批次已抽中");
        assert_eq!(exclusion_label(Lang::En, EARLIER_BATCH), "earlier_batch");
        assert_eq!(
            exclusion_label(Lang::Zh, ANNUAL_CAP),
            "已达年度检查次数上限"
        );
        assert_eq!(exclusion_label(Lang::Zh, "注销"), "注销");
    }
}
