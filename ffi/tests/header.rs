//! `include/shuangsui.h` is what cbindgen makes of `src/lib.rs`: a change to the ABI that
//! leaves the header behind fails here (`SHUANGSUI_BLESS=1` rewrites it).

use std::path::Path;

#[test]
fn the_header_is_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut made = Vec::new();
    cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .expect("cbindgen reads src/lib.rs")
        .write(&mut made);
    let path = dir.join("include/shuangsui.h");
    if std::env::var_os("SHUANGSUI_BLESS").is_some() {
        std::fs::write(&path, &made).expect("write the header");
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == made,
        "ffi/include/shuangsui.h is not what cbindgen makes of src/lib.rs: run \
         SHUANGSUI_BLESS=1 cargo test -p shuangsui-ffi --test header, and review the diff"
    );
}
