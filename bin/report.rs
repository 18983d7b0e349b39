//! What the tool prints: summaries of a draw, a check and a verification, in Chinese (the
//! default) or English, every text a message of the catalog (`report-*` and `guarantee-*` in
//! `bin/messages/output.*.ftl`).

use std::collections::BTreeMap;

use shuangsui::{Check, Inputs, Record, Verification};

use crate::lang::Lang;

fn kind(lang: Lang, filter_empty: bool) -> String {
    if filter_empty {
        t!(lang, "report-undirected")
    } else {
        t!(lang, "report-directed")
    }
}

fn stratum_label(lang: Lang, stratum: &[String]) -> String {
    if stratum.is_empty() {
        t!(lang, "report-all-strata")
    } else {
        stratum.join(" × ")
    }
}

fn exclusions(lang: Lang, excluded: &BTreeMap<String, u64>) -> String {
    if excluded.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = excluded
        .iter()
        .map(|(k, v)| {
            let reason = shuangsui::publish::notice::exclusion_label(lang, k);
            format!("{reason} {v}")
        })
        .collect();
    t!(
        lang,
        "report-excluded",
        list = parts.join(&t!(lang, "report-list-separator"))
    )
}

/// The summary of a new announcement: what to publish, and what happens next.
/// Unix seconds as people in China read a time: Beijing time, said so.
pub fn beijing(lang: Lang, t: i64) -> String {
    t!(
        lang,
        "time-beijing",
        time = shuangsui::dates::format_beijing(t)
    )
}

/// An RFC 3339 time of a record or an announcement (UTC there) in Beijing time; as written
/// when it is not one.
pub fn beijing_text(lang: Lang, rfc3339: &str) -> String {
    shuangsui::dates::parse_rfc3339(rfc3339)
        .map_or_else(|| rfc3339.to_owned(), |t| beijing(lang, t))
}

pub fn announcement(lang: Lang, a: &shuangsui::ceremony::Announcement) {
    say!(
        "{}",
        t!(
            lang,
            "report-announcement",
            plan = &a.plan,
            attempt = a.attempt.to_string(),
            digest = &a.digest
        )
    );
    say!(
        "  {}",
        t!(
            lang,
            "report-announced-at",
            at = beijing_text(lang, &a.announced_at)
        )
    );
    say!(
        "  {}",
        t!(
            lang,
            "report-round",
            round = a.beacon.round.to_string(),
            at = beijing_text(lang, &a.beacon.emitted_at)
        )
    );
    if !a.dice.is_empty() {
        say!("  {}", t!(lang, "report-dice", dice = &a.dice));
    }
    for p in &a.parties {
        if p.contribution.is_empty() {
            say!(
                "  {}",
                t!(lang, "report-party-to-contribute", name = &p.name)
            );
        } else {
            say!(
                "  {}",
                t!(
                    lang,
                    "report-party-contribution",
                    name = &p.name,
                    contribution = &p.contribution
                )
            );
        }
    }
    if a.attempt > 1 {
        say!(
            "  {}",
            t!(
                lang,
                "report-replaces",
                digest = &a.replaces,
                reason = &a.reason
            )
        );
    }
    if shuangsui::ceremony::is_draft(a) {
        say!("{}", t!(lang, "report-draft"));
    } else {
        say!("{}", t!(lang, "report-publish-announcement"));
    }
}

/// The first line of a summary: the plan.
fn plan_line(lang: Lang, id: &str, name: &str, authority: &str) {
    say!(
        "{}",
        t!(
            lang,
            "report-plan",
            id = id,
            name = name,
            authority = authority
        )
    );
}

