//! What the window says about itself: the status bar with the last notice, the banner of a failure,
//! the standing warning while autosave fails, and the path field offered where no dialog can be shown.

use super::tokens::{color, radius, space};
use super::widgets::enter_submits;
use crate::export::Format;
use crate::session::{Command, CommandSender, Purpose, Session};
use crate::session::{FileCommand, PathCommand};
use crate::tr;
use egui::RichText;

pub fn status_bar_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    ui.horizontal(|ui| {
        if session.dialog_open {
            ui.spinner();
            ui.label(tr!(lang, "app.dialog_open"));
        } else if let Some(notice) = session.notice() {
            ui.label(notice.text(lang));
            if let Some(folder) = notice.folder() {
                let open = ui.small_button(tr!(lang, "app.open_folder"));
                if open.on_hover_text(folder.display().to_string()).clicked() {
                    tx.send(FileCommand::OpenFolder(folder));
                }
            }
            let undoable = matches!(notice, crate::session::Notice::NameReleased { .. })
                && session
                    .voting
                    .as_ref()
                    .is_some_and(|v| !v.released.is_empty());
            if undoable && ui.small_button(tr!(lang, "removed.undo")).clicked() {
                tx.send(crate::session::VoteCommand::UndoRelease);
            }
            if ui
                .small_button("×")
                .on_hover_text(tr!(lang, "app.dismiss"))
                .clicked()
            {
                tx.send(Command::DismissMessage);
            }
        }
        if let Some(path) = session
            .doc
            .as_ref()
            .and_then(|d| d.path.as_ref())
            .filter(|_| !session.view.projector)
        {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(path.display().to_string()).small().weak());
            });
        }
    });
}

fn banner_ui(
    ui: &mut egui::Ui,
    text: &str,
    rgb: Option<crate::style::Rgb>,
    add: impl FnOnce(&mut egui::Ui),
) {
    let c = rgb.map_or(ui.visuals().error_fg_color, color);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.5, c))
        .fill(ui.visuals().extreme_bg_color)
        .inner_margin(space::FRAME)
        .corner_radius(radius::FRAME)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new("！").color(c).size(20.0));
                ui.add(egui::Label::new(RichText::new(text).color(c)).wrap());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), add);
            });
        });
    ui.add_space(space::M);
}

/// A failure, until the facilitator has read it.
pub fn error_banner_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let Some(failure) = &session.error else {
        return;
    };
    let lang = session.lang;
    banner_ui(ui, &failure.text(lang), None, |ui| {
        if let Some(offer) = &session.repair_offer {
            let open = ui
                .button(tr!(lang, "repair.open", count = offer.repairs.len()))
                .on_hover_text(tr!(lang, "repair.open_hint"));
            if open.clicked() {
                tx.send(FileCommand::OpenRepaired);
            }
        }
        if ui.button(tr!(lang, "app.dismiss")).clicked() {
            tx.send(Command::DismissError);
        }
    });
}

/// What was mended in a project opened with repairs, until dismissed.
pub fn repairs_made_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    if session.repairs_made.is_empty() {
        return;
    }
    let lang = session.lang;
    let text = format!(
        "{}\n・{}",
        tr!(lang, "repair.made"),
        session.repairs_made.join("\n・")
    );
    banner_ui(ui, &text, Some(crate::style::paper::WARN), |ui| {
        if ui.button(tr!(lang, "app.dismiss")).clicked() {
            tx.send(FileCommand::DismissRepairs);
        }
    });
}

/// While autosave fails, a crash would lose the work: said until an autosave succeeds again.
pub fn autosave_banner_ui(ui: &mut egui::Ui, session: &Session) {
    let Some(failure) = &session.autosave_failure else {
        return;
    };
    let lang = session.lang;
    banner_ui(
        ui,
        &failure.message(lang),
        Some(crate::style::paper::WARN),
        |_| {},
    );
}

