//! The presentation deck in the file: the example deck of the default database, a deck written
//! by `store::create` and read back by `store::load`, and the one-transaction operations
//! `store::save_slide`, `store::delete_slide`, `store::reorder_slides`, which refuse a slide the
//! file cannot show and then leave the file as it was.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use oblys::analysis::typology::{Classification, MissingRule, Typology, TypologyState};
use oblys::map::BoundaryMode;
use oblys::map::difference::DifferenceMode;
use oblys::model::{
    Dataset, Lang, NATIONAL_CODE, Names, PotentialTab, Slide, SlideExtent, SlideLayers,
    SlidePotential, SlideScreen, SlideSource, SlideTarget, SlideView,
};
use oblys::store::{self, StoreError};

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| oblys::io::default_dataset::build().expect("the embedded data builds"))
}

fn created_file(dir: &Path) -> PathBuf {
    let path = dir.join("deck.gpkg");
    store::create(&path, dataset()).expect("the default dataset is written");
    path
}

fn ids(ds: &Dataset) -> Vec<i64> {
    ds.slides.iter().map(|s| s.id).collect()
}

fn positions(ds: &Dataset) -> Vec<u32> {
    ds.slides.iter().map(|s| s.position).collect()
}

/// A slide that uses every field: a selection of a current and a legacy unit, an extent, both
/// comparison sides, the relative difference and a target.
fn full_slide(id: i64, position: u32) -> Slide {
    Slide {
        id,
        position,
        title: Names::new("Солтүстік өңірлер", "Северные регионы", "Northern regions"),
        notes: Names::new("", "", "Only English notes"),
        view: SlideView {
            screen: SlideScreen::Table,
            indicator: "grp".to_owned(),
            year: 2021,
            boundary_mode: BoundaryMode::Current,
            layers: SlideLayers {
                growth_points: false,
                projects: true,
                labels: false,
                corridors: true,
            },
            selected: vec!["KZ-AKM".to_owned(), "KZ-KAR@2018".to_owned()],
            extent: Some(SlideExtent {
                min_lon: 60.5,
                min_lat: 49.0,
                max_lon: 80.25,
                max_lat: 55.5,
            }),
            compare_a: SlideSource::Actual,
            compare_b: SlideSource::Scenario(2),
            difference: DifferenceMode::Relative,
            target: Some(SlideTarget {
                indicator: "productivity".to_owned(),
                region_code: NATIONAL_CODE.to_owned(),
                year: 2030,
            }),
            potential: None,
        },
    }
}

/// The Potential part of a Potential slide.
fn p(slide: &mut Slide) -> &mut SlidePotential {
    slide.view.potential.as_mut().expect("a Potential slide")
}

/// A Potential slide of the class change between the two shipped scenarios at their horizon,
/// its typology the default with the weights moved away from equal, quantiles in 4 classes and
/// insufficient data marked; the neighbour graph on and a 0.01 significance level.
fn potential_slide(id: i64, position: u32) -> Slide {
    let ds = dataset();
    let mut typology = Typology::default_for(ds);
    for (c, weight) in typology.components.iter_mut().zip([3.0, 0.0, 1.5, 2.0, 0.25]) {
        c.weight = weight;
    }
    typology.classification = Classification::Quantiles(4);
    typology.missing = MissingRule::InsufficientData;
    let horizon =
        |s: &oblys::model::Scenario| TypologyState::Scenario { scenario_id: s.id, year: s.horizon };
    let mut slide = full_slide(id, position);
    slide.title = Names::new("Әлеует", "Потенциал", "Potential");
    slide.view.screen = SlideScreen::Potential;
    slide.view.target = None;
    slide.view.potential = Some(Box::new(SlidePotential {
        tab: PotentialTab::Change,
        typology,
        saved: None,
        significance: 0.01,
        change_a: horizon(&ds.scenarios[0]),
        change_b: horizon(&ds.scenarios[1]),
        neighbours: true,
    }));
    slide
}

#[test]
fn potential_slide_is_saved_and_read_back_with_its_typology_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let slide = potential_slide(9, 1);
    store::save_slide(&path, &slide).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(ids(&loaded), [1, 9, 2, 3, 4]);
    assert_eq!(loaded.slides[1], Slide { position: 1, ..slide.clone() });
    // Every tab goes through the file.
    for tab in PotentialTab::ALL {
        let mut other = slide.clone();
        other.view.potential.as_mut().unwrap().tab = tab;
        store::save_slide(&path, &other).unwrap();
        assert_eq!(store::load(&path).unwrap().slides[1], Slide { position: 1, ..other });
    }
}

