//! Difference maps: per current region, side B minus side A of a comparison (or B / A − 1 in
//! per cent) on a diverging colour scale whose classes are symmetric around zero, with a neutral
//! middle class for "no change" — so a region an edit did not touch stays visibly neutral while
//! the touched one takes a colour on the gain or the loss side.

use crate::i18n::scenario_ui_text::ScenarioUiText;
use crate::i18n::{MapText, format_number};
use crate::map::projected::{RegionPaint, RegionValue, region_scene};
use crate::map::{LegendItem, MapGeometry, Rgba, Scene, style};
use crate::model::{Dataset, IndicatorDef, Lang};

/// Classes on each side of zero (plus the neutral one in the middle).
pub const CLASSES_PER_SIDE: usize = 3;
/// Two values closer than this share of the larger one are "no change": the engine computes B
/// and A along the same path, so an untouched region differs by rounding noise at most.
pub const UNCHANGED_SHARE: f64 = 1e-9;
/// Decimals of a change in per cent.
const PERCENT_DECIMALS: u8 = 1;

/// What a difference map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DifferenceMode {
    /// B − A in the indicator's unit.
    #[default]
    Absolute,
    /// B / A − 1, in per cent of A.
    Relative,
}

/// The difference of `b` from `a` in `mode`: exactly 0 when the two are equal up to
/// [`UNCHANGED_SHARE`]; None when either is unknown, or for a relative change of an A of 0.
pub fn difference(a: Option<f64>, b: Option<f64>, mode: DifferenceMode) -> Option<f64> {
    let (a, b) = (a?, b?);
    if (b - a).abs() <= UNCHANGED_SHARE * a.abs().max(b.abs()) {
        return Some(0.0);
    }
    match mode {
        DifferenceMode::Absolute => Some(b - a),
        DifferenceMode::Relative if a != 0.0 => Some((b / a - 1.0) * 100.0),
        DifferenceMode::Relative => None,
    }
}

/// The difference of every region of `a` (and of any region only `b` lists, as unknown).
pub fn differences(a: &[RegionValue], b: &[RegionValue], mode: DifferenceMode) -> Vec<RegionValue> {
    let value_of =
        |set: &[RegionValue], code: &str| set.iter().find(|(c, _)| c == code).and_then(|(_, v)| *v);
    let mut out: Vec<RegionValue> = a
        .iter()
        .map(|(code, va)| (code.clone(), difference(*va, value_of(b, code), mode)))
        .collect();
    for (code, _) in b {
        if !a.iter().any(|(c, _)| c == code) {
            out.push((code.clone(), None));
        }
    }
    out
}

/// Classes symmetric around zero: `per_side` classes of width `step` below zero, the neutral
/// class of exactly zero, and `per_side` above; `step` is a round number (1, 2, 2.5 or 5 times a
/// power of ten) so the legend reads easily.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DivergingScale {
    /// Width of each non-neutral class; 0 when every difference is zero.
    pub step: f64,
    pub per_side: usize,
}

impl DivergingScale {
    /// The scale that holds every value of `values` in its outermost classes.
    pub fn for_values(values: &[RegionValue], per_side: usize) -> DivergingScale {
        let largest = values
            .iter()
            .filter_map(|(_, v)| *v)
            .filter(|v| v.is_finite())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        let per_side = per_side.max(1);
        DivergingScale { step: round_step(largest / per_side as f64), per_side }
    }

    /// Index of the neutral class.
    pub fn neutral(&self) -> usize {
        self.per_side
    }

    /// Number of classes: losses, neutral, gains.
    pub fn class_count(&self) -> usize {
        2 * self.per_side + 1
    }

    /// The class of `value`: the neutral one for 0, else the class on its side whose range holds
    /// it (values beyond the outermost class go into it). None for a non-finite value.
    pub fn class_of(&self, value: f64) -> Option<usize> {
        if !value.is_finite() {
            return None;
        }
        if value == 0.0 || self.step <= 0.0 {
            return Some(self.neutral());
        }
        // ceil: a value of exactly k steps belongs to the k-th class, and a tiny one to the first.
        let k = ((value.abs() / self.step).ceil() as usize).clamp(1, self.per_side);
        Some(if value > 0.0 { self.per_side + k } else { self.per_side - k })
    }

