//! Writing a whole [`Dataset`] into the tables of a freshly migrated file, inside the caller's
//! transaction. References are checked first so a bad dataset fails with a message naming the
//! offending code instead of SQLite's bare "FOREIGN KEY constraint failed".

use std::collections::HashSet;

use geo::{BoundingRect, Rect};
use rusqlite::{Transaction, params};

use super::Fault;
use super::codes;
use super::gpkg;
use crate::model::{Dataset, NATIONAL_CODE, Project, Scenario, TargetKind};

/// Checks that every code a row refers to exists and that keys are unique.
fn validate(ds: &Dataset) -> Result<(), Fault> {
    let mut regions = HashSet::new();
    for r in &ds.regions {
        if !regions.insert(r.code.as_str()) {
            return Err(Fault::text(format!("region {} is listed twice", r.code)));
        }
    }
    let known = |code: &str, what: &str| {
        if regions.contains(code) {
            Ok(())
        } else {
            Err(Fault::text(format!("{what} refers to {code}, which is not a region of the file")))
        }
    };
    let mut editions = HashSet::new();
    for e in &ds.editions {
        if !editions.insert(e.key.as_str()) {
            return Err(Fault::text(format!("boundary edition {} is listed twice", e.key)));
        }
        let mut units = HashSet::new();
        for u in &e.units {
            known(&u.region_code, &format!("boundary edition {}", e.key))?;
            if !units.insert(u.region_code.as_str()) {
                return Err(Fault::text(format!(
                    "boundary edition {} holds {} twice",
                    e.key, u.region_code
                )));
            }
        }
    }
    for l in &ds.lineage {
        known(&l.predecessor, "the lineage")?;
        for s in &l.successors {
            known(s, &format!("the lineage of {}", l.predecessor))?;
        }
    }
    let mut indicators = HashSet::new();
    for i in &ds.indicators {
        if !indicators.insert(i.key.as_str()) {
            return Err(Fault::text(format!("indicator {} is defined twice", i.key)));
        }
    }
    let mut values = HashSet::new();
    for v in &ds.values {
        if v.region_code != NATIONAL_CODE {
            known(&v.region_code, &format!("a value of {} for {}", v.indicator, v.year))?;
        }
        if !indicators.contains(v.indicator.as_str()) {
            return Err(Fault::text(format!(
                "a value refers to unknown indicator {}",
                v.indicator
            )));
        }
        if !values.insert((v.region_code.as_str(), v.indicator.as_str(), v.year)) {
            return Err(Fault::text(format!(
                "two values of {} for {} in {}",
                v.indicator, v.region_code, v.year
            )));
        }
    }
    let mut ids = HashSet::new();
    for g in &ds.growth_points {
        known(&g.region_code, &format!("growth point {}", g.names.en))?;
        if g.id <= 0 || !ids.insert(g.id) {
            return Err(Fault::text(format!(
                "growth point id {} is not unique and positive",
                g.id
            )));
        }
    }
    let mut codes = HashSet::new();
    for p in &ds.projects {
        known(&p.region_code, &format!("project {}", p.code))?;
        if !codes.insert(p.code.as_str()) {
            return Err(Fault::text(format!("project code {} is used twice", p.code)));
        }
    }
    let mut ids = HashSet::new();
    for c in &ds.corridors {
        if c.id <= 0 || !ids.insert(c.id) {
            return Err(Fault::text(format!("corridor id {} is not unique and positive", c.id)));
        }
    }
    let mut ids = HashSet::new();
    for s in &ds.scenarios {
        if !ids.insert(s.id) {
            return Err(Fault::text(format!(
                "scenario id {} is used twice («{}»)",
                s.id,
                s.name.get(crate::model::Lang::En)
            )));
        }
        crate::scenario::validate(ds, s).map_err(|e| Fault::text(e.to_string()))?;
    }
    Ok(())
}

fn geometry_fault(what: String) -> impl Fn(String) -> Fault {
    move |problem| Fault::text(format!("{what}: {problem}"))
}

/// Grows an extent by another rectangle.
fn extend(extent: &mut Option<Rect<f64>>, rect: Option<Rect<f64>>) {
    let Some(r) = rect else { return };
    *extent = Some(match *extent {
        None => r,
        Some(e) => Rect::new(
            geo::coord! { x: e.min().x.min(r.min().x), y: e.min().y.min(r.min().y) },
            geo::coord! { x: e.max().x.max(r.max().x), y: e.max().y.max(r.max().y) },
        ),
    });
}

