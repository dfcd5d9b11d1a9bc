//! UI flows of the import window, driven headless with egui_kittest on a real file written from
//! the default dataset: the File menu opens it; a file with problems lists each problem with its
//! line, and Cancel leaves the file as it was, or only its good values are imported, as one undo
//! step; a good file's values are imported in one step and show in the window's data and in the
//! file; a workbook's sheets are offered in a combo box; and a snapshot of the preview.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use oblys::i18n::import_text;
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::window;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

/// Opens the import window from the File menu.
fn open_import(harness: &mut Harness<'_, Gui>, file: &str, entry: &str) {
    harness.get_by_role_and_label(Role::Button, file).click();
    harness.run();
    harness.get_by_label(entry).click();
    harness.run();
    assert!(harness.state().state().import().is_some(), "the import window is open");
}

/// Whether a label reading `line` stands left of the label `message`, on its row.
fn line_beside(harness: &Harness<'_, Gui>, line: u64, message: &str) -> bool {
    let row = harness.get_by_label(message).rect();
    harness.query_all_by_label(&line.to_string()).any(|n| {
        let at = n.rect();
        (at.center().y - row.center().y).abs() < 2.0 && at.right() < row.left()
    })
}

/// Types `path` into the input field and reads it with Enter.
fn read_input(harness: &mut Harness<'_, Gui>, field: &str, path: &Path) {
    harness.get_by_role_and_label(Role::TextInput, field).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, field).type_text(&path.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn problems_are_listed_with_their_lines_and_cancel_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let file = harness.state().state().file().to_owned();
    let before = std::fs::read(&file).expect("file bytes");
    let dataset_before = harness.state().state().dataset().clone();

    open_import(&mut harness, "File", "Import table…");
    read_input(&mut harness, "Input file", &fixture("long_problems.csv"));
    // Every problem is a row of the list: its line number beside its message.
    let read = harness.state().state().import().and_then(|d| d.read()).expect("a preview");
    let problems: Vec<(u64, String)> = read
        .preview
        .problems
        .iter()
        .map(|p| (p.place().line, import_text::problem_text(p, Lang::En)))
        .collect();
    let lines: Vec<u64> = problems.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 10, 14]);
    for (line, message) in &problems {
        assert!(line_beside(&harness, *line, message), "line {line} beside «{message}»");
    }
    harness.get_by_label("«Атлантида» is not a region of Kazakhstan");
    harness.get_by_label("Import 2 good values");

    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().state().import().is_none(), "the window is closed");
    assert_eq!(std::fs::read(&file).expect("file bytes"), before, "the file is untouched");
    assert_eq!(harness.state().state().dataset(), &dataset_before);
}

#[test]
fn a_good_file_is_imported_in_one_step_and_shows_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::Ru);
    open_import(&mut harness, "Файл", "Импорт таблицы…");
    read_input(&mut harness, "Входной файл", &fixture("long_utf8_comma.csv"));
    // The rows name their regions in the view's language and what they replace.
    harness.get_by_label("Акмолинская область");
    harness.get_by_label("заменяет 736\u{a0}735");
    let akmola =
        |h: &Harness<'_, Gui>| h.state().state().dataset().value("KZ-AKM", "population", 2020);
    assert_eq!(akmola(&harness), Some(736_735.0));
    let import = harness.state().state().import().and_then(|d| d.read()).expect("a preview");
    assert_eq!(import.counts.matched, 4);
    harness.get_by_label("Импортировать 4 верных значения").click();
    harness.run();
    assert_eq!(akmola(&harness), Some(738_587.0));
    let state = harness.state().state();
    // Astana 2020 from the file is now what the window shows and what the file holds.
    let astana = state.dataset().value("KZ-AST", "population", 2020);
    assert_eq!(astana, Some(1_184_469.0));
    let reloaded = oblys::store::load(state.file()).expect("file read");
    assert_eq!(reloaded.value("KZ-AST", "population", 2020), astana);
    assert_eq!(&reloaded, state.dataset(), "the window shows what the file holds");
    harness.get_by_label("Закрыть").click();
    harness.run();
    assert!(harness.state().state().import().is_none());
}

#[test]
fn importing_the_good_values_of_a_file_with_problems_writes_them_alone_as_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let file = harness.state().state().file().to_owned();
    let before = oblys::store::load(&file).expect("file read");
    let pavlodar = before.value("KZ-PAV", "population", 2020);
    let atyrau = before.value("KZ-ATY", "population", 2021);
    open_import(&mut harness, "File", "Import table…");
    read_input(&mut harness, "Input file", &fixture("long_problems.csv"));
    harness.get_by_label("Import 2 good values").click();
    harness.run();

    let after = oblys::store::load(&file).expect("file read");
    // Line 2 (Akmola's population) and line 11 (Shymkent's unemployment of 2015) only.
    assert_eq!(after.value("KZ-AKM", "population", 2020), Some(738_587.0));
    assert_eq!(after.value("KZ-SHY", "unemployment_rate", 2015), Some(5.1));
    // The cells with problems left the file's values alone: NaN, «12 34», −5, Atlantis.
    assert_eq!(after.value("KZ-PAV", "population", 2020), pavlodar);
    assert_eq!(after.value("KZ-ATY", "population", 2021), atyrau);
    // Both keys were in the file already (Shymkent's 2015 figure back-cast by the bureau).
    assert!(before.value("KZ-SHY", "unemployment_rate", 2015).is_some());
    assert_eq!(after.values.len(), before.values.len(), "none added");
    assert_eq!(&after, harness.state().state().dataset(), "the window shows the file");
    assert_eq!(harness.state().state().history().undo_len(), 1, "one step");

    harness.get_by_label("Close").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(oblys::store::load(&file).expect("file read"), before);
}

