//! UI flows of the scenario screen, driven headless with egui_kittest on a real file written from
//! the default dataset: create a managed scenario, raise one region's growth rate, and see that
//! region's value — and no other — change in the compare table and on the difference map;
//! play the compare years; delete a scenario after the confirmation. Every change must also be
//! in the file.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use oblys::app::{AppState, CompareSortKey, DifferenceMode, Screen, Source};
use oblys::map::Scene;
use oblys::map::style::{NEUTRAL_FILL, diverging_colors};
use oblys::model::{Lang, ScenarioKind};
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::reloaded;

/// A window on a fresh file holding the default dataset (two scenarios: inertial 1, managed 2).
fn window(dir: &tempfile::TempDir) -> Harness<'static, Gui> {
    let path = dir.path().join("kazakhstan.oblys");
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    oblys::store::create(&path, &dataset).expect("file written");
    let dataset = oblys::store::load(&path).expect("file read");
    let gui = Gui::new(AppState::new(path, dataset, Lang::En));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.get_by_label("Scenarios").click();
    harness.run();
    assert_eq!(harness.state().state().screen(), Screen::Scenarios);
    harness
}

/// The difference map of the comparison shown now.
fn difference_map(harness: &Harness<'_, Gui>) -> Scene {
    let scenes = &harness.state().state().comparison().scenes;
    scenes.get(2).map(|s| Scene::clone(s)).expect("three compare maps")
}

/// Codes of the regions of `scene` not filled with the neutral "no change" colour.
fn coloured_regions(scene: &Scene) -> Vec<&str> {
    scene.regions.iter().filter(|r| r.fill != NEUTRAL_FILL).map(|r| r.code.as_str()).collect()
}

#[test]
fn raising_one_regions_growth_in_a_new_managed_scenario_changes_only_that_region() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);

    // The inertial scenario is selected; a managed copy of it is made and selected.
    harness.get_by_label("Managed from selected").click();
    harness.run();
    let state = harness.state().state();
    let made = state.selected_scenario().expect("selected").clone();
    assert_eq!((made.id, made.kind), (3, ScenarioKind::Managed));
    assert_eq!(made.name.get(Lang::En), "Managed: Inertial scenario to 2030");
    assert_eq!(reloaded(&harness).scenarios.len(), 3);

    // Compare the inertial scenario (A) with the new one (B), in 2030.
    harness.get_by_label("B").click();
    harness.run();
    // The option of the open list (the compare chart's key names the scenario too).
    harness.get(by().label("Managed: Inertial scenario to 2030").role(Role::Button)).click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.compare_sources(), (Source::Scenario(1), Source::Scenario(3)));
    assert_eq!((state.compare_indicator(), state.compare_year()), ("grp", 2030));
    // A copy projects the same values: every difference is zero.
    assert!(state.comparison().rows.iter().all(|r| r.difference == Some(0.0)));
    let before = state.comparison().row("KZ-AKM").expect("Akmola").clone();
    // … and the difference map is neutral everywhere, its legend only "No change".
    let map = difference_map(&harness);
    assert_eq!(map.regions.len(), 20);
    assert_eq!(coloured_regions(&map), Vec::<&str>::new());
    assert_eq!(map.legend.items.len(), 1);
    assert_eq!(map.title, "B − A: Gross regional product, 2030");

    // Select Akmola in the compare table, then raise its GRP growth by 2 × 0.5 points.
    harness.get_by_label("Akmola Region").click();
    harness.run();
    assert_eq!(harness.state().state().selected(), Some("KZ-AKM"));
    harness.get_by_label("Region: Akmola Region");
    let grp_row = harness
        .state()
        .state()
        .rate_rows()
        .iter()
        .position(|r| r.indicator == "grp")
        .expect("GRP is grown");
    let old_rate = harness.state().state().rate_rows()[grp_row].rate;
    for _ in 0..2 {
        harness.query_all_by_label("+").nth(grp_row).expect("a + per rate").click();
        harness.run();
    }
    let row = harness.state().state().rate_rows()[grp_row].clone();
    assert!(row.own);
    assert!((row.rate - (old_rate + 0.01)).abs() < 1e-12, "{} → {}", old_rate, row.rate);

    // Akmola's value in B grew by (1 + g + 0.01)^7 / (1 + g)^7 over the 7 years 2023 → 2030;
    // A and every other region are unchanged.
    let state = harness.state().state();
    let after = state.comparison().row("KZ-AKM").expect("Akmola").clone();
    assert_eq!(after.a, before.a);
    let (a, b) = (after.a.expect("A"), after.b.expect("B"));
    let expected = ((1.0 + old_rate + 0.01) / (1.0 + old_rate)).powi(7);
    assert!((b / a - expected).abs() < 1e-9, "{} vs {expected}", b / a);
    assert!(after.difference.expect("both known") > 0.0);
    for r in state.comparison().rows.iter().filter(|r| r.code != "KZ-AKM") {
        assert_eq!(r.difference, Some(0.0), "{}", r.code);
    }
    // The table shows the new difference.
    harness.get_by_label(&after.difference_text);
    assert!(after.difference_text.starts_with('+'));

    // The difference map: Akmola on the gain side — the darkest class, as the only change —
    // and every other region neutral.
    let map = difference_map(&harness);
    assert_eq!(coloured_regions(&map), vec!["KZ-AKM"]);
    let akmola = map.regions.iter().find(|r| r.code == "KZ-AKM").expect("Akmola drawn");
    assert_eq!(Some(&akmola.fill), diverging_colors(3, true).last());
    assert_eq!(akmola.value, after.difference);
    assert!(akmola.selected);
    assert!(map.regions.iter().filter(|r| r.code != "KZ-AKM").all(|r| r.value == Some(0.0)));
    assert_eq!(map.legend.items.len(), 7);

    // "Change, %": the same map in per cent of A, and the table's last column too.
    harness.get_by_label("Change, %").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.difference_mode(), DifferenceMode::Relative);
    let map = difference_map(&harness);
    assert_eq!(map.title, "B / A − 1: Gross regional product, 2030");
    assert_eq!(coloured_regions(&map), vec!["KZ-AKM"]);
    let change = map.regions.iter().find(|r| r.code == "KZ-AKM").and_then(|r| r.value);
    let change = change.expect("a change");
    assert!((change - (expected - 1.0) * 100.0).abs() < 1e-9, "{change}");
    let change_text = &state.comparison().row("KZ-AKM").expect("Akmola").change_text;
    harness.get_by_label(change_text);
    assert!(change_text.starts_with('+') && change_text.ends_with(" %"), "{change_text}");

    // And the file holds Akmola's own rate.
    let ds = reloaded(&harness);
    let saved = ds.scenario(3).expect("saved").assumptions.growth_of("grp").expect("grp");
    assert!((saved.rate_for("KZ-AKM") - row.rate).abs() < 1e-12);
    assert_eq!(saved.regional.iter().filter(|r| r.region_code == "KZ-AKM").count(), 1);
}