    /// The range of class `index` (the neutral class: 0 to 0).
    pub fn bounds(&self, index: usize) -> (f64, f64) {
        let offset = index as f64 - self.per_side as f64;
        if offset > 0.0 {
            ((offset - 1.0) * self.step, offset * self.step)
        } else if offset < 0.0 {
            (offset * self.step, (offset + 1.0) * self.step)
        } else {
            (0.0, 0.0)
        }
    }

    /// Decimals that show every class boundary exactly.
    pub fn decimals(&self) -> u8 {
        if self.step <= 0.0 {
            return 0;
        }
        let exponent = self.step.log10().floor();
        let mantissa = self.step / 10_f64.powf(exponent);
        let extra = if (mantissa - 2.5).abs() < 1e-9 { 1.0 } else { 0.0 };
        (extra - exponent).clamp(0.0, 6.0) as u8
    }
}

/// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `x` (0 for `x` ≤ 0).
fn round_step(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 0.0;
    }
    let power = 10_f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * power).find(|s| *s >= x).unwrap_or(x)
}

/// `value` with its sign: "+1 234,5", "−12,0", "0" for a value that rounds to zero.
pub fn signed_number(value: f64, decimals: u8, lang: Lang) -> String {
    let text = format_number(value, decimals, lang);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

/// The fill of each class of `scale`, from the largest loss to the largest gain.
pub fn class_fills(def: Option<&IndicatorDef>, scale: &DivergingScale) -> Vec<Rgba> {
    style::diverging_colors(scale.per_side, def.is_none_or(|d| d.higher_is_better))
}

/// The legend of `scale`: the loss classes, "no change", the gain classes (only "no change"
/// when every difference is zero), then "no data" when `any_missing`.
pub fn difference_legend(
    def: Option<&IndicatorDef>,
    scale: &DivergingScale,
    mode: DifferenceMode,
    any_missing: bool,
    lang: Lang,
) -> Vec<LegendItem> {
    let fills = class_fills(def, scale);
    let decimals = match mode {
        DifferenceMode::Absolute => scale.decimals(),
        DifferenceMode::Relative => scale.decimals().min(PERCENT_DECIMALS + 1),
    };
    let mut items: Vec<LegendItem> = (0..scale.class_count())
        .filter(|&i| scale.step > 0.0 || i == scale.neutral())
        .filter_map(|i| {
            let fill = *fills.get(i)?;
            let label = if i == scale.neutral() {
                ScenarioUiText::NoChange.get(lang).to_string()
            } else {
                let (lo, hi) = scale.bounds(i);
                format!(
                    "{} – {}",
                    signed_number(lo, decimals, lang),
                    signed_number(hi, decimals, lang)
                )
            };
            Some(LegendItem::Class { fill, label })
        })
        .collect();
    if any_missing {
        items.push(LegendItem::NoData {
            fill: style::NO_DATA_FILL,
            label: MapText::NoData.get(lang).to_string(),
        });
    }
    items
}

/// The title of a difference map: "B − A: GRP, 2030" or "B / A − 1: GRP, 2030".
pub fn difference_title(indicator: &str, year: i32, mode: DifferenceMode, lang: Lang) -> String {
    let formula = match mode {
        DifferenceMode::Absolute => ScenarioUiText::Difference,
        DifferenceMode::Relative => ScenarioUiText::RelativeFormula,
    };
    format!("{}: {indicator}, {year}", formula.get(lang))
}

/// What a difference map shows: both sides' values of one indicator and year.
#[derive(Debug, Clone, Copy)]
pub struct DifferenceLayer<'a> {
    /// Names, unit, decimals and colour direction of the indicator (None: plain numbers).
    pub def: Option<&'a IndicatorDef>,
    pub title: &'a str,
    pub a: &'a [RegionValue],
    pub b: &'a [RegionValue],
    pub mode: DifferenceMode,
    pub lang: Lang,
    /// Code of the selected region, outlined.
    pub selected: Option<&'a str>,
}

