//! The typology against numbers computed by hand on a four-region lattice, and on the shipped
//! data (which regions lack which component, the default year, the spatial statistics).

use super::*;
use crate::analysis::fixture::default_dataset;
use crate::analysis::neighbours::Neighbours;

/// Two components over four regions: `a` (higher is better, weight 1) = 10, 20, 30, 40 and `b`
/// (lower is better, weight 3) = 5, —, 1, 3.
///
/// By hand, min–max: a → 0, ⅓, ⅔, 1; b → 1 − (x − 1)/4 = 0, —, 1, ½. With rescaled weights
/// (¼, ¾; region 1 has only `a`, weight 1): index 0, ⅓, ¼·⅔ + ¾·1 = 11/12, ¼·1 + ¾·½ = 5/8.
/// Mean 0.46875, sd (divisor n) 0.34026: cuts 0.29862 and 0.63888 → low, medium, high, medium.
fn lattice() -> (Vec<Component>, Vec<Vec<Option<f64>>>) {
    let components = vec![
        Component { indicator: "a".into(), direction: Direction::HigherIsBetter, weight: 1.0 },
        Component { indicator: "b".into(), direction: Direction::LowerIsBetter, weight: 3.0 },
    ];
    let raw = vec![
        vec![Some(10.0), Some(20.0), Some(30.0), Some(40.0)],
        vec![Some(5.0), None, Some(1.0), Some(3.0)],
    ];
    (components, raw)
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn lattice_index_contributions_classes_and_ranks_match_the_hand_computation() {
    let (components, raw) = lattice();
    let Ok(s) = score(
        &components,
        &raw,
        Normalisation::MinMax,
        Classification::ThreeClass,
        MissingRule::RescaleWeights,
    ) else {
        panic!("refused")
    };
    let index: Vec<Option<f64>> = s.regions.iter().map(|r| r.index).collect();
    for (got, want) in index.iter().zip([0.0, 1.0 / 3.0, 11.0 / 12.0, 5.0 / 8.0]) {
        assert!(close(*got, want), "{got:?} vs {want}");
    }
    let Some(r2) = s.regions.get(2) else { panic!("no region 2") };
    assert!(close(r2.components[0].normalised, 2.0 / 3.0));
    assert!(close(r2.components[0].weight, 0.25));
    assert!(close(r2.components[0].contribution, 1.0 / 6.0));
    assert!(close(r2.components[1].contribution, 0.75));
    let Some(r1) = s.regions.get(1) else { panic!("no region 1") };
    assert_eq!(r1.missing, vec!["b".to_string()]);
    assert!(close(r1.components[0].weight, 1.0));
    assert_eq!(r1.components[1].contribution, None);
    let classes: Vec<Option<usize>> = s.regions.iter().map(|r| r.class).collect();
    assert_eq!(classes, vec![Some(0), Some(1), Some(2), Some(1)]);
    let ranks: Vec<Option<usize>> = s.regions.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, vec![Some(4), Some(3), Some(1), Some(2)]);
    assert!((s.classes.cuts[0] - 0.298_619_969_051_447_16).abs() < 1e-12);
    assert!((s.classes.cuts[1] - 0.638_880_030_948_552_8).abs() < 1e-12);
}

#[test]
fn insufficient_data_rule_leaves_the_incomplete_region_without_index() {
    let (components, raw) = lattice();
    let Ok(s) = score(
        &components,
        &raw,
        Normalisation::MinMax,
        Classification::Quantiles(3),
        MissingRule::InsufficientData,
    ) else {
        panic!("refused")
    };
    let index: Vec<Option<f64>> = s.regions.iter().map(|r| r.index).collect();
    assert_eq!(index[1], None);
    assert!(close(index[2], 11.0 / 12.0));
    assert_eq!(s.regions[1].class, None);
    assert_eq!(s.regions[1].rank, None);
    assert_eq!(s.regions[1].components[0].contribution, None);
    // Three regions in three quantile classes: 0 < 5/8 < 11/12.
    let classes: Vec<Option<usize>> = s.regions.iter().map(|r| r.class).collect();
    assert_eq!(classes, vec![Some(0), None, Some(2), Some(1)]);
}

