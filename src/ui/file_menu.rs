//! The File menu (top bar, map screen): New (a file made from the embedded default data), Open,
//! Save As (SQLite's backup API, then the window continues in the copy) and the recent files
//! (up to 8, the ones no longer there greyed out), and "Export a table…" (a table of the file or
//! a scenario's projection to CSV or XLSX, a layer to GeoJSON, as `oblys export` and `oblys
//! project` write them). Paths are chosen in a small in-app dialog: a path field with the
//! folder's files of the kind asked for and its subfolders listed under it, Enter to confirm.
//! Opening a file takes its editing lock (`store::lock_for_editing`); when another Oblys holds
//! it the window opens it read-only.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::{RichText, TextEdit, Ui};

use crate::app::commands::Command;
use crate::app::edit::FileRequest;
use crate::app::{Action, AppState};
use crate::i18n::edit_text::EditText;
use crate::io::cells::write_atomically;
use crate::io::export_table::{ExportFormat, ExportTable, TableExportError, table_bytes};
use crate::io::projection::{projection_csv, projection_xlsx};
use crate::model::{Dataset, Lang};
use crate::store::{self, FileLock};
use crate::ui::shortcut_help::tooltip;
use crate::ui::theme;

/// How many recent files the menu keeps.
pub const MAX_RECENT: usize = 8;
/// Width of the path dialog, points.
const DIALOG_WIDTH: f32 = 520.0;
/// Height of the folder listing, points.
const LISTING_HEIGHT: f32 = 220.0;

/// A file opened: its state and, unless another Oblys holds it, its editing lock.
pub struct Opened {
    pub state: AppState,
    pub lock: Option<FileLock>,
}

/// Opens `path` in `lang`: the file is checked, its editing lock taken, then it is read.
/// Without the lock (another Oblys has the file, or no lock file can be made beside it) the
/// state is read-only.
pub fn open_file(path: &Path, lang: Lang) -> Result<Opened, String> {
    // Checked read-only first: nothing (not even a lock file) is put beside a foreign file.
    store::schema_version(path).map_err(|e| e.message(lang))?;
    let lock = store::lock_for_editing(path).ok().flatten();
    let dataset = store::load(path).map_err(|e| e.message(lang))?;
    let mut state = AppState::new(path.to_owned(), dataset, lang);
    state.set_read_only(lock.is_none());
    Ok(Opened { state, lock })
}

/// The entries of a folder listing: subfolders first, then the files of the kind asked for, each
/// by name.
#[derive(Debug, Clone, PartialEq)]
struct Listing {
    folder: PathBuf,
    /// (name, is a folder); None when the folder cannot be read.
    entries: Option<Vec<(String, bool)>>,
}

/// The extensions of Oblys files.
const OBLYS_FILES: &[&str] = &["gpkg"];
/// The extensions "Export a table…" writes.
const EXPORT_FILES: &[&str] = &["csv", "xlsx", "geojson"];

/// The extensions a dialog's listing shows.
fn extensions(request: &FileRequest) -> &'static [&'static str] {
    match request {
        FileRequest::ExportTable => EXPORT_FILES,
        FileRequest::New | FileRequest::Open | FileRequest::SaveAs | FileRequest::OpenRecent(_) => {
            OBLYS_FILES
        }
    }
}

fn list_folder(folder: &Path, extensions: &[&str]) -> Listing {
    let entries = std::fs::read_dir(folder).ok().map(|dir| {
        let mut entries: Vec<(String, bool)> = dir
            .filter_map(Result::ok)
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
                let wanted = Path::new(&name)
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)));
                ((is_dir || wanted) && !name.starts_with('.')).then_some((name, is_dir))
            })
            .collect();
        entries.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        entries
    });
    Listing { folder: folder.to_owned(), entries }
}

/// The folder a typed path points into: the path itself when it names a folder (or ends with a
/// separator), else its parent.
fn folder_of(text: &str) -> PathBuf {
    let path = PathBuf::from(text);
    if text.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir() {
        return path;
    }
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// What "Export a table…" writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExportChoice {
    Table(ExportTable),
    /// The projection of the scenario of this id.
    Projection(i64),
}

impl ExportChoice {
    /// Its name in the dialog's list.
    fn label(self, ds: &Dataset, lang: Lang) -> String {
        let text = match self {
            ExportChoice::Table(ExportTable::Indicators) => EditText::TableIndicators,
            ExportChoice::Table(ExportTable::Regions) => EditText::TableRegions,
            ExportChoice::Table(ExportTable::GrowthPoints) => EditText::GrowthPoints,
            ExportChoice::Table(ExportTable::Projects) => EditText::Projects,
            ExportChoice::Table(ExportTable::Corridors) => EditText::Corridors,
            ExportChoice::Projection(id) => {
                let name = ds.scenario(id).map_or("", |s| s.name.get(lang));
                return format!("{}: {name}", EditText::Projection.get(lang));
            }
        };
        text.get(lang).to_owned()
    }

