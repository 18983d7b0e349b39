//! `shuangsui`: the command-line tool. It parses arguments, reads and writes
//! files, prints, and maps outcomes to exit codes; every rule lives in the
//! library.
//!
//! Exit codes: 0 success (for `verify`: the draw reproduces), 1 `verify`
//! found a mismatch, 2 any error.
//!
//! The shape: [`args`] is the command line, parsed once into typed structs; [`cmd`] has one
//! module per command; this file parses, sets up the run (threads, progress, language),
//! dispatches and maps the outcome to an exit code. Beside them: [`files`] (reading inputs,
//! atomic writes), [`report`] (what is printed), [`publication`] (notices and kits),
//! [`lang`], [`progress`] and [`keep`].

/// Prints a line to standard output; a closed pipe (`shuangsui … | head`)
/// ends the program quietly instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            $crate::output_failed(&e);
        }
    }};
}

/// Prints to standard output without a line end, like [`say!`].
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout().lock(), $($arg)*) {
            $crate::output_failed(&e);
        }
    }};
}

/// A message of the catalog in a language: `t!(lang, "id", name = value, …)`, each value
/// anything a [`shuangsui::messages::Arg`] is made from.
macro_rules! t {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::text(
            $lang,
            $id,
            &[$((stringify!($name), shuangsui::messages::Arg::from($value))),*],
        )
    };
}

mod args;
mod cmd;
mod files;
mod keep;
mod lang;
mod messages;
mod progress;
mod publication;
mod report;

use std::process::ExitCode;

use args::Command;
use lang::Lang;

/// Standard output is gone: a closed pipe ends the program quietly; any
/// other failure is an error (exit 2).
fn output_failed(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let lang = lang::current();
    let message = t!(lang, "cli-cannot-write-stdout", error = e.to_string());
    eprintln!("{}", t!(lang, "cli-error", message = message));
    std::process::exit(2);
}

/// Parses the command line once, sets up the run, runs the command and maps its outcome to
/// the exit code: 0 success, 1 `verify` found a mismatch, 2 any error.
fn main() -> ExitCode {
    // The language is known before the command line is parsed: the help is written in it.
    let lang = lang::chosen(std::env::args_os(), std::env::var_os(lang::ENV));
    lang::set(lang);
    let cli = match args::parse(lang) {
        Ok(cli) => cli,
        // Help and version go to standard output: a full one is an error (exit 2), like
        // every other output, not a silent success; usage errors keep clap's exit code 2.
        Err(e) if !e.use_stderr() => {
            let text = e.render().to_string();
            say_raw!("{text}");
            if let Err(err) = std::io::Write::flush(&mut std::io::stdout()) {
                output_failed(&err);
            }
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // A value refused with a message of its own (args/values.rs) reads as any
            // other error; the rest are clap's usage errors.
            if let Some(refusal) = args::refusal(&e) {
                eprintln!("{}", t!(lang, "cli-error", message = refusal.to_string()));
                return ExitCode::from(2);
            }
            if let Some(text) = args::usage_error(&e, lang) {
                eprintln!("{text}");
                return ExitCode::from(2);
            }
            e.exit()
        }
    };
    let lang = cli.lang;
    lang::set(lang);
    progress::set_quiet(cli.quiet);
    if let Some(n) = cli.threads {
        files::set_threads(n);
    }
    let result = run(&cli.command, lang);
    progress::done();
    match result {
        Ok(code) => code,
        Err(err) => {
            // The chain as `{err:#}` prints it, down to the library's error, whose message
            // already says what its own cause said; every part in the chosen language.
            let mut chain = Vec::new();
            for cause in err.chain() {
                if let Some(e) = cause.downcast_ref::<shuangsui::Error>() {
                    chain.push(e.message(lang));
                    break;
                }
                if let Some(e) = cause.downcast_ref::<std::io::Error>() {
                    chain.push(io_words(e, lang));
                    continue;
                }
                chain.push(cause.to_string());
            }
            let colon = t!(lang, "cli-error-chain-separator");
            eprintln!("{}", t!(lang, "cli-error", message = chain.join(&colon)));
            if let Some(hint) = err
                .downcast_ref::<shuangsui::Error>()
                .and_then(|e| messages::hint(e, lang))
            {
                eprintln!("{}", t!(lang, "cli-hint", hint = hint));
            }
            ExitCode::from(2)
        }
    }
}

/// Runs the command.
fn run(command: &Command, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::Demo(a) => cmd::demo::run(a, lang),
        Command::Init(a) => cmd::init::run(a, lang),
        Command::Plan(a) => cmd::plan::run(a, lang),
        Command::Gen(a) => cmd::generate::run(a, lang),
        Command::Sql(a) => cmd::sql::run(a, lang),
        Command::Check(a) => cmd::check::run(a, lang),
        Command::Draw(a) => cmd::draw::run(a, lang),
        Command::Match(a) => cmd::matching::run(a, lang),
        Command::Contribute(a) => cmd::contribute::run(a, lang),
        Command::Announce(a) => cmd::announce::run(a, lang),
        Command::Finalize(a) => cmd::finalize::run(a, lang),
        Command::Verify(a) => cmd::verify::run(a, lang),
        Command::Amend(a) => cmd::amend::run(a, lang),
        Command::Digest(a) => cmd::digest::run(a, lang),
        Command::BeaconRound(a) => cmd::beacon_round::run(a, lang),
        Command::Publish(a) => cmd::publish::run(a, lang),
        Command::Results(a) => cmd::results::run(a, lang),
        Command::Schema(a) => cmd::schema::run(a, lang),
    }
}

/// What the system said about a file, in the language of the run for the common cases
/// (its own words are English).
fn io_words(e: &std::io::Error, lang: lang::Lang) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => t!(lang, "io-not-found"),
        K::PermissionDenied => t!(lang, "io-permission-denied"),
        K::AlreadyExists => t!(lang, "io-already-exists"),
        K::IsADirectory => t!(lang, "io-is-a-directory"),
        K::NotADirectory => t!(lang, "io-not-a-directory"),
        K::StorageFull => t!(lang, "io-storage-full"),
        K::ReadOnlyFilesystem => t!(lang, "io-read-only"),
        _ => e.to_string(),
    }
}
