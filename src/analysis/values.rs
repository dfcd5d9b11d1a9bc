//! A year's values of one indicator on one boundary edition. Values keep the unit they were
//! reported for (`KZ-VOS@2018`); this module decides which edition a year is drawn on and fills
//! every unit of that edition from what was reported, through the lineage:
//! - a unit with a value of its own shows it;
//! - a unit that was later split gets its value from its successors: summed (additive indicators),
//!   recomputed from numerator and denominator (ratios — never summed) or weighted (rates);
//! - a unit without a value whose predecessor has one shows the predecessor's value, together with
//!   all the predecessor's other successors, as one group.

use std::collections::HashMap;

use crate::model::{Aggregation, BoundaryEdition, Dataset, NATIONAL_CODE};

/// Which boundaries a year's values are drawn on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum BoundaryMode {
    /// The edition whose units the year's values were reported for (they differ by indicator:
    /// GRP 2021 is on the current units, population 2021 on the 2018 ones).
    #[default]
    AsReported,
    /// Always the current edition; a legacy value covers the group of its successors.
    Current,
}

/// How a unit's value was obtained.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueOrigin {
    /// Reported for the unit itself.
    Reported,
    /// Computed from these later units that together make up the unit: summed for additive
    /// indicators, recomputed from numerator and denominator for ratios, weighted for rates.
    FromParts { parts: Vec<String> },
    /// The unit has no value of its own; the value of `predecessor` covers it and `members`
    /// (every unit of the drawn edition that came out of `predecessor`) as one group.
    Predecessor { predecessor: String, members: Vec<String> },
}

/// The value of one unit of the drawn edition.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitValue {
    /// Code of the drawn unit.
    pub code: String,
    /// Code of the unit the value belongs to: `code` itself, or the predecessor of a group.
    pub value_code: String,
    /// None: no data (never zero).
    pub value: Option<f64>,
    /// None when there is no value.
    pub origin: Option<ValueOrigin>,
}

/// Every unit of one edition with its value for one indicator and year.
#[derive(Debug, Clone, PartialEq)]
pub struct EditionValues {
    /// Key of the drawn edition (`2010`, `2018`, `2022`).
    pub edition: String,
    /// Indicator key.
    pub indicator: String,
    /// Year of the values.
    pub year: i32,
    /// In the edition's order of units.
    pub units: Vec<UnitValue>,
}

impl EditionValues {
    /// The entry of the drawn unit `code`.
    pub fn unit(&self, code: &str) -> Option<&UnitValue> {
        self.units.iter().find(|u| u.code == code)
    }

    /// True when no unit has a value.
    pub fn is_empty(&self) -> bool {
        self.units.iter().all(|u| u.value.is_none())
    }
}

/// Deepest chain of lineage or ratio parts followed; guards against a cyclic lineage in a file.
const MAX_DEPTH: usize = 8;

/// The reported values of one indicator and the indicators it is computed from, indexed by unit.
pub(crate) struct Lookup<'a> {
    ds: &'a Dataset,
    /// Keys of the indicators held: the requested one and, transitively, its parts.
    indicators: Vec<&'a str>,
    /// Per unit code: (index into `indicators`, year, value).
    by_code: HashMap<&'a str, Vec<(usize, i32, f64)>>,
}

impl<'a> Lookup<'a> {
    /// Indexes the values of `indicator` and of every indicator it is recomputed from.
    pub(crate) fn new(ds: &'a Dataset, indicator: &str) -> Self {
        let mut indicators: Vec<&'a str> = Vec::new();
        let mut pending = vec![indicator.to_string()];
        while let Some(key) = pending.pop() {
            let Some(def) = ds.indicator(&key) else { continue };
            if indicators.contains(&def.key.as_str()) {
                continue;
            }
            indicators.push(def.key.as_str());
            match &def.aggregation {
                Aggregation::Ratio { numerator, denominator, .. } => {
                    pending.push(numerator.clone());
                    pending.push(denominator.clone());
                }
                Aggregation::WeightedMean { weight } => pending.push(weight.clone()),
                Aggregation::Additive | Aggregation::None => {}
            }
        }
        let mut by_code: HashMap<&'a str, Vec<(usize, i32, f64)>> = HashMap::new();
        for v in &ds.values {
            if let Some(i) = indicators.iter().position(|k| *k == v.indicator) {
                by_code.entry(v.region_code.as_str()).or_default().push((i, v.year, v.value));
            }
        }
        Lookup { ds, indicators, by_code }
    }

    /// The value reported for the unit itself.
    fn own(&self, indicator: &str, code: &str, year: i32) -> Option<f64> {
        let i = self.indicators.iter().position(|k| *k == indicator)?;
        self.by_code.get(code)?.iter().find(|(j, y, _)| *j == i && *y == year).map(|e| e.2)
    }

