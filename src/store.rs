//! The file: SQLite that is also a GeoPackage 1.4. The only module that speaks SQL.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Other(String),
}

/// Where the default database lives (user data folder), created from embedded data if missing.
pub fn ensure_default_database() -> Result<PathBuf, StoreError> {
    Err(StoreError::Other("not yet written".into()))
}

/// What `oblys info FILE` prints: layers, feature counts, schema version.
pub fn info_report(_path: &Path) -> Result<String, StoreError> {
    Err(StoreError::Other("not yet written".into()))
}
