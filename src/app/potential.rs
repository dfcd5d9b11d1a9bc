//! The Potential screen's state and models: the typology being edited (its weights move with the
//! sliders), its result, the class map, the local clusters (LISA) of the index with the global
//! Moran's I, the ranking order, the national medians of the components for a region's profile,
//! and the class change between two states (two years, or two scenarios at their horizon) with
//! its map and transition table. The typology edited starts from the built-in default or a
//! saved typology of the file (`Dataset::typologies`); saving and deleting one write the file
//! first (`store::save_typology`, `store::delete_typology`), then the dataset.
//!
//! Everything is rebuilt by `AppState` through [`PotentialState::refresh`] when something it
//! depends on changed (weights, states, data, scenarios, language, selection), and only while
//! the screen is shown; never per frame. Recomputing the default typology with LISA (999
//! permutations) takes about a millisecond, so the sliders update the map live.

use std::sync::Arc;

use crate::analysis::moran::{Autocorrelation, LisaCategory, LocalMoran, Quadrant};
use crate::analysis::neighbours::Neighbours;
use crate::analysis::typology::{
    self, ClassChange, Classification, Component, ComponentChoice, Direction, MissingRule,
    Normalisation, Transition, Typology, TypologyResult, TypologyState, class_label,
    insufficient_data_label,
};
use crate::app::Side;
use crate::i18n::format_number;
use crate::i18n::potential_text::PotentialText as T;
use crate::map::projected::{RegionPaint, region_scene};
use crate::map::{
    Legend, LegendItem, MapGeometry, MarkKind, Rgba, Scene, SceneMark, WorldPos, style,
};
use crate::model::{Dataset, Lang, SlidePotential};
use crate::scenario::Projection;

/// Permutations of the LISA and Moran tests (GeoDa's and PySAL's default, as `oblys typology`).
pub const PERMUTATIONS: usize = crate::analysis::moran::DEFAULT_PERMUTATIONS;
/// Seed of the permutations, the command line's: the screen and `oblys typology` agree.
pub const SEED: u64 = crate::analysis::moran::DEFAULT_SEED;
/// Significance levels the planner can choose for the cluster map.
pub const SIGNIFICANCE_LEVELS: [f64; 3] = [0.01, 0.05, 0.10];
pub use crate::analysis::typology::MAX_CLASSES;
/// Most components a typology edited on the screen has (one colour each in the ranking).
pub const MAX_COMPONENTS: usize = 7;
/// Largest weight a slider gives.
pub const MAX_WEIGHT: f64 = 5.0;

/// GeoDa's LISA colours: high–high red, low–low blue, low–high light blue, high–low light red,
/// not significant near white.
pub const HIGH_HIGH_FILL: Rgba = Rgba::rgb(0xff, 0x00, 0x00);
pub const LOW_LOW_FILL: Rgba = Rgba::rgb(0x00, 0x00, 0xff);
pub const LOW_HIGH_FILL: Rgba = Rgba::rgb(0xa7, 0xad, 0xf9);
pub const HIGH_LOW_FILL: Rgba = Rgba::rgb(0xf4, 0xad, 0xa8);
pub const NOT_SIGNIFICANT_FILL: Rgba = Rgba::rgb(0xee, 0xee, 0xee);
/// Class change colours (Okabe–Ito bluish green up, vermillion down, a pale grey unchanged);
/// the change map's scene carries a mark (arrow or bar) on every region too, so colour is never
/// the only sign.
pub const UP_FILL: Rgba = Rgba::rgb(0x00, 0x9e, 0x73);
pub const DOWN_FILL: Rgba = Rgba::rgb(0xd5, 0x5e, 0x00);
pub const SAME_FILL: Rgba = Rgba::rgb(0xe8, 0xe8, 0xe4);

pub use crate::model::PotentialTab;

impl PotentialTab {
    /// The tab's name.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            PotentialTab::Classes => T::TabClasses.get(lang),
            PotentialTab::Clusters => T::TabClusters.get(lang),
            PotentialTab::Change => T::TabChange.get(lang),
        }
    }
}

/// What the planner does on the Potential screen.
#[derive(Debug, Clone, PartialEq)]
pub enum PotentialAction {
    /// Sets the weight of the component at this position (clamped to 0..=`MAX_WEIGHT`).
    SetWeight {
        component: usize,
        weight: f64,
    },
    /// Back to the weights of the typology the edited one started from (1 for a component
    /// added since).
    ResetWeights,
    /// Adds a component with weight 1 (ignored when the typology has it or has
    /// [`MAX_COMPONENTS`]).
    AddComponent(ComponentChoice),
    /// Removes the component at this position (the last one stays).
    RemoveComponent(usize),
    /// Whether more of the component at this position is more potential or less.
    SetDirection {
        component: usize,
        direction: Direction,
    },
    SetTab(PotentialTab),
    /// The significance level of the cluster map.
    SetSignificance(f64),
    /// One of the two states the change view compares.
    SetChangeState(Side, TypologyState),
    /// The year (or scenario at its horizon) the classes and clusters are computed for; one
    /// of [`PotentialState::states`].
    SetState(TypologyState),
    /// Draw the neighbour graph (queen contiguity) over the class and cluster maps.
    ShowNeighbours(bool),
    SetNormalisation(Normalisation),
    /// How the index is cut into classes (class counts below 2 or above `MAX_CLASSES` are
    /// ignored).
    SetClassification(Classification),
    /// What a region lacking a component gets.
    SetMissing(MissingRule),
    /// Loads a saved typology by id (None: the built-in default): its weights, method, rule
    /// and state replace the edited ones.
    SelectTypology(Option<i64>),
    /// Saves the edited typology in the file under this name, in the view's language (the
    /// other languages fall back to it); a saved typology of that name is replaced.
    SaveTypologyAs(String),
    /// Asks to confirm deleting saved typology `id` (None: the question is withdrawn).
    AskDeleteTypology(Option<i64>),
    /// Deletes saved typology `id` from the file, then from the list (after confirmation).
    DeleteTypology(i64),
}

