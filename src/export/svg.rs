//! A `Scene` as an SVG document: title, map (regions, corridors, symbols, labels), legend and
//! source line, with every text as text (searchable, translatable, crisp when printed).

use std::fmt::Write as _;

use crate::map::style;
use crate::map::{
    Legend, LegendItem, LineStroke, LineStyle, MarkKind, Rgba, Scene, SceneLine, SceneMark,
    SceneSymbol, SymbolShape, WorldPos,
};
use crate::store::codes;

/// Sizes below are for a 1600-px-wide image and scale with the width.
const REFERENCE_WIDTH: f32 = 1600.0;
const MARGIN: f32 = 24.0;
const TITLE_PX: f32 = 26.0;
const SUBTITLE_PX: f32 = 16.0;
const SOURCE_PX: f32 = 12.0;
const LEGEND_WIDTH: f32 = 330.0;
const LEGEND_GAP: f32 = 24.0;
const LEGEND_TITLE_PX: f32 = 15.0;
const LEGEND_TEXT_PX: f32 = 13.0;
const LEGEND_ROW: f32 = 22.0;
const HALO_PX: f32 = 3.0;
/// Font stack: the export loads egui's default font (Ubuntu) as the sans-serif family.
pub(super) const FONT_FAMILY: &str = "Ubuntu, sans-serif";
pub(super) const TEXT_GREY: Rgba = Rgba::rgb(0x55, 0x55, 0x55);

/// Where the parts of the image go, in pixels.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// Pixels per reference pixel (width / 1600).
    k: f32,
    height: f32,
    header: f32,
    footer: f32,
    /// Map area: x, y, width, height.
    map: [f32; 4],
    legend_x: f32,
}

impl Layout {
    fn new(width: f32, height: f32) -> Layout {
        let k = width / REFERENCE_WIDTH;
        let header = (MARGIN + TITLE_PX + 8.0 + SUBTITLE_PX + 14.0) * k;
        let footer = (14.0 + SOURCE_PX + MARGIN) * k;
        let legend_w = LEGEND_WIDTH * k;
        let map_w = (width - 2.0 * MARGIN * k - LEGEND_GAP * k - legend_w).max(1.0);
        let map_h = (height - header - footer).max(1.0);
        Layout {
            k,
            height,
            header,
            footer,
            map: [MARGIN * k, header, map_w, map_h],
            legend_x: MARGIN * k + map_w + LEGEND_GAP * k,
        }
    }
}

/// World → image transform fitting the scene's bounds into the map area (y flipped).
#[derive(Debug, Clone, Copy)]
pub(super) struct Fit {
    scale: f32,
    x0: f32,
    y0: f32,
}

impl Fit {
    pub(super) fn new(bounds: [f32; 4], area: [f32; 4]) -> Fit {
        let [min_x, min_y, max_x, max_y] = bounds;
        let (bw, bh) = ((max_x - min_x).max(1.0), (max_y - min_y).max(1.0));
        let scale = (area[2] / bw).min(area[3] / bh);
        // Centred in the area.
        let x0 = area[0] + (area[2] - bw * scale) / 2.0 - min_x * scale;
        let y0 = area[1] + (area[3] - bh * scale) / 2.0 + max_y * scale;
        Fit { scale, x0, y0 }
    }

    /// Where world point `p` is drawn, image pixels.
    pub(crate) fn px(&self, p: WorldPos) -> [f32; 2] {
        [self.x0 + p[0] * self.scale, self.y0 - p[1] * self.scale]
    }
}

/// Height of the image for `scene` at `width` pixels: the map at its own aspect ratio beside the
/// legend (whichever is taller), plus title and source line.
pub fn export_height(scene: &Scene, width: u32) -> u32 {
    let width = width as f32;
    let probe = Layout::new(width, width);
    let [min_x, min_y, max_x, max_y] = scene.bounds;
    let aspect = if max_x > min_x { (max_y - min_y) / (max_x - min_x) } else { 0.6 };
    let map_h = probe.map[2] * aspect;
    let legend_h = legend_height(&scene.legend) * probe.k;
    (probe.header + map_h.max(legend_h) + probe.footer).ceil() as u32
}

