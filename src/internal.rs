//! **Not part of the API**: the stages of the draw, reachable one by one for this crate's
//! benchmarks, property tests, fuzz targets and test vectors. Anything here may change or go
//! in any release; an integrator uses the documented modules.
//!
//! ```
//! // The quota of a stratum (SPEC.md §7.3), as the vectors check it one case at a time.
//! use shuangsui::internal::allocation::ratio_count;
//! use shuangsui::plan::{Ratio, Rounding};
//!
//! let five_percent = Ratio { ppm: 50_000 };
//! assert_eq!(ratio_count(90, five_percent, Rounding::Nearest, 1), 5); // 4.5: halves up
//! assert_eq!(ratio_count(90, five_percent, Rounding::Floor, 1), 4);
//! ```

pub use crate::base::canonical::{Hash, sha256, to_hex};
pub use crate::draw::tickets::Ticketer;

/// Text normalisation (SPEC.md §2).
pub mod normalize {
    pub use crate::base::normalize::{identifier, text};
}

/// Quotas (SPEC.md §7.3).
pub mod allocation {
    pub use crate::draw::allocation::ratio_count;
}

/// A task's frame (SPEC.md §6, §7.1).
pub mod frame {
    pub use crate::draw::frame::{Frame, FrameRules, frame};

    /// A checked task's frame.
    pub fn of<'c>(task: &'c crate::draw::TaskCheck<'_>) -> &'c Frame {
        &task.frame
    }

    /// A checked task's officer pool, by department for a joint task.
    pub fn pool<'c>(task: &'c crate::draw::TaskCheck<'_>) -> &'c [crate::draw::matching::Part] {
        &task.pool
    }
}

/// Selection by tickets within strata (SPEC.md §7).
pub mod selection {
    pub use crate::draw::selection::{allocate, select};
}

/// Officer matching (SPEC.md §8).
pub mod matching {
    pub use crate::draw::matching::{Entity, Part, Rules, round_order, teams};
}

/// The directory read in blocks.
pub mod stream {
    pub use crate::inputs::stream::{Options, Outcome, read, read_lines};
}
