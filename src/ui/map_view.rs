//! The central map: paints the current `map::Scene` — region fills (the scene's triangle meshes),
//! hatching of regions without data, outlines, corridors, point symbols, labels with a halo — and
//! the overlays: title, legend, zoom buttons, source line. Drag pans, scroll zooms around the cursor,
//! hovering shows a tooltip, a click selects.
//!
//! The scene is rebuilt by `AppState` only when the view changes; here its geometry is turned
//! into screen-space meshes once per scene and camera (`MapCache`), so a still frame only hands
//! four prebuilt meshes to egui.

use std::sync::Arc;

use egui::epaint::{Mesh, PathShape, PathStroke, Tessellator};
use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, vec2};

use crate::app::commands::Command;
use crate::app::{Action, AppState, ViewTransform, ZOOM_STEP};
use crate::i18n::edit_text::EditText;
use crate::i18n::{UiText, map_text};
use crate::map::{
    LegendItem, LineStyle, MarkKind, Scene, SceneRegion, SymbolShape, WorldPos, style,
};
use crate::spatial::EqualArea;
use crate::ui::shortcut_help::tooltip;
use crate::ui::theme;

/// Zoom per pixel of scroll wheel.
const SCROLL_ZOOM_PER_PX: f32 = 0.0025;
/// Offsets of the halo copies behind a label, in points.
const HALO_OFFSETS: [[f32; 2]; 8] = [
    [-1.0, -1.0],
    [0.0, -1.2],
    [1.0, -1.0],
    [-1.2, 0.0],
    [1.2, 0.0],
    [-1.0, 1.0],
    [0.0, 1.2],
    [1.0, 1.0],
];
/// Width of the key (title and legend) at the left of the map, points.
const KEY_WIDTH: f32 = 250.0;
/// On a narrower map panel the symbol groups of the key start folded.
const KEY_OPEN_MIN_MAP_WIDTH: f32 = 900.0;

/// What the painter keeps between frames.
#[derive(Default)]
pub struct MapCache {
    key: Option<CacheKey>,
    outline_key: Option<OutlineKey>,
    fills: Arc<Mesh>,
    /// The hatching of regions without data.
    hatch: Arc<Mesh>,
    /// Every region's outline: rebuilt only when the shapes or the view change, not when a new
    /// year or indicator recolours the same regions (playing the years).
    outlines: Arc<Mesh>,
    /// Legacy groups' and the selected region's outlines.
    lines: Arc<Mesh>,
    corridors: Arc<Mesh>,
    symbols: Arc<Mesh>,
    /// Camera zoom of the main map, for the corridors' widths (`style::line_zoom_scale`); 0 on
    /// the maps without corridors.
    zoom: f32,
    /// The panel's corner and transform of the last frame.
    last: Option<(Pos2, ViewTransform)>,
    /// Set by presentation mode while it paints the map: no File, View, Data or zoom buttons.
    pub presenting: bool,
    /// Placing mode, set by the data editor: while on, a click on the map is recorded in
    /// `clicks` (lon/lat) instead of selecting a region, and a double click sets
    /// `double_clicked`. Dragging and zooming work as usual.
    pub capture: bool,
    /// Lon/lat of the clicks captured since the editor last took them.
    pub clicks: Vec<[f64; 2]>,
    pub double_clicked: bool,
    /// Lines (lon/lat) the editor draws over the map: corridors and the one being drawn.
    pub overlay_lines: Vec<Vec<[f64; 2]>>,
    /// A point (lon/lat) the editor marks on the map: the place just chosen.
    pub overlay_point: Option<[f64; 2]>,
}

/// Everything the screen-space meshes depend on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CacheKey {
    scene_version: u64,
    transform: ViewTransform,
    origin: Pos2,
    pixels_per_point: f32,
    line_scale: f32,
}

/// What the region outlines depend on: the shapes drawn, where and how large they are drawn,
/// and the outline colour of the theme. The shapes are held (not only their addresses), so a
/// rebuilt geometry can never reuse an address and pass for the old one.
#[derive(Debug, Clone)]
struct OutlineKey {
    shapes: Vec<Arc<crate::map::RegionMesh>>,
    transform: ViewTransform,
    origin: Pos2,
    pixels_per_point: f32,
    color: Color32,
}

impl OutlineKey {
    /// Whether the outlines built for `self` are those of `scene` under `key`.
    fn fits(&self, scene: &Scene, key: &CacheKey) -> bool {
        self.transform == key.transform
            && self.origin == key.origin
            && self.pixels_per_point == key.pixels_per_point
            && self.color == theme::color(style::OUTLINE)
            && self.shapes.len() == scene.regions.len()
            && self.shapes.iter().zip(&scene.regions).all(|(a, r)| Arc::ptr_eq(a, &r.mesh))
    }

    fn of(scene: &Scene, key: &CacheKey) -> OutlineKey {
        OutlineKey {
            shapes: scene.regions.iter().map(|r| r.mesh.clone()).collect(),
            transform: key.transform,
            origin: key.origin,
            pixels_per_point: key.pixels_per_point,
            color: theme::color(style::OUTLINE),
        }
    }
}

impl MapCache {
    /// Where `world` was drawn in the last frame.
    pub fn screen_pos(&self, world: WorldPos) -> Option<Pos2> {
        let (origin, t) = self.last?;
        let [x, y] = t.to_screen(world);
        Some(origin + vec2(x, y))
    }
}

