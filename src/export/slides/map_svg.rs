//! The bodies of map and compare slides: the map scene of the slide's indicator, year,
//! boundaries, layers and selection beside its legend; or the two sides of a comparison and their
//! difference map side by side (A and B on one colour scale), each with its caption and legend.
//! A saved extent zooms the maps to it, clipped to their frames.

use std::fmt::Write as _;

use crate::app::scenarios::{CompareRequest, CompareSort, Comparison, compare};
use crate::export::svg::{Fit, legend_height, write_legend, write_map};
use crate::i18n::scenario_ui_text::compare_sides;
use crate::map::{Legend, MapView, Scene, build_scene};
use crate::model::{SlideExtent, SlideView};

use super::page::{Body, Page, Text, fit_text, text};
use super::{Context, data_sources, side_source};

/// Width of a legend column, reference pixels.
const LEGEND_WIDTH: f32 = 330.0;
const GAP: f32 = 24.0;
const CAPTION_PX: f32 = 17.0;
/// An extent narrower than this share of the country is taken for a mistake and ignored.
const MIN_EXTENT_SHARE: f32 = 0.01;

/// The map slide: the scene the map screen paints for `view`, legend on the right.
pub(super) fn map_body(ctx: &Context<'_>, view: &SlideView, page: &Page) -> Body {
    let mut map_view = MapView::new(view.indicator.clone(), view.year, ctx.lang);
    map_view.boundary_mode = view.boundary_mode;
    map_view.selected = view.selected.first().cloned();
    map_view.show_growth_points = view.layers.growth_points;
    map_view.show_projects = view.layers.projects;
    map_view.show_labels = view.layers.labels;
    map_view.show_corridors = view.layers.corridors;
    let mut scene = build_scene(ctx.ds, &ctx.geometry, &map_view);
    for region in &mut scene.regions {
        region.selected |= view.selected.contains(&region.code);
    }

    let k = page.k;
    let [x, y, w, h] = page.body;
    let legend_w = LEGEND_WIDTH * k;
    let area = [x, y, (w - legend_w - GAP * k).max(1.0), h];
    let mut svg = String::with_capacity(256 * 1024);
    clipped_map(&mut svg, ctx, &scene, view.extent.as_ref(), area, "map", k);
    write_legend(&mut svg, &scene.legend, "legend", [x + area[2] + GAP * k, y], k);
    let subtitle = if scene.subtitle.is_empty() {
        scene.title.clone()
    } else {
        format!("{} · {}", scene.title, scene.subtitle)
    };
    Body {
        subtitle,
        svg,
        sources: vec![
            data_sources(ctx.ds, &view.indicator, Some(view.year), ctx.lang),
            scene.source_line,
        ],
    }
}

/// The comparison of `view`'s two sides, as the compare view builds it.
pub(super) fn comparison(ctx: &Context<'_>, view: &SlideView) -> Comparison {
    let request = CompareRequest {
        a: side_source(view.compare_a),
        b: side_source(view.compare_b),
        indicator: &view.indicator,
        year: view.year,
        lang: ctx.lang,
        selected: view.selected.first().map(String::as_str),
        sort: CompareSort::default(),
        mode: view.difference,
    };
    compare(ctx.ds, &ctx.geometry, &ctx.projections, &request)
}

