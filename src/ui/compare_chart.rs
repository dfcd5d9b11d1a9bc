//! The compare view's chart (egui_plot): the compared indicator over the years for the selected
//! region, or the country while nothing is selected — the reported history as one dark line,
//! each scenario of the file as a line over its projected years (the sides A and B bold, the
//! others thin) and a vertical marker at the compared year. The series are prepared with the
//! comparison (`CompareChart`), so a frame only draws them.

use egui::{Color32, Pos2, RichText, Sense, Stroke, Ui, vec2};
use egui_plot::{GridInput, GridMark, HoverPosition, Line, LineStyle, VLine};

use crate::app::{AppState, CompareChart, SeriesRole};
use crate::i18n::format_value;
use crate::i18n::scenario_ui_text::ScenarioUiText as T;
use crate::ui::chart_area::{fixed_plot, value_tick, year_tick};
use crate::ui::theme;

/// Colour of side B's line: an orange that stays apart from the blue with every common
/// colour-vision deficiency (Okabe–Ito vermillion).
const SIDE_B: Color32 = Color32::from_rgb(0xd5, 0x5e, 0x00);
/// The other scenarios: thin grey lines.
const OTHER: Color32 = Color32::from_rgb(0x9a, 0xa3, 0xad);

/// Colour, width and dashing of a line by what it stands for.
fn look(role: SeriesRole) -> (Color32, f32, bool) {
    match role {
        SeriesRole::History => (theme::palette().text, 2.5, false),
        // Side A: the theme's accent blue.
        SeriesRole::SideA => (theme::palette().accent, 2.5, false),
        SeriesRole::SideB => (SIDE_B, 2.5, true),
        SeriesRole::Other => (OTHER, 1.2, false),
    }
}

/// The chart's title, its key and the plot of the comparison's `CompareChart`.
pub fn show(ui: &mut Ui, state: &AppState) {
    let lang = state.lang();
    let chart = &state.comparison().chart;
    ui.label(RichText::new(&chart.title).strong()).on_hover_text(&chart.unit);
    ui.label(
        RichText::new(format!("{} · {}", T::ChartTitle.get(lang), chart.unit))
            .small()
            .color(theme::palette().text_muted),
    );
    if chart.series.is_empty() {
        ui.label(RichText::new(T::ChartNoData.get(lang)).color(theme::palette().text_muted));
        return;
    }
    series_key(ui, chart);
    let year = f64::from(chart.year);
    let (decimals, unit) = (chart.decimals, chart.unit.as_str());
    let plot = fixed_plot("compare_chart")
        .x_axis_formatter(|mark, _| year_tick(mark))
        .x_grid_spacer(year_marks)
        .y_axis_formatter(move |mark, _| value_tick(mark, lang))
        .y_axis_min_width(48.0)
        .include_x(year)
        .label_formatter(move |pos| match pos {
            HoverPosition::NearDataPoint { plot_name, position, .. } if !plot_name.is_empty() => {
                let value = format_value(Some(position.y), decimals, unit, lang);
                Some(format!("{plot_name}\n{:.0}: {value}", position.x))
            }
            _ => None,
        });
    let response = plot.show(ui, |plot| {
        plot.vline(
            VLine::new(chart.year.to_string(), year)
                .color(theme::palette().text_muted)
                .width(1.5)
                .style(LineStyle::dashed_loose()),
        );
        // Thin lines first, so the sides and the history are drawn over them.
        let order = [SeriesRole::Other, SeriesRole::History, SeriesRole::SideA, SeriesRole::SideB];
        for role in order {
            for s in chart.series.iter().filter(|s| s.role == role) {
                let (color, width, dashed) = look(role);
                let line = Line::new(s.name.clone(), s.points.clone()).color(color).width(width);
                let line = if dashed { line.style(LineStyle::dashed_dense()) } else { line };
                plot.line(line);
            }
        }
    });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, chart.title.clone()));
}

/// Year marks: every year, labelled every second year over a short span and every fifth over
/// a long one (the default spacer labels only decades, which leaves a 2022–2030 chart with one
/// label).
fn year_marks(input: GridInput) -> Vec<GridMark> {
    let (first, last) = input.bounds;
    let label_step = if last - first <= 12.0 { 2.0 } else { 5.0 };
    let mut marks = Vec::new();
    let mut year = first.ceil();
    while year <= last {
        let step = if year % (2.0 * label_step) == 0.0 {
            2.0 * label_step
        } else if year % label_step == 0.0 {
            label_step
        } else {
            1.0
        };
        marks.push(GridMark { value: year, step_size: step });
        year += 1.0;
    }
    marks
}

/// The chart's key above the plot: a short line in each series' colour, then its name; each
/// entry one item, so the key wraps between entries, never inside one.
fn series_key(ui: &mut Ui, chart: &CompareChart) {
    const SAMPLE: f32 = 18.0;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for s in &chart.series {
            let (color, width, dashed) = look(s.role);
            let text_color = if s.role == SeriesRole::Other {
                theme::palette().text_muted
            } else {
                theme::palette().text
            };
            let galley = ui.painter().layout_no_wrap(
                s.name.clone(),
                egui::FontId::proportional(theme::SMALL_PT),
                text_color,
            );
            let size = vec2(SAMPLE + 4.0 + galley.size().x, galley.size().y.max(10.0));
            let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &s.name));
            let y = rect.center().y;
            let stroke = Stroke::new(width.min(2.0), color);
            let ends = [Pos2::new(rect.left(), y), Pos2::new(rect.left() + SAMPLE, y)];
            if dashed {
                ui.painter().add(egui::Shape::dashed_line(&ends, stroke, 4.0, 2.0));
            } else {
                ui.painter().line_segment(ends, stroke);
            }
            let at = Pos2::new(rect.left() + SAMPLE + 4.0, y - galley.size().y / 2.0);
            ui.painter().galley(at, galley, text_color);
        }
    });
}
