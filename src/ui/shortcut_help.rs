//! Keyboard shortcuts in the window: the one dispatch of the commands' keys per frame
//! (`dispatch`), the F1 overlay listing every command by group with its keys (`show`), and the
//! tooltip text of a command (`tooltip`). All three read `app::commands::Command`, so a key is
//! declared once.

use std::sync::OnceLock;

use egui::{Event, Key, KeyboardShortcut, Modifiers, RichText};

use crate::app::AppState;
use crate::app::commands::{Command, Effect, Group, GuiCommand, KeyHandler};
use crate::i18n::command_text::{self, CommandText};
use crate::model::Lang;
use crate::ui::theme;

/// Width of the help overlay, points.
const HELP_WIDTH: f32 = 940.0;
/// Share of the window's height the overlay's list may take before it scrolls.
const HELP_HEIGHT_SHARE: f32 = 0.75;

/// Every (command, key) the dispatch handles, the most specific first: egui matches a key
/// pressed with extra Shift or Alt too (Ctrl+Shift+Z is also Ctrl+Z), so the key with more
/// modifiers must claim its press first. Built once.
fn keymap() -> &'static [(Command, KeyboardShortcut)] {
    static MAP: OnceLock<Vec<(Command, KeyboardShortcut)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .into_iter()
            .filter(|c| c.key_handler() == KeyHandler::Dispatch)
            .flat_map(|c| c.shortcuts().iter().map(move |s| (c, *s)))
            .collect();
        // A stable sort keeps the list's order among keys of equal weight.
        map.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        map
    })
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd)
}

/// The command a key press is for: the most specific key of the list that matches it.
fn command_for(key: Key, pressed: Modifiers) -> Option<(Command, KeyboardShortcut)> {
    keymap()
        .iter()
        .find(|(_, s)| s.logical_key == key && pressed.matches_logically(s.modifiers))
        .copied()
}

/// Runs the commands whose keys were pressed this frame and returns what they do, in the order
/// pressed. A key is consumed only when its command can run now, so a key of an unavailable
/// command stays with the widget that wants it. While a text field is being typed in, only
/// function keys and command-key shortcuts the field does not use itself run; while another
/// widget has the keyboard (a slider moved with the arrows), no plain key runs. Called once per
/// frame, before the panels, and not while a dialog (the palette, the help, a file dialog) is
/// open: those have the keyboard.
pub fn dispatch(ctx: &egui::Context, state: &AppState) -> Vec<Effect> {
    let typing = ctx.text_edit_focused();
    let focused = ctx.memory(|m| m.focused().is_some());
    ctx.input_mut(|input| {
        let presses: Vec<(Key, Modifiers)> = input
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Key { key, modifiers, pressed: true, .. } => Some((*key, *modifiers)),
                _ => None,
            })
            .collect();
        let mut effects = Vec::new();
        for (key, modifiers) in presses {
            let Some((command, shortcut)) = command_for(key, modifiers) else { continue };
            let allowed = if typing {
                Command::works_while_typing(shortcut)
            } else {
                !focused
                    || Command::works_while_typing(shortcut)
                    || !shortcut.conflicts_with_text_editing()
            };
            if !allowed {
                continue;
            }
            let Some(effect) = command.effect(state) else { continue };
            if input.consume_shortcut(&shortcut) {
                effects.push(effect);
            }
        }
        effects
    })
}

/// The keys of `command` as the platform writes them ("Ctrl+Shift+Z or Ctrl+Y"; ⌘ on a Mac).
pub fn keys_text(ctx: &egui::Context, command: Command, lang: Lang) -> String {
    let or = format!(" {} ", CommandText::Or.get(lang));
    command.shortcuts().iter().map(|s| shortcut_text(ctx, s)).collect::<Vec<_>>().join(&or)
}

/// One key as the platform writes it ("Ctrl+Shift+Z", "⇧⌘Z" on a Mac), with the signs + − =
/// as signs rather than egui's names of them ("Plus", "Minus").
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let full = ctx.format_shortcut(shortcut);
    let key = shortcut.logical_key;
    let sign = matches!(key, Key::Plus | Key::Minus | Key::Equals);
    match full.strip_suffix(key.name()) {
        Some(prefix) if sign => format!("{prefix}{}", key.symbol_or_name()),
        _ => full,
    }
}

/// The hover text of a control that runs `command`: what it does, then its first key.
pub fn tooltip(ctx: &egui::Context, command: Command, lang: Lang) -> String {
    hint_with_keys(ctx, command.label(lang), command)
}

/// A button's own hover text followed by the keys of the command it runs ("… (Ctrl+E)").
pub fn hint_with_keys(ctx: &egui::Context, hint: &str, command: Command) -> String {
    match command.shortcut() {
        Some(s) => format!("{hint} ({})", shortcut_text(ctx, &s)),
        None => hint.to_owned(),
    }
}

/// Where a button outside the dispatch (the top bar's "?") leaves a command for the window.
fn request_id() -> egui::Id {
    egui::Id::unique("oblys.gui_command_requests")
}

/// Asks the window to carry out `command` at the start of the next frame (for buttons of
/// panels, which return only `Action`s).
pub fn request(ctx: &egui::Context, command: GuiCommand) {
    ctx.data_mut(|d| d.get_temp_mut_or_default::<Vec<GuiCommand>>(request_id()).push(command));
    ctx.request_repaint();
}

