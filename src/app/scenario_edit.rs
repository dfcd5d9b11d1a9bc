//! Pure edits of one scenario for the assumptions editor: each takes the scenario as it is and
//! returns the edited copy (None when the edit does not apply), which the editor sends as
//! `Action::PreviewScenario` while a value is dragged and `Action::UpdateScenario` when it is
//! made. Nothing here validates: `scenario::validate` does that before the file is written.

use std::ops::RangeInclusive;

use crate::model::{
    Aggregation, Dataset, GrowthLevel, GrowthPointLever, Lang, MAX_HORIZON, NATIONAL_CODE, Names,
    ProjectAssumption, Scenario, ScenarioKind, Target, TargetKind,
};
use crate::scenario::{self, HistoryWindow};

/// Extra growth a new growth-point lever starts with: one percentage point a year.
pub const NEW_LEVER_EXTRA_RATE: f64 = 0.01;
/// Ratio a new target starts with (against the base year).
pub const NEW_TARGET_RATIO: f64 = 1.5;
/// The indicator new levers and targets start with when the scenario has it.
const PREFERRED_INDICATOR: &str = scenario::keys::GRP;

/// The horizons scenario `s` may have: the year after its base year to [`MAX_HORIZON`].
pub fn horizon_range(s: &Scenario) -> RangeInclusive<i32> {
    let first = (s.base_year + 1).min(MAX_HORIZON);
    first..=MAX_HORIZON
}

/// `s` of kind `kind`.
pub fn with_kind(s: &Scenario, kind: ScenarioKind) -> Scenario {
    Scenario { kind, ..s.clone() }
}

/// `s` starting from `base_year`; its horizon moves up to the next year when it would no longer
/// lie after the base year.
pub fn with_base_year(s: &Scenario, base_year: i32) -> Scenario {
    let mut next = Scenario { base_year, ..s.clone() };
    next.horizon = next.horizon.clamp(*horizon_range(&next).start(), MAX_HORIZON);
    next
}

/// `s` projected to `horizon`, kept within [`horizon_range`].
pub fn with_horizon(s: &Scenario, horizon: i32) -> Scenario {
    let range = horizon_range(s);
    Scenario { horizon: horizon.clamp(*range.start(), *range.end()), ..s.clone() }
}

/// `s` with the description `text`, stored in `lang` only (like a renamed scenario's name) so
/// that the planner's words show in every language; an empty text clears the description.
pub fn with_description(s: &Scenario, text: &str, lang: Lang) -> Scenario {
    let text = text.trim();
    let description = match lang {
        _ if text.is_empty() => Names::default(),
        Lang::Kk => Names::new(text, "", ""),
        Lang::Ru => Names::new("", text, ""),
        Lang::En => Names::new("", "", text),
    };
    Scenario { description, ..s.clone() }
}

/// `s` without region `region`'s own rate of `indicator`, so the region follows the national
/// default again; None when the region has no own rate of it.
pub fn without_override(s: &Scenario, indicator: &str, region: &str) -> Option<Scenario> {
    let mut next = s.clone();
    let growth = next.assumptions.growth.iter_mut().find(|g| g.indicator == indicator)?;
    let before = growth.regional.len();
    growth.regional.retain(|r| r.region_code != region);
    (growth.regional.len() < before).then_some(next)
}

/// The window of past years a scenario's rates are taken from unless the planner picks
/// another: the [`scenario::DEFAULT_WINDOW_YEARS`] years up to its base year, as §8 of
/// docs/scenarios.md has it for the shipped scenarios.
pub fn default_history_window(s: &Scenario) -> HistoryWindow {
    HistoryWindow { first: s.base_year - scenario::DEFAULT_WINDOW_YEARS, last: s.base_year }
}

/// The years a history window of scenario `s` may span: from the first year of the data to the
/// scenario's base year (empty when the data have no year that early).
pub fn history_years(ds: &Dataset, s: &Scenario) -> RangeInclusive<i32> {
    let first = ds.values.iter().map(|v| v.year).min().unwrap_or(s.base_year);
    first..=s.base_year
}

