//! A table as read: its kind, columns and rows, and how it is read (SPEC.md §3).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::base::normalize;
use crate::base::uscc;
use crate::error::{Error, ErrorKind, Location, MAX_PROBLEMS, Result};

use super::columns::ValueKind;
use super::grid::{self, Format, ReadOptions};
use super::header::{Header, names_required};
use super::kind::{TableKind, digested};
use super::options::{IdCheckMode, TableOptions};

use super::values::{personal_data, read_value_cow};

/// What a table says about its columns, to resolve the names a plan uses.
pub trait Columns {
    /// Which table it is.
    fn table_kind(&self) -> TableKind;
    /// The normalised column names, in file order.
    fn column_names(&self) -> &[String];
    /// Header names of the columns dropped unread (personal data, or not read by the plan).
    fn dropped_headers(&self) -> &[String];
    /// The index of a column by its normalised name.
    fn column_index(&self, name: &str) -> Option<usize> {
        self.column_names().iter().position(|c| c == name)
    }
}

impl Columns for Table {
    fn table_kind(&self) -> TableKind {
        self.kind
    }
    fn column_names(&self) -> &[String] {
        &self.columns
    }
    fn dropped_headers(&self) -> &[String] {
        &self.dropped
    }
}

/// One row: its source line and its normalised values, one per column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the row in the source (the header is line 1; the row
    /// number in a worksheet; the position in a JSON array).
    pub line: u64,
    /// Values in the order of [`Table::columns`].
    pub values: Vec<String>,
}

/// A parsed, normalised table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Which table this is.
    pub kind: TableKind,
    /// The input's name, for messages.
    pub source: String,
    /// Normalised column names, in the order of the file.
    pub columns: Vec<String>,
    /// How each column's values were read.
    pub kinds: Vec<ValueKind>,
    /// The rows, in the order of the file.
    pub rows: Vec<Row>,
    /// Header names of the columns dropped unread (personal data, or not read by the plan), sorted.
    pub dropped: Vec<String>,
    /// Ids accepted through the allowlist, sorted.
    pub allowlisted: Vec<String>,
    /// Ids that failed their check and were accepted in warn mode, sorted.
    pub unchecked: Vec<String>,
    /// The id check the table was read with.
    pub id_check: IdCheckMode,
    pub(crate) id_col: usize,
    pub(crate) name_col: usize,
    /// Where a cell is in the file: the grid's style (lines, a worksheet's cells, JSON
    /// items), its first column, and each kept column's column in the file.
    pub(crate) layout: CellLayout,
}

/// How a table's cells are located in its file (see [`Table::at`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct CellLayout {
    pub(crate) style: grid::Style,
    pub(crate) column_offset: u64,
    pub(crate) file_columns: Vec<usize>,
}

/// Collects row problems: the first [`MAX_PROBLEMS`] and a count.
struct Problems {
    list: Vec<Error>,
    total: u64,
}

impl Problems {
    fn push(&mut self, e: Error) {
        self.total += 1;
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(e);
        }
    }
}

impl Table {
    /// Parses a CSV table with the default options. `source` names the input
    /// in error messages.
    pub fn from_csv(kind: TableKind, source: &str, bytes: &[u8]) -> Result<Table> {
        let options = TableOptions {
            read: ReadOptions {
                format: Some(Format::Csv),
                ..ReadOptions::default()
            },
            ..TableOptions::default()
        };
        Table::parse(kind, source, bytes, &options)
    }

