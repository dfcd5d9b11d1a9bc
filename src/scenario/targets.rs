//! Whether a projection reaches a target, in which year, and by how much (§7 of
//! `docs/scenarios.md`).

use super::engine::Projection;
use crate::model::{NATIONAL_CODE, Target, TargetKind};

/// How a projection fares against one target.
#[derive(Debug, Clone, PartialEq)]
pub struct Attainment {
    /// The level the target asks for, in the indicator's unit (for a ratio target: the
    /// reference year's value × the ratio).
    pub level: f64,
    /// The projection's value in the target year.
    pub value: f64,
    /// Whether `value` meets `level` in the target year: at least it for an indicator where more
    /// is better, at most it otherwise.
    pub attained: bool,
    /// The first year from the base year on in which the level is met (it may come after the
    /// target year); None when the projection never meets it.
    pub first_year: Option<i32>,
    /// `value − level`, in the indicator's unit.
    pub difference: f64,
    /// `value / level − 1` (None when the level is zero).
    pub relative: Option<f64>,
}

/// Why a target cannot be assessed against a projection. Messages say what to change.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TargetError {
    #[error("the target's indicator «{0}» is not projected by this scenario")]
    UnknownIndicator(String),
    #[error("the target's region «{0}» is not a current region (use KZ for the whole country)")]
    UnknownRegion(String),
    #[error(
        "the target year {year} lies outside the projection ({first}–{last}); move the target \
         year or the scenario's horizon"
    )]
    YearOutside { year: i32, first: i32, last: i32 },
    #[error("no value of {indicator} for {region} in {year}, the target's reference year")]
    NoReference { indicator: String, region: String, year: i32 },
    #[error("the projection has no value of {indicator} for {region} in {year}")]
    NoValue { indicator: String, region: String, year: i32 },
}

/// Assesses `target` against `projection` (§7).
pub fn attainment(projection: &Projection, target: &Target) -> Result<Attainment, TargetError> {
    let Some(def) = projection.indicator(&target.indicator) else {
        return Err(TargetError::UnknownIndicator(target.indicator.clone()));
    };
    let code = target.region_code.as_str();
    if code != NATIONAL_CODE && !projection.regions.iter().any(|r| r == code) {
        return Err(TargetError::UnknownRegion(code.to_owned()));
    }
    let years = projection.years();
    let outside =
        |year: i32| TargetError::YearOutside { year, first: *years.start(), last: *years.end() };
    if !years.contains(&target.year) {
        return Err(outside(target.year));
    }
    let level = match target.kind {
        TargetKind::Absolute { value } => value,
        TargetKind::Ratio { reference_year, ratio } => {
            if !years.contains(&reference_year) {
                return Err(outside(reference_year));
            }
            let Some(reference) = projection.value(code, &target.indicator, reference_year) else {
                return Err(TargetError::NoReference {
                    indicator: target.indicator.clone(),
                    region: code.to_owned(),
                    year: reference_year,
                });
            };
            reference * ratio
        }
    };
    let Some(value) = projection.value(code, &target.indicator, target.year) else {
        return Err(TargetError::NoValue {
            indicator: target.indicator.clone(),
            region: code.to_owned(),
            year: target.year,
        });
    };
    let meets = |v: f64| if def.higher_is_better { v >= level } else { v <= level };
    let first_year = projection
        .projected_years()
        .find(|&y| projection.value(code, &target.indicator, y).is_some_and(meets));
    Ok(Attainment {
        level,
        value,
        attained: meets(value),
        first_year,
        difference: value - level,
        relative: (level != 0.0).then(|| value / level - 1.0),
    })
}
