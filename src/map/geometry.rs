//! Screen-ready geometry of every boundary edition: projected on the equal-area conic,
//! lightly simplified, triangulated, with outline rings and label anchors. Built once per dataset
//! (tens of milliseconds) and shared; a unit whose shape is the same in several editions shares
//! one mesh.

use std::sync::Arc;

use geo::MultiPolygon;

use crate::map::{RegionMesh, WorldPos};
use crate::model::Dataset;
use crate::spatial::{self, EqualArea};

/// Simplification tolerance in projected metres. A full-screen map of Kazakhstan (about 3,000
/// km across 1,600–4,000 px) shows 0.8–2 km per pixel, so 150 m removes only what no screen shows
/// even zoomed in several times, while keeping neighbouring outlines visually shared.
const SCREEN_TOLERANCE_M: f64 = 150.0;

/// One unit of an edition, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitGeometry {
    /// Region code of the unit.
    pub code: String,
    /// Triangles and outline rings, world coordinates.
    pub mesh: Arc<RegionMesh>,
    /// Pole of inaccessibility of the largest part, world coordinates.
    pub label_anchor: WorldPos,
    /// Area of the projected, simplified shape, km² (for ordering and tests).
    pub area_km2: f64,
}

/// Every unit of one boundary edition.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionGeometry {
    /// Edition key (`2010`, `2018`, `2022`).
    pub key: String,
    /// Extent of all units: min x, min y, max x, max y.
    pub bounds: [f32; 4],
    /// In the edition's order of units.
    pub units: Vec<UnitGeometry>,
}

impl EditionGeometry {
    /// The unit `code` of this edition.
    pub fn unit(&self, code: &str) -> Option<&UnitGeometry> {
        self.units.iter().find(|u| u.code == code)
    }
}

/// Projected, simplified, triangulated geometry of every edition of a dataset, and the
/// projection that puts points (towns, projects) in the same world coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct MapGeometry {
    projection: EqualArea,
    editions: Vec<EditionGeometry>,
}

impl MapGeometry {
    /// Builds the geometry of every edition of `ds`. Expensive: call once per dataset and share
    /// (`Arc<MapGeometry>`).
    pub fn new(ds: &Dataset) -> MapGeometry {
        let keys: Vec<&str> = ds.editions.iter().map(|e| e.key.as_str()).collect();
        MapGeometry::for_editions(ds, &keys)
    }

    /// Builds the geometry of the editions named in `keys` only (the command line draws one).
    pub fn for_editions(ds: &Dataset, keys: &[&str]) -> MapGeometry {
        let projection = EqualArea::kazakhstan();
        // Units unchanged between editions (most of them) are built once.
        let mut built: Vec<(&MultiPolygon<f64>, UnitGeometry)> = Vec::new();
        let mut editions = Vec::new();
        for edition in ds.editions.iter().filter(|e| keys.contains(&e.key.as_str())) {
            let mut units = Vec::with_capacity(edition.units.len());
            for unit in &edition.units {
                let existing = built
                    .iter()
                    .find(|(g, u)| u.code == unit.region_code && **g == unit.geometry)
                    .map(|(_, u)| u.clone());
                let geometry = match existing {
                    Some(g) => g,
                    None => {
                        let g = unit_geometry(&projection, &unit.region_code, &unit.geometry);
                        built.push((&unit.geometry, g.clone()));
                        g
                    }
                };
                units.push(geometry);
            }
            let bounds = union_bounds(units.iter().map(|u| u.mesh.bbox));
            editions.push(EditionGeometry { key: edition.key.clone(), bounds, units });
        }
        MapGeometry { projection, editions }
    }

    /// The geometry of edition `key`, if it was built.
    pub fn edition(&self, key: &str) -> Option<&EditionGeometry> {
        self.editions.iter().find(|e| e.key == key)
    }

    /// Every edition built, oldest first.
    pub fn editions(&self) -> &[EditionGeometry] {
        &self.editions
    }

    /// The shape of unit `code` in whichever edition holds it (legacy group outlines).
    pub fn unit_anywhere(&self, code: &str) -> Option<&UnitGeometry> {
        self.editions.iter().find_map(|e| e.unit(code))
    }

    /// World position of a lon/lat point.
    pub fn project(&self, lon: f64, lat: f64) -> WorldPos {
        let [x, y] = self.projection.project(lon, lat);
        [x as f32, y as f32]
    }

    /// Lon/lat of a world position (for a coordinate read-out).
    pub fn unproject(&self, world: WorldPos) -> [f64; 2] {
        self.projection.unproject(f64::from(world[0]), f64::from(world[1]))
    }
}

/// Projects, simplifies and triangulates one unit.
fn unit_geometry(projection: &EqualArea, code: &str, geom: &MultiPolygon<f64>) -> UnitGeometry {
    let projected = projection.project_multipolygon(geom);
    let simplified = spatial::simplify(&projected, SCREEN_TOLERANCE_M);
    let triangles = spatial::triangulate(&simplified);
    let vertices: Vec<WorldPos> =
        triangles.vertices.iter().map(|[x, y]| [*x as f32, *y as f32]).collect();
    let rings: Vec<Vec<WorldPos>> = simplified
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|ring| ring.0.iter().map(|c| [c.x as f32, c.y as f32]).collect())
        .collect();
    let bbox = union_bounds(rings.iter().flatten().map(|p| [p[0], p[1], p[0], p[1]]));
    let [lx, ly] = spatial::label_point(&simplified);
    let area_km2 = triangles.area() / 1e6;
    UnitGeometry {
        code: code.to_string(),
        mesh: Arc::new(RegionMesh { vertices, indices: triangles.indices, rings, bbox }),
        label_anchor: [lx as f32, ly as f32],
        area_km2,
    }
}

/// The smallest box holding every box of `boxes`; all zero when there is none.
fn union_bounds(boxes: impl Iterator<Item = [f32; 4]>) -> [f32; 4] {
    let mut out: Option<[f32; 4]> = None;
    for b in boxes {
        out = Some(match out {
            None => b,
            Some(o) => [o[0].min(b[0]), o[1].min(b[1]), o[2].max(b[2]), o[3].max(b[3])],
        });
    }
    out.unwrap_or_default()
}
