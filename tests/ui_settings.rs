//! What the window remembers for the next start, headless with egui_kittest: the zoom of the
//! working screens, never a presentation's (a session closed while presenting must not start
//! enlarged).

use std::path::PathBuf;

use egui_kittest::Harness;
use oblys::app::{Action, AppState};
use oblys::model::Lang;
use oblys::ui::Gui;

#[test]
fn the_remembered_zoom_is_the_working_one_also_while_presenting() {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    let gui = Gui::new(AppState::new(PathBuf::from("kazakhstan.oblys"), dataset, Lang::En));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness.ctx.set_zoom_factor(1.25);
    harness.run();
    assert_eq!(harness.state().working_zoom(&harness.ctx), 1.25);

    harness.state_mut().apply(Action::StartPresentation(0));
    harness.run();
    assert!(harness.state().state().presenting());
    assert!(harness.ctx.zoom_factor() > 1.25, "a presentation enlarges");
    assert_eq!(harness.state().working_zoom(&harness.ctx), 1.25);

    harness.state_mut().apply(Action::StopPresentation);
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.25);
    assert_eq!(harness.state().working_zoom(&harness.ctx), 1.25);
}
