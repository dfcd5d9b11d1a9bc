//! Application state: the open file and its `Dataset`, the map geometry, the current view
//! (indicator, year, boundaries, layers, language, selection), the camera, and the models the
//! panels show (scene, ranking, table, chart series, selected region). Panels never change state
//! themselves: they return `Action`s and `AppState::apply` is the one place that applies them,
//! then rebuilds whatever the change invalidated — never anything in the frame loop.

mod camera;
mod derived;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::map::{BoundaryMode, MapGeometry, MapView, Scene, WorldPos, build_scene};
use crate::model::{Dataset, Lang};

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

/// A map layer that can be switched on and off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    GrowthPoints,
    Projects,
    Labels,
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
    scene: Arc<Scene>,
    /// Increases whenever `scene` is rebuilt, so painters can cache what they made of it.
    scene_version: u64,
    years: Vec<i32>,
    ranking: Vec<RankRow>,
    table: TableModel,
    chart: ChartModel,
    details: Option<RegionDetails>,
}

/// What an action invalidated.
#[derive(Debug, Clone, Copy)]
struct Dirty {
    scene: bool,
    table: bool,
    table_order: bool,
    selection: bool,
    chart: bool,
}

impl Dirty {
    /// Indicator, year, boundaries or language changed: everything shown depends on them.
    const VIEW: Dirty =
        Dirty { scene: true, table: true, table_order: true, selection: true, chart: true };
    const NOTHING: Dirty =
        Dirty { scene: false, table: false, table_order: false, selection: false, chart: false };

    fn merge(self, o: Dirty) -> Dirty {
        Dirty {
            scene: self.scene || o.scene,
            table: self.table || o.table,
            table_order: self.table_order || o.table_order,
            selection: self.selection || o.selection,
            chart: self.chart || o.chart,
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
            scene: Arc::new(Scene::default()),
            scene_version: 0,
            years,
            ranking: Vec::new(),
            table: TableModel::default(),
            chart: ChartModel::default(),
            details: None,
        };
        state.rebuild(Dirty::VIEW);
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
                Dirty { scene: true, selection: true, chart: true, ..Dirty::NOTHING }
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
        }
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