#[test]
fn a_scenario_is_deleted_only_after_the_confirmation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Delete").click();
    harness.run();
    harness.get_by_label("Delete the scenario “Inertial scenario to 2030”?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().state().delete_pending().is_none());
    assert_eq!(harness.state().state().dataset().scenarios.len(), 2);

    harness.get_by_label("Delete").click();
    harness.run();
    // The dialog's button is the second "Delete".
    harness.query_all_by_label("Delete").nth(1).expect("dialog open").click();
    harness.run();
    let state = harness.state().state();
    let ids: Vec<i64> = state.dataset().scenarios.iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![2]);
    assert_eq!(state.selected_scenario().map(|s| s.id), Some(2));
    // The comparison no longer shows the deleted scenario.
    assert_eq!(state.compare_sources(), (Source::Actual, Source::Scenario(2)));
    let ids: Vec<i64> = reloaded(&harness).scenarios.iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![2]);
}

#[test]
fn play_steps_the_compare_year_every_0_7_s_to_the_horizon_and_pause_stops_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let year = |h: &Harness<'_, Gui>| h.state().state().compare_year();
    assert_eq!(harness.state().state().compare_years(), (2023, 2030));
    assert_eq!(year(&harness), 2030);

    // At the horizon, play starts again from the first year.
    harness.get_by_label("Play the years").click();
    harness.run();
    assert!(harness.state().compare_playing());
    assert_eq!(year(&harness), 2023);
    // The harness advances its clock by 0.25 s a frame: one year at a time, each after 0.7 s,
    // that is every third frame.
    let mut changes: Vec<(usize, i32)> = Vec::new();
    for frame in 0..20 {
        harness.step();
        let now = year(&harness);
        let previous = changes.last().map_or(2023, |c| c.1);
        if now != previous {
            assert_eq!(now, previous + 1, "frame {frame}");
            changes.push((frame, now));
        }
        if now == 2026 {
            break;
        }
    }
    let years: Vec<i32> = changes.iter().map(|c| c.1).collect();
    assert_eq!(years, vec![2024, 2025, 2026]);
    // Both maps, the difference map and the table show the year played.
    let scenes = &harness.state().state().comparison().scenes;
    let titles: Vec<&str> = scenes.iter().map(|s| s.title.as_str()).collect();
    assert!(titles.iter().all(|t| t.ends_with(", 2026")), "{titles:?}");
    let projections = harness.state().state().projections();
    let akmola = harness.state().state().comparison().row("KZ-AKM").and_then(|r| r.b);
    assert_eq!(akmola, projections[1].value("KZ-AKM", "grp", 2026));
    assert!(changes.windows(2).all(|w| w[1].0 - w[0].0 == 3), "{changes:?}");
    assert!(harness.state().compare_playing());

    // Pause: the year stays however long the window runs.
    harness.get_by_label("Pause").click();
    harness.run();
    assert!(!harness.state().compare_playing());
    let paused = year(&harness);
    harness.run_steps(12);
    assert_eq!(year(&harness), paused);

    // Play again: it runs on to the horizon and stops there.
    harness.get_by_label("Play the years").click();
    harness.run_steps(40);
    assert_eq!(year(&harness), 2030);
    assert!(!harness.state().compare_playing());
    harness.get_by_label("Play the years");
}

