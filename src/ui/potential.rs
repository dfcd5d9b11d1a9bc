//! The Potential screen: regions by their composite index of potential. Three tabs — the class
//! map with the weights as sliders, the ranking with each component's contribution stacked and
//! the selected region's profile against the national median; the same with the local clusters
//! (LISA) of the index on the map and the global Moran's I; and the class change between two
//! states with its map (colour and an arrow on every region) and the transition table.
//!
//! Everything shown is built by `AppState` (`app::potential`); this file only lays it out. The
//! maps are painted by `map_view::paint_scene`, as every other map.

use egui::{
    ComboBox, Label, Pos2, Rect, RichText, ScrollArea, Sense, Slider, Stroke, TextEdit, Ui, vec2,
};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Plot, PlotPoint};

use crate::analysis::typology::{
    self, ClassChange, Classification, Direction, MissingRule, Normalisation, TypologyResult,
    class_label,
};
use crate::app::potential::{
    self, ChangeModel, MAX_CLASSES, MAX_WEIGHT, PotentialAction, PotentialState, PotentialTab,
    SIGNIFICANCE_LEVELS, change_text, state_label,
};
use crate::app::{Action, AppState, Camera, Side};
use crate::export::{ImageFormat, scene_bytes};
use crate::i18n::potential_text::{self as text, PotentialText as T};
use crate::i18n::{format_number, format_value};
use crate::map::{LegendItem, Scene, WorldPos, style};
use crate::model::Lang;
use crate::ui::map_view::{self, MapCache};
use crate::ui::{export_dialog, slides_panel, theme, view_menu};

/// Width of the weights and profile column, points.
const SIDE_WIDTH: f32 = 360.0;
/// Share of the main column's height the map takes; the ranking chart takes the rest.
const MAP_SHARE: f32 = 0.58;
/// Share of the change tab's width the map takes; the transition table takes the rest.
const CHANGE_MAP_SHARE: f32 = 0.6;
/// The ranking's y range over the tallest bar, at least and at most: room for the names above
/// the bars (as much as their lengths need between the two).
const NAME_ROOM: f64 = 1.9;
const NAME_ROOM_MAX: f64 = 3.0;
/// The part of the ranking's height the x axis and its numbers take, points.
const AXIS_ROOM: f32 = 28.0;
/// Width of a saved map, pixels (the command line's default).
const SAVE_WIDTH: u32 = 1600;

/// What the painter keeps between frames: the two maps' screen meshes.
#[derive(Default)]
pub struct PotentialCache {
    map: MapCache,
    change: MapCache,
    /// Whether the row to save the map is open.
    save_open: bool,
    /// The path typed for saving the map (None: the proposal beside the open file).
    save_path: Option<String>,
    /// Where the map was saved, or why it could not be.
    saved: Option<Result<String, String>>,
    /// The name typed to save the edited typology under.
    typology_name: String,
}

impl PotentialCache {
    /// Where the world point `world` was drawn on the class (or cluster) map in the last frame.
    pub fn map_screen_pos(&self, world: WorldPos) -> Option<Pos2> {
        self.map.screen_pos(world)
    }
}

/// The colour of the component at position `c` in the ranking and the profile.
fn component_color(c: usize) -> egui::Color32 {
    theme::color(potential::component_fill(c))
}

/// How much of the screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PotentialLayout {
    /// Everything: the typology picker, weights, method and profile beside the map and ranking.
    Full,
    /// What a presentation shows: the tabs, the map with its legend and the ranking, the
    /// clusters' Moran's I, or the change map and its table; the typology stays as the slide
    /// holds it (no weights, method or saving).
    Presentation,
}

