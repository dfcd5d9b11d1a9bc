//! PDF export checked by an independent reader, poppler-utils (`pdfinfo`, `pdftotext`, installed
//! by .ci/run): `oblys map … --out map.pdf` writes one vector page the size of the SVG export, a
//! deck has one page per scene, Kazakh text stays text (an embedded font subset, no raster
//! images), and a map page stays small.

mod common;

use common::{database, stderr};
use std::path::Path;
use std::process::Command;

use oblys::export::{MapRequest, PageSize, export_height, scene_for_request, scenes_to_pdf_deck};
use oblys::model::Lang;

/// Runs a poppler-utils tool on `pdf` and returns its standard output; None (with a note) when
/// the tool is not installed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        // "-" as the output file: the text to standard output, UTF-8.
        command.arg("-");
    }
    let output = match command.output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            println!("note: {tool} is not installed (poppler-utils); PDF check skipped");
            return None;
        }
        Err(e) => panic!("{tool} could not run: {e}"),
    };
    assert!(output.status.success(), "{tool} refused the PDF: {}", stderr(&output));
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The value of `key:` in pdfinfo's output.
fn info_field<'a>(info: &'a str, key: &str) -> &'a str {
    info.lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':'))
        .map(str::trim)
        .unwrap_or_else(|| panic!("pdfinfo has no {key}: {info}"))
}

fn request(indicator: &str, year: i32, lang: Lang) -> MapRequest {
    MapRequest {
        file: database().to_path_buf(),
        indicator: indicator.to_string(),
        year,
        lang,
        out: "unused.pdf".into(),
        width: 1600,
        current_boundaries: false,
    }
}

fn oblys_map_pdf(args: &[&str], out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("map")
        .arg(database())
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("oblys runs");
    assert!(output.status.success(), "stderr: {}", stderr(&output));
}

#[test]
fn a_map_pdf_is_one_small_page_the_size_of_the_svg_export() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.pdf");
    let args = ["--indicator", "population", "--year", "2023", "--lang", "en", "--width", "1600"];
    oblys_map_pdf(&args, &out);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    println!("map PDF, population 2023, 1600 pt wide: {} bytes", bytes.len());
    assert!(bytes.len() < 1_500_000, "map PDF is {} bytes", bytes.len());

    let ds = oblys::store::load(database()).unwrap();
    let scene = scene_for_request(&ds, &request("population", 2023, Lang::En)).unwrap();
    let height = export_height(&scene, 1600);
    let Some(info) = poppler("pdfinfo", &[], &out) else { return };
    assert_eq!(info_field(&info, "Pages"), "1");
    assert_eq!(info_field(&info, "Page size"), format!("1600 x {height} pts"));
    assert_eq!(info_field(&info, "Producer"), "svg2pdf");
}

#[test]
fn a_deck_of_three_scenes_has_three_slide_pages() {
    let ds = oblys::store::load(database()).unwrap();
    let scenes = [
        scene_for_request(&ds, &request("population", 2023, Lang::Kk)).unwrap(),
        scene_for_request(&ds, &request("grp_per_capita", 2020, Lang::Ru)).unwrap(),
        scene_for_request(&ds, &request("population", 2010, Lang::En)).unwrap(),
    ];
    let pdf = scenes_to_pdf_deck(&scenes, 1600, PageSize::SLIDE_16_9).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.pdf");
    std::fs::write(&out, &pdf).unwrap();
    println!("3-page deck: {} bytes", pdf.len());

    let Some(info) = poppler("pdfinfo", &[], &out) else { return };
    assert_eq!(info_field(&info, "Pages"), "3");
    assert_eq!(info_field(&info, "Page size"), "960 x 540 pts");
    assert_eq!(info_field(&info, "Producer"), "Oblys");
    // Every page carries its own map's title as text.
    let titles = ["Халық саны, 2023", "ВРП на душу населения, 2020", "Population, 2010"];
    for (page, title) in (1..).zip(titles) {
        let page = page.to_string();
        let args = ["-enc", "UTF-8", "-f", &page, "-l", &page];
        let Some(text) = poppler("pdftotext", &args, &out) else { return };
        assert!(text.contains(title), "page {page} lacks «{title}»: {text}");
    }
}

#[test]
fn kazakh_title_and_legend_stay_text_in_a_kazakh_map_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.pdf");
    oblys_map_pdf(&["--indicator", "population", "--year", "2023", "--lang", "kk"], &out);
    let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &out) else { return };
    assert!(text.contains("Халық саны, 2023"), "no Kazakh title in: {text}");
    assert!(text.contains("Өсу нүктелері"), "no Kazakh legend entry in: {text}");
    // The glyphs come from one embedded subset of the app's font, and nothing is a raster image.
    let Some(fonts) = poppler("pdffonts", &[], &out) else { return };
    let faces: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(faces.len(), 1, "{fonts}");
    assert!(faces.iter().all(|f| f.contains("Ubuntu") && f.contains("yes yes yes")), "{fonts}");
    let Some(images) = poppler("pdfimages", &["-list"], &out) else { return };
    assert_eq!(images.lines().count(), 2, "only the header, no images: {images}");
}

#[test]
fn a_scenario_comparison_map_is_written_as_a_pdf_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("compare.pdf");
    let pair = "Inertial scenario to 2030,Managed scenario to 2030";
    oblys_map_pdf(&["--compare", pair, "--year", "2030", "--lang", "en"], &out);
    let Some(info) = poppler("pdfinfo", &[], &out) else { return };
    assert_eq!(info_field(&info, "Pages"), "1");
    let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &out) else { return };
    assert!(text.contains("Managed scenario to 2030"), "{text}");
}