#[test]
fn scenario_screen_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Akmola Region").click();
    harness.run();
    harness.snapshot("scenario_screen");
}

#[test]
fn new_duplicate_and_rename_in_the_list_are_in_the_file_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);

    // A new inertial scenario from the data, under a name no other has; selected and saved.
    harness.get_by_label("New inertial").click();
    harness.run();
    let made = harness.state().state().selected_scenario().expect("selected").clone();
    assert_eq!((made.id, made.kind), (3, ScenarioKind::Inertial));
    assert_eq!(made.name.get(Lang::En), "Inertial scenario to 2030 2");
    assert_eq!((made.base_year, made.horizon), (2023, 2030));
    assert_eq!(reloaded(&harness).scenario(3), Some(&made));

    // Its duplicate: the same assumptions under a new id and "(copy)".
    harness.get_by_label("Duplicate").click();
    harness.run();
    let copy = harness.state().state().selected_scenario().expect("selected").clone();
    assert_eq!(copy.id, 4);
    assert_eq!(copy.name.get(Lang::En), "Inertial scenario to 2030 2 (copy)");
    assert_eq!(copy.assumptions, made.assumptions);
    assert_eq!(reloaded(&harness).scenario(4), Some(&copy));

    // Rename: the field opens with the name, focused; the planner types and presses Enter.
    harness.get_by_label("Rename").click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Rename");
    assert_eq!(field.value().as_deref(), Some("Inertial scenario to 2030 2 (copy)"));
    // Keys go to the field without a click into it.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.event(egui::Event::Text("North first".into()));
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_role_and_label(Role::TextInput, "Rename").is_none());
    let renamed = harness.state().state().selected_scenario().expect("selected").clone();
    assert_eq!(renamed.id, 4);
    for lang in Lang::ALL {
        assert_eq!(renamed.name.get(lang), "North first");
    }
    assert_eq!(renamed.assumptions, copy.assumptions);
    harness.get_by_label("North first · Inertial");
    let ds = reloaded(&harness);
    let names: Vec<&str> = ds.scenarios.iter().map(|s| s.name.get(Lang::En)).collect();
    assert_eq!(
        names,
        vec![
            "Inertial scenario to 2030",
            "Managed scenario to 2030",
            "Inertial scenario to 2030 2",
            "North first"
        ]
    );

    // A rename left with Cancel changes nothing.
    harness.get_by_label("Rename").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Rename").type_text(" again");
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(reloaded(&harness).scenario(4).map(|s| s.name.get(Lang::En).to_owned()), {
        Some("North first".to_owned())
    });
}

/// Where region `code` is drawn on each compare map, relative to that map's top-left corner.
fn offsets_on_the_three_maps(harness: &Harness<'_, Gui>, code: &str) -> [egui::Vec2; 3] {
    let labels = ["Map A", "Map B", "Difference map"];
    std::array::from_fn(|i| {
        let corner = harness.get_by_label(labels[i]).rect().min;
        let at = harness.state().compare_region_screen_pos(i, code).expect("region drawn");
        at - corner
    })
}