/// A `projects` row: the geometry blob, then every field of a [`Project`], bound by
/// [`insert_project`]. Written once for the whole file, the imports and the single edits.
pub(super) const INSERT_PROJECT: &str = "INSERT INTO projects (geom, code, name_kk, name_ru,
       name_en, company, sector, sector_detail, region_code, location_basis, year,
       investment_amount, investment_unit, investment_million_kzt, jobs, capacity, status,
       status_detail, source, notes)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
       ?19, ?20)";

/// Runs `stmt` (prepared from [`INSERT_PROJECT`], possibly with an ON CONFLICT clause after
/// it) for project `p` whose location is encoded in `blob`.
pub(super) fn insert_project(
    stmt: &mut rusqlite::Statement<'_>,
    blob: &[u8],
    p: &Project,
) -> rusqlite::Result<usize> {
    let investment = p.investment.as_ref();
    stmt.execute(params![
        blob,
        p.code,
        p.names.kk,
        p.names.ru,
        p.names.en,
        p.company,
        p.sector.key(),
        p.sector_detail,
        p.region_code,
        codes::location_basis(p.location_basis),
        p.year,
        investment.map(|i| i.amount),
        investment.map(|i| &i.unit),
        investment.and_then(|i| i.million_kzt),
        p.jobs,
        p.capacity,
        codes::project_status(p.status),
        p.status_detail,
        p.source,
        p.notes,
    ])
}

fn to_i64(value: u64, what: &str) -> Result<i64, Fault> {
    i64::try_from(value).map_err(|_| Fault::text(format!("{what} {value} is too large")))
}

