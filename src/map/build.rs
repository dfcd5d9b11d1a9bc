//! `build_scene`: one map view (indicator, year, language, boundaries, layers) to a `Scene` —
//! values resolved through the lineage, classes and colours, tooltips, labels placed so the
//! three small cities clear the oblast labels, corridors, growth points and projects, legend and
//! title.

use std::collections::HashMap;

use crate::analysis::series::ranking_of;
use crate::analysis::values::Lookup;
use crate::analysis::{
    BoundaryMode, RankedValue, UnitValue, ValueOrigin, class_index, quantile_classes,
};
use crate::i18n::MapText;
use crate::i18n::map_text::{self, format_number};
use crate::map::geometry::EditionGeometry;
use crate::map::projected::{class_fills, class_legend};
use crate::map::style;
use crate::map::{
    GroupOutline, Legend, LegendItem, MapGeometry, MapView, Scene, SceneLabel, SceneLine,
    SceneRegion, SceneSymbol, SymbolRef, SymbolShape, WorldPos,
};
use crate::model::{Dataset, GrowthLevel, IndicatorDef, Lang, RegionKind, Sector};

/// Width in pixels at which label collisions are judged (a typical map panel or export).
const NOMINAL_WIDTH_PX: f32 = 1400.0;
/// Average advance of a character relative to the font size, for label boxes.
const CHAR_WIDTH_EM: f32 = 0.56;
/// Gap between a city's symbol and its label, px.
const LABEL_GAP_PX: f32 = 3.0;
/// Symbols at least this large (radius, px) keep oblast labels off them.
const OBSTACLE_MIN_PX: f32 = 4.0;

/// Builds the scene of `view`. Pure and fast (well under a millisecond for the default dataset):
/// call it on every change of the view.
pub fn build_scene(ds: &Dataset, geometry: &MapGeometry, view: &MapView) -> Scene {
    let lang = view.lang;
    let def = ds.indicator(&view.indicator);
    let lookup = Lookup::new(ds, &view.indicator);
    let edition = lookup.drawn_edition(&view.indicator, view.year, view.boundary_mode);
    let values = edition.map(|e| lookup.edition_values(&view.indicator, view.year, e));
    let units: &[UnitValue] = values.as_ref().map_or(&[], |v| v.units.as_slice());
    let edition_geometry = edition.and_then(|e| geometry.edition(&e.key));

    let ranked = ranking_of(units);
    let ranks: HashMap<&str, &RankedValue> = ranked.iter().map(|r| (r.code.as_str(), r)).collect();
    let shown: Vec<f64> = ranked.iter().map(|r| r.value).collect();
    let classes = quantile_classes(&shown, style::MAX_CLASSES);
    let colors = class_fills(def, &classes);

    let mut scene = Scene {
        title: title(ds, def, view, edition.map(|e| (e.is_current(), e.valid_from, e.valid_to))),
        subtitle: def.map(|d| d.unit.get(lang).to_string()).unwrap_or_default(),
        source_line: MapText::SourceLine.get(lang).to_string(),
        edition: edition.map(|e| e.key.clone()).unwrap_or_default(),
        ..Scene::default()
    };
    let Some(edition_geometry) = edition_geometry else {
        scene.legend = legend(ds, view, def, &classes, true);
        return scene;
    };
    scene.bounds = edition_geometry.bounds;

    for unit in &edition_geometry.units {
        let value = units.iter().find(|u| u.code == unit.code);
        let number = value.and_then(|v| v.value);
        let value_code = value.map_or(unit.code.as_str(), |v| v.value_code.as_str());
        let fill = number
            .and_then(|n| class_index(&classes, n))
            .and_then(|i| colors.get(i).copied())
            .unwrap_or(style::NO_DATA_FILL);
        scene.regions.push(SceneRegion {
            code: unit.code.clone(),
            value_code: value_code.to_string(),
            name: short_name(ds, &unit.code, lang),
            value: number,
            value_label: value_label(def, number, lang),
            note: value.and_then(|v| note(ds, v, lang)),
            rank: number.and_then(|_| ranks.get(value_code).map(|r| r.rank)),
            fill,
            no_data: number.is_none(),
            selected: view.selected.as_deref().is_some_and(|s| s == unit.code || s == value_code),
            mesh: unit.mesh.clone(),
            label_anchor: unit.label_anchor,
        });
    }

    let mut grouped: Vec<&str> = Vec::new();
    for unit in units {
        if let Some(ValueOrigin::Predecessor { predecessor, .. }) = &unit.origin
            && !grouped.contains(&predecessor.as_str())
        {
            grouped.push(predecessor);
            if let Some(shape) = geometry.unit_anywhere(predecessor) {
                scene.group_outlines.push(GroupOutline {
                    value_code: predecessor.clone(),
                    mesh: shape.mesh.clone(),
                });
            }
        }
    }

    if view.show_corridors {
        scene.lines = corridor_lines(ds, geometry, lang);
    }
    if view.show_growth_points {
        scene.symbols.extend(growth_point_symbols(ds, geometry, lang));
    }
    if view.show_projects {
        scene.symbols.extend(project_symbols(ds, geometry, lang));
    }
    if view.show_labels {
        scene.labels = labels(ds, edition_geometry, &scene.symbols, lang);
    }
    let any_missing = scene.regions.iter().any(|r| r.no_data);
    scene.legend = legend(ds, view, def, &classes, any_missing);
    scene
}

