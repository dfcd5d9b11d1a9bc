//! Reading a whole [`Dataset`] out of an Oblys file. Rows come back in the order they were
//! written, so `load(create(ds)) == ds`. A row that breaks the model (unknown code, unreadable
//! geometry) is an error naming its table and key, never a panic.

use std::collections::HashMap;

use geo::Point;
use rusqlite::{Connection, Row};

use super::Fault;
use super::codes;
use super::gpkg;
use super::problem::{Defect, Field, Problem, Row as Key};
use crate::model::{
    Assumptions, BoundaryEdition, Corridor, Dataset, EditionUnit, GrowthLevel, GrowthPoint,
    GrowthPointLever, GrowthRate, IndicatorDef, IndicatorValue, Investment, Lineage, NATIONAL_CODE,
    Names, Project, ProjectAssumption, Region, RegionalRate, Scenario, ScenarioKind, Sector,
    Target, TargetKind,
};

fn sql(context: &'static str) -> impl Fn(rusqlite::Error) -> Fault {
    move |e| Fault::Sql(context, e)
}

/// A row of `table` this Oblys cannot read.
fn bad(table: &'static str, row: Key, defect: Defect) -> Fault {
    Fault::Invalid(Problem::Damaged { table, row, defect })
}

/// A row named by its code or key.
fn key(code: &str) -> Key {
    Key::Key(code.to_owned())
}

/// A value of `field` this Oblys does not know.
fn unknown(field: Field, value: &str) -> Defect {
    Defect::Unknown { field, value: value.to_owned() }
}

fn names(row: &Row, first: usize) -> rusqlite::Result<Names> {
    Ok(Names { kk: row.get(first)?, ru: row.get(first + 1)?, en: row.get(first + 2)? })
}

