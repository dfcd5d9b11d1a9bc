//! UI flows of the Assumptions tab of the scenario screen, driven headless with egui_kittest on a
//! real file written from the default dataset: the horizon, a region's own GRP rate (set, then
//! cleared), the national default, a project's realisation and the description each change the
//! projection at once and are in the file afterwards; an edit the file's check refuses shows why
//! and changes nothing. Plus a snapshot of the tab.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::{AppState, ScenarioTab, Screen};
use oblys::model::{Lang, Names, TargetKind};
use oblys::scenario::Projection;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::reloaded;

/// The inertial scenario of the default dataset (base year 2023, horizon 2030).
const INERTIAL: i64 = 1;

/// A window on a fresh file holding the default dataset, on the Assumptions tab with the
/// inertial scenario selected.
fn window(dir: &tempfile::TempDir, lang: Lang) -> Harness<'static, Gui> {
    let path = dir.path().join("kazakhstan.oblys");
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    oblys::store::create(&path, &dataset).expect("file written");
    let dataset = oblys::store::load(&path).expect("file read");
    let mut gui = Gui::new(AppState::new(path, dataset, lang));
    gui.apply(oblys::app::Action::SetScreen(Screen::Scenarios));
    gui.apply(oblys::app::Action::SetScenarioTab(ScenarioTab::Assumptions));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    assert_eq!(harness.state().state().selected_scenario().map(|s| s.id), Some(INERTIAL));
    harness
}

fn projection(harness: &Harness<'_, Gui>) -> Projection {
    let state = harness.state().state();
    state.projections().iter().find(|p| p.scenario_id == INERTIAL).expect("projected").clone()
}

/// The projected value of `code` and `indicator` in `year` of the inertial scenario.
fn projected(harness: &Harness<'_, Gui>, code: &str, indicator: &str, year: i32) -> f64 {
    projection(harness).value(code, indicator, year).expect("projected value")
}

fn assert_close(actual: f64, expected: f64) {
    assert!((actual / expected - 1.0).abs() < 1e-9, "{actual} vs {expected}");
}

#[test]
fn assumption_edits_change_the_projection_at_once_and_are_saved_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let base = projected(&harness, "KZ-AKM", "grp", 2023);

    // The horizon: 2030 → 2035.
    harness.get_by_role_and_label(Role::SpinButton, "Horizon").set_value_accesskit(2035.0);
    harness.run();
    assert_eq!(projection(&harness).horizon, 2035);
    assert_eq!(reloaded(&harness).scenario(INERTIAL).expect("saved").horizon, 2035);

    // Akmola's own GRP rate: 12.5 % a year over the 12 years 2023 → 2035.
    let akmola = "Gross regional product — Akmola Region";
    harness.get_by_label(akmola).set_value_accesskit(12.5);
    harness.run();
    assert_close(projected(&harness, "KZ-AKM", "grp", 2035), base * 1.125_f64.powi(12));
    let saved = reloaded(&harness);
    let grp = saved.scenario(INERTIAL).expect("saved").assumptions.growth_of("grp").expect("grp");
    assert_eq!(grp.rate_for("KZ-AKM"), 0.125);

    // Cleared with ✕: Akmola follows the national default again.
    let national = grp.national;
    harness.get_by_label("Use national default: Gross regional product — Akmola Region").click();
    harness.run();
    assert_close(projected(&harness, "KZ-AKM", "grp", 2035), base * (1.0 + national).powi(12));
    let saved = reloaded(&harness);
    let grp = saved.scenario(INERTIAL).expect("saved").assumptions.growth_of("grp").expect("grp");
    assert!(grp.regional.iter().all(|r| r.region_code != "KZ-AKM"));
    assert!(
        harness
            .query_by_label("Use national default: Gross regional product — Akmola Region")
            .is_none()
    );

    // The national default slider: 6 % a year, which Akmola now follows.
    harness.get_by_label("Gross regional product — National default").set_value_accesskit(6.0);
    harness.run();
    assert_close(projected(&harness, "KZ-AKM", "grp", 2035), base * 1.06_f64.powi(12));
    let saved = reloaded(&harness);
    let grp = saved.scenario(INERTIAL).expect("saved").assumptions.growth_of("grp").expect("grp");
    assert_eq!(grp.national, 0.06);

    // A planned project in Pavlodar (400 jobs from 2028, two years of ramp-up) is realised.
    let jobs_before = projected(&harness, "KZ-PAV", "project_jobs_direct", 2035);
    harness.get_by_label("Projects").click();
    harness.run();
    let name = saved.project("OTH-02").expect("project").names.get(Lang::En).to_owned();
    harness.get_by_label(&format!("Realised — {name}")).click();
    harness.run();
    let jobs_after = projected(&harness, "KZ-PAV", "project_jobs_direct", 2035);
    assert_eq!(jobs_after - jobs_before, 400.0);
    let saved = reloaded(&harness);
    let scenario = saved.scenario(INERTIAL).expect("saved");
    let row = scenario.assumptions.projects.iter().find(|a| a.project_code == "OTH-02");
    assert!(row.expect("listed").realised);

    // The description, saved in English only once the field is left.
    let before = reloaded(&harness).scenario(INERTIAL).expect("saved").description.clone();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Description").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Description")
        .type_text("Faster growth in the north.");
    harness.run();
    // Nothing is written while typing.
    assert_eq!(reloaded(&harness).scenario(INERTIAL).expect("saved").description, before);
    harness.key_press(egui::Key::Escape);
    harness.run();
    let description = reloaded(&harness).scenario(INERTIAL).expect("saved").description.clone();
    assert_eq!(description, Names::new("", "", "Faster growth in the north."));
    assert_eq!(
        harness.state().state().selected_scenario().map(|s| s.description.clone()),
        Some(description)
    );
}

