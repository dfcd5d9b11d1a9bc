//! Slides without a window: any saved view (map, compare, chart, table, targets) drawn as one SVG
//! page — the slide's title, its body with legend, the data's sources and "n / N" — and from
//! those pages a vector PDF deck, a folder of PNG images or one image of the current view.
//! `oblys slides FILE --out deck.pdf|DIR` is `write_slides`.
//!
//! Pages are laid out at their pixel size (text scales with the page), so a 3840 × 2160 image is
//! the 1920 × 1080 one at twice the detail, and a PDF page is the same drawing scaled to fit.

mod chart_svg;
mod map_svg;
mod page;
mod potential_svg;
mod table_svg;
mod targets_svg;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::scenarios::{Source, project_all};
use crate::export::pdf::{PageSize, parse_svg, pdf_deck};
use crate::export::png::svg_to_png;
use crate::export::{ExportError, ImageFormat};
use crate::i18n::export_text::ExportText;
use crate::map::MapGeometry;
use crate::model::{
    Dataset, IndicatorValue, Lang, NATIONAL_CODE, SlideScreen, SlideSource, SlideView,
};
use crate::scenario::Projection;

pub use page::PageNumber;

pub(crate) use crate::export::svg::escape;

/// The smallest page: below it the text is unreadable.
pub const MIN_SIZE: [u32; 2] = [320, 180];
/// The largest page (8K): a larger one needs gigabytes of memory to render.
pub const MAX_SIZE: [u32; 2] = [7680, 4320];
/// The resolutions offered first: HD, Full HD and 4K UHD.
pub const PRESETS: [[u32; 2]; 3] = [[1280, 720], [1920, 1080], [3840, 2160]];
/// Width at which PDF pages are laid out (their height follows the page's proportions).
const PDF_LAYOUT_WIDTH: f32 = 1920.0;

/// Refuses a page size outside [`MIN_SIZE`]..=[`MAX_SIZE`].
pub fn check_size(width: u32, height: u32) -> Result<(), ExportError> {
    let fits = (MIN_SIZE[0]..=MAX_SIZE[0]).contains(&width)
        && (MIN_SIZE[1]..=MAX_SIZE[1]).contains(&height);
    if fits { Ok(()) } else { Err(ExportError::PageSize { width, height }) }
}

/// Parses "1920x1080" (also with "×" or "X") into a checked width and height.
pub fn parse_size(text: &str) -> Result<[u32; 2], ExportError> {
    let bad = || ExportError::SizeText { given: text.to_string() };
    let (w, h) = text.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let width: u32 = w.trim().parse().map_err(|_| bad())?;
    let height: u32 = h.trim().parse().map_err(|_| bad())?;
    check_size(width, height)?;
    Ok([width, height])
}

/// What every page of one export shares: the dataset, its map geometry and the projection of
/// every scenario, built once per export.
pub struct SlideRenderer<'a> {
    ctx: Context<'a>,
}

/// What the screens' bodies read.
pub(crate) struct Context<'a> {
    pub ds: &'a Dataset,
    pub geometry: Arc<MapGeometry>,
    /// The projection of every scenario, in the dataset's order.
    pub projections: Vec<Projection>,
    pub lang: Lang,
}

impl<'a> SlideRenderer<'a> {
    /// A renderer of `ds`'s slides in `lang` (builds the map geometry: use `with_geometry` when
    /// it is at hand).
    pub fn new(ds: &'a Dataset, lang: Lang) -> SlideRenderer<'a> {
        SlideRenderer::with_geometry(ds, Arc::new(MapGeometry::new(ds)), lang)
    }

    /// A renderer using `geometry`, built for `ds`.
    pub fn with_geometry(
        ds: &'a Dataset,
        geometry: Arc<MapGeometry>,
        lang: Lang,
    ) -> SlideRenderer<'a> {
        SlideRenderer { ctx: Context { ds, geometry, projections: project_all(ds), lang } }
    }

