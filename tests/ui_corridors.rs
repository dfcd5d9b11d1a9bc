//! The corridor layer in the main window, driven headless with egui_kittest on a real file
//! written from the default dataset (which has no corridors): a corridor added as an edit is in
//! the map's scene and its legend, the top bar's Corridors switch (shown only once the file has a
//! corridor) hides and shows it, and hovering the line names it and its kind.

use egui::Pos2;
use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use geo::LineString;
use oblys::app::Action;
use oblys::app::edit::Edit;
use oblys::map::LegendItem;
use oblys::model::{Corridor, CorridorKind, Lang, Names};
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::window;

/// A railway across the empty middle of the Aral–Balkhash steppe, away from every town symbol.
fn steppe_railway(id: i64) -> Corridor {
    Corridor {
        id,
        names: Names::new("Дала темір жолы", "Степная железная дорога", "Steppe railway"),
        kind: CorridorKind::Railway,
        line: LineString::from(vec![(62.0, 47.0), (66.0, 47.6)]),
    }
}

fn add(harness: &mut Harness<'_, Gui>, corridor: Corridor) {
    let edit = Edit::put_corridor(harness.state().state().dataset(), corridor);
    harness.state_mut().apply(Action::Edit(Box::new(edit)));
    harness.run();
}

/// Where the middle of the scene's first corridor was drawn.
fn middle_of_first_line(harness: &Harness<'_, Gui>) -> Pos2 {
    let scene = harness.state().state().scene();
    let line = scene.lines.first().expect("a corridor in the scene");
    let [a, b] = [line.points[0], line.points[1]];
    harness.state().map_screen_pos([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]).expect("drawn")
}

fn corridor_switch(harness: &Harness<'_, Gui>, label: &str) -> Option<Toggled> {
    harness
        .query_by_role_and_label(Role::CheckBox, label)
        .map(|n| n.accesskit_node().toggled().expect("a switch"))
}

#[test]
fn an_added_corridor_is_drawn_in_the_legend_and_named_on_hover_and_the_switch_hides_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::En);
    // Nothing to switch before the file has a corridor.
    assert!(harness.state().state().scene().lines.is_empty());
    assert_eq!(corridor_switch(&harness, "Corridors"), None);

    add(&mut harness, steppe_railway(1));
    let scene = harness.state().state().scene().clone();
    let kinds: Vec<(i64, CorridorKind)> = scene.lines.iter().map(|l| (l.id, l.kind)).collect();
    assert_eq!(kinds, [(1, CorridorKind::Railway)]);
    let legend: Vec<&str> = scene
        .legend
        .items
        .iter()
        .filter_map(|i| match i {
            LegendItem::Line { label, .. } => Some(label.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(legend, ["Railway"]);
    assert_eq!(corridor_switch(&harness, "Corridors"), Some(Toggled::True));
    // The key lists the kind under its heading.
    assert!(harness.query_by_label("Railway").is_some());

    let middle = middle_of_first_line(&harness);
    harness.hover_at(middle);
    harness.run();
    assert!(
        harness.query_by_label("Steppe railway — Railway").is_some(),
        "the tooltip names the corridor and its kind"
    );

    harness.hover_at(Pos2::new(5.0, 995.0));
    harness.get_by_role_and_label(Role::CheckBox, "Corridors").click();
    harness.run();
    assert!(!harness.state().state().view().show_corridors);
    assert!(harness.state().state().scene().lines.is_empty());
    assert_eq!(corridor_switch(&harness, "Corridors"), Some(Toggled::False));
    assert!(harness.query_by_label("Railway").is_none(), "no legend line when off");
    // Hovering where the line was shows the region instead.
    harness.hover_at(middle);
    harness.run();
    assert!(harness.query_by_label("Steppe railway — Railway").is_none());

    harness.hover_at(Pos2::new(5.0, 995.0));
    harness.get_by_role_and_label(Role::CheckBox, "Corridors").click();
    harness.run();
    assert_eq!(harness.state().state().scene().lines.len(), 1);
}

#[test]
fn the_corridor_layer_speaks_kazakh_and_undo_takes_the_line_off_the_map() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir, Lang::Kk);
    add(&mut harness, steppe_railway(1));
    assert_eq!(corridor_switch(&harness, "Дәліздер"), Some(Toggled::True));
    assert_eq!(harness.state().state().scene().lines[0].tooltip, "Дала темір жолы — Темір жол");
    let middle = middle_of_first_line(&harness);
    harness.hover_at(middle);
    harness.run();
    assert!(harness.query_by_label("Дала темір жолы — Темір жол").is_some());

    harness.hover_at(Pos2::new(5.0, 995.0));
    harness.state_mut().apply(Action::Undo);
    harness.run();
    assert!(harness.state().state().scene().lines.is_empty());
    assert_eq!(corridor_switch(&harness, "Дәліздер"), None);
}
