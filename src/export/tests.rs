//! SVG and PNG of scenes of the hand-made dataset (`analysis::fixture`).

use resvg::usvg::roxmltree::Document;

use super::*;
use crate::analysis::fixture::dataset;

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
    assert_eq!(ImageFormat::from_path(Path::new("map.pdf")), None);
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
