//! Killing Oblys in the middle of a burst of edits loses at most the edit in flight: a writer
//! process saves one scenario after another and acknowledges each commit on stdout; it is killed
//! with SIGKILL at an arbitrary moment; the file must pass SQLite's integrity check, open in
//! Oblys, and hold every acknowledged edit.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

/// Where the parent test tells the writer process which file to write.
const FILE_VAR: &str = "OBLYS_DURABILITY_FILE";
/// Ids of the scenarios the writer adds start here, far above the shipped ones.
const FIRST_ID: i64 = 1000;
/// The writer stops by itself after this many edits if nobody kills it.
const MAX_EDITS: i64 = 5000;
/// Acknowledgements the parent waits for before it kills the writer.
const KILL_AFTER: usize = 40;

fn burst_scenario(template: &oblys::model::Scenario, id: i64) -> oblys::model::Scenario {
    let mut s = template.clone();
    s.id = id;
    s.name = oblys::model::Names::new("", "", format!("Burst {id}"));
    s
}

/// The writer: run only by the parent test below, in a separate process.
#[test]
#[ignore = "run by killed_during_a_burst_of_writes_the_file_keeps_every_acknowledged_edit"]
fn durability_writer() {
    let Ok(file) = std::env::var(FILE_VAR) else { return };
    let file = Path::new(&file);
    let dataset = oblys::store::load(file).expect("the file opens");
    let template = dataset.scenarios.first().expect("a shipped scenario").clone();
    let mut stdout = std::io::stdout();
    for id in FIRST_ID..FIRST_ID + MAX_EDITS {
        oblys::store::save_scenario(file, &burst_scenario(&template, id)).expect("saved");
        // Only now is the edit acknowledged, as the window acknowledges it by showing it.
        writeln!(stdout, "ack {id}").expect("stdout");
        stdout.flush().expect("stdout");
    }
}

#[test]
fn killed_during_a_burst_of_writes_the_file_keeps_every_acknowledged_edit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("burst.gpkg");
    let dataset = oblys::io::default_dataset::build().unwrap();
    oblys::store::create(&file, &dataset).unwrap();
    let shipped = dataset.scenarios.len();

    let mut writer = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "durability_writer", "--ignored", "--nocapture", "--test-threads=1"])
        .env(FILE_VAR, &file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the writer starts");
    let stdout = writer.stdout.take().expect("piped");
    let mut acknowledged: Vec<i64> = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("readable output");
        if let Some(id) = line.strip_prefix("ack ") {
            acknowledged.push(id.trim().parse().expect("an id"));
            if acknowledged.len() == KILL_AFTER {
                // SIGKILL on Unix: no destructor, no flush, no rollback in the writer.
                writer.kill().expect("killed");
                break;
            }
        }
    }
    writer.wait().expect("reaped");
    assert_eq!(acknowledged.len(), KILL_AFTER, "the writer acknowledged too few edits");

    let conn = rusqlite::Connection::open(&file).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    let reopened = oblys::store::load(&file).expect("the file still opens in Oblys");
    for id in &acknowledged {
        let s = reopened.scenario(*id).unwrap_or_else(|| panic!("acknowledged edit {id} lost"));
        assert_eq!(s.name.en, format!("Burst {id}"));
    }
    // Beyond the acknowledged ones, at most the edit in flight when the writer died.
    let added = reopened.scenarios.len() - shipped;
    assert!(added == KILL_AFTER || added == KILL_AFTER + 1, "{added} edits found");
}
