//! The Targets tab's model: every distinct target of the file's scenarios, each assessed against
//! every scenario's projection (`scenario::attainment`), with the texts the table shows; and the
//! attainment map of one target in one scenario.
//!
//! Each target is measured against every scenario, not only the ones that carry it: the
//! programme's targets are the yardstick the scenarios are compared on, and "would the inertial
//! trend reach the managed scenario's target?" is the planner's first question. A cell says
//! whether its scenario carries the target itself (`TargetCell::carried`).
//!
//! Built by `AppState` when the projections or the language change (the map also when the
//! selected target, scenario or region does); never per frame.

use std::sync::Arc;

use crate::app::derived::display_name;
use crate::i18n::scenario_text::ScenarioText;
use crate::i18n::targets_text::{self, TargetsText};
use crate::map::projected::{ValueLayer, projection_values, value_scene};
use crate::map::{Legend, LegendItem, MapGeometry, Rgba, Scene, WorldPos, style};
use crate::model::{Dataset, IndicatorDef, Lang, NATIONAL_CODE, Target, TargetKind};
use crate::scenario::{Attainment, Projection, TargetError, attainment};

/// Fill of a region (or the country) that attains its target: Okabe–Ito's bluish green, which
/// stays apart from `NOT_ATTAINED_FILL` under every common colour-vision deficiency (the panel
/// paints a ✔ or ✘ mark beside every outcome, so colour is never the only sign; the marks are
/// drawn, not typed, as the bundled fonts have no such glyphs).
pub const ATTAINED_FILL: Rgba = Rgba::rgb(0x00, 0x9e, 0x73);
/// Fill of a region (or the country) that misses its target: Okabe–Ito's vermillion.
pub const NOT_ATTAINED_FILL: Rgba = Rgba::rgb(0xd5, 0x5e, 0x00);
/// Fill of a region without a target of the shown indicator and year: near white, apart from the
/// hatched grey of "cannot be assessed".
pub const NO_TARGET_FILL: Rgba = Rgba::rgb(0xf6, 0xf6, 0xf4);

/// What identifies a target across scenarios: two scenarios carry "the same" target when they
/// ask the same of the same indicator and region by the same year (the source text may differ).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetKey {
    pub indicator: String,
    /// A current region's code, or [`NATIONAL_CODE`].
    pub region_code: String,
    pub kind: TargetKind,
    pub year: i32,
}

impl TargetKey {
    pub fn of(target: &Target) -> TargetKey {
        TargetKey {
            indicator: target.indicator.clone(),
            region_code: target.region_code.clone(),
            kind: target.kind,
            year: target.year,
        }
    }

    /// Whether `target` is this target.
    pub fn matches(&self, target: &Target) -> bool {
        self.indicator == target.indicator
            && self.region_code == target.region_code
            && self.kind == target.kind
            && self.year == target.year
    }

    /// Whether the target is the whole country's.
    pub fn is_national(&self) -> bool {
        self.region_code == NATIONAL_CODE
    }
}

/// A target's outcome in one scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Attained,
    NotAttained,
    /// The projection cannot assess it (the reason is in the cell).
    NotAssessable,
}

impl Status {
    fn of(result: &Result<Attainment, TargetError>) -> Status {
        match result {
            Ok(a) if a.attained => Status::Attained,
            Ok(_) => Status::NotAttained,
            Err(_) => Status::NotAssessable,
        }
    }

    /// The word: "attained" (the panel paints the ✔/✘ mark before it).
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Status::Attained => TargetsText::Attained.get(lang),
            Status::NotAttained => TargetsText::NotAttained.get(lang),
            Status::NotAssessable => TargetsText::NotAssessable.get(lang),
        }
    }

    /// The map's and the bars' colour of this outcome.
    pub fn fill(self) -> Rgba {
        match self {
            Status::Attained => ATTAINED_FILL,
            Status::NotAttained => NOT_ATTAINED_FILL,
            Status::NotAssessable => style::NO_DATA_FILL,
        }
    }
}

