//! The schema of an Oblys file and its forward migrations. Each step upgrades version N to N+1 in
//! one transaction and records the new version in `oblys_meta` (GeoPackage reserves the SQLite
//! `user_version` for its own version, 1.4 = 10400).
//!
//! - v1: the GeoPackage core tables, the feature tables `regions`, `growth_points`, `projects`,
//!   `corridors` and the attribute tables `units`, `editions`, `lineage`, `indicators`,
//!   `indicator_values`, `oblys_meta`.
//! - v2: indexes for the lookups the app makes (values by indicator and year, regions by code) and
//!   the GeoPackage R-tree spatial index extension on every feature table, so QGIS and GDAL
//!   query large point layers by extent without a full scan.
//! - v3: the scenario attribute tables `scenarios`, `scenario_growth_rates`, `scenario_projects`,
//!   `scenario_levers` and `scenario_targets` (child rows go with their scenario: ON DELETE
//!   CASCADE), registered in `gpkg_contents`.
//! - v4: the attribute table `slides` (the presentation deck: saved views with title and speaker
//!   notes), registered in `gpkg_contents`. A slide's comparison sides hold scenario ids (NULL:
//!   the actual data); a side whose scenario is not in the file reads as the actual data, so
//!   the deck stays valid when a scenario is deleted. An upgraded file gets an empty deck (see
//!   `v4_slides`).
//! - v5: the attribute table `typologies` (typologies saved under a name: the name in three
//!   columns, the rest of the definition as one JSON text), registered in `gpkg_contents`. An
//!   upgraded file has no saved typologies; the built-in default is never stored.
//! - v6: slides of the Potential screen: `slides.screen` may be `potential`, and the new column
//!   `slides.potential` holds that slide's typology and view as one JSON text (NULL on every
//!   other screen). SQLite cannot change a CHECK constraint in place, so the step rebuilds the
//!   table and copies every row (ids and positions kept).

use rusqlite::{Transaction, params};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 6;

/// `PRAGMA application_id` of a GeoPackage: the bytes `GPKG`.
pub(super) const GPKG_APPLICATION_ID: i32 = 0x4750_4B47;
/// `PRAGMA user_version` of a GeoPackage 1.4.
pub(super) const GPKG_USER_VERSION: i32 = 10400;

/// One forward step: from `to - 1` to `to`.
pub(super) struct Migration {
    pub to: u32,
    pub apply: fn(&Transaction) -> rusqlite::Result<()>,
}

/// Every step, oldest first; `MIGRATIONS[i].to == i + 1`.
pub(super) const MIGRATIONS: [Migration; 6] = [
    Migration { to: 1, apply: v1_base_tables },
    Migration { to: 2, apply: v2_indexes },
    Migration { to: 3, apply: v3_scenarios },
    Migration { to: 4, apply: v4_slides },
    Migration { to: 5, apply: v5_typologies },
    Migration { to: 6, apply: v6_potential_slides },
];

/// Feature tables with their geometry type and a description for `gpkg_contents`.
pub(super) const FEATURE_TABLES: [(&str, &str, &str); 4] = [
    ("regions", "MULTIPOLYGON", "Regions of Kazakhstan, one row per boundary edition and unit"),
    ("growth_points", "POINT", "Growth points: towns and their level in the settlement hierarchy"),
    ("projects", "POINT", "Industrial and infrastructure projects"),
    ("corridors", "LINESTRING", "Linear infrastructure: railways, roads, power lines, pipelines"),
];

/// Attribute tables (no geometry) with a description for `gpkg_contents`.
pub(super) const ATTRIBUTE_TABLES: [(&str, &str); 6] = [
    ("units", "Administrative units, current and legacy: names, centre, validity"),
    ("editions", "Boundary editions and the years they are valid for"),
    ("lineage", "Which unit was split into which, and when"),
    ("indicators", "Indicator definitions: names, units, how they aggregate"),
    ("indicator_values", "Indicator values as reported, per unit and year"),
    ("oblys_meta", "Oblys file metadata (schema version)"),
];

