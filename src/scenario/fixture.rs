//! A small hand-made dataset for the engine's tests, with numbers simple enough to project by
//! hand.
//!
//! Editions `2018` (valid 2018–2022: `KZ-AAA`, `KZ-OLD@2018`) and `2022` (current: `KZ-AAA`,
//! `KZ-BBB`, `KZ-CCC`); `KZ-OLD@2018` was split into `KZ-BBB` and `KZ-CCC` in 2022.
//!
//! | indicator | 2020 (2018 units) | 2021 | 2022 (current units) |
//! |---|---|---|---|
//! | population | AAA 1000, OLD 2000, KZ 3000 | — | AAA 1210, BBB 1320, CCC 885 |
//! | grp | AAA 100, OLD 400 | — | AAA 121, BBB 300, CCC 141 |
//! | employed | — | — | AAA 500, BBB 600, KZ 1300 (CCC unknown) |
//! | labour_force | — | — | AAA 550, BBB 650 |
//! | investment_fixed_capital | — | AAA 50 | BBB 80, CCC 20 |
//!
//! So over 2020–2022 AAA grows 10 % a year and OLD (BBB + CCC) 5 % a year in both population and
//! GRP. Growth points: a first-level one in AAA, a third-level one in CCC. Projects: P-1 in BBB
//! (operating), P-2 in AAA (planned), P-3 in CCC (planned).

use geo::{MultiPolygon, Rect, coord};

use super::keys;
use crate::model::{
    Aggregation, Assumptions, BoundaryEdition, Dataset, EditionUnit, GrowthLevel, GrowthPoint,
    IndicatorDef, IndicatorValue, Lineage, LocationBasis, LonLat, Names, Project, ProjectStatus,
    Region, RegionKind, Scenario, ScenarioKind, Sector,
};

fn square(west: f64, east: f64) -> MultiPolygon<f64> {
    let rect = Rect::new(coord! { x: west, y: 45.0 }, coord! { x: east, y: 47.0 });
    MultiPolygon::new(vec![rect.to_polygon()])
}

fn region(code: &str, valid_to: Option<i32>) -> Region {
    Region {
        code: code.to_owned(),
        names: Names::new(format!("{code} kk"), format!("{code} ru"), format!("{code} en")),
        kind: RegionKind::Oblast,
        admin_center: None,
        admin_center_location: None,
        kato: None,
        valid_from: None,
        valid_to,
    }
}

fn unit(code: &str, geometry: MultiPolygon<f64>) -> EditionUnit {
    EditionUnit { region_code: code.to_owned(), geometry, area_km2: 0.0 }
}

fn indicator(key: &str, aggregation: Aggregation, higher_is_better: bool) -> IndicatorDef {
    IndicatorDef {
        key: key.to_owned(),
        names: Names::new(format!("{key} kk"), format!("{key} ru"), format!("{key} en")),
        unit: Names::new("бірлік", "ед.", "units"),
        aggregation,
        higher_is_better,
        decimals: 1,
    }
}

pub(super) fn value(code: &str, year: i32, indicator: &str, value: f64) -> IndicatorValue {
    IndicatorValue {
        region_code: code.to_owned(),
        year,
        indicator: indicator.to_owned(),
        value,
        source: "hand-made".to_owned(),
        note: String::new(),
    }
}

fn project(code: &str, region: &str, year: Option<i32>, status: ProjectStatus) -> Project {
    Project {
        code: code.to_owned(),
        names: Names::new(code, code, code),
        company: String::new(),
        sector: Sector::Other,
        sector_detail: String::new(),
        region_code: region.to_owned(),
        location: LonLat::new(61.0, 46.0),
        location_basis: LocationBasis::RegionCentre,
        year,
        investment: None,
        jobs: Some(100),
        capacity: String::new(),
        status,
        status_detail: String::new(),
        source: "hand-made".to_owned(),
        notes: String::new(),
    }
}

fn growth_point(id: i64, region: &str, level: GrowthLevel) -> GrowthPoint {
    GrowthPoint {
        id,
        names: Names::new("town", "town", "town"),
        region_code: region.to_owned(),
        location: None,
        population: None,
        population_year: None,
        level: Some(level),
        is_monotown: false,
        status: String::new(),
        source: "hand-made".to_owned(),
    }
}

/// The codes of the current regions, in edition order.
pub(super) const CURRENT: [&str; 3] = ["KZ-AAA", "KZ-BBB", "KZ-CCC"];

