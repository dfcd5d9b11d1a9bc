//! A fast validity check for multipolygons after the OGC Simple Features rules, which also says
//! where each fault is. One sweep over all edges sorted by their west end finds every pair of
//! edges that meet, so a region of a few thousand vertices is checked in well under a
//! millisecond (geo's own `Validation` compares every edge with every other and relates every
//! hole to the shell, which takes seconds on Almaty Region). Tests check it against
//! `geo::Validation`.

use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::{Coord, Line, LineIntersection, LineString, MultiPolygon, Rect};

/// One way a multipolygon breaks the OGC rules. Parts count from 0; ring 0 is a part's outer
/// ring and holes count from 1. `at` is a place where the fault shows. [`Fault::describe`] says
/// it in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// A ring has fewer than three distinct points, or a coordinate is not finite.
    Degenerate { part: usize, ring: usize },
    /// A ring touches or crosses itself (also a spike folding back on itself).
    SelfContact { part: usize, ring: usize, at: Coord<f64> },
    /// Two rings of one polygon cross, or run along each other.
    RingsCross { part: usize, rings: (usize, usize), at: Coord<f64> },
    /// A hole lies (partly) outside its polygon's outer ring.
    HoleOutside { part: usize, ring: usize },
    /// Two holes of one polygon overlap.
    HolesOverlap { part: usize, rings: (usize, usize) },
    /// Two parts overlap (their borders cross, or one lies inside the other).
    PartsOverlap { parts: (usize, usize), at: Option<Coord<f64>> },
    /// Two parts run along each other: they share a stretch of border (and should be one part).
    PartsShareBorder { parts: (usize, usize), at: Coord<f64> },
}

impl Fault {
    /// The part the fault is in (the first one for faults between parts).
    pub(crate) fn part(&self) -> usize {
        match self {
            Fault::Degenerate { part, .. }
            | Fault::SelfContact { part, .. }
            | Fault::RingsCross { part, .. }
            | Fault::HoleOutside { part, .. }
            | Fault::HolesOverlap { part, .. } => *part,
            Fault::PartsOverlap { parts, .. } | Fault::PartsShareBorder { parts, .. } => parts.0,
        }
    }

    /// The fault without its place: faults with the same key are reported once.
    fn key(&self) -> (u8, usize, usize, usize) {
        match *self {
            Fault::Degenerate { part, ring } => (0, part, ring, 0),
            Fault::SelfContact { part, ring, .. } => (1, part, ring, 0),
            Fault::RingsCross { part, rings, .. } => (2, part, rings.0, rings.1),
            Fault::HoleOutside { part, ring } => (3, part, ring, 0),
            Fault::HolesOverlap { part, rings } => (4, part, rings.0, rings.1),
            Fault::PartsOverlap { parts, .. } => (5, parts.0, parts.1, 0),
            Fault::PartsShareBorder { parts, .. } => (6, parts.0, parts.1, 0),
        }
    }

    /// True for faults between parts (the parts themselves may be fine).
    pub(crate) fn is_between_parts(&self) -> bool {
        matches!(self, Fault::PartsOverlap { .. } | Fault::PartsShareBorder { .. })
    }
}

/// An edge of a ring with where it belongs.
#[derive(Debug, Clone, Copy)]
struct Edge {
    part: usize,
    ring: usize,
    index: usize,
    ring_edges: usize,
    line: Line<f64>,
    min_x: f64,
    max_x: f64,
}

impl Edge {
    fn bbox_meets(&self, other: &Edge) -> bool {
        let (a, b) = (self.line, other.line);
        a.start.y.min(a.end.y) <= b.start.y.max(b.end.y)
            && b.start.y.min(b.end.y) <= a.start.y.max(a.end.y)
    }

    /// True if the two edges follow each other in the same ring (share a vertex by construction).
    fn adjacent(&self, other: &Edge) -> bool {
        self.part == other.part
            && self.ring == other.ring
            && (self.index.abs_diff(other.index) == 1
                || self.index.abs_diff(other.index) + 1 == self.ring_edges)
    }
}

