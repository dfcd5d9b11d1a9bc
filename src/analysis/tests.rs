//! Values, rankings and series on the hand-made dataset of `fixture` (numbers checked by hand).

use super::fixture::dataset;
use super::*;

fn value_of(values: &EditionValues, code: &str) -> Option<f64> {
    values.unit(code).and_then(|u| u.value)
}

#[test]
fn as_reported_draws_the_edition_whose_units_the_values_were_reported_for() {
    let ds = dataset();
    assert_eq!(reported_edition(&ds, "pop", 2020).map(|e| e.key.as_str()), Some("2018"));
    assert_eq!(reported_edition(&ds, "pop", 2022).map(|e| e.key.as_str()), Some("2022"));
    let view = view_values(&ds, "pop", 2020, BoundaryMode::AsReported).unwrap();
    assert_eq!(view.edition, "2018");
    assert_eq!(value_of(&view, "KZ-BBB@2018"), Some(300.0));
    assert_eq!(view.unit("KZ-BBB@2018").unwrap().origin, Some(ValueOrigin::Reported));
}

#[test]
fn current_mode_gives_every_successor_its_predecessors_value_as_one_group() {
    let ds = dataset();
    let view = view_values(&ds, "pop", 2020, BoundaryMode::Current).unwrap();
    assert_eq!(view.edition, "2022");
    let group = ValueOrigin::Predecessor {
        predecessor: "KZ-BBB@2018".to_string(),
        members: vec!["KZ-BBB".to_string(), "KZ-CCC".to_string()],
    };
    for code in ["KZ-BBB", "KZ-CCC"] {
        let unit = view.unit(code).unwrap();
        assert_eq!(unit.value, Some(300.0));
        assert_eq!(unit.value_code, "KZ-BBB@2018");
        assert_eq!(unit.origin.as_ref(), Some(&group));
    }
    assert_eq!(value_of(&view, "KZ-AAA"), Some(100.0));
}

#[test]
fn older_edition_sums_successors_of_an_additive_indicator() {
    let ds = dataset();
    let old = ds.edition("2018").unwrap();
    let values = edition_values(&ds, "pop", 2022, old);
    assert_eq!(value_of(&values, "KZ-BBB@2018"), Some(320.0));
    assert_eq!(
        values.unit("KZ-BBB@2018").unwrap().origin,
        Some(ValueOrigin::FromParts { parts: vec!["KZ-BBB".to_string(), "KZ-CCC".to_string()] })
    );
    assert_eq!(value_of(&values, "KZ-AAA"), Some(110.0));
}

#[test]
fn ratio_of_a_legacy_unit_is_recomputed_from_its_parts_never_summed() {
    let ds = dataset();
    let old = ds.edition("2018").unwrap();
    // (100 + 30) / (200 + 120) × 1000 = 406.25; summing 500 + 250 would give 750, the mean 375.
    let values = edition_values(&ds, "gpc", 2022, old);
    assert_eq!(value_of(&values, "KZ-BBB@2018"), Some(406.25));
}

#[test]
fn weighted_mean_of_a_legacy_unit_uses_the_weights_of_its_parts() {
    let ds = dataset();
    let old = ds.edition("2018").unwrap();
    // (5 × 100 + 8 × 50) / 150 = 6.
    let values = edition_values(&ds, "unemp", 2022, old);
    assert_eq!(value_of(&values, "KZ-BBB@2018"), Some(6.0));
}

#[test]
fn a_successor_with_its_own_value_keeps_it_and_breaks_the_group() {
    let ds = dataset();
    let view = view_values(&ds, "inv", 2021, BoundaryMode::Current).unwrap();
    assert_eq!(value_of(&view, "KZ-BBB"), Some(40.0));
    // The legacy 70 would also count BBB's 40: CCC is no data, not 70.
    assert_eq!(value_of(&view, "KZ-CCC"), None);
    assert_eq!(view.unit("KZ-CCC").unwrap().origin, None);
}