pub fn show(ui: &mut Ui, state: &AppState, cache: &mut MapCache, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Canvas, true, UiText::MapLabel.get(lang))
    });
    let scene = state.scene();
    // The country fits the part of the panel right of the key.
    let frame = [KEY_WIDTH + 2.0 * theme::MARGIN, 0.0, rect.width(), rect.height()];
    let transform = state.camera().transform(scene.bounds, frame);
    let to_world = |p: Pos2| transform.to_world([p.x - rect.min.x, p.y - rect.min.y]);

    // What the pointer is over: a symbol first (they are on top), else a corridor, else a
    // region.
    let pointer = response.hover_pos();
    cache.zoom = state.camera().zoom;
    let line_scale = style::line_zoom_scale(cache.zoom);
    let hovered_symbol = pointer
        .and_then(|p| scene.symbol_at(to_world(p), transform.scale))
        .map(|s| s.tooltip.clone())
        .or_else(|| {
            pointer
                .and_then(|p| scene.line_at(to_world(p), transform.scale, line_scale))
                .map(|l| l.tooltip.clone())
        });
    let hovered_region = pointer.and_then(|p| scene.region_at(to_world(p)));
    paint_scene(ui, rect, scene, state.scene_version(), transform, hovered_region, cache);

    let hovered_code = hovered_region.map(|r| r.code.clone());
    if hovered_code.as_deref() != state.hovered() {
        actions.push(Action::Hover(hovered_code));
    }
    // The key is drawn before the map reads the wheel: scrolling the key scrolls the key.
    let key_rect = key_panel(ui, scene, rect, lang);
    if cache.capture {
        capture_clicks(ui, &response, &transform, rect, cache);
    }
    interact(ui, &response, state, &transform, rect, key_rect, cache.capture, actions);
    paint_overlay(ui, rect, &transform, cache);

    let response = if let Some(tip) = hovered_symbol {
        response.on_hover_ui_at_pointer(|ui| {
            ui.label(tip);
        })
    } else if let Some(region) = hovered_region {
        response.on_hover_ui_at_pointer(|ui| region_tooltip(ui, state, region))
    } else {
        response
    };
    if response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
    }

    if !cache.presenting {
        zoom_buttons(ui, state, rect, actions);
    }
    source_overlay(ui, scene, rect);
}

/// Paints `scene` into `rect` as `transform` shows it: background, fills, outlines, the outline
/// of the `hovered` region, corridors, symbols and labels. The screen-space meshes are rebuilt
/// only when `scene_version`, the transform, the panel's position, the pixel density or the
/// corridors' zoom scale changed.
pub(super) fn paint_scene(
    ui: &Ui,
    rect: Rect,
    scene: &Scene,
    scene_version: u64,
    transform: ViewTransform,
    hovered: Option<&SceneRegion>,
    cache: &mut MapCache,
) {
    let to_screen = |w: WorldPos| {
        let [x, y] = transform.to_screen(w);
        rect.min + vec2(x, y)
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, theme::palette().map_bg);
    let key = CacheKey {
        scene_version,
        transform,
        origin: rect.min,
        pixels_per_point: ui.ctx().pixels_per_point(),
        line_scale: style::line_zoom_scale(cache.zoom),
    };
    if cache.key != Some(key) {
        rebuild_meshes(ui, scene, &to_screen, key.line_scale, cache);
        if !cache.outline_key.as_ref().is_some_and(|k| k.fits(scene, &key)) {
            rebuild_outlines(ui, scene, &to_screen, cache);
            cache.outline_key = Some(OutlineKey::of(scene, &key));
        }
        cache.key = Some(key);
    }
    cache.last = Some((rect.min, transform));

    painter.add(Shape::Mesh(cache.fills.clone()));
    painter.add(Shape::Mesh(cache.hatch.clone()));
    painter.add(Shape::Mesh(cache.outlines.clone()));
    painter.add(Shape::Mesh(cache.lines.clone()));
    if let Some(region) = hovered.filter(|r| !r.selected) {
        for ring in &region.mesh.rings {
            let points = open_loop(decimate(ring.iter().map(|w| to_screen(*w)).collect()));
            painter.add(PathShape::line(
                points,
                Stroke::new(theme::HOVER_OUTLINE_PX, theme::palette().hover_outline),
            ));
        }
    }
    painter.add(Shape::Mesh(cache.corridors.clone()));
    painter.add(Shape::Mesh(cache.symbols.clone()));
    // Layouts are not kept between frames (the font atlas they point into may be rebuilt);
    // egui caches them itself.
    for label in &scene.labels {
        let galley = painter.layout_no_wrap(
            label.text.clone(),
            FontId::proportional(label.size_px),
            Color32::BLACK,
        );
        let center = to_screen(label.pos) + vec2(label.offset_px[0], label.offset_px[1]);
        let at = center - galley.size() / 2.0;
        let halo = theme::color(label.halo);
        for [dx, dy] in HALO_OFFSETS {
            painter.galley_with_override_text_color(at + vec2(dx, dy), galley.clone(), halo);
        }
        painter.galley_with_override_text_color(at, galley.clone(), theme::color(label.color));
    }
}

/// The lon/lat of a click while placing (see `MapCache::capture`); a crosshair shows the mode.
fn capture_clicks(
    ui: &Ui,
    response: &egui::Response,
    transform: &ViewTransform,
    rect: Rect,
    cache: &mut MapCache,
) {
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
    }
    if response.clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let [x, y] = transform.to_world([pointer.x - rect.min.x, pointer.y - rect.min.y]);
        let [lon, lat] = EqualArea::kazakhstan().unproject(f64::from(x), f64::from(y));
        cache.clicks.push([lon, lat]);
    }
    // egui counts a double click right after another click as a triple click, whatever the
    // first click's place: both finish a line.
    if response.double_clicked() || response.triple_clicked() {
        cache.double_clicked = true;
    }
}

