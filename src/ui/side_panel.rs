//! The side panel: the selected region's names, kind, administrative centre, area, every
//! indicator's values by year, its growth points and its projects.

use egui::{Grid, Label, RichText, ScrollArea, Ui, vec2};

use crate::app::{Action, AppState, GrowthPointRow, ProjectRow, RegionDetails, ValueTable};
use crate::i18n::{UiText, map_text};
use crate::model::Lang;
use crate::ui::theme;

/// Width of one indicator column in the values table, points.
const VALUE_COLUMN_WIDTH: f32 = 86.0;

pub fn show(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let Some(details) = state.details() else {
        ui.label(RichText::new(UiText::NoSelection.get(lang)).color(theme::palette().text_muted));
        return;
    };
    ScrollArea::vertical().id_salt("side_panel").auto_shrink([false, false]).show(ui, |ui| {
        header(ui, details, lang, actions);
        ui.separator();
        section_heading(ui, UiText::Indicators.get(lang), None);
        value_table(ui, &details.values, lang);
        if details.is_country {
            ui.separator();
            let counts = format!(
                "{} ({}) · {} ({})",
                UiText::GrowthPoints.get(lang),
                state.dataset().growth_points.len(),
                UiText::Projects.get(lang),
                state.dataset().projects.len()
            );
            ui.label(RichText::new(counts).color(theme::palette().text_muted));
            ui.add_space(theme::MARGIN);
            ui.add(
                Label::new(
                    RichText::new(UiText::NoSelection.get(lang)).color(theme::palette().accent),
                )
                .wrap(),
            );
            return;
        }
        ui.separator();
        section_heading(ui, UiText::GrowthPoints.get(lang), Some(details.growth_points.len()));
        if details.growth_points.is_empty() {
            ui.label(
                RichText::new(UiText::NoneListed.get(lang)).color(theme::palette().text_muted),
            );
        }
        for g in &details.growth_points {
            growth_point(ui, g, lang);
        }
        ui.separator();
        section_heading(ui, UiText::Projects.get(lang), Some(details.projects.len()));
        if details.projects.is_empty() {
            ui.label(
                RichText::new(UiText::NoneListed.get(lang)).color(theme::palette().text_muted),
            );
        }
        for p in &details.projects {
            project(ui, p, lang);
        }
    });
}

fn header(ui: &mut Ui, d: &RegionDetails, lang: Lang, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.add(Label::new(RichText::new(&d.name).size(theme::HEADING_PT).strong()).wrap());
        if !d.is_country {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button("×").on_hover_text(UiText::Close.get(lang)).clicked() {
                    actions.push(Action::Select(None));
                }
            });
        }
    });
    if !d.other_names.is_empty() {
        ui.label(RichText::new(d.other_names.join(" · ")).color(theme::palette().text_muted));
    }
    ui.add_space(4.0);
    Grid::new("region_facts").num_columns(2).spacing(vec2(12.0, 3.0)).show(ui, |ui| {
        fact(ui, UiText::Kind.get(lang), &d.kind);
        if let Some(centre) = &d.admin_centre {
            fact(ui, UiText::AdminCentre.get(lang), centre);
        }
        if let Some(area) = &d.area {
            fact(ui, UiText::Area.get(lang), area);
        }
    });
    if let Some(lineage) = &d.lineage {
        ui.add_space(2.0);
        ui.add(
            Label::new(RichText::new(lineage).small().color(theme::palette().text_muted)).wrap(),
        );
    }
}

fn fact(ui: &mut Ui, name: &str, value: &str) {
    ui.label(RichText::new(name).color(theme::palette().text_muted));
    ui.add(Label::new(value).wrap());
    ui.end_row();
}

fn section_heading(ui: &mut Ui, text: &str, count: Option<usize>) {
    let text = match count {
        Some(n) => format!("{text} ({n})"),
        None => text.to_string(),
    };
    ui.label(RichText::new(text).strong().color(theme::palette().accent));
}

/// Years down, indicators across; scrolls sideways when the indicators do not fit.
fn value_table(ui: &mut Ui, table: &ValueTable, lang: Lang) {
    if table.years.is_empty() {
        ui.label(
            RichText::new(map_text::MapText::NoData.get(lang)).color(theme::palette().text_muted),
        );
        return;
    }
    ScrollArea::horizontal().id_salt("region_values").show(ui, |ui| {
        Grid::new("region_values_grid").striped(true).spacing(vec2(10.0, 2.0)).show(ui, |ui| {
            ui.label(RichText::new(UiText::Year.get(lang)).small().strong());
            for column in &table.columns {
                ui.allocate_ui_with_layout(
                    vec2(VALUE_COLUMN_WIDTH, 44.0),
                    egui::Layout::top_down(egui::Align::Max),
                    |ui| {
                        ui.set_width(VALUE_COLUMN_WIDTH);
                        ui.add(Label::new(RichText::new(&column.name).small().strong()).wrap())
                            .on_hover_text(&column.unit);
                        ui.add(
                            Label::new(
                                RichText::new(&column.unit)
                                    .small()
                                    .color(theme::palette().text_muted),
                            )
                            .truncate(),
                        );
                    },
                );
            }
            ui.end_row();
            for (row, year) in table.years.iter().enumerate() {
                ui.label(RichText::new(year.to_string()).small());
                for column in &table.columns {
                    let text = column.cells.get(row).map_or("", String::as_str);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(RichText::new(if text.is_empty() { "–" } else { text }).small());
                    });
                }
                ui.end_row();
            }
        });
    });
}

fn growth_point(ui: &mut Ui, g: &GrowthPointRow, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&g.name).strong());
        ui.label(RichText::new(&g.level_text).small().color(theme::palette().text_muted));
        if g.is_monotown {
            ui.label(
                RichText::new(UiText::Monotown.get(lang)).small().color(theme::palette().accent),
            );
        }
        if let Some(population) = &g.population {
            ui.label(RichText::new(population).small());
        }
    });
}

fn project(ui: &mut Ui, p: &ProjectRow, lang: Lang) {
    ui.add_space(2.0);
    ui.add(Label::new(RichText::new(&p.name).strong()).wrap());
    let mut facts = vec![p.sector_text.clone(), p.status_text.clone()];
    if let Some(year) = p.year {
        facts.push(map_text::year_short(year, lang));
    }
    ui.label(RichText::new(facts.join(" · ")).small().color(theme::palette().text_muted));
    let mut numbers = Vec::new();
    if let Some(investment) = &p.investment {
        numbers.push(format!("{}: {investment}", UiText::Investment.get(lang)));
    }
    if let Some(jobs) = &p.jobs {
        numbers.push(format!("{}: {jobs}", UiText::Jobs.get(lang)));
    }
    if !numbers.is_empty() {
        ui.label(RichText::new(numbers.join(" · ")).small());
    }
    if !p.company.is_empty() {
        ui.add(
            Label::new(RichText::new(&p.company).small().color(theme::palette().text_muted)).wrap(),
        );
    }
}
