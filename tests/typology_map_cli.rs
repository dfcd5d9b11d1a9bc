//! `oblys map FILE --typology NAME …` run as a process: the class map of the default typology
//! as SVG (each region in its class's colour, the classes in the legend), as PNG, of a
//! scenario's projection, and bad requests refused with one line and exit code 2.

mod common;

use common::{database, stderr};
use std::path::Path;
use std::process::{Command, Output};

use oblys::analysis::typology::{self, Typology, TypologyState};
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

/// The fill of every region path of an SVG map, by region code.
fn fills(svg: &str) -> Vec<(String, String)> {
    let doc = Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("region"))
        .filter_map(|n| {
            let code = n.attribute("id")?.strip_prefix("region-")?.to_owned();
            Some((code, n.attribute("fill")?.to_owned()))
        })
        .collect()
}

#[test]
fn the_default_typology_map_colours_every_region_by_its_class_with_the_classes_in_the_legend() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("potential.svg");
    let args = ["--typology", "default", "--lang", "en"];
    let output = oblys_map(database(), &args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let svg = std::fs::read_to_string(&out).expect("written");
    let doc = Document::parse(&svg).expect("well-formed SVG");
    let title = doc.descendants().find(|n| n.attribute("id") == Some("title")).expect("title");
    assert_eq!(title.text(), Some("Potential — 2022"));
    let ds = oblys::io::default_dataset::build().expect("default dataset");
    let result = typology::compute(&ds, &Typology::default_for(&ds)).expect("computes");
    let colours = oblys::app::potential::class_fills(&result);
    let drawn = fills(&svg);
    assert_eq!(drawn.len(), 20);
    for (code, fill) in &drawn {
        let class = result.region(code).and_then(|r| r.class).expect("every region has a class");
        assert_eq!(*fill, colours[class].hex(), "{code}");
    }
    let legend = doc.descendants().find(|n| n.attribute("id") == Some("legend")).expect("legend");
    let text: Vec<&str> = legend.descendants().filter_map(|n| n.text()).collect();
    for label in ["High potential", "Medium potential", "Low potential"] {
        assert!(text.iter().any(|t| t.starts_with(label)), "{label} in {text:?}");
    }
}

#[test]
fn the_typology_map_of_the_managed_scenario_is_its_class_map_at_the_horizon() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("managed.svg");
    let args = ["--typology", "default", "--scenario", "2", "--lang", "en"];
    let output = oblys_map(database(), &args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let svg = std::fs::read_to_string(&out).expect("written");
    let ds = oblys::io::default_dataset::build().expect("default dataset");
    let state = TypologyState::Scenario { scenario_id: 2, year: 2030 };
    let t = Typology { state, ..Typology::default_for(&ds) };
    let result = typology::compute(&ds, &t).expect("computes");
    let colours = oblys::app::potential::class_fills(&result);
    for (code, fill) in fills(&svg) {
        let class = result.region(&code).and_then(|r| r.class).expect("a class");
        assert_eq!(fill, colours[class].hex(), "{code}");
    }
}

#[test]
fn the_typology_map_as_png_has_the_requested_width() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("potential.png");
    let args = ["--typology", "default", "--year", "2021", "--width", "1200"];
    let output = oblys_map(database(), &args, &out);
    assert!(output.status.success(), "stderr: {}", stderr(&output));
    let bytes = std::fs::read(&out).expect("written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    assert_eq!(width, 1200);
}

#[test]
fn an_unknown_typology_or_a_year_without_data_is_refused_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (args, expected) in [
        (&["--typology", "growth"][..], "no typology named «growth»; the file has: «default»"),
        (&["--typology", "default", "--year", "1990"][..], "1990"),
    ] {
        let out = dir.path().join("refused.svg");
        let output = oblys_map(database(), args, &out);
        assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
        let message = stderr(&output);
        assert!(message.contains(expected), "{message}");
        assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
        assert!(!out.exists());
    }
}
