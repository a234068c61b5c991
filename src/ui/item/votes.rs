//! The members' votes: hidden until the facilitator reveals them, then their spread.
//!
//! On a shared screen, a pointer over "3" tells the room what was voted. So while votes are hidden
//! they are entered from the keyboard only (choose a member, press 1–5) and each member shows
//! only 入力済み; after the reveal the levels appear, and can be changed with the mouse.

use super::super::tokens::space;
use super::super::widgets::{accessible_name, section_heading_row_ui};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::{Answer, ItemResponse, Level, Member, Team, VoteSpread};
use crate::session::{Command, CommandSender, Edit, Screen, Session, ViewChange};
use crate::tr;
use egui::{RichText, Role};

pub fn votes_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    tx: &CommandSender,
) {
    let lang = session.lang;
    section_heading_row_ui(ui, &tr!(lang, "item.votes"), |ui| {
        super::tally::toggle_ui(ui, session, team, id);
        super::reasons::paper_toggle_ui(ui, session, id);
    });
    if team.members.is_empty() {
        ui.label(RichText::new(tr!(lang, "item.no_members")).weak());
        if ui.button(tr!(lang, "item.go_setup")).clicked() {
            tx.send(Command::Show(Screen::Setup));
        }
        // Anonymous votes from phones need no members.
        if response.votes_revealed {
            spread_ui(ui, team, id, response, lang, tx);
        }
        return;
    }
    let revealed = response.votes_revealed;
    // While phones vote on this item, the panel above reveals: one button, not two.
    let by_phone = session
        .voting
        .as_ref()
        .is_some_and(|v| v.team == team.id && v.status(id).is_some_and(|s| !s.revealed));
    if by_phone && !revealed {
        ui.label(RichText::new(tr!(lang, "voting.hidden_here")).weak());
        return;
    }
    if !revealed {
        ui.label(RichText::new(tr!(lang, "item.votes_hidden_keys")).weak());
    }
    // Names only the facilitator sees: before the room, each member shows 入力済み only, and the
    // counts below say the rest.
    let private = session.project().is_some_and(|p| p.meta.names_private());
    let each_shown = revealed && !(private && session.view.projector);
    egui::Grid::new(("votes", id))
        .num_columns(3)
        .spacing([space::FRAME, space::S])
        .min_row_height(space::INTERACT)
        .show(ui, |ui| {
            for member in &team.members {
                let row = VoteRow {
                    team,
                    item: id,
                    member,
                    vote: response.vote_of(member.id),
                    selected: session.view.vote_cursor == Some(member.id),
                    lang,
                };
                row.name_ui(ui, tx);
                if each_shown {
                    row.levels_ui(ui, tx);
                }
                row.state_ui(ui, each_shown);
                ui.end_row();
            }
        });
    reveal_row_ui(ui, session, team, id, response, tx);
    if revealed {
        spread_ui(ui, team, id, response, lang, tx);
    }
}

/// One member's line.
struct VoteRow<'a> {
    team: &'a Team,
    item: ItemId,
    member: &'a Member,
    vote: Option<Answer>,
    /// The member the number keys are for.
    selected: bool,
    lang: Lang,
}