/// One target in one scenario, with the texts of its table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetCell {
    pub scenario_id: i64,
    /// Whether the scenario carries the target itself; otherwise it is measured for comparison.
    pub carried: bool,
    pub result: Result<Attainment, TargetError>,
    pub status: Status,
    /// The value in the target year as a percentage of the level (None when not assessable or
    /// the level is zero).
    pub percent: Option<f64>,
    /// "attained".
    pub status_text: String,
    /// "12,345.6 million KZT (level 11,000.0)", or why the target cannot be assessed.
    pub value_text: String,
    /// "first in 2028" / "not by 2030"; empty when not assessable.
    pub first_year_text: String,
    /// "+12.3 %"; empty when not assessable or the level is zero.
    pub gap_text: String,
}

/// A scenario's column of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioColumn {
    pub id: i64,
    pub name: String,
}

/// One distinct target with its outcome in every scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub key: TargetKey,
    /// Where the target comes from (the first carrier's text).
    pub source: String,
    /// Ids of the scenarios that carry the target, in the file's order.
    pub carriers: Vec<i64>,
    pub indicator_name: String,
    /// The region's name, or "Kazakhstan".
    pub region_name: String,
    /// "×2.0 against 2023 by 2029".
    pub requirement: String,
    pub unit: String,
    /// One per column of [`TargetReport::scenarios`], in that order.
    pub cells: Vec<TargetCell>,
}

impl TargetRow {
    /// The cell of scenario `id`.
    pub fn cell(&self, id: i64) -> Option<&TargetCell> {
        self.cells.iter().find(|c| c.scenario_id == id)
    }
}

/// Every distinct target of the file against every scenario.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TargetReport {
    /// The language of the texts.
    pub lang: Lang,
    /// The scenarios, in the file's order.
    pub scenarios: Vec<ScenarioColumn>,
    /// Targets in the order the scenarios first carry them.
    pub rows: Vec<TargetRow>,
}

impl TargetReport {
    /// The row of target `key`.
    pub fn row(&self, key: &TargetKey) -> Option<&TargetRow> {
        self.rows.iter().find(|r| r.key == *key)
    }
}

/// The distinct targets of `ds`'s scenarios, in the order they first appear, each with the first
/// carrier's copy and the ids of every scenario that carries it.
pub fn distinct_targets(ds: &Dataset) -> Vec<(Target, Vec<i64>)> {
    let mut out: Vec<(Target, Vec<i64>)> = Vec::new();
    for s in &ds.scenarios {
        for t in &s.assumptions.targets {
            match out.iter_mut().find(|(known, _)| TargetKey::of(known).matches(t)) {
                Some((_, carriers)) if carriers.contains(&s.id) => {}
                Some((_, carriers)) => carriers.push(s.id),
                None => out.push((t.clone(), vec![s.id])),
            }
        }
    }
    out
}

/// The definition of `indicator` as projected (derived ones included), else the dataset's.
fn indicator_def<'a>(
    ds: &'a Dataset,
    projections: &'a [Projection],
    indicator: &str,
) -> Option<&'a IndicatorDef> {
    projections.iter().find_map(|p| p.indicator(indicator)).or_else(|| ds.indicator(indicator))
}

/// The name of a target's region in `lang`, "Kazakhstan" for the country.
fn place_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    if code == NATIONAL_CODE {
        ScenarioText::Kazakhstan.get(lang).to_string()
    } else {
        display_name(ds, code, lang)
    }
}

