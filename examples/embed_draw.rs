//! Embedding a draw in a service, as an enforcement platform would: the inputs arrive as
//! files (or bytes from a database), the seed from the ceremony, the record goes back as
//! JSON, and every error is shown to the clerk in Chinese with where and how to fix it.
//!
//! ```sh
//! cargo run --example embed_draw -- plan.toml targets.csv officers.csv "2027-01-15 公开摇号"
//! ```
//!
//! Without arguments it draws the built-in example below.

use std::sync::Arc;

use shuangsui::inputs::ReadOptions;
use shuangsui::messages::Lang;
use shuangsui::{DirectorySource, InputOptions, Inputs, Seed, Source, draw};

const PLAN: &str = r#"
[plan]
id = "420100-2027-01"
name = "2027年度双随机抽查计划"
authority = "武汉市市场监督管理局"

[[tasks]]
id = "T1"
name = "企业公示信息抽查"
ratio = "50%"
team_size = 2
"#;
const TARGETS: &str = "统一社会信用代码,企业名称,登记状态\n91110000802100433B,北京百度网讯科技有限公司,存续\n9144030071526726XG,腾讯科技（深圳）有限公司,存续\n91110108551385082Q,示例科技有限公司,注销\n";
const OFFICERS: &str = "人员编号,姓名\nE1,张三\nE2,李四\nE3,王五\n";

/// The service's one entry point: the record's JSON, or the message a clerk reads.
fn draw_service(
    plan: (&str, &[u8]),
    targets: (&str, std::fs::File),
    officers: (&str, &[u8]),
    seed: &str,
) -> Result<String, String> {
    let clerk = |e: shuangsui::Error| {
        let mut text = format!("{}（{}）", e.message(Lang::Zh), e.kind());
        if let Some(hint) = e.hint(Lang::Zh) {
            text.push_str("\n提示：");
            text.push_str(&hint);
        }
        text
    };
    let inputs = Inputs::parse_from(
        Source {
            name: plan.0,
            bytes: plan.1,
        },
        // A directory of millions of rows is read in place, in blocks, on every core.
        &DirectorySource {
            name: targets.0,
            data: Arc::new(targets.1),
        },
        Source {
            name: officers.0,
            bytes: officers.1,
        },
        &InputOptions {
            targets: ReadOptions::default(),
            officers: ReadOptions::default(),
            ..InputOptions::default()
        },
    )
    .map_err(clerk)?;
    let seed = Seed::unattested(seed).map_err(clerk)?;
    let outcome = draw(&inputs, &seed).map_err(clerk)?;
    Ok(outcome.record.to_json())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = std::env::temp_dir().join(format!("shuangsui-embed-{}", std::process::id()));
    let (plan, targets, officers, seed) = if let [p, t, o, s] = &args[..] {
        (
            std::fs::read(p).unwrap(),
            t.clone(),
            std::fs::read(o).unwrap(),
            s.clone(),
        )
    } else {
        std::fs::create_dir_all(&dir).unwrap();
        let t = dir.join("targets.csv");
        std::fs::write(&t, TARGETS).unwrap();
        (
            PLAN.into(),
            t.display().to_string(),
            OFFICERS.into(),
            "2027-01-15 公开摇号".into(),
        )
    };
    let file = std::fs::File::open(&targets).unwrap();
    match draw_service(
        ("plan.toml", &plan),
        (&targets, file),
        ("officers.csv", &officers),
        &seed,
    ) {
        Ok(json) => {
            let record = shuangsui::Record::parse("record.json", json.as_bytes()).unwrap();
            for task in &record.tasks {
                for s in &task.selected {
                    println!("{} {} {}", task.id, s.target, s.officers.join("、"));
                }
            }
        }
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
