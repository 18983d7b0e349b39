//! Reading a request: a JSON object whose members are checked by name and type, every
//! problem an error of kind [`ErrorKind::Request`] naming the member.

use serde_json::{Map, Value};

use crate::draw::{InputOptions, Inputs, Source};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::{Encoding, Format, IdCheck, IdCheckMode, ReadOptions};

/// A request's members, taken one by one; what is left at the end is unknown.
pub(crate) struct Request {
    members: Map<String, Value>,
}

/// One file of a request: a name (for messages, and its extension picks the format) and
/// its bytes, with how to read it.
pub(crate) struct File {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) read: ReadOptions,
}

/// An error of the request, at a member.
pub(crate) fn bad(member: &str, id: &'static str) -> Error {
    Error::with_id(ErrorKind::Request, id)
        .at(Location::file("request"))
        .arg("member", member)
}

impl Request {
    /// Parses the request's text: a JSON object.
    pub(crate) fn parse(text: &str) -> Result<Request> {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(members)) => Ok(Request { members }),
            Ok(_) => {
                Err(Error::with_id(ErrorKind::Request, "api-not-object")
                    .at(Location::file("request")))
            }
            Err(e) => Err(Error::with_id(ErrorKind::Request, "api-not-json")
                .at(Location::at("request", e.line() as u64, e.column() as u64))
                .arg("reason", e.to_string())),
        }
    }

    /// Takes a member, `None` when absent or null.
    fn take(&mut self, name: &str) -> Option<Value> {
        self.members.remove(name).filter(|v| !v.is_null())
    }

    /// A required string member.
    pub(crate) fn string(&mut self, name: &str) -> Result<String> {
        self.optional_string(name)?
            .ok_or_else(|| bad(name, "api-member-missing"))
    }

    /// An optional string member.
    pub(crate) fn optional_string(&mut self, name: &str) -> Result<Option<String>> {
        match self.take(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(bad(name, "api-member-not-string")),
        }
    }

    /// An optional boolean member, false when absent.
    pub(crate) fn flag(&mut self, name: &str) -> Result<bool> {
        match self.take(name) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(b),
            Some(_) => Err(bad(name, "api-member-not-bool")),
        }
    }

    /// An optional object member, as a request of its own.
    pub(crate) fn object(&mut self, name: &str) -> Result<Option<Request>> {
        match self.take(name) {
            None => Ok(None),
            Some(Value::Object(members)) => Ok(Some(Request { members })),
            Some(_) => Err(bad(name, "api-member-not-object")),
        }
    }

    /// The names of the members left.
    pub(crate) fn names(&self) -> Vec<String> {
        self.members.keys().cloned().collect()
    }

    /// An optional array of strings.
    pub(crate) fn strings(&mut self, name: &str) -> Result<Vec<String>> {
        match self.take(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(bad(name, "api-member-not-strings")),
                })
                .collect(),
            Some(_) => Err(bad(name, "api-member-not-strings")),
        }
    }

    /// A required file member.
    pub(crate) fn file(&mut self, name: &str, default_name: &str) -> Result<File> {
        self.optional_file(name, default_name)?
            .ok_or_else(|| bad(name, "api-member-missing"))
    }

    /// An optional file member: a string (the file's text, named `default_name`) or an
    /// object `{name, text | base64, format, encoding, sheet}`.
    pub(crate) fn optional_file(&mut self, name: &str, default_name: &str) -> Result<Option<File>> {
        match self.take(name) {
            None => Ok(None),
            Some(v) => file_of(name, default_name, v).map(Some),
        }
    }

    /// An optional array of files, named `default_name` with the position (`earlier-1.json`).
    pub(crate) fn files(&mut self, name: &str, stem: &str, extension: &str) -> Result<Vec<File>> {
        match self.take(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    file_of(
                        &format!("{name}[{i}]"),
                        &format!("{stem}-{}.{extension}", i + 1),
                        v,
                    )
                })
                .collect(),
            Some(_) => Err(bad(name, "api-member-not-files")),
        }
    }

    /// Refuses the members nobody took: a misspelt option must not be ignored.
    pub(crate) fn finish(self) -> Result<()> {
        match self.members.keys().next() {
            None => Ok(()),
            Some(name) => Err(bad(name, "api-member-unknown")),
        }
    }
}

