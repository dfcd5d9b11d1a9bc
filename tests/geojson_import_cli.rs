//! `oblys import FILE layer.geojson --as …` run as a process: points imported as growth points
//! and projects with their regions found by point in polygon, lines as corridors, polygons as a
//! boundary edition (two real regions cut from assets/boundaries, completed with the shipped
//! shapes of the others), a self-intersecting polygon repaired and reported; an edition leaving
//! regions without a boundary, unknown names, problems and malformed files refused with exit
//! code 2 and the file left byte for byte as it was; imported lines and points read back by GDAL's
//! `ogrinfo` (as QGIS reads the file) and found in the layer's R-tree.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{fresh_database, oblys_import, stderr, stdout};
use oblys::model::{CorridorKind, GrowthLevel, ProjectStatus, Sector};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/geojson").join(name)
}

/// A complete edition to import: the features of `fixture` first (their properties and shapes as
/// they are), then every region of the shipped 2024 boundaries not in `taken` (ISO codes), named
/// by `name` (its Russian name) and `iso` like the fixtures. Written in its own folder as
/// `complete_<fixture>`.
fn completed(fixture_name: &str, taken: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let read = |path: &Path| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(path).expect("read")).expect("GeoJSON")
    };
    let shipped = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(SHIPPED));
    let mut collection = read(&fixture(fixture_name));
    let features = collection["features"].as_array_mut().expect("features");
    for feature in shipped["features"].as_array().expect("features") {
        let props = &feature["properties"];
        let iso = props["ISO_3166_2"].as_str().expect("ISO code");
        if taken.contains(&iso) {
            continue;
        }
        features.push(serde_json::json!({
            "type": "Feature",
            "properties": { "name": props["ADM1_RU"], "iso": iso },
            "geometry": feature["geometry"],
        }));
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(format!("complete_{fixture_name}"));
    std::fs::write(&path, serde_json::to_vec(&collection).expect("JSON")).expect("written");
    (dir, path)
}

/// The shipped boundaries of 2024, 20 regions.
const SHIPPED: &str = "assets/boundaries/kz_adm1_2024.geojson";

/// The two regions cut in the edition fixtures.
const CUT: [&str; 2] = ["KZ-SEV", "KZ-PAV"];

/// Runs an import of `input` (any path) that must succeed and returns its standard output.
fn imported_from(file: &Path, input: &Path, args: &[&str]) -> String {
    let output = oblys_import(file, input, args);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    stdout(&output)
}

/// Runs an import that must succeed and returns its standard output.
fn imported(file: &Path, input: &str, args: &[&str]) -> String {
    let output = oblys_import(file, &fixture(input), args);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    stdout(&output)
}

/// Runs an import that must be refused: exit code 2, one line on stderr, the file unchanged.
/// Returns (stdout, the stderr line).
fn refused_on(file: &Path, input: &Path, args: &[&str]) -> (String, String) {
    let before = std::fs::read(file).expect("file read");
    let output = oblys_import(file, input, args);
    assert_eq!(output.status.code(), Some(2), "stdout: {}", stdout(&output));
    assert_eq!(std::fs::read(file).expect("file read"), before, "the file was modified");
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    (stdout(&output), message.trim_end().to_owned())
}

fn refused(input: &Path, args: &[&str]) -> (String, String) {
    let (_dir, file) = fresh_database();
    refused_on(&file, input, args)
}