#[test]
fn z_score_index_is_the_weighted_mean_of_signed_z_values() {
    // a: mean 25, sd √125 → z = −1.342, −0.447, 0.447, 1.342. b over 5, 1, 3: mean 3,
    // sd √(8/3) → −z = −1.225, 1.225, 0 (lower is better).
    let (components, raw) = lattice();
    let Ok(s) = score(
        &components,
        &raw,
        Normalisation::ZScore,
        Classification::ThreeClass,
        MissingRule::RescaleWeights,
    ) else {
        panic!("refused")
    };
    let want = [
        -1.253_968_850_168_66,
        -0.447_213_595_499_957_9,
        1.030_362_052_418_681_2,
        0.335_410_196_624_968_46,
    ];
    for (r, w) in s.regions.iter().zip(want) {
        assert!(close(r.index, w), "{:?} vs {w}", r.index);
    }
}

#[test]
fn equal_indices_share_a_rank() {
    let components = vec![Component {
        indicator: "a".into(),
        direction: Direction::HigherIsBetter,
        weight: 1.0,
    }];
    let raw = vec![vec![Some(1.0), Some(3.0), Some(3.0), Some(2.0)]];
    let Ok(s) = score(
        &components,
        &raw,
        Normalisation::MinMax,
        Classification::ThreeClass,
        MissingRule::RescaleWeights,
    ) else {
        panic!("refused")
    };
    let ranks: Vec<Option<usize>> = s.regions.iter().map(|r| r.rank).collect();
    assert_eq!(ranks, vec![Some(4), Some(1), Some(1), Some(3)]);
}

#[test]
fn invalid_definitions_are_refused_with_the_reason() {
    let (mut components, raw) = lattice();
    let run = |c: &[Component]| {
        score(
            c,
            &raw,
            Normalisation::MinMax,
            Classification::ThreeClass,
            MissingRule::RescaleWeights,
        )
    };
    components[1].weight = -1.0;
    assert_eq!(
        run(&components).map(|_| ()),
        Err(TypologyError::BadWeight { indicator: "b".into(), weight: -1.0 })
    );
    components[0].weight = 0.0;
    components[1].weight = 0.0;
    assert_eq!(run(&components).map(|_| ()), Err(TypologyError::ZeroWeights));
    assert_eq!(run(&[]).map(|_| ()), Err(TypologyError::NoComponents));
    let (components, raw) = lattice();
    let one_class = score(
        &components,
        &raw,
        Normalisation::MinMax,
        Classification::KMeans(1),
        MissingRule::RescaleWeights,
    );
    assert_eq!(one_class.map(|_| ()), Err(TypologyError::BadClassCount { classes: 1 }));
}

#[test]
fn default_typology_on_the_shipped_data_is_for_2022_with_five_equal_components() {
    let ds = default_dataset();
    let t = Typology::default_for(ds);
    assert_eq!(t.state, TypologyState::Year(2022));
    let keys: Vec<&str> = t.components.iter().map(|c| c.indicator.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "grp_per_capita",
            INVESTMENT_PER_CAPITA,
            EMPLOYMENT_RATE,
            POPULATION_CHANGE,
            "unemployment_rate"
        ]
    );
    assert!(t.components.iter().all(|c| c.weight == 1.0));
    assert_eq!(t.components[4].direction, Direction::LowerIsBetter);
    assert_eq!(t.missing, MissingRule::RescaleWeights);
}

