//! Publication: notices, results, working days and the warehouse query.

pub mod notice;
pub mod results;
pub mod sql;
pub mod workdays;
