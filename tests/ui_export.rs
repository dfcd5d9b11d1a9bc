//! The export window driven headless with egui_kittest on a file holding the default dataset:
//! the Export button over the map opens it; this view as a 1920 × 1080 PNG and every slide as
//! a PDF deck are written to typed paths on the worker thread, and the window says where (or
//! why not); the proposed path names the open file and the view, and a typed one is kept.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::{type_into, window};

/// Steps frames until `path` exists and the window reports it (the worker writes it).
fn wait_for(harness: &mut Harness<'_, Gui>, path: &Path, written: &str) {
    for _ in 0..3000 {
        harness.step();
        if path.exists() && harness.query_by_label(written).is_some() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{} was not written", path.display());
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(bytes.get(..8), Some(&b"\x89PNG\r\n\x1a\n"[..]), "not a PNG");
    let at = |i: usize| u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    (at(16), at(20))
}

#[test]
fn this_view_is_exported_as_a_full_hd_png_from_the_export_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    harness.get_by_label("Export").click();
    harness.run();
    assert!(harness.state().state().export_open(), "the export window is open");
    harness.get_by_label("This view").click();
    harness.get_by_label("PNG image").click();
    harness.get_by_label("1920 × 1080").click();
    harness.run();
    let out = dir.path().join("map view.png");
    type_into(&mut harness, "Save to", &out.display().to_string());
    harness.get_by_role_and_label(Role::Button, "Save").click();
    wait_for(&mut harness, &out, "Written:");
    let bytes = std::fs::read(&out).expect("PNG written");
    assert_eq!(png_size(&bytes), (1920, 1080));
    assert!(harness.query_by_label(&out.display().to_string()).is_some(), "the path is shown");
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().state().export_open());
}

#[test]
fn every_slide_is_exported_as_a_pdf_deck_in_russian() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::Ru);
    harness.get_by_label("Экспорт").click();
    harness.run();
    harness.get_by_label("Все слайды").click();
    harness.run();
    // A deck is a PDF or a folder of images; the PDF deck is proposed first.
    assert!(harness.query_by_label("Папка изображений PNG").is_some());
    assert!(harness.query_by_label("Изображение PNG").is_none());
    let out = dir.path().join("доклад.pdf");
    type_into(&mut harness, "Куда сохранить", &out.display().to_string());
    harness.get_by_role_and_label(Role::Button, "Сохранить").click();
    wait_for(&mut harness, &out, "Записано:");
    let pdf = std::fs::read(&out).expect("PDF written");
    assert!(pdf.starts_with(b"%PDF-"));
    // One page per slide of the file.
    assert_eq!(harness.state().state().dataset().slides.len(), 4);
    assert!(String::from_utf8_lossy(&pdf).contains("/Count 4"));
}

#[test]
fn an_unwritable_path_is_reported_in_the_window_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    harness.get_by_label("Export").click();
    harness.run();
    // A folder that does not exist: the PNG cannot be written there.
    let out = dir.path().join("missing folder").join("view.png");
    type_into(&mut harness, "Save to", &out.display().to_string());
    harness.get_by_role_and_label(Role::Button, "Save").click();
    for _ in 0..3000 {
        harness.step();
        if harness.query_by_label("Export failed:").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
    assert!(harness.query_by_label("Export failed:").is_some(), "the failure is reported");
    assert!(!out.exists());
}

#[test]
fn the_proposed_path_names_the_file_and_view_and_a_typed_path_is_kept_on_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    harness.get_by_label("Export").click();
    harness.run();
    let proposed = harness.get_by_role_and_label(Role::TextInput, "Save to").value();
    let expected = dir.path().join("kazakhstan-population-2023.png");
    assert_eq!(proposed.as_deref(), Some(expected.display().to_string().as_str()));
    // Every slide as a PDF deck: the proposal follows the choice.
    harness.get_by_label("Every slide").click();
    harness.run();
    let deck = harness.get_by_role_and_label(Role::TextInput, "Save to").value();
    let expected = dir.path().join("kazakhstan-slides.pdf");
    assert_eq!(deck.as_deref(), Some(expected.display().to_string().as_str()));
    // A typed path stays when the window is closed and opened again.
    let typed = dir.path().join("for the minister.pdf").display().to_string();
    type_into(&mut harness, "Save to", &typed);
    harness.get_by_label("Close").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    let kept = harness.get_by_role_and_label(Role::TextInput, "Save to").value();
    assert_eq!(kept.as_deref(), Some(typed.as_str()));
}
