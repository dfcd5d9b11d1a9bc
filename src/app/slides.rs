//! Slides and presentation mode in the application state: what a slide made from the current
//! view stores (`current_slide_view`), restoring a slide's saved view, stepping through the deck
//! while presenting, and the deck's edits (add, rename, notes, move, replace, delete), each
//! written to the file first and then to memory.

use crate::analysis::typology::Typology;
use crate::i18n::edit_text::EditText;
use crate::i18n::potential_text::PotentialText;
use crate::i18n::presentation_text::PresentationText as T;
use crate::map::WorldPos;
use crate::model::{
    Dataset, Lang, Names, PotentialTab, Slide, SlideExtent, SlideLayers, SlidePotential,
    SlideScreen, SlideSource, SlideTarget, SlideView,
};
use crate::store::{self, StoreError};

use super::{
    AppState, Camera, Dirty, MAX_ZOOM, MIN_ZOOM, ScenarioTab, Screen, Source, nearest_year,
    potential, scenarios,
};

/// Presentation mode: which slide is shown and which of the five screens fills the window.
#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    /// Position of the shown slide in the deck.
    pub slide: usize,
    /// The screen the shown slide fills the window with (chart and table exist only here).
    pub screen: SlideScreen,
    /// The working view before the presentation started, restored when it ends.
    working: Box<Working>,
}

/// What the working screens showed before a presentation: a slide's worth of view plus the
/// scenario screen's tab (the Assumptions tab is no slide screen).
#[derive(Debug, Clone, PartialEq)]
struct Working {
    view: SlideView,
    tab: ScenarioTab,
    /// The cameras exactly (the view's extent in degrees is rounded by the projection).
    camera: Camera,
    compare_camera: Camera,
}

impl From<Source> for SlideSource {
    fn from(s: Source) -> SlideSource {
        match s {
            Source::Actual => SlideSource::Actual,
            Source::Scenario(id) => SlideSource::Scenario(id),
        }
    }
}

impl AppState {
    /// What a slide made from the current view stores: the screen (the map screen is a map
    /// slide; the scenario screen's Targets tab a targets slide, its other tabs a comparison),
    /// indicator and year of that screen, boundaries, layers, selection, the map's extent in
    /// degrees (None while the whole country is shown), both sides of the comparison with its
    /// difference mode, and the selected target. While presenting, the shown slide's screen.
    pub fn current_slide_view(&self) -> SlideView {
        let screen = match (&self.presentation, self.screen, self.scenario_tab) {
            (Some(p), _, _) => p.screen,
            (None, Screen::Map, _) => SlideScreen::Map,
            (None, Screen::Scenarios, ScenarioTab::Targets) => SlideScreen::Targets,
            (None, Screen::Scenarios, _) => SlideScreen::Compare,
            (None, Screen::Potential, _) => SlideScreen::Potential,
        };
        let target = self.selected_target().map(|row| SlideTarget {
            indicator: row.key.indicator.clone(),
            region_code: row.key.region_code.clone(),
            year: row.key.year,
        });
        let (indicator, year, extent) = match screen {
            SlideScreen::Map | SlideScreen::Chart | SlideScreen::Table => (
                self.view.indicator.clone(),
                self.view.year,
                self.camera_extent(&self.camera, self.scene.bounds),
            ),
            SlideScreen::Compare => (
                self.compare_indicator.clone(),
                self.compare_year,
                self.camera_extent(&self.compare_camera, self.compare_bounds()),
            ),
            SlideScreen::Targets => match &target {
                Some(t) => (t.indicator.clone(), t.year, None),
                None => (self.view.indicator.clone(), self.view.year, None),
            },
            SlideScreen::Potential => {
                (self.view.indicator.clone(), self.potential_slide().typology.state.year(), None)
            }
        };
        let potential =
            (screen == SlideScreen::Potential).then(|| Box::new(self.potential_slide()));
        let selected = self
            .view
            .selected
            .iter()
            .filter(|code| self.dataset.region(code).is_some())
            .cloned()
            .collect();
        SlideView {
            screen,
            indicator,
            year,
            boundary_mode: self.view.boundary_mode,
            layers: SlideLayers {
                growth_points: self.view.show_growth_points,
                projects: self.view.show_projects,
                labels: self.view.show_labels,
                corridors: self.view.show_corridors,
            },
            selected,
            extent,
            compare_a: self.compare_a.into(),
            compare_b: self.compare_b.into(),
            difference: self.compare_mode,
            target,
            potential,
        }
    }

    /// What the Potential screen shows, as a slide holds it; the built-in default typology
    /// before the screen computed one.
    fn potential_slide(&self) -> SlidePotential {
        self.potential.slide_view().unwrap_or_else(|| {
            let typology = Typology::default_for(&self.dataset);
            SlidePotential {
                tab: PotentialTab::default(),
                saved: None,
                significance: self.potential.significance(),
                change_a: typology.state,
                change_b: typology.state,
                neighbours: false,
                typology,
            }
        })
    }

