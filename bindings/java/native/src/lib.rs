//! # shuangsui's Java binding, the native half
//!
//! The JNI functions behind the package-private class `shuangsui.Native` (Java:
//! `bindings/java/src/shuangsui/`). They are the library's JSON interface,
//! [`shuangsui::api::call`], and a small reader of its answers, so that the Java side needs
//! no JSON parser:
//!
//! - `call0(String operation, String request, String[] selectors)` runs the call and answers
//!   `String[][]`: row 0 is `{status, answer}` (status `"0"`, `"1"` or `"2"`, the answer's
//!   JSON text), and, unless the status is 2 (an error), row `1 + i` holds what
//!   `selectors[i]` picks out of the answer.
//! - `select0(String json, String[] selectors)` picks the same out of a JSON text (an error's
//!   answer, for the exception's fields).
//! - `version0()` is the library's version, e.g. `"0.1.0 spec 2"`.
//!
//! A selector is a JSON pointer (RFC 6901) in which a segment `*` stands for every element
//! of an array (or every member of an object), in order: `/record`,
//! `/differences/*/message/zh`. Each value it reaches gives one string: a JSON string its
//! text (so the draw's `record` is the record's text, byte for byte as the CLI writes it), a
//! number or boolean its JSON text, an array or object its compact JSON; null and a missing
//! member give nothing.
//!
//! No panic unwinds into the JVM: one is caught and answered as an error of kind `internal`.
//! A request that Java holds with an unpaired surrogate is not UTF-8: the library answers an
//! error of kind `request`, as it does for C, rather than reading a replacement character.

use std::panic::{AssertUnwindSafe, catch_unwind};

use jni::JNIEnv;
use jni::objects::{JClass, JObject, JObjectArray, JString};
use jni::sys::{jobjectArray, jstring};
use serde_json::Value;

/// The library's version and the spec version it implements, as the C ABI gives it.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " spec 2");

/// `static native String version0()`.
#[unsafe(no_mangle)]
pub extern "system" fn Java_shuangsui_Native_version0<'l>(
    env: JNIEnv<'l>,
    _class: JClass<'l>,
) -> jstring {
    env.new_string(VERSION)
        .map_or(std::ptr::null_mut(), JString::into_raw)
}

/// `static native String[][] call0(String operation, String request, String[] selectors)`.
#[unsafe(no_mangle)]
pub extern "system" fn Java_shuangsui_Native_call0<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    operation: JString<'l>,
    request: JString<'l>,
    selectors: JObjectArray<'l>,
) -> jobjectArray {
    guarded(&mut env, Failure::Answer, |env| {
        let operation = modified_utf8(env, &operation)?;
        let request = modified_utf8(env, &request)?;
        let selectors = strings(env, &selectors)?;
        let (status, answer) = shuangsui::api::call_bytes(&operation, &request);
        // The request's copy goes before the answer's rows are made.
        drop(request);
        let code = status.code();
        let picked = if code == shuangsui::api::Status::Error.code() {
            Vec::new()
        } else {
            pick(&answer, &selectors)
        };
        rows(env, &code.to_string(), &answer, &picked)
    })
}

/// `static native String[][] select0(String json, String[] selectors)`: row `i` holds what
/// `selectors[i]` picks (row 0 is not special here).
#[unsafe(no_mangle)]
pub extern "system" fn Java_shuangsui_Native_select0<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    json: JString<'l>,
    selectors: JObjectArray<'l>,
) -> jobjectArray {
    guarded(&mut env, Failure::Throw, |env| {
        let json = modified_utf8(env, &json)?;
        let selectors = strings(env, &selectors)?;
        let picked = pick(&json, &selectors);
        let picked: Vec<Vec<&str>> = picked
            .iter()
            .map(|row| row.iter().map(String::as_str).collect())
            .collect();
        string_rows(env, &picked)
    })
}

/// What a failure of [`guarded`]'s body answers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Failure {
    /// `call0`'s rows for an error of kind `internal` (status 2), as the C ABI answers.
    Answer,
    /// `InternalError`: `select0` has no rows for an error.
    Throw,
}

/// Runs `body`, catching a panic; a JNI failure with a Java exception pending returns null
/// (the JVM throws it on return); any other failure or a panic answers as `failure` says. When
/// even that answer cannot be made, throws `InternalError`.
fn guarded<'l>(
    env: &mut JNIEnv<'l>,
    failure: Failure,
    body: impl FnOnce(&mut JNIEnv<'l>) -> jni::errors::Result<JObjectArray<'l>>,
) -> jobjectArray {
    let why = match catch_unwind(AssertUnwindSafe(|| body(env))) {
        Ok(Ok(rows)) => return rows.into_raw(),
        Ok(Err(jni::errors::Error::JavaException)) => return std::ptr::null_mut(),
        Ok(Err(e)) => format!("JNI: {e}"),
        Err(panic) => panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default(),
    };
    let answered = catch_unwind(AssertUnwindSafe(|| {
        if failure == Failure::Throw || env.exception_check().unwrap_or(true) {
            return None;
        }
        let answer = shuangsui::api::internal_error(&why);
        let code = shuangsui::api::Status::Error.code().to_string();
        rows(env, &code, &answer, &[]).ok()
    }));
    if let Ok(Some(rows)) = answered {
        return rows.into_raw();
    }
    if !env.exception_check().unwrap_or(true) {
        let _ = env.throw_new("java/lang/InternalError", format!("shuangsui: {why}"));
    }
    std::ptr::null_mut()
}

