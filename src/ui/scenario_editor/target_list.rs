//! The scenario's targets as an editable table: indicator (the engine's derived ones included),
//! the country or a region, a ratio against a year or an absolute level, the year, the source;
//! targets are added and removed here. Whether they are attained is the Targets tab's business.

use egui::{Button, ComboBox, Label, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Editor, FieldLook, number, year};
use crate::app::scenario_edit::{with_new_target, with_target, with_target_kind, without_target};
use crate::app::scenarios::region_name;
use crate::i18n::editor_text::{self, EditorText as E, NumberedRow};
use crate::i18n::scenario_text::ScenarioText as S;
use crate::model::{IndicatorDef, MAX_HORIZON, NATIONAL_CODE, Target, TargetKind};
use crate::ui::theme;

const NUMBER_WIDTH: f32 = 60.0;
const INDICATOR_WIDTH: f32 = 260.0;
const REGION_WIDTH: f32 = 190.0;
const KIND_WIDTH: f32 = 120.0;
const LEVEL_WIDTH: f32 = 130.0;
const YEAR_WIDTH: f32 = 74.0;
const REMOVE_WIDTH: f32 = 26.0;
const SOURCE_MIN_WIDTH: f32 = 120.0;
const HEADER_HEIGHT: f32 = 36.0;
const ROW_HEIGHT: f32 = 28.0;
/// The earliest year a ratio may refer to.
const FIRST_REFERENCE_YEAR: i32 = 1990;

pub(super) fn show(ui: &mut Ui, e: &mut Editor<'_>) {
    let (s, lang) = (e.s, e.lang);
    ui.label(RichText::new(E::TargetsHint.get(lang)).small().color(theme::palette().text_muted));
    if ui.button(format!("+ {}", E::AddTarget.get(lang))).clicked() {
        e.save(with_new_target(e.state.dataset(), s));
    }
    let targets = &s.assumptions.targets;
    if targets.is_empty() {
        ui.label(RichText::new(E::NoTargets.get(lang)).color(theme::palette().text_muted));
        return;
    }
    let Some(projection) = e.state.projections().iter().find(|p| p.scenario_id == s.id) else {
        return;
    };
    let indicators = &projection.indicators;
    let headers = [
        "",
        S::Indicator.get(lang),
        S::Region.get(lang),
        E::TargetKind.get(lang),
        S::TargetLevel.get(lang),
        E::ReferenceYear.get(lang),
        S::Year.get(lang),
        S::Source.get(lang),
        "",
    ];
    TableBuilder::new(ui)
        .id_salt("targets_table")
        .striped(true)
        .resizable(false)
        .max_scroll_height(f32::INFINITY)
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(NUMBER_WIDTH))
        .column(Column::exact(INDICATOR_WIDTH))
        .column(Column::exact(REGION_WIDTH))
        .column(Column::exact(KIND_WIDTH))
        .column(Column::exact(LEVEL_WIDTH))
        .columns(Column::exact(YEAR_WIDTH), 2)
        .column(Column::remainder().at_least(SOURCE_MIN_WIDTH))
        .column(Column::exact(REMOVE_WIDTH))
        .header(HEADER_HEIGHT, |mut header| {
            for text in headers {
                header.col(|ui| {
                    ui.add(Label::new(RichText::new(text).small().strong()).wrap());
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, targets.len(), |mut row| {
                let index = row.index();
                let Some(t) = targets.get(index) else { return };
                let name = editor_text::numbered(NumberedRow::Target, index + 1, lang);
                row.col(|ui| {
                    ui.label(RichText::new(&name).color(theme::palette().text_muted));
                });
                row.col(|ui| indicator_cell(ui, e, index, t, indicators, &name));
                row.col(|ui| region_cell(ui, e, index, t, &name));
                row.col(|ui| kind_cell(ui, e, index, t, &name));
                row.col(|ui| level_cell(ui, e, index, t, indicators, &name));
                row.col(|ui| match t.kind {
                    TargetKind::Ratio { reference_year, ratio } => {
                        let mut y = reference_year;
                        let range = FIRST_REFERENCE_YEAR..=e.s.horizon;
                        let response = ui.add(year(&mut y, range)).accessible_name(
                            editor_text::field_name(E::ReferenceYear.get(lang), &name),
                        );
                        let kind = TargetKind::Ratio { reference_year: y, ratio };
                        let edited = (y != reference_year)
                            .then(|| with_target(e.s, index, Target { kind, ..t.clone() }))
                            .flatten();
                        e.send(&response, edited);
                    }
                    TargetKind::Absolute { .. } => {
                        ui.label(RichText::new("–").color(theme::palette().text_muted));
                    }
                });
                row.col(|ui| {
                    let mut y = t.year;
                    let range = e.s.base_year..=MAX_HORIZON;
                    let response = ui
                        .add(year(&mut y, range))
                        .accessible_name(editor_text::field_name(S::Year.get(lang), &name));
                    let edited = (y != t.year)
                        .then(|| with_target(e.s, index, Target { year: y, ..t.clone() }))
                        .flatten();
                    e.send(&response, edited);
                });
                row.col(|ui| {
                    let id = ui.make_persistent_id(("target_source", e.s.id, index));
                    let look = FieldLook {
                        rows: 1,
                        width: ui.available_width(),
                        hint: "",
                        name: &editor_text::field_name(S::Source.get(lang), &name),
                    };
                    if let Some(source) = e.text_field(ui, id, &t.source, &look) {
                        let next = Target { source: source.trim().to_owned(), ..t.clone() };
                        e.save(with_target(e.s, index, next));
                    }
                });
                row.col(|ui| {
                    let remove = ui
                        .add(Button::new("×").frame(false))
                        .accessible_name(editor_text::field_name(E::RemoveTarget.get(lang), &name))
                        .on_hover_text(E::RemoveTarget.get(lang));
                    if remove.clicked() {
                        e.save(without_target(e.s, index));
                    }
                });
            });
        });
}

/// The indicator of target `index`, chosen among the projected ones.
fn indicator_cell(
    ui: &mut Ui,
    e: &mut Editor<'_>,
    index: usize,
    t: &Target,
    indicators: &[IndicatorDef],
    name: &str,
) {
    let lang = e.lang;
    let shown = |key: &str| {
        indicators
            .iter()
            .find(|d| d.key == key)
            .map_or_else(|| key.to_owned(), |d| d.names.get(lang).to_owned())
    };
    let mut key = t.indicator.clone();
    ComboBox::from_id_salt(("target_indicator", index))
        .width(INDICATOR_WIDTH - 12.0)
        .truncate()
        .selected_text(shown(&key))
        .show_ui(ui, |ui| {
            for d in indicators {
                ui.selectable_value(&mut key, d.key.clone(), d.names.get(lang));
            }
        })
        .response
        .on_hover_text(shown(&t.indicator))
        .accessible_name(editor_text::field_name(S::Indicator.get(lang), name));
    if key != t.indicator {
        e.save(with_target(e.s, index, Target { indicator: key, ..t.clone() }));
    }
}

/// The country or a current region.
fn region_cell(ui: &mut Ui, e: &mut Editor<'_>, index: usize, t: &Target, name: &str) {
    let (lang, ds) = (e.lang, e.state.dataset());
    let shown = |code: &str| {
        if code == NATIONAL_CODE {
            S::Kazakhstan.get(lang).to_owned()
        } else {
            region_name(ds, code, lang)
        }
    };
    let mut code = t.region_code.clone();
    ComboBox::from_id_salt(("target_region", index))
        .width(REGION_WIDTH - 12.0)
        .truncate()
        .selected_text(shown(&code))
        .show_ui(ui, |ui| {
            let current = ds.current_edition().map(|ed| ed.units.as_slice()).unwrap_or_default();
            let codes = std::iter::once(NATIONAL_CODE)
                .chain(current.iter().map(|u| u.region_code.as_str()));
            for c in codes {
                ui.selectable_value(&mut code, c.to_owned(), shown(c));
            }
        })
        .response
        .on_hover_text(shown(&t.region_code))
        .accessible_name(editor_text::field_name(S::Region.get(lang), name));
    if code != t.region_code {
        e.save(with_target(e.s, index, Target { region_code: code, ..t.clone() }));
    }
}

/// Ratio or absolute level; switching keeps the level asked for where it can.
fn kind_cell(ui: &mut Ui, e: &mut Editor<'_>, index: usize, t: &Target, name: &str) {
    let lang = e.lang;
    let was_absolute = matches!(t.kind, TargetKind::Absolute { .. });
    let mut absolute = was_absolute;
    let text = |a: bool| if a { E::Absolute.get(lang) } else { E::Ratio.get(lang) };
    ComboBox::from_id_salt(("target_kind", index))
        .width(KIND_WIDTH - 12.0)
        .selected_text(text(absolute))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut absolute, false, text(false));
            ui.selectable_value(&mut absolute, true, text(true));
        })
        .response
        .accessible_name(editor_text::field_name(E::TargetKind.get(lang), name));
    if absolute != was_absolute {
        let base_value = e
            .state
            .projections()
            .iter()
            .find(|p| p.scenario_id == e.s.id)
            .and_then(|p| p.value(&t.region_code, &t.indicator, e.s.base_year));
        let next = with_target_kind(t, absolute, base_value, e.s.base_year);
        e.save(with_target(e.s, index, next));
    }
}

