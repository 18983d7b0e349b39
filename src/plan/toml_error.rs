//! A plan that is not valid TOML, or not the plan's shape, said in the clerk's terms: what is
//! wrong at the place, and how to write it (a Chinese key unquoted, Chinese quotation marks,
//! `[tasks]` for `[[tasks]]` …). The TOML parser's own words are English and name its grammar;
//! they stay the error's cause, and the message for a case not known here.

use crate::error::{Error, ErrorKind};
use crate::messages::{Message, msg};

/// The error for the parser's `e` on the plan's `text`.
pub(crate) fn describe(text: &str, e: &toml::de::Error) -> Error {
    let message = e.message().trim_end_matches('\n');
    let at = e.span().map_or(0, |s| s.start).min(text.len());
    let here = &text[at..];
    let line = text[..at].rsplit('\n').next().unwrap_or("");
    let token: String = here
        .chars()
        .take_while(|c| !matches!(c, ' ' | '\t' | '=' | ',' | '}' | ']' | '\n' | '\r'))
        .collect();
    let error = |id: &'static str| Error::with_id(ErrorKind::PlanSyntax, id);
    let first = message.lines().next().unwrap_or("");
    if let Some(rest) = first.strip_prefix("duplicate key `") {
        let key = rest.split('`').next().unwrap_or("");
        return error("plan-toml-duplicate-key").arg("key", key);
    }
    if let Some(rest) = first.strip_prefix("unknown field `") {
        let mut parts = rest.split('`');
        let key = parts.next().unwrap_or("").to_owned();
        let expected: Vec<&str> = parts.skip(1).step_by(2).collect();
        return error("plan-toml-unknown-key")
            .arg("key", key)
            .arg("expected", expected.join(", "));
    }
    if let Some(rest) = first.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or("");
        return error("plan-toml-missing-key").arg("key", key);
    }
    if let Some(rest) = first.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if line.trim_start().starts_with("[tasks]") || here.starts_with("[tasks]") {
            return error("plan-toml-tasks-table");
        }
        return error("plan-toml-type")
            .arg("found", kind_found(found))
            .arg("expected", kind_expected(expected));
    }
    let quote = here.chars().next().filter(|c| "“”‘’「」".contains(*c));
    let unquoted_chinese = quote.is_none() && token.chars().next().is_some_and(|c| !c.is_ascii());
    // A full-width sign typed with a Chinese input method: `＝`, `，`, `［`.
    let full_width = here
        .chars()
        .next()
        .filter(|c| ('\u{FF01}'..='\u{FF5E}').contains(c) || *c == '\u{3000}');
    if let Some(c) = full_width {
        return error("plan-toml-full-width").arg("sign", c.to_string());
    }
    if quote.is_some()
        && matches!(
            first,
            "invalid inline table" | "invalid key" | "invalid string"
        )
    {
        return error("plan-toml-chinese-quotes");
    }
    // `[tasks]` written for each task: the second is a table defined twice.
    if first == "invalid table header" && message.contains("duplicate key `tasks`") {
        return error("plan-toml-tasks-table");
    }
    // `ratio = { A = 3%, … }`: a number read, then the rest of a value that needed quotes.
    if first == "invalid inline table" && here.starts_with('%') {
        let start = text[..at].rfind(['=', ',', '{']).map_or(at, |i| i + 1);
        return error("plan-toml-unquoted-value")
            .arg("value", format!("{}%", text[start..at].trim()));
    }
    match first {
        "invalid inline table" | "invalid key" if unquoted_chinese => {
            error("plan-toml-unquoted-key").arg("key", token)
        }
        "invalid inline table"
            if text[..at].trim_end().ends_with(',')
                || here
                    .strip_prefix(',')
                    .is_some_and(|r| r.trim_start().starts_with('}')) =>
        {
            error("plan-toml-trailing-comma")
        }
        "invalid inline table" => error("plan-toml-inline-table"),
        "invalid key" => error("plan-toml-invalid-key").arg("key", token),
        "invalid string" if quote.is_some() => error("plan-toml-chinese-quotes"),
        "invalid string" => error("plan-toml-unquoted-value").arg("value", token),
        "invalid basic string" | "invalid literal string" => error("plan-toml-unterminated"),
        "invalid array" => error("plan-toml-array"),
        // `ratio = 3%`: a number read, then the rest of a value that needed quotes.
        _ if first.starts_with("expected newline")
            && text[..at].ends_with(|c: char| !c.is_whitespace()) =>
        {
            let end = here.find('\n').unwrap_or(here.len());
            let value = line.split_once('=').map_or(line, |(_, v)| v).trim_start();
            error("plan-toml-unquoted-value").arg(
                "value",
                format!("{value}{}", &here[..end]).trim_end().to_owned(),
            )
        }
        _ if first.starts_with("expected newline") => error("plan-toml-one-per-line"),
        _ => error("plan-toml").arg("detail", message.to_owned()),
    }
}

