//! Map scenes to SVG and PNG files.

use std::path::PathBuf;

use crate::model::Lang;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Other(String),
}

/// A headless `oblys map` request.
#[derive(Debug, Clone)]
pub struct MapRequest {
    pub file: PathBuf,
    pub indicator: String,
    pub year: i32,
    pub lang: Lang,
    pub out: PathBuf,
    pub width: u32,
    /// Show every year on the current boundaries instead of the boundaries valid for its data.
    pub current_boundaries: bool,
}

/// Renders the map for `request` to an SVG or PNG file (chosen by the extension).
pub fn render_map_file(_request: &MapRequest) -> Result<(), ExportError> {
    Err(ExportError::Other("not yet written".into()))
}
