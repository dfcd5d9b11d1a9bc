//! egui panels and widgets, one file per panel: `top_bar`, `map_view`, `side_panel`,
//! `chart_area`, `table`, `about`, the Data window `data_editor` and the File menu `file_menu`,
//! and on the scenario screen `scenario_list` and `compare`,
//! with the design tokens in `theme`. Panels read `AppState` and
//! return `Action`s; `Gui::show` lays the panels out and hands the frame's actions to
//! `AppState::apply_all`. `run_gui` opens the window.

mod about;
mod chart_area;
mod command_palette;
mod compare;
mod compare_chart;
mod data_editor;
mod export_dialog;
mod file_menu;
mod import_dialog;
mod map_view;
mod potential;
mod presentation;
mod scenario_editor;
mod scenario_list;
mod shortcut_help;
mod side_panel;
mod slides_panel;
pub mod startup;
mod table;
mod targets;
pub mod theme;
mod top_bar;
mod view_menu;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use egui::{Pos2, Ui};

use crate::app::commands::{Command, Effect, GuiCommand};
use crate::app::{Action, AppState, ScenarioTab, Screen};
use crate::i18n::scenario_ui_text::ScenarioUiText;
use crate::map::MapGeometry;
use crate::map::WorldPos;
use crate::model::Lang;

/// Options of the GUI given on the command line.
#[derive(Debug, Clone, Default)]
pub struct GuiOptions {
    /// Exit right after the first frame is painted, printing the time since process start.
    pub quit_after_first_frame: bool,
    /// A line to show over the panels until closed (the last file did not open).
    pub notice: Option<String>,
}

/// Storage key of the language chosen last time.
const LANG_KEY: &str = "oblys.lang";
/// Storage key of the theme chosen last time.
const THEME_KEY: &str = "oblys.theme";
/// Storage key of the recent files.
const RECENT_KEY: &str = "oblys.recent_files";
/// Storage key of the working screens' zoom (Ctrl +/−), never a presentation's.
const ZOOM_KEY: &str = "oblys.working_zoom";
/// Initial window size in points: a laptop screen.
const WINDOW_SIZE: [f32; 2] = [1600.0, 1000.0];
/// Below this the panels no longer fit side by side.
const MIN_WINDOW_SIZE: [f32; 2] = [1024.0, 700.0];

/// The whole window: state plus what the painters cache between frames.
pub struct Gui {
    state: AppState,
    map: map_view::MapCache,
    /// Where the ranking chart put its bars last frame, to find a bar on screen.
    ranking: Option<chart_area::RankingLayout>,
    /// The scenario list's rename field.
    scenario_list: scenario_list::ListState,
    /// The assumptions editor's section, typed text and unsaved preview.
    editor: scenario_editor::EditorState,
    /// The two compare maps' screen meshes.
    compare: compare::CompareCache,
    /// The Targets tab's map meshes.
    targets: targets::TargetsCache,
    /// The Potential screen's map meshes.
    potential: potential::PotentialCache,
    /// The Data window's tab, typed text, open forms and map mode.
    data: data_editor::DataEditor,
    /// The open file's lock, the recent files and the File menu's path dialog.
    files: file_menu::Files,
    /// The import window's typed path and folder listing.
    import: import_dialog::ImportWindow,
    /// The export window's choices, path and the export under way.
    export: export_dialog::ExportWindow,
    /// The theme applied to the window, once applied.
    styled: Option<crate::app::ThemeKind>,
    /// A line shown over the panels until the planner closes it.
    notice: Option<String>,
    /// Presentation mode's zoom, full screen, notes and the year animation's clock.
    presenter: presentation::Presenter,
    /// The slide list's selection and the text being typed.
    slides: slides_panel::SlidesPanel,
    /// Width the top bar needs on one row, as measured on the last frame.
    top_bar_width: Option<f32>,
    /// The command palette (Ctrl+K).
    palette: command_palette::CommandPalette,
    /// Whether the keyboard shortcuts overlay (F1) is open.
    help_open: bool,
}