#[test]
fn dragging_a_rate_previews_the_projection_and_writes_the_file_once_released() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let saved_rate = |h: &Harness<'_, Gui>| {
        let ds = reloaded(h);
        ds.scenario(INERTIAL)
            .expect("saved")
            .assumptions
            .growth_of("grp")
            .expect("grp")
            .rate_for("KZ-AKM")
    };
    let old_rate = saved_rate(&harness);
    let old_value = projected(&harness, "KZ-AKM", "grp", 2030);
    let centre = harness.get_by_label("Gross regional product — Akmola Region").rect().center();
    let to = centre + egui::vec2(40.0, 0.0);
    harness.hover_at(centre);
    harness.drag_at(centre);
    harness.run();
    harness.hover_at(to);
    harness.run();

    // While the button is held: a faster Akmola on screen, nothing new in the file.
    let live = harness.state().state().selected_scenario().expect("selected").clone();
    let live_rate = live.assumptions.growth_of("grp").expect("grp").rate_for("KZ-AKM");
    assert!(live_rate > old_rate + 0.01, "{old_rate} → {live_rate}");
    assert!(projected(&harness, "KZ-AKM", "grp", 2030) > old_value);
    assert_eq!(saved_rate(&harness), old_rate);

    // Released: the file holds what the screen shows.
    harness.drop_at(to);
    harness.run();
    let rate = harness
        .state()
        .state()
        .selected_scenario()
        .expect("selected")
        .assumptions
        .growth_of("grp")
        .expect("grp")
        .rate_for("KZ-AKM");
    assert_eq!(rate, live_rate);
    assert_eq!(saved_rate(&harness), live_rate);
}

#[test]
fn a_ratio_the_file_refuses_shows_why_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    // The second "Targets": the editor's section (the first is the screen's tab).
    harness.query_all_by_label("Targets").nth(1).expect("the section").click();
    harness.run();
    let before = harness.state().state().selected_scenario().expect("selected").clone();
    let first = before.assumptions.targets.first().expect("programme target").clone();
    assert!(matches!(first.kind, TargetKind::Ratio { ratio, .. } if ratio == 2.0));

    harness.get_by_label("Target level — Target 1").set_value_accesskit(0.0);
    harness.run();
    let state = harness.state().state();
    let error = state.scenario_error().expect("refused").to_owned();
    assert!(error.contains("use a ratio above 0"), "{error}");
    // Shown beside the editor (the scenario list may say it too).
    let shown = harness.query_all_by_label_contains("The change was not saved").count();
    assert!(shown >= 1);
    assert_eq!(state.selected_scenario(), Some(&before));
    assert_eq!(reloaded(&harness).scenario(INERTIAL), Some(&before));

    // A valid ratio is saved and the message goes.
    harness.get_by_label("Target level — Target 1").set_value_accesskit(2.5);
    harness.run();
    assert!(harness.state().state().scenario_error().is_none());
    let saved = reloaded(&harness);
    let t = saved.scenario(INERTIAL).expect("saved").assumptions.targets.first().cloned();
    assert_eq!(t.map(|t| t.kind), Some(TargetKind::Ratio { reference_year: 2023, ratio: 2.5 }));
}

#[test]
fn assumptions_tab_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    // One region with its own rate cleared, to show the inherited look beside the own rates.
    harness.get_by_label("Use national default: Gross regional product — Akmola Region").click();
    harness.run();
    harness.snapshot("assumptions_tab");
}
