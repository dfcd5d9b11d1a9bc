//! The project portfolio: every project of the dataset with how the scenario counts it —
//! realised or not, start year, ramp-up and build years, jobs, investment and annual output. A
//! project the scenario does not list shows the defaults of its record, greyed, until its box
//! is ticked (which adds it with those defaults).

use egui::{Checkbox, DragValue, Label, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Editor, number, year};
use crate::app::scenario_edit::{project_assumption_of, with_project, with_realised};
use crate::app::scenarios::region_name;
use crate::i18n::editor_text::{self, EditorText as E};
use crate::i18n::map_text;
use crate::i18n::scenario_text::ScenarioText as S;
use crate::model::{MAX_HORIZON, Project, ProjectAssumption};
use crate::ui::theme;

/// Widths of the fixed columns, points: tick, region, sector, the three year columns, jobs,
/// and the two money columns.
const TICK_WIDTH: f32 = 24.0;
const REGION_WIDTH: f32 = 160.0;
const SECTOR_WIDTH: f32 = 130.0;
const YEARS_WIDTH: f32 = 90.0;
const JOBS_WIDTH: f32 = 72.0;
const MONEY_WIDTH: f32 = 100.0;
/// Room between a number field and the next column, points.
const FIELD_GAP: f32 = 10.0;
/// Narrowest project-name column, points.
const NAME_MIN_WIDTH: f32 = 150.0;
const HEADER_HEIGHT: f32 = 44.0;
const ROW_HEIGHT: f32 = 24.0;
/// The earliest start year a project may have.
const FIRST_START_YEAR: i32 = 1990;
/// Longest ramp-up or construction, years.
const MAX_YEARS: u32 = 30;

pub(super) fn show(ui: &mut Ui, e: &mut Editor<'_>) {
    let (lang, ds) = (e.lang, e.state.dataset());
    ui.label(RichText::new(E::ProjectsHint.get(lang)).small().color(theme::palette().text_muted));
    let headers = [
        "",
        S::Project.get(lang),
        S::Region.get(lang),
        E::Sector.get(lang),
        S::StartYear.get(lang),
        S::RampUpYears.get(lang),
        S::BuildYears.get(lang),
        S::Jobs.get(lang),
        S::InvestmentMillionKzt.get(lang),
        S::AnnualOutputMillionKzt.get(lang),
    ];
    TableBuilder::new(ui)
        .id_salt("projects_table")
        .striped(true)
        .resizable(false)
        .max_scroll_height(f32::INFINITY)
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(TICK_WIDTH))
        .column(Column::remainder().at_least(NAME_MIN_WIDTH).clip(true))
        .column(Column::exact(REGION_WIDTH))
        .column(Column::exact(SECTOR_WIDTH))
        .columns(Column::exact(YEARS_WIDTH), 3)
        .column(Column::exact(JOBS_WIDTH))
        .columns(Column::exact(MONEY_WIDTH), 2)
        .header(HEADER_HEIGHT, |mut header| {
            for text in headers {
                header.col(|ui| {
                    ui.add(Label::new(RichText::new(text).small().strong()).wrap())
                        .on_hover_text(text);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, ds.projects.len(), |mut row| {
                let Some(p) = ds.projects.get(row.index()) else { return };
                let Some((a, listed)) = project_assumption_of(ds, e.s, &p.code) else { return };
                let name = p.names.get(lang);
                row.col(|ui| realised(ui, e, p, &a, listed, name));
                row.col(|ui| {
                    let text = if listed && a.realised {
                        RichText::new(name)
                    } else {
                        RichText::new(name).color(theme::palette().text_muted)
                    };
                    let hover = [name, p.company.as_str(), p.status_detail.as_str()]
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n");
                    ui.add(Label::new(text).truncate()).on_hover_text(hover);
                });
                row.col(|ui| {
                    ui.add(Label::new(region_name(ds, &p.region_code, lang)).truncate());
                });
                row.col(|ui| {
                    let sector = map_text::sector(p.sector, lang);
                    ui.add(Label::new(sector).truncate()).on_hover_text(&p.sector_detail);
                });
                for field in Field::ALL {
                    row.col(|ui| {
                        ui.add_enabled_ui(listed, |ui| field_cell(ui, e, &a, field, name));
                    });
                }
            });
        });
}

/// The tick: realised or not (a project the scenario does not list is added when ticked).
fn realised(
    ui: &mut Ui,
    e: &mut Editor<'_>,
    p: &Project,
    a: &ProjectAssumption,
    listed: bool,
    name: &str,
) {
    let mut on = listed && a.realised;
    let response = ui
        .add(Checkbox::without_text(&mut on))
        .accessible_name(editor_text::field_name(S::Realised.get(e.lang), name))
        .on_hover_text(if listed { S::Realised.get(e.lang) } else { E::NotInScenario.get(e.lang) });
    if response.changed() {
        e.save(with_realised(e.state.dataset(), e.s, &p.code, on));
    }
}

/// The number columns of a project's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Start,
    RampUp,
    Build,
    Jobs,
    Investment,
    Output,
}

impl Field {
    const ALL: [Field; 6] =
        [Field::Start, Field::RampUp, Field::Build, Field::Jobs, Field::Investment, Field::Output];
}

/// A number of years (ramp-up, construction).
fn years(value: &mut u32) -> DragValue<'_> {
    DragValue::new(value)
        .range(0..=MAX_YEARS)
        .speed(0.05)
        .update_while_editing(false)
        .clamp_existing_to_range(false)
}

/// One number of a project's assumption; a drag previews, the end of the drag or a confirmed
/// value saves.
fn field_cell(ui: &mut Ui, e: &mut Editor<'_>, a: &ProjectAssumption, field: Field, name: &str) {
    let lang = e.lang;
    let mut next = a.clone();
    let width = match field {
        Field::Start | Field::RampUp | Field::Build => YEARS_WIDTH,
        Field::Jobs => JOBS_WIDTH,
        Field::Investment | Field::Output => MONEY_WIDTH,
    };
    // Every field of a column equally wide, so the numbers line up.
    let size = egui::vec2(width - FIELD_GAP, ui.spacing().interact_size.y);
    let (response, title) = match field {
        Field::Start => (
            ui.add(year(&mut next.start_year, FIRST_START_YEAR..=MAX_HORIZON).min_size(size)),
            S::StartYear,
        ),
        Field::RampUp => (ui.add(years(&mut next.ramp_up_years).min_size(size)), S::RampUpYears),
        Field::Build => (ui.add(years(&mut next.build_years).min_size(size)), S::BuildYears),
        Field::Jobs => (
            ui.add(number(&mut next.jobs, 0, lang).range(0.0..=1e7).speed(5.0).min_size(size)),
            S::Jobs,
        ),
        Field::Investment => (
            ui.add(
                number(&mut next.investment_million_kzt, 1, lang)
                    .range(0.0..=1e9)
                    .speed(50.0)
                    .min_size(size),
            ),
            S::InvestmentMillionKzt,
        ),
        Field::Output => (
            ui.add(
                number(&mut next.annual_output_million_kzt, 1, lang)
                    .range(0.0..=1e9)
                    .speed(50.0)
                    .min_size(size),
            )
            .on_hover_text(E::MillionKztPerYear.get(lang)),
            S::AnnualOutputMillionKzt,
        ),
    };
    let response = response.accessible_name(editor_text::field_name(title.get(lang), name));
    let edited = (next != *a).then(|| with_project(e.s, next));
    e.send(&response, edited);
}
