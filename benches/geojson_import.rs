//! GeoJSON import timings: the preview of 100,000 points as growth points (JSON parsing, property
//! checks, point in polygon on the current boundaries) and of the shipped 2024 boundaries as a
//! boundary edition (20 full-resolution regions matched by their Russian names, every shape
//! repaired, areas computed), and the one-transaction write of each into a copy of the default
//! database.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use oblys::io::import::geojson_input::{GeoJsonOptions, LayerItems, LayerKind, preview_geojson};
use oblys::store::FeatureBatch;

fn options(layer: LayerKind, name_property: &str) -> GeoJsonOptions {
    GeoJsonOptions {
        layer,
        name_property: Some(name_property.to_owned()),
        code_property: None,
        name_lang: None,
        kind: None,
        edition_key: (layer == LayerKind::Edition).then(|| "2022".to_owned()),
        valid_from: None,
        replace: layer == LayerKind::Edition,
        this_year: 2026,
        source: "bench.geojson".to_owned(),
    }
}

fn geojson_import(c: &mut Criterion) {
    let ds = oblys::io::default_dataset::build().expect("embedded default data");
    // 100,000 points on a grid over Kazakhstan's bounding box (about two in three inside).
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    for i in 0..100_000_u32 {
        let (lon, lat) = (47.0 + f64::from(i % 400) * 0.0975, 40.6 + f64::from(i / 400) * 0.0538);
        let comma = if i == 0 { "" } else { "," };
        let _ = write!(
            text,
            r#"{comma}{{"type":"Feature","properties":{{"name":"Пункт {i}","population":{}}},
               "geometry":{{"type":"Point","coordinates":[{lon:.4},{lat:.4}]}}}}"#,
            i * 3
        );
    }
    text.push_str("]}");
    let points = options(LayerKind::GrowthPoints, "name");
    c.bench_function("preview_100k_points_as_growth_points", |b| {
        b.iter(|| {
            preview_geojson("bench.geojson", black_box(text.as_bytes()), &ds, &points)
                .expect("previews")
        });
    });

    let shipped = include_bytes!("../assets/boundaries/kz_adm1_2024.geojson");
    let edition = options(LayerKind::Edition, "ADM1_RU");
    c.bench_function("preview_shipped_2024_boundaries_as_edition", |b| {
        b.iter(|| {
            preview_geojson("bench.geojson", black_box(shipped), &ds, &edition).expect("previews")
        });
    });

    let dir = tempfile::tempdir().expect("temporary folder");
    let base = dir.path().join("base.gpkg");
    oblys::store::create(&base, &ds).expect("database written");
    let preview =
        preview_geojson("bench.geojson", text.as_bytes(), &ds, &points).expect("previews");
    let LayerItems::GrowthPoints(items) = preview.items else { panic!("growth points") };
    let batch = FeatureBatch {
        growth_points: items.into_iter().map(|i| i.item).collect(),
        ..FeatureBatch::default()
    };
    let plan = preview_geojson("bench.geojson", shipped, &ds, &edition).expect("previews");
    let LayerItems::Edition(plan) = plan.items else { panic!("an edition") };
    let mut group = c.benchmark_group("write");
    group.sample_size(10);
    let copy = || {
        let path = dir.path().join("work.gpkg");
        std::fs::copy(&base, &path).expect("copied");
        path
    };
    group.bench_function(format!("add_{}_growth_points", batch.growth_points.len()), |b| {
        b.iter_batched(
            copy,
            |path| oblys::store::add_features(&path, &batch).expect("written"),
            BatchSize::PerIteration,
        );
    });
    group.bench_function("replace_edition_2022_with_20_regions", |b| {
        b.iter_batched(
            copy,
            |path| oblys::store::write_edition(&path, &plan.edition, true).expect("written"),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, geojson_import);
criterion_main!(benches);
