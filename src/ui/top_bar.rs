//! The top bar: the switch between the map and the scenarios; on the map, indicator, year,
//! boundaries and layers; language and About.

use egui::{ComboBox, RichText, Slider, Ui};

use crate::app::commands::{Command, GuiCommand};
use crate::app::{Action, AppState, Layer, Screen};
use crate::i18n::{ScenarioUiText, UiText};
use crate::map::BoundaryMode;
use crate::model::Lang;
use crate::ui::shortcut_help::{self, tooltip};
use crate::ui::theme;

/// Width of the indicator choice, points (long names are truncated, shown whole in the list):
/// narrow enough that the bar keeps one row at 1600 points in English with three screens.
const INDICATOR_WIDTH: f32 = 170.0;
/// Space between the groups of the bar, points.
const GAP: f32 = 6.0;
/// Width of the year slider's track, points (the next/previous year keys step years too).
const YEAR_SLIDER_WIDTH: f32 = 90.0;

/// The bar; when one row is too narrow (`two_rows`) the layer switches, language and About move
/// to a second row. Returns the width the bar needs on one row, measured on this frame, so the
/// caller can choose the rows for the next one: the texts' widths differ between languages.
pub fn show(ui: &mut Ui, state: &AppState, two_rows: bool, actions: &mut Vec<Action>) -> f32 {
    let row_height = theme::TOP_BAR_ROW - 12.0;
    let mut widths = [0.0; 3];
    ui.vertical(|ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), row_height),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                widths[0] = ui.scope(|ui| view_controls(ui, state, actions)).response.rect.width();
                if !two_rows {
                    ui.add_space(GAP);
                    widths[1] =
                        ui.scope(|ui| layer_switches(ui, state, actions)).response.rect.width();
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        widths[2] =
                            ui.scope(|ui| app_controls(ui, state, actions)).response.rect.width();
                    });
                }
            },
        );
        if two_rows {
            ui.add_space(8.0);
            ui.allocate_ui_with_layout(
                egui::vec2(ui.available_width(), row_height),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    widths[1] =
                        ui.scope(|ui| layer_switches(ui, state, actions)).response.rect.width();
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        widths[2] =
                            ui.scope(|ui| app_controls(ui, state, actions)).response.rect.width();
                    });
                },
            );
        }
    });
    // The groups, the gap and the spacing around it, and a gap's clearance before the right end.
    widths.iter().sum::<f32>() + 3.0 * GAP + 3.0 * ui.spacing().item_spacing.x
}

