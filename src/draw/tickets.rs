//! Tickets: `ticket = SHA-256(task key ‖ id)`, computed for many ids under one key
//! (SPEC.md §7.2).

use sha2::{Digest as _, Sha256};

use crate::base::canonical::SPEC_VERSION;
use crate::base::canonical::{Hash, to_hex};

/// Computes tickets for many ids under one key. The fixed prefix's whole 64-byte
/// blocks are compressed once; a ticket then costs the compression of its last block
/// or two, built in place (FIPS 180-4 padding), without a hasher per id.
#[derive(Clone)]
pub struct Ticketer {
    /// The SHA-256 state after the prefix's whole blocks.
    state: [u32; 8],
    /// Their length in bytes.
    compressed: usize,
    /// The rest of the prefix, under 64 bytes.
    tail: Vec<u8>,
    /// The whole prefix, for an id too long for one or two blocks.
    prefix: Vec<u8>,
}

/// SHA-256's initial state (FIPS 180-4 §5.3.3).
const SHA256_IV: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

impl Ticketer {
    /// A target ticketer for a task:
    /// `ticket(id) = SHA-256("shuangsui/v2/target-ticket:" ‖ hex(task_key) ‖ ":" ‖ id)`.
    pub fn targets(task_key: &Hash) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/target-ticket:{}:",
            to_hex(task_key)
        ))
    }

    /// An officer ticketer for one round of a task:
    /// `SHA-256("shuangsui/v2/officer-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(round) ‖ ":" ‖ id)`.
    pub fn officers(task_key: &Hash, round: u64) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/officer-ticket:{}:{round}:",
            to_hex(task_key)
        ))
    }

    /// An officer ticketer for one round of one part of a joint task:
    /// `SHA-256("shuangsui/v2/joint-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(part) ‖ ":" ‖ decimal(round) ‖ ":" ‖ id)`.
    pub fn joint(task_key: &Hash, part: u64, round: u64) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/joint-ticket:{}:{part}:{round}:",
            to_hex(task_key)
        ))
    }

    /// The substitute order of one team slot (SPEC.md §9.4), fixed at the draw:
    /// `SHA-256("shuangsui/v2/substitute-ticket:" ‖ hex(task_key) ‖ ":" ‖ decimal(slot) ‖ ":"
    /// ‖ decimal(len(target)) ‖ ":" ‖ target ‖ ":" ‖ id)`, `len` in UTF-8 bytes, `slot` 1-based.
    pub fn substitute(task_key: &Hash, slot: usize, target: &str) -> Self {
        Self::with_prefix(&format!(
            "shuangsui/v{SPEC_VERSION}/substitute-ticket:{}:{slot}:{}:{target}:",
            to_hex(task_key),
            target.len()
        ))
    }

    pub(crate) fn with_prefix(prefix: &str) -> Self {
        let bytes = prefix.as_bytes();
        let compressed = bytes.len() / 64 * 64;
        let mut state = SHA256_IV;
        let blocks: Vec<sha2::digest::generic_array::GenericArray<u8, sha2::digest::consts::U64>> =
            bytes[..compressed]
                .chunks_exact(64)
                .map(|b| {
                    let block: [u8; 64] = b.try_into().expect("a chunk of 64 bytes");
                    block.into()
                })
                .collect();
        sha2::compress256(&mut state, &blocks);
        Self {
            state,
            compressed,
            tail: bytes[compressed..].to_vec(),
            prefix: bytes.to_vec(),
        }
    }

    /// The ticket of one id.
    pub fn ticket(&self, id: &str) -> Hash {
        self.ticket_of_bytes(id.as_bytes())
    }

    /// [`Ticketer::ticket`] of an id's bytes.
    pub(crate) fn ticket_of_bytes(&self, id: &[u8]) -> Hash {
        use sha2::digest::generic_array::GenericArray;
        let used = self.tail.len() + id.len();
        if used + 9 > 128 {
            let mut h = Sha256::new();
            h.update(&self.prefix);
            h.update(id);
            return h.finalize().into();
        }
        // The last one or two blocks: the prefix's tail, the id, 0x80, zeros, the length in bits.
        let mut buf = [0_u8; 128];
        buf[..self.tail.len()].copy_from_slice(&self.tail);
        buf[self.tail.len()..used].copy_from_slice(id);
        buf[used] = 0x80;
        let n = if used + 9 <= 64 { 64 } else { 128 };
        let bits = ((self.compressed + used) as u64) * 8;
        buf[n - 8..n].copy_from_slice(&bits.to_be_bytes());
        let mut state = self.state;
        let half = |range: std::ops::Range<usize>| -> GenericArray<u8, _> {
            let block: [u8; 64] = buf[range].try_into().expect("64 bytes");
            block.into()
        };
        let blocks = [half(0..64), half(64..128)];
        sha2::compress256(&mut state, &blocks[..n / 64]);
        let mut out = [0_u8; 32];
        for (o, w) in out.chunks_exact_mut(4).zip(state) {
            o.copy_from_slice(&w.to_be_bytes());
        }
        out
    }
}
