//! The growth rates as a table: one row per current region under a first row of national
//! defaults (sliders), one column per grown indicator. A region's cell shows its own rate on a
//! tinted ground in the strong text colour, or the national default it follows in grey; × or
//! the cell's context menu gives the region the national default again.

use egui::{Button, Label, Layout, RichText, Slider, SliderClamping, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Editor, number, year};
use crate::app::scenario_edit::{
    default_history_window, history_years, with_rates_from_history, without_override,
};
use crate::app::scenarios::{region_name, with_rate};
use crate::i18n::editor_text::{self, EditorText as E};
use crate::i18n::scenario_text::ScenarioText as S;
use crate::i18n::scenario_ui_text::ScenarioUiText;
use crate::model::GrowthRate;
use crate::scenario::HistoryWindow;
use crate::ui::theme;

/// Width of the region names, points.
const NAME_WIDTH: f32 = 200.0;
/// Narrowest and widest indicator column, points.
const COLUMN_WIDTH: (f32, f32) = (130.0, 260.0);
/// Height of the header (two lines of indicator name) and of a row, points.
const HEADER_HEIGHT: f32 = 30.0;
const ROW_HEIGHT: f32 = 24.0;
/// Range of the national-default sliders, % a year (a typed value may lie outside).
const SLIDER_RANGE: std::ops::RangeInclusive<f64> = -20.0..=40.0;
/// Range of a region's rate, % a year: a fall of 100 % or more is meaningless.
const RATE_RANGE: std::ops::RangeInclusive<f64> = -90.0..=200.0;
/// Room for the × beside a region's own rate, points.
const CLEAR_WIDTH: f32 = 22.0;
/// Room the slider's number field takes, points.
const SLIDER_VALUE_WIDTH: f32 = 78.0;
/// Width of a region's rate field, so that the × beside it lines up, points.
const RATE_FIELD_WIDTH: f32 = 70.0;

pub(super) fn show(ui: &mut Ui, e: &mut Editor<'_>) {
    let (s, lang, ds) = (e.s, e.lang, e.state.dataset());
    ui.label(RichText::new(E::RatesHint.get(lang)).small().color(theme::palette().text_muted));
    history_row(ui, e);
    let growth = &s.assumptions.growth;
    let regions: Vec<&str> = ds
        .current_edition()
        .map(|ed| ed.units.iter().map(|u| u.region_code.as_str()).collect())
        .unwrap_or_default();
    let spacing = ui.spacing().item_spacing.x;
    let columns = growth.len().max(1) as f32;
    let width = ((ui.available_width() - NAME_WIDTH - spacing * (columns + 1.0)) / columns)
        .clamp(COLUMN_WIDTH.0, COLUMN_WIDTH.1);
    let names: Vec<(String, String)> = growth
        .iter()
        .map(|g| match ds.indicator(&g.indicator) {
            Some(d) => (d.names.get(lang).to_owned(), d.unit.get(lang).to_owned()),
            None => (g.indicator.clone(), String::new()),
        })
        .collect();
    let percent = ScenarioUiText::PercentPerYear.get(lang);
    TableBuilder::new(ui)
        .id_salt("rates_table")
        .striped(true)
        .resizable(false)
        .max_scroll_height(f32::INFINITY)
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(NAME_WIDTH))
        .columns(Column::exact(width), growth.len())
        .header(HEADER_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.add(Label::new(RichText::new(S::Region.get(lang)).small().strong()));
            });
            for (name, unit) in &names {
                header.col(|ui| {
                    let text = RichText::new(name).small().strong();
                    ui.add(Label::new(text).wrap()).on_hover_text(format!(
                        "{name} ({unit}) — {} {percent}",
                        S::RatePerYear.get(lang)
                    ));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, regions.len() + 1, |mut row| {
                let index = row.index();
                let Some(code) = index.checked_sub(1).map(|i| regions.get(i).copied()) else {
                    row.col(|ui| {
                        ui.label(RichText::new(S::NationalDefault.get(lang)).strong());
                    });
                    for (g, (name, _)) in growth.iter().zip(&names) {
                        row.col(|ui| national_cell(ui, e, g, name, width));
                    }
                    return;
                };
                let Some(code) = code else { return };
                let region = region_name(ds, code, lang);
                row.col(|ui| {
                    ui.add(Label::new(region.as_str()).truncate());
                });
                for (g, (name, _)) in growth.iter().zip(&names) {
                    row.col(|ui| region_cell(ui, e, g, code, &region, name));
                }
            });
        });
}

