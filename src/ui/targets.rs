//! The Targets tab: every target of the file's scenarios in a table — what it asks, and per
//! scenario ✔/✘, the value reached against the level, the first year it is met and the gap — and,
//! for the selected row, bars of each scenario's value as a share of the level against the
//! 100 % target line, beside a map of the target's attainment in the selected scenario.
//!
//! Everything shown is built by `AppState` (`app::targets`); this file only lays it out. The map
//! is painted by `map_view::paint_scene`, as the main and compare maps are.

use egui::{
    Align, Align2, ComboBox, Label, Layout, Pos2, Rect, RichText, ScrollArea, Sense, Stroke, Ui,
    vec2,
};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, HLine, LineStyle, Plot, PlotPoint, Text};

use crate::app::targets::{
    ATTAINED_FILL, NOT_ATTAINED_FILL, Status, TargetCell, TargetMap, TargetReport, TargetRow,
};
use crate::app::{Action, AppState, Camera};
use crate::i18n::format_number;
use crate::i18n::targets_text::{self, TargetsText as T};
use crate::map::{LegendItem, WorldPos};
use crate::model::Lang;
use crate::ui::map_view::{self, MapCache};
use crate::ui::theme;

/// Width of the table's target column, points.
const TARGET_WIDTH: f32 = 400.0;
/// Narrowest and widest scenario column, points.
const SCENARIO_MIN_WIDTH: f32 = 240.0;
const SCENARIO_MAX_WIDTH: f32 = 420.0;
/// Width of the accent bar at the left of the selected row, points.
const SELECTED_BAR: f32 = 3.0;
/// A table row holds three lines.
const ROW_HEIGHT: f32 = 60.0;
const HEADER_HEIGHT: f32 = 28.0;
/// Most of the view's height the table takes before it scrolls.
const TABLE_SHARE: f32 = 0.4;
/// Share of the lower area's width the bar chart takes; the map takes the rest.
const CHART_SHARE: f32 = 0.42;
/// Bars narrower than their slot, so neighbours stay apart.
const BAR_WIDTH: f64 = 0.6;
/// Height of the strip of scenario names under the bars (two small lines), points.
const NAMES_HEIGHT: f32 = 34.0;
/// Radius of a drawn ✔/✘ mark, points.
const MARK_RADIUS: f32 = 8.0;

/// What the painter keeps between frames: the attainment map's screen meshes.
#[derive(Default)]
pub struct TargetsCache {
    pub map: MapCache,
}

impl TargetsCache {
    /// Where the world point `world` was drawn on the attainment map in the last frame.
    pub fn map_screen_pos(&self, world: WorldPos) -> Option<Pos2> {
        self.map.screen_pos(world)
    }
}

pub fn show(ui: &mut Ui, state: &AppState, cache: &mut TargetsCache, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let report = state.targets();
    ui.label(RichText::new(T::Title.get(lang)).strong().size(theme::HEADING_PT - 2.0));
    if report.rows.is_empty() {
        ui.label(RichText::new(T::NoTargets.get(lang)).color(theme::palette().text_muted));
        return;
    }
    ui.label(RichText::new(T::Hint.get(lang)).small().color(theme::palette().text_muted));
    let needed = HEADER_HEIGHT + ROW_HEIGHT * report.rows.len() as f32 + 4.0;
    let table_height = needed.min(ui.available_height() * TABLE_SHARE);
    ScrollArea::horizontal().id_salt("targets_table_scroll").show(ui, |ui| {
        ui.set_height(table_height);
        table(ui, state, report, table_height, actions);
    });
    ui.separator();
    let Some(row) = state.selected_target() else { return };
    let height = ui.available_height();
    let width = ui.available_width();
    let chart_width = (width * CHART_SHARE).round();
    ui.horizontal_top(|ui| {
        ui.allocate_ui(vec2(chart_width, height), |ui| {
            ui.set_width(chart_width);
            ui.vertical(|ui| chart(ui, report, row, lang));
        });
        ui.separator();
        ui.vertical(|ui| map_panel(ui, state, row, cache, actions));
    });
}

