//! The default dataset and the file: what `io::default_dataset::build` produces from the embedded
//! assets, that `store::create` → `store::load` gives it back exactly, and that files which are
//! not Oblys files are refused and left byte for byte as they were.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use oblys::io::default_dataset;
use oblys::io::names::mixed_script_words;
use oblys::model::{
    Aggregation, Dataset, GrowthLevel, LocationBasis, ProjectStatus, RegionKind, Sector,
};
use oblys::store::{self, StoreError};

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| default_dataset::build().expect("the embedded data builds"))
}

fn created_file(dir: &Path) -> PathBuf {
    let path = dir.join("test.oblys");
    store::create(&path, dataset()).expect("the default dataset is written");
    path
}

/// Every file in `dir` with its bytes, to show nothing was added, removed or changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("the test folder is readable")
        .map(|e| {
            let path = e.expect("a folder entry").path();
            let bytes = fs::read(&path).expect("a readable file");
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// The default dataset

#[test]
fn default_dataset_has_20_current_and_4_legacy_regions() {
    let ds = dataset();
    let current: Vec<_> = ds.regions.iter().filter(|r| !r.is_legacy()).collect();
    assert_eq!(current.len(), 20);
    assert_eq!(current.iter().filter(|r| r.kind == RegionKind::City).count(), 3);
    let mut legacy: Vec<_> =
        ds.regions.iter().filter(|r| r.is_legacy()).map(|r| r.code.as_str()).collect();
    legacy.sort_unstable();
    assert_eq!(legacy, ["KZ-ALM@2018", "KZ-KAR@2018", "KZ-VOS@2018", "KZ-YUZ@2010"]);
    assert_eq!(ds.region("KZ-YUZ@2010").and_then(|r| r.valid_to), Some(2018));
    assert_eq!(ds.region("KZ-KAR@2018").and_then(|r| r.valid_to), Some(2022));
    // Units carved out or cut down by a reform exist in their extent since that reform.
    assert_eq!(ds.region("KZ-ULT").and_then(|r| r.valid_from), Some(2022));
    assert_eq!(ds.region("KZ-KAR").and_then(|r| r.valid_from), Some(2022));
    assert_eq!(ds.region("KZ-SHY").and_then(|r| r.valid_from), Some(2018));
    assert_eq!(ds.region("KZ-AKM").and_then(|r| r.valid_from), None);
}

#[test]
fn default_dataset_has_editions_2010_2018_2022_with_16_17_20_units() {
    let ds = dataset();
    let editions: Vec<_> = ds.editions.iter().map(|e| (e.key.as_str(), e.units.len())).collect();
    assert_eq!(editions, [("2010", 16), ("2018", 17), ("2022", 20)]);
    assert_eq!(ds.current_edition().map(|e| e.key.as_str()), Some("2022"));
    let e2018 = ds.edition("2018").unwrap();
    for code in ["KZ-VOS@2018", "KZ-ALM@2018", "KZ-KAR@2018", "KZ-YUZ", "KZ-SHY"] {
        assert!(e2018.unit(code).is_some(), "2018 edition lacks {code}");
    }
    assert!(e2018.unit("KZ-VOS").is_none() && e2018.unit("KZ-ABY").is_none());
    let e2010 = ds.edition("2010").unwrap();
    assert!(e2010.unit("KZ-YUZ@2010").is_some());
    assert!(e2010.unit("KZ-YUZ").is_none() && e2010.unit("KZ-SHY").is_none());
    assert!(e2010.covers_year(2015) && !e2010.covers_year(2018));
    assert!(e2018.covers_year(2021) && !e2018.covers_year(2022));
    let current = ds.edition("2022").unwrap();
    for region in ds.regions.iter().filter(|r| !r.is_legacy()) {
        assert!(current.unit(&region.code).is_some(), "current edition lacks {}", region.code);
    }
}

#[test]
fn lineage_links_each_legacy_unit_to_its_successors() {
    let ds = dataset();
    let of = |code: &str| ds.lineage.iter().find(|l| l.predecessor == code).unwrap();
    let yuz = of("KZ-YUZ@2010");
    assert_eq!((yuz.successors.clone(), yuz.year), (vec!["KZ-YUZ".into(), "KZ-SHY".into()], 2018));
    let vos = of("KZ-VOS@2018");
    assert_eq!(vos.successors, ["KZ-VOS", "KZ-ABY"]);
    assert_eq!((vos.year, vos.date.as_deref()), (2022, Some("2022-06-08")));
    assert_eq!(of("KZ-ALM@2018").successors, ["KZ-ALM", "KZ-ZHT"]);
    assert_eq!(of("KZ-KAR@2018").successors, ["KZ-KAR", "KZ-ULT"]);
    assert_eq!(ds.lineage.len(), 4);
}

#[test]
fn region_names_have_the_source_quirks_fixed() {
    let ds = dataset();
    let sev = ds.region("KZ-SEV").unwrap();
    assert_eq!(sev.names.kk, "Солтүстік Қазақстан облысы");
    assert!(sev.names.kk.contains('\u{0456}') && !sev.names.kk.contains('i'));
    let shy = ds.region("KZ-SHY").unwrap();
    assert_eq!((shy.names.ru.as_str(), shy.names.kk.as_str()), ("город Шымкент", "Шымкент қаласы"));
    let ast = ds.region("KZ-AST").unwrap();
    assert_eq!((ast.names.en.as_str(), ast.names.ru.as_str()), ("Astana", "город Астана"));
    // Legacy names are names, not the source's explanations.
    assert_eq!(ds.region("KZ-VOS@2018").unwrap().names.en, "East Kazakhstan Region");
    assert_eq!(ds.region("KZ-YUZ@2010").unwrap().names.ru, "Южно-Казахстанская область");
}

#[test]
fn no_kazakh_or_russian_name_mixes_latin_and_cyrillic_letters() {
    let ds = dataset();
    let mut names: Vec<(&str, &str)> = Vec::new();
    for r in &ds.regions {
        names.extend([
            (r.code.as_str(), r.names.kk.as_str()),
            (r.code.as_str(), r.names.ru.as_str()),
        ]);
        if let Some(c) = &r.admin_center {
            names.extend([(r.code.as_str(), c.kk.as_str()), (r.code.as_str(), c.ru.as_str())]);
        }
    }
    for g in &ds.growth_points {
        names.extend([
            (g.names.en.as_str(), g.names.kk.as_str()),
            (g.names.en.as_str(), g.names.ru.as_str()),
        ]);
    }
    for p in &ds.projects {
        names.extend([
            (p.code.as_str(), p.names.kk.as_str()),
            (p.code.as_str(), p.names.ru.as_str()),
        ]);
    }
    for (owner, name) in names {
        assert!(!name.is_empty(), "{owner} has an empty kk/ru name");
        assert!(mixed_script_words(name).is_empty(), "{owner}: «{name}» mixes scripts");
    }
}

#[test]
fn administrative_centres_come_from_cities_with_three_names() {
    let ds = dataset();
    let ust = ds.region("KZ-VOS").unwrap();
    let centre = ust.admin_center.as_ref().unwrap();
    assert_eq!((centre.kk.as_str(), centre.ru.as_str()), ("Өскемен", "Усть-Каменогорск"));
    let location = ust.admin_center_location.unwrap();
    assert_eq!((location.x(), location.y()), (82.61192, 49.95649));
    // South Kazakhstan was governed from Shymkent, pre-2022 Almaty Region from Taldykorgan.
    assert_eq!(ds.region("KZ-YUZ@2010").unwrap().admin_center.as_ref().unwrap().en, "Shymkent");
    assert_eq!(ds.region("KZ-ALM@2018").unwrap().admin_center.as_ref().unwrap().en, "Taldykorgan");
    assert_eq!(ds.region("KZ-ALM").unwrap().admin_center.as_ref().unwrap().ru, "Конаев");
}

#[test]
fn areas_are_computed_from_the_polygons() {
    let ds = dataset();
    for e in &ds.editions {
        let total: f64 = e.units.iter().map(|u| u.area_km2).sum();
        // Kazakhstan's official area is 2,724,900 km².
        assert!((total - 2_724_900.0).abs() / 2_724_900.0 < 0.01, "{}: {total} km²", e.key);
    }
    let area =
        |edition: &str, code: &str| ds.edition(edition).unwrap().unit(code).unwrap().area_km2;
    let south = area("2010", "KZ-YUZ@2010");
    let parts = area("2018", "KZ-YUZ") + area("2018", "KZ-SHY");
    assert!((south - parts).abs() / parts < 1e-6, "union {south} vs parts {parts}");
    let east = area("2018", "KZ-VOS@2018");
    let split = area("2022", "KZ-VOS") + area("2022", "KZ-ABY");
    assert!((east - split).abs() / east < 0.005, "{east} vs {split}");
    let almaty = area("2022", "KZ-ALA");
    assert!((650.0..750.0).contains(&almaty), "Almaty city {almaty} km²");
}

#[test]
fn indicators_are_defined_with_their_aggregation() {
    let ds = dataset();
    assert_eq!(ds.indicators.len(), 8);
    let grp_pc = ds.indicator("grp_per_capita").unwrap();
    assert_eq!(
        grp_pc.aggregation,
        Aggregation::Ratio {
            numerator: "grp".into(),
            denominator: "population".into(),
            scale: 1000.0
        }
    );
    assert_eq!(grp_pc.unit.ru, "тыс. тенге, в текущих ценах");
    assert_eq!(
        ds.indicator("unemployment_rate").unwrap().aggregation,
        Aggregation::WeightedMean { weight: "labour_force".into() }
    );
    assert!(!ds.indicator("unemployment_rate").unwrap().higher_is_better);
    assert_eq!(ds.indicator("grp_per_capita_usd").unwrap().aggregation, Aggregation::None);
    for key in ["population", "grp", "investment_fixed_capital", "employed", "labour_force"] {
        assert_eq!(ds.indicator(key).unwrap().aggregation, Aggregation::Additive, "{key}");
    }
    for def in &ds.indicators {
        assert!(!def.names.kk.is_empty() && !def.names.ru.is_empty() && !def.unit.kk.is_empty());
    }
    // The ratio's scale is right: national GRP / population × 1000 is within 2 % of the reported
    // per-capita value (the bureau divides by the mean population, not the 1 January one).
    let grp = ds.value("KZ", "grp", 2015).unwrap();
    let population = ds.value("KZ", "population", 2015).unwrap();
    let reported = ds.value("KZ", "grp_per_capita", 2015).unwrap();
    let computed = grp / population * 1000.0;
    assert!((computed - reported).abs() / reported < 0.02, "{computed} vs {reported}");
}

#[test]
fn all_1093_values_are_loaded_with_exact_figures_and_sources() {
    let ds = dataset();
    assert_eq!(ds.values.len(), 1093);
    assert_eq!(ds.value("KZ-AKM", "population", 2023), Some(788_023.0));
    assert_eq!(ds.value("KZ", "grp", 2015), Some(40_884_133.6));
    assert_eq!(ds.value("KZ-ALM@2018", "grp", 2015), Some(1_976_047.7));
    assert_eq!(ds.value("KZ-VOS@2018", "population", 2020), Some(1_369_597.0));
    let row = ds.values.iter().find(|v| v.region_code == "KZ-AKM" && v.year == 2023).unwrap();
    assert!(!row.source.is_empty());
    assert_eq!(ds.values.iter().filter(|v| !v.note.is_empty()).count(), 552);
    assert_eq!(ds.years_of("population"), [2010, 2015, 2018, 2020, 2021, 2022, 2023]);
}

#[test]
fn growth_points_carry_levels_and_monotown_status() {
    let ds = dataset();
    assert_eq!(ds.growth_points.len(), 50);
    let point = |en: &str| ds.growth_points.iter().find(|g| g.names.en == en).unwrap();
    for (town, level) in [
        ("Astana", Some(GrowthLevel::First)),
        ("Aktobe", Some(GrowthLevel::First)),
        ("Semey", Some(GrowthLevel::Second)),
        ("Turkistan", Some(GrowthLevel::Second)),
        ("Zhezkazgan", Some(GrowthLevel::Second)),
        ("Zhitikara", Some(GrowthLevel::Third)),
        ("Temirtau", None),
    ] {
        assert_eq!(point(town).level, level, "{town}");
    }
    let count = |level| ds.growth_points.iter().filter(|g| g.level == Some(level)).count();
    assert_eq!(
        (count(GrowthLevel::First), count(GrowthLevel::Second), count(GrowthLevel::Third)),
        (4, 16, 10)
    );
    assert_eq!(ds.growth_points.iter().filter(|g| g.is_monotown).count(), 10);
    let serebryansk = point("Serebryansk");
    assert!(serebryansk.is_monotown && serebryansk.location.is_none());
    assert_eq!(ds.growth_points.iter().filter(|g| g.location.is_none()).count(), 4);
    let karaganda = point("Karaganda");
    assert_eq!((karaganda.population, karaganda.population_year), (Some(515_625), Some(2023)));
    assert_eq!(point("Ekibastuz").names.ru, "Экибастуз");
}

#[test]
fn projects_are_classified_priced_and_placed() {
    let ds = dataset();
    assert_eq!(ds.projects.len(), 27);
    let project = |code: &str| ds.projects.iter().find(|p| p.code == code).unwrap();
    let solar = project("TC2015-04");
    assert_eq!((solar.sector, solar.status), (Sector::Energy, ProjectStatus::Operating));
    let investment = solar.investment.as_ref().unwrap();
    assert_eq!((investment.amount, investment.unit.as_str()), (23.5, "billion KZT"));
    assert_eq!(investment.million_kzt, Some(23_500.0));
    // No site in the source: placed at Taraz, Jambyl Region's centre.
    assert_eq!(solar.location_basis, LocationBasis::RegionCentre);
    assert_eq!((solar.location.x(), solar.location.y()), (71.37693, 42.90159));
    assert_eq!(solar.names.ru, "Солнечная электростанция «Бурное Солар-1»");
    let sozak = project("OTH-14");
    assert_eq!(sozak.investment.as_ref().unwrap().million_kzt, None, "USD is not converted");
    assert_eq!(sozak.status, ProjectStatus::UnderConstruction);
    let furnace = project("TC2015-05");
    assert_eq!(
        (furnace.sector, furnace.location_basis),
        (Sector::Metallurgy, LocationBasis::TownCentre)
    );
    assert_eq!(project("OTH-01").status, ProjectStatus::Planned);
    assert_eq!(project("TC2015-07").sector, Sector::Transport);
    assert_eq!(
        ds.projects.iter().filter(|p| p.location_basis == LocationBasis::TownCentre).count(),
        11
    );
}

// ---------------------------------------------------------------------------------------------
// The file

#[test]
fn created_file_loads_back_equal_to_the_built_dataset_geometry_included() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.editions, dataset().editions);
    assert_eq!(&loaded, dataset());
    assert_eq!(store::schema_version(&path).unwrap(), store::SCHEMA_VERSION);
    // Reading leaves no SQLite side files behind.
    assert_eq!(snapshot(dir.path()).len(), 1);
}

