//! The file's refusals as the window shows them, driven headless with egui_kittest on a real
//! file: a slide the file refuses (its indicator was taken out of the file by another program)
//! is told in the slide panel wholly in the window's language — the translated lead, then the
//! file's own reason in Russian or Kazakh, with only the path and the «quoted» key as they are —
//! and nothing is written.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;

/// Takes indicator `key` and its values out of the file behind the window's back, as another
/// program editing the file could.
fn drop_indicator(file: &Path, key: &str) {
    let conn = rusqlite::Connection::open(file).expect("file opened");
    conn.pragma_update(None, "foreign_keys", "OFF").expect("pragma");
    conn.execute("DELETE FROM indicator_values WHERE indicator = ?1", [key]).expect("values gone");
    let removed = conn.execute("DELETE FROM indicators WHERE key = ?1", [key]).expect("deleted");
    assert_eq!(removed, 1, "the file had indicator {key}");
}

fn slides_in_file(file: &Path) -> i64 {
    let conn = rusqlite::Connection::open(file).expect("file opened");
    conn.query_row("SELECT count(*) FROM slides", [], |r| r.get(0)).expect("counted")
}

/// Latin letters left in `text` once the path and «quoted» keys and names are taken out.
fn latin_outside_path_and_quotes(text: &str, path: &str) -> Vec<char> {
    let mut depth = 0u32;
    let mut latin = Vec::new();
    for c in text.replace(path, "").chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_ascii_alphabetic() => latin.push(c),
            _ => {}
        }
    }
    latin
}

/// Opens the slide panel (`slides`) and presses its add button (`add`) in a window in `lang`
/// whose file no longer has the view's indicator; returns the window, the file, the indicator
/// and what the panel shows.
fn refused_slide(
    dir: &tempfile::TempDir,
    lang: Lang,
    slides: &str,
    add: &str,
) -> (Harness<'static, Gui>, std::path::PathBuf, String, String) {
    let mut harness = ui::window(dir, lang);
    let file = harness.state().state().file().to_owned();
    let indicator = harness.state().state().view().indicator.clone();
    drop_indicator(&file, &indicator);
    let before = slides_in_file(&file);
    harness.get_by_label(slides).click();
    harness.run();
    harness.get_by_label(add).click();
    harness.run();
    let error = harness.state().state().slide_error().expect("the slide is refused").to_owned();
    // The panel shows the whole message as one label.
    harness.get_by_label(&error);
    assert_eq!(slides_in_file(&file), before, "nothing was written");
    (harness, file, indicator, error)
}

#[test]
fn a_slide_the_file_refuses_is_told_wholly_in_russian() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_harness, file, indicator, error) =
        refused_slide(&dir, Lang::Ru, "Слайды", "+ Слайд из этого вида");
    let path = file.display().to_string();
    assert!(
        error.starts_with(&format!("Изменение не сохранено: {path}: слайд ")),
        "the lead, the file, then the slide: {error}"
    );
    assert!(
        error.ends_with(&format!(": показателя «{indicator}» нет в файле; ничего не сохранено")),
        "{error}"
    );
    assert_eq!(latin_outside_path_and_quotes(&error, &path), Vec::<char>::new(), "{error}");
}

#[test]
fn a_slide_the_file_refuses_is_told_wholly_in_kazakh() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_harness, file, indicator, error) =
        refused_slide(&dir, Lang::Kk, "Слайдтар", "+ Осы көріністен слайд");
    let path = file.display().to_string();
    assert!(error.starts_with(&format!("Өзгеріс сақталмады: {path}: ")), "{error}");
    assert!(error.contains("-слайд «"), "{error}");
    assert!(
        error.ends_with(&format!(": «{indicator}» көрсеткіші файлда жоқ; ештеңе сақталмады")),
        "{error}"
    );
    assert_eq!(latin_outside_path_and_quotes(&error, &path), Vec::<char>::new(), "{error}");
}
