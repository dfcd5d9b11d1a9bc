//! Albers equal-area conic projection on the WGS 84 ellipsoid (Snyder, "Map Projections — A
//! Working Manual", USGS PP 1395, 1987, pp. 98–103) and ellipsoidal areas of lon/lat polygons.

use geo::{Coord, LineString, MultiPolygon, Polygon};

/// WGS 84 semi-major axis, metres.
const WGS84_A: f64 = 6_378_137.0;
/// WGS 84 flattening.
const WGS84_F: f64 = 1.0 / 298.257_223_563;

/// Central meridian for Kazakhstan: the middle of its extent in longitude (46.5°E–87.5°E).
const KZ_CENTRAL_MERIDIAN: f64 = 67.0;
/// Latitude of origin: the middle of its extent in latitude (40.5°N–55.5°N), so that the
/// country sits around y = 0.
const KZ_LATITUDE_OF_ORIGIN: f64 = 48.0;
/// Standard parallels by the "one-sixth rule" (Snyder p. 99, after Deetz and Adams): one sixth of
/// the 15° latitude range inside each edge, 40.5 + 2.5 and 55.5 − 2.5. Areas are exact anywhere;
/// this choice keeps the scale error of shapes (angles, distances) below about ±1 % over the whole
/// country, smallest in the populated south and north.
const KZ_STANDARD_PARALLELS: (f64, f64) = (43.0, 53.0);

/// Squared eccentricity of the WGS 84 ellipsoid.
fn eccentricity_squared() -> f64 {
    WGS84_F * (2.0 - WGS84_F)
}

/// Snyder's `q` (eq. 3-12) for sin φ: proportional to the ellipsoidal area between the equator
/// and latitude φ per radian of longitude (`a² q / 2`).
fn authalic_q(sin_phi: f64, e: f64, e2: f64) -> f64 {
    let es = e * sin_phi;
    (1.0 - e2) * (sin_phi / (1.0 - es * es) - (1.0 / (2.0 * e)) * ((1.0 - es) / (1.0 + es)).ln())
}

/// Snyder's `m` (eq. 14-15): cos φ / sqrt(1 − e² sin² φ).
fn m_of(phi: f64, e2: f64) -> f64 {
    let s = phi.sin();
    phi.cos() / (1.0 - e2 * s * s).sqrt()
}

/// Albers equal-area conic projection on the WGS 84 ellipsoid. Planar areas of projected shapes
/// are true ellipsoidal areas in m²; x points east, y north, both in metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EqualArea {
    /// Central meridian, radians.
    lambda0: f64,
    /// Cone constant `n`.
    n: f64,
    /// Snyder's `C` (eq. 14-13).
    c: f64,
    /// Radius of the parallel of origin, metres.
    rho0: f64,
    e: f64,
    e2: f64,
}

impl EqualArea {
    /// The projection fitted to Kazakhstan: central meridian 67°E, latitude of origin 48°N,
    /// standard parallels 43°N and 53°N (see the constants above for why).
    #[must_use]
    pub fn kazakhstan() -> Self {
        Self::new(
            KZ_CENTRAL_MERIDIAN,
            KZ_LATITUDE_OF_ORIGIN,
            KZ_STANDARD_PARALLELS.0,
            KZ_STANDARD_PARALLELS.1,
        )
    }

    /// A projection with the given central meridian, latitude of origin and standard parallels,
    /// all in degrees. The standard parallels must differ and lie on the same side of the equator.
    #[must_use]
    pub fn new(central_meridian: f64, origin_lat: f64, parallel_1: f64, parallel_2: f64) -> Self {
        let e2 = eccentricity_squared();
        let e = e2.sqrt();
        let (phi0, phi1, phi2) =
            (origin_lat.to_radians(), parallel_1.to_radians(), parallel_2.to_radians());
        let (m1, m2) = (m_of(phi1, e2), m_of(phi2, e2));
        let q0 = authalic_q(phi0.sin(), e, e2);
        let q1 = authalic_q(phi1.sin(), e, e2);
        let q2 = authalic_q(phi2.sin(), e, e2);
        let n = (m1 * m1 - m2 * m2) / (q2 - q1);
        let c = m1 * m1 + n * q1;
        let rho0 = WGS84_A * (c - n * q0).sqrt() / n;
        Self { lambda0: central_meridian.to_radians(), n, c, rho0, e, e2 }
    }