#[test]
fn create_replaces_an_oblys_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let mut smaller = dataset().clone();
    smaller.projects.truncate(3);
    // The scenarios list every project; a file keeps no assumption about a missing one. The
    // example deck compares those scenarios, so it goes with them.
    smaller.scenarios.clear();
    smaller.slides.clear();
    store::create(&path, &smaller).unwrap();
    assert_eq!(store::load(&path).unwrap().projects.len(), 3);
    assert_eq!(snapshot(dir.path()).len(), 1, "no temporary file is left");
}

#[test]
fn create_refuses_to_overwrite_a_file_that_is_not_oblys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.oblys");
    fs::write(&path, "my notes\n").unwrap();
    let error = store::create(&path, dataset()).unwrap_err();
    assert!(matches!(error, StoreError::NotOblys { .. }), "{error}");
    assert_eq!(fs::read(&path).unwrap(), b"my notes\n");
}

#[test]
fn text_file_is_refused_with_a_one_line_error_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.oblys");
    fs::write(&path, "region,value\nKZ-AKM,1\n").unwrap();
    let before = snapshot(dir.path());
    let message = store::load(&path).unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "{}: not an Oblys file (not an SQLite database); it was left untouched",
            path.display()
        )
    );
    assert!(store::info_report(&path).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn foreign_sqlite_database_is_refused_and_left_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
        )
        .unwrap();
    }
    let before = snapshot(dir.path());
    let error = store::load(&path).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("other.sqlite") && message.contains("not a GeoPackage"), "{message}");
    assert!(!message.contains('\n'));
    assert!(store::info_report(&path).is_err());
    assert!(store::create(&path, dataset()).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn foreign_geopackage_without_oblys_meta_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("layers.gpkg");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
             CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT);",
        )
        .unwrap();
    }
    let before = snapshot(dir.path());
    let message = store::load(&path).unwrap_err().to_string();
    assert!(message.contains("not made by Oblys"), "{message}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn damaged_oblys_file_is_refused_and_left_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let mut bytes = fs::read(&path).unwrap();
    // Keep the 100-byte header (so it still looks like ours), wreck every page after the first.
    for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
        *b = (i % 251) as u8;
    }
    fs::write(&path, &bytes).unwrap();
    let before = snapshot(dir.path());
    let error = store::load(&path).unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with(&path.display().to_string()), "{message}");
    assert!(!message.contains('\n'), "{message}");
    assert!(store::info_report(&path).is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn truncated_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.oblys");
    fs::write(&path, b"SQLite format 3\0").unwrap();
    let message = store::load(&path).unwrap_err().to_string();
    assert!(message.contains("not an SQLite database"), "{message}");
}