    /// Codes with a reported value of `indicator` in `year` (the country excluded).
    fn reported_codes(&self, indicator: &str, year: i32) -> Vec<&'a str> {
        let Some(i) = self.indicators.iter().position(|k| *k == indicator) else {
            return Vec::new();
        };
        self.by_code
            .iter()
            .filter(|(code, entries)| {
                **code != NATIONAL_CODE && entries.iter().any(|(j, y, _)| *j == i && *y == year)
            })
            .map(|(code, _)| *code)
            .collect()
    }

    /// The edition most of the year's reported codes belong to.
    fn reported_edition(&self, indicator: &str, year: i32) -> Option<&'a BoundaryEdition> {
        let codes = self.reported_codes(indicator, year);
        if codes.is_empty() {
            return None;
        }
        // Most matching units first; on a tie the edition valid in that year, then the newest.
        self.ds
            .editions
            .iter()
            .enumerate()
            .map(|(order, e)| {
                let matches = e.units.iter().filter(|u| codes.contains(&u.region_code.as_str()));
                (matches.count(), e.covers_year(year), order, e)
            })
            .filter(|(matches, ..)| *matches > 0)
            .max_by_key(|(matches, covers, order, _)| (*matches, *covers, *order))
            .map(|(.., e)| e)
    }

    /// The units that make up `code`: its successors, or for the country the units of the
    /// edition the indicator's values of that year were reported for.
    fn parts(&self, indicator: &str, code: &str, year: i32) -> Vec<&'a str> {
        if code == NATIONAL_CODE {
            return self
                .reported_edition(indicator, year)
                .map(|e| e.units.iter().map(|u| u.region_code.as_str()).collect())
                .unwrap_or_default();
        }
        self.ds
            .lineage
            .iter()
            .find(|l| l.predecessor == code)
            .map(|l| l.successors.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The value of the territory of `code`: its own, else computed from its parts per the
    /// indicator's aggregation. Never a predecessor's value (that is another territory).
    pub(crate) fn territory_value(&self, indicator: &str, code: &str, year: i32) -> Option<f64> {
        self.territory_value_at(indicator, code, year, 0).map(|(v, _)| v)
    }

    /// As `territory_value`, also saying which parts were used (empty when reported).
    fn territory_value_at(
        &self,
        indicator: &str,
        code: &str,
        year: i32,
        depth: usize,
    ) -> Option<(f64, Vec<&'a str>)> {
        if let Some(v) = self.own(indicator, code, year) {
            return Some((v, Vec::new()));
        }
        if depth >= MAX_DEPTH {
            return None;
        }
        let parts = self.parts(indicator, code, year);
        if parts.is_empty() {
            return None;
        }
        let def = self.ds.indicator(indicator)?;
        let value = match &def.aggregation {
            Aggregation::Additive => parts.iter().try_fold(0.0, |sum, part| {
                Some(sum + self.territory_value_at(indicator, part, year, depth + 1)?.0)
            })?,
            Aggregation::Ratio { numerator, denominator, scale } => {
                let n = self.territory_value_at(numerator, code, year, depth + 1)?.0;
                let d = self.territory_value_at(denominator, code, year, depth + 1)?.0;
                if d == 0.0 {
                    return None;
                }
                n / d * scale
            }
            Aggregation::WeightedMean { weight } => {
                let (mut weighted, mut total) = (0.0, 0.0);
                for part in &parts {
                    let v = self.territory_value_at(indicator, part, year, depth + 1)?.0;
                    let w = self.territory_value_at(weight, part, year, depth + 1)?.0;
                    weighted += v * w;
                    total += w;
                }
                if total == 0.0 {
                    return None;
                }
                weighted / total
            }
            Aggregation::None => return None,
        };
        Some((value, parts))
    }

    /// The predecessor whose value covers `code` of `edition` (walking up the lineage), with the
    /// members of its group; None when a member has a value of its own (then the group would
    /// show a value twice).
    fn predecessor_group(
        &self,
        indicator: &str,
        code: &str,
        year: i32,
        edition: &BoundaryEdition,
    ) -> Option<(String, f64, Vec<String>)> {
        let mut current = code;
        for _ in 0..MAX_DEPTH {
            let lineage =
                self.ds.lineage.iter().find(|l| l.successors.iter().any(|s| s == current))?;
            let predecessor = lineage.predecessor.as_str();
            let members = self.descendants_in(predecessor, edition);
            if members.iter().any(|m| self.territory_value(indicator, m, year).is_some()) {
                return None;
            }
            if let Some(v) = self.own(indicator, predecessor, year) {
                return Some((predecessor.to_string(), v, members));
            }
            current = predecessor;
        }
        None
    }

    /// Units of `edition` that came out of `code` through one or more reforms.
    fn descendants_in(&self, code: &str, edition: &BoundaryEdition) -> Vec<String> {
        let mut found = Vec::new();
        let mut pending = vec![code.to_string()];
        let mut steps = 0;
        while let Some(c) = pending.pop() {
            steps += 1;
            if steps > 64 {
                break;
            }
            let Some(lineage) = self.ds.lineage.iter().find(|l| l.predecessor == c) else {
                continue;
            };
            for s in &lineage.successors {
                if edition.unit(s).is_some() {
                    if !found.contains(s) {
                        found.push(s.clone());
                    }
                } else {
                    pending.push(s.clone());
                }
            }
        }
        found.sort();
        found
    }

    /// Every unit of `edition` with its value.
    pub(crate) fn edition_values(
        &self,
        indicator: &str,
        year: i32,
        edition: &BoundaryEdition,
    ) -> EditionValues {
        let units = edition
            .units
            .iter()
            .map(|unit| {
                let code = unit.region_code.as_str();
                if let Some((value, parts)) = self.territory_value_at(indicator, code, year, 0) {
                    let origin = if parts.is_empty() {
                        ValueOrigin::Reported
                    } else {
                        ValueOrigin::FromParts {
                            parts: parts.iter().map(|p| p.to_string()).collect(),
                        }
                    };
                    return UnitValue {
                        code: code.to_string(),
                        value_code: code.to_string(),
                        value: Some(value),
                        origin: Some(origin),
                    };
                }
                match self.predecessor_group(indicator, code, year, edition) {
                    Some((predecessor, value, members)) => UnitValue {
                        code: code.to_string(),
                        value_code: predecessor.clone(),
                        value: Some(value),
                        origin: Some(ValueOrigin::Predecessor { predecessor, members }),
                    },
                    None => UnitValue {
                        code: code.to_string(),
                        value_code: code.to_string(),
                        value: None,
                        origin: None,
                    },
                }
            })
            .collect();
        EditionValues {
            edition: edition.key.clone(),
            indicator: indicator.to_string(),
            year,
            units,
        }
    }

    /// The edition a view draws (see `drawn_edition`).
    pub(crate) fn drawn_edition(
        &self,
        indicator: &str,
        year: i32,
        mode: BoundaryMode,
    ) -> Option<&'a BoundaryEdition> {
        match mode {
            BoundaryMode::Current => self.ds.current_edition(),
            BoundaryMode::AsReported => self
                .reported_edition(indicator, year)
                .or_else(|| self.ds.editions.iter().find(|e| e.covers_year(year)))
                .or_else(|| self.ds.current_edition()),
        }
    }
}