/// The table: one row per target; a click on a row selects it.
fn table(
    ui: &mut Ui,
    state: &AppState,
    report: &TargetReport,
    height: f32,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let selected = state.selected_target().map(|r| &r.key);
    let columns = report.scenarios.len().max(1) as f32;
    let scenario_width = ((ui.available_width() - TARGET_WIDTH) / columns - 8.0)
        .clamp(SCENARIO_MIN_WIDTH, SCENARIO_MAX_WIDTH);
    // A pale selection keeps the outcomes' colours readable (the app's strong blue would not);
    // an accent bar at the row's left marks it as well.
    let visuals = ui.visuals_mut();
    visuals.selection.bg_fill = theme::palette().accent_soft;
    visuals.selection.stroke.color = theme::palette().text;
    TableBuilder::new(ui)
        .id_salt("targets_table")
        .striped(true)
        .resizable(false)
        .sense(Sense::click())
        .max_scroll_height(height - HEADER_HEIGHT)
        .auto_shrink([false, true])
        .cell_layout(Layout::top_down(Align::Min))
        .column(Column::exact(TARGET_WIDTH))
        .columns(Column::exact(scenario_width), report.scenarios.len())
        .header(HEADER_HEIGHT, |mut header| {
            header.col(|ui| {
                ui.add(Label::new(RichText::new(T::Target.get(lang)).strong()).selectable(false));
            });
            for column in &report.scenarios {
                header.col(|ui| {
                    ui.add(
                        Label::new(RichText::new(&column.name).strong())
                            .truncate()
                            .selectable(false),
                    );
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, report.rows.len(), |mut table_row| {
                let Some(row) = report.rows.get(table_row.index()) else { return };
                let on = selected == Some(&row.key);
                table_row.set_selected(on);
                table_row.col(|ui| {
                    if on {
                        let r = ui.max_rect();
                        let bar = Rect::from_min_size(r.min, vec2(SELECTED_BAR, r.height()));
                        ui.painter().rect_filled(bar, 0.0, theme::palette().accent);
                    }
                    // Every target cell is indented past the selection's bar.
                    egui::Frame::new()
                        .inner_margin(egui::Margin { left: 8, ..egui::Margin::ZERO })
                        .show(ui, |ui| target_cell(ui, row));
                });
                for column in &report.scenarios {
                    table_row.col(|ui| {
                        if let Some(cell) = row.cell(column.id) {
                            scenario_cell(ui, cell, lang);
                        }
                    });
                }
                if table_row.response().clicked() && !on {
                    actions.push(Action::SelectTarget(row.key.clone()));
                }
            });
        });
}

/// What a target asks: the indicator and the place, the requirement, the source.
fn target_cell(ui: &mut Ui, row: &TargetRow) {
    let heading = format!("{} — {}", row.indicator_name, row.region_name);
    ui.add(Label::new(RichText::new(heading).strong()).truncate().selectable(false));
    ui.add(Label::new(&row.requirement).truncate().selectable(false));
    ui.add(
        Label::new(RichText::new(&row.source).small().color(theme::palette().text_muted))
            .truncate()
            .selectable(false),
    )
    .on_hover_text(&row.source);
}

/// One scenario's outcome: ✔/✘ in colour with the gap, the value against the level, the first
/// year the level is met.
fn scenario_cell(ui: &mut Ui, cell: &TargetCell, lang: Lang) {
    let color = status_color(cell.status);
    ui.horizontal(|ui| {
        mark_widget(ui, cell.status);
        ui.add(
            Label::new(RichText::new(&cell.status_text).strong().color(color)).selectable(false),
        );
        if !cell.gap_text.is_empty() {
            ui.add(Label::new(RichText::new(&cell.gap_text).color(color)).selectable(false));
        }
    });
    let value =
        ui.add(Label::new(RichText::new(&cell.value_text).small()).truncate().selectable(false));
    if cell.status == Status::NotAssessable {
        value.on_hover_text(&cell.value_text);
    }
    let mut third = cell.first_year_text.clone();
    if !cell.carried {
        if !third.is_empty() {
            third.push_str(" · ");
        }
        third.push_str(T::ForComparison.get(lang));
    }
    let line = ui.add(
        Label::new(RichText::new(third).small().color(theme::palette().text_muted))
            .truncate()
            .selectable(false),
    );
    if !cell.carried {
        line.on_hover_text(T::NotOwnTarget.get(lang));
    }
}

/// The text and bar colour of an outcome (the fills of the map, darkened a little for text).
fn status_color(status: Status) -> egui::Color32 {
    match status {
        Status::NotAssessable => theme::palette().text_muted,
        other => theme::color(other.fill()),
    }
}

/// One bar per scenario: its value in the target year as a share of the level, coloured by the
/// outcome, against the 100 % target line.
fn chart(ui: &mut Ui, report: &TargetReport, row: &TargetRow, lang: Lang) {
    ui.label(RichText::new(T::ChartTitle.get(lang)).strong());
    ui.add(
        Label::new(
            RichText::new(format!(
                "{} — {}: {}",
                row.indicator_name, row.region_name, row.requirement
            ))
            .small()
            .color(theme::palette().text_muted),
        )
        .truncate(),
    );
    target_line_key(ui, lang);
    let names: Vec<String> = report.scenarios.iter().map(|c| c.name.clone()).collect();
    let bars: Vec<Bar> = row
        .cells
        .iter()
        .enumerate()
        .filter_map(|(i, cell)| {
            let percent = cell.percent?;
            let fill = status_color(cell.status);
            Some(
                Bar::new(i as f64, percent)
                    .name(names.get(i).cloned().unwrap_or_default())
                    .fill(fill)
                    .stroke(Stroke::new(1.0, fill.gamma_multiply(0.7)))
                    .width(BAR_WIDTH),
            )
        })
        .collect();
    let top = row.cells.iter().filter_map(|c| c.percent).fold(100.0_f64, f64::max);
    let count = row.cells.len().max(1);
    let plot = Plot::new(("targets_chart", row.key.indicator.as_str(), row.key.year))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .show_grid([false, true])
        // The scenarios' names go under the plot, wrapped to their bar's slot: the x axis
        // would drop names longer than the slot.
        .show_axes([false, true])
        .height((ui.available_height() - NAMES_HEIGHT).max(120.0))
        .include_x(-0.55)
        .include_x(count as f64 - 0.45)
        .include_y(0.0)
        .include_y(top * 1.15)
        .y_axis_formatter(move |mark, _| format!("{} %", format_number(mark.value, 0, lang)))
        .y_axis_min_width(44.0);
    let response = plot.show(ui, |plot| {
        plot.hline(
            HLine::new(T::TargetLine.get(lang), 100.0)
                .color(theme::palette().text)
                .width(1.5)
                .style(LineStyle::dashed_loose()),
        );
        plot.bar_chart(BarChart::new("targets_bars", bars).element_formatter(Box::new(
            move |bar, _| {
                format!("{}\n{}", bar.name, targets_text::percent_of_level(bar.value, lang))
            },
        )));
        for (i, cell) in row.cells.iter().enumerate() {
            let x = i as f64;
            let (at, text) = match cell.percent {
                Some(p) => (PlotPoint::new(x, p), targets_text::percent_of_level(p, lang)),
                None => (PlotPoint::new(x, 0.0), cell.status_text.clone()),
            };
            plot.text(
                Text::new(
                    format!("bar_label_{i}"),
                    at,
                    RichText::new(text).strong().size(theme::BODY_PT),
                )
                .anchor(Align2::CENTER_BOTTOM)
                .color(status_color(cell.status)),
            );
        }
    });
    // The ✔/✘ of each bar just inside its top (below the percentage), so the outcome reads
    // without colour too.
    let painter = ui.painter_at(response.response.rect);
    for (i, cell) in row.cells.iter().enumerate() {
        let top = response.transform.position_from_point(&PlotPoint::new(i as f64, 0.0));
        let centre = match cell.percent {
            Some(p) => {
                let tip = response.transform.position_from_point(&PlotPoint::new(i as f64, p));
                // Inside a tall bar; above the label of one too short to hold the mark.
                if top.y - tip.y > 3.0 * MARK_RADIUS {
                    tip + vec2(0.0, 1.6 * MARK_RADIUS)
                } else {
                    tip - vec2(0.0, 28.0)
                }
            }
            None => top - vec2(0.0, 28.0),
        };
        paint_mark(&painter, centre, MARK_RADIUS, cell.status);
    }
    response.response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Figure, true, T::ChartLabel.get(lang))
    });
    bar_names(ui, report, &response.transform);
}

