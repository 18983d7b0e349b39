//! What the tool prints: summaries of a draw, a check and a verification,
//! in Chinese (the default) or English.

use std::collections::BTreeMap;

use shuangsui::{Check, Inputs, Record, Verification};

use crate::lang::Lang;

fn kind(lang: Lang, filter_empty: bool) -> &'static str {
    if filter_empty {
        lang.pick("不定向", "undirected")
    } else {
        lang.pick("定向", "directed")
    }
}

fn stratum_label(lang: Lang, stratum: &[String]) -> String {
    if stratum.is_empty() {
        lang.pick("全部", "all").to_owned()
    } else {
        stratum.join(" × ")
    }
}

fn exclusions(lang: Lang, excluded: &BTreeMap<String, u64>) -> String {
    if excluded.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = excluded.iter().map(|(k, v)| format!("{k} {v}")).collect();
    format!("; {} {}", lang.pick("排除", "excluded"), parts.join(", "))
}

/// A guarantee of an attested seed, in the report's language.
fn guarantee(lang: Lang, g: &shuangsui::verify::Guarantee) -> String {
    use shuangsui::ceremony::TimeAnchor;
    use shuangsui::verify::Guarantee;
    use std::fmt::Write as _;
    match (lang, g) {
        (Lang::En, g) => g.to_string(),
        (
            Lang::Zh,
            Guarantee::InputsFixed {
                announcement,
                announced_at,
                round,
                emitted_at,
                anchor,
            },
        ) => match anchor {
            TimeAnchor::Verified(a) => format!(
                "输入、骰子与参与方贡献在随机数产生前已冻结：可信时间戳（RFC 3161，{}，证书 SHA-256 指纹 {}，{}，签名已验证）证明公告（摘要 {announcement}）在 {} 已存在，早于 drand 轮次 {round} 的发布时间 {emitted_at}",
                a.tsa, a.fingerprint, a.algorithm, a.time_text
            ),
            TimeAnchor::Unchecked { time } => format!(
                "输入、骰子与参与方贡献由公告（摘要 {announcement}）冻结；时间戳称其在 {time} 已存在，早于 drand 轮次 {round} 的发布时间 {emitted_at}，但时间戳签名未验证（请用 --tsa-cert 提供时间戳机构证书）"
            ),
            TimeAnchor::None => format!(
                "输入、骰子与参与方贡献由公告（摘要 {announcement}，自称作于 {announced_at}）冻结；公告没有可信时间戳：它是否在 {emitted_at}（drand 轮次 {round} 发布）之前已公开，须查对公告的发布记录"
            ),
        },
        (
            Lang::Zh,
            Guarantee::Beacon {
                round,
                signature_verified,
            },
        ) => format!(
            "种子仅来自公告指定的 drand quicknet 轮次 {round}，此后输入的任何内容都不影响种子{}",
            if *signature_verified {
                "（BLS 签名已用内置公钥离线验证）"
            } else {
                "（此版本无法验证 BLS 签名，仅核对了随机数）"
            }
        ),
        (Lang::Zh, Guarantee::Dice { digits }) => {
            format!("公告时公开掷骰 {digits}，已写入公告（掷骰是否公正，取决于现场公开程序）")
        }
        (
            Lang::Zh,
            Guarantee::Parties {
                revealed,
                unrevealed,
            },
        ) => {
            let mut s = "参与方贡献值已写入公告".to_owned();
            if !revealed.is_empty() {
                s.push_str("；已公开秘密、证明为本公告而作：");
                s.push_str(&revealed.join("、"));
            }
            if !unrevealed.is_empty() {
                s.push_str("；未公开秘密、仅凭其声明：");
                s.push_str(&unrevealed.join("、"));
            }
            s
        }
        (
            Lang::Zh,
            Guarantee::Attempt {
                plan,
                attempt,
                replaced,
            },
        ) => {
            let mut s = format!("抽查计划 {plan} 的第 {attempt} 次抽取公告");
            for (n, digest, round, reason) in replaced {
                let _ = write!(
                    s,
                    "；取代第 {n} 次公告（摘要 {digest}，轮次 {round}），未抽取原因：{reason}"
                );
            }
            s + "；该计划没有其他公告，这一点取决于每次公告都已公开"
        }
    }
}

