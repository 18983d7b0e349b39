//! The plan's canonical digest: its TOML tree, encoded (SPEC.md §4.3).

use crate::base::canonical::{Encoder, Hash, SPEC_VERSION};
use crate::base::normalize;

/// The canonical digest of a plan's TOML tree (SPEC.md §4.3). Fails on a
/// float or a datetime, which the plan never needs, and on two keys that are
/// equal after normalisation.
pub fn of_tree(tree: &toml::Table) -> Result<Hash, String> {
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/plan"));
    encode_table(&mut e, tree)?;
    Ok(e.finish())
}

fn encode_table(e: &mut Encoder, t: &toml::Table) -> Result<(), String> {
    let mut entries: Vec<(String, &toml::Value)> =
        t.iter().map(|(k, v)| (normalize::text(k), v)).collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some((k, _)) = entries
        .iter()
        .find(|(k, _)| normalize::first_control(k).is_some())
    {
        return Err(format!(
            "the plan contains a control character in the key \"{}\"",
            k.escape_debug()
        ));
    }
    if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!(
            "two keys are the same after normalisation: '{}'",
            w[0].0
        ));
    }
    e.tag_byte(b't')
        .u32(u32::try_from(entries.len()).map_err(|_| "table too large")?);
    for (k, v) in entries {
        e.str(&k);
        encode_value(e, v)?;
    }
    Ok(())
}

fn encode_value(e: &mut Encoder, v: &toml::Value) -> Result<(), String> {
    match v {
        toml::Value::String(s) => {
            let s = normalize::text(s);
            if let Some(c) = normalize::first_control(&s) {
                return Err(format!(
                    "the plan contains the control character U+{:04X} in \"{}\"",
                    c as u32,
                    s.escape_debug()
                ));
            }
            e.tag_byte(b's').str(&s);
        }
        toml::Value::Integer(i) => {
            e.tag_byte(b'i').u64(u64::from_be_bytes(i.to_be_bytes()));
        }
        toml::Value::Boolean(b) => {
            e.tag_byte(b'b').tag_byte(u8::from(*b));
        }
        toml::Value::Array(a) => {
            e.tag_byte(b'a')
                .u32(u32::try_from(a.len()).map_err(|_| "array too large")?);
            for item in a {
                encode_value(e, item)?;
            }
        }
        toml::Value::Table(t) => encode_table(e, t)?,
        toml::Value::Float(f) => {
            return Err(format!(
                "the plan contains the number {f}: write ratios as strings like \"3%\", counts as integers"
            ));
        }
        toml::Value::Datetime(d) => {
            return Err(format!(
                "the plan contains the date {d}: write dates as strings"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_rejects_floats() {
        let t: toml::Table = toml::from_str("a = 0.5").unwrap();
        assert!(of_tree(&t).unwrap_err().contains("0.5"));
    }
}
