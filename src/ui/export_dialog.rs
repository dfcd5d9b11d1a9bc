//! The export window (`Action::ShowExport`): the current view as PNG, SVG or PDF, or every slide
//! as a PDF deck or a folder of PNG images, at a preset or custom resolution, to a typed path
//! (beside the open file unless changed). The pages are rendered and written on a worker thread
//! while the window shows that it is busy, so a 4K deck never freezes the window; the window
//! then says where it wrote or why it could not.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use egui::{DragValue, Label, RichText, TextEdit, Ui};

use crate::app::commands::Command;
use crate::app::{Action, AppState};
use crate::export::ImageFormat;
use crate::export::slides::{
    MAX_SIZE, MIN_SIZE, PRESETS, SlideRenderer, check_size, pdf_page, slug, view_title,
};
use crate::i18n::export_text::ExportText as T;
use crate::map::MapGeometry;
use crate::model::{Dataset, Lang, SlideView};
use crate::ui::shortcut_help::hint_with_keys;
use crate::ui::theme;

const WINDOW_WIDTH: f32 = 560.0;
/// The preset offered first: 1920 × 1080, what projectors and screens show.
const FIRST_PRESET: usize = 1;
/// How often the window looks whether the worker has finished.
const POLL: Duration = Duration::from_millis(100);

/// What is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum What {
    /// The view on screen, as one page.
    #[default]
    ThisView,
    /// Every slide of the file.
    EverySlide,
}

/// The file (or folder) written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Png,
    Svg,
    Pdf,
    /// Every slide: one PNG per slide in a folder.
    PngFolder,
}

impl Format {
    /// The formats offered for `what`.
    fn offered(what: What) -> &'static [Format] {
        match what {
            What::ThisView => &[Format::Png, Format::Svg, Format::Pdf],
            What::EverySlide => &[Format::Pdf, Format::PngFolder],
        }
    }

    fn text(self, what: What) -> T {
        match (self, what) {
            (Format::Png, _) => T::Png,
            (Format::Svg, _) => T::Svg,
            (Format::Pdf, What::ThisView) => T::Pdf,
            (Format::Pdf, What::EverySlide) => T::PdfDeck,
            (Format::PngFolder, _) => T::PngFolder,
        }
    }

    /// The extension of the file written; None for a folder.
    fn extension(self) -> Option<&'static str> {
        match self {
            Format::Png => Some("png"),
            Format::Svg => Some("svg"),
            Format::Pdf => Some("pdf"),
            Format::PngFolder => None,
        }
    }
}

/// One export, as the window asks for it.
#[derive(Debug, Clone)]
pub struct ExportJob {
    pub what: What,
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub path: PathBuf,
    pub lang: Lang,
    /// The view on screen and its title (for `What::ThisView`).
    pub view: SlideView,
    pub title: String,
}

/// Renders and writes `job`; returns the path written (a file, or the folder of the PNGs).
pub fn run(
    ds: &Dataset,
    geometry: Arc<MapGeometry>,
    job: &ExportJob,
) -> Result<String, crate::export::ExportError> {
    check_size(job.width, job.height)?;
    let renderer = SlideRenderer::with_geometry(ds, geometry, job.lang);
    let write = |bytes: Vec<u8>| {
        crate::io::cells::write_atomically(&job.path, &bytes)
            .map_err(|source| crate::export::ExportError::Write { path: job.path.clone(), source })
    };
    match (job.what, job.format) {
        (What::ThisView, format) => {
            let image = match format {
                Format::Svg => ImageFormat::Svg,
                Format::Pdf => ImageFormat::Pdf,
                Format::Png | Format::PngFolder => ImageFormat::Png,
            };
            write(renderer.view_bytes(&job.view, &job.title, image, job.width, job.height)?)?;
        }
        (What::EverySlide, Format::PngFolder) => {
            renderer.deck_png(&job.path, job.width, job.height)?;
        }
        (What::EverySlide, _) => write(renderer.deck_pdf(pdf_page(job.width, job.height))?)?,
    }
    Ok(job.path.display().to_string())
}

/// The window's choices, typed path, and the export under way or its outcome.
#[derive(Debug, Default)]
pub struct ExportWindow {
    what: What,
    format: Format,
    /// Index into `PRESETS`; None: custom.
    preset: Option<usize>,
    width: u32,
    height: u32,
    path: String,
    /// The path the window proposed last: replaced when the choices change, unless edited.
    proposed: String,
    /// Whether the window has been set up since it was last opened.
    ready: bool,
    worker: Option<Receiver<Result<String, String>>>,
    outcome: Option<Result<String, String>>,
}