/// The summary of a finished draw.
/// `names` gives an officer's name by id, shown beside it.
pub fn draw_summary(lang: Lang, r: &Record, names: &std::collections::HashMap<String, String>) {
    plan_line(lang, &r.plan.id, &r.plan.name, &r.plan.authority);
    let source = match &r.seed.attestation {
        None => t!(lang, "report-seed-unattested"),
        Some(a) => t!(
            lang,
            "report-seed-announced",
            round = a.beacon.round.to_string()
        ),
    };
    say!(
        "  {}",
        t!(lang, "report-seed", seed = &r.seed.value, source = source)
    );
    say!(
        "  {}",
        t!(lang, "report-targets-rows", rows = r.inputs.targets.rows)
    );
    let ineligible = &r.inputs.officers.ineligible;
    say!(
        "  {}{}",
        t!(lang, "report-officers-rows", rows = r.inputs.officers.rows),
        if ineligible.is_empty() {
            String::new()
        } else {
            t!(lang, "report-officers-ineligible", count = ineligible.len())
        }
    );
    for t in &r.tasks {
        say!(
            "{}",
            t!(
                lang,
                "report-task-drawn",
                id = &t.id,
                name = &t.name,
                kind = kind(lang, t.frame.filter.is_empty()),
                frame = t.frame.size,
                count = t.selected.len(),
                excluded = exclusions(lang, &t.frame.excluded),
                team = t.team_size,
                eligible = t.officers.eligible,
            )
        );
        for s in &t.strata {
            say!(
                "    {}: {}, {} → {}{}",
                stratum_label(lang, &s.stratum),
                s.frame,
                s.quota,
                s.count,
                if s.drawn < s.count {
                    format!(" {}", t!(lang, "report-stratum-drawn", count = s.drawn))
                } else {
                    String::new()
                }
            );
        }
        if !t.skipped.is_empty() {
            say!(
                "    {}",
                t!(lang, "report-skipped", count = t.skipped.len())
            );
        }
        for d in &t.officers.departments {
            say!(
                "    {}",
                t!(
                    lang,
                    "report-department",
                    department = &d.department,
                    members = d.members
                )
            );
        }
        for (i, sel) in t.selected.iter().take(3).enumerate() {
            let team: Vec<String> = sel
                .officers
                .iter()
                .map(|o| match names.get(o) {
                    Some(name) => t!(lang, "report-officer", name = name, id = o),
                    None => o.clone(),
                })
                .collect();
            say!(
                "    {}. {} {} [{}]",
                i + 1,
                sel.target,
                sel.name,
                team.join(&t!(lang, "report-list-separator"))
            );
        }
        if t.selected.len() > 3 {
            say!(
                "    {}",
                t!(lang, "report-more-selected", count = t.selected.len() - 3)
            );
        }
    }
    say!("{}", totals(lang, r));
}

/// The draw in totals: entities drawn, inspections to carry out, and the selections
/// (an entity drawn by two tasks is one entity, and one inspection when visits merge).
fn totals(lang: Lang, r: &Record) -> String {
    let t = r.totals();
    if t.selections == t.entities && t.entities == t.visits {
        t!(lang, "report-totals-simple", entities = t.entities)
    } else {
        t!(
            lang,
            "report-totals",
            entities = t.entities,
            visits = t.visits,
            selections = t.selections
        )
    }
}

/// The report of `check`: frames, counts and pools, without a draw.
pub fn check_report(lang: Lang, inputs: &Inputs, c: &Check<'_>) {
    let plan = &inputs.plan();
    plan_line(lang, &plan.id, &plan.name, &plan.authority);
    say!(
        "  {}",
        t!(
            lang,
            "report-targets-digest",
            rows = inputs.targets().len(),
            digest = hex::encode(inputs.digests().targets)
        )
    );
    if !inputs.targets().dropped.is_empty() {
        say!(
            "    {}",
            t!(
                lang,
                "report-dropped",
                columns = inputs.targets().dropped.join(", ")
            )
        );
    }
    say!(
        "  {}",
        t!(
            lang,
            "report-officers-digest",
            rows = inputs.officers().rows.len(),
            digest = hex::encode(inputs.digests().officers)
        )
    );
    if !inputs.officers().dropped.is_empty() {
        say!(
            "    {}",
            t!(
                lang,
                "report-dropped",
                columns = inputs.officers().dropped.join(", ")
            )
        );
    }
    if let Some(d) = c.certificates_checked_on() {
        say!(
            "    {}",
            t!(lang, "report-certificates-checked", date = d.to_string())
        );
    } else {
        say!("    {}", t!(lang, "report-certificates-unchecked"));
    }
    for i in c.ineligible_officers() {
        let o = &inputs.officers().rows[i.row];
        say!(
            "    {}",
            t!(
                lang,
                "report-ineligible",
                id = inputs.officers().id(o),
                name = inputs.officers().name(o),
                detail = i.problem.text(lang)
            )
        );
    }
    if !inputs.targets().allowlisted.is_empty() {
        say!(
            "    {}",
            t!(
                lang,
                "report-allowlisted",
                ids = inputs.targets().allowlisted.join(", ")
            )
        );
    }
    if !inputs.targets().unchecked.is_empty() {
        say!(
            "    {}",
            t!(
                lang,
                "report-unchecked-ids",
                count = inputs.targets().unchecked.len()
            )
        );
    }
    for t in &c.tasks {
        let count = t.count();
        say!(
            "{}",
            t!(
                lang,
                "report-task-check",
                id = &t.task.id,
                name = &t.task.name,
                kind = kind(lang, t.task.filter.is_empty()),
                frame = t.frame_size(),
                count = count,
                excluded = exclusions(lang, t.excluded()),
                team = t.task.team_size,
                eligible = t.eligible_officers(),
            )
        );
        for s in &t.strata {
            say!(
                "    {}: {}, {} → {}",
                stratum_label(lang, &s.key),
                s.frame,
                s.quota,
                s.count
            );
        }
    }
    say!("{}", t!(lang, "report-check-passed"));
}

