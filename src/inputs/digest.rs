//! Canonical digests of the three inputs (SPEC.md §3.4 and §4.3).
//!
//! A table's digest is over its normalised rows, independent of row order,
//! column order, line ends and a BOM. The plan's digest is over its TOML tree,
//! independent of formatting, comments and key order.

use super::kind::{NAME, TableKind, digested};
use super::table::{Row, Table};
use crate::base::canonical::{Hash, sha256, to_hex};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::base::canonical::SPEC_VERSION;

/// Domain tag of a table's digest, e.g. `shuangsui/v2/targets`.
fn table_tag(kind: TableKind) -> String {
    format!("shuangsui/v{SPEC_VERSION}/{}", kind.as_str())
}

/// Computes the leaves of one table's rows (SPEC.md §3.4), text a SQL engine can hash too:
/// `leaf(row) = SHA-256(tag + "-row" ‖ (LF ‖ field(value))*)`, values in the sorted order of
/// their columns, `field(v) = decimal(len(v)) ‖ ":" ‖ v` (`len` in UTF-8 bytes). The column
/// names are not in the leaf: the table's digest commits to them once.
#[derive(Debug, Clone)]
pub(crate) struct Leaves {
    prefix: Vec<u8>,
    /// The table-order index of each column, in sorted order.
    order: Vec<usize>,
}

/// Appends `LF ‖ decimal(len(s)) ‖ ":" ‖ s` (the digits written by hand: this runs for every
/// cell of a directory of millions of rows).
fn put_field(buf: &mut Vec<u8>, s: &str) {
    let mut digits = [0_u8; 20];
    let mut at = digits.len();
    let mut n = s.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.push(b'\n');
    buf.extend_from_slice(&digits[at..]);
    buf.push(b':');
    buf.extend_from_slice(s.as_bytes());
}

impl Leaves {
    pub(crate) fn new(kind: TableKind, columns: &[String]) -> Self {
        Self::tagged(&table_tag(kind), columns)
    }

    fn tagged(tag: &str, columns: &[String]) -> Self {
        let mut order: Vec<usize> = (0..columns.len()).collect();
        order.sort_by(|&a, &b| columns[a].cmp(&columns[b]));
        Self {
            prefix: format!("{tag}-row").into_bytes(),
            order,
        }
    }

    /// The leaf of a row whose value in table column `c` is `value(c)`; `buf` is scratch space.
    pub(crate) fn leaf<'v>(&self, value: impl Fn(usize) -> &'v str, buf: &mut Vec<u8>) -> Hash {
        buf.clear();
        buf.extend_from_slice(&self.prefix);
        for &c in &self.order {
            put_field(buf, value(c));
        }
        sha256(buf)
    }
}

/// A bucket of leaves: those whose hex starts with the same two digits (the same first byte).
/// Its hash is `SHA-256` of their hex, ascending, concatenated (SPEC.md §3.4); buckets are
/// independent, so they are hashed in parallel.
pub(crate) fn bucket_hash(leaves: &[Hash]) -> Hash {
    debug_assert!(leaves.windows(2).all(|w| w[0] <= w[1]));
    debug_assert!(leaves.windows(2).all(|w| w[0][0] == w[1][0]));
    let mut hasher = Sha256::new();
    let mut hex = [0_u8; 64 * 32];
    for chunk in leaves.chunks(32) {
        for (leaf, out) in chunk.iter().zip(hex.chunks_exact_mut(64)) {
            hex::encode_to_slice(leaf, out).expect("64 hex digits");
        }
        hasher.update(&hex[..chunk.len() * 64]);
    }
    hasher.finalize().into()
}

/// The digest of a table from its buckets, in ascending order (SPEC.md §3.4):
/// `SHA-256(tag ‖ (LF ‖ field(column))* ‖ LF ‖ decimal(rows) ‖ (LF ‖ b ‖ ":" ‖ bucket(b))*)`,
/// `b` the two hex digits of each bucket that has leaves.
pub(crate) struct SortedLeaves {
    hasher: Sha256,
    last: Option<u8>,
}

