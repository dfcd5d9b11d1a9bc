//! UI flows of the scenario screen, driven headless with egui_kittest on a real file written from
//! the default dataset: create a managed scenario, raise one region's growth rate, and see that
//! region's value — and no other — change in the compare table and on the difference map;
//! play the compare years; delete a scenario after the confirmation. Every change must also be
//! in the file.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use oblys::app::{AppState, DifferenceMode, Screen, Source};
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
