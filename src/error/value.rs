//! The library's error: opaque, with its kind, its location, the values its message names,
//! and the underlying cause.

use std::fmt;
use std::sync::Arc;

use super::kind::ErrorKind;
use super::location::Location;
use crate::messages::{Arg, Catalog, Lang};

/// How many problems of one input are listed.
pub const MAX_PROBLEMS: usize = 50;

/// Everything that can go wrong while reading inputs, drawing or verifying.
///
/// An error has a [`kind`](Error::kind) (stable names, what code matches on), a
/// [`location`](Error::location) when it is in an input, a message in either language
/// ([`message`](Error::message); `Display` gives the English one), a hint saying how to
/// fix it when the fix is obvious ([`hint`](Error::hint)), and, for an error of the file
/// system or of a parser, the underlying error as its [`source`](std::error::Error::source).
///
/// ```
/// use shuangsui::{Error, ErrorKind, Inputs, Source};
/// use shuangsui::messages::Lang;
///
/// let plan = "[plan]\nid = \"p\"\nname = \"n\"\nauthority = \"a\"\n[[tasks]]\nid = \"T1\"\nname = \"t\"\ncount = 1\nteam_size = 2\n";
/// let e: Error = Inputs::parse(
///     Source { name: "plan.toml", bytes: plan.as_bytes() },
///     Source { name: "targets.csv", bytes: "name\nx\n".as_bytes() },
///     Source { name: "officers.csv", bytes: "id,name\nE1,a\nE2,b\n".as_bytes() },
/// )
/// .unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::MissingColumn);
/// assert_eq!(e.location().unwrap().to_string(), "targets.csv:1");
/// assert!(e.message(Lang::Zh).contains("表头中没有必需的“id”列"));
/// ```
#[derive(Clone)]
pub struct Error(Box<Inner>);

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    /// The catalog id of the message: the kind's, or a more specific one.
    id: &'static str,
    at: Option<Location>,
    args: Vec<(&'static str, Arg)>,
    problems: Vec<Error>,
    total: u64,
    source: Option<Arc<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// An error of a kind, with the kind's message.
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error::with_id(kind, kind.id())
    }

    /// An error of a kind with a message of its own (a catalog id).
    pub(crate) fn with_id(kind: ErrorKind, id: &'static str) -> Error {
        Error(Box::new(Inner {
            kind,
            id,
            at: None,
            args: Vec::new(),
            problems: Vec::new(),
            total: 0,
            source: None,
        }))
    }

    /// The errors found in one input, the first [`MAX_PROBLEMS`] listed and all counted.
    pub(crate) fn problems(
        kind: ErrorKind,
        source: &str,
        problems: Vec<Error>,
        total: u64,
    ) -> Error {
        Error::problems_with_id(kind, kind.id(), source, problems, total)
    }

    /// [`Error::problems`] with a message of its own (a catalog id taking `total`).
    pub(crate) fn problems_with_id(
        kind: ErrorKind,
        id: &'static str,
        source: &str,
        problems: Vec<Error>,
        total: u64,
    ) -> Error {
        let mut e = Error::with_id(kind, id).at(Location::file(source));
        e.0.problems = problems;
        e.0.total = total;
        e.arg("total", total)
    }

    /// The location.
    pub(crate) fn at(mut self, at: Location) -> Error {
        self.0.at = Some(at);
        self
    }

    /// A value the message names.
    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Error {
        self.0.args.push((name, value.into()));
        self
    }

    /// The underlying error (of the file system, a parser).
    pub(crate) fn caused_by(
        mut self,
        cause: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.0.source = Some(Arc::new(cause));
        self
    }

    /// The kind: what code matches on.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where in an input, when the error is in one.
    pub fn location(&self) -> Option<&Location> {
        self.0.at.as_ref()
    }

    /// A value the message names, by its name (`column`, `id`, `task`, …).
    pub fn value(&self, name: &str) -> Option<&Arg> {
        self.0.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// For an error listing problems of an input: the first ones (at most
    /// [`MAX_PROBLEMS`]); empty otherwise.
    pub fn listed(&self) -> &[Error] {
        &self.0.problems
    }

    /// For an error listing problems: how many there are in all.
    pub fn total(&self) -> u64 {
        self.0.total
    }

    /// The message without the location, in a language.
    pub fn text(&self, lang: Lang) -> String {
        Catalog::library().message(lang, self.0.id, &self.0.args)
    }

    /// The whole message in a language: `source:line:column: what is wrong`, and the
    /// problems listed below it.
    pub fn message(&self, lang: Lang) -> String {
        let mut s = match &self.0.at {
            Some(at) => format!("{at}: {}", self.text(lang)),
            None => self.text(lang),
        };
        for p in &self.0.problems {
            s.push_str("\n  ");
            s.push_str(&p.message(lang));
        }
        let listed = self.0.problems.len() as u64;
        if self.0.total > listed {
            s.push_str("\n  ");
            s.push_str(&Catalog::library().message(
                lang,
                "problems-more",
                &[("count", Arg::Count(self.0.total - listed))],
            ));
        }
        s
    }

    /// A one-line hint saying how to fix the input, when the fix is obvious. It names no
    /// command-line flag: a tool adds those by [`kind`](Error::kind).
    pub fn hint(&self, lang: Lang) -> Option<String> {
        if let Some(first) = self.0.problems.first() {
            return first.hint(lang);
        }
        let catalog = Catalog::library();
        let id = format!("{}-hint", self.0.id);
        let id = if catalog.has(lang, &id) {
            id
        } else {
            format!("{}-hint", self.0.kind.id())
        };
        catalog
            .has(lang, &id)
            .then(|| catalog.message(lang, &id, &self.0.args))
    }

    /// The message without the location, to be the reason another error gives.
    pub(crate) fn reason(&self) -> crate::messages::Message {
        self.0.args.iter().fold(
            crate::messages::Message::new(self.0.id),
            |m, (name, value)| m.arg(name, value.clone()),
        )
    }

    /// The catalog id of the message (for a tool's own hints keyed by message).
    pub fn message_id(&self) -> &'static str {
        self.0.id
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.0.kind).field("id", &self.0.id);
        if let Some(at) = &self.0.at {
            d.field("at", &at.to_string());
        }
        for (name, value) in &self.0.args {
            d.field(name, value);
        }
        if !self.0.problems.is_empty() {
            d.field("problems", &self.0.problems);
        }
        if let Some(source) = &self.0.source {
            d.field("source", source);
        }
        d.finish()
    }
}

impl PartialEq for Error {
    /// Equal kind, message, location and values (the causes are not compared).
    fn eq(&self, other: &Error) -> bool {
        let (a, b) = (&self.0, &other.0);
        a.kind == b.kind
            && a.id == b.id
            && a.at == b.at
            && a.args == b.args
            && a.problems == b.problems
            && a.total == b.total
    }
}

impl Eq for Error {}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