/// Every distinct target of `ds` assessed against each of `projections` (those of
/// `ds.scenarios`, in the same order), with texts in `lang`.
pub fn report(ds: &Dataset, projections: &[Projection], lang: Lang) -> TargetReport {
    let columns: Vec<(ScenarioColumn, &Projection)> = ds
        .scenarios
        .iter()
        .filter_map(|s| {
            let p = projections.iter().find(|p| p.scenario_id == s.id)?;
            Some((ScenarioColumn { id: s.id, name: s.name.get(lang).to_string() }, p))
        })
        .collect();
    let rows = distinct_targets(ds)
        .into_iter()
        .map(|(target, carriers)| {
            let def = indicator_def(ds, projections, &target.indicator);
            let indicator_name =
                def.map_or_else(|| target.indicator.clone(), |d| d.names.get(lang).to_string());
            let region_name = place_name(ds, &target.region_code, lang);
            let (decimals, unit, higher) = def.map_or((1, String::new(), true), |d| {
                (d.decimals, d.unit.get(lang).to_string(), d.higher_is_better)
            });
            let cells = columns
                .iter()
                .map(|(column, projection)| {
                    let result = attainment(projection, &target);
                    let status = Status::of(&result);
                    let (percent, value_text, first_year_text, gap_text) = match &result {
                        Ok(a) => (
                            (a.level != 0.0).then(|| a.value / a.level * 100.0),
                            targets_text::value_of_level(a.value, a.level, decimals, &unit, lang),
                            targets_text::first_year(a.first_year, projection.horizon, lang),
                            a.relative
                                .map(|r| targets_text::gap_percent(r, lang))
                                .unwrap_or_default(),
                        ),
                        Err(e) => (
                            None,
                            targets_text::error_text(e, &indicator_name, &region_name, lang),
                            String::new(),
                            String::new(),
                        ),
                    };
                    TargetCell {
                        scenario_id: column.id,
                        carried: carriers.contains(&column.id),
                        status_text: status.text(lang).to_string(),
                        result,
                        status,
                        percent,
                        value_text,
                        first_year_text,
                        gap_text,
                    }
                })
                .collect();
            TargetRow {
                key: TargetKey::of(&target),
                requirement: targets_text::requirement(
                    target.kind,
                    target.year,
                    higher,
                    decimals,
                    &unit,
                    lang,
                ),
                source: target.source,
                carriers,
                indicator_name,
                region_name,
                unit,
                cells,
            }
        })
        .collect();
    TargetReport { lang, scenarios: columns.into_iter().map(|(c, _)| c).collect(), rows }
}

/// How a region is coloured on the attainment map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapStatus {
    Attained,
    NotAttained,
    NotAssessable,
    /// No target of the shown indicator and year for this region.
    NoTarget,
}

impl From<Status> for MapStatus {
    fn from(s: Status) -> MapStatus {
        match s {
            Status::Attained => MapStatus::Attained,
            Status::NotAttained => MapStatus::NotAttained,
            Status::NotAssessable => MapStatus::NotAssessable,
        }
    }
}

/// The attainment map of one target in one scenario.
#[derive(Debug, Clone, Default)]
pub struct TargetMap {
    /// The target shown (None: there are no targets).
    pub key: Option<TargetKey>,
    /// The scenario whose projection is shown.
    pub scenario_id: Option<i64>,
    /// The region outlined as selected.
    pub selected: Option<String>,
    pub scene: Arc<Scene>,
    /// The status of every drawn region, in the scene's order.
    pub statuses: Vec<(String, MapStatus)>,
    /// Where to mark an outcome with ✔/✘: the label anchors of regions with their own target,
    /// or for a national target one mark in the middle of the country.
    pub marks: Vec<(WorldPos, Status)>,
}

impl TargetMap {
    /// How region `code` is coloured.
    pub fn status(&self, code: &str) -> Option<MapStatus> {
        self.statuses.iter().find(|(c, _)| c == code).map(|(_, s)| *s)
    }
}

/// What the attainment map is asked to show.
#[derive(Debug, Clone, Copy)]
pub struct MapRequest<'a> {
    pub key: Option<&'a TargetKey>,
    pub scenario_id: Option<i64>,
    pub selected: Option<&'a str>,
    pub lang: Lang,
}

