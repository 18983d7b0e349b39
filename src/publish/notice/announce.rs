//! The announcement's notice (抽查公告, posted before the draw), built once as a [`Notice`]:
//! what will be drawn (the plan and its tasks), from what (the frozen inputs' digests), with
//! which randomness and when (the beacon round and its emission time, in Beijing time), how
//! anyone will check it, and where objections go. Printed, it is the A4 page a bureau posts.

use super::common::{
    authority_or_self, closing, column_label, contact, digest_table, fact, filter_text, signature,
    task_type_of, titled,
};
use super::model::{
    Block, Column, Hooks, List, Notice, Paragraph, Rich, Row, Section, Sheet, Table,
};
use super::text::{text, text_with, written_date, written_time};
use crate::ceremony::Announcement;
use crate::draw::{Check, Inputs};
use crate::messages::{Arg, Lang};
use crate::plan::{Plan, Quota, Ratio, Spread, Task, Tree};

/// The notice of an announcement (抽查公告), from the announcement and the inputs it freezes
/// (the plan's tasks, the tables' rows). With the inputs' [`Check`], the task table gives each
/// task's frame and the number it will draw (the directory held here; a warehouse's
/// announcement has none). Signed on the day of the announcement, in Beijing.
pub fn announcement_notice(
    lang: Lang,
    announcement: &Announcement,
    inputs: &Inputs,
    check: Option<&Check<'_>>,
) -> Notice {
    let a = announcement;
    let plan: &Plan = inputs.plan();
    let targets = inputs.elsewhere().unwrap_or(inputs.targets().len() as u64);
    let officers = inputs.officers().rows.len() as u64;
    let at = |t: &str| written_time(lang, t);
    let mut body = vec![Block::Paragraph(Paragraph {
        text: Rich::plain(text_with(
            lang,
            "notice-announce-lead",
            &[
                (
                    "authority",
                    Arg::from(authority_or_self(lang, &plan.authority)),
                ),
                ("plan", Arg::from(&plan.name)),
                ("tasks", Arg::from(plan.tasks.len())),
                ("targets", Arg::from(targets)),
                ("officers", Arg::from(officers)),
                ("announced", Arg::from(at(&a.announced_at))),
                ("round", Arg::from(a.beacon.round)),
                ("emitted", Arg::from(at(&a.beacon.emitted_at))),
            ],
        )),
        hooks: Hooks::class("lead"),
    })];
    body.extend(contact(lang, &plan.contact));
    let mut facts = vec![
        fact(lang, "notice-plan", Rich::plain(&plan.id)),
        fact(lang, "notice-authority", Rich::plain(&plan.authority)),
    ];
    if let Some(d) = plan.date {
        facts.push(fact(
            lang,
            "notice-certificate-date",
            Rich::plain(written_date(lang, d)),
        ));
    }
    // Which announcement of this plan it is: a later one replaces another, and says so.
    facts.push(fact(
        lang,
        "notice-announce-attempt",
        Rich::plain(text_with(
            lang,
            "notice-announce-attempt-value",
            &[("attempt", Arg::from(a.attempt))],
        )),
    ));
    body.push(Block::Facts(facts));

    let mut columns = vec![
        Column::text(text(lang, "notice-field-task-id")),
        Column::text(text(lang, "notice-field-task-name")),
        Column::text(text(lang, "notice-field-type")),
        Column::text(text(lang, "notice-field-items")),
        Column::text(text(lang, "notice-field-basis")),
        Column::text(text(lang, "notice-frame-filter")),
        Column::text(text(lang, "notice-strata-by")),
        Column::text(text(lang, "notice-column-quota")),
        Column::number(text(lang, "notice-team-size")),
    ];
    if check.is_some() {
        columns.push(Column::number(text(lang, "notice-eligible")));
        columns.push(Column::number(text(lang, "notice-announce-expected")));
    }
    let mut tasks = Table::new(Hooks::class("tasks"), columns);
    for (i, t) in plan.tasks.iter().enumerate() {
        let mut cells = vec![
            t.id.clone(),
            t.name.clone(),
            task_type_of(lang, !t.filter.clauses.is_empty()),
            t.items.join(&text(lang, "notice-separator-items")),
            t.basis.clone(),
            if t.filter.clauses.is_empty() {
                text(lang, "notice-frame-all")
            } else {
                filter_text(lang, false, &t.filter.clauses)
            },
            t.strata
                .iter()
                .map(|c| column_label(lang, false, c))
                .collect::<Vec<_>>()
                .join(&text(lang, "notice-separator-names")),
            quota(lang, t),
            t.team_size.to_string(),
        ];
        if let Some(c) = check.and_then(|c| c.tasks.get(i)) {
            cells.push(c.frame_size().to_string());
            cells.push(c.strata.iter().map(|s| s.count).sum::<u64>().to_string());
        }
        tasks.rows.push(Row {
            hooks: Hooks::default(),
            cells,
        });
    }
    body.push(Block::Section(Section {
        heading: text(lang, "notice-announce-tasks-heading"),
        hooks: Hooks::id("tasks"),
        blocks: vec![Block::Table(tasks.clone())],
    }));

    let mut schedule = vec![
        Rich::plain(text_with(
            lang,
            "notice-announce-when-announced",
            &[("time", Arg::from(at(&a.announced_at)))],
        )),
        Rich::plain(text_with(
            lang,
            "notice-announce-when-round",
            &[
                ("round", Arg::from(a.beacon.round)),
                ("time", Arg::from(at(&a.beacon.emitted_at))),
            ],
        )),
    ];
    if !a.dice.is_empty() {
        schedule.push(Rich::plain(text_with(
            lang,
            "notice-seed-dice",
            &[("dice", Arg::from(&a.dice))],
        )));
    }
    schedule.push(Rich::plain(text_with(
        lang,
        "notice-announce-when-draw",
        &[("time", Arg::from(at(&a.beacon.emitted_at)))],
    )));
    schedule.push(Rich::plain(text_with(
        lang,
        "notice-announce-beacon-url",
        &[(
            "url",
            Arg::from(crate::ceremony::beacon::round_url(
                &a.beacon.chain_hash,
                a.beacon.round,
            )),
        )],
    )));
    body.push(Block::Section(Section {
        heading: text(lang, "notice-announce-schedule-heading"),
        hooks: Hooks::id("schedule"),
        blocks: vec![Block::List(List {
            items: schedule,
            item_hooks: Hooks::default(),
        })],
    }));

    let digests = digest_table(
        lang,
        Hooks::class("digests"),
        &[
            ("notice-file-plan", None, &a.inputs.plan.digest, ""),
            (
                "notice-file-targets",
                Some(targets),
                &a.inputs.targets.digest,
                "",
            ),
            (
                "notice-file-officers",
                Some(officers),
                &a.inputs.officers.digest,
                "",
            ),
        ],
    );
    body.push(Block::Section(Section {
        heading: text(lang, "notice-announce-frozen-heading"),
        hooks: Hooks::id("digests"),
        blocks: vec![
            Block::Paragraph(Paragraph {
                text: Rich::plain(text(lang, "notice-announce-frozen")),
                hooks: Hooks::default(),
            }),
            Block::Table(digests),
        ],
    }));
    body.push(Block::Section(Section {
        heading: text(lang, "notice-verify-heading"),
        hooks: Hooks::id("verify"),
        blocks: vec![
            Block::Paragraph(Paragraph {
                text: Rich::plain(text(lang, "notice-announce-verify")),
                hooks: Hooks::default(),
            }),
            Block::Facts(vec![fact(
                lang,
                "notice-announce-digest",
                Rich::code(&a.digest),
            )]),
        ],
    }));
    body.push(closing(lang));
    let day = crate::dates::parse_rfc3339(&a.announced_at).and_then(crate::dates::china_date);
    body.push(signature(&plan.authority, day, lang));
    Notice {
        lang,
        title: text_with(
            lang,
            titled(&plan.authority, "notice-announce-title"),
            &[
                ("plan", Arg::from(&plan.name)),
                ("authority", Arg::from(&plan.authority)),
            ],
        ),
        body,
        sheet: Sheet {
            name: text(lang, "notice-announce-sheet"),
            table: tasks,
        },
    }
}