/// Brand, indicator, year and boundaries: what the map shows.
fn view_controls(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let view = state.view();
    ui.label(
        RichText::new("Oblys").strong().size(theme::HEADING_PT).color(theme::palette().accent),
    );
    ui.add_space(GAP);
    let potential = crate::i18n::potential_text::PotentialText::Screen.get(lang);
    for (screen, text, command) in [
        (Screen::Map, ScenarioUiText::ScreenMap.get(lang), Command::MapScreen),
        (Screen::Scenarios, ScenarioUiText::ScreenScenarios.get(lang), Command::ScenariosScreen),
        (Screen::Potential, potential, Command::PotentialScreen),
    ] {
        let on = state.screen() == screen;
        let button = ui.selectable_label(on, RichText::new(text).strong());
        if button.on_hover_text(tooltip(ui.ctx(), command, lang)).clicked() && !on {
            actions.push(Action::SetScreen(screen));
        }
    }
    if state.screen() != Screen::Map {
        return;
    }
    ui.add_space(GAP);

    let label = ui.label(UiText::Indicator.get(lang));
    let current = state
        .dataset()
        .indicator(&view.indicator)
        .map_or(view.indicator.as_str(), |d| d.names.get(lang));
    ComboBox::from_id_salt("indicator")
        .width(INDICATOR_WIDTH)
        .truncate()
        .selected_text(current)
        .show_ui(ui, |ui| {
            for def in &state.dataset().indicators {
                let on = def.key == view.indicator;
                if ui.selectable_label(on, def.names.get(lang)).clicked() && !on {
                    actions.push(Action::SetIndicator(def.key.clone()));
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(pair_tooltip(
            ui.ctx(),
            Command::NextIndicator,
            Command::PreviousIndicator,
            lang,
        ));
    ui.add_space(GAP);

    year_slider(ui, state, actions);
    ui.add_space(GAP);

    let label = ui.label(UiText::Boundaries.get(lang));
    let mode_text = |mode: BoundaryMode| match mode {
        BoundaryMode::AsReported => UiText::BoundariesAsReported.get(lang),
        BoundaryMode::Current => UiText::BoundariesCurrent.get(lang),
    };
    let mode_hint = |mode: BoundaryMode| match mode {
        BoundaryMode::AsReported => UiText::BoundariesAsReportedHint.get(lang),
        BoundaryMode::Current => UiText::BoundariesCurrentHint.get(lang),
    };
    ComboBox::from_id_salt("boundaries")
        .selected_text(mode_text(view.boundary_mode))
        .show_ui(ui, |ui| {
            for mode in [BoundaryMode::AsReported, BoundaryMode::Current] {
                let on = view.boundary_mode == mode;
                if ui.selectable_label(on, mode_text(mode)).on_hover_text(mode_hint(mode)).clicked()
                    && !on
                {
                    actions.push(Action::SetBoundaryMode(mode));
                }
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(mode_hint(view.boundary_mode));
}

/// Growth points, projects, labels and — when the file has any — corridors on the map.
fn layer_switches(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    if state.screen() != Screen::Map {
        return;
    }
    let lang = state.lang();
    let view = state.view();
    for (layer, text, on, command) in [
        (
            Layer::GrowthPoints,
            UiText::GrowthPoints,
            view.show_growth_points,
            Command::ToggleGrowthPoints,
        ),
        (Layer::Projects, UiText::Projects, view.show_projects, Command::ToggleProjects),
        (Layer::Labels, UiText::Labels, view.show_labels, Command::ToggleLabels),
        (Layer::Corridors, UiText::Corridors, view.show_corridors, Command::ToggleCorridors),
    ] {
        // A switch that would change nothing stays away until the first corridor is added.
        if layer == Layer::Corridors && state.dataset().corridors.is_empty() {
            continue;
        }
        let mut checked = on;
        let checkbox = ui.checkbox(&mut checked, text.get(lang));
        if checkbox.on_hover_text(tooltip(ui.ctx(), command, lang)).changed() {
            actions.push(Action::SetLayer(layer, checked));
        }
    }
}

/// Language switch, About, the keyboard shortcuts ("?") and the command palette (its key), at
/// the right end (added right to left).
fn app_controls(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let ctx = ui.ctx().clone();
    let palette_key = Command::Palette.shortcut().map(|s| ctx.format_shortcut(&s));
    if let Some(key) = palette_key
        && ui.button(key).on_hover_text(tooltip(&ctx, Command::Palette, lang)).clicked()
    {
        shortcut_help::request(&ctx, GuiCommand::TogglePalette);
    }
    if ui.button("?").on_hover_text(tooltip(&ctx, Command::Shortcuts, lang)).clicked() {
        shortcut_help::request(&ctx, GuiCommand::ToggleHelp);
    }
    let about = ui.button(UiText::About.get(lang));
    if about.on_hover_text(tooltip(&ctx, Command::About, lang)).clicked() {
        actions.push(Action::ShowAbout(true));
    }
    ui.add_space(GAP);
    // Right to left: the last language is added first so they read Қазақша, Русский, English.
    for l in Lang::ALL.into_iter().rev() {
        let on = l == lang;
        let command = match l {
            Lang::Kk => Command::LanguageKk,
            Lang::Ru => Command::LanguageRu,
            Lang::En => Command::LanguageEn,
        };
        let button = ui.selectable_label(on, l.endonym());
        if button.on_hover_text(tooltip(&ctx, command, lang)).clicked() && !on {
            actions.push(Action::SetLanguage(l));
        }
    }
}

/// The year as a slider over the indicator's years (which need not be consecutive).
fn year_slider(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let years = state.years();
    let label = ui.label(UiText::Year.get(lang));
    let Some(last) = years.len().checked_sub(1) else {
        ui.label("–");
        return;
    };
    let mut index = years.iter().position(|y| *y == state.view().year).unwrap_or(last);
    ui.spacing_mut().slider_width = YEAR_SLIDER_WIDTH;
    let response = ui
        .add_enabled(
            last > 0,
            Slider::new(&mut index, 0..=last).show_value(false).step_by(1.0).text(""),
        )
        .labelled_by(label.id)
        .on_hover_text(pair_tooltip(ui.ctx(), Command::NextYear, Command::PreviousYear, lang));
    let shown = years.get(index).copied().unwrap_or(state.view().year);
    ui.label(RichText::new(shown.to_string()).strong());
    if response.changed()
        && let Some(year) = years.get(index)
    {
        actions.push(Action::SetYear(*year));
    }
}

/// The hover text of a control two commands step through (the year, the indicator): each
/// command with its key, one per line.
fn pair_tooltip(ctx: &egui::Context, next: Command, previous: Command, lang: Lang) -> String {
    format!("{}\n{}", tooltip(ctx, next, lang), tooltip(ctx, previous, lang))
}
