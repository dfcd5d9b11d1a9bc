//! The headless window of the UI flow tests (egui_kittest) and the input a planner makes in it:
//! a fresh file with the default data, the `Gui` on it at the laptop size, clicks, keys, typing.
//! Included by each `tests/ui_*.rs` with `#[path = "common/ui.rs"] mod ui;`.

#![allow(dead_code)] // Each test file uses the part it needs.

use std::path::{Path, PathBuf};

use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::AppState;
use oblys::model::{Dataset, Lang};
use oblys::ui::Gui;

/// The window size the layout is designed for: a laptop screen.
pub const WINDOW_SIZE: [f32; 2] = [1600.0, 1000.0];

/// Frame time for flows with double clicks or key sequences: each queued input event takes a
/// step, and the two clicks of a double click must come within egui's 0.3 s.
pub const SHORT_STEP: f32 = 0.05;

/// Writes `dataset` to a new file `name` in `dir`, as File > New would, and returns its path.
pub fn file_with(dir: &Path, name: &str, dataset: &Dataset) -> PathBuf {
    let path = dir.join(name);
    oblys::store::create(&path, dataset).expect("file written");
    path
}

/// A new file `kazakhstan.gpkg` in `dir` holding the default dataset.
pub fn default_file(dir: &Path) -> PathBuf {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    file_with(dir, "kazakhstan.gpkg", &dataset)
}

/// The window's state on the file at `path`, read as the app reads it.
pub fn gui_on(path: PathBuf, lang: Lang) -> Gui {
    let dataset = oblys::store::load(&path).expect("file read");
    Gui::new(AppState::new(path, dataset, lang))
}

/// A harness showing `gui` at the laptop size, one frame run; `step` overrides the frame time.
pub fn harness_of(gui: Gui, step: Option<f32>) -> Harness<'static, Gui> {
    let mut builder = Harness::builder().with_size(WINDOW_SIZE);
    if let Some(dt) = step {
        builder = builder.with_step_dt(dt);
    }
    let mut harness = builder.build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness
}

/// A window in `lang` on a fresh file of the default dataset in `dir`.
pub fn window(dir: &tempfile::TempDir, lang: Lang) -> Harness<'static, Gui> {
    harness_of(gui_on(default_file(dir.path()), lang), None)
}

/// The window's file as it is on disk now.
pub fn reloaded(harness: &Harness<'_, Gui>) -> Dataset {
    oblys::store::load(harness.state().state().file()).expect("file read")
}

/// A click of the primary button at `pos`, as a mouse would make it.
pub fn click_at(harness: &mut Harness<'_, Gui>, pos: Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

/// A key pressed with `modifiers`, then the frames it causes.
pub fn press(harness: &mut Harness<'_, Gui>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Replaces the text of the field labelled `label` with `text`.
pub fn type_into(harness: &mut Harness<'_, Gui>, label: &str, text: &str) {
    use egui::accesskit::Role;
    harness.get_by_role_and_label(Role::TextInput, label).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    harness.run();
}

/// A file of the import fixtures.
pub fn import_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}
