//! The default dataset: Kazakhstan's regions, boundary editions, indicators, growth points and
//! projects, built in memory from the CSV and GeoJSON files compiled into the binary
//! (`assets/facts`, `assets/boundaries`; provenance in `assets/SOURCES.md`).
//!
//! Every boundary goes through `spatial::repair`; areas are computed on the repaired
//! full-resolution shapes; the shapes kept are simplified by [`SIMPLIFY_TOLERANCE_DEG`].

use std::collections::HashMap;

use geo::MultiPolygon;
use serde::Deserialize;

use super::geojson::{self, BoundaryFeature};
use super::names::fix_mixed_script;
use super::table::{self, Cell, Row};
use crate::model::{
    Aggregation, BoundaryEdition, Dataset, EditionUnit, GrowthLevel, GrowthPoint, IndicatorDef,
    IndicatorValue, Investment, Lineage, LocationBasis, LonLat, NATIONAL_CODE, Names, Project,
    ProjectStatus, Region, RegionKind, Sector,
};
use crate::spatial;

/// Simplification tolerance for the shipped boundaries, in degrees (`spatial::simplify`,
/// Visvalingam–Whyatt). A 1920-pixel-wide map of the whole country (≈ 2,955 km east–west on the
/// equal-area projection) shows ≈ 1.54 km per pixel; at 0.002° the simplified outlines stay within
/// 730 m (under half a pixel) of the repaired originals everywhere, Almaty city being the worst
/// case, while the vertex count halves (2024 file: 26,149 → 12,646). At 0.005° Almaty city's
/// outline would move by 2.5 km.
pub const SIMPLIFY_TOLERANCE_DEG: f64 = 0.002;

const REGIONS_CSV: &str = "assets/facts/regions.csv";
const LEGACY_CSV: &str = "assets/facts/legacy_regions.csv";
const CITIES_CSV: &str = "assets/facts/cities.csv";
const CITY_NAMES_RU_CSV: &str = "assets/facts/city_names_ru.csv";
const LEVELS_CSV: &str = "assets/facts/growth_point_levels.csv";
const PROJECTS_CSV: &str = "assets/facts/projects.csv";
const PROJECT_NAMES_CSV: &str = "assets/facts/project_names.csv";
const INDICATORS_CSV: &str = "assets/facts/region_indicators.csv";
const BOUNDARIES_2018: &str = "assets/boundaries/kz_adm1_2018.geojson";
const BOUNDARIES_2024: &str = "assets/boundaries/kz_adm1_2024.geojson";

/// The embedded assets, by the path they are reported under.
struct Assets {
    regions: &'static str,
    legacy: &'static str,
    cities: &'static str,
    city_names_ru: &'static str,
    levels: &'static str,
    projects: &'static str,
    project_names: &'static str,
    indicators: &'static str,
    boundaries_2018: &'static str,
    boundaries_2024: &'static str,
}

const ASSETS: Assets = Assets {
    regions: include_str!("../../assets/facts/regions.csv"),
    legacy: include_str!("../../assets/facts/legacy_regions.csv"),
    cities: include_str!("../../assets/facts/cities.csv"),
    city_names_ru: include_str!("../../assets/facts/city_names_ru.csv"),
    levels: include_str!("../../assets/facts/growth_point_levels.csv"),
    projects: include_str!("../../assets/facts/projects.csv"),
    project_names: include_str!("../../assets/facts/project_names.csv"),
    indicators: include_str!("../../assets/facts/region_indicators.csv"),
    boundaries_2018: include_str!("../../assets/boundaries/kz_adm1_2018.geojson"),
    boundaries_2024: include_str!("../../assets/boundaries/kz_adm1_2024.geojson"),
};

