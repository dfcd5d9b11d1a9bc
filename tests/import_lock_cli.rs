//! `oblys import` beside an open Oblys window: while another process holds the file's editing
//! lock (as the window does, `store::lock_for_editing`), an import of a table or a GeoJSON layer
//! is refused in one line with exit code 2 and the file left byte for byte as it was; a dry run
//! still previews; once the lock is released the same import is written. Reading commands (and
//! dry runs) read a current file beside a window but do not upgrade an older one it holds.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{fresh_database, oblys_import, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
}

/// Runs an import that must be refused because the file is locked: exit code 2, nothing on
/// standard output, one line on stderr, the file unchanged. Returns the line.
fn refused_while_locked(file: &Path, input: &Path, args: &[&str]) -> String {
    let before = std::fs::read(file).expect("file read");
    let output = oblys_import(file, input, args);
    assert_eq!(output.status.code(), Some(2), "stdout: {}", stdout(&output));
    assert_eq!(std::fs::read(file).expect("file read"), before, "the file was modified");
    assert_eq!(stdout(&output), "", "refused before any preview");
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "{message}");
    message.trim_end().to_owned()
}

fn population_2097(file: &Path, region: &str) -> Option<f64> {
    let dataset = oblys::store::load(file).expect("loads");
    dataset
        .values
        .iter()
        .find(|v| v.region_code == region && v.indicator == "population" && v.year == 2097)
        .map(|v| v.value)
}

#[test]
fn a_table_import_is_refused_while_a_window_edits_the_file_and_written_once_it_closes() {
    let (_dir, file) = fresh_database();
    let input = fixture("long_new_values.csv");
    let window = oblys::store::lock_for_editing(&file).expect("lock file").expect("lock taken");

    let message = refused_while_locked(&file, &input, &[]);
    assert_eq!(
        message,
        format!(
            "oblys: {} is open for editing in Oblys; close it there or use --dry-run; nothing \
             was written",
            file.display()
        )
    );
    // --skip-problems does not get past the lock either.
    refused_while_locked(&file, &input, &["--skip-problems"]);

    // A dry run needs no lock: it previews and writes nothing.
    let before = std::fs::read(&file).expect("file read");
    let output = oblys_import(&file, &input, &["--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Values to import: 3"), "{text}");
    assert!(text.ends_with("Dry run: nothing was written.\n"), "{text}");
    assert_eq!(std::fs::read(&file).expect("file read"), before);
    assert_eq!(population_2097(&file, "KZ-AKM"), None);

    drop(window);
    let output = oblys_import(&file, &input, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains(": 3 new, 0 replaced, 0 unchanged."), "{}", stdout(&output));
    assert_eq!(population_2097(&file, "KZ-AKM"), Some(1000.0));
    // The import let go of the lock when it ended: a window can take it again.
    assert!(oblys::store::lock_for_editing(&file).expect("lock file").is_some());
}

#[test]
fn a_geojson_import_is_refused_while_a_window_edits_the_file_in_the_planners_language() {
    let (_dir, file) = fresh_database();
    let input = fixture("geojson/growth_points.geojson");
    let args = ["--as", "growth_points", "--name-property", "name"];
    let before = oblys::store::load(&file).expect("loads").growth_points.len();
    let window = oblys::store::lock_for_editing(&file).expect("lock file").expect("lock taken");

    let mut ru = args.to_vec();
    ru.extend(["--lang", "ru"]);
    let message = refused_while_locked(&file, &input, &ru);
    assert_eq!(
        message,
        format!(
            "oblys: {} открыт для редактирования в Oblys; закройте его там или используйте \
             --dry-run; ничего не записано",
            file.display()
        )
    );
    let mut kk = args.to_vec();
    kk.extend(["--lang", "kk"]);
    let message = refused_while_locked(&file, &input, &kk);
    assert!(
        message.ends_with(
            "өңдеуге ашық; оны сонда жабыңыз немесе --dry-run беріңіз; ештеңе жазылған жоқ"
        ),
        "{message}"
    );

    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let output = oblys_import(&file, &input, &dry);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Growth points to import: 3"), "{}", stdout(&output));

    drop(window);
    let output = oblys_import(&file, &input, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let after = oblys::store::load(&file).expect("loads").growth_points.len();
    assert_eq!(after, before + 3);
}

#[test]
fn a_refused_foreign_file_gets_no_lock_file_beside_it() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("notes.gpkg");
    std::fs::write(&file, b"not a database at all").expect("written");
    let output = oblys_import(&file, &fixture("long_new_values.csv"), &[]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stderr(&output).contains("notes.gpkg"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&file).expect("read"), b"not a database at all");
    assert!(!oblys::store::lock_path(&file).exists(), "a lock file was put beside it");
}

