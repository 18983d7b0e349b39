//! The help, in the language of the run: every text of `--help` comes from the catalog
//! (`bin/messages/help.*.ftl`), clap's own words included.
//!
//! The ids, by what they name (`CMD` is `shuangsui` for the tool itself, else the command's
//! name, such as `draw` or `beacon-round`; `ARG` is the argument's id with `-` for `_`, such
//! as `tsa-cert`):
//!
//! - `help-CMD-about`: the command's one-line help; `help-CMD-after`: what follows its flags;
//! - `help-CMD-arg-ARG`: an argument's help, else `help-arg-ARG` for an argument that means
//!   the same in every command that has it (the inputs, the global flags, `--help`);
//! - `help-CMD-arg-ARG-value-VALUE` (else `help-arg-ARG-value-VALUE`): a value's help;
//! - `help-heading-*`, `help-default`, `help-possible-values`, `help-separator`: clap's words.
//!
//! Clap's own `--help`, `--version` and headings are replaced by ones with the catalog's
//! words; defaults and possible values are written into the help text by [`spec`]. Errors of
//! clap's parser stay as clap writes them.

use std::collections::BTreeSet;
use std::sync::Mutex;

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command};

use super::wrap;
use crate::lang::Lang;
use crate::messages;

/// The width clap's help takes at most (on a wider terminal too), in columns.
const COLUMNS: usize = 100;

/// How far clap indents a help written under its flag.
const INDENT: usize = 10;

/// How far clap indents a help written beside the tool's own flags (`--threads <N>`).
const BESIDE: usize = 24;

/// Where the ids of a command's texts start: `help-draw`.
fn prefix(cmd: &Command, root: bool) -> String {
    if root {
        "help-shuangsui".to_owned()
    } else {
        format!("help-{}", cmd.get_name())
    }
}

/// An argument's part of an id: `tsa-cert`.
fn arg_key(arg: &Arg) -> String {
    arg.get_id().as_str().replace('_', "-")
}

/// A heading as clap keeps it (a `&'static str`): each distinct one is kept once.
fn interned(s: String) -> &'static str {
    static KEPT: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut kept = KEPT.lock().expect("the headings' lock");
    if let Some(k) = kept.get(s.as_str()) {
        return k;
    }
    let k: &'static str = Box::leak(s.into_boxed_str());
    kept.insert(k);
    k
}

/// Puts the catalog's texts into a command tree, collecting the ids it used and those it
/// could not find.
pub struct Localizer {
    lang: Lang,
    /// Every id the help was written from.
    pub used: Vec<String>,
    /// The ids of texts the catalog lacks (a test keeps this empty in both languages).
    pub missing: Vec<String>,
    /// Each argument's id with the help the code gives it (in English, saying what it is).
    pub originals: Vec<(String, String)>,
}

