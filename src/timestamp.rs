//! RFC 3161 time-stamp tokens (placeholder until the verifier lands).

/// What a verified token anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// genTime as Unix seconds.
    pub time: i64,
    /// genTime, UTC.
    pub time_text: String,
    /// The signer's subject.
    pub tsa: String,
    /// The token's serial number.
    pub serial: String,
    /// The signature algorithm.
    pub algorithm: String,
}

/// A parsed token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// genTime as Unix seconds.
    pub time: i64,
    /// genTime, UTC.
    pub time_text: String,
    /// The SHA-256 message imprint.
    pub imprint: [u8; 32],
    /// The token's DER.
    pub der: Vec<u8>,
}

/// Why a token is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Not a token.
    Malformed(String),
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::Malformed(m) => write!(f, "malformed: {m}"),
        }
    }
}

/// Parses a token.
pub fn parse(_bytes: &[u8]) -> Result<Token, Invalid> {
    Err(Invalid::Malformed("not implemented".into()))
}

/// Checks a token.
pub fn check(_token: &[u8], _data: &[u8], _cert: &[u8]) -> Result<Anchor, Invalid> {
    Err(Invalid::Malformed("not implemented".into()))
}
