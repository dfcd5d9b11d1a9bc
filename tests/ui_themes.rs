//! The window in the Projector and Dark themes, rendered headless (wgpu on Mesa lavapipe):
//! image snapshots of the main window, and the theme chosen from the View menu.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::{Action, AppState, ThemeKind};
use oblys::model::Lang;
use oblys::ui::Gui;

/// The main window at 1600 × 1000 on the default dataset in `theme`, `lang`, with `actions`
/// applied after the theme.
fn window(theme: ThemeKind, lang: Lang, actions: Vec<Action>) -> Harness<'static, Gui> {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    let mut gui = Gui::new(AppState::new(PathBuf::from("kazakhstan.oblys"), dataset, lang));
    gui.apply(Action::SetTheme(theme));
    for a in actions {
        gui.apply(a);
    }
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness
}

#[test]
fn main_window_in_the_dark_theme() {
    let mut harness =
        window(ThemeKind::Dark, Lang::Ru, vec![Action::Select(Some("KZ-KAR".into()))]);
    harness.snapshot("main_window_dark");
}

#[test]
fn main_window_in_the_projector_theme() {
    let mut harness =
        window(ThemeKind::Projector, Lang::Kk, vec![Action::Select(Some("KZ-KAR".into()))]);
    harness.snapshot("main_window_projector");
}

#[test]
fn the_view_menu_switches_the_theme_on_the_map_and_on_the_scenario_screen() {
    let mut harness = window(ThemeKind::Light, Lang::En, Vec::new());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark theme").click();
    harness.run();
    assert_eq!(harness.state().state().theme(), ThemeKind::Dark);
    assert_eq!(oblys::ui::theme::current(), ThemeKind::Dark);
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);

    harness.get_by_label("Scenarios").click();
    harness.run();
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Projector (high contrast)").click();
    harness.run();
    assert_eq!(harness.state().state().theme(), ThemeKind::Projector);
    assert_eq!(oblys::ui::theme::palette(), &oblys::ui::theme::PROJECTOR);
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
}

#[test]
fn the_view_menu_names_the_themes_in_kazakh_and_russian() {
    let mut harness = window(ThemeKind::Light, Lang::Kk, Vec::new());
    harness.get_by_label("Көрініс").click();
    harness.run();
    harness.get_by_label("Қараңғы тақырып").click();
    harness.run();
    assert_eq!(harness.state().state().theme(), ThemeKind::Dark);

    let mut harness = window(ThemeKind::Dark, Lang::Ru, Vec::new());
    harness.get_by_label("Вид").click();
    harness.run();
    harness.get_by_label("Светлая тема").click();
    harness.run();
    assert_eq!(harness.state().state().theme(), ThemeKind::Light);
    assert_eq!(harness.ctx.global_style().visuals.panel_fill, oblys::ui::theme::LIGHT.panel_bg);
}
