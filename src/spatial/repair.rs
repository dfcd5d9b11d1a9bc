//! Validation and repair of polygons from elsewhere: the one path every boundary takes before
//! areas, unions, triangulation or point-in-region see it (DESIGN.md, "Geometry from elsewhere is
//! not clean").

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::orient::{Direction, Orient};
use geo::{Area, BooleanOps, Coord, LineString, MakeValid, MultiPolygon, Polygon, unary_union};

use super::validity::{Fault, faults, part_within};
use crate::model::Lang;

/// One change [`repair`] made. Parts count from 0; ring 0 is the outer ring, holes count from 1.
/// [`RepairChange::describe`] says it in words.
#[derive(Debug, Clone, PartialEq)]
pub enum RepairChange {
    /// Points with missing (NaN) or infinite coordinates were removed from a ring.
    NonFinitePoints { part: usize, ring: usize, count: usize },
    /// Consecutive repeated points were removed from a ring.
    RepeatedPoints { part: usize, ring: usize, count: usize },
    /// Tips of collapsed spikes (the boundary going out and straight back) were removed.
    Spikes { part: usize, ring: usize, count: usize, first: [f64; 2] },
    /// A ring collapsed to a line or a point and was removed (ring 0: the whole part).
    RingRemoved { part: usize, ring: usize, near: [f64; 2] },
    /// A part whose rings touched or crossed was rebuilt from the area its rings enclose.
    PartRebuilt { part: usize, fault: Fault, parts_after: usize, area_change: f64 },
    /// Parts that overlapped or shared a border were merged by uniting them.
    PartsMerged { fault: Fault, parts_after: usize, area_change: f64 },
    /// A fault that could not be repaired automatically; the geometry keeps it.
    Unrepaired { fault: Fault },
}

/// What [`repair`] changed, in the order the changes were made; empty when the geometry was
/// already valid.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RepairReport {
    /// One English sentence per change, naming the part, ring and place (for logs and the
    /// command line; [`RepairReport::describe`] gives them in the planner's language).
    pub changes: Vec<String>,
    /// The same changes, structured.
    pub items: Vec<RepairChange>,
}

impl RepairReport {
    /// True when nothing had to be changed.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.items.is_empty()
    }

    /// True unless a fault was left unrepaired (see [`RepairChange::Unrepaired`]).
    #[must_use]
    pub fn is_fully_repaired(&self) -> bool {
        !self.items.iter().any(|c| matches!(c, RepairChange::Unrepaired { .. }))
    }

    /// Every change as a sentence in `lang`.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> Vec<String> {
        self.items.iter().map(|c| c.describe(lang)).collect()
    }

    fn push(&mut self, change: RepairChange) {
        self.changes.push(change.describe(Lang::En));
        self.items.push(change);
    }
}

