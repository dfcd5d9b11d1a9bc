//! Scenarios made from the data: the inertial scenario continues each region's compound annual
//! growth over a window of past years with only the projects already operating (§6 of
//! `docs/scenarios.md`); a managed scenario starts as a copy of it.

use crate::analysis::values::Lookup;
use crate::model::{
    Aggregation, Assumptions, Dataset, GrowthRate, NATIONAL_CODE, Names, Project,
    ProjectAssumption, ProjectStatus, RegionalRate, Scenario, ScenarioKind,
};

/// Years over which a project that starts after the base year reaches full output (§3).
pub const DEFAULT_RAMP_UP_YEARS: u32 = 2;
/// Years of construction before a project's first year of operation (§3).
pub const DEFAULT_BUILD_YEARS: u32 = 2;
/// Indirect jobs per direct project job until the planner sets another value (§3).
pub const DEFAULT_INDIRECT_JOBS_MULTIPLIER: f64 = 1.0;
/// Years after the base year assumed for a project under construction without a known year.
pub const UNDER_CONSTRUCTION_START_OFFSET: i32 = 3;
/// Years after the base year assumed for a planned project without a known year.
pub const PLANNED_START_OFFSET: i32 = 5;

/// The past years whose growth an inertial scenario continues (both ends included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryWindow {
    pub first: i32,
    pub last: i32,
}

/// The compound annual growth of the territory `code` between the first and the last year of
/// `window` with a value, with those two years; None with fewer than two such years or a
/// non-positive value.
fn compound_growth(
    lookup: &Lookup,
    indicator: &str,
    code: &str,
    window: HistoryWindow,
) -> Option<(i32, i32, f64)> {
    let mut known = (window.first..=window.last)
        .filter_map(|y| Some((y, lookup.territory_value(indicator, code, y)?)));
    let (first_year, first) = known.next()?;
    let (last_year, last) = known.next_back()?;
    if first <= 0.0 || last <= 0.0 || !first.is_finite() || !last.is_finite() {
        return None;
    }
    let rate = (last / first).powf(1.0 / f64::from(last_year - first_year)) - 1.0;
    Some((first_year, last_year, rate))
}

/// The region itself, then the units it was carved out of, nearest first.
fn territories<'a>(ds: &'a Dataset, code: &'a str) -> Vec<&'a str> {
    let mut chain = vec![code];
    let mut current = code;
    while chain.len() < 8 {
        let Some(l) = ds.lineage.iter().find(|l| l.successors.iter().any(|s| s == current)) else {
            break;
        };
        current = l.predecessor.as_str();
        chain.push(current);
    }
    chain
}

/// A region's growth on comparable boundaries (§6): among the region itself and the units it was
/// carved out of, the one with the longest run of years inside the window (the region itself
/// on a tie).
fn regional_growth(
    lookup: &Lookup,
    ds: &Dataset,
    indicator: &str,
    code: &str,
    window: HistoryWindow,
) -> Option<f64> {
    territories(ds, code)
        .into_iter()
        .filter_map(|t| compound_growth(lookup, indicator, t, window))
        .fold(None, |best: Option<(i32, f64)>, (first, last, rate)| match best {
            Some((span, _)) if span >= last - first => best,
            _ => Some((last - first, rate)),
        })
        .map(|(_, rate)| rate)
}

/// The default assumption for one project of the dataset (§3): its own year, jobs and tenge
/// investment; a year assumed from its status when the source gives none; no output until the
/// planner enters one (no source gives the projects' value added).
pub fn project_assumption(project: &Project, base_year: i32, realised: bool) -> ProjectAssumption {
    let (start_year, ramp_up_years) = match (project.year, project.status) {
        (Some(year), _) => (year, DEFAULT_RAMP_UP_YEARS),
        // Operating since some unknown year: fully in the base year's data already.
        (None, ProjectStatus::Operating) => (base_year, 0),
        (None, ProjectStatus::UnderConstruction) => {
            (base_year + UNDER_CONSTRUCTION_START_OFFSET, DEFAULT_RAMP_UP_YEARS)
        }
        (None, ProjectStatus::Planned | ProjectStatus::Unknown) => {
            (base_year + PLANNED_START_OFFSET, DEFAULT_RAMP_UP_YEARS)
        }
    };
    ProjectAssumption {
        project_code: project.code.clone(),
        realised,
        start_year,
        ramp_up_years,
        jobs: project.jobs.map_or(0.0, f64::from),
        investment_million_kzt: project
            .investment
            .as_ref()
            .and_then(|i| i.million_kzt)
            .unwrap_or(0.0),
        build_years: DEFAULT_BUILD_YEARS,
        annual_output_million_kzt: 0.0,
    }
}

