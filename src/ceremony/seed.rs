//! Seed derivation: from the seed and the input digests to one key per task
//! (SPEC.md §5).

use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Encoder, Hash};
use crate::base::normalize;
use crate::error::{Error, ErrorKind, Result};

/// Where the seed came from: typed by the operator, which nothing proves was not chosen
/// after seeing its draw, or made by the ceremony from a beacon round no one knew before
/// the inputs were frozen (SPEC.md §5.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeedSource {
    /// Given directly: nothing attests when it was chosen.
    Unattested,
    /// Derived from an announced beacon round, dice and parties' secrets (SPEC.md §5.3).
    Beacon,
}

impl SeedSource {
    /// The name written in the record.
    pub fn as_str(self) -> &'static str {
        match self {
            SeedSource::Unattested => "unattested",
            SeedSource::Beacon => "beacon",
        }
    }
}

/// A validated seed: a non-empty string without control characters, used
/// byte for byte as given (it is not normalised).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    /// The seed text.
    pub(crate) value: String,
    /// Its provenance.
    pub(crate) source: SeedSource,
    /// For a beacon seed: the announcement and sources it was derived from.
    pub(crate) attestation: Option<Box<super::announcement::Attestation>>,
}

/// A seed is made by [`Seed::unattested`] or by the ceremony
/// ([`attest`](crate::ceremony::attest)), and read with these methods: a seed and its
/// attestation always belong together.
impl Seed {
    /// The seed text, used byte for byte.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Its provenance.
    pub fn source(&self) -> SeedSource {
        self.source
    }

    /// For a beacon seed: the announcement, the round and the reveals it came from.
    pub fn attestation(&self) -> Option<&super::announcement::Attestation> {
        self.attestation.as_deref()
    }
}

impl Seed {
    /// An unattested seed given by the operator.
    pub fn unattested(value: &str) -> Result<Seed> {
        if value.is_empty() {
            return Err(Error::new(ErrorKind::EmptySeed));
        }
        if let Some(c) = normalize::first_control(value) {
            return Err(Error::new(ErrorKind::ControlCharacter)
                .at(crate::error::Location::file("seed"))
                .arg("field", "seed")
                .arg("code", format!("{:04X}", c as u32)));
        }
        Ok(Seed {
            value: value.to_owned(),
            source: SeedSource::Unattested,
            attestation: None,
        })
    }
}

/// The digests a draw key commits to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputDigests {
    /// The plan's canonical digest.
    pub plan: Hash,
    /// The target directory's canonical digest.
    pub targets: Hash,
    /// The officer roster's canonical digest.
    pub officers: Hash,
    /// The history file's canonical digest, when there is one.
    pub history: Option<Hash>,
    /// The conflicts file's canonical digest, when there is one.
    pub conflicts: Option<Hash>,
    /// The digest of the earlier batches' record digests, when there are any.
    pub earlier: Option<Hash>,
}

/// `draw_key = SHA-256(str("shuangsui/v2/draw-key") ‖ str("2") ‖ str(seed) ‖
/// plan ‖ targets ‖ officers ‖ history ‖ conflicts ‖ earlier)`, an absent
/// input counting as 32 zero bytes (SPEC.md §5.2).
pub fn draw_key(seed: &Seed, inputs: &InputDigests) -> Hash {
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/draw-key"));
    e.str(SPEC_VERSION)
        .str(&seed.value)
        .hash(&inputs.plan)
        .hash(&inputs.targets)
        .hash(&inputs.officers)
        .hash(&inputs.history.unwrap_or([0; 32]))
        .hash(&inputs.conflicts.unwrap_or([0; 32]))
        .hash(&inputs.earlier.unwrap_or([0; 32]));
    e.finish()
}

/// `task_key = SHA-256(str("shuangsui/v2/task-key") ‖ draw_key ‖ str(task_id))`
/// (SPEC.md §5.2).
pub fn task_key(draw_key: &Hash, task_id: &str) -> Hash {
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/task-key"));
    e.hash(draw_key).str(task_id);
    e.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digests() -> InputDigests {
        InputDigests {
            plan: [1; 32],
            targets: [2; 32],
            officers: [3; 32],
            history: None,
            conflicts: None,
            earlier: None,
        }
    }

    #[test]
    fn every_input_changes_the_key() {
        let seed = Seed::unattested("s").unwrap();
        let k = draw_key(&seed, &digests());
        assert_ne!(k, draw_key(&Seed::unattested("t").unwrap(), &digests()));
        for i in 0..3 {
            let mut d = digests();
            [&mut d.plan, &mut d.targets, &mut d.officers][i][0] ^= 1;
            assert_ne!(k, draw_key(&seed, &d));
        }
        assert_ne!(task_key(&k, "T1"), task_key(&k, "T2"));
        let with_history = InputDigests {
            history: Some([4; 32]),
            ..digests()
        };
        assert_ne!(k, draw_key(&seed, &with_history));
    }

    #[test]
    fn seed_rules() {
        assert_eq!(Seed::unattested(""), Err(Error::new(ErrorKind::EmptySeed)));
        assert!(Seed::unattested("a\nb").is_err());
        assert_eq!(Seed::unattested(" 2027 ").unwrap().value, " 2027 ");
    }
}