/// A file from its member's value.
fn file_of(member: &str, default_name: &str, value: Value) -> Result<File> {
    let mut object = match value {
        Value::String(text) => {
            return Ok(File {
                name: default_name.to_owned(),
                bytes: text.into_bytes(),
                read: ReadOptions::default(),
            });
        }
        Value::Object(members) => Request { members },
        _ => return Err(bad(member, "api-member-not-file")),
    };
    let at = |m: &str| format!("{member}.{m}");
    let name = match object.optional_string("name") {
        Ok(n) => n.unwrap_or_else(|| default_name.to_owned()),
        Err(_) => return Err(bad(&at("name"), "api-member-not-string")),
    };
    let text = object
        .optional_string("text")
        .map_err(|_| bad(&at("text"), "api-member-not-string"))?;
    let base64 = object
        .optional_string("base64")
        .map_err(|_| bad(&at("base64"), "api-member-not-string"))?;
    let bytes = match (text, base64) {
        (Some(t), None) => t.into_bytes(),
        (None, Some(b)) => crate::ceremony::base64_decode(b.trim())
            .ok_or_else(|| bad(&at("base64"), "api-member-not-base64"))?,
        _ => return Err(bad(member, "api-file-text-or-base64")),
    };
    let format = match object
        .optional_string("format")
        .map_err(|_| bad(&at("format"), "api-member-not-string"))?
    {
        None => None,
        Some(f) => Some(
            Format::from_name(&f)
                .ok_or_else(|| bad(&at("format"), "api-member-format").arg("value", f.as_str()))?,
        ),
    };
    let encoding =
        match object
            .optional_string("encoding")
            .map_err(|_| bad(&at("encoding"), "api-member-not-string"))?
        {
            None => None,
            Some(e) => Some(Encoding::from_name(&e).ok_or_else(|| {
                bad(&at("encoding"), "api-member-encoding").arg("value", e.as_str())
            })?),
        };
    let sheet = object
        .optional_string("sheet")
        .map_err(|_| bad(&at("sheet"), "api-member-not-string"))?;
    if let Some(unknown) = object.members.keys().next() {
        return Err(bad(&at(unknown), "api-member-unknown"));
    }
    Ok(File {
        name,
        bytes,
        read: ReadOptions {
            format,
            encoding,
            sheet,
        },
    })
}

impl File {
    /// The file as a source.
    pub(crate) fn source(&self) -> Source<'_> {
        Source {
            name: &self.name,
            bytes: &self.bytes,
        }
    }
}

/// The inputs of a draw in a request: `plan`, `targets`, `officers`, and the optional
/// `history`, `conflicts`, `earlier` (records of earlier batches), `id_check`
/// (`"strict"`, `"warn"`), `id_allowlist` (ids) and `raw_digest`.
///
/// A verification reads the ids as the record says they were read (`id_check`) and hashes the
/// raw files when the record holds their digests (`raw`); a draw from an announcement hashes
/// them when the announcement does. Those members are then not the request's to give.
pub(crate) fn inputs(
    request: &mut Request,
    id_check: Option<IdCheck>,
    raw: Option<bool>,
) -> Result<Inputs> {
    let plan = request.file("plan", "plan.toml")?;
    let targets = request.file("targets", "targets.csv")?;
    let officers = request.file("officers", "officers.csv")?;
    let history = request.optional_file("history", "history.csv")?;
    let conflicts = request.optional_file("conflicts", "conflicts.csv")?;
    let earlier = request.files("earlier", "earlier", "json")?;
    let raw_digest = match raw {
        Some(r) => r,
        None => request.flag("raw_digest")?,
    };
    // A verification reads the ids as the record says they were read.
    let id_check = if let Some(check) = id_check {
        check
    } else {
        let mode = match request.optional_string("id_check")?.as_deref() {
            None | Some("strict") => IdCheckMode::Strict,
            Some("warn") => IdCheckMode::Warn,
            Some(other) => {
                return Err(bad("id_check", "api-member-id-check").arg("value", other));
            }
        };
        let allowlist = request
            .strings("id_allowlist")?
            .iter()
            .flat_map(|id| IdCheck::parse_allowlist(id))
            .collect();
        IdCheck { mode, allowlist }
    };
    let options = InputOptions {
        targets: targets.read.clone(),
        officers: officers.read.clone(),
        id_check,
        raw_digest,
        ..InputOptions::default()
    };
    let mut inputs =
        Inputs::parse_with(plan.source(), targets.source(), officers.source(), &options)?;
    if let Some(h) = &history {
        inputs = inputs.with_history(h.source(), &h.read)?;
    }
    if let Some(c) = &conflicts {
        inputs = inputs.with_conflicts(c.source(), &c.read)?;
    }
    if !earlier.is_empty() {
        let records = earlier
            .iter()
            .map(|f| Ok((f.name.clone(), crate::Record::from_json(&f.name, &f.bytes)?)))
            .collect::<Result<Vec<_>>>()?;
        inputs = inputs.with_earlier(records)?;
    }
    Ok(inputs)
}
