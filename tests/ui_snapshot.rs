//! Image snapshot of the main window at 1600 × 1000 with the default dataset, rendered headless
//! (wgpu on Mesa lavapipe). The reference PNG lives in tests/snapshots/.

use std::path::PathBuf;

use egui_kittest::Harness;
use oblys::app::{Action, AppState};
use oblys::model::Lang;
use oblys::ui::Gui;

#[test]
fn main_window_with_a_selected_region() {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    let mut gui = Gui::new(AppState::new(PathBuf::from("kazakhstan.oblys"), dataset, Lang::Ru));
    gui.apply(Action::Select(Some("KZ-KAR".into())));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness.snapshot("main_window");
}

#[test]
fn main_window_in_kazakh_on_current_boundaries_with_regions_without_data() {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    let mut gui = Gui::new(AppState::new(PathBuf::from("kazakhstan.oblys"), dataset, Lang::Kk));
    gui.apply(Action::SetIndicator("investment_fixed_capital".into()));
    gui.apply(Action::SetYear(2015));
    gui.apply(Action::SetBoundaryMode(oblys::map::BoundaryMode::Current));
    gui.apply(Action::Select(Some("KZ-ABY".into())));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness.snapshot("main_window_kk_current_boundaries");
}
