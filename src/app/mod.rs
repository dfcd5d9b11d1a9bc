//! Application state: the open file and its `Dataset`, the map geometry, the current view
//! (indicator, year, boundaries, layers, language, selection), the camera, and the models the
//! panels show (scene, ranking, table, chart series, selected region). Panels never change state
//! themselves: they return `Action`s and `AppState::apply` is the one place that applies them,
//! then rebuilds whatever the change invalidated — never anything in the frame loop.

mod camera;
pub mod commands;
mod derived;
pub mod edit;
pub mod import;
pub mod potential;
pub mod scenario_edit;
pub mod scenarios;
mod slides;
pub mod targets;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::map::{BoundaryMode, MapGeometry, MapView, Scene, WorldPos, build_scene};
use crate::model::{Dataset, Lang, Scenario};
use crate::scenario::Projection;

pub use scenarios::{ChartSeries, CompareChart, DifferenceMode, SeriesRole};
pub use scenarios::{
    CompareRow, CompareSort, CompareSortKey, Comparison, RATE_STEP, RateRow, ScenarioTab, Screen,
    Side, Source,
};
pub use slides::default_title;

pub use camera::{Camera, MAX_ZOOM, MIN_ZOOM, ViewTransform};
pub use derived::{
    ChartModel, GrowthPointRow, ProjectRow, RankRow, RegionDetails, SortKey, TableCell,
    TableColumn, TableModel, TableRow, TableSort, ValueColumn, ValueTable,
};

/// The indicator a new window shows when the file has it.
const PREFERRED_INDICATOR: &str = "population";
/// Factor of one press of the zoom buttons.
pub const ZOOM_STEP: f32 = 1.5;

/// What the time-series chart compares the selected region with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Reference {
    /// The country's value (reported, or computed from the regions).
    #[default]
    National,
    /// The median over the regions of each year.
    Median,
}

/// Which look the window has. Light is for work at a desk; Projector is a light theme with
/// black text, white panels and heavier contrast for washed-out meeting-room projectors; Dark is
/// for screens in dim rooms. The choropleth ramps are the same in all three: ColorBrewer's
/// YlGnBu and BrBG are colour-blind safe and change lightness monotonically, so their order
/// survives a projector that flattens hue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum ThemeKind {
    #[default]
    Light,
    Projector,
    Dark,
}

impl ThemeKind {
    pub const ALL: [ThemeKind; 3] = [ThemeKind::Light, ThemeKind::Projector, ThemeKind::Dark];
}

/// A map layer that can be switched on and off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    GrowthPoints,
    Projects,
    Labels,
    /// Railways, roads, power lines and pipelines.
    Corridors,
}

