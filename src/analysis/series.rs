//! Rankings of a year and series over the years: one region, the country, the regional median.

use crate::analysis::values::{BoundaryMode, Lookup};
use crate::model::{Dataset, NATIONAL_CODE};

/// One unit's place in the ranking of a year.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedValue {
    /// Code of the unit the value belongs to (`KZ-VOS@2018` for a legacy group).
    pub code: String,
    /// The value shown for the unit.
    pub value: f64,
    /// 1 = highest value; equal values share a rank (1, 2, 2, 4).
    pub rank: usize,
    /// Drawn units this value covers: `[code]`, or every member of a legacy group.
    pub members: Vec<String>,
}

/// Every unit with a value of `indicator` in `year`, as the map view in `mode` shows them,
/// highest value first. A legacy group counts once. Units without data are left out.
pub fn ranking(ds: &Dataset, indicator: &str, year: i32, mode: BoundaryMode) -> Vec<RankedValue> {
    let lookup = Lookup::new(ds, indicator);
    let Some(edition) = lookup.drawn_edition(indicator, year, mode) else {
        return Vec::new();
    };
    ranking_of(&lookup.edition_values(indicator, year, edition).units)
}

/// Groups drawn units by the unit their value belongs to and ranks them, highest first.
pub(crate) fn ranking_of(units: &[crate::analysis::UnitValue]) -> Vec<RankedValue> {
    let mut ranked: Vec<RankedValue> = Vec::new();
    for unit in units {
        let Some(value) = unit.value else { continue };
        match ranked.iter_mut().find(|r| r.code == unit.value_code) {
            Some(entry) => entry.members.push(unit.code.clone()),
            None => ranked.push(RankedValue {
                code: unit.value_code.clone(),
                value,
                rank: 0,
                members: vec![unit.code.clone()],
            }),
        }
    }
    ranked.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.code.cmp(&b.code)));
    let mut previous: Option<(f64, usize)> = None;
    for (i, entry) in ranked.iter_mut().enumerate() {
        entry.rank = match previous {
            Some((value, rank)) if value == entry.value => rank,
            _ => i + 1,
        };
        previous = Some((entry.value, entry.rank));
    }
    ranked
}

/// The series of the territory of `code` (a region or a legacy unit): its reported values, and
/// for a unit that was later split, the years after the split computed from its successors
/// (summed, or recomputed for ratios). Never a predecessor's value, which covers another
/// territory. Ascending years.
pub fn region_series(ds: &Dataset, code: &str, indicator: &str) -> Vec<(i32, f64)> {
    let lookup = Lookup::new(ds, indicator);
    ds.years_of(indicator)
        .into_iter()
        .filter_map(|year| Some((year, lookup.territory_value(indicator, code, year)?)))
        .collect()
}

/// The national series: the reported `KZ` values, or where they are missing the value computed
/// from every region of the year's edition per the indicator's aggregation (only when every
/// region has a value: a partial sum would understate the country). Ascending years.
pub fn national_series(ds: &Dataset, indicator: &str) -> Vec<(i32, f64)> {
    region_series(ds, NATIONAL_CODE, indicator)
}

/// The median over the regions of each year, as reported (a legacy group counts once).
/// Ascending years; years without a regional value are left out.
pub fn median_series(ds: &Dataset, indicator: &str) -> Vec<(i32, f64)> {
    let lookup = Lookup::new(ds, indicator);
    ds.years_of(indicator)
        .into_iter()
        .filter_map(|year| {
            let edition = lookup.drawn_edition(indicator, year, BoundaryMode::AsReported)?;
            let values = lookup.edition_values(indicator, year, edition);
            let mut v: Vec<f64> = ranking_of(&values.units).iter().map(|r| r.value).collect();
            Some((year, median(&mut v)?))
        })
        .collect()
}

/// The median of `values` (mean of the middle two for an even count); None when empty.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let upper = *values.get(n / 2)?;
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = *values.get(n / 2 - 1)?;
    Some((lower + upper) / 2.0)
}
