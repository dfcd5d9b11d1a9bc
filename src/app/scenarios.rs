//! The scenario screens' state and models: each scenario's projection (recomputed whenever the
//! scenarios change: ≈0.2 ms for both shipped ones), the comparison of two sides (a scenario or
//! the actual data) in one year — two scenes on one colour scale, the difference map, a chart of
//! the selected region over the years and a sortable table of A, B and B − A per region — and
//! the pure edits that make a new scenario from an old one.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::app::derived::display_name;
use crate::i18n::UiText;
use crate::i18n::scenario_ui_text::{ScenarioUiText, copy_name};
use crate::i18n::{format_number, scenario_text};
pub use crate::map::difference::DifferenceMode;
use crate::map::difference::{self, DifferenceLayer};
use crate::map::projected::{
    RegionValue, ValueLayer, actual_values, projection_values, shared_classes, value_scene,
};
use crate::map::{LegendItem, MapGeometry, Scene};
use crate::model::{Dataset, IndicatorDef, Lang, NATIONAL_CODE, Names, RegionalRate, Scenario};
use crate::scenario::{self, HistoryWindow, Projection};

/// The indicator a comparison shows first when the scenarios project it.
const PREFERRED_INDICATOR: &str = "grp";
/// Step of the rate buttons: half a percentage point a year.
pub const RATE_STEP: f64 = 0.005;

/// Which of the two main screens fills the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// The map of reported data with its charts and table.
    #[default]
    Map,
    /// The scenario list and the comparison of two scenarios.
    Scenarios,
    /// Regions by potential: the typology's classes, clusters and class changes.
    Potential,
}

/// Which view fills the scenario screen beside the scenario list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScenarioTab {
    /// Two scenarios (or a scenario and the data) side by side, with their difference.
    #[default]
    Compare,
    /// The selected scenario's assumptions: rates, projects, levers, targets.
    Assumptions,
    /// Every target of every scenario: attained or not, when, by how much.
    Targets,
}

impl ScenarioTab {
    pub const ALL: [ScenarioTab; 3] =
        [ScenarioTab::Compare, ScenarioTab::Assumptions, ScenarioTab::Targets];
}

/// One side of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// What one side of a comparison shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The reported values (or those computed from a region's parts) on today's boundaries.
    Actual,
    /// The projection of the scenario with this id.
    Scenario(i64),
}

/// Which column the comparison table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareSortKey {
    #[default]
    Name,
    A,
    B,
    /// B − A.
    Difference,
}

/// Sort column and direction of the comparison table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompareSort {
    pub key: CompareSortKey,
    pub descending: bool,
}

impl CompareSort {
    /// The same column again flips the direction; a new value column starts highest first.
    pub fn toggled(self, key: CompareSortKey) -> CompareSort {
        if key == self.key {
            CompareSort { key, descending: !self.descending }
        } else {
            CompareSort { key, descending: key != CompareSortKey::Name }
        }
    }
}

/// One region of the comparison table, numbers and their texts in the view's language.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub code: String,
    pub name: String,
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// B − A where both are known.
    pub difference: Option<f64>,
    pub a_text: String,
    pub b_text: String,
    /// Signed: "+1 234,5", "−12,0", "0,0".
    pub difference_text: String,
    /// B / A − 1 in per cent where both are known and A is not 0 (0 when unchanged).
    pub change: Option<f64>,
    /// Signed, with "%": "+3,2 %".
    pub change_text: String,
}

impl CompareRow {
    /// The difference the table's last column shows in `mode`, and its text.
    pub fn shown_difference(&self, mode: DifferenceMode) -> (Option<f64>, &str) {
        match mode {
            DifferenceMode::Absolute => (self.difference, &self.difference_text),
            DifferenceMode::Relative => (self.change, &self.change_text),
        }
    }
}

/// What a line of the compare chart stands for, which sets how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesRole {
    /// The reported history: one dark line.
    History,
    /// The scenario of side A (emphasised).
    SideA,
    /// The scenario of side B (emphasised).
    SideB,
    /// Another scenario of the file (a thin line).
    Other,
}