    /// Whether presentation mode is on.
    pub fn presenting(&self) -> bool {
        self.presentation.is_some()
    }

    /// Position in the deck of the slide being presented (None when not presenting).
    pub fn current_slide(&self) -> Option<usize> {
        self.presentation.as_ref().map(|p| p.slide)
    }

    /// The shown part of the world of extent `bounds` under `camera`, in degrees; None for the
    /// whole country (the camera as it starts). The extent is the rectangle the camera fits
    /// into the panel (the panel's aspect may show a little more on two sides); its south-west
    /// and north-east corners are stored, so projecting them back gives the same rectangle.
    fn camera_extent(&self, camera: &Camera, bounds: [f32; 4]) -> Option<SlideExtent> {
        if *camera == Camera::default() {
            return None;
        }
        let [a, b, c, d] = bounds;
        let [cx, cy] = camera.center.unwrap_or([(a + c) / 2.0, (b + d) / 2.0]);
        let (half_w, half_h) = ((c - a) / camera.zoom / 2.0, (d - b) / camera.zoom / 2.0);
        let [lon_sw, lat_sw] = self.geometry.unproject([cx - half_w, cy - half_h]);
        let [lon_ne, lat_ne] = self.geometry.unproject([cx + half_w, cy + half_h]);
        let extent = SlideExtent {
            min_lon: lon_sw.min(lon_ne),
            min_lat: lat_sw.min(lat_ne),
            max_lon: lon_sw.max(lon_ne),
            max_lat: lat_sw.max(lat_ne),
        };
        let finite = [extent.min_lon, extent.min_lat, extent.max_lon, extent.max_lat]
            .iter()
            .all(|x| x.is_finite());
        (finite && extent.min_lon < extent.max_lon && extent.min_lat < extent.max_lat)
            .then_some(extent)
    }

    /// The camera that shows `extent` (None: the whole country) on a map of extent `bounds`.
    pub(super) fn extent_camera(&self, extent: Option<&SlideExtent>, bounds: [f32; 4]) -> Camera {
        let Some(e) = extent else { return Camera::default() };
        let [x_sw, y_sw]: WorldPos = self.geometry.project(e.min_lon, e.min_lat);
        let [x_ne, y_ne]: WorldPos = self.geometry.project(e.max_lon, e.max_lat);
        let (w, h) = ((x_ne - x_sw).abs(), (y_ne - y_sw).abs());
        let [a, b, c, d] = bounds;
        if !(w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()) {
            return Camera::default();
        }
        let zoom = ((c - a) / w).min((d - b) / h).clamp(MIN_ZOOM, MAX_ZOOM);
        Camera { zoom, center: Some([(x_sw + x_ne) / 2.0, (y_sw + y_ne) / 2.0]) }
    }

    /// Restores a slide's saved view: its screen, indicator and year, boundaries, layers,
    /// selection (the first of its regions the file has), map extent, the comparison's sides,
    /// indicator, year and difference mode, and the highlighted target. What the file no longer
    /// has falls back: a missing indicator keeps the current one, a missing scenario shows the
    /// data, a missing target the first one, and a year moves to the nearest one there is.
    pub(super) fn apply_slide_view(&mut self, v: &SlideView) -> Dirty {
        self.playing = false;
        match v.screen {
            SlideScreen::Map | SlideScreen::Chart | SlideScreen::Table => {
                self.screen = Screen::Map;
                if self.dataset.indicator(&v.indicator).is_some() {
                    self.view.indicator.clone_from(&v.indicator);
                    self.years = self.dataset.years_of(&v.indicator);
                }
                self.view.year = nearest_year(&self.years, v.year);
                self.camera = self.extent_camera(v.extent.as_ref(), self.scene.bounds);
            }
            SlideScreen::Compare => {
                self.screen = Screen::Scenarios;
                self.scenario_tab = ScenarioTab::Compare;
                self.compare_camera = self.extent_camera(v.extent.as_ref(), self.compare_bounds());
            }
            SlideScreen::Targets => {
                self.screen = Screen::Scenarios;
                self.scenario_tab = ScenarioTab::Targets;
            }
            SlideScreen::Potential => {
                self.screen = Screen::Potential;
                if let Some(p) = &v.potential {
                    self.potential.show_slide(p);
                }
            }
        }
        self.view.boundary_mode = v.boundary_mode;
        self.view.show_growth_points = v.layers.growth_points;
        self.view.show_projects = v.layers.projects;
        self.view.show_labels = v.layers.labels;
        self.view.show_corridors = v.layers.corridors;
        self.view.selected = v.selected.iter().find(|c| self.dataset.region(c).is_some()).cloned();
        self.hovered = None;
        let side = |s: SlideSource| match s {
            SlideSource::Scenario(id) if self.dataset.scenario(id).is_some() => {
                Source::Scenario(id)
            }
            _ => Source::Actual,
        };
        self.compare_a = side(v.compare_a);
        self.compare_b = side(v.compare_b);
        self.compare_mode = v.difference;
        if v.screen == SlideScreen::Compare
            && scenarios::compare_indicators(&self.dataset).iter().any(|d| d.key == v.indicator)
        {
            self.compare_indicator.clone_from(&v.indicator);
        }
        if v.screen == SlideScreen::Compare {
            self.compare_year = v.year;
        }
        self.clamp_compare_year();
        if v.screen == SlideScreen::Targets {
            // The attainment map shows one scenario: side B, the one a deck compares against
            // side A's reference.
            if let Some(id) = [v.compare_b, v.compare_a]
                .into_iter()
                .filter_map(SlideSource::scenario_id)
                .find(|id| self.dataset.scenario(*id).is_some())
            {
                self.selected_scenario = Some(id);
            }
            self.selected_target = v.target.as_ref().and_then(|t| {
                self.targets
                    .rows
                    .iter()
                    .find(|r| {
                        r.key.indicator == t.indicator
                            && r.key.region_code == t.region_code
                            && r.key.year == t.year
                    })
                    .map(|r| r.key.clone())
            });
        }
        Dirty::VIEW
    }