/// Every change a user can make, from any panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Show another indicator; the year moves to the nearest year that indicator has.
    SetIndicator(String),
    SetYear(i32),
    SetBoundaryMode(BoundaryMode),
    SetLayer(Layer, bool),
    SetLanguage(Lang),
    /// Select a unit by code (shared by map, charts, table, side panel), or clear the selection.
    Select(Option<String>),
    /// The unit under the pointer on the map (for its outline and tooltip), if any.
    Hover(Option<String>),
    /// Zoom by `factor` around the world point `anchor` (the cursor, or the panel's centre).
    ZoomAt {
        factor: f32,
        anchor: WorldPos,
    },
    /// Move the shown world by this many world units.
    Pan([f32; 2]),
    /// Back to the whole country.
    ResetCamera,
    SetReference(Reference),
    /// Sort the table by a column; the same column again flips the direction.
    SortTable(SortKey),
    ShowAbout(bool),
    /// Change the window's look (remembered for the next start).
    SetTheme(ThemeKind),
    /// Show the map of reported data or the scenario screens.
    SetScreen(Screen),
    /// Which view the scenario screen shows beside the list.
    SetScenarioTab(ScenarioTab),
    /// Select a scenario of the list (its assumptions are edited).
    SelectScenario(i64),
    /// Replace a scenario (matched by id) with this edited version and save it in the file; a
    /// version the engine's validation refuses is not saved and its message is kept.
    UpdateScenario(Scenario),
    /// Show this edited version of a scenario at once (projections, comparison) without saving
    /// it yet: for values being dragged. An `UpdateScenario` (or another edit) saves it; the
    /// file keeps the last saved version until then.
    PreviewScenario(Scenario),
    /// Add an inertial scenario derived from the data, saved in the file.
    NewInertialScenario,
    /// Add a managed copy of the scenario with this id, saved in the file.
    NewManagedScenario(i64),
    DuplicateScenario(i64),
    /// Rename a scenario; the name is in the view's language.
    RenameScenario {
        id: i64,
        name: String,
    },
    /// Ask to delete a scenario (opens the confirmation), or close the question with None.
    AskDeleteScenario(Option<i64>),
    /// Delete a scenario from the file (after the confirmation).
    DeleteScenario(i64),
    /// Set a scenario's annual growth rate of an additive indicator, for one region (its own
    /// rate) or, with None, as the national default.
    SetGrowthRate {
        id: i64,
        indicator: String,
        region: Option<String>,
        rate: f64,
    },
    /// What one side of the comparison shows.
    SetCompareSource(Side, Source),
    SetCompareIndicator(String),
    SetCompareYear(i32),
    /// Sort the comparison table; the same column again flips the direction.
    SortCompare(CompareSortKey),
    /// Zoom both compare maps by `factor` around `anchor`.
    CompareZoomAt {
        factor: f32,
        anchor: WorldPos,
    },
    /// Move both compare maps by this many world units.
    ComparePan([f32; 2]),
    CompareResetCamera,
    /// What the compare view's difference map shows: B − A or B / A − 1.
    SetDifferenceMode(DifferenceMode),
    /// Show this target's chart and map on the Targets tab.
    SelectTarget(targets::TargetKey),
    /// Change the planner's data (a value, growth point, project or corridor): written to the
    /// file, then shown; recorded for undo. A refused edit changes nothing (`edit_error`).
    Edit(Box<edit::Edit>),
    /// Take the last edit back (in the file too).
    Undo,
    /// Make the last undone edit again.
    Redo,
    /// Open or close the data editor window.
    ShowDataEditor(bool),
    /// A File menu command; the window (which owns the open file and its lock) carries it
    /// out, `AppState` ignores it.
    File(edit::FileRequest),
    /// Open the import window afresh, or close it (what it read is dropped, nothing written).
    ShowImport(bool),
    /// Read this statistics file in the import window and preview it (nothing is written).
    ImportPreview(import::InputChoice),
    /// The import window's background reading has finished: show its preview.
    ImportPreviewDone,
    /// Write the previewed good values into the file in one transaction, and show them.
    ImportApply,
    /// A change on the Potential screen (weights, tab, significance, compared states).
    Potential(potential::PotentialAction),
    /// Enter presentation mode (full screen, chrome hidden) on the slide at this position of
    /// the deck, its saved view restored.
    StartPresentation(usize),
    /// Leave presentation mode (Esc): back to the working screens.
    StopPresentation,
    /// Show the slide at this position, its saved view restored.
    GoToSlide(usize),
    NextSlide,
    PreviousSlide,
    FirstSlide,
    LastSlide,
    /// Save the current view as a new slide at the end of the deck (in the file).
    AddSlideFromView,
    /// Give a slide a title in the view's language (in the file).
    RenameSlide {
        id: i64,
        title: String,
    },
    /// Set a slide's speaker notes in the view's language (in the file).
    SetSlideNotes {
        id: i64,
        notes: String,
    },
    /// Move a slide to this place of the deck (in the file).
    MoveSlide {
        id: i64,
        to: usize,
    },
    /// Replace a slide's saved view with the current view (in the file).
    ReplaceSlideView(i64),
    /// Ask to delete a slide (opens the confirmation), or close the question with None.
    AskDeleteSlide(Option<i64>),
    /// Delete a slide from the file (after the confirmation).
    DeleteSlide(i64),
    /// Show a slide of the map screen as its map, chart or table (in the file).
    SetSlideScreen {
        id: i64,
        screen: crate::model::SlideScreen,
    },
    /// Open or close the slide list.
    ShowSlides(bool),
    /// Start or stop the year animation of the shown map and chart.
    SetPlaying(bool),
    /// Open or close the export window (current view or every slide, PNG/SVG/PDF).
    ShowExport(bool),
}