/// What the parser found, in words: `string "2"`, `integer `3``, `boolean `true``, `map`.
fn kind_found(found: &str) -> Message {
    let value = found
        .split_once(' ')
        .map_or("", |(_, v)| v.trim_matches(|c| c == '`' || c == '"'));
    let m = if found.starts_with("string") {
        msg("plan-toml-kind-string")
    } else if found.starts_with("integer") {
        msg("plan-toml-kind-integer")
    } else if found.starts_with("boolean") {
        msg("plan-toml-kind-boolean")
    } else if found.starts_with("floating") {
        msg("plan-toml-kind-decimal")
    } else if found.starts_with("sequence") {
        return msg("plan-toml-kind-array");
    } else if found.starts_with("map") {
        return msg("plan-toml-kind-table");
    } else {
        return msg("plan-toml-kind-other").arg("what", found.to_owned());
    };
    m.arg("value", value.to_owned())
}

/// What the plan expects there, in words: an integer, a string, a list, a table.
fn kind_expected(expected: &str) -> Message {
    let e = expected.trim();
    if ["i64", "u64", "u32", "i32", "u8", "u16", "usize", "integer"]
        .iter()
        .any(|w| e.contains(w))
    {
        msg("plan-toml-want-integer")
    } else if e.contains("sequence") {
        msg("plan-toml-want-array")
    } else if e.contains("bool") {
        msg("plan-toml-want-boolean")
    } else if e.contains("string") || e.contains("str") {
        msg("plan-toml-want-string")
    } else {
        msg("plan-toml-want-table")
    }
}

#[cfg(test)]
mod tests {
    use crate::Plan;
    use crate::messages::Lang;

    const HEAD: &str =
        "[plan]\nid = \"P\"\nname = \"计划\"\n\n[[tasks]]\nid = \"T\"\nname = \"任务\"\n";

    fn said(body: &str) -> (String, String, Option<String>) {
        let text = format!("{HEAD}{body}");
        let e = Plan::parse("plan.toml", text.as_bytes()).unwrap_err();
        (e.message(Lang::Zh), e.message(Lang::En), e.hint(Lang::Zh))
    }

    #[test]
    fn toml_mistakes_are_said_in_the_clerks_terms_in_both_languages() {
        let cases = [
            (
                "ratio = \"3%\"\nfilter = { 成立日期 = { after = \"2020-01-01\" } }\n",
                "plan.toml:9:12: 键名“成立日期”含中文，须加英文双引号",
            ),
            (
                "ratio = \"3%\"\nfilter = { risk = \"A\", }\n",
                "plan.toml:9:22: 行内表 { … } 的最后一项后面不能有逗号",
            ),
            ("ratio = “3%”\n", "plan.toml:8:9: 文字值须用英文双引号"),
            ("ratio = 3%\n", "plan.toml:8:10: 值“3%”须加英文双引号"),
            (
                "ratio = \"3%\"\nteam_size = 2\nteam_size = 3\n",
                "plan.toml:10:1: 键“team_size”在同一节中出现了两次",
            ),
            (
                "ratio = \"3%\"\nteam_size = \"2\"\n",
                "plan.toml:9:13: 此处应为整数（不加引号，如 2），实为字符串 \"2\"",
            ),
            (
                "ratio = \"3%\"\nfoo = 1\n",
                "plan.toml:9:1: 不认识的键“foo”",
            ),
            (
                "ratio = \"3%\" team_size = 2\n",
                "plan.toml:8:14: 每行只能写一个键值",
            ),
            (
                "ratio = \"3%\"\nitems = [\"a\" \"b\"]\n",
                "plan.toml:9:14: 数组 [ … ] 写法有误",
            ),
            (
                "ratio = \"3%\"\nname2 = \"x\n",
                "plan.toml:9:11: 文字值缺少结尾的英文双引号",
            ),
        ];
        for (body, start) in cases {
            let (zh, en, hint) = said(body);
            assert!(zh.starts_with(start), "{body:?}\n{zh}");
            let han = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(
                !han(&en) || en.contains("成立日期") || en.contains("计划"),
                "{en}"
            );
            assert!(!zh.contains("expected"), "{zh}");
            if let Some(hint) = hint {
                assert!(!hint.is_ascii(), "{hint}");
            }
        }
        let text = HEAD.replace("[[tasks]]", "[tasks]") + "ratio = \"3%\"\n";
        // Two tasks each under [tasks]: the table defined twice.
        let twice = format!("{text}[tasks]\nid = \"U\"\nname = \"u\"\nratio = \"3%\"\n");
        let e = Plan::parse("plan.toml", twice.as_bytes()).unwrap_err();
        assert!(
            e.message(Lang::Zh).contains("[[tasks]]"),
            "{}",
            e.message(Lang::Zh)
        );
        let e = Plan::parse("plan.toml", text.as_bytes()).unwrap_err();
        assert!(
            e.message(Lang::Zh).contains("[[tasks]]"),
            "{}",
            e.message(Lang::Zh)
        );
        let (zh, ..) = said("ratio = \"3%\"\nname = \"x\"\n");
        assert!(zh.contains("“name”"), "{zh}");
    }
}
