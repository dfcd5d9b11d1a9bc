//! The body of a chart slide: the slide's indicator over the years for its first selected region
//! (or the whole country) — the reported history and one line per scenario, as the compare
//! chart draws them — with ticked axes, the slide's year marked, and a legend in which every
//! line also differs by its dash and marker, not by colour alone.

use std::fmt::Write as _;

use crate::app::scenarios::{ChartSeries, SeriesRole};
use crate::i18n::export_text::ExportText;
use crate::i18n::format_number;
use crate::map::Rgba;
use crate::model::SlideView;

use super::map_svg::comparison;
use super::page::{Body, MUTED, Page, TEXT, Text, fit_text, text};
use super::{Context, data_sources, with_projection};

const LEGEND_WIDTH: f32 = 330.0;
const GAP: f32 = 32.0;
const TICK_PX: f32 = 15.0;
const LEGEND_PX: f32 = 15.0;
const LEGEND_ROW: f32 = 28.0;
/// The reported history.
const HISTORY: Rgba = Rgba::rgb(0x22, 0x22, 0x22);
/// Okabe–Ito colours (safe for colour-blind viewers): side A's blue, side B's vermillion, then
/// the other scenarios' in turn.
const SIDE_A: Rgba = Rgba::rgb(0x00, 0x72, 0xb2);
const SIDE_B: Rgba = Rgba::rgb(0xd5, 0x5e, 0x00);
const OTHER_COLORS: [Rgba; 4] = [
    Rgba::rgb(0x00, 0x9e, 0x73),
    Rgba::rgb(0xcc, 0x79, 0xa7),
    Rgba::rgb(0xe6, 0x9f, 0x00),
    Rgba::rgb(0x56, 0xb4, 0xe9),
];
const GRID: Rgba = Rgba::rgb(0xdd, 0xdd, 0xdd);

/// How one series is drawn.
#[derive(Debug, Clone, Copy)]
struct Pen {
    color: Rgba,
    width: f32,
    /// SVG dash array in reference pixels; empty: solid.
    dash: &'static str,
    /// Markers at the points: "circle", "square" or none.
    marker: Option<&'static str>,
}

fn pen(series: &ChartSeries, other_index: usize) -> Pen {
    match series.role {
        SeriesRole::History => Pen { color: HISTORY, width: 3.0, dash: "", marker: Some("circle") },
        SeriesRole::SideA => Pen { color: SIDE_A, width: 3.5, dash: "", marker: Some("square") },
        SeriesRole::SideB => {
            Pen { color: SIDE_B, width: 3.5, dash: "12 6", marker: Some("square") }
        }
        SeriesRole::Other => Pen {
            color: OTHER_COLORS.get(other_index % OTHER_COLORS.len()).copied().unwrap_or(HISTORY),
            width: 2.0,
            dash: "3 5",
            marker: None,
        },
    }
}

/// Round tick values covering `min..=max`, about `count` of them.
pub(super) fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || count == 0 {
        return Vec::new();
    }
    let (min, max) = if max > min { (min, max) } else { (min - 1.0, max + 1.0) };
    let raw = (max - min) / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    // Multiples of the step, each computed afresh (a running sum would drift: 1.5999…).
    let first = (min / step + 1e-9).floor() as i64;
    let round = |v: f64| (v * 1e6).round() / 1e6;
    (0..=4 * count as i64 + 2)
        .map(|i| round((first + i) as f64 * step))
        .take_while(|v| *v <= max + step * 0.5)
        .collect()
}

/// Decimals that tell `step`-apart ticks apart.
fn tick_decimals(ticks: &[f64]) -> u8 {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 1.0,
    };
    if step >= 1.0 { 0 } else { (-step.log10().floor()).clamp(0.0, 6.0) as u8 }
}

