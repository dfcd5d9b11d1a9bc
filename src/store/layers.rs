//! Writing an imported layer in one transaction: a batch of new growth points, projects and
//! corridors, or a whole boundary edition (its `editions` row and one `regions` feature row per
//! unit). Everything is checked against the file first, so a refusal names what is wrong and
//! leaves the file as it was; the R-tree indexes follow through the file's triggers and the
//! layers' extents in `gpkg_contents` are recomputed.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{OptionalExtension, Transaction, params};

use super::edit::touch_layer;
use super::{
    EditionReason, FeatureReason, GeometryPart, Problem, StoreError, Subject, codes, gpkg,
    open_for_writing, sql_error,
};
use crate::model::{BoundaryEdition, Corridor, GrowthPoint, Names, Project};

/// New features to add to the file's point and line layers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeatureBatch {
    pub growth_points: Vec<GrowthPoint>,
    pub projects: Vec<Project>,
    pub corridors: Vec<Corridor>,
}

/// How many features [`add_features`] wrote to each layer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayerSummary {
    pub growth_points: usize,
    pub projects: usize,
    pub corridors: usize,
}

/// What [`write_edition`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditionSummary {
    /// Regions written.
    pub units: usize,
    /// True when an edition with the same key was replaced.
    pub replaced: bool,
    /// The edition that was current until now and ends where the new one begins.
    pub closed: Option<String>,
}

fn invalid(path: &Path, problem: Problem) -> StoreError {
    StoreError::Invalid { path: path.to_owned(), problem }
}

/// Every value of one text column.
fn column(tx: &Transaction, path: &Path, sql: &str) -> Result<HashSet<String>, StoreError> {
    let mut stmt = tx.prepare(sql).map_err(sql_error(path, "reading the file"))?;
    stmt.query_map([], |r| r.get::<_, String>(0))
        .and_then(|rows| rows.collect::<Result<HashSet<_>, _>>())
        .map_err(sql_error(path, "reading the file"))
}

fn ids(tx: &Transaction, path: &Path, table: &str) -> Result<HashSet<i64>, StoreError> {
    let mut stmt =
        tx.prepare(&format!("SELECT fid FROM {table}")).map_err(sql_error(path, "reading ids"))?;
    stmt.query_map([], |r| r.get::<_, i64>(0))
        .and_then(|rows| rows.collect::<Result<HashSet<_>, _>>())
        .map_err(sql_error(path, "reading ids"))
}

fn named(names: &Names) -> bool {
    [&names.kk, &names.ru, &names.en].iter().any(|n| !n.trim().is_empty())
}

/// Checks every feature of `batch` against the file: ids and codes new and unique, regions
/// known, a name on each, lines of two points or more.
fn check_batch(tx: &Transaction, path: &Path, batch: &FeatureBatch) -> Result<(), StoreError> {
    let units = column(tx, path, "SELECT code FROM units")?;
    let refuse = |subject: Subject, reason: FeatureReason| {
        Err(invalid(path, Problem::FeatureNotImported { subject, reason }))
    };
    let mut point_ids = ids(tx, path, "growth_points")?;
    for g in &batch.growth_points {
        let what = Subject::GrowthPoint { id: g.id, names: Box::new(g.names.clone()) };
        if g.id <= 0 || !point_ids.insert(g.id) {
            return refuse(what, FeatureReason::IdTaken);
        }
        if !named(&g.names) {
            return refuse(what, FeatureReason::NoName);
        }
        if !units.contains(&g.region_code) {
            return refuse(what, FeatureReason::NoRegion(g.region_code.clone()));
        }
    }
    let mut project_codes = column(tx, path, "SELECT code FROM projects")?;
    for p in &batch.projects {
        let what = Subject::Project { code: p.code.clone(), names: Box::new(p.names.clone()) };
        if p.code.trim().is_empty() || !project_codes.insert(p.code.clone()) {
            return refuse(what, FeatureReason::CodeTaken);
        }
        if !named(&p.names) {
            return refuse(what, FeatureReason::NoName);
        }
        if !units.contains(&p.region_code) {
            return refuse(what, FeatureReason::NoRegion(p.region_code.clone()));
        }
    }
    let mut corridor_ids = ids(tx, path, "corridors")?;
    for c in &batch.corridors {
        let what = Subject::Corridor { id: c.id, names: Box::new(c.names.clone()) };
        if c.id <= 0 || !corridor_ids.insert(c.id) {
            return refuse(what, FeatureReason::IdTaken);
        }
        if !named(&c.names) {
            return refuse(what, FeatureReason::NoName);
        }
        if c.line.0.len() < 2 {
            return refuse(what, FeatureReason::LineTooShort);
        }
    }
    Ok(())
}

