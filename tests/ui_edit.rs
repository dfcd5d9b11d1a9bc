//! UI flows of the Data window, driven headless with egui_kittest on a real file written from the
//! default dataset: a growth point placed by a click on the map gets the region under the click
//! and is in the file; Ctrl+Z takes it back out of the file, Ctrl+Y and Ctrl+Shift+Z bring it
//! back; an indicator value edited in the table, undone and redone; a negative population shows
//! its message beside the field and writes nothing; a project form shows a missing name and
//! place, a year outside 1990–2100, negative jobs and a point outside Kazakhstan beside their
//! fields, then is placed by a click with its region overridden; a read-only window refuses with
//! its notice; File → Export a table writes tables, layers and projections and never the file.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::{Action, AppState};
use oblys::model::{Dataset, Lang};
use oblys::ui::Gui;
#[path = "common/tables.rs"]
mod tables;
#[path = "common/ui.rs"]
mod ui;
use ui::{SHORT_STEP, click_at, default_file, harness_of, press, reloaded, type_into};

/// A window on a fresh file holding the default dataset, with `code` selected and the Data
/// window opened from the top bar.
fn window(dir: &tempfile::TempDir, code: &str, read_only: bool) -> Harness<'static, Gui> {
    let path = default_file(dir.path());
    let dataset = oblys::store::load(&path).expect("file read");
    let mut state = AppState::new(path, dataset, Lang::En);
    state.set_read_only(read_only);
    let mut gui = Gui::new(state);
    gui.apply(Action::Select(Some(code.to_owned())));
    let mut harness = harness_of(gui, Some(SHORT_STEP));
    harness.get_by_role_and_label(Role::Button, "Data").click();
    harness.run();
    assert!(harness.state().state().data_open());
    harness
}

/// The window's tab of that name (the top bar and the legend use the same words; the window
/// is laid out last).
fn open_tab(harness: &mut Harness<'_, Gui>, name: &str) {
    harness.get_all_by_role_and_label(Role::Button, name).last().expect("the tab").click();
    harness.run();
}

/// The id of the growth point named `name` (English) in `ds`.
fn point_named(ds: &Dataset, name: &str) -> Option<(i64, String)> {
    ds.growth_points.iter().find(|g| g.names.en == name).map(|g| (g.id, g.region_code.clone()))
}

/// A new growth point "Test Town" placed with a click on Karaganda Region, saved.
fn add_point_by_click(harness: &mut Harness<'_, Gui>, population: &str) {
    open_tab(harness, "Growth points");
    harness.get_by_label("New").click();
    harness.run();
    type_into(harness, "Name (English)", "Test Town");
    type_into(harness, "Population", population);
    harness.get_by_label("Place on map").click();
    harness.run();
    assert!(harness.query_by_label("Click the point on the map (Esc cancels)").is_some());
    let pos = harness.state().region_screen_pos("KZ-KAR").expect("Karaganda is drawn");
    click_at(harness, pos);
    // Placing ended; the region under the click is chosen and marked in the list.
    assert!(harness.query_by_label("Place on map").is_some());
    let region = harness.get_all_by_label("Region").last().and_then(|n| n.value());
    let under = "Karaganda Region (from the point on the map)";
    assert_eq!(region.as_deref(), Some(under), "the region under the click");
    harness.get_by_label("Save").click();
    harness.run();
}

#[test]
fn a_point_placed_on_the_map_is_saved_with_its_region_and_undo_redo_follow_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    let before = reloaded(&harness).growth_points.len();
    add_point_by_click(&mut harness, "12 500");

    let (id, region) = point_named(harness.state().state().dataset(), "Test Town").expect("added");
    assert_eq!(region, "KZ-KAR");
    let saved = reloaded(&harness);
    assert_eq!(point_named(&saved, "Test Town"), Some((id, "KZ-KAR".to_owned())));
    assert_eq!(saved.growth_points.len(), before + 1);
    let point = saved.growth_points.iter().find(|g| g.id == id).expect("saved");
    assert_eq!(point.population, Some(12_500));
    // In the Data window's list of Karaganda's points and in the side panel's.
    assert_eq!(harness.query_all_by_label("Test Town").count(), 2);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(point_named(harness.state().state().dataset(), "Test Town"), None);
    assert_eq!(point_named(&reloaded(&harness), "Test Town"), None);
    assert_eq!(reloaded(&harness).growth_points.len(), before);
    assert_eq!(harness.query_all_by_label("Test Town").count(), 0);

    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(point_named(&reloaded(&harness), "Test Town"), Some((id, "KZ-KAR".to_owned())));
    assert_eq!(harness.query_all_by_label("Test Town").count(), 2);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(point_named(&reloaded(&harness), "Test Town"), None);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(point_named(&reloaded(&harness), "Test Town"), Some((id, "KZ-KAR".to_owned())));
    assert_eq!(harness.state().state().dataset(), &reloaded(&harness));
}

