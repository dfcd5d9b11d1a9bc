//! Helpers shared by the tests that run the `oblys` binary as a process.

#![allow(dead_code)] // Each test file uses the part it needs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
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

/// What the process wrote to standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A fresh copy of the default database in its own folder, for a test that writes to it.
pub fn fresh_database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("work.gpkg");
    std::fs::copy(database(), &path).expect("database copied");
    (dir, path)
}

/// Runs `oblys import FILE INPUT ARGS…`.
pub fn oblys_import(file: &Path, input: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("import")
        .arg(file)
        .arg(input)
        .args(args)
        .output()
        .expect("oblys runs")
}
