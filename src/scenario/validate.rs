//! Checks that a scenario fits its dataset before it is saved or shown: years in range, every
//! code it names present, no number that would make the projection meaningless.

use std::collections::HashSet;

use super::engine::projected_indicators;
use crate::model::{Aggregation, Dataset, Lang, MAX_HORIZON, NATIONAL_CODE, Scenario, TargetKind};

/// The entry of a scenario a refusal is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// The national growth rate of an indicator.
    NationalRate(String),
    RegionalRate {
        indicator: String,
        region: String,
    },
    Project(String),
    ProjectValue {
        value: ProjectValue,
        code: String,
    },
    Multiplier,
    /// The growth-point lever on an indicator.
    Lever(String),
    /// A target on an indicator.
    Target(String),
    TargetRatio(String),
    TargetValue(String),
}

impl std::fmt::Display for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Entry::NationalRate(indicator) => write!(f, "the national rate of {indicator}"),
            Entry::RegionalRate { indicator, region } => {
                write!(f, "the rate of {indicator} for {region}")
            }
            Entry::Project(code) => write!(f, "project {code}"),
            Entry::ProjectValue { value, code } => write!(f, "{value} of project {code}"),
            Entry::Multiplier => f.write_str("the indirect-jobs multiplier"),
            Entry::Lever(indicator) => write!(f, "the lever on {indicator}"),
            Entry::Target(indicator) => write!(f, "a target on {indicator}"),
            Entry::TargetRatio(indicator) => write!(f, "the target ratio of {indicator}"),
            Entry::TargetValue(indicator) => write!(f, "the target value of {indicator}"),
        }
    }
}

/// A number of a project in a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectValue {
    Jobs,
    Investment,
    AnnualOutput,
}

impl std::fmt::Display for ProjectValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ProjectValue::Jobs => "jobs",
            ProjectValue::Investment => "investment",
            ProjectValue::AnnualOutput => "annual output",
        })
    }
}

/// What is wrong with a scenario. Every message names the scenario and the entry at fault;
/// `Display` is English, `crate::i18n::error_text::scenario_error` words it in each language.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioError {
    #[error("scenario {id}: it has no name in any language")]
    NoName { id: i64 },
    #[error("scenario «{scenario}»: id {id} is not positive")]
    BadId { scenario: String, id: i64 },
    #[error("scenario «{scenario}»: the horizon {horizon} is before the base year {base_year}")]
    HorizonBeforeBase { scenario: String, base_year: i32, horizon: i32 },
    #[error(
        "scenario «{scenario}»: the horizon {horizon} is after {MAX_HORIZON}, the latest allowed"
    )]
    HorizonTooFar { scenario: String, horizon: i32 },
    #[error("scenario «{scenario}»: {what} is {value}, not a finite number")]
    NotFinite { scenario: String, what: Entry, value: f64 },
    #[error(
        "scenario «{scenario}»: growth rate of «{indicator}»: not an additive indicator of the file"
    )]
    NotAdditive { scenario: String, indicator: String },
    #[error("scenario «{scenario}»: «{indicator}» has more than one growth entry")]
    DuplicateGrowth { scenario: String, indicator: String },
    #[error("scenario «{scenario}»: {what} names «{region}», which is not a current region")]
    UnknownRegion { scenario: String, what: Entry, region: String },
    #[error(
        "scenario «{scenario}»: a growth rate of {rate} for {what} means a fall of 100 % or more a \
         year; use a rate above −1"
    )]
    RateTooLow { scenario: String, what: Entry, rate: f64 },
    #[error("scenario «{scenario}»: project {code} is not in the file")]
    UnknownProject { scenario: String, code: String },
    #[error("scenario «{scenario}»: project {code} is listed twice")]
    DuplicateProject { scenario: String, code: String },
    #[error("scenario «{scenario}»: {what} of project {code} is negative ({value})")]
    NegativeProjectValue { scenario: String, code: String, what: ProjectValue, value: f64 },
    #[error("scenario «{scenario}»: the indirect-jobs multiplier {value} is negative")]
    NegativeMultiplier { scenario: String, value: f64 },
    #[error(
        "scenario «{scenario}»: a growth-point lever on «{indicator}»: not an additive indicator of the file"
    )]
    LeverNotAdditive { scenario: String, indicator: String },
    #[error("scenario «{scenario}»: a target on «{indicator}»: the scenario does not project it")]
    UnknownTargetIndicator { scenario: String, indicator: String },
    #[error(
        "scenario «{scenario}»: a target ratio of {ratio} for «{indicator}»: use a ratio above 0"
    )]
    BadRatio { scenario: String, indicator: String, ratio: f64 },
}

impl ScenarioError {
    /// The message in `lang`: the same facts as the English `Display`.
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::error_text::scenario_error(self, lang)
    }
}

