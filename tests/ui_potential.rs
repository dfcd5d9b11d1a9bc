//! UI flows of the Potential screen, driven headless with egui_kittest on a real file written
//! from the default dataset: a weight slider moved lifts Shymkent into the high class on the map
//! and in the ranking; the cluster map follows the engine's LISA at the chosen significance
//! level; the change view's transition table is the engine's; a click on the map selects a
//! region for the profile; and a snapshot.

use egui::Pos2;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use oblys::analysis::neighbours::Neighbours;
use oblys::analysis::typology::{self, Typology, TypologyState};
use oblys::app::potential::{
    PERMUTATIONS, PotentialAction, PotentialTab, SEED, change_fill, class_fills, lisa_fill,
};
use oblys::app::{Action, Screen, Side};
use oblys::model::Lang;
use oblys::ui::Gui;
#[path = "common/ui.rs"]
mod ui;
use ui::click_at;

/// A window on a fresh file holding the default dataset, on the Potential screen.
fn window(dir: &tempfile::TempDir) -> Harness<'static, Gui> {
    let mut harness = ui::window(dir, Lang::En);
    harness.get_by_label("Potential").click();
    harness.run();
    assert_eq!(harness.state().state().screen(), Screen::Potential);
    harness
}

/// Shymkent's fill on the class map, its class and rank, and its place in the ranking (0 = top).
fn shymkent(harness: &Harness<'_, Gui>) -> (oblys::map::Rgba, Option<usize>, Option<usize>, usize) {
    let model = harness.state().state().potential();
    let Some(Ok(result)) = model.result() else { panic!("the default typology computes") };
    let region = model.scene().regions.iter().find(|r| r.code == "KZ-SHY").expect("drawn");
    let score = result.region("KZ-SHY").expect("scored");
    let place =
        model.order().iter().position(|&i| result.regions[i].code == "KZ-SHY").expect("ranked");
    (region.fill, score.class, score.rank, place)
}

#[test]
fn raising_the_population_change_weight_lifts_shymkent_into_the_high_class_on_map_and_ranking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let fills = {
        let Some(Ok(result)) = harness.state().state().potential().result() else { panic!() };
        class_fills(result)
    };
    assert_eq!(fills.len(), 3);
    assert_eq!(shymkent(&harness), (fills[1], Some(1), Some(10), 9));
    // The slider of the fourth component (population change) moved to 5, as a screen reader
    // or a drag would set it.
    let name = {
        let Some(Ok(result)) = harness.state().state().potential().result() else { panic!() };
        assert_eq!(result.components[3].indicator, typology::POPULATION_CHANGE);
        result.components[3].names.en.clone()
    };
    harness.get_by_label(&format!("Weights — {name}")).set_value_accesskit(5.0);
    harness.run();
    let typology = harness.state().state().potential().typology().expect("edited").clone();
    let weights: Vec<f64> = typology.components.iter().map(|c| c.weight).collect();
    assert_eq!(weights, vec![1.0, 1.0, 1.0, 5.0, 1.0]);
    assert_eq!(shymkent(&harness), (fills[2], Some(2), Some(4), 3));
    // And back with the default weights button.
    harness.get_by_label("Default weights").click();
    harness.run();
    assert_eq!(shymkent(&harness), (fills[1], Some(1), Some(10), 9));
}

