//! The members' reasons, given with their votes from the phones: in the facilitator's window
//! each waits until the facilitator puts it on the screen (or takes it out); what the room may
//! see is part of the item's 気づき, marked as a member's words.
//!
//! In projector mode the window is the room's screen: only released reasons are shown there, and
//! no button.

use super::super::tokens::space;
use crate::checklist::ItemId;
use crate::project::{ItemResponse, Reason, Team};
use crate::session::{CommandSender, Edit, Session};
use crate::tr;
use egui::RichText;

pub fn reasons_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    tx: &CommandSender,
) {
    let lang = session.lang;
    let room = session.view.projector;
    let shown: Vec<&Reason> = response
        .reasons
        .iter()
        .filter(|r| r.released || !room)
        .collect();
    if shown.is_empty() {
        return;
    }
    let pending = response.pending_reasons();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!(lang, "reasons.heading")).strong());
        if !room && pending > 0 {
            ui.label(RichText::new(tr!(lang, "reasons.pending", count = pending)).weak())
                .on_hover_text(tr!(lang, "reasons.pending_hint"));
            if ui.small_button(tr!(lang, "reasons.release_all")).clicked() {
                tx.edit(Edit::ReleaseReasons {
                    team: team.id,
                    item: id,
                    reason: None,
                    released: true,
                });
            }
        }
    });
    // Names with the words only where the room may know who voted what.
    let names_shown = session
        .project()
        .is_some_and(|p| !p.meta.names_private() || !room);
    // The buttons first, all of one width, so that the words line up and wrap beside them.
    let show = tr!(lang, "reasons.release");
    let hide = tr!(lang, "reasons.hide");
    let remove = tr!(lang, "reasons.remove");
    let toggle_width = [&show, &hide]
        .iter()
        .map(|t| super::super::widgets::text_width(ui, t))
        .fold(0.0, f32::max)
        + 2.0 * ui.spacing().button_padding.x;
    for reason in shown {
        ui.horizontal_top(|ui| {
            if !room {
                let (label, released) = if reason.released {
                    (&hide, false)
                } else {
                    (&show, true)
                };
                let toggle = egui::Button::new(label.as_str())
                    .small()
                    .min_size(egui::vec2(toggle_width, 0.0));
                if ui.add(toggle).clicked() {
                    tx.edit(Edit::ReleaseReasons {
                        team: team.id,
                        item: id,
                        reason: Some(reason.clone()),
                        released,
                    });
                }
                // Taken out before the room sees it; once shown, hidden first.
                let removable = !reason.released;
                let button = ui
                    .add_enabled(removable, egui::Button::new(remove.as_str()).small())
                    .on_hover_text(tr!(lang, "reasons.remove_hint"));
                if button.clicked() {
                    tx.edit(Edit::RemoveReason {
                        team: team.id,
                        item: id,
                        reason: reason.clone(),
                    });
                }
            }
            // The speaker first and whole (a name broken over two lines reads as two people),
            // then the words, wrapping in what is left.
            if let Some(member) = reason
                .member
                .filter(|_| names_shown)
                .and_then(|m| team.members.iter().find(|x| x.id == m))
            {
                ui.add(egui::Label::new(RichText::new(member.name.trim()).weak()).extend());
            }
            let mut words = RichText::new(format!("「{}」", reason.text));
            if !reason.released {
                words = words.italics().weak();
            }
            ui.add(egui::Label::new(words).wrap());
        });
    }
    ui.add_space(space::S);
}
