//! RFC 3161 time-stamp tokens, checked offline.
//!
//! Before a beacon round is emitted, a bureau can prove that its announcement already
//! existed: it sends the SHA-256 of the announcement file to a time-stamp authority (TSA),
//! as `openssl ts -query -data announcement.json -sha256 -cert` does, and keeps the signed
//! reply. [`check`] verifies such a reply (or the bare token inside it) against the bytes of
//! the file and a TSA certificate that the user supplies, and says when the TSA saw the file
//! and who the TSA is. Nothing is fetched: revocation is not checked.
//!
//! What [`check`] requires, in this order:
//! 1. the token parses: a `TimeStampResp` whose status is granted (or granted with
//!    modifications), or a bare `TimeStampToken` (a CMS `ContentInfo` of `SignedData`),
//!    as DER or PEM; the encapsulated content is a `TSTInfo`;
//! 2. the `TSTInfo`'s message imprint is SHA-256 and equals the SHA-256 of the data;
//! 3. the first `SignerInfo` has signed attributes, among them a content type of
//!    `id-ct-TSTInfo` and a message digest equal to the digest of the `TSTInfo`
//!    (SHA-256, SHA-384, SHA-512, or SM3 with SM2);
//! 4. the signer's certificate is one of the given certificates, or a certificate carried
//!    in the token that a given certificate issued (possibly through further certificates
//!    carried in the token), each signature of that chain checked;
//! 5. the signature over the DER of the signed attributes verifies under the signer's key:
//!    RSA PKCS#1 v1.5 or RSA-PSS with SHA-256/384/512, ECDSA P-256, or SM2 with SM3
//!    (GB/T 32918, user id `1234567812345678`);
//! 6. every certificate of the chain is valid at the token's time, the signer's carries the
//!    critical extended key usage `id-kp-timeStamping`, and an issuer is a CA;
//! 7. if present, the ESS `signingCertificate(V2)` attribute names the signer's certificate.
//!
//! ```
//! use shuangsui::ceremony::timestamp::{self, Invalid};
//!
//! // Garbage is reported, never a panic.
//! assert!(matches!(timestamp::parse(b"not a token"), Err(Invalid::Malformed(_))));
//! ```
//!
//! Where things are:
//! - `token.rs`: the two entry points, [`parse`] and [`check`], and what they return;
//! - `cms.rs`: the reply, the token, its `SignerInfo` and its `TSTInfo`, parsed;
//! - `time.rs`: the token's `GeneralizedTime`;
//! - `certificate.rs`: the given certificate file read, and what is asked of a certificate;
//! - `chain.rs`: the signer's certificate found, and its chain to a given certificate;
//! - `signature.rs`: public keys and signature verification (RSA, ECDSA P-256, SM2);
//! - `digest.rs`: the hash functions, by object identifier;
//! - `der_reader.rs`: the DER reader everything above parses with;
//! - `oid.rs`: the object identifiers; `error.rs`: [`Invalid`], why a token is refused.

mod certificate;
mod chain;
mod cms;
mod der_reader;
mod digest;
mod error;
mod oid;
mod signature;
mod time;
mod token;

pub use certificate::certificates;
pub use error::Invalid;
pub use token::{Anchor, Token, check, parse};