impl VoteRow<'_> {
    /// The name, which selects the member for the keyboard.
    fn name_ui(&self, ui: &mut egui::Ui, tx: &CommandSender) {
        let text = RichText::new(&self.member.name).strong();
        let button = ui.add(egui::Button::selectable(self.selected, text));
        accessible_name(
            &button,
            Role::Button,
            Some(self.selected),
            &self.member.name,
        );
        if button
            .on_hover_text(tr!(self.lang, "item.vote_select_hint"))
            .clicked()
        {
            let cursor = (!self.selected).then_some(self.member.id);
            tx.send(Command::View(ViewChange::VoteCursor(cursor)));
        }
    }

    /// 1–5 and ? after the reveal, the member's own highlighted.
    fn levels_ui(&self, ui: &mut egui::Ui, tx: &CommandSender) {
        let answers = Level::ALL
            .map(Answer::Level)
            .into_iter()
            .chain([Answer::DontKnow]);
        ui.horizontal(|ui| {
            for answer in answers {
                if answer == Answer::DontKnow {
                    // Apart from the five: a way out, not a sixth level.
                    ui.add_space(space::S);
                }
                let selected = self.vote == Some(answer);
                let button = ui.add(egui::Button::selectable(
                    selected,
                    format!(" {} ", answer.mark()),
                ));
                let button = if answer == Answer::DontKnow {
                    button.on_hover_text(tr!(self.lang, "answer.dont_know_long"))
                } else {
                    button
                };
                let name = format!(
                    "{} {} {}",
                    self.member.name,
                    tr!(self.lang, "item.vote"),
                    answer.text(self.lang)
                );
                accessible_name(&button, Role::Button, Some(selected), &name);
                if button.clicked() {
                    tx.edit(Edit::SetVote {
                        team: self.team.id,
                        item: self.item,
                        member: self.member.id,
                        answer: (!selected).then_some(answer),
                    });
                }
            }
        });
    }

    /// 入力済み / 未投票 while hidden; after the reveal the level with its words, set apart from
    /// "not voted" (a vote of 1 is 「未着手」, which must not read as no vote at all).
    fn state_ui(&self, ui: &mut egui::Ui, revealed: bool) {
        let lang = self.lang;
        match (self.vote, revealed) {
            (None, _) => {
                ui.label(RichText::new(format!("— {}", tr!(lang, "item.not_voted"))).weak())
            }
            (Some(_), false) => ui.label(
                RichText::new(tr!(lang, "item.voted"))
                    .color(ui.visuals().selection.stroke.color)
                    .strong(),
            ),
            (Some(Answer::Level(level)), true) => {
                let words = &Checklist::get(lang).level(level).name;
                ui.label(RichText::new(format!("{} {words}", level.get())).strong())
            }
            // The short word: the long one would run past a laptop's window edge.
            (Some(Answer::DontKnow), true) => {
                ui.label(RichText::new(format!("? {}", tr!(lang, "answer.dont_know"))).strong())
            }
        };
    }
}

/// 投票を公開する, the count, and the facilitator's cue cards' toggle.
fn reveal_row_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    tx: &CommandSender,
) {
    let lang = session.lang;
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
        super::cues::toggle_ui(ui, session, id, response);
    });
}

/// After the reveal: min, max, mean and, on the same line, the way to take the level nearest the
/// mean as the score; a flag below when the members see it differently. The line keeps its height
/// whether the score is set or not, so nothing below jumps.
fn spread_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    lang: Lang,
    tx: &CommandSender,
) {
    if let Some(anonymous) = response.anonymous_text(lang) {
        let colon = match lang {
            Lang::Ja => "：",
            Lang::En => ": ",
        };
        ui.label(format!(
            "{}{colon}{anonymous}",
            tr!(lang, "report.anonymous_votes")
        ));
    }
    let dont_know = response.all_answers().dont_know;
    if dont_know > 0 {
        ui.label(tr!(lang, "item.dont_know_apart", count = dont_know));
    }
    let Some(spread) = VoteSpread::of(response) else {
        return;
    };
    // Wrapped, not one line: English words are longer, and the column must never grow past the
    // window (the button and the warning would be cut at the edge).
    ui.horizontal_wrapped(|ui| {
        ui.set_min_height(space::INTERACT);
        ui.label(tr!(
            lang,
            "item.spread",
            min = spread.min.get(),
            max = spread.max.get(),
            mean = crate::words::one_decimal(spread.mean)
        ));
        if let Some(level) = spread.nearest_level() {
            let button = egui::Button::new(tr!(lang, "item.use_mean", level = level.get()));
            let unscored = response.score.is_none();
            if ui.add_enabled(unscored, button).clicked() {
                tx.edit(Edit::SetScore {
                    team: team.id,
                    item: id,
                    level: Some(level),
                });
            }
        }
    });
    if spread.worth_discussing() {
        ui.add(
            egui::Label::new(
                RichText::new(tr!(lang, "item.spread_large"))
                    .color(ui.visuals().warn_fg_color)
                    .strong(),
            )
            .wrap(),
        );
    }
}
