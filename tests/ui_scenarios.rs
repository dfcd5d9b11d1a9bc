//! UI flows of the scenario screen, driven headless with egui_kittest on a real file written from
//! the default dataset: create a managed scenario, raise one region's growth rate, and see that
//! region's value — and no other — change in the compare table; delete a scenario after the
//! confirmation. Every change must also be in the file.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::{AppState, Screen, Source};
use oblys::model::{Lang, ScenarioKind};
use oblys::ui::Gui;

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

fn reloaded(harness: &Harness<'_, Gui>) -> oblys::model::Dataset {
    oblys::store::load(harness.state().state().file()).expect("file read")
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
    harness.get_by_label("Managed: Inertial scenario to 2030").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.compare_sources(), (Source::Scenario(1), Source::Scenario(3)));
    assert_eq!((state.compare_indicator(), state.compare_year()), ("grp", 2030));
    // A copy projects the same values: every difference is zero.
    assert!(state.comparison().rows.iter().all(|r| r.difference == Some(0.0)));
    let before = state.comparison().row("KZ-AKM").expect("Akmola").clone();

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
fn scenario_screen_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Akmola Region").click();
    harness.run();
    harness.snapshot("scenario_screen");
}
