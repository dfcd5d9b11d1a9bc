//! The slide list: a window over the working screens, opened by the "Slides" button beside the
//! map's File and Data buttons or over the scenario screen's tabs. It lists the deck (number,
//! title, screen), adds a slide from the current view, and for the selected slide opens its
//! view, moves it, renames it, edits its speaker notes, replaces its view and deletes it (after a
//! question); "Present" starts the presentation at the selected slide. Every change is an
//! `Action`; `AppState` writes it to the file.

use egui::{Button, RichText, ScrollArea, TextEdit, Ui};

use crate::app::commands::Command;
use crate::app::{Action, AppState};
use crate::i18n::presentation_text::{self, PresentationText as T};
use crate::model::{Slide, SlideScreen};
use crate::ui::shortcut_help::hint_with_keys;
use crate::ui::theme;

/// Width of the window's content, points.
const WIDTH: f32 = 440.0;
/// Most of the list's height before it scrolls, points.
const LIST_HEIGHT: f32 = 320.0;
/// Lines of the speaker notes field.
const NOTES_ROWS: usize = 6;

/// What the list keeps between frames: the selected slide and the text being typed.
#[derive(Debug, Default)]
pub struct SlidesPanel {
    /// Id of the selected slide.
    selected: Option<i64>,
    editing: Option<Editing>,
    /// How many slides the deck had last frame (None before the first): a slide added since
    /// is selected.
    known: Option<usize>,
}

/// A field open under the list.
#[derive(Debug)]
enum Editing {
    Title { id: i64, text: String },
    Notes { id: i64, text: String },
}

impl SlidesPanel {
    /// Id of the slide selected in the list.
    pub fn selected(&self) -> Option<i64> {
        self.selected
    }
}

/// The "Slides" button that opens and closes the list.
pub fn button(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let on = state.slides_open();
    let text = RichText::new(T::Slides.get(lang)).size(15.0);
    let hint = hint_with_keys(ui.ctx(), T::SlidesHint.get(lang), Command::SlideList);
    if ui.selectable_label(on, text).on_hover_text(hint).clicked() {
        actions.push(Action::ShowSlides(!on));
    }
}

/// The window, while it is open, and the question before a slide is deleted.
pub fn show(
    ctx: &egui::Context,
    state: &AppState,
    panel: &mut SlidesPanel,
    actions: &mut Vec<Action>,
) {
    delete_dialog(ctx, state, actions);
    let slides = &state.dataset().slides;
    // Follow the deck: a new slide is selected, a deleted one is forgotten.
    if panel.known.is_some_and(|known| slides.len() > known) {
        panel.selected = slides.iter().max_by_key(|s| s.id).map(|s| s.id);
    }
    panel.known = Some(slides.len());
    if panel.selected.is_none_or(|id| state.dataset().slide(id).is_none()) {
        panel.selected = slides.first().map(|s| s.id);
    }
    if !state.slides_open() {
        panel.editing = None;
        return;
    }
    let lang = state.lang();
    let mut open = true;
    egui::Window::new(T::Deck.get(lang))
        .id(egui::Id::unique("oblys.slides"))
        .open(&mut open)
        // Right of the map's key and below the map's buttons, so neither is covered.
        .default_pos([
            ctx.content_rect().center().x - WIDTH * 0.35,
            3.0 * theme::TOP_BAR_ROW + 40.0,
        ])
        .default_width(WIDTH)
        .resizable(false)
        .show(ctx, |ui| {
            ui.set_width(WIDTH);
            top_row(ui, state, panel, actions);
            if let Some(error) = state.slide_error() {
                ui.label(RichText::new(error).color(theme::palette().problem));
            }
            ui.separator();
            if slides.is_empty() {
                ui.label(RichText::new(T::NoSlides.get(lang)).color(theme::palette().text_muted));
                return;
            }
            list(ui, state, panel);
            ui.separator();
            let Some(slide) = panel.selected.and_then(|id| state.dataset().slide(id)) else {
                return;
            };
            match panel.editing.take() {
                Some(editing) => panel.editing = edit_field(ui, state, editing, actions),
                None => slide_buttons(ui, state, slide, panel, actions),
            }
        });
    if !open {
        actions.push(Action::ShowSlides(false));
    }
}

