//! A part's markup read as calamine reads it: what the part says that the checks need and
//! what calamine keeps of it ([`Found`]), and how long the element calamine gathers into
//! one string has grown ([`Gathering`]).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

/// What calamine reads a part as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// `_rels/.rels`: where the workbook part is.
    PackageRels,
    /// The workbook's relationships: the target of each id.
    WorkbookRels,
    /// The workbook: its sheets.
    Workbook,
    /// The shared strings, all kept.
    SharedStrings,
    /// The theme's colours.
    Theme,
    /// The styles, each kept with a copy of its font's name and number format.
    Styles,
    /// A worksheet, read cell by cell.
    Sheet,
}

/// The elements whose text calamine gathers into one string, reading on to the end tag of
/// the same name whatever comes between: a cell (`c`) and its value (`v`, `f`, `is`), a
/// shared string (`si`) and its runs (`r`, `t`), a defined name.
const GATHERED: [&str; 8] = ["c", "v", "f", "is", "si", "r", "t", "definedName"];

/// The element of [`GATHERED`] being read, measured from its start tag to the end tag that
/// closes it as calamine closes it (same qualified name), or until the part ends when it is
/// never closed. Nested gathered elements count within the outermost; nesting deeper than
/// this tracks, or names longer, leave it open to the end of the part.
#[derive(Debug, Default)]
pub(super) struct Gathering {
    /// The open elements' qualified names, one after another.
    names: Vec<u8>,
    /// Where each open element's name ends in `names`.
    ends: Vec<usize>,
    /// Too deep or too long a name to track: open until the part ends.
    stuck: bool,
    /// The position of the outermost open element's start tag.
    start: u64,
}

impl Gathering {
    const DEPTH: usize = 64;
    const NAME: usize = 64;

    fn open(&self) -> bool {
        self.stuck || !self.ends.is_empty()
    }

    pub(super) fn see(&mut self, event: &Event<'_>, before: u64) {
        match event {
            Event::Start(e) if GATHERED.contains(&e.local_name().as_ref()) => {
                if !self.open() {
                    self.start = before;
                }
                let qname = e.name();
                let name = qname.as_ref().as_bytes();
                if self.stuck || self.ends.len() == Self::DEPTH || name.len() > Self::NAME {
                    self.stuck = true;
                } else {
                    self.names.extend_from_slice(name);
                    self.ends.push(self.names.len());
                }
            }
            Event::End(e) if !self.stuck => {
                let from = self.ends.len().checked_sub(2).map_or(0, |i| self.ends[i]);
                if self
                    .ends
                    .last()
                    .is_some_and(|&end| &self.names[from..end] == e.name().as_ref().as_bytes())
                {
                    self.ends.pop();
                    self.names.truncate(from);
                }
            }
            _ => {}
        }
    }

    pub(super) fn longer_than(&self, position: u64, limit: u64) -> bool {
        self.open() && position - self.start > limit
    }
}

/// What a part says that the reader needs, or that calamine keeps.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// Where calamine is in the part: before its root's start, within it, past its end.
    stage: u8,
    /// `_rels/.rels`: the target of the office-document relationship.
    pub(super) office_document: Option<String>,
    /// The workbook's relationships: id → target.
    pub(super) relationships: HashMap<String, String>,
    /// The workbook: each `<sheet>`'s relationship id.
    pub(super) sheets: Vec<String>,
    /// The shared strings: how many, and the `uniqueCount` calamine reserves room for.
    strings: u64,
    unique_count: u64,
    /// The styles: `<xf>`, `<font>`, `<fill>`, `<border>` and `<numFmt>` elements, the
    /// longest font name and number format (their attributes), all number formats.
    xfs: u64,
    fonts: u64,
    fills: u64,
    borders: u64,
    font_name: u64,
    format_code: u64,
    formats: u64,
    /// A worksheet's merged ranges (`<mergeCell ref="J3:J5"/>`), when they are kept.
    pub(super) merged: Option<Vec<Merged>>,
}

/// A merged range of a worksheet: its first and last cells, (row, column), 0-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merged {
    /// The first (top left) cell.
    pub first: (u32, u32),
    /// The last (bottom right) cell.
    pub last: (u32, u32),
}

impl Merged {
    /// A range as a worksheet writes it (`J3:J5`, or `J3` alone); `None` when it is not one.
    pub(crate) fn parse(range: &str) -> Option<Merged> {
        let (a, b) = range.split_once(':').unwrap_or((range, range));
        let (a, b) = (cell(a)?, cell(b)?);
        Some(Merged {
            first: (a.0.min(b.0), a.1.min(b.1)),
            last: (a.0.max(b.0), a.1.max(b.1)),
        })
    }
}