/// Height of the legend in reference pixels (the unit's line only when it has one).
pub(super) fn legend_height(legend: &Legend) -> f32 {
    let unit = if legend.unit.is_empty() { 0.4 } else { 1.6 };
    let mut h = LEGEND_TITLE_PX * 1.4 + LEGEND_TEXT_PX * unit;
    for item in &legend.items {
        h += legend_row_height(item);
    }
    h
}

fn legend_row_height(item: &LegendItem) -> f32 {
    match item {
        LegendItem::Heading { .. } => LEGEND_ROW + 10.0,
        LegendItem::Symbol { radius_px, .. } => LEGEND_ROW.max(radius_px * 2.0 + 6.0),
        LegendItem::Class { .. }
        | LegendItem::NoData { .. }
        | LegendItem::Line { .. }
        | LegendItem::Mark { .. } => LEGEND_ROW,
    }
}

/// Renders `scene` as an SVG document of `width` × `height` pixels.
pub fn scene_to_svg(scene: &Scene, width: u32, height: u32) -> String {
    let layout = Layout::new(width as f32, height as f32);
    let fit = Fit::new(scene.bounds, layout.map);
    let k = layout.k;
    let mut svg = String::with_capacity(64 * 1024);
    // Writing to a String cannot fail; the results are ignored with `let _`.
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = width,
        h = height,
    );
    let _ = write!(svg, "<title>{}</title>", escape(&scene.title));
    write_no_data_pattern(&mut svg, k);
    let _ = write!(svg, r##"<rect width="{width}" height="{height}" fill="#ffffff"/>"##);

    write_header(&mut svg, scene, &layout);
    write_map(&mut svg, scene, &fit, k);
    write_legend(&mut svg, &scene.legend, "legend", [layout.legend_x, layout.header], k);
    let _ = write!(
        svg,
        r#"<text id="source" x="{x:.1}" y="{y:.1}" font-size="{s:.1}" fill="{c}">{t}</text>"#,
        x = MARGIN * k,
        y = layout.height - MARGIN * k,
        s = SOURCE_PX * k,
        c = TEXT_GREY.hex(),
        t = escape(&scene.source_line),
    );
    svg.push_str("</svg>");
    svg
}

/// The `<defs>` of the hatched "no data" fill (`url(#nodata)`), hatch lines scaled by `k`.
pub(super) fn write_no_data_pattern(svg: &mut String, k: f32) {
    let hatch = 7.0 * k;
    let _ = write!(
        svg,
        r#"<defs><pattern id="nodata" patternUnits="userSpaceOnUse" width="{hatch:.2}" height="{hatch:.2}" patternTransform="rotate(45)"><rect width="{hatch:.2}" height="{hatch:.2}" fill="{bg}"/><line x1="0" y1="0" x2="0" y2="{hatch:.2}" stroke="{fg}" stroke-width="{sw:.2}"/></pattern></defs>"#,
        bg = style::NO_DATA_FILL.hex(),
        fg = style::NO_DATA_HATCH.hex(),
        sw = 1.6 * k,
    );
}

/// The map of `scene` through `fit`: regions, corridors, symbols, marks and labels (sizes
/// scaled by `k`).
pub(super) fn write_map(svg: &mut String, scene: &Scene, fit: &Fit, k: f32) {
    write_regions(svg, scene, fit, k);
    write_lines(svg, &scene.lines, fit, k);
    write_symbols(svg, &scene.symbols, fit, k);
    write_marks(svg, &scene.marks, fit, k);
    write_labels(svg, scene, fit, k);
}

