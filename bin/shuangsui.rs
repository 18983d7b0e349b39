//! `shuangsui`: the command-line tool. It parses arguments, reads and writes
//! files, prints, and maps outcomes to exit codes; every rule lives in the
//! library.
//!
//! Exit codes: 0 success (for `verify`: the draw reproduces), 1 `verify`
//! found a mismatch, 2 any error.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use shuangsui::{Inputs, Record, Seed, Source, draw, synth, verify};

#[derive(Parser)]
#[command(
    name = "shuangsui",
    version,
    about = "Verifiable 双随机、一公开 draws: random inspection targets and officers that anyone can re-run",
    after_help = "Exit codes: 0 success (verify: the draw reproduces), 1 verify found a mismatch, 2 error.\n\nStart with `shuangsui demo`, then `shuangsui init DIR` for files to edit."
)]
struct Cli {
    /// Language of summaries and reports.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

impl Lang {
    fn t<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
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
    /// Draw targets and officers and write the record
    #[command(
        after_help = "Example:\n  shuangsui draw --plan plan.toml --targets targets.csv --officers officers.csv --seed '2027-01-15 公开摇号' --out record.json"
    )]
    Draw {
        #[command(flatten)]
        inputs: InputArgs,
        /// The seed. Nothing proves when a typed seed was chosen: the record marks it unattested
        #[arg(long)]
        seed: String,
        /// The record to write (`-` for standard output)
        #[arg(long)]
        out: PathBuf,
        /// Overwrite the record if it exists
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
    },
    /// Print the canonical digest of one input, in hex
    #[command(after_help = "Example:\n  shuangsui digest --targets targets.csv")]
    Digest(DigestArgs),
}

#[derive(Args)]
struct InputArgs {
    /// The sampling plan (TOML)
    #[arg(long)]
    plan: PathBuf,
    /// The target directory (CSV with a header row: id,name,…)
    #[arg(long)]
    targets: PathBuf,
    /// The officer roster (CSV with a header row: id,name,…)
    #[arg(long)]
    officers: PathBuf,
}