/// Everything the window shows, and the caches built from it.
#[derive(Debug)]
pub struct AppState {
    file: PathBuf,
    dataset: Arc<Dataset>,
    geometry: Arc<MapGeometry>,
    view: MapView,
    camera: Camera,
    hovered: Option<String>,
    reference: Reference,
    table_sort: TableSort,
    about_open: bool,
    /// Whether the export window is open.
    export_open: bool,
    theme: ThemeKind,
    scene: Arc<Scene>,
    /// Increases whenever `scene` is rebuilt, so painters can cache what they made of it.
    scene_version: u64,
    years: Vec<i32>,
    ranking: Vec<RankRow>,
    table: TableModel,
    chart: ChartModel,
    details: Option<RegionDetails>,
    screen: Screen,
    scenario_tab: ScenarioTab,
    /// The projection of every scenario, in the dataset's order.
    projections: Vec<Projection>,
    selected_scenario: Option<i64>,
    delete_pending: Option<i64>,
    /// Why the last scenario edit was not saved (shown until the next successful edit).
    scenario_error: Option<String>,
    compare_a: Source,
    compare_b: Source,
    compare_indicator: String,
    compare_year: i32,
    compare_sort: CompareSort,
    compare_camera: Camera,
    /// What the difference map and the compare table's last column show.
    compare_mode: DifferenceMode,
    comparison: Comparison,
    /// Increases whenever the comparison's scenes are rebuilt.
    compare_version: u64,
    /// Every distinct target against every scenario (rebuilt with projections and language).
    targets: targets::TargetReport,
    /// The target whose chart and map the Targets tab shows (the first one until one is chosen).
    selected_target: Option<targets::TargetKey>,
    /// The selected target in the selected scenario, on the map.
    target_map: targets::TargetMap,
    /// Increases whenever `target_map`'s scene is rebuilt.
    target_map_version: u64,
    /// The edits made since the file was opened, and the ones undone.
    history: edit::History,
    /// Why the last edit, undo or redo was refused.
    edit_error: Option<String>,
    /// Another Oblys holds the file: every edit is refused and nothing is written.
    read_only: bool,
    /// The current regions, to find the region of a point placed on the map.
    places: edit::Places,
    /// Whether the data editor window is open.
    data_open: bool,
    /// The import window, while it is open.
    import: Option<import::ImportDialog>,
    /// Presentation mode, while it is on: the shown slide and its screen.
    presentation: Option<slides::Presentation>,
    /// Whether the map screen's years are playing (the window steps them).
    playing: bool,
    /// Why the last change of the deck was not saved (shown until the next one is).
    slide_error: Option<String>,
    /// The slide waiting for the planner to confirm its deletion.
    slide_delete_pending: Option<i64>,
    /// Whether the slide list is open.
    slides_open: bool,
    /// The Potential screen's typology and its maps.
    potential: potential::PotentialState,
}

/// What an action invalidated.
#[derive(Debug, Clone, Copy)]
struct Dirty {
    scene: bool,
    table: bool,
    table_order: bool,
    selection: bool,
    chart: bool,
    /// Projections of the scenarios (a scenario was added, changed or deleted).
    projections: bool,
    compare: bool,
}

impl Dirty {
    /// Indicator, year, boundaries or language changed: everything shown depends on them.
    const VIEW: Dirty = Dirty {
        scene: true,
        table: true,
        table_order: true,
        selection: true,
        chart: true,
        projections: false,
        compare: true,
    };
    const NOTHING: Dirty = Dirty {
        scene: false,
        table: false,
        table_order: false,
        selection: false,
        chart: false,
        projections: false,
        compare: false,
    };
    /// The scenarios changed: their projections and the comparison.
    const SCENARIOS: Dirty = Dirty { projections: true, compare: true, ..Dirty::NOTHING };

    fn merge(self, o: Dirty) -> Dirty {
        Dirty {
            scene: self.scene || o.scene,
            table: self.table || o.table,
            table_order: self.table_order || o.table_order,
            selection: self.selection || o.selection,
            chart: self.chart || o.chart,
            projections: self.projections || o.projections,
            compare: self.compare || o.compare,
        }
    }
}

impl AppState {
    /// State for `dataset` read from `file`: the first indicator (population when present) in its
    /// latest year, on the boundaries as reported, every layer on, nothing selected.
    pub fn new(file: PathBuf, dataset: Dataset, lang: Lang) -> AppState {
        let geometry = Arc::new(MapGeometry::new(&dataset));
        AppState::with_geometry(file, Arc::new(dataset), geometry, lang)
    }

    /// As `new`, with geometry already built for `dataset` (it is the expensive part).
    pub fn with_geometry(
        file: PathBuf,
        dataset: Arc<Dataset>,
        geometry: Arc<MapGeometry>,
        lang: Lang,
    ) -> AppState {
        let indicator = dataset
            .indicator(PREFERRED_INDICATOR)
            .or_else(|| dataset.indicators.first())
            .map(|d| d.key.clone())
            .unwrap_or_default();
        let years = dataset.years_of(&indicator);
        let year = years.last().copied().unwrap_or_default();
        let view = MapView::new(indicator, year, lang);
        let (compare_a, compare_b) = scenarios::default_sides(&dataset);
        let compare_indicator = scenarios::default_indicator(&dataset);
        let compare_year =
            scenarios::year_range(&dataset, compare_a, compare_b, &compare_indicator).1;
        let selected_scenario = dataset.scenarios.first().map(|s| s.id);
        let mut state = AppState {
            file,
            dataset,
            geometry,
            view,
            camera: Camera::default(),
            hovered: None,
            reference: Reference::default(),
            table_sort: TableSort::default(),
            about_open: false,
            export_open: false,
            theme: ThemeKind::default(),
            scene: Arc::new(Scene::default()),
            scene_version: 0,
            years,
            ranking: Vec::new(),
            table: TableModel::default(),
            chart: ChartModel::default(),
            details: None,
            screen: Screen::default(),
            scenario_tab: ScenarioTab::default(),
            projections: Vec::new(),
            selected_scenario,
            delete_pending: None,
            scenario_error: None,
            compare_a,
            compare_b,
            compare_indicator,
            compare_year,
            compare_sort: CompareSort::default(),
            compare_camera: Camera::default(),
            compare_mode: DifferenceMode::default(),
            comparison: Comparison::default(),
            compare_version: 0,
            targets: targets::TargetReport::default(),
            selected_target: None,
            target_map: targets::TargetMap::default(),
            target_map_version: 0,
            history: edit::History::default(),
            edit_error: None,
            read_only: false,
            places: edit::Places::default(),
            data_open: false,
            import: None,
            presentation: None,
            playing: false,
            slide_error: None,
            slide_delete_pending: None,
            slides_open: false,
            potential: potential::PotentialState::default(),
        };
        state.places = edit::Places::new(&state.dataset);
        state.rebuild(Dirty { projections: true, ..Dirty::VIEW });
        state
    }

