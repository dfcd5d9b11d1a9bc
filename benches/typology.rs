//! Typology timings (issue 7). Budgets: recomputing the default typology with LISA (999
//! permutations) ≤ 5 ms for the 20 regions and ≤ 50 ms for 224 districts (generated values on a
//! 15 × 15 queen lattice less one cell, until districts get indicator data). Also: building the
//! neighbour graph of one boundary edition (done once per edition and cached); and one step of
//! the Potential screen's weight slider (typology, LISA, class map and class change rebuilt).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use oblys::analysis::moran::{self, DEFAULT_PERMUTATIONS, DEFAULT_SEED, SplitMix64};
use oblys::analysis::neighbours::{Contiguity, Neighbours};
use oblys::analysis::typology::{
    self, Classification, Component, Direction, MissingRule, Normalisation, Typology,
};

fn typology(c: &mut Criterion) {
    let ds = oblys::io::default_dataset::build().expect("embedded default data");
    let edition = ds.current_edition().expect("a current edition").clone();
    let graph = Neighbours::build(&edition);
    let default = Typology::default_for(&ds);

    c.bench_function("default_typology_with_lisa_999_20_regions", |b| {
        b.iter(|| {
            let result = typology::compute(black_box(&ds), &default).expect("computed");
            let spatial = typology::index_autocorrelation(
                &result,
                &graph,
                DEFAULT_PERMUTATIONS,
                DEFAULT_SEED,
            )
            .expect("statistics");
            black_box((result, spatial))
        })
    });

    c.bench_function("neighbour_graph_of_the_current_edition", |b| {
        b.iter(|| Neighbours::build(black_box(&edition)))
    });

    // 224 districts: a 15 × 15 queen lattice less its last cell, five components of generated
    // values with a few gaps, the index scored and its Moran's I and LISA tested.
    let full = Neighbours::lattice(15, 15, Contiguity::Queen);
    let mut keep = vec![true; 225];
    keep[224] = false;
    let districts = full.subset(&keep);
    let mut rng = SplitMix64::new(3);
    let raw: Vec<Vec<Option<f64>>> = (0..5)
        .map(|_| {
            (0..224)
                .map(|_| {
                    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
                    (rng.below(20) != 0).then_some(u * 100.0)
                })
                .collect()
        })
        .collect();
    let components: Vec<Component> = (0..5)
        .map(|i| Component {
            indicator: format!("c{i}"),
            direction: if i == 4 { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
            weight: 1.0,
        })
        .collect();
    c.bench_function("typology_with_lisa_999_224_generated_districts", |b| {
        b.iter(|| {
            let scores = typology::score(
                &components,
                black_box(&raw),
                Normalisation::MinMax,
                Classification::ThreeClass,
                MissingRule::RescaleWeights,
            )
            .expect("scored");
            let index: Vec<f64> = scores.regions.iter().filter_map(|r| r.index).collect();
            let global = moran::global_moran(&index, &districts, DEFAULT_PERMUTATIONS, 1);
            let local = moran::local_moran(&index, &districts, DEFAULT_PERMUTATIONS, 1);
            black_box((scores, global, local))
        })
    });
}

/// One step of a weight slider on the Potential screen: the typology recomputed with LISA, the
/// class map and the class change between the two scenarios rebuilt — what a frame does while
/// the planner drags.
fn potential_slider_step(c: &mut Criterion) {
    use oblys::app::potential::{Inputs, PotentialAction, PotentialState};
    let ds = oblys::io::default_dataset::build().expect("embedded default data");
    let geometry = oblys::map::MapGeometry::new(&ds);
    let projections = oblys::app::scenarios::project_all(&ds);
    let inputs = Inputs {
        ds: &ds,
        geometry: &geometry,
        projections: &projections,
        lang: oblys::model::Lang::En,
        selected: None,
        data_changed: false,
        active: true,
    };
    // Opening the screen: neighbours, the years the typology can be computed in, the result with
    // LISA, the class map and the scenarios' class change.
    c.bench_function("potential_screen_first_open", |b| {
        b.iter(|| {
            let mut fresh = PotentialState::default();
            fresh.refresh(black_box(&inputs));
            fresh
        })
    });
    let mut state = PotentialState::default();
    state.refresh(&inputs);
    let mut weight = 1.0;
    c.bench_function("potential_screen_weight_slider_step", |b| {
        b.iter(|| {
            weight = if weight > 4.0 { 1.0 } else { weight + 0.1 };
            state.apply(PotentialAction::SetWeight { component: 0, weight });
            state.refresh(black_box(&inputs));
        })
    });
}

criterion_group!(benches, typology, potential_slider_step);
criterion_main!(benches);
