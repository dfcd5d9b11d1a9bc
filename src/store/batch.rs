//! Writing many rows as one step, for edits that change a whole import at once (and their undo):
//! a set of indicator values put and deleted, or a batch of features removed again. Each call is
//! one transaction, checked against the file first, so it lands whole or leaves the file as it
//! was.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Transaction, params};

use super::edit::touch_layer;
use super::{
    FeatureBatch, Problem, Removal, StoreError, Subject, ValueReason, open_for_writing, sql_error,
};
use crate::model::{IndicatorValue, NATIONAL_CODE};

/// The key of one indicator value: region code, indicator key and year.
pub type ValueKey = (String, String, i32);

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

/// In one transaction on the file at `path`: deletes the value of every key in `delete` (each
/// must be there), then sets every value of `put` (a new key is added last, an existing one
/// gets the value, source and note in place). A value naming a unit or indicator the file does
/// not have, or a number that is not finite, refuses everything; so does a failure while writing.
pub fn change_values(
    path: &Path,
    put: &[IndicatorValue],
    delete: &[ValueKey],
) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    // Room for both indexes of indicator_values while a large import goes in or comes back out.
    conn.pragma_update(None, "cache_size", -65_536)
        .map_err(sql_error(path, "setting the page cache"))?;
    let writing = "changing the values (nothing was changed)";
    let tx = conn.transaction().map_err(sql_error(path, "starting the change"))?;
    let units = column(&tx, path, "SELECT code FROM units")?;
    let indicators = column(&tx, path, "SELECT key FROM indicators")?;
    for v in put {
        let reason = if v.region_code != NATIONAL_CODE && !units.contains(&v.region_code) {
            ValueReason::NoUnit(v.region_code.clone())
        } else if !indicators.contains(&v.indicator) {
            ValueReason::NoIndicator(v.indicator.clone())
        } else if !v.value.is_finite() {
            ValueReason::NotFinite(v.value)
        } else {
            continue;
        };
        let subject = Subject::Value {
            indicator: v.indicator.clone(),
            region: v.region_code.clone(),
            year: v.year,
        };
        return Err(invalid(path, Problem::ValueNotChanged { subject, reason }));
    }
    {
        let mut remove = tx
            .prepare(
                "DELETE FROM indicator_values
                 WHERE region_code = ?1 AND indicator = ?2 AND year = ?3",
            )
            .map_err(sql_error(path, writing))?;
        for (region, indicator, year) in delete {
            let deleted = remove
                .execute(params![region, indicator, year])
                .map_err(sql_error(path, writing))?;
            if deleted == 0 {
                return Err(invalid(
                    path,
                    Problem::NoValueToChange {
                        indicator: indicator.clone(),
                        region: region.clone(),
                        year: *year,
                    },
                ));
            }
        }
        let mut upsert = tx
            .prepare(
                "INSERT INTO indicator_values (region_code, indicator, year, value, source, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (region_code, indicator, year) DO UPDATE
                 SET value = excluded.value, source = excluded.source, note = excluded.note",
            )
            .map_err(sql_error(path, writing))?;
        for v in put {
            upsert
                .execute(params![v.region_code, v.indicator, v.year, v.value, v.source, v.note])
                .map_err(sql_error(path, writing))?;
        }
    }
    // Dropping the transaction on any error above rolls every row back.
    tx.commit().map_err(sql_error(path, "committing the change (nothing was changed)"))
}

