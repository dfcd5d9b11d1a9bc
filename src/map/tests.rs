//! Scenes built from the hand-made dataset of `analysis::fixture`.

use crate::analysis::fixture::dataset;
use crate::map::style;
use crate::map::{
    BoundaryMode, LegendItem, MapGeometry, MapView, Scene, SymbolRef, SymbolShape, build_scene,
};
use crate::model::{Corridor, CorridorKind, Dataset, Lang, Names};

fn scene(indicator: &str, year: i32, mode: BoundaryMode, lang: Lang) -> Scene {
    let ds = dataset();
    let geometry = MapGeometry::new(&ds);
    let mut view = MapView::new(indicator, year, lang);
    view.boundary_mode = mode;
    build_scene(&ds, &geometry, &view)
}

fn region<'a>(scene: &'a Scene, code: &str) -> &'a crate::map::SceneRegion {
    scene.regions.iter().find(|r| r.code == code).unwrap()
}

#[test]
fn as_reported_scene_draws_the_2018_units_with_their_values_and_ranks() {
    let s = scene("pop", 2020, BoundaryMode::AsReported, Lang::En);
    assert_eq!(s.edition, "2018");
    let codes: Vec<&str> = s.regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["KZ-AAA", "KZ-BBB@2018"]);
    let old = region(&s, "KZ-BBB@2018");
    assert_eq!((old.value, old.rank, old.no_data), (Some(300.0), Some(1), false));
    assert_eq!(old.value_label, "300.0 units");
    assert_eq!(old.note, None);
    assert_eq!(region(&s, "KZ-AAA").rank, Some(2));
    assert_eq!(s.title, "pop en, 2020 (on 2018–2022 boundaries)");
    assert_eq!(s.subtitle, "units");
    assert!(s.group_outlines.is_empty());
}

#[test]
fn current_scene_draws_a_legacy_value_over_its_successors_as_one_group() {
    let s = scene("pop", 2020, BoundaryMode::Current, Lang::En);
    assert_eq!(s.edition, "2022");
    let (b, c) = (region(&s, "KZ-BBB"), region(&s, "KZ-CCC"));
    for r in [b, c] {
        assert_eq!(r.value, Some(300.0));
        assert_eq!(r.value_code, "KZ-BBB@2018");
        assert_eq!(r.rank, Some(1));
    }
    assert_eq!(b.fill, c.fill);
    assert_eq!(
        b.note.as_deref(),
        Some("Old Bbb Region (boundaries before 2022, incl. Ccc Region)")
    );
    assert_eq!(s.group_outlines.len(), 1);
    assert_eq!(s.group_outlines[0].value_code, "KZ-BBB@2018");
    // The group outline is the legacy unit's own shape: the union of BBB and CCC.
    let [gx0, _, gx1, _] = s.group_outlines[0].mesh.bbox;
    let [bx0, _, _, _] = b.mesh.bbox;
    let [_, _, cx1, _] = c.mesh.bbox;
    assert!((gx0 - bx0).abs() < 1.0 && (gx1 - cx1).abs() < 1.0);
    assert_eq!(s.title, "pop en, 2020 (on current boundaries)");
}

#[test]
fn a_year_without_data_is_grey_no_data_with_a_legend_item_never_zero() {
    let s = scene("pop", 2019, BoundaryMode::AsReported, Lang::Ru);
    assert!(s.regions.iter().all(|r| r.no_data && r.value.is_none() && r.rank.is_none()));
    assert!(s.regions.iter().all(|r| r.fill == style::NO_DATA_FILL));
    assert!(s.regions.iter().all(|r| r.value_label == "Нет данных"));
    assert!(!s.legend.items.iter().any(|i| matches!(i, LegendItem::Class { .. })));
    assert!(s.legend.items.contains(&LegendItem::NoData {
        fill: style::NO_DATA_FILL,
        label: "Нет данных".to_string()
    }));
}

#[test]
fn lower_is_better_gives_the_lowest_value_the_darkest_class() {
    let s = scene("unemp", 2022, BoundaryMode::AsReported, Lang::En);
    let colors = style::class_colors(3, true);
    // 4 (AAA) is best: darkest; 8 (CCC) worst: palest.
    assert_eq!(region(&s, "KZ-AAA").fill, colors[2]);
    assert_eq!(region(&s, "KZ-CCC").fill, colors[0]);
}

