//! The values of flags, typed when the command line is parsed: each closed set of names is a
//! [`ValueEnum`] (its names and aliases are the spellings accepted), converted into the
//! library's type where the library has one; `NAME=VALUE` pairs have one parser,
//! [`PairParser`].
//!
//! The tool's messages for a refused value are kept word for word. Values clap has always
//! refused (formats, encodings, modes) keep clap's frame, `invalid value 'X' for '--FLAG':
//! REASON`; values refused with a message of their own after parsing before (`--dialect`,
//! `NAME=VALUE` pairs) are now refused by clap with a [`Refusal`], which `main` prints alone,
//! `error: MESSAGE`, with exit code 2 as before.

use std::ffi::OsStr;
use std::fmt;

use clap::ValueEnum;
use clap::builder::TypedValueParser;

/// A refused value whose message stands alone (see the module's documentation).
#[derive(Debug)]
pub struct Refusal(String);

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

/// The [`Refusal`] inside a clap error, when one of our value parsers refused the value.
pub fn refusal(error: &clap::Error) -> Option<&Refusal> {
    std::error::Error::source(error)?.downcast_ref()
}

/// The names of a closed set, for messages, in the language of the run: `a, b or c`.
fn one_of<E: ValueEnum>() -> String {
    let lang = crate::lang::current();
    let names: Vec<String> = E::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|v| v.get_name().to_owned())
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => t!(
            lang,
            "value-one-of",
            list = rest.join(&t!(lang, "list-separator")),
            last = last
        ),
        None => String::new(),
    }
}

/// A value refused, in the language of the run.
fn unknown<E: ValueEnum>(id: &str, value: &str) -> String {
    crate::messages::text(
        crate::lang::current(),
        id,
        &[("value", value.into()), ("expected", one_of::<E>().into())],
    )
}

/// The format of an input table (`--targets-format`, `--officers-format`), in any case; the
/// library's [`shuangsui::inputs::Format`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Csv,
    #[value(aliases = ["txt", "tab"])]
    Tsv,
    #[value(alias = "xlsm")]
    Xlsx,
    Json,
    #[value(alias = "ndjson")]
    Jsonl,
}

/// Parses `--targets-format` and `--officers-format`.
pub fn table_format(s: &str) -> Result<TableFormat, String> {
    TableFormat::from_str(s, true).map_err(|_| unknown::<TableFormat>("value-unknown-format", s))
}

impl From<TableFormat> for shuangsui::inputs::Format {
    fn from(f: TableFormat) -> Self {
        use shuangsui::inputs::Format;
        match f {
            TableFormat::Csv => Format::Csv,
            TableFormat::Tsv => Format::Tsv,
            TableFormat::Xlsx => Format::Xlsx,
            TableFormat::Json => Format::Json,
            TableFormat::Jsonl => Format::Jsonl,
        }
    }
}

/// The text encoding of the tables (`--encoding`), in any case; the library's
/// [`shuangsui::inputs::Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TextEncoding {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "gbk", aliases = ["gb18030", "gb2312", "cp936"])]
    Gbk,
}

/// Parses `--encoding`.
pub fn text_encoding(s: &str) -> Result<TextEncoding, String> {
    TextEncoding::from_str(s, true)
        .map_err(|_| unknown::<TextEncoding>("value-unknown-encoding", s))
}

impl From<TextEncoding> for shuangsui::inputs::Encoding {
    fn from(e: TextEncoding) -> Self {
        match e {
            TextEncoding::Utf8 => shuangsui::inputs::Encoding::Utf8,
            TextEncoding::Gbk => shuangsui::inputs::Encoding::Gb18030,
        }
    }
}

/// How strictly target ids are checked (`--id-check`): `strict` or `warn`.
// No doc comments on the variants: clap would list them in `--help` instead of
// `[possible values: strict, warn]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum IdCheckMode {
    Strict,
    Warn,
}

impl From<IdCheckMode> for shuangsui::inputs::IdCheckMode {
    fn from(m: IdCheckMode) -> Self {
        match m {
            IdCheckMode::Strict => shuangsui::inputs::IdCheckMode::Strict,
            IdCheckMode::Warn => shuangsui::inputs::IdCheckMode::Warn,
        }
    }
}

/// How a notice shows the inspecting officers (`--show-officers`): `names`, `certificates`
/// or `hidden`; the library's [`shuangsui::publish::notice::OfficerDisplay`].
// No doc comments on the variants, as for IdCheckMode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowOfficers {
    Names,
    Certificates,
    Hidden,
}

impl From<ShowOfficers> for shuangsui::publish::notice::OfficerDisplay {
    fn from(s: ShowOfficers) -> Self {
        use shuangsui::publish::notice::OfficerDisplay;
        match s {
            ShowOfficers::Names => OfficerDisplay::Names,
            ShowOfficers::Certificates => OfficerDisplay::Certificates,
            ShowOfficers::Hidden => OfficerDisplay::Hidden,
        }
    }
}

/// A notice's format (`--format`, comma-separated): html, md, csv or xlsx; surrounding
/// spaces are ignored, case is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    Html,
    Md,
    Csv,
    Xlsx,
}

impl NoticeFormat {
    /// The notice file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            NoticeFormat::Html => "html",
            NoticeFormat::Md => "md",
            NoticeFormat::Csv => "csv",
            NoticeFormat::Xlsx => "xlsx",
        }
    }
}

/// Parses one of `--format`'s comma-separated names.
pub fn notice_format(s: &str) -> Result<NoticeFormat, String> {
    let s = s.trim();
    NoticeFormat::from_str(s, false).map_err(|_| unknown::<NoticeFormat>("value-unknown-format", s))
}

