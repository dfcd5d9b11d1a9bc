//! A small hand-made dataset for tests, with numbers simple enough to check by hand.
//!
//! Two editions: `2018` (valid 2018–2022: units `KZ-AAA`, `KZ-BBB@2018`) and `2022` (current:
//! `KZ-AAA`, `KZ-BBB`, `KZ-CCC`); `KZ-BBB@2018` was split into `KZ-BBB` and `KZ-CCC` in 2022. Units
//! are lon/lat squares: AAA 60–62°E, BBB 62–63°E, CCC 63–64°E, BBB@2018 62–64°E, all 45–47°N.
//!
//! | indicator | 2020 (2018 units) | 2022 (current units) |
//! |---|---|---|
//! | pop (additive) | AAA 100, BBB@2018 300, KZ 400 | AAA 110, BBB 200, CCC 120 |
//! | grp (additive) | AAA 50, BBB@2018 120 | AAA 60, BBB 100, CCC 30 |
//! | gpc = grp/pop × 1000 | AAA 500, BBB@2018 400 | BBB 500, CCC 250 |
//! | unemp (weighted by lf) | AAA 5, BBB@2018 6 | AAA 4, BBB 5, CCC 8 |
//! | lf (additive) | — | AAA 60, BBB 100, CCC 50 |
//!
//! In 2021 (`inv`, additive): BBB@2018 70 and BBB 40 (a sibling reported on new units while
//! CCC has nothing), AAA 10.

use geo::{MultiPolygon, Rect, coord};

use crate::model::{
    Aggregation, BoundaryEdition, Dataset, EditionUnit, GrowthLevel, GrowthPoint, IndicatorDef,
    IndicatorValue, Lineage, LocationBasis, LonLat, Names, Project, ProjectStatus, Region,
    RegionKind, Sector,
};

fn square(west: f64, east: f64) -> MultiPolygon<f64> {
    let rect = Rect::new(coord! { x: west, y: 45.0 }, coord! { x: east, y: 47.0 });
    MultiPolygon::new(vec![rect.to_polygon()])
}

fn region(code: &str, en: &str, valid_from: Option<i32>, valid_to: Option<i32>) -> Region {
    Region {
        code: code.to_string(),
        names: Names::new(format!("{en} облысы"), format!("{en} область"), format!("{en} Region")),
        kind: RegionKind::Oblast,
        admin_center: None,
        admin_center_location: None,
        kato: None,
        valid_from,
        valid_to,
    }
}

fn unit(code: &str, geometry: MultiPolygon<f64>) -> EditionUnit {
    EditionUnit { region_code: code.to_string(), geometry, area_km2: 0.0 }
}

fn indicator(key: &str, aggregation: Aggregation, higher_is_better: bool) -> IndicatorDef {
    IndicatorDef {
        key: key.to_string(),
        names: Names::new(format!("{key} kk"), format!("{key} ru"), format!("{key} en")),
        unit: Names::new("бірлік", "ед.", "units"),
        aggregation,
        higher_is_better,
        decimals: 1,
    }
}

fn value(code: &str, year: i32, indicator: &str, value: f64) -> IndicatorValue {
    IndicatorValue {
        region_code: code.to_string(),
        year,
        indicator: indicator.to_string(),
        value,
        source: "hand-made".to_string(),
        note: String::new(),
    }
}