#[test]
fn legend_classes_are_ascending_ranges_in_the_languages_number_format() {
    let s = scene("pop", 2022, BoundaryMode::AsReported, Lang::Ru);
    let classes: Vec<&str> = s
        .legend
        .items
        .iter()
        .filter_map(|i| match i {
            LegendItem::Class { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(classes, ["110,0", "120,0", "200,0"]);
    assert_eq!(s.legend.title, "pop ru");
    assert_eq!(s.legend.unit, "ед.");
    assert_eq!(region(&s, "KZ-BBB").value_label, "200,0 ед.");
}

#[test]
fn growth_points_without_location_are_skipped_and_monotowns_stand_out() {
    let s = scene("pop", 2022, BoundaryMode::AsReported, Lang::En);
    let towns: Vec<_> =
        s.symbols.iter().filter(|s| matches!(s.object, SymbolRef::GrowthPoint(_))).collect();
    assert_eq!(towns.len(), 2);
    // Largest first, so the small ones are drawn on top.
    assert_eq!(towns[0].object, SymbolRef::GrowthPoint(1));
    assert_eq!(towns[0].radius_px, style::growth_point_radius(Some(500_000)));
    assert_eq!(towns[0].fill, style::TOWN_FILL);
    assert_eq!(towns[1].fill, style::MONOTOWN_FILL);
    assert_ne!(towns[0].stroke_px, towns[1].stroke_px);
    assert_eq!(
        towns[1].tooltip,
        "Monotown — Level 3: promising small towns, Monotown, 20,000 people"
    );
    let project = s.symbols.iter().find(|s| s.object == SymbolRef::Project("P-1".into())).unwrap();
    assert_eq!(project.shape, SymbolShape::Star);
    assert_eq!(project.tooltip, "Solar plant — Energy, 2015");
    let headings = s.legend.items.iter().filter(|i| matches!(i, LegendItem::Heading { .. }));
    assert_eq!(headings.count(), 3);
}

#[test]
fn layers_that_are_off_leave_no_symbols_labels_or_legend_lines() {
    let ds = dataset();
    let geometry = MapGeometry::new(&ds);
    let mut view = MapView::new("pop", 2022, Lang::Kk);
    view.show_growth_points = false;
    view.show_projects = false;
    view.show_labels = false;
    let s = build_scene(&ds, &geometry, &view);
    assert!(s.symbols.is_empty() && s.labels.is_empty());
    assert!(!s.legend.items.iter().any(|i| matches!(i, LegendItem::Symbol { .. })));
    view.show_labels = true;
    let s = build_scene(&ds, &geometry, &view);
    let labels: Vec<&str> = s.labels.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(labels, ["Aaa облысы", "Bbb облысы", "Ccc облысы"]);
}

/// The fixture with one corridor of each kind, listed railway last so the drawing order shows.
fn with_corridors() -> Dataset {
    let corridor = |id: i64, kind: CorridorKind, en: &str, ru: &str, line: Vec<(f64, f64)>| {
        Corridor { id, names: Names::new("", ru, en), kind, line: line.into() }
    };
    let mut ds = dataset();
    ds.corridors = vec![
        corridor(1, CorridorKind::Road, "A-1 road", "Трасса А-1", vec![(60.2, 45.5), (63.8, 45.5)]),
        corridor(2, CorridorKind::PowerLine, "North line", "", vec![(60.5, 46.8), (63.5, 46.8)]),
        corridor(
            3,
            CorridorKind::Pipeline,
            "Gas main",
            "Газопровод",
            vec![(61.0, 45.2), (62.0, 46.0), (63.0, 45.2)],
        ),
        corridor(4, CorridorKind::Railway, "Steppe railway", "", vec![(60.5, 46.2), (63.5, 46.2)]),
        // A line of one point cannot be drawn: left out of the scene and the legend.
        corridor(5, CorridorKind::Road, "Stub", "", vec![(61.0, 46.0)]),
    ];
    ds
}

#[test]
fn corridors_become_styled_lines_railways_on_top_with_a_legend_of_the_kinds() {
    let ds = with_corridors();
    let geometry = MapGeometry::new(&ds);
    let s = build_scene(&ds, &geometry, &MapView::new("pop", 2022, Lang::Ru));
    let drawn: Vec<(i64, CorridorKind)> = s.lines.iter().map(|l| (l.id, l.kind)).collect();
    assert_eq!(
        drawn,
        [
            (3, CorridorKind::Pipeline),
            (2, CorridorKind::PowerLine),
            (1, CorridorKind::Road),
            (4, CorridorKind::Railway)
        ]
    );
    for line in &s.lines {
        assert_eq!(line.style, style::corridor_style(line.kind));
    }
    let pipeline = &s.lines[0];
    assert_eq!(pipeline.points.len(), 3);
    assert_eq!(pipeline.points[1], geometry.project(62.0, 46.0));
    assert_eq!(pipeline.tooltip, "Газопровод — Трубопровод");
    // A name without a Russian form falls back to English.
    assert_eq!(s.lines[3].name, "Steppe railway");
    assert_eq!(s.lines[3].tooltip, "Steppe railway — Железная дорога");
    let legend: Vec<&LegendItem> = s
        .legend
        .items
        .iter()
        .skip_while(|i| !matches!(i, LegendItem::Heading { label } if label == "Коридоры"))
        .collect();
    let labels: Vec<&str> = legend
        .iter()
        .filter_map(|i| match i {
            LegendItem::Line { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        labels,
        ["Железная дорога", "Автомобильная дорога", "Линия электропередачи", "Трубопровод"]
    );
    assert_eq!(
        legend.get(1),
        Some(&&LegendItem::Line {
            style: style::corridor_style(CorridorKind::Railway),
            label: "Железная дорога".to_string()
        })
    );
}

#[test]
fn the_corridor_legend_lists_only_the_kinds_on_the_map_and_nothing_when_the_layer_is_off() {
    let mut ds = with_corridors();
    ds.corridors.retain(|c| c.kind == CorridorKind::Road);
    let geometry = MapGeometry::new(&ds);
    let mut view = MapView::new("pop", 2022, Lang::Kk);
    let s = build_scene(&ds, &geometry, &view);
    assert_eq!(s.lines.len(), 1);
    let lines: Vec<&str> = s
        .legend
        .items
        .iter()
        .filter_map(|i| match i {
            LegendItem::Line { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(lines, ["Автомобиль жолы"]);
    view.show_corridors = false;
    let s = build_scene(&with_corridors(), &geometry, &view);
    assert!(s.lines.is_empty());
    assert!(!s.legend.items.iter().any(|i| matches!(i, LegendItem::Line { .. })));
    assert!(
        !s.legend
            .items
            .iter()
            .any(|i| matches!(i, LegendItem::Heading { label } if label == "Дәліздер"))
    );
}

#[test]
fn line_at_finds_the_topmost_corridor_within_its_width() {
    let ds = with_corridors();
    let geometry = MapGeometry::new(&ds);
    let s = build_scene(&ds, &geometry, &MapView::new("pop", 2022, Lang::En));
    let px_per_world = 1.0 / 1000.0;
    let on_rail = geometry.project(62.0, 46.2);
    let hit = s.line_at(on_rail, px_per_world, 1.0);
    assert_eq!(hit.map(|l| l.tooltip.as_str()), Some("Steppe railway — Railway"));
    // 4 km off at 1 px per km: within half the railway's 4 px plus the slack of 3 px.
    assert_eq!(
        s.line_at([on_rail[0], on_rail[1] + 4_000.0], px_per_world, 1.0).map(|l| l.id),
        Some(4)
    );
    assert_eq!(s.line_at([on_rail[0], on_rail[1] + 8_000.0], px_per_world, 1.0), None);
    // Twice as wide when zoomed in: 6 km off is then within reach.
    assert_eq!(
        s.line_at([on_rail[0], on_rail[1] + 6_000.0], px_per_world, 2.0).map(|l| l.id),
        Some(4)
    );
    // The pipeline's bend is hit on its second segment.
    let bend = geometry.project(62.5, 45.6);
    assert_eq!(s.line_at(bend, px_per_world, 1.0).map(|l| l.id), Some(3));
}

#[test]
fn selecting_a_legacy_group_selects_every_member() {
    let ds = dataset();
    let geometry = MapGeometry::new(&ds);
    let mut view = MapView::new("pop", 2020, Lang::En);
    view.boundary_mode = BoundaryMode::Current;
    view.selected = Some("KZ-BBB@2018".to_string());
    let s = build_scene(&ds, &geometry, &view);
    let selected: Vec<&str> =
        s.regions.iter().filter(|r| r.selected).map(|r| r.code.as_str()).collect();
    assert_eq!(selected, ["KZ-BBB", "KZ-CCC"]);
    view.selected = Some("KZ-CCC".to_string());
    let s = build_scene(&ds, &geometry, &view);
    let selected: Vec<&str> =
        s.regions.iter().filter(|r| r.selected).map(|r| r.code.as_str()).collect();
    assert_eq!(selected, ["KZ-CCC"]);
}

#[test]
fn region_at_and_symbol_at_find_what_is_under_the_pointer() {
    let ds = dataset();
    let geometry = MapGeometry::new(&ds);
    let s = build_scene(&ds, &geometry, &MapView::new("pop", 2022, Lang::En));
    let inside_ccc = geometry.project(63.7, 46.5);
    assert_eq!(s.region_at(inside_ccc).map(|r| r.code.as_str()), Some("KZ-CCC"));
    assert_eq!(s.region_at(geometry.project(70.0, 46.0)), None);
    // The monotown at 63.5°E 46°N: hit within its radius at 1 px per km, missed 20 px away.
    let town = geometry.project(63.5, 46.0);
    let px_per_world = 1.0 / 1000.0;
    let hit = s.symbol_at([town[0] + 2000.0, town[1]], px_per_world);
    assert_eq!(hit.map(|h| h.object.clone()), Some(SymbolRef::GrowthPoint(2)));
    assert_eq!(s.symbol_at([town[0] + 20_000.0, town[1]], px_per_world), None);
}

#[test]
fn geometry_meshes_cover_each_square_and_units_shared_by_editions_share_one_mesh() {
    let ds = dataset();
    let geometry = MapGeometry::new(&ds);
    let old = geometry.edition("2018").unwrap();
    let new = geometry.edition("2022").unwrap();
    let a_old = old.unit("KZ-AAA").unwrap();
    let a_new = new.unit("KZ-AAA").unwrap();
    assert!(std::sync::Arc::ptr_eq(&a_old.mesh, &a_new.mesh));
    // BBB@2018 (2°×2°) is the sum of BBB and CCC (1°×2° each), on the equal-area projection.
    // Not exactly: the squares' edges are straight lines between projected corners, and the
    // split pair has one more corner on each parallel (which projects to an arc).
    let sum = new.unit("KZ-BBB").unwrap().area_km2 + new.unit("KZ-CCC").unwrap().area_km2;
    let whole = old.unit("KZ-BBB@2018").unwrap().area_km2;
    assert!((sum - whole).abs() / whole < 1e-3, "{sum} vs {whole}");
    // A 2°×2° cell at 45–47°N is about 222 km × 155 km.
    assert!((whole - 34_400.0).abs() < 600.0, "{whole}");
    let label = a_new.label_anchor;
    assert!(a_new.mesh.contains(label));
}

/// Scenes of the real default dataset.
mod default_data {
    use super::*;
    use crate::analysis::fixture::default_dataset;
    use crate::model::RegionKind;

    fn real_scene(indicator: &str, year: i32, mode: BoundaryMode, lang: Lang) -> Scene {
        static GEOMETRY: std::sync::OnceLock<MapGeometry> = std::sync::OnceLock::new();
        let ds = default_dataset();
        let geometry = GEOMETRY.get_or_init(|| MapGeometry::new(ds));
        let mut view = MapView::new(indicator, year, lang);
        view.boundary_mode = mode;
        build_scene(ds, geometry, &view)
    }

    #[test]
    fn legacy_2018_values_of_2020_are_what_the_current_view_shows_for_their_successors() {
        let ds = default_dataset();
        let pairs = [
            ("KZ-VOS@2018", ["KZ-VOS", "KZ-ABY"]),
            ("KZ-ALM@2018", ["KZ-ALM", "KZ-ZHT"]),
            ("KZ-KAR@2018", ["KZ-KAR", "KZ-ULT"]),
        ];
        for indicator in ["population", "grp", "grp_per_capita", "unemployment_rate"] {
            let current = real_scene(indicator, 2020, BoundaryMode::Current, Lang::En);
            let as_reported = real_scene(indicator, 2020, BoundaryMode::AsReported, Lang::En);
            for (legacy, successors) in pairs {
                let reported = ds.value(legacy, indicator, 2020).unwrap();
                assert_eq!(region(&as_reported, legacy).value, Some(reported));
                for code in successors {
                    let shown = region(&current, code);
                    assert_eq!(shown.value, Some(reported), "{indicator} {code}");
                    assert_eq!(shown.value_code, legacy);
                    assert_eq!(shown.rank, region(&as_reported, legacy).rank);
                    assert_eq!(shown.fill, region(&current, successors[0]).fill);
                }
            }
        }
        // Population 2020 of East Kazakhstan before the split, from the CSV.
        let current = real_scene("population", 2020, BoundaryMode::Current, Lang::En);
        assert_eq!(region(&current, "KZ-ABY").value, Some(1_369_597.0));
        assert_eq!(
            region(&current, "KZ-ABY").note.as_deref(),
            Some("East Kazakhstan Region (boundaries before 2022, incl. Abay Region)")
        );
    }

    #[test]
    fn current_scene_has_twenty_regions_and_as_reported_2021_population_seventeen() {
        let s = real_scene("population", 2023, BoundaryMode::AsReported, Lang::Kk);
        assert_eq!(s.regions.len(), 20);
        assert!(s.regions.iter().all(|r| r.value.is_some()));
        assert_eq!(s.title, "Халық саны, 2023");
        let sev = region(&s, "KZ-SEV");
        assert_eq!(sev.name, "Солтүстік Қазақстан облысы");
        assert_eq!(sev.value_label, "534\u{a0}108 адам");
        let s = real_scene("population", 2021, BoundaryMode::AsReported, Lang::Ru);
        assert_eq!(s.regions.len(), 17);
        assert_eq!(s.edition, "2018");
        assert_eq!(s.title, "Численность населения, 2021 (в границах 2018–2022 гг.)");
    }

    #[test]
    fn the_three_cities_get_labels_beside_them_that_clear_the_oblast_labels() {
        let ds = default_dataset();
        let s = real_scene("grp", 2022, BoundaryMode::AsReported, Lang::Ru);
        let cities: Vec<&str> = ["KZ-AST", "KZ-ALA", "KZ-SHY"]
            .iter()
            .map(|c| ds.region(c).unwrap())
            .inspect(|r| assert_eq!(r.kind, RegionKind::City))
            .map(|r| r.names.ru.as_str())
            .collect();
        let scale = 1400.0 / (s.bounds[2] - s.bounds[0]);
        let boxes: Vec<(String, [f32; 4])> = s
            .labels
            .iter()
            .map(|l| {
                let half_w = l.text.chars().count() as f32 * 0.56 * l.size_px / 2.0;
                let x = l.pos[0] * scale + l.offset_px[0];
                let y = -l.pos[1] * scale + l.offset_px[1];
                (l.text.clone(), [x, y, half_w, l.size_px * 0.6])
            })
            .collect();
        assert_eq!(boxes.len(), 20);
        for city in &cities {
            let label = s.labels.iter().find(|l| l.text == *city).unwrap();
            assert!(label.offset_px != [0.0, 0.0], "{city} label sits on its symbol");
            assert!(label.size_px < style::REGION_LABEL_PX);
            let (_, b) = boxes.iter().find(|(t, _)| t == city).unwrap();
            for (other, o) in boxes.iter().filter(|(t, _)| t != city) {
                let apart =
                    (b[0] - o[0]).abs() >= b[2] + o[2] || (b[1] - o[1]).abs() >= b[3] + o[3];
                assert!(apart, "{city} overlaps {other}");
            }
        }
    }

    #[test]
    fn towns_without_coordinates_are_skipped_and_every_project_is_drawn() {
        let ds = default_dataset();
        let s = real_scene("population", 2023, BoundaryMode::AsReported, Lang::En);
        let towns = s.symbols.iter().filter(|s| matches!(s.object, SymbolRef::GrowthPoint(_)));
        let located = ds.growth_points.iter().filter(|g| g.location.is_some()).count();
        assert_eq!(located, 46);
        assert_eq!(towns.count(), 46);
        let projects = s.symbols.iter().filter(|s| matches!(s.object, SymbolRef::Project(_)));
        assert_eq!(projects.count(), 27);
        let monotowns = s.symbols.iter().filter(|s| s.fill == style::MONOTOWN_FILL).count();
        assert_eq!(
            monotowns,
            ds.growth_points.iter().filter(|g| g.is_monotown && g.location.is_some()).count()
        );
        assert!(monotowns > 0);
    }
}

#[test]
fn marks_point_up_or_down_and_the_same_bar_is_flat_around_their_centre() {
    use crate::map::MarkKind;
    let close = |a: Vec<[f32; 2]>, b: &[[f32; 2]]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(p, q)| (p[0] - q[0]).abs() < 1e-4 && (p[1] - q[1]).abs() < 1e-4)
    };
    // Screen coordinates, y down: the up mark's apex above its centre, the down mark's below.
    let up = MarkKind::Up.polygon([10.0, 20.0], 7.0);
    assert!(close(up.clone(), &[[10.0, 13.0], [3.0, 24.2], [17.0, 24.2]]), "{up:?}");
    let down = MarkKind::Down.polygon([10.0, 20.0], 7.0);
    assert!(close(down.clone(), &[[10.0, 27.0], [3.0, 15.8], [17.0, 15.8]]), "{down:?}");
    let same = MarkKind::Same.polygon([10.0, 20.0], 10.0);
    assert!(
        close(same.clone(), &[[2.0, 17.5], [18.0, 17.5], [18.0, 22.5], [2.0, 22.5]]),
        "{same:?}"
    );
    assert_eq!(
        [MarkKind::Up, MarkKind::Down, MarkKind::Same].map(MarkKind::key),
        ["up", "down", "same"]
    );
}
