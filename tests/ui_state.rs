//! The application state without a window: what a new window shows, how actions change the
//! view, and the models the panels read (ranking, table, chart, region details), on the default
//! dataset.

use std::path::PathBuf;

use oblys::app::{Action, AppState, Layer, Reference, SortKey};
use oblys::map::BoundaryMode;
use oblys::model::Lang;

fn state(lang: Lang) -> AppState {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    AppState::new(PathBuf::from("kazakhstan.oblys"), dataset, lang)
}

#[test]
fn a_new_window_shows_population_in_its_latest_year_on_the_boundaries_as_reported() {
    let s = state(Lang::En);
    assert_eq!(s.view().indicator, "population");
    assert_eq!(s.view().year, 2023);
    assert_eq!(s.view().boundary_mode, BoundaryMode::AsReported);
    assert_eq!(s.years(), &[2010, 2015, 2018, 2020, 2021, 2022, 2023]);
    assert_eq!(s.scene().regions.len(), 20);
    assert_eq!(s.ranking().len(), 20);
    assert_eq!(s.table().rows.len(), 20);
}

#[test]
fn another_indicator_keeps_the_year_if_it_has_data_else_takes_the_nearest() {
    let mut s = state(Lang::En);
    s.apply(Action::SetIndicator("investment_fixed_capital".into()));
    assert_eq!(s.view().year, 2023);
    s.apply(Action::SetYear(2014));
    assert_eq!(s.view().year, 2014);
    s.apply(Action::SetIndicator("population".into()));
    assert_eq!(s.view().year, 2015);
    // A year the indicator does not have is refused.
    s.apply(Action::SetYear(2016));
    assert_eq!(s.view().year, 2015);
}

#[test]
fn a_year_before_the_2022_reform_is_drawn_on_the_2018_boundaries_as_reported() {
    let mut s = state(Lang::En);
    s.apply(Action::SetYear(2020));
    assert_eq!(s.scene().edition, "2018");
    assert_eq!(s.table().rows.len(), 17);
    assert!(s.ranking().iter().any(|r| r.code == "KZ-VOS@2018"));
    let vos = s.table().rows.iter().find(|r| r.code == "KZ-VOS@2018").expect("old East Kazakhstan");
    assert_eq!(vos.name, "East Kazakhstan Region (before 2022)");
}

#[test]
fn on_current_boundaries_a_legacy_value_covers_its_successors_and_selects_with_them() {
    let mut s = state(Lang::En);
    s.apply_all([
        Action::SetYear(2020),
        Action::SetBoundaryMode(BoundaryMode::Current),
        Action::Select(Some("KZ-ABY".into())),
    ]);
    assert_eq!(s.scene().edition, "2022");
    let group = s.ranking().iter().find(|r| r.code == "KZ-VOS@2018").expect("group ranked");
    let mut members = group.members.clone();
    members.sort();
    assert_eq!(members, vec!["KZ-ABY".to_string(), "KZ-VOS".to_string()]);
    assert!(s.is_selected_rank(group));
    // In the table Abay shows the group's value, marked as not its own.
    let abay = s.table().rows.iter().find(|r| r.code == "KZ-ABY").expect("Abay row");
    let population = s.table().columns.iter().position(|c| c.key == "population").expect("col");
    let cell = abay.cells.get(population).expect("cell");
    assert_eq!(cell.value, Some(group.value));
    assert_eq!(cell.note.as_deref(), Some("Value of East Kazakhstan Region (before 2022)"));
}

#[test]
fn selecting_a_region_fills_the_side_panel_and_the_chart() {
    let mut s = state(Lang::En);
    s.apply(Action::Select(Some("KZ-AKM".into())));
    let d = s.details().expect("details");
    assert_eq!(d.name, "Akmola Region");
    assert_eq!(d.other_names, vec!["Ақмола облысы".to_string(), "Акмолинская область".to_string()]);
    assert_eq!(d.admin_centre.as_deref(), Some("Kokshetau"));
    assert!(d.area.as_deref().is_some_and(|a| a.ends_with(" km²")));
    let kokshetau = d.growth_points.iter().find(|g| g.name == "Kokshetau").expect("listed");
    assert_eq!(kokshetau.level_text, "Level 2: regional centres");
    assert!(d.values.years.contains(&2010) && d.values.years.contains(&2023));
    let chart = s.chart();
    assert_eq!(chart.region_name.as_deref(), Some("Akmola Region"));
    assert!(chart.region.iter().any(|p| p[0] == 2023.0));
    // Population is additive: the national reference is given per region, on the region's scale.
    assert_eq!(chart.reference_name, "National, average per region");
    let national_2023 = oblys::analysis::national_series(s.dataset(), "population")
        .into_iter()
        .find(|(y, _)| *y == 2023)
        .expect("national 2023")
        .1;
    let reference_2023 = chart.reference.iter().find(|p| p[0] == 2023.0).expect("ref 2023")[1];
    assert!((reference_2023 - national_2023 / 20.0).abs() < 1e-6);
}

