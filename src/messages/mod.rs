//! One message catalog, two languages: Chinese first, English complete.
//!
//! Every text a person reads — errors, hints, warnings, notices — is a message of the
//! catalog, named by an id and written in [Fluent](https://projectfluent.org) syntax in
//! `src/messages/zh.ftl` and `src/messages/en.ftl` and, for each stage, in
//! `src/messages/{zh,en}/<stage>.ftl` (a test fails when an id is missing from
//! either, or when the two differ in the arguments they use). The command-line tool adds its
//! own resources (help, summaries) with [`Catalog::with`], so the library's catalog never
//! names a command-line flag.
//!
//! ```
//! use shuangsui::messages::{Arg, Catalog, Lang};
//!
//! let catalog = Catalog::library();
//! let args = [("kind", Arg::from("targets"))];
//! assert_eq!(catalog.message(Lang::En, "table-targets", &[]), "target directory");
//! assert_eq!(catalog.message(Lang::Zh, "table-targets", &[]), "检查对象名录");
//! # let _ = args;
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The library's messages in Chinese: the general ones, then each stage's.
const ZH: [&str; 7] = [
    include_str!("zh.ftl"),
    include_str!("zh/inputs.ftl"),
    include_str!("zh/plan.ftl"),
    include_str!("zh/ceremony.ftl"),
    include_str!("zh/draw.ftl"),
    include_str!("zh/verify.ftl"),
    include_str!("zh/publish.ftl"),
];
/// The library's messages in English, in the same files.
const EN: [&str; 7] = [
    include_str!("en.ftl"),
    include_str!("en/inputs.ftl"),
    include_str!("en/plan.ftl"),
    include_str!("en/ceremony.ftl"),
    include_str!("en/draw.ftl"),
    include_str!("en/verify.ftl"),
    include_str!("en/publish.ftl"),
];

/// A language of the catalog. Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// A language from a tag such as `zh`, `zh-CN`, `zh_CN.UTF-8`, `en` or `en-US`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let head = tag
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match head.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The text in this language of a pair written in place (for text that is data, such as
    /// a column heading pair kept in a table; everything else comes from the catalog).
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// Text, shown as it is (a value of an input, a name, a number that is not a count).
    Text(String),
    /// A count: shown in digits, and selects the plural form where a language has one.
    Count(u64),
    /// Another message of the catalog, shown in the same language (what a value was
    /// expected to be, why a code is invalid).
    Message(Message),
}

/// A message of the catalog with its arguments, not yet put into words: shown in either
/// language with [`Message::text`]; `Display` gives the English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message of an id, without arguments yet.
    pub(crate) fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// With a value the message names.
    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The catalog id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// A value the message names, by its name.
    pub fn value(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The text in a language, from the library's catalog.
    pub fn text(&self, lang: Lang) -> String {
        Catalog::library().message(lang, self.id, &self.args)
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The message of an id (a shorthand for the library's builders).
pub(crate) fn msg(id: &'static str) -> Message {
    Message::new(id)
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(m)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Count(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n as u64)
    }
}

impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        i64::from(n).into()
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        u64::try_from(n).map_or_else(|_| Arg::Text(n.to_string()), Arg::Count)
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Arg {
        Arg::Count(u64::from(n))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Count(u64::from(n))
    }
}

impl Arg {
    /// The value as a person reads it in a language (a nested message in that language).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Message(m) => m.text(lang),
        }
    }
}

impl std::fmt::Display for Arg {
    /// The value in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Count(n) => write!(f, "{n}"),
            Arg::Message(m) => f.write_str(&m.text(Lang::En)),
        }
    }
}

/// The messages of both languages.
pub struct Catalog {
    bundles: [FluentBundle<FluentResource>; 2],
    /// Each language's message ids with the arguments each message uses.
    ids: [BTreeMap<String, Vec<String>>; 2],
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("messages", &self.ids[0].len())
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// The library's own catalog.
    pub fn library() -> &'static Catalog {
        static LIBRARY: OnceLock<Catalog> = OnceLock::new();
        LIBRARY.get_or_init(|| Catalog::with(&[], &[]).expect("the library's messages parse"))
    }

    /// The library's catalog with more resources (Fluent text) in each language, such as a
    /// command-line tool's help. An id defined twice is an error, as is a syntax error.
    pub fn with(zh: &[&str], en: &[&str]) -> Result<Catalog, String> {
        let zh: Vec<&str> = ZH.iter().chain(zh).copied().collect();
        let en: Vec<&str> = EN.iter().chain(en).copied().collect();
        let (zb, zi) = bundle(Lang::Zh, &zh)?;
        let (eb, ei) = bundle(Lang::En, &en)?;
        Ok(Catalog {
            bundles: [zb, eb],
            ids: [zi, ei],
        })
    }

    /// A message in a language. An id the catalog lacks gives the id itself (a test keeps
    /// every id the code uses in both languages).
    pub fn message(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        let bundle = &self.bundles[lang as usize];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let v = match value {
                Arg::Text(s) => FluentValue::from(Cow::Borrowed(s.as_str())),
                // Counts up to 2^53 are exact as Fluent numbers; larger ones stay digits.
                Arg::Count(n) if *n < (1 << 53) => {
                    #[allow(clippy::cast_precision_loss)] // exact below 2^53
                    FluentValue::from(*n as f64)
                }
                Arg::Count(n) => FluentValue::from(n.to_string()),
                Arg::Message(m) => FluentValue::from(self.message(lang, m.id, &m.args)),
            };
            fargs.set(*name, v);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// True when the language has the message.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.ids[lang as usize].contains_key(id)
    }

    /// Every message id of a language, with the arguments (`$name`) its text uses.
    pub fn ids(&self, lang: Lang) -> &BTreeMap<String, Vec<String>> {
        &self.ids[lang as usize]
    }
}

