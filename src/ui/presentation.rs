//! Presentation mode: the window goes full screen with a larger zoom (the presenter may change it
//! with Ctrl +/−; the working zoom comes back on leaving), the editing chrome is gone, and the
//! shown slide's live view fills the screen under its title — the map with its legend and a
//! year slider with play/pause, the comparison, the chart, the table or the targets — with a
//! footer of source line (the maps carry theirs), keys and "3 / 10", and the speaker notes toggled with N. The slide
//! keys (→ / PageDown / Space, ← / PageUp, Home, End, Esc) are taken before any widget sees
//! them. Also here: the year animation of the map screen (one year every
//! `PLAY_STEP_SECONDS`, stopping at the last) and its play/pause button.

use std::time::Duration;

use egui::{Button, Key, Modifiers, Rect, RichText, Slider, Stroke, Ui, vec2};

use crate::app::commands::Command;
use crate::app::{Action, AppState};
use crate::i18n::presentation_text::{self, PresentationText as T};
use crate::i18n::{ScenarioUiText, UiText};
use crate::model::SlideScreen;
use crate::ui::compare::{self, CompareCache, PLAY_STEP_SECONDS};
use crate::ui::map_view::{self, MapCache};
use crate::ui::potential::{self, PotentialCache};
use crate::ui::shortcut_help::hint_with_keys;
use crate::ui::targets::{self, TargetsCache};
use crate::ui::{chart_area, table, theme};

/// The zoom factor a presentation starts with: text and controls half as large again, to be
/// read from the back of a meeting room.
pub const PRESENTATION_ZOOM: f32 = 1.5;
/// Size of the slide's title, points (before the zoom).
const TITLE_PT: f32 = 26.0;
/// Size of the year beside the slider, points.
const YEAR_PT: f32 = 22.0;
/// Width of the year slider's track, points.
const YEAR_SLIDER_WIDTH: f32 = 320.0;
/// Share of the window's width the speaker notes take when shown.
const NOTES_SHARE: f32 = 0.28;
/// Size of the play/pause button, points.
const PLAY_SIZE: egui::Vec2 = egui::Vec2::new(30.0, 24.0);

/// What presentation mode keeps between frames.
#[derive(Debug, Default)]
pub struct Presenter {
    /// Whether the window is in presentation mode (full screen, presentation zoom).
    active: bool,
    /// The zoom of the working screens, restored when the presentation ends.
    working_zoom: f32,
    /// The presenter's zoom at the end of the last presentation; the next one starts with it.
    zoom: Option<f32>,
    /// Whether the speaker notes are shown.
    notes_open: bool,
    /// The year animation's clock.
    player: Player,
}

impl Presenter {
    /// Whether the speaker notes are shown.
    pub fn notes_open(&self) -> bool {
        self.notes_open
    }

    /// Shows or hides the speaker notes (the N key, or the command palette).
    pub fn toggle_notes(&mut self) {
        self.notes_open = !self.notes_open;
    }

    /// The zoom of the working screens: the one a running presentation will restore, else the
    /// window's own (what the window remembers for the next start).
    pub fn working_zoom(&self, ctx: &egui::Context) -> f32 {
        if self.active { self.working_zoom } else { ctx.zoom_factor() }
    }

