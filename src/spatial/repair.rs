//! Validation and repair of polygons from elsewhere: the one path every boundary takes before
//! areas, unions, triangulation or point-in-region see it (DESIGN.md, "Geometry from elsewhere is
//! not clean").

use geo::algorithm::validation::InvalidMultiPolygon;
use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::{Area, BooleanOps, Coord, LineString, MultiPolygon, Polygon, Validation};

/// What [`repair`] changed, one sentence per change, in the order the changes were made.
/// Empty when the geometry was already valid.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RepairReport {
    /// One plain-language sentence per change, naming the part, ring and place.
    pub changes: Vec<String>,
}

impl RepairReport {
    /// True when nothing had to be changed.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Validates `geom` and repairs what is unambiguous: non-finite coordinates, repeated points,
/// collapsed spikes (a vertex where the boundary goes out and straight back), degenerate rings
/// (fewer than three distinct points or no area), and rings that touch or cross themselves or
/// each other (fixed by uniting the polygon with itself, which rebuilds its rings from the
/// covered area). Returns the repaired geometry, valid per [`geo::Validation`], and a report of
/// each change. Valid input is returned unchanged.
#[must_use]
pub fn repair(geom: &MultiPolygon<f64>) -> (MultiPolygon<f64>, RepairReport) {
    let mut report = RepairReport::default();
    if geom.is_valid() && geom.0.iter().all(|p| !has_degenerate_features(p)) {
        return (geom.clone(), report);
    }

    // 1. Vertex-level clean-up of every ring; drop rings and parts that collapse.
    let mut parts = Vec::with_capacity(geom.0.len());
    for (pi, polygon) in geom.0.iter().enumerate() {
        let Some(exterior) =
            clean_ring(polygon.exterior(), &format!("part {}, outer ring", pi + 1), &mut report)
        else {
            report
                .changes
                .push(format!("part {}: removed, its outer ring encloses no area", pi + 1));
            continue;
        };
        let interiors = polygon
            .interiors()
            .iter()
            .enumerate()
            .filter_map(|(ri, ring)| {
                clean_ring(ring, &format!("part {}, hole {}", pi + 1, ri + 1), &mut report)
            })
            .collect();
        parts.push(Polygon::new(exterior, interiors));
    }

    // 2. Parts whose rings still touch or cross: unite each with itself.
    let mut fixed: Vec<Polygon<f64>> = Vec::with_capacity(parts.len());
    for (pi, polygon) in parts.into_iter().enumerate() {
        match polygon.check_validation() {
            Ok(()) => fixed.push(polygon),
            Err(problem) => {
                let before = polygon.unsigned_area();
                let spots = describe_crossings(&polygon);
                let rebuilt = polygon.union(&MultiPolygon::<f64>::new(Vec::new()));
                let after = rebuilt.unsigned_area();
                report.changes.push(format!(
                    "part {}: {problem}{spots}; rebuilt by uniting the part with itself \
                     (now {} part(s), area changed by {:.1e} of its area)",
                    pi + 1,
                    rebuilt.0.len(),
                    relative_change(before, after)
                ));
                fixed.extend(rebuilt.0);
            }
        }
    }
    let mut result = MultiPolygon::new(fixed);

    // 3. Parts that overlap or share an edge: merge them into one set of parts.
    if let Err(problem) = result.check_validation() {
        if matches!(
            problem,
            InvalidMultiPolygon::ElementsOverlaps(..)
                | InvalidMultiPolygon::ElementsTouchOnALine(..)
        ) || matches!(problem, InvalidMultiPolygon::InvalidPolygon(..))
        {
            let before = result.unsigned_area();
            let merged = result.union(&MultiPolygon::<f64>::new(Vec::new()));
            report.changes.push(format!(
                "{problem}: parts merged by uniting them ({} part(s) now, area changed by {:.1e} \
                 of the total)",
                merged.0.len(),
                relative_change(before, merged.unsigned_area())
            ));
            result = merged;
        }
    }
    (result, report)
}

/// Relative difference `|after − before| / before` (0 for empty shapes).
fn relative_change(before: f64, after: f64) -> f64 {
    if before > 0.0 { (after - before).abs() / before } else { 0.0 }
}

/// True if any ring has a repeated point, a non-finite coordinate or a collapsed spike — faults
/// that `geo`'s validation tolerates but later stages (earcut, simplification) do not.
fn has_degenerate_features(polygon: &Polygon<f64>) -> bool {
    std::iter::once(polygon.exterior()).chain(polygon.interiors()).any(|ring| {
        ring.0.iter().any(|c| !c.x.is_finite() || !c.y.is_finite())
            || ring.0.windows(2).any(|w| w.first() == w.get(1))
            || ring.0.windows(3).any(|w| match (w.first(), w.get(1), w.get(2)) {
                (Some(&a), Some(&b), Some(&c)) => is_spike(a, b, c),
                _ => false,
            })
    })
}

/// True if the boundary runs a → b and then turns straight back along the same line at b.
fn is_spike(a: Coord<f64>, b: Coord<f64>, c: Coord<f64>) -> bool {
    if a == c {
        return true;
    }
    RobustKernel::orient2d(a, b, c) == Orientation::Collinear
        && (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) < 0.0
}

/// Formats a coordinate for a report: `71.718199, 51.108868`.
fn at(c: Coord<f64>) -> String {
    format!("{:.6}, {:.6}", c.x, c.y)
}

/// Cleans one ring: removes non-finite coordinates, consecutive repeated points and collapsed
/// spikes (repeatedly, since removing one spike can expose another), and closes it. Returns
/// `None` when fewer than three distinct points or no area remain. Each change is reported.
fn clean_ring(
    ring: &LineString<f64>,
    name: &str,
    report: &mut RepairReport,
) -> Option<LineString<f64>> {
    let mut pts: Vec<Coord<f64>> = ring.0.clone();
    let before = pts.len();
    pts.retain(|c| c.x.is_finite() && c.y.is_finite());
    if pts.len() < before {
        report.changes.push(format!(
            "{name}: removed {} point(s) with missing or infinite coordinates",
            before - pts.len()
        ));
    }
    // Work on the open ring; closing point re-added at the end.
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }

    let mut repeated = 0usize;
    let mut spikes: Vec<Coord<f64>> = Vec::new();
    loop {
        let mut changed = false;
        // Repeated points, cyclically.
        let n0 = pts.len();
        pts.dedup();
        while pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < n0 {
            repeated += n0 - pts.len();
            changed = true;
        }
        // Collapsed spikes, cyclically: the vertex at the tip goes.
        let mut i = 0;
        while pts.len() >= 3 && i < pts.len() {
            let n = pts.len();
            let (Some(&a), Some(&b), Some(&c)) =
                (pts.get((i + n - 1) % n), pts.get(i), pts.get((i + 1) % n))
            else {
                break;
            };
            if is_spike(a, b, c) {
                spikes.push(b);
                pts.remove(i);
                changed = true;
                i = i.saturating_sub(1);
            } else {
                i += 1;
            }
        }
        if !changed {
            break;
        }
    }
    if repeated > 0 {
        report.changes.push(format!("{name}: removed {repeated} repeated point(s)"));
    }
    if let Some(&first) = spikes.first() {
        report.changes.push(format!(
            "{name}: removed {} collapsed spike vertex(es), first at {}",
            spikes.len(),
            at(first)
        ));
    }
    let Some(&start) = pts.first() else {
        report.changes.push(format!("{name}: removed, no valid points"));
        return None;
    };
    pts.push(start);
    let closed = LineString::new(pts);
    if closed.0.len() < 4 || Polygon::new(closed.clone(), Vec::new()).unsigned_area() == 0.0 {
        report
            .changes
            .push(format!("{name}: removed, it collapsed to a line or point near {}", at(start)));
        return None;
    }
    Some(closed)
}

/// Where the rings of a polygon cross or touch each other or themselves, as report text
/// (" at 76.987444, 43.403294 and 2 other place(s)"), empty if no spot is found.
fn describe_crossings(polygon: &Polygon<f64>) -> String {
    let spots = crossing_points(polygon);
    match spots.as_slice() {
        [] => String::new(),
        [one] => format!(" at {}", at(*one)),
        [first, rest @ ..] => format!(" at {} and {} other place(s)", at(*first), rest.len()),
    }
}

