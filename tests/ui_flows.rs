//! UI flows of the main window, driven headless with egui_kittest on the default dataset: a click
//! on the map, a bar of the ranking or a table row selects a region everywhere; the language
//! switch changes every text; headers sort the table.

use std::path::PathBuf;

use egui::{Event, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use oblys::app::{Action, AppState, SortKey};
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::click_at;

fn gui(lang: Lang) -> Gui {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    Gui::new(AppState::new(PathBuf::from("kazakhstan.oblys"), dataset, lang))
}

fn window(lang: Lang) -> Harness<'static, Gui> {
    window_of(gui(lang))
}

fn window_of(gui: Gui) -> Harness<'static, Gui> {
    Harness::builder().with_size([1600.0, 1000.0]).build_ui_state(|ui, g: &mut Gui| g.show(ui), gui)
}

#[test]
fn clicking_a_region_on_the_map_shows_its_name_in_the_side_panel() {
    // Sorted by name, Akmola is near the top of the table (only visible rows are laid out).
    let mut g = gui(Lang::En);
    g.apply(Action::SortTable(SortKey::Name));
    let mut harness = window_of(g);
    assert_eq!(harness.state().state().selected(), None);
    // Before: only the table lists the name.
    assert_eq!(harness.query_all_by_label("Akmola Region").count(), 1);
    let pos = harness.state().region_screen_pos("KZ-AKM").expect("Akmola is drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().state().selected(), Some("KZ-AKM"));
    // After (with the pointer moved off the map, so its tooltip is gone): the side panel's
    // heading and the legend of the time chart name it as well.
    harness.hover_at(Pos2::new(5.0, 5.0));
    harness.run();
    assert_eq!(harness.query_all_by_label("Akmola Region").count(), 3);
    // Its administrative centre (also its first growth point) and both other names are listed.
    assert_eq!(harness.query_all_by_label("Kokshetau").count(), 2);
    harness.get_by_label("Ақмола облысы · Акмолинская область");
}

#[test]
fn clicking_outside_every_region_clears_the_selection() {
    let mut harness = window(Lang::En);
    let pos = harness.state().region_screen_pos("KZ-KUS").expect("Kostanay is drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().state().selected(), Some("KZ-KUS"));
    // The south-east corner of the country's extent lies outside it (Kyrgyzstan, China).
    let [_, min_y, max_x, _] = harness.state().state().scene().bounds;
    assert!(harness.state().state().scene().region_at([max_x, min_y]).is_none());
    let outside = harness.state().map_screen_pos([max_x, min_y]).expect("map drawn");
    click_at(&mut harness, outside);
    assert_eq!(harness.state().state().selected(), None);
}

#[test]
fn switching_language_changes_every_label() {
    let mut harness = window(Lang::En);
    assert!(harness.query_all_by_label("Population").count() > 0);
    assert!(harness.query_by_label("About").is_some());

    harness.get_by_label("Русский").click();
    harness.run();
    assert_eq!(harness.state().state().lang(), Lang::Ru);
    assert!(harness.query_all_by_label("Численность населения").count() > 0);
    assert!(harness.query_by_label("О программе").is_some());
    assert_eq!(harness.query_all_by_label("Population").count(), 0);

    harness.get_by_label("Қазақша").click();
    harness.run();
    assert!(harness.query_all_by_label("Халық саны").count() > 0);
    assert!(harness.query_by_label("Бағдарлама туралы").is_some());
    assert_eq!(harness.query_all_by_label("Численность населения").count(), 0);
    // Region names follow the language too (the table's first row is the largest city).
    assert!(harness.query_all_by_label("Алматы қаласы").count() > 0);
    assert_eq!(harness.query_all_by_label("город Алматы").count(), 0);
}

#[test]
fn clicking_a_bar_of_the_ranking_selects_that_region() {
    let mut harness = window(Lang::En);
    let top = harness.state().state().ranking().first().expect("a ranking").code.clone();
    let third = harness.state().state().ranking().get(2).expect("three ranked").code.clone();
    let pos = harness.state().ranking_bar_pos(&third).expect("bar drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().state().selected(), Some(third.as_str()));
    let pos = harness.state().ranking_bar_pos(&top).expect("bar drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().state().selected(), Some(top.as_str()));
    // The map highlights the same region.
    let scene = harness.state().state().scene();
    let selected: Vec<&str> =
        scene.regions.iter().filter(|r| r.selected).map(|r| r.code.as_str()).collect();
    assert_eq!(selected, vec![top.as_str()]);
}

#[test]
fn clicking_a_table_row_selects_that_region() {
    let mut harness = window(Lang::En);
    let row = harness.state().state().table().sorted_rows().nth(1).expect("rows").clone();
    harness.get_by_label(&row.name).click();
    harness.run();
    assert_eq!(harness.state().state().selected(), Some(row.code.as_str()));
    // The time chart now names the region.
    let title = format!("Population — {}", row.name);
    harness.get_by_label(&title);
}

#[test]
fn clicking_a_column_header_sorts_the_table_and_again_reverses_it() {
    let mut harness = window(Lang::En);
    harness.get_by_label("Region").click();
    harness.run();
    let sort = harness.state().state().table_sort();
    assert_eq!((sort.key, sort.descending), (SortKey::Name, false));
    let first = harness.state().state().table().sorted_rows().next().expect("rows").name.clone();
    assert_eq!(first, "Abay Region");

    harness.get_by_label("Region").click();
    harness.run();
    let sort = harness.state().state().table_sort();
    assert_eq!((sort.key, sort.descending), (SortKey::Name, true));
    let first = harness.state().state().table().sorted_rows().next().expect("rows").name.clone();
    assert_eq!(first, "West Kazakhstan Region");
}

#[test]
fn the_zoom_buttons_zoom_in_and_back_to_the_whole_country() {
    let mut harness = window(Lang::En);
    harness.get_by_label("+").click();
    harness.run();
    assert!((harness.state().state().camera().zoom - 1.5).abs() < 1e-6);
    harness.get_by_label("Whole country").click();
    harness.run();
    assert_eq!(harness.state().state().camera().zoom, 1.0);
}

/// A wheel turn of `lines` lines with the pointer at `pos`.
fn wheel_at(harness: &mut Harness<'_, Gui>, pos: Pos2, lines: f32) {
    harness.hover_at(pos);
    harness.event(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: egui::vec2(0.0, lines),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    // egui spreads a wheel turn over several frames (smooth scrolling).
    harness.run_steps(12);
}

#[test]
fn the_wheel_zooms_over_the_map_but_scrolls_the_key_over_the_key() {
    let mut harness = window(Lang::En);
    // "Growth points" is both a layer toggle in the top bar and a heading of the key below it.
    let key = harness
        .query_all_by_label("Growth points")
        .map(|node| node.rect().center())
        .max_by(|a, b| a.y.total_cmp(&b.y))
        .expect("the key's heading");
    wheel_at(&mut harness, Pos2::new(key.x, key.y), -3.0);
    assert_eq!(harness.state().state().camera().zoom, 1.0);
    let karaganda = harness.state().region_screen_pos("KZ-KAR").expect("Karaganda is drawn");
    wheel_at(&mut harness, karaganda, 3.0);
    assert!(harness.state().state().camera().zoom > 1.0);
}
