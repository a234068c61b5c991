//! The start screen: new project, open, the sample, recent files.

use super::tokens::{space, text};
use super::widgets::accessible_name;
use crate::session::FileCommand;
use crate::session::{CommandSender, Session, UICommand};
use crate::tr;
use egui::RichText;

pub fn start_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space((ui.available_height() * 0.08).clamp(12.0, 60.0));
            let icon = super::icon::texture(ui.ctx());
            ui.add(egui::Image::new((icon.id(), egui::vec2(112.0, 112.0))).alt_text("Kizuki"));
            ui.add_space(space::M);
            ui.label(
                RichText::new("Kizuki（気づき）")
                    .size(text::HERO)
                    .family(super::fonts::bold())
                    .strong(),
            );
            ui.add_space(space::S);
            ui.label(RichText::new(tr!(lang, "start.tagline")).size(text::LEAD));
            ui.add_space(space::XXL);

            if !session.recovered.is_empty() {
                recovered_ui(ui, session, tx);
                ui.add_space(space::XL);
            }
            if !session.vote_journals.is_empty() {
                vote_journals_ui(ui, session, tx);
                ui.add_space(space::XL);
            }
            for (command, key) in [
                (UICommand::New, "start.new"),
                (UICommand::Open, "start.open"),
                (UICommand::OpenSample, "start.sample"),
            ] {
                let button =
                    egui::Button::new(RichText::new(tr!(lang, key)).size(text::LARGE_BUTTON))
                        .min_size(egui::vec2(300.0, 40.0));
                if ui.add(button).on_hover_text(command.hint(lang)).clicked() {
                    tx.run(command);
                }
            }
            let about = UICommand::AboutChecklist;
            let button =
                egui::Button::new(RichText::new(about.label(lang)).size(text::LARGE_BUTTON))
                    .min_size(egui::vec2(300.0, 40.0));
            if ui.add(button).on_hover_text(about.hint(lang)).clicked() {
                tx.run(about);
            }
            ui.add_space(space::S);
            ui.label(RichText::new(tr!(lang, "start.drop_hint")).weak());

            // The room does not need to see which files are on this laptop.
            if session.view.projector {
                return;
            }
            ui.add_space(space::XXL);
            ui.label(
                RichText::new(tr!(lang, "start.recent"))
                    .size(text::SECTION)
                    .family(super::fonts::bold())
                    .strong(),
            );
            ui.add_space(space::S);
            if session.settings.recent.is_empty() {
                ui.label(RichText::new(tr!(lang, "start.no_recent")).weak());
            }
            let width = ui.available_width().min(720.0);
            for path in &session.settings.recent {
                ui.allocate_ui(egui::vec2(width, 30.0), |ui| {
                    ui.horizontal(|ui| {
                        let exists = path.exists();
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        let folder = path
                            .parent()
                            .map(|p| p.display().to_string())
                            .unwrap_or_default();
                        if exists {
                            if ui
                                .link(RichText::new(&name).strong())
                                .on_hover_text(path.display().to_string())
                                .clicked()
                            {
                                tx.send(FileCommand::Open(path.clone()));
                            }
                        } else {
                            ui.label(RichText::new(&name).strikethrough().weak());
                            ui.label(
                                RichText::new(tr!(lang, "start.missing"))
                                    .color(ui.visuals().warn_fg_color),
                            );
                        }
                        ui.label(RichText::new(folder).small().weak());
                        // At the far end of the row, away from the name one clicks to open.
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let remove = ui
                                .small_button(tr!(lang, "start.forget"))
                                .on_hover_text(tr!(lang, "start.forget"));
                            accessible_name(
                                &remove,
                                egui::Role::Button,
                                None,
                                &format!("{} {name}", tr!(lang, "start.forget")),
                            );
                            if remove.clicked() {
                                tx.send(FileCommand::ForgetRecent(path.clone()));
                            }
                        });
                    });
                });
            }
        });
    });
}

/// When a recovery copy was written, as people read it: `2026-11-26 14:03`.
pub fn format_autosaved_at(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339).map_or_else(
        |_| rfc3339.to_owned(),
        |t| t.format("%Y-%m-%d %H:%M").to_string(),
    )
}

/// Phone votes an earlier run journaled and never saved: take them into their project, or not.
fn vote_journals_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, warn))
        .inner_margin(space::L)
        .show(ui, |ui| {
            ui.set_max_width(720.0);
            for found in &session.vote_journals {
                let header = &found.header;
                let title = if header.title.trim().is_empty() {
                    tr!(lang, "app.untitled")
                } else {
                    header.title.clone()
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(tr!(
                            lang,
                            lang.count_key("votes.found", found.ballots()),
                            title = title,
                            team = header.team_name,
                            count = found.ballots(),
                            opened = format_autosaved_at(&header.opened)
                        ))
                        .strong()
                        .color(warn),
                    );
                    if let Some(project) = &header.project {
                        ui.label(RichText::new(project.display().to_string()).small().weak());
                    }
                    let take = ui.button(RichText::new(tr!(lang, "votes.take")).strong());
                    accessible_name(
                        &take,
                        egui::Role::Button,
                        None,
                        &format!("{} {title}", tr!(lang, "votes.take")),
                    );
                    if take.clicked() {
                        tx.send(FileCommand::RecoverVotes(found.file.clone()));
                    }
                    let discard = ui.button(tr!(lang, "votes.discard"));
                    accessible_name(
                        &discard,
                        egui::Role::Button,
                        None,
                        &format!("{} {title}", tr!(lang, "votes.discard")),
                    );
                    if discard.clicked() {
                        tx.send(FileCommand::DiscardVotes(found.file.clone()));
                    }
                });
            }
        });
}

/// Projects left behind by a crash, with the choice to restore or discard each.
fn recovered_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, warn))
        .inner_margin(space::L)
        .show(ui, |ui| {
            ui.set_max_width(720.0);
            ui.label(
                RichText::new(tr!(lang, "recovery.title"))
                    .size(text::SECTION)
                    .strong()
                    .color(warn),
            );
            ui.label(tr!(lang, "recovery.explain"));
            ui.add_space(space::S);
            for r in &session.recovered {
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    let title = if r.title.trim().is_empty() {
                        tr!(lang, "app.untitled")
                    } else {
                        r.title.clone()
                    };
                    match &r.problem {
                        None => {
                            ui.label(RichText::new(&title).strong());
                            let when = format_autosaved_at(&r.autosaved_at);
                            ui.label(tr!(lang, "recovery.when", time = when));
                            let place = match &r.original_path {
                                Some(p) => p.display().to_string(),
                                None => tr!(lang, "recovery.never_saved"),
                            };
                            ui.label(RichText::new(place).small().weak());
                            let restore =
                                ui.button(RichText::new(tr!(lang, "recovery.restore")).strong());
                            accessible_name(
                                &restore,
                                egui::Role::Button,
                                None,
                                &format!("{} {title}", tr!(lang, "recovery.restore")),
                            );
                            if restore.clicked() {
                                tx.send(FileCommand::Restore(r.file.clone()));
                            }
                        }
                        Some(problem) => {
                            ui.label(tr!(
                                lang,
                                "recovery.unreadable",
                                reason = problem.message(lang)
                            ));
                        }
                    }
                    let discard = ui.button(tr!(lang, "recovery.discard"));
                    accessible_name(
                        &discard,
                        egui::Role::Button,
                        None,
                        &format!("{} {title}", tr!(lang, "recovery.discard")),
                    );
                    if discard.clicked() {
                        tx.send(FileCommand::DiscardRecovery(r.file.clone()));
                    }
                });
            }
        });
}
