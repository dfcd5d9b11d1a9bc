//! UI flows of the Assumptions tab of the scenario screen, driven headless with egui_kittest on a
//! real file written from the default dataset: the horizon, a region's own GRP rate (set, then
//! cleared), the national default, a project's realisation and the description each change the
//! projection at once and are in the file afterwards; an edit the file's check refuses shows why
//! and changes nothing. Plus a snapshot of the tab.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::{AppState, ScenarioTab, Screen};
use oblys::model::{GrowthLevel, Lang, Names, TargetKind};
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

/// The managed scenario of the default dataset (levers, every project realised).
const MANAGED: i64 = 2;

/// The projection of scenario `id`.
fn projection_of(harness: &Harness<'_, Gui>, id: i64) -> Projection {
    let state = harness.state().state();
    state.projections().iter().find(|p| p.scenario_id == id).expect("projected").clone()
}

#[test]
fn a_projects_numbers_the_multiplier_and_a_lever_are_entered_in_the_editor_and_projected_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    harness.state_mut().apply(oblys::app::Action::SelectScenario(MANAGED));
    harness.run();
    let value = |h: &Harness<'_, Gui>, code: &str, indicator: &str, year: i32| {
        projection_of(h, MANAGED).value(code, indicator, year).expect("projected value")
    };
    let saved_project = |h: &Harness<'_, Gui>| {
        let ds = reloaded(h);
        let s = ds.scenario(MANAGED).expect("saved").clone();
        s.assumptions.projects.iter().find(|a| a.project_code == "OTH-02").cloned().expect("listed")
    };

    // Pavlodar's planned wheel plant: from 2028, two years of ramp-up, built over 2026–2027.
    let plant = saved_project(&harness);
    assert!(plant.realised);
    assert_eq!((plant.start_year, plant.ramp_up_years, plant.build_years), (2028, 2, 2));
    assert_eq!(plant.annual_output_million_kzt, 0.0);
    let name =
        reloaded(&harness).project("OTH-02").expect("project").names.get(Lang::En).to_owned();
    harness.get_by_label("Projects").click();
    harness.run();
    let grp = |h: &Harness<'_, Gui>, year| value(h, "KZ-PAV", "grp", year);
    let (grp_2028, grp_2029) = (grp(&harness, 2028), grp(&harness, 2029));

    // 1,000 million KZT of output a year: half in its first year, all from its second.
    let field = |what: &str| format!("{what} — {name}");
    harness.get_by_label(&field("Annual output, million KZT")).set_value_accesskit(1000.0);
    harness.run();
    assert_close(grp(&harness, 2028) - grp_2028, 500.0);
    assert_close(grp(&harness, 2029) - grp_2029, 1000.0);
    assert_eq!(saved_project(&harness).annual_output_million_kzt, 1000.0);

    // Four years of ramp-up: a quarter more each year.
    harness.get_by_label(&field("Ramp-up, years")).set_value_accesskit(4.0);
    harness.run();
    assert_close(grp(&harness, 2028) - grp_2028, 250.0);
    assert_close(grp(&harness, 2029) - grp_2029, 500.0);
    assert_close(value(&harness, "KZ-PAV", "project_jobs_direct", 2029), 200.0);
    assert_eq!(saved_project(&harness).ramp_up_years, 4);

    // 600 million KZT of investment, spent evenly over the two build years 2026–2027.
    let investment =
        |h: &Harness<'_, Gui>, year| value(h, "KZ-PAV", "investment_fixed_capital", year);
    let before: Vec<f64> = (2025..=2028).map(|y| investment(&harness, y)).collect();
    harness.get_by_label(&field("Investment, million KZT")).set_value_accesskit(600.0);
    harness.run();
    let old = plant.investment_million_kzt;
    let change = |h: &Harness<'_, Gui>| -> Vec<f64> {
        (2025..=2028).zip(&before).map(|(y, b)| investment(h, y) - b).collect()
    };
    let expected = [0.0, (600.0 - old) / 2.0, (600.0 - old) / 2.0, 0.0];
    for (got, want) in change(&harness).into_iter().zip(expected) {
        assert!((got - want).abs() < 1e-6, "{:?} vs {expected:?}", change(&harness));
    }
    // Three build years: 200 a year over 2025–2027.
    harness.get_by_label(&field("Construction, years")).set_value_accesskit(3.0);
    harness.run();
    let expected = [200.0, 200.0 - old / 2.0, 200.0 - old / 2.0, 0.0];
    for (got, want) in change(&harness).into_iter().zip(expected) {
        assert!((got - want).abs() < 1e-6, "{:?} vs {expected:?}", change(&harness));
    }

    // Started two years earlier: 2026 is its first year, 2029 its fourth.
    harness.get_by_label(&field("Start year")).set_value_accesskit(2026.0);
    harness.run();
    assert_close(grp(&harness, 2029) - grp_2029, 1000.0);
    assert_close(value(&harness, "KZ-PAV", "project_jobs_direct", 2027), 200.0);
    let saved = saved_project(&harness);
    assert_eq!((saved.start_year, saved.ramp_up_years, saved.build_years), (2026, 4, 3));
    assert_eq!(saved.investment_million_kzt, 600.0);

    // The multiplier: two indirect jobs per direct job.
    harness.get_by_label("Multiplier and levers").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "Indirect jobs multiplier")
        .set_value_accesskit(2.0);
    harness.run();
    let direct = value(&harness, "KZ-PAV", "project_jobs_direct", 2030);
    assert_close(value(&harness, "KZ-PAV", "project_jobs_indirect", 2030), 2.0 * direct);
    let ds = reloaded(&harness);
    assert_eq!(ds.scenario(MANAGED).expect("saved").assumptions.indirect_jobs_multiplier, 2.0);

    // Lever 1 (regions with a first-level growth point, GRP): +1 → +3 points a year. Almaty
    // city holds one: its GRP grows two points faster; Pavlodar holds none and keeps its GRP.
    let lever = ds.scenario(MANAGED).expect("saved").assumptions.growth_point_levers[0].clone();
    assert_eq!((lever.level, lever.indicator.as_str()), (GrowthLevel::First, "grp"));
    let growth =
        |h: &Harness<'_, Gui>| value(h, "KZ-ALA", "grp", 2024) / value(h, "KZ-ALA", "grp", 2023);
    let (almaty, pavlodar) = (growth(&harness), grp(&harness, 2030));
    harness.get_by_label("Extra growth, percentage points — Lever 1").set_value_accesskit(3.0);
    harness.run();
    assert_close(growth(&harness) - almaty, 0.02);
    assert_eq!(grp(&harness, 2030), pavlodar);
    let ds = reloaded(&harness);
    let saved = &ds.scenario(MANAGED).expect("saved").assumptions.growth_point_levers[0];
    assert!((saved.extra_rate - (lever.extra_rate + 0.02)).abs() < 1e-12, "{}", saved.extra_rate);
}

