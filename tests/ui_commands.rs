//! The commands from the keyboard, driven headless with egui_kittest on a copy of the default
//! database: F1 lists every command with its keys and closes again; Ctrl+K opens the palette,
//! typing filters it, Enter runs the highlighted command (a greyed one does not), Esc closes;
//! keys change the state (years, screens, slides) but not while a text field is typed in;
//! the top bar's buttons say what they do and their key.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use oblys::app::commands::Command;
use oblys::app::{Action, AppState, Screen, ThemeKind};
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::press;

/// A window in English on a fresh copy of the default database (its own file, so edits and
/// locks do not meet another test's).
fn window(dir: &tempfile::TempDir) -> Harness<'static, Gui> {
    let path = dir.path().join("kazakhstan.gpkg");
    std::fs::copy(common::database(), &path).expect("database copied");
    let dataset = oblys::store::load(&path).expect("file read");
    let gui = Gui::new(AppState::new(path, dataset, Lang::En));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_step_dt(0.05)
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness
}

/// Types `text` into the palette's search field.
fn search(harness: &mut Harness<'_, Gui>, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, "Search commands").type_text(text);
    harness.run();
}

#[test]
fn f1_lists_every_command_with_its_keys_and_f1_or_esc_closes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    assert!(harness.query_by_label("Undo the last edit").is_none());

    press(&mut harness, Modifiers::NONE, Key::F1);
    assert!(harness.state().help_open());
    assert!(harness.query_by_label("Undo the last edit").is_some());
    assert!(harness.query_by_label("Ctrl+Z").is_some());
    assert!(harness.query_by_label("Ctrl+Shift+Z or Ctrl+Y").is_some());
    assert!(harness.query_by_label("Right or PageDown or Space").is_some(), "slide keys");
    assert!(harness.query_by_label("Next year").is_some());
    assert!(harness.query_by_label("Ctrl+Right").is_some());
    assert!(harness.query_by_label("+ or =").is_some(), "signs, not egui's names of them");
    // Every command has its row, keys included.
    for command in Command::ALL {
        let rows = harness.query_all_by_label(command.label(Lang::En)).count();
        assert!(rows >= 1, "{command:?}");
    }
    // Keys of other commands do nothing while the overlay is open.
    press(&mut harness, Modifiers::COMMAND, Key::Num2);
    assert_eq!(harness.state().state().screen(), Screen::Map);

    press(&mut harness, Modifiers::NONE, Key::F1);
    assert!(!harness.state().help_open());
    assert!(harness.query_by_label("Undo the last edit").is_none());

    press(&mut harness, Modifiers::NONE, Key::F1);
    assert!(harness.state().help_open());
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().help_open());
}

#[test]
fn the_overlay_speaks_the_shown_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.state_mut().apply(Action::SetLanguage(Lang::Kk));
    press(&mut harness, Modifiers::NONE, Key::F1);
    assert!(harness.query_by_label("Соңғы өзгерісті болдырмау").is_some());
    assert!(harness.query_by_label("Ctrl+Shift+Z немесе Ctrl+Y").is_some());
    assert!(harness.query_by_label("Undo the last edit").is_none());
}

#[test]
fn ctrl_k_filters_as_typed_and_enter_runs_the_one_command_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    press(&mut harness, Modifiers::COMMAND, Key::K);
    assert!(harness.state().palette_open());
    assert_eq!(harness.state().palette_matches(), Command::ALL.as_slice());

    search(&mut harness, "dark");
    assert_eq!(harness.state().palette_matches(), [Command::ThemeDark]);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(!harness.state().palette_open());
    assert_eq!(harness.state().state().theme(), ThemeKind::Dark);

    // A search in the shown language, then Enter on the highlighted row.
    press(&mut harness, Modifiers::COMMAND, Key::K);
    search(&mut harness, "Show the SCEN");
    assert_eq!(harness.state().palette_matches(), [Command::ScenariosScreen]);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().state().screen(), Screen::Scenarios);

    // The arrow keys move the highlight: the second of the year commands runs.
    press(&mut harness, Modifiers::COMMAND, Key::K);
    search(&mut harness, "year");
    let matches = harness.state().palette_matches().to_vec();
    assert_eq!(matches[..2], [Command::NextYear, Command::PreviousYear]);
    let year = harness.state().state().compare_year();
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(harness.state().state().compare_year(), year - 1);

    // Esc closes without running anything.
    press(&mut harness, Modifiers::COMMAND, Key::K);
    search(&mut harness, "map");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().palette_open());
    assert_eq!(harness.state().state().screen(), Screen::Scenarios);
}

#[test]
fn a_greyed_command_in_the_palette_does_not_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    press(&mut harness, Modifiers::COMMAND, Key::K);
    search(&mut harness, "undo the last");
    assert_eq!(harness.state().palette_matches(), [Command::Undo]);
    let row = harness.get(by().role(Role::Button).label_contains("Undo the last edit"));
    assert!(row.accesskit_node().is_disabled(), "nothing to undo: greyed");
    // The row shows the command's key.
    assert!(row.accesskit_node().label().is_some_and(|l| l.contains("Ctrl+Z")));
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().palette_open(), "Enter on a greyed command runs nothing");
    assert_eq!(harness.state().state().history().undo_len(), 0);
}