/// A cell reference (`J3`, `$J$3`): (row, column), 0-based, within a worksheet's 1,048,576
/// rows and 16,384 columns.
fn cell(at: &str) -> Option<(u32, u32)> {
    let at = at.trim();
    let letters = at
        .bytes()
        .skip_while(|&b| b == b'$')
        .take_while(u8::is_ascii_alphabetic);
    let mut col: u32 = 0;
    let mut n = 0;
    for b in letters {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1;
        n += 1;
        if n > 3 {
            return None;
        }
    }
    let skip = at.bytes().take_while(|&b| b == b'$').count();
    let digits = at[skip + n..].strip_prefix('$').unwrap_or(&at[skip + n..]);
    if n == 0 || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let row: u32 = digits.parse().ok()?;
    ((1..=1 << 20).contains(&row) && (1..=1 << 14).contains(&col)).then(|| (row - 1, col - 1))
}

impl Found {
    /// Nothing found yet, a worksheet's merged ranges to be kept.
    pub(super) fn keeping_merged() -> Found {
        Found {
            merged: Some(Vec::new()),
            ..Found::default()
        }
    }

    /// Takes in a piece of markup, as calamine reads the part as `role`.
    pub(super) fn see(&mut self, role: Role, event: &Event<'_>) {
        let e = match event {
            Event::Start(e) => e,
            Event::End(end) => {
                // The root's end tag closes what calamine reads (`_rels/.rels` and the shared
                // strings once their root has started).
                let local = end.local_name();
                let (root, from) = match role {
                    Role::PackageRels => ("Relationships", 1),
                    Role::WorkbookRels => ("Relationships", 0),
                    Role::Workbook => ("workbook", 0),
                    Role::SharedStrings => ("sst", 1),
                    _ => return,
                };
                if local.as_ref() == root && self.stage >= from {
                    self.stage = 2;
                }
                return;
            }
            _ => return,
        };
        let local = e.local_name();
        let local = local.as_ref();
        match role {
            // calamine skips to `<Relationships>`, then takes the last office document.
            Role::PackageRels => match (self.stage, local) {
                (0, "Relationships") => self.stage = 1,
                (1, "Relationship") => {
                    if let Some([Some(kind), Some(target)]) = attrs(e, ["Type", "Target"])
                        && kind.ends_with("/relationships/officeDocument")
                        && let Ok(target) = quick_xml::escape::unescape(target)
                    {
                        self.office_document = Some(target.into_owned());
                    }
                }
                _ => {}
            },
            // calamine reads every relationship up to `</Relationships>`, the last of an id
            // winning, its target as written.
            Role::WorkbookRels if self.stage < 2 && local == "Relationship" => {
                if let Some([Some(id), _, target]) = attrs(e, ["Id", "Type", "Target"]) {
                    self.relationships
                        .insert(id.to_owned(), target.unwrap_or_default().to_owned());
                }
            }
            // Each `<sheet>` up to `</workbook>` is a sheet, by the last attribute named `id`
            // in any namespace.
            Role::Workbook if self.stage < 2 && local == "sheet" => {
                let id = RawAttrs::new(e.attributes_raw())
                    .map_while(std::result::Result::ok)
                    .filter(|(k, _)| *k != "name" && *k != "state")
                    .filter(|(k, _)| {
                        *k == "id" || k.strip_suffix("id").is_some_and(|p| p.ends_with(':'))
                    })
                    .last()
                    .map_or("", |(_, v)| v);
                self.sheets.push(id.to_owned());
            }
            // calamine reserves room for `uniqueCount` strings at the first `<sst>`, then
            // keeps every `<si>` (counted here wherever it is: never fewer).
            Role::SharedStrings => match local {
                "sst" if self.stage == 0 => {
                    self.stage = 1;
                    if let Some([Some(n)]) = attrs(e, ["uniqueCount"]) {
                        self.unique_count = unsigned(n);
                    }
                }
                "si" => self.strings += 1,
                _ => {}
            },
            // Counted wherever they are, with the longest attributes a style copies.
            Role::Styles => {
                let len = e.attributes_raw().len() as u64;
                match local {
                    "xf" => self.xfs += 1,
                    "font" => self.fonts += 1,
                    "fill" => self.fills += 1,
                    "border" => self.borders += 1,
                    "name" => self.font_name = self.font_name.max(len),
                    "numFmt" => {
                        self.format_code = self.format_code.max(len);
                        self.formats = self.formats.saturating_add(len + 96);
                    }
                    _ => {}
                }
            }
            Role::Sheet if local == "mergeCell" => {
                if let Some(merged) = &mut self.merged
                    && let Some([Some(range)]) = attrs(e, ["ref"])
                    && let Some(range) = Merged::parse(range)
                {
                    merged.push(range);
                }
            }
            _ => {}
        }
    }