#[test]
fn the_cluster_map_colours_every_region_by_the_engines_lisa_at_the_chosen_level() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Local clusters (LISA)").click();
    harness.run();
    let ds = oblys::io::default_dataset::build().expect("default dataset");
    let result = typology::compute(&ds, &Typology::default_for(&ds)).expect("computes");
    let w = Neighbours::build(ds.current_edition().expect("current edition"));
    let lisa = typology::index_autocorrelation(&result, &w, PERMUTATIONS, SEED).expect("lisa");
    for level in [0.05, 0.10] {
        harness.state_mut().apply(Action::Potential(PotentialAction::SetSignificance(level)));
        harness.run();
        let model = harness.state().state().potential();
        assert_eq!(model.tab(), PotentialTab::Clusters);
        let mut clusters = 0;
        for (code, local) in w.codes().iter().zip(&lisa.local) {
            let region = model.scene().regions.iter().find(|r| r.code == *code).expect("drawn");
            let local = local.as_ref().expect("every region has an index and neighbours");
            let category = local.category(level);
            if category != oblys::analysis::moran::LisaCategory::NotSignificant {
                clusters += 1;
            }
            assert_eq!(region.fill, lisa_fill(category), "{code} at {level}");
        }
        assert!(clusters > 0, "the shipped index has significant clusters at {level}");
    }
    // A region in a cluster says so in its profile, with its pseudo p-value.
    let (code, local) = w
        .codes()
        .iter()
        .zip(&lisa.local)
        .find_map(|(c, l)| {
            let l = l.as_ref()?;
            (l.category(0.10) != oblys::analysis::moran::LisaCategory::NotSignificant)
                .then_some((c.clone(), l.clone()))
        })
        .expect("a cluster at 0.10");
    harness.state_mut().apply(Action::Select(Some(code)));
    harness.run();
    let p = oblys::i18n::format_number(local.p_sim.expect("permuted"), 3, Lang::En);
    let category = oblys::app::potential::lisa_text(local.category(0.10), Lang::En);
    harness.get_by_label(&format!("Local clusters of the index (LISA): {category} (p = {p})"));
    // Moran's I of the index is shown with its numbers.
    let global = &lisa.global;
    let line = oblys::i18n::potential_text::moran_line(
        global.i,
        global.expected,
        global.z_sim,
        global.p_sim,
        Lang::En,
    );
    harness.get_by_label(&line);
}

#[test]
fn the_change_views_transition_table_is_the_engines_for_both_pairs_of_states() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Class change").click();
    harness.run();
    let ds = oblys::io::default_dataset::build().expect("default dataset");
    let base = Typology::default_for(&ds);
    let at = |state| typology::compute(&ds, &Typology { state, ..base.clone() }).expect("computes");
    // By default: the inertial scenario against the managed one at the horizon.
    let (a, b) = harness.state().state().potential().change_states();
    assert_eq!(a, Some(TypologyState::Scenario { scenario_id: 1, year: 2030 }));
    assert_eq!(b, Some(TypologyState::Scenario { scenario_id: 2, year: 2030 }));
    let check = |harness: &Harness<'_, Gui>, a, b| {
        let expected = typology::transition(&at(a), &at(b));
        let model = harness.state().state().potential();
        let Some(Ok(change)) = model.change() else { panic!("the change computes") };
        for from in 0..3 {
            for to in 0..3 {
                assert_eq!(change.transition.count(from, to), expected.count(from, to));
            }
        }
        assert_eq!(change.transition, expected);
        for (code, m) in &expected.changes {
            let region = change.scene.regions.iter().find(|r| r.code == *code).expect("drawn");
            assert_eq!(region.fill, change_fill(*m), "{code}");
        }
        expected
    };
    check(&harness, a.expect("a"), b.expect("b"));
    // Two years: 2021 against 2022; ten regions keep their class (docs/typology.md).
    for (side, year) in [(Side::A, 2021), (Side::B, 2022)] {
        let action = PotentialAction::SetChangeState(side, TypologyState::Year(year));
        harness.state_mut().apply(Action::Potential(action));
    }
    harness.run();
    let expected = check(&harness, TypologyState::Year(2021), TypologyState::Year(2022));
    let same: usize = (0..3).map(|c| expected.count(c, c)).sum();
    assert_eq!(same, 10);
    harness.get_by_label("Transitions between classes");
}

#[test]
fn a_click_on_the_class_map_selects_the_region_and_its_profile_shows_the_median() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let pos = harness.state().potential_region_screen_pos("KZ-ULT").expect("Ulytau drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().state().selected(), Some("KZ-ULT"));
    let model = harness.state().state().potential();
    let selected: Vec<&str> =
        model.scene().regions.iter().filter(|r| r.selected).map(|r| r.code.as_str()).collect();
    assert_eq!(selected, vec!["KZ-ULT"]);
    // Each of the five components against the national median.
    assert_eq!(harness.query_all_by_label_contains("National median: ").count(), 5);
    // Ulytau lacks the employment rate: its profile says so and that its weights are rescaled.
    harness.get_by_label_contains("its weights are rescaled");
}

#[test]
fn potential_screen_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.state_mut().apply(Action::Select(Some("KZ-ULT".into())));
    harness.run();
    harness.hover_at(Pos2::new(5.0, 995.0));
    harness.run();
    harness.snapshot("potential_screen");
}

