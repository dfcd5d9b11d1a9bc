//! Slides and presentation mode, driven headless with egui_kittest on a real file written from
//! the default dataset: slides made from three views with the slide list's button and found in
//! the reloaded file; presentation entered with the Present button and stepped with →,
//! PageDown, Space, ←, Home and End, each slide's saved state checked; a slide stays live and
//! comes back as saved; Esc leaves; rename, move and delete written to the file; the map's year
//! animation; an image snapshot of presentation mode in the Projector theme.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use oblys::app::{Action, AppState, ScenarioTab, Screen, Side, Source, ThemeKind};
use oblys::model::{Dataset, Lang, SlideScreen};
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::reloaded;

/// A window on a fresh file holding the default dataset; with `empty_deck` the file has no
/// slides (the default deck's three are left out).
fn window(dir: &tempfile::TempDir, empty_deck: bool) -> Harness<'static, Gui> {
    let path = dir.path().join("kazakhstan.oblys");
    let mut dataset = oblys::io::default_dataset::build().expect("default dataset");
    if empty_deck {
        dataset.slides.clear();
    }
    oblys::store::create(&path, &dataset).expect("file written");
    let dataset = oblys::store::load(&path).expect("file read");
    let gui = Gui::new(AppState::new(path, dataset, Lang::En));
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(|ui, g: &mut Gui| g.show(ui), gui);
    harness.run();
    harness
}

/// What a read-only window says when a change is refused.
const READ_ONLY: &str =
    "The edit was not saved: the file is open in another Oblys window (read-only).";

/// A saved slide in short: position, screen, indicator, year, selection, whether it has an
/// extent.
type SlideSummary<'a> = (u32, SlideScreen, &'a str, i32, Vec<String>, bool);

