//! The members' reasons, given with their votes from the phones: in the facilitator's window
//! each waits until the facilitator puts it on the screen (or takes it out); what the room may
//! see is part of the item's 気づき, marked as a member's words.
//!
//! In projector mode the window is the room's screen: only released reasons are shown there, and
//! no button.

use super::super::tokens::space;
use super::super::widgets::{enter_submits, is_toggled, toggle_button_ui};
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
            if reason.typed && !room {
                ui.label(
                    RichText::new(tr!(lang, "reasons.from_paper"))
                        .weak()
                        .small(),
                );
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

/// The toggle of `id`'s field for reasons from paper sheets.
fn paper_id(id: ItemId) -> egui::Id {
    egui::Id::unique(("kizuki-paper-reason", id))
}

/// 「用紙の理由」 beside the votes' heading: opens a field to type a sheet's comment line. Not
/// before the room.
pub fn paper_toggle_ui(ui: &mut egui::Ui, session: &Session, id: ItemId) {
    if session.view.projector {
        return;
    }
    toggle_button_ui(ui, paper_id(id), &tr!(session.lang, "reasons.paper"));
}

/// A paper sheet's comment line, typed in: whose (or nobody's), the words, Enter to add. The
/// field empties for the next sheet.
pub fn paper_ui(ui: &mut egui::Ui, session: &Session, team: &Team, id: ItemId, tx: &CommandSender) {
    if session.view.projector || !is_toggled(ui, paper_id(id)) {
        return;
    }
    let lang = session.lang;
    let draft_id = paper_id(id).with("draft");
    let member_id = paper_id(id).with("member");
    let mut draft: String = ui.data(|d| d.get_temp(draft_id)).unwrap_or_default();
    let mut member: Option<u32> = ui.data(|d| d.get_temp(member_id)).unwrap_or_default();
    let mut add = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(tr!(lang, "reasons.paper_hint")).weak());
        ui.horizontal_wrapped(|ui| {
            let nobody = tr!(lang, "reasons.nobody");
            let name_of = |m: Option<u32>| {
                m.and_then(|m| team.members.iter().find(|x| x.id == m))
                    .map_or(nobody.clone(), |x| x.name.clone())
            };
            let whose = ui.label(tr!(lang, "reasons.whose"));
            egui::ComboBox::from_id_salt(member_id)
                .selected_text(name_of(member))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut member, None, &nobody);
                    for m in &team.members {
                        ui.selectable_value(&mut member, Some(m.id), &m.name);
                    }
                })
                .response
                .labelled_by(whose.id);
            let label = ui.label(tr!(lang, "reasons.paper_words"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut draft)
                        .char_limit(Reason::MAX_CHARS)
                        .desired_width(ui.available_width().min(420.0) - 80.0),
                )
                .labelled_by(label.id);
            add |= enter_submits(ui, &field);
            add |= ui.button(tr!(lang, "reasons.add")).clicked();
            if add {
                field.request_focus();
            }
        });
    });
    if add && let Ok(Some(text)) = Reason::clean(&draft) {
        tx.edit(Edit::AddReason {
            team: team.id,
            item: id,
            reason: Reason {
                text,
                member,
                released: false,
                typed: true,
            },
        });
        draft.clear();
    }
    ui.data_mut(|d| {
        d.insert_temp(draft_id, draft);
        d.insert_temp(member_id, member);
    });
}
