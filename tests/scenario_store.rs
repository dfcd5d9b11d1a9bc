//! Scenarios in the file: written by `store::create`, read back by `store::load`, saved and
//! deleted one at a time (`store::save_scenario`, `store::delete_scenario`), each in one
//! transaction, with their assumptions following them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use oblys::io::default_dataset;
use oblys::model::{Dataset, NATIONAL_CODE, Names, RegionalRate, Target, TargetKind};
use oblys::store::{self, StoreError};

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| default_dataset::build().expect("the embedded data builds"))
}

fn created_file(dir: &Path) -> PathBuf {
    let path = dir.join("scenarios.gpkg");
    store::create(&path, dataset()).expect("the default dataset is written");
    path
}

/// Rows of `table` that belong to scenario `id`.
fn child_rows(path: &Path, table: &str, id: i64) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("the file opens");
    conn.query_row(&format!("SELECT count(*) FROM {table} WHERE scenario_id = ?1"), [id], |r| {
        r.get(0)
    })
    .expect("the table can be counted")
}

#[test]
fn created_file_gives_back_the_default_scenarios_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.scenarios.len(), 2);
    assert_eq!(loaded.scenarios, dataset().scenarios);
    // 27 projects listed in each scenario; growth rates: a national row per additive indicator
    // and the regional ones.
    assert_eq!(child_rows(&path, "scenario_projects", 1), 27);
    assert_eq!(child_rows(&path, "scenario_targets", 2), 2);
    assert_eq!(child_rows(&path, "scenario_levers", 2), 3);
    let rates: usize =
        dataset().scenarios[0].assumptions.growth.iter().map(|g| 1 + g.regional.len()).sum();
    assert_eq!(child_rows(&path, "scenario_growth_rates", 1), rates as i64);
}

#[test]
fn saving_an_edited_scenario_replaces_it_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let mut edited = dataset().scenarios[1].clone();
    edited.name = Names::new("", "", "Faster Almaty");
    edited.horizon = 2050;
    let grp = edited.assumptions.growth.iter_mut().find(|g| g.indicator == "grp").unwrap();
    grp.regional.retain(|r| r.region_code != "KZ-ALA");
    grp.regional.push(RegionalRate { region_code: "KZ-ALA".into(), rate: 0.25 });
    edited.assumptions.projects.truncate(3);
    edited.assumptions.targets.push(Target {
        indicator: "population".into(),
        region_code: NATIONAL_CODE.into(),
        kind: TargetKind::Absolute { value: 25_000_000.0 },
        year: 2050,
        source: "a planner's guess".into(),
    });
    store::save_scenario(&path, &edited).unwrap();

    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.scenarios.len(), 2);
    assert_eq!(loaded.scenarios[0], dataset().scenarios[0], "the other scenario is untouched");
    assert_eq!(loaded.scenarios[1], edited, "same place, new content");
    assert_eq!(child_rows(&path, "scenario_projects", 2), 3);
}

#[test]
fn saving_a_new_scenario_appends_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let copy = dataset().scenarios[0].managed_from(dataset().next_scenario_id());
    assert_eq!(copy.id, 3);
    store::save_scenario(&path, &copy).unwrap();
    let loaded = store::load(&path).unwrap();
    let ids: Vec<i64> = loaded.scenarios.iter().map(|s| s.id).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(loaded.scenarios[2], copy);
}

#[test]
fn deleting_a_scenario_takes_its_assumptions_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    assert!(child_rows(&path, "scenario_growth_rates", 1) > 0);
    store::delete_scenario(&path, 1).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.scenarios, dataset().scenarios[1..]);
    for table in
        ["scenario_growth_rates", "scenario_projects", "scenario_levers", "scenario_targets"]
    {
        assert_eq!(child_rows(&path, table, 1), 0, "{table}");
    }
    let error = store::delete_scenario(&path, 1).unwrap_err();
    assert!(matches!(error, StoreError::NoSuchScenario { id: 1, .. }), "{error}");
    assert!(
        error.to_string().ends_with("scenarios.gpkg: there is no scenario with id 1"),
        "{error}"
    );
}

#[test]
fn scenario_that_does_not_fit_the_file_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let mut bad = dataset().scenarios[1].clone();
    bad.assumptions.projects[0].project_code = "ATLANTIS-1".into();
    let error = store::save_scenario(&path, &bad).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, StoreError::Scenario { .. }), "{message}");
    assert!(
        message.contains("scenarios.gpkg")
            && message.contains("project ATLANTIS-1 is not in the file")
            && message.ends_with("nothing was saved"),
        "{message}"
    );
    let mut bad = dataset().scenarios[1].clone();
    bad.assumptions.growth[0].regional[0].region_code = "KZ-YUZ@2010".into();
    let message = store::save_scenario(&path, &bad).unwrap_err().to_string();
    assert!(message.contains("«KZ-YUZ@2010», which is not a current region"), "{message}");
    assert_eq!(store::load(&path).unwrap().scenarios, dataset().scenarios);
}
