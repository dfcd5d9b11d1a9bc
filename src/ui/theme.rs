//! Design tokens in one place: palette, type sizes, spacing and panel sizes, and the egui style
//! built from them, in three themes (`ThemeKind`). Panels use these names, never raw numbers, so the look changes here only.

use std::cell::Cell;

use egui::{Color32, FontFamily, FontId, Stroke, TextStyle};

use crate::app::ThemeKind;
use crate::map::Rgba;

/// The colours of a theme.
pub fn palette_of(kind: ThemeKind) -> &'static Palette {
    match kind {
        ThemeKind::Light => &LIGHT,
        ThemeKind::Projector => &PROJECTOR,
        ThemeKind::Dark => &DARK,
    }
}

/// The colours panels paint with, one set per [`ThemeKind`].
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    /// Main accent: buttons that are on, the selected region's bar and line.
    pub accent: Color32,
    /// A softer accent for backgrounds of selected rows.
    pub accent_soft: Color32,
    /// Text and marks drawn on an `accent` fill.
    pub on_accent: Color32,
    /// The reference series (national value or median) in the time chart.
    pub reference: Color32,
    /// Window and panel background.
    pub panel_bg: Color32,
    /// Behind the map (the world outside Kazakhstan).
    pub map_bg: Color32,
    /// Top bar background, set apart from the panels.
    pub top_bar_bg: Color32,
    /// Thin separators and frame borders.
    pub border: Color32,
    pub text: Color32,
    pub text_muted: Color32,
    /// Legend and title boxes over the map.
    pub overlay_bg: Color32,
    /// Outline of the region under the pointer.
    pub hover_outline: Color32,
    /// Messages about a problem (refused input, a row that cannot be imported).
    pub problem: Color32,
    /// Text that warns without refusing (values an import will replace, a step that cannot be
    /// undone).
    pub warning: Color32,
}

/// The working theme.
pub const LIGHT: Palette = Palette {
    accent: Color32::from_rgb(0x1d, 0x5f, 0xa8),
    accent_soft: Color32::from_rgb(0xdc, 0xe8, 0xf6),
    on_accent: Color32::WHITE,
    reference: Color32::from_rgb(0x7a, 0x84, 0x90),
    panel_bg: Color32::from_rgb(0xf7, 0xf8, 0xfa),
    map_bg: Color32::from_rgb(0xe9, 0xee, 0xf2),
    top_bar_bg: Color32::from_rgb(0xee, 0xf1, 0xf5),
    border: Color32::from_rgb(0xd3, 0xd9, 0xe0),
    text: Color32::from_rgb(0x1f, 0x26, 0x30),
    text_muted: Color32::from_rgb(0x5d, 0x68, 0x75),
    overlay_bg: Color32::from_rgba_premultiplied(250, 251, 252, 235),
    hover_outline: Color32::from_rgb(0x10, 0x18, 0x20),
    problem: Color32::from_rgb(0xb0, 0x1e, 0x1e),
    warning: Color32::from_rgb(0x9a, 0x5b, 0x00),
};

/// High contrast for projectors: white grounds, black text, muted text still ≥ 10:1.
pub const PROJECTOR: Palette = Palette {
    accent: Color32::from_rgb(0x0b, 0x3d, 0x7a),
    accent_soft: Color32::from_rgb(0xc9, 0xdc, 0xf2),
    on_accent: Color32::WHITE,
    reference: Color32::from_rgb(0x40, 0x40, 0x40),
    panel_bg: Color32::WHITE,
    map_bg: Color32::WHITE,
    top_bar_bg: Color32::from_rgb(0xe8, 0xe8, 0xe8),
    border: Color32::from_rgb(0x60, 0x60, 0x60),
    text: Color32::BLACK,
    text_muted: Color32::from_rgb(0x30, 0x30, 0x30),
    overlay_bg: Color32::WHITE,
    hover_outline: Color32::BLACK,
    problem: Color32::from_rgb(0x9a, 0x00, 0x00),
    warning: Color32::from_rgb(0x6e, 0x3c, 0x00),
};

/// For screens in a dim room.
pub const DARK: Palette = Palette {
    accent: Color32::from_rgb(0x6c, 0xb0, 0xff),
    accent_soft: Color32::from_rgb(0x23, 0x36, 0x4d),
    on_accent: Color32::from_rgb(0x0b, 0x12, 0x1a),
    reference: Color32::from_rgb(0xa0, 0xaa, 0xb4),
    panel_bg: Color32::from_rgb(0x1e, 0x22, 0x27),
    map_bg: Color32::from_rgb(0x14, 0x17, 0x1b),
    top_bar_bg: Color32::from_rgb(0x27, 0x2c, 0x33),
    border: Color32::from_rgb(0x3c, 0x44, 0x4e),
    text: Color32::from_rgb(0xe8, 0xea, 0xed),
    text_muted: Color32::from_rgb(0xa9, 0xb2, 0xbc),
    overlay_bg: Color32::from_rgba_premultiplied(30, 34, 39, 235),
    hover_outline: Color32::from_rgb(0xf5, 0xf5, 0xf5),
    problem: Color32::from_rgb(0xff, 0x7b, 0x72),
    warning: Color32::from_rgb(0xf2, 0xb4, 0x4c),
};