/// Removes every feature of `batch` (growth points and corridors by id, projects by code) from
/// the file at `path` in one transaction: the undo of [`add_features`](super::add_features).
/// Each must be there, and no project may be part of a scenario; otherwise nothing is removed.
pub fn remove_features(path: &Path, batch: &FeatureBatch) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let writing = "removing the features (nothing was removed)";
    let tx = conn.transaction().map_err(sql_error(path, "starting the change"))?;
    let in_scenarios = column(&tx, path, "SELECT project_code FROM scenario_projects")?;
    let missing = |what: Removal| invalid(path, Problem::NothingToRemove(what));
    {
        let mut stmt = tx
            .prepare("DELETE FROM growth_points WHERE fid = ?1")
            .map_err(sql_error(path, writing))?;
        for g in &batch.growth_points {
            if stmt.execute([g.id]).map_err(sql_error(path, writing))? == 0 {
                return Err(missing(Removal::GrowthPoint(g.id)));
            }
        }
        let mut stmt =
            tx.prepare("DELETE FROM projects WHERE code = ?1").map_err(sql_error(path, writing))?;
        for p in &batch.projects {
            if in_scenarios.contains(&p.code) {
                return Err(invalid(path, Problem::ProjectInAScenario(p.code.clone())));
            }
            if stmt.execute([&p.code]).map_err(sql_error(path, writing))? == 0 {
                return Err(missing(Removal::Project(p.code.clone())));
            }
        }
        let mut stmt =
            tx.prepare("DELETE FROM corridors WHERE fid = ?1").map_err(sql_error(path, writing))?;
        for c in &batch.corridors {
            if stmt.execute([c.id]).map_err(sql_error(path, writing))? == 0 {
                return Err(missing(Removal::Corridor(c.id)));
            }
        }
    }
    for (table, changed) in [
        ("growth_points", !batch.growth_points.is_empty()),
        ("projects", !batch.projects.is_empty()),
        ("corridors", !batch.corridors.is_empty()),
    ] {
        if changed {
            touch_layer(&tx, path, table)?;
        }
    }
    tx.commit().map_err(sql_error(path, "committing the change (nothing was removed)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{add_features, create, load};

    fn default_file() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.gpkg");
        create(&path, &crate::io::default_dataset::build().unwrap()).unwrap();
        (dir, path)
    }

    fn value(code: &str, year: i32, v: f64) -> IndicatorValue {
        IndicatorValue {
            region_code: code.into(),
            year,
            indicator: "population".into(),
            value: v,
            source: "b.csv".into(),
            note: String::new(),
        }
    }

    #[test]
    fn values_are_put_and_deleted_together_and_a_missing_one_refuses_all() {
        let (_dir, path) = default_file();
        let before = load(&path).unwrap();
        let old = before.values.first().unwrap().clone();
        let replaced = IndicatorValue { value: old.value + 1.0, ..old.clone() };
        change_values(&path, &[value("KZ-AKM", 2097, 5.0), replaced.clone()], &[]).unwrap();
        let after = load(&path).unwrap();
        assert_eq!(after.values.first(), Some(&replaced));
        assert_eq!(after.value("KZ-AKM", "population", 2097), Some(5.0));
        let key = ("KZ-AKM".to_owned(), "population".to_owned(), 2097);
        let gone = ("KZ-AKM".to_owned(), "population".to_owned(), 2096);
        let error =
            change_values(&path, std::slice::from_ref(&old), &[key.clone(), gone]).unwrap_err();
        assert!(error.to_string().contains("no value of population for KZ-AKM in 2096"), "{error}");
        assert_eq!(load(&path).unwrap(), after);
        change_values(&path, &[old], &[key]).unwrap();
        assert_eq!(load(&path).unwrap(), before);
    }

    #[test]
    fn added_features_are_removed_whole() {
        let (_dir, path) = default_file();
        let before = load(&path).unwrap();
        let mut g = before.growth_points.first().unwrap().clone();
        g.id = 9_001;
        let batch = FeatureBatch { growth_points: vec![g], ..FeatureBatch::default() };
        add_features(&path, &batch).unwrap();
        let mut twice = batch.clone();
        twice.growth_points.push(twice.growth_points[0].clone());
        let error = remove_features(&path, &twice).unwrap_err();
        assert!(error.to_string().contains("no growth point with id 9001"), "{error}");
        assert_eq!(load(&path).unwrap().growth_points.len(), before.growth_points.len() + 1);
        remove_features(&path, &batch).unwrap();
        assert_eq!(load(&path).unwrap(), before);
    }
}
