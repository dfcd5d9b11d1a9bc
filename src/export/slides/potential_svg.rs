//! The body of a Potential slide, computed exactly as the Potential screen computes it
//! (`PotentialState::of_slide`), for the slide's tab:
//! - classes: the class map with its legend and the regions lacking a component (what they lack),
//!   beside the ranking of the regions with each component's contribution stacked in the
//!   screen's colours, under a key naming the components and their weights;
//! - local clusters: the LISA map (GeoDa's colours) beside its legend, the global Moran's I (I,
//!   E[I], z, pseudo p, permutations) and the regions of every cluster with their pseudo p;
//! - class change: the map of moves (colour and a mark on every region) with its legend, beside
//!   the transition table (classes of the first state down, of the second across) and the regions
//!   of every move by name.
//!
//! A caption gives the typology's method and missing-value rule; the neighbour graph is drawn
//! over the class and cluster maps when the slide shows it. A typology (or a class change) that
//! cannot be computed — its scenario deleted, say — leaves its reason on the page as text.

use std::fmt::Write as _;

use crate::analysis::moran::{LisaCategory, Quadrant};
use crate::analysis::typology::{
    ClassChange, Classification, MissingRule, Normalisation, TypologyResult, TypologyState,
    class_label,
};
use crate::app::potential::{
    ChangeModel, Inputs, PotentialState, change_mark, change_text, component_fill, lisa_text,
    state_label,
};
use crate::app::scenarios::region_name;
use crate::export::svg::{Fit, legend_height, mark_element, write_legend};
use crate::i18n::export_text::ExportText;
use crate::i18n::potential_text::{
    PotentialSlideText as S, PotentialText as T, moran_line, permutations_note,
};
use crate::i18n::{MapText, format_number};
use crate::map::{MarkKind, Rgba, Scene, WorldPos};
use crate::model::{Lang, PotentialTab, SlidePotential, SlideView};

use super::map_svg::clipped_map;
use super::page::{Body, MUTED, Page, TEXT, Text, fit_text, text, text_width_px, two_lines};
use super::table_svg::{SELECTED_BAND, STRIPE};
use super::{Context, escape, values_sources, with_projection};

/// Sizes in reference pixels (a 1600 × 900 page).
const GAP: f32 = 32.0;
const CAPTION_PX: f32 = 15.0;
const HEADING_PX: f32 = 17.0;
const TEXT_PX: f32 = 14.0;
/// Line height over font size.
const LINE: f32 = 1.45;
/// Share of the body's width the class and change maps take (the ranking or the table the rest).
const MAP_SHARE: f32 = 0.5;
/// The narrowest the legend column beside the cluster map gets.
const LEGEND_WIDTH: f32 = 330.0;
/// The widest the legend column gets, as a share of the body.
const MAX_LEGEND_SHARE: f32 = 0.4;
/// The tallest a ranking row gets.
const ROW_MAX: f32 = 30.0;
/// The lowest a ranking row gets before regions are left out (and counted).
const ROW_MIN: f32 = 12.0;
const RANK_WIDTH: f32 = 30.0;
const NAME_WIDTH: f32 = 180.0;
const INDEX_WIDTH: f32 = 62.0;
/// The transition table's rows, first column and widest class column.
const TABLE_ROW: f32 = 30.0;
const CORNER_WIDTH: f32 = 200.0;
const MAX_CELL_WIDTH: f32 = 150.0;
/// The colour of a reason the page cannot show more (the screen's "problem" red).
const PROBLEM: Rgba = Rgba::rgb(0xb0, 0x1e, 0x1e);
const GRID: Rgba = Rgba::rgb(0xcc, 0xcc, 0xcc);

