//! Project setup: the workshop's details, the teams and their members.

use super::tokens::{space, text};
use super::widgets::{
    accessible_name, date_input_ui, enter_submits, section_heading_ui, text_field_ui,
};
use crate::checklist::ItemId;
use crate::project::Team;
use crate::project::agenda::{self, Agenda, ItemWeight};
use crate::session::{Command, CommandSender, Edit, Session, TextField, UICommand};
use crate::tr;
use crate::words::{display_team_name, format_date_long};
use egui::{RichText, Role};

pub fn setup_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                RichText::new(tr!(lang, "setup.title"))
                    .size(text::HEADING)
                    .family(super::fonts::bold())
                    .strong(),
            );
            ui.label(RichText::new(tr!(lang, "setup.intro")).weak());
            section_heading_ui(ui, &tr!(lang, "setup.workshop"));
            meta_ui(ui, session, tx);

            egui::CollapsingHeader::new(
                RichText::new(tr!(lang, "setup.circulation"))
                    .size(text::SECTION)
                    .family(super::fonts::bold()),
            )
            .id_salt("circulation")
            .default_open(session.settings.export_circulation)
            .show(ui, |ui| circulation_ui(ui, session, tx));

            section_heading_ui(ui, &tr!(lang, "setup.teams"));
            ui.label(RichText::new(tr!(lang, "setup.teams_hint")).weak());
            let team_count = project.teams.len();
            for (index, team) in project.teams.iter().enumerate() {
                egui::Frame::group(ui.style())
                    .inner_margin(space::FRAME)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width().min(760.0));
                        team_ui(ui, session, team, index, team_count, tx);
                    });
                ui.add_space(space::S + space::XS);
            }
            if ui.button(tr!(lang, "setup.add_team")).clicked() {
                tx.edit(Edit::AddTeam {
                    name: String::new(),
                });
            }
            section_heading_ui(ui, &tr!(lang, "agenda.title"));
            agenda_ui(ui, session, tx);
            ui.add_space(space::XL);
            let start = egui::Button::new(
                RichText::new(tr!(lang, "setup.start_walk")).size(text::LARGE_BUTTON),
            )
            .min_size(egui::vec2(240.0, 38.0));
            if ui.add(start).clicked() {
                tx.send(Command::Show(session.next_screen()));
            }
            ui.add_space(space::XXL);
        });
}

/// Title, 自治体名, date, facilitator, venue.
fn meta_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let m = &project.meta;
    let width = (ui.available_width() - 180.0).clamp(240.0, 560.0);
    egui::Grid::new("meta")
        .num_columns(2)
        .spacing([space::XL, space::FRAME])
        .show(ui, |ui| {
            for (key, value, field) in [
                ("field.title", &m.title, TextField::Title),
                (
                    "field.organization",
                    &m.organization,
                    TextField::Organization,
                ),
                ("field.department", &m.department, TextField::Department),
            ] {
                text_field_ui(ui, &tr!(lang, key), value, field, width, tx);
                ui.end_row();
            }
            let name = tr!(lang, "field.date");
            ui.label(&name);
            ui.horizontal(|ui| {
                let date = m.date.unwrap_or_else(|| session.today());
                if let Some(date) = date_input_ui(ui, "meta-date", date, &name, lang) {
                    tx.edit(Edit::SetDate(Some(date)));
                }
                if let Some(d) = m.date {
                    ui.label(RichText::new(format_date_long(d, lang)).weak());
                }
            });
            ui.end_row();
            for (key, value, field) in [
                ("field.facilitator", &m.facilitator, TextField::Facilitator),
                ("field.venue", &m.venue, TextField::Venue),
            ] {
                text_field_ui(ui, &tr!(lang, key), value, field, width, tx);
                ui.end_row();
            }
        });
}

/// The layout of a report that circulates in the city hall: who stamps it, its number.
fn circulation_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let c = &project.meta.circulation;
    ui.label(RichText::new(tr!(lang, "setup.circulation_hint")).weak());
    let mut on = session.settings.export_circulation;
    if ui
        .checkbox(&mut on, UICommand::ExportCirculation.label(lang))
        .changed()
    {
        tx.run(UICommand::ExportCirculation);
    }
    let width = (ui.available_width() - 180.0).clamp(240.0, 560.0);
    egui::Grid::new("circulation-grid")
        .num_columns(2)
        .spacing([space::XL, space::FRAME])
        .show(ui, |ui| {
            for (key, approvers, roles) in [
                ("setup.readers", false, &c.readers),
                ("setup.approvers", true, &c.approvers),
            ] {
                let label = ui.label(tr!(lang, key));
                roles_field_ui(ui, label.id, approvers, roles, width, tx);
                ui.end_row();
            }
            text_field_ui(
                ui,
                &tr!(lang, "field.document_number"),
                &c.document_number,
                TextField::DocumentNumber,
                width,
                tx,
            );
            ui.end_row();
        });
}

