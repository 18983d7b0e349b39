//! The signer's certificate: one of the given certificates, or one the token carries that a
//! given certificate issued (possibly through further carried certificates), each signature of
//! that chain checked.

use super::certificate::Cert;
use super::cms::Sid;
use super::error::Invalid;
use super::signature::{Failure, verify};

/// At most this many issuers between the signer and a given certificate.
const MAX_CHAIN: usize = 8;
/// At most this many certificate signatures are checked while looking for the signer's chain.
const MAX_CHAIN_CHECKS: usize = 64;

/// Finds the signer's certificate among the given ones, or among those the token carries
/// when a chain leads from it to a given certificate.
pub(super) fn find_signer<'c, 'a>(
    sid: &Sid<'_>,
    given: &'c [Cert<'a>],
    carried: &'c [Cert<'a>],
    time: i64,
) -> Result<&'c Cert<'a>, Invalid> {
    if let Some(cert) = given.iter().find(|c| c.matches(sid)) {
        return Ok(cert);
    }
    let mut problem = None;
    let mut budget = MAX_CHAIN_CHECKS;
    for cert in carried.iter().filter(|c| c.matches(sid)) {
        match chain_to_given(cert, given, carried, time, 0, &mut budget) {
            Ok(()) => return Ok(cert),
            Err(Some(e)) => problem = Some(e),
            Err(None) => {}
        }
    }
    // A given certificate with the signer's name that is not the signer's: say so plainly
    // (an authority of the same name, another key).
    if let Some(named) = carried.iter().filter(|c| c.matches(sid)).find_map(|c| {
        given
            .iter()
            .find(|g| g.subject == c.subject && g.raw != c.raw)
    }) {
        return Err(Invalid::Certificate(format!(
            "the given certificate of {} is not the one that signed this token: same name, another certificate",
            named.subject_text()
        )));
    }
    Err(problem.unwrap_or(Invalid::UnknownSigner))
}

/// Whether `cert` was issued by a given certificate, directly or through carried ones.
/// `Err(None)`: no issuer found; `Err(Some(_))`: an issuer was found but is not acceptable.
fn chain_to_given(
    cert: &Cert<'_>,
    given: &[Cert<'_>],
    carried: &[Cert<'_>],
    time: i64,
    depth: usize,
    budget: &mut usize,
) -> Result<(), Option<Invalid>> {
    if depth > MAX_CHAIN {
        return Err(None);
    }
    let mut problem = None;
    for issuer in given.iter().filter(|g| g.subject == cert.issuer) {
        match issued_by(cert, issuer, time, budget) {
            Ok(()) => return Ok(()),
            Err(e) => problem = Some(e),
        }
    }
    for issuer in carried
        .iter()
        .filter(|c| c.subject == cert.issuer && c.raw != cert.raw)
    {
        if given.iter().any(|g| g.raw == issuer.raw) {
            continue;
        }
        match issued_by(cert, issuer, time, budget)
            .map_err(Some)
            .and_then(|()| chain_to_given(issuer, given, carried, time, depth + 1, budget))
        {
            Ok(()) => return Ok(()),
            Err(Some(e)) => problem = Some(e),
            Err(None) => {}
        }
    }
    Err(problem)
}

/// Whether `issuer` issued `cert`: a CA whose key verifies `cert`'s signature, both valid
/// at `time`. Each call spends one unit of `budget`.
fn issued_by(
    cert: &Cert<'_>,
    issuer: &Cert<'_>,
    time: i64,
    budget: &mut usize,
) -> Result<(), Invalid> {
    // Many carried certificates with the same name must not make the search explode.
    *budget = budget.checked_sub(1).ok_or_else(|| {
        Invalid::Certificate("the token's certificates form too many candidate chains".into())
    })?;
    if !issuer.is_ca() {
        return Err(Invalid::Certificate(format!(
            "{} issued the signer's chain but is not a CA certificate",
            issuer.subject_text()
        )));
    }
    let key = issuer.key()?;
    match verify(
        &key,
        &cert.signature_algorithm,
        None,
        cert.tbs,
        cert.signature,
    ) {
        Ok(_) => {}
        Err(Failure::Bad) => {
            return Err(Invalid::Certificate(format!(
                "the signature on the certificate of {} does not verify under {}",
                cert.subject_text(),
                issuer.subject_text()
            )));
        }
        Err(Failure::Unsupported(what)) => return Err(Invalid::UnsupportedAlgorithm(what)),
    }
    issuer.valid_at(time)?;
    cert.valid_at(time)
}