#[derive(Args)]
#[group(required = true, multiple = false)]
struct DigestArgs {
    /// A sampling plan
    #[arg(long)]
    plan: Option<PathBuf>,
    /// A target directory
    #[arg(long)]
    targets: Option<PathBuf>,
    /// An officer roster
    #[arg(long)]
    officers: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
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
            println!(
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
        Command::Draw {
            inputs,
            seed,
            out,
            force,
        } => {
            let files = InputFiles::read(inputs)?;
            let parsed = files.parse()?;
            let outcome = draw(&parsed, &Seed::unattested(seed)?)?;
            for w in &outcome.warnings {
                eprintln!("warning: {w}");
            }
            let json = outcome.record.to_json();
            if out.as_os_str() == "-" {
                print!("{json}");
            } else {
                write_atomic(out, json.as_bytes(), *force)?;
                print_summary(lang, &outcome.record);
                println!(
                    "{} {} (digest {})",
                    lang.t("记录已写入", "record written to"),
                    out.display(),
                    outcome.record.digest
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify { record, inputs } => {
            let files = InputFiles::read(inputs)?;
            verify_files(lang, record, &files)
        }
        Command::Digest(args) => {
            let (kind, path) = match (&args.plan, &args.targets, &args.officers) {
                (Some(p), _, _) => ("plan", p),
                (_, Some(p), _) => ("targets", p),
                (_, _, Some(p)) => ("officers", p),
                _ => unreachable!("clap requires one"),
            };
            let bytes = read(path)?;
            let name = path.display().to_string();
            let digest = match kind {
                "plan" => shuangsui::Plan::parse(&name, &bytes)?.digest,
                "targets" => shuangsui::digest::table(&shuangsui::input::Table::from_csv(
                    shuangsui::input::TableKind::Targets,
                    &name,
                    &bytes,
                )?),
                _ => shuangsui::digest::table(&shuangsui::input::Table::from_csv(
                    shuangsui::input::TableKind::Officers,
                    &name,
                    &bytes,
                )?),
            };
            println!("{}", hex::encode(digest));
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
    let mut all = files;
    all.push(("record.json", outcome.record.to_json()));
    write_all(out, &all, force)?;
    println!(
        "{} {}",
        lang.t(
            "演示：在合成名录上完成一次抽取，文件写入",
            "demo: a full draw on synthetic data, written to"
        ),
        out.display()
    );
    print_summary(lang, &outcome.record);
    println!();
    println!(
        "{}",
        lang.t("从磁盘读回文件并核验:", "verifying from the files on disk:")
    );
    let files = InputFiles::read(&InputArgs {
        plan: out.join("plan.toml"),
        targets: out.join("targets.csv"),
        officers: out.join("officers.csv"),
    })?;
    let code = verify_files(lang, &out.join("record.json"), &files)?;
    println!();
    println!(
        "{}\n  shuangsui verify {} --plan {} --targets {} --officers {}",
        lang.t("任何人都可以自行核验:", "anyone can check it:"),
        out.join("record.json").display(),
        out.join("plan.toml").display(),
        out.join("targets.csv").display(),
        out.join("officers.csv").display()
    );
    Ok(code)
}

fn example_files(targets: usize, officers: usize, food_count: u64) -> Vec<(&'static str, String)> {
    vec![
        ("plan.toml", synth::plan_toml(food_count)),
        ("targets.csv", synth::targets_csv(targets, 2027)),
        ("officers.csv", synth::officers_csv(officers, 2027)),
    ]
}

struct InputFiles {
    names: [String; 3],
    bytes: [Vec<u8>; 3],
}

impl InputFiles {
    fn read(args: &InputArgs) -> Result<Self> {
        Ok(Self {
            names: [&args.plan, &args.targets, &args.officers].map(|p| p.display().to_string()),
            bytes: [
                read(&args.plan)?,
                read(&args.targets)?,
                read(&args.officers)?,
            ],
        })
    }

    fn parse(&self) -> Result<Inputs> {
        let source = |i: usize| Source {
            name: &self.names[i],
            bytes: &self.bytes[i],
        };
        Ok(Inputs::parse(source(0), source(1), source(2))?)
    }
}

fn verify_files(lang: Lang, record_path: &Path, files: &InputFiles) -> Result<ExitCode> {
    let inputs = files.parse()?;
    let bytes = read(record_path)?;
    let name = record_path.display().to_string();
    let outcome = verify(
        Source {
            name: &name,
            bytes: &bytes,
        },
        &inputs,
    )?;
    for note in &outcome.notes {
        println!("note: {note}");
    }
    if let (true, Some(r)) = (outcome.ok(), &outcome.recomputed) {
        let drawn: usize = r.tasks.iter().map(|t| t.selected.len()).sum();
        println!(
            "{} ({} {}, {} {})",
            lang.t(
                "核验通过：记录可由输入完全复现",
                "verified: the record reproduces from the inputs"
            ),
            r.tasks.len(),
            lang.t("个任务", "tasks"),
            drawn,
            lang.t("户被抽中", "targets drawn")
        );
        println!("  plan      {}", r.inputs.plan.digest);
        println!(
            "  targets   {} ({} rows)",
            r.inputs.targets.digest, r.inputs.targets.rows
        );
        println!(
            "  officers  {} ({} rows)",
            r.inputs.officers.digest, r.inputs.officers.rows
        );
        println!("  record    {}", r.digest);
        eprintln!(
            "warning: {}",
            lang.t(
                "种子未经证明（unattested）：没有任何证据表明种子不是在看到抽取结果后选定的",
                "the seed is unattested: nothing proves it was not chosen after seeing the draw"
            )
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "{}: {} {}",
            lang.t("核验不一致", "mismatch"),
            outcome.total_differences,
            if outcome.total_differences == 1 {
                lang.t(
                    "处记录与输入复现的结果不同",
                    "difference between the record and the draw its inputs give",
                )
            } else {
                lang.t(
                    "处记录与输入复现的结果不同",
                    "differences between the record and the draw its inputs give",
                )
            }
        );
        if outcome.seed_mismatch {
            println!(
                "  {}",
                lang.t(
                    "记录中的种子推导不出记录中的抽取密钥：种子或抽取结果被改动过，以下差异由此产生",
                    "the record's seed does not give its draw key: the seed or the draw was altered; the differences below follow from it"
                )
            );
        }
        for name in &outcome.changed_inputs {
            println!(
                "  {} {name}: {}",
                lang.t("输入文件", "input"),
                lang.t(
                    "内容与抽取时使用的不同（规范摘要不一致），以下差异由此产生",
                    "its content differs from the one the draw used (canonical digest differs); the differences below follow from it"
                )
            );
        }
        for d in &outcome.differences {
            println!("  {d}");
        }
        if outcome.total_differences > outcome.differences.len() {
            println!(
                "  … {} more",
                outcome.total_differences - outcome.differences.len()
            );
        }
        Ok(ExitCode::from(1))
    }
}

fn print_summary(lang: Lang, r: &Record) {
    println!(
        "{} {} {}（{}）",
        lang.t("抽查计划", "plan"),
        r.plan.id,
        r.plan.name,
        r.plan.authority
    );
    println!(
        "  {}: {} ({})",
        lang.t("随机种子", "seed"),
        r.seed.value,
        lang.t("未经证明", "unattested")
    );
    println!(
        "  {}: {} {}",
        lang.t("检查对象名录库", "target directory"),
        r.inputs.targets.rows,
        lang.t("行", "rows")
    );
    println!(
        "  {}: {} {}",
        lang.t("执法检查人员名录库", "officer roster"),
        r.inputs.officers.rows,
        lang.t("行", "rows")
    );
    for t in &r.tasks {
        let kind = if t.frame.filter.is_empty() {
            lang.t("不定向", "undirected")
        } else {
            lang.t("定向", "directed")
        };
        println!(
            "{} {} {} [{kind}]: {} {} → {} {}; {} {}, {} {}",
            lang.t("任务", "task"),
            t.id,
            t.name,
            lang.t("名录", "frame"),
            t.frame.size,
            lang.t("抽取", "drawn"),
            t.selected.len(),
            lang.t("每组", "team size"),
            t.team_size,
            lang.t("可选执法人员", "eligible officers"),
            t.officers.eligible
        );
        for s in &t.strata {
            let label = if s.stratum.is_empty() {
                lang.t("全部", "all").to_owned()
            } else {
                s.stratum.join(" × ")
            };
            println!("    {label}: {} × {} → {}", s.frame, s.quota, s.count);
        }
        for (i, sel) in t.selected.iter().take(3).enumerate() {
            println!(
                "    {}. {} {} [{}]",
                i + 1,
                sel.target,
                sel.name,
                sel.officers.join(", ")
            );
        }
        if t.selected.len() > 3 {
            println!(
                "    … {} {}",
                t.selected.len() - 3,
                lang.t("户另见记录", "more in the record")
            );
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("cannot read '{}'", path.display()))
}

/// Writes several files into `dir`, refusing before writing anything if one
/// exists and `force` is not given.
fn write_all(dir: &Path, files: &[(&str, String)], force: bool) -> Result<()> {
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create directory '{}'", dir.display()))?;
    if !force {
        for (name, _) in files {
            let path = dir.join(name);
            anyhow::ensure!(
                !path.exists(),
                "'{}' exists; add --force to overwrite it",
                path.display()
            );
        }
    }
    for (name, content) in files {
        write_atomic(&dir.join(name), content.as_bytes(), force)?;
    }
    Ok(())
}

/// Writes a file atomically: a temporary file in the same directory, synced,
/// then renamed over the target; without `force` an existing file is never
/// replaced, even one that appears while we write.
fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !force && path.exists() {
        anyhow::bail!("'{}' exists; add --force to overwrite it", path.display());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".shuangsui-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in '{}'", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write '{}'", path.display()))?;
    if force {
        tmp.persist(path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write '{}'", path.display()))?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write '{}'", path.display()))?;
    }
    Ok(())
}