/// A region's move on the change map.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeModel {
    pub a: TypologyResult,
    pub b: TypologyResult,
    pub transition: Transition,
    pub scene: Arc<Scene>,
    /// Each drawn region's move, in the scene's order (for the marks).
    pub moves: Vec<(String, ClassChange)>,
}

/// The inputs `refresh` reads from the application.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub ds: &'a Dataset,
    pub geometry: &'a MapGeometry,
    pub projections: &'a [Projection],
    pub lang: Lang,
    pub selected: Option<&'a str>,
    /// The data or the scenarios changed since the last refresh.
    pub data_changed: bool,
    /// The screen is shown (nothing is computed while it is not).
    pub active: bool,
}

/// The Potential screen's models.
#[derive(Debug, Default)]
pub struct PotentialState {
    typology: Option<Typology>,
    /// The typology the edited one started from: the loaded saved typology or the built-in
    /// default ("Default weights" goes back to its weights).
    base: Option<Typology>,
    tab: PotentialTab,
    significance: Option<f64>,
    /// The states the change view can compare: the years with data, then every scenario at its
    /// horizon.
    states: Vec<TypologyState>,
    change_a: Option<TypologyState>,
    change_b: Option<TypologyState>,
    neighbours: Option<Neighbours>,
    /// The neighbour graph's links as lines between the regions' label anchors.
    links: Vec<[WorldPos; 2]>,
    show_neighbours: bool,
    result: Option<Result<TypologyResult, String>>,
    lisa: Option<Result<Autocorrelation, String>>,
    /// The national median of each component's raw values.
    medians: Vec<Option<f64>>,
    /// Positions of the regions with an index, best rank first.
    order: Vec<usize>,
    scene: Arc<Scene>,
    version: u64,
    change: Option<Result<ChangeModel, String>>,
    change_version: u64,
    /// Whether the typology, the map or the change must be rebuilt at the next refresh.
    stale_data: bool,
    /// The years and scenarios the typology can be computed for must be listed again (its
    /// components changed).
    stale_states: bool,
    stale_result: bool,
    /// The change view's states came from a slide: kept even when the data no longer give
    /// them (the view then says why), until the planner chooses a state or a typology.
    pinned_states: bool,
    stale_scene: bool,
    stale_change: bool,
    built_lang: Option<Lang>,
    built_selected: Option<String>,
    /// The saved typology loaded (None: the built-in default).
    saved: Option<i64>,
    /// The saved typology whose deletion waits for the planner's confirmation.
    delete_pending: Option<i64>,
    /// Why the file refused to save or delete a typology, in the view's language.
    saved_error: Option<String>,
    /// A slide's typology, taken exactly (not rebuilt from the default or a saved one) at the
    /// next rebuild for the data.
    slide_typology: Option<Typology>,
}

impl PotentialState {
    /// Applies a planner's action; the models follow at the next [`refresh`](Self::refresh).
    pub fn apply(&mut self, action: PotentialAction) {
        match action {
            PotentialAction::SetWeight { component, weight } => {
                let Some(c) = self.typology.as_mut().and_then(|t| t.components.get_mut(component))
                else {
                    return;
                };
                let weight = if weight.is_finite() { weight.clamp(0.0, MAX_WEIGHT) } else { 0.0 };
                if c.weight != weight {
                    c.weight = weight;
                    self.stale_result = true;
                }
            }
            PotentialAction::ResetWeights => {
                let weights = self.default_weights();
                if let Some(t) = self.typology.as_mut() {
                    for (c, w) in t.components.iter_mut().zip(weights) {
                        c.weight = w;
                    }
                    self.stale_result = true;
                }
            }
            PotentialAction::AddComponent(choice) => {
                let Some(t) = self.typology.as_mut() else { return };
                if t.components.len() >= MAX_COMPONENTS
                    || t.components.iter().any(|c| c.indicator == choice.indicator)
                {
                    return;
                }
                t.components.push(Component {
                    indicator: choice.indicator,
                    direction: choice.direction,
                    weight: 1.0,
                });
                self.stale_result = true;
                self.stale_states = true;
            }
            PotentialAction::RemoveComponent(component) => {
                let Some(t) = self.typology.as_mut() else { return };
                if t.components.len() > 1 && component < t.components.len() {
                    t.components.remove(component);
                    self.stale_result = true;
                    self.stale_states = true;
                }
            }
            PotentialAction::SetDirection { component, direction } => {
                let Some(c) = self.typology.as_mut().and_then(|t| t.components.get_mut(component))
                else {
                    return;
                };
                if c.direction != direction {
                    c.direction = direction;
                    self.stale_result = true;
                    self.stale_states = true;
                }
            }
            PotentialAction::SetTab(tab) => {
                if tab != self.tab {
                    self.tab = tab;
                    self.stale_scene = true;
                }
            }
            PotentialAction::SetSignificance(level) => {
                if level.is_finite() && level > 0.0 && level < 1.0 {
                    self.significance = Some(level);
                    self.stale_scene = true;
                }
            }
            PotentialAction::ShowNeighbours(on) => self.show_neighbours = on,
            PotentialAction::SetNormalisation(n) => {
                if let Some(t) = self.typology.as_mut()
                    && t.normalisation != n
                {
                    t.normalisation = n;
                    self.stale_result = true;
                }
            }
            PotentialAction::SetClassification(c) => {
                if !(2..=MAX_CLASSES).contains(&c.classes()) {
                    return;
                }
                if let Some(t) = self.typology.as_mut()
                    && t.classification != c
                {
                    t.classification = c;
                    self.stale_result = true;
                }
            }
            PotentialAction::SetMissing(m) => {
                if let Some(t) = self.typology.as_mut()
                    && t.missing != m
                {
                    t.missing = m;
                    self.stale_result = true;
                }
            }
            PotentialAction::SelectTypology(id) => self.load(id),
            PotentialAction::AskDeleteTypology(id) => self.delete_pending = id,
            // The file is written by `AppState::apply_potential`; nothing to do without a file.
            PotentialAction::SaveTypologyAs(_) | PotentialAction::DeleteTypology(_) => {}
            PotentialAction::SetState(state) => {
                if !self.states.contains(&state) {
                    return;
                }
                if let Some(t) = self.typology.as_mut()
                    && t.state != state
                {
                    t.state = state;
                    self.stale_result = true;
                }
            }
            PotentialAction::SetChangeState(side, state) => {
                if !self.states.contains(&state) {
                    return;
                }
                match side {
                    Side::A => self.change_a = Some(state),
                    Side::B => self.change_b = Some(state),
                }
                self.pinned_states = false;
                self.stale_change = true;
            }
        }
    }

