//! The About dialog: what Oblys is, its version and licence, the open file, where the keyboard
//! help and the themes are, and the data attribution of `assets/ATTRIBUTION.md` (one text for
//! the dialog and the repository).

use egui::{Label, RichText, ScrollArea, Ui};

use crate::app::{Action, AppState};
use crate::i18n::UiText;
use crate::i18n::view_text::ViewText;
use crate::ui::theme;

/// The attribution, embedded so the dialog needs no file.
const ATTRIBUTION: &str = include_str!("../../assets/ATTRIBUTION.md");
/// The licence of this build, as Cargo.toml states it (an SPDX expression).
const LICENSE: &str = env!("CARGO_PKG_LICENSE");
const DIALOG_WIDTH: f32 = 640.0;
const ATTRIBUTION_HEIGHT: f32 = 380.0;

pub fn show(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if !state.about_open() {
        return;
    }
    let lang = state.lang();
    let modal = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
        ui.set_width(DIALOG_WIDTH);
        ui.label(
            RichText::new(format!("Oblys {}", env!("CARGO_PKG_VERSION")))
                .size(theme::HEADING_PT)
                .strong(),
        );
        ui.add(Label::new(UiText::AboutDescription.get(lang)).wrap());
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(UiText::OpenFile.get(lang)).color(theme::palette().text_muted));
            ui.add(Label::new(state.file().display().to_string()).truncate());
        });
        ui.horizontal(|ui| {
            ui.label(RichText::new(ViewText::License.get(lang)).color(theme::palette().text_muted));
            ui.label(LICENSE);
        });
        ui.add(Label::new(RichText::new(ViewText::AboutHelp.get(lang)).small()).wrap());
        ui.separator();
        ui.label(RichText::new(UiText::AboutAttribution.get(lang)).strong());
        ScrollArea::vertical()
            .max_height(ATTRIBUTION_HEIGHT)
            .show(ui, |ui| markdown(ui, ATTRIBUTION));
        ui.separator();
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.button(UiText::Close.get(lang)).clicked()
        })
        .inner
    });
    if modal.inner || modal.should_close() {
        actions.push(Action::ShowAbout(false));
    }
}

/// The few Markdown forms ATTRIBUTION.md uses: `#`/`##` headings, `- ` items (continued on
/// indented lines) and paragraphs. The title and the preamble before the first `##` section
/// (which speaks about the file itself) are left out: the dialog has its own heading.
fn markdown(ui: &mut Ui, text: &str) {
    for block in blocks(text) {
        match block {
            Block::Heading(h) => {
                ui.add_space(4.0);
                ui.label(RichText::new(h).strong().color(theme::palette().accent));
            }
            Block::Item(t) => {
                ui.horizontal_top(|ui| {
                    ui.label("•");
                    ui.add(Label::new(RichText::new(t).small()).wrap());
                });
            }
            Block::Paragraph(t) => {
                ui.add(Label::new(RichText::new(t).small()).wrap());
            }
        }
    }
}

#[derive(Debug, PartialEq)]
enum Block {
    Heading(String),
    Item(String),
    Paragraph(String),
}

/// Splits the Markdown into headings, list items and paragraphs, joining continued lines.
fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    let body = text.find("\n## ").map_or(text, |i| text.get(i..).unwrap_or(text));
    for line in body.lines() {
        let trimmed = line.trim();
        // A blank line ends a block; the document title is left out.
        if trimmed.is_empty() || trimmed.starts_with("# ") {
            open = false;
        } else if let Some(h) = trimmed.strip_prefix("## ") {
            out.push(Block::Heading(h.to_string()));
            open = false;
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            out.push(Block::Item(item.to_string()));
            open = true;
        } else if open {
            if let Some(Block::Item(t) | Block::Paragraph(t)) = out.last_mut() {
                t.push(' ');
                t.push_str(trimmed);
            }
        } else {
            out.push(Block::Paragraph(trimmed.to_string()));
            open = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_names_the_boundary_source_as_sources_md_asks() {
        let all: Vec<Block> = blocks(ATTRIBUTION);
        assert!(all.iter().any(|b| matches!(
            b,
            Block::Item(t) if t == "Boundaries: geokz (A. Rodionov), CC BY 4.0, after OCHA COD-AB."
        )));
    }

    #[test]
    fn markdown_blocks_join_continued_lines_and_skip_title_and_preamble() {
        let md = "# Title\n\nIntro\nmore.\n\n## Part\n\nText\nhere.\n\n- one\n  two\n- three\n";
        assert_eq!(
            blocks(md),
            vec![
                Block::Heading("Part".into()),
                Block::Paragraph("Text here.".into()),
                Block::Item("one two".into()),
                Block::Item("three".into()),
            ]
        );
    }
}
