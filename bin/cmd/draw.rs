//! `shuangsui draw`: draws targets and officers and writes the record, with its companion
//! list of exclusions and skips.

use std::collections::HashMap;
use std::process::ExitCode;

use anyhow::Result;
use shuangsui::{Inputs, Seed};

use crate::args::{DrawArgs, Pair, SourceArgs, TableFormat};
use crate::files::{self, InputFiles, read, read_announcement, read_tsa_cert};
use crate::keep;
use crate::lang::Lang;
use crate::report;

/// Draws, then writes the record (to standard output with `--out -`) and its companion.
pub fn run(args: &DrawArgs, lang: Lang) -> Result<ExitCode> {
    let (out, force) = (&args.out, args.force);
    if !force && !args.to_stdout() && out.exists() {
        anyhow::bail!(files::exists(out));
    }
    if force && !args.to_stdout() {
        files::refuse_amended_record(out)?;
    }
    // A draw from an announcement hashes the raw files exactly when the announcement
    // records their digests (SPEC.md §5.3.6).
    let announcement = args
        .sources
        .announcement
        .as_deref()
        .map(read_announcement)
        .transpose()?;
    let raw = announcement
        .as_ref()
        .map_or(args.raw_digest, |a| !a.inputs.targets.sha256.is_empty());
    if args.raw_digest && !raw {
        anyhow::bail!(t!(lang, "draw-raw-not-announced"));
    }
    let parsed = InputFiles::read(&args.inputs, files::id_check(&args.id_check)?)?
        .raw_digest(raw)
        .parse()?;
    // An earlier batch drawn from these inputs must reproduce from them: an edited one would
    // exclude whom its editor liked (SPEC.md §6.1). One drawn from other inputs is named.
    for (i, batch) in shuangsui::verify::refuse_altered_earlier(&parsed)?
        .iter()
        .enumerate()
    {
        if let Some(note) = batch.note(i + 1) {
            eprintln!("{}", t!(lang, "cli-warning", message = note.message(lang)));
        }
    }
    let seed = match (&args.seed, &announcement) {
        (Some(s), _) => Seed::unattested(s)?,
        (None, Some(a)) => attested_seed(lang, &args.sources, a, &parsed)?,
        (None, None) => unreachable!("clap requires --announcement without --seed"),
    };
    let outcome = shuangsui::draw(&parsed, &seed)?;
    let names = officer_names(&parsed);
    // The directory is not needed any more: its memory goes (on another thread, while
    // the record's text is made) before the text takes memory of its own.
    std::thread::spawn(move || drop(parsed));
    for w in &outcome.warnings {
        eprintln!("{}", t!(lang, "cli-warning", message = w.message(lang)));
    }
    let json = outcome.record.to_json();
    keep_draw(args, &json);
    if args.to_stdout() {
        say_raw!("{json}");
    } else {
        write_record(lang, out, force, &outcome, &json, &names, |path, count| {
            t!(lang, "draw-exclusions-written", path = path, count = count)
        })?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the record and its companion list of exclusions (both synced before either is put
/// in place, the record last: when it exists, so does its companion, complete), then the
/// summary; `written` says where the companion went and how many lines it holds.
pub(crate) fn write_record(
    lang: Lang,
    out: &std::path::Path,
    force: bool,
    outcome: &shuangsui::Draw,
    json: &str,
    names: &HashMap<String, String>,
    written: impl Fn(String, usize) -> String,
) -> Result<()> {
    let companion = out.with_extension("exclusions.csv");
    if !force && companion.exists() {
        anyhow::bail!(files::exists(&companion));
    }
    let csv = exclusions_for_people(lang, &outcome.exclusions);
    files::write_atomic_pair(
        [(&companion, csv.as_slice()), (out, json.as_bytes())],
        force,
    )?;
    report::draw_summary(lang, &outcome.record, names);
    say!(
        "{}",
        t!(
            lang,
            "draw-record-written",
            path = out.display().to_string(),
            digest = &outcome.record.digest
        )
    );
    say!(
        "{}",
        written(companion.display().to_string(), outcome.exclusions.len())
    );
    Ok(())
}

/// The seed of a draw from an announcement: the announced round, dice and reveals checked.
pub(crate) fn attested_seed(
    lang: Lang,
    sources: &SourceArgs,
    announcement: &shuangsui::ceremony::Announcement,
    inputs: &Inputs,
) -> Result<Seed> {
    let beacon_path = sources
        .beacon
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!(t!(lang, "draw-beacon-needed")))?;
    let round = shuangsui::ceremony::beacon::Round::parse(
        &beacon_path.display().to_string(),
        &read(beacon_path)?,
    )?;
    let replaced = sources
        .replaced
        .iter()
        .map(|p| read_announcement(p))
        .collect::<Result<Vec<_>>>()?;
    let tsa_cert = sources.tsa_cert.as_deref().map(read_tsa_cert).transpose()?;
    let s = shuangsui::ceremony::Sources {
        replaced,
        round,
        reveals: sources
            .reveals
            .iter()
            .cloned()
            .map(Pair::into_tuple)
            .collect(),
        timestamp: sources.timestamp.as_deref().map(read).transpose()?,
        tsa_cert: tsa_cert.as_deref(),
        same_files: true,
    };
    let (seed, _, _) = shuangsui::ceremony::attest(announcement, &inputs.committed(), &s)?;
    Ok(seed)
}

/// Keeps the draw for an independent checker when `SHUANGSUI_KEEP_DRAWS` is set (bin/keep.rs).
fn keep_draw(args: &DrawArgs, json: &str) {
    use keep::Role;
    let (inputs, id_check, sources) = (&args.inputs, &args.id_check, &args.sources);
    let mut files = vec![
        Role {
            role: "plan",
            path: &inputs.plan,
        },
        Role {
            role: "targets",
            path: inputs.targets(),
        },
        Role {
            role: "officers",
            path: &inputs.officers,
        },
    ];
    let optional = [
        ("history", &inputs.history),
        ("conflicts", &inputs.conflicts),
        ("id_allowlist", &id_check.id_allowlist),
        ("announcement", &sources.announcement),
        ("beacon", &sources.beacon),
        ("timestamp", &sources.timestamp),
        ("tsa_cert", &sources.tsa_cert),
    ];
    for (role, path) in optional {
        if let Some(path) = path {
            files.push(Role { role, path });
        }
    }
    files.extend(inputs.earlier.iter().map(|path| Role {
        role: "earlier",
        path,
    }));
    files.extend(sources.replaced.iter().map(|path| Role {
        role: "replaced",
        path,
    }));
    // The manifest spells the id check as given (`strict`, `warn`), formats and encodings
    // as the library's types print them (`tsv`, `utf8`, `gb18030`).
    let table_format =
        |f: Option<TableFormat>| f.map(|f| lower(shuangsui::inputs::Format::from(f)));
    let mut options = vec![("id_check", lower(id_check.id_check))];
    for (k, v) in [
        ("targets_format", table_format(inputs.targets_format)),
        ("officers_format", table_format(inputs.officers_format)),
        (
            "encoding",
            inputs
                .encoding
                .map(|e| lower(shuangsui::inputs::Encoding::from(e))),
        ),
        ("sheet", inputs.sheet.clone()),
        ("targets_sheet", inputs.targets_sheet.clone()),
        ("officers_sheet", inputs.officers_sheet.clone()),
    ] {
        if let Some(v) = v {
            options.push((k, v));
        }
    }
    for r in &sources.reveals {
        options.push(("reveal", r.to_string()));
    }
    // Asked for on the command line (a draw from an announcement follows the announcement).
    if args.raw_digest {
        options.push(("raw_digest", "true".to_owned()));
    }
    keep::keep_draw(&files, &options, json);
}

/// A value's name in the manifest: its `Debug` form, in lower case.
fn lower(value: impl std::fmt::Debug) -> String {
    format!("{value:?}").to_lowercase()
}

/// The companion file as the clerk opens it in a spreadsheet: a byte order mark (Excel then
/// reads UTF-8), headers and reasons in the language of the run, every cell a text that is no
/// formula; a row per target left out of a task, by status, by a rule of the plan, or
/// skipped while drawing (the library's `Exclusions::to_csv` is the same rows with their codes).
fn exclusions_for_people(lang: Lang, exclusions: &shuangsui::draw::Exclusions) -> Vec<u8> {
    use shuangsui::publish::notice::{exclusion_label, people_csv};
    let header = t!(lang, "draw-exclusions-header");
    people_csv(
        header.split(','),
        exclusions.iter().map(|(task, target, reason)| {
            let why = match reason.strip_prefix("drawn_by:") {
                Some(first) => t!(lang, "draw-exclusions-drawn-by", task = first),
                None => exclusion_label(lang, reason),
            };
            [task.to_owned(), target.to_owned(), why]
        }),
    )
}

/// Each officer's name by id, for the people who read the summary (the record names
/// officers by id only; names are outside every digest, SPEC.md §3.4).
pub(crate) fn officer_names(inputs: &shuangsui::Inputs) -> HashMap<String, String> {
    let officers = inputs.officers();
    officers
        .rows
        .iter()
        .map(|row| (officers.id(row).to_owned(), officers.name(row).to_owned()))
        .filter(|(id, name)| id != name)
        .collect()
}
