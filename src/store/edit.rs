//! Single edits of the planner's data, each written in its own transaction the moment it is
//! made: one indicator value, one growth point, one project, one corridor. The file is checked
//! as [`load`](super::load) checks it first (a foreign or damaged file is refused untouched), the
//! row is checked against the file's units and indicators so a refusal names what is wrong, and
//! the layers' extents and last-change time in `gpkg_contents` follow every feature edit. The
//! R-tree indexes follow through the file's own triggers.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{GeometryPart, Problem, StoreError, Subject, codes, gpkg, open_for_writing, sql_error};
use crate::model::{Corridor, GrowthPoint, IndicatorValue, NATIONAL_CODE, Project};

/// A refusal that names the file and what the planner can do.
fn invalid(path: &Path, problem: Problem) -> StoreError {
    StoreError::Invalid { path: path.to_owned(), problem }
}

/// Runs `write` in one transaction on the checked file at `path`; nothing is kept unless it
/// returns Ok and the commit succeeds.
fn in_transaction(
    path: &Path,
    write: impl FnOnce(&Transaction) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the edit"))?;
    write(&tx)?;
    tx.commit().map_err(sql_error(path, "saving the edit (nothing was changed)"))
}

/// Whether `sql` (one `?1` parameter) finds a row.
fn exists(conn: &Connection, path: &Path, sql: &str, key: &str) -> Result<bool, StoreError> {
    conn.query_row(sql, [key], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
        .map_err(sql_error(path, "checking the edit"))
}

fn check_unit(
    conn: &Connection,
    path: &Path,
    code: &str,
    what: &Subject,
) -> Result<(), StoreError> {
    if exists(conn, path, "SELECT 1 FROM units WHERE code = ?1", code)? {
        Ok(())
    } else {
        Err(invalid(path, Problem::UnknownRegion { subject: what.clone(), code: code.to_owned() }))
    }
}

fn check_name(path: &Path, names: &crate::model::Names, what: &Subject) -> Result<(), StoreError> {
    if [&names.kk, &names.ru, &names.en].iter().all(|n| n.trim().is_empty()) {
        return Err(invalid(path, Problem::NoName(what.clone())));
    }
    Ok(())
}

/// Records that the layer `table` changed: its extent is recomputed from its R-tree (NULL when
/// the layer is empty) and `last_change` is now.
pub(super) fn touch_layer(tx: &Transaction, path: &Path, table: &str) -> Result<(), StoreError> {
    tx.execute(
        &format!(
            "UPDATE gpkg_contents SET
               min_x = (SELECT min(minx) FROM rtree_{table}_geom),
               min_y = (SELECT min(miny) FROM rtree_{table}_geom),
               max_x = (SELECT max(maxx) FROM rtree_{table}_geom),
               max_y = (SELECT max(maxy) FROM rtree_{table}_geom),
               last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE table_name = ?1"
        ),
        [table],
    )
    .map_err(sql_error(path, "recording the layer's extent"))?;
    Ok(())
}

/// Sets one indicator value: a new (region, indicator, year) is added, an existing one gets the
/// new value, source and note in place. The region (or `KZ` for the country) and the indicator
/// must exist in the file, and the value must be a finite number.
pub fn put_value(path: &Path, value: &IndicatorValue) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let what = Subject::Value {
            indicator: value.indicator.clone(),
            region: value.region_code.clone(),
            year: value.year,
        };
        if value.region_code != NATIONAL_CODE {
            check_unit(tx, path, &value.region_code, &what)?;
        }
        if !exists(tx, path, "SELECT 1 FROM indicators WHERE key = ?1", &value.indicator)? {
            return Err(invalid(path, Problem::NoIndicator(value.indicator.clone())));
        }
        if !value.value.is_finite() {
            return Err(invalid(path, Problem::NotFinite { subject: what, value: value.value }));
        }
        tx.execute(
            "INSERT INTO indicator_values (region_code, indicator, year, value, source, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (region_code, indicator, year) DO UPDATE SET value = excluded.value,
               source = excluded.source, note = excluded.note",
            params![
                value.region_code,
                value.indicator,
                value.year,
                value.value,
                value.source,
                value.note
            ],
        )
        .map_err(sql_error(path, "writing the value"))?;
        Ok(())
    })
}