/// The compare slide: A and B side by side on top, on one colour scale (what the audience reads
/// first); under them the difference map, its legend and the legend of A and B. Each map has its
/// caption above it.
pub(super) fn compare_body(ctx: &Context<'_>, view: &SlideView, page: &Page) -> Body {
    let comparison = comparison(ctx, view);
    let k = page.k;
    let [x, y, w, h] = page.body;
    let gap = GAP * k;
    let caption = CAPTION_PX * k;
    // A caption's line above each map.
    let head = caption * 1.6;
    let legend_w = LEGEND_WIDTH * k;
    let shared = Legend {
        title: comparison.indicator_name.clone(),
        unit: comparison.unit.clone(),
        items: comparison.legend.clone(),
    };
    let [_, _, difference] = &comparison.scenes;
    let legends_h = legend_height(&shared).max(legend_height(&difference.legend)) * k;
    let aspect = aspect(difference.bounds);
    let half = ((w - gap) / 2.0).max(1.0);
    let rows_h = (h - 2.0 * head - gap).max(1.0);
    // The top row as tall as its maps need, leaving the bottom row room for the legends.
    let top_h = (half * aspect).min(rows_h * 0.55).min(rows_h - legends_h).max(rows_h * 0.3);
    let bottom_h = (rows_h - top_h).max(1.0);
    let difference_w = (bottom_h / aspect).min(w - 2.0 * (legend_w + gap)).max(1.0);
    let bottom_y = y + 2.0 * head + top_h + gap;
    let areas = [
        [x, y + head, half, top_h],
        [x + half + gap, y + head, half, top_h],
        [x, bottom_y, difference_w, bottom_h],
    ];
    let ids = ["map-a", "map-b", "map-difference"];
    let mut svg = String::with_capacity(256 * 1024);
    for ((scene, area), id) in comparison.scenes.iter().zip(areas).zip(ids) {
        let [ax, ay, aw, _] = area;
        text(
            &mut svg,
            &Text::new(ax, ay - head + caption, caption).bold().class("caption"),
            &fit_text(&scene.title, caption, aw),
        );
        clipped_map(&mut svg, ctx, scene, view.extent.as_ref(), area, id, k);
    }
    let legend_x = x + difference_w + gap;
    write_legend(&mut svg, &difference.legend, "legend-difference", [legend_x, bottom_y], k);
    let shared_at = [legend_x + legend_w + gap, bottom_y];
    write_legend(&mut svg, &shared, "legend-scale", shared_at, k);
    let mut first = data_sources(ctx.ds, &view.indicator, Some(view.year), ctx.lang);
    if view.compare_a.scenario_id().is_some() || view.compare_b.scenario_id().is_some() {
        first = super::with_projection(&first, ctx.lang);
    }
    Body {
        subtitle: format!(
            "{} · {}",
            compare_sides(&comparison.b_name, &comparison.a_name, ctx.lang),
            comparison.unit
        ),
        svg,
        sources: vec![first, difference.source_line.clone()],
    }
}

/// Height over width of world `bounds` (0.6 when empty).
fn aspect(bounds: [f32; 4]) -> f32 {
    let [a, b, c, d] = bounds;
    if c > a && d > b { (d - b) / (c - a) } else { 0.6 }
}

/// The scene's map fitted into `area` (to the slide's extent when it is a reasonable part of the
/// map), clipped to the area (`url(#clip-{id})`) so that a zoomed map never spills over the
/// legend. Returns the fit, for what is drawn over the map.
pub(super) fn clipped_map(
    svg: &mut String,
    ctx: &Context<'_>,
    scene: &Scene,
    extent: Option<&SlideExtent>,
    area: [f32; 4],
    id: &str,
    k: f32,
) -> Fit {
    let bounds = extent.and_then(|e| extent_bounds(ctx, e, scene.bounds)).unwrap_or(scene.bounds);
    let [ax, ay, aw, ah] = area;
    let _ = write!(
        svg,
        r#"<clipPath id="clip-{id}"><rect x="{ax:.1}" y="{ay:.1}" width="{aw:.1}" height="{ah:.1}"/></clipPath><g id="{id}" clip-path="url(#clip-{id})">"#,
    );
    let mut map = String::with_capacity(128 * 1024);
    let fit = Fit::new(bounds, area);
    write_map(&mut map, scene, &fit, k);
    // The ids inside (regions, corridors, layers) prefixed with the map's, unique on a page of
    // several maps. Text is escaped, so ` id="` occurs only as an attribute.
    svg.push_str(&map.replace(" id=\"", &format!(" id=\"{id}-")));
    svg.push_str("</g>");
    fit
}

/// The world rectangle of `extent`, when it overlaps the map's `bounds` and is not a sliver.
fn extent_bounds(ctx: &Context<'_>, extent: &SlideExtent, bounds: [f32; 4]) -> Option<[f32; 4]> {
    let sw = ctx.geometry.project(extent.min_lon, extent.min_lat);
    let ne = ctx.geometry.project(extent.max_lon, extent.max_lat);
    let rect = [sw[0].min(ne[0]), sw[1].min(ne[1]), sw[0].max(ne[0]), sw[1].max(ne[1])];
    let [a, b, c, d] = bounds;
    let overlaps = rect[0] < c && rect[2] > a && rect[1] < d && rect[3] > b;
    let share = (rect[2] - rect[0]) / (c - a).max(f32::EPSILON);
    let finite = rect.iter().all(|v| v.is_finite());
    (finite && overlaps && share >= MIN_EXTENT_SHARE).then_some(rect)
}
