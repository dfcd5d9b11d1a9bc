//! Simplification and union of (repaired) multipolygons, in the geometry's own units.

use geo::{Area, BooleanOps, BoundingRect, MultiPolygon, Polygon, SimplifyVwPreserve, Validation};

/// How many times [`simplify`] halves the tolerance for a part whose simplified form is invalid
/// before keeping that part as it was.
const HALVINGS: u32 = 6;

/// Simplifies a repaired multipolygon with Visvalingam–Whyatt (topology-preserving variant):
/// vertices whose triangle with their neighbours is smaller than `tolerance²` go first.
/// `tolerance` is a length in the geometry's own units (degrees for lon/lat, metres when
/// projected). Holes and parts smaller than `tolerance²` are dropped, except that the largest
/// part is always kept. The result is valid: a part that would come out invalid is retried with
/// half the tolerance, and kept unsimplified if that keeps failing.
#[must_use]
pub fn simplify(geom: &MultiPolygon<f64>, tolerance: f64) -> MultiPolygon<f64> {
    if !(tolerance > 0.0) || geom.0.is_empty() {
        return geom.clone();
    }
    let min_area = tolerance * tolerance;
    let largest = geom
        .0
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.unsigned_area().total_cmp(&b.1.unsigned_area()))
        .map_or(0, |(i, _)| i);
    let parts: Vec<Polygon<f64>> = geom
        .0
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == largest || p.unsigned_area() >= min_area)
        .map(|(_, p)| simplify_part(p, tolerance))
        .collect();
    let out = MultiPolygon::new(parts);
    if parts_are_disjoint(&out) {
        out
    } else if tolerance > f64::EPSILON {
        // Two parts were pulled onto each other (e.g. an island close to the coast).
        simplify(geom, tolerance / 2.0)
    } else {
        geom.clone()
    }
}

/// Simplifies one polygon, dropping holes smaller than `tolerance²`, retrying with smaller
/// tolerances until the result is valid.
fn simplify_part(polygon: &Polygon<f64>, tolerance: f64) -> Polygon<f64> {
    let min_area = tolerance * tolerance;
    let mut tol = tolerance;
    for _ in 0..HALVINGS {
        let kept_holes = polygon
            .interiors()
            .iter()
            .filter(|r| Polygon::new((*r).clone(), Vec::new()).unsigned_area() >= min_area)
            .cloned()
            .collect();
        let candidate =
            Polygon::new(polygon.exterior().clone(), kept_holes).simplify_vw_preserve(tol * tol);
        let rings_ok = std::iter::once(candidate.exterior())
            .chain(candidate.interiors())
            .all(|r| r.0.len() >= 4);
        if rings_ok && candidate.unsigned_area() > 0.0 && candidate.is_valid() {
            return candidate;
        }
        tol /= 2.0;
    }
    polygon.clone()
}

/// True if no two parts overlap or share an edge (bounding boxes prefilter the pairs).
fn parts_are_disjoint(geom: &MultiPolygon<f64>) -> bool {
    let boxes: Vec<_> = geom.0.iter().map(BoundingRect::bounding_rect).collect();
    for (i, a) in boxes.iter().enumerate() {
        for (j, b) in boxes.iter().enumerate().skip(i + 1) {
            let (Some(a), Some(b)) = (a, b) else { continue };
            let apart = a.max().x < b.min().x
                || b.max().x < a.min().x
                || a.max().y < b.min().y
                || b.max().y < a.min().y;
            if apart {
                continue;
            }
            let (Some(p), Some(q)) = (geom.0.get(i), geom.0.get(j)) else {
                continue;
            };
            if !MultiPolygon::new(vec![p.clone(), q.clone()]).is_valid() {
                return false;
            }
        }
    }
    true
}

/// The union of two repaired multipolygons (e.g. South Kazakhstan = Turkistan Region ∪
/// Shymkent). Shared borders dissolve; the result is valid.
#[must_use]
pub fn union(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    a.union(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::test_data::{Edition, repaired_regions};
    use crate::spatial::{EqualArea, area_km2};
    use geo::{CoordsIter, wkt};

    #[test]
    fn simplify_drops_small_wiggle_and_keeps_square() {
        let wiggly = wkt!(MULTIPOLYGON(((0. 0., 5. 0.01, 10. 0., 10. 10., 0. 10., 0. 0.))));
        let out = simplify(&wiggly, 1.0);
        assert_eq!(out, wkt!(MULTIPOLYGON(((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.)))));
    }

    #[test]
    fn simplify_drops_islands_and_holes_smaller_than_tolerance_but_keeps_the_mainland() {
        let geom = wkt!(MULTIPOLYGON(
            ((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.), (4. 4., 4.5 4., 4.5 4.5, 4. 4.5, 4. 4.)),
            ((20. 20., 20.5 20., 20.5 20.5, 20. 20.5, 20. 20.))
        ));
        let out = simplify(&geom, 1.0);
        assert_eq!(out.0.len(), 1);
        assert!(out.0[0].interiors().is_empty());
        // A tiny geometry keeps its (only) part however large the tolerance.
        let tiny = wkt!(MULTIPOLYGON(((0. 0., 0.1 0., 0.1 0.1, 0. 0.1, 0. 0.))));
        assert_eq!(simplify(&tiny, 5.0).0.len(), 1);
    }

    #[test]
    fn simplified_regions_stay_valid_and_keep_area_within_half_a_percent() {
        let proj = EqualArea::kazakhstan();
        for edition in [Edition::E2018, Edition::E2024] {
            for (code, geom) in repaired_regions(edition) {
                let metres = proj.project_multipolygon(&geom);
                // 1 km: finer than a pixel of a full-screen map of Kazakhstan (~2 km).
                let simple = simplify(&metres, 1_000.0);
                assert!(simple.is_valid(), "{code}: {:?}", simple.validation_errors());
                assert!(simple.coords_count() < metres.coords_count(), "{code}: nothing removed");
                let (a0, a1) = (metres.unsigned_area(), simple.unsigned_area());
                assert!((a1 - a0).abs() / a0 < 5e-3, "{code}: {a0} → {a1}");
                let in_degrees = simplify(&geom, 0.01);
                assert!(in_degrees.is_valid(), "{code} (lon/lat)");
                let km2 = (area_km2(&in_degrees), area_km2(&geom));
                assert!((km2.0 - km2.1).abs() / km2.1 < 5e-3, "{code}: {km2:?}");
            }
        }
    }

    #[test]
    fn union_of_turkistan_and_shymkent_is_one_part_with_summed_area() {
        let regions = repaired_regions(Edition::E2018);
        let get = |code: &str| {
            regions.iter().find(|(c, _)| c == code).map(|(_, g)| g.clone()).expect("region present")
        };
        let (turkistan, shymkent) = (get("KZ-YUZ"), get("KZ-SHY"));
        let south = union(&turkistan, &shymkent);
        assert!(south.is_valid(), "{:?}", south.validation_errors());
        let sum = area_km2(&turkistan) + area_km2(&shymkent);
        let merged = area_km2(&south);
        assert!((merged - sum).abs() / sum < 1e-6, "{merged} vs {sum}");
        // Shymkent was a hole of Turkistan: the union has no hole left where it was.
        let holes: usize = south.0.iter().map(|p| p.interiors().len()).sum();
        let holes_before: usize = turkistan.0.iter().map(|p| p.interiors().len()).sum();
        assert!(holes < holes_before, "{holes} holes vs {holes_before}");
    }
}