/// Adds every feature of `batch` to the file at `path` in one transaction: all of them or, on
/// any refusal or failure, none. Ids and codes must be new (nothing is overwritten).
pub fn add_features(path: &Path, batch: &FeatureBatch) -> Result<LayerSummary, StoreError> {
    let mut conn = open_for_writing(path)?;
    // Room for the pages of the R-tree and the tables while tens of thousands of rows go in.
    conn.pragma_update(None, "cache_size", -65_536)
        .map_err(sql_error(path, "setting the page cache"))?;
    let writing = "writing the imported features (nothing was imported)";
    let tx = conn.transaction().map_err(sql_error(path, "starting the import"))?;
    check_batch(&tx, path, batch)?;
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO growth_points (fid, geom, name_kk, name_ru, name_en, region_code,
                   population, population_year, level, is_monotown, status, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )
            .map_err(sql_error(path, writing))?;
        for g in &batch.growth_points {
            let blob = g.location.map(gpkg::point_blob).transpose().map_err(|detail| {
                let subject = Subject::GrowthPointId(g.id);
                invalid(path, Problem::Geometry { part: GeometryPart::Location, subject, detail })
            })?;
            let population = g
                .population
                .map(i64::try_from)
                .transpose()
                .map_err(|_| invalid(path, Problem::ImportedPopulationTooLarge(g.id)))?;
            stmt.execute(params![
                g.id,
                blob,
                g.names.kk,
                g.names.ru,
                g.names.en,
                g.region_code,
                population,
                g.population_year,
                g.level.map(|l| l as i32),
                g.is_monotown,
                g.status,
                g.source,
            ])
            .map_err(sql_error(path, writing))?;
        }
        let mut stmt =
            tx.prepare(super::write::INSERT_PROJECT).map_err(sql_error(path, writing))?;
        for p in &batch.projects {
            let blob = gpkg::point_blob(p.location).map_err(|detail| {
                let subject = Subject::ProjectCode(p.code.clone());
                invalid(path, Problem::Geometry { part: GeometryPart::Location, subject, detail })
            })?;
            super::write::insert_project(&mut stmt, &blob, p).map_err(sql_error(path, writing))?;
        }
        let mut stmt = tx
            .prepare(
                "INSERT INTO corridors (fid, geom, name_kk, name_ru, name_en, kind)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .map_err(sql_error(path, writing))?;
        for c in &batch.corridors {
            let blob = gpkg::linestring_blob(&c.line).map_err(|detail| {
                let subject = Subject::CorridorId(c.id);
                invalid(path, Problem::Geometry { part: GeometryPart::Line, subject, detail })
            })?;
            stmt.execute(params![
                c.id,
                blob,
                c.names.kk,
                c.names.ru,
                c.names.en,
                codes::corridor_kind(c.kind),
            ])
            .map_err(sql_error(path, writing))?;
        }
    }
    for (table, count) in [
        ("growth_points", batch.growth_points.len()),
        ("projects", batch.projects.len()),
        ("corridors", batch.corridors.len()),
    ] {
        if count > 0 {
            touch_layer(&tx, path, table)?;
        }
    }
    tx.commit().map_err(sql_error(path, "committing the import (nothing was imported)"))?;
    Ok(LayerSummary {
        growth_points: batch.growth_points.len(),
        projects: batch.projects.len(),
        corridors: batch.corridors.len(),
    })
}

