//! The file: one SQLite database per planner's project that is at the same time a valid OGC
//! GeoPackage 1.4, so it opens as layers in QGIS or any GDAL tool. The only module that speaks
//! SQL.
//!
//! Layout (see `schema` for the tables): feature tables `regions` (MultiPolygon, one row per
//! boundary edition × unit), `growth_points` and `projects` (Point), `corridors` (LineString), all
//! EPSG:4326; attribute tables `units`, `editions`, `lineage`, `indicators`, `indicator_values`
//! and `oblys_meta` (our schema version). Files are opened with `trusted_schema=OFF`, foreign keys
//! on, WAL journal; a file is checked read-only (SQLite header, GeoPackage application id,
//! `oblys_meta`) before anything writes to it, so a foreign file is never modified.

mod batch;
pub(crate) mod codes;
mod copy;
mod edit;
mod gpkg;
mod import;
mod info;
mod layers;
mod lock;
mod problem;
mod read;
mod schema;
mod slides;
mod typologies;
mod write;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use batch::{ValueKey, change_values, remove_features};
pub use copy::save_copy_as;
pub use edit::{
    delete_corridor, delete_growth_point, delete_project, delete_value, put_corridor,
    put_growth_point, put_project, put_value,
};
pub use import::{ImportSummary, import_values};
pub use info::info_report;
pub use layers::{EditionSummary, FeatureBatch, LayerSummary, add_features, write_edition};
pub use lock::{FileLock, lock_for_editing, lock_path};
pub use problem::{
    Defect, EditionReason, FeatureReason, Field, GeometryDefect, GeometryPart, Label, LabelKind,
    NotOblysReason, Problem, Removal, Row, Shape, SlideOrderProblem, SlideProblem, Subject,
    TypologyProblem, ValueReason,
};
pub use schema::SCHEMA_VERSION;
pub use slides::{delete_slide, reorder_slides, save_slide};
pub use typologies::{BUILT_IN_NAME, delete_typology, find_typology, save_typology};

use crate::io::DefaultDataError;
use crate::model::{Dataset, Lang, Scenario};
use crate::scenario::ScenarioError;

/// File name of the default database inside the user's data folder.
/// GeoPackage requires the `.gpkg` extension (requirement 3); with any other name GDAL warns, and
/// GDAL before 3.7.1 does not recognise a 1.4 file at all, so QGIS would not open it.
pub const DEFAULT_FILE_NAME: &str = "default.gpkg";

/// Why a file could not be created, opened or read. Every message is one line and names the file;
/// `Display` is the English text, [`StoreError::message`] the text in the planner's language.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: no such file", path.display())]
    NotFound { path: PathBuf },
    #[error("{}: not an Oblys file ({reason}); it was left untouched", path.display())]
    NotOblys { path: PathBuf, reason: NotOblysReason },
    #[error(
        "{}: made by a newer Oblys (file schema version {found}, this Oblys reads up to \
         {SCHEMA_VERSION}); update Oblys to open it",
        path.display()
    )]
    TooNew { path: PathBuf, found: u32 },
    #[error("{}: {context}: {source}", path.display())]
    Sql {
        path: PathBuf,
        context: &'static str,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{}: {problem}", path.display())]
    Invalid { path: PathBuf, problem: Problem },
    #[error("{}: {context}: {source}", path.display())]
    Io {
        path: PathBuf,
        context: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{}: the file is open in another program or was not closed cleanly (its -wal file is \
         present); close it and try again",
        path.display()
    )]
    InUse { path: PathBuf },
    #[error("cannot find the user's data folder for Oblys (no home directory is set)")]
    NoDataFolder,
    #[error("the data folder {} cannot be written: {source}", path.display())]
    DataFolder {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the default dataset cannot be built: {0}")]
    DefaultData(#[from] DefaultDataError),
    #[error("{}: {source}; nothing was saved", path.display())]
    Scenario {
        path: PathBuf,
        #[source]
        source: Box<ScenarioError>,
    },
    #[error("{}: there is no scenario with id {id}", path.display())]
    NoSuchScenario { path: PathBuf, id: i64 },
    #[error("{}: {slide}: {problem}; nothing was saved", path.display())]
    Slide { path: PathBuf, slide: Label, problem: SlideProblem },
    #[error("{}: there is no slide with id {id}", path.display())]
    NoSuchSlide { path: PathBuf, id: i64 },
    #[error(
        "{}: the slides cannot be put in this order: {problem}; nothing was changed",
        path.display()
    )]
    SlideOrder { path: PathBuf, problem: SlideOrderProblem },
    #[error("{}: {typology}: {problem}; nothing was saved", path.display())]
    Typology { path: PathBuf, typology: Label, problem: TypologyProblem },
    #[error("{}: there is no saved typology with id {id}", path.display())]
    NoSuchTypology { path: PathBuf, id: i64 },
}