impl Gui {
    pub fn new(state: AppState) -> Gui {
        Gui {
            state,
            map: map_view::MapCache::default(),
            ranking: None,
            scenario_list: scenario_list::ListState::default(),
            editor: scenario_editor::EditorState::default(),
            compare: compare::CompareCache::default(),
            targets: targets::TargetsCache::default(),
            potential: potential::PotentialCache::default(),
            data: data_editor::DataEditor::default(),
            files: file_menu::Files::default(),
            import: import_dialog::ImportWindow::default(),
            export: export_dialog::ExportWindow::default(),
            styled: None,
            notice: None,
            presenter: presentation::Presenter::default(),
            slides: slides_panel::SlidesPanel::default(),
            top_bar_width: None,
            palette: command_palette::CommandPalette::default(),
            help_open: false,
        }
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Applies an action as if a panel had sent it (for tests and scripted demos).
    pub fn apply(&mut self, action: Action) {
        self.state.apply(action);
    }

    /// Lays out every panel for one frame and applies what the user did.
    pub fn show(&mut self, ui: &mut Ui) {
        if self.styled != Some(self.state.theme()) {
            theme::apply(ui.ctx(), self.state.theme());
            self.styled = Some(self.state.theme());
        }
        self.run_commands(ui.ctx());
        let mut actions: Vec<Action> = Vec::new();
        self.presenter.follow(ui.ctx(), &self.state);
        presentation::animate(ui.ctx(), &self.state, &mut self.presenter, &mut actions);
        if self.state.presenting() {
            self.present(ui, actions);
            return;
        }
        self.files.publish(ui.ctx());
        let window = ui.available_rect_before_wrap().size();
        let sizes = theme::PanelSizes::for_window(window.x, window.y);
        // The bar's one-row width measured on the last frame (it changes with the language
        // and the screen); before the first measurement, the width that fits every language.
        let one_row_width = self.top_bar_width.unwrap_or(theme::TOP_BAR_ONE_ROW_MIN_WIDTH);
        let top_rows = if window.x >= one_row_width { 1.0 } else { 2.0 };
        let needed_bar = egui::Panel::top("top_bar")
            .exact_size(theme::TOP_BAR_ROW * top_rows)
            .frame(
                egui::Frame::new()
                    .fill(theme::palette().top_bar_bg)
                    .inner_margin(egui::Margin::symmetric(theme::MARGIN as i8, 6)),
            )
            .show(ui, |ui| top_bar::show(ui, &self.state, top_rows > 1.0, &mut actions))
            .inner;
        let needed = needed_bar + 2.0 * theme::MARGIN;
        if self.top_bar_width.is_none_or(|w| (w - needed).abs() > 0.5) {
            self.top_bar_width = Some(needed);
            ui.ctx().request_repaint();
        }
        if let Some(notice) = &self.notice {
            let lang = self.state.lang();
            let closed = egui::Panel::top("start_notice")
                .frame(panel_frame())
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let close = ui.button(crate::i18n::UiText::Close.get(lang)).clicked();
                        ui.label(egui::RichText::new(notice).color(theme::palette().problem));
                        close
                    })
                    .inner
                })
                .inner;
            if closed {
                self.notice = None;
            }
        }
        if self.state.read_only() {
            egui::Panel::top("read_only_notice").frame(panel_frame()).show(ui, |ui| {
                let text = crate::i18n::edit_text::EditText::ReadOnlyNotice.get(self.state.lang());
                ui.label(egui::RichText::new(text).strong().color(theme::palette().accent));
            });
        }
        if self.state.screen() == Screen::Potential {
            egui::CentralPanel::default().frame(panel_frame()).show(ui, |ui| {
                potential::show(
                    ui,
                    &self.state,
                    &mut self.potential,
                    potential::PotentialLayout::Full,
                    &mut actions,
                );
            });
            slides_panel::show(ui.ctx(), &self.state, &mut self.slides, &mut actions);
            about::show(ui.ctx(), &self.state, &mut actions);
            export_dialog::show(ui.ctx(), &self.state, &mut self.export, &mut actions);
            if !actions.is_empty() {
                self.state.apply_all(actions);
                ui.ctx().request_repaint();
            }
            return;
        }
        if self.state.screen() == Screen::Scenarios {
            egui::Panel::left("scenario_list")
                .exact_size(sizes.side_width)
                .frame(panel_frame())
                .show(ui, |ui| {
                    scenario_list::show(ui, &self.state, &mut self.scenario_list, &mut actions);
                });
            egui::CentralPanel::default().frame(panel_frame()).show(ui, |ui| {
                scenario_tabs(ui, &self.state, &mut actions);
                match self.state.scenario_tab() {
                    ScenarioTab::Compare => {
                        compare::show(
                            ui,
                            &self.state,
                            &mut self.compare,
                            compare::CompareLayout::Full,
                            &mut actions,
                        );
                    }
                    ScenarioTab::Assumptions => {
                        scenario_editor::show(ui, &self.state, &mut self.editor, &mut actions);
                    }
                    ScenarioTab::Targets => {
                        targets::show(ui, &self.state, &mut self.targets, &mut actions);
                    }
                }
            });
            slides_panel::show(ui.ctx(), &self.state, &mut self.slides, &mut actions);
            about::show(ui.ctx(), &self.state, &mut actions);
            export_dialog::show(ui.ctx(), &self.state, &mut self.export, &mut actions);
            if !actions.is_empty() {
                self.state.apply_all(actions);
                ui.ctx().request_repaint();
            }
            return;
        }
        egui::Panel::bottom("charts_and_table")
            .exact_size(sizes.bottom_height)
            .frame(panel_frame())
            .show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    self.ranking = chart_area::show(ui, &self.state, sizes, &mut actions);
                    ui.separator();
                    table::show(ui, &self.state, &mut actions);
                });
            });
        egui::Panel::right("region")
            .exact_size(sizes.side_width)
            .frame(panel_frame())
            .show(ui, |ui| side_panel::show(ui, &self.state, &mut actions));
        self.data.prepare_map(&self.state, &mut self.map);
        egui::CentralPanel::no_frame()
            .show(ui, |ui| map_view::show(ui, &self.state, &mut self.map, &mut actions));
        self.data.take_map_input(&mut self.map);
        data_editor::show(ui, &self.state, &mut self.data, &mut actions);
        import_dialog::show(ui.ctx(), &self.state, &mut self.import, &mut actions);
        slides_panel::show(ui.ctx(), &self.state, &mut self.slides, &mut actions);
        about::show(ui.ctx(), &self.state, &mut actions);
        export_dialog::show(ui.ctx(), &self.state, &mut self.export, &mut actions);
        let mut requests = Vec::new();
        actions.retain(|a| match a {
            Action::File(r) => {
                requests.push(r.clone());
                false
            }
            _ => true,
        });
        if !actions.is_empty() {
            self.state.apply_all(actions);
            ui.ctx().request_repaint();
        }
        for request in requests {
            if let Some(opened) = self.files.request(request, &self.state) {
                self.switch_to(opened, ui.ctx());
            }
        }
        if let Some(opened) = self.files.show_dialog(ui.ctx(), &self.state) {
            self.switch_to(opened, ui.ctx());
        }
    }

    /// The commands of this frame, before any panel: the keys pressed (unless a dialog has the
    /// keyboard), the buttons that asked for the help or the palette, then the help overlay and
    /// the palette. What they run is applied at once, so the panels show it in this frame.
    fn run_commands(&mut self, ctx: &egui::Context) {
        let mut effects: Vec<Effect> =
            shortcut_help::take_requests(ctx).into_iter().map(Effect::Gui).collect();
        if ctx.memory(|m| m.top_modal_layer().is_none()) {
            effects.extend(shortcut_help::dispatch(ctx, &self.state));
        }
        let had_keyboard = self.help_open || self.palette.is_open();
        shortcut_help::show(ctx, &self.state, &mut self.help_open);
        effects.extend(self.palette.show(ctx, &self.state));
        if had_keyboard || self.help_open || self.palette.is_open() {
            // The overlay and the palette have the keyboard: nothing behind them (presentation
            // mode's slide keys included) sees this frame's keys.
            ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Key { .. })));
        }
        for effect in effects {
            self.run_effect(effect, ctx);
        }
    }

    /// Carries out one command: its actions in order (a File request as the File menu's),
    /// or what the window does itself.
    fn run_effect(&mut self, effect: Effect, ctx: &egui::Context) {
        match effect {
            Effect::Actions(actions) => {
                for action in actions {
                    if let Action::File(request) = action {
                        if let Some(opened) = self.files.request(request, &self.state) {
                            self.switch_to(opened, ctx);
                        }
                    } else {
                        self.state.apply(action);
                    }
                }
            }
            Effect::Gui(GuiCommand::ToggleHelp) => self.help_open = !self.help_open,
            Effect::Gui(GuiCommand::TogglePalette) => self.palette.toggle(),
            Effect::Gui(GuiCommand::TextLarger) => egui::gui_zoom::zoom_in(ctx),
            Effect::Gui(GuiCommand::TextSmaller) => egui::gui_zoom::zoom_out(ctx),
            Effect::Gui(GuiCommand::TextReset) => ctx.set_zoom_factor(1.0),
            Effect::Gui(GuiCommand::ToggleNotes) => self.presenter.toggle_notes(),
        }
        ctx.request_repaint();
    }

    /// Whether the keyboard shortcuts overlay is open.
    pub fn help_open(&self) -> bool {
        self.help_open
    }

    /// Whether the command palette is open.
    pub fn palette_open(&self) -> bool {
        self.palette.is_open()
    }

    /// The commands the palette lists now.
    pub fn palette_matches(&self) -> &[Command] {
        self.palette.matches()
    }

    /// The window while presenting: the slide keys first, then the slide; what the presenter
    /// did is applied at once.
    fn present(&mut self, ui: &mut Ui, mut actions: Vec<Action>) {
        presentation::keys(ui.ctx(), &mut self.presenter, &mut actions);
        let caches = presentation::Caches {
            map: &mut self.map,
            compare: &mut self.compare,
            targets: &mut self.targets,
            potential: &mut self.potential,
        };
        presentation::show(ui, &self.state, &mut self.presenter, caches, &mut actions);
        if !actions.is_empty() {
            self.state.apply_all(actions);
            ui.ctx().request_repaint();
        }
        self.presenter.follow(ui.ctx(), &self.state);
    }

    /// Whether presentation mode shows the speaker notes.
    pub fn notes_open(&self) -> bool {
        self.presenter.notes_open()
    }

    /// Id of the slide selected in the slide list.
    pub fn selected_slide(&self) -> Option<i64> {
        self.slides.selected()
    }

    /// Continues in another file: its state replaces this one, every painter's cache starts
    /// afresh, the lock of the old file is released and the window title names the new one.
    fn switch_to(&mut self, opened: file_menu::Opened, ctx: &egui::Context) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title(opened.state.file())));
        let theme = self.state.theme();
        self.state = opened.state;
        self.state.apply(Action::SetTheme(theme));
        self.files.set_lock(opened.lock);
        self.map = map_view::MapCache::default();
        self.ranking = None;
        self.scenario_list = scenario_list::ListState::default();
        self.editor = scenario_editor::EditorState::default();
        self.compare = compare::CompareCache::default();
        self.targets = targets::TargetsCache::default();
        self.potential = potential::PotentialCache::default();
        self.data = data_editor::DataEditor::default();
        self.slides = slides_panel::SlidesPanel::default();
        ctx.request_repaint();
    }

    /// The zoom of the working screens, also while a presentation runs at its own zoom.
    pub fn working_zoom(&self, ctx: &egui::Context) -> f32 {
        self.presenter.working_zoom(ctx)
    }

    /// Shows `notice` in one line over the panels until the planner closes it.
    pub fn set_notice(&mut self, notice: Option<String>) {
        self.notice = notice;
    }

    /// Keeps the editing lock of the open file for as long as the window shows it.
    pub fn set_file_lock(&mut self, lock: Option<crate::store::FileLock>) {
        self.files.set_lock(lock);
    }

    /// The files opened recently, latest first (at most eight).
    pub fn recent_files(&self) -> &[PathBuf] {
        self.files.recent()
    }

    /// The recent files of an earlier session, then the open file first among them.
    pub fn set_recent_files(&mut self, recent: Vec<PathBuf>) {
        self.files.set_recent(recent);
        let file = self.state.file().to_owned();
        self.files.remember(&file);
    }

    /// Where the world point `world` was drawn on screen in the last frame.
    pub fn map_screen_pos(&self, world: WorldPos) -> Option<Pos2> {
        self.map.screen_pos(world)
    }

    /// Where the label anchor of region `code` was on the Potential screen's class map in the
    /// last frame.
    pub fn potential_region_screen_pos(&self, code: &str) -> Option<Pos2> {
        let region = self.state.potential().scene().regions.iter().find(|r| r.code == code)?;
        self.potential.map_screen_pos(region.label_anchor)
    }

    /// Where the label anchor of the drawn unit `code` was on screen in the last frame.
    pub fn region_screen_pos(&self, code: &str) -> Option<Pos2> {
        let region = self.state.scene().regions.iter().find(|r| r.code == code)?;
        self.map_screen_pos(region.label_anchor)
    }

    /// Where the label anchor of region `code` was drawn on compare map `index` (0: A, 1: B,
    /// 2: the difference) in the last frame.
    pub fn compare_region_screen_pos(&self, index: usize, code: &str) -> Option<Pos2> {
        let scene = self.state.comparison().scenes.get(index)?;
        let region = scene.regions.iter().find(|r| r.code == code)?;
        self.compare.maps.get(index)?.screen_pos(region.label_anchor)
    }

    /// Where the label anchor of region `code` was drawn on the Targets tab's map in the last
    /// frame.
    pub fn target_map_region_screen_pos(&self, code: &str) -> Option<Pos2> {
        let scene = &self.state.target_map().scene;
        let region = scene.regions.iter().find(|r| r.code == code)?;
        self.targets.map_screen_pos(region.label_anchor)
    }

    /// Whether the compare view's years are playing.
    pub fn compare_playing(&self) -> bool {
        self.compare.playing()
    }

    /// The centre of the ranking bar of `code` in the last frame.
    pub fn ranking_bar_pos(&self, code: &str) -> Option<Pos2> {
        let index = self.state.ranking().iter().position(|r| r.code == code)?;
        self.ranking.as_ref()?.bar_center(index)
    }
}

