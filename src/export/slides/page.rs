//! The frame every exported slide page shares: white page, slide title and subtitle at the top,
//! the source lines and "n / N" at the bottom, the body between them; and text measured with
//! the export font so that long titles and names are cut with "…" instead of running off.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::export::svg::{FONT_FAMILY, TEXT_GREY, escape, write_no_data_pattern};
use crate::map::Rgba;
use crate::map::style;

/// Sizes below are for a 1600 × 900 page and scale with the page.
const REFERENCE: [f32; 2] = [1600.0, 900.0];
const MARGIN: f32 = 32.0;
const TITLE_PX: f32 = 38.0;
const SUBTITLE_PX: f32 = 20.0;
const SOURCE_PX: f32 = 13.0;
const SOURCE_LINE: f32 = 1.4;
/// Average advance of a character relative to the font size, for a glyph the font lacks.
const FALLBACK_EM: f32 = 0.56;

/// Colour of body text.
pub(super) const TEXT: Rgba = style::LABEL_TEXT;
/// Colour of secondary text (units, sources, axis labels).
pub(super) const MUTED: Rgba = TEXT_GREY;

/// Where slide `n` of `of` is in its deck; drawn as "n / of" in the page's corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber {
    /// From 1.
    pub n: usize,
    pub of: usize,
}

/// What a screen puts on a page: the line under the title, the body's SVG, and the lines of
/// the footer naming the data's sources.
#[derive(Debug, Clone, Default)]
pub(super) struct Body {
    pub subtitle: String,
    pub svg: String,
    pub sources: Vec<String>,
}

/// The geometry of one page in pixels.
#[derive(Debug, Clone, Copy)]
pub(super) struct Page {
    pub width: f32,
    pub height: f32,
    /// Pixels per reference pixel.
    pub k: f32,
    /// The area between header and footer: x, y, width, height.
    pub body: [f32; 4],
}

impl Page {
    pub fn new(width: u32, height: u32) -> Page {
        let (width, height) = (width as f32, height as f32);
        let k = (width / REFERENCE[0]).min(height / REFERENCE[1]);
        let header = (MARGIN + TITLE_PX + 10.0 + SUBTITLE_PX + 22.0) * k;
        let footer = (14.0 + 2.0 * SOURCE_PX * SOURCE_LINE + MARGIN * 0.75) * k;
        let margin = MARGIN * k;
        Page {
            width,
            height,
            k,
            body: [
                margin,
                header,
                (width - 2.0 * margin).max(1.0),
                (height - header - footer).max(1.0),
            ],
        }
    }

    fn margin(&self) -> f32 {
        MARGIN * self.k
    }
}

