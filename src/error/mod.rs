//! The library's errors and warnings.
//!
//! An [`Error`] is opaque: its [`kind`](Error::kind) is what code matches on (the stable
//! names of [`ErrorKind`], which the test vectors use), its [`location`](Error::location)
//! says where in an input, its message comes from the catalog in either language
//! ([`crate::messages`]), and its [`source`](std::error::Error::source) keeps the
//! underlying error of the file system or a parser. Every error carries the facts a county
//! clerk needs to fix the input: the input, the line and column (or sheet and cell), the
//! field, the value found and what was expected; [`Error::hint`] gives the fix when it is
//! obvious.
//!
//! ```
//! use shuangsui::messages::Lang;
//! use shuangsui::{ErrorKind, Plan};
//!
//! let e = Plan::parse("plan.toml", b"[plan]\nid = \"p\"\nname = 1\n").unwrap_err();
//! assert_eq!(e.kind(), ErrorKind::PlanSyntax);
//! assert_eq!(e.kind().as_str(), "plan_syntax");
//! assert!(e.message(Lang::En).starts_with("plan.toml:3:8: "));
//! assert!(e.message(Lang::Zh).starts_with("plan.toml:3:8: "));
//! ```

mod kind;
mod location;
mod value;
mod warning;

pub use kind::ErrorKind;
pub use location::Location;
pub(crate) use location::column_letters;
pub use value::{Error, MAX_PROBLEMS, Result};
pub use warning::Warning;

/// A size in bytes as a person reads it in either language: `512 MiB`, `8 KiB`, `100 B`.
pub(crate) fn mebibytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} B"),
    }
}

/// An error in a JSON document (a record, an announcement): at a member when one is named,
/// saying what is wrong with a message of the catalog.
pub(crate) fn document(
    at: Location,
    member: impl Into<String>,
    message: crate::messages::Message,
) -> Error {
    let member = member.into();
    let id = if member.is_empty() {
        "document"
    } else {
        "document-member"
    };
    Error::with_id(ErrorKind::Document, id)
        .at(at)
        .arg("member", member)
        .arg("reason", message)
}