/// The summary of a new announcement: what to publish, and what happens next.
pub fn announcement(lang: Lang, a: &shuangsui::ceremony::Announcement) {
    say!(
        "{} {} ({}{}{}): {} {}",
        lang.pick("抽查计划", "plan"),
        a.plan,
        lang.pick("第 ", "attempt "),
        a.attempt,
        lang.pick(" 次公告", ""),
        lang.pick("输入已冻结，公告摘要", "inputs frozen, announcement digest"),
        a.digest
    );
    say!(
        "  {}: {}",
        lang.pick("公告时间", "announced at"),
        a.announced_at
    );
    say!(
        "  {}: {} ({} {})",
        lang.pick(
            "随机源 drand quicknet 轮次",
            "randomness: drand quicknet round"
        ),
        a.beacon.round,
        lang.pick("发布于", "emitted at"),
        a.beacon.emitted_at
    );
    if !a.dice.is_empty() {
        say!(
            "  {}: {}",
            lang.pick("公开掷骰", "dice rolled in public"),
            a.dice
        );
    }
    for p in &a.parties {
        if p.contribution.is_empty() {
            say!(
                "  {}: {}",
                lang.pick("参与方（待提交贡献值）", "party (to contribute)"),
                p.name
            );
        } else {
            say!(
                "  {}: {} ({})",
                lang.pick("参与方贡献", "party contribution"),
                p.name,
                p.contribution
            );
        }
    }
    if a.attempt > 1 {
        say!(
            "  {}: {} ({})",
            lang.pick("取代的公告", "replaces"),
            a.replaces,
            a.reason
        );
    }
    if shuangsui::ceremony::is_draft(a) {
        say!(
            "{}",
            lang.pick(
                "这是草稿：请各参与方用 shuangsui contribute 提交贡献值，再用 shuangsui finalize 定稿。草稿不能用于抽取，不要公开或申请时间戳。",
                "This is a draft: each party contributes (shuangsui contribute), then shuangsui finalize completes it. A draft cannot be drawn: do not publish or time-stamp it."
            )
        );
    } else {
        say!(
            "{}",
            lang.pick(
                "请在该轮次发布前公开本公告，并申请可信时间戳（openssl ts -query -data 公告文件 -sha256 -cert）；此后输入不得更改。",
                "Publish this announcement before that round is emitted and time-stamp it (openssl ts -query -data FILE -sha256 -cert); the inputs cannot change afterwards."
            )
        );
    }
}

/// The summary of a finished draw.
pub fn draw_summary(lang: Lang, r: &Record) {
    say!(
        "{} {} {}（{}）",
        lang.pick("抽查计划", "plan"),
        r.plan.id,
        r.plan.name,
        r.plan.authority
    );
    say!(
        "  {}: {} ({})",
        lang.pick("随机种子", "seed"),
        r.seed.value,
        match &r.seed.attestation {
            None => lang.pick("未经证明", "unattested").to_owned(),
            Some(a) => format!(
                "{} {}",
                lang.pick("由公告、drand 轮次", "from the announcement, drand round"),
                a.beacon.round,
            ),
        }
    );
    say!(
        "  {}: {} {}",
        lang.pick("检查对象名录库", "target directory"),
        r.inputs.targets.rows,
        lang.pick("行", "rows")
    );
    say!(
        "  {}: {} {}{}",
        lang.pick("执法检查人员名录库", "officer roster"),
        r.inputs.officers.rows,
        lang.pick("行", "rows"),
        if r.inputs.officers.ineligible.is_empty() {
            String::new()
        } else {
            format!(
                ", {} {}",
                r.inputs.officers.ineligible.len(),
                lang.pick("人不可选派", "not eligible")
            )
        }
    );
    for t in &r.tasks {
        say!(
            "{} {} {} [{}]: {} {} → {} {}{}; {} {}, {} {}",
            lang.pick("任务", "task"),
            t.id,
            t.name,
            kind(lang, t.frame.filter.is_empty()),
            lang.pick("名录", "frame"),
            t.frame.size,
            lang.pick("抽取", "drawn"),
            t.selected.len(),
            exclusions(lang, &t.frame.excluded),
            lang.pick("每组", "team size"),
            t.team_size,
            lang.pick("可选执法人员", "eligible officers"),
            t.officers.eligible
        );
        for s in &t.strata {
            say!(
                "    {}: {}, {} → {}{}",
                stratum_label(lang, &s.stratum),
                s.frame,
                s.quota,
                s.count,
                if s.drawn < s.count {
                    format!(" ({} {})", lang.pick("实抽", "drawn"), s.drawn)
                } else {
                    String::new()
                }
            );
        }
        if !t.skipped.is_empty() {
            say!(
                "    {} {} {}",
                lang.pick("顺延跳过", "skipped down the waiting line:"),
                t.skipped.len(),
                lang.pick("户（见排除清单）", "(see the exclusions file)")
            );
        }
        for d in &t.officers.departments {
            say!(
                "    {} {}: {} {}",
                lang.pick("联合抽查部门", "joint department"),
                d.department,
                d.members,
                lang.pick("人/组", "per team")
            );
        }
        for (i, sel) in t.selected.iter().take(3).enumerate() {
            say!(
                "    {}. {} {} [{}]",
                i + 1,
                sel.target,
                sel.name,
                sel.officers.join(", ")
            );
        }
        if t.selected.len() > 3 {
            say!(
                "    … {} {}",
                t.selected.len() - 3,
                lang.pick("户另见记录", "more in the record")
            );
        }
    }
}

