//! The engine against numbers computed by hand on the fixture (see `fixture.rs` for the data and
//! `docs/scenarios.md` for the formulas), and the shipped scenarios on the default dataset.

use super::fixture::{self, blank};
use super::keys::{EMPLOYED, GRP, INVESTMENT, LABOUR_FORCE, POPULATION, UNEMPLOYMENT_RATE};
use super::*;
use crate::model::{
    GrowthLevel, GrowthPointLever, GrowthRate, NATIONAL_CODE, ProjectAssumption, RegionalRate,
    Scenario, ScenarioKind, Target, TargetKind,
};

fn close(actual: Option<f64>, expected: f64) {
    let Some(actual) = actual else { panic!("no value, expected {expected}") };
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{actual} differs from {expected}"
    );
}

fn rate(indicator: &str, national: f64, regional: &[(&str, f64)]) -> GrowthRate {
    GrowthRate {
        indicator: indicator.to_owned(),
        national,
        regional: regional
            .iter()
            .map(|(code, rate)| RegionalRate { region_code: (*code).to_owned(), rate: *rate })
            .collect(),
    }
}

#[expect(clippy::too_many_arguments, reason = "one argument per column of the assumption table")]
fn assumption(
    code: &str,
    realised: bool,
    start_year: i32,
    ramp_up_years: u32,
    jobs: f64,
    investment: f64,
    build_years: u32,
    output: f64,
) -> ProjectAssumption {
    ProjectAssumption {
        project_code: code.to_owned(),
        realised,
        start_year,
        ramp_up_years,
        jobs,
        investment_million_kzt: investment,
        build_years,
        annual_output_million_kzt: output,
    }
}

/// Base 2022, horizon 2025: population +2 % (AAA +10 %), GRP +5 %, investment +10 %;
/// P-1 (BBB) from 2023 over two years, 1000 jobs, 30 of output; P-2 (AAA) 90 of investment built
/// in 2023–2024; P-3 (CCC) not realised; 0.5 indirect jobs per direct job.
fn hand_scenario() -> Scenario {
    let mut s = blank(2022, 2025);
    s.assumptions.growth = vec![
        rate(POPULATION, 0.02, &[("KZ-AAA", 0.10)]),
        rate(GRP, 0.05, &[]),
        rate(INVESTMENT, 0.10, &[]),
        rate(EMPLOYED, 0.0, &[]),
    ];
    s.assumptions.projects = vec![
        assumption("P-1", true, 2023, 2, 1000.0, 0.0, 0, 30.0),
        assumption("P-2", true, 2025, 1, 0.0, 90.0, 2, 0.0),
        assumption("P-3", false, 2023, 0, 5000.0, 1000.0, 0, 500.0),
    ];
    s.assumptions.indirect_jobs_multiplier = 0.5;
    s
}

#[test]
fn project_share_rises_in_equal_steps_to_full_output() {
    assert_eq!(project_share(2022, 2023, 2), 0.0);
    assert_eq!(project_share(2023, 2023, 2), 0.5);
    assert_eq!(project_share(2024, 2023, 2), 1.0);
    assert_eq!(project_share(2030, 2023, 2), 1.0);
    assert_eq!(project_share(2023, 2023, 0), 1.0);
    assert_eq!(project_share(2025, 2023, 4), 0.75);
}

#[test]
fn regional_override_replaces_the_national_rate_for_that_region_only() {
    let p = project(&fixture::dataset(), &hand_scenario());
    assert_eq!(p.regions, fixture::CURRENT);
    assert_eq!(p.years(), 2022..=2025);
    assert_eq!(p.value("KZ-AAA", POPULATION, 2022), Some(1210.0));
    close(p.value("KZ-AAA", POPULATION, 2023), 1331.0);
    close(p.value("KZ-AAA", POPULATION, 2025), 1610.51);
    close(p.value("KZ-BBB", POPULATION, 2025), 1400.79456);
    close(p.value("KZ-CCC", POPULATION, 2025), 939.16908);
    close(p.value(NATIONAL_CODE, POPULATION, 2025), 1610.51 + 1400.79456 + 939.16908);
}

