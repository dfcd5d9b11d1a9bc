//! The presentation deck in the file: reading, writing and checking slides, and the store
//! operations on one slide (save, delete) or on the order of the deck, each one transaction.
//! Positions in the file are always 0..n without gaps, in deck order.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Connection, Row, Transaction, params};

use super::{
    Defect, Fault, Field, Label, LabelKind, Problem, Row as Key, SlideOrderProblem, SlideProblem,
    StoreError, open_for_writing, sql_error,
};
use crate::analysis::typology::{DERIVED_COMPONENTS, MAX_CLASSES, TypologyState};
use crate::analysis::values::BoundaryMode;
use crate::map::difference::DifferenceMode;
use crate::model::{
    Dataset, NATIONAL_CODE, Names, Slide, SlideExtent, SlideLayers, SlidePotential, SlideScreen,
    SlideSource, SlideTarget, SlideView,
};
use crate::scenario::DERIVED_INDICATORS;

/// What a slide may refer to: the keys and codes of one file (or one dataset).
pub(super) struct SlideRefs {
    indicators: HashSet<String>,
    /// Every unit of every edition (a slide may select a legacy unit on an old year's map).
    regions: HashSet<String>,
    /// The current edition's units: the regions targets are set for.
    current: HashSet<String>,
    scenarios: HashSet<i64>,
}

impl SlideRefs {
    pub(super) fn of(ds: &Dataset) -> SlideRefs {
        SlideRefs {
            indicators: ds.indicators.iter().map(|i| i.key.clone()).collect(),
            regions: ds.regions.iter().map(|r| r.code.clone()).collect(),
            current: ds
                .current_edition()
                .map(|e| e.units.iter().map(|u| u.region_code.clone()).collect())
                .unwrap_or_default(),
            scenarios: ds.scenarios.iter().map(|s| s.id).collect(),
        }
    }

    fn read(conn: &Connection) -> Result<SlideRefs, Fault> {
        let strings = |context: &'static str, query: &str| -> Result<HashSet<String>, Fault> {
            let mut stmt = conn.prepare(query).map_err(|e| Fault::Sql(context, e))?;
            let out = stmt.query_map([], |r| r.get(0)).map_err(|e| Fault::Sql(context, e))?;
            out.collect::<rusqlite::Result<_>>().map_err(|e| Fault::Sql(context, e))
        };
        let indicators = strings("reading indicators", "SELECT key FROM indicators")?;
        let regions = strings("reading regions", "SELECT code FROM units")?;
        let current = strings(
            "reading the current edition",
            "SELECT r.code FROM regions r JOIN editions e ON r.edition = e.key
             WHERE e.valid_to IS NULL",
        )?;
        let context = "reading scenarios";
        let mut stmt = conn
            .prepare("SELECT scenario_id FROM scenarios")
            .map_err(|e| Fault::Sql(context, e))?;
        let scenarios = stmt
            .query_map([], |r| r.get(0))
            .map_err(|e| Fault::Sql(context, e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| Fault::Sql(context, e))?;
        Ok(SlideRefs { indicators, regions, current, scenarios })
    }

    fn indicator(&self, key: &str) -> bool {
        self.indicators.contains(key) || DERIVED_INDICATORS.contains(&key)
    }
}

