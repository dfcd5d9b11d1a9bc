//! Which regions of a boundary edition are neighbours (queen contiguity), and the row-standardised
//! spatial weights Moran's I and LISA use (`analysis::moran`).
//!
//! Two units are neighbours when their shapes share at least one point, found with a tolerance so
//! that borders whose vertices do not coincide exactly (two files digitised apart, a border
//! simplified on one side only) still meet:
//! - some boundary segment of one lies within [`DEFAULT_TOLERANCE_KM`] of a boundary segment of the
//!   other (segment-to-segment distance on a local plane: 1° of latitude = 111.195 km, 1° of
//!   longitude = 111.195 km × cos latitude); crossing segments are at distance 0, so overlapping
//!   shapes are found too;
//! - or one shape lies inside the other without any boundary near (a city drawn on top of the
//!   oblast around it instead of as a hole in it): a vertex of one is inside the other.
//!
//! A city that is a hole in its oblast shares the whole hole ring with it and is found by the
//! first rule. The graph is built once per edition ([`NeighbourCache`] keeps it while the
//! edition's geometry is unchanged); building it for the 20 current regions (~27,000 vertices)
//! takes a few milliseconds, see `benches/typology.rs`.

use std::collections::HashMap;

use geo::{Contains, MultiPolygon, Point};

use crate::model::BoundaryEdition;

/// Kilometres per degree of latitude (mean Earth radius 6371.0088 km).
const KM_PER_DEGREE: f64 = 111.195;

/// How far apart two borders may be and still count as shared: 100 m. The shipped boundaries
/// share their border vertices exactly (their graphs are the same for any tolerance from 0 to
/// 1 km, and the 2018 one up to 5 km); 100 m joins borders digitised apart, by a file or a
/// simplification, without joining regions that do not touch.
pub const DEFAULT_TOLERANCE_KM: f64 = 0.1;

/// The neighbour graph of the units of one boundary edition: for every unit, the indices of its
/// neighbours (ascending). Symmetric by construction. Row-standardised weights: each of the
/// `k_i` neighbours of unit `i` weighs `1 / k_i`; a unit without neighbours (an island) has a
/// row of zeros, as in PySAL.
#[derive(Debug, Clone, PartialEq)]
pub struct Neighbours {
    /// Key of the edition the graph was built from (empty for a graph made from lists).
    pub edition: String,
    /// Unit codes, in the edition's order of units.
    codes: Vec<String>,
    /// Per unit: indices of its neighbours, ascending, without itself.
    lists: Vec<Vec<usize>>,
}

/// Why a neighbour graph given as lists is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NeighboursError {
    #[error("{count} codes but {lists} neighbour lists: every unit needs its list")]
    LengthMismatch { count: usize, lists: usize },
    #[error("unit {unit} («{code}») lists neighbour {neighbour}, but there are only {count} units")]
    OutOfRange { unit: usize, code: String, neighbour: usize, count: usize },
    #[error("unit {unit} («{code}») lists itself as its own neighbour")]
    SelfNeighbour { unit: usize, code: String },
}

/// Rook (shared edge) or queen (shared edge or corner) contiguity on a regular lattice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contiguity {
    Rook,
    Queen,
}

impl Neighbours {
    /// The queen-contiguity graph of `edition`'s units with [`DEFAULT_TOLERANCE_KM`].
    pub fn build(edition: &BoundaryEdition) -> Neighbours {
        Neighbours::build_with_tolerance(edition, DEFAULT_TOLERANCE_KM)
    }

    /// The queen-contiguity graph of `edition`'s units, borders within `tolerance_km` counting as
    /// shared (see the module text).
    pub fn build_with_tolerance(edition: &BoundaryEdition, tolerance_km: f64) -> Neighbours {
        let shapes: Vec<&MultiPolygon<f64>> = edition.units.iter().map(|u| &u.geometry).collect();
        let lists = contiguity(&shapes, tolerance_km.max(0.0));
        Neighbours {
            edition: edition.key.clone(),
            codes: edition.units.iter().map(|u| u.region_code.clone()).collect(),
            lists,
        }
    }

