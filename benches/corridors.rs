//! The corridor layer under load: the default dataset plus 40 generated corridors of 400 points
//! each (16,000 points, about what a planner's imported regional road and power-line network
//! holds), ten of each kind. `build_scene` with them; one frame of the main window (egui run and
//! tessellation, 1600 × 1000) still, hovering a corridor (its hit test every frame) and panning
//! (the screen meshes, corridors' dashes included, rebuilt every frame); the SVG export.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Pos2, RawInput, Rect, vec2};
use geo::LineString;
use oblys::app::{Action, AppState};
use oblys::map::{MapGeometry, build_scene};
use oblys::model::{Corridor, CorridorKind, Dataset, Lang, Names};
use oblys::ui::Gui;

const KINDS: [CorridorKind; 4] =
    [CorridorKind::Railway, CorridorKind::Road, CorridorKind::PowerLine, CorridorKind::Pipeline];

/// The default dataset with 40 wavy east–west corridors across the country.
fn dataset() -> Dataset {
    let mut ds = oblys::io::default_dataset::build().expect("default dataset");
    ds.corridors = (0..40)
        .map(|i| {
            let lat0 = 43.0 + f64::from(i) * 0.25;
            let points: Vec<(f64, f64)> = (0..400)
                .map(|k| {
                    let lon = 52.0 + f64::from(k) * 0.075;
                    (lon, lat0 + 0.2 * (f64::from(k) * 0.15 + f64::from(i)).sin())
                })
                .collect();
            Corridor {
                id: i64::from(i) + 1,
                names: Names::new("", "", format!("Corridor {i}")),
                kind: KINDS[(i % 4) as usize],
                line: LineString::from(points),
            }
        })
        .collect();
    ds
}

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        events,
        ..RawInput::default()
    }
}

/// Runs the UI once and tessellates its output, as eframe does for every frame.
fn frame(ctx: &egui::Context, gui: &mut Gui, events: Vec<Event>) -> usize {
    let output = ctx.run_ui(input(events), |ui| gui.show(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn setup() -> (egui::Context, Gui) {
    let mut gui = Gui::new(AppState::new(PathBuf::from("bench.oblys"), dataset(), Lang::Ru));
    let ctx = egui::Context::default();
    for _ in 0..5 {
        frame(&ctx, &mut gui, Vec::new());
    }
    (ctx, gui)
}

fn bench_corridors(c: &mut Criterion) {
    let ds = dataset();
    let geometry = MapGeometry::new(&ds);
    let view = oblys::map::MapView::new("population", 2023, Lang::Ru);
    c.bench_function("corridors/build_scene_40x400", |b| {
        b.iter(|| build_scene(&ds, &geometry, &view).lines.len())
    });
    let scene = build_scene(&ds, &geometry, &view);
    let height = oblys::export::export_height(&scene, 1600);
    c.bench_function("corridors/svg_40x400", |b| {
        b.iter(|| oblys::export::scene_to_svg(&scene, 1600, height).len())
    });

    let (ctx, mut gui) = setup();
    c.bench_function("corridors/frame_still", |b| b.iter(|| frame(&ctx, &mut gui, Vec::new())));

    let (ctx, mut gui) = setup();
    let line = gui.state().scene().lines.first().expect("corridors drawn").points[200];
    let over = gui.map_screen_pos(line).expect("drawn");
    frame(&ctx, &mut gui, vec![Event::PointerMoved(over)]);
    c.bench_function("corridors/frame_hover", |b| {
        b.iter(|| frame(&ctx, &mut gui, vec![Event::PointerMoved(over)]))
    });

    let (ctx, mut gui) = setup();
    let mut toggle = false;
    c.bench_function("corridors/frame_pan", |b| {
        b.iter(|| {
            toggle = !toggle;
            gui.apply(Action::Pan([if toggle { 1000.0 } else { -1000.0 }, 0.0]));
            frame(&ctx, &mut gui, Vec::new())
        })
    });
}

criterion_group!(benches, bench_corridors);
criterion_main!(benches);
