//! `oblys export FILE --table … --format … --out PATH` run as a process: every table as CSV,
//! XLSX and GeoJSON, formula text neutralised, and bad requests refused with exit code 2 and
//! nothing written.

mod common;
#[path = "common/tables.rs"]
mod tables;

use common::{database, stderr};
use std::path::Path;
use std::process::{Command, Output};
use tables::{csv_rows, xlsx_part};

fn oblys_export(file: &Path, args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("export")
        .arg(file)
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("oblys runs")
}

fn geojson(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("written")).expect("valid JSON")
}

#[test]
fn indicators_csv_carries_code_name_year_indicator_value_unit_and_source() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("indicators.csv");
    let output = oblys_export(database(), &["--table", "indicators", "--lang", "kk"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    assert!(std::fs::read(&out).unwrap().starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM");
    let rows = csv_rows(&out);
    let dataset = oblys::io::default_dataset::build().unwrap();
    assert_eq!(rows.len(), dataset.values.len());
    let row = rows
        .iter()
        .find(|r| {
            r["region_code"] == "KZ-AKM" && r["indicator"] == "population" && r["year"] == "2023"
        })
        .expect("Akmola's population in 2023");
    assert_eq!(row["region_name"], "Ақмола облысы");
    assert_eq!(row["value"], "788023");
    assert_eq!(row["unit"], "адам");
    assert!(row["source"].contains("stat.gov.kz"), "{}", row["source"]);
    // Values reported for the country as a whole are named too, not left blank.
    let national = rows
        .iter()
        .find(|r| r["region_code"] == "KZ" && r["indicator"] == "population")
        .expect("national population");
    assert_eq!(national["region_name"], "Қазақстан Республикасы");
}

#[test]
fn every_layer_is_a_geojson_feature_collection_with_geometry() {
    let dir = tempfile::tempdir().unwrap();
    let dataset = oblys::io::default_dataset::build().unwrap();
    let units: usize = dataset.editions.iter().map(|e| e.units.len()).sum();
    let located = dataset.growth_points.iter().filter(|g| g.location.is_some()).count();
    for (table, count, with_geometry, kind) in [
        ("regions", units, units, "MultiPolygon"),
        ("growth_points", dataset.growth_points.len(), located, "Point"),
        ("projects", dataset.projects.len(), dataset.projects.len(), "Point"),
    ] {
        let out = dir.path().join(format!("{table}.geojson"));
        let output = oblys_export(database(), &["--table", table], &out);
        assert!(output.status.success(), "{table}: {}", stderr(&output));
        let json = geojson(&out);
        assert_eq!(json["type"], "FeatureCollection");
        assert_eq!(json["name"], table);
        let features = json["features"].as_array().expect("features");
        assert_eq!(features.len(), count, "{table}");
        let shaped = features.iter().filter(|f| f["geometry"]["type"] == kind).count();
        assert_eq!(shaped, with_geometry, "{table}");
        // A row without a location is kept, with a null geometry (RFC 7946 allows it).
        let unlocated = features.iter().filter(|f| f["geometry"].is_null()).count();
        assert_eq!(unlocated, count - with_geometry, "{table}");
    }
    let projects = geojson(&dir.path().join("projects.geojson"));
    let first = &projects["features"][0];
    let lon = first["geometry"]["coordinates"][0].as_f64().unwrap();
    let lat = first["geometry"]["coordinates"][1].as_f64().unwrap();
    assert!((46.0..=88.0).contains(&lon) && (40.0..=56.0).contains(&lat), "{lon} {lat}");
    assert_eq!(first["properties"]["lon"].as_f64().unwrap(), lon);
}

#[test]
fn the_corridors_table_is_written_even_when_empty() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corridors.csv");
    let output = oblys_export(database(), &["--table", "corridors"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        text.trim_start_matches('\u{feff}'),
        "id,name_kk,name_ru,name_en,kind,length_points\n"
    );
}

#[test]
fn projects_xlsx_has_one_sheet_with_a_row_per_project() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("projects.xlsx");
    let output = oblys_export(database(), &["--table", "projects"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let workbook = xlsx_part(&out, "xl/workbook.xml");
    assert!(workbook.contains(r#"name="projects""#), "{workbook}");
    let sheet = xlsx_part(&out, "xl/worksheets/sheet1.xml");
    let dataset = oblys::io::default_dataset::build().unwrap();
    // A header row, then one row per project.
    assert_eq!(sheet.matches("<row ").count(), dataset.projects.len() + 1);
}

#[test]
fn text_that_would_run_as_a_formula_is_neutralised_in_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("formula.gpkg");
    let mut dataset = oblys::io::default_dataset::build().unwrap();
    dataset.projects[0].company = "=HYPERLINK(\"http://x\",\"click\")".to_owned();
    dataset.projects[1].company = "@SUM(1+1)".to_owned();
    dataset.projects[2].company = "+7 701 555 0101".to_owned();
    dataset.projects[3].company = "-2+3+cmd|' /C calc'!A0".to_owned();
    oblys::store::create(&file, &dataset).unwrap();
    let companies: Vec<(String, String)> =
        dataset.projects[..4].iter().map(|p| (p.code.clone(), format!("'{}", p.company))).collect();

    let csv_out = dir.path().join("projects.csv");
    let output = oblys_export(&file, &["--table", "projects"], &csv_out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let rows = csv_rows(&csv_out);
    let company = |code: &str| rows.iter().find(|r| r["code"] == code).unwrap()["company"].clone();
    for (code, neutralised) in &companies {
        assert_eq!(&company(code), neutralised);
    }
    // Other text is written as it is.
    let plain = &dataset.projects[4];
    assert!(plain.company.chars().next().is_some_and(char::is_alphanumeric), "{}", plain.company);
    assert_eq!(company(&plain.code), plain.company);

    let xlsx_out = dir.path().join("projects.xlsx");
    let output = oblys_export(&file, &["--table", "projects", "--format", "xlsx"], &xlsx_out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let strings = xlsx_part(&xlsx_out, "xl/sharedStrings.xml").replace("&apos;", "'");
    for (_, neutralised) in &companies {
        let escaped = neutralised.replace('"', "&quot;");
        assert!(
            strings.contains(&format!(">{neutralised}<"))
                || strings.contains(&format!(">{escaped}<")),
            "{neutralised} in {strings}"
        );
    }
    assert!(!xlsx_part(&xlsx_out, "xl/worksheets/sheet1.xml").contains("<f>"), "no formula cells");
}

#[test]
fn bad_requests_exit_with_code_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str, &str); 4] = [
        (&["--table", "indicators", "--format", "geojson"], "ind.geojson", "no geometry"),
        (&["--table", "towns"], "towns.csv", "unknown table «towns»"),
        (&["--table", "projects"], "projects.txt", "--format csv, xlsx or geojson"),
        (&["--table", "projects", "--format", "pdf"], "projects.pdf", "unknown format «pdf»"),
    ];
    for (args, name, message) in cases {
        let out = dir.path().join(name);
        let output = oblys_export(database(), args, &out);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
        assert!(!out.exists(), "{args:?} wrote {name}");
    }
}

#[test]
fn a_file_that_is_not_an_oblys_file_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.gpkg");
    std::fs::write(&file, "just text").unwrap();
    let out = dir.path().join("out.csv");
    let output = oblys_export(&file, &["--table", "regions"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("notes.gpkg"), "{}", stderr(&output));
    assert!(!out.exists());
    assert_eq!(std::fs::read(&file).unwrap(), b"just text");
}
