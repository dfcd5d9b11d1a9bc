//! The import window's model: the input file chosen (with its sheet and indicator), what reading
//! it gave (the preview, or why it cannot be read), and what importing wrote. Reading never
//! writes anything; a file larger than [`BACKGROUND_BYTES`] is read on a worker thread so the
//! window keeps drawing. Importing is one undoable edit (`Edit::SetValues`): every good value
//! that is new or different is written in one transaction and only then put into the in-memory
//! `Dataset`, so the map, table and charts show them at once and the window always shows what
//! the file holds; the values with problems are never written. Ctrl+Z takes the whole import
//! back (the new values deleted, the replaced ones restored, in the file too); Ctrl+Y makes it
//! again. A GeoJSON input (`.geojson`, `.json`) is read as a layer instead ([`LayerChoice`]):
//! points and lines are added as one undoable edit (`Edit::AddFeatures`); a boundary edition is
//! written by `store::write_edition`, cannot be undone, and the window's state is then rebuilt
//! from the file as File > Open builds it.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use calamine::Reader;

use super::edit::{Edit, EditError};
use super::{AppState, Dirty};
use crate::i18n::edit_text::EditText;
use crate::io::import::command::today_utc;
use crate::io::import::geojson_input::{
    GeoJsonError, GeoJsonOptions, LayerItems, LayerKind, LayerPreview, YEARS, is_geojson,
    preview_geojson,
};
use crate::io::import::{
    ImportError, InputFormat, Preview, PreviewOptions, RegionMatcher, is_xlsx, preview_input,
    read_input,
};
use crate::model::{CorridorKind, Dataset, IndicatorValue};
use crate::store::{self, EditionSummary, FeatureBatch, ImportSummary};

/// Inputs at least this large are read on a worker thread: 100,000 CSV rows (≈ 5 MB) take
/// 150–195 ms to preview (`benches/import.rs`), so 256 KiB takes about 10 ms, within a frame.
pub const BACKGROUND_BYTES: u64 = 256 * 1024;
/// The same for a workbook, whose zip holds about eight times as much XML as its size.
pub const BACKGROUND_WORKBOOK_BYTES: u64 = BACKGROUND_BYTES / 8;

/// What the planner chose to read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InputChoice {
    pub path: PathBuf,
    /// The workbook's sheet (the first when `None`).
    pub sheet: Option<String>,
    /// The indicator of a table that does not name one (key), when the planner gave it.
    pub indicator: Option<String>,
    /// How a GeoJSON input is read (unused for tables).
    pub layer: LayerChoice,
}

/// How the features of a GeoJSON input are read: what they become and which property says
/// what. `None` for a property lets the preview pick the usual one (`name`, else the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerChoice {
    pub layer: LayerKind,
    /// The property naming each feature (points, lines) or its region (editions).
    pub name_property: Option<String>,
    /// The property holding each region's code (editions; instead of the name).
    pub code_property: Option<String>,
    /// The corridors' kind; `None` takes each feature's `kind` property.
    pub kind: Option<CorridorKind>,
    /// Key of the boundary edition written (this year when empty).
    pub edition_key: String,
    /// Replace an edition with the same key.
    pub replace: bool,
}

impl Default for LayerChoice {
    fn default() -> LayerChoice {
        LayerChoice {
            layer: LayerKind::GrowthPoints,
            name_property: None,
            code_property: None,
            kind: None,
            edition_key: String::new(),
            replace: false,
        }
    }
}

/// A GeoJSON file read: its preview and the properties its features have (in file order).
#[derive(Debug, Clone, PartialEq)]
pub struct LayerRead {
    /// The choice as read, with the defaults it took filled in.
    pub choice: InputChoice,
    pub preview: LayerPreview,
    pub properties: Vec<String>,
}

/// A GeoJSON file that cannot be previewed with the options chosen.
#[derive(Debug)]
pub struct LayerRefused {
    pub choice: InputChoice,
    pub error: GeoJsonError,
    pub properties: Vec<String>,
}

/// What importing a GeoJSON file wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayerImported {
    /// Growth points, projects or corridors added (one undoable step).
    Features { layer: LayerKind, count: usize },
    /// A boundary edition written (not undoable; the dataset and the map were reloaded).
    Edition { key: String, summary: EditionSummary },
}

