//! The body of a table slide: the regions ranked by the slide's indicator in its year — rank,
//! name, value and a bar — in one column, or two side by side when they do not fit; what still
//! does not fit is counted under the table. Selected regions are marked by a band and bold type.

use std::fmt::Write as _;

use crate::analysis::ranking;
use crate::app::scenarios::region_name;
use crate::i18n::export_text::ExportText;
use crate::i18n::format_number;
use crate::map::Rgba;
use crate::map::projected::projection_values;
use crate::model::SlideView;

use super::page::{Body, MUTED, Page, Text, fit_text, text};
use super::{Context, data_sources, with_projection};

const ROW: f32 = 31.0;
const TEXT_PX: f32 = 17.0;
const GAP: f32 = 48.0;
const RANK_WIDTH: f32 = 70.0;
const VALUE_WIDTH: f32 = 190.0;
const BAR_WIDTH: f32 = 210.0;
/// The widest a column of the table gets, reference pixels.
const MAX_COLUMN: f32 = 900.0;
/// Band behind every other row of a table.
pub(super) const STRIPE: Rgba = Rgba::rgb(0xf2, 0xf2, 0xf0);
/// Band behind the row of a selected region.
pub(super) const SELECTED_BAND: Rgba = Rgba::rgb(0xff, 0xe8, 0xa3);
const BAR: Rgba = Rgba::rgb(0x41, 0x7d, 0xb6);

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    pub code: String,
    pub name: String,
    pub rank: usize,
    pub value: f64,
}

/// How many rows go in a column, how many columns (one or two), and how many rows are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TableLayout {
    pub per_column: usize,
    pub columns: usize,
    pub shown: usize,
}

impl TableLayout {
    /// The layout of `rows` rows in a body `height_rows` rows high: the heading and the "not
    /// shown" line take a row each; a second column when one is not enough; when two are not
    /// enough either, the last place says how many rows are left out.
    pub fn new(rows: usize, height_rows: f32) -> TableLayout {
        let per_column = (height_rows.floor().max(0.0) as usize).saturating_sub(2).max(1);
        let columns = if rows > per_column { 2 } else { 1 };
        let capacity = per_column * columns;
        let shown = if rows > capacity { capacity - 1 } else { rows };
        TableLayout { per_column, columns, shown }
    }
}

/// The rows of `view`: the reported values as the map ranks them; when the year has none, the
/// projection of the slide's scenario (side B, then A). Also whether they are projected.
pub(super) fn rows(ctx: &Context<'_>, view: &SlideView) -> (Vec<Row>, bool) {
    let lang = ctx.lang;
    let reported = ranking(ctx.ds, &view.indicator, view.year, view.boundary_mode);
    if !reported.is_empty() {
        let rows = reported
            .into_iter()
            .map(|r| Row {
                name: region_name(ctx.ds, &r.code, lang),
                code: r.code,
                rank: r.rank,
                value: r.value,
            })
            .collect();
        return (rows, false);
    }
    let projection = [view.compare_b, view.compare_a]
        .into_iter()
        .filter_map(|s| s.scenario_id())
        .find_map(|id| ctx.projections.iter().find(|p| p.scenario_id == id));
    let Some(projection) = projection else { return (Vec::new(), false) };
    let mut values: Vec<(String, f64)> = projection_values(projection, &view.indicator, view.year)
        .into_iter()
        .filter_map(|(code, v)| Some((code, v?)))
        .collect();
    values.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut rows: Vec<Row> = Vec::with_capacity(values.len());
    for (i, (code, value)) in values.into_iter().enumerate() {
        let rank = match rows.last() {
            Some(last) if last.value == value => last.rank,
            _ => i + 1,
        };
        rows.push(Row { name: region_name(ctx.ds, &code, lang), code, rank, value });
    }
    (rows, true)
}