/// `s` with every growth rate — national defaults and regional rates — replaced by the compound
/// annual growth over `window` on comparable boundaries, as an inertial scenario is made (§6 of
/// docs/scenarios.md); projects, multiplier, levers and targets stay. None when the window is
/// shorter than two years or leaves [`history_years`].
pub fn with_rates_from_history(
    ds: &Dataset,
    s: &Scenario,
    window: HistoryWindow,
) -> Option<Scenario> {
    let years = history_years(ds, s);
    if window.first >= window.last
        || !years.contains(&window.first)
        || !years.contains(&window.last)
    {
        return None;
    }
    let derived = Scenario::inertial(ds, s.base_year, s.horizon, window);
    let mut next = s.clone();
    next.assumptions.growth = derived.assumptions.growth;
    Some(next)
}

/// `s` with `multiplier` indirect jobs per direct project job.
pub fn with_multiplier(s: &Scenario, multiplier: f64) -> Scenario {
    let mut next = s.clone();
    next.assumptions.indirect_jobs_multiplier = multiplier;
    next
}

/// How project `code` enters `s`: the scenario's own assumption (true), or — when it has none —
/// the default one made from the project record for the scenario's base year, not realised
/// (false). None for a code the dataset does not know.
pub fn project_assumption_of(
    ds: &Dataset,
    s: &Scenario,
    code: &str,
) -> Option<(ProjectAssumption, bool)> {
    if let Some(own) = s.assumptions.projects.iter().find(|a| a.project_code == code) {
        return Some((own.clone(), true));
    }
    let project = ds.project(code)?;
    Some((scenario::project_assumption(project, s.base_year, false), false))
}

/// `s` with `assumption` replacing the one of its project (or added after the others).
pub fn with_project(s: &Scenario, assumption: ProjectAssumption) -> Scenario {
    let mut next = s.clone();
    let projects = &mut next.assumptions.projects;
    match projects.iter_mut().find(|a| a.project_code == assumption.project_code) {
        Some(slot) => *slot = assumption,
        None => projects.push(assumption),
    }
    next
}

/// `s` with project `code` realised or not; a project the scenario does not list yet is added
/// with the defaults of its record. None for a code the dataset does not know.
pub fn with_realised(ds: &Dataset, s: &Scenario, code: &str, realised: bool) -> Option<Scenario> {
    let (assumption, _) = project_assumption_of(ds, s, code)?;
    Some(with_project(s, ProjectAssumption { realised, ..assumption }))
}

/// The additive indicators `s` grows, in its order: the ones a lever can act on.
pub fn lever_indicators<'a>(ds: &Dataset, s: &'a Scenario) -> Vec<&'a str> {
    s.assumptions
        .growth
        .iter()
        .map(|g| g.indicator.as_str())
        .filter(|key| ds.indicator(key).is_some_and(|d| d.aggregation == Aggregation::Additive))
        .collect()
}

/// `s` with one more growth-point lever: the first level and indicator (GRP first) it has no
/// lever for yet, at [`NEW_LEVER_EXTRA_RATE`]. None when it grows no additive indicator.
pub fn with_new_lever(ds: &Dataset, s: &Scenario) -> Option<Scenario> {
    let mut indicators = lever_indicators(ds, s);
    indicators.sort_by_key(|key| *key != PREFERRED_INDICATOR);
    let first = *indicators.first()?;
    let levels = [GrowthLevel::First, GrowthLevel::Second, GrowthLevel::Third];
    let taken = |level: GrowthLevel, key: &str| {
        s.assumptions.growth_point_levers.iter().any(|l| l.level == level && l.indicator == key)
    };
    let (level, indicator) = indicators
        .iter()
        .flat_map(|key| levels.iter().map(move |level| (*level, *key)))
        .find(|(level, key)| !taken(*level, key))
        .unwrap_or((GrowthLevel::First, first));
    let mut next = s.clone();
    next.assumptions.growth_point_levers.push(GrowthPointLever {
        level,
        indicator: indicator.to_owned(),
        extra_rate: NEW_LEVER_EXTRA_RATE,
    });
    Some(next)
}

