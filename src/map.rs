//! The map scene for a view: filled regions, outlines, symbols, labels and legend, in projected
//! world coordinates. Renderer-neutral: the egui painter (`ui::map_view`) and the SVG/PNG export
//! (`export`) both draw the same `Scene`, so what the planner exports is what they saw.
//!
//! `MapGeometry::new` projects, simplifies and triangulates every boundary edition once per
//! dataset; `build_scene` turns a `MapView` (indicator, year, language, boundary mode, layers)
//! into a `Scene` in well under a millisecond, so views can be rebuilt on every change.

use std::sync::Arc;

use crate::model::{CorridorKind, Lang};

mod build;
pub mod difference;
mod geometry;
pub mod projected;
pub mod style;
#[cfg(test)]
mod tests;

pub use crate::analysis::BoundaryMode;
pub use build::build_scene;
pub use geometry::{EditionGeometry, MapGeometry, UnitGeometry};

/// An sRGB colour with alpha, independent of any renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba([r, g, b, 255])
    }

    /// `#rrggbb`, as SVG wants it.
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    pub fn alpha(self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }
}

/// A point in projected world coordinates (metres on the equal-area projection; y north).
pub type WorldPos = [f32; 2];

/// Triangles of one region, world coordinates; computed once per dataset and shared.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegionMesh {
    pub vertices: Vec<WorldPos>,
    /// Three indices per triangle into `vertices`.
    pub indices: Vec<u32>,
    /// Closed rings (exterior and holes) for outlines, world coordinates.
    pub rings: Vec<Vec<WorldPos>>,
    /// Extent of the vertices: min x, min y, max x, max y.
    pub bbox: [f32; 4],
}

impl RegionMesh {
    /// Whether `p` lies inside the region (even-odd over all rings, so holes are outside).
    pub fn contains(&self, p: WorldPos) -> bool {
        let [min_x, min_y, max_x, max_y] = self.bbox;
        if p[0] < min_x || p[0] > max_x || p[1] < min_y || p[1] > max_y {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            let mut previous = ring.last().copied();
            for &b in ring {
                let Some(a) = previous else { break };
                if (a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
                {
                    inside = !inside;
                }
                previous = Some(b);
            }
        }
        inside
    }
}

/// One drawn unit of the map: a region of the drawn edition with its fill.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneRegion {
    /// Code of the drawn unit (`KZ-ABY`, or `KZ-VOS@2018` on the 2018 edition).
    pub code: String,
    /// Code of the unit whose value colours it (differs when a legacy value covers successors).
    pub value_code: String,
    pub name: String,
    pub value: Option<f64>,
    /// The value formatted for the view's language with its unit, or "no data".
    pub value_label: String,
    /// Why the value is not the unit's own, for the tooltip: the legacy group it belongs to
    /// ("East Kazakhstan Region (boundaries before 2022, incl. Abay Region)") or the units it
    /// was computed from. None for a reported value.
    pub note: Option<String>,
    /// Rank among the drawn units with a value (1 = highest), for the tooltip.
    pub rank: Option<usize>,
    pub fill: Rgba,
    /// True when the region has no value: drawn grey with hatching, never as zero.
    pub no_data: bool,
    pub selected: bool,
    pub mesh: Arc<RegionMesh>,
    /// Where the label goes (inside the region), world coordinates.
    pub label_anchor: WorldPos,
}

/// Point symbol shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SymbolShape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Star,
}

/// Which layer a point symbol belongs to, and which object it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SymbolRef {
    /// A growth point, by `GrowthPoint::id`.
    GrowthPoint(i64),
    /// A project, by `Project::code`.
    Project(String),
}

/// A point symbol sized in screen pixels (it does not grow with zoom).
#[derive(Debug, Clone, PartialEq)]
pub struct SceneSymbol {
    pub pos: WorldPos,
    pub object: SymbolRef,
    pub shape: SymbolShape,
    /// Radius in screen pixels at zoom 1.
    pub radius_px: f32,
    pub fill: Rgba,
    pub stroke: Rgba,
    pub stroke_px: f32,
    /// Shown on hover.
    pub tooltip: String,
}

/// What a mark on a region says: its class went up, down, or stayed the same (the change
/// map's signs, so that colour is never the only one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Up,
    Down,
    Same,
}

impl MarkKind {
    /// Half the size of a mark, screen pixels at zoom 1 (pixels of the 1600-px export).
    pub const SIZE_PX: f32 = 7.0;
    /// Width of the light halo around a mark, same units.
    pub const HALO_PX: f32 = 1.5;
    /// The mark's colour: dark, so it reads on every fill.
    pub const FILL: Rgba = Rgba::rgb(0x1a, 0x1a, 0x1a);
    /// The halo's colour.
    pub const HALO: Rgba = Rgba::rgb(0xff, 0xff, 0xff);