impl Localizer {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            used: Vec::new(),
            missing: Vec::new(),
            originals: Vec::new(),
        }
    }

    /// The text of the first id the catalog has, or `None` (the first id is then missing).
    fn text(&mut self, ids: &[String]) -> Option<String> {
        let catalog = messages::catalog();
        if let Some(id) = ids.iter().find(|id| catalog.has(self.lang, id)) {
            self.used.push(id.clone());
            return Some(wrap::wrap(&catalog.message(self.lang, id, &[]), COLUMNS));
        }
        self.missing.push(ids[0].clone());
        None
    }

    /// A message of clap's words.
    fn word(&mut self, id: &str, args: &[(&str, shuangsui::messages::Arg)]) -> String {
        self.used.push(id.to_owned());
        messages::catalog().message(self.lang, id, args)
    }

    /// The tool's command in this language, built (the help subcommand is made when it is
    /// built), ready to parse.
    pub fn command(&mut self, cmd: Command) -> Command {
        let cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(2001),
        );
        let mut cmd = self.localize(cmd, true);
        cmd.build();
        // The help subcommand exists once the command is built.
        cmd.mut_subcommand("help", |help| self.localize(help, false))
    }

    /// One command and its subcommands.
    fn localize(&mut self, mut cmd: Command, root: bool) -> Command {
        let prefix = prefix(&cmd, root);
        let usage = self.word("help-heading-usage", &[]);
        let lists_commands = cmd.has_subcommands();
        cmd = cmd
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
            ))
            .subcommand_help_heading(interned(self.word("help-heading-commands", &[])))
            // Chinese help, broken to fit under the flags, would not fit beside them; a list
            // of commands fits beside their names.
            .next_line_help(self.lang == Lang::Zh && !lists_commands);
        if cmd.get_about().is_some() {
            if let Some(about) = self.text(&[format!("{prefix}-about")]) {
                cmd = cmd.about(about);
            }
        }
        if cmd.get_long_about().is_some() {
            if let Some(about) = self.text(&[format!("{prefix}-long-about")]) {
                cmd = cmd.long_about(about);
            }
        }
        // What follows the flags (exit codes, examples) is the catalog's alone.
        let after = format!("{prefix}-after");
        if messages::catalog().has(self.lang, &after)
            && let Some(after) = self.text(&[after])
        {
            cmd = cmd.after_help(after);
        }
        if cmd.get_after_long_help().is_some() {
            if let Some(after) = self.text(&[format!("{prefix}-after-long")]) {
                cmd = cmd.after_long_help(after);
            }
        }
        // Clap's help flag, in the catalog's words (the help subcommand has none).
        if !cmd.is_disable_help_flag_set() {
            cmd = cmd.disable_help_flag(true).arg(
                Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(ArgAction::Help)
                    .display_order(2000),
            );
        }
        if root {
            let lang = crate::lang::from_env(std::env::var_os(crate::lang::ENV));
            cmd = cmd.mut_args(|a| {
                // Without --lang, the language is SHUANGSUI_LANG's.
                let a = if a.get_id() == "lang" {
                    a.default_value(lang.code())
                } else {
                    a
                };
                // The global flags, which every command has, come after a command's own.
                if a.is_global_set() {
                    let order = a.get_display_order();
                    a.display_order(1000 + order)
                } else {
                    a
                }
            });
        }
        // In place: clap's `mut_arg` would move the argument to the end.
        // The tool's own flags are shown beside their names in its short help (it lists
        // commands): their lines are shorter.
        let columns = if lists_commands {
            COLUMNS - BESIDE
        } else {
            COLUMNS - INDENT
        };
        cmd = cmd.mut_args(|a| self.arg(a, &prefix, columns));
        cmd.mut_subcommands(|sub| self.localize(sub, false))
    }

    /// One argument: its help, its values' help, its defaults and its heading.
    fn arg(&mut self, a: Arg, prefix: &str, columns: usize) -> Arg {
        let key = arg_key(&a);
        let heading = if a.is_positional() {
            self.word("help-heading-arguments", &[])
        } else {
            self.word("help-heading-options", &[])
        };
        let a = a.help_heading(interned(heading));
        if a.is_hide_set() {
            return a;
        }
        let Some(text) = self.text(&[format!("{prefix}-arg-{key}"), format!("help-arg-{key}")])
        else {
            return a;
        };
        let id = self.used.last().expect("the text's id").clone();
        let original = a.get_help().map(ToString::to_string).unwrap_or_default();
        self.originals.push((id, original));
        let long_text = if a.get_long_help().is_some() {
            self.text(&[
                format!("{prefix}-arg-{key}-long"),
                format!("help-arg-{key}-long"),
            ])
        } else {
            None
        };
        let spec = self.spec(&a, prefix, &key);
        let help = if spec.is_empty() {
            text.clone()
        } else {
            format!("{text} {}", spec.join(" "))
        };
        let long = long_text.unwrap_or(text);
        let long = (!spec.is_empty()).then(|| format!("{long}\n\n{}", spec.join("\n")));
        // Chinese lines are broken to fit after the indentation clap gives them.
        let (help, long) = (
            wrap::wrap(&help, columns),
            long.map(|l| wrap::wrap(&l, columns)),
        );
        // The spec is in the text: clap is not to add its own.
        match long {
            Some(long) => a
                .help(help)
                .long_help(long)
                .hide_default_value(true)
                .hide_possible_values(true),
            None => a.help(help).long_help(None::<&str>),
        }
    }

    /// What clap would add after an argument's help, in the catalog's words: its default and
    /// its possible values (with their help).
    fn spec(&mut self, a: &Arg, prefix: &str, key: &str) -> Vec<String> {
        let mut spec = Vec::new();
        if !a.get_action().takes_values() {
            return spec;
        }
        let separator = self.word("help-separator", &[]);
        if !a.is_hide_default_value_set() && !a.get_default_values().is_empty() {
            let values: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            spec.push(self.word("help-default", &[("value", values.join(&separator).into())]));
        }
        if !a.is_hide_possible_values_set() {
            let values: Vec<PossibleValue> = a
                .get_possible_values()
                .into_iter()
                .filter(|v| !v.is_hide_set())
                .collect();
            if !values.is_empty() {
                let mut names = Vec::new();
                for v in values {
                    let name = v.get_name().to_owned();
                    if v.get_help().is_some() {
                        let help = self
                            .text(&[
                                format!("{prefix}-arg-{key}-value-{name}"),
                                format!("help-arg-{key}-value-{name}"),
                            ])
                            .unwrap_or_default();
                        names.push(self.word(
                            "help-value-with-help",
                            &[("value", name.into()), ("help", help.into())],
                        ));
                    } else {
                        names.push(name);
                    }
                }
                spec.push(self.word(
                    "help-possible-values",
                    &[("values", names.join(&separator).into())],
                ));
            }
        }
        spec
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use clap::CommandFactory as _;

    use super::*;
    use crate::args::Cli;

    /// The tool's command in a language, with what the localizer saw.
    fn localized(lang: Lang) -> (Command, Localizer) {
        let mut l = Localizer::new(lang);
        let cmd = l.command(Cli::command());
        (cmd, l)
    }

    /// Every command of the tree, the tool first.
    fn commands(cmd: &Command) -> Vec<&Command> {
        let mut all = vec![cmd];
        for sub in cmd.get_subcommands() {
            all.extend(commands(sub));
        }
        all
    }

    #[test]
    fn every_text_of_the_help_is_in_both_languages() {
        for lang in Lang::ALL {
            let (cmd, l) = localized(lang);
            assert!(l.missing.is_empty(), "{lang:?}: missing {:?}", l.missing);
            for c in commands(&cmd) {
                assert!(c.get_about().is_some(), "{}: no about", c.get_name());
                for a in c.get_arguments().filter(|a| !a.is_hide_set()) {
                    assert!(
                        a.get_help().is_some(),
                        "{} {}: no help",
                        c.get_name(),
                        a.get_id()
                    );
                }
            }
        }
    }

    #[test]
    fn every_help_message_is_used() {
        let (_, l) = localized(Lang::Zh);
        let used: BTreeSet<&String> = l.used.iter().collect();
        let unused: Vec<&String> = messages::catalog()
            .ids(Lang::Zh)
            .keys()
            .filter(|id| id.starts_with("help-") && !used.contains(id))
            .collect();
        assert!(
            unused.is_empty(),
            "help messages no command uses: {unused:?}"
        );
    }

    /// A shared id (`help-arg-ARG`) stands for one argument: every command that falls back
    /// on it gives that argument the same help in the code.
    #[test]
    fn a_shared_text_is_given_to_one_meaning() {
        let (_, l) = localized(Lang::En);
        let mut meanings: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (id, original) in &l.originals {
            meanings.entry(id).or_default().insert(original);
        }
        for (id, originals) in meanings {
            assert_eq!(originals.len(), 1, "{id} stands for {originals:?}");
        }
    }

    #[test]
    fn the_chinese_help_has_none_of_clap_s_english_words() {
        let (mut cmd, _) = localized(Lang::Zh);
        let mut names = vec![None];
        names.extend(cmd.get_subcommands().map(|c| Some(c.get_name().to_owned())));
        for name in names {
            let c = match &name {
                None => &mut cmd,
                Some(n) => cmd.find_subcommand_mut(n).expect("a subcommand"),
            };
            for text in [
                c.render_help().to_string(),
                c.render_long_help().to_string(),
            ] {
                for english in [
                    "Usage",
                    "Options",
                    "Commands",
                    "Arguments",
                    "Print",
                    "default",
                    "possible values",
                    "Example",
                ] {
                    assert!(!text.contains(english), "{name:?}: {english} in\n{text}");
                }
            }
        }
    }
}
