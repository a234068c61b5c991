//! The system's file dialogs (rfd), run off the window's thread so that the window keeps
//! repainting while one is open. The answer comes back as a [`Command::PathChosen`].

use crate::session::Done;
use crate::session::{CommandSender, Purpose};
use std::path::Path;
use std::time::{Duration, Instant};

/// A dialog that "closed" this quickly without a path was most likely never shown (no desktop
/// portal on this system): the window then offers a path field instead.
const SHOWN_AT_LEAST: Duration = Duration::from_millis(400);

/// Opens a dialog for `purpose`, suggesting `suggested` (its folder, and its name for saving).
pub fn ask_path(
    purpose: Purpose,
    title: String,
    suggested: &Path,
    sender: CommandSender,
    ctx: &egui::Context,
) {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(title);
    if let Some(folder) = suggested.parent().filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    let filter = match purpose {
        Purpose::Open | Purpose::SaveAs | Purpose::ImportBaseline | Purpose::Merge => {
            Some(("Kizuki", "ron"))
        }
        Purpose::Export(format) | Purpose::ExportComparison(format) => {
            Some((format.extension(), format.extension()))
        }
        Purpose::CompareFolder => None,
        Purpose::Sheets => Some(("PDF", "pdf")),
    };
    if let Some((label, extension)) = filter {
        dialog = dialog.add_filter(label, &[extension]);
    }
    // Futures are created here, on the window's thread, as some platforms require; they run
    // on the dialog's own thread.
    let future: std::pin::Pin<
        Box<dyn std::future::Future<Output = Option<rfd::FileHandle>> + Send>,
    > = if purpose.writes() {
        let name = suggested
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Box::pin(dialog.set_file_name(name).save_file())
    } else if purpose == Purpose::CompareFolder {
        Box::pin(dialog.pick_folder())
    } else {
        Box::pin(dialog.pick_file())
    };
    let ctx = ctx.clone();
    let started = Instant::now();
    let fallback = sender.clone();
    let spawned = std::thread::Builder::new()
        .name("kizuki-file-dialog".into())
        .spawn(move || {
            let path = pollster::block_on(future).map(|handle| handle.path().to_owned());
            let shown = path.is_some() || started.elapsed() >= SHOWN_AT_LEAST;
            sender.send(Done::PathChosen {
                purpose,
                path,
                shown,
            });
            ctx.request_repaint();
        });
    if spawned.is_err() {
        // Without a thread there is no dialog: offer the path field.
        fallback.send(Done::PathChosen {
            purpose,
            path: None,
            shown: false,
        });
    }
}
