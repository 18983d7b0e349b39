//! The README's C example, compiled against `include/shuangsui.h` and the static library, run
//! on a small draw: its answer's record is the library's, byte for byte. Then the ABI's edges:
//! a null or non-UTF-8 request, an error's JSON, a mismatch's status, and many threads at once.

use std::ffi::{CStr, CString, c_char};
use std::path::{Path, PathBuf};
use std::process::Command;

use shuangsui_ffi::{shuangsui_call, shuangsui_free, shuangsui_verify, shuangsui_version};

const PLAN: &str = "[plan]\nid = \"420100-2027-01\"\nname = \"2027年度双随机抽查计划\"\nauthority = \"武汉市市场监督管理局\"\n\n[[tasks]]\nid = \"T1\"\nname = \"企业公示信息抽查\"\nratio = \"50%\"\nteam_size = 2\n";
const TARGETS: &str = "id,name\n91110000802100433B,北京百度网讯科技有限公司\n9144030071526726XG,腾讯科技（深圳）有限公司\n91110108551385082Q,小米科技有限责任公司\n91330100716105852F,阿里巴巴（中国）有限公司\n";
const OFFICERS: &str = "id,name\nE1,张三\nE2,李四\nE3,王五\n";
const SEED: &str = "2027-01-15 公开摇号";

/// The directory cargo built this package's libraries into (`target/debug`).
fn built() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().to_path_buf()
}

/// The C block after the README's `c-example` marker.
fn readme_example() -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .unwrap();
    let from = readme
        .find("<!-- c-example")
        .expect("the README's C example");
    let block = &readme[from..];
    let start = block.find("```c\n").unwrap() + 5;
    let end = block[start..].find("\n```").unwrap();
    block[start..start + end + 1].to_owned()
}

fn expected_record() -> String {
    use shuangsui::{Inputs, Seed, Source};
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
    shuangsui::draw(&inputs, &Seed::unattested(SEED).unwrap())
        .unwrap()
        .record
        .to_json()
}

#[test]
fn the_readme_example_compiles_and_draws_the_librarys_record() {
    let dir = std::env::temp_dir().join(format!("shuangsui-ffi-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("draw.c"), readme_example()).unwrap();
    for (name, text) in [
        ("plan.toml", PLAN),
        ("targets.csv", TARGETS),
        ("officers.csv", OFFICERS),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let include = Path::new(env!("CARGO_MANIFEST_DIR")).join("include");
    let library = built().join("libshuangsui_ffi.a");
    assert!(
        library.exists(),
        "{}: run cargo build -p shuangsui-ffi first (cargo test builds the rlib only)",
        library.display()
    );
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let status = Command::new(&cc)
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(&include)
        .arg(dir.join("draw.c"))
        .arg(&library)
        .args(["-lpthread", "-ldl", "-lm", "-o"])
        .arg(dir.join("draw"))
        .status()
        .expect("a C compiler (cc)");
    assert!(status.success(), "the README's C example compiles");

    let out = Command::new(dir.join("draw"))
        .current_dir(&dir)
        .args(["plan.toml", "targets.csv", "officers.csv", SEED])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["record"].as_str().unwrap(), expected_record());

    // A missing file: status 2 and the usage in Chinese; a bad plan: status 2, error JSON.
    std::fs::write(dir.join("bad.toml"), "[plan\n").unwrap();
    let out = Command::new(dir.join("draw"))
        .current_dir(&dir)
        .args(["bad.toml", "targets.csv", "officers.csv", SEED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(error["kind"], "plan_syntax", "{error}");
    assert_eq!(error["location"]["source"], "plan.toml");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Calls through the ABI as C would.
fn call(op: Option<&CStr>, request: Option<&CStr>) -> (i32, String) {
    let mut answer: *mut c_char = std::ptr::null_mut();
    let status = unsafe {
        shuangsui_call(
            op.map_or(std::ptr::null(), CStr::as_ptr),
            request.map_or(std::ptr::null(), CStr::as_ptr),
            &raw mut answer,
        )
    };
    assert!(!answer.is_null());
    let text = unsafe { CStr::from_ptr(answer) }
        .to_str()
        .unwrap()
        .to_owned();
    unsafe { shuangsui_free(answer) };
    (status, text)
}

#[test]
fn the_abi_answers_every_call_and_frees_what_it_hands_out() {
    let version = unsafe { CStr::from_ptr(shuangsui_version()) }
        .to_str()
        .unwrap();
    assert!(version.ends_with(" spec 2"), "{version}");

    // Null and non-UTF-8 requests are errors of kind request, not crashes.
    let (status, text) = call(Some(c"draw"), None);
    assert_eq!(status, 2);
    assert!(text.contains(r#""kind":"request""#), "{text}");
    let (status, text) = call(Some(c"draw"), Some(c"\xff"));
    assert_eq!(status, 2);
    assert!(text.contains("UTF-8"), "{text}");
    let (status, _) = call(None, Some(c"{}"));
    assert_eq!(status, 2);
    // A null answer pointer: refused, nothing written.
    assert_eq!(
        unsafe { shuangsui_call(c"draw".as_ptr(), c"{}".as_ptr(), std::ptr::null_mut()) },
        2
    );
    unsafe { shuangsui_free(std::ptr::null_mut()) };

    // A verification that does not reproduce: status 1, with what differs.
    let record = expected_record().replace("北京", "南京");
    let request = serde_json::json!({ "record": record, "plan": PLAN, "targets": TARGETS, "officers": OFFICERS });
    let request = CString::new(request.to_string()).unwrap();
    let mut answer: *mut c_char = std::ptr::null_mut();
    let status = unsafe { shuangsui_verify(request.as_ptr(), &raw mut answer) };
    let text = unsafe { CStr::from_ptr(answer) }
        .to_str()
        .unwrap()
        .to_owned();
    unsafe { shuangsui_free(answer) };
    // The name is outside every digest (SPEC.md §3.4): an edited name is refused as an
    // altered record (its digest), or differs; either way not ok.
    assert!(status == 1 || status == 2, "{status} {text}");
    assert!(!text.contains(r#""ok":true"#), "{text}");

    // Eight threads drawing at once get the same bytes.
    let request =
        serde_json::json!({ "plan": PLAN, "targets": TARGETS, "officers": OFFICERS, "seed": SEED });
    let request = CString::new(request.to_string()).unwrap();
    let expected = expected_record();
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..5 {
                    let (status, text) = call(Some(c"draw"), Some(&request));
                    assert_eq!(status, 0, "{text}");
                    let answer: serde_json::Value = serde_json::from_str(&text).unwrap();
                    assert_eq!(answer["record"].as_str().unwrap(), expected);
                }
            });
        }
    });
}