/// The properties the features of a GeoJSON text have, each once, in the order first met;
/// none when the text is not a FeatureCollection (the preview says why).
pub fn property_names(bytes: &[u8]) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Collection {
        #[serde(default)]
        features: Vec<Feature>,
    }
    #[derive(serde::Deserialize)]
    struct Feature {
        #[serde(default)]
        properties: Option<serde_json::Map<String, serde_json::Value>>,
    }
    let Ok(collection) = serde_json::from_slice::<Collection>(bytes) else { return Vec::new() };
    let mut seen = std::collections::HashSet::new();
    let mut names = Vec::new();
    for properties in collection.features.iter().filter_map(|f| f.properties.as_ref()) {
        for name in properties.keys() {
            if seen.insert(name.as_str()) {
                names.push(name.clone());
            }
        }
    }
    names
}

/// The property taken as the name when none is chosen: `name` (or a `name_ru`/`name_kk`/
/// `name_en`, `NAME`), else the first.
fn default_name_property(properties: &[String]) -> Option<String> {
    ["name", "name_ru", "name_kk", "name_en", "NAME", "Name"]
        .iter()
        .find(|n| properties.iter().any(|p| p == *n))
        .map(|n| (*n).to_owned())
        .or_else(|| properties.first().cloned())
}

/// This year, from today's date (the end of the allowed years should the date be unreadable).
fn this_year() -> i32 {
    today_utc().get(..4).and_then(|y| y.parse().ok()).unwrap_or(*YEARS.end())
}

/// Reads the GeoJSON file of `choice` and previews it against `dataset`. Writes nothing.
pub fn read_layer(choice: &InputChoice, dataset: &Dataset) -> Result<LayerRead, Box<LayerRefused>> {
    let shown = shown_name(&choice.path);
    let mut choice = choice.clone();
    let bytes = match read_input(&choice.path, &shown) {
        Ok(bytes) => bytes,
        Err(e) => {
            let error = GeoJsonError::from(e);
            return Err(Box::new(LayerRefused { choice, error, properties: Vec::new() }));
        }
    };
    let properties = property_names(&bytes);
    let layer = &mut choice.layer;
    if layer.name_property.is_none()
        && (layer.layer != LayerKind::Edition || layer.code_property.is_none())
    {
        layer.name_property = default_name_property(&properties);
    }
    let edition = layer.layer == LayerKind::Edition;
    if edition && layer.edition_key.trim().is_empty() {
        layer.edition_key = this_year().to_string();
    }
    let options = GeoJsonOptions {
        layer: layer.layer,
        name_property: layer.name_property.clone(),
        code_property: layer.code_property.clone().filter(|_| edition),
        name_lang: None,
        kind: layer.kind.filter(|_| layer.layer == LayerKind::Corridors),
        edition_key: edition.then(|| layer.edition_key.trim().to_owned()),
        valid_from: None,
        replace: edition && layer.replace,
        this_year: this_year(),
        source: shown.clone(),
    };
    match preview_geojson(&shown, &bytes, dataset, &options) {
        Ok(preview) => Ok(LayerRead { choice, preview, properties }),
        Err(error) => Err(Box::new(LayerRefused { choice, error, properties })),
    }
}

/// The new features of a points or lines preview, as one batch (empty for an edition).
pub fn batch_of(items: &LayerItems) -> FeatureBatch {
    fn take<T: Clone>(list: &[crate::io::import::geojson_input::Imported<T>]) -> Vec<T> {
        list.iter().map(|i| i.item.clone()).collect()
    }
    match items {
        LayerItems::GrowthPoints(list) => {
            FeatureBatch { growth_points: take(list), ..FeatureBatch::default() }
        }
        LayerItems::Projects(list) => {
            FeatureBatch { projects: take(list), ..FeatureBatch::default() }
        }
        LayerItems::Corridors(list) => {
            FeatureBatch { corridors: take(list), ..FeatureBatch::default() }
        }
        LayerItems::Edition(_) => FeatureBatch::default(),
    }
}

/// How many values a preview would import, and how many cells it leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Values ready to import.
    pub matched: usize,
    /// Of those, values the file does not have yet.
    pub new: usize,
    /// Values that replace a different value in the file.
    pub replacing: usize,
    /// Values equal to the one in the file.
    pub unchanged: usize,
    /// Cells with a problem (never imported).
    pub problems: usize,
    /// Values of a unit in years it did not exist (imported on the nearest unit).
    pub outside_unit_years: usize,
}

