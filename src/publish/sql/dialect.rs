//! The SQL engines a query is written for, and how each quotes, escapes, hashes, matches,
//! aggregates and fails.

use std::fmt::Write as _;

use crate::error::{Error, ErrorKind, Result};

/// The SQL engines a query can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `DuckDB`: `sha256(VARCHAR)` gives lower-case hex; text compares by bytes.
    DuckDb,
    /// `PostgreSQL` (a UTF-8 database): `sha256(bytea)`; text compared `COLLATE "C"`.
    Postgres,
    /// Spark SQL (3.3 or later): `sha2(str, 256)`; text compares by bytes.
    Spark,
}

/// The names the query gives its parts: a table named like one must be qualified with its
/// schema, or the query would read the part instead.
pub(super) const PARTS: [&str; 11] = [
    "listed", "guard", "cells", "parsed", "split", "typed", "frame", "ranked", "skipped", "kept",
    "counts",
];

/// Unicode `White_Space` (SPEC.md §3.2), trimmed from the end of a status's head.
const WHITE_SPACE: [u32; 25] = [
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
    0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
];

impl Dialect {
    /// Parses `duckdb`, `postgres` (`postgresql`, `pg`) or `spark` (`sparksql`).
    pub fn from_name(name: &str) -> Option<Dialect> {
        match name.to_ascii_lowercase().as_str() {
            "duckdb" => Some(Dialect::DuckDb),
            "postgres" | "postgresql" | "pg" => Some(Dialect::Postgres),
            "spark" | "sparksql" => Some(Dialect::Spark),
            _ => None,
        }
    }

