//! Scenario engine timings on the default dataset. Budget (DESIGN.md): re-projecting all
//! scenarios after an edit ≤ 5 ms. Measured: the shipped inertial and managed scenarios with
//! their horizon moved to 2050, after one planner's edit (a region's GRP growth rate), and one
//! scenario alone; plus deriving an inertial scenario from history.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use oblys::model::{MAX_HORIZON, RegionalRate};
use oblys::scenario::{HistoryWindow, attainment, project};

fn scenario(c: &mut Criterion) {
    let ds = oblys::io::default_dataset::build().expect("embedded default data");
    let mut scenarios = ds.scenarios.clone();
    for s in &mut scenarios {
        s.horizon = MAX_HORIZON;
    }
    assert_eq!(scenarios.len(), 2, "the default dataset ships two scenarios");

    let mut step = 0_u32;
    c.bench_function("reproject_all_default_scenarios_to_2050_after_an_edit", |b| {
        b.iter(|| {
            // The edit: Almaty's GRP growth in the managed scenario, a new value each time.
            step = step.wrapping_add(1);
            if let Some(grp) = scenarios
                .get_mut(1)
                .and_then(|m| m.assumptions.growth.iter_mut().find(|g| g.indicator == "grp"))
            {
                grp.regional.retain(|r| r.region_code != "KZ-ALA");
                let rate = 0.10 + f64::from(step % 100) / 1000.0;
                grp.regional.push(RegionalRate { region_code: "KZ-ALA".to_owned(), rate });
            }
            let projections: Vec<_> =
                scenarios.iter().map(|s| project(black_box(&ds), s)).collect();
            black_box(projections)
        })
    });

    let managed = &scenarios[1];
    c.bench_function("project_managed_to_2050", |b| b.iter(|| project(black_box(&ds), managed)));

    let projection = project(&ds, managed);
    c.bench_function("attainment_of_the_managed_targets", |b| {
        b.iter(|| {
            managed
                .assumptions
                .targets
                .iter()
                .filter(|t| attainment(black_box(&projection), t).is_ok_and(|a| a.attained))
                .count()
        })
    });

    c.bench_function("derive_inertial_2018_2023", |b| {
        b.iter(|| {
            oblys::model::Scenario::inertial(
                black_box(&ds),
                2023,
                2050,
                HistoryWindow { first: 2018, last: 2023 },
            )
        })
    });
}

criterion_group!(benches, scenario);
criterion_main!(benches);