    /// The part of the suggested file name after the open file's stem.
    fn file_part(self, ds: &Dataset) -> String {
        match self {
            ExportChoice::Table(table) => table.name().to_owned(),
            ExportChoice::Projection(id) => {
                let name = ds.scenario(id).map(|s| s.name.en.trim().to_lowercase());
                let name = name.filter(|n| !n.is_empty()).unwrap_or_else(|| id.to_string());
                let safe: String =
                    name.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect();
                format!("projection-{safe}")
            }
        }
    }

    fn has_geometry(self) -> bool {
        matches!(self, ExportChoice::Table(t) if t.has_geometry())
    }
}

/// Every table of the file, then each scenario's projection.
fn export_choices(ds: &Dataset) -> Vec<ExportChoice> {
    let tables = ExportTable::ALL.into_iter().map(ExportChoice::Table);
    tables.chain(ds.scenarios.iter().map(|s| ExportChoice::Projection(s.id))).collect()
}

/// The path suggested for `choice` in `folder`: the open file's stem, the table, and the
/// extension typed so far when it fits the table (else `.csv`).
fn export_path(state: &AppState, folder: &Path, choice: ExportChoice, typed: &str) -> PathBuf {
    let stem = state.file().file_stem().map(|s| s.to_string_lossy().into_owned());
    let format = ExportFormat::from_path(Path::new(typed.trim()))
        .filter(|f| *f != ExportFormat::GeoJson || choice.has_geometry());
    let extension = match format {
        Some(ExportFormat::Xlsx) => "xlsx",
        Some(ExportFormat::GeoJson) => "geojson",
        Some(ExportFormat::Csv) | None => "csv",
    };
    let name =
        format!("{}-{}.{extension}", stem.unwrap_or_default(), choice.file_part(state.dataset()));
    folder.join(name)
}