/// The dataset described in the module text.
pub(crate) fn dataset() -> Dataset {
    let values = [
        ("KZ-AAA", 2020, "pop", 100.0),
        ("KZ-BBB@2018", 2020, "pop", 300.0),
        ("KZ", 2020, "pop", 400.0),
        ("KZ-AAA", 2022, "pop", 110.0),
        ("KZ-BBB", 2022, "pop", 200.0),
        ("KZ-CCC", 2022, "pop", 120.0),
        ("KZ-AAA", 2020, "grp", 50.0),
        ("KZ-BBB@2018", 2020, "grp", 120.0),
        ("KZ-AAA", 2022, "grp", 60.0),
        ("KZ-BBB", 2022, "grp", 100.0),
        ("KZ-CCC", 2022, "grp", 30.0),
        ("KZ-AAA", 2020, "gpc", 500.0),
        ("KZ-BBB@2018", 2020, "gpc", 400.0),
        ("KZ-BBB", 2022, "gpc", 500.0),
        ("KZ-CCC", 2022, "gpc", 250.0),
        ("KZ-AAA", 2020, "unemp", 5.0),
        ("KZ-BBB@2018", 2020, "unemp", 6.0),
        ("KZ-AAA", 2022, "unemp", 4.0),
        ("KZ-BBB", 2022, "unemp", 5.0),
        ("KZ-CCC", 2022, "unemp", 8.0),
        ("KZ-AAA", 2022, "lf", 60.0),
        ("KZ-BBB", 2022, "lf", 100.0),
        ("KZ-CCC", 2022, "lf", 50.0),
        ("KZ-AAA", 2021, "inv", 10.0),
        ("KZ-BBB@2018", 2021, "inv", 70.0),
        ("KZ-BBB", 2021, "inv", 40.0),
    ];
    Dataset {
        regions: vec![
            region("KZ-AAA", "Aaa", None, None),
            region("KZ-BBB", "Bbb", Some(2022), None),
            region("KZ-CCC", "Ccc", Some(2022), None),
            region("KZ-BBB@2018", "Old Bbb", None, Some(2022)),
        ],
        editions: vec![
            BoundaryEdition {
                key: "2018".to_string(),
                names: Names::new("2018–2022", "2018–2022", "2018–2022"),
                valid_from: Some(2018),
                valid_to: Some(2022),
                units: vec![
                    unit("KZ-AAA", square(60.0, 62.0)),
                    unit("KZ-BBB@2018", square(62.0, 64.0)),
                ],
            },
            BoundaryEdition {
                key: "2022".to_string(),
                names: Names::new("2022", "2022", "2022"),
                valid_from: Some(2022),
                valid_to: None,
                units: vec![
                    unit("KZ-AAA", square(60.0, 62.0)),
                    unit("KZ-BBB", square(62.0, 63.0)),
                    unit("KZ-CCC", square(63.0, 64.0)),
                ],
            },
        ],
        lineage: vec![Lineage {
            predecessor: "KZ-BBB@2018".to_string(),
            successors: vec!["KZ-BBB".to_string(), "KZ-CCC".to_string()],
            year: 2022,
            date: None,
        }],
        indicators: vec![
            indicator("pop", Aggregation::Additive, true),
            indicator("grp", Aggregation::Additive, true),
            indicator(
                "gpc",
                Aggregation::Ratio {
                    numerator: "grp".to_string(),
                    denominator: "pop".to_string(),
                    scale: 1000.0,
                },
                true,
            ),
            indicator("unemp", Aggregation::WeightedMean { weight: "lf".to_string() }, false),
            indicator("lf", Aggregation::Additive, true),
            indicator("inv", Aggregation::Additive, true),
        ],
        values: values.iter().map(|(c, y, i, v)| value(c, *y, i, *v)).collect(),
        growth_points: vec![
            GrowthPoint {
                id: 1,
                names: Names::new("Үлкенқала", "Большой город", "Bigtown"),
                region_code: "KZ-AAA".to_string(),
                location: Some(LonLat::new(61.0, 46.0)),
                population: Some(500_000),
                population_year: Some(2023),
                level: Some(GrowthLevel::First),
                is_monotown: false,
                status: "regional center".to_string(),
                source: "hand-made".to_string(),
            },
            GrowthPoint {
                id: 2,
                names: Names::new("Моноқала", "Моногород", "Monotown"),
                region_code: "KZ-CCC".to_string(),
                location: Some(LonLat::new(63.5, 46.0)),
                population: Some(20_000),
                population_year: Some(2023),
                level: Some(GrowthLevel::Third),
                is_monotown: true,
                status: "monotown".to_string(),
                source: "hand-made".to_string(),
            },
            GrowthPoint {
                id: 3,
                names: Names::new("Белгісіз", "Неизвестный", "Nowhere"),
                region_code: "KZ-BBB".to_string(),
                location: None,
                population: Some(30_000),
                population_year: Some(2023),
                level: None,
                is_monotown: false,
                status: String::new(),
                source: "hand-made".to_string(),
            },
        ],
        projects: vec![Project {
            code: "P-1".to_string(),
            names: Names::new("Күн станциясы", "Солнечная станция", "Solar plant"),
            company: String::new(),
            sector: Sector::Energy,
            sector_detail: "solar".to_string(),
            region_code: "KZ-BBB".to_string(),
            location: LonLat::new(62.5, 45.5),
            location_basis: LocationBasis::TownCentre,
            year: Some(2015),
            investment: None,
            jobs: None,
            capacity: String::new(),
            status: ProjectStatus::Operating,
            status_detail: "operating".to_string(),
            source: "hand-made".to_string(),
            notes: String::new(),
        }],
        corridors: Vec::new(),
        scenarios: Vec::new(),
        slides: Vec::new(),
        typologies: Vec::new(),
    }
}

/// The real default dataset (built once per test binary: geometry repair takes a moment).
pub(crate) fn default_dataset() -> &'static Dataset {
    static DATASET: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATASET.get_or_init(|| crate::io::default_dataset::build().expect("the embedded default data"))
}
