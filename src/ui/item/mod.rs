//! One item of the walk: the guidebook's text beside the team's votes, score, notes and actions.

mod actions;
mod cues;
mod guide;
mod kpis;
mod reasons;
mod tally;
mod votes;

use super::tokens::{space, text};
use super::widgets::{level_picker_ui, section_heading_ui, text_area_ui};
use crate::checklist::{Checklist, Item, ItemId};
use crate::project::Team;
use crate::session::{Command, CommandSender, Edit, Screen, Session, TextField, UICommand};
use crate::tr;
use crate::words::display_team_name;
use egui::RichText;

/// A team's name on its chart colour, with text dark or light for contrast.
fn team_chip_ui(ui: &mut egui::Ui, name: &str, rgb: crate::style::Rgb) -> egui::Response {
    let fill = super::tokens::color(rgb);
    let luminance =
        0.299 * f32::from(rgb[0]) + 0.587 * f32::from(rgb[1]) + 0.114 * f32::from(rgb[2]);
    let ink = if luminance > 150.0 {
        egui::Color32::BLACK
    } else {
        egui::Color32::WHITE
    };
    egui::Frame::new()
        .fill(fill)
        .corner_radius(super::tokens::radius::FRAME)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(name).color(ink).strong().size(text::SECTION));
        })
        .response
}

pub fn item_ui(ui: &mut egui::Ui, session: &Session, id: ItemId, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let Some(team) = session.team_id().and_then(|t| project.team(t)) else {
        return;
    };
    let item = Checklist::get(lang).item(id);

    header_ui(ui, session, id, item, tx);
    ui.separator();
    // Each item starts at the top: the votes must not be scrolled away after 次へ.
    let serial = session.view.screen_serial;
    let wide = ui.available_width() > 900.0;
    if session.settings.show_guide && wide {
        ui.columns(2, |columns| {
            egui::ScrollArea::vertical()
                .id_salt(("guide", serial))
                .auto_shrink([false, false])
                .show(&mut columns[0], |ui| {
                    guide::guide_ui(ui, team, id, item, lang, tx);
                });
            egui::ScrollArea::vertical()
                .id_salt(("answers", serial))
                .auto_shrink([false, false])
                .show(&mut columns[1], |ui| {
                    answers_ui(ui, session, team, id, tx);
                });
        });
    } else {
        egui::ScrollArea::vertical()
            .id_salt(("item", serial))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if session.settings.show_guide {
                    guide::guide_ui(ui, team, id, item, lang, tx);
                    ui.separator();
                }
                answers_ui(ui, session, team, id, tx);
            });
    }
}

/// Which team, which item: the team in its chart colour, so that nobody scores the wrong team.
/// The controls flow onto a second line rather than overlap when the window is narrow or the
/// text large (projector mode): every one of them stays, 「スマホで投票」 included.
fn header_ui(ui: &mut egui::Ui, session: &Session, id: ItemId, item: &Item, tx: &CommandSender) {
    let lang = session.lang;
    ui.horizontal_wrapped(|ui| {
        if let Some(project) = session.project()
            && let Some(index) = session
                .team_id()
                .and_then(|t| project.teams.iter().position(|x| x.id == t))
        {
            let name = display_team_name(&project.teams[index].name, index, lang);
            let chip = team_chip_ui(ui, &name, crate::style::team_color(index));
            let keys = [UICommand::PreviousTeam, UICommand::NextTeam]
                .map(|c| c.shortcut_text().unwrap_or_default())
                .join(" / ");
            chip.on_hover_text(tr!(lang, "item.team_hint", keys = keys));
            ui.label(RichText::new("—").weak());
        }
        ui.label(
            RichText::new(tr!(
                lang,
                "item.position",
                number = id.number(),
                total = ItemId::ALL.len()
            ))
            .strong(),
        );
        ui.add_space(space::L);
        super::timer::timer_ui(ui, session, id, tx);
        ui.add_space(space::L);
        super::voting::voting_button_ui(ui, session, id, tx);
        ui.add_space(space::L);
        let keys = |c: UICommand| {
            c.shortcuts()
                .iter()
                .map(|s| s.text(crate::session::ui_command::IS_MAC))
                .collect::<Vec<_>>()
                .join(" / ")
        };
        if ui
            .button(tr!(lang, "item.previous"))
            .on_hover_text(keys(UICommand::PreviousItem))
            .clicked()
        {
            tx.send(Command::Show(session.previous_screen()));
        }
        let next = session.next_screen();
        let next_text = match next {
            Screen::Overview => tr!(lang, "item.to_overview"),
            _ => tr!(lang, "item.next"),
        };
        if ui
            .button(RichText::new(next_text).strong())
            .on_hover_text(keys(UICommand::NextItem))
            .clicked()
        {
            tx.send(Command::Show(next));
        }
    });
    ui.add(
        egui::Label::new(
            RichText::new(format!("{}. {}", id.number(), item.title))
                .size(text::ITEM_TITLE)
                .family(super::fonts::bold())
                .strong(),
        )
        .wrap(),
    );
}

