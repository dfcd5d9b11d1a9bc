//! The import window (File menu, "Import table…"): the input file is chosen as the File menu
//! chooses files — a path field with the folder's CSV and XLSX files listed under it — with a
//! workbook's sheet and, for a table that does not name it, the indicator. Reading it shows the
//! preview: how the file was read, the counts, the values to import (region in the view's
//! language, year, indicator, value, what the file holds now) and every problem with its line,
//! column and message. "Import N good values" writes them all in one transaction; Cancel (or
//! Esc) writes nothing. The model is `app::import`; this file only draws it and sends actions.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use egui::{Align, Color32, ComboBox, Label, Layout, RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

use crate::app::import::{
    Counts, ImportDialog, InputChoice, InputRead, LayerChoice, LayerImported, LayerRead, Stage,
};
use crate::app::{Action, AppState};
use crate::i18n::edit_text::EditText;
use crate::i18n::geojson_import_text::{self as geojson_text, GeoJsonText, LayerWindowText as W};
use crate::i18n::import_text::{self, ImportText as T};
use crate::i18n::map_text::{self, format_number};
use crate::i18n::ui_text::{UiText, before_year};
use crate::io::import::geojson_input::{LayerItems, LayerKind, is_geojson};
use crate::io::import::{InputFormat, Layout as TableLayout, PreviewRow};
use crate::model::{CorridorKind, Dataset, Lang, NATIONAL_CODE};
use crate::ui::theme;

/// Width of the window's content, points.
const WIDTH: f32 = 920.0;
/// Height of the folder listing, points.
const LISTING_HEIGHT: f32 = 92.0;
/// Height of the values table's body, points.
const VALUES_HEIGHT: f32 = 210.0;
/// Height of the problems table's body, points.
const PROBLEMS_HEIGHT: f32 = 200.0;
/// Height of a property combo's list, points (a dozen properties without scrolling).
const PROPERTIES_HEIGHT: f32 = 320.0;
/// How often the window looks whether a large file has been read, milliseconds.
const POLL_MS: u64 = 40;
/// Extensions listed in the folder (statistics tables and GeoJSON layers).
const INPUT_EXTENSIONS: [&str; 7] = ["csv", "txt", "tsv", "xlsx", "xlsm", "geojson", "json"];

/// A folder's subfolders and statistics files, each by name.
#[derive(Debug, Clone, Default, PartialEq)]
struct Listing {
    folder: PathBuf,
    /// (name, is a folder); None when the folder cannot be read.
    entries: Option<Vec<(String, bool)>>,
}

fn list_folder(folder: &Path) -> Listing {
    let entries = std::fs::read_dir(folder).ok().map(|dir| {
        let mut entries: Vec<(String, bool)> = dir
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                let table =
                    Path::new(&name).extension().and_then(|x| x.to_str()).is_some_and(|x| {
                        INPUT_EXTENSIONS.iter().any(|known| x.eq_ignore_ascii_case(known))
                    });
                ((is_dir || table) && !name.starts_with('.')).then_some((name, is_dir))
            })
            .collect();
        entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        entries
    });
    Listing { folder: folder.to_owned(), entries }
}

/// The folder a typed path points into: itself when it names a folder (or ends with a
/// separator), else its parent.
fn folder_of(text: &str) -> PathBuf {
    let path = PathBuf::from(text);
    if text.ends_with(MAIN_SEPARATOR) || path.is_dir() {
        return path;
    }
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// What the window keeps between frames: the typed path and its folder's listing.
#[derive(Debug, Default)]
pub struct ImportWindow {
    path: String,
    /// The path text `listing` was made for (the folder is looked up only when it changes).
    listed_for: String,
    listing: Listing,
    /// Whether the path was filled in for the window now open.
    started: bool,
    /// The edition key as typed (read again when the field loses focus).
    edition_key: String,
    /// Whether the edition key field had the focus on the last frame.
    editing_key: bool,
}

/// The import window, while `state` has it open.
pub fn show(
    ctx: &egui::Context,
    state: &AppState,
    win: &mut ImportWindow,
    actions: &mut Vec<Action>,
) {
    let Some(dialog) = state.import() else {
        win.started = false;
        return;
    };
    let lang = state.lang();
    if !win.started {
        let folder = state.file().parent().map(Path::to_owned).unwrap_or_default();
        win.path = format!("{}{MAIN_SEPARATOR}", folder.display());
        win.started = true;
        // The folder may have gained files since the window was last open.
        win.listing = Listing::default();
        win.listed_for.clear();
    }
    if let Stage::Reading(reading) = dialog.stage() {
        if reading.finished() {
            actions.push(Action::ImportPreviewDone);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(POLL_MS));
        }
    }
    let modal = egui::Modal::new(egui::Id::unique("oblys.import_dialog")).show(ctx, |ui| {
        ui.set_width(WIDTH);
        ui.label(RichText::new(T::WindowTitle.get(lang)).size(theme::HEADING_PT).strong());
        ui.add_space(4.0);
        choose_file(ui, dialog, win, lang, actions);
        options(ui, state, dialog, win, lang, actions);
        ui.separator();
        body(ui, state, dialog, lang);
        ui.add_space(6.0);
        buttons(ui, state, dialog, lang, actions);
    });
    if modal.is_top_modal
        && !modal.any_popup_open
        && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
    {
        actions.push(Action::ShowImport(false));
    }
}

