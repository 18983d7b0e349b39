//! The library as JSON in, JSON out: one entry point, [`call`], for the C ABI (`ffi/`), the
//! Java and Python bindings (`bindings/`), and any platform that would rather exchange text
//! than link Rust types.
//!
//! A call names an operation and gives a request, a JSON object; it answers with a
//! [`Status`] and a JSON text. Files travel inside the request: a member is either the file's
//! text (a JSON string) or an object `{"name": "名录.xlsx", "base64": "…"}` (or `"text"`
//! instead of `"base64"`), with `"format"` (`csv`, `tsv`, `json`, `jsonl`, `xlsx`),
//! `"encoding"` (`utf-8`, `gbk`, `gb18030`) and `"sheet"` when the name does not say. A
//! member the operation does not know is an error, not ignored: a misspelt option must not
//! change a draw silently.
//!
//! | operation | request | answer |
//! |---|---|---|
//! | `check` | inputs | `{"digests", "rows", "tasks": [{"id", "frame", "excluded", "count", "eligible_officers", "strata"}], "ineligible_officers", "warnings"}` |
//! | `draw` | inputs, and `seed`, or `announcement` with `beacon` (the drand round's JSON), `reveals`, `timestamp` (base64), `tsa_cert`, `replaced` | `{"record": "<the record's text>", "digest", "warnings", "notes", "exclusions": [{"task", "target", "reason"}]}`; an earlier batch drawn from the same inputs that does not reproduce is refused |
//! | `verify` | `record`, inputs, `tsa_cert` | `{"ok", "differences", "changed_inputs", "guarantees", "notes", …}`; status [`Status::Mismatch`] when it does not reproduce |
//! | `digest` | `plan`, and `targets`, `officers` | `{"plan", "targets", "officers", "officer_names"}` (hex) |
//! | `amend` | `record`, inputs, `amendment`: `{"target", "task", "actor", "at", "change": "unreachable" \| "replace_officer", "officer", "reason", "note"}` | `{"record": "<the amended record's text>", "digest", "ledger": {"entries", "head"}}` (the record's digest stays; the ledger's head moves) |
//! | `notice` | `record`, inputs, `format` (`html`, `markdown`, `csv`), `lang` (`zh`, `en`), `officers_shown` (`names`, `certificates`, `hidden`), `issued` (`YYYY-MM-DD`) | `{"text"}`: the draw notice, only for a record that verifies |
//!
//! "Inputs" are `plan`, `targets`, `officers`, and the optional `history`, `conflicts`,
//! `earlier` (an array of earlier batches' records), `id_check` (`"strict"`, `"warn"`),
//! `id_allowlist` (an array of ids) and `raw_digest` (a boolean). A verification reads the
//! ids as the record says they were read.
//!
//! An error answers `{"kind", "location", "message": {"zh", "en"}, "text", "hint", "member",
//! "listed", "total"}` (`member`: the request's member a `request` error is about): `kind` is [`ErrorKind::as_str`](crate::ErrorKind::as_str), stable; `location`
//! is `{"source", "line", "column", "sheet", "text"}` or null.
//!
//! ```
//! let request = serde_json::json!({
//!     "plan": "[plan]\nid = \"P\"\nname = \"计划\"\nauthority = \"某局\"\n\n[[tasks]]\nid = \"T1\"\nname = \"抽查\"\ncount = 1\nteam_size = 2\n",
//!     "targets": "id,name\n91110000802100433B,甲公司\n9144030071526726XG,乙公司\n",
//!     "officers": "id,name\nE1,张三\nE2,李四\n",
//!     "seed": "2027-01-15 公开摇号",
//! });
//! let (status, answer) = shuangsui::api::call("draw", &request.to_string());
//! assert_eq!(status, shuangsui::api::Status::Ok);
//! let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
//! let record = answer["record"].as_str().unwrap();
//! assert!(record.starts_with('{'));
//!
//! let (status, answer) = shuangsui::api::call("draw", r#"{"plan": "x"}"#);
//! assert_eq!(status, shuangsui::api::Status::Error);
//! assert!(answer.contains(r#""kind":"request""#));
//! ```
//!
//! Every call is independent: no state is kept between calls, and calls may run at the same
//! time on several threads.

mod answer;
mod request;

use serde_json::{Value, json};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::TableKind;
use crate::messages::Lang;
use request::{Request, bad};

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done: the answer is the operation's.
    Ok,
    /// A verification that does not reproduce: the answer says what differs.
    Mismatch,
    /// An error: the answer is the error.
    Error,
}