/// The SQL engine of `sql --dialect`, in any case; the library's
/// [`shuangsui::publish::sql::Dialect`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SqlDialect {
    #[value(name = "duckdb")]
    DuckDb,
    #[value(aliases = ["postgresql", "pg"])]
    Postgres,
    #[value(alias = "sparksql")]
    Spark,
}

/// Parses `--dialect`; an unknown engine is a [`Refusal`].
pub fn sql_dialect(s: &str) -> Result<SqlDialect, Refusal> {
    SqlDialect::from_str(s, true)
        .map_err(|_| Refusal(unknown::<SqlDialect>("value-unknown-dialect", s)))
}

impl From<SqlDialect> for shuangsui::publish::sql::Dialect {
    fn from(d: SqlDialect) -> Self {
        use shuangsui::publish::sql::Dialect;
        match d {
            SqlDialect::DuckDb => Dialect::DuckDb,
            SqlDialect::Postgres => Dialect::Postgres,
            SqlDialect::Spark => Dialect::Spark,
        }
    }
}

/// The table of `sql --digest`: the library's [`shuangsui::publish::sql::DigestOf`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DigestTable {
    Targets,
    Officers,
}

impl From<DigestTable> for shuangsui::publish::sql::DigestOf {
    fn from(t: DigestTable) -> Self {
        match t {
            DigestTable::Targets => Self::Targets,
            DigestTable::Officers => Self::Officers,
        }
    }
}

/// `NAME=VALUE`, split at the first `=` (`draw --reveal NAME=SECRET`,
/// `finalize --party NAME=CONTRIBUTION`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// What comes before the first `=`.
    pub name: String,
    /// What follows it.
    pub value: String,
}

impl fmt::Display for Pair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.value)
    }
}

impl Pair {
    /// The name and the value, owned.
    pub fn into_tuple(self) -> (String, String) {
        (self.name, self.value)
    }
}

/// The one parser of `NAME=VALUE` flags. A value without `=` is refused as
/// `--FLAG 'VALUE': expected VALUE_NAME`, the flag and its value name taken from the flag's
/// definition.
#[derive(Clone, Copy)]
pub struct PairParser;

impl TypedValueParser for PairParser {
    type Value = Pair;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Pair, clap::Error> {
        let flag = arg
            .and_then(clap::Arg::get_long)
            .map_or_else(String::new, |l| format!("--{l}"));
        let form = arg
            .and_then(clap::Arg::get_value_names)
            .and_then(<[_]>::first)
            .map_or_else(|| "NAME=VALUE".to_owned(), ToString::to_string);
        let split = move |s: &str| {
            s.split_once('=')
                .map(|(name, value)| Pair {
                    name: name.to_owned(),
                    value: value.to_owned(),
                })
                .ok_or_else(|| {
                    Refusal(t!(
                        crate::lang::current(),
                        "value-not-a-pair",
                        flag = &flag,
                        value = s,
                        form = &form
                    ))
                })
        };
        split.parse_ref(cmd, arg, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every spelling a closed set accepts means what the library's own name parser says.
    #[test]
    fn spellings_agree_with_the_library() {
        fn spellings<E: ValueEnum>() -> Vec<(E, String)> {
            E::value_variants()
                .iter()
                .flat_map(|v| {
                    let p = v.to_possible_value().expect("no variant is skipped");
                    p.get_name_and_aliases()
                        .flat_map(|n| [n.to_owned(), n.to_ascii_uppercase()])
                        .map(|n| (v.clone(), n))
                        .collect::<Vec<_>>()
                })
                .collect()
        }
        for (f, name) in spellings::<TableFormat>() {
            assert_eq!(table_format(&name), Ok(f));
            assert_eq!(shuangsui::inputs::Format::from_name(&name), Some(f.into()));
        }
        for (e, name) in spellings::<TextEncoding>() {
            assert_eq!(text_encoding(&name), Ok(e));
            assert_eq!(
                shuangsui::inputs::Encoding::from_name(&name),
                Some(e.into())
            );
        }
        for (d, name) in spellings::<SqlDialect>() {
            assert_eq!(sql_dialect(&name).ok(), Some(d));
            assert_eq!(
                shuangsui::publish::sql::Dialect::from_name(&name),
                Some(d.into())
            );
        }
        for s in ShowOfficers::value_variants() {
            let name = s.to_possible_value().expect("named").get_name().to_owned();
            assert_eq!(
                shuangsui::publish::notice::OfficerDisplay::from_name(&name),
                Some((*s).into())
            );
        }
    }

    /// The refusals in English keep their words; in Chinese, they are the catalog's. (The only
    /// test that sets the language of the run.)
    #[test]
    fn refusals_keep_their_words() {
        crate::lang::set(shuangsui::messages::Lang::Zh);
        assert_eq!(
            table_format("xls").unwrap_err(),
            "未知的格式“xls”（应为 csv、tsv、xlsx、json 或 jsonl）"
        );
        crate::lang::set(shuangsui::messages::Lang::En);
        assert_eq!(
            table_format("xls").unwrap_err(),
            "unknown format 'xls' (expected csv, tsv, xlsx, json or jsonl)"
        );
        assert_eq!(
            text_encoding("latin1").unwrap_err(),
            "unknown encoding 'latin1' (expected utf-8 or gbk)"
        );
        assert_eq!(
            notice_format(" pdf").unwrap_err(),
            "unknown format 'pdf' (expected html, md, csv or xlsx)"
        );
        assert_eq!(notice_format(" md "), Ok(NoticeFormat::Md));
        assert_eq!(
            sql_dialect("mysql").unwrap_err().to_string(),
            "unknown --dialect 'mysql': expected duckdb, postgres or spark"
        );
    }
}
