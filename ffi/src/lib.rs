//! # shuangsui's C ABI
//!
//! The library's JSON interface ([`shuangsui::api`]) for C and every language that calls C:
//! each function takes a request, a NUL-terminated UTF-8 JSON object, and hands out an
//! answer, a NUL-terminated UTF-8 JSON text that the caller frees with [`shuangsui_free`].
//! The requests and answers of each operation are documented in `shuangsui::api` and in the
//! README's "C" section.
//!
//! Every function returns a status: [`SHUANGSUI_OK`] (0), [`SHUANGSUI_MISMATCH`] (1: a
//! verification that does not reproduce; the answer says what differs) or
//! [`SHUANGSUI_ERROR`] (2: the answer is an error, `{"kind", "location", "message": {"zh",
//! "en"}, …}`). No panic crosses the boundary: one is caught and answered as an error of kind
//! `internal`.
//!
//! **Threads.** The functions keep no state between calls and may be called from several
//! threads at once. A draw reads the directory on a pool of worker threads that the library
//! starts on first use and keeps.

use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Done: the answer is the operation's.
pub const SHUANGSUI_OK: i32 = 0;
/// A verification that does not reproduce: the answer says what differs.
pub const SHUANGSUI_MISMATCH: i32 = 1;
/// An error: the answer is the error, as JSON.
pub const SHUANGSUI_ERROR: i32 = 2;

/// The library's version and the spec version it implements, e.g. `"0.1.0 spec 2"`: a static
/// string, not to be freed.
#[unsafe(no_mangle)]
pub extern "C" fn shuangsui_version() -> *const c_char {
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " spec 2\0");
    VERSION.as_ptr().cast()
}

/// Runs the operation named `operation` (`"check"`, `"draw"`, `"verify"`, `"digest"`,
/// `"amend"`, `"notice"`) on `request`, a JSON object, and stores the answer in `*answer`
/// (free it with [`shuangsui_free`]). Returns the status; when `answer` is null, returns
/// [`SHUANGSUI_ERROR`] and does nothing else.
///
/// # Safety
///
/// `operation` and `request` are null or point to NUL-terminated strings, valid for the
/// call; `answer` is null or points to writable storage for a pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_call(
    operation: *const c_char,
    request: *const c_char,
    answer: *mut *mut c_char,
) -> i32 {
    if answer.is_null() {
        return SHUANGSUI_ERROR;
    }
    // SAFETY: the caller passes NUL-terminated strings or null (checked in `bytes`).
    let (operation, request) = unsafe { (bytes(operation), bytes(request)) };
    let (status, json) = match catch_unwind(AssertUnwindSafe(|| {
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
            (SHUANGSUI_ERROR, shuangsui::api::internal_error(&what))
        }
    };
    // JSON escapes every control character, so the answer holds no NUL.
    let json = CString::new(json).unwrap_or_else(|_| {
        CString::new(shuangsui::api::internal_error("NUL in an answer")).unwrap_or_default()
    });
    // SAFETY: `answer` is not null and the caller gave storage for a pointer.
    unsafe { answer.write(json.into_raw()) };
    status
}

/// A NUL-terminated string's bytes; none for null.
///
/// # Safety
///
/// `p` is null or points to a NUL-terminated string.
unsafe fn bytes<'a>(p: *const c_char) -> &'a [u8] {
    if p.is_null() {
        return &[];
    }
    // SAFETY: not null, and NUL-terminated by the caller's contract.
    unsafe { CStr::from_ptr(p) }.to_bytes()
}

/// Frees an answer handed out by this library; null is allowed and does nothing.
///
/// # Safety
///
/// `answer` is null or a pointer this library stored in `*answer`, not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_free(answer: *mut c_char) {
    if !answer.is_null() {
        // SAFETY: made by `CString::into_raw` in `shuangsui_call`, and not freed before.
        drop(unsafe { CString::from_raw(answer) });
    }
}

/// What a draw would do, short of drawing: each task's frame, exclusions, count and
/// eligible officers, and the inputs' digests. `shuangsui_call("check", …)`.
///
/// # Safety
///
/// As [`shuangsui_call`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_check(request: *const c_char, answer: *mut *mut c_char) -> i32 {
    // SAFETY: the caller's contract is `shuangsui_call`'s.
    unsafe { shuangsui_call(c"check".as_ptr(), request, answer) }
}

/// Draws: `{"record": "<the record's text>", "digest", "warnings", "exclusions"}`; the
/// record's text is what `shuangsui draw` writes, byte for byte. `shuangsui_call("draw", …)`.
///
/// # Safety
///
/// As [`shuangsui_call`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_draw(request: *const c_char, answer: *mut *mut c_char) -> i32 {
    // SAFETY: the caller's contract is `shuangsui_call`'s.
    unsafe { shuangsui_call(c"draw".as_ptr(), request, answer) }
}

/// Verifies a record against its inputs: [`SHUANGSUI_OK`] when it reproduces,
/// [`SHUANGSUI_MISMATCH`] with what differs when it does not. `shuangsui_call("verify", …)`.
///
/// # Safety
///
/// As [`shuangsui_call`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_verify(request: *const c_char, answer: *mut *mut c_char) -> i32 {
    // SAFETY: the caller's contract is `shuangsui_call`'s.
    unsafe { shuangsui_call(c"verify".as_ptr(), request, answer) }
}

/// The canonical digests of a plan and, when given, its directory and roster.
/// `shuangsui_call("digest", …)`.
///
/// # Safety
///
/// As [`shuangsui_call`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_digest(request: *const c_char, answer: *mut *mut c_char) -> i32 {
    // SAFETY: the caller's contract is `shuangsui_call`'s.
    unsafe { shuangsui_call(c"digest".as_ptr(), request, answer) }
}

/// Amends a record (replaces an officer, records a target unreachable):
/// `{"record": "<the amended record's text>", "digest"}`. `shuangsui_call("amend", …)`.
///
/// # Safety
///
/// As [`shuangsui_call`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_amend(request: *const c_char, answer: *mut *mut c_char) -> i32 {
    // SAFETY: the caller's contract is `shuangsui_call`'s.
    unsafe { shuangsui_call(c"amend".as_ptr(), request, answer) }
}

/// The draw notice of a record that verifies, as HTML, Markdown or CSV.
/// `shuangsui_call("notice", …)`.
///
/// # Safety
///
/// As [`shuangsui_call`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn shuangsui_notice(request: *const c_char, answer: *mut *mut c_char) -> i32 {
    // SAFETY: the caller's contract is `shuangsui_call`'s.
    unsafe { shuangsui_call(c"notice".as_ptr(), request, answer) }
}