/// Why `slide` does not fit the file described by `refs`, in words a planner can act on. A side
/// naming a missing scenario is a problem only with `scenarios_required` (a slide being saved);
/// a whole dataset may hold such sides after a scenario was deleted, and they read as the data.
pub(super) fn problem(
    refs: &SlideRefs,
    slide: &Slide,
    scenarios_required: bool,
) -> Option<SlideProblem> {
    let v = &slide.view;
    if slide.id <= 0 {
        return Some(SlideProblem::IdNotPositive(slide.id));
    }
    if !refs.indicator(&v.indicator) {
        return Some(SlideProblem::UnknownIndicator(v.indicator.clone()));
    }
    let mut seen = HashSet::new();
    for code in &v.selected {
        if !refs.regions.contains(code) {
            return Some(SlideProblem::UnknownRegion(code.clone()));
        }
        if !seen.insert(code.as_str()) {
            return Some(SlideProblem::RegionTwice(code.clone()));
        }
    }
    for (side, source) in [('A', v.compare_a), ('B', v.compare_b)] {
        if let SlideSource::Scenario(id) = source
            && (id <= 0 || (scenarios_required && !refs.scenarios.contains(&id)))
        {
            return Some(SlideProblem::UnknownSideScenario { side, id });
        }
    }
    if let Some(e) = v.extent {
        let finite = [e.min_lon, e.min_lat, e.max_lon, e.max_lat].iter().all(|x| x.is_finite());
        if !finite
            || e.min_lon >= e.max_lon
            || e.min_lat >= e.max_lat
            || e.min_lon < -180.0
            || e.max_lon > 180.0
            || e.min_lat < -90.0
            || e.max_lat > 90.0
        {
            return Some(SlideProblem::BadExtent {
                min_lon: e.min_lon,
                max_lon: e.max_lon,
                min_lat: e.min_lat,
                max_lat: e.max_lat,
            });
        }
    }
    if let Some(problem) = potential_problem(refs, v, scenarios_required) {
        return Some(problem);
    }
    if let Some(t) = &v.target {
        if !refs.indicator(&t.indicator) {
            return Some(SlideProblem::UnknownTargetIndicator(t.indicator.clone()));
        }
        if t.region_code != NATIONAL_CODE && !refs.current.contains(&t.region_code) {
            return Some(SlideProblem::UnknownTargetRegion(t.region_code.clone()));
        }
    }
    None
}

/// Why the Potential part of `v` does not fit the file: missing on a Potential slide or present
/// on another, no components, an indicator the file lacks, a weight below 0, fewer than 2 or
/// more than [`MAX_CLASSES`] classes, a significance level outside (0, 1), or (with
/// `scenarios_required`) a state naming a scenario the file does not have.
fn potential_problem(
    refs: &SlideRefs,
    v: &SlideView,
    scenarios_required: bool,
) -> Option<SlideProblem> {
    let p = match (&v.potential, v.screen == SlideScreen::Potential) {
        (None, false) => return None,
        (None, true) => return Some(SlideProblem::PotentialWithoutTypology),
        (Some(_), false) => return Some(SlideProblem::TypologyOnOtherScreen),
        (Some(p), true) => p,
    };
    let t = &p.typology;
    if t.components.is_empty() {
        return Some(SlideProblem::NoComponents);
    }
    for c in &t.components {
        if !refs.indicators.contains(&c.indicator)
            && !DERIVED_COMPONENTS.contains(&c.indicator.as_str())
        {
            return Some(SlideProblem::UnknownComponent(c.indicator.clone()));
        }
        if !(c.weight.is_finite() && c.weight >= 0.0) {
            return Some(SlideProblem::BadWeight {
                weight: c.weight,
                indicator: c.indicator.clone(),
            });
        }
    }
    let classes = t.classification.classes();
    if !(2..=MAX_CLASSES).contains(&classes) {
        return Some(SlideProblem::ClassCount(classes));
    }
    if !(p.significance > 0.0 && p.significance < 1.0) {
        return Some(SlideProblem::Significance(p.significance));
    }
    for state in [t.state, p.change_a, p.change_b] {
        if let TypologyState::Scenario { scenario_id, .. } = state
            && (scenario_id <= 0 || (scenarios_required && !refs.scenarios.contains(&scenario_id)))
        {
            return Some(SlideProblem::UnknownScenario(scenario_id));
        }
    }
    None
}

