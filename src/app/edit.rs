//! Edits of the planner's data with undo and redo. An [`Edit`] holds the row before and after
//! (None where there was or will be none), so its inverse is the same edit with both swapped.
//! Applying one writes the file first (one transaction, `store::put_*` / `store::delete_*`) and
//! only then changes the in-memory `Dataset`, as `AppState::save_scenario` does: a write the
//! file refuses changes nothing and its message is kept. Undo and redo apply the inverse or the
//! edit again the same way, so the file always holds what the window shows; the stacks are
//! unlimited and live as long as the file is open. The scenario screen's saves and deletions
//! join the same stacks (recorded by `AppState::save_scenario` and `delete_scenario`; the values
//! previewed while a slider is dragged are one step with the save that ends the drag).
//!
//! Also here, pure and tested: the forms the Data window fills (text as typed → a row or the
//! problems beside each field) and the checks behind them (a point inside a current region, no
//! negative counts, a year within 1990–2100, a name in at least one language).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use geo::{LineString, Point};

use super::{AppState, Dirty, nearest_year};
use crate::i18n::edit_text::{EditText, Problem};
use crate::io::import::parse_number;
use crate::model::{
    Aggregation, Corridor, CorridorKind, Dataset, GrowthLevel, GrowthPoint, IndicatorDef,
    IndicatorValue, Investment, LocationBasis, Names, Project, ProjectStatus, SavedTypology,
    Scenario, Sector, Slide,
};
use crate::spatial::RegionLocator;
use crate::store::{FeatureBatch, StoreError};

/// Earliest and latest year an edit may carry.
pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2100;

/// One change of the planner's data: the row before (`old`) and after (`new`); None for "no
/// row". Both sides of an edit name the same row (same region, indicator and year; same id;
/// same project code).
#[derive(Debug, Clone, PartialEq)]
// A project row is larger than a value row; edits are made one per user action, so the space a
// value edit wastes on the undo stack does not matter and boxing would only add indirection.
#[allow(clippy::large_enum_variant)]
pub enum Edit {
    SetValue {
        old: Option<IndicatorValue>,
        new: Option<IndicatorValue>,
    },
    PutGrowthPoint {
        old: Option<GrowthPoint>,
        new: Option<GrowthPoint>,
    },
    PutProject {
        old: Option<Project>,
        new: Option<Project>,
    },
    PutCorridor {
        old: Option<Corridor>,
        new: Option<Corridor>,
    },
    /// A scenario saved, added or deleted on the scenario screen (`old` is the file's version:
    /// a preview shown while dragging is not an edit of its own).
    PutScenario {
        old: Option<Scenario>,
        new: Option<Scenario>,
    },
    /// Many values changed as one step (an import, or its undo): each change as `SetValue`.
    SetValues(Vec<ValueChange>),
    /// Features imported from a layer, added as one step.
    AddFeatures(FeatureBatch),
    /// The same features taken out again (the undo of `AddFeatures`).
    RemoveFeatures(FeatureBatch),
    /// A slide added, changed or deleted in the slide list (`position` is its place).
    PutSlide {
        old: Option<Slide>,
        new: Option<Slide>,
    },
    /// A typology saved under a name, replaced or deleted on the Potential screen.
    PutTypology {
        old: Option<SavedTypology>,
        new: Option<SavedTypology>,
    },
    /// The deck put in another order: every slide id, before and after.
    OrderSlides {
        old: Vec<i64>,
        new: Vec<i64>,
    },
}

/// One value of a [`Edit::SetValues`]: the row before and after, of the same key.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueChange {
    pub old: Option<IndicatorValue>,
    pub new: Option<IndicatorValue>,
}

/// The key of a value: region code, indicator and year.
fn value_key(v: &IndicatorValue) -> (&str, &str, i32) {
    (v.region_code.as_str(), v.indicator.as_str(), v.year)
}

/// Ids of growth points and corridors and codes of projects in `batch`.
fn batch_keys(batch: &FeatureBatch) -> (HashSet<i64>, HashSet<&str>, HashSet<i64>) {
    (
        batch.growth_points.iter().map(|g| g.id).collect(),
        batch.projects.iter().map(|p| p.code.as_str()).collect(),
        batch.corridors.iter().map(|c| c.id).collect(),
    )
}

fn batch_is_empty(batch: &FeatureBatch) -> bool {
    batch.growth_points.is_empty() && batch.projects.is_empty() && batch.corridors.is_empty()
}