#[test]
fn default_typology_lists_what_each_region_lacks() {
    let ds = default_dataset();
    let Ok(result) = compute(ds, &Typology::default_for(ds)) else { panic!("not computed") };
    assert_eq!(result.regions.len(), 20);
    let lacking: Vec<(&str, Vec<&str>)> = result
        .regions
        .iter()
        .filter(|r| !r.missing.is_empty())
        .map(|r| (r.code.as_str(), r.missing.iter().map(String::as_str).collect()))
        .collect();
    // Employment: no employed/labour force for Almaty Region and Ulytau, no labour force for
    // Kyzylorda in 2022. Population change: regions whose current extent dates from 2022 have
    // no earlier population on the current boundaries.
    assert_eq!(
        lacking,
        vec![
            ("KZ-ABY", vec![POPULATION_CHANGE]),
            ("KZ-ALM", vec![EMPLOYMENT_RATE, POPULATION_CHANGE]),
            ("KZ-KAR", vec![POPULATION_CHANGE]),
            ("KZ-KZY", vec![EMPLOYMENT_RATE]),
            ("KZ-ULT", vec![EMPLOYMENT_RATE, POPULATION_CHANGE]),
            ("KZ-VOS", vec![POPULATION_CHANGE]),
            ("KZ-ZHT", vec![POPULATION_CHANGE]),
        ]
    );
    assert!(result.regions.iter().all(|r| r.index.is_some() && r.class.is_some()));
}

#[test]
fn derived_components_are_computed_from_their_parts_on_the_current_boundaries() {
    let ds = default_dataset();
    let Ok(result) = compute(ds, &Typology::default_for(ds)) else { panic!("not computed") };
    let Some(aty) = result.region("KZ-ATY") else { panic!("no Atyrau") };
    // Computed 20,147.6 thousand KZT, not the reported 19,974.1 (which divides by the mean
    // annual population).
    let grp = ds.value("KZ-ATY", "grp", 2022);
    let population = ds.value("KZ-ATY", "population", 2022);
    let (Some(grp), Some(population)) = (grp, population) else { panic!("no parts") };
    assert!(close(aty.components[0].raw, grp / population * 1000.0));
    let employed = ds.value("KZ-ATY", "employed", 2022);
    let labour = ds.value("KZ-ATY", "labour_force", 2022);
    let (Some(employed), Some(labour)) = (employed, labour) else { panic!("no parts") };
    assert!(close(aty.components[2].raw, employed / labour * 100.0));
    // Population change of Atyrau: 2010–2022, average annual %.
    let p2010 = ds.value("KZ-ATY", "population", 2010);
    let Some(p2010) = p2010 else { panic!("no 2010 population") };
    assert!(close(aty.components[3].raw, ((population / p2010).powf(1.0 / 12.0) - 1.0) * 100.0));
    let spans = &result.population_spans;
    let Some(i) = result.regions.iter().position(|r| r.code == "KZ-SHY") else { panic!() };
    assert_eq!(spans.get(i).copied().flatten(), Some((2018, 2022)));
}

#[test]
fn unknown_indicator_year_without_data_and_unknown_scenario_are_named() {
    let ds = default_dataset();
    let mut t = Typology::default_for(ds);
    t.components[0].indicator = "gdp".into();
    let Err(TypologyError::UnknownIndicator { key, known }) = compute(ds, &t) else {
        panic!("accepted an unknown key")
    };
    assert_eq!(key, "gdp");
    assert!(known.contains(&"grp_per_capita".to_string()));
    assert!(known.contains(&EMPLOYMENT_RATE.to_string()));
    let mut t = Typology::default_for(ds);
    t.state = TypologyState::Year(1990);
    assert!(matches!(
        compute(ds, &t),
        Err(TypologyError::YearWithoutData { year: 1990, ref years }) if years.contains(&2022)
    ));
    t.state = TypologyState::Scenario { scenario_id: 999, year: 2030 };
    assert!(matches!(compute(ds, &t), Err(TypologyError::UnknownScenario { id: 999, .. })));
}

