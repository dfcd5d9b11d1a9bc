//! Scenario engine timings on the default dataset. Budget (DESIGN.md): re-projecting all
//! scenarios after an edit ≤ 5 ms. Measured: the shipped inertial and managed scenarios with
//! their horizon moved to 2050, after one planner's edit (a region's GRP growth rate), and one
//! scenario alone; the same edit as the window makes it (`Action::PreviewScenario`: projections,
//! comparison and targets rebuilt); the comparison rebuilt for another year; plus deriving an
//! inertial scenario from history.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use oblys::app::scenarios::{CompareRequest, compare};
use oblys::app::{Action, AppState, CompareSort, DifferenceMode, Screen, Source};
use oblys::model::{Lang, MAX_HORIZON, RegionalRate};
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

    // The same edit as the planner makes it on the scenario screen: a dragged rate sent as
    // `Action::PreviewScenario`, after which the window has every projection, the comparison
    // (three maps, chart, table) and the targets' report and map rebuilt for the next frame.
    let mut to_2050 = ds.clone();
    to_2050.scenarios.clone_from(&scenarios);
    let mut state = AppState::new(PathBuf::from("bench.gpkg"), to_2050, Lang::Ru);
    state.apply(Action::SetScreen(Screen::Scenarios));
    state.apply(Action::SetCompareYear(MAX_HORIZON));
    let mut edited = scenarios[1].clone();
    c.bench_function("preview_an_edit_through_the_app_state_2050", |b| {
        b.iter(|| {
            step = step.wrapping_add(1);
            if let Some(grp) = edited.assumptions.growth.iter_mut().find(|g| g.indicator == "grp") {
                grp.regional.retain(|r| r.region_code != "KZ-ALA");
                let rate = 0.10 + f64::from(step % 100) / 1000.0;
                grp.regional.push(RegionalRate { region_code: "KZ-ALA".to_owned(), rate });
            }
            state.apply(Action::PreviewScenario(edited.clone()));
            black_box(state.comparison().rows.len())
        })
    });

    // What a new compare year costs without the window: the comparison (A, B and difference
    // scenes, chart, table) from projections already made.
    let geometry = oblys::map::MapGeometry::new(&ds);
    let projections: Vec<_> = ds.scenarios.iter().map(|s| project(&ds, s)).collect();
    let mut year = 2029;
    c.bench_function("compare_rebuild_for_another_year", |b| {
        b.iter(|| {
            year = if year == 2030 { 2029 } else { 2030 };
            let request = CompareRequest {
                a: Source::Scenario(1),
                b: Source::Scenario(2),
                indicator: "grp",
                year,
                lang: Lang::Ru,
                selected: Some("KZ-KAR"),
                sort: CompareSort::default(),
                mode: DifferenceMode::Absolute,
            };
            black_box(compare(&ds, &geometry, &projections, &request))
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