impl StoreError {
    /// The message in `lang`: the same facts as the English `Display` (which the command line
    /// prints), worded in the planner's language; SQLite's and the system's own text stays as
    /// it is inside it.
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::error_text::store_error(self, lang)
    }
}

/// What went wrong inside a read or write, before the file's path is attached.
#[derive(Debug)]
enum Fault {
    Sql(&'static str, rusqlite::Error),
    Invalid(Problem),
}

impl Fault {
    /// A refusal still worded in English only (see [`Problem::Text`]).
    fn text(problem: String) -> Fault {
        Fault::Invalid(Problem::Text(problem))
    }

    fn at(self, path: &Path) -> StoreError {
        match self {
            Fault::Sql(context, source) => {
                StoreError::Sql { path: path.to_owned(), context, source }
            }
            Fault::Invalid(problem) => StoreError::Invalid { path: path.to_owned(), problem },
        }
    }
}

fn sql_error<'a>(
    path: &'a Path,
    context: &'static str,
) -> impl Fn(rusqlite::Error) -> StoreError + 'a {
    move |source| StoreError::Sql { path: path.to_owned(), context, source }
}

/// Per-connection settings every Oblys connection gets: schema objects may not call unsafe
/// functions, foreign keys are enforced, and the `ST_*` functions of the R-tree triggers exist.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    gpkg::register_functions(conn)
}

/// The first 16 bytes of every SQLite 3 database.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Checks the 100-byte SQLite header of `path` without SQLite: the magic string and the
/// GeoPackage application id (big-endian at offset 68). A file failing this is never opened.
fn check_header(path: &Path) -> Result<(), StoreError> {
    let not_oblys = |reason: NotOblysReason| StoreError::NotOblys { path: path.to_owned(), reason };
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(StoreError::NotFound { path: path.to_owned() });
        }
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_owned(),
                context: "cannot open it",
                source,
            });
        }
    };
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(not_oblys(NotOblysReason::Folder));
    }
    let mut header = [0u8; 100];
    if file.read_exact(&mut header).is_err() || !header.starts_with(SQLITE_MAGIC) {
        return Err(not_oblys(NotOblysReason::NotSqlite));
    }
    let application_id =
        header.get(68..72).and_then(|b| <[u8; 4]>::try_from(b).ok()).map_or(0, i32::from_be_bytes);
    if application_id != schema::GPKG_APPLICATION_ID {
        return Err(not_oblys(NotOblysReason::NotGeoPackage));
    }
    Ok(())
}

/// Whether SQLite's side files of `path` (`-wal`, `-shm`) exist.
fn has_side_files(path: &Path) -> bool {
    side_file(path, "-wal").exists() || side_file(path, "-shm").exists()
}

/// Removes the `-wal`/`-shm` files a read-only connection to a WAL database leaves behind, the
/// way GDAL does: a read-write connection that is opened, reads and closes checkpoints an idle
/// WAL (no change to the data) and deletes both files when no other connection uses them.
fn tidy_side_files(path: &Path) {
    if !has_side_files(path) {
        return;
    }
    if let Ok(conn) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) {
        // Best effort: when the folder is read-only the side files simply stay.
        let _ = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0));
        let _ = conn.close();
    }
}

