//! Keeping a second Oblys from editing a file this one has open: an OS lock on the side file
//! `<file>.lock`, held while the file is open. The OS releases it when the process ends, even
//! by a crash or `kill -9`, so a stale lock never blocks anyone. The side file itself stays
//! (removing it could let two windows lock two different files of the same name).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::StoreError;

/// The lock on an open file; dropping it releases the lock.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl FileLock {
    /// The side file holding the lock.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// The side file that holds the lock of `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    super::side_file(path, ".lock")
}

/// Takes the editing lock of `path`: `Some` when this window may edit the file, `None` when
/// another Oblys (or another window of this one) holds it and the file must be opened
/// read-only. An error when the side file cannot be made at all (a read-only folder): the
/// caller may then open the file read-only too.
pub fn lock_for_editing(path: &Path) -> Result<Option<FileLock>, StoreError> {
    let lock = lock_path(path);
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(&lock).map_err(
        |source| StoreError::Io {
            path: path.to_owned(),
            context: "cannot create its lock file beside it",
            source,
        },
    )?;
    match file.try_lock() {
        Ok(()) => Ok(Some(FileLock { _file: file, path: lock })),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(source)) => Err(StoreError::Io {
            path: path.to_owned(),
            context: "cannot lock it for editing",
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_of_the_same_file_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.gpkg");
        let first = lock_for_editing(&path).unwrap().expect("the first window edits");
        assert_eq!(first.path(), dir.path().join("plan.gpkg.lock"));
        assert!(lock_for_editing(&path).unwrap().is_none(), "the second is read-only");
        drop(first);
        assert!(lock_for_editing(&path).unwrap().is_some(), "free again once closed");
    }

    #[test]
    fn locks_of_different_files_are_independent() {
        let dir = tempfile::tempdir().unwrap();
        let a = lock_for_editing(&dir.path().join("a.gpkg")).unwrap();
        let b = lock_for_editing(&dir.path().join("b.gpkg")).unwrap();
        assert!(a.is_some() && b.is_some());
    }
}