impl Counts {
    pub fn of(preview: &Preview) -> Counts {
        let mut counts = Counts {
            matched: preview.rows.len(),
            problems: preview.problems.len(),
            ..Counts::default()
        };
        for row in &preview.rows {
            counts.outside_unit_years += usize::from(row.outside_unit_years);
            match row.previous {
                None => counts.new += 1,
                Some(p) if p == row.value => counts.unchanged += 1,
                Some(_) => counts.replacing += 1,
            }
        }
        counts
    }
}

/// A file read: its preview, how it was read and the sheets of a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct InputRead {
    pub choice: InputChoice,
    pub preview: Preview,
    pub format: InputFormat,
    /// The workbook's sheets in order (empty for a CSV file).
    pub sheets: Vec<String>,
    pub counts: Counts,
}

/// A file that cannot be previewed, and the sheets of a workbook (so another can be chosen).
#[derive(Debug)]
pub struct InputRefused {
    pub choice: InputChoice,
    pub error: ImportError,
    pub sheets: Vec<String>,
}

/// The name the input is given in messages and as the imported values' source: its file name.
fn shown_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The sheets of a workbook, in order; none when it cannot be opened (reading it says why).
pub fn sheet_names(bytes: &[u8]) -> Vec<String> {
    calamine::Xlsx::new(Cursor::new(bytes)).map(|w| w.sheet_names()).unwrap_or_default()
}

/// Reads the chosen file and previews it against `dataset`. Writes nothing.
pub fn read_choice(
    choice: &InputChoice,
    dataset: &Dataset,
) -> Result<InputRead, Box<InputRefused>> {
    let shown = shown_name(&choice.path);
    let refuse = |error, sheets| Box::new(InputRefused { choice: choice.clone(), error, sheets });
    let bytes = read_input(&choice.path, &shown).map_err(|e| refuse(e, Vec::new()))?;
    let sheets = if is_xlsx(&shown, &bytes) { sheet_names(&bytes) } else { Vec::new() };
    let matcher = RegionMatcher::new(dataset);
    let options = PreviewOptions { indicator: choice.indicator.clone() };
    match preview_input(&shown, &bytes, choice.sheet.as_deref(), dataset, &matcher, &options) {
        Ok((preview, format)) => Ok(InputRead {
            choice: choice.clone(),
            counts: Counts::of(&preview),
            preview,
            format,
            sheets,
        }),
        Err(error) => Err(refuse(error, sheets)),
    }
}

/// The values an import writes: every good row, with the input's file name (and sheet) as the
/// source and today's date in the note, as `oblys import` records them.
pub fn values_to_import(read: &InputRead) -> Vec<IndicatorValue> {
    let name = shown_name(&read.choice.path);
    let source = match &read.format {
        InputFormat::Csv(_) => name,
        InputFormat::Xlsx { sheet } => format!("{name} [{sheet}]"),
    };
    let note = format!("import {}", today_utc());
    read.preview
        .rows
        .iter()
        .map(|r| IndicatorValue {
            region_code: r.region_code.clone(),
            year: r.year,
            indicator: r.indicator.clone(),
            value: r.value,
            source: source.clone(),
            note: note.clone(),
        })
        .collect()
}

/// Reads `choice` as a GeoJSON layer or a table by its extension: the stage its preview (or
/// refusal) puts the window in. Writes nothing.
fn read_stage(choice: &InputChoice, dataset: &Dataset) -> Stage {
    if is_geojson(&choice.path) {
        match read_layer(choice, dataset) {
            Ok(read) => Stage::LayerRead(Box::new(read)),
            Err(refused) => Stage::LayerRefused(refused),
        }
    } else {
        match read_choice(choice, dataset) {
            Ok(read) => Stage::Read(Box::new(read)),
            Err(refused) => Stage::Refused(refused),
        }
    }
}

/// A file being read on a worker thread.
#[derive(Debug)]
pub struct Reading {
    pub choice: InputChoice,
    /// The stage the reading ends in (a table's or a layer's preview, or its refusal).
    job: JoinHandle<Stage>,
}

impl Reading {
    /// Whether the worker has finished (its result waits for `Action::ImportPreviewDone`).
    pub fn finished(&self) -> bool {
        self.job.is_finished()
    }
}

/// Where the import window is.
#[derive(Debug, Default)]
pub enum Stage {
    /// Nothing read yet.
    #[default]
    Choosing,
    /// A large file is being read.
    Reading(Reading),
    /// The preview of the chosen file.
    Read(Box<InputRead>),
    /// The chosen file cannot be previewed.
    Refused(Box<InputRefused>),
    /// The good values were written into the file.
    Imported(ImportSummary),
    /// The preview of a GeoJSON file.
    LayerRead(Box<LayerRead>),
    /// The GeoJSON file cannot be previewed with the options chosen.
    LayerRefused(Box<LayerRefused>),
    /// The GeoJSON file's features (or edition) were written.
    LayerImported(LayerImported),
}