/// The choice of `path` (keeping the sheet when the same workbook is read again, and the
/// indicator always).
fn choice_of(path: PathBuf, dialog: &ImportDialog) -> InputChoice {
    let last = dialog.choice();
    let sheet = last.filter(|c| c.path == path).and_then(|c| c.sheet.clone());
    let indicator = last.and_then(|c| c.indicator.clone());
    // Another file has other properties: only what the features become is kept.
    let layer = match last {
        Some(c) if c.path == path => c.layer.clone(),
        Some(c) => LayerChoice {
            layer: c.layer.layer,
            kind: c.layer.kind,
            edition_key: c.layer.edition_key.clone(),
            ..LayerChoice::default()
        },
        None => LayerChoice::default(),
    };
    InputChoice { path, sheet, indicator, layer }
}

/// The path field, the Preview button and the folder's statistics files.
fn choose_file(
    ui: &mut Ui,
    dialog: &ImportDialog,
    win: &mut ImportWindow,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let mut read = false;
    ui.horizontal(|ui| {
        let label = ui.label(T::InputFile.get(lang));
        let button_width = 150.0;
        let field_width = ui.available_width() - button_width - ui.spacing().item_spacing.x;
        let field = ui
            .add(TextEdit::singleline(&mut win.path).desired_width(field_width))
            .labelled_by(label.id);
        read |= field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        read |= ui
            .add_sized([button_width, 22.0], egui::Button::new(T::ShowPreview.get(lang)))
            .clicked();
    });
    if win.listed_for != win.path {
        let folder = folder_of(&win.path);
        if folder != win.listing.folder || win.listing.entries.is_none() {
            win.listing = list_folder(&folder);
        }
        win.listed_for.clone_from(&win.path);
    }
    let mut chosen: Option<(String, bool)> = None;
    egui::ScrollArea::vertical().id_salt("import_listing").max_height(LISTING_HEIGHT).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            let Some(entries) = &win.listing.entries else {
                ui.label(
                    RichText::new(EditText::NotAFolder.get(lang))
                        .color(theme::palette().text_muted),
                );
                return;
            };
            ui.horizontal_wrapped(|ui| {
                if ui
                    .selectable_label(false, "..")
                    .on_hover_text(EditText::Folders.get(lang))
                    .clicked()
                    && let Some(up) = win.listing.folder.parent()
                {
                    chosen = Some((up.display().to_string(), true));
                }
                for (name, is_dir) in entries {
                    let shown =
                        if *is_dir { format!("{name}{MAIN_SEPARATOR}") } else { name.clone() };
                    if ui.selectable_label(false, shown).clicked() {
                        chosen =
                            Some((win.listing.folder.join(name).display().to_string(), *is_dir));
                    }
                }
                if entries.iter().all(|(_, dir)| *dir) {
                    ui.label(
                        RichText::new(T::NoInputFiles.get(lang)).color(theme::palette().text_muted),
                    );
                }
            });
        },
    );
    match chosen {
        Some((folder, true)) => win.path = format!("{folder}{MAIN_SEPARATOR}"),
        Some((file, false)) => {
            win.path = file;
            read = true;
        }
        None => {}
    }
    let path = win.path.trim();
    if read && !path.is_empty() && !path.ends_with(MAIN_SEPARATOR) {
        actions.push(Action::ImportPreview(choice_of(PathBuf::from(path), dialog)));
    }
}