/// Checks one scenario against `ds` (it need not be one of `ds.scenarios`; whether its id is
/// unique among them is the caller's concern).
pub fn validate(ds: &Dataset, scenario: &Scenario) -> Result<(), ScenarioError> {
    let id = scenario.id;
    let label = scenario.name.get(Lang::En).to_owned();
    if label.trim().is_empty() {
        return Err(ScenarioError::NoName { id });
    }
    let s = || label.clone();
    if id <= 0 {
        return Err(ScenarioError::BadId { scenario: s(), id });
    }
    if scenario.horizon < scenario.base_year {
        return Err(ScenarioError::HorizonBeforeBase {
            scenario: s(),
            base_year: scenario.base_year,
            horizon: scenario.horizon,
        });
    }
    if scenario.horizon > MAX_HORIZON {
        return Err(ScenarioError::HorizonTooFar { scenario: s(), horizon: scenario.horizon });
    }
    let current: HashSet<&str> = ds
        .current_edition()
        .map(|e| e.units.iter().map(|u| u.region_code.as_str()).collect())
        .unwrap_or_default();
    let additive =
        |key: &str| ds.indicator(key).is_some_and(|d| d.aggregation == Aggregation::Additive);
    let finite = |what: Entry, value: f64| {
        if value.is_finite() {
            Ok(())
        } else {
            Err(ScenarioError::NotFinite { scenario: s(), what, value })
        }
    };
    let rate_ok = |what: Entry, rate: f64| {
        finite(what.clone(), rate)?;
        if rate <= -1.0 {
            return Err(ScenarioError::RateTooLow { scenario: s(), what, rate });
        }
        Ok(())
    };
    let a = &scenario.assumptions;

    let mut seen = HashSet::new();
    for g in &a.growth {
        if !additive(&g.indicator) {
            return Err(ScenarioError::NotAdditive {
                scenario: s(),
                indicator: g.indicator.clone(),
            });
        }
        if !seen.insert(g.indicator.as_str()) {
            return Err(ScenarioError::DuplicateGrowth {
                scenario: s(),
                indicator: g.indicator.clone(),
            });
        }
        rate_ok(Entry::NationalRate(g.indicator.clone()), g.national)?;
        for r in &g.regional {
            let what = Entry::RegionalRate {
                indicator: g.indicator.clone(),
                region: r.region_code.clone(),
            };
            if !current.contains(r.region_code.as_str()) {
                return Err(ScenarioError::UnknownRegion {
                    scenario: s(),
                    what,
                    region: r.region_code.clone(),
                });
            }
            rate_ok(what, r.rate)?;
        }
    }

    let mut seen = HashSet::new();
    for p in &a.projects {
        let code = p.project_code.clone();
        let Some(project) = ds.project(&p.project_code) else {
            return Err(ScenarioError::UnknownProject { scenario: s(), code });
        };
        if !seen.insert(p.project_code.as_str()) {
            return Err(ScenarioError::DuplicateProject { scenario: s(), code });
        }
        if !current.contains(project.region_code.as_str()) {
            return Err(ScenarioError::UnknownRegion {
                scenario: s(),
                what: Entry::Project(code),
                region: project.region_code.clone(),
            });
        }
        for (what, value) in [
            (ProjectValue::Jobs, p.jobs),
            (ProjectValue::Investment, p.investment_million_kzt),
            (ProjectValue::AnnualOutput, p.annual_output_million_kzt),
        ] {
            finite(Entry::ProjectValue { value: what, code: code.clone() }, value)?;
            if value < 0.0 {
                return Err(ScenarioError::NegativeProjectValue {
                    scenario: s(),
                    code,
                    what,
                    value,
                });
            }
        }
    }

    finite(Entry::Multiplier, a.indirect_jobs_multiplier)?;
    if a.indirect_jobs_multiplier < 0.0 {
        return Err(ScenarioError::NegativeMultiplier {
            scenario: s(),
            value: a.indirect_jobs_multiplier,
        });
    }

    for l in &a.growth_point_levers {
        if !additive(&l.indicator) {
            return Err(ScenarioError::LeverNotAdditive {
                scenario: s(),
                indicator: l.indicator.clone(),
            });
        }
        finite(Entry::Lever(l.indicator.clone()), l.extra_rate)?;
    }

    let projected = projected_indicators(ds);
    for t in &a.targets {
        if !projected.iter().any(|d| d.key == t.indicator) {
            return Err(ScenarioError::UnknownTargetIndicator {
                scenario: s(),
                indicator: t.indicator.clone(),
            });
        }
        if t.region_code != NATIONAL_CODE && !current.contains(t.region_code.as_str()) {
            return Err(ScenarioError::UnknownRegion {
                scenario: s(),
                what: Entry::Target(t.indicator.clone()),
                region: t.region_code.clone(),
            });
        }
        match t.kind {
            TargetKind::Ratio { ratio, .. } => {
                finite(Entry::TargetRatio(t.indicator.clone()), ratio)?;
                if ratio <= 0.0 {
                    return Err(ScenarioError::BadRatio {
                        scenario: s(),
                        indicator: t.indicator.clone(),
                        ratio,
                    });
                }
            }
            TargetKind::Absolute { value } => {
                finite(Entry::TargetValue(t.indicator.clone()), value)?;
            }
        }
    }
    Ok(())
}