/// The window commands the panels asked for since the last call.
pub fn take_requests(ctx: &egui::Context) -> Vec<GuiCommand> {
    ctx.data_mut(|d| d.remove_temp::<Vec<GuiCommand>>(request_id())).unwrap_or_default()
}

/// The help overlay while `open`: every command by group with its keys, in the current
/// language. F1 or Esc (or a click beside it, or Close) closes it.
pub fn show(ctx: &egui::Context, state: &AppState, open: &mut bool) {
    if !*open {
        return;
    }
    let lang = state.lang();
    let f1 = Command::Shortcuts.shortcut();
    if f1.is_some_and(|s| ctx.input_mut(|i| i.consume_shortcut(&s))) {
        *open = false;
        return;
    }
    let max_height = ctx.content_rect().height() * HELP_HEIGHT_SHARE;
    let modal = egui::Modal::new(egui::Id::unique("oblys.shortcut_help")).show(ctx, |ui| {
        ui.set_width(HELP_WIDTH);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(Command::Shortcuts.label(lang)).size(theme::HEADING_PT).strong(),
            );
            ui.label(
                RichText::new(tooltip(ctx, Command::Palette, lang))
                    .color(theme::palette().text_muted),
            );
        });
        ui.separator();
        // The modal, anchored at the window's centre, would otherwise be given only the lower
        // half of the window: the list takes its share of the whole height.
        egui::ScrollArea::vertical().max_height(max_height).min_scrolled_height(max_height).show(
            ui,
            |ui| {
                ui.columns(2, |columns| {
                    let [left, right] = columns else { return };
                    group_table(left, Group::View, lang);
                    for group in [Group::File, Group::Edit, Group::Presentation, Group::Help] {
                        group_table(right, group, lang);
                        right.add_space(6.0);
                    }
                });
            },
        );
        ui.separator();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.button(CommandText::Close.get(lang)).clicked()
        })
        .inner
    });
    if modal.inner || modal.should_close() {
        *open = false;
    }
}

/// A group's heading, then one row per command: its name, and its keys at the right.
fn group_table(ui: &mut egui::Ui, group: Group, lang: Lang) {
    ui.label(
        RichText::new(command_text::group(group, lang)).strong().color(theme::palette().accent),
    );
    egui::Grid::new(("oblys.shortcut_group", group as u8)).num_columns(2).striped(true).show(
        ui,
        |ui| {
            for command in Command::ALL.into_iter().filter(|c| c.group() == group) {
                ui.label(command.label(lang));
                ui.label(
                    RichText::new(keys_text(ui.ctx(), command, lang))
                        .monospace()
                        .color(theme::palette().text),
                );
                ui.end_row();
            }
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_with_more_modifiers_is_claimed_by_its_own_command_first() {
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        assert_eq!(command_for(Key::Z, ctrl_shift).map(|(c, _)| c), Some(Command::Redo));
        assert_eq!(command_for(Key::Z, Modifiers::COMMAND).map(|(c, _)| c), Some(Command::Undo));
        assert_eq!(command_for(Key::F1, Modifiers::SHIFT).map(|(c, _)| c), Some(Command::About));
        assert_eq!(command_for(Key::F1, Modifiers::NONE).map(|(c, _)| c), Some(Command::Shortcuts));
        // "+" typed with Shift on a US keyboard is still the map's zoom.
        assert_eq!(
            command_for(Key::Plus, Modifiers::SHIFT).map(|(c, _)| c),
            Some(Command::ZoomInMap)
        );
        // Ctrl+→ is the year, → alone the slide: a missing Ctrl is not ignored.
        assert_eq!(
            command_for(Key::ArrowRight, Modifiers::COMMAND).map(|(c, _)| c),
            Some(Command::NextYear)
        );
        // → alone is a slide key, left to presentation mode.
        assert_eq!(command_for(Key::ArrowRight, Modifiers::NONE), None);
    }

    #[test]
    fn keys_are_written_with_signs_and_joined_with_or_in_the_shown_language() {
        let ctx = egui::Context::default();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        assert_eq!(keys_text(&ctx, Command::ZoomInMap, Lang::En), "+ or =");
        assert_eq!(keys_text(&ctx, Command::ZoomOutMap, Lang::Ru), "\u{2212}");
        assert_eq!(keys_text(&ctx, Command::Redo, Lang::Ru), "Ctrl+Shift+Z или Ctrl+Y");
        assert_eq!(keys_text(&ctx, Command::TextLarger, Lang::En), "Ctrl++ or Ctrl+=");
        assert_eq!(tooltip(&ctx, Command::Palette, Lang::Kk), "Командалар палитрасы (Ctrl+K)");
        ctx.set_os(egui::os::OperatingSystem::Mac);
        // One frame loads the fonts, which decide between ⌘ and its name.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        assert_eq!(keys_text(&ctx, Command::Undo, Lang::En), "Cmd+Z", "no ⌘ glyph: its name");
    }

    #[test]
    fn egui_keeps_its_text_size_keys_and_presentation_mode_its_slide_keys() {
        assert_eq!(command_for(Key::Plus, Modifiers::COMMAND), None);
        assert_eq!(command_for(Key::Num0, Modifiers::COMMAND), None);
        assert!(keymap().iter().all(|(c, _)| c.key_handler() == KeyHandler::Dispatch));
    }
}