    /// Applies one action and rebuilds what it invalidated.
    pub fn apply(&mut self, action: Action) {
        let dirty = self.apply_one(action);
        self.rebuild(dirty);
    }

    /// Applies the actions of one frame in order, rebuilding once at the end.
    pub fn apply_all(&mut self, actions: impl IntoIterator<Item = Action>) {
        let mut dirty = Dirty::NOTHING;
        for action in actions {
            dirty = dirty.merge(self.apply_one(action));
        }
        self.rebuild(dirty);
    }

    fn apply_one(&mut self, action: Action) -> Dirty {
        match action {
            Action::SetIndicator(key) => {
                if key == self.view.indicator || self.dataset.indicator(&key).is_none() {
                    return Dirty::NOTHING;
                }
                self.years = self.dataset.years_of(&key);
                self.view.year = nearest_year(&self.years, self.view.year);
                self.view.indicator = key;
                Dirty::VIEW
            }
            Action::SetYear(year) => {
                if year == self.view.year || !self.years.contains(&year) {
                    return Dirty::NOTHING;
                }
                self.view.year = year;
                Dirty::VIEW
            }
            Action::SetBoundaryMode(mode) => {
                if mode == self.view.boundary_mode {
                    return Dirty::NOTHING;
                }
                self.view.boundary_mode = mode;
                Dirty::VIEW
            }
            Action::SetLayer(layer, on) => {
                let flag = match layer {
                    Layer::GrowthPoints => &mut self.view.show_growth_points,
                    Layer::Projects => &mut self.view.show_projects,
                    Layer::Labels => &mut self.view.show_labels,
                    Layer::Corridors => &mut self.view.show_corridors,
                };
                if *flag == on {
                    return Dirty::NOTHING;
                }
                *flag = on;
                Dirty { scene: true, ..Dirty::NOTHING }
            }
            Action::SetLanguage(lang) => {
                if lang == self.view.lang {
                    return Dirty::NOTHING;
                }
                self.view.lang = lang;
                Dirty::VIEW
            }
            Action::Select(code) => {
                if code == self.view.selected {
                    return Dirty::NOTHING;
                }
                self.view.selected = code;
                Dirty { scene: true, selection: true, chart: true, compare: true, ..Dirty::NOTHING }
            }
            Action::Hover(code) => {
                self.hovered = code;
                Dirty::NOTHING
            }
            Action::ZoomAt { factor, anchor } => {
                let center = self.camera_center();
                self.camera.zoom_at(factor, anchor, center);
                Dirty::NOTHING
            }
            Action::Pan(delta) => {
                let center = self.camera_center();
                self.camera.pan(delta, center, self.scene.bounds);
                Dirty::NOTHING
            }
            Action::ResetCamera => {
                self.camera = Camera::default();
                Dirty::NOTHING
            }
            Action::SetReference(reference) => {
                if reference == self.reference {
                    return Dirty::NOTHING;
                }
                self.reference = reference;
                Dirty { chart: true, ..Dirty::NOTHING }
            }
            Action::SortTable(key) => {
                self.table_sort = self.table_sort.toggled(key);
                Dirty { table_order: true, ..Dirty::NOTHING }
            }
            Action::ShowAbout(open) => {
                self.about_open = open;
                Dirty::NOTHING
            }
            Action::StartPresentation(index) => self.start_presentation(index),
            Action::StopPresentation => self.stop_presentation(),
            Action::GoToSlide(index) => self.go_to_slide(index),
            Action::NextSlide => self.step_slide(1),
            Action::PreviousSlide => self.step_slide(-1),
            Action::FirstSlide => self.step_slide(isize::MIN),
            Action::LastSlide => self.step_slide(isize::MAX),
            Action::AddSlideFromView => self.add_slide_from_view(),
            Action::RenameSlide { id, title } => self.rename_slide(id, &title),
            Action::SetSlideNotes { id, notes } => self.set_slide_notes(id, &notes),
            Action::MoveSlide { id, to } => self.move_slide(id, to),
            Action::ReplaceSlideView(id) => self.replace_slide_view(id),
            Action::AskDeleteSlide(id) => {
                self.slide_delete_pending = id.filter(|id| self.dataset.slide(*id).is_some());
                Dirty::NOTHING
            }
            Action::DeleteSlide(id) => self.delete_slide(id),
            Action::SetSlideScreen { id, screen } => self.set_slide_screen(id, screen),
            Action::ShowSlides(open) => {
                self.slides_open = open;
                Dirty::NOTHING
            }
            Action::SetPlaying(on) => self.set_playing(on),
            Action::ShowExport(open) => {
                self.export_open = open;
                Dirty::NOTHING
            }
            Action::SetTheme(kind) => {
                self.theme = kind;
                Dirty::NOTHING
            }
            Action::SetScreen(screen) => {
                self.screen = screen;
                Dirty::NOTHING
            }
            Action::SetScenarioTab(tab) => {
                self.scenario_tab = tab;
                Dirty::NOTHING
            }
            Action::UpdateScenario(s) => {
                if self.dataset.scenario(s.id).is_none() {
                    return Dirty::NOTHING;
                }
                if let Err(e) = crate::scenario::validate(&self.dataset, &s) {
                    self.scenario_error = Some(e.message(self.view.lang));
                    return Dirty::NOTHING;
                }
                self.save_scenario(s)
            }
            Action::PreviewScenario(s) => {
                let ds = Arc::make_mut(&mut self.dataset);
                let Some(slot) = ds.scenarios.iter_mut().find(|x| x.id == s.id) else {
                    return Dirty::NOTHING;
                };
                if *slot == s {
                    return Dirty::NOTHING;
                }
                // The file keeps the version before the preview: what undo goes back to.
                self.history.note_saved_scenario(slot);
                *slot = s;
                Dirty::SCENARIOS
            }
            Action::SelectScenario(id) => {
                if self.dataset.scenario(id).is_some() {
                    self.selected_scenario = Some(id);
                }
                Dirty::NOTHING
            }
            Action::NewInertialScenario => {
                let made = scenarios::new_inertial(&self.dataset);
                self.add_scenario(made)
            }
            Action::NewManagedScenario(id) => {
                let made = scenarios::new_managed(&self.dataset, id);
                self.add_scenario(made)
            }
            Action::DuplicateScenario(id) => {
                let made = scenarios::duplicate(&self.dataset, id);
                self.add_scenario(made)
            }
            Action::RenameScenario { id, name } => {
                match scenarios::renamed(&self.dataset, id, &name, self.view.lang) {
                    Some(s) => self.save_scenario(s),
                    None => Dirty::NOTHING,
                }
            }
            Action::AskDeleteScenario(id) => {
                self.delete_pending = id.filter(|id| self.dataset.scenario(*id).is_some());
                Dirty::NOTHING
            }
            Action::DeleteScenario(id) => {
                self.delete_pending = None;
                self.delete_scenario(id)
            }
            Action::SetGrowthRate { id, indicator, region, rate } => {
                let Some(s) = self.dataset.scenario(id) else { return Dirty::NOTHING };
                match scenarios::with_rate(s, &indicator, region.as_deref(), rate) {
                    Some(next) if next != *s => self.save_scenario(next),
                    _ => Dirty::NOTHING,
                }
            }
            Action::SetCompareSource(side, source) => {
                let slot = match side {
                    Side::A => &mut self.compare_a,
                    Side::B => &mut self.compare_b,
                };
                if *slot == source {
                    return Dirty::NOTHING;
                }
                *slot = source;
                self.clamp_compare_year();
                Dirty { compare: true, ..Dirty::NOTHING }
            }
            Action::SetCompareIndicator(key) => {
                if key == self.compare_indicator {
                    return Dirty::NOTHING;
                }
                self.compare_indicator = key;
                self.clamp_compare_year();
                Dirty { compare: true, ..Dirty::NOTHING }
            }
            Action::SetCompareYear(year) => {
                let (first, last) = self.compare_years();
                if year == self.compare_year || year < first || year > last {
                    return Dirty::NOTHING;
                }
                self.compare_year = year;
                Dirty { compare: true, ..Dirty::NOTHING }
            }
            Action::SortCompare(key) => {
                self.compare_sort = self.compare_sort.toggled(key);
                self.comparison.sort(self.compare_sort);
                Dirty::NOTHING
            }
            Action::CompareZoomAt { factor, anchor } => {
                let center = self.compare_center();
                self.compare_camera.zoom_at(factor, anchor, center);
                Dirty::NOTHING
            }
            Action::ComparePan(delta) => {
                let center = self.compare_center();
                let bounds = self.compare_bounds();
                self.compare_camera.pan(delta, center, bounds);
                Dirty::NOTHING
            }
            Action::CompareResetCamera => {
                self.compare_camera = Camera::default();
                Dirty::NOTHING
            }
            Action::SetDifferenceMode(mode) => {
                if mode == self.compare_mode {
                    return Dirty::NOTHING;
                }
                self.compare_mode = mode;
                Dirty { compare: true, ..Dirty::NOTHING }
            }
            Action::SelectTarget(key) => {
                if self.targets.row(&key).is_some() {
                    self.selected_target = Some(key);
                }
                // The map follows in `rebuild_targets`.
                Dirty::NOTHING
            }
            Action::Edit(e) => self.apply_edit(*e),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ShowDataEditor(open) => {
                self.data_open = open;
                Dirty::NOTHING
            }
            Action::File(_) => Dirty::NOTHING,
            Action::ShowImport(open) => self.show_import(open),
            Action::ImportPreview(choice) => self.preview_import(choice),
            Action::ImportPreviewDone => self.finish_import_preview(),
            Action::ImportApply => self.apply_import(),
            Action::Potential(a) => self.apply_potential(a),
        }
    }

