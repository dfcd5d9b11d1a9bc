//! `oblys typology FILE … --format csv|json --out PATH` run as a process: the default typology of
//! the shipped data as CSV (one line per region) and JSON (with global Moran's I), custom
//! indicators and weights, a scenario's horizon, and bad requests refused with one line naming
//! the problem and exit code 2.

mod common;
#[path = "common/tables.rs"]
#[expect(dead_code, reason = "the shared readers also read XLSX; this file reads CSV only")]
mod tables;

use common::{database, stderr};
use std::path::Path;
use std::process::{Command, Output};
use tables::csv_rows;

fn oblys_typology(args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("typology")
        .arg(database())
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("oblys runs")
}

fn json_of(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("the JSON file is written");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn csv_has_one_line_per_current_region_with_index_class_rank_and_lisa() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("typology.csv");
    let output = oblys_typology(&["--format", "csv", "--lang", "en"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 20);
    let almaty_region = rows.iter().find(|r| r["region_code"] == "KZ-ALM").expect("Almaty Region");
    assert_eq!(almaty_region["region"], "Almaty Region");
    assert_eq!(almaty_region["missing"], "employment_rate;population_change");
    assert_eq!(almaty_region["employment_rate_raw"], "");
    assert_eq!(almaty_region["employment_rate_contribution"], "");
    // Three components left, equal weights rescaled to a third each.
    let weight: f64 = almaty_region["grp_per_capita_weight"].parse().unwrap();
    assert!((weight - 1.0 / 3.0).abs() < 1e-12);
    let mut ranks: Vec<usize> = rows.iter().map(|r| r["rank"].parse().unwrap()).collect();
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=20).collect::<Vec<_>>());
    for r in &rows {
        let index: f64 = r["index"].parse().unwrap();
        assert!((0.0..=1.0).contains(&index));
        let sum: f64 = [
            "grp_per_capita",
            "investment_per_capita",
            "employment_rate",
            "population_change",
            "unemployment_rate",
        ]
        .iter()
        .filter_map(|k| r[&format!("{k}_contribution")].parse::<f64>().ok())
        .sum();
        assert!(
            (sum - index).abs() < 1e-12,
            "{}: contributions {sum} ≠ index {index}",
            r["region_code"]
        );
        assert!(["1", "2", "3"].contains(&r["class"].as_str()));
        assert!(["HH", "LL", "HL", "LH", "ns"].contains(&r["lisa"].as_str()), "{}", r["lisa"]);
    }
    let top = rows.iter().find(|r| r["rank"] == "1").unwrap();
    assert_eq!(top["class_label"], "High potential");
}