/// Checks, without writing anything, that `path` is an Oblys file this build can read, and
/// returns its schema version. Side files SQLite creates while checking are tidied away.
fn check(path: &Path) -> Result<u32, StoreError> {
    check_header(path)?;
    let had_side_files = has_side_files(path);
    let result = check_contents(path);
    if !had_side_files {
        tidy_side_files(path);
    }
    result
}

fn check_contents(path: &Path) -> Result<u32, StoreError> {
    let not_oblys = |reason: NotOblysReason| StoreError::NotOblys { path: path.to_owned(), reason };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_oblys(NotOblysReason::CannotOpen(e.to_string())))?;
    configure(&conn).map_err(|e| not_oblys(NotOblysReason::CannotRead(e.to_string())))?;
    let has_meta: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'oblys_meta')",
            [],
            |r| r.get(0),
        )
        .map_err(|e| not_oblys(NotOblysReason::Damaged(e.to_string())))?;
    if !has_meta {
        return Err(not_oblys(NotOblysReason::NoMeta));
    }
    let version: String = conn
        .query_row("SELECT value FROM oblys_meta WHERE key = 'schema_version'", [], |r| r.get(0))
        .map_err(|e| not_oblys(NotOblysReason::NoSchemaVersion(e.to_string())))?;
    let Ok(version) = version.trim().parse::<u32>() else {
        return Err(not_oblys(NotOblysReason::VersionNotNumber(version)));
    };
    if version == 0 {
        return Err(not_oblys(NotOblysReason::Unfinished));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_owned(), found: version });
    }
    Ok(version)
}

/// Opens a checked Oblys file for reading. Read-write when possible (closing it then tidies the
/// WAL side files), read-only on read-only media; nothing is written either way.
fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .or_else(|_| {
        Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    })
    .map_err(sql_error(path, "cannot open it"))?;
    configure(&conn).map_err(sql_error(path, "cannot configure the connection"))?;
    Ok(conn)
}

/// Opens a checked Oblys file for writing, upgraded to [`SCHEMA_VERSION`].
fn open_for_writing(path: &Path) -> Result<Connection, StoreError> {
    let version = check(path)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_error(path, "cannot open it for writing"))?;
    configure(&conn).map_err(sql_error(path, "cannot configure the connection"))?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sql_error(path, "cannot switch to WAL"))?;
    if version < SCHEMA_VERSION {
        copy::backup_before_upgrade(&conn, path, version)?;
        schema::migrate(&mut conn, version, SCHEMA_VERSION)
            .map_err(sql_error(path, "upgrading the file failed (it was left as it was)"))?;
    }
    Ok(conn)
}

/// Reads the whole file into memory, upgrading it first when it was written by an older Oblys.
pub fn load(path: &Path) -> Result<Dataset, StoreError> {
    let conn =
        if check(path)? < SCHEMA_VERSION { open_for_writing(path)? } else { open_reader(path)? };
    read::read_dataset(&conn).map_err(|f| f.at(path))
}

/// The schema version of an Oblys file (checked read-only; the file is not upgraded).
pub fn schema_version(path: &Path) -> Result<u32, StoreError> {
    check(path)
}

/// Saves one scenario into the file in one transaction: a new id adds it after the others, an
/// existing id replaces that scenario (name, years, every assumption) in place. The scenario is
/// first checked against the file's indicators, current regions and projects; a scenario that
/// does not fit is refused and the file left as it was.
pub fn save_scenario(path: &Path, scenario: &Scenario) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let reference = Dataset {
        editions: read::read_current_units(&conn).map_err(|f| f.at(path))?,
        indicators: read::read_indicators(&conn).map_err(|f| f.at(path))?,
        projects: read::read_projects(&conn).map_err(|f| f.at(path))?,
        ..Dataset::default()
    };
    crate::scenario::validate(&reference, scenario)
        .map_err(|e| StoreError::Scenario { path: path.to_owned(), source: Box::new(e) })?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
    write::write_scenario(&tx, scenario).map_err(|f| f.at(path))?;
    tx.commit().map_err(sql_error(path, "saving the scenario"))
}

