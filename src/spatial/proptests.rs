//! Property tests: whatever rings come in, `repair` returns geometry that geo's own validation
//! accepts (or names the fault it could not fix), and `simplify` and `triangulate` keep it valid and whole.

use geo::{Area, Coord, LineString, MultiPolygon, Polygon, Validation};
use proptest::prelude::*;

use super::validity::faults;
use super::{repair, simplify, triangulate};

/// A ring of 3–12 points on a coarse grid, so repeated points, collinear runs, spikes, touching
/// and crossing edges are all frequent.
fn ring() -> impl Strategy<Value = LineString<f64>> {
    prop::collection::vec((0i32..12, 0i32..12), 3..12).prop_map(|pts| {
        pts.into_iter().map(|(x, y)| Coord { x: f64::from(x), y: f64::from(y) }).collect()
    })
}

/// One or two polygons, each with up to two holes.
fn messy() -> impl Strategy<Value = MultiPolygon<f64>> {
    prop::collection::vec((ring(), prop::collection::vec(ring(), 0..3)), 1..3).prop_map(|parts| {
        parts.into_iter().map(|(shell, holes)| Polygon::new(shell, holes)).collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn repair_returns_valid_geometry_or_reports_what_it_left(geom in messy()) {
        let (fixed, report) = repair(&geom);
        let left = faults(&fixed, false);
        if !report.is_fully_repaired() {
            // The contract for shapes no rule fixes unambiguously: say so, never hide it.
            prop_assert!(!left.is_empty(), "reported unrepaired, yet no fault left: {:?}", report.changes);
            return Ok(());
        }
        prop_assert!(fixed.is_valid(), "geo: {:?}\nin: {geom:?}\nout: {fixed:?}", fixed.validation_errors());
        prop_assert!(left.is_empty(), "ours: {left:?}");
        if report.is_clean() {
            prop_assert_eq!(&fixed, &geom);
        }
        // Repairing again changes nothing.
        let (again, second) = repair(&fixed);
        prop_assert!(second.is_clean(), "{:?}", second.changes);
        prop_assert_eq!(again, fixed);
    }

    #[test]
    fn simplified_and_triangulated_repairs_stay_valid_and_whole(geom in messy(), tol in 0.1f64..3.0) {
        let (fixed, report) = repair(&geom);
        prop_assume!(report.is_fully_repaired(), "simplify is only promised valid input");
        let simple = simplify(&fixed, tol);
        prop_assert!(simple.is_valid(), "{:?}\nin: {fixed:?}\nout: {simple:?}", simple.validation_errors());
        let mesh = triangulate(&simple);
        let area = simple.unsigned_area();
        prop_assert!((mesh.area() - area).abs() <= 1e-9 * area.max(1.0), "{} vs {area}", mesh.area());
    }

    #[test]
    fn our_validity_check_agrees_with_geo_on_valid_input(geom in messy()) {
        // Where geo accepts a shape, ours must too (ours is stricter only about rings that
        // enclose nothing, which geo lets through).
        let ours = faults(&geom, false);
        if geom.is_valid() && geom.0.iter().all(|p| p.unsigned_area() > 0.0) {
            prop_assert!(ours.is_empty() || ours.iter().all(|f| matches!(f, super::Fault::SelfContact { .. } | super::Fault::Degenerate { .. })), "{ours:?} for {geom:?}");
        }
    }
}