    /// The mark's outline around `centre` with half-size `size`, in screen coordinates (y
    /// down): a triangle pointing up or down, or a flat bar for "same". Every painter draws
    /// this polygon filled with [`FILL`](Self::FILL) over a halo of [`HALO_PX`](Self::HALO_PX)
    /// outside it, so the screen, the SVG and the PNG show the same mark.
    pub fn polygon(self, centre: [f32; 2], size: f32) -> Vec<[f32; 2]> {
        let [x, y] = centre;
        match self {
            MarkKind::Up | MarkKind::Down => {
                let d = if self == MarkKind::Up { -1.0 } else { 1.0 };
                vec![
                    [x, y + d * size],
                    [x - size, y - d * size * 0.6],
                    [x + size, y - d * size * 0.6],
                ]
            }
            MarkKind::Same => {
                let (hw, hh) = (0.8 * size, 0.25 * size);
                vec![[x - hw, y - hh], [x + hw, y - hh], [x + hw, y + hh], [x - hw, y + hh]]
            }
        }
    }

    /// Short name for ids and classes in exported files: `up`, `down`, `same`.
    pub fn key(self) -> &'static str {
        match self {
            MarkKind::Up => "up",
            MarkKind::Down => "down",
            MarkKind::Same => "same",
        }
    }
}

/// A mark drawn on a region at its label anchor, sized in screen pixels (it does not grow with
/// zoom), above the symbols.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneMark {
    pub pos: WorldPos,
    /// Code of the region it stands on.
    pub code: String,
    pub kind: MarkKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SceneLabel {
    pub pos: WorldPos,
    /// Where the centre of the text goes relative to `pos`, in screen pixels (x right, y down):
    /// zero for region labels, an offset for the small cities so they clear the oblast labels
    /// and their own symbol.
    pub offset_px: [f32; 2],
    pub text: String,
    pub size_px: f32,
    pub color: Rgba,
    /// Halo colour drawn behind the text for legibility over fills.
    pub halo: Rgba,
}

/// One line of the legend.
#[derive(Debug, Clone, PartialEq)]
pub enum LegendItem {
    /// A class of the choropleth: colour and the value range it stands for.
    Class {
        fill: Rgba,
        label: String,
    },
    NoData {
        fill: Rgba,
        label: String,
    },
    Symbol {
        shape: SymbolShape,
        radius_px: f32,
        fill: Rgba,
        stroke: Rgba,
        stroke_px: f32,
        label: String,
    },
    /// Heading of a group of symbol lines ("Growth points", "Projects").
    Heading {
        label: String,
    },
    /// A sample of a corridor line in its style.
    Line {
        style: LineStyle,
        label: String,
    },
    /// A class of the choropleth whose regions also carry a mark: the swatch, then the mark.
    Mark {
        fill: Rgba,
        mark: MarkKind,
        label: String,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Legend {
    pub title: String,
    /// Unit of the classes, e.g. "thousand KZT".
    pub unit: String,
    pub items: Vec<LegendItem>,
}

/// One stroke of a line style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineStroke {
    pub color: Rgba,
    /// Width in screen points at zoom 1 (pixels of the 1600-px export).
    pub width_px: f32,
    /// Alternating dash and gap lengths in the same units, as SVG's `stroke-dasharray`; empty
    /// for a solid stroke.
    pub dash: &'static [f32],
}

/// How a corridor is drawn: an optional casing under the line (a light halo, or the dark body
/// of a railway), then the line itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineStyle {
    pub casing: Option<LineStroke>,
    pub line: LineStroke,
}

impl LineStyle {
    /// Width of the widest stroke, for hit testing and legend samples.
    pub fn width_px(&self) -> f32 {
        self.casing.map_or(self.line.width_px, |c| c.width_px.max(self.line.width_px))
    }
}

/// A corridor (railway, road, power line, pipeline) as a polyline in world coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneLine {
    /// `Corridor::id`.
    pub id: i64,
    pub kind: CorridorKind,
    pub points: Vec<WorldPos>,
    /// The corridor's name in the view's language.
    pub name: String,
    pub style: LineStyle,
    /// Shown on hover: the name and the kind.
    pub tooltip: String,
}

