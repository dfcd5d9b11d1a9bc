//! Benchmarks of the geometry path every boundary takes: repair, projection, simplification,
//! triangulation, label points, and point-in-region lookups, on the 20 regions of the 2024
//! edition at full resolution.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use oblys::spatial::{self, EqualArea, RegionLocator};
use serde_json::Value;

/// The 2024 regions as read from the embedded GeoJSON, unrepaired.
fn raw_regions() -> Vec<(String, MultiPolygon<f64>)> {
    let text = include_str!("../assets/boundaries/kz_adm1_2024.geojson");
    let json: Value = serde_json::from_str(text).expect("the embedded GeoJSON parses");
    let ring = |v: &Value| -> LineString<f64> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some(Coord { x: p.get(0)?.as_f64()?, y: p.get(1)?.as_f64()? }))
            .collect()
    };
    let polygon = |v: &Value| -> Option<Polygon<f64>> {
        let rings = v.as_array()?;
        Some(Polygon::new(ring(rings.first()?), rings.iter().skip(1).map(ring).collect()))
    };
    json["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let code = f["properties"]["ISO_3166_2"].as_str()?.to_owned();
            let g = &f["geometry"];
            let geom = match g["type"].as_str()? {
                "Polygon" => MultiPolygon::new(vec![polygon(&g["coordinates"])?]),
                _ => g["coordinates"].as_array()?.iter().filter_map(polygon).collect(),
            };
            Some((code, geom))
        })
        .collect()
}

fn bench_spatial(c: &mut Criterion) {
    let raw = raw_regions();
    assert_eq!(raw.len(), 20);
    let proj = EqualArea::kazakhstan();
    let repaired: Vec<(String, MultiPolygon<f64>)> =
        raw.iter().map(|(code, g)| (code.clone(), spatial::repair(g).0)).collect();
    let projected: Vec<MultiPolygon<f64>> =
        repaired.iter().map(|(_, g)| proj.project_multipolygon(g)).collect();
    let simplified: Vec<MultiPolygon<f64>> =
        projected.iter().map(|g| spatial::simplify(g, 150.0)).collect();

    c.bench_function("repair 20 regions", |b| {
        b.iter(|| raw.iter().map(|(_, g)| spatial::repair(black_box(g)).0.0.len()).sum::<usize>());
    });
    c.bench_function("area_km2 20 regions", |b| {
        b.iter(|| repaired.iter().map(|(_, g)| spatial::area_km2(black_box(g))).sum::<f64>());
    });
    c.bench_function("project 20 regions", |b| {
        b.iter(|| {
            repaired
                .iter()
                .map(|(_, g)| proj.project_multipolygon(black_box(g)).0.len())
                .sum::<usize>()
        });
    });
    c.bench_function("simplify 20 regions at 150 m", |b| {
        b.iter(|| {
            projected.iter().map(|g| spatial::simplify(black_box(g), 150.0).0.len()).sum::<usize>()
        });
    });
    c.bench_function("simplify 20 regions at 2 km", |b| {
        b.iter(|| {
            projected
                .iter()
                .map(|g| spatial::simplify(black_box(g), 2_000.0).0.len())
                .sum::<usize>()
        });
    });
    c.bench_function("triangulate 20 simplified regions", |b| {
        b.iter(|| {
            simplified.iter().map(|g| spatial::triangulate(black_box(g)).len()).sum::<usize>()
        });
    });
    c.bench_function("label points of 20 simplified regions", |b| {
        b.iter(|| simplified.iter().map(|g| spatial::label_point(black_box(g))[0]).sum::<f64>());
    });
    c.bench_function("repair + project + simplify + triangulate 20 regions", |b| {
        b.iter(|| {
            raw.iter()
                .map(|(_, g)| {
                    let fixed = spatial::repair(black_box(g)).0;
                    let metres = proj.project_multipolygon(&fixed);
                    spatial::triangulate(&spatial::simplify(&metres, 150.0)).len()
                })
                .sum::<usize>()
        });
    });
    let locator = RegionLocator::new(&repaired);
    // A 40 × 25 grid of points over the country's bounding box.
    let points: Vec<(f64, f64)> = (0..40)
        .flat_map(|i| {
            (0..25).map(move |j| (46.5 + f64::from(i) * 1.025, 40.5 + f64::from(j) * 0.6))
        })
        .collect();
    c.bench_function("locate 1000 points among 20 regions", |b| {
        b.iter(|| {
            points.iter().filter(|(x, y)| locator.locate(black_box(*x), *y).is_some()).count()
        });
    });
}

criterion_group!(benches, bench_spatial);
criterion_main!(benches);