#[test]
fn keys_step_years_switch_screens_and_toggle_layers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let years = harness.state().state().years().to_vec();
    let last = *years.last().expect("years");
    let before_last = years[years.len() - 2];
    press(&mut harness, Modifiers::COMMAND, Key::ArrowLeft);
    assert_eq!(harness.state().state().view().year, before_last);
    press(&mut harness, Modifiers::COMMAND, Key::ArrowRight);
    assert_eq!(harness.state().state().view().year, last);
    // At the last year the key is not taken and nothing changes.
    press(&mut harness, Modifiers::COMMAND, Key::ArrowRight);
    assert_eq!(harness.state().state().view().year, last);

    assert!(harness.state().state().view().show_labels);
    press(&mut harness, Modifiers::NONE, Key::L);
    assert!(!harness.state().state().view().show_labels);

    press(&mut harness, Modifiers::COMMAND, Key::Num6);
    assert_eq!(harness.state().state().screen(), Screen::Scenarios);
    assert_eq!(harness.state().state().scenario_tab(), oblys::app::ScenarioTab::Targets);
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    assert_eq!(harness.state().state().screen(), Screen::Potential);
    press(&mut harness, Modifiers::COMMAND, Key::Num1);
    assert_eq!(harness.state().state().screen(), Screen::Map);
    press(&mut harness, Modifiers::ALT, Key::Num2);
    assert_eq!(harness.state().state().lang(), Lang::Ru);

    // Windows open and close with their keys.
    press(&mut harness, Modifiers::COMMAND, Key::L);
    assert!(harness.state().state().slides_open());
    press(&mut harness, Modifiers::COMMAND, Key::L);
    assert!(!harness.state().state().slides_open());
    press(&mut harness, Modifiers::COMMAND, Key::E);
    assert!(harness.state().state().export_open());
}

#[test]
fn f5_presents_the_deck_and_the_slide_keys_step_through_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let slides = harness.state().state().dataset().slides.len();
    assert!(slides >= 3, "the default deck");
    // No slide keys outside a presentation: → is left alone.
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(!harness.state().state().presenting());

    press(&mut harness, Modifiers::NONE, Key::F5);
    assert_eq!(harness.state().state().current_slide(), Some(0));
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(harness.state().state().current_slide(), Some(1));
    press(&mut harness, Modifiers::NONE, Key::PageUp);
    assert_eq!(harness.state().state().current_slide(), Some(0));
    press(&mut harness, Modifiers::NONE, Key::End);
    assert_eq!(harness.state().state().current_slide(), Some(slides - 1));
    press(&mut harness, Modifiers::NONE, Key::Space);
    assert_eq!(harness.state().state().current_slide(), Some(slides - 1), "the last slide");
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert_eq!(harness.state().state().current_slide(), Some(0));

    // The palette has the keyboard while it is open: the slide and notes keys typed into it
    // do not step the slides; its "notes" command shows the speaker notes.
    press(&mut harness, Modifiers::COMMAND, Key::K);
    assert!(harness.state().palette_open());
    for key in [Key::N, Key::Space, Key::ArrowRight, Key::End] {
        press(&mut harness, Modifiers::NONE, key);
    }
    assert_eq!(harness.state().state().current_slide(), Some(0));
    assert!(!harness.state().notes_open());
    search(&mut harness, "speaker notes");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.state().notes_open());
    assert!(harness.state().state().presenting());

    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.state().state().presenting());
}

#[test]
fn keys_do_nothing_while_a_text_field_is_typed_in_except_function_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.state_mut().apply(Action::Select(Some("KZ-KAR".into())));
    harness.state_mut().apply(Action::ShowDataEditor(true));
    harness.run();
    harness.get_all_by_role_and_label(Role::Button, "Growth points").last().expect("tab").click();
    harness.run();
    harness.get_by_label("New").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name (English)").click();
    harness.run();

    let state = harness.state().state();
    let (year, labels, screen) = (state.view().year, state.view().show_labels, state.screen());
    press(&mut harness, Modifiers::COMMAND, Key::ArrowLeft);
    press(&mut harness, Modifiers::NONE, Key::L);
    press(&mut harness, Modifiers::NONE, Key::Num0);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let state = harness.state().state();
    assert_eq!((state.view().year, state.view().show_labels), (year, labels));
    assert_eq!(state.screen(), screen);

    // F1 is no key of a text field: it opens the overlay from the field; so does Ctrl+K the
    // palette.
    press(&mut harness, Modifiers::NONE, Key::F1);
    assert!(harness.state().help_open());
    press(&mut harness, Modifiers::NONE, Key::F1);
    harness.get_by_role_and_label(Role::TextInput, "Name (English)").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::K);
    assert!(harness.state().palette_open());
}

#[test]
fn top_bar_buttons_say_what_they_do_and_their_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("?").hover();
    harness.run_steps(20);
    assert!(harness.query_by_label("Keyboard shortcuts (F1)").is_some());

    harness.get_by_label("Scenarios").hover();
    harness.run_steps(20);
    assert!(harness.query_by_label("Show the scenarios (Ctrl+2)").is_some());

    // The palette's button opens it as Ctrl+K does; "?" opens the overlay.
    harness.get_by_label("Ctrl+K").click();
    harness.run();
    assert!(harness.state().palette_open());
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.get_by_label("?").click();
    harness.run();
    assert!(harness.state().help_open());
}