/// Deletes the value of `indicator` for `region_code` in `year`; refused when there is none.
pub fn delete_value(
    path: &Path,
    region_code: &str,
    indicator: &str,
    year: i32,
) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let deleted = tx
            .execute(
                "DELETE FROM indicator_values
                 WHERE region_code = ?1 AND indicator = ?2 AND year = ?3",
                params![region_code, indicator, year],
            )
            .map_err(sql_error(path, "deleting the value"))?;
        if deleted == 0 {
            return Err(invalid(
                path,
                Problem::NoValueToDelete {
                    indicator: indicator.to_owned(),
                    region: region_code.to_owned(),
                    year,
                },
            ));
        }
        Ok(())
    })
}

/// Adds or replaces the growth point with id `point.id` (its feature id in the file, so a
/// point deleted and put back takes its old place). The id must be positive, the region must
/// exist and the point must have a name.
pub fn put_growth_point(path: &Path, point: &GrowthPoint) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let what = Subject::GrowthPoint { id: point.id, names: Box::new(point.names.clone()) };
        if point.id <= 0 {
            return Err(invalid(path, Problem::IdNotPositive(what)));
        }
        check_name(path, &point.names, &what)?;
        check_unit(tx, path, &point.region_code, &what)?;
        let blob = point.location.map(gpkg::point_blob).transpose().map_err(|detail| {
            let subject = what.clone();
            invalid(path, Problem::Geometry { part: GeometryPart::Location, subject, detail })
        })?;
        let population = point
            .population
            .map(i64::try_from)
            .transpose()
            .map_err(|_| invalid(path, Problem::PopulationTooLarge(what.clone())))?;
        tx.execute(
            "INSERT INTO growth_points (fid, geom, name_kk, name_ru, name_en, region_code,
               population, population_year, level, is_monotown, status, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (fid) DO UPDATE SET geom = excluded.geom, name_kk = excluded.name_kk,
               name_ru = excluded.name_ru, name_en = excluded.name_en,
               region_code = excluded.region_code, population = excluded.population,
               population_year = excluded.population_year, level = excluded.level,
               is_monotown = excluded.is_monotown, status = excluded.status,
               source = excluded.source",
            params![
                point.id,
                blob,
                point.names.kk,
                point.names.ru,
                point.names.en,
                point.region_code,
                population,
                point.population_year,
                point.level.map(|l| l as i32),
                point.is_monotown,
                point.status,
                point.source,
            ],
        )
        .map_err(sql_error(path, "writing the growth point"))?;
        touch_layer(tx, path, "growth_points")
    })
}

/// Deletes the growth point with id `id`; refused when there is none.
pub fn delete_growth_point(path: &Path, id: i64) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let deleted = tx
            .execute("DELETE FROM growth_points WHERE fid = ?1", [id])
            .map_err(sql_error(path, "deleting the growth point"))?;
        if deleted == 0 {
            return Err(invalid(path, Problem::NoGrowthPointToDelete(id)));
        }
        touch_layer(tx, path, "growth_points")
    })
}

/// Adds the project, or replaces the one with the same code (keeping its place in the layer).
/// The code and a name are required and the region must exist.
pub fn put_project(path: &Path, project: &Project) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let what =
            Subject::Project { code: project.code.clone(), names: Box::new(project.names.clone()) };
        if project.code.trim().is_empty() {
            return Err(invalid(path, Problem::ProjectNeedsCode));
        }
        check_name(path, &project.names, &what)?;
        check_unit(tx, path, &project.region_code, &what)?;
        let blob = gpkg::point_blob(project.location).map_err(|detail| {
            invalid(path, Problem::Geometry { part: GeometryPart::Location, subject: what, detail })
        })?;
        let upsert = format!(
            "{} ON CONFLICT (code) DO UPDATE SET geom = excluded.geom,
               name_kk = excluded.name_kk, name_ru = excluded.name_ru, name_en = excluded.name_en,
               company = excluded.company, sector = excluded.sector,
               sector_detail = excluded.sector_detail, region_code = excluded.region_code,
               location_basis = excluded.location_basis, year = excluded.year,
               investment_amount = excluded.investment_amount,
               investment_unit = excluded.investment_unit,
               investment_million_kzt = excluded.investment_million_kzt, jobs = excluded.jobs,
               capacity = excluded.capacity, status = excluded.status,
               status_detail = excluded.status_detail, source = excluded.source,
               notes = excluded.notes",
            super::write::INSERT_PROJECT
        );
        tx.prepare(&upsert)
            .and_then(|mut stmt| super::write::insert_project(&mut stmt, &blob, project))
            .map_err(sql_error(path, "writing the project"))?;
        touch_layer(tx, path, "projects")
    })
}

