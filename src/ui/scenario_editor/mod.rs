//! The Assumptions tab of the scenario screen: the selected scenario's header (name, kind, base
//! year, horizon, description, and its projection for the horizon year) over one of four
//! sections — growth rates (`rates`), the project portfolio (`projects`), the indirect-jobs
//! multiplier with the growth-point levers (`levers`), and the targets (`target_list`).
//!
//! Every edit builds the edited scenario with `app::scenario_edit` and sends it as
//! `Action::PreviewScenario` while a value is being dragged (the projection follows at once) and
//! as `Action::UpdateScenario` when the drag ends, a typed value is confirmed or a box is ticked,
//! so the file is written once per edit, not once per frame.

mod levers;
mod projects;
mod rates;
mod target_list;

use egui::{ComboBox, DragValue, Id, Response, RichText, TextEdit, Ui};

use crate::app::{Action, AppState, scenario_edit};
use crate::i18n::editor_text::{self, EditorText as E};
use crate::i18n::scenario_text::{ScenarioText as S, kind_name};
use crate::i18n::{format_number, format_value, scenario_ui_text};
use crate::model::{Lang, NATIONAL_CODE, Scenario, ScenarioKind};
use crate::scenario::{self, JOBS_DIRECT, JOBS_INDIRECT, PRODUCTIVITY, keys};
use crate::ui::theme;

/// The indicators of the projection line under the header, in this order.
const SUMMARY_INDICATORS: [&str; 5] =
    [keys::GRP, keys::POPULATION, PRODUCTIVITY, JOBS_DIRECT, JOBS_INDIRECT];
/// Width of the header's year and kind fields, points.
const HEADER_FIELD_WIDTH: f32 = 150.0;
/// Rows of the description field.
const DESCRIPTION_ROWS: usize = 2;

/// The four parts of the editor below its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Section {
    #[default]
    Rates,
    Projects,
    Levers,
    Targets,
}

impl Section {
    const ALL: [Section; 4] =
        [Section::Rates, Section::Projects, Section::Levers, Section::Targets];

    fn title(self, lang: Lang) -> &'static str {
        match self {
            Section::Rates => S::GrowthRates.get(lang),
            Section::Projects => S::Projects.get(lang),
            Section::Levers => E::SectionLevers.get(lang),
            Section::Targets => S::Targets.get(lang),
        }
    }
}

/// What the editor keeps between frames.
#[derive(Debug, Default)]
pub struct EditorState {
    section: Section,
    edit: EditBuffer,
}

/// An edit under way: the text typed into a field so far, and whether a dragged value has been
/// previewed but not saved yet.
#[derive(Debug, Default)]
struct EditBuffer {
    /// The text field being typed in and its text (saved when it loses focus).
    text: Option<(Id, String)>,
    /// A preview is showing a value the file does not hold yet.
    unsaved: bool,
}

/// What every section needs: the app, the scenario edited, where edits go.
struct Editor<'a> {
    state: &'a AppState,
    s: &'a Scenario,
    lang: Lang,
    actions: &'a mut Vec<Action>,
    buffer: &'a mut EditBuffer,
}

impl Editor<'_> {
    /// Sends the edit made through `response` (`edited`: the scenario with the new value, when
    /// the value changed this frame): a preview while the value is dragged or typed, the saved
    /// version once the drag ends or the field is left, at once for a click.
    fn send(&mut self, response: &Response, edited: Option<Scenario>) {
        let finished = response.drag_stopped() || response.lost_focus() || response.clicked();
        let live = !finished && (response.dragged() || response.has_focus());
        match edited {
            Some(next) if live => {
                self.buffer.unsaved = true;
                self.actions.push(Action::PreviewScenario(next));
            }
            Some(next) => {
                self.buffer.unsaved = false;
                self.actions.push(Action::UpdateScenario(next));
            }
            None if finished && self.buffer.unsaved => {
                self.buffer.unsaved = false;
                self.actions.push(Action::UpdateScenario(self.s.clone()));
            }
            None => {}
        }
    }

    /// Saves `edited` at once (buttons, check boxes, choices in a list).
    fn save(&mut self, edited: Option<Scenario>) {
        if let Some(next) = edited {
            self.buffer.unsaved = false;
            self.actions.push(Action::UpdateScenario(next));
        }
    }

    /// A text field showing `stored`; what is typed stays in the field until it loses focus,
    /// then the new text is returned (None while typing or when nothing changed).
    fn text_field(
        &mut self,
        ui: &mut Ui,
        id: Id,
        stored: &str,
        look: &FieldLook<'_>,
    ) -> Option<String> {
        let typing = self.buffer.text.as_ref().filter(|(i, _)| *i == id).map(|(_, t)| t.clone());
        let mut text = typing.unwrap_or_else(|| stored.to_owned());
        let edit = match look.rows {
            0 | 1 => TextEdit::singleline(&mut text),
            rows => TextEdit::multiline(&mut text).desired_rows(rows),
        };
        let edit = edit.id(id).desired_width(look.width).hint_text(look.hint);
        let response = ui.add(edit).accessible_name(look.name);
        if response.has_focus() {
            self.buffer.text = Some((id, text));
            return None;
        }
        if self.buffer.text.as_ref().is_some_and(|(i, _)| *i == id) {
            self.buffer.text = None;
        }
        (response.lost_focus() && text.trim() != stored.trim()).then_some(text)
    }
}

/// How `Editor::text_field` looks: rows (1: one line), width, the hint shown while empty and
/// the accessible name.
struct FieldLook<'a> {
    rows: usize,
    width: f32,
    hint: &'a str,
    name: &'a str,
}

