//! Regions by potential: a composite index of several indicators, its classes, each region's rank
//! and the contribution of each component — the typology of section I of the 2011 Predictive
//! Scheme. The method and its formulas are written down in `docs/typology.md`.
//!
//! A [`Typology`] says which state it describes (a year of data, or a scenario's projected year),
//! which components it combines (indicator, direction, weight), how they are normalised, how the
//! index is classified and what happens to a region that lacks a component. [`compute`] turns it
//! into a [`TypologyResult`] for every region of the current boundary edition; [`score`] is the
//! same arithmetic on a plain matrix of values. Derived components are computed from their parts
//! on the current edition ([`derived`]); values are never imputed.

mod change;
mod classify;
mod derived;
#[cfg(test)]
mod proptests;
mod source;
#[cfg(test)]
mod tests;

use crate::analysis::moran::{self, Autocorrelation, MoranError};
use crate::analysis::neighbours::Neighbours;
use crate::model::{Dataset, Lang, Names};
use crate::scenario;

pub use change::{ClassChange, Transition, transition};
pub use classify::{jenks_breaks, kmeans_classes};
pub use derived::{DERIVED_COMPONENTS, EMPLOYMENT_RATE, INVESTMENT_PER_CAPITA, POPULATION_CHANGE};

/// The state a typology describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypologyState {
    /// The reported data of a year, on the current boundaries.
    Year(i32),
    /// The projected year of a scenario of the dataset.
    Scenario { scenario_id: i64, year: i32 },
}

impl TypologyState {
    /// The year described.
    pub fn year(self) -> i32 {
        match self {
            TypologyState::Year(year) | TypologyState::Scenario { year, .. } => year,
        }
    }
}

/// Whether a larger value of a component means more potential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// One indicator of the index.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub struct Component {
    /// A dataset indicator key, or one of [`DERIVED_COMPONENTS`].
    pub indicator: String,
    pub direction: Direction,
    /// Relative weight, ≥ 0; only the proportions between weights matter.
    pub weight: f64,
}

/// How each component's values are put on one scale before they are weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalisation {
    /// (x − min) / (max − min) over the regions with a value: 0 the weakest, 1 the strongest
    /// (reversed for lower-is-better components). All values equal: 0.5 for every region.
    MinMax,
    /// (x − mean) / sd (sd with divisor n), negated for lower-is-better components. All values
    /// equal: 0 for every region.
    ZScore,
}

/// How the composite index is cut into classes. Class 0 is always the lowest potential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Classification {
    /// High / medium / low potential: above the mean index + ½ standard deviation, below the
    /// mean − ½ sd, medium in between (sd with divisor n, over the regions with an index).
    ThreeClass,
    /// `k` classes with about equally many regions (equal indices share a class).
    Quantiles(usize),
    /// `k` classes minimising the within-class sum of squared deviations (Jenks natural breaks,
    /// solved exactly by dynamic programming, Fisher 1958).
    NaturalBreaks(usize),
    /// `k` clusters of one-dimensional k-means (Lloyd), started from the distinct indices at the
    /// quantile positions (j + ½)/k, so the result is deterministic.
    KMeans(usize),
}

impl Classification {
    /// Number of classes asked for.
    pub fn classes(self) -> usize {
        match self {
            Classification::ThreeClass => 3,
            Classification::Quantiles(k)
            | Classification::NaturalBreaks(k)
            | Classification::KMeans(k) => k,
        }
    }
}

/// What a region lacking a component gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingRule {
    /// No index and no class: marked "insufficient data" and listed with what it lacks.
    InsufficientData,
    /// The missing components are dropped for that region and its other weights rescaled to
    /// the same total; the region's profile lists what it lacks.
    RescaleWeights,
}

/// Most classes the Potential screen and its slides draw (the map's ramp stays readable).
pub const MAX_CLASSES: usize = 7;

/// A named typology definition.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Typology {
    pub name: Names,
    pub state: TypologyState,
    pub components: Vec<Component>,
    pub normalisation: Normalisation,
    pub classification: Classification,
    pub missing: MissingRule,
}