    /// A graph from explicit lists (`lists[i]`: the neighbours of `codes[i]`); the lists are
    /// made symmetric (a link given one way counts both ways), sorted and deduplicated.
    pub fn from_lists(
        codes: Vec<String>,
        lists: Vec<Vec<usize>>,
    ) -> Result<Neighbours, NeighboursError> {
        let count = codes.len();
        if lists.len() != count {
            return Err(NeighboursError::LengthMismatch { count, lists: lists.len() });
        }
        let mut symmetric: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (unit, list) in lists.iter().enumerate() {
            let code = codes.get(unit).cloned().unwrap_or_default();
            for &neighbour in list {
                if neighbour >= count {
                    return Err(NeighboursError::OutOfRange { unit, code, neighbour, count });
                }
                if neighbour == unit {
                    return Err(NeighboursError::SelfNeighbour { unit, code });
                }
                if let Some(row) = symmetric.get_mut(unit) {
                    row.push(neighbour);
                }
                if let Some(row) = symmetric.get_mut(neighbour) {
                    row.push(unit);
                }
            }
        }
        for row in &mut symmetric {
            row.sort_unstable();
            row.dedup();
        }
        Ok(Neighbours { edition: String::new(), codes, lists: symmetric })
    }

    /// A `rows` × `cols` lattice with rook or queen contiguity; cell `r * cols + c` is coded
    /// `r{r}c{c}`. For tests and benchmarks on generated values.
    pub fn lattice(rows: usize, cols: usize, contiguity: Contiguity) -> Neighbours {
        let mut codes = Vec::with_capacity(rows * cols);
        let mut lists = Vec::with_capacity(rows * cols);
        for r in 0..rows {
            for c in 0..cols {
                codes.push(format!("r{r}c{c}"));
                let mut list = Vec::new();
                for dr in -1i64..=1 {
                    for dc in -1i64..=1 {
                        let diagonal = dr != 0 && dc != 0;
                        if (dr == 0 && dc == 0) || (diagonal && contiguity == Contiguity::Rook) {
                            continue;
                        }
                        let (nr, nc) = (r as i64 + dr, c as i64 + dc);
                        if nr >= 0 && nc >= 0 && (nr as usize) < rows && (nc as usize) < cols {
                            list.push(nr as usize * cols + nc as usize);
                        }
                    }
                }
                list.sort_unstable();
                lists.push(list);
            }
        }
        Neighbours { edition: String::new(), codes, lists }
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True for a graph without units.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Unit codes, in order.
    pub fn codes(&self) -> &[String] {
        &self.codes
    }

    /// Index of the unit `code`.
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|c| c == code)
    }

    /// Indices of the neighbours of unit `i`, ascending (empty for an unknown index).
    pub fn of(&self, i: usize) -> &[usize] {
        self.lists.get(i).map_or(&[], Vec::as_slice)
    }

    /// Codes of the neighbours of `code`, in unit order (None for an unknown code).
    pub fn of_code(&self, code: &str) -> Option<Vec<&str>> {
        let i = self.index_of(code)?;
        Some(self.of(i).iter().filter_map(|&j| self.codes.get(j)).map(String::as_str).collect())
    }

    /// Every link once, as `(i, j)` with `i < j`, for drawing the graph.
    pub fn edges(&self) -> Vec<(usize, usize)> {
        self.lists
            .iter()
            .enumerate()
            .flat_map(|(i, list)| list.iter().filter(move |&&j| j > i).map(move |&j| (i, j)))
            .collect()
    }

    /// Units without any neighbour.
    pub fn islands(&self) -> Vec<usize> {
        (0..self.len()).filter(|&i| self.of(i).is_empty()).collect()
    }

    /// Whether `j` is a neighbour of `i` exactly when `i` is a neighbour of `j`.
    pub fn is_symmetric(&self) -> bool {
        self.lists
            .iter()
            .enumerate()
            .all(|(i, list)| list.iter().all(|&j| self.of(j).binary_search(&i).is_ok()))
    }

    /// Whether every unit can be reached from every other through neighbours.
    pub fn is_connected(&self) -> bool {
        let n = self.len();
        if n == 0 {
            return true;
        }
        let mut seen = vec![false; n];
        let mut pending = vec![0usize];
        if let Some(first) = seen.first_mut() {
            *first = true;
        }
        let mut reached = 1;
        while let Some(i) = pending.pop() {
            for &j in self.of(i) {
                if let Some(flag) = seen.get_mut(j)
                    && !*flag
                {
                    *flag = true;
                    reached += 1;
                    pending.push(j);
                }
            }
        }
        reached == n
    }

    /// The graph restricted to the units where `keep` is true (in order), links between kept
    /// units only: Moran's I over the regions that have a value.
    pub fn subset(&self, keep: &[bool]) -> Neighbours {
        let mut new_index = vec![None; self.len()];
        let mut codes = Vec::new();
        for (i, code) in self.codes.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(false) {
                if let Some(slot) = new_index.get_mut(i) {
                    *slot = Some(codes.len());
                }
                codes.push(code.clone());
            }
        }
        let lists = (0..self.len())
            .filter(|&i| new_index.get(i).copied().flatten().is_some())
            .map(|i| {
                self.of(i).iter().filter_map(|&j| new_index.get(j).copied().flatten()).collect()
            })
            .collect();
        Neighbours { edition: self.edition.clone(), codes, lists }
    }

    /// The row-standardised weight of the link `i → j` (0 when not neighbours).
    pub fn weight(&self, i: usize, j: usize) -> f64 {
        let list = self.of(i);
        if list.binary_search(&j).is_ok() { 1.0 / list.len() as f64 } else { 0.0 }
    }

    /// The spatial lag of unit `i`: the mean of `values` over its neighbours (row-standardised
    /// weights), 0 for an island.
    pub fn lag(&self, values: &[f64], i: usize) -> f64 {
        let list = self.of(i);
        if list.is_empty() {
            return 0.0;
        }
        list.iter().filter_map(|&j| values.get(j)).sum::<f64>() / list.len() as f64
    }
}