fn press(harness: &mut Harness<'_, Gui>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// The shown slide, its screen, the map's indicator and year, and the selected region.
fn shown(harness: &Harness<'_, Gui>) -> (Option<usize>, Option<SlideScreen>, String, i32) {
    let s = harness.state().state();
    (s.current_slide(), s.presented_screen(), s.view().indicator.clone(), s.view().year)
}

/// Makes three slides from three views with the "+ Slide from this view" button: population
/// 2023 on the whole country; GRP 2015 with Karaganda selected, zoomed in; the inertial
/// scenario against the managed one on GRP in 2027.
fn three_slides(harness: &mut Harness<'_, Gui>) {
    harness.get_by_label("Slides").click();
    harness.run();
    assert!(harness.state().state().slides_open());
    harness.get_by_label("No slides yet. Set up a view and press «+ Slide from this view».");
    harness.get_by_label("+ Slide from this view").click();
    harness.run();

    let gui = harness.state_mut();
    gui.apply(Action::SetIndicator("grp".into()));
    gui.apply(Action::SetYear(2015));
    gui.apply(Action::Select(Some("KZ-KAR".into())));
    let [a, b, c, d] = gui.state().scene().bounds;
    gui.apply(Action::ZoomAt { factor: 2.0, anchor: [a + (c - a) * 0.55, b + (d - b) * 0.5] });
    harness.run();
    harness.get_by_label("+ Slide from this view").click();
    harness.run();

    // The scenario screen has the list's button too; the list stays open across screens.
    harness.get_by_label("Scenarios").click();
    harness.run();
    let gui = harness.state_mut();
    gui.apply(Action::SetScenarioTab(ScenarioTab::Compare));
    gui.apply(Action::SetCompareSource(Side::A, Source::Scenario(1)));
    gui.apply(Action::SetCompareSource(Side::B, Source::Scenario(2)));
    gui.apply(Action::SetCompareIndicator("grp".into()));
    gui.apply(Action::SetCompareYear(2027));
    harness.run();
    harness.get_by_label("+ Slide from this view").click();
    harness.run();
}

#[test]
fn three_slides_from_three_views_are_in_the_file_and_the_keys_step_through_their_states() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, true);
    three_slides(&mut harness);

    let deck = reloaded(&harness).slides;
    let summary: Vec<SlideSummary> = deck
        .iter()
        .map(|s| {
            let v = &s.view;
            (
                s.position,
                v.screen,
                v.indicator.as_str(),
                v.year,
                v.selected.clone(),
                v.extent.is_some(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (0, SlideScreen::Map, "population", 2023, vec![], false),
            (1, SlideScreen::Map, "grp", 2015, vec!["KZ-KAR".to_owned()], true),
            (2, SlideScreen::Compare, "grp", 2027, vec!["KZ-KAR".to_owned()], false),
        ]
    );
    let titles: Vec<&str> = deck.iter().map(|s| s.title.get(Lang::En)).collect();
    assert_eq!(
        titles,
        vec![
            "Population, 2023",
            "Gross regional product, 2015 — Karaganda Region",
            "Gross regional product, 2027: Managed scenario to 2030 vs Inertial scenario to 2030",
        ]
    );
    assert_eq!(
        deck[1].title.get(Lang::Ru),
        "Валовой региональный продукт, 2015 — Карагандинская область"
    );
    assert_eq!(harness.state().state().dataset().slides, deck);

    // Present from the first slide: the list's selection is the slide just made, so choose the
    // first row first.
    harness.get(by().label("1. Population, 2023").role(Role::Button)).click();
    harness.run();
    harness.get_by_label("Present").click();
    harness.run();
    assert!(harness.state().state().presenting());
    assert!(!harness.state().state().slides_open());
    assert_eq!(harness.ctx.zoom_factor(), 1.5);
    harness.get_by_label("1 / 3");
    assert_eq!(shown(&harness), (Some(0), Some(SlideScreen::Map), "population".into(), 2023));
    assert_eq!(harness.state().state().selected(), None);

    press(&mut harness, Key::ArrowRight);
    assert_eq!(shown(&harness), (Some(1), Some(SlideScreen::Map), "grp".into(), 2015));
    assert_eq!(harness.state().state().selected(), Some("KZ-KAR"));
    assert!((harness.state().state().camera().zoom - 2.0).abs() < 1e-3);
    harness.get_by_label("2 / 3");

    press(&mut harness, Key::PageDown);
    let s = harness.state().state();
    assert_eq!((s.current_slide(), s.presented_screen()), (Some(2), Some(SlideScreen::Compare)));
    assert_eq!((s.screen(), s.scenario_tab()), (Screen::Scenarios, ScenarioTab::Compare));
    assert_eq!(s.compare_sources(), (Source::Scenario(1), Source::Scenario(2)));
    assert_eq!((s.compare_indicator(), s.compare_year()), ("grp", 2027));

    press(&mut harness, Key::ArrowLeft);
    assert_eq!(shown(&harness).0, Some(1));
    press(&mut harness, Key::Space);
    assert_eq!(shown(&harness).0, Some(2));
    press(&mut harness, Key::PageUp);
    assert_eq!(shown(&harness).0, Some(1));
    press(&mut harness, Key::Home);
    assert_eq!(shown(&harness), (Some(0), Some(SlideScreen::Map), "population".into(), 2023));
    press(&mut harness, Key::End);
    assert_eq!(shown(&harness).0, Some(2));
    // Past the end nothing moves.
    press(&mut harness, Key::ArrowRight);
    assert_eq!(shown(&harness).0, Some(2));

    // Esc leaves: a window again at the working zoom, on the working view of before.
    press(&mut harness, Key::Escape);
    let s = harness.state().state();
    assert!(!s.presenting());
    assert_eq!(s.current_slide(), None);
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    assert_eq!((s.screen(), s.compare_year()), (Screen::Scenarios, 2027));
}

#[test]
fn a_slide_stays_live_and_comes_back_as_saved_after_the_next_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, true);
    three_slides(&mut harness);
    harness.state_mut().apply(Action::StartPresentation(1));
    harness.run();
    assert_eq!(shown(&harness), (Some(1), Some(SlideScreen::Map), "grp".into(), 2015));

    // The presenter changes the year with the slider's neighbour, selects another region and
    // plays the years.
    harness.state_mut().apply(Action::SetYear(2020));
    harness.state_mut().apply(Action::Select(Some("KZ-AKM".into())));
    harness.run();
    assert_eq!(shown(&harness).3, 2020);
    harness.get_by_label("Play the years").click();
    harness.run();
    assert!(harness.state().state().playing());

    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowLeft);
    let s = harness.state().state();
    assert_eq!(shown(&harness), (Some(1), Some(SlideScreen::Map), "grp".into(), 2015));
    assert_eq!(s.selected(), Some("KZ-KAR"));
    assert!(!s.playing());
    // The file still holds the slide as saved.
    assert_eq!(reloaded(&harness).slides[1].view.year, 2015);

    // N shows the speaker notes and hides them again.
    assert!(!harness.state().notes_open());
    press(&mut harness, Key::N);
    assert!(harness.state().notes_open());
    harness.get_by_label("This slide has no notes.");
    press(&mut harness, Key::N);
    assert!(!harness.state().notes_open());
}

