//! A show of hands or dot stickers on 模造紙, counted into the item: how many chose each level
//! (and 「わからない」), no names. − and ＋ beside each count, for counting stickers one by one.
//! The count is the item's anonymous distribution, so every view, rule and export treats it as
//! anonymous answers (fewer than three are not broken down).

use super::super::tokens::space;
use super::super::widgets::{accessible_name, is_toggled, toggle_button_ui};
use crate::checklist::{Answer, Checklist, ItemId, Level};
use crate::i18n::Lang;
use crate::project::{Distribution, ItemResponse, Team, limits};
use crate::session::{CommandSender, Edit, Session};
use crate::tr;
use egui::{RichText, Role};

/// Whether tallying is offered: not while phones vote on this item, whose reveal sets the
/// distribution (no second source).
/// Nor before the room (the counts are the facilitator's to type), nor while anonymous ballots
/// wait hidden: the grid would show them, and a count typed would reveal them.
fn offered(session: &Session, team: &Team, id: ItemId) -> bool {
    let response = &team.responses[id];
    let hidden =
        response.anonymous_votes.is_some_and(|d| d.total() > 0) && !response.votes_revealed;
    let by_phone = session
        .voting
        .as_ref()
        .is_some_and(|v| v.team == team.id && v.status(id).is_some());
    !(by_phone || hidden || session.view.projector)
}

/// The toggle of `id`'s tally.
fn open_id(id: ItemId) -> egui::Id {
    egui::Id::unique(("kizuki-tally", id))
}

/// 「挙手・シールで数える」 beside the votes' heading: opens the counts below the votes.
pub fn toggle_ui(ui: &mut egui::Ui, session: &Session, team: &Team, id: ItemId) {
    if !offered(session, team, id) {
        return;
    }
    toggle_button_ui(ui, open_id(id), &tr!(session.lang, "tally.heading"));
}

/// The counts, when opened: one row per answer.
pub fn tally_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    tx: &CommandSender,
) {
    let open = is_toggled(ui, open_id(id));
    if !open || !offered(session, team, id) {
        return;
    }
    let lang = session.lang;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(tr!(lang, "tally.hint")).weak());
        let tally = response.anonymous_votes.unwrap_or_default();
        egui::Grid::new(("tally-grid", id))
            .num_columns(4)
            .spacing([space::S, space::XS])
            .show(ui, |ui| {
                let answers = Level::ALL
                    .map(Answer::Level)
                    .into_iter()
                    .chain([Answer::DontKnow]);
                for answer in answers {
                    count_row_ui(ui, team.id, id, tally, answer, lang, tx);
                    ui.end_row();
                }
            });
    });
}

/// One answer's count: its words, −, the number, ＋.
fn count_row_ui(
    ui: &mut egui::Ui,
    team: u32,
    item: ItemId,
    tally: Distribution,
    answer: Answer,
    lang: Lang,
    tx: &CommandSender,
) {
    let words = match answer {
        Answer::Level(level) => {
            format!("{} {}", level.get(), Checklist::get(lang).level(level).name)
        }
        Answer::DontKnow => format!("? {}", tr!(lang, "answer.dont_know")),
    };
    ui.label(&words);
    let count = tally.count(answer);
    // Far more than any room; the file's own limit holds whatever is typed.
    let most = u32::try_from(limits::MAX_ANONYMOUS_VOTES / 6).unwrap_or(u32::MAX);
    let set = |n: u32| {
        let mut next = tally;
        match answer {
            Answer::Level(level) => next.levels[level.index()] = n,
            Answer::DontKnow => next.dont_know = n,
        }
        Edit::SetTally {
            team,
            item,
            tally: next,
        }
    };
    let less = ui.add_enabled(count > 0, egui::Button::new(" − "));
    accessible_name(
        &less,
        Role::Button,
        None,
        &tr!(lang, "tally.less", answer = &words),
    );
    if less.clicked() {
        tx.edit(set(count - 1));
    }
    let mut typed = count;
    let value = ui.add(egui::DragValue::new(&mut typed).range(0..=most));
    accessible_name(
        &value,
        Role::SpinButton,
        None,
        &tr!(lang, "tally.count", answer = &words),
    );
    if value.changed() {
        tx.edit(set(typed));
    }
    let more = ui.add_enabled(count < most, egui::Button::new(" ＋ "));
    accessible_name(
        &more,
        Role::Button,
        None,
        &tr!(lang, "tally.more", answer = &words),
    );
    if more.clicked() {
        tx.edit(set(count + 1));
    }
}
