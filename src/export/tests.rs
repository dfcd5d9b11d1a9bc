//! SVG and PNG of scenes of the hand-made dataset (`analysis::fixture`).

use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree::Document;

use super::*;
use crate::analysis::fixture::dataset;
use crate::model::{Corridor, CorridorKind, Names};

fn scene(indicator: &str, year: i32, lang: Lang) -> Scene {
    let ds = dataset();
    build_scene(&ds, &MapGeometry::new(&ds), &MapView::new(indicator, year, lang))
}

fn texts(svg: &str) -> Vec<String> {
    let doc = Document::parse(svg).expect("well-formed SVG");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect()
}

#[test]
fn every_text_of_the_scene_is_svg_text() {
    let s = scene("pop", 2022, Lang::Kk);
    let svg = scene_to_svg(&s, 1000, export_height(&s, 1000));
    let texts = texts(&svg);
    for expected in [
        s.title.as_str(),
        "бірлік",
        "Aaa облысы",
        "110,0",
        "Өсу нүктелері",
        "Жобалар",
        "Энергетика",
    ] {
        assert!(texts.iter().any(|t| t == expected), "«{expected}» missing in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.starts_with("Деректер: Қазақстан Ұлттық статистика бюросы")));
}

#[test]
fn regions_without_data_are_hatched_and_listed_in_the_legend() {
    let s = scene("pop", 2019, Lang::En);
    let svg = scene_to_svg(&s, 800, export_height(&s, 800));
    let doc = Document::parse(&svg).unwrap();
    let fills: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("region"))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert_eq!(fills, ["url(#nodata)", "url(#nodata)"]);
    let legend_fills: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend-class"))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert_eq!(legend_fills, ["url(#nodata)"]);
    assert!(texts(&svg).contains(&"No data".to_string()));
}

#[test]
fn png_has_the_requested_width_and_the_export_height() {
    let s = scene("pop", 2022, Lang::Ru);
    let png = scene_to_png(&s, 640).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!((width, height), (640, export_height(&s, 640)));
}

#[test]
fn output_format_follows_the_extension() {
    assert_eq!(ImageFormat::from_path(Path::new("a/map.SVG")), Some(ImageFormat::Svg));
    assert_eq!(ImageFormat::from_path(Path::new("map.png")), Some(ImageFormat::Png));
    assert_eq!(ImageFormat::from_path(Path::new("map.PDF")), Some(ImageFormat::Pdf));
    assert_eq!(ImageFormat::from_path(Path::new("map.jpg")), None);
    assert_eq!(ImageFormat::from_path(Path::new("map")), None);
}

#[test]
fn a_request_for_an_unknown_indicator_or_an_empty_year_names_what_exists() {
    let ds = dataset();
    let mut request = MapRequest {
        file: PathBuf::from("unused.oblys"),
        indicator: "gdp".to_string(),
        year: 2020,
        lang: Lang::En,
        out: PathBuf::from("map.svg"),
        width: 800,
        current_boundaries: false,
    };
    let error = scene_for_request(&ds, &request).unwrap_err().to_string();
    assert_eq!(error, "unknown indicator «gdp»; the file has: gpc, grp, inv, lf, pop, unemp");
    request.indicator = "pop".to_string();
    request.year = 2019;
    let error = scene_for_request(&ds, &request).unwrap_err().to_string();
    assert_eq!(error, "«pop» has no regional data for 2019; years with data: 2020, 2022");
    request.year = 2020;
    request.current_boundaries = true;
    let scene = scene_for_request(&ds, &request).unwrap();
    assert_eq!(scene.edition, "2022");
    assert_eq!(scene.group_outlines.len(), 1);
}

/// The fixture with one corridor of each kind.
fn with_corridors() -> Dataset {
    let corridor = |id: i64, kind: CorridorKind, en: &str, line: Vec<(f64, f64)>| Corridor {
        id,
        names: Names::new("", "", en),
        kind,
        line: line.into(),
    };
    let mut ds = dataset();
    ds.corridors = vec![
        corridor(1, CorridorKind::Road, "A-1 & M-32", vec![(60.2, 45.5), (63.8, 45.5)]),
        corridor(2, CorridorKind::PowerLine, "North line", vec![(60.5, 46.8), (63.5, 46.8)]),
        corridor(
            3,
            CorridorKind::Pipeline,
            "Gas main",
            vec![(61.0, 45.2), (62.0, 46.0), (63.0, 45.2)],
        ),
        corridor(4, CorridorKind::Railway, "Steppe railway", vec![(60.5, 46.2), (63.5, 46.2)]),
    ];
    ds
}

fn corridor_scene(lang: Lang, labels_and_symbols: bool) -> Scene {
    let ds = with_corridors();
    let mut view = MapView::new("pop", 2022, lang);
    view.show_labels = labels_and_symbols;
    view.show_growth_points = labels_and_symbols;
    view.show_projects = labels_and_symbols;
    build_scene(&ds, &MapGeometry::new(&ds), &view)
}

#[test]
fn corridors_are_exported_as_styled_paths_between_regions_and_symbols_with_legend_lines() {
    let s = corridor_scene(Lang::En, true);
    let svg = scene_to_svg(&s, 1600, export_height(&s, 1600));
    let doc = Document::parse(&svg).expect("well-formed SVG");
    let groups: Vec<_> =
        doc.descendants().filter(|n| n.attribute("class") == Some("corridor")).collect();
    let kinds: Vec<&str> = groups.iter().filter_map(|n| n.attribute("data-kind")).collect();
    assert_eq!(kinds, ["pipeline", "power_line", "road", "railway"]);
    let title = |n: &resvg::usvg::roxmltree::Node| {
        n.children().find(|c| c.has_tag_name("title")).and_then(|t| t.text()).map(str::to_string)
    };
    assert_eq!(title(&groups[2]).as_deref(), Some("A-1 & M-32 — Road"));
    // Each corridor: its casing, then its line; the railway white dashes over a dark body.
    let strokes = |n: &resvg::usvg::roxmltree::Node| -> Vec<(String, String, Option<String>)> {
        n.children()
            .filter(|c| c.has_tag_name("path"))
            .map(|c| {
                (
                    c.attribute("stroke").unwrap_or_default().to_string(),
                    c.attribute("stroke-width").unwrap_or_default().to_string(),
                    c.attribute("stroke-dasharray").map(str::to_string),
                )
            })
            .collect()
    };
    assert_eq!(
        strokes(&groups[3]),
        [
            ("#262626".to_string(), "4.00".to_string(), None),
            ("#ffffff".to_string(), "2.00".to_string(), Some("8.00 8.00".to_string()))
        ]
    );
    assert_eq!(strokes(&groups[1])[1].2.as_deref(), Some("9.00 3.00 2.00 3.00"));
    let pipeline_d =
        groups[0].children().find(|c| c.has_tag_name("path")).and_then(|c| c.attribute("d"));
    assert_eq!(pipeline_d.map(|d| d.matches('L').count()), Some(2));
    // Drawn above the regions and below the symbols.
    let order: Vec<&str> = doc
        .root_element()
        .children()
        .filter_map(|n| n.attribute("id"))
        .filter(|id| ["regions", "corridors", "symbols"].contains(id))
        .collect();
    assert_eq!(order, ["regions", "corridors", "symbols"]);
    let texts = texts(&svg);
    for expected in ["Corridors", "Railway", "Road", "Power line", "Pipeline"] {
        assert!(texts.iter().any(|t| t == expected), "«{expected}» missing in {texts:?}");
    }
    let legend_lines = doc.descendants().filter(|n| n.attribute("class") == Some("legend-line"));
    assert_eq!(legend_lines.count(), 4);
}

#[test]
fn the_exported_png_draws_the_railway_as_white_dashes_on_a_dark_body() {
    let s = corridor_scene(Lang::Kk, false);
    // At 3200 px every width is doubled: the body is 8 px, the dashes 4 px wide and 16 px long.
    let (width, height) = (3200, export_height(&s, 3200));
    let svg = scene_to_svg(&s, width, height);
    let doc = Document::parse(&svg).unwrap();
    let railway = doc
        .descendants()
        .find(|n| n.attribute("data-kind") == Some("railway"))
        .and_then(|g| g.children().find(|c| c.has_tag_name("path")))
        .and_then(|p| p.attribute("d"))
        .unwrap()
        .to_string();
    let numbers: Vec<f32> = railway
        .split(['M', 'L', ' '])
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().unwrap())
        .collect();
    let [x0, y0, x1, y1] = numbers[..] else { panic!("one segment expected: {railway}") };
    let png = svg_to_png(&svg, width, height).unwrap();
    let pixmap = Pixmap::decode_png(&png).unwrap();
    let y_at = |x: f32| y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    let pixel = |x: f32, y: f32| {
        let p = pixmap.pixel(x as u32, y as u32).unwrap();
        [p.red(), p.green(), p.blue()]
    };
    let bright = |c: [u8; 3]| c.iter().all(|v| *v > 235);
    let dark = |c: [u8; 3]| c.iter().all(|v| *v < 70);
    // In the first dash: white on the centre line, dark at the body's edge.
    let x = x0 + 8.0;
    assert!(bright(pixel(x, y_at(x))), "{:?}", pixel(x, y_at(x)));
    let edge = (y_at(x) + 2.0).floor() + 1.0;
    assert!(dark(pixel(x, edge)), "{:?}", pixel(x, edge));
    // In the first gap: dark on the centre line too.
    let x = x0 + 24.0;
    assert!(dark(pixel(x, y_at(x))), "{:?}", pixel(x, y_at(x)));
}

#[test]
fn marks_are_dark_polygons_over_a_light_halo_above_the_symbols_and_beside_their_swatch() {
    use crate::map::{LegendItem, MarkKind, Rgba, SceneMark};
    let mut s = scene("pop", 2022, Lang::En);
    // Region labels sit on the same anchors (the change map has none).
    s.labels.clear();
    let kinds = [MarkKind::Up, MarkKind::Down, MarkKind::Same];
    s.marks = s
        .regions
        .iter()
        .zip(kinds.iter().cycle())
        .map(|(r, kind)| SceneMark { pos: r.label_anchor, code: r.code.clone(), kind: *kind })
        .collect();
    s.legend.items.push(LegendItem::Mark {
        fill: Rgba::rgb(0x00, 0x9e, 0x73),
        mark: MarkKind::Up,
        label: "Up a class".to_string(),
    });
    let (width, height) = (1600, export_height(&s, 1600));
    let svg = scene_to_svg(&s, width, height);
    let doc = Document::parse(&svg).expect("SVG");
    let groups: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
    let at = |id: &str| groups.iter().position(|g| *g == id).expect(id);
    assert!(at("symbols") < at("marks") && at("marks") < at("labels"), "{groups:?}");
    let marks: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.starts_with("mark ")))
        .collect();
    assert_eq!(marks.len(), s.regions.len());
    for (node, mark) in marks.iter().zip(&s.marks) {
        assert_eq!(node.attribute("data-code"), Some(mark.code.as_str()));
        assert_eq!(
            node.attribute("class"),
            Some(format!("mark mark-{}", mark.kind.key()).as_str())
        );
        assert_eq!(node.attribute("fill"), Some("#1a1a1a"));
        // The halo: a white stroke of twice its width painted under the fill.
        assert_eq!(node.attribute("stroke"), Some("#ffffff"));
        assert_eq!(node.attribute("stroke-width"), Some("3.00"));
        assert_eq!(node.attribute("paint-order"), Some("stroke"));
        let corners = node.attribute("points").unwrap_or_default().split(' ').count();
        assert_eq!(corners, if mark.kind == MarkKind::Same { 4 } else { 3 });
    }
    let legend = doc.descendants().find(|n| n.attribute("id") == Some("legend")).expect("legend");
    let swatch_then_mark: Vec<&str> = legend
        .descendants()
        .filter_map(|n| n.attribute("class"))
        .filter(|c| c.starts_with("legend-"))
        .collect();
    assert!(swatch_then_mark.ends_with(&["legend-class", "legend-mark mark-up"]));
    // Rendered: dark at the centre of the first mark.
    let first = marks.first().expect("a mark");
    let points: Vec<f32> = first
        .attribute("points")
        .unwrap_or_default()
        .split([' ', ','])
        .map(|t| t.parse().expect("a number"))
        .collect();
    let (xs, ys): (Vec<f32>, Vec<f32>) = points.chunks(2).map(|p| (p[0], p[1])).unzip();
    let cx = xs.iter().sum::<f32>() / xs.len() as f32;
    let cy = ys.iter().sum::<f32>() / ys.len() as f32;
    let pixmap = Pixmap::decode_png(&svg_to_png(&svg, width, height).unwrap()).unwrap();
    let p = pixmap.pixel(cx as u32, cy as u32).unwrap();
    assert!([p.red(), p.green(), p.blue()].iter().all(|v| *v < 60), "{p:?}");
}