/// The editor's lines and chosen point over the map, in the accent colour.
fn paint_overlay(ui: &Ui, rect: Rect, transform: &ViewTransform, cache: &MapCache) {
    if cache.overlay_lines.is_empty() && cache.overlay_point.is_none() {
        return;
    }
    let projection = EqualArea::kazakhstan();
    let to_screen = |[lon, lat]: [f64; 2]| {
        let [x, y] = projection.project(lon, lat);
        let [sx, sy] = transform.to_screen([x as f32, y as f32]);
        rect.min + vec2(sx, sy)
    };
    let painter = ui.painter_at(rect);
    let stroke = Stroke::new(2.5, theme::palette().accent);
    for line in &cache.overlay_lines {
        let points: Vec<Pos2> = line.iter().map(|p| to_screen(*p)).collect();
        for p in &points {
            painter.circle_filled(*p, 3.0, theme::palette().accent);
        }
        if points.len() >= 2 {
            painter.add(PathShape::line(points, stroke));
        }
    }
    if let Some(p) = cache.overlay_point {
        let c = to_screen(p);
        painter.circle(c, 7.0, Color32::WHITE, stroke);
        painter.line_segment([c - vec2(11.0, 0.0), c + vec2(11.0, 0.0)], stroke);
        painter.line_segment([c - vec2(0.0, 11.0), c + vec2(0.0, 11.0)], stroke);
    }
}

/// Pan, zoom and selection from the map's response; no selection while the editor captures
/// clicks (`capturing`).
#[allow(clippy::too_many_arguments)]
fn interact(
    ui: &Ui,
    response: &egui::Response,
    state: &AppState,
    transform: &ViewTransform,
    rect: Rect,
    key_rect: Rect,
    capturing: bool,
    actions: &mut Vec<Action>,
) {
    let to_world = |p: Pos2| transform.to_world([p.x - rect.min.x, p.y - rect.min.y]);
    if response.dragged() {
        let d = response.drag_delta();
        if d != egui::Vec2::ZERO {
            actions.push(Action::Pan([-d.x / transform.scale, d.y / transform.scale]));
        }
    }
    if let Some(pointer) = response.hover_pos().filter(|p| !key_rect.contains(*p)) {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll * SCROLL_ZOOM_PER_PX).exp();
        if (factor - 1.0).abs() > 1e-4 {
            actions.push(Action::ZoomAt { factor, anchor: to_world(pointer) });
        }
    }
    if response.clicked()
        && !capturing
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let hit = state.scene().region_at(to_world(pointer)).map(|r| r.code.clone());
        actions.push(Action::Select(hit));
    }
}

/// Name, value with unit, rank, and a note for values that are not the region's own.
fn region_tooltip(ui: &mut Ui, state: &AppState, region: &SceneRegion) {
    let lang = state.lang();
    ui.label(RichText::new(&region.name).strong());
    ui.label(&region.value_label);
    if let Some(rank) = region.rank {
        ui.label(
            RichText::new(map_text::rank_of(rank, state.ranking().len(), lang))
                .color(theme::palette().text_muted),
        );
    }
    if let Some(note) = &region.note {
        ui.label(RichText::new(note).small().color(theme::palette().text_muted));
    }
}

/// A tessellator for the pixel density and options of `ui`'s context.
fn tessellator(ui: &Ui) -> Tessellator {
    let ctx = ui.ctx();
    let ppp = ctx.pixels_per_point();
    let font_size = ctx.fonts(|f| f.font_image_size());
    let options = ctx.options(|o| o.tessellation_options);
    Tessellator::new(ppp, options, font_size, Vec::new())
}

/// Builds the screen-space mesh of every region's outline for the current transform: the most
/// expensive part of a map's meshes, kept while only colours change.
fn rebuild_outlines(
    ui: &Ui,
    scene: &Scene,
    to_screen: &dyn Fn(WorldPos) -> Pos2,
    cache: &mut MapCache,
) {
    let mut tessellator = tessellator(ui);
    let mut outlines = Mesh::default();
    let outline = PathStroke::new(style::OUTLINE_PX, theme::color(style::OUTLINE));
    for region in &scene.regions {
        add_rings(&mut tessellator, &mut outlines, &region.mesh.rings, to_screen, outline.clone());
    }
    cache.outlines = Arc::new(outlines);
}

/// Builds the screen-space meshes of fills, hatching, group and selection outlines, corridors
/// (widths times `line_scale`) and symbols for the current transform (the region outlines are
/// `rebuild_outlines`').
fn rebuild_meshes(
    ui: &Ui,
    scene: &Scene,
    to_screen: &dyn Fn(WorldPos) -> Pos2,
    line_scale: f32,
    cache: &mut MapCache,
) {
    let mut tessellator = tessellator(ui);

    let mut fills = Mesh::default();
    let mut hatches = Mesh::default();
    let mut lines = Mesh::default();
    let hatch = theme::color(style::NO_DATA_HATCH);
    for region in &scene.regions {
        let color = theme::color(region.fill);
        let base = fills.vertices.len() as u32;
        let mesh = &region.mesh;
        fills.reserve_vertices(mesh.vertices.len());
        fills.reserve_triangles(mesh.indices.len() / 3);
        for v in &mesh.vertices {
            fills.colored_vertex(to_screen(*v), color);
        }
        for tri in mesh.indices.chunks_exact(3) {
            if let [a, b, c] = tri {
                fills.add_triangle(base + a, base + b, base + c);
            }
        }
        if region.no_data {
            hatch_region(&mut hatches, region, to_screen, hatch);
        }
    }
    let group = PathStroke::new(style::GROUP_OUTLINE_PX, theme::color(style::GROUP_OUTLINE));
    for g in &scene.group_outlines {
        add_rings(&mut tessellator, &mut lines, &g.mesh.rings, to_screen, group.clone());
    }
    let selected =
        PathStroke::new(style::SELECTED_OUTLINE_PX, theme::color(style::SELECTED_OUTLINE));
    for region in scene.regions.iter().filter(|r| r.selected) {
        add_rings(&mut tessellator, &mut lines, &region.mesh.rings, to_screen, selected.clone());
    }

    let mut corridors = Mesh::default();
    for line in &scene.lines {
        let points = simplify(&decimate(line.points.iter().map(|w| to_screen(*w)).collect()));
        add_styled_line(&mut tessellator, &mut corridors, &points, &line.style, line_scale);
    }

    let mut symbols = Mesh::default();
    for s in &scene.symbols {
        add_symbol(
            &mut tessellator,
            &mut symbols,
            to_screen(s.pos),
            s.shape,
            s.radius_px,
            theme::color(s.fill),
            Stroke::new(s.stroke_px, theme::color(s.stroke)),
        );
    }
    for m in &scene.marks {
        add_mark(&mut tessellator, &mut symbols, to_screen(m.pos), m.kind);
    }
    cache.fills = Arc::new(fills);
    cache.hatch = Arc::new(hatches);
    cache.lines = Arc::new(lines);
    cache.corridors = Arc::new(corridors);
    cache.symbols = Arc::new(symbols);
}