/// Writes every table of `ds` and the layers' extents. The tables must be empty.
pub(super) fn write_dataset(tx: &Transaction, ds: &Dataset) -> Result<(), Fault> {
    validate(ds)?;
    let sql = |context: &'static str| move |e: rusqlite::Error| Fault::Sql(context, e);

    let mut stmt = tx
        .prepare(
            "INSERT INTO units (code, name_kk, name_ru, name_en, kind, admin_center_kk,
               admin_center_ru, admin_center_en, admin_center_lon, admin_center_lat, kato,
               valid_from, valid_to)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )
        .map_err(sql("preparing units"))?;
    for r in &ds.regions {
        let centre = r.admin_center.as_ref();
        stmt.execute(params![
            r.code,
            r.names.kk,
            r.names.ru,
            r.names.en,
            codes::region_kind(r.kind),
            centre.map(|c| &c.kk),
            centre.map(|c| &c.ru),
            centre.map(|c| &c.en),
            r.admin_center_location.map(|p| p.x()),
            r.admin_center_location.map(|p| p.y()),
            r.kato,
            r.valid_from,
            r.valid_to,
        ])
        .map_err(sql("writing units"))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO editions (key, name_kk, name_ru, name_en, valid_from, valid_to)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sql("preparing editions"))?;
    for e in &ds.editions {
        stmt.execute(params![e.key, e.names.kk, e.names.ru, e.names.en, e.valid_from, e.valid_to])
            .map_err(sql("writing editions"))?;
    }

    let mut stmt = tx
        .prepare("INSERT INTO lineage (predecessor, successor, year, date) VALUES (?1, ?2, ?3, ?4)")
        .map_err(sql("preparing lineage"))?;
    for l in &ds.lineage {
        for s in &l.successors {
            stmt.execute(params![l.predecessor, s, l.year, l.date])
                .map_err(sql("writing lineage"))?;
        }
    }

    let mut extent = None;
    let mut stmt = tx
        .prepare(
            "INSERT INTO regions (geom, edition, code, name_kk, name_ru, name_en, kind, area_km2)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(sql("preparing regions"))?;
    for e in &ds.editions {
        for u in &e.units {
            let Some(region) = ds.region(&u.region_code) else {
                return Err(Fault::text(format!("{} has no region record", u.region_code)));
            };
            let blob = gpkg::multipolygon_blob(&u.geometry)
                .map_err(geometry_fault(format!("boundary of {} ({})", u.region_code, e.key)))?;
            extend(&mut extent, u.geometry.bounding_rect());
            stmt.execute(params![
                blob,
                e.key,
                u.region_code,
                region.names.kk,
                region.names.ru,
                region.names.en,
                codes::region_kind(region.kind),
                u.area_km2,
            ])
            .map_err(sql("writing regions"))?;
        }
    }
    set_extent(tx, "regions", extent)?;

    let mut stmt = tx
        .prepare(
            "INSERT INTO indicators (key, name_kk, name_ru, name_en, unit_kk, unit_ru, unit_en,
               aggregation, numerator, denominator, scale, weight, higher_is_better, decimals)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )
        .map_err(sql("preparing indicators"))?;
    for i in &ds.indicators {
        let a = codes::AggregationColumns::from(&i.aggregation);
        stmt.execute(params![
            i.key,
            i.names.kk,
            i.names.ru,
            i.names.en,
            i.unit.kk,
            i.unit.ru,
            i.unit.en,
            a.kind,
            a.numerator,
            a.denominator,
            a.scale,
            a.weight,
            i.higher_is_better,
            i.decimals,
        ])
        .map_err(sql("writing indicators"))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO indicator_values (region_code, indicator, year, value, source, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sql("preparing indicator values"))?;
    for v in &ds.values {
        stmt.execute(params![v.region_code, v.indicator, v.year, v.value, v.source, v.note])
            .map_err(sql("writing indicator values"))?;
    }

    let mut extent = None;
    let mut stmt = tx
        .prepare(
            "INSERT INTO growth_points (fid, geom, name_kk, name_ru, name_en, region_code,
               population, population_year, level, is_monotown, status, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )
        .map_err(sql("preparing growth points"))?;
    for g in &ds.growth_points {
        let blob = g
            .location
            .map(gpkg::point_blob)
            .transpose()
            .map_err(geometry_fault(format!("location of {}", g.names.en)))?;
        extend(&mut extent, g.location.map(|p| p.bounding_rect()));
        let population = g.population.map(|p| to_i64(p, "population")).transpose()?;
        stmt.execute(params![
            g.id,
            blob,
            g.names.kk,
            g.names.ru,
            g.names.en,
            g.region_code,
            population,
            g.population_year,
            g.level.map(|l| l as i32),
            g.is_monotown,
            g.status,
            g.source,
        ])
        .map_err(sql("writing growth points"))?;
    }
    set_extent(tx, "growth_points", extent)?;

    let mut extent = None;
    let mut stmt = tx.prepare(INSERT_PROJECT).map_err(sql("preparing projects"))?;
    for p in &ds.projects {
        let blob = gpkg::point_blob(p.location)
            .map_err(geometry_fault(format!("location of project {}", p.code)))?;
        extend(&mut extent, Some(p.location.bounding_rect()));
        insert_project(&mut stmt, &blob, p).map_err(sql("writing projects"))?;
    }
    set_extent(tx, "projects", extent)?;

    let mut extent = None;
    let mut stmt = tx
        .prepare(
            "INSERT INTO corridors (fid, geom, name_kk, name_ru, name_en, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sql("preparing corridors"))?;
    for c in &ds.corridors {
        let blob = gpkg::linestring_blob(&c.line)
            .map_err(geometry_fault(format!("line of corridor {}", c.names.en)))?;
        extend(&mut extent, c.line.bounding_rect());
        stmt.execute(params![
            c.id,
            blob,
            c.names.kk,
            c.names.ru,
            c.names.en,
            codes::corridor_kind(c.kind)
        ])
        .map_err(sql("writing corridors"))?;
    }
    set_extent(tx, "corridors", extent)?;
    for scenario in &ds.scenarios {
        write_scenario(tx, scenario)?;
    }
    super::slides::write_slides(tx, ds)?;
    super::typologies::write_typologies(tx, ds)?;
    tx.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [])
        .map_err(sql("updating gpkg_contents"))?;
    Ok(())
}