/// "Population, 2021 (on 2018–2022 boundaries)": the note says when the map is not simply the
/// current boundaries as reported.
fn title(
    ds: &Dataset,
    def: Option<&IndicatorDef>,
    view: &MapView,
    edition: Option<(bool, Option<i32>, Option<i32>)>,
) -> String {
    let lang = view.lang;
    let name = def.map_or(view.indicator.as_str(), |d| d.names.get(lang));
    let note = match (view.boundary_mode, edition) {
        (BoundaryMode::Current, _) if ds.editions.len() > 1 => {
            Some(MapText::CurrentBoundaries.get(lang).to_string())
        }
        (BoundaryMode::AsReported, Some((false, from, Some(until)))) => {
            Some(map_text::edition_boundaries(from, until, lang))
        }
        _ => None,
    };
    map_text::title(name, view.year, note.as_deref())
}

/// A unit's name for labels and tooltips, without the explanatory parenthesis some legacy names
/// carry ("East Kazakhstan Region (boundaries before …)").
fn short_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    let Some(region) = ds.region(code) else { return code.to_string() };
    let name = region.names.get(lang);
    name.split(" (").next().unwrap_or(name).trim().to_string()
}

/// "1 234,5 тыс. тенге", or "no data".
fn value_label(def: Option<&IndicatorDef>, value: Option<f64>, lang: Lang) -> String {
    let Some(value) = value else { return MapText::NoData.get(lang).to_string() };
    let Some(def) = def else { return format_number(value, 1, lang) };
    let unit = def.unit.get(lang);
    let number = format_number(value, def.decimals, lang);
    if unit.is_empty() { number } else { format!("{number} {unit}") }
}

/// Tooltip note of a value that is not the unit's own.
fn note(ds: &Dataset, unit: &UnitValue, lang: Lang) -> Option<String> {
    match unit.origin.as_ref()? {
        ValueOrigin::Reported => None,
        ValueOrigin::FromParts { parts } => {
            let names: Vec<String> = parts.iter().map(|p| short_name(ds, p, lang)).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            Some(map_text::computed_from(&names, lang))
        }
        ValueOrigin::Predecessor { predecessor, members } => {
            let base = predecessor.split('@').next().unwrap_or(predecessor);
            let until = ds
                .region(predecessor)
                .and_then(|r| r.valid_to)
                .or_else(|| {
                    ds.lineage.iter().find(|l| l.predecessor == *predecessor).map(|l| l.year)
                })
                .unwrap_or(0);
            let included: Vec<String> = members
                .iter()
                .filter(|m| m.as_str() != base)
                .map(|m| short_name(ds, m, lang))
                .collect();
            let included: Vec<&str> = included.iter().map(String::as_str).collect();
            Some(map_text::legacy_group(&short_name(ds, predecessor, lang), until, &included, lang))
        }
    }
}

