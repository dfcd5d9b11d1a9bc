//! The chart area (egui_plot): the current indicator over time for the selected region against
//! the national value or the regional median, and the ranking of all regions in the current year
//! as horizontal bars — clicking a bar (or its name) selects that region.

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Align2, Color32, FontId, Pos2, RichText, Sense, Stroke, Ui, vec2};
use egui_plot::{Bar, BarChart, GridMark, Line, LineStyle, Plot, PlotPoint, Points, VLine};

use crate::app::{Action, AppState, Reference};
use crate::i18n::{UiText, format_number};
use crate::model::Lang;
use crate::ui::theme;

/// Width of the column of region names left of the ranking bars, points.
const NAMES_WIDTH: f32 = 170.0;
/// Bars are as thick as for this many regions even when fewer have data, so a year with gaps
/// does not look like a different chart.
const MIN_SLOTS: usize = 17;
/// Font size of the names in the ranking, points.
const NAME_PT: f32 = 11.0;

/// Where the ranking's bars were drawn, to find a bar on screen (tests, tools).
#[derive(Debug, Clone, Default)]
pub struct RankingLayout {
    centers: Vec<Pos2>,
}

impl RankingLayout {
    pub fn bar_center(&self, index: usize) -> Option<Pos2> {
        self.centers.get(index).copied()
    }
}

/// Both charts side by side; returns where the ranking's bars are.
pub fn show(
    ui: &mut Ui,
    state: &AppState,
    sizes: theme::PanelSizes,
    actions: &mut Vec<Action>,
) -> Option<RankingLayout> {
    let height = ui.available_height();
    ui.allocate_ui(vec2(sizes.time_chart_width, height), |ui| {
        ui.set_width(sizes.time_chart_width);
        ui.vertical(|ui| time_chart(ui, state, actions));
    });
    ui.separator();
    ui.allocate_ui(vec2(sizes.ranking_width, height), |ui| {
        ui.set_width(sizes.ranking_width);
        ui.vertical(|ui| ranking_chart(ui, state, actions)).inner
    })
    .inner
}

/// Tick labels of a year axis: whole years only.
pub(super) fn year_tick(mark: GridMark) -> String {
    if mark.value.fract().abs() < 1e-9 { format!("{}", mark.value as i64) } else { String::new() }
}

/// Tick labels of a value axis in the reader's number format, with as many decimals as the
/// step between ticks needs.
pub(super) fn value_tick(mark: GridMark, lang: Lang) -> String {
    let decimals = if mark.step_size >= 1.0 {
        0
    } else if mark.step_size >= 0.1 {
        1
    } else {
        2
    };
    format_number(mark.value, decimals, lang)
}

/// The indicator over the years for the selected unit and its reference, the year marked.
pub(super) fn time_chart(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let chart = state.chart();
    let title = match &chart.region_name {
        Some(region) => format!("{} — {region}", chart.indicator_name),
        None => chart.indicator_name.clone(),
    };
    ui.label(RichText::new(title).strong()).on_hover_text(&chart.unit);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(UiText::CompareWith.get(lang)).small().color(theme::palette().text_muted),
        );
        for (reference, text) in [
            (Reference::National, UiText::NationalValue),
            (Reference::Median, UiText::RegionalMedian),
        ] {
            let on = state.reference() == reference;
            if ui.selectable_label(on, text.get(lang)).clicked() && !on {
                actions.push(Action::SetReference(reference));
            }
        }
    });
    if chart.region_name.is_none() {
        ui.label(
            RichText::new(UiText::ChooseRegionForChart.get(lang))
                .small()
                .color(theme::palette().text_muted),
        );
    }
    let year = f64::from(state.view().year);
    let top = chart
        .region
        .iter()
        .chain(&chart.reference)
        .chain(chart.predecessor.iter().flat_map(|(_, s)| s))
        .map(|p| p[1])
        .fold(0.0_f64, f64::max);
    series_key(ui, chart);
    let plot = fixed_plot("time_chart")
        .include_y(top * 1.05)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| year_tick(mark))
        .y_axis_formatter(move |mark, _| value_tick(mark, lang))
        .y_axis_min_width(48.0);
    let response = plot.show(ui, |plot| {
        plot.vline(VLine::new("", year).color(theme::palette().border).width(1.0));
        plot.line(
            Line::new(chart.reference_name.clone(), chart.reference.clone())
                .color(theme::palette().reference)
                .width(2.0)
                .style(LineStyle::dashed_loose()),
        );
        if let Some((name, series)) = &chart.predecessor {
            plot.line(
                Line::new(name.clone(), series.clone())
                    .color(theme::palette().accent.gamma_multiply(0.55))
                    .width(2.0)
                    .style(LineStyle::dashed_dense()),
            );
        }
        if let Some(name) = &chart.region_name {
            plot.line(
                Line::new(name.clone(), chart.region.clone())
                    .color(theme::palette().accent)
                    .width(2.5),
            );
            plot.points(
                Points::new(name.clone(), chart.region.clone())
                    .color(theme::palette().accent)
                    .radius(3.0),
            );
        }
    });
    response.response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Figure, true, chart.indicator_name.clone())
    });
}