/// The ratio (× the reference year's value) or the level in the indicator's unit.
fn level_cell(
    ui: &mut Ui,
    e: &mut Editor<'_>,
    index: usize,
    t: &Target,
    indicators: &[IndicatorDef],
    name: &str,
) {
    let lang = e.lang;
    let field = editor_text::field_name(S::TargetLevel.get(lang), name);
    let (response, kind) = match t.kind {
        TargetKind::Ratio { reference_year, ratio } => {
            let mut r = ratio;
            // 0 is allowed here so that the file's check explains why a ratio must be above 0.
            let response = ui
                .add(number(&mut r, 2, lang).range(0.0..=100.0).speed(0.01).prefix("× "))
                .accessible_name(field);
            (response, TargetKind::Ratio { reference_year, ratio: r })
        }
        TargetKind::Absolute { value } => {
            let def = indicators.iter().find(|d| d.key == t.indicator);
            let decimals = def.map_or(1, |d| d.decimals);
            let unit = def.map(|d| d.unit.get(lang).to_owned()).unwrap_or_default();
            let mut v = value;
            let speed = (value.abs() / 200.0).max(0.1);
            let response = ui
                .add(number(&mut v, decimals, lang).speed(speed))
                .accessible_name(field)
                .on_hover_text(unit);
            (response, TargetKind::Absolute { value: v })
        }
    };
    let edited =
        (kind != t.kind).then(|| with_target(e.s, index, Target { kind, ..t.clone() })).flatten();
    e.send(&response, edited);
}