#[test]
fn potential_clusters_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Local clusters (LISA)").click();
    harness.run();
    harness.hover_at(Pos2::new(5.0, 995.0));
    harness.run();
    harness.snapshot("potential_clusters");
}

#[test]
fn potential_change_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Class change").click();
    harness.run();
    harness.hover_at(Pos2::new(5.0, 995.0));
    harness.run();
    harness.snapshot("potential_change");
}

#[test]
fn the_class_map_is_saved_as_svg_beside_the_file_with_every_region_in_its_class_colour() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Save the map").click();
    harness.run();
    harness.get_by_label("SVG image").click();
    harness.run();
    let out = dir.path().join("kazakhstan-potential.svg");
    let svg = std::fs::read_to_string(&out).expect("the map is written beside the file");
    let doc = resvg::usvg::roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let model = harness.state().state().potential();
    let mut drawn = 0;
    for node in doc.descendants().filter(|n| n.attribute("class") == Some("region")) {
        let code = node.attribute("id").and_then(|id| id.strip_prefix("region-")).expect("id");
        let region = model.scene().regions.iter().find(|r| r.code == code).expect("on screen");
        assert_eq!(node.attribute("fill"), Some(region.fill.hex().as_str()), "{code}");
        drawn += 1;
    }
    assert_eq!(drawn, 20);
    harness.get_by_label(&format!("Saved to {}", out.display()));
}