impl Status {
    /// The exit code a tool would give: 0, 1 or 2.
    pub fn code(self) -> i32 {
        match self {
            Status::Ok => 0,
            Status::Mismatch => 1,
            Status::Error => 2,
        }
    }
}

/// This library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The spec version it draws and verifies (SPEC.md): records of another version are refused.
pub const SPEC_VERSION: &str = crate::base::canonical::SPEC_VERSION;

/// The operations [`call`] knows.
pub const OPERATIONS: &[&str] = &["check", "draw", "verify", "digest", "amend", "notice"];

/// Runs an operation on a request (a JSON object) and answers in JSON.
pub fn call(operation: &str, request: &str) -> (Status, String) {
    match run(operation, request) {
        Ok((status, answer)) => (status, answer.to_string()),
        Err(e) => (Status::Error, answer::error(&e).to_string()),
    }
}

/// [`call`] on bytes, as a C caller has them: an operation or request that is not UTF-8 is an
/// error of kind `request`.
pub fn call_bytes(operation: &[u8], request: &[u8]) -> (Status, String) {
    let not_utf8 = |what: &str| {
        let e = Error::with_id(ErrorKind::Request, "api-not-utf8")
            .at(Location::file("request"))
            .arg("what", what);
        (Status::Error, answer::error(&e).to_string())
    };
    match (std::str::from_utf8(operation), std::str::from_utf8(request)) {
        (Ok(op), Ok(req)) => call(op, req),
        (Err(_), _) => not_utf8("operation"),
        (_, Err(_)) => not_utf8("request"),
    }
}

/// The answer for a call that panicked (what a caller that catches the panic returns): an
/// error of kind `internal`, which is a bug of this library.
pub fn internal_error(what: &str) -> String {
    answer::error(&Error::with_id(ErrorKind::Internal, "internal").arg("reason", what)).to_string()
}

fn run(operation: &str, text: &str) -> Result<(Status, Value)> {
    let mut request = Request::parse(text)?;
    let answer = match operation {
        "check" => check(&mut request)?,
        "draw" => draw(&mut request)?,
        "verify" => {
            let v = verified(&mut request)?;
            request.finish()?;
            let status = if v.outcome.ok() {
                Status::Ok
            } else {
                Status::Mismatch
            };
            return Ok((status, answer::verification(&v.outcome)));
        }
        "digest" => digest(&mut request)?,
        "amend" => amend(&mut request)?,
        "notice" => notice(&mut request)?,
        _ => {
            return Err(Error::with_id(ErrorKind::Request, "api-operation")
                .at(Location::file("request"))
                .arg("operation", operation)
                .arg("known", OPERATIONS.join(", ")));
        }
    };
    request.finish()?;
    Ok((Status::Ok, answer))
}

fn hex(h: &crate::inputs::Hash) -> String {
    hex::encode(h)
}