/// Roles typed as one line, 「課長、課長補佐」: the text is kept as typed while the field has the
/// keyboard (a trailing 「、」 must survive until the next role is typed), and sent as a list.
fn roles_field_ui(
    ui: &mut egui::Ui,
    label: egui::Id,
    approvers: bool,
    roles: &[String],
    width: f32,
    tx: &CommandSender,
) {
    let id = ui.make_persistent_id(("roles", approvers));
    let joined = roles.join("、");
    let mut text = if ui.memory(|m| m.has_focus(id)) {
        ui.data(|d| d.get_temp::<String>(id)).unwrap_or(joined)
    } else {
        joined
    };
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(width),
        )
        .labelled_by(label);
    if response.changed() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
        tx.edit(Edit::SetCirculationRoles {
            approvers,
            roles: split_roles(&text),
        });
    }
}

/// 「課長、課長補佐」, 「課長・係長」 or "Director, Staff" as a list of roles.
fn split_roles(text: &str) -> Vec<String> {
    text.split(['、', ',', '，', '・', '/', '／'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One team: its name, order, removal, and members.
fn team_ui(
    ui: &mut egui::Ui,
    session: &Session,
    team: &Team,
    index: usize,
    team_count: usize,
    tx: &CommandSender,
) {
    let lang = session.lang;
    let team_label = display_team_name(&team.name, index, lang);
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr!(lang, "field.team_name")).strong());
        let mut name = team.name.clone();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .hint_text(&team_label)
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            tx.edit(Edit::SetText(TextField::TeamName { team: team.id }, name));
        }
        reorder_buttons_ui(ui, index, team_count, &team_label, lang, |up| {
            tx.edit(Edit::MoveTeam { team: team.id, up });
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
            tx.edit(Edit::RemoveTeam { team: team.id });
        }
    });
    ui.add_space(space::S);
    ui.label(tr!(lang, "setup.members", count = team.members.len()));
    let member_count = team.members.len();
    for (m_index, member) in team.members.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.add_space(space::XL);
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
                &format!("{team_label} {} {number}", tr!(lang, "field.member_name")),
            );
            if response.changed() {
                let field = TextField::MemberName {
                    team: team.id,
                    member: member.id,
                };
                tx.edit(Edit::SetText(field, name));
            }
            reorder_buttons_ui(ui, m_index, member_count, &member.name, lang, |up| {
                tx.edit(Edit::MoveMember {
                    team: team.id,
                    member: member.id,
                    up,
                });
            });
            let remove = ui
                .small_button("×")
                .on_hover_text(tr!(lang, "setup.remove_member"));
            accessible_name(
                &remove,
                Role::Button,
                None,
                &format!("{} {}", tr!(lang, "setup.remove_member"), member.name),
            );
            if remove.clicked() {
                tx.edit(Edit::RemoveMember {
                    team: team.id,
                    member: member.id,
                });
            }
        });
    }
    new_member_ui(ui, team, &team_label, lang, tx);
}

/// The field for a new member. Enter adds the name and keeps the keyboard here for the next one;
/// pasting several lines (a list from a mail or a spreadsheet column) adds one member per line.
fn new_member_ui(
    ui: &mut egui::Ui,
    team: &Team,
    team_label: &str,
    lang: crate::Lang,
    tx: &CommandSender,
) {
    ui.horizontal(|ui| {
        ui.add_space(space::XL);
        let label = ui.label(tr!(lang, "setup.new_member"));
        // A stable id: the field stays the same widget (and keeps the keyboard) as members are
        // added above it.
        let id = egui::Id::unique(("new-member", team.id));
        let mut name: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
        let pasted = take_multiline_paste(ui, id);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut name)
                    .id(id)
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
        // Enter adds the member, unless it only confirmed an input method's conversion.
        let enter = enter_submits(ui, &response);
        let add = ui.button(tr!(lang, "setup.add_member"));
        accessible_name(
            &add,
            Role::Button,
            None,
            &format!("{team_label} {}", tr!(lang, "setup.add_member")),
        );
        let mut names: Vec<String> = Vec::new();
        if let Some(lines) = pasted {
            // What was already typed counts as the first line.
            names.push(std::mem::take(&mut name));
            names.extend(lines);
        } else if add.clicked() || enter {
            names.push(std::mem::take(&mut name));
        }
        for member in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            tx.edit(Edit::AddMember {
                team: team.id,
                name: member.to_owned(),
            });
        }
        if enter || !names.is_empty() {
            response.request_focus();
        }
        ui.data_mut(|d| d.insert_temp(id, name));
    });
}