    /// `view` as an SVG page of `width` × `height` pixels titled `title`, numbered `number`.
    /// The size is not checked here (see [`check_size`]).
    pub fn svg(
        &self,
        view: &SlideView,
        title: &str,
        number: Option<PageNumber>,
        width: u32,
        height: u32,
    ) -> String {
        let page = page::Page::new(width, height);
        let ctx = &self.ctx;
        let body = match view.screen {
            SlideScreen::Map => map_svg::map_body(ctx, view, &page),
            SlideScreen::Compare => map_svg::compare_body(ctx, view, &page),
            SlideScreen::Chart => chart_svg::chart_body(ctx, view, &page),
            SlideScreen::Table => table_svg::table_body(ctx, view, &page),
            SlideScreen::Targets => targets_svg::targets_body(ctx, view, &page),
            SlideScreen::Potential => potential_svg::potential_body(ctx, view, &page),
        };
        page::page_svg(&page, title, &body, number)
    }

    /// Every slide of the dataset as SVG pages, numbered "n / N".
    pub fn deck_svgs(&self, width: u32, height: u32) -> Result<Vec<String>, ExportError> {
        check_size(width, height)?;
        let slides = &self.ctx.ds.slides;
        if slides.is_empty() {
            return Err(ExportError::NoSlides);
        }
        Ok(slides
            .iter()
            .enumerate()
            .map(|(i, slide)| {
                let number = PageNumber { n: i + 1, of: slides.len() };
                self.svg(&slide.view, slide.title.get(self.ctx.lang), Some(number), width, height)
            })
            .collect())
    }

    /// A vector PDF with one `page`-sized page per slide.
    pub fn deck_pdf(&self, page: PageSize) -> Result<Vec<u8>, ExportError> {
        let [width, height] = pdf_layout(page)?;
        let trees = self
            .deck_svgs(width, height)?
            .iter()
            .map(|svg| parse_svg(svg))
            .collect::<Result<Vec<_>, _>>()?;
        pdf_deck(&trees, page)
    }

    /// Every slide as a PNG of `width` × `height` pixels, written into `dir` (made when
    /// missing) as `01-title.png`, `02-…`; returns the files in deck order. Every image is
    /// rendered before the first is written, and each file is written whole or not at all.
    pub fn deck_png(
        &self,
        dir: &Path,
        width: u32,
        height: u32,
    ) -> Result<Vec<PathBuf>, ExportError> {
        let svgs = self.deck_svgs(width, height)?;
        let images =
            svgs.iter().map(|svg| svg_to_png(svg, width, height)).collect::<Result<Vec<_>, _>>()?;
        std::fs::create_dir_all(dir)
            .map_err(|source| ExportError::Write { path: dir.to_path_buf(), source })?;
        let mut written = Vec::with_capacity(images.len());
        for ((i, slide), bytes) in self.ctx.ds.slides.iter().enumerate().zip(images) {
            let path = dir.join(png_file_name(i + 1, slide.title.get(self.ctx.lang)));
            write_file(&path, &bytes)?;
            written.push(path);
        }
        Ok(written)
    }

    /// `view` titled `title` as one file's bytes in `format` (PDF: one page of the view's
    /// proportions, 960 points wide).
    pub fn view_bytes(
        &self,
        view: &SlideView,
        title: &str,
        format: ImageFormat,
        width: u32,
        height: u32,
    ) -> Result<Vec<u8>, ExportError> {
        check_size(width, height)?;
        match format {
            ImageFormat::Svg => Ok(self.svg(view, title, None, width, height).into_bytes()),
            ImageFormat::Png => {
                svg_to_png(&self.svg(view, title, None, width, height), width, height)
            }
            ImageFormat::Pdf => {
                let page = pdf_page(width, height);
                let [w, h] = pdf_layout(page)?;
                pdf_deck(&[parse_svg(&self.svg(view, title, None, w, h))?], page)
            }
        }
    }
}

