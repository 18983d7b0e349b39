//! Reading a CSV or TSV target directory in blocks, on every core (SPEC.md §3).
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

mod blocks;

pub use blocks::{BLOCK_BYTES, Options, Outcome, Progress, read};
