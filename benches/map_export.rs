//! Map scene and export timings on the default dataset: building the geometry (once per
//! dataset), a scene (every view change; budget: well under 1 ms), SVG and PNG export, and
//! `oblys map` end to end from a file (budget: 500 ms for a 1600-px PNG), and vector PDF: one map
//! page and a 10-page deck of default-dataset maps (budget: 2 s for the deck); slides: a 10-slide
//! PDF deck covering every screen (map, compare, chart, table, targets, and the Potential
//! screen's three tabs; budget: 2 s), one view as a 4K PNG (what the export window renders on its
//! worker), and each Potential tab's page as SVG (the typology, LISA and class change computed
//! as the screen computes them).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use oblys::analysis::typology::{Typology, TypologyState};
use oblys::export::slides::{SlideRenderer, deck_pdf, view_to_png};
use oblys::export::{
    MapRequest, PageSize, export_height, regional_years, render_map_file, scene_to_pdf,
    scene_to_png, scene_to_svg, scenes_to_pdf_deck,
};
use oblys::map::difference::DifferenceMode;
use oblys::map::{BoundaryMode, MapGeometry, MapView, build_scene};
use oblys::model::{
    Dataset, Lang, PotentialTab, Slide, SlideExtent, SlidePotential, SlideScreen, SlideView,
};

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

/// The default typology on `tab` (the neighbour graph on the cluster map), comparing the first
/// two scenarios at their horizon as the screen does by default.
fn potential_view(ds: &Dataset, tab: PotentialTab) -> SlideView {
    let at = |i: usize| {
        let s = &ds.scenarios[i];
        TypologyState::Scenario { scenario_id: s.id, year: s.horizon }
    };
    let map = ds.slides.iter().find(|s| s.view.screen == SlideScreen::Map).expect("a map slide");
    SlideView {
        screen: SlideScreen::Potential,
        potential: Some(Box::new(SlidePotential {
            tab,
            typology: Typology::default_for(ds),
            saved: None,
            significance: 0.05,
            change_a: at(0),
            change_b: at(1),
            neighbours: tab == PotentialTab::Clusters,
        })),
        ..map.view.clone()
    }
}

/// Ten slides from the default deck's three, varied to cover every screen: maps (zoomed, with
/// corridors, a selection), comparisons (absolute and relative), a chart, a table, the targets,
/// and the Potential screen's classes, clusters and class change.
fn ten_slides(ds: &Dataset) -> Vec<Slide> {
    let by_screen = |screen: SlideScreen| {
        ds.slides.iter().find(|s| s.view.screen == screen).cloned().expect("a default slide")
    };
    let map = by_screen(SlideScreen::Map);
    let compare = by_screen(SlideScreen::Compare);
    let targets = by_screen(SlideScreen::Targets);
    let with = |base: &Slide, f: &dyn Fn(&mut SlideView)| {
        let mut slide = base.clone();
        f(&mut slide.view);
        slide
    };
    let slides = vec![
        map.clone(),
        with(&map, &|v| {
            v.extent =
                Some(SlideExtent { min_lon: 66.0, min_lat: 40.5, max_lon: 82.0, max_lat: 47.0 });
            v.layers.corridors = true;
            v.selected = vec!["KZ-ALA".to_string()];
        }),
        compare.clone(),
        with(&compare, &|v| v.difference = DifferenceMode::Relative),
        with(&compare, &|v| v.screen = SlideScreen::Chart),
        with(&map, &|v| v.screen = SlideScreen::Table),
        targets.clone(),
        with(&map, &|v| *v = potential_view(ds, PotentialTab::Classes)),
        with(&map, &|v| *v = potential_view(ds, PotentialTab::Clusters)),
        with(&map, &|v| *v = potential_view(ds, PotentialTab::Change)),
    ];
    slides
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            s.id = i as i64 + 1;
            s.position = i as u32;
            s
        })
        .collect()
}

fn slides_export(c: &mut Criterion) {
    let mut ds = oblys::io::default_dataset::build().expect("embedded default data");
    ds.slides = ten_slides(&ds);
    let screens: Vec<SlideScreen> = ds.slides.iter().map(|s| s.view.screen).collect();
    assert!(SlideScreen::ALL.iter().all(|s| screens.contains(s)), "every screen in the deck");
    let mut group = c.benchmark_group("export_slides");
    group.sample_size(10);
    group.bench_function("deck_pdf_10_slides_every_screen_16_9", |b| {
        b.iter(|| deck_pdf(black_box(&ds), Lang::Ru, PageSize::SLIDE_16_9).expect("deck"))
    });
    let view = ds.slides[0].view.clone();
    group.bench_function("view_to_png_map_3840x2160", |b| {
        b.iter(|| view_to_png(black_box(&ds), &view, "Map", Lang::Kk, 3840, 2160).expect("png"))
    });
    // One page of each Potential tab, the renderer (geometry, projections) built once as an
    // export does.
    let renderer = SlideRenderer::new(&ds, Lang::Kk);
    for (tab, name) in [
        (PotentialTab::Classes, "potential_page_classes_svg_1920x1080"),
        (PotentialTab::Clusters, "potential_page_clusters_svg_1920x1080"),
        (PotentialTab::Change, "potential_page_change_svg_1920x1080"),
    ] {
        let view = potential_view(&ds, tab);
        group.bench_function(name, |b| {
            b.iter(|| renderer.svg(black_box(&view), "Әлеует", None, 1920, 1080))
        });
    }
    group.finish();
}

criterion_group!(benches, map_export, slides_export);
criterion_main!(benches);