/// How a slide is named in messages: its id and its title (in English, or another filled one,
/// in the English text).
pub(super) fn label(slide: &Slide) -> Label {
    Label { kind: LabelKind::Slide, id: slide.id, name: Box::new(slide.title.clone()) }
}

/// A refusal of `slide` while a whole dataset is written.
fn slide_fault(slide: &Slide, problem: SlideProblem) -> Fault {
    Fault::Invalid(Problem::Slide { slide: label(slide), problem })
}

fn boundary_key(mode: BoundaryMode) -> &'static str {
    match mode {
        BoundaryMode::AsReported => "as_reported",
        BoundaryMode::Current => "current",
    }
}

fn difference_key(mode: DifferenceMode) -> &'static str {
    match mode {
        DifferenceMode::Absolute => "absolute",
        DifferenceMode::Relative => "relative",
    }
}

/// The `potential` column of `slide`: its Potential view as JSON, None on other screens.
fn potential_json(slide: &Slide) -> Result<Option<String>, Fault> {
    let Some(potential) = &slide.view.potential else { return Ok(None) };
    serde_json::to_string(potential)
        .map(Some)
        .map_err(|e| slide_fault(slide, SlideProblem::PotentialNotWritten(e.to_string())))
}

/// Inserts `slide` at `position`, or updates it in place when its id exists.
pub(super) fn write_slide(tx: &Transaction, slide: &Slide, position: u32) -> Result<(), Fault> {
    let v = &slide.view;
    let extent = v.extent;
    let target = v.target.as_ref();
    tx.execute(
        "INSERT INTO slides (slide_id, position, title_kk, title_ru, title_en, notes_kk, notes_ru,
           notes_en, screen, indicator, year, boundary_mode, show_growth_points, show_projects,
           show_labels, show_corridors, selected_regions, extent_min_lon, extent_min_lat,
           extent_max_lon, extent_max_lat, compare_a, compare_b, difference, target_indicator,
           target_region, target_year, potential)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
           ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)
         ON CONFLICT (slide_id) DO UPDATE SET position = excluded.position,
           title_kk = excluded.title_kk, title_ru = excluded.title_ru,
           title_en = excluded.title_en, notes_kk = excluded.notes_kk,
           notes_ru = excluded.notes_ru, notes_en = excluded.notes_en, screen = excluded.screen,
           indicator = excluded.indicator, year = excluded.year,
           boundary_mode = excluded.boundary_mode,
           show_growth_points = excluded.show_growth_points,
           show_projects = excluded.show_projects, show_labels = excluded.show_labels,
           show_corridors = excluded.show_corridors, selected_regions = excluded.selected_regions,
           extent_min_lon = excluded.extent_min_lon, extent_min_lat = excluded.extent_min_lat,
           extent_max_lon = excluded.extent_max_lon, extent_max_lat = excluded.extent_max_lat,
           compare_a = excluded.compare_a, compare_b = excluded.compare_b,
           difference = excluded.difference, target_indicator = excluded.target_indicator,
           target_region = excluded.target_region, target_year = excluded.target_year,
           potential = excluded.potential",
        params![
            slide.id,
            position,
            slide.title.kk,
            slide.title.ru,
            slide.title.en,
            slide.notes.kk,
            slide.notes.ru,
            slide.notes.en,
            v.screen.key(),
            v.indicator,
            v.year,
            boundary_key(v.boundary_mode),
            v.layers.growth_points,
            v.layers.projects,
            v.layers.labels,
            v.layers.corridors,
            v.selected.join(","),
            extent.map(|e| e.min_lon),
            extent.map(|e| e.min_lat),
            extent.map(|e| e.max_lon),
            extent.map(|e| e.max_lat),
            v.compare_a.scenario_id(),
            v.compare_b.scenario_id(),
            difference_key(v.difference),
            target.map(|t| t.indicator.as_str()),
            target.map(|t| t.region_code.as_str()),
            target.map(|t| t.year),
            potential_json(slide)?,
        ],
    )
    .map_err(|e| Fault::Sql("writing slides", e))?;
    Ok(())
}