/// The chart slide.
pub(super) fn chart_body(ctx: &Context<'_>, view: &SlideView, page: &Page) -> Body {
    let chart = comparison(ctx, view).chart;
    let lang = ctx.lang;
    let k = page.k;
    let [x, y, w, h] = page.body;
    let mut svg = String::with_capacity(32 * 1024);
    let points = chart.series.iter().flat_map(|s| s.points.iter());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, 0.0f64, f64::MIN);
    for p in points.clone() {
        x0 = x0.min(p[0]);
        x1 = x1.max(p[0]);
        y0 = y0.min(p[1]);
        y1 = y1.max(p[1]);
    }
    let mut data = data_sources(ctx.ds, &view.indicator, None, lang);
    if chart.series.iter().any(|s| s.role != SeriesRole::History) {
        data = with_projection(&data, lang);
    }
    let sources = vec![data, crate::i18n::MapText::SourceLine.get(lang).to_string()];
    let subtitle = if chart.unit.is_empty() {
        chart.title.clone()
    } else {
        format!("{} · {}", chart.title, chart.unit)
    };
    if points.count() == 0 {
        text(
            &mut svg,
            &Text::new(x + w / 2.0, y + h / 2.0, 24.0 * k).middle().color(MUTED),
            crate::i18n::MapText::NoData.get(lang),
        );
        return Body { subtitle, svg, sources };
    }
    x0 = x0.min(f64::from(view.year));
    x1 = x1.max(f64::from(view.year));
    let y_ticks = nice_ticks(y0, y1, 6);
    let (ty0, ty1) =
        (y_ticks.first().copied().unwrap_or(y0), y_ticks.last().copied().unwrap_or(y1).max(y1));
    let decimals = tick_decimals(&y_ticks);
    let tick = TICK_PX * k;
    let label_w = y_ticks
        .iter()
        .map(|t| super::page::text_width_px(&format_number(*t, decimals, lang), tick))
        .fold(0.0f32, f32::max);
    let plot = [
        x + label_w + 12.0 * k,
        y + 8.0 * k,
        (w - LEGEND_WIDTH * k - GAP * k - label_w - 12.0 * k).max(1.0),
        (h - tick * 3.2 - 8.0 * k).max(1.0),
    ];
    let [px, py, pw, ph] = plot;
    let span_x = (x1 - x0).max(1.0);
    let sx = |v: f64| px + ((v - x0) / span_x) as f32 * pw;
    let sy = |v: f64| py + ph - ((v - ty0) / (ty1 - ty0).max(f64::MIN_POSITIVE)) as f32 * ph;

    svg.push_str(r#"<g id="axes">"#);
    for t in &y_ticks {
        let ly = sy(*t);
        let _ = write!(
            svg,
            r#"<line x1="{px:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="{}" stroke-width="{:.2}"/>"#,
            px + pw,
            GRID.hex(),
            k,
        );
        text(
            &mut svg,
            &Text::new(px - 8.0 * k, ly + tick * 0.35, tick).end().color(MUTED).class("y-tick"),
            &format_number(*t, decimals, lang),
        );
    }
    let year_step = ((x1 - x0) / 12.0).ceil().max(1.0) as i32;
    let (first_year, last_year) = (x0.ceil() as i32, x1.floor() as i32);
    let mut year = first_year;
    while year <= last_year {
        let lx = sx(f64::from(year));
        let _ = write!(
            svg,
            r#"<line x1="{lx:.1}" y1="{:.1}" x2="{lx:.1}" y2="{:.1}" stroke="{}" stroke-width="{:.2}"/>"#,
            py + ph,
            py + ph + 6.0 * k,
            MUTED.hex(),
            k,
        );
        text(
            &mut svg,
            &Text::new(lx, py + ph + tick * 1.5, tick).middle().color(MUTED).class("x-tick"),
            &year.to_string(),
        );
        year += year_step;
    }
    let _ = write!(
        svg,
        r#"<path d="M{px:.1} {py:.1}V{:.1}H{:.1}" fill="none" stroke="{}" stroke-width="{:.2}"/>"#,
        py + ph,
        px + pw,
        MUTED.hex(),
        1.5 * k,
    );
    text(
        &mut svg,
        &Text::new(px + pw / 2.0, py + ph + tick * 3.0, tick).middle().color(MUTED),
        ExportText::Year.get(lang),
    );
    // The slide's year.
    let mx = sx(f64::from(view.year));
    let _ = write!(
        svg,
        r#"<line id="year-mark" x1="{mx:.1}" y1="{py:.1}" x2="{mx:.1}" y2="{:.1}" stroke="{}" stroke-width="{:.2}" stroke-dasharray="{:.1} {:.1}"/>"#,
        py + ph,
        TEXT.hex(),
        1.5 * k,
        4.0 * k,
        4.0 * k,
    );
    svg.push_str("</g>");

    svg.push_str(r#"<g id="series" fill="none" stroke-linejoin="round">"#);
    let mut others = 0;
    let pens: Vec<Pen> = chart
        .series
        .iter()
        .map(|s| {
            let p = pen(s, others);
            if s.role == SeriesRole::Other {
                others += 1;
            }
            p
        })
        .collect();
    for (series, pen) in chart.series.iter().zip(&pens) {
        let mut d = String::new();
        for (i, p) in series.points.iter().enumerate() {
            let _ = write!(d, "{}{:.1} {:.1}", if i == 0 { "M" } else { "L" }, sx(p[0]), sy(p[1]));
        }
        let _ = write!(svg, r#"<g class="series"><title>{}</title>"#, super::escape(&series.name));
        stroked(&mut svg, &d, pen, k);
        for p in &series.points {
            marker(&mut svg, pen, [sx(p[0]), sy(p[1])], k);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</g>");

    // Legend.
    let lx = x + w - LEGEND_WIDTH * k;
    let size = LEGEND_PX * k;
    let mut ly = y + size;
    svg.push_str(r#"<g id="legend">"#);
    text(
        &mut svg,
        &Text::new(lx, ly, size).bold(),
        &fit_text(&chart.title, size, LEGEND_WIDTH * k),
    );
    ly += LEGEND_ROW * k;
    for (series, pen) in chart.series.iter().zip(&pens) {
        let mid = ly - size * 0.35;
        let d = format!("M{:.1} {mid:.1}H{:.1}", lx, lx + 40.0 * k);
        stroked(&mut svg, &d, pen, k);
        marker(&mut svg, pen, [lx + 20.0 * k, mid], k);
        let label_w = LEGEND_WIDTH * k - 52.0 * k;
        text(
            &mut svg,
            &Text::new(lx + 52.0 * k, ly, size).class("legend-series"),
            &fit_text(&series.name, size, label_w),
        );
        ly += LEGEND_ROW * k;
    }
    svg.push_str("</g>");
    Body { subtitle, svg, sources }
}

/// A path along `d` drawn with `pen`.
fn stroked(svg: &mut String, d: &str, pen: &Pen, k: f32) {
    let _ = write!(
        svg,
        r#"<path d="{d}" fill="none" stroke="{}" stroke-width="{:.2}""#,
        pen.color.hex(),
        pen.width * k
    );
    if !pen.dash.is_empty() {
        let scaled: Vec<String> = pen
            .dash
            .split(' ')
            .filter_map(|v| v.parse::<f32>().ok())
            .map(|v| format!("{:.1}", v * k))
            .collect();
        let _ = write!(svg, r#" stroke-dasharray="{}""#, scaled.join(" "));
    }
    svg.push_str("/>");
}

/// The pen's marker at `c`.
fn marker(svg: &mut String, pen: &Pen, c: [f32; 2], k: f32) {
    let r = 4.0 * k;
    match pen.marker {
        Some("circle") => {
            let _ = write!(
                svg,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" fill="{}"/>"#,
                c[0],
                c[1],
                pen.color.hex()
            );
        }
        Some(_) => {
            let _ = write!(
                svg,
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#ffffff" stroke="{}" stroke-width="{:.2}"/>"##,
                c[0] - r,
                c[1] - r,
                2.0 * r,
                2.0 * r,
                pen.color.hex(),
                1.5 * k,
            );
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_numbers_covering_the_range() {
        assert_eq!(nice_ticks(0.0, 95.0, 5), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(1.2, 1.9, 4), vec![1.2, 1.4, 1.6, 1.8, 2.0]);
        assert_eq!(
            nice_ticks(1_234.0, 4_900.0, 4),
            vec![1_000.0, 2_000.0, 3_000.0, 4_000.0, 5_000.0]
        );
        assert_eq!(tick_decimals(&[0.0, 20.0]), 0);
        assert_eq!(tick_decimals(&[1.2, 1.4]), 1);
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
        // One value: a range around it.
        assert_eq!(nice_ticks(5.0, 5.0, 2), vec![4.0, 5.0, 6.0]);
    }
}
