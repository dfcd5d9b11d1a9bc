//! GeoJSON in the import window, driven headless with egui_kittest on a real file written from
//! the default dataset: a points layer chosen in the window offers its features' properties in
//! the name-property combo, previews each point with the region it falls in (in the view's
//! language), imports them as growth points in one step, and Ctrl+Z takes them all back from the
//! data and the file.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::import::Stage;
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::window;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/geojson").join(name)
}

/// Opens File > Import table… and reads `input`.
fn read_input(harness: &mut Harness<'_, Gui>, labels: [&str; 3], input: &Path) {
    let [file, entry, field] = labels;
    harness.get_by_role_and_label(Role::Button, file).click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, field).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, field).type_text(&input.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    settle(harness);
}

/// Lets the window settle: a large file is read on a worker while the window shows a spinner
/// (stepped until it is done), and the modal is centred on its size of the frame before.
fn settle(harness: &mut Harness<'_, Gui>) {
    let reading = |h: &Harness<'_, Gui>| {
        h.state().state().import().is_some_and(|d| matches!(d.stage(), Stage::Reading(_)))
    };
    harness.step();
    while reading(harness) {
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    for _ in 0..3 {
        harness.run();
    }
}

/// Whether a label reading `region` stands right of the label `name`, on its row.
fn beside(harness: &Harness<'_, Gui>, name: &str, region: &str) -> bool {
    let row = harness.get_by_label(name).rect();
    harness.query_all_by_label(region).any(|n| {
        let at = n.rect();
        (at.center().y - row.center().y).abs() < 2.0 && at.left() > row.right()
    })
}

const EN: [&str; 3] = ["File", "Import table…", "Input file"];

#[test]
fn growth_points_are_imported_with_their_regions_and_ctrl_z_takes_them_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let original = harness.state().state().dataset().clone();
    read_input(&mut harness, EN, &fixture("growth_points.geojson"));
    // Each point is listed with its feature number, name and the region it falls in.
    let read = harness.state().state().import().and_then(|d| d.layer_read()).expect("a preview");
    assert_eq!(read.preview.items.len(), 3);
    assert_eq!(read.choice.layer.name_property.as_deref(), Some("name"));
    for (name, region) in [
        ("Stepnogorsk", "Akmola Region"),
        ("Темиртау", "Karaganda Region"),
        ("Экибастуз", "Pavlodar Region"),
    ] {
        assert!(beside(&harness, name, region), "{name} in {region}");
    }
    harness.get_by_label("No problems");

    harness.get_by_label("Import 3 features").click();
    harness.run();
    harness.get_by_label("Imported into kazakhstan.gpkg: 3 (growth points).");
    let state = harness.state().state();
    let added = &state.dataset().growth_points[original.growth_points.len()..];
    let placed: Vec<(&str, &str)> =
        added.iter().map(|g| (g.names.get(Lang::Ru), g.region_code.as_str())).collect();
    assert_eq!(
        placed,
        [("Степногорск", "KZ-AKM"), ("Темиртау", "KZ-KAR"), ("Экибастуз", "KZ-PAV")]
    );
    let file = state.file().to_owned();
    assert_eq!(&oblys::store::load(&file).expect("file read"), state.dataset());
    assert_eq!(state.history().undo_len(), 1, "the import is one step");

    harness.get_by_label("Close").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().state().dataset(), &original);
    assert_eq!(oblys::store::load(&file).expect("file read"), original);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    let back = &harness.state().state().dataset().growth_points;
    assert_eq!(back.len(), original.growth_points.len() + 3);
}

#[test]
fn the_name_property_combo_lists_the_files_properties_and_a_choice_reads_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    read_input(&mut harness, EN, &fixture("growth_points.geojson"));
    harness.get_by_role_and_label(Role::ComboBox, "Import as");
    harness.get_by_role_and_label(Role::ComboBox, "Name property").click();
    harness.run();
    for property in ["name_en", "population", "population_year", "level", "monotown", "status"] {
        harness.get_by_label(property);
    }
    harness.get_by_label("name_en").click();
    harness.run();
    let read = harness.state().state().import().and_then(|d| d.layer_read()).expect("a preview");
    assert_eq!(read.choice.layer.name_property.as_deref(), Some("name_en"));
    // Only the first point has an English name: the other two are problems by feature number.
    assert_eq!(read.preview.items.len(), 1);
    let features: Vec<usize> = read.preview.problems.iter().map(|p| p.feature).collect();
    assert_eq!(features, [2, 3]);
    harness.get_by_label("feature 2: the property «name_en» is missing or empty");
    harness.get_by_label("Import 1 feature");
}