/// The workbook's sheet (when the file is one) and the indicator of a table that does not name
/// it; a change reads the file again.
fn options(
    ui: &mut Ui,
    state: &AppState,
    dialog: &ImportDialog,
    win: &mut ImportWindow,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let Some(choice) = dialog.choice() else { return };
    if is_geojson(&choice.path) {
        layer_options(ui, dialog, choice, win, lang, actions);
        return;
    }
    let ds = state.dataset();
    ui.horizontal(|ui| {
        let sheets = dialog.sheets();
        if !sheets.is_empty() {
            let read_sheet = match dialog.read().map(|r| &r.format) {
                Some(InputFormat::Xlsx { sheet }) => Some(sheet.as_str()),
                _ => choice.sheet.as_deref().or(sheets.first().map(String::as_str)),
            };
            let mut sheet = read_sheet.map(str::to_owned);
            let label = ui.label(T::SheetChoice.get(lang));
            ComboBox::from_id_salt("import_sheet")
                .selected_text(sheet.clone().unwrap_or_default())
                .width(180.0)
                .show_ui(ui, |ui| {
                    for name in sheets {
                        ui.selectable_value(&mut sheet, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            if sheet.as_deref() != read_sheet {
                actions.push(Action::ImportPreview(InputChoice { sheet, ..choice.clone() }));
            }
            ui.add_space(16.0);
        }
        let name_of = |key: &str| ds.indicator(key).map_or(key, |d| d.names.get(lang)).to_owned();
        let mut indicator = choice.indicator.clone();
        let shown =
            indicator.as_deref().map_or_else(|| T::AsTheFileSays.get(lang).to_owned(), name_of);
        let label = ui.label(T::IndicatorChoice.get(lang));
        ComboBox::from_id_salt("import_indicator")
            .selected_text(shown)
            .width(240.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut indicator, None, T::AsTheFileSays.get(lang));
                for def in &ds.indicators {
                    ui.selectable_value(&mut indicator, Some(def.key.clone()), def.names.get(lang));
                }
            })
            .response
            .labelled_by(label.id);
        if indicator != choice.indicator {
            actions.push(Action::ImportPreview(InputChoice { indicator, ..choice.clone() }));
        }
    });
}

/// A property combo: `None` shown as "none" when `optional`.
fn property_combo(
    ui: &mut Ui,
    id: &str,
    label: &str,
    properties: &[String],
    chosen: &mut Option<String>,
    optional: bool,
    lang: Lang,
) {
    let label = ui.label(label);
    let shown = chosen.clone().unwrap_or_else(|| W::NoProperty.get(lang).to_owned());
    ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(170.0)
        .height(PROPERTIES_HEIGHT)
        .show_ui(ui, |ui| {
            if optional {
                ui.selectable_value(chosen, None, W::NoProperty.get(lang));
            }
            for name in properties {
                ui.selectable_value(chosen, Some(name.clone()), name);
            }
        })
        .response
        .labelled_by(label.id);
}

/// A GeoJSON input's options: what its features become, the property naming them (or, for an
/// edition, the code property, the key and whether it replaces one), the corridors' kind. A
/// change reads the file again.
fn layer_options(
    ui: &mut Ui,
    dialog: &ImportDialog,
    choice: &InputChoice,
    win: &mut ImportWindow,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let mut layer = choice.layer.clone();
    let properties = dialog.properties();
    let edition = layer.layer == LayerKind::Edition;
    ui.horizontal(|ui| {
        let label = ui.label(W::ImportAs.get(lang));
        ComboBox::from_id_salt("import_layer")
            .selected_text(geojson_text::layer_name(layer.layer, lang))
            .width(170.0)
            .show_ui(ui, |ui| {
                for kind in LayerKind::ALL {
                    ui.selectable_value(
                        &mut layer.layer,
                        kind,
                        geojson_text::layer_name(kind, lang),
                    );
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(12.0);
        let before = layer.name_property.clone();
        property_combo(
            ui,
            "import_name_property",
            W::NameProperty.get(lang),
            properties,
            &mut layer.name_property,
            edition,
            lang,
        );
        if layer.name_property.is_some() && layer.name_property != before {
            layer.code_property = None;
        }
        if layer.layer == LayerKind::Corridors {
            ui.add_space(12.0);
            let name = |k: Option<CorridorKind>| {
                k.map_or(W::KindFromFile.get(lang), |k| map_text::corridor_kind(k, lang))
            };
            let label = ui.label(W::CorridorKind.get(lang));
            ComboBox::from_id_salt("import_corridor_kind")
                .selected_text(name(layer.kind))
                .width(200.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut layer.kind, None, name(None));
                    for kind in [
                        CorridorKind::Railway,
                        CorridorKind::Road,
                        CorridorKind::PowerLine,
                        CorridorKind::Pipeline,
                    ] {
                        ui.selectable_value(&mut layer.kind, Some(kind), name(Some(kind)));
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
    if edition {
        if !win.editing_key {
            win.edition_key.clone_from(&layer.edition_key);
        }
        ui.horizontal(|ui| {
            let before = layer.code_property.clone();
            property_combo(
                ui,
                "import_code_property",
                W::CodeProperty.get(lang),
                properties,
                &mut layer.code_property,
                true,
                lang,
            );
            // Regions are matched by one of the two: the one chosen last wins.
            if layer.code_property.is_some() && layer.code_property != before {
                layer.name_property = None;
            }
            ui.add_space(12.0);
            let label = ui.label(W::EditionKey.get(lang));
            let field = ui
                .add(TextEdit::singleline(&mut win.edition_key).desired_width(90.0))
                .labelled_by(label.id);
            win.editing_key = field.has_focus();
            if field.lost_focus() {
                layer.edition_key = win.edition_key.trim().to_owned();
            }
            ui.add_space(12.0);
            ui.checkbox(&mut layer.replace, W::ReplaceEdition.get(lang));
        });
        ui.label(RichText::new(W::NotUndoable.get(lang)).color(theme::palette().warning));
    }
    if layer != choice.layer {
        // Another layer kind names its features by other properties: let the preview choose.
        if layer.layer != choice.layer.layer {
            layer.name_property = None;
            layer.code_property = None;
        }
        actions.push(Action::ImportPreview(InputChoice { layer, ..choice.clone() }));
    }
}

/// A GeoJSON preview: the counts, each feature to import (number, name, region or kind) in
/// the view's language, an edition's key and regions left without a boundary, and every
/// problem with its feature number.
fn layer_preview(ui: &mut Ui, ds: &Dataset, read: &LayerRead, lang: Lang) {
    let preview = &read.preview;
    let to_import = match &preview.items {
        LayerItems::GrowthPoints(_) => GeoJsonText::GrowthPointsToImport,
        LayerItems::Projects(_) => GeoJsonText::ProjectsToImport,
        LayerItems::Corridors(_) => GeoJsonText::CorridorsToImport,
        LayerItems::Edition(_) => GeoJsonText::RegionsToImport,
    };
    let problems = preview.problems.len();
    ui.horizontal(|ui| {
        count(ui, GeoJsonText::FeaturesInFile.get(lang), preview.features, theme::palette().text);
        count(ui, to_import.get(lang), preview.items.len(), theme::palette().accent);
        let colour = if problems > 0 { theme::palette().problem } else { theme::palette().text };
        count(ui, GeoJsonText::Problems.get(lang), problems, colour);
    });
    let region = |code: &str| ds.region(code).map_or(code, |r| r.names.get(lang)).to_owned();
    // (feature, name, region or kind)
    let rows: Vec<(usize, String, String)> = match &preview.items {
        LayerItems::GrowthPoints(list) => list
            .iter()
            .map(|i| (i.feature, i.item.names.get(lang).to_owned(), region(&i.item.region_code)))
            .collect(),
        LayerItems::Projects(list) => list
            .iter()
            .map(|i| (i.feature, i.item.names.get(lang).to_owned(), region(&i.item.region_code)))
            .collect(),
        LayerItems::Corridors(list) => list
            .iter()
            .map(|i| {
                let kind = map_text::corridor_kind(i.item.kind, lang);
                (i.feature, i.item.names.get(lang).to_owned(), kind.to_owned())
            })
            .collect(),
        LayerItems::Edition(plan) => {
            let heading =
                if plan.replaces { GeoJsonText::ReplacesEdition } else { GeoJsonText::NewEdition };
            let from = plan.edition.valid_from.map(|y| y.to_string()).unwrap_or_default();
            ui.label(format!(
                "{} «{}», {} {from}",
                heading.get(lang),
                plan.edition.key,
                GeoJsonText::From.get(lang)
            ));
            if let Some(closed) = &plan.closes {
                let year = plan.edition.valid_from.unwrap_or_default();
                ui.label(geojson_text::edition_ends(closed, year, lang));
            }
            if !plan.missing.is_empty() {
                let names: Vec<String> = plan.missing.iter().map(|c| region(c)).collect();
                let text =
                    format!("{}: {}", GeoJsonText::RegionsWithoutShape.get(lang), names.join(", "));
                ui.add(Label::new(RichText::new(text).color(theme::palette().problem)).wrap());
            }
            plan.edition
                .units
                .iter()
                .zip(&plan.features)
                .map(|(u, f)| {
                    let area = format_number(u.area_km2, 0, lang);
                    (
                        *f,
                        region(&u.region_code),
                        format!("{area} {}", GeoJsonText::AreaKm2.get(lang)),
                    )
                })
                .collect()
        }
    };
    let third = match &preview.items {
        LayerItems::Corridors(_) => W::CorridorKind.get(lang),
        LayerItems::Edition(_) => GeoJsonText::AreaKm2.get(lang),
        _ => GeoJsonText::Region.get(lang),
    };
    let second = match &preview.items {
        LayerItems::Edition(_) => GeoJsonText::Region.get(lang),
        _ => W::Name.get(lang),
    };
    ui.add_space(4.0);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    ui.push_id("import_features", |ui| {
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::exact(80.0))
            .column(Column::exact(360.0))
            .column(Column::remainder())
            .max_scroll_height(VALUES_HEIGHT)
            .header(row_height, |mut header| {
                for title in [W::Feature.get(lang), second, third] {
                    header.col(|ui| {
                        ui.label(RichText::new(capitalised(title)).strong());
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let Some((feature, name, place)) = rows.get(row.index()) else { return };
                    row.col(|ui| {
                        ui.label(feature.to_string());
                    });
                    row.col(|ui| {
                        ui.add(Label::new(name.as_str()).truncate());
                    });
                    row.col(|ui| {
                        ui.add(Label::new(place.as_str()).truncate());
                    });
                });
            });
    });
    ui.add_space(4.0);
    ui.label(RichText::new(GeoJsonText::Problems.get(lang)).strong());
    if preview.problems.is_empty() {
        ui.label(RichText::new(T::NoProblems.get(lang)).color(theme::palette().text_muted));
        return;
    }
    egui::ScrollArea::vertical().id_salt("import_layer_problems").max_height(PROBLEMS_HEIGHT).show(
        ui,
        |ui| {
            for p in &preview.problems {
                ui.add(
                    Label::new(
                        RichText::new(geojson_text::problem(p, lang))
                            .color(theme::palette().problem),
                    )
                    .wrap(),
                );
            }
        },
    );
}

/// What the window shows under the choice: a hint, the reading, the refusal, the preview or
/// what was imported.
fn body(ui: &mut Ui, state: &AppState, dialog: &ImportDialog, lang: Lang) {
    match dialog.stage() {
        Stage::Choosing => {
            ui.label(RichText::new(T::ChooseInput.get(lang)).color(theme::palette().text_muted));
        }
        Stage::Reading(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(T::Reading.get(lang));
            });
        }
        Stage::Refused(refused) => {
            let message = import_text::error(&refused.error, lang);
            ui.add(Label::new(RichText::new(message).color(theme::palette().problem)).wrap());
        }
        Stage::Read(read) => preview(ui, state.dataset(), read, lang),
        Stage::LayerRead(read) => layer_preview(ui, state.dataset(), read, lang),
        Stage::LayerRefused(refused) => {
            let message = geojson_text::error(&refused.error, lang);
            ui.add(Label::new(RichText::new(message).color(theme::palette().problem)).wrap());
        }
        Stage::LayerImported(imported) => {
            let file = state.file().file_name().map_or_else(
                || state.file().display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let text = match imported {
                LayerImported::Features { layer, count } => {
                    geojson_text::features_imported(&file, *count, *layer, lang)
                }
                LayerImported::Edition { key, summary } => {
                    let into = geojson_text::features_imported(&file, 0, LayerKind::Edition, lang);
                    let what =
                        geojson_text::edition_written(key, summary.units, summary.replaced, lang);
                    // "Imported into FILE: …" with the edition's sentence after the colon.
                    let head = into.split(':').next().unwrap_or_default();
                    format!("{head}: {what}.")
                }
            };
            ui.label(RichText::new(text).strong().color(theme::palette().accent));
        }
        Stage::Imported(summary) => {
            let file = state.file().file_name().map_or_else(
                || state.file().display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let text = import_text::imported(
                &file,
                summary.inserted,
                summary.replaced,
                summary.unchanged,
                lang,
            );
            ui.label(RichText::new(text).strong().color(theme::palette().accent));
        }
    }
    if let Some(error) = dialog.apply_error() {
        ui.add(Label::new(RichText::new(error).color(theme::palette().problem)).wrap());
    }
}

/// "long_utf8_comma.csv: CSV (comma), long layout (…), header on line 1".
fn described(read: &InputRead, lang: Lang) -> String {
    let mut text = match &read.format {
        InputFormat::Csv(csv) => {
            let delimiter = match csv.delimiter {
                b';' => T::Semicolon,
                b'\t' => T::Tab,
                _ => T::Comma,
            };
            let encoding = if csv.windows_1251 { ", Windows-1251" } else { "" };
            format!("CSV ({}{encoding})", delimiter.get(lang))
        }
        InputFormat::Xlsx { sheet } => format!("XLSX, {} «{sheet}»", T::Sheet.get(lang)),
    };
    let origin = |from_title: bool| {
        if from_title { format!(" ({})", T::FromTitle.get(lang)) } else { String::new() }
    };
    match &read.preview.layout {
        TableLayout::Long => text.push_str(&format!(", {}", T::LongLayout.get(lang))),
        TableLayout::LongOneIndicator { indicator, from_title } => text.push_str(&format!(
            ", {}, {} {indicator}{}",
            T::LongOneIndicatorLayout.get(lang),
            T::Indicator.get(lang),
            origin(*from_title)
        )),
        TableLayout::Wide { indicator, from_title, years } => {
            let (first, last) = (years.first(), years.last());
            let span = match (first, last) {
                (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                (Some(a), _) => a.to_string(),
                _ => String::new(),
            };
            text.push_str(&format!(
                ", {}, {} {indicator}{}, {} {span}",
                T::WideLayout.get(lang),
                T::Indicator.get(lang),
                origin(*from_title),
                T::Years.get(lang),
            ));
        }
    }
    let header = match (lang, &read.format) {
        (Lang::En, InputFormat::Xlsx { .. }) => {
            format!("header on row {}", read.preview.header_line)
        }
        _ => format!("{} {}", T::HeaderOnLine.get(lang), read.preview.header_line),
    };
    format!("{text}, {header}")
}

/// A count with its name, the number strong: "new 3".
fn count(ui: &mut Ui, name: &str, value: usize, color: Color32) {
    ui.label(RichText::new(name).color(theme::palette().text_muted));
    ui.label(RichText::new(value.to_string()).strong().color(color));
    ui.add_space(10.0);
}

/// The preview: how the file was read, the counts, the values and the problems.
fn preview(ui: &mut Ui, ds: &Dataset, read: &InputRead, lang: Lang) {
    ui.label(RichText::new(described(read, lang)).color(theme::palette().text_muted));
    let Counts { matched, new, replacing, unchanged, problems, .. } = read.counts;
    ui.horizontal(|ui| {
        count(ui, T::RowsMatched.get(lang), matched, theme::palette().text);
        count(ui, T::New.get(lang), new, theme::palette().accent);
        count(ui, T::Replacing.get(lang), replacing, theme::palette().warning);
        count(ui, T::Unchanged.get(lang), unchanged, theme::palette().text);
        count(
            ui,
            T::Problems.get(lang),
            problems,
            if problems > 0 { theme::palette().problem } else { theme::palette().text },
        );
    });
    let notes = skipped(read, lang);
    if !notes.is_empty() {
        ui.label(RichText::new(notes).size(theme::SMALL_PT).color(theme::palette().text_muted));
    }
    ui.add_space(4.0);
    ui.label(RichText::new(T::ValuesToImport.get(lang)).strong());
    if read.preview.rows.is_empty() {
        ui.label(RichText::new(T::NoValues.get(lang)).color(theme::palette().text_muted));
    } else {
        values_table(ui, ds, &read.preview.rows, lang);
    }
    ui.add_space(6.0);
    ui.label(RichText::new(T::Problems.get(lang)).strong());
    if read.preview.problems.is_empty() {
        ui.label(RichText::new(T::NoProblems.get(lang)).color(theme::palette().text_muted));
    } else {
        problems_table(ui, read, lang);
        ui.label(
            RichText::new(T::ProblemsLeftOut.get(lang))
                .size(theme::SMALL_PT)
                .color(theme::palette().problem),
        );
    }
}

/// "Missing values skipped: 1 · Titles and footnotes skipped, lines: 1, 2": what the preview
/// left out without it being a problem.
fn skipped(read: &InputRead, lang: Lang) -> String {
    let mut parts = Vec::new();
    let outside = read.counts.outside_unit_years;
    if outside > 0 {
        parts.push(format!("{}: {outside}", T::OutsideUnitYears.get(lang)));
    }
    if !read.preview.missing.is_empty() {
        parts.push(format!("{}: {}", T::MissingSkipped.get(lang), read.preview.missing.len()));
    }
    if !read.preview.text_lines.is_empty() {
        let lines: Vec<String> =
            read.preview.text_lines.iter().take(12).map(u64::to_string).collect();
        let more = if read.preview.text_lines.len() > 12 { ", …" } else { "" };
        parts.push(format!("{}: {}{more}", T::NotesSkipped.get(lang), lines.join(", ")));
    }
    parts.join(" · ")
}

/// The region's name in `lang` ("before 2022" after a unit that ended with a reform).
fn region_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    if code == NATIONAL_CODE {
        return UiText::Kazakhstan.get(lang).to_owned();
    }
    match ds.region(code) {
        Some(r) => match r.valid_to {
            Some(year) => format!("{} ({})", r.names.get(lang), before_year(year, lang)),
            None => r.names.get(lang).to_owned(),
        },
        None => code.to_owned(),
    }
}

/// The height a table body of `rows` rows needs, at most `max`: asked for from the first
/// frame, so the table does not grow over the frames after a file is read.
fn body_height(ui: &Ui, rows: usize, max: f32) -> f32 {
    let row = theme::ROW_HEIGHT + ui.spacing().item_spacing.y;
    (rows as f32 * row).min(max)
}

/// A header cell.
fn header(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(theme::SMALL_PT));
}

/// The values to import; only the rows on screen are laid out (a file may have 100,000).
fn values_table(ui: &mut Ui, ds: &Dataset, rows: &[PreviewRow], lang: Lang) {
    let width = ui.available_width();
    ui.push_id("import_values", |ui| {
        let height = body_height(ui, rows.len(), VALUES_HEIGHT);
        TableBuilder::new(ui)
            .striped(true)
            .resizable(false)
            .auto_shrink([false, true])
            .min_scrolled_height(height)
            .max_scroll_height(VALUES_HEIGHT)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(56.0))
            .column(Column::exact(width * 0.30))
            .column(Column::exact(56.0))
            .column(Column::exact(width * 0.22))
            .column(Column::exact(110.0))
            .column(Column::remainder())
            .header(theme::ROW_HEIGHT, |mut h| {
                for text in [T::Line, T::Region, T::Year, T::Indicator, T::Value, T::InTheFileNow] {
                    let text = match text {
                        T::Indicator => capitalised(T::Indicator.get(lang)),
                        other => other.get(lang).to_owned(),
                    };
                    h.col(|ui| header(ui, &text));
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                    let Some(r) = rows.get(row.index()) else { return };
                    row.col(|ui| {
                        ui.label(
                            RichText::new(r.at.line.to_string()).color(theme::palette().text_muted),
                        );
                    });
                    row.col(|ui| {
                        ui.add(Label::new(region_name(ds, &r.region_code, lang)).truncate());
                    });
                    row.col(|ui| {
                        ui.label(r.year.to_string());
                    });
                    row.col(|ui| {
                        let name = ds
                            .indicator(&r.indicator)
                            .map_or(r.indicator.as_str(), |d| d.names.get(lang));
                        ui.add(Label::new(name).truncate());
                    });
                    row.col(|ui| {
                        ui.label(exact(r.value, lang));
                    });
                    row.col(|ui| {
                        let (text, color) = match (r.previous, r.replaces()) {
                            (None, _) => (T::New.get(lang).to_owned(), theme::palette().accent),
                            (Some(_), Some(old)) => (
                                format!("{} {}", T::Replaces.get(lang), exact(old, lang)),
                                theme::palette().warning,
                            ),
                            (Some(_), None) => {
                                (T::Unchanged.get(lang).to_owned(), theme::palette().text_muted)
                            }
                        };
                        ui.add(Label::new(RichText::new(text).color(color)).truncate());
                    });
                });
            });
    });
}

/// The problems, each with its line, column and message.
fn problems_table(ui: &mut Ui, read: &InputRead, lang: Lang) {
    let problems = &read.preview.problems;
    ui.push_id("import_problems", |ui| {
        let height = body_height(ui, problems.len(), PROBLEMS_HEIGHT);
        TableBuilder::new(ui)
            .striped(true)
            .resizable(false)
            .auto_shrink([false, true])
            .min_scrolled_height(height)
            .max_scroll_height(PROBLEMS_HEIGHT)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(56.0))
            .column(Column::exact(64.0))
            .column(Column::remainder())
            .header(theme::ROW_HEIGHT, |mut h| {
                for text in [T::Line, T::Column, T::Problem] {
                    h.col(|ui| header(ui, text.get(lang)));
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, problems.len(), |mut row| {
                    let Some(p) = problems.get(row.index()) else { return };
                    let at = p.place();
                    row.col(|ui| {
                        ui.label(
                            RichText::new(at.line.to_string()).color(theme::palette().problem),
                        );
                    });
                    row.col(|ui| {
                        ui.label(at.column_label());
                    });
                    row.col(|ui| {
                        ui.add(Label::new(import_text::problem_text(p, lang)).truncate());
                    });
                });
            });
    });
}

/// A value exactly as it will be stored (every decimal it has, none added), with the
/// language's thousands grouping: `738 587`, `2 024 873,4`.
fn exact(value: f64, lang: Lang) -> String {
    let text = value.to_string();
    let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
    format_number(value, u8::try_from(decimals).unwrap_or(u8::MAX), lang)
}

/// `text` with its first letter upper-cased ("indicator" as a column header).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Import (while a preview with values is shown) and Cancel; Close after an import.
fn buttons(
    ui: &mut Ui,
    state: &AppState,
    dialog: &ImportDialog,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if matches!(dialog.stage(), Stage::Imported(_) | Stage::LayerImported(_)) {
            if ui.button(T::Close.get(lang)).clicked() {
                actions.push(Action::ShowImport(false));
            }
            return;
        }
        if ui.button(T::Cancel.get(lang)).clicked() {
            actions.push(Action::ShowImport(false));
        }
        if let Some(read) = dialog.layer_read() {
            let good = read.preview.items.len();
            // An edition that leaves regions without a boundary is refused, as by `oblys import`.
            let complete = match &read.preview.items {
                LayerItems::Edition(plan) => plan.missing.is_empty(),
                _ => true,
            };
            let text = RichText::new(geojson_text::import_features(good, lang)).strong();
            let button = egui::Button::new(text.color(theme::palette().on_accent))
                .fill(theme::palette().accent);
            let enabled = good > 0 && complete && !state.read_only();
            let response = ui.add_enabled(enabled, button);
            let response = if state.read_only() {
                response.on_disabled_hover_text(EditText::ReadOnlyRefusal.get(lang))
            } else {
                response
            };
            if response.clicked() {
                actions.push(Action::ImportApply);
            }
        }
        if let Some(read) = dialog.read() {
            let good = read.counts.matched;
            let text = RichText::new(import_text::import_rows(good, lang)).strong();
            let button = egui::Button::new(text.color(theme::palette().on_accent))
                .fill(theme::palette().accent);
            let enabled = good > 0 && !state.read_only();
            let response = ui.add_enabled(enabled, button);
            let response = if state.read_only() {
                response.on_disabled_hover_text(EditText::ReadOnlyRefusal.get(lang))
            } else {
                response
            };
            if response.clicked() {
                actions.push(Action::ImportApply);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listing_shows_subfolders_then_statistics_files_by_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.csv", "a.XLSX", "plan.gpkg", "notes.txt", ".hidden.csv"] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        std::fs::create_dir(dir.path().join("2023")).unwrap();
        assert_eq!(
            list_folder(dir.path()).entries,
            Some(vec![
                ("2023".into(), true),
                ("a.XLSX".into(), false),
                ("b.csv".into(), false),
                ("notes.txt".into(), false)
            ])
        );
    }

    #[test]
    fn a_header_word_is_capitalised_in_any_script() {
        assert_eq!(capitalised("көрсеткіш"), "Көрсеткіш");
        assert_eq!(capitalised("indicator"), "Indicator");
        assert_eq!(capitalised(""), "");
    }
}