#[test]
fn a_year_without_data_is_no_data_on_the_edition_of_that_year() {
    let ds = dataset();
    let view = view_values(&ds, "pop", 2019, BoundaryMode::AsReported).unwrap();
    assert_eq!(view.edition, "2018");
    assert!(view.is_empty());
    assert!(ranking(&ds, "pop", 2019, BoundaryMode::AsReported).is_empty());
    let unknown = view_values(&ds, "no_such_indicator", 2020, BoundaryMode::AsReported).unwrap();
    assert!(unknown.is_empty());
}

#[test]
fn ranking_counts_a_legacy_group_once_and_lists_its_members() {
    let ds = dataset();
    let ranked = ranking(&ds, "pop", 2020, BoundaryMode::Current);
    assert_eq!(
        ranked,
        vec![
            RankedValue {
                code: "KZ-BBB@2018".to_string(),
                value: 300.0,
                rank: 1,
                members: vec!["KZ-BBB".to_string(), "KZ-CCC".to_string()],
            },
            RankedValue {
                code: "KZ-AAA".to_string(),
                value: 100.0,
                rank: 2,
                members: vec!["KZ-AAA".to_string()],
            },
        ]
    );
    let ranked_2022: Vec<(String, usize)> = ranking(&ds, "pop", 2022, BoundaryMode::AsReported)
        .into_iter()
        .map(|r| (r.code, r.rank))
        .collect();
    assert_eq!(
        ranked_2022,
        vec![("KZ-BBB".to_string(), 1), ("KZ-CCC".to_string(), 2), ("KZ-AAA".to_string(), 3)]
    );
}

#[test]
fn equal_values_share_a_rank() {
    let units: Vec<UnitValue> = [("A", 5.0), ("B", 7.0), ("C", 5.0), ("D", 1.0)]
        .iter()
        .map(|(c, v)| UnitValue {
            code: c.to_string(),
            value_code: c.to_string(),
            value: Some(*v),
            origin: Some(ValueOrigin::Reported),
        })
        .collect();
    let ranks: Vec<(String, usize)> =
        series::ranking_of(&units).into_iter().map(|r| (r.code, r.rank)).collect();
    let expected = [("B", 1), ("A", 2), ("C", 2), ("D", 4)];
    assert_eq!(ranks, expected.map(|(c, r)| (c.to_string(), r)));
}

#[test]
fn national_series_uses_kz_rows_and_computes_missing_years_from_all_regions() {
    let ds = dataset();
    // 2020 reported (400); 2022 has no KZ row: 110 + 200 + 120.
    assert_eq!(national_series(&ds, "pop"), vec![(2020, 400.0), (2022, 430.0)]);
    // No KZ row at all: 50 + 120 in 2020, 60 + 100 + 30 in 2022.
    assert_eq!(national_series(&ds, "grp"), vec![(2020, 170.0), (2022, 190.0)]);
    // A ratio nationally is recomputed too: 170 / 400 × 1000 = 425 in 2020 and 190 / 430 × 1000 in 2022.
    let gpc = national_series(&ds, "gpc");
    assert_eq!(gpc.len(), 2);
    assert_eq!(gpc[0], (2020, 425.0));
    assert!((gpc[1].1 - 190.0 / 430.0 * 1000.0).abs() < 1e-9);
}

#[test]
fn national_value_is_left_out_when_a_region_is_missing() {
    let mut ds = dataset();
    ds.values.retain(|v| !(v.indicator == "grp" && v.region_code == "KZ-CCC"));
    assert_eq!(national_series(&ds, "grp"), vec![(2020, 170.0)]);
}

#[test]
fn median_series_takes_the_middle_of_the_reported_units() {
    let ds = dataset();
    assert_eq!(median_series(&ds, "pop"), vec![(2020, 200.0), (2022, 120.0)]);
}

#[test]
fn region_series_follows_one_territory_and_never_borrows_a_predecessors_value() {
    let ds = dataset();
    assert_eq!(region_series(&ds, "KZ-BBB@2018", "pop"), vec![(2020, 300.0), (2022, 320.0)]);
    assert_eq!(region_series(&ds, "KZ-BBB", "pop"), vec![(2022, 200.0)]);
    assert_eq!(region_series(&ds, "KZ-AAA", "unemp"), vec![(2020, 5.0), (2022, 4.0)]);
    assert_eq!(unit_value(&ds, "pop", "KZ-BBB@2018", 2022), Some(320.0));
}

