//! Questions that must be answered before anything else: save the changes first? overwrite a file
//! another program changed?

use super::tokens::{space, text};
use crate::session::{Command, CommandSender, ConflictChoice, Session, UICommand, UnsavedChoice};
use crate::session::{MergeCommand, PathCommand, VoteCommand};
use crate::tr;
use egui::RichText;

fn title_ui(ui: &mut egui::Ui, title: String) {
    ui.label(
        RichText::new(title)
            .size(text::DIALOG_TITLE)
            .family(super::fonts::bold())
            .strong(),
    );
    ui.add_space(space::S);
}

/// "Save the changes to … first?", while a command that would drop them waits.
pub fn unsaved_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(pending) = &session.pending else {
        return;
    };
    let name = session
        .doc
        .as_ref()
        .map(crate::session::Document::display_name)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| tr!(lang, "app.untitled"));
    let quitting = matches!(
        pending,
        Command::CloseRequested | Command::Run(UICommand::Quit)
    );
    let question = if quitting {
        tr!(lang, "unsaved.before_quit", name = name)
    } else {
        tr!(lang, "unsaved.question", name = name)
    };
    let mut answered = false;
    let response = egui::Modal::new(egui::Id::unique("kizuki-unsaved")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        title_ui(ui, tr!(lang, "unsaved.title"));
        ui.add(egui::Label::new(question).wrap());
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            for (choice, key, strong) in [
                (UnsavedChoice::Save, "unsaved.save", true),
                (UnsavedChoice::Discard, "unsaved.discard", false),
                (UnsavedChoice::Cancel, "unsaved.cancel", false),
            ] {
                let text = RichText::new(tr!(lang, key));
                let text = if strong { text.strong() } else { text };
                if ui.button(text).clicked() {
                    tx.send(Command::Unsaved(choice));
                    answered = true;
                }
            }
        });
    });
    if response.should_close() && !answered {
        tx.send(Command::Unsaved(UnsavedChoice::Cancel));
    }
}

/// Another program saved over the file since it was opened here: overwrite it, save elsewhere, or not.
pub fn conflict_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(path) = &session.conflict else {
        return;
    };
    let mut answered = false;
    let response = egui::Modal::new(egui::Id::unique("kizuki-conflict")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        title_ui(ui, tr!(lang, "conflict.title"));
        ui.add(egui::Label::new(tr!(lang, "conflict.explain", path = path.display())).wrap());
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            for (choice, key) in [
                (ConflictChoice::SaveAs, "conflict.save_as"),
                (ConflictChoice::Overwrite, "conflict.overwrite"),
                (ConflictChoice::Cancel, "conflict.cancel"),
            ] {
                if ui.button(tr!(lang, key)).clicked() {
                    tx.send(Command::Conflict(choice));
                    answered = true;
                }
            }
        });
    });
    if response.should_close() && !answered {
        tx.send(Command::Conflict(ConflictChoice::Cancel));
    }
}

/// A typed path names a file that is there already: replace it, or not (a save dialog asks the
/// same; the previous round's file must never go by surprise).
pub fn replace_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some((_, path)) = &session.replace else {
        return;
    };
    let mut answered = false;
    let response = egui::Modal::new(egui::Id::unique("kizuki-replace")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        title_ui(ui, tr!(lang, "replace.title"));
        ui.add(egui::Label::new(tr!(lang, "replace.question", path = path.display())).wrap());
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            if ui.button(tr!(lang, "replace.yes")).clicked() {
                tx.send(PathCommand::Replace(true));
                answered = true;
            }
            if ui
                .button(RichText::new(tr!(lang, "replace.no")).strong())
                .clicked()
            {
                tx.send(PathCommand::Replace(false));
                answered = true;
            }
        });
    });
    if response.should_close() && !answered {
        tx.send(PathCommand::Replace(false));
    }
}

/// A vote on items that hold votes already: what the new round does to them, before it starts.
pub fn revote_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(revote) = &session.revote else {
        return;
    };
    let mut answered = false;
    let response = egui::Modal::new(egui::Id::unique("kizuki-revote")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        title_ui(ui, tr!(lang, "voting.revote_title"));
        for (item, count) in &revote.items {
            ui.label(tr!(
                lang,
                lang.count_key("voting.revote_item", *count),
                number = item.number(),
                count = count
            ));
        }
        ui.add_space(space::S);
        let rule = if revote.anonymous {
            "voting.revote_anonymous"
        } else {
            "voting.revote_named"
        };
        ui.add(egui::Label::new(tr!(lang, rule)).wrap());
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(tr!(lang, "voting.revote_go")).strong())
                .clicked()
            {
                tx.send(VoteCommand::ConfirmRevote(true));
                answered = true;
            }
            if ui.button(tr!(lang, "unsaved.cancel")).clicked() {
                tx.send(VoteCommand::ConfirmRevote(false));
                answered = true;
            }
        });
    });
    if response.should_close() && !answered {
        tx.send(VoteCommand::ConfirmRevote(false));
    }
}

/// Merging another laptop's file where the two differ: each difference with both values, and the
/// one to keep chosen (this project's by default).
pub fn merge_ui(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(pending) = &session.merging else {
        return;
    };
    let response = egui::Modal::new(egui::Id::unique("kizuki-merge")).show(ctx, |ui| {
        ui.set_max_width(760.0);
        title_ui(ui, tr!(lang, "merge.title"));
        let count = pending.merged.conflicts.len();
        ui.label(tr!(
            lang,
            lang.count_key("merge.intro", count),
            count = count
        ));
        ui.horizontal(|ui| {
            if ui.button(tr!(lang, "merge.all_ours")).clicked() {
                tx.send(MergeCommand::ChooseAll { theirs: false });
            }
            if ui.button(tr!(lang, "merge.all_theirs")).clicked() {
                tx.send(MergeCommand::ChooseAll { theirs: true });
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.55)
            .show(ui, |ui| {
                egui::Grid::new("merge-conflicts")
                    .num_columns(3)
                    .striped(true)
                    .spacing([space::L, space::S])
                    .show(ui, |ui| {
                        ui.label("");
                        ui.label(RichText::new(tr!(lang, "merge.ours")).strong());
                        ui.label(RichText::new(tr!(lang, "merge.theirs")).strong());
                        ui.end_row();
                        for (index, (conflict, theirs)) in pending
                            .merged
                            .conflicts
                            .iter()
                            .zip(&pending.choices)
                            .enumerate()
                        {
                            ui.add(egui::Label::new(&conflict.place).wrap());
                            for (value, pick) in [(&conflict.ours, false), (&conflict.theirs, true)]
                            {
                                let chosen = *theirs == pick;
                                let button =
                                    ui.add(egui::Button::selectable(chosen, value.as_str()).wrap());
                                super::widgets::accessible_name(
                                    &button,
                                    egui::Role::Button,
                                    Some(chosen),
                                    &format!(
                                        "{} {}",
                                        conflict.place,
                                        if pick {
                                            tr!(lang, "merge.theirs")
                                        } else {
                                            tr!(lang, "merge.ours")
                                        }
                                    ),
                                );
                                if button.clicked() {
                                    tx.send(MergeCommand::Choice {
                                        index,
                                        theirs: pick,
                                    });
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(tr!(lang, "merge.apply")).strong())
                .clicked()
            {
                tx.send(MergeCommand::Apply);
            }
            if ui.button(tr!(lang, "merge.cancel")).clicked() {
                tx.send(MergeCommand::Cancel);
            }
        });
    });
    if response.should_close() {
        tx.send(MergeCommand::Cancel);
    }
}
