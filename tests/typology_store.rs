//! Saved typologies in the file: `store::save_typology` and `store::delete_typology` (one
//! transaction each, refusing a definition the file cannot hold), the round trip through
//! `store::load`, the upgrade of a schema v4 file (no `typologies` table) and a malformed row.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use oblys::analysis::typology::{
    Classification, Component, Direction, MissingRule, Normalisation, Typology, TypologyState,
};
use oblys::model::{Dataset, Names, SavedTypology};
use oblys::store::{self, StoreError};
use rusqlite::Connection;

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| oblys::io::default_dataset::build().expect("the embedded data builds"))
}

fn created_file(dir: &Path) -> PathBuf {
    let path = dir.join("typologies.gpkg");
    store::create(&path, dataset()).expect("the default dataset is written");
    path
}

/// A definition that differs from the default in every part.
fn saved(id: i64, en: &str) -> SavedTypology {
    SavedTypology {
        id,
        typology: Typology {
            name: Names { kk: format!("{en} кк"), ru: format!("{en} ру"), en: en.to_owned() },
            state: TypologyState::Scenario { scenario_id: 2, year: 2030 },
            components: vec![
                Component {
                    indicator: "grp".to_owned(),
                    direction: Direction::HigherIsBetter,
                    weight: 2.5,
                },
                Component {
                    indicator: "employment_rate".to_owned(),
                    direction: Direction::LowerIsBetter,
                    weight: 0.0,
                },
            ],
            normalisation: Normalisation::ZScore,
            classification: Classification::NaturalBreaks(4),
            missing: MissingRule::InsufficientData,
        },
    }
}

#[test]
fn saved_typology_comes_back_exactly_and_is_replaced_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    assert!(store::load(&path).unwrap().typologies.is_empty());
    store::save_typology(&path, &saved(3, "Industry")).unwrap();
    store::save_typology(&path, &saved(1, "Labour")).unwrap();
    let ds = store::load(&path).unwrap();
    assert_eq!(ds.typologies, vec![saved(1, "Labour"), saved(3, "Industry")]);

    let mut changed = saved(3, "Industry");
    changed.typology.components[0].weight = 4.0;
    changed.typology.classification = Classification::KMeans(5);
    store::save_typology(&path, &changed).unwrap();
    assert_eq!(store::load(&path).unwrap().typologies, vec![saved(1, "Labour"), changed.clone()]);

    // A whole dataset with saved typologies is written and read back as it was.
    let copy = dir.path().join("copy.gpkg");
    let ds = Dataset { typologies: vec![saved(1, "Labour"), changed], ..dataset().clone() };
    store::create(&copy, &ds).unwrap();
    assert_eq!(store::load(&copy).unwrap(), ds);
}

#[test]
fn deleted_typology_is_gone_and_an_unknown_id_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    store::save_typology(&path, &saved(1, "Labour")).unwrap();
    store::save_typology(&path, &saved(2, "Industry")).unwrap();
    store::delete_typology(&path, 1).unwrap();
    assert_eq!(store::load(&path).unwrap().typologies, vec![saved(2, "Industry")]);
    let error = store::delete_typology(&path, 1).unwrap_err();
    assert!(matches!(error, StoreError::NoSuchTypology { id: 1, .. }), "{error}");
}

#[test]
fn typology_the_file_cannot_hold_is_refused_by_name_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    store::save_typology(&path, &saved(1, "Labour")).unwrap();
    let mut unknown = saved(2, "Other");
    unknown.typology.components[0].indicator = "happiness".to_owned();
    let mut negative = saved(2, "Other");
    negative.typology.components[1].weight = -1.0;
    let mut empty = saved(2, "Other");
    empty.typology.components.clear();
    let mut built_in = saved(2, "Other");
    built_in.typology.name.ru = "Default".to_owned();
    let duplicate = saved(2, "labour");
    for (typology, needle) in [
        (unknown, "indicator «happiness» is not in the file"),
        (negative, "the weight -1 of «employment_rate» is not a number ≥ 0"),
        (empty, "it has no components"),
        (built_in, "«default» is the built-in typology's name"),
        (duplicate, "typology 1 «Labour» has the same name"),
    ] {
        let error = store::save_typology(&path, &typology).unwrap_err().to_string();
        assert!(error.contains("typology 2"), "{error}");
        assert!(error.contains(needle) && error.contains("nothing was saved"), "{error}");
    }
    assert_eq!(store::load(&path).unwrap().typologies, vec![saved(1, "Labour")]);
}

#[test]
fn schema_v4_file_is_upgraded_to_an_empty_list_keeping_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    {
        // A v4 file is a v5 file without the typologies table (and a v5 deck has no
        // Potential slide).
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "DELETE FROM slides WHERE screen = 'potential';
             DROP TABLE typologies;
             DELETE FROM gpkg_contents WHERE table_name = 'typologies';
             UPDATE oblys_meta SET value = '4' WHERE key = 'schema_version';",
        )
        .unwrap();
    }
    assert_eq!(store::schema_version(&path).unwrap(), 4);
    let mut v4 = dataset().clone();
    v4.slides.retain(|s| s.view.potential.is_none());
    assert_eq!(store::load(&path).unwrap(), v4);
    assert_eq!(store::schema_version(&path).unwrap(), store::SCHEMA_VERSION);
    let conn = Connection::open(&path).unwrap();
    let registered: String = conn
        .query_row("SELECT data_type FROM gpkg_contents WHERE table_name = 'typologies'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(registered, "attributes");
    drop(conn);
    store::save_typology(&path, &saved(1, "Labour")).unwrap();
    assert_eq!(store::load(&path).unwrap().typologies, vec![saved(1, "Labour")]);
}

#[test]
fn malformed_definition_is_an_error_naming_the_table_and_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    store::save_typology(&path, &saved(4, "Labour")).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE typologies SET definition = '{\"state\": 12}' WHERE typology_id = 4",
            [],
        )
        .unwrap();
    }
    let error = store::load(&path).unwrap_err().to_string();
    assert!(
        error.contains(
            "table typologies, typology 4 «Labour»: its definition is not a valid typology"
        ),
        "{error}"
    );
}
