//! `shuangsui publish`: verifies a record, then writes its notice (抽查任务公告) and
//! verification kit and checks the kit.

use std::path::PathBuf;
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
        anyhow::bail!(
            "{}",
            lang.pick(
                &format!(
                    "'{}' 中已有本次抽取此前发布的公告，此后又有修改：请发布更正公告到新目录，并用 --corrects {} 引用原公告",
                    out.display(),
                    out.join("notice.html").display()
                ),
                &format!(
                    "'{}' holds the notice published for this draw before further amendments: publish a correction (更正) into a new directory, citing it with --corrects {}",
                    out.display(),
                    out.join("notice.html").display()
                )
            )
        );
    }
    let corrected = args
        .corrects
        .as_deref()
        .map(|p| read(p).map(|b| hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&b))))
        .transpose()?;
    let record = shuangsui::Record::from_json(&record_path.display().to_string(), &bytes)?;
    let stamped = record
        .seed
        .attestation
        .as_ref()
        .is_some_and(|a| !a.timestamp.is_empty());
    anyhow::ensure!(
        !stamped || args.tsa_cert.is_some(),
        "{}",
        lang.pick(
            "记录带有可信时间戳：请用 --tsa-cert 提供时间戳机构的证书，发布前核验其签名，并放入核验材料包",
            "the record holds a time-stamp: give the time-stamp authority's certificate with --tsa-cert, so that it is checked now and goes into the kit"
        )
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
        anyhow::bail!(
            "'{}' does not verify against these inputs: nothing was published",
            record_path.display()
        );
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
    let mut publication = publication::build(
        lang,
        &bytes,
        &read(&inputs.plan)?,
        &earlier,
        &parsed,
        args.show_officers.into(),
        &args.format,
        &shuangsui::publish::notice::Published {
            anchor,
            corrects: corrected.as_deref(),
            verify: None,
        },
    )?;
    if let (true, Some(cert)) = (stamped, tsa) {
        publication
            .files
            .push((PathBuf::from("kit").join("tsa.pem"), cert));
    }
    publication::write(out, &publication, args.force)?;
    say!(
        "{} {}",
        lang.pick("抽查任务公告已写入", "notice written to"),
        args.format
            .iter()
            .map(|f| out
                .join(format!("notice.{}", f.extension()))
                .display()
                .to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !publication::check_kit(out, &publication)? {
        anyhow::bail!(
            "the kit in '{}' does not verify: please report this as a bug",
            out.join("kit").display()
        );
    }
    say!(
        "{} {} ({}: cd {} && {})",
        lang.pick(
            "核验材料包已写入并核验通过:",
            "verification kit written and verified:"
        ),
        out.join("kit").display(),
        lang.pick("任何人都可以运行", "anyone can run"),
        out.join("kit").display(),
        publication.verify_command
    );
    Ok(ExitCode::SUCCESS)
}
