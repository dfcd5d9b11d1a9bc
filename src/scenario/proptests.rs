//! Properties of the engine over random data and assumptions on the fixture's regions: a scenario
//! without growth or new projects stays at its base year, the country's additive totals are the
//! sums of its regions whenever every region has a value, and projecting again gives the same
//! projection.

use proptest::prelude::*;

use super::fixture::{self, CURRENT, blank, value};
use super::keys::{EMPLOYED, GRP, INVESTMENT, LABOUR_FORCE, POPULATION};
use super::{JOBS_DIRECT, JOBS_INDIRECT, project};
use crate::model::{
    Dataset, GrowthLevel, GrowthPointLever, GrowthRate, NATIONAL_CODE, ProjectAssumption,
    RegionalRate,
};

const ADDITIVE: [&str; 5] = [POPULATION, GRP, EMPLOYED, LABOUR_FORCE, INVESTMENT];

/// The fixture's regions with a positive base-year (2022) value of every additive indicator,
/// some reported a year or two earlier.
fn complete_dataset() -> impl Strategy<Value = Dataset> {
    prop::collection::vec((1.0..1e7_f64, 0..=2_i32), ADDITIVE.len() * CURRENT.len()).prop_map(
        |cells| {
            let mut ds = fixture::skeleton();
            for (i, (v, gap)) in cells.into_iter().enumerate() {
                let indicator = ADDITIVE[i / CURRENT.len()];
                let code = CURRENT[i % CURRENT.len()];
                ds.values.push(value(code, 2022 - gap, indicator, v));
            }
            ds
        },
    )
}

fn growth() -> impl Strategy<Value = Vec<GrowthRate>> {
    prop::collection::vec(
        (-0.3..0.3_f64, prop::collection::vec((0..CURRENT.len(), -0.3..0.3_f64), 0..3)),
        ADDITIVE.len(),
    )
    .prop_map(|rates| {
        rates
            .into_iter()
            .zip(ADDITIVE)
            .map(|((national, overrides), indicator)| GrowthRate {
                indicator: indicator.to_owned(),
                national,
                regional: overrides
                    .into_iter()
                    .map(|(r, rate)| RegionalRate { region_code: CURRENT[r].to_owned(), rate })
                    .collect(),
            })
            .collect()
    })
}

fn projects() -> impl Strategy<Value = Vec<ProjectAssumption>> {
    prop::collection::vec(
        (
            any::<bool>(),
            2015..2035_i32,
            0..5_u32,
            0.0..5000.0_f64,
            0.0..1e4_f64,
            0..4_u32,
            0.0..1e4_f64,
        ),
        3,
    )
    .prop_map(|entries| {
        entries
            .into_iter()
            .zip(["P-1", "P-2", "P-3"])
            .map(|((realised, start, ramp, jobs, investment, build, output), code)| {
                ProjectAssumption {
                    project_code: code.to_owned(),
                    realised,
                    start_year: start,
                    ramp_up_years: ramp,
                    jobs,
                    investment_million_kzt: investment,
                    build_years: build,
                    annual_output_million_kzt: output,
                }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn zero_growth_without_new_projects_keeps_every_value_of_the_base_year(
        ds in complete_dataset(),
        horizon in 2022..2050_i32,
        with_entries in any::<bool>(),
    ) {
        let mut s = blank(2022, horizon);
        if with_entries {
            s.assumptions.growth = ADDITIVE
                .iter()
                .map(|i| GrowthRate {
                    indicator: (*i).to_owned(),
                    national: 0.0,
                    regional: vec![RegionalRate { region_code: "KZ-BBB".into(), rate: 0.0 }],
                })
                .collect();
            s.assumptions.indirect_jobs_multiplier = 1.5;
        }
        let p = project(&ds, &s);
        for def in &p.indicators {
            for code in CURRENT.iter().copied().chain([NATIONAL_CODE]) {
                let base = p.value(code, &def.key, 2022);
                for year in 2022..=horizon {
                    prop_assert_eq!(p.value(code, &def.key, year), base, "{} {} {}", code, def.key, year);
                }
            }
        }
    }

    #[test]
    fn national_totals_equal_the_sum_of_regions(
        ds in complete_dataset(),
        growth in growth(),
        projects in projects(),
        multiplier in 0.0..3.0_f64,
        lever in -0.05..0.05_f64,
        horizon in 2022..2050_i32,
    ) {
        let mut s = blank(2022, horizon);
        s.assumptions.growth = growth;
        s.assumptions.projects = projects;
        s.assumptions.indirect_jobs_multiplier = multiplier;
        s.assumptions.growth_point_levers = vec![GrowthPointLever {
            level: GrowthLevel::Third,
            indicator: GRP.to_owned(),
            extra_rate: lever,
        }];
        let p = project(&ds, &s);
        // Deterministic: the same inputs, again and as copies, give the same projection.
        prop_assert_eq!(&project(&ds.clone(), &s.clone()), &p);
        for key in ADDITIVE.iter().copied().chain([JOBS_DIRECT, JOBS_INDIRECT]) {
            for year in 2022..=horizon {
                let sum: f64 = CURRENT.iter().map(|c| p.value(c, key, year).unwrap()).sum();
                let national = p.value(NATIONAL_CODE, key, year).unwrap();
                prop_assert!(
                    (national - sum).abs() <= 1e-9 * sum.abs().max(1.0),
                    "{} {}: {} vs {}", key, year, national, sum
                );
            }
        }
    }
}
