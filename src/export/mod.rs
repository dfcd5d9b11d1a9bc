//! Map scenes to SVG, PNG and PDF files: the same `Scene` the GUI paints, with title, legend and
//! source line, for reports and slides. `render_map_file` is `oblys map` without a window.

mod pdf;
mod png;
pub mod scenario_map;
pub mod slides;
mod svg;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use crate::analysis::{ValueOrigin, view_values};
use crate::map::{BoundaryMode, MapGeometry, MapView, Scene, build_scene};
use crate::model::{Dataset, Lang, NATIONAL_CODE};
use crate::store::StoreError;

pub use pdf::{PageSize, parse_svg, pdf_deck, scene_to_pdf, scenes_to_pdf_deck};
pub use png::{MAX_WIDTH, MIN_WIDTH, scene_to_png, svg_to_png};
pub use svg::{export_height, scene_to_svg};

/// Why a map could not be exported. Every message is one line a planner can act on.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("«{}»: the output file must end in .svg or .png (image) or .pdf (vector page)", path.display())]
    Format { path: PathBuf },
    #[error("image width {width} px is out of range: use {MIN_WIDTH} to {MAX_WIDTH}")]
    Size { width: u32 },
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("unknown indicator «{name}»; the file has: {}", known.join(", "))]
    UnknownIndicator { name: String, known: Vec<String> },
    #[error(
        "«{indicator}» has no regional data for {year}; years with data: {}",
        list_years(years)
    )]
    NoDataForYear { indicator: String, year: i32, years: Vec<i32> },
    #[error("could not render the map: {0}")]
    Render(String),
    #[error("could not write «{}»: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error(
        "page size {width}×{height} px is out of range: use {}×{} to {}×{} (e.g. 1920x1080)",
        slides::MIN_SIZE[0], slides::MIN_SIZE[1], slides::MAX_SIZE[0], slides::MAX_SIZE[1]
    )]
    PageSize { width: u32, height: u32 },
    #[error("«{given}» is not a size: write width x height in pixels, e.g. 1920x1080")]
    SizeText { given: String },
    #[error(
        "the file has no slides: add slides in the app (a slide from the current view), then export"
    )]
    NoSlides,
    #[error("«{}» is a file: give a folder for the PNG images, or a path ending in .pdf for a deck", path.display())]
    NotAFolder { path: PathBuf },
}

impl ExportError {
    /// The message in `lang`: the same facts as the English `Display` (which the command line
    /// prints), worded in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::error_text::export_error(self, lang)
    }
}

fn list_years(years: &[i32]) -> String {
    if years.is_empty() {
        return "none".to_string();
    }
    years.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
}

/// A headless `oblys map` request.
#[derive(Debug, Clone)]
pub struct MapRequest {
    /// The .oblys file to read (never written).
    pub file: PathBuf,
    /// Indicator key, e.g. `population`.
    pub indicator: String,
    pub year: i32,
    /// Language of names, title, legend and source line.
    pub lang: Lang,
    /// Output file; `.svg`, `.png` or `.pdf`.
    pub out: PathBuf,
    /// Image width in pixels; the height follows from the map and legend.
    pub width: u32,
    /// Show every year on the current boundaries instead of the boundaries valid for its data.
    pub current_boundaries: bool,
}

/// Output formats, chosen by the extension of the output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
    /// One vector page, `width` × height points.
    Pdf,
}

impl ImageFormat {
    /// The format for `path`'s extension (case-insensitive), if supported.
    pub fn from_path(path: &Path) -> Option<ImageFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            "pdf" => Some(ImageFormat::Pdf),
            _ => None,
        }
    }
}

/// Years with at least one regional value of `indicator` (the national row alone draws nothing).
pub fn regional_years(ds: &Dataset, indicator: &str) -> Vec<i32> {
    let mut years: Vec<i32> = ds
        .values
        .iter()
        .filter(|v| v.indicator == indicator && v.region_code != NATIONAL_CODE)
        .map(|v| v.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The scene `oblys map` draws: every layer on, nothing selected. Checks that the indicator
/// exists and has regional data for the year.
pub fn scene_for_request(ds: &Dataset, request: &MapRequest) -> Result<Scene, ExportError> {
    if ds.indicator(&request.indicator).is_none() {
        let mut known: Vec<String> = ds.indicators.iter().map(|i| i.key.clone()).collect();
        known.sort();
        return Err(ExportError::UnknownIndicator { name: request.indicator.clone(), known });
    }
    let years = regional_years(ds, &request.indicator);
    if !years.contains(&request.year) {
        return Err(ExportError::NoDataForYear {
            indicator: request.indicator.clone(),
            year: request.year,
            years,
        });
    }
    let mut view = MapView::new(request.indicator.clone(), request.year, request.lang);
    if request.current_boundaries {
        view.boundary_mode = BoundaryMode::Current;
    }
    // Only the editions this map draws: the shown one and those holding legacy groups' outlines.
    let mut editions: Vec<&str> = Vec::new();
    if let Some(values) = view_values(ds, &view.indicator, view.year, view.boundary_mode) {
        editions.extend(ds.edition(&values.edition).map(|e| e.key.as_str()));
        for unit in &values.units {
            let Some(ValueOrigin::Predecessor { predecessor, .. }) = &unit.origin else { continue };
            let holder = ds.editions.iter().find(|e| e.unit(predecessor).is_some());
            if let Some(key) = holder.map(|e| e.key.as_str())
                && !editions.contains(&key)
            {
                editions.push(key);
            }
        }
    }
    let geometry = MapGeometry::for_editions(ds, &editions);
    Ok(build_scene(ds, &geometry, &view))
}

/// Renders the map for `request` to an SVG, PNG or PDF file (chosen by the extension). Everything is
/// checked and rendered before the output is written; the input file is only read.
pub fn render_map_file(request: &MapRequest) -> Result<(), ExportError> {
    let format = ImageFormat::from_path(&request.out)
        .ok_or_else(|| ExportError::Format { path: request.out.clone() })?;
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&request.width) {
        return Err(ExportError::Size { width: request.width });
    }
    let ds = crate::store::load(&request.file)?;
    let scene = scene_for_request(&ds, request)?;
    let bytes = scene_bytes(&scene, format, request.width)?;
    std::fs::write(&request.out, bytes)
        .map_err(|source| ExportError::Write { path: request.out.clone(), source })
}

/// The bytes of `scene` in `format`, `width` pixels (PDF: points) wide.
pub fn scene_bytes(scene: &Scene, format: ImageFormat, width: u32) -> Result<Vec<u8>, ExportError> {
    match format {
        ImageFormat::Svg => {
            let height = export_height(scene, width);
            Ok(scene_to_svg(scene, width, height).into_bytes())
        }
        ImageFormat::Png => scene_to_png(scene, width),
        ImageFormat::Pdf => scene_to_pdf(scene, width, export_height(scene, width)),
    }
}