/// Why an edit was not applied.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("the two sides of the edit name different rows; nothing was changed")]
    Mismatch,
    #[error(
        "the data changed since this edit was made (another edit came first); nothing was changed"
    )]
    Stale,
    #[error("the file is open in another Oblys window (read-only); nothing was saved")]
    ReadOnly,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Edit {
    /// The edit an import of `values` makes: each value that is new or differs from the one
    /// `ds` holds (which it replaces with its source and note); equal values are left alone, as
    /// `store::import_values` leaves them. `values` name each key once.
    pub fn import_values(ds: &Dataset, values: &[IndicatorValue]) -> Edit {
        let index: HashMap<(&str, &str, i32), &IndicatorValue> =
            ds.values.iter().map(|v| (value_key(v), v)).collect();
        let changes = values
            .iter()
            .filter_map(|v| match index.get(&value_key(v)) {
                Some(old) if old.value == v.value => None,
                old => Some(ValueChange { old: old.map(|o| (*o).clone()), new: Some(v.clone()) }),
            })
            .collect();
        Edit::SetValues(changes)
    }

    /// Sets (`Some`) or deletes (`None`) the value of `indicator` for `region_code` in `year`,
    /// keeping the source and note of a value already there (a new one gets `source`).
    pub fn set_value(
        ds: &Dataset,
        region_code: &str,
        indicator: &str,
        year: i32,
        value: Option<f64>,
        source: &str,
    ) -> Edit {
        let old = ds
            .values
            .iter()
            .find(|v| v.region_code == region_code && v.indicator == indicator && v.year == year)
            .cloned();
        let new = value.map(|value| match &old {
            Some(o) => IndicatorValue { value, ..o.clone() },
            None => IndicatorValue {
                region_code: region_code.to_owned(),
                year,
                indicator: indicator.to_owned(),
                value,
                source: source.to_owned(),
                note: String::new(),
            },
        });
        Edit::SetValue { old, new }
    }

    /// Adds or replaces the growth point of `point.id`.
    pub fn put_growth_point(ds: &Dataset, point: GrowthPoint) -> Edit {
        let old = ds.growth_points.iter().find(|g| g.id == point.id).cloned();
        Edit::PutGrowthPoint { old, new: Some(point) }
    }

    /// Deletes the growth point `id` (an edit that fails as stale when there is none).
    pub fn delete_growth_point(ds: &Dataset, id: i64) -> Edit {
        let old = ds.growth_points.iter().find(|g| g.id == id).cloned();
        Edit::PutGrowthPoint { old, new: None }
    }

    /// Adds or replaces the project of `project.code`.
    pub fn put_project(ds: &Dataset, project: Project) -> Edit {
        let old = ds.project(&project.code).cloned();
        Edit::PutProject { old, new: Some(project) }
    }

    pub fn delete_project(ds: &Dataset, code: &str) -> Edit {
        Edit::PutProject { old: ds.project(code).cloned(), new: None }
    }

    /// Adds or replaces the corridor of `corridor.id`.
    pub fn put_corridor(ds: &Dataset, corridor: Corridor) -> Edit {
        let old = ds.corridors.iter().find(|c| c.id == corridor.id).cloned();
        Edit::PutCorridor { old, new: Some(corridor) }
    }

    pub fn delete_corridor(ds: &Dataset, id: i64) -> Edit {
        let old = ds.corridors.iter().find(|c| c.id == id).cloned();
        Edit::PutCorridor { old, new: None }
    }

    /// The edit that takes its result back to where it started.
    #[must_use]
    pub fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::SetValue { old, new } => Edit::SetValue { old: new, new: old },
            Edit::PutGrowthPoint { old, new } => Edit::PutGrowthPoint { old: new, new: old },
            Edit::PutProject { old, new } => Edit::PutProject { old: new, new: old },
            Edit::PutCorridor { old, new } => Edit::PutCorridor { old: new, new: old },
            Edit::PutScenario { old, new } => Edit::PutScenario { old: new, new: old },
            Edit::SetValues(changes) => Edit::SetValues(
                changes.into_iter().map(|c| ValueChange { old: c.new, new: c.old }).collect(),
            ),
            Edit::AddFeatures(batch) => Edit::RemoveFeatures(batch),
            Edit::RemoveFeatures(batch) => Edit::AddFeatures(batch),
            Edit::PutSlide { old, new } => Edit::PutSlide { old: new, new: old },
            Edit::OrderSlides { old, new } => Edit::OrderSlides { old: new, new: old },
            Edit::PutTypology { old, new } => Edit::PutTypology { old: new, new: old },
        }
    }

    /// Whether both sides name the same row (and at least one exists).
    fn same_row(&self) -> bool {
        fn same<T>(old: &Option<T>, new: &Option<T>, key: impl Fn(&T, &T) -> bool) -> bool {
            match (old, new) {
                (Some(o), Some(n)) => key(o, n),
                (None, None) => false,
                _ => true,
            }
        }
        match self {
            Edit::SetValue { old, new } => same(old, new, |o, n| {
                o.region_code == n.region_code && o.indicator == n.indicator && o.year == n.year
            }),
            Edit::PutGrowthPoint { old, new } => same(old, new, |o, n| o.id == n.id),
            Edit::PutProject { old, new } => same(old, new, |o, n| o.code == n.code),
            Edit::PutCorridor { old, new } => same(old, new, |o, n| o.id == n.id),
            Edit::PutScenario { old, new } => same(old, new, |o, n| o.id == n.id),
            Edit::SetValues(changes) => {
                !changes.is_empty()
                    && changes
                        .iter()
                        .all(|c| same(&c.old, &c.new, |o, n| value_key(o) == value_key(n)))
            }
            Edit::AddFeatures(batch) | Edit::RemoveFeatures(batch) => !batch_is_empty(batch),
            Edit::PutSlide { old, new } => same(old, new, |o, n| o.id == n.id),
            Edit::OrderSlides { old, new } => super::slides::same_deck(old, new),
            Edit::PutTypology { old, new } => same(old, new, |o, n| o.id == n.id),
        }
    }

    /// Whether `ds` holds exactly the edit's `old` side for its row now.
    fn matches(&self, ds: &Dataset) -> bool {
        match self {
            Edit::SetValue { old, new } => {
                let Some(key) = old.as_ref().or(new.as_ref()) else { return false };
                let now = ds.values.iter().find(|v| {
                    v.region_code == key.region_code
                        && v.indicator == key.indicator
                        && v.year == key.year
                });
                now == old.as_ref()
            }
            Edit::PutGrowthPoint { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|g| g.id) else { return false };
                ds.growth_points.iter().find(|g| g.id == id) == old.as_ref()
            }
            Edit::PutProject { old, new } => {
                let Some(key) = old.as_ref().or(new.as_ref()) else { return false };
                ds.project(&key.code) == old.as_ref()
            }
            Edit::PutCorridor { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|c| c.id) else { return false };
                ds.corridors.iter().find(|c| c.id == id) == old.as_ref()
            }
            Edit::PutScenario { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|s| s.id) else { return false };
                ds.scenario(id) == old.as_ref()
            }
            Edit::SetValues(changes) => {
                let index: HashMap<(&str, &str, i32), &IndicatorValue> =
                    ds.values.iter().map(|v| (value_key(v), v)).collect();
                changes.iter().all(|c| {
                    let Some(key) = c.old.as_ref().or(c.new.as_ref()) else { return false };
                    index.get(&value_key(key)).copied() == c.old.as_ref()
                })
            }
            Edit::AddFeatures(batch) => {
                let (points, projects, corridors) = batch_keys(batch);
                // Nothing of the batch is there yet (and no id or code comes twice in it).
                points.len() == batch.growth_points.len()
                    && projects.len() == batch.projects.len()
                    && corridors.len() == batch.corridors.len()
                    && !ds.growth_points.iter().any(|g| points.contains(&g.id))
                    && !ds.projects.iter().any(|p| projects.contains(p.code.as_str()))
                    && !ds.corridors.iter().any(|c| corridors.contains(&c.id))
            }
            Edit::RemoveFeatures(batch) => {
                // Every feature of the batch is there, as it was added.
                let points: HashMap<i64, &GrowthPoint> =
                    ds.growth_points.iter().map(|g| (g.id, g)).collect();
                let projects: HashMap<&str, &Project> =
                    ds.projects.iter().map(|p| (p.code.as_str(), p)).collect();
                let corridors: HashMap<i64, &Corridor> =
                    ds.corridors.iter().map(|c| (c.id, c)).collect();
                batch.growth_points.iter().all(|g| points.get(&g.id) == Some(&g))
                    && batch.projects.iter().all(|p| projects.get(p.code.as_str()) == Some(&p))
                    && batch.corridors.iter().all(|c| corridors.get(&c.id) == Some(&c))
            }
            Edit::PutSlide { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|s| s.id) else { return false };
                ds.slide(id) == old.as_ref()
            }
            Edit::OrderSlides { old, .. } => ds.slides.iter().map(|s| s.id).eq(old.iter().copied()),
            Edit::PutTypology { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|s| s.id) else { return false };
                ds.typologies.iter().find(|s| s.id == id) == old.as_ref()
            }
        }
    }

    /// Whether applying it to `ds` is possible: both sides name one row and `ds` holds `old`.
    pub fn check(&self, ds: &Dataset) -> Result<(), EditError> {
        if !self.same_row() {
            return Err(EditError::Mismatch);
        }
        if !self.matches(ds) {
            return Err(EditError::Stale);
        }
        Ok(())
    }

    /// Writes the edit into the file at `path`, in one transaction.
    pub fn write(&self, path: &Path) -> Result<(), StoreError> {
        use crate::store;
        match self {
            Edit::SetValue { new: Some(v), .. } => store::put_value(path, v),
            Edit::SetValue { old: Some(v), new: None } => {
                store::delete_value(path, &v.region_code, &v.indicator, v.year)
            }
            Edit::PutGrowthPoint { new: Some(g), .. } => store::put_growth_point(path, g),
            Edit::PutGrowthPoint { old: Some(g), new: None } => {
                store::delete_growth_point(path, g.id)
            }
            Edit::PutProject { new: Some(p), .. } => store::put_project(path, p),
            Edit::PutProject { old: Some(p), new: None } => store::delete_project(path, &p.code),
            Edit::PutCorridor { new: Some(c), .. } => store::put_corridor(path, c),
            Edit::PutCorridor { old: Some(c), new: None } => store::delete_corridor(path, c.id),
            Edit::PutScenario { new: Some(s), .. } => store::save_scenario(path, s),
            Edit::PutScenario { old: Some(s), new: None } => store::delete_scenario(path, s.id),
            Edit::SetValues(changes) => {
                let put: Vec<IndicatorValue> =
                    changes.iter().filter_map(|c| c.new.clone()).collect();
                let delete: Vec<store::ValueKey> = changes
                    .iter()
                    .filter(|c| c.new.is_none())
                    .filter_map(|c| c.old.as_ref())
                    .map(|v| (v.region_code.clone(), v.indicator.clone(), v.year))
                    .collect();
                store::change_values(path, &put, &delete)
            }
            Edit::AddFeatures(batch) => store::add_features(path, batch).map(|_| ()),
            Edit::RemoveFeatures(batch) => store::remove_features(path, batch),
            Edit::PutSlide { new: Some(s), .. } => store::save_slide(path, s),
            Edit::PutSlide { old: Some(s), new: None } => store::delete_slide(path, s.id),
            Edit::OrderSlides { new, .. } => store::reorder_slides(path, new),
            Edit::PutTypology { new: Some(t), .. } => store::save_typology(path, t),
            Edit::PutTypology { old: Some(t), new: None } => store::delete_typology(path, t.id),
            // Both None: `check` refuses it before anything is written.
            Edit::SetValue { .. }
            | Edit::PutGrowthPoint { .. }
            | Edit::PutProject { .. }
            | Edit::PutCorridor { .. }
            | Edit::PutScenario { .. }
            | Edit::PutSlide { .. }
            | Edit::PutTypology { .. } => Ok(()),
        }
    }

    /// Applies the (checked) edit to `ds` the way the file reads back: a changed row stays in
    /// place, a new value or project comes last, growth points and corridors stay ordered by id.
    pub fn apply_to(&self, ds: &mut Dataset) {
        match self {
            Edit::SetValue { old, new } => {
                let Some(key) = old.as_ref().or(new.as_ref()) else { return };
                let at = ds.values.iter().position(|v| {
                    v.region_code == key.region_code
                        && v.indicator == key.indicator
                        && v.year == key.year
                });
                put(&mut ds.values, at, new.clone(), |_| 0, false);
            }
            Edit::PutGrowthPoint { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|g| g.id) else { return };
                let at = ds.growth_points.iter().position(|g| g.id == id);
                put(&mut ds.growth_points, at, new.clone(), |g| g.id, true);
            }
            Edit::PutProject { old, new } => {
                let Some(code) = old.as_ref().or(new.as_ref()).map(|p| p.code.clone()) else {
                    return;
                };
                let at = ds.projects.iter().position(|p| p.code == code);
                put(&mut ds.projects, at, new.clone(), |_| 0, false);
            }
            Edit::PutCorridor { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|c| c.id) else { return };
                let at = ds.corridors.iter().position(|c| c.id == id);
                put(&mut ds.corridors, at, new.clone(), |c| c.id, true);
            }
            Edit::PutScenario { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|s| s.id) else { return };
                let at = ds.scenarios.iter().position(|s| s.id == id);
                put(&mut ds.scenarios, at, new.clone(), |_| 0, false);
            }
            Edit::SetValues(changes) => apply_values(ds, changes),
            Edit::AddFeatures(batch) => {
                // New ids usually follow the last; sorting (stable) keeps the file's fid order.
                ds.growth_points.extend(batch.growth_points.iter().cloned());
                if !ds.growth_points.is_sorted_by_key(|g| g.id) {
                    ds.growth_points.sort_by_key(|g| g.id);
                }
                ds.projects.extend(batch.projects.iter().cloned());
                ds.corridors.extend(batch.corridors.iter().cloned());
                if !ds.corridors.is_sorted_by_key(|c| c.id) {
                    ds.corridors.sort_by_key(|c| c.id);
                }
            }
            Edit::RemoveFeatures(batch) => {
                let (points, projects, corridors) = batch_keys(batch);
                ds.growth_points.retain(|g| !points.contains(&g.id));
                ds.projects.retain(|p| !projects.contains(p.code.as_str()));
                ds.corridors.retain(|c| !corridors.contains(&c.id));
            }
            Edit::PutSlide { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|s| s.id) else { return };
                super::slides::put_slide(&mut ds.slides, id, new.clone());
            }
            Edit::OrderSlides { new, .. } => super::slides::order_slides(&mut ds.slides, new),
            Edit::PutTypology { old, new } => {
                let Some(id) = old.as_ref().or(new.as_ref()).map(|s| s.id) else { return };
                ds.typologies.retain(|s| s.id != id);
                if let Some(t) = new {
                    ds.typologies.push(t.clone());
                    ds.typologies.sort_by_key(|s| s.id);
                }
            }
        }
    }

    /// A short name of what the edit changes, for the undo and redo buttons' hover text.
    pub fn label(&self, lang: crate::model::Lang) -> String {
        match self {
            Edit::SetValue { old, new } => old
                .as_ref()
                .or(new.as_ref())
                .map(|v| format!("{} {} {}", v.region_code, v.indicator, v.year))
                .unwrap_or_default(),
            Edit::PutGrowthPoint { old, new } => old
                .as_ref()
                .or(new.as_ref())
                .map(|g| g.names.get(lang).to_owned())
                .unwrap_or_default(),
            Edit::PutProject { old, new } => old
                .as_ref()
                .or(new.as_ref())
                .map(|p| p.names.get(lang).to_owned())
                .unwrap_or_default(),
            Edit::PutCorridor { old, new } => old
                .as_ref()
                .or(new.as_ref())
                .map(|c| c.names.get(lang).to_owned())
                .unwrap_or_default(),
            // The name after the edit (a rename reads as the new name).
            Edit::PutScenario { old, new } => new
                .as_ref()
                .or(old.as_ref())
                .map(|s| s.name.get(lang).to_owned())
                .unwrap_or_default(),
            // The input's file name (the imported values' source) and how many values.
            Edit::SetValues(changes) => {
                let source = changes
                    .iter()
                    .find_map(|c| c.new.as_ref().or(c.old.as_ref()))
                    .map(|v| v.source.clone())
                    .unwrap_or_default();
                crate::i18n::import_text::batch_label(&source, changes.len(), lang)
            }
            Edit::AddFeatures(batch) | Edit::RemoveFeatures(batch) => {
                let source = batch
                    .growth_points
                    .first()
                    .map(|g| g.source.clone())
                    .or_else(|| batch.projects.first().map(|p| p.source.clone()))
                    // Corridors carry no source: the first one's name says which import it was.
                    .or_else(|| batch.corridors.first().map(|c| c.names.get(lang).to_owned()))
                    .unwrap_or_default();
                let count =
                    batch.growth_points.len() + batch.projects.len() + batch.corridors.len();
                crate::i18n::import_text::batch_label(&source, count, lang)
            }
            // The slide's title after the edit; the deck for a new order.
            Edit::PutSlide { old, new } => new
                .as_ref()
                .or(old.as_ref())
                .map(|s| s.title.get(lang).to_owned())
                .unwrap_or_default(),
            Edit::OrderSlides { .. } => {
                crate::i18n::presentation_text::PresentationText::Deck.get(lang).to_owned()
            }
            // The typology's name after the edit.
            Edit::PutTypology { old, new } => new
                .as_ref()
                .or(old.as_ref())
                .map(|s| s.typology.name.get(lang).to_owned())
                .unwrap_or_default(),
        }
    }
}

