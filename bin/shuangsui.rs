//! `shuangsui`: the command-line tool. It parses arguments, reads and writes
//! files, prints, and maps outcomes to exit codes; every rule lives in the
//! library.
//!
//! Exit codes: 0 success (for `verify`: the draw reproduces), 1 `verify`
//! found a mismatch, 2 any error.

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

mod files;
mod keep;
mod lang;
mod progress;
mod publication;
mod report;

/// The notice formats written unless `--format` says otherwise.
const DEFAULT_FORMATS: [publication::Format; 3] = [
    publication::Format::Html,
    publication::Format::Md,
    publication::Format::Csv,
];

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand};
use shuangsui::{Inputs, Seed, Source, check, draw, synth, verify};

use files::{IdCheckArgs, InputArgs, InputFiles, read, write_all, write_atomic};
use lang::Lang;

#[derive(Parser)]
#[command(
    name = "shuangsui",
    version,
    about = "Verifiable 双随机、一公开 draws: random inspection targets and officers that anyone can re-run",
    after_help = "Exit codes: 0 success (verify: the draw reproduces), 1 verify found a mismatch, 2 error.\n\nStart with `shuangsui demo`, then `shuangsui init DIR` for files to edit."
)]
struct Cli {
    /// Language of summaries and reports
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    /// No progress on standard error (it is shown only on a terminal anyway)
    #[arg(long, global = true)]
    quiet: bool,
    /// Threads to use (default: every core); the results do not depend on it
    #[arg(long, global = true, value_name = "N")]
    threads: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a full draw on built-in synthetic data, write it to DIR and verify it
    #[command(after_help = "Example:\n  shuangsui demo --out ./shuangsui-demo")]
    Demo {
        /// Where to write plan.toml, targets.csv, officers.csv and record.json
        #[arg(long, default_value = "shuangsui-demo")]
        out: PathBuf,
        /// Overwrite files that exist
        #[arg(long)]
        force: bool,
    },
    /// Write an example plan.toml, targets.csv and officers.csv to start from
    #[command(after_help = "Example:\n  shuangsui init ./2027-plan")]
    Init {
        /// The directory to write into (created if missing)
        dir: PathBuf,
        /// Overwrite files that exist
        #[arg(long)]
        force: bool,
    },
    /// Generate a provincial-scale synthetic directory, roster and plan (reproducible from --seed)
    #[command(
        after_help = "Writes targets.csv, officers.csv and plan.toml: valid USCCs, Guangdong districts,\nindustries, authorities, risk classes (most B), a few percent 注销/吊销, some lapsed\ncertificates, and a plan of four tasks. The same seed gives the same bytes.\n\nExample:\n  shuangsui gen --targets 10000000 --officers 2000 --seed 1 --out ./gd"
    )]
    Gen {
        /// Rows of the target directory
        #[arg(long, default_value_t = 100_000)]
        targets: u64,
        /// Rows of the officer roster
        #[arg(long, default_value_t = 2_000)]
        officers: u64,
        /// The generator's seed (synthetic data only; never a draw's seed)
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The directory to write into (created if missing)
        #[arg(long)]
        out: PathBuf,
        /// Overwrite files that exist
        #[arg(long)]
        force: bool,
    },
    /// Print the SQL query that reproduces a task's target selection in a data warehouse
    #[command(
        after_help = "The query computes the task's frame, tickets and rankings from the normalised directory (the\nverification kit's targets.csv) and returns the record's selected targets with their rank and\nticket, in the record's order. What needs other files — the exclusions by earlier batches and\nhistory — it reads from the kit's exclusions.csv and checks against the record's digest of them\n(it fails otherwise). For DuckDB it reads the kit's files itself: run it inside the kit. For\nPostgreSQL and Spark, load the two files as tables of text columns and name them. Officer\nmatching stays with shuangsui (README: \"A national draw\").\n\nExamples:\n  cd kit && shuangsui sql --record record.json --task T1 > t1.sql && duckdb < t1.sql\n  shuangsui sql --record record.json --task T1 --dialect postgres --table audit.targets --exclusions-table audit.exclusions"
    )]
    Sql {
        /// The draw's record
        #[arg(long)]
        record: PathBuf,
        /// The task's id
        #[arg(long)]
        task: String,
        /// The SQL engine: duckdb, postgres or spark
        #[arg(long, default_value = "duckdb")]
        dialect: String,
        /// The table of the directory (the kit's targets.csv, every column text), SCHEMA.NAME or NAME [default for postgres and spark: targets; with duckdb and no table, the query reads the kit's files itself]
        #[arg(long)]
        table: Option<String>,
        /// The table of the listed exclusions (the kit's exclusions.csv: task, target, reason) [default: exclusions]
        #[arg(long, value_name = "TABLE")]
        exclusions_table: Option<String>,
    },
    /// Validate the inputs and show what a draw would take, without drawing
    #[command(
        after_help = "Exit codes: 0 a draw would succeed, 2 it would not (the problems are listed).\n\nExample:\n  shuangsui check --plan plan.toml --targets 名录.xlsx --officers 执法人员.csv"
    )]
    Check {
        #[command(flatten)]
        inputs: InputArgs,
        #[command(flatten)]
        id_check: IdCheckArgs,
    },
    /// Draw targets and officers and write the record
    #[command(
        after_help = "Example:\n  shuangsui draw --plan plan.toml --targets targets.csv --officers officers.csv --seed '2027-01-15 公开摇号' --out record.json"
    )]
    Draw {
        #[command(flatten)]
        inputs: InputArgs,
        #[command(flatten)]
        id_check: IdCheckArgs,
        /// A typed seed. Nothing proves when it was chosen: the record marks it unattested
        #[arg(
            long,
            required_unless_present = "announcement",
            conflicts_with = "announcement"
        )]
        seed: Option<String>,
        #[command(flatten)]
        sources: SourceArgs,
        /// The record to write (`-` for standard output)
        #[arg(long)]
        out: PathBuf,
        /// Overwrite the record if it exists
        #[arg(long)]
        force: bool,
    },
    /// A party's contribution to an announcement draft: a secret to keep, and the contribution to put in the announcement
    #[command(
        after_help = "The draft names its parties (announce --party NAME). The contribution is bound to this draft (its inputs, round, dice, attempt and parties): it serves no other announcement. Reveal the secret after the draw (draw --reveal) to prove it.\n\nExample:\n  shuangsui contribute --announcement draft.json --party 公证处"
    )]
    Contribute {
        /// The announcement draft, made by `announce` without --party
        #[arg(long, value_name = "FILE")]
        announcement: PathBuf,
        /// The party's name (notary, observer …)
        #[arg(long)]
        party: String,
    },
    /// Freeze the inputs, the dice and a future beacon round in an announcement, before the randomness exists
    #[command(
        after_help = "The announcement time is this machine's clock; the round is the first emitted at least --margin later (or at --not-before). Dice are rolled in public now, at the announcement. Publish the announcement, time-stamp it (openssl ts -query -data announcement.json -sha256 -cert) and publish the public copies of the inputs before the round.\n\nExamples:\n  shuangsui announce --plan plan.toml --targets targets.csv --officers officers.csv --dice 483920 --out announcement.json\n  shuangsui announce --plan plan.toml --targets targets.csv --officers officers.csv \\\n      --replaces announcement-1.json --reason '公证员未到场' --out announcement-2.json"
    )]
    Announce(AnnounceArgs),
    /// Add the parties' contributions to an announcement draft, before its round
    #[command(
        after_help = "Example:\n  shuangsui finalize draft.json --party 公证处=<contribution> --party 社会监督员=<contribution> --out announcement.json"
    )]
    Finalize {
        /// The draft, made by `announce`
        draft: PathBuf,
        /// NAME=CONTRIBUTION of a party, from `shuangsui contribute` (repeatable)
        #[arg(long = "party", value_name = "NAME=CONTRIBUTION", required = true)]
        parties: Vec<String>,
        /// Minutes that must remain before the round, to publish the announcement
        #[arg(long, default_value_t = 5)]
        margin: u32,
        /// The public copies written by `announce --publish DIR`: their announcement.json becomes the finalized one
        #[arg(long, value_name = "DIR")]
        publish: Option<PathBuf>,
        /// The announcement to write
        #[arg(long)]
        out: PathBuf,
        /// Overwrite the announcement if it exists
        #[arg(long)]
        force: bool,
    },
    /// Re-run a draw from its inputs and compare with the record
    #[command(
        after_help = "Exit codes: 0 the record reproduces, 1 it does not (the differences are listed), 2 error.\n\nExample:\n  shuangsui verify record.json --plan plan.toml --targets targets.csv --officers officers.csv"
    )]
    Verify {
        /// The record to check
        record: PathBuf,
        #[command(flatten)]
        inputs: InputArgs,
        /// The time-stamp authority's certificate (PEM or DER): checks the signature of the record's time-stamp token
        #[arg(long, value_name = "PEM")]
        tsa_cert: Option<PathBuf>,
    },
    /// Append an amendment to a record's ledger: replace an officer, or record an unreachable target
    #[command(
        after_help = "The replacement is not chosen by anyone: it is the first eligible officer in the order of the entry's replacement tickets (SPEC.md §9.4).\n\nExamples:\n  shuangsui amend record.json --plan plan.toml --targets targets.csv --officers officers.csv \\\n      --target 91420102MA4K0XXX1X --replace-officer E0012 --reason 回避 --actor 张科长\n  shuangsui amend record.json --plan plan.toml --targets targets.csv --officers officers.csv \\\n      --unreachable 91420102MA4K0XXX1X --actor 张科长"
    )]
    Amend(AmendArgs),
    /// Print the canonical digest of one input, in hex
    #[command(after_help = "Example:\n  shuangsui digest --plan plan.toml --targets targets.csv")]
    Digest(DigestArgs),
    /// Print the drand quicknet round emitted at or after TIME, and when it is emitted
    #[command(after_help = "Example:\n  shuangsui beacon-round --at 2027-01-15T10:10:00+08:00")]
    BeaconRound {
        /// RFC 3339 time, e.g. 2027-01-15T10:10:00+08:00
        #[arg(long)]
        at: String,
    },
    /// Write the public notice of a verified draw (抽查任务公告) and the verification kit
    #[command(
        after_help = "Writes DIR/notice.html (one self-contained page), .md and .csv (--format html,md,csv,xlsx) and DIR/kit/ (the plan, the public copies of the tables without personal data, the record, reproduce.py): `shuangsui verify` run inside DIR/kit succeeds with nothing else.\n\nExample:\n  shuangsui publish record.json --plan plan.toml --targets 名录.xlsx --officers 执法人员.csv --out 公示"
    )]
    Publish {
        /// The record to publish (it must verify against the inputs)
        record: PathBuf,
        #[command(flatten)]
        inputs: InputArgs,
        /// Where to write the notice and the kit (created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// How the notice shows the inspecting officers
        #[arg(long, value_name = "HOW", default_value = "names", value_parser = ["names", "certificates", "hidden"])]
        show_officers: String,
        /// The notice's formats, comma-separated: html, md, csv, xlsx
        #[arg(long, value_name = "FORMATS", value_delimiter = ',', default_value = "html,md,csv", value_parser = publication::Format::parse)]
        format: Vec<publication::Format>,
        /// The time-stamp authority's certificate (PEM): checks the record's time-stamp and goes into the kit as tsa.pem (needed when the record has a time-stamp)
        #[arg(long, value_name = "PEM")]
        tsa_cert: Option<PathBuf>,
        /// The notice this one corrects (更正), published before further amendments: it is cited by its SHA-256
        #[arg(long, value_name = "NOTICE")]
        corrects: Option<PathBuf>,
        /// Overwrite files that exist
        #[arg(long)]
        force: bool,
    },
    /// Check the inspection results against the record and write the result notice (抽查结果公告)
    #[command(
        after_help = "Writes DIR/result-notice.html, .md and .csv (--format html,md,csv,xlsx), and lists results whose 20-working-day publication deadline has passed or is near.\n\nExample:\n  shuangsui results record.json --results 检查结果.xlsx --out 公告 --today 2027-03-01"
    )]
    Results {
        /// The draw's record
        record: PathBuf,
        /// The results: one row per drawn entity and item (统一社会信用代码, 抽查事项, 检查完成日期, 检查结果, 备注; 抽查任务编号 when an entity is drawn by several tasks)
        #[arg(long, value_name = "FILE")]
        results: PathBuf,
        /// Where to write the notice (created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Holidays and make-up working days for years the built-in calendar lacks (TOML; `shuangsui schema calendar`)
        #[arg(long, value_name = "FILE")]
        calendar: Option<PathBuf>,
        /// The day to measure deadlines from (default: today in China, UTC+8)
        #[arg(long, value_name = "DATE")]
        today: Option<String>,
        /// The notice's formats, comma-separated: html, md, csv, xlsx
        #[arg(long, value_name = "FORMATS", value_delimiter = ',', default_value = "html,md,csv", value_parser = publication::Format::parse)]
        format: Vec<publication::Format>,
        /// Overwrite the notice files if they exist
        #[arg(long)]
        force: bool,
    },
    /// Print a JSON Schema: plan, target-row, officer-row, record, announcement, calendar or vectors
    #[command(after_help = "Example:\n  shuangsui schema record > record.v2.schema.json")]
    Schema {
        /// The schema's name
        name: String,
    },
}