    /// Saves a newly made scenario and selects it; nothing when it could not be made.
    fn add_scenario(&mut self, made: Option<Scenario>) -> Dirty {
        let Some(s) = made else { return Dirty::NOTHING };
        let id = s.id;
        let dirty = self.save_scenario(s);
        if self.dataset.scenario(id).is_some() {
            self.selected_scenario = Some(id);
        }
        dirty
    }

    /// Saves `s` into the file, then into the dataset (replacing the scenario of its id, or
    /// added after the others). A scenario the file refuses changes nothing on screen either:
    /// the error is kept for the panel to show.
    fn save_scenario(&mut self, s: Scenario) -> Dirty {
        if let Err(e) = crate::store::save_scenario(&self.file, &s) {
            self.scenario_error = Some(e.message(self.view.lang));
            return Dirty::NOTHING;
        }
        self.scenario_error = None;
        let old = self.history.saved_scenario(s.id, &self.dataset);
        self.history.record(edit::Edit::PutScenario { old, new: Some(s.clone()) });
        let ds = Arc::make_mut(&mut self.dataset);
        match ds.scenarios.iter_mut().find(|x| x.id == s.id) {
            Some(slot) => *slot = s,
            None => ds.scenarios.push(s),
        }
        Dirty::SCENARIOS
    }