/// Applies a (checked) batch of value changes to `ds` as the file reads them back: a changed
/// value stays in place, a removed one leaves, a new one comes last.
fn apply_values(ds: &mut Dataset, changes: &[ValueChange]) {
    let at: Vec<Option<usize>> = {
        let index: HashMap<(&str, &str, i32), usize> =
            ds.values.iter().enumerate().map(|(i, v)| (value_key(v), i)).collect();
        changes
            .iter()
            .map(|c| {
                c.old.as_ref().or(c.new.as_ref()).and_then(|k| index.get(&value_key(k)).copied())
            })
            .collect()
    };
    let mut removed = vec![false; ds.values.len()];
    let mut added = Vec::new();
    for (change, at) in changes.iter().zip(at) {
        match (at, &change.new) {
            (Some(i), Some(new)) => {
                if let Some(slot) = ds.values.get_mut(i) {
                    *slot = new.clone();
                }
            }
            (Some(i), None) => {
                if let Some(flag) = removed.get_mut(i) {
                    *flag = true;
                }
            }
            (None, Some(new)) => added.push(new.clone()),
            (None, None) => {}
        }
    }
    if removed.contains(&true) {
        let mut flags = removed.into_iter();
        ds.values.retain(|_| !flags.next().unwrap_or(false));
    }
    ds.values.extend(added);
}