#[test]
fn an_indicator_value_is_edited_in_the_table_then_undone_and_redone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    let original = reloaded(&harness).value("KZ-KAR", "population", 2023).expect("reported");
    assert_eq!(harness.state().state().view().indicator, "population");

    type_into(&mut harness, "2023", "1 200 000");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().state().dataset().value("KZ-KAR", "population", 2023), Some(1.2e6));
    assert_eq!(reloaded(&harness).value("KZ-KAR", "population", 2023), Some(1.2e6));
    // The map's ranking follows at once.
    let rank =
        harness.state().state().ranking().iter().find(|r| r.code == "KZ-KAR").map(|r| r.value);
    assert_eq!(rank, Some(1.2e6));

    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(reloaded(&harness).value("KZ-KAR", "population", 2023), Some(original));
    assert_eq!(
        harness.get_by_role_and_label(Role::TextInput, "2023").value().as_deref(),
        Some(original.to_string().as_str())
    );
    harness.get_by_label("Redo").click();
    harness.run();
    assert_eq!(reloaded(&harness).value("KZ-KAR", "population", 2023), Some(1.2e6));

    // A new year: one outside 1990–2100 is refused beside its field, then 2030 is added.
    type_into(&mut harness, "Year", "2150");
    type_into(&mut harness, "Value", "1 300 000");
    harness.get_by_label("Add year").click();
    harness.run();
    assert!(harness.query_by_label("the year 2150 is outside 1990–2100").is_some());
    assert_eq!(reloaded(&harness).value("KZ-KAR", "population", 2150), None);
    type_into(&mut harness, "Year", "2030");
    harness.get_by_label("Add year").click();
    harness.run();
    assert_eq!(reloaded(&harness).value("KZ-KAR", "population", 2030), Some(1.3e6));
    assert!(harness.state().state().years().contains(&2030), "the year slider offers it");
    assert!(harness.query_by_role_and_label(Role::TextInput, "2030").is_some());
}

#[test]
fn a_negative_population_shows_its_message_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    let before = reloaded(&harness);
    add_point_by_click(&mut harness, "-5");
    assert!(harness.query_by_label("cannot be negative").is_some());
    // The form stays open with what was typed; nothing reached the file or the undo stack.
    assert!(harness.query_by_label("Save").is_some());
    assert_eq!(reloaded(&harness), before);
    assert_eq!(harness.state().state().history().undo_len(), 0);

    // Corrected, it saves.
    type_into(&mut harness, "Population", "5");
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(reloaded(&harness).growth_points.len(), before.growth_points.len() + 1);
}

#[test]
fn a_read_only_window_shows_its_notice_and_refuses_every_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", true);
    let before = reloaded(&harness);
    let notice = "This file is open in another Oblys window, so it was opened read-only: edits \
                  are not saved.";
    assert!(harness.query_by_label(notice).is_some());
    type_into(&mut harness, "2023", "1");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(
        harness
            .query_by_label(
                "The edit was not saved: the file is open in another Oblys window (read-only)."
            )
            .is_some()
    );
    assert_eq!(reloaded(&harness), before);
    assert_eq!(harness.state().state().dataset(), &before);
}

/// Chooses `command` in the File menu.
fn file_menu(harness: &mut Harness<'_, Gui>, command: &str) {
    harness.get_by_role_and_label(Role::Button, "File").click();
    harness.run();
    harness.get_by_label(command).click();
    harness.run();
}