#[test]
fn the_neighbour_switch_draws_the_35_queen_links_between_the_regions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    assert!(!harness.state().state().potential().show_neighbours());
    harness.get_by_label("Neighbours (a shared border or point)").click();
    harness.run();
    let model = harness.state().state().potential();
    assert!(model.show_neighbours());
    assert_eq!(model.links().len(), 35);
    // Almaty city's only neighbour is Almaty Region: one line from the city's anchor, to the
    // region's.
    let anchor = |code: &str| {
        model.scene().regions.iter().find(|r| r.code == code).expect("drawn").label_anchor
    };
    let city = anchor("KZ-ALA");
    let touching: Vec<[f32; 2]> = model
        .links()
        .iter()
        .filter_map(|[a, b]| {
            if *a == city {
                Some(*b)
            } else if *b == city {
                Some(*a)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(touching, vec![anchor("KZ-ALM")]);
}

#[test]
fn an_edited_value_recomputes_the_typology_with_the_planners_weights_and_undo_restores_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let set = PotentialAction::SetWeight { component: 0, weight: 2.0 };
    harness.state_mut().apply(Action::Potential(set));
    harness.run();
    let before = {
        let Some(Ok(result)) = harness.state().state().potential().result() else { panic!() };
        result.clone()
    };
    let ds = harness.state().state().dataset().clone();
    // GRP per capita is computed from its parts: GRP tripled triples it.
    let old = ds.value("KZ-SHY", "grp", 2022).expect("Shymkent's GRP 2022");
    let edit =
        oblys::app::edit::Edit::set_value(&ds, "KZ-SHY", "grp", 2022, Some(old * 3.0), "test");
    harness.state_mut().apply(Action::Edit(Box::new(edit)));
    harness.run();
    let model = harness.state().state().potential();
    let typology = model.typology().expect("edited").clone();
    assert_eq!(typology.components[0].weight, 2.0, "the planner's weight is kept");
    let edited = harness.state().state().dataset().clone();
    let expected = typology::compute(&edited, &typology).expect("computes");
    let Some(Ok(result)) = model.result() else { panic!("computes") };
    assert_eq!(result.regions, expected.regions);
    let shymkent = result.region("KZ-SHY").expect("scored");
    let was = before.region("KZ-SHY").and_then(|r| r.components[0].raw).expect("a value");
    let now = shymkent.components[0].raw.expect("a value");
    assert!((now - 3.0 * was).abs() < 1e-9 * now, "{now} against {was}");
    assert_ne!(result.regions, before.regions);
    harness.state_mut().apply(Action::Undo);
    harness.run();
    let Some(Ok(result)) = harness.state().state().potential().result() else { panic!() };
    assert_eq!(result.regions, before.regions);
}

#[test]
fn marking_insufficient_data_hatches_the_regions_lacking_a_component_and_jenks_gives_four_classes()
{
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Mark «insufficient data»").click();
    harness.run();
    let ds = oblys::io::default_dataset::build().expect("default dataset");
    let mut t = Typology::default_for(&ds);
    t.missing = typology::MissingRule::InsufficientData;
    let expected = typology::compute(&ds, &t).expect("computes");
    let lacking: Vec<&str> =
        expected.regions.iter().filter(|r| r.index.is_none()).map(|r| r.code.as_str()).collect();
    assert_eq!(lacking.len(), 7, "{lacking:?}");
    assert!(lacking.contains(&"KZ-ULT"));
    {
        let model = harness.state().state().potential();
        for region in &model.scene().regions {
            assert_eq!(region.no_data, lacking.contains(&region.code.as_str()), "{}", region.code);
        }
        let last = model.scene().legend.items.last().expect("legend");
        assert!(
            matches!(last, oblys::map::LegendItem::NoData { label, .. } if label == "Insufficient data")
        );
        assert_eq!(model.order().len(), 13);
    }
    harness.get_by_label("Rescale the weights").click();
    harness.run();
    let jenks = typology::Classification::NaturalBreaks(4);
    harness.state_mut().apply(Action::Potential(PotentialAction::SetClassification(jenks)));
    harness.run();
    let model = harness.state().state().potential();
    let Some(Ok(result)) = model.result() else { panic!("computes") };
    assert_eq!(result.classes.ranges.len(), 4);
    let fills = class_fills(result);
    assert_eq!(fills, oblys::map::style::class_colors(4, true));
    for region in &model.scene().regions {
        let class = result.region(&region.code).and_then(|r| r.class).expect("a class");
        assert_eq!(region.fill, fills[class], "{}", region.code);
    }
}

/// The weights of the typology on the screen.
fn screen_weights(harness: &Harness<'_, Gui>) -> Vec<f64> {
    let model = harness.state().state().potential();
    model.typology().expect("a typology is shown").components.iter().map(|c| c.weight).collect()
}

#[test]
fn a_typology_saved_as_test_comes_back_with_its_weights_after_the_default_and_is_in_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    assert_eq!(screen_weights(&harness), [1.0; 5]);
    let name = {
        let Some(Ok(result)) = harness.state().state().potential().result() else { panic!() };
        result.components[3].names.en.clone()
    };
    harness.get_by_label(&format!("Weights — {name}")).set_value_accesskit(5.0);
    harness.run();
    assert_eq!(screen_weights(&harness), [1.0, 1.0, 1.0, 5.0, 1.0]);

    ui::type_into(&mut harness, "Typology name", "Test");
    harness.get_by_label("Save as…").click();
    harness.run();
    assert_eq!(harness.state().state().potential().saved_error(), None);
    let saved = ui::reloaded(&harness).typologies;
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].typology.name.en, "Test");
    assert_eq!(saved[0].typology.name.get(Lang::Kk), "Test", "other languages fall back");
    let weights: Vec<f64> = saved[0].typology.components.iter().map(|c| c.weight).collect();
    assert_eq!(weights, [1.0, 1.0, 1.0, 5.0, 1.0]);
    assert_eq!(harness.state().state().potential().saved_typology(), Some(saved[0].id));

    harness.get_by_label("Default (built-in)").click();
    harness.run();
    assert_eq!(harness.state().state().potential().saved_typology(), None);
    assert_eq!(screen_weights(&harness), [1.0; 5]);

    harness.get_by_label("Test").click();
    harness.run();
    assert_eq!(screen_weights(&harness), [1.0, 1.0, 1.0, 5.0, 1.0]);
    let Some(Ok(result)) = harness.state().state().potential().result() else { panic!() };
    assert_eq!(result.components[3].weight, 5.0);

    // Deleting asks first; confirmed, the file and the list lose it and the default is back.
    harness.get_by_label("Delete «Test»").click();
    harness.run();
    assert_eq!(ui::reloaded(&harness).typologies.len(), 1);
    harness.get_by_label("Delete this typology? «Test»");
    harness.get_by_label("Delete").click();
    harness.run();
    assert!(ui::reloaded(&harness).typologies.is_empty());
    assert_eq!(harness.state().state().potential().saved_typology(), None);
    assert_eq!(screen_weights(&harness), [1.0; 5]);

    // Undo gives the deleted typology back, in the file and in the list; picking it loads it.
    harness.state_mut().apply(Action::Undo);
    harness.run();
    let back = ui::reloaded(&harness).typologies;
    assert_eq!(back, saved);
    assert_eq!(harness.state().state().dataset().typologies, saved);
    harness.get_by_label("Test").click();
    harness.run();
    assert_eq!(screen_weights(&harness), [1.0, 1.0, 1.0, 5.0, 1.0]);
}