/// One line of the compare chart: (year, value) points in ascending years.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    /// In the view's language; the sides' lines start with their letter ("A: …").
    pub name: String,
    pub role: SeriesRole,
    pub points: Vec<[f64; 2]>,
}

/// The compare chart: the compared indicator over the years for the selected region (or the
/// country), history and every scenario; rebuilt with the comparison, never in the frame loop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareChart {
    /// "Gross regional product — Akmola Region".
    pub title: String,
    pub unit: String,
    pub decimals: u8,
    /// The history first (when the data have any), then the scenarios in the file's order.
    pub series: Vec<ChartSeries>,
    /// The compared year, marked on the chart.
    pub year: i32,
}

/// Everything the compare view shows, rebuilt when a side, the indicator, the year, the
/// language, the selection or a scenario changes.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// Names of the two sides in the view's language.
    pub a_name: String,
    pub b_name: String,
    pub indicator_name: String,
    pub unit: String,
    /// The maps of A and B, on one colour scale, and the difference map (B − A or B / A − 1,
    /// whose legend is its scene's).
    pub scenes: [Arc<Scene>; 3],
    /// The shared scale's legend lines (of A and B).
    pub legend: Vec<LegendItem>,
    /// What the difference map and the table's last column show.
    pub mode: DifferenceMode,
    /// The chart of the selected region (or the country) over the years.
    pub chart: CompareChart,
    pub rows: Vec<CompareRow>,
    /// Indices into `rows` in display order.
    pub order: Vec<usize>,
}

impl Comparison {
    /// Rows in display order.
    pub fn sorted_rows(&self) -> impl Iterator<Item = &CompareRow> {
        self.order.iter().filter_map(|&i| self.rows.get(i))
    }

    /// The row of region `code`.
    pub fn row(&self, code: &str) -> Option<&CompareRow> {
        self.rows.iter().find(|r| r.code == code)
    }

    /// Orders the rows by `sort`; rows without the sorted value come last in either direction.
    pub fn sort(&mut self, sort: CompareSort) {
        let rows = &self.rows;
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let value = |r: &CompareRow| match sort.key {
            CompareSortKey::Name => None,
            CompareSortKey::A => r.a,
            CompareSortKey::B => r.b,
            CompareSortKey::Difference => r.shown_difference(self.mode).0,
        };
        order.sort_by(|&x, &y| {
            let (Some(rx), Some(ry)) = (rows.get(x), rows.get(y)) else { return Ordering::Equal };
            let primary = if sort.key == CompareSortKey::Name {
                rx.name.to_lowercase().cmp(&ry.name.to_lowercase())
            } else {
                match (value(rx), value(ry)) {
                    (Some(a), Some(b)) => a.total_cmp(&b),
                    (Some(_), None) => return Ordering::Less,
                    (None, Some(_)) => return Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            };
            let primary = if sort.descending { primary.reverse() } else { primary };
            primary.then_with(|| rx.name.cmp(&ry.name))
        });
        self.order = order;
    }
}

/// A line of the growth-rate editor: an additive indicator's rate for the selected region (its
/// override or the national default) or, without a selection, the national default.
#[derive(Debug, Clone, PartialEq)]
pub struct RateRow {
    pub indicator: String,
    pub name: String,
    /// Per year: 0.03 is +3 % a year.
    pub rate: f64,
    /// True when the selected region has its own rate (not the national default).
    pub own: bool,
}

/// The short name of region `code` in `lang`, as the tables show it.
pub fn region_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    display_name(ds, code, lang)
}

/// The projection of every scenario of `ds`, in the dataset's order.
pub fn project_all(ds: &Dataset) -> Vec<Projection> {
    ds.scenarios.iter().map(|s| scenario::project(ds, s)).collect()
}

/// The indicators a comparison can show: those the engine projects.
pub fn compare_indicators(ds: &Dataset) -> Vec<IndicatorDef> {
    scenario::projected_indicators(ds)
}

/// The indicator a new comparison starts with: GRP when projected, else the first.
pub fn default_indicator(ds: &Dataset) -> String {
    let all = compare_indicators(ds);
    all.iter()
        .find(|d| d.key == PREFERRED_INDICATOR)
        .or_else(|| all.first())
        .map(|d| d.key.clone())
        .unwrap_or_default()
}

