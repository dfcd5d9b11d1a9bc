//! One frame of the main window, headless: `egui::Context::run_ui` with the whole UI (top bar,
//! map, side panel, charts, table) plus tessellation, at 1600 × 1000 on the default dataset.
//! Budget: 2 ms of CPU. `still` is a frame with nothing changing (a planner reading the screen);
//! `hover` has the pointer over a region (outline and tooltip); `pan` moves the map every frame,
//! so the map's screen meshes are rebuilt each time. `compare` is a still frame of the scenario
//! screen's compare view (scenario list, three maps, legends, chart and table), budget 3 ms;
//! `compare_next_year` the same view moving to another year each frame (playing the years).

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Pos2, RawInput, Rect, vec2};
use oblys::app::{Action, AppState, ScenarioTab, Screen};
use oblys::model::Lang;
use oblys::ui::Gui;

fn setup() -> (egui::Context, Gui) {
    let dataset = oblys::io::default_dataset::build().expect("default dataset");
    let mut gui = Gui::new(AppState::new(PathBuf::from("bench.oblys"), dataset, Lang::Ru));
    gui.apply(Action::Select(Some("KZ-KAR".into())));
    let ctx = egui::Context::default();
    // Settle: fonts, styles, layout caches.
    for _ in 0..5 {
        frame(&ctx, &mut gui, Vec::new());
    }
    (ctx, gui)
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
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn bench_frame(c: &mut Criterion) {
    let (ctx, mut gui) = setup();
    c.bench_function("frame/still", |b| b.iter(|| frame(&ctx, &mut gui, Vec::new())));

    let (ctx, mut gui) = setup();
    let over = gui.region_screen_pos("KZ-KAR").expect("Karaganda drawn");
    frame(&ctx, &mut gui, vec![Event::PointerMoved(over)]);
    c.bench_function("frame/hover", |b| {
        b.iter(|| frame(&ctx, &mut gui, vec![Event::PointerMoved(over)]))
    });

    let (ctx, mut gui) = setup();
    gui.apply(Action::SetScreen(Screen::Scenarios));
    gui.apply(Action::SetScenarioTab(ScenarioTab::Compare));
    for _ in 0..5 {
        frame(&ctx, &mut gui, Vec::new());
    }
    c.bench_function("frame/compare", |b| b.iter(|| frame(&ctx, &mut gui, Vec::new())));
    // While the years play (or the year slider is dragged) every frame shows another year: the
    // comparison (three scenes, chart, table) is rebuilt and the three maps' meshes recoloured.
    let mut year = 2029;
    c.bench_function("frame/compare_next_year", |b| {
        b.iter(|| {
            year = if year == 2030 { 2029 } else { 2030 };
            gui.apply(Action::SetCompareYear(year));
            frame(&ctx, &mut gui, Vec::new())
        })
    });

    let (ctx, mut gui) = setup();
    let mut toggle = false;
    c.bench_function("frame/pan", |b| {
        b.iter(|| {
            toggle = !toggle;
            gui.apply(Action::Pan([if toggle { 1000.0 } else { -1000.0 }, 0.0]));
            frame(&ctx, &mut gui, Vec::new())
        })
    });
}

criterion_group!(benches, bench_frame);
criterion_main!(benches);
