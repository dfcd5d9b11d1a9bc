//! `project`: a scenario's values for every current region × year × indicator, and the country.
//! Section numbers (§) refer to `docs/scenarios.md`, which states every formula used here.

use std::ops::RangeInclusive;

use super::keys;
use crate::analysis::values::Lookup;
use crate::model::{
    Aggregation, Dataset, GrowthLevel, IndicatorDef, MAX_HORIZON, NATIONAL_CODE, Names, Scenario,
};

/// Labour productivity: GRP per employed person, thousand KZT (§4).
pub const PRODUCTIVITY: &str = "productivity";
/// Jobs at the scenario's projects created since the base year, people (§3).
pub const JOBS_DIRECT: &str = "project_jobs_direct";
/// Jobs in related sectors induced by the direct ones, people (§3).
pub const JOBS_INDIRECT: &str = "project_jobs_indirect";
/// The indicators the engine defines itself (they have no reported values).
pub const DERIVED_INDICATORS: [&str; 3] = [PRODUCTIVITY, JOBS_DIRECT, JOBS_INDIRECT];

/// How far before the base year a region's last reported value may lie; it is then grown to the
/// base year with the scenario's rate (§1).
pub const MAX_ANCHOR_GAP: i32 = 3;

/// How many years before the base year a target may refer to (bounds the history kept).
const MAX_HISTORY: i32 = 60;

/// Which project effect an additive indicator receives (§3).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Effect {
    None,
    /// Gross value added of the projects, million KZT.
    Output,
    /// Construction spending of the projects, million KZT.
    Investment,
    /// Direct and indirect jobs, thousand people.
    Employment,
}

/// How the rows of one projected indicator are obtained. Indices point into the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    /// Base value grown with the scenario's rates, plus project effects (§1–§3).
    Grown(Effect),
    /// `numerator / denominator × scale` (§4).
    Ratio {
        numerator: usize,
        denominator: usize,
        scale: f64,
    },
    /// `100 × (labour force − employed) / labour force` (§4).
    Unemployment {
        labour_force: usize,
        employed: usize,
    },
    JobsDirect,
    JobsIndirect,
}

/// A scenario's projection. Rows are the current regions (in the current edition's order) and
/// the country ([`NATIONAL_CODE`]); columns are the years `first_year..=horizon`. Years before
/// `base_year` hold reported values (needed by targets measured against an earlier year); the
/// base year and later are projected. `None` is "no data", never zero.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub scenario_id: i64,
    pub base_year: i32,
    /// The earliest year held: the base year, or the earliest year a target refers to.
    pub first_year: i32,
    pub horizon: i32,
    /// Codes of the current regions; the country is not among them.
    pub regions: Vec<String>,
    /// The projected indicators: additive ones, ratios of them, then the engine's own.
    pub indicators: Vec<IndicatorDef>,
    /// `[indicator][row][year]`, row `regions.len()` being the country.
    values: Vec<Option<f64>>,
    /// `[indicator][row]`: the year a grown indicator's base value was taken from.
    anchors: Vec<Option<i32>>,
}

impl Projection {
    /// Every year held, history included.
    pub fn years(&self) -> RangeInclusive<i32> {
        self.first_year..=self.horizon
    }

    /// The projected years: base year to horizon.
    pub fn projected_years(&self) -> RangeInclusive<i32> {
        self.base_year..=self.horizon
    }

    fn year_count(&self) -> usize {
        span(self.first_year, self.horizon)
    }

    fn row_count(&self) -> usize {
        self.regions.len() + 1
    }

    fn indicator_index(&self, key: &str) -> Option<usize> {
        self.indicators.iter().position(|d| d.key == key)
    }

    fn row_index(&self, code: &str) -> Option<usize> {
        if code == NATIONAL_CODE {
            return Some(self.regions.len());
        }
        self.regions.iter().position(|r| r == code)
    }

