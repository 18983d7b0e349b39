//! The draw notice's seed section: where the seed came from, one line per fact.

use std::fmt::Write as _;

use super::common::Lang;
use crate::draw::record::Record;

/// The seed's provenance, one line per fact.
pub(super) fn provenance(
    lang: Lang,
    record: &Record,
    anchor: Option<&crate::ceremony::timestamp::Anchor>,
) -> Vec<String> {
    let Some(a) = &record.seed.attestation else {
        return vec![format!(
            "{}: `{}`. {}",
            lang.pick("随机种子（未经证明）", "Seed (unattested)"),
            record.seed.value,
            lang.pick(
                "该种子由操作人员输入，没有证据表明它不是在看到抽取结果后选定的。",
                "The seed was typed by the operator: nothing proves it was not chosen after seeing the draw."
            )
        )];
    };
    let an = &a.announcement;
    let mut lines = vec![format!(
        "{}: `{}`，{} {}",
        lang.pick("抽取公告摘要", "Announcement digest"),
        an.digest,
        lang.pick("公告时间", "announced at"),
        an.announced_at
    )];
    let anchored = crate::ceremony::base64_decode(&a.timestamp)
        .and_then(|der| crate::ceremony::timestamp::parse(&der).ok());
    lines.push(match (anchored, anchor) {
        (Some(token), Some(verified)) => format!(
            "{}: {}{}{}{}`{}`{}",
            lang.pick(
                "可信时间戳（RFC 3161）证明公告存在于",
                "An RFC 3161 time-stamp shows the announcement existed at"
            ),
            token.time_text,
            lang.pick("，时间戳机构 ", "; authority "),
            verified.tsa,
            lang.pick("，签名证书 SHA-256 指纹 ", ", signing certificate SHA-256 fingerprint "),
            verified.fingerprint,
            lang.pick(
                "（发布前已用材料包中的 tsa.pem 验证签名）。请把指纹与该机构公布的证书比对：时间戳只在该机构可信时才有意义。",
                " (its signature verified before publication with the kit's tsa.pem). Compare the fingerprint with the one the authority publishes: a time-stamp means something only if the authority is trusted."
            )
        ),
        (Some(token), None) => format!(
            "{}: {}{}",
            lang.pick(
                "公告带有可信时间戳（RFC 3161），时间为",
                "The announcement carries an RFC 3161 time-stamp dated"
            ),
            token.time_text,
            lang.pick(
                "，但其签名未经验证：核验时请提供时间戳机构的证书。",
                ", but its signature was not verified: give the authority's certificate when verifying."
            )
        ),
        (None, _) => lang
            .pick(
                "公告没有可信时间戳：公告须在随机数发布前已公开，这一点须查对公告的发布记录。",
                "The announcement has no time-stamp: that it was public before the randomness rests on its publication record.",
            )
            .to_owned(),
    });
    lines.push(format!(
        "{}: {} {}",
        lang.pick("抽取尝试", "Attempt"),
        an.attempt,
        if a.replaced.is_empty() {
            lang.pick("（首次公告）", "(the first announcement)")
                .to_owned()
        } else {
            let mut out = String::new();
            for old in &a.replaced {
                let why = a
                    .replaced
                    .iter()
                    .chain(std::iter::once(an))
                    .find(|n| n.replaces == old.digest)
                    .map_or("", |n| n.reason.as_str());
                let _ = write!(
                    out,
                    "{} {}{} `{}`{}{} {}{}{}{}",
                    lang.pick("；作废的第", "; replaced attempt"),
                    old.attempt,
                    lang.pick(" 次公告", ""),
                    old.digest,
                    lang.pick("（", " ("),
                    lang.pick("轮次", "round"),
                    old.beacon.round,
                    lang.pick("，原因：", ", reason: "),
                    why,
                    lang.pick("）", ")")
                );
            }
            out
        }
    ));
    lines.push(format!(
        "{}: {}（{} {}）",
        lang.pick(
            "随机源 drand quicknet 轮次",
            "Randomness: drand quicknet round"
        ),
        a.beacon.round,
        lang.pick("发布于", "emitted at"),
        an.beacon.emitted_at,
    ));
    if !an.dice.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.pick(
                "公告时公开掷骰",
                "Dice rolled in public at the announcement"
            ),
            an.dice
        ));
    }
    if !an.parties.is_empty() {
        lines.push(format!(
            "{}: {}",
            lang.pick(
                "公告中的参与方贡献",
                "Parties' contributions in the announcement"
            ),
            an.parties
                .iter()
                .map(|p| {
                    let revealed = a.reveals.iter().any(|r| r.name == p.name);
                    format!(
                        "{}{}",
                        p.name,
                        if revealed {
                            lang.pick("（已公开秘密）", " (secret revealed)")
                        } else {
                            lang.pick("（未公开秘密）", " (secret not revealed)")
                        }
                    )
                })
                .collect::<Vec<_>>()
                .join(lang.pick("、", ", "))
        ));
    }
    lines.push(format!(
        "{}: `{}`",
        lang.pick("由此得出的随机种子", "Derived seed"),
        record.seed.value
    ));
    lines.push(
        lang.pick(
            "可由任何人核验的：种子仅由公告摘要与该轮 drand 随机数得出，此后输入的任何内容都不影响种子；drand 轮次的 BLS 签名可用内置公钥离线验证；输入文件与公告冻结的一致。取决于程序的：掷骰是否公正（现场公开）；公告是否在轮次发布前已公开；该计划是否没有其他未公开的公告；未公开秘密的参与方的贡献是否确为其本人所作。",
            "Anyone can check: the seed comes only from the announcement's digest and that drand round's randomness, and nothing entered afterwards changes it; the round's BLS signature verifies offline against the built-in key; the input files are the ones the announcement froze. Resting on procedure: that the dice were rolled fairly (in public); that the announcement was public before the round; that no other announcement was made for this plan; that an unrevealed party's contribution is its own.",
        )
        .to_owned(),
    );
    lines
}