#[test]
fn project_ramp_up_adds_output_and_jobs_in_steps() {
    let p = project(&fixture::dataset(), &hand_scenario());
    // GRP of BBB: 300 × 1.05^n + 30 × share.
    assert_eq!(p.value("KZ-BBB", GRP, 2022), Some(300.0));
    close(p.value("KZ-BBB", GRP, 2023), 315.0 + 15.0);
    close(p.value("KZ-BBB", GRP, 2024), 330.75 + 30.0);
    close(p.value("KZ-BBB", GRP, 2025), 347.2875 + 30.0);
    // Jobs: 500 then 1000 direct, half as many indirect; employed gains both, in thousands.
    assert_eq!(p.value("KZ-BBB", JOBS_DIRECT, 2022), Some(0.0));
    close(p.value("KZ-BBB", JOBS_DIRECT, 2023), 500.0);
    close(p.value("KZ-BBB", JOBS_DIRECT, 2024), 1000.0);
    close(p.value("KZ-BBB", JOBS_INDIRECT, 2024), 500.0);
    close(p.value(NATIONAL_CODE, JOBS_DIRECT, 2025), 1000.0);
    close(p.value("KZ-BBB", EMPLOYED, 2023), 600.75);
    close(p.value("KZ-BBB", EMPLOYED, 2024), 601.5);
}

#[test]
fn investment_is_spread_over_the_build_years_before_the_start() {
    let p = project(&fixture::dataset(), &hand_scenario());
    // AAA: 55 in 2022 (see the anchor test) × 1.1^n, plus 45 in each of 2023 and 2024.
    close(p.value("KZ-AAA", INVESTMENT, 2023), 60.5 + 45.0);
    close(p.value("KZ-AAA", INVESTMENT, 2024), 66.55 + 45.0);
    close(p.value("KZ-AAA", INVESTMENT, 2025), 73.205);
    close(p.value(NATIONAL_CODE, INVESTMENT, 2023), 105.5 + 88.0 + 22.0);
}

#[test]
fn unrealised_projects_have_no_effect() {
    let p = project(&fixture::dataset(), &hand_scenario());
    assert_eq!(p.value("KZ-CCC", JOBS_DIRECT, 2025), Some(0.0));
    close(p.value("KZ-CCC", GRP, 2025), 141.0 * 1.05_f64.powi(3));
    close(p.value("KZ-CCC", INVESTMENT, 2023), 22.0);
}

#[test]
fn base_value_falls_back_to_the_last_reported_year_grown_to_the_base_year() {
    let p = project(&fixture::dataset(), &hand_scenario());
    assert_eq!(p.anchor_year("KZ-AAA", INVESTMENT), Some(2021));
    assert_eq!(p.anchor_year("KZ-BBB", INVESTMENT), Some(2022));
    close(p.value("KZ-AAA", INVESTMENT, 2022), 55.0);
    // CCC never reported employment: no value at all, never zero.
    assert_eq!(p.anchor_year("KZ-CCC", EMPLOYED), None);
    assert_eq!(p.value("KZ-CCC", EMPLOYED, 2023), None);
    assert_eq!(p.anchor_year("KZ-AAA", PRODUCTIVITY), None);
}

#[test]
fn national_total_adds_the_unallocated_part_where_regions_lack_values() {
    let p = project(&fixture::dataset(), &hand_scenario());
    // KZ reported 1300 employed in 2022, AAA and BBB 1100: CCC's 200 stay at the national rate.
    assert_eq!(p.value(NATIONAL_CODE, EMPLOYED, 2022), Some(1300.0));
    close(p.value(NATIONAL_CODE, EMPLOYED, 2023), 500.0 + 600.75 + 200.0);
    close(p.value(NATIONAL_CODE, EMPLOYED, 2024), 500.0 + 601.5 + 200.0);
    // Labour force: neither CCC nor the country reported it, so no national total.
    assert_eq!(p.value(NATIONAL_CODE, LABOUR_FORCE, 2023), None);
}

