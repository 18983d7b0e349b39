//! A notice's sheet as CSV for people: UTF-8 with a BOM (so that Excel opens it as UTF-8),
//! CRLF, and each cell guarded against formulas ([`people_csv_cell`]).

use super::common::people_csv_cell;
use super::model::Notice;

impl Notice {
    /// The notice's sheet as CSV: the headings, then a row per entity.
    pub fn csv(&self) -> Vec<u8> {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(vec![0xEF, 0xBB, 0xBF]);
        let table = &self.sheet.table;
        w.write_record(table.columns.iter().map(|c| c.heading.as_str()))
            .expect("writing to memory");
        for row in &table.rows {
            w.write_record(row.cells.iter().map(|c| people_csv_cell(c).into_owned()))
                .expect("writing to memory");
        }
        w.into_inner().expect("writing to memory")
    }
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