/// Validates `geom` and repairs what is unambiguous: non-finite coordinates, repeated points,
/// collapsed spikes (a vertex where the boundary goes out and straight back), degenerate rings
/// (fewer than three distinct points or no area), and rings that touch or cross themselves or
/// each other (the part is rebuilt from the area its outer ring encloses minus the area its holes
/// enclose, with the overlay engine — in effect the part united with itself), then parts that
/// overlap or share a border (merged by a union). Returns the repaired
/// geometry, valid by the OGC rules, and a report of each change. Valid input without repeated
/// points or spikes comes back unchanged with an empty report.
#[must_use]
pub fn repair(geom: &MultiPolygon<f64>) -> (MultiPolygon<f64>, RepairReport) {
    let mut report = RepairReport::default();
    if !has_degenerate_features(geom) && faults(geom, true).is_empty() {
        return (geom.clone(), report);
    }

    // 1. Vertex-level clean-up of every ring; drop rings and parts that collapse.
    let mut parts = Vec::with_capacity(geom.0.len());
    for (part, polygon) in geom.0.iter().enumerate() {
        let Some(exterior) = clean_ring(polygon.exterior(), part, 0, &mut report) else {
            continue;
        };
        let interiors = polygon
            .interiors()
            .iter()
            .enumerate()
            .filter_map(|(h, ring)| clean_ring(ring, part, h + 1, &mut report))
            .collect();
        parts.push(Polygon::new(exterior, interiors));
    }
    let mut result = MultiPolygon::new(parts);

    // 2. Rings that touch or cross, parts that overlap: rebuild from the enclosed area. A
    //    rebuild can, rarely, leave a new fault (the overlay engine snaps to a fine grid), so a
    //    few rounds are allowed.
    let mut found = faults(&result, false);
    for _ in 0..ROUNDS {
        if found.iter().any(|f| !f.is_between_parts()) {
            result = canonical(rebuild_faulty_parts(result, &found, &mut report));
            found = faults(&result, false);
        }
        if found.is_empty() {
            break;
        }
        if found.iter().all(Fault::is_between_parts) {
            result = canonical(merge_faulty_parts(&result, &found, &mut report));
            found = faults(&result, false);
        }
    }
    for fault in found {
        report.push(RepairChange::Unrepaired { fault });
    }
    (result, report)
}

/// The same shape in one fixed order: exteriors counter-clockwise and holes clockwise, each ring
/// starting at its lowest (x, then y) vertex, holes and parts sorted by that vertex. The rebuild
/// engines return rings in an order that varies from process to process (they iterate hash
/// maps), and everything downstream (simplification, meshes, snapshots) must not.
fn canonical(geom: MultiPolygon<f64>) -> MultiPolygon<f64> {
    fn lowest(ring: &LineString<f64>) -> Coord<f64> {
        ring.0.iter().copied().fold(Coord { x: f64::INFINITY, y: f64::INFINITY }, |a, b| {
            if (b.x, b.y) < (a.x, a.y) { b } else { a }
        })
    }
    fn rotated(ring: &LineString<f64>) -> LineString<f64> {
        let open = ring.0.get(..ring.0.len().saturating_sub(1)).unwrap_or_default();
        let start = lowest(ring);
        let Some(at) = open.iter().position(|c| *c == start) else {
            return ring.clone();
        };
        let (head, tail) = open.split_at(at);
        let mut coords: Vec<Coord<f64>> = tail.iter().chain(head).copied().collect();
        coords.push(start);
        LineString::new(coords)
    }
    let by_lowest = |a: &Coord<f64>, b: &Coord<f64>| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y));
    let mut parts: Vec<Polygon<f64>> = geom
        .orient(Direction::Default)
        .0
        .into_iter()
        .map(|polygon| {
            let (exterior, interiors) = polygon.into_inner();
            let mut holes: Vec<LineString<f64>> = interiors.iter().map(rotated).collect();
            holes.sort_by(|a, b| by_lowest(&lowest(a), &lowest(b)));
            Polygon::new(rotated(&exterior), holes)
        })
        .collect();
    parts.sort_by(|a, b| by_lowest(&lowest(a.exterior()), &lowest(b.exterior())));
    MultiPolygon::new(parts)
}

/// How many rounds of rebuilding [`repair`] tries before it gives up on a fault.
const ROUNDS: usize = 6;

/// Rebuilds every part with a fault of its own (see [`rebuild_part`]), reporting each.
fn rebuild_faulty_parts(
    geom: MultiPolygon<f64>,
    found: &[Fault],
    report: &mut RepairReport,
) -> MultiPolygon<f64> {
    let mut fixed: Vec<Polygon<f64>> = Vec::with_capacity(geom.0.len());
    for (part, polygon) in geom.0.into_iter().enumerate() {
        let Some(fault) = found.iter().find(|f| !f.is_between_parts() && f.part() == part) else {
            fixed.push(polygon);
            continue;
        };
        let before = polygon.unsigned_area();
        let rebuilt = rebuild_part(&polygon, fault);
        report.push(RepairChange::PartRebuilt {
            part,
            fault: fault.clone(),
            parts_after: rebuilt.0.len(),
            area_change: relative_change(before, rebuilt.unsigned_area()),
        });
        fixed.extend(rebuilt.0);
    }
    MultiPolygon::new(fixed)
}