#[test]
fn missing_file_is_reported_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.oblys");
    assert!(matches!(store::load(&path), Err(StoreError::NotFound { .. })));
    assert_eq!(
        store::load(&path).unwrap_err().to_string(),
        format!("{}: no such file", path.display())
    );
}

#[test]
fn file_from_a_newer_oblys_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE oblys_meta SET value = '99' WHERE key = 'schema_version'", [])
            .unwrap();
    }
    let error = store::load(&path).unwrap_err();
    assert!(matches!(error, StoreError::TooNew { found: 99, .. }), "{error}");
    assert!(error.to_string().contains("update Oblys"));
}

#[test]
fn info_report_lists_layers_counts_version_and_editions() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let report = store::info_report(&path).unwrap();
    let line = |start: &str| {
        report
            .lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("{start} missing:\n{report}"))
            .to_owned()
    };
    assert!(line("Format:").contains(&format!("Oblys schema version {}", store::SCHEMA_VERSION)));
    assert!(line("Format:").contains("GeoPackage 1.4"));
    let words = |l: String| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(words(line("regions "))[..3], ["regions", "MultiPolygon", "53"]);
    assert_eq!(words(line("growth_points"))[..3], ["growth_points", "Point", "50"]);
    assert_eq!(words(line("projects"))[..3], ["projects", "Point", "27"]);
    assert_eq!(words(line("corridors"))[..3], ["corridors", "LineString", "0"]);
    assert_eq!(words(line("indicator_values"))[..2], ["indicator_values", "1093"]);
    assert_eq!(words(line("units "))[..2], ["units", "24"]);
    assert!(line("2010").contains("16 units"));
    assert!(line("2018 ").contains("17 units"));
    assert!(line("2022 ").contains("20 units"));
    assert_eq!(snapshot(dir.path()).len(), 1, "info writes nothing");
}

#[test]
fn default_database_is_created_once_in_the_given_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data").join("oblys");
    let path = store::ensure_database_in(&folder).unwrap();
    assert_eq!(path, folder.join("default.gpkg"));
    assert_eq!(store::load(&path).unwrap().regions.len(), 24);
    let first = fs::read(&path).unwrap();
    assert_eq!(store::ensure_database_in(&folder).unwrap(), path);
    assert_eq!(fs::read(&path).unwrap(), first, "an existing database is reused, not rewritten");
}

#[test]
fn default_database_in_an_unusable_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "").unwrap();
    let folder = blocker.join("oblys");
    let error = store::ensure_database_in(&folder).unwrap_err();
    assert!(matches!(error, StoreError::DataFolder { .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("cannot be written") && message.contains("not-a-folder"), "{message}");
}
