//! Whole-file copies made with SQLite's online backup API: "Save As", and the backup written
//! beside a file from an older Oblys before it is upgraded. The copy is consistent even while
//! the source is open (it includes what is still in the source's WAL), and it appears at its
//! final name only when complete.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{Problem, StoreError, TempFile, check, configure, sql_error};

/// How often, and how long each time, a copy waits for another connection's lock.
const BUSY_RETRIES: u32 = 50;
const BUSY_WAIT: Duration = Duration::from_millis(20);

/// Copies the Oblys file `source` to `dest` (Save As). An existing `dest` is replaced only if it
/// is an Oblys file that nobody has open; anything else there is refused and left untouched.
/// `source` is only read.
pub fn save_copy_as(source: &Path, dest: &Path) -> Result<(), StoreError> {
    check(source)?;
    if same_file(source, dest) {
        return Err(StoreError::Invalid { path: dest.to_owned(), problem: Problem::SameFile });
    }
    if dest.exists() {
        check(dest)?;
        if super::side_file(dest, "-wal").exists() {
            return Err(StoreError::InUse { path: dest.to_owned() });
        }
    }
    let conn = Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_error(source, "cannot open it"))?;
    configure(&conn).map_err(sql_error(source, "cannot configure the connection"))?;
    copy_into(&conn, dest)
}

/// Writes a copy of the open file at `path` (schema `version`) beside it before it is upgraded,
/// named `<name>.v<version>-backup.gpkg` (with `-2`, `-3`… when that exists), and returns its path.
pub(super) fn backup_before_upgrade(
    conn: &Connection,
    path: &Path,
    version: u32,
) -> Result<PathBuf, StoreError> {
    let backup = free_backup_name(path, version);
    copy_into(conn, &backup)?;
    Ok(backup)
}

/// `old.gpkg` → `old.v2-backup.gpkg`, the first name not taken.
fn free_backup_name(path: &Path, version: u32) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    (1u32..)
        .map(|n| {
            let suffix = if n == 1 { String::new() } else { format!("-{n}") };
            path.with_file_name(format!("{stem}.v{version}-backup{suffix}.gpkg"))
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.with_extension("backup.gpkg"))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Copies every page of `conn`'s main database into a new file renamed to `dest` when complete.
fn copy_into(conn: &Connection, dest: &Path) -> Result<(), StoreError> {
    let mut temp = TempFile::beside(dest)?;
    {
        let mut target =
            Connection::open(&temp.path).map_err(sql_error(dest, "cannot create the copy"))?;
        let backup =
            Backup::new(conn, &mut target).map_err(sql_error(dest, "cannot start the copy"))?;
        // All pages in one step (-1): files are small, and a stepwise copy would restart on
        // every write another connection makes meanwhile. Busy means another connection holds
        // a lock for a moment: wait and try again, a bounded number of times.
        let mut attempts = 0;
        loop {
            match backup.step(-1).map_err(sql_error(dest, "copying the pages"))? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if attempts < BUSY_RETRIES => {
                    attempts += 1;
                    std::thread::sleep(BUSY_WAIT);
                }
                _ => {
                    return Err(StoreError::InUse { path: dest.to_owned() });
                }
            }
        }
        drop(backup);
        target.close().map_err(|(_, e)| sql_error(dest, "closing the copy")(e))?;
    }
    fs::rename(&temp.path, dest).map_err(|source| StoreError::Io {
        path: dest.to_owned(),
        context: "cannot move the finished copy into place",
        source,
    })?;
    temp.keep = true;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{
        SCHEMA_VERSION, create, load, save_scenario, schema, schema_version, write,
    };

    fn default_file(dir: &Path) -> PathBuf {
        let path = dir.join("plan.gpkg");
        create(&path, &crate::io::default_dataset::build().unwrap()).unwrap();
        path
    }

    #[test]
    fn save_as_copies_every_table_including_recent_edits() {
        let dir = tempfile::tempdir().unwrap();
        let source = default_file(dir.path());
        let mut original = load(&source).unwrap();
        let mut edited = original.scenarios[0].clone();
        edited.horizon = 2040;
        save_scenario(&source, &edited).unwrap();
        original.scenarios[0] = edited;

        let dest = dir.path().join("copy.gpkg");
        save_copy_as(&source, &dest).unwrap();
        assert_eq!(load(&dest).unwrap(), original);
        // The source is as it was, and no temporary file is left.
        assert_eq!(load(&source).unwrap(), original);
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".tmp"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn save_as_refuses_the_open_file_itself_and_a_foreign_file() {
        let dir = tempfile::tempdir().unwrap();
        let source = default_file(dir.path());
        let itself = save_copy_as(&source, &dir.path().join(".").join("plan.gpkg")).unwrap_err();
        assert!(itself.to_string().contains("the open file itself"), "{itself}");

        let foreign = dir.path().join("notes.gpkg");
        fs::write(&foreign, "meeting notes").unwrap();
        let error = save_copy_as(&source, &foreign).unwrap_err();
        assert!(error.to_string().contains("not an Oblys file"), "{error}");
        assert_eq!(fs::read(&foreign).unwrap(), b"meeting notes");
    }

    #[test]
    fn an_older_file_is_backed_up_beside_itself_before_the_upgrade() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.gpkg");
        let ds = crate::model::Dataset {
            scenarios: Vec::new(),
            slides: Vec::new(),
            ..crate::io::default_dataset::build().unwrap()
        };
        {
            let mut conn = Connection::open(&path).unwrap();
            configure(&conn).unwrap();
            schema::migrate(&mut conn, 0, 2).unwrap();
            let tx = conn.transaction().unwrap();
            write::write_dataset(&tx, &ds).unwrap();
            tx.commit().unwrap();
        }
        let before = fs::read(&path).unwrap();

        assert_eq!(load(&path).unwrap(), ds);
        assert_eq!(schema_version(&path).unwrap(), SCHEMA_VERSION);
        let backup = dir.path().join("old.v2-backup.gpkg");
        assert_eq!(schema_version(&backup).unwrap(), 2, "the backup keeps the old version");
        let conn = Connection::open_with_flags(&backup, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let values: i64 =
            conn.query_row("SELECT count(*) FROM indicator_values", [], |r| r.get(0)).unwrap();
        assert_eq!(values, ds.values.len() as i64);
        drop(conn);
        // A backup is never overwritten: the same old file upgraded again gets the next name.
        fs::write(&path, &before).unwrap();
        load(&path).unwrap();
        assert!(dir.path().join("old.v2-backup-2.gpkg").exists());
    }
}