/// The whole page: frame around `body`, titled `title`, numbered `number`.
pub(super) fn page_svg(
    page: &Page,
    title: &str,
    body: &Body,
    number: Option<PageNumber>,
) -> String {
    let k = page.k;
    let (w, h) = (page.width, page.height);
    let mut svg = String::with_capacity(body.svg.len() + 4096);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
    );
    let _ = write!(svg, "<title>{}</title>", escape(title));
    write_no_data_pattern(&mut svg, k);
    let _ = write!(svg, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
    let m = page.margin();
    let text_width = w - 2.0 * m;
    let title_size = TITLE_PX * k;
    text(
        &mut svg,
        &Text::new(m, m + title_size * 0.8, title_size).bold().id("title"),
        &fit_text(title, title_size, text_width),
    );
    if !body.subtitle.is_empty() {
        let size = SUBTITLE_PX * k;
        let y = m + title_size + 10.0 * k + size * 0.8;
        text(
            &mut svg,
            &Text::new(m, y, size).color(MUTED).id("subtitle"),
            &fit_text(&body.subtitle, size, text_width),
        );
    }
    svg.push_str(&body.svg);

    let size = SOURCE_PX * k;
    let number_text = number.map(|p| format!("{} / {}", p.n, p.of)).unwrap_or_default();
    let number_width = text_width_px(&number_text, size * 1.2) + 24.0 * k;
    let bottom = h - m * 0.75;
    let lines: Vec<&String> = body.sources.iter().filter(|l| !l.is_empty()).take(2).collect();
    for (i, line) in lines.iter().enumerate() {
        let y = bottom - (lines.len() - 1 - i) as f32 * size * SOURCE_LINE;
        text(
            &mut svg,
            &Text::new(m, y, size).color(MUTED).class("source"),
            &fit_text(line, size, text_width - number_width),
        );
    }
    if number.is_some() {
        text(
            &mut svg,
            &Text::new(w - m, bottom, size * 1.2).color(MUTED).end().id("page-number"),
            &number_text,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// How one `<text>` is drawn.
#[derive(Debug, Clone, Copy)]
pub(super) struct Text<'a> {
    pub x: f32,
    /// Baseline.
    pub y: f32,
    pub size: f32,
    pub color: Rgba,
    pub bold: bool,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    pub id: Option<&'a str>,
    pub class: Option<&'a str>,
}

impl<'a> Text<'a> {
    pub fn new(x: f32, y: f32, size: f32) -> Text<'a> {
        Text { x, y, size, color: TEXT, bold: false, anchor: "start", id: None, class: None }
    }
    pub fn color(self, color: Rgba) -> Text<'a> {
        Text { color, ..self }
    }
    pub fn bold(self) -> Text<'a> {
        Text { bold: true, ..self }
    }
    pub fn end(self) -> Text<'a> {
        Text { anchor: "end", ..self }
    }
    pub fn middle(self) -> Text<'a> {
        Text { anchor: "middle", ..self }
    }
    pub fn id(self, id: &'a str) -> Text<'a> {
        Text { id: Some(id), ..self }
    }
    pub fn class(self, class: &'a str) -> Text<'a> {
        Text { class: Some(class), ..self }
    }
}

/// Writes `content` as one `<text>` element drawn as `t` says.
pub(super) fn text(svg: &mut String, t: &Text<'_>, content: &str) {
    let _ = write!(svg, r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}""#, t.x, t.y, t.size);
    if let Some(id) = t.id {
        let _ = write!(svg, r#" id="{id}""#);
    }
    if let Some(class) = t.class {
        let _ = write!(svg, r#" class="{class}""#);
    }
    if t.anchor != "start" {
        let _ = write!(svg, r#" text-anchor="{}""#, t.anchor);
    }
    let c = t.color.hex();
    let _ = write!(svg, r#" fill="{c}""#);
    if t.bold {
        // The export font has one weight: a thin stroke of the text colour emboldens it.
        let _ = write!(svg, r#" stroke="{c}" stroke-width="{:.2}""#, t.size * 0.025);
    }
    let _ = write!(svg, ">{}</text>", escape(content));
}

/// The export font's face (Ubuntu Light, the font the page is drawn with), parsed once.
fn face() -> Option<&'static ttf_parser::Face<'static>> {
    static FACE: OnceLock<Option<ttf_parser::Face<'static>>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(epaint_default_fonts::UBUNTU_LIGHT, 0).ok())
        .as_ref()
}

/// The advance of `c` in em at the export font (an average one for a glyph the font lacks).
fn advance_em(c: char) -> f32 {
    let Some(face) = face() else { return FALLBACK_EM };
    let em = f32::from(face.units_per_em().max(1));
    face.glyph_index(c)
        .and_then(|g| face.glyph_hor_advance(g))
        .map_or(FALLBACK_EM, |a| f32::from(a) / em)
}

/// The width of `text` in pixels at font size `size`, measured with the export font.
pub(super) fn text_width_px(text: &str, size: f32) -> f32 {
    text.chars().map(advance_em).sum::<f32>() * size
}

/// `text` cut with "…" to fit `max_width` pixels at font size `size` (whole when it fits): the
/// longest start of it, without trailing spaces, that fits with the "…". Advances add up, so one
/// pass measures every start (long source lines are cut in linear time).
pub(super) fn fit_text(text: &str, size: f32, max_width: f32) -> String {
    if text_width_px(text, size) <= max_width {
        return text.to_string();
    }
    let room = max_width - text_width_px("…", size);
    let mut width = 0.0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        width += advance_em(c) * size;
        if width > room {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}…", text.get(..end).unwrap_or_default().trim_end())
}

/// `text` broken after a word into two lines of at most `max_width` pixels each, the second cut
/// with "…" when still too long; the second is empty when the text fits on one.
pub(super) fn two_lines(text: &str, size: f32, max_width: f32) -> (String, String) {
    if text_width_px(text, size) <= max_width {
        return (text.to_string(), String::new());
    }
    let mut first = String::new();
    let mut rest = text;
    for (i, word) in text.split(' ').enumerate() {
        let candidate = if i == 0 { word.to_string() } else { format!("{first} {word}") };
        if i > 0 && text_width_px(&candidate, size) > max_width {
            break;
        }
        first = candidate;
        rest = text.get(first.len()..).unwrap_or_default().trim_start();
    }
    (fit_text(&first, size, max_width), fit_text(rest, size, max_width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_with_the_export_font() {
        // Wider letters take more room; twice the size, twice the width.
        let narrow = text_width_px("iiii", 20.0);
        let wide = text_width_px("ШШШШ", 20.0);
        assert!(wide > 2.0 * narrow, "{narrow} {wide}");
        assert!((text_width_px("ШШШШ", 40.0) - 2.0 * wide).abs() < 0.01);
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis_to_fit() {
        let long = "Восточно-Казахстанская область и ещё очень длинное продолжение";
        let cut = fit_text(long, 20.0, 200.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width_px(&cut, 20.0) <= 200.0);
        assert!(long.starts_with(cut.trim_end_matches('…')));
        assert_eq!(fit_text("Абай", 20.0, 200.0), "Абай");
    }

    #[test]
    fn a_long_text_breaks_after_a_word_into_two_lines() {
        let name = "2030 жылға дейінгі басқарылатын сценарий";
        let width = text_width_px("басқарылатын сценарий", 20.0) + 1.0;
        assert_eq!(
            two_lines(name, 20.0, width),
            ("2030 жылға дейінгі".to_string(), "басқарылатын сценарий".to_string())
        );
        assert_eq!(two_lines("Абай", 20.0, 200.0), ("Абай".to_string(), String::new()));
        let (_, second) = two_lines(&"сөз ".repeat(40), 20.0, 200.0);
        assert!(second.ends_with('…'), "{second}");
    }

    #[test]
    fn the_body_lies_between_header_and_footer_on_any_page() {
        for (w, h) in [(1280, 720), (1920, 1080), (3840, 2160), (1000, 1400)] {
            let page = Page::new(w, h);
            let [x, y, bw, bh] = page.body;
            assert!(x > 0.0 && y > 0.0 && bw > 0.5 * w as f32 && bh > 0.5 * h as f32, "{w}×{h}");
            assert!(x + bw < w as f32 && y + bh < h as f32, "{w}×{h}");
        }
    }
}