/// The tabs over the scenario screen's main area: compare, assumptions, targets.
fn scenario_tabs(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        for tab in ScenarioTab::ALL {
            let (text, command) = match tab {
                ScenarioTab::Compare => (ScenarioUiText::TabCompare, Command::CompareTab),
                ScenarioTab::Assumptions => {
                    (ScenarioUiText::TabAssumptions, Command::AssumptionsTab)
                }
                ScenarioTab::Targets => (ScenarioUiText::TabTargets, Command::TargetsTab),
            };
            let on = state.scenario_tab() == tab;
            let hint = shortcut_help::tooltip(ui.ctx(), command, lang);
            if ui.selectable_label(on, text.get(lang)).on_hover_text(hint).clicked() && !on {
                actions.push(Action::SetScenarioTab(tab));
            }
        }
        // The theme, as over the map (this screen has no File menu).
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            view_menu::menu(ui, state, actions);
            // The slide list's button left of it.
            slides_panel::button(ui, state, actions);
            export_dialog::button(ui, state, actions);
        });
    });
    ui.separator();
}

fn panel_frame() -> egui::Frame {
    egui::Frame::new()
        .fill(theme::palette().panel_bg)
        .inner_margin(egui::Margin::same(theme::MARGIN as i8))
        .stroke(egui::Stroke::new(1.0, theme::palette().border))
}

