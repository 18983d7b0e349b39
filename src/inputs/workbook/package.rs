//! A workbook's package checked part by part before calamine reads it ([`Package`]), and
//! what its cells may still take ([`Budget`]).

use std::collections::HashMap;
use std::io::{BufReader, Cursor};

use quick_xml::events::Event;
use zip::ZipArchive;

use super::bounded::{Bounded, Exceeded};
use super::markup::{Found, Gathering, Merged, Role};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::inputs::limits;

/// The limits a workbook is read within: [`limits`]' in use, smaller ones in tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Inflated size of the worksheet and of the shared strings.
    pub sheet: u64,
    /// Inflated size of each other part calamine reads.
    pub part: u64,
    /// A piece of markup or text, or an element whose text calamine gathers.
    pub element: u64,
    /// The estimated memory of what calamine and the grid keep.
    pub memory: u64,
}

impl Limits {
    /// The documented limits.
    pub(crate) const DEFAULT: Limits = Limits {
        sheet: limits::XLSX_SHEET_BYTES,
        part: limits::XLSX_PART_BYTES,
        element: limits::XLSX_ELEMENT_BYTES,
        memory: limits::XLSX_MEMORY_BYTES,
    };
}

/// The memory the grid reader counts for each cell it keeps (its place in a row, a string's
/// allocation, room for growth) besides twice the cell's text, for each row (the row's place
/// in the grid, the table and the directory, its id indexed, its digest), and for each place
/// in a row made whole.
pub(crate) const CELL_BYTES: u64 = 64;
/// See [`CELL_BYTES`].
pub(crate) const ROW_BYTES: u64 = 320;
/// See [`CELL_BYTES`].
pub(crate) const PLACE_BYTES: u64 = 24;

/// What a workbook's cells may still take, by the estimate [`Package`] began.
#[derive(Debug)]
pub(crate) struct Budget {
    source: String,
    left: u64,
    limit: u64,
}

impl Budget {
    /// Counts `bytes` more, or refuses the workbook when they do not fit.
    pub(crate) fn take(&mut self, bytes: u64) -> Result<()> {
        match self.left.checked_sub(bytes) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(memory_error(&self.source, self.limit)),
        }
    }
}

/// What of a part exceeds its limit.
#[derive(Debug, Clone, Copy)]
enum Beyond {
    /// The part, inflated.
    Part,
    /// A piece of markup or text in it.
    Markup,
    /// An element whose text is gathered into one value.
    Element,
}

fn too_large(source: &str, name: &str, beyond: Beyond, limit: u64) -> Error {
    let e = match beyond {
        Beyond::Part => Error::with_id(ErrorKind::XlsxTooLarge, "xlsx-too-large-part"),
        Beyond::Markup => Error::with_id(ErrorKind::XlsxTooLarge, "xlsx-too-large-markup"),
        Beyond::Element => Error::with_id(ErrorKind::XlsxTooLarge, "xlsx-too-large-element"),
    };
    e.at(Location::file(source))
        .arg("part", name)
        .arg("limit", crate::error::mebibytes(limit))
}

fn memory_error(source: &str, limit: u64) -> Error {
    Error::with_id(ErrorKind::XlsxTooLarge, "xlsx-too-large-memory")
        .at(Location::file(source))
        .arg("limit", crate::error::mebibytes(limit))
}

/// The workbook's parts that calamine reads, checked before it reads them.
pub(crate) struct Package<'a> {
    source: &'a str,
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// The archive's names by their lower-cased form, as calamine looks parts up.
    names: HashMap<String, String>,
    /// The folder of the workbook part, e.g. `xl/`.
    xl_path: String,
    /// The relationships of the workbook part: id → target.
    relationships: HashMap<String, String>,
    /// The relationship id of each `<sheet>` of the workbook, in order.
    sheets: Vec<String>,
    limits: Limits,
    /// The estimated memory of what calamine keeps once it has opened the workbook.
    held: u64,
}

/// The eight bytes that begin an OLE compound file: an encrypted workbook, or an `.xls`.
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

