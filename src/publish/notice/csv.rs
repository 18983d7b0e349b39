//! A notice's sheet as CSV for people: UTF-8 with a BOM (so that Excel opens it as UTF-8),
//! CRLF, and each cell guarded against formulas ([`people_csv_cell`]).

use super::common::people_csv_cell;
use super::model::Notice;

impl Notice {
    /// The notice's sheet as CSV: the headings, then a row per entity.
    pub fn csv(&self) -> Vec<u8> {
        let table = &self.sheet.table;
        people_csv(
            table.columns.iter().map(|c| c.heading.as_str()),
            table
                .rows
                .iter()
                .map(|row| row.cells.iter().map(String::as_str)),
        )
    }
}

/// A table as CSV for people (a notice's sheet, the clerk's list of exclusions): UTF-8 with
/// a BOM, CRLF, quoted as needed, every cell guarded against formulas.
pub fn people_csv<H, R, C>(header: H, rows: R) -> Vec<u8>
where
    H: IntoIterator,
    H::Item: AsRef<str>,
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    w.write_record(header.into_iter().map(|h| h.as_ref().to_owned()))
        .expect("writing to memory");
    for row in rows {
        w.write_record(
            row.into_iter()
                .map(|c| people_csv_cell(c.as_ref()).into_owned()),
        )
        .expect("writing to memory");
    }
    w.into_inner().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::super::model::fixtures::hostile;

    #[test]
    fn the_sheet_with_a_bom_crlf_and_formulas_guarded() {
        let csv = String::from_utf8(hostile().csv()).unwrap();
        assert!(csv.starts_with("\u{feff}No.,"), "{csv}");
        assert!(
            csv.contains("\r\n2,\"'=HYPERLINK(\"\"x\"\")\",\r\n"),
            "{csv}"
        );
    }
}