/// Merges parts that share a border or overlap into as few parts as their area needs.
fn merge_faulty_parts(
    geom: &MultiPolygon<f64>,
    found: &[Fault],
    report: &mut RepairReport,
) -> MultiPolygon<f64> {
    let before = geom.unsigned_area();
    // A part lying wholly inside another adds nothing to it: drop it, keeping every coordinate.
    let mut dropped = vec![false; geom.0.len()];
    for fault in found {
        if let Fault::PartsOverlap { parts: (p, q), at: None } = *fault
            && let (Some(a), Some(b)) = (geom.0.get(p), geom.0.get(q))
        {
            let victim = if part_within(b, a) {
                q
            } else if part_within(a, b) {
                p
            } else {
                continue;
            };
            if let Some(d) = dropped.get_mut(victim) {
                *d = true;
            }
        }
    }
    let kept: MultiPolygon<f64> =
        geom.0.iter().zip(&dropped).filter(|(_, d)| !**d).map(|(p, _)| p.clone()).collect();
    let rest = faults(&kept, false);
    // Parts that only run along each other: the even-odd rebuild cancels the doubled border and
    // keeps every other coordinate exactly. Real overlaps need a union.
    let merged = if rest.is_empty() {
        Some(kept)
    } else if rest.iter().all(|f| matches!(f, Fault::PartsShareBorder { .. })) {
        even_odd(&kept).or_else(|| merge_parts(kept.0.clone()))
    } else {
        merge_parts(kept.0.clone()).or_else(|| even_odd(&kept))
    };
    let Some(merged) = merged else {
        return geom.clone();
    };
    let merged = tidy(&merged);
    if let Some(fault) = found.first() {
        report.push(RepairChange::PartsMerged {
            fault: fault.clone(),
            parts_after: merged.0.len(),
            area_change: relative_change(before, merged.unsigned_area()),
        });
    }
    merged
}

/// Runs a third-party geometry engine, turning a panic inside it into `None`. Both engines used
/// here have had index panics on degenerate input (i_overlay 4.5 does on some self-overlapping
/// rings); a planner's import must get a report, not a crash.
fn guarded<T>(run: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).ok()
}

/// geo's `MakeValid` (Ledoux et al.: a constrained triangulation labelled by the even-odd
/// rule), which keeps every original coordinate.
fn even_odd(geom: &MultiPolygon<f64>) -> Option<MultiPolygon<f64>> {
    guarded(|| geom.make_valid()).and_then(Result::ok)
}

/// Rebuilds one polygon whose rings touch or cross. Rings that only touch or cross themselves or
/// each other go through [`even_odd`]. Holes outside the outer ring or overlapping each other
/// are not what the even-odd rule means, so those polygons are rebuilt with the overlay engine
/// (i_overlay) instead: each ring alone resolved into simple pieces (even-odd, so a ring
/// crossing itself keeps every lobe it encloses), then the holes' pieces subtracted from the
/// outer ring's. Each way is the fallback of the other; if both fail the polygon comes back as
/// it was and the fault is reported as unrepaired.
fn rebuild_part(polygon: &Polygon<f64>, fault: &Fault) -> MultiPolygon<f64> {
    let single = MultiPolygon::new(vec![polygon.clone()]);
    let rebuilt = if matches!(fault, Fault::HoleOutside { .. } | Fault::HolesOverlap { .. }) {
        shell_minus_holes(polygon).or_else(|| even_odd(&single))
    } else {
        even_odd(&single).or_else(|| shell_minus_holes(polygon))
    };
    rebuilt.map_or(single, |r| tidy(&r))
}

