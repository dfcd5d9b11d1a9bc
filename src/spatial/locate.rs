//! Point-in-region lookup over a set of region shapes (hover, click, geocoding points to
//! regions).

use geo::{Area, BoundingRect, Coord, LineString, MultiPolygon, Rect};

/// One region prepared for lookup.
#[derive(Debug, Clone)]
struct Entry {
    code: String,
    bbox: Rect<f64>,
    area: f64,
    geom: MultiPolygon<f64>,
}

/// Finds which region contains a point: bounding boxes first, then an even-odd ray test on the
/// rings. Where regions overlap (a city drawn on top of its oblast instead of as a hole in it),
/// the smallest region wins.
#[derive(Debug, Clone, Default)]
pub struct RegionLocator {
    /// Sorted by area, smallest first, so the first hit is the innermost region.
    entries: Vec<Entry>,
}

impl RegionLocator {
    /// Prepares the lookup from (code, repaired geometry) pairs in any units; query in the same
    /// units. Regions with empty geometry are left out.
    #[must_use]
    pub fn new(regions: &[(String, MultiPolygon<f64>)]) -> Self {
        let mut entries: Vec<Entry> = regions
            .iter()
            .filter_map(|(code, geom)| {
                Some(Entry {
                    code: code.clone(),
                    bbox: geom.bounding_rect()?,
                    area: geom.unsigned_area(),
                    geom: geom.clone(),
                })
            })
            .collect();
        entries.sort_by(|a, b| a.area.total_cmp(&b.area));
        Self { entries }
    }

    /// The code of the region containing (`lon`, `lat`) (or (x, y) for projected shapes), if any.
    /// Points exactly on a border may go to either side.
    #[must_use]
    pub fn locate(&self, lon: f64, lat: f64) -> Option<&str> {
        let p = Coord { x: lon, y: lat };
        self.entries
            .iter()
            .find(|e| {
                let (min, max) = (e.bbox.min(), e.bbox.max());
                p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y && contains(&e.geom, p)
            })
            .map(|e| e.code.as_str())
    }

    /// Number of regions in the lookup.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if there is no region.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Even-odd point-in-multipolygon test over all rings (holes toggle back to outside).
fn contains(geom: &MultiPolygon<f64>, p: Coord<f64>) -> bool {
    geom.0.iter().any(|polygon| {
        std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .fold(false, |inside, ring| inside ^ ring_crosses(ring, p))
    })
}

/// True if a ray from `p` to the east crosses the ring an odd number of times.
fn ring_crosses(ring: &LineString<f64>, p: Coord<f64>) -> bool {
    ring.lines().fold(false, |odd, line| {
        let (a, b) = (line.start, line.end);
        let crosses =
            (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x;
        odd ^ crosses
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::EqualArea;
    use crate::spatial::test_data::{Edition, repaired_regions};
    use geo::wkt;

    /// (code, center_lon, center_lat) of every region in assets/facts/regions.csv.
    fn centres() -> Vec<(String, f64, f64)> {
        let text = include_str!("../../assets/facts/regions.csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().expect("header").clone();
        let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
        let (code, lat, lon) = (col("code"), col("center_lat"), col("center_lon"));
        reader
            .records()
            .map(|r| {
                let r = r.expect("row");
                (r[code].to_string(), r[lon].parse().expect("lon"), r[lat].parse().expect("lat"))
            })
            .collect()
    }

    #[test]
    fn every_administrative_centre_lies_in_its_own_2024_region() {
        let regions = repaired_regions(Edition::E2024);
        let locator = RegionLocator::new(&regions);
        let centres = centres();
        assert_eq!(centres.len(), 20);
        for (code, lon, lat) in &centres {
            assert_eq!(locator.locate(*lon, *lat), Some(code.as_str()), "centre of {code}");
        }
    }

    #[test]
    fn locating_in_projected_metres_gives_the_same_regions() {
        let proj = EqualArea::kazakhstan();
        let regions: Vec<_> = repaired_regions(Edition::E2024)
            .into_iter()
            .map(|(c, g)| (c, proj.project_multipolygon(&g)))
            .collect();
        let locator = RegionLocator::new(&regions);
        for (code, lon, lat) in centres() {
            let [x, y] = proj.project(lon, lat);
            assert_eq!(locator.locate(x, y), Some(code.as_str()), "centre of {code}");
        }
    }

    #[test]
    fn cities_win_over_their_oblasts_and_points_abroad_find_nothing() {
        let regions = repaired_regions(Edition::E2024);
        let locator = RegionLocator::new(&regions);
        // Almaty city centre (Republic Square) and a point in Almaty Region's steppe north of it.
        assert_eq!(locator.locate(76.9457, 43.2383), Some("KZ-ALA"));
        assert_eq!(locator.locate(77.0, 44.5), Some("KZ-ALM"));
        // Bishkek (Kyrgyzstan), Tashkent (Uzbekistan), Caspian Sea west of Aktau.
        assert_eq!(locator.locate(74.59, 42.87), None);
        assert_eq!(locator.locate(69.24, 41.30), None);
        assert_eq!(locator.locate(50.0, 43.6), None);
    }

    #[test]
    fn overlapping_shapes_resolve_to_the_smaller_one() {
        let big = wkt!(MULTIPOLYGON(((0. 0., 10. 0., 10. 10., 0. 10., 0. 0.))));
        let small = wkt!(MULTIPOLYGON(((4. 4., 6. 4., 6. 6., 4. 6., 4. 4.))));
        let locator = RegionLocator::new(&[("BIG".into(), big), ("SMALL".into(), small)]);
        assert_eq!(locator.locate(5.0, 5.0), Some("SMALL"));
        assert_eq!(locator.locate(1.0, 1.0), Some("BIG"));
        assert_eq!(locator.locate(11.0, 1.0), None);
        assert_eq!(locator.len(), 2);
    }
}