/// Why a typology cannot be computed. Messages name the indicator, year or scenario at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TypologyError {
    #[error("the typology has no components: give at least one indicator")]
    NoComponents,
    #[error("unknown indicator «{key}»; known indicators: {}", known.join(", "))]
    UnknownIndicator { key: String, known: Vec<String> },
    #[error("the weight of «{indicator}» is {weight}: weights must be finite and 0 or more")]
    BadWeight { indicator: String, weight: f64 },
    #[error("every weight is 0: at least one component needs a positive weight")]
    ZeroWeights,
    #[error("{classes} classes asked for: a classification needs 2 classes or more")]
    BadClassCount { classes: usize },
    #[error("the file has no current boundary edition to place the regions on")]
    NoCurrentEdition,
    #[error("no component has data for {year}; years with data: {}", list_years(years))]
    YearWithoutData { year: i32, years: Vec<i32> },
    #[error("there is no scenario with id {id}; the file has: {}", known.join(", "))]
    UnknownScenario { id: i64, known: Vec<String> },
    #[error("the scenario «{name}» projects {base}–{horizon}; {year} is outside it")]
    YearOutsideScenario { name: String, year: i32, base: i32, horizon: i32 },
    #[error("{components} components but {rows} rows of values: give one row per component")]
    ShapeMismatch { components: usize, rows: usize },
}

impl TypologyError {
    /// The reason in `lang` (English: the `Display` text).
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::error_text::typology_error(self, lang)
    }
}

fn list_years(years: &[i32]) -> String {
    if years.is_empty() {
        return "none".to_owned();
    }
    years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
}

/// One component's numbers for one region.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentScore {
    /// The value in the indicator's unit; None: missing.
    pub raw: Option<f64>,
    /// After normalisation and direction (larger is always more potential).
    pub normalised: Option<f64>,
    /// The weight this component carries for this region (shares summing to 1 over the
    /// components counted); None when the component is missing or the region has no index.
    pub weight: Option<f64>,
    /// weight × normalised: what the component adds to the index.
    pub contribution: Option<f64>,
}

/// Every number of one region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionScore {
    pub code: String,
    /// The composite index; None: insufficient data.
    pub index: Option<f64>,
    /// 0 = lowest potential; None without an index.
    pub class: Option<usize>,
    /// 1 = highest index; equal indices share a rank (1, 2, 2, 4).
    pub rank: Option<usize>,
    /// In the typology's component order.
    pub components: Vec<ComponentScore>,
    /// Keys of the components the region lacks.
    pub missing: Vec<String>,
}

/// One class of the index: the smallest and largest index of its regions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassRange {
    pub min: f64,
    pub max: f64,
    pub count: usize,
}

/// The classes of a result, lowest first, and how they were cut.
#[derive(Debug, Clone, PartialEq)]
pub struct Classes {
    pub method: Classification,
    /// The observed range of each non-empty class, lowest first.
    pub ranges: Vec<ClassRange>,
    /// For [`Classification::ThreeClass`]: the two cut points mean − ½ sd and mean + ½ sd.
    pub cuts: Vec<f64>,
}

/// What [`score`] gives: every region's numbers and the classes.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// In the order of the value columns.
    pub regions: Vec<RegionScore>,
    pub classes: Classes,
}

/// How one component was obtained, for legends and exports.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentInfo {
    pub indicator: String,
    pub names: Names,
    pub unit: Names,
    pub direction: Direction,
    /// The weight as defined.
    pub weight: f64,
    /// How it was computed, in English (formula and parts), e.g. `grp / population × 1000`.
    pub formula: String,
}

/// A typology computed on the current boundaries.
#[derive(Debug, Clone, PartialEq)]
pub struct TypologyResult {
    /// Key of the edition the regions belong to (the current one).
    pub edition: String,
    pub state: TypologyState,
    pub components: Vec<ComponentInfo>,
    /// Every region of the edition, in its order.
    pub regions: Vec<RegionScore>,
    pub classes: Classes,
    /// For the population-change component: each region's span (first year, last year), in
    /// region order; empty when the typology has no such component.
    pub population_spans: Vec<Option<(i32, i32)>>,
}

impl TypologyResult {
    /// The numbers of region `code`.
    pub fn region(&self, code: &str) -> Option<&RegionScore> {
        self.regions.iter().find(|r| r.code == code)
    }
}

impl Typology {
    /// A typology of `components` for `state` with min–max normalisation, three classes and
    /// rescaled weights for missing components.
    pub fn new(name: Names, state: TypologyState, components: Vec<Component>) -> Typology {
        Typology {
            name,
            state,
            components,
            normalisation: Normalisation::MinMax,
            classification: Classification::ThreeClass,
            missing: MissingRule::RescaleWeights,
        }
    }

