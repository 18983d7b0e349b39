//! The announcement: what it freezes, its digest, and the parties' contributions
//! (SPEC.md §5.3).

use crate::error::ErrorKind;
use serde::{Deserialize, Serialize};

use crate::base::canonical::{Encoder, Hash, SPEC_VERSION, to_hex};
use crate::error::Error;
use crate::inputs::digest::InputDigest;
use crate::messages::Message;

/// The default margin between the announcement and the beacon round: ten minutes.
pub const DEFAULT_MARGIN_SECS: i64 = 600;

/// The most dice digits an announcement takes.
pub const MAX_DICE: usize = 64;

/// A published announcement (SPEC.md §5.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// The spec version: `"2"`.
    pub spec: String,
    /// The plan's id.
    pub plan: String,
    /// Which attempt at drawing this plan (batch) it is: 1, or one more than the
    /// attempt it replaces.
    pub attempt: u32,
    /// The digest of the announcement this one replaces (an attempt that was not
    /// drawn), or `""` for a first attempt.
    pub replaces: String,
    /// Why the replaced attempt was not drawn, or `""` for a first attempt.
    pub reason: String,
    /// The inputs' digests, frozen.
    pub inputs: AnnouncedInputs,
    /// The digest of the record this draw follows (a later batch), or `""`.
    pub previous: String,
    /// When it was made, by the announcing machine's clock, UTC.
    pub announced_at: String,
    /// The beacon round whose randomness will seed the draw.
    pub beacon: AnnouncedBeacon,
    /// The dice digits rolled in public at the announcement, `""` for none.
    pub dice: String,
    /// Parties' contributions, sorted by name.
    pub parties: Vec<Contribution>,
    /// The announcement's digest (SPEC.md §5.3).
    pub digest: String,
}

impl Announcement {
    /// An announcement (or a draft) as published, as strict JSON: a member named twice or
    /// unknown is refused. Its content is checked where it is used
    /// ([`check_announcement`](crate::ceremony::check_announcement),
    /// [`check_draft`](crate::ceremony::check_draft)).
    pub fn parse(name: &str, bytes: &[u8]) -> crate::error::Result<Announcement> {
        crate::base::strict::from_slice(name, bytes)
    }
}

/// Digests of the announced inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnouncedInputs {
    /// The plan.
    pub plan: InputDigest,
    /// The target directory.
    pub targets: InputDigest,
    /// The officer roster.
    pub officers: InputDigest,
    /// The digest of the officers' names (SPEC.md §3.4), hex, `""` for a roster
    /// without names: frozen here because names are outside the roster's digest.
    pub officer_names: String,
    /// The earlier batches' record digests, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<String>,
    /// The history file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<InputDigest>,
    /// The conflicts file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<InputDigest>,
}

/// What an announcement freezes of a draw's inputs, and what the ceremony checks the
/// inputs against: made by [`Inputs::committed`](crate::draw::Inputs::committed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committed {
    /// The plan's id.
    pub plan: String,
    /// The inputs' digests, as an announcement states them.
    pub inputs: AnnouncedInputs,
    /// Each earlier batch's record digest, with the beacon round of its attested seed.
    pub earlier_rounds: Vec<(String, Option<u64>)>,
}

/// The announced beacon round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnnouncedBeacon {
    /// The chain: drand quicknet's chain hash.
    pub chain_hash: String,
    /// The first round emitted at or after `not_before`.
    pub round: u64,
    /// The earliest time the randomness may come from, UTC: at least the margin after
    /// `announced_at`.
    pub not_before: String,
    /// When the round is emitted, UTC.
    pub emitted_at: String,
}

/// A party's contribution, fixed in the announcement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// The party (notary, observer, the bureau …), normalised with `text`.
    pub name: String,
    /// `contribution(body, name, secret)`, hex (SPEC.md §5.3).
    pub contribution: String,
}

/// How an attested seed was made, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attestation {
    /// The announcement, whole.
    pub announcement: Announcement,
    /// The attempts it replaces, oldest first: each was announced and not drawn.
    pub replaced: Vec<Announcement>,
    /// The announced beacon round, as drand published it.
    pub beacon: UsedRound,
    /// Secrets the parties chose to reveal, sorted by name: each shows that its
    /// party's contribution was made for this announcement. Not part of the seed.
    pub reveals: Vec<Reveal>,
    /// An RFC 3161 time-stamp token over the announcement file, base64 (DER), or `""`.
    pub timestamp: String,
}

