//! The models the panels show, derived from the dataset and the view: the ranking of a year, the
//! regions × indicators table, the selected region's series and details. Built only when the view
//! changes (see `AppState::apply`); names and numbers are already in the view's language, so
//! the frame loop only lays them out.

use std::cmp::Ordering;

use crate::analysis;
use crate::app::Reference;
use crate::i18n::{MapText, UiText, format_number, format_value, map_text, ui_text};
use crate::map::{MapView, Rgba, Scene, style};
use crate::model::{
    Aggregation, Dataset, GrowthLevel, IndicatorDef, Lang, NATIONAL_CODE, ProjectStatus, Region,
    RegionKind, Sector,
};

/// One bar of the ranking chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// Code of the unit the value belongs to (a legacy group's code in `Current` mode).
    pub code: String,
    pub name: String,
    pub value: f64,
    /// The value with its unit, in the view's language.
    pub value_label: String,
    pub rank: usize,
    /// Drawn units the value covers.
    pub members: Vec<String>,
    /// The region's fill on the map, so bar and region read as one.
    pub fill: Rgba,
}

/// The units with a value in the current view, highest first.
pub fn ranking(ds: &Dataset, view: &MapView, scene: &Scene) -> Vec<RankRow> {
    let lang = view.lang;
    let def = ds.indicator(&view.indicator);
    analysis::ranking(ds, &view.indicator, view.year, view.boundary_mode)
        .into_iter()
        .map(|r| RankRow {
            name: display_name(ds, &r.code, lang),
            value_label: value_text(def, Some(r.value), lang),
            fill: scene
                .regions
                .iter()
                .find(|s| s.value_code == r.code)
                .map_or(style::NO_DATA_FILL, |s| s.fill),
            code: r.code,
            value: r.value,
            rank: r.rank,
            members: r.members,
        })
        .collect()
}

/// A column of the regions × indicators table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableColumn {
    pub key: String,
    pub name: String,
    pub unit: String,
}

/// One cell: the value, its text, and a note when the value is not the unit's own.
#[derive(Debug, Clone, PartialEq)]
pub struct TableCell {
    pub value: Option<f64>,
    pub text: String,
    /// E.g. the legacy unit whose value covers this region in `Current` mode.
    pub note: Option<String>,
}

/// One drawn unit of the current view.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub code: String,
    pub name: String,
    /// Rank in the current indicator.
    pub rank: Option<usize>,
    /// One per column.
    pub cells: Vec<TableCell>,
}

/// Which column the table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    Name,
    /// Rank in the map's indicator.
    #[default]
    Rank,
    /// The value of the n-th indicator column.
    Column(usize),
}

/// Sort column and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableSort {
    pub key: SortKey,
    pub descending: bool,
}

impl TableSort {
    /// Sorting by `key`: the same key again flips the direction; a new column starts in the
    /// direction a reader expects first (names A–Z, rank 1 first, values highest first).
    pub fn toggled(self, key: SortKey) -> TableSort {
        if key == self.key {
            TableSort { key, descending: !self.descending }
        } else {
            TableSort { key, descending: matches!(key, SortKey::Column(_)) }
        }
    }
}

/// Regions × indicators for the view's year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableModel {
    pub columns: Vec<TableColumn>,
    pub rows: Vec<TableRow>,
    /// Indices into `rows` in display order.
    pub order: Vec<usize>,
}