/// Runs `query` and maps every row; `context` names the table in errors.
fn rows<T>(
    conn: &Connection,
    context: &'static str,
    query: &str,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>, Fault> {
    let mut stmt = conn.prepare(query).map_err(sql(context))?;
    let out = stmt.query_map([], map).map_err(sql(context))?;
    out.collect::<rusqlite::Result<Vec<T>>>().map_err(sql(context))
}

pub(super) fn read_dataset(conn: &Connection) -> Result<Dataset, Fault> {
    let regions = read_regions(conn)?;
    let editions = read_editions(conn)?;
    let lineage = read_lineage(conn)?;
    let indicators = read_indicators(conn)?;
    let values = rows(
        conn,
        "reading indicator_values",
        "SELECT region_code, year, indicator, value, source, note FROM indicator_values
         ORDER BY id",
        |r| {
            Ok(IndicatorValue {
                region_code: r.get(0)?,
                year: r.get(1)?,
                indicator: r.get(2)?,
                value: r.get(3)?,
                source: r.get(4)?,
                note: r.get(5)?,
            })
        },
    )?;
    Ok(Dataset {
        regions,
        editions,
        lineage,
        indicators,
        values,
        growth_points: read_growth_points(conn)?,
        projects: read_projects(conn)?,
        corridors: read_corridors(conn)?,
        scenarios: read_scenarios(conn)?,
        slides: super::slides::read_slides(conn)?,
        typologies: super::typologies::read_typologies(conn)?,
    })
}

/// The current boundary edition with its units' codes only (no geometry): enough to check the
/// codes a scenario names.
pub(super) fn read_current_units(conn: &Connection) -> Result<Vec<BoundaryEdition>, Fault> {
    let codes: Vec<(String, String)> = rows(
        conn,
        "reading the current edition",
        "SELECT e.key, r.code FROM editions e JOIN regions r ON r.edition = e.key
         WHERE e.valid_to IS NULL ORDER BY r.fid",
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let Some(key) = codes.first().map(|(key, _)| key.clone()) else {
        return Ok(Vec::new());
    };
    let units = codes
        .into_iter()
        .map(|(_, region_code)| EditionUnit {
            region_code,
            geometry: geo::MultiPolygon::new(Vec::new()),
            area_km2: 0.0,
        })
        .collect();
    Ok(vec![BoundaryEdition {
        key,
        names: Names::default(),
        valid_from: None,
        valid_to: None,
        units,
    }])
}

fn level(table: &'static str, row: Key, level: i64) -> Result<GrowthLevel, Fault> {
    match level {
        1 => Ok(GrowthLevel::First),
        2 => Ok(GrowthLevel::Second),
        3 => Ok(GrowthLevel::Third),
        other => Err(bad(table, row, Defect::Level(other))),
    }
}

fn read_regions(conn: &Connection) -> Result<Vec<Region>, Fault> {
    type RawUnit = (
        String,
        Names,
        String,
        Option<Names>,
        Option<(f64, f64)>,
        Option<String>,
        Option<i32>,
        Option<i32>,
    );
    let raw: Vec<RawUnit> = rows(
        conn,
        "reading units",
        "SELECT code, name_kk, name_ru, name_en, kind, admin_center_kk, admin_center_ru,
           admin_center_en, admin_center_lon, admin_center_lat, kato, valid_from, valid_to
         FROM units ORDER BY id",
        |r| {
            let centre = match (
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
            ) {
                (Some(kk), Some(ru), Some(en)) => Some(Names { kk, ru, en }),
                _ => None,
            };
            let location = match (r.get::<_, Option<f64>>(8)?, r.get::<_, Option<f64>>(9)?) {
                (Some(lon), Some(lat)) => Some((lon, lat)),
                _ => None,
            };
            Ok((
                r.get(0)?,
                names(r, 1)?,
                r.get(4)?,
                centre,
                location,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
            ))
        },
    )?;
    raw.into_iter()
        .map(|(code, names, kind, admin_center, location, kato, valid_from, valid_to)| {
            let Some(kind) = codes::parse_region_kind(&kind) else {
                return Err(bad("units", key(&code), unknown(Field::Kind, &kind)));
            };
            Ok(Region {
                code,
                names,
                kind,
                admin_center,
                admin_center_location: location.map(|(lon, lat)| Point::new(lon, lat)),
                kato,
                valid_from,
                valid_to,
            })
        })
        .collect()
}

fn read_editions(conn: &Connection) -> Result<Vec<BoundaryEdition>, Fault> {
    let mut editions = rows(
        conn,
        "reading editions",
        "SELECT key, name_kk, name_ru, name_en, valid_from, valid_to FROM editions ORDER BY id",
        |r| {
            Ok(BoundaryEdition {
                key: r.get(0)?,
                names: names(r, 1)?,
                valid_from: r.get(4)?,
                valid_to: r.get(5)?,
                units: Vec::new(),
            })
        },
    )?;
    let units: Vec<(String, String, Vec<u8>, f64)> = rows(
        conn,
        "reading regions",
        "SELECT edition, code, geom, area_km2 FROM regions ORDER BY fid",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let index: HashMap<String, usize> =
        editions.iter().enumerate().map(|(i, e)| (e.key.clone(), i)).collect();
    for (edition, code, blob, area_km2) in units {
        let Some(e) = index.get(&edition).and_then(|&i| editions.get_mut(i)) else {
            return Err(bad("regions", key(&code), unknown(Field::Edition, &edition)));
        };
        let geometry = gpkg::decode_multipolygon(&blob).map_err(|p| {
            bad("regions", key(&format!("{code} ({edition})")), Defect::Geometry(p))
        })?;
        e.units.push(EditionUnit { region_code: code, geometry, area_km2 });
    }
    Ok(editions)
}

fn read_lineage(conn: &Connection) -> Result<Vec<Lineage>, Fault> {
    let pairs: Vec<(String, String, i32, Option<String>)> = rows(
        conn,
        "reading lineage",
        "SELECT predecessor, successor, year, date FROM lineage ORDER BY id",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let mut lineage: Vec<Lineage> = Vec::new();
    for (predecessor, successor, year, date) in pairs {
        match lineage.iter_mut().find(|l| l.predecessor == predecessor && l.year == year) {
            Some(l) => l.successors.push(successor),
            None => lineage.push(Lineage { predecessor, successors: vec![successor], year, date }),
        }
    }
    Ok(lineage)
}

pub(super) fn read_indicators(conn: &Connection) -> Result<Vec<IndicatorDef>, Fault> {
    type RawIndicator = (
        String,
        Names,
        Names,
        String,
        Option<String>,
        Option<String>,
        Option<f64>,
        Option<String>,
        bool,
        u8,
    );
    let raw: Vec<RawIndicator> = rows(
        conn,
        "reading indicators",
        "SELECT key, name_kk, name_ru, name_en, unit_kk, unit_ru, unit_en, aggregation,
           numerator, denominator, scale, weight, higher_is_better, decimals
         FROM indicators ORDER BY id",
        |r| {
            Ok((
                r.get(0)?,
                names(r, 1)?,
                names(r, 4)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
            ))
        },
    )?;
    raw.into_iter()
        .map(
            |(
                key,
                names,
                unit,
                kind,
                numerator,
                denominator,
                scale,
                weight,
                higher_is_better,
                decimals,
            )| {
                let columns = codes::AggregationColumns {
                    kind: match kind.as_str() {
                        "additive" => "additive",
                        "ratio" => "ratio",
                        "weighted_mean" => "weighted_mean",
                        "none" => "none",
                        _ => "",
                    },
                    numerator: numerator.as_deref(),
                    denominator: denominator.as_deref(),
                    scale,
                    weight: weight.as_deref(),
                };
                let Some(aggregation) = columns.to_aggregation() else {
                    let defect = Defect::IncompleteAggregation(kind);
                    return Err(bad("indicators", self::key(&key), defect));
                };
                Ok(IndicatorDef { key, names, unit, aggregation, higher_is_better, decimals })
            },
        )
        .collect()
}

fn read_growth_points(conn: &Connection) -> Result<Vec<GrowthPoint>, Fault> {
    type RawPoint = (
        i64,
        Option<Vec<u8>>,
        Names,
        String,
        Option<i64>,
        Option<i32>,
        Option<i64>,
        bool,
        String,
        String,
    );
    let raw: Vec<RawPoint> = rows(
        conn,
        "reading growth_points",
        "SELECT fid, geom, name_kk, name_ru, name_en, region_code, population, population_year,
           level, is_monotown, status, source
         FROM growth_points ORDER BY fid",
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                names(r, 2)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
            ))
        },
    )?;
    raw.into_iter()
        .map(
            |(
                id,
                blob,
                names,
                region_code,
                population,
                population_year,
                level,
                is_monotown,
                status,
                source,
            )| {
                let row = || Key::Fid { id, name: Some(names.en.clone()) };
                let location = blob
                    .map(|b| gpkg::decode_point(&b))
                    .transpose()
                    .map_err(|p| bad("growth_points", row(), Defect::Geometry(p)))?;
                let population = population
                    .map(u64::try_from)
                    .transpose()
                    .map_err(|_| bad("growth_points", row(), Defect::NegativePopulation))?;
                let level = match level {
                    None => None,
                    Some(1) => Some(GrowthLevel::First),
                    Some(2) => Some(GrowthLevel::Second),
                    Some(3) => Some(GrowthLevel::Third),
                    Some(other) => {
                        return Err(bad("growth_points", row(), Defect::Level(other)));
                    }
                };
                Ok(GrowthPoint {
                    id,
                    names,
                    region_code,
                    location,
                    population,
                    population_year,
                    level,
                    is_monotown,
                    status,
                    source,
                })
            },
        )
        .collect()
}

/// The columns of a `projects` row, before their codes are checked.
struct RawProject {
    blob: Vec<u8>,
    code: String,
    names: Names,
    company: String,
    sector: String,
    sector_detail: String,
    region_code: String,
    location_basis: String,
    year: Option<i32>,
    amount: Option<f64>,
    unit: Option<String>,
    million_kzt: Option<f64>,
    jobs: Option<u32>,
    capacity: String,
    status: String,
    status_detail: String,
    source: String,
    notes: String,
}

pub(super) fn read_projects(conn: &Connection) -> Result<Vec<Project>, Fault> {
    let raw = rows(
        conn,
        "reading projects",
        "SELECT geom, code, name_kk, name_ru, name_en, company, sector, sector_detail, region_code,
           location_basis, year, investment_amount, investment_unit, investment_million_kzt,
           jobs, capacity, status, status_detail, source, notes
         FROM projects ORDER BY fid",
        |r| {
            Ok(RawProject {
                blob: r.get(0)?,
                code: r.get(1)?,
                names: names(r, 2)?,
                company: r.get(5)?,
                sector: r.get(6)?,
                sector_detail: r.get(7)?,
                region_code: r.get(8)?,
                location_basis: r.get(9)?,
                year: r.get(10)?,
                amount: r.get(11)?,
                unit: r.get(12)?,
                million_kzt: r.get(13)?,
                jobs: r.get(14)?,
                capacity: r.get(15)?,
                status: r.get(16)?,
                status_detail: r.get(17)?,
                source: r.get(18)?,
                notes: r.get(19)?,
            })
        },
    )?;
    raw.into_iter()
        .map(|p| {
            let location = gpkg::decode_point(&p.blob)
                .map_err(|e| bad("projects", key(&p.code), Defect::Geometry(e)))?;
            let Some(sector) = Sector::from_key(&p.sector) else {
                return Err(bad("projects", key(&p.code), unknown(Field::Sector, &p.sector)));
            };
            let Some(location_basis) = codes::parse_location_basis(&p.location_basis) else {
                let defect = unknown(Field::LocationBasis, &p.location_basis);
                return Err(bad("projects", key(&p.code), defect));
            };
            let Some(status) = codes::parse_project_status(&p.status) else {
                return Err(bad("projects", key(&p.code), unknown(Field::Status, &p.status)));
            };
            let investment = match (p.amount, p.unit) {
                (Some(amount), Some(unit)) => {
                    Some(Investment { amount, unit, million_kzt: p.million_kzt })
                }
                (None, _) => None,
                (Some(_), None) => {
                    return Err(bad("projects", key(&p.code), Defect::InvestmentWithoutUnit));
                }
            };
            Ok(Project {
                code: p.code,
                names: p.names,
                company: p.company,
                sector,
                sector_detail: p.sector_detail,
                region_code: p.region_code,
                location,
                location_basis,
                year: p.year,
                investment,
                jobs: p.jobs,
                capacity: p.capacity,
                status,
                status_detail: p.status_detail,
                source: p.source,
                notes: p.notes,
            })
        })
        .collect()
}

fn read_corridors(conn: &Connection) -> Result<Vec<Corridor>, Fault> {
    let raw: Vec<(i64, Vec<u8>, Names, String)> = rows(
        conn,
        "reading corridors",
        "SELECT fid, geom, name_kk, name_ru, name_en, kind FROM corridors ORDER BY fid",
        |r| Ok((r.get(0)?, r.get(1)?, names(r, 2)?, r.get(5)?)),
    )?;
    raw.into_iter()
        .map(|(id, blob, names, kind)| {
            let row = || Key::Fid { id, name: None };
            let line = gpkg::decode_linestring(&blob)
                .map_err(|p| bad("corridors", row(), Defect::Geometry(p)))?;
            let Some(kind) = codes::parse_corridor_kind(&kind) else {
                return Err(bad("corridors", row(), unknown(Field::Kind, &kind)));
            };
            Ok(Corridor { id, names, kind, line })
        })
        .collect()
}

/// The scenarios with their assumptions, in the order they were first saved. Child rows keep
/// their own order (the order of the growth rates, projects, levers and targets as written).
pub(super) fn read_scenarios(conn: &Connection) -> Result<Vec<Scenario>, Fault> {
    type RawScenario = (i64, Names, String, i32, i32, Names, f64);
    let raw: Vec<RawScenario> = rows(
        conn,
        "reading scenarios",
        "SELECT scenario_id, name_kk, name_ru, name_en, kind, base_year, horizon, description_kk,
           description_ru, description_en, indirect_jobs_multiplier
         FROM scenarios ORDER BY id",
        |r| {
            Ok((r.get(0)?, names(r, 1)?, r.get(4)?, r.get(5)?, r.get(6)?, names(r, 7)?, r.get(10)?))
        },
    )?;
    let mut scenarios = Vec::with_capacity(raw.len());
    let mut index: HashMap<i64, usize> = HashMap::new();
    for (id, name, kind, base_year, horizon, description, multiplier) in raw {
        let Some(kind) = ScenarioKind::from_key(&kind) else {
            return Err(bad("scenarios", key(&id.to_string()), unknown(Field::Kind, &kind)));
        };
        index.insert(id, scenarios.len());
        scenarios.push(Scenario {
            id,
            name,
            kind,
            base_year,
            horizon,
            description,
            assumptions: Assumptions {
                indirect_jobs_multiplier: multiplier,
                ..Assumptions::default()
            },
        });
    }
    /// The assumptions of scenario `id`, for a child row of `table`.
    fn owner<'a>(
        scenarios: &'a mut [Scenario],
        index: &HashMap<i64, usize>,
        table: &'static str,
        id: i64,
    ) -> Result<&'a mut Assumptions, Fault> {
        index
            .get(&id)
            .and_then(|&i| scenarios.get_mut(i))
            .map(|s| &mut s.assumptions)
            .ok_or_else(|| bad(table, key(&id.to_string()), Defect::NoSuchScenario))
    }

    let rates: Vec<(i64, String, String, f64)> = rows(
        conn,
        "reading scenario_growth_rates",
        "SELECT scenario_id, indicator, region_code, rate FROM scenario_growth_rates ORDER BY id",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    for (id, indicator, region_code, rate) in rates {
        let a = owner(&mut scenarios, &index, "scenario_growth_rates", id)?;
        let position = match a.growth.iter().position(|g| g.indicator == indicator) {
            Some(i) => i,
            None => {
                a.growth.push(GrowthRate { indicator, national: 0.0, regional: Vec::new() });
                a.growth.len() - 1
            }
        };
        let Some(growth) = a.growth.get_mut(position) else { continue };
        if region_code == NATIONAL_CODE {
            growth.national = rate;
        } else {
            growth.regional.push(RegionalRate { region_code, rate });
        }
    }

    let projects: Vec<(i64, ProjectAssumption)> = rows(
        conn,
        "reading scenario_projects",
        "SELECT scenario_id, project_code, realised, start_year, ramp_up_years, jobs,
           investment_million_kzt, build_years, annual_output_million_kzt
         FROM scenario_projects ORDER BY id",
        |r| {
            Ok((
                r.get(0)?,
                ProjectAssumption {
                    project_code: r.get(1)?,
                    realised: r.get(2)?,
                    start_year: r.get(3)?,
                    ramp_up_years: r.get(4)?,
                    jobs: r.get(5)?,
                    investment_million_kzt: r.get(6)?,
                    build_years: r.get(7)?,
                    annual_output_million_kzt: r.get(8)?,
                },
            ))
        },
    )?;
    for (id, project) in projects {
        owner(&mut scenarios, &index, "scenario_projects", id)?.projects.push(project);
    }

    let levers: Vec<(i64, i64, String, f64)> = rows(
        conn,
        "reading scenario_levers",
        "SELECT scenario_id, level, indicator, extra_rate FROM scenario_levers ORDER BY id",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    for (id, raw_level, indicator, extra_rate) in levers {
        let level = level("scenario_levers", key(&id.to_string()), raw_level)?;
        owner(&mut scenarios, &index, "scenario_levers", id)?
            .growth_point_levers
            .push(GrowthPointLever { level, indicator, extra_rate });
    }

    type RawTarget =
        (i64, String, String, String, Option<i32>, Option<f64>, Option<f64>, i32, String);
    let targets: Vec<RawTarget> = rows(
        conn,
        "reading scenario_targets",
        "SELECT scenario_id, indicator, region_code, kind, reference_year, ratio, value, year,
           source
         FROM scenario_targets ORDER BY id",
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        },
    )?;
    for (id, indicator, region_code, kind, reference_year, ratio, value, year, source) in targets {
        let kind = match (kind.as_str(), reference_year, ratio, value) {
            ("ratio", Some(reference_year), Some(ratio), _) => {
                TargetKind::Ratio { reference_year, ratio }
            }
            ("absolute", _, _, Some(value)) => TargetKind::Absolute { value },
            _ => {
                let row = key(&format!("{id} ({indicator})"));
                return Err(bad("scenario_targets", row, Defect::IncompleteTarget(kind)));
            }
        };
        owner(&mut scenarios, &index, "scenario_targets", id)?.targets.push(Target {
            indicator,
            region_code,
            kind,
            year,
            source,
        });
    }
    Ok(scenarios)
}
