//! Project setup: the workshop's details, the teams and their members.

use super::ViewState;
use super::widgets::{accessible_name, section_heading, text_field_ui};
use crate::app::edit::{Edit, TextField};
use crate::app::{Action, Core, Screen};
use crate::export::report::display_team_name;
use crate::tr;
use egui::{RichText, Role};

pub fn setup_ui(ui: &mut egui::Ui, core: &Core, view: &mut ViewState, out: &mut Vec<Action>) {
    let lang = core.lang;
    let Some(project) = core.project() else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                RichText::new(tr!(lang, "setup.title"))
                    .size(24.0)
                    .family(super::fonts::bold())
                    .strong(),
            );
            ui.label(RichText::new(tr!(lang, "setup.intro")).weak());
            section_heading(ui, &tr!(lang, "setup.workshop"));
            let m = &project.meta;
            let width = (ui.available_width() - 180.0).clamp(240.0, 560.0);
            egui::Grid::new("meta")
                .num_columns(2)
                .spacing([16.0, 10.0])
                .show(ui, |ui| {
                    for (key, value, field) in [
                        ("field.title", &m.title, TextField::Title),
                        (
                            "field.organization",
                            &m.organization,
                            TextField::Organization,
                        ),
                    ] {
                        text_field_ui(ui, &tr!(lang, key), value, field, width, out);
                        ui.end_row();
                    }
                    let name = tr!(lang, "field.date");
                    ui.label(&name);
                    ui.horizontal(|ui| {
                        let date = m.date.unwrap_or_else(|| core.today());
                        if let Some(date) =
                            super::widgets::date_input_ui(ui, "meta-date", date, &name, lang)
                        {
                            out.push(Action::Edit(Edit::SetDate(Some(date))));
                        }
                        if let Some(d) = m.date {
                            ui.label(
                                RichText::new(crate::export::report::format_date_long(d, lang))
                                    .weak(),
                            );
                        }
                    });
                    ui.end_row();
                    for (key, value, field) in [
                        ("field.facilitator", &m.facilitator, TextField::Facilitator),
                        ("field.venue", &m.venue, TextField::Venue),
                    ] {
                        text_field_ui(ui, &tr!(lang, key), value, field, width, out);
                        ui.end_row();
                    }
                });

            section_heading(ui, &tr!(lang, "setup.teams"));
            ui.label(RichText::new(tr!(lang, "setup.teams_hint")).weak());
            let team_count = project.teams.len();
            for (index, team) in project.teams.iter().enumerate() {
                let team_label = display_team_name(&team.name, index, lang);
                egui::Frame::group(ui.style())
                    .inner_margin(10.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width().min(760.0));
                        ui.horizontal(|ui| {
                            let label =
                                ui.label(RichText::new(tr!(lang, "field.team_name")).strong());
                            let mut name = team.name.clone();
                            let response = ui
                                .add(
                                    egui::TextEdit::singleline(&mut name)
                                        .hint_text(&team_label)
                                        .desired_width(260.0),
                                )
                                .labelled_by(label.id);
                            if response.changed() {
                                out.push(Action::Edit(Edit::SetText(
                                    TextField::TeamName { team: team.id },
                                    name,
                                )));
                            }
                            reorder_buttons_ui(ui, index, team_count, &team_label, lang, |up| {
                                out.push(Action::Edit(Edit::MoveTeam { team: team.id, up }));
                            });
                            let remove = ui.add_enabled(
                                team_count > 1,
                                egui::Button::new(tr!(lang, "setup.remove_team")),
                            );
                            accessible_name(
                                &remove,
                                Role::Button,
                                None,
                                &format!("{} {team_label}", tr!(lang, "setup.remove_team")),
                            );
                            if remove
                                .on_hover_text(tr!(lang, "setup.remove_team_hint"))
                                .clicked()
                            {
                                out.push(Action::Edit(Edit::RemoveTeam { team: team.id }));
                            }
                        });
                        ui.add_space(4.0);
                        ui.label(tr!(lang, "setup.members", count = team.members.len()));
                        let member_count = team.members.len();
                        for (m_index, member) in team.members.iter().enumerate() {
                            ui.horizontal(|ui| {
                                ui.add_space(16.0);
                                let number = m_index + 1;
                                let label = ui.label(format!("{number}."));
                                let mut name = member.name.clone();
                                let response = ui
                                    .add(egui::TextEdit::singleline(&mut name).desired_width(220.0))
                                    .labelled_by(label.id);
                                accessible_name(
                                    &response,
                                    Role::TextInput,
                                    None,
                                    &format!(
                                        "{team_label} {} {number}",
                                        tr!(lang, "field.member_name")
                                    ),
                                );
                                if response.changed() {
                                    let field = TextField::MemberName {
                                        team: team.id,
                                        member: member.id,
                                    };
                                    out.push(Action::Edit(Edit::SetText(field, name)));
                                }
                                reorder_buttons_ui(
                                    ui,
                                    m_index,
                                    member_count,
                                    &member.name,
                                    lang,
                                    |up| {
                                        out.push(Action::Edit(Edit::MoveMember {
                                            team: team.id,
                                            member: member.id,
                                            up,
                                        }));
                                    },
                                );
                                let remove = ui
                                    .small_button("×")
                                    .on_hover_text(tr!(lang, "setup.remove_member"));
                                accessible_name(
                                    &remove,
                                    Role::Button,
                                    None,
                                    &format!(
                                        "{} {}",
                                        tr!(lang, "setup.remove_member"),
                                        member.name
                                    ),
                                );
                                if remove.clicked() {
                                    out.push(Action::Edit(Edit::RemoveMember {
                                        team: team.id,
                                        member: member.id,
                                    }));
                                }
                            });
                        }
                        ui.horizontal(|ui| {
                            ui.add_space(16.0);
                            let label = ui.label(tr!(lang, "setup.new_member"));
                            let buffer = if view.new_member_team == Some(team.id) {
                                &mut view.new_member_name
                            } else {
                                &mut String::new()
                            };
                            let mut name = buffer.clone();
                            let response = ui
                                .add(
                                    egui::TextEdit::singleline(&mut name)
                                        .hint_text(tr!(lang, "setup.new_member_hint"))
                                        .desired_width(220.0),
                                )
                                .labelled_by(label.id);
                            accessible_name(
                                &response,
                                Role::TextInput,
                                None,
                                &format!("{team_label} {}", tr!(lang, "setup.new_member")),
                            );
                            if response.changed() {
                                view.new_member_team = Some(team.id);
                                view.new_member_name = name.clone();
                            }
                            // Enter adds the member, unless it only confirmed an input method's conversion.
                            let enter = super::widgets::enter_submits(ui, &response);
                            let add = ui.button(tr!(lang, "setup.add_member"));
                            accessible_name(
                                &add,
                                Role::Button,
                                None,
                                &format!("{team_label} {}", tr!(lang, "setup.add_member")),
                            );
                            if add.clicked() || (enter && !name.trim().is_empty()) {
                                out.push(Action::Edit(Edit::AddMember {
                                    team: team.id,
                                    name: name.trim().to_owned(),
                                }));
                                view.new_member_name.clear();
                                if enter {
                                    response.request_focus();
                                }
                            }
                        });
                    });
                ui.add_space(6.0);
            }
            if ui.button(tr!(lang, "setup.add_team")).clicked() {
                out.push(Action::Edit(Edit::AddTeam {
                    name: String::new(),
                }));
            }
            ui.add_space(16.0);
            let start = egui::Button::new(RichText::new(tr!(lang, "setup.start_walk")).size(17.0))
                .min_size(egui::vec2(240.0, 38.0));
            if ui.add(start).clicked() {
                out.push(Action::Show(Screen::Setup.next()));
            }
            ui.add_space(24.0);
        });
}

/// ↑ and ↓ buttons that move an entry within its list.
fn reorder_buttons_ui(
    ui: &mut egui::Ui,
    index: usize,
    count: usize,
    name: &str,
    lang: crate::Lang,
    mut moved: impl FnMut(bool),
) {
    let up = ui.add_enabled(index > 0, egui::Button::new("↑").small());
    accessible_name(
        &up,
        Role::Button,
        None,
        &format!("{} {name}", tr!(lang, "setup.move_up")),
    );
    if up.on_hover_text(tr!(lang, "setup.move_up")).clicked() {
        moved(true);
    }
    let down = ui.add_enabled(index + 1 < count, egui::Button::new("↓").small());
    accessible_name(
        &down,
        Role::Button,
        None,
        &format!("{} {name}", tr!(lang, "setup.move_down")),
    );
    if down.on_hover_text(tr!(lang, "setup.move_down")).clicked() {
        moved(false);
    }
}