#[test]
fn scenario_state_reads_the_projection_of_the_horizon_year() {
    let mut ds = default_dataset().clone();
    ds.scenarios = crate::scenario::default_scenarios(&ds);
    let Some(scenario) = ds.scenarios.first().cloned() else { panic!("no scenario") };
    let mut t = Typology::default_for(&ds);
    t.state = TypologyState::Scenario { scenario_id: scenario.id, year: scenario.horizon };
    let Ok(result) = compute(&ds, &t) else { panic!("not computed") };
    let projection = crate::scenario::project(&ds, &scenario);
    let Some(ast) = result.region("KZ-AST") else { panic!("no Astana") };
    let grp = projection.value("KZ-AST", "grp", scenario.horizon);
    let population = projection.value("KZ-AST", "population", scenario.horizon);
    let (Some(grp), Some(population)) = (grp, population) else { panic!("no projection") };
    assert!(close(ast.components[0].raw, grp / population * 1000.0));
    // Projected employment and unemployment make every region complete but population change
    // (measured from the base year) and the rest are there.
    assert!(result.regions.iter().all(|r| r.index.is_some()));
    t.state = TypologyState::Scenario { scenario_id: scenario.id, year: scenario.horizon + 1 };
    assert!(matches!(compute(&ds, &t), Err(TypologyError::YearOutsideScenario { .. })));
}

#[test]
fn index_autocorrelation_of_the_default_typology_is_reproducible() {
    let ds = default_dataset();
    let Ok(result) = compute(ds, &Typology::default_for(ds)) else { panic!("not computed") };
    let Some(edition) = ds.current_edition() else { panic!("no edition") };
    let graph = Neighbours::build(edition);
    let first = index_autocorrelation(&result, &graph, 999, 1);
    assert_eq!(first, index_autocorrelation(&result, &graph, 999, 1));
    let Ok(auto) = first else { panic!("no statistics") };
    assert_eq!(auto.global.n, 20);
    assert!((auto.global.expected + 1.0 / 19.0).abs() < 1e-15);
    assert_eq!(auto.local.len(), 20);
    assert!(auto.local.iter().all(Option::is_some));
}

#[test]
fn class_labels_in_three_languages() {
    let m = Classification::ThreeClass;
    assert_eq!(class_label(m, 2, 3, Lang::Kk), "Жоғары әлеует");
    assert_eq!(class_label(m, 1, 3, Lang::Ru), "Средний потенциал");
    assert_eq!(class_label(m, 0, 3, Lang::En), "Low potential");
    assert_eq!(class_label(Classification::NaturalBreaks(5), 0, 5, Lang::En), "class 1 of 5");
    assert_eq!(insufficient_data_label(Lang::Kk), "Деректер жеткіліксіз");
}

#[test]
fn default_typology_matches_an_independent_computation_from_the_csv() {
    // A Python script (standard library only) reading assets/facts/region_indicators.csv and
    // the vertices of kz_adm1_2024.geojson directly: ranks, indices, classes, Moran's I.
    let ds = default_dataset();
    let Ok(result) = compute(ds, &Typology::default_for(ds)) else { panic!("not computed") };
    let order: Vec<&str> = {
        let mut ranked: Vec<&RegionScore> = result.regions.iter().collect();
        ranked.sort_by_key(|r| r.rank);
        ranked.iter().map(|r| r.code.as_str()).collect()
    };
    assert_eq!(&order[..5], &["KZ-ATY", "KZ-AST", "KZ-KAR", "KZ-ULT", "KZ-VOS"]);
    assert_eq!(order.last(), Some(&"KZ-ZHT"));
    assert!(close(result.region("KZ-ATY").and_then(|r| r.index), 0.666_659_180_507_555_8));
    assert!(close(result.region("KZ-ZHT").and_then(|r| r.index), 0.055_852_469_906_649_924));
    let count = |class| result.regions.iter().filter(|r| r.class == Some(class)).count();
    assert_eq!((count(0), count(1), count(2)), (7, 9, 4));
    let Some(edition) = ds.current_edition() else { panic!("no edition") };
    let Ok(auto) = index_autocorrelation(&result, &Neighbours::build(edition), 0, 1) else {
        panic!("no statistics")
    };
    assert!((auto.global.i - -0.143_861_854_497_287_28).abs() < 1e-12);
    assert!((auto.global.z_rand - -0.542_158_826_426_587_6).abs() < 1e-9);
    assert!((auto.global.z_norm - -0.537_310_548_501_367_1).abs() < 1e-9);
}
