//! Triangulation of multipolygons into one indexed mesh (earcut), for painting filled regions.

use std::collections::HashMap;

use geo::algorithm::triangulate_delaunay::DelaunayTriangulationConfig;
use geo::{Area, BoundingRect, MultiPolygon, Polygon, TriangulateDelaunay, TriangulateEarcut};

/// An indexed triangle mesh: every three entries of `indices` are one triangle whose corners are
/// `vertices` (in the geometry's own units).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Triangles {
    /// Corner positions, `[x, y]`.
    pub vertices: Vec<[f64; 2]>,
    /// Triangle corner indices into `vertices`, three per triangle.
    pub indices: Vec<u32>,
}

impl Triangles {
    /// Number of triangles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.indices.len() / 3
    }

    /// True if there is no triangle.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indices.len() < 3
    }

    /// Sum of the (unsigned) areas of the triangles, in squared units of the geometry.
    #[must_use]
    pub fn area(&self) -> f64 {
        self.indices
            .chunks_exact(3)
            .filter_map(|t| {
                let a = self.vertices.get(*t.first()? as usize)?;
                let b = self.vertices.get(*t.get(1)? as usize)?;
                let c = self.vertices.get(*t.get(2)? as usize)?;
                Some(((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0)
            })
            .sum()
    }
}

/// Triangulates a repaired multipolygon with earcut; holes stay empty. Works in any units
/// (lon/lat or projected metres).
///
/// Earcut is fast but can mis-triangulate a valid polygon whose holes touch the outer ring or
/// each other at a point, so each part's triangles are checked against its area, and a part
/// that fails is triangulated again by a constrained Delaunay triangulation (spade), which
/// handles any valid polygon.
#[must_use]
pub fn triangulate(geom: &MultiPolygon<f64>) -> Triangles {
    let mut out = Triangles::default();
    for polygon in &geom.0 {
        let raw = polygon.earcut_triangles_raw();
        let mut part = Triangles {
            vertices: raw.vertices,
            indices: raw
                .triangle_indices
                .into_iter()
                .filter_map(|i| u32::try_from(i).ok())
                .collect(),
        };
        let area = polygon.unsigned_area();
        if (part.area() - area).abs() > AREA_CHECK * area
            && let Some(cdt) = delaunay(polygon)
        {
            part = cdt;
        }
        let Ok(offset) = u32::try_from(out.vertices.len()) else {
            break;
        };
        out.vertices.extend(part.vertices);
        out.indices.extend(part.indices.into_iter().map(|i| i + offset));
    }
    out
}

/// Relative mismatch between a part's area and its triangles' above which earcut's result is
/// replaced (rounding alone stays below 1e-12).
const AREA_CHECK: f64 = 1e-9;

/// A constrained Delaunay triangulation of one polygon, as an indexed mesh (corners shared by
/// several triangles stored once). `None` if spade rejects the input.
fn delaunay(polygon: &Polygon<f64>) -> Option<Triangles> {
    let bbox = polygon.bounding_rect()?;
    // Snap only what is equal to rounding: the default radius (1e-4) would move lon/lat
    // vertices by metres.
    let config =
        DelaunayTriangulationConfig { snap_radius: bbox.width().max(bbox.height()) * 1e-12 };
    let triangles = polygon.constrained_triangulation(config).ok()?;
    let mut mesh = Triangles::default();
    let mut seen: HashMap<(u64, u64), u32> = HashMap::new();
    for t in triangles {
        for c in t.to_array() {
            let key = (c.x.to_bits(), c.y.to_bits());
            let index = match seen.get(&key) {
                Some(&i) => i,
                None => {
                    let i = u32::try_from(mesh.vertices.len()).ok()?;
                    mesh.vertices.push([c.x, c.y]);
                    seen.insert(key, i);
                    i
                }
            };
            mesh.indices.push(index);
        }
    }
    Some(mesh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::EqualArea;
    use crate::spatial::test_data::{Edition, repaired_regions};
    use geo::wkt;

    #[test]
    fn square_with_hole_triangles_cover_only_the_ring() {
        let framed = wkt!(MULTIPOLYGON(((0. 0., 4. 0., 4. 4., 0. 4., 0. 0.), (1. 1., 3. 1., 3. 3., 1. 3., 1. 1.))));
        let mesh = triangulate(&framed);
        assert_eq!(mesh.vertices.len(), 8);
        assert_eq!(mesh.len(), 8);
        assert!((mesh.area() - 12.0).abs() < 1e-12);
    }

    #[test]
    fn two_parts_share_one_mesh_with_offset_indices() {
        let two =
            wkt!(MULTIPOLYGON(((0. 0., 1. 0., 0. 1., 0. 0.)), ((5. 5., 6. 5., 5. 6., 5. 5.))));
        let mesh = triangulate(&two);
        assert_eq!(mesh.vertices.len(), 6);
        let mut second: Vec<u32> = mesh.indices[3..].to_vec();
        second.sort_unstable();
        assert_eq!(second, vec![3, 4, 5]);
    }

    #[test]
    fn triangle_areas_sum_to_region_area_for_every_region_of_both_editions() {
        let proj = EqualArea::kazakhstan();
        for edition in [Edition::E2018, Edition::E2024] {
            for (code, geom) in repaired_regions(edition) {
                for (units, shape) in
                    [("lon/lat", geom.clone()), ("metres", proj.project_multipolygon(&geom))]
                {
                    let mesh = triangulate(&shape);
                    let (want, got) = (shape.unsigned_area(), mesh.area());
                    assert!(
                        (got - want).abs() / want < 1e-9,
                        "{edition:?} {code} in {units}: triangles {got}, polygon {want}"
                    );
                }
            }
        }
    }

    #[test]
    fn holes_touching_the_outer_ring_are_triangulated_exactly() {
        // Two triangular holes meeting the outer ring and each other at single points: valid,
        // but a case where earcut can fill a hole or leave a gap.
        let touching = wkt!(MULTIPOLYGON(((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.), (0. 5., 5. 2., 5. 8., 0. 5.), (5. 2., 10. 5., 5. 8., 5. 2.))));
        let mesh = triangulate(&touching);
        assert!((mesh.area() - touching.unsigned_area()).abs() < 1e-9, "{}", mesh.area());
    }
}
