//! The Data window (top bar "Data" on the map screen): the selected region's values of the
//! current indicator (edit a value, add a year, delete one), the growth points, projects and
//! corridors with a form each, undo and redo. "Place on map" makes the next click on the map
//! the point (its region found under it, shown and overridable); "Draw on map" collects clicks
//! as a corridor's line until a double click or Enter (Esc cancels). Every save is one
//! `Action::Edit`; problems typed into a form stand beside their field and nothing is written.

use std::collections::BTreeMap;

use egui::{ComboBox, RichText, TextEdit, Ui};

use crate::app::edit::{
    CorridorForm, Edit, Field, FormProblems, GrowthPointForm, PLANNER_SOURCE, ProjectForm,
    parse_value, parse_year,
};
use crate::app::{Action, AppState};
use crate::i18n::edit_text::{self, EditText, Problem};
use crate::i18n::{map_text, ui_text};
use crate::model::{CorridorKind, GrowthLevel, Lang, ProjectStatus, Sector};
use crate::ui::map_view::MapCache;
use crate::ui::theme;

/// Width of the window, points.
const WIDTH: f32 = 400.0;
/// Width of a form's text fields, points.
const FIELD_WIDTH: f32 = 200.0;
/// Width of a value's text field in the values table, points.
const VALUE_WIDTH: f32 = 150.0;
/// Height of the growth point, project and corridor lists, points.
const LIST_HEIGHT: f32 = 180.0;

/// The window's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Values,
    GrowthPoints,
    Projects,
    Corridors,
}

/// What a click on the map does while the window waits for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum MapMode {
    #[default]
    Idle,
    PlacePoint,
    PlaceProject,
    /// Drawing a corridor; the points it had before, for Esc.
    DrawCorridor,
}

/// What the window keeps between frames: the tab, the text typed, the open forms.
#[derive(Debug, Default)]
pub struct DataEditor {
    tab: Tab,
    /// (region, indicator, scene version) the value texts were made for; they are made again
    /// from the data when any of them changes (after every edit, undo and redo).
    values_for: Option<(String, String, u64)>,
    value_texts: BTreeMap<i32, String>,
    value_problems: BTreeMap<i32, Problem>,
    new_year: String,
    new_value: String,
    new_problems: FormProblems,
    point: Option<GrowthPointForm>,
    point_problems: FormProblems,
    project: Option<ProjectForm>,
    project_problems: FormProblems,
    corridor: Option<CorridorForm>,
    corridor_problems: FormProblems,
    /// The corridor's points before drawing started (restored by Esc).
    drawing_from: Vec<[f64; 2]>,
    mode: MapMode,
}

impl DataEditor {
    /// Tells the map whether clicks are the editor's and what to draw over it: on the Corridors
    /// tab the line being drawn (and, while the map's corridor layer is off, the other
    /// corridors, which the layer otherwise shows in their own style), the point being placed.
    pub fn prepare_map(&self, state: &AppState, map: &mut MapCache) {
        let open = state.data_open();
        map.capture = open && self.mode != MapMode::Idle;
        map.overlay_lines.clear();
        map.overlay_point = None;
        if !open {
            return;
        }
        if self.tab == Tab::Corridors {
            if !state.view().show_corridors {
                let editing = self.corridor.as_ref().and_then(|c| c.id);
                for c in state.dataset().corridors.iter().filter(|c| Some(c.id) != editing) {
                    map.overlay_lines.push(c.line.0.iter().map(|p| [p.x, p.y]).collect());
                }
            }
            if let Some(form) = &self.corridor {
                map.overlay_lines.push(form.points.clone());
            }
        }
        map.overlay_point = match self.tab {
            Tab::GrowthPoints => self.point.as_ref().and_then(|f| lon_lat(&f.lon, &f.lat)),
            Tab::Projects => self.project.as_ref().and_then(|f| lon_lat(&f.lon, &f.lat)),
            Tab::Values | Tab::Corridors => None,
        };
    }