/// The report of `check`: frames, counts and pools, without a draw.
pub fn check_report(lang: Lang, inputs: &Inputs, c: &Check<'_>) {
    let plan = &inputs.plan;
    say!(
        "{} {} {}（{}）",
        lang.pick("抽查计划", "plan"),
        plan.id,
        plan.name,
        plan.authority
    );
    say!(
        "  {}: {} {}, {} {}",
        lang.pick("检查对象名录库", "target directory"),
        inputs.targets.len(),
        lang.pick("行", "rows"),
        lang.pick("摘要", "digest"),
        hex::encode(inputs.digests.targets)
    );
    if !inputs.targets.dropped.is_empty() {
        say!(
            "    {}: {}",
            lang.pick(
                "读取时丢弃的列（计划未读取或属个人信息）",
                "columns dropped as read (not read by the plan, or personal data)"
            ),
            inputs.targets.dropped.join(", ")
        );
    }
    say!(
        "  {}: {} {}, {} {}",
        lang.pick("执法检查人员名录库", "officer roster"),
        inputs.officers.rows.len(),
        lang.pick("行", "rows"),
        lang.pick("摘要", "digest"),
        hex::encode(inputs.digests.officers)
    );
    if !inputs.officers.dropped.is_empty() {
        say!(
            "    {}: {}",
            lang.pick(
                "读取时丢弃的列（计划未读取或属个人信息）",
                "columns dropped as read (not read by the plan, or personal data)"
            ),
            inputs.officers.dropped.join(", ")
        );
    }
    if let Some(d) = c.officers.certificates_checked_on {
        say!(
            "    {} {d}",
            lang.pick("执法证有效性核对日期", "certificates checked on")
        );
    } else {
        say!(
            "    {}",
            lang.pick(
                "未核对执法证（名录中没有执法证列）",
                "certificates not checked (no certificate column)"
            )
        );
    }
    for i in &c.officers.ineligible {
        let o = &inputs.officers.rows[i.row];
        say!(
            "    {} {} {}: {}",
            lang.pick("不可选派", "not eligible"),
            inputs.officers.id(o),
            inputs.officers.name(o),
            i.detail
        );
    }
    if !inputs.targets.allowlisted.is_empty() {
        say!(
            "    {}: {}",
            lang.pick("白名单放行的代码", "allowlisted ids"),
            inputs.targets.allowlisted.join(", ")
        );
    }
    if !inputs.targets.unchecked.is_empty() {
        say!(
            "    {}: {}",
            lang.pick(
                "未通过校验但已接受的代码",
                "ids accepted without passing the check"
            ),
            inputs.targets.unchecked.len()
        );
    }
    for t in &c.tasks {
        let count: u64 = t.strata.iter().map(|s| s.count).sum();
        say!(
            "{} {} {} [{}]: {} {} → {} {}{}; {} {}, {} {}",
            lang.pick("任务", "task"),
            t.task.id,
            t.task.name,
            kind(lang, t.task.filter.is_empty()),
            lang.pick("名录", "frame"),
            t.frame.size,
            lang.pick("将抽取", "to draw"),
            count,
            exclusions(lang, &t.frame.excluded),
            lang.pick("每组", "team size"),
            t.task.team_size,
            lang.pick("可选执法人员", "eligible officers"),
            t.pool.iter().map(|p| p.pool.len()).sum::<usize>()
        );
        for s in &t.strata {
            say!(
                "    {}: {}, {} → {}",
                stratum_label(lang, &s.key),
                s.frame,
                s.quota,
                s.count
            );
        }
    }
    say!(
        "{}",
        lang.pick("检查通过：可以进行抽取", "check passed: the draw can run")
    );
}