/// Rings of `geom` as (part, ring index, ring): ring 0 is the outer ring, then the holes.
fn rings(geom: &MultiPolygon<f64>) -> impl Iterator<Item = (usize, usize, &LineString<f64>)> {
    geom.0.iter().enumerate().flat_map(|(p, polygon)| {
        std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .enumerate()
            .map(move |(r, ring)| (p, r, ring))
    })
}

/// True if the ring has at least three distinct points, all finite, and is closed.
fn ring_is_sound(ring: &LineString<f64>) -> bool {
    if ring.0.iter().any(|c| !c.x.is_finite() || !c.y.is_finite()) {
        return false;
    }
    let mut distinct: Vec<Coord<f64>> = Vec::with_capacity(3);
    for c in &ring.0 {
        if !distinct.contains(c) {
            distinct.push(*c);
            if distinct.len() == 3 {
                return ring.0.len() >= 4 && ring.0.first() == ring.0.last();
            }
        }
    }
    false
}

/// True if a ray from `p` to the east crosses the ring an odd number of times.
pub(crate) fn ring_crosses(ring: &LineString<f64>, p: Coord<f64>) -> bool {
    ring.lines().fold(false, |odd, line| {
        let (a, b) = (line.start, line.end);
        let crosses =
            (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x;
        odd ^ crosses
    })
}

/// Bounding box of a ring (`None` if empty).
fn ring_box(ring: &LineString<f64>) -> Option<Rect<f64>> {
    let first = *ring.0.first()?;
    let (mut lo, mut hi) = (first, first);
    for c in &ring.0 {
        lo.x = lo.x.min(c.x);
        lo.y = lo.y.min(c.y);
        hi.x = hi.x.max(c.x);
        hi.y = hi.y.max(c.y);
    }
    Some(Rect::new(lo, hi))
}

fn boxes_meet(a: &Rect<f64>, b: &Rect<f64>) -> bool {
    a.min().x <= b.max().x
        && b.min().x <= a.max().x
        && a.min().y <= b.max().y
        && b.min().y <= a.max().y
}

/// Every fault of `geom`, or only the first one if `first_only`. An empty list means the
/// geometry is valid: rings sound and simple, rings of a polygon meeting at most at single
/// points, holes inside their outer ring and apart from each other, parts apart except at
/// single points. (Like geo and unlike GEOS, an interior split by rings touching at two points
/// is not detected.)
pub(crate) fn faults(geom: &MultiPolygon<f64>, first_only: bool) -> Vec<Fault> {
    let mut found = Vec::new();
    for (part, ring, ls) in rings(geom) {
        if !ls.0.is_empty() && !ring_is_sound(ls) {
            found.push(Fault::Degenerate { part, ring });
            if first_only {
                return found;
            }
        }
    }
    if !found.is_empty() {
        // Edge tests on broken rings would only repeat the same faults.
        return found;
    }

    let mut edges: Vec<Edge> = Vec::new();
    for (part, ring, ls) in rings(geom) {
        // Repeated points are allowed (as in GEOS); their zero-length edges are skipped so the
        // edges around them count as neighbours.
        let lines: Vec<Line<f64>> = ls.lines().filter(|l| l.start != l.end).collect();
        let ring_edges = lines.len();
        for (index, line) in lines.into_iter().enumerate() {
            edges.push(Edge {
                part,
                ring,
                index,
                ring_edges,
                line,
                min_x: line.start.x.min(line.end.x),
                max_x: line.start.x.max(line.end.x),
            });
        }
    }
    edges.sort_by(|a, b| a.min_x.total_cmp(&b.min_x));

    // Ring pairs (part, ring, part, ring) that touch at a point: their nesting is then checked
    // with every vertex rather than one.
    let mut touching: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (i, e) in edges.iter().enumerate() {
        for o in edges.iter().skip(i + 1) {
            if o.min_x > e.max_x {
                break;
            }
            if !e.bbox_meets(o) {
                continue;
            }
            let Some(hit) = geo::line_intersection::line_intersection(e.line, o.line) else {
                continue;
            };
            let fault = match hit {
                LineIntersection::SinglePoint { intersection, is_proper } => {
                    if e.adjacent(o) {
                        // Consecutive edges meet at their shared vertex; only a fold-back that
                        // overlaps would show as collinear.
                        None
                    } else if e.part == o.part && e.ring == o.ring {
                        Some(Fault::SelfContact { part: e.part, ring: e.ring, at: intersection })
                    } else if is_proper {
                        Some(crossing(e, o, intersection, false))
                    } else {
                        let key = ordered(e, o);
                        if !touching.contains(&key) {
                            touching.push(key);
                        }
                        None
                    }
                }
                LineIntersection::Collinear { intersection } => {
                    if e.part == o.part && e.ring == o.ring {
                        Some(Fault::SelfContact {
                            part: e.part,
                            ring: e.ring,
                            at: intersection.start,
                        })
                    } else {
                        let key = ordered(e, o);
                        if !touching.contains(&key) {
                            touching.push(key);
                        }
                        Some(crossing(e, o, intersection.start, true))
                    }
                }
            };
            if let Some(fault) = fault {
                if !found.iter().any(|f| f.key() == fault.key()) {
                    found.push(fault);
                }
                if first_only {
                    return found;
                }
            }
        }
    }

    nesting_faults(geom, &touching, first_only, &mut found);
    found
}

/// The fault for two edges of different rings that cross (or, if `collinear`, run along each
/// other) at `at`.
fn crossing(e: &Edge, o: &Edge, at: Coord<f64>, collinear: bool) -> Fault {
    let parts = (e.part.min(o.part), e.part.max(o.part));
    if e.part == o.part {
        Fault::RingsCross { part: e.part, rings: (e.ring.min(o.ring), e.ring.max(o.ring)), at }
    } else if collinear {
        Fault::PartsShareBorder { parts, at }
    } else {
        Fault::PartsOverlap { parts, at: Some(at) }
    }
}

fn ordered(e: &Edge, o: &Edge) -> (usize, usize, usize, usize) {
    let (a, b) = ((e.part, e.ring), (o.part, o.ring));
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    (lo.0, lo.1, hi.0, hi.1)
}

/// Points of `ring` to test against another ring. Without contact between the rings one vertex
/// decides. If they touch, every vertex and every edge midpoint is tested, except those lying on
/// the other ring (they say nothing): a ring can only pass from one side of the other to the
/// other side at a contact point, and the vertex or midpoint next to it shows which side.
fn probe_points<'a>(
    ring: &'a LineString<f64>,
    others: &'a [&'a LineString<f64>],
    touch: bool,
) -> impl Iterator<Item = Coord<f64>> + 'a {
    let first = ring.0.first().copied().filter(|_| !touch);
    let all = ring
        .lines()
        .flat_map(|l| {
            let mid = Coord { x: (l.start.x + l.end.x) / 2.0, y: (l.start.y + l.end.y) / 2.0 };
            [l.start, mid]
        })
        .filter(move |c| touch && !others.iter().any(|o| on_ring(o, *c)));
    first.into_iter().chain(all)
}

