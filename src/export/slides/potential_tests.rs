//! Potential slide pages of the default dataset: each tab's page holds what the screen shows —
//! the class map and the ranking (a bar per ranked region, each component's contribution), the
//! cluster map with the engine's global Moran's I, the change map with a mark per moved region
//! and the engine's transition table — in English, Kazakh and Russian; a slide whose typology
//! cannot be computed shows why; every page parses and renders.

use std::sync::OnceLock;

use resvg::usvg::roxmltree::{Document, Node};

use super::*;
use crate::analysis::neighbours::Neighbours;
use crate::analysis::typology::{self, MissingRule, Typology, TypologyResult, TypologyState};
use crate::app::potential::{PERMUTATIONS, SEED, change_mark, lisa_fill};
use crate::i18n::format_number;
use crate::i18n::potential_text::{PotentialSlideText, PotentialText, moran_line};
use crate::model::{PotentialTab, SlidePotential};

fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| crate::io::default_dataset::build().expect("default dataset"))
}

/// One renderer per language, sharing one map geometry (built once: slow without optimisation).
fn renderer(lang: Lang) -> &'static SlideRenderer<'static> {
    static RENDERERS: OnceLock<Vec<SlideRenderer<'static>>> = OnceLock::new();
    let all = RENDERERS.get_or_init(|| {
        let geometry = std::sync::Arc::new(crate::map::MapGeometry::new(dataset()));
        [Lang::Kk, Lang::Ru, Lang::En]
            .into_iter()
            .map(|l| SlideRenderer::with_geometry(dataset(), geometry.clone(), l))
            .collect()
    });
    let at = match lang {
        Lang::Kk => 0,
        Lang::Ru => 1,
        Lang::En => 2,
    };
    &all[at]
}

/// The inertial and the managed scenario at their horizon (the screen's default comparison).
fn scenario_states() -> (TypologyState, TypologyState) {
    let s = &dataset().scenarios;
    let at = |i: usize| TypologyState::Scenario { scenario_id: s[i].id, year: s[i].horizon };
    (at(0), at(1))
}

/// A Potential slide of the default typology on `tab`.
fn potential(tab: PotentialTab, neighbours: bool) -> SlidePotential {
    let (change_a, change_b) = scenario_states();
    SlidePotential {
        tab,
        typology: Typology::default_for(dataset()),
        saved: None,
        significance: 0.05,
        change_a,
        change_b,
        neighbours,
    }
}

/// The default deck's map slide as a Potential slide.
fn view(p: SlidePotential) -> SlideView {
    let map = dataset().slides.iter().find(|s| s.view.screen == SlideScreen::Map).expect("map");
    SlideView {
        screen: SlideScreen::Potential,
        selected: Vec::new(),
        potential: Some(Box::new(p)),
        ..map.view.clone()
    }
}

fn page(p: SlidePotential, lang: Lang) -> String {
    let svg = renderer(lang).svg(&view(p), "Әлеует", Some(PageNumber { n: 1, of: 1 }), 1920, 1080);
    parse_svg(&svg).expect("usvg parses the page");
    svg
}

fn with_class<'a, 'i>(doc: &'a Document<'i>, class: &'a str) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|n| n.attribute("class") == Some(class)).collect()
}

fn by_id<'a, 'i>(doc: &'a Document<'i>, id: &str) -> Node<'a, 'i> {
    doc.descendants().find(|n| n.attribute("id") == Some(id)).unwrap_or_else(|| panic!("#{id}"))
}

/// Every text of `node`'s subtree, one entry per `<text>`.
fn texts_in(node: Node<'_, '_>) -> Vec<String> {
    node.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(String::from))
        .collect()
}

fn default_result() -> TypologyResult {
    typology::compute(dataset(), &Typology::default_for(dataset())).expect("computes")
}