/// A corridor along screen `points` in `style` into `out`: the casing, then the line, solid or
/// dashed; widths and dashes times `scale`.
fn add_styled_line(
    tessellator: &mut Tessellator,
    out: &mut Mesh,
    points: &[Pos2],
    style: &LineStyle,
    scale: f32,
) {
    if points.len() < 2 {
        return;
    }
    for stroke in style.casing.iter().chain(std::iter::once(&style.line)) {
        let egui_stroke = Stroke::new(stroke.width_px * scale, theme::color(stroke.color));
        if stroke.dash.is_empty() {
            let path = PathShape::line(points.to_vec(), egui_stroke);
            tessellator.tessellate_path(&path, out);
            continue;
        }
        // SVG's dasharray alternates dash and gap; epaint takes them as two lists.
        let dashes: Vec<f32> = stroke.dash.iter().step_by(2).map(|d| d * scale).collect();
        let gaps: Vec<f32> = stroke.dash.iter().skip(1).step_by(2).map(|d| d * scale).collect();
        if dashes.len() != gaps.len() || dashes.iter().chain(&gaps).any(|d| *d <= 0.0) {
            continue;
        }
        let mut shapes = Vec::new();
        Shape::dashed_line_many_with_offset(points, egui_stroke, &dashes, &gaps, 0.0, &mut shapes);
        for shape in shapes {
            tessellator.tessellate_shape(shape, out);
        }
    }
}

fn add_rings(
    tessellator: &mut Tessellator,
    out: &mut Mesh,
    rings: &[Vec<WorldPos>],
    to_screen: &dyn Fn(WorldPos) -> Pos2,
    stroke: PathStroke,
) {
    for ring in rings {
        let points = open_loop(decimate(ring.iter().map(|w| to_screen(*w)).collect()));
        if points.len() >= 2 {
            tessellator.tessellate_path(&PathShape::line(points, stroke.clone()), out);
        }
    }
}

/// Points of a screen path closer than this to the previous kept point are dropped: at the
/// country's full extent the boundaries hold several points per pixel, which cost tessellation
/// and show nothing.
const MIN_SEGMENT_PX: f32 = 0.75;

/// `points` without the ones that lie within `MIN_SEGMENT_PX` of the previous kept point (the
/// last point is always kept so a ring still closes).
fn decimate(points: Vec<Pos2>) -> Vec<Pos2> {
    let Some(&last) = points.last() else { return points };
    let mut kept: Vec<Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if kept.last().is_none_or(|k| k.distance_sq(p) >= MIN_SEGMENT_PX * MIN_SEGMENT_PX) {
            kept.push(p);
        }
    }
    if kept.last() != Some(&last) {
        kept.push(last);
    }
    kept
}

/// How far (px) a simplified corridor may stray from its points: well under the thinnest
/// corridor's width, so the simplification is invisible.
const SIMPLIFY_TOLERANCE_PX: f32 = 0.35;

/// `points` simplified by Douglas–Peucker with `SIMPLIFY_TOLERANCE_PX`: a corridor imported with
/// a point every few hundred metres keeps only the points that bend it on screen, which cuts the
/// vertices egui copies every frame and the dashes tessellated on every pan.
fn simplify(points: &[Pos2]) -> Vec<Pos2> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    // The two ends always stay.
    let mut keep: Vec<bool> = (0..n).map(|i| i == 0 || i == n - 1).collect();
    let mut stack = vec![(0, n - 1)];
    while let Some((first, last)) = stack.pop() {
        let (Some(&a), Some(&b)) = (points.get(first), points.get(last)) else { continue };
        let ab = b - a;
        let length = ab.length();
        let mut farthest = (0.0_f32, first);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let ap = *p - a;
            let d = if length > f32::EPSILON {
                (ab.x * ap.y - ab.y * ap.x).abs() / length
            } else {
                ap.length()
            };
            if d > farthest.0 {
                farthest = (d, i);
            }
        }
        if farthest.0 > SIMPLIFY_TOLERANCE_PX {
            if let Some(k) = keep.get_mut(farthest.1) {
                *k = true;
            }
            stack.push((first, farthest.1));
            stack.push((farthest.1, last));
        }
    }
    points.iter().zip(keep).filter_map(|(p, k)| k.then_some(*p)).collect()
}

/// A closed ring as an open path that starts and ends in the middle of its first edge. epaint
/// mitres every corner of a closed path, so a hairpin turn of a boundary grows a long spike; an
/// open path has its sharp corners cut, and a seam in the middle of a straight edge is invisible.
fn open_loop(mut ring: Vec<Pos2>) -> Vec<Pos2> {
    if ring.len() >= 2 && ring.first() == ring.last() {
        ring.pop();
    }
    let (Some(&first), Some(&second)) = (ring.first(), ring.get(1)) else { return ring };
    let middle = first + (second - first) * 0.5;
    let mut path = Vec::with_capacity(ring.len() + 2);
    path.push(middle);
    path.extend(ring.iter().skip(1).copied());
    path.push(first);
    path.push(middle);
    path
}