    /// A screen showing `slide` (computed for `inputs`): what exported and presented Potential
    /// slides are drawn from, so that they show what the screen would.
    pub fn of_slide(slide: &SlidePotential, inputs: &Inputs<'_>) -> PotentialState {
        let mut state = PotentialState::default();
        state.show_slide(slide);
        state.refresh(&Inputs { active: true, ..*inputs });
        state
    }

    /// Shows a slide's Potential view from the next refresh: its typology exactly (weights,
    /// method, missing-value rule and state), tab, significance level, the change view's two
    /// states and the neighbour graph. The saved typology it came from is shown as loaded when
    /// the file still has it.
    pub fn show_slide(&mut self, slide: &SlidePotential) {
        self.slide_typology = Some(slide.typology.clone());
        self.saved = slide.saved;
        self.tab = slide.tab;
        self.significance = Some(slide.significance);
        self.change_a = Some(slide.change_a);
        self.change_b = Some(slide.change_b);
        self.pinned_states = true;
        self.show_neighbours = slide.neighbours;
        self.typology = None;
        self.delete_pending = None;
        self.stale_data = true;
        self.stale_scene = true;
        self.stale_change = true;
    }

    /// What a slide of the screen stores (None before the screen computed its first typology).
    pub fn slide_view(&self) -> Option<SlidePotential> {
        let typology = self.typology.clone()?;
        Some(SlidePotential {
            tab: self.tab,
            saved: self.saved,
            significance: self.significance(),
            change_a: self.change_a.unwrap_or(typology.state),
            change_b: self.change_b.unwrap_or(typology.state),
            neighbours: self.show_neighbours,
            typology,
        })
    }

    /// Loads saved typology `id` (None: the built-in default) at the next refresh: its
    /// definition replaces the edited one entirely, weights included.
    fn load(&mut self, id: Option<i64>) {
        self.saved = id;
        self.pinned_states = false;
        self.typology = None;
        self.delete_pending = None;
        self.stale_data = true;
    }

    /// Rebuilds what changed since the last call; cheap when nothing did.
    pub fn refresh(&mut self, inputs: &Inputs<'_>) {
        if inputs.data_changed {
            self.stale_data = true;
        }
        if !inputs.active {
            return;
        }
        if self.stale_data || self.typology.is_none() {
            self.reset_for_data(inputs);
        }
        if self.stale_states {
            self.states = available_states(inputs.ds, self.typology.as_ref(), inputs.projections);
            self.stale_states = false;
        }
        // A result that could not be computed says why in the view's language.
        if self.built_lang != Some(inputs.lang) && matches!(self.result, Some(Err(_))) {
            self.stale_result = true;
        }
        if self.stale_result {
            self.recompute(inputs);
        }
        let selected = inputs.selected.map(str::to_owned);
        if self.built_lang != Some(inputs.lang) || self.built_selected != selected {
            self.stale_scene = true;
            self.stale_change = true;
        }
        if self.stale_scene {
            self.scene = Arc::new(self.build_scene(inputs));
            self.version += 1;
            self.stale_scene = false;
        }
        // The class change is computed only for its tab (it is two typologies more).
        if self.stale_change && self.tab == PotentialTab::Change {
            self.change = Some(self.build_change(inputs));
            self.change_version += 1;
            self.stale_change = false;
        }
        self.built_lang = Some(inputs.lang);
        self.built_selected = selected;
    }

    /// A new dataset (or edited data or scenarios): the default typology's components, keeping
    /// the planner's weights where the components are the same; the neighbours; the states.
    fn reset_for_data(&mut self, inputs: &Inputs<'_>) {
        let ds = inputs.ds;
        let base = self
            .saved
            .and_then(|id| ds.typologies.iter().find(|s| s.id == id))
            .map(|s| s.typology.clone());
        if base.is_none() {
            self.saved = None;
        }
        let base = base.unwrap_or_else(|| Typology::default_for(ds));
        let known: Vec<String> =
            typology::component_choices(ds).into_iter().map(|c| c.indicator).collect();
        // A slide's typology is shown exactly; the planner's edited typology (components,
        // weights, method, state) stays whole while the file still has its indicators; else
        // the base.
        let mut edited = false;
        let from_slide = self.slide_typology.is_some();
        let fresh = match (self.slide_typology.take(), self.typology.take()) {
            (Some(slide), _) => slide,
            (None, Some(old)) if old.components.iter().all(|c| known.contains(&c.indicator)) => {
                edited = true;
                old
            }
            _ => base.clone(),
        };
        let base_state = base.state;
        self.base = Some(base);
        self.typology = Some(fresh);
        self.neighbours = ds.current_edition().map(Neighbours::build);
        self.links = match (&self.neighbours, ds.current_edition()) {
            (Some(w), Some(edition)) => {
                let anchor = |i: usize| {
                    let code = w.codes().get(i)?;
                    Some(inputs.geometry.edition(&edition.key)?.unit(code)?.label_anchor)
                };
                w.edges().into_iter().filter_map(|(i, j)| Some([anchor(i)?, anchor(j)?])).collect()
            }
            _ => Vec::new(),
        };
        self.states = available_states(ds, self.typology.as_ref(), inputs.projections);
        // An edited typology's year or scenario that the data no longer give falls back to the
        // base's (a slide's stays, and says why it cannot be computed).
        if let Some(t) = self.typology.as_mut()
            && edited
            && !self.states.contains(&t.state)
        {
            t.state = base_state;
        }
        // A state the data no longer give falls back to the default pair — except a slide's,
        // whose change view then says why it cannot be computed (e.g. its scenario is gone).
        let (a, b) = default_change_states(ds, &self.states);
        let pinned = from_slide || self.pinned_states;
        let keep = |s: Option<TypologyState>| s.is_some_and(|s| pinned || self.states.contains(&s));
        if !keep(self.change_a) {
            self.change_a = a;
        }
        if !keep(self.change_b) {
            self.change_b = b;
        }
        self.stale_data = false;
        self.stale_result = true;
    }