/// Types `path` into the path dialog and confirms it with Enter.
fn choose_path(harness: &mut Harness<'_, Gui>, path: &std::path::Path) {
    type_into(harness, "File path", &path.display().to_string());
    press(harness, Modifiers::NONE, Key::Enter);
}

#[test]
fn save_as_open_and_new_continue_in_the_chosen_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    let original = harness.state().state().file().to_owned();

    // Save As suggests a copy beside the file; the window continues in the copy.
    file_menu(&mut harness, "Save as…");
    let copy = dir.path().join("kazakhstan-copy.gpkg");
    let suggested = harness.get_by_role_and_label(Role::TextInput, "File path").value();
    assert_eq!(suggested, Some(copy.display().to_string()));
    harness.get_by_label("OK").click();
    harness.run();
    assert_eq!(harness.state().state().file(), copy);
    assert_eq!(
        oblys::store::load(&copy).expect("copy"),
        oblys::store::load(&original).expect("original")
    );
    // An edit now goes into the copy only.
    let edit = oblys::app::edit::Edit::set_value(
        harness.state().state().dataset(),
        "KZ-KAR",
        "population",
        2023,
        Some(1.0),
        "test",
    );
    harness.state_mut().apply(Action::Edit(Box::new(edit)));
    assert_eq!(
        oblys::store::load(&copy).expect("copy").value("KZ-KAR", "population", 2023),
        Some(1.0)
    );
    assert_ne!(
        oblys::store::load(&original).expect("original").value("KZ-KAR", "population", 2023),
        Some(1.0)
    );

    // Open (Ctrl+O) goes back to the original; both are in the recent files, latest first.
    press(&mut harness, Modifiers::COMMAND, Key::O);
    choose_path(&mut harness, &original);
    assert_eq!(harness.state().state().file(), original);
    let recent: Vec<_> =
        harness.state().recent_files().iter().filter_map(|p| p.file_name()).collect();
    assert_eq!(recent, ["kazakhstan.gpkg", "kazakhstan-copy.gpkg"]);

    // A file that is not an Oblys file is refused with its reason and left as it was.
    let foreign = dir.path().join("notes.gpkg");
    std::fs::write(&foreign, "not a database").expect("written");
    file_menu(&mut harness, "Open…");
    choose_path(&mut harness, &foreign);
    assert_eq!(harness.state().state().file(), original);
    let reason = format!(
        "{}: not an Oblys file (not an SQLite database); it was left untouched",
        foreign.display()
    );
    assert!(harness.query_by_label(&reason).is_some());
    assert_eq!(std::fs::read(&foreign).expect("still there"), b"not a database");
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listed")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert!(!beside.iter().any(|n| n.to_string_lossy().starts_with("notes.gpkg.")), "{beside:?}");
    harness.get_by_label("Cancel").click();
    harness.run();

    // New refuses a path that exists, then writes the default data where asked.
    file_menu(&mut harness, "New file…");
    choose_path(&mut harness, &copy);
    assert!(harness.query_by_label("that file exists; choose another name").is_some());
    assert_eq!(harness.state().state().file(), original);
    choose_path(&mut harness, &dir.path().join("fresh"));
    let fresh = dir.path().join("fresh.gpkg");
    assert_eq!(harness.state().state().file(), fresh);
    let default = oblys::io::default_dataset::build().expect("default dataset");
    assert_eq!(oblys::store::load(&fresh).expect("new file"), default);
}

#[test]
fn a_second_window_on_the_same_file_opens_it_read_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut first = window(&dir, "KZ-KAR", false);
    let path = first.state().state().file().to_owned();
    // Each window opens the file through its File menu, which takes the file's lock.
    file_menu(&mut first, "Open…");
    choose_path(&mut first, &path);
    assert!(!first.state().state().read_only());
    let mut second = window(&dir, "KZ-KAR", false);
    file_menu(&mut second, "Open…");
    choose_path(&mut second, &path);
    assert!(second.state().state().read_only());
    let notice = "This file is open in another Oblys window, so it was opened read-only: edits \
                  are not saved.";
    assert!(second.query_by_label(notice).is_some());
    // Once the first window moves on to another file, a window opening it may edit again.
    let other = dir.path().join("other.gpkg");
    file_menu(&mut first, "Save as…");
    choose_path(&mut first, &other);
    assert_eq!(first.state().state().file(), other);
    let mut third = window(&dir, "KZ-KAR", false);
    file_menu(&mut third, "Open…");
    choose_path(&mut third, &path);
    assert!(!third.state().state().read_only());
}

