//! Editing timings on the default dataset, written to a real file: one indicator value set
//! through `AppState` (a transaction on disk, then the map, table, charts, projections and
//! comparison rebuilt) followed by its undo; moving a growth point the same way; and preparing
//! the point-in-region lookup of the current regions (done once per opened file); and the file's
//! part alone (checking the file, one transaction, the commit on disk).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use oblys::app::edit::{Edit, Places};
use oblys::app::{Action, AppState};
use oblys::model::Lang;

fn edit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.gpkg");
    let ds = oblys::io::default_dataset::build().expect("embedded default data");
    oblys::store::create(&path, &ds).expect("file written");
    let mut state = AppState::new(
        path,
        oblys::store::load(&dir.path().join("bench.gpkg")).expect("read"),
        Lang::En,
    );

    let mut step = 0.0;
    c.bench_function("set_value_and_undo_through_app_state", |b| {
        b.iter(|| {
            step += 1.0;
            let edit = Edit::set_value(
                state.dataset(),
                "KZ-KAR",
                "population",
                2023,
                Some(1e6 + step),
                "b",
            );
            state.apply(Action::Edit(Box::new(edit)));
            state.apply(Action::Undo);
            black_box(state.edit_error().is_none())
        })
    });

    c.bench_function("move_growth_point_and_undo_through_app_state", |b| {
        b.iter(|| {
            step += 1.0;
            let mut g = state.dataset().growth_points[0].clone();
            g.location = Some(geo::Point::new(73.0 + step.rem_euclid(10.0) / 100.0, 49.8));
            state.apply(Action::Edit(Box::new(Edit::put_growth_point(state.dataset(), g))));
            state.apply(Action::Undo);
            black_box(state.edit_error().is_none())
        })
    });

    let mut v = state.dataset().values[0].clone();
    c.bench_function("put_value_transaction_alone", |b| {
        b.iter(|| {
            v.value += 1.0;
            oblys::store::put_value(black_box(state.file()), &v).expect("written")
        })
    });

    c.bench_function("places_new_current_regions", |b| b.iter(|| Places::new(black_box(&ds))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = edit
}
criterion_main!(benches);
