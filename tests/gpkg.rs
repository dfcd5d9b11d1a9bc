//! The file is a GeoPackage, checked by readers other than Oblys: GDAL's `ogrinfo` (Debian
//! package gdal-bin) must list every layer with its feature count without errors or warnings,
//! and SQLite's own checks must pass on the tables the GeoPackage standard requires.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use oblys::io::default_dataset;
use oblys::model::Dataset;
use oblys::store;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| default_dataset::build().expect("the embedded data builds"))
}

/// The default dataset written to `dir`. GeoPackage requirement 3 asks for the `.gpkg` extension
/// and GDAL identifies a 1.4 file by it, so the GDAL checks read the same bytes under that name.
fn default_file(dir: &Path) -> PathBuf {
    let path = dir.join("default.gpkg");
    store::create(&path, dataset()).expect("the default dataset is written");
    path
}

/// GDAL's version as (major, minor, patch), from `ogrinfo --version` ("GDAL 3.6.2, released …").
fn gdal_version() -> (u32, u32, u32) {
    let output = match Command::new("ogrinfo").arg("--version").output() {
        Ok(output) => output,
        Err(e) => panic!(
            "cannot run ogrinfo ({e}): the GeoPackage check needs GDAL; install gdal-bin \
             (apt-get install gdal-bin)"
        ),
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let number = text.split_whitespace().nth(1).unwrap_or_default().trim_end_matches(',');
    let mut parts = number.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// GDAL before 3.7.1 predates GeoPackage 1.4 and says so for every 1.4 file; that line and only
/// that line is tolerated from such a GDAL.
fn is_known_old_gdal_notice(line: &str, version: (u32, u32, u32)) -> bool {
    version < (3, 7, 1)
        && line.contains("user_version=0x000028A0 (10400, v1.4.0)")
        && line.contains("may only be partially supported")
}

#[test]
fn ogrinfo_lists_every_layer_with_its_feature_count_without_errors_or_warnings() {
    let version = gdal_version();
    let dir = tempfile::tempdir().unwrap();
    let path = default_file(dir.path());
    let output = Command::new("ogrinfo").args(["-ro", "-al", "-so"]).arg(&path).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "ogrinfo failed ({}):\n{stderr}\n{stdout}", output.status);
    for line in stdout.lines().chain(stderr.lines()) {
        let lower = line.to_lowercase();
        if lower.contains("error") || lower.contains("warning") {
            assert!(is_known_old_gdal_notice(line, version), "ogrinfo complains: {line}");
        }
    }

    // "Layer name: X", then "Geometry: …", then "Feature Count: N".
    let mut layers: BTreeMap<String, (String, u64)> = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    for line in stdout.lines() {
        if let Some(name) = line.strip_prefix("Layer name: ") {
            current = Some((name.to_owned(), String::new()));
        } else if let (Some(geometry), Some(layer)) =
            (line.strip_prefix("Geometry: "), current.as_mut())
        {
            layer.1 = geometry.to_owned();
        } else if let Some(count) = line.strip_prefix("Feature Count: ") {
            let (name, geometry) = current.take().expect("a count follows a layer name");
            layers.insert(name, (geometry, count.trim().parse().unwrap()));
        }
    }
    let layer = |name: &str| {
        layers.get(name).cloned().unwrap_or_else(|| panic!("no layer {name}:\n{stdout}"))
    };
    assert_eq!(layer("regions"), ("Multi Polygon".into(), 20 + 17 + 16));
    assert_eq!(layer("growth_points"), ("Point".into(), 50));
    assert_eq!(layer("projects"), ("Point".into(), 27));
    assert_eq!(layer("corridors"), ("Line String".into(), 0));
    assert_eq!(layer("indicator_values"), ("None".into(), 1093));
    assert_eq!(layer("units"), ("None".into(), 24));
    assert_eq!(layer("editions"), ("None".into(), 3));
    assert_eq!(layer("scenarios"), ("None".into(), 2));
    assert_eq!(layer("scenario_projects"), ("None".into(), 2 * 27));
    assert_eq!(layer("slides"), ("None".into(), 4));
    assert_eq!(layer("typologies"), ("None".into(), 0));
    assert_eq!(layers.len(), 17, "{layers:?}");

    // The regions' extent is Kazakhstan's.
    let extent = stdout
        .lines()
        .skip_while(|l| *l != "Layer name: regions")
        .find_map(|l| l.strip_prefix("Extent: "))
        .unwrap();
    let numbers: Vec<f64> = extent
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter_map(|t| t.parse().ok())
        .collect();
    assert_eq!(numbers.len(), 4, "{extent}");
    assert!((46.0..47.0).contains(&numbers[0]) && (40.0..41.0).contains(&numbers[1]), "{extent}");
    assert!((87.0..88.0).contains(&numbers[2]) && (55.0..56.0).contains(&numbers[3]), "{extent}");
    assert!(stdout.contains("ID[\"EPSG\",4326]"));
}

#[test]
fn geopackage_core_tables_and_header_follow_the_standard() {
    let dir = tempfile::tempdir().unwrap();
    let path = default_file(dir.path());
    let conn =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
            .unwrap();
    let pragma =
        |name: &str| conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(pragma("application_id"), 0x4750_4B47);
    assert_eq!(pragma("user_version"), 10400);
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let broken: i64 =
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(broken, 0);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");

    let srs: Vec<i64> = conn
        .prepare("SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(srs, [-1, 0, 4326]);

    let contents: Vec<(String, String, Option<i64>)> = conn
        .prepare("SELECT table_name, data_type, srs_id FROM gpkg_contents ORDER BY table_name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let features: Vec<&str> =
        contents.iter().filter(|c| c.1 == "features").map(|c| c.0.as_str()).collect();
    assert_eq!(features, ["corridors", "growth_points", "projects", "regions"]);
    assert!(contents.iter().filter(|c| c.1 == "features").all(|c| c.2 == Some(4326)));
    let attributes: Vec<&str> =
        contents.iter().filter(|c| c.1 == "attributes").map(|c| c.0.as_str()).collect();
    assert_eq!(
        attributes,
        [
            "editions",
            "indicator_values",
            "indicators",
            "lineage",
            "oblys_meta",
            "scenario_growth_rates",
            "scenario_levers",
            "scenario_projects",
            "scenario_targets",
            "scenarios",
            "slides",
            "typologies",
            "units"
        ]
    );

    let geometry_columns: Vec<(String, String, String)> = conn
        .prepare(
            "SELECT table_name, column_name, geometry_type_name FROM gpkg_geometry_columns
             ORDER BY table_name",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected = [
        ("corridors", "LINESTRING"),
        ("growth_points", "POINT"),
        ("projects", "POINT"),
        ("regions", "MULTIPOLYGON"),
    ];
    for ((table, column, kind), (want_table, want_kind)) in geometry_columns.iter().zip(expected) {
        assert_eq!(
            (table.as_str(), column.as_str(), kind.as_str()),
            (want_table, "geom", want_kind)
        );
    }

    // Every geometry blob: "GP", version 0, SRS 4326 (little endian), WKB type as declared.
    let mut stmt = conn.prepare("SELECT geom FROM regions").unwrap();
    let blobs: Vec<Vec<u8>> =
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(blobs.len(), 53);
    for blob in blobs {
        assert_eq!(&blob[..3], b"GP\0");
        assert_eq!(i32::from_le_bytes(blob[4..8].try_into().unwrap()), 4326);
        let wkb = 8 + 32; // header + [minx, maxx, miny, maxy]
        assert_eq!(blob[wkb], 1, "little-endian WKB");
        assert_eq!(
            u32::from_le_bytes(blob[wkb + 1..wkb + 5].try_into().unwrap()),
            6,
            "MultiPolygon"
        );
    }

    // The R-tree extension is registered for each layer and indexes every non-empty geometry.
    let rtrees: i64 = conn
        .query_row(
            "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rtrees, 4);
    let indexed: i64 =
        conn.query_row("SELECT count(*) FROM rtree_projects_geom", [], |r| r.get(0)).unwrap();
    assert_eq!(indexed, 27);
    // Extents in gpkg_contents enclose every point.
    let (min_x, max_y): (f64, f64) = conn
        .query_row(
            "SELECT min_x, max_y FROM gpkg_contents WHERE table_name = 'growth_points'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let (lowest_x, highest_y): (f64, f64) = conn
        .query_row("SELECT min(minx), max(maxy) FROM rtree_growth_points_geom", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    // R-tree bounds are stored as 32-bit floats, rounded outwards.
    assert!((min_x - lowest_x).abs() < 1e-4 && (max_y - highest_y).abs() < 1e-4);
    assert_eq!(min_x, 51.158, "Aktau is the westernmost growth point");
}
