//! `oblys map FILE --scenario NAME --year Y` and `oblys map FILE --compare A,B --year Y
//! [--relative]` run as a process on the default database (inertial and managed scenarios to
//! 2030): a projected year and the difference map, in SVG and PNG, and unknown scenario names
//! refused with the names the file has.

mod common;

use common::{database, stderr};
use std::path::Path;
use std::process::{Command, Output};

use oblys::map::style;
use resvg::usvg::roxmltree::{Document, Node};

const INERTIAL: &str = "Inertial scenario to 2030";
const MANAGED: &str = "Managed scenario to 2030";

fn oblys_map(args: &[&str], out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("map")
        .arg(database())
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("oblys runs")
}

/// Runs a request that must succeed and returns the SVG it wrote.
fn svg_of(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("map.svg");
    let output = oblys_map(args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    std::fs::read_to_string(&out).expect("SVG written")
}

fn text_of<'a>(doc: &'a Document<'a>, id: &str) -> Option<&'a str> {
    doc.descendants().find(|n| n.attribute("id") == Some(id)).and_then(|n| n.text())
}

/// The fills of the legend's class swatches, in order.
fn legend_fills<'a>(doc: &'a Document<'a>) -> Vec<&'a str> {
    let legend = doc.descendants().find(|n| n.attribute("id") == Some("legend"));
    legend
        .into_iter()
        .flat_map(|l| l.descendants())
        .filter(|n| n.attribute("class") == Some("legend-class"))
        .filter_map(|n| n.attribute("fill"))
        .collect()
}

fn legend_texts<'a>(doc: &'a Document<'a>) -> Vec<&'a str> {
    let legend = doc.descendants().find(|n| n.attribute("id") == Some("legend"));
    legend.into_iter().flat_map(|l| l.descendants()).filter_map(|n| n.text()).collect()
}

fn region_fill<'a>(doc: &'a Document<'a>, code: &str) -> Option<&'a str> {
    let id = format!("region-{code}");
    doc.descendants().find(|n: &Node| n.attribute("id") == Some(id.as_str()))?.attribute("fill")
}

#[test]
fn a_scenarios_projected_year_is_drawn_with_its_name_in_the_title() {
    let svg = svg_of(&["--scenario", "managed scenario to 2030", "--year", "2030", "--lang", "en"]);
    let doc = Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(
        text_of(&doc, "title"),
        Some("Managed scenario to 2030 — Gross regional product, 2030")
    );
    assert_eq!(doc.descendants().filter(|n| n.attribute("class") == Some("region")).count(), 20);
    assert_eq!(legend_fills(&doc).len(), 5);

    let svg = svg_of(&[
        "--scenario",
        "Инерционный сценарий до 2030 года",
        "--year",
        "2026",
        "--indicator",
        "population",
        "--lang",
        "ru",
    ]);
    let doc = Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(
        text_of(&doc, "title"),
        Some("Инерционный сценарий до 2030 года — Численность населения, 2026")
    );
}

#[test]
fn the_difference_map_has_its_title_sides_and_the_diverging_classes() {
    let svg =
        svg_of(&["--compare", &format!("{INERTIAL},{MANAGED}"), "--year", "2030", "--lang", "en"]);
    let doc = Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(text_of(&doc, "title"), Some("B − A: Gross regional product, 2030"));
    let subtitle = text_of(&doc, "subtitle").expect("subtitle");
    assert!(subtitle.starts_with(&format!("B: {MANAGED}; A: {INERTIAL}")), "{subtitle}");
    // Three loss classes, "no change", three gain classes, in the diverging colours.
    let colors: Vec<String> =
        style::diverging_colors(3, true).into_iter().map(|c| c.hex()).collect();
    assert_eq!(legend_fills(&doc), colors.iter().map(String::as_str).collect::<Vec<_>>());
    let texts = legend_texts(&doc);
    assert!(texts.contains(&"No change"), "{texts:?}");
    assert!(texts.contains(&"B − A"), "{texts:?}");
    // The managed scenario favours Astana: it lies on the gain side.
    let astana = region_fill(&doc, "KZ-AST").expect("Astana drawn");
    assert!(colors[4..].iter().any(|c| c == astana), "{astana}");
}

#[test]
fn a_scenario_against_itself_is_neutral_everywhere_and_relative_shows_per_cent() {
    let svg = svg_of(&[
        "--compare",
        &format!("{MANAGED}, {MANAGED}"),
        "--year",
        "2028",
        "--relative",
        "--lang",
        "kk",
    ]);
    let doc = Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(text_of(&doc, "title"), Some("В / А − 1: Жалпы өңірлік өнім, 2028"));
    let neutral = style::NEUTRAL_FILL.hex();
    assert_eq!(legend_fills(&doc), vec![neutral.as_str()]);
    assert!(legend_texts(&doc).contains(&"Өзгеріссіз"));
    let regions: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("region"))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert_eq!(regions.len(), 20);
    assert!(regions.iter().all(|f| *f == neutral), "{regions:?}");
}

