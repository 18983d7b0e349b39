//! `shuangsui publish`: verifies a record, then writes its notice (抽查任务公告) and
//! verification kit and checks the kit.

use std::process::ExitCode;

use anyhow::Result;
use shuangsui::Source;

use crate::args::PublishArgs;
use crate::files::{InputFiles, read, read_tsa_cert};
use crate::lang::Lang;
use crate::{publication, report};

/// Writes the notice and the kit into `--out`, refusing a record that does not verify.
pub fn run(args: &PublishArgs, lang: Lang) -> Result<ExitCode> {
    let (record_path, inputs, out) = (&args.record, &args.inputs, &args.out);
    let bytes = read(record_path)?;
    // A notice already published for this draw with another ledger is corrected, not
    // overwritten: the new one (更正) goes elsewhere and cites the old one.
    if let Ok(previous) = read(&out.join("kit").join("record.json"))
        && let Ok(previous) = shuangsui::Record::from_json("kit/record.json", &previous)
        && let Ok(now) = shuangsui::Record::from_json("record.json", &bytes)
        && previous.digest == now.digest
        && previous.ledger_head() != now.ledger_head()
    {
        anyhow::bail!(t!(
            lang,
            "publish-already-published",
            dir = out.display().to_string(),
            notice = out.join("notice.html").display().to_string()
        ));
    }
    let corrected = args
        .corrects
        .as_deref()
        .map(|p| read(p).map(|b| hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&b))))
        .transpose()?;
    let record = shuangsui::Record::from_json(&record_path.display().to_string(), &bytes)?;
    // A notice is signed on or after the day of its draw, where the record proves that day:
    // the day its beacon round came, in Beijing (an unattested draw proves no day).
    let issued = super::day_or_today(args.notice_date.as_deref(), "--notice-date", lang)?;
    if let Some(day) = record.beacon_day().filter(|d| issued < *d) {
        anyhow::bail!(t!(
            lang,
            "publish-notice-before-draw",
            date = issued.to_string(),
            drawn = day.to_string()
        ));
    }
    let stamped = record
        .seed
        .attestation
        .as_ref()
        .is_some_and(|a| !a.timestamp.is_empty());
    anyhow::ensure!(
        !stamped || args.tsa_cert.is_some(),
        t!(lang, "publish-tsa-cert-needed")
    );
    let tsa = args.tsa_cert.as_deref().map(read_tsa_cert).transpose()?;
    let parsed = InputFiles::read(inputs, shuangsui::verify::id_check_of(&bytes))?
        .keep_all()
        .parse()?;
    let name = record_path.display().to_string();
    let outcome = shuangsui::verify::verify_with(
        Source {
            name: &name,
            bytes: &bytes,
        },
        &parsed,
        &shuangsui::verify::Options {
            tsa_cert: tsa.as_deref().filter(|_| stamped),
        },
    )?;
    if !outcome.ok() {
        report::verification(lang, &outcome);
        anyhow::bail!(t!(
            lang,
            "publish-does-not-verify",
            record = record_path.display().to_string()
        ));
    }
    let earlier = inputs
        .earlier
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>>>()?;
    // The time-stamp as verified with the authority's certificate: the notice shows that
    // certificate's fingerprint, never one the token merely carries.
    let anchor = outcome.guarantees.iter().find_map(|g| match g {
        shuangsui::verify::Guarantee::InputsFixed {
            anchor: shuangsui::ceremony::TimeAnchor::Verified(a),
            ..
        } => Some(a),
        _ => None,
    });
    let earlier: Vec<&[u8]> = earlier.iter().map(Vec::as_slice).collect();
    let plan = read(&inputs.plan)?;
    let publication = publication::build(
        &parsed,
        &shuangsui::publish::kit::Given {
            record: &bytes,
            plan: &plan,
            earlier: &earlier,
        },
        &publication::Choices {
            lang,
            display: args.show_officers.into(),
            formats: &args.format,
            // Into the kit, with the verify command that uses it.
            tsa_cert: tsa.as_deref().filter(|_| stamped),
        },
        &shuangsui::publish::notice::Published {
            anchor,
            corrects: corrected.as_deref(),
            verify: None,
            reproduce: None,
            issued: Some(issued),
        },
    )?;
    publication::write(out, &publication, args.force)?;
    let notices = args
        .format
        .iter()
        .map(|f| {
            out.join(format!("notice.{}", f.extension()))
                .display()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(", ");
    say!("{}", t!(lang, "publish-notice-written", files = notices));
    if !publication::check_kit(out, &publication)? {
        anyhow::bail!(t!(
            lang,
            "publish-kit-fails",
            dir = out.join("kit").display().to_string()
        ));
    }
    say!(
        "{}",
        t!(
            lang,
            "publish-kit-written",
            dir = out.join("kit").display().to_string(),
            command = &publication.verify_command
        )
    );
    Ok(ExitCode::SUCCESS)
}