/// The seed's sources, for a draw from an announcement.
#[derive(Args)]
struct SourceArgs {
    /// The announcement made before the draw
    #[arg(long, value_name = "FILE")]
    announcement: Option<PathBuf>,
    /// The announced drand quicknet round, as its public API returns it (round, randomness, signature)
    #[arg(long, value_name = "FILE", requires = "announcement")]
    beacon: Option<PathBuf>,
    /// The earlier attempts this announcement replaces, oldest first (repeatable)
    #[arg(long = "replaced", value_name = "FILE", requires = "announcement")]
    replaced: Vec<PathBuf>,
    /// NAME=SECRET of a party that reveals its secret, proving its contribution (optional; repeatable)
    #[arg(long = "reveal", value_name = "NAME=SECRET", requires = "announcement")]
    reveals: Vec<String>,
    /// An RFC 3161 time-stamp token (.tsr) over the announcement file, made before the round
    #[arg(long, value_name = "TOKEN", requires_all = ["announcement", "tsa_cert"])]
    timestamp: Option<PathBuf>,
    /// The time-stamp authority's certificate (PEM or DER) to check the token with
    #[arg(long, value_name = "PEM", requires = "timestamp")]
    tsa_cert: Option<PathBuf>,
}

/// `announce`: new, or completed with the parties' contributions.
#[derive(Args)]
struct AnnounceArgs {
    #[command(flatten)]
    inputs: InputArgs,
    #[command(flatten)]
    id_check: IdCheckArgs,
    /// Minutes between now and the earliest beacon round
    #[arg(long, default_value_t = 10)]
    margin: u32,
    /// The earliest time for the round (RFC 3339), when later than now + --margin
    #[arg(long, value_name = "TIME")]
    not_before: Option<String>,
    /// The dice digits rolled in public now, at the announcement
    #[arg(long, value_name = "DIGITS")]
    dice: Option<String>,
    /// A party who will contribute (notary, observer …; repeatable): the announcement is then a draft until `finalize`
    #[arg(long = "party", value_name = "NAME")]
    parties: Vec<String>,
    /// The announcement of the attempt this one replaces (it was not drawn)
    #[arg(long, value_name = "FILE", requires = "reason")]
    replaces: Option<PathBuf>,
    /// Why the replaced attempt was not drawn (published)
    #[arg(long, requires = "replaces")]
    reason: Option<String>,
    /// The record this draw follows (a later batch)
    #[arg(long, value_name = "RECORD")]
    previous: Option<PathBuf>,
    /// Also write the public copies of the frozen inputs (without personal data) to DIR, to publish with the announcement
    #[arg(long, value_name = "DIR")]
    publish: Option<PathBuf>,
    /// The announcement to write
    #[arg(long)]
    out: PathBuf,
    /// Overwrite the announcement (and the public copies) if they exist
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct AmendArgs {
    /// The record to amend (rewritten atomically with the entry appended)
    record: PathBuf,
    #[command(flatten)]
    inputs: InputArgs,
    /// The target whose team changes
    #[arg(
        long,
        value_name = "ENTITY",
        requires = "replace_officer",
        conflicts_with = "unreachable"
    )]
    target: Option<String>,
    /// The officer to replace
    #[arg(long, value_name = "OFFICER", requires = "reason")]
    replace_officer: Option<String>,
    /// Why: 回避, 请假, 调离, 证件失效 or 其他 (with --note)
    #[arg(long)]
    reason: Option<String>,
    /// What the reason leaves unsaid (required for 其他; published)
    #[arg(long, requires = "replace_officer")]
    note: Option<String>,
    /// Record ENTITY as 通过登记的住所（经营场所）无法联系 (it is not replaced)
    #[arg(long, value_name = "ENTITY")]
    unreachable: Option<String>,
    /// The task, when the target is drawn by several
    #[arg(long)]
    task: Option<String>,
    /// Who makes the amendment
    #[arg(long)]
    actor: String,
    /// When (RFC 3339); default: now, UTC
    #[arg(long)]
    at: Option<String>,
}