#[test]
fn renaming_notes_moving_and_deleting_slides_are_written_to_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, false);
    harness.get_by_label("Slides").click();
    harness.run();
    let titles = |d: &Dataset| -> Vec<String> {
        d.slides.iter().map(|s| s.title.get(Lang::En).to_owned()).collect()
    };
    let first = titles(&reloaded(&harness));
    assert_eq!(first.len(), 4);
    // The list starts on the first slide of the file.
    assert_eq!(harness.state().selected_slide(), Some(1));

    // Rename the second slide.
    harness.get(by().label(&format!("2. {}", first[1])).role(Role::Button)).click();
    harness.run();
    harness.get_by_label("Rename").click();
    harness.run();
    let field = harness.get_by_label("Slide title");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("Slide title").type_text("Two futures of the economy");
    harness.run();
    harness.get_by_label("Save").click();
    // The pointer leaves the map under the closed field (its tooltip would keep repainting).
    harness.remove_cursor();
    harness.run();
    let ds = reloaded(&harness);
    assert_eq!(ds.slides[1].title.get(Lang::En), "Two futures of the economy");
    assert_eq!(ds.slides[1].id, 2);

    // Speaker notes of the same slide.
    harness.get_by_label("Notes").click();
    harness.run();
    let field = harness.get_by_label("Speaker notes");
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness.get_by_label("Speaker notes").type_text("Start with Almaty.");
    harness.run();
    harness.get_by_label("Save").click();
    // The pointer leaves the map under the closed field (its tooltip would keep repainting).
    harness.remove_cursor();
    harness.run();
    assert_eq!(reloaded(&harness).slides[1].notes.get(Lang::En), "Start with Almaty.");

    // Move it down, then the first one down: the order is 1, 3, 2, 4 → 3, 1, 2, 4.
    harness.get_by_label("Down").click();
    harness.run();
    let ids: Vec<i64> = reloaded(&harness).slides.iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![1, 3, 2, 4]);
    harness.get(by().label(&format!("1. {}", first[0])).role(Role::Button)).click();
    harness.run();
    harness.get_by_label("Down").click();
    harness.run();
    let ds = reloaded(&harness);
    assert_eq!(
        ds.slides.iter().map(|s| (s.id, s.position)).collect::<Vec<_>>(),
        vec![(3, 0), (1, 1), (2, 2), (4, 3)]
    );

    // Delete slide 3 (the targets, now first) after the question; Cancel first keeps it.
    harness.get(by().label(&format!("1. {}", first[2])).role(Role::Button)).click();
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    harness.get_by_label(&format!("Delete the slide «{}»?", first[2]));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(reloaded(&harness).slides.len(), 4);
    harness.get_by_label("Delete").click();
    harness.run();
    harness.get_by_label("Yes, delete").click();
    harness.run();
    let ds = reloaded(&harness);
    assert_eq!(
        ds.slides.iter().map(|s| (s.id, s.position)).collect::<Vec<_>>(),
        vec![(1, 0), (2, 1), (4, 2)]
    );
    assert_eq!(harness.state().state().dataset().slides, ds.slides);

    // The map slide is presented as its chart, then as its table.
    harness.get(by().label(&format!("1. {}", first[0])).role(Role::Button)).click();
    harness.run();
    harness.get(by().label("Chart").role(Role::Button)).click();
    harness.run();
    assert_eq!(reloaded(&harness).slides[0].view.screen, SlideScreen::Chart);
    harness.get_by_label("Present").click();
    harness.run();
    assert_eq!(shown(&harness).1, Some(SlideScreen::Chart));
    // The chart fills the slide.
    harness.get(by().label("Population").role(Role::Figure));
    press(&mut harness, Key::Escape);
    harness.get_by_label("Slides").click();
    harness.run();
    harness.get(by().label("Table").role(Role::Button)).click();
    harness.run();
    assert_eq!(reloaded(&harness).slides[0].view.screen, SlideScreen::Table);
}