#[test]
fn a_ratio_is_compared_with_the_national_value_itself_or_the_median() {
    let mut s = state(Lang::En);
    s.apply_all([
        Action::SetIndicator("unemployment_rate".into()),
        Action::Select(Some("KZ-AKM".into())),
    ]);
    assert_eq!(s.chart().reference_name, "National value");
    let national = oblys::analysis::national_series(s.dataset(), "unemployment_rate");
    let expected: Vec<[f64; 2]> = national.iter().map(|(y, v)| [f64::from(*y), *v]).collect();
    assert_eq!(s.chart().reference, expected);
    s.apply(Action::SetReference(Reference::Median));
    assert_eq!(s.chart().reference_name, "Regional median");
    assert_eq!(
        s.chart().reference.len(),
        oblys::analysis::median_series(s.dataset(), "unemployment_rate").len()
    );
}

#[test]
fn a_region_carved_out_in_2022_charts_its_predecessor_before_the_reform() {
    let mut s = state(Lang::En);
    s.apply(Action::Select(Some("KZ-ULT".into())));
    let (name, series) = s.chart().predecessor.clone().expect("predecessor series");
    assert_eq!(name, "Karaganda Region (before 2022)");
    assert!(series.iter().all(|p| p[0] < 2022.0));
    assert!(series.iter().any(|p| p[0] == 2010.0));
    let d = s.details().expect("details");
    assert_eq!(d.lineage.as_deref(), Some("Part of Karaganda Region (before 2022) until 2022"));
    s.apply(Action::Select(Some("KZ-KAR".into())));
    let d = s.details().expect("details");
    assert_eq!(d.lineage.as_deref(), Some("Split off in 2022: Ulytau Region"));
}

#[test]
fn sorting_by_a_value_column_puts_missing_values_last_in_both_directions() {
    let mut s = state(Lang::En);
    let column = s.table().columns.iter().position(|c| c.key == "labour_force").expect("column");
    s.apply(Action::SortTable(SortKey::Column(column)));
    assert!(s.table_sort().descending);
    let values: Vec<Option<f64>> =
        s.table().sorted_rows().map(|r| r.cells.get(column).and_then(|c| c.value)).collect();
    let known: Vec<f64> = values.iter().map_while(|v| *v).collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{known:?}");
    assert!(values[known.len()..].iter().all(Option::is_none));
    assert!(known.len() < values.len(), "some regions have no labour force");
    s.apply(Action::SortTable(SortKey::Column(column)));
    assert!(!s.table_sort().descending);
    let values: Vec<Option<f64>> =
        s.table().sorted_rows().map(|r| r.cells.get(column).and_then(|c| c.value)).collect();
    let known: Vec<f64> = values.iter().map_while(|v| *v).collect();
    assert!(known.windows(2).all(|w| w[0] <= w[1]), "{known:?}");
    assert!(values[known.len()..].iter().all(Option::is_none));
}

#[test]
fn the_language_renames_table_ranking_and_map_and_keeps_the_selection() {
    let mut s = state(Lang::En);
    s.apply(Action::Select(Some("KZ-AKM".into())));
    s.apply(Action::SetLanguage(Lang::Ru));
    let row = s.table().rows.iter().find(|r| r.code == "KZ-AKM").expect("row");
    assert_eq!(row.name, "Акмолинская область");
    assert!(s.ranking().iter().any(|r| r.name == "Акмолинская область"));
    assert_eq!(s.table().columns.first().map(|c| c.name.as_str()), Some("Численность населения"));
    assert_eq!(s.details().map(|d| d.name.as_str()), Some("Акмолинская область"));
    assert_eq!(s.selected(), Some("KZ-AKM"));
    assert!(s.scene().title.starts_with("Численность населения"));
}

#[test]
fn layers_switch_symbols_and_labels_off_without_touching_the_table() {
    let mut s = state(Lang::En);
    assert!(!s.scene().symbols.is_empty() && !s.scene().labels.is_empty());
    let version = s.scene_version();
    s.apply_all([
        Action::SetLayer(Layer::GrowthPoints, false),
        Action::SetLayer(Layer::Projects, false),
        Action::SetLayer(Layer::Labels, false),
    ]);
    assert!(s.scene().symbols.is_empty() && s.scene().labels.is_empty());
    // One rebuild for the three changes.
    assert_eq!(s.scene_version(), version + 1);
}

#[test]
fn zoom_and_pan_move_the_camera_but_never_rebuild_the_scene() {
    let mut s = state(Lang::En);
    let version = s.scene_version();
    s.apply(Action::ZoomAt { factor: 2.0, anchor: [0.0, 0.0] });
    s.apply(Action::Pan([1000.0, 0.0]));
    assert_eq!(s.camera().zoom, 2.0);
    assert!(s.camera().center.is_some());
    assert_eq!(s.scene_version(), version);
    s.apply(Action::ResetCamera);
    assert_eq!(s.camera().zoom, 1.0);
    assert_eq!(s.camera().center, None);
}

#[test]
fn without_a_selection_the_side_panel_shows_the_whole_country() {
    let mut s = state(Lang::En);
    let d = s.details().expect("country overview");
    assert!(d.is_country);
    assert_eq!(d.name, "Republic of Kazakhstan");
    assert_eq!(d.kind, "regions (oblasts): 17 · cities of republican significance: 3");
    assert!(d.growth_points.is_empty() && d.projects.is_empty());
    let population = d.values.columns.first().expect("population column");
    let row_2023 = d.values.years.iter().position(|y| *y == 2023).expect("2023 row");
    assert_eq!(population.name, "Population");
    assert!(!population.cells[row_2023].is_empty());
    s.apply(Action::Select(Some("KZ-AKM".into())));
    assert!(!s.details().expect("details").is_country);
    s.apply(Action::Select(None));
    assert!(s.details().expect("country again").is_country);
}