#[test]
fn the_classes_page_ranks_every_indexed_region_with_its_contributions_beside_the_class_map() {
    let svg = page(potential(PotentialTab::Classes, false), Lang::En);
    let doc = Document::parse(&svg).expect("SVG");
    let result = default_result();
    let map = by_id(&doc, "map");
    let regions: Vec<_> =
        map.descendants().filter(|n| n.attribute("class") == Some("region")).collect();
    assert_eq!(regions.len(), 20);
    let fills = crate::app::potential::class_fills(&result);
    for r in &regions {
        let code = r.attribute("id").and_then(|i| i.strip_prefix("map-region-")).expect("id");
        let class = result.region(code).and_then(|s| s.class).expect("a class under rescale");
        assert_eq!(r.attribute("fill"), Some(fills[class].hex().as_str()), "{code}");
    }
    // One bar per region with an index, best first, each contribution in its component's colour.
    let bars = with_class(&doc, "ranking-bar");
    assert_eq!(bars.len(), result.regions.iter().filter(|r| r.index.is_some()).count());
    assert_eq!(bars.len(), 20);
    assert_eq!(bars[0].attribute("data-code"), Some("KZ-ATY"), "Atyrau ranks first");
    for bar in &bars {
        let code = bar.attribute("data-code").expect("code");
        let score = result.region(code).expect("scored");
        let parts: Vec<_> = bar
            .descendants()
            .filter(|n| n.attribute("class") == Some("contribution"))
            .map(|n| n.attribute("data-component").unwrap_or_default().to_owned())
            .collect();
        let expected: Vec<String> = result
            .components
            .iter()
            .zip(&score.components)
            .filter(|(_, s)| s.contribution.is_some_and(|v| v != 0.0))
            .map(|(i, _)| i.indicator.clone())
            .collect();
        assert_eq!(parts, expected, "{code}");
        let index = texts_in(*bar).last().cloned().unwrap_or_default();
        assert_eq!(index, format_number(score.index.expect("ranked"), 3, Lang::En), "{code}");
    }
    // The key names every component with its weight; the caption the method.
    let key: Vec<String> =
        with_class(&doc, "component-key").into_iter().flat_map(texts_in).collect();
    assert_eq!(key.len(), 5);
    assert_eq!(key[0], "GRP per capita — weight 1 (20 %)");
    let method = texts_in(by_id(&doc, "method"));
    assert_eq!(
        method,
        ["Method: Min–max · High / medium / low · Missing values: Rescale the weights"]
    );
    // The seven regions lacking a component, with what they lack.
    let incomplete = with_class(&doc, "incomplete");
    assert_eq!(incomplete.len(), 7);
    let ulytau = incomplete
        .iter()
        .find(|n| n.attribute("data-code") == Some("KZ-ULT"))
        .map(|n| texts_in(*n).join(" "))
        .expect("Ulytau listed");
    let name = |key: &str| {
        let info = result.components.iter().find(|i| i.indicator == key).expect("a component");
        info.names.en.clone()
    };
    let lacks = format!("{}, {}", name("employment_rate"), name("population_change"));
    assert_eq!(ulytau, format!("Ulytau Region: {lacks}"));
    let heading = texts_in(by_id(&doc, "incomplete"))[0].clone();
    assert_eq!(
        heading,
        "Regions with incomplete data (weights rescaled over the other components)"
    );
    let subtitle = texts_in(by_id(&doc, "subtitle")).join("");
    assert!(subtitle.starts_with("Regional potential (default) · 2022"), "{subtitle}");
    let sources: Vec<String> = with_class(&doc, "source").into_iter().flat_map(texts_in).collect();
    assert!(sources[0].starts_with("Source: "), "{sources:?}");
    assert!(by_id(&doc, "legend").descendants().any(|n| n.has_tag_name("rect")));
}

#[test]
fn with_the_insufficient_data_rule_only_the_complete_regions_are_ranked() {
    let mut p = potential(PotentialTab::Classes, false);
    p.typology.missing = MissingRule::InsufficientData;
    let svg = page(p.clone(), Lang::En);
    let doc = Document::parse(&svg).expect("SVG");
    let result = typology::compute(dataset(), &p.typology).expect("computes");
    let ranked = result.regions.iter().filter(|r| r.index.is_some()).count();
    assert_eq!(ranked, 13);
    assert_eq!(with_class(&doc, "ranking-bar").len(), ranked);
    let incomplete = with_class(&doc, "incomplete");
    assert_eq!(incomplete.len(), 7);
    let heading = texts_in(by_id(&doc, "incomplete"))[0].clone();
    assert_eq!(
        heading,
        "Regions with incomplete data (insufficient data: no index, class or rank)"
    );
    let ranked_codes: Vec<&str> =
        with_class(&doc, "ranking-bar").iter().filter_map(|n| n.attribute("data-code")).collect();
    for entry in incomplete {
        let code = entry.attribute("data-code").expect("code");
        assert!(!ranked_codes.contains(&code), "{code} has no index");
    }
    let hatched = by_id(&doc, "map")
        .descendants()
        .filter(|n| n.attribute("fill") == Some("url(#nodata)"))
        .count();
    assert_eq!(hatched, 7);
}

