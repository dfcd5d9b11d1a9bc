//! Scenes of values that are not one reported year of the dataset: a scenario's projected year,
//! or the actual data of a year on today's boundaries. Both are drawn on the current boundary
//! edition, and two of them can share one colour scale (`shared_classes`), so that in the
//! compare view the same colour means the same value on both maps.

use crate::analysis::{ValueClass, class_index, quantile_classes};
use crate::i18n::{MapText, format_value, map_text};
use crate::map::{Legend, LegendItem, MapGeometry, Rgba, Scene, SceneRegion, style};
use crate::model::{Dataset, IndicatorDef, Lang};
use crate::scenario::Projection;

/// One current region's value (None: no data, never zero).
pub type RegionValue = (String, Option<f64>);

/// What a value scene shows: whose values, of which indicator, in which language.
#[derive(Debug, Clone, Copy)]
pub struct ValueLayer<'a> {
    /// Names, unit, decimals and colour direction of the indicator (None: plain numbers).
    pub def: Option<&'a IndicatorDef>,
    /// The map's heading, e.g. "Inertial scenario to 2030 — GRP, 2030".
    pub title: &'a str,
    /// Values by current region code; regions not listed have no data.
    pub values: &'a [RegionValue],
    pub lang: Lang,
    /// Code of the selected region, outlined.
    pub selected: Option<&'a str>,
}

/// The values of every current region of `projection` for `indicator` in `year`.
pub fn projection_values(projection: &Projection, indicator: &str, year: i32) -> Vec<RegionValue> {
    projection
        .year_values(indicator, year)
        .into_iter()
        .map(|(code, value)| (code.to_string(), value))
        .collect()
}

/// The reported values (or the values computed from a region's parts) of every current region
/// for `indicator` in `year`: the actual data a scenario is compared with.
pub fn actual_values(ds: &Dataset, indicator: &str, year: i32) -> Vec<RegionValue> {
    let Some(edition) = ds.current_edition() else { return Vec::new() };
    edition
        .units
        .iter()
        .map(|u| {
            let value = crate::analysis::unit_value(ds, indicator, &u.region_code, year);
            (u.region_code.clone(), value)
        })
        .collect()
}

/// Quantile classes over the values of all `sets` together: one colour scale for several maps.
pub fn shared_classes(sets: &[&[RegionValue]]) -> Vec<ValueClass> {
    let all: Vec<f64> = sets.iter().flat_map(|s| s.iter().filter_map(|(_, v)| *v)).collect();
    quantile_classes(&all, style::MAX_CLASSES)
}

/// The colours of `classes` for the indicator `def` (reversed where less is better).
pub fn class_fills(def: Option<&IndicatorDef>, classes: &[ValueClass]) -> Vec<Rgba> {
    style::class_colors(classes.len(), def.is_none_or(|d| d.higher_is_better))
}

/// The legend of `classes`: one line per class, then "no data" when `any_missing`.
pub fn class_legend(
    def: Option<&IndicatorDef>,
    classes: &[ValueClass],
    any_missing: bool,
    lang: Lang,
) -> Vec<LegendItem> {
    let decimals = def.map_or(1, |d| d.decimals);
    let mut items: Vec<LegendItem> = classes
        .iter()
        .zip(class_fills(def, classes))
        .map(|(c, fill)| LegendItem::Class {
            fill,
            label: map_text::class_range(c.min, c.max, decimals, lang),
        })
        .collect();
    if any_missing || classes.is_empty() {
        items.push(LegendItem::NoData {
            fill: style::NO_DATA_FILL,
            label: MapText::NoData.get(lang).to_string(),
        });
    }
    items
}

/// The scene of `layer` on the current boundaries, coloured by `classes` (from
/// [`shared_classes`]). No symbols and no labels: compare maps are small and side by side, and
/// their tooltips name the region.
pub fn value_scene(
    ds: &Dataset,
    geometry: &MapGeometry,
    layer: &ValueLayer<'_>,
    classes: &[ValueClass],
) -> Scene {
    let lang = layer.lang;
    let fills = class_fills(layer.def, classes);
    let (decimals, unit) = layer.def.map_or((1, ""), |d| (d.decimals, d.unit.get(lang)));
    let paint = RegionPaint {
        title: layer.title,
        subtitle: unit,
        legend_title: layer.def.map(|d| d.names.get(lang)).unwrap_or_default(),
        values: layer.values,
        lang,
        selected: layer.selected,
    };
    let fill = |v: f64| class_index(classes, v).and_then(|i| fills.get(i).copied());
    let label = |v: Option<f64>| format_value(v, decimals, unit, lang);
    let legend = |any_missing: bool| class_legend(layer.def, classes, any_missing, lang);
    region_scene(ds, geometry, &paint, &fill, &label, &legend)
}

/// The words and values of a scene of one value per current region.
pub(crate) struct RegionPaint<'a> {
    pub title: &'a str,
    /// Under the title and beside the legend: the unit.
    pub subtitle: &'a str,
    pub legend_title: &'a str,
    pub values: &'a [RegionValue],
    pub lang: Lang,
    pub selected: Option<&'a str>,
}

