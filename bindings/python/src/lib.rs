//! # shuangsui for Python: the native module
//!
//! `shuangsui._shuangsui`, the one native piece of the Python package `shuangsui`
//! (`python/shuangsui/`): [`call`] runs an operation of the library's JSON interface
//! ([`shuangsui::api`]) and returns its status and answer. The typed API (`draw`, `verify`,
//! `Verification`, the exceptions) is Python, over this function.
//!
//! The call releases the GIL: other Python threads run while a draw reads a directory, and
//! several draws may run at once. No panic crosses into Python: one is caught and answered as
//! an error of kind `internal`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};

/// Runs `operation` (`"check"`, `"draw"`, `"verify"`, `"digest"`, `"amend"`, `"notice"`) on
/// `request`, a JSON object as UTF-8 bytes, without the GIL. Returns `(status, answer)`:
/// status 0 (done), 1 (a verification that does not reproduce) or 2 (the answer is an
/// error), and the answer's JSON text.
#[pyfunction]
fn call(py: Python<'_>, operation: PyBackedStr, request: PyBackedBytes) -> (i32, String) {
    py.detach(|| answer(operation.as_bytes(), &request))
}

/// [`shuangsui::api::call_bytes`], a panic answered as an error of kind `internal`.
fn answer(operation: &[u8], request: &[u8]) -> (i32, String) {
    match catch_unwind(AssertUnwindSafe(|| {
        let (status, json) = shuangsui::api::call_bytes(operation, request);
        (status.code(), json)
    })) {
        Ok(answered) => answered,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            (2, shuangsui::api::internal_error(&what))
        }
    }
}

/// The module: [`call`], the operations, and the version of the library it was built from.
#[pymodule]
fn _shuangsui(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(call, m)?)?;
    m.add("OPERATIONS", shuangsui::api::OPERATIONS.to_vec())?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