#[test]
fn the_presenters_zoom_is_kept_for_the_presentation_and_the_working_zoom_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, false);
    harness.state_mut().apply(Action::StartPresentation(0));
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.5);
    // The presenter makes everything larger (egui's Ctrl +), moves on, leaves.
    harness.ctx.set_zoom_factor(1.8);
    harness.run();
    press(&mut harness, Key::PageDown);
    assert_eq!(harness.ctx.zoom_factor(), 1.8);
    press(&mut harness, Key::Escape);
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    // The next presentation starts with the presenter's zoom.
    harness.state_mut().apply(Action::StartPresentation(2));
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.8);
    assert_eq!(shown(&harness).1, Some(SlideScreen::Targets));
    // The targets slide highlights the investment target on the managed scenario's map.
    let s = harness.state().state();
    assert_eq!((s.screen(), s.scenario_tab()), (Screen::Scenarios, ScenarioTab::Targets));
    let target = s.selected_target().expect("a target");
    assert_eq!(
        (target.key.indicator.as_str(), target.key.year),
        ("investment_fixed_capital", 2029)
    );
    assert_eq!(s.selected_scenario().map(|x| x.id), Some(2));
}

#[test]
fn a_read_only_window_refuses_slide_changes_with_the_read_only_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let harness = window(&dir, false);
    let file = harness.state().state().file().to_owned();
    let before = reloaded(&harness).slides;
    // Another Oblys holds the file: this window is read-only.
    let mut state = AppState::new(file.clone(), oblys::store::load(&file).expect("read"), Lang::En);
    state.set_read_only(true);
    let mut gui = Gui::new(state);
    gui.apply(Action::AddSlideFromView);
    gui.apply(Action::DeleteSlide(1));
    gui.apply(Action::MoveSlide { id: 1, to: 2 });
    let s = gui.state();
    assert_eq!(s.slide_error(), Some(READ_ONLY));
    assert_eq!(s.dataset().slides, before);
    assert_eq!(oblys::store::load(&file).expect("read").slides, before);
}

#[test]
fn the_map_years_play_one_by_one_to_the_last_and_stop() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, true);
    let years = harness.state().state().years().to_vec();
    let (first, last) = (years[0], *years.last().expect("years"));
    harness.get_by_label("Play the years").click();
    harness.run();
    assert!(harness.state().state().playing());
    assert_eq!(harness.state().state().view().year, first);
    // The harness advances its clock by 0.25 s a frame: a year every third frame.
    let mut seen = vec![first];
    for _ in 0..(3 * years.len() + 6) {
        harness.step();
        let year = harness.state().state().view().year;
        if seen.last() != Some(&year) {
            seen.push(year);
        }
    }
    assert_eq!(seen, years);
    assert_eq!(harness.state().state().view().year, last);
    assert!(!harness.state().state().playing());
    harness.get_by_label("Play the years");
}

#[test]
fn presentation_mode_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, false);
    harness.state_mut().apply(Action::SetTheme(ThemeKind::Projector));
    harness.state_mut().apply(Action::StartPresentation(0));
    harness.run();
    harness.state_mut().apply(Action::Select(Some("KZ-ALM".into())));
    harness.run();
    assert!(harness.state().state().presenting());
    harness.snapshot("presentation_mode");
}

#[test]
fn undo_and_redo_take_slide_changes_back_and_forth_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, false);
    let deck = |h: &Harness<'_, Gui>| -> Vec<(i64, u32, String)> {
        let file = reloaded(h).slides;
        assert_eq!(h.state().state().dataset().slides, file, "memory and file agree");
        file.iter().map(|s| (s.id, s.position, s.title.get(Lang::En).to_owned())).collect()
    };
    let start = deck(&harness);
    let gui = harness.state_mut();
    gui.apply(Action::AddSlideFromView);
    gui.apply(Action::RenameSlide { id: 5, title: "Where people live".into() });
    gui.apply(Action::MoveSlide { id: 5, to: 0 });
    gui.apply(Action::DeleteSlide(2));
    let after = deck(&harness);
    assert_eq!(
        after.iter().map(|(id, position, _)| (*id, *position)).collect::<Vec<_>>(),
        vec![(5, 0), (1, 1), (3, 2), (4, 3)]
    );
    assert_eq!(after[0].2, "Where people live");

    // Undo the deletion: slide 2 is back in its place.
    harness.state_mut().apply(Action::Undo);
    let ids: Vec<i64> = deck(&harness).iter().map(|s| s.0).collect();
    assert_eq!(ids, vec![5, 1, 2, 3, 4]);
    // Undo the move, then the rename, then the addition: the deck of the start.
    harness.state_mut().apply(Action::Undo);
    assert_eq!(deck(&harness).iter().map(|s| s.0).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
    harness.state_mut().apply(Action::Undo);
    assert_eq!(deck(&harness)[4].2, "Population, 2023");
    harness.state_mut().apply(Action::Undo);
    assert_eq!(deck(&harness), start);
    // Redo all four: the same deck as before the undos.
    for _ in 0..4 {
        harness.state_mut().apply(Action::Redo);
    }
    assert_eq!(deck(&harness), after);
    assert_eq!(harness.state().state().edit_error(), None);
}