/// Takes a paste of several lines aimed at the focused field `id`, before the field turns it into
/// one line; returns the lines.
fn take_multiline_paste(ui: &egui::Ui, id: egui::Id) -> Option<Vec<String>> {
    if !ui.memory(|m| m.has_focus(id)) {
        return None;
    }
    ui.input_mut(|input| {
        let index = input.events.iter().position(
            |e| matches!(e, egui::Event::Paste(text) if text.trim().contains(['\n', '\r'])),
        )?;
        let egui::Event::Paste(text) = input.events.remove(index) else {
            return None;
        };
        Some(
            text.lines()
                .map(|line| line.trim().trim_matches(['\t', ',', '、']).to_owned())
                .collect(),
        )
    })
}

/// The time plan: the walk's length, shared among the ten items equally or by the first votes.
fn agenda_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    ui.label(RichText::new(tr!(lang, "agenda.intro")).weak());
    let current = project.meta.agenda.as_ref();
    let weights = ItemWeight::of_project(project);
    let has_votes = project
        .teams
        .iter()
        .any(|t| t.responses.0.iter().any(|r| !r.votes.is_empty()));
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!(lang, "agenda.total"));
        let mut total = current.map_or(90, |a| a.total_minutes);
        let drag = ui
            .add(
                egui::DragValue::new(&mut total)
                    .range(10..=agenda::MAX_MINUTES)
                    .speed(1.0)
                    .suffix(tr!(lang, "agenda.minutes_suffix")),
            )
            .labelled_by(label.id);
        if drag.changed() {
            let next = current.map_or_else(|| Agenda::equal(total), |a| a.rescaled(total));
            tx.edit(Edit::SetAgenda(Some(next)));
        }
        for minutes in agenda::TYPICAL_MINUTES {
            if ui
                .selectable_label(
                    current.is_some_and(|a| a.total_minutes == minutes),
                    format!("{minutes}"),
                )
                .clicked()
            {
                let next = current.map_or_else(|| Agenda::equal(minutes), |a| a.rescaled(minutes));
                tx.edit(Edit::SetAgenda(Some(next)));
            }
        }
        ui.separator();
        if ui.button(tr!(lang, "agenda.equal")).clicked() {
            tx.edit(Edit::SetAgenda(Some(Agenda::equal(total))));
        }
        let by_votes = ui
            .add_enabled(has_votes, egui::Button::new(tr!(lang, "agenda.by_votes")))
            .on_hover_text(tr!(lang, "agenda.by_votes_how"))
            .on_disabled_hover_text(tr!(lang, "agenda.by_votes_needs_votes"));
        if by_votes.clicked() {
            tx.edit(Edit::SetAgenda(Some(Agenda::weighted(total, &weights))));
        }
        if current.is_some() && ui.button(tr!(lang, "agenda.clear")).clicked() {
            tx.edit(Edit::SetAgenda(None));
        }
    });
    ui.label(
        RichText::new(tr!(lang, "agenda.by_votes_how"))
            .small()
            .weak(),
    );
    let Some(current) = current else {
        return;
    };
    let checklist = crate::checklist::Checklist::get(lang);
    egui::Grid::new("agenda")
        .num_columns(3)
        .striped(true)
        .spacing([space::XL, space::XS])
        .show(ui, |ui| {
            for id in ItemId::ALL {
                let label = ui.label(format!(
                    "{}. {}",
                    id.number(),
                    checklist.item(id).short_title
                ));
                let mut minutes = current.minutes_for(id);
                let drag = ui
                    .add(
                        egui::DragValue::new(&mut minutes)
                            .range(0..=120)
                            .suffix(tr!(lang, "agenda.minutes_suffix")),
                    )
                    .labelled_by(label.id);
                if drag.changed() {
                    tx.edit(Edit::SetAgenda(Some(current.with_minutes(id, minutes))));
                }
                let w = weights[id.index()];
                ui.label(
                    RichText::new(tr!(lang, "agenda.weight", spread = w.spread, gap = w.gap))
                        .small()
                        .weak(),
                );
                ui.end_row();
            }
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