    /// Projects longitude/latitude in degrees to metres `[x east, y north]` (Snyder 14-1…14-4).
    #[must_use]
    pub fn project(&self, lon: f64, lat: f64) -> [f64; 2] {
        let q = authalic_q(lat.to_radians().sin(), self.e, self.e2);
        let rho = WGS84_A * (self.c - self.n * q).max(0.0).sqrt() / self.n;
        let mut dlambda = lon.to_radians() - self.lambda0;
        // Keep the longitude difference in (−π, π] so shapes do not tear at the antimeridian.
        if dlambda > std::f64::consts::PI {
            dlambda -= std::f64::consts::TAU;
        } else if dlambda < -std::f64::consts::PI {
            dlambda += std::f64::consts::TAU;
        }
        let theta = self.n * dlambda;
        [rho * theta.sin(), self.rho0 - rho * theta.cos()]
    }

    /// Inverse of [`EqualArea::project`]: metres back to `[lon, lat]` in degrees. The latitude is
    /// found by Newton iteration on Snyder's eq. 3-16, which converges to machine precision in
    /// four to five steps.
    #[must_use]
    pub fn unproject(&self, x: f64, y: f64) -> [f64; 2] {
        let dy = self.rho0 - y;
        // n > 0 for cones of the northern hemisphere; flip signs for the southern one.
        let sign = self.n.signum();
        let rho = sign * x.hypot(dy);
        let theta = (sign * x).atan2(sign * dy);
        let q = (self.c - rho * rho * self.n * self.n / (WGS84_A * WGS84_A)) / self.n;
        let lat = self.latitude_from_q(q);
        let lon = (self.lambda0 + theta / self.n).to_degrees();
        [lon, lat.to_degrees()]
    }

    /// Latitude (radians) whose authalic `q` is `q` (Snyder eq. 3-16).
    fn latitude_from_q(&self, q: f64) -> f64 {
        let (e, e2) = (self.e, self.e2);
        // q at the pole; beyond it (rounding) the latitude is ±90°.
        let q_pole = authalic_q(1.0, e, e2);
        if q.abs() >= q_pole {
            return std::f64::consts::FRAC_PI_2.copysign(q);
        }
        let mut phi = (q / 2.0).clamp(-1.0, 1.0).asin();
        for _ in 0..25 {
            let (s, c) = phi.sin_cos();
            let one_minus = 1.0 - e2 * s * s;
            let delta = one_minus * one_minus / (2.0 * c)
                * (q / (1.0 - e2) - s / one_minus
                    + (1.0 / (2.0 * e)) * ((1.0 - e * s) / (1.0 + e * s)).ln());
            phi += delta;
            if delta.abs() < 1e-15 {
                break;
            }
        }
        phi
    }

    /// Projects every coordinate of a lon/lat multipolygon to metres, vertex for vertex (edges
    /// become straight lines on the map, so long edges along a parallel lose their slight curve;
    /// [`area_km2`] measures the lon/lat shape exactly).
    #[must_use]
    pub fn project_multipolygon(&self, geom: &MultiPolygon<f64>) -> MultiPolygon<f64> {
        let ring = |ls: &LineString<f64>| -> LineString<f64> {
            ls.0.iter()
                .map(|c| {
                    let [x, y] = self.project(c.x, c.y);
                    Coord { x, y }
                })
                .collect()
        };
        geom.0
            .iter()
            .map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect()))
            .collect()
    }
}

/// Gauss–Legendre nodes on [0, 1] and weights (3 points: exact for polynomials of degree 5).
const GAUSS3: [(f64, f64); 3] = [
    (0.112_701_665_379_258_31, 5.0 / 18.0),
    (0.5, 8.0 / 18.0),
    (0.887_298_334_620_741_7, 5.0 / 18.0),
];