/// The sides a new comparison starts with: the first two scenarios, or the first against the
/// actual data.
pub fn default_sides(ds: &Dataset) -> (Source, Source) {
    let mut ids = ds.scenarios.iter().map(|s| Source::Scenario(s.id));
    match (ids.next(), ids.next()) {
        (Some(a), Some(b)) => (a, b),
        (Some(b), None) => (Source::Actual, b),
        _ => (Source::Actual, Source::Actual),
    }
}

/// The years the year slider offers for sides `a` and `b`: from the earliest base year to the
/// latest horizon of the scenarios among them; the indicator's reported years when both sides
/// are the actual data.
pub fn year_range(ds: &Dataset, a: Source, b: Source, indicator: &str) -> (i32, i32) {
    let scenarios: Vec<&Scenario> = [a, b]
        .into_iter()
        .filter_map(|s| match s {
            Source::Scenario(id) => ds.scenario(id),
            Source::Actual => None,
        })
        .collect();
    let first = scenarios.iter().map(|s| s.base_year).min();
    let last = scenarios.iter().map(|s| s.horizon).max();
    if let (Some(first), Some(last)) = (first, last) {
        return (first, last);
    }
    let years = ds.years_of(indicator);
    (years.first().copied().unwrap_or_default(), years.last().copied().unwrap_or_default())
}

/// The name of a side in `lang`.
pub fn source_name(ds: &Dataset, source: Source, lang: Lang) -> String {
    match source {
        Source::Actual => ScenarioUiText::ActualData.get(lang).to_string(),
        Source::Scenario(id) => ds.scenario(id).map_or_else(
            || format!("{} {id}", scenario_text::ScenarioText::Scenario.get(lang)),
            |s| s.name.get(lang).to_string(),
        ),
    }
}

/// What the compare view is asked to show.
#[derive(Debug, Clone, Copy)]
pub struct CompareRequest<'a> {
    pub a: Source,
    pub b: Source,
    pub indicator: &'a str,
    pub year: i32,
    pub lang: Lang,
    pub selected: Option<&'a str>,
    pub sort: CompareSort,
    /// What the difference map and the table's last column show.
    pub mode: DifferenceMode,
}

/// The comparison of `request`, using the `projections` of `ds.scenarios` (same order).
pub fn compare(
    ds: &Dataset,
    geometry: &MapGeometry,
    projections: &[Projection],
    request: &CompareRequest<'_>,
) -> Comparison {
    let lang = request.lang;
    let values = |source: Source| -> Vec<RegionValue> {
        match source {
            Source::Actual => actual_values(ds, request.indicator, request.year),
            Source::Scenario(id) => projections
                .iter()
                .find(|p| p.scenario_id == id)
                .map(|p| projection_values(p, request.indicator, request.year))
                .unwrap_or_default(),
        }
    };
    let a = values(request.a);
    let b = values(request.b);
    let def = projections
        .iter()
        .find_map(|p| p.indicator(request.indicator))
        .or_else(|| ds.indicator(request.indicator));
    let classes = shared_classes(&[&a, &b]);
    let indicator_name =
        def.map_or_else(|| request.indicator.to_string(), |d| d.names.get(lang).into());
    let a_name = source_name(ds, request.a, lang);
    let b_name = source_name(ds, request.b, lang);
    let scene = |name: &str, side: ScenarioUiText, values: &[RegionValue]| {
        let title = format!("{}: {name} — {indicator_name}, {}", side.get(lang), request.year);
        let layer = ValueLayer { def, title: &title, values, lang, selected: request.selected };
        Arc::new(value_scene(ds, geometry, &layer, &classes))
    };
    let difference_title =
        difference::difference_title(&indicator_name, request.year, request.mode, lang);
    let difference_layer = DifferenceLayer {
        def,
        title: &difference_title,
        a: &a,
        b: &b,
        mode: request.mode,
        lang,
        selected: request.selected,
    };
    let scenes = [
        scene(&a_name, ScenarioUiText::SideA, &a),
        scene(&b_name, ScenarioUiText::SideB, &b),
        Arc::new(difference::difference_scene(ds, geometry, &difference_layer)),
    ];
    let any_missing = a.iter().chain(&b).any(|(_, v)| v.is_none());
    let decimals = def.map_or(1, |d| d.decimals);
    let text =
        |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format_number(v, decimals, lang));
    let rows = a
        .iter()
        .map(|(code, va)| {
            let vb = b.iter().find(|(c, _)| c == code).and_then(|(_, v)| *v);
            let difference = va.zip(vb).map(|(x, y)| y - x);
            let change = difference::difference(*va, vb, DifferenceMode::Relative);
            CompareRow {
                code: code.clone(),
                name: display_name(ds, code, lang),
                a: *va,
                b: vb,
                difference,
                a_text: text(*va),
                b_text: text(vb),
                difference_text: difference.map_or_else(
                    || "–".to_string(),
                    |d| difference::signed_number(d, decimals, lang),
                ),
                change,
                change_text: change.map_or_else(
                    || "–".to_string(),
                    |c| format!("{} %", difference::signed_number(c, 1, lang)),
                ),
            }
        })
        .collect();
    let chart = compare_chart(ds, projections, request, &indicator_name, def);
    let mut comparison = Comparison {
        a_name,
        b_name,
        unit: def.map(|d| d.unit.get(lang).to_string()).unwrap_or_default(),
        indicator_name,
        legend: crate::map::projected::class_legend(def, &classes, any_missing, lang),
        scenes,
        mode: request.mode,
        chart,
        rows,
        order: Vec::new(),
    };
    comparison.sort(request.sort);
    comparison
}