    /// The definition (names, unit, decimals) of a projected indicator.
    pub fn indicator(&self, key: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|d| d.key == key)
    }

    /// The values of `code` (a current region or [`NATIONAL_CODE`]) for `indicator`, one per
    /// year of [`Projection::years`].
    pub fn series(&self, code: &str, indicator: &str) -> Option<&[Option<f64>]> {
        let i = self.indicator_index(indicator)?;
        let row = self.row_index(code)?;
        let n = self.year_count();
        let start = (i * self.row_count() + row) * n;
        self.values.get(start..start + n)
    }

    /// The value of `code` for `indicator` in `year`; None when unknown or outside the years.
    pub fn value(&self, code: &str, indicator: &str, year: i32) -> Option<f64> {
        if !self.years().contains(&year) {
            return None;
        }
        let offset = usize::try_from(year - self.first_year).ok()?;
        self.series(code, indicator)?.get(offset).copied().flatten()
    }

    /// Every current region with its value of `indicator` in `year`, in region order.
    pub fn year_values(&self, indicator: &str, year: i32) -> Vec<(&str, Option<f64>)> {
        self.regions.iter().map(|r| (r.as_str(), self.value(r, indicator, year))).collect()
    }

    /// For an indicator grown from data: the year its base value of `code` was reported for
    /// (the base year, or up to [`MAX_ANCHOR_GAP`] years earlier). None for derived indicators
    /// and for rows without a base value.
    pub fn anchor_year(&self, code: &str, indicator: &str) -> Option<i32> {
        let i = self.indicator_index(indicator)?;
        let row = self.row_index(code)?;
        self.anchors.get(i * self.row_count() + row).copied().flatten()
    }
}

/// Number of years in `first..=last` (0 when empty).
fn span(first: i32, last: i32) -> usize {
    usize::try_from(last - first + 1).unwrap_or(0)
}

/// The share of a project's full output and jobs reached in `year` (§3): 0 before `start`, then
/// rising in equal steps to 1 in the `ramp_up_years`-th year of operation.
pub fn project_share(year: i32, start: i32, ramp_up_years: u32) -> f64 {
    if year < start {
        return 0.0;
    }
    let steps = f64::from(ramp_up_years.max(1));
    (f64::from(year - start + 1) / steps).min(1.0)
}

/// A project's construction spending in `year` (§3): the investment spread evenly over the
/// `build_years` years before `start`, or all in `start` when there are none.
fn investment_flow(year: i32, start: i32, build_years: u32, investment: f64) -> f64 {
    if build_years == 0 {
        return if year == start { investment } else { 0.0 };
    }
    let first = i64::from(start) - i64::from(build_years);
    if i64::from(year) >= first && year < start { investment / f64::from(build_years) } else { 0.0 }
}

/// The definitions of the engine's own indicators, in [`DERIVED_INDICATORS`] order.
fn derived_def(key: &str) -> Option<IndicatorDef> {
    let (names, unit, decimals) = match key {
        PRODUCTIVITY => (
            Names::new(
                "Еңбек өнімділігі (бір жұмыспен қамтылғанға шаққандағы ЖӨӨ)",
                "Производительность труда (ВРП на одного занятого)",
                "Labour productivity (GRP per employed person)",
            ),
            Names::new(
                "мың теңге / адам, ағымдағы бағамен",
                "тыс. тенге на человека, в текущих ценах",
                "thousand KZT per person, current prices",
            ),
            0,
        ),
        JOBS_DIRECT => (
            Names::new(
                "Жобалардағы жаңа жұмыс орындары",
                "Новые рабочие места на проектах",
                "New jobs at projects",
            ),
            Names::new("адам", "человек", "people"),
            0,
        ),
        JOBS_INDIRECT => (
            Names::new(
                "Сабақтас салалардағы жанама жұмыс орындары",
                "Косвенные рабочие места в смежных отраслях",
                "Indirect jobs in related sectors",
            ),
            Names::new("адам", "человек", "people"),
            0,
        ),
        _ => return None,
    };
    Some(IndicatorDef {
        key: key.to_owned(),
        names,
        unit,
        aggregation: match key {
            PRODUCTIVITY => Aggregation::Ratio {
                numerator: keys::GRP.to_owned(),
                denominator: keys::EMPLOYED.to_owned(),
                scale: 1.0,
            },
            _ => Aggregation::Additive,
        },
        higher_is_better: true,
        decimals,
    })
}