    fn recompute(&mut self, inputs: &Inputs<'_>) {
        let Some(typology) = &self.typology else { return };
        // A scenario state takes the application's projection (made once per edit).
        let projection = match typology.state {
            TypologyState::Scenario { scenario_id, .. } => {
                inputs.projections.iter().find(|p| p.scenario_id == scenario_id)
            }
            TypologyState::Year(_) => None,
        };
        let result = typology::compute_with_projection(inputs.ds, typology, projection)
            .map_err(|e| e.message(inputs.lang));
        self.lisa = match (&result, &self.neighbours) {
            (Ok(r), Some(w)) => Some(
                typology::index_autocorrelation(r, w, PERMUTATIONS, SEED)
                    .map_err(|e| e.to_string()),
            ),
            _ => None,
        };
        if let Ok(r) = &result {
            self.medians = (0..r.components.len())
                .map(|c| median(r.regions.iter().filter_map(|s| s.components.get(c)?.raw)))
                .collect();
            let mut order: Vec<usize> = (0..r.regions.len())
                .filter(|&i| r.regions.get(i).is_some_and(|s| s.index.is_some()))
                .collect();
            order.sort_by_key(|&i| r.regions.get(i).and_then(|s| s.rank).unwrap_or(usize::MAX));
            self.order = order;
        } else {
            self.medians.clear();
            self.order.clear();
        }
        self.result = Some(result);
        self.stale_result = false;
        self.stale_scene = true;
        self.stale_change = true;
    }

    fn build_scene(&self, inputs: &Inputs<'_>) -> Scene {
        let lang = inputs.lang;
        let Some(Ok(result)) = &self.result else { return Scene::default() };
        match self.tab {
            PotentialTab::Clusters => {
                let categories = self.categories();
                let mut scene =
                    class_scene(inputs.ds, inputs.geometry, result, lang, inputs.selected);
                for region in &mut scene.regions {
                    let category =
                        categories.iter().find(|(c, _)| *c == region.code).and_then(|(_, k)| *k);
                    if let Some(category) = category {
                        region.fill = lisa_fill(category);
                        region.no_data = false;
                        region.note = Some(lisa_text(category, lang).to_owned());
                    }
                }
                scene.legend = Legend {
                    title: T::ClustersTitle.get(lang).to_owned(),
                    unit: format!(
                        "{} {}",
                        T::Significance.get(lang),
                        format_number(self.significance(), 2, lang)
                    ),
                    items: lisa_legend(scene.regions.iter().any(|r| r.no_data), lang),
                };
                scene
            }
            _ => class_scene(inputs.ds, inputs.geometry, result, lang, inputs.selected),
        }
    }

    fn build_change(&self, inputs: &Inputs<'_>) -> Result<ChangeModel, String> {
        let (Some(typology), Some(a), Some(b)) = (&self.typology, self.change_a, self.change_b)
        else {
            return Err(T::Unknown.get(inputs.lang).to_owned());
        };
        let at = |state: TypologyState| {
            let t = Typology { state, ..typology.clone() };
            let projection = match state {
                TypologyState::Scenario { scenario_id, .. } => {
                    inputs.projections.iter().find(|p| p.scenario_id == scenario_id)
                }
                TypologyState::Year(_) => None,
            };
            typology::compute_with_projection(inputs.ds, &t, projection)
                .map_err(|e| e.message(inputs.lang))
        };
        let ra = at(a)?;
        let rb = at(b)?;
        let transition = typology::transition(&ra, &rb);
        let scene = change_scene(inputs, &ra, &rb, &transition);
        Ok(ChangeModel {
            moves: transition.changes.clone(),
            a: ra,
            b: rb,
            transition,
            scene: Arc::new(scene),
        })
    }

    /// The typology being edited (None before the screen was first shown).
    pub fn typology(&self) -> Option<&Typology> {
        self.typology.as_ref()
    }

    /// The id of the saved typology loaded (None: the built-in default).
    pub fn saved_typology(&self) -> Option<i64> {
        self.saved
    }

    /// The saved typology waiting for the confirmation of its deletion.
    pub fn delete_pending(&self) -> Option<i64> {
        self.delete_pending
    }

    /// Why the file refused the last save or deletion of a typology.
    pub fn saved_error(&self) -> Option<&str> {
        self.saved_error.as_deref()
    }

    /// The result, or why the typology cannot be computed.
    pub fn result(&self) -> Option<&Result<TypologyResult, String>> {
        self.result.as_ref()
    }

    /// Global and local Moran of the index, or why they cannot be computed.
    pub fn lisa(&self) -> Option<&Result<Autocorrelation, String>> {
        self.lisa.as_ref()
    }

