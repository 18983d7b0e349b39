//! The kit's `exclusions.csv` (SPEC.md §6.1, §7.4): written by `publish`, checked against
//! the record.

use crate::draw::Check;
use crate::draw::record::Record;
use crate::error::{Error, ErrorKind, Result};
use crate::inputs::Directory;

/// The kit's `exclusions.csv` (SPEC.md §7.4): `task,target,reason`, a row per listed
/// exclusion (§6.1), task by task in plan order, each task's sorted by target — the rows each
/// task's `frame.listed` is the digest of. (The draw's own account of every target left out,
/// `record.exclusions.csv`, is [`Draw::exclusions`](crate::draw::Draw::exclusions).)
pub fn exclusions_csv(checked: &Check<'_>, targets: &Directory) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(["task", "target", "reason"])
        .expect("writing to memory");
    for t in &checked.tasks {
        for (target, reason) in t.frame.listed(targets) {
            w.write_record([t.task.id.as_str(), target, reason])
                .expect("writing to memory");
        }
    }
    w.into_inner().expect("writing to memory")
}

/// Checks a kit's `exclusions.csv` against a record (SPEC.md §6.1, §7.4): each task's rows
/// hash to its `frame.listed`, and every row names a task of the record. This is what each
/// task's query checks before it selects; `publish` checks the whole file at once.
pub fn check_exclusions_csv(record: &Record, name: &str, bytes: &[u8]) -> Result<()> {
    // The csv crate's own words.
    let malformed = |e: csv::Error| {
        Error::with_id(ErrorKind::Sql, "sql-exclusions-csv")
            .arg("file", name)
            .arg("detail", e.to_string())
            .caused_by(e)
    };
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header = reader.headers().map_err(malformed)?.clone();
    if header.iter().collect::<Vec<_>>() != ["task", "target", "reason"] {
        return Err(Error::with_id(ErrorKind::Sql, "sql-exclusions-columns")
            .arg("file", name)
            .arg("found", header.iter().collect::<Vec<_>>().join(", ")));
    }
    let mut rows: std::collections::BTreeMap<String, Vec<(String, String)>> =
        std::collections::BTreeMap::new();
    for row in reader.records() {
        let row = row.map_err(malformed)?;
        rows.entry(row[0].to_owned())
            .or_default()
            .push((row[1].to_owned(), row[2].to_owned()));
    }
    if let Some(task) = rows
        .keys()
        .find(|t| !record.tasks.iter().any(|r| &r.id == *t))
    {
        return Err(Error::with_id(ErrorKind::Sql, "sql-exclusions-task")
            .arg("file", name)
            .arg("task", task));
    }
    for t in &record.tasks {
        let listed = rows.get(&t.id).map_or(&[][..], Vec::as_slice);
        let digest = crate::base::canonical::to_hex(&crate::inputs::digest::listed_exclusions(
            listed.iter().map(|(a, b)| (a.as_str(), b.as_str())),
        ));
        if digest != t.frame.listed {
            return Err(Error::with_id(ErrorKind::Sql, "sql-exclusions-digest")
                .arg("file", name)
                .arg("rows", listed.len())
                .arg("task", &t.id)
                .arg("digest", digest)
                .arg("listed", &t.frame.listed));
        }
    }
    Ok(())
}