/// The Potential slide: the slide's tab as the screen shows it, with the typology's method.
pub(super) fn potential_body(ctx: &Context<'_>, view: &SlideView, page: &Page) -> Body {
    let lang = ctx.lang;
    let k = page.k;
    let [x, y, w, h] = page.body;
    let mut svg = String::with_capacity(256 * 1024);
    let Some(slide) = view.potential.as_deref() else {
        reason(&mut svg, page.body, k, S::NoTypology.get(lang));
        let sources = vec![MapText::SourceLine.get(lang).to_string()];
        return Body { subtitle: String::new(), svg, sources };
    };
    let inputs = Inputs {
        ds: ctx.ds,
        geometry: &ctx.geometry,
        projections: &ctx.projections,
        lang,
        selected: view.selected.first().map(String::as_str),
        data_changed: true,
        active: true,
    };
    let model = PotentialState::of_slide(slide, &inputs);
    let caption = CAPTION_PX * k;
    text(
        &mut svg,
        &Text::new(x, y + caption, caption).color(MUTED).id("method"),
        &fit_text(&method_line(slide, lang), caption, w),
    );
    let area = [x, y + caption * 2.2, w, h - caption * 2.2];
    let cannot = |e: &str| format!("{}: {e}", S::CannotCompute.get(lang));
    let name = slide.typology.name.get(lang);
    let state = |s: TypologyState| state_label(ctx.ds, s, lang);
    let subtitle = match slide.tab {
        PotentialTab::Classes => {
            format!("{name} · {} · {}", state(slide.typology.state), T::IndexSubtitle.get(lang))
        }
        PotentialTab::Clusters => format!(
            "{name} · {} · {} · {} {}",
            state(slide.typology.state),
            T::ClustersTitle.get(lang),
            T::Significance.get(lang),
            format_number(slide.significance, 2, lang)
        ),
        PotentialTab::Change => {
            format!("{name} · {} » {}", state(slide.change_a), state(slide.change_b))
        }
    };
    match (slide.tab, model.result()) {
        (_, None) => reason(&mut svg, area, k, S::CannotCompute.get(lang)),
        (_, Some(Err(e))) => reason(&mut svg, area, k, &cannot(e)),
        (PotentialTab::Classes, Some(Ok(result))) => {
            classes(&mut svg, ctx, view, slide, &model, result, area, k);
        }
        (PotentialTab::Clusters, Some(Ok(_))) => {
            clusters(&mut svg, ctx, view, slide, &model, area, k);
        }
        (PotentialTab::Change, Some(Ok(_))) => match model.change() {
            Some(Ok(change)) => change_page(&mut svg, ctx, view, change, area, k),
            Some(Err(e)) => reason(&mut svg, area, k, &cannot(e)),
            None => reason(&mut svg, area, k, S::CannotCompute.get(lang)),
        },
    }
    let sources = vec![sources(ctx, slide, &model), MapText::SourceLine.get(lang).to_string()];
    Body { subtitle, svg, sources }
}

/// "Method: min–max · high / medium / low · missing values: rescale the weights".
fn method_line(slide: &SlidePotential, lang: Lang) -> String {
    let t = &slide.typology;
    let normalisation = match t.normalisation {
        Normalisation::MinMax => T::MinMax,
        Normalisation::ZScore => T::ZScore,
    };
    let classes = match t.classification {
        Classification::ThreeClass => T::ThreeClasses.get(lang).to_owned(),
        other => {
            let name = match other {
                Classification::Quantiles(_) => T::Quantiles,
                Classification::NaturalBreaks(_) => T::NaturalBreaks,
                _ => T::KMeans,
            };
            format!("{} · {}: {}", name.get(lang), T::ClassCount.get(lang), other.classes())
        }
    };
    let missing = match t.missing {
        MissingRule::RescaleWeights => T::Rescale,
        MissingRule::InsufficientData => T::Insufficient,
    };
    format!(
        "{}: {} · {classes} · {}: {}",
        T::Method.get(lang),
        normalisation.get(lang),
        T::MissingRule.get(lang),
        missing.get(lang)
    )
}

/// The sources of the values the typology reads (each component and the indicators its formula
/// names) in the years of the states shown; the scenarios' projection when a state is one.
fn sources(ctx: &Context<'_>, slide: &SlidePotential, model: &PotentialState) -> String {
    let states = match slide.tab {
        PotentialTab::Change => vec![slide.change_a, slide.change_b],
        _ => vec![slide.typology.state],
    };
    let years: Vec<i32> = states.iter().map(|s| s.year()).collect();
    let mut keys: Vec<&str> =
        slide.typology.components.iter().map(|c| c.indicator.as_str()).collect();
    if let Some(Ok(result)) = model.result() {
        for info in &result.components {
            let parts = info.formula.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
            keys.extend(parts.filter(|p| ctx.ds.indicator(p).is_some()));
        }
    }
    let line = values_sources(
        ctx.ds,
        |v| years.contains(&v.year) && keys.contains(&v.indicator.as_str()),
        ctx.lang,
    );
    if states.iter().any(|s| matches!(s, TypologyState::Scenario { .. })) {
        with_projection(&line, ctx.lang)
    } else {
        line
    }
}

