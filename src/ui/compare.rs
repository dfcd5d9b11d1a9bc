//! The compare view: two sides (a scenario or the actual data), the indicator and a year slider
//! over base year..=horizon with play/pause; three maps in a row — A and B on one colour scale,
//! and their difference (B − A or B / A − 1) on a diverging scale — with linked pan, zoom and
//! selection; below, the chart of the selected region over the years and a table of A, B and
//! their difference per region whose headers sort it.

use std::time::Duration;

use egui::{
    Button, ComboBox, Label, Layout, Pos2, Rect, RichText, Sense, Slider, Stroke, Ui, vec2,
};
use egui_extras::{Column, TableBuilder};

use crate::app::{Action, AppState, CompareSortKey, DifferenceMode, Side, Source};
use crate::i18n::scenario_ui_text::{self, ScenarioUiText as T};
use crate::i18n::{UiText, map_text};
use crate::map::{LegendItem, WorldPos, style};
use crate::ui::map_view::{self, MapCache};
use crate::ui::{compare_chart, theme};

/// Most of the view's height the maps take.
const MAPS_MAX_SHARE: f32 = 0.5;
/// Height of a map per point of its width: the country is about twice as wide as high, plus
/// room for the title.
const MAP_HEIGHT_PER_WIDTH: f32 = 0.62;
/// Width of the side and indicator choices, points.
const CHOICE_WIDTH: f32 = 200.0;
/// A choice with its label, at most (the combo box's text is cut to fit).
const CHOICE_GROUP_WIDTH: f32 = CHOICE_WIDTH + 90.0;
/// The year's label, slider, value and play button.
const YEAR_GROUP_WIDTH: f32 = 300.0;
/// Share of the view's width the table takes beside the chart.
const TABLE_SHARE: f32 = 0.48;
const NAME_WIDTH: f32 = 200.0;
const NAME_MIN_WIDTH: f32 = 130.0;
const VALUE_WIDTH: f32 = 118.0;
const VALUE_MIN_WIDTH: f32 = 80.0;
const SCROLL_BAR_WIDTH: f32 = 16.0;
/// Size of the titles over the three maps, points.
const MAP_TITLE_PT: f32 = 12.5;
/// Zoom per pixel of scroll wheel (as on the main map).
const SCROLL_ZOOM_PER_PX: f32 = 0.0025;
/// Seconds each year is shown while the years play.
pub const PLAY_STEP_SECONDS: f64 = 0.7;

/// What the compare view keeps between frames: where its maps were drawn (for tests and
/// scripted demos) and the year player.
#[derive(Default)]
pub struct CompareCache {
    /// A, B and the difference map.
    pub maps: [MapCache; 3],
    player: Player,
}

impl CompareCache {
    /// Whether the years are playing.
    pub fn playing(&self) -> bool {
        self.player.playing
    }
}

/// The year player: while playing, the year moves on by one every `PLAY_STEP_SECONDS` until the
/// last year of the comparison, where it stops.
#[derive(Debug, Clone, Copy, Default)]
struct Player {
    playing: bool,
    /// `egui` time of the last step (or of the press of play).
    last_step: f64,
}

/// How much of the compare view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareLayout {
    /// Controls, maps and legends, then the chart beside the table (the working screen).
    Full,
    /// Controls, maps and legends only: in presentation the type is large and the chart and
    /// table would be cut off (they have slides of their own).
    MapsOnly,
}