/// The dataset described in the module text, without values.
pub(super) fn skeleton() -> Dataset {
    Dataset {
        regions: vec![
            region("KZ-AAA", None),
            region("KZ-BBB", None),
            region("KZ-CCC", None),
            region("KZ-OLD@2018", Some(2022)),
        ],
        editions: vec![
            BoundaryEdition {
                key: "2018".to_owned(),
                names: Names::new("2018", "2018", "2018"),
                valid_from: Some(2018),
                valid_to: Some(2022),
                units: vec![
                    unit("KZ-AAA", square(60.0, 62.0)),
                    unit("KZ-OLD@2018", square(62.0, 64.0)),
                ],
            },
            BoundaryEdition {
                key: "2022".to_owned(),
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
            predecessor: "KZ-OLD@2018".to_owned(),
            successors: vec!["KZ-BBB".to_owned(), "KZ-CCC".to_owned()],
            year: 2022,
            date: None,
        }],
        indicators: vec![
            indicator(keys::POPULATION, Aggregation::Additive, true),
            indicator(keys::GRP, Aggregation::Additive, true),
            indicator(
                "grp_per_capita",
                Aggregation::Ratio {
                    numerator: keys::GRP.to_owned(),
                    denominator: keys::POPULATION.to_owned(),
                    scale: 1000.0,
                },
                true,
            ),
            indicator(keys::EMPLOYED, Aggregation::Additive, true),
            indicator(keys::LABOUR_FORCE, Aggregation::Additive, true),
            indicator(
                keys::UNEMPLOYMENT_RATE,
                Aggregation::WeightedMean { weight: keys::LABOUR_FORCE.to_owned() },
                false,
            ),
            indicator(keys::INVESTMENT, Aggregation::Additive, true),
        ],
        values: Vec::new(),
        growth_points: vec![
            growth_point(1, "KZ-AAA", GrowthLevel::First),
            growth_point(2, "KZ-CCC", GrowthLevel::Third),
        ],
        projects: vec![
            project("P-1", "KZ-BBB", Some(2021), ProjectStatus::Operating),
            project("P-2", "KZ-AAA", None, ProjectStatus::Planned),
            project("P-3", "KZ-CCC", None, ProjectStatus::Planned),
        ],
        corridors: Vec::new(),
        scenarios: Vec::new(),
        slides: Vec::new(),
        typologies: Vec::new(),
    }
}

/// The dataset described in the module text.
pub(super) fn dataset() -> Dataset {
    let rows = [
        ("KZ-AAA", 2020, keys::POPULATION, 1000.0),
        ("KZ-OLD@2018", 2020, keys::POPULATION, 2000.0),
        ("KZ", 2020, keys::POPULATION, 3000.0),
        ("KZ-AAA", 2022, keys::POPULATION, 1210.0),
        ("KZ-BBB", 2022, keys::POPULATION, 1320.0),
        ("KZ-CCC", 2022, keys::POPULATION, 885.0),
        ("KZ-AAA", 2020, keys::GRP, 100.0),
        ("KZ-OLD@2018", 2020, keys::GRP, 400.0),
        ("KZ-AAA", 2022, keys::GRP, 121.0),
        ("KZ-BBB", 2022, keys::GRP, 300.0),
        ("KZ-CCC", 2022, keys::GRP, 141.0),
        ("KZ-AAA", 2022, keys::EMPLOYED, 500.0),
        ("KZ-BBB", 2022, keys::EMPLOYED, 600.0),
        ("KZ", 2022, keys::EMPLOYED, 1300.0),
        ("KZ-AAA", 2022, keys::LABOUR_FORCE, 550.0),
        ("KZ-BBB", 2022, keys::LABOUR_FORCE, 650.0),
        ("KZ-AAA", 2021, keys::INVESTMENT, 50.0),
        ("KZ-BBB", 2022, keys::INVESTMENT, 80.0),
        ("KZ-CCC", 2022, keys::INVESTMENT, 20.0),
    ];
    Dataset { values: rows.iter().map(|(c, y, i, v)| value(c, *y, i, *v)).collect(), ..skeleton() }
}

/// An empty custom scenario over `base_year..=horizon` (no growth, no projects).
pub(super) fn blank(base_year: i32, horizon: i32) -> Scenario {
    Scenario {
        id: 1,
        name: Names::new("сынақ", "тест", "test"),
        kind: ScenarioKind::Custom,
        base_year,
        horizon,
        description: Names::default(),
        assumptions: Assumptions::default(),
    }
}