impl TableModel {
    /// Orders the rows by `sort`; rows without a value always come last, in either direction.
    pub fn sort(&mut self, sort: TableSort) {
        let rows = &self.rows;
        let mut order: Vec<usize> = (0..rows.len()).collect();
        let by_option = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => {
                let o = a.total_cmp(&b);
                if sort.descending { o.reverse() } else { o }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        order.sort_by(|&a, &b| {
            let (Some(ra), Some(rb)) = (rows.get(a), rows.get(b)) else { return Ordering::Equal };
            let primary = match sort.key {
                SortKey::Name => {
                    let o = ra.name.to_lowercase().cmp(&rb.name.to_lowercase());
                    if sort.descending { o.reverse() } else { o }
                }
                SortKey::Rank => by_option(ra.rank.map(|r| r as f64), rb.rank.map(|r| r as f64)),
                SortKey::Column(i) => by_option(
                    ra.cells.get(i).and_then(|c| c.value),
                    rb.cells.get(i).and_then(|c| c.value),
                ),
            };
            primary.then_with(|| ra.name.cmp(&rb.name))
        });
        self.order = order;
    }

    /// Rows in display order.
    pub fn sorted_rows(&self) -> impl Iterator<Item = &TableRow> {
        self.order.iter().filter_map(|&i| self.rows.get(i))
    }
}

/// The drawn units of the view with every indicator's value in the view's year. A value comes
/// from the same boundaries the map shows for that indicator when they contain the unit, else it
/// is the unit's own territory value (reported or computed from its parts), else no data.
pub fn table(ds: &Dataset, view: &MapView) -> TableModel {
    let lang = view.lang;
    let year = view.year;
    let columns: Vec<TableColumn> = ds
        .indicators
        .iter()
        .map(|d| TableColumn {
            key: d.key.clone(),
            name: d.names.get(lang).to_string(),
            unit: d.unit.get(lang).to_string(),
        })
        .collect();
    let Some(drawn) = analysis::view_values(ds, &view.indicator, year, view.boundary_mode) else {
        return TableModel { columns, ..TableModel::default() };
    };
    let ranks = analysis::ranking(ds, &view.indicator, year, view.boundary_mode);
    let per_indicator: Vec<(&IndicatorDef, Option<analysis::EditionValues>)> = ds
        .indicators
        .iter()
        .map(|d| (d, analysis::view_values(ds, &d.key, year, view.boundary_mode)))
        .collect();
    let rows = drawn
        .units
        .iter()
        .map(|unit| {
            let cells = per_indicator
                .iter()
                .map(|(def, values)| {
                    let on_map = values
                        .as_ref()
                        .filter(|v| v.edition == drawn.edition)
                        .and_then(|v| v.unit(&unit.code));
                    let (value, note) = match on_map {
                        Some(u) => {
                            let note = (u.value.is_some() && u.value_code != u.code)
                                .then(|| shared_value_note(ds, &u.value_code, lang));
                            (u.value, note)
                        }
                        None => (analysis::unit_value(ds, &def.key, &unit.code, year), None),
                    };
                    TableCell { value, text: number_text(Some(def), value, lang), note }
                })
                .collect();
            TableRow {
                code: unit.code.clone(),
                name: display_name(ds, &unit.code, lang),
                rank: ranks.iter().find(|r| r.code == unit.value_code).map(|r| r.rank),
                cells,
            }
        })
        .collect();
    TableModel { columns, rows, order: Vec::new() }
}

/// The view's indicator over time: the selected region's series against its reference.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartModel {
    pub indicator_name: String,
    pub unit: String,
    pub decimals: u8,
    /// The selected unit's name; None without a selection (the chart shows the reference alone).
    pub region_name: Option<String>,
    /// (year, value), ascending years.
    pub region: Vec<[f64; 2]>,
    pub reference_name: String,
    pub reference: Vec<[f64; 2]>,
    /// The unit the selected region was part of before a reform (name, series), when it was
    /// carved out of or split from one, so the years before the reform are not simply missing.
    pub predecessor: Option<(String, Vec<[f64; 2]>)>,
}

