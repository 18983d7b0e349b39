//! A worksheet of an `.xlsx` workbook read cell by cell, within the limits the workbook is
//! checked against first ([`workbook`]).

use std::io::Cursor;

use calamine::{Data, Reader as _, Xlsx};

use super::cells::{Grid, Layout, Style, check_columns, empty_table, number_text};
use crate::dates::Date;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::workbook;

/// A worksheet cell's text (SPEC.md §3.1), or the error value it holds.
fn cell_text(cell: Data) -> std::result::Result<String, calamine::CellErrorType> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::DateTimeIso(s) => iso_date_text(&s).unwrap_or(s),
        Data::String(s) | Data::DurationIso(s) => s,
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(f),
        Data::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(when) => {
            let (year, month, day, hour, minute, second, _) = when.to_ymd_hms_milli();
            let date = Date::new(year, month, day).map_or_else(
                || format!("{year:04}-{month:02}-{day:02}"),
                |d| d.to_string(),
            );
            if (hour, minute, second) == (0, 0, 0) {
                date
            } else {
                format!("{date} {hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::Error(e) => return Err(e),
    })
}

/// A number of 16 or more integer digits: a spreadsheet keeps 15 significant digits, so
/// a code typed or pasted as one (a USCC `914201001234567890` read back as
/// `914201001234568000`) has lost its last digits (SPEC.md §3.1).
fn long_number(cell: &Data) -> bool {
    match *cell {
        Data::Int(i) => i.unsigned_abs() >= 1_000_000_000_000_000,
        Data::Float(f) => f.abs() >= 1e15,
        _ => false,
    }
}

/// An ISO 8601 date cell (`t="d"`, `2023-03-15T00:00:00`) written as any other date
/// cell (SPEC.md §3.1): `YYYY-MM-DD`, with ` HH:MM:SS` when the time is not midnight, a
/// fraction of a second dropped. `None` when the text is not such a date.
fn iso_date_text(s: &str) -> Option<String> {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = Date::parse(date)?;
    let digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
    let time = time.split(['.', 'Z', '+']).next().unwrap_or("");
    let hms: Vec<&str> = if time.is_empty() {
        vec!["00", "00", "00"]
    } else {
        time.split(':').collect()
    };
    if hms.len() != 3 || !hms.iter().all(|t| digits(t)) {
        return None;
    }
    Some(if hms == ["00", "00", "00"] {
        date.to_string()
    } else {
        format!("{date} {}", hms.join(":"))
    })
}

/// A cell read, or the error value it holds.
type CellText = std::result::Result<String, calamine::CellErrorType>;

/// Reads a worksheet within the documented limits ([`read_book`]), with its [`Layout`] when
/// `layout` asks for it.
pub(super) fn xlsx(
    source: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    is_header: &dyn Fn(&[String]) -> bool,
    layout: bool,
) -> Result<Grid> {
    let limits = workbook::Limits::DEFAULT;
    read_book(source, bytes, sheet, is_header, limits, layout)
}

/// [`read_book`] within `limits`, without the layout: as the workbook's tests read.
#[cfg(test)]
pub(crate) fn xlsx_within(
    source: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    is_header: &dyn Fn(&[String]) -> bool,
    limits: workbook::Limits,
) -> Result<Grid> {
    read_book(source, bytes, sheet, is_header, limits, false)
}

