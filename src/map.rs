//! The map scene for a view: filled regions, outlines, symbols, labels and legend, in projected
//! world coordinates. Renderer-neutral: the egui painter (`ui::map_view`) and the SVG/PNG export
//! (`export`) both draw the same `Scene`, so what the planner exports is what they saw.

use std::sync::Arc;

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

/// A point symbol sized in screen pixels (it does not grow with zoom).
#[derive(Debug, Clone, PartialEq)]
pub struct SceneSymbol {
    pub pos: WorldPos,
    pub shape: SymbolShape,
    /// Radius in screen pixels at zoom 1.
    pub radius_px: f32,
    pub fill: Rgba,
    pub stroke: Rgba,
    pub stroke_px: f32,
    /// Shown on hover.
    pub tooltip: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SceneLabel {
    pub pos: WorldPos,
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
    Class { fill: Rgba, label: String },
    NoData { fill: Rgba, label: String },
    Symbol { shape: SymbolShape, radius_px: f32, fill: Rgba, stroke: Rgba, label: String },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Legend {
    pub title: String,
    /// Unit of the classes, e.g. "thousand KZT".
    pub unit: String,
    pub items: Vec<LegendItem>,
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
    pub symbols: Vec<SceneSymbol>,
    pub labels: Vec<SceneLabel>,
    pub legend: Legend,
}
