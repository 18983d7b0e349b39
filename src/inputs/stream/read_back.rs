//! A directory read without names reads a row's name back from the source when it is
//! needed; and [`Directory::read`], which reads CSV, TSV and JSON Lines in blocks.

use std::borrow::Cow;
use std::sync::Arc;

use super::blocks::{Options, read};
use super::jsonl::read_lines;
use super::records::{one_record, split_record};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::columns::ValueKind;
use crate::inputs::directory::{Deferred, Directory, RowSyntax};
use crate::inputs::kind::TableKind;
use crate::inputs::source::ByteSource;
use crate::inputs::text::Encoding;
use crate::inputs::values::read_value_cow;

/// Reads a row's name back from the source (a directory read without names).
fn read_back(dir: &Directory, d: &Deferred, row: usize) -> Result<String> {
    let start = d.starts[row];
    let end = d
        .starts
        .get(row + 1)
        .copied()
        .unwrap_or_else(|| d.source.size())
        .min(start + (16 << 20));
    let mut bytes = vec![0; (end - start) as usize];
    d.source
        .read_exact_at(start, &mut bytes)
        .map_err(|e| dir.io_error(&e))?;
    let changed = || {
        Error::with_id(ErrorKind::Read, "input-read-changed")
            .at(Location::file(&dir.source))
            .caused_by(std::io::Error::from(std::io::ErrorKind::InvalidData))
    };
    // The text up to the first byte that is not (the read may end inside a character).
    let decoded: Cow<'_, str> = match d.encoding {
        Encoding::Utf8 => match std::str::from_utf8(&bytes) {
            Ok(t) => Cow::Borrowed(t),
            Err(e) => {
                Cow::Borrowed(std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid prefix"))
            }
        },
        Encoding::Gb18030 => {
            let valid = crate::inputs::text::gb18030_error(&bytes).unwrap_or(bytes.len());
            encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(&bytes[..valid])
                .ok_or_else(changed)?
        }
    };
    let text: &str = &decoded;
    let (id, name): (Cow<'_, str>, Cow<'_, str>) = match &d.syntax {
        RowSyntax::Delimited(delimiter) => {
            let mut fields: Vec<Cow<'_, str>> = Vec::new();
            let mut line = 0;
            if split_record(text, 0, *delimiter, &mut fields, &mut line).is_none() {
                // csv_core on the decoded text: its cells are UTF-8.
                let (cells, _) =
                    one_record(text.as_bytes(), *delimiter, true).ok_or_else(changed)?;
                fields = cells
                    .into_iter()
                    .map(|c| String::from_utf8(c).map(Cow::Owned))
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|_| changed())?;
            }
            let id = fields.get(d.id_column).ok_or_else(changed)?.clone();
            let name = fields.get(d.grid_column).ok_or_else(changed)?.clone();
            (id, name)
        }
        RowSyntax::JsonLines { id, name } => {
            let line = super::members::lines(text)
                .next()
                .map_or("", |(_, _, line)| line);
            let (id, name) = super::members::read_back(line, id, name).ok_or_else(changed)?;
            (Cow::Owned(id), Cow::Owned(name))
        }
    };
    // The row must still be the one read: its id is checked before its name is taken.
    let id = read_value_cow(&id, ValueKind::Identifier, "id", &|| {
        Location::file(&dir.source)
    })?;
    if id != dir.id(row) {
        return Err(changed());
    }
    let value = read_value_cow(&name, ValueKind::Text, "name", &|| {
        Location::file(&dir.source)
    })?;
    Ok(value.into_owned())
}

impl Directory {
    /// A row's name, read back from the source when it was not kept.
    pub fn name(&self, row: usize) -> Result<Cow<'_, str>> {
        if let Some(store) = &self.stores[self.name_col] {
            return Ok(Cow::Borrowed(store.get(row)));
        }
        let d = self
            .deferred
            .as_ref()
            .expect("a directory without names keeps where they are");
        let values = read_back(self, d, row)?;
        Ok(Cow::Owned(values))
    }

    /// Reads a target directory from a source of bytes: CSV, TSV and JSON Lines in blocks
    /// on every core (`stream`), the other formats (XLSX, JSON) in memory. Returns it with
    /// its canonical digest and, when [`Options::raw_digest`] asks for it, the SHA-256 of
    /// its bytes.
    pub(crate) fn read(
        name: &str,
        data: &Arc<dyn ByteSource>,
        table: &crate::inputs::options::TableOptions,
        options: &Options<'_>,
    ) -> Result<(
        Directory,
        crate::base::canonical::Hash,
        Option<crate::base::canonical::Hash>,
    )> {
        let format = table
            .read
            .format
            .or_else(|| crate::inputs::grid::Format::from_file_name(name))
            .unwrap_or(crate::inputs::grid::Format::Csv);
        let delimiter = match format {
            crate::inputs::grid::Format::Csv => Some(b','),
            crate::inputs::grid::Format::Tsv => Some(b'\t'),
            _ => None,
        };
        if let Some(delimiter) = delimiter {
            let out = read(name, data, delimiter, table, options)?;
            return Ok((out.directory, out.digest, out.raw));
        }
        if format == crate::inputs::grid::Format::Jsonl {
            let out = read_lines(name, data, table, options)?;
            return Ok((out.directory, out.digest, out.raw));
        }
        let size = usize::try_from(data.size()).unwrap_or(usize::MAX);
        let mut bytes = vec![0; size];
        data.read_exact_at(0, &mut bytes).map_err(|e| {
            Error::with_id(ErrorKind::Read, "input-read-failed")
                .at(Location::file(name))
                .arg("detail", e.to_string())
                .caused_by(e)
        })?;
        let parsed = crate::inputs::table::Table::parse(TableKind::Targets, name, &bytes, table)?;
        crate::inputs::limits::rows(name, parsed.rows.len())?;
        let digest = crate::inputs::digest::table(&parsed);
        Ok((
            Directory::from_table(parsed),
            digest,
            options
                .raw_digest
                .then(|| crate::base::canonical::sha256(&bytes)),
        ))
    }
}

/// The canonical digest of a target directory read from a source of bytes, keeping
/// nothing of its rows: CSV, TSV and JSON Lines in blocks on every core (`threads`, 0 for all), the
/// other formats in memory. `progress` is called as it is read. What a clerk or a
/// warehouse compares with the digest an announcement or a record states.
pub fn directory_digest(
    name: &str,
    data: &Arc<dyn ByteSource>,
    table: &crate::inputs::options::TableOptions,
    threads: usize,
    progress: Option<&(dyn Fn(&super::blocks::Progress) + Sync)>,
) -> Result<crate::base::canonical::Hash> {
    let keep = std::collections::BTreeSet::new();
    let options = Options {
        keep: Some(&keep),
        keep_names: false,
        progress,
        threads,
        ..Options::default()
    };
    let (_, digest, _) = Directory::read(name, data, table, &options)?;
    Ok(digest)
}