/// Keeps the neighbour graph of the editions already seen, rebuilt only when an edition's key,
/// units or geometry change (an import may replace an edition under the same key).
#[derive(Debug, Default)]
pub struct NeighbourCache {
    entries: HashMap<String, (u64, Neighbours)>,
}

impl NeighbourCache {
    /// The graph of `edition`, built on first use and after any change of its geometry.
    pub fn get(&mut self, edition: &BoundaryEdition) -> &Neighbours {
        use std::collections::hash_map::Entry;
        let print = fingerprint(edition);
        match self.entries.entry(edition.key.clone()) {
            Entry::Occupied(entry) => {
                let entry = entry.into_mut();
                if entry.0 != print {
                    *entry = (print, Neighbours::build(edition));
                }
                &entry.1
            }
            Entry::Vacant(entry) => &entry.insert((print, Neighbours::build(edition))).1,
        }
    }
}

/// A hash of an edition's unit codes and every coordinate (FNV-1a over the bits): cheap next to
/// building the graph, and changes with any moved vertex.
fn fingerprint(edition: &BoundaryEdition) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bits: u64| {
        hash ^= bits;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for unit in &edition.units {
        for b in unit.region_code.bytes() {
            feed(u64::from(b));
        }
        for polygon in &unit.geometry {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                feed(ring.0.len() as u64);
                for c in &ring.0 {
                    feed(c.x.to_bits());
                    feed(c.y.to_bits());
                }
            }
        }
    }
    hash
}

/// One boundary segment in lon/lat degrees.
#[derive(Debug, Clone, Copy)]
struct Segment {
    unit: usize,
    a: (f64, f64),
    b: (f64, f64),
}

/// Grid cell size in degrees for the segment index: about as long as the shipped boundaries'
/// longer segments, so each segment falls in a few cells.
const CELL_DEGREES: f64 = 0.1;

fn cell_of(v: f64) -> i64 {
    (v / CELL_DEGREES).floor() as i64
}