    /// The default on `ds`: GRP per capita, investment in fixed capital per capita,
    /// employment rate, population change and unemployment rate (lower is better), equal
    /// weights, min–max, three classes, rescaled weights; components whose parts the dataset
    /// lacks are left out. The year is the latest in which every component has a value for at
    /// least half of the current regions (2022 on the shipped data), else the latest year with
    /// any data.
    pub fn default_for(ds: &Dataset) -> Typology {
        let wanted = [
            ("grp_per_capita", Direction::HigherIsBetter),
            (INVESTMENT_PER_CAPITA, Direction::HigherIsBetter),
            (EMPLOYMENT_RATE, Direction::HigherIsBetter),
            (POPULATION_CHANGE, Direction::HigherIsBetter),
            ("unemployment_rate", Direction::LowerIsBetter),
        ];
        let components: Vec<Component> = wanted
            .iter()
            .filter(|(key, _)| derived::parts_present(ds, key))
            .map(|(key, direction)| Component {
                indicator: (*key).to_owned(),
                direction: *direction,
                weight: 1.0,
            })
            .collect();
        let year = source::default_year(ds, &components);
        Typology::new(
            Names::new(
                "Өңірлердің әлеуеті (әдепкі)",
                "Потенциал регионов (по умолчанию)",
                "Regional potential (default)",
            ),
            TypologyState::Year(year),
            components,
        )
    }

    /// Checks the definition against `ds`: components, keys, weights, class count.
    pub fn validate(&self, ds: &Dataset) -> Result<(), TypologyError> {
        validate_components(&self.components)?;
        if let Some(unknown) = self.components.iter().find(|c| !derived::is_known(ds, &c.indicator))
        {
            return Err(TypologyError::UnknownIndicator {
                key: unknown.indicator.clone(),
                known: derived::known_keys(ds),
            });
        }
        check_class_count(self.classification)
    }
}

/// A component the planner can add on `ds`: its key, names and the direction its indicator
/// has (lower is better for unemployment and the like).
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentChoice {
    pub indicator: String,
    pub names: Names,
    pub direction: Direction,
}

/// Every component usable on `ds`, the dataset's indicators first, then the typology's own
/// derived ones whose parts the dataset has.
pub fn component_choices(ds: &Dataset) -> Vec<ComponentChoice> {
    derived::known_keys(ds)
        .into_iter()
        .map(|key| {
            let higher = ds.indicator(&key).is_none_or(|d| d.higher_is_better);
            let component = Component {
                indicator: key.clone(),
                direction: Direction::HigherIsBetter,
                weight: 1.0,
            };
            ComponentChoice {
                names: derived::info(ds, &component).names,
                indicator: key,
                direction: if higher {
                    Direction::HigherIsBetter
                } else {
                    Direction::LowerIsBetter
                },
            }
        })
        .collect()
}

fn check_class_count(classification: Classification) -> Result<(), TypologyError> {
    let classes = classification.classes();
    if classes < 2 {
        return Err(TypologyError::BadClassCount { classes });
    }
    Ok(())
}

fn validate_components(components: &[Component]) -> Result<(), TypologyError> {
    if components.is_empty() {
        return Err(TypologyError::NoComponents);
    }
    if let Some(bad) = components.iter().find(|c| !c.weight.is_finite() || c.weight < 0.0) {
        return Err(TypologyError::BadWeight {
            indicator: bad.indicator.clone(),
            weight: bad.weight,
        });
    }
    if components.iter().all(|c| c.weight == 0.0) {
        return Err(TypologyError::ZeroWeights);
    }
    Ok(())
}

/// The latest year in which every one of `components` has a value for at least half of the
/// current regions of `ds`, else the latest year with any data of their parts (0 for a dataset
/// without data): the year a typology defaults to.
pub fn default_year(ds: &Dataset, components: &[Component]) -> i32 {
    source::default_year(ds, components)
}

/// The default direction of a component: the indicator's own for dataset indicators, higher is
/// better for the derived ones.
pub fn default_direction(ds: &Dataset, key: &str) -> Direction {
    match ds.indicator(key) {
        Some(def) if !def.higher_is_better => Direction::LowerIsBetter,
        _ => Direction::HigherIsBetter,
    }
}

/// Computes `typology` for every region of the current edition of `ds`. A scenario state
/// projects the scenario (`scenario::project`); use [`compute_with_projection`] to reuse one.
pub fn compute(ds: &Dataset, typology: &Typology) -> Result<TypologyResult, TypologyError> {
    match typology.state {
        TypologyState::Year(_) => compute_with_projection(ds, typology, None),
        TypologyState::Scenario { scenario_id, .. } => {
            let scenario = find_scenario(ds, scenario_id)?;
            let projection = scenario::project(ds, scenario);
            compute_with_projection(ds, typology, Some(&projection))
        }
    }
}