impl ExportWindow {
    /// Whether an export is running.
    pub fn busy(&self) -> bool {
        self.worker.is_some()
    }

    /// Takes the worker's answer when it has come (a worker gone without one is told in `lang`).
    fn poll(&mut self, lang: Lang) {
        let Some(rx) = &self.worker else { return };
        match rx.try_recv() {
            Ok(outcome) => {
                self.outcome = Some(outcome);
                self.worker = None;
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                let stopped = crate::i18n::error_text::export_stopped(lang);
                self.outcome = Some(Err(stopped.to_owned()));
                self.worker = None;
            }
        }
    }

    /// The path proposed for the current choices: beside the open file, named after it and the
    /// view (or "slides").
    fn proposal(&self, state: &AppState) -> String {
        let file = state.file();
        let folder = file.parent().unwrap_or(Path::new("."));
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let name = match self.what {
            What::ThisView => {
                let title = view_title(state.dataset(), &state.current_slide_view(), state.lang());
                slug(&format!("{stem} {title}"))
            }
            What::EverySlide => format!("{stem}-slides"),
        };
        let mut path = folder.join(name);
        if let Some(ext) = self.format.extension() {
            path.set_extension(ext);
        }
        path.display().to_string()
    }

    /// Proposes a new path for the current choices, unless the planner typed one.
    fn repropose(&mut self, state: &AppState) {
        let proposal = self.proposal(state);
        if self.path == self.proposed {
            self.path.clone_from(&proposal);
        }
        self.proposed = proposal;
    }

    /// Starts the export on a worker thread.
    fn start(&mut self, state: &AppState) {
        let view = state.current_slide_view();
        let job = ExportJob {
            what: self.what,
            format: self.format,
            width: self.width,
            height: self.height,
            path: PathBuf::from(self.path.trim()),
            lang: state.lang(),
            title: view_title(state.dataset(), &view, state.lang()),
            view,
        };
        let ds = state.shared_dataset();
        let geometry = state.shared_geometry();
        let (tx, rx) = channel();
        let spawned =
            std::thread::Builder::new().name("oblys-export".to_string()).spawn(move || {
                let outcome = run(&ds, geometry, &job).map_err(|e| e.message(job.lang));
                // The window may be gone; nobody is left to tell.
                let _ = tx.send(outcome);
            });
        match spawned {
            Ok(_) => {
                self.worker = Some(rx);
                self.outcome = None;
            }
            Err(e) => {
                let stopped = crate::i18n::error_text::export_stopped(state.lang());
                self.outcome = Some(Err(format!("{stopped}: {e}")));
            }
        }
    }
}

/// The "Export" button that opens the window.
pub fn button(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let on = state.export_open();
    let text = RichText::new(T::Export.get(lang)).size(15.0);
    let hint = hint_with_keys(ui.ctx(), T::ExportTooltip.get(lang), Command::Export);
    if ui.selectable_label(on, text).on_hover_text(hint).clicked() {
        actions.push(Action::ShowExport(!on));
    }
}

/// The window, while it is open.
pub fn show(
    ctx: &egui::Context,
    state: &AppState,
    win: &mut ExportWindow,
    actions: &mut Vec<Action>,
) {
    win.poll(state.lang());
    if win.busy() {
        ctx.request_repaint_after(POLL);
    }
    if !state.export_open() {
        win.ready = false;
        return;
    }
    if !win.ready {
        if win.width == 0 {
            // Full HD until the planner picks another size.
            win.preset = Some(FIRST_PRESET);
            [win.width, win.height] = PRESETS.get(FIRST_PRESET).copied().unwrap_or(MIN_SIZE);
        }
        win.outcome = None;
        // A path the planner typed is kept; a proposed one follows the view shown now.
        win.repropose(state);
        win.ready = true;
    }
    let lang = state.lang();
    let modal = egui::Modal::new(egui::Id::unique("oblys.export")).show(ctx, |ui| {
        ui.set_width(WINDOW_WIDTH);
        ui.label(RichText::new(T::Export.get(lang)).size(theme::HEADING_PT).strong());
        ui.add_space(4.0);
        let before = (win.what, win.format);
        choices(ui, state, win);
        if (win.what, win.format) != before {
            win.repropose(state);
        }
        ui.separator();
        outcome(ui, win, lang);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let close = ui.button(T::Close.get(lang)).clicked();
            let no_slides = win.what == What::EverySlide && state.dataset().slides.is_empty();
            let can_run = !win.busy() && !win.path.trim().is_empty() && !no_slides;
            let run = ui
                .add_enabled(can_run, egui::Button::new(RichText::new(T::Run.get(lang)).strong()))
                .on_hover_text(T::RunTooltip.get(lang))
                .on_disabled_hover_text(
                    if no_slides { T::NoSlides } else { T::RunTooltip }.get(lang),
                );
            if run.clicked() {
                win.start(state);
            }
            close
        })
        .inner
    });
    if modal.inner || (modal.should_close() && !win.busy()) {
        actions.push(Action::ShowExport(false));
    }
}