/// Deletes the project `code`. A project a scenario includes is refused (deleting it would
/// silently drop it from that scenario): the planner removes it from the scenario first.
pub fn delete_project(path: &Path, code: &str) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let used_by: Option<String> = tx
            .query_row(
                "SELECT s.name_en FROM scenario_projects p
                 JOIN scenarios s ON s.scenario_id = p.scenario_id
                 WHERE p.project_code = ?1 ORDER BY s.id LIMIT 1",
                [code],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_error(path, "checking the scenarios"))?;
        if let Some(scenario) = used_by {
            return Err(invalid(
                path,
                Problem::ProjectInScenario { code: code.to_owned(), scenario },
            ));
        }
        let deleted = tx
            .execute("DELETE FROM projects WHERE code = ?1", [code])
            .map_err(sql_error(path, "deleting the project"))?;
        if deleted == 0 {
            return Err(invalid(path, Problem::NoProjectToDelete(code.to_owned())));
        }
        touch_layer(tx, path, "projects")
    })
}

/// Adds or replaces the corridor with id `corridor.id` (its feature id). The line needs at
/// least two points and the corridor a name.
pub fn put_corridor(path: &Path, corridor: &Corridor) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let what = Subject::Corridor { id: corridor.id, names: Box::new(corridor.names.clone()) };
        if corridor.id <= 0 {
            return Err(invalid(path, Problem::IdNotPositive(what)));
        }
        check_name(path, &corridor.names, &what)?;
        if corridor.line.0.len() < 2 {
            return Err(invalid(path, Problem::LineTooShort(what)));
        }
        let blob = gpkg::linestring_blob(&corridor.line).map_err(|detail| {
            invalid(path, Problem::Geometry { part: GeometryPart::Line, subject: what, detail })
        })?;
        tx.execute(
            "INSERT INTO corridors (fid, geom, name_kk, name_ru, name_en, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (fid) DO UPDATE SET geom = excluded.geom, name_kk = excluded.name_kk,
               name_ru = excluded.name_ru, name_en = excluded.name_en, kind = excluded.kind",
            params![
                corridor.id,
                blob,
                corridor.names.kk,
                corridor.names.ru,
                corridor.names.en,
                codes::corridor_kind(corridor.kind),
            ],
        )
        .map_err(sql_error(path, "writing the corridor"))?;
        touch_layer(tx, path, "corridors")
    })
}