#[test]
fn the_clusters_page_shows_the_engines_lisa_map_morans_i_and_the_neighbour_graph() {
    let svg = page(potential(PotentialTab::Clusters, true), Lang::En);
    let doc = Document::parse(&svg).expect("SVG");
    let result = default_result();
    let edition = dataset().current_edition().expect("current boundaries");
    let w = Neighbours::build(edition);
    let lisa = typology::index_autocorrelation(&result, &w, PERMUTATIONS, SEED).expect("Moran");
    let g = &lisa.global;
    let expected = moran_line(g.i, g.expected, g.z_sim, g.p_sim, Lang::En);
    assert_eq!(texts_in(by_id(&doc, "moran")), [expected]);
    assert_eq!(texts_in(by_id(&doc, "permutations")), ["999 permutations, fixed seed"]);
    for (code, local) in w.codes().iter().zip(&lisa.local) {
        let category = local.as_ref().expect("every region has an index").category(0.05);
        let region = by_id(&doc, &format!("map-region-{code}"));
        assert_eq!(region.attribute("fill"), Some(lisa_fill(category).hex().as_str()), "{code}");
    }
    // Mangystau and West Kazakhstan are low–high outliers at 0.05 (docs/typology.md §9).
    let low_high = doc
        .descendants()
        .find(|n| n.attribute("data-category") == Some("lh"))
        .map(|n| texts_in(n).join(" "))
        .expect("low–high line");
    assert!(low_high.starts_with("Low – high: "), "{low_high}");
    assert!(low_high.contains("Mangystau Region (p\u{a0}=\u{a0}0.043)"), "{low_high}");
    // The 35 queen links over the map.
    assert_eq!(with_class(&doc, "link").len(), 35);
    assert_eq!(with_class(&doc, "link").len(), w.edges().len());
}

#[test]
fn the_change_page_marks_every_region_and_holds_the_engines_transition_table() {
    let svg = page(potential(PotentialTab::Change, false), Lang::En);
    let doc = Document::parse(&svg).expect("SVG");
    let (a, b) = scenario_states();
    let ds = dataset();
    let projections = project_all(ds);
    let at = |state: TypologyState| {
        let t = Typology { state, ..Typology::default_for(ds) };
        let projection = match state {
            TypologyState::Scenario { scenario_id, .. } => {
                projections.iter().find(|p| p.scenario_id == scenario_id)
            }
            TypologyState::Year(_) => None,
        };
        typology::compute_with_projection(ds, &t, projection).expect("computes")
    };
    let transition = typology::transition(&at(a), &at(b));
    // A mark on every region with a class in both states, of its move.
    let marks: Vec<(String, String)> = by_id(&doc, "map")
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("mark ")))
        .map(|n| {
            let code = n.attribute("data-code").unwrap_or_default().to_owned();
            (code, n.attribute("class").unwrap_or_default().to_owned())
        })
        .collect();
    let expected: Vec<(String, String)> = transition
        .changes
        .iter()
        .filter_map(|(code, m)| {
            Some((code.clone(), format!("mark mark-{}", change_mark(*m)?.key())))
        })
        .collect();
    assert_eq!(marks.len(), 20);
    assert_eq!(marks, expected);
    let legend_marks: Vec<_> = by_id(&doc, "legend")
        .descendants()
        .filter_map(|n| n.attribute("class"))
        .filter(|c| c.starts_with("legend-mark"))
        .collect();
    assert_eq!(legend_marks.len(), 3);
    // The moves have no unit: no empty line under the legend's title.
    let legend_texts = by_id(&doc, "legend").descendants().filter(|n| n.has_tag_name("text"));
    assert!(legend_texts.clone().all(|n| n.text().is_some_and(|t| !t.is_empty())));
    assert_eq!(legend_texts.count(), 4, "the title and three moves");
    // The counts of the table are the engine's.
    let size = transition.regions.len();
    let counts = with_class(&doc, "transition-count");
    assert_eq!(counts.len(), size * size);
    for cell in counts {
        let from: usize = cell.attribute("data-from").and_then(|v| v.parse().ok()).expect("from");
        let to: usize = cell.attribute("data-to").and_then(|v| v.parse().ok()).expect("to");
        let n = transition.count(from, to).to_string();
        assert_eq!(cell.text(), Some(n.as_str()), "{from} » {to}");
    }
    // Every move off the diagonal is listed with its regions, by name.
    let moves = with_class(&doc, "transition-regions");
    let off_diagonal: usize = (0..size)
        .flat_map(|f| (0..size).map(move |t| (f, t)))
        .filter(|(f, t)| f != t && transition.count(*f, *t) > 0)
        .count();
    assert!(off_diagonal >= 1);
    assert_eq!(moves.len(), off_diagonal);
    let turkistan = moves.iter().map(|n| texts_in(*n).join(" ")).collect::<Vec<_>>().join(" | ");
    assert!(turkistan.contains("(Up a class, 1): Turkistan Region"), "{turkistan}");
    assert!(moves.iter().all(|n| {
        n.descendants().any(|m| m.attribute("class").is_some_and(|c| c.starts_with("move-mark")))
    }));
}