    /// Follows the state into or out of presentation mode: full screen and the presentation's
    /// zoom on entering (no widget keeps the keyboard), the working zoom and a window on leaving.
    pub fn follow(&mut self, ctx: &egui::Context, state: &AppState) {
        match (state.presenting(), self.active) {
            (true, false) => {
                self.active = true;
                self.working_zoom = ctx.zoom_factor();
                ctx.set_zoom_factor(self.zoom.unwrap_or(PRESENTATION_ZOOM));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                ctx.memory_mut(|m| {
                    if let Some(id) = m.focused() {
                        m.surrender_focus(id);
                    }
                });
            }
            (false, true) => {
                self.active = false;
                self.zoom = Some(ctx.zoom_factor());
                ctx.set_zoom_factor(self.working_zoom);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            _ => {}
        }
    }
}

/// The year animation's clock: while the state plays, the year moves on to the indicator's next
/// year every `PLAY_STEP_SECONDS` and stops on the last.
#[derive(Debug, Clone, Copy, Default)]
struct Player {
    /// Whether the state was playing last frame.
    running: bool,
    /// `egui` time of the last step (or of the press of play).
    last_step: f64,
}

/// Steps the map screen's years while they play (on the working map screen and on map, chart
/// and table slides); stops the animation when the screen no longer shows those years.
pub fn animate(
    ctx: &egui::Context,
    state: &AppState,
    presenter: &mut Presenter,
    actions: &mut Vec<Action>,
) {
    let player = &mut presenter.player;
    if !state.playing() {
        player.running = false;
        return;
    }
    let shows_years = match state.presented_screen() {
        Some(screen) => {
            matches!(screen, SlideScreen::Map | SlideScreen::Chart | SlideScreen::Table)
        }
        None => state.screen() == crate::app::Screen::Map,
    };
    if !shows_years {
        actions.push(Action::SetPlaying(false));
        return;
    }
    let now = ctx.input(|i| i.time);
    if !player.running {
        player.running = true;
        player.last_step = now;
    }
    if now >= player.last_step + PLAY_STEP_SECONDS {
        player.last_step = now;
        match state.next_year() {
            Some(year) => {
                actions.push(Action::SetYear(year));
                if state.years().last() == Some(&year) {
                    actions.push(Action::SetPlaying(false));
                }
            }
            None => actions.push(Action::SetPlaying(false)),
        }
    }
    let wait = (player.last_step + PLAY_STEP_SECONDS - now).max(0.0);
    ctx.request_repaint_after(Duration::from_secs_f64(wait));
}

/// Play/pause of the map screen's years (from the first year when on the last).
pub fn play_button(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let playing = state.playing();
    let name = if playing { ScenarioUiText::Pause } else { ScenarioUiText::Play };
    let enabled = state.years().len() > 1;
    let hint = hint_with_keys(ui.ctx(), name.get(lang), Command::PlayPause);
    let response = ui.add_enabled(enabled, Button::new("").min_size(PLAY_SIZE)).on_hover_text(hint);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name.get(lang)));
    // The icon is drawn: the bundled fonts have no ▶ or ⏸.
    let color = if enabled { theme::palette().text } else { theme::palette().text_muted };
    let c = response.rect.center();
    if playing {
        for dx in [-3.5, 3.5] {
            let bar = Rect::from_center_size(c + vec2(dx, 0.0), vec2(3.5, 11.0));
            ui.painter().rect_filled(bar, 0.5, color);
        }
    } else {
        ui.painter().add(egui::Shape::convex_polygon(
            vec![c + vec2(-4.0, -6.0), c + vec2(6.0, 0.0), c + vec2(-4.0, 6.0)],
            color,
            Stroke::NONE,
        ));
    }
    if response.clicked() {
        actions.push(Action::SetPlaying(!playing));
    }
}

/// The slide keys, taken from the input before any widget sees them (a focused slider would
/// move with the arrows too): → / PageDown / Space next, ← / PageUp previous, Home first, End
/// last, Esc leaves, N shows or hides the notes. Keys the command list already handled this
/// frame are gone from the input by now.
pub fn keys(ctx: &egui::Context, presenter: &mut Presenter, actions: &mut Vec<Action>) {
    const SLIDE_KEYS: [(Key, Action); 8] = [
        (Key::ArrowRight, Action::NextSlide),
        (Key::PageDown, Action::NextSlide),
        (Key::Space, Action::NextSlide),
        (Key::ArrowLeft, Action::PreviousSlide),
        (Key::PageUp, Action::PreviousSlide),
        (Key::Home, Action::FirstSlide),
        (Key::End, Action::LastSlide),
        (Key::Escape, Action::StopPresentation),
    ];
    ctx.input_mut(|input| {
        for (key, action) in SLIDE_KEYS {
            while input.consume_key(Modifiers::NONE, key) {
                actions.push(action.clone());
            }
        }
        while input.consume_key(Modifiers::NONE, Key::N) {
            presenter.notes_open = !presenter.notes_open;
        }
    });
}

/// The painters' caches presentation mode draws with (the working screens' own).
pub struct Caches<'a> {
    pub map: &'a mut MapCache,
    pub compare: &'a mut CompareCache,
    pub targets: &'a mut TargetsCache,
    pub potential: &'a mut PotentialCache,
}

