//! The About box, headless with egui_kittest: version, licence, the keyboard and theme help,
//! the open file and the data attribution, in each language.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::{Action, AppState};
use oblys::model::Lang;
use oblys::ui::Gui;

fn about(lang: Lang) -> Harness<'static, Gui> {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    let mut gui = Gui::new(AppState::new(PathBuf::from("/plans/kazakhstan.gpkg"), dataset, lang));
    gui.apply(Action::ShowAbout(true));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness
}

#[test]
fn the_about_box_names_version_licence_help_file_and_sources() {
    let harness = about(Lang::En);
    harness.get_by_label(&format!("Oblys {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label("Licence");
    harness.get_by_label("MIT");
    harness.get_by_label("/plans/kazakhstan.gpkg");
    harness.get_by_label_contains("Keyboard shortcuts: F1; commands: Ctrl+K.");
    harness.get_by_label("Boundaries: geokz (A. Rodionov), CC BY 4.0, after OCHA COD-AB.");
}

#[test]
fn the_about_box_speaks_kazakh_and_russian() {
    let harness = about(Lang::Kk);
    harness.get_by_label("Лицензия");
    harness.get_by_label_contains("Пернелер тізімі — F1, командалар — Ctrl+K.");
    let harness = about(Lang::Ru);
    harness.get_by_label_contains("Список клавиш — F1, команды — Ctrl+K.");
    harness.get_by_label_contains("меню «Вид» над картой");
}

#[test]
fn closing_the_about_box_hides_it() {
    let mut harness = about(Lang::En);
    harness.get_by_label("Close").click();
    harness.run();
    assert!(!harness.state().state().about_open());
    assert!(harness.query_by_label("Licence").is_none());
}