/// The eframe application: the `Gui` plus first-frame timing.
struct OblysApp {
    gui: Gui,
    /// The window's context, for what `save` remembers of it.
    ctx: egui::Context,
    quit_after_first_frame: bool,
    started: Instant,
    frames: u64,
}

impl eframe::App for OblysApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        if self.quit_after_first_frame && self.frames >= 1 {
            // The first frame has been painted by the time the second one starts. Frames that
            // still run while the window closes print nothing.
            if self.frames == 1 {
                print_first_frame_time(self.started);
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            self.frames += 1;
            return;
        }
        self.gui.show(ui);
        self.frames += 1;
        if self.quit_after_first_frame {
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, LANG_KEY, &self.gui.state.lang());
        eframe::set_value(storage, THEME_KEY, &self.gui.state.theme());
        eframe::set_value(storage, RECENT_KEY, &self.gui.recent_files());
        eframe::set_value(storage, startup::LAST_FILE_KEY, &self.gui.state.file());
        eframe::set_value(storage, ZOOM_KEY, &self.gui.working_zoom(&self.ctx));
    }
}

/// Opens the main window on `file` and runs until it is closed.
pub fn run_gui(file: PathBuf, options: GuiOptions) -> Result<(), String> {
    let started = Instant::now();
    // Read the file before any window opens: a file that is not an Oblys file is a one-line
    // error on the command line, not a window that flashes and vanishes. Reading takes a few
    // milliseconds; the map geometry (tens of milliseconds) is built while the window and the
    // GPU start up.
    // The file checked first, read-only: a missing, foreign or damaged file gets no lock file
    // beside it. Then the editing lock: without it (another Oblys has the file) the window is
    // read-only.
    crate::store::schema_version(&file).map_err(|e| e.to_string())?;
    let lock = crate::store::lock_for_editing(&file).ok().flatten();
    let dataset = Arc::new(crate::store::load(&file).map_err(|e| e.to_string())?);
    let geometry = std::thread::Builder::new()
        .name("oblys-geometry".into())
        .spawn({
            let dataset = Arc::clone(&dataset);
            move || Arc::new(MapGeometry::new(&dataset))
        })
        .map_err(|e| format!("cannot start preparing the map of {}: {e}", file.display()))?;
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(window_title(&file))
            .with_inner_size(WINDOW_SIZE)
            .with_min_inner_size(MIN_WINDOW_SIZE),
        // Size and position are stored with the other settings and restored at the next start
        // (clamped to the monitors then connected).
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        startup::APP_ID,
        native,
        Box::new(move |cc| {
            let geometry = geometry
                .join()
                .map_err(|_| format!("preparing the map of {} failed", file.display()))?;
            let lang: Lang =
                cc.storage.and_then(|s| eframe::get_value(s, LANG_KEY)).unwrap_or_default();
            let mut state = AppState::with_geometry(file, dataset, geometry, lang);
            state.set_read_only(lock.is_none());
            if let Some(theme) = cc.storage.and_then(|s| eframe::get_value(s, THEME_KEY)) {
                state.apply(Action::SetTheme(theme));
            }
            let mut gui = Gui::new(state);
            gui.set_file_lock(lock);
            gui.set_notice(options.notice);
            let recent: Vec<PathBuf> =
                cc.storage.and_then(|s| eframe::get_value(s, RECENT_KEY)).unwrap_or_default();
            gui.set_recent_files(recent);
            // A session closed during a presentation must not start in its full screen or
            // its zoom (eframe restores both): the working zoom is kept apart, and a start is
            // windowed.
            if let Some(zoom) = cc.storage.and_then(|s| eframe::get_value::<f32>(s, ZOOM_KEY)) {
                cc.egui_ctx.set_zoom_factor(zoom);
            }
            cc.egui_ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            Ok(Box::new(OblysApp {
                gui,
                ctx: cc.egui_ctx.clone(),
                quit_after_first_frame: options.quit_after_first_frame,
                started,
                frames: 0,
            }))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}

/// "kazakhstan.oblys — Oblys".
pub fn window_title(file: &Path) -> String {
    let name = file
        .file_name()
        .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
    format!("{name} — Oblys")
}

/// Prints how long after the process started the first frame was on screen. On Linux the start
/// is the kernel's record of the process (10 ms resolution), so dynamic loading and `main` count
/// too; elsewhere it is the call of `run_gui`.
fn print_first_frame_time(run_gui_started: Instant) {
    let since_run_gui = run_gui_started.elapsed().as_secs_f64() * 1000.0;
    match process_age_ms() {
        Some(ms) => println!(
            "first frame painted {ms:.0} ms after process start ({since_run_gui:.1} ms after the \
             window was requested)"
        ),
        None => {
            println!("first frame painted {since_run_gui:.1} ms after the window was requested")
        }
    }
}

/// Milliseconds since this process started, from /proc (Linux only).
fn process_age_ms() -> Option<f64> {
    /// Clock ticks per second of /proc times (USER_HZ, 100 on every Linux architecture).
    const USER_HZ: f64 = 100.0;
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let after_name = stat.rsplit_once(')')?.1;
    // starttime is field 22 overall, the 20th after the name.
    let start_ticks: f64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let uptime_s: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    Some((uptime_s - start_ticks / USER_HZ) * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_title_is_the_file_name_then_oblys() {
        assert_eq!(window_title(Path::new("/home/a/plans/kz.oblys")), "kz.oblys — Oblys");
    }

    #[test]
    fn process_age_is_known_and_positive_on_linux() {
        if cfg!(target_os = "linux") {
            let age = process_age_ms().expect("readable /proc");
            assert!(age >= 0.0, "{age}");
        }
    }
}
