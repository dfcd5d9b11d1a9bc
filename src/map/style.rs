//! Symbology of the map, shared by the scene builder and the painters: the choropleth ramp, the
//! diverging ramp of difference maps, outline and no-data colours, growth-point and project
//! symbols, corridor lines.

use crate::map::{LineStroke, LineStyle, Rgba, SymbolShape};
use crate::model::{CorridorKind, GrowthLevel, Sector};

/// Fill of a region without data (painters add hatching on top).
pub const NO_DATA_FILL: Rgba = Rgba::rgb(0xd4, 0xd4, 0xd4);
/// Hatching lines over `NO_DATA_FILL`.
pub const NO_DATA_HATCH: Rgba = Rgba::rgb(0x96, 0x96, 0x96);
/// Outline between regions.
pub const OUTLINE: Rgba = Rgba::rgb(0x4d, 0x4d, 0x4d);
/// Width of the outline between regions, px.
pub const OUTLINE_PX: f32 = 0.8;
/// Outline of the selected region.
pub const SELECTED_OUTLINE: Rgba = Rgba::rgb(0xd7, 0x19, 0x1c);
/// Width of the selected region's outline, px.
pub const SELECTED_OUTLINE_PX: f32 = 2.5;
/// Outline around a legacy group sharing one value.
pub const GROUP_OUTLINE: Rgba = Rgba::rgb(0x1a, 0x1a, 0x1a);
/// Width of a legacy group's outline, px.
pub const GROUP_OUTLINE_PX: f32 = 2.0;
/// Text colour of labels and titles.
pub const LABEL_TEXT: Rgba = Rgba::rgb(0x1a, 0x1a, 0x1a);
/// Halo behind label text, slightly transparent.
pub const LABEL_HALO: Rgba = Rgba([255, 255, 255, 210]);
/// Size of oblast labels, px.
pub const REGION_LABEL_PX: f32 = 12.0;
/// Size of the labels of the cities of republican significance, px.
pub const CITY_LABEL_PX: f32 = 10.5;

/// Most classes of the choropleth.
pub const MAX_CLASSES: usize = 5;

/// Colours of `count` choropleth classes from low to high values: ColorBrewer's YlGnBu, which is
/// colour-blind safe and prints in grey, trimmed at the pale end so the lowest class stays apart
/// from the no-data grey. Reversed when lower is better (unemployment), so dark always means
/// "doing well".
pub fn class_colors(count: usize, higher_is_better: bool) -> Vec<Rgba> {
    let (lo, hi) = (0.14, 0.92);
    (0..count)
        .map(|i| {
            let t = if count <= 1 { 0.6 } else { lo + (hi - lo) * i as f64 / (count - 1) as f64 };
            let t = if higher_is_better { t } else { lo + hi - t };
            let c = colorous::YELLOW_GREEN_BLUE.eval_continuous(t);
            Rgba::rgb(c.r, c.g, c.b)
        })
        .collect()
}

/// Colour of the middle class of a difference map: no change (`diverging_colors`' centre).
pub const NEUTRAL_FILL: Rgba = Rgba::rgb(0xf5, 0xf5, 0xf5);

/// Colours of a difference map's `2 × per_side + 1` classes from the largest loss to the largest
/// gain: ColorBrewer's BrBG (colour-blind safe), brown for losses and blue-green for gains, with
/// the near-white `NEUTRAL_FILL` in the middle for "no change". Each side is trimmed at the pale
/// end so that its faintest class stays apart from the neutral one, and at the dark end so the
/// outlines stay visible. When lower is better (unemployment) the sides swap, so blue-green
/// always means "better in B".
pub fn diverging_colors(per_side: usize, higher_is_better: bool) -> Vec<Rgba> {
    let (lo, hi) = (0.30, 0.92);
    let step = |k: usize| {
        if per_side <= 1 { hi } else { lo + (hi - lo) * k as f64 / (per_side - 1) as f64 }
    };
    let color = |t: f64| {
        let c = colorous::BROWN_GREEN.eval_continuous(t.clamp(0.0, 1.0));
        Rgba::rgb(c.r, c.g, c.b)
    };
    // Distance from the centre of the gradient: +d is the gain side.
    let at = |d: f64| color(if higher_is_better { 0.5 + d / 2.0 } else { 0.5 - d / 2.0 });
    let losses = (0..per_side).rev().map(|k| at(-step(k)));
    let gains = (0..per_side).map(|k| at(step(k)));
    losses.chain(std::iter::once(NEUTRAL_FILL)).chain(gains).collect()
}

