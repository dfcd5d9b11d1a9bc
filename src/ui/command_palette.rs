//! The command palette (Ctrl+K): a search field over every command of `app::commands`, filtered
//! as the planner types (in the shown language, in English, or by the command's id), the arrow
//! keys moving the highlight, Enter running it, Esc closing. A command that cannot run now is
//! listed greyed and does not run. Each row shows the command's key.

use egui::{Key, Modifiers, RichText, TextEdit};

use crate::app::AppState;
use crate::app::commands::{Command, Effect};
use crate::i18n::command_text::CommandText;
use crate::model::Lang;
use crate::ui::shortcut_help;
use crate::ui::theme;

/// Width of the palette, points.
const WIDTH: f32 = 520.0;
/// Height of the list before it scrolls, points.
const LIST_HEIGHT: f32 = 380.0;

/// The palette's lasting state: open or not, the typed text, the commands it matches and the
/// highlighted one.
#[derive(Debug, Default)]
pub struct CommandPalette {
    open: bool,
    query: String,
    /// The commands matching `query` in `filtered_for`'s language, in the list's order.
    matches: Vec<Command>,
    /// The text and language `matches` were filtered for (filtered again only when they change).
    filtered_for: Option<(String, Lang)>,
    /// Position of the highlighted row in `matches`.
    highlight: usize,
    /// The search field takes the keyboard on the first frame after opening.
    focus: bool,
}

/// Commands matching `query` in `lang`: every word of the query (case-insensitive) is in the
/// command's name in `lang`, its English name or its id. An empty query matches all.
pub fn matching(query: &str, lang: Lang) -> Vec<Command> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Command::ALL
        .into_iter()
        .filter(|c| {
            let haystack = format!(
                "{} {} {}",
                c.label(lang).to_lowercase(),
                c.label(Lang::En).to_lowercase(),
                c.id()
            );
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect()
}

impl CommandPalette {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The commands listed now, in order.
    pub fn matches(&self) -> &[Command] {
        &self.matches
    }

    /// Opens the palette afresh (empty search, every command), or closes it.
    pub fn toggle(&mut self) {
        if self.open {
            self.open = false;
            return;
        }
        *self = CommandPalette { open: true, focus: true, ..CommandPalette::default() };
    }

    /// The palette while it is open; the effect of the command chosen this frame, if one was
    /// (the palette closes then).
    pub fn show(&mut self, ctx: &egui::Context, state: &AppState) -> Option<Effect> {
        if !self.open {
            return None;
        }
        let lang = state.lang();
        self.refilter(lang);
        // The palette's own keys, taken before the search field sees them.
        let (close, down, up, enter) = ctx.input_mut(|i| {
            let palette = Command::Palette.shortcut();
            (
                i.consume_key(Modifiers::NONE, Key::Escape)
                    || palette.is_some_and(|s| i.consume_shortcut(&s)),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        if close {
            self.open = false;
            return None;
        }
        let last = self.matches.len().saturating_sub(1);
        let moved = down || up;
        if down {
            self.highlight = (self.highlight + 1).min(last);
        }
        if up {
            self.highlight = self.highlight.saturating_sub(1);
        }
        let mut chosen = enter.then(|| self.matches.get(self.highlight).copied()).flatten();
        let modal = egui::Modal::new(egui::Id::unique("oblys.command_palette")).show(ctx, |ui| {
            ui.set_width(WIDTH);
            let label = ui.label(RichText::new(CommandText::SearchLabel.get(lang)).strong());
            let field = ui
                .add(
                    TextEdit::singleline(&mut self.query)
                        .hint_text(CommandText::SearchHint.get(lang))
                        .desired_width(WIDTH),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            ui.add_space(4.0);
            egui::ScrollArea::vertical().max_height(LIST_HEIGHT).show(ui, |ui| {
                // A constant height: the field stays where it is while the list shortens.
                ui.set_min_height(LIST_HEIGHT);
                if self.matches.is_empty() {
                    ui.label(
                        RichText::new(CommandText::NoMatch.get(lang))
                            .color(theme::palette().text_muted),
                    );
                }
                for (index, command) in self.matches.iter().enumerate() {
                    let available = command.available(state);
                    let highlighted = index == self.highlight;
                    // The keys stay readable on the highlight's accent fill.
                    let keys_colour = if highlighted {
                        theme::palette().on_accent
                    } else {
                        theme::palette().text_muted
                    };
                    let keys = shortcut_help::keys_text(ui.ctx(), *command, lang);
                    let row = egui::Button::selectable(highlighted, command.label(lang))
                        .shortcut_text(RichText::new(keys).color(keys_colour))
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    let response = ui
                        .add_enabled(available, row)
                        .on_disabled_hover_text(CommandText::Unavailable.get(lang));
                    if moved && highlighted {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        chosen = Some(*command);
                    }
                }
            });
            ui.add_space(4.0);
            ui.label(
                RichText::new(CommandText::PaletteHint.get(lang))
                    .small()
                    .color(theme::palette().text_muted),
            );
        });
        if modal.should_close() {
            self.open = false;
            return None;
        }
        let command = chosen?;
        // A greyed command stays listed and the palette stays open.
        let effect = command.effect(state)?;
        self.open = false;
        Some(effect)
    }

    /// Filters the commands again when the typed text or the language changed; the highlight
    /// goes back to the first row then.
    fn refilter(&mut self, lang: Lang) {
        if self.filtered_for.as_ref().is_some_and(|(q, l)| *q == self.query && *l == lang) {
            return;
        }
        self.matches = matching(&self.query, lang);
        self.highlight = 0;
        self.filtered_for = Some((self.query.clone(), lang));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_search_lists_every_command_in_order() {
        assert_eq!(matching("  ", Lang::Ru), Command::ALL.to_vec());
    }

    #[test]
    fn search_matches_the_shown_language_english_and_ids_ignoring_case() {
        assert_eq!(matching("ТЁМНАЯ", Lang::Ru), vec![Command::ThemeDark]);
        assert_eq!(matching("dark", Lang::Ru), vec![Command::ThemeDark]);
        assert_eq!(matching("қараңғы", Lang::Kk), vec![Command::ThemeDark]);
        assert_eq!(matching("theme.dark", Lang::Kk), vec![Command::ThemeDark]);
        assert_eq!(matching("next slide", Lang::En), vec![Command::NextSlide]);
        assert_eq!(
            matching("слайд", Lang::Ru),
            vec![
                Command::Export,
                Command::NextSlide,
                Command::PreviousSlide,
                Command::FirstSlide,
                Command::LastSlide,
                Command::AddSlide,
                Command::SlideList,
            ]
        );
        assert_eq!(matching("nothing like this", Lang::En), Vec::<Command>::new());
    }
}