/// Diagonal hatching of a region without data: lines x + y = c every few pixels, cut to each
/// triangle of the region so they stay inside it.
fn hatch_region(
    out: &mut Mesh,
    region: &SceneRegion,
    to_screen: &dyn Fn(WorldPos) -> Pos2,
    color: Color32,
) {
    let spacing = theme::HATCH_SPACING_PX;
    let half = theme::HATCH_WIDTH_PX / 2.0;
    let screen: Vec<Pos2> = region.mesh.vertices.iter().map(|v| to_screen(*v)).collect();
    for tri in region.mesh.indices.chunks_exact(3) {
        let [Some(a), Some(b), Some(c)] =
            [0, 1, 2].map(|k| tri.get(k).and_then(|i| screen.get(*i as usize)).copied())
        else {
            continue;
        };
        let s = |p: Pos2| p.x + p.y;
        let lo = s(a).min(s(b)).min(s(c));
        let hi = s(a).max(s(b)).max(s(c));
        let mut k = (lo / spacing).floor() * spacing + spacing;
        while k < hi {
            // Points where the line x + y = k crosses the triangle's edges.
            let mut hits: Vec<Pos2> = Vec::with_capacity(3);
            for (p, q) in [(a, b), (b, c), (c, a)] {
                let (sp, sq) = (s(p), s(q));
                if (sp - k) * (sq - k) <= 0.0 && (sp - sq).abs() > f32::EPSILON {
                    let t = (k - sp) / (sq - sp);
                    hits.push(p + (q - p) * t);
                }
            }
            if let [p, q, ..] = hits[..] {
                // A thin quad along the segment; its normal is (1, 1)/√2.
                let n = vec2(half, half) * std::f32::consts::FRAC_1_SQRT_2;
                let base = out.vertices.len() as u32;
                for v in [p - n, p + n, q + n, q - n] {
                    out.colored_vertex(v, color);
                }
                out.add_triangle(base, base + 1, base + 2);
                out.add_triangle(base, base + 2, base + 3);
            }
            k += spacing;
        }
    }
}

/// Outline of a symbol around `c` (every shape is star-shaped about its centre, so a fan from
/// the centre fills it correctly, the concave star included).
fn symbol_outline(c: Pos2, shape: SymbolShape, r: f32) -> Vec<Pos2> {
    let polar = |angle_deg: f32, radius: f32| {
        let a = angle_deg.to_radians();
        c + vec2(a.cos(), a.sin()) * radius
    };
    match shape {
        SymbolShape::Circle => {
            let n = (r * 2.5).clamp(12.0, 40.0) as usize;
            (0..n).map(|i| polar(360.0 * i as f32 / n as f32, r)).collect()
        }
        SymbolShape::Square => {
            let h = r * 0.89;
            vec![c + vec2(-h, -h), c + vec2(h, -h), c + vec2(h, h), c + vec2(-h, h)]
        }
        SymbolShape::Triangle => [-90.0, 30.0, 150.0].map(|a| polar(a, r * 1.2)).to_vec(),
        SymbolShape::Diamond => [-90.0, 0.0, 90.0, 180.0].map(|a| polar(a, r * 1.15)).to_vec(),
        SymbolShape::Star => (0..10)
            .map(|i| polar(-90.0 + 36.0 * i as f32, if i % 2 == 0 { r * 1.3 } else { r * 0.55 }))
            .collect(),
    }
}

/// A filled symbol with its outline into `out`.
fn add_symbol(
    tessellator: &mut Tessellator,
    out: &mut Mesh,
    center: Pos2,
    shape: SymbolShape,
    radius: f32,
    fill: Color32,
    stroke: Stroke,
) {
    let outline = symbol_outline(center, shape, radius);
    let base = out.vertices.len() as u32;
    out.colored_vertex(center, fill);
    for p in &outline {
        out.colored_vertex(*p, fill);
    }
    let n = outline.len() as u32;
    for i in 0..n {
        out.add_triangle(base, base + 1 + i, base + 1 + (i + 1) % n);
    }
    if stroke.width > 0.0 {
        tessellator.tessellate_path(&PathShape::closed_line(outline, stroke), out);
    }
}

/// A mark (up, down, same) around `center` into `out`: its light halo — a stroke twice the
/// halo's width under the fill, so only its outer half shows, as the SVG's `paint-order` —
/// then the dark polygon `MarkKind::polygon` gives every painter.
fn add_mark(tessellator: &mut Tessellator, out: &mut Mesh, center: Pos2, kind: MarkKind) {
    let outline: Vec<Pos2> = kind
        .polygon([center.x, center.y], MarkKind::SIZE_PX)
        .into_iter()
        .map(|[x, y]| Pos2::new(x, y))
        .collect();
    let halo = PathStroke::new(2.0 * MarkKind::HALO_PX, theme::color(MarkKind::HALO));
    tessellator.tessellate_path(&PathShape::closed_line(outline.clone(), halo), out);
    // The marks are convex: a fan from their centroid fills them.
    let n = outline.len() as u32;
    let centroid = outline.iter().fold(Pos2::ZERO, |a, p| a + p.to_vec2() / n.max(1) as f32);
    let fill = theme::color(MarkKind::FILL);
    let base = out.vertices.len() as u32;
    out.colored_vertex(centroid, fill);
    for p in &outline {
        out.colored_vertex(*p, fill);
    }
    for i in 0..n {
        out.add_triangle(base, base + 1 + i, base + 1 + (i + 1) % n);
    }
}

