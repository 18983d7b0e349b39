//! The language of everything the tool prints: help, summaries, reports, notices and its own
//! error lines (`--lang`). It is the library's one [`Lang`], chosen before the command line is
//! parsed ([`chosen`]: the help is written in it) and read from the command line by
//! [`parser`].

use std::ffi::OsString;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
pub use shuangsui::messages::Lang;

/// The environment variable that chooses the language when `--lang` is not given.
pub const ENV: &str = "SHUANGSUI_LANG";

/// `--lang zh` (the default) or `--lang en`. The values' help here only marks that they have
/// one: the help shown is the catalog's (`args/help.rs`).
pub fn parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    PossibleValuesParser::new([
        PossibleValue::new("zh").help("zh"),
        PossibleValue::new("en").help("en"),
    ])
    .map(|s| Lang::from_tag(&s).expect("zh or en"))
}

/// The language before the command line is parsed: the last `--lang X` or `--lang=X` before a
/// `--` (as clap takes it), else `SHUANGSUI_LANG`, else Chinese. A value that names no
/// language is left to clap to refuse.
pub fn chosen(args: impl IntoIterator<Item = OsString>, env: Option<OsString>) -> Lang {
    let mut found = None;
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            args.next().and_then(|v| v.into_string().ok())
        } else {
            arg.strip_prefix("--lang=").map(str::to_owned)
        };
        if let Some(lang) = value.as_deref().and_then(Lang::from_tag) {
            found = Some(lang);
        }
    }
    found.unwrap_or_else(|| from_env(env))
}

/// The language when `--lang` is not given: `SHUANGSUI_LANG`, else Chinese.
pub fn from_env(env: Option<OsString>) -> Lang {
    env.and_then(|v| v.to_str().and_then(Lang::from_tag))
        .unwrap_or_default()
}

/// The language of the run, for the parts of the tool that are not handed it (reading files,
/// progress, values refused while parsing): true for English.
static ENGLISH: AtomicBool = AtomicBool::new(false);

/// Sets the language of the run: the one [`chosen`] before parsing, then the one parsed.
pub fn set(lang: Lang) {
    ENGLISH.store(lang == Lang::En, Ordering::Relaxed);
}

/// The language of the run (Chinese until [`set`]).
pub fn current() -> Lang {
    if ENGLISH.load(Ordering::Relaxed) {
        Lang::En
    } else {
        Lang::Zh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(args: &[&str], env: Option<&str>) -> Lang {
        chosen(
            std::iter::once("shuangsui")
                .chain(args.iter().copied())
                .map(OsString::from),
            env.map(OsString::from),
        )
    }

    #[test]
    fn the_flag_anywhere_then_the_environment_then_chinese() {
        assert_eq!(of(&["--help"], None), Lang::Zh);
        assert_eq!(of(&["--lang", "en", "--help"], None), Lang::En);
        assert_eq!(of(&["draw", "--help", "--lang=en"], None), Lang::En);
        assert_eq!(of(&["help", "draw"], Some("en_US.UTF-8")), Lang::En);
        assert_eq!(of(&["--lang", "zh", "-h"], Some("en")), Lang::Zh);
        assert_eq!(of(&["--lang", "fr", "-h"], Some("en")), Lang::En);
        assert_eq!(of(&["--lang", "en", "--lang", "zh"], None), Lang::Zh);
        assert_eq!(of(&["draw", "--", "--lang", "en"], None), Lang::Zh);
        assert_eq!(of(&[], Some("C")), Lang::Zh);
    }
}
