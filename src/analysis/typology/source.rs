//! Where a typology's values come from: the reported data of a year on the current boundaries
//! (legacy units resolved through the lineage, `analysis::values`), or a scenario's projection.

use std::collections::HashMap;

use super::Component;
use super::derived::{Recipe, recipe};
use crate::analysis::values::Lookup;
use crate::model::Dataset;
use crate::scenario::Projection;

/// The values a typology reads.
pub(super) enum Source<'a> {
    /// Reported values: per indicator key, the lookup of that indicator and its parts.
    Data { ds: &'a Dataset, lookups: HashMap<String, Lookup<'a>> },
    /// A scenario's projected (and, before its base year, reported) values.
    Projection { ds: &'a Dataset, projection: &'a Projection },
}

/// A component's value for one region and the span of years it covers.
pub(super) type Valued = Option<(f64, (i32, i32))>;

impl<'a> Source<'a> {
    /// Reported values of the indicators `components` read.
    pub(super) fn data(ds: &'a Dataset, components: &[Component]) -> Source<'a> {
        let mut lookups = HashMap::new();
        for c in components {
            let Some(recipe) = recipe(ds, &c.indicator) else { continue };
            for part in recipe.parts() {
                if !lookups.contains_key(part) {
                    lookups.insert(part.to_owned(), Lookup::new(ds, part));
                }
            }
        }
        Source::Data { ds, lookups }
    }

    pub(super) fn projection(ds: &'a Dataset, projection: &'a Projection) -> Source<'a> {
        Source::Projection { ds, projection }
    }

    fn dataset(&self) -> &'a Dataset {
        match self {
            Source::Data { ds, .. } | Source::Projection { ds, .. } => ds,
        }
    }

    /// The value of indicator `key` for the territory of `code` in `year`: reported for the
    /// unit or computed from the units that make it up — never a predecessor's value.
    fn base(&self, key: &str, code: &str, year: i32) -> Option<f64> {
        match self {
            Source::Data { lookups, .. } => lookups.get(key)?.territory_value(key, code, year),
            Source::Projection { projection, .. } => projection.value(code, key, year),
        }
        .filter(|v| v.is_finite())
    }

    /// Years in which `key` may have values, ascending.
    fn years_of(&self, key: &str) -> Vec<i32> {
        match self {
            Source::Data { ds, .. } => ds.years_of(key),
            Source::Projection { projection, .. } => projection.years().collect(),
        }
    }

    /// Years with data of any part the source reads, ascending.
    pub(super) fn years_with_data(&self) -> Vec<i32> {
        let mut years: Vec<i32> = match self {
            Source::Data { ds, lookups } => lookups.keys().flat_map(|k| ds.years_of(k)).collect(),
            Source::Projection { projection, .. } => projection.years().collect(),
        };
        years.sort_unstable();
        years.dedup();
        years
    }

    /// Component `key` for each of `codes` in `year` (see `docs/typology.md` for each recipe).
    pub(super) fn component_values(&self, key: &str, codes: &[&str], year: i32) -> Vec<Valued> {
        let Some(recipe) = recipe(self.dataset(), key) else {
            return vec![None; codes.len()];
        };
        let population_years: Vec<i32> = if recipe == Recipe::PopulationChange {
            self.years_of("population").into_iter().filter(|&y| y < year).collect()
        } else {
            Vec::new()
        };
        codes
            .iter()
            .map(|code| match &recipe {
                Recipe::Direct(k) => self.base(k, code, year).map(|v| (v, (year, year))),
                Recipe::Ratio { numerator, denominator, scale } => {
                    let n = self.base(numerator, code, year)?;
                    let d = self.base(denominator, code, year)?;
                    (d != 0.0).then(|| (n / d * scale, (year, year)))
                }
                Recipe::PopulationChange => {
                    let last = self.base("population", code, year).filter(|p| *p > 0.0)?;
                    let (first_year, first) = population_years.iter().find_map(|&y| {
                        self.base("population", code, y).filter(|p| *p > 0.0).map(|p| (y, p))
                    })?;
                    let span = f64::from(year - first_year);
                    let rate = ((last / first).powf(1.0 / span) - 1.0) * 100.0;
                    Some((rate, (first_year, year)))
                }
            })
            .collect()
    }
}

/// The default typology's year (see `Typology::default_for`).
pub(super) fn default_year(ds: &Dataset, components: &[Component]) -> i32 {
    let codes: Vec<&str> = ds
        .current_edition()
        .map(|e| e.units.iter().map(|u| u.region_code.as_str()).collect())
        .unwrap_or_default();
    let source = Source::data(ds, components);
    let years = source.years_with_data();
    let half = codes.len().div_ceil(2).max(1);
    years
        .iter()
        .rev()
        .copied()
        .find(|&year| {
            components.iter().all(|c| {
                let values = source.component_values(&c.indicator, &codes, year);
                values.iter().filter(|v| v.is_some()).count() >= half
            })
        })
        .or_else(|| years.last().copied())
        .unwrap_or_default()
}