/// The attribute tables of v3 with a description for `gpkg_contents`.
pub(super) const SCENARIO_TABLES: [(&str, &str); 5] = [
    ("scenarios", "Development scenarios: name, kind, base year, horizon, description"),
    (
        "scenario_growth_rates",
        "Annual growth rates per scenario and indicator (KZ: national default)",
    ),
    (
        "scenario_projects",
        "Projects per scenario: realised, start, ramp-up, jobs, investment, output",
    ),
    ("scenario_levers", "Extra growth for regions holding growth points of a level"),
    ("scenario_targets", "Targets per scenario: indicator, region or KZ, ratio or level, year"),
];

/// The attribute table of v4 with its description for `gpkg_contents`.
pub(super) const SLIDE_TABLE: (&str, &str) = (
    "slides",
    "Presentation slides: saved views (screen, indicator, year, regions, extent, scenarios) with \
     title and speaker notes",
);

/// The attribute table of v5 with its description for `gpkg_contents`.
pub(super) const TYPOLOGY_TABLE: (&str, &str) = (
    "typologies",
    "Saved typologies of the regions by potential: name, and the definition (state, indicators \
     with direction and weight, normalisation, classification, missing-value rule) as JSON",
);

const WGS84_WKT: &str = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,\
298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,\
AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],\
AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

const V1_SQL: &str = "
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);

CREATE TABLE oblys_meta (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);
CREATE TABLE units (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('oblast', 'city')),
  admin_center_kk TEXT,
  admin_center_ru TEXT,
  admin_center_en TEXT,
  admin_center_lon DOUBLE,
  admin_center_lat DOUBLE,
  kato TEXT,
  valid_from INTEGER,
  valid_to INTEGER
);
CREATE TABLE editions (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  valid_from INTEGER,
  valid_to INTEGER
);
CREATE TABLE lineage (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  predecessor TEXT NOT NULL REFERENCES units(code),
  successor TEXT NOT NULL REFERENCES units(code),
  year INTEGER NOT NULL,
  date TEXT,
  UNIQUE (predecessor, successor)
);
CREATE TABLE regions (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom MULTIPOLYGON NOT NULL,
  edition TEXT NOT NULL REFERENCES editions(key),
  code TEXT NOT NULL REFERENCES units(code),
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('oblast', 'city')),
  area_km2 DOUBLE NOT NULL,
  UNIQUE (edition, code)
);
CREATE TABLE indicators (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit_kk TEXT NOT NULL,
  unit_ru TEXT NOT NULL,
  unit_en TEXT NOT NULL,
  aggregation TEXT NOT NULL CHECK (aggregation IN ('additive', 'ratio', 'weighted_mean', 'none')),
  numerator TEXT,
  denominator TEXT,
  scale DOUBLE,
  weight TEXT,
  higher_is_better BOOLEAN NOT NULL,
  decimals INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 12),
  CHECK (aggregation <> 'ratio'
         OR (numerator IS NOT NULL AND denominator IS NOT NULL AND scale IS NOT NULL)),
  CHECK (aggregation <> 'weighted_mean' OR weight IS NOT NULL)
);
CREATE TABLE indicator_values (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  region_code TEXT NOT NULL,
  indicator TEXT NOT NULL REFERENCES indicators(key),
  year INTEGER NOT NULL,
  value DOUBLE NOT NULL,
  source TEXT NOT NULL,
  note TEXT NOT NULL,
  UNIQUE (region_code, indicator, year)
);
CREATE TABLE growth_points (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom POINT,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES units(code),
  population INTEGER,
  population_year INTEGER,
  level INTEGER CHECK (level IN (1, 2, 3)),
  is_monotown BOOLEAN NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE TABLE projects (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom POINT NOT NULL,
  code TEXT NOT NULL UNIQUE,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  company TEXT NOT NULL,
  sector TEXT NOT NULL,
  sector_detail TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES units(code),
  location_basis TEXT NOT NULL CHECK (location_basis IN ('town_centre', 'region_centre')),
  year INTEGER,
  investment_amount DOUBLE,
  investment_unit TEXT,
  investment_million_kzt DOUBLE,
  jobs INTEGER,
  capacity TEXT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('planned', 'under_construction', 'operating', 'unknown')),
  status_detail TEXT NOT NULL,
  source TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE TABLE corridors (
  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  geom LINESTRING NOT NULL,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('railway', 'road', 'power_line', 'pipeline'))
);
";

