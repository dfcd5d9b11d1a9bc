//! `oblys slides FILE --out deck.pdf|DIR` run as a process: the default database's deck as a PDF
//! that poppler's pdfinfo and pdftotext read (one page per slide, every title found), as a
//! folder of PNG images of the requested size, and every bad request refused with one line,
//! exit code 2 and nothing written.

mod common;

use common::{database, stderr};
use std::path::Path;
use std::process::{Command, Output};

fn oblys_slides(file: &Path, out: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("slides")
        .arg(file)
        .arg("--out")
        .arg(out)
        .args(args)
        .output()
        .expect("oblys runs")
}

fn poppler(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} (poppler-utils, installed by .ci/run) could not run: {e}")
    });
    assert!(output.status.success(), "{tool}: {}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(bytes.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]), "not a PNG");
    let at = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (at(16), at(20))
}

fn slide_titles(lang: oblys::model::Lang) -> Vec<String> {
    let ds = oblys::store::load(database()).expect("database readable");
    ds.slides.iter().map(|s| s.title.get(lang).to_string()).collect()
}

#[test]
fn the_default_deck_becomes_a_pdf_with_one_page_per_slide_and_every_title() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("deck.pdf");
    let output = oblys_slides(database(), &out, &["--lang", "kk"]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let titles = slide_titles(oblys::model::Lang::Kk);
    assert_eq!(titles.len(), 4);
    let info = poppler("pdfinfo", &[out.as_os_str()]);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(str::trim);
    assert_eq!(pages, Some("4"), "{info}");
    // A 16:9 page of 960 × 540 points.
    assert!(info.contains("960 x 540 pts"), "{info}");
    let text = poppler("pdftotext", &[out.as_os_str(), "-".as_ref()]);
    // pdftotext may break a long line; compare with whitespace collapsed.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for title in &titles {
        assert!(flat.contains(title.as_str()), "«{title}» not in the PDF text:\n{text}");
    }
    // Page numbers "n / 4" (pdftotext drops the spaces of right-aligned text).
    let tight: String = text.split_whitespace().collect();
    for n in ["1/4", "2/4", "3/4", "4/4"] {
        assert!(tight.contains(n), "page number {n} missing");
    }
    // Vector: maps are paths, not pictures.
    let images = poppler("pdfimages", &["-list".as_ref(), out.as_os_str()]);
    assert_eq!(images.lines().count(), 2, "no raster image expected:\n{images}");
}

#[test]
fn a_folder_gets_one_png_per_slide_of_the_requested_size() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("slides").join("en");
    let output = oblys_slides(database(), &out, &["--lang", "en", "--size", "1280x720"]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .expect("folder made")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names[0].starts_with("01-population-of-kazakhstan-"), "{names:?}");
    assert!(names[1].starts_with("02-grp-in-"), "{names:?}");
    assert_eq!(names[2], "03-programme-targets.png");
    assert!(names[3].starts_with("04-potential-classes-in-2030-which-regions"), "{names:?}");
    for name in &names {
        let bytes = std::fs::read(out.join(name)).expect("PNG readable");
        assert_eq!(png_size(&bytes), (1280, 720), "{name}");
    }
    // What was written is listed, one path a line.
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 4);
}

/// Runs a request that must fail: exit code 2, one line naming the problem, nothing written at
/// `out`. Returns the message.
fn refused(file: &Path, out: &Path, args: &[&str]) -> String {
    let output = oblys_slides(file, out, args);
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(&output));
    let message = stderr(&output);
    assert_eq!(message.trim_end().lines().count(), 1, "one line: {message}");
    assert!(message.starts_with("oblys: "), "{message}");
    message
}

#[test]
fn bad_sizes_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("deck.pdf");
    let message = refused(database(), &out, &["--size", "100000x100000"]);
    assert!(message.contains("out of range"), "{message}");
    assert!(message.contains("7680×4320"), "{message}");
    let message = refused(database(), &out, &["--size", "big"]);
    assert!(message.contains("«big» is not a size"), "{message}");
    assert!(!out.exists());
}

#[test]
fn an_unreadable_file_and_an_empty_deck_are_refused() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("deck.pdf");
    let missing = dir.path().join("missing.gpkg");
    let message = refused(&missing, &out, &[]);
    assert!(message.contains("missing.gpkg"), "{message}");
    assert!(!out.exists());

    let empty = dir.path().join("empty.gpkg");
    let mut ds = oblys::io::default_dataset::build().expect("default data");
    ds.slides.clear();
    oblys::store::create(&empty, &ds).expect("database written");
    let message = refused(&empty, &out, &[]);
    assert!(message.contains("no slides"), "{message}");
    assert!(!out.exists());
}

#[test]
fn an_unwritable_path_is_refused_and_a_file_in_the_way_is_left_as_it_was() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // A folder path that is a file.
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"planner's notes").expect("written");
    let message = refused(database(), &file, &[]);
    assert!(message.contains("is a file"), "{message}");
    assert_eq!(std::fs::read(&file).expect("readable"), b"planner's notes");
    // A PDF inside a folder that does not exist.
    let out = dir.path().join("no such folder").join("deck.pdf");
    let message = refused(database(), &out, &[]);
    assert!(message.contains("could not write"), "{message}");
    assert!(!out.exists());
    assert!(!dir.path().join("no such folder").exists());
}

#[test]
fn a_potential_slide_in_a_deck_is_a_page_of_the_pdf_with_its_title_and_transition_table() {
    use oblys::analysis::typology::{Typology, TypologyState};
    use oblys::model::{Names, PotentialTab, Slide, SlidePotential, SlideScreen, SlideView};
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("potential.gpkg");
    let mut ds = oblys::io::default_dataset::build().expect("embedded default data");
    let typology = Typology::default_for(&ds);
    let year = typology.state.year();
    let potential = SlidePotential {
        tab: PotentialTab::Change,
        typology,
        saved: None,
        significance: 0.05,
        change_a: TypologyState::Year(year - 1),
        change_b: TypologyState::Year(year),
        neighbours: false,
    };
    let view = SlideView {
        screen: SlideScreen::Potential,
        potential: Some(Box::new(potential)),
        ..ds.slides[0].view.clone()
    };
    let id = ds.slides.iter().map(|s| s.id).max().unwrap_or(0) + 1;
    let position = ds.slides.len() as u32;
    let title = Names::new("Әлеует ауысулары", "Смена классов потенциала", "Moves between classes");
    ds.slides.push(Slide { id, position, title, notes: Names::default(), view });
    oblys::store::create(&file, &ds).expect("file with a Potential slide written");

    let out = dir.path().join("deck.pdf");
    let output = oblys_slides(&file, &out, &["--lang", "en"]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let info = poppler("pdfinfo", &[out.as_os_str()]);
    let pages = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(str::trim);
    assert_eq!(pages, Some("5"), "{info}");
    let last = poppler("pdftotext", &["-f".as_ref(), "5".as_ref(), out.as_os_str(), "-".as_ref()]);
    let flat = last.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Moves between classes",
        "Transitions between classes",
        "(Up a class, 2): ",
        "(Down a class, 2): ",
        "Akmola Region",
        "Kostanay Region",
    ] {
        assert!(flat.contains(expected), "«{expected}» not on the Potential page:\n{last}");
    }
}