/// How many a task draws, in words: `3%`, `40 户`, `共 120 户，按各层规模分配`, or per stratum
/// (`A 1%；B 3%；其他 3%`).
fn quota(lang: Lang, task: &Task) -> String {
    match &task.quota {
        Quota::Ratio(tree) => tree_text(lang, tree, &|r: &Ratio| r.to_string()),
        Quota::PerStratum(tree) => tree_text(lang, tree, &|n: &u64| {
            text_with(lang, "notice-quota-count", &[("count", Arg::from(*n))])
        }),
        Quota::Total { count, spread } => {
            let id = match spread {
                Spread::Whole => "notice-quota-count",
                Spread::Proportional => "notice-quota-proportional",
                Spread::Equal => "notice-quota-equal",
            };
            text_with(lang, id, &[("count", Arg::from(*count))])
        }
    }
}

/// A tree of values as text: the value, or its entries `key value` joined, nested entries
/// with their keys joined by `/`, the default as "其他".
fn tree_text<T>(lang: Lang, tree: &Tree<T>, leaf: &dyn Fn(&T) -> String) -> String {
    fn walk<T>(
        lang: Lang,
        tree: &Tree<T>,
        path: &str,
        leaf: &dyn Fn(&T) -> String,
        out: &mut Vec<String>,
    ) {
        match tree {
            Tree::Leaf(v) if path.is_empty() => out.push(leaf(v)),
            Tree::Leaf(v) => out.push(format!("{path} {}", leaf(v))),
            Tree::Table { entries, default } => {
                let join = |k: &str| {
                    if path.is_empty() {
                        k.to_owned()
                    } else {
                        format!("{path}/{k}")
                    }
                };
                for (k, sub) in entries {
                    walk(lang, sub, &join(k), leaf, out);
                }
                if let Some(d) = default {
                    walk(lang, d, &join(&text(lang, "notice-quota-other")), leaf, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(lang, tree, "", leaf, &mut out);
    out.join(&text(lang, "notice-separator-items"))
}
