//! What a frame costs on the CPU: egui run headless (layout, painting to shapes, tessellation;
//! no GPU) for the sample and for a large project (10 teams × 15 members, 1,000 actions), on
//! the overview and on an item screen, with the pointer moving as in use. Goal: median ≤ 1 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use kizuki::app::{AppOptions, KizukiApp};
use kizuki::checklist::ItemId;
use kizuki::project::{Project, large_project, sample_project};
use kizuki::session::document::Document;
use kizuki::session::{Command, Screen, SessionOptions};
use std::hint::black_box;

struct Headless {
    ctx: egui::Context,
    app: KizukiApp,
    frame: u64,
}

/// The window as a test sees it: Japanese, no data folder, a fixed date.
fn options() -> AppOptions {
    AppOptions {
        session: SessionOptions {
            lang: Some(kizuki::Lang::Ja),
            data_dir: None,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
            vote_bind: None,
            policy: kizuki::policy::Policy::default(),
        },
        file: None,
    }
}

impl Headless {
    fn new(project: Project, screen: Screen) -> Headless {
        let ctx = egui::Context::default();
        let mut app = KizukiApp::new(&ctx, options());
        let team = project.teams[0].id;
        app.session.doc = Some(Document::unsaved(project));
        app.send(Command::SelectTeam(team));
        app.send(Command::Show(screen));
        let mut headless = Headless { ctx, app, frame: 0 };
        // Fonts and layout caches warm, as after the first second of use.
        for _ in 0..10 {
            headless.step();
        }
        headless
    }

    fn step(&mut self) -> usize {
        self.frame += 1;
        let x = 200.0 + (self.frame % 600) as f32;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            events: vec![egui::Event::PointerMoved(egui::pos2(x, 400.0))],
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.frame(ui));
        let meshes = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        meshes.len()
    }
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(60);
    let cases = [
        ("sample overview", sample_project(), Screen::Overview),
        (
            "sample item",
            sample_project(),
            Screen::Item(ItemId::IdeasPlace),
        ),
        (
            "large overview",
            large_project(10, 15, 1000),
            Screen::Overview,
        ),
        (
            "large item",
            large_project(10, 15, 1000),
            Screen::Item(ItemId::IdeasPlace),
        ),
    ];
    for (name, project, screen) in cases {
        let mut headless = Headless::new(project, screen);
        group.bench_function(name, |b| b.iter(|| black_box(headless.step())));
    }
    group.finish();
}

/// What start-up costs on the CPU before and in the first frame, without a display: the fonts
/// inflated, and a fresh context's first frame of the start screen (fonts loaded, every glyph on
/// it rasterised, tessellated), beside the same for a bare egui context with one heading.
fn start_up(c: &mut Criterion) {
    let mut group = c.benchmark_group("start-up");
    group.sample_size(20);
    group.bench_function("inflate both font faces", |b| {
        b.iter(|| black_box(kizuki::fonts::inflate_all()));
    });
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    group.bench_function("first frame, start screen", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut app = KizukiApp::new(&ctx, options());
            let output = ctx.run_ui(input(), |ui| app.frame(ui));
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point).len())
        });
    });
    group.bench_function("first frame, bare egui", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let output = ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default().show(ui, |ui| ui.heading("bare eframe"));
            });
            black_box(ctx.tessellate(output.shapes, output.pixels_per_point).len())
        });
    });
    group.finish();
}

criterion_group!(benches, frames, start_up);
criterion_main!(benches);