impl<'a> Package<'a> {
    /// Checks the parts calamine reads when it opens a workbook: the package's and the
    /// workbook's relationships, the workbook, the shared strings, the theme and the styles.
    /// `None` for bytes that are not a zip archive (calamine then says why it cannot read
    /// them).
    pub(crate) fn open(source: &'a str, bytes: &'a [u8], limits: Limits) -> Result<Option<Self>> {
        if bytes.starts_with(OLE_MAGIC) {
            // calamine would look for an encrypted package in it, following sector chains that
            // a crafted file can make endless; the two cases are told apart by name instead.
            let encrypted = "EncryptedPackage"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>();
            let e = if bytes.windows(encrypted.len()).any(|w| w == encrypted) {
                Error::with_id(ErrorKind::Xlsx, "xlsx-encrypted")
            } else {
                Error::with_id(ErrorKind::Xlsx, "xlsx-ole")
            };
            return Err(e.at(Location::file(source)));
        }
        let Ok(zip) = ZipArchive::new(Cursor::new(bytes)) else {
            return Ok(None);
        };
        // calamine's lookup: names with `\` as `/`, lower-cased; the last of equal names wins.
        // A name that cannot be decoded stops calamine too.
        let Ok(names) = zip
            .file_names()
            .map(|n| n.map(|n| (n.replace('\\', "/").to_ascii_lowercase(), n.into_owned())))
            .collect::<std::result::Result<HashMap<_, _>, _>>()
        else {
            return Ok(None);
        };
        let mut package = Package {
            source,
            // The archive's entries, held twice (here and by calamine), and its names.
            held: zip.len() as u64 * 1024,
            zip,
            names,
            xl_path: "xl/".into(),
            relationships: HashMap::new(),
            sheets: Vec::new(),
            limits,
        };
        let mut workbook_name = "workbook.xml".to_owned();
        if let Some(found) = package.scan("_rels/.rels", Role::PackageRels)?
            && let Some(target) = found.office_document
        {
            let (dir, name) = target
                .rfind('/')
                .map_or(("", target.as_str()), |i| target.split_at(i + 1));
            dir.strip_prefix('/')
                .unwrap_or(dir)
                .clone_into(&mut package.xl_path);
            if !name.is_empty() {
                name.clone_into(&mut workbook_name);
            }
        }
        let xl = package.xl_path.clone();
        if let Some(found) = package.scan(
            &format!("{xl}_rels/{workbook_name}.rels"),
            Role::WorkbookRels,
        )? {
            package.relationships = found.relationships;
        }
        if let Some(found) = package.scan(&format!("{xl}{workbook_name}"), Role::Workbook)? {
            package.sheets = found.sheets;
        }
        package.scan(&format!("{xl}sharedStrings.xml"), Role::SharedStrings)?;
        package.scan(&format!("{xl}theme/theme1.xml"), Role::Theme)?;
        package.scan(&format!("{xl}styles.xml"), Role::Styles)?;
        if package.held > limits.memory {
            return Err(memory_error(source, limits.memory));
        }
        Ok(Some(package))
    }

    /// Checks the worksheet calamine reads for the workbook's `index`-th sheet (0-based, in
    /// the order of `Reader::sheet_names`), and returns what its cells may take.
    pub(crate) fn check_sheet(&mut self, index: usize) -> Result<Budget> {
        self.check(index, Found::default())
            .map(|(budget, _)| budget)
    }

    /// [`Package::check_sheet`], keeping the worksheet's merged ranges, counted in what
    /// its cells may take.
    pub(crate) fn check_sheet_merged(&mut self, index: usize) -> Result<(Budget, Vec<Merged>)> {
        self.check(index, Found::keeping_merged())
            .map(|(budget, found)| (budget, found.and_then(|f| f.merged).unwrap_or_default()))
    }

    fn check(&mut self, index: usize, found: Found) -> Result<(Budget, Option<Found>)> {
        let path = self
            .sheets
            .get(index)
            .and_then(|id| self.relationships.get(id))
            .map(|target| match target.strip_prefix('/') {
                Some(absolute) => absolute.to_owned(),
                None => format!("{}{target}", self.xl_path),
            });
        // calamine found the part the same way, so it is found; were it not, the sheet
        // would be read unchecked: refused.
        let Some(path) = path else {
            return Err(Error::with_id(ErrorKind::Xlsx, "xlsx-no-sheet-part")
                .at(Location::file(self.source))
                .arg("sheet", index + 1));
        };
        let found = self.scan_into(&path, Role::Sheet, found)?;
        let budget = Budget {
            source: self.source.to_owned(),
            left: self.limits.memory.saturating_sub(self.held),
            limit: self.limits.memory,
        };
        Ok((budget, found))
    }

    /// Inflates and parses a part within the limits, and adds what calamine keeps of it to
    /// the estimate. `None` when the archive has no such part, or calamine cannot open it
    /// (and will say why).
    fn scan(&mut self, path: &str, role: Role) -> Result<Option<Found>> {
        self.scan_into(path, role, Found::default())
    }