/// The compare chart of `request`: the selected current region (the country without one, or
/// for a selected unit scenarios do not project), its history of the indicator and one line per
/// scenario over its projected years.
fn compare_chart(
    ds: &Dataset,
    projections: &[Projection],
    request: &CompareRequest<'_>,
    indicator_name: &str,
    def: Option<&IndicatorDef>,
) -> CompareChart {
    let lang = request.lang;
    let region = request
        .selected
        .filter(|code| ds.current_edition().is_some_and(|e| e.unit(code).is_some()));
    let (code, place) = match region {
        Some(code) => (code, display_name(ds, code, lang)),
        None => (NATIONAL_CODE, UiText::Kazakhstan.get(lang).to_string()),
    };
    let history: Vec<[f64; 2]> = crate::analysis::region_series(ds, code, request.indicator)
        .into_iter()
        .map(|(year, v)| [f64::from(year), v])
        .collect();
    let mut series = Vec::with_capacity(projections.len() + 1);
    if !history.is_empty() {
        series.push(ChartSeries {
            name: ScenarioUiText::ChartHistory.get(lang).to_string(),
            role: SeriesRole::History,
            points: history,
        });
    }
    for p in projections {
        let source = Source::Scenario(p.scenario_id);
        let (role, letter) = if source == request.a {
            (SeriesRole::SideA, Some(ScenarioUiText::SideA))
        } else if source == request.b {
            (SeriesRole::SideB, Some(ScenarioUiText::SideB))
        } else {
            (SeriesRole::Other, None)
        };
        let name = source_name(ds, source, lang);
        let points: Vec<[f64; 2]> = p
            .projected_years()
            .filter_map(|year| Some([f64::from(year), p.value(code, request.indicator, year)?]))
            .collect();
        if points.is_empty() {
            continue;
        }
        series.push(ChartSeries {
            name: letter.map_or_else(|| name.clone(), |l| format!("{}: {name}", l.get(lang))),
            role,
            points,
        });
    }
    CompareChart {
        title: format!("{indicator_name} — {place}"),
        unit: def.map(|d| d.unit.get(lang).to_string()).unwrap_or_default(),
        decimals: def.map_or(1, |d| d.decimals),
        series,
        year: request.year,
    }
}