/// Reads a worksheet within `limits` ([`workbook`]: a workbook is checked part by part
/// before calamine reads it, and what its cells take is counted as they are read): the
/// one named, or else the first whose rows hold a header (`is_header`, SPEC.md §3.1), or
/// else the first. The grid's header is its header row; its [`Layout`] is read when
/// `layout` asks for it.
fn read_book(
    source: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    is_header: &dyn Fn(&[String]) -> bool,
    limits: workbook::Limits,
    layout: bool,
) -> Result<Grid> {
    let at = || Location::file(source);
    let package = workbook::Package::open(source, bytes, limits)?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        Error::with_id(ErrorKind::Xlsx, "xlsx-not-workbook-detail")
            .at(at())
            .arg("detail", e.to_string())
            .caused_by(e)
    })?;
    // calamine opened an archive the checks could not open: never (they share the zip
    // reader), and refused rather than read unchecked.
    let mut package =
        package.ok_or_else(|| Error::with_id(ErrorKind::Xlsx, "xlsx-not-workbook").at(at()))?;
    let names = book.sheet_names();
    match sheet {
        Some(s) => {
            let index = names.iter().position(|n| n.as_str() == s).ok_or_else(|| {
                Error::with_id(ErrorKind::Xlsx, "xlsx-no-such-sheet")
                    .at(at())
                    .arg("sheet", s)
                    .arg("sheets", names.join(", "))
            })?;
            let mut grid = worksheet(source, &mut book, &mut package, &names, index, layout)?;
            if grid.find_header(is_header) {
                grid.trim_columns();
            }
            Ok(grid)
        }
        None if names.is_empty() => Err(Error::with_id(ErrorKind::Xlsx, "xlsx-no-sheets").at(at())),
        None => {
            // An exporter's instructions sheet before the data: the first sheet with a
            // header row is the table's. One sheet is held at a time.
            for index in 0..names.len() {
                let mut grid =
                    match worksheet(source, &mut book, &mut package, &names, index, layout) {
                        // An empty sheet, or a chart.
                        Err(e) if e.kind() == ErrorKind::EmptyTable => continue,
                        read => read?,
                    };
                if grid.find_header(is_header) {
                    grid.trim_columns();
                    return Ok(grid);
                }
            }
            worksheet(source, &mut book, &mut package, &names, 0, layout)
        }
    }
}