impl SortedLeaves {
    /// Starts the digest of a table of `rows` rows.
    pub(crate) fn new(kind: TableKind, columns: &[String], rows: usize) -> Self {
        Self::tagged(&table_tag(kind), columns, rows)
    }

    fn tagged(tag: &str, columns: &[String], rows: usize) -> Self {
        let mut sorted: Vec<&String> = columns.iter().collect();
        sorted.sort();
        let mut head = tag.as_bytes().to_vec();
        for c in sorted {
            put_field(&mut head, c);
        }
        head.push(b'\n');
        head.extend_from_slice(rows.to_string().as_bytes());
        let mut hasher = Sha256::new();
        hasher.update(&head);
        Self { hasher, last: None }
    }

    /// The next bucket: its first byte and [`bucket_hash`] of its leaves.
    pub(crate) fn push_bucket(&mut self, first: u8, hash: &Hash) {
        debug_assert!(
            self.last.is_none_or(|l| l < first),
            "buckets in ascending order"
        );
        self.last = Some(first);
        let mut line = [0_u8; 1 + 2 + 1 + 64];
        line[0] = b'\n';
        hex::encode_to_slice([first], &mut line[1..3]).expect("two hex digits");
        line[3] = b':';
        hex::encode_to_slice(hash, &mut line[4..]).expect("64 hex digits");
        self.hasher.update(line);
    }

    /// All the leaves, in ascending order: bucketed and hashed here.
    pub(crate) fn push_sorted(&mut self, leaves: &[Hash]) {
        for bucket in leaves.chunk_by(|a, b| a[0] == b[0]) {
            self.push_bucket(bucket[0][0], &bucket_hash(bucket));
        }
    }

    pub(crate) fn finish(self) -> Hash {
        self.hasher.finalize().into()
    }
}

/// The canonical digest of a table (SPEC.md §3.4).
pub fn table(table: &Table) -> Hash {
    let index = digested(table.kind, &table.columns);
    let columns: Vec<String> = index.iter().map(|&c| table.columns[c].clone()).collect();
    let leaves_of = Leaves::new(table.kind, &columns);
    let mut buf = Vec::new();
    let mut leaves: Vec<Hash> = table
        .rows
        .iter()
        .map(|row| leaves_of.leaf(|c| &row.values[index[c]], &mut buf))
        .collect();
    leaves.sort_unstable();
    let mut digest = SortedLeaves::new(table.kind, &columns, leaves.len());
    digest.push_sorted(&leaves);
    digest.finish()
}

/// The digest of an officer roster's names (SPEC.md §3.4): the canonical digest of
/// the two-column table (`id`, `name`) under the tag `shuangsui/v2/officer-names`,
/// or `None` when the roster has no name column (a roster published with the
/// names hidden).
pub fn officer_names(roster: &Table) -> Option<Hash> {
    let name = roster.column(NAME)?;
    let columns = [super::kind::ID.to_owned(), NAME.to_owned()];
    let tag = format!("shuangsui/v{SPEC_VERSION}/officer-names");
    let leaves_of = Leaves::tagged(&tag, &columns);
    let mut buf = Vec::new();
    let id = roster.id_col;
    let mut leaves: Vec<Hash> = roster
        .rows
        .iter()
        .map(|row| leaves_of.leaf(|c| &row.values[[id, name][c]], &mut buf))
        .collect();
    leaves.sort_unstable();
    let mut digest = SortedLeaves::tagged(&tag, &columns, leaves.len());
    digest.push_sorted(&leaves);
    Some(digest.finish())
}

/// The leaf digest of one row (SPEC.md §3.4), as the worked example shows it.
pub fn leaf(table: &Table, row: &Row) -> Hash {
    let index = digested(table.kind, &table.columns);
    let columns: Vec<String> = index.iter().map(|&c| table.columns[c].clone()).collect();
    Leaves::new(table.kind, &columns).leaf(|c| &row.values[index[c]], &mut Vec::new())
}