/// `s` with lever number `index` replaced by `lever`; None for an index it does not have.
pub fn with_lever(s: &Scenario, index: usize, lever: GrowthPointLever) -> Option<Scenario> {
    let mut next = s.clone();
    *next.assumptions.growth_point_levers.get_mut(index)? = lever;
    Some(next)
}

/// `s` without lever number `index`; None for an index it does not have.
pub fn without_lever(s: &Scenario, index: usize) -> Option<Scenario> {
    let mut next = s.clone();
    let levers = &mut next.assumptions.growth_point_levers;
    (index < levers.len()).then(|| levers.remove(index))?;
    Some(next)
}

/// `s` with one more target: the country's GRP (or the first projected indicator)
/// [`NEW_TARGET_RATIO`] times its base-year value by the horizon. None when the dataset projects
/// nothing.
pub fn with_new_target(ds: &Dataset, s: &Scenario) -> Option<Scenario> {
    let projected = scenario::projected_indicators(ds);
    let indicator = projected
        .iter()
        .find(|d| d.key == PREFERRED_INDICATOR)
        .or_else(|| projected.first())?
        .key
        .clone();
    let mut next = s.clone();
    next.assumptions.targets.push(Target {
        indicator,
        region_code: NATIONAL_CODE.to_owned(),
        kind: TargetKind::Ratio { reference_year: s.base_year, ratio: NEW_TARGET_RATIO },
        year: s.horizon,
        source: String::new(),
    });
    Some(next)
}

/// `s` with target number `index` replaced by `target`; None for an index it does not have.
pub fn with_target(s: &Scenario, index: usize, target: Target) -> Option<Scenario> {
    let mut next = s.clone();
    *next.assumptions.targets.get_mut(index)? = target;
    Some(next)
}

/// `s` without target number `index`; None for an index it does not have.
pub fn without_target(s: &Scenario, index: usize) -> Option<Scenario> {
    let mut next = s.clone();
    let targets = &mut next.assumptions.targets;
    (index < targets.len()).then(|| targets.remove(index))?;
    Some(next)
}

/// `target` asking for an absolute level (`absolute`) or a ratio, the same level where it can
/// be said both ways: `base_value` is the value of the target's indicator and region in
/// `base_year`. A ratio becomes `ratio × base_value`; a level becomes `value / base_value`
/// against `base_year` (1 without a positive base value).
pub fn with_target_kind(
    target: &Target,
    absolute: bool,
    base_value: Option<f64>,
    base_year: i32,
) -> Target {
    let base = base_value.filter(|v| v.is_finite() && *v > 0.0);
    let kind = match (target.kind, absolute) {
        (TargetKind::Ratio { ratio, reference_year }, true) => {
            // The level is only known against the base year's value.
            let value = base.filter(|_| reference_year == base_year).map_or(0.0, |b| b * ratio);
            TargetKind::Absolute { value }
        }
        (TargetKind::Absolute { value }, false) => {
            TargetKind::Ratio { reference_year: base_year, ratio: base.map_or(1.0, |b| value / b) }
        }
        (kind, _) => kind,
    };
    Target { kind, ..target.clone() }
}