/// A Fluent bundle over resources, and the ids it defines with their arguments.
#[allow(clippy::type_complexity)]
fn bundle(
    lang: Lang,
    texts: &[&str],
) -> Result<(FluentBundle<FluentResource>, BTreeMap<String, Vec<String>>), String> {
    let tag: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Messages go to terminals, files and spreadsheets: no Unicode isolation marks.
    bundle.set_use_isolating(false);
    let mut ids = BTreeMap::new();
    for text in texts {
        let resource = FluentResource::try_new((*text).to_owned())
            .map_err(|(_, errors)| format!("{} messages: {errors:?}", lang.code()))?;
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let mut args = Vec::new();
                if let Some(value) = &m.value {
                    arguments(value, &mut args);
                }
                args.sort();
                args.dedup();
                ids.insert(m.id.name.to_owned(), args);
            }
        }
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("{} messages: {errors:?}", lang.code()))?;
    }
    Ok((bundle, ids))
}

/// The variables (`{ $name }`) a pattern uses, selectors included.
fn arguments(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        if let InlineExpression::VariableReference { id } = e {
            out.push(id.name.to_owned());
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(e) => inline(e, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for v in variants {
                        arguments(&v.value, out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod scan;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_in_both_languages_with_the_same_arguments() {
        let c = Catalog::library();
        let zh = c.ids(Lang::Zh);
        let en = c.ids(Lang::En);
        let only_zh: Vec<_> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
        assert!(only_zh.is_empty(), "in Chinese only: {only_zh:?}");
        assert!(only_en.is_empty(), "in English only: {only_en:?}");
        for (id, args) in zh {
            assert_eq!(args, &en[id], "{id}: the two languages use other arguments");
        }
    }

    /// The ids the library's code names in `msg("id")` and `Error::with_id(kind, "id")`, with
    /// the file naming each.
    fn ids_in_code() -> Vec<(String, String)> {
        scan::ids_in(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &["msg(", "with_id("],
            &|start, before| match start {
                "msg(" => before.is_empty(),
                _ => before.starts_with("ErrorKind::") && before.ends_with(','),
            },
        )
    }

    #[test]
    fn every_message_the_code_names_is_in_both_languages() {
        let c = Catalog::library();
        let ids = ids_in_code();
        assert!(ids.len() > 200, "the scan found {} ids", ids.len());
        for (file, id) in ids {
            for lang in Lang::ALL {
                assert!(
                    c.has(lang, &id),
                    "{file}: '{id}' is not in the {lang:?} catalog"
                );
            }
        }
    }

    #[test]
    fn a_nested_message_is_shown_in_the_language_of_the_message_around_it() {
        let m = msg("table-officers");
        let args = [("table", Arg::from(m.clone()))];
        let c = Catalog::with(&["t = 缺少{ $table }"], &["t = no { $table }"]).unwrap();
        assert_eq!(c.message(Lang::Zh, "t", &args), "缺少执法检查人员名录");
        assert_eq!(c.message(Lang::En, "t", &args), "no officer roster");
        assert_eq!(m.to_string(), "officer roster");
        assert_eq!(Arg::from(m).text(Lang::Zh), "执法检查人员名录");
    }

    #[test]
    fn counts_select_plurals_and_text_is_not_isolated() {
        let c = Catalog::with(
            &["n = { $n } 个问题"],
            &["n = { $n ->\n    [one] one problem\n   *[other] { $n } problems\n}"],
        )
        .unwrap();
        assert_eq!(
            c.message(Lang::En, "n", &[("n", Arg::Count(1))]),
            "one problem"
        );
        assert_eq!(
            c.message(Lang::En, "n", &[("n", Arg::Count(3))]),
            "3 problems"
        );
        assert_eq!(
            c.message(Lang::Zh, "n", &[("n", Arg::Count(3))]),
            "3 个问题"
        );
        assert_eq!(
            c.message(Lang::En, "n", &[("n", Arg::Count(u64::MAX))]),
            format!("{} problems", u64::MAX)
        );
        assert_eq!(c.message(Lang::En, "missing-id", &[]), "missing-id");
    }

    #[test]
    fn an_id_defined_twice_is_refused() {
        assert!(Catalog::with(&["table-targets = x"], &[]).is_err());
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C"), None);
        assert_eq!(Lang::default(), Lang::Zh);
    }
}
