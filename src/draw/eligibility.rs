//! Who may be drawn: targets whose status makes them not inspectable, and
//! officers who are not on duty or hold no certificate valid on the draw
//! date (SPEC.md §6.1, §8.1).

use crate::dates::{Date, OPEN_END, Validity};
use crate::error::{Error, ErrorKind, Location, Result, Warning};
use crate::inputs::Table;
pub use crate::inputs::values::{NOT_ON_DUTY, ON_DUTY};
use crate::messages::{Message, msg};

/// The reason code of an officer without a certificate valid on the day (SPEC.md §8.1).
pub const NO_VALID_CERTIFICATE: &str = "证件无效";

/// The characters that end a status's head (SPEC.md §6.1): `吊销，未注销` has
/// the head `吊销`, `存续（在营、开业、在册）` the head `存续`.
pub const STATUS_HEAD_ENDS: &[char] = &['（', '(', '，', ',', '；', ';', '、'];

/// A status's head: the text before the first of [`STATUS_HEAD_ENDS`], without
/// white space at its end (SPEC.md §6.1).
pub fn status_head(status: &str) -> &str {
    let end = status.find(STATUS_HEAD_ENDS).unwrap_or(status.len());
    status[..end].trim_end_matches(char::is_whitespace)
}

/// The exclusion reason of a target with this (normalised) status: the keyword
/// of `keywords` equal to the whole status, else the one equal to its head
/// ([`status_head`]: `吊销，未注销` → 吊销), or `None` when the target is
/// eligible. A keyword inside a word does not count: `存续（非注销）` and
/// `未注销` are not 注销 (SPEC.md §6.1).
pub fn target_exclusion<'a>(status: &str, keywords: &'a [String]) -> Option<&'a str> {
    let head = status_head(status);
    keywords
        .iter()
        .find(|k| k.as_str() == status)
        .or_else(|| keywords.iter().find(|k| k.as_str() == head))
        .map(String::as_str)
}

/// Why an officer cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ineligible {
    /// Row index in the roster.
    pub row: usize,
    /// The reason code published in the record: `不在岗` or `证件无效` (SPEC.md §8.1).
    pub reason: &'static str,
    /// The status found, or what is wrong with the certificates, in either language:
    /// `problem.text(lang)` (`Display` is the English).
    pub problem: Message,
}

/// The officer roster's eligibility for a draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officers {
    /// Per roster row: eligible or not.
    pub eligible: Vec<bool>,
    /// The ineligible officers, in roster order.
    pub ineligible: Vec<Ineligible>,
    /// The date certificates were checked on; `None` when the roster has no
    /// certificate column.
    pub certificates_checked_on: Option<Date>,
}

/// The columns of one certificate group: number, validity, valid from, valid to.
type CertificateColumns = (usize, Option<usize>, Option<usize>, Option<usize>);