/// Which indicators are projected, and how.
fn plan(ds: &Dataset) -> Vec<(IndicatorDef, Rule)> {
    let mut plan: Vec<(IndicatorDef, Rule)> = ds
        .indicators
        .iter()
        .filter(|d| d.aggregation == Aggregation::Additive)
        .map(|d| {
            let effect = match d.key.as_str() {
                keys::GRP => Effect::Output,
                keys::INVESTMENT => Effect::Investment,
                keys::EMPLOYED => Effect::Employment,
                _ => Effect::None,
            };
            (d.clone(), Rule::Grown(effect))
        })
        .collect();
    let grown = |plan: &[(IndicatorDef, Rule)], key: &str| {
        plan.iter().position(|(d, r)| d.key == key && matches!(r, Rule::Grown(_)))
    };
    for d in &ds.indicators {
        if let Aggregation::Ratio { numerator, denominator, scale } = &d.aggregation
            && let (Some(n), Some(m)) = (grown(&plan, numerator), grown(&plan, denominator))
        {
            plan.push((d.clone(), Rule::Ratio { numerator: n, denominator: m, scale: *scale }));
        }
    }
    let (labour_force, employed, grp) =
        (grown(&plan, keys::LABOUR_FORCE), grown(&plan, keys::EMPLOYED), grown(&plan, keys::GRP));
    if let (Some(def), Some(labour_force), Some(employed)) =
        (ds.indicator(keys::UNEMPLOYMENT_RATE), labour_force, employed)
    {
        plan.push((def.clone(), Rule::Unemployment { labour_force, employed }));
    }
    if let (Some(grp), Some(employed), Some(def)) = (grp, employed, derived_def(PRODUCTIVITY)) {
        plan.push((def, Rule::Ratio { numerator: grp, denominator: employed, scale: 1.0 }));
    }
    for (key, rule) in [(JOBS_DIRECT, Rule::JobsDirect), (JOBS_INDIRECT, Rule::JobsIndirect)] {
        if let Some(def) = derived_def(key) {
            plan.push((def, rule));
        }
    }
    plan
}

/// The indicators [`project`] gives for `ds`, in projection order: additive ones (grown), ratios
/// of them, the unemployment rate, then the engine's own ([`DERIVED_INDICATORS`]).
pub fn projected_indicators(ds: &Dataset) -> Vec<IndicatorDef> {
    plan(ds).into_iter().map(|(def, _)| def).collect()
}

/// The projects' effects on each region, as changes against the base year (§3), for the years
/// `base..=horizon`: `[region][year - base]`.
struct Effects {
    years: usize,
    output: Vec<f64>,
    investment: Vec<f64>,
    direct_jobs: Vec<f64>,
}

impl Effects {
    fn new(ds: &Dataset, scenario: &Scenario, regions: &[String], horizon: i32) -> Effects {
        let base = scenario.base_year;
        let years = span(base, horizon);
        let cells = regions.len() * years;
        let mut effects = Effects {
            years,
            output: vec![0.0; cells],
            investment: vec![0.0; cells],
            direct_jobs: vec![0.0; cells],
        };
        for a in scenario.assumptions.projects.iter().filter(|a| a.realised) {
            let Some(project) = ds.project(&a.project_code) else { continue };
            let Some(region) = regions.iter().position(|r| *r == project.region_code) else {
                continue;
            };
            let share_base = project_share(base, a.start_year, a.ramp_up_years);
            let flow_base =
                investment_flow(base, a.start_year, a.build_years, a.investment_million_kzt);
            for (offset, year) in (base..=horizon).enumerate() {
                let cell = region * years + offset;
                let share = project_share(year, a.start_year, a.ramp_up_years) - share_base;
                let flow =
                    investment_flow(year, a.start_year, a.build_years, a.investment_million_kzt)
                        - flow_base;
                if let Some(v) = effects.output.get_mut(cell) {
                    *v += a.annual_output_million_kzt * share;
                }
                if let Some(v) = effects.investment.get_mut(cell) {
                    *v += flow;
                }
                if let Some(v) = effects.direct_jobs.get_mut(cell) {
                    *v += a.jobs * share;
                }
            }
        }
        effects
    }