fn check(request: &mut Request) -> Result<Value> {
    let inputs = request::inputs(request, None, None)?;
    let check = crate::check(&inputs)?;
    let d = inputs.digests();
    Ok(json!({
        "digests": {
            "plan": hex(&d.plan),
            "targets": hex(&d.targets),
            "officers": hex(&d.officers),
            "history": d.history.as_ref().map(hex),
            "conflicts": d.conflicts.as_ref().map(hex),
            "earlier": d.earlier.as_ref().map(hex),
        },
        "rows": inputs.targets().len(),
        "tasks": check.tasks.iter().map(|t| json!({
            "id": t.task.id,
            "frame": t.frame_size(),
            "excluded": t.excluded(),
            "count": t.count(),
            "eligible_officers": t.eligible_officers(),
            "strata": t.strata.iter().map(|s| json!({
                "key": s.key, "frame": s.frame, "quota": s.quota, "count": s.count,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "ineligible_officers": check.ineligible_officers().iter().map(|i| json!({
            "id": inputs.officers().id(&inputs.officers().rows[i.row]),
            "reason": i.reason,
            "problem": answer::both(|lang| i.problem.text(lang)),
        })).collect::<Vec<_>>(),
        "warnings": answer::warnings(&check.warnings),
    }))
}

fn draw(request: &mut Request) -> Result<Value> {
    let seed = request.optional_string("seed")?;
    let announcement = request.optional_file("announcement", "announcement.json")?;
    let (inputs, seed) = match (seed, &announcement) {
        (Some(s), None) => (
            request::inputs(request, None, None)?,
            crate::Seed::unattested(&s)?,
        ),
        // A draw from an announcement hashes the raw files exactly when the announcement
        // records their digests (SPEC.md §5.3.6).
        (None, Some(a)) => {
            let parsed = crate::ceremony::Announcement::parse(&a.name, &a.bytes)?;
            let raw = !parsed.inputs.targets.sha256.is_empty();
            let inputs = request::inputs(request, None, Some(raw))?;
            let seed = attested_seed(request, &parsed, &inputs)?;
            (inputs, seed)
        }
        _ => return Err(bad("seed", "api-seed-or-announcement")),
    };
    // An earlier batch drawn from these inputs must reproduce from them (SPEC.md §6.1).
    let earlier = crate::verify::refuse_altered_earlier(&inputs)?;
    let outcome = crate::draw(&inputs, &seed)?;
    let notes: Vec<Value> = earlier
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.note(i + 1))
        .map(|n| json!({ "id": n.id(), "message": answer::both(|lang| n.message(lang)) }))
        .collect();
    Ok(json!({
        "record": outcome.record.to_json(),
        "digest": outcome.record.digest,
        "warnings": answer::warnings(&outcome.warnings),
        "notes": notes,
        "exclusions": outcome.exclusions.iter().map(|(task, target, reason)| json!({
            "task": task, "target": target, "reason": reason,
        })).collect::<Vec<_>>(),
    }))
}

/// The seed of a draw from an announcement: the announced round, dice and reveals checked.
fn attested_seed(
    request: &mut Request,
    announcement: &crate::ceremony::Announcement,
    inputs: &crate::Inputs,
) -> Result<crate::Seed> {
    let beacon = request.file("beacon", "beacon.json")?;
    let round = crate::ceremony::beacon::Round::parse(&beacon.name, &beacon.bytes)?;
    let replaced = request
        .files("replaced", "replaced", "json")?
        .iter()
        .map(|f| crate::ceremony::Announcement::parse(&f.name, &f.bytes))
        .collect::<Result<Vec<_>>>()?;
    let reveals = match request.object("reveals")? {
        None => Vec::new(),
        Some(mut r) => {
            let names: Vec<String> = r.names();
            names
                .into_iter()
                .map(|n| {
                    let secret = r.string(&n)?;
                    Ok((n, secret))
                })
                .collect::<Result<Vec<_>>>()?
        }
    };
    let timestamp = request.optional_file("timestamp", "announcement.tsr")?;
    let tsa_cert = request.optional_file("tsa_cert", "tsa.pem")?;
    let sources = crate::ceremony::Sources {
        replaced,
        round,
        reveals,
        timestamp: timestamp.map(|t| t.bytes),
        tsa_cert: tsa_cert.as_ref().map(|c| c.bytes.as_slice()),
        same_files: true,
    };
    let (seed, _, _) = crate::ceremony::attest(announcement, &inputs.committed(), &sources)?;
    Ok(seed)
}

/// A record with its inputs, read as the record says they were (its id check; the raw
/// files hashed when it holds their digests), and their verification.
struct Verified {
    record: Vec<u8>,
    inputs: crate::Inputs,
    outcome: crate::Verification,
}

fn verified(request: &mut Request) -> Result<Verified> {
    let record = request.file("record", "record.json")?;
    let inputs = record_inputs(request, &record.bytes)?;
    let tsa_cert = request.optional_file("tsa_cert", "tsa.pem")?;
    let outcome = crate::verify::verify_with(
        record.source(),
        &inputs,
        &crate::verify::Options {
            tsa_cert: tsa_cert.as_ref().map(|c| c.bytes.as_slice()),
        },
    )?;
    Ok(Verified {
        record: record.bytes,
        inputs,
        outcome,
    })
}

/// The inputs of a record, read with its id check, the raw files hashed when it holds
/// their digests.
fn record_inputs(request: &mut Request, record: &[u8]) -> Result<crate::Inputs> {
    let head = crate::verify::RecordHead::read(record);
    let id_check = head
        .as_ref()
        .map(|h| h.id_check.clone())
        .unwrap_or_default();
    let raw = head.as_ref().is_some_and(|h| h.raw_digest);
    request::inputs(request, Some(id_check), Some(raw))
}

fn digest(request: &mut Request) -> Result<Value> {
    let plan_file = request.file("plan", "plan.toml")?;
    let plan = crate::Plan::parse(&plan_file.name, &plan_file.bytes)?;
    let mut answer = json!({ "plan": hex(&plan.digest) });
    if let Some(t) = request.optional_file("targets", "targets.csv")? {
        let data: std::sync::Arc<dyn crate::inputs::ByteSource> = std::sync::Arc::new(t.bytes);
        let digest = crate::inputs::directory_digest(
            &t.name,
            &data,
            &crate::draw::table_options(&plan, TableKind::Targets, &t.read),
            0,
            None,
        )?;
        answer["targets"] = json!(hex(&digest));
    }
    if let Some(o) = request.optional_file("officers", "officers.csv")? {
        let table = crate::inputs::Table::parse(
            TableKind::Officers,
            &o.name,
            &o.bytes,
            &crate::draw::table_options(&plan, TableKind::Officers, &o.read),
        )?;
        answer["officers"] = json!(hex(&crate::inputs::digest::table(&table)));
        if let Some(names) = crate::inputs::digest::officer_names(&table) {
            answer["officer_names"] = json!(hex(&names));
        }
    }
    Ok(answer)
}

fn amend(request: &mut Request) -> Result<Value> {
    let record_file = request.file("record", "record.json")?;
    let record = crate::Record::from_json(&record_file.name, &record_file.bytes)?;
    let mut a = request
        .object("amendment")?
        .ok_or_else(|| bad("amendment", "api-member-missing"))?;
    let change = match a.string("change")?.as_str() {
        "unreachable" => crate::verify::ledger::Change::Unreachable,
        "replace_officer" => crate::verify::ledger::Change::ReplaceOfficer {
            officer: a.string("officer")?,
            reason: a.string("reason")?,
            note: a.optional_string("note")?.unwrap_or_default(),
        },
        other => return Err(bad("amendment.change", "api-amendment-change").arg("value", other)),
    };
    let amendment = crate::verify::ledger::Amendment {
        change,
        task: a.optional_string("task")?,
        target: a.string("target")?,
        actor: a.string("actor")?,
        at: a.string("at")?,
    };
    a.finish()?;
    let inputs = record_inputs(request, &record_file.bytes)?;
    let amended = crate::verify::ledger::amend(&record, &inputs, &amendment)?;
    let (entries, head) = amended.ledger_head();
    Ok(json!({
        "record": amended.to_json(),
        "digest": amended.digest,
        "ledger": { "entries": entries, "head": head },
    }))
}

fn notice(request: &mut Request) -> Result<Value> {
    use crate::publish::notice::{OfficerDisplay, Published, draw_notice};
    let lang = match request.optional_string("lang")?.as_deref() {
        None | Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        Some(other) => return Err(bad("lang", "api-member-lang").arg("value", other)),
    };
    let format = request.optional_string("format")?;
    let display = match request.optional_string("officers_shown")? {
        None => OfficerDisplay::Names,
        Some(s) => OfficerDisplay::from_name(&s).ok_or_else(|| {
            bad("officers_shown", "api-member-officers-shown").arg("value", s.as_str())
        })?,
    };
    let issued = match request.optional_string("issued")? {
        None => None,
        Some(d) => Some(
            crate::dates::Date::parse(&d)
                .ok_or_else(|| bad("issued", "api-member-date").arg("value", d.as_str()))?,
        ),
    };
    let v = verified(request)?;
    // A notice states the draw: only a record that reproduces from these inputs gets one.
    if !v.outcome.ok() {
        return Err(
            Error::with_id(ErrorKind::InputsMismatch, "api-notice-not-verified")
                .arg("differences", v.outcome.total_differences as u64),
        );
    }
    let record = crate::Record::from_json("record.json", &v.record)?;
    let anchor = v.outcome.guarantees.iter().find_map(|g| match g {
        crate::verify::Guarantee::InputsFixed {
            anchor: crate::ceremony::TimeAnchor::Verified(a),
            ..
        } => Some(a),
        _ => None,
    });
    let notice = draw_notice(
        lang,
        &record,
        v.inputs.plan(),
        v.inputs.officers(),
        display,
        &Published {
            anchor,
            issued,
            ..Published::default()
        },
    );
    let text = match format.as_deref() {
        None | Some("html") => notice.html(),
        Some("markdown") => notice.markdown(),
        Some("csv") => String::from_utf8_lossy(&notice.csv()).into_owned(),
        Some(other) => return Err(bad("format", "api-member-notice-format").arg("value", other)),
    };
    Ok(json!({ "text": text }))
}