fn find_scenario(ds: &Dataset, id: i64) -> Result<&crate::model::Scenario, TypologyError> {
    ds.scenario(id).ok_or_else(|| TypologyError::UnknownScenario {
        id,
        known: ds
            .scenarios
            .iter()
            .map(|s| format!("{} «{}»", s.id, s.name.get(Lang::En)))
            .collect(),
    })
}

/// As [`compute`], with the projection of the state's scenario already made (ignored for a year
/// state; projected here when None for a scenario state).
pub fn compute_with_projection(
    ds: &Dataset,
    typology: &Typology,
    projection: Option<&scenario::Projection>,
) -> Result<TypologyResult, TypologyError> {
    typology.validate(ds)?;
    let edition = ds.current_edition().ok_or(TypologyError::NoCurrentEdition)?;
    let codes: Vec<&str> = edition.units.iter().map(|u| u.region_code.as_str()).collect();
    let year = typology.state.year();
    let owned;
    let source = match typology.state {
        TypologyState::Year(_) => source::Source::data(ds, &typology.components),
        TypologyState::Scenario { scenario_id, .. } => {
            let scenario = find_scenario(ds, scenario_id)?;
            if year < scenario.base_year || year > scenario.horizon {
                return Err(TypologyError::YearOutsideScenario {
                    name: scenario.name.get(Lang::En).to_owned(),
                    year,
                    base: scenario.base_year,
                    horizon: scenario.horizon,
                });
            }
            let projection = match projection {
                Some(p) if p.scenario_id == scenario_id => p,
                _ => {
                    owned = scenario::project(ds, scenario);
                    &owned
                }
            };
            source::Source::projection(ds, projection)
        }
    };
    let mut population_spans = Vec::new();
    let raw: Vec<Vec<Option<f64>>> = typology
        .components
        .iter()
        .map(|c| {
            let values = source.component_values(&c.indicator, &codes, year);
            if c.indicator == POPULATION_CHANGE {
                population_spans = values.iter().map(|v| v.map(|(_, span)| span)).collect();
            }
            values.into_iter().map(|v| v.map(|(value, _)| value)).collect()
        })
        .collect();
    if raw.iter().all(|column| column.iter().all(Option::is_none)) {
        return Err(TypologyError::YearWithoutData { year, years: source.years_with_data() });
    }
    let scores = score(
        &typology.components,
        &raw,
        typology.normalisation,
        typology.classification,
        typology.missing,
    )?;
    let regions = scores
        .regions
        .into_iter()
        .zip(&codes)
        .map(|(mut r, code)| {
            (*code).clone_into(&mut r.code);
            r
        })
        .collect();
    Ok(TypologyResult {
        edition: edition.key.clone(),
        state: typology.state,
        components: typology.components.iter().map(|c| derived::info(ds, c)).collect(),
        regions,
        classes: scores.classes,
        population_spans,
    })
}

/// The typology arithmetic on plain values: `raw[c][r]` is component `c` of region `r` (None:
/// missing). Regions are named by their position (`RegionScore::code` is empty).
pub fn score(
    components: &[Component],
    raw: &[Vec<Option<f64>>],
    normalisation: Normalisation,
    classification: Classification,
    missing: MissingRule,
) -> Result<Scores, TypologyError> {
    validate_components(components)?;
    check_class_count(classification)?;
    if raw.len() != components.len() {
        return Err(TypologyError::ShapeMismatch { components: components.len(), rows: raw.len() });
    }
    let regions = raw.iter().map(Vec::len).max().unwrap_or(0);
    let normalised: Vec<Vec<Option<f64>>> = components
        .iter()
        .zip(raw)
        .map(|(c, column)| normalise(column, normalisation, c.direction))
        .collect();
    let total_weight: f64 = components.iter().map(|c| c.weight).sum();
    let mut scores: Vec<RegionScore> = (0..regions)
        .map(|r| {
            let present: Vec<bool> =
                raw.iter().map(|column| column.get(r).copied().flatten().is_some()).collect();
            let missing_keys: Vec<String> = components
                .iter()
                .zip(&present)
                .filter(|(_, p)| !**p)
                .map(|(c, _)| c.indicator.clone())
                .collect();
            let present_weight: f64 =
                components.iter().zip(&present).filter(|(_, p)| **p).map(|(c, _)| c.weight).sum();
            let counted = present_weight > 0.0
                && (missing == MissingRule::RescaleWeights || missing_keys.is_empty());
            let denominator =
                if missing == MissingRule::RescaleWeights { present_weight } else { total_weight };
            let component_scores: Vec<ComponentScore> = components
                .iter()
                .enumerate()
                .map(|(c, component)| {
                    let raw_value = raw.get(c).and_then(|col| col.get(r)).copied().flatten();
                    let norm = normalised.get(c).and_then(|col| col.get(r)).copied().flatten();
                    let weight =
                        (counted && norm.is_some()).then(|| component.weight / denominator);
                    ComponentScore {
                        raw: raw_value,
                        normalised: norm,
                        weight,
                        contribution: weight.zip(norm).map(|(w, n)| w * n),
                    }
                })
                .collect();
            let index = counted
                .then(|| component_scores.iter().filter_map(|s| s.contribution).sum::<f64>());
            RegionScore {
                code: String::new(),
                index,
                class: None,
                rank: None,
                components: component_scores,
                missing: missing_keys,
            }
        })
        .collect();
    let indices: Vec<f64> = scores.iter().filter_map(|s| s.index).collect();
    let (classes, assign) = classify::classify(&indices, classification);
    let mut next = assign.into_iter();
    for s in scores.iter_mut().filter(|s| s.index.is_some()) {
        s.class = next.next();
    }
    for i in 0..scores.len() {
        let Some(own) = scores.get(i).and_then(|s| s.index) else { continue };
        let above = indices.iter().filter(|&&v| v > own).count();
        if let Some(s) = scores.get_mut(i) {
            s.rank = Some(above + 1);
        }
    }
    Ok(Scores { regions: scores, classes })
}