#[test]
fn derived_indicators_are_computed_from_projected_parts() {
    let p = project(&fixture::dataset(), &hand_scenario());
    close(p.value("KZ-BBB", "grp_per_capita", 2023), 330.0 / 1346.4 * 1000.0);
    close(p.value("KZ-BBB", PRODUCTIVITY, 2023), 330.0 / 600.75);
    close(p.value("KZ-BBB", UNEMPLOYMENT_RATE, 2023), 100.0 * (650.0 - 600.75) / 650.0);
    close(p.value("KZ-AAA", UNEMPLOYMENT_RATE, 2022), 100.0 * 50.0 / 550.0);
    assert_eq!(p.value("KZ-CCC", UNEMPLOYMENT_RATE, 2023), None);
    assert_eq!(p.value("KZ-CCC", PRODUCTIVITY, 2023), None);
    let grp_kz = 127.05 + 330.0 + 148.05;
    close(p.value(NATIONAL_CODE, PRODUCTIVITY, 2023), grp_kz / 1300.75);
    let keys: Vec<&str> = p.indicators.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            POPULATION,
            GRP,
            EMPLOYED,
            LABOUR_FORCE,
            INVESTMENT,
            "grp_per_capita",
            UNEMPLOYMENT_RATE,
            PRODUCTIVITY,
            JOBS_DIRECT,
            JOBS_INDIRECT
        ]
    );
}

#[test]
fn growth_point_lever_raises_only_regions_holding_that_level() {
    let mut s = hand_scenario();
    s.assumptions.growth_point_levers = vec![GrowthPointLever {
        level: GrowthLevel::First,
        indicator: GRP.to_owned(),
        extra_rate: 0.05,
    }];
    let p = project(&fixture::dataset(), &s);
    // AAA holds a first-level growth point: 5 % + 5 %.
    close(p.value("KZ-AAA", GRP, 2023), 133.1);
    // CCC holds a third-level one only: unchanged.
    close(p.value("KZ-CCC", GRP, 2023), 148.05);
}

#[test]
fn horizon_is_capped_at_2050() {
    let p = project(&fixture::dataset(), &blank(2022, 2070));
    assert_eq!(p.projected_years(), 2022..=2050);
    assert_eq!(p.value("KZ-AAA", POPULATION, 2050), Some(1210.0));
    assert_eq!(p.value("KZ-AAA", POPULATION, 2051), None);
}

#[test]
fn inertial_continues_each_regions_growth_on_comparable_boundaries() {
    let ds = fixture::dataset();
    let s = Scenario::inertial(&ds, 2022, 2030, HistoryWindow { first: 2020, last: 2022 });
    assert_eq!(s.kind, ScenarioKind::Inertial);
    assert_eq!(s.id, 1);
    assert_eq!((s.base_year, s.horizon), (2022, 2030));
    let population = s.assumptions.growth_of(POPULATION).unwrap();
    // AAA: 1000 → 1210 in two years. BBB and CCC exist only since 2022: the growth of the unit
    // they were carved out of, 2000 → 1320 + 885 = 2205.
    close(Some(population.rate_for("KZ-AAA")), 0.10);
    close(Some(population.rate_for("KZ-BBB")), 0.05);
    close(Some(population.rate_for("KZ-CCC")), 0.05);
    close(Some(population.national), (3415.0_f64 / 3000.0).sqrt() - 1.0);
    let grp = s.assumptions.growth_of(GRP).unwrap();
    close(Some(grp.rate_for("KZ-AAA")), 0.10);
    close(Some(grp.rate_for("KZ-CCC")), 0.05);
    // Investment has a single year per unit: no growth can be measured.
    let investment = s.assumptions.growth_of(INVESTMENT).unwrap();
    assert!(investment.regional.is_empty());
    assert_eq!(investment.national, 0.0);
    // Only the operating project is realised; all three are listed.
    let realised: Vec<(&str, bool)> =
        s.assumptions.projects.iter().map(|a| (a.project_code.as_str(), a.realised)).collect();
    assert_eq!(realised, [("P-1", true), ("P-2", false), ("P-3", false)]);
    assert_eq!(s.assumptions.projects[1].start_year, 2022 + PLANNED_START_OFFSET);
    assert_eq!(s.assumptions.projects[0].jobs, 100.0);
    let p = project(&ds, &s);
    close(p.value("KZ-AAA", POPULATION, 2023), 1331.0);
    close(p.value("KZ-BBB", GRP, 2024), 300.0 * 1.05 * 1.05);
    assert!(validate(&ds, &s).is_ok());
}

