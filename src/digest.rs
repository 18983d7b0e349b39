//! Canonical digests of the three inputs (SPEC.md §3.4 and §4.3).
//!
//! A table's digest is over its normalised rows, independent of row order,
//! column order, line ends and a BOM. The plan's digest is over its TOML tree,
//! independent of formatting, comments and key order.

use crate::canonical::{Encoder, Hash};
use crate::input::{Row, Table};
use crate::normalize;

/// The spec version every tag carries.
pub const SPEC_VERSION: &str = "1";

/// Domain tag of a table's digest, e.g. `shuangsui/v1/targets`.
fn table_tag(table: &Table) -> String {
    format!("shuangsui/v{SPEC_VERSION}/{}", table.kind.as_str())
}

/// The canonical digest of a table (SPEC.md §3.4).
///
/// `leaf(row) = SHA-256(str(tag + "-row") ‖ u32(ncols) ‖ (str(name) ‖ str(value))*)`
/// with columns in sorted order; the digest is
/// `SHA-256(str(tag) ‖ u32(ncols) ‖ str(name)* ‖ u64(nrows) ‖ sorted(leaf)*)`.
pub fn table(table: &Table) -> Hash {
    let tag = table_tag(table);
    let row_tag = format!("{tag}-row");
    let mut order: Vec<usize> = (0..table.columns.len()).collect();
    order.sort_by(|&a, &b| table.columns[a].cmp(&table.columns[b]));
    let ncols = u32::try_from(order.len()).expect("column limit");
    let mut row_prefix = Encoder::new(&row_tag);
    row_prefix.u32(ncols);
    let mut leaves: Vec<Hash> = table
        .rows
        .iter()
        .map(|row| leaf_with(&row_prefix, &order, table, row))
        .collect();
    leaves.sort_unstable();
    let mut e = Encoder::new(&tag);
    e.u32(ncols);
    for &i in &order {
        e.str(&table.columns[i]);
    }
    e.u64(leaves.len() as u64);
    for leaf in &leaves {
        e.hash(leaf);
    }
    e.finish()
}

/// The leaf digest of one row (SPEC.md §3.4), as the worked example shows it.
pub fn leaf(table: &Table, row: &Row) -> Hash {
    let mut order: Vec<usize> = (0..table.columns.len()).collect();
    order.sort_by(|&a, &b| table.columns[a].cmp(&table.columns[b]));
    let mut prefix = Encoder::new(&format!("{}-row", table_tag(table)));
    prefix.u32(u32::try_from(order.len()).expect("column limit"));
    leaf_with(&prefix, &order, table, row)
}

fn leaf_with(prefix: &Encoder, order: &[usize], table: &Table, row: &Row) -> Hash {
    let mut e = prefix.clone();
    for &i in order {
        e.str(&table.columns[i]).str(&row.values[i]);
    }
    e.finish()
}

/// The canonical digest of a plan's TOML tree (SPEC.md §4.3). Fails on a
/// float or a datetime, which the plan never needs, and on two keys that are
/// equal after normalisation.
pub fn plan(tree: &toml::Table) -> Result<Hash, String> {
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
    use crate::canonical::to_hex;
    use crate::input::TableKind;

    /// Replaces the letters A–D standing for ids with valid codes.
    fn digest(kind: TableKind, s: &str) -> String {
        let s = s
            .replace("\nA,", &format!("\n{},", crate::synth::uscc_for(1)))
            .replace("\nC,", &format!("\n{},", crate::synth::uscc_for(3)))
            .replace("\nX,", &format!("\n{},", crate::synth::uscc_for(24)))
            .replace(",A\r\n", &format!(",{}\r\n", crate::synth::uscc_for(1)))
            .replace(",C\r\n", &format!(",{}\r\n", crate::synth::uscc_for(3)));
        to_hex(&table(&Table::from_csv(kind, "t", s.as_bytes()).unwrap()))
    }

    #[test]
    fn table_digest_is_order_free() {
        let a = digest(TableKind::Targets, "id,name,risk\nA,甲,B\nC,丙,D\n");
        assert_eq!(
            a,
            digest(TableKind::Targets, "risk,name,id\r\nD,丙,C\r\nB,甲,A\r\n")
        );
        assert_eq!(
            a,
            digest(TableKind::Targets, "\u{FEFF}id,name,risk\nC,丙,D\nA,甲,B")
        );
        assert_ne!(
            a,
            digest(TableKind::Targets, "id,name,risk\nA,甲,B\nC,丙,C\n")
        );
        assert_ne!(
            a,
            digest(TableKind::Officers, "id,name,risk\nA,甲,B\nC,丙,D\n")
        );
    }

    #[test]
    fn moving_a_value_between_columns_changes_the_digest() {
        assert_ne!(
            digest(TableKind::Targets, "id,name,a,b\nX,n,1,\n"),
            digest(TableKind::Targets, "id,name,a,b\nX,n,,1\n")
        );
    }

    #[test]
    fn empty_table_digest_depends_on_columns() {
        assert_ne!(
            digest(TableKind::Targets, "id,name\n"),
            digest(TableKind::Targets, "id,name,x\n")
        );
    }

    #[test]
    fn plan_rejects_floats() {
        let t: toml::Table = toml::from_str("a = 0.5").unwrap();
        assert!(plan(&t).unwrap_err().contains("0.5"));
    }
}
