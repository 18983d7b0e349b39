//! The plan's canonical digest: its TOML tree, encoded (SPEC.md §4.3).

use crate::base::canonical::{Encoder, Hash, SPEC_VERSION};
use crate::base::normalize;
use crate::error::{Error, ErrorKind};

/// The canonical digest of a plan's TOML tree (SPEC.md §4.3). Fails on a
/// float or a datetime, which the plan never needs, and on two keys that are
/// equal after normalisation.
pub fn of_tree(tree: &toml::Table) -> Result<Hash, Error> {
    let mut e = Encoder::new(&format!("shuangsui/v{SPEC_VERSION}/plan"));
    encode_table(&mut e, tree)?;
    Ok(e.finish())
}

fn encode_table(e: &mut Encoder, t: &toml::Table) -> Result<(), Error> {
    let mut entries: Vec<(String, &toml::Value)> =
        t.iter().map(|(k, v)| (normalize::text(k), v)).collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    if let Some((k, _)) = entries
        .iter()
        .find(|(k, _)| normalize::first_control(k).is_some())
    {
        return Err(Error::with_id(ErrorKind::PlanSyntax, "plan-key-control")
            .arg("key", k.escape_debug().to_string()));
    }
    if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(
            Error::with_id(ErrorKind::PlanSyntax, "plan-keys-equal").arg("key", w[0].0.as_str())
        );
    }
    e.tag_byte(b't').u32(
        u32::try_from(entries.len())
            .map_err(|_| Error::with_id(ErrorKind::PlanSyntax, "plan-table-too-large"))?,
    );
    for (k, v) in entries {
        e.str(&k);
        encode_value(e, v)?;
    }
    Ok(())
}

fn encode_value(e: &mut Encoder, v: &toml::Value) -> Result<(), Error> {
    match v {
        toml::Value::String(s) => {
            let s = normalize::text(s);
            if let Some(c) = normalize::first_control(&s) {
                return Err(Error::with_id(ErrorKind::PlanSyntax, "plan-value-control")
                    .arg("code", format!("{:04X}", c as u32))
                    .arg("value", s.escape_debug().to_string()));
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
            e.tag_byte(b'a').u32(
                u32::try_from(a.len())
                    .map_err(|_| Error::with_id(ErrorKind::PlanSyntax, "plan-array-too-large"))?,
            );
            for item in a {
                encode_value(e, item)?;
            }
        }
        toml::Value::Table(t) => encode_table(e, t)?,
        toml::Value::Float(f) => {
            return Err(
                Error::with_id(ErrorKind::PlanSyntax, "plan-float").arg("number", f.to_string())
            );
        }
        toml::Value::Datetime(d) => {
            return Err(
                Error::with_id(ErrorKind::PlanSyntax, "plan-datetime").arg("date", d.to_string())
            );
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
        assert!(of_tree(&t).unwrap_err().to_string().contains("0.5"));
    }
}