/// The import window's state while it is open.
#[derive(Debug, Default)]
pub struct ImportDialog {
    stage: Stage,
    /// Why the last import was refused by the file (nothing was written).
    apply_error: Option<String>,
}

impl ImportDialog {
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// Why the file refused the last import, if it did (nothing was written then).
    pub fn apply_error(&self) -> Option<&str> {
        self.apply_error.as_deref()
    }

    /// The file chosen last (being read, read, or refused).
    pub fn choice(&self) -> Option<&InputChoice> {
        match &self.stage {
            Stage::Reading(r) => Some(&r.choice),
            Stage::Read(r) => Some(&r.choice),
            Stage::Refused(r) => Some(&r.choice),
            Stage::LayerRead(r) => Some(&r.choice),
            Stage::LayerRefused(r) => Some(&r.choice),
            Stage::Choosing | Stage::Imported(_) | Stage::LayerImported(_) => None,
        }
    }

    /// The sheets of the workbook chosen last (empty for a CSV file or nothing read).
    pub fn sheets(&self) -> &[String] {
        match &self.stage {
            Stage::Read(r) => &r.sheets,
            Stage::Refused(r) => &r.sheets,
            _ => &[],
        }
    }

    /// The properties of the GeoJSON file chosen last (empty for a table or nothing read).
    pub fn properties(&self) -> &[String] {
        match &self.stage {
            Stage::LayerRead(r) => &r.properties,
            Stage::LayerRefused(r) => &r.properties,
            _ => &[],
        }
    }

    /// The GeoJSON preview waiting to be imported, if any.
    pub fn layer_read(&self) -> Option<&LayerRead> {
        match &self.stage {
            Stage::LayerRead(r) => Some(r),
            _ => None,
        }
    }

    /// The preview waiting to be imported, if any.
    pub fn read(&self) -> Option<&InputRead> {
        match &self.stage {
            Stage::Read(r) => Some(r),
            _ => None,
        }
    }
}

impl AppState {
    /// Opens the import window afresh, or closes it: whatever it read is dropped and nothing
    /// is written.
    pub(super) fn show_import(&mut self, open: bool) -> Dirty {
        self.import = open.then(ImportDialog::default);
        Dirty::NOTHING
    }

    /// Reads `choice` for the open window: at once when the file is small, else on a worker
    /// thread (`ImportPreviewDone` takes its result).
    pub(super) fn preview_import(&mut self, choice: InputChoice) -> Dirty {
        let Some(dialog) = self.import.as_mut() else { return Dirty::NOTHING };
        dialog.apply_error = None;
        let workbook = is_xlsx(&choice.path.to_string_lossy(), &[]);
        // 100,000 points (≈ 13 MB) preview in about 0.3 s (benches/geojson_import): GeoJSON reads
        // at about the speed of CSV per byte, so the same limit serves.
        let limit = if workbook { BACKGROUND_WORKBOOK_BYTES } else { BACKGROUND_BYTES };
        let large = std::fs::metadata(&choice.path).is_ok_and(|m| m.len() >= limit);
        if large {
            let dataset = Arc::clone(&self.dataset);
            let job_choice = choice.clone();
            let spawned = std::thread::Builder::new()
                .name("oblys-import-preview".into())
                .spawn(move || read_stage(&job_choice, &dataset));
            if let Ok(job) = spawned {
                dialog.stage = Stage::Reading(Reading { choice, job });
                return Dirty::NOTHING;
            }
            // No thread to be had: read it here (the window waits, but the preview comes).
        }
        dialog.stage = read_stage(&choice, &self.dataset);
        Dirty::NOTHING
    }

    /// Takes the worker's preview once it has finished; nothing while it still runs.
    pub(super) fn finish_import_preview(&mut self) -> Dirty {
        let Some(dialog) = self.import.as_mut() else { return Dirty::NOTHING };
        let Stage::Reading(reading) = &dialog.stage else { return Dirty::NOTHING };
        if !reading.finished() {
            return Dirty::NOTHING;
        }
        let Stage::Reading(Reading { choice, job }) = std::mem::take(&mut dialog.stage) else {
            return Dirty::NOTHING;
        };
        dialog.stage = match job.join() {
            Ok(stage) => stage,
            Err(_) => {
                let source = std::io::Error::other("the reader stopped unexpectedly");
                let file = shown_name(&choice.path);
                Stage::Refused(Box::new(InputRefused {
                    choice,
                    error: ImportError::Read { file, source },
                    sheets: Vec::new(),
                }))
            }
        };
        Dirty::NOTHING
    }