/// What, format, resolution and path.
fn choices(ui: &mut Ui, state: &AppState, win: &mut ExportWindow) {
    let lang = state.lang();
    let enabled = !win.busy();
    egui::Grid::new("oblys.export.grid").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
        ui.label(RichText::new(T::What.get(lang)).strong());
        ui.horizontal(|ui| {
            ui.add_enabled_ui(enabled, |ui| {
                ui.radio_value(&mut win.what, What::ThisView, T::ThisView.get(lang))
                    .on_hover_text(T::ThisViewTooltip.get(lang));
                ui.radio_value(&mut win.what, What::EverySlide, T::EverySlide.get(lang))
                    .on_hover_text(T::EverySlideTooltip.get(lang));
            });
        });
        ui.end_row();
        if !Format::offered(win.what).contains(&win.format) {
            win.format = Format::offered(win.what).first().copied().unwrap_or_default();
        }
        ui.label(RichText::new(T::Format.get(lang)).strong());
        ui.horizontal(|ui| {
            ui.add_enabled_ui(enabled, |ui| {
                for &format in Format::offered(win.what) {
                    ui.radio_value(&mut win.format, format, format.text(win.what).get(lang))
                        .on_hover_text(T::FormatTooltip.get(lang));
                }
            });
        });
        ui.end_row();
        ui.label(RichText::new(T::Resolution.get(lang)).strong());
        ui.vertical(|ui| {
            ui.add_enabled_ui(enabled, |ui| resolution(ui, win, lang));
        });
        ui.end_row();
        let label = ui.label(RichText::new(T::SaveTo.get(lang)).strong());
        ui.add_enabled(
            enabled,
            TextEdit::singleline(&mut win.path).desired_width(WINDOW_WIDTH - 120.0),
        )
        .labelled_by(label.id)
        .on_hover_text(T::SaveToTooltip.get(lang));
        ui.end_row();
    });
    if win.what == What::EverySlide && state.dataset().slides.is_empty() {
        ui.label(RichText::new(T::NoSlides.get(lang)).color(theme::palette().problem));
    }
}

/// The preset sizes and the custom width × height.
fn resolution(ui: &mut Ui, win: &mut ExportWindow, lang: Lang) {
    ui.horizontal(|ui| {
        for (i, [w, h]) in PRESETS.iter().enumerate() {
            let text = format!("{w} × {h}");
            if ui
                .radio(win.preset == Some(i), text)
                .on_hover_text(T::ResolutionTooltip.get(lang))
                .clicked()
            {
                win.preset = Some(i);
                [win.width, win.height] = [*w, *h];
            }
        }
        if ui
            .radio(win.preset.is_none(), T::Custom.get(lang))
            .on_hover_text(T::ResolutionTooltip.get(lang))
            .clicked()
        {
            win.preset = None;
        }
    });
    if win.preset.is_none() {
        ui.horizontal(|ui| {
            let label = ui.label(T::Width.get(lang));
            ui.add(DragValue::new(&mut win.width).range(MIN_SIZE[0]..=MAX_SIZE[0]).suffix(" px"))
                .labelled_by(label.id)
                .on_hover_text(T::WidthTooltip.get(lang));
            let label = ui.label(T::Height.get(lang));
            ui.add(DragValue::new(&mut win.height).range(MIN_SIZE[1]..=MAX_SIZE[1]).suffix(" px"))
                .labelled_by(label.id)
                .on_hover_text(T::HeightTooltip.get(lang));
        });
    }
}

/// Busy, written, or failed.
fn outcome(ui: &mut Ui, win: &ExportWindow, lang: Lang) {
    if win.busy() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(T::Exporting.get(lang));
        });
        return;
    }
    match &win.outcome {
        Some(Ok(path)) => {
            ui.horizontal(|ui| {
                ui.label(RichText::new(T::Written.get(lang)).color(theme::palette().accent));
                ui.add(Label::new(path.as_str()).wrap());
            });
        }
        Some(Err(message)) => {
            ui.horizontal(|ui| {
                ui.label(RichText::new(T::Failed.get(lang)).color(theme::palette().problem));
                ui.add(Label::new(RichText::new(message).color(theme::palette().problem)).wrap());
            });
        }
        None => {}
    }
}
