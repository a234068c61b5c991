//! A bare eframe window with Kizuki's features and settings: the yardstick of `benches/startup.rs`
//! (Kizuki's first frame should take at most 1.2× as long, and its memory at most 10 MB more).
//! With `KIZUKI_EXIT_AFTER_FIRST_FRAME` set it closes after its first frame, as Kizuki does;
//! `--wgpu` draws with wgpu instead of OpenGL, to compare the two backends.

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare")
            .with_inner_size([1280.0, 800.0]),
        renderer: if std::env::args().any(|a| a == "--wgpu") {
            eframe::Renderer::Wgpu
        } else {
            eframe::Renderer::Glow
        },
        ..Default::default()
    };
    eframe::run_native(
        "bare",
        native,
        Box::new(|_| {
            Ok(Box::new(Bare {
                frames: 0,
                close_after_first: std::env::var_os("KIZUKI_EXIT_AFTER_FIRST_FRAME").is_some(),
            }))
        }),
    )
}

struct Bare {
    frames: u32,
    close_after_first: bool,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("bare eframe");
        });
        self.frames += 1;
        if !self.close_after_first {
            return;
        }
        if self.frames >= 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }
}