fn v1_base_tables(tx: &Transaction) -> rusqlite::Result<()> {
    tx.pragma_update(None, "application_id", GPKG_APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", GPKG_USER_VERSION)?;
    tx.execute_batch(V1_SQL)?;
    // The three reference systems every GeoPackage must define (requirement 11).
    let mut srs = tx.prepare(
        "INSERT INTO gpkg_spatial_ref_sys
           (srs_name, srs_id, organization, organization_coordsys_id, definition, description)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    srs.execute(params![
        "WGS 84 geodetic",
        4326,
        "EPSG",
        4326,
        WGS84_WKT,
        "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"
    ])?;
    srs.execute(params![
        "Undefined cartesian SRS",
        -1,
        "NONE",
        -1,
        "undefined",
        "undefined cartesian coordinate reference system"
    ])?;
    srs.execute(params![
        "Undefined geographic SRS",
        0,
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system"
    ])?;
    for (table, geometry_type, description) in FEATURE_TABLES {
        tx.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id)
             VALUES (?1, 'features', ?1, ?2, 4326)",
            params![table, description],
        )?;
        tx.execute(
            "INSERT INTO gpkg_geometry_columns
               (table_name, column_name, geometry_type_name, srs_id, z, m)
             VALUES (?1, 'geom', ?2, 4326, 0, 0)",
            params![table, geometry_type],
        )?;
    }
    for (table, description) in ATTRIBUTE_TABLES {
        register_attributes(tx, table, description)?;
    }
    tx.execute("INSERT INTO oblys_meta (key, value) VALUES ('schema_version', '0')", [])?;
    tx.execute("INSERT INTO oblys_meta (key, value) VALUES ('application', 'Oblys')", [])?;
    Ok(())
}

/// The R-tree index of one feature table and the triggers of GeoPackage 1.4 (Annex F.3) that
/// keep it in step with every insert, update and delete.
fn rtree_sql(t: &str) -> String {
    let c = "geom";
    let i = "fid";
    format!(
        "
CREATE VIRTUAL TABLE rtree_{t}_{c} USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO rtree_{t}_{c}
  SELECT {i}, ST_MinX({c}), ST_MaxX({c}), ST_MinY({c}), ST_MaxY({c}) FROM {t}
  WHERE {c} NOT NULL AND NOT ST_IsEmpty({c});
CREATE TRIGGER rtree_{t}_{c}_insert AFTER INSERT ON {t}
  WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN
  INSERT OR REPLACE INTO rtree_{t}_{c} VALUES (
    NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}));
END;
CREATE TRIGGER rtree_{t}_{c}_update6 AFTER UPDATE OF {c} ON {t}
  WHEN OLD.{i} = NEW.{i} AND
       (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})) AND
       (OLD.{c} NOTNULL AND NOT ST_IsEmpty(OLD.{c}))
BEGIN
  UPDATE rtree_{t}_{c} SET
    minx = ST_MinX(NEW.{c}), maxx = ST_MaxX(NEW.{c}),
    miny = ST_MinY(NEW.{c}), maxy = ST_MaxY(NEW.{c})
  WHERE id = NEW.{i};
END;
CREATE TRIGGER rtree_{t}_{c}_update7 AFTER UPDATE OF {c} ON {t}
  WHEN OLD.{i} = NEW.{i} AND
       (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c})) AND
       (OLD.{c} ISNULL OR ST_IsEmpty(OLD.{c}))
BEGIN
  INSERT INTO rtree_{t}_{c} VALUES (
    NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}));