/// The chart's key above the plot (a legend inside would hide the lines): a short line in each
/// series' colour and style, then its name.
fn series_key(ui: &mut Ui, chart: &crate::app::ChartModel) {
    let mut entries: Vec<(&str, Color32, bool)> = Vec::new();
    if let Some(name) = &chart.region_name {
        entries.push((name, theme::palette().accent, false));
    }
    if let Some((name, _)) = &chart.predecessor {
        entries.push((name, theme::palette().accent.gamma_multiply(0.55), true));
    }
    entries.push((&chart.reference_name, theme::palette().reference, true));
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (name, color, dashed) in entries {
            let (r, _) = ui.allocate_exact_size(vec2(18.0, 10.0), Sense::hover());
            let y = r.center().y;
            let stroke = Stroke::new(2.0, color);
            if dashed {
                ui.painter().add(egui::Shape::dashed_line(
                    &[Pos2::new(r.left(), y), Pos2::new(r.right(), y)],
                    stroke,
                    4.0,
                    3.0,
                ));
            } else {
                ui.painter()
                    .line_segment([Pos2::new(r.left(), y), Pos2::new(r.right(), y)], stroke);
            }
            ui.label(RichText::new(name).small());
            ui.add_space(6.0);
        }
    });
}

fn ranking_chart(
    ui: &mut Ui,
    state: &AppState,
    actions: &mut Vec<Action>,
) -> Option<RankingLayout> {
    let lang = state.lang();
    let rows = state.ranking();
    let view = state.view();
    let unit =
        state.dataset().indicator(&view.indicator).map(|d| d.unit.get(lang)).unwrap_or_default();
    ui.label(RichText::new(format!("{}, {}", UiText::Ranking.get(lang), view.year)).strong())
        .on_hover_text(unit);
    ui.label(RichText::new(unit).small().color(theme::palette().text_muted));
    if rows.is_empty() {
        ui.label(
            RichText::new(crate::i18n::MapText::NoData.get(lang))
                .color(theme::palette().text_muted),
        );
        return None;
    }
    let n = rows.len();
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let selected = state.is_selected_rank(row);
            let fill = theme::color(row.fill);
            Bar::new(-(i as f64), row.value)
                .name(&row.name)
                .fill(fill)
                .stroke(if selected {
                    Stroke::new(2.0, theme::color(crate::map::style::SELECTED_OUTLINE))
                } else {
                    Stroke::new(0.5, fill.gamma_multiply(0.6))
                })
                .width(0.72)
        })
        .collect();
    let labels: Vec<String> =
        rows.iter().map(|r| format!("{}\n{}", r.name, r.value_label)).collect();
    let chart =
        BarChart::new("ranking", bars).horizontal().element_formatter(Box::new(move |bar, _| {
            let index = (-bar.argument).round() as usize;
            labels.get(index).cloned().unwrap_or_default()
        }));
    let max = rows.iter().map(|r| r.value).fold(0.0_f64, f64::max);

    let mut layout = RankingLayout::default();
    ui.horizontal_top(|ui| {
        let names_rect =
            ui.allocate_exact_size(vec2(NAMES_WIDTH, ui.available_height()), Sense::click());
        let plot = fixed_plot("ranking")
            .show_axes([true, false])
            .show_grid([true, false])
            .show_background(false)
            .include_x(0.0)
            .include_x(max * 1.02)
            .include_y(0.6)
            .include_y(-(n.max(MIN_SLOTS) as f64) + 0.4)
            .set_margin_fraction(vec2(0.0, 0.0))
            .x_axis_formatter(move |mark, _| value_tick(mark, lang));
        let response = plot.show(ui, |plot| plot.bar_chart(chart));
        let transform = response.transform;
        layout.centers = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                transform.position_from_point(&PlotPoint::new(r.value / 2.0, -(i as f64)))
            })
            .collect();
        response.response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Figure, true, UiText::Ranking.get(lang))
        });
        // A click on a bar, or on the name beside it, selects that unit.
        let clicked_y = if response.response.clicked() {
            response.response.interact_pointer_pos().map(|p| transform.value_from_position(p).y)
        } else if names_rect.1.clicked() {
            names_rect.1.interact_pointer_pos().map(|p| transform.value_from_position(p).y)
        } else {
            None
        };
        if let Some(y) = clicked_y {
            let index = (-y).round();
            if index >= 0.0
                && let Some(row) = rows.get(index as usize)
            {
                actions.push(Action::Select(Some(row.code.clone())));
            }
        }
        // Names right-aligned beside their bars.
        let painter = ui.painter_at(names_rect.0);
        // On a short panel the bars are closer than a line of text: name every other one (and
        // always the selected one) so the names stay readable.
        let spacing =
            (transform.position_from_point_y(-1.0) - transform.position_from_point_y(0.0)).abs();
        let every = if spacing < NAME_PT { 2 } else { 1 };
        for (i, row) in rows.iter().enumerate() {
            let y = transform.position_from_point_y(-(i as f64));
            let selected = state.is_selected_rank(row);
            if i % every != 0 && !selected {
                continue;
            }
            let color = if selected { theme::palette().accent } else { theme::palette().text };
            let text = format!("{}. {}", row.rank, row.name);
            let galley = painter.layout_job(one_line(text, NAMES_WIDTH - 8.0, color));
            let pos = Align2::RIGHT_CENTER
                .anchor_size(Pos2::new(names_rect.0.right() - 6.0, y), galley.size())
                .min;
            painter.galley(pos, galley, color);
        }
    });
    Some(layout)
}

/// `text` on one line of at most `width` points, cut with "…" when longer.
fn one_line(text: String, width: f32, color: Color32) -> LayoutJob {
    let mut job = LayoutJob::single_section(
        text,
        TextFormat { font_id: FontId::proportional(NAME_PT), color, ..TextFormat::default() },
    );
    job.wrap = TextWrapping::truncate_at_width(width);
    job
}

/// A plot that does not pan or zoom: the charts follow the app's year and selection instead.
pub(super) fn fixed_plot(id: &str) -> Plot<'_> {
    Plot::new(id)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
}
