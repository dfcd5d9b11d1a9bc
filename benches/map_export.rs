//! Map scene and export timings on the default dataset: building the geometry (once per
//! dataset), a scene (every view change; budget: well under 1 ms), SVG and PNG export, and
//! `oblys map` end to end from a file (budget: 500 ms for a 1600-px PNG).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use oblys::export::{MapRequest, export_height, render_map_file, scene_to_png, scene_to_svg};
use oblys::map::{BoundaryMode, MapGeometry, MapView, build_scene};
use oblys::model::Lang;

fn map_export(c: &mut Criterion) {
    let ds = oblys::io::default_dataset::build().expect("embedded default data");
    let geometry = MapGeometry::new(&ds);
    let as_reported = MapView::new("population", 2023, Lang::Kk);
    let mut current = MapView::new("grp_per_capita", 2020, Lang::Ru);
    current.boundary_mode = BoundaryMode::Current;

    c.bench_function("map_geometry_new_default_dataset", |b| {
        b.iter(|| MapGeometry::new(black_box(&ds)))
    });
    c.bench_function("build_scene_population_2023_as_reported", |b| {
        b.iter(|| build_scene(black_box(&ds), &geometry, black_box(&as_reported)))
    });
    c.bench_function("build_scene_grp_per_capita_2020_current", |b| {
        b.iter(|| build_scene(black_box(&ds), &geometry, black_box(&current)))
    });

    let scene = build_scene(&ds, &geometry, &as_reported);
    let height = export_height(&scene, 1600);
    c.bench_function("scene_to_svg_1600", |b| {
        b.iter(|| scene_to_svg(black_box(&scene), 1600, height))
    });
    let mut slow = c.benchmark_group("export_png");
    slow.sample_size(20);
    slow.bench_function("scene_to_png_1600", |b| {
        b.iter(|| scene_to_png(black_box(&scene), 1600).expect("rendered"))
    });

    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("default.oblys");
    oblys::store::create(&file, &ds).expect("database written");
    let request = MapRequest {
        file,
        indicator: "population".to_string(),
        year: 2023,
        lang: Lang::Kk,
        out: dir.path().join("map.png"),
        width: 1600,
        current_boundaries: false,
    };
    slow.bench_function("render_map_file_png_1600_from_file", |b| {
        b.iter(|| render_map_file(black_box(&request)).expect("map written"))
    });
    slow.finish();
}

criterion_group!(benches, map_export);
criterion_main!(benches);