/// A workbook with a notes sheet first and the data on the second.
fn two_sheet_workbook(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let notes = book.add_worksheet().set_name("Примечания").expect("sheet name");
    notes.write(0, 0, "Источник: Бюро национальной статистики").expect("cell");
    let data = book.add_worksheet().set_name("Данные 2023").expect("sheet name");
    for (column, title) in ["region", "year", "indicator", "value"].into_iter().enumerate() {
        data.write(0, column as u16, title).expect("cell");
    }
    data.write(1, 0, "Карагандинская область").expect("cell");
    data.write(1, 1, 2098).expect("cell");
    data.write(1, 2, "population").expect("cell");
    data.write(1, 3, 1_130_000).expect("cell");
    book.save(path).expect("workbook written");
}

#[test]
fn a_workbooks_sheets_are_offered_and_the_chosen_one_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    let input = dir.path().join("statistics.xlsx");
    two_sheet_workbook(&input);
    open_import(&mut harness, "File", "Import table…");
    read_input(&mut harness, "Input file", &input);
    // The first sheet has no table: refused, naming the header it looked for.
    harness.get_by_role_and_label(Role::ComboBox, "Sheet").click();
    harness.run();
    harness.get_by_label("Примечания");
    let karaganda = harness.query_all_by_label("Karaganda Region").count();
    harness.get_by_label("Данные 2023").click();
    harness.run();
    let read = harness.state().state().import().and_then(|d| d.read()).expect("the second sheet");
    assert_eq!(read.counts.new, 1);
    // The value's row names its region.
    assert_eq!(harness.query_all_by_label("Karaganda Region").count(), karaganda + 1);
}

#[test]
fn a_wide_table_without_a_title_is_read_once_its_indicator_is_chosen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    open_import(&mut harness, "File", "Import table…");
    read_input(&mut harness, "Input file", &fixture("wide_no_title.csv"));
    // No title names the indicator: refused, saying so, and nothing to import.
    let refused = harness.state().state().import().map(|d| d.read().is_none());
    assert_eq!(refused, Some(true));
    assert!(harness.query_by_label_contains("a table of years, but of which indicator?").is_some());
    assert!(harness.query_by_label_contains("good value").is_none());
    harness
        .get_by_role_and_label(Role::ComboBox, "Indicator (when the table does not name one)")
        .click();
    harness.run();
    harness.get_all_by_label("Population").last().expect("the indicator's entry").click();
    harness.run();
    let read = harness.state().state().import().and_then(|d| d.read()).expect("a preview");
    assert_eq!(read.choice.indicator.as_deref(), Some("population"));
    // Two regions × 2020 and 2021.
    assert_eq!(read.counts.matched, 4);
    harness.get_by_label("Import 4 good values");
    // Esc closes the window as Cancel does: nothing is written.
    let file = harness.state().state().file().to_owned();
    let before = std::fs::read(&file).expect("file bytes");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().state().import().is_none(), "Esc closed the window");
    assert_eq!(std::fs::read(&file).expect("file bytes"), before);
}

#[test]
fn the_window_speaks_kazakh_and_says_what_was_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::Kk);
    open_import(&mut harness, "Файл", "Кестені импорттау…");
    read_input(&mut harness, "Кіріс файл", &fixture("long_new_values.csv"));
    harness.get_by_label("Қате жоқ");
    harness.get_by_label("3 дұрыс мәнді импорттау").click();
    harness.run();
    harness
        .get_by_label("kazakhstan.gpkg файлына импортталды: 3 жаңа, 0 ауыстырылды, 0 өзгеріссіз.");
    assert_eq!(
        harness.state().state().dataset().value("KZ-ATY", "grp", 2097),
        Some(3.25),
        "Atyrau Region's GRP in 2097, from «3,25»"
    );
    harness.get_by_label("Жабу").click();
    harness.run();
    assert!(harness.state().state().import().is_none());
}

#[test]
fn import_dialog_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    // A folder holding only two fixtures, as the tests' working folder (no other test of this
    // binary types a relative path), so the path and the listing shown are the same on every
    // machine and whatever else the fixtures folder gains.
    let inputs = tempfile::tempdir().expect("temp dir");
    for name in ["long_problems.csv", "long_utf8_comma.csv"] {
        std::fs::copy(fixture(name), inputs.path().join(name)).expect("fixture copied");
    }
    std::env::set_current_dir(inputs.path()).expect("working folder");
    open_import(&mut harness, "File", "Import table…");
    read_input(&mut harness, "Input file", Path::new("long_problems.csv"));
    harness.hover_at(egui::Pos2::new(5.0, 995.0));
    harness.run();
    // The working folder moved: the reference image is found from the crate's folder.
    let snapshots = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    harness.snapshot_options("import_dialog", &SnapshotOptions::new().output_path(snapshots));
}