pub fn show(
    ui: &mut Ui,
    state: &AppState,
    cache: &mut PotentialCache,
    layout: PotentialLayout,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let model = state.potential();
    ui.horizontal(|ui| {
        for tab in PotentialTab::ALL {
            let on = model.tab() == tab;
            if ui.selectable_label(on, RichText::new(tab.text(lang)).strong()).clicked() && !on {
                actions.push(Action::Potential(PotentialAction::SetTab(tab)));
            }
        }
        if layout == PotentialLayout::Full {
            // The theme, the slide list and the export, as over the map and the scenarios.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                view_menu::menu(ui, state, actions);
                slides_panel::button(ui, state, actions);
                export_dialog::button(ui, state, actions);
            });
        }
    });
    ui.separator();
    if model.tab() == PotentialTab::Change {
        change_view(ui, state, cache, layout, actions);
        return;
    }
    let result = match model.result() {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            ui.label(RichText::new(e).color(theme::palette().problem));
            return;
        }
        None => return,
    };
    let height = ui.available_height();
    let side = SIDE_WIDTH.min(ui.available_width() * 0.35);
    ui.horizontal_top(|ui| {
        if layout == PotentialLayout::Full {
            let column = egui::Layout::top_down(egui::Align::Min);
            ui.allocate_ui_with_layout(vec2(side, height), column, |ui| {
                ScrollArea::vertical().id_salt("potential_side").show(ui, |ui| {
                    ui.set_width(side - 12.0);
                    saved_typologies(ui, state, model, &mut cache.typology_name, actions);
                    ui.separator();
                    weights(ui, state, model, result, actions);
                    ui.separator();
                    method(ui, state, model, actions);
                    ui.separator();
                    profile(ui, state, model, result);
                });
            });
            ui.separator();
        }
        ui.vertical(|ui| {
            let width = ui.available_width();
            if model.tab() == PotentialTab::Clusters {
                clusters_header(ui, model, lang, actions);
            }
            if layout == PotentialLayout::Full {
                map_tools(ui, state, model.scene(), cache, actions);
            }
            legend_row(ui, model.scene());
            let map_height = ((height - 60.0) * MAP_SHARE).max(160.0);
            let (rect, _) = ui.allocate_exact_size(vec2(width, map_height), Sense::hover());
            let transform = paint_map(
                ui,
                state,
                model.scene(),
                model.version(),
                rect,
                &mut cache.map,
                "potential_map",
                actions,
            );
            if model.show_neighbours() {
                paint_links(ui, model.links(), rect, transform);
            }
            ui.separator();
            ranking(ui, state, model, result, actions);
        });
    });
}

/// The typologies to choose from (the built-in default and the saved ones), the name field with
/// "Save as…", and the deletion of the loaded saved typology with its confirmation.
fn saved_typologies(
    ui: &mut Ui,
    state: &AppState,
    model: &PotentialState,
    name: &mut String,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let current = model.saved_typology();
    ui.label(RichText::new(T::Typology.get(lang)).strong());
    ui.horizontal_wrapped(|ui| {
        if ui.selectable_label(current.is_none(), T::BuiltIn.get(lang)).clicked()
            && current.is_some()
        {
            actions.push(Action::Potential(PotentialAction::SelectTypology(None)));
        }
        for saved in &state.dataset().typologies {
            let on = current == Some(saved.id);
            if ui.selectable_label(on, saved.typology.name.get(lang)).clicked() && !on {
                actions.push(Action::Potential(PotentialAction::SelectTypology(Some(saved.id))));
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(T::TypologyName.get(lang));
        let field = ui.add(TextEdit::singleline(name).desired_width(140.0)).labelled_by(label.id);
        let typed = name.trim();
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let button = ui.add_enabled(!typed.is_empty(), egui::Button::new(T::SaveAs.get(lang)));
        if (button.clicked() || enter) && !typed.is_empty() {
            actions.push(Action::Potential(PotentialAction::SaveTypologyAs(typed.to_owned())));
        }
    });
    if let Some(id) = current {
        let name = state
            .dataset()
            .typologies
            .iter()
            .find(|s| s.id == id)
            .map_or("", |s| s.typology.name.get(lang));
        if model.delete_pending() == Some(id) {
            ui.label(format!("{} «{name}»", T::ConfirmDelete.get(lang)));
            ui.horizontal(|ui| {
                if ui.button(T::DeleteTypology.get(lang)).clicked() {
                    actions.push(Action::Potential(PotentialAction::DeleteTypology(id)));
                }
                if ui.button(T::Cancel.get(lang)).clicked() {
                    actions.push(Action::Potential(PotentialAction::AskDeleteTypology(None)));
                }
            });
        } else if ui.button(format!("{} «{name}»", T::DeleteTypology.get(lang))).clicked() {
            actions.push(Action::Potential(PotentialAction::AskDeleteTypology(Some(id))));
        }
    }
    if let Some(error) = model.saved_error() {
        ui.label(RichText::new(error).color(theme::palette().problem));
    }
}

/// A slider per component: the map and the ranking follow while it is dragged.
fn weights(
    ui: &mut Ui,
    state: &AppState,
    model: &PotentialState,
    result: &TypologyResult,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        ui.label(RichText::new(T::Weights.get(lang)).strong());
        let Some(typology) = model.typology() else { return };
        let at_default =
            typology.components.iter().zip(model.default_weights()).all(|(c, w)| c.weight == w);
        if ui.add_enabled(!at_default, egui::Button::new(T::DefaultWeights.get(lang))).clicked() {
            actions.push(Action::Potential(PotentialAction::ResetWeights));
        }
    });
    ui.label(RichText::new(T::WeightsHint.get(lang)).small().color(theme::palette().text_muted));
    let Some(typology) = model.typology() else { return };
    let total: f64 = typology.components.iter().map(|c| c.weight).sum();
    ui.spacing_mut().slider_width = (ui.available_width() - 190.0).max(100.0);
    for (c, component) in typology.components.iter().enumerate() {
        let info = result.components.get(c);
        let name = info.map_or(component.indicator.as_str(), |i| i.names.get(lang));
        let direction = match component.direction {
            Direction::HigherIsBetter => T::HigherIsBetter.get(lang),
            Direction::LowerIsBetter => T::LowerIsBetter.get(lang),
        };
        // Name at the left; the direction switch and the remove button at the right.
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, component_color(c));
            let row = egui::Layout::right_to_left(egui::Align::Center);
            ui.with_layout(row, |ui| {
                let remove = format!("{} — {name}", T::RemoveComponent.get(lang));
                let button = egui::Button::new("×").frame(false);
                let response = ui.add_enabled(typology.components.len() > 1, button);
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, remove.as_str())
                });
                if response.on_hover_text(&remove).clicked() {
                    actions.push(Action::Potential(PotentialAction::RemoveComponent(c)));
                }
                // A click turns "higher is better" into "lower is better" and back.
                let flip = ui.add(egui::Button::new(RichText::new(direction).small()).small());
                let flip_name = format!("{} — {name}", T::Direction.get(lang));
                flip.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, flip_name.as_str())
                });
                if flip.on_hover_text(T::DirectionHint.get(lang)).clicked() {
                    let direction = match component.direction {
                        Direction::HigherIsBetter => Direction::LowerIsBetter,
                        Direction::LowerIsBetter => Direction::HigherIsBetter,
                    };
                    let set = PotentialAction::SetDirection { component: c, direction };
                    actions.push(Action::Potential(set));
                }
                let left = egui::Layout::left_to_right(egui::Align::Center);
                ui.with_layout(left, |ui| {
                    ui.add(Label::new(RichText::new(name).strong()).truncate());
                });
            });
        });
        let share = if total > 0.0 { component.weight / total * 100.0 } else { 0.0 };
        let mut weight = component.weight;
        let response = ui.add(
            Slider::new(&mut weight, 0.0..=MAX_WEIGHT)
                .step_by(0.1)
                .fixed_decimals(1)
                .text(format!("{} %", format_number(share, 0, lang))),
        );
        let response = response.on_hover_text(name);
        response.widget_info(|| {
            egui::WidgetInfo::slider(true, weight, format!("{} — {name}", T::Weights.get(lang)))
        });
        if response.changed() {
            actions.push(Action::Potential(PotentialAction::SetWeight { component: c, weight }));
        }
        ui.add_space(2.0);
    }
    add_component(ui, state, typology, actions);
}