    /// Writes the previewed good values (or features) into the file in one transaction as one
    /// undoable edit, then into the dataset; a boundary edition is written and the file
    /// reloaded. A refusal (read-only window, a file that changed underneath) writes nothing and
    /// keeps its message in the window.
    pub(super) fn apply_import(&mut self) -> Dirty {
        let lang = self.view.lang;
        let Some(dialog) = self.import.as_mut() else { return Dirty::NOTHING };
        if self.read_only {
            dialog.apply_error = Some(EditText::ReadOnlyRefusal.get(lang).to_owned());
            return Dirty::NOTHING;
        }
        let (edit, stage) = match &dialog.stage {
            Stage::Read(read) if !read.preview.rows.is_empty() => {
                let values = values_to_import(read);
                let edit = Edit::import_values(&self.dataset, &values);
                let changed = match &edit {
                    Edit::SetValues(changes) => changes.as_slice(),
                    _ => &[],
                };
                let replaced = changed.iter().filter(|c| c.old.is_some()).count();
                let summary = ImportSummary {
                    inserted: changed.len() - replaced,
                    replaced,
                    unchanged: values.len() - changed.len(),
                };
                (edit, Stage::Imported(summary))
            }
            Stage::LayerRead(read) if !read.preview.items.is_empty() => {
                if let LayerItems::Edition(plan) = &read.preview.items {
                    let (plan, replace) = (plan.clone(), read.choice.layer.replace);
                    return self.apply_edition(&plan.edition, replace);
                }
                let layer = read.choice.layer.layer;
                let count = read.preview.items.len();
                let edit = Edit::AddFeatures(batch_of(&read.preview.items));
                (edit, Stage::LayerImported(LayerImported::Features { layer, count }))
            }
            _ => return Dirty::NOTHING,
        };
        // Equal values only: nothing to write and no step to undo.
        let empty = matches!(&edit, Edit::SetValues(changes) if changes.is_empty());
        let dirty = if empty {
            Dirty::NOTHING
        } else {
            match self.commit_edit(&edit) {
                Ok(dirty) => {
                    self.history.record(edit);
                    dirty
                }
                Err(e) => {
                    let message = match e {
                        EditError::ReadOnly => EditText::ReadOnlyRefusal.get(lang).to_owned(),
                        EditError::Stale => EditText::StaleEdit.get(lang).to_owned(),
                        EditError::Mismatch => EditText::MismatchedEdit.get(lang).to_owned(),
                        EditError::Store(e) => e.message(lang),
                    };
                    if let Some(dialog) = self.import.as_mut() {
                        dialog.apply_error = Some(message);
                    }
                    return Dirty::NOTHING;
                }
            }
        };
        if let Some(dialog) = self.import.as_mut() {
            dialog.stage = stage;
            dialog.apply_error = None;
        }
        dirty
    }

    /// Writes a boundary edition (not undoable) and continues on the file as reloaded: the
    /// dataset, the regions for placing points and the map's geometry are built afresh, as
    /// File > Open builds them; the undo history, the window's read-only mark and the import
    /// window are kept.
    fn apply_edition(&mut self, edition: &crate::model::BoundaryEdition, replace: bool) -> Dirty {
        let written = store::write_edition(&self.file, edition, replace)
            .and_then(|summary| store::load(&self.file).map(|ds| (summary, ds)));
        let (summary, dataset) = match written {
            Ok(done) => done,
            Err(e) => {
                if let Some(dialog) = self.import.as_mut() {
                    dialog.apply_error = Some(e.message(self.view.lang));
                }
                return Dirty::NOTHING;
            }
        };
        let mut fresh = AppState::new(self.file.clone(), dataset, self.view.lang);
        // Painters cache by version: the fresh scenes must not look like the old ones.
        fresh.scene_version += self.scene_version + 1;
        fresh.compare_version += self.compare_version + 1;
        fresh.target_map_version += self.target_map_version + 1;
        fresh.read_only = self.read_only;
        fresh.data_open = self.data_open;
        fresh.history = std::mem::take(&mut self.history);
        fresh.import = self.import.take();
        if let Some(dialog) = fresh.import.as_mut() {
            let key = edition.key.clone();
            dialog.stage = Stage::LayerImported(LayerImported::Edition { key, summary });
            dialog.apply_error = None;
        }
        *self = fresh;
        Dirty::NOTHING
    }

