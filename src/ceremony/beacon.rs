//! The drand *quicknet* beacon (League of Entropy): round numbers, times and
//! offline signature verification (SPEC.md §5.3).
//!
//! A round `r` is emitted at `genesis + (r − 1) · period`; its signature is a
//! BLS signature (G1, RFC 9380 hash-to-curve) of `SHA-256(r as u64
//! big-endian)` under the chain's public key (G2), and its randomness is
//! `SHA-256(signature)`. The library has no network: callers give it the
//! round's JSON as drand's HTTP API returns it.

use serde::Deserialize;

use crate::base::canonical::{Hash, sha256};
use crate::messages::{Lang, Message, msg};

/// The quicknet chain's hash (its identity).
pub const CHAIN_HASH: &str = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";
/// The quicknet group public key (G2, compressed, 96 bytes), pinned.
pub const PUBLIC_KEY: &str = "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a";
/// Unix time of round 1.
pub const GENESIS: i64 = 1_692_803_367;
/// Seconds between rounds.
pub const PERIOD: i64 = 3;

/// The first round emitted at or after Unix time `t`.
pub fn round_at(t: i64) -> u64 {
    if t <= GENESIS {
        return 1;
    }
    u64::try_from((t - GENESIS + PERIOD - 1) / PERIOD).unwrap_or(0) + 1
}

/// The Unix time at which round `r` is emitted (`i64::MAX` for a round too far to say).
pub fn time_of(round: u64) -> i64 {
    let periods = i64::try_from(round.saturating_sub(1)).unwrap_or(i64::MAX);
    GENESIS.saturating_add(periods.saturating_mul(PERIOD))
}

/// Where anyone can fetch a round of the chain and its signature: drand's public HTTP API,
/// `https://api.drand.sh/CHAIN/public/ROUND`.
pub fn round_url(chain_hash: &str, round: u64) -> String {
    format!("https://api.drand.sh/{chain_hash}/public/{round}")
}

/// A beacon round as drand's HTTP API returns it (`/public/ROUND`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// The round number.
    pub round: u64,
    /// Hex randomness: SHA-256 of the signature.
    pub randomness: String,
    /// Hex BLS signature (48 bytes).
    pub signature: String,
}

impl Round {
    /// A round as drand's HTTP API returns it (`/public/ROUND`), as strict JSON.
    pub fn parse(name: &str, bytes: &[u8]) -> crate::error::Result<Round> {
        crate::base::strict::from_slice(name, bytes)
    }
}

/// Why a round is not what it claims to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The signature is not hex (the hex decoder's or the BLS library's words say why).
    Malformed(String),
    /// The signature is hex of this many bytes, not 48.
    Length(usize),
    /// The randomness is not SHA-256 of the signature.
    Randomness,
    /// The BLS signature does not verify for this round under the quicknet key.
    Signature,
}

impl Invalid {
    /// Why, as a message of the catalog (to be shown in either language, or put into
    /// another message).
    pub fn to_message(&self) -> Message {
        match self {
            Invalid::Malformed(detail) => msg("beacon-malformed").arg("detail", detail),
            Invalid::Length(bytes) => msg("beacon-length").arg("bytes", *bytes),
            Invalid::Randomness => msg("beacon-randomness"),
            Invalid::Signature => msg("beacon-signature"),
        }
    }

    /// Why, in a language.
    pub fn message(&self, lang: Lang) -> String {
        self.to_message().text(lang)
    }
}

impl std::fmt::Display for Invalid {
    /// Why, in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// What was checked of a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checked {
    /// Signature verified offline against the pinned key.
    Signature,
    /// Built without the `beacon` feature: only the randomness was checked.
    RandomnessOnly,
}