/// True if `p` lies on one of the ring's edges.
fn on_ring(ring: &LineString<f64>, p: Coord<f64>) -> bool {
    ring.lines().any(|l| {
        RobustKernel::orient2d(l.start, l.end, p) == Orientation::Collinear
            && p.x >= l.start.x.min(l.end.x)
            && p.x <= l.start.x.max(l.end.x)
            && p.y >= l.start.y.min(l.end.y)
            && p.y <= l.start.y.max(l.end.y)
    })
}

/// Holes inside their outer ring and apart from each other; parts apart from each other.
fn nesting_faults(
    geom: &MultiPolygon<f64>,
    touching: &[(usize, usize, usize, usize)],
    first_only: bool,
    found: &mut Vec<Fault>,
) {
    let touch = |p: usize, r: usize, q: usize, s: usize| {
        touching.contains(&(p, r, q, s)) || touching.contains(&(q, s, p, r))
    };
    for (p, polygon) in geom.0.iter().enumerate() {
        let shell = polygon.exterior();
        let holes = polygon.interiors();
        for (h, hole) in holes.iter().enumerate() {
            let ring = h + 1;
            let t = touch(p, 0, p, ring);
            if probe_points(hole, &[shell], t).any(|c| !ring_crosses(shell, c)) {
                found.push(Fault::HoleOutside { part: p, ring });
                if first_only {
                    return;
                }
            }
            let Some(hb) = ring_box(hole) else { continue };
            for (k, other) in holes.iter().enumerate().skip(h + 1) {
                let Some(ob) = ring_box(other) else { continue };
                if !boxes_meet(&hb, &ob) {
                    continue;
                }
                let t = touch(p, ring, p, k + 1);
                let overlap = probe_points(hole, &[other], t).any(|c| ring_crosses(other, c))
                    || probe_points(other, &[hole], t).any(|c| ring_crosses(hole, c));
                if overlap {
                    found.push(Fault::HolesOverlap { part: p, rings: (ring, k + 1) });
                    if first_only {
                        return;
                    }
                }
            }
        }
    }
    // Parts: a vertex of one part's shell strictly inside the other part means overlap (a part
    // sitting in another's hole is fine: the even-odd test puts it outside).
    let boxes: Vec<Option<Rect<f64>>> = geom.0.iter().map(|p| ring_box(p.exterior())).collect();
    for (p, a) in geom.0.iter().enumerate() {
        for (q, b) in geom.0.iter().enumerate().skip(p + 1) {
            let (Some(Some(ab)), Some(Some(bb))) = (boxes.get(p), boxes.get(q)) else {
                continue;
            };
            if !boxes_meet(ab, bb) {
                continue;
            }
            let inside = |poly: &geo::Polygon<f64>, c: Coord<f64>| {
                std::iter::once(poly.exterior())
                    .chain(poly.interiors())
                    .fold(false, |acc, r| acc ^ ring_crosses(r, c))
            };
            // Any contact between the two parts' rings: probe densely, skipping points on any
            // ring of the other part.
            let t = touching.iter().any(|&(p1, _, q1, _)| (p1, q1) == (p, q) || (p1, q1) == (q, p));
            let a_rings: Vec<&LineString<f64>> =
                std::iter::once(a.exterior()).chain(a.interiors()).collect();
            let b_rings: Vec<&LineString<f64>> =
                std::iter::once(b.exterior()).chain(b.interiors()).collect();
            let overlap = probe_points(b.exterior(), &a_rings, t).any(|c| inside(a, c))
                || probe_points(a.exterior(), &b_rings, t).any(|c| inside(b, c));
            if overlap {
                found.push(Fault::PartsOverlap { parts: (p, q), at: None });
                if first_only {
                    return;
                }
            }
        }
    }
}

