//! egui panels and widgets; one file per panel.

use std::path::PathBuf;

/// Options of the GUI given on the command line.
#[derive(Debug, Clone, Default)]
pub struct GuiOptions {
    /// Exit right after the first frame is painted, printing the time since process start.
    pub quit_after_first_frame: bool,
}

pub fn run_gui(_file: PathBuf, _options: GuiOptions) -> Result<(), String> {
    Err("not yet written".into())
}