#[test]
fn the_classes_follow_the_year_or_scenario_chosen_and_keep_it_through_a_data_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let managed = harness.state().state().dataset().scenarios[1].clone();
    let horizon = TypologyState::Scenario { scenario_id: managed.id, year: managed.horizon };
    // The combo lists the years with data and every scenario at its horizon.
    harness.get_by_role_and_label(Role::ComboBox, "Year or scenario").click();
    harness.run();
    let option = format!("{}, {}", managed.name.en, managed.horizon);
    // The last entry is below the list's fold: scrolled to, then clicked.
    harness.get_by_label(&option).scroll_to_me();
    harness.run();
    harness.get_by_label(&option).click();
    harness.run();
    let model = harness.state().state().potential();
    assert_eq!(model.typology().expect("shown").state, horizon);
    let Some(Ok(result)) = model.result() else { panic!("the managed horizon computes") };
    assert_eq!(result.state, horizon);
    assert!(model.scene().title.ends_with(&option), "{}", model.scene().title);
    // The engine's own result for the managed horizon, class by class.
    let s = harness.state().state();
    let projection = s.projections().iter().find(|p| p.scenario_id == managed.id);
    let typology = Typology { state: horizon, ..Typology::default_for(s.dataset()) };
    let engine = typology::compute_with_projection(s.dataset(), &typology, projection).unwrap();
    let classes = |r: &typology::TypologyResult| -> Vec<Option<usize>> {
        r.regions.iter().map(|x| x.class).collect()
    };
    assert_eq!(classes(result), classes(&engine));
    // A state the screen does not offer is ignored.
    harness
        .state_mut()
        .apply(Action::Potential(PotentialAction::SetState(TypologyState::Year(1850))));
    harness.run();
    assert_eq!(harness.state().state().potential().typology().unwrap().state, horizon);
    // An edited value rebuilds the typology for the data and keeps the chosen state.
    let ds = harness.state().state().dataset().clone();
    let old = ds.value("KZ-SHY", "grp", 2022).expect("Shymkent's GRP 2022");
    let edit =
        oblys::app::edit::Edit::set_value(&ds, "KZ-SHY", "grp", 2022, Some(old * 3.0), "test");
    harness.state_mut().apply(Action::Edit(Box::new(edit)));
    harness.run();
    assert_ne!(harness.state().state().dataset().value("KZ-SHY", "grp", 2022), Some(old));
    assert_eq!(harness.state().state().potential().typology().unwrap().state, horizon);
}

#[test]
fn the_saved_change_map_carries_a_mark_on_every_region_that_moved_or_stayed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    harness.get_by_label("Class change").click();
    harness.run();
    harness.get_by_label("Save the map").click();
    harness.run();
    harness.get_by_label("SVG image").click();
    harness.run();
    // Named after the tab: the class map's file is left alone.
    let out = dir.path().join("kazakhstan-potential-change.svg");
    let svg = std::fs::read_to_string(&out).expect("the change map is written beside the file");
    let doc = resvg::usvg::roxmltree::Document::parse(&svg).expect("well-formed SVG");
    let model = harness.state().state().potential();
    let Some(Ok(change)) = model.change() else { panic!("the change computes") };
    let marks: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("mark ")))
        .map(|n| {
            let code = n.attribute("data-code").unwrap_or_default().to_owned();
            (code, n.attribute("class").unwrap_or_default().to_owned())
        })
        .collect();
    let mut expected: Vec<(String, String)> = change
        .transition
        .changes
        .iter()
        .filter_map(|(code, m)| {
            let kind = oblys::app::potential::change_mark(*m)?;
            Some((code.clone(), format!("mark mark-{}", kind.key())))
        })
        .collect();
    assert!(expected.len() >= 10, "most regions have a class in both states: {expected:?}");
    let mut sorted = marks.clone();
    sorted.sort();
    expected.sort();
    assert_eq!(sorted, expected);
    // The legend shows each move's mark beside its swatch.
    let legend_marks: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("class"))
        .filter(|c| c.starts_with("legend-mark "))
        .collect();
    assert_eq!(
        legend_marks,
        ["legend-mark mark-up", "legend-mark mark-same", "legend-mark mark-down"]
    );
    harness.get_by_label(&format!("Saved to {}", out.display()));
    assert!(!dir.path().join("kazakhstan-potential.svg").exists());
}