END;
CREATE TRIGGER rtree_{t}_{c}_update2 AFTER UPDATE OF {c} ON {t}
  WHEN OLD.{i} = NEW.{i} AND
       (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN
  DELETE FROM rtree_{t}_{c} WHERE id = OLD.{i};
END;
CREATE TRIGGER rtree_{t}_{c}_update4 AFTER UPDATE ON {t}
  WHEN OLD.{i} != NEW.{i} AND
       (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN
  DELETE FROM rtree_{t}_{c} WHERE id IN (OLD.{i}, NEW.{i});
END;
CREATE TRIGGER rtree_{t}_{c}_update5 AFTER UPDATE ON {t}
  WHEN OLD.{i} != NEW.{i} AND
       (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN
  DELETE FROM rtree_{t}_{c} WHERE id = OLD.{i};
  INSERT OR REPLACE INTO rtree_{t}_{c} VALUES (
    NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}));
END;
CREATE TRIGGER rtree_{t}_{c}_delete AFTER DELETE ON {t}
  WHEN old.{c} NOT NULL
BEGIN
  DELETE FROM rtree_{t}_{c} WHERE id = OLD.{i};
END;
INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)
  VALUES ('{t}', '{c}', 'gpkg_rtree_index', 'http://www.geopackage.org/spec/#extension_rtree',
          'write-only');
"
    )
}

fn v2_indexes(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        "CREATE INDEX indicator_values_by_indicator_year ON indicator_values (indicator, year);
         CREATE INDEX regions_by_code ON regions (code);
         CREATE TABLE IF NOT EXISTS gpkg_extensions (
           table_name TEXT,
           column_name TEXT,
           extension_name TEXT NOT NULL,
           definition TEXT NOT NULL,
           scope TEXT NOT NULL,
           CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
         );",
    )?;
    for (table, _, _) in FEATURE_TABLES {
        tx.execute_batch(&rtree_sql(table))?;
    }
    Ok(())
}

const V3_SQL: &str = "
CREATE TABLE scenarios (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  scenario_id INTEGER NOT NULL UNIQUE CHECK (scenario_id > 0),
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('inertial', 'managed', 'custom')),
  base_year INTEGER NOT NULL,
  horizon INTEGER NOT NULL CHECK (horizon >= base_year AND horizon <= 2050),
  description_kk TEXT NOT NULL,
  description_ru TEXT NOT NULL,
  description_en TEXT NOT NULL,
  indirect_jobs_multiplier DOUBLE NOT NULL CHECK (indirect_jobs_multiplier >= 0)
);
CREATE TABLE scenario_growth_rates (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  scenario_id INTEGER NOT NULL REFERENCES scenarios(scenario_id) ON DELETE CASCADE,
  indicator TEXT NOT NULL REFERENCES indicators(key),
  region_code TEXT NOT NULL,
  rate DOUBLE NOT NULL CHECK (rate > -1),
  UNIQUE (scenario_id, indicator, region_code)
);
CREATE TABLE scenario_projects (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  scenario_id INTEGER NOT NULL REFERENCES scenarios(scenario_id) ON DELETE CASCADE,
  project_code TEXT NOT NULL REFERENCES projects(code) ON DELETE CASCADE,
  realised BOOLEAN NOT NULL,
  start_year INTEGER NOT NULL,
  ramp_up_years INTEGER NOT NULL CHECK (ramp_up_years >= 0),
  jobs DOUBLE NOT NULL CHECK (jobs >= 0),
  investment_million_kzt DOUBLE NOT NULL CHECK (investment_million_kzt >= 0),
  build_years INTEGER NOT NULL CHECK (build_years >= 0),
  annual_output_million_kzt DOUBLE NOT NULL CHECK (annual_output_million_kzt >= 0),
  UNIQUE (scenario_id, project_code)
);
CREATE TABLE scenario_levers (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  scenario_id INTEGER NOT NULL REFERENCES scenarios(scenario_id) ON DELETE CASCADE,
  level INTEGER NOT NULL CHECK (level IN (1, 2, 3)),
  indicator TEXT NOT NULL REFERENCES indicators(key),
  extra_rate DOUBLE NOT NULL
);
CREATE TABLE scenario_targets (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  scenario_id INTEGER NOT NULL REFERENCES scenarios(scenario_id) ON DELETE CASCADE,
  indicator TEXT NOT NULL,
  region_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('ratio', 'absolute')),
  reference_year INTEGER,
  ratio DOUBLE,
  value DOUBLE,
  year INTEGER NOT NULL,
  source TEXT NOT NULL,
  CHECK (kind <> 'ratio' OR (reference_year IS NOT NULL AND ratio IS NOT NULL)),
  CHECK (kind <> 'absolute' OR value IS NOT NULL)
);
CREATE INDEX scenario_levers_by_scenario ON scenario_levers (scenario_id);
CREATE INDEX scenario_targets_by_scenario ON scenario_targets (scenario_id);
CREATE INDEX scenario_projects_by_project ON scenario_projects (project_code);
";