/// The window of past years and the button that replaces every rate with the growth of those
/// years (§6 of docs/scenarios.md). The window is the planner's choice for this scenario while
/// the window is open (the file keeps the rates, not the window); it starts at the shipped one.
fn history_row(ui: &mut Ui, e: &mut Editor<'_>) {
    let (s, lang) = (e.s, e.lang);
    let id = ui.make_persistent_id(("history_window", s.id));
    let stored = ui.data(|d| d.get_temp::<(i32, i32)>(id));
    let mut window = stored
        .map_or_else(|| default_history_window(s), |(first, last)| HistoryWindow { first, last });
    let years = history_years(e.state.dataset(), s);
    let (earliest, latest) = (*years.start(), *years.end());
    // The shipped window may reach before the file's first year (a file whose data start
    // later): it is brought inside the years there are.
    window.first = window.first.clamp(earliest, latest.saturating_sub(1).max(earliest));
    window.last = window.last.clamp(window.first.saturating_add(1).min(latest), latest);
    ui.horizontal(|ui| {
        ui.label(E::HistoryWindow.get(lang));
        ui.add(year(&mut window.first, earliest..=latest.saturating_sub(1).max(earliest)))
            .accessible_name(E::WindowFirstYear.get(lang));
        ui.label("–");
        let after_first = window.first.saturating_add(1).min(latest)..=latest;
        ui.add(year(&mut window.last, after_first)).accessible_name(E::WindowLastYear.get(lang));
        let take = ui
            .add_enabled(
                window.first < window.last
                    && years.contains(&window.first)
                    && years.contains(&window.last),
                Button::new(E::RatesFromHistory.get(lang)),
            )
            .on_hover_text(E::RatesFromHistoryHint.get(lang));
        if take.clicked() {
            e.save(with_rates_from_history(e.state.dataset(), s, window));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, (window.first, window.last)));
}

/// A national default: a slider with its number field.
fn national_cell(ui: &mut Ui, e: &mut Editor<'_>, g: &GrowthRate, name: &str, width: f32) {
    let lang = e.lang;
    let mut percent = g.national * 100.0;
    ui.spacing_mut().slider_width = (width - SLIDER_VALUE_WIDTH - 12.0).max(40.0);
    let slider = Slider::new(&mut percent, SLIDER_RANGE)
        .clamping(SliderClamping::Never)
        .step_by(0.05)
        .custom_formatter(move |v, _| crate::i18n::format_number(v, 2, lang))
        .custom_parser(move |t| crate::app::scenario_edit::parse_number(t, lang))
        .suffix(" %");
    let response = ui
        .add(slider)
        .accessible_name(editor_text::rate_cell_name(name, S::NationalDefault.get(lang)));
    let edited = (percent != g.national * 100.0)
        .then(|| with_rate(e.s, &g.indicator, None, percent / 100.0))
        .flatten();
    e.send(&response, edited);
}

/// A region's rate: its own (tinted, strong) or the national default it follows (grey), with
/// × and a context menu to follow the national default again.
fn region_cell(
    ui: &mut Ui,
    e: &mut Editor<'_>,
    g: &GrowthRate,
    code: &str,
    region: &str,
    name: &str,
) {
    let lang = e.lang;
    let own = g.regional.iter().any(|r| r.region_code == code);
    let rate = g.rate_for(code);
    let mut percent = rate * 100.0;
    let response = ui
        .scope(|ui| {
            let w = &mut ui.visuals_mut().widgets.inactive;
            if own {
                w.weak_bg_fill = theme::palette().accent_soft;
                w.fg_stroke.color = theme::palette().text;
                w.bg_stroke = egui::Stroke::new(1.0, theme::palette().accent);
            } else {
                w.fg_stroke.color = theme::palette().text_muted;
            }
            let field = number(&mut percent, 2, lang).range(RATE_RANGE).speed(0.05).suffix(" %");
            let height = ui.spacing().interact_size.y;
            ui.add(field.min_size(egui::vec2(RATE_FIELD_WIDTH, height)))
        })
        .inner
        .accessible_name(editor_text::rate_cell_name(name, region))
        .on_hover_text(if own { E::OwnRate } else { E::Inherited }.get(lang));
    let edited = (percent != rate * 100.0)
        .then(|| with_rate(e.s, &g.indicator, Some(code), percent / 100.0))
        .flatten();
    e.send(&response, edited);
    if !own {
        return;
    }
    let mut clear = false;
    response.context_menu(|ui| {
        if ui.button(E::UseNationalDefault.get(lang)).clicked() {
            clear = true;
            ui.close();
        }
    });
    let button = ui
        .add_sized([CLEAR_WIDTH, CLEAR_WIDTH], Button::new("×").frame(false))
        .accessible_name(editor_text::clear_rate_name(name, region, lang))
        .on_hover_text(E::UseNationalDefault.get(lang));
    if clear || button.clicked() {
        e.save(without_override(e.s, &g.indicator, code));
    }
}