#[test]
fn a_difference_map_as_png_decodes_at_the_requested_width() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("difference.png");
    let pair = format!("{INERTIAL},{MANAGED}");
    let args = ["--compare", pair.as_str(), "--year", "2030", "--relative", "--width", "1000"];
    let output = oblys_map(&args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let png = std::fs::read(&out).expect("PNG written");
    let image = resvg::tiny_skia::Pixmap::decode_png(&png).expect("a PNG that decodes");
    assert_eq!(image.width(), 1000);
    assert!((300..1000).contains(&image.height()), "height {}", image.height());
}

/// Runs a request that must fail: exit code 2, one line, no output. Returns the message.
fn refused(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("map.svg");
    let output = oblys_map(args, &out);
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
    let message = stderr(&output);
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    assert!(!out.exists(), "output written despite the error");
    message
}

#[test]
fn unknown_scenario_names_are_refused_with_the_names_the_file_has() {
    let message = refused(&["--scenario", "Optimistic", "--year", "2030", "--lang", "en"]);
    assert!(message.contains("there is no scenario «Optimistic»"), "{message}");
    assert!(message.contains(&format!("«{INERTIAL}», «{MANAGED}»")), "{message}");

    let pair = format!("{INERTIAL},Optimistic");
    let message = refused(&["--compare", &pair, "--year", "2030", "--lang", "en"]);
    assert!(message.contains("«Optimistic»") && message.contains(MANAGED), "{message}");
}

#[test]
fn a_file_without_scenarios_says_how_to_make_one() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("old.gpkg");
    let mut dataset = oblys::io::default_dataset::build().expect("embedded default data");
    dataset.scenarios.clear();
    dataset.slides.clear();
    oblys::store::create(&file, &dataset).expect("database written");
    let out = dir.path().join("map.svg");
    let output = Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("map")
        .arg(&file)
        .args(["--compare", &format!("{INERTIAL},{MANAGED}"), "--year", "2030", "--out"])
        .arg(&out)
        .output()
        .expect("oblys runs");
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.trim_end().ends_with(&format!(
            "there is no scenario «{INERTIAL}»; the file has none: open it in Oblys and make one \
             on the Scenarios screen (New inertial)"
        )),
        "{message}"
    );
    assert!(!out.exists());
}

#[test]
fn bad_compare_pairs_years_and_indicators_are_refused() {
    let message = refused(&["--compare", INERTIAL, "--year", "2030"]);
    assert!(message.contains("two scenario names separated by one comma"), "{message}");
    let message = refused(&["--scenario", INERTIAL, "--year", "2040", "--lang", "en"]);
    assert!(message.contains("2023–2030") && message.contains("2040"), "{message}");
    let args = ["--scenario", INERTIAL, "--year", "2030", "--indicator", "gdp"];
    let message = refused(&args);
    assert!(message.contains("«gdp»") && message.contains("grp"), "{message}");
}