/// The chart of the view's indicator for `selected` (if any) against `reference`.
pub fn chart(
    ds: &Dataset,
    view: &MapView,
    selected: Option<&str>,
    reference: Reference,
) -> ChartModel {
    let lang = view.lang;
    let def = ds.indicator(&view.indicator);
    let points = |series: Vec<(i32, f64)>| -> Vec<[f64; 2]> {
        series.into_iter().map(|(y, v)| [f64::from(y), v]).collect()
    };
    let additive = def.is_some_and(|d| d.aggregation == Aggregation::Additive);
    let (reference_name, reference) = match reference {
        // A region's population or GRP is a fraction of the country's: on one axis with the
        // national total it would be a flat line at the bottom. The national value per region
        // is on the region's scale and still says how the country moved.
        Reference::National if additive => (
            UiText::NationalPerRegion.get(lang),
            per_region(ds, analysis::national_series(ds, &view.indicator)),
        ),
        Reference::National => {
            (UiText::NationalValue.get(lang), analysis::national_series(ds, &view.indicator))
        }
        Reference::Median => {
            (UiText::RegionalMedian.get(lang), analysis::median_series(ds, &view.indicator))
        }
    };
    let selected = selected.filter(|code| ds.region(code).is_some());
    let predecessor = selected
        .and_then(|code| ds.lineage.iter().find(|l| l.successors.iter().any(|s| s == code)))
        .map(|l| {
            let series = analysis::region_series(ds, &l.predecessor, &view.indicator)
                .into_iter()
                .filter(|(year, _)| *year < l.year)
                .collect();
            (display_name(ds, &l.predecessor, lang), points(series))
        })
        .filter(|(_, series)| !series.is_empty());
    ChartModel {
        indicator_name: def.map_or_else(|| view.indicator.clone(), |d| d.names.get(lang).into()),
        unit: def.map(|d| d.unit.get(lang).to_string()).unwrap_or_default(),
        decimals: def.map_or(1, |d| d.decimals),
        region_name: selected.map(|code| display_name(ds, code, lang)),
        region: selected
            .map(|code| points(analysis::region_series(ds, code, &view.indicator)))
            .unwrap_or_default(),
        reference_name: reference_name.to_string(),
        reference: points(reference),
        predecessor,
    }
}

/// A national series divided by the number of regions of each year's boundaries.
fn per_region(ds: &Dataset, series: Vec<(i32, f64)>) -> Vec<(i32, f64)> {
    series
        .into_iter()
        .filter_map(|(year, value)| {
            let edition = ds.editions.iter().find(|e| e.covers_year(year))?;
            let n = edition.units.len();
            (n > 0).then(|| (year, value / n as f64))
        })
        .collect()
}

/// Values of every indicator of one region, by year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValueTable {
    /// Ascending; every year in which some indicator has a value.
    pub years: Vec<i32>,
    /// Indicators with at least one value.
    pub columns: Vec<ValueColumn>,
}

/// One indicator's values, one text per year of the table ("" for no data).
#[derive(Debug, Clone, PartialEq)]
pub struct ValueColumn {
    pub name: String,
    pub unit: String,
    pub cells: Vec<String>,
}

/// A growth point of the selected region.
#[derive(Debug, Clone, PartialEq)]
pub struct GrowthPointRow {
    pub name: String,
    pub level: Option<GrowthLevel>,
    pub level_text: String,
    pub is_monotown: bool,
    /// "1 354 435 чел.", when known.
    pub population: Option<String>,
}

/// A project of the selected region.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub name: String,
    pub company: String,
    pub sector: Sector,
    pub sector_text: String,
    pub status: ProjectStatus,
    pub status_text: String,
    pub year: Option<i32>,
    /// The amount as the source gave it, in million KZT when the unit is tenge.
    pub investment: Option<String>,
    pub jobs: Option<String>,
}

/// What the side panel shows about the selected unit.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionDetails {
    pub code: String,
    /// In the view's language.
    pub name: String,
    /// In the other two languages (left out where they read the same).
    pub other_names: Vec<String>,
    pub kind: String,
    pub admin_centre: Option<String>,
    /// Formatted with its unit.
    pub area: Option<String>,
    /// How the unit relates to older or newer boundaries, when it does.
    pub lineage: Option<String>,
    pub values: ValueTable,
    pub growth_points: Vec<GrowthPointRow>,
    pub projects: Vec<ProjectRow>,
    /// True for the overview of the whole country shown while nothing is selected: its towns
    /// and projects are counted, not listed.
    pub is_country: bool,
}