    /// The import window's state, while it is open.
    pub fn import(&self) -> Option<&ImportDialog> {
        self.import.as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::model::Lang;
    use crate::store;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

    /// A window on a fresh file holding the default dataset, with the import window open.
    fn state(dir: &tempfile::TempDir) -> AppState {
        let path = dir.path().join("t.gpkg");
        let ds = crate::io::default_dataset::build().unwrap();
        store::create(&path, &ds).unwrap();
        let mut state = AppState::new(path.clone(), store::load(&path).unwrap(), Lang::En);
        state.apply(Action::ShowImport(true));
        state
    }

    fn choose(path: PathBuf) -> InputChoice {
        InputChoice { path, ..InputChoice::default() }
    }

    fn fixture(name: &str) -> PathBuf {
        Path::new(FIXTURES).join(name)
    }

    #[test]
    fn a_preview_counts_new_replacing_unchanged_and_problems_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        let before = std::fs::read(state.file()).unwrap();
        state.apply(Action::ImportPreview(choose(fixture("long_problems.csv"))));
        let read = state.import().and_then(ImportDialog::read).expect("a preview");
        // Akmola 2020 equal to the file's value; Shymkent 2015 unemployment is a new value.
        assert_eq!(read.counts.matched, 2);
        assert_eq!(read.counts.unchanged + read.counts.new + read.counts.replacing, 2);
        assert_eq!(read.counts.problems, read.preview.problems.len());
        let lines: Vec<u64> = read.preview.problems.iter().map(|p| p.place().line).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7, 8, 10, 14]);
        // Shymkent (a city since 2018) in 2015.
        assert_eq!(read.counts.outside_unit_years, 1);
        assert!(read.sheets.is_empty());
        state.apply(Action::ShowImport(false));
        assert!(state.import().is_none());
        assert_eq!(std::fs::read(state.file()).unwrap(), before);
    }

    #[test]
    fn importing_writes_the_good_values_and_shows_them_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        state.apply(Action::ImportPreview(choose(fixture("long_new_values.csv"))));
        let counts = state.import().and_then(ImportDialog::read).expect("a preview").counts;
        assert_eq!(counts, Counts { matched: 3, new: 3, ..Counts::default() });
        state.apply(Action::ImportApply);
        let stage = state.import().map(ImportDialog::stage);
        assert!(
            matches!(stage, Some(Stage::Imported(s)) if s.inserted == 3 && s.replaced == 0),
            "{stage:?}"
        );
        assert_eq!(state.dataset().value("KZ-AKM", "population", 2097), Some(1000.0));
        assert_eq!(state.dataset().value("KZ-ALA", "population", 2097), Some(2000.5));
        let reloaded = store::load(state.file()).unwrap();
        assert_eq!(&reloaded, state.dataset(), "memory and file agree, order included");
        // The year appears among the indicator's years (the map's slider offers it).
        assert_eq!(state.years().last(), Some(&2097));
    }

    #[test]
    fn an_import_edit_replaces_in_place_adds_last_and_leaves_equal_values() {
        let ds = crate::io::default_dataset::build().unwrap();
        let old = ds.values.first().unwrap().clone();
        let mut mine = ds.clone();
        let replaced =
            IndicatorValue { value: old.value + 1.0, source: "x.csv".into(), ..old.clone() };
        let new = IndicatorValue { year: 2099, ..old.clone() };
        let same = ds.values.get(1).unwrap().clone();
        let edit = Edit::import_values(&mine, &[replaced.clone(), new.clone(), same]);
        let Edit::SetValues(changes) = &edit else { panic!("{edit:?}") };
        assert_eq!(changes.len(), 2, "the equal value is no change");
        edit.check(&mine).unwrap();
        edit.apply_to(&mut mine);
        assert_eq!(mine.values.first(), Some(&replaced));
        assert_eq!(mine.values.last(), Some(&new));
        assert_eq!(mine.values.len(), ds.values.len() + 1);
        assert!(edit.check(&mine).is_err(), "applied twice is stale");
        edit.inverse().check(&mine).unwrap();
        edit.inverse().apply_to(&mut mine);
        assert_eq!(mine, ds);
    }

    #[test]
    fn undo_takes_a_whole_import_back_in_the_file_too_and_redo_makes_it_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        let original = state.dataset().clone();
        state.apply(Action::ImportPreview(choose(fixture("long_utf8_comma.csv"))));
        state.apply(Action::ImportApply);
        let imported = state.dataset().clone();
        assert_eq!(imported.value("KZ-AKM", "population", 2020), Some(738_587.0));
        assert_eq!(state.history().undo_len(), 1, "the import is one step");
        state.apply(Action::Undo);
        assert_eq!(state.dataset(), &original);
        assert_eq!(&store::load(state.file()).unwrap(), &original);
        state.apply(Action::Redo);
        assert_eq!(state.dataset(), &imported);
        assert_eq!(&store::load(state.file()).unwrap(), &imported);
        assert_eq!((state.history().undo_len(), state.history().redo_len()), (1, 0));
    }

    /// The shipped 2024 boundaries, as a boundary edition matched by ISO code under `key`.
    fn shipped_edition(key: &str) -> InputChoice {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/boundaries/kz_adm1_2024.geojson");
        let layer = LayerChoice {
            layer: LayerKind::Edition,
            code_property: Some("ISO_3166_2".into()),
            edition_key: key.into(),
            ..LayerChoice::default()
        };
        InputChoice { path, layer, ..InputChoice::default() }
    }

    #[test]
    fn an_edition_is_written_and_the_state_rebuilt_from_the_file_keeping_the_history() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        let edit = Edit::set_value(state.dataset(), "KZ-AKM", "population", 2098, Some(1.0), "t");
        state.apply(Action::Edit(Box::new(edit)));
        let version = state.scene_version();
        // The shipped boundaries (≈ 1 MB) are read on a worker.
        state.apply(Action::ImportPreview(shipped_edition("2030")));
        while !matches!(state.import().map(ImportDialog::stage), Some(Stage::Reading(r)) if r.finished())
        {
            std::thread::yield_now();
        }
        state.apply(Action::ImportPreviewDone);
        let read = state.import().and_then(ImportDialog::layer_read).expect("a preview");
        assert_eq!(read.choice.layer.name_property, None, "matched by code only");
        let LayerItems::Edition(plan) = &read.preview.items else { panic!("an edition") };
        assert!(plan.missing.is_empty(), "{:?}", plan.missing);
        assert_eq!(plan.edition.units.len(), 20);
        state.apply(Action::ImportApply);
        let stage = state.import().map(ImportDialog::stage);
        assert!(
            matches!(stage, Some(Stage::LayerImported(LayerImported::Edition { key, summary }))
                if key == "2030" && summary.units == 20 && summary.closed.as_deref() == Some("2022")),
            "{stage:?}"
        );
        assert_eq!(state.dataset().current_edition().map(|e| e.key.as_str()), Some("2030"));
        assert_eq!(&store::load(state.file()).unwrap(), state.dataset());
        assert_eq!(state.scene().edition, "2030", "the map is drawn on the new edition");
        assert!(state.scene_version() > version, "painters see a new scene");
        assert_eq!(state.places().region_at(73.1, 49.8), Some("KZ-KAR"));
        // The value edit made before is still one step back; the edition is not on the stack.
        assert_eq!(state.history().undo_len(), 1);
    }

    #[test]
    fn a_read_only_window_refuses_the_import_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        state.set_read_only(true);
        let before = std::fs::read(state.file()).unwrap();
        state.apply(Action::ImportPreview(choose(fixture("long_new_values.csv"))));
        state.apply(Action::ImportApply);
        let dialog = state.import().unwrap();
        assert_eq!(dialog.apply_error(), Some(EditText::ReadOnlyRefusal.get(Lang::En)));
        assert!(dialog.read().is_some(), "the preview stays");
        assert_eq!(state.dataset().value("KZ-AKM", "population", 2097), None);
        assert_eq!(std::fs::read(state.file()).unwrap(), before);
    }

    #[test]
    fn an_unreadable_file_is_refused_with_its_message() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        state.apply(Action::ImportPreview(choose(fixture("bad_unclosed_quote.csv"))));
        let Some(Stage::Refused(refused)) = state.import().map(ImportDialog::stage) else {
            panic!("refused expected");
        };
        assert!(matches!(refused.error, ImportError::UnclosedQuote { .. }), "{:?}", refused.error);
        // Import does nothing without a preview.
        state.apply(Action::ImportApply);
        assert!(matches!(state.import().map(ImportDialog::stage), Some(Stage::Refused(_))));
    }

    #[test]
    fn a_large_file_is_read_on_a_worker_and_its_preview_taken_when_done() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        let input = dir.path().join("big.csv");
        let mut text = String::from("region,year,indicator,value\n");
        let mut year = 1990;
        while text.len() < BACKGROUND_BYTES as usize + 1 {
            text.push_str(&format!("Акмолинская область,{year},population,1000\n"));
            year = if year == 2100 { 1990 } else { year + 1 };
        }
        std::fs::write(&input, &text).unwrap();
        state.apply(Action::ImportPreview(choose(input.clone())));
        let Some(Stage::Reading(reading)) = state.import().map(ImportDialog::stage) else {
            panic!("a large file is read on a worker");
        };
        assert_eq!(reading.choice.path, input);
        while !matches!(state.import().map(ImportDialog::stage), Some(Stage::Reading(r)) if r.finished())
        {
            std::thread::yield_now();
        }
        state.apply(Action::ImportPreviewDone);
        let read = state.import().and_then(ImportDialog::read).expect("the preview");
        // 111 distinct years; every repeat is identical, so it adds nothing.
        assert_eq!(read.counts.matched, 111);
        assert_eq!(read.counts.problems, 0);
    }

    #[test]
    fn a_large_layer_is_read_on_a_worker_and_imported_as_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        let input = dir.path().join("towns.geojson");
        let feature = |i: usize| {
            format!(
                r#"{{"type":"Feature","properties":{{"name":"Town {i}","population":{i}}},"geometry":{{"type":"Point","coordinates":[73.{i:04},49.8]}}}}"#
            )
        };
        let features: Vec<String> = (1..=3_000).map(feature).collect();
        let text = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
        assert!(text.len() as u64 >= BACKGROUND_BYTES);
        std::fs::write(&input, &text).unwrap();
        let points = state.dataset().growth_points.len();
        state.apply(Action::ImportPreview(choose(input)));
        assert!(matches!(state.import().map(ImportDialog::stage), Some(Stage::Reading(_))));
        while !matches!(state.import().map(ImportDialog::stage), Some(Stage::Reading(r)) if r.finished())
        {
            std::thread::yield_now();
        }
        state.apply(Action::ImportPreviewDone);
        let read = state.import().and_then(ImportDialog::layer_read).expect("the preview");
        assert_eq!(read.properties, ["name", "population"]);
        assert_eq!(read.preview.items.len(), 3_000);
        state.apply(Action::ImportApply);
        assert_eq!(state.dataset().growth_points.len(), points + 3_000);
        assert!(
            state
                .dataset()
                .growth_points
                .iter()
                .rev()
                .take(3_000)
                .all(|g| g.region_code == "KZ-KAR")
        );
        assert_eq!(state.history().undo_len(), 1);
        state.apply(Action::Undo);
        assert_eq!(state.dataset().growth_points.len(), points);
        assert_eq!(store::load(state.file()).unwrap().growth_points.len(), points);
    }

    #[test]
    fn a_workbooks_sheets_are_listed_and_a_chosen_one_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let mut state = state(&dir);
        let input = dir.path().join("two.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let first = book.add_worksheet().set_name("Notes").unwrap();
        first.write(0, 0, "nothing here").unwrap();
        let second = book.add_worksheet().set_name("Data").unwrap();
        for (c, h) in ["region", "year", "indicator", "value"].iter().enumerate() {
            second.write(0, c as u16, *h).unwrap();
        }
        second.write(1, 0, "Акмолинская область").unwrap();
        second.write(1, 1, 2098).unwrap();
        second.write(1, 2, "population").unwrap();
        second.write(1, 3, 5.0).unwrap();
        book.save(&input).unwrap();
        state.apply(Action::ImportPreview(choose(input.clone())));
        let dialog = state.import().unwrap();
        assert_eq!(dialog.sheets(), ["Notes", "Data"]);
        assert!(matches!(dialog.stage(), Stage::Refused(_)), "the first sheet has no header");
        let choice = InputChoice { sheet: Some("Data".into()), ..choose(input) };
        state.apply(Action::ImportPreview(choice));
        let read = state.import().and_then(ImportDialog::read).expect("the Data sheet");
        assert_eq!(read.format, InputFormat::Xlsx { sheet: "Data".into() });
        assert_eq!(read.counts.new, 1);
        assert_eq!(values_to_import(read)[0].source, "two.xlsx [Data]");
    }
}
