//! The targets of every scenario: attained or not, in which year, by how much, as bars against
//! the target line and on the map.

use egui::Ui;

use crate::app::{Action, AppState};

pub fn show(ui: &mut Ui, state: &AppState, _actions: &mut Vec<Action>) {
    let lang = state.lang();
    for s in &state.dataset().scenarios {
        ui.label(s.name.get(lang));
    }
}