    /// Every region's LISA category at the chosen level (None: no index or no neighbours).
    pub fn categories(&self) -> Vec<(String, Option<LisaCategory>)> {
        let (Some(Ok(lisa)), Some(w)) = (&self.lisa, &self.neighbours) else { return Vec::new() };
        let level = self.significance();
        w.codes()
            .iter()
            .zip(&lisa.local)
            .map(|(code, local)| (code.clone(), local.as_ref().map(|l| l.category(level))))
            .collect()
    }

    /// The local Moran of region `code` (None: no index, no neighbours, or no statistics).
    pub fn local(&self, code: &str) -> Option<&LocalMoran> {
        let (Some(Ok(lisa)), Some(w)) = (&self.lisa, &self.neighbours) else { return None };
        lisa.local.get(w.index_of(code)?)?.as_ref()
    }

    /// The neighbour graph's links, each as a line between the two regions' label anchors.
    pub fn links(&self) -> &[[WorldPos; 2]] {
        &self.links
    }

    /// Whether the neighbour graph is drawn over the maps.
    pub fn show_neighbours(&self) -> bool {
        self.show_neighbours
    }

    /// The map of the shown tab (classes or clusters).
    pub fn scene(&self) -> &Arc<Scene> {
        &self.scene
    }

    /// Increases whenever [`scene`](Self::scene) is rebuilt.
    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn tab(&self) -> PotentialTab {
        self.tab
    }

    /// The significance level of the cluster map (0.05 until the planner chooses).
    pub fn significance(&self) -> f64 {
        self.significance.unwrap_or(0.05)
    }

    /// The national median of each component's raw values, in the result's component order.
    pub fn medians(&self) -> &[Option<f64>] {
        &self.medians
    }

    /// Positions in the result's regions of the ranked regions, rank 1 first.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The weight of each edited component in the typology the edited one started from (the
    /// loaded saved typology or the built-in default); 1 for a component added since.
    pub fn default_weights(&self) -> Vec<f64> {
        let Some(t) = &self.typology else { return Vec::new() };
        t.components
            .iter()
            .map(|c| {
                let base = self.base.as_ref().and_then(|b| {
                    b.components.iter().find(|x| x.indicator == c.indicator).map(|x| x.weight)
                });
                base.unwrap_or(1.0)
            })
            .collect()
    }

    /// The states the change view offers.
    pub fn states(&self) -> &[TypologyState] {
        &self.states
    }

    /// The two states compared.
    pub fn change_states(&self) -> (Option<TypologyState>, Option<TypologyState>) {
        (self.change_a, self.change_b)
    }

    /// The class change between the two states, or why it cannot be made.
    pub fn change(&self) -> Option<&Result<ChangeModel, String>> {
        self.change.as_ref()
    }

    /// Increases whenever the change map is rebuilt.
    pub fn change_version(&self) -> u64 {
        self.change_version
    }
}

/// The median of `values` (None when empty).
fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let upper = v.get(n / 2).copied()?;
    if n % 2 == 1 { Some(upper) } else { v.get(n / 2 - 1).map(|lower| (lower + upper) / 2.0) }
}

/// The years in which `typology` can be computed, then every scenario at its horizon.
fn available_states(
    ds: &Dataset,
    typology: Option<&Typology>,
    projections: &[Projection],
) -> Vec<TypologyState> {
    let Some(typology) = typology else { return Vec::new() };
    let mut years: Vec<i32> = ds.values.iter().map(|v| v.year).collect();
    years.sort_unstable();
    years.dedup();
    let mut states: Vec<TypologyState> = years
        .into_iter()
        .map(TypologyState::Year)
        .filter(|&state| {
            let t = Typology { state, ..typology.clone() };
            typology::compute(ds, &t).is_ok_and(|r| r.regions.iter().any(|s| s.class.is_some()))
        })
        .collect();
    for s in &ds.scenarios {
        if projections.iter().any(|p| p.scenario_id == s.id) {
            states.push(TypologyState::Scenario { scenario_id: s.id, year: s.horizon });
        }
    }
    states
}

/// The first two scenarios at their horizon (inertial and managed on the shipped data), else
/// the last two years.
fn default_change_states(
    ds: &Dataset,
    states: &[TypologyState],
) -> (Option<TypologyState>, Option<TypologyState>) {
    let scenarios: Vec<TypologyState> =
        states.iter().copied().filter(|s| matches!(s, TypologyState::Scenario { .. })).collect();
    if let [a, b, ..] = scenarios.as_slice() {
        return (Some(*a), Some(*b));
    }
    let years: Vec<TypologyState> =
        states.iter().copied().filter(|s| matches!(s, TypologyState::Year(_))).collect();
    let _ = ds;
    match years.as_slice() {
        [.., a, b] => (Some(*a), Some(*b)),
        [a] => (Some(*a), Some(*a)),
        [] => (None, None),
    }
}

/// A state's name: the year, or the scenario's name and year.
pub fn state_label(ds: &Dataset, state: TypologyState, lang: Lang) -> String {
    match state {
        TypologyState::Year(y) => y.to_string(),
        TypologyState::Scenario { scenario_id, year } => {
            let name =
                ds.scenario(scenario_id).map_or_else(String::new, |s| s.name.get(lang).to_owned());
            format!("{name}, {year}")
        }
    }
}

/// The colours of a result's classes, lowest first.
pub fn class_fills(result: &TypologyResult) -> Vec<Rgba> {
    style::class_colors(result.classes.ranges.len().max(1), true)
}

/// Colours of the components in the ranking and the profile, by the component's position
/// (Okabe–Ito: apart under every common colour-vision deficiency); the screen and the exported
/// slides draw the same.
pub const COMPONENT_FILLS: [Rgba; 7] = [
    Rgba::rgb(0x00, 0x72, 0xb2),
    Rgba::rgb(0xe6, 0x9f, 0x00),
    Rgba::rgb(0x00, 0x9e, 0x73),
    Rgba::rgb(0xcc, 0x79, 0xa7),
    Rgba::rgb(0x56, 0xb4, 0xe9),
    Rgba::rgb(0xd5, 0x5e, 0x00),
    Rgba::rgb(0xf0, 0xe4, 0x42),
];