#[test]
fn the_rates_are_taken_from_a_window_of_history_the_planner_chooses() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let rate = |h: &Harness<'_, Gui>| {
        let s = h.state().state().selected_scenario().expect("selected").clone();
        s.assumptions.growth_of("grp").expect("grp").rate_for("KZ-AKM")
    };
    let shipped = rate(&harness);
    let grp = |year| harness.state().state().dataset().value("KZ-AKM", "grp", year);
    let (grp_2020, grp_2023) = (grp(2020).expect("2020"), grp(2023).expect("2023"));
    // The shipped window is 2018–2023; the planner takes 2020–2023 instead.
    let first = harness.get_by_label("First year of the history window");
    assert_eq!(first.value().as_deref(), Some("2018"));
    first.set_value_accesskit(2020.0);
    harness.run();
    // Nothing changes until the planner asks for it.
    assert_eq!(rate(&harness), shipped);
    harness.get_by_label("Take the growth of these years").click();
    harness.run();
    let expected = (grp_2023 / grp_2020).powf(1.0 / 3.0) - 1.0;
    assert_close(rate(&harness), expected);
    assert_close(projected(&harness, "KZ-AKM", "grp", 2030), grp_2023 * (1.0 + expected).powi(7));
    let saved = reloaded(&harness);
    let g = saved.scenario(INERTIAL).expect("saved").assumptions.growth_of("grp").cloned();
    assert_close(g.expect("grp").rate_for("KZ-AKM"), expected);

    // One undo step gives the shipped rates back, in the file too.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(rate(&harness), shipped);
    let saved = reloaded(&harness);
    let g = saved.scenario(INERTIAL).expect("saved").assumptions.growth_of("grp").cloned();
    assert_eq!(g.expect("grp").rate_for("KZ-AKM"), shipped);
}

#[test]
fn a_history_window_reaching_before_the_data_starts_at_the_first_year_and_still_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("kazakhstan.oblys");
    let mut dataset = oblys::io::default_dataset::build().expect("default dataset");
    // A file whose data start in 2020: the shipped window 2018–2023 reaches before it.
    dataset.values.retain(|v| v.year >= 2020);
    oblys::store::create(&path, &dataset).expect("file written");
    let dataset = oblys::store::load(&path).expect("file read");
    let mut gui = Gui::new(AppState::new(path, dataset, Lang::En));
    gui.apply(oblys::app::Action::SetScreen(Screen::Scenarios));
    gui.apply(oblys::app::Action::SetScenarioTab(ScenarioTab::Assumptions));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    let first = harness.get_by_label("First year of the history window");
    assert_eq!(first.value().as_deref(), Some("2020"));
    harness.get_by_label("Take the growth of these years").click();
    harness.run();
    let grp = |year| harness.state().state().dataset().value("KZ-AKM", "grp", year);
    let expected = (grp(2023).expect("2023") / grp(2020).expect("2020")).powf(1.0 / 3.0) - 1.0;
    let s = harness.state().state().selected_scenario().expect("selected").clone();
    assert_close(s.assumptions.growth_of("grp").expect("grp").rate_for("KZ-AKM"), expected);
}
