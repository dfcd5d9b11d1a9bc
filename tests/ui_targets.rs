//! UI flows of the scenario screen's Targets tab, driven headless with egui_kittest on a real file
//! written from the default dataset: the programme's targets listed for both shipped scenarios
//! with the engine's verdicts, a click on a row showing that target's chart and map, the map
//! following the scenario choice and a regional target colouring only its region, and a snapshot.

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::targets::{MapStatus, TargetKey};
use oblys::app::{Action, AppState, ScenarioTab, Screen};
use oblys::model::{Lang, Target, TargetKind};
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::click_at;

/// A window on a fresh file holding the default dataset (inertial 1, managed 2), on the Targets
/// tab of the scenario screen.
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
    harness.get_by_label("Targets").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!((state.screen(), state.scenario_tab()), (Screen::Scenarios, ScenarioTab::Targets));
    harness
}

#[test]
fn the_programme_targets_are_listed_for_both_scenarios_with_the_engines_verdicts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let state = harness.state().state();
    let report = state.targets();
    let columns: Vec<i64> = report.scenarios.iter().map(|c| c.id).collect();
    assert_eq!(columns, vec![1, 2]);
    let listed: Vec<(&str, &str)> =
        report.rows.iter().map(|r| (r.key.indicator.as_str(), r.requirement.as_str())).collect();
    assert_eq!(
        listed,
        vec![
            ("investment_fixed_capital", "×2.0 against 2023 by 2029"),
            ("productivity", "×1.7 against 2023 by 2029"),
        ]
    );
    // Each cell's verdict is the engine's, computed here directly from each scenario's own copy
    // of the target and its projection.
    let ds = state.dataset();
    let mut verdicts = Vec::new();
    for s in &ds.scenarios {
        let projection = oblys::scenario::project(ds, s);
        for target in &s.assumptions.targets {
            let expected = oblys::scenario::attainment(&projection, target).expect("assessable");
            let row = report.row(&TargetKey::of(target)).expect("listed");
            let cell = row.cell(s.id).expect("a cell per scenario");
            assert!(cell.carried);
            assert_eq!(
                cell.result.as_ref().ok(),
                Some(&expected),
                "{} in {}",
                target.indicator,
                s.id
            );
            verdicts.push(expected.attained);
        }
    }
    // As docs/scenarios.md §8 says, both scenarios meet both targets at current prices.
    assert_eq!(verdicts, vec![true; 4]);
    // The table shows them: both requirements and four "attained" (and the map's legend one).
    harness.get_by_label("×2.0 against 2023 by 2029");
    harness.get_by_label("×1.7 against 2023 by 2029");
    assert_eq!(harness.query_all_by_label("attained").count(), 5);
    // The managed scenario doubles investment a year before the inertial one; the table shows
    // each first year as the model has it.
    let first = |row: usize, id: i64| {
        report.rows[row].cell(id).map(|c| c.first_year_text.as_str()).expect("cell")
    };
    assert_eq!((first(0, 1), first(0, 2)), ("first in 2029", "first in 2028"));
    for text in ["first in 2028", "first in 2029"] {
        let shown = report.rows.iter().flat_map(|r| &r.cells).filter(|c| c.first_year_text == text);
        assert_eq!(harness.query_all_by_label(text).count(), shown.count(), "{text}");
    }

    // In Kazakh the same table reads in Kazakh, numbers written the Kazakh way.
    harness.get_by_label("Қазақша").click();
    harness.run();
    let report = harness.state().state().targets();
    let requirement = report.rows.first().map(|r| r.requirement.as_str());
    assert_eq!(requirement, Some("×2,0, 2023 жылмен салыстырғанда, 2029 жылға қарай"));
    assert_eq!(harness.query_all_by_label("қол жеткізілді").count(), 5);
}