/// Why the embedded data could not be turned into a dataset. Every variant names the asset file
/// and the line (CSV) or feature (GeoJSON) at fault.
#[derive(Debug, thiserror::Error)]
pub enum DefaultDataError {
    #[error("{file} line {line}: {message}")]
    Csv { file: &'static str, line: u64, message: String },
    #[error("{file} line {line}, column «{column}»: {problem}")]
    Field { file: &'static str, line: u64, column: &'static str, problem: String },
    #[error("{file} line {line}, column {column}: {message}")]
    Json { file: &'static str, line: usize, column: usize, message: String },
    #[error("{file}, feature {feature}: {problem}")]
    Feature { file: &'static str, feature: usize, problem: String },
    #[error("{file}: {problem}")]
    Inconsistent { file: &'static str, problem: String },
}

/// Builds the default dataset from the embedded assets: 20 current and 4 legacy regions, the
/// boundary editions `2010`, `2018` and `2022` with their lineage, 8 indicators and their values,
/// 50 growth points, 27 projects, and an inertial and a managed scenario built from them
/// (`scenario::default_scenarios`). Pure and deterministic; about 0.1 s in a release build
/// (geometry repair and simplification dominate; the two boundary files are done in parallel).
pub fn build() -> Result<Dataset, DefaultDataError> {
    let cities = read_cities()?;
    let (mut regions, lineage) = read_regions(&cities)?;
    let editions = build_editions(&regions, &lineage)?;
    set_valid_from(&mut regions, &lineage);
    let indicators = indicator_defs();
    let values = read_values(&regions, &indicators)?;
    let growth_points = growth_points(&cities, &regions)?;
    let projects = read_projects(&regions)?;
    let mut dataset = Dataset {
        regions,
        editions,
        lineage,
        indicators,
        values,
        growth_points,
        projects,
        corridors: Vec::new(),
        scenarios: Vec::new(),
        slides: Vec::new(),
        typologies: Vec::new(),
    };
    dataset.scenarios = crate::scenario::default_scenarios(&dataset);
    dataset.slides = crate::scenario::default_slides(&dataset);
    Ok(dataset)
}

// ---------------------------------------------------------------------------------------------
// Cities

#[derive(Deserialize)]
struct CityRow {
    name_en: String,
    name_kk: String,
    name_ru: String,
    region_code: String,
    lat: String,
    lon: String,
    coord_source: String,
    population: String,
    population_date: String,
    population_source: String,
    status: String,
}

#[derive(Deserialize)]
struct CityNameRow {
    name_en: String,
    name_ru: String,
}

/// A town of cities.csv with its names fixed and completed.
struct City {
    line: u64,
    names: Names,
    region_code: String,
    location: Option<LonLat>,
    population: Option<u64>,
    population_year: Option<i32>,
    status: String,
    source: String,
}

fn read_cities() -> Result<Vec<City>, DefaultDataError> {
    let ru_names: HashMap<String, String> =
        table::read::<CityNameRow>(CITY_NAMES_RU_CSV, ASSETS.city_names_ru)?
            .into_iter()
            .map(|row| (row.data.name_en, row.data.name_ru))
            .collect();
    let rows = table::read::<CityRow>(CITIES_CSV, ASSETS.cities)?;
    let mut cities = Vec::with_capacity(rows.len());
    for Row { line, data: c } in rows {
        let cell = |column| Cell { file: CITIES_CSV, line, column };
        let name_ru = if c.name_ru.trim().is_empty() {
            ru_names.get(&c.name_en).cloned().ok_or_else(|| {
                cell("name_ru").error(format!(
                    "no Russian name for «{}» here nor in {CITY_NAMES_RU_CSV}",
                    c.name_en
                ))
            })?
        } else {
            c.name_ru
        };
        let source = [c.population_source.as_str(), c.coord_source.as_str()]
            .into_iter()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        cities.push(City {
            line,
            names: Names::new(fix_mixed_script(&c.name_kk), fix_mixed_script(&name_ru), c.name_en),
            region_code: c.region_code,
            location: cell("lat").opt_lon_lat(&c.lat, &c.lon)?,
            population: cell("population").opt_u64(&c.population)?,
            population_year: cell("population_date").opt_year(&c.population_date)?,
            status: c.status,
            source,
        });
    }
    Ok(cities)
}

// ---------------------------------------------------------------------------------------------
// Regions and lineage

#[derive(Deserialize)]
struct RegionRow {
    code: String,
    name_en: String,
    name_kk: String,
    name_ru: String,
    kind: String,
    admin_center: String,
    center_lat: String,
    center_lon: String,
    established: String,
    kato: String,
}

#[derive(Deserialize)]
struct LegacyRow {
    code: String,
    name_en: String,
    name_kk: String,
    name_ru: String,
    valid_from: String,
    valid_to: String,
    successor_codes: String,
}

/// Administrative centres of the legacy units, which legacy_regions.csv does not list: South
/// Kazakhstan was governed from Shymkent until 2018, Almaty Region from Taldykorgan until 2022.
const LEGACY_CENTRES: [(&str, &str); 4] = [
    ("KZ-YUZ@2010", "Shymkent"),
    ("KZ-VOS@2018", "Oskemen (Ust-Kamenogorsk)"),
    ("KZ-ALM@2018", "Taldykorgan"),
    ("KZ-KAR@2018", "Karaganda"),
];

/// A legacy unit's label: the source appends an explanation in parentheses to the English name
/// ("East Kazakhstan Region (boundaries before 8 Jun 2022, …)"), which is not part of the name.
fn strip_explanation(name: &str) -> String {
    name.split(" (").next().unwrap_or(name).trim().to_owned()
}

fn read_regions(cities: &[City]) -> Result<(Vec<Region>, Vec<Lineage>), DefaultDataError> {
    let city_by_en = |en: &str| cities.iter().find(|c| c.names.en == en);
    let mut regions = Vec::new();
    for Row { line, data: r } in table::read::<RegionRow>(REGIONS_CSV, ASSETS.regions)? {
        let cell = |column| Cell { file: REGIONS_CSV, line, column };
        let kind = match r.kind.as_str() {
            "oblast" => RegionKind::Oblast,
            "city" => RegionKind::City,
            other => {
                return Err(cell("kind").error(format!("«{other}» is neither oblast nor city")));
            }
        };
        let centre = city_by_en(&r.admin_center).ok_or_else(|| {
            cell("admin_center")
                .error(format!("«{}» is not a name_en of {CITIES_CSV}", r.admin_center))
        })?;
        let established = cell("established").opt_year(&r.established)?;
        regions.push(Region {
            code: r.code,
            names: Names::new(
                fix_mixed_script(&r.name_kk),
                fix_mixed_script(&r.name_ru),
                r.name_en,
            ),
            kind,
            admin_center: Some(centre.names.clone()),
            admin_center_location: cell("center_lat").opt_lon_lat(&r.center_lat, &r.center_lon)?,
            kato: Some(r.kato).filter(|k| !k.trim().is_empty()),
            valid_from: established,
            valid_to: None,
        });
    }

    let mut lineage = Vec::new();
    for Row { line, data: r } in table::read::<LegacyRow>(LEGACY_CSV, ASSETS.legacy)? {
        let cell = |column| Cell { file: LEGACY_CSV, line, column };
        let valid_to = cell("valid_to").year(&r.valid_to)?;
        let successors: Vec<String> =
            r.successor_codes.split(';').map(|s| s.trim().to_owned()).collect();
        if let Some(unknown) = successors.iter().find(|s| !regions.iter().any(|g| &g.code == *s)) {
            return Err(cell("successor_codes")
                .error(format!("«{unknown}» is not a region of {REGIONS_CSV}")));
        }
        let centre = LEGACY_CENTRES
            .iter()
            .find(|(code, _)| *code == r.code)
            .and_then(|(_, centre)| city_by_en(centre));
        lineage.push(Lineage {
            predecessor: r.code.clone(),
            successors,
            year: valid_to,
            date: Some(r.valid_to.trim().to_owned()).filter(|d| d.len() == 10),
        });
        regions.push(Region {
            code: r.code,
            names: Names::new(
                fix_mixed_script(&r.name_kk),
                fix_mixed_script(&r.name_ru),
                strip_explanation(&r.name_en),
            ),
            kind: RegionKind::Oblast,
            admin_center: centre.map(|c| c.names.clone()),
            admin_center_location: centre.and_then(|c| c.location),
            kato: None,
            valid_from: cell("valid_from").opt_year(&r.valid_from)?,
            valid_to: Some(valid_to),
        });
    }
    Ok((regions, lineage))
}

/// A unit that came out of a reform exists in its present extent since that reform (Karaganda
/// Region lost Ulytau in 2022, so its present extent dates from 2022).
fn set_valid_from(regions: &mut [Region], lineage: &[Lineage]) {
    for region in regions.iter_mut() {
        let reform =
            lineage.iter().filter(|l| l.successors.contains(&region.code)).map(|l| l.year).max();
        if reform.is_some() {
            region.valid_from = reform;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Boundary editions

/// A repaired full-resolution shape.
struct Shape {
    code: String,
    geometry: MultiPolygon<f64>,
}

/// Reads a boundary file and repairs every shape. `edition` renames a code `C` to `C@edition`
/// when that legacy unit exists (the 2018 file's East Kazakhstan is `KZ-VOS@2018`).
fn repaired_shapes(
    file: &'static str,
    text: &str,
    edition: &str,
    regions: &[Region],
) -> Result<Vec<Shape>, DefaultDataError> {
    let features = geojson::read_boundaries(file, text)?;
    let mut shapes = Vec::with_capacity(features.len());
    for BoundaryFeature { number, code, geometry } in features {
        let legacy = format!("{code}@{edition}");
        let code = if regions.iter().any(|r| r.code == legacy) { legacy } else { code };
        if !regions.iter().any(|r| r.code == code) {
            return Err(DefaultDataError::Feature {
                file,
                feature: number,
                problem: format!("{code} is not a region of {REGIONS_CSV} or {LEGACY_CSV}"),
            });
        }
        if shapes.iter().any(|s: &Shape| s.code == code) {
            return Err(DefaultDataError::Feature {
                file,
                feature: number,
                problem: format!("{code} appears twice"),
            });
        }
        let (geometry, _report) = spatial::repair(&geometry);
        shapes.push(Shape { code, geometry });
    }
    Ok(shapes)
}

/// Area from the full-resolution shape, geometry simplified for the map.
fn to_unit(shape: &Shape) -> EditionUnit {
    EditionUnit {
        region_code: shape.code.clone(),
        geometry: spatial::simplify(&shape.geometry, SIMPLIFY_TOLERANCE_DEG),
        area_km2: spatial::area_km2(&shape.geometry),
    }
}

fn build_editions(
    regions: &[Region],
    lineage: &[Lineage],
) -> Result<Vec<BoundaryEdition>, DefaultDataError> {
    let (shapes_2018, shapes_2024) = std::thread::scope(|scope| {
        let older =
            std::thread::Builder::new().name("repair-2018".into()).spawn_scoped(scope, || {
                repaired_shapes(BOUNDARIES_2018, ASSETS.boundaries_2018, "2018", regions)
            });
        let current = repaired_shapes(BOUNDARIES_2024, ASSETS.boundaries_2024, "2022", regions);
        let older = match older {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(DefaultDataError::Inconsistent {
                    file: BOUNDARIES_2018,
                    problem: "repairing the boundaries failed unexpectedly".into(),
                })
            }),
            // No thread available: do the work here.
            Err(_) => repaired_shapes(BOUNDARIES_2018, ASSETS.boundaries_2018, "2018", regions),
        };
        (older, current)
    });
    let (shapes_2018, shapes_2024) = (shapes_2018?, shapes_2024?);

    // Every current region has a shape in the current file, and nothing else is in it.
    for region in regions.iter().filter(|r| !r.is_legacy()) {
        if !shapes_2024.iter().any(|s| s.code == region.code) {
            return Err(DefaultDataError::Inconsistent {
                file: BOUNDARIES_2024,
                problem: format!("no boundary for {}", region.code),
            });
        }
    }
    if let Some(extra) =
        shapes_2024.iter().find(|s| regions.iter().any(|r| r.code == s.code && r.is_legacy()))
    {
        return Err(DefaultDataError::Inconsistent {
            file: BOUNDARIES_2024,
            problem: format!("{} is a legacy unit, not a current region", extra.code),
        });
    }

    // Before 2018: the units merged by the 2018 reform are replaced by their predecessor, the
    // union of their shapes.
    let mut shapes_2010: Vec<Shape> = Vec::new();
    let reform_2018: Vec<&Lineage> = lineage.iter().filter(|l| l.year == 2018).collect();
    for shape in &shapes_2018 {
        match reform_2018.iter().find(|l| l.successors.contains(&shape.code)) {
            None => shapes_2010
                .push(Shape { code: shape.code.clone(), geometry: shape.geometry.clone() }),
            Some(reform) if reform.successors.first() == Some(&shape.code) => {
                let mut merged = shape.geometry.clone();
                for successor in reform.successors.iter().skip(1) {
                    let Some(part) = shapes_2018.iter().find(|s| &s.code == successor) else {
                        return Err(DefaultDataError::Inconsistent {
                            file: BOUNDARIES_2018,
                            problem: format!(
                                "no boundary for {successor}, needed to build {}",
                                reform.predecessor
                            ),
                        });
                    };
                    merged = spatial::union(&merged, &part.geometry);
                }
                let (geometry, _report) = spatial::repair(&merged);
                shapes_2010.push(Shape { code: reform.predecessor.clone(), geometry });
            }
            Some(_) => {} // a later successor, already merged into the first one
        }
    }

    let edition = |key: &str, names: Names, valid_from, valid_to, shapes: &[Shape]| {
        let mut units: Vec<EditionUnit> = shapes.iter().map(to_unit).collect();
        units.sort_by(|a, b| a.region_code.cmp(&b.region_code));
        BoundaryEdition { key: key.to_owned(), names, valid_from, valid_to, units }
    };
    Ok(vec![
        edition(
            "2010",
            Names::new(
                "2018 жылға дейінгі шекаралар",
                "Границы до 2018 года",
                "Boundaries before 2018",
            ),
            None,
            Some(2018),
            &shapes_2010,
        ),
        edition(
            "2018",
            Names::new(
                "2018–2022 жылдардағы шекаралар",
                "Границы 2018–2022 годов",
                "Boundaries 2018–2022",
            ),
            Some(2018),
            Some(2022),
            &shapes_2018,
        ),
        edition(
            "2022",
            Names::new(
                "Қазіргі шекаралар (2022 жылғы 8 маусымнан бастап)",
                "Действующие границы (с 8 июня 2022 года)",
                "Current boundaries (since 8 June 2022)",
            ),
            Some(2022),
            None,
            &shapes_2024,
        ),
    ])
}

// ---------------------------------------------------------------------------------------------
// Indicators

/// An indicator's definition: key as in region_indicators.csv, names and unit (the English unit
/// exactly as the CSV writes it), how it combines, whether more is better, decimals shown.
struct IndicatorSpec {
    key: &'static str,
    name: [&'static str; 3],
    unit: [&'static str; 3],
    higher_is_better: bool,
    decimals: u8,
}

/// Names and units in Kazakh, Russian and English, in the order the UI lists them.
const INDICATOR_SPECS: [IndicatorSpec; 8] = [
    IndicatorSpec {
        key: "population",
        name: ["Халық саны", "Численность населения", "Population"],
        unit: ["адам", "человек", "persons"],
        higher_is_better: true,
        decimals: 0,
    },
    IndicatorSpec {
        key: "grp",
        name: ["Жалпы өңірлік өнім", "Валовой региональный продукт", "Gross regional product"],
        unit: [
            "млн теңге, ағымдағы бағамен",
            "млн тенге, в текущих ценах",
            "million KZT, current prices",
        ],
        higher_is_better: true,
        decimals: 1,
    },
    IndicatorSpec {
        key: "grp_per_capita",
        name: ["Жан басына шаққандағы ЖӨӨ", "ВРП на душу населения", "GRP per capita"],
        unit: [
            "мың теңге, ағымдағы бағамен",
            "тыс. тенге, в текущих ценах",
            "thousand KZT, current prices",
        ],
        higher_is_better: true,
        decimals: 1,
    },
    IndicatorSpec {
        key: "grp_per_capita_usd",
        name: [
            "Жан басына шаққандағы ЖӨӨ, АҚШ доллары",
            "ВРП на душу населения, долл. США",
            "GRP per capita, USD",
        ],
        unit: [
            "АҚШ доллары (ҚРҰБ орташа бағамы бойынша)",
            "долл. США (по среднему курсу НБРК)",
            "USD (at NBK average exchange rate)",
        ],
        higher_is_better: true,
        decimals: 0,
    },
    IndicatorSpec {
        key: "unemployment_rate",
        name: ["Жұмыссыздық деңгейі", "Уровень безработицы", "Unemployment rate"],
        unit: ["жұмыс күшіне шаққанда, %", "% от рабочей силы", "% of labour force"],
        higher_is_better: false,
        decimals: 1,
    },
    IndicatorSpec {
        key: "investment_fixed_capital",
        name: [
            "Негізгі капиталға салынған инвестициялар",
            "Инвестиции в основной капитал",
            "Investment in fixed capital",
        ],
        unit: [
            "млн теңге, ағымдағы бағамен",
            "млн тенге, в текущих ценах",
            "million KZT, current prices",
        ],
        higher_is_better: true,
        decimals: 1,
    },
    IndicatorSpec {
        key: "employed",
        name: ["Жұмыспен қамтылған халық", "Занятое население", "Employed population"],
        unit: ["мың адам", "тыс. человек", "thousand people"],
        higher_is_better: true,
        decimals: 1,
    },
    IndicatorSpec {
        key: "labour_force",
        name: ["Жұмыс күші", "Рабочая сила", "Labour force"],
        unit: ["мың адам", "тыс. человек", "thousand people"],
        higher_is_better: true,
        decimals: 1,
    },
];

/// How each indicator combines across regions.
fn aggregation_of(key: &str) -> Aggregation {
    match key {
        // million KZT / persons = million KZT per person; × 1000 gives thousand KZT per person.
        "grp_per_capita" => Aggregation::Ratio {
            numerator: "grp".into(),
            denominator: "population".into(),
            scale: 1000.0,
        },
        "unemployment_rate" => Aggregation::WeightedMean { weight: "labour_force".into() },
        // In another currency at a yearly exchange rate: not combinable.
        "grp_per_capita_usd" => Aggregation::None,
        _ => Aggregation::Additive,
    }
}

fn indicator_defs() -> Vec<IndicatorDef> {
    INDICATOR_SPECS
        .iter()
        .map(|s| {
            let [kk, ru, en] = s.name;
            let [unit_kk, unit_ru, unit_en] = s.unit;
            IndicatorDef {
                key: s.key.to_owned(),
                names: Names::new(kk, ru, en),
                unit: Names::new(unit_kk, unit_ru, unit_en),
                aggregation: aggregation_of(s.key),
                higher_is_better: s.higher_is_better,
                decimals: s.decimals,
            }
        })
        .collect()
}

#[derive(Deserialize)]
struct ValueRow {
    region_code: String,
    year: String,
    indicator: String,
    value: String,
    unit: String,
    source: String,
    note: String,
}

fn read_values(
    regions: &[Region],
    indicators: &[IndicatorDef],
) -> Result<Vec<IndicatorValue>, DefaultDataError> {
    let rows = table::read::<ValueRow>(INDICATORS_CSV, ASSETS.indicators)?;
    let mut values = Vec::with_capacity(rows.len());
    let mut seen: HashMap<(String, i32, String), u64> = HashMap::with_capacity(rows.len());
    for Row { line, data: v } in rows {
        let cell = |column| Cell { file: INDICATORS_CSV, line, column };
        if v.region_code != NATIONAL_CODE && !regions.iter().any(|r| r.code == v.region_code) {
            return Err(cell("region_code")
                .error(format!("«{}» is not a region of Kazakhstan", v.region_code)));
        }
        let Some(def) = indicators.iter().find(|d| d.key == v.indicator) else {
            return Err(cell("indicator").error(format!("unknown indicator «{}»", v.indicator)));
        };
        if v.unit != def.unit.en {
            return Err(cell("unit").error(format!(
                "«{}» differs from the unit of {} («{}»)",
                v.unit, def.key, def.unit.en
            )));
        }
        let year = cell("year").year(&v.year)?;
        let key = (v.region_code.clone(), year, v.indicator.clone());
        if let Some(first) = seen.insert(key, line) {
            return Err(cell("value").error(format!(
                "second value for {} {} {} (first on line {first})",
                v.region_code, v.indicator, year
            )));
        }
        values.push(IndicatorValue {
            region_code: v.region_code,
            year,
            indicator: v.indicator,
            value: cell("value").f64(&v.value)?,
            source: v.source,
            note: v.note,
        });
    }
    Ok(values)
}

// ---------------------------------------------------------------------------------------------
// Growth points

#[derive(Deserialize)]
struct LevelRow {
    city: String,
    level: String,
    source: String,
}

/// A rule of growth_point_levels.csv: a named town, or a class of towns written in parentheses.
enum LevelRule {
    Town(String),
    OblastCentres,
    Monotowns,
}

fn growth_points(
    cities: &[City],
    regions: &[Region],
) -> Result<Vec<GrowthPoint>, DefaultDataError> {
    let mut rules: Vec<(LevelRule, GrowthLevel, String)> = Vec::new();
    for Row { line, data: r } in table::read::<LevelRow>(LEVELS_CSV, ASSETS.levels)? {
        let cell = |column| Cell { file: LEVELS_CSV, line, column };
        let level = match r.level.trim() {
            "1" => GrowthLevel::First,
            "2" => GrowthLevel::Second,
            "3" => GrowthLevel::Third,
            other => return Err(cell("level").error(format!("«{other}» is not 1, 2 or 3"))),
        };
        let rule = if r.city.starts_with('(') {
            if r.city.contains("administrative centre") {
                LevelRule::OblastCentres
            } else if r.city.contains("monotown") {
                LevelRule::Monotowns
            } else {
                return Err(cell("city").error(format!("unknown class of towns «{}»", r.city)));
            }
        } else if cities.iter().any(|c| c.names.en == r.city) {
            LevelRule::Town(r.city)
        } else {
            return Err(
                cell("city").error(format!("«{}» is not a name_en of {CITIES_CSV}", r.city))
            );
        };
        rules.push((rule, level, r.source));
    }

    let is_oblast_centre = |city: &City| {
        regions.iter().any(|r| {
            !r.is_legacy()
                && r.kind == RegionKind::Oblast
                && r.admin_center.as_ref().is_some_and(|c| c.en == city.names.en)
        })
    };
    let mut points = Vec::with_capacity(cities.len());
    for (id, city) in (1..).zip(cities) {
        if !regions.iter().any(|r| r.code == city.region_code && !r.is_legacy()) {
            return Err(Cell { file: CITIES_CSV, line: city.line, column: "region_code" }
                .error(format!("«{}» is not a current region", city.region_code)));
        }
        let is_monotown = city.status == "monotown";
        let matched = rules
            .iter()
            .filter(|(rule, _, _)| match rule {
                LevelRule::Town(name) => *name == city.names.en,
                LevelRule::OblastCentres => is_oblast_centre(city),
                LevelRule::Monotowns => is_monotown,
            })
            .min_by_key(|(_, level, _)| *level);
        let mut source = city.source.clone();
        if let Some((_, _, level_source)) = matched {
            source.push_str("; level: ");
            source.push_str(level_source);
        }
        points.push(GrowthPoint {
            id,
            names: city.names.clone(),
            region_code: city.region_code.clone(),
            location: city.location,
            population: city.population,
            population_year: city.population_year,
            level: matched.map(|(_, level, _)| *level),
            is_monotown,
            status: city.status.clone(),
            source,
        });
    }
    Ok(points)
}

// ---------------------------------------------------------------------------------------------
// Projects

#[derive(Deserialize)]
struct ProjectRow {
    project_id: String,
    name: String,
    company: String,
    sector: String,
    region_code: String,
    lat: String,
    lon: String,
    year_launched: String,
    launch_event: String,
    investment_amount: String,
    investment_unit: String,
    jobs: String,
    capacity: String,
    status: String,
    confirmed_by_source: String,
    source: String,
    notes: String,
}

#[derive(Deserialize)]
struct ProjectNameRow {
    project_id: String,
    name_kk: String,
    name_ru: String,
}

/// Parses an amount and its unit (`23.5`, `billion KZT`); million_kzt is set for tenge only.
fn investment(
    cell: Cell,
    amount: &str,
    unit: &str,
) -> Result<Option<Investment>, DefaultDataError> {
    let Some(amount) = cell.opt_f64(amount)? else {
        return Ok(None);
    };
    let mut words = unit.split_whitespace().collect::<Vec<_>>();
    let Some(currency) = words.pop() else {
        return Err(cell.error(format!("the amount {amount} has no unit")));
    };
    let scale = match words.as_slice() {
        [] => 1.0,
        ["thousand"] => 1e3,
        ["million"] => 1e6,
        ["billion"] => 1e9,
        ["trillion"] => 1e12,
        _ => {
            return Err(
                cell.error(format!("unit «{unit}» is not «[thousand|million|billion] CURRENCY»"))
            );
        }
    };
    Ok(Some(Investment {
        amount,
        unit: unit.trim().to_owned(),
        million_kzt: (currency == "KZT").then(|| amount * scale / 1e6),
    }))
}

fn read_projects(regions: &[Region]) -> Result<Vec<Project>, DefaultDataError> {
    let mut translations: HashMap<String, (String, String)> = HashMap::new();
    for Row { line, data: n } in
        table::read::<ProjectNameRow>(PROJECT_NAMES_CSV, ASSETS.project_names)?
    {
        if translations.insert(n.project_id.clone(), (n.name_kk, n.name_ru)).is_some() {
            return Err(Cell { file: PROJECT_NAMES_CSV, line, column: "project_id" }
                .error(format!("{} is translated twice", n.project_id)));
        }
    }
    let rows = table::read::<ProjectRow>(PROJECTS_CSV, ASSETS.projects)?;
    let mut projects = Vec::with_capacity(rows.len());
    for Row { line, data: p } in rows {
        let cell = |column| Cell { file: PROJECTS_CSV, line, column };
        let Some(region) = regions.iter().find(|r| r.code == p.region_code && !r.is_legacy())
        else {
            return Err(
                cell("region_code").error(format!("«{}» is not a current region", p.region_code))
            );
        };
        let Some((name_kk, name_ru)) = translations.remove(&p.project_id) else {
            return Err(cell("project_id").error(format!(
                "{} has no Kazakh and Russian name in {PROJECT_NAMES_CSV}",
                p.project_id
            )));
        };
        let (location, location_basis) = match cell("lat").opt_lon_lat(&p.lat, &p.lon)? {
            Some(point) => (point, LocationBasis::TownCentre),
            None => match region.admin_center_location {
                Some(centre) => (centre, LocationBasis::RegionCentre),
                None => {
                    return Err(cell("lat").error(format!(
                        "no coordinates, and {} has no administrative centre to fall back on",
                        region.code
                    )));
                }
            },
        };
        let jobs = match cell("jobs").opt_u64(&p.jobs)? {
            Some(n) => Some(u32::try_from(n).map_err(|_| cell("jobs").error("too many jobs"))?),
            None => None,
        };
        let mut notes = p.notes;
        for (label, text) in
            [("Launch", &p.launch_event), ("Confirmed by source", &p.confirmed_by_source)]
        {
            if !text.trim().is_empty() {
                if !notes.is_empty() {
                    notes.push('\n');
                }
                notes.push_str(&format!("{label}: {text}"));
            }
        }
        projects.push(Project {
            code: p.project_id,
            names: Names::new(fix_mixed_script(&name_kk), fix_mixed_script(&name_ru), p.name),
            company: p.company,
            sector: Sector::classify(&p.sector),
            sector_detail: p.sector,
            region_code: p.region_code,
            location,
            location_basis,
            year: cell("year_launched").opt_year(&p.year_launched)?,
            investment: investment(
                cell("investment_amount"),
                &p.investment_amount,
                &p.investment_unit,
            )?,
            jobs,
            capacity: p.capacity,
            status: ProjectStatus::classify(&p.status),
            status_detail: p.status,
            source: p.source,
            notes,
        });
    }
    let mut unused: Vec<&String> = translations.keys().collect();
    unused.sort();
    if let Some(id) = unused.first() {
        return Err(DefaultDataError::Inconsistent {
            file: PROJECT_NAMES_CSV,
            problem: format!("{id} is not a project of {PROJECTS_CSV}"),
        });
    }
    Ok(projects)
}