#[test]
fn json_holds_global_moran_classes_and_every_region() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("typology.json");
    let output = oblys_typology(&["--format", "json", "--seed", "7"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc = json_of(&out);
    assert_eq!(doc["typology"]["state"]["year"], 2022);
    assert_eq!(doc["typology"]["edition"], "2022");
    assert_eq!(doc["typology"]["classification"]["method"], "three");
    assert_eq!(doc["typology"]["missing_rule"], "rescale_weights");
    assert_eq!(doc["components"].as_array().unwrap().len(), 5);
    let moran = &doc["moran"];
    assert_eq!(moran["n"], 20);
    assert!((moran["EI"].as_f64().unwrap() + 1.0 / 19.0).abs() < 1e-12);
    for key in ["I", "z", "z_norm", "p_norm", "z_rand", "p_rand", "p_sim", "z_sim"] {
        assert!(moran[key].is_number(), "{key} missing");
    }
    assert_eq!(moran["permutations"], 999);
    let p = moran["p_sim"].as_f64().unwrap();
    assert!(p > 0.0 && p <= 0.5);
    let regions = doc["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 20);
    let astana = regions.iter().find(|r| r["code"] == "KZ-AST").unwrap();
    assert_eq!(astana["name"], "город Астана");
    assert!(astana["components"]["grp_per_capita"]["raw"].is_number());
    assert!(astana["lisa"]["p_sim"].is_number());
    // The same seed writes the same file.
    let again = dir.path().join("again.json");
    let output = oblys_typology(&["--format", "json", "--seed", "7"], &again);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
}

#[test]
fn custom_indicators_weights_and_jenks_classes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("custom.json");
    let args = [
        "--indicators",
        "grp_per_capita,unemployment_rate",
        "--weights",
        "3,1",
        "--method",
        "jenks",
        "--classes",
        "4",
        "--year",
        "2021",
        "--format",
        "json",
    ];
    let output = oblys_typology(&args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc = json_of(&out);
    assert_eq!(doc["typology"]["state"]["year"], 2021);
    assert_eq!(doc["typology"]["classification"]["method"], "jenks");
    assert_eq!(doc["components"][0]["weight"], 3.0);
    assert_eq!(doc["components"][1]["direction"], "lower_is_better");
    assert_eq!(doc["classes"].as_array().unwrap().len(), 4);
    let complete = doc["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["missing"].as_array().unwrap().is_empty())
        .unwrap();
    let weight = complete["components"]["grp_per_capita"]["weight"].as_f64().unwrap();
    assert!((weight - 0.75).abs() < 1e-12);
}

#[test]
fn scenario_by_name_defaults_to_its_horizon() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("managed.csv");
    let output =
        oblys_typology(&["--scenario", "managed scenario to 2030", "--format", "json"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc = json_of(&out);
    assert_eq!(doc["typology"]["state"]["year"], 2030);
    assert!(doc["typology"]["state"]["scenario_id"].is_number());
    assert_eq!(doc["regions"].as_array().unwrap().len(), 20);
}

#[test]
fn unknown_indicator_is_refused_listing_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.csv");
    let output = oblys_typology(&["--indicators", "grp,gdp", "--format", "csv"], &out);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("unknown indicator «gdp»"), "{message}");
    assert!(message.contains("grp_per_capita") && message.contains("employment_rate"), "{message}");
    assert!(!out.exists());
}

#[test]
fn wrong_weights_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.csv");
    let output = oblys_typology(
        &["--indicators", "grp,population", "--weights", "1,2,3", "--format", "csv"],
        &out,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("3 weights for 2 indicators: give one weight per indicator"),
        "{}",
        stderr(&output)
    );
    let output = oblys_typology(
        &["--indicators", "grp,population", "--weights", "1,-2", "--format", "csv"],
        &out,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("the weight of «population» is -2: weights must be finite and 0 or more"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn year_without_data_unknown_scenario_and_unknown_name_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.json");
    let output = oblys_typology(&["--year", "1990", "--format", "json"], &out);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("no component has data for 1990; years with data: 2010"), "{message}");
    let output = oblys_typology(&["--scenario", "Atlantis", "--format", "json"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("there is no scenario «Atlantis»"), "{}", stderr(&output));
    let output = oblys_typology(&["--name", "mine", "--format", "json"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no typology named «mine»; the file has: «default»"),
        "{}",
        stderr(&output)
    );
    let output = oblys_typology(&["--classes", "5", "--format", "json"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--method quantiles, jenks or kmeans"), "{}", stderr(&output));
    assert!(!out.exists());
}

#[test]
fn insufficient_data_rule_leaves_regions_with_gaps_without_index_class_or_lisa() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("strict.csv");
    let args = ["--missing", "insufficient", "--format", "csv", "--lang", "kk"];
    let output = oblys_typology(&args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 20);
    let without: Vec<&str> =
        rows.iter().filter(|r| r["index"].is_empty()).map(|r| r["region_code"].as_str()).collect();
    assert_eq!(without, vec!["KZ-ABY", "KZ-ALM", "KZ-KAR", "KZ-KZY", "KZ-ULT", "KZ-VOS", "KZ-ZHT"]);
    let ulytau = rows.iter().find(|r| r["region_code"] == "KZ-ULT").unwrap();
    assert_eq!(ulytau["class_label"], "Деректер жеткіліксіз");
    assert_eq!(ulytau["rank"], "");
    assert_eq!(ulytau["lisa"], "");
    let mut ranks: Vec<usize> = rows.iter().filter_map(|r| r["rank"].parse().ok()).collect();
    ranks.sort_unstable();
    assert_eq!(ranks, (1..=13).collect::<Vec<_>>());
}

#[test]
fn z_score_normalisation_is_recorded_and_unknown_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("z.json");
    let output = oblys_typology(&["--normalisation", "z_score", "--format", "json"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc = json_of(&out);
    assert_eq!(doc["typology"]["normalisation"], "z_score");
    let indices: Vec<f64> =
        doc["regions"].as_array().unwrap().iter().map(|r| r["index"].as_f64().unwrap()).collect();
    assert!(indices.iter().any(|&v| v < 0.0) && indices.iter().any(|&v| v > 0.0));
    let output = oblys_typology(&["--missing", "impute", "--format", "json"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("use rescale or insufficient"), "{}", stderr(&output));
}

/// A copy of the default database holding one saved typology: GRP per capita weighted 3 and the
/// unemployment rate 1, z-scores, Jenks with 4 classes, insufficient-data rule, year 2021.
fn file_with_saved_typology(dir: &Path) -> std::path::PathBuf {
    use oblys::analysis::typology::{
        Classification, Component, Direction, MissingRule, Normalisation, Typology, TypologyState,
    };
    use oblys::model::{Names, SavedTypology};
    let path = dir.join("saved.gpkg");
    std::fs::copy(database(), &path).expect("the database is copied");
    let saved = SavedTypology {
        id: 1,
        typology: Typology {
            name: Names::new("Еңбек", "Труд", "Labour"),
            state: TypologyState::Year(2021),
            components: vec![
                Component {
                    indicator: "grp_per_capita".into(),
                    direction: Direction::HigherIsBetter,
                    weight: 3.0,
                },
                Component {
                    indicator: "unemployment_rate".into(),
                    direction: Direction::LowerIsBetter,
                    weight: 1.0,
                },
            ],
            normalisation: Normalisation::ZScore,
            classification: Classification::NaturalBreaks(4),
            missing: MissingRule::InsufficientData,
        },
    };
    oblys::store::save_typology(&path, &saved).expect("the typology is saved");
    path
}

fn oblys_typology_of(file: &Path, args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("typology")
        .arg(file)
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("oblys runs")
}

#[test]
fn saved_typology_is_found_by_its_name_in_any_language_with_its_whole_definition() {
    let dir = tempfile::tempdir().unwrap();
    let file = file_with_saved_typology(dir.path());
    for name in ["Труд", "labour", "Еңбек"] {
        let out = dir.path().join("saved.json");
        let output =
            oblys_typology_of(&file, &["--name", name, "--format", "json", "--lang", "en"], &out);
        assert!(output.status.success(), "stderr: {}", stderr(&output));
        let doc = json_of(&out);
        assert_eq!(doc["typology"]["name"], "Labour");
        assert_eq!(doc["typology"]["state"]["year"], 2021);
        assert_eq!(doc["typology"]["normalisation"], "z_score");
        assert_eq!(doc["typology"]["classification"]["method"], "jenks");
        assert_eq!(doc["typology"]["classification"]["classes"], 4);
        assert_eq!(doc["typology"]["missing_rule"], "insufficient_data");
        let weights: Vec<(String, f64)> = doc["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["key"].as_str().unwrap().to_owned(), c["weight"].as_f64().unwrap()))
            .collect();
        assert_eq!(
            weights,
            [("grp_per_capita".to_owned(), 3.0), ("unemployment_rate".to_owned(), 1.0)]
        );
    }
    // The command line still overrides a part of the saved definition.
    let out = dir.path().join("quantiles.json");
    let output = oblys_typology_of(
        &file,
        &["--name", "Labour", "--method", "quantiles", "--format", "json"],
        &out,
    );
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let doc = json_of(&out);
    assert_eq!(doc["typology"]["classification"]["method"], "quantiles");
    assert_eq!(doc["typology"]["classification"]["classes"], 4);
    assert_eq!(doc["typology"]["normalisation"], "z_score");
}

#[test]
fn unknown_typology_name_exits_2_listing_the_saved_ones_and_default() {
    let dir = tempfile::tempdir().unwrap();
    let file = file_with_saved_typology(dir.path());
    let out = dir.path().join("x.json");
    let output =
        oblys_typology_of(&file, &["--name", "Growth", "--format", "json", "--lang", "ru"], &out);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("no typology named «Growth»; the file has: «default», «Труд»"),
        "{message}"
    );
    assert!(!out.exists());

    let svg = dir.path().join("x.svg");
    let output = Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("map")
        .arg(&file)
        .args(["--typology", "Growth", "--lang", "en", "--out"])
        .arg(&svg)
        .output()
        .expect("oblys runs");
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(message.contains("the file has: «default», «Labour»"), "{message}");
    assert!(!svg.exists());
}

#[test]
fn class_map_of_a_saved_typology_is_drawn_for_its_year_and_differs_from_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let file = file_with_saved_typology(dir.path());
    let svg = dir.path().join("labour.svg");
    let output = Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("map")
        .arg(&file)
        .args(["--typology", "труд", "--lang", "en", "--out"])
        .arg(&svg)
        .output()
        .expect("oblys runs");
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains(">Potential — 2021<"), "the saved typology's year is drawn");
    let default_svg = dir.path().join("default.svg");
    let output = Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("map")
        .arg(&file)
        .args(["--typology", "default", "--lang", "en", "--out"])
        .arg(&default_svg)
        .output()
        .expect("oblys runs");
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let default_text = std::fs::read_to_string(&default_svg).unwrap();
    assert!(default_text.contains(">Potential — 2022<"), "the default typology's year is drawn");
}