#[test]
fn points_become_growth_points_in_the_region_that_contains_them() {
    let (_dir, file) = fresh_database();
    let before = oblys::store::load(&file).expect("loads");
    let max_id = before.growth_points.iter().map(|g| g.id).max().unwrap_or(0);
    let text = imported(
        &file,
        "growth_points.geojson",
        &["--as", "growth_points", "--name-property", "name"],
    );
    assert!(text.contains("Growth points to import: 3"), "{text}");
    assert!(text.contains("feature 2: Темиртау → KZ-KAR (Karaganda Region"), "{text}");
    assert!(text.contains("Imported into"), "{text}");

    let after = oblys::store::load(&file).expect("loads");
    assert_eq!(after.growth_points.len(), before.growth_points.len() + 3);
    let new: Vec<_> = after.growth_points.iter().filter(|g| g.id > max_id).collect();
    let ids: Vec<i64> = new.iter().map(|g| g.id).collect();
    assert_eq!(ids, [max_id + 1, max_id + 2, max_id + 3]);
    let regions: Vec<&str> = new.iter().map(|g| g.region_code.as_str()).collect();
    assert_eq!(regions, ["KZ-AKM", "KZ-KAR", "KZ-PAV"]);
    let stepnogorsk = new[0];
    assert_eq!(stepnogorsk.names.ru, "Степногорск");
    assert_eq!(stepnogorsk.names.en, "Stepnogorsk");
    assert_eq!(stepnogorsk.population, Some(47_000));
    assert_eq!(stepnogorsk.population_year, Some(2023));
    assert_eq!(stepnogorsk.level, Some(GrowthLevel::Third));
    assert!(stepnogorsk.is_monotown);
    assert_eq!(stepnogorsk.source, "growth_points.geojson");
    // A population written as text with a thousands space, level as text, "yes".
    assert_eq!(new[1].population, Some(170_000));
    assert_eq!(new[1].level, Some(GrowthLevel::Third));
    assert!(new[1].is_monotown);
    assert_eq!(new[2].population, None);
    assert_eq!(new[2].location.map(|p| (p.x(), p.y())), Some((75.32, 51.72)));
}

#[test]
fn points_become_projects_with_new_codes_and_their_fields() {
    let (_dir, file) = fresh_database();
    let before = oblys::store::load(&file).expect("loads");
    let text = imported(
        &file,
        "projects.geojson",
        &["--as", "projects", "--name-property", "title", "--lang-of-name", "en", "--lang", "ru"],
    );
    assert!(text.contains("Проектов к импорту: 2"), "{text}");
    let after = oblys::store::load(&file).expect("loads");
    assert_eq!(after.projects.len(), before.projects.len() + 2);
    let plant = after.projects.iter().find(|p| p.names.en == "Ferroalloy plant").expect("plant");
    assert!(plant.code.starts_with("OBL-"), "{}", plant.code);
    assert!(before.project(&plant.code).is_none());
    assert_eq!(plant.region_code, "KZ-PAV");
    assert_eq!(plant.company, "ERG");
    assert_eq!(plant.sector, Sector::Metallurgy);
    assert_eq!(plant.year, Some(2027));
    assert_eq!(plant.jobs, Some(450));
    assert_eq!(plant.status, ProjectStatus::Planned);
    let investment = plant.investment.as_ref().expect("investment");
    assert_eq!((investment.amount, investment.unit.as_str()), (120.0, "billion KZT"));
    assert_eq!(investment.million_kzt, Some(120_000.0));
    let terminal = after.project("GT-1").expect("its own code is kept");
    assert_eq!(terminal.region_code, "KZ-SEV");
    assert_eq!((terminal.year, terminal.jobs), (Some(2026), Some(80)));
    assert_eq!(terminal.status, ProjectStatus::UnderConstruction);
    assert_eq!(terminal.sector, Sector::Agriculture);
    assert_eq!(terminal.sector_detail, "grain storage");

    // The same file again: GT-1 is now taken, so nothing is imported.
    let (out, message) = refused_on(
        &file,
        &fixture("projects.geojson"),
        &["--as", "projects", "--name-property", "title"],
    );
    assert!(out.contains("feature 2: the file already has a project GT-1"), "{out}");
    assert!(message.contains("Problems: 1, the first: feature 2"), "{message}");
}

#[test]
fn lines_and_multiline_parts_become_corridors_of_the_given_kind() {
    let args = ["--as", "corridors", "--name-property", "name", "--kind", "power_line"];
    let (out, message) = refused(&fixture("corridors.geojson"), &args);
    assert!(out.contains("Corridors to import: 3"), "{out}");
    assert!(out.contains("feature 3: the line has 1 point; it needs at least two"), "{out}");
    assert!(message.contains("nothing was imported"), "{message}");

    let (_dir, file) = fresh_database();
    let mut with_skip = args.to_vec();
    with_skip.push("--skip-problems");
    let text = imported(&file, "corridors.geojson", &with_skip);
    assert!(text.contains("Features with problems skipped: 1"), "{text}");
    let corridors = oblys::store::load(&file).expect("loads").corridors;
    let names: Vec<&str> = corridors.iter().map(|c| c.names.ru.as_str()).collect();
    assert_eq!(
        names,
        ["Павлодар — Экибастуз", "Петропавловск — Кокшетау", "Петропавловск — Кокшетау"]
    );
    assert!(corridors.iter().all(|c| c.kind == CorridorKind::PowerLine));
    let points: Vec<usize> = corridors.iter().map(|c| c.line.0.len()).collect();
    assert_eq!(points, [3, 2, 2]);
    let ids: Vec<i64> = corridors.iter().map(|c| c.id).collect();
    assert_eq!(ids, [1, 2, 3]);
}