/// Corridors with at least two points as lines, in `style::CORRIDOR_KINDS` order (railways on
/// top), each kind in the file's order.
fn corridor_lines(ds: &Dataset, geometry: &MapGeometry, lang: Lang) -> Vec<SceneLine> {
    let mut lines = Vec::with_capacity(ds.corridors.len());
    for kind in style::CORRIDOR_KINDS {
        for c in ds.corridors.iter().filter(|c| c.kind == kind && c.line.0.len() >= 2) {
            let name = c.names.get(lang).trim().to_string();
            let kind_name = map_text::corridor_kind(kind, lang);
            let tooltip = if name.is_empty() {
                kind_name.to_string()
            } else {
                format!("{name} — {kind_name}")
            };
            lines.push(SceneLine {
                id: c.id,
                kind,
                points: c.line.0.iter().map(|p| geometry.project(p.x, p.y)).collect(),
                name,
                style: style::corridor_style(kind),
                tooltip,
            });
        }
    }
    lines
}

/// Growth points with a location as circles, largest first so small towns stay on top.
fn growth_point_symbols(ds: &Dataset, geometry: &MapGeometry, lang: Lang) -> Vec<SceneSymbol> {
    let mut symbols: Vec<SceneSymbol> = ds
        .growth_points
        .iter()
        .filter_map(|gp| {
            let location = gp.location?;
            let (stroke, stroke_px) = style::growth_level_stroke(gp.level);
            let mut details: Vec<String> = Vec::new();
            if let Some(level) = gp.level {
                details.push(map_text::growth_level(level, lang).to_string());
            }
            if gp.is_monotown {
                details.push(MapText::Monotown.get(lang).to_string());
            }
            if let Some(p) = gp.population {
                details.push(map_text::people(p as f64, lang));
            }
            let name = gp.names.get(lang);
            let tooltip = if details.is_empty() {
                name.to_string()
            } else {
                format!("{name} — {}", details.join(", "))
            };
            Some(SceneSymbol {
                pos: geometry.project(location.x(), location.y()),
                object: SymbolRef::GrowthPoint(gp.id),
                shape: SymbolShape::Circle,
                radius_px: style::growth_point_radius(gp.population),
                fill: if gp.is_monotown { style::MONOTOWN_FILL } else { style::TOWN_FILL },
                stroke,
                stroke_px,
                tooltip,
            })
        })
        .collect();
    symbols.sort_by(|a, b| b.radius_px.total_cmp(&a.radius_px));
    symbols
}

/// Projects as small shapes by sector.
fn project_symbols(ds: &Dataset, geometry: &MapGeometry, lang: Lang) -> Vec<SceneSymbol> {
    ds.projects
        .iter()
        .map(|p| {
            let (shape, fill) = style::sector_symbol(p.sector);
            let mut details = vec![map_text::sector(p.sector, lang).to_string()];
            if let Some(year) = p.year {
                details.push(map_text::year_short(year, lang));
            }
            SceneSymbol {
                pos: geometry.project(p.location.x(), p.location.y()),
                object: SymbolRef::Project(p.code.clone()),
                shape,
                radius_px: style::PROJECT_PX,
                fill,
                stroke: style::PROJECT_STROKE,
                stroke_px: style::PROJECT_STROKE_PX,
                tooltip: format!("{} — {}", p.names.get(lang), details.join(", ")),
            }
        })
        .collect()
}

/// A label's box in nominal pixels: centre x, centre y, half width, half height.
type LabelBox = [f32; 4];

fn overlaps(a: &LabelBox, b: &LabelBox) -> bool {
    (a[0] - b[0]).abs() < a[2] + b[2] && (a[1] - b[1]).abs() < a[3] + b[3]
}