/// The whole country, for the side panel while nothing is selected: its names, how many
/// regions of each kind today's boundaries have, its area and the national series.
pub fn country_details(ds: &Dataset, lang: Lang) -> RegionDetails {
    let name = |l: Lang| UiText::Kazakhstan.get(l).to_string();
    let current = ds.current_edition();
    let units = current.map_or(&[][..], |e| e.units.as_slice());
    let cities = units
        .iter()
        .filter(|u| ds.region(&u.region_code).is_some_and(|r| r.kind == RegionKind::City))
        .count();
    let area: f64 = units.iter().map(|u| u.area_km2).sum();
    RegionDetails {
        code: NATIONAL_CODE.to_string(),
        name: name(lang),
        other_names: Lang::ALL.into_iter().filter(|l| *l != lang).map(name).collect(),
        kind: ui_text::region_counts(units.len() - cities, cities, lang),
        admin_centre: None,
        area: (area > 0.0)
            .then(|| format!("{} {}", format_number(area, 0, lang), UiText::SquareKm.get(lang))),
        lineage: None,
        values: value_table(ds, NATIONAL_CODE, lang),
        growth_points: Vec::new(),
        projects: Vec::new(),
        is_country: true,
    }
}

/// Details of the unit `code` (a current or a legacy unit); None when the code is unknown.
pub fn details(ds: &Dataset, code: &str, lang: Lang) -> Option<RegionDetails> {
    let region = ds.region(code)?;
    let name = region.names.get(lang).to_string();
    let mut other_names: Vec<String> = Vec::new();
    for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
        let n = region.names.get(other);
        if n != name && !other_names.iter().any(|o| o == n) {
            other_names.push(n.to_string());
        }
    }
    let area =
        ds.editions.iter().rev().find_map(|e| e.unit(code)).map(|u| {
            format!("{} {}", format_number(u.area_km2, 0, lang), UiText::SquareKm.get(lang))
        });
    // The territory: the unit itself, and for a legacy unit the units it was split into, so its
    // towns and projects (filed under today's codes) are listed.
    let territory = territory_codes(ds, code);
    let mut growth_points: Vec<(&crate::model::GrowthPoint, GrowthPointRow)> = ds
        .growth_points
        .iter()
        .filter(|g| territory.contains(&g.region_code))
        .map(|g| {
            let row = GrowthPointRow {
                name: g.names.get(lang).to_string(),
                level: g.level,
                level_text: g.level.map_or_else(
                    || MapText::OtherTown.get(lang).to_string(),
                    |l| map_text::growth_level(l, lang).to_string(),
                ),
                is_monotown: g.is_monotown,
                population: g.population.map(|p| map_text::people(p as f64, lang)),
            };
            (g, row)
        })
        .collect();
    growth_points.sort_by(|(a, _), (b, _)| {
        let level = |g: &crate::model::GrowthPoint| g.level.map_or(u8::MAX, |l| l as u8);
        level(a).cmp(&level(b)).then_with(|| b.population.cmp(&a.population))
    });
    let mut projects: Vec<ProjectRow> = ds
        .projects
        .iter()
        .filter(|p| territory.contains(&p.region_code))
        .map(|p| ProjectRow {
            name: p.names.get(lang).to_string(),
            company: p.company.clone(),
            sector: p.sector,
            sector_text: map_text::sector(p.sector, lang).to_string(),
            status: p.status,
            status_text: ui_text::project_status(p.status, lang).to_string(),
            year: p.year,
            investment: p.investment.as_ref().map(|i| match i.million_kzt {
                Some(m) => {
                    format!("{} {}", format_number(m, 0, lang), UiText::MillionKzt.get(lang))
                }
                None => format!("{} {}", format_number(i.amount, 1, lang), i.unit),
            }),
            jobs: p.jobs.map(|j| format_number(f64::from(j), 0, lang)),
        })
        .collect();
    projects.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.name.cmp(&b.name)));
    Some(RegionDetails {
        code: code.to_string(),
        name,
        other_names,
        kind: ui_text::region_kind(region.kind, lang).to_string(),
        admin_centre: region.admin_center.as_ref().map(|n| n.get(lang).to_string()),
        area,
        lineage: lineage_text(ds, region, lang),
        values: value_table(ds, code, lang),
        growth_points: growth_points.into_iter().map(|(_, row)| row).collect(),
        projects,
        is_country: false,
    })
}