/// Ellipsoidal area (m², always ≥ 0) enclosed by a ring whose edges are straight lines in
/// lon/lat (so an edge along a parallel follows the parallel).
///
/// By Green's theorem the area is |∮ (a²/2) q(φ) dλ|; each edge's integral is taken with
/// 3-point Gauss–Legendre on q − q(first vertex), which is exact to rounding for the short edges
/// of boundary data (the subtraction only improves conditioning: ∮ const dλ = 0).
fn ring_area_m2(ring: &LineString<f64>, e: f64, e2: f64) -> f64 {
    let Some(first) = ring.0.first() else {
        return 0.0;
    };
    let q_ref = authalic_q(first.y.to_radians().sin(), e, e2);
    let mut sum = 0.0;
    for w in ring.0.windows(2) {
        let (Some(p), Some(r)) = (w.first(), w.get(1)) else {
            continue;
        };
        let dlambda = (r.x - p.x).to_radians();
        if dlambda == 0.0 {
            continue;
        }
        let mean_q: f64 = if p.y == r.y {
            authalic_q(p.y.to_radians().sin(), e, e2) - q_ref
        } else {
            GAUSS3
                .iter()
                .map(|&(t, wgt)| {
                    let lat = p.y + t * (r.y - p.y);
                    wgt * (authalic_q(lat.to_radians().sin(), e, e2) - q_ref)
                })
                .sum()
        };
        sum += mean_q * dlambda;
    }
    (WGS84_A * WGS84_A / 2.0 * sum).abs()
}

/// Area in km² on the WGS 84 ellipsoid of a lon/lat multipolygon (exterior rings minus holes),
/// the same area the equal-area projection preserves. Expects repaired geometry.
#[must_use]
pub fn area_km2(geom: &MultiPolygon<f64>) -> f64 {
    let e2 = eccentricity_squared();
    let e = e2.sqrt();
    let m2: f64 = geom
        .0
        .iter()
        .map(|p| {
            ring_area_m2(p.exterior(), e, e2)
                - p.interiors().iter().map(|r| ring_area_m2(r, e, e2)).sum::<f64>()
        })
        .sum();
    m2 / 1e6
}

