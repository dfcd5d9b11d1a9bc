//! Helpers shared by the tests that run the `oblys` binary as a process.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

/// A default database written once per test binary.
pub fn database() -> &'static Path {
    static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = FILE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("default.gpkg");
        let dataset = oblys::io::default_dataset::build().expect("embedded default data");
        oblys::store::create(&path, &dataset).expect("database written");
        (dir, path)
    });
    path
}

/// What the process wrote to standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