    /// Parses a table in any supported format (SPEC.md §3).
    pub fn parse(
        kind: TableKind,
        source: &str,
        bytes: &[u8],
        options: &TableOptions,
    ) -> Result<Table> {
        let mut grid = grid::read(source, bytes, &options.read, &|cells| {
            names_required(kind, cells, options)
        })?;
        let Header {
            columns,
            kinds,
            keep,
            mut dropped,
            id_col,
            name_col,
            checked,
        } = Header::resolve(kind, &grid.header, &|i| grid.at(grid.header_at, i), options)?;

        let mut problems = Problems {
            list: Vec::new(),
            total: 0,
        };
        // The cells are moved into the rows when they are already normalised: a large
        // sheet is not held twice.
        let grid_rows = std::mem::take(&mut grid.rows);
        let mut rows = Vec::with_capacity(grid_rows.len());
        let mut first_line_of: HashMap<String, u64> = HashMap::new();
        let long_numbers: std::collections::HashSet<(u64, usize)> =
            std::mem::take(&mut grid.long_numbers).into_iter().collect();
        let mut allowlisted = Vec::new();
        let mut unchecked = Vec::new();
        // A file column kept under two names (a roster's certificate as its id) is copied
        // for the first and moved for the last.
        let read_again: Vec<bool> = (0..keep.len())
            .map(|c| keep[c + 1..].contains(&keep[c]))
            .collect();
        for (line, mut cells) in grid_rows {
            let mut values = Vec::with_capacity(columns.len());
            let mut ok = true;
            for (c, &g) in keep.iter().enumerate() {
                if kinds[c] == ValueKind::Identifier && long_numbers.contains(&(line, g)) {
                    // Told once per cell (a roster's certificate is its id too), under the
                    // file's own header.
                    if !read_again[c] {
                        problems.push(
                            Error::new(ErrorKind::NumberCode)
                                .at(grid.at(line, Some(g)))
                                .arg("field", normalize::text(&grid.header[g]))
                                .arg("value", std::mem::take(&mut cells[g])),
                        );
                    }
                    values.push(String::new());
                    ok = false;
                    continue;
                }
                let read =
                    read_value_cow(&cells[g], kinds[c], &columns[c], &|| grid.at(line, Some(g)))
                        .map(|v| match v {
                            Cow::Borrowed(v) if v == cells[g] => None,
                            v => Some(v.into_owned()),
                        });
                match read {
                    Ok(None) if read_again[c] => values.push(cells[g].clone()),
                    Ok(None) => values.push(std::mem::take(&mut cells[g])),
                    Ok(Some(v)) => values.push(v),
                    Err(e) => {
                        problems.push(e);
                        values.push(String::new());
                        ok = false;
                    }
                }
            }
            for &c in &[id_col, name_col] {
                if ok && values[c].is_empty() {
                    problems.push(
                        Error::new(ErrorKind::EmptyField)
                            .at(grid.at(line, Some(keep[c])))
                            .arg("field", columns[c].clone()),
                    );
                    ok = false;
                }
            }
            if !ok {
                continue;
            }
            if let Some(e) = personal_data(kind, &columns, &checked, id_col, &values, &|c| {
                grid.at(line, Some(keep[c]))
            }) {
                problems.push(e);
                continue;
            }
            let id = &values[id_col];
            if !kind.unique_key() {
                rows.push(Row { line, values });
                continue;
            }
            if kind == TableKind::Targets
                && let Err(reason) = uscc::diagnose(id)
            {
                if options.id_check.allowlist.contains(id) {
                    allowlisted.push(id.clone());
                } else if options.id_check.mode == IdCheckMode::Warn {
                    unchecked.push(id.clone());
                } else {
                    problems.push(
                        Error::new(ErrorKind::InvalidId)
                            .at(grid.at(line, Some(keep[id_col])))
                            .arg("id", id.clone())
                            .arg("reason", reason),
                    );
                    continue;
                }
            }
            if let Some(first_line) = first_line_of.insert(id.clone(), line) {
                problems.push(
                    Error::new(ErrorKind::DuplicateId)
                        .at(grid.at(line, Some(keep[id_col])))
                        .arg("id", id.clone())
                        .arg("first_line", first_line),
                );
                continue;
            }
            rows.push(Row { line, values });
        }
        if problems.total == 1 {
            return Err(problems.list.remove(0));
        }
        if problems.total > 1 {
            return Err(Error::problems(
                ErrorKind::Problems,
                source,
                problems.list,
                problems.total,
            ));
        }
        allowlisted.sort();
        unchecked.sort();
        // Sorted, so that the record does not depend on column order.
        dropped.sort();
        Ok(Table {
            kind,
            source: source.to_owned(),
            columns,
            kinds,
            rows,
            dropped,
            allowlisted,
            unchecked,
            id_check: options.id_check.mode,
            id_col,
            name_col,
            layout: CellLayout {
                style: grid.style.clone(),
                column_offset: grid.column_offset,
                file_columns: keep,
            },
        })
    }

    /// Where a row (its `line`) and a kept column (`None`: the whole row) are in the file:
    /// `file:line:column`, `file:Sheet!C12` or `file: [12]`, as its rows' problems are told.
    pub fn at(&self, line: u64, column: Option<usize>) -> Location {
        let column = column.map(|c| {
            let file = self.layout.file_columns.get(c).copied().unwrap_or(c);
            self.layout.column_offset + file as u64
        });
        self.layout.style.at(&self.source, line, column)
    }

