//! The language of what the tool prints: summaries, reports and notices (`--lang`). It is
//! the library's one [`Lang`], read from the command line by [`parser`].

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
pub use shuangsui::messages::Lang;

/// `--lang zh` (the default) or `--lang en`.
pub fn parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    PossibleValuesParser::new([
        PossibleValue::new("zh").help("中文"),
        PossibleValue::new("en").help("English"),
    ])
    .map(|s| Lang::from_tag(&s).expect("zh or en"))
}