/// Replaces the row at `at` with `new`, removes it (`new` None), or adds `new`: by `id` order
/// when `ordered`, else last.
fn put<T>(
    rows: &mut Vec<T>,
    at: Option<usize>,
    new: Option<T>,
    id: impl Fn(&T) -> i64,
    ordered: bool,
) {
    match (at, new) {
        (Some(i), Some(n)) => {
            if let Some(slot) = rows.get_mut(i) {
                *slot = n;
            }
        }
        (Some(i), None) => {
            if i < rows.len() {
                rows.remove(i);
            }
        }
        (None, Some(n)) => {
            let index = if ordered {
                let key = id(&n);
                rows.iter().position(|r| id(r) > key).unwrap_or(rows.len())
            } else {
                rows.len()
            };
            rows.insert(index, n);
        }
        (None, None) => {}
    }
}

/// The edits made since the file was opened (undo) and the ones undone since (redo).
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The file's version of each scenario shown as an unsaved preview (values being dragged):
    /// the `old` side of the edit that saves it.
    saved_scenarios: HashMap<i64, Scenario>,
}

impl History {
    /// Records an edit already written and applied (the scenario screen's saves); redo starts
    /// afresh.
    pub(super) fn record(&mut self, edit: Edit) {
        if edit.inverse() != edit {
            self.undo.push(edit);
            self.redo.clear();
        }
    }

    /// Notes `saved`, the file's version of a scenario about to be previewed, unless a preview
    /// of it is already shown.
    pub(super) fn note_saved_scenario(&mut self, saved: &Scenario) {
        self.saved_scenarios.entry(saved.id).or_insert_with(|| saved.clone());
    }

    /// The file's version of scenario `id` before the save being made: the one noted before a
    /// preview, else the one `ds` shows.
    pub(super) fn saved_scenario(&mut self, id: i64, ds: &Dataset) -> Option<Scenario> {
        self.saved_scenarios.remove(&id).or_else(|| ds.scenario(id).cloned())
    }

    /// The edit the next undo takes back.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    /// The edit the next redo makes again.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }
}

/// Where points may go: the current regions, for point-in-polygon (lon/lat).
#[derive(Debug, Clone, Default)]
pub struct Places {
    locator: RegionLocator,
    current: Vec<String>,
}

impl Places {
    /// The current boundary edition of `ds`.
    pub fn new(ds: &Dataset) -> Places {
        let Some(edition) = ds.current_edition() else { return Places::default() };
        let shapes: Vec<(String, geo::MultiPolygon<f64>)> =
            edition.units.iter().map(|u| (u.region_code.clone(), u.geometry.clone())).collect();
        Places {
            locator: RegionLocator::new(&shapes),
            current: edition.units.iter().map(|u| u.region_code.clone()).collect(),
        }
    }

    /// The current region containing (`lon`, `lat`), if any.
    pub fn region_at(&self, lon: f64, lat: f64) -> Option<&str> {
        self.locator.locate(lon, lat)
    }

    /// The codes of the current regions, in the edition's order.
    pub fn current(&self) -> &[String] {
        &self.current
    }

    /// The current region under a point; a point outside every current region is a problem.
    fn check_point(&self, lon: f64, lat: f64) -> Result<String, Problem> {
        self.region_at(lon, lat).map(str::to_owned).ok_or(Problem::OutsideKazakhstan { lon, lat })
    }
}

/// A field of a form, to show a problem beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Region,
    Location,
    Population,
    PopulationYear,
    Year,
    Investment,
    Jobs,
    Value,
    Points,
}

/// The problems of a form, each beside its field; empty when the form can be saved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormProblems(pub Vec<(Field, Problem)>);

impl FormProblems {
    /// The problem of `field`, if it has one.
    pub fn of(&self, field: Field) -> Option<&Problem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| p)
    }

    fn add(&mut self, field: Field, problem: Problem) {
        self.0.push((field, problem));
    }
}

/// A year typed into a field: a whole number within 1990–2100.
pub fn parse_year(text: &str) -> Result<i32, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Problem::Required);
    }
    let year: i32 = t.parse().map_err(|_| Problem::NotANumber(t.to_owned()))?;
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(Problem::YearOutOfRange(year))
    }
}

/// An optional year (empty is None).
fn parse_opt_year(text: &str) -> Result<Option<i32>, Problem> {
    if text.trim().is_empty() { Ok(None) } else { parse_year(text).map(Some) }
}

/// A number as planners type it (`1 234,5`, `1234.5`); empty is None.
fn parse_opt_number(text: &str) -> Result<Option<f64>, Problem> {
    parse_number(text).map_err(|_| Problem::NotANumber(text.trim().to_owned()))
}

/// A count (population, jobs): a whole number, not negative; empty is None.
fn parse_count(text: &str) -> Result<Option<u64>, Problem> {
    let Some(v) = parse_opt_number(text)? else { return Ok(None) };
    if v < 0.0 {
        return Err(Problem::Negative);
    }
    if v.fract() != 0.0 || v > 9.0e15 {
        return Err(Problem::NotANumber(text.trim().to_owned()));
    }
    Ok(Some(v as u64))
}

/// An indicator value typed into the table: a number, not negative for an additive indicator
/// (a count or a sum: population, GRP, investment).
pub fn parse_value(text: &str, def: &IndicatorDef) -> Result<f64, Problem> {
    let v = parse_opt_number(text)?.ok_or(Problem::Required)?;
    if v < 0.0 && def.aggregation == Aggregation::Additive {
        return Err(Problem::Negative);
    }
    Ok(v)
}

/// Longitude and latitude fields: both empty is no place; otherwise both must be numbers.
fn parse_location(lon: &str, lat: &str) -> Result<Option<(f64, f64)>, Problem> {
    match (parse_opt_number(lon)?, parse_opt_number(lat)?) {
        (None, None) => Ok(None),
        (Some(x), Some(y)) => Ok(Some((x, y))),
        _ => Err(Problem::MissingLocation),
    }
}

fn names_of(names: &[String; 3]) -> Result<Names, Problem> {
    let [kk, ru, en] = names.clone().map(|n| n.trim().to_owned());
    if kk.is_empty() && ru.is_empty() && en.is_empty() {
        return Err(Problem::MissingName);
    }
    Ok(Names { kk, ru, en })
}

/// Where a point's region comes from: the point itself unless the planner picked another one.
fn region_for(
    places: &Places,
    location: Option<(f64, f64)>,
    chosen: &str,
    problems: &mut FormProblems,
) -> String {
    if let Some((lon, lat)) = location
        && let Err(p) = places.check_point(lon, lat)
    {
        problems.add(Field::Location, p);
    }
    if chosen.is_empty() {
        if let Some((lon, lat)) = location
            && let Some(code) = places.region_at(lon, lat)
        {
            return code.to_owned();
        }
        problems.add(Field::Region, Problem::Required);
        return String::new();
    }
    if !places.current().iter().any(|c| c == chosen) {
        problems.add(Field::Region, Problem::UnknownRegion(chosen.to_owned()));
    }
    chosen.to_owned()
}

/// A growth point as typed in the Data window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GrowthPointForm {
    /// The point being edited (None: a new one).
    pub id: Option<i64>,
    /// Kazakh, Russian, English.
    pub names: [String; 3],
    /// The region chosen; empty: the one under the point.
    pub region: String,
    pub lon: String,
    pub lat: String,
    pub population: String,
    pub population_year: String,
    pub level: Option<GrowthLevel>,
    pub monotown: bool,
}

/// The form's region of a row in `region_code` at `location`: empty (the region follows the
/// point, typed or clicked) when that is the region under the point, else the region as chosen.
fn chosen_region(places: &Places, region_code: &str, location: Option<Point>) -> String {
    let under = location.and_then(|p| places.region_at(p.x(), p.y()));
    if under == Some(region_code) { String::new() } else { region_code.to_owned() }
}