/// The colour of the component at position `c` (the palette repeats after seven).
pub fn component_fill(c: usize) -> Rgba {
    COMPONENT_FILLS.get(c % COMPONENT_FILLS.len()).copied().unwrap_or(style::NO_DATA_FILL)
}

/// The class map of `result`: each region filled by its class (lowest pale, highest dark), a
/// region without an index hatched grey "insufficient data"; the tooltip gives the index, the
/// class and the rank; the legend lists the classes (and insufficient data when a region has it).
pub fn class_scene(
    ds: &Dataset,
    geometry: &MapGeometry,
    result: &TypologyResult,
    lang: Lang,
    selected: Option<&str>,
) -> Scene {
    let values: Vec<(String, Option<f64>)> =
        result.regions.iter().map(|r| (r.code.clone(), r.index)).collect();
    let title = format!("{} — {}", T::Screen.get(lang), state_label(ds, result.state, lang));
    let paint = RegionPaint {
        title: &title,
        subtitle: T::IndexSubtitle.get(lang),
        legend_title: T::Class.get(lang),
        values: &values,
        lang,
        selected,
    };
    let fills = class_fills(result);
    let count = result.classes.ranges.len();
    let method = result.classes.method;
    let label = |v: Option<f64>| match v {
        Some(v) => format!("{} {}", T::Index.get(lang), format_number(v, 3, lang)),
        None => insufficient_data_label(lang).to_owned(),
    };
    let legend = |_| Vec::new();
    let mut scene = region_scene(ds, geometry, &paint, &|_| None, &label, &legend);
    for region in &mut scene.regions {
        let Some(score) = result.region(&region.code) else { continue };
        match score.class {
            Some(class) => {
                region.fill = fills.get(class).copied().unwrap_or(style::NO_DATA_FILL);
                region.no_data = false;
                region.note = Some(class_label(method, class, count, lang));
            }
            None => {
                region.fill = style::NO_DATA_FILL;
                region.no_data = true;
            }
        }
        region.rank = score.rank;
    }
    let mut items: Vec<LegendItem> = (0..count)
        .rev()
        .filter_map(|c| {
            let range = result.classes.ranges.get(c)?;
            Some(LegendItem::Class {
                fill: fills.get(c).copied()?,
                label: format!(
                    "{} ({}–{})",
                    class_label(method, c, count, lang),
                    format_number(range.min, 2, lang),
                    format_number(range.max, 2, lang),
                ),
            })
        })
        .collect();
    if scene.regions.iter().any(|r| r.no_data) {
        items.push(LegendItem::NoData {
            fill: style::NO_DATA_FILL,
            label: insufficient_data_label(lang).to_owned(),
        });
    }
    scene.legend = Legend { title: T::Class.get(lang).to_owned(), unit: String::new(), items };
    scene
}

/// The fill of a LISA category.
pub fn lisa_fill(category: LisaCategory) -> Rgba {
    match category {
        LisaCategory::NotSignificant => NOT_SIGNIFICANT_FILL,
        LisaCategory::Cluster(Quadrant::HighHigh) => HIGH_HIGH_FILL,
        LisaCategory::Cluster(Quadrant::LowLow) => LOW_LOW_FILL,
        LisaCategory::Cluster(Quadrant::HighLow) => HIGH_LOW_FILL,
        LisaCategory::Cluster(Quadrant::LowHigh) => LOW_HIGH_FILL,
    }
}

/// The name of a LISA category.
pub fn lisa_text(category: LisaCategory, lang: Lang) -> &'static str {
    match category {
        LisaCategory::NotSignificant => T::NotSignificant.get(lang),
        LisaCategory::Cluster(Quadrant::HighHigh) => T::HighHigh.get(lang),
        LisaCategory::Cluster(Quadrant::LowLow) => T::LowLow.get(lang),
        LisaCategory::Cluster(Quadrant::HighLow) => T::HighLow.get(lang),
        LisaCategory::Cluster(Quadrant::LowHigh) => T::LowHigh.get(lang),
    }
}

fn lisa_legend(any_missing: bool, lang: Lang) -> Vec<LegendItem> {
    let mut items: Vec<LegendItem> = [
        LisaCategory::Cluster(Quadrant::HighHigh),
        LisaCategory::Cluster(Quadrant::LowLow),
        LisaCategory::Cluster(Quadrant::HighLow),
        LisaCategory::Cluster(Quadrant::LowHigh),
        LisaCategory::NotSignificant,
    ]
    .into_iter()
    .map(|c| LegendItem::Class { fill: lisa_fill(c), label: lisa_text(c, lang).to_owned() })
    .collect();
    if any_missing {
        items.push(LegendItem::NoData {
            fill: style::NO_DATA_FILL,
            label: insufficient_data_label(lang).to_owned(),
        });
    }
    items
}

/// The fill of a class move.
pub fn change_fill(change: ClassChange) -> Rgba {
    match change {
        ClassChange::Up => UP_FILL,
        ClassChange::Same => SAME_FILL,
        ClassChange::Down => DOWN_FILL,
        ClassChange::Unknown => style::NO_DATA_FILL,
    }
}

/// The name of a class move.
pub fn change_text(change: ClassChange, lang: Lang) -> &'static str {
    match change {
        ClassChange::Up => T::Up.get(lang),
        ClassChange::Same => T::Same.get(lang),
        ClassChange::Down => T::Down.get(lang),
        ClassChange::Unknown => T::Unknown.get(lang),
    }
}