#[test]
fn a_corridor_is_drawn_by_clicks_finished_with_enter_and_a_redraw_cancelled_with_escape() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    open_tab(&mut harness, "Corridors");
    harness.get_by_label("New").click();
    harness.run();
    type_into(&mut harness, "Name (English)", "Karaganda–Pavlodar road");
    harness.get_by_label("Draw on map").click();
    harness.run();
    assert!(
        harness
            .query_by_label(
                "Click the points of the line; double-click or Enter finishes, Esc cancels"
            )
            .is_some()
    );
    for code in ["KZ-KAR", "KZ-AKM", "KZ-PAV"] {
        let pos = harness.state().region_screen_pos(code).expect("drawn");
        click_at(&mut harness, pos);
    }
    // Clicks while drawing do not select: Karaganda stays selected.
    assert_eq!(harness.state().state().selected(), Some("KZ-KAR"));
    harness.hover_at(Pos2::new(5.0, 500.0));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.query_by_label("Draw on map").is_some(), "drawing finished");
    assert!(harness.query_by_label("Points: 3").is_some(), "three points");

    // Drawing again and pressing Esc keeps the line as it was.
    harness.get_by_label("Draw on map").click();
    harness.run();
    let pos = harness.state().region_screen_pos("KZ-ULT").expect("drawn");
    click_at(&mut harness, pos);
    harness.hover_at(Pos2::new(5.0, 500.0));
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Points: 3").is_some(), "still the three points");

    // A double click also finishes a line, its second click adding no second point.
    harness.get_by_label("Draw on map").click();
    harness.run();
    for code in ["KZ-KAR", "KZ-AKM"] {
        let pos = harness.state().region_screen_pos(code).expect("drawn");
        click_at(&mut harness, pos);
    }
    let pos = harness.state().region_screen_pos("KZ-PAV").expect("drawn");
    harness.hover_at(pos);
    for pressed in [true, false, true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    assert!(harness.query_by_label("Draw on map").is_some(), "the double click finished it");
    assert!(harness.query_by_label("Points: 3").is_some());

    harness.get_by_label("Save").click();
    harness.run();
    let saved = reloaded(&harness);
    let corridor = saved
        .corridors
        .iter()
        .find(|c| c.names.en == "Karaganda–Pavlodar road")
        .expect("saved in the file");
    assert_eq!(corridor.line.0.len(), 3);
    assert_eq!(corridor.kind, oblys::model::CorridorKind::Road);
    // Its first point is where the first click was: inside Karaganda Region.
    let first = corridor.line.0[0];
    assert_eq!(harness.state().state().places().region_at(first.x, first.y), Some("KZ-KAR"));
    assert!(harness.query_by_label("Karaganda–Pavlodar road").is_some(), "listed");
}

#[test]
fn ctrl_z_on_the_scenario_screen_takes_back_a_scenario_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    harness.state_mut().apply(Action::SetScreen(oblys::app::Screen::Scenarios));
    let first = reloaded(&harness).scenarios.first().expect("a scenario").clone();
    harness.state_mut().apply(Action::RenameScenario { id: first.id, name: "Faster".into() });
    harness.run();
    assert_eq!(
        reloaded(&harness).scenario(first.id).map(|s| s.name.en.clone()),
        Some("Faster".into())
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(reloaded(&harness).scenario(first.id), Some(&first));
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(
        reloaded(&harness).scenario(first.id).map(|s| s.name.en.clone()),
        Some("Faster".into())
    );
}

/// Chooses `entry` in the export dialog's table list.
fn choose_table(harness: &mut Harness<'_, Gui>, entry: &str) {
    harness.get_by_role_and_label(Role::ComboBox, "Table").click();
    harness.run();
    // The Data window's tab of the same name is laid out before the list's popup.
    harness.get_all_by_label(entry).last().expect("the list entry").click();
    harness.run();
}

