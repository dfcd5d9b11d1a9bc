//! SVG to PNG with resvg, using egui's default font (Ubuntu, which covers the Kazakh and Russian
//! Cyrillic letters) so the exported image needs no system fonts and looks like the app.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use crate::export::ExportError;
use crate::export::svg::{export_height, scene_to_svg};
use crate::map::Scene;

/// Widest image we render; a bigger one would need gigabytes of memory.
pub const MAX_WIDTH: u32 = 16_384;
/// Narrowest image in which the map is still legible.
pub const MIN_WIDTH: u32 = 200;

/// The font database: egui's default fonts, parsed once per process.
pub(super) fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
            // Every generic family resolves to Ubuntu, the font egui draws the app with.
            let ubuntu = db
                .faces()
                .find(|f| f.families.iter().any(|(name, _)| name.starts_with("Ubuntu")))
                .and_then(|f| f.families.first().map(|(name, _)| name.clone()));
            if let Some(name) = ubuntu {
                db.set_sans_serif_family(name.clone());
                db.set_serif_family(name);
            }
            Arc::new(db)
        })
        .clone()
}

/// Renders an SVG document to PNG bytes of `width` × `height` pixels.
pub fn svg_to_png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "Ubuntu".to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Render(format!("the map's SVG is invalid: {e}")))?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(ExportError::Size { width })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width().max(1.0),
        height as f32 / size.height().max(1.0),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| ExportError::Render(format!("PNG encoding failed: {e}")))
}

/// Renders `scene` to PNG bytes `width` pixels wide (the height follows from the map's aspect
/// ratio and the legend).
pub fn scene_to_png(scene: &Scene, width: u32) -> Result<Vec<u8>, ExportError> {
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&width) {
        return Err(ExportError::Size { width });
    }
    let height = export_height(scene, width);
    svg_to_png(&scene_to_svg(scene, width, height), width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_font_has_every_kazakh_and_russian_letter() {
        let db = fonts();
        let id = db.query(&usvg::fontdb::Query {
            families: &[usvg::fontdb::Family::SansSerif],
            ..usvg::fontdb::Query::default()
        });
        let id = id.expect("a sans-serif face");
        let letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІіЁёЙйЩщЪъЫыЭэЮюЯя–−\u{a0}";
        let missing: Vec<char> = db
            .with_face_data(id, |data, index| {
                let face = ttf_parser::Face::parse(data, index).ok();
                letters
                    .chars()
                    .filter(|c| face.as_ref().is_none_or(|f| f.glyph_index(*c).is_none()))
                    .collect()
            })
            .expect("face data");
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }

    #[test]
    fn widths_outside_the_supported_range_are_refused() {
        let scene = Scene::default();
        assert!(matches!(scene_to_png(&scene, 10), Err(ExportError::Size { width: 10 })));
        assert!(matches!(scene_to_png(&scene, 100_000), Err(ExportError::Size { width: 100_000 })));
    }
}