/// Writes `edition` into the file at `path` in one transaction. A new key adds the edition; an
/// existing key is refused unless `replace`, which replaces that edition's names, years and
/// every region row. When the edition is current (no end year), the edition current until now
/// ends in the new one's first year, which must come after that edition's own first year. Every
/// unit must be a region of the file, once, with a non-empty shape and a finite area.
pub fn write_edition(
    path: &Path,
    edition: &BoundaryEdition,
    replace: bool,
) -> Result<EditionSummary, StoreError> {
    let key = edition.key.trim();
    let refuse = |reason: EditionReason| {
        Err(invalid(path, Problem::EditionNotImported { key: key.to_owned(), reason }))
    };
    if key.is_empty() {
        return refuse(EditionReason::EmptyKey);
    }
    if edition.units.is_empty() {
        return refuse(EditionReason::NoRegions);
    }
    let mut conn = open_for_writing(path)?;
    let writing = "writing the boundary edition (nothing was imported)";
    let tx = conn.transaction().map_err(sql_error(path, "starting the import"))?;
    let exists = tx
        .query_row("SELECT 1 FROM editions WHERE key = ?1", [key], |_| Ok(()))
        .optional()
        .map_err(sql_error(path, writing))?
        .is_some();
    if exists && !replace {
        return refuse(EditionReason::Exists);
    }
    let mut seen = HashSet::new();
    let mut unit_rows = Vec::with_capacity(edition.units.len());
    for unit in &edition.units {
        let code = unit.region_code.as_str();
        if !seen.insert(code) {
            return refuse(EditionReason::RegionTwice(code.to_owned()));
        }
        if unit.geometry.0.is_empty() {
            return refuse(EditionReason::EmptyShape(code.to_owned()));
        }
        if !unit.area_km2.is_finite() || unit.area_km2 < 0.0 {
            return refuse(EditionReason::BadArea { code: code.to_owned(), area: unit.area_km2 });
        }
        let row: Option<(String, String, String, String)> = tx
            .query_row(
                "SELECT name_kk, name_ru, name_en, kind FROM units WHERE code = ?1",
                [code],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(sql_error(path, writing))?;
        let Some(names) = row else {
            return refuse(EditionReason::NoRegion(code.to_owned()));
        };
        let blob = gpkg::multipolygon_blob(&unit.geometry).map_err(|detail| {
            let subject = Subject::Boundary { code: code.to_owned(), edition: key.to_owned() };
            invalid(path, Problem::Geometry { part: GeometryPart::Boundary, subject, detail })
        })?;
        unit_rows.push((unit, names, blob));
    }

    let mut closed = None;
    if edition.valid_to.is_none() {
        let current: Option<(String, Option<i32>)> = tx
            .query_row(
                "SELECT key, valid_from FROM editions WHERE valid_to IS NULL AND key <> ?1
                 ORDER BY id DESC LIMIT 1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql_error(path, writing))?;
        if let Some((current, current_from)) = current {
            let Some(from) = edition.valid_from else {
                return refuse(EditionReason::NeedsFirstYear { current });
            };
            if current_from.is_some_and(|c| from <= c) {
                return refuse(EditionReason::BeginsTooEarly {
                    began: current_from.unwrap_or_default(),
                    current,
                });
            }
            tx.execute(
                "UPDATE editions SET valid_to = ?1 WHERE valid_to IS NULL AND key <> ?2",
                params![from, key],
            )
            .map_err(sql_error(path, writing))?;
            closed = Some(current);
        }
    }
    if exists {
        tx.execute("DELETE FROM regions WHERE edition = ?1", [key])
            .map_err(sql_error(path, writing))?;
        tx.execute(
            "UPDATE editions SET name_kk = ?2, name_ru = ?3, name_en = ?4, valid_from = ?5,
               valid_to = ?6 WHERE key = ?1",
            params![
                key,
                edition.names.kk,
                edition.names.ru,
                edition.names.en,
                edition.valid_from,
                edition.valid_to
            ],
        )
        .map_err(sql_error(path, writing))?;
    } else {
        tx.execute(
            "INSERT INTO editions (key, name_kk, name_ru, name_en, valid_from, valid_to)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                key,
                edition.names.kk,
                edition.names.ru,
                edition.names.en,
                edition.valid_from,
                edition.valid_to
            ],
        )
        .map_err(sql_error(path, writing))?;
    }
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO regions (geom, edition, code, name_kk, name_ru, name_en, kind,
                   area_km2)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(sql_error(path, writing))?;
        for (unit, (kk, ru, en, kind), blob) in &unit_rows {
            stmt.execute(params![blob, key, unit.region_code, kk, ru, en, kind, unit.area_km2])
                .map_err(sql_error(path, writing))?;
        }
    }
    touch_layer(&tx, path, "regions")?;
    tx.commit().map_err(sql_error(path, "committing the import (nothing was imported)"))?;
    Ok(EditionSummary { units: unit_rows.len(), replaced: exists, closed })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CorridorKind, Dataset, EditionUnit};
    use crate::store::{create, load};
    use geo::{LineString, MultiPolygon, Point, polygon};
    use std::sync::OnceLock;

    fn default_dataset() -> &'static Dataset {
        static DATASET: OnceLock<Dataset> = OnceLock::new();
        DATASET.get_or_init(|| crate::io::default_dataset::build().unwrap())
    }

    fn default_file() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.gpkg");
        create(&path, default_dataset()).unwrap();
        (dir, path)
    }

    fn point(id: i64) -> GrowthPoint {
        GrowthPoint {
            id,
            names: Names::new("", "Степногорск", ""),
            region_code: "KZ-AKM".into(),
            location: Some(Point::new(71.89, 52.35)),
            population: Some(47_000),
            population_year: Some(2023),
            level: None,
            is_monotown: true,
            status: String::new(),
            source: "layer.geojson".into(),
        }
    }

    fn corridor(id: i64) -> Corridor {
        Corridor {
            id,
            names: Names::new("", "", "Link"),
            kind: CorridorKind::Road,
            line: LineString::from(vec![(70.0, 50.0), (71.0, 51.0)]),
        }
    }

    fn square_unit(code: &str) -> EditionUnit {
        let shape = polygon![(x: 70.0, y: 50.0), (x: 71.0, y: 50.0), (x: 71.0, y: 51.0), (x: 70.0, y: 51.0)];
        EditionUnit {
            region_code: code.into(),
            geometry: MultiPolygon::new(vec![shape]),
            area_km2: 7_800.0,
        }
    }

    fn edition(key: &str, units: Vec<EditionUnit>) -> BoundaryEdition {
        BoundaryEdition {
            key: key.into(),
            names: Names::new("a", "b", "c"),
            valid_from: Some(2025),
            valid_to: None,
            units,
        }
    }

    #[test]
    fn a_batch_lands_whole_with_rtree_rows() {
        let (_dir, path) = default_file();
        let before = load(&path).unwrap();
        let id = before.growth_points.iter().map(|g| g.id).max().unwrap() + 1;
        let cid = before.corridors.iter().map(|c| c.id).max().unwrap_or(0) + 1;
        let batch = FeatureBatch {
            growth_points: vec![point(id), point(id + 1)],
            projects: Vec::new(),
            corridors: vec![corridor(cid)],
        };
        let summary = add_features(&path, &batch).unwrap();
        assert_eq!(summary, LayerSummary { growth_points: 2, projects: 0, corridors: 1 });
        let after = load(&path).unwrap();
        assert_eq!(after.growth_points.len(), before.growth_points.len() + 2);
        assert_eq!(after.growth_points.last(), Some(&point(id + 1)));
        assert_eq!(after.corridors.last(), Some(&corridor(cid)));
        let conn = rusqlite::Connection::open(&path).unwrap();
        let indexed: i64 = conn
            .query_row("SELECT count(*) FROM rtree_growth_points_geom WHERE id >= ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(indexed, 2);
    }

    #[test]
    fn a_taken_id_refuses_the_whole_batch() {
        let (_dir, path) = default_file();
        let taken = default_dataset().growth_points[0].id;
        let batch = FeatureBatch {
            growth_points: vec![point(9_000), point(taken)],
            ..FeatureBatch::default()
        };
        let error = add_features(&path, &batch).unwrap_err().to_string();
        assert!(error.contains(&format!("growth point {taken}")), "{error}");
        assert!(error.contains("nothing was imported"), "{error}");
        assert_eq!(load(&path).unwrap().growth_points, default_dataset().growth_points);
    }

    #[test]
    fn a_new_current_edition_ends_the_previous_one() {
        let (_dir, path) = default_file();
        let summary =
            write_edition(&path, &edition("2025", vec![square_unit("KZ-AKM")]), false).unwrap();
        assert_eq!(
            summary,
            EditionSummary { units: 1, replaced: false, closed: Some("2022".into()) }
        );
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.edition("2022").unwrap().valid_to, Some(2025));
        let current = loaded.current_edition().unwrap();
        assert_eq!(current.key, "2025");
        assert_eq!(current.units, vec![square_unit("KZ-AKM")]);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let indexed: i64 = conn
            .query_row(
                "SELECT count(*) FROM rtree_regions_geom WHERE id IN
                   (SELECT fid FROM regions WHERE edition = '2025')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(indexed, 1);
    }

    #[test]
    fn an_existing_key_is_refused_without_replace_and_replaced_with_it() {
        let (_dir, path) = default_file();
        let before = std::fs::read(&path).unwrap();
        let mut e = edition("2022", vec![square_unit("KZ-AKM")]);
        e.valid_from = Some(2022);
        let error = write_edition(&path, &e, false).unwrap_err().to_string();
        assert!(error.contains("already has it"), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let summary = write_edition(&path, &e, true).unwrap();
        assert_eq!(summary, EditionSummary { units: 1, replaced: true, closed: None });
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.edition("2022").unwrap().units, vec![square_unit("KZ-AKM")]);
        assert_eq!(loaded.editions.len(), 3);
    }

    #[test]
    fn unknown_regions_duplicates_and_an_early_start_are_refused() {
        let (_dir, path) = default_file();
        let error = write_edition(&path, &edition("x", vec![square_unit("KZ-ATL")]), false)
            .unwrap_err()
            .to_string();
        assert!(error.contains("no region KZ-ATL"), "{error}");
        let twice = edition("x", vec![square_unit("KZ-AKM"), square_unit("KZ-AKM")]);
        let error = write_edition(&path, &twice, false).unwrap_err().to_string();
        assert!(error.contains("KZ-AKM appears twice"), "{error}");
        let mut early = edition("x", vec![square_unit("KZ-AKM")]);
        early.valid_from = Some(2020);
        let error = write_edition(&path, &early, false).unwrap_err().to_string();
        assert!(error.contains("must begin after 2022"), "{error}");
        assert_eq!(load(&path).unwrap().editions, default_dataset().editions);
    }
}