impl GrowthPointForm {
    /// The form of an existing point; its region follows the point unless it was chosen.
    pub fn of(g: &GrowthPoint, places: &Places) -> GrowthPointForm {
        GrowthPointForm {
            id: Some(g.id),
            names: [g.names.kk.clone(), g.names.ru.clone(), g.names.en.clone()],
            region: chosen_region(places, &g.region_code, g.location),
            lon: g.location.map(|p| format!("{:.5}", p.x())).unwrap_or_default(),
            lat: g.location.map(|p| format!("{:.5}", p.y())).unwrap_or_default(),
            population: g.population.map(|p| p.to_string()).unwrap_or_default(),
            population_year: g.population_year.map(|y| y.to_string()).unwrap_or_default(),
            level: g.level,
            monotown: g.is_monotown,
        }
    }

    /// Sets the point clicked on the map; the region follows the point (a region chosen before
    /// is dropped).
    pub fn place(&mut self, lon: f64, lat: f64) {
        self.lon = format!("{lon:.5}");
        self.lat = format!("{lat:.5}");
        self.region.clear();
    }

    /// The growth point the form describes (a new one gets the next free id of `ds`; an edited
    /// one keeps its status and source), or every problem beside its field.
    pub fn to_point(&self, ds: &Dataset, places: &Places) -> Result<GrowthPoint, FormProblems> {
        let mut problems = FormProblems::default();
        let names = names_of(&self.names).unwrap_or_else(|p| {
            problems.add(Field::Name, p);
            Names::default()
        });
        let location = parse_location(&self.lon, &self.lat).unwrap_or_else(|p| {
            problems.add(Field::Location, p);
            None
        });
        let region_code = region_for(places, location, &self.region, &mut problems);
        let population = parse_count(&self.population).unwrap_or_else(|p| {
            problems.add(Field::Population, p);
            None
        });
        let population_year = parse_opt_year(&self.population_year).unwrap_or_else(|p| {
            problems.add(Field::PopulationYear, p);
            None
        });
        if !problems.0.is_empty() {
            return Err(problems);
        }
        let old = self.id.and_then(|id| ds.growth_points.iter().find(|g| g.id == id));
        let id = self.id.unwrap_or_else(|| next_id(ds.growth_points.iter().map(|g| g.id)));
        Ok(GrowthPoint {
            id,
            names,
            region_code,
            location: location.map(|(x, y)| Point::new(x, y)),
            population,
            population_year,
            level: self.level,
            is_monotown: self.monotown,
            status: old.map(|g| g.status.clone()).unwrap_or_default(),
            source: old.map_or_else(|| PLANNER_SOURCE.to_owned(), |g| g.source.clone()),
        })
    }
}

/// The source recorded for what the planner typed in.
pub const PLANNER_SOURCE: &str = "entered in Oblys";

/// One more than the largest id (1 for none).
fn next_id(ids: impl Iterator<Item = i64>) -> i64 {
    ids.max().unwrap_or(0).max(0) + 1
}

/// The investment unit a new project's form starts with.
pub const DEFAULT_INVESTMENT_UNIT: &str = "million KZT";

/// Investment units the form offers: (unit as stored, million KZT per unit amount).
pub const INVESTMENT_UNITS: [(&str, Option<f64>); 4] = [
    (DEFAULT_INVESTMENT_UNIT, Some(1.0)),
    ("billion KZT", Some(1000.0)),
    ("million USD", None),
    ("billion USD", None),
];

/// A project as typed in the Data window.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectForm {
    /// The code of the project edited (None: a new one, coded `OBL-<n>`).
    pub code: Option<String>,
    pub names: [String; 3],
    pub company: String,
    pub sector: Sector,
    pub status: ProjectStatus,
    pub year: String,
    pub investment: String,
    pub investment_unit: String,
    pub jobs: String,
    pub capacity: String,
    pub region: String,
    pub lon: String,
    pub lat: String,
}

impl Default for ProjectForm {
    fn default() -> ProjectForm {
        ProjectForm {
            code: None,
            names: Default::default(),
            company: String::new(),
            sector: Sector::Other,
            status: ProjectStatus::Planned,
            year: String::new(),
            investment: String::new(),
            investment_unit: DEFAULT_INVESTMENT_UNIT.to_owned(),
            jobs: String::new(),
            capacity: String::new(),
            region: String::new(),
            lon: String::new(),
            lat: String::new(),
        }
    }
}

impl ProjectForm {
    /// The form of an existing project; its region follows the point unless it was chosen.
    pub fn of(p: &Project, places: &Places) -> ProjectForm {
        let investment = p.investment.as_ref();
        ProjectForm {
            code: Some(p.code.clone()),
            names: [p.names.kk.clone(), p.names.ru.clone(), p.names.en.clone()],
            company: p.company.clone(),
            sector: p.sector,
            status: p.status,
            year: p.year.map(|y| y.to_string()).unwrap_or_default(),
            investment: investment.map(|i| i.amount.to_string()).unwrap_or_default(),
            investment_unit: investment
                .map_or_else(|| DEFAULT_INVESTMENT_UNIT.to_owned(), |i| i.unit.clone()),
            jobs: p.jobs.map(|j| j.to_string()).unwrap_or_default(),
            capacity: p.capacity.clone(),
            region: chosen_region(places, &p.region_code, Some(p.location)),
            lon: format!("{:.5}", p.location.x()),
            lat: format!("{:.5}", p.location.y()),
        }
    }

    /// Sets the point clicked on the map; the region follows the point (a region chosen before
    /// is dropped).
    pub fn place(&mut self, lon: f64, lat: f64) {
        self.lon = format!("{lon:.5}");
        self.lat = format!("{lat:.5}");
        self.region.clear();
    }

    /// The project the form describes, or every problem beside its field. An edited project
    /// keeps its code, source wording and notes; a new one is coded `OBL-<n>`.
    pub fn to_project(&self, ds: &Dataset, places: &Places) -> Result<Project, FormProblems> {
        let mut problems = FormProblems::default();
        let names = names_of(&self.names).unwrap_or_else(|p| {
            problems.add(Field::Name, p);
            Names::default()
        });
        let location = match parse_location(&self.lon, &self.lat) {
            Ok(Some(l)) => Some(l),
            Ok(None) => {
                problems.add(Field::Location, Problem::MissingLocation);
                None
            }
            Err(p) => {
                problems.add(Field::Location, p);
                None
            }
        };
        let region_code = region_for(places, location, &self.region, &mut problems);
        let year = parse_opt_year(&self.year).unwrap_or_else(|p| {
            problems.add(Field::Year, p);
            None
        });
        let amount = match parse_opt_number(&self.investment) {
            Ok(Some(a)) if a < 0.0 => {
                problems.add(Field::Investment, Problem::Negative);
                None
            }
            Ok(a) => a,
            Err(p) => {
                problems.add(Field::Investment, p);
                None
            }
        };
        let jobs = match parse_count(&self.jobs) {
            Ok(Some(j)) => match u32::try_from(j) {
                Ok(j) => Some(j),
                Err(_) => {
                    problems.add(Field::Jobs, Problem::NotANumber(self.jobs.trim().to_owned()));
                    None
                }
            },
            Ok(None) => None,
            Err(p) => {
                problems.add(Field::Jobs, p);
                None
            }
        };
        let Some((lon, lat)) = location.filter(|_| problems.0.is_empty()) else {
            return Err(problems);
        };
        let old = self.code.as_deref().and_then(|c| ds.project(c));
        let code = self.code.clone().unwrap_or_else(|| next_project_code(ds));
        let unit = self.investment_unit.trim().to_owned();
        let per_million = INVESTMENT_UNITS.iter().find(|(u, _)| *u == unit).and_then(|(_, m)| *m);
        let investment = amount.map(|amount| Investment {
            amount,
            million_kzt: per_million.map(|m| amount * m).or_else(|| {
                // A unit the form does not know (from the source data) keeps its conversion
                // while the amount and unit are unchanged.
                old.and_then(|o| o.investment.as_ref())
                    .filter(|i| i.amount == amount && i.unit == unit)
                    .and_then(|i| i.million_kzt)
            }),
            unit: unit.clone(),
        });
        let sector_detail = match old {
            Some(o) if o.sector == self.sector => o.sector_detail.clone(),
            _ => String::new(),
        };
        let status_detail = match old {
            Some(o) if o.status == self.status => o.status_detail.clone(),
            _ => String::new(),
        };
        Ok(Project {
            code,
            names,
            company: self.company.trim().to_owned(),
            sector: self.sector,
            sector_detail,
            region_code,
            location: Point::new(lon, lat),
            location_basis: LocationBasis::TownCentre,
            year,
            investment,
            jobs,
            capacity: self.capacity.trim().to_owned(),
            status: self.status,
            status_detail,
            source: old.map_or_else(|| PLANNER_SOURCE.to_owned(), |o| o.source.clone()),
            notes: old.map(|o| o.notes.clone()).unwrap_or_default(),
        })
    }
}

