//! Reading an `.xlsx` workbook within bounds (SPEC.md §3.1, README "Limits").
//!
//! A workbook is a zip archive of XML parts, which calamine inflates and parses as it needs
//! them. Deflate shrinks repetitive XML a thousandfold, so a file of a megabyte can hold
//! gigabytes of XML; and calamine keeps much of what it parses: every shared string (with room
//! reserved for as many as the part announces), every style with its own copy of its font's
//! name and its number format, and the text of a cell, which it gathers across as many pieces
//! of markup as the cell holds.
//!
//! So before calamine opens a part, [`Package`] inflates it once through a reader that stops
//! at a limit ([`Bounded`](bounded::Bounded)), and parses it with the XML parser and settings
//! calamine uses, holding one piece of markup at a time. It refuses, with
//! [`Error::XlsxTooLarge`](crate::error::Error::XlsxTooLarge):
//!
//! - a part that inflates beyond its limit: the worksheet and the shared strings
//!   [`limits::XLSX_SHEET_BYTES`](super::limits::XLSX_SHEET_BYTES), the other parts calamine
//!   reads (relationships, workbook, styles, theme)
//!   [`limits::XLSX_PART_BYTES`](super::limits::XLSX_PART_BYTES) — the size the archive
//!   declares first, then the bytes that actually come out;
//! - a piece of markup or text, or an element whose text calamine gathers into one string (a
//!   cell, a shared string, a defined name), longer than
//!   [`limits::XLSX_ELEMENT_BYTES`](super::limits::XLSX_ELEMENT_BYTES);
//! - a workbook whose shared strings, styles and cells would take more memory than
//!   [`limits::XLSX_MEMORY_BYTES`](super::limits::XLSX_MEMORY_BYTES): what calamine keeps is
//!   estimated from the parse, and the grid reader adds what the cells take as it reads them
//!   ([`Budget`](package::Budget)), before it holds them.
//!
//! Which part is the workbook, and which the worksheet of a sheet, is found as calamine finds
//! it: from `_rels/.rels`, the workbook's relationships and its `<sheet>` elements. The library
//! does no I/O: the package is the bytes the caller read.
//!
//! The parts: `package` opens the package and checks each part calamine reads, through the
//! inflating reader of `bounded`; `markup` reads a part's markup as calamine reads it.

mod bounded;
mod markup;
mod package;

pub(crate) use package::{CELL_BYTES, Limits, PLACE_BYTES, Package, ROW_BYTES};

/// The workbooks tests read.
#[cfg(test)]
pub(crate) mod fixtures;
