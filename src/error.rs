//! The library's error and warning types.
//!
//! Every variant carries the facts a county clerk needs to fix the input: the
//! source (the name the caller gave the input, usually its file name), the
//! line and column where known, the field, the value found and what was
//! expected. Display strings are lower-case, with no trailing period, in the
//! form `source:line:column: what is wrong`. [`Error::hint`] gives the fix
//! when it is obvious.

use std::fmt::{self, Write as _};

/// A position in an input: its name as given by the caller, and the line and
/// column (1-based) where they are known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The input's name, usually its file name.
    pub source: String,
    /// 1-based line (the row number in a worksheet, the position in a JSON
    /// array), when known.
    pub line: Option<u64>,
    /// 1-based column (field number in a table, character in the plan), when known.
    pub column: Option<u64>,
    /// The worksheet, for `.xlsx` inputs: the location prints as `Sheet1!C12`.
    pub sheet: Option<String>,
    /// True when `line` is a position in a JSON array: it prints as `[12]`.
    pub item: bool,
}

impl Location {
    /// A location naming only the input.
    pub fn file(source: &str) -> Self {
        Self {
            source: source.to_owned(),
            ..Self::default()
        }
    }

    /// A location with a line.
    pub fn line(source: &str, line: u64) -> Self {
        Self {
            source: source.to_owned(),
            line: Some(line),
            ..Self::default()
        }
    }

    /// A location with a line and a column.
    pub fn at(source: &str, line: u64, column: u64) -> Self {
        Self {
            source: source.to_owned(),
            line: Some(line),
            column: Some(column),
            ..Self::default()
        }
    }
}

/// Spreadsheet column letters: 1 → `A`, 27 → `AA`.
fn column_letters(mut n: u64) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)?;
        match (&self.sheet, self.line, self.column) {
            (Some(sheet), Some(row), Some(col)) => {
                write!(f, ":{sheet}!{}{row}", column_letters(col))
            }
            (Some(sheet), Some(row), None) => write!(f, ":{sheet}!{row}"),
            (_, Some(item), _) if self.item => write!(f, ":[{item}]"),
            (_, Some(line), Some(column)) => write!(f, ":{line}:{column}"),
            (_, Some(line), None) => write!(f, ":{line}"),
            _ => Ok(()),
        }
    }
}

