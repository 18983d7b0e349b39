//! The object identifiers of time-stamp tokens, their certificates and their signatures.

use const_oid::ObjectIdentifier as Oid;

pub(super) const ID_SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
pub(super) const ID_CT_TST_INFO: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.1.4");
pub(super) const ID_CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
pub(super) const ID_MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
pub(super) const ID_SIGNING_CERTIFICATE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.12");
pub(super) const ID_SIGNING_CERTIFICATE_V2: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.47");

pub(super) const ID_SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
pub(super) const ID_SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
pub(super) const ID_SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
pub(super) const ID_SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");
pub(super) const ID_SM3: Oid = Oid::new_unwrap("1.2.156.10197.1.401");

pub(super) const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
#[cfg(feature = "rsa")]
pub(super) const ID_MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
pub(super) const ID_RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
#[cfg(feature = "rsa")]
pub(super) const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
#[cfg(feature = "rsa")]
pub(super) const SHA384_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
#[cfg(feature = "rsa")]
pub(super) const SHA512_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");
pub(super) const ID_EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
pub(super) const PRIME256V1: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
pub(super) const ECDSA_WITH_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
pub(super) const ECDSA_WITH_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
pub(super) const ECDSA_WITH_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");
/// The SM2 curve (GB/T 33560), also used as a signature algorithm by some signers.
pub(super) const SM2_CURVE: Oid = Oid::new_unwrap("1.2.156.10197.1.301");
/// `sm2sign` (GB/T 35275 names it as the `SignerInfo`'s signature algorithm).
pub(super) const SM2_SIGN: Oid = Oid::new_unwrap("1.2.156.10197.1.301.1");
pub(super) const SM2_WITH_SM3: Oid = Oid::new_unwrap("1.2.156.10197.1.501");

pub(super) const ID_KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
pub(super) const ID_CE_SUBJECT_KEY_IDENTIFIER: Oid = Oid::new_unwrap("2.5.29.14");
pub(super) const ID_CE_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
pub(super) const ID_CE_BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
pub(super) const ID_CE_EXT_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
