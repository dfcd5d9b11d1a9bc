//! `oblys project FILE --scenario NAME --out PATH` run as a process: the projection of a shipped
//! scenario as CSV and XLSX, and bad requests refused with one line and exit code 2.

mod common;
#[path = "common/tables.rs"]
mod tables;

use common::{database, stderr};
use std::path::Path;
use std::process::{Command, Output};
use tables::{csv_rows, xlsx_part};

fn oblys_project(args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("project")
        .arg(database())
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("oblys runs")
}

#[test]
fn csv_holds_every_region_indicator_and_year_of_the_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("managed.csv");
    let output = oblys_project(&["--scenario", "managed scenario to 2030", "--lang", "en"], &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let rows = csv_rows(&out);
    // 20 regions + the country, 10 indicators, 2023–2030.
    assert_eq!(rows.len(), 21 * 10 * 8);
    let find = |code: &str, indicator: &str, year: &str| {
        rows.iter()
            .find(|r| r["region_code"] == code && r["indicator"] == indicator && r["year"] == year)
            .unwrap_or_else(|| panic!("no row {code} {indicator} {year}"))
    };
    let kz = find("KZ", "population", "2023");
    assert_eq!(kz["value"], "19766807");
    assert_eq!(kz["region"], "Kazakhstan");
    assert_eq!(kz["scenario"], "Managed scenario to 2030");
    assert_eq!(kz["basis"], "projected");
    let ala = find("KZ-ALA", "grp", "2023");
    assert_eq!(ala["region"], "Almaty");
    assert_eq!(ala["value"].parse::<f64>().unwrap(), 24_828_705.8);
    // Pavlodar's planned wheel plant (400 jobs) is realised by 2030.
    assert_eq!(find("KZ-PAV", "project_jobs_direct", "2030")["value"], "400");
    // Unemployment of the country: no national labour force, so no value (empty, never 0).
    assert_eq!(find("KZ", "unemployment_rate", "2025")["value"], "");
}

#[test]
fn xlsx_has_a_scenario_sheet_with_targets_and_a_sheet_per_indicator() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("inertial.xlsx");
    let args = ["--scenario", "Инерционный сценарий до 2030 года", "--format", "xlsx"];
    let output = oblys_project(&args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let workbook = xlsx_part(&out, "xl/workbook.xml");
    for sheet in ["Сценарий", "population", "grp", "grp_per_capita", "productivity"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "no sheet {sheet}: {workbook}");
    }
    let strings = xlsx_part(&out, "xl/sharedStrings.xml");
    for text in ["Инерционный сценарий до 2030 года", "Казахстан", "Цели", "Целевой уровень"]
    {
        assert!(strings.contains(text), "«{text}» missing");
    }
    // The population sheet: the 2023 population of the country in the last row.
    let population = xlsx_part(&out, "xl/worksheets/sheet2.xml");
    assert!(population.contains("<v>19766807</v>"), "{population}");
}

#[test]
fn unknown_scenario_is_refused_with_the_names_the_file_has() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.csv");
    let before = std::fs::read(database()).unwrap();
    let output = oblys_project(&["--scenario", "Atlantis", "--lang", "en"], &out);
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
    let message = stderr(&output);
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    assert!(
        message.trim_end().ends_with(
            "there is no scenario «Atlantis»; the file has: «Inertial scenario to 2030», \
             «Managed scenario to 2030»"
        ),
        "{message}"
    );
    assert!(message.starts_with("oblys: "), "{message}");
    assert!(!out.exists(), "no output on error");
    assert_eq!(std::fs::read(database()).unwrap(), before, "the input is only read");
}

#[test]
fn unknown_format_is_refused_by_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.ods");
    let output =
        oblys_project(&["--scenario", "Managed scenario to 2030", "--format", "ods"], &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown format «ods»: use csv or xlsx"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn a_file_without_scenarios_says_how_to_make_one() {
    // As a file written before scenarios existed reads: the same data, no scenario.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("old.gpkg");
    let mut dataset = oblys::io::default_dataset::build().expect("embedded default data");
    dataset.scenarios.clear();
    dataset.slides.clear();
    oblys::store::create(&file, &dataset).expect("database written");
    let out = dir.path().join("x.csv");
    let output = Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("project")
        .arg(&file)
        .args(["--scenario", "Managed scenario to 2030", "--out"])
        .arg(&out)
        .output()
        .expect("oblys runs");
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.trim_end().ends_with(
            "there is no scenario «Managed scenario to 2030»; the file has none: open it in \
             Oblys and make one on the Scenarios screen (New inertial)"
        ),
        "{message}"
    );
    assert!(!out.exists());
}