    /// The slide being presented.
    pub fn presented_slide(&self) -> Option<&Slide> {
        self.current_slide().and_then(|i| self.dataset.slides.get(i))
    }

    /// The screen the presentation shows now (None when not presenting).
    pub fn presented_screen(&self) -> Option<SlideScreen> {
        self.presentation.as_ref().map(|p| p.screen)
    }

    /// Whether the map screen's years are playing.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Whether the slide list is open.
    pub fn slides_open(&self) -> bool {
        self.slides_open
    }

    /// Why the last change of the deck was not saved, if it was not.
    pub fn slide_error(&self) -> Option<&str> {
        self.slide_error.as_deref()
    }

    /// The slide waiting for the planner to confirm its deletion.
    pub fn slide_delete_pending(&self) -> Option<&Slide> {
        self.slide_delete_pending.and_then(|id| self.dataset.slide(id))
    }

    /// Starts presenting at slide `index` (the last one when past the end); nothing with an
    /// empty deck. The working view is kept and comes back when the presentation ends.
    pub(super) fn start_presentation(&mut self, index: usize) -> Dirty {
        let Some(last) = self.dataset.slides.len().checked_sub(1) else {
            return Dirty::NOTHING;
        };
        if self.presentation.is_none() {
            let working = Working {
                view: self.current_slide_view(),
                tab: self.scenario_tab,
                camera: self.camera,
                compare_camera: self.compare_camera,
            };
            self.presentation = Some(Presentation {
                slide: 0,
                screen: SlideScreen::Map,
                working: Box::new(working),
            });
        }
        self.go_to_slide(index.min(last))
    }

    /// Leaves presentation mode and restores the working view of before.
    pub(super) fn stop_presentation(&mut self) -> Dirty {
        let Some(p) = self.presentation.take() else { return Dirty::NOTHING };
        let dirty = self.apply_slide_view(&p.working.view);
        self.scenario_tab = p.working.tab;
        self.camera = p.working.camera;
        self.compare_camera = p.working.compare_camera;
        dirty
    }

    /// Shows slide `index` from its saved state (what the presenter changed on it is gone).
    /// Outside presentation mode the working screens take the slide's view.
    pub(super) fn go_to_slide(&mut self, index: usize) -> Dirty {
        let Some(view) = self.dataset.slides.get(index).map(|s| s.view.clone()) else {
            return Dirty::NOTHING;
        };
        if let Some(p) = &mut self.presentation {
            p.slide = index;
            p.screen = view.screen;
        }
        self.apply_slide_view(&view)
    }

    /// Moves the presentation `step` slides on (negative: back), staying inside the deck.
    pub(super) fn step_slide(&mut self, step: isize) -> Dirty {
        let Some(current) = self.current_slide() else { return Dirty::NOTHING };
        let last = self.dataset.slides.len().saturating_sub(1);
        let next = current.saturating_add_signed(step).min(last);
        if next == current {
            return Dirty::NOTHING;
        }
        self.go_to_slide(next)
    }

    /// Starts or stops the year animation of the map screen; starting on the last year goes
    /// back to the first.
    pub(super) fn set_playing(&mut self, on: bool) -> Dirty {
        let (Some(&first), Some(&last)) = (self.years.first(), self.years.last()) else {
            self.playing = false;
            return Dirty::NOTHING;
        };
        self.playing = on && first < last;
        if self.playing && self.view.year >= last {
            self.view.year = first;
            return Dirty::VIEW;
        }
        Dirty::NOTHING
    }

    /// The next year of the current indicator after the shown one, if any (the animation's
    /// next step).
    pub fn next_year(&self) -> Option<i32> {
        self.years.iter().copied().find(|y| *y > self.view.year)
    }