/// The chart's key: a dashed line and "target level (100 %)" (inside the plot the label would
/// run under the bars).
fn target_line_key(ui: &mut Ui, lang: Lang) {
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(vec2(28.0, 12.0), Sense::hover());
        let y = r.center().y;
        for i in 0..3 {
            let x = r.left() + i as f32 * 10.0;
            ui.painter().line_segment(
                [Pos2::new(x, y), Pos2::new(x + 6.0, y)],
                Stroke::new(1.5, theme::palette().text),
            );
        }
        ui.label(RichText::new(T::TargetLine.get(lang)).small());
    });
}

/// A ✔/✘ mark in the line of text, before the outcome's word.
fn mark_widget(ui: &mut Ui, status: Status) {
    let size = 2.0 * MARK_RADIUS;
    let (rect, _) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
    paint_mark(ui.painter(), rect.center(), MARK_RADIUS - 1.0, status);
}

/// The outcome's mark, drawn (the bundled fonts have no ✔ or ✘): a disc in the outcome's colour
/// with a white tick (attained), a cross (not attained) or an exclamation mark (cannot be
/// assessed).
fn paint_mark(painter: &egui::Painter, c: Pos2, r: f32, status: Status) {
    let white = Stroke::new((r * 0.28).max(1.5), egui::Color32::WHITE);
    let fill = match status {
        Status::NotAssessable => theme::palette().text_muted,
        other => theme::color(other.fill()),
    };
    painter.circle(c, r, fill, Stroke::new(1.0, egui::Color32::WHITE));
    match status {
        Status::Attained => {
            let points = vec![
                c + vec2(-0.5 * r, 0.05 * r),
                c + vec2(-0.12 * r, 0.42 * r),
                c + vec2(0.52 * r, -0.38 * r),
            ];
            painter.add(egui::Shape::line(points, white));
        }
        Status::NotAttained => {
            let d = 0.4 * r;
            painter.line_segment([c + vec2(-d, -d), c + vec2(d, d)], white);
            painter.line_segment([c + vec2(-d, d), c + vec2(d, -d)], white);
        }
        Status::NotAssessable => {
            painter.line_segment([c + vec2(0.0, -0.5 * r), c + vec2(0.0, 0.15 * r)], white);
            painter.circle_filled(c + vec2(0.0, 0.45 * r), white.width * 0.6, egui::Color32::WHITE);
        }
    }
}

