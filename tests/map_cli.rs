//! `oblys map FILE …` run as a process, as a planner runs it: good SVG and PNG output, and every
//! bad request refused with one line, exit code 2 and the input file untouched.

mod common;

use common::{database, stderr};
use std::path::Path;
use std::process::{Command, Output};

use resvg::usvg::roxmltree::Document;

fn oblys_map(file: &Path, args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("map")
        .arg(file)
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("oblys runs")
}

/// Runs a request that must fail: exit code 2, one line naming the problem, input unchanged and
/// no output written. Returns the message.
fn refused(file: &Path, args: &[&str], out_name: &str) -> String {
    let before = std::fs::read(file).expect("input readable");
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join(out_name);
    let output = oblys_map(file, args, &out);
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
    let message = stderr(&output);
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    assert!(message.starts_with("oblys: "), "{message}");
    assert_eq!(std::fs::read(file).expect("input readable"), before, "input file changed");
    assert!(!out.exists(), "output written despite the error");
    message
}

#[test]
fn svg_map_has_the_title_twenty_region_paths_and_a_legend() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let args = ["--indicator", "population", "--year", "2023", "--lang", "en", "--width", "1600"];
    let output = oblys_map(database(), &args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = Document::parse(&svg).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("1600"));
    let title = doc.descendants().find(|n| n.attribute("id") == Some("title")).unwrap();
    assert_eq!(title.text(), Some("Population, 2023"));
    let regions: Vec<_> =
        doc.descendants().filter(|n| n.attribute("class") == Some("region")).collect();
    assert_eq!(regions.len(), 20);
    assert!(regions.iter().any(|r| r.attribute("id") == Some("region-KZ-ABY")));
    let legend = doc.descendants().find(|n| n.attribute("id") == Some("legend")).unwrap();
    let classes = legend.descendants().filter(|n| n.attribute("class") == Some("legend-class"));
    assert_eq!(classes.count(), 5);
    let legend_text: Vec<&str> = legend.descendants().filter_map(|n| n.text()).collect();
    assert!(legend_text.contains(&"persons"), "{legend_text:?}");
    assert!(legend_text.contains(&"Growth points"));
    let source = doc.descendants().find(|n| n.attribute("id") == Some("source")).unwrap();
    assert!(source.text().unwrap().contains("geokz (A. Rodionov), CC BY 4.0"));
}

#[test]
fn svg_map_in_kazakh_on_current_boundaries_outlines_the_legacy_groups() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let args = ["--indicator", "population", "--year", "2020", "--lang", "kk"];
    let output = oblys_map(database(), &[&args[..], &["--current-boundaries"]].concat(), &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let svg = std::fs::read_to_string(&out).unwrap();
    let doc = Document::parse(&svg).unwrap();
    let title = doc.descendants().find(|n| n.attribute("id") == Some("title")).unwrap();
    assert_eq!(title.text(), Some("Халық саны, 2020 (қазіргі шекараларда)"));
    let groups: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("group"))
        .filter_map(|n| n.attribute("data-value-code"))
        .collect();
    assert_eq!(groups, ["KZ-VOS@2018", "KZ-ALM@2018", "KZ-KAR@2018"]);
    assert_eq!(doc.descendants().filter(|n| n.attribute("class") == Some("region")).count(), 20);
}

#[test]
fn png_map_is_a_png_of_the_requested_width() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let args =
        ["--indicator", "grp_per_capita", "--year", "2015", "--lang", "ru", "--width", "900"];
    let output = oblys_map(database(), &args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let png = std::fs::read(&out).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR: width and height, big-endian, right after the chunk length and type.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!(width, 900);
    assert!((300..900).contains(&height), "height {height}");
}

#[test]
fn unknown_indicator_is_refused_with_the_known_keys() {
    let message = refused(database(), &["--indicator", "gdp", "--year", "2020"], "map.svg");
    assert!(message.contains("unknown indicator «gdp»"), "{message}");
    assert!(message.contains("grp_per_capita") && message.contains("population"), "{message}");
}

#[test]
fn year_without_data_is_refused_with_the_years_that_have_data() {
    let message = refused(database(), &["--indicator", "population", "--year", "2012"], "map.png");
    assert!(message.contains("2012"), "{message}");
    assert!(message.contains("2010, 2015, 2018, 2020, 2021, 2022, 2023"), "{message}");
}

#[test]
fn a_file_that_is_not_an_oblys_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.oblys");
    std::fs::write(&notes, "Meeting notes, not a database.\n").unwrap();
    let message = refused(&notes, &["--indicator", "population", "--year", "2023"], "map.svg");
    assert!(message.contains("notes.oblys"), "{message}");
}

#[test]
fn an_unknown_output_format_is_refused() {
    let args = ["--indicator", "population", "--year", "2023"];
    let message = refused(database(), &args, "map.jpg");
    assert!(message.contains(".svg or .png"), "{message}");
}
