//! `shuangsui match`: the draw of a directory held in a warehouse (SPEC.md §7.5). Without
//! `--candidates` it prints the candidates query for this draw; with it, it draws from the
//! census and the candidates, matches officers and writes the record.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use shuangsui::Seed;
use shuangsui::draw::warehouse::{self, Candidates, Census};
use shuangsui::publish::sql::Dialect;

use crate::args::{InputArgs, MatchArgs};
use crate::files::{self, InputFiles, read, read_announcement};
use crate::lang::Lang;

/// Prints the possible listed exclusions or the candidates query, or draws and writes the
/// record.
pub fn run(args: &MatchArgs, lang: Lang) -> Result<ExitCode> {
    let inputs = InputArgs {
        history: args.history.clone(),
        conflicts: args.conflicts.clone(),
        earlier: args.earlier.clone(),
        targets: None,
        ..InputArgs::files(
            args.plan.clone(),
            std::path::PathBuf::new(),
            args.officers.clone(),
        )
    };
    let Some(census_path) = &args.census else {
        // Before the census: the possible listed exclusions, which it joins. They do not
        // depend on the directory, known here by no digest.
        let parsed = InputFiles::read_with(
            &inputs,
            shuangsui::inputs::IdCheck::default(),
            Some(shuangsui::DirectoryElsewhere {
                digest: [0; 32],
                rows: 1,
            }),
        )?
        .parse()?;
        let mut csv = String::from("task,target,reason\n");
        for (task, target, reason) in warehouse::possible_listed(&parsed)? {
            let _ = writeln!(csv, "{},{},{reason}", cell(&task), cell(&target));
        }
        say_raw!("{csv}");
        return Ok(ExitCode::SUCCESS);
    };
    if let Some(out) = &args.out
        && !args.force
        && out.as_os_str() != "-"
        && out.exists()
    {
        anyhow::bail!(files::exists(out));
    }
    let announcement = args
        .sources
        .announcement
        .as_deref()
        .map(read_announcement)
        .transpose()?;
    let digest_hex = match (&announcement, &args.targets_digest) {
        (Some(a), _) => a.inputs.targets.digest.clone(),
        (None, Some(hex)) => hex.clone(),
        (None, None) => anyhow::bail!(t!(lang, "match-targets-digest-needed")),
    };
    let digest = crate::cmd::announce::digest_of_hex(&digest_hex).ok_or_else(|| {
        anyhow::anyhow!(t!(
            lang,
            "announce-bad-targets-digest",
            digest = &digest_hex
        ))
    })?;
    let plan = shuangsui::Plan::parse(&args.plan.display().to_string(), &read(&args.plan)?)?;
    let census = read_census(census_path, &plan)?;
    let inputs = elsewhere(&inputs, digest, &census)?;
    let seed = match (&args.seed, &announcement) {
        (Some(s), _) => Seed::unattested(s)?,
        (None, Some(a)) => crate::cmd::draw::attested_seed(lang, &args.sources, a, &inputs)?,
        (None, None) => anyhow::bail!(t!(lang, "match-seed-needed")),
    };
    let Some(candidates_path) = &args.candidates else {
        // Before the candidates: the query that returns them, for this draw.
        let dialect = Dialect::from(args.dialect);
        let table = match (dialect, &args.table) {
            (Dialect::DuckDb, None) => None,
            (_, table) => Some(table.as_deref().unwrap_or("targets")),
        };
        // The listed exclusions, when the census read them, from the same table.
        let listed = census
            .read_listed()
            .then(|| args.exclusions_table.as_deref().unwrap_or("exclusions"));
        let wanted = warehouse::wanted(&inputs, &seed, &census)?;
        say_raw!(
            "{}",
            shuangsui::publish::sql::candidates_query(
                inputs.plan(),
                &wanted,
                dialect,
                table,
                listed
            )?
        );
        return Ok(ExitCode::SUCCESS);
    };
    let candidates = read_candidates(candidates_path, inputs.plan())?;
    let held = inputs.with_warehouse(census, candidates)?;
    let outcome = shuangsui::draw(&held, &seed)?;
    for w in &outcome.warnings {
        eprintln!("{}", t!(lang, "cli-warning", message = w.message(lang)));
    }
    let json = outcome.record.to_json();
    let out = args
        .out
        .as_ref()
        .expect("clap requires --out with --candidates");
    if out.as_os_str() == "-" {
        say_raw!("{json}");
        return Ok(ExitCode::SUCCESS);
    }
    // The companion lists the skips (the status exclusions are counted in the census, not
    // listed: their rows stay in the warehouse).
    let names = crate::cmd::draw::officer_names(&held);
    crate::cmd::draw::write_record(
        lang,
        out,
        args.force,
        &outcome,
        &json,
        &names,
        |path, count| t!(lang, "match-exclusions-written", path = path, count = count),
    )?;
    say!("{}", t!(lang, "match-verify-hint"));
    Ok(ExitCode::SUCCESS)
}

/// A CSV cell: quoted when it holds a comma, a quote or a line break.
fn cell(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_owned()
    }
}

fn read_census(path: &Path, plan: &shuangsui::Plan) -> Result<Census> {
    Ok(Census::parse(
        &path.display().to_string(),
        &read(path)?,
        plan,
    )?)
}

fn read_candidates(path: &Path, plan: &shuangsui::Plan) -> Result<Candidates> {
    Ok(Candidates::parse(
        &path.display().to_string(),
        &read(path)?,
        plan,
    )?)
}

/// The inputs of a directory held in a warehouse, known by its digest and its census's rows.
fn elsewhere(args: &InputArgs, digest: [u8; 32], census: &Census) -> Result<shuangsui::Inputs> {
    InputFiles::read_with(
        args,
        shuangsui::inputs::IdCheck::default(),
        Some(shuangsui::DirectoryElsewhere {
            digest,
            rows: census.rows(),
        }),
    )?
    .parse()
}

/// The inputs `verify` re-draws a warehouse's record from: the plan, the roster and the
/// auxiliary files `args` name, the directory known by the record's digest `digest`, and the
/// census and candidates the draw read.
pub fn held(
    lang: Lang,
    args: &InputArgs,
    digest: &str,
    census: &Path,
    candidates: &Path,
) -> Result<shuangsui::Inputs> {
    let digest = crate::cmd::announce::digest_of_hex(digest)
        .ok_or_else(|| anyhow::anyhow!(t!(lang, "verify-record-no-targets-digest")))?;
    let plan = shuangsui::Plan::parse(&args.plan.display().to_string(), &read(&args.plan)?)?;
    let census = read_census(census, &plan)?;
    let candidates = read_candidates(candidates, &plan)?;
    Ok(elsewhere(args, digest, &census)?.with_warehouse(census, candidates)?)
}
