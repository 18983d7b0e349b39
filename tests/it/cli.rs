//! CLI behaviour pinned by snapshots: one file per scenario in `tests/cmd/`,
//! with its arguments, exit status, stdout and stderr. Update deliberately
//! with `TRYCMD=overwrite cargo test --test it cli::` and review the diff.

#[test]
fn cli_snapshots() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