/// The edition whose units the values of `indicator` in `year` were reported for: the one that
/// holds most of the reported codes (on a tie, the edition valid in `year`, then the newest).
/// None when the year has no regional value.
pub fn reported_edition<'a>(
    ds: &'a Dataset,
    indicator: &str,
    year: i32,
) -> Option<&'a BoundaryEdition> {
    Lookup::new(ds, indicator).reported_edition(indicator, year)
}

/// The edition a view of (`indicator`, `year`) draws: in `Current` mode the current edition; as
/// reported the edition of the reported codes, or for a year without data the edition valid in
/// that year (else the current one). None only for a dataset without editions.
pub fn drawn_edition<'a>(
    ds: &'a Dataset,
    indicator: &str,
    year: i32,
    mode: BoundaryMode,
) -> Option<&'a BoundaryEdition> {
    Lookup::new(ds, indicator).drawn_edition(indicator, year, mode)
}

/// Every unit of `edition` with its value of `indicator` in `year` (see the module text for how
/// legacy and split units are filled).
pub fn edition_values(
    ds: &Dataset,
    indicator: &str,
    year: i32,
    edition: &BoundaryEdition,
) -> EditionValues {
    Lookup::new(ds, indicator).edition_values(indicator, year, edition)
}

/// The values a map view of (`indicator`, `year`) shows in `mode`, on the edition it draws.
/// None only for a dataset without editions.
pub fn view_values(
    ds: &Dataset,
    indicator: &str,
    year: i32,
    mode: BoundaryMode,
) -> Option<EditionValues> {
    let lookup = Lookup::new(ds, indicator);
    let edition = lookup.drawn_edition(indicator, year, mode)?;
    Some(lookup.edition_values(indicator, year, edition))
}

/// The value of the territory of `code` (a region, a legacy unit or `KZ`) in `year`: reported,
/// or computed from the units that make it up. Never a predecessor's value.
pub fn unit_value(ds: &Dataset, indicator: &str, code: &str, year: i32) -> Option<f64> {
    Lookup::new(ds, indicator).territory_value(indicator, code, year)
}
