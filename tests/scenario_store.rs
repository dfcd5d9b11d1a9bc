//! Scenarios in the file: written by `store::create`, read back by `store::load`, saved and
//! deleted one at a time (`store::save_scenario`, `store::delete_scenario`), each in one
//! transaction, with their assumptions following them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use oblys::io::default_dataset;
use oblys::model::{
    Assumptions, Dataset, GrowthLevel, GrowthPointLever, GrowthRate, MAX_HORIZON, NATIONAL_CODE,
    Names, ProjectAssumption, RegionalRate, Scenario, ScenarioKind, Target, TargetKind,
};
use oblys::store::{self, StoreError};
use proptest::prelude::*;

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

/// The current regions' codes, the additive indicators, the projected ones and the project codes
/// of the default dataset: what a scenario may name.
struct Codes {
    regions: Vec<String>,
    additive: Vec<String>,
    projected: Vec<String>,
    projects: Vec<String>,
}

fn codes() -> Codes {
    let ds = dataset();
    let edition = ds.current_edition().expect("a current edition");
    Codes {
        regions: edition.units.iter().map(|u| u.region_code.clone()).collect(),
        additive: ds
            .indicators
            .iter()
            .filter(|d| d.aggregation == oblys::model::Aggregation::Additive)
            .map(|d| d.key.clone())
            .collect(),
        projected: oblys::scenario::projected_indicators(ds).into_iter().map(|d| d.key).collect(),
        projects: ds.projects.iter().map(|p| p.code.clone()).collect(),
    }
}

/// Any scenario the file accepts: every kind, a name in one or three languages, rates with
/// regional overrides, projects with every field, a multiplier, levers of every level and
/// targets of both kinds, with numbers that are not round.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    let c = codes();
    let (regions, additive, projected, projects) =
        (c.regions.len(), c.additive.len(), c.projected.len(), c.projects.len());
    let rate = -0.5..0.5_f64;
    let growth = prop::collection::btree_map(
        0..additive,
        (rate.clone(), prop::collection::btree_map(0..regions, rate, 0..4)),
        0..=additive,
    );
    let project = (
        any::<bool>(),
        1990..2050_i32,
        0..30_u32,
        0.0..1e6_f64,
        0.0..1e9_f64,
        0..30_u32,
        0.0..1e9_f64,
    );
    let portfolio = prop::collection::btree_map(0..projects, project, 0..6);
    let level =
        prop_oneof![Just(GrowthLevel::First), Just(GrowthLevel::Second), Just(GrowthLevel::Third)];
    let levers = prop::collection::vec((level, 0..additive, -0.1..0.2_f64), 0..4);
    let kind = prop_oneof![
        (1990..2050_i32, 0.01..5.0_f64)
            .prop_map(|(reference_year, ratio)| TargetKind::Ratio { reference_year, ratio }),
        (-1e9..1e12_f64).prop_map(|value| TargetKind::Absolute { value }),
    ];
    let targets = prop::collection::vec(
        (0..projected, 0..=regions, kind, 2000..2050_i32, "[a-zа-яё ]{0,12}"),
        0..4,
    );
    let name = prop_oneof![
        "[A-Za-z][A-Za-z ]{0,15}".prop_map(|en| Names::new("", "", en)),
        ("[а-яәғқңөұүһі]{1,10}", "[а-яё]{1,10}", "[A-Za-z]{1,10}")
            .prop_map(|(kk, ru, en)| Names::new(kk, ru, en)),
    ];
    let kind_of = prop_oneof![
        Just(ScenarioKind::Inertial),
        Just(ScenarioKind::Managed),
        Just(ScenarioKind::Custom)
    ];
    (
        (name, kind_of, 2015..2024_i32, 0..30_i32, "[A-Za-z .,]{0,30}"),
        (growth, portfolio, 0.0..3.0_f64, levers, targets),
    )
        .prop_map(
            move |(
                (name, kind, base_year, years, text),
                (growth, portfolio, multiplier, levers, targets),
            )| {
                let c = codes();
                Scenario {
                    id: 3,
                    name,
                    kind,
                    base_year,
                    horizon: (base_year + years).min(MAX_HORIZON),
                    description: Names::new("", text.clone(), text),
                    assumptions: Assumptions {
                        growth: growth
                            .into_iter()
                            .map(|(i, (national, overrides))| GrowthRate {
                                indicator: c.additive[i].clone(),
                                national,
                                regional: overrides
                                    .into_iter()
                                    .map(|(r, rate)| RegionalRate {
                                        region_code: c.regions[r].clone(),
                                        rate,
                                    })
                                    .collect(),
                            })
                            .collect(),
                        projects: portfolio
                            .into_iter()
                            .map(|(p, (realised, start, ramp, jobs, investment, build, output))| {
                                ProjectAssumption {
                                    project_code: c.projects[p].clone(),
                                    realised,
                                    start_year: start,
                                    ramp_up_years: ramp,
                                    jobs,
                                    investment_million_kzt: investment,
                                    build_years: build,
                                    annual_output_million_kzt: output,
                                }
                            })
                            .collect(),
                        indirect_jobs_multiplier: multiplier,
                        growth_point_levers: levers
                            .into_iter()
                            .map(|(level, i, extra_rate)| GrowthPointLever {
                                level,
                                indicator: c.additive[i].clone(),
                                extra_rate,
                            })
                            .collect(),
                        targets: targets
                            .into_iter()
                            .map(|(i, r, kind, year, source)| Target {
                                indicator: c.projected[i].clone(),
                                region_code: c
                                    .regions
                                    .get(r)
                                    .cloned()
                                    .unwrap_or_else(|| NATIONAL_CODE.to_owned()),
                                kind,
                                year,
                                source,
                            })
                            .collect(),
                    },
                }
            },
        )
}

proptest! {
    // Each case writes and reads the file once (≈ 20 ms).
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever a planner builds is read back exactly: saved alone, and with the whole dataset.
    #[test]
    fn any_scenario_the_file_accepts_is_read_back_exactly(s in any_scenario()) {
        prop_assert_eq!(oblys::scenario::validate(dataset(), &s), Ok(()));
        let dir = tempfile::tempdir().unwrap();
        let path = created_file(dir.path());
        store::save_scenario(&path, &s).unwrap();
        let loaded = store::load(&path).unwrap();
        prop_assert_eq!(loaded.scenarios.len(), 3);
        prop_assert_eq!(&loaded.scenarios[2], &s);
        prop_assert_eq!(&loaded.scenarios[..2], &dataset().scenarios[..]);

        let mut ds = dataset().clone();
        ds.scenarios.push(s.clone());
        let whole = dir.path().join("whole.gpkg");
        store::create(&whole, &ds).unwrap();
        prop_assert_eq!(&store::load(&whole).unwrap().scenarios, &ds.scenarios);
    }
}
