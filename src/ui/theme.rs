//! Design tokens in one place: palette, type sizes, spacing and panel sizes, and the egui style
//! built from them. Panels use these names, never raw numbers, so the look changes here only.

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle};

use crate::map::Rgba;

/// Main accent: buttons that are on, the selected region's bar and line.
pub const ACCENT: Color32 = Color32::from_rgb(0x1d, 0x5f, 0xa8);
/// A lighter accent for backgrounds of selected rows.
pub const ACCENT_SOFT: Color32 = Color32::from_rgb(0xdc, 0xe8, 0xf6);
/// The reference series (national value or median) in the time chart.
pub const REFERENCE: Color32 = Color32::from_rgb(0x7a, 0x84, 0x90);
/// Window and panel background.
pub const PANEL_BG: Color32 = Color32::from_rgb(0xf7, 0xf8, 0xfa);
/// Behind the map (the world outside Kazakhstan).
pub const MAP_BG: Color32 = Color32::from_rgb(0xe9, 0xee, 0xf2);
/// Top bar background, a touch darker than the panels.
pub const TOP_BAR_BG: Color32 = Color32::from_rgb(0xee, 0xf1, 0xf5);
/// Thin separators and frame borders.
pub const BORDER: Color32 = Color32::from_rgb(0xd3, 0xd9, 0xe0);
pub const TEXT: Color32 = Color32::from_rgb(0x1f, 0x26, 0x30);
pub const TEXT_MUTED: Color32 = Color32::from_rgb(0x5d, 0x68, 0x75);
/// Legend and title boxes over the map.
pub const OVERLAY_BG: Color32 = Color32::from_rgba_premultiplied(250, 251, 252, 235);
/// Outline of the region under the pointer.
pub const HOVER_OUTLINE: Color32 = Color32::from_rgb(0x10, 0x18, 0x20);
pub const HOVER_OUTLINE_PX: f32 = 1.8;

/// Type sizes in points.
pub const BODY_PT: f32 = 13.5;
pub const SMALL_PT: f32 = 11.5;
pub const HEADING_PT: f32 = 17.0;
pub const MAP_TITLE_PT: f32 = 18.0;
pub const BUTTON_PT: f32 = 13.5;

/// Height of one row of the top bar, points.
pub const TOP_BAR_ROW: f32 = 44.0;
/// Below this window width the top bar takes two rows until it has measured what it needs.
pub const TOP_BAR_ONE_ROW_MIN_WIDTH: f32 = 1450.0;

/// Panel sizes for a window of `width` × `height` points: laid out for a 1600 × 1000 laptop
/// window, shrinking in proportion (within limits) down to the smallest window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelSizes {
    pub side_width: f32,
    pub bottom_height: f32,
    pub time_chart_width: f32,
    pub ranking_width: f32,
}

impl PanelSizes {
    pub fn for_window(width: f32, height: f32) -> PanelSizes {
        PanelSizes {
            side_width: (width * 0.245).clamp(300.0, 420.0),
            bottom_height: (height * 0.33).clamp(240.0, 360.0),
            time_chart_width: (width * 0.25).clamp(250.0, 440.0),
            ranking_width: (width * 0.256).clamp(260.0, 450.0),
        }
    }
}
/// Margin inside panels and around overlays on the map.
pub const MARGIN: f32 = 10.0;
/// Height of a table row.
pub const ROW_HEIGHT: f32 = 20.0;

/// Spacing of the hatching of regions without data, screen pixels.
pub const HATCH_SPACING_PX: f32 = 6.0;
pub const HATCH_WIDTH_PX: f32 = 1.0;

/// A scene colour as egui's.
pub fn color(c: Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Applies Oblys's look to `ctx`: light theme, type sizes, spacing.
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::new(SMALL_PT, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(BODY_PT, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(BUTTON_PT, FontFamily::Proportional)),
            (TextStyle::Heading, FontId::new(HEADING_PT, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(BODY_PT - 1.0, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 24.0;
        let v = &mut style.visuals;
        v.panel_fill = PANEL_BG;
        v.window_fill = PANEL_BG;
        v.extreme_bg_color = Color32::WHITE;
        v.override_text_color = None;
        v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, TEXT);
        v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, BORDER);
        v.selection.bg_fill = ACCENT;
        v.selection.stroke = Stroke::new(1.0, Color32::WHITE);
        v.hyperlink_color = ACCENT;
    });
}