/// Neighbour lists of `shapes` (see the module text for the rule).
fn contiguity(shapes: &[&MultiPolygon<f64>], tolerance_km: f64) -> Vec<Vec<usize>> {
    let n = shapes.len();
    let mut linked = vec![false; n * n];
    let segments: Vec<Segment> = shapes
        .iter()
        .enumerate()
        .flat_map(|(unit, shape)| {
            shape.0.iter().flat_map(move |polygon| {
                std::iter::once(polygon.exterior()).chain(polygon.interiors()).flat_map(
                    move |ring| {
                        ring.lines().map(move |line| Segment {
                            unit,
                            a: (line.start.x, line.start.y),
                            b: (line.end.x, line.end.y),
                        })
                    },
                )
            })
        })
        .collect();
    // Widest a tolerance can be in degrees: longitude degrees shrink towards the pole.
    let max_lat = segments.iter().map(|s| s.a.1.abs().max(s.b.1.abs())).fold(0.0, f64::max);
    let tolerance_deg = tolerance_km / (KM_PER_DEGREE * max_lat.min(89.0).to_radians().cos());
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (index, s) in segments.iter().enumerate() {
        let (x0, x1) = (s.a.0.min(s.b.0) - tolerance_deg, s.a.0.max(s.b.0) + tolerance_deg);
        let (y0, y1) = (s.a.1.min(s.b.1) - tolerance_deg, s.a.1.max(s.b.1) + tolerance_deg);
        for cx in cell_of(x0)..=cell_of(x1) {
            for cy in cell_of(y0)..=cell_of(y1) {
                grid.entry((cx, cy)).or_default().push(index);
            }
        }
    }
    for cell in grid.values() {
        for (k, &first) in cell.iter().enumerate() {
            let Some(s) = segments.get(first) else { continue };
            for &second in cell.iter().skip(k + 1) {
                let Some(t) = segments.get(second) else { continue };
                if s.unit == t.unit || linked.get(s.unit * n + t.unit).copied().unwrap_or(true) {
                    continue;
                }
                if segment_distance_km(s, t) <= tolerance_km {
                    for cell in [s.unit * n + t.unit, t.unit * n + s.unit] {
                        if let Some(flag) = linked.get_mut(cell) {
                            *flag = true;
                        }
                    }
                }
            }
        }
    }
    // One shape inside another with no border near: a vertex of one lies inside the other.
    let boxes: Vec<Option<geo::Rect<f64>>> =
        shapes.iter().map(|s| geo::BoundingRect::bounding_rect(*s)).collect();
    for i in 0..n {
        for j in 0..n {
            if i == j || linked.get(i * n + j).copied().unwrap_or(true) {
                continue;
            }
            let (Some(Some(bi)), Some(Some(bj))) = (boxes.get(i), boxes.get(j)) else { continue };
            if !geo::Intersects::intersects(bi, bj) {
                continue;
            }
            let (Some(inner), Some(outer)) = (shapes.get(i), shapes.get(j)) else { continue };
            let inside = inner.0.iter().any(|polygon| {
                polygon.exterior().0.first().is_some_and(|c| outer.contains(&Point::from(*c)))
            });
            if inside {
                for cell in [i * n + j, j * n + i] {
                    if let Some(flag) = linked.get_mut(cell) {
                        *flag = true;
                    }
                }
            }
        }
    }
    (0..n).map(|i| (0..n).filter(|&j| linked.get(i * n + j) == Some(&true)).collect()).collect()
}

/// Distance in km between two segments, on a plane local to them (longitudes scaled by the
/// cosine of their mean latitude); 0 when they cross or touch.
fn segment_distance_km(s: &Segment, t: &Segment) -> f64 {
    let mean_lat = (s.a.1 + s.b.1 + t.a.1 + t.b.1) / 4.0;
    let kx = KM_PER_DEGREE * mean_lat.to_radians().cos();
    let p = |c: (f64, f64)| (c.0 * kx, c.1 * KM_PER_DEGREE);
    let (a, b, c, d) = (p(s.a), p(s.b), p(t.a), p(t.b));
    if segments_cross(a, b, c, d) {
        return 0.0;
    }
    point_segment(a, c, d)
        .min(point_segment(b, c, d))
        .min(point_segment(c, a, b))
        .min(point_segment(d, a, b))
}

fn cross(o: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
}

/// Whether segment a–b properly crosses c–d (touching ends are caught by the distances).
fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let (d1, d2) = (cross(c, d, a), cross(c, d, b));
    let (d3, d4) = (cross(a, b, c), cross(a, b, d));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0))
        && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// Distance from point `p` to segment a–b.
