//! What a kit is built from and what it is: the files as given, the publisher's choices and
//! command lines, and the kit as a list of files.

use crate::messages::Lang;
use crate::publish::notice::OfficerDisplay;

/// The files a kit publishes as they were given: their bytes go into the kit unchanged.
#[derive(Debug, Clone, Copy)]
pub struct Given<'a> {
    /// The record of the draw (`record.json`).
    pub record: &'a [u8],
    /// The plan as written (`plan.toml`).
    pub plan: &'a [u8],
    /// The records of the earlier batches the draw was made after, in the order the commands
    /// name them: `earlier-1.json`, `earlier-2.json`, …
    pub earlier: &'a [&'a [u8]],
}

/// How a verification kit is written: its language, how much of the roster it shows, the
/// time-stamp authority's certificate, and the command lines its README shows.
///
/// The commands are the caller's, run inside the kit, spelled as its tools spell them (the
/// library names no command-line flag): `verify` re-runs the draw with the tool, `reproduce`
/// with the kit's `reproduce.py`, and `sql`, when given, writes and runs a task's selection
/// query. The module's example shows the command-line tool's.
#[derive(Debug, Clone, Copy)]
pub struct KitOptions<'a> {
    /// The language of the README.
    pub lang: Lang,
    /// How the notice shows officers: with anything but [`OfficerDisplay::Names`], the kit's
    /// roster has no name column either (names are outside every digest of the draw, SPEC.md
    /// §3.4, so it still verifies).
    pub officers: OfficerDisplay,
    /// The time-stamp authority's certificate (PEM), put in the kit as `tsa.pem` when the
    /// record's announcement is time-stamped; without it the kit still verifies, but nobody
    /// can check the time-stamp's signature with it.
    pub tsa_cert: Option<&'a [u8]>,
    /// The command that verifies `record.json` with the tool.
    pub verify: &'a str,
    /// The command that runs `reproduce.py` on the kit's files.
    pub reproduce: &'a str,
    /// The commands, one a line, that reproduce a task's target selection in `DuckDB` from
    /// `targets.csv` and `exclusions.csv`; `None` leaves that section out.
    pub sql: Option<&'a str>,
}

/// How the public copies of an announcement's frozen inputs are written: the language and the
/// command lines their README shows, run inside their directory, as the caller's tool spells
/// them.
#[derive(Debug, Clone, Copy)]
pub struct FrozenOptions<'a> {
    /// The language of the README.
    pub lang: Lang,
    /// The commands that print the canonical digests of `plan.toml`, `targets.csv` and
    /// `officers.csv`, in that order (the README puts the announced digest after each).
    pub digests: [&'a str; 3],
    /// What those commands are also given when the inputs include past inspections or
    /// declared conflicts (`history.csv`, `conflicts.csv`), shown after them; `None` shows
    /// nothing.
    pub also: Option<&'a str>,
    /// The inputs' check, for the announcement's notice to give each task's frame and count
    /// ([`announcement_notice`](crate::publish::notice::announcement_notice)); `None` leaves
    /// them out.
    pub check: Option<&'a crate::draw::Check<'a>>,
}

/// A directory of public files: each file's path relative to the directory, and its bytes.
/// The library writes nothing: the caller writes them (atomically, say) where it publishes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Kit {
    /// The files, `README.md` last.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Kit {
    /// The bytes of a file, by its path in the kit.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, bytes)| bytes.as_slice())
    }
}