/// The path field offered where no file dialog can be shown.
pub fn path_entry_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    // The field takes the keyboard when it appears: it replaces a dialog, which would have.
    let shown_id = egui::Id::unique("path-entry-shown");
    let Some(entry) = &session.path_entry else {
        ui.data_mut(|d| d.remove::<()>(shown_id));
        return;
    };
    let appeared = ui.data_mut(|d| {
        let first = d.get_temp::<()>(shown_id).is_none();
        d.insert_temp(shown_id, ());
        first
    });
    let (prompt, button) = match entry.purpose {
        Purpose::Open => (tr!(lang, "path.open_prompt"), tr!(lang, "path.open")),
        Purpose::Merge => (tr!(lang, "path.merge_prompt"), tr!(lang, "path.merge")),
        Purpose::ImportBaseline => (tr!(lang, "path.baseline_prompt"), tr!(lang, "path.import")),
        Purpose::SaveAs => (tr!(lang, "path.save_prompt"), tr!(lang, "path.save")),
        Purpose::Export(_) | Purpose::ExportComparison(_) | Purpose::Sheets => {
            (tr!(lang, "path.export_prompt"), tr!(lang, "path.export"))
        }
        Purpose::CompareFolder => (tr!(lang, "path.compare_prompt"), tr!(lang, "path.compare")),
    };
    egui::Frame::group(ui.style())
        .inner_margin(space::FRAME)
        .show(ui, |ui| {
            let label = ui.label(prompt);
            if let Some(current) = session.path_entry_format() {
                ui.horizontal(|ui| {
                    let format_label = ui.label(tr!(lang, "path.format"));
                    egui::ComboBox::from_id_salt("path-format")
                        .selected_text(current.label(lang))
                        .show_ui(ui, |ui| {
                            for format in Format::ALL.iter().copied() {
                                if ui
                                    .selectable_label(format == current, format.label(lang))
                                    .clicked()
                                {
                                    tx.send(PathCommand::EnterFormat(format));
                                }
                            }
                        })
                        .response
                        .labelled_by(format_label.id);
                });
            }
            ui.horizontal(|ui| {
                let mut text = entry.text.clone();
                let width = (ui.available_width() - 220.0).max(200.0);
                let response = ui
                    .add(egui::TextEdit::singleline(&mut text).desired_width(width))
                    .labelled_by(label.id);
                if appeared {
                    response.request_focus();
                }
                if response.changed() {
                    tx.send(PathCommand::EnterText(text.clone()));
                }
                // Enter confirms, but not the Enter that ends an input method's conversion.
                let enter = enter_submits(ui, &response);
                if (ui.button(button).clicked() || enter) && !text.trim().is_empty() {
                    tx.send(PathCommand::Submit);
                }
                if ui.button(tr!(lang, "path.cancel")).clicked() {
                    tx.send(PathCommand::Cancel);
                }
            });
        });
    ui.add_space(space::M);
}

/// 「削除しました ［元に戻す］」 over the bottom of the window, for a little while after a removal.
pub fn removal_toast_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let Some(removed) = session.removal() else {
        return;
    };
    let lang = session.lang;
    egui::Area::new(egui::Id::unique("kizuki-removal-toast"))
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -40.0])
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .inner_margin(space::FRAME)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(removed.text(lang));
                        let undo = crate::session::UICommand::Undo;
                        let button =
                            egui::Button::new(RichText::new(tr!(lang, "removed.undo")).strong());
                        let keys = undo.shortcut_text().unwrap_or_default();
                        let response = ui.add(button);
                        // Named apart from the Edit menu's 元に戻す, which undoes whatever came last.
                        super::widgets::accessible_name(
                            &response,
                            egui::Role::Button,
                            None,
                            &tr!(lang, "removed.undo_name"),
                        );
                        if response.on_hover_text(keys).clicked() {
                            tx.run(undo);
                        }
                    });
                });
        });
}

/// A recovery copy newer than the file just opened: the window crashed after unsaved work on it.
pub fn newer_copy_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let Some(file) = &session.newer_copy else {
        return;
    };
    let lang = session.lang;
    let when = session
        .recovered
        .iter()
        .find(|r| &r.file == file)
        .map(|r| super::start::format_autosaved_at(&r.autosaved_at))
        .unwrap_or_default();
    banner_ui(
        ui,
        &tr!(lang, "recovery.newer_than_file", time = when),
        Some(crate::style::paper::WARN),
        |ui| {
            if ui.button(tr!(lang, "recovery.keep_file")).clicked() {
                tx.send(FileCommand::DismissNewerCopy);
            }
            if ui
                .button(RichText::new(tr!(lang, "recovery.restore_newer")).strong())
                .clicked()
            {
                tx.send(FileCommand::Restore(file.clone()));
            }
        },
    );
}