#[test]
fn managed_from_copies_assumptions_under_a_new_id_and_kind() {
    let ds = fixture::dataset();
    let inertial = Scenario::inertial(&ds, 2022, 2030, HistoryWindow { first: 2020, last: 2022 });
    let managed = inertial.managed_from(7);
    assert_eq!(managed.id, 7);
    assert_eq!(managed.kind, ScenarioKind::Managed);
    assert_eq!(managed.assumptions, inertial.assumptions);
    assert_eq!(managed.name.en, "Managed: Inertial scenario to 2030");
    assert_eq!(managed.name.ru, "Управляемый: Инерционный сценарий до 2030 года");
    assert_eq!(project(&ds, &managed).value("KZ-AAA", POPULATION, 2030), {
        project(&ds, &inertial).value("KZ-AAA", POPULATION, 2030)
    });
}

fn target(indicator: &str, region: &str, kind: TargetKind, year: i32) -> Target {
    Target {
        indicator: indicator.to_owned(),
        region_code: region.to_owned(),
        kind,
        year,
        source: String::new(),
    }
}

#[test]
fn ratio_target_is_attained_with_its_first_year_and_margin() {
    let p = project(&fixture::dataset(), &hand_scenario());
    let t = target(GRP, "KZ-BBB", TargetKind::Ratio { reference_year: 2022, ratio: 1.2 }, 2025);
    let a = attainment(&p, &t).unwrap();
    close(Some(a.level), 360.0);
    close(Some(a.value), 377.2875);
    assert!(a.attained);
    // 2024 already gives 360.75.
    assert_eq!(a.first_year, Some(2024));
    close(Some(a.difference), 17.2875);
    close(a.relative, 377.2875 / 360.0 - 1.0);
}

#[test]
fn lower_is_better_target_asks_for_at_most_the_level() {
    let p = project(&fixture::dataset(), &hand_scenario());
    // AAA's unemployment stays at 100 × 50 / 550 = 9.09 %: above a 9 % ceiling, in every year.
    let t = target(UNEMPLOYMENT_RATE, "KZ-AAA", TargetKind::Absolute { value: 9.0 }, 2025);
    let a = attainment(&p, &t).unwrap();
    assert!(!a.attained);
    assert_eq!(a.first_year, None);
    close(Some(a.difference), 100.0 * 50.0 / 550.0 - 9.0);
    // BBB's falls from 7.69 % (2022) to 7.58 % in 2023 with the project's jobs: under a 7.6 %
    // ceiling from then on.
    let t = target(UNEMPLOYMENT_RATE, "KZ-BBB", TargetKind::Absolute { value: 7.6 }, 2025);
    let a = attainment(&p, &t).unwrap();
    assert!(a.attained);
    assert_eq!(a.first_year, Some(2023));
}

#[test]
fn target_against_a_year_before_the_base_reads_the_reported_value() {
    let mut s = hand_scenario();
    let t = target(
        POPULATION,
        NATIONAL_CODE,
        TargetKind::Ratio { reference_year: 2020, ratio: 1.3 },
        2025,
    );
    s.assumptions.targets = vec![t.clone()];
    let p = project(&fixture::dataset(), &s);
    assert_eq!(p.years(), 2020..=2025);
    assert_eq!(p.projected_years(), 2022..=2025);
    assert_eq!(p.value("KZ-AAA", POPULATION, 2020), Some(1000.0));
    // BBB did not exist in 2020: its predecessor's value is another territory.
    assert_eq!(p.value("KZ-BBB", POPULATION, 2020), None);
    assert_eq!(p.value("KZ-BBB", JOBS_DIRECT, 2021), None);
    let a = attainment(&p, &t).unwrap();
    close(Some(a.level), 3900.0);
    assert!(a.attained);
    // 2024: 1464.1 + 1373.328 + 920.754 = 3758.182, short of 3900.
    assert_eq!(a.first_year, Some(2025));
}