#[test]
fn tables_layers_and_projections_are_exported_from_the_file_menu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    let dataset = reloaded(&harness);
    let before = std::fs::read(harness.state().state().file()).expect("the file");

    // The indicator values, to the CSV suggested beside the file.
    file_menu(&mut harness, "Export a table…");
    assert!(harness.query_by_label("Write a table for a report or a layer for QGIS").is_some());
    let indicators = dir.path().join("kazakhstan-indicators.csv");
    let suggested = harness.get_by_role_and_label(Role::TextInput, "File path").value();
    assert_eq!(suggested, Some(indicators.display().to_string()));
    harness.get_by_label("OK").click();
    harness.run();
    let written = format!("Written: {}", indicators.display());
    assert!(harness.query_by_label(&written).is_some());
    let rows = tables::csv_rows(&indicators);
    assert_eq!(rows.len(), dataset.values.len());
    let karaganda = rows
        .iter()
        .find(|r| r["region_code"] == "KZ-KAR" && r["indicator"] == "population")
        .expect("Karaganda's population");
    assert_eq!(karaganda["region_name"], "Karaganda Region");

    // The values have no shapes: not a layer, and nothing written.
    let layer = dir.path().join("values.geojson");
    choose_path(&mut harness, &layer);
    let refusal = "this table has no geometry, so it cannot be a layer: write it as .csv or .xlsx";
    assert!(harness.query_by_label(refusal).is_some());
    assert!(!layer.exists());
    // An existing file is not overwritten.
    choose_path(&mut harness, &indicators);
    assert!(harness.query_by_label("that file exists; choose another name").is_some());

    // Projects as a GeoJSON layer: choosing the table suggests its name, keeping the extension.
    choose_path(&mut harness, &dir.path().join("any.geojson"));
    choose_table(&mut harness, "Projects");
    let projects = dir.path().join("kazakhstan-projects.geojson");
    let suggested = harness.get_by_role_and_label(Role::TextInput, "File path").value();
    assert_eq!(suggested, Some(projects.display().to_string()));
    harness.get_by_label("OK").click();
    harness.run();
    let layer: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&projects).expect("written")).expect("JSON");
    let features = layer["features"].as_array().expect("features");
    assert_eq!(features.len(), dataset.projects.len());
    assert_eq!(features[0]["geometry"]["type"], "Point");

    // A scenario's projection as XLSX; a projection is no layer, so .geojson became .csv.
    let scenario = dataset.scenarios.first().expect("a scenario");
    choose_table(&mut harness, &format!("Projection: {}", scenario.name.en));
    let suggested = harness.get_by_role_and_label(Role::TextInput, "File path").value();
    let suggested = std::path::PathBuf::from(suggested.expect("a path"));
    assert_eq!(suggested.extension().and_then(|e| e.to_str()), Some("csv"));
    let workbook = suggested.with_extension("xlsx");
    choose_path(&mut harness, &workbook);
    assert!(harness.query_by_label(&format!("Written: {}", workbook.display())).is_some());
    let sheets = tables::xlsx_part(&workbook, "xl/workbook.xml");
    assert!(sheets.contains("<sheet name="), "{sheets}");
    let strings = tables::xlsx_part(&workbook, "xl/sharedStrings.xml");
    assert!(strings.contains(scenario.name.en.as_str()), "the scenario is named");

    // Exporting reads the window's data and never writes the file.
    harness.get_by_label("Close").click();
    harness.run();
    let title = "Write a table for a report or a layer for QGIS";
    assert!(harness.query_by_label(title).is_none(), "the dialog closed");
    assert_eq!(std::fs::read(harness.state().state().file()).expect("the file"), before);
}

/// The project named `name` (English) in `ds`.
fn project_named<'a>(ds: &'a Dataset, name: &str) -> Option<&'a oblys::model::Project> {
    ds.projects.iter().find(|p| p.names.en == name)
}

/// Chooses `entry` in the form's list labelled `label`.
fn choose_in(harness: &mut Harness<'_, Gui>, label: &str, entry: &str) {
    let combo = harness.get_by_role_and_label(Role::ComboBox, label);
    combo.scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    harness.get_all_by_label(entry).last().expect("the list entry").click();
    harness.run();
}