    /// Deletes scenario `id` from the file, then from the dataset; a side of the comparison
    /// that showed it falls back to the defaults.
    fn delete_scenario(&mut self, id: i64) -> Dirty {
        if self.dataset.scenario(id).is_none() {
            return Dirty::NOTHING;
        }
        if let Err(e) = crate::store::delete_scenario(&self.file, id) {
            self.scenario_error = Some(e.message(self.view.lang));
            return Dirty::NOTHING;
        }
        self.scenario_error = None;
        let old = self.history.saved_scenario(id, &self.dataset);
        self.history.record(edit::Edit::PutScenario { old, new: None });
        Arc::make_mut(&mut self.dataset).scenarios.retain(|s| s.id != id);
        let (a, b) = scenarios::default_sides(&self.dataset);
        if self.compare_a == Source::Scenario(id) {
            self.compare_a = if b == self.compare_b { a } else { b };
        }
        if self.compare_b == Source::Scenario(id) {
            self.compare_b = if a == self.compare_a { b } else { a };
        }
        if self.selected_scenario == Some(id) {
            self.selected_scenario = self.dataset.scenarios.first().map(|s| s.id);
        }
        self.clamp_compare_year();
        Dirty::SCENARIOS
    }

    /// Keeps the comparison's year inside the years its sides offer.
    fn clamp_compare_year(&mut self) {
        let (first, last) = self.compare_years();
        self.compare_year = self.compare_year.clamp(first, last.max(first));
    }

    fn compare_bounds(&self) -> [f32; 4] {
        self.comparison.scenes[0].bounds
    }

    /// The world point at the centre of the compare maps now.
    fn compare_center(&self) -> WorldPos {
        let [a, b, c, d] = self.compare_bounds();
        self.compare_camera.center.unwrap_or([(a + c) / 2.0, (b + d) / 2.0])
    }

