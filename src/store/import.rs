//! Writing imported indicator values into the file: every row in one transaction (a value already
//! there for the same region, indicator and year is replaced), checked first against the file's
//! units and indicators, so an import lands whole or not at all.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::params;

use super::{Problem, StoreError, ValueReason, open_for_writing, sql_error};
use crate::model::{IndicatorValue, NATIONAL_CODE};

/// What an import changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Values the file did not have.
    pub inserted: usize,
    /// Values that replaced a different value.
    pub replaced: usize,
    /// Values equal to the one already there (left as they were, with their source).
    pub unchanged: usize,
}

/// Writes `rows` into the Oblys file at `path` in one transaction: a new (region, indicator, year)
/// is inserted, an existing one with a different value is replaced (value, source and note), an
/// equal one is left alone. The file is checked as [`load`](super::load) checks it (a foreign or
/// damaged file is refused untouched); a row naming a unit or indicator the file does not have, or
/// a value that is not finite, refuses the whole import; any failure while writing rolls back
/// everything.
pub fn import_values(path: &Path, rows: &[IndicatorValue]) -> Result<ImportSummary, StoreError> {
    let mut conn = open_for_writing(path)?;
    let keys = |sql: &str, context: &'static str| -> Result<HashSet<String>, StoreError> {
        let mut stmt = conn.prepare(sql).map_err(sql_error(path, context))?;
        stmt.query_map([], |r| r.get::<_, String>(0))
            .and_then(|rows| rows.collect::<Result<HashSet<_>, _>>())
            .map_err(sql_error(path, context))
    };
    let units = keys("SELECT code FROM units", "reading the units")?;
    let indicators = keys("SELECT key FROM indicators", "reading the indicators")?;
    for (index, row) in rows.iter().enumerate() {
        let reason = if row.region_code != NATIONAL_CODE && !units.contains(&row.region_code) {
            ValueReason::NoUnit(row.region_code.clone())
        } else if !indicators.contains(&row.indicator) {
            ValueReason::NoIndicator(row.indicator.clone())
        } else if !row.value.is_finite() {
            ValueReason::NotFinite(row.value)
        } else {
            continue;
        };
        return Err(StoreError::Invalid {
            path: path.to_owned(),
            problem: Problem::ImportValue {
                index: index + 1,
                region: row.region_code.clone(),
                indicator: row.indicator.clone(),
                year: row.year,
                reason,
            },
        });
    }

    // Room for the pages of both indexes of indicator_values while 100,000 rows go in (the
    // default 2 MB cache makes SQLite re-read index pages from the WAL).
    conn.pragma_update(None, "cache_size", -65_536)
        .map_err(sql_error(path, "setting the page cache"))?;
    let writing = "importing values (nothing was imported)";
    let tx = conn.transaction().map_err(sql_error(path, "starting the import"))?;
    let count = |tx: &rusqlite::Transaction| {
        tx.query_row("SELECT count(*) FROM indicator_values", [], |r| r.get::<_, i64>(0))
            .map_err(sql_error(path, writing))
    };
    let before = count(&tx)?;
    let mut changed = 0_usize;
    {
        // One statement per row: a new key is inserted, a different value replaces the old one
        // (with its source and note), an equal value changes nothing.
        let mut upsert = tx
            .prepare(
                "INSERT INTO indicator_values (region_code, indicator, year, value, source, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (region_code, indicator, year) DO UPDATE
                 SET value = excluded.value, source = excluded.source, note = excluded.note
                 WHERE value <> excluded.value",
            )
            .map_err(sql_error(path, writing))?;
        for v in rows {
            changed += upsert
                .execute(params![v.region_code, v.indicator, v.year, v.value, v.source, v.note])
                .map_err(sql_error(path, writing))?;
        }
    }
    let inserted = usize::try_from(count(&tx)? - before).unwrap_or(0);
    let summary = ImportSummary {
        inserted,
        replaced: changed.saturating_sub(inserted),
        unchanged: rows.len().saturating_sub(changed),
    };
    // Dropping the transaction on any error above rolls every row back.
    tx.commit().map_err(sql_error(path, "committing the import (nothing was imported)"))?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{create, load};

    fn value(code: &str, year: i32, indicator: &str, value: f64) -> IndicatorValue {
        IndicatorValue {
            region_code: code.to_owned(),
            year,
            indicator: indicator.to_owned(),
            value,
            source: "test.csv".to_owned(),
            note: "import 2026-11-23".to_owned(),
        }
    }

    fn default_file() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.gpkg");
        create(&path, &crate::io::default_dataset::build().unwrap()).unwrap();
        (dir, path)
    }

    fn stored(path: &Path, code: &str, indicator: &str, year: i32) -> Option<(f64, String)> {
        load(path).unwrap().values.into_iter().find_map(|v| {
            (v.region_code == code && v.indicator == indicator && v.year == year)
                .then_some((v.value, v.source))
        })
    }

    #[test]
    fn new_values_are_inserted_different_ones_replaced_equal_ones_left() {
        let (_dir, path) = default_file();
        let before = load(&path).unwrap();
        let of = |code: &str| {
            before
                .values
                .iter()
                .find(|v| v.region_code == code && v.indicator == "population")
                .unwrap()
                .clone()
        };
        let (existing, same) = (of("KZ-AKM"), of("KZ-PAV"));
        let rows = [
            value("KZ-AKM", 2099, "population", 1.0),
            value("KZ-AKM", existing.year, "population", existing.value + 1.0),
            value("KZ", 2099, "grp", 5.0),
            IndicatorValue { source: "other.csv".into(), ..same.clone() },
        ];
        let summary = import_values(&path, &rows).unwrap();
        assert_eq!(summary, ImportSummary { inserted: 2, replaced: 1, unchanged: 1 });
        assert_eq!(stored(&path, "KZ-AKM", "population", 2099), Some((1.0, "test.csv".into())));
        assert_eq!(
            stored(&path, "KZ-AKM", "population", existing.year),
            Some((existing.value + 1.0, "test.csv".into()))
        );
        assert_eq!(
            stored(&path, "KZ-PAV", "population", same.year),
            Some((same.value, same.source))
        );
        assert_eq!(load(&path).unwrap().values.len(), before.values.len() + 2);
    }

    #[test]
    fn a_failure_in_the_middle_rolls_back_every_row() {
        let (_dir, path) = default_file();
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TRIGGER refuse_666 BEFORE INSERT ON indicator_values
                 WHEN NEW.value = 666 BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
            )
            .unwrap();
        }
        let before = load(&path).unwrap().values;
        let rows = [
            value("KZ-AKM", 2097, "population", 1.0),
            value("KZ-PAV", 2097, "population", 2.0),
            value("KZ-ABY", 2097, "population", 666.0),
            value("KZ-KAR", 2097, "population", 3.0),
        ];
        let error = import_values(&path, &rows).unwrap_err().to_string();
        assert!(
            error.contains("injected failure") && error.contains("nothing was imported"),
            "{error}"
        );
        assert_eq!(load(&path).unwrap().values, before);
    }

    #[test]
    fn an_unknown_unit_or_indicator_refuses_the_whole_import() {
        let (_dir, path) = default_file();
        let before = std::fs::read(&path).unwrap();
        let rows = [value("KZ-AKM", 2097, "population", 1.0), value("KZ-ATL", 2097, "grp", 2.0)];
        let error = import_values(&path, &rows).unwrap_err().to_string();
        assert!(error.ends_with("value 2 of the import (KZ-ATL grp 2097): the file has no unit KZ-ATL; nothing was imported"), "{error}");
        let rows = [value("KZ-AKM", 2097, "happiness", 1.0)];
        assert!(
            import_values(&path, &rows).unwrap_err().to_string().contains("no indicator happiness")
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_foreign_file_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("foreign.gpkg");
        std::fs::write(&path, b"not a database at all, just text").unwrap();
        let error = import_values(&path, &[value("KZ-AKM", 2097, "population", 1.0)]).unwrap_err();
        assert!(matches!(error, StoreError::NotOblys { .. }), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), b"not a database at all, just text");
    }
}
