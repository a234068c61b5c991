//! The members' votes: hidden until the facilitator reveals them, then their spread.

use super::super::tokens::space;
use super::super::widgets::{accessible_name, section_heading};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::{ItemResponse, Level, Team, VoteSpread};
use crate::session::{Command, CommandSender, Edit, Screen};
use crate::tr;
use egui::{RichText, Role};

pub fn votes_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    lang: Lang,
    tx: &CommandSender,
) {
    section_heading(ui, &tr!(lang, "item.votes"));
    if team.members.is_empty() {
        ui.label(RichText::new(tr!(lang, "item.no_members")).weak());
        if ui.button(tr!(lang, "item.go_setup")).clicked() {
            tx.send(Command::Show(Screen::Setup));
        }
        return;
    }
    let revealed = response.votes_revealed;
    ui.label(
        RichText::new(if revealed {
            tr!(lang, "item.votes_shown")
        } else {
            tr!(lang, "item.votes_hidden")
        })
        .weak(),
    );
    egui::Grid::new(("votes", id))
        .num_columns(3)
        .spacing([space::FRAME, space::S + space::XS])
        .show(ui, |ui| {
            for member in &team.members {
                let vote = response.vote_of(member.id);
                ui.label(RichText::new(&member.name).strong());
                ui.horizontal(|ui| {
                    for level in Level::ALL {
                        // Until the reveal the room sees only that someone voted, not what.
                        let selected = revealed && vote == Some(level);
                        let button = ui.add(egui::Button::selectable(
                            selected,
                            format!(" {} ", level.get()),
                        ));
                        let name =
                            format!("{} {} {}", member.name, tr!(lang, "item.vote"), level.get());
                        accessible_name(&button, Role::Button, Some(selected), &name);
                        if button.clicked() {
                            let level = (vote != Some(level)).then_some(level);
                            tx.edit(Edit::SetVote {
                                team: team.id,
                                item: id,
                                member: member.id,
                                level,
                            });
                        }
                    }
                });
                match (vote, revealed) {
                    (Some(_), false) => ui.label(
                        RichText::new(tr!(lang, "item.voted"))
                            .color(ui.visuals().selection.bg_fill),
                    ),
                    (None, _) => ui.label(RichText::new(tr!(lang, "item.not_voted")).weak()),
                    (Some(level), true) => ui.label(
                        RichText::new(Checklist::get(lang).level(level).name.clone()).weak(),
                    ),
                };
                ui.end_row();
            }
        });
    reveal_row_ui(ui, team, id, response, lang, tx);
    if revealed {
        spread_ui(ui, team, id, response, lang, tx);
    }
}

fn reveal_row_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    lang: Lang,
    tx: &CommandSender,
) {
    let revealed = response.votes_revealed;
    ui.horizontal(|ui| {
        let text = if revealed {
            tr!(lang, "item.hide_votes")
        } else {
            tr!(lang, "item.reveal_votes")
        };
        let button = egui::Button::new(RichText::new(text).strong());
        if ui
            .add_enabled(!response.votes.is_empty() || revealed, button)
            .clicked()
        {
            tx.edit(Edit::RevealVotes {
                team: team.id,
                item: id,
                revealed: !revealed,
            });
        }
        ui.label(tr!(
            lang,
            "item.vote_count",
            count = response.votes.len(),
            total = team.members.len()
        ));
    });
}

/// After the reveal: min, max, mean, a flag when the members see it differently, and a button
/// that takes the level nearest the mean as the score.
fn spread_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    lang: Lang,
    tx: &CommandSender,
) {
    let Some(spread) = VoteSpread::of(response) else {
        return;
    };
    ui.label(tr!(
        lang,
        "item.spread",
        min = spread.min.get(),
        max = spread.max.get(),
        mean = format!("{:.1}", spread.mean)
    ));
    if spread.worth_discussing() {
        ui.label(
            RichText::new(tr!(lang, "item.spread_large"))
                .color(ui.visuals().warn_fg_color)
                .strong(),
        );
    }
    if response.score.is_none()
        && let Some(level) = spread.nearest_level()
        && ui
            .button(tr!(lang, "item.use_mean", level = level.get()))
            .clicked()
    {
        tx.edit(Edit::SetScore {
            team: team.id,
            item: id,
            level: Some(level),
        });
    }
}