/// A mark at `center`, drawn as on the map (for legends beside a map).
pub(super) fn paint_mark(ui: &Ui, center: Pos2, kind: MarkKind) {
    let mut tessellator = tessellator(ui);
    let mut mesh = Mesh::default();
    add_mark(&mut tessellator, &mut mesh, center, kind);
    ui.painter().add(Shape::mesh(mesh));
}

/// File, Data, +, − and "whole country" at the top right.
fn zoom_buttons(ui: &mut Ui, state: &AppState, rect: Rect, actions: &mut Vec<Action>) {
    let lang = state.lang();
    let area = rect.shrink(theme::MARGIN);
    let scene = state.scene();
    let [a, b, c, d] = scene.bounds;
    let center = state.camera().center.unwrap_or([(a + c) / 2.0, (b + d) / 2.0]);
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(area).layout(egui::Layout::top_down(egui::Align::Max)),
        |ui| {
            egui::Frame::new()
                .fill(theme::palette().overlay_bg)
                .stroke(Stroke::new(1.0, theme::palette().border))
                .corner_radius(4.0)
                .inner_margin(4)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        // The File menu and the Data window: the top bar has no room left.
                        crate::ui::file_menu::menu(ui, state, actions);
                        crate::ui::slides_panel::button(ui, state, actions);
                        crate::ui::export_dialog::button(ui, state, actions);
                        crate::ui::view_menu::menu(ui, state, actions);
                        let on = state.data_open();
                        let data = EditText::DataButton.get(lang);
                        let button = ui.selectable_label(on, RichText::new(data).size(15.0));
                        let hint = tooltip(ui.ctx(), Command::DataEditor, lang);
                        if button.on_hover_text(hint).clicked() {
                            actions.push(Action::ShowDataEditor(!on));
                        }
                        ui.separator();
                        crate::ui::presentation::play_button(ui, state, actions);
                        ui.separator();
                        let size = vec2(30.0, 26.0);
                        let plus = egui::Button::new(RichText::new("+").size(18.0)).min_size(size);
                        let hint = tooltip(ui.ctx(), Command::ZoomInMap, lang);
                        if ui.add(plus).on_hover_text(hint).clicked() {
                            actions.push(Action::ZoomAt { factor: ZOOM_STEP, anchor: center });
                        }
                        let minus = egui::Button::new(RichText::new("−").size(18.0)).min_size(size);
                        let hint = tooltip(ui.ctx(), Command::ZoomOutMap, lang);
                        if ui.add(minus).on_hover_text(hint).clicked() {
                            actions
                                .push(Action::ZoomAt { factor: 1.0 / ZOOM_STEP, anchor: center });
                        }
                        let reset = ui.button(UiText::ResetView.get(lang));
                        let hint = tooltip(ui.ctx(), Command::ResetMapView, lang);
                        if reset.on_hover_text(hint).clicked() {
                            actions.push(Action::ResetCamera);
                        }
                    });
                });
        },
    );
}

/// The key at the left: title, unit, the choropleth's classes and the symbol layers, and how to
/// move the map.
/// Draws the key (title, legend, hint) over the map's left side and returns the space it took.
fn key_panel(ui: &mut Ui, scene: &Scene, rect: Rect, lang: crate::model::Lang) -> Rect {
    let area = Rect::from_min_size(
        rect.min + vec2(theme::MARGIN, theme::MARGIN),
        vec2(KEY_WIDTH, rect.height() - 2.0 * theme::MARGIN),
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(area), |ui| {
        egui::Frame::new()
            .fill(theme::palette().overlay_bg)
            .stroke(Stroke::new(1.0, theme::palette().border))
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(10, 8))
            .show(ui, |ui| {
                ui.set_width(KEY_WIDTH - 20.0);
                egui::ScrollArea::vertical().id_salt("map_key").show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 2.0;
                    ui.spacing_mut().interact_size.y = 14.0;
                    ui.add(
                        egui::Label::new(
                            RichText::new(&scene.title).size(theme::MAP_TITLE_PT - 2.0).strong(),
                        )
                        .wrap(),
                    );
                    if !scene.subtitle.is_empty() {
                        ui.label(
                            RichText::new(&scene.subtitle)
                                .small()
                                .color(theme::palette().text_muted),
                        );
                    }
                    ui.add_space(4.0);
                    legend(ui, &scene.legend.items, rect.width() >= KEY_OPEN_MIN_MAP_WIDTH);
                    ui.add_space(4.0);
                    ui.add(
                        egui::Label::new(
                            RichText::new(UiText::MapHint.get(lang))
                                .small()
                                .color(theme::palette().text_muted),
                        )
                        .wrap(),
                    );
                });
            })
            .response
            .rect
    })
    .inner
}

/// The legend's lines: the choropleth's classes, then each symbol layer under its heading as a
/// group that folds away (folded at first on a small map, so the key leaves room for the map).
fn legend(ui: &mut Ui, items: &[LegendItem], open: bool) {
    let first_heading =
        items.iter().position(|i| matches!(i, LegendItem::Heading { .. })).unwrap_or(items.len());
    let (classes, layers) = items.split_at(first_heading);
    legend_run(ui, classes);
    let mut rest = layers;
    let mut group = 0;
    while let Some((LegendItem::Heading { label }, after)) = rest.split_first() {
        let end = after
            .iter()
            .position(|i| matches!(i, LegendItem::Heading { .. }))
            .unwrap_or(after.len());
        let (members, next) = after.split_at(end);
        ui.add_space(2.0);
        egui::CollapsingHeader::new(RichText::new(label).small().strong())
            .id_salt(("legend_group", group))
            .default_open(open)
            .show(ui, |ui| legend_run(ui, members));
        rest = next;
        group += 1;
    }
}