#[test]
fn the_planner_adds_removes_and_turns_components_and_the_classes_are_the_engines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window(&dir);
    let engine_classes = |harness: &Harness<'_, Gui>| {
        let s = harness.state().state();
        let typology = s.potential().typology().expect("shown").clone();
        let engine = typology::compute(s.dataset(), &typology).expect("computes");
        let Some(Ok(shown)) = s.potential().result() else { panic!("computes") };
        assert_eq!(shown.regions, engine.regions, "the screen shows the engine's result");
        typology
    };
    // Add total GRP from the list of the file's indicators.
    harness.get_by_role_and_label(Role::ComboBox, "Add an indicator").click();
    harness.run();
    harness.get_by_label("Gross regional product").scroll_to_me();
    harness.run();
    harness.get_by_label("Gross regional product").click();
    harness.run();
    let typology = engine_classes(&harness);
    assert_eq!(typology.components.len(), 6);
    assert_eq!(typology.components[5].indicator, "grp");
    assert_eq!(typology.components[5].weight, 1.0);
    // Unemployment turned round: more unemployment now counts as more potential.
    let unemployment = "Direction — Unemployment rate";
    harness.get_by_label(unemployment).click();
    harness.run();
    let typology = engine_classes(&harness);
    assert_eq!(typology.components[4].direction, typology::Direction::HigherIsBetter);
    // GRP per capita removed.
    harness.get_by_label("Remove — GRP per capita").click();
    harness.run();
    let typology = engine_classes(&harness);
    let keys: Vec<&str> = typology.components.iter().map(|c| c.indicator.as_str()).collect();
    assert_eq!(
        keys,
        [
            "investment_per_capita",
            "employment_rate",
            "population_change",
            "unemployment_rate",
            "grp"
        ]
    );
    // A data edit keeps the edited typology whole.
    let ds = harness.state().state().dataset().clone();
    let old = ds.value("KZ-SHY", "grp", 2022).expect("Shymkent's GRP 2022");
    let edit =
        oblys::app::edit::Edit::set_value(&ds, "KZ-SHY", "grp", 2022, Some(old * 2.0), "test");
    harness.state_mut().apply(Action::Edit(Box::new(edit)));
    harness.run();
    assert_eq!(engine_classes(&harness), typology);
    // "Default weights" gives the default's weights back, 1 to the added component.
    harness
        .state_mut()
        .apply(Action::Potential(PotentialAction::SetWeight { component: 4, weight: 3.0 }));
    harness.run();
    harness.get_by_label("Default weights").click();
    harness.run();
    let weights: Vec<f64> = engine_classes(&harness).components.iter().map(|c| c.weight).collect();
    assert_eq!(weights, [1.0; 5]);
    // The last component cannot be removed.
    for _ in 0..4 {
        harness.state_mut().apply(Action::Potential(PotentialAction::RemoveComponent(0)));
    }
    harness.run();
    assert_eq!(engine_classes(&harness).components.len(), 1);
    assert!(harness.get_by_label("Remove — Gross regional product").accesskit_node().is_disabled());
    harness.state_mut().apply(Action::Potential(PotentialAction::RemoveComponent(0)));
    harness.run();
    let typology = engine_classes(&harness);
    assert_eq!(typology.components.len(), 1);
    // The years offered are those the edited typology (GRP alone) can be computed for.
    let s = harness.state().state();
    let mut years: Vec<i32> = s.dataset().values.iter().map(|v| v.year).collect();
    years.sort_unstable();
    years.dedup();
    let computable: Vec<TypologyState> = years
        .into_iter()
        .map(TypologyState::Year)
        .filter(|&state| {
            let t = Typology { state, ..typology.clone() };
            typology::compute(s.dataset(), &t)
                .is_ok_and(|r| r.regions.iter().any(|x| x.class.is_some()))
        })
        .collect();
    let offered: Vec<TypologyState> = s
        .potential()
        .states()
        .iter()
        .copied()
        .filter(|st| matches!(st, TypologyState::Year(_)))
        .collect();
    assert_eq!(offered, computable);
}
