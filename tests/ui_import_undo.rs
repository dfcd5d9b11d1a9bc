//! An import is one undoable step, driven headless with egui_kittest on a real file written from
//! the default dataset: after importing a table, Ctrl+Z takes every imported value back (the new
//! ones deleted, the replaced ones restored, in the window's data and in the file) and Ctrl+Y
//! makes the import again.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::AppState;
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::press;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// A window in English on a fresh file holding the default dataset.
fn window(dir: &tempfile::TempDir) -> Harness<'static, Gui> {
    let path = dir.path().join("kazakhstan.gpkg");
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    oblys::store::create(&path, &dataset).expect("file written");
    let dataset = oblys::store::load(&path).expect("file read");
    let gui = Gui::new(AppState::new(path, dataset, Lang::En));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness
}

/// Imports `input` through File > Import table… and closes the window.
fn import(harness: &mut Harness<'_, Gui>, input: &Path, button: &str) {
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness.get_by_label("Import table…").click();
    harness.run();
    let field = "Input file";
    harness.get_by_role_and_label(Role::TextInput, field).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, field).type_text(&input.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label(button).click();
    harness.run();
    harness.get_by_label("Close").click();
    harness.run();
    assert!(harness.state().state().import().is_none(), "the window is closed");
}

#[test]
fn ctrl_z_takes_a_whole_import_back_from_the_data_and_the_file_and_ctrl_y_redoes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let original = harness.state().state().dataset().clone();
    import(&mut harness, &fixture("long_new_values.csv"), "Import 3 good values");
    let file = harness.state().state().file().to_owned();
    let grp = |h: &Harness<'_, Gui>| h.state().state().dataset().value("KZ-ATY", "grp", 2097);
    let stored = |path: &Path| oblys::store::load(path).expect("file read");
    assert_eq!(grp(&harness), Some(3.25));
    let imported = harness.state().state().dataset().clone();
    assert_eq!(imported.values.len(), original.values.len() + 3);
    assert_eq!(harness.state().state().history().undo_len(), 1, "the import is one step");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(grp(&harness), None);
    assert_eq!(harness.state().state().dataset(), &original);
    assert_eq!(stored(&file), original, "the file holds what it held before the import");
    assert_eq!(stored(&file).value("KZ-ATY", "grp", 2097), None);

    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(grp(&harness), Some(3.25));
    assert_eq!(harness.state().state().dataset(), &imported);
    assert_eq!(stored(&file), imported);
}

#[test]
fn undoing_an_import_that_replaced_values_puts_the_old_ones_back_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let original = harness.state().state().dataset().clone();
    assert_eq!(original.value("KZ-AKM", "population", 2020), Some(736_735.0));
    import(&mut harness, &fixture("long_utf8_comma.csv"), "Import 4 good values");
    let akmola =
        |h: &Harness<'_, Gui>| h.state().state().dataset().value("KZ-AKM", "population", 2020);
    assert_eq!(akmola(&harness), Some(738_587.0));
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(akmola(&harness), Some(736_735.0));
    let file = harness.state().state().file().to_owned();
    assert_eq!(oblys::store::load(&file).expect("file read"), original);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(akmola(&harness), Some(738_587.0));
}
