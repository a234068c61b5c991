//! Native file dialogs (rfd), run off the UI thread so the window keeps repainting while one is open.
//! The rest of the app only sees [`DialogResult`]s, so tests pass paths without any dialog.

use crate::export::Format;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// What a dialog was opened for.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    Open,
    /// A previous round's project, whose scores become the baseline to compare with.
    ImportBaseline,
    SaveAs,
    Export(Format),
}

pub struct DialogResult {
    pub purpose: Purpose,
    pub path: Option<PathBuf>,
    /// How long the dialog was up. A dialog that "closed" at once was most likely never shown
    /// (no desktop portal on this system): the window then offers a path field instead.
    pub open_for: Duration,
}

impl DialogResult {
    pub fn probably_not_shown(&self) -> bool {
        self.path.is_none() && self.open_for < Duration::from_millis(400)
    }
}

pub struct Dialogs {
    tx: Sender<DialogResult>,
    rx: Receiver<DialogResult>,
    open: bool,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        Dialogs {
            tx,
            rx,
            open: false,
        }
    }
}

impl Dialogs {
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens a dialog. Only one at a time: a second request while one is open is ignored.
    pub fn request(
        &mut self,
        purpose: Purpose,
        title: String,
        file_name: String,
        folder: Option<PathBuf>,
        ctx: &egui::Context,
    ) {
        if self.open {
            return;
        }
        self.open = true;
        let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
        if let Some(folder) = folder {
            dialog = dialog.set_directory(folder);
        }
        let (label, extension) = match &purpose {
            Purpose::Open | Purpose::SaveAs | Purpose::ImportBaseline => ("Kizuki", "ron"),
            Purpose::Export(format) => (format.extension(), format.extension()),
        };
        dialog = dialog.add_filter(label, &[extension]);
        // Futures are created here, on the UI thread, as some platforms require; they run elsewhere.
        let future: std::pin::Pin<
            Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>,
        > = match purpose {
            Purpose::Open | Purpose::ImportBaseline => Box::pin(dialog.pick_file()),
            Purpose::SaveAs | Purpose::Export(_) => {
                Box::pin(dialog.set_file_name(file_name).save_file())
            }
        };
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let started = Instant::now();
        std::thread::spawn(move || {
            let path = pollster::block_on(future).map(|handle| handle.path().to_owned());
            // The receiver lives as long as the app; if it is gone there is no one left to tell.
            let _ = tx.send(DialogResult {
                purpose,
                path,
                open_for: started.elapsed(),
            });
            ctx.request_repaint();
        });
    }

    /// A finished dialog, if any.
    pub fn poll(&mut self) -> Option<DialogResult> {
        let result = self.rx.try_recv().ok()?;
        self.open = false;
        Some(result)
    }
}