/// The worksheet at `index`, its first row the header; with its [`Layout`] when `layout`
/// asks for it.
fn worksheet(
    source: &str,
    book: &mut Xlsx<Cursor<&[u8]>>,
    package: &mut workbook::Package,
    names: &[String],
    index: usize,
    layout: bool,
) -> Result<Grid> {
    let at = || Location::file(source);
    let name = names[index].clone();
    let (mut budget, merged) = if layout {
        package.check_sheet_merged(index)?
    } else {
        (package.check_sheet(index)?, Vec::new())
    };
    let mut shown = Layout::default();
    // The sheet's cells as the reader meets them, each row's kept apart: the sheet is
    // never held as a whole grid of cells (calamine's `worksheet_range` holds it three
    // times over while it builds one). Empty cells do not count, as in `worksheet_range`.
    let cannot = |e: calamine::XlsxError| {
        Error::with_id(ErrorKind::Xlsx, "xlsx-sheet-unreadable")
            .at(at())
            .arg("sheet", name.clone())
            .arg("detail", e.to_string())
            .caused_by(e)
    };
    let mut sparse: Vec<(u32, Vec<(u32, CellText)>)> = Vec::new();
    let mut in_order = true;
    let mut count: u64 = 0;
    let mut long_numbers = Vec::new();
    match book.worksheet_cells_reader(&name) {
        // A chart sheet: no cells.
        Err(calamine::XlsxError::NotAWorksheet(_)) => {}
        Err(e) => return Err(cannot(e)),
        Ok(mut reader) => {
            // How each style shows a number, when the layout is asked for.
            let formats: Vec<Shown> = if layout {
                let styles = reader.styles();
                styles.iter().map(number_shown).collect()
            } else {
                Vec::new()
            };
            loop {
                // The same cells either way: calamine reads a cell's style with it.
                let (cell, style) = if layout {
                    match reader.next_cell_with_style_id().map_err(cannot)? {
                        Some(cell) => cell,
                        None => break,
                    }
                } else {
                    match reader.next_cell().map_err(cannot)? {
                        Some(cell) => (cell, 0),
                        None => break,
                    }
                };
                let text = match cell.get_value() {
                    calamine::DataRef::Empty => continue,
                    calamine::DataRef::String(s)
                    | calamine::DataRef::DateTimeIso(s)
                    | calamine::DataRef::DurationIso(s) => s.len(),
                    calamine::DataRef::SharedString(s) => s.len(),
                    _ => 24,
                };
                // Counted before the text is copied: a shared string may be long, and
                // every cell that names it holds a copy; the text twice, as the target
                // directory copies the values it keeps while the table still holds them.
                budget.take(workbook::CELL_BYTES + 2 * text as u64)?;
                count += 1;
                let (r, c) = cell.get_position();
                let number = matches!(
                    cell.get_value(),
                    calamine::DataRef::Float(_) | calamine::DataRef::Int(_)
                );
                let place = (u64::from(r) + 1, u64::from(c));
                match formats.get(style) {
                    Some(Shown::Percent) if number => shown.percent.push(place),
                    Some(Shown::PercentSign) if number => shown.percent_sign.push(place),
                    _ => {}
                }
                let data = Data::from(cell.get_value().clone());
                if long_number(&data) {
                    long_numbers.push((r, c));
                }
                let value = cell_text(data);
                match sparse.last_mut() {
                    Some((last, cells)) if *last == r => {
                        in_order &= cells.last().is_none_or(|&(p, _)| p < c);
                        cells.push((c, value));
                    }
                    last => {
                        budget.take(workbook::ROW_BYTES)?;
                        in_order &= last.as_ref().is_none_or(|(p, _)| *p < r);
                        // As many cells as the row before: no room wasted on growth.
                        let mut cells = Vec::with_capacity(last.map_or(1, |(_, l)| l.len()));
                        cells.push((c, value));
                        sparse.push((r, cells));
                    }
                }
            }
        }
    }
    if !in_order {
        // Rows or cells out of order (Excel never writes them so): sorted, a later cell
        // at the same place replacing an earlier one. The list, the sort's scratch and the
        // rows rebuilt are held at once.
        budget.take(count.saturating_mul(96))?;
        let mut all: Vec<(u32, u32, CellText)> = Vec::with_capacity(count as usize);
        all.extend(
            sparse
                .into_iter()
                .flat_map(|(r, cells)| cells.into_iter().map(move |(c, v)| (r, c, v))),
        );
        all.sort_by_key(|&(r, c, _)| (r, c));
        sparse = Vec::new();
        for (r, c, v) in all {
            match sparse.last_mut() {
                Some((last, cells)) if *last == r => match cells.last_mut() {
                    Some(same) if same.0 == c => same.1 = v,
                    _ => cells.push((c, v)),
                },
                _ => sparse.push((r, vec![(c, v)])),
            }
        }
    }
    let first_row = sparse.first().map_or(0, |(r, _)| *r);
    let (first_col, last_col) = sparse
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
        .fold((u32::MAX, 0), |(lo, hi), c| (lo.min(c), hi.max(c)));
    if sparse.is_empty() {
        return Err(empty_table(source));
    }
    let width = (last_col - first_col) as usize + 1;
    check_columns(source, u64::from(first_row) + 1, width)?;
    // Each row made whole: a place for every column, kept or empty.
    budget.take((sparse.len() as u64).saturating_mul(width as u64 * workbook::PLACE_BYTES))?;
    let at_cell = |row: u64, col: usize| {
        let mut at = Location::line(source, row);
        at.column = Some(u64::from(first_col) + col as u64 + 1);
        at.sheet = Some(name.clone());
        at
    };
    let header_row = u64::from(first_row) + 1;
    // Each row made whole (empty strings where it has no cell); the first error value in
    // row order fails the sheet.
    let dense = |cells: Vec<(u32, CellText)>, row: u64| -> Result<Vec<String>> {
        let mut values = vec![String::new(); width];
        for (c, v) in cells {
            let col = (c - first_col) as usize;
            values[col] = v.map_err(|e| {
                Error::with_id(ErrorKind::Xlsx, "xlsx-cell-error")
                    .at(at_cell(row, col))
                    .arg("error", e.to_string())
            })?;
        }
        Ok(values)
    };
    let mut sparse = sparse.into_iter();
    let (_, header_cells) = sparse.next().expect("not empty");
    let header = dense(header_cells, header_row)?;
    let mut rows = Vec::with_capacity(sparse.len());
    for (r, cells) in sparse {
        let row = u64::from(r) + 1;
        rows.push((row, dense(cells, row)?));
    }
    let mut grid = Grid::new(source, Style::Cells(name), header, header_row);
    grid.rows = rows;
    grid.column_offset = u64::from(first_col);
    grid.long_numbers = long_numbers
        .into_iter()
        .map(|(r, c)| (u64::from(r) + 1, (c - first_col) as usize))
        .collect();
    budget.take((shown.percent.len() + shown.percent_sign.len()) as u64 * 16)?;
    shown.merged = merged
        .into_iter()
        .map(|m| {
            let place = |(r, c): (u32, u32)| (u64::from(r) + 1, u64::from(c));
            (place(m.first), place(m.last))
        })
        .collect();
    grid.layout = shown;
    Ok(grid)
}

/// How a number format shows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// As it is, or as a date.
    Plain,
    /// As a percentage: `0%`, `0.00%` (0.03 shows as 3%).
    Percent,
    /// As it is with a percent sign after it: `0"%"`, `0\%` (3 shows as 3%).
    PercentSign,
}