/// A Java string's bytes as UTF-8, decoded from the JVM's modified UTF-8 strictly: an
/// unpaired surrogate stays as its three bytes, which are not UTF-8, so that the library
/// refuses the request (kind `request`) instead of reading a replacement character.
fn modified_utf8(env: &mut JNIEnv<'_>, s: &JString<'_>) -> jni::errors::Result<Vec<u8>> {
    if s.is_null() {
        return Ok(Vec::new());
    }
    // SAFETY: every string handed here is a `java.lang.String`: the native methods' parameters
    // are declared `String` and `String[]`, which the JVM enforces. (The checked `get_string`
    // would leave two local references behind on each call.)
    let java = unsafe { env.get_string_unchecked(s) }?;
    let bytes = java.to_bytes();
    Ok(match cesu8::from_java_cesu8(bytes) {
        Ok(text) => text.into_owned().into_bytes(),
        Err(_) => bytes.to_vec(),
    })
}

/// The strings of a `String[]`; a null element reads as empty.
fn strings(env: &mut JNIEnv<'_>, array: &JObjectArray<'_>) -> jni::errors::Result<Vec<String>> {
    if array.is_null() {
        return Ok(Vec::new());
    }
    let length = env.get_array_length(array)?;
    let mut out = Vec::with_capacity(usize::try_from(length).unwrap_or_default());
    for i in 0..length {
        let element = JString::from(env.get_object_array_element(array, i)?);
        let text = modified_utf8(env, &element)?;
        env.delete_local_ref(element)?;
        out.push(String::from_utf8_lossy(&text).into_owned());
    }
    Ok(out)
}

/// What each selector picks out of a JSON text; nothing when the text is not JSON.
fn pick(json: &(impl AsRef<[u8]> + ?Sized), selectors: &[String]) -> Vec<Vec<String>> {
    let Ok(value) = serde_json::from_slice::<Value>(json.as_ref()) else {
        return vec![Vec::new(); selectors.len()];
    };
    selectors
        .iter()
        .map(|pointer| {
            let mut reached = Vec::new();
            if let Some(path) = pointer.strip_prefix('/') {
                let segments: Vec<String> = path.split('/').map(unescape).collect();
                walk(&value, &segments, &mut reached);
            } else if pointer.is_empty() {
                reached.push(&value);
            }
            reached.into_iter().filter_map(text_of).collect()
        })
        .collect()
}

/// A JSON pointer's segment: `~1` is `/`, `~0` is `~`.
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The values a pointer's segments reach from `value`, `*` standing for every element.
fn walk<'v>(value: &'v Value, segments: &[String], out: &mut Vec<&'v Value>) {
    let Some((first, rest)) = segments.split_first() else {
        out.push(value);
        return;
    };
    match (value, first.as_str()) {
        (Value::Array(items), "*") => items.iter().for_each(|v| walk(v, rest, out)),
        (Value::Object(members), "*") => members.values().for_each(|v| walk(v, rest, out)),
        (Value::Object(members), name) => {
            if let Some(v) = members.get(name) {
                walk(v, rest, out);
            }
        }
        (Value::Array(items), index) => {
            if let Some(v) = index.parse::<usize>().ok().and_then(|i| items.get(i)) {
                walk(v, rest, out);
            }
        }
        _ => {}
    }
}

/// A value as Java receives it: a string's text, any other value's JSON; null is nothing.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// `String[][]`: `{status, answer}`, then the picked rows.
fn rows<'l>(
    env: &mut JNIEnv<'l>,
    status: &str,
    answer: &str,
    picked: &[Vec<String>],
) -> jni::errors::Result<JObjectArray<'l>> {
    let mut all: Vec<Vec<&str>> = Vec::with_capacity(1 + picked.len());
    all.push(vec![status, answer]);
    all.extend(
        picked
            .iter()
            .map(|row| row.iter().map(String::as_str).collect()),
    );
    string_rows(env, &all)
}

/// `String[][]` from rows of strings, each local reference freed once stored, so that a long
/// list does not fill the JVM's table of local references.
fn string_rows<'l>(
    env: &mut JNIEnv<'l>,
    rows: &[Vec<&str>],
) -> jni::errors::Result<JObjectArray<'l>> {
    let outer = env.new_object_array(jsize(rows.len())?, "[Ljava/lang/String;", JObject::null())?;
    for (i, row) in rows.iter().enumerate() {
        let inner = env.new_object_array(jsize(row.len())?, "java/lang/String", JObject::null())?;
        for (j, text) in row.iter().enumerate() {
            let s = env.new_string(*text)?;
            env.set_object_array_element(&inner, jsize(j)?, &s)?;
            env.delete_local_ref(s)?;
        }
        env.set_object_array_element(&outer, jsize(i)?, &inner)?;
        env.delete_local_ref(inner)?;
    }
    Ok(outer)
}

/// A length or index as Java's `int`; past it, as the JVM says of an array too large.
fn jsize(n: usize) -> jni::errors::Result<i32> {
    i32::try_from(n).map_err(|_| jni::errors::Error::JniCall(jni::errors::JniError::NoMemory))
}