/// `OBL-<n>` with the first n not taken.
fn next_project_code(ds: &Dataset) -> String {
    (1..)
        .map(|n| format!("OBL-{n}"))
        .find(|c| ds.project(c).is_none())
        .unwrap_or_else(|| "OBL".to_owned())
}

/// A corridor as typed and drawn in the Data window.
#[derive(Debug, Clone, PartialEq)]
pub struct CorridorForm {
    pub id: Option<i64>,
    pub names: [String; 3],
    pub kind: CorridorKind,
    /// Lon/lat of the line's points, in order.
    pub points: Vec<[f64; 2]>,
}

impl Default for CorridorForm {
    fn default() -> CorridorForm {
        CorridorForm {
            id: None,
            names: Default::default(),
            kind: CorridorKind::Road,
            points: Vec::new(),
        }
    }
}

impl CorridorForm {
    pub fn of(c: &Corridor) -> CorridorForm {
        CorridorForm {
            id: Some(c.id),
            names: [c.names.kk.clone(), c.names.ru.clone(), c.names.en.clone()],
            kind: c.kind,
            points: c.line.0.iter().map(|p| [p.x, p.y]).collect(),
        }
    }

    /// The corridor, or its problems: a name, two points or more, every point inside a current
    /// region (a corridor may leave the country, but where the planner clicks must be inside).
    pub fn to_corridor(&self, ds: &Dataset, places: &Places) -> Result<Corridor, FormProblems> {
        let mut problems = FormProblems::default();
        let names = names_of(&self.names).unwrap_or_else(|p| {
            problems.add(Field::Name, p);
            Names::default()
        });
        if self.points.len() < 2 {
            problems.add(Field::Points, Problem::LineTooShort);
        }
        if let Some(p) = self.points.iter().find_map(|[x, y]| places.check_point(*x, *y).err()) {
            problems.add(Field::Points, p);
        }
        if !problems.0.is_empty() {
            return Err(problems);
        }
        Ok(Corridor {
            id: self.id.unwrap_or_else(|| next_id(ds.corridors.iter().map(|c| c.id))),
            names,
            kind: self.kind,
            line: LineString::from(self.points.iter().map(|[x, y]| (*x, *y)).collect::<Vec<_>>()),
        })
    }
}

impl AppState {
    /// Applies a new edit (write, then memory) and records it for undo; a refused edit changes
    /// nothing and keeps its message.
    pub(super) fn apply_edit(&mut self, edit: Edit) -> Dirty {
        if edit.same_row() && edit.matches(&self.dataset) && edit.inverse() == edit {
            // Nothing changes: not worth a write or an undo step.
            return Dirty::NOTHING;
        }
        match self.commit_edit(&edit) {
            Ok(dirty) => {
                self.history.undo.push(edit);
                self.history.redo.clear();
                dirty
            }
            Err(e) => self.refuse(e),
        }
    }

    /// Takes the last edit back (its inverse written, then applied); it moves to redo.
    pub(super) fn undo(&mut self) -> Dirty {
        // Nothing to undo: the button is disabled and the key does nothing.
        let Some(edit) = self.history.undo.pop() else { return Dirty::NOTHING };
        match self.commit_edit(&edit.inverse()) {
            Ok(dirty) => {
                self.history.redo.push(edit);
                dirty
            }
            Err(e) => {
                self.history.undo.push(edit);
                self.refuse(e)
            }
        }
    }

    /// Makes the last undone edit again; it moves back to undo.
    pub(super) fn redo(&mut self) -> Dirty {
        let Some(edit) = self.history.redo.pop() else { return Dirty::NOTHING };
        match self.commit_edit(&edit) {
            Ok(dirty) => {
                self.history.undo.push(edit);
                dirty
            }
            Err(e) => {
                self.history.redo.push(edit);
                self.refuse(e)
            }
        }
    }

    /// Keeps why an edit was refused, in the view's language (the file's own message, which
    /// names the file and the row, too).
    fn refuse(&mut self, error: EditError) -> Dirty {
        let lang = self.view.lang;
        self.edit_error = Some(match error {
            EditError::ReadOnly => EditText::ReadOnlyRefusal.get(lang).to_owned(),
            EditError::Stale => EditText::StaleEdit.get(lang).to_owned(),
            EditError::Mismatch => EditText::MismatchedEdit.get(lang).to_owned(),
            EditError::Store(e) => format!("{}: {}", EditText::NotSaved.get(lang), e.message(lang)),
        });
        Dirty::NOTHING
    }

    /// Checks, writes and applies one edit; what it invalidated.
    pub(super) fn commit_edit(&mut self, edit: &Edit) -> Result<Dirty, EditError> {
        if self.read_only {
            return Err(EditError::ReadOnly);
        }
        edit.check(&self.dataset)?;
        edit.write(&self.file)?;
        edit.apply_to(std::sync::Arc::make_mut(&mut self.dataset));
        self.edit_error = None;
        if let Edit::PutScenario { old, new } = edit {
            self.scenario_error = None;
            if let Some(id) = old.as_ref().or(new.as_ref()).map(|s| s.id) {
                self.history.saved_scenarios.remove(&id);
                if new.is_none() {
                    self.scenario_gone(id);
                }
            }
        }
        if matches!(edit, Edit::PutSlide { .. } | Edit::OrderSlides { .. }) {
            self.deck_changed();
        }
        if matches!(edit, Edit::SetValue { .. } | Edit::SetValues(_)) {
            self.years = self.dataset.years_of(&self.view.indicator);
            self.view.year = nearest_year(&self.years, self.view.year);
            self.clamp_compare_year();
        }
        // Values feed the map, table, charts and projections; points and projects the map's
        // symbols, the side panel and the scenarios' levers: rebuild all of it.
        Ok(Dirty { projections: true, ..Dirty::VIEW })
    }

    /// After scenario `id` left the dataset (an undone addition, a redone deletion): the
    /// comparison's sides, the selected scenario and a pending deletion no longer show it.
    fn scenario_gone(&mut self, id: i64) {
        let (a, b) = super::scenarios::default_sides(&self.dataset);
        let gone = super::Source::Scenario(id);
        if self.compare_a == gone {
            self.compare_a = if b == self.compare_b { a } else { b };
        }
        if self.compare_b == gone {
            self.compare_b = if a == self.compare_a { b } else { a };
        }
        if self.selected_scenario == Some(id) {
            self.selected_scenario = self.dataset.scenarios.first().map(|s| s.id);
        }
        if self.delete_pending == Some(id) {
            self.delete_pending = None;
        }
        self.clamp_compare_year();
    }

    /// The edits that undo and redo would take back or make again.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Why the last edit, undo or redo was not applied, if it was not.
    pub fn edit_error(&self) -> Option<&str> {
        self.edit_error.as_deref()
    }

    /// Whether another Oblys holds the file: every edit is refused.
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// Marks the file as held by another Oblys (edits refused) or not.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// The current regions, for placing points.
    pub fn places(&self) -> &Places {
        &self.places
    }