    /// [`Package::scan`], into `found`.
    fn scan_into(&mut self, path: &str, role: Role, mut found: Found) -> Result<Option<Found>> {
        let Some(name) = self.names.get(&path.to_ascii_lowercase()).cloned() else {
            return Ok(None);
        };
        let limit = match role {
            Role::Sheet | Role::SharedStrings => self.limits.sheet,
            _ => self.limits.part,
        };
        let element = self.limits.element;
        let source = self.source;
        let Ok(file) = self.zip.by_name(&name) else {
            return Ok(None);
        };
        if file.size() > limit {
            return Err(too_large(source, &name, Beyond::Part, limit));
        }
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(Bounded {
            inner: file,
            read: 0,
            limit,
            mark: 0,
            element,
            exceeded: None,
        }));
        // calamine's settings (`xml_reader` in its xlsx module): the same events.
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;

        let mut gathering = Gathering::default();
        let mut buf = Vec::new();
        let mut events: u64 = 0;
        loop {
            buf.clear();
            let before = xml.buffer_position();
            let event = match xml.read_event_into(&mut buf) {
                Ok(Event::Eof) => break,
                Ok(event) => event,
                Err(_) => match xml.get_ref().get_ref().exceeded {
                    Some(Exceeded::Part) => {
                        return Err(too_large(source, &name, Beyond::Part, limit));
                    }
                    Some(Exceeded::Markup) => {
                        return Err(too_large(source, &name, Beyond::Markup, element));
                    }
                    // Malformed: calamine meets the same error where it reads this far.
                    None => break,
                },
            };
            gathering.see(&event, before);
            if gathering.longer_than(xml.buffer_position(), element) {
                return Err(too_large(source, &name, Beyond::Element, element));
            }
            found.see(role, &event);
            let bounded = xml.get_mut().get_mut();
            bounded.mark();
            // Many small strings or styles: refused as soon as they are too many.
            events += 1;
            if events % 4096 == 0
                && self.held.saturating_add(found.held(role, bounded.read)) > self.limits.memory
            {
                return Err(memory_error(source, self.limits.memory));
            }
        }
        let bytes = xml.get_ref().get_ref().read;
        self.held = self.held.saturating_add(found.held(role, bytes));
        Ok(Some(found))
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::inputs::grid::xlsx_within;
    use crate::inputs::workbook::fixtures::{Part, parts, stored_zip};

    /// Small limits, so that the tests' workbooks exceed them at a few hundred kilobytes.
    const SMALL: Limits = Limits {
        sheet: 1 << 20,
        part: 256 << 10,
        element: 64 << 10,
        memory: 4 << 20,
    };

    const HEADER: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>"#;

    fn sheet_xml(rows: &str) -> Vec<u8> {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{HEADER}{rows}</sheetData></worksheet>"#).into_bytes()
    }

    /// A workbook with `rows` after the header, and `more` parts (replacing any of the same
    /// name).
    fn book(rows: &str, more: Vec<Part>) -> Vec<u8> {
        let mut files = parts("名录");
        files.push(("xl/worksheets/sheet1.xml".into(), sheet_xml(rows)));
        for (name, data) in more {
            files.retain(|(n, _)| *n != name);
            files.push((name, data));
        }
        stored_zip(&files)
    }

    /// The error reading `bytes` within [`SMALL`], or the rows read.
    fn read(bytes: &[u8]) -> std::result::Result<usize, String> {
        xlsx_within("t.xlsx", bytes, None, &|_| true, SMALL)
            .map(|g| g.rows.len())
            .map_err(|e| e.to_string())
    }

