//! The body of a targets slide: every target of the file's scenarios (the slide's own target
//! first), and under each one bar per scenario — its value in the target year as a share of the
//! target level — against the dashed target line, with a drawn ✔ or ✘ and the words "attained"
//! / "not attained" beside it, so the outcome never rests on colour alone.

use std::fmt::Write as _;

use crate::app::targets::{Status, TargetReport, TargetRow, report};
use crate::i18n::export_text::ExportText;
use crate::i18n::targets_text::TargetsText;
use crate::model::SlideView;

use super::page::{Body, MUTED, Page, TEXT, Text, fit_text, text, text_width_px, two_lines};
use super::{Context, with_projection};

const LEGEND_WIDTH: f32 = 300.0;
const GAP: f32 = 32.0;
const HEADING_PX: f32 = 18.0;
const TEXT_PX: f32 = 15.0;
const HEADING_ROW: f32 = 32.0;
const BAR_ROW: f32 = 30.0;
const BLOCK_GAP: f32 = 14.0;
/// A row of two lines (scenario names and outcomes shown whole).
const TALL_BAR_ROW: f32 = 50.0;
const MIN_NAME_WIDTH: f32 = 160.0;
/// The scenario names take at most this share of the targets' width.
const MAX_NAME_SHARE: f32 = 0.28;
/// Room for the mark, the status word, value and first year right of the bars.
const OUTCOME_WIDTH: f32 = 640.0;

/// The report's rows with the slide's target first.
pub(super) fn ordered_rows<'a>(report: &'a TargetReport, view: &SlideView) -> Vec<&'a TargetRow> {
    let is_slide_target = |row: &TargetRow| {
        view.target.as_ref().is_some_and(|t| {
            t.indicator == row.key.indicator
                && t.region_code == row.key.region_code
                && t.year == row.key.year
        })
    };
    let mut rows: Vec<&TargetRow> = report.rows.iter().filter(|r| is_slide_target(r)).collect();
    rows.extend(report.rows.iter().filter(|r| !is_slide_target(r)));
    rows
}

