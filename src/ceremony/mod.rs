//! The ceremony: the announcement that freezes the inputs, the public beacon round that
//! did not exist then, RFC 3161 time-stamps, and the seed they make (SPEC.md §5.3).

pub mod announce;
pub mod announcement;
pub mod attest;
pub mod beacon;
pub mod seed;
pub mod timestamp;

pub use announce::*;
pub use announcement::*;
pub use attest::*;
