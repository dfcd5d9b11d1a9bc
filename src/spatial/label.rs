//! Label positions: the pole of inaccessibility of a region's largest part, the inside point
//! farthest from its border (Garcia-Castellanos & Lombardo 2007; Mapbox "polylabel").

use std::collections::BinaryHeap;

use geo::{Area, BoundingRect, Coord, MultiPolygon, Polygon};

/// Fraction of the part's larger bounding-box side to which the label point is refined.
const PRECISION: f64 = 1e-3;

/// A good place for a region's label: the point of its largest part farthest from any border
/// (outer ring or hole), so the label sits inside and away from the edges even for crescents,
/// rings around enclaves and multi-part regions. Distances are in the geometry's own units, so
/// pass projected geometry for a visually centred label. Empty geometry gives `[0, 0]`.
#[must_use]
pub fn label_point(geom: &MultiPolygon<f64>) -> [f64; 2] {
    let Some(largest) =
        geom.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
    else {
        return [0.0, 0.0];
    };
    let c = pole_of_inaccessibility(largest);
    [c.x, c.y]
}

/// A square cell of the search: centre, half size, signed distance of the centre to the border
/// (positive inside) and the best distance any point of the cell could have.
#[derive(Debug, Clone, Copy)]
struct Cell {
    centre: Coord<f64>,
    half: f64,
    distance: f64,
    potential: f64,
}

impl Cell {
    fn new(centre: Coord<f64>, half: f64, edges: &Edges) -> Self {
        let distance = edges.signed_distance(centre);
        Self { centre, half, distance, potential: distance + half * std::f64::consts::SQRT_2 }
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.potential.total_cmp(&other.potential).is_eq()
    }
}
impl Eq for Cell {}
impl PartialOrd for Cell {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Cell {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.potential.total_cmp(&other.potential)
    }
}

/// Best-first quadtree search for the inside point farthest from the polygon's rings.
fn pole_of_inaccessibility(polygon: &Polygon<f64>) -> Coord<f64> {
    let Some(bbox) = polygon.bounding_rect() else {
        return Coord { x: 0.0, y: 0.0 };
    };
    let (w, h) = (bbox.width(), bbox.height());
    let size = w.min(h);
    if size <= 0.0 {
        return bbox.min();
    }
    let precision = w.max(h) * PRECISION;
    let edges = Edges::new(polygon);
    let mut queue = BinaryHeap::new();
    let half = size / 2.0;
    let mut y = bbox.min().y;
    while y < bbox.max().y {
        let mut x = bbox.min().x;
        while x < bbox.max().x {
            queue.push(Cell::new(Coord { x: x + half, y: y + half }, half, &edges));
            x += size;
        }
        y += size;
    }
    let mut best = Cell::new(bbox.center(), 0.0, &edges);
    while let Some(cell) = queue.pop() {
        if cell.distance > best.distance {
            best = cell;
        }
        if cell.potential - best.distance <= precision {
            // The heap is ordered by potential: no remaining cell can do better.
            break;
        }
        let q = cell.half / 2.0;
        for (dx, dy) in [(-q, -q), (q, -q), (-q, q), (q, q)] {
            let centre = Coord { x: cell.centre.x + dx, y: cell.centre.y + dy };
            queue.push(Cell::new(centre, q, &edges));
        }
    }
    best.centre
}

/// Number of consecutive edges grouped under one bounding box in [`Edges`].
const CHUNK: usize = 16;

/// A polygon's edges in chunks of consecutive edges with their bounding boxes, so a distance
/// query skips every chunk farther away than the nearest edge found so far, and the crossing
/// count skips chunks the eastward ray cannot meet. About five times faster than visiting every
/// edge for the simplified regions.
struct Edges {
    /// (start, end) of every edge.
    lines: Vec<(Coord<f64>, Coord<f64>)>,
    /// (min, max) corner of each chunk's bounding box; chunk k holds edges k·CHUNK.. .
    boxes: Vec<(Coord<f64>, Coord<f64>)>,
}

