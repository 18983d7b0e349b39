//! Verifying a published draw from its verification kit, as a journalist or an inspected
//! enterprise would: the kit holds `record.json`, `plan.toml`, `targets.csv` and
//! `officers.csv` (the public copies), and everything in the record is recomputed from them.
//!
//! ```sh
//! cargo run --example verify_kit -- path/to/kit
//! ```
//!
//! Without an argument it makes a kit from the built-in example, verifies it, then verifies
//! it again after changing one officer in the record. Exit status: 0 the draw reproduces,
//! 1 it does not, 2 an error.

use std::path::Path;
use std::process::ExitCode;

use shuangsui::messages::Lang;
use shuangsui::{Inputs, Seed, Source, draw, verify};

const PLAN: &str = "[plan]\nid = \"420100-2027-01\"\nname = \"2027年度双随机抽查计划\"\nauthority = \"武汉市市场监督管理局\"\n\n[[tasks]]\nid = \"T1\"\nname = \"企业公示信息抽查\"\nratio = \"50%\"\nteam_size = 2\n";
const TARGETS: &str = "id,name\n91110000802100433B,北京百度网讯科技有限公司\n9144030071526726XG,腾讯科技（深圳）有限公司\n";
const OFFICERS: &str = "id,name\nE1,张三\nE2,李四\nE3,王五\n";

/// Verifies the kit in `dir`: true when the record reproduces.
fn verify_kit(dir: &Path) -> Result<bool, shuangsui::Error> {
    let read = |name: &str| std::fs::read(dir.join(name)).unwrap_or_default();
    let (plan, targets, officers, record) = (
        read("plan.toml"),
        read("targets.csv"),
        read("officers.csv"),
        read("record.json"),
    );
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: &plan,
        },
        Source {
            name: "targets.csv",
            bytes: &targets,
        },
        Source {
            name: "officers.csv",
            bytes: &officers,
        },
    )?;
    let v = verify(
        Source {
            name: "record.json",
            bytes: &record,
        },
        &inputs,
    )?;
    for d in &v.differences {
        println!("  differs: {d}");
    }
    for note in &v.notes {
        println!("  note: {note}");
    }
    for g in &v.guarantees {
        println!("  {g}");
    }
    Ok(v.ok())
}

fn main() -> ExitCode {
    let given = std::env::args().nth(1);
    let dirs: Vec<std::path::PathBuf> = match &given {
        Some(kit) => vec![kit.into()],
        None => example_kits(),
    };
    let mut code = ExitCode::SUCCESS;
    for dir in &dirs {
        match verify_kit(dir) {
            Ok(true) => println!("{}: the draw reproduces", dir.display()),
            Ok(false) => {
                println!("{}: the draw does NOT reproduce", dir.display());
                code = ExitCode::from(1);
            }
            Err(e) => {
                eprintln!("{}", e.message(Lang::Zh));
                return ExitCode::from(2);
            }
        }
    }
    if given.is_none() {
        let _ = std::fs::remove_dir_all(dirs[0].parent().expect("the examples' directory"));
    }
    code
}

/// A genuine kit and one whose record was edited after the draw.
fn example_kits() -> Vec<std::path::PathBuf> {
    let base = std::env::temp_dir().join(format!("shuangsui-kit-{}", std::process::id()));
    let inputs = Inputs::parse(
        Source {
            name: "plan.toml",
            bytes: PLAN.as_bytes(),
        },
        Source {
            name: "targets.csv",
            bytes: TARGETS.as_bytes(),
        },
        Source {
            name: "officers.csv",
            bytes: OFFICERS.as_bytes(),
        },
    )
    .unwrap();
    let drawn = draw(&inputs, &Seed::unattested("2027-01-15 公开摇号").unwrap())
        .unwrap()
        .record;
    // The edit an insider would make: a friendly officer put into the first team.
    let mut edited = drawn.clone();
    let team = &mut edited.tasks[0].selected[0].officers;
    let friend = ["E1", "E2", "E3"]
        .into_iter()
        .find(|o| !team.iter().any(|t| t == o))
        .unwrap();
    friend.clone_into(&mut team[0]);
    let mut out = Vec::new();
    for (name, record) in [("genuine", drawn.to_json()), ("edited", edited.to_json())] {
        let dir = base.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in [
            ("plan.toml", PLAN),
            ("targets.csv", TARGETS),
            ("officers.csv", OFFICERS),
            ("record.json", record.as_str()),
        ] {
            std::fs::write(dir.join(file), text).unwrap();
        }
        out.push(dir);
    }
    out
}
