//! `SHUANGSUI_KEEP_DRAWS=DIR`: keeps a copy of every draw — the record and every
//! input file it was drawn from, with a manifest naming each file's role — so that
//! an independent checker (`tests/oracle.py`) can re-run every draw a test suite
//! made. Nothing is kept when the variable is unset; a failure to keep is a warning,
//! never a failed draw.

use std::fs;
use std::path::{Path, PathBuf};

/// One input file of a draw and its role (`plan`, `targets`, `earlier`, …).
pub struct Role<'a> {
    pub role: &'static str,
    pub path: &'a Path,
}

/// Keeps the draw when `SHUANGSUI_KEEP_DRAWS` names a directory.
pub fn keep_draw(files: &[Role<'_>], options: &[(&'static str, String)], record_json: &str) {
    let Some(dir) = std::env::var_os("SHUANGSUI_KEEP_DRAWS") else {
        return;
    };
    if let Err(e) = keep(Path::new(&dir), files, options, record_json) {
        let message = format!("SHUANGSUI_KEEP_DRAWS: {e}");
        eprintln!(
            "{}",
            t!(crate::lang::current(), "cli-warning", message = message)
        );
    }
}

fn keep(
    dir: &Path,
    files: &[Role<'_>],
    options: &[(&'static str, String)],
    record_json: &str,
) -> std::io::Result<()> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let case: PathBuf = dir.join(format!("{stamp}-{}", std::process::id()));
    fs::create_dir_all(&case)?;
    let mut manifest = serde_json::Map::new();
    manifest.insert("record".into(), "record.json".into());
    fs::write(case.join("record.json"), record_json)?;
    for (n, f) in files.iter().enumerate() {
        let ext = f
            .path
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        let name = format!("{n:02}-{}{ext}", f.role);
        fs::copy(f.path, case.join(&name))?;
        match manifest.get_mut(f.role) {
            Some(serde_json::Value::Array(list)) => list.push(name.into()),
            _ if matches!(f.role, "earlier" | "replaced") => {
                manifest.insert(f.role.into(), vec![serde_json::Value::from(name)].into());
            }
            _ => {
                manifest.insert(f.role.into(), name.into());
            }
        }
    }
    for (k, v) in options {
        if *k == "reveal" {
            let list = manifest
                .entry("reveal")
                .or_insert_with(|| serde_json::Value::Array(Vec::new()));
            if let serde_json::Value::Array(list) = list {
                list.push(v.clone().into());
            }
        } else {
            manifest.insert((*k).into(), v.clone().into());
        }
    }
    let text = serde_json::to_string_pretty(&serde_json::Value::Object(manifest))
        .expect("a manifest serialises");
    fs::write(case.join("manifest.json"), text + "\n")
}