/// A number field showing `value` the way `lang` writes numbers (and reading what is typed the
/// same way), with `decimals` digits; the value changes only when the typing is confirmed.
fn number(value: &mut f64, decimals: u8, lang: Lang) -> DragValue<'_> {
    DragValue::new(value)
        .custom_formatter(move |v, _| format_number(v, decimals, lang))
        .custom_parser(move |text| scenario_edit::parse_number(text, lang))
        .update_while_editing(false)
        .clamp_existing_to_range(false)
}

/// A year field.
fn year(value: &mut i32, range: std::ops::RangeInclusive<i32>) -> DragValue<'_> {
    DragValue::new(value)
        .range(range)
        .speed(0.1)
        .update_while_editing(false)
        .clamp_existing_to_range(false)
}

/// The Assumptions tab.
pub fn show(ui: &mut Ui, state: &AppState, local: &mut EditorState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let Some(s) = state.selected_scenario() else {
        ui.label(RichText::new(E::NoScenario.get(lang)).color(theme::palette().text_muted));
        return;
    };
    let mut editor = Editor { state, s, lang, actions, buffer: &mut local.edit };
    header(ui, &mut editor);
    summary(ui, state, s, lang);
    if let Some(error) = state.scenario_error() {
        ui.colored_label(
            theme::color(crate::map::style::SELECTED_OUTLINE),
            scenario_ui_text::not_saved(error, lang),
        );
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        for section in Section::ALL {
            let on = local.section == section;
            let text = RichText::new(section.title(lang)).size(theme::BODY_PT + 0.5);
            if ui.selectable_label(on, text).clicked() {
                local.section = section;
            }
        }
    });
    ui.separator();
    let mut editor = Editor { state, s, lang, actions, buffer: &mut local.edit };
    match local.section {
        Section::Rates => rates::show(ui, &mut editor),
        Section::Projects => projects::show(ui, &mut editor),
        Section::Levers => levers::show(ui, &mut editor),
        Section::Targets => target_list::show(ui, &mut editor),
    }
}

/// Name, kind, base year, horizon, description.
fn header(ui: &mut Ui, e: &mut Editor<'_>) {
    let (s, lang) = (e.s, e.lang);
    ui.horizontal(|ui| {
        ui.label(RichText::new(s.name.get(lang)).strong().size(theme::HEADING_PT))
            .on_hover_text(E::RenameInList.get(lang));
        ui.label(RichText::new(E::LiveHint.get(lang)).small().color(theme::palette().text_muted));
    });
    ui.add_space(2.0);
    ui.horizontal(|ui| {
        let label = ui.label(S::Kind.get(lang));
        let mut kind = s.kind;
        let combo = ComboBox::from_id_salt("scenario_kind")
            .width(HEADER_FIELD_WIDTH)
            .selected_text(kind_name(kind, lang))
            .show_ui(ui, |ui| {
                for k in ScenarioKind::ALL {
                    ui.selectable_value(&mut kind, k, kind_name(k, lang));
                }
            });
        combo.response.labelled_by(label.id);
        if kind != s.kind {
            e.save(Some(scenario_edit::with_kind(s, kind)));
        }
        ui.add_space(12.0);

        let label = ui.label(S::BaseYear.get(lang));
        let mut base = s.base_year;
        let combo = ComboBox::from_id_salt("scenario_base_year")
            .width(HEADER_FIELD_WIDTH / 2.0)
            .selected_text(base.to_string())
            .show_ui(ui, |ui| {
                // Only while the list is open: finding the complete years reads every value.
                for y in scenario::base_years(e.state.dataset()).into_iter().rev() {
                    ui.selectable_value(&mut base, y, y.to_string());
                }
            });
        combo.response.labelled_by(label.id);
        if base != s.base_year {
            e.save(Some(scenario_edit::with_base_year(s, base)));
        }
        ui.add_space(12.0);

        let label = ui.label(S::Horizon.get(lang));
        let mut horizon = s.horizon;
        let response =
            ui.add(year(&mut horizon, scenario_edit::horizon_range(s))).labelled_by(label.id);
        let edited = (horizon != s.horizon).then(|| scenario_edit::with_horizon(s, horizon));
        e.send(&response, edited);
    });
    ui.add_space(2.0);
    ui.label(S::Description.get(lang));
    let stored = s.description.get(lang).to_owned();
    let look = FieldLook {
        rows: DESCRIPTION_ROWS,
        width: f32::INFINITY,
        hint: E::DescriptionHint.get(lang),
        name: S::Description.get(lang),
    };
    let id = ui.make_persistent_id(("scenario_description", s.id));
    if let Some(text) = e.text_field(ui, id, &stored, &look) {
        e.save(Some(scenario_edit::with_description(s, &text, lang)));
    }
}

/// One line with the scenario's projection of the country for its horizon year.
fn summary(ui: &mut Ui, state: &AppState, s: &Scenario, lang: Lang) {
    let Some(p) = state.projections().iter().find(|p| p.scenario_id == s.id) else { return };
    let parts: Vec<String> = SUMMARY_INDICATORS
        .iter()
        .filter_map(|key| {
            let def = p.indicator(key)?;
            let value = p.value(NATIONAL_CODE, key, p.horizon);
            let text = format_value(value, def.decimals, def.unit.get(lang), lang);
            Some(format!("{} {text}", def.names.get(lang)))
        })
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(editor_text::projection_for(p.horizon, lang)).small().strong());
        ui.label(RichText::new(parts.join(" · ")).small().color(theme::palette().text_muted));
    });
}