fn point_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    let t = if length2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0)
    };
    let (x, y) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (x * x + y * y).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::default_dataset;
    use crate::model::EditionUnit;
    use geo::{Polygon, Rect, coord};

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Polygon<f64> {
        Rect::new(coord! { x: x0, y: y0 }, coord! { x: x1, y: y1 }).to_polygon()
    }

    fn edition(shapes: Vec<(&str, MultiPolygon<f64>)>) -> BoundaryEdition {
        BoundaryEdition {
            key: "test".into(),
            names: crate::model::Names::default(),
            valid_from: None,
            valid_to: None,
            units: shapes
                .into_iter()
                .map(|(code, geometry)| EditionUnit {
                    region_code: code.into(),
                    geometry,
                    area_km2: 0.0,
                })
                .collect(),
        }
    }

    fn codes_of<'a>(graph: &'a Neighbours, code: &str) -> Vec<&'a str> {
        graph.of_code(code).unwrap_or_default()
    }

    #[test]
    fn almaty_city_neighbours_only_almaty_region() {
        let ds = default_dataset();
        let Some(current) = ds.current_edition() else { panic!("no current edition") };
        let graph = Neighbours::build(current);
        assert_eq!(codes_of(&graph, "KZ-ALA"), vec!["KZ-ALM"]);
        assert_eq!(codes_of(&graph, "KZ-AST"), vec!["KZ-AKM"]);
        assert_eq!(codes_of(&graph, "KZ-SHY"), vec!["KZ-YUZ"]);
    }

    #[test]
    fn current_edition_graph_is_connected_symmetric_and_has_35_links() {
        let ds = default_dataset();
        let Some(current) = ds.current_edition() else { panic!("no current edition") };
        let graph = Neighbours::build(current);
        assert_eq!(graph.len(), 20);
        assert!(graph.is_symmetric());
        assert!(graph.is_connected());
        assert!(graph.islands().is_empty());
        // 35 pairs of regions share vertices in kz_adm1_2024.geojson (counted with a script
        // over the file's vertices; see docs/typology.md).
        assert_eq!(graph.edges().len(), 35);
        assert_eq!(
            codes_of(&graph, "KZ-KAR"),
            vec!["KZ-ABY", "KZ-AKM", "KZ-ALM", "KZ-KUS", "KZ-PAV", "KZ-ULT", "KZ-ZHA", "KZ-ZHT"]
        );
        assert_eq!(codes_of(&graph, "KZ-MAN"), vec!["KZ-AKT", "KZ-ATY"]);
    }

    #[test]
    fn edition_2018_graph_links_almaty_city_to_old_almaty_region_only() {
        let ds = default_dataset();
        let Some(e2018) = ds.edition("2018") else { panic!("no 2018 edition") };
        let graph = Neighbours::build(e2018);
        assert_eq!(codes_of(&graph, "KZ-ALA"), vec!["KZ-ALM@2018"]);
        assert!(graph.is_connected());
        // The 2018 file holds a 13-point sliver of Akmola at 41.05°N inside Turkistan Region,
        // sharing vertices with it: the data make them neighbours in that edition.
        assert!(codes_of(&graph, "KZ-AKM").contains(&"KZ-YUZ"));
        assert_eq!(graph.edges().len(), 30);
        // Borders share their vertices exactly: the graph is the same up to a 5 km tolerance.
        assert_eq!(Neighbours::build_with_tolerance(e2018, 0.0), graph);
        assert_eq!(Neighbours::build_with_tolerance(e2018, 5.0).edges().len(), 30);
    }

    #[test]
    fn borders_a_few_metres_apart_are_shared_but_not_a_kilometre_apart() {
        // Two squares at 45°N, 0.0005° of longitude apart (≈ 39 m), a third 0.02° away (≈ 1.6 km).
        let shapes = edition(vec![
            ("A", MultiPolygon::new(vec![square(60.0, 45.0, 61.0, 46.0)])),
            ("B", MultiPolygon::new(vec![square(61.0005, 45.0, 62.0, 46.0)])),
            ("C", MultiPolygon::new(vec![square(62.02, 45.0, 63.0, 46.0)])),
        ]);
        let graph = Neighbours::build(&shapes);
        assert_eq!(codes_of(&graph, "A"), vec!["B"]);
        assert_eq!(codes_of(&graph, "B"), vec!["A"]);
        assert!(codes_of(&graph, "C").is_empty());
        assert_eq!(graph.islands(), vec![2]);
    }

    #[test]
    fn a_border_whose_vertices_do_not_coincide_is_shared() {
        // B's left edge runs along half of A's right edge; no vertex of one is a vertex of the
        // other (B's corner lies in the middle of A's edge at 61°E, 45.5°N).
        let shapes = edition(vec![
            ("A", MultiPolygon::new(vec![square(60.0, 45.0, 61.0, 46.0)])),
            ("B", MultiPolygon::new(vec![square(61.0, 45.5, 62.0, 46.5)])),
        ]);
        assert_eq!(codes_of(&Neighbours::build_with_tolerance(&shapes, 0.0), "A"), vec!["B"]);
    }

    #[test]
    fn squares_touching_at_a_corner_are_queen_neighbours() {
        let shapes = edition(vec![
            ("A", MultiPolygon::new(vec![square(0.0, 0.0, 1.0, 1.0)])),
            ("B", MultiPolygon::new(vec![square(1.0, 1.0, 2.0, 2.0)])),
        ]);
        assert_eq!(codes_of(&Neighbours::build(&shapes), "A"), vec!["B"]);
    }

    #[test]
    fn city_as_hole_or_drawn_on_top_neighbours_the_oblast_around_it() {
        let city = square(0.4, 0.4, 0.6, 0.6);
        let outer = square(0.0, 0.0, 1.0, 1.0);
        let with_hole = Polygon::new(outer.exterior().clone(), vec![city.exterior().clone()]);
        let hole = edition(vec![
            ("OBL", MultiPolygon::new(vec![with_hole])),
            ("CITY", MultiPolygon::new(vec![city.clone()])),
        ]);
        assert_eq!(codes_of(&Neighbours::build(&hole), "CITY"), vec!["OBL"]);
        let on_top = edition(vec![
            ("OBL", MultiPolygon::new(vec![outer])),
            ("CITY", MultiPolygon::new(vec![city])),
        ]);
        assert_eq!(codes_of(&Neighbours::build(&on_top), "CITY"), vec!["OBL"]);
    }

    #[test]
    fn crossing_shapes_without_a_vertex_inside_the_other_are_neighbours() {
        // A plus sign: two long rectangles crossing, no vertex of one inside the other.
        let shapes = edition(vec![
            ("H", MultiPolygon::new(vec![square(0.0, 0.4, 1.0, 0.6)])),
            ("V", MultiPolygon::new(vec![square(0.4, 0.0, 0.6, 1.0)])),
        ]);
        assert_eq!(codes_of(&Neighbours::build(&shapes), "H"), vec!["V"]);
    }

    #[test]
    fn lattice_three_by_three_rook_and_queen_degrees() {
        let rook = Neighbours::lattice(3, 3, Contiguity::Rook);
        let queen = Neighbours::lattice(3, 3, Contiguity::Queen);
        let degrees = |g: &Neighbours| (0..9).map(|i| g.of(i).len()).collect::<Vec<_>>();
        assert_eq!(degrees(&rook), vec![2, 3, 2, 3, 4, 3, 2, 3, 2]);
        assert_eq!(degrees(&queen), vec![3, 5, 3, 5, 8, 5, 3, 5, 3]);
        assert_eq!(rook.of(4), &[1, 3, 5, 7]);
        assert!((queen.weight(4, 0) - 0.125).abs() < 1e-15);
        assert_eq!(queen.weight(0, 8), 0.0);
    }

    #[test]
    fn from_lists_symmetrises_and_refuses_bad_indices() {
        let graph = Neighbours::from_lists(
            vec!["a".into(), "b".into(), "c".into()],
            vec![vec![1], vec![], vec![1, 1]],
        );
        let Ok(graph) = graph else { panic!("refused valid lists") };
        assert_eq!(graph.of(1), &[0, 2]);
        assert!(graph.is_symmetric());
        let bad = Neighbours::from_lists(vec!["a".into()], vec![vec![3]]);
        assert_eq!(
            bad.map_err(|e| e.to_string()),
            Err("unit 0 («a») lists neighbour 3, but there are only 1 units".to_string())
        );
    }

    #[test]
    fn subset_drops_units_and_their_links() {
        let queen = Neighbours::lattice(2, 2, Contiguity::Queen);
        let kept = queen.subset(&[true, false, true, true]);
        assert_eq!(kept.codes(), &["r0c0", "r1c0", "r1c1"]);
        assert_eq!(kept.of(0), &[1, 2]);
        assert!(kept.is_symmetric());
    }

    #[test]
    fn cache_rebuilds_only_when_the_geometry_changes() {
        let mut shapes = edition(vec![
            ("A", MultiPolygon::new(vec![square(0.0, 0.0, 1.0, 1.0)])),
            ("B", MultiPolygon::new(vec![square(1.0, 0.0, 2.0, 1.0)])),
        ]);
        let mut cache = NeighbourCache::default();
        assert_eq!(cache.get(&shapes).edges(), vec![(0, 1)]);
        if let Some(unit) = shapes.units.get_mut(1) {
            unit.geometry = MultiPolygon::new(vec![square(3.0, 0.0, 4.0, 1.0)]);
        }
        assert!(cache.get(&shapes).edges().is_empty());
    }
}
