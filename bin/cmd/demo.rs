//! `shuangsui demo`: synthetic data with a fixed seed, a draw, the files written, a
//! verification that reads them back from disk, and the notice and kit published.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::{Inputs, Seed, Source};

use crate::args::{DemoArgs, InputArgs, NoticeFormat, VerifyArgs};
use crate::files::write_all;
use crate::lang::Lang;
use crate::{publication, report};

use super::{init, verify};

/// The seed of every demo: the demo's files are the same each time.
const SEED: &str = "shuangsui-demo-2027";

/// The notice formats `publish` writes unless `--format` says otherwise.
const DEFAULT_FORMATS: [NoticeFormat; 3] =
    [NoticeFormat::Html, NoticeFormat::Md, NoticeFormat::Csv];

/// Runs the demo into `--out`; its exit code is the verification's.
pub fn run(args: &DemoArgs, lang: Lang) -> Result<ExitCode> {
    let (out, force) = (&args.out, args.force);
    let files = init::example_files(10_000, 60, 40, lang);
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: files[0].1.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: files[1].1.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: files[2].1.as_bytes(),
        },
    )?;
    let outcome = shuangsui::draw(&inputs, &Seed::unattested(SEED)?)?;
    for w in &outcome.warnings {
        eprintln!("{}", t!(lang, "cli-warning", message = w.message(lang)));
    }
    let mut all = files;
    all.push(("record.json", outcome.record.to_json()));
    write_all(out, &all, force)?;
    say!(
        "{}",
        t!(lang, "demo-written", dir = out.display().to_string())
    );
    report::draw_summary(
        lang,
        &outcome.record,
        &crate::cmd::draw::officer_names(&inputs),
    );
    say!();
    say!("{}", t!(lang, "demo-verifying"));
    let path = |p: &str| out.join(p);
    let code = verify::run(
        &VerifyArgs {
            record: path("record.json"),
            inputs: InputArgs::files(path("plan.toml"), path("targets.csv"), path("officers.csv")),
            tsa_cert: None,
            census: None,
            candidates: None,
        },
        lang,
    )?;
    let published = out.join("publish");
    let record = outcome.record.to_json();
    let publication = publication::build(
        &inputs,
        &shuangsui::publish::kit::Given {
            record: record.as_bytes(),
            plan: all[0].1.as_bytes(),
            earlier: &[],
        },
        &publication::Choices {
            lang,
            display: shuangsui::publish::notice::OfficerDisplay::Names,
            formats: &DEFAULT_FORMATS,
            tsa_cert: None,
        },
        &shuangsui::publish::notice::Published::default(),
    )?;
    publication::write(&published, &publication, force)?;
    if !publication::check_kit(&published, &publication)? {
        anyhow::bail!(t!(lang, "demo-kit-fails"));
    }
    say!();
    let notices = ["notice.html", "notice.md", "notice.csv"]
        .map(|n| published.join(n).display().to_string())
        .join(", ");
    say!("{}", t!(lang, "demo-notice", files = notices));
    say!(
        "{}",
        t!(
            lang,
            "demo-kit",
            dir = published.join("kit").display().to_string()
        )
    );
    say!();
    say!(
        "{}\n  shuangsui verify {} --plan {} --targets {} --officers {}",
        t!(lang, "demo-anyone"),
        path("record.json").display(),
        path("plan.toml").display(),
        path("targets.csv").display(),
        path("officers.csv").display()
    );
    Ok(code)
}