/// The indicators of the file (and the typology's own derived ones) not yet in the typology,
/// to add as a component with weight 1.
fn add_component(
    ui: &mut Ui,
    state: &AppState,
    typology: &crate::analysis::typology::Typology,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let choices: Vec<_> = typology::component_choices(state.dataset())
        .into_iter()
        .filter(|choice| typology.components.iter().all(|c| c.indicator != choice.indicator))
        .collect();
    if choices.is_empty() || typology.components.len() >= potential::MAX_COMPONENTS {
        return;
    }
    ui.horizontal(|ui| {
        let label = ui.label(T::AddComponent.get(lang));
        ComboBox::from_id_salt("potential_add_component")
            .width(200.0)
            .truncate()
            .selected_text("…")
            .show_ui(ui, |ui| {
                for choice in choices {
                    if ui.selectable_label(false, choice.names.get(lang)).clicked() {
                        actions.push(Action::Potential(PotentialAction::AddComponent(choice)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The normalisation, the classification (with the number of classes) and the rule for
/// missing values.
fn method(ui: &mut Ui, state: &AppState, model: &PotentialState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let Some(typology) = model.typology() else { return };
    ui.label(RichText::new(T::Method.get(lang)).strong());
    let send = |actions: &mut Vec<Action>, a: PotentialAction| actions.push(Action::Potential(a));
    ui.horizontal(|ui| {
        let label = ui.label(T::StateOf.get(lang));
        let ds = state.dataset();
        ComboBox::from_id_salt("potential_state")
            .width(220.0)
            .truncate()
            .selected_text(state_label(ds, typology.state, lang))
            .show_ui(ui, |ui| {
                for s in model.states() {
                    let on = *s == typology.state;
                    if ui.selectable_label(on, state_label(ds, *s, lang)).clicked() && !on {
                        send(actions, PotentialAction::SetState(*s));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(T::Normalisation.get(lang));
        for (n, text) in [(Normalisation::MinMax, T::MinMax), (Normalisation::ZScore, T::ZScore)] {
            let on = typology.normalisation == n;
            if ui.selectable_label(on, text.get(lang)).clicked() && !on {
                send(actions, PotentialAction::SetNormalisation(n));
            }
        }
    });
    let k = match typology.classification {
        Classification::ThreeClass => 3,
        other => other.classes(),
    };
    let methods = [
        (Classification::ThreeClass, T::ThreeClasses),
        (Classification::Quantiles(k), T::Quantiles),
        (Classification::NaturalBreaks(k), T::NaturalBreaks),
        (Classification::KMeans(k), T::KMeans),
    ];
    ui.horizontal(|ui| {
        let label = ui.label(T::Classification.get(lang));
        let shown = methods
            .iter()
            .find(|(c, _)| *c == typology.classification)
            .map_or("", |(_, t)| t.get(lang));
        ComboBox::from_id_salt("potential_classification")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (c, text) in methods {
                    let on = c == typology.classification;
                    if ui.selectable_label(on, text.get(lang)).clicked() && !on {
                        send(actions, PotentialAction::SetClassification(c));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    if typology.classification != Classification::ThreeClass {
        ui.horizontal(|ui| {
            let label = ui.label(T::ClassCount.get(lang));
            let mut count = k;
            let response = ui
                .add(egui::DragValue::new(&mut count).range(2..=MAX_CLASSES))
                .labelled_by(label.id);
            if response.changed() && count != k {
                let c = match typology.classification {
                    Classification::Quantiles(_) => Classification::Quantiles(count),
                    Classification::NaturalBreaks(_) => Classification::NaturalBreaks(count),
                    Classification::KMeans(_) => Classification::KMeans(count),
                    Classification::ThreeClass => Classification::ThreeClass,
                };
                send(actions, PotentialAction::SetClassification(c));
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(T::MissingRule.get(lang));
        for (m, text) in [
            (MissingRule::RescaleWeights, T::Rescale),
            (MissingRule::InsufficientData, T::Insufficient),
        ] {
            let on = typology.missing == m;
            if ui.selectable_label(on, text.get(lang)).clicked() && !on {
                send(actions, PotentialAction::SetMissing(m));
            }
        }
    });
}

/// The selected region's index, class and rank, and each component's value against the
/// national median with its contribution; what it lacks.
fn profile(ui: &mut Ui, state: &AppState, model: &PotentialState, result: &TypologyResult) {
    let lang = state.lang();
    ui.label(RichText::new(T::Profile.get(lang)).strong());
    let Some(code) = state.selected() else {
        ui.label(RichText::new(T::NoSelection.get(lang)).color(theme::palette().text_muted));
        return;
    };
    let Some(score) = result.region(code) else {
        ui.label(RichText::new(T::NoSelection.get(lang)).color(theme::palette().text_muted));
        return;
    };
    let name = state.dataset().region(code).map_or(code, |r| r.names.get(lang));
    ui.label(RichText::new(name).size(theme::HEADING_PT - 2.0));
    let class = score.class.map_or_else(
        || crate::analysis::typology::insufficient_data_label(lang).to_owned(),
        |c| class_label(result.classes.method, c, result.classes.ranges.len(), lang),
    );
    ui.label(format!(
        "{}: {} · {} · {}: {}",
        T::Index.get(lang),
        score.index.map_or_else(|| "—".to_owned(), |v| format_number(v, 3, lang)),
        class,
        T::Rank.get(lang),
        score.rank.map_or_else(|| "—".to_owned(), |r| format!("{r} / {}", model.order().len())),
    ));
    if model.tab() == PotentialTab::Clusters
        && let Some(local) = model.local(code)
    {
        let category = local.category(model.significance());
        let p = local.p_sim.map(|p| format!(" (p = {})", format_number(p, 3, lang)));
        ui.label(format!(
            "{}: {}{}",
            T::ClustersTitle.get(lang),
            potential::lisa_text(category, lang),
            p.unwrap_or_default()
        ));
    }
    for (c, info) in result.components.iter().enumerate() {
        let s = score.components.get(c);
        let unit = info.unit.get(lang);
        let raw = s.and_then(|s| s.raw);
        let median = model.medians().get(c).copied().flatten();
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, component_color(c));
            ui.add(Label::new(RichText::new(info.names.get(lang)).strong()).wrap());
        });
        let value = format_value(raw, 1, unit, lang);
        // How far from the national median, in per cent of it (the fonts have no arrows).
        let versus = raw
            .zip(median)
            .filter(|(_, m)| *m != 0.0)
            .map(|(v, m)| {
                let p = (v / m - 1.0) * 100.0;
                let sign = if p > 0.0 { "+" } else { "" };
                format!(" ({sign}{} %)", format_number(p, 0, lang))
            })
            .unwrap_or_default();
        let color = if raw.is_none() { theme::palette().problem } else { theme::palette().text };
        ui.add(
            Label::new(
                RichText::new(format!("{}: {value}{versus}", T::Value.get(lang)))
                    .small()
                    .color(color),
            )
            .wrap(),
        );
        let contribution = s
            .and_then(|s| s.contribution)
            .map_or_else(|| "—".to_owned(), |v| format_number(v, 3, lang));
        ui.add(
            Label::new(
                RichText::new(format!(
                    "{}: {} · {}: {contribution}",
                    T::Median.get(lang),
                    format_value(median, 1, unit, lang),
                    T::Contribution.get(lang),
                ))
                .small()
                .color(theme::palette().text_muted),
            )
            .wrap(),
        );
    }
    ui.add_space(4.0);
    if !score.missing.is_empty() {
        let names: Vec<&str> = score
            .missing
            .iter()
            .map(|key| {
                result
                    .components
                    .iter()
                    .find(|i| i.indicator == *key)
                    .map_or(key.as_str(), |i| i.names.get(lang))
            })
            .collect();
        let note = match score.index {
            Some(_) => format!(
                "{}: {} — {}",
                T::Missing.get(lang),
                names.join(", "),
                T::RescaledNote.get(lang)
            ),
            None => format!("{}: {}", T::Missing.get(lang), names.join(", ")),
        };
        ui.add(Label::new(RichText::new(note).small().color(theme::palette().problem)).wrap());
    }
}

/// The neighbour graph's switch (class and cluster maps), then where to save the shown map
/// (beside the open file unless changed, named after the tab) and the SVG and PNG buttons: the
/// same renderer as every exported map, 1600 pixels wide. The change map's marks are part of
/// its scene, so the saved map carries the moves by mark as well as by colour.
fn map_tools(
    ui: &mut Ui,
    state: &AppState,
    scene: &Scene,
    cache: &mut PotentialCache,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let tab = state.potential().tab();
    ui.horizontal(|ui| {
        if tab != PotentialTab::Change {
            let mut on = state.potential().show_neighbours();
            if ui.checkbox(&mut on, T::Neighbours.get(lang)).changed() {
                actions.push(Action::Potential(PotentialAction::ShowNeighbours(on)));
            }
            ui.add_space(12.0);
        }
        let toggle = ui.selectable_label(cache.save_open, T::SaveMap.get(lang));
        if toggle.clicked() {
            cache.save_open = !cache.save_open;
        }
        if !cache.save_open {
            return;
        }
        let label = toggle;
        let file = state.file();
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let proposal = |suffix: &str| {
            file.with_file_name(format!("{stem}-potential{suffix}")).display().to_string()
        };
        let suffixes = ["", "-clusters", "-change"];
        let suffix = match tab {
            PotentialTab::Classes => suffixes[0],
            PotentialTab::Clusters => suffixes[1],
            PotentialTab::Change => suffixes[2],
        };
        let path = cache.save_path.get_or_insert_with(|| proposal(suffix));
        // A proposal the planner left as it was follows the tab: one map never overwrites
        // another's file unasked.
        if suffixes.iter().any(|s| *path == proposal(s)) {
            *path = proposal(suffix);
        }
        ui.add(egui::TextEdit::singleline(path).desired_width(360.0)).labelled_by(label.id);
        for (format, text) in [(ImageFormat::Svg, T::SaveSvg), (ImageFormat::Png, T::SavePng)] {
            if ui.button(text.get(lang)).clicked() {
                let mut out = std::path::PathBuf::from(path.trim());
                out.set_extension(if format == ImageFormat::Svg { "svg" } else { "png" });
                let written = scene_bytes(scene, format, SAVE_WIDTH)
                    .map_err(|e| e.message(lang))
                    .and_then(|bytes| {
                        crate::io::cells::write_atomically(&out, &bytes)
                            .map_err(|e| format!("{}: {e}", out.display()))
                    });
                cache.saved = Some(written.map(|()| out.display().to_string()));
            }
        }
        match &cache.saved {
            Some(Ok(path)) => {
                ui.label(
                    RichText::new(format!("{} {path}", T::Saved.get(lang)))
                        .small()
                        .color(theme::palette().text_muted),
                );
            }
            Some(Err(e)) => {
                ui.label(RichText::new(e).small().color(theme::palette().problem));
            }
            None => {}
        }
    });
}

/// The significance level chooser and the global Moran's I of the index.
fn clusters_header(ui: &mut Ui, model: &PotentialState, lang: Lang, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let label = ui.label(T::Significance.get(lang));
        let level = model.significance();
        ComboBox::from_id_salt("potential_significance")
            .selected_text(format_number(level, 2, lang))
            .show_ui(ui, |ui| {
                for l in SIGNIFICANCE_LEVELS {
                    let on = (l - level).abs() < 1e-9;
                    if ui.selectable_label(on, format_number(l, 2, lang)).clicked() && !on {
                        actions.push(Action::Potential(PotentialAction::SetSignificance(l)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        ui.label(RichText::new(T::MoranTitle.get(lang)).strong());
        match model.lisa() {
            Some(Ok(a)) => {
                let g = &a.global;
                ui.label(text::moran_line(g.i, g.expected, g.z_sim, g.p_sim, lang));
                ui.label(
                    RichText::new(text::permutations_note(g.permutations, lang))
                        .small()
                        .color(theme::palette().text_muted),
                );
            }
            Some(Err(_)) | None => {
                ui.label(RichText::new(T::NoNeighbours.get(lang)).color(theme::palette().problem));
            }
        }
    });
}

/// A swatch and a label per legend line (hatched for insufficient data), with the mark beside
/// the swatch where the map draws one (the change map's moves).
fn legend_row(ui: &mut Ui, scene: &Scene) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&scene.legend.title).strong());
        for item in &scene.legend.items {
            let (fill, label, hatched, mark) = match item {
                LegendItem::Class { fill, label } => (fill, label, false, None),
                LegendItem::NoData { fill, label } => (fill, label, true, None),
                LegendItem::Mark { fill, mark, label } => (fill, label, false, Some(*mark)),
                _ => continue,
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
                let color = theme::color(style::NO_DATA_HATCH);
                ui.painter()
                    .line_segment([r.left_bottom(), r.right_top()], Stroke::new(1.0, color));
            }
            if let Some(mark) = mark {
                let (m, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
                map_view::paint_mark(ui, m.center(), mark);
            }
            ui.label(RichText::new(label).small());
            ui.add_space(6.0);
        }
    });
}

/// A map of the whole country: hover shows the region's name, value and note; a click selects
/// the region (as on every map).
#[allow(clippy::too_many_arguments)]
fn paint_map(
    ui: &mut Ui,
    state: &AppState,
    scene: &Scene,
    version: u64,
    rect: Rect,
    cache: &mut MapCache,
    id: &str,
    actions: &mut Vec<Action>,
) -> crate::app::ViewTransform {
    let lang = state.lang();
    let response = ui.interact(rect, ui.scope_id().with(id), Sense::click());
    let label = if id == "potential_change_map" { T::ChangeMapLabel } else { T::MapLabel };
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, label.get(lang)));
    let transform =
        Camera::default().transform(scene.bounds, [0.0, 0.0, rect.width(), rect.height()]);
    let to_world =
        |p: Pos2| -> WorldPos { transform.to_world([p.x - rect.min.x, p.y - rect.min.y]) };
    let hovered = response.hover_pos().and_then(|p| scene.region_at(to_world(p)));
    map_view::paint_scene(ui, rect, scene, version, transform, hovered, cache);
    let painter = ui.painter_at(rect);
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
            if let Some(rank) = region.rank {
                ui.label(format!("{}: {rank}", T::Rank.get(lang)));
            }
        });
    }
    transform
}

/// The regions by rank, each bar the sum of its components' contributions, stacked in the
/// components' colours; the selected region's bar outlined. A click on a bar selects its region.
fn ranking(
    ui: &mut Ui,
    state: &AppState,
    model: &PotentialState,
    result: &TypologyResult,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    ui.label(RichText::new(T::Ranking.get(lang)).strong());
    let order = model.order();
    let names: Vec<String> = order
        .iter()
        .filter_map(|&i| result.regions.get(i))
        .map(|r| {
            let name =
                state.dataset().region(&r.code).map_or(r.code.as_str(), |x| x.names.get(lang));
            name.split(" (").next().unwrap_or(name).to_owned()
        })
        .collect();
    let selected = state.selected();
    let mut charts: Vec<BarChart> = Vec::new();
    for (c, info) in result.components.iter().enumerate() {
        let color = component_color(c);
        let bars: Vec<Bar> = order
            .iter()
            .enumerate()
            .filter_map(|(pos, &i)| {
                let region = result.regions.get(i)?;
                let value = region.components.get(c)?.contribution.unwrap_or(0.0);
                let on = selected == Some(region.code.as_str());
                let stroke = if on {
                    Stroke::new(2.0, theme::palette().text)
                } else {
                    Stroke::new(0.5, color.gamma_multiply(0.7))
                };
                Some(
                    Bar::new(pos as f64, value)
                        .name(names.get(pos).cloned().unwrap_or_default())
                        .fill(color)
                        .stroke(stroke)
                        .width(0.7),
                )
            })
            .collect();
        let name = info.names.get(lang).to_owned();
        let mut chart = BarChart::new(name.clone(), bars).color(color).element_formatter(Box::new(
            move |bar, _| format!("{}\n{name}: {}", bar.name, format_number(bar.value, 3, lang)),
        ));
        let below: Vec<&BarChart> = charts.iter().collect();
        if !below.is_empty() {
            chart = chart.stack_on(&below);
        }
        charts.push(chart);
    }
    let count = order.len().max(1);
    let top = order.iter().filter_map(|&i| result.regions.get(i)?.index).fold(0.0_f64, f64::max);
    // The chart's key: the components' colours (the plot's own legend would cover the names).
    ui.horizontal_wrapped(|ui| {
        for (c, info) in result.components.iter().enumerate() {
            let (r, _) = ui.allocate_exact_size(vec2(12.0, 10.0), Sense::hover());
            ui.painter().rect_filled(r, 2.0, component_color(c));
            ui.label(RichText::new(info.names.get(lang)).small());
            ui.add_space(6.0);
        }
    });
    // Room above the bars for the regions' names, from their laid-out lengths and the plot's
    // height: at a presentation's zoom or on a short panel a fixed share would cut them.
    let height = ui.available_height().max(140.0);
    let inner = (height - AXIS_ROOM).max(1.0);
    let y_max = order.iter().zip(&names).fold(top * NAME_ROOM, |y_max, (&i, name)| {
        let value = result.regions.get(i).and_then(|r| r.index).unwrap_or(0.0).max(0.0);
        let font = egui::FontId::proportional(theme::SMALL_PT + 1.0);
        let length =
            ui.painter().layout_no_wrap(name.clone(), font, theme::palette().text).size().x;
        // The bar's top must stay `length` + 4 points below the plot's top.
        let free = 1.0 - f64::from((length + 8.0) / inner);
        if free > 0.1 { y_max.max(value / free) } else { y_max.max(value * 10.0) }
    });
    // The bars keep at least a third of the height; a name longer than the room left is cut.
    let y_max = y_max.min(top * NAME_ROOM_MAX).max(top * NAME_ROOM);
    let plot = Plot::new("potential_ranking")
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .height(height)
        .include_x(-0.6)
        .include_x(count as f64 - 0.4)
        .include_y(0.0)
        .include_y(y_max)
        .x_grid_spacer(move |_| {
            (0..count).map(|i| egui_plot::GridMark { value: i as f64, step_size: 1.0 }).collect()
        })
        .x_axis_formatter(|mark, _| format!("{}", mark.value.round() + 1.0))
        .y_axis_formatter(move |mark, _| format_number(mark.value, 2, lang));
    let response = plot.show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
    });
    // Each region's name upright above its bar (bold for the selected one).
    let painter = ui.painter_at(response.response.rect);
    for (pos, &i) in order.iter().enumerate() {
        let (Some(region), Some(name)) = (result.regions.get(i), names.get(pos)) else { continue };
        let total = region.index.unwrap_or(0.0).max(0.0);
        let at = response.transform.position_from_point(&PlotPoint::new(pos as f64, total));
        let on = selected == Some(region.code.as_str());
        let font = if on {
            egui::FontId::proportional(theme::SMALL_PT + 1.0)
        } else {
            egui::FontId::proportional(theme::SMALL_PT)
        };
        let room = (at.y - response.response.rect.top() - 4.0).max(8.0);
        let mut job =
            egui::text::LayoutJob::simple_singleline(name.clone(), font, theme::palette().text);
        job.wrap = egui::text::TextWrapping::truncate_at_width(room);
        let galley = painter.layout_job(job);
        let origin = at + vec2(-galley.size().y / 2.0, -4.0);
        painter.add(
            egui::epaint::TextShape::new(origin, galley, theme::palette().text)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
    }
    response.response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Figure, true, T::RankingLabel.get(lang))
    });
    if response.response.clicked()
        && let Some(pointer) = response.response.interact_pointer_pos()
    {
        let at = response.transform.value_from_position(pointer);
        let pos = at.x.round();
        if (at.x - pos).abs() <= 0.35 && pos >= 0.0 {
            let code = order
                .get(pos as usize)
                .and_then(|&i| result.regions.get(i))
                .map(|r| r.code.clone());
            if code.is_some() {
                actions.push(Action::Select(code));
            }
        }
    }
}

/// The class change view: the two states, the map of moves with a mark on every region, and
/// the transition table with the regions of each cell.
fn change_view(
    ui: &mut Ui,
    state: &AppState,
    cache: &mut PotentialCache,
    layout: PotentialLayout,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let model = state.potential();
    let ds = state.dataset();
    let (a, b) = model.change_states();
    ui.horizontal(|ui| {
        for (side, current, text, salt) in
            [(Side::A, a, T::From, "potential_from"), (Side::B, b, T::To, "potential_to")]
        {
            let label = ui.label(RichText::new(text.get(lang)).strong());
            let shown = current.map(|s| state_label(ds, s, lang)).unwrap_or_default();
            ComboBox::from_id_salt(salt)
                .width(260.0)
                .truncate()
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for s in model.states() {
                        let on = Some(*s) == current;
                        if ui.selectable_label(on, state_label(ds, *s, lang)).clicked() && !on {
                            actions
                                .push(Action::Potential(PotentialAction::SetChangeState(side, *s)));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.add_space(12.0);
        }
    });
    let change = match model.change() {
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            ui.label(RichText::new(e).color(theme::palette().problem));
            return;
        }
        None => return,
    };
    if layout == PotentialLayout::Full {
        map_tools(ui, state, &change.scene, cache, actions);
    }
    legend_row(ui, &change.scene);
    let height = ui.available_height();
    let width = ui.available_width();
    ui.horizontal_top(|ui| {
        let map_width = (width * CHANGE_MAP_SHARE).round();
        let (rect, _) = ui.allocate_exact_size(vec2(map_width, height), Sense::hover());
        // The marks are in the scene: painted with the map, as in the saved SVG and PNG.
        paint_map(
            ui,
            state,
            &change.scene,
            model.change_version(),
            rect,
            &mut cache.change,
            "potential_change_map",
            actions,
        );
        ui.separator();
        ui.vertical(|ui| {
            ScrollArea::vertical().id_salt("potential_transitions").show(ui, |ui| {
                transition_table(ui, state, change);
            });
        });
    });
}

/// The neighbour graph: a dark line with a light halo between the label anchors of every two
/// neighbours, a dot at each anchor.
fn paint_links(ui: &Ui, links: &[[WorldPos; 2]], rect: Rect, transform: crate::app::ViewTransform) {
    let painter = ui.painter_at(rect);
    let at = |w: WorldPos| {
        let [x, y] = transform.to_screen(w);
        rect.min + vec2(x, y)
    };
    let dark = egui::Color32::from_rgb(0x1a, 0x1a, 0x1a);
    for [a, b] in links {
        painter.line_segment([at(*a), at(*b)], Stroke::new(3.0, egui::Color32::WHITE));
        painter.line_segment([at(*a), at(*b)], Stroke::new(1.2, dark));
    }
    for [a, b] in links {
        painter.circle_filled(at(*a), 2.5, dark);
        painter.circle_filled(at(*b), 2.5, dark);
    }
}

/// How many regions went from each class to each class (rows: the first state), then the
/// regions of every non-empty cell by name.
fn transition_table(ui: &mut Ui, state: &AppState, change: &ChangeModel) {
    let lang = state.lang();
    let ds = state.dataset();
    ui.label(RichText::new(T::TransitionTable.get(lang)).strong());
    ui.label(
        RichText::new(format!(
            "{} » {}",
            state_label(ds, change.a.state, lang),
            state_label(ds, change.b.state, lang)
        ))
        .small()
        .color(theme::palette().text_muted),
    );
    let size = change.transition.regions.len();
    let label = |r: &TypologyResult, c: usize| {
        class_label(r.classes.method, c, r.classes.ranges.len().max(size), lang)
    };
    TableBuilder::new(ui)
        .id_salt("potential_transition_table")
        .striped(true)
        .column(Column::auto().at_least(140.0))
        .columns(Column::auto().at_least(70.0), size)
        .header(40.0, |mut header| {
            header.col(|ui| {
                ui.label(RichText::new(T::FromClassToClass.get(lang)).small().strong());
            });
            for to in 0..size {
                header.col(|ui| {
                    ui.add(Label::new(RichText::new(label(&change.b, to)).small().strong()).wrap());
                });
            }
        })
        .body(|mut body| {
            for from in 0..size {
                body.row(24.0, |mut row| {
                    row.col(|ui| {
                        ui.label(RichText::new(label(&change.a, from)).small().strong());
                    });
                    for to in 0..size {
                        row.col(|ui| {
                            let n = change.transition.count(from, to);
                            let text = RichText::new(n.to_string());
                            let text = if from == to { text } else { text.strong() };
                            ui.label(text);
                        });
                    }
                });
            }
        });
    ui.add_space(8.0);
    ui.label(RichText::new(T::Regions.get(lang)).strong());
    let name = |code: &str| ds.region(code).map_or(code, |r| r.names.get(lang)).to_owned();
    for (from, row) in change.transition.regions.iter().enumerate() {
        for (to, codes) in row.iter().enumerate() {
            if codes.is_empty() {
                continue;
            }
            let move_text = match to.cmp(&from) {
                std::cmp::Ordering::Greater => change_text(ClassChange::Up, lang),
                std::cmp::Ordering::Equal => change_text(ClassChange::Same, lang),
                std::cmp::Ordering::Less => change_text(ClassChange::Down, lang),
            };
            let names: Vec<String> = codes.iter().map(|c| name(c)).collect();
            ui.add(
                Label::new(
                    RichText::new(format!(
                        "{} » {} ({move_text}, {}): {}",
                        label(&change.a, from),
                        label(&change.b, to),
                        codes.len(),
                        names.join(", ")
                    ))
                    .small(),
                )
                .wrap(),
            );
        }
    }
    let unknown: Vec<String> = change
        .transition
        .changes
        .iter()
        .filter(|(_, m)| *m == ClassChange::Unknown)
        .map(|(c, _)| name(c))
        .collect();
    if !unknown.is_empty() {
        ui.add(
            Label::new(
                RichText::new(format!(
                    "{}: {}",
                    change_text(ClassChange::Unknown, lang),
                    unknown.join(", ")
                ))
                .small()
                .color(theme::palette().problem),
            )
            .wrap(),
        );
    }
}