/// Normalised values of one component (see [`Normalisation`]), larger always better.
fn normalise(
    column: &[Option<f64>],
    normalisation: Normalisation,
    direction: Direction,
) -> Vec<Option<f64>> {
    let present: Vec<f64> = column.iter().copied().flatten().collect();
    if present.is_empty() {
        return vec![None; column.len()];
    }
    let n = present.len() as f64;
    let lower_better = direction == Direction::LowerIsBetter;
    match normalisation {
        Normalisation::MinMax => {
            let min = present.iter().copied().fold(f64::INFINITY, f64::min);
            let max = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            column
                .iter()
                .map(|v| {
                    v.map(|x| {
                        let scaled = if max > min { (x - min) / (max - min) } else { 0.5 };
                        if lower_better { 1.0 - scaled } else { scaled }
                    })
                })
                .collect()
        }
        Normalisation::ZScore => {
            let mean = present.iter().sum::<f64>() / n;
            let sd = (present.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n).sqrt();
            column
                .iter()
                .map(|v| {
                    v.map(|x| {
                        let z = if sd > 0.0 { (x - mean) / sd } else { 0.0 };
                        if lower_better { -z } else { z }
                    })
                })
                .collect()
        }
    }
}

/// The label of class `class` (0 = lowest) of `count` classes made by `method`: high / medium /
/// low potential for the three-class cut, else "class c of k" (c = 1 lowest).
pub fn class_label(method: Classification, class: usize, count: usize, lang: Lang) -> String {
    if method == Classification::ThreeClass && count == 3 {
        let names = match class {
            0 => ["Төмен әлеует", "Низкий потенциал", "Low potential"],
            1 => ["Орташа әлеует", "Средний потенциал", "Medium potential"],
            _ => ["Жоғары әлеует", "Высокий потенциал", "High potential"],
        };
        return pick(names, lang).to_owned();
    }
    let c = class + 1;
    match lang {
        Lang::Kk => format!("{c}-сынып ({count} сыныптан)"),
        Lang::Ru => format!("класс {c} из {count}"),
        Lang::En => format!("class {c} of {count}"),
    }
}

/// The label of a region without an index.
pub fn insufficient_data_label(lang: Lang) -> &'static str {
    pick(["Деректер жеткіліксіз", "Недостаточно данных", "Insufficient data"], lang)
}

fn pick(names: [&'static str; 3], lang: Lang) -> &'static str {
    let [kk, ru, en] = names;
    match lang {
        Lang::Kk => kk,
        Lang::Ru => ru,
        Lang::En => en,
    }
}

/// Global and local Moran of `result`'s index on `neighbours` (the graph of the result's
/// edition), over the regions with an index, with `permutations` seeded by `seed`; `local` is in
/// the order of `neighbours`' units (for the current edition, the result's region order).
pub fn index_autocorrelation(
    result: &TypologyResult,
    neighbours: &Neighbours,
    permutations: usize,
    seed: u64,
) -> Result<Autocorrelation, MoranError> {
    let values: Vec<Option<f64>> =
        neighbours.codes().iter().map(|code| result.region(code).and_then(|r| r.index)).collect();
    moran::autocorrelation(&values, neighbours, permutations, seed)
}