/// Why the page shows no more, centred in `area` in up to three lines.
fn reason(svg: &mut String, area: [f32; 4], k: f32, why: &str) {
    let [x, y, w, h] = area;
    let size = 20.0 * k;
    let lines = wrap(why, size, w * 0.8, 3);
    let top = y + h / 2.0 - (lines.len() as f32 - 1.0) * size * LINE / 2.0;
    svg.push_str(r#"<g id="reason">"#);
    for (i, line) in lines.iter().enumerate() {
        let t = Text::new(x + w / 2.0, top + i as f32 * size * LINE, size);
        text(svg, &t.middle().color(PROBLEM).class("reason"), line);
    }
    svg.push_str("</g>");
}

/// `text` broken between words into lines of at most `width` pixels, at most `max` of them (the
/// last cut with "…" when the text goes on).
fn wrap(text: &str, size: f32, width: f32, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if line.is_empty() || text_width_px(&candidate, size) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        let rest = lines.split_off(max.saturating_sub(1)).join(" ");
        lines.push(rest);
    }
    lines.into_iter().map(|l| fit_text(&l, size, width)).collect()
}

/// The map of `scene` at the top of the column `area`, as tall as its shape allows while leaving
/// `below` pixels for its legend and what follows; the legend under it. Returns the fit and
/// where the legend ends.
fn map_with_legend_under(
    svg: &mut String,
    ctx: &Context<'_>,
    view: &SlideView,
    scene: &Scene,
    area: [f32; 4],
    below: f32,
    k: f32,
) -> (Fit, f32) {
    let [x, y, w, h] = area;
    let legend_h = legend_height(&scene.legend) * k;
    let [a, b, c, d] = scene.bounds;
    let aspect = if c > a && d > b { (d - b) / (c - a) } else { 0.6 };
    let map_h = (w * aspect).min(h - legend_h - below - GAP * k * 0.5).max(h * 0.3);
    let fit = clipped_map(svg, ctx, scene, view.extent.as_ref(), [x, y, w, map_h], "map", k);
    let legend_y = y + map_h + GAP * k * 0.5;
    write_legend(svg, &scene.legend, "legend", [x, legend_y], k);
    (fit, legend_y + legend_h)
}