    /// Whether the data editor window is open.
    pub fn data_open(&self) -> bool {
        self.data_open
    }
}

/// A command of the File menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRequest {
    /// Ask where to write a new file made from the embedded default data.
    New,
    /// Ask which file to open.
    Open,
    /// Ask where to copy the open file, then continue in the copy.
    SaveAs,
    /// Open this file of the recent list.
    OpenRecent(std::path::PathBuf),
    /// Ask which table (or scenario projection) to write, and where: CSV, XLSX or GeoJSON by
    /// the extension.
    ExportTable,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn default_dataset() -> &'static Dataset {
        static DS: OnceLock<Dataset> = OnceLock::new();
        DS.get_or_init(|| crate::io::default_dataset::build().unwrap())
    }

    fn places() -> &'static Places {
        static P: OnceLock<Places> = OnceLock::new();
        P.get_or_init(|| Places::new(default_dataset()))
    }

    /// Karaganda city, inside Karaganda Region.
    const KARAGANDA: (f64, f64) = (73.1, 49.8);

    fn point_form() -> GrowthPointForm {
        let mut f = GrowthPointForm {
            names: ["Жаңа қала".into(), "Новый город".into(), "New Town".into()],
            population: "12 500".into(),
            population_year: "2024".into(),
            level: Some(GrowthLevel::Third),
            ..GrowthPointForm::default()
        };
        f.place(KARAGANDA.0, KARAGANDA.1);
        f
    }

    #[test]
    fn a_point_on_the_map_gets_the_region_under_it_and_the_next_id() {
        let ds = default_dataset();
        let form = point_form();
        assert_eq!(form.region, "", "no region chosen: it follows the point");
        let g = form.to_point(ds, places()).unwrap();
        assert_eq!(g.region_code, "KZ-KAR");
        assert_eq!(g.population, Some(12_500));
        assert_eq!(g.id, ds.growth_points.iter().map(|g| g.id).max().unwrap() + 1);
        assert_eq!(g.source, PLANNER_SOURCE);
    }

    #[test]
    fn the_region_chosen_overrides_the_one_under_the_point() {
        let mut form = point_form();
        form.region = "KZ-ULT".into();
        assert_eq!(form.to_point(default_dataset(), places()).unwrap().region_code, "KZ-ULT");
        form.region = "KZ-VOS@2018".into();
        let problems = form.to_point(default_dataset(), places()).unwrap_err();
        assert_eq!(problems.of(Field::Region), Some(&Problem::UnknownRegion("KZ-VOS@2018".into())));
    }

    #[test]
    fn a_point_moved_takes_the_region_under_it_unless_one_was_chosen() {
        let ds = default_dataset();
        let mut form = point_form();
        // Typed to Pavlodar city: the region follows the point.
        (form.lon, form.lat) = ("76.95".into(), "52.29".into());
        assert_eq!(form.to_point(ds, places()).unwrap().region_code, "KZ-PAV");
        // A region chosen stays while the point is typed elsewhere; a click drops it.
        form.region = "KZ-ULT".into();
        assert_eq!(form.to_point(ds, places()).unwrap().region_code, "KZ-ULT");
        form.place(KARAGANDA.0, KARAGANDA.1);
        assert_eq!(form.to_point(ds, places()).unwrap().region_code, "KZ-KAR");

        // An existing point in the region under it follows it; one whose region was chosen
        // elsewhere keeps that region.
        let saved = form.to_point(ds, places()).unwrap();
        let mut edited = GrowthPointForm::of(&saved, places());
        assert_eq!(edited.region, "");
        (edited.lon, edited.lat) = ("76.95".into(), "52.29".into());
        assert_eq!(edited.to_point(ds, places()).unwrap().region_code, "KZ-PAV");
        let elsewhere = GrowthPoint { region_code: "KZ-ULT".into(), ..saved };
        assert_eq!(GrowthPointForm::of(&elsewhere, places()).region, "KZ-ULT");
    }

    #[test]
    fn form_problems_stand_beside_their_fields() {
        let mut form = point_form();
        form.names = Default::default();
        form.population = "-5".into();
        form.population_year = "1985".into();
        form.lon = "30.52".into();
        form.lat = "50.45".into();
        let problems = form.to_point(default_dataset(), places()).unwrap_err();
        assert_eq!(problems.of(Field::Name), Some(&Problem::MissingName));
        assert_eq!(problems.of(Field::Population), Some(&Problem::Negative));
        assert_eq!(problems.of(Field::PopulationYear), Some(&Problem::YearOutOfRange(1985)));
        assert_eq!(
            problems.of(Field::Location),
            Some(&Problem::OutsideKazakhstan { lon: 30.52, lat: 50.45 })
        );
    }

    #[test]
    fn years_are_whole_numbers_from_1990_to_2100() {
        assert_eq!(parse_year(" 2024 "), Ok(2024));
        assert_eq!(parse_year("1990"), Ok(1990));
        assert_eq!(parse_year("2100"), Ok(2100));
        assert_eq!(parse_year("2101"), Err(Problem::YearOutOfRange(2101)));
        assert_eq!(parse_year("20x4"), Err(Problem::NotANumber("20x4".into())));
        assert_eq!(parse_year(""), Err(Problem::Required));
    }

    #[test]
    fn an_additive_value_may_not_be_negative_a_rate_may() {
        let ds = default_dataset();
        let population = ds.indicator("population").unwrap();
        assert_eq!(parse_value("1 234,5", population), Ok(1234.5));
        assert_eq!(parse_value("-3", population), Err(Problem::Negative));
        let rate = ds
            .indicators
            .iter()
            .find(|d| d.aggregation != Aggregation::Additive)
            .expect("a non-additive indicator");
        assert_eq!(parse_value("-3", rate), Ok(-3.0));
        assert_eq!(parse_value("", rate), Err(Problem::Required));
    }

    #[test]
    fn a_new_project_needs_a_place_and_gets_a_free_code_and_tenge_conversion() {
        let ds = default_dataset();
        let mut form = ProjectForm {
            names: [String::new(), String::new(), "Steel mill".into()],
            investment: "2,5".into(),
            investment_unit: "billion KZT".into(),
            jobs: "400".into(),
            ..ProjectForm::default()
        };
        let problems = form.to_project(ds, places()).unwrap_err();
        assert_eq!(problems.of(Field::Location), Some(&Problem::MissingLocation));
        form.place(KARAGANDA.0, KARAGANDA.1);
        let p = form.to_project(ds, places()).unwrap();
        assert_eq!(p.code, "OBL-1");
        assert_eq!(p.region_code, "KZ-KAR");
        assert_eq!(p.investment.unwrap().million_kzt, Some(2500.0));
        assert_eq!(p.jobs, Some(400));
        form.jobs = "-1".into();
        assert_eq!(
            form.to_project(ds, places()).unwrap_err().of(Field::Jobs),
            Some(&Problem::Negative)
        );
    }

    #[test]
    fn an_unchanged_project_form_gives_back_the_same_project() {
        let ds = default_dataset();
        for p in &ds.projects {
            let back = ProjectForm::of(p, places()).to_project(ds, places());
            // Rounding the coordinates to 5 decimals moves a point by under a metre.
            let back = back.unwrap_or_else(|e| panic!("{}: {e:?}", p.code));
            assert_eq!(
                (&back.code, &back.names, back.investment.as_ref()),
                (&p.code, &p.names, p.investment.as_ref())
            );
            assert!((back.location.x() - p.location.x()).abs() < 1e-5);
        }
    }

    #[test]
    fn a_corridor_needs_two_points_inside_the_country() {
        let ds = default_dataset();
        let mut form = CorridorForm {
            names: ["Жол".into(), String::new(), String::new()],
            points: vec![[KARAGANDA.0, KARAGANDA.1]],
            ..CorridorForm::default()
        };
        let problems = form.to_corridor(ds, places()).unwrap_err();
        assert_eq!(problems.of(Field::Points), Some(&Problem::LineTooShort));
        form.points.push([71.43, 51.13]);
        let c = form.to_corridor(ds, places()).unwrap();
        assert_eq!(c.line.0.len(), 2);
        assert_eq!(c.names.get(Lang::En), "Жол");
    }

    #[test]
    fn an_edit_whose_old_side_is_not_the_data_is_stale() {
        let ds = default_dataset();
        let g = ds.growth_points.first().unwrap().clone();
        let edit = Edit::delete_growth_point(ds, g.id);
        assert!(edit.check(ds).is_ok());
        let mut changed = ds.clone();
        edit.apply_to(&mut changed);
        assert!(matches!(edit.check(&changed), Err(EditError::Stale)));
        assert!(edit.inverse().check(&changed).is_ok());
        let crossed = Edit::PutGrowthPoint {
            old: Some(g.clone()),
            new: Some(GrowthPoint { id: g.id + 1000, ..g }),
        };
        assert!(matches!(crossed.check(ds), Err(EditError::Mismatch)));
    }

    #[test]
    fn added_features_come_out_again_whole_and_twice_is_stale() {
        let ds = default_dataset();
        let mut g = ds.growth_points.first().unwrap().clone();
        g.id = ds.growth_points.iter().map(|g| g.id).max().unwrap() + 1;
        let mut p = ds.projects.first().unwrap().clone();
        p.code = "GEO-1".into();
        let batch =
            FeatureBatch { growth_points: vec![g.clone()], projects: vec![p], corridors: vec![] };
        let edit = Edit::AddFeatures(batch);
        let mut mine = ds.clone();
        edit.check(&mine).unwrap();
        edit.apply_to(&mut mine);
        assert_eq!(mine.growth_points.last(), Some(&g));
        assert_eq!(mine.project("GEO-1").map(|p| p.code.as_str()), Some("GEO-1"));
        assert!(matches!(edit.check(&mine), Err(EditError::Stale)));
        edit.inverse().check(&mine).unwrap();
        edit.inverse().apply_to(&mut mine);
        assert_eq!(&mine, ds);
        assert!(matches!(edit.inverse().check(&mine), Err(EditError::Stale)));
        let source = &g.source;
        assert_eq!(edit.label(Lang::En), format!("import {source}: 2"));
    }

    /// A small dataset: two regions, one indicator, a few values, points and corridors.
    fn small() -> Dataset {
        let ds = default_dataset();
        Dataset {
            values: ds
                .values
                .iter()
                .filter(|v| v.indicator == "population")
                .take(6)
                .cloned()
                .collect(),
            growth_points: ds.growth_points.iter().take(3).cloned().collect(),
            projects: ds.projects.iter().take(3).cloned().collect(),
            corridors: Vec::new(),
            ..Dataset::default()
        }
    }

    /// A random edit of `ds` chosen by `(kind, index, number)`.
    fn edit_of(ds: &Dataset, kind: u8, index: usize, number: f64) -> Edit {
        let nth = |n: usize| index % n.max(1);
        match kind % 10 {
            8 => {
                // An import: one existing value changed and one new year, as one step.
                let new = IndicatorValue {
                    region_code: "KZ-KAR".into(),
                    year: 1990 + nth(40) as i32,
                    indicator: "population".into(),
                    value: number,
                    source: "import.csv".into(),
                    note: String::new(),
                };
                let mut values = vec![new];
                if let Some(v) = ds.values.get(nth(ds.values.len()))
                    && (v.region_code != "KZ-KAR" || v.year != values[0].year)
                {
                    values.push(IndicatorValue { value: v.value + 1.0, ..v.clone() });
                }
                match Edit::import_values(ds, &values) {
                    Edit::SetValues(changes) if changes.is_empty() => {
                        Edit::set_value(ds, "KZ-AKM", "population", 2001, Some(number + 1.0), "t")
                    }
                    edit => edit,
                }
            }
            9 => {
                // A layer imported: two growth points with new ids, as one step.
                let next = ds.growth_points.iter().map(|g| g.id).max().unwrap_or(0) + 1;
                let points = (0..2)
                    .map(|i| GrowthPoint {
                        id: next + i,
                        ..default_dataset().growth_points[nth(5)].clone()
                    })
                    .collect();
                Edit::AddFeatures(FeatureBatch { growth_points: points, ..FeatureBatch::default() })
            }
            0 => {
                let v = ds.values.get(nth(ds.values.len()));
                let (r, y) =
                    v.map_or(("KZ-AKM".to_owned(), 2000), |v| (v.region_code.clone(), v.year));
                Edit::set_value(ds, &r, "population", y, Some(number), "t")
            }
            1 => Edit::set_value(
                ds,
                "KZ-KAR",
                "population",
                1990 + nth(40) as i32,
                Some(number),
                "t",
            ),
            2 => match ds.values.get(nth(ds.values.len())) {
                Some(v) => Edit::set_value(ds, &v.region_code, &v.indicator, v.year, None, "t"),
                None => Edit::set_value(ds, "KZ-AKM", "population", 2001, Some(number), "t"),
            },
            3 => {
                let mut g = default_dataset().growth_points[nth(5)].clone();
                g.population = Some(number as u64);
                Edit::put_growth_point(ds, g)
            }
            4 => match ds.growth_points.get(nth(ds.growth_points.len())) {
                Some(g) => Edit::delete_growth_point(ds, g.id),
                None => Edit::put_growth_point(ds, default_dataset().growth_points[0].clone()),
            },
            5 => {
                let mut p = default_dataset().projects[nth(5)].clone();
                p.jobs = Some(number as u32);
                Edit::put_project(ds, p)
            }
            6 => match ds.projects.get(nth(ds.projects.len())) {
                Some(p) => Edit::delete_project(ds, &p.code),
                None => Edit::put_project(ds, default_dataset().projects[0].clone()),
            },
            _ => {
                let id = 1 + nth(3) as i64;
                if ds.corridors.iter().any(|c| c.id == id) {
                    Edit::delete_corridor(ds, id)
                } else {
                    Edit::put_corridor(
                        ds,
                        Corridor {
                            id,
                            names: Names::new("a", "b", "c"),
                            kind: CorridorKind::Pipeline,
                            line: LineString::from(vec![(70.0, 50.0), (71.0, number / 1e6 + 45.0)]),
                        },
                    )
                }
            }
        }
    }

    /// `ds` with values and projects in a canonical order: a deleted row put back comes last,
    /// as the file reads it, so only the set of rows is compared.
    fn canonical(mut ds: Dataset) -> Dataset {
        ds.values.sort_by(|a, b| {
            (&a.region_code, &a.indicator, a.year).cmp(&(&b.region_code, &b.indicator, b.year))
        });
        ds.projects.sort_by(|a, b| a.code.cmp(&b.code));
        ds
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn undoing_every_edit_of_a_random_sequence_gives_back_the_start(
            steps in prop::collection::vec((any::<u8>(), any::<usize>(), 0.0..1e7_f64), 1..40)
        ) {
            let start = small();
            let mut ds = start.clone();
            let mut done = Vec::new();
            for (kind, index, number) in steps {
                let edit = edit_of(&ds, kind, index, number);
                prop_assert!(edit.check(&ds).is_ok(), "{edit:?}");
                edit.apply_to(&mut ds);
                prop_assert!(edit.inverse().check(&ds).is_ok());
                done.push(edit);
            }
            let end = ds.clone();
            for edit in done.iter().rev() {
                let back = edit.inverse();
                prop_assert!(back.check(&ds).is_ok());
                back.apply_to(&mut ds);
            }
            prop_assert_eq!(canonical(ds.clone()), canonical(start));
            // Growth points and corridors come back in their exact order.
            prop_assert_eq!(&ds.growth_points, &small().growth_points);
            for edit in &done {
                edit.apply_to(&mut ds);
            }
            prop_assert_eq!(canonical(ds), canonical(end));
        }
    }
}