/// Writes `choice` from the window's data (what the file holds: every edit is saved when made;
/// a projection as the scenario screen shows it) to `path`, in the format its extension names.
fn write_export(state: &AppState, choice: ExportChoice, path: &Path) -> Result<(), String> {
    let lang = state.lang();
    let ds = state.dataset();
    let Some(format) = ExportFormat::from_path(path) else {
        return Err(EditText::UnknownExportFormat.get(lang).to_owned());
    };
    let no_geometry = || EditText::NoGeometry.get(lang).to_owned();
    let bytes = match choice {
        ExportChoice::Table(table) => match table_bytes(ds, table, format, lang) {
            Ok(bytes) => bytes,
            Err(TableExportError::NoGeometry) => return Err(no_geometry()),
            Err(e) => return Err(e.to_string()),
        },
        ExportChoice::Projection(id) => {
            let projection = state.projections().iter().find(|p| p.scenario_id == id);
            let Some((scenario, projection)) = ds.scenario(id).zip(projection) else {
                return Err(EditText::ScenarioGone.get(lang).to_owned());
            };
            let written = match format {
                ExportFormat::Csv => projection_csv(ds, scenario, projection, lang),
                ExportFormat::Xlsx => projection_xlsx(ds, scenario, projection, lang),
                ExportFormat::GeoJson => return Err(no_geometry()),
            };
            written.map_err(|e| e.to_string())?
        }
    };
    write_atomically(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The path dialog of New, Open, Save As or Export a table.
#[derive(Debug)]
struct PathDialog {
    request: FileRequest,
    path: String,
    /// The listing of the folder of `path`, made again only when that folder changes.
    listing: Listing,
    error: Option<String>,
    /// Export: what to write.
    export: ExportChoice,
    /// Export: the path of the last table written (the dialog stays open for another).
    written: Option<PathBuf>,
}

/// The menu's lasting state: the lock of the open file, the recent files and the dialog.
#[derive(Default)]
pub struct Files {
    lock: Option<FileLock>,
    recent: Vec<PathBuf>,
    dialog: Option<PathDialog>,
}

/// Where the top bar finds the recent files (set by `Files::publish` each frame).
fn recent_id() -> egui::Id {
    egui::Id::unique("oblys.recent_files")
}

impl Files {
    /// Keeps the lock of the open file (releasing the one held before).
    pub fn set_lock(&mut self, lock: Option<FileLock>) {
        self.lock = lock;
    }

    pub fn recent(&self) -> &[PathBuf] {
        &self.recent
    }

    /// The recent files remembered from the last session (at most eight are kept).
    pub fn set_recent(&mut self, mut recent: Vec<PathBuf>) {
        recent.truncate(MAX_RECENT);
        self.recent = recent;
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Hands the recent files to the top bar's menu for this frame.
    pub fn publish(&self, ctx: &egui::Context) {
        let recent: Arc<Vec<PathBuf>> = Arc::new(self.recent.clone());
        ctx.data_mut(|d| d.insert_temp(recent_id(), recent));
    }

    /// Starts a File menu command: a dialog for New, Open, Save As and Export a table; a recent
    /// file opens at once (a new state for the window, or None with the reason kept in the
    /// dialog).
    pub fn request(&mut self, request: FileRequest, state: &AppState) -> Option<Opened> {
        if let FileRequest::OpenRecent(path) = &request {
            return self.open(path, state);
        }
        let folder = state.file().parent().map(Path::to_owned).unwrap_or_default();
        let export = ExportChoice::Table(ExportTable::Indicators);
        let suggestion = match request {
            FileRequest::Open => folder.clone(),
            FileRequest::New => folder.join("new.gpkg"),
            FileRequest::ExportTable => export_path(state, &folder, export, ""),
            FileRequest::SaveAs | FileRequest::OpenRecent(_) => {
                let stem = state.file().file_stem().map(|s| s.to_string_lossy().into_owned());
                folder.join(format!("{}-copy.gpkg", stem.unwrap_or_default()))
            }
        };
        let mut path = suggestion.display().to_string();
        if matches!(request, FileRequest::Open) && !path.ends_with(std::path::MAIN_SEPARATOR) {
            path.push(std::path::MAIN_SEPARATOR);
        }
        self.dialog = Some(PathDialog {
            listing: list_folder(&folder_of(&path), extensions(&request)),
            request,
            path,
            error: None,
            export,
            written: None,
        });
        None
    }

    /// Opens `path` in place of the open file: this window's lock is released first (so
    /// reopening the same file is not mistaken for another window's) and taken back when the
    /// file cannot be opened.
    fn open(&mut self, path: &Path, state: &AppState) -> Option<Opened> {
        let held = self.lock.take();
        drop(held);
        match open_file(path, state.lang()) {
            Ok(opened) => {
                self.remember(path);
                self.dialog = None;
                Some(opened)
            }
            Err(e) => {
                self.lock = store::lock_for_editing(state.file()).ok().flatten();
                let request = FileRequest::Open;
                let dialog = self.dialog.get_or_insert_with(|| PathDialog {
                    request,
                    path: path.display().to_string(),
                    listing: list_folder(&folder_of(&path.display().to_string()), OBLYS_FILES),
                    error: None,
                    export: ExportChoice::Table(ExportTable::Indicators),
                    written: None,
                });
                dialog.error = Some(e);
                None
            }
        }
    }

    /// The path dialog, while one is open; a file opened through it.
    pub fn show_dialog(&mut self, ctx: &egui::Context, state: &AppState) -> Option<Opened> {
        let lang = state.lang();
        let dialog = self.dialog.as_mut()?;
        let title = match dialog.request {
            FileRequest::New => EditText::NewFileTitle,
            FileRequest::Open | FileRequest::OpenRecent(_) => EditText::OpenFileTitle,
            FileRequest::SaveAs => EditText::SaveAsTitle,
            FileRequest::ExportTable => EditText::ExportTableTitle,
        };
        let exporting = dialog.request == FileRequest::ExportTable;
        let mut confirm = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("oblys.path_dialog")).show(ctx, |ui| {
            ui.set_width(DIALOG_WIDTH);
            ui.label(RichText::new(title.get(lang)).size(theme::HEADING_PT).strong());
            if exporting {
                export_choice(ui, state, dialog);
            }
            let label = ui.label(EditText::PathLabel.get(lang));
            let field = ui
                .add(TextEdit::singleline(&mut dialog.path).desired_width(DIALOG_WIDTH))
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                confirm = true;
            }
            if field.changed() {
                dialog.written = None;
            }
            let folder = folder_of(&dialog.path);
            if folder != dialog.listing.folder {
                dialog.listing = list_folder(&folder, extensions(&dialog.request));
            }
            listing(ui, dialog, lang);
            if exporting {
                ui.label(
                    RichText::new(EditText::ExportFormatHint.get(lang))
                        .small()
                        .color(theme::palette().text_muted),
                );
            }
            if let Some(error) = &dialog.error {
                ui.add(
                    egui::Label::new(RichText::new(error).color(theme::palette().problem)).wrap(),
                );
            }
            if let Some(written) = &dialog.written {
                let text = format!("{}: {}", EditText::Written.get(lang), written.display());
                ui.add(egui::Label::new(text).wrap());
            }
            ui.horizontal(|ui| {
                confirm |= ui.button(EditText::Confirm.get(lang)).clicked();
                // After an export the dialog stays for another table: closing it cancels nothing.
                let close =
                    if dialog.written.is_some() { EditText::Close } else { EditText::Cancel };
                cancel = ui.button(close.get(lang)).clicked();
            });
        });
        if cancel {
            self.dialog = None;
            return None;
        }
        if !confirm {
            return None;
        }
        self.confirm(state)
    }

    /// Carries out the dialog's command on the typed path.
    fn confirm(&mut self, state: &AppState) -> Option<Opened> {
        let lang = state.lang();
        let dialog = self.dialog.as_mut()?;
        let mut path = PathBuf::from(dialog.path.trim());
        if matches!(dialog.request, FileRequest::New | FileRequest::SaveAs)
            && path.extension().is_none()
        {
            path.set_extension("gpkg");
        }
        if dialog.request == FileRequest::ExportTable {
            // An existing file (the open one among them) is never overwritten.
            let written = if path.exists() {
                Err(EditText::FileExists.get(lang).to_owned())
            } else {
                write_export(state, dialog.export, &path)
            };
            match written {
                Ok(()) => {
                    dialog.error = None;
                    dialog.listing = list_folder(&dialog.listing.folder, EXPORT_FILES);
                    dialog.written = Some(path);
                }
                Err(e) => {
                    dialog.error = Some(e);
                    dialog.written = None;
                }
            }
            return None;
        }
        let written = match dialog.request {
            FileRequest::New | FileRequest::SaveAs if path.exists() => {
                Err(EditText::FileExists.get(lang).to_owned())
            }
            FileRequest::New => crate::io::default_dataset::build()
                .map_err(|e| e.to_string())
                .and_then(|ds| store::create(&path, &ds).map_err(|e| e.message(lang))),
            FileRequest::SaveAs => {
                store::save_copy_as(state.file(), &path).map_err(|e| e.message(lang))
            }
            FileRequest::Open | FileRequest::OpenRecent(_) | FileRequest::ExportTable => Ok(()),
        };
        if let Err(e) = written {
            dialog.error = Some(e);
            return None;
        }
        self.open(&path, state)
    }
}

/// The table to export, chosen from the file's tables and scenarios; choosing one suggests its
/// file name beside the typed path's folder.
fn export_choice(ui: &mut Ui, state: &AppState, dialog: &mut PathDialog) {
    let lang = state.lang();
    let ds = state.dataset();
    let choices = export_choices(ds);
    if !choices.contains(&dialog.export) {
        // Its scenario was deleted (or an addition undone) while the dialog was open.
        dialog.export = ExportChoice::Table(ExportTable::Indicators);
    }
    let before = dialog.export;
    let label = ui.label(EditText::TableLabel.get(lang));
    egui::ComboBox::from_id_salt("oblys.export_table")
        .width(DIALOG_WIDTH)
        .selected_text(dialog.export.label(ds, lang))
        .show_ui(ui, |ui| {
            for choice in choices {
                ui.selectable_value(&mut dialog.export, choice, choice.label(ds, lang));
            }
        })
        .response
        .labelled_by(label.id);
    if dialog.export != before {
        let folder = folder_of(&dialog.path);
        dialog.path =
            export_path(state, &folder, dialog.export, &dialog.path).display().to_string();
        dialog.error = None;
        dialog.written = None;
    }
}

/// The folder's subfolders and files of the kind asked for; a click puts one into the path.
fn listing(ui: &mut Ui, dialog: &mut PathDialog, lang: Lang) {
    egui::ScrollArea::vertical().max_height(LISTING_HEIGHT).show(ui, |ui| {
        let Some(entries) = &dialog.listing.entries else {
            ui.label(
                RichText::new(EditText::NotAFolder.get(lang)).color(theme::palette().text_muted),
            );
            return;
        };
        if ui.selectable_label(false, "..").on_hover_text(EditText::Folders.get(lang)).clicked()
            && let Some(up) = dialog.listing.folder.parent()
        {
            dialog.path = format!("{}{}", up.display(), std::path::MAIN_SEPARATOR);
        }
        if entries.iter().all(|(_, dir)| *dir) {
            ui.label(
                RichText::new(EditText::FolderEmpty.get(lang)).color(theme::palette().text_muted),
            );
        }
        let mut chosen = None;
        for (name, is_dir) in entries {
            let shown =
                if *is_dir { format!("{name}{}", std::path::MAIN_SEPARATOR) } else { name.clone() };
            if ui.selectable_label(false, shown).clicked() {
                let path = dialog.listing.folder.join(name);
                chosen = Some(if *is_dir {
                    format!("{}{}", path.display(), std::path::MAIN_SEPARATOR)
                } else {
                    path.display().to_string()
                });
            }
        }
        if let Some(path) = chosen {
            dialog.path = path;
            dialog.error = None;
        }
    });
}

/// The File menu button of the top bar: New, Open, Save As, Import, Export a table, the recent
/// files.
pub fn menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let recent: Arc<Vec<PathBuf>> = ui.ctx().data(|d| d.get_temp(recent_id())).unwrap_or_default();
    ui.menu_button(EditText::File.get(lang), |ui| {
        // Each entry's hover text names its key from the command list.
        let ctx = ui.ctx().clone();
        for (text, request, command) in [
            (EditText::NewFile, FileRequest::New, Command::NewFile),
            (EditText::OpenFile, FileRequest::Open, Command::OpenFile),
            (EditText::SaveAs, FileRequest::SaveAs, Command::SaveAs),
        ] {
            let button = ui.button(text.get(lang));
            if button.on_hover_text(tooltip(&ctx, command, lang)).clicked() {
                actions.push(Action::File(request));
                ui.close();
            }
        }
        let import = ui.button(crate::i18n::import_text::ImportText::MenuEntry.get(lang));
        if import.on_hover_text(tooltip(&ctx, Command::Import, lang)).clicked() {
            actions.push(Action::ShowImport(true));
            ui.close();
        }
        let export = ui.button(EditText::ExportTable.get(lang));
        if export.on_hover_text(EditText::ExportFormatHint.get(lang)).clicked() {
            actions.push(Action::File(FileRequest::ExportTable));
            ui.close();
        }
        ui.separator();
        ui.label(
            RichText::new(EditText::RecentFiles.get(lang))
                .small()
                .color(theme::palette().text_muted),
        );
        if recent.is_empty() {
            ui.label(
                RichText::new(EditText::NoRecentFiles.get(lang)).color(theme::palette().text_muted),
            );
        }
        // Checked only while the menu is open: at most eight paths.
        for path in recent.iter() {
            let name = path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            let there = path.exists();
            let button = ui.add_enabled(there, egui::Button::new(name));
            if button.on_hover_text(path.display().to_string()).clicked() {
                actions.push(Action::File(FileRequest::OpenRecent(path.clone())));
                ui.close();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_listing_shows_subfolders_then_gpkg_files_by_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.gpkg", "a.GPKG", "notes.txt", ".hidden.gpkg"] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        std::fs::create_dir(dir.path().join("plans")).unwrap();
        let listing = list_folder(dir.path(), OBLYS_FILES);
        assert_eq!(
            listing.entries,
            Some(vec![("plans".into(), true), ("a.GPKG".into(), false), ("b.gpkg".into(), false)])
        );
        assert_eq!(list_folder(&dir.path().join("missing"), OBLYS_FILES).entries, None);
        let exports = list_folder(dir.path(), EXPORT_FILES);
        assert_eq!(exports.entries, Some(vec![("plans".into(), true)]));
    }

    #[test]
    fn the_folder_of_a_typed_path_is_itself_or_its_parent() {
        let dir = tempfile::tempdir().unwrap();
        let typed = dir.path().join("plan.gpkg").display().to_string();
        assert_eq!(folder_of(&typed), dir.path());
        assert_eq!(folder_of(&dir.path().display().to_string()), dir.path());
        assert_eq!(folder_of("plan.gpkg"), PathBuf::from("."));
    }

    #[test]
    fn recent_files_keep_the_latest_first_without_repeats_up_to_eight() {
        let mut files = Files::default();
        for i in 0..10 {
            files.remember(Path::new(&format!("/nowhere/{i}.gpkg")));
        }
        files.remember(Path::new("/nowhere/5.gpkg"));
        let names: Vec<String> = files.recent().iter().map(|p| p.display().to_string()).collect();
        assert_eq!(names.len(), MAX_RECENT);
        assert_eq!(names[0], "/nowhere/5.gpkg");
        assert_eq!(names[1], "/nowhere/9.gpkg");
        assert_eq!(names.iter().filter(|n| *n == "/nowhere/5.gpkg").count(), 1);
    }
}
