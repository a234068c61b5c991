//! The walk's table of contents: the team, setup, the ten items with their scores, the overview,
//! and a small chart of the team.

use super::tokens::space;
use super::widgets::{accessible_name, team_switcher_ui};
use crate::checklist::{Checklist, ItemId};
use crate::session::{Command, CommandSender, Page, Screen, Session, UICommand};
use crate::tr;
use egui::{RichText, Role};

pub fn side_panel_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let checklist = Checklist::get(lang);
    let team = session.team_id().and_then(|id| project.team(id));
    ui.add_space(space::M);
    team_switcher_ui(ui, session, tx);
    ui.add_space(space::S);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::LEFT), |ui| {
                let entry = |ui: &mut egui::Ui, selected: bool, text: RichText, badge: RichText| {
                    let name = text.text().trim().to_owned();
                    let response = ui.add(
                        egui::Button::selectable(selected, text)
                            .shortcut_text(badge)
                            .min_size(egui::vec2(0.0, space::NAV_ROW)),
                    );
                    // Named by its text alone, without the score badge beside it.
                    accessible_name(&response, Role::Button, Some(selected), &name);
                    response
                };
                let about = entry(
                    ui,
                    session.view.page == Some(Page::About),
                    RichText::new(UICommand::AboutChecklist.label(lang)),
                    RichText::new(""),
                );
                if about.clicked() {
                    tx.run(UICommand::AboutChecklist);
                }
                let setup = entry(
                    ui,
                    session.screen == Screen::Setup && session.view.page.is_none(),
                    RichText::new(tr!(lang, "nav.setup")),
                    RichText::new(""),
                );
                if setup.clicked() {
                    tx.send(Command::Show(Screen::Setup));
                }
                if let Some(team) = team
                    && project.has_carried_actions()
                {
                    let carried: Vec<_> = team.carried_actions().collect();
                    let reviewed = carried.iter().filter(|(_, a)| a.review.is_some()).count();
                    let badge = format!("{reviewed}/{}", carried.len());
                    let review = entry(
                        ui,
                        session.screen == Screen::Review,
                        RichText::new(tr!(lang, "nav.review")),
                        RichText::new(badge),
                    );
                    if review.clicked() {
                        tx.send(Command::Show(Screen::Review));
                    }
                }
                ui.separator();
                for id in ItemId::ALL {
                    let item = checklist.item(id);
                    let score = team.and_then(|t| t.responses[id].score);
                    let badge = match score {
                        Some(level) => RichText::new(level.get().to_string()).strong(),
                        None => RichText::new("–").weak(),
                    };
                    let text = RichText::new(format!("{:>2}. {}", id.number(), item.short_title));
                    let response = entry(ui, session.screen == Screen::Item(id), text, badge);
                    let hover = match score {
                        Some(level) => format!(
                            "{}\n{} {}",
                            item.title,
                            level.get(),
                            checklist.level(level).name
                        ),
                        None => format!("{}\n{}", item.title, tr!(lang, "nav.not_scored")),
                    };
                    if response.on_hover_text(hover).clicked() {
                        tx.send(Command::Show(Screen::Item(id)));
                    }
                }
                ui.separator();
                let overview = entry(
                    ui,
                    session.screen == Screen::Overview,
                    RichText::new(tr!(lang, "nav.overview")),
                    RichText::new(""),
                );
                if overview.clicked() {
                    tx.send(Command::Show(Screen::Overview));
                }
                if let Some(team) = team
                    && session.screen != Screen::Overview
                {
                    ui.add_space(space::FRAME);
                    let size = ui.available_width().min(260.0);
                    ui.vertical_centered(|ui| {
                        super::radar::radar_preview_ui(ui, project, team, lang, size);
                    });
                }
            });
        });
}
