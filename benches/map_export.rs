//! Map scene and export timings on the default dataset: building the geometry (once per
//! dataset), a scene (every view change; budget: well under 1 ms), SVG and PNG export, and
//! `oblys map` end to end from a file (budget: 500 ms for a 1600-px PNG), and vector PDF: one map
//! page and a 10-page deck of default-dataset maps (budget: 2 s for the deck).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use oblys::export::{
    MapRequest, PageSize, export_height, regional_years, render_map_file, scene_to_pdf,
    scene_to_png, scene_to_svg, scenes_to_pdf_deck,
};
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

    // Ten slides: population in each of its years, then GRP per capita in its latest years, the
    // languages taking turns (the three scripts' glyphs are subset into every page's font).
    let langs = [Lang::Kk, Lang::Ru, Lang::En];
    let mut views: Vec<MapView> = regional_years(&ds, "population")
        .into_iter()
        .map(|year| MapView::new("population", year, langs[year as usize % 3]))
        .collect();
    let per_capita = regional_years(&ds, "grp_per_capita");
    for &year in per_capita.iter().rev() {
        if views.len() == 10 {
            break;
        }
        views.push(MapView::new("grp_per_capita", year, langs[views.len() % 3]));
    }
    assert_eq!(views.len(), 10, "ten slides from the default dataset");
    let scenes: Vec<_> = views.iter().map(|v| build_scene(&ds, &geometry, v)).collect();
    let mut pdf = c.benchmark_group("export_pdf");
    pdf.sample_size(10);
    pdf.bench_function("scene_to_pdf_1600", |b| {
        b.iter(|| scene_to_pdf(black_box(&scene), 1600, height).expect("rendered"))
    });
    pdf.bench_function("pdf_deck_10_maps_1600_on_16_9", |b| {
        b.iter(|| scenes_to_pdf_deck(black_box(&scenes), 1600, PageSize::SLIDE_16_9).expect("deck"))
    });
    pdf.finish();
}

criterion_group!(benches, map_export);
criterion_main!(benches);
