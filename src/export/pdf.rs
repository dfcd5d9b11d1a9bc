//! Vector PDF export: a map page or a deck of slide pages, drawn from the same SVG as the SVG
//! export and converted by svg2pdf. Regions stay paths and text stays text (the Ubuntu font the
//! app uses, subset and embedded), so a deck is small and its words can be searched and copied.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use resvg::usvg;

use crate::export::png::fonts;
use crate::export::svg::scene_to_svg;
use crate::export::{ExportError, MAX_WIDTH, MIN_WIDTH};
use crate::map::Scene;

/// The size of a PDF page in points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

impl PageSize {
    /// A 16:9 slide, 13⅓ × 7½ inches: the widescreen page of presentation programs.
    pub const SLIDE_16_9: PageSize = PageSize { width: 960.0, height: 540.0 };
}

/// Parses an SVG document with the app's fonts, so Kazakh and Russian text finds its glyphs
/// without any system font.
pub fn parse_svg(svg: &str) -> Result<usvg::Tree, ExportError> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "Ubuntu".to_string(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Render(format!("the map's SVG is invalid: {e}")))
}

/// The map's layout width must be one the PNG export accepts too, so the text stays legible.
fn check_width(width: u32) -> Result<(), ExportError> {
    if (MIN_WIDTH..=MAX_WIDTH).contains(&width) { Ok(()) } else { Err(ExportError::Size { width }) }
}

fn conversion_failed(e: svg2pdf::ConversionError) -> ExportError {
    ExportError::Render(format!("PDF conversion failed: {e}"))
}

/// Renders `scene` as a one-page PDF whose page is `width` × `height` points — the size of the
/// SVG export in pixels, one pixel per point.
pub fn scene_to_pdf(scene: &Scene, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    check_width(width)?;
    let tree = parse_svg(&scene_to_svg(scene, width, height))?;
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), svg2pdf::PageOptions::default())
        .map_err(conversion_failed)
}

/// Renders every scene as one page of a deck of `page`-sized pages; each map is laid out at
/// `width` pixels as in the SVG export, then scaled to fit its page.
pub fn scenes_to_pdf_deck(
    scenes: &[Scene],
    width: u32,
    page: PageSize,
) -> Result<Vec<u8>, ExportError> {
    check_width(width)?;
    let trees = scenes
        .iter()
        .map(|scene| {
            let height = crate::export::export_height(scene, width);
            parse_svg(&scene_to_svg(scene, width, height))
        })
        .collect::<Result<Vec<_>, _>>()?;
    pdf_deck(&trees, page)
}

/// Writes a PDF with one `page`-sized page per tree, in order. Each drawing keeps its aspect
/// ratio, is scaled to fit its page and centred on it; the rest of the page stays white.
pub fn pdf_deck(pages: &[usvg::Tree], page: PageSize) -> Result<Vec<u8>, ExportError> {
    if pages.is_empty() {
        return Err(ExportError::Render("a PDF deck needs at least one slide".to_string()));
    }
    if !(page.width > 0.0 && page.height > 0.0 && page.width.is_finite() && page.height.is_finite())
    {
        return Err(ExportError::Render(format!(
            "page size {} × {} pt is not a page",
            page.width, page.height
        )));
    }
    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let page_tree_id = alloc.bump();
    let page_ids: Vec<Ref> = pages.iter().map(|_| alloc.bump()).collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(page_tree_id);
    pdf.pages(page_tree_id).kids(page_ids.iter().copied()).count(page_ids.len() as i32);

    let drawing_name = Name(b"S1");
    for (tree, &page_id) in pages.iter().zip(&page_ids) {
        // Each drawing becomes a self-contained chunk (its form XObject, fonts, colour space);
        // renumbered into this file's reference space so the chunks never collide.
        let (chunk, drawing) = svg2pdf::to_chunk(tree, svg2pdf::ConversionOptions::default())
            .map_err(conversion_failed)?;
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let Some(&drawing_id) = renumbered.get(&drawing) else {
            return Err(ExportError::Render("PDF conversion lost the drawing".to_string()));
        };
        let content_id = alloc.bump();

        let mut pdf_page = pdf.page(page_id);
        pdf_page.media_box(Rect::new(0.0, 0.0, page.width, page.height));
        pdf_page.parent(page_tree_id);
        pdf_page.contents(content_id);
        pdf_page.resources().x_objects().pair(drawing_name, drawing_id);
        pdf_page.finish();

        // The XObject is one point square; scale it to the fitted size and centre it.
        let size = tree.size();
        let scale = (page.width / size.width()).min(page.height / size.height());
        let (w, h) = (size.width() * scale, size.height() * scale);
        let (x, y) = ((page.width - w) / 2.0, (page.height - h) / 2.0);
        let mut content = Content::new();
        content.save_state();
        content.transform([w, 0.0, 0.0, h, x, y]);
        content.x_object(drawing_name);
        content.restore_state();
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
    }
    pdf.document_info(alloc.bump()).producer(TextStr("Oblys"));
    Ok(pdf.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(width: u32, height: u32, text: &str) -> usvg::Tree {
        let svg = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">
                 <rect x="10" y="10" width="50" height="30" fill="#3070b0"/>
                 <text x="10" y="80" font-size="20">{text}</text>
               </svg>"##
        );
        parse_svg(&svg).expect("valid test SVG")
    }

    /// Counts `/Type /Page` objects (not `/Type /Pages`) in an uncompressed page tree.
    fn page_objects(pdf: &[u8]) -> usize {
        let needle = b"/Type /Page";
        pdf.windows(needle.len() + 1)
            .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
            .count()
    }

    #[test]
    fn a_deck_has_one_page_per_drawing_of_the_requested_size() {
        let pages = [tree(400, 300, "Ақмола"), tree(300, 300, "Абай"), tree(800, 200, "Алматы")];
        let pdf = pdf_deck(&pages, PageSize::SLIDE_16_9).expect("deck written");
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(page_objects(&pdf), 3);
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches("/MediaBox [0 0 960 540]").count(), 3);
        assert!(text.contains("/Count 3"));
    }

    #[test]
    fn a_drawing_is_fitted_and_centred_on_its_page() {
        // 400 × 300 on 960 × 540: height limits, scale 1.8 → 720 × 540 at x = 120.
        let pdf = pdf_deck(&[tree(400, 300, "x")], PageSize::SLIDE_16_9).expect("deck written");
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("720 0 0 540 120 0 cm"), "no fitted transform");
    }

    #[test]
    fn an_empty_deck_and_an_empty_page_are_refused() {
        assert!(matches!(pdf_deck(&[], PageSize::SLIDE_16_9), Err(ExportError::Render(_))));
        let flat = PageSize { width: 960.0, height: 0.0 };
        assert!(matches!(pdf_deck(&[tree(10, 10, "x")], flat), Err(ExportError::Render(_))));
    }

    #[test]
    fn map_widths_outside_the_export_range_are_refused() {
        let scene = Scene::default();
        assert!(matches!(scene_to_pdf(&scene, 10, 10), Err(ExportError::Size { width: 10 })));
        let deck = scenes_to_pdf_deck(&[scene], 100_000, PageSize::SLIDE_16_9);
        assert!(matches!(deck, Err(ExportError::Size { width: 100_000 })));
    }

    #[test]
    fn a_scene_page_is_as_large_as_the_svg_in_points() {
        let pdf = scene_to_pdf(&Scene::default(), 640, 480).expect("page written");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(String::from_utf8_lossy(&pdf).contains("/MediaBox [0 0 640 480]"));
    }
}