/// The rate editor's lines for scenario `s`: every grown indicator, for `region` (its own rate
/// or the national default) or, with None, the national default.
pub fn rate_rows(ds: &Dataset, s: &Scenario, region: Option<&str>, lang: Lang) -> Vec<RateRow> {
    s.assumptions
        .growth
        .iter()
        .map(|g| {
            let own = region.and_then(|r| g.regional.iter().find(|x| x.region_code == r));
            RateRow {
                indicator: g.indicator.clone(),
                name: ds
                    .indicator(&g.indicator)
                    .map_or_else(|| g.indicator.clone(), |d| d.names.get(lang).to_string()),
                rate: own.map_or(g.national, |x| x.rate),
                own: own.is_some(),
            }
        })
        .collect()
}

/// `s` with the rate of `indicator` set to `rate` for `region` (an override) or, with None, as
/// the national default. None when the scenario does not grow that indicator.
pub fn with_rate(
    s: &Scenario,
    indicator: &str,
    region: Option<&str>,
    rate: f64,
) -> Option<Scenario> {
    let mut next = s.clone();
    let growth = next.assumptions.growth.iter_mut().find(|g| g.indicator == indicator)?;
    match region {
        None => growth.national = rate,
        Some(code) => match growth.regional.iter_mut().find(|r| r.region_code == code) {
            Some(r) => r.rate = rate,
            None => growth.regional.push(RegionalRate { region_code: code.to_string(), rate }),
        },
    }
    Some(next)
}

/// A new inertial scenario from the data (§6 of docs/scenarios.md): the base year the shipped
/// scenarios use, their horizon and window; None when the data have no such base year.
pub fn new_inertial(ds: &Dataset) -> Option<Scenario> {
    let base = scenario::default_base_year(ds)?;
    let window = HistoryWindow { first: base - scenario::DEFAULT_WINDOW_YEARS, last: base };
    let mut s = Scenario::inertial(ds, base, scenario::DEFAULT_HORIZON, window);
    s.id = ds.next_scenario_id();
    s.name = unique_name(ds, &s.name);
    Some(s)
}

/// A managed copy of scenario `id` (§6), with a new id and a name no other scenario has.
pub fn new_managed(ds: &Dataset, id: i64) -> Option<Scenario> {
    let mut s = ds.scenario(id)?.managed_from(ds.next_scenario_id());
    s.name = unique_name(ds, &s.name);
    Some(s)
}

/// A copy of scenario `id` named "… (copy)".
pub fn duplicate(ds: &Dataset, id: i64) -> Option<Scenario> {
    let original = ds.scenario(id)?;
    let name = Names::new(
        copy_name(original.name.get(Lang::Kk), Lang::Kk),
        copy_name(original.name.get(Lang::Ru), Lang::Ru),
        copy_name(original.name.get(Lang::En), Lang::En),
    );
    Some(Scenario { id: ds.next_scenario_id(), name: unique_name(ds, &name), ..original.clone() })
}

/// Scenario `id` renamed to `name` in `lang`. The other languages are left empty so that the
/// planner's name shows in all three (`Names::get` falls back); None for an empty name.
pub fn renamed(ds: &Dataset, id: i64, name: &str, lang: Lang) -> Option<Scenario> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut s = ds.scenario(id)?.clone();
    s.name = match lang {
        Lang::Kk => Names::new(name, "", ""),
        Lang::Ru => Names::new("", name, ""),
        Lang::En => Names::new("", "", name),
    };
    Some(s)
}