/// The team's work on the item: votes, the agreed score and target, notes, actions.
fn answers_ui(ui: &mut egui::Ui, session: &Session, team: &Team, id: ItemId, tx: &CommandSender) {
    let lang = session.lang;
    let response = &team.responses[id];
    if session.voting.as_ref().is_some_and(|v| v.team == team.id) {
        super::voting::voting_panel_ui(ui, session, id, tx);
    }
    votes::votes_ui(ui, session, team, id, response, tx);
    tally::tally_ui(ui, session, team, id, response, tx);
    reasons::paper_ui(ui, session, team, id, tx);
    cues::cards_ui(ui, session, id, response);

    // The gap to the target beside the heading, not on a line of its own below.
    ui.add_space(space::S + space::XS);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(tr!(lang, "item.agreed"))
                .size(text::SECTION)
                .family(super::fonts::bold())
                .strong(),
        )
        .on_hover_text(tr!(lang, "about.scale_note"));
        if let (Some(score), Some(target)) = (response.score, response.target) {
            let gap = i32::from(target.get()) - i32::from(score.get());
            ui.label(RichText::new(tr!(lang, "item.gap", gap = gap)).weak());
        }
    });
    ui.add_space(space::XS);
    // A label, then the five levels wrapping within what is left of the column (a grid would
    // let the longer English words push the column past the window's edge).
    let label_width = [tr!(lang, "item.score"), tr!(lang, "item.target")]
        .iter()
        .map(|t| super::widgets::text_width(ui, t))
        .fold(0.0, f32::max)
        + space::L;
    for (key, current, target) in [
        ("item.score", response.score, false),
        ("item.target", response.target, true),
    ] {
        ui.horizontal_top(|ui| {
            ui.add_sized(
                [label_width, space::INTERACT],
                egui::Label::new(tr!(lang, key)),
            );
            ui.vertical(|ui| {
                if let Some(picked) = level_picker_ui(ui, current, &tr!(lang, key), lang) {
                    let level = picked.level();
                    tx.edit(if target {
                        Edit::SetTarget {
                            team: team.id,
                            item: id,
                            level,
                        }
                    } else {
                        Edit::SetScore {
                            team: team.id,
                            item: id,
                            level,
                        }
                    });
                }
            });
        });
        ui.add_space(space::S);
    }

    section_heading_ui(ui, &tr!(lang, "item.notes"));
    let t = team.id;
    for (label, hint, value, field) in [
        (
            "field.current_state",
            "item.current_state_hint",
            &response.current_state,
            TextField::CurrentState { team: t, item: id },
        ),
        (
            "field.ideas",
            "item.ideas_hint",
            &response.ideas,
            TextField::Ideas { team: t, item: id },
        ),
        (
            "field.facilitator_note",
            "item.note_hint",
            &response.facilitator_note,
            TextField::FacilitatorNote { team: t, item: id },
        ),
    ] {
        // On a screen the room sees, the private note is not shown at all.
        let private = matches!(field, TextField::FacilitatorNote { .. });
        if private && session.view.projector {
            continue;
        }
        text_area_ui(ui, &tr!(lang, label), &tr!(lang, hint), value, field, tx);
        // The members' own words belong with the team's 気づき.
        if matches!(field, TextField::Ideas { .. }) {
            reasons::reasons_ui(ui, session, team, id, response, tx);
        }
    }

    // Item 6 is about indicators: they come before its actions. Elsewhere they are an extra,
    // after the actions, so that the first action stays in view on a laptop.
    if id == ItemId::ValueKpi {
        kpis::kpis_ui(ui, session, team, id, response, tx);
        actions::actions_ui(ui, session, team, id, response, tx);
    } else {
        actions::actions_ui(ui, session, team, id, response, tx);
        kpis::kpis_ui(ui, session, team, id, response, tx);
    }
    ui.add_space(space::XXL);
}
