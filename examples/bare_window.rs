//! A bare eframe window with Kizuki's features and settings, closing after its first frame: the
//! yardstick of `benches/startup.rs` (Kizuki's first frame should take at most 1.2× as long).

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare")
            .with_inner_size([1280.0, 800.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "bare",
        native,
        Box::new(|_| Ok(Box::new(Bare { frames: 0 }))),
    )
}

struct Bare {
    frames: u32,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("bare eframe");
        });
        self.frames += 1;
        if self.frames >= 2 {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            ui.ctx().request_repaint();
        }
    }
}