/// Deletes the scenario `id` and all its assumptions from the file, in one transaction.
pub fn delete_scenario(path: &Path, id: i64) -> Result<(), StoreError> {
    let mut conn = open_for_writing(path)?;
    let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
    // The growth rates, projects, levers and targets go with it (ON DELETE CASCADE).
    let deleted = tx
        .execute("DELETE FROM scenarios WHERE scenario_id = ?1", [id])
        .map_err(sql_error(path, "deleting the scenario"))?;
    if deleted == 0 {
        return Err(StoreError::NoSuchScenario { path: path.to_owned(), id });
    }
    tx.commit().map_err(sql_error(path, "deleting the scenario"))
}

/// Deletes a half-written temporary file unless it was renamed into place.
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    /// A new empty file in the folder of `path` (so the final rename stays on one disk), named
    /// as a hidden temporary file, removed again unless `keep` is set.
    fn beside(path: &Path) -> Result<TempFile, StoreError> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temp_path = folder.join(format!(".{name}.{}-{nanos}.tmp", std::process::id()));
        fs::OpenOptions::new().write(true).create_new(true).open(&temp_path).map_err(|source| {
            StoreError::Io {
                path: path.to_owned(),
                context: "cannot create a file in its folder",
                source,
            }
        })?;
        Ok(TempFile { path: temp_path, keep: false })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            // Best effort: a leftover temp file is harmless and named as such.
            let _ = fs::remove_file(&self.path);
            for suffix in ["-wal", "-shm", "-journal"] {
                let mut side = self.path.clone().into_os_string();
                side.push(suffix);
                let _ = fs::remove_file(side);
            }
        }
    }
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut side = path.to_owned().into_os_string();
    side.push(suffix);
    PathBuf::from(side)
}

/// Writes `dataset` as a new Oblys file at `path`, atomically: the file is built under a
/// temporary name in the same folder and renamed into place only when complete, so `path` holds
/// either its old content or the whole new one. An existing file is replaced only if it is an
/// Oblys file; anything else there is left untouched and reported.
pub fn create(path: &Path, dataset: &Dataset) -> Result<(), StoreError> {
    if path.exists() {
        check(path)?;
        // A -wal left by a crash is folded back first; one that stays belongs to a live reader.
        tidy_side_files(path);
        if side_file(path, "-wal").exists() {
            return Err(StoreError::InUse { path: path.to_owned() });
        }
    }
    let mut temp = TempFile::beside(path)?;

    {
        let mut conn =
            Connection::open(&temp.path).map_err(sql_error(path, "cannot create the database"))?;
        configure(&conn).map_err(sql_error(path, "cannot configure the connection"))?;
        schema::migrate(&mut conn, 0, SCHEMA_VERSION)
            .map_err(sql_error(path, "creating the tables"))?;
        let tx = conn.transaction().map_err(sql_error(path, "starting the write"))?;
        write::write_dataset(&tx, dataset).map_err(|f| f.at(path))?;
        tx.commit().map_err(sql_error(path, "saving the data"))?;
        // WAL is recorded in the file header; closing checkpoints and removes the -wal file.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(sql_error(path, "switching to WAL"))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Invalid {
                path: path.to_owned(),
                problem: Problem::JournalMode(mode),
            });
        }
        conn.close().map_err(|(_, e)| sql_error(path, "closing the database")(e))?;
    }
    fs::rename(&temp.path, path).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        context: "cannot move the finished file into place",
        source,
    })?;
    temp.keep = true;
    Ok(())
}