thread_local! {
    /// The theme of the window painted on this thread: egui paints a window on one thread, and
    /// tests paint several windows on threads of their own.
    static CURRENT: Cell<ThemeKind> = const { Cell::new(ThemeKind::Light) };
}

/// The colours of the theme last applied on this thread.
pub fn palette() -> &'static Palette {
    palette_of(CURRENT.with(|c| c.get()))
}

/// The theme last applied on this thread.
pub fn current() -> ThemeKind {
    CURRENT.with(|c| c.get())
}

/// Width of the outline of the region under the pointer, px.
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

/// Applies Oblys's look in `kind` to `ctx`: colours, type sizes, spacing; panels painted on
/// this thread afterwards use `kind`'s palette. The visuals start from egui's light or dark
/// defaults each time, so nothing of the theme applied before is left behind.
pub fn apply(ctx: &egui::Context, kind: ThemeKind) {
    CURRENT.with(|c| c.set(kind));
    let p = palette_of(kind);
    let dark = kind == ThemeKind::Dark;
    ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
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
        style.visuals = visuals(kind, p);
    });
}

/// egui's visuals for `kind`. Text takes the palette's colour through the widgets' strokes,
/// not through `override_text_color`: an override would also paint the text of selected
/// buttons and table rows, which must take `on_accent` to read on the accent fill.
fn visuals(kind: ThemeKind, p: &Palette) -> egui::Visuals {
    let mut v =
        if kind == ThemeKind::Dark { egui::Visuals::dark() } else { egui::Visuals::light() };
    v.panel_fill = p.panel_bg;
    v.window_fill = p.panel_bg;
    v.extreme_bg_color = if kind == ThemeKind::Dark { p.map_bg } else { Color32::WHITE };
    v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, p.text);
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, p.border);
    if kind != ThemeKind::Light {
        for w in [&mut v.widgets.inactive, &mut v.widgets.hovered, &mut v.widgets.active] {
            w.fg_stroke = Stroke::new(w.fg_stroke.width.max(1.0), p.text);
        }
    }
    if kind == ThemeKind::Projector {
        // Widget outlines a step darker than egui's light defaults, and the slider's rail and
        // idle buttons grey enough to stand out on the grey top bar of a washed-out projector.
        for w in [&mut v.widgets.inactive, &mut v.widgets.hovered, &mut v.widgets.active] {
            w.bg_stroke = Stroke::new(w.bg_stroke.width.max(1.0), p.border);
        }
        v.widgets.inactive.bg_fill = PROJECTOR_RAIL;
        v.widgets.inactive.weak_bg_fill = Color32::WHITE;
        v.widgets.hovered.weak_bg_fill = p.accent_soft;
        v.widgets.hovered.bg_fill = p.accent_soft;
    }
    v.selection.bg_fill = p.accent;
    v.selection.stroke = Stroke::new(1.0, p.on_accent);
    v.hyperlink_color = p.accent;
    v
}

/// The slider rail and checkbox ground on the projector: darker than its top bar.
const PROJECTOR_RAIL: Color32 = Color32::from_rgb(0xb4, 0xb4, 0xb4);

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an opaque colour.
    fn luminance(c: Color32) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_reads_on_panels_in_every_theme_and_best_on_the_projector() {
        for kind in ThemeKind::ALL {
            let p = palette_of(kind);
            assert!(contrast(p.text, p.panel_bg) >= 7.0, "{kind:?} text");
            assert!(contrast(p.text_muted, p.panel_bg) >= 4.5, "{kind:?} muted text");
            assert!(contrast(p.on_accent, p.accent) >= 4.5, "{kind:?} text on accent");
            assert!(contrast(p.problem, p.panel_bg) >= 4.5, "{kind:?} problem text");
            assert!(contrast(p.warning, p.panel_bg) >= 4.5, "{kind:?} warning text");
        }
        assert!(contrast(PROJECTOR.text_muted, PROJECTOR.panel_bg) >= 10.0);
        assert!(
            contrast(PROJECTOR.border, PROJECTOR.panel_bg) > contrast(LIGHT.border, LIGHT.panel_bg)
        );
    }

    #[test]
    fn applying_a_theme_switches_this_threads_palette_and_eguis_theme() {
        let ctx = egui::Context::default();
        apply(&ctx, ThemeKind::Dark);
        assert_eq!(palette(), &DARK);
        assert_eq!(ctx.theme(), egui::Theme::Dark);
        apply(&ctx, ThemeKind::Projector);
        assert_eq!(current(), ThemeKind::Projector);
        assert_eq!(ctx.theme(), egui::Theme::Light);
        assert_eq!(ctx.style_of(egui::Theme::Light).visuals.panel_fill, Color32::WHITE);
    }
}