/// Everything that can go wrong while reading inputs, drawing or verifying.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A table cell or the plan is not valid UTF-8.
    #[error("{at}: {what} is not valid UTF-8")]
    NotUtf8 {
        /// Where.
        at: Location,
        /// Which part: "the header", "field 'name'", "the plan".
        what: String,
    },
    /// A text input contains a NUL byte: it is not a text table.
    #[error(
        "{at}: this is not a text table (a NUL byte at offset {offset}); for Excel files use .xlsx"
    )]
    Binary {
        /// Where.
        at: Location,
        /// Byte offset of the first NUL.
        offset: u64,
    },
    /// Bytes that are invalid in the detected or forced encoding.
    #[error("{at}: the file is not valid {encoding} text")]
    Encoding {
        /// Where (the line of the first bad byte).
        at: Location,
        /// The encoding tried.
        encoding: String,
    },
    /// An `.xlsx` workbook cannot be read, or a cell holds an error.
    #[error("{at}: {message}")]
    Xlsx {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// An `.xlsx` workbook expands beyond a limit of the reader (README "Limits"): a part
    /// inflates to too much XML, one element is too long, or its cells would take too much
    /// memory. A zip bomb, or a sheet too large to read safely.
    #[error("{at}: the workbook expands beyond the limit: {what} more than {}", mebibytes(*.limit))]
    XlsxTooLarge {
        /// The workbook.
        at: Location,
        /// What is too large, e.g. "'xl/worksheets/sheet1.xml' inflates to".
        what: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A JSON or JSON Lines table is malformed.
    #[error("{at}: invalid JSON table: {message}")]
    Json {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// A target id passes neither the USCC nor the registration-number check.
    #[error("{at}: invalid id '{id}': {reason}")]
    InvalidId {
        /// Where.
        at: Location,
        /// The normalised id.
        id: String,
        /// Which check failed.
        reason: String,
    },
    /// A kept column holds a value shaped like personal data (SPEC.md §3.3).
    #[error(
        "{at}: column '{column}' holds {shape}: personal data must not enter the record or the public files"
    )]
    PersonalData {
        /// Where.
        at: Location,
        /// The column's name.
        column: String,
        /// What the value looks like.
        shape: &'static str,
    },
    /// A value of a typed column (risk class, date, validity) is malformed.
    #[error("{at}: '{field}' = '{value}': expected {expected}")]
    BadValue {
        /// Where.
        at: Location,
        /// The column.
        field: String,
        /// The value found.
        value: String,
        /// What is accepted.
        expected: String,
    },
    /// Several problems in one input. The first [`MAX_PROBLEMS`] are kept.
    #[error("{source_name}: {total} problems; nothing was drawn{}", list(.problems, *.total))]
    Problems {
        /// The input.
        source_name: String,
        /// The first problems, in file order.
        problems: Vec<Error>,
        /// How many there are in all.
        total: u64,
    },
    /// The CSV structure is broken (unbalanced quotes, a row with too many or too few fields).
    #[error("{at}: malformed CSV: {message}")]
    Csv {
        /// Where.
        at: Location,
        /// What the CSV reader reported.
        message: String,
    },
    /// A table has no header row.
    #[error("{at}: the file is empty: expected a header row with at least {expected}")]
    EmptyTable {
        /// Where.
        at: Location,
        /// The required columns, e.g. "id,name".
        expected: String,
    },
    /// A required column is missing from the header.
    #[error("{at}: missing required column '{column}' (found: {found})")]
    MissingColumn {
        /// Where (the header line).
        at: Location,
        /// The column that is required.
        column: String,
        /// The columns the header has, comma-separated.
        found: String,
    },
    /// Two header cells have the same name after normalisation.
    #[error("{at}: duplicate column '{column}' (also column {first})")]
    DuplicateColumn {
        /// Where (line and column of the second occurrence).
        at: Location,
        /// The normalised column name.
        column: String,
        /// The column number of the first occurrence.
        first: u64,
    },
    /// A header cell is empty.
    #[error("{at}: empty column name in the header")]
    EmptyColumnName {
        /// Where.
        at: Location,
    },
    /// A required field is empty in a row.
    #[error("{at}: empty '{field}': every row needs one")]
    EmptyField {
        /// Where.
        at: Location,
        /// The field.
        field: String,
    },
    /// A value contains a control character.
    #[error("{at}: '{field}' contains the control character U+{code:04X}")]
    ControlCharacter {
        /// Where.
        at: Location,
        /// The field, or "seed".
        field: String,
        /// The character's code point.
        code: u32,
    },
    /// Two rows have the same id after normalisation.
    #[error("{at}: duplicate id '{id}' (first seen on line {first_line})")]
    DuplicateId {
        /// Where the second row is.
        at: Location,
        /// The normalised id.
        id: String,
        /// The line of the first row with this id.
        first_line: u64,
    },
    /// An input exceeds a documented size limit.
    #[error("{at}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Where.
        at: Location,
        /// What is too large ("a field", "the number of columns").
        what: String,
        /// The limit.
        limit: u64,
    },
    /// The plan is not valid TOML or does not have the expected shape.
    #[error("{at}: {message}")]
    PlanSyntax {
        /// Where.
        at: Location,
        /// What the TOML reader reported, or what shape was expected.
        message: String,
    },
    /// A plan value is out of range or malformed.
    #[error("{at}: {context}{key}: expected {expected}, found {found}")]
    PlanValue {
        /// Where.
        at: Location,
        /// "task 'T1': " or empty for plan-level keys.
        context: String,
        /// The key, e.g. `ratio` or `team_size`.
        key: String,
        /// What is allowed.
        expected: String,
        /// The value found, quoted when it is a string.
        found: String,
    },
    /// A plan names a column the table does not have.
    #[error(
        "{at}: task '{task}': {key} names the column '{column}', which the {table} do not have{note} (columns: {available})"
    )]
    UnknownColumn {
        /// Why the column is missing, when known: it held personal data and was dropped.
        note: String,
        /// Where, in the plan.
        at: Location,
        /// The task.
        task: String,
        /// The plan key (`filter`, `strata`, `officer_filter`).
        key: String,
        /// The column named.
        column: String,
        /// "targets" or "officers".
        table: String,
        /// The table's columns, comma-separated.
        available: String,
    },
    /// A stratum occurs in the frame but the ratio or count table has no entry and no default.
    #[error(
        "task '{task}': the {table} table has no entry for stratum {stratum} and no default \"*\" ({frame} targets)"
    )]
    NoRatioForStratum {
        /// The task.
        task: String,
        /// `ratio` or `count`.
        table: String,
        /// The stratum, as a list of values.
        stratum: String,
        /// Its frame size.
        frame: u64,
    },
    /// No eligible target passes a task's filter.
    #[error(
        "task '{task}': no eligible target passes the filter {filter} ({rows} rows in the directory, {excluded} of those passing it excluded by status)"
    )]
    EmptyFrame {
        /// The task.
        task: String,
        /// The filter, as written in the record.
        filter: String,
        /// Rows in the directory.
        rows: u64,
        /// Rows passing the filter but excluded by status.
        excluded: u64,
    },
    /// Fewer eligible officers than one team needs.
    #[error(
        "task '{task}': {eligible} eligible officers, fewer than the team size {team_size} ({ineligible} more pass officer_filter but are not on duty or hold no valid certificate)"
    )]
    OfficerPoolTooSmall {
        /// The task.
        task: String,
        /// Officers passing the officer filter and eligible.
        eligible: u64,
        /// The task's team size.
        team_size: u64,
        /// Officers passing the officer filter but ineligible.
        ineligible: u64,
    },
    /// No officer may fill a team slot for an entity: the rules emptied the pool.
    #[error(
        "task '{task}': entity {entity}: no officer can fill slot {slot} of {team_size}: {reasons}"
    )]
    NoOfficerForTarget {
        /// The task.
        task: String,
        /// The entity's id.
        entity: String,
        /// The slot (1-based).
        slot: u64,
        /// The team size.
        team_size: u64,
        /// How many pool officers each rule refused.
        reasons: String,
    },
    /// A task excludes recently inspected entities, but there is no history file.
    #[error(
        "task '{task}': exclude_inspected and rotation need the history file of past inspections (--history)"
    )]
    MissingHistory {
        /// The task.
        task: String,
    },
    /// A results table does not match its record.
    #[error("{at}: {message}")]
    Results {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// Several problems in a results table. The first [`MAX_PROBLEMS`] are kept.
    #[error("{source_name}: {total} problems; no result notice was written{}", list(.problems, *.total))]
    ResultProblems {
        /// The results table.
        source_name: String,
        /// The first problems.
        problems: Vec<Error>,
        /// How many there are in all.
        total: u64,
    },
    /// A working-day calendar file is malformed.
    #[error("{at}: {message}")]
    CalendarSyntax {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// A date falls in a year whose holiday schedule the calendar does not hold.
    #[error(
        "no working-day calendar for {year} (the calendar holds {known}): its holidays and make-up days are not known"
    )]
    NoCalendar {
        /// The year.
        year: u16,
        /// The years the calendar holds.
        known: String,
    },
    /// An input could not be read back (a directory whose names are read on demand).
    #[error("{at}: cannot read the file: {message}")]
    Read {
        /// The input.
        at: Location,
        /// The system's message.
        message: String,
    },
    /// A selection query cannot be written for this record.
    #[error("{message}")]
    Sql {
        /// What is wrong.
        message: String,
    },
    /// An announcement cannot be made, or the draw's sources do not match it.
    #[error("announcement: {message}")]
    Announcement {
        /// What is wrong.
        message: String,
    },
    /// An amendment cannot be made.
    #[error("cannot amend: {message}")]
    Amendment {
        /// Why.
        message: String,
    },
    /// The seed is empty.
    #[error("the seed is empty")]
    EmptySeed,
    /// A record is not valid JSON or lacks required members.
    #[error("{at}: not a valid record: {message}")]
    RecordSyntax {
        /// Where.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// A JSON document we signed or read back (record, announcement, beacon round, ledger)
    /// has a repeated or unknown member, or a member of the wrong type.
    #[error("{at}: {}{message}", if member.is_empty() { String::new() } else { format!("member '{member}': ") })]
    Document {
        /// Where.
        at: Location,
        /// The member's path, e.g. `tasks[2].selected[5].officers`; empty for the whole document.
        member: String,
        /// What is wrong.
        message: String,
    },
    /// A conflicts row names no officer of the roster, by id or by certificate number.
    #[error(
        "{at}: '{officer}' is neither an officer id nor a certificate number (执法证号) of the roster: a declared conflict (回避) must name an officer"
    )]
    UnknownOfficer {
        /// Where.
        at: Location,
        /// The value as written.
        officer: String,
    },
    /// A record was made under a spec version this build does not implement.
    #[error(
        "{at}: record spec version '{found}' is not supported (this build implements '{supported}')"
    )]
    UnsupportedSpec {
        /// Where.
        at: Location,
        /// The version in the record.
        found: String,
        /// The version this build implements.
        supported: String,
    },
}