/// Decides which officers may be drawn (SPEC.md §8.1).
pub fn officers(
    roster: &Table,
    date: Option<Date>,
    plan_source: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Officers> {
    let status_col = roster.column("status");
    let groups: Vec<CertificateColumns> = std::iter::once(String::new())
        .chain((2..=9).map(|n| format!("_{n}")))
        .filter_map(|suffix| {
            let number = roster.column(&format!("certificate{suffix}"))?;
            Some((
                number,
                roster.column(&format!("validity{suffix}")),
                roster.column(&format!("valid_from{suffix}")),
                roster.column(&format!("valid_to{suffix}")),
            ))
        })
        .collect();
    let checked_on = if groups.is_empty() {
        warnings.push(Warning::CertificatesNotChecked);
        None
    } else {
        Some(date.ok_or_else(|| {
            Error::new(ErrorKind::PlanValue)
                .at(Location::file(plan_source))
                .arg("context", msg("plan-context-none"))
                .arg("key", "plan.date")
                .arg(
                    "expected",
                    msg("draw-expected-date-for-certificates")
                        .arg("roster", roster.source.as_str()),
                )
                .arg("found", msg("plan-found-no-date"))
        })?)
    };
    let mut eligible = vec![true; roster.rows.len()];
    let mut ineligible = Vec::new();
    for (i, row) in roster.rows.iter().enumerate() {
        if let Some(c) = status_col {
            let status = row.values[c].as_str();
            if !ON_DUTY.contains(&status) {
                eligible[i] = false;
                let problem = if status.is_empty() {
                    msg("draw-officer-status-empty")
                } else {
                    msg("draw-officer-status").arg("status", status)
                };
                ineligible.push(Ineligible {
                    row: i,
                    reason: NOT_ON_DUTY,
                    problem,
                });
                continue;
            }
        }
        let Some(day) = checked_on else { continue };
        let mut problem = msg("draw-no-certificate");
        let mut valid = false;
        for &(number, validity, from, to) in &groups {
            if row.values[number].is_empty() {
                continue;
            }
            let period = validity
                .map(|v| row.values[v].as_str())
                .filter(|v| !v.is_empty())
                .and_then(Validity::parse)
                .or_else(|| {
                    let from = crate::dates::Date::parse(&row.values[from?])?;
                    let to = row.values[to?].as_str();
                    let to = if to == OPEN_END {
                        None
                    } else {
                        Some(crate::dates::Date::parse(to)?)
                    };
                    Some(Validity { from, to })
                });
            match period {
                Some(p) if p.covers(day) => valid = true,
                Some(p) => {
                    let certificate = row.values[number].as_str();
                    problem = match p.to {
                        Some(to) if to < day => msg("draw-certificate-expired")
                            .arg("certificate", certificate)
                            .arg("date", to.to_string()),
                        _ => msg("draw-certificate-not-yet-valid")
                            .arg("certificate", certificate)
                            .arg("date", p.from.to_string()),
                    };
                }
                None => {
                    problem = msg("draw-certificate-no-dates")
                        .arg("certificate", row.values[number].as_str());
                }
            }
        }
        if !valid {
            eligible[i] = false;
            ineligible.push(Ineligible {
                row: i,
                reason: NO_VALID_CERTIFICATE,
                problem,
            });
        }
    }
    Ok(Officers {
        eligible,
        ineligible,
        certificates_checked_on: checked_on,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inputs::TableKind;
    use crate::messages::Lang;

    #[test]
    fn keywords_match_whole_statuses_or_their_heads() {
        let k: Vec<String> = crate::plan::DEFAULT_EXCLUDED_STATUSES
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(target_exclusion("吊销，未注销", &k), Some("吊销"));
        assert_eq!(target_exclusion("吊销 ,已注销", &k), Some("吊销"));
        assert_eq!(target_exclusion("注销", &k), Some("注销"));
        assert_eq!(target_exclusion("迁出（迁往外省）", &k), Some("迁出"));
        assert_eq!(target_exclusion("存续（在营、开业、在册）", &k), None);
        // Issue 14: a keyword inside a word or a bracket excluded these as 注销.
        assert_eq!(target_exclusion("存续（非注销）", &k), None);
        assert_eq!(target_exclusion("未注销", &k), None);
        assert_eq!(target_exclusion("注销中", &k), None);
        // The whole status first: a keyword with a separator in it matches as a whole.
        let k = vec!["吊销".to_owned(), "吊销，已注销".to_owned()];
        assert_eq!(target_exclusion("吊销，已注销", &k), Some("吊销，已注销"));
        assert_eq!(target_exclusion("吊销，未注销", &k), Some("吊销"));
    }

    #[test]
    fn status_and_certificates() {
        let csv = "id,name,status,执法证号,证件有效期,执法证号2,有效期起2,有效期止2\n\
                   E1,a,在岗,C1,2020-01-01至2030-12-31,,,\n\
                   E2,b,休假,C2,2020-01-01至2030-12-31,,,\n\
                   E3,c,在岗,C3,2020-01-01至2026-12-31,,,\n\
                   E4,d,在岗,C4,2020-01-01至2026-12-31,C5,2026-06-01,长期\n\
                   E5,e,在岗,,,,,\n\
                   E6,f,在岗,C6,,,,\n";
        let t = Table::from_csv(TableKind::Officers, "o.csv", csv.as_bytes()).unwrap();
        let mut w = Vec::new();
        let e = officers(&t, Date::parse("2027-01-15"), "plan.toml", &mut w).unwrap();
        assert_eq!(e.eligible, [true, false, false, true, false, false]);
        let details: Vec<String> = e.ineligible.iter().map(|i| i.problem.to_string()).collect();
        assert_eq!(
            details,
            [
                // Only 在岗/不在岗 is read (SPEC.md §3.3, kind duty): 休假 is not kept.
                "不在岗",
                "certificate C3 expired on 2026-12-31",
                "no certificate",
                "certificate C6 has no validity dates"
            ]
        );
        assert!(w.is_empty());
        let problems: Vec<String> = e
            .ineligible
            .iter()
            .map(|i| i.problem.text(Lang::Zh))
            .collect();
        assert_eq!(
            problems,
            [
                "不在岗",
                "执法证 C3 已于 2026-12-31 过期",
                "无执法证",
                "执法证 C6 没有有效期"
            ]
        );
        let err = officers(&t, None, "plan.toml", &mut w).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("plan.toml: plan.date: expected the draw date"),
            "{err}"
        );
        assert_eq!(
            err.message(Lang::Zh),
            "plan.toml: plan.date：应为 抽取日期（date = \"2027-01-15\"）：o.csv 列有执法证，执法证须在这一天有效，实为 未填写"
        );
    }

    #[test]
    fn no_certificate_columns_is_a_warning() {
        let t = Table::from_csv(TableKind::Officers, "o.csv", b"id,name\nE1,a\n").unwrap();
        let mut w = Vec::new();
        let e = officers(&t, None, "plan.toml", &mut w).unwrap();
        assert_eq!(e.eligible, [true]);
        assert_eq!(w, [Warning::CertificatesNotChecked]);
    }
}