#[test]
fn clicking_a_target_row_shows_its_chart_and_map_and_the_map_follows_the_scenario() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    // The first target is shown until another is chosen; the map shows the selected scenario.
    let state = harness.state().state();
    assert_eq!(
        state.selected_target().map(|r| r.key.indicator.as_str()),
        Some("investment_fixed_capital")
    );
    assert_eq!(state.target_map().scenario_id, Some(1));

    harness.get_by_label("×1.7 against 2023 by 2029").click();
    harness.run();
    let state = harness.state().state();
    let row = state.selected_target().expect("selected");
    assert_eq!(row.key.indicator, "productivity");
    let map = state.target_map();
    assert_eq!(map.key.as_ref(), Some(&row.key));
    assert_eq!(
        map.scene.title,
        "Inertial scenario to 2030 — Labour productivity (GRP per employed person), 2029"
    );
    // A national target colours the whole country: all 20 regions attained.
    assert_eq!(map.statuses.len(), 20);
    assert!(map.statuses.iter().all(|(_, s)| *s == MapStatus::Attained));
    harness.get_by_label("Chart against the target level");
    harness.get_by_label("Targets map");

    // The map's scenario choice shows the managed one.
    harness.get_by_label("Scenario on the map").click();
    harness.run();
    // The list, the table header and the open choice all name it; the choice's entry comes last.
    harness.query_all_by_label("Managed scenario to 2030").last().expect("in the choice").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.target_map().scenario_id, Some(2));
    assert_eq!(state.selected_scenario().map(|s| s.id), Some(2));
    assert_eq!(
        state.target_map().scene.title,
        "Managed scenario to 2030 — Labour productivity (GRP per employed person), 2029"
    );
}

#[test]
fn a_regional_target_colours_only_its_region_and_the_map_selects_a_region() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    // The planner gives the managed scenario a target for Akmola's GRP no projection reaches.
    let mut managed = harness.state().state().dataset().scenario(2).expect("managed").clone();
    let akmola = Target {
        indicator: "grp".to_owned(),
        region_code: "KZ-AKM".to_owned(),
        kind: TargetKind::Absolute { value: 1.0e9 },
        year: 2030,
        source: "regional plan".to_owned(),
    };
    managed.assumptions.targets.push(akmola.clone());
    harness.state_mut().apply(Action::UpdateScenario(managed));
    harness.run();
    assert_eq!(harness.state().state().scenario_error(), None);
    assert_eq!(harness.state().state().targets().rows.len(), 3);

    harness.get_by_label("by 2030: ≥ 1,000,000,000.0 million KZT, current prices").click();
    harness.run();
    let state = harness.state().state();
    assert_eq!(state.selected_target().map(|r| &r.key), Some(&TargetKey::of(&akmola)));
    let row = state.selected_target().expect("selected");
    // Carried by the managed scenario only, measured on both: missed in both.
    let carried: Vec<bool> = row.cells.iter().map(|c| c.carried).collect();
    assert_eq!(carried, vec![false, true]);
    let map = state.target_map();
    assert_eq!(map.status("KZ-AKM"), Some(MapStatus::NotAttained));
    let others: Vec<&MapStatus> =
        map.statuses.iter().filter(|(c, _)| c != "KZ-AKM").map(|(_, s)| s).collect();
    assert_eq!(others.len(), 19);
    assert!(others.iter().all(|s| **s == MapStatus::NoTarget));
    // The inertial scenario's cell says it is measured there for comparison only.
    let inertial = row.cell(1).expect("inertial cell");
    assert_eq!(inertial.first_year_text, "not by 2030");
    harness.get_by_label("not by 2030 · for comparison");

    // A click on Kostanay on the attainment map selects it, as on every map.
    let pos = harness.state().target_map_region_screen_pos("KZ-KUS").expect("Kostanay drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().state().selected(), Some("KZ-KUS"));
    let map = harness.state().state().target_map();
    let selected: Vec<&str> =
        map.scene.regions.iter().filter(|r| r.selected).map(|r| r.code.as_str()).collect();
    assert_eq!(selected, vec!["KZ-KUS"]);
}

#[test]
fn targets_tab_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("×1.7 against 2023 by 2029").click();
    harness.run();
    harness.hover_at(Pos2::new(5.0, 995.0));
    harness.run();
    harness.snapshot("targets_tab");
}
