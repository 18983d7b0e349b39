//! The view model of a notice: what it says, built once from the record (`draw.rs`,
//! `results.rs`). The renderers only lay it out: `html.rs`, `markdown.rs` and `csv.rs` here,
//! the .xlsx in the command-line tool. No renderer reads the record.

use crate::messages::Lang;

/// A public notice as every format shows it.
///
/// The document (`title`, `body`) is what the HTML page and the Markdown file show; the
/// `sheet` is the same notice as one table, a row per entity, in the national platform's
/// columns: what the CSV file and the spreadsheet hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The language it is written in.
    pub lang: Lang,
    /// The title.
    pub title: String,
    /// What follows the title, in order.
    pub body: Vec<Block>,
    /// The notice as one table, for spreadsheets.
    pub sheet: Sheet,
}

/// A notice as one table, for the CSV file and a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The worksheet's name (short: spreadsheets allow 31 characters).
    pub name: String,
    /// The columns and a row per entity.
    pub table: Table,
}

/// A part of a notice's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Paragraph),
    /// Terms and their values (the plan's number, the authority, …).
    Facts(Vec<Fact>),
    /// A bulleted list.
    List(List),
    /// A table.
    Table(Table),
    /// Commands to type, one a line.
    Commands(String),
    /// A bar chart of the strata table beside it. A format that cannot draw shows the table
    /// alone.
    Chart(Chart),
    /// A section: a heading and what is under it.
    Section(Section),
    /// The signature (落款) closing a 公告: the issuing authority and the date.
    Signature(Signature),
}

/// The signature (落款) of a notice: who issues it and when, right-aligned under the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The issuing authority; `""` when the plan names none.
    pub authority: String,
    /// The date as people write it (`2027年3月15日`); `""` when unknown.
    pub date: String,
}

/// A paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Its text.
    pub text: Rich,
    /// How a page marks it.
    pub hooks: Hooks,
}

/// A term and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The term (检查机关, …).
    pub term: String,
    /// Its value.
    pub value: Rich,
    /// How a page marks the value.
    pub hooks: Hooks,
}

/// A bulleted list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    /// The items.
    pub items: Vec<Rich>,
    /// How a page marks each item (`warn` for the lines of an unattested seed).
    pub item_hooks: Hooks,
}

/// A table: headings and rows of text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// How a page marks the table (`strata`, `selected`).
    pub hooks: Hooks,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows: each has a cell per column.
    pub rows: Vec<Row>,
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Its heading.
    pub heading: String,
    /// What its cells hold.
    pub kind: CellKind,
}

/// What a column's cells hold, for the formats that show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Text.
    Text,
    /// A count (aligned right; a number in a spreadsheet).
    Number,
    /// An identifier (in a fixed-width font, never split across lines).
    Code,
    /// A digest (in a fixed-width font, split anywhere: 64 characters do not fit a phone).
    Digest,
    /// A date `YYYY-MM-DD` (a date in a spreadsheet).
    Date,
    /// People's names joined by the separator: a line breaks between names, never inside
    /// one.
    People,
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// How a page marks the row (the record's values it shows, for tests and scripts).
    pub hooks: Hooks,
    /// A cell per column, as text. Values from the record are untrusted text: a renderer
    /// escapes each for its format.
    pub cells: Vec<String>,
}

/// A bar chart: per stratum, the frame and the number drawn from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// What the chart shows.
    pub title: String,
    /// What the bars' colours mean.
    pub legend: String,
    /// A bar per stratum.
    pub bars: Vec<Bar>,
}

/// A stratum's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The stratum.
    pub label: String,
    /// Its frame (eligible targets).
    pub frame: u64,
    /// How many were drawn from it.
    pub drawn: u64,
}

/// A section: a heading and the blocks under it (sections nest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading.
    pub heading: String,
    /// How a page marks the section.
    pub hooks: Hooks,
    /// What is under the heading.
    pub blocks: Vec<Block>,
}

/// Text with code spans (digests, the seed): each span is text as it is, shown in a
/// fixed-width font when `code`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rich(pub Vec<Span>);

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text, as it is (never markup).
    pub text: String,
    /// Shown as code.
    pub code: bool,
}

impl Rich {
    /// Text without code.
    pub fn plain(text: impl Into<String>) -> Rich {
        let mut r = Rich::default();
        r.push(&text.into(), false);
        r
    }

    /// Text that is code throughout.
    pub fn code(text: impl Into<String>) -> Rich {
        let mut r = Rich::default();
        r.push(&text.into(), true);
        r
    }