/// Points where two non-adjacent edges of the polygon's rings meet (a sweep over edges sorted by
/// their west end; fine for the few thousand edges of a region).
fn crossing_points(polygon: &Polygon<f64>) -> Vec<Coord<f64>> {
    // (ring index, edge index within ring, edge)
    let mut edges: Vec<(usize, usize, usize, geo::Line<f64>)> = Vec::new();
    for (ri, ring) in std::iter::once(polygon.exterior()).chain(polygon.interiors()).enumerate() {
        let n = ring.0.len().saturating_sub(1);
        for (ei, line) in ring.lines().enumerate() {
            edges.push((ri, ei, n, line));
        }
    }
    edges.sort_by(|a, b| a.3.start.x.min(a.3.end.x).total_cmp(&b.3.start.x.min(b.3.end.x)));
    let mut spots: Vec<Coord<f64>> = Vec::new();
    for (i, &(ri, ei, n, line)) in edges.iter().enumerate() {
        let max_x = line.start.x.max(line.end.x);
        for &(rj, ej, _, other) in edges.iter().skip(i + 1) {
            if other.start.x.min(other.end.x) > max_x {
                break;
            }
            // Neighbouring edges of the same ring share a vertex by construction.
            if ri == rj && (ei.abs_diff(ej) == 1 || ei.abs_diff(ej) + 1 == n) {
                continue;
            }
            if let Some(hit) = geo::line_intersection::line_intersection(line, other) {
                let point = match hit {
                    geo::LineIntersection::SinglePoint { intersection, .. } => intersection,
                    geo::LineIntersection::Collinear { intersection } => intersection.start,
                };
                if !spots.contains(&point) {
                    spots.push(point);
                }
            }
        }
    }
    spots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::test_data::{Edition, regions};
    use geo::wkt;

    #[test]
    fn valid_square_comes_back_unchanged_with_empty_report() {
        let square = wkt!(MULTIPOLYGON(((0. 0., 1. 0., 1. 1., 0. 1., 0. 0.))));
        let (out, report) = repair(&square);
        assert_eq!(out, square);
        assert!(report.is_clean(), "{:?}", report.changes);
    }

    #[test]
    fn repeated_points_and_a_spike_are_removed_and_reported() {
        let messy =
            wkt!(MULTIPOLYGON(((0. 0., 1. 0., 1. 0., 2. 0., 2. 2., 3. 3., 2. 2., 0. 2., 0. 0.))));
        let (out, report) = repair(&messy);
        assert!(out.is_valid());
        assert_eq!(out, wkt!(MULTIPOLYGON(((0. 0., 1. 0., 2. 0., 2. 2., 0. 2., 0. 0.)))));
        assert_eq!(report.changes.len(), 2, "{:?}", report.changes);
        assert!(report.changes[0].contains("1 repeated point"), "{:?}", report.changes);
        assert!(report.changes[1].contains("3.000000, 3.000000"), "{:?}", report.changes);
    }

    #[test]
    fn bow_tie_is_split_into_two_valid_parts() {
        let bow_tie = wkt!(MULTIPOLYGON(((0. 0., 2. 2., 2. 0., 0. 2., 0. 0.))));
        let (out, report) = repair(&bow_tie);
        assert!(out.is_valid());
        assert_eq!(out.0.len(), 2);
        assert!((out.unsigned_area() - 2.0).abs() < 1e-12);
        assert!(report.changes[0].contains("1.000000, 1.000000"), "{:?}", report.changes);
    }

    #[test]
    fn collapsed_hole_is_dropped() {
        let flat_hole =
            wkt!(MULTIPOLYGON(((0. 0., 4. 0., 4. 4., 0. 4., 0. 0.), (1. 1., 2. 1., 3. 1., 1. 1.))));
        let (out, report) = repair(&flat_hole);
        assert!(out.is_valid());
        assert_eq!(out.0[0].interiors().len(), 0);
        assert!(report.changes.iter().any(|c| c.contains("hole 1")), "{:?}", report.changes);
    }

    fn check_edition(edition: Edition, expected_invalid: &[&str]) {
        let mut invalid = Vec::new();
        for (code, geom) in regions(edition) {
            let was_valid = geom.is_valid() && geom.0.iter().all(|p| !has_degenerate_features(p));
            let (fixed, report) = repair(&geom);
            assert!(fixed.is_valid(), "{code}: still invalid: {:?}", fixed.validation_errors());
            let (before, after) = (geom.unsigned_area(), fixed.unsigned_area());
            assert!(relative_change(before, after) < 1e-8, "{code}: area {before} → {after}");
            assert_eq!(was_valid, report.is_clean(), "{code}: {:?}", report.changes);
            if !was_valid {
                invalid.push(code);
            }
        }
        invalid.sort();
        let mut expected: Vec<String> = expected_invalid.iter().map(|s| (*s).to_string()).collect();
        expected.sort();
        assert_eq!(invalid, expected);
    }

    #[test]
    fn every_2024_region_is_valid_after_repair_with_area_kept() {
        check_edition(
            Edition::E2024,
            &["KZ-AKM", "KZ-ALM", "KZ-ZHT", "KZ-KZY", "KZ-YUZ", "KZ-VOS", "KZ-AST"],
        );
    }

    #[test]
    fn every_2018_region_is_valid_after_repair_with_area_kept() {
        check_edition(Edition::E2018, &[]);
    }
}
