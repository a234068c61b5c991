//! The item's actions: what, who, by when, status, order.

use super::super::tokens::space;
use super::super::widgets::{accessible_name, date_input_ui, section_heading_ui};
use crate::checklist::ItemId;
use crate::i18n::Lang;
use crate::project::{Action, ActionStatus, ItemResponse, Team};
use crate::session::{CommandSender, Edit, Focus, Session, TextField};
use crate::tr;
use egui::{RichText, Role};

/// How far ahead a new due date is proposed: the next meeting, typically.
const DEFAULT_DUE_IN_DAYS: u64 = 14;

pub fn actions_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    tx: &CommandSender,
) {
    let lang = session.lang;
    section_heading_ui(ui, &tr!(lang, "item.actions"));
    let count = response.actions.len();
    for (index, action) in response.actions.iter().enumerate() {
        let row = ActionRow {
            team,
            item: id,
            action,
            number: index + 1,
            count,
            lang,
        };
        egui::Frame::group(ui.style())
            .inner_margin(space::M)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                row.what_ui(ui, session, tx);
                ui.horizontal_wrapped(|ui| {
                    row.owner_ui(ui, tx);
                    ui.separator();
                    row.due_ui(ui, session, tx);
                    ui.separator();
                    row.status_ui(ui, tx);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        row.order_ui(ui, tx);
                    });
                });
            });
    }
    if ui.button(tr!(lang, "item.add_action")).clicked() {
        tx.edit(Edit::AddAction {
            team: team.id,
            item: id,
            owner: String::new(),
        });
    }
}

/// A label of a word or two that never breaks (「状況」 split into 状／況 at 130 %): the row wraps
/// between widgets instead.
fn short_label_ui(ui: &mut egui::Ui, text: String) -> egui::Response {
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
}

/// One action's row, with what its widgets need to name themselves and send their edits.
struct ActionRow<'a> {
    team: &'a Team,
    item: ItemId,
    action: &'a Action,
    /// 1-based, as shown.
    number: usize,
    count: usize,
    lang: Lang,
}

impl ActionRow<'_> {
    fn name(&self, key: &str) -> String {
        format!("{} {}", tr!(self.lang, key), self.number)
    }

    fn field(&self, owner: bool) -> TextField {
        let (team, item, action) = (self.team.id, self.item, self.action.id);
        if owner {
            TextField::ActionOwner { team, item, action }
        } else {
            TextField::ActionWhat { team, item, action }
        }
    }

    fn what_ui(&self, ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(format!("{}.", self.number)).strong());
            let mut what = self.action.what.clone();
            let edit = ui
                .add(
                    egui::TextEdit::multiline(&mut what)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY)
                        .hint_text(tr!(self.lang, "item.action_hint")),
                )
                .labelled_by(label.id);
            accessible_name(
                &edit,
                Role::TextInput,
                None,
                &self.name("field.action_what"),
            );
            // A new action gets the keyboard at once, scrolled into view.
            let focus = Focus::Action {
                team: self.team.id,
                item: self.item,
                action: self.action.id,
            };
            if let Some((serial, wanted)) = session.view.focus
                && wanted == focus
                && super::super::widgets::first_time(ui, ("focus", serial))
            {
                edit.request_focus();
                edit.scroll_to_me(Some(egui::Align::Center));
            }
            if edit.changed() {
                tx.edit(Edit::SetText(self.field(false), what));
            }
        });
    }

    fn owner_ui(&self, ui: &mut egui::Ui, tx: &CommandSender) {
        let label = short_label_ui(ui, tr!(self.lang, "field.action_owner"));
        let mut owner = self.action.owner.clone();
        let edit = ui
            .add(egui::TextEdit::singleline(&mut owner).desired_width(130.0))
            .labelled_by(label.id);
        accessible_name(
            &edit,
            Role::TextInput,
            None,
            &self.name("field.action_owner"),
        );
        if edit.changed() {
            tx.edit(Edit::SetText(self.field(true), owner));
        }
        if !self.team.members.is_empty() {
            let pick = ui.menu_button("▼", |ui| {
                for member in &self.team.members {
                    if ui.button(&member.name).clicked() {
                        tx.edit(Edit::SetText(self.field(true), member.name.clone()));
                    }
                }
            });
            accessible_name(
                &pick.response,
                Role::Button,
                None,
                &self.name("item.pick_owner"),
            );
        }
    }

    fn due_ui(&self, ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
        let lang = self.lang;
        let label = short_label_ui(ui, tr!(lang, "report.col.due"));
        let set_due = |due| Edit::SetActionDue {
            team: self.team.id,
            item: self.item,
            action: self.action.id,
            due,
        };
        if let Some(due) = self.action.due {
            let salt = format!("due-{}-{}", self.team.id, self.action.id);
            if let Some(due) = date_input_ui(ui, &salt, due, &self.name("report.col.due"), lang) {
                tx.edit(set_due(Some(due)));
            }
            // Words, not a second ×: the card's × deletes the action.
            let clear = ui
                .small_button(tr!(lang, "item.clear_due_short"))
                .on_hover_text(tr!(lang, "item.clear_due"));
            accessible_name(&clear, Role::Button, None, &self.name("item.clear_due"));
            if clear.clicked() {
                tx.edit(set_due(None));
            }
        } else {
            let set = ui.button(tr!(lang, "item.set_due")).labelled_by(label.id);
            accessible_name(&set, Role::Button, None, &self.name("item.set_due"));
            if set.clicked() {
                let proposed = session.today() + chrono::Days::new(DEFAULT_DUE_IN_DAYS);
                tx.edit(set_due(Some(proposed)));
            }
        }
    }

    fn status_ui(&self, ui: &mut egui::Ui, tx: &CommandSender) {
        let lang = self.lang;
        let label = short_label_ui(ui, tr!(lang, "item.status"));
        egui::ComboBox::from_id_salt(("status", self.team.id, self.action.id))
            .selected_text(self.action.status.label(lang))
            .show_ui(ui, |ui| {
                for status in ActionStatus::ALL.iter().copied() {
                    if ui
                        .selectable_label(self.action.status == status, status.label(lang))
                        .clicked()
                    {
                        tx.edit(Edit::SetActionStatus {
                            team: self.team.id,
                            item: self.item,
                            action: self.action.id,
                            status,
                        });
                    }
                }
            })
            .response
            .labelled_by(label.id);
    }

    /// ↑, ↓ and ×, right-aligned (so added in reverse).
    fn order_ui(&self, ui: &mut egui::Ui, tx: &CommandSender) {
        let lang = self.lang;
        let (team, item, action) = (self.team.id, self.item, self.action.id);
        let remove = ui
            .small_button("×")
            .on_hover_text(tr!(lang, "item.remove_action"));
        accessible_name(
            &remove,
            Role::Button,
            None,
            &self.name("item.remove_action"),
        );
        if remove.clicked() {
            tx.edit(Edit::RemoveAction { team, item, action });
        }
        let down = ui.add_enabled(self.number < self.count, egui::Button::new("↓").small());
        accessible_name(&down, Role::Button, None, &self.name("setup.move_down"));
        if down.clicked() {
            tx.edit(Edit::MoveAction {
                team,
                item,
                action,
                up: false,
            });
        }
        let up = ui.add_enabled(self.number > 1, egui::Button::new("↑").small());
        accessible_name(&up, Role::Button, None, &self.name("setup.move_up"));
        if up.clicked() {
            tx.edit(Edit::MoveAction {
                team,
                item,
                action,
                up: true,
            });
        }
    }
}