/// The mark drawn on a region for its move (None for an unknown move: the region is hatched).
pub fn change_mark(change: ClassChange) -> Option<MarkKind> {
    match change {
        ClassChange::Up => Some(MarkKind::Up),
        ClassChange::Same => Some(MarkKind::Same),
        ClassChange::Down => Some(MarkKind::Down),
        ClassChange::Unknown => None,
    }
}

/// The map of class moves from `a` to `b`: up, same, down (each by its colour and a mark at the
/// region's label anchor, so colour is never the only sign), unknown (hatched); the tooltip
/// says from which class to which.
fn change_scene(
    inputs: &Inputs<'_>,
    a: &TypologyResult,
    b: &TypologyResult,
    transition: &Transition,
) -> Scene {
    let lang = inputs.lang;
    let ds = inputs.ds;
    let mut scene = class_scene(ds, inputs.geometry, b, lang, inputs.selected);
    scene.title = format!(
        "{} — {} » {}",
        T::ChangeTitle.get(lang),
        state_label(ds, a.state, lang),
        state_label(ds, b.state, lang)
    );
    let label_of = |r: &TypologyResult, code: &str| {
        r.region(code).and_then(|s| s.class).map_or_else(
            || insufficient_data_label(lang).to_owned(),
            |c| class_label(r.classes.method, c, r.classes.ranges.len(), lang),
        )
    };
    for region in &mut scene.regions {
        let change = transition
            .changes
            .iter()
            .find(|(c, _)| *c == region.code)
            .map_or(ClassChange::Unknown, |(_, m)| *m);
        region.fill = change_fill(change);
        region.no_data = change == ClassChange::Unknown;
        region.value_label = change_text(change, lang).to_owned();
        region.note =
            Some(format!("{} » {}", label_of(a, &region.code), label_of(b, &region.code)));
        region.rank = None;
        if let Some(kind) = change_mark(change) {
            let (pos, code) = (region.label_anchor, region.code.clone());
            scene.marks.push(SceneMark { pos, code, kind });
        }
    }
    let mut items: Vec<LegendItem> = [ClassChange::Up, ClassChange::Same, ClassChange::Down]
        .into_iter()
        .filter_map(|c| {
            let (fill, label) = (change_fill(c), change_text(c, lang).to_owned());
            Some(LegendItem::Mark { fill, mark: change_mark(c)?, label })
        })
        .collect();
    if scene.regions.iter().any(|r| r.no_data) {
        items.push(LegendItem::NoData {
            fill: style::NO_DATA_FILL,
            label: change_text(ClassChange::Unknown, lang).to_owned(),
        });
    }
    scene.legend =
        Legend { title: T::ChangeTitle.get(lang).to_owned(), unit: String::new(), items };
    scene
}

impl super::AppState {
    /// Applies a Potential action; saving and deleting a typology write the file first, then
    /// the dataset, and a refusal (or a read-only window) is kept for the screen to show.
    pub(super) fn apply_potential(&mut self, action: PotentialAction) -> super::Dirty {
        match action {
            PotentialAction::SaveTypologyAs(name) => self.save_typology_as(&name),
            PotentialAction::DeleteTypology(id) => self.delete_typology(id),
            other => self.potential.apply(other),
        }
        super::Dirty::NOTHING
    }

    fn typology_writable(&mut self) -> bool {
        if self.read_only {
            let refusal = crate::i18n::edit_text::EditText::ReadOnlyRefusal.get(self.view.lang);
            self.potential.saved_error = Some(refusal.to_owned());
        }
        !self.read_only
    }

    fn refuse_typology(&mut self, e: &crate::store::StoreError) {
        let lang = self.view.lang;
        let not_saved = crate::i18n::edit_text::EditText::NotSaved.get(lang);
        self.potential.saved_error = Some(format!("{not_saved}: {}", e.message(lang)));
    }

    /// Saves the edited typology as `name` (in the view's language): a new id, or the id of the
    /// saved typology already called so. The saved typology is then the one loaded.
    fn save_typology_as(&mut self, name: &str) {
        let name = name.trim();
        let Some(edited) = self.potential.typology.clone() else { return };
        if name.is_empty() || !self.typology_writable() {
            return;
        }
        let lang = self.view.lang;
        let existing = crate::store::find_typology(&self.dataset.typologies, name);
        let (id, mut names) = match existing {
            Some(s) => (s.id, s.typology.name.clone()),
            None => {
                let id = self.dataset.typologies.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                (id, crate::model::Names::default())
            }
        };
        match lang {
            Lang::Kk => names.kk = name.to_owned(),
            Lang::Ru => names.ru = name.to_owned(),
            Lang::En => names.en = name.to_owned(),
        }
        let saved =
            crate::model::SavedTypology { id, typology: Typology { name: names, ..edited } };
        if let Err(e) = crate::store::save_typology(&self.file, &saved) {
            self.refuse_typology(&e);
            return;
        }
        self.potential.saved_error = None;
        let old = self.dataset.typologies.iter().find(|s| s.id == id).cloned();
        let list = &mut Arc::make_mut(&mut self.dataset).typologies;
        list.retain(|s| s.id != id);
        list.push(saved.clone());
        list.sort_by_key(|s| s.id);
        self.history.record(super::edit::Edit::PutTypology { old, new: Some(saved) });
        self.potential.saved = Some(id);
        self.potential.base = self.potential.typology.clone();
    }