    fn rebuild(&mut self, dirty: Dirty) {
        let ds = &self.dataset;
        if dirty.scene {
            self.scene = Arc::new(build_scene(ds, &self.geometry, &self.view));
            self.scene_version += 1;
            self.ranking = derived::ranking(ds, &self.view, &self.scene);
        }
        if dirty.table {
            self.table = derived::table(ds, &self.view);
        }
        if dirty.table || dirty.table_order {
            self.table.sort(self.table_sort);
        }
        if dirty.selection {
            self.details = match self.view.selected.as_deref() {
                Some(code) => derived::details(ds, code, self.view.lang),
                None => Some(derived::country_details(ds, self.view.lang)),
            };
        }
        if dirty.chart {
            self.chart =
                derived::chart(ds, &self.view, self.view.selected.as_deref(), self.reference);
        }
        if dirty.projections {
            self.projections = scenarios::project_all(ds);
        }
        if dirty.compare {
            let request = scenarios::CompareRequest {
                a: self.compare_a,
                b: self.compare_b,
                indicator: &self.compare_indicator,
                year: self.compare_year,
                lang: self.view.lang,
                selected: self.view.selected.as_deref(),
                sort: self.compare_sort,
                mode: self.compare_mode,
            };
            self.comparison = scenarios::compare(ds, &self.geometry, &self.projections, &request);
            self.compare_version += 1;
        }
        self.rebuild_targets(dirty.projections);
        self.potential.refresh(&potential::Inputs {
            ds: &self.dataset,
            geometry: &self.geometry,
            projections: &self.projections,
            lang: self.view.lang,
            selected: self.view.selected.as_deref(),
            data_changed: dirty.table || dirty.projections,
            active: self.screen == Screen::Potential,
        });
    }

    /// Rebuilds the targets' report when the projections changed (`projections`) or the
    /// language did, then the attainment map when the report, the selected target, the selected
    /// scenario or the selected region changed since it was built. Cheap when nothing did, so
    /// it runs after every action.
    fn rebuild_targets(&mut self, projections: bool) {
        let report = projections || self.targets.lang != self.view.lang;
        if report {
            self.targets = targets::report(&self.dataset, &self.projections, self.view.lang);
        }
        let known = self.selected_target.as_ref().is_some_and(|k| self.targets.row(k).is_some());
        if !known {
            self.selected_target = self.targets.rows.first().map(|r| r.key.clone());
        }
        let map = &self.target_map;
        if !report
            && map.key == self.selected_target
            && map.scenario_id == self.selected_scenario
            && map.selected == self.view.selected
        {
            return;
        }
        let request = targets::MapRequest {
            key: self.selected_target.as_ref(),
            scenario_id: self.selected_scenario,
            selected: self.view.selected.as_deref(),
            lang: self.view.lang,
        };
        self.target_map = targets::target_map(
            &self.dataset,
            &self.geometry,
            &self.projections,
            &self.targets,
            &request,
        );
        self.target_map_version += 1;
    }

    /// The world point at the centre of the map panel now.
    fn camera_center(&self) -> WorldPos {
        let [a, b, c, d] = self.scene.bounds;
        self.camera.center.unwrap_or([(a + c) / 2.0, (b + d) / 2.0])
    }

    /// Path of the open file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The current view: indicator, year, language, boundaries, selection, layers.
    pub fn view(&self) -> &MapView {
        &self.view
    }

    pub fn lang(&self) -> Lang {
        self.view.lang
    }

    /// The window's look.
    pub fn theme(&self) -> ThemeKind {
        self.theme
    }

    pub fn selected(&self) -> Option<&str> {
        self.view.selected.as_deref()
    }

    pub fn hovered(&self) -> Option<&str> {
        self.hovered.as_deref()
    }

    pub fn camera(&self) -> &Camera {
        &self.camera
    }

    pub fn reference(&self) -> Reference {
        self.reference
    }

    pub fn table_sort(&self) -> TableSort {
        self.table_sort
    }

    pub fn about_open(&self) -> bool {
        self.about_open
    }

    /// Whether the export window is open.
    pub fn export_open(&self) -> bool {
        self.export_open
    }

    /// The open file's dataset, shared (for work on another thread, such as an export).
    pub fn shared_dataset(&self) -> Arc<Dataset> {
        Arc::clone(&self.dataset)
    }

    /// The map geometry of the dataset, shared (for work on another thread).
    pub fn shared_geometry(&self) -> Arc<MapGeometry> {
        Arc::clone(&self.geometry)
    }

    /// The scene of the current view, rebuilt only when the view changes.
    pub fn scene(&self) -> &Arc<Scene> {
        &self.scene
    }

    /// Changes whenever `scene` is rebuilt.
    pub fn scene_version(&self) -> u64 {
        self.scene_version
    }

    /// Years of the current indicator, ascending.
    pub fn years(&self) -> &[i32] {
        &self.years
    }

    /// Units with a value in the current view, highest first.
    pub fn ranking(&self) -> &[RankRow] {
        &self.ranking
    }

    pub fn table(&self) -> &TableModel {
        &self.table
    }