/// Everything needed to draw one map view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub title: String,
    pub subtitle: String,
    /// Data attribution shown under the map.
    pub source_line: String,
    /// Extent of all regions: min x, min y, max x, max y (world coordinates).
    pub bounds: [f32; 4],
    pub regions: Vec<SceneRegion>,
    /// Outlines drawn around legacy groups (all successors of a legacy unit that share its
    /// value), thicker than region outlines, on top of them.
    pub group_outlines: Vec<GroupOutline>,
    /// Corridors, drawn above the regions and below the symbols; in drawing order (later lines
    /// on top).
    pub lines: Vec<SceneLine>,
    /// In drawing order: later symbols on top.
    pub symbols: Vec<SceneSymbol>,
    /// Marks on regions (the change map's up, down and same), drawn above the symbols.
    pub marks: Vec<SceneMark>,
    pub labels: Vec<SceneLabel>,
    pub legend: Legend,
    /// Key of the drawn boundary edition (`2010`, `2018`, `2022`).
    pub edition: String,
}

/// The outline of a legacy unit drawn around the group of today's regions its value covers.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupOutline {
    /// Code of the legacy unit (`KZ-VOS@2018`), the `value_code` of the group's regions.
    pub value_code: String,
    /// The legacy unit's own shape (its rings are the group's outline).
    pub mesh: Arc<RegionMesh>,
}

impl Scene {
    /// The region under `world`; where units overlap (a city inside an oblast without a hole),
    /// the smaller one.
    pub fn region_at(&self, world: WorldPos) -> Option<&SceneRegion> {
        let extent = |r: &SceneRegion| {
            let [a, b, c, d] = r.mesh.bbox;
            (c - a) * (d - b)
        };
        self.regions
            .iter()
            .filter(|r| r.mesh.contains(world))
            .min_by(|a, b| extent(a).total_cmp(&extent(b)))
    }

    /// The topmost symbol drawn over `world` at a zoom of `px_per_world` screen pixels per
    /// world unit (symbols keep their pixel size at every zoom).
    pub fn symbol_at(&self, world: WorldPos, px_per_world: f32) -> Option<&SceneSymbol> {
        self.symbols.iter().rev().find(|s| {
            let dx = (s.pos[0] - world[0]) * px_per_world;
            let dy = (s.pos[1] - world[1]) * px_per_world;
            // A little slack so small symbols are easy to hit.
            let reach = s.radius_px + s.stroke_px / 2.0 + 2.0;
            dx * dx + dy * dy <= reach * reach
        })
    }

    /// The topmost corridor drawn over `world` at a zoom of `px_per_world` screen pixels per
    /// world unit, its widths scaled by `width_scale` (`style::line_zoom_scale`).
    pub fn line_at(
        &self,
        world: WorldPos,
        px_per_world: f32,
        width_scale: f32,
    ) -> Option<&SceneLine> {
        self.lines.iter().rev().find(|line| {
            // Half the drawn width and a little slack, so thin lines are easy to hit.
            let reach = (line.style.width_px() * width_scale / 2.0 + 3.0) / px_per_world;
            line.points.windows(2).any(|w| match w {
                [a, b] => segment_distance_sq(world, *a, *b) <= reach * reach,
                _ => false,
            })
        })
    }
}

/// Squared distance from `p` to the segment `a`–`b`.
fn segment_distance_sq(p: WorldPos, a: WorldPos, b: WorldPos) -> f32 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length_sq = dx * dx + dy * dy;
    let t = if length_sq > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    ex * ex + ey * ey
}

/// What a map shows: the choropleth's indicator and year, names' language, which boundaries,
/// the selected region and which layers are on.
#[derive(Debug, Clone, PartialEq)]
pub struct MapView {
    /// Indicator key, e.g. `population`.
    pub indicator: String,
    /// Year of the choropleth.
    pub year: i32,
    /// Language of names, title, legend and tooltips.
    pub lang: Lang,
    /// Boundaries the year's values are drawn on.
    pub boundary_mode: BoundaryMode,
    /// Code of the selected unit (a drawn unit or a legacy group's `value_code`).
    pub selected: Option<String>,
    /// Growth points as circles sized by population.
    pub show_growth_points: bool,
    /// Projects as symbols by sector.
    pub show_projects: bool,
    /// Region names.
    pub show_labels: bool,
    /// Railways, roads, power lines and pipelines.
    pub show_corridors: bool,
}

impl MapView {
    /// A view of `indicator` in `year` with every layer on, nothing selected, as reported.
    pub fn new(indicator: impl Into<String>, year: i32, lang: Lang) -> Self {
        MapView {
            indicator: indicator.into(),
            year,
            lang,
            boundary_mode: BoundaryMode::AsReported,
            selected: None,
            show_growth_points: true,
            show_projects: true,
            show_labels: true,
            show_corridors: true,
        }
    }
}