fn assert_same_place(offsets: [egui::Vec2; 3]) {
    for o in &offsets[1..] {
        assert!((*o - offsets[0]).length() < 0.01, "{offsets:?}");
    }
}

#[test]
fn the_three_compare_maps_pan_zoom_and_select_together() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let start = offsets_on_the_three_maps(&harness, "KZ-AST");
    assert_same_place(start);

    // A drag on map A moves all three by the drag.
    let from = harness.get_by_label("Map A").rect().center();
    let to = from + egui::vec2(-60.0, 30.0);
    harness.hover_at(from);
    harness.drag_at(from);
    harness.run();
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
    let panned = offsets_on_the_three_maps(&harness, "KZ-AST");
    assert_same_place(panned);
    let moved = panned[0] - start[0];
    assert!((moved - egui::vec2(-60.0, 30.0)).length() < 1.0, "{moved:?}");

    // The wheel over the difference map, on Astana, zooms all three around Astana.
    let astana = harness.state().compare_region_screen_pos(2, "KZ-AST").expect("drawn");
    let karaganda_before = offsets_on_the_three_maps(&harness, "KZ-KAR");
    harness.hover_at(astana);
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, 3.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(12);
    let zoom = harness.state().state().compare_camera().zoom;
    assert!(zoom > 1.2, "zoom {zoom}");
    let zoomed = offsets_on_the_three_maps(&harness, "KZ-AST");
    assert_same_place(zoomed);
    assert!((zoomed[2] - panned[2]).length() < 1.0, "Astana stays under the pointer");
    let karaganda = offsets_on_the_three_maps(&harness, "KZ-KAR");
    assert_same_place(karaganda);
    let spread = (karaganda[0] - zoomed[0]).length() / (karaganda_before[0] - panned[0]).length();
    assert!((spread - zoom).abs() < 0.01, "{spread} vs {zoom}");

    // A click on Karaganda on map B selects it on all three maps, in the table and the chart.
    let on_b = harness.state().compare_region_screen_pos(1, "KZ-KAR").expect("drawn");
    ui::click_at(&mut harness, on_b);
    let state = harness.state().state();
    assert_eq!(state.selected(), Some("KZ-KAR"));
    for scene in &state.comparison().scenes {
        let selected: Vec<&str> =
            scene.regions.iter().filter(|r| r.selected).map(|r| r.code.as_str()).collect();
        assert_eq!(selected, vec!["KZ-KAR"], "{}", scene.title);
    }
    assert_eq!(state.comparison().chart.title, "Gross regional product — Karaganda Region");
}

#[test]
fn clicking_a_compare_header_sorts_the_table_and_again_reverses_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let order = |h: &Harness<'_, Gui>| -> Vec<String> {
        h.state().state().comparison().sorted_rows().map(|r| r.code.clone()).collect()
    };
    let differences = |h: &Harness<'_, Gui>| -> Vec<Option<f64>> {
        h.state().state().comparison().sorted_rows().map(|r| r.difference).collect()
    };
    harness.get_by_label("B − A").click();
    harness.run();
    let sort = harness.state().state().compare_sort();
    assert_eq!((sort.key, sort.descending), (CompareSortKey::Difference, true));
    let highest_first = differences(&harness);
    assert_eq!(highest_first.len(), 20);
    let known: Vec<f64> = highest_first.iter().flatten().copied().collect();
    assert_eq!(known.len(), 20);
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{known:?}");
    // The managed scenario's growth points gain most: an agglomeration leads.
    let first = order(&harness).first().cloned().expect("rows");
    assert!(["KZ-AST", "KZ-ALA", "KZ-SHY", "KZ-AKT"].contains(&first.as_str()), "{first}");

    harness.get_by_label("B − A").click();
    harness.run();
    let sort = harness.state().state().compare_sort();
    assert_eq!((sort.key, sort.descending), (CompareSortKey::Difference, false));
    let mut before = highest_first.clone();
    before.reverse();
    assert_eq!(differences(&harness), before);

    harness.get_by_label("Region").click();
    harness.run();
    let names: Vec<String> =
        harness.state().state().comparison().sorted_rows().map(|r| r.name.clone()).collect();
    assert_eq!(names.first().map(String::as_str), Some("Abay Region"));
}