/// True if part `inner` lies wholly inside part `outer` (in its filled area, not in a hole),
/// touching its rings at most at points. For parts known not to cross each other.
pub(crate) fn part_within(inner: &geo::Polygon<f64>, outer: &geo::Polygon<f64>) -> bool {
    let outer_rings: Vec<&LineString<f64>> =
        std::iter::once(outer.exterior()).chain(outer.interiors()).collect();
    let mut probes = probe_points(inner.exterior(), &outer_rings, true).peekable();
    probes.peek().is_some()
        && probes.all(|c| outer_rings.iter().fold(false, |acc, r| acc ^ ring_crosses(r, c)))
}

/// True if `geom` has no fault (see [`faults`]).
pub(crate) fn is_valid(geom: &MultiPolygon<f64>) -> bool {
    faults(geom, true).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::test_data::{Edition, regions, repaired_regions};
    use geo::{Validation, wkt};

    #[test]
    fn clean_square_with_hole_and_island_in_the_hole_is_valid() {
        let geom = wkt!(MULTIPOLYGON(
            ((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.), (2. 2., 8. 2., 8. 8., 2. 8., 2. 2.)),
            ((4. 4., 6. 4., 6. 6., 4. 6., 4. 4.))
        ));
        assert_eq!(faults(&geom, false), vec![]);
    }

    #[test]
    fn hole_touching_shell_at_one_point_is_valid_as_in_ogc() {
        let geom = wkt!(MULTIPOLYGON(((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.), (0. 5., 5. 2., 5. 8., 0. 5.))));
        assert!(geom.is_valid());
        assert_eq!(faults(&geom, false), vec![]);
    }

    #[test]
    fn each_kind_of_fault_is_found_and_placed() {
        let bow_tie = wkt!(MULTIPOLYGON(((0. 0., 2. 2., 2. 0., 0. 2., 0. 0.))));
        assert_eq!(
            faults(&bow_tie, false),
            vec![Fault::SelfContact { part: 0, ring: 0, at: Coord { x: 1.0, y: 1.0 } }]
        );
        let flat = wkt!(MULTIPOLYGON(((0. 0., 1. 0., 2. 0., 0. 0.))));
        assert!(matches!(faults(&flat, true)[..], [Fault::SelfContact { .. }]));
        let two_points = wkt!(MULTIPOLYGON(((0. 0., 1. 0., 0. 0., 0. 0.))));
        assert_eq!(faults(&two_points, false), vec![Fault::Degenerate { part: 0, ring: 0 }]);
        let hole_out =
            wkt!(MULTIPOLYGON(((0. 0., 4. 0., 4. 4., 0. 4., 0. 0.), (5. 5., 6. 5., 6. 6., 5. 5.))));
        assert_eq!(faults(&hole_out, false), vec![Fault::HoleOutside { part: 0, ring: 1 }]);
        let holes = wkt!(MULTIPOLYGON(((0. 0., 9. 0., 9. 9., 0. 9., 0. 0.), (1. 1., 5. 1., 5. 5., 1. 5., 1. 1.), (2. 2., 3. 2., 3. 3., 2. 2.))));
        assert_eq!(faults(&holes, false), vec![Fault::HolesOverlap { part: 0, rings: (1, 2) }]);
        let crossing_hole =
            wkt!(MULTIPOLYGON(((0. 0., 4. 0., 4. 4., 0. 4., 0. 0.), (2. 2., 6. 2., 6. 3., 2. 2.))));
        assert!(matches!(
            faults(&crossing_hole, true)[..],
            [Fault::RingsCross { part: 0, rings: (0, 1), .. }]
        ));
        let sharing = wkt!(MULTIPOLYGON(((0. 0., 1. 0., 1. 1., 0. 1., 0. 0.)), ((1. 0., 2. 0., 2. 1., 1. 1., 1. 0.))));
        assert!(matches!(
            faults(&sharing, false)[..],
            [Fault::PartsShareBorder { parts: (0, 1), at: Coord { x: 1.0, .. } }]
        ));
        let nested = wkt!(MULTIPOLYGON(((0. 0., 9. 0., 9. 9., 0. 9., 0. 0.)), ((1. 1., 2. 1., 2. 2., 1. 1.))));
        assert_eq!(faults(&nested, false), vec![Fault::PartsOverlap { parts: (0, 1), at: None }]);
        let corner = wkt!(MULTIPOLYGON(((0. 0., 1. 0., 1. 1., 0. 1., 0. 0.)), ((1. 1., 2. 1., 2. 2., 1. 2., 1. 1.))));
        assert_eq!(faults(&corner, false), vec![]);
    }

    #[test]
    fn flags_exactly_the_regions_gdal_finds_invalid_and_none_after_repair() {
        // GDAL's IsValid (GEOS) on kz_adm1_2024: Akmola, Almaty Region, Zhetisu, Kyzylorda,
        // Turkistan, East Kazakhstan and Astana are invalid; every 2018 region is valid.
        let invalid = |edition| {
            let mut codes: Vec<String> = regions(edition)
                .into_iter()
                .filter(|(_, g)| !is_valid(g))
                .map(|(c, _)| c)
                .collect();
            codes.sort();
            codes
        };
        assert_eq!(
            invalid(Edition::E2024),
            ["KZ-AKM", "KZ-ALM", "KZ-AST", "KZ-KZY", "KZ-VOS", "KZ-YUZ", "KZ-ZHT"]
        );
        assert_eq!(invalid(Edition::E2018), Vec::<String>::new());
        for edition in [Edition::E2018, Edition::E2024] {
            for (code, geom) in repaired_regions(edition) {
                assert_eq!(faults(&geom, false), vec![], "{code} repaired");
            }
        }
    }
}