/// Town population at which a growth-point circle has `GROWTH_POINT_REFERENCE_PX` radius.
pub const GROWTH_POINT_REFERENCE_POPULATION: f64 = 2_000_000.0;
/// Radius of a town of `GROWTH_POINT_REFERENCE_POPULATION`, px.
pub const GROWTH_POINT_REFERENCE_PX: f32 = 16.0;
/// Smallest circle, so small towns stay visible.
pub const GROWTH_POINT_MIN_PX: f32 = 2.5;
/// Radius of a town without a known population.
pub const GROWTH_POINT_UNKNOWN_PX: f32 = 3.0;
/// Populations shown in the legend of circle sizes.
pub const GROWTH_POINT_LEGEND_POPULATIONS: [f64; 3] = [1_000_000.0, 250_000.0, 50_000.0];

/// Radius of a growth point: its area is proportional to the population.
pub fn growth_point_radius(population: Option<u64>) -> f32 {
    let Some(population) = population else { return GROWTH_POINT_UNKNOWN_PX };
    let ratio = population as f64 / GROWTH_POINT_REFERENCE_POPULATION;
    (GROWTH_POINT_REFERENCE_PX * ratio.sqrt() as f32).max(GROWTH_POINT_MIN_PX)
}

/// Fill of an ordinary growth point (monotowns are orange, which stands out from the blue ramp).
pub const TOWN_FILL: Rgba = Rgba([255, 255, 255, 220]);
/// Fill of a monotown.
pub const MONOTOWN_FILL: Rgba = Rgba([0xe6, 0x7e, 0x22, 235]);

/// Stroke colour and width of a growth point by level: the higher the level, the heavier.
pub fn growth_level_stroke(level: Option<GrowthLevel>) -> (Rgba, f32) {
    match level {
        Some(GrowthLevel::First) => (Rgba::rgb(0x67, 0x00, 0x1f), 3.0),
        Some(GrowthLevel::Second) => (Rgba::rgb(0x1a, 0x1a, 0x1a), 1.8),
        Some(GrowthLevel::Third) => (Rgba::rgb(0x40, 0x40, 0x40), 1.0),
        None => (Rgba::rgb(0x80, 0x80, 0x80), 0.6),
    }
}

/// Radius of a project symbol.
pub const PROJECT_PX: f32 = 5.5;
/// Outline of a project symbol, so it stays visible on dark fills.
pub const PROJECT_STROKE: Rgba = Rgba::rgb(0xff, 0xff, 0xff);
/// Width of a project symbol's outline, px.
pub const PROJECT_STROKE_PX: f32 = 1.0;

/// Shape and colour of a project's sector: Okabe–Ito colours (distinguishable with every common
/// colour-vision deficiency) on four shapes, none of them the growth points' circle.
pub fn sector_symbol(sector: Sector) -> (SymbolShape, Rgba) {
    match sector {
        Sector::Metallurgy => (SymbolShape::Square, Rgba::rgb(0xd5, 0x5e, 0x00)),
        Sector::Petrochemicals => (SymbolShape::Diamond, Rgba::rgb(0x00, 0x00, 0x00)),
        Sector::Energy => (SymbolShape::Star, Rgba::rgb(0xe6, 0x9f, 0x00)),
        Sector::MachineBuilding => (SymbolShape::Square, Rgba::rgb(0x00, 0x72, 0xb2)),
        Sector::Agriculture => (SymbolShape::Triangle, Rgba::rgb(0x00, 0x9e, 0x73)),
        Sector::Transport => (SymbolShape::Diamond, Rgba::rgb(0x56, 0xb4, 0xe9)),
        Sector::ConstructionMaterials => (SymbolShape::Triangle, Rgba::rgb(0xcc, 0x79, 0xa7)),
        Sector::Other => (SymbolShape::Star, Rgba::rgb(0x6e, 0x6e, 0x6e)),
    }
}

/// Corridor kinds in drawing order, bottom to top (a railway crossing a road stays whole), and
/// the order of the legend.
pub const CORRIDOR_KINDS: [CorridorKind; 4] =
    [CorridorKind::Pipeline, CorridorKind::PowerLine, CorridorKind::Road, CorridorKind::Railway];

/// A white halo of `width_px` under a coloured line, so it reads over the darkest fills.
const fn halo(width_px: f32) -> Option<LineStroke> {
    Some(LineStroke { color: Rgba([255, 255, 255, 215]), width_px, dash: &[] })
}