impl Scenario {
    /// The inertial scenario (§6): for every additive indicator, each current region's compound
    /// annual growth over `window` on comparable boundaries (a region that lacks it takes the
    /// national rate), the national default being the country's own growth over the window;
    /// every project of the dataset listed, only the operating ones realised. The id is the next
    /// free one of `ds`. Targets are left to the planner.
    pub fn inertial(ds: &Dataset, base_year: i32, horizon: i32, window: HistoryWindow) -> Scenario {
        let regions: Vec<&str> = ds
            .current_edition()
            .map(|e| e.units.iter().map(|u| u.region_code.as_str()).collect())
            .unwrap_or_default();
        let growth = ds
            .indicators
            .iter()
            .filter(|d| d.aggregation == Aggregation::Additive)
            .map(|d| {
                let lookup = Lookup::new(ds, &d.key);
                let national = compound_growth(&lookup, &d.key, NATIONAL_CODE, window)
                    .map_or(0.0, |(_, _, rate)| rate);
                let regional = regions
                    .iter()
                    .filter_map(|code| {
                        let rate = regional_growth(&lookup, ds, &d.key, code, window)?;
                        Some(RegionalRate { region_code: (*code).to_owned(), rate })
                    })
                    .collect();
                GrowthRate { indicator: d.key.clone(), national, regional }
            })
            .collect();
        let projects = ds
            .projects
            .iter()
            .map(|p| project_assumption(p, base_year, p.status == ProjectStatus::Operating))
            .collect();
        let (first, last) = (window.first, window.last);
        Scenario {
            id: ds.next_scenario_id(),
            name: Names::new(
                format!("{horizon} жылға дейінгі инерциялық сценарий"),
                format!("Инерционный сценарий до {horizon} года"),
                format!("Inertial scenario to {horizon}"),
            ),
            kind: ScenarioKind::Inertial,
            base_year,
            horizon,
            description: Names::new(
                format!(
                    "Әр өңір {first}–{last} жылдардағы орташа жылдық өсу қарқынын (салыстыруға \
                     келетін шекараларда) жалғастырады; тек жұмыс істеп тұрған жобалар ескеріледі."
                ),
                format!(
                    "Каждый регион продолжает свой среднегодовой темп роста {first}–{last} гг. \
                     (в сопоставимых границах); учитываются только действующие проекты."
                ),
                format!(
                    "Each region continues its compound annual growth of {first}–{last} (on \
                     comparable boundaries); only projects already operating are counted."
                ),
            ),
            assumptions: Assumptions {
                growth,
                projects,
                indirect_jobs_multiplier: DEFAULT_INDIRECT_JOBS_MULTIPLIER,
                growth_point_levers: Vec::new(),
                targets: Vec::new(),
            },
        }
    }

    /// A managed scenario that starts as a copy of `self` (its assumptions, years and
    /// description) under the id `id`, named after it.
    pub fn managed_from(&self, id: i64) -> Scenario {
        let name = &self.name;
        Scenario {
            id,
            name: Names::new(
                format!("Басқарылатын: {}", name.get(crate::model::Lang::Kk)),
                format!("Управляемый: {}", name.get(crate::model::Lang::Ru)),
                format!("Managed: {}", name.get(crate::model::Lang::En)),
            ),
            kind: ScenarioKind::Managed,
            ..self.clone()
        }
    }
}
