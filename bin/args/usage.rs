//! A usage error (a flag missing, unknown, or given a value it does not take) in the
//! language of the run, from the message catalog: clap writes its own in English only.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::Lang;

/// The values of one kind of context, as text.
fn values(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        _ => Vec::new(),
    }
}

fn first(e: &clap::Error, kind: ContextKind) -> String {
    values(e, kind).into_iter().next().unwrap_or_default()
}

/// The error's lines — what is wrong, a suggestion, the usage, where to read more — or
/// `None` for a kind this does not know, which clap then reports itself.
pub fn render(e: &clap::Error, lang: Lang) -> Option<String> {
    let list = |items: Vec<String>| items.join(&t!(lang, "list-separator"));
    let arg = first(e, ContextKind::InvalidArg);
    let message = match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            t!(
                lang,
                "cli-usage-missing",
                args = list(values(e, ContextKind::InvalidArg))
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            t!(lang, "cli-usage-no-command")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = values(e, ContextKind::ValidValue);
            let value = first(e, ContextKind::InvalidValue);
            // The reason a parser of ours gave, in the language of the run; a parser of
            // the standard library's (a number) says it in English only, and is left out.
            let reason = std::error::Error::source(e)
                .map(ToString::to_string)
                .filter(|r| lang == Lang::En || !r.is_ascii());
            if let Some(reason) = reason {
                t!(
                    lang,
                    "cli-usage-bad-value-because",
                    arg = arg,
                    value = value,
                    reason = reason
                )
            } else if valid.is_empty() {
                t!(lang, "cli-usage-bad-value", arg = arg, value = value)
            } else {
                t!(
                    lang,
                    "cli-usage-not-one-of",
                    arg = arg,
                    value = value,
                    valid = list(valid)
                )
            }
        }
        ErrorKind::UnknownArgument => t!(lang, "cli-usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => t!(
            lang,
            "cli-usage-unknown-command",
            name = first(e, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::ArgumentConflict => t!(
            lang,
            "cli-usage-conflict",
            arg = arg,
            other = list(values(e, ContextKind::PriorArg))
        ),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            t!(lang, "cli-usage-value-count", arg = arg)
        }
        ErrorKind::NoEquals => t!(lang, "cli-usage-no-equals", arg = arg),
        ErrorKind::InvalidUtf8 => t!(lang, "cli-usage-not-utf8"),
        _ => return None,
    };
    let mut lines = vec![t!(lang, "cli-error", message = message)];
    let suggested: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(|k| values(e, k))
    .collect();
    if !suggested.is_empty() {
        lines.push(t!(lang, "cli-usage-did-you-mean", names = list(suggested)));
    }
    let usage = first(e, ContextKind::Usage);
    let usage = usage.trim();
    if let Some(usage) = usage
        .strip_prefix("Usage:")
        .or(Some(usage))
        .filter(|u| !u.is_empty())
    {
        lines.push(t!(lang, "cli-usage-line", usage = usage.trim()));
    }
    lines.push(t!(lang, "cli-usage-more"));
    Some(lines.join("\n"))
}