#[test]
fn the_window_reads_a_layer_in_russian_and_lists_problems_by_feature() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::Ru);
    read_input(
        &mut harness,
        ["Файл", "Импорт таблицы…", "Входной файл"],
        &fixture("points_problems.geojson"),
    );
    let read = harness.state().state().import().and_then(|d| d.layer_read()).expect("a preview");
    assert!(!read.preview.problems.is_empty());
    let first = read.preview.problems.first().expect("a problem");
    let text = oblys::i18n::geojson_import_text::problem(first, Lang::Ru);
    assert!(text.starts_with(&format!("объект {}", first.feature)), "{text}");
    harness.get_by_label(&text);
    harness.get_by_role_and_label(Role::ComboBox, "Свойство с названием");
    let good = read.preview.items.len();
    harness.get_by_label(&oblys::i18n::geojson_import_text::import_features(good, Lang::Ru));
}

#[test]
fn import_geojson_dialog_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    // A folder holding only the fixture, as the tests' working folder (no other test of this
    // binary types a relative path), so the path and the listing shown are the same everywhere.
    let inputs = tempfile::tempdir().expect("temp dir");
    let name = "points_problems.geojson";
    std::fs::copy(fixture(name), inputs.path().join(name)).expect("fixture copied");
    std::env::set_current_dir(inputs.path()).expect("working folder");
    read_input(&mut harness, EN, Path::new(name));
    harness.hover_at(egui::Pos2::new(5.0, 995.0));
    harness.run();
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    harness.snapshot_options(
        "import_geojson_dialog",
        &egui_kittest::SnapshotOptions::new().output_path(snapshots),
    );
}

#[test]
fn an_edition_chosen_in_the_window_is_written_and_the_map_drawn_on_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let shipped =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/boundaries/kz_adm1_2024.geojson");
    read_input(&mut harness, EN, &shipped);
    settle(&mut harness);
    harness.get_by_role_and_label(Role::ComboBox, "Import as").click();
    settle(&mut harness);
    harness.get_by_label("a boundary edition").click();
    settle(&mut harness);
    harness.get_by_label(
        "Writing a boundary edition cannot be undone: the file and the map are reloaded after it.",
    );
    harness.get_by_role_and_label(Role::ComboBox, "Code property (instead of the name)").click();
    settle(&mut harness);
    harness.get_by_label("ISO_3166_2").click();
    settle(&mut harness);
    let field = "Edition key";
    harness.get_by_role_and_label(Role::TextInput, field).click();
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, field).type_text("2030");
    harness.run();
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let read = harness.state().state().import().and_then(|d| d.layer_read()).expect("a preview");
    assert_eq!(read.choice.layer.edition_key, "2030");
    assert_eq!(read.choice.layer.code_property.as_deref(), Some("ISO_3166_2"));
    let version = harness.state().state().scene_version();
    harness.get_by_label("Import 20 features").click();
    settle(&mut harness);
    let state = harness.state().state();
    // The map is drawn afresh (on the edition of the view's year, 2023: still 2022's).
    assert!(state.scene_version() > version, "painters see a new scene");
    assert_eq!(state.scene().edition, "2022");
    assert_eq!(state.dataset().current_edition().map(|e| e.key.as_str()), Some("2030"));
    let file = state.file().to_owned();
    let stored = oblys::store::load(&file).expect("file read");
    assert_eq!(stored.current_edition().map(|e| e.key.as_str()), Some("2030"));
    assert_eq!(&stored, state.dataset());
    harness.get_by_label("Close").click();
    settle(&mut harness);
    assert!(harness.state().state().import().is_none());
}
