//! The map's camera: which part of the world the map panel shows. Zoom and pan live here as plain
//! numbers in world coordinates, so the math is tested without a window; the painter asks for the
//! transform of the panel's current size every frame.

use crate::map::WorldPos;

/// Zoom range relative to "whole country fits the panel".
pub const MIN_ZOOM: f32 = 0.5;
pub const MAX_ZOOM: f32 = 40.0;
/// Share of the panel the whole country takes at zoom 1, leaving room for legend and title.
const FIT_MARGIN: f32 = 0.92;

/// Zoom factor and the world point at the panel's centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// 1 = the whole extent fits the panel.
    pub zoom: f32,
    /// World point shown at the panel's centre; None = the centre of the extent.
    pub center: Option<WorldPos>,
}

impl Default for Camera {
    fn default() -> Self {
        Camera { zoom: 1.0, center: None }
    }
}

/// World ↔ screen mapping for one panel size: `screen = origin + (world − center) · scale`, with
/// y flipped (world y grows north, screen y grows down). Screen coordinates are relative to the
/// panel's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewTransform {
    /// Screen pixels per world unit.
    pub scale: f32,
    pub center: WorldPos,
    /// Panel centre in panel coordinates.
    pub origin: [f32; 2],
}

impl ViewTransform {
    pub fn to_screen(&self, p: WorldPos) -> [f32; 2] {
        [
            self.origin[0] + (p[0] - self.center[0]) * self.scale,
            self.origin[1] - (p[1] - self.center[1]) * self.scale,
        ]
    }

    pub fn to_world(&self, s: [f32; 2]) -> WorldPos {
        [
            self.center[0] + (s[0] - self.origin[0]) / self.scale,
            self.center[1] - (s[1] - self.origin[1]) / self.scale,
        ]
    }
}

impl Camera {
    /// The transform that shows a world of extent `bounds` (min x, min y, max x, max y) in
    /// `frame` (left, top, right, bottom in panel coordinates: the part of the panel not covered
    /// by the legend). A degenerate extent or frame gives scale 1.
    pub fn transform(&self, bounds: [f32; 4], frame: [f32; 4]) -> ViewTransform {
        let [min_x, min_y, max_x, max_y] = bounds;
        let (w, h) = (max_x - min_x, max_y - min_y);
        let size = [frame[2] - frame[0], frame[3] - frame[1]];
        let fit = if w > 0.0 && h > 0.0 && size[0] > 0.0 && size[1] > 0.0 {
            (size[0] / w).min(size[1] / h) * FIT_MARGIN
        } else {
            1.0
        };
        ViewTransform {
            scale: fit * self.zoom,
            center: self.center.unwrap_or([(min_x + max_x) / 2.0, (min_y + max_y) / 2.0]),
            origin: [(frame[0] + frame[2]) / 2.0, (frame[1] + frame[3]) / 2.0],
        }
    }

    /// Zooms by `factor` keeping the world point `anchor` where it is on screen (zoom around the
    /// cursor). `current_center` is the centre the panel shows now.
    pub fn zoom_at(&mut self, factor: f32, anchor: WorldPos, current_center: WorldPos) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let new_zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        // The anchor keeps its screen position when its offset from the centre shrinks by the
        // same ratio the scale grows.
        let ratio = self.zoom / new_zoom;
        self.center = Some([
            anchor[0] + (current_center[0] - anchor[0]) * ratio,
            anchor[1] + (current_center[1] - anchor[1]) * ratio,
        ]);
        self.zoom = new_zoom;
    }

    /// Moves the shown world by `delta` world units, keeping the centre inside `bounds` so the
    /// map cannot be lost off screen.
    pub fn pan(&mut self, delta: [f32; 2], current_center: WorldPos, bounds: [f32; 4]) {
        let [min_x, min_y, max_x, max_y] = bounds;
        let x = current_center[0] + delta[0];
        let y = current_center[1] + delta[1];
        self.center = Some([x.clamp(min_x, max_x.max(min_x)), y.clamp(min_y, max_y.max(min_y))]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: [f32; 4] = [0.0, 0.0, 2000.0, 1000.0];

    #[test]
    fn at_zoom_one_the_extent_is_centred_and_fits_the_panel() {
        let t = Camera::default().transform(BOUNDS, [0.0, 0.0, 1000.0, 800.0]);
        assert_eq!(t.scale, 0.5 * FIT_MARGIN);
        assert_eq!(t.to_screen([1000.0, 500.0]), [500.0, 400.0]);
        // A legend on the left moves the country right, into the free part of the panel.
        let t = Camera::default().transform(BOUNDS, [200.0, 0.0, 1000.0, 800.0]);
        assert_eq!(t.to_screen([1000.0, 500.0]), [600.0, 400.0]);
        // North is up: a larger world y is higher on screen.
        assert!(t.to_screen([1000.0, 900.0])[1] < 400.0);
    }

    #[test]
    fn screen_and_world_round_trip() {
        let mut camera = Camera::default();
        camera.zoom_at(3.0, [400.0, 300.0], [1000.0, 500.0]);
        let t = camera.transform(BOUNDS, [0.0, 0.0, 1000.0, 800.0]);
        let w = t.to_world([123.0, 456.0]);
        let s = t.to_screen(w);
        assert!((s[0] - 123.0).abs() < 1e-3 && (s[1] - 456.0).abs() < 1e-3);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor_in_place() {
        let size = [0.0, 0.0, 1000.0, 800.0];
        let mut camera = Camera::default();
        let before = camera.transform(BOUNDS, size);
        let cursor = [700.0, 200.0];
        let anchor = before.to_world(cursor);
        camera.zoom_at(2.0, anchor, before.center);
        let after = camera.transform(BOUNDS, size);
        let s = after.to_screen(anchor);
        assert!((s[0] - cursor[0]).abs() < 1e-3 && (s[1] - cursor[1]).abs() < 1e-3, "{s:?}");
        assert_eq!(camera.zoom, 2.0);
    }

    #[test]
    fn zoom_stays_within_its_limits() {
        let mut camera = Camera::default();
        camera.zoom_at(1000.0, [0.0, 0.0], [0.0, 0.0]);
        assert_eq!(camera.zoom, MAX_ZOOM);
        camera.zoom_at(1e-6, [0.0, 0.0], [0.0, 0.0]);
        assert_eq!(camera.zoom, MIN_ZOOM);
    }

    #[test]
    fn panning_cannot_move_the_centre_off_the_extent() {
        let mut camera = Camera::default();
        camera.pan([5000.0, -5000.0], [1000.0, 500.0], BOUNDS);
        assert_eq!(camera.center, Some([2000.0, 0.0]));
    }
}
