//! The indirect-jobs multiplier (a slider) and the growth-point levers: for a level of growth
//! point and an additive indicator, the extra growth in percentage points a year of the regions
//! that hold such a growth point; levers are added and removed here.

use egui::{Button, ComboBox, Grid, RichText, Slider, Ui};

use super::{Editor, number};
use crate::app::scenario_edit::{
    lever_indicators, with_lever, with_multiplier, with_new_lever, without_lever,
};
use crate::i18n::editor_text::{self, EditorText as E, NumberedRow};
use crate::i18n::map_text::growth_level;
use crate::i18n::scenario_text::ScenarioText as S;
use crate::model::{GrowthLevel, GrowthPointLever};
use crate::ui::theme;

/// The multiplier slider's range (indirect jobs per direct job).
const MULTIPLIER_RANGE: std::ops::RangeInclusive<f64> = 0.0..=3.0;
const MULTIPLIER_WIDTH: f32 = 320.0;
/// Range of a lever's extra growth, percentage points a year.
const EXTRA_RANGE: std::ops::RangeInclusive<f64> = -10.0..=20.0;
/// Widths of the level and indicator lists, points.
const LEVEL_WIDTH: f32 = 300.0;
const INDICATOR_WIDTH: f32 = 260.0;
const LEVELS: [GrowthLevel; 3] = [GrowthLevel::First, GrowthLevel::Second, GrowthLevel::Third];

pub(super) fn show(ui: &mut Ui, e: &mut Editor<'_>) {
    let (s, lang) = (e.s, e.lang);
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(S::IndirectJobsMultiplier.get(lang)).strong());
        let mut m = s.assumptions.indirect_jobs_multiplier;
        ui.spacing_mut().slider_width = MULTIPLIER_WIDTH;
        let slider = Slider::new(&mut m, MULTIPLIER_RANGE)
            .step_by(0.05)
            .custom_formatter(move |v, _| crate::i18n::format_number(v, 2, lang))
            .custom_parser(move |t| crate::app::scenario_edit::parse_number(t, lang));
        let response = ui.add(slider).labelled_by(label.id);
        let edited = (m != s.assumptions.indirect_jobs_multiplier).then(|| with_multiplier(s, m));
        e.send(&response, edited);
    });
    ui.label(RichText::new(E::MultiplierHint.get(lang)).small().color(theme::palette().text_muted));
    ui.add_space(8.0);
    ui.separator();
    ui.label(RichText::new(S::GrowthPointLevers.get(lang)).strong());
    ui.label(RichText::new(E::LeversHint.get(lang)).small().color(theme::palette().text_muted));
    ui.add_space(4.0);
    let levers = &s.assumptions.growth_point_levers;
    if levers.is_empty() {
        ui.label(RichText::new(E::NoLevers.get(lang)).color(theme::palette().text_muted));
    } else {
        Grid::new("levers_grid").num_columns(5).striped(true).spacing([12.0, 6.0]).show(ui, |ui| {
            ui.label("");
            ui.label(RichText::new(S::GrowthPointLevel.get(lang)).small().strong());
            ui.label(RichText::new(S::Indicator.get(lang)).small().strong());
            ui.label(RichText::new(S::ExtraGrowthPoints.get(lang)).small().strong());
            ui.label("");
            ui.end_row();
            for (index, lever) in levers.iter().enumerate() {
                lever_row(ui, e, index, lever);
                ui.end_row();
            }
        });
    }
    ui.add_space(6.0);
    if ui.button(format!("+ {}", E::AddLever.get(lang))).clicked() {
        e.save(with_new_lever(e.state.dataset(), s));
    }
}

/// One lever: level, indicator, extra growth, remove.
fn lever_row(ui: &mut Ui, e: &mut Editor<'_>, index: usize, lever: &GrowthPointLever) {
    let (s, lang, ds) = (e.s, e.lang, e.state.dataset());
    let row = editor_text::numbered(NumberedRow::Lever, index + 1, lang);
    ui.label(RichText::new(&row).color(theme::palette().text_muted));
    let mut level = lever.level;
    ComboBox::from_id_salt(("lever_level", index))
        .width(LEVEL_WIDTH)
        .selected_text(growth_level(level, lang))
        .show_ui(ui, |ui| {
            for l in LEVELS {
                ui.selectable_value(&mut level, l, growth_level(l, lang));
            }
        })
        .response
        .accessible_name(editor_text::field_name(S::GrowthPointLevel.get(lang), &row));
    let indicator_name = |key: &str| {
        ds.indicator(key).map_or_else(|| key.to_owned(), |d| d.names.get(lang).to_owned())
    };
    let mut indicator = lever.indicator.clone();
    ComboBox::from_id_salt(("lever_indicator", index))
        .width(INDICATOR_WIDTH)
        .selected_text(indicator_name(&indicator))
        .show_ui(ui, |ui| {
            for key in lever_indicators(ds, s) {
                ui.selectable_value(&mut indicator, key.to_owned(), indicator_name(key));
            }
        })
        .response
        .accessible_name(editor_text::field_name(S::Indicator.get(lang), &row));
    if level != lever.level || indicator != lever.indicator {
        let next = GrowthPointLever { level, indicator, ..lever.clone() };
        e.save(with_lever(s, index, next));
    }
    let mut points = lever.extra_rate * 100.0;
    let suffix = format!(" {}", E::PercentagePoints.get(lang));
    let response = ui
        .add(number(&mut points, 2, lang).range(EXTRA_RANGE).speed(0.05).suffix(suffix))
        .accessible_name(editor_text::field_name(S::ExtraGrowthPoints.get(lang), &row));
    let edited = (points != lever.extra_rate * 100.0)
        .then(|| {
            with_lever(s, index, GrowthPointLever { extra_rate: points / 100.0, ..lever.clone() })
        })
        .flatten();
    e.send(&response, edited);
    let remove = ui
        .add(Button::new("×").frame(false))
        .accessible_name(editor_text::field_name(E::RemoveLever.get(lang), &row))
        .on_hover_text(E::RemoveLever.get(lang));
    if remove.clicked() {
        e.save(without_lever(s, index));
    }
}