/// The PDF page of the proportions of a `width` × `height` image: 960 points wide, as
/// [`PageSize::SLIDE_16_9`] is for 16:9.
pub fn pdf_page(width: u32, height: u32) -> PageSize {
    let width_pt = PageSize::SLIDE_16_9.width;
    PageSize { width: width_pt, height: width_pt * height as f32 / width.max(1) as f32 }
}

/// The pixel size PDF pages of `page`'s proportions are laid out at.
fn pdf_layout(page: PageSize) -> Result<[u32; 2], ExportError> {
    if !(page.width > 0.0 && page.height > 0.0 && page.width.is_finite() && page.height.is_finite())
    {
        return Err(ExportError::Render(format!(
            "page size {} × {} pt is not a page",
            page.width, page.height
        )));
    }
    let height = (PDF_LAYOUT_WIDTH * page.height / page.width).round();
    let size = [PDF_LAYOUT_WIDTH as u32, height.min(f32::from(u16::MAX)) as u32];
    check_size(size[0], size[1])?;
    Ok(size)
}

/// Every slide of `ds` as a vector PDF deck, one `page`-sized page each.
pub fn deck_pdf(ds: &Dataset, lang: Lang, page: PageSize) -> Result<Vec<u8>, ExportError> {
    SlideRenderer::new(ds, lang).deck_pdf(page)
}

/// Every slide of `ds` as PNG files in `dir` (see [`SlideRenderer::deck_png`]).
pub fn deck_png(
    ds: &Dataset,
    lang: Lang,
    dir: &Path,
    width: u32,
    height: u32,
) -> Result<Vec<PathBuf>, ExportError> {
    SlideRenderer::new(ds, lang).deck_png(dir, width, height)
}

/// `view` as a PNG image titled `title`.
pub fn view_to_png(
    ds: &Dataset,
    view: &SlideView,
    title: &str,
    lang: Lang,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ExportError> {
    SlideRenderer::new(ds, lang).view_bytes(view, title, ImageFormat::Png, width, height)
}

/// The title of a view exported without a slide: "Population, 2023" (the indicator as the
/// file or the scenarios name it), the targets' heading, or the Potential view's slide title
/// ("Regional potential (default), 2022").
pub fn view_title(ds: &Dataset, view: &SlideView, lang: Lang) -> String {
    match view.screen {
        SlideScreen::Targets => return ExportText::TargetsTitle.get(lang).to_string(),
        SlideScreen::Potential => {
            return crate::app::default_title(ds, view).get(lang).to_owned();
        }
        SlideScreen::Map | SlideScreen::Chart | SlideScreen::Table | SlideScreen::Compare => {}
    }
    let name = ds.indicator(&view.indicator).map(|d| d.names.get(lang).to_string()).or_else(|| {
        crate::scenario::projected_indicators(ds)
            .into_iter()
            .find(|d| d.key == view.indicator)
            .map(|d| d.names.get(lang).to_string())
    });
    format!("{}, {}", name.unwrap_or_else(|| view.indicator.clone()), view.year)
}

/// `01-population-of-kazakhstan-2023.png`: the slide's place and its title in lower case,
/// letters and digits only (any script), words joined by "-", at most 60 characters — a name
/// every operating system accepts.
pub fn png_file_name(position: usize, title: &str) -> String {
    let slug = slug(title);
    if slug.is_empty() { format!("{position:02}.png") } else { format!("{position:02}-{slug}.png") }
}

/// `title` in lower case, letters and digits only (any script), words joined by "-", at most
/// 60 characters: a part of a file name every operating system accepts.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Writes `bytes` to `path` whole or not at all.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::io::cells::write_atomically(path, bytes)
        .map_err(|source| ExportError::Write { path: path.to_path_buf(), source })
}