/// The map of target `request.key` in scenario `request.scenario_id`: for a national target the
/// whole country in the colour of its outcome; for a regional one, every region by the outcome of
/// its own target of the same indicator and year (the selected row's target for its region),
/// "no target" elsewhere. Regions keep the projected value of the target year for the tooltip.
pub fn target_map(
    ds: &Dataset,
    geometry: &MapGeometry,
    projections: &[Projection],
    report: &TargetReport,
    request: &MapRequest<'_>,
) -> TargetMap {
    let lang = request.lang;
    let empty = TargetMap {
        key: request.key.cloned(),
        scenario_id: request.scenario_id,
        selected: request.selected.map(str::to_string),
        ..TargetMap::default()
    };
    let (Some(key), Some(id)) = (request.key, request.scenario_id) else { return empty };
    let (Some(row), Some(projection)) =
        (report.row(key), projections.iter().find(|p| p.scenario_id == id))
    else {
        return empty;
    };
    let scenario_name =
        report.scenarios.iter().find(|c| c.id == id).map(|c| c.name.as_str()).unwrap_or_default();
    let def = indicator_def(ds, projections, &key.indicator);
    let values = projection_values(projection, &key.indicator, key.year);
    let title = format!("{scenario_name} — {}, {}", row.indicator_name, key.year);
    let layer =
        ValueLayer { def, title: &title, values: &values, lang, selected: request.selected };
    let mut scene = value_scene(ds, geometry, &layer, &[]);
    let national = row.cell(id).map(|c| c.status);
    let mut statuses = Vec::with_capacity(scene.regions.len());
    let mut marks = Vec::new();
    for region in &mut scene.regions {
        let (status, cell) = if key.is_national() {
            (national.map_or(MapStatus::NoTarget, MapStatus::from), None)
        } else {
            let own = std::iter::once(row)
                .chain(report.rows.iter())
                .filter(|r| {
                    r.key.indicator == key.indicator
                        && r.key.year == key.year
                        && r.key.region_code == region.code
                })
                .find_map(|r| r.cell(id));
            (own.map_or(MapStatus::NoTarget, |c| c.status.into()), own)
        };
        region.fill = match status {
            MapStatus::Attained => ATTAINED_FILL,
            MapStatus::NotAttained => NOT_ATTAINED_FILL,
            MapStatus::NotAssessable => style::NO_DATA_FILL,
            MapStatus::NoTarget => NO_TARGET_FILL,
        };
        region.no_data = status == MapStatus::NotAssessable;
        region.rank = None;
        if let Some(cell) = cell {
            region.note = Some(format!("{} · {}", cell.status_text, cell.value_text));
            marks.push((region.label_anchor, cell.status));
        }
        statuses.push((region.code.clone(), status));
    }
    if key.is_national()
        && let Some(status) = national
    {
        let [a, b, c, d] = scene.bounds;
        marks.push(([(a + c) / 2.0, (b + d) / 2.0], status));
    }
    scene.legend = Legend {
        title: format!("{} — {}", row.indicator_name, row.region_name),
        unit: row.requirement.clone(),
        items: legend_items(&statuses, lang),
    };
    TargetMap {
        key: Some(key.clone()),
        scenario_id: Some(id),
        selected: request.selected.map(str::to_string),
        scene: Arc::new(scene),
        statuses,
        marks,
    }
}

