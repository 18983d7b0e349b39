//! Reading a CSV, TSV or JSON Lines target directory in blocks, on every core (SPEC.md §3).
//!
//! [`read`] gives the same rows, the same canonical digest and the same errors
//! as [`Table::parse`](super::Table::parse) followed by
//! [`digest::table`](crate::inputs::digest::table), for UTF-8 or GB18030 (GBK) text,
//! without holding the file: the calling thread reads a block, hashes its raw
//! bytes in order and cuts it after its last complete record; workers parse the
//! blocks in parallel — decode a GB18030 block, split fields, normalise and check
//! values, hash each row's leaf, keep the columns asked for — and the blocks are
//! joined in file order, so the result does not depend on the number of threads.
//! A GB18030 block can be cut and decoded on its own because no GB18030 sequence
//! holds a byte below 0x30: line ends, quotes and delimiters are the same bytes
//! in both encodings. A file that is not UTF-8, when UTF-8 was not promised (by a
//! BOM or `--encoding`), is read again as GB18030, as the in-memory reader decides.

//!
//! The parts, in the order a read goes through them:
//!
//! - `blocks`: the calling thread: reads and hashes the blocks, reads the header, cuts
//!   each block after its last complete record and hands it to a worker;
//! - `records`: finding where a record ends, and splitting one into fields;
//! - `parse`: a worker parses one block's rows;
//! - `assemble`: the blocks joined in file order, and the directory finished;
//! - `merge`: the canonical digest merged from the blocks' leaves, and the ids hashed;
//! - `rows`: the work on one row every format shares (normalise, check, hash, keep);
//! - `scan`: the whole file scanned for what makes it not a text table;
//! - `jsonl`: JSON Lines, in two passes over blocks of whole lines (`lines`): the member
//!   names of each block merged into the header, then the rows (`json_blocks`), each line
//!   read without a `serde_json::Value` (`members`);
//! - `read_back`: a name read back from the source ([`Directory::name`](super::Directory::name)),
//!   and [`Directory::read`](super::Directory::read).

mod assemble;
mod blocks;
mod json_blocks;
mod jsonl;
mod lines;
mod members;
mod merge;
mod parse;
mod read_back;
mod records;
mod rows;
mod scan;

pub use assemble::Outcome;
pub use blocks::{Options, Progress, read};
pub use jsonl::read_lines;
pub use read_back::directory_digest;
