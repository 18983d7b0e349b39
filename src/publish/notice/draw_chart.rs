//! The draw notice's chart: frame against drawn, per stratum, as inline SVG.

use std::fmt::Write as _;

use super::common::{Lang, esc, stratum_label};
use crate::draw::record::TaskRecord;

/// A bar chart of frame against drawn, per stratum, as inline SVG.
#[allow(clippy::cast_precision_loss)] // pixel widths: counts far below 2^52 anyway
pub(super) fn strata_svg(lang: Lang, task: &TaskRecord) -> String {
    let max = task
        .strata
        .iter()
        .map(|s| s.frame)
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, bar_w, row_h) = (120.0_f64, 360.0_f64, 26.0_f64);
    let height = row_h * task.strata.len() as f64 + 24.0;
    let mut s = format!(
        "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{}</title>",
        esc(&format!(
            "{} {}",
            task.id,
            lang.pick("各分层范围与抽取数", "frame and drawn per stratum")
        )),
        w = label_w + bar_w + 110.0
    );
    for (i, st) in task.strata.iter().enumerate() {
        let y = row_h * i as f64;
        let label = stratum_label(lang, &st.stratum);
        let fw = bar_w * st.frame as f64 / max as f64;
        let dw = if st.drawn > 0 {
            (bar_w * st.drawn as f64 / max as f64).max(2.0)
        } else {
            0.0
        };
        let _ = write!(
            s,
            "<text x=\"0\" y=\"{ty}\" font-size=\"12\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{fw:.1}\" height=\"18\" fill=\"#d9e3f0\"/><rect x=\"{label_w}\" y=\"{y}\" width=\"{dw:.1}\" height=\"18\" fill=\"#b22\"/><text x=\"{tx:.1}\" y=\"{ty}\" font-size=\"12\">{} / {}</text>",
            esc(&label),
            st.drawn,
            st.frame,
            ty = y + 13.0,
            tx = label_w + fw + 6.0
        );
    }
    let _ = write!(
        s,
        "<text x=\"{label_w}\" y=\"{ly}\" font-size=\"11\" fill=\"#555\">{}</text></svg>",
        esc(lang.pick(
            "红色：抽取数；浅色：范围（可抽取）",
            "red: drawn; light: frame (eligible)"
        )),
        ly = height - 4.0
    );
    s
}