/// Legend lines in order, with graduated size scales on one row.
fn legend_run(ui: &mut Ui, items: &[LegendItem]) {
    let mut i = 0;
    while let Some(item) = items.get(i) {
        let scale = size_scale_len(items.get(i..).unwrap_or_default());
        if scale >= 2 {
            size_scale(ui, items.get(i..i + scale).unwrap_or_default());
            i += scale;
        } else {
            legend_item(ui, item);
            i += 1;
        }
    }
}

/// How many items at the start of `items` form a graduated size scale: symbols of one shape
/// with shrinking radii (the circles that show town population).
fn size_scale_len(items: &[LegendItem]) -> usize {
    let mut len = 0;
    let mut previous: Option<(SymbolShape, f32)> = None;
    for item in items {
        let LegendItem::Symbol { shape, radius_px, .. } = item else { break };
        if previous.is_some_and(|(s, r)| s != *shape || *radius_px >= r) {
            break;
        }
        previous = Some((*shape, *radius_px));
        len += 1;
    }
    len
}

/// A graduated size scale on one row: each symbol above its label.
fn size_scale(ui: &mut Ui, items: &[LegendItem]) {
    let tallest = items
        .iter()
        .map(|i| match i {
            LegendItem::Symbol { radius_px, .. } => *radius_px,
            _ => 0.0,
        })
        .fold(0.0_f32, f32::max);
    let column = (KEY_WIDTH - 24.0) / items.len().max(1) as f32;
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for item in items {
            let LegendItem::Symbol { shape, radius_px, fill, stroke, stroke_px, label } = item
            else {
                continue;
            };
            ui.allocate_ui_with_layout(
                vec2(column, tallest * 2.0 + 32.0),
                egui::Layout::top_down(egui::Align::Center),
                |ui| {
                    ui.set_width(column);
                    let side = tallest * 2.0 + 4.0;
                    let (r, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
                    paint_symbol(ui, r.center(), *shape, *radius_px, *fill, *stroke, *stroke_px);
                    ui.add(
                        egui::Label::new(RichText::new(label).small())
                            .wrap()
                            .halign(egui::Align::Center),
                    );
                },
            );
        }
    });
}

/// One symbol at `center`, for the legend.
fn paint_symbol(
    ui: &Ui,
    center: Pos2,
    shape: SymbolShape,
    radius: f32,
    fill: crate::map::Rgba,
    stroke: crate::map::Rgba,
    stroke_px: f32,
) {
    let mut tessellator = tessellator(ui);
    let mut mesh = Mesh::default();
    add_symbol(
        &mut tessellator,
        &mut mesh,
        center,
        shape,
        radius,
        theme::color(fill),
        Stroke::new(stroke_px, theme::color(stroke)),
    );
    ui.painter().add(Shape::mesh(mesh));
}

fn legend_item(ui: &mut Ui, item: &LegendItem) {
    let swatch = vec2(22.0, 13.0);
    match item {
        LegendItem::Heading { label } => {
            ui.add_space(4.0);
            ui.add(egui::Label::new(RichText::new(label).small().strong()).wrap());
        }
        LegendItem::Class { fill, label } => {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(swatch, Sense::hover());
                ui.painter().rect_filled(r, 2.0, theme::color(*fill));
                ui.painter().rect_stroke(
                    r,
                    2.0,
                    Stroke::new(0.5, theme::color(style::OUTLINE)),
                    egui::StrokeKind::Inside,
                );
                ui.label(RichText::new(label).small());
            });
        }
        LegendItem::NoData { fill, label } => {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(swatch, Sense::hover());
                let painter = ui.painter_at(r);
                painter.rect_filled(r, 2.0, theme::color(*fill));
                let hatch = Stroke::new(theme::HATCH_WIDTH_PX, theme::color(style::NO_DATA_HATCH));
                let mut k = -r.height();
                while k < r.width() {
                    painter.line_segment(
                        [
                            Pos2::new(r.left() + k, r.bottom()),
                            Pos2::new(r.left() + k + r.height(), r.top()),
                        ],
                        hatch,
                    );
                    k += theme::HATCH_SPACING_PX;
                }
                painter.rect_stroke(
                    r,
                    2.0,
                    Stroke::new(0.5, theme::color(style::OUTLINE)),
                    egui::StrokeKind::Inside,
                );
                ui.label(RichText::new(label).small());
            });
        }
        LegendItem::Mark { fill, mark, label } => {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(swatch, Sense::hover());
                ui.painter().rect_filled(r, 2.0, theme::color(*fill));
                ui.painter().rect_stroke(
                    r,
                    2.0,
                    Stroke::new(0.5, theme::color(style::OUTLINE)),
                    egui::StrokeKind::Inside,
                );
                let (m, _) = ui.allocate_exact_size(vec2(18.0, 18.0), Sense::hover());
                paint_mark(ui, m.center(), *mark);
                ui.label(RichText::new(label).small());
            });
        }
        LegendItem::Line { style, label } => {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(swatch, Sense::hover());
                let ctx = ui.ctx();
                let mut tessellator = Tessellator::new(
                    ctx.pixels_per_point(),
                    ctx.options(|o| o.tessellation_options),
                    ctx.fonts(|f| f.font_image_size()),
                    Vec::new(),
                );
                let mut mesh = Mesh::default();
                let points = [r.left_center(), r.right_center()];
                add_styled_line(&mut tessellator, &mut mesh, &points, style, 1.0);
                ui.painter().add(Shape::mesh(mesh));
                ui.label(RichText::new(label).small());
            });
        }
        LegendItem::Symbol { shape, radius_px, fill, stroke, stroke_px, label } => {
            ui.horizontal(|ui| {
                let side = (radius_px * 2.0 + 4.0).max(swatch.x);
                let (r, _) = ui.allocate_exact_size(
                    vec2(side, (radius_px * 2.0 + 2.0).max(swatch.y)),
                    Sense::hover(),
                );
                paint_symbol(ui, r.center(), *shape, *radius_px, *fill, *stroke, *stroke_px);
                ui.label(RichText::new(label).small());
            });
        }
    }
}