#[test]
fn the_window_refuses_a_missing_foreign_or_text_file_before_any_lock_file_is_made() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let foreign = dir.path().join("foreign.gpkg");
    {
        let conn = rusqlite::Connection::open(&foreign).expect("a database");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").expect("written");
    }
    let bytes = std::fs::read(&foreign).expect("read");
    let text = dir.path().join("text.gpkg");
    std::fs::write(&text, b"not a database at all").expect("written");
    let missing = dir.path().join("missing.gpkg");
    for (file, reason) in [
        (&foreign, "not an Oblys file (an SQLite database, but not a GeoPackage)"),
        (&text, "not an Oblys file (not an SQLite database)"),
        (&missing, "no such file"),
    ] {
        // Refused before any window opens: no display is needed.
        let output = Command::new(env!("CARGO_BIN_EXE_oblys")).arg(file).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(stderr(&output).contains(reason), "{}", stderr(&output));
        assert!(!oblys::store::lock_path(file).exists(), "a lock file beside {}", file.display());
    }
    assert_eq!(std::fs::read(&foreign).expect("read"), bytes, "the foreign file was modified");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("listed")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["foreign.gpkg", "text.gpkg"]);
}

/// Turns `file` into a file of schema version 2, as an Oblys before scenarios wrote it: the
/// scenario tables of version 3 (the slides of version 4 and the typologies of version 5) are
/// dropped.
fn downgrade_to_version_2(file: &Path) {
    let conn = rusqlite::Connection::open(file).expect("opens");
    conn.execute_batch(
        "DROP TABLE typologies; DELETE FROM gpkg_contents WHERE table_name = 'typologies';
         DROP TABLE slides; DELETE FROM gpkg_contents WHERE table_name = 'slides';
         DROP TABLE scenario_targets; DROP TABLE scenario_levers; DROP TABLE scenario_projects;
         DROP TABLE scenario_growth_rates; DROP TABLE scenarios;
         DELETE FROM gpkg_contents WHERE table_name LIKE 'scenario%';
         UPDATE oblys_meta SET value = '2' WHERE key = 'schema_version';",
    )
    .expect("downgraded");
}

fn oblys_export(file: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oblys"))
        .arg("export")
        .arg(file)
        .args(["--table", "regions", "--format", "csv", "--lang", "en", "--out"])
        .arg(out)
        .output()
        .expect("oblys runs")
}

#[test]
fn reading_commands_and_dry_runs_do_not_upgrade_an_older_file_a_window_holds() {
    let (dir, file) = fresh_database();
    let out = dir.path().join("regions.csv");
    let window = oblys::store::lock_for_editing(&file).expect("lock file").expect("lock taken");
    // A current file is only read: exporting it beside the window is fine.
    let output = oblys_export(&file, &out);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.exists());
    drop(window);

    downgrade_to_version_2(&file);
    let out = dir.path().join("regions-old.csv");
    let window = oblys::store::lock_for_editing(&file).expect("lock file").expect("lock taken");
    let before = std::fs::read(&file).expect("read");
    let output = oblys_export(&file, &out);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert_eq!(
        stderr(&output).trim_end(),
        format!(
            "oblys: {} was written by an older Oblys and must be upgraded before it is read, \
             but it is open for editing in Oblys; close it there; nothing was written",
            file.display()
        )
    );
    assert_eq!(std::fs::read(&file).expect("read"), before, "the file was modified");
    assert!(!out.exists());
    // A dry run reads, so it would upgrade too: refused the same way.
    let output = oblys_import(&file, &fixture("long_new_values.csv"), &["--dry-run"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stderr(&output).contains("was written by an older Oblys"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&file).expect("read"), before, "the file was modified");
    assert!(!dir.path().join("work.v2-backup.gpkg").exists(), "no backup, no upgrade");
    assert_eq!(oblys::store::schema_version(&file).expect("checked"), 2);

    drop(window);
    let output = oblys_export(&file, &out);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(out.exists());
    assert!(dir.path().join("work.v2-backup.gpkg").exists(), "backup written before upgrade");
    assert_eq!(oblys::store::schema_version(&file).expect("checked"), oblys::store::SCHEMA_VERSION);
}