    /// Takes the clicks the map captured: a point placed ends placing (its region then follows
    /// the point, see `region_row`); a line collects points until a double click.
    pub fn take_map_input(&mut self, map: &mut MapCache) {
        let clicks = std::mem::take(&mut map.clicks);
        let finished = std::mem::take(&mut map.double_clicked);
        match self.mode {
            MapMode::Idle => {}
            MapMode::PlacePoint => {
                if let (Some([lon, lat]), Some(form)) = (clicks.last(), self.point.as_mut()) {
                    form.place(*lon, *lat);
                    self.mode = MapMode::Idle;
                }
            }
            MapMode::PlaceProject => {
                if let (Some([lon, lat]), Some(form)) = (clicks.last(), self.project.as_mut()) {
                    form.place(*lon, *lat);
                    self.mode = MapMode::Idle;
                }
            }
            MapMode::DrawCorridor => {
                if let Some(form) = self.corridor.as_mut() {
                    for click in clicks {
                        // The second click of a double click lands on the first: one point.
                        if form.points.last() != Some(&click) {
                            form.points.push(click);
                        }
                    }
                }
                if finished {
                    self.mode = MapMode::Idle;
                }
            }
        }
    }

    /// Enter finishes a line being drawn, Esc cancels placing or drawing; both are consumed so
    /// nothing else acts on them.
    fn keys(&mut self, ui: &Ui) {
        if self.mode == MapMode::Idle {
            return;
        }
        let (enter, escape) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            )
        });
        if escape {
            if self.mode == MapMode::DrawCorridor
                && let Some(form) = self.corridor.as_mut()
            {
                form.points = std::mem::take(&mut self.drawing_from);
            }
            self.mode = MapMode::Idle;
        } else if enter && self.mode == MapMode::DrawCorridor {
            self.mode = MapMode::Idle;
        }
    }
}

/// Lon/lat typed into two fields, when both are numbers.
fn lon_lat(lon: &str, lat: &str) -> Option<[f64; 2]> {
    let x = crate::io::import::parse_number(lon).ok()??;
    let y = crate::io::import::parse_number(lat).ok()??;
    Some([x, y])
}

/// The window, while it is open.
pub fn show(ui: &mut Ui, state: &AppState, ed: &mut DataEditor, actions: &mut Vec<Action>) {
    if !state.data_open() {
        ed.mode = MapMode::Idle;
        return;
    }
    ed.keys(ui);
    let lang = state.lang();
    let mut open = true;
    egui::Window::new(EditText::DataTitle.get(lang))
        .id(egui::Id::unique("oblys.data_editor"))
        .open(&mut open)
        .default_pos([theme::MARGIN * 2.0, theme::TOP_BAR_ROW + theme::MARGIN * 2.0])
        .default_width(WIDTH)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            ui.set_width(WIDTH);
            header(ui, state, actions);
            ui.horizontal(|ui| {
                for (tab, text) in [
                    (Tab::Values, EditText::Values),
                    (Tab::GrowthPoints, EditText::GrowthPoints),
                    (Tab::Projects, EditText::Projects),
                    (Tab::Corridors, EditText::Corridors),
                ] {
                    if ui.selectable_label(ed.tab == tab, text.get(lang)).clicked() {
                        ed.tab = tab;
                        ed.mode = MapMode::Idle;
                    }
                }
            });
            ui.separator();
            match ed.tab {
                Tab::Values => values(ui, state, ed, actions),
                Tab::GrowthPoints => growth_points(ui, state, ed, actions),
                Tab::Projects => projects(ui, state, ed, actions),
                Tab::Corridors => corridors(ui, state, ed, actions),
            }
        });
    if !open {
        actions.push(Action::ShowDataEditor(false));
        ed.mode = MapMode::Idle;
    }
}

/// Undo, redo and the last refusal (the read-only notice is a bar over the whole window).
fn header(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let history = state.history();
    ui.horizontal(|ui| {
        let undo = ui.add_enabled(
            history.next_undo().is_some(),
            egui::Button::new(EditText::Undo.get(lang)),
        );
        let undo = match history.next_undo() {
            Some(e) => undo.on_hover_text(edit_text::undo_of(&e.label(lang), lang)),
            None => undo,
        };
        if undo.clicked() {
            actions.push(Action::Undo);
        }
        let redo = ui.add_enabled(
            history.next_redo().is_some(),
            egui::Button::new(EditText::Redo.get(lang)),
        );
        let redo = match history.next_redo() {
            Some(e) => redo.on_hover_text(edit_text::redo_of(&e.label(lang), lang)),
            None => redo,
        };
        if redo.clicked() {
            actions.push(Action::Redo);
        }
    });
    if let Some(error) = state.edit_error() {
        ui.add(egui::Label::new(RichText::new(error).color(theme::palette().problem)).wrap());
    }
}