/// Checks every slide of `ds` against `ds` and writes the deck in its order (positions 0..n).
pub(super) fn write_slides(tx: &Transaction, ds: &Dataset) -> Result<(), Fault> {
    let refs = SlideRefs::of(ds);
    let mut ids = HashSet::new();
    for slide in &ds.slides {
        if !ids.insert(slide.id) {
            return Err(slide_fault(slide, SlideProblem::IdUsedTwice));
        }
        if let Some(problem) = problem(&refs, slide, false) {
            return Err(slide_fault(slide, problem));
        }
    }
    for (position, slide) in (0u32..).zip(&ds.slides) {
        write_slide(tx, slide, position)?;
    }
    Ok(())
}

type RawSlide = (i64, i64, Names, Names, String, String, i32, String, [bool; 4], String);
type RawRest =
    ([Option<f64>; 4], [Option<i64>; 2], String, Option<(String, String, i32)>, Option<String>);

fn raw(r: &Row) -> rusqlite::Result<(RawSlide, RawRest)> {
    let name = |first: usize| -> rusqlite::Result<Names> {
        Ok(Names { kk: r.get(first)?, ru: r.get(first + 1)?, en: r.get(first + 2)? })
    };
    let target = match (r.get(24)?, r.get(25)?, r.get(26)?) {
        (Some(indicator), Some(region), Some(year)) => Some((indicator, region, year)),
        _ => None,
    };
    Ok((
        (
            r.get(0)?,
            r.get(1)?,
            name(2)?,
            name(5)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            [r.get(12)?, r.get(13)?, r.get(14)?, r.get(15)?],
            r.get(16)?,
        ),
        (
            [r.get(17)?, r.get(18)?, r.get(19)?, r.get(20)?],
            [r.get(21)?, r.get(22)?],
            r.get(23)?,
            target,
            r.get(27)?,
        ),
    ))
}

