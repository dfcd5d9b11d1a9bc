//! The View menu: the theme of the window (Light, Projector, Dark). It sits beside the File
//! menu over the map and at the right of the scenario screen's tabs, so the presenter finds it
//! on either screen.

use egui::{RichText, Ui};

use crate::app::commands::Command;
use crate::app::{Action, AppState, ThemeKind};
use crate::i18n::view_text::{self, ViewText};
use crate::ui::shortcut_help;
use crate::ui::theme;

/// The menu button and its entries; choosing a theme other than the current one sends
/// `Action::SetTheme`.
pub fn menu(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let current = state.theme();
    ui.menu_button(ViewText::Menu.get(lang), |ui| {
        ui.label(
            RichText::new(ViewText::Theme.get(lang)).small().color(theme::palette().text_muted),
        );
        let ctx = ui.ctx().clone();
        for kind in ThemeKind::ALL {
            let on = kind == current;
            // What the theme is for, then its key from the command list.
            let command = match kind {
                ThemeKind::Light => Command::ThemeLight,
                ThemeKind::Projector => Command::ThemeProjector,
                ThemeKind::Dark => Command::ThemeDark,
            };
            let keys = shortcut_help::keys_text(&ctx, command, lang);
            let hint = format!("{}\n{keys}", view_text::theme_hint(kind, lang));
            let entry =
                ui.selectable_label(on, view_text::theme_name(kind, lang)).on_hover_text(hint);
            if entry.clicked() {
                if !on {
                    actions.push(Action::SetTheme(kind));
                }
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(ViewText::MenuHint.get(lang));
}