/// The area the outer ring encloses minus the area the holes enclose (overlay engine).
fn shell_minus_holes(polygon: &Polygon<f64>) -> Option<MultiPolygon<f64>> {
    let shell = simple_pieces(polygon.exterior())?;
    if polygon.interiors().is_empty() {
        return Some(shell);
    }
    let mut holes: Vec<Polygon<f64>> = Vec::new();
    for ring in polygon.interiors() {
        holes.extend(simple_pieces(ring)?.0);
    }
    let holes = merge_parts(holes)?;
    guarded(|| shell.difference(&holes))
}

/// The area a single ring encloses by the even-odd rule, as valid polygons (overlay engine).
fn simple_pieces(ring: &LineString<f64>) -> Option<MultiPolygon<f64>> {
    let polygon = Polygon::new(ring.clone(), Vec::new());
    guarded(|| polygon.union(&MultiPolygon::<f64>::new(Vec::new())))
}

/// The union of valid polygons that may overlap each other: oriented alike (outer rings
/// counter-clockwise, holes clockwise) and united with the positive fill rule, so overlaps count
/// once and holes stay holes.
fn merge_parts(parts: Vec<Polygon<f64>>) -> Option<MultiPolygon<f64>> {
    let oriented: Vec<Polygon<f64>> =
        parts.into_iter().map(|p| p.orient(Direction::Default)).collect();
    guarded(|| unary_union(&oriented))
}

/// Removes repeated points and spikes the overlay engine may leave, silently (the change that
/// produced them is already reported).
fn tidy(geom: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let mut scratch = RepairReport::default();
    geom.0
        .iter()
        .filter_map(|p| {
            let exterior = clean_ring(p.exterior(), 0, 0, &mut scratch)?;
            let interiors =
                p.interiors().iter().filter_map(|r| clean_ring(r, 0, 1, &mut scratch)).collect();
            Some(Polygon::new(exterior, interiors))
        })
        .collect()
}

/// Relative difference `|after − before| / before` (0 for empty shapes).
fn relative_change(before: f64, after: f64) -> f64 {
    if before > 0.0 { (after - before).abs() / before } else { 0.0 }
}