    /// Appends text, joining it to the last span when that is of the same kind.
    pub fn push(&mut self, text: &str, code: bool) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.code == code => last.text.push_str(text),
            _ => self.0.push(Span {
                text: text.to_owned(),
                code,
            }),
        }
    }

    /// The text without its marks.
    pub fn text(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

impl From<String> for Rich {
    fn from(text: String) -> Rich {
        Rich::plain(text)
    }
}

impl From<&str> for Rich {
    fn from(text: &str) -> Rich {
        Rich::plain(text)
    }
}

impl From<&String> for Rich {
    fn from(text: &String) -> Rich {
        Rich::plain(text.as_str())
    }
}

/// How a page marks an element, for readers by machine: its `class`, `id` and `data-*`
/// attributes in HTML (the record's counts and ids, so that a test compares what a browser
/// shows with the record). The other formats have no use for them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hooks {
    /// A class (`task`, `warn`, …).
    pub class: Option<&'static str>,
    /// An id, unique in the page.
    pub id: Option<String>,
    /// Values of the record, by name.
    pub data: Vec<(Data, String)>,
}

/// The name of a value a page carries (`data-task`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Data {
    /// A task's id.
    Task,
    /// A frame's size.
    Frame,
    /// How many were drawn.
    Drawn,
    /// How many results.
    Results,
    /// A selected target's id.
    Target,
    /// The entity of a result.
    Entity,
}

impl Hooks {
    /// Hooks with a class only.
    pub fn class(class: &'static str) -> Hooks {
        Hooks {
            class: Some(class),
            ..Hooks::default()
        }
    }

    /// Hooks with an id only.
    pub fn id(id: impl Into<String>) -> Hooks {
        Hooks {
            id: Some(id.into()),
            ..Hooks::default()
        }
    }

    /// The same hooks with a value added.
    #[must_use]
    pub fn with(mut self, name: Data, value: &impl ToString) -> Hooks {
        self.data.push((name, value.to_string()));
        self
    }

    /// The value of a name, if any.
    pub fn data(&self, name: Data) -> Option<&str> {
        self.data
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl Table {
    /// A table with its columns and no rows yet.
    pub fn new(hooks: Hooks, columns: Vec<Column>) -> Table {
        Table {
            hooks,
            columns,
            rows: Vec::new(),
        }
    }
}

impl Column {
    /// A column of text.
    pub fn text(heading: String) -> Column {
        Column {
            heading,
            kind: CellKind::Text,
        }
    }

    /// A column of counts.
    pub fn number(heading: String) -> Column {
        Column {
            heading,
            kind: CellKind::Number,
        }
    }

    /// A column of identifiers.
    pub fn code(heading: String) -> Column {
        Column {
            heading,
            kind: CellKind::Code,
        }
    }

    /// A column of a kind.
    pub fn of(kind: CellKind, heading: String) -> Column {
        Column { heading, kind }
    }
}

#[cfg(test)]
pub(super) mod fixtures {
    use super::*;

    /// A notice whose every value is hostile: markup, quotes, pipes, backslashes, backticks
    /// and formulas, in each place a value can go.
    pub(in crate::publish::notice) fn hostile() -> Notice {
        let bad = "<script>alert('x')</script> & \"q\" | a\\b `c`";
        let mut table = Table::new(
            Hooks::class("selected"),
            vec![
                Column::number("No.".to_owned()),
                Column::text(bad.to_owned()),
                Column::code("Code".to_owned()),
            ],
        );
        table.rows.push(Row {
            hooks: Hooks::class("entity").with(Data::Target, &bad),
            cells: vec!["1".to_owned(), bad.to_owned(), bad.to_owned()],
        });
        table.rows.push(Row {
            hooks: Hooks::default(),
            cells: vec![
                "2".to_owned(),
                "=HYPERLINK(\"x\")".to_owned(),
                String::new(),
            ],
        });
        let mut text = Rich::plain(bad);
        text.push(bad, true);
        Notice {
            lang: Lang::En,
            title: bad.to_owned(),
            body: vec![
                Block::Paragraph(Paragraph {
                    text: text.clone(),
                    hooks: Hooks {
                        class: Some("warn"),
                        id: Some(bad.to_owned()),
                        data: Vec::new(),
                    },
                }),
                Block::Facts(vec![Fact {
                    term: bad.to_owned(),
                    value: text.clone(),
                    hooks: Hooks::default(),
                }]),
                Block::Section(Section {
                    heading: bad.to_owned(),
                    hooks: Hooks::class("task").with(Data::Task, &bad),
                    blocks: vec![
                        Block::List(List {
                            items: vec![text],
                            item_hooks: Hooks::default(),
                        }),
                        Block::Chart(Chart {
                            title: bad.to_owned(),
                            legend: bad.to_owned(),
                            bars: vec![Bar {
                                label: bad.to_owned(),
                                frame: 3,
                                drawn: 1,
                            }],
                        }),
                        Block::Table(table.clone()),
                        Block::Commands(bad.to_owned()),
                    ],
                }),
            ],
            sheet: Sheet {
                name: "notice".to_owned(),
                table,
            },
        }
    }
}