/// A problem under its field, in the form's second column.
fn problem_row(ui: &mut Ui, problem: Option<&Problem>, lang: Lang) {
    if let Some(p) = problem {
        ui.label("");
        ui.add(
            egui::Label::new(
                RichText::new(p.describe(lang)).small().color(theme::palette().problem),
            )
            .wrap(),
        );
        ui.end_row();
    }
}

/// A labelled one-line text field in a form grid, with its problem under it.
fn text_row(ui: &mut Ui, label: &str, text: &mut String, problem: Option<&Problem>, lang: Lang) {
    let l = ui.label(label);
    ui.add(TextEdit::singleline(text).desired_width(FIELD_WIDTH)).labelled_by(l.id);
    ui.end_row();
    problem_row(ui, problem, lang);
}

/// The three names of a form.
fn name_rows(ui: &mut Ui, names: &mut [String; 3], problems: &FormProblems, lang: Lang) {
    let [kk, ru, en] = names;
    text_row(ui, EditText::NameKk.get(lang), kk, None, lang);
    text_row(ui, EditText::NameRu.get(lang), ru, None, lang);
    text_row(ui, EditText::NameEn.get(lang), en, None, lang);
    problem_row(ui, problems.of(Field::Name), lang);
}

/// The region of a point: the current regions, with the one under the point marked.
fn region_row(
    ui: &mut Ui,
    state: &AppState,
    region: &mut String,
    location: Option<[f64; 2]>,
    problem: Option<&Problem>,
) {
    let lang = state.lang();
    let ds = state.dataset();
    let name =
        |code: &str| ds.region(code).map_or(code.to_owned(), |r| r.names.get(lang).to_owned());
    let under = location.and_then(|[x, y]| state.places().region_at(x, y));
    let from_map = |code: &str| format!("{} ({})", name(code), EditText::RegionFromMap.get(lang));
    // None chosen: the region under the point, saying so.
    let shown = match (region.is_empty(), under) {
        (false, _) => name(region),
        (true, Some(code)) => from_map(code),
        (true, None) => "–".to_owned(),
    };
    let l = ui.label(EditText::Region.get(lang));
    ComboBox::from_id_salt("data_region")
        .width(FIELD_WIDTH)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for code in state.places().current() {
                // The region under the point is the form's when none is chosen.
                if Some(code.as_str()) == under {
                    if ui.selectable_label(region.is_empty(), from_map(code)).clicked() {
                        region.clear();
                    }
                } else if ui.selectable_label(region == code, name(code)).clicked() {
                    region.clone_from(code);
                }
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    problem_row(ui, problem, lang);
}

/// The selected region's values of the current indicator.
fn values(ui: &mut Ui, state: &AppState, ed: &mut DataEditor, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let ds = state.dataset();
    let indicator = state.view().indicator.clone();
    let (Some(code), Some(def)) = (state.selected(), ds.indicator(&indicator)) else {
        ui.label(EditText::SelectRegionFirst.get(lang));
        return;
    };
    let key = (code.to_owned(), indicator.clone(), state.scene_version());
    if ed.values_for.as_ref() != Some(&key) {
        ed.value_texts = ds
            .values
            .iter()
            .filter(|v| v.region_code == code && v.indicator == indicator)
            .map(|v| (v.year, v.value.to_string()))
            .collect();
        ed.value_problems.clear();
        ed.values_for = Some(key);
    }
    let region = ds.region(code).map_or(code, |r| r.names.get(lang));
    ui.label(RichText::new(format!("{region} — {}", def.names.get(lang))).strong());
    if !def.unit.get(lang).is_empty() {
        ui.label(RichText::new(def.unit.get(lang)).small().color(theme::palette().text_muted));
    }
    egui::ScrollArea::vertical().id_salt("data_values").max_height(LIST_HEIGHT * 1.5).show(
        ui,
        |ui| {
            egui::Grid::new("data_values_grid").num_columns(3).striped(true).show(ui, |ui| {
                ui.label(RichText::new(EditText::Year.get(lang)).strong());
                ui.label(RichText::new(EditText::Value.get(lang)).strong());
                ui.label("");
                ui.end_row();
                let years: Vec<i32> = ed.value_texts.keys().copied().collect();
                for year in years {
                    let Some(text) = ed.value_texts.get_mut(&year) else { continue };
                    let l = ui.label(year.to_string());
                    // Sized explicitly: a striped grid would otherwise shrink the field to its
                    // column's first width.
                    let size = [VALUE_WIDTH, ui.spacing().interact_size.y];
                    let response = ui.add_sized(size, TextEdit::singleline(text)).labelled_by(l.id);
                    if response.lost_focus() {
                        match parse_value(text, def) {
                            Ok(v) if ds.value(code, &indicator, year) != Some(v) => {
                                ed.value_problems.remove(&year);
                                let edit = Edit::set_value(
                                    ds,
                                    code,
                                    &indicator,
                                    year,
                                    Some(v),
                                    PLANNER_SOURCE,
                                );
                                actions.push(Action::Edit(Box::new(edit)));
                            }
                            Ok(_) => {
                                ed.value_problems.remove(&year);
                            }
                            Err(p) => {
                                ed.value_problems.insert(year, p);
                            }
                        }
                    }
                    if ui
                        .button(EditText::Delete.get(lang))
                        .on_hover_text(year.to_string())
                        .clicked()
                    {
                        let edit =
                            Edit::set_value(ds, code, &indicator, year, None, PLANNER_SOURCE);
                        actions.push(Action::Edit(Box::new(edit)));
                    }
                    ui.end_row();
                    if let Some(p) = ed.value_problems.get(&year) {
                        ui.label("");
                        ui.label(
                            RichText::new(p.describe(lang)).small().color(theme::palette().problem),
                        );
                        ui.end_row();
                    }
                }
            });
        },
    );
    ui.separator();
    egui::Grid::new("data_new_value").num_columns(2).show(ui, |ui| {
        text_row(
            ui,
            EditText::Year.get(lang),
            &mut ed.new_year,
            ed.new_problems.of(Field::Year),
            lang,
        );
        text_row(
            ui,
            EditText::Value.get(lang),
            &mut ed.new_value,
            ed.new_problems.of(Field::Value),
            lang,
        );
    });
    if ui.button(EditText::AddYear.get(lang)).clicked() {
        let mut problems = FormProblems::default();
        let year = parse_year(&ed.new_year)
            .and_then(|y| match ds.value(code, &indicator, y) {
                Some(_) => Err(Problem::YearExists(y)),
                None => Ok(y),
            })
            .map_err(|p| problems.0.push((Field::Year, p)))
            .ok();
        let value =
            parse_value(&ed.new_value, def).map_err(|p| problems.0.push((Field::Value, p))).ok();
        if let (Some(year), Some(value)) = (year, value) {
            let edit = Edit::set_value(ds, code, &indicator, year, Some(value), PLANNER_SOURCE);
            actions.push(Action::Edit(Box::new(edit)));
            ed.new_year.clear();
            ed.new_value.clear();
        }
        ed.new_problems = problems;
    }
}

/// "New" and the list of rows: (id or code, name, detail), each with Edit and Delete.
fn list<K: Clone>(
    ui: &mut Ui,
    salt: &str,
    rows: Vec<(K, String, String)>,
    lang: Lang,
) -> Option<(K, bool)> {
    let mut chosen = None;
    egui::ScrollArea::vertical().id_salt(salt).max_height(LIST_HEIGHT).show(ui, |ui| {
        egui::Grid::new(salt).num_columns(3).striped(true).show(ui, |ui| {
            for (key, name, detail) in rows {
                ui.vertical(|ui| {
                    ui.label(RichText::new(&name).strong());
                    ui.label(RichText::new(detail).small().color(theme::palette().text_muted));
                });
                if ui.button(EditText::Edit.get(lang)).on_hover_text(&name).clicked() {
                    chosen = Some((key.clone(), false));
                }
                if ui.button(EditText::Delete.get(lang)).on_hover_text(&name).clicked() {
                    chosen = Some((key, true));
                }
                ui.end_row();
            }
        });
    });
    chosen
}

/// Save and Cancel under a form; which was clicked.
fn save_cancel(ui: &mut Ui, lang: Lang) -> (bool, bool) {
    ui.horizontal(|ui| {
        (
            ui.button(EditText::Save.get(lang)).clicked(),
            ui.button(EditText::Cancel.get(lang)).clicked(),
        )
    })
    .inner
}

/// "Place on map" (or the hint while placing) with the location's problem.
fn place_button(ui: &mut Ui, placing: bool, lang: Lang) -> bool {
    if placing {
        ui.label(RichText::new(EditText::PlacingHint.get(lang)).color(theme::palette().accent));
        false
    } else {
        ui.button(EditText::PlaceOnMap.get(lang)).clicked()
    }
}

fn growth_points(ui: &mut Ui, state: &AppState, ed: &mut DataEditor, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let ds = state.dataset();
    if ed.point.is_none() {
        if ui.button(EditText::New.get(lang)).clicked() {
            ed.point = Some(GrowthPointForm::default());
            ed.point_problems = FormProblems::default();
        }
        let selected = state.selected();
        let rows = ds
            .growth_points
            .iter()
            .filter(|g| selected.is_none_or(|s| g.region_code == s))
            .map(|g| {
                let region =
                    ds.region(&g.region_code).map_or(g.region_code.as_str(), |r| r.names.get(lang));
                (g.id, g.names.get(lang).to_owned(), region.to_owned())
            })
            .collect();
        match list(ui, "data_points", rows, lang) {
            Some((id, true)) => {
                actions.push(Action::Edit(Box::new(Edit::delete_growth_point(ds, id))))
            }
            Some((id, false)) => {
                ed.point = ds
                    .growth_points
                    .iter()
                    .find(|g| g.id == id)
                    .map(|g| GrowthPointForm::of(g, state.places()));
                ed.point_problems = FormProblems::default();
            }
            None => {}
        }
        return;
    }
    let placing = ed.mode == MapMode::PlacePoint;
    let Some(form) = ed.point.as_mut() else { return };
    let problems = &ed.point_problems;
    egui::Grid::new("data_point_form").num_columns(2).show(ui, |ui| {
        name_rows(ui, &mut form.names, problems, lang);
        text_row(ui, EditText::Longitude.get(lang), &mut form.lon, None, lang);
        text_row(
            ui,
            EditText::Latitude.get(lang),
            &mut form.lat,
            problems.of(Field::Location),
            lang,
        );
        let location = lon_lat(&form.lon, &form.lat);
        region_row(ui, state, &mut form.region, location, problems.of(Field::Region));
        let l = ui.label(EditText::Level.get(lang));
        let level_text = |l: Option<GrowthLevel>| {
            l.map_or(EditText::NoLevel.get(lang), |l| map_text::growth_level(l, lang))
        };
        ComboBox::from_id_salt("data_level")
            .width(FIELD_WIDTH)
            .truncate()
            .selected_text(level_text(form.level))
            .show_ui(ui, |ui| {
                for level in [
                    None,
                    Some(GrowthLevel::First),
                    Some(GrowthLevel::Second),
                    Some(GrowthLevel::Third),
                ] {
                    ui.selectable_value(&mut form.level, level, level_text(level));
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();
        ui.label("");
        ui.checkbox(&mut form.monotown, EditText::Monotown.get(lang));
        ui.end_row();
        text_row(
            ui,
            EditText::Population.get(lang),
            &mut form.population,
            problems.of(Field::Population),
            lang,
        );
        text_row(
            ui,
            EditText::PopulationYear.get(lang),
            &mut form.population_year,
            problems.of(Field::PopulationYear),
            lang,
        );
    });
    if place_button(ui, placing, lang) {
        ed.mode = MapMode::PlacePoint;
    }
    let (save, cancel) = save_cancel(ui, lang);
    if save {
        match form.to_point(ds, state.places()) {
            Ok(point) => {
                actions.push(Action::Edit(Box::new(Edit::put_growth_point(ds, point))));
                ed.point = None;
                ed.point_problems = FormProblems::default();
                ed.mode = MapMode::Idle;
            }
            Err(p) => ed.point_problems = p,
        }
    } else if cancel {
        ed.point = None;
        ed.point_problems = FormProblems::default();
        ed.mode = MapMode::Idle;
    }
}

fn projects(ui: &mut Ui, state: &AppState, ed: &mut DataEditor, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let ds = state.dataset();
    if ed.project.is_none() {
        if ui.button(EditText::New.get(lang)).clicked() {
            ed.project = Some(ProjectForm::default());
            ed.project_problems = FormProblems::default();
        }
        let selected = state.selected();
        let rows = ds
            .projects
            .iter()
            .filter(|p| selected.is_none_or(|s| p.region_code == s))
            .map(|p| {
                let detail = format!(
                    "{} · {}",
                    map_text::sector(p.sector, lang),
                    ui_text::project_status(p.status, lang)
                );
                (p.code.clone(), p.names.get(lang).to_owned(), detail)
            })
            .collect();
        match list(ui, "data_projects", rows, lang) {
            Some((code, true)) => {
                actions.push(Action::Edit(Box::new(Edit::delete_project(ds, &code))))
            }
            Some((code, false)) => {
                ed.project = ds.project(&code).map(|p| ProjectForm::of(p, state.places()));
                ed.project_problems = FormProblems::default();
            }
            None => {}
        }
        return;
    }
    let placing = ed.mode == MapMode::PlaceProject;
    let Some(form) = ed.project.as_mut() else { return };
    let problems = &ed.project_problems;
    egui::ScrollArea::vertical().id_salt("data_project_form").max_height(LIST_HEIGHT * 2.5).show(
        ui,
        |ui| {
            egui::Grid::new("data_project_grid").num_columns(2).show(ui, |ui| {
                name_rows(ui, &mut form.names, problems, lang);
                text_row(ui, EditText::Company.get(lang), &mut form.company, None, lang);
                let l = ui.label(EditText::Sector.get(lang));
                ComboBox::from_id_salt("data_sector")
                    .width(FIELD_WIDTH)
                    .selected_text(map_text::sector(form.sector, lang))
                    .show_ui(ui, |ui| {
                        for s in Sector::ALL {
                            ui.selectable_value(&mut form.sector, s, map_text::sector(s, lang));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(EditText::Status.get(lang));
                ComboBox::from_id_salt("data_status")
                    .width(FIELD_WIDTH)
                    .selected_text(ui_text::project_status(form.status, lang))
                    .show_ui(ui, |ui| {
                        for s in [
                            ProjectStatus::Planned,
                            ProjectStatus::UnderConstruction,
                            ProjectStatus::Operating,
                            ProjectStatus::Unknown,
                        ] {
                            ui.selectable_value(
                                &mut form.status,
                                s,
                                ui_text::project_status(s, lang),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                text_row(
                    ui,
                    EditText::ProjectYear.get(lang),
                    &mut form.year,
                    problems.of(Field::Year),
                    lang,
                );
                text_row(
                    ui,
                    EditText::Investment.get(lang),
                    &mut form.investment,
                    problems.of(Field::Investment),
                    lang,
                );
                let l = ui.label(EditText::InvestmentUnit.get(lang));
                ComboBox::from_id_salt("data_unit")
                    .width(FIELD_WIDTH)
                    .selected_text(form.investment_unit.clone())
                    .show_ui(ui, |ui| {
                        for (unit, _) in crate::app::edit::INVESTMENT_UNITS {
                            ui.selectable_value(&mut form.investment_unit, unit.to_owned(), unit);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                text_row(
                    ui,
                    EditText::Jobs.get(lang),
                    &mut form.jobs,
                    problems.of(Field::Jobs),
                    lang,
                );
                text_row(ui, EditText::Capacity.get(lang), &mut form.capacity, None, lang);
                text_row(ui, EditText::Longitude.get(lang), &mut form.lon, None, lang);
                text_row(
                    ui,
                    EditText::Latitude.get(lang),
                    &mut form.lat,
                    problems.of(Field::Location),
                    lang,
                );
                let location = lon_lat(&form.lon, &form.lat);
                region_row(ui, state, &mut form.region, location, problems.of(Field::Region));
            });
        },
    );
    if place_button(ui, placing, lang) {
        ed.mode = MapMode::PlaceProject;
    }
    let (save, cancel) = save_cancel(ui, lang);
    if save {
        match form.to_project(ds, state.places()) {
            Ok(project) => {
                actions.push(Action::Edit(Box::new(Edit::put_project(ds, project))));
                ed.project = None;
                ed.project_problems = FormProblems::default();
                ed.mode = MapMode::Idle;
            }
            Err(p) => ed.project_problems = p,
        }
    } else if cancel {
        ed.project = None;
        ed.project_problems = FormProblems::default();
        ed.mode = MapMode::Idle;
    }
}

fn corridors(ui: &mut Ui, state: &AppState, ed: &mut DataEditor, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let ds = state.dataset();
    if ed.corridor.is_none() {
        if ui.button(EditText::New.get(lang)).clicked() {
            ed.corridor = Some(CorridorForm::default());
            ed.corridor_problems = FormProblems::default();
        }
        let rows = ds
            .corridors
            .iter()
            .map(|c| {
                let detail = format!(
                    "{} · {}: {}",
                    edit_text::corridor_kind(c.kind, lang),
                    EditText::Points.get(lang),
                    c.line.0.len()
                );
                (c.id, c.names.get(lang).to_owned(), detail)
            })
            .collect();
        match list(ui, "data_corridors", rows, lang) {
            Some((id, true)) => actions.push(Action::Edit(Box::new(Edit::delete_corridor(ds, id)))),
            Some((id, false)) => {
                ed.corridor = ds.corridors.iter().find(|c| c.id == id).map(CorridorForm::of);
                ed.corridor_problems = FormProblems::default();
            }
            None => {}
        }
        return;
    }
    let drawing = ed.mode == MapMode::DrawCorridor;
    let Some(form) = ed.corridor.as_mut() else { return };
    let problems = &ed.corridor_problems;
    egui::Grid::new("data_corridor_form").num_columns(2).show(ui, |ui| {
        name_rows(ui, &mut form.names, problems, lang);
        let l = ui.label(EditText::Kind.get(lang));
        ComboBox::from_id_salt("data_kind")
            .width(FIELD_WIDTH)
            .selected_text(edit_text::corridor_kind(form.kind, lang))
            .show_ui(ui, |ui| {
                for k in [
                    CorridorKind::Railway,
                    CorridorKind::Road,
                    CorridorKind::PowerLine,
                    CorridorKind::Pipeline,
                ] {
                    ui.selectable_value(&mut form.kind, k, edit_text::corridor_kind(k, lang));
                }
            })
            .response
            .labelled_by(l.id);
        ui.end_row();
        ui.label("");
        ui.label(format!("{}: {}", EditText::Points.get(lang), form.points.len()));
        ui.end_row();
        problem_row(ui, problems.of(Field::Points), lang);
    });
    if drawing {
        ui.label(RichText::new(EditText::DrawingHint.get(lang)).color(theme::palette().accent));
    } else if ui.button(EditText::DrawLine.get(lang)).clicked() {
        ed.drawing_from = form.points.clone();
        form.points.clear();
        ed.mode = MapMode::DrawCorridor;
    }
    let (save, cancel) = save_cancel(ui, lang);
    if save {
        match form.to_corridor(ds, state.places()) {
            Ok(c) => {
                actions.push(Action::Edit(Box::new(Edit::put_corridor(ds, c))));
                ed.corridor = None;
                ed.corridor_problems = FormProblems::default();
                ed.mode = MapMode::Idle;
            }
            Err(p) => ed.corridor_problems = p,
        }
    } else if cancel {
        ed.corridor = None;
        ed.corridor_problems = FormProblems::default();
        ed.mode = MapMode::Idle;
    }
}