/// Runs `ogrinfo -ro -al -q ARGS… FILE LAYER` and returns its output, failing on any error or
/// warning but the notice GDAL before 3.7.1 gives every GeoPackage 1.4 (see tests/gpkg.rs).
fn ogrinfo(file: &Path, layer: &str, args: &[&str]) -> String {
    let output = Command::new("ogrinfo")
        .args(["-ro", "-al", "-q"])
        .args(args)
        .arg(file)
        .arg(layer)
        .output()
        .expect("ogrinfo runs (Debian package gdal-bin)");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = format!("{}{}", stdout(&output), stderr(&output));
    for line in text.lines() {
        let lower = line.to_lowercase();
        let old_gdal_notice = line.contains("(10400, v1.4.0)") && line.contains("partially");
        if (lower.contains("error") || lower.contains("warning")) && !old_gdal_notice {
            panic!("ogrinfo complains: {line}");
        }
    }
    text
}

#[test]
fn imported_corridors_and_points_are_read_by_gdal_and_indexed_in_the_rtree() {
    let (_dir, file) = fresh_database();
    let args = ["--as", "corridors", "--name-property", "name", "--kind", "railway"];
    imported(&file, "corridors.geojson", &[&args[..], &["--skip-problems"]].concat());
    let args = ["--as", "growth_points", "--name-property", "name", "--skip-problems"];
    imported(&file, "growth_points.geojson", &args);

    let corridors = ogrinfo(&file, "corridors", &[]);
    let lines: Vec<&str> =
        corridors.lines().map(str::trim).filter(|l| l.starts_with("LINESTRING")).collect();
    assert_eq!(
        lines,
        [
            "LINESTRING (76.95 52.29,76.1 52.0,75.32 51.72)",
            "LINESTRING (69.15 54.87,69.6 53.9)",
            "LINESTRING (69.6 53.9,69.39 53.28)"
        ]
    );
    assert!(corridors.contains("kind (String) = railway"), "{corridors}");
    // A window around Pavlodar–Ekibastuz, through GDAL's spatial filter and in the R-tree
    // QGIS queries: the new lines are indexed with their bounds.
    let around = ogrinfo(&file, "corridors", &["-spat", "75", "51", "77", "53"]);
    let names: Vec<&str> =
        around.lines().filter_map(|l| l.trim().strip_prefix("name_ru (String) = ")).collect();
    assert_eq!(names, ["Павлодар — Экибастуз"]);
    let conn =
        rusqlite::Connection::open_with_flags(&file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("opens");
    let indexed: Vec<(i64, f64, f64)> = conn
        .prepare(
            "SELECT id, minx, maxy FROM rtree_corridors_geom
             WHERE minx <= 77 AND maxx >= 75 AND miny <= 53 AND maxy >= 51 ORDER BY id",
        )
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
        .expect("the R-tree is read");
    // R-tree bounds are 32-bit floats, rounded outwards.
    assert_eq!(indexed.len(), 1, "{indexed:?}");
    let (id, minx, maxy) = indexed[0];
    assert_eq!(id, 1);
    assert!((minx - 75.32).abs() < 1e-4 && (maxy - 52.29).abs() < 1e-4, "{indexed:?}");

    let stepnogorsk = ogrinfo(&file, "growth_points", &["-where", "name_ru = 'Степногорск'"]);
    assert!(stepnogorsk.contains("POINT (71.89 52.35)"), "{stepnogorsk}");
    assert!(stepnogorsk.contains("population (Integer64) = 47000"), "{stepnogorsk}");
}

#[test]
fn each_problem_is_listed_with_its_feature_and_nothing_is_written() {
    let args = ["--as", "growth_points", "--name-property", "name"];
    let (out, message) = refused(&fixture("points_problems.geojson"), &args);
    for expected in [
        "Growth points to import: 1",
        "feature 7: Астана-Сити → KZ-AST",
        "Problems: 6",
        "feature 1: the point 74.59; 42.87 lies in no region of Kazakhstan",
        "feature 2: «population» cannot be negative (-5)",
        "feature 3: «population_year»: 1890 is not a year between 1990 and 2100",
        "feature 4: the property «name» is missing or empty",
        "feature 5: it is a Polygon, but growth points need a Point",
        "feature 6: «level» is «5», expected 1, 2 or 3",
    ] {
        assert!(out.contains(expected), "missing «{expected}» in:\n{out}");
    }
    assert!(message.contains("Problems: 6, the first: feature 1: the point"), "{message}");

    // A dry run previews the same and writes nothing, successfully.
    let (_dir, file) = fresh_database();
    let before = std::fs::read(&file).expect("read");
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let text = imported(&file, "points_problems.geojson", &dry);
    assert!(text.ends_with("Dry run: nothing was written.\n"), "{text}");
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

/// An edition as the tests compare it: key, first year, end year, region codes.
type EditionRow = (String, Option<i32>, Option<i32>, Vec<String>);

/// Every edition of the file, oldest first.
fn editions(file: &Path) -> Vec<EditionRow> {
    let dataset = oblys::store::load(file).expect("loads");
    dataset
        .editions
        .iter()
        .map(|e| {
            let codes = e.units.iter().map(|u| u.region_code.clone()).collect();
            (e.key.clone(), e.valid_from, e.valid_to, codes)
        })
        .collect()
}

#[test]
fn polygons_become_a_new_current_edition_that_ends_the_previous_one() {
    let (_dir, file) = fresh_database();
    let (_input_dir, input) = completed("edition_two_regions.geojson", &CUT);
    let args = [
        "--as",
        "edition",
        "--edition-key",
        "2025",
        "--name-property",
        "name",
        "--valid-from",
        "2025",
    ];
    let text = imported_from(&file, &input, &args);
    assert!(text.contains("New boundary edition «2025», from 2025"), "{text}");
    assert!(text.contains("The current edition «2022» ends in 2025\n"), "{text}");
    assert!(text.contains("Regions with boundaries to import: 20"), "{text}");
    assert!(text.contains("feature 1: KZ-SEV North Kazakhstan Region"), "{text}");
    assert!(!text.contains("Regions without a boundary"), "{text}");

    let all = editions(&file);
    assert_eq!(all.len(), 4);
    assert_eq!(all[2].0, "2022");
    assert_eq!((all[2].1, all[2].2), (Some(2022), Some(2025)));
    assert_eq!((all[3].0.as_str(), all[3].1, all[3].2), ("2025", Some(2025), None));
    assert_eq!(all[3].3.len(), 20);
    assert_eq!(all[3].3[..2], CUT);
    let dataset = oblys::store::load(&file).expect("loads");
    let current = dataset.current_edition().expect("a current edition");
    assert_eq!(current.key, "2025");
    assert!(
        current.names.en.contains("complete_edition_two_regions.geojson"),
        "{}",
        current.names.en
    );
    // The cut shapes have 13 vertices each; their areas are those of the simplified rings.
    for unit in current.units.iter().filter(|u| CUT.contains(&u.region_code.as_str())) {
        assert_eq!(unit.geometry.0.len(), 1);
        assert_eq!(unit.geometry.0[0].exterior().0.len(), 14);
        assert!(oblys::spatial::validate(&unit.geometry).is_empty());
    }
    let area = |code: &str| current.unit(code).map(|u| u.area_km2.round()).unwrap_or_default();
    assert!((60_000.0..80_000.0).contains(&area("KZ-SEV")), "{}", area("KZ-SEV"));
    assert!((100_000.0..125_000.0).contains(&area("KZ-PAV")), "{}", area("KZ-PAV"));

    // GDAL still reads the file, with the 20 new rows in the regions layer.
    if let Ok(output) =
        Command::new("ogrinfo").args(["-ro", "-so"]).arg(&file).arg("regions").output()
    {
        let listing = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "ogrinfo: {}", String::from_utf8_lossy(&output.stderr));
        assert!(listing.contains("Feature Count: 73"), "{listing}");
    }
}

#[test]
fn regions_are_matched_by_code_property_as_well() {
    let (_dir, file) = fresh_database();
    let (_input_dir, input) = completed("edition_two_regions.geojson", &CUT);
    let args = [
        "--as",
        "edition",
        "--edition-key",
        "cut",
        "--code-property",
        "iso",
        "--valid-from",
        "2024",
        "--lang",
        "kk",
    ];
    let text = imported_from(&file, &input, &args);
    assert!(text.contains("Жаңа шекаралар басылымы «cut»"), "{text}");
    let all = editions(&file);
    assert_eq!(all[3].3.len(), 20);
    assert_eq!(all[3].3[..2], CUT);
    assert_eq!(all[2].2, Some(2024));
}

#[test]
fn an_existing_edition_key_is_refused_unless_replace_is_given() {
    let (_dir, file) = fresh_database();
    let (_input_dir, input) = completed("edition_two_regions.geojson", &CUT);
    let args = ["--as", "edition", "--edition-key", "2022", "--name-property", "name"];
    let (_, message) = refused_on(&file, &input, &args);
    assert_eq!(
        message,
        "oblys: the file already has boundary edition «2022»; give --replace to replace it, or \
         another --edition-key"
    );
    let mut replace = args.to_vec();
    replace.push("--replace");
    let text = imported_from(&file, &input, &replace);
    assert!(text.contains("Replaces boundary edition «2022», from 2022"), "{text}");
    let all = editions(&file);
    assert_eq!(all.len(), 3);
    assert_eq!((all[2].0.as_str(), all[2].1, all[2].2), ("2022", Some(2022), None));
    assert_eq!((all[2].3.len(), &all[2].3[..2]), (20, &CUT.map(String::from)[..]));
    assert_eq!(all[1].2, Some(2022), "the 2018 edition keeps its end");
}

#[test]
fn a_self_intersecting_polygon_is_repaired_and_the_repair_reported() {
    let (_dir, file) = fresh_database();
    let (_input_dir, input) = completed("edition_self_intersecting.geojson", &CUT);
    let args = [
        "--as",
        "edition",
        "--edition-key",
        "2030",
        "--name-property",
        "name",
        "--valid-from",
        "2030",
    ];
    let text = imported_from(&file, &input, &args);
    // The shipped shapes get their usual repairs too; the cut North Kazakhstan needs none.
    assert!(text.contains("Shapes repaired: "), "{text}");
    assert!(!text.contains("feature 1 (KZ-SEV)"), "{text}");
    assert!(
        text.contains("feature 2 (KZ-PAV): part 1, outer ring touches or crosses itself at"),
        "{text}"
    );
    // «СКО» and «Павлодар облысы» are matched as abbreviation and Kazakh name.
    let dataset = oblys::store::load(&file).expect("loads");
    let edition = dataset.edition("2030").expect("written");
    let codes: Vec<&str> = edition.units.iter().map(|u| u.region_code.as_str()).collect();
    assert_eq!((codes.len(), &codes[..2]), (20, &CUT[..]));
    let pavlodar = edition.unit("KZ-PAV").expect("Pavlodar");
    assert!(oblys::spatial::validate(&pavlodar.geometry).is_empty());
    assert!(pavlodar.geometry.0.len() > 1, "the bow tie falls into several parts");
}

#[test]
fn unknown_names_and_regions_matched_twice_are_problems() {
    // «Атлантида», «Павлодарская обл.» and «Pavlodar», then the 19 other shipped regions.
    let (_input_dir, input) = completed("edition_unknown_names.geojson", &["KZ-PAV"]);
    let args = ["--as", "edition", "--edition-key", "2031", "--name-property", "name"];
    let (out, message) = refused(&input, &args);
    assert!(out.contains("feature 1: «Атлантида» is not a region of Kazakhstan"), "{out}");
    assert!(out.contains("feature 3: region KZ-PAV is also feature 2"), "{out}");
    assert!(out.contains("Regions with boundaries to import: 20"), "{out}");
    assert!(message.contains("Problems: 2"), "{message}");

    let (_dir, file) = fresh_database();
    let mut skip = args.to_vec();
    skip.push("--skip-problems");
    let text = imported_from(&file, &input, &skip);
    assert!(text.contains("Features with problems skipped: 2"), "{text}");
    let edition = oblys::store::load(&file).expect("loads").edition("2031").cloned().expect("2031");
    let codes: Vec<&str> = edition.units.iter().map(|u| u.region_code.as_str()).collect();
    assert_eq!((codes.len(), codes[0]), (20, "KZ-PAV"));
    assert_eq!(codes.iter().filter(|c| **c == "KZ-PAV").count(), 1);

    // The fixture alone leaves 19 regions without a boundary once its problems are skipped.
    let (_, message) = refused(&fixture("edition_unknown_names.geojson"), &skip);
    assert!(message.contains("has no boundary for 19 regions"), "{message}");
}

#[test]
fn an_edition_that_leaves_regions_without_a_boundary_is_refused_even_skipping_problems() {
    let (_dir, file) = fresh_database();
    let input = fixture("edition_two_regions.geojson");
    let args = [
        "--as",
        "edition",
        "--edition-key",
        "2025",
        "--name-property",
        "name",
        "--valid-from",
        "2025",
        "--skip-problems",
    ];
    let (out, message) = refused_on(&file, &input, &args);
    assert!(out.contains("Regions without a boundary in this edition: 18"), "{out}");
    assert_eq!(
        message,
        format!(
            "oblys: {}: boundary edition «2025» has no boundary for 18 regions: Abay Region, \
             Akmola Region, Aktobe Region, Almaty, Almaty Region and 13 more; nothing \
             was imported (an edition must give every region its boundary)",
            input.display()
        )
    );
    let mut ru = args.to_vec();
    ru.extend(["--lang", "ru"]);
    let (_, message) = refused_on(&file, &input, &ru);
    assert!(message.contains("в редакции границ «2025» нет границ у 18 регионов: "), "{message}");
    assert!(message.contains("Акмолинская область") && message.contains(" и ещё 13;"), "{message}");
    assert_eq!(editions(&file).len(), 3, "nothing written");

    // A dry run shows the same list and the refusal, and succeeds without writing.
    let before = std::fs::read(&file).expect("read");
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let text = imported_from(&file, &input, &dry);
    assert!(text.contains("Regions without a boundary in this edition: 18 (KZ-ABY"), "{text}");
    assert!(text.ends_with("nothing was imported (an edition must give every region its boundary)\nDry run: nothing was written.\n"), "{text}");
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn malformed_files_are_refused_in_one_line_naming_file_and_place() {
    let points = ["--as", "growth_points", "--name-property", "name"];
    let name = |f: &str| fixture(f).display().to_string();
    let cases = [
        (
            "bad_coordinates.geojson",
            format!(
                "{}, feature 2: position 1: latitude 95 is outside −90…90",
                name("bad_coordinates.geojson")
            ),
        ),
        (
            "malformed.geojson",
            format!(
                "{}: line 6, column 1: not valid JSON: EOF while parsing a value",
                name("malformed.geojson")
            ),
        ),
        (
            "not_a_collection.geojson",
            format!(
                "{}: not a GeoJSON FeatureCollection (its type is «Feature»)",
                name("not_a_collection.geojson")
            ),
        ),
        ("empty.geojson", format!("{}: the file is empty", name("empty.geojson"))),
        (
            "binary.geojson",
            format!(
                "{}: line 1, column 1: not a GeoJSON FeatureCollection: the file does not start \
                 with «{{»",
                name("binary.geojson")
            ),
        ),
        (
            "unclosed_string.geojson",
            format!(
                "{}: line 4, column 1: not valid JSON: control character (\\u0000-\\u001F) \
                 found while parsing a string",
                name("unclosed_string.geojson")
            ),
        ),
        // Columns count characters, as an editor shows them (serde_json counts bytes), and
        // point at the number's first character.
        (
            "nan_coordinate.geojson",
            format!(
                "{}: line 6, column 50: «NaN» is not a finite number (NaN or infinity); GeoJSON \
                 holds ordinary numbers only",
                name("nan_coordinate.geojson")
            ),
        ),
        (
            "infinite_population.geojson",
            format!(
                "{}: line 3, column 75: «-Infinity» is not a finite number (NaN or infinity); \
                 GeoJSON holds ordinary numbers only",
                name("infinite_population.geojson")
            ),
        ),
        (
            "huge_number.geojson",
            format!(
                "{}: line 4, column 57: «1e999» is not a finite number (NaN or infinity); \
                 GeoJSON holds ordinary numbers only",
                name("huge_number.geojson")
            ),
        ),
    ];
    for (input, expected) in cases {
        let (_, message) = refused(&fixture(input), &points);
        assert_eq!(message, format!("oblys: {expected}"), "{input}");
    }
    let (_, message) = refused(&fixture("growth_points.geojson"), &[]);
    assert!(
        message
            .ends_with("a GeoJSON file needs --as projects, growth_points, corridors or edition"),
        "{message}"
    );
    let (_, message) = refused(&fixture("growth_points.geojson"), &["--as", "corridors"]);
    assert_eq!(message, "oblys: --as corridors needs --name-property");

    let dir = tempfile::tempdir().expect("folder");
    let structure = dir.path().join("numbers.geojson");
    std::fs::write(&structure, "{\"type\": \"FeatureCollection\",\n \"features\": 7}")
        .expect("written");
    let (_, message) = refused(&structure, &points);
    assert!(message.contains("numbers.geojson: line 2, column"), "{message}");
    assert!(message.contains("not a GeoJSON FeatureCollection"), "{message}");
    let absurd = dir.path().join("absurd.geojson");
    std::fs::File::create(&absurd).and_then(|f| f.set_len(300 << 20)).expect("sparse file");
    let (_, message) = refused(&absurd, &points);
    assert!(message.contains("absurd.geojson: the file is 314572800 bytes"), "{message}");
}

#[test]
fn refusals_and_previews_speak_the_planners_language() {
    let args = ["--as", "growth_points", "--name-property", "name"];
    let mut ru = args.to_vec();
    ru.extend(["--lang", "ru"]);
    let (out, message) = refused(&fixture("points_problems.geojson"), &ru);
    assert!(
        out.contains("объект 1: точка 74,59; 42,87 не лежит ни в одном регионе Казахстана"),
        "{out}"
    );
    assert!(message.contains("ничего не импортировано"), "{message}");
    let mut kk = args.to_vec();
    kk.extend(["--lang", "kk"]);
    let (_, message) = refused(&fixture("bad_coordinates.geojson"), &kk);
    assert!(message.ends_with("2-нысан: 1-позиция: 95 ендігі −90…90 аралығынан тыс"), "{message}");
}

#[test]
fn geojson_options_need_as_and_table_options_do_not_mix_with_it() {
    let (_dir, file) = fresh_database();
    let before = std::fs::read(&file).expect("read");
    let csv =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/long_new_values.csv");
    let output = oblys_import(&file, &csv, &["--name-property", "name"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--as <LAYER>"), "{}", stderr(&output));
    let output = oblys_import(
        &file,
        &fixture("growth_points.geojson"),
        &["--as", "growth_points", "--name-property", "name", "--sheet", "1"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot be used with"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn the_shipped_boundaries_replace_the_current_edition_by_their_russian_names() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join(SHIPPED);
    let (_dir, file) = fresh_database();
    let before = oblys::store::load(&file).expect("loads");
    let args =
        ["--as", "edition", "--edition-key", "2022", "--replace", "--name-property", "ADM1_RU"];
    let output = oblys_import(&file, &shipped, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Regions with boundaries to import: 20"), "{text}");
    assert!(!text.contains("Regions without a boundary"), "{text}");
    let after = oblys::store::load(&file).expect("loads");
    let (old, new) = (before.edition("2022").expect("old"), after.edition("2022").expect("new"));
    let mut codes: Vec<&str> = new.units.iter().map(|u| u.region_code.as_str()).collect();
    codes.sort_unstable();
    let mut expected: Vec<&str> = old.units.iter().map(|u| u.region_code.as_str()).collect();
    expected.sort_unstable();
    assert_eq!(codes, expected);
    // Areas come from the same repaired full-resolution shapes as the shipped edition's.
    for unit in &new.units {
        let shipped = old.unit(&unit.region_code).expect("same region").area_km2;
        assert!((unit.area_km2 - shipped).abs() < 1e-6 * shipped, "{}", unit.region_code);
    }

    // In Kazakh the file names Almaty Region bare, «Алматы», which reads as the city (as in
    // statistics tables); «Алматы (қала)» then matches the city a second time.
    let args =
        ["--as", "edition", "--edition-key", "2022", "--replace", "--name-property", "ADM1_KK"];
    let (out, _) = refused_on(&file, &shipped, &args);
    assert!(out.contains("Regions with boundaries to import: 19"), "{out}");
    assert!(out.contains("Problems: 1\n"), "{out}");
    assert!(out.contains("feature 19: region KZ-ALA is also feature 4"), "{out}");
    assert!(out.contains("feature 18: KZ-AST"), "«Астана (қала)» is Astana: {out}");
}
