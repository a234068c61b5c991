//! Keying in paper answer sheets: members down, items across. Digits 1–5 fill the cell and move
//! on to the next item (then the next member), arrows move, Backspace or 0 clears, Enter moves
//! down. Eight members × ten items go in without touching the mouse.

use super::tokens::{space, text};
use super::widgets::accessible_name;
use crate::checklist::{Checklist, ITEM_COUNT, ItemId};
use crate::project::{Answer, Team};
use crate::session::{Command, CommandSender, Edit, Session, ViewChange};
use crate::tr;
use egui::{RichText, Role};

const CELL: egui::Vec2 = egui::vec2(48.0, 34.0);

pub fn entry_grid_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(team) = session
        .team_id()
        .and_then(|id| session.project().and_then(|p| p.team(id)))
    else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} — {}",
                tr!(lang, "cmd.entry_grid.label"),
                team.name
            ))
            .size(text::HEADING)
            .family(super::fonts::bold())
            .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let close = ui.button(tr!(lang, "grid.close"));
            if close.clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                tx.send(Command::View(ViewChange::Page(None)));
            }
        });
    });
    ui.label(RichText::new(tr!(lang, "grid.keys")).weak());
    if team.members.is_empty() {
        ui.label(tr!(lang, "item.no_members"));
        return;
    }
    let rows = team.members.len();
    let private =
        session.view.projector && session.project().is_some_and(|p| p.meta.names_private());
    let (row, col) = session.view.grid_cursor;
    let cursor = (row.min(rows - 1), col.min(ITEM_COUNT - 1));
    keys_ui(ui, team, cursor, tx);

    let filled: usize = team.responses.0.iter().map(|r| r.votes.len()).sum();
    ui.label(tr!(
        lang,
        "grid.filled",
        filled = filled,
        total = rows * ITEM_COUNT
    ));
    ui.add_space(space::S);
    let checklist = Checklist::get(lang);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("entry-grid")
                .spacing([space::XS, space::XS])
                .show(ui, |ui| {
                    ui.label("");
                    for id in ItemId::ALL {
                        ui.add_sized(
                            CELL,
                            egui::Label::new(RichText::new(id.number().to_string()).strong()),
                        )
                        .on_hover_text(format!(
                            "{}. {}",
                            id.number(),
                            checklist.item(id).title
                        ));
                    }
                    ui.end_row();
                    for (r, member) in team.members.iter().enumerate() {
                        ui.label(RichText::new(&member.name).strong());
                        for (c, id) in ItemId::ALL.iter().enumerate() {
                            let vote = team.responses[*id].vote_of(member.id);
                            // Names only the facilitator sees: before the room, filled or not.
                            let text = match vote {
                                Some(_) if private => "✓".to_owned(),
                                vote => vote.map_or("·".to_owned(), Answer::mark),
                            };
                            let selected = cursor == (r, c);
                            let cell = ui.add_sized(
                                CELL,
                                egui::Button::selectable(
                                    selected,
                                    RichText::new(text).size(text::SECTION),
                                ),
                            );
                            let name = tr!(
                                lang,
                                "grid.cell",
                                member = member.name,
                                number = id.number()
                            );
                            accessible_name(&cell, Role::Button, Some(selected), &name);
                            if selected {
                                cell.scroll_to_me(None);
                            }
                            if cell.clicked() {
                                tx.send(Command::View(ViewChange::GridCursor(r, c)));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}

/// The keys of the grid: each one a vote or a move, the digits' text swallowed.
fn keys_ui(ui: &mut egui::Ui, team: &Team, (row, col): (usize, usize), tx: &CommandSender) {
    let rows = team.members.len();
    let mut at = (row, col);
    let mut handled = false;
    ui.input_mut(|input| {
        input.events.retain(|event| {
            let egui::Event::Key {
                key,
                physical_key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            if modifiers.command || modifiers.alt || modifiers.ctrl {
                return true;
            }
            let key = physical_key.unwrap_or(*key);
            let answer = super::shortcuts::answer_key(key);
            let (r, c) = at;
            let set = |answer: Option<Answer>| Edit::SetVote {
                team: team.id,
                item: ItemId::ALL[c],
                member: team.members[r].id,
                answer,
            };
            match key {
                _ if answer.is_some() => {
                    tx.edit(set(answer));
                    // On to the next item, then the next member's first.
                    at = if c + 1 < ITEM_COUNT {
                        (r, c + 1)
                    } else {
                        ((r + 1).min(rows - 1), if r + 1 < rows { 0 } else { c })
                    };
                }
                egui::Key::Num0 | egui::Key::Backspace | egui::Key::Delete => {
                    tx.edit(set(None));
                }
                egui::Key::ArrowRight | egui::Key::Tab if !modifiers.shift => {
                    at = (r, (c + 1).min(ITEM_COUNT - 1));
                }
                egui::Key::ArrowLeft | egui::Key::Tab => at = (r, c.saturating_sub(1)),
                egui::Key::ArrowDown | egui::Key::Enter => at = ((r + 1).min(rows - 1), c),
                egui::Key::ArrowUp => at = (r.saturating_sub(1), c),
                egui::Key::Home => at = (r, 0),
                egui::Key::End => at = (r, ITEM_COUNT - 1),
                _ => return true,
            }
            handled = true;
            false
        });
        if handled {
            input
                .events
                .retain(|e| !super::shortcuts::is_answer_text(e));
        }
    });
    if at != (row, col) {
        tx.send(Command::View(ViewChange::GridCursor(at.0, at.1)));
    }
}