#[test]
fn target_errors_say_what_is_missing() {
    let p = project(&fixture::dataset(), &hand_scenario());
    let absolute = TargetKind::Absolute { value: 1.0 };
    let error = attainment(&p, &target("exports", NATIONAL_CODE, absolute, 2025)).unwrap_err();
    assert_eq!(error, TargetError::UnknownIndicator("exports".to_owned()));
    let error = attainment(&p, &target(GRP, "KZ-OLD@2018", absolute, 2025)).unwrap_err();
    assert_eq!(error, TargetError::UnknownRegion("KZ-OLD@2018".to_owned()));
    let error = attainment(&p, &target(GRP, "KZ-AAA", absolute, 2031)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the target year 2031 lies outside the projection (2022–2025); \
        move the target year or the scenario's horizon"
    );
    let error = attainment(&p, &target(EMPLOYED, "KZ-CCC", absolute, 2025)).unwrap_err();
    assert_eq!(error.to_string(), "the projection has no value of employed for KZ-CCC in 2025");
}

#[test]
fn validation_names_the_entry_at_fault() {
    let ds = fixture::dataset();
    assert_eq!(validate(&ds, &hand_scenario()), Ok(()));
    let mut s = hand_scenario();
    s.horizon = 2051;
    assert_eq!(
        validate(&ds, &s).unwrap_err().to_string(),
        "scenario «test»: the horizon 2051 is after 2050, the latest allowed"
    );
    let mut s = hand_scenario();
    s.assumptions.growth[0]
        .regional
        .push(RegionalRate { region_code: "KZ-OLD@2018".into(), rate: 0.0 });
    assert!(matches!(validate(&ds, &s), Err(ScenarioError::UnknownRegion { .. })));
    let mut s = hand_scenario();
    s.assumptions.growth[1].national = -1.0;
    assert!(matches!(validate(&ds, &s), Err(ScenarioError::RateTooLow { .. })));
    let mut s = hand_scenario();
    s.assumptions.growth.push(rate("grp_per_capita", 0.1, &[]));
    assert!(matches!(validate(&ds, &s), Err(ScenarioError::NotAdditive { .. })));
    let mut s = hand_scenario();
    s.assumptions.projects[2].project_code = "P-9".into();
    assert_eq!(
        validate(&ds, &s).unwrap_err().to_string(),
        "scenario «test»: project P-9 is not in the file"
    );
    let mut s = hand_scenario();
    s.assumptions.projects[0].jobs = f64::NAN;
    assert!(matches!(validate(&ds, &s), Err(ScenarioError::NotFinite { .. })));
    let mut s = hand_scenario();
    s.assumptions.targets.push(target(
        "exports",
        NATIONAL_CODE,
        TargetKind::Absolute { value: 1.0 },
        2025,
    ));
    assert!(matches!(validate(&ds, &s), Err(ScenarioError::UnknownTargetIndicator { .. })));
}

// ---------------------------------------------------------------------------------------------
// The default dataset

fn default_dataset() -> &'static crate::model::Dataset {
    crate::analysis::fixture::default_dataset()
}

#[test]
fn default_base_year_is_the_latest_with_population_and_grp_for_all_twenty_regions() {
    assert_eq!(default_base_year(default_dataset()), Some(2023));
}

#[test]
fn default_scenarios_project_every_current_region_from_the_reported_base_year() {
    let ds = default_dataset();
    assert_eq!(ds.scenarios.len(), 2);
    for s in &ds.scenarios {
        assert_eq!(validate(ds, s), Ok(()), "{}", s.name.en);
        let p = project(ds, s);
        assert_eq!(p.regions.len(), 20);
        assert_eq!(p.projected_years(), 2023..=2030);
        // Population and GRP of 2023 are projected from themselves.
        assert_eq!(p.value("KZ-ALA", POPULATION, 2023), ds.value("KZ-ALA", POPULATION, 2023));
        assert_eq!(p.value("KZ-ULT", GRP, 2023), ds.value("KZ-ULT", GRP, 2023));
        close(p.value(NATIONAL_CODE, POPULATION, 2023), 19_766_807.0);
        // Karaganda's investment of 2023 is missing: it starts from 2022.
        assert_eq!(p.anchor_year("KZ-KAR", INVESTMENT), Some(2022));
        // Every target of the programme can be assessed.
        for t in &s.assumptions.targets {
            assert!(attainment(&p, t).is_ok(), "{} {:?}", t.indicator, attainment(&p, t));
        }
    }
}

