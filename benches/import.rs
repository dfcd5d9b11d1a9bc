//! Statistics import timings. Budget (issue 4): importing 100,000 long-layout rows ≤ 1 s, that is
//! preview (decode, header, names, numbers, duplicates, values already in the file) and apply (one
//! transaction into a copy of the default database). The file is generated: every current region
//! of the default dataset under one of its kk/ru/EN names, the years 1990–2100 and 50 indicators,
//! values with decimal commas and no-break-space thousands, so every row is distinct and goes
//! through name matching, number parsing and the duplicate check.

use std::fmt::Write;
use std::hint::black_box;

use criterion::BatchSize;
use criterion::{Criterion, criterion_group, criterion_main};
use oblys::io::import::{PreviewOptions, RegionMatcher, preview_csv};
use oblys::model::{Aggregation, Dataset, IndicatorDef, IndicatorValue, Names};

fn import(c: &mut Criterion) {
    let mut ds = oblys::io::default_dataset::build().expect("embedded default data");
    // 50 more indicators beside the default ones (whose values and scenarios stay valid).
    ds.indicators.extend((0..50).map(|i| IndicatorDef {
        key: format!("indicator_{i}"),
        names: Names::new(format!("көрсеткіш {i}"), format!("показатель {i}"), format!("I {i}")),
        unit: Names::new("", "", ""),
        aggregation: Aggregation::Additive,
        higher_is_better: true,
        decimals: 1,
    }));
    let current: Vec<_> = ds.regions.iter().filter(|r| !r.is_legacy()).collect();
    let mut text = String::from("Регион;Год;Показатель;Значение\n");
    let mut rows = 0;
    'fill: for year in 1990..=2100 {
        for (r, region) in current.iter().enumerate() {
            for i in 0..50 {
                if rows == 100_000 {
                    break 'fill;
                }
                let name = match (r + i) % 3 {
                    0 => region.names.ru.clone(),
                    1 => region.names.kk.clone(),
                    _ => region.names.en.to_uppercase(),
                };
                let value = 10_000.0 + (rows as f64) * 7.3;
                let whole = value as u64;
                let _ = writeln!(
                    text,
                    "{name};{year};indicator_{i};{}\u{00A0}{:03},{}",
                    whole / 1000,
                    whole % 1000,
                    rows % 10
                );
                rows += 1;
            }
        }
    }
    let matcher = RegionMatcher::new(&ds);
    let options = PreviewOptions::default();
    let preview = |ds: &Dataset, matcher: &RegionMatcher| {
        preview_csv("bench.csv", black_box(text.as_bytes()), ds, matcher, &options)
            .expect("previews")
            .0
    };
    let check = preview(&ds, &matcher);
    assert_eq!(check.rows.len(), 100_000, "problems: {:?}", check.problems.first());

    // A database holding the 50 indicators, copied afresh for every import.
    let dir = tempfile::tempdir().expect("temporary folder");
    let base = dir.path().join("base.gpkg");
    oblys::store::create(&base, &ds).expect("database written");
    let target = dir.path().join("target.gpkg");

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("preview_100k_long_rows", |b| b.iter(|| preview(&ds, &matcher)));
    let to_values = |p: &oblys::io::import::Preview| -> Vec<IndicatorValue> {
        p.rows
            .iter()
            .map(|r| IndicatorValue {
                region_code: r.region_code.clone(),
                year: r.year,
                indicator: r.indicator.clone(),
                value: r.value,
                source: "bench.csv".to_owned(),
                note: "import".to_owned(),
            })
            .collect()
    };
    let fresh_copy = || {
        let _ = std::fs::remove_file(target.with_extension("gpkg-wal"));
        let _ = std::fs::remove_file(target.with_extension("gpkg-shm"));
        std::fs::copy(&base, &target).expect("copy of the database");
    };
    let values = to_values(&check);
    group.bench_function("apply_100k_long_rows", |b| {
        b.iter_batched(
            fresh_copy,
            |()| oblys::store::import_values(&target, black_box(&values)).expect("imports"),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("load_preview_apply_100k_long_rows", |b| {
        b.iter_batched(
            fresh_copy,
            |()| {
                let ds = oblys::store::load(&target).expect("loads");
                let matcher = RegionMatcher::new(&ds);
                let values = to_values(&preview(&ds, &matcher));
                let summary = oblys::store::import_values(&target, &values).expect("imports");
                assert_eq!(summary.inserted, 100_000);
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("match_region_name", |b| {
        b.iter(|| matcher.find(black_box("Восточно-Казахстанская обл."), black_box(2015)))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