/// A size in bytes as people read it: `512 MiB`, `4 KiB`, `100 bytes`.
fn mebibytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// How many problems of one input are listed.
pub const MAX_PROBLEMS: usize = 50;

fn list(problems: &[Error], total: u64) -> String {
    let mut s = String::new();
    for p in problems {
        s.push_str("\n  ");
        s.push_str(&p.to_string());
    }
    if total > problems.len() as u64 {
        let _ = write!(s, "\n  … and {} more", total - problems.len() as u64);
    }
    s
}

impl Error {
    /// A stable, machine-readable name of the error's kind, e.g.
    /// `"duplicate_id"`; test vectors and integrators match on it.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NotUtf8 { .. } => "not_utf8",
            Error::Binary { .. } => "binary",
            Error::Encoding { .. } => "encoding",
            Error::Xlsx { .. } => "xlsx",
            Error::XlsxTooLarge { .. } => "xlsx_too_large",
            Error::Json { .. } => "json",
            Error::InvalidId { .. } => "invalid_id",
            Error::PersonalData { .. } => "personal_data",
            Error::BadValue { .. } => "bad_value",
            Error::Problems { .. } => "problems",
            Error::Csv { .. } => "csv",
            Error::EmptyTable { .. } => "empty_table",
            Error::MissingColumn { .. } => "missing_column",
            Error::DuplicateColumn { .. } => "duplicate_column",
            Error::EmptyColumnName { .. } => "empty_column_name",
            Error::EmptyField { .. } => "empty_field",
            Error::ControlCharacter { .. } => "control_character",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::TooLarge { .. } => "too_large",
            Error::PlanSyntax { .. } => "plan_syntax",
            Error::PlanValue { .. } => "plan_value",
            Error::UnknownColumn { .. } => "unknown_column",
            Error::NoRatioForStratum { .. } => "no_ratio_for_stratum",
            Error::EmptyFrame { .. } => "empty_frame",
            Error::OfficerPoolTooSmall { .. } => "officer_pool_too_small",
            Error::EmptySeed => "empty_seed",
            Error::Amendment { .. } => "amendment",
            Error::Announcement { .. } => "announcement",
            Error::CalendarSyntax { .. } => "calendar_syntax",
            Error::Results { .. } => "results",
            Error::ResultProblems { .. } => "result_problems",
            Error::NoCalendar { .. } => "no_calendar",
            Error::Sql { .. } => "sql",
            Error::Read { .. } => "read",
            Error::MissingHistory { .. } => "missing_history",
            Error::NoOfficerForTarget { .. } => "no_officer_for_target",
            Error::RecordSyntax { .. } => "record_syntax",
            Error::Document { .. } => "document",
            Error::UnknownOfficer { .. } => "unknown_officer",
            Error::UnsupportedSpec { .. } => "unsupported_spec",
        }
    }

    /// A one-line hint saying how to fix the input, when the fix is obvious.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::NotUtf8 { .. } | Error::Encoding { .. } => Some(
                "save the file as UTF-8 (in Excel: 另存为 → CSV UTF-8), or name the encoding with --encoding gbk"
                    .into(),
            ),
            Error::PersonalData { column, .. } => Some(format!(
                "only the columns the plan reads are kept: if the plan need not read '{column}', remove it from the plan's filters; if it must (an officer id that is an ID number), use another column (工号, 执法证号); if these values are public, declare it: [columns.public] with the table's name = [\"{column}\"]"
            )),
            Error::XlsxTooLarge { .. } => Some(
                "save the sheet as CSV (in Excel: 另存为 → CSV UTF-8) and read that instead, or split it into smaller workbooks"
                    .into(),
            ),
            Error::InvalidId { .. } => Some(
                "check the code for typos; a genuine code that fails the check can be allowed with --id-allowlist FILE or --id-check warn"
                    .into(),
            ),
            Error::Problems { problems, .. } | Error::ResultProblems { problems, .. } => {
                problems.first().and_then(Error::hint)
            }
            Error::NoCalendar { year, .. } => Some(format!(
                "once the State Council has announced the {year} schedule, give it with --calendar FILE: [[year]] year = {year}, holidays = [\"{year}-10-01..{year}-10-07\", …], workdays = [make-up weekend days]"
            )),
            Error::Announcement { message } if message.contains("not the one announced") => Some(
                "use exactly the announced files (`shuangsui digest --plan PLAN --targets FILE` prints a file's canonical digest); if the inputs must change, publish a new announcement naming a later round"
                    .into(),
            ),
            Error::UnknownOfficer { .. } => Some(
                "key the conflicts file by 人员编号 or 执法证号 of the roster; remove the rows of officers who are no longer on it"
                    .into(),
            ),
            Error::MissingColumn { column, .. } => {
                Some(format!("add a column named '{column}' to the header row"))
            }
            Error::DuplicateId { .. } => {
                Some("each entity may appear once: remove or merge the duplicate rows".into())
            }
            Error::UnknownColumn { column, .. } => Some(format!(
                "check the spelling of '{column}' or add that column to the file"
            )),
            Error::NoRatioForStratum { .. } => {
                Some("add this stratum to the table, or a default entry such as \"*\" = \"3%\"".into())
            }
            Error::NoOfficerForTarget { .. } => Some(
                "add officers to the pool, or relax officer_region, the workload caps or rotation for this task".into(),
            ),
            Error::OfficerPoolTooSmall { .. } => Some(
                "widen officer_filter or add officers: every inspection needs at least two".into(),
            ),
            Error::EmptyFrame { .. } => {
                Some("check the filter values against the directory's values".into())
            }
            Error::ControlCharacter { .. } => {
                Some("remove the line break or invisible character from the cell".into())
            }
            _ => None,
        }
    }
}

