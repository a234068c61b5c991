//! The first step of a later round (`TeamRetro`'s review): each action carried over from the
//! previous round is marked done, continuing or dropped, with a word on why, before the walk.

use super::tokens::{space, text};
use super::widgets::accessible_name;
use crate::checklist::{Checklist, ItemId};
use crate::project::{Action, Impact, Verdict};
use crate::session::{Command, CommandSender, Edit, Session, TextField, UICommand};
use crate::tr;
use crate::words::format_date_compact;
use egui::{RichText, Role};

pub fn review_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let Some(team) = session.team_id().and_then(|t| project.team(t)) else {
        return;
    };
    let carried: Vec<(ItemId, &Action)> = team.carried_actions().collect();
    let reviewed = carried.iter().filter(|(_, a)| a.review.is_some()).count();

    ui.horizontal(|ui| {
        ui.label(
            RichText::new(tr!(lang, "report.review"))
                .size(text::HEADING)
                .family(super::fonts::bold())
                .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let next = ui
                .button(tr!(lang, "review.start_walk"))
                .on_hover_text(UICommand::NextItem.shortcut_text().unwrap_or_default());
            if next.clicked() {
                tx.send(Command::Show(session.next_screen()));
            }
        });
    });
    ui.label(RichText::new(tr!(lang, "review.intro")).weak());
    if !carried.is_empty() {
        ui.label(
            RichText::new(tr!(
                lang,
                "review.progress",
                done = reviewed,
                total = carried.len()
            ))
            .strong(),
        );
    }
    ui.separator();

    let checklist = Checklist::get(lang);
    egui::ScrollArea::vertical()
        .id_salt(("review", session.view.screen_serial))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if carried.is_empty() {
                ui.label(tr!(lang, "review.none"));
            }
            for (number, (item, action)) in carried.iter().enumerate() {
                let number = number + 1;
                egui::Frame::group(ui.style())
                    .inner_margin(space::M)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let title = &checklist.item(*item).short_title;
                        ui.label(
                            RichText::new(format!("{}. {title}", item.number()))
                                .weak()
                                .size(text::SMALL),
                        );
                        ui.add(
                            egui::Label::new(
                                RichText::new(&action.what).strong().size(text::SECTION),
                            )
                            .wrap(),
                        );
                        let mut facts = Vec::new();
                        if !action.owner.trim().is_empty() {
                            facts.push(format!(
                                "{} {}",
                                tr!(lang, "report.col.owner"),
                                action.owner.trim()
                            ));
                        }
                        if let Some(due) = action.due {
                            facts.push(format!(
                                "{} {}",
                                tr!(lang, "report.col.due"),
                                format_date_compact(due, lang)
                            ));
                        }
                        facts.push(format!(
                            "{} {}",
                            tr!(lang, "review.status_then"),
                            action.status.label(lang)
                        ));
                        ui.label(RichText::new(facts.join("　")).weak());
                        ui.add_space(space::XS);
                        verdict_row_ui(ui, session, team.id, *item, action, number, tx);
                    });
                ui.add_space(space::S);
            }
            ui.add_space(space::XL);
        });
}

/// 完了 / 継続 / 中止 as three toggles (the chosen one, clicked again, clears), and the note.
fn verdict_row_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: u32,
    item: ItemId,
    action: &Action,
    number: usize,
    tx: &CommandSender,
) {
    let lang = session.lang;
    let chosen = action.review.as_ref().map(|r| r.verdict);
    ui.horizontal_wrapped(|ui| {
        for verdict in Verdict::ALL.iter().copied() {
            let selected = chosen == Some(verdict);
            let button = ui.add(
                egui::Button::new(verdict.label(lang))
                    .selected(selected)
                    .min_size(egui::vec2(72.0, 28.0)),
            );
            accessible_name(
                &button,
                Role::Button,
                Some(selected),
                &format!("{} {number}", verdict.label(lang)),
            );
            if button.clicked() {
                tx.edit(Edit::ReviewAction {
                    team,
                    item,
                    action: action.id,
                    verdict: (!selected).then_some(verdict),
                });
            }
        }
        ui.add_space(space::M);
        let Some(review) = &action.review else {
            ui.label(RichText::new(tr!(lang, "review.pick_first")).weak());
            return;
        };
        let mut note = review.note.clone();
        let edit = ui.add(
            egui::TextEdit::singleline(&mut note)
                .desired_width(ui.available_width().max(160.0))
                .hint_text(tr!(lang, "review.note_hint")),
        );
        accessible_name(
            &edit,
            Role::TextInput,
            None,
            &format!("{} {number}", tr!(lang, "field.review_note")),
        );
        if edit.changed() {
            tx.edit(Edit::SetText(
                TextField::ReviewNote {
                    team,
                    item,
                    action: action.id,
                },
                note,
            ));
        }
    });
    if let Some(review) = action
        .review
        .as_ref()
        .filter(|r| r.verdict == Verdict::Done)
    {
        impact_row_ui(ui, lang, team, item, action.id, review.impact, number, tx);
    }
}

/// A completed action's effect, as the room sees it: 効果あり / 少し / なし / わからない, toggles
/// like the verdicts.
#[expect(
    clippy::too_many_arguments,
    reason = "one row's identity and its state, as the verdicts'"
)]
fn impact_row_ui(
    ui: &mut egui::Ui,
    lang: crate::Lang,
    team: u32,
    item: ItemId,
    action: u32,
    chosen: Option<Impact>,
    number: usize,
    tx: &CommandSender,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr!(lang, "impact.heading")).weak());
        for impact in Impact::ALL.iter().copied() {
            let selected = chosen == Some(impact);
            let button = ui.add(egui::Button::new(impact.label(lang)).selected(selected));
            accessible_name(
                &button,
                Role::Button,
                Some(selected),
                &format!(
                    "{} {} {number}",
                    tr!(lang, "impact.heading"),
                    impact.label(lang)
                ),
            );
            if button.clicked() {
                tx.edit(Edit::RateImpact {
                    team,
                    item,
                    action,
                    impact: (!selected).then_some(impact),
                });
            }
        }
    });
}