/// "+ Slide from this view" and "Present".
fn top_row(ui: &mut Ui, state: &AppState, panel: &SlidesPanel, actions: &mut Vec<Action>) {
    let lang = state.lang();
    ui.horizontal(|ui| {
        let add = ui.add_enabled(!state.read_only(), Button::new(T::AddFromView.get(lang)));
        let hint = hint_with_keys(ui.ctx(), T::AddFromViewHint.get(lang), Command::AddSlide);
        if add.on_hover_text(hint).clicked() {
            actions.push(Action::AddSlideFromView);
        }
        let slides = &state.dataset().slides;
        let start = panel.selected.and_then(|id| slides.iter().position(|s| s.id == id));
        let present = ui.add_enabled(
            !slides.is_empty(),
            Button::new(RichText::new(T::Present.get(lang)).strong()),
        );
        let hint = hint_with_keys(ui.ctx(), T::PresentHint.get(lang), Command::Present);
        if present.on_hover_text(hint).clicked() {
            actions.push(Action::ShowSlides(false));
            actions.push(Action::StartPresentation(start.unwrap_or(0)));
        }
    });
}

/// The deck: "3. Title" with the screen it shows; a click selects.
fn list(ui: &mut Ui, state: &AppState, panel: &mut SlidesPanel) {
    let lang = state.lang();
    let list = ScrollArea::vertical().id_salt("slides_list").max_height(LIST_HEIGHT);
    list.show(ui, |ui| {
        ui.set_width(ui.available_width());
        for (i, slide) in state.dataset().slides.iter().enumerate() {
            let on = panel.selected == Some(slide.id);
            let screen = presentation_text::screen_name(slide.view.screen, lang);
            ui.horizontal(|ui| {
                let text = format!("{}. {}", i + 1, slide.title.get(lang));
                let row = ui.selectable_label(on, RichText::new(text).strong());
                let row = row.on_hover_text(format!("{}: {screen}", T::Screen.get(lang)));
                if row.clicked() && !on {
                    panel.selected = Some(slide.id);
                    panel.editing = None;
                }
                ui.label(RichText::new(screen).small().color(theme::palette().text_muted));
            });
        }
    });
}

/// What can be done with the selected slide.
fn slide_buttons(
    ui: &mut Ui,
    state: &AppState,
    slide: &Slide,
    panel: &mut SlidesPanel,
    actions: &mut Vec<Action>,
) {
    let lang = state.lang();
    let slides = &state.dataset().slides;
    let index = slides.iter().position(|s| s.id == slide.id).unwrap_or_default();
    let writable = !state.read_only();
    ui.horizontal_wrapped(|ui| {
        if ui.button(T::Show.get(lang)).on_hover_text(T::ShowHint.get(lang)).clicked() {
            actions.push(Action::GoToSlide(index));
        }
        let up = ui.add_enabled(writable && index > 0, Button::new(T::MoveUp.get(lang)));
        if up.on_hover_text(T::MoveUpHint.get(lang)).clicked() {
            actions.push(Action::MoveSlide { id: slide.id, to: index.saturating_sub(1) });
        }
        let last = index + 1 >= slides.len();
        let down = ui.add_enabled(writable && !last, Button::new(T::MoveDown.get(lang)));
        if down.on_hover_text(T::MoveDownHint.get(lang)).clicked() {
            actions.push(Action::MoveSlide { id: slide.id, to: index + 1 });
        }
        let rename = ui.add_enabled(writable, Button::new(T::Rename.get(lang)));
        if rename.on_hover_text(T::RenameHint.get(lang)).clicked() {
            let text = slide.title.get(lang).to_owned();
            panel.editing = Some(Editing::Title { id: slide.id, text });
        }
        let notes = ui.add_enabled(writable, Button::new(T::Notes.get(lang)));
        if notes.on_hover_text(T::NotesHint.get(lang)).clicked() {
            let text = slide.notes.get(lang).to_owned();
            panel.editing = Some(Editing::Notes { id: slide.id, text });
        }
        let update = ui.add_enabled(writable, Button::new(T::Update.get(lang)));
        if update.on_hover_text(T::UpdateHint.get(lang)).clicked() {
            actions.push(Action::ReplaceSlideView(slide.id));
        }
        let delete = ui.add_enabled(writable, Button::new(T::Delete.get(lang)));
        if delete.on_hover_text(T::DeleteHint.get(lang)).clicked() {
            actions.push(Action::AskDeleteSlide(Some(slide.id)));
        }
    });
    screen_choice(ui, state, slide, actions);
    let notes = slide.notes.get(lang);
    if !notes.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(notes).small().color(theme::palette().text_muted));
    }
}

