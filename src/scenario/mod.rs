//! The scenario engine: a pure, deterministic function from a dataset and a scenario to a
//! projection of every current region × year × indicator, with the country's totals, and the
//! attainment of a scenario's targets. The formulas are written down in `docs/scenarios.md`;
//! this module is their implementation and does no I/O.
//!
//! - [`project`] projects additive indicators with growth rates, adds the effects of the realised
//!   projects, and computes derived indicators (per capita, productivity, unemployment, project
//!   jobs) from their parts;
//! - `Scenario::inertial` derives an inertial scenario from history (each region's compound annual
//!   growth over a window of past years); `Scenario::managed_from` copies it as the start of a
//!   managed one;
//! - [`default_scenarios`] builds the pair the default database ships;
//! - [`attainment`] tells whether, when and by how much a target is reached;
//! - [`validate`] checks a scenario against its dataset before it is saved.

mod defaults;
mod derive;
mod engine;
mod targets;
mod validate;

pub use defaults::{
    DEFAULT_HORIZON, DEFAULT_WINDOW_YEARS, base_years, default_base_year, default_scenarios,
    default_slides,
};
pub use derive::{
    DEFAULT_BUILD_YEARS, DEFAULT_INDIRECT_JOBS_MULTIPLIER, DEFAULT_RAMP_UP_YEARS, HistoryWindow,
    PLANNED_START_OFFSET, UNDER_CONSTRUCTION_START_OFFSET, project_assumption,
};
pub use engine::{
    DERIVED_INDICATORS, JOBS_DIRECT, JOBS_INDIRECT, MAX_ANCHOR_GAP, PRODUCTIVITY, Projection,
    project, project_share, projected_indicators,
};
pub use targets::{Attainment, TargetError, attainment};
pub use validate::{Entry, ProjectValue, ScenarioError, validate};

/// The scenario named `name` in any of its three languages, ignoring case, the kind of dash and
/// repeated spaces (`inertial scenario to 2030` finds «Inertial scenario to 2030»).
pub fn find_by_name<'a>(
    scenarios: &'a [crate::model::Scenario],
    name: &str,
) -> Option<&'a crate::model::Scenario> {
    let normal = |text: &str| {
        text.split_whitespace()
            .map(|word| {
                word.chars()
                    .map(|c| if matches!(c, '–' | '—' | '‐' | '‑' | '−') { '-' } else { c })
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let wanted = normal(name);
    scenarios.iter().find(|s| {
        [&s.name.kk, &s.name.ru, &s.name.en]
            .into_iter()
            .any(|n| !n.is_empty() && normal(n) == wanted)
    })
}

/// The end of the message for a scenario name the file does not have: the names it has, in the
/// planner's language («A», «B»), or how to make one when it has none (a file written before
/// scenarios existed keeps none until the planner adds one).
pub fn known_names_message(known: &[String]) -> String {
    if known.is_empty() {
        return "the file has none: open it in Oblys and make one on the Scenarios screen \
                (New inertial)"
            .to_owned();
    }
    let names = known.iter().map(|n| format!("«{n}»")).collect::<Vec<_>>().join(", ");
    format!("the file has: {names}")
}

/// Keys of the dataset's indicators the engine gives a meaning to (see `docs/scenarios.md`).
pub mod keys {
    /// Resident population, people.
    pub const POPULATION: &str = "population";
    /// Gross regional product, million KZT at current prices.
    pub const GRP: &str = "grp";
    /// Employed population, thousand people.
    pub const EMPLOYED: &str = "employed";
    /// Labour force, thousand people.
    pub const LABOUR_FORCE: &str = "labour_force";
    /// Unemployment rate, % of the labour force.
    pub const UNEMPLOYMENT_RATE: &str = "unemployment_rate";
    /// Investment in fixed capital, million KZT at current prices.
    pub const INVESTMENT: &str = "investment_fixed_capital";
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;