fn v3_scenarios(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(V3_SQL)?;
    for (table, description) in SCENARIO_TABLES {
        register_attributes(tx, table, description)?;
    }
    Ok(())
}

// Positions are not UNIQUE in SQL: a reorder rewrites them one row at a time inside its
// transaction, and the store keeps them 0..n without gaps. Region codes of the selection are one
// comma-separated text (codes never hold commas) so the table reads plainly in QGIS. The
// indicator has no foreign key because projected indicators (`productivity`, …) are not rows of
// `indicators`; the store checks it instead. The comparison sides have no foreign key either:
// with ON DELETE SET NULL, undoing a scenario's deletion (which saves it again under its id)
// could not give its slides back their side, so the ids stay and a side whose scenario is
// missing reads as the actual data.
const V4_SQL: &str = "
CREATE TABLE slides (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  slide_id INTEGER NOT NULL UNIQUE CHECK (slide_id > 0),
  position INTEGER NOT NULL CHECK (position >= 0),
  title_kk TEXT NOT NULL,
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  notes_kk TEXT NOT NULL,
  notes_ru TEXT NOT NULL,
  notes_en TEXT NOT NULL,
  screen TEXT NOT NULL CHECK (screen IN ('map', 'compare', 'chart', 'table', 'targets')),
  indicator TEXT NOT NULL,
  year INTEGER NOT NULL,
  boundary_mode TEXT NOT NULL CHECK (boundary_mode IN ('as_reported', 'current')),
  show_growth_points BOOLEAN NOT NULL,
  show_projects BOOLEAN NOT NULL,
  show_labels BOOLEAN NOT NULL,
  show_corridors BOOLEAN NOT NULL,
  selected_regions TEXT NOT NULL,
  extent_min_lon DOUBLE,
  extent_min_lat DOUBLE,
  extent_max_lon DOUBLE,
  extent_max_lat DOUBLE,
  compare_a INTEGER CHECK (compare_a > 0),
  compare_b INTEGER CHECK (compare_b > 0),
  difference TEXT NOT NULL CHECK (difference IN ('absolute', 'relative')),
  target_indicator TEXT,
  target_region TEXT,
  target_year INTEGER,
  CHECK ((extent_min_lon IS NULL) = (extent_max_lat IS NULL)
         AND (extent_min_lat IS NULL) = (extent_max_lon IS NULL)
         AND (extent_min_lon IS NULL) = (extent_min_lat IS NULL)),
  CHECK ((target_indicator IS NULL) = (target_region IS NULL)
         AND (target_indicator IS NULL) = (target_year IS NULL))
);
";

/// The deck table. An upgraded file gets no slides: the example deck describes the shipped
/// scenarios and the shipped data, and a planner's older file may have renamed or deleted those
/// scenarios or hold other indicators, so slides made up for it could show something the planner
/// never chose. A new default database is written with the example deck instead.
fn v4_slides(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(V4_SQL)?;
    let (table, description) = SLIDE_TABLE;
    register_attributes(tx, table, description)
}

// The definition is JSON because its parts nest (a list of components, a classification with
// its class count, a state that is a year or a scenario and a year); the store checks it when it
// reads and writes, so a hand-edited row is refused with the row named, never half-read.
const V5_SQL: &str = "
CREATE TABLE typologies (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  typology_id INTEGER NOT NULL UNIQUE CHECK (typology_id > 0),
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  name_en TEXT NOT NULL,
  definition TEXT NOT NULL
);
";

/// The saved typologies table; an upgraded file has none (the built-in default is computed,
/// never stored).
fn v5_typologies(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(V5_SQL)?;
    let (table, description) = TYPOLOGY_TABLE;
    register_attributes(tx, table, description)
}

