//! Why a token was not accepted.

/// Why a token was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// The bytes are not a well-formed time-stamp reply or token.
    #[error("the time-stamp token is malformed: {0}")]
    Malformed(String),
    /// The reply's status says that no time stamp was granted.
    #[error("the time-stamp authority did not grant a time stamp: {0}")]
    NotGranted(String),
    /// The message imprint uses another hash than SHA-256 (only SHA-256 is accepted).
    #[error("the token's message imprint uses {0}; only SHA-256 imprints are accepted")]
    ImprintAlgorithm(String),
    /// The token was issued for other bytes than the given data.
    #[error(
        "the token was issued for other bytes: its message imprint is not the SHA-256 of the given data"
    )]
    ImprintMismatch,
    /// The signature does not verify: the token was altered, or not signed by that key.
    #[error(
        "the token's signature does not verify under the signer's certificate: the token was altered or signed by another key"
    )]
    Signature,
    /// The given certificates neither are the signer's nor issued the signer's certificate.
    #[error(
        "the given certificates are neither the token's signing certificate nor the issuer of it"
    )]
    UnknownSigner,
    /// An algorithm this verifier does not implement.
    #[error("unsupported algorithm: {0}")]
    UnsupportedAlgorithm(String),
    /// A certificate is unreadable or not acceptable (validity, key usage, ESS binding).
    #[error("certificate not acceptable: {0}")]
    Certificate(String),
}

pub(super) fn malformed(what: impl Into<String>) -> Invalid {
    Invalid::Malformed(what.into())
}