#[test]
fn default_managed_scenario_realises_planned_projects_and_favours_growth_points() {
    let ds = default_dataset();
    let (inertial, managed) = (&ds.scenarios[0], &ds.scenarios[1]);
    // Built again from a dataset that already holds them, they come under the next free ids.
    let again = default_scenarios(ds);
    assert_eq!((again[0].id, again[1].id), (3, 4));
    assert_eq!(again[1].assumptions, managed.assumptions);
    assert_eq!((inertial.id, managed.id), (1, 2));
    assert_eq!((inertial.kind, managed.kind), (ScenarioKind::Inertial, ScenarioKind::Managed));
    assert_eq!(managed.name.en, "Managed scenario to 2030");
    assert!(managed.assumptions.projects.iter().all(|a| a.realised));
    let operating = inertial.assumptions.projects.iter().filter(|a| a.realised).count();
    assert_eq!(
        operating,
        ds.projects.iter().filter(|p| p.status == crate::model::ProjectStatus::Operating).count()
    );
    assert_eq!(managed.assumptions.targets.len(), 2);
    assert_eq!(
        managed.assumptions.targets[1].kind,
        TargetKind::Ratio { reference_year: 2023, ratio: 1.7 }
    );
    assert_eq!(managed.assumptions.targets[1].year, 2029);
    let (pi, pm) = (project(ds, inertial), project(ds, managed));
    // Almaty city holds a first-level growth point: GRP grows one point faster.
    let ratio = |p: &Projection| {
        p.value("KZ-ALA", GRP, 2024).unwrap() / p.value("KZ-ALA", GRP, 2023).unwrap()
    };
    close(Some(ratio(&pm) - ratio(&pi)), 0.01);
    // Pavlodar's planned wheel plant (OTH-02, 400 jobs) counts in the managed scenario only.
    assert_eq!(pi.value("KZ-PAV", JOBS_DIRECT, 2030), Some(0.0));
    close(pm.value("KZ-PAV", JOBS_DIRECT, 2030), 400.0);
}

#[test]
fn scenario_is_found_by_any_of_its_names_ignoring_case_dashes_and_spaces() {
    let scenarios = &default_dataset().scenarios;
    let id = |name: &str| find_by_name(scenarios, name).map(|s| s.id);
    assert_eq!(id("Inertial scenario to 2030"), Some(1));
    assert_eq!(id("  managed   SCENARIO to 2030 "), Some(2));
    assert_eq!(id("Управляемый сценарий до 2030 года"), Some(2));
    assert_eq!(id("2030 жылға дейінгі инерциялық сценарий"), Some(1));
    assert_eq!(id("Managed"), None);
    let mut named = blank(2022, 2025);
    named.name = crate::model::Names::new("", "", "Plan 2025–2030");
    assert_eq!(find_by_name(&[named], "plan 2025-2030").map(|s| s.id), Some(1));
}

#[test]
fn scenario_texts_never_mix_latin_and_cyrillic_letters() {
    use crate::io::names::mixed_script_words;
    for s in &default_dataset().scenarios {
        for text in [&s.name.kk, &s.name.ru, &s.description.kk, &s.description.ru] {
            assert_eq!(mixed_script_words(text), Vec::<&str>::new(), "{text}");
        }
    }
    for def in projected_indicators(default_dataset()) {
        for text in [&def.names.kk, &def.names.ru, &def.unit.kk, &def.unit.ru] {
            assert_eq!(mixed_script_words(text), Vec::<&str>::new(), "{text}");
        }
    }
}
