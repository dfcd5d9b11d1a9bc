//! Slide pages of the default dataset: each screen's SVG parses, carries the slide's title, its
//! legend, sources and page number, and the values the dataset holds.

use std::sync::OnceLock;

use resvg::usvg::roxmltree::Document;

use super::*;
use crate::app::targets::{Status, report};
use crate::i18n::format_number;
use crate::i18n::scenario_ui_text::ScenarioUiText;
use crate::i18n::targets_text::TargetsText;
use crate::model::{SlideExtent, SlideSource};

fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| crate::io::default_dataset::build().expect("default dataset"))
}

fn renderer(lang: Lang) -> SlideRenderer<'static> {
    SlideRenderer::new(dataset(), lang)
}

fn slide(screen: SlideScreen) -> &'static crate::model::Slide {
    dataset().slides.iter().find(|s| s.view.screen == screen).expect("a slide of that screen")
}

/// The default deck's compare slide shown as another screen.
fn view_as(screen: SlideScreen) -> SlideView {
    SlideView { screen, ..slide(SlideScreen::Compare).view.clone() }
}

fn texts(svg: &str) -> Vec<String> {
    let doc = Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

fn text_of(svg: &str, id: &str) -> Option<String> {
    let doc = Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .and_then(|n| n.text())
        .map(String::from)
}

fn assert_page(svg: &str, title: &str, number: &str) {
    parse_svg(svg).expect("usvg parses the page");
    assert_eq!(text_of(svg, "title").as_deref(), Some(title));
    assert_eq!(text_of(svg, "page-number").as_deref(), Some(number));
    let texts = texts(svg);
    let attribution = crate::i18n::MapText::SourceLine.get(Lang::En);
    assert!(texts.iter().any(|t| t == attribution), "no attribution in {texts:?}");
}

#[test]
fn a_map_slide_is_the_map_with_its_legend_title_sources_and_number() {
    let s = slide(SlideScreen::Map);
    let svg = renderer(Lang::En).svg(
        &s.view,
        s.title.get(Lang::En),
        Some(PageNumber { n: 1, of: 3 }),
        1920,
        1080,
    );
    assert_page(&svg, "Population of Kazakhstan, 2023", "1 / 3");
    let doc = Document::parse(&svg).expect("SVG");
    let regions = doc.descendants().filter(|n| n.attribute("class") == Some("region")).count();
    assert_eq!(regions, 20);
    assert!(doc.descendants().any(|n| n.attribute("id") == Some("legend")));
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t.starts_with("Source: ")), "{texts:?}");
    assert!(texts.iter().any(|t| t == "Growth points"), "{texts:?}");
}