/// The digest of a task's **listed exclusions** (SPEC.md §6.1: the targets excluded as
/// `earlier_batch`, `inspected_recently` or `annual_cap`, which depend on files a SQL engine
/// does not hold), written as text so that SQL computes it too (§7.4):
/// `SHA-256("shuangsui/v2/exclusions" ‖ LF ‖ (target ‖ TAB ‖ reason ‖ LF)*)`, entries sorted
/// by the target's bytes. Neither part holds a control character (§3.3), so the text is
/// unambiguous.
pub fn listed_exclusions<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Hash {
    let mut entries: Vec<(&str, &str)> = entries.into_iter().collect();
    entries.sort_unstable();
    let mut text = format!("shuangsui/v{SPEC_VERSION}/exclusions\n");
    for (target, reason) in entries {
        text.push_str(target);
        text.push('\t');
        text.push_str(reason);
        text.push('\n');
    }
    sha256(text.as_bytes())
}

/// The digests of an input file (SPEC.md §5.1): canonical, and of its raw bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputDigest {
    /// Canonical digest, hex.
    pub digest: String,
    /// SHA-256 of the raw file, hex; `""` when it was not computed (SPEC.md §9.1).
    pub sha256: String,
}

impl InputDigest {
    /// From a canonical digest and the SHA-256 of the raw bytes, when it was computed.
    pub fn new(canonical: &Hash, raw: Option<&Hash>) -> InputDigest {
        InputDigest {
            digest: to_hex(canonical),
            sha256: raw.map(to_hex).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::base::canonical::to_hex;

    #[test]
    fn listed_exclusions_are_text_sorted_by_target() {
        let text = "shuangsui/v2/exclusions\n91A\tannual_cap\n91B\tearlier_batch\n";
        assert_eq!(
            listed_exclusions([("91B", "earlier_batch"), ("91A", "annual_cap")]),
            sha256(text.as_bytes())
        );
        // No listed exclusions: the digest of the tag line alone.
        assert_eq!(
            to_hex(&listed_exclusions([])),
            "5124cdc8d2df895a7d9880603eddb1ddaff40207e39767cd9f136759cbac0f63"
        );
    }

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

    /// SPEC.md §3.4 spelled out by hand for a two-row table: the leaves are the hex of the
    /// values as length-prefixed text, the buckets the hex of their sorted leaves, the
    /// digest the header, the row count and the buckets.
    #[test]
    fn the_digest_is_the_text_of_spec_3_4() {
        use std::fmt::Write as _;
        let (a, c) = (crate::synth::uscc_for(1), crate::synth::uscc_for(3));
        let csv = format!("name,id,risk\n甲,{a},B\n丙,{c},\n");
        let got = table(&Table::from_csv(TableKind::Targets, "t", csv.as_bytes()).unwrap());
        let hex = |s: &str| to_hex(&sha256(s.as_bytes()));
        let field = |v: &str| format!("{}:{v}", v.len());
        let leaf = |id: &str, name: &str, risk: &str| {
            hex(&format!(
                "shuangsui/v2/targets-row\n{}\n{}\n{}",
                field(id),
                field(name),
                field(risk)
            ))
        };
        let mut leaves = [leaf(&a, "甲", "B"), leaf(&c, "丙", "")];
        leaves.sort();
        let mut text = String::from("shuangsui/v2/targets\n2:id\n4:name\n4:risk\n2");
        if leaves[0][..2] == leaves[1][..2] {
            let bucket = hex(&leaves.concat());
            write!(text, "\n{}:{bucket}", &leaves[0][..2]).unwrap();
        } else {
            for l in &leaves {
                write!(text, "\n{}:{}", &l[..2], hex(l)).unwrap();
            }
        }
        assert_eq!(to_hex(&got), hex(&text));
        // An empty table: the header and the count, no bucket.
        let empty = table(&Table::from_csv(TableKind::Targets, "t", b"id,name\n").unwrap());
        assert_eq!(to_hex(&empty), hex("shuangsui/v2/targets\n2:id\n4:name\n0"));
    }
}