/// The targets slide.
pub(super) fn targets_body(ctx: &Context<'_>, view: &SlideView, page: &Page) -> Body {
    let lang = ctx.lang;
    let k = page.k;
    let [x, y, w, h] = page.body;
    let report = report(ctx.ds, &ctx.projections, lang);
    let sources =
        vec![with_projection("", lang), crate::i18n::MapText::SourceLine.get(lang).to_string()];
    let subtitle = report.scenarios.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(" · ");
    let mut svg = String::with_capacity(16 * 1024);
    let rows = ordered_rows(&report, view);
    if rows.is_empty() {
        text(
            &mut svg,
            &Text::new(x + w / 2.0, y + h / 2.0, 24.0 * k).middle().color(MUTED),
            TargetsText::NoTargets.get(lang),
        );
        return Body { subtitle, svg, sources };
    }
    let block_of =
        |bar_row: f32| (HEADING_ROW + bar_row * report.scenarios.len() as f32 + BLOCK_GAP) * k;
    let room = h - TEXT_PX * 1.6 * k;
    // Rows of two lines (names and outcomes whole) when every target fits so; else one line.
    let tall = block_of(TALL_BAR_ROW) * rows.len() as f32 <= room;
    let bar_row = if tall { TALL_BAR_ROW } else { BAR_ROW } * k;
    let block_h = block_of(bar_row / k);
    let fit = (room / block_h).floor().max(1.0) as usize;
    let shown = rows.len().min(fit);
    let content_w = w - LEGEND_WIDTH * k - GAP * k;
    let size = TEXT_PX * k;
    let longest_name =
        report.scenarios.iter().map(|s| text_width_px(&s.name, size)).fold(0.0f32, f32::max);
    let name_w = (longest_name / if tall { 1.5 } else { 1.0 } + 24.0 * k)
        .clamp(MIN_NAME_WIDTH * k, content_w * MAX_NAME_SHARE);
    let bars_x = x + name_w;
    let bars_w = (content_w - name_w - OUTCOME_WIDTH * k).max(40.0 * k);
    // One scale for every bar: 100 % of the level at the same place on the page.
    let max_percent = rows
        .iter()
        .take(shown)
        .flat_map(|r| r.cells.iter().filter_map(|c| c.percent))
        .fold(100.0f64, f64::max)
        * 1.1;
    let px = |percent: f64| bars_x + (percent.max(0.0) / max_percent) as f32 * bars_w;
    let heading = HEADING_PX * k;
    svg.push_str(r#"<g id="targets">"#);
    for (b, row) in rows.iter().take(shown).enumerate() {
        let top = y + b as f32 * block_h;
        let title = format!("{} — {}: {}", row.indicator_name, row.region_name, row.requirement);
        let _ = write!(
            svg,
            r#"<g class="target" data-indicator="{}">"#,
            super::escape(&row.key.indicator)
        );
        text(
            &mut svg,
            &Text::new(x, top + heading, heading).bold().class("target-title"),
            &fit_text(&title, heading, content_w),
        );
        let bars_top = top + HEADING_ROW * k;
        let target_x = px(100.0);
        for (i, cell) in row.cells.iter().enumerate() {
            let row_top = bars_top + i as f32 * bar_row;
            let mid = row_top + bar_row * 0.5;
            // Baselines of one line centred on the row, or of two lines around its middle.
            let one = mid + size * 0.35;
            let (upper, lower) = (mid - size * 0.25, mid + size * 0.95);
            let name = report.scenarios.get(i).map(|s| s.name.as_str()).unwrap_or_default();
            let name_room = name_w - 24.0 * k;
            let (name_1, name_2) = if tall {
                two_lines(name, size, name_room)
            } else {
                (fit_text(name, size, name_room), String::new())
            };
            let name_base = if name_2.is_empty() { one } else { upper };
            text(&mut svg, &Text::new(x + 12.0 * k, name_base, size).class("scenario"), &name_1);
            if !name_2.is_empty() {
                text(&mut svg, &Text::new(x + 12.0 * k, lower, size).class("scenario"), &name_2);
            }
            let bar_h = (BAR_ROW * 0.64 * k).min(bar_row * 0.64);
            let bar_y = mid - bar_h / 2.0;
            let paint = if cell.status == Status::NotAssessable {
                "url(#nodata)".to_string()
            } else {
                cell.status.fill().hex()
            };
            let bar_w = cell.percent.map_or(bars_w * 0.02, |p| (px(p) - bars_x).max(1.0));
            let _ = write!(
                svg,
                r#"<rect class="bar" x="{bars_x:.1}" y="{bar_y:.1}" width="{bar_w:.1}" height="{bar_h:.1}" fill="{paint}" stroke="{}" stroke-width="{:.2}"/>"#,
                TEXT.hex(),
                0.6 * k,
            );
            let mark_x = bars_x + bars_w + 16.0 * k;
            let join = |parts: &[&str]| {
                parts.iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" · ")
            };
            let outcome_x = mark_x + 24.0 * k;
            let outcome_room = x + content_w - outcome_x;
            let status_value = join(&[&cell.status_text, &cell.value_text]);
            let when = join(&[&cell.first_year_text, &cell.gap_text]);
            let (line_1, line_2) = if tall && !when.is_empty() {
                (status_value, when)
            } else {
                (join(&[&status_value, &cell.first_year_text]), String::new())
            };
            let outcome_base = if line_2.is_empty() { one } else { upper };
            mark(&mut svg, cell.status, [mark_x + 8.0 * k, outcome_base - size * 0.35], 7.0 * k);
            text(
                &mut svg,
                &Text::new(outcome_x, outcome_base, size).class("outcome"),
                &fit_text(&line_1, size, outcome_room),
            );
            if !line_2.is_empty() {
                text(
                    &mut svg,
                    &Text::new(outcome_x, lower, size).color(MUTED).class("outcome-when"),
                    &fit_text(&line_2, size, outcome_room),
                );
            }
        }
        let line_bottom = bars_top + row.cells.len() as f32 * bar_row;
        let _ = write!(
            svg,
            r#"<line class="target-line" x1="{target_x:.1}" y1="{:.1}" x2="{target_x:.1}" y2="{line_bottom:.1}" stroke="{}" stroke-width="{:.2}" stroke-dasharray="{:.1} {:.1}"/>"#,
            bars_top - 4.0 * k,
            TEXT.hex(),
            2.0 * k,
            5.0 * k,
            3.0 * k,
        );
        svg.push_str("</g>");
    }
    if shown < rows.len() {
        let line = format!("{} {}", ExportText::NotShown.get(lang), rows.len() - shown);
        text(&mut svg, &Text::new(x, y + h - size * 0.4, size).color(MUTED).id("not-shown"), &line);
    }
    svg.push_str("</g>");
    legend(&mut svg, x + w - LEGEND_WIDTH * k, y, k, lang);
    Body { subtitle, svg, sources }
}