/// How a corridor of `kind` is drawn. The four differ in pattern and width as well as colour,
/// so they stay apart in greyscale print and on a washed-out projector: a railway is the
/// cartographic black line with white dashes; a road a solid orange-brown line; a power line a
/// thin violet dash-dot; a pipeline a teal dashed line. Colours are from the colour-blind-safe
/// PuOr, PRGn and BrBG schemes and keep clear of the blue choropleth ramp.
pub fn corridor_style(kind: CorridorKind) -> LineStyle {
    match kind {
        CorridorKind::Railway => LineStyle {
            casing: Some(LineStroke {
                color: Rgba::rgb(0x26, 0x26, 0x26),
                width_px: 4.0,
                dash: &[],
            }),
            line: LineStroke {
                color: Rgba::rgb(0xff, 0xff, 0xff),
                width_px: 2.0,
                dash: &[8.0, 8.0],
            },
        },
        CorridorKind::Road => LineStyle {
            casing: halo(4.8),
            line: LineStroke { color: Rgba::rgb(0xb3, 0x58, 0x06), width_px: 3.0, dash: &[] },
        },
        CorridorKind::PowerLine => LineStyle {
            casing: halo(3.8),
            line: LineStroke {
                color: Rgba::rgb(0x76, 0x2a, 0x83),
                width_px: 1.8,
                dash: &[9.0, 3.0, 2.0, 3.0],
            },
        },
        CorridorKind::Pipeline => LineStyle {
            casing: halo(4.4),
            line: LineStroke {
                color: Rgba::rgb(0x01, 0x66, 0x5e),
                width_px: 2.6,
                dash: &[6.0, 3.5],
            },
        },
    }
}

/// Factor of corridor widths (and dashes) at camera zoom `zoom` (1 = the whole country): lines
/// thicken a little as the planner zooms in, so they keep their weight against the enlarged
/// regions, but never more than double.
pub fn line_zoom_scale(zoom: f32) -> f32 {
    if zoom.is_finite() { zoom.max(1.0).powf(0.3).min(2.0) } else { 1.0 }
}