#[test]
fn a_saved_extent_zooms_the_map_and_clips_it_to_its_frame() {
    let s = slide(SlideScreen::Map);
    let whole = renderer(Lang::En).svg(&s.view, "t", None, 1600, 900);
    // Around Almaty: a fifth of the country's width.
    let extent = SlideExtent { min_lon: 74.0, min_lat: 42.0, max_lon: 80.0, max_lat: 46.0 };
    let view = SlideView { extent: Some(extent), ..s.view.clone() };
    let zoomed = renderer(Lang::En).svg(&view, "t", None, 1600, 900);
    assert_ne!(whole, zoomed);
    assert!(zoomed.contains(r#"clip-path="url(#clip-map)""#));
    // A sliver of an extent (or one outside the country) is ignored.
    let sliver = SlideExtent { min_lon: 10.0, min_lat: 10.0, max_lon: 10.001, max_lat: 10.001 };
    let ignored = renderer(Lang::En).svg(
        &SlideView { extent: Some(sliver), ..s.view.clone() },
        "t",
        None,
        1600,
        900,
    );
    assert_eq!(whole, ignored);
}

#[test]
fn a_compare_slide_draws_a_b_and_their_difference_on_one_scale() {
    let s = slide(SlideScreen::Compare);
    let svg = renderer(Lang::Ru).svg(
        &s.view,
        s.title.get(Lang::Ru),
        Some(PageNumber { n: 2, of: 3 }),
        1920,
        1080,
    );
    parse_svg(&svg).expect("parses");
    assert_eq!(text_of(&svg, "title").as_deref(), Some(s.title.get(Lang::Ru)));
    assert_eq!(text_of(&svg, "page-number").as_deref(), Some("2 / 3"));
    let doc = Document::parse(&svg).expect("SVG");
    for id in ["map-a", "map-b", "map-difference"] {
        let map = doc.descendants().find(|n| n.attribute("id") == Some(id)).expect(id);
        let regions = map.descendants().filter(|n| n.attribute("class") == Some("region")).count();
        assert_eq!(regions, 20, "{id}");
    }
    let captions: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("caption"))
        .filter_map(|n| n.text().map(String::from))
        .collect();
    assert_eq!(captions.len(), 3);
    let side = |s: ScenarioUiText| format!("{}: ", s.get(Lang::Ru));
    assert!(captions[0].starts_with(&side(ScenarioUiText::SideA)), "{captions:?}");
    assert!(captions[1].starts_with(&side(ScenarioUiText::SideB)), "{captions:?}");
    // Two legends: the shared scale of A and B and the difference's.
    for id in ["legend-scale", "legend-difference"] {
        assert!(doc.descendants().any(|n| n.attribute("id") == Some(id)), "{id}");
    }
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t.contains("прогноз сценариев")), "{texts:?}");
}

#[test]
fn a_chart_slide_draws_history_and_every_scenario_with_a_legend() {
    let view = view_as(SlideScreen::Chart);
    let svg = renderer(Lang::En).svg(&view, "GRP over the years", None, 1920, 1080);
    parse_svg(&svg).expect("parses");
    let doc = Document::parse(&svg).expect("SVG");
    let series = doc.descendants().filter(|n| n.attribute("class") == Some("series")).count();
    // The reported history and both scenarios.
    assert_eq!(series, 1 + dataset().scenarios.len());
    let legend: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend-series"))
        .filter_map(|n| n.text().map(String::from))
        .collect();
    assert_eq!(legend.len(), series);
    assert_eq!(legend[0], ScenarioUiText::ChartHistory.get(Lang::En));
    assert!(legend[1].starts_with("A: ") && legend[2].starts_with("B: "), "{legend:?}");
    let x_ticks: Vec<String> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("x-tick"))
        .filter_map(|n| n.text().map(String::from))
        .collect();
    assert!(x_ticks.contains(&view.year.to_string()), "{x_ticks:?}");
    assert!(doc.descendants().filter(|n| n.attribute("class") == Some("y-tick")).count() >= 3);
    assert!(doc.descendants().any(|n| n.attribute("id") == Some("year-mark")));
}

#[test]
fn a_table_slide_lists_every_region_with_the_datasets_values_and_ranks() {
    let s = slide(SlideScreen::Map);
    let view = SlideView {
        screen: SlideScreen::Table,
        selected: vec!["KZ-AKM".to_string()],
        ..s.view.clone()
    };
    let svg = renderer(Lang::Kk).svg(&view, "Кесте", None, 1920, 1080);
    parse_svg(&svg).expect("parses");
    let doc = Document::parse(&svg).expect("SVG");
    let rows: Vec<_> = doc.descendants().filter(|n| n.attribute("class") == Some("row")).collect();
    assert_eq!(rows.len(), 20, "every region fits on a 1080p page");
    let cell = |row: &resvg::usvg::roxmltree::Node<'_, '_>, class: &str| {
        row.descendants()
            .find(|n| n.attribute("class") == Some(class))
            .and_then(|n| n.text())
            .map(String::from)
    };
    let akmola = rows.iter().find(|r| r.attribute("data-code") == Some("KZ-AKM")).expect("Akmola");
    let value = dataset().value("KZ-AKM", &view.indicator, view.year).expect("reported");
    let decimals = dataset().indicator(&view.indicator).map_or(1, |d| d.decimals);
    assert_eq!(cell(akmola, "value"), Some(format_number(value, decimals, Lang::Kk)));
    assert_eq!(cell(akmola, "name").as_deref(), Some("Ақмола облысы"));
    let first = rows.first().expect("a row");
    assert_eq!(cell(first, "rank").as_deref(), Some("1"));
    assert_eq!(first.attribute("data-code"), Some("KZ-ALA"), "Almaty has most people");
    // The selected region is emphasised.
    assert!(svg.contains("#ffe8a3"));
}