/// Checks a round: its randomness is SHA-256 of its signature, and its
/// signature verifies for its round number under the pinned public key.
/// Returns the randomness.
pub fn check(round: &Round) -> Result<(Hash, Checked), Invalid> {
    let signature =
        hex::decode(round.signature.trim()).map_err(|e| Invalid::Malformed(e.to_string()))?;
    if signature.len() != 48 {
        return Err(Invalid::Length(signature.len()));
    }
    let randomness = sha256(&signature);
    if hex::decode(round.randomness.trim()).ok().as_deref() != Some(&randomness[..]) {
        return Err(Invalid::Randomness);
    }
    Ok((randomness, verify_signature(round.round, &signature)?))
}

#[cfg(feature = "beacon")]
fn verify_signature(round: u64, signature: &[u8]) -> Result<Checked, Invalid> {
    use drand_verify::{G2PubkeyRfc, Pubkey};
    let key: [u8; 96] = hex::decode(PUBLIC_KEY)
        .expect("pinned key")
        .try_into()
        .expect("96 bytes");
    let pk = G2PubkeyRfc::from_fixed(key).expect("the pinned key is a valid point");
    match pk.verify(round, b"", signature) {
        Ok(true) => Ok(Checked::Signature),
        Ok(false) => Err(Invalid::Signature),
        Err(e) => Err(Invalid::Malformed(e.to_string())),
    }
}

#[cfg(not(feature = "beacon"))]
#[allow(clippy::unnecessary_wraps)] // the same signature as the `beacon` build's
fn verify_signature(_round: u64, _signature: &[u8]) -> Result<Checked, Invalid> {
    Ok(Checked::RandomnessOnly)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Round {
        // shared/fixtures/drand-quicknet.json: a real signed round.
        Round {
            round: 657_413,
            randomness: "fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587".into(),
            signature: "b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b".into(),
        }
    }

    #[test]
    fn rounds_and_times() {
        // 2023-09-15T11:00:03Z is the fixture round's time.
        assert_eq!(time_of(657_413), 1_694_775_603);
        assert_eq!(round_at(1_694_775_603), 657_413);
        assert_eq!(round_at(1_694_775_601), 657_413);
        assert_eq!(round_at(1_694_775_604), 657_414);
        assert_eq!(round_at(0), 1);
        assert_eq!(time_of(1), GENESIS);
    }

    #[test]
    fn why_a_round_is_invalid_in_chinese_and_in_english() {
        use crate::messages::Lang;
        let short = Round {
            signature: "ab".repeat(47),
            ..fixture()
        };
        let e = check(&short).unwrap_err();
        assert_eq!(e, Invalid::Length(47));
        assert_eq!(
            e.message(Lang::Zh),
            "签名格式有误：长 47 字节，应为 48 字节"
        );
        assert_eq!(
            e.to_string(),
            "the signature is malformed: 47 bytes, expected 48"
        );
        assert_eq!(
            Invalid::Randomness.message(Lang::Zh),
            "随机数不是签名的 SHA-256"
        );
    }

    #[test]
    fn the_real_round_verifies() {
        let (randomness, checked) = check(&fixture()).unwrap();
        assert_eq!(hex::encode(randomness), fixture().randomness);
        assert_eq!(
            checked,
            if cfg!(feature = "beacon") {
                Checked::Signature
            } else {
                Checked::RandomnessOnly
            }
        );
    }

    #[cfg(feature = "beacon")]
    #[test]
    fn another_round_or_a_flipped_bit_fails() {
        let wrong_round = Round {
            round: 657_414,
            ..fixture()
        };
        assert_eq!(check(&wrong_round), Err(Invalid::Signature));
        let earlier = Round {
            round: 657_412,
            ..fixture()
        };
        assert_eq!(check(&earlier), Err(Invalid::Signature));
        let mut sig = hex::decode(fixture().signature).unwrap();
        sig[20] ^= 0x01;
        let flipped = Round {
            signature: hex::encode(&sig),
            randomness: hex::encode(sha256(&sig)),
            ..fixture()
        };
        assert!(matches!(
            check(&flipped),
            Err(Invalid::Signature | Invalid::Malformed(_))
        ));
        let bad_randomness = Round {
            randomness: "00".repeat(32),
            ..fixture()
        };
        assert_eq!(check(&bad_randomness), Err(Invalid::Randomness));
    }
}