// The v4 table with `potential` allowed as a screen and the `potential` column; created under a
// new name, filled from the old table, which is then dropped, and renamed (SQLite's recipe for
// changing a constraint). gpkg_contents keeps naming `slides`, the name the table ends with.
const V6_SQL: &str = "
CREATE TABLE slides_v6 (
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  slide_id INTEGER NOT NULL UNIQUE CHECK (slide_id > 0),
  position INTEGER NOT NULL CHECK (position >= 0),
  title_kk TEXT NOT NULL,
  title_ru TEXT NOT NULL,
  title_en TEXT NOT NULL,
  notes_kk TEXT NOT NULL,
  notes_ru TEXT NOT NULL,
  notes_en TEXT NOT NULL,
  screen TEXT NOT NULL
    CHECK (screen IN ('map', 'compare', 'chart', 'table', 'targets', 'potential')),
  indicator TEXT NOT NULL,
  year INTEGER NOT NULL,
  boundary_mode TEXT NOT NULL CHECK (boundary_mode IN ('as_reported', 'current')),
  show_growth_points BOOLEAN NOT NULL,
  show_projects BOOLEAN NOT NULL,
  show_labels BOOLEAN NOT NULL,
  show_corridors BOOLEAN NOT NULL,
  selected_regions TEXT NOT NULL,
  extent_min_lon DOUBLE,
  extent_min_lat DOUBLE,
  extent_max_lon DOUBLE,
  extent_max_lat DOUBLE,
  compare_a INTEGER CHECK (compare_a > 0),
  compare_b INTEGER CHECK (compare_b > 0),
  difference TEXT NOT NULL CHECK (difference IN ('absolute', 'relative')),
  target_indicator TEXT,
  target_region TEXT,
  target_year INTEGER,
  potential TEXT,
  CHECK ((extent_min_lon IS NULL) = (extent_max_lat IS NULL)
         AND (extent_min_lat IS NULL) = (extent_max_lon IS NULL)
         AND (extent_min_lon IS NULL) = (extent_min_lat IS NULL)),
  CHECK ((target_indicator IS NULL) = (target_region IS NULL)
         AND (target_indicator IS NULL) = (target_year IS NULL)),
  CHECK ((screen = 'potential') = (potential IS NOT NULL))
);
INSERT INTO slides_v6 (id, slide_id, position, title_kk, title_ru, title_en, notes_kk, notes_ru,
  notes_en, screen, indicator, year, boundary_mode, show_growth_points, show_projects,
  show_labels, show_corridors, selected_regions, extent_min_lon, extent_min_lat, extent_max_lon,
  extent_max_lat, compare_a, compare_b, difference, target_indicator, target_region, target_year)
SELECT id, slide_id, position, title_kk, title_ru, title_en, notes_kk, notes_ru, notes_en,
  screen, indicator, year, boundary_mode, show_growth_points, show_projects, show_labels,
  show_corridors, selected_regions, extent_min_lon, extent_min_lat, extent_max_lon,
  extent_max_lat, compare_a, compare_b, difference, target_indicator, target_region, target_year
FROM slides;
DROP TABLE slides;
ALTER TABLE slides_v6 RENAME TO slides;
";

/// Slides of the Potential screen: the deck table rebuilt with its new screen and column,
/// every slide kept as it was.
fn v6_potential_slides(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(V6_SQL)
}

/// Lists an attribute (non-spatial) table in `gpkg_contents`, as GeoPackage asks of every
/// table it should show (QGIS lists them as layers without geometry).
fn register_attributes(tx: &Transaction, table: &str, description: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
         VALUES (?1, 'attributes', ?1, ?2)",
        params![table, description],
    )?;
    Ok(())
}

/// Upgrades the database behind `conn` from version `from` to `to`, one transaction per step.
/// `conn` must have the `ST_*` functions registered (the R-tree step calls them).
pub(super) fn migrate(conn: &mut rusqlite::Connection, from: u32, to: u32) -> rusqlite::Result<()> {
    for step in MIGRATIONS.iter().filter(|m| m.to > from && m.to <= to) {
        let tx = conn.transaction()?;
        (step.apply)(&tx)?;
        tx.execute(
            "UPDATE oblys_meta SET value = ?1 WHERE key = 'schema_version'",
            [step.to.to_string()],
        )?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_one_step_each() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.to as usize, i + 1);
        }
        assert_eq!(MIGRATIONS.last().map(|m| m.to), Some(SCHEMA_VERSION));
    }
}