/// The beacon round a draw used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsedRound {
    /// The round.
    pub round: u64,
    /// Its randomness, hex.
    pub randomness: String,
    /// Its signature, hex.
    pub signature: String,
}

/// A revealed secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reveal {
    /// The party.
    pub name: String,
    /// The secret.
    pub secret: String,
}

pub(crate) fn tag(name: &str) -> String {
    format!("shuangsui/v{SPEC_VERSION}/{name}")
}

/// A party's name as an announcement holds it: normalised text (SPEC.md §2).
pub fn party_name(name: &str) -> String {
    crate::base::normalize::text(name)
}

/// `contribution = SHA-256(str("shuangsui/v2/contribution") ‖ body ‖ str(name) ‖
/// str(secret))`, hex, where `body` is the announcement's [`body_digest`]: the
/// contribution serves this announcement and no other (SPEC.md §5.3).
pub fn contribution(body: &Hash, name: &str, secret: &str) -> String {
    let name = party_name(name);
    let mut e = Encoder::new(&tag("contribution"));
    e.hash(body).str(&name).str(secret);
    to_hex(&e.finish())
}

/// An announcement's serialisation (SPEC.md §9.2): the bytes of its file, and
/// what an RFC 3161 time-stamp is made over.
pub fn to_json(a: &Announcement) -> String {
    let mut s = serde_json::to_string_pretty(a).expect("an announcement always serialises");
    s.push('\n');
    s
}

/// The digest of an announcement: like a record's (SPEC.md §9.3), over its
/// pretty JSON without `digest`, with the tag `shuangsui/v2/announcement`.
pub fn digest_of(a: &Announcement) -> String {
    let mut value = serde_json::to_value(a).expect("an announcement always serialises");
    if let Some(obj) = value.as_object_mut() {
        obj.shift_remove("digest");
    }
    let text = serde_json::to_string_pretty(&value).expect("a value always serialises");
    let mut e = Encoder::new(&tag("announcement"));
    e.bytes(text.as_bytes());
    to_hex(&e.finish())
}

/// The digest parties contribute to: [`digest_of`] the announcement with every
/// contribution `""` — the draft. Everything else — inputs, round, dice, attempt and
/// which parties contribute — is fixed by it.
pub fn body_digest(a: &Announcement) -> Hash {
    let body = Announcement {
        parties: a
            .parties
            .iter()
            .map(|p| Contribution {
                name: p.name.clone(),
                contribution: String::new(),
            })
            .collect(),
        ..a.clone()
    };
    unhex(&digest_of(&body)).expect("a digest is 64 hex digits")
}

pub(crate) fn unhex(s: &str) -> Option<Hash> {
    if s.len() != 64 || !s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    hex::decode(s).ok()?.try_into().ok()
}

/// An error of the announcement, `announcement: …`, whose message (a catalog message, shown
/// in the error's language) says what is wrong. Verification reads it back
/// (`value("reason")`) to say why an attestation does not hold.
pub(crate) fn bad(message: Message) -> Error {
    Error::new(ErrorKind::Announcement).arg("reason", message)
}

/// Standard base64 with padding (RFC 4648 §4), as the record keeps a token.
pub fn base64_encode(bytes: &[u8]) -> String {
    use base64ct::Encoding as _;
    base64ct::Base64::encode_string(bytes)
}

/// Decodes [`base64_encode`]'s form, canonical only (padding, no whitespace, no stray bits);
/// `None` for anything else.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    use base64ct::Encoding as _;
    let out = base64ct::Base64::decode_vec(s).ok()?;
    (base64_encode(&out) == s).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_canonical_rfc_4648() {
        for n in 0..10u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            let text = base64_encode(&bytes);
            assert_eq!(base64_decode(&text), Some(bytes));
        }
        assert_eq!(base64_encode(b"A"), "QQ==");
        // Missing padding, stray bits, whitespace, another alphabet: refused.
        for bad in ["QQ", "QR==", " QQ==", "QQ==\n", "-_8=", "Q==="] {
            assert_eq!(base64_decode(bad), None, "{bad:?}");
        }
    }
}
