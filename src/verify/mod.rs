//! Verification: re-run a draw from its inputs and compare with the record.
//!
//! Nothing in the record is trusted except the seed: every digest, key,
//! ticket, count and team is recomputed from the inputs and compared member
//! by member.

mod diff;
pub mod head;
pub mod ledger;
pub mod redraw;
pub mod report;

pub use head::{head_of, id_check_in, id_check_of};
pub use redraw::{Options, verify, verify_with};
pub use report::{Difference, Guarantee, MAX_LISTED, Verification};