    /// Deletes saved typology `id` from the file, then from the list; the built-in default is
    /// loaded when it was the one shown.
    fn delete_typology(&mut self, id: i64) {
        self.potential.delete_pending = None;
        if !self.dataset.typologies.iter().any(|s| s.id == id) || !self.typology_writable() {
            return;
        }
        if let Err(e) = crate::store::delete_typology(&self.file, id) {
            self.refuse_typology(&e);
            return;
        }
        self.potential.saved_error = None;
        let old = self.dataset.typologies.iter().find(|s| s.id == id).cloned();
        Arc::make_mut(&mut self.dataset).typologies.retain(|s| s.id != id);
        self.history.record(super::edit::Edit::PutTypology { old, new: None });
        if self.potential.saved == Some(id) {
            self.potential.load(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs<'a>(
        ds: &'a Dataset,
        geometry: &'a MapGeometry,
        projections: &'a [Projection],
    ) -> Inputs<'a> {
        Inputs {
            ds,
            geometry,
            projections,
            lang: Lang::En,
            selected: None,
            data_changed: false,
            active: true,
        }
    }

    fn shipped() -> (Dataset, MapGeometry, Vec<Projection>) {
        let ds = crate::io::default_dataset::build().expect("the shipped dataset");
        let geometry = MapGeometry::new(&ds);
        let projections = crate::app::scenarios::project_all(&ds);
        (ds, geometry, projections)
    }

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median([4.0, 1.0, 3.0, 2.0].into_iter()), Some(2.5));
        assert_eq!(median([5.0, 1.0, 3.0].into_iter()), Some(3.0));
        assert_eq!(median(std::iter::empty()), None);
    }

    #[test]
    fn the_class_map_fills_every_region_with_its_class_colour() {
        let (ds, geometry, projections) = shipped();
        let mut state = PotentialState::default();
        state.refresh(&inputs(&ds, &geometry, &projections));
        let Some(Ok(result)) = state.result() else { panic!("the default typology computes") };
        let fills = class_fills(result);
        assert_eq!(state.scene().regions.len(), result.regions.len());
        for region in &state.scene().regions {
            let class = result.region(&region.code).and_then(|s| s.class);
            let expected = class.and_then(|c| fills.get(c).copied()).unwrap_or(style::NO_DATA_FILL);
            assert_eq!(region.fill, expected, "{}", region.code);
        }
        assert_eq!(
            state.order().len(),
            result.regions.iter().filter(|r| r.index.is_some()).count()
        );
    }

    #[test]
    fn a_weight_change_recomputes_the_index_with_the_new_weights() {
        let (ds, geometry, projections) = shipped();
        let mut state = PotentialState::default();
        state.refresh(&inputs(&ds, &geometry, &projections));
        let before = state.version();
        state.apply(PotentialAction::SetWeight { component: 0, weight: 4.0 });
        state.refresh(&inputs(&ds, &geometry, &projections));
        assert!(state.version() > before);
        let mut expected = Typology::default_for(&ds);
        if let Some(c) = expected.components.first_mut() {
            c.weight = 4.0;
        }
        let expected = typology::compute(&ds, &expected).expect("computes");
        let Some(Ok(result)) = state.result() else { panic!("computes") };
        assert_eq!(result.regions, expected.regions);
    }

    #[test]
    fn the_change_view_compares_the_two_scenarios_at_their_horizon_by_default() {
        let (ds, geometry, projections) = shipped();
        let mut state = PotentialState::default();
        state.refresh(&inputs(&ds, &geometry, &projections));
        assert!(state.change().is_none(), "computed only for its tab");
        state.apply(PotentialAction::SetTab(PotentialTab::Change));
        state.refresh(&inputs(&ds, &geometry, &projections));
        let (a, b) = state.change_states();
        assert!(matches!(a, Some(TypologyState::Scenario { .. })));
        assert!(matches!(b, Some(TypologyState::Scenario { .. })));
        assert_ne!(a, b);
        let Some(Ok(change)) = state.change() else { panic!("the change computes") };
        assert_eq!(change.transition, typology::transition(&change.a, &change.b));
        for region in &change.scene.regions {
            let (_, m) =
                change.moves.iter().find(|(c, _)| *c == region.code).expect("every region moves");
            assert_eq!(region.fill, change_fill(*m));
        }
    }

    /// An application on the default dataset showing the Potential screen, on a file that
    /// does not exist (every write is refused).
    fn potential_app() -> crate::app::AppState {
        let ds = crate::io::default_dataset::build().expect("default dataset");
        let path = std::path::PathBuf::from("/nonexistent/unit-test.oblys");
        let mut s = crate::app::AppState::new(path, ds, Lang::En);
        s.apply(crate::app::Action::SetScreen(crate::app::Screen::Potential));
        s
    }

    #[test]
    fn a_typology_the_file_refuses_is_not_listed_and_the_refusal_is_kept() {
        let mut s = potential_app();
        assert!(s.potential().typology().is_some());
        s.apply(crate::app::Action::Potential(PotentialAction::SaveTypologyAs("Mine".into())));
        assert!(s.dataset().typologies.is_empty());
        assert_eq!(s.potential().saved_typology(), None);
        let error = s.potential().saved_error().expect("the refusal is kept");
        assert!(error.starts_with("The edit was not saved: "), "{error}");
        assert!(error.contains("unit-test.oblys"), "{error}");
    }

    #[test]
    fn a_read_only_window_refuses_to_save_a_typology() {
        let mut s = potential_app();
        s.set_read_only(true);
        s.apply(crate::app::Action::Potential(PotentialAction::SaveTypologyAs("Mine".into())));
        let refusal = crate::i18n::edit_text::EditText::ReadOnlyRefusal.get(Lang::En);
        assert_eq!(s.potential().saved_error(), Some(refusal));
        assert!(s.dataset().typologies.is_empty());
    }

    #[test]
    fn a_blank_name_saves_nothing_and_asking_to_delete_can_be_withdrawn() {
        let mut s = potential_app();
        s.apply(crate::app::Action::Potential(PotentialAction::SaveTypologyAs("  ".into())));
        assert_eq!(s.potential().saved_error(), None);
        s.apply(crate::app::Action::Potential(PotentialAction::AskDeleteTypology(Some(3))));
        assert_eq!(s.potential().delete_pending(), Some(3));
        s.apply(crate::app::Action::Potential(PotentialAction::AskDeleteTypology(None)));
        assert_eq!(s.potential().delete_pending(), None);
    }
}
