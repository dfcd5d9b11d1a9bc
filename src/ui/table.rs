//! The table of regions × indicators for the current year (egui_extras): a click on a column
//! header sorts by it (again: the other way), a click on a row selects the region.

use egui::{Align, Label, Layout, RichText, ScrollArea, Sense, Ui, vec2};
use egui_extras::{Column, TableBuilder};

use crate::app::{Action, AppState, SortKey, TableSort};
use crate::i18n::UiText;
use crate::model::Lang;
use crate::ui::theme;

const RANK_WIDTH: f32 = 62.0;
const NAME_WIDTH: f32 = 190.0;
const VALUE_WIDTH: f32 = 104.0;
const HEADER_HEIGHT: f32 = 46.0;
/// Room for the sort mark at the right of a header, points.
const SORT_MARK_WIDTH: f32 = 12.0;

pub fn show(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let table = state.table();
    let sort = state.table_sort();
    ui.vertical(|ui| {
        ui.label(
            RichText::new(format!("{}, {}", UiText::TableTitle.get(lang), state.view().year))
                .strong(),
        );
        let body_height = (ui.available_height() - HEADER_HEIGHT - 16.0).max(theme::ROW_HEIGHT);
        ScrollArea::horizontal().id_salt("table_scroll").show(ui, |ui| {
            let mut builder = TableBuilder::new(ui)
                .min_scrolled_height(0.0)
                .max_scroll_height(body_height)
                .id_salt("regions_table")
                .striped(true)
                .resizable(false)
                .sense(Sense::click())
                .auto_shrink([false, false])
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::exact(RANK_WIDTH))
                .column(Column::exact(NAME_WIDTH));
            builder = builder.columns(Column::exact(VALUE_WIDTH), table.columns.len());
            builder
                .header(HEADER_HEIGHT, |mut header| {
                    header.col(|ui| {
                        header_cell(
                            ui,
                            UiText::Rank.get(lang),
                            "",
                            SortKey::Rank,
                            sort,
                            lang,
                            actions,
                        );
                    });
                    header.col(|ui| {
                        header_cell(
                            ui,
                            UiText::Region.get(lang),
                            "",
                            SortKey::Name,
                            sort,
                            lang,
                            actions,
                        );
                    });
                    for (i, column) in table.columns.iter().enumerate() {
                        header.col(|ui| {
                            header_cell(
                                ui,
                                &column.name,
                                &column.unit,
                                SortKey::Column(i),
                                sort,
                                lang,
                                actions,
                            );
                        });
                    }
                })
                .body(|body| {
                    let rows: Vec<_> = table.sorted_rows().collect();
                    body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                        let Some(data) = rows.get(row.index()) else { return };
                        let selected = state.selected() == Some(data.code.as_str());
                        row.set_selected(selected);
                        row.col(|ui| {
                            let rank = data.rank.map_or_else(|| "–".to_string(), |r| r.to_string());
                            ui.add(Label::new(RichText::new(rank).small()).selectable(false));
                        });
                        row.col(|ui| {
                            ui.add(Label::new(&data.name).selectable(false).truncate());
                        });
                        for cell in &data.cells {
                            row.col(|ui| {
                                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                                    let text = if cell.note.is_some() {
                                        RichText::new(&cell.text).italics()
                                    } else {
                                        RichText::new(&cell.text)
                                    };
                                    let label = ui.add(Label::new(text).selectable(false));
                                    if let Some(note) = &cell.note {
                                        label.on_hover_text(note);
                                    }
                                });
                            });
                        }
                        if row.response().clicked() && !selected {
                            actions.push(Action::Select(Some(data.code.clone())));
                        }
                    });
                });
        });
    });
}

/// A header: name (and unit, smaller), clickable to sort, with a triangle on the sorted column.
fn header_cell(
    ui: &mut Ui,
    name: &str,
    unit: &str,
    key: SortKey,
    sort: TableSort,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let width = ui.available_width() - SORT_MARK_WIDTH;
    let response = ui
        .allocate_ui_with_layout(vec2(width, HEADER_HEIGHT), Layout::top_down(Align::Min), |ui| {
            ui.set_width(width);
            let name = ui.add(
                Label::new(RichText::new(name).small().strong())
                    .wrap()
                    .selectable(false)
                    .sense(Sense::click()),
            );
            let unit = if unit.is_empty() {
                None
            } else {
                Some(
                    ui.add(
                        Label::new(RichText::new(unit).small().color(theme::palette().text_muted))
                            .truncate()
                            .selectable(false)
                            .sense(Sense::click()),
                    ),
                )
            };
            match unit {
                Some(u) => name.union(u),
                None => name,
            }
        })
        .inner;
    let response = response.on_hover_text(UiText::SortHint.get(lang));
    if sort.key == key {
        let r = ui.max_rect();
        let c = egui::pos2(r.right() - SORT_MARK_WIDTH / 2.0, r.center().y);
        let (tip, base) = if sort.descending { (4.0, -4.0) } else { (-4.0, 4.0) };
        ui.painter().add(egui::Shape::convex_polygon(
            vec![c + vec2(0.0, tip), c + vec2(-4.0, base), c + vec2(4.0, base)],
            theme::palette().accent,
            egui::Stroke::NONE,
        ));
    }
    if response.clicked() {
        actions.push(Action::SortTable(key));
    }
}