/// Area on the ellipsoid between two parallels over a span of longitude, km² (closed form,
/// a²/2 · (q(φ₂) − q(φ₁)) · Δλ): the reference the tests check areas against.
#[must_use]
pub fn graticule_cell_km2(lat_south: f64, lat_north: f64, lon_span: f64) -> f64 {
    let e2 = eccentricity_squared();
    let e = e2.sqrt();
    let dq = authalic_q(lat_north.to_radians().sin(), e, e2)
        - authalic_q(lat_south.to_radians().sin(), e, e2);
    WGS84_A * WGS84_A / 2.0 * dq * lon_span.to_radians() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Area;

    /// A lon/lat rectangle with every edge densified to `steps` pieces.
    fn cell(lon0: f64, lat0: f64, lon1: f64, lat1: f64, steps: usize) -> MultiPolygon<f64> {
        let mut coords = Vec::new();
        let n = steps as f64;
        for i in 0..steps {
            coords.push(Coord { x: lon0 + (lon1 - lon0) * i as f64 / n, y: lat0 });
        }
        for i in 0..steps {
            coords.push(Coord { x: lon1, y: lat0 + (lat1 - lat0) * i as f64 / n });
        }
        for i in 0..steps {
            coords.push(Coord { x: lon1 - (lon1 - lon0) * i as f64 / n, y: lat1 });
        }
        for i in 0..steps {
            coords.push(Coord { x: lon0, y: lat1 - (lat1 - lat0) * i as f64 / n });
        }
        coords.push(Coord { x: lon0, y: lat0 });
        MultiPolygon::new(vec![Polygon::new(LineString::new(coords), vec![])])
    }

    #[test]
    fn round_trip_recovers_lon_lat_within_1e_9_degrees() {
        let proj = EqualArea::kazakhstan();
        let mut worst: f64 = 0.0;
        for i in 0..=40 {
            for j in 0..=30 {
                let lon = 44.0 + f64::from(i) * 1.1;
                let lat = 39.0 + f64::from(j) * 0.6;
                let [x, y] = proj.project(lon, lat);
                let [lon2, lat2] = proj.unproject(x, y);
                worst = worst.max((lon2 - lon).abs()).max((lat2 - lat).abs());
            }
        }
        assert!(worst < 1e-9, "worst round-trip error {worst}°");
    }

    #[test]
    fn origin_maps_to_zero_and_axes_point_east_and_north() {
        let proj = EqualArea::kazakhstan();
        let [x0, y0] = proj.project(67.0, 48.0);
        assert!(x0.abs() < 1e-6 && y0.abs() < 1e-6, "origin at ({x0}, {y0})");
        let [xe, _] = proj.project(68.0, 48.0);
        let [_, yn] = proj.project(67.0, 49.0);
        // One degree of longitude at 48°N is about 74.6 km, one of latitude about 111.2 km.
        assert!((xe - 74_600.0).abs() < 500.0, "1° east → {xe} m");
        assert!((yn - 111_200.0).abs() < 500.0, "1° north → {yn} m");
    }

    #[test]
    fn projected_one_degree_cell_at_45n_has_the_ellipsoidal_area() {
        let proj = EqualArea::kazakhstan();
        let exact = graticule_cell_km2(45.0, 46.0, 1.0);
        // The closed form gives 8,686.49 km² for WGS 84, 45–46°N, 1° wide (≈ 111.1 km × 78.2 km).
        assert!((exact - 8_686.49).abs() < 0.01, "closed form gives {exact} km²");
        for lon in [50.0, 67.0, 85.0] {
            let projected = proj.project_multipolygon(&cell(lon, 45.0, lon + 1.0, 46.0, 400));
            let km2 = projected.unsigned_area() / 1e6;
            let rel = (km2 - exact).abs() / exact;
            assert!(rel < 1e-4, "cell at {lon}°E: {km2} km² vs {exact} km² ({rel})");
        }
    }

    #[test]
    fn area_km2_of_a_graticule_cell_matches_closed_form_without_densifying() {
        let exact = graticule_cell_km2(45.0, 46.0, 1.0);
        let km2 = area_km2(&cell(70.0, 45.0, 71.0, 46.0, 1));
        assert!((km2 - exact).abs() / exact < 1e-12, "{km2} vs {exact}");
    }

    #[test]
    fn area_km2_agrees_with_geodesic_area_of_a_densified_cell() {
        use geo::GeodesicArea;
        let shape = cell(60.0, 42.0, 61.5, 43.0, 200);
        let geodesic = shape.geodesic_area_unsigned() / 1e6;
        let ours = area_km2(&shape);
        assert!((ours - geodesic).abs() / geodesic < 1e-6, "{ours} vs {geodesic}");
    }

    #[test]
    fn regions_of_both_editions_add_up_to_kazakhstans_official_area() {
        use crate::spatial::test_data::{Edition, repaired_regions};
        // Official area of Kazakhstan: 2,724,900 km².
        const OFFICIAL_KM2: f64 = 2_724_900.0;
        let total = |e| repaired_regions(e).iter().map(|(_, g)| area_km2(g)).sum::<f64>();
        let (t2018, t2024) = (total(Edition::E2018), total(Edition::E2024));
        // 2,728,373 km² (+0.13 %) from these boundaries.
        assert!((t2024 - OFFICIAL_KM2).abs() / OFFICIAL_KM2 < 0.01, "2024: {t2024} km²");
        assert!((t2024 - 2_728_373.0).abs() < 1.0, "2024: {t2024} km²");
        // Both editions cover the same country; the 2022 reform moved no outer border.
        assert!((t2018 - t2024).abs() / t2024 < 1e-5, "2018: {t2018} km², 2024: {t2024} km²");
    }

    #[test]
    fn region_areas_match_the_projected_planar_areas() {
        use crate::spatial::test_data::{Edition, repaired_regions};
        // The two differ only in how an edge runs between its vertices: straight in lon/lat (as
        // the source files mean it) or straight on the map. Some borders are drawn with edges of
        // 1–2.3° (the Ustyurt lines in Mangystau, Kyzylorda, Turkistan), so this reaches 0.04 %.
        let proj = EqualArea::kazakhstan();
        for (code, geom) in repaired_regions(Edition::E2024) {
            let ellipsoid = area_km2(&geom);
            let planar = proj.project_multipolygon(&geom).unsigned_area() / 1e6;
            assert!(
                (planar - ellipsoid).abs() / ellipsoid < 5e-4,
                "{code}: {planar} vs {ellipsoid}"
            );
        }
    }
}