/// Corners of a symbol of `shape` with "radius" `radius` around `centre`, in the coordinates of
/// `centre` with y pointing down (screen); None for a circle. Sizes are chosen so shapes of one
/// radius look equally heavy. Painters and the export use this so symbols look the same.
pub fn symbol_polygon(shape: SymbolShape, centre: [f32; 2], radius: f32) -> Option<Vec<[f32; 2]>> {
    let [cx, cy] = centre;
    let at = |angle_deg: f32, r: f32| {
        let a = angle_deg.to_radians();
        [cx + r * a.sin(), cy - r * a.cos()]
    };
    match shape {
        SymbolShape::Circle => None,
        SymbolShape::Square => {
            let h = radius * 0.88;
            Some(vec![[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h]])
        }
        SymbolShape::Triangle => {
            let r = radius * 1.25;
            Some(vec![at(0.0, r), at(120.0, r), at(240.0, r)])
        }
        SymbolShape::Diamond => {
            let r = radius * 1.15;
            Some(vec![at(0.0, r), at(90.0, r), at(180.0, r), at(270.0, r)])
        }
        SymbolShape::Star => {
            let (outer, inner) = (radius * 1.3, radius * 0.55);
            Some(
                (0..10)
                    .map(|i| at(i as f32 * 36.0, if i % 2 == 0 { outer } else { inner }))
                    .collect(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_colors_darken_with_value_and_reverse_when_lower_is_better() {
        let luma = |c: &Rgba| {
            let [r, g, b, _] = c.0;
            0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b)
        };
        let up = class_colors(5, true);
        assert_eq!(up.len(), 5);
        assert!(up.windows(2).all(|w| luma(&w[0]) > luma(&w[1])));
        let down = class_colors(5, false);
        assert_eq!(down.first(), up.last());
        assert_eq!(down.last(), up.first());
        // The palest class stays clearly apart from the no-data grey.
        assert!((luma(&up[0]) - luma(&NO_DATA_FILL)).abs() > 15.0);
    }

    #[test]
    fn diverging_colors_darken_away_from_a_neutral_centre_and_swap_when_lower_is_better() {
        let luma = |c: &Rgba| {
            let [r, g, b, _] = c.0;
            0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b)
        };
        let up = diverging_colors(3, true);
        assert_eq!(up.len(), 7);
        assert_eq!(up[3], NEUTRAL_FILL);
        // Darker the further from the centre, on both sides.
        assert!(luma(&up[0]) < luma(&up[1]) && luma(&up[1]) < luma(&up[2]));
        assert!(luma(&up[6]) < luma(&up[5]) && luma(&up[5]) < luma(&up[4]));
        assert!(luma(&up[2]) < luma(&NEUTRAL_FILL) - 20.0);
        assert!(luma(&up[4]) < luma(&NEUTRAL_FILL) - 20.0);
        // Gains are blue-green (more green and blue than red), losses brown (more red).
        let [r, g, b, _] = up[6].0;
        assert!(g > r && b > r, "{:?}", up[6]);
        let [r, g, b, _] = up[0].0;
        assert!(r > b && r >= g, "{:?}", up[0]);
        let down = diverging_colors(3, false);
        let reversed: Vec<Rgba> = up.iter().rev().copied().collect();
        assert_eq!(down, reversed);
    }

    #[test]
    fn growth_point_area_is_proportional_to_population() {
        let big = growth_point_radius(Some(2_000_000));
        let quarter = growth_point_radius(Some(500_000));
        assert_eq!(big, GROWTH_POINT_REFERENCE_PX);
        assert!((quarter - big / 2.0).abs() < 1e-4);
        assert_eq!(growth_point_radius(Some(1_000)), GROWTH_POINT_MIN_PX);
        assert_eq!(growth_point_radius(None), GROWTH_POINT_UNKNOWN_PX);
    }

    #[test]
    fn symbol_polygons_are_centred_and_point_up() {
        assert_eq!(symbol_polygon(SymbolShape::Circle, [0.0, 0.0], 5.0), None);
        let square = symbol_polygon(SymbolShape::Square, [10.0, 20.0], 5.0).unwrap();
        let expected = [[5.6, 15.6], [14.4, 15.6], [14.4, 24.4], [5.6, 24.4]];
        for (p, e) in square.iter().zip(expected) {
            assert!((p[0] - e[0]).abs() < 1e-5 && (p[1] - e[1]).abs() < 1e-5, "{p:?} vs {e:?}");
        }
        let triangle = symbol_polygon(SymbolShape::Triangle, [0.0, 0.0], 4.0).unwrap();
        assert!((triangle[0][0]).abs() < 1e-6 && (triangle[0][1] + 5.0).abs() < 1e-6);
        let star = symbol_polygon(SymbolShape::Star, [0.0, 0.0], 10.0).unwrap();
        assert_eq!(star.len(), 10);
        let mean_x: f32 = star.iter().map(|p| p[0]).sum::<f32>() / 10.0;
        assert!(mean_x.abs() < 1e-4);
    }

    #[test]
    fn corridor_kinds_differ_in_pattern_or_width_not_only_in_colour() {
        // What survives greyscale printing: the top line's width and dash pattern, the casing.
        let looks: Vec<(u32, &[f32], bool)> = CORRIDOR_KINDS
            .iter()
            .map(|k| {
                let s = corridor_style(*k);
                ((s.line.width_px * 10.0) as u32, s.line.dash, s.casing.is_some())
            })
            .collect();
        for (i, a) in looks.iter().enumerate() {
            for b in looks.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
        // The railway's body is dark and its dashes white: it reads in black and white.
        let rail = corridor_style(CorridorKind::Railway);
        assert_eq!(rail.casing.map(|c| c.color), Some(Rgba::rgb(0x26, 0x26, 0x26)));
        assert_eq!(rail.line.color, Rgba::rgb(0xff, 0xff, 0xff));
        // Dash patterns pair every dash with a gap.
        assert!(
            CORRIDOR_KINDS.iter().all(|k| corridor_style(*k).line.dash.len().is_multiple_of(2))
        );
    }

    #[test]
    fn corridor_widths_grow_gently_with_zoom_and_at_most_double() {
        assert_eq!(line_zoom_scale(1.0), 1.0);
        assert_eq!(line_zoom_scale(0.5), 1.0);
        assert!((line_zoom_scale(8.0) - 8.0_f32.powf(0.3)).abs() < 1e-6);
        assert_eq!(line_zoom_scale(1000.0), 2.0);
        assert_eq!(line_zoom_scale(f32::NAN), 1.0);
    }

    #[test]
    fn every_sector_has_its_own_shape_and_colour_pair_and_no_circle() {
        let pairs: Vec<_> = Sector::ALL.iter().map(|s| sector_symbol(*s)).collect();
        for (i, a) in pairs.iter().enumerate() {
            assert_ne!(a.0, SymbolShape::Circle);
            for b in pairs.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
    }
}