/// The deck in its order. A row with an unknown key is an error naming the slide; a side whose
/// scenario is not in the file reads as the actual data.
pub(super) fn read_slides(conn: &Connection) -> Result<Vec<Slide>, Fault> {
    let context = "reading slides";
    let scenarios: HashSet<i64> = {
        let mut stmt = conn
            .prepare("SELECT scenario_id FROM scenarios")
            .map_err(|e| Fault::Sql(context, e))?;
        stmt.query_map([], |r| r.get(0))
            .map_err(|e| Fault::Sql(context, e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| Fault::Sql(context, e))?
    };
    let mut stmt = conn
        .prepare(
            "SELECT slide_id, position, title_kk, title_ru, title_en, notes_kk, notes_ru, notes_en,
               screen, indicator, year, boundary_mode, show_growth_points, show_projects,
               show_labels, show_corridors, selected_regions, extent_min_lon, extent_min_lat,
               extent_max_lon, extent_max_lat, compare_a, compare_b, difference,
               target_indicator, target_region, target_year, potential
             FROM slides ORDER BY position, id",
        )
        .map_err(|e| Fault::Sql(context, e))?;
    let rows = stmt
        .query_map([], raw)
        .map_err(|e| Fault::Sql(context, e))?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(|e| Fault::Sql(context, e))?;
    let mut slides = Vec::with_capacity(rows.len());
    for (a, b) in rows {
        let (id, position, title, notes, screen, indicator, year, boundary, layers, selected) = a;
        let (extent, sides, difference, target, potential) = b;
        let bad = |defect| {
            Fault::Invalid(Problem::Damaged { table: "slides", row: Key::Slide(id), defect })
        };
        let unknown = |field, value: &str| Defect::Unknown { field, value: value.to_owned() };
        let Some(screen) = SlideScreen::from_key(&screen) else {
            return Err(bad(unknown(Field::Screen, &screen)));
        };
        let boundary_mode = match boundary.as_str() {
            "as_reported" => BoundaryMode::AsReported,
            "current" => BoundaryMode::Current,
            other => return Err(bad(unknown(Field::BoundaryMode, other))),
        };
        let difference = match difference.as_str() {
            "absolute" => DifferenceMode::Absolute,
            "relative" => DifferenceMode::Relative,
            other => return Err(bad(unknown(Field::DifferenceMode, other))),
        };
        let Ok(position) = u32::try_from(position) else {
            return Err(bad(Defect::Position(position)));
        };
        let extent = match extent {
            [Some(min_lon), Some(min_lat), Some(max_lon), Some(max_lat)] => {
                Some(SlideExtent { min_lon, min_lat, max_lon, max_lat })
            }
            _ => None,
        };
        let side = |id: Option<i64>| match id {
            Some(id) if scenarios.contains(&id) => SlideSource::Scenario(id),
            _ => SlideSource::Actual,
        };
        let potential = match potential {
            Some(json) => Some(Box::new(
                serde_json::from_str::<SlidePotential>(&json)
                    .map_err(|e| bad(Defect::BadPotential(e.to_string())))?,
            )),
            None => None,
        };
        if (screen == SlideScreen::Potential) != potential.is_some() {
            return Err(bad(Defect::PotentialMismatch));
        }
        let [growth_points, projects, labels, corridors] = layers;
        slides.push(Slide {
            id,
            position,
            title,
            notes,
            view: SlideView {
                screen,
                indicator,
                year,
                boundary_mode,
                layers: SlideLayers { growth_points, projects, labels, corridors },
                selected: selected
                    .split(',')
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                extent,
                compare_a: side(sides[0]),
                compare_b: side(sides[1]),
                difference,
                target: target.map(|(indicator, region_code, year)| SlideTarget {
                    indicator,
                    region_code,
                    year,
                }),
                potential,
            },
        });
    }
    Ok(slides)
}

/// The slide ids of the file in deck order.
fn order(tx: &Transaction) -> Result<Vec<i64>, Fault> {
    let context = "reading the order of the slides";
    let mut stmt = tx
        .prepare("SELECT slide_id FROM slides ORDER BY position, id")
        .map_err(|e| Fault::Sql(context, e))?;
    let ids = stmt
        .query_map([], |r| r.get(0))
        .map_err(|e| Fault::Sql(context, e))?
        .collect::<rusqlite::Result<Vec<i64>>>()
        .map_err(|e| Fault::Sql(context, e))?;
    Ok(ids)
}

/// Gives the slides `ids` the positions 0, 1, … in that order.
fn renumber(tx: &Transaction, ids: &[i64]) -> Result<(), Fault> {
    let context = "writing the order of the slides";
    let mut stmt = tx
        .prepare("UPDATE slides SET position = ?1 WHERE slide_id = ?2")
        .map_err(|e| Fault::Sql(context, e))?;
    for (position, id) in (0u32..).zip(ids) {
        stmt.execute(params![position, id]).map_err(|e| Fault::Sql(context, e))?;
    }
    Ok(())
}

/// Saves one slide in one transaction: a new id is inserted at `slide.position` (at the end when
/// the position is past it), an existing id is replaced in place and moved to `slide.position`;
/// the other slides keep their order and the positions stay 0..n. A slide naming an indicator,
/// region or scenario the file does not have is refused and the file left as it was.
pub fn save_slide(path: &Path, slide: &Slide) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
    let refs = SlideRefs::read(&tx).map_err(|f| f.at(path))?;
    if let Some(problem) = problem(&refs, slide, true) {
        return Err(StoreError::Slide { path: path.to_owned(), slide: label(slide), problem });
    }
    let mut ids = order(&tx).map_err(|f| f.at(path))?;
    ids.retain(|&id| id != slide.id);
    let at = usize::try_from(slide.position).unwrap_or(usize::MAX).min(ids.len());
    ids.insert(at, slide.id);
    write_slide(&tx, slide, 0).map_err(|f| f.at(path))?;
    renumber(&tx, &ids).map_err(|f| f.at(path))?;
    tx.commit().map_err(sql_error(path, "saving the slide"))
}