/// For a slide of the map screen: whether it is presented as the map, the chart or the table.
fn screen_choice(ui: &mut Ui, state: &AppState, slide: &Slide, actions: &mut Vec<Action>) {
    let choices = [SlideScreen::Map, SlideScreen::Chart, SlideScreen::Table];
    if !choices.contains(&slide.view.screen) {
        return;
    }
    let lang = state.lang();
    ui.horizontal(|ui| {
        ui.label(T::Screen.get(lang)).on_hover_text(T::ScreenHint.get(lang));
        for screen in choices {
            let on = slide.view.screen == screen;
            let name = presentation_text::screen_name(screen, lang);
            let choice = ui.add_enabled(!state.read_only(), egui::Button::selectable(on, name));
            if choice.on_hover_text(T::ScreenHint.get(lang)).clicked() && !on {
                actions.push(Action::SetSlideScreen { id: slide.id, screen });
            }
        }
    });
}

/// The title or notes field with Save and Cancel; what stays open for the next frame.
fn edit_field(
    ui: &mut Ui,
    state: &AppState,
    mut editing: Editing,
    actions: &mut Vec<Action>,
) -> Option<Editing> {
    let lang = state.lang();
    let (label, text, single) = match &mut editing {
        Editing::Title { text, .. } => (T::TitleField, text, true),
        Editing::Notes { text, .. } => (T::NotesField, text, false),
    };
    let label = ui.label(label.get(lang));
    let field = if single {
        TextEdit::singleline(text)
    } else {
        TextEdit::multiline(text).desired_rows(NOTES_ROWS)
    };
    let response = ui.add(field.desired_width(f32::INFINITY)).labelled_by(label.id);
    let enter = single && response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let (save, cancel) = ui
        .horizontal(|ui| {
            let save = ui.button(T::Save.get(lang)).on_hover_text(T::Save.get(lang)).clicked();
            let cancel =
                ui.button(T::Cancel.get(lang)).on_hover_text(T::Cancel.get(lang)).clicked();
            (save, cancel)
        })
        .inner;
    if cancel {
        return None;
    }
    if save || enter {
        actions.push(match editing {
            Editing::Title { id, text } => Action::RenameSlide { id, title: text },
            Editing::Notes { id, text } => Action::SetSlideNotes { id, notes: text },
        });
        return None;
    }
    Some(editing)
}

/// The question before a slide is deleted.
fn delete_dialog(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    let Some(slide) = state.slide_delete_pending() else { return };
    let lang = state.lang();
    egui::Window::new(T::Delete.get(lang))
        .id(egui::Id::unique("oblys.slides.delete"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            let question = presentation_text::delete_question(slide.title.get(lang), lang);
            ui.label(RichText::new(question).strong());
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let yes = ui.button(T::ConfirmDelete.get(lang));
                if yes.on_hover_text(T::DeleteHint.get(lang)).clicked() {
                    actions.push(Action::DeleteSlide(slide.id));
                }
                if ui.button(T::Cancel.get(lang)).on_hover_text(T::Cancel.get(lang)).clicked() {
                    actions.push(Action::AskDeleteSlide(None));
                }
            });
        });
}