/// Makes sure `folder/default.gpkg` exists, creating it from the embedded default dataset if it
/// is missing, and returns its path.
pub fn ensure_database_in(folder: &Path) -> Result<PathBuf, StoreError> {
    let path = folder.join(DEFAULT_FILE_NAME);
    if path.exists() {
        return Ok(path);
    }
    fs::create_dir_all(folder)
        .map_err(|source| StoreError::DataFolder { path: folder.to_owned(), source })?;
    let dataset = crate::io::default_dataset::build()?;
    match create(&path, &dataset) {
        Err(StoreError::Io { source, .. }) => {
            Err(StoreError::DataFolder { path: folder.to_owned(), source })
        }
        other => other.map(|()| path),
    }
}

/// Where the default database lives (the user's data folder, e.g. `~/.local/share/oblys` on
/// Linux), created from the embedded data if missing.
pub fn ensure_default_database() -> Result<PathBuf, StoreError> {
    let dirs = directories::ProjectDirs::from("", "", "Oblys").ok_or(StoreError::NoDataFolder)?;
    ensure_database_in(dirs.data_dir())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Names, Region, RegionKind};

    fn tiny_dataset() -> Dataset {
        Dataset {
            regions: vec![Region {
                code: "KZ-AKM".into(),
                names: Names::new("Ақмола облысы", "Акмолинская область", "Akmola Region"),
                kind: RegionKind::Oblast,
                admin_center: None,
                admin_center_location: None,
                kato: None,
                valid_from: None,
                valid_to: None,
            }],
            ..Dataset::default()
        }
    }

    #[test]
    fn v1_file_is_upgraded_to_latest_with_its_data_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.oblys");
        // A v1 file has no scenario tables.
        let ds = Dataset {
            scenarios: Vec::new(),
            slides: Vec::new(),
            ..crate::io::default_dataset::build().unwrap()
        };
        {
            let mut conn = Connection::open(&path).unwrap();
            configure(&conn).unwrap();
            schema::migrate(&mut conn, 0, 1).unwrap();
            let tx = conn.transaction().unwrap();
            write::write_dataset(&tx, &ds).unwrap();
            tx.commit().unwrap();
        }
        assert_eq!(schema_version(&path).unwrap(), 1);
        let has_rtree = |path: &Path| {
            let conn = Connection::open(path).unwrap();
            conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'rtree_regions_geom'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
        };
        assert_eq!(has_rtree(&path), 0);

        let loaded = load(&path).unwrap();
        assert_eq!(schema_version(&path).unwrap(), SCHEMA_VERSION);
        assert_eq!(has_rtree(&path), 1);
        assert_eq!(loaded, ds);
        // The R-tree was filled from the rows already there: 20 + 17 + 16 regions.
        let conn = Connection::open(&path).unwrap();
        let indexed: i64 =
            conn.query_row("SELECT count(*) FROM rtree_regions_geom", [], |r| r.get(0)).unwrap();
        assert_eq!(indexed, 53);
        let points: i64 = conn
            .query_row("SELECT count(*) FROM rtree_growth_points_geom", [], |r| r.get(0))
            .unwrap();
        assert_eq!(points, ds.growth_points.iter().filter(|g| g.location.is_some()).count() as i64);
    }

    #[test]
    fn v2_file_gains_the_scenario_tables_and_keeps_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.gpkg");
        let full = crate::io::default_dataset::build().unwrap();
        let ds = Dataset { scenarios: Vec::new(), slides: Vec::new(), ..full.clone() };
        {
            let mut conn = Connection::open(&path).unwrap();
            configure(&conn).unwrap();
            schema::migrate(&mut conn, 0, 2).unwrap();
            let tx = conn.transaction().unwrap();
            write::write_dataset(&tx, &ds).unwrap();
            tx.commit().unwrap();
        }
        assert_eq!(schema_version(&path).unwrap(), 2);

        assert_eq!(load(&path).unwrap(), ds);
        assert_eq!(schema_version(&path).unwrap(), SCHEMA_VERSION);
        let conn = Connection::open(&path).unwrap();
        let tables: Vec<String> = conn
            .prepare(
                "SELECT table_name FROM gpkg_contents
                 WHERE data_type = 'attributes' AND table_name LIKE 'scenario%' ORDER BY rowid",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            tables,
            [
                "scenarios",
                "scenario_growth_rates",
                "scenario_projects",
                "scenario_levers",
                "scenario_targets"
            ]
        );
        drop(conn);

        // The upgraded file takes the default scenarios and gives them back exactly (an
        // upgraded file gets no example deck).
        for scenario in &full.scenarios {
            save_scenario(&path, scenario).unwrap();
        }
        assert_eq!(load(&path).unwrap(), Dataset { slides: Vec::new(), ..full });
    }

    #[test]
    fn rtree_triggers_follow_edits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.oblys");
        create(&path, &tiny_dataset()).unwrap();
        let conn = open_for_writing(&path).unwrap();
        let blob = gpkg::point_blob(geo::Point::new(70.0, 50.0)).unwrap();
        conn.execute(
            "INSERT INTO growth_points (fid, geom, name_kk, name_ru, name_en, region_code,
               is_monotown, status, source) VALUES (7, ?1, 'a', 'b', 'c', 'KZ-AKM', 0, '', '')",
            [&blob],
        )
        .unwrap();
        let bounds = |conn: &Connection| {
            conn.query_row(
                "SELECT minx, maxy FROM rtree_growth_points_geom WHERE id = 7",
                [],
                |r| Ok((r.get::<_, f64>(0)?, r.get::<_, f64>(1)?)),
            )
            .ok()
        };
        assert_eq!(bounds(&conn), Some((70.0, 50.0)));
        let moved = gpkg::point_blob(geo::Point::new(80.0, 45.0)).unwrap();
        conn.execute("UPDATE growth_points SET geom = ?1 WHERE fid = 7", [&moved]).unwrap();
        assert_eq!(bounds(&conn), Some((80.0, 45.0)));
        conn.execute("UPDATE growth_points SET geom = NULL WHERE fid = 7", []).unwrap();
        assert_eq!(bounds(&conn), None);
        conn.execute("UPDATE growth_points SET geom = ?1 WHERE fid = 7", [&blob]).unwrap();
        assert_eq!(bounds(&conn), Some((70.0, 50.0)));
        conn.execute("DELETE FROM growth_points WHERE fid = 7", []).unwrap();
        assert_eq!(bounds(&conn), None);
    }

    #[test]
    fn written_files_enforce_foreign_keys_in_wal_with_untrusted_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.oblys");
        create(&path, &tiny_dataset()).unwrap();
        let conn = open_for_writing(&path).unwrap();
        let error = conn
            .execute(
                "INSERT INTO lineage (predecessor, successor, year) VALUES ('KZ-AKM', 'KZ-XXX', 2022)",
                [],
            )
            .unwrap_err();
        assert!(error.to_string().contains("FOREIGN KEY"), "{error}");
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let trusted: i64 = conn.query_row("PRAGMA trusted_schema", [], |r| r.get(0)).unwrap();
        assert_eq!(trusted, 0);
    }

    #[test]
    fn dataset_with_unknown_region_reference_is_refused_with_its_code() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.oblys");
        let mut ds = tiny_dataset();
        ds.lineage.push(crate::model::Lineage {
            predecessor: "KZ-AKM".into(),
            successors: vec!["KZ-ATL".into()],
            year: 2022,
            date: None,
        });
        let error = create(&path, &ds).unwrap_err().to_string();
        assert!(error.contains("KZ-ATL") && error.contains("bad.oblys"), "{error}");
        assert!(!path.exists(), "nothing is left behind");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "the temporary file is removed");
        assert_eq!(ds.regions[0].names.get(Lang::Kk), "Ақмола облысы");
    }
}
