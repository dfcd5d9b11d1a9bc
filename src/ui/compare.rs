//! The compare view: two sides (a scenario or the actual data), the indicator and a year slider
//! over base year..=horizon; two maps side by side on one colour scale with linked pan, zoom and
//! selection; and a table of A, B and B − A per region whose headers sort it.

use egui::{ComboBox, Label, Layout, Pos2, Rect, RichText, Sense, Slider, Stroke, Ui, vec2};
use egui_extras::{Column, TableBuilder};

use crate::app::{Action, AppState, CompareSortKey, Side, Source};
use crate::i18n::scenario_ui_text::{self, ScenarioUiText as T};
use crate::i18n::{UiText, map_text};
use crate::map::{LegendItem, WorldPos};
use crate::ui::map_view::{self, MapCache};
use crate::ui::theme;

/// Share of the view's height the two maps take.
const MAPS_SHARE: f32 = 0.58;
/// Width of the side and indicator choices, points.
const CHOICE_WIDTH: f32 = 230.0;
const NAME_WIDTH: f32 = 220.0;
const VALUE_WIDTH: f32 = 150.0;
/// Zoom per pixel of scroll wheel (as on the main map).
const SCROLL_ZOOM_PER_PX: f32 = 0.0025;

/// Where the compare maps were drawn last frame, for tests and scripted demos.
#[derive(Default)]
pub struct CompareCache {
    pub maps: [MapCache; 2],
}

pub fn show(ui: &mut Ui, state: &AppState, cache: &mut CompareCache, actions: &mut Vec<Action>) {
    let lang = state.lang();
    ui.label(RichText::new(T::CompareTitle.get(lang)).strong().size(theme::HEADING_PT - 2.0));
    ui.horizontal_wrapped(|ui| {
        side_choice(ui, state, Side::A, actions);
        side_choice(ui, state, Side::B, actions);
        indicator_choice(ui, state, actions);
        year_slider(ui, state, actions);
    });
    legend_row(ui, state);
    let maps_height = (ui.available_height() * MAPS_SHARE).max(200.0);
    let width = ui.available_width();
    let (outer, _) = ui.allocate_exact_size(vec2(width, maps_height), Sense::hover());
    let half = (width - theme::MARGIN) / 2.0;
    let rects = [
        Rect::from_min_size(outer.min, vec2(half, maps_height)),
        Rect::from_min_size(outer.min + vec2(half + theme::MARGIN, 0.0), vec2(half, maps_height)),
    ];
    let labels = [T::CompareMapLabelA, T::CompareMapLabelB];
    for (i, (rect, label)) in rects.into_iter().zip(labels).enumerate() {
        if let Some(map) = cache.maps.get_mut(i) {
            compare_map(ui, state, i, rect, label.get(lang), map, actions);
        }
    }
    ui.add_space(6.0);
    table(ui, state, actions);
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

/// The shared colour scale: one swatch per class.
fn legend_row(ui: &mut Ui, state: &AppState) {
    let lang = state.lang();
    let c = state.comparison();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{}, {}", c.indicator_name, c.unit)).small().strong());
        ui.label(RichText::new(T::SameScale.get(lang)).small().color(theme::TEXT_MUTED));
        for item in &c.legend {
            let (fill, label) = match item {
                LegendItem::Class { fill, label } | LegendItem::NoData { fill, label } => {
                    (fill, label)
                }
                _ => continue,
            };
            let (r, _) = ui.allocate_exact_size(vec2(18.0, 12.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, theme::color(*fill));
            ui.label(RichText::new(label).small());
        }
    });
}

/// One of the two maps: painted with the shared camera; drag, scroll and click act on both.
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
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, theme::BORDER), egui::StrokeKind::Inside);
    let title = painter.layout(
        scene.title.clone(),
        egui::FontId::proportional(theme::BODY_PT),
        theme::TEXT,
        rect.width() - 2.0 * theme::MARGIN,
    );
    let at = rect.min + vec2(theme::MARGIN, theme::MARGIN / 2.0);
    painter.rect_filled(Rect::from_min_size(at, title.size()).expand(3.0), 3.0, theme::OVERLAY_BG);
    painter.galley(at, title, theme::TEXT);

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
        response.on_hover_ui_at_pointer(|ui| {
            ui.label(RichText::new(&region.name).strong());
            ui.label(&region.value_label);
            if let Some(rank) = region.rank {
                let count = scene.regions.iter().filter(|r| !r.no_data).count();
                ui.label(
                    RichText::new(map_text::rank_of(rank, count, lang)).color(theme::TEXT_MUTED),
                );
            }
        });
    }
}

/// Region, A, B and B − A; a click on a header sorts by it, a click on a row selects the region.
fn table(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let c = state.comparison();
    let sort = state.compare_sort();
    let a_header = format!("{}: {}", T::SideA.get(lang), c.a_name);
    let b_header = format!("{}: {}", T::SideB.get(lang), c.b_name);
    let headers = [
        (UiText::Region.get(lang).to_string(), CompareSortKey::Name),
        (a_header, CompareSortKey::A),
        (b_header, CompareSortKey::B),
        (T::Difference.get(lang).to_string(), CompareSortKey::Difference),
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
        .column(Column::exact(NAME_WIDTH))
        .columns(Column::exact(VALUE_WIDTH), 3)
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
                for text in [&data.a_text, &data.b_text, &data.difference_text] {
                    row.col(|ui| {
                        ui.with_layout(Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.add(Label::new(text.as_str()).selectable(false));
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
        theme::ACCENT,
        Stroke::NONE,
    ));
}