    /// Saves the current view as a new slide at the end of the deck, titled after what it
    /// shows in all three languages.
    pub(super) fn add_slide_from_view(&mut self) -> Dirty {
        let view = self.current_slide_view();
        let slide = Slide {
            id: self.dataset.next_slide_id(),
            position: u32::try_from(self.dataset.slides.len()).unwrap_or(u32::MAX),
            title: default_title(&self.dataset, &view),
            notes: Names::default(),
            view,
        };
        self.save_slide(slide)
    }

    /// Gives slide `id` the title `title` in the view's language (the other languages fall
    /// back to it); an empty title changes nothing.
    pub(super) fn rename_slide(&mut self, id: i64, title: &str) -> Dirty {
        let title = title.trim();
        let Some(mut slide) = self.dataset.slide(id).cloned() else { return Dirty::NOTHING };
        if title.is_empty() || slide.title.get(self.view.lang) == title {
            return Dirty::NOTHING;
        }
        slide.title = in_one_language(title, self.view.lang);
        self.save_slide(slide)
    }

    /// Sets slide `id`'s speaker notes in the view's language (empty: none).
    pub(super) fn set_slide_notes(&mut self, id: i64, notes: &str) -> Dirty {
        let notes = notes.trim();
        let Some(mut slide) = self.dataset.slide(id).cloned() else { return Dirty::NOTHING };
        if slide.notes.get(self.view.lang) == notes {
            return Dirty::NOTHING;
        }
        slide.notes = in_one_language(notes, self.view.lang);
        self.save_slide(slide)
    }

    /// Replaces slide `id`'s saved view with the current view; title and notes stay.
    pub(super) fn replace_slide_view(&mut self, id: i64) -> Dirty {
        let Some(mut slide) = self.dataset.slide(id).cloned() else { return Dirty::NOTHING };
        slide.view = self.current_slide_view();
        self.save_slide(slide)
    }

    /// Shows slide `id`, a slide of the map screen, as its map, chart or table; the view it
    /// saved stays. A comparison or targets slide keeps its screen.
    pub(super) fn set_slide_screen(&mut self, id: i64, screen: SlideScreen) -> Dirty {
        let map_screens = [SlideScreen::Map, SlideScreen::Chart, SlideScreen::Table];
        let Some(mut slide) = self.dataset.slide(id).cloned() else { return Dirty::NOTHING };
        if slide.view.screen == screen
            || !map_screens.contains(&slide.view.screen)
            || !map_screens.contains(&screen)
        {
            return Dirty::NOTHING;
        }
        slide.view.screen = screen;
        self.save_slide(slide)
    }

    /// Moves slide `id` to place `to` of the deck (the last place when past the end).
    pub(super) fn move_slide(&mut self, id: i64, to: usize) -> Dirty {
        let mut ids: Vec<i64> = self.dataset.slides.iter().map(|s| s.id).collect();
        let Some(from) = ids.iter().position(|x| *x == id) else { return Dirty::NOTHING };
        let to = to.min(ids.len().saturating_sub(1));
        if from == to || !self.writable() {
            return Dirty::NOTHING;
        }
        ids.remove(from);
        ids.insert(to, id);
        if let Err(e) = store::reorder_slides(&self.file, &ids) {
            return self.refuse_slide(&e);
        }
        self.slide_error = None;
        let old: Vec<i64> = self.dataset.slides.iter().map(|s| s.id).collect();
        order_slides(&mut std::sync::Arc::make_mut(&mut self.dataset).slides, &ids);
        self.history.record(super::edit::Edit::OrderSlides { old, new: ids });
        Dirty::NOTHING
    }

    /// Deletes slide `id` from the file, then from the deck.
    pub(super) fn delete_slide(&mut self, id: i64) -> Dirty {
        self.slide_delete_pending = None;
        if self.dataset.slide(id).is_none() || !self.writable() {
            return Dirty::NOTHING;
        }
        if let Err(e) = store::delete_slide(&self.file, id) {
            return self.refuse_slide(&e);
        }
        self.slide_error = None;
        let old = self.dataset.slide(id).cloned();
        put_slide(&mut std::sync::Arc::make_mut(&mut self.dataset).slides, id, None);
        self.history.record(super::edit::Edit::PutSlide { old, new: None });
        self.deck_changed()
    }

    /// Writes `slide` into the file, then into the deck (replacing the slide of its id, at its
    /// position). A refusal of the file changes nothing and is kept for the slide list to show.
    fn save_slide(&mut self, slide: Slide) -> Dirty {
        if !self.writable() {
            return Dirty::NOTHING;
        }
        if let Err(e) = store::save_slide(&self.file, &slide) {
            return self.refuse_slide(&e);
        }
        self.slide_error = None;
        let old = self.dataset.slide(slide.id).cloned();
        let slides = &mut std::sync::Arc::make_mut(&mut self.dataset).slides;
        put_slide(slides, slide.id, Some(slide.clone()));
        // What the deck holds now (its position as the file numbered it) is what undo restores.
        let new = slides.iter().find(|s| s.id == slide.id).cloned();
        self.history.record(super::edit::Edit::PutSlide { old, new });
        Dirty::NOTHING
    }