#[test]
fn a_cyclic_lineage_in_a_file_does_not_hang() {
    let mut ds = dataset();
    ds.lineage.push(crate::model::Lineage {
        predecessor: "KZ-BBB".to_string(),
        successors: vec!["KZ-BBB@2018".to_string()],
        year: 2023,
        date: None,
    });
    assert_eq!(unit_value(&ds, "pop", "KZ-BBB", 2021), None);
    let view = view_values(&ds, "pop", 2021, BoundaryMode::Current).unwrap();
    assert!(view.is_empty());
}

/// The same rules on the real default dataset (numbers from assets/facts/region_indicators.csv).
mod default_data {
    use super::super::fixture::default_dataset;
    use super::*;

    #[test]
    fn statistics_switch_edition_per_indicator_in_2021() {
        let ds = default_dataset();
        // GRP 2021 was recomputed on the 2022 boundaries; population 2021 is on the 2018 ones.
        assert_eq!(reported_edition(ds, "grp", 2021).map(|e| e.key.as_str()), Some("2022"));
        assert_eq!(reported_edition(ds, "population", 2021).map(|e| e.key.as_str()), Some("2018"));
        assert_eq!(reported_edition(ds, "grp", 2015).map(|e| e.key.as_str()), Some("2010"));
        // Unemployment 2010 is reported for Turkistan and Shymkent (back-estimates): 2018 units.
        let unemployment_2010 = reported_edition(ds, "unemployment_rate", 2010);
        assert_eq!(unemployment_2010.map(|e| e.key.as_str()), Some("2018"));
    }

    #[test]
    fn ratio_of_east_kazakhstan_2018_in_2022_is_recomputed_from_grp_and_population() {
        let ds = default_dataset();
        let old = ds.edition("2018").unwrap();
        let values = edition_values(ds, "grp_per_capita", 2022, old);
        let vos = values.unit("KZ-VOS@2018").unwrap();
        // (3,916,818.1 + 2,383,753.4) million KZT / (732,966 + 611,888) persons × 1000;
        // the per-capita values 5,353.8 and 3,901.1 would sum to 9,254.9.
        let expected = (3_916_818.1 + 2_383_753.4) / (732_966.0 + 611_888.0) * 1000.0;
        assert!((vos.value.unwrap() - expected).abs() < 1e-6);
        assert!((vos.value.unwrap() - 4684.948).abs() < 1e-3);
        assert_eq!(
            vos.origin,
            Some(ValueOrigin::FromParts { parts: vec!["KZ-VOS".into(), "KZ-ABY".into()] })
        );
    }

    #[test]
    fn national_investment_is_summed_only_in_years_every_region_reported() {
        let ds = default_dataset();
        let series = national_series(ds, "investment_fixed_capital");
        let years: Vec<i32> = series.iter().map(|(y, _)| *y).collect();
        // 2019 and 2023 miss a region (Shymkent 2019, Karaganda 2023); earlier years several.
        assert_eq!(years, [2020, 2021, 2022, 2024]);
        let expected = [12_322_652.24, 13_221_446.157, 15_122_688.509, 19_374_965.647];
        for ((_, got), want) in series.iter().zip(expected) {
            assert!((got - want).abs() < 1e-3, "{got} vs {want}");
        }
    }

    #[test]
    fn national_population_comes_from_the_kz_rows_and_the_median_from_the_regions() {
        let ds = default_dataset();
        let national = national_series(ds, "population");
        assert!(national.contains(&(2023, 19_766_807.0)));
        let median = median_series(ds, "population");
        assert!(median.contains(&(2023, 810_130.0)));
        assert_eq!(region_series(ds, "KZ-AKM", "population").last(), Some(&(2023, 788_023.0)));
    }
}
