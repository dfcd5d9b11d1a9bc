//! The body of a Potential slide: the typology's class map, its local clusters or the class
//! change between two states, computed as the Potential screen computes them, beside its legend.

use crate::app::potential::{Inputs, PotentialState};
use crate::export::svg::write_legend;
use crate::model::{PotentialTab, SlideView};

use super::map_svg::clipped_map;
use super::page::{Body, Page};
use super::{Context, data_sources};

/// Width of the legend column, reference pixels.
const LEGEND_WIDTH: f32 = 330.0;
const GAP: f32 = 24.0;

/// The Potential slide: the map the screen shows for the slide's tab, legend on the right.
pub(super) fn potential_body(ctx: &Context<'_>, view: &SlideView, page: &Page) -> Body {
    let Some(slide) = &view.potential else { return Body::default() };
    let inputs = Inputs {
        ds: ctx.ds,
        geometry: &ctx.geometry,
        projections: &ctx.projections,
        lang: ctx.lang,
        selected: view.selected.first().map(String::as_str),
        data_changed: true,
        active: true,
    };
    let model = PotentialState::of_slide(slide, &inputs);
    let scene = match (slide.tab, model.change()) {
        (PotentialTab::Change, Some(Ok(change))) => change.scene.clone(),
        _ => model.scene().clone(),
    };
    let k = page.k;
    let [x, y, w, h] = page.body;
    let legend_w = LEGEND_WIDTH * k;
    let area = [x, y, (w - legend_w - GAP * k).max(1.0), h];
    let mut svg = String::with_capacity(256 * 1024);
    clipped_map(&mut svg, ctx, &scene, view.extent.as_ref(), area, "map", k);
    write_legend(&mut svg, &scene.legend, "legend", [x + area[2] + GAP * k, y], k);
    Body {
        subtitle: scene.title.clone(),
        svg,
        sources: vec![
            data_sources(ctx.ds, &view.indicator, Some(slide.typology.state.year()), ctx.lang),
            scene.source_line.clone(),
        ],
    }
}
