//! `oblys info FILE`: a plain-text summary of a file — format, schema version, layers with their
//! geometry type and feature count, attribute tables with their row count, units per boundary
//! edition. Reads only; the file is neither upgraded nor modified.

use std::fmt::Write as _;
use std::path::Path;

use rusqlite::Connection;

use super::{StoreError, check, open_reader, sql_error};

/// Quotes an SQL identifier (table names come from `gpkg_contents`, which anyone may edit).
fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

fn count(conn: &Connection, table: &str) -> rusqlite::Result<i64> {
    conn.query_row(&format!("SELECT count(*) FROM {}", quote(table)), [], |r| r.get(0))
}

/// The report printed by `oblys info FILE`.
pub fn info_report(path: &Path) -> Result<String, StoreError> {
    let version = check(path)?;
    let conn = open_reader(path)?;
    let err = |context| sql_error(path, context);
    let user_version: i32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(err("reading the header"))?;
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(out, "File: {}", path.display());
    let _ = writeln!(
        out,
        "Format: GeoPackage {}.{} (application_id GPKG, user_version {user_version}), \
         Oblys schema version {version}",
        user_version / 10000,
        user_version / 100 % 100
    );

    let mut stmt = conn
        .prepare(
            "SELECT c.table_name, g.geometry_type_name, g.srs_id FROM gpkg_contents c
             JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
             WHERE c.data_type = 'features' ORDER BY c.rowid",
        )
        .map_err(err("reading gpkg_contents"))?;
    let layers: Vec<(String, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .and_then(Iterator::collect)
        .map_err(err("reading gpkg_contents"))?;
    let _ = writeln!(out, "Layers:");
    for (table, geometry_type, srs_id) in layers {
        let n = count(&conn, &table).map_err(err("counting features"))?;
        let _ = writeln!(
            out,
            "  {table:<21} {:<13} {n:>6} features  EPSG:{srs_id}",
            display_type(&geometry_type)
        );
    }

    let mut stmt = conn
        .prepare(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes' ORDER BY rowid",
        )
        .map_err(err("reading gpkg_contents"))?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(Iterator::collect)
        .map_err(err("reading gpkg_contents"))?;
    let _ = writeln!(out, "Attribute tables:");
    for table in tables {
        let n = count(&conn, &table).map_err(err("counting rows"))?;
        let _ = writeln!(out, "  {table:<21} {n:>6} rows");
    }

    let mut stmt = conn
        .prepare(
            "SELECT e.key, e.name_en, e.valid_from, e.valid_to, count(r.fid) FROM editions e
             LEFT JOIN regions r ON r.edition = e.key GROUP BY e.id ORDER BY e.id",
        )
        .map_err(err("reading editions"))?;
    let editions: Vec<EditionLine> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        .and_then(Iterator::collect)
        .map_err(err("reading editions"))?;
    let _ = writeln!(out, "Boundary editions:");
    for (key, name, from, to, units) in editions {
        let span = match (from, to) {
            (None, Some(to)) => format!("until {to}"),
            (Some(from), Some(to)) => format!("{from}–{to}"),
            (Some(from), None) => format!("since {from}, current"),
            (None, None) => "always".to_owned(),
        };
        let _ = writeln!(out, "  {key:<6} {span:<20} {units:>3} units  {name}");
    }
    Ok(out)
}

/// Key, English name, valid from, valid to, number of units.
type EditionLine = (String, String, Option<i32>, Option<i32>, i64);

fn display_type(gpkg_type: &str) -> &str {
    match gpkg_type {
        "MULTIPOLYGON" => "MultiPolygon",
        "POINT" => "Point",
        "LINESTRING" => "LineString",
        "POLYGON" => "Polygon",
        "MULTIPOINT" => "MultiPoint",
        "MULTILINESTRING" => "MultiLineString",
        other => other,
    }
}
