//! Reading inputs and writing outputs: the only file I/O of the tool.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use std::sync::Arc;

use anyhow::{Context as _, Result};
use shuangsui::inputs::{ByteSource, IdCheck, ReadOptions};
use shuangsui::{DirectorySource, InputOptions, Inputs, Source};

use crate::args::{IdCheckArgs, InputArgs, TableFormat};

/// A message in the language of the run: `says!("id", name = value, …)`.
macro_rules! says {
    ($($t:tt)*) => {
        t!($crate::lang::current(), $($t)*)
    };
}

/// The refusal to overwrite a file without `--force`, in the language of the run.
pub fn exists(path: &Path) -> String {
    says!("error-exists", path = path.display().to_string())
}

/// The id check `--id-check` and `--id-allowlist` ask for, the allowlist read.
pub fn id_check(args: &IdCheckArgs) -> Result<IdCheck> {
    let allowlist = match &args.id_allowlist {
        None => std::collections::BTreeSet::default(),
        Some(p) => {
            let bytes = read(p)?;
            let text = String::from_utf8(bytes)
                .with_context(|| says!("error-not-utf8-file", path = p.display().to_string()))?;
            IdCheck::parse_allowlist(&text)
        }
    };
    Ok(IdCheck {
        mode: args.id_check.into(),
        allowlist,
    })
}

static THREADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Uses `n` threads (0: every core) for reading and drawing.
pub fn set_threads(n: usize) {
    THREADS.store(n, std::sync::atomic::Ordering::Relaxed);
    if n > 0 {
        // Only the first call can set the pool; this is the first.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
}

fn threads() -> usize {
    THREADS.load(std::sync::atomic::Ordering::Relaxed)
}

/// The canonical digest of a target directory file, read in blocks.
pub fn directory_digest(path: &Path, plan: &shuangsui::Plan) -> Result<[u8; 32]> {
    let file = fs::File::open(path)
        .with_context(|| says!("error-cannot-read", path = path.display().to_string()))?;
    let name = path.display().to_string();
    let data: Arc<dyn ByteSource> = Arc::new(file);
    let reading = crate::progress::Reading::new(&name);
    let report = |p: &shuangsui::inputs::Progress| reading.report(p);
    let digest = shuangsui::inputs::directory_digest(
        &name,
        &data,
        &shuangsui::draw::table_options(
            plan,
            shuangsui::inputs::TableKind::Targets,
            &shuangsui::inputs::ReadOptions::default(),
        ),
        threads(),
        Some(&report),
    )?;
    Ok(digest)
}

/// The input files: the plan, roster and auxiliary files read, the directory opened (or,
/// for an announcement from a warehouse, known by its digest).
pub struct InputFiles {
    names: [String; 3],
    plan: Vec<u8>,
    targets: Targets,
    officers: Vec<u8>,
    options: InputOptions<'static>,
    history: Option<(String, Vec<u8>)>,
    conflicts: Option<(String, Vec<u8>)>,
    earlier: Vec<(String, Vec<u8>)>,
}

/// Where the directory's rows are.
enum Targets {
    /// A file, opened.
    File(Arc<dyn ByteSource>),
    /// A warehouse: its digest and rows.
    Elsewhere(shuangsui::DirectoryElsewhere),
}

impl InputFiles {
    /// Reads the plan, the roster and the auxiliary files, and opens the directory.
    pub fn read(args: &InputArgs, id_check: IdCheck) -> Result<Self> {
        Self::read_with(args, id_check, None)
    }

    /// As [`InputFiles::read`], the directory held elsewhere when `elsewhere` says so (its
    /// file is then not read).
    pub fn read_with(
        args: &InputArgs,
        id_check: IdCheck,
        elsewhere: Option<shuangsui::DirectoryElsewhere>,
    ) -> Result<Self> {
        let read_options = |format: Option<TableFormat>, sheet: &Option<String>| ReadOptions {
            format: format.map(Into::into),
            encoding: args.encoding.map(Into::into),
            sheet: sheet.clone().or_else(|| args.sheet.clone()),
        };
        let targets = if let Some(e) = elsewhere {
            Targets::Elsewhere(e)
        } else {
            let file = fs::File::open(args.targets()).with_context(|| {
                says!(
                    "error-cannot-read",
                    path = args.targets().display().to_string()
                )
            })?;
            Targets::File(Arc::new(file))
        };
        let targets_name = args
            .targets
            .as_deref()
            .map_or_else(String::new, |p| p.display().to_string());
        Ok(Self {
            names: [
                args.plan.display().to_string(),
                targets_name,
                args.officers.display().to_string(),
            ],
            plan: read(&args.plan)?,
            targets,
            officers: read(&args.officers)?,
            options: InputOptions {
                targets: read_options(args.targets_format, &args.targets_sheet),
                officers: read_options(args.officers_format, &args.officers_sheet),
                id_check,
                lean: true,
                ..InputOptions::default()
            },
            history: args
                .history
                .as_ref()
                .map(|p| Ok::<_, anyhow::Error>((p.display().to_string(), read(p)?)))
                .transpose()?,
            conflicts: args
                .conflicts
                .as_ref()
                .map(|p| Ok::<_, anyhow::Error>((p.display().to_string(), read(p)?)))
                .transpose()?,
            earlier: args
                .earlier
                .iter()
                .map(|p| Ok((p.display().to_string(), read(p)?)))
                .collect::<Result<_>>()?,
        })
    }

    /// Keeps every column of the directory (a verification kit publishes them all).
    pub fn keep_all(mut self) -> Self {
        self.options.lean = false;
        self
    }

    /// Hashes each file's raw bytes too, for the record's `sha256` (off by default: a serial
    /// SHA-256 of the whole directory).
    pub fn raw_digest(mut self, yes: bool) -> Self {
        self.options.raw_digest = yes;
        self
    }

    /// Parses the inputs (the directory in blocks, with progress).
    pub fn parse(&self) -> Result<Inputs> {
        let reading = crate::progress::Reading::new(&self.names[1]);
        let report = |p: &shuangsui::inputs::Progress| reading.report(p);
        let options = InputOptions {
            progress: Some(&report),
            threads: threads(),
            ..self.options.clone()
        };
        let plan = Source {
            name: &self.names[0],
            bytes: &self.plan,
        };
        let officers = Source {
            name: &self.names[2],
            bytes: &self.officers,
        };
        let mut inputs = match &self.targets {
            Targets::File(data) => Inputs::parse_from(
                plan,
                &DirectorySource {
                    name: &self.names[1],
                    data: Arc::clone(data),
                },
                officers,
                &options,
            )?,
            Targets::Elsewhere(e) => Inputs::parse_elsewhere(plan, *e, officers, &options)?,
        };
        crate::progress::done();
        let text = ReadOptions {
            encoding: self.options.targets.encoding,
            ..ReadOptions::default()
        };
        if let Some((name, bytes)) = &self.history {
            inputs = inputs.with_history(Source { name, bytes }, &text)?;
        }
        if let Some((name, bytes)) = &self.conflicts {
            inputs = inputs.with_conflicts(Source { name, bytes }, &text)?;
        }
        if !self.earlier.is_empty() {
            let records = self
                .earlier
                .iter()
                .map(|(name, bytes)| {
                    let record = shuangsui::Record::from_json(name, bytes)?;
                    Ok((name.clone(), record))
                })
                .collect::<Result<Vec<_>>>()?;
            inputs = inputs.with_earlier(records)?;
        }
        Ok(inputs)
    }
}

/// A file's bytes; the error names the file.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| says!("error-cannot-read", path = path.display().to_string()))
}

/// Reads a time-stamp authority's certificate file, refusing one that holds no readable
/// certificate (a wrong file is an error, exit 2, not a failed time-stamp).
pub fn read_tsa_cert(path: &Path) -> Result<Vec<u8>> {
    let bytes = read(path)?;
    shuangsui::ceremony::timestamp::certificates(&bytes).map_err(|e| {
        anyhow::anyhow!(says!(
            "error-in-file",
            path = path.display().to_string(),
            error = e.message(crate::lang::current())
        ))
    })?;
    Ok(bytes)
}

/// Reads an announcement strictly (SPEC.md §9.2: no repeated or unknown member).
pub fn read_announcement(path: &Path) -> Result<shuangsui::ceremony::Announcement> {
    Ok(shuangsui::ceremony::Announcement::parse(
        &path.display().to_string(),
        &read(path)?,
    )?)
}