/// Deletes slide `id` in one transaction; the slides after it move up one place.
pub fn delete_slide(path: &Path, id: i64) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
    let deleted = tx
        .execute("DELETE FROM slides WHERE slide_id = ?1", [id])
        .map_err(sql_error(path, "deleting the slide"))?;
    if deleted == 0 {
        return Err(StoreError::NoSuchSlide { path: path.to_owned(), id });
    }
    let ids = order(&tx).map_err(|f| f.at(path))?;
    renumber(&tx, &ids).map_err(|f| f.at(path))?;
    tx.commit().map_err(sql_error(path, "deleting the slide"))
}

/// Puts the deck in the order of `ids`, in one transaction. `ids` must name every slide of the
/// file exactly once; otherwise nothing changes and the error says which id is wrong.
pub fn reorder_slides(path: &Path, ids: &[i64]) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
    let current = order(&tx).map_err(|f| f.at(path))?;
    let refuse = |problem| StoreError::SlideOrder { path: path.to_owned(), problem };
    let mut seen = HashSet::new();
    for id in ids {
        if !current.contains(id) {
            return Err(refuse(SlideOrderProblem::NoSuchSlide(*id)));
        }
        if !seen.insert(*id) {
            return Err(refuse(SlideOrderProblem::ListedTwice(*id)));
        }
    }
    if let Some(missing) = current.iter().find(|id| !seen.contains(id)) {
        return Err(refuse(SlideOrderProblem::Missing(*missing)));
    }
    renumber(&tx, ids).map_err(|f| f.at(path))?;
    tx.commit().map_err(sql_error(path, "reordering the slides"))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use rusqlite::Connection;

    use super::super::{configure, load, schema, schema_version, write};
    use crate::model::Dataset;

    /// Rows of every table of the file at `path`, by table name.
    fn row_counts(path: &Path) -> Vec<(String, i64)> {
        let conn = Connection::open(path).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT table_name FROM gpkg_contents ORDER BY table_name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        tables
            .into_iter()
            .map(|t| {
                let n = conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0));
                (t, n.unwrap())
            })
            .collect()
    }

    #[test]
    fn v3_file_gains_an_empty_deck_and_keeps_every_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v3.gpkg");
        let full = crate::io::default_dataset::build().unwrap();
        // A v3 file: scenarios, but no slides table.
        let ds = Dataset { slides: Vec::new(), typologies: Vec::new(), ..full.clone() };
        {
            let mut conn = Connection::open(&path).unwrap();
            configure(&conn).unwrap();
            schema::migrate(&mut conn, 0, 3).unwrap();
            let tx = conn.transaction().unwrap();
            write::write_dataset(&tx, &ds).unwrap();
            tx.commit().unwrap();
        }
        assert_eq!(schema_version(&path).unwrap(), 3);
        let before = row_counts(&path);
        assert!(before.iter().all(|(t, _)| t != "slides"));

        assert_eq!(load(&path).unwrap(), ds);
        assert_eq!(schema_version(&path).unwrap(), schema::SCHEMA_VERSION);
        let mut after = row_counts(&path);
        assert!(after.contains(&("slides".to_owned(), 0)), "{after:?}");
        assert!(after.contains(&("typologies".to_owned(), 0)), "{after:?}");
        after.retain(|(t, _)| t != "slides" && t != "typologies");
        assert_eq!(after, before, "every table keeps every row");

        // The upgraded file takes the example deck and gives it back exactly.
        for slide in &full.slides {
            super::save_slide(&path, slide).unwrap();
        }
        assert_eq!(load(&path).unwrap(), full);
    }
}