/// `name`, with " 2", " 3", … added to every language until no scenario of `ds` has it.
fn unique_name(ds: &Dataset, name: &Names) -> Names {
    let taken = |n: &Names| {
        ds.scenarios.iter().any(|s| Lang::ALL.into_iter().any(|l| s.name.get(l) == n.get(l)))
    };
    if !taken(name) {
        return name.clone();
    }
    (2..)
        .map(|k| {
            Names::new(
                format!("{} {k}", name.kk),
                format!("{} {k}", name.ru),
                format!("{} {k}", name.en),
            )
        })
        .find(|n| !taken(n))
        .unwrap_or_else(|| name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        crate::io::default_dataset::build().expect("default dataset")
    }

    #[test]
    fn a_regional_rate_is_added_then_changed_and_the_national_default_stays() {
        let ds = dataset();
        let s = ds.scenarios.first().expect("inertial").clone();
        let national = s.assumptions.growth_of("grp").expect("grp grown").national;
        let once = with_rate(&s, "grp", Some("KZ-AKM"), 0.08).expect("grp grown");
        let twice = with_rate(&once, "grp", Some("KZ-AKM"), 0.09).expect("grp grown");
        let g = twice.assumptions.growth_of("grp").expect("grp grown");
        assert_eq!(g.rate_for("KZ-AKM"), 0.09);
        assert_eq!(g.national, national);
        assert_eq!(g.regional.iter().filter(|r| r.region_code == "KZ-AKM").count(), 1);
        assert!(with_rate(&s, "no_such_indicator", None, 0.1).is_none());
    }

    #[test]
    fn copies_get_a_new_id_and_a_name_no_other_scenario_has() {
        let mut ds = dataset();
        let first = ds.scenarios.first().expect("inertial").clone();
        let copy = duplicate(&ds, first.id).expect("exists");
        assert_eq!(copy.id, 3);
        assert_eq!(copy.name.get(Lang::En), "Inertial scenario to 2030 (copy)");
        assert_eq!(copy.assumptions, first.assumptions);
        ds.scenarios.push(copy);
        let again = duplicate(&ds, first.id).expect("exists");
        assert_eq!(again.name.get(Lang::Ru), "Инерционный сценарий до 2030 года (копия) 2");
        let inertial = new_inertial(&ds).expect("base year");
        assert_eq!(inertial.name.get(Lang::En), "Inertial scenario to 2030 2");
        assert_eq!(inertial.base_year, 2023);
    }

    #[test]
    fn a_renamed_scenario_shows_its_new_name_in_every_language() {
        let ds = dataset();
        let s = renamed(&ds, 1, "  Plan A ", Lang::Ru).expect("exists");
        for lang in Lang::ALL {
            assert_eq!(s.name.get(lang), "Plan A");
        }
        assert!(renamed(&ds, 1, "   ", Lang::Ru).is_none());
    }

    #[test]
    fn the_comparison_table_holds_a_b_and_their_difference_per_region() {
        let ds = dataset();
        let geometry = MapGeometry::for_editions(&ds, &["2022"]);
        let projections = project_all(&ds);
        let request = CompareRequest {
            a: Source::Scenario(1),
            b: Source::Scenario(2),
            indicator: "grp",
            year: 2030,
            lang: Lang::En,
            selected: None,
            sort: CompareSort { key: CompareSortKey::Difference, descending: true },
            mode: DifferenceMode::Absolute,
        };
        let c = compare(&ds, &geometry, &projections, &request);
        assert_eq!(c.rows.len(), 20);
        let astana = c.row("KZ-AST").expect("Astana");
        let (a, b) = (astana.a.expect("a"), astana.b.expect("b"));
        assert_eq!(a, projections[0].value("KZ-AST", "grp", 2030).expect("projected"));
        assert_eq!(astana.difference, Some(b - a));
        // The managed scenario favours the agglomerations: Astana gains.
        assert!(b > a);
        let diffs: Vec<f64> = c.sorted_rows().filter_map(|r| r.difference).collect();
        assert!(diffs.windows(2).all(|w| w[0] >= w[1]), "{diffs:?}");
        assert_eq!(c.scenes[0].regions.len(), 20);
        assert!(c.scenes[1].title.starts_with("B: Managed scenario to 2030"));
        assert_eq!(c.scenes[2].title, "B − A: Gross regional product, 2030");
        let astana_difference =
            c.scenes[2].regions.iter().find(|r| r.code == "KZ-AST").and_then(|r| r.value);
        assert_eq!(astana_difference, Some(b - a));
    }

    #[test]
    fn a_scenario_is_compared_with_the_actual_data_of_its_base_year_and_nothing_after() {
        let ds = dataset();
        let geometry = MapGeometry::for_editions(&ds, &["2022"]);
        let projections = project_all(&ds);
        let request = CompareRequest {
            a: Source::Actual,
            b: Source::Scenario(2),
            indicator: "grp",
            year: 2023,
            lang: Lang::En,
            selected: None,
            sort: CompareSort::default(),
            mode: DifferenceMode::Absolute,
        };
        // The slider offers the scenario's years.
        assert_eq!(year_range(&ds, request.a, request.b, "grp"), (2023, 2030));
        let c = compare(&ds, &geometry, &projections, &request);
        assert_eq!(c.a_name, "Actual data");
        assert_eq!(c.rows.len(), 20);
        // In the base year the projection starts from the reported values: A is the data, B
        // equals it, and the difference map is neutral everywhere.
        for row in &c.rows {
            assert_eq!(row.a, ds.value(&row.code, "grp", 2023), "{}", row.code);
            assert_eq!(row.b, row.a, "{}", row.code);
            assert_eq!(row.difference, Some(0.0), "{}", row.code);
        }
        assert!(c.scenes[2].regions.iter().all(|r| r.fill == crate::map::style::NEUTRAL_FILL));
        // 2030 has no data yet: A and the difference are unknown, never zero.
        let later =
            compare(&ds, &geometry, &projections, &CompareRequest { year: 2030, ..request });
        let astana = later.row("KZ-AST").expect("Astana");
        assert_eq!((astana.a, astana.difference), (None, None));
        assert_eq!(astana.b, projections[1].value("KZ-AST", "grp", 2030));
        assert_eq!(astana.difference_text, "–");
        assert!(later.scenes[2].regions.iter().all(|r| r.no_data));
    }

    #[test]
    fn the_compare_chart_holds_history_and_every_scenario_with_the_sides_marked() {
        let ds = dataset();
        let geometry = MapGeometry::for_editions(&ds, &["2022"]);
        let projections = project_all(&ds);
        let request = CompareRequest {
            a: Source::Actual,
            b: Source::Scenario(2),
            indicator: "grp",
            year: 2027,
            lang: Lang::En,
            selected: Some("KZ-AKM"),
            sort: CompareSort::default(),
            mode: DifferenceMode::Relative,
        };
        let c = compare(&ds, &geometry, &projections, &request);
        let chart = &c.chart;
        assert_eq!(chart.title, "Gross regional product — Akmola Region");
        assert_eq!(chart.year, 2027);
        let roles: Vec<SeriesRole> = chart.series.iter().map(|s| s.role).collect();
        assert_eq!(roles, vec![SeriesRole::History, SeriesRole::Other, SeriesRole::SideB]);
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Actual data (history)",
                "Inertial scenario to 2030",
                "B: Managed scenario to 2030"
            ]
        );
        let history = &chart.series[0].points;
        let reported = crate::analysis::region_series(&ds, "KZ-AKM", "grp");
        assert_eq!(history.len(), reported.len());
        assert_eq!(history.last().map(|p| p[1]), reported.last().map(|r| r.1));
        // A scenario's line runs over its projected years with the projection's values.
        let managed = &chart.series[2].points;
        assert_eq!(managed.first().map(|p| p[0]), Some(2023.0));
        assert_eq!(managed.last().map(|p| p[0]), Some(2030.0));
        let akmola_2030 = projections[1].value("KZ-AKM", "grp", 2030);
        assert_eq!(managed.last().map(|p| p[1]), akmola_2030);

        // Nothing selected: the country.
        let national =
            compare(&ds, &geometry, &projections, &CompareRequest { selected: None, ..request });
        assert_eq!(national.chart.title, "Gross regional product — Republic of Kazakhstan");
        let total = projections[1].value(crate::model::NATIONAL_CODE, "grp", 2030);
        let line = national.chart.series.iter().find(|s| s.role == SeriesRole::SideB);
        assert_eq!(line.and_then(|s| s.points.last()).map(|p| p[1]), total);
        // The relative mode fills the change column and titles the difference map.
        let c = compare(
            &ds,
            &geometry,
            &projections,
            &CompareRequest { a: Source::Scenario(1), ..request },
        );
        let row = c.row("KZ-AST").expect("Astana");
        let (a, b) = (row.a.expect("projected"), row.b.expect("projected"));
        let change = row.change.expect("A is not zero");
        assert!(change > 0.0);
        assert!((change - (b / a - 1.0) * 100.0).abs() < 1e-9);
        assert_eq!(row.shown_difference(DifferenceMode::Relative).0, row.change);
        assert_eq!(c.scenes[2].title, "B / A − 1: Gross regional product, 2027");
    }
}
