//! Foundations every stage uses: the canonical encoding and SHA-256, text normalisation,
//! dates, identifier checks and strict JSON.

pub mod canonical;
pub mod normalize;
pub mod strict;
pub mod uscc;
