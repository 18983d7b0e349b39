//! The language of what the tool prints: summaries, reports and notices (`--lang`).

use clap::ValueEnum;

/// Chinese (the default) or English.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

impl Lang {
    /// The text in this language: `zh` or `en`.
    pub fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

impl From<Lang> for shuangsui::publish::notice::Lang {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Zh => shuangsui::publish::notice::Lang::Zh,
            Lang::En => shuangsui::publish::notice::Lang::En,
        }
    }
}