    /// After the deck changed (here, or by undo and redo): a presentation stays on a slide
    /// that exists, and ends when none is left.
    pub(super) fn deck_changed(&mut self) -> Dirty {
        let count = self.dataset.slides.len();
        if let Some(p) = &mut self.presentation {
            p.slide = p.slide.min(count.saturating_sub(1));
        }
        if count == 0 {
            return self.stop_presentation();
        }
        Dirty::NOTHING
    }

    /// Whether the deck may be written; a read-only window keeps the refusal to show.
    fn writable(&mut self) -> bool {
        if self.read_only {
            self.slide_error = Some(EditText::ReadOnlyRefusal.get(self.view.lang).to_owned());
        }
        !self.read_only
    }

    /// Keeps why the file refused a change of the deck, in the view's language (the file's
    /// own message, naming the file and the slide, too).
    fn refuse_slide(&mut self, e: &StoreError) -> Dirty {
        let lang = self.view.lang;
        self.slide_error = Some(format!("{}: {}", EditText::NotSaved.get(lang), e.message(lang)));
        Dirty::NOTHING
    }
}

/// Puts `new` in the deck in place of slide `id` (None: takes it out), at `new.position`
/// (the end when past it); the others keep their order and positions are renumbered 0..n, as
/// `store::save_slide` and `store::delete_slide` leave the file.
pub(super) fn put_slide(slides: &mut Vec<Slide>, id: i64, new: Option<Slide>) {
    slides.retain(|s| s.id != id);
    if let Some(slide) = new {
        let at = usize::try_from(slide.position).unwrap_or(usize::MAX).min(slides.len());
        slides.insert(at, slide);
    }
    renumber(slides);
}

/// Orders the deck as `ids` (every slide id once) and renumbers the positions.
pub(super) fn order_slides(slides: &mut [Slide], ids: &[i64]) {
    slides.sort_by_key(|s| ids.iter().position(|x| *x == s.id));
    renumber(slides);
}

/// Whether two orders hold the same slides, each once (a reorder changes nothing else).
pub(super) fn same_deck(old: &[i64], new: &[i64]) -> bool {
    let (mut a, mut b) = (old.to_vec(), new.to_vec());
    a.sort_unstable();
    b.sort_unstable();
    let once = a.windows(2).all(|w| w.first() != w.get(1));
    !a.is_empty() && a == b && once
}

/// Positions 0, 1, … in the deck's order, as the file numbers them.
fn renumber(slides: &mut [Slide]) {
    for (position, slide) in (0u32..).zip(slides.iter_mut()) {
        slide.position = position;
    }
}

/// `text` in `lang` only; the other languages fall back to it (`Names::get`).
fn in_one_language(text: &str, lang: Lang) -> Names {
    match lang {
        Lang::Kk => Names::new(text, "", ""),
        Lang::Ru => Names::new("", text, ""),
        Lang::En => Names::new("", "", text),
    }
}

/// The name of indicator `key` (reported or projected) in each language; the key itself when
/// the file does not know it.
fn indicator_names(ds: &Dataset, key: &str) -> Names {
    if let Some(def) = ds.indicator(key) {
        return def.names.clone();
    }
    scenarios::compare_indicators(ds)
        .into_iter()
        .find(|d| d.key == key)
        .map_or_else(|| Names::new(key, key, key), |d| d.names)
}

/// The title a slide made from `view` starts with, in all three languages: "Population, 2024"
/// (with the selected region after a dash), "GRP, 2030: Managed vs Inertial" for a comparison,
/// "Targets: Investment" for the targets.
pub fn default_title(ds: &Dataset, view: &SlideView) -> Names {
    let indicator = indicator_names(ds, &view.indicator);
    let region = view.selected.first().and_then(|c| ds.region(c));
    let source = |s: SlideSource, lang| {
        let side = match s {
            SlideSource::Scenario(id) if ds.scenario(id).is_some() => Source::Scenario(id),
            _ => Source::Actual,
        };
        scenarios::source_name(ds, side, lang)
    };
    let title = |lang: Lang| -> String {
        let name = indicator.get(lang);
        match view.screen {
            SlideScreen::Compare => format!(
                "{name}, {}: {} {} {}",
                view.year,
                source(view.compare_b, lang),
                T::Versus.get(lang),
                source(view.compare_a, lang)
            ),
            SlideScreen::Targets => format!("{}: {name}", T::TargetsTitle.get(lang)),
            SlideScreen::Potential => match &view.potential {
                Some(p) => potential_title(ds, p, lang),
                None => PotentialText::Screen.get(lang).to_owned(),
            },
            SlideScreen::Map | SlideScreen::Chart | SlideScreen::Table => match region {
                Some(r) => format!("{name}, {} — {}", view.year, r.names.get(lang)),
                None => format!("{name}, {}", view.year),
            },
        }
    };
    Names::new(title(Lang::Kk), title(Lang::Ru), title(Lang::En))
}

