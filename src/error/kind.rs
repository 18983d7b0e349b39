//! The kinds of error: stable names integrators and the test vectors match on.

/// What kind of error: one per cause. The names ([`ErrorKind::as_str`]) are stable: test
/// vectors and integrators match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A table cell or the plan is not valid UTF-8.
    NotUtf8,
    /// A text input contains a NUL byte: it is not a text table.
    Binary,
    /// Bytes that are invalid in the detected or forced encoding.
    Encoding,
    /// An `.xlsx` workbook cannot be read, or a cell holds an error.
    Xlsx,
    /// An `.xlsx` workbook expands beyond a limit of the reader (README "Limits"): a part inflates to too much XML, one element is too long, or its cells would take too much memory. A zip bomb, or a sheet too large to read safely.
    XlsxTooLarge,
    /// A JSON or JSON Lines table is malformed.
    Json,
    /// A target id passes neither the USCC nor the registration-number check.
    InvalidId,
    /// A kept column holds a value shaped like personal data (SPEC.md §3.3).
    PersonalData,
    /// An identifier held in a worksheet as a number of 16 or more digits, which a
    /// spreadsheet cannot hold exactly: its last digits are lost (SPEC.md §3.3).
    NumberCode,
    /// A value of a typed column (risk class, date, validity) is malformed.
    BadValue,
    /// Several problems in one input. The first [`MAX_PROBLEMS`](crate::error::MAX_PROBLEMS) are kept.
    Problems,
    /// The CSV structure is broken (unbalanced quotes, a row with too many or too few fields).
    Csv,
    /// A table has no header row.
    EmptyTable,
    /// A required column is missing from the header.
    MissingColumn,
    /// Two header cells have the same name after normalisation.
    DuplicateColumn,
    /// A header cell is empty.
    EmptyColumnName,
    /// A required field is empty in a row.
    EmptyField,
    /// A value contains a control character.
    ControlCharacter,
    /// Two rows have the same id after normalisation.
    DuplicateId,
    /// An input exceeds a documented size limit.
    TooLarge,
    /// The plan is not valid TOML or does not have the expected shape.
    PlanSyntax,
    /// A plan value is out of range or malformed.
    PlanValue,
    /// A plan names a column the table does not have.
    UnknownColumn,
    /// A stratum occurs in the frame but the ratio or count table has no entry and no default.
    NoRatioForStratum,
    /// No eligible target passes a task's filter.
    EmptyFrame,
    /// Fewer eligible officers than one team needs.
    OfficerPoolTooSmall,
    /// No officer may fill a team slot for an entity: the rules emptied the pool.
    NoOfficerForTarget,
    /// A task excludes recently inspected entities, but there is no history file.
    MissingHistory,
    /// A results table does not match its record.
    Results,
    /// Several problems in a results table. The first [`MAX_PROBLEMS`](crate::error::MAX_PROBLEMS) are kept.
    ResultProblems,
    /// A working-day calendar file is malformed.
    CalendarSyntax,
    /// A date falls in a year whose holiday schedule the calendar does not hold.
    NoCalendar,
    /// An input could not be read back (a directory whose names are read on demand).
    Read,
    /// A selection query cannot be written for this record.
    Sql,
    /// An announcement cannot be made, or the draw's sources do not match it.
    Announcement,
    /// An input is not the one the announcement froze (SPEC.md §5.3).
    InputsNotAnnounced,
    /// An amendment cannot be made.
    Amendment,
    /// The seed is empty.
    EmptySeed,
    /// A record is not valid JSON or lacks required members.
    RecordSyntax,
    /// A JSON document we signed or read back (record, announcement, beacon round, ledger) has a repeated or unknown member, or a member of the wrong type.
    Document,
    /// A conflicts row names no officer of the roster, by id or by certificate number.
    UnknownOfficer,
    /// A record was made under a spec version this build does not implement.
    UnsupportedSpec,
    /// A publication was asked for a record with other inputs than the record's.
    InputsMismatch,
    /// A warehouse's query results (census, candidates) cannot give the draw (SPEC.md §7.5).
    Warehouse,
    /// A request to the JSON interface ([`crate::api`]) is malformed: not JSON, a member
    /// missing, unknown or of the wrong type, an unknown operation.
    Request,
    /// A bug of this library: a call through the JSON interface panicked.
    Internal,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::NotUtf8,
        ErrorKind::Binary,
        ErrorKind::Encoding,
        ErrorKind::Xlsx,
        ErrorKind::XlsxTooLarge,
        ErrorKind::Json,
        ErrorKind::InvalidId,
        ErrorKind::PersonalData,
        ErrorKind::NumberCode,
        ErrorKind::BadValue,
        ErrorKind::Problems,
        ErrorKind::Csv,
        ErrorKind::EmptyTable,
        ErrorKind::MissingColumn,
        ErrorKind::DuplicateColumn,
        ErrorKind::EmptyColumnName,
        ErrorKind::EmptyField,
        ErrorKind::ControlCharacter,
        ErrorKind::DuplicateId,
        ErrorKind::TooLarge,
        ErrorKind::PlanSyntax,
        ErrorKind::PlanValue,
        ErrorKind::UnknownColumn,
        ErrorKind::NoRatioForStratum,
        ErrorKind::EmptyFrame,
        ErrorKind::OfficerPoolTooSmall,
        ErrorKind::NoOfficerForTarget,
        ErrorKind::MissingHistory,
        ErrorKind::Results,
        ErrorKind::ResultProblems,
        ErrorKind::CalendarSyntax,
        ErrorKind::NoCalendar,
        ErrorKind::Read,
        ErrorKind::Sql,
        ErrorKind::Announcement,
        ErrorKind::InputsNotAnnounced,
        ErrorKind::Amendment,
        ErrorKind::EmptySeed,
        ErrorKind::RecordSyntax,
        ErrorKind::Document,
        ErrorKind::UnknownOfficer,
        ErrorKind::UnsupportedSpec,
        ErrorKind::InputsMismatch,
        ErrorKind::Warehouse,
        ErrorKind::Request,
        ErrorKind::Internal,
    ];

    /// The stable, machine-readable name, e.g. `"duplicate_id"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotUtf8 => "not_utf8",
            ErrorKind::Binary => "binary",
            ErrorKind::Encoding => "encoding",
            ErrorKind::Xlsx => "xlsx",
            ErrorKind::XlsxTooLarge => "xlsx_too_large",
            ErrorKind::Json => "json",
            ErrorKind::InvalidId => "invalid_id",
            ErrorKind::PersonalData => "personal_data",
            ErrorKind::NumberCode => "number_code",
            ErrorKind::BadValue => "bad_value",
            ErrorKind::Problems => "problems",
            ErrorKind::Csv => "csv",
            ErrorKind::EmptyTable => "empty_table",
            ErrorKind::MissingColumn => "missing_column",
            ErrorKind::DuplicateColumn => "duplicate_column",
            ErrorKind::EmptyColumnName => "empty_column_name",
            ErrorKind::EmptyField => "empty_field",
            ErrorKind::ControlCharacter => "control_character",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::PlanSyntax => "plan_syntax",
            ErrorKind::PlanValue => "plan_value",
            ErrorKind::UnknownColumn => "unknown_column",
            ErrorKind::NoRatioForStratum => "no_ratio_for_stratum",
            ErrorKind::EmptyFrame => "empty_frame",
            ErrorKind::OfficerPoolTooSmall => "officer_pool_too_small",
            ErrorKind::NoOfficerForTarget => "no_officer_for_target",
            ErrorKind::MissingHistory => "missing_history",
            ErrorKind::Results => "results",
            ErrorKind::ResultProblems => "result_problems",
            ErrorKind::CalendarSyntax => "calendar_syntax",
            ErrorKind::NoCalendar => "no_calendar",
            ErrorKind::Read => "read",
            ErrorKind::Sql => "sql",
            ErrorKind::Announcement => "announcement",
            ErrorKind::InputsNotAnnounced => "inputs_not_announced",
            ErrorKind::Amendment => "amendment",
            ErrorKind::EmptySeed => "empty_seed",
            ErrorKind::RecordSyntax => "record_syntax",
            ErrorKind::Document => "document",
            ErrorKind::UnknownOfficer => "unknown_officer",
            ErrorKind::UnsupportedSpec => "unsupported_spec",
            ErrorKind::InputsMismatch => "inputs_mismatch",
            ErrorKind::Warehouse => "warehouse",
            ErrorKind::Request => "request",
            ErrorKind::Internal => "internal",
        }
    }

    /// The catalog id of the kind's message (its hint is the id followed by `-hint`).
    pub(crate) fn id(self) -> &'static str {
        match self {
            ErrorKind::NotUtf8 => "not-utf8",
            ErrorKind::Binary => "binary",
            ErrorKind::Encoding => "encoding",
            ErrorKind::Xlsx => "xlsx",
            ErrorKind::XlsxTooLarge => "xlsx-too-large",
            ErrorKind::Json => "json",
            ErrorKind::InvalidId => "invalid-id",
            ErrorKind::PersonalData => "personal-data",
            ErrorKind::NumberCode => "number-code",
            ErrorKind::BadValue => "bad-value",
            ErrorKind::Problems => "problems",
            ErrorKind::Csv => "csv",
            ErrorKind::EmptyTable => "empty-table",
            ErrorKind::MissingColumn => "missing-column",
            ErrorKind::DuplicateColumn => "duplicate-column",
            ErrorKind::EmptyColumnName => "empty-column-name",
            ErrorKind::EmptyField => "empty-field",
            ErrorKind::ControlCharacter => "control-character",
            ErrorKind::DuplicateId => "duplicate-id",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::PlanSyntax => "plan-syntax",
            ErrorKind::PlanValue => "plan-value",
            ErrorKind::UnknownColumn => "unknown-column",
            ErrorKind::NoRatioForStratum => "no-ratio-for-stratum",
            ErrorKind::EmptyFrame => "empty-frame",
            ErrorKind::OfficerPoolTooSmall => "officer-pool-too-small",
            ErrorKind::NoOfficerForTarget => "no-officer-for-target",
            ErrorKind::MissingHistory => "missing-history",
            ErrorKind::Results => "results",
            ErrorKind::ResultProblems => "result-problems",
            ErrorKind::CalendarSyntax => "calendar-syntax",
            ErrorKind::NoCalendar => "no-calendar",
            ErrorKind::Read => "read",
            ErrorKind::Sql => "sql",
            ErrorKind::Announcement => "announcement",
            ErrorKind::InputsNotAnnounced => "inputs-not-announced",
            ErrorKind::Amendment => "amendment",
            ErrorKind::EmptySeed => "empty-seed",
            ErrorKind::RecordSyntax => "record-syntax",
            ErrorKind::Document => "document",
            ErrorKind::UnknownOfficer => "unknown-officer",
            ErrorKind::UnsupportedSpec => "unsupported-spec",
            ErrorKind::InputsMismatch => "inputs-mismatch",
            ErrorKind::Warehouse => "warehouse",
            ErrorKind::Request => "request",
            ErrorKind::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind equals its stable name: `e.kind() == "duplicate_id"`.
impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A kind equals its stable name.
impl PartialEq<str> for ErrorKind {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorKind;
    use crate::messages::{Catalog, Lang};

    #[test]
    fn every_kind_has_its_message_in_both_languages() {
        let catalog = Catalog::library();
        for kind in ErrorKind::ALL {
            for lang in Lang::ALL {
                assert!(
                    catalog.has(lang, kind.id()),
                    "{kind}: no message '{}' in {lang:?}",
                    kind.id()
                );
            }
        }
    }
}