/// Region names at their anchors (moved up or down just enough to uncover a town symbol under
/// them); the cities of republican significance, small enclaves in an oblast, get a smaller
/// label beside their symbol in the first direction that clears the oblast labels and the other
/// city labels.
fn labels(
    ds: &Dataset,
    edition: &EditionGeometry,
    symbols: &[SceneSymbol],
    lang: Lang,
) -> Vec<SceneLabel> {
    let [min_x, _, max_x, _] = edition.bounds;
    let scale = NOMINAL_WIDTH_PX / (max_x - min_x).max(1.0);
    let to_px = |p: WorldPos| [p[0] * scale, -p[1] * scale];
    let text_box = |centre: [f32; 2], text: &str, size: f32| -> LabelBox {
        let half_w = text.chars().count() as f32 * CHAR_WIDTH_EM * size / 2.0;
        [centre[0], centre[1], half_w, size * 0.6]
    };
    let is_city = |code: &str| ds.region(code).is_some_and(|r| r.kind == RegionKind::City);

    // Towns big enough that a label over them would hide them.
    let obstacles: Vec<LabelBox> = symbols
        .iter()
        .filter(|s| s.radius_px >= OBSTACLE_MIN_PX)
        .map(|s| {
            let [x, y] = to_px(s.pos);
            let r = s.radius_px + s.stroke_px / 2.0;
            [x, y, r, r]
        })
        .collect();
    let mut labels = Vec::with_capacity(edition.units.len());
    let mut taken: Vec<LabelBox> = Vec::new();
    for unit in edition.units.iter().filter(|u| !is_city(&u.code)) {
        let text = short_name(ds, &unit.code, lang);
        let size = style::REGION_LABEL_PX;
        let anchor = to_px(unit.label_anchor);
        // Stay at the anchor unless a town is under the label; then the nearest shift up or
        // down that clears it.
        let step = size * 1.1;
        let shifts = [0.0, -1.0, 1.0, -2.0, 2.0, -3.0, 3.0].map(|k| [0.0, k * step]);
        let chosen = shifts
            .iter()
            .find(|o| {
                let candidate = text_box([anchor[0] + o[0], anchor[1] + o[1]], &text, size);
                !obstacles.iter().chain(&taken).any(|t| overlaps(t, &candidate))
            })
            .copied()
            .unwrap_or([0.0, 0.0]);
        taken.push(text_box([anchor[0] + chosen[0], anchor[1] + chosen[1]], &text, size));
        labels.push(region_label(unit.label_anchor, chosen, text, size));
    }
    for unit in edition.units.iter().filter(|u| is_city(&u.code)) {
        let text = short_name(ds, &unit.code, lang);
        let size = style::CITY_LABEL_PX;
        let anchor = to_px(unit.label_anchor);
        // Clear the largest symbol drawn at the city.
        let clearance = symbols
            .iter()
            .filter(|s| {
                let p = to_px(s.pos);
                (p[0] - anchor[0]).hypot(p[1] - anchor[1]) < s.radius_px
            })
            .map(|s| s.radius_px + s.stroke_px / 2.0)
            .fold(2.0_f32, f32::max)
            + LABEL_GAP_PX;
        let half = text_box([0.0, 0.0], &text, size);
        let directions: [[f32; 2]; 8] = [
            [1.0, 0.0],
            [-1.0, 0.0],
            [0.0, 1.0],
            [0.0, -1.0],
            [0.71, 0.71],
            [-0.71, 0.71],
            [0.71, -0.71],
            [-0.71, -0.71],
        ];
        let offsets =
            directions.map(|[dx, dy]| [dx * (clearance + half[2]), dy * (clearance + half[3])]);
        let chosen = offsets
            .iter()
            .find(|o| {
                let candidate = text_box([anchor[0] + o[0], anchor[1] + o[1]], &text, size);
                !taken.iter().any(|t| overlaps(t, &candidate))
            })
            .or(offsets.first())
            .copied()
            .unwrap_or([0.0, 0.0]);
        taken.push(text_box([anchor[0] + chosen[0], anchor[1] + chosen[1]], &text, size));
        labels.push(region_label(unit.label_anchor, chosen, text, size));
    }
    labels
}

fn region_label(pos: WorldPos, offset_px: [f32; 2], text: String, size_px: f32) -> SceneLabel {
    SceneLabel { pos, offset_px, text, size_px, color: style::LABEL_TEXT, halo: style::LABEL_HALO }
}

