//! Components computed from their parts: the typology's own indicators (investment per capita,
//! employment rate, population change) and the dataset's ratio indicators (GRP per capita), always
//! from numerator and denominator on one boundary edition, never from a reported ratio.

use super::{Component, ComponentInfo};
use crate::model::{Aggregation, Dataset, Names};

/// Investment in fixed capital per inhabitant, thousand KZT:
/// `investment_fixed_capital / population × 1000`.
pub const INVESTMENT_PER_CAPITA: &str = "investment_per_capita";
/// Employed people per 100 people of the labour force, %: `employed / labour_force × 100`.
pub const EMPLOYMENT_RATE: &str = "employment_rate";
/// Average annual change of the population, % a year, over the longest span of years the
/// region's population is known on the current boundaries, ending in the typology's year.
pub const POPULATION_CHANGE: &str = "population_change";
/// The components the typology defines itself.
pub const DERIVED_COMPONENTS: [&str; 3] =
    [INVESTMENT_PER_CAPITA, EMPLOYMENT_RATE, POPULATION_CHANGE];

/// Indicator keys the derived components are made of.
const INVESTMENT: &str = "investment_fixed_capital";
const POPULATION: &str = "population";
const EMPLOYED: &str = "employed";
const LABOUR_FORCE: &str = "labour_force";

/// How a component is obtained from the dataset's indicators.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Recipe {
    /// The indicator's own value on the unit.
    Direct(String),
    /// `numerator / denominator × scale`.
    Ratio { numerator: String, denominator: String, scale: f64 },
    /// Average annual % change of the population over the longest span.
    PopulationChange,
}

impl Recipe {
    /// Keys of the dataset indicators the recipe reads.
    pub(super) fn parts(&self) -> Vec<&str> {
        match self {
            Recipe::Direct(key) => vec![key.as_str()],
            Recipe::Ratio { numerator, denominator, .. } => {
                vec![numerator.as_str(), denominator.as_str()]
            }
            Recipe::PopulationChange => vec![POPULATION],
        }
    }
}

/// The recipe of `key` (None for a key that is neither a dataset indicator nor derived).
pub(super) fn recipe(ds: &Dataset, key: &str) -> Option<Recipe> {
    let ratio = |numerator: &str, denominator: &str, scale: f64| Recipe::Ratio {
        numerator: numerator.to_owned(),
        denominator: denominator.to_owned(),
        scale,
    };
    match key {
        INVESTMENT_PER_CAPITA => Some(ratio(INVESTMENT, POPULATION, 1000.0)),
        EMPLOYMENT_RATE => Some(ratio(EMPLOYED, LABOUR_FORCE, 100.0)),
        POPULATION_CHANGE => Some(Recipe::PopulationChange),
        _ => {
            let def = ds.indicator(key)?;
            Some(match &def.aggregation {
                Aggregation::Ratio { numerator, denominator, scale } => {
                    ratio(numerator, denominator, *scale)
                }
                _ => Recipe::Direct(key.to_owned()),
            })
        }
    }
}

/// Whether `key` can be computed on `ds`: every part is an indicator of the dataset.
pub(super) fn parts_present(ds: &Dataset, key: &str) -> bool {
    recipe(ds, key).is_some_and(|r| r.parts().iter().all(|p| ds.indicator(p).is_some()))
}

/// Whether `key` is a component the typology can use on `ds`.
pub(super) fn is_known(ds: &Dataset, key: &str) -> bool {
    parts_present(ds, key)
}

/// Every component key usable on `ds`: its indicators, then the derived ones.
pub(super) fn known_keys(ds: &Dataset) -> Vec<String> {
    ds.indicators
        .iter()
        .map(|d| d.key.clone())
        .chain(DERIVED_COMPONENTS.iter().map(|k| (*k).to_owned()))
        .filter(|k| parts_present(ds, k))
        .collect()
}

/// Names, unit and formula of a component for legends and exports.
pub(super) fn info(ds: &Dataset, component: &Component) -> ComponentInfo {
    let key = component.indicator.as_str();
    let (names, unit) = match key {
        INVESTMENT_PER_CAPITA => (
            Names::new(
                "Жан басына шаққандағы негізгі капиталға инвестициялар",
                "Инвестиции в основной капитал на душу населения",
                "Investment in fixed capital per capita",
            ),
            Names::new("мың теңге / адам", "тыс. тенге на человека", "thousand KZT per person"),
        ),
        EMPLOYMENT_RATE => (
            Names::new(
                "Жұмыс күшіндегі жұмыспен қамтылғандар үлесі",
                "Доля занятых в рабочей силе",
                "Employed, share of the labour force",
            ),
            Names::new("%", "%", "%"),
        ),
        POPULATION_CHANGE => (
            Names::new(
                "Халық санының орташа жылдық өзгерісі",
                "Среднегодовое изменение численности населения",
                "Average annual population change",
            ),
            Names::new("жылына %", "% в год", "% a year"),
        ),
        _ => ds
            .indicator(key)
            .map(|d| (d.names.clone(), d.unit.clone()))
            .unwrap_or_else(|| (Names::new(key, key, key), Names::default())),
    };
    let formula = match recipe(ds, key) {
        Some(Recipe::Direct(k)) => k,
        Some(Recipe::Ratio { numerator, denominator, scale }) => {
            format!("{numerator} / {denominator} × {scale}")
        }
        Some(Recipe::PopulationChange) => {
            "((population[last] / population[first])^(1 / (last − first)) − 1) × 100".to_owned()
        }
        None => String::new(),
    };
    ComponentInfo {
        indicator: key.to_owned(),
        names,
        unit,
        direction: component.direction,
        weight: component.weight,
        formula,
    }
}
