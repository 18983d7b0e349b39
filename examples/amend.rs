//! Amending a draw after it: an officer declares a conflict of interest (回避) and is
//! replaced. The replacement is drawn by the same rules from the same seed, the change is
//! appended to the record's ledger (who, when, why), and the amended record still verifies.
//!
//! ```sh
//! cargo run --example amend
//! ```

use shuangsui::verify::ledger::{Amendment, Change, amend};
use shuangsui::{Inputs, Seed, Source, draw, verify};

const PLAN: &str = "[plan]\nid = \"420100-2027-01\"\nname = \"2027年度双随机抽查计划\"\nauthority = \"武汉市市场监督管理局\"\n\n[[tasks]]\nid = \"T1\"\nname = \"企业公示信息抽查\"\ncount = 1\nteam_size = 2\n";
const TARGETS: &str = "id,name\n91110000802100433B,北京百度网讯科技有限公司\n9144030071526726XG,腾讯科技（深圳）有限公司\n";
const OFFICERS: &str = "id,name\nE1,张三\nE2,李四\nE3,王五\nE4,赵六\n";

fn main() -> Result<(), shuangsui::Error> {
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
    )?;
    let record = draw(&inputs, &Seed::unattested("2027-01-15 公开摇号")?)?.record;
    let drawn = &record.tasks[0].selected[0];
    println!("drawn: {} with {}", drawn.target, drawn.officers.join("、"));

    let leaving = drawn.officers[0].clone();
    let amended = amend(
        &record,
        &inputs,
        &Amendment {
            change: Change::ReplaceOfficer {
                officer: leaving.clone(),
                reason: "回避".into(),
                note: String::new(),
            },
            task: None,
            target: drawn.target.clone(),
            actor: "市局执法稽查处".into(),
            // The library has no clock: the caller says when.
            at: "2027-01-16T09:30:00Z".into(),
        },
    )?;
    let team = amended.current_team("T1", &drawn.target);
    println!(
        "{leaving} replaced (回避): the team is now {}",
        team.join("、")
    );
    let (n, head) = amended.ledger_head();
    println!("ledger: {n} entry, head {head}");
    assert!(!team.contains(&leaving));

    // The amended record verifies against the same inputs: the draw and every amendment
    // are recomputed.
    let json = amended.to_json();
    let v = verify(
        Source {
            name: "record.json",
            bytes: json.as_bytes(),
        },
        &inputs,
    )?;
    assert!(v.ok(), "{:?}", v.differences);
    println!("the amended record verifies");
    Ok(())
}