    /// The engine's name, for messages and comments.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::DuckDb => "DuckDB",
            Dialect::Postgres => "PostgreSQL",
            Dialect::Spark => "Spark SQL",
        }
    }

    /// A quoted identifier.
    pub(super) fn ident(self, name: &str) -> String {
        match self {
            Dialect::Spark => format!("`{}`", name.replace('`', "``")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// A text literal. Spark reads backslash escapes in literals, the others do not.
    pub(super) fn literal(self, s: &str) -> String {
        match self {
            Dialect::Spark => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
            _ => format!("'{}'", s.replace('\'', "''")),
        }
    }

    /// A comma-separated list of text literals.
    pub(super) fn literals<S: AsRef<str>>(self, values: &[S]) -> String {
        values
            .iter()
            .map(|v| self.literal(v.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Where a query reads a table: the kit's file `file` from the working directory
    /// (`DuckDB` only: `read_csv`), or the table `table` names.
    pub(super) fn source(self, table: Option<&str>, file: &str) -> Result<String> {
        match table {
            None if self != Dialect::DuckDb => {
                Err(Error::with_id(ErrorKind::Sql, "sql-tables-needed").arg("engine", self.name()))
            }
            None => Ok(format!("read_csv('{file}', {KIT_CSV})")),
            Some(name) => self.table(name),
        }
    }

    /// A table name: each dot-separated part quoted. A part already quoted (`"a.b"`, or in
    /// Spark `` `a.b` ``, its quote doubled inside) is taken as the name it quotes.
    pub(super) fn table(self, name: &str) -> Result<String> {
        let bad = || Error::with_id(ErrorKind::Sql, "sql-table-name").arg("name", name);
        if PARTS.iter().any(|p| p.eq_ignore_ascii_case(name)) {
            return Err(Error::with_id(ErrorKind::Sql, "sql-table-name-taken").arg("name", name));
        }
        let mut parts = Vec::new();
        let mut rest = name;
        loop {
            let part;
            if let Some(q @ ('"' | '`')) = rest.chars().next() {
                // Up to the quote that is not doubled.
                let mut inner = String::new();
                let mut chars = rest[1..].char_indices();
                let mut end = None;
                while let Some((i, c)) = chars.next() {
                    if c == q {
                        if rest[1 + i + 1..].starts_with(q) {
                            inner.push(q);
                            chars.next();
                        } else {
                            end = Some(1 + i + 1);
                            break;
                        }
                    } else {
                        inner.push(c);
                    }
                }
                let end = end.ok_or_else(bad)?;
                part = inner;
                rest = &rest[end..];
            } else {
                let end = rest.find('.').unwrap_or(rest.len());
                part = rest[..end].to_owned();
                rest = &rest[end..];
            }
            if part.is_empty() {
                return Err(bad());
            }
            parts.push(self.ident(&part));
            match rest.strip_prefix('.') {
                Some(r) => rest = r,
                None if rest.is_empty() => break,
                None => return Err(bad()),
            }
        }
        Ok(parts.join("."))
    }

    /// The lower-case hex SHA-256 of a text expression's UTF-8 bytes.
    pub(super) fn sha256_hex(self, expr: &str) -> String {
        match self {
            Dialect::DuckDb => format!("sha256({expr})"),
            Dialect::Postgres => format!("encode(sha256(convert_to({expr}, 'UTF8')), 'hex')"),
            Dialect::Spark => format!("sha2({expr}, 256)"),
        }
    }

    /// The number of bytes of a text expression's UTF-8 encoding.
    pub(super) fn octet_length(self, expr: &str) -> String {
        match self {
            Dialect::DuckDb => format!("strlen({expr})"),
            _ => format!("octet_length({expr})"),
        }
    }

    /// An integer expression as decimal text.
    pub(super) fn text_of_integer(self, expr: &str) -> String {
        match self {
            Dialect::DuckDb => format!("CAST({expr} AS VARCHAR)"),
            Dialect::Postgres => format!("CAST({expr} AS text)"),
            Dialect::Spark => format!("CAST({expr} AS STRING)"),
        }
    }

    /// A text expression compared by its bytes.
    pub(super) fn bytes(self, expr: &str) -> String {
        match self {
            Dialect::Postgres => format!("{expr} COLLATE \"C\""),
            _ => expr.to_owned(),
        }
    }

    /// True when the whole of `expr` matches `pattern` (which holds no backslash).
    pub(super) fn full_match(self, expr: &str, pattern: &str) -> String {
        match self {
            Dialect::DuckDb => format!("regexp_full_match({expr}, {})", self.literal(pattern)),
            Dialect::Postgres => format!("{expr} ~ {}", self.literal(&format!("^({pattern})$"))),
            Dialect::Spark => format!("{expr} RLIKE {}", self.literal(&format!("^({pattern})$"))),
        }
    }

    /// The match of `pattern`, which matches every text, at the start of `expr`.
    pub(super) fn leading_match(self, expr: &str, pattern: &str) -> String {
        match self {
            Dialect::DuckDb => format!("regexp_extract({expr}, {})", self.literal(pattern)),
            Dialect::Postgres => format!(
                "coalesce(substring({expr} from {}), '')",
                self.literal(pattern)
            ),
            Dialect::Spark => format!("regexp_extract({expr}, {}, 0)", self.literal(pattern)),
        }
    }

    /// One character, by code point.
    pub(super) fn char(self, code: u32) -> String {
        match self {
            Dialect::Spark => format!("'\\u{code:04X}'"),
            _ => format!("chr({code})"),
        }
    }

    /// The characters of Unicode `White_Space`, as one text expression.
    pub(super) fn white_space(self) -> String {
        match self {
            Dialect::Spark => {
                let mut s = String::from("'");
                for c in WHITE_SPACE {
                    let _ = write!(s, "\\u{c:04X}");
                }
                s.push('\'');
                s
            }
            _ => WHITE_SPACE
                .iter()
                .map(|&c| self.char(c))
                .collect::<Vec<_>>()
                .join(" || "),
        }
    }

    /// The lines of a group concatenated in byte order of `key`, `''` for no lines.
    pub(super) fn concat_sorted(self, line: &str, key: &str) -> String {
        match self {
            Dialect::DuckDb => format!("coalesce(string_agg({line}, '' ORDER BY {key}), '')"),
            Dialect::Postgres => {
                format!("coalesce(string_agg({line}, '' ORDER BY {key} COLLATE \"C\"), '')")
            }
            Dialect::Spark => format!(
                "array_join(transform(array_sort(collect_list(named_struct('k', {key}, 'l', {line}))), x -> x.l), '')"
            ),
        }
    }

    /// A boolean expression that fails the query with `message` (a text expression).
    pub(super) fn fail(self, message: &str) -> String {
        match self {
            Dialect::DuckDb => format!("error({message})"),
            // No error function: a cast that cannot succeed fails with the text in its message.
            Dialect::Postgres => format!("CAST({message} AS boolean)"),
            Dialect::Spark => format!("raise_error({message})"),
        }
    }

    /// A literal table.
    pub(super) fn values(self, name: &str, columns: &[&str], rows: &[String]) -> String {
        let rows = rows.join(",\n    ");
        let columns = columns.join(", ");
        match self {
            Dialect::Spark => {
                format!("  SELECT * FROM VALUES\n    {rows}\n    AS {name}({columns})")
            }
            _ => format!("  SELECT * FROM (VALUES\n    {rows}\n  ) AS {name}({columns})"),
        }
    }
}

/// The options `DuckDB` reads a kit's CSV file with: a header, every column text, RFC 4180.
pub(super) const KIT_CSV: &str =
    "header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_identifiers_are_escaped() {
        assert_eq!(Dialect::DuckDb.literal("a'b\\c"), "'a''b\\c'");
        assert_eq!(Dialect::Spark.literal("a'b\\c"), "'a\\'b\\\\c'");
        assert_eq!(Dialect::Postgres.ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(Dialect::Spark.ident("a`b"), "`a``b`");
        assert_eq!(
            Dialect::Postgres.table("audit.targets").unwrap(),
            "\"audit\".\"targets\""
        );
        assert_eq!(
            Dialect::Postgres.table("t; DROP TABLE x").unwrap(),
            "\"t; DROP TABLE x\""
        );
        assert!(Dialect::Postgres.table("audit.").is_err());
        // A part already quoted is the name it quotes, quoted the engine's way.
        assert_eq!(
            Dialect::Postgres.table("\"targets\"").unwrap(),
            "\"targets\""
        );
        assert_eq!(
            Dialect::Spark.table("audit.\"a.b\"\"c\"").unwrap(),
            "`audit`.`a.b\"c`"
        );
        assert_eq!(Dialect::DuckDb.table("`x``y`").unwrap(), "\"x`y\"");
        for bad in ["\"open", "\"a\"b", ".x", "x..y", "\"\""] {
            assert!(Dialect::Postgres.table(bad).is_err(), "{bad}");
        }
    }
}
