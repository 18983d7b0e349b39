//! Why a token was not accepted.

use crate::messages::{Lang, Message, msg};

/// Why a token was not accepted.
///
/// Its message comes from the catalog ([`Invalid::message`]); `Display` gives the English
/// one. The text a variant carries is the detail: what the reply's status says, the name
/// of an algorithm, or which part of the token or certificate is at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The bytes are not a well-formed time-stamp reply or token.
    Malformed(String),
    /// The reply's status says that no time stamp was granted.
    NotGranted(String),
    /// The message imprint uses another hash than SHA-256 (only SHA-256 is accepted).
    ImprintAlgorithm(String),
    /// The token was issued for other bytes than the given data.
    ImprintMismatch,
    /// The signature does not verify: the token was altered, or not signed by that key.
    Signature,
    /// The given certificates neither are the signer's nor issued the signer's certificate.
    UnknownSigner,
    /// An algorithm this verifier does not implement.
    UnsupportedAlgorithm(String),
    /// A certificate is unreadable or not acceptable (validity, key usage, ESS binding).
    Certificate(String),
}

impl Invalid {
    /// Why, as a message of the catalog (to be shown in either language, or put into
    /// another message).
    pub fn to_message(&self) -> Message {
        match self {
            Invalid::Malformed(detail) => msg("timestamp-malformed").arg("detail", detail),
            Invalid::NotGranted(status) => msg("timestamp-not-granted").arg("status", status),
            Invalid::ImprintAlgorithm(algorithm) => {
                msg("timestamp-imprint-algorithm").arg("algorithm", algorithm)
            }
            Invalid::ImprintMismatch => msg("timestamp-imprint-mismatch"),
            Invalid::Signature => msg("timestamp-signature"),
            Invalid::UnknownSigner => msg("timestamp-unknown-signer"),
            Invalid::UnsupportedAlgorithm(detail) => {
                msg("timestamp-unsupported-algorithm").arg("detail", detail)
            }
            Invalid::Certificate(detail) => msg("timestamp-certificate").arg("detail", detail),
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

impl std::error::Error for Invalid {}

pub(super) fn malformed(what: impl Into<String>) -> Invalid {
    Invalid::Malformed(what.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn why_a_token_is_refused_in_chinese_and_in_english() {
        let e = Invalid::ImprintAlgorithm("SHA-384".into());
        assert_eq!(
            e.message(Lang::Zh),
            "时间戳令牌的消息摘要使用 SHA-384；只接受 SHA-256 摘要"
        );
        assert_eq!(
            e.to_string(),
            "the token's message imprint uses SHA-384; only SHA-256 imprints are accepted"
        );
        assert_eq!(
            Invalid::UnknownSigner.message(Lang::Zh),
            "所给证书既不是时间戳令牌的签名证书，也不是其签发者"
        );
    }
}