#[derive(Args)]
struct DigestArgs {
    /// The sampling plan: alone, its digest; with a table, the plan that table is read for (only the columns the plan reads are hashed)
    #[arg(long)]
    plan: PathBuf,
    /// A target directory
    #[arg(long, conflicts_with = "officers")]
    targets: Option<PathBuf>,
    /// An officer roster
    #[arg(long)]
    officers: Option<PathBuf>,
}

/// Standard output is gone: a closed pipe ends the program quietly; any
/// other failure is an error (exit 2).
fn output_failed(e: &std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("error: cannot write to standard output: {e}");
    std::process::exit(2);
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
        Err(e) => e.exit(),
    };
    progress::set_quiet(cli.quiet);
    if let Some(n) = cli.threads {
        files::set_threads(n);
    }
    let result = run(&cli);
    progress::done();
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            if let Some(hint) = err
                .downcast_ref::<shuangsui::Error>()
                .and_then(shuangsui::Error::hint)
            {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    let lang = cli.lang;
    match &cli.command {
        Command::Demo { out, force } => demo(lang, out, *force),
        Command::Init { dir, force } => {
            let files = example_files(200, 24, 5);
            write_all(dir, &files, *force)?;
            say!(
                "{} {}",
                lang.t("已写入示例文件:", "wrote the example files:"),
                files
                    .iter()
                    .map(|(n, _)| dir.join(n).display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Gen {
            targets,
            officers,
            seed,
            out,
            force,
        } => generate(lang, *targets, *officers, *seed, out, *force),
        Command::Sql {
            record,
            task,
            dialect,
            table,
            exclusions_table,
        } => {
            use shuangsui::publish::sql::{Data, Dialect};
            let d = Dialect::from_name(dialect).ok_or_else(|| {
                anyhow::anyhow!("unknown --dialect '{dialect}': expected duckdb, postgres or spark")
            })?;
            let bytes = read(record)?;
            let parsed: shuangsui::Record =
                shuangsui::base::strict::from_slice(&record.display().to_string(), &bytes)?;
            // DuckDB reads the kit itself unless told of tables; the others need tables.
            let data = match (d, table, exclusions_table) {
                (Dialect::DuckDb, None, None) => Data::Kit,
                (_, targets, exclusions) => Data::Tables {
                    targets: targets.as_deref().unwrap_or("targets"),
                    exclusions: exclusions.as_deref().unwrap_or("exclusions"),
                },
            };
            say_raw!(
                "{}",
                shuangsui::publish::sql::selection_query(&parsed, task, d, data)?
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { inputs, id_check } => {
            let parsed = InputFiles::read(inputs, id_check.load()?)?.parse()?;
            let checked = check(&parsed)?;
            for w in &checked.warnings {
                eprintln!("warning: {w}");
            }
            report::check_report(lang, &parsed, &checked);
            Ok(ExitCode::SUCCESS)
        }
        Command::Draw {
            inputs,
            id_check,
            seed,
            sources,
            out,
            force,
        } => {
            if !force && out.as_os_str() != "-" && out.exists() {
                anyhow::bail!("'{}' exists; add --force to overwrite it", out.display());
            }
            if *force && out.as_os_str() != "-" {
                files::refuse_amended_record(out)?;
            }
            let parsed = InputFiles::read(inputs, id_check.load()?)?.parse()?;
            let seed = match seed {
                Some(s) => Seed::unattested(s)?,
                None => attested_seed(sources, &parsed)?,
            };
            let outcome = draw(&parsed, &seed)?;
            // The directory is not needed any more: its memory goes (on another thread, while
            // the record's text is made) before the text takes memory of its own.
            std::thread::spawn(move || drop(parsed));
            for w in &outcome.warnings {
                eprintln!("warning: {w}");
            }
            let json = outcome.record.to_json();
            keep_draw(inputs, id_check, sources, &json);
            if out.as_os_str() == "-" {
                say_raw!("{json}");
            } else {
                let companion = out.with_extension("exclusions.csv");
                if !force && companion.exists() {
                    anyhow::bail!(
                        "'{}' exists; add --force to overwrite it",
                        companion.display()
                    );
                }
                let csv = outcome.exclusions.to_csv();
                // Both written and synced before either is put in place; the record
                // last: when it exists, so does its companion, complete.
                files::write_atomic_pair(
                    [(&companion, csv.as_bytes()), (out, json.as_bytes())],
                    *force,
                )?;
                report::draw_summary(lang, &outcome.record);
                say!(
                    "{} {} (digest {})",
                    lang.t("记录已写入", "record written to"),
                    out.display(),
                    outcome.record.digest
                );
                say!(
                    "{} {} ({} {})",
                    lang.t("排除与跳过清单已写入", "exclusions and skips written to"),
                    companion.display(),
                    outcome.exclusions.len(),
                    lang.t("条", "rows")
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify {
            record,
            inputs,
            tsa_cert,
        } => verify_files(lang, record, inputs, tsa_cert.as_deref()),
        Command::Contribute {
            announcement,
            party,
        } => {
            let draft = read_announcement(announcement)?;
            shuangsui::ceremony::announce::check_draft(&draft)?;
            let party = shuangsui::base::normalize::text(party);
            anyhow::ensure!(
                draft.parties.iter().any(|p| p.name == party),
                "'{party}' is not a party of this draft ({}): the parties are named when the draft is made",
                draft
                    .parties
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            anyhow::ensure!(
                shuangsui::ceremony::beacon::time_of(draft.beacon.round) > unix_now(),
                "round {} was already emitted at {}: a contribution now would come after the randomness",
                draft.beacon.round,
                draft.beacon.emitted_at
            );
            let secret = hex::encode(rand::random::<[u8; 32]>());
            let body = shuangsui::ceremony::announce::body_digest(&draft);
            let contribution = shuangsui::ceremony::announce::contribution(&body, &party, &secret);
            report::announcement(lang, &draft);
            say!(
                "{} {secret}",
                lang.t(
                    "秘密（妥善保管；抽取后可公开，以证明贡献值为本公告而作）:",
                    "secret (keep it; reveal it after the draw to prove the contribution was made for this announcement):"
                )
            );
            say!(
                "{} {contribution}",
                lang.t(
                    "贡献值（写入公告）:",
                    "contribution (goes into the announcement):"
                )
            );
            say!(
                "{} --party '{party}={contribution}'",
                lang.t("定稿时使用:", "finalize with:")
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Announce(args) => announce(lang, args),
        Command::Finalize {
            draft,
            parties,
            margin,
            publish,
            out,
            force,
        } => {
            if !*force && out.exists() {
                anyhow::bail!("'{}' exists; add --force to overwrite it", out.display());
            }
            let draft = read_announcement(draft)?;
            let a = shuangsui::ceremony::announce::with_parties(
                &draft,
                &pairs(parties, "--party", "NAME=CONTRIBUTION")?,
                unix_now(),
                i64::from(*margin) * 60,
            )?;
            // The public copies' announcement must be this draft's (same body) before it is
            // replaced by the finalized one.
            let public = publish.as_ref().map(|dir| dir.join("announcement.json"));
            if let Some(p) = &public {
                let old = read_announcement(p)?;
                anyhow::ensure!(
                    shuangsui::ceremony::announce::body_digest(&old)
                        == shuangsui::ceremony::announce::body_digest(&draft),
                    "'{}' is not the announcement of this draft: its inputs, round or dice differ",
                    p.display()
                );
            }
            write_atomic(
                out,
                shuangsui::ceremony::announce::to_json(&a).as_bytes(),
                *force,
            )?;
            if let Some(p) = &public {
                write_atomic(
                    p,
                    shuangsui::ceremony::announce::to_json(&a).as_bytes(),
                    true,
                )?;
            }
            report::announcement(lang, &a);
            say!(
                "{} {} (digest {})",
                lang.t("公告已写入", "announcement written to"),
                out.display(),
                a.digest
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Digest(args) => {
            use shuangsui::inputs::{ReadOptions, Table, TableKind};
            let plan =
                shuangsui::Plan::parse(&args.plan.display().to_string(), &read(&args.plan)?)?;
            let table = match (&args.targets, &args.officers) {
                (Some(p), _) => Some((TableKind::Targets, p)),
                (_, Some(p)) => Some((TableKind::Officers, p)),
                _ => None,
            };
            let digest = match table {
                None => plan.digest,
                Some((TableKind::Targets, path)) => files::directory_digest(path, &plan)?,
                Some((kind, path)) => {
                    let read_options = ReadOptions {
                        format: shuangsui::inputs::Format::from_file_name(
                            &path.display().to_string(),
                        ),
                        ..ReadOptions::default()
                    };
                    let table = Table::parse(
                        kind,
                        &path.display().to_string(),
                        &read(path)?,
                        &shuangsui::draw::table_options(&plan, kind, &read_options),
                    )?;
                    // The roster's names are outside its digest: their own digest follows, to
                    // compare with the announcement's officer_names (SPEC.md §3.4).
                    if let Some(names) = shuangsui::inputs::digest::officer_names(&table) {
                        say!("{}", hex::encode(shuangsui::inputs::digest::table(&table)));
                        say!("names {}", hex::encode(names));
                        return Ok(ExitCode::SUCCESS);
                    }
                    shuangsui::inputs::digest::table(&table)
                }
            };
            say!("{}", hex::encode(digest));
            Ok(ExitCode::SUCCESS)
        }
        Command::Amend(a) => amend(lang, a),
        Command::Publish {
            record,
            inputs,
            out,
            show_officers,
            format,
            tsa_cert,
            corrects,
            force,
        } => publish_files(
            lang,
            record,
            inputs,
            out,
            show_officers,
            format,
            tsa_cert.as_deref(),
            corrects.as_deref(),
            *force,
        ),
        Command::Results {
            record,
            results,
            out,
            calendar,
            today,
            format,
            force,
        } => results_notice(
            lang,
            record,
            results,
            out,
            calendar.as_deref(),
            today.as_deref(),
            format,
            *force,
        ),
        Command::BeaconRound { at } => {
            let t = shuangsui::base::dates::parse_rfc3339(at).ok_or_else(|| {
                anyhow::anyhow!("'{at}' is not an RFC 3339 time such as 2027-01-15T10:10:00+08:00")
            })?;
            let round = shuangsui::ceremony::beacon::round_at(t);
            say!(
                "{} {round} {} {}",
                lang.t("drand quicknet 轮次", "drand quicknet round"),
                lang.t("发布于", "emitted at"),
                shuangsui::base::dates::format_rfc3339(shuangsui::ceremony::beacon::time_of(round))
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { name } => {
            let text = shuangsui::schemas::get(name).ok_or_else(|| {
                anyhow::anyhow!(
                    "no schema named '{name}' (schemas: {})",
                    shuangsui::schemas::names().join(", ")
                )
            })?;
            say_raw!("{text}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The demo: synthetic data with a fixed seed, a draw, the files written, and
/// a verification that reads them back from disk.
fn demo(lang: Lang, out: &Path, force: bool) -> Result<ExitCode> {
    const SEED: &str = "shuangsui-demo-2027";
    let files = example_files(10_000, 60, 40);
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: files[0].1.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: files[1].1.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: files[2].1.as_bytes(),
        },
    )?;
    let outcome = draw(&inputs, &Seed::unattested(SEED)?)?;
    for w in &outcome.warnings {
        eprintln!("warning: {w}");
    }
    let mut all = files;
    all.push(("record.json", outcome.record.to_json()));
    write_all(out, &all, force)?;
    say!(
        "{} {}",
        lang.t(
            "演示：在合成名录上完成一次抽取，文件写入",
            "demo: a full draw on synthetic data, written to"
        ),
        out.display()
    );
    report::draw_summary(lang, &outcome.record);
    say!();
    say!(
        "{}",
        lang.t("从磁盘读回文件并核验:", "verifying from the files on disk:")
    );
    let args = |p: &str| out.join(p);
    let code = verify_files(
        lang,
        &args("record.json"),
        &InputArgs {
            plan: args("plan.toml"),
            targets: args("targets.csv"),
            officers: args("officers.csv"),
            targets_format: None,
            officers_format: None,
            encoding: None,
            history: None,
            conflicts: None,
            earlier: Vec::new(),
            sheet: None,
            targets_sheet: None,
            officers_sheet: None,
        },
        None,
    )?;
    let published = out.join("publish");
    let publication = publication::build(
        lang,
        outcome.record.to_json().as_bytes(),
        all[0].1.as_bytes(),
        &[],
        &inputs,
        shuangsui::publish::notice::OfficerDisplay::Names,
        &DEFAULT_FORMATS,
        &shuangsui::publish::notice::Published::default(),
    )?;
    publication::write(&published, &publication, force)?;
    if !publication::check_kit(&published, &publication)? {
        anyhow::bail!("the demo's kit does not verify: please report this as a bug");
    }
    say!();
    say!(
        "{} {}, {}, {}\n{} {}",
        lang.t("抽查任务公告:", "public notice:"),
        published.join("notice.html").display(),
        published.join("notice.md").display(),
        published.join("notice.csv").display(),
        lang.t("核验材料包（已核验）:", "verification kit (verified):"),
        published.join("kit").display()
    );
    say!();
    say!(
        "{}\n  shuangsui verify {} --plan {} --targets {} --officers {}",
        lang.t("任何人都可以自行核验:", "anyone can check it:"),
        args("record.json").display(),
        args("plan.toml").display(),
        args("targets.csv").display(),
        args("officers.csv").display()
    );
    Ok(code)
}

/// `shuangsui gen`: the provincial generator, streamed to disk (ten million rows need no
/// more memory than one).
fn generate(
    lang: Lang,
    targets: u64,
    officers: u64,
    seed: u64,
    out: &Path,
    force: bool,
) -> Result<ExitCode> {
    use shuangsui::synth::province;
    fs::create_dir_all(out)
        .with_context(|| format!("cannot create directory '{}'", out.display()))?;
    let names = ["targets.csv", "officers.csv", "plan.toml"];
    if !force {
        for name in names {
            let path = out.join(name);
            anyhow::ensure!(
                !path.exists(),
                "'{}' exists; add --force to overwrite it",
                path.display()
            );
        }
    }
    files::write_atomic_with(&out.join(names[0]), force, |w| {
        province::write_targets(w, targets, seed)
    })?;
    files::write_atomic_with(&out.join(names[1]), force, |w| {
        province::write_officers(w, officers, seed)
    })?;
    files::write_atomic(&out.join(names[2]), province::plan_toml().as_bytes(), force)?;
    say!(
        "{} {}",
        lang.t("已写入:", "wrote:"),
        names
            .iter()
            .map(|n| out.join(n).display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

fn example_files(targets: usize, officers: usize, food_count: u64) -> Vec<(&'static str, String)> {
    vec![
        ("plan.toml", synth::plan_toml(food_count)),
        ("targets.csv", synth::targets_csv(targets, 2027)),
        ("officers.csv", synth::officers_csv(officers, 2027)),
    ]
}

/// Keeps the draw for an independent checker when `SHUANGSUI_KEEP_DRAWS` is set (bin/keep.rs).
fn keep_draw(inputs: &InputArgs, id_check: &IdCheckArgs, sources: &SourceArgs, json: &str) {
    use keep::Role;
    let mut files = vec![
        Role {
            role: "plan",
            path: &inputs.plan,
        },
        Role {
            role: "targets",
            path: &inputs.targets,
        },
        Role {
            role: "officers",
            path: &inputs.officers,
        },
    ];
    let optional = [
        ("history", &inputs.history),
        ("conflicts", &inputs.conflicts),
        ("id_allowlist", &id_check.id_allowlist),
        ("announcement", &sources.announcement),
        ("beacon", &sources.beacon),
        ("timestamp", &sources.timestamp),
        ("tsa_cert", &sources.tsa_cert),
    ];
    for (role, path) in optional {
        if let Some(path) = path {
            files.push(Role { role, path });
        }
    }
    files.extend(inputs.earlier.iter().map(|path| Role {
        role: "earlier",
        path,
    }));
    files.extend(sources.replaced.iter().map(|path| Role {
        role: "replaced",
        path,
    }));
    let mut options = vec![("id_check", id_check.id_check.clone())];
    for (k, v) in [
        (
            "targets_format",
            inputs
                .targets_format
                .map(|f| format!("{f:?}").to_lowercase()),
        ),
        (
            "officers_format",
            inputs
                .officers_format
                .map(|f| format!("{f:?}").to_lowercase()),
        ),
        (
            "encoding",
            inputs.encoding.map(|e| format!("{e:?}").to_lowercase()),
        ),
        ("sheet", inputs.sheet.clone()),
        ("targets_sheet", inputs.targets_sheet.clone()),
        ("officers_sheet", inputs.officers_sheet.clone()),
    ] {
        if let Some(v) = v {
            options.push((k, v));
        }
    }
    for r in &sources.reveals {
        options.push(("reveal", r.clone()));
    }
    keep::keep_draw(&files, &options, json);
}

/// The seed of a draw from an announcement: the announced round, dice and reveals checked.
/// Verifies a record, then writes its notice and verification kit and checks the kit.
#[allow(clippy::too_many_arguments)]
fn publish_files(
    lang: Lang,
    record_path: &Path,
    inputs: &InputArgs,
    out: &Path,
    show_officers: &str,
    formats: &[publication::Format],
    tsa_cert: Option<&Path>,
    corrects: Option<&Path>,
    force: bool,
) -> Result<ExitCode> {
    let bytes = read(record_path)?;
    // A notice already published for this draw with another ledger is corrected, not
    // overwritten: the new one (更正) goes elsewhere and cites the old one.
    if let Ok(previous) = read(&out.join("kit").join("record.json"))
        && let Ok(previous) =
            shuangsui::base::strict::from_slice::<shuangsui::Record>("kit/record.json", &previous)
        && let Ok(now) =
            shuangsui::base::strict::from_slice::<shuangsui::Record>("record.json", &bytes)
        && previous.digest == now.digest
        && previous.ledger_head() != now.ledger_head()
    {
        anyhow::bail!(
            "{}",
            lang.t(
                &format!(
                    "'{}' 中已有本次抽取此前发布的公告，此后又有修改：请发布更正公告到新目录，并用 --corrects {} 引用原公告",
                    out.display(),
                    out.join("notice.html").display()
                ),
                &format!(
                    "'{}' holds the notice published for this draw before further amendments: publish a correction (更正) into a new directory, citing it with --corrects {}",
                    out.display(),
                    out.join("notice.html").display()
                )
            )
        );
    }
    let corrected = corrects
        .map(|p| read(p).map(|b| hex::encode(shuangsui::base::canonical::sha256(&b))))
        .transpose()?;
    let record: shuangsui::Record =
        shuangsui::base::strict::from_slice(&record_path.display().to_string(), &bytes)?;
    let stamped = record
        .seed
        .attestation
        .as_ref()
        .is_some_and(|a| !a.timestamp.is_empty());
    anyhow::ensure!(
        !stamped || tsa_cert.is_some(),
        "{}",
        lang.t(
            "记录带有可信时间戳：请用 --tsa-cert 提供时间戳机构的证书，发布前核验其签名，并放入核验材料包",
            "the record holds a time-stamp: give the time-stamp authority's certificate with --tsa-cert, so that it is checked now and goes into the kit"
        )
    );
    let tsa = tsa_cert.map(read_tsa_cert).transpose()?;
    let parsed = InputFiles::read(inputs, shuangsui::verify::id_check_of(&bytes))?
        .keep_all()
        .parse()?;
    let name = record_path.display().to_string();
    let outcome = shuangsui::verify::verify_with(
        Source {
            name: &name,
            bytes: &bytes,
        },
        &parsed,
        &shuangsui::verify::Options {
            tsa_cert: tsa.as_deref().filter(|_| stamped),
        },
    )?;
    if !outcome.ok() {
        report::verification(lang, &outcome);
        anyhow::bail!(
            "'{}' does not verify against these inputs: nothing was published",
            record_path.display()
        );
    }
    let display = shuangsui::publish::notice::OfficerDisplay::from_name(show_officers)
        .expect("clap allows only the three names");
    let earlier = inputs
        .earlier
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>>>()?;
    // The time-stamp as verified with the authority's certificate: the notice shows that
    // certificate's fingerprint, never one the token merely carries.
    let anchor = outcome.guarantees.iter().find_map(|g| match g {
        shuangsui::verify::Guarantee::InputsFixed {
            anchor: shuangsui::ceremony::announce::TimeAnchor::Verified(a),
            ..
        } => Some(a),
        _ => None,
    });
    let mut publication = publication::build(
        lang,
        &bytes,
        &read(&inputs.plan)?,
        &earlier,
        &parsed,
        display,
        formats,
        &shuangsui::publish::notice::Published {
            anchor,
            corrects: corrected.as_deref(),
        },
    )?;
    if let (true, Some(cert)) = (stamped, tsa) {
        publication
            .files
            .push((PathBuf::from("kit").join("tsa.pem"), cert));
    }
    publication::write(out, &publication, force)?;
    say!(
        "{} {}",
        lang.t("抽查任务公告已写入", "notice written to"),
        formats
            .iter()
            .map(|f| out
                .join(format!("notice.{}", f.extension()))
                .display()
                .to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !publication::check_kit(out, &publication)? {
        anyhow::bail!(
            "the kit in '{}' does not verify: please report this as a bug",
            out.join("kit").display()
        );
    }
    say!(
        "{} {} ({}: cd {} && {})",
        lang.t(
            "核验材料包已写入并核验通过:",
            "verification kit written and verified:"
        ),
        out.join("kit").display(),
        lang.t("任何人都可以运行", "anyone can run"),
        out.join("kit").display(),
        publication.verify_command
    );
    Ok(ExitCode::SUCCESS)
}

/// Checks the results against the record, writes the result notice and lists deadlines.
#[allow(clippy::too_many_arguments)] // one per command-line option
fn results_notice(
    lang: Lang,
    record_path: &Path,
    results_path: &Path,
    out: &Path,
    calendar: Option<&Path>,
    today: Option<&str>,
    formats: &[publication::Format],
    force: bool,
) -> Result<ExitCode> {
    use shuangsui::inputs::{Table, TableKind, TableOptions};
    use shuangsui::publish::results::{Due, Results};
    let bytes = read(record_path)?;
    shuangsui::base::strict::check_duplicates(&record_path.display().to_string(), &bytes)?;
    let value: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| anyhow::anyhow!("'{}' is not a record: {e}", record_path.display()))?;
    if !shuangsui::draw::record::is_intact(&value) {
        anyhow::bail!(
            "'{}' does not match its own digest: it was changed after the draw",
            record_path.display()
        );
    }
    let record: shuangsui::Record = serde_json::from_value(value)
        .map_err(|e| anyhow::anyhow!("'{}' is not a record: {e}", record_path.display()))?;
    let mut cal = shuangsui::publish::workdays::Calendar::official();
    if let Some(p) = calendar {
        cal = cal.with(shuangsui::publish::workdays::Calendar::parse(
            &p.display().to_string(),
            &read(p)?,
        )?);
    }
    let today = if let Some(t) = today {
        shuangsui::base::dates::Date::parse(t)
            .ok_or_else(|| anyhow::anyhow!("--today '{t}': expected a date such as 2027-03-01"))?
    } else {
        shuangsui::base::dates::china_date(unix_now())
            .ok_or_else(|| anyhow::anyhow!("the system clock is out of range"))?
    };
    let name = results_path.display().to_string();
    let table = Table::parse(
        TableKind::Results,
        &name,
        &read(results_path)?,
        &TableOptions::default(),
    )?;
    let checked = Results::check(&record, &table, &cal)?;
    let notice_lang = shuangsui::publish::notice::Lang::from(lang);
    let files = publication::notice_files(
        "result-notice",
        formats,
        || shuangsui::publish::notice::results_html(notice_lang, &record, &checked),
        || shuangsui::publish::notice::results_markdown(notice_lang, &record, &checked),
        &shuangsui::publish::notice::results_csv(notice_lang, &record, &checked),
        lang.t("抽查结果公告", "results"),
    )?;
    for (p, _) in &files {
        let p = out.join(p);
        if !force && p.exists() {
            anyhow::bail!("'{}' exists; add --force to overwrite it", p.display());
        }
    }
    std::fs::create_dir_all(out)
        .map_err(|e| anyhow::anyhow!("cannot create '{}': {e}", out.display()))?;
    for (p, bytes) in &files {
        write_atomic(&out.join(p), bytes, force)?;
    }
    say!(
        "{} {} {}; {} {}",
        lang.t("结果", "results:"),
        checked.outcomes.len(),
        lang.t("条，与抽取记录一致", "match the record"),
        lang.t("公告已写入", "notice written to"),
        files
            .iter()
            .map(|(p, _)| out.join(p).display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut overdue = 0;
    let mut soon = 0;
    for o in &checked.outcomes {
        let line = format!(
            "{} {} {}{} — {} {} ({} {})",
            o.task,
            o.entity,
            o.name,
            if o.item.is_empty() {
                String::new()
            } else {
                format!(" [{}]", o.item)
            },
            lang.t("公示期限", "deadline"),
            o.deadline,
            lang.t("检查于", "inspected"),
            o.date
        );
        match o.due(&cal, today, 5)? {
            Due::Overdue(n) => {
                overdue += 1;
                say!(
                    "  {} {n} {}: {line}",
                    lang.t("已逾期", "overdue by"),
                    lang.t("个工作日", "working days")
                );
            }
            Due::Soon(n) => {
                soon += 1;
                say!(
                    "  {} {n} {}: {line}",
                    lang.t("即将到期，剩余", "due in"),
                    lang.t("个工作日", "working days")
                );
            }
            Due::Later => {}
        }
    }
    say!(
        "{} {today}: {overdue} {}, {soon} {}",
        lang.t("截至", "as of"),
        lang.t("条逾期", "overdue"),
        lang.t("条将在 5 个工作日内到期", "due within 5 working days")
    );
    Ok(ExitCode::SUCCESS)
}

/// Reads a time-stamp authority's certificate file, refusing one that holds no readable
/// certificate (a wrong file is an error, exit 2, not a failed time-stamp).
fn read_tsa_cert(path: &Path) -> Result<Vec<u8>> {
    let bytes = read(path)?;
    shuangsui::ceremony::timestamp::certificates(&bytes)
        .map_err(|e| anyhow::anyhow!("'{}': {e}", path.display()))?;
    Ok(bytes)
}

/// Reads an announcement strictly (SPEC.md §9.2: no repeated or unknown member).
fn read_announcement(path: &Path) -> Result<shuangsui::ceremony::announce::Announcement> {
    Ok(shuangsui::base::strict::from_slice(
        &path.display().to_string(),
        &read(path)?,
    )?)
}

/// `NAME=VALUE` pairs of a repeatable flag.
fn pairs(list: &[String], flag: &str, form: &str) -> Result<Vec<(String, String)>> {
    list.iter()
        .map(|p| {
            p.split_once('=')
                .map(|(n, c)| (n.to_owned(), c.to_owned()))
                .ok_or_else(|| anyhow::anyhow!("{flag} '{p}': expected {form}"))
        })
        .collect()
}

/// Freezes the inputs in an announcement, after checking that a draw from
/// them would succeed.
fn announce(lang: Lang, args: &AnnounceArgs) -> Result<ExitCode> {
    let out = &args.out;
    if !args.force && out.exists() {
        anyhow::bail!("'{}' exists; add --force to overwrite it", out.display());
    }
    let files = InputFiles::read(&args.inputs, args.id_check.load()?)?;
    // The public copies need every column that is not personal data.
    let parsed = if args.publish.is_some() {
        files.keep_all().parse()?
    } else {
        files.parse()?
    };
    let checked = check(&parsed)?;
    for w in &checked.warnings {
        eprintln!("warning: {w}");
    }
    let previous = match &args.previous {
        None => String::new(),
        Some(p) => {
            let record: shuangsui::Record =
                shuangsui::base::strict::from_slice(&p.display().to_string(), &read(p)?)?;
            if record.content_digest() != record.digest {
                anyhow::bail!(
                    "'{}' does not match its own digest: it was changed after the draw, and cannot be referenced",
                    p.display()
                );
            }
            record.digest
        }
    };
    let not_before = match &args.not_before {
        None => None,
        Some(t) => Some(shuangsui::base::dates::parse_rfc3339(t).ok_or_else(|| {
            anyhow::anyhow!(
                "--not-before '{t}' is not an RFC 3339 time such as 2027-01-15T10:00:00+08:00"
            )
        })?),
    };
    let replaces = match (&args.replaces, &args.reason) {
        (Some(p), Some(why)) => Some((read_announcement(p)?, why.clone())),
        _ => None,
    };
    let request = shuangsui::ceremony::announce::Request {
        now: unix_now(),
        margin_secs: i64::from(args.margin) * 60,
        not_before,
        dice: args.dice.clone().unwrap_or_default(),
        parties: args.parties.clone(),
        previous,
        replaces,
    };
    let a = shuangsui::ceremony::announce::announce(&parsed, &request)?;
    let public = match &args.publish {
        None => Vec::new(),
        Some(dir) => publication::frozen_inputs(lang, &a, &read(&args.inputs.plan)?, &parsed)?
            .into_iter()
            .map(|(name, bytes)| (dir.join(name), bytes))
            .collect(),
    };
    for (path, _) in &public {
        if !args.force && path.exists() {
            anyhow::bail!("'{}' exists; add --force to overwrite it", path.display());
        }
    }
    if let Some(dir) = &args.publish {
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create directory '{}'", dir.display()))?;
    }
    write_atomic(
        out,
        shuangsui::ceremony::announce::to_json(&a).as_bytes(),
        args.force,
    )?;
    for (path, bytes) in &public {
        write_atomic(path, bytes, args.force)?;
    }
    report::announcement(lang, &a);
    if let Some(dir) = &args.publish {
        say!(
            "{} {}",
            lang.t(
                "冻结输入的公开版本（不含个人信息）已写入",
                "public copies of the frozen inputs (no personal data) written to"
            ),
            dir.display()
        );
    }
    say!(
        "{} {} (digest {})",
        lang.t("公告已写入", "announcement written to"),
        out.display(),
        a.digest
    );
    Ok(ExitCode::SUCCESS)
}

fn attested_seed(sources: &SourceArgs, inputs: &Inputs) -> Result<Seed> {
    let path = sources
        .announcement
        .as_ref()
        .expect("clap requires --announcement without --seed");
    let announcement = read_announcement(path)?;
    let beacon_path = sources
        .beacon
        .as_ref()
        .ok_or_else(|| anyhow::anyhow!("--beacon FILE is needed: the announced round's JSON"))?;
    let round: shuangsui::ceremony::beacon::Round = shuangsui::base::strict::from_slice(
        &beacon_path.display().to_string(),
        &read(beacon_path)?,
    )?;
    let replaced = sources
        .replaced
        .iter()
        .map(|p| read_announcement(p))
        .collect::<Result<Vec<_>>>()?;
    let tsa_cert = sources.tsa_cert.as_deref().map(read_tsa_cert).transpose()?;
    let s = shuangsui::ceremony::announce::Sources {
        replaced,
        round,
        reveals: pairs(&sources.reveals, "--reveal", "NAME=SECRET")?,
        timestamp: sources.timestamp.as_deref().map(read).transpose()?,
        tsa_cert: tsa_cert.as_deref(),
        same_files: true,
    };
    let (seed, _, _) = shuangsui::ceremony::announce::attest(&announcement, inputs, &s)?;
    Ok(seed)
}

/// Appends an amendment after verifying the record, and rewrites it atomically.
fn amend(lang: Lang, a: &AmendArgs) -> Result<ExitCode> {
    use shuangsui::verify::ledger::{self, Amendment, Change};
    let bytes = read(&a.record)?;
    let record: shuangsui::Record =
        shuangsui::base::strict::from_slice(&a.record.display().to_string(), &bytes)?;
    let inputs = InputFiles::read(&a.inputs, shuangsui::verify::id_check_of(&bytes))?.parse()?;
    let name = a.record.display().to_string();
    let check = verify(
        Source {
            name: &name,
            bytes: &bytes,
        },
        &inputs,
    )?;
    if !check.ok() {
        report::verification(lang, &check);
        anyhow::bail!(
            "'{}' does not verify against these inputs: nothing was amended",
            a.record.display()
        );
    }
    let (change, target) = match (&a.unreachable, &a.target, &a.replace_officer, &a.reason) {
        (Some(t), None, None, _) => (Change::Unreachable, t.clone()),
        (None, Some(t), Some(o), Some(r)) => (
            Change::ReplaceOfficer {
                officer: o.clone(),
                reason: r.clone(),
                note: a.note.clone().unwrap_or_default(),
            },
            t.clone(),
        ),
        _ => anyhow::bail!(
            "give either --unreachable ENTITY, or --target ENTITY --replace-officer OFFICER --reason REASON"
        ),
    };
    let at = a.at.clone().unwrap_or_else(now_utc);
    // The library has no clock; the CLI does: an amendment is not dated in the future.
    if let Some(t) = shuangsui::base::dates::parse_rfc3339(&at) {
        anyhow::ensure!(
            t <= unix_now() + 300,
            "--at {at} is in the future (now {}): an amendment is dated when it is made",
            shuangsui::base::dates::format_rfc3339(unix_now())
        );
    }
    let amendment = Amendment {
        change,
        task: a.task.clone(),
        target,
        actor: a.actor.clone(),
        at,
    };
    let amended = ledger::amend(&record, &inputs, &amendment)?;
    let entry = amended.ledger.last().expect("an entry was appended");
    write_atomic(&a.record, amended.to_json().as_bytes(), true)?;
    if entry.kind == "unreachable" {
        say!(
            "{} {} {}: {}",
            lang.t("已记录", "recorded"),
            entry.task,
            entry.target,
            entry.reason
        );
    } else {
        say!(
            "{} {} {}: {} → {} ({})",
            lang.t("已替换", "replaced"),
            entry.task,
            entry.target,
            entry.officer,
            entry.replacement,
            entry.reason
        );
    }
    say!("  ledger #{} {}", entry.seq, entry.digest);
    Ok(ExitCode::SUCCESS)
}

/// The current time, UTC, as RFC 3339 (the library has no clock).
/// The system clock, in Unix seconds.
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
}

fn now_utc() -> String {
    shuangsui::base::dates::format_rfc3339(unix_now())
}

/// Verifies a record: its inputs are read with the id check the record names.
fn verify_files(
    lang: Lang,
    record_path: &Path,
    inputs: &InputArgs,
    tsa_cert: Option<&Path>,
) -> Result<ExitCode> {
    let tsa_cert = tsa_cert.map(read_tsa_cert).transpose()?;
    let bytes = read(record_path)?;
    // The members the flags and the id check come from, without the selections' bulk.
    let head = shuangsui::verify::head_of(&bytes).ok();
    if let Some(record) = &head {
        let earlier = record
            .pointer("/inputs/earlier")
            .and_then(serde_json::Value::as_array)
            .map_or(0, Vec::len);
        if earlier != inputs.earlier.len() {
            anyhow::bail!(
                "{} was drawn after {earlier} earlier batch record(s); give each with --after RECORD ({} given)",
                record_path.display(),
                inputs.earlier.len()
            );
        }
        for (member, flag, given) in [
            ("history", "--history", &inputs.history),
            ("conflicts", "--conflicts", &inputs.conflicts),
        ] {
            if record.pointer(&format!("/inputs/{member}")).is_some() && given.is_none() {
                anyhow::bail!(
                    "{} was drawn with a {member} file (digest {}): give it with {flag}",
                    record_path.display(),
                    record
                        .pointer(&format!("/inputs/{member}/digest"))
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or("?")
                );
            }
        }
    }
    let id_check = head.as_ref().map_or_else(
        shuangsui::inputs::IdCheck::default,
        shuangsui::verify::id_check_in,
    );
    drop(head);
    let parsed = InputFiles::read(inputs, id_check)?.parse()?;
    let name = record_path.display().to_string();
    let outcome = shuangsui::verify::verify_with(
        Source {
            name: &name,
            bytes: &bytes,
        },
        &parsed,
        &shuangsui::verify::Options {
            tsa_cert: tsa_cert.as_deref(),
        },
    )?;
    Ok(if report::verification(lang, &outcome) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