/// The difference map of `layer` on the current boundaries: each region's B − A (or B / A − 1)
/// on a diverging scale of [`CLASSES_PER_SIDE`] classes a side, with its legend. Regions where
/// either side has no value are hatched as "no data".
pub fn difference_scene(
    ds: &Dataset,
    geometry: &MapGeometry,
    layer: &DifferenceLayer<'_>,
) -> Scene {
    let lang = layer.lang;
    let values = differences(layer.a, layer.b, layer.mode);
    let scale = DivergingScale::for_values(&values, CLASSES_PER_SIDE);
    let fills = class_fills(layer.def, &scale);
    let (decimals, unit) = match layer.mode {
        DifferenceMode::Absolute => layer.def.map_or((1, ""), |d| (d.decimals, d.unit.get(lang))),
        DifferenceMode::Relative => (PERCENT_DECIMALS, "%"),
    };
    let legend_title = match layer.mode {
        DifferenceMode::Absolute => ScenarioUiText::Difference,
        DifferenceMode::Relative => ScenarioUiText::RelativeFormula,
    };
    let paint = RegionPaint {
        title: layer.title,
        subtitle: unit,
        legend_title: legend_title.get(lang),
        values: &values,
        lang,
        selected: layer.selected,
    };
    let fill = |v: f64| scale.class_of(v).and_then(|i| fills.get(i).copied());
    let label = |v: Option<f64>| match v {
        Some(0.0) => ScenarioUiText::NoChange.get(lang).to_string(),
        Some(v) if unit.is_empty() => signed_number(v, decimals, lang),
        Some(v) if unit == "%" => format!("{} %", signed_number(v, decimals, lang)),
        Some(v) => format!("{} {unit}", signed_number(v, decimals, lang)),
        None => MapText::NoData.get(lang).to_string(),
    };
    // Without a single value (the actual data of a year not yet reported) the key says only
    // "no data": nothing is unchanged.
    let any_value = values.iter().any(|(_, v)| v.is_some());
    let legend = |any_missing: bool| {
        let mut items = difference_legend(layer.def, &scale, layer.mode, any_missing, lang);
        if !any_value {
            items.retain(|i| matches!(i, LegendItem::NoData { .. }));
        }
        items
    };
    region_scene(ds, geometry, &paint, &fill, &label, &legend)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(list: &[(&str, Option<f64>)]) -> Vec<RegionValue> {
        list.iter().map(|(c, v)| (c.to_string(), *v)).collect()
    }

    #[test]
    fn equal_values_differ_by_exactly_zero_and_unknown_sides_by_nothing() {
        use DifferenceMode::{Absolute, Relative};
        assert_eq!(difference(Some(100.0), Some(100.0), Absolute), Some(0.0));
        // Rounding noise of the engine is no change.
        assert_eq!(difference(Some(1e6), Some(1e6 + 1e-7), Absolute), Some(0.0));
        assert_eq!(difference(Some(100.0), Some(110.0), Absolute), Some(10.0));
        let relative = difference(Some(100.0), Some(110.0), Relative).expect("known");
        assert!((relative - 10.0).abs() < 1e-9, "{relative}");
        assert_eq!(difference(Some(0.0), Some(5.0), Relative), None);
        assert_eq!(difference(None, Some(5.0), Absolute), None);
        assert_eq!(difference(Some(5.0), None, Relative), None);
    }

    #[test]
    fn zero_differences_get_the_neutral_class_and_signs_opposite_sides() {
        let a = values(&[("A", Some(100.0)), ("B", Some(50.0)), ("C", Some(10.0)), ("D", None)]);
        let b = values(&[("A", Some(100.0)), ("B", Some(80.0)), ("C", Some(4.0)), ("D", None)]);
        let d = differences(&a, &b, DifferenceMode::Absolute);
        assert_eq!(
            d,
            values(&[("A", Some(0.0)), ("B", Some(30.0)), ("C", Some(-6.0)), ("D", None)])
        );
        let scale = DivergingScale::for_values(&d, 3);
        // 30 / 3 = 10 a class.
        assert_eq!(scale.step, 10.0);
        assert_eq!(scale.class_of(0.0), Some(3));
        assert_eq!(scale.class_of(30.0), Some(6));
        assert_eq!(scale.class_of(-6.0), Some(2));
        assert_eq!(scale.class_of(10.0), Some(4));
        assert_eq!(scale.class_of(10.5), Some(5));
        assert_eq!(scale.class_of(1e-12), Some(4));
        assert_eq!(scale.class_of(-1e-12), Some(2));
        assert_eq!(scale.bounds(0), (-30.0, -20.0));
        assert_eq!(scale.bounds(4), (0.0, 10.0));
        assert_eq!(scale.class_of(f64::NAN), None);
        let fills = class_fills(None, &scale);
        assert_eq!(fills.get(3), Some(&style::NEUTRAL_FILL));
    }

    #[test]
    fn class_steps_are_round_numbers_covering_the_largest_difference() {
        let scale = |x: f64| DivergingScale::for_values(&values(&[("A", Some(x))]), 3);
        assert_eq!(scale(7.0).step, 2.5);
        assert_eq!(scale(7.0).decimals(), 1);
        assert_eq!(scale(-1450.0).step, 500.0);
        assert_eq!(scale(-1450.0).decimals(), 0);
        assert_eq!(scale(0.12).step, 0.05);
        assert_eq!(scale(0.12).decimals(), 2);
        assert_eq!(scale(0.0).step, 0.0);
        assert_eq!(scale(0.0).class_of(0.0), Some(3));
    }

    #[test]
    fn the_legend_runs_from_losses_through_no_change_to_gains() {
        let scale = DivergingScale { step: 10.0, per_side: 3 };
        let items = difference_legend(None, &scale, DifferenceMode::Absolute, true, Lang::En);
        let labels: Vec<&str> = items
            .iter()
            .map(|i| match i {
                LegendItem::Class { label, .. } | LegendItem::NoData { label, .. } => {
                    label.as_str()
                }
                _ => "",
            })
            .collect();
        assert_eq!(
            labels,
            vec![
                "−30 – −20",
                "−20 – −10",
                "−10 – 0",
                "No change",
                "0 – +10",
                "+10 – +20",
                "+20 – +30",
                "No data"
            ]
        );
        let flat = DivergingScale { step: 0.0, per_side: 3 };
        let items = difference_legend(None, &flat, DifferenceMode::Relative, false, Lang::Ru);
        assert_eq!(
            items,
            vec![LegendItem::Class {
                fill: style::NEUTRAL_FILL, label: "Без изменений".into()
            }]
        );
    }

    #[test]
    fn a_difference_scene_colours_only_the_changed_region() {
        let ds = crate::io::default_dataset::build().expect("default dataset");
        let geometry = MapGeometry::for_editions(&ds, &["2022"]);
        let def = ds.indicator("population");
        let a = crate::map::projected::actual_values(&ds, "population", 2023);
        let mut b = a.clone();
        for (code, v) in &mut b {
            if code == "KZ-AKM" {
                *v = v.map(|x| x * 1.12);
            }
            if code == "KZ-ULT" {
                *v = v.map(|x| x * 0.95);
            }
        }
        let layer = DifferenceLayer {
            def,
            title: "B − A",
            a: &a,
            b: &b,
            mode: DifferenceMode::Relative,
            lang: Lang::En,
            selected: Some("KZ-ULT"),
        };
        let scene = difference_scene(&ds, &geometry, &layer);
        assert_eq!(scene.regions.len(), 20);
        let region = |code: &str| scene.regions.iter().find(|r| r.code == code).expect(code);
        let colors = style::diverging_colors(CLASSES_PER_SIDE, true);
        // +12 % is the largest change: the darkest gain class; −5 % a loss class.
        assert_eq!(Some(&region("KZ-AKM").fill), colors.last());
        assert_eq!(region("KZ-AKM").value_label, "+12.0 %");
        let ulytau = region("KZ-ULT");
        assert!(colors[..CLASSES_PER_SIDE].contains(&ulytau.fill), "{:?}", ulytau.fill);
        assert!(ulytau.selected);
        for r in scene.regions.iter().filter(|r| r.code != "KZ-AKM" && r.code != "KZ-ULT") {
            assert_eq!(r.fill, style::NEUTRAL_FILL, "{}", r.code);
            assert_eq!(r.value, Some(0.0));
            assert_eq!(r.value_label, "No change");
        }
        assert_eq!(scene.legend.items.len(), 2 * CLASSES_PER_SIDE + 1);
        assert_eq!(scene.legend.unit, "%");

        // Against a side without values every region is hatched and the key says only that.
        let none: Vec<RegionValue> = a.iter().map(|(c, _)| (c.clone(), None)).collect();
        let scene = difference_scene(&ds, &geometry, &DifferenceLayer { b: &none, ..layer });
        assert!(scene.regions.iter().all(|r| r.no_data && r.fill == style::NO_DATA_FILL));
        assert_eq!(
            scene.legend.items,
            vec![LegendItem::NoData { fill: style::NO_DATA_FILL, label: "No data".into() }]
        );
    }
}