/// A number as a planner types it in `lang`: decimal comma in Kazakh and Russian (a point is
/// accepted too), thousands grouped with spaces (or commas in English), a minus sign or a
/// hyphen, a trailing `%` or unit ignored. None when no number is there.
pub fn parse_number(text: &str, lang: Lang) -> Option<f64> {
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '0'..='9' | '.' => clean.push(c),
            '−' | '-' | '–' if clean.is_empty() => clean.push('-'),
            ',' if lang == Lang::En => {}
            ',' => clean.push('.'),
            '+' if clean.is_empty() => {}
            c if c.is_whitespace() => {}
            // A suffix (`%`, `×`, a unit) ends the number.
            _ => break,
        }
    }
    let value: f64 = clean.parse().ok()?;
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::scenarios::with_rate;

    fn dataset() -> Dataset {
        crate::io::default_dataset::build().expect("default dataset")
    }

    fn inertial(ds: &Dataset) -> Scenario {
        ds.scenarios.first().expect("inertial").clone()
    }

    #[test]
    fn the_horizon_stays_after_the_base_year_and_within_2050() {
        let ds = dataset();
        let s = inertial(&ds);
        assert_eq!((s.base_year, s.horizon), (2023, 2030));
        assert_eq!(horizon_range(&s), 2024..=2050);
        assert_eq!(with_horizon(&s, 2035).horizon, 2035);
        assert_eq!(with_horizon(&s, 2070).horizon, 2050);
        assert_eq!(with_horizon(&s, 2000).horizon, 2024);
        let later = with_base_year(&with_horizon(&s, 2024), 2024);
        assert_eq!((later.base_year, later.horizon), (2024, 2025));
        let earlier = with_base_year(&s, 2020);
        assert_eq!((earlier.base_year, earlier.horizon), (2020, 2030));
        assert_eq!(with_kind(&s, ScenarioKind::Custom).kind, ScenarioKind::Custom);
    }

    #[test]
    fn the_base_years_offered_are_those_with_population_and_grp_for_every_region() {
        let ds = dataset();
        // Abay, Jetisu and Ulytau exist since 2022: earlier years lack three regions.
        assert_eq!(scenario::base_years(&ds), vec![2022, 2023]);
        assert_eq!(scenario::default_base_year(&ds), Some(2023));
    }

    #[test]
    fn a_description_is_kept_in_the_view_language_and_shows_in_every_language() {
        let ds = dataset();
        let s = with_description(&inertial(&ds), "  Жаңа жоспар\nекінші жол ", Lang::Kk);
        assert_eq!(s.description, Names::new("Жаңа жоспар\nекінші жол", "", ""));
        for lang in Lang::ALL {
            assert_eq!(s.description.get(lang), "Жаңа жоспар\nекінші жол");
        }
        assert_eq!(with_description(&s, "  ", Lang::En).description, Names::default());
    }

    #[test]
    fn rates_from_a_chosen_window_of_history_replace_every_rate_and_keep_the_rest() {
        let ds = dataset();
        let managed = ds.scenarios.get(1).expect("managed").clone();
        // The shipped scenarios take the growth of 2018–2023: the default window gives it back.
        let window = default_history_window(&managed);
        assert_eq!(window, HistoryWindow { first: 2018, last: 2023 });
        let same = with_rates_from_history(&ds, &managed, window).expect("a valid window");
        assert_eq!(same, managed);

        // 2020–2023: Akmola (boundaries unchanged) continues its own growth of those three years.
        let window = HistoryWindow { first: 2020, last: 2023 };
        let s = with_rates_from_history(&ds, &managed, window).expect("a valid window");
        let grp = |year| ds.value("KZ-AKM", "grp", year).expect("reported");
        let expected = (grp(2023) / grp(2020)).powf(1.0 / 3.0) - 1.0;
        let rate = s.assumptions.growth_of("grp").expect("grp").rate_for("KZ-AKM");
        assert!((rate - expected).abs() < 1e-12, "{rate} vs {expected}");
        assert_ne!(s.assumptions.growth, managed.assumptions.growth);
        // Projects, multiplier, levers and targets are the managed scenario's own.
        let rest = |x: &Scenario| {
            let a = &x.assumptions;
            (
                a.projects.clone(),
                a.indirect_jobs_multiplier,
                a.growth_point_levers.clone(),
                a.targets.clone(),
            )
        };
        assert_eq!(rest(&s), rest(&managed));
        assert_eq!((s.id, s.kind, &s.name), (managed.id, managed.kind, &managed.name));
        assert_eq!(scenario::validate(&ds, &s), Ok(()));

        // A window of one year, reversed, or past the base year gives nothing.
        // The default data start in 2010.
        assert_eq!(history_years(&ds, &managed), 2010..=2023);
        for (a, b) in [(2021, 2021), (2023, 2020), (2020, 2024), (2009, 2023)] {
            let window = HistoryWindow { first: a, last: b };
            assert!(with_rates_from_history(&ds, &managed, window).is_none(), "{a}–{b}");
        }
    }

    #[test]
    fn clearing_an_override_brings_back_the_national_default() {
        let ds = dataset();
        let s = with_rate(&inertial(&ds), "grp", Some("KZ-AKM"), 0.09).expect("grp grown");
        let national = s.assumptions.growth_of("grp").expect("grp").national;
        let cleared = without_override(&s, "grp", "KZ-AKM").expect("Akmola had its own rate");
        let g = cleared.assumptions.growth_of("grp").expect("grp");
        assert_eq!(g.rate_for("KZ-AKM"), national);
        assert!(g.regional.iter().all(|r| r.region_code != "KZ-AKM"));
        // Every other region keeps its own rate.
        let before = s.assumptions.growth_of("grp").expect("grp").regional.len();
        assert_eq!(g.regional.len(), before - 1);
        assert!(without_override(&cleared, "grp", "KZ-AKM").is_none());
        assert!(without_override(&s, "no_such_indicator", "KZ-AKM").is_none());
    }

    #[test]
    fn a_project_the_scenario_does_not_list_is_added_from_its_record_when_realised() {
        let ds = dataset();
        let mut s = inertial(&ds);
        s.assumptions.projects.retain(|a| a.project_code != "OTH-02");
        let (default, listed) = project_assumption_of(&ds, &s, "OTH-02").expect("known");
        assert!(!listed);
        assert_eq!(
            default,
            ProjectAssumption {
                project_code: "OTH-02".into(),
                realised: false,
                // Planned without a year: five years after the base year 2023.
                start_year: 2028,
                ramp_up_years: scenario::DEFAULT_RAMP_UP_YEARS,
                jobs: 400.0,
                investment_million_kzt: 40_800.0,
                build_years: scenario::DEFAULT_BUILD_YEARS,
                annual_output_million_kzt: 0.0,
            }
        );
        let count = s.assumptions.projects.len();
        let added = with_realised(&ds, &s, "OTH-02", true).expect("known");
        assert_eq!(added.assumptions.projects.len(), count + 1);
        let (row, listed) = project_assumption_of(&ds, &added, "OTH-02").expect("known");
        assert!(listed && row.realised);
        let dropped = with_realised(&ds, &added, "OTH-02", false).expect("known");
        assert_eq!(dropped.assumptions.projects.len(), count + 1);
        assert!(!project_assumption_of(&ds, &dropped, "OTH-02").expect("known").0.realised);
        let later = with_project(&dropped, ProjectAssumption { start_year: 2027, ..row });
        assert_eq!(later.assumptions.projects.len(), count + 1);
        assert_eq!(project_assumption_of(&ds, &later, "OTH-02").expect("known").0.start_year, 2027);
        assert!(with_realised(&ds, &s, "NO-SUCH", true).is_none());
    }

    #[test]
    fn new_levers_take_the_first_free_level_of_grp_and_can_be_edited_and_removed() {
        let ds = dataset();
        let s = inertial(&ds);
        assert!(s.assumptions.growth_point_levers.is_empty());
        let one = with_new_lever(&ds, &s).expect("grows GRP");
        let two = with_new_lever(&ds, &one).expect("grows GRP");
        let levers = &two.assumptions.growth_point_levers;
        let pairs: Vec<(GrowthLevel, &str, f64)> =
            levers.iter().map(|l| (l.level, l.indicator.as_str(), l.extra_rate)).collect();
        assert_eq!(
            pairs,
            vec![(GrowthLevel::First, "grp", 0.01), (GrowthLevel::Second, "grp", 0.01)]
        );
        let edited = with_lever(
            &two,
            1,
            GrowthPointLever {
                level: GrowthLevel::Third,
                indicator: "population".into(),
                extra_rate: 0.002,
            },
        )
        .expect("has two");
        let removed = without_lever(&edited, 0).expect("has two");
        assert_eq!(
            removed.assumptions.growth_point_levers,
            vec![GrowthPointLever {
                level: GrowthLevel::Third,
                indicator: "population".into(),
                extra_rate: 0.002
            }]
        );
        assert!(without_lever(&removed, 1).is_none());
        assert!(
            with_lever(
                &removed,
                3,
                GrowthPointLever { ..removed.assumptions.growth_point_levers[0].clone() }
            )
            .is_none()
        );
        assert_eq!(with_multiplier(&s, 2.5).assumptions.indirect_jobs_multiplier, 2.5);
    }

    #[test]
    fn a_new_target_asks_for_half_again_the_countrys_grp_by_the_horizon() {
        let ds = dataset();
        let s = inertial(&ds);
        let count = s.assumptions.targets.len();
        let next = with_new_target(&ds, &s).expect("GRP projected");
        let t = next.assumptions.targets.last().expect("added").clone();
        assert_eq!(next.assumptions.targets.len(), count + 1);
        assert_eq!(
            t,
            Target {
                indicator: "grp".into(),
                region_code: "KZ".into(),
                kind: TargetKind::Ratio { reference_year: 2023, ratio: 1.5 },
                year: 2030,
                source: String::new(),
            }
        );
        let later = with_target(&next, count, Target { year: 2029, ..t.clone() }).expect("there");
        assert_eq!(later.assumptions.targets.get(count).map(|t| t.year), Some(2029));
        let gone = without_target(&later, count).expect("there");
        assert_eq!(gone.assumptions.targets, s.assumptions.targets);
        assert!(without_target(&gone, count).is_none());
    }

    #[test]
    fn switching_a_target_between_ratio_and_level_keeps_the_level_it_asks_for() {
        let t = Target {
            indicator: "grp".into(),
            region_code: "KZ".into(),
            kind: TargetKind::Ratio { reference_year: 2023, ratio: 1.5 },
            year: 2030,
            source: "plan".into(),
        };
        let level = with_target_kind(&t, true, Some(200.0), 2023);
        assert_eq!(level.kind, TargetKind::Absolute { value: 300.0 });
        assert_eq!(level.source, "plan");
        let back = with_target_kind(&level, false, Some(200.0), 2023);
        assert_eq!(back.kind, TargetKind::Ratio { reference_year: 2023, ratio: 1.5 });
        assert_eq!(
            with_target_kind(&level, false, None, 2023).kind,
            TargetKind::Ratio { reference_year: 2023, ratio: 1.0 }
        );
        // Against another year than the base year the level is not known: it starts at 0.
        let old = Target { kind: TargetKind::Ratio { reference_year: 2019, ratio: 2.0 }, ..t };
        assert_eq!(
            with_target_kind(&old, true, Some(200.0), 2023).kind,
            TargetKind::Absolute { value: 0.0 }
        );
        assert_eq!(with_target_kind(&old, false, Some(200.0), 2023), old);
    }

    #[test]
    fn numbers_are_read_as_each_language_writes_them() {
        assert_eq!(parse_number("1\u{a0}234,5", Lang::Ru), Some(1234.5));
        assert_eq!(parse_number("1 234.5", Lang::Kk), Some(1234.5));
        assert_eq!(parse_number("1,234.5", Lang::En), Some(1234.5));
        assert_eq!(parse_number("−2,75 %", Lang::Ru), Some(-2.75));
        assert_eq!(parse_number("+3.5 % a year", Lang::En), Some(3.5));
        assert_eq!(parse_number("×1,7", Lang::Kk), None);
        assert_eq!(parse_number("abc", Lang::En), None);
        assert_eq!(parse_number("", Lang::En), None);
    }
}