#[test]
fn kazakh_and_russian_pages_of_every_tab_have_no_latin_words() {
    for lang in [Lang::Kk, Lang::Ru] {
        for tab in PotentialTab::ALL {
            let svg = page(potential(tab, true), lang);
            let doc = Document::parse(&svg).expect("SVG");
            for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
                // Moran's symbols (I, E[I], z, p) are the literature's in every language; the
                // sources name websites.
                if node.attribute("id") == Some("moran")
                    || node.attribute("class") == Some("source")
                {
                    continue;
                }
                // The pseudo p-value's symbol is the literature's too.
                let t = node.text().unwrap_or_default().replace("p\u{a0}=\u{a0}", "");
                assert!(!t.chars().any(|c| c.is_ascii_alphabetic()), "{lang:?} {tab:?}: «{t}»");
            }
        }
    }
    let svg = page(potential(PotentialTab::Classes, false), Lang::Kk);
    let doc = Document::parse(&svg).expect("SVG");
    let key: Vec<String> =
        with_class(&doc, "component-key").into_iter().flat_map(texts_in).collect();
    assert!(key[0].contains("салмағы 1 (20 %)"), "{key:?}");
    let svg = page(potential(PotentialTab::Change, false), Lang::Ru);
    assert!(svg.contains(PotentialText::TransitionTable.get(Lang::Ru)));
}

#[test]
fn a_slide_whose_typology_cannot_be_computed_says_why_on_its_page() {
    let mut p = potential(PotentialTab::Classes, true);
    p.typology.state = TypologyState::Scenario { scenario_id: 999, year: 2030 };
    for tab in PotentialTab::ALL {
        let svg = page(SlidePotential { tab, ..p.clone() }, Lang::En);
        let doc = Document::parse(&svg).expect("SVG");
        let reason = texts_in(by_id(&doc, "reason")).join(" ");
        let prefix = PotentialSlideText::CannotCompute.get(Lang::En);
        assert!(reason.starts_with(&format!("{prefix}: ")), "{tab:?}: {reason}");
        assert!(reason.len() > prefix.len() + 10, "{reason}");
        assert!(with_class(&doc, "region").is_empty());
    }
    // A Potential slide without its typology.
    let bare = SlideView { potential: None, ..view(potential(PotentialTab::Classes, false)) };
    let svg = renderer(Lang::Kk).svg(&bare, "Бет", None, 1280, 720);
    parse_svg(&svg).expect("parses");
    let doc = Document::parse(&svg).expect("SVG");
    let reason = texts_in(by_id(&doc, "reason")).join(" ");
    assert_eq!(reason, PotentialSlideText::NoTypology.get(Lang::Kk));
}

#[test]
fn every_tabs_page_renders_to_png_and_pdf_with_unique_ids() {
    let r = renderer(Lang::Ru);
    for tab in PotentialTab::ALL {
        let v = view(potential(tab, true));
        let png = r.view_bytes(&v, "Потенциал", ImageFormat::Png, 1280, 720).expect("png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let pdf = r.view_bytes(&v, "Потенциал", ImageFormat::Pdf, 1280, 720).expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
        for [w, h] in PRESETS {
            let svg = r.svg(&v, "Потенциал", None, w, h);
            let doc = Document::parse(&svg).expect("SVG");
            let mut ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
            let count = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), count, "{tab:?} {w}×{h}: duplicate ids");
            parse_svg(&svg).expect("usvg parses the page");
        }
    }
}

#[test]
fn z_score_contributions_below_zero_are_drawn_left_of_a_zero_line() {
    let mut p = potential(PotentialTab::Classes, false);
    p.typology.normalisation = crate::analysis::typology::Normalisation::ZScore;
    let svg = page(p.clone(), Lang::En);
    let doc = Document::parse(&svg).expect("SVG");
    let zero = by_id(&doc, "ranking-zero");
    let zero_x: f32 = zero.attribute("x1").and_then(|v| v.parse().ok()).expect("x1");
    let result = typology::compute(dataset(), &p.typology).expect("computes");
    let bars = with_class(&doc, "ranking-bar");
    let last = bars.last().expect("a bar");
    let code = last.attribute("data-code").expect("code");
    let score = result.region(code).expect("scored");
    let rects: Vec<(f32, f32)> = last
        .descendants()
        .filter(|n| n.attribute("class") == Some("contribution"))
        .map(|n| {
            let x: f32 = n.attribute("x").and_then(|v| v.parse().ok()).expect("x");
            let w: f32 = n.attribute("width").and_then(|v| v.parse().ok()).expect("width");
            (x, w)
        })
        .collect();
    let negative = score.components.iter().filter(|s| s.contribution.is_some_and(|v| v < 0.0));
    let left = rects.iter().filter(|(x, w)| x + w <= zero_x + 0.2).count();
    assert!(negative.clone().count() >= 1, "the lowest-ranked region has a negative part");
    assert_eq!(left, negative.count(), "{code}: {rects:?} around {zero_x}");
}