#[test]
fn a_compare_slide_presents_its_maps_without_the_working_chart_and_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, false);
    // The working compare tab has the table, whose first column is "Region".
    harness.state_mut().apply(Action::SetScreen(Screen::Scenarios));
    harness.state_mut().apply(Action::SetScenarioTab(ScenarioTab::Compare));
    harness.run();
    assert!(harness.query_by_label("Region").is_some());
    // The default deck's second slide compares the two scenarios.
    harness.state_mut().apply(Action::StartPresentation(1));
    harness.run();
    assert_eq!(harness.state().state().presented_screen(), Some(SlideScreen::Compare));
    assert!(harness.query_by_label("Region").is_none(), "the table is left to its own slide");
    assert!(harness.query_by_label_contains("B − A").is_some(), "the difference map is shown");
}

#[test]
fn a_potential_slide_keeps_the_planners_weights_and_change_view_in_the_file_and_presents_them() {
    use oblys::app::potential::{PotentialAction, PotentialTab};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, true);
    harness.get_by_label("Potential").click();
    harness.run();
    let name = {
        let Some(Ok(result)) = harness.state().state().potential().result() else { panic!() };
        result.components[3].names.en.clone()
    };
    let weight = format!("Weights — {name}");
    harness.get_by_label(&weight).set_value_accesskit(5.0);
    harness.run();
    harness.get_by_label("Class change").click();
    harness.run();
    harness.get_by_label("Slides").click();
    harness.run();
    harness.get_by_label("+ Slide from this view").click();
    harness.run();

    let deck = reloaded(&harness).slides;
    assert_eq!(deck.len(), 1);
    let view = &deck[0].view;
    assert_eq!(view.screen, SlideScreen::Potential);
    let potential = view.potential.as_deref().expect("the slide holds the typology");
    assert_eq!(potential.tab, PotentialTab::Change);
    assert_eq!(potential.typology.components[3].weight, 5.0);
    let title = deck[0].title.get(Lang::En);
    assert!(title.starts_with("Change of class: Inertial scenario to 2030, 2030 » "), "{title}");
    assert_eq!(harness.state().state().dataset().slides, deck);

    // Back to equal weights and the classes; the presentation shows the slide's state.
    harness.state_mut().apply(Action::Potential(PotentialAction::ResetWeights));
    harness.state_mut().apply(Action::Potential(PotentialAction::SetTab(PotentialTab::Classes)));
    harness.run();
    harness.get_by_label("Present").click();
    harness.run();
    assert_eq!(harness.state().state().presented_screen(), Some(SlideScreen::Potential));
    let model = harness.state().state().potential();
    assert_eq!(model.tab(), PotentialTab::Change);
    assert_eq!(model.typology().expect("shown").components[3].weight, 5.0);
    harness.get_by_label("Map of class changes");
    assert!(harness.query_by_label(&weight).is_none(), "no weight sliders while presenting");
    assert!(harness.query_by_label("Slides").is_none(), "no editing chrome while presenting");
    assert!(harness.query_by_label("Save the map").is_none(), "nor the save row");

    // Esc gives the working view back: equal weights on the classes.
    press(&mut harness, Key::Escape);
    let s = harness.state().state();
    assert!(!s.presenting());
    assert_eq!(s.screen(), Screen::Potential);
    assert_eq!(s.potential().tab(), PotentialTab::Classes);
    assert_eq!(s.potential().typology().expect("shown").components[3].weight, 1.0);
}