/// The table slide.
pub(super) fn table_body(ctx: &Context<'_>, view: &SlideView, page: &Page) -> Body {
    let lang = ctx.lang;
    let k = page.k;
    let [x, y, w, h] = page.body;
    let (rows, projected) = rows(ctx, view);
    let def = ctx
        .projections
        .iter()
        .find_map(|p| p.indicator(&view.indicator))
        .or_else(|| ctx.ds.indicator(&view.indicator));
    let (name, unit, decimals) = def.map_or_else(
        || (view.indicator.clone(), String::new(), 1),
        |d| (d.names.get(lang).to_string(), d.unit.get(lang).to_string(), d.decimals),
    );
    let mut first_source = data_sources(ctx.ds, &view.indicator, Some(view.year), lang);
    if projected {
        first_source = with_projection(&first_source, lang);
    }
    let sources = vec![first_source, crate::i18n::MapText::SourceLine.get(lang).to_string()];
    let subtitle = if unit.is_empty() {
        format!("{name}, {}", view.year)
    } else {
        format!("{name}, {} · {unit}", view.year)
    };
    let mut svg = String::with_capacity(16 * 1024);
    if rows.is_empty() {
        text(
            &mut svg,
            &Text::new(x + w / 2.0, y + h / 2.0, 24.0 * k).middle().color(MUTED),
            crate::i18n::MapText::NoData.get(lang),
        );
        return Body { subtitle, svg, sources };
    }
    let row_h = ROW * k;
    let TableLayout { per_column, columns, shown } = TableLayout::new(rows.len(), h / row_h);
    let column_w = ((w - GAP * k * (columns - 1) as f32) / columns as f32).min(MAX_COLUMN * k);
    let max = rows.iter().map(|r| r.value).fold(0.0f64, f64::max);
    let bars = rows.iter().all(|r| r.value >= 0.0) && max > 0.0;
    let size = TEXT_PX * k;
    svg.push_str(r#"<g id="table">"#);
    for c in 0..columns {
        let cx = x + c as f32 * (column_w + GAP * k);
        let head_y = y + row_h * 0.7;
        let value_head = if unit.is_empty() {
            ExportText::Value.get(lang).to_string()
        } else {
            format!("{}, {unit}", ExportText::Value.get(lang))
        };
        let name_x = cx + RANK_WIDTH * k + 12.0 * k;
        let value_right = cx + column_w - if bars { BAR_WIDTH * k + 16.0 * k } else { 0.0 };
        let name_w = (value_right - VALUE_WIDTH * k - name_x - 8.0 * k).max(1.0);
        text(
            &mut svg,
            &Text::new(cx + RANK_WIDTH * k, head_y, size).end().bold(),
            ExportText::Rank.get(lang),
        );
        text(&mut svg, &Text::new(name_x, head_y, size).bold(), ExportText::Region.get(lang));
        text(
            &mut svg,
            &Text::new(value_right, head_y, size).end().bold(),
            &fit_text(&value_head, size, VALUE_WIDTH * k + name_w / 2.0),
        );
        let column_rows = rows.iter().take(shown).skip(c * per_column).take(per_column);
        for (i, row) in column_rows.enumerate() {
            let top = y + row_h * (i + 1) as f32;
            let selected = view.selected.contains(&row.code);
            let band = if selected { Some(SELECTED_BAND) } else { (i % 2 == 1).then_some(STRIPE) };
            if let Some(band) = band {
                let _ = write!(
                    svg,
                    r#"<rect x="{cx:.1}" y="{top:.1}" width="{column_w:.1}" height="{row_h:.1}" fill="{}"/>"#,
                    band.hex()
                );
            }
            let base = top + row_h * 0.5 + size * 0.35;
            let cell = |t: Text<'static>| if selected { t.bold() } else { t };
            let _ = write!(svg, r#"<g class="row" data-code="{}">"#, super::escape(&row.code));
            text(
                &mut svg,
                &cell(Text::new(cx + RANK_WIDTH * k, base, size).end().class("rank")),
                &row.rank.to_string(),
            );
            text(
                &mut svg,
                &cell(Text::new(name_x, base, size).class("name")),
                &fit_text(&row.name, size, name_w),
            );
            text(
                &mut svg,
                &cell(Text::new(value_right, base, size).end().class("value")),
                &format_number(row.value, decimals, lang),
            );
            if bars {
                let bar_w = (row.value / max) as f32 * BAR_WIDTH * k;
                let _ = write!(
                    svg,
                    r#"<rect class="bar" x="{:.1}" y="{:.1}" width="{bar_w:.1}" height="{:.1}" fill="{}"/>"#,
                    cx + column_w - BAR_WIDTH * k,
                    top + row_h * 0.22,
                    row_h * 0.56,
                    BAR.hex()
                );
            }
            svg.push_str("</g>");
        }
    }
    if shown < rows.len() {
        let hidden: Vec<&str> = rows.iter().skip(shown).map(|r| r.name.as_str()).collect();
        let line =
            format!("{} {} ({})", ExportText::NotShown.get(lang), hidden.len(), hidden.join(", "));
        text(
            &mut svg,
            &Text::new(x, y + h - row_h * 0.3, size).color(MUTED).id("not-shown"),
            &fit_text(&line, size, w),
        );
    }
    svg.push_str("</g>");
    Body { subtitle, svg, sources }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_take_one_column_then_two_then_are_cut() {
        // 23 rows high: 21 rows a column.
        assert_eq!(
            TableLayout::new(20, 23.4),
            TableLayout { per_column: 21, columns: 1, shown: 20 }
        );
        assert_eq!(
            TableLayout::new(30, 23.4),
            TableLayout { per_column: 21, columns: 2, shown: 30 }
        );
        // 50 rows: 41 shown, the 42nd place says that 9 are not.
        assert_eq!(
            TableLayout::new(50, 23.4),
            TableLayout { per_column: 21, columns: 2, shown: 41 }
        );
        assert_eq!(TableLayout::new(5, 0.5), TableLayout { per_column: 1, columns: 2, shown: 1 });
    }
}