/// The compare view: controls, the three maps with their legends, then (in the full layout)
/// the chart beside the table.
pub fn show(
    ui: &mut Ui,
    state: &AppState,
    cache: &mut CompareCache,
    layout: CompareLayout,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    // Taken before anything is laid out: a widget that overflows widens the `Ui`, and the maps
    // and the table must still fit the panel.
    let width = ui.available_width();
    ui.label(RichText::new(T::CompareTitle.get(lang)).strong().size(theme::HEADING_PT - 2.0));
    ui.horizontal_wrapped(|ui| {
        // Each choice is one item of the wrapping row, so a label never wraps apart from its
        // control and the row wraps instead of overflowing.
        group(ui, CHOICE_GROUP_WIDTH, |ui| side_choice(ui, state, Side::A, actions));
        group(ui, CHOICE_GROUP_WIDTH, |ui| side_choice(ui, state, Side::B, actions));
        group(ui, CHOICE_GROUP_WIDTH, |ui| indicator_choice(ui, state, actions));
        group(ui, YEAR_GROUP_WIDTH, |ui| {
            year_slider(ui, state, actions);
            play_button(ui, state, &mut cache.player, actions);
        });
    });
    ui.add_space(4.0);
    let third = (width - 2.0 * theme::MARGIN) / 3.0;
    let maps_height =
        (third * MAP_HEIGHT_PER_WIDTH).min(ui.available_height() * MAPS_MAX_SHARE).max(160.0);
    let (outer, _) = ui.allocate_exact_size(vec2(width, maps_height), Sense::hover());
    let labels = [T::CompareMapLabelA, T::CompareMapLabelB, T::CompareMapLabelDifference];
    for (i, label) in labels.into_iter().enumerate() {
        let at = outer.min + vec2(i as f32 * (third + theme::MARGIN), 0.0);
        let rect = Rect::from_min_size(at, vec2(third, maps_height));
        if let Some(map) = cache.maps.get_mut(i) {
            compare_map(ui, state, i, rect, label.get(lang), map, actions);
        }
    }
    ui.add_space(4.0);
    legend_row(ui, state, third, actions);
    if layout == CompareLayout::MapsOnly {
        return;
    }
    ui.add_space(4.0);
    ui.separator();
    let height = ui.available_height();
    let columns = TableColumns::for_width(width * TABLE_SHARE, ui.spacing().item_spacing.x);
    let chart_width = width - columns.total - 2.0 * theme::MARGIN;
    ui.horizontal_top(|ui| {
        ui.allocate_ui(vec2(chart_width, height), |ui| {
            ui.set_width(chart_width);
            ui.vertical(|ui| compare_chart::show(ui, state));
        });
        ui.separator();
        ui.vertical(|ui| table(ui, state, columns, actions));
    });
}

/// `add` laid out left to right in at most `width` points, as one item of a wrapping row.
fn group(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        vec2(width, height),
        Layout::left_to_right(egui::Align::Center),
        add,
    );
}

/// Widths of the compare table's columns.
#[derive(Debug, Clone, Copy)]
struct TableColumns {
    name: f32,
    value: f32,
    /// The whole table with spacing and scroll bar.
    total: f32,
}

impl TableColumns {
    /// Columns for a table of about `width` points: values up to `VALUE_WIDTH`, names between
    /// `NAME_MIN_WIDTH` and `NAME_WIDTH`.
    fn for_width(width: f32, spacing: f32) -> TableColumns {
        let extra = 4.0 * spacing + SCROLL_BAR_WIDTH;
        let value = ((width - extra - NAME_MIN_WIDTH) / 3.0).clamp(VALUE_MIN_WIDTH, VALUE_WIDTH);
        let name = (width - extra - 3.0 * value).clamp(NAME_MIN_WIDTH, NAME_WIDTH);
        TableColumns { name, value, total: name + 3.0 * value + extra }
    }
}