/// True if any ring has a repeated point, a non-finite coordinate or a collapsed spike — faults
/// that the OGC rules (and geo's validation) tolerate but earcut and simplification do not.
fn has_degenerate_features(geom: &MultiPolygon<f64>) -> bool {
    geom.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).any(|ring| {
        ring.0.iter().any(|c| !c.x.is_finite() || !c.y.is_finite())
            || ring.0.windows(2).any(|w| w.first() == w.get(1))
            || ring.0.windows(3).any(|w| match w {
                [a, b, c] => is_spike(*a, *b, *c),
                _ => false,
            })
            || match (
                ring.0.len().checked_sub(2).and_then(|i| ring.0.get(i)),
                ring.0.first(),
                ring.0.get(1),
            ) {
                // The spike test across the closing point.
                (Some(&a), Some(&b), Some(&c)) => is_spike(a, b, c),
                _ => false,
            }
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

/// True if every point lies on one line (a ring that encloses nothing). Zero signed area is not
/// enough: a bow tie has that too, yet encloses two triangles.
fn all_collinear(points: &[Coord<f64>]) -> bool {
    let Some(&a) = points.first() else {
        return true;
    };
    let Some(&b) = points.iter().find(|&&p| p != a) else {
        return true;
    };
    points.iter().all(|&p| RobustKernel::orient2d(a, b, p) == Orientation::Collinear)
}

/// Cleans one ring: removes non-finite coordinates, consecutive repeated points and collapsed
/// spikes (repeatedly, since removing one spike can expose another), and closes it. Returns
/// `None` when fewer than three distinct points or no area remain. Each change is reported.
fn clean_ring(
    ring: &LineString<f64>,
    part: usize,
    ring_index: usize,
    report: &mut RepairReport,
) -> Option<LineString<f64>> {
    let mut pts: Vec<Coord<f64>> = ring.0.clone();
    let before = pts.len();
    pts.retain(|c| c.x.is_finite() && c.y.is_finite());
    if pts.len() < before {
        report.push(RepairChange::NonFinitePoints {
            part,
            ring: ring_index,
            count: before - pts.len(),
        });
    }
    // Work on the open ring; the closing point is added back at the end.
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
        report.push(RepairChange::RepeatedPoints { part, ring: ring_index, count: repeated });
    }
    if let Some(&first) = spikes.first() {
        report.push(RepairChange::Spikes {
            part,
            ring: ring_index,
            count: spikes.len(),
            first: [first.x, first.y],
        });
    }
    let near = pts.first().or(ring.0.first()).map_or([f64::NAN, f64::NAN], |c| [c.x, c.y]);
    let Some(&start) = pts.first() else {
        report.push(RepairChange::RingRemoved { part, ring: ring_index, near });
        return None;
    };
    pts.push(start);
    let closed = LineString::new(pts);
    if closed.0.len() < 4 || all_collinear(&closed.0) {
        report.push(RepairChange::RingRemoved { part, ring: ring_index, near });
        return None;
    }
    Some(closed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::test_data::{Edition, regions};
    use geo::{Validation, wkt};

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
        assert_eq!(out, wkt!(MULTIPOLYGON(((0. 0., 1. 0., 2. 0., 2. 2., 0. 2., 0. 0.)))));
        assert_eq!(
            report.items,
            vec![
                RepairChange::RepeatedPoints { part: 0, ring: 0, count: 2 },
                RepairChange::Spikes { part: 0, ring: 0, count: 1, first: [3.0, 3.0] },
            ]
        );
        assert_eq!(report.changes[0], "part 1, outer ring: removed 2 repeated points");
    }

    #[test]
    fn bow_tie_is_split_into_two_valid_parts() {
        let bow_tie = wkt!(MULTIPOLYGON(((0. 0., 2. 2., 2. 0., 0. 2., 0. 0.))));
        let (out, report) = repair(&bow_tie);
        assert!(out.is_valid());
        assert_eq!(out.0.len(), 2);
        assert!((out.unsigned_area() - 2.0).abs() < 1e-12);
        assert_eq!(
            report.items,
            vec![RepairChange::PartRebuilt {
                part: 0,
                fault: Fault::SelfContact { part: 0, ring: 0, at: Coord { x: 1.0, y: 1.0 } },
                parts_after: 2,
                area_change: 0.0,
            }]
        );
    }

    #[test]
    fn ring_touching_itself_becomes_shell_and_hole() {
        // An "inverted hole": the outer ring dips in to (2,2) and loops around a hole.
        let inverted = wkt!(MULTIPOLYGON(((0. 0., 4. 0., 4. 4., 2. 4., 2. 3., 3. 3., 3. 1., 1. 1., 1. 3., 2. 3., 2. 4., 0. 4., 0. 0.))));
        let (out, report) = repair(&inverted);
        assert!(out.is_valid(), "{:?}", out.validation_errors());
        assert!((out.unsigned_area() - 12.0).abs() < 1e-12, "{}", out.unsigned_area());
        assert_eq!(report.items.len(), 1, "{:?}", report.changes);
    }

    #[test]
    fn collapsed_hole_is_dropped() {
        let flat_hole =
            wkt!(MULTIPOLYGON(((0. 0., 4. 0., 4. 4., 0. 4., 0. 0.), (1. 1., 2. 1., 3. 1., 1. 1.))));
        let (out, report) = repair(&flat_hole);
        assert!(out.is_valid());
        assert!(out.0[0].interiors().is_empty());
        // The ring runs (1,1) → (3,1) and back: the turn at (1,1) is a spike; the rest a line.
        assert_eq!(
            report.items,
            vec![
                RepairChange::Spikes { part: 0, ring: 1, count: 1, first: [1.0, 1.0] },
                RepairChange::RingRemoved { part: 0, ring: 1, near: [2.0, 1.0] },
            ]
        );
    }

    #[test]
    fn overlapping_parts_are_merged() {
        let two = wkt!(MULTIPOLYGON(((0. 0., 2. 0., 2. 2., 0. 2., 0. 0.)), ((1. 0., 3. 0., 3. 2., 1. 2., 1. 0.))));
        let (out, report) = repair(&two);
        assert!(out.is_valid());
        assert_eq!(out.0.len(), 1);
        assert!((out.unsigned_area() - 6.0).abs() < 1e-12);
        assert!(matches!(report.items[..], [RepairChange::PartsMerged { parts_after: 1, .. }]));
    }

    /// Repairs every region of an edition and checks validity with geo's own `Validation` (an
    /// independent judge), the area change, and which regions needed what.
    fn check_edition(edition: Edition, geo_invalid: &[&str], also_cleaned: &[&str]) {
        let (mut invalid, mut cleaned) = (Vec::new(), Vec::new());
        for (code, geom) in regions(edition) {
            let (fixed, report) = repair(&geom);
            assert!(fixed.is_valid(), "{code}: still invalid: {:?}", fixed.validation_errors());
            assert!(!has_degenerate_features(&fixed), "{code}: repeated points or spikes left");
            let (before, after) = (geom.unsigned_area(), fixed.unsigned_area());
            assert!(relative_change(before, after) < 1e-8, "{code}: area {before} → {after}");
            if !geom.is_valid() {
                assert!(!report.is_clean(), "{code}: invalid but nothing reported");
                invalid.push(code);
            } else if !report.is_clean() {
                assert_eq!(
                    repair(&fixed).1,
                    RepairReport::default(),
                    "{code}: repair is not idempotent"
                );
                cleaned.push(code);
            }
        }
        invalid.sort();
        cleaned.sort();
        assert_eq!(invalid, geo_invalid);
        assert_eq!(cleaned, also_cleaned);
    }

    #[test]
    fn every_2024_region_is_valid_after_repair_with_area_kept() {
        check_edition(
            Edition::E2024,
            &["KZ-AKM", "KZ-ALM", "KZ-AST", "KZ-KZY", "KZ-VOS", "KZ-YUZ", "KZ-ZHT"],
            &["KZ-ATY", "KZ-MAN", "KZ-ZHA"],
        );
    }

    #[test]
    fn repair_gives_the_same_rings_in_the_same_order_every_time() {
        // Each repair below runs with fresh hash-map seeds inside the rebuild engines.
        for (code, region) in regions(Edition::E2024) {
            let first = repair(&region).0;
            for _ in 0..3 {
                assert_eq!(repair(&region).0, first, "{code}");
            }
        }
    }

    #[test]
    fn every_2018_region_is_valid_after_repair_with_area_kept() {
        check_edition(Edition::E2018, &[], &[]);
    }

    #[test]
    fn east_kazakhstan_self_intersection_is_named_and_fixed_in_place() {
        let regions = regions(Edition::E2024);
        let (_, vos) = regions.iter().find(|(c, _)| c == "KZ-VOS").expect("KZ-VOS");
        let (fixed, report) = repair(vos);
        assert_eq!(fixed.0.len(), 1);
        let [
            RepairChange::PartRebuilt {
                part: 0,
                fault: Fault::SelfContact { at, .. },
                area_change,
                ..
            },
        ] = report.items[..]
        else {
            panic!("unexpected report {:?}", report.changes);
        };
        // GDAL's IsValid names the same spot: "Self-intersection [82.671971 49.228569]".
        assert!((at.x - 82.671_971).abs() < 1e-6 && (at.y - 49.228_569).abs() < 1e-6, "{at:?}");
        assert!(area_change < 1e-8);
    }
}