#[test]
fn potential_slide_naming_what_the_file_lacks_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let change = |f: &dyn Fn(&mut Slide)| {
        let mut slide = potential_slide(9, 0);
        f(&mut slide);
        slide
    };
    for (slide, needle) in [
        (change(&|s| s.view.potential = None), "a Potential slide without its typology"),
        (change(&|s| s.view.screen = SlideScreen::Map), "a typology on a slide of another screen"),
        (
            change(&|s| p(s).typology.components[0].indicator = "happiness".into()),
            "its typology's indicator «happiness» is not in the file",
        ),
        (change(&|s| p(s).typology.components[1].weight = -2.0), "the weight -2 of"),
        (change(&|s| p(s).typology.components.clear()), "its typology has no components"),
        (
            change(&|s| p(s).typology.classification = Classification::KMeans(9)),
            "9 classes: the Potential screen draws 2 to 7",
        ),
        (change(&|s| p(s).significance = 1.5), "significance level 1.5 is not between 0 and 1"),
        (
            change(&|s| p(s).change_b = TypologyState::Scenario { scenario_id: 42, year: 2030 }),
            "its typology uses scenario 42, which is not in the file",
        ),
    ] {
        let error = store::save_slide(&path, &slide).unwrap_err().to_string();
        assert!(error.contains("slide 9 «Potential»"), "{error}");
        assert!(error.contains(needle) && error.contains("nothing was saved"), "{error}");
    }
    assert_eq!(store::load(&path).unwrap(), *dataset());
}

#[test]
fn potential_slide_whose_scenario_was_deleted_still_reads_and_shows_its_states() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let slide = potential_slide(9, 3);
    store::save_slide(&path, &slide).unwrap();
    let managed = dataset().scenarios[1].clone();
    store::delete_scenario(&path, managed.id).unwrap();
    // The states keep the scenario's id: undoing the deletion gives the slide its side back.
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.slides[3].view.potential, slide.view.potential);
    store::save_scenario(&path, &managed).unwrap();
    assert_eq!(store::load(&path).unwrap().slides[3], slide);
}

#[test]
fn potential_slide_row_with_a_broken_typology_is_an_error_naming_the_slide() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    store::save_slide(&path, &potential_slide(9, 3)).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE slides SET potential = '{\"tab\": \"sideways\"}' WHERE slide_id = 9", [])
        .unwrap();
    drop(conn);
    let error = store::load(&path).unwrap_err().to_string();
    assert!(error.contains("table slides, slide 9"), "{error}");
    assert!(error.contains("its Potential view is not a valid typology and view"), "{error}");
}

#[test]
fn schema_v5_deck_is_upgraded_keeping_every_slide() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    {
        // A v5 file: the deck table without the potential screen and column (rebuilt, as
        // SQLite's DROP COLUMN refuses a column a CHECK names).
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DELETE FROM slides WHERE screen = 'potential';
                 CREATE TABLE old AS SELECT id, slide_id, position, title_kk, title_ru, title_en,
                   notes_kk, notes_ru, notes_en, screen, indicator, year, boundary_mode,
                   show_growth_points, show_projects, show_labels, show_corridors,
                   selected_regions, extent_min_lon, extent_min_lat, extent_max_lon,
                   extent_max_lat, compare_a, compare_b, difference, target_indicator,
                   target_region, target_year FROM slides;
                 DROP TABLE slides;
                 ALTER TABLE old RENAME TO slides;
                 UPDATE oblys_meta SET value = '5' WHERE key = 'schema_version';",
        )
        .unwrap();
    }
    assert_eq!(store::schema_version(&path).unwrap(), 5);
    // A v5 deck has no Potential slide: the example deck's first three.
    let mut v5 = dataset().clone();
    v5.slides.truncate(3);
    assert_eq!(store::load(&path).unwrap(), v5);
    assert_eq!(store::schema_version(&path).unwrap(), 6);
    // The upgraded table takes a Potential slide.
    store::save_slide(&path, &potential_slide(9, 3)).unwrap();
    assert_eq!(store::load(&path).unwrap().slides[3], potential_slide(9, 3));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let check: String = conn
        .query_row("SELECT sql FROM sqlite_master WHERE name = 'slides'", [], |r| r.get(0))
        .unwrap();
    assert!(check.contains("'potential'"), "{check}");
}