/// Radius of the level and monotown samples in the legend.
const LEGEND_SAMPLE_PX: f32 = 6.0;

/// Classes (low to high), no data, then the layers that are on: growth points, projects and
/// corridors (only the kinds the map shows).
fn legend(
    ds: &Dataset,
    view: &MapView,
    def: Option<&IndicatorDef>,
    classes: &[crate::analysis::ValueClass],
    any_missing: bool,
) -> Legend {
    let lang = view.lang;
    let mut items = class_legend(def, classes, any_missing, lang);
    let located = || ds.growth_points.iter().filter(|g| g.location.is_some());
    if view.show_growth_points && located().next().is_some() {
        items.push(LegendItem::Heading { label: MapText::GrowthPoints.get(lang).to_string() });
        let levels =
            [Some(GrowthLevel::First), Some(GrowthLevel::Second), Some(GrowthLevel::Third), None];
        for level in levels {
            if !located().any(|g| g.level == level) {
                continue;
            }
            let (stroke, stroke_px) = style::growth_level_stroke(level);
            let label = match level {
                Some(level) => map_text::growth_level(level, lang),
                None => MapText::OtherTown.get(lang),
            };
            items.push(LegendItem::Symbol {
                shape: SymbolShape::Circle,
                radius_px: LEGEND_SAMPLE_PX,
                fill: style::TOWN_FILL,
                stroke,
                stroke_px,
                label: label.to_string(),
            });
        }
        if located().any(|g| g.is_monotown) {
            let (stroke, stroke_px) = style::growth_level_stroke(Some(GrowthLevel::Third));
            items.push(LegendItem::Symbol {
                shape: SymbolShape::Circle,
                radius_px: LEGEND_SAMPLE_PX,
                fill: style::MONOTOWN_FILL,
                stroke,
                stroke_px,
                label: MapText::Monotown.get(lang).to_string(),
            });
        }
        items.push(LegendItem::Heading {
            label: MapText::CircleAreaIsPopulation.get(lang).to_string(),
        });
        for population in style::GROWTH_POINT_LEGEND_POPULATIONS {
            let (stroke, stroke_px) = style::growth_level_stroke(Some(GrowthLevel::Third));
            items.push(LegendItem::Symbol {
                shape: SymbolShape::Circle,
                radius_px: style::growth_point_radius(Some(population as u64)),
                fill: style::TOWN_FILL,
                stroke,
                stroke_px,
                label: map_text::people(population, lang),
            });
        }
    }
    if view.show_projects && !ds.projects.is_empty() {
        items.push(LegendItem::Heading { label: MapText::Projects.get(lang).to_string() });
        for sector in Sector::ALL.into_iter().filter(|s| ds.projects.iter().any(|p| p.sector == *s))
        {
            let (shape, fill) = style::sector_symbol(sector);
            items.push(LegendItem::Symbol {
                shape,
                radius_px: style::PROJECT_PX,
                fill,
                stroke: style::PROJECT_STROKE,
                stroke_px: style::PROJECT_STROKE_PX,
                label: map_text::sector(sector, lang).to_string(),
            });
        }
    }
    let drawn = |kind| ds.corridors.iter().any(|c| c.kind == kind && c.line.0.len() >= 2);
    if view.show_corridors && style::CORRIDOR_KINDS.iter().any(|k| drawn(*k)) {
        items.push(LegendItem::Heading { label: MapText::Corridors.get(lang).to_string() });
        // Top of the drawing order first, as a legend reads.
        for kind in style::CORRIDOR_KINDS.into_iter().rev().filter(|k| drawn(*k)) {
            items.push(LegendItem::Line {
                style: style::corridor_style(kind),
                label: map_text::corridor_kind(kind, lang).to_string(),
            });
        }
    }
    Legend {
        title: def.map_or(view.indicator.clone(), |d| d.names.get(lang).to_string()),
        unit: def.map(|d| d.unit.get(lang).to_string()).unwrap_or_default(),
        items,
    }
}