/// The scene of `paint` on the current boundaries: each region filled by `fill` of its value
/// (None or no value: the hatched no-data grey), its tooltip text from `label`, ranked by value
/// (1 = highest), and the legend `legend(any region without a value)`.
pub(crate) fn region_scene(
    ds: &Dataset,
    geometry: &MapGeometry,
    paint: &RegionPaint<'_>,
    fill: &dyn Fn(f64) -> Option<Rgba>,
    label: &dyn Fn(Option<f64>) -> String,
    legend: &dyn Fn(bool) -> Vec<LegendItem>,
) -> Scene {
    let lang = paint.lang;
    let mut ranked: Vec<(&str, f64)> =
        paint.values.iter().filter_map(|(c, v)| Some((c.as_str(), (*v)?))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut scene = Scene {
        title: paint.title.to_string(),
        subtitle: paint.subtitle.to_string(),
        source_line: MapText::SourceLine.get(lang).to_string(),
        ..Scene::default()
    };
    let legend_of = |items| Legend {
        title: paint.legend_title.to_string(),
        unit: paint.subtitle.to_string(),
        items,
    };
    let Some(edition) = ds.current_edition().and_then(|e| geometry.edition(&e.key)) else {
        scene.legend = legend_of(legend(true));
        return scene;
    };
    scene.bounds = edition.bounds;
    scene.edition = edition.key.clone();
    for unit in &edition.units {
        let value = paint.values.iter().find(|(c, _)| *c == unit.code).and_then(|(_, v)| *v);
        scene.regions.push(SceneRegion {
            code: unit.code.clone(),
            value_code: unit.code.clone(),
            name: short_name(ds, &unit.code, lang),
            value,
            value_label: label(value),
            note: None,
            rank: value
                .and_then(|_| ranked.iter().position(|(c, _)| *c == unit.code))
                .map(|i| i + 1),
            fill: value.and_then(fill).unwrap_or(style::NO_DATA_FILL),
            no_data: value.is_none(),
            selected: paint.selected == Some(unit.code.as_str()),
            mesh: unit.mesh.clone(),
            label_anchor: unit.label_anchor,
        });
    }
    let any_missing = scene.regions.iter().any(|r| r.no_data);
    scene.legend = legend_of(legend(any_missing));
    scene
}

/// A region's name without the explanatory parenthesis some names carry.
fn short_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    let Some(region) = ds.region(code) else { return code.to_string() };
    let name = region.names.get(lang);
    name.split(" (").next().unwrap_or(name).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(list: &[(&str, Option<f64>)]) -> Vec<RegionValue> {
        list.iter().map(|(c, v)| (c.to_string(), *v)).collect()
    }

    #[test]
    fn shared_classes_span_the_values_of_both_maps() {
        let a = values(&[("A", Some(1.0)), ("B", Some(2.0)), ("C", None)]);
        let b = values(&[("A", Some(10.0)), ("B", Some(20.0))]);
        let classes = shared_classes(&[&a, &b]);
        assert_eq!(classes.first().map(|c| c.min), Some(1.0));
        assert_eq!(classes.last().map(|c| c.max), Some(20.0));
        assert_eq!(classes.len(), 4);
    }

    #[test]
    fn the_same_value_gets_the_same_fill_on_two_scenes_of_one_scale() {
        let ds = crate::io::default_dataset::build().expect("default dataset");
        let geometry = MapGeometry::for_editions(&ds, &["2022"]);
        let def = ds.indicator("population");
        let a = actual_values(&ds, "population", 2023);
        let mut b = a.clone();
        // B has ten times the population of every region but Astana.
        for (code, v) in &mut b {
            if code != "KZ-AST" {
                *v = v.map(|x| x * 10.0);
            }
        }
        let classes = shared_classes(&[&a, &b]);
        let layer =
            ValueLayer { def, title: "t", values: &a, lang: Lang::En, selected: Some("KZ-AKM") };
        let sa = value_scene(&ds, &geometry, &layer, &classes);
        let sb = value_scene(&ds, &geometry, &ValueLayer { values: &b, ..layer }, &classes);
        assert_eq!(sa.regions.len(), 20);
        let fill =
            |s: &Scene, code: &str| s.regions.iter().find(|r| r.code == code).map(|r| r.fill);
        assert_eq!(fill(&sa, "KZ-AST"), fill(&sb, "KZ-AST"));
        // Ulytau, the smallest region, moves up to another class.
        assert_ne!(fill(&sa, "KZ-ULT"), fill(&sb, "KZ-ULT"));
        let selected: Vec<&str> =
            sa.regions.iter().filter(|r| r.selected).map(|r| r.code.as_str()).collect();
        assert_eq!(selected, vec!["KZ-AKM"]);
        assert!(sa.regions.iter().all(|r| !r.no_data));
    }
}