/// Every indicator's series of `code`, as a years × indicators table of texts.
fn value_table(ds: &Dataset, code: &str, lang: Lang) -> ValueTable {
    let series: Vec<(&IndicatorDef, Vec<(i32, f64)>)> = ds
        .indicators
        .iter()
        .map(|d| (d, analysis::region_series(ds, code, &d.key)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    let mut years: Vec<i32> = series.iter().flat_map(|(_, s)| s.iter().map(|(y, _)| *y)).collect();
    years.sort_unstable();
    years.dedup();
    let columns = series
        .iter()
        .map(|(def, s)| ValueColumn {
            name: def.names.get(lang).to_string(),
            unit: def.unit.get(lang).to_string(),
            cells: years
                .iter()
                .map(|y| {
                    s.iter()
                        .find(|(sy, _)| sy == y)
                        .map(|(_, v)| format_number(*v, def.decimals, lang))
                        .unwrap_or_default()
                })
                .collect(),
        })
        .collect();
    ValueTable { years, columns }
}

/// `code` and, for a unit that was split, every unit it was split into (recursively).
fn territory_codes(ds: &Dataset, code: &str) -> Vec<String> {
    let mut codes = vec![code.to_string()];
    let mut i = 0;
    // Bounded by the number of lineage entries, so a cyclic lineage in a file cannot loop.
    while let Some(current) = codes.get(i).cloned() {
        for l in ds.lineage.iter().filter(|l| l.predecessor == current) {
            for s in &l.successors {
                if !codes.contains(s) && codes.len() <= ds.lineage.len() * 8 + 1 {
                    codes.push(s.clone());
                }
            }
        }
        i += 1;
    }
    codes
}

/// How a unit relates to a reform: "Split in 2022 into …" for a legacy unit; for a unit that
/// kept its code and lost part of its territory, which units were split off; for a unit carved
/// out of another, "Part of … until 2022".
fn lineage_text(ds: &Dataset, region: &Region, lang: Lang) -> Option<String> {
    let names = |codes: &mut dyn Iterator<Item = &String>| -> Vec<String> {
        codes.map(|c| display_name(ds, c, lang)).collect()
    };
    if let Some(split) = ds.lineage.iter().find(|l| l.predecessor == region.code) {
        let names = names(&mut split.successors.iter());
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        return Some(ui_text::split_into(split.year, &names, lang));
    }
    let from = ds.lineage.iter().find(|l| l.successors.contains(&region.code))?;
    if from.predecessor.split('@').next() == Some(region.code.as_str()) {
        // The remainder keeps the old unit's code (KZ-KAR after Ulytau left it).
        let others = names(&mut from.successors.iter().filter(|s| **s != region.code));
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        return Some(ui_text::split_off(from.year, &others, lang));
    }
    Some(ui_text::part_of_until(&display_name(ds, &from.predecessor, lang), from.year, lang))
}

/// The short name of a unit ("Akmola Region"), marked with the year it ended for a legacy unit
/// ("East Kazakhstan Region (before 2022)") so it is not confused with today's namesake.
pub fn display_name(ds: &Dataset, code: &str, lang: Lang) -> String {
    let Some(region) = ds.region(code) else { return code.to_string() };
    let full = region.names.get(lang);
    let short = full.split(" (").next().unwrap_or(full).trim();
    match region.valid_to {
        Some(until) => format!("{short} ({})", ui_text::before_year(until, lang)),
        None => short.to_string(),
    }
}

/// "Value of East Kazakhstan Region (before 2022), which covers this region".
fn shared_value_note(ds: &Dataset, value_code: &str, lang: Lang) -> String {
    ui_text::value_of(&display_name(ds, value_code, lang), lang)
}

/// A value with its unit, or "no data".
fn value_text(def: Option<&IndicatorDef>, value: Option<f64>, lang: Lang) -> String {
    match def {
        Some(d) => format_value(value, d.decimals, d.unit.get(lang), lang),
        None => format_value(value, 1, "", lang),
    }
}

/// A value without its unit (the column header carries it), or "–" for no data.
fn number_text(def: Option<&IndicatorDef>, value: Option<f64>, lang: Lang) -> String {
    match value {
        Some(v) => format_number(v, def.map_or(1, |d| d.decimals), lang),
        None => "–".to_string(),
    }
}