#[test]
fn default_database_ships_the_four_slide_example_deck() {
    let ds = dataset();
    let inertial = ds.scenarios[0].id;
    let managed = ds.scenarios[1].id;
    assert_eq!(ids(ds), [1, 2, 3, 4]);
    assert_eq!(positions(ds), [0, 1, 2, 3]);
    let [overview, compare, targets, potential] = &ds.slides[..] else { panic!("four slides") };

    // Which regions the managed scenario lifts: the default typology's class change between
    // the two scenarios at their horizon.
    assert_eq!(potential.view.screen, SlideScreen::Potential);
    let p = potential.view.potential.as_deref().expect("the slide holds its typology");
    assert_eq!(p.tab, PotentialTab::Change);
    assert_eq!(p.typology, Typology::default_for(ds));
    let horizon =
        |s: &oblys::model::Scenario| TypologyState::Scenario { scenario_id: s.id, year: s.horizon };
    assert_eq!((p.change_a, p.change_b), (horizon(&ds.scenarios[0]), horizon(&ds.scenarios[1])));
    assert_eq!(
        potential.title.get(Lang::En),
        "Potential classes in 2030: which regions the managed scenario lifts"
    );

    let latest_population = *ds.years_of("population").last().unwrap();
    assert_eq!(overview.view.screen, SlideScreen::Map);
    assert_eq!(overview.view.indicator, "population");
    assert_eq!(overview.view.year, latest_population);
    assert_eq!(overview.view.extent, None);
    assert!(overview.view.selected.is_empty());
    assert_eq!(
        overview.title.get(Lang::En),
        format!("Population of Kazakhstan, {latest_population}")
    );

    assert_eq!(compare.view.screen, SlideScreen::Compare);
    assert_eq!(compare.view.indicator, "grp");
    assert_eq!(compare.view.year, 2030);
    assert_eq!(compare.view.compare_a, SlideSource::Scenario(inertial));
    assert_eq!(compare.view.compare_b, SlideSource::Scenario(managed));
    assert_eq!(compare.view.difference, DifferenceMode::Absolute);
    assert_eq!(compare.title.get(Lang::Ru), "ВРП в 2030 году: инерционный и управляемый сценарии");

    let programme = &ds.scenarios[1].assumptions.targets[0];
    assert_eq!(targets.view.screen, SlideScreen::Targets);
    assert_eq!(
        targets.view.target,
        Some(SlideTarget {
            indicator: programme.indicator.clone(),
            region_code: NATIONAL_CODE.to_owned(),
            year: programme.year,
        })
    );
    assert_eq!(targets.title.get(Lang::Kk), "Бағдарлама мақсаттары");
}

#[test]
fn example_deck_texts_are_in_three_languages_with_cyrillic_kazakh() {
    for slide in &dataset().slides {
        for names in [&slide.title, &slide.notes] {
            for (lang, text) in
                [(Lang::Kk, &names.kk), (Lang::Ru, &names.ru), (Lang::En, &names.en)]
            {
                assert!(!text.is_empty(), "slide {} has no {lang:?} text", slide.id);
                if lang != Lang::En {
                    assert!(
                        !text.chars().any(|c| c.is_ascii_alphabetic()),
                        "slide {} {lang:?} has Latin letters: {text}",
                        slide.id
                    );
                }
            }
        }
    }
    // Kazakh letters, not their Russian look-alikes: «мақсаттары», «өңірлер», «көрсетіңіз».
    let kk: String = dataset().slides.iter().map(|s| s.notes.kk.as_str()).collect();
    for letter in ['ә', 'ғ', 'қ', 'ң', 'ө', 'і'] {
        assert!(kk.contains(letter), "no {letter} in the Kazakh notes");
    }
}

#[test]
fn created_file_gives_back_the_deck_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    assert_eq!(store::load(&path).unwrap(), *dataset());

    let mut ds = dataset().clone();
    ds.slides.push(full_slide(9, 4));
    let path = dir.path().join("full.gpkg");
    store::create(&path, &ds).unwrap();
    assert_eq!(store::load(&path).unwrap().slides, ds.slides);
}

#[test]
fn saved_slide_is_inserted_at_its_position_and_replaced_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    store::save_slide(&path, &full_slide(7, 1)).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(ids(&loaded), [1, 7, 2, 3, 4]);
    assert_eq!(positions(&loaded), [0, 1, 2, 3, 4]);
    assert_eq!(loaded.slide(7), Some(&full_slide(7, 1)));

    // Renamed and moved to the end (a position past the end means last).
    let mut renamed = full_slide(7, 99);
    renamed.title = Names::new("", "", "Renamed");
    renamed.view.selected.clear();
    renamed.view.extent = None;
    renamed.view.target = None;
    store::save_slide(&path, &renamed).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(ids(&loaded), [1, 2, 3, 4, 7]);
    assert_eq!(positions(&loaded), [0, 1, 2, 3, 4]);
    let stored = loaded.slide(7).unwrap();
    assert_eq!(stored.title.get(Lang::Kk), "Renamed");
    assert_eq!((stored.view.extent, stored.view.target.clone()), (None, None));
    assert!(stored.view.selected.is_empty());
}