    fn shared_strings(items: &str, attributes: &str) -> Part {
        (
            "xl/sharedStrings.xml".into(),
            format!(r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"{attributes}>{items}</sst>"#).into_bytes(),
        )
    }

    const BEYOND: &str = "t.xlsx: the workbook expands beyond the limit: ";

    #[test]
    fn a_workbook_within_the_limits_reads() {
        let rows = r#"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>"#;
        let strings = shared_strings(
            "<si><t>91110000802100433B</t></si><si><t>甲</t></si>",
            r#" uniqueCount="2""#,
        );
        assert_eq!(read(&book(rows, vec![strings])), Ok(1));
    }

    #[test]
    fn a_part_that_inflates_beyond_its_limit() {
        // The worksheet: 1 MiB of empty cells, which hold nothing.
        let empty = "<row><c/></row>".repeat((1 << 20) / 15);
        assert_eq!(
            read(&book(&empty, vec![])),
            Err(format!(
                "{BEYOND}'xl/worksheets/sheet1.xml' inflates to more than 1 MiB"
            ))
        );
        // The styles.
        let styles = format!("<styleSheet>{}</styleSheet>", " ".repeat(256 << 10));
        assert_eq!(
            read(&book(
                "",
                vec![("xl/styles.xml".into(), styles.into_bytes())]
            )),
            Err(format!(
                "{BEYOND}'xl/styles.xml' inflates to more than 256 KiB"
            ))
        );
        // A sheet at any path its relationship names; the part's name as the archive has it.
        let mut files = parts("名录");
        files.retain(|(n, _)| n != "xl/_rels/workbook.xml.rels");
        files.push((
            "xl/_rels/workbook.xml.rels".into(),
            br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/Data/Cells.BIN"/></Relationships>"#.to_vec(),
        ));
        files.push(("data/cells.bin".into(), sheet_xml(&empty)));
        assert_eq!(
            read(&stored_zip(&files)),
            Err(format!(
                "{BEYOND}'data/cells.bin' inflates to more than 1 MiB"
            ))
        );
    }

    #[test]
    fn only_the_sheet_read_is_checked() {
        let mut files = parts("小");
        files.retain(|(n, _)| n != "xl/workbook.xml" && n != "xl/_rels/workbook.xml.rels");
        files.push(("xl/workbook.xml".into(), br#"<workbook xmlns:r="r"><sheets><sheet name="&#23567;" r:id="a"/><sheet name="big" r:id="b"/></sheets></workbook>"#.to_vec()));
        files.push(("xl/_rels/workbook.xml.rels".into(), br#"<Relationships><Relationship Id="a" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="b" Type="x/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#.to_vec()));
        files.push(("xl/worksheets/sheet1.xml".into(), sheet_xml("")));
        files.push((
            "xl/worksheets/sheet2.xml".into(),
            sheet_xml(&"<row><c/></row>".repeat(1 << 17)),
        ));
        let bytes = stored_zip(&files);
        let grid = xlsx_within("t.xlsx", &bytes, Some("小"), &|_| true, SMALL).unwrap();
        assert_eq!(grid.header, ["id", "name"]);
        let e = xlsx_within("t.xlsx", &bytes, Some("big"), &|_| true, SMALL).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("{BEYOND}'xl/worksheets/sheet2.xml' inflates to more than 1 MiB")
        );
        assert_eq!(e.kind(), "xlsx_too_large");
        assert!(e.hint(crate::messages::Lang::En).unwrap().contains("CSV"));
    }

    #[test]
    fn markup_or_an_element_longer_than_the_limit() {
        let markup = |rows: &str| read(&book(rows, vec![]));
        let long = "x".repeat(100 << 10);
        // A comment between rows, held whole by the parser.
        assert_eq!(
            markup(&format!("<!--{long}-->")),
            Err(format!(
                "{BEYOND}'xl/worksheets/sheet1.xml' holds a piece of markup or text of more than 64 KiB"
            ))
        );
        let element = Err(format!(
            "{BEYOND}'xl/worksheets/sheet1.xml' holds an element (a cell, a shared string, a name) of more than 64 KiB"
        ));
        // A cell's text in short pieces between comments, which calamine gathers into one.
        let pieces = "ab<!---->".repeat(10 << 10);
        assert_eq!(
            markup(&format!(
                r#"<row><c t="inlineStr"><is><t>{pieces}</t></is></c></row>"#
            )),
            element
        );
        // A value that is never closed: calamine reads on past the cell's end, gathering.
        let after = "ab<x/>".repeat(20 << 10);
        assert_eq!(
            markup(&format!(r#"<row><c t="str"><v>1</c></row>{after}</v></c>"#)),
            element
        );
        // A rich string of many short runs.
        let runs = "<r><t>ab</t></r>".repeat(8 << 10);
        assert_eq!(
            markup(&format!(
                r#"<row><c t="inlineStr"><is>{runs}</is></c></row>"#
            )),
            element
        );
        // The same text in many cells is no long element.
        assert_eq!(
            markup(&r#"<row><c t="inlineStr"><is><t>ab</t></is></c></row>"#.repeat(4 << 10)),
            Ok(4 << 10)
        );
    }

    #[test]
    fn shared_strings_beyond_the_memory_limit() {
        // A room for 10^11 strings reserved: a 2.4 TB allocation, once.
        let huge = shared_strings("<si><t>x</t></si>", r#" uniqueCount="00100000000000""#);
        let memory = Err(format!(
            "{BEYOND}its shared strings, styles and cells would take more than 4 MiB"
        ));
        assert_eq!(read(&book("", vec![huge])), memory);
        // Many short strings: each a slot and an allocation in a list calamine keeps.
        let many = shared_strings(&"<si/>".repeat(100_000), "");
        assert_eq!(read(&book("", vec![many])), memory);
        let fewer = shared_strings(&"<si/>".repeat(10_000), r#" uniqueCount="10000""#);
        assert_eq!(read(&book("", vec![fewer])), Ok(0));
    }

    #[test]
    fn styles_that_copy_a_long_name_into_many_styles() {
        let styles = |name: usize, xfs: usize| {
            let xml = format!(
                r#"<styleSheet><fonts><font><name val="{}"/></font></fonts><cellXfs>{}</cellXfs></styleSheet>"#,
                "F".repeat(name),
                r#"<xf fontId="0"/>"#.repeat(xfs)
            );
            ("xl/styles.xml".to_owned(), xml.into_bytes())
        };
        // 60 KiB copied into 100 styles: 6 MB from a part of 62 KB.
        assert_eq!(
            read(&book("", vec![styles(60 << 10, 100)])),
            Err(format!(
                "{BEYOND}its shared strings, styles and cells would take more than 4 MiB"
            ))
        );
        assert_eq!(read(&book("", vec![styles(30, 1000)])), Ok(0));
    }

    #[test]
    fn cells_beyond_the_memory_limit() {
        let memory = Err(format!(
            "{BEYOND}its shared strings, styles and cells would take more than 4 MiB"
        ));
        // One long shared string in many cells: each cell holds a copy.
        let long = shared_strings(&format!("<si><t>{}</t></si>", "y".repeat(4000)), "");
        let copies = r#"<row><c t="s"><v>0</v></c></row>"#.repeat(2000);
        assert_eq!(read(&book(&copies, vec![long])), memory);
        // Many small cells.
        let cells = format!("<row>{}</row>", r#"<c t="b"><v>1</v></c>"#.repeat(45)).repeat(1000);
        assert_eq!(read(&book(&cells, vec![])), memory);
        // A wide header, then rows of one cell: each row made 1,024 places wide.
        let wide = r#"<row r="1"><c r="AMJ1" t="inlineStr"><is><t>far</t></is></c></row>"#;
        let narrow = r#"<row><c t="b"><v>1</v></c></row>"#.repeat(1000);
        assert_eq!(read(&book(&format!("{wide}{narrow}"), vec![])), memory);
        assert_eq!(read(&book(&narrow[..narrow.len() / 10], vec![])), Ok(100));
        // Out of order: the sort's room counted too.
        let rows = |r: &mut dyn Iterator<Item = u32>| -> String {
            r.fold(String::new(), |mut xml, r| {
                let _ = write!(xml, r#"<row r="{r}"><c r="A{r}" t="b"><v>1</v></c></row>"#);
                xml
            })
        };
        assert_eq!(read(&book(&rows(&mut (2..=8001)), vec![])), Ok(8000));
        assert_eq!(read(&book(&rows(&mut (2..=8001).rev()), vec![])), memory);
    }

    #[test]
    fn ole_files_are_refused_unread() {
        // An OLE header whose directory chain loops: calamine would follow it for ever.
        let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        ole.resize(2048, 0);
        let e = read(&ole).unwrap_err();
        assert_eq!(
            e,
            "t.xlsx: not a readable .xlsx workbook (it is an Excel 97-2003 .xls file or another OLE document: save it in Excel as .xlsx or CSV UTF-8)"
        );
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        let e = read(&ole).unwrap_err();
        assert_eq!(
            e,
            "t.xlsx: not a readable .xlsx workbook (it is encrypted: save it in Excel without a password)"
        );
        let e = xlsx_within("t.xlsx", &ole, None, &|_| true, SMALL).unwrap_err();
        assert_eq!(
            e.message(crate::messages::Lang::Zh),
            "t.xlsx: 不是可读取的 .xlsx 工作簿（文件已加密：请在 Excel 中取消密码后另存）"
        );
    }

    #[test]
    fn a_workbook_beyond_the_limits_is_told_in_chinese() {
        let styles = format!("<styleSheet>{}</styleSheet>", " ".repeat(256 << 10));
        let bytes = book("", vec![("xl/styles.xml".into(), styles.into_bytes())]);
        let e = xlsx_within("t.xlsx", &bytes, None, &|_| true, SMALL).unwrap_err();
        assert_eq!(
            e.message(crate::messages::Lang::Zh),
            "t.xlsx: 工作簿解压后超出限制：部件“xl/styles.xml”超过 256 KiB"
        );
        assert!(e.hint(crate::messages::Lang::Zh).unwrap().contains("CSV"));
    }
}