/// Each scenario's name under its bar, wrapped to the bar's slot.
fn bar_names(ui: &mut Ui, report: &TargetReport, transform: &egui_plot::PlotTransform) {
    let (strip, _) =
        ui.allocate_exact_size(vec2(ui.available_width(), NAMES_HEIGHT), Sense::hover());
    let painter = ui.painter_at(strip);
    let x_of = |i: usize| transform.position_from_point(&PlotPoint::new(i as f64, 0.0)).x;
    let slot = (x_of(1) - x_of(0)).abs() - 6.0;
    for (i, column) in report.scenarios.iter().enumerate() {
        let mut job = egui::text::LayoutJob::simple(
            column.name.clone(),
            egui::FontId::proportional(theme::SMALL_PT),
            theme::palette().text,
            slot.max(40.0),
        );
        // Centred lines: the galley's x origin is then the centre of each line.
        job.halign = Align::Center;
        let galley = painter.layout_job(job);
        painter.galley(Pos2::new(x_of(i), strip.top() + 4.0), galley, theme::palette().text);
    }
}

/// The scenario choice, the legend, the map and the line under it.
fn map_panel(
    ui: &mut Ui,
    state: &AppState,
    row: &TargetRow,
    cache: &mut TargetsCache,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let report = state.targets();
    let map = state.target_map();
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(T::MapScenario.get(lang)).strong());
        let current = map.scenario_id;
        let shown = report
            .scenarios
            .iter()
            .find(|c| Some(c.id) == current)
            .map(|c| c.name.as_str())
            .unwrap_or_default();
        ComboBox::from_id_salt("targets_map_scenario")
            .width(ui.available_width().min(320.0))
            .truncate()
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for column in &report.scenarios {
                    let on = Some(column.id) == current;
                    if ui.selectable_label(on, &column.name).clicked() && !on {
                        actions.push(Action::SelectScenario(column.id));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    legend_row(ui, map);
    // Room for two lines of the note under the map.
    let note_height = 36.0;
    let size = vec2(ui.available_width(), (ui.available_height() - note_height).max(160.0));
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    paint_map(ui, state, map, rect, cache, actions);
    let note = if row.key.is_national() {
        let outcome = map
            .scenario_id
            .and_then(|id| row.cell(id))
            .map(|c| format!(" — {}: {}, {}", row.region_name, c.status_text, c.value_text))
            .unwrap_or_default();
        format!("{}{outcome}", T::WholeCountry.get(lang))
    } else {
        T::RegionsWithTarget.get(lang).to_string()
    };
    ui.add(Label::new(RichText::new(note).small().color(theme::palette().text_muted)).wrap());
}

/// A swatch and a label per legend line: attained, not attained, no target (and cannot be
/// assessed when a region is).
fn legend_row(ui: &mut Ui, map: &TargetMap) {
    ui.horizontal_wrapped(|ui| {
        for item in &map.scene.legend.items {
            let (fill, label, hatched) = match item {
                LegendItem::Class { fill, label } => (fill, label, false),
                LegendItem::NoData { fill, label } => (fill, label, true),
                _ => continue,
            };
            // The outcome's mark beside its swatch, as on the map and in the table.
            let status = if *fill == ATTAINED_FILL {
                Some(Status::Attained)
            } else if *fill == NOT_ATTAINED_FILL {
                Some(Status::NotAttained)
            } else {
                None
            };
            let (r, _) = ui.allocate_exact_size(vec2(18.0, 12.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, theme::color(*fill));
            ui.painter().rect_stroke(
                r,
                2.0,
                Stroke::new(1.0, theme::palette().border),
                egui::StrokeKind::Inside,
            );
            if hatched {
                let color = theme::color(crate::map::style::NO_DATA_HATCH);
                ui.painter()
                    .line_segment([r.left_bottom(), r.right_top()], Stroke::new(1.0, color));
            }
            if let Some(status) = status {
                mark_widget(ui, status);
            }
            ui.label(RichText::new(label).small());
            ui.add_space(6.0);
        }
    });
}

/// The attainment map, the whole country in view: hover shows the region's value and outcome,
/// a click selects the region (as on every map).
fn paint_map(
    ui: &mut Ui,
    state: &AppState,
    map: &TargetMap,
    rect: Rect,
    cache: &mut TargetsCache,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let scene = &map.scene;
    let id = ui.scope_id().with("targets_map");
    let response = ui.interact(rect, id, Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, T::MapLabel.get(lang)));
    let transform =
        Camera::default().transform(scene.bounds, [0.0, 0.0, rect.width(), rect.height()]);
    let to_world =
        |p: Pos2| -> WorldPos { transform.to_world([p.x - rect.min.x, p.y - rect.min.y]) };
    let hovered = response.hover_pos().and_then(|p| scene.region_at(to_world(p)));
    map_view::paint_scene(
        ui,
        rect,
        scene,
        state.target_map_version(),
        transform,
        hovered,
        &mut cache.map,
    );
    let painter = ui.painter_at(rect);
    // The one mark of a national target stands for the whole country: larger.
    let national = map.key.as_ref().is_some_and(|k| k.is_national());
    let radius = if national { 1.75 * MARK_RADIUS } else { MARK_RADIUS };
    for (world, status) in &map.marks {
        let [x, y] = transform.to_screen(*world);
        paint_mark(&painter, rect.min + vec2(x, y), radius, *status);
    }
    map_view::paint_panel_frame(&painter, rect, &scene.title, theme::BODY_PT);
    if response.clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let hit = scene.region_at(to_world(pointer)).map(|r| r.code.clone());
        actions.push(Action::Select(hit));
    }
    if let Some(region) = hovered {
        response.on_hover_ui_at_pointer(|ui| {
            ui.label(RichText::new(&region.name).strong());
            ui.label(&region.value_label);
            if let Some(note) = &region.note {
                ui.label(note);
            }
        });
    }
}