/// The neighbour graph over the map: a dark line with a light halo between the label anchors of
/// every two neighbours and a dot at each anchor, as on the screen; clipped to the map.
fn write_links(svg: &mut String, links: &[[WorldPos; 2]], fit: &Fit, k: f32) {
    let dark = MarkKind::FILL.hex();
    svg.push_str(r#"<g id="neighbours" clip-path="url(#clip-map)" stroke-linecap="round">"#);
    for [a, b] in links {
        let ([x1, y1], [x2, y2]) = (fit.px(*a), fit.px(*b));
        let _ = write!(
            svg,
            r##"<g class="link"><line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#ffffff" stroke-width="{halo:.2}"/><line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{dark}" stroke-width="{line:.2}"/></g>"##,
            halo = 3.0 * k,
            line = 1.2 * k,
        );
    }
    let mut anchors: Vec<WorldPos> = links.iter().flatten().copied().collect();
    anchors.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    anchors.dedup();
    for anchor in anchors {
        let [cx, cy] = fit.px(anchor);
        let _ = write!(
            svg,
            r#"<circle class="node" cx="{cx:.1}" cy="{cy:.1}" r="{r:.2}" fill="{dark}"/>"#,
            r = 2.5 * k,
        );
    }
    svg.push_str("</g>");
}

/// A region's name in the view's language, without the parenthesised part.
fn short_name(ctx: &Context<'_>, code: &str) -> String {
    region_name(ctx.ds, code, ctx.lang)
}

/// The names of the components a region lacks.
fn missing_names(result: &TypologyResult, keys: &[String], lang: Lang) -> String {
    let names: Vec<&str> = keys
        .iter()
        .map(|key| {
            let info = result.components.iter().find(|i| i.indicator == *key);
            info.map_or(key.as_str(), |i| i.names.get(lang))
        })
        .collect();
    names.join(", ")
}

/// The classes tab: the class map, its legend and the regions lacking a component on the left;
/// the ranking with its key on the right.
#[allow(clippy::too_many_arguments)]
fn classes(
    svg: &mut String,
    ctx: &Context<'_>,
    view: &SlideView,
    slide: &SlidePotential,
    model: &PotentialState,
    result: &TypologyResult,
    area: [f32; 4],
    k: f32,
) {
    let lang = ctx.lang;
    let [x, y, w, h] = area;
    let gap = GAP * k;
    let column = [x, y, (w - gap) * MAP_SHARE, h];
    let size = TEXT_PX * k;
    let line = size * LINE;
    let incomplete: Vec<_> = result.regions.iter().filter(|r| !r.missing.is_empty()).collect();
    // The list of regions lacking a component takes at most a third of the column.
    let list_lines = if incomplete.is_empty() { 0 } else { incomplete.len() + 1 };
    let list_h = (list_lines as f32 * line + gap * 0.5).min(h / 3.0);
    let (fit, legend_bottom) =
        map_with_legend_under(svg, ctx, view, model.scene(), column, list_h, k);
    if slide.neighbours {
        write_links(svg, model.links(), &fit, k);
    }
    if !incomplete.is_empty() {
        let mut at = legend_bottom + gap * 0.5 + size;
        let bottom = y + h;
        svg.push_str(r#"<g id="incomplete">"#);
        let rule = match slide.typology.missing {
            MissingRule::RescaleWeights => S::RescaledRule,
            MissingRule::InsufficientData => S::InsufficientRule,
        };
        let heading = format!("{} ({})", S::IncompleteRegions.get(lang), rule.get(lang));
        text(svg, &Text::new(x, at, size).bold(), &fit_text(&heading, size, column[2]));
        for (i, region) in incomplete.iter().enumerate() {
            at += line;
            let left = incomplete.len() - i;
            if at + line > bottom && left > 1 {
                let hidden: Vec<String> =
                    incomplete.iter().skip(i).map(|r| short_name(ctx, &r.code)).collect();
                let note =
                    format!("{} {} ({})", ExportText::NotShown.get(lang), left, hidden.join(", "));
                text(svg, &Text::new(x, at, size).color(MUTED), &fit_text(&note, size, column[2]));
                break;
            }
            let entry = format!(
                "{}: {}",
                short_name(ctx, &region.code),
                missing_names(result, &region.missing, lang)
            );
            let _ = write!(svg, r#"<g class="incomplete" data-code="{}">"#, escape(&region.code));
            let color = if region.index.is_none() { PROBLEM } else { TEXT };
            text(svg, &Text::new(x, at, size).color(color), &fit_text(&entry, size, column[2]));
            svg.push_str("</g>");
        }
        svg.push_str("</g>");
    }
    let right_x = x + column[2] + gap;
    ranking(svg, ctx, view, result, model.order(), [right_x, y, x + w - right_x, h], k);
}

/// The ranking: a key of the components (colour, name, weight and share), then one row per
/// region with an index, best first — rank, name, the contributions stacked (positive ones right
/// of zero, negative ones left of it) and the index.
fn ranking(
    svg: &mut String,
    ctx: &Context<'_>,
    view: &SlideView,
    result: &TypologyResult,
    order: &[usize],
    area: [f32; 4],
    k: f32,
) {
    let lang = ctx.lang;
    let [x, y, w, h] = area;
    let heading = HEADING_PX * k;
    let size = TEXT_PX * k;
    svg.push_str(r#"<g id="ranking">"#);
    text(svg, &Text::new(x, y + heading, heading).bold().id("ranking-title"), T::Ranking.get(lang));
    // The key, wrapped over as many lines as it needs.
    let total: f64 = result.components.iter().map(|c| c.weight).sum();
    let swatch = size * 0.9;
    let mut cx = x;
    let mut base = y + heading * 1.4 + size * 1.2;
    for (c, info) in result.components.iter().enumerate() {
        let share = if total > 0.0 { info.weight / total * 100.0 } else { 0.0 };
        let decimals = if info.weight.fract() == 0.0 { 0 } else { 1 };
        let label = format!(
            "{} — {} {} ({} %)",
            info.names.get(lang),
            S::Weight.get(lang),
            format_number(info.weight, decimals, lang),
            format_number(share, 0, lang)
        );
        let label = fit_text(&label, size, w - swatch - 6.0 * k);
        let entry_w = swatch + 6.0 * k + text_width_px(&label, size) + 18.0 * k;
        if cx > x && cx + entry_w > x + w {
            cx = x;
            base += size * LINE;
        }
        let _ = write!(
            svg,
            r#"<g class="component-key" data-component="{}"><rect x="{cx:.1}" y="{:.1}" width="{swatch:.1}" height="{swatch:.1}" fill="{}"/>"#,
            escape(&info.indicator),
            base - swatch * 0.85,
            component_fill(c).hex(),
        );
        text(svg, &Text::new(cx + swatch + 6.0 * k, base, size), &label);
        svg.push_str("</g>");
        cx += entry_w;
    }
    let top = base + size * 0.9;
    let rows_h = (y + h - top).max(0.0);
    let count = order.len();
    let row_h = (rows_h / count.max(1) as f32).min(ROW_MAX * k);
    let (row_h, shown) = if row_h >= ROW_MIN * k {
        (row_h, count)
    } else {
        // Too many regions for the page: as many as fit, the last row saying how many are not.
        let row_h = ROW_MIN * k;
        (row_h, ((rows_h / row_h).floor() as usize).saturating_sub(1))
    };
    let size = size.min(row_h * 0.62);
    let bars_x = x + (RANK_WIDTH + NAME_WIDTH) * k;
    let bars_w = (w - (RANK_WIDTH + NAME_WIDTH + INDEX_WIDTH) * k).max(20.0 * k);
    let contributions = |i: usize| -> Vec<f64> {
        result.regions.get(i).map_or_else(Vec::new, |r| {
            r.components.iter().map(|s| s.contribution.unwrap_or(0.0)).collect()
        })
    };
    let (mut most, mut least) = (0.0f64, 0.0f64);
    for &i in order.iter().take(shown) {
        let parts = contributions(i);
        most = most.max(parts.iter().filter(|v| **v > 0.0).sum());
        least = least.max(-parts.iter().filter(|v| **v < 0.0).sum::<f64>());
    }
    let scale = if most + least > 0.0 { bars_w / (most + least) as f32 } else { 0.0 };
    let zero = bars_x + least as f32 * scale;
    for (pos, &i) in order.iter().take(shown).enumerate() {
        let Some(region) = result.regions.get(i) else { continue };
        let row_top = top + pos as f32 * row_h;
        let selected = view.selected.contains(&region.code);
        let band = if selected { Some(SELECTED_BAND) } else { (pos % 2 == 1).then_some(STRIPE) };
        if let Some(band) = band {
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{row_top:.1}" width="{w:.1}" height="{row_h:.1}" fill="{}"/>"#,
                band.hex()
            );
        }
        let index = region.index.unwrap_or(0.0);
        let _ = write!(
            svg,
            r#"<g class="ranking-bar" data-code="{}" data-index="{index:.6}">"#,
            escape(&region.code)
        );
        let baseline = row_top + row_h * 0.5 + size * 0.35;
        let cell = |t: Text<'static>| if selected { t.bold() } else { t };
        let rank = region.rank.map_or_else(String::new, |r| r.to_string());
        text(
            svg,
            &cell(Text::new(x + RANK_WIDTH * k - 6.0 * k, baseline, size).end().class("rank")),
            &rank,
        );
        let name = fit_text(&short_name(ctx, &region.code), size, (NAME_WIDTH - 8.0) * k);
        text(svg, &cell(Text::new(x + RANK_WIDTH * k, baseline, size).class("name")), &name);
        let (bar_y, bar_h) = (row_top + row_h * 0.18, row_h * 0.64);
        let (mut right, mut left) = (zero, zero);
        for (c, value) in contributions(i).into_iter().enumerate() {
            if value == 0.0 {
                continue;
            }
            let width = value.abs() as f32 * scale;
            let at = if value > 0.0 {
                right += width;
                right - width
            } else {
                left -= width;
                left
            };
            let component = result.components.get(c);
            let _ = write!(
                svg,
                r#"<rect class="contribution" data-component="{}" x="{at:.1}" y="{bar_y:.1}" width="{width:.2}" height="{bar_h:.1}" fill="{}"><title>{}: {}</title></rect>"#,
                escape(component.map_or("", |i| i.indicator.as_str())),
                component_fill(c).hex(),
                escape(component.map_or("", |i| i.names.get(lang))),
                format_number(value, 3, lang),
            );
        }
        text(
            svg,
            &cell(Text::new(x + w, baseline, size).end().class("index")),
            &format_number(index, 3, lang),
        );
        svg.push_str("</g>");
    }
    if least > 0.0 {
        let bottom = top + shown as f32 * row_h;
        let _ = write!(
            svg,
            r#"<line id="ranking-zero" x1="{zero:.1}" y1="{top:.1}" x2="{zero:.1}" y2="{bottom:.1}" stroke="{}" stroke-width="{:.2}"/>"#,
            TEXT.hex(),
            k,
        );
    }
    if shown < count {
        let note = format!("{} {}", ExportText::NotShown.get(lang), count - shown);
        let at = top + shown as f32 * row_h + row_h * 0.5 + size * 0.35;
        text(svg, &Text::new(x, at, size).color(MUTED).id("ranking-not-shown"), &note);
    }
    svg.push_str("</g>");
}

/// The clusters tab: the LISA map, and beside it the legend, the global Moran's I and the
/// regions of every cluster.
fn clusters(
    svg: &mut String,
    ctx: &Context<'_>,
    view: &SlideView,
    slide: &SlidePotential,
    model: &PotentialState,
    area: [f32; 4],
    k: f32,
) {
    let lang = ctx.lang;
    let [x, y, w, h] = area;
    let gap = GAP * k;
    let size = TEXT_PX * k;
    let line = size * LINE;
    let global = match model.lisa() {
        Some(Ok(a)) => Some(&a.global),
        _ => None,
    };
    let moran = global.map(|g| moran_line(g.i, g.expected, g.z_sim, g.p_sim, lang));
    let needed = moran.as_deref().map_or(0.0, |m| text_width_px(m, size) + 8.0 * k);
    let column_w = needed.max(LEGEND_WIDTH * k).min(w * MAX_LEGEND_SHARE);
    let scene = model.scene();
    let map_area = [x, y, w - column_w - gap, h];
    let fit = clipped_map(svg, ctx, scene, view.extent.as_ref(), map_area, "map", k);
    if slide.neighbours {
        write_links(svg, model.links(), &fit, k);
    }
    let cx = x + w - column_w;
    write_legend(svg, &scene.legend, "legend", [cx, y], k);
    let mut at = y + legend_height(&scene.legend) * k + gap * 0.5 + size;
    svg.push_str(r#"<g id="moran-block">"#);
    text(svg, &Text::new(cx, at, size).bold(), T::MoranTitle.get(lang));
    at += line;
    match (moran, global) {
        (Some(moran), Some(g)) => {
            text(svg, &Text::new(cx, at, size).id("moran"), &fit_text(&moran, size, column_w));
            at += line;
            let note = permutations_note(g.permutations, lang);
            let t = Text::new(cx, at, size).color(MUTED).id("permutations");
            text(svg, &t, &fit_text(&note, size, column_w));
        }
        _ => {
            let t = Text::new(cx, at, size).color(PROBLEM).id("moran-missing");
            text(svg, &t, &fit_text(T::NoNeighbours.get(lang), size, column_w));
        }
    }
    svg.push_str("</g>");
    // The regions of every cluster, with their pseudo p-values.
    let categories = model.categories();
    at += line * 1.6;
    svg.push_str(r#"<g id="cluster-regions">"#);
    text(svg, &Text::new(cx, at, size).bold(), S::ClusterRegions.get(lang));
    let bottom = y + h;
    for quadrant in [Quadrant::HighHigh, Quadrant::LowLow, Quadrant::HighLow, Quadrant::LowHigh] {
        let category = LisaCategory::Cluster(quadrant);
        let members: Vec<String> = categories
            .iter()
            .filter(|(_, c)| *c == Some(category))
            .map(|(code, _)| {
                let p = model.local(code).and_then(|l| l.p_sim);
                // Non-breaking spaces: a line never ends inside "(p = 0.043)".
                let p = p.map(|p| format!(" (p\u{a0}=\u{a0}{})", format_number(p, 3, lang)));
                format!("{}{}", short_name(ctx, code), p.unwrap_or_default())
            })
            .collect();
        let entry = if members.is_empty() { "—".to_owned() } else { members.join(", ") };
        let entry = format!("{}: {entry}", lisa_text(category, lang));
        let room = (((bottom - at) / line).floor() as usize).saturating_sub(1);
        if room == 0 {
            break;
        }
        let _ = write!(svg, r#"<g class="cluster" data-category="{}">"#, quadrant_key(quadrant));
        for text_line in wrap(&entry, size, column_w, room.min(3)) {
            at += line;
            text(svg, &Text::new(cx, at, size), &text_line);
        }
        svg.push_str("</g>");
    }
    let not_significant =
        categories.iter().filter(|(_, c)| *c == Some(LisaCategory::NotSignificant)).count();
    if at + line <= bottom {
        at += line;
        let entry = format!("{}: {not_significant}", lisa_text(LisaCategory::NotSignificant, lang));
        text(svg, &Text::new(cx, at, size).color(MUTED), &fit_text(&entry, size, column_w));
    }
    svg.push_str("</g>");
}

/// `hh`, `ll`, `hl` or `lh`, for the page's classes.
fn quadrant_key(q: Quadrant) -> &'static str {
    match q {
        Quadrant::HighHigh => "hh",
        Quadrant::LowLow => "ll",
        Quadrant::HighLow => "hl",
        Quadrant::LowHigh => "lh",
    }
}

/// The change tab: the map of moves with its legend on the left; the transition table and the
/// regions of every move on the right.
fn change_page(
    svg: &mut String,
    ctx: &Context<'_>,
    view: &SlideView,
    change: &ChangeModel,
    area: [f32; 4],
    k: f32,
) {
    let [x, y, w, h] = area;
    let gap = GAP * k;
    let column = [x, y, (w - gap) * MAP_SHARE, h];
    map_with_legend_under(svg, ctx, view, &change.scene, column, 0.0, k);
    let right_x = x + column[2] + gap;
    transition_table(svg, ctx, change, [right_x, y, x + w - right_x, h], k);
}

/// How many regions went from each class of the first state (rows) to each class of the second
/// (columns) — moves off the diagonal in bold — then the regions of every move by name, each
/// line with its move's mark, and the regions whose move is unknown.
fn transition_table(
    svg: &mut String,
    ctx: &Context<'_>,
    change: &ChangeModel,
    area: [f32; 4],
    k: f32,
) {
    let lang = ctx.lang;
    let [x, y, w, h] = area;
    let heading = HEADING_PX * k;
    let size = TEXT_PX * k;
    let line = size * LINE;
    let transition = &change.transition;
    let count = transition.regions.len();
    let label = |r: &TypologyResult, c: usize| {
        class_label(r.classes.method, c, r.classes.ranges.len().max(count), lang)
    };
    svg.push_str(r#"<g id="transitions">"#);
    text(svg, &Text::new(x, y + heading, heading).bold(), T::TransitionTable.get(lang));
    let states = format!(
        "{} » {}",
        state_label(ctx.ds, change.a.state, lang),
        state_label(ctx.ds, change.b.state, lang)
    );
    let mut at = y + heading * 1.4 + size * 1.2;
    text(svg, &Text::new(x, at, size).color(MUTED), &fit_text(&states, size, w));
    // The table.
    let corner_w = (CORNER_WIDTH * k).min(w * 0.35);
    let cell_w = ((w - corner_w) / count.max(1) as f32).min(MAX_CELL_WIDTH * k);
    let row_h = TABLE_ROW * k;
    let head_top = at + line * 0.6;
    let head_h = 2.0 * line;
    let (corner_1, corner_2) = two_lines(T::FromClassToClass.get(lang), size, corner_w - 8.0 * k);
    text(svg, &Text::new(x, head_top + size, size).bold(), &corner_1);
    if !corner_2.is_empty() {
        text(svg, &Text::new(x, head_top + size + line, size).bold(), &corner_2);
    }
    for to in 0..count {
        let centre = x + corner_w + (to as f32 + 0.5) * cell_w;
        let (first, second) = two_lines(&label(&change.b, to), size, cell_w - 6.0 * k);
        let t = Text::new(centre, head_top + size, size).middle().bold().class("to-class");
        text(svg, &t, &first);
        if !second.is_empty() {
            text(svg, &Text::new(centre, head_top + size + line, size).middle().bold(), &second);
        }
    }
    let table_top = head_top + head_h;
    let table_w = corner_w + cell_w * count as f32;
    for from in 0..count {
        let top = table_top + from as f32 * row_h;
        if from % 2 == 1 {
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{top:.1}" width="{table_w:.1}" height="{row_h:.1}" fill="{}"/>"#,
                STRIPE.hex()
            );
        }
        let baseline = top + row_h * 0.5 + size * 0.35;
        let name = fit_text(&label(&change.a, from), size, corner_w - 8.0 * k);
        text(svg, &Text::new(x, baseline, size).bold().class("from-class"), &name);
        for to in 0..count {
            let centre = x + corner_w + (to as f32 + 0.5) * cell_w;
            let n = transition.count(from, to);
            let _ = write!(
                svg,
                r#"<text class="transition-count" data-from="{from}" data-to="{to}" x="{centre:.1}" y="{baseline:.1}" font-size="{size:.1}" text-anchor="middle" fill="{c}"{bold}>{n}</text>"#,
                c = TEXT.hex(),
                bold = if from != to && n > 0 {
                    format!(r#" stroke="{}" stroke-width="{:.2}""#, TEXT.hex(), size * 0.025)
                } else {
                    String::new()
                },
            );
        }
    }
    let table_bottom = table_top + count as f32 * row_h;
    for (y1, y2) in [(table_top, table_top), (table_bottom, table_bottom)] {
        let _ = write!(
            svg,
            r#"<line x1="{x:.1}" y1="{y1:.1}" x2="{:.1}" y2="{y2:.1}" stroke="{}" stroke-width="{:.2}"/>"#,
            x + table_w,
            GRID.hex(),
            k,
        );
    }
    // The regions of every move.
    at = table_bottom + line * 1.4;
    text(svg, &Text::new(x, at, size).bold(), T::Regions.get(lang));
    let bottom = y + h;
    let mark_room = 22.0 * k;
    let name = |code: &str| short_name(ctx, code);
    for (from, row) in transition.regions.iter().enumerate() {
        for (to, codes) in row.iter().enumerate() {
            if codes.is_empty() || from == to {
                continue;
            }
            let moved = if to > from { ClassChange::Up } else { ClassChange::Down };
            let names: Vec<String> = codes.iter().map(|c| name(c)).collect();
            let entry = format!(
                "{} » {} ({}, {}): {}",
                label(&change.a, from),
                label(&change.b, to),
                change_text(moved, lang),
                codes.len(),
                names.join(", ")
            );
            let room = (((bottom - at) / line).floor() as usize).saturating_sub(1);
            if room == 0 {
                break;
            }
            let _ =
                write!(svg, r#"<g class="transition-regions" data-from="{from}" data-to="{to}">"#);
            if let Some(kind) = change_mark(moved) {
                let _ = write!(svg, r#"<polygon class="move-mark mark-{}""#, kind.key());
                mark_element(svg, kind, [x + mark_room * 0.4, at + line - size * 0.35], k);
            }
            for text_line in wrap(&entry, size, w - mark_room, room.min(4)) {
                at += line;
                text(svg, &Text::new(x + mark_room, at, size), &text_line);
            }
            svg.push_str("</g>");
        }
    }
    let unknown: Vec<String> = transition
        .changes
        .iter()
        .filter(|(_, m)| *m == ClassChange::Unknown)
        .map(|(c, _)| name(c))
        .collect();
    let room = (((bottom - at) / line).floor() as usize).saturating_sub(1);
    if !unknown.is_empty() && room > 0 {
        let entry = format!("{}: {}", change_text(ClassChange::Unknown, lang), unknown.join(", "));
        svg.push_str(r#"<g id="unknown-moves">"#);
        for text_line in wrap(&entry, size, w - mark_room, room.min(3)) {
            at += line;
            text(svg, &Text::new(x + mark_room, at, size).color(PROBLEM), &text_line);
        }
        svg.push_str("</g>");
    }
    svg.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_cuts_the_last_allowed_line() {
        let width = text_width_px("Ақмола облысы,", 14.0) + 1.0;
        let lines = wrap("Ақмола облысы, Абай облысы, Жетісу облысы", 14.0, width, 3);
        assert_eq!(lines, ["Ақмола облысы,", "Абай облысы,", "Жетісу облысы"]);
        let cut = wrap("Ақмола облысы, Абай облысы, Жетісу облысы", 14.0, width, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
        assert_eq!(wrap("Абай", 14.0, 200.0, 3), ["Абай"]);
    }
}