/// Deletes the corridor with id `id`; refused when there is none.
pub fn delete_corridor(path: &Path, id: i64) -> Result<(), StoreError> {
    in_transaction(path, |tx| {
        let deleted = tx
            .execute("DELETE FROM corridors WHERE fid = ?1", [id])
            .map_err(sql_error(path, "deleting the corridor"))?;
        if deleted == 0 {
            return Err(invalid(path, Problem::NoCorridorToDelete(id)));
        }
        touch_layer(tx, path, "corridors")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Aggregation, CorridorKind, Dataset, GrowthLevel, IndicatorDef, Investment, LocationBasis,
        Names, ProjectStatus, Region, RegionKind, Sector,
    };
    use crate::store::{create, load};
    use geo::{LineString, Point};
    use std::path::PathBuf;

    fn region(code: &str, en: &str) -> Region {
        Region {
            code: code.into(),
            names: Names::new(en, en, en),
            kind: RegionKind::Oblast,
            admin_center: None,
            admin_center_location: None,
            kato: None,
            valid_from: None,
            valid_to: None,
        }
    }

    fn dataset() -> Dataset {
        Dataset {
            regions: vec![region("KZ-AKM", "Akmola Region"), region("KZ-KAR", "Karaganda Region")],
            indicators: vec![IndicatorDef {
                key: "population".into(),
                names: Names::new("Халық", "Население", "Population"),
                unit: Names::new("адам", "человек", "people"),
                aggregation: Aggregation::Additive,
                higher_is_better: true,
                decimals: 0,
            }],
            values: vec![value("KZ-AKM", 2020, 738_000.0)],
            ..Dataset::default()
        }
    }

    fn value(region: &str, year: i32, v: f64) -> IndicatorValue {
        IndicatorValue {
            region_code: region.into(),
            year,
            indicator: "population".into(),
            value: v,
            source: "test".into(),
            note: String::new(),
        }
    }

    fn point(id: i64) -> GrowthPoint {
        GrowthPoint {
            id,
            names: Names::new("Көкшетау", "Кокшетау", "Kokshetau"),
            region_code: "KZ-AKM".into(),
            location: Some(Point::new(69.39, 53.28)),
            population: Some(160_000),
            population_year: Some(2023),
            level: Some(GrowthLevel::Second),
            is_monotown: false,
            status: "regional centre".into(),
            source: "planner".into(),
        }
    }

    fn project(code: &str) -> Project {
        Project {
            code: code.into(),
            names: Names::new("Зауыт", "Завод", "Plant"),
            company: "ACME".into(),
            sector: Sector::Metallurgy,
            sector_detail: "steel".into(),
            region_code: "KZ-KAR".into(),
            location: Point::new(73.1, 49.8),
            location_basis: LocationBasis::TownCentre,
            year: Some(2025),
            investment: Some(Investment {
                amount: 12.5,
                unit: "bn KZT".into(),
                million_kzt: Some(12_500.0),
            }),
            jobs: Some(300),
            capacity: "1 Mt".into(),
            status: ProjectStatus::Planned,
            status_detail: "planned".into(),
            source: "planner".into(),
            notes: String::new(),
        }
    }

    fn corridor(id: i64) -> Corridor {
        Corridor {
            id,
            names: Names::new("Теміржол", "Железная дорога", "Railway"),
            kind: CorridorKind::Railway,
            line: LineString::from(vec![(69.4, 53.3), (71.4, 51.2), (73.1, 49.8)]),
        }
    }

    fn file() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("edit.gpkg");
        create(&path, &dataset()).unwrap();
        (dir, path)
    }

    fn extent(path: &Path, table: &str) -> Option<[f64; 4]> {
        let conn = Connection::open(path).unwrap();
        conn.query_row(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?1",
            [table],
            |r| {
                let get = |i| r.get::<_, Option<f64>>(i);
                Ok(match (get(0)?, get(1)?, get(2)?, get(3)?) {
                    (Some(a), Some(b), Some(c), Some(d)) => Some([a, b, c, d]),
                    _ => None,
                })
            },
        )
        .unwrap()
    }

    #[test]
    fn put_value_adds_a_new_year_and_replaces_an_existing_one_in_place() {
        let (_dir, path) = file();
        put_value(&path, &value("KZ-AKM", 2021, 740_000.0)).unwrap();
        put_value(&path, &value("KZ-AKM", 2020, 739_500.0)).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(
            loaded.values,
            vec![value("KZ-AKM", 2020, 739_500.0), value("KZ-AKM", 2021, 740_000.0)]
        );
    }

    #[test]
    fn delete_value_removes_it_and_refuses_a_missing_one() {
        let (_dir, path) = file();
        delete_value(&path, "KZ-AKM", "population", 2020).unwrap();
        assert!(load(&path).unwrap().values.is_empty());
        let error = delete_value(&path, "KZ-AKM", "population", 2020).unwrap_err().to_string();
        assert!(error.contains("no value of population for KZ-AKM in 2020"), "{error}");
    }

    #[test]
    fn put_value_refuses_unknown_region_indicator_and_non_finite_numbers() {
        let (_dir, path) = file();
        let error = put_value(&path, &value("KZ-XXX", 2020, 1.0)).unwrap_err().to_string();
        assert!(error.contains("region KZ-XXX"), "{error}");
        let mut v = value("KZ-AKM", 2020, 1.0);
        v.indicator = "grp".into();
        let error = put_value(&path, &v).unwrap_err().to_string();
        assert!(error.contains("no indicator grp"), "{error}");
        let error = put_value(&path, &value("KZ-AKM", 2020, f64::NAN)).unwrap_err().to_string();
        assert!(error.contains("not a finite number"), "{error}");
        assert_eq!(load(&path).unwrap().values, dataset().values);
    }

    #[test]
    fn national_values_are_accepted_under_the_country_code() {
        let (_dir, path) = file();
        put_value(&path, &value(NATIONAL_CODE, 2020, 19_000_000.0)).unwrap();
        assert_eq!(load(&path).unwrap().value(NATIONAL_CODE, "population", 2020), Some(19e6));
    }

    #[test]
    fn growth_point_round_trips_updates_in_place_and_grows_the_extent() {
        let (_dir, path) = file();
        put_growth_point(&path, &point(3)).unwrap();
        assert_eq!(load(&path).unwrap().growth_points, vec![point(3)]);
        let mut moved = point(3);
        moved.location = Some(Point::new(70.0, 52.0));
        moved.population = None;
        moved.level = None;
        put_growth_point(&path, &moved).unwrap();
        put_growth_point(&path, &point(1)).unwrap();
        // Ordered by id (feature id) as the file is read.
        assert_eq!(load(&path).unwrap().growth_points, vec![point(1), moved]);
        let [min_x, min_y, max_x, max_y] = extent(&path, "growth_points").unwrap();
        assert!(min_x <= 69.39 && max_x >= 70.0 && min_y <= 52.0 && max_y >= 53.28);
    }

    #[test]
    fn deleting_the_last_growth_point_empties_the_extent() {
        let (_dir, path) = file();
        put_growth_point(&path, &point(5)).unwrap();
        delete_growth_point(&path, 5).unwrap();
        assert!(load(&path).unwrap().growth_points.is_empty());
        assert_eq!(extent(&path, "growth_points"), None);
        let error = delete_growth_point(&path, 5).unwrap_err().to_string();
        assert!(error.contains("no growth point with id 5"), "{error}");
    }

    #[test]
    fn growth_point_without_name_or_with_unknown_region_is_refused() {
        let (_dir, path) = file();
        let mut nameless = point(1);
        nameless.names = Names::new(" ", "", "");
        let error = put_growth_point(&path, &nameless).unwrap_err().to_string();
        assert!(error.contains("no name"), "{error}");
        let mut elsewhere = point(1);
        elsewhere.region_code = "KZ-ZZZ".into();
        let error = put_growth_point(&path, &elsewhere).unwrap_err().to_string();
        assert!(error.contains("KZ-ZZZ"), "{error}");
        assert!(load(&path).unwrap().growth_points.is_empty());
    }

    #[test]
    fn project_round_trips_and_an_update_keeps_its_place() {
        let (_dir, path) = file();
        put_project(&path, &project("P-1")).unwrap();
        put_project(&path, &project("P-2")).unwrap();
        let mut changed = project("P-1");
        changed.jobs = Some(450);
        changed.investment = None;
        changed.status = ProjectStatus::Operating;
        put_project(&path, &changed).unwrap();
        assert_eq!(load(&path).unwrap().projects, vec![changed, project("P-2")]);
        delete_project(&path, "P-1").unwrap();
        assert_eq!(load(&path).unwrap().projects, vec![project("P-2")]);
        let error = delete_project(&path, "P-1").unwrap_err().to_string();
        assert!(error.contains("no project P-1"), "{error}");
    }

    #[test]
    fn a_project_in_a_scenario_is_not_deleted() {
        let (_dir, path) = file();
        put_project(&path, &project("P-1")).unwrap();
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "INSERT INTO scenarios (scenario_id, name_kk, name_ru, name_en, kind, base_year,
               horizon, description_kk, description_ru, description_en, indirect_jobs_multiplier)
             VALUES (1, 'a', 'b', 'Managed', 'managed', 2020, 2030, '', '', '', 0);
             INSERT INTO scenario_projects (scenario_id, project_code, realised, start_year,
               ramp_up_years, jobs, investment_million_kzt, build_years, annual_output_million_kzt)
             VALUES (1, 'P-1', 1, 2025, 2, 300, 0, 1, 0);",
        )
        .unwrap();
        drop(conn);
        let error = delete_project(&path, "P-1").unwrap_err().to_string();
        assert!(error.contains("scenario «Managed»"), "{error}");
        assert_eq!(load(&path).unwrap().projects, vec![project("P-1")]);
    }

    #[test]
    fn corridor_round_trips_and_a_one_point_line_is_refused() {
        let (_dir, path) = file();
        put_corridor(&path, &corridor(2)).unwrap();
        assert_eq!(load(&path).unwrap().corridors, vec![corridor(2)]);
        let mut short = corridor(3);
        short.line = LineString::from(vec![(70.0, 50.0)]);
        let error = put_corridor(&path, &short).unwrap_err().to_string();
        assert!(error.contains("at least two points"), "{error}");
        delete_corridor(&path, 2).unwrap();
        assert!(load(&path).unwrap().corridors.is_empty());
        assert_eq!(extent(&path, "corridors"), None);
    }

    #[test]
    fn a_foreign_file_is_refused_and_left_byte_for_byte_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.gpkg");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let error = put_growth_point(&path, &point(1)).unwrap_err();
        assert!(matches!(error, StoreError::NotOblys { .. }), "{error}");
        assert!(delete_value(&path, "KZ-AKM", "population", 2020).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