    /// The change of an indicator receiving `effect` in `region`, `offset` years after the base.
    fn delta(&self, effect: Effect, multiplier: f64, region: usize, offset: usize) -> f64 {
        let cell = region * self.years + offset;
        match effect {
            Effect::None => 0.0,
            Effect::Output => self.output.get(cell).copied().unwrap_or(0.0),
            Effect::Investment => self.investment.get(cell).copied().unwrap_or(0.0),
            Effect::Employment => {
                (1.0 + multiplier) * self.direct_jobs.get(cell).copied().unwrap_or(0.0) / 1000.0
            }
        }
    }

    fn jobs(&self, region: usize, offset: usize) -> f64 {
        self.direct_jobs.get(region * self.years + offset).copied().unwrap_or(0.0)
    }
}

/// `(1 + rate)^years`, with a fall of more than 100 % a year treated as a fall to zero.
fn growth_factor(rate: f64, years: i32) -> f64 {
    (1.0 + rate).max(0.0).powi(years)
}

/// The growth-point levels held by each region.
fn levels_held(ds: &Dataset, regions: &[String]) -> Vec<Vec<GrowthLevel>> {
    regions
        .iter()
        .map(|code| {
            let mut levels: Vec<GrowthLevel> = ds
                .growth_points
                .iter()
                .filter(|g| g.region_code == *code)
                .filter_map(|g| g.level)
                .collect();
            levels.sort();
            levels.dedup();
            levels
        })
        .collect()
}