#[test]
fn deleted_slide_leaves_a_deck_without_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    store::delete_slide(&path, 2).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(ids(&loaded), [1, 3, 4]);
    assert_eq!(positions(&loaded), [0, 1, 2]);
    let error = store::delete_slide(&path, 2).unwrap_err();
    assert!(matches!(error, StoreError::NoSuchSlide { id: 2, .. }), "{error}");
}

#[test]
fn reordered_deck_follows_the_given_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    store::reorder_slides(&path, &[3, 4, 1, 2]).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(ids(&loaded), [3, 4, 1, 2]);
    assert_eq!(positions(&loaded), [0, 1, 2, 3]);
}

#[test]
fn reorder_naming_a_wrong_set_of_slides_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    for (order, needle) in [
        (&[1, 2, 4][..], "slide 3 is missing"),
        (&[1, 2, 3, 4, 5][..], "no slide with id 5"),
        (&[1, 1, 2, 3, 4][..], "slide 1 is listed twice"),
    ] {
        let error = store::reorder_slides(&path, order).unwrap_err().to_string();
        assert!(error.contains(needle) && error.contains("deck.gpkg"), "{error}");
    }
    assert_eq!(store::load(&path).unwrap(), *dataset());
}

#[test]
fn slide_naming_what_the_file_lacks_is_refused_by_name_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let mut unknown_indicator = full_slide(7, 0);
    unknown_indicator.view.indicator = "happiness".to_owned();
    let mut unknown_region = full_slide(7, 0);
    unknown_region.view.selected.push("KZ-XXX".to_owned());
    let mut unknown_scenario = full_slide(7, 0);
    unknown_scenario.view.compare_a = SlideSource::Scenario(42);
    let mut legacy_target = full_slide(7, 0);
    legacy_target.view.target =
        Some(SlideTarget { indicator: "grp".into(), region_code: "KZ-XXX".into(), year: 2030 });
    let mut inverted_extent = full_slide(7, 0);
    inverted_extent.view.extent =
        Some(SlideExtent { min_lon: 80.0, min_lat: 40.0, max_lon: 50.0, max_lat: 55.0 });
    for (slide, needle) in [
        (unknown_indicator, "indicator «happiness» is not in the file"),
        (unknown_region, "selected region KZ-XXX is not a region of the file"),
        (unknown_scenario, "comparison side A is scenario 42, which is not in the file"),
        (legacy_target, "the target's region KZ-XXX is not a current region"),
        (inverted_extent, "is not an area on Earth"),
    ] {
        let error = store::save_slide(&path, &slide).unwrap_err().to_string();
        assert!(error.contains("slide 7 «Northern regions»"), "{error}");
        assert!(error.contains(needle) && error.contains("nothing was saved"), "{error}");
    }
    assert_eq!(store::load(&path).unwrap(), *dataset());
}

#[test]
fn deleted_scenario_sides_read_as_the_data_until_the_scenario_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = created_file(dir.path());
    let inertial = dataset().scenarios[0].id;
    let managed = dataset().scenarios[1].clone();
    store::delete_scenario(&path, managed.id).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(ids(&loaded), [1, 2, 3, 4]);
    for slide in &loaded.slides[1..3] {
        assert_eq!(slide.view.compare_a, SlideSource::Scenario(inertial));
        assert_eq!(slide.view.compare_b, SlideSource::Actual, "slide {}", slide.id);
    }
    // The deck is still a valid one: it can be written again as a whole.
    let again = dir.path().join("again.gpkg");
    store::create(&again, &loaded).unwrap();
    assert_eq!(store::load(&again).unwrap(), loaded);
    // Undoing the deletion saves the scenario under its id again: the slides follow it.
    store::save_scenario(&path, &managed).unwrap();
    assert_eq!(store::load(&path).unwrap().slides, dataset().slides);
}

#[test]
fn dataset_whose_slide_names_a_missing_scenario_writes_it_as_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangling.gpkg");
    let mut ds = dataset().clone();
    ds.slides[1].view.compare_b = SlideSource::Scenario(42);
    store::create(&path, &ds).unwrap();
    assert_eq!(store::load(&path).unwrap().slides[1].view.compare_b, SlideSource::Actual);
    // A negative id is no scenario at all and is refused by name.
    ds.slides[1].view.compare_b = SlideSource::Scenario(-1);
    let error = store::create(&path, &ds).unwrap_err().to_string();
    assert!(error.contains("slide 2 «GRP in 2030: inertial vs managed scenario»"), "{error}");
    assert!(error.contains("scenario -1"), "{error}");
}