/// The compare view's side of a slide's side.
pub(crate) fn side_source(side: SlideSource) -> Source {
    match side {
        SlideSource::Actual => Source::Actual,
        SlideSource::Scenario(id) => Source::Scenario(id),
    }
}

/// "Source: …" — the sources of `indicator`'s regional values of `year` (of every year when
/// that year has none, or without a year), the most used first; empty when the file has none.
pub(crate) fn data_sources(ds: &Dataset, indicator: &str, year: Option<i32>, lang: Lang) -> String {
    let of_year = year_sources(ds, indicator, year, lang);
    if of_year.is_empty() && year.is_some() {
        return year_sources(ds, indicator, None, lang);
    }
    of_year
}

fn year_sources(ds: &Dataset, indicator: &str, year: Option<i32>, lang: Lang) -> String {
    values_sources(ds, |v| v.indicator == indicator && year.is_none_or(|y| v.year == y), lang)
}

/// "Source: …" — the sources of the regional values `wanted` picks, the most used first; empty
/// when none has one.
pub(crate) fn values_sources(
    ds: &Dataset,
    wanted: impl Fn(&IndicatorValue) -> bool,
    lang: Lang,
) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let values = ds
        .values
        .iter()
        .filter(|v| v.region_code != NATIONAL_CODE && !v.source.is_empty() && wanted(v));
    for v in values {
        match counts.iter_mut().find(|(s, _)| *s == v.source) {
            Some((_, n)) => *n += 1,
            None => counts.push((&v.source, 1)),
        }
    }
    // Most used first; equal counts alphabetically, so the line never depends on value order.
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    if counts.is_empty() {
        return String::new();
    }
    let list: Vec<&str> = counts.iter().map(|(s, _)| *s).collect();
    format!("{}: {}", ExportText::Source.get(lang), list.join("; "))
}

/// `sources` followed by the projection of the scenarios as a source.
pub(crate) fn with_projection(sources: &str, lang: Lang) -> String {
    let projection = ExportText::Projection.get(lang);
    if sources.is_empty() {
        format!("{}: {projection}", ExportText::Source.get(lang))
    } else {
        format!("{sources}; {projection}")
    }
}

/// A headless `oblys slides` request.
#[derive(Debug, Clone)]
pub struct SlidesRequest {
    /// The Oblys file to read (never written).
    pub file: PathBuf,
    /// A `.pdf` file (the deck), or else a folder for one PNG per slide.
    pub out: PathBuf,
    pub lang: Lang,
    /// Page size in pixels (PDF: its proportions).
    pub size: [u32; 2],
}

/// What `write_slides` wrote.
#[derive(Debug, Clone, PartialEq)]
pub enum SlidesWritten {
    Pdf { path: PathBuf, pages: usize },
    Png { files: Vec<PathBuf> },
}

/// `oblys slides`: every slide of the file as a PDF deck (`--out *.pdf`) or as PNG images in a
/// folder. The size, the file and the deck are checked and every page rendered before anything
/// is written; the input file is only read.
pub fn write_slides(request: &SlidesRequest) -> Result<SlidesWritten, ExportError> {
    let [width, height] = request.size;
    check_size(width, height)?;
    let ds = crate::store::load(&request.file)?;
    if ds.slides.is_empty() {
        return Err(ExportError::NoSlides);
    }
    let renderer = SlideRenderer::new(&ds, request.lang);
    if ImageFormat::from_path(&request.out) == Some(ImageFormat::Pdf) {
        let bytes = renderer.deck_pdf(pdf_page(width, height))?;
        write_file(&request.out, &bytes)?;
        return Ok(SlidesWritten::Pdf { path: request.out.clone(), pages: ds.slides.len() });
    }
    if request.out.is_file() {
        return Err(ExportError::NotAFolder { path: request.out.clone() });
    }
    let files = renderer.deck_png(&request.out, width, height)?;
    Ok(SlidesWritten::Png { files })
}

#[cfg(test)]
mod potential_tests;
#[cfg(test)]
mod tests;