/// Projects `scenario` over the current regions of `ds` (see `docs/scenarios.md`). Pure and
/// deterministic; a dataset without a current boundary edition gives a projection without rows.
pub fn project(ds: &Dataset, scenario: &Scenario) -> Projection {
    let base = scenario.base_year;
    let horizon = scenario.horizon.min(MAX_HORIZON).max(base);
    let first_year = scenario
        .assumptions
        .targets
        .iter()
        .flat_map(|t| match t.kind {
            crate::model::TargetKind::Ratio { reference_year, .. } => [t.year, reference_year],
            crate::model::TargetKind::Absolute { .. } => [t.year, t.year],
        })
        .fold(base, i32::min)
        .max(base - MAX_HISTORY);
    let regions: Vec<String> = ds
        .current_edition()
        .map(|e| e.units.iter().map(|u| u.region_code.clone()).collect())
        .unwrap_or_default();
    let plan = plan(ds);
    let rows = regions.len() + 1;
    let national = regions.len();
    let years = span(first_year, horizon);
    let history = span(first_year, base - 1);
    let mut values: Vec<Option<f64>> = vec![None; plan.len() * rows * years];
    let mut anchors: Vec<Option<i32>> = vec![None; plan.len() * rows];
    let effects = Effects::new(ds, scenario, &regions, horizon);
    let levels = levels_held(ds, &regions);
    let multiplier = scenario.assumptions.indirect_jobs_multiplier;
    let cell = |indicator: usize, row: usize, year: usize| (indicator * rows + row) * years + year;

    // §1–§3: additive indicators, grown from their base values, with project effects.
    for (i, (def, rule)) in plan.iter().enumerate() {
        let Rule::Grown(effect) = *rule else { continue };
        let lookup = Lookup::new(ds, &def.key);
        let growth = scenario.assumptions.growth_of(&def.key);
        let rate_of = |row: usize, code: &str| {
            let own = growth.map_or(0.0, |g| g.rate_for(code));
            let levers: f64 = scenario
                .assumptions
                .growth_point_levers
                .iter()
                .filter(|l| l.indicator == def.key)
                .filter(|l| levels.get(row).is_some_and(|held| held.contains(&l.level)))
                .map(|l| l.extra_rate)
                .sum();
            own + levers
        };
        let anchor_of = |code: &str| {
            (0..=MAX_ANCHOR_GAP).find_map(|gap| {
                lookup.territory_value(&def.key, code, base - gap).map(|v| (base - gap, v))
            })
        };
        for (row, code) in regions.iter().map(String::as_str).chain([NATIONAL_CODE]).enumerate() {
            for (offset, year) in (first_year..base).enumerate() {
                if let Some(v) = values.get_mut(cell(i, row, offset)) {
                    *v = lookup.territory_value(&def.key, code, year);
                }
            }
            if row == national {
                continue;
            }
            let Some((anchor, value)) = anchor_of(code) else { continue };
            if let Some(a) = anchors.get_mut(i * rows + row) {
                *a = Some(anchor);
            }
            let rate = rate_of(row, code);
            for (offset, year) in (base..=horizon).enumerate() {
                let projected = value * growth_factor(rate, year - anchor)
                    + effects.delta(effect, multiplier, row, offset);
                if let Some(v) = values.get_mut(cell(i, row, history + offset)) {
                    *v = Some(projected);
                }
            }
        }
        // §5: the country is the sum of its regions; where regions lack a base value, the part
        // of the reported national figure they hold grows at the national rate.
        let missing: Vec<usize> = (0..regions.len())
            .filter(|&row| anchors.get(i * rows + row).copied().flatten().is_none())
            .collect();
        let residual = if missing.is_empty() {
            Some(0.0)
        } else {
            anchor_of(NATIONAL_CODE).map(|(anchor, value)| {
                if let Some(a) = anchors.get_mut(i * rows + national) {
                    *a = Some(anchor);
                }
                let reported =
                    value * growth_factor(growth.map_or(0.0, |g| g.national), base - anchor);
                let known: f64 = (0..regions.len())
                    .filter(|row| !missing.contains(row))
                    .filter_map(|row| values.get(cell(i, row, history)).copied().flatten())
                    .sum();
                reported - known
            })
        };
        let Some(residual) = residual else { continue };
        let national_rate = growth.map_or(0.0, |g| g.national);
        for (offset, year) in (base..=horizon).enumerate() {
            let mut total = residual * growth_factor(national_rate, year - base);
            for row in 0..regions.len() {
                total += if missing.contains(&row) {
                    effects.delta(effect, multiplier, row, offset)
                } else {
                    values.get(cell(i, row, history + offset)).copied().flatten().unwrap_or(0.0)
                };
            }
            if let Some(v) = values.get_mut(cell(i, national, history + offset)) {
                *v = Some(total);
            }
        }
    }

    // §3–§4: derived indicators, computed from their parts in every row and year.
    for (i, (_, rule)) in plan.iter().enumerate() {
        for row in 0..rows {
            for offset in 0..years {
                let part = |j: usize| values.get(cell(j, row, offset)).copied().flatten();
                let projected = offset.checked_sub(history);
                let value = match *rule {
                    Rule::Grown(_) => continue,
                    Rule::Ratio { numerator, denominator, scale } => {
                        match (part(numerator), part(denominator)) {
                            (Some(n), Some(d)) if d != 0.0 => Some(n / d * scale),
                            _ => None,
                        }
                    }
                    Rule::Unemployment { labour_force, employed } => {
                        match (part(labour_force), part(employed)) {
                            (Some(lf), Some(e)) if lf > 0.0 => {
                                Some((100.0 * (lf - e) / lf).max(0.0))
                            }
                            _ => None,
                        }
                    }
                    Rule::JobsDirect | Rule::JobsIndirect => projected.map(|offset| {
                        let jobs: f64 = if row == national {
                            (0..regions.len()).map(|r| effects.jobs(r, offset)).sum()
                        } else {
                            effects.jobs(row, offset)
                        };
                        if *rule == Rule::JobsIndirect { jobs * multiplier } else { jobs }
                    }),
                };
                if let Some(v) = values.get_mut(cell(i, row, offset)) {
                    *v = value;
                }
            }
        }
    }

    Projection {
        scenario_id: scenario.id,
        base_year: base,
        first_year,
        horizon,
        regions,
        indicators: plan.into_iter().map(|(def, _)| def).collect(),
        values,
        anchors,
    }
}