/// Replaces the text of a form field, scrolled into view first.
fn fill(harness: &mut Harness<'_, Gui>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).scroll_to_me();
    harness.run();
    type_into(harness, label, text);
}

#[test]
fn a_project_form_shows_each_problem_inline_then_is_placed_on_the_map_with_its_region_overridden() {
    use oblys::i18n::{map_text, ui_text};
    use oblys::model::{ProjectStatus, Sector};

    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, "KZ-KAR", false);
    let before = reloaded(&harness);
    open_tab(&mut harness, "Projects");
    harness.get_by_label("New").click();
    harness.run();

    // Every problem stands beside its field; nothing reaches the file or the undo stack.
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.query_by_label("enter a name in at least one language").is_some());
    assert!(harness.query_by_label("place it on the map or type its coordinates").is_some());
    fill(&mut harness, "Name (English)", "Test Smelter");
    fill(&mut harness, "Company", "Qazaq Metals");
    fill(&mut harness, "Launch year", "1985");
    fill(&mut harness, "Investment", "12 500,5");
    fill(&mut harness, "Jobs", "-3");
    fill(&mut harness, "Capacity", "200 kt/year");
    // Kyiv: outside every region of Kazakhstan.
    fill(&mut harness, "Longitude", "30.5");
    fill(&mut harness, "Latitude", "50.45");
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.query_by_label("the year 1985 is outside 1990–2100").is_some());
    assert!(harness.query_by_label("cannot be negative").is_some());
    assert!(
        harness
            .query_by_label("the point 50.450° N, 30.500° E lies outside Kazakhstan's regions")
            .is_some()
    );
    assert!(harness.query_by_label("enter a name in at least one language").is_none());
    assert_eq!(reloaded(&harness), before);
    assert_eq!(harness.state().state().history().undo_len(), 0);

    // Corrected and placed by a click on Karaganda Region, then assigned to Akmola Region.
    fill(&mut harness, "Launch year", "2027");
    fill(&mut harness, "Jobs", "350");
    choose_in(&mut harness, "Sector", map_text::sector(Sector::Metallurgy, Lang::En));
    let building = ui_text::project_status(ProjectStatus::UnderConstruction, Lang::En);
    choose_in(&mut harness, "Status", building);
    harness.get_by_label("Place on map").scroll_to_me();
    harness.run();
    harness.get_by_label("Place on map").click();
    harness.run();
    let pos = harness.state().region_screen_pos("KZ-KAR").expect("Karaganda is drawn");
    click_at(&mut harness, pos);
    let region = harness.get_by_role_and_label(Role::ComboBox, "Region").value();
    let under = "Karaganda Region (from the point on the map)";
    assert_eq!(region.as_deref(), Some(under), "the region under the click");
    choose_in(&mut harness, "Region", "Akmola Region");
    harness.get_by_label("Save").click();
    harness.run();

    let saved = reloaded(&harness);
    let project = project_named(&saved, "Test Smelter").expect("saved in the file");
    assert_eq!(project.region_code, "KZ-AKM", "the region chosen wins over the point's");
    let places = harness.state().state().places();
    assert_eq!(places.region_at(project.location.x(), project.location.y()), Some("KZ-KAR"));
    assert_eq!(project.company, "Qazaq Metals");
    assert_eq!(
        (project.sector, project.status),
        (Sector::Metallurgy, ProjectStatus::UnderConstruction)
    );
    assert_eq!(project.year, Some(2027));
    let investment = project.investment.as_ref().expect("an investment");
    assert_eq!((investment.amount, investment.unit.as_str()), (12_500.5, "million KZT"));
    assert_eq!(investment.million_kzt, Some(12_500.5));
    assert_eq!(project.jobs, Some(350));
    assert_eq!(project.capacity, "200 kt/year");
    assert_eq!(saved.projects.len(), before.projects.len() + 1);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(project_named(&reloaded(&harness), "Test Smelter").is_none());
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    let redone = reloaded(&harness);
    assert_eq!(
        project_named(&redone, "Test Smelter").map(|p| p.region_code.as_str()),
        Some("KZ-AKM")
    );
}