/// Writes one scenario: its row is inserted, or updated in place (keeping its position among
/// the scenarios) when its id exists; its growth rates, projects, levers and targets replace the
/// ones stored. The caller has validated it against the file's data.
pub(super) fn write_scenario(tx: &Transaction, s: &Scenario) -> Result<(), Fault> {
    let sql = |context: &'static str| move |e: rusqlite::Error| Fault::Sql(context, e);
    tx.execute(
        "INSERT INTO scenarios (scenario_id, name_kk, name_ru, name_en, kind, base_year, horizon,
           description_kk, description_ru, description_en, indirect_jobs_multiplier)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (scenario_id) DO UPDATE SET name_kk = excluded.name_kk,
           name_ru = excluded.name_ru, name_en = excluded.name_en, kind = excluded.kind,
           base_year = excluded.base_year, horizon = excluded.horizon,
           description_kk = excluded.description_kk, description_ru = excluded.description_ru,
           description_en = excluded.description_en,
           indirect_jobs_multiplier = excluded.indirect_jobs_multiplier",
        params![
            s.id,
            s.name.kk,
            s.name.ru,
            s.name.en,
            s.kind.key(),
            s.base_year,
            s.horizon,
            s.description.kk,
            s.description.ru,
            s.description.en,
            s.assumptions.indirect_jobs_multiplier,
        ],
    )
    .map_err(sql("writing scenarios"))?;
    for table in
        ["scenario_growth_rates", "scenario_projects", "scenario_levers", "scenario_targets"]
    {
        tx.execute(&format!("DELETE FROM {table} WHERE scenario_id = ?1"), [s.id])
            .map_err(sql("replacing a scenario's assumptions"))?;
    }
    let a = &s.assumptions;

    let mut stmt = tx
        .prepare(
            "INSERT INTO scenario_growth_rates (scenario_id, indicator, region_code, rate)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(sql("preparing scenario growth rates"))?;
    for g in &a.growth {
        stmt.execute(params![s.id, g.indicator, NATIONAL_CODE, g.national])
            .map_err(sql("writing scenario growth rates"))?;
        for r in &g.regional {
            stmt.execute(params![s.id, g.indicator, r.region_code, r.rate])
                .map_err(sql("writing scenario growth rates"))?;
        }
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO scenario_projects (scenario_id, project_code, realised, start_year,
               ramp_up_years, jobs, investment_million_kzt, build_years, annual_output_million_kzt)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(sql("preparing scenario projects"))?;
    for p in &a.projects {
        stmt.execute(params![
            s.id,
            p.project_code,
            p.realised,
            p.start_year,
            p.ramp_up_years,
            p.jobs,
            p.investment_million_kzt,
            p.build_years,
            p.annual_output_million_kzt,
        ])
        .map_err(sql("writing scenario projects"))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO scenario_levers (scenario_id, level, indicator, extra_rate)
             VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(sql("preparing scenario levers"))?;
    for l in &a.growth_point_levers {
        stmt.execute(params![s.id, l.level as i32, l.indicator, l.extra_rate])
            .map_err(sql("writing scenario levers"))?;
    }

    let mut stmt = tx
        .prepare(
            "INSERT INTO scenario_targets (scenario_id, indicator, region_code, kind,
               reference_year, ratio, value, year, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(sql("preparing scenario targets"))?;
    for t in &a.targets {
        let (reference_year, ratio, value) = match t.kind {
            TargetKind::Ratio { reference_year, ratio } => {
                (Some(reference_year), Some(ratio), None)
            }
            TargetKind::Absolute { value } => (None, None, Some(value)),
        };
        stmt.execute(params![
            s.id,
            t.indicator,
            t.region_code,
            codes::target_kind(&t.kind),
            reference_year,
            ratio,
            value,
            t.year,
            t.source,
        ])
        .map_err(sql("writing scenario targets"))?;
    }
    Ok(())
}

/// Records a layer's bounding box in `gpkg_contents` (NULL while the layer is empty).
fn set_extent(tx: &Transaction, table: &str, extent: Option<Rect<f64>>) -> Result<(), Fault> {
    tx.execute(
        "UPDATE gpkg_contents SET min_x = ?2, min_y = ?3, max_x = ?4, max_y = ?5
         WHERE table_name = ?1",
        params![
            table,
            extent.map(|e| e.min().x),
            extent.map(|e| e.min().y),
            extent.map(|e| e.max().x),
            extent.map(|e| e.max().y),
        ],
    )
    .map_err(|e| Fault::Sql("recording layer extents", e))?;
    Ok(())
}