/// The outcome of `verify`. Returns true when the record reproduces.
pub fn verification(lang: Lang, outcome: &Verification) -> bool {
    for note in &outcome.notes {
        say!("note: {note}");
    }
    if let (true, Some(r)) = (outcome.ok(), &outcome.recomputed) {
        let drawn: usize = r.tasks.iter().map(|t| t.selected.len()).sum();
        say!(
            "{} ({} {}, {} {})",
            lang.pick(
                "核验通过：记录可由输入完全复现",
                "verified: the record reproduces from the inputs"
            ),
            r.tasks.len(),
            lang.pick("个任务", "tasks"),
            drawn,
            lang.pick("户被抽中", "targets drawn")
        );
        say!("  plan      {}", r.inputs.plan.digest);
        say!(
            "  targets   {} ({} rows)",
            r.inputs.targets.digest,
            r.inputs.targets.rows
        );
        say!(
            "  officers  {} ({} rows)",
            r.inputs.officers.digest,
            r.inputs.officers.rows
        );
        say!("  record    {}", r.digest);
        if let Some((entries, head)) = outcome.ledger_head()
            && entries > 0
        {
            say!(
                "  ledger    {head} ({entries} {})",
                lang.pick(
                    "条修改；请与公告公布的链尾摘要比对",
                    "amendments; compare this head with the one the notice published"
                )
            );
            for e in &r.ledger {
                if e.kind == "unreachable" {
                    say!(
                        "    #{} {} {} {}: {} ({} {})",
                        e.seq,
                        e.at,
                        e.task,
                        e.target,
                        e.reason,
                        lang.pick("操作人", "by"),
                        e.actor
                    );
                } else {
                    say!(
                        "    #{} {} {} {}: {} → {} {}{}{} ({} {})",
                        e.seq,
                        e.at,
                        e.task,
                        e.target,
                        e.officer,
                        e.replacement,
                        e.reason,
                        if e.note.is_empty() { "" } else { ": " },
                        e.note,
                        lang.pick("操作人", "by"),
                        e.actor
                    );
                }
            }
            say!(
                "    {}",
                lang.pick(
                    "替换人选由各名额的替补顺序（抽取时已确定）决定，不由任何人选择；每队最多替换的人数见计划 max_replacements",
                    "each replacement is the next in its slot's substitute order, fixed at the draw, not chosen by anyone; a team takes at most the plan's max_replacements"
                )
            );
        }
        if outcome.guarantees.is_empty() {
            eprintln!(
                "warning: {}",
                lang.pick(
                    "种子未经证明（unattested）：没有任何证据表明种子不是在看到抽取结果后选定的",
                    "the seed is unattested: nothing proves it was not chosen after seeing the draw"
                )
            );
        }
        for g in &outcome.guarantees {
            say!(
                "  {} {}",
                lang.pick("结论：", "guarantee:"),
                guarantee(lang, g)
            );
        }
        say!(
            "  {} {}",
            lang.pick("未证明：", "not proved:"),
            lang.pick(
                "名录库、人员名录、检查记录、回避名单和此前批次是否完整、真实——核验只证明它们就是抽取所用（或公告冻结）的文件；这取决于数据来源和公开监督",
                "that the directory, the roster, the history and conflicts files and the list of earlier batches are complete and true: verification proves only that they are the files the draw used (or the announcement froze); that rests on their sources and on public scrutiny"
            )
        );
        return true;
    }
    let n = outcome.total_differences;
    say!(
        "{}: {n} {}",
        lang.pick("核验不一致", "mismatch"),
        lang.pick(
            "处记录与输入复现的结果不同",
            if n == 1 {
                "difference between the record and the draw its inputs give"
            } else {
                "differences between the record and the draw its inputs give"
            }
        )
    );
    if outcome.seed_mismatch {
        say!(
            "  {}",
            lang.pick(
                "记录中的种子推导不出记录中的抽取密钥：种子或抽取结果被改动过，以下差异由此产生",
                "the record's seed does not give its draw key: the seed or the draw was altered; the differences below follow from it"
            )
        );
    }
    if let Some(why) = &outcome.attestation_failure {
        say!(
            "  {}: {why}",
            lang.pick(
                "种子的来源证明不成立",
                "the seed's attestation does not hold"
            )
        );
    }
    for name in &outcome.changed_inputs {
        say!(
            "  {} {name}: {}",
            lang.pick("输入文件", "input"),
            lang.pick(
                "内容与抽取时使用的不同（规范摘要不一致），以下差异由此产生",
                "its content differs from the one the draw used (canonical digest differs); the differences below follow from it"
            )
        );
    }
    for d in &outcome.differences {
        say!("  {d}");
    }
    // The attestation failure is counted but listed above, not among the differences.
    let listed = outcome.differences.len() + usize::from(outcome.attestation_failure.is_some());
    if n > listed {
        say!("  … {} {}", n - listed, lang.pick("处未列出", "more"));
    }
    false
}