/// "attained", "not attained", "no target", and "cannot be assessed" when a region is.
fn legend_items(statuses: &[(String, MapStatus)], lang: Lang) -> Vec<LegendItem> {
    let mut items = vec![
        LegendItem::Class { fill: ATTAINED_FILL, label: Status::Attained.text(lang).into() },
        LegendItem::Class { fill: NOT_ATTAINED_FILL, label: Status::NotAttained.text(lang).into() },
        LegendItem::Class {
            fill: NO_TARGET_FILL,
            label: TargetsText::NoTarget.get(lang).to_string(),
        },
    ];
    if statuses.iter().any(|(_, s)| *s == MapStatus::NotAssessable) {
        items.push(LegendItem::NoData {
            fill: style::NO_DATA_FILL,
            label: Status::NotAssessable.text(lang).into(),
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{self, keys};

    fn dataset() -> Dataset {
        crate::io::default_dataset::build().expect("default dataset")
    }

    fn projections(ds: &Dataset) -> Vec<Projection> {
        ds.scenarios.iter().map(|s| scenario::project(ds, s)).collect()
    }

    fn target(indicator: &str, region: &str, kind: TargetKind, year: i32) -> Target {
        Target {
            indicator: indicator.to_owned(),
            region_code: region.to_owned(),
            kind,
            year,
            source: "test".to_owned(),
        }
    }

    #[test]
    fn the_shipped_programme_targets_are_listed_once_and_carried_by_both_scenarios() {
        let ds = dataset();
        let targets = distinct_targets(&ds);
        let keys: Vec<(&str, &str, i32)> = targets
            .iter()
            .map(|(t, _)| (t.indicator.as_str(), t.region_code.as_str(), t.year))
            .collect();
        assert_eq!(keys, vec![(keys::INVESTMENT, "KZ", 2029), ("productivity", "KZ", 2029)]);
        assert!(targets.iter().all(|(_, carriers)| *carriers == vec![1, 2]));
        assert_eq!(
            targets.first().map(|(t, _)| t.kind),
            Some(TargetKind::Ratio { reference_year: 2023, ratio: 2.0 })
        );
    }

    #[test]
    fn investment_doubles_by_2029_in_both_scenarios_a_year_earlier_in_the_managed_one() {
        let ds = dataset();
        let projections = projections(&ds);
        let report = report(&ds, &projections, Lang::En);
        let names: Vec<&str> = report.scenarios.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, vec!["Inertial scenario to 2030", "Managed scenario to 2030"]);
        let row = report.rows.first().expect("investment target");
        assert_eq!(row.indicator_name, "Investment in fixed capital");
        assert_eq!(row.region_name, "Kazakhstan");
        assert_eq!(row.requirement, "×2.0 against 2023 by 2029");
        let reference = projections[0].value("KZ", keys::INVESTMENT, 2023).expect("2023");
        for cell in &row.cells {
            let a = cell.result.as_ref().expect("assessable");
            assert!((a.level - 2.0 * reference).abs() < 1e-6);
            assert_eq!(cell.status, Status::Attained);
            assert_eq!(cell.status_text, "attained");
            assert!(cell.carried);
            let percent = cell.percent.expect("level is not zero");
            assert!((percent - a.value / a.level * 100.0).abs() < 1e-9);
        }
        let first: Vec<Option<i32>> =
            row.cells.iter().map(|c| c.result.as_ref().ok().and_then(|a| a.first_year)).collect();
        assert_eq!(first, vec![Some(2029), Some(2028)]);
        assert_eq!(row.cells[1].first_year_text, "first in 2028");
        assert!(row.cells[1].gap_text.starts_with('+'), "{}", row.cells[1].gap_text);
    }

    #[test]
    fn every_cell_equals_the_engines_attainment_of_that_target_in_that_scenario() {
        let ds = dataset();
        let projections = projections(&ds);
        let report = report(&ds, &projections, Lang::Ru);
        for (row, (target, _)) in report.rows.iter().zip(distinct_targets(&ds)) {
            for (cell, p) in row.cells.iter().zip(&projections) {
                assert_eq!(cell.result, scenario::attainment(p, &target));
            }
        }
        assert_eq!(report.rows.len(), 2);
    }

    #[test]
    fn a_target_of_one_scenario_is_measured_on_the_others_and_an_unassessable_one_is_kept() {
        let mut ds = dataset();
        // The managed scenario alone asks Akmola's GRP to reach 5 trillion KZT by 2030, and
        // asks population ×2 against 1990, a year the projection does not hold.
        let akmola = target(keys::GRP, "KZ-AKM", TargetKind::Absolute { value: 5.0e6 }, 2030);
        let old = TargetKind::Ratio { reference_year: 1990, ratio: 2.0 };
        let impossible = target(keys::POPULATION, "KZ", old, 2030);
        let managed = ds.scenarios.get_mut(1).expect("managed");
        managed.assumptions.targets.push(akmola.clone());
        managed.assumptions.targets.push(impossible);
        let projections = projections(&ds);
        let report = report(&ds, &projections, Lang::En);
        assert_eq!(report.rows.len(), 4);
        let row = report.row(&TargetKey::of(&akmola)).expect("Akmola's target");
        assert_eq!(row.carriers, vec![2]);
        assert_eq!(row.region_name, "Akmola Region");
        assert_eq!(row.requirement, "by 2030: ≥ 5,000,000.0 million KZT, current prices");
        let carried: Vec<bool> = row.cells.iter().map(|c| c.carried).collect();
        assert_eq!(carried, vec![false, true]);
        for (cell, p) in row.cells.iter().zip(&projections) {
            let value = p.value("KZ-AKM", keys::GRP, 2030).expect("projected");
            let a = cell.result.as_ref().expect("assessable");
            assert_eq!((a.level, a.value), (5.0e6, value));
            assert_eq!(cell.status == Status::Attained, value >= 5.0e6);
        }
        let lost = report.rows.last().expect("population target");
        assert!(lost.cells.iter().all(|c| c.status == Status::NotAssessable));
        assert_eq!(
            lost.cells[0].value_text,
            "1990 lies outside the projection (2023–2030): move the target year or the scenario's \
             horizon"
        );
        assert_eq!(lost.cells[0].status_text, "cannot be assessed");
        assert_eq!((lost.cells[0].percent, lost.cells[0].gap_text.as_str()), (None, ""));
    }

    #[test]
    fn a_national_target_colours_the_whole_country_a_regional_one_only_its_regions() {
        let mut ds = dataset();
        let geometry = MapGeometry::for_editions(&ds, &["2022"]);
        // Akmola: GRP ≥ 1 KZT (met); Almaty Region: GRP ≥ 10^12 (missed); same year.
        let met = target(keys::GRP, "KZ-AKM", TargetKind::Absolute { value: 1.0 }, 2030);
        let missed = target(keys::GRP, "KZ-ALM", TargetKind::Absolute { value: 1.0e12 }, 2030);
        let inertial = ds.scenarios.get_mut(0).expect("inertial");
        inertial.assumptions.targets.extend([met.clone(), missed]);
        let projections = projections(&ds);
        let report = report(&ds, &projections, Lang::En);

        let national = report.rows.first().map(|r| r.key.clone()).expect("investment");
        let request = MapRequest {
            key: Some(&national),
            scenario_id: Some(2),
            selected: None,
            lang: Lang::En,
        };
        let map = target_map(&ds, &geometry, &projections, &report, &request);
        assert_eq!(map.statuses.len(), 20);
        assert!(map.statuses.iter().all(|(_, s)| *s == MapStatus::Attained));
        assert!(map.scene.regions.iter().all(|r| r.fill == ATTAINED_FILL && !r.no_data));
        assert_eq!(map.scene.title, "Managed scenario to 2030 — Investment in fixed capital, 2029");
        let legend: Vec<&str> = map
            .scene
            .legend
            .items
            .iter()
            .filter_map(|i| match i {
                LegendItem::Class { label, .. } => Some(label.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(legend, vec!["attained", "not attained", "no target"]);
        let [a, b, c, d] = map.scene.bounds;
        assert_eq!(map.marks, vec![([(a + c) / 2.0, (b + d) / 2.0], Status::Attained)]);

        let key = TargetKey::of(&met);
        let request = MapRequest { key: Some(&key), scenario_id: Some(1), ..request };
        let map = target_map(&ds, &geometry, &projections, &report, &request);
        assert_eq!(map.status("KZ-AKM"), Some(MapStatus::Attained));
        assert_eq!(map.status("KZ-ALM"), Some(MapStatus::NotAttained));
        assert_eq!(map.status("KZ-AST"), Some(MapStatus::NoTarget));
        let fill = |code: &str| map.scene.regions.iter().find(|r| r.code == code).map(|r| r.fill);
        assert_eq!(fill("KZ-ALM"), Some(NOT_ATTAINED_FILL));
        assert_eq!(fill("KZ-AST"), Some(NO_TARGET_FILL));
        let anchor =
            |code: &str| map.scene.regions.iter().find(|r| r.code == code).map(|r| r.label_anchor);
        let mut marks: Vec<_> = map.marks.iter().map(|(p, s)| (Some(*p), *s)).collect();
        marks.sort_by_key(|(_, s)| *s != Status::Attained);
        let expected =
            vec![(anchor("KZ-AKM"), Status::Attained), (anchor("KZ-ALM"), Status::NotAttained)];
        assert_eq!(marks, expected);
        // The managed scenario does not carry them: its map is measured on its own projection
        // all the same, because each target is measured against every scenario.
        let request = MapRequest { scenario_id: Some(2), ..request };
        let map = target_map(&ds, &geometry, &projections, &report, &request);
        assert_eq!(map.status("KZ-AKM"), Some(MapStatus::Attained));
    }
}