/// Attribution at the bottom right.
fn source_overlay(ui: &Ui, scene: &Scene, rect: Rect) {
    if scene.source_line.is_empty() {
        return;
    }
    let painter = ui.painter_at(rect);
    let galley = painter.layout(
        scene.source_line.clone(),
        FontId::proportional(theme::SMALL_PT - 1.0),
        theme::palette().text_muted,
        rect.width() * 0.45,
    );
    let pos = rect.right_bottom() - vec2(theme::MARGIN, theme::MARGIN / 2.0);
    let text_rect = Align2::RIGHT_BOTTOM.anchor_size(pos, galley.size());
    painter.rect_filled(text_rect.expand(3.0), 3.0, theme::palette().overlay_bg);
    painter.galley(text_rect.min, galley, theme::palette().text_muted);
}

/// The border of a map panel beside others (compare, targets, potential) and its title in a box
/// at the top left, wrapped to the panel's width.
pub(super) fn paint_panel_frame(painter: &egui::Painter, rect: Rect, title: &str, title_pt: f32) {
    let p = theme::palette();
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, p.border), egui::StrokeKind::Inside);
    let title = painter.layout(
        title.to_owned(),
        FontId::proportional(title_pt),
        p.text,
        rect.width() - 2.0 * theme::MARGIN,
    );
    let at = rect.min + vec2(theme::MARGIN, theme::MARGIN / 2.0);
    painter.rect_filled(Rect::from_min_size(at, title.size()).expand(3.0), 3.0, p.overlay_bg);
    painter.galley(at, title, p.text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_outlines_have_the_expected_corners() {
        let c = Pos2::new(10.0, 10.0);
        assert_eq!(symbol_outline(c, SymbolShape::Square, 5.0).len(), 4);
        assert_eq!(symbol_outline(c, SymbolShape::Triangle, 5.0).len(), 3);
        assert_eq!(symbol_outline(c, SymbolShape::Star, 5.0).len(), 10);
        // The triangle points up: its first corner is straight above the centre.
        let apex = symbol_outline(c, SymbolShape::Triangle, 5.0)[0];
        assert!((apex.x - 10.0).abs() < 1e-4 && apex.y < 10.0);
    }

    #[test]
    fn a_ring_becomes_an_open_path_closing_in_the_middle_of_its_first_edge() {
        let ring = vec![
            Pos2::new(0.0, 0.0),
            Pos2::new(10.0, 0.0),
            Pos2::new(10.0, 10.0),
            Pos2::new(0.0, 0.0),
        ];
        let path = open_loop(ring);
        assert_eq!(
            path,
            vec![
                Pos2::new(5.0, 0.0),
                Pos2::new(10.0, 0.0),
                Pos2::new(10.0, 10.0),
                Pos2::new(0.0, 0.0),
                Pos2::new(5.0, 0.0),
            ]
        );
    }

    #[test]
    fn decimation_drops_sub_pixel_steps_but_keeps_both_ends() {
        let points: Vec<Pos2> = (0..=10).map(|i| Pos2::new(i as f32 * 0.25, 0.0)).collect();
        let kept = decimate(points);
        assert_eq!(
            kept,
            vec![
                Pos2::new(0.0, 0.0),
                Pos2::new(0.75, 0.0),
                Pos2::new(1.5, 0.0),
                Pos2::new(2.25, 0.0),
                Pos2::new(2.5, 0.0)
            ]
        );
    }

    #[test]
    fn simplification_drops_points_on_a_straight_run_and_keeps_a_bend() {
        // A straight run of ten points, a bend of 5 px, a wiggle of 0.2 px on the way back.
        let mut points: Vec<Pos2> = (0..10).map(|i| Pos2::new(i as f32 * 10.0, 0.0)).collect();
        points.push(Pos2::new(100.0, 5.0));
        points.push(Pos2::new(50.0, 5.2));
        points.push(Pos2::new(0.0, 5.0));
        assert_eq!(
            simplify(&points),
            vec![
                Pos2::new(0.0, 0.0),
                Pos2::new(90.0, 0.0),
                Pos2::new(100.0, 5.0),
                Pos2::new(0.0, 5.0)
            ]
        );
        let two = [Pos2::new(0.0, 0.0), Pos2::new(1.0, 1.0)];
        assert_eq!(simplify(&two), two.to_vec());
    }

    #[test]
    fn hatching_stays_inside_the_triangle() {
        let region = SceneRegion {
            code: "X".into(),
            value_code: "X".into(),
            name: "X".into(),
            value: None,
            value_label: String::new(),
            note: None,
            rank: None,
            fill: style::NO_DATA_FILL,
            no_data: true,
            selected: false,
            mesh: Arc::new(crate::map::RegionMesh {
                vertices: vec![[0.0, 0.0], [60.0, 0.0], [0.0, 60.0]],
                indices: vec![0, 1, 2],
                rings: vec![],
                bbox: [0.0, 0.0, 60.0, 60.0],
            }),
            label_anchor: [0.0, 0.0],
        };
        let mut mesh = Mesh::default();
        hatch_region(&mut mesh, &region, &|w| Pos2::new(w[0], w[1]), Color32::BLACK);
        // Lines at x + y = 6, 12, …, 54: nine quads of four vertices.
        assert_eq!(mesh.vertices.len(), 9 * 4);
        for v in &mesh.vertices {
            assert!(v.pos.x + v.pos.y <= 60.0 + 1.0 && v.pos.x >= -1.0 && v.pos.y >= -1.0);
        }
    }
}