/// A choice of what side `side` shows: the actual data or one of the file's scenarios.
fn side_choice(ui: &mut Ui, state: &AppState, side: Side, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let ds = state.dataset();
    let (a, b) = state.compare_sources();
    let (current, letter, name) = match side {
        Side::A => (a, T::SideA, &state.comparison().a_name),
        Side::B => (b, T::SideB, &state.comparison().b_name),
    };
    let label = ui.label(RichText::new(letter.get(lang)).strong());
    let options =
        std::iter::once(Source::Actual).chain(ds.scenarios.iter().map(|s| Source::Scenario(s.id)));
    ComboBox::from_id_salt(("compare_side", letter.get(crate::model::Lang::En)))
        .width(CHOICE_WIDTH)
        .truncate()
        .selected_text(name.as_str())
        .show_ui(ui, |ui| {
            for option in options {
                let text = crate::app::scenarios::source_name(ds, option, lang);
                let on = option == current;
                if ui.selectable_label(on, text).clicked() && !on {
                    actions.push(Action::SetCompareSource(side, option));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The projected indicator both maps and the table show.
fn indicator_choice(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let label = ui.label(UiText::Indicator.get(lang));
    let current = state.compare_indicator();
    let defs = state.projections().first().map(|p| p.indicators.as_slice()).unwrap_or_default();
    ComboBox::from_id_salt("compare_indicator")
        .width(CHOICE_WIDTH)
        .truncate()
        .selected_text(state.comparison().indicator_name.as_str())
        .show_ui(ui, |ui| {
            for def in defs {
                let on = def.key == current;
                if ui.selectable_label(on, def.names.get(lang)).clicked() && !on {
                    actions.push(Action::SetCompareIndicator(def.key.clone()));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The year, from the earliest base year to the latest horizon of the two sides.
fn year_slider(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let (first, last) = state.compare_years();
    let label = ui.label(UiText::Year.get(lang));
    let mut year = state.compare_year();
    let response = ui
        .add_enabled(last > first, Slider::new(&mut year, first..=last).step_by(1.0))
        .labelled_by(label.id)
        .on_hover_text(scenario_ui_text::projected_years(first, last, lang));
    if response.changed() {
        actions.push(Action::SetCompareYear(year));
    }
}

/// Play/pause of the years: from the current year (from the first when at the last) one year
/// every `PLAY_STEP_SECONDS`, stopping at the last.
fn play_button(ui: &mut Ui, state: &AppState, player: &mut Player, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let (first, last) = state.compare_years();
    let year = state.compare_year();
    let now = ui.input(|i| i.time);
    let name = if player.playing { T::Pause } else { T::Play };
    let enabled = last > first;
    let response = ui
        .add_enabled(enabled, Button::new("").min_size(vec2(30.0, 22.0)))
        .on_hover_text(name.get(lang));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name.get(lang)));
    // The icon is drawn: the bundled fonts have no ▶ or ⏸.
    let color = if enabled { theme::palette().text } else { theme::palette().text_muted };
    let c = response.rect.center();
    if player.playing {
        for dx in [-3.5, 3.5] {
            let bar = Rect::from_center_size(c + vec2(dx, 0.0), vec2(3.5, 11.0));
            ui.painter().rect_filled(bar, 0.5, color);
        }
    } else {
        ui.painter().add(egui::Shape::convex_polygon(
            vec![c + vec2(-4.0, -6.0), c + vec2(6.0, 0.0), c + vec2(-4.0, 6.0)],
            color,
            Stroke::NONE,
        ));
    }
    if response.clicked() {
        player.playing = !player.playing;
        player.last_step = now;
        if player.playing && year >= last {
            actions.push(Action::SetCompareYear(first));
        }
        ui.ctx().request_repaint_after(Duration::from_secs_f64(PLAY_STEP_SECONDS));
        return;
    }
    if !player.playing {
        return;
    }
    if year >= last || !enabled {
        player.playing = false;
        return;
    }
    let due = player.last_step + PLAY_STEP_SECONDS;
    if now >= due {
        actions.push(Action::SetCompareYear(year + 1));
        player.last_step = now;
        player.playing = year + 1 < last;
    }
    if player.playing {
        let wait = (player.last_step + PLAY_STEP_SECONDS - now).max(0.0);
        ui.ctx().request_repaint_after(Duration::from_secs_f64(wait));
    }
}

/// What the difference map shows: B − A, or the change in per cent of A.
fn mode_choice(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let current = state.difference_mode();
    for (mode, text) in
        [(DifferenceMode::Absolute, T::ModeDifference), (DifferenceMode::Relative, T::ModeChange)]
    {
        let on = current == mode;
        let response = ui.selectable_label(on, text.get(lang)).on_hover_text(T::ModeHint.get(lang));
        if response.clicked() && !on {
            actions.push(Action::SetDifferenceMode(mode));
        }
    }
}

/// The legends under the maps: the shared scale of A and B under those two; under the
/// difference map its mode and its diverging scale.
fn legend_row(ui: &mut Ui, state: &AppState, third: f32, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let c = state.comparison();
    let wrapped = Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let shared_width = 2.0 * third + theme::MARGIN;
        ui.allocate_ui_with_layout(vec2(shared_width, 0.0), wrapped, |ui| {
            ui.set_width(shared_width);
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.label(RichText::new(format!("{}, {}", c.indicator_name, c.unit)).small().strong());
            ui.label(
                RichText::new(T::SameScale.get(lang)).small().color(theme::palette().text_muted),
            );
            ui.add_space(4.0);
            swatches(ui, &c.legend);
        });
        ui.add_space(theme::MARGIN);
        let Some(difference) = c.scenes.get(2) else { return };
        ui.allocate_ui_with_layout(vec2(third, 0.0), wrapped, |ui| {
            ui.set_width(third);
            ui.spacing_mut().item_spacing.x = 4.0;
            mode_choice(ui, state, actions);
            ui.end_row();
            let legend = &difference.legend;
            let heading = if legend.unit.is_empty() {
                legend.title.clone()
            } else {
                format!("{}, {}", legend.title, legend.unit)
            };
            ui.label(RichText::new(heading).small().strong());
            swatches(ui, &legend.items);
        });
    });
}

/// One swatch and its label per class (and "no data") of a legend, each one item so that the
/// row wraps between them.
fn swatches(ui: &mut Ui, items: &[LegendItem]) {
    const SWATCH: egui::Vec2 = vec2(18.0, 12.0);
    for item in items {
        let (fill, label) = match item {
            LegendItem::Class { fill, label } | LegendItem::NoData { fill, label } => (fill, label),
            _ => continue,
        };
        let galley = ui.painter().layout_no_wrap(
            label.clone(),
            egui::FontId::proportional(theme::SMALL_PT),
            theme::palette().text,
        );
        let size = vec2(SWATCH.x + 4.0 + galley.size().x + 8.0, galley.size().y.max(SWATCH.y));
        let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
        let swatch = Rect::from_min_size(rect.left_center() - vec2(0.0, SWATCH.y / 2.0), SWATCH);
        let painter = ui.painter();
        painter.rect_filled(swatch, 2.0, theme::color(*fill));
        if matches!(item, LegendItem::NoData { .. }) {
            hatch(&ui.painter_at(swatch), swatch);
        }
        painter.rect_stroke(
            swatch,
            2.0,
            Stroke::new(0.5, theme::palette().border),
            egui::StrokeKind::Inside,
        );
        let at = egui::pos2(swatch.right() + 4.0, rect.center().y - galley.size().y / 2.0);
        painter.galley(at, galley, theme::palette().text);
    }
}

/// The no-data hatching of the maps over a legend swatch.
fn hatch(painter: &egui::Painter, r: Rect) {
    let stroke = Stroke::new(theme::HATCH_WIDTH_PX, theme::color(style::NO_DATA_HATCH));
    let mut k = -r.height();
    while k < r.width() {
        let from = Pos2::new(r.left() + k, r.bottom());
        painter.line_segment([from, from + vec2(r.height(), -r.height())], stroke);
        k += theme::HATCH_SPACING_PX;
    }
}

/// One of the three maps: painted with the shared camera; drag, scroll and click act on both.
fn compare_map(
    ui: &mut Ui,
    state: &AppState,
    index: usize,
    rect: Rect,
    label: &str,
    cache: &mut MapCache,
    actions: &mut Vec<Action>,
) {
    let Some(scene) = state.comparison().scenes.get(index) else { return };
    let id = ui.scope_id().with(("compare_map", index));
    let response = ui.interact(rect, id, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, label));
    let transform =
        state.compare_camera().transform(scene.bounds, [0.0, 0.0, rect.width(), rect.height()]);
    let to_world =
        |p: Pos2| -> WorldPos { transform.to_world([p.x - rect.min.x, p.y - rect.min.y]) };
    let hovered = response.hover_pos().and_then(|p| scene.region_at(to_world(p)));
    map_view::paint_scene(ui, rect, scene, state.compare_version(), transform, hovered, cache);
    let painter = ui.painter_at(rect);
    map_view::paint_panel_frame(&painter, rect, &scene.title, MAP_TITLE_PT);

    if response.dragged() {
        let d = response.drag_delta();
        if d != egui::Vec2::ZERO {
            actions.push(Action::ComparePan([-d.x / transform.scale, d.y / transform.scale]));
        }
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll * SCROLL_ZOOM_PER_PX).exp();
        if (factor - 1.0).abs() > 1e-4 {
            actions.push(Action::CompareZoomAt { factor, anchor: to_world(pointer) });
        }
    }
    if response.double_clicked() {
        actions.push(Action::CompareResetCamera);
    } else if response.clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let hit = scene.region_at(to_world(pointer)).map(|r| r.code.clone());
        actions.push(Action::Select(hit));
    }
    if let Some(region) = hovered {
        let lang = state.lang();
        let row = state.comparison().row(&region.code).filter(|_| index == 2);
        response.on_hover_ui_at_pointer(|ui| {
            ui.label(RichText::new(&region.name).strong());
            ui.label(&region.value_label);
            if let Some(row) = row {
                let muted = |side: T, text: &str| {
                    RichText::new(format!("{}: {text}", side.get(lang)))
                        .color(theme::palette().text_muted)
                };
                ui.label(muted(T::SideA, &row.a_text));
                ui.label(muted(T::SideB, &row.b_text));
            }
            if let Some(rank) = region.rank {
                let count = scene.regions.iter().filter(|r| !r.no_data).count();
                ui.label(
                    RichText::new(map_text::rank_of(rank, count, lang))
                        .color(theme::palette().text_muted),
                );
            }
        });
    }
}

/// Region, A, B and B − A; a click on a header sorts by it, a click on a row selects the region.
fn table(ui: &mut Ui, state: &AppState, columns: TableColumns, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let c = state.comparison();
    let sort = state.compare_sort();
    let a_header = format!("{}: {}", T::SideA.get(lang), c.a_name);
    let b_header = format!("{}: {}", T::SideB.get(lang), c.b_name);
    let headers = [
        (UiText::Region.get(lang).to_string(), CompareSortKey::Name),
        (a_header, CompareSortKey::A),
        (b_header, CompareSortKey::B),
        (
            match c.mode {
                DifferenceMode::Absolute => T::Difference,
                DifferenceMode::Relative => T::ModeChange,
            }
            .get(lang)
            .to_string(),
            CompareSortKey::Difference,
        ),
    ];
    let body_height = (ui.available_height() - 40.0).max(theme::ROW_HEIGHT);
    TableBuilder::new(ui)
        .id_salt("compare_table")
        .striped(true)
        .resizable(false)
        .sense(Sense::click())
        .max_scroll_height(body_height)
        .auto_shrink([false, false])
        .cell_layout(Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(columns.name))
        .columns(Column::exact(columns.value), 3)
        .header(34.0, |mut header| {
            for (text, key) in &headers {
                header.col(|ui| {
                    let response = ui.add(
                        Label::new(RichText::new(text.as_str()).small().strong())
                            .truncate()
                            .selectable(false)
                            .sense(Sense::click()),
                    );
                    if sort.key == *key {
                        sort_mark(ui, sort.descending);
                    }
                    if response.on_hover_text(UiText::SortHint.get(lang)).clicked() {
                        actions.push(Action::SortCompare(*key));
                    }
                });
            }
        })
        .body(|body| {
            let rows: Vec<_> = c.sorted_rows().collect();
            body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                let Some(data) = rows.get(row.index()) else { return };
                let selected = state.selected() == Some(data.code.as_str());
                row.set_selected(selected);
                row.col(|ui| {
                    ui.add(Label::new(&data.name).selectable(false).truncate());
                });
                let (_, difference) = data.shown_difference(c.mode);
                for text in [data.a_text.as_str(), data.b_text.as_str(), difference] {
                    row.col(|ui| {
                        ui.with_layout(Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.add(Label::new(text).selectable(false));
                        });
                    });
                }
                if row.response().clicked() && !selected {
                    actions.push(Action::Select(Some(data.code.clone())));
                }
            });
        });
}

/// The triangle after the sorted column's name: pointing down when sorted highest first.
fn sort_mark(ui: &mut Ui, descending: bool) {
    let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
    let c = r.center();
    let (tip, base) = if descending { (4.0, -4.0) } else { (-4.0, 4.0) };
    ui.painter().add(egui::Shape::convex_polygon(
        vec![c + vec2(0.0, tip), c + vec2(-4.0, base), c + vec2(4.0, base)],
        theme::palette().accent,
        Stroke::NONE,
    ));
}