/// Writes several files into `dir`, refusing before writing anything if one
/// exists and `force` is not given.
pub fn write_all(dir: &Path, files: &[(&str, String)], force: bool) -> Result<()> {
    fs::create_dir_all(dir)
        .with_context(|| says!("error-cannot-create-dir", path = dir.display().to_string()))?;
    if !force {
        for (name, _) in files {
            let path = dir.join(name);
            anyhow::ensure!(!path.exists(), exists(&path));
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
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_atomic_with(path, force, |w| w.write_all(bytes))
}

/// Outputs are ordinary files, readable by others (notices are published): a temporary
/// file is created owner-only, so it is opened up before it takes the output's name.
fn readable(file: &fs::File) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(fs::Permissions::from_mode(0o644))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Fault injection for the crash tests: `SHUANGSUI_CRASH_AT=<point>` aborts the process
/// there, as a power cut would (tests/crash.rs). Unset, it does nothing.
fn crash_point(point: &str) {
    if std::env::var_os("SHUANGSUI_CRASH_AT").is_some_and(|p| p == point) {
        std::process::abort();
    }
}

/// Writes two files atomically, as one as the file system allows: both are written to
/// temporary files in their directories and synced, then renamed into place in order.
/// An interruption leaves neither, or only the first — never a partial file.
pub fn write_atomic_pair(files: [(&Path, &[u8]); 2], force: bool) -> Result<()> {
    let mut staged = Vec::new();
    for (path, bytes) in files {
        staged.push((path, stage(path, force, |w| w.write_all(bytes))?));
    }
    crash_point("staged");
    for (i, (path, tmp)) in staged.into_iter().enumerate() {
        if i == 1 {
            crash_point("between-renames");
        }
        commit(path, tmp, force)?;
    }
    Ok(())
}

/// [`write_atomic`] for content produced piece by piece (a generated
/// ten-million-row directory): `fill` writes into a buffered temporary file.
pub fn write_atomic_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    let tmp = stage(path, force, fill)?;
    commit(path, tmp, force)
}

/// `--force` replaces regular files only: a directory, a FIFO, a device (`/dev/full`) or a
/// symbolic link in the output's place is refused, whatever the flags.
fn refuse_special(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => anyhow::bail!(says!(
            "error-not-regular-file",
            path = path.display().to_string()
        )),
        _ => Ok(()),
    }
}

/// A record with amendments is never overwritten by a new draw (`draw --force`): its ledger
/// would be lost without a trace.
pub fn refuse_amended_record(path: &Path) -> Result<()> {
    refuse_special(path)?;
    let Ok(bytes) = fs::read(path) else {
        return Ok(());
    };
    let entries = shuangsui::verify::RecordHead::read(&bytes).map_or(0, |head| head.ledger);
    anyhow::ensure!(
        entries == 0,
        says!(
            "error-amended-record",
            path = path.display().to_string(),
            count = entries
        )
    );
    Ok(())
}

/// Writes a file's content to a temporary file in its directory, readable by others
/// and synced; refuses first when the file exists and `force` is not given.
fn stage(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !force && path.exists() {
        anyhow::bail!(exists(path));
    }
    refuse_special(path)?;
    let tmp = tempfile::Builder::new()
        .prefix(".shuangsui-")
        .tempfile_in(dir)
        .with_context(|| says!("error-cannot-create-temp", path = dir.display().to_string()))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, tmp);
    fill(&mut w)
        .and_then(|()| w.flush())
        .with_context(|| says!("error-cannot-write", path = path.display().to_string()))?;
    let tmp = w
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)?;
    readable(tmp.as_file())
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| says!("error-cannot-write", path = path.display().to_string()))?;
    Ok(tmp)
}

/// Renames a staged file into place; without `force` an existing file is never
/// replaced, even one that appeared while it was written.
fn commit(path: &Path, tmp: tempfile::NamedTempFile, force: bool) -> Result<()> {
    let persisted = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    persisted
        .map_err(|e| e.error)
        .with_context(|| says!("error-cannot-write", path = path.display().to_string()))?;
    Ok(())
}