/// A Potential slide's title: "Regional potential (default), 2022" for the classes, "Local
/// clusters: …" for the clusters, "Change of class: Inertial, 2030 » Managed, 2030" for a change.
fn potential_title(ds: &Dataset, p: &SlidePotential, lang: Lang) -> String {
    let typology = format!(
        "{}, {}",
        p.typology.name.get(lang),
        potential::state_label(ds, p.typology.state, lang)
    );
    match p.tab {
        PotentialTab::Classes => typology,
        PotentialTab::Clusters => format!("{}: {typology}", PotentialText::TabClusters.get(lang)),
        PotentialTab::Change => format!(
            "{}: {} » {}",
            PotentialText::ChangeTitle.get(lang),
            potential::state_label(ds, p.change_a, lang),
            potential::state_label(ds, p.change_b, lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::app::{Action, DifferenceMode, Side};
    use crate::map::BoundaryMode;

    /// A state on the default dataset; the file is never written by these tests (they only
    /// capture and restore views).
    fn state() -> AppState {
        let ds = crate::io::default_dataset::build().expect("default dataset");
        AppState::new(PathBuf::from("/nonexistent/unit-test.oblys"), ds, Lang::En)
    }

    /// A map view with everything away from the defaults: GRP in 2015 on today's boundaries,
    /// labels off and corridors on, Almaty selected, zoomed in and moved.
    fn changed_map_view(s: &mut AppState) {
        s.apply_all([
            Action::SetIndicator("grp".into()),
            Action::SetYear(2015),
            Action::SetBoundaryMode(BoundaryMode::Current),
            Action::SetLayer(super::super::Layer::Labels, false),
            Action::SetLayer(super::super::Layer::Corridors, true),
            Action::Select(Some("KZ-ALA".into())),
        ]);
        let [a, b, c, d] = s.scene().bounds;
        s.apply(Action::ZoomAt { factor: 2.5, anchor: [a + (c - a) * 0.7, b + (d - b) * 0.3] });
    }

    #[test]
    fn a_potential_view_is_captured_and_restored_with_its_unsaved_weights_tab_and_states() {
        use crate::analysis::typology::{Classification, TypologyState};
        use crate::app::potential::{PotentialAction as P, PotentialTab};
        let mut s = state();
        s.apply(Action::SetScreen(Screen::Potential));
        let default_weights: Vec<f64> = s.potential().default_weights().to_vec();
        let year = s.potential().typology().expect("computed").state.year();
        let inertial = s.dataset().scenarios[0].clone();
        let from = TypologyState::Scenario { scenario_id: inertial.id, year: inertial.horizon };
        let to = TypologyState::Year(year);
        s.apply_all([
            Action::Potential(P::SetWeight { component: 0, weight: 4.0 }),
            Action::Potential(P::SetClassification(Classification::Quantiles(4))),
            Action::Potential(P::SetSignificance(0.01)),
            Action::Potential(P::ShowNeighbours(true)),
            Action::Potential(P::SetChangeState(Side::A, from)),
            Action::Potential(P::SetChangeState(Side::B, to)),
            Action::Potential(P::SetTab(PotentialTab::Change)),
            Action::Select(Some("KZ-SHY".into())),
        ]);
        let saved = s.current_slide_view();
        assert_eq!(saved.screen, SlideScreen::Potential);
        assert_eq!(saved.year, year);
        let p = saved.potential.as_deref().expect("a Potential slide holds its typology");
        assert_eq!(p.tab, PotentialTab::Change);
        assert_eq!(p.typology.components[0].weight, 4.0);
        assert_eq!(p.typology.classification, Classification::Quantiles(4));
        assert_eq!((p.significance, p.neighbours), (0.01, true));
        assert_eq!((p.change_a, p.change_b), (from, to));
        assert_eq!(saved.selected, vec!["KZ-SHY".to_owned()]);
        let title = default_title(s.dataset(), &saved);
        assert_eq!(
            title.get(Lang::En),
            format!("Change of class: {}, {} » {year}", inertial.name.en, inertial.horizon)
        );

        // Everything back to the defaults, on another screen.
        s.apply_all([
            Action::Potential(P::ResetWeights),
            Action::Potential(P::SetClassification(Classification::ThreeClass)),
            Action::Potential(P::SetTab(PotentialTab::Classes)),
            Action::Potential(P::ShowNeighbours(false)),
            Action::SetScreen(Screen::Map),
        ]);
        assert_eq!(s.potential().typology().expect("kept").components[0].weight, 1.0);
        let dirty = s.apply_slide_view(&saved);
        s.rebuild(dirty);
        assert_eq!(s.screen(), Screen::Potential);
        let model = s.potential();
        let typology = model.typology().expect("the slide's typology");
        assert_eq!(typology, &p.typology);
        assert_eq!(model.tab(), PotentialTab::Change);
        assert_eq!(model.change_states(), (Some(from), Some(to)));
        assert_eq!((model.significance(), model.show_neighbours()), (0.01, true));
        assert!(matches!(model.change(), Some(Ok(_))), "the change is computed");
        // "Reset weights" still goes back to the default typology's weights.
        assert_eq!(model.default_weights(), default_weights.as_slice());
        assert_eq!(s.current_slide_view(), saved);
    }

    #[test]
    fn a_potential_slide_whose_scenario_is_gone_says_so_instead_of_showing_another_change() {
        use crate::analysis::typology::TypologyState;
        use crate::app::potential::{PotentialAction as P, PotentialTab};
        let mut s = state();
        s.apply(Action::SetScreen(Screen::Potential));
        s.apply(Action::Potential(P::SetTab(PotentialTab::Change)));
        let mut view = s.current_slide_view();
        let gone = TypologyState::Scenario { scenario_id: 42, year: 2030 };
        view.potential.as_mut().expect("a Potential slide").change_b = gone;
        s.apply(Action::SetScreen(Screen::Map));
        let dirty = s.apply_slide_view(&view);
        s.rebuild(dirty);
        let model = s.potential();
        assert_eq!(model.change_states().1, Some(gone));
        let Some(Err(reason)) = model.change() else { panic!("the change cannot be computed") };
        assert!(reason.contains("no scenario with id 42"), "{reason}");
        // A data change while the slide is shown keeps its states.
        s.potential.refresh(&potential::Inputs {
            ds: &s.dataset,
            geometry: &s.geometry,
            projections: &s.projections,
            lang: Lang::En,
            selected: None,
            data_changed: true,
            active: true,
        });
        assert_eq!(s.potential().change_states().1, Some(gone));
        // In Russian, the reason is Russian.
        s.apply(Action::SetLanguage(Lang::Ru));
        let Some(Err(reason)) = s.potential().change() else { panic!("still not computed") };
        assert!(reason.starts_with("сценария 42 нет; в файле есть: "), "{reason}");
    }

    #[test]
    fn a_map_view_is_captured_and_restored_after_everything_changed() {
        let mut s = state();
        changed_map_view(&mut s);
        let saved = s.current_slide_view();
        assert_eq!(saved.screen, SlideScreen::Map);
        assert_eq!((saved.indicator.as_str(), saved.year), ("grp", 2015));
        assert_eq!(saved.boundary_mode, BoundaryMode::Current);
        let layers =
            SlideLayers { growth_points: true, projects: true, labels: false, corridors: true };
        assert_eq!(saved.layers, layers);
        assert_eq!(saved.selected, vec!["KZ-ALA".to_owned()]);
        let extent = saved.extent.expect("a zoomed map has an extent");
        // Zoomed 2.5× into the south-east of the country: a window inside 46°–88°E, 40°–56°N.
        assert!(extent.min_lon > 46.0 && extent.max_lon < 88.0, "{extent:?}");
        assert!(extent.min_lat > 40.0 && extent.max_lat < 56.0, "{extent:?}");
        let camera = *s.camera();

        s.apply_all([
            Action::SetIndicator("population".into()),
            Action::SetYear(2024),
            Action::SetBoundaryMode(BoundaryMode::AsReported),
            Action::SetLayer(super::super::Layer::Labels, true),
            Action::Select(Some("KZ-AKM".into())),
            Action::ResetCamera,
            Action::SetScreen(Screen::Scenarios),
        ]);
        let dirty = s.apply_slide_view(&saved);
        s.rebuild(dirty);
        assert_eq!(s.screen(), Screen::Map);
        let again = s.current_slide_view();
        assert_eq!(again.indicator, saved.indicator);
        assert_eq!(again.year, saved.year);
        assert_eq!(again.selected, saved.selected);
        assert_eq!(again.layers, saved.layers);
        assert_eq!(again.boundary_mode, saved.boundary_mode);
        let restored = *s.camera();
        assert!((restored.zoom - camera.zoom).abs() < 1e-3, "{restored:?} vs {camera:?}");
        let (rc, cc) = (restored.center.expect("centre"), camera.center.expect("centre"));
        // World units are metres: the centre comes back within a metre.
        assert!((rc[0] - cc[0]).abs() < 1.0 && (rc[1] - cc[1]).abs() < 1.0, "{rc:?} vs {cc:?}");
    }

    #[test]
    fn a_comparison_view_keeps_its_sides_indicator_year_and_difference_mode() {
        let mut s = state();
        s.apply_all([
            Action::SetScreen(Screen::Scenarios),
            Action::SetScenarioTab(ScenarioTab::Compare),
            Action::SetCompareSource(Side::A, Source::Actual),
            Action::SetCompareSource(Side::B, Source::Scenario(2)),
            Action::SetCompareIndicator("population".into()),
            Action::SetCompareYear(2027),
            Action::SetDifferenceMode(DifferenceMode::Relative),
        ]);
        let saved = s.current_slide_view();
        assert_eq!(saved.screen, SlideScreen::Compare);
        assert_eq!((saved.indicator.as_str(), saved.year), ("population", 2027));
        assert_eq!(
            (saved.compare_a, saved.compare_b),
            (SlideSource::Actual, SlideSource::Scenario(2))
        );
        assert_eq!(saved.difference, DifferenceMode::Relative);
        assert_eq!(saved.extent, None);

        s.apply_all([
            Action::SetCompareSource(Side::A, Source::Scenario(1)),
            Action::SetCompareIndicator("grp".into()),
            Action::SetCompareYear(2030),
            Action::SetDifferenceMode(DifferenceMode::Absolute),
            Action::SetScreen(Screen::Map),
        ]);
        let dirty = s.apply_slide_view(&saved);
        s.rebuild(dirty);
        assert_eq!((s.screen(), s.scenario_tab()), (Screen::Scenarios, ScenarioTab::Compare));
        assert_eq!(s.current_slide_view(), saved);
    }

    #[test]
    fn a_slide_naming_what_the_file_lacks_falls_back_instead_of_failing() {
        let mut s = state();
        let mut view = s.current_slide_view();
        view.screen = SlideScreen::Compare;
        view.indicator = "no_such_indicator".into();
        view.year = 1900;
        view.selected = vec!["KZ-ATLANTIS".into(), "KZ-KAR".into()];
        view.compare_a = SlideSource::Scenario(99);
        view.compare_b = SlideSource::Scenario(2);
        let before = s.compare_indicator().to_owned();
        let dirty = s.apply_slide_view(&view);
        s.rebuild(dirty);
        assert_eq!(s.compare_sources(), (Source::Actual, Source::Scenario(2)));
        assert_eq!(s.compare_indicator(), before);
        // The year moves into the range the sides offer; the first known region is selected.
        assert_eq!(s.compare_year(), s.compare_years().0);
        assert_eq!(s.selected(), Some("KZ-KAR"));
    }

    #[test]
    fn the_default_title_names_the_indicator_year_and_region_in_each_language() {
        let mut s = state();
        changed_map_view(&mut s);
        let title = default_title(s.dataset(), &s.current_slide_view());
        assert_eq!(title.get(Lang::En), "Gross regional product, 2015 — Almaty");
        assert!(
            title.get(Lang::Ru).starts_with("Валовой региональный продукт, 2015 — "),
            "{title:?}"
        );
    }

    #[test]
    fn stepping_stays_inside_the_deck_and_leaving_restores_the_working_view() {
        let mut s = state();
        changed_map_view(&mut s);
        let working = s.current_slide_view();
        assert_eq!(s.dataset().slides.len(), 4);
        s.apply(Action::StartPresentation(0));
        assert!(s.presenting());
        assert_eq!(s.current_slide(), Some(0));
        assert_eq!((s.view().indicator.as_str(), s.selected()), ("population", None));
        s.apply(Action::PreviousSlide);
        assert_eq!(s.current_slide(), Some(0));
        s.apply(Action::LastSlide);
        assert_eq!(
            (s.current_slide(), s.presented_screen()),
            (Some(3), Some(SlideScreen::Potential))
        );
        s.apply(Action::NextSlide);
        assert_eq!(s.current_slide(), Some(3));
        s.apply(Action::FirstSlide);
        assert_eq!(s.current_slide(), Some(0));
        s.apply(Action::StopPresentation);
        assert!(!s.presenting());
        assert_eq!(s.current_slide(), None);
        assert_eq!(s.current_slide_view(), working);
    }

    #[test]
    fn only_a_map_slide_changes_between_map_chart_and_table() {
        let mut s = state();
        let before = s.dataset().slides.clone();
        // Slide 2 is the default deck's comparison: it keeps its screen, nothing is written.
        s.apply(Action::SetSlideScreen { id: 2, screen: SlideScreen::Chart });
        assert_eq!(s.dataset().slides, before);
        assert_eq!(s.slide_error(), None);
    }

    #[test]
    fn a_deck_change_the_file_refuses_changes_nothing_and_says_why() {
        let mut s = state();
        let before = s.dataset().slides.clone();
        s.apply(Action::AddSlideFromView);
        s.apply(Action::RenameSlide { id: 1, title: "Overview".into() });
        assert_eq!(s.dataset().slides, before);
        let error = s.slide_error().expect("the refusal is kept");
        assert!(error.starts_with("The edit was not saved: "), "{error}");
        assert!(error.contains("unit-test.oblys"), "{error}");
    }

    #[test]
    fn playing_from_the_last_year_starts_again_at_the_first() {
        let mut s = state();
        let (first, last) = (s.years()[0], *s.years().last().expect("years"));
        assert_eq!(s.view().year, last);
        s.apply(Action::SetPlaying(true));
        assert!(s.playing());
        assert_eq!(s.view().year, first);
        assert_eq!(s.next_year(), s.years().get(1).copied());
        s.apply(Action::SetPlaying(false));
        assert!(!s.playing());
    }
}