impl Edges {
    fn new(polygon: &Polygon<f64>) -> Self {
        let mut lines = Vec::new();
        let mut boxes = Vec::new();
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let ring_lines: Vec<(Coord<f64>, Coord<f64>)> =
                ring.lines().map(|l| (l.start, l.end)).collect();
            for chunk in ring_lines.chunks(CHUNK) {
                let mut lo = Coord { x: f64::INFINITY, y: f64::INFINITY };
                let mut hi = Coord { x: f64::NEG_INFINITY, y: f64::NEG_INFINITY };
                for (a, b) in chunk {
                    lo.x = lo.x.min(a.x).min(b.x);
                    lo.y = lo.y.min(a.y).min(b.y);
                    hi.x = hi.x.max(a.x).max(b.x);
                    hi.y = hi.y.max(a.y).max(b.y);
                }
                boxes.push((lo, hi));
                lines.extend_from_slice(chunk);
                // Pad to a whole chunk so chunk k always starts at k·CHUNK.
                let pad = CHUNK - chunk.len();
                if let Some(&(a, _)) = chunk.first() {
                    lines.extend(std::iter::repeat_n((a, a), pad));
                }
            }
        }
        Self { lines, boxes }
    }

    /// Distance from `p` to the nearest edge, positive inside the polygon, negative outside.
    fn signed_distance(&self, p: Coord<f64>) -> f64 {
        let mut inside = false;
        let mut min_sq = f64::INFINITY;
        for (k, &(lo, hi)) in self.boxes.iter().enumerate() {
            let Some(chunk) = self.lines.get(k * CHUNK..(k + 1) * CHUNK) else {
                continue;
            };
            // Crossings of the eastward ray: only chunks spanning p.y and reaching east of p.
            if lo.y <= p.y && p.y <= hi.y && hi.x >= p.x {
                for &(a, b) in chunk {
                    if (a.y > p.y) != (b.y > p.y)
                        && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                    {
                        inside = !inside;
                    }
                }
            }
            let dx = (lo.x - p.x).max(p.x - hi.x).max(0.0);
            let dy = (lo.y - p.y).max(p.y - hi.y).max(0.0);
            if dx * dx + dy * dy < min_sq {
                for &(a, b) in chunk {
                    min_sq = min_sq.min(segment_distance_sq(p, a, b));
                }
            }
        }
        let d = min_sq.sqrt();
        if inside { d } else { -d }
    }
}

/// Squared distance from `p` to the segment `a`–`b`.
fn segment_distance_sq(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len_sq = dx * dx + dy * dy;
    let t = if len_sq > 0.0 {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len_sq).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (ex, ey) = (a.x + t * dx - p.x, a.y + t * dy - p.y);
    ex * ex + ey * ey
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::EqualArea;
    use crate::spatial::test_data::{Edition, repaired_regions};
    use geo::{Contains, Point, wkt};

    #[test]
    fn label_of_a_square_is_its_centre() {
        let square = wkt!(MULTIPOLYGON(((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.))));
        let [x, y] = label_point(&square);
        assert!((x - 5.0).abs() < 0.02 && (y - 5.0).abs() < 0.02, "({x}, {y})");
    }

    #[test]
    fn label_of_a_frame_avoids_the_hole_and_uses_the_largest_part() {
        // A 10×10 square with a 6×6 hole shifted left: the widest band is on the right.
        let frame = wkt!(MULTIPOLYGON(
            ((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.), (1. 2., 7. 2., 7. 8., 1. 8., 1. 2.)),
            ((20. 0., 21. 0., 21. 1., 20. 1., 20. 0.))
        ));
        let [x, y] = label_point(&frame);
        assert!((x - 8.5).abs() < 0.05, "x = {x}");
        assert!(y > 1.4 && y < 8.6, "y = {y}");
    }

    #[test]
    fn label_point_is_inside_every_region_and_away_from_its_border() {
        let proj = EqualArea::kazakhstan();
        for edition in [Edition::E2018, Edition::E2024] {
            for (code, geom) in repaired_regions(edition) {
                let metres = proj.project_multipolygon(&geom);
                let [x, y] = label_point(&metres);
                assert!(metres.contains(&Point::new(x, y)), "{code}: label outside");
                let [lon, lat] = label_point(&geom);
                assert!(geom.contains(&Point::new(lon, lat)), "{code}: lon/lat label outside");
                let largest = metres
                    .0
                    .iter()
                    .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
                    .expect("non-empty");
                // At least 20 % of the radius of a disc of the same area: clear of the edges.
                let clearance = Edges::new(largest).signed_distance(Coord { x, y });
                let radius = (largest.unsigned_area() / std::f64::consts::PI).sqrt();
                assert!(clearance > 0.2 * radius, "{code}: {clearance} m of {radius} m");
            }
        }
    }

    #[test]
    fn almaty_region_label_is_inside_despite_its_enclaves() {
        let regions = repaired_regions(Edition::E2024);
        let (_, almaty_region) = regions.iter().find(|(c, _)| c == "KZ-ALM").expect("KZ-ALM");
        let holes: usize = almaty_region.0.iter().map(|p| p.interiors().len()).sum();
        assert!(holes >= 2, "Almaty Region should have enclaves as holes, has {holes}");
        let [lon, lat] = label_point(almaty_region);
        assert!(almaty_region.contains(&Point::new(lon, lat)));
        // And not inside Almaty city, which is one of its holes.
        let (_, city) = regions.iter().find(|(c, _)| c == "KZ-ALA").expect("KZ-ALA");
        assert!(!city.contains(&Point::new(lon, lat)));
    }
}