/// Something worth telling the user that does not stop the draw.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A ratio table names a stratum value that never occurs in the frame.
    UnusedRatio {
        /// The task.
        task: String,
        /// The stratum key as written in the plan.
        stratum: String,
    },
    /// The roster has no certificate column, so certificates were not checked.
    CertificatesNotChecked,
    /// A fixed count is larger than the frame: every target is drawn.
    CountExceedsFrame {
        /// The task.
        task: String,
        /// The requested count.
        count: u64,
        /// The frame size.
        frame: u64,
    },
    /// Some values of a column a date or number condition reads are not dates (numbers):
    /// they fail the condition, so those targets are outside the frame (SPEC.md §4.2).
    UnreadableFilterValues {
        /// The task.
        task: String,
        /// The column.
        column: String,
        /// `"date"` or `"number"`.
        expected: &'static str,
        /// How many non-empty values are not of that kind.
        rows: u64,
        /// The first few of them.
        examples: Vec<String>,
    },
    /// The plan excludes statuses but the directory has no status column: nobody is
    /// excluded by status (SPEC.md §6.1).
    NoStatusColumn {
        /// Dropped headers that look like a status column (`企业登记状态`).
        candidates: Vec<String>,
    },
    /// A status holds an exclusion keyword but is not excluded: keywords match
    /// whole statuses or the part before a bracket or comma (SPEC.md §6.1).
    StatusNotExcluded {
        /// The status value.
        status: String,
        /// The keyword it contains.
        keyword: String,
        /// How many targets have it.
        rows: u64,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnusedRatio { task, stratum } => write!(
                f,
                "task '{task}': the quota table names stratum '{stratum}', which no target in the frame has"
            ),
            Warning::CertificatesNotChecked => write!(
                f,
                "the officer roster has no certificate column (执法证号, 证件有效期): certificates were not checked"
            ),
            Warning::CountExceedsFrame { task, count, frame } => write!(
                f,
                "task '{task}': count {count} is larger than the frame ({frame} targets): all are drawn"
            ),
            Warning::UnreadableFilterValues {
                task,
                column,
                expected,
                rows,
                examples,
            } => write!(
                f,
                "task '{task}': {rows} targets have a '{column}' that is not a {expected} ({}): they fail the filter and are outside the frame; correct the values if they should be in it",
                examples
                    .iter()
                    .map(|e| format!("'{e}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Warning::NoStatusColumn { candidates } => {
                write!(
                    f,
                    "the directory has no status column, so nobody is excluded by status (exclude_status)"
                )?;
                if candidates.is_empty() {
                    write!(
                        f,
                        "; if the plan means to exclude none, say exclude_status = []"
                    )
                } else {
                    write!(
                        f,
                        "; the headers {} were dropped: map the status column, e.g. [columns.targets] \"{}\" = \"status\"",
                        candidates.join(", "),
                        candidates[0]
                    )
                }
            }
            Warning::StatusNotExcluded {
                status,
                keyword,
                rows,
            } => write!(
                f,
                "status '{}' ({rows} targets) contains '{}' but is not excluded: \
                 exclude_status keywords match a whole status or the part before a bracket or comma; \
                 add '{}' to plan.exclude_status if these targets are not inspectable",
                status.escape_debug(),
                keyword.escape_debug(),
                status.escape_debug()
            ),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
