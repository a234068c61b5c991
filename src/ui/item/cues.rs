//! Cue cards: two or three questions for the pattern the answers show, for the facilitator only.
//! A small toggle on the votes' line says how many patterns there are (taking no line of its own,
//! so the first action stays in view on a laptop); opened, the cards follow the votes. Never in
//! projector mode, where the room sees this window.

use super::super::widgets::{is_toggled, toggle_button_ui};
use crate::checklist::{Checklist, ItemId};
use crate::i18n::Lang;
use crate::project::ItemResponse;
use crate::project::cues::Cue;
use crate::session::Session;
use crate::tr;
use egui::RichText;

/// The cards for `id`, if any, and none before the room.
fn cues_for(session: &Session, response: &ItemResponse) -> Vec<Cue> {
    if session.view.projector {
        return Vec::new();
    }
    Cue::of(response)
}

/// The toggle of `id`'s cards.
fn open_id(id: ItemId) -> egui::Id {
    egui::Id::unique(("kizuki-cues", id))
}

/// 「問いかけのヒント 2」, a toggle, with the patterns named on hover.
pub fn toggle_ui(ui: &mut egui::Ui, session: &Session, id: ItemId, response: &ItemResponse) {
    let cues = cues_for(session, response);
    if cues.is_empty() {
        return;
    }
    let lang = session.lang;
    let patterns: Vec<String> = cues.iter().map(|c| tr!(lang, c.key())).collect();
    let label = tr!(lang, "cue.toggle", count = cues.len());
    toggle_button_ui(ui, open_id(id), &label).on_hover_text(patterns.join("\n"));
}

/// The open cards, each with its questions.
pub fn cards_ui(ui: &mut egui::Ui, session: &Session, id: ItemId, response: &ItemResponse) {
    let open = is_toggled(ui, open_id(id));
    let cues = cues_for(session, response);
    if !open || cues.is_empty() {
        return;
    }
    let lang = session.lang;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(tr!(lang, "cue.heading")).weak());
        for cue in cues {
            card_ui(ui, cue, id, lang);
        }
    });
}

fn card_ui(ui: &mut egui::Ui, cue: Cue, id: ItemId, lang: Lang) {
    ui.label(RichText::new(tr!(lang, cue.key())).strong());
    if cue == Cue::AllLow {
        // The guidebook's own words on where many municipalities stand: the room may see itself.
        if let Some(background) = Checklist::get(lang).item(id).background.first() {
            ui.add(
                egui::Label::new(
                    // Quieter, not slanted: a synthetic slant makes Japanese hard to read.
                    RichText::new(format!("{}{background}", tr!(lang, "cue.background"))).weak(),
                )
                .wrap(),
            );
        }
    }
    for key in cue.questions() {
        let question = tr!(lang, key);
        ui.add(egui::Label::new(format!("{}{question}", lang.bullet())).wrap());
    }
}