#[test]
fn a_targets_slide_marks_each_outcome_by_bar_mark_and_word() {
    let s = slide(SlideScreen::Targets);
    let svg = renderer(Lang::En).svg(
        &s.view,
        s.title.get(Lang::En),
        Some(PageNumber { n: 3, of: 3 }),
        1920,
        1080,
    );
    assert_page(&svg, "Programme targets", "3 / 3");
    let ds = dataset();
    let report = report(ds, &project_all(ds), Lang::En);
    let doc = Document::parse(&svg).expect("SVG");
    let blocks: Vec<_> =
        doc.descendants().filter(|n| n.attribute("class") == Some("target")).collect();
    assert_eq!(blocks.len(), report.rows.len());
    // The slide's own target comes first.
    let target = s.view.target.as_ref().expect("the slide's target");
    assert_eq!(blocks[0].attribute("data-indicator"), Some(target.indicator.as_str()));
    let first = report
        .rows
        .iter()
        .find(|r| r.key.indicator == target.indicator && r.key.year == target.year)
        .expect("row");
    let outcomes: Vec<String> = blocks[0]
        .descendants()
        .filter(|n| n.attribute("class") == Some("outcome"))
        .filter_map(|n| n.text().map(String::from))
        .collect();
    assert_eq!(outcomes.len(), first.cells.len());
    for (cell, outcome) in first.cells.iter().zip(&outcomes) {
        assert!(outcome.starts_with(cell.status.text(Lang::En)), "{outcome}");
        let mark = match cell.status {
            Status::Attained => "mark-attained",
            Status::NotAttained => "mark-not-attained",
            Status::NotAssessable => "mark-not-assessable",
        };
        assert!(blocks[0].descendants().any(|n| n.attribute("class") == Some(mark)), "{mark}");
    }
    assert_eq!(
        blocks[0].descendants().filter(|n| n.attribute("class") == Some("target-line")).count(),
        1
    );
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == TargetsText::TargetLine.get(Lang::En)), "{texts:?}");
}

#[test]
fn a_slide_title_falls_back_like_every_name_and_pages_are_deterministic() {
    let ds = dataset();
    let mut copy = ds.clone();
    let Some(first) = copy.slides.first_mut() else { panic!("a slide") };
    first.title.kk.clear();
    let r = SlideRenderer::new(&copy, Lang::Kk);
    let svgs = r.deck_svgs(1280, 720).expect("deck");
    assert_eq!(text_of(&svgs[0], "title").as_deref(), Some(first_title_en()));
    assert_eq!(svgs, r.deck_svgs(1280, 720).expect("deck"));
}

fn first_title_en() -> &'static str {
    dataset().slides[0].title.en.as_str()
}

#[test]
fn absurd_sizes_and_empty_decks_are_refused_with_a_message() {
    assert!(matches!(check_size(100, 100), Err(ExportError::PageSize { width: 100, height: 100 })));
    assert!(matches!(check_size(20_000, 1080), Err(ExportError::PageSize { .. })));
    for [w, h] in PRESETS {
        assert!(check_size(w, h).is_ok(), "{w}×{h}");
    }
    let message = check_size(10, 10).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("320×180 to 7680×4320"), "{message}");
    assert_eq!(parse_size("1920x1080").ok(), Some([1920, 1080]));
    assert_eq!(parse_size(" 3840 × 2160 ").ok(), Some([3840, 2160]));
    assert!(matches!(parse_size("big"), Err(ExportError::SizeText { .. })));
    assert!(matches!(parse_size("100000x10"), Err(ExportError::PageSize { .. })));
    let empty = Dataset { slides: Vec::new(), ..dataset().clone() };
    assert!(matches!(
        SlideRenderer::new(&empty, Lang::En).deck_svgs(1920, 1080),
        Err(ExportError::NoSlides)
    ));
}