fn write_header(svg: &mut String, scene: &Scene, layout: &Layout) {
    let k = layout.k;
    let _ = write!(
        svg,
        // The export font has one weight: a thin stroke of the text colour emboldens the title.
        r#"<text id="title" x="{x:.1}" y="{y:.1}" font-size="{s:.1}" font-weight="bold" fill="{c}" stroke="{c}" stroke-width="{sw:.2}">{t}</text>"#,
        x = MARGIN * k,
        y = (MARGIN + TITLE_PX * 0.8) * k,
        s = TITLE_PX * k,
        sw = 0.6 * k,
        c = style::LABEL_TEXT.hex(),
        t = escape(&scene.title),
    );
    if !scene.subtitle.is_empty() {
        let _ = write!(
            svg,
            r#"<text id="subtitle" x="{x:.1}" y="{y:.1}" font-size="{s:.1}" fill="{c}">{t}</text>"#,
            x = MARGIN * k,
            y = (MARGIN + TITLE_PX + 8.0 + SUBTITLE_PX * 0.8) * k,
            s = SUBTITLE_PX * k,
            c = TEXT_GREY.hex(),
            t = escape(&scene.subtitle),
        );
    }
}

/// `M x y L … Z` for every ring of a mesh.
fn rings_path(rings: &[Vec<WorldPos>], fit: &Fit) -> String {
    let mut d = String::new();
    for ring in rings {
        for (i, p) in ring.iter().enumerate() {
            let [x, y] = fit.px(*p);
            let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
    }
    d
}

fn write_regions(svg: &mut String, scene: &Scene, fit: &Fit, k: f32) {
    svg.push_str(r#"<g id="regions" stroke-linejoin="round">"#);
    for region in &scene.regions {
        let fill = if region.no_data { "url(#nodata)".to_string() } else { region.fill.hex() };
        let mut tooltip = format!("{}: {}", region.name, region.value_label);
        if let Some(note) = &region.note {
            let _ = write!(tooltip, " — {note}");
        }
        let _ = write!(
            svg,
            r#"<path class="region" id="region-{code}" data-value-code="{vc}" d="{d}" fill="{fill}" fill-rule="evenodd" stroke="{s}" stroke-width="{w:.2}"><title>{t}</title></path>"#,
            code = escape(&region.code),
            vc = escape(&region.value_code),
            d = rings_path(&region.mesh.rings, fit),
            s = style::OUTLINE.hex(),
            w = style::OUTLINE_PX * k,
            t = escape(&tooltip),
        );
    }
    for group in &scene.group_outlines {
        let _ = write!(
            svg,
            r#"<path class="group" data-value-code="{vc}" d="{d}" fill="none" stroke="{s}" stroke-width="{w:.2}"/>"#,
            vc = escape(&group.value_code),
            d = rings_path(&group.mesh.rings, fit),
            s = style::GROUP_OUTLINE.hex(),
            w = style::GROUP_OUTLINE_PX * k,
        );
    }
    for region in scene.regions.iter().filter(|r| r.selected) {
        let _ = write!(
            svg,
            r#"<path class="selected" d="{d}" fill="none" stroke="{s}" stroke-width="{w:.2}"/>"#,
            d = rings_path(&region.mesh.rings, fit),
            s = style::SELECTED_OUTLINE.hex(),
            w = style::SELECTED_OUTLINE_PX * k,
        );
    }
    svg.push_str("</g>");
}

/// Stroke attributes of one stroke of a line style, widths and dashes scaled by `k`.
fn stroke_attributes(svg: &mut String, stroke: &LineStroke, k: f32) {
    let _ = write!(
        svg,
        r#" stroke="{}" stroke-width="{:.2}""#,
        stroke.color.hex(),
        stroke.width_px * k
    );
    if stroke.color.0[3] < 255 {
        let _ = write!(svg, r#" stroke-opacity="{:.2}""#, stroke.color.alpha());
    }
    if !stroke.dash.is_empty() {
        svg.push_str(r#" stroke-dasharray=""#);
        for (i, d) in stroke.dash.iter().enumerate() {
            let _ = write!(svg, "{}{:.2}", if i == 0 { "" } else { " " }, d * k);
        }
        svg.push('"');
    }
}

/// The paths of a line style along `d`: the casing, then the line.
fn styled_path(svg: &mut String, d: &str, style: &LineStyle, k: f32) {
    for stroke in style.casing.iter().chain(std::iter::once(&style.line)) {
        let _ = write!(svg, r#"<path d="{d}""#);
        stroke_attributes(svg, stroke, k);
        svg.push_str("/>");
    }
}

/// Corridors as groups of two stroked paths (casing and line) with their name and kind as the
/// group's title.
fn write_lines(svg: &mut String, lines: &[SceneLine], fit: &Fit, k: f32) {
    if lines.is_empty() {
        return;
    }
    svg.push_str(r#"<g id="corridors" fill="none" stroke-linejoin="round">"#);
    for line in lines {
        let mut d = String::with_capacity(line.points.len() * 14);
        for (i, p) in line.points.iter().enumerate() {
            let [x, y] = fit.px(*p);
            let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        let _ = write!(
            svg,
            r#"<g class="corridor" id="corridor-{id}" data-kind="{kind}"><title>{t}</title>"#,
            id = line.id,
            kind = codes::corridor_kind(line.kind),
            t = escape(&line.tooltip),
        );
        styled_path(svg, &d, &line.style, k);
        svg.push_str("</g>");
    }
    svg.push_str("</g>");
}

/// One symbol element (without closing), centred at `c` with radius `r` in image pixels.
fn symbol_element(svg: &mut String, shape: SymbolShape, c: [f32; 2], r: f32) {
    match style::symbol_polygon(shape, c, r) {
        None => {
            let _ = write!(svg, r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.2}""#, c[0], c[1]);
        }
        Some(points) => {
            svg.push_str(r#"<polygon points=""#);
            for (i, p) in points.iter().enumerate() {
                let _ = write!(svg, "{}{:.1},{:.1}", if i == 0 { "" } else { " " }, p[0], p[1]);
            }
            svg.push('"');
        }
    }
}

fn paint_attributes(svg: &mut String, fill: Rgba, stroke: Rgba, stroke_px: f32) {
    let _ = write!(svg, r#" fill="{}""#, fill.hex());
    if fill.0[3] < 255 {
        let _ = write!(svg, r#" fill-opacity="{:.2}""#, fill.alpha());
    }
    let _ = write!(svg, r#" stroke="{}" stroke-width="{stroke_px:.2}""#, stroke.hex());
    if stroke.0[3] < 255 {
        let _ = write!(svg, r#" stroke-opacity="{:.2}""#, stroke.alpha());
    }
}

fn write_symbols(svg: &mut String, symbols: &[SceneSymbol], fit: &Fit, k: f32) {
    svg.push_str(r#"<g id="symbols" stroke-linejoin="round">"#);
    for symbol in symbols {
        symbol_element(svg, symbol.shape, fit.px(symbol.pos), symbol.radius_px * k);
        paint_attributes(svg, symbol.fill, symbol.stroke, symbol.stroke_px * k);
        let _ = write!(
            svg,
            "><title>{}</title></{}>",
            escape(&symbol.tooltip),
            element_name(symbol.shape)
        );
    }
    svg.push_str("</g>");
}

/// The marks on regions (`<g id="marks">`), each a dark polygon over its light halo (the
/// stroke is painted first, so only its outer half shows), as the screen paints them.
fn write_marks(svg: &mut String, marks: &[SceneMark], fit: &Fit, k: f32) {
    if marks.is_empty() {
        return;
    }
    svg.push_str(r#"<g id="marks" stroke-linejoin="round">"#);
    for mark in marks {
        let _ = write!(
            svg,
            r#"<polygon class="mark mark-{}" data-code="{}""#,
            mark.kind.key(),
            escape(&mark.code)
        );
        mark_element(svg, mark.kind, fit.px(mark.pos), k);
    }
    svg.push_str("</g>");
}

/// The rest of a mark's `<polygon`: its points around `c` and its paint, sizes scaled by `k`.
pub(crate) fn mark_element(svg: &mut String, kind: MarkKind, c: [f32; 2], k: f32) {
    svg.push_str(r#" points=""#);
    for (i, p) in kind.polygon(c, MarkKind::SIZE_PX * k).iter().enumerate() {
        let _ = write!(svg, "{}{:.1},{:.1}", if i == 0 { "" } else { " " }, p[0], p[1]);
    }
    let _ = write!(
        svg,
        r#"" fill="{}" stroke="{}" stroke-width="{:.2}" paint-order="stroke"/>"#,
        MarkKind::FILL.hex(),
        MarkKind::HALO.hex(),
        2.0 * MarkKind::HALO_PX * k,
    );
}

fn element_name(shape: SymbolShape) -> &'static str {
    if shape == SymbolShape::Circle { "circle" } else { "polygon" }
}

fn write_labels(svg: &mut String, scene: &Scene, fit: &Fit, k: f32) {
    svg.push_str(r#"<g id="labels" text-anchor="middle" stroke-linejoin="round">"#);
    for label in &scene.labels {
        let [x, y] = fit.px(label.pos);
        let size = label.size_px * k;
        let (x, y) = (x + label.offset_px[0] * k, y + label.offset_px[1] * k);
        let _ = write!(
            svg,
            r#"<text x="{x:.1}" y="{by:.1}" font-size="{size:.1}" fill="{c}" stroke="{h}" stroke-opacity="{ho:.2}" stroke-width="{hw:.2}" paint-order="stroke">{t}</text>"#,
            // Baseline so that the text's x-height is centred on the anchor.
            by = y + size * 0.35,
            c = label.color.hex(),
            h = label.halo.hex(),
            ho = label.halo.alpha(),
            hw = HALO_PX * k,
            t = escape(&label.text),
        );
    }
    svg.push_str("</g>");
}

/// The legend as the group `id` with its top left corner at `at`, sizes scaled by `k`.
pub(super) fn write_legend(svg: &mut String, legend: &Legend, id: &str, at: [f32; 2], k: f32) {
    let [x, mut y] = at;
    let _ = write!(svg, r#"<g id="{id}">"#);
    let _ = write!(
        svg,
        r#"<text x="{x:.1}" y="{yy:.1}" font-size="{s:.1}" font-weight="bold" fill="{c}">{t}</text>"#,
        yy = y + LEGEND_TITLE_PX * k,
        s = LEGEND_TITLE_PX * k,
        c = style::LABEL_TEXT.hex(),
        t = escape(&legend.title),
    );
    y += LEGEND_TITLE_PX * 1.4 * k;
    // A legend without a unit (classes of an index, moves) leaves no empty line.
    if legend.unit.is_empty() {
        y += LEGEND_TEXT_PX * 0.4 * k;
    } else {
        let _ = write!(
            svg,
            r#"<text x="{x:.1}" y="{yy:.1}" font-size="{s:.1}" fill="{c}">{t}</text>"#,
            yy = y + LEGEND_TEXT_PX * k,
            s = LEGEND_TEXT_PX * k,
            c = TEXT_GREY.hex(),
            t = escape(&legend.unit),
        );
        y += LEGEND_TEXT_PX * 1.6 * k;
    }
    let text_x = x + 34.0 * k;
    for item in &legend.items {
        let row = legend_row_height(item) * k;
        let mid = y + row / 2.0;
        let label = match item {
            LegendItem::Class { fill, label } | LegendItem::NoData { fill, label } => {
                let paint = if matches!(item, LegendItem::NoData { .. }) {
                    "url(#nodata)".to_string()
                } else {
                    fill.hex()
                };
                let _ = write!(
                    svg,
                    r#"<rect class="legend-class" x="{x:.1}" y="{ry:.1}" width="{w:.1}" height="{h:.1}" fill="{paint}" stroke="{s}" stroke-width="{sw:.2}"/>"#,
                    ry = mid - 8.0 * k,
                    w = 26.0 * k,
                    h = 16.0 * k,
                    s = style::OUTLINE.hex(),
                    sw = style::OUTLINE_PX * k,
                );
                label
            }
            LegendItem::Symbol { shape, radius_px, fill, stroke, stroke_px, label } => {
                symbol_element(svg, *shape, [x + 13.0 * k, mid], radius_px * k);
                paint_attributes(svg, *fill, *stroke, stroke_px * k);
                svg.push_str("/>");
                label
            }
            LegendItem::Mark { fill, mark, label } => {
                let _ = write!(
                    svg,
                    r#"<rect class="legend-class" x="{x:.1}" y="{ry:.1}" width="{w:.1}" height="{h:.1}" fill="{f}" stroke="{s}" stroke-width="{sw:.2}"/>"#,
                    ry = mid - 8.0 * k,
                    w = 26.0 * k,
                    h = 16.0 * k,
                    f = fill.hex(),
                    s = style::OUTLINE.hex(),
                    sw = style::OUTLINE_PX * k,
                );
                let _ = write!(svg, r#"<polygon class="legend-mark mark-{}""#, mark.key());
                mark_element(svg, *mark, [x + 26.0 * k + 14.0 * k, mid], k);
                let _ = write!(
                    svg,
                    r#"<text x="{tx:.1}" y="{ty:.1}" font-size="{s:.1}" fill="{c}">{t}</text>"#,
                    tx = text_x + 22.0 * k,
                    ty = mid + LEGEND_TEXT_PX * 0.35 * k,
                    s = LEGEND_TEXT_PX * k,
                    c = style::LABEL_TEXT.hex(),
                    t = escape(label),
                );
                y += row;
                continue;
            }
            LegendItem::Line { style, label } => {
                let d = format!("M{:.1} {mid:.1}L{:.1} {mid:.1}", x + 1.0 * k, x + 25.0 * k);
                svg.push_str(r#"<g class="legend-line" fill="none">"#);
                styled_path(svg, &d, style, k);
                svg.push_str("</g>");
                label
            }
            LegendItem::Heading { label } => {
                let _ = write!(
                    svg,
                    r#"<text x="{x:.1}" y="{ty:.1}" font-size="{s:.1}" font-weight="bold" fill="{c}">{t}</text>"#,
                    ty = y + row - 6.0 * k,
                    s = LEGEND_TEXT_PX * k,
                    c = style::LABEL_TEXT.hex(),
                    t = escape(label),
                );
                y += row;
                continue;
            }
        };
        let _ = write!(
            svg,
            r#"<text x="{text_x:.1}" y="{ty:.1}" font-size="{s:.1}" fill="{c}">{t}</text>"#,
            ty = mid + LEGEND_TEXT_PX * 0.35 * k,
            s = LEGEND_TEXT_PX * k,
            c = style::LABEL_TEXT.hex(),
            t = escape(label),
        );
        y += row;
    }
    svg.push_str("</g>");
}

/// Escapes text for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_names_safe_in_xml() {
        assert_eq!(escape(r#"A & B <"c">"#), "A &amp; B &lt;&quot;c&quot;&gt;");
    }

    #[test]
    fn fit_centres_the_bounds_and_flips_y() {
        let fit = Fit::new([0.0, 0.0, 100.0, 50.0], [10.0, 20.0, 200.0, 200.0]);
        assert_eq!(fit.scale, 2.0);
        // 100 px of map height centred in 200: 50 px above and below.
        assert_eq!(fit.px([0.0, 50.0]), [10.0, 70.0]);
        assert_eq!(fit.px([100.0, 0.0]), [210.0, 170.0]);
    }
}