/// ✔ (attained), ✘ (not attained) or a dash (cannot be assessed), drawn as strokes around `c`:
/// the bundled font has no such glyphs.
fn mark(svg: &mut String, status: Status, c: [f32; 2], r: f32) {
    let [cx, cy] = c;
    let d = match status {
        Status::Attained => format!(
            "M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}",
            cx - r,
            cy,
            cx - r * 0.3,
            cy + r * 0.7,
            cx + r,
            cy - r * 0.8
        ),
        Status::NotAttained => format!(
            "M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}",
            cx - r * 0.8,
            cy - r * 0.8,
            cx + r * 0.8,
            cy + r * 0.8,
            cx + r * 0.8,
            cy - r * 0.8,
            cx - r * 0.8,
            cy + r * 0.8
        ),
        Status::NotAssessable => {
            format!("M{:.1} {cy:.1}L{:.1} {cy:.1}", cx - r * 0.8, cx + r * 0.8)
        }
    };
    let class = match status {
        Status::Attained => "mark-attained",
        Status::NotAttained => "mark-not-attained",
        Status::NotAssessable => "mark-not-assessable",
    };
    let _ = write!(
        svg,
        r#"<path class="{class}" d="{d}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-linecap="round" stroke-linejoin="round"/>"#,
        TEXT.hex(),
        r * 0.35,
    );
}

/// The key: the three outcomes (bar colour and mark) and the target line.
fn legend(svg: &mut String, x: f32, y: f32, k: f32, lang: crate::model::Lang) {
    let size = TEXT_PX * k;
    svg.push_str(r#"<g id="legend">"#);
    text(svg, &Text::new(x, y + size, size).bold(), TargetsText::Target.get(lang));
    let mut row_y = y + size * 2.6;
    for status in [Status::Attained, Status::NotAttained, Status::NotAssessable] {
        let paint = if status == Status::NotAssessable {
            "url(#nodata)".to_string()
        } else {
            status.fill().hex()
        };
        let _ = write!(
            svg,
            r#"<rect class="legend-class" x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{paint}" stroke="{}" stroke-width="{:.2}"/>"#,
            row_y - size,
            28.0 * k,
            size * 1.1,
            TEXT.hex(),
            0.6 * k,
        );
        mark(svg, status, [x + 44.0 * k, row_y - size * 0.45], 7.0 * k);
        text(svg, &Text::new(x + 60.0 * k, row_y, size), status.text(lang));
        row_y += size * 1.9;
    }
    let _ = write!(
        svg,
        r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{:.2}" stroke-dasharray="{:.1} {:.1}"/>"#,
        x + 14.0 * k,
        row_y - size * 1.2,
        x + 14.0 * k,
        row_y + size * 0.3,
        TEXT.hex(),
        2.0 * k,
        5.0 * k,
        3.0 * k,
    );
    text(svg, &Text::new(x + 60.0 * k, row_y, size), TargetsText::TargetLine.get(lang));
    svg.push_str("</g>");
}