/// The whole window while presenting: title, the live view, notes, footer.
pub fn show(
    ui: &mut Ui,
    state: &AppState,
    presenter: &mut Presenter,
    caches: Caches<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let Some(slide) = state.presented_slide() else { return };
    let Some(screen) = state.presented_screen() else { return };
    let palette = theme::palette();
    let frame = egui::Frame::new()
        .fill(palette.panel_bg)
        .inner_margin(egui::Margin::symmetric(2 * theme::MARGIN as i8, theme::MARGIN as i8));
    egui::Panel::top("presentation_title").frame(frame).show(ui, |ui| {
        ui.horizontal(|ui| {
            let title =
                RichText::new(slide.title.get(lang)).size(TITLE_PT).strong().color(palette.text);
            ui.add(egui::Label::new(title).truncate());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let leave = ui.add(Button::new(RichText::new("×").size(20.0)).frame(false));
                let leave = leave.on_hover_text(T::Leave.get(lang));
                leave.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, T::Leave.get(lang))
                });
                if leave.clicked() {
                    actions.push(Action::StopPresentation);
                }
            });
        });
    });
    egui::Panel::bottom("presentation_footer").frame(frame).show(ui, |ui| {
        footer(ui, state, screen, actions);
    });
    if presenter.notes_open {
        let width = ui.available_width() * NOTES_SHARE;
        egui::Panel::right("presentation_notes")
            .exact_size(width)
            .frame(frame.stroke(Stroke::new(1.0, palette.border)))
            .show(ui, |ui| {
                ui.label(RichText::new(T::SpeakerNotes.get(lang)).strong().color(palette.accent));
                ui.add_space(4.0);
                let notes = slide.notes.get(lang);
                let text = if notes.is_empty() { T::NoNotes.get(lang) } else { notes };
                egui::ScrollArea::vertical().id_salt("presentation_notes").show(ui, |ui| {
                    ui.label(RichText::new(text).color(palette.text));
                });
            });
    }
    let body = egui::Frame::new()
        .fill(palette.panel_bg)
        .inner_margin(egui::Margin::same(theme::MARGIN as i8));
    egui::CentralPanel::default().frame(body).show(ui, |ui| match screen {
        SlideScreen::Map => {
            year_row(ui, state, actions);
            caches.map.presenting = true;
            map_view::show(ui, state, caches.map, actions);
            caches.map.presenting = false;
        }
        SlideScreen::Chart => {
            year_row(ui, state, actions);
            ui.vertical(|ui| chart_area::time_chart(ui, state, actions));
        }
        SlideScreen::Table => table::show(ui, state, actions),
        SlideScreen::Compare => {
            compare::show(ui, state, caches.compare, compare::CompareLayout::MapsOnly, actions)
        }
        SlideScreen::Targets => targets::show(ui, state, caches.targets, actions),
        SlideScreen::Potential => potential::show(
            ui,
            state,
            caches.potential,
            potential::PotentialLayout::Presentation,
            actions,
        ),
    });
}

/// The year of the map, chart and table slides: label, slider over the indicator's years, the
/// year large, play/pause.
fn year_row(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let years = state.years();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else { return };
    ui.horizontal(|ui| {
        let label = ui.label(UiText::Year.get(lang));
        let mut year = state.view().year;
        ui.spacing_mut().slider_width = YEAR_SLIDER_WIDTH;
        let slider = Slider::new(&mut year, first..=last).show_value(false).integer();
        let response = ui.add_enabled(first < last, slider).labelled_by(label.id);
        let response = response.on_hover_text(UiText::Year.get(lang));
        if response.changed() {
            // The slider runs over every year between; the map shows the nearest year it has.
            let nearest = years.iter().copied().min_by_key(|y| (y - year).abs()).unwrap_or(year);
            actions.push(Action::SetYear(nearest));
        }
        ui.label(RichText::new(state.view().year.to_string()).size(YEAR_PT).strong());
        play_button(ui, state, actions);
    });
    ui.add_space(4.0);
}

/// Source line at the left, keys in the middle, "3 / 10" with previous/next at the right.
fn footer(ui: &mut Ui, state: &AppState, screen: SlideScreen, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let palette = theme::palette();
    let count = state.dataset().slides.len();
    let current = state.current_slide().unwrap_or_default();
    // The maps draw their source line themselves; the chart and the table have it here.
    let source = match screen {
        SlideScreen::Chart | SlideScreen::Table => state.scene().source_line.clone(),
        SlideScreen::Map | SlideScreen::Compare | SlideScreen::Targets | SlideScreen::Potential => {
            String::new()
        }
    };
    ui.horizontal(|ui| {
        let width = ui.available_width();
        ui.add_sized(
            vec2(width * 0.5, ui.spacing().interact_size.y),
            egui::Label::new(RichText::new(source).small().color(palette.text_muted)).truncate(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let next = ui.add_enabled(current + 1 < count, Button::new("›").frame(false));
            let next = next.on_hover_text(T::Next.get(lang));
            next.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, T::Next.get(lang))
            });
            if next.clicked() {
                actions.push(Action::NextSlide);
            }
            let counter = presentation_text::slide_counter(current, count);
            ui.label(RichText::new(counter).strong().color(palette.text));
            let previous = ui.add_enabled(current > 0, Button::new("‹").frame(false));
            let previous = previous.on_hover_text(T::Previous.get(lang));
            previous.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, T::Previous.get(lang))
            });
            if previous.clicked() {
                actions.push(Action::PreviousSlide);
            }
            ui.add_space(2.0 * theme::MARGIN);
            ui.label(RichText::new(T::KeysHint.get(lang)).small().color(palette.text_muted));
        });
    });
}