    /// The index of a column by its normalised name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The public projection of the table as CSV: the columns that were read, under their
    /// canonical names, with their normalised values; personal-data columns were never read
    /// and are not in it. Parsing it gives the same canonical digest (SPEC.md §3.4), so a
    /// published copy verifies.
    pub fn to_csv(&self) -> Vec<u8> {
        self.to_csv_hiding(&[])
    }

    /// [`Table::to_csv`] without some columns: an officer roster published with the
    /// names hidden omits `name`, which no digest of the draw covers (§3.4).
    pub fn to_csv_hiding(&self, hidden: &[&str]) -> Vec<u8> {
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&c| !hidden.contains(&self.columns[c].as_str()))
            .collect();
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        w.write_record(shown.iter().map(|&c| &self.columns[c]))
            .expect("writing to memory");
        for row in &self.rows {
            w.write_record(shown.iter().map(|&c| &row.values[c]))
                .expect("writing to memory");
        }
        w.into_inner().expect("writing to memory")
    }

    /// A row's id (the `entity` of a history row, the `officer` of a conflict).
    pub fn id<'a>(&self, row: &'a Row) -> &'a str {
        &row.values[self.id_col]
    }

    /// A row's name (the `date` of a history row, the `entity` of a conflict).
    pub fn name<'a>(&self, row: &'a Row) -> &'a str {
        &row.values[self.name_col]
    }

    /// The columns the digest covers (an officer roster's `name` is not one, §3.4),
    /// sorted as the canonical encoding sorts them.
    pub fn sorted_columns(&self) -> Vec<String> {
        let mut cols: Vec<String> = digested(self.kind, &self.columns)
            .into_iter()
            .map(|c| self.columns[c].clone())
            .collect();
        cols.sort();
        cols
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::options::IdCheck;

    fn parse(s: &str) -> Result<Table> {
        Table::from_csv(TableKind::Targets, "t.csv", s.as_bytes())
    }

    const A: &str = "91110000802100433B";
    const B: &str = "91110108551385082Q";

    #[test]
    fn reads_bom_crlf_aliases_and_normalises() {
        let t = parse("\u{FEFF}统一社会信用代码, 企业名称 ,信用风险分类,身份证号\r\n ９１１１０１０８５５１３８５０８２ｑ ,甲公司 ,B类,420102199001011234\r\n").unwrap();
        assert_eq!(t.columns, ["id", "name", "risk"]);
        assert_eq!(t.rows[0].values, [B, "甲公司", "B"]);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.dropped, ["身份证号"]);
    }

    #[test]
    fn duplicate_ids_are_all_listed_with_both_lines() {
        let e = parse(&format!("id,name\n{A},x\n{B},y\n{A},z\n{B},w\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "t.csv: 2 problems; nothing was drawn\n  t.csv:4:1: duplicate id '{A}' (first seen on line 2)\n  t.csv:5:1: duplicate id '{B}' (first seen on line 3)"
            )
        );
        let e = parse(&format!("id,name\n{A},x\n{A},y\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("t.csv:3:1: duplicate id '{A}' (first seen on line 2)")
        );
    }

    #[test]
    fn at_most_fifty_problems_are_listed_then_a_count() {
        let text = format!("id,name\n{}", format!("{A},x\n").repeat(61));
        let e = parse(&text).unwrap_err();
        let message = e.to_string();
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(lines[0], "t.csv: 60 problems; nothing was drawn");
        assert_eq!(lines.len(), 1 + 50 + 1);
        assert_eq!(lines[51], "  … and 10 more");
        assert_eq!(
            lines[1],
            format!("  t.csv:3:1: duplicate id '{A}' (first seen on line 2)")
        );
    }

    #[test]
    fn missing_column_lists_the_header() {
        let e = parse("code,name\nA,x\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:1: missing required column 'id' (a header may name it 统一社会信用代码 / 社会信用代码 / id; found: code,name)"
        );
        assert_eq!(
            e.message(crate::messages::Lang::Zh),
            "t.csv:1: 表头中没有必需的“id”列（列名可写作 统一社会信用代码 / 社会信用代码 / id；现有列：code,name）"
        );
    }

    #[test]
    fn ragged_row_is_located() {
        let e = parse(&format!("id,name\n{A},x,extra\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:2: malformed CSV: this row has 3 fields, the header has 2"
        );
    }

    #[test]
    fn gbk_is_detected() {
        // "id,name\n<A>,存续" with 存续 in GBK.
        let mut bytes = format!("id,name\n{A},").into_bytes();
        bytes.extend_from_slice(b"\xb4\xe6\xd0\xf8\n");
        let t = Table::from_csv(TableKind::Targets, "t.csv", &bytes).unwrap();
        assert_eq!(t.rows[0].values[1], "存续");
    }

    #[test]
    fn invalid_ids_strict_warn_allowlist() {
        let pilot = "91350100M0001TGQXM";
        let text = format!("id,name\n{pilot},试点\n{A},x\n");
        let e = parse(&text).unwrap_err();
        assert!(
            e.to_string().starts_with(&format!(
                "t.csv:2:1: invalid id '{pilot}': fails the GB 32100-2015 check character"
            )),
            "{e}"
        );
        let mut options = TableOptions::default();
        options.id_check.allowlist.insert(pilot.to_owned());
        let t = Table::parse(TableKind::Targets, "t.csv", text.as_bytes(), &options).unwrap();
        assert_eq!(t.allowlisted, [pilot]);
        let options = TableOptions {
            id_check: IdCheck {
                mode: IdCheckMode::Warn,
                ..IdCheck::default()
            },
            ..TableOptions::default()
        };
        let t = Table::parse(TableKind::Targets, "t.csv", text.as_bytes(), &options).unwrap();
        assert_eq!(t.unchecked, [pilot]);
    }

    #[test]
    fn an_officer_status_is_read_only_as_on_duty_or_not() {
        // Issue 14: 正常 and 在职 have the byte length of 在岗, and 停职中 of 不在岗; the
        // reader kept such raw cells as they were, publishing the roster's text.
        let t = Table::from_csv(
            TableKind::Officers,
            "o.csv",
            "id,name,status\nE1,甲,在岗\nE2,乙,正常\nE3,丙,在职\nE4,丁,停职中\nE5,戊,病假（住院）\nE6,己,\n"
                .as_bytes(),
        )
        .unwrap();
        let status: Vec<&str> = t.rows.iter().map(|r| r.values[2].as_str()).collect();
        assert_eq!(
            status,
            ["在岗", "在岗", "在岗", "不在岗", "不在岗", "不在岗"]
        );
    }

    #[test]
    fn typed_values_are_checked() {
        let e = parse(&format!(
            "id,name,risk,last_inspected\n{A},x,E,2027-13-01\n"
        ))
        .unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("t.csv:2:3: 'risk' = 'E': expected a credit risk class"),
            "{text}"
        );
        assert!(
            text.contains("t.csv:2:4: 'last_inspected' = '2027-13-01': expected a date"),
            "{text}"
        );
        let t = parse(&format!("id,name,上次检查日期\n{A},x,2026年3月5日\n")).unwrap();
        assert_eq!(t.rows[0].values[2], "2026-03-05");
    }

    #[test]
    fn empty_required_fields_controls_and_limits() {
        assert_eq!(
            parse("id,name\n ,x\n").unwrap_err().to_string(),
            "t.csv:2:1: empty 'id': every row needs one"
        );
        assert!(matches!(
            parse(&format!("id,name\n{A},x\u{1}y\n")),
            Err(e) if e.kind() == ErrorKind::ControlCharacter
        ));
        assert!(matches!(parse(""), Err(e) if e.kind() == ErrorKind::EmptyTable));
        assert!(matches!(
            parse("id,name,ID\n"),
            Err(e) if e.kind() == ErrorKind::DuplicateColumn
                && e.value("first") == Some(&crate::messages::Arg::Count(1))
        ));
        let wide = (0..10_000)
            .map(|i| format!("c{i}"))
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            parse(&wide).unwrap_err().to_string(),
            "t.csv:1: the number of columns (10000) exceeds the limit of 1024"
        );
        let long = format!("id,name\n{A},{}\n", "x".repeat(5000));
        assert_eq!(
            parse(&long).unwrap_err().to_string(),
            "t.csv:2:2: field 'name' (5000 bytes) exceeds the limit of 4096"
        );
        let e = parse("id,na\u{1}me\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:1:2: 'the header' contains the control character U+0001"
        );
        let zh = e.message(crate::messages::Lang::Zh);
        assert_eq!(zh, "t.csv:1:2: 表头含有控制字符 U+0001");
    }

    #[test]
    fn line_numbers_survive_crlf_and_blank_lines() {
        let t = parse(&format!(
            "id,name\r\n{A},x\r\n{B},\"y, z\"\r\n\r\n91440300192317458F,z\r\n"
        ))
        .unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 5]);
        let e = parse(&format!("id,name\r\n{A},x\r\n{B},\"two\r\nlines\"\r\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:3:2: 'name' contains the control character U+000D"
        );
    }
}