/// How a style shows a number: by the first section of its number format (the one for
/// positive numbers), a `%` outside quotes, escapes and brackets scaling it by 100, a `%`
/// quoted or escaped written as it is.
fn number_shown(style: &calamine::Style) -> Shown {
    let Some(format) = &style.number_format else {
        return Shown::Plain;
    };
    let mut chars = format.format_code.chars();
    let (mut quoted, mut bracketed, mut sign) = (false, false, false);
    while let Some(c) = chars.next() {
        match c {
            '"' if !bracketed => quoted = !quoted,
            '%' if quoted => sign = true,
            _ if quoted => {}
            '[' => bracketed = true,
            ']' => bracketed = false,
            _ if bracketed => {}
            // The character after `\` is written as it is; after `_` and `*`, it pads.
            '\\' => sign |= chars.next() == Some('%'),
            '_' | '*' => {
                chars.next();
            }
            '%' => return Shown::Percent,
            ';' => break,
            _ => {}
        }
    }
    if sign {
        Shown::PercentSign
    } else {
        Shown::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header and rows with their row numbers.
    type Sheet = (Vec<String>, Vec<(u64, Vec<String>)>);

    /// The sheet as calamine's `worksheet_range` gives it, whole: what [`xlsx`] must match.
    fn whole_range(bytes: &[u8]) -> Result<Sheet> {
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let name = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&name).unwrap();
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let row = u64::from(first_row) + 1 + i as u64;
            let mut texts = Vec::new();
            for (c, cell) in cells.iter().enumerate() {
                texts.push(cell_text(cell.clone()).map_err(|e| {
                    Error::with_id(ErrorKind::Xlsx, "xlsx-cell-error")
                        .at(Location {
                            column: Some(u64::from(first_col) + c as u64 + 1),
                            sheet: Some(name.clone()),
                            ..Location::line("t.xlsx", row)
                        })
                        .arg("error", e.to_string())
                })?);
            }
            rows.push((row, texts));
        }
        if rows.is_empty() {
            return Err(empty_table("t.xlsx"));
        }
        let header = rows.remove(0).1;
        rows.retain(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
        Ok((header, rows))
    }

    fn same_as_whole_range(bytes: &[u8]) {
        let read = |layout| {
            xlsx("t.xlsx", bytes, None, &|_| true, layout).map(|mut g| {
                g.rows
                    .retain(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
                (g.header, g.rows)
            })
        };
        let streamed = read(false);
        // Read with its layout, the same cells.
        assert_eq!(format!("{:?}", read(true)), format!("{streamed:?}"));
        match (whole_range(bytes), streamed) {
            (Ok(a), Ok(b)) => assert_eq!(a, b),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
            (a, b) => panic!("whole range: {a:?}\nread by cell: {b:?}"),
        }
    }

    /// A workbook of one sheet whose XML is `rows`, as a stored (uncompressed) zip.
    fn workbook(sheet_data: &str) -> Vec<u8> {
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
        );
        let mut files = workbook::fixtures::parts("名录");
        files.push(("xl/worksheets/sheet1.xml".into(), sheet.into_bytes()));
        workbook::fixtures::stored_zip(&files)
    }

    fn cell(at: &str, text: &str) -> String {
        format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
    }

    #[test]
    fn a_sheet_read_cell_by_cell_is_the_whole_range() {
        let header = format!(
            r#"<row r="3">{}{}</row>"#,
            cell("C3", "id"),
            cell("D3", "name")
        );
        let cases = [
            // In order, from C3, a blank row, a row with a gap and a number.
            format!(
                r#"{header}<row r="4">{}{}</row><row r="6"><c r="E6"><v>42</v></c>{}</row>"#,
                cell("C4", "91110000802100433B"),
                cell("D4", "甲"),
                cell("F6", "x")
            ),
            // Rows and cells out of order; a cell written twice (the later one counts).
            format!(
                r#"<row r="5">{}{}</row>{header}<row r="4">{}{}{}</row>"#,
                cell("D5", "乙"),
                cell("C5", "91110108551385082Q"),
                cell("D4", "甲"),
                cell("C4", "wrong"),
                cell("C4", "91110000802100433B")
            ),
            // An error value, after an empty cell left of the header.
            format!(
                r#"{header}<row r="4"><c r="B4"/>{}<c r="D4" t="e"><v>#N/A</v></c></row>"#,
                cell("C4", "91110000802100433B")
            ),
            // An error value written over (not an error any more), then one that stays.
            format!(
                r#"{header}<row r="4"><c r="D4" t="e"><v>#N/A</v></c>{}{}</row><row r="5"><c r="C5" t="e"><v>#REF!</v></c></row>"#,
                cell("C4", "91110000802100433B"),
                cell("D4", "甲")
            ),
            // Nothing but empty cells.
            r#"<row r="1"><c r="A1"/></row>"#.to_owned(),
        ];
        for sheet in &cases {
            same_as_whole_range(&workbook(sheet));
        }
        let read = |i: usize| xlsx("t.xlsx", &workbook(&cases[i]), None, &|_| true, false);
        let g = read(1).unwrap();
        assert_eq!(
            (g.header_at, g.header),
            (3, vec!["id".to_owned(), "name".to_owned()])
        );
        assert_eq!(
            g.rows,
            [
                (4, vec!["91110000802100433B".to_owned(), "甲".to_owned()]),
                (5, vec!["91110108551385082Q".to_owned(), "乙".to_owned()]),
            ]
        );
        assert_eq!(read(0).unwrap().rows[1].1, ["", "", "42", "x"]);
        assert_eq!(
            read(2).unwrap_err().to_string(),
            "t.xlsx:名录!D4: the cell holds the error #N/A"
        );
        assert_eq!(
            read(3).unwrap_err().to_string(),
            "t.xlsx:名录!C5: the cell holds the error #REF!"
        );
        // One cell in the sheet's last column and row: the whole range would be 17 billion
        // cells (calamine's `worksheet_range` allocates them); read by cell, it is the
        // column limit.
        let far = format!("{header}{}", cell("XFD1048576", "x"));
        let e = xlsx("t.xlsx", &workbook(&far), None, &|_| true, false).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.xlsx:3: the number of columns (16382) exceeds the limit of 1024"
        );
        // Made by an Excel writer: dates, numbers, booleans, gaps.
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        ws.write_string(1, 1, "id").unwrap();
        ws.write_string(1, 3, "成立日期").unwrap();
        ws.write_string(2, 1, "91110000802100433B").unwrap();
        ws.write_number(2, 2, 420_102).unwrap();
        ws.write_datetime_with_format(
            2,
            3,
            rust_xlsxwriter::ExcelDateTime::from_ymd(2027, 3, 1).unwrap(),
            &date,
        )
        .unwrap();
        ws.write_boolean(4, 4, true).unwrap();
        same_as_whole_range(&book.save_to_buffer().unwrap());
    }

    #[test]
    fn a_sheet_s_layout_when_asked_for() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let ws = book.add_worksheet();
        let format = |f: &str| rust_xlsxwriter::Format::new().set_num_format(f);
        let plain = rust_xlsxwriter::Format::new();
        ws.merge_range(0, 0, 0, 3, "任务表", &plain).unwrap();
        for (c, h) in ["任务编号", "抽查比例", "每组人数", "备注"]
            .iter()
            .enumerate()
        {
            ws.write_string(1, c as u16, *h).unwrap();
        }
        ws.write_number_with_format(2, 1, 0.03, &format("0%"))
            .unwrap();
        ws.write_number_with_format(3, 1, 0.035, &format("0.0%;[Red]-0.0%"))
            .unwrap();
        ws.write_number_with_format(4, 1, 3, &format("0\"%\""))
            .unwrap();
        ws.write_number_with_format(5, 1, 3, &format("0\\%"))
            .unwrap();
        ws.write_number_with_format(6, 1, 3, &format("[$%-409]0"))
            .unwrap();
        ws.write_string_with_format(7, 1, "0.03", &format("0%"))
            .unwrap();
        ws.write_number(8, 1, 0.5).unwrap();
        ws.merge_range(2, 2, 4, 2, "", &plain).unwrap();
        ws.write_number(2, 2, 3).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let g = xlsx("t.xlsx", &bytes, None, &|_| true, true).unwrap();
        let mut merged = g.layout.merged.clone();
        merged.sort_unstable();
        assert_eq!(merged, [((1, 0), (1, 3)), ((3, 2), (5, 2))]);
        assert_eq!(g.layout.percent, [(3, 1), (4, 1)]);
        assert_eq!(g.layout.percent_sign, [(5, 1), (6, 1)]);
        // The cells are their text either way; without being asked, no layout.
        let plain = xlsx("t.xlsx", &bytes, None, &|_| true, false).unwrap();
        assert_eq!((&plain.header, &plain.rows), (&g.header, &g.rows));
        assert!(plain.layout.merged.is_empty() && plain.layout.percent.is_empty());
        assert_eq!(g.rows[1].1[1], "0.03");
    }
}
