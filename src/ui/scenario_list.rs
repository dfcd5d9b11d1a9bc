//! The scenario list at the left of the scenario screen: the file's scenarios (a click selects
//! one), new inertial, new managed from the selected one, duplicate, rename, delete with a
//! confirmation, and the selected scenario's growth rates for the selected region (or the
//! national defaults). Every change is an `Action`; `AppState` saves it in the file.

use egui::{Button, DragValue, RichText, ScrollArea, TextEdit, Ui};

use crate::app::scenarios::RateRow;
use crate::app::{Action, AppState, RATE_STEP};
use crate::i18n::scenario_text::kind_name;
use crate::i18n::scenario_ui_text::{self, ScenarioUiText as T};
use crate::ui::theme;

/// Width of the indicator names of the rate editor, points.
const NAME_MIN_WIDTH: f32 = 120.0;

/// What the panel keeps between frames: the name being typed while renaming.
#[derive(Debug, Default)]
pub struct ListState {
    /// Scenario id and the text typed so far.
    renaming: Option<(i64, String)>,
    /// The rename field was just opened and takes the keyboard in its first frame.
    focus_pending: bool,
}

pub fn show(ui: &mut Ui, state: &AppState, local: &mut ListState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let ds = state.dataset();
    ui.label(RichText::new(T::ScenarioList.get(lang)).strong().size(theme::HEADING_PT - 2.0));
    ui.add_space(4.0);
    let selected = state.selected_scenario().map(|s| s.id);
    if ds.scenarios.is_empty() {
        ui.label(RichText::new(T::NoScenarios.get(lang)).color(theme::palette().text_muted));
    }
    for s in &ds.scenarios {
        let on = Some(s.id) == selected;
        match &mut local.renaming {
            Some((id, text)) if *id == s.id => {
                let edit = ui
                    .add(TextEdit::singleline(text).desired_width(f32::INFINITY))
                    .accessible_name(T::Rename.get(lang));
                // Opened by the Rename button: the planner types at once.
                if local.focus_pending {
                    edit.request_focus();
                    local.focus_pending = false;
                }
                let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let (save, cancel) = ui
                    .horizontal(|ui| {
                        (
                            ui.button(T::Save.get(lang)).clicked(),
                            ui.button(T::Cancel.get(lang)).clicked(),
                        )
                    })
                    .inner;
                if save || enter {
                    actions.push(Action::RenameScenario { id: s.id, name: text.clone() });
                    local.renaming = None;
                } else if cancel {
                    local.renaming = None;
                }
            }
            _ => {
                let text = format!("{} · {}", s.name.get(lang), kind_name(s.kind, lang));
                if ui.selectable_label(on, text).clicked() && !on {
                    actions.push(Action::SelectScenario(s.id));
                }
            }
        }
    }
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        if ui.button(T::NewInertial.get(lang)).on_hover_text(T::NewInertialHint.get(lang)).clicked()
        {
            actions.push(Action::NewInertialScenario);
        }
        let managed = ui
            .add_enabled(selected.is_some(), Button::new(T::NewManaged.get(lang)))
            .on_hover_text(T::NewManagedHint.get(lang));
        if managed.clicked()
            && let Some(id) = selected
        {
            actions.push(Action::NewManagedScenario(id));
        }
        if ui.add_enabled(selected.is_some(), Button::new(T::Duplicate.get(lang))).clicked()
            && let Some(id) = selected
        {
            actions.push(Action::DuplicateScenario(id));
        }
        if ui.add_enabled(selected.is_some(), Button::new(T::Rename.get(lang))).clicked()
            && let Some(s) = state.selected_scenario()
        {
            local.renaming = Some((s.id, s.name.get(lang).to_string()));
            local.focus_pending = true;
        }
        if ui.add_enabled(selected.is_some(), Button::new(T::Delete.get(lang))).clicked() {
            actions.push(Action::AskDeleteScenario(selected));
        }
    });
    if let Some(error) = state.scenario_error() {
        ui.add_space(4.0);
        ui.colored_label(
            theme::color(crate::map::style::SELECTED_OUTLINE),
            scenario_ui_text::not_saved(error, lang),
        );
    }
    ui.separator();
    rates(ui, state, actions);
    delete_dialog(ui.ctx(), state, actions);
}

/// The selected scenario's growth rates for the selected region, or the national defaults.
fn rates(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let Some(s) = state.selected_scenario() else { return };
    ui.label(RichText::new(T::RatesTitle.get(lang)).strong());
    let region = state.selected().filter(|c| state.is_current_region(c));
    match region {
        Some(code) => {
            let name = crate::app::scenarios::region_name(state.dataset(), code, lang);
            ui.label(scenario_ui_text::rates_of(&name, lang));
        }
        None => {
            ui.label(T::NationalDefault.get(lang));
            ui.label(
                RichText::new(T::RatesHint.get(lang)).small().color(theme::palette().text_muted),
            );
        }
    }
    let rows = state.rate_rows();
    ScrollArea::vertical().id_salt("scenario_rates").show(ui, |ui| {
        egui::Grid::new("rates_grid")
            .num_columns(2)
            .striped(true)
            .min_col_width(NAME_MIN_WIDTH)
            .show(ui, |ui| {
                for row in &rows {
                    rate_row(ui, row, s.id, region, lang, actions);
                    ui.end_row();
                }
            });
    });
}

/// One indicator: its name (bold when the region has its own rate), then −, the rate in % a
/// year (drag or type), +.
fn rate_row(
    ui: &mut Ui,
    row: &RateRow,
    id: i64,
    region: Option<&str>,
    lang: crate::model::Lang,
    actions: &mut Vec<Action>,
) {
    let name = if row.own { RichText::new(&row.name).strong() } else { RichText::new(&row.name) };
    ui.add(egui::Label::new(name.small()).wrap());
    ui.horizontal(|ui| {
        let set = |rate: f64, actions: &mut Vec<Action>| {
            actions.push(Action::SetGrowthRate {
                id,
                indicator: row.indicator.clone(),
                region: region.map(str::to_string),
                rate,
            });
        };
        if ui.small_button("−").on_hover_text(T::LowerRate.get(lang)).clicked() {
            set(row.rate - RATE_STEP, actions);
        }
        let mut percent = row.rate * 100.0;
        let drag = ui.add(
            DragValue::new(&mut percent)
                .speed(0.05)
                .range(-50.0..=100.0)
                .fixed_decimals(2)
                .suffix(format!(" {}", T::PercentPerYear.get(lang))),
        );
        if drag.changed() {
            set(percent / 100.0, actions);
        }
        if ui.small_button("+").on_hover_text(T::RaiseRate.get(lang)).clicked() {
            set(row.rate + RATE_STEP, actions);
        }
    });
}

/// The question before a scenario is deleted.
fn delete_dialog(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(s) = state.delete_pending() else { return };
    let lang = state.lang();
    egui::Window::new(T::DeleteTitle.get(lang))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(scenario_ui_text::delete_question(s.name.get(lang), lang)).strong(),
            );
            ui.label(T::DeleteWarning.get(lang));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(T::Delete.get(lang)).clicked() {
                    actions.push(Action::DeleteScenario(s.id));
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    actions.push(Action::AskDeleteScenario(None));
                }
            });
        });
}