#[test]
fn png_file_names_keep_letters_of_any_script_and_nothing_else() {
    assert_eq!(
        png_file_name(1, "Population of Kazakhstan, 2024"),
        "01-population-of-kazakhstan-2024.png"
    );
    assert_eq!(png_file_name(12, "ВРП: «А/Б» — 2030?"), "12-врп-а-б-2030.png");
    assert_eq!(png_file_name(3, " / : * ? "), "03.png");
    assert!(png_file_name(1, &"ж".repeat(200)).chars().count() <= 3 + 60 + 4);
}

#[test]
fn a_view_is_exported_as_png_svg_and_pdf_of_the_requested_size() {
    let view = slide(SlideScreen::Map).view.clone();
    let r = renderer(Lang::En);
    let png = r.view_bytes(&view, "t", ImageFormat::Png, 1280, 720).expect("png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let size = |b: &[u8], at: usize| u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    assert_eq!((size(&png, 16), size(&png, 20)), (1280, 720));
    let svg = r.view_bytes(&view, "t", ImageFormat::Svg, 1280, 720).expect("svg");
    assert!(
        String::from_utf8_lossy(&svg)
            .starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720""#)
    );
    let pdf = r.view_bytes(&view, "t", ImageFormat::Pdf, 1280, 720).expect("pdf");
    assert!(String::from_utf8_lossy(&pdf).contains("/MediaBox [0 0 960 540]"));
    assert!(matches!(
        r.view_bytes(&view, "t", ImageFormat::Png, 99_999, 720),
        Err(ExportError::PageSize { .. })
    ));
}

#[test]
fn view_titles_name_the_indicator_and_year() {
    let view = slide(SlideScreen::Map).view.clone();
    assert_eq!(view_title(dataset(), &view, Lang::En), format!("Population, {}", view.year));
    let compare = slide(SlideScreen::Compare).view.clone();
    assert_eq!(
        view_title(dataset(), &compare, Lang::Ru),
        format!("Валовой региональный продукт, {}", compare.year)
    );
    let targets = slide(SlideScreen::Targets).view.clone();
    assert_eq!(view_title(dataset(), &targets, Lang::En), "Targets of the scenarios");
}

#[test]
fn sources_name_the_values_sources_most_used_first() {
    let ds = dataset();
    let line = data_sources(ds, "population", Some(2023), Lang::En);
    assert!(line.starts_with("Source: "), "{line}");
    let unknown = data_sources(ds, "no such indicator", None, Lang::En);
    assert_eq!(unknown, "");
    assert_eq!(
        with_projection("", Lang::En),
        "Source: projection of the scenarios (computed by Oblys from the data cited)"
    );
    assert_eq!(side_source(SlideSource::Scenario(4)), Source::Scenario(4));
}

#[test]
fn every_screens_page_has_unique_ids_and_renders_at_every_preset() {
    let r = renderer(Lang::Kk);
    for screen in SlideScreen::ALL {
        let view = view_as(screen);
        for [w, h] in PRESETS {
            let svg = r.svg(&view, "Бет", Some(PageNumber { n: 1, of: 1 }), w, h);
            parse_svg(&svg).expect("usvg parses the page");
            let doc = Document::parse(&svg).expect("SVG");
            let mut ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
            let count = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), count, "{screen:?} {w}×{h}: duplicate ids");
            assert_eq!(text_of(&svg, "page-number").as_deref(), Some("1 / 1"));
        }
    }
}