    /// The memory calamine keeps of a part of `bytes` inflated bytes, estimated from above.
    pub(super) fn held(&self, role: Role, bytes: u64) -> u64 {
        use std::mem::size_of;
        let size = |n: usize| n as u64;
        match role {
            // Relationships, sheet names and paths, defined names: a few strings per element.
            Role::PackageRels | Role::WorkbookRels | Role::Workbook | Role::Theme => {
                bytes.saturating_mul(4)
            }
            // A slot per string (room for `uniqueCount`, or for twice as many as there are
            // as the list grows), an allocation per string, and the text.
            Role::SharedStrings => {
                let slots = self.unique_count.max(self.strings.saturating_mul(2));
                slots
                    .saturating_mul(size(size_of::<String>()))
                    .saturating_add(self.strings.saturating_mul(48))
                    .saturating_add(bytes)
            }
            // Each style holds a copy of its font (with the name) and of its number format.
            Role::Styles => {
                let style = 2 * size(size_of::<calamine::Style>() + 1)
                    + 64
                    + self.font_name
                    + self.format_code.max(64);
                let font = 2 * size(size_of::<calamine::Font>()) + 32 + self.font_name;
                self.xfs
                    .saturating_mul(style)
                    .saturating_add(self.fonts.saturating_mul(font))
                    .saturating_add(
                        self.fills
                            .saturating_mul(2 * size(size_of::<calamine::Fill>())),
                    )
                    .saturating_add(
                        self.borders
                            .saturating_mul(2 * size(size_of::<calamine::Borders>())),
                    )
                    .saturating_add(self.formats)
            }
            // Read cell by cell: the grid reader counts what it keeps; the merged ranges kept.
            Role::Sheet => self.merged.as_ref().map_or(0, |m| {
                (m.capacity() as u64).saturating_mul(size(size_of::<Merged>()))
            }),
        }
    }
}

/// calamine's reading of a number attribute (`atoi_simd`, leading zeros skipped): anything
/// else is no number (0), one too large for 64 bits is as large as can be.
fn unsigned(s: &str) -> u64 {
    let digits = s.trim_start_matches('0');
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
        return 0;
    }
    digits.parse().unwrap_or(u64::MAX)
}

/// calamine's `get_attrs!`: the value of each key, one pass over the attributes that stops
/// once as many as there are keys have been matched; `None` for a malformed attribute.
fn attrs<'e, const N: usize>(
    e: &'e BytesStart<'_>,
    keys: [&str; N],
) -> Option<[Option<&'e str>; N]> {
    let mut values = [None; N];
    let mut found = 0;
    for item in RawAttrs::new(e.attributes_raw()) {
        let (k, v) = item.ok()?;
        if let Some(i) = keys.iter().position(|&key| key == k) {
            values[i] = Some(v);
            found += 1;
        }
        if found == N {
            break;
        }
    }
    Some(values)
}

/// calamine's attribute scanner (`RawAttrIter`): `key="value"` pairs, no entities decoded.
struct RawAttrs<'a> {
    raw: &'a str,
    pos: usize,
}

impl<'a> RawAttrs<'a> {
    fn new(raw: &'a str) -> Self {
        Self { raw, pos: 0 }
    }
}

impl<'a> Iterator for RawAttrs<'a> {
    type Item = std::result::Result<(&'a str, &'a str), ()>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.raw.as_bytes();
        let len = bytes.len();
        let mut pos = self.pos;
        while pos < len && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= len {
            self.pos = pos;
            return None;
        }
        let key_start = pos;
        while pos < len && bytes[pos] != b'=' {
            pos += 1;
        }
        if pos >= len {
            self.pos = len;
            return Some(Err(()));
        }
        let key = self.raw[key_start..pos].trim_ascii_end();
        pos += 1;
        while pos < len && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let Some(&quote @ (b'"' | b'\'')) = bytes.get(pos) else {
            self.pos = len;
            return Some(Err(()));
        };
        pos += 1;
        let value_start = pos;
        while pos < len && bytes[pos] != quote {
            pos += 1;
        }
        let value = &self.raw[value_start..pos];
        self.pos = (pos + 1).min(len);
        Some(Ok((key, value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_calamine_reads_them() {
        assert_eq!(unsigned("00042"), 42);
        assert_eq!(unsigned("0"), 0);
        assert_eq!(unsigned(""), 0);
        assert_eq!(unsigned("+5"), 0);
        assert_eq!(unsigned("99999999999999999999999"), u64::MAX);
    }

    #[test]
    fn merged_ranges_as_worksheets_write_them() {
        let m = |first, last| Some(Merged { first, last });
        assert_eq!(Merged::parse("J3:J5"), m((2, 9), (4, 9)));
        assert_eq!(Merged::parse("$A$1:L1"), m((0, 0), (0, 11)));
        assert_eq!(Merged::parse("j5:j3"), m((2, 9), (4, 9)));
        assert_eq!(
            Merged::parse("XFD1048576"),
            m((1_048_575, 16_383), (1_048_575, 16_383))
        );
        for bad in [
            "", "J", "3", "J0", "XFE1", "A1048577", "AAAA1", "A1:B", "A1:B2:C3", "A-1",
        ] {
            assert_eq!(Merged::parse(bad), None, "{bad}");
        }
    }
}