/// The outcome of `verify`. Returns true when the record reproduces.
pub fn verification(lang: Lang, outcome: &Verification) -> bool {
    // The unattested seed's note is a warning, below with the guarantees.
    for note in outcome
        .notes
        .iter()
        .filter(|n| n.id() != "verify-note-unattested")
    {
        say!("{}", t!(lang, "cli-note", message = note.message(lang)));
    }
    if let (true, Some(r)) = (outcome.ok(), &outcome.recomputed) {
        say!("{}", t!(lang, "report-verified", tasks = r.tasks.len()));
        say!("  {}", totals(lang, r));
        let i = &r.inputs;
        say!(
            "  {}",
            t!(lang, "report-digest-plan", digest = &i.plan.digest)
        );
        say!(
            "  {}",
            t!(
                lang,
                "report-digest-targets",
                digest = &i.targets.digest,
                rows = i.targets.rows
            )
        );
        say!(
            "  {}",
            t!(
                lang,
                "report-digest-officers",
                digest = &i.officers.digest,
                rows = i.officers.rows
            )
        );
        say!("  {}", t!(lang, "report-digest-record", digest = &r.digest));
        if let Some((entries, head)) = outcome.ledger_head()
            && entries > 0
        {
            say!(
                "  {}",
                t!(lang, "report-digest-ledger", head = head, count = entries)
            );
            for e in &r.ledger {
                let by = t!(lang, "report-by", actor = &e.actor);
                if e.kind == "unreachable" {
                    say!(
                        "    #{} {} {} {}: {} {by}",
                        e.seq,
                        beijing_text(lang, &e.at),
                        e.task,
                        e.target,
                        e.reason
                    );
                } else {
                    say!(
                        "    #{} {} {} {}: {} → {} {}{}{} {by}",
                        e.seq,
                        beijing_text(lang, &e.at),
                        e.task,
                        e.target,
                        e.officer,
                        e.replacement,
                        e.reason,
                        if e.note.is_empty() { "" } else { ": " },
                        e.note
                    );
                }
            }
            say!("    {}", t!(lang, "report-replacement-rule"));
        }
        for note in outcome
            .notes
            .iter()
            .filter(|n| n.id() == "verify-note-unattested")
        {
            eprintln!("{}", t!(lang, "cli-warning", message = note.message(lang)));
        }
        for g in &outcome.guarantees {
            say!("  {}", t!(lang, "report-guarantee", text = g.message(lang)));
        }
        say!("  {}", t!(lang, "report-not-proved"));
        return true;
    }
    let n = outcome.total_differences;
    say!("{}", t!(lang, "report-mismatch", count = n));
    if outcome.seed_mismatch {
        say!("  {}", t!(lang, "report-seed-mismatch"));
    }
    if let Some(why) = outcome.attestation_failure_message(lang) {
        say!("  {}", t!(lang, "report-attestation-failed", why = why));
    }
    for name in &outcome.changed_inputs {
        say!(
            "  {}",
            t!(lang, "report-changed-input", name = name.to_string())
        );
    }
    for d in &outcome.differences {
        say!("  {}", d.message(lang));
    }
    // The attestation failure is counted but listed above, not among the differences.
    let listed = outcome.differences.len() + usize::from(outcome.attestation_failure.is_some());
    if n > listed {
        say!(
            "  {}",
            t!(lang, "report-more-differences", count = n - listed)
        );
    }
    false
}