    /// The current indicator over time for the selected unit and its reference.
    pub fn chart(&self) -> &ChartModel {
        &self.chart
    }

    /// What the side panel shows: the selected unit, or the whole country while nothing is
    /// selected; None only for a selected code the dataset does not know.
    pub fn details(&self) -> Option<&RegionDetails> {
        self.details.as_ref()
    }

    /// The Potential screen's typology, result and maps.
    pub fn potential(&self) -> &potential::PotentialState {
        &self.potential
    }

    /// Which main screen is shown.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The projection of every scenario, in the order of `dataset().scenarios`.
    /// Which view the scenario screen shows beside the list.
    pub fn scenario_tab(&self) -> ScenarioTab {
        self.scenario_tab
    }

    pub fn projections(&self) -> &[Projection] {
        &self.projections
    }

    /// The scenario whose assumptions the list panel edits.
    pub fn selected_scenario(&self) -> Option<&Scenario> {
        self.selected_scenario.and_then(|id| self.dataset.scenario(id))
    }

    /// The scenario waiting for the planner to confirm its deletion.
    pub fn delete_pending(&self) -> Option<&Scenario> {
        self.delete_pending.and_then(|id| self.dataset.scenario(id))
    }

    /// Why the last scenario edit was not saved, if it was not.
    pub fn scenario_error(&self) -> Option<&str> {
        self.scenario_error.as_deref()
    }

    /// The growth rates of the selected scenario for the selected region (or the national
    /// defaults without a selection).
    pub fn rate_rows(&self) -> Vec<RateRow> {
        let Some(s) = self.selected_scenario() else { return Vec::new() };
        let region = self.view.selected.as_deref().filter(|c| self.is_current_region(c));
        scenarios::rate_rows(&self.dataset, s, region, self.view.lang)
    }

    /// Whether `code` is a region of today's boundaries (scenarios project only those).
    pub fn is_current_region(&self, code: &str) -> bool {
        self.dataset.current_edition().is_some_and(|e| e.unit(code).is_some())
    }

    /// The two sides of the comparison.
    pub fn compare_sources(&self) -> (Source, Source) {
        (self.compare_a, self.compare_b)
    }

    /// The indicator the comparison shows.
    pub fn compare_indicator(&self) -> &str {
        &self.compare_indicator
    }

    pub fn compare_year(&self) -> i32 {
        self.compare_year
    }

    /// The years the comparison's year slider offers (first, last).
    pub fn compare_years(&self) -> (i32, i32) {
        scenarios::year_range(
            &self.dataset,
            self.compare_a,
            self.compare_b,
            &self.compare_indicator,
        )
    }

    pub fn compare_sort(&self) -> CompareSort {
        self.compare_sort
    }

    /// What the difference map and the compare table's last column show.
    pub fn difference_mode(&self) -> DifferenceMode {
        self.compare_mode
    }

    /// The camera both compare maps share.
    pub fn compare_camera(&self) -> &Camera {
        &self.compare_camera
    }

    /// The comparison: two scenes on one scale and the table.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// Changes whenever the comparison's scenes are rebuilt.
    pub fn compare_version(&self) -> u64 {
        self.compare_version
    }

    /// Every distinct target of the file's scenarios, assessed against every scenario.
    pub fn targets(&self) -> &targets::TargetReport {
        &self.targets
    }

    /// The target whose chart and map the Targets tab shows.
    pub fn selected_target(&self) -> Option<&targets::TargetRow> {
        self.selected_target.as_ref().and_then(|k| self.targets.row(k))
    }

    /// The selected target's attainment map in the selected scenario.
    pub fn target_map(&self) -> &targets::TargetMap {
        &self.target_map
    }

    /// Changes whenever the attainment map's scene is rebuilt.
    pub fn target_map_version(&self) -> u64 {
        self.target_map_version
    }

    /// Whether the ranking entry `row` stands for the selected unit (itself, or a legacy group
    /// containing it).
    pub fn is_selected_rank(&self, row: &RankRow) -> bool {
        self.view
            .selected
            .as_deref()
            .is_some_and(|s| row.code == s || row.members.iter().any(|m| m == s))
    }
}

/// The year of `years` closest to `year` (the later one on a tie); `year` itself when `years` is
/// empty.
fn nearest_year(years: &[i32], year: i32) -> i32 {
    years.iter().copied().min_by_key(|y| ((y - year).abs(), -y)).unwrap_or(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_year_prefers_the_exact_year_then_the_closest_then_the_later() {
        assert_eq!(nearest_year(&[2010, 2015, 2018], 2015), 2015);
        assert_eq!(nearest_year(&[2010, 2015, 2018], 2017), 2018);
        assert_eq!(nearest_year(&[2010, 2014, 2016], 2015), 2016);
        assert_eq!(nearest_year(&[], 2015), 2015);
    }
}
