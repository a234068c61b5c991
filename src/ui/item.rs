//! One item of the walk: the guidebook's text beside the team's votes, score, notes and actions.

use super::ViewState;
use super::widgets::{accessible_name, level_picker_ui, section_heading, text_area_ui};
use crate::app::edit::{Edit, TextField};
use crate::app::{Action, Core, Screen};
use crate::checklist::{Checklist, Item, ItemId};
use crate::i18n::Lang;
use crate::project::{ActionStatus, ItemResponse, Team, VoteSpread};
use crate::tr;
use egui::{RichText, Role};

pub fn item_ui(
    ui: &mut egui::Ui,
    core: &Core,
    view: &mut ViewState,
    id: ItemId,
    out: &mut Vec<Action>,
) {
    let lang = core.lang;
    let Some(project) = core.project() else {
        return;
    };
    let Some(team) = core.team_id().and_then(|t| project.team(t)) else {
        return;
    };
    let item = Checklist::get(lang).item(id);

    header_ui(ui, core, id, item, out);
    ui.separator();
    let wide = ui.available_width() > 900.0;
    if core.settings.show_guide && wide {
        ui.columns(2, |columns| {
            egui::ScrollArea::vertical()
                .id_salt("guide")
                .auto_shrink([false, false])
                .show(&mut columns[0], |ui| {
                    guide_ui(ui, team, id, item, lang, out);
                });
            egui::ScrollArea::vertical()
                .id_salt("answers")
                .auto_shrink([false, false])
                .show(&mut columns[1], |ui| {
                    answers_ui(ui, team, id, lang, &mut view.focus_action, out);
                });
        });
    } else {
        egui::ScrollArea::vertical()
            .id_salt("item")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if core.settings.show_guide {
                    guide_ui(ui, team, id, item, lang, out);
                    ui.separator();
                }
                answers_ui(ui, team, id, lang, &mut view.focus_action, out);
            });
    }
}

fn header_ui(ui: &mut egui::Ui, core: &Core, id: ItemId, item: &Item, out: &mut Vec<Action>) {
    let lang = core.lang;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(tr!(
                lang,
                "item.position",
                number = id.number(),
                total = ItemId::ALL.len()
            ))
            .weak(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let next = Screen::Item(id).next();
            let next_text = match next {
                Screen::Overview => tr!(lang, "item.to_overview"),
                _ => tr!(lang, "item.next"),
            };
            if ui
                .button(next_text)
                .on_hover_text("Ctrl+→ / PageDown")
                .clicked()
            {
                out.push(Action::Show(next));
            }
            if ui
                .button(tr!(lang, "item.previous"))
                .on_hover_text("Ctrl+← / PageUp")
                .clicked()
            {
                out.push(Action::Show(Screen::Item(id).previous()));
            }
        });
    });
    ui.add(
        egui::Label::new(
            RichText::new(format!("{}. {}", id.number(), item.title))
                .size(26.0)
                .family(super::fonts::bold())
                .strong(),
        )
        .wrap(),
    );
}

/// The guidebook's text, to read aloud: summary, 背景, イノベーション後の姿, 例 (tickable), 備考.
fn guide_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    item: &Item,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    let response = &team.responses[id];
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(10.0)
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(&item.summary)
                        .size(17.0)
                        .line_height(Some(26.0)),
                )
                .wrap(),
            );
        });
    ui.add_space(6.0);
    let paragraphs = |ui: &mut egui::Ui, texts: &[String]| {
        for text in texts {
            ui.horizontal_top(|ui| {
                ui.label("・");
                ui.add(
                    egui::Label::new(RichText::new(text).size(16.0).line_height(Some(24.0))).wrap(),
                );
            });
        }
    };
    egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.background")).strong())
        .id_salt(("background", id))
        .default_open(true)
        .show(ui, |ui| paragraphs(ui, &item.background));
    egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.ideal")).strong())
        .id_salt(("ideal", id))
        .default_open(true)
        .show(ui, |ui| paragraphs(ui, &item.ideal));
    egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.examples")).strong())
        .id_salt(("examples", id))
        .default_open(true)
        .show(ui, |ui| {
            ui.label(RichText::new(tr!(lang, "guide.examples_hint")).weak());
            for (n, text) in item.examples.iter().enumerate() {
                let number = n as u32 + 1;
                let mut done = response.example_done(number);
                let check = ui.checkbox(
                    &mut done,
                    RichText::new(text).size(16.0).line_height(Some(24.0)),
                );
                accessible_name(
                    &check,
                    Role::CheckBox,
                    Some(done),
                    &format!("{} {number}", tr!(lang, "guide.example")),
                );
                if check.changed() {
                    out.push(Action::Edit(Edit::SetExampleDone {
                        team: team.id,
                        item: id,
                        number,
                        done,
                    }));
                }
            }
        });
    if !item.notes.is_empty() {
        egui::CollapsingHeader::new(RichText::new(tr!(lang, "guide.notes")).strong())
            .id_salt(("notes", id))
            .default_open(false)
            .show(ui, |ui| paragraphs(ui, &item.notes));
    }
}

/// The team's work on the item: votes, the agreed score and target, notes, actions.
fn answers_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    lang: Lang,
    focus_action: &mut Option<u32>,
    out: &mut Vec<Action>,
) {
    let response = &team.responses[id];
    votes_ui(ui, team, id, response, lang, out);

    section_heading(ui, &tr!(lang, "item.agreed"));
    egui::Grid::new(("levels", id))
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label(tr!(lang, "item.score"));
            if let Some(level) = level_picker_ui(ui, response.score, &tr!(lang, "item.score"), lang)
            {
                out.push(Action::Edit(Edit::SetScore {
                    team: team.id,
                    item: id,
                    level,
                }));
            }
            ui.end_row();
            ui.label(tr!(lang, "item.target"));
            if let Some(level) =
                level_picker_ui(ui, response.target, &tr!(lang, "item.target"), lang)
            {
                out.push(Action::Edit(Edit::SetTarget {
                    team: team.id,
                    item: id,
                    level,
                }));
            }
            ui.end_row();
        });
    if let (Some(score), Some(target)) = (response.score, response.target) {
        let gap = i32::from(target.get()) - i32::from(score.get());
        ui.label(RichText::new(tr!(lang, "item.gap", gap = gap)).weak());
    }

    section_heading(ui, &tr!(lang, "item.notes"));
    let t = team.id;
    text_area_ui(
        ui,
        &tr!(lang, "field.current_state"),
        &tr!(lang, "item.current_state_hint"),
        &response.current_state,
        TextField::CurrentState { team: t, item: id },
        out,
    );
    text_area_ui(
        ui,
        &tr!(lang, "field.ideas"),
        &tr!(lang, "item.ideas_hint"),
        &response.ideas,
        TextField::Ideas { team: t, item: id },
        out,
    );
    text_area_ui(
        ui,
        &tr!(lang, "field.facilitator_note"),
        &tr!(lang, "item.note_hint"),
        &response.facilitator_note,
        TextField::FacilitatorNote { team: t, item: id },
        out,
    );

    actions_ui(ui, team, id, response, lang, focus_action, out);
    ui.add_space(24.0);
}

fn votes_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    lang: Lang,
    out: &mut Vec<Action>,
) {
    section_heading(ui, &tr!(lang, "item.votes"));
    if team.members.is_empty() {
        ui.label(RichText::new(tr!(lang, "item.no_members")).weak());
        if ui.button(tr!(lang, "item.go_setup")).clicked() {
            out.push(Action::Show(Screen::Setup));
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
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for member in &team.members {
                let vote = response.vote_of(member.id);
                ui.label(RichText::new(&member.name).strong());
                ui.horizontal(|ui| {
                    for level in crate::project::Level::ALL {
                        // Until the reveal the room sees only that someone voted, not what.
                        let selected = revealed && vote == Some(level);
                        let response = ui.add(egui::Button::selectable(
                            selected,
                            format!(" {} ", level.get()),
                        ));
                        let name =
                            format!("{} {} {}", member.name, tr!(lang, "item.vote"), level.get());
                        accessible_name(&response, Role::Button, Some(selected), &name);
                        if response.clicked() {
                            let level = if vote == Some(level) {
                                None
                            } else {
                                Some(level)
                            };
                            out.push(Action::Edit(Edit::SetVote {
                                team: team.id,
                                item: id,
                                member: member.id,
                                level,
                            }));
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
            out.push(Action::Edit(Edit::RevealVotes {
                team: team.id,
                item: id,
                revealed: !revealed,
            }));
        }
        ui.label(tr!(
            lang,
            "item.vote_count",
            count = response.votes.len(),
            total = team.members.len()
        ));
    });
    if revealed && let Some(spread) = VoteSpread::of(response) {
        let summary = tr!(
            lang,
            "item.spread",
            min = spread.min.get(),
            max = spread.max.get(),
            mean = format!("{:.1}", spread.mean)
        );
        ui.label(summary);
        if spread.worth_discussing() {
            ui.label(
                RichText::new(tr!(lang, "item.spread_large"))
                    .color(ui.visuals().warn_fg_color)
                    .strong(),
            );
        }
        if response.score.is_none() {
            let rounded = crate::project::Level::new(spread.mean.round() as u8);
            if let Some(level) = rounded
                && ui
                    .button(tr!(lang, "item.use_mean", level = level.get()))
                    .clicked()
            {
                out.push(Action::Edit(Edit::SetScore {
                    team: team.id,
                    item: id,
                    level: Some(level),
                }));
            }
        }
    }
}

fn actions_ui(
    ui: &mut egui::Ui,
    team: &Team,
    id: ItemId,
    response: &ItemResponse,
    lang: Lang,
    focus_action: &mut Option<u32>,
    out: &mut Vec<Action>,
) {
    section_heading(ui, &tr!(lang, "item.actions"));
    let count = response.actions.len();
    for (index, action) in response.actions.iter().enumerate() {
        let number = index + 1;
        let (t, a) = (team.id, action.id);
        egui::Frame::group(ui.style())
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let label = ui.label(RichText::new(format!("{number}.")).strong());
                    let mut what = action.what.clone();
                    let edit = ui
                        .add(
                            egui::TextEdit::multiline(&mut what)
                                .desired_rows(1)
                                .desired_width(f32::INFINITY)
                                .hint_text(tr!(lang, "item.action_hint")),
                        )
                        .labelled_by(label.id);
                    accessible_name(
                        &edit,
                        Role::TextInput,
                        None,
                        &format!("{} {number}", tr!(lang, "field.action_what")),
                    );
                    // A new action gets the keyboard at once, scrolled into view.
                    if *focus_action == Some(a) {
                        edit.request_focus();
                        edit.scroll_to_me(Some(egui::Align::Center));
                        *focus_action = None;
                    }
                    if edit.changed() {
                        out.push(Action::Edit(Edit::SetText(
                            TextField::ActionWhat {
                                team: t,
                                item: id,
                                action: a,
                            },
                            what,
                        )));
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label(tr!(lang, "field.action_owner"));
                    let mut owner = action.owner.clone();
                    let edit = ui
                        .add(egui::TextEdit::singleline(&mut owner).desired_width(130.0))
                        .labelled_by(label.id);
                    accessible_name(
                        &edit,
                        Role::TextInput,
                        None,
                        &format!("{} {number}", tr!(lang, "field.action_owner")),
                    );
                    if edit.changed() {
                        out.push(Action::Edit(Edit::SetText(
                            TextField::ActionOwner {
                                team: t,
                                item: id,
                                action: a,
                            },
                            owner,
                        )));
                    }
                    if !team.members.is_empty() {
                        let pick = ui.menu_button("▼", |ui| {
                            for member in &team.members {
                                if ui.button(&member.name).clicked() {
                                    let field = TextField::ActionOwner {
                                        team: t,
                                        item: id,
                                        action: a,
                                    };
                                    out.push(Action::Edit(Edit::SetText(
                                        field,
                                        member.name.clone(),
                                    )));
                                }
                            }
                        });
                        accessible_name(
                            &pick.response,
                            Role::Button,
                            None,
                            &format!("{} {number}", tr!(lang, "item.pick_owner")),
                        );
                    }
                    ui.separator();
                    let label = ui.label(tr!(lang, "report.col.due"));
                    match action.due {
                        Some(due) => {
                            let name = format!("{} {number}", tr!(lang, "report.col.due"));
                            let salt = format!("due-{t}-{a}");
                            if let Some(due) =
                                super::widgets::date_input_ui(ui, &salt, due, &name, lang)
                            {
                                out.push(Action::Edit(Edit::SetActionDue {
                                    team: t,
                                    item: id,
                                    action: a,
                                    due: Some(due),
                                }));
                            }
                            let clear = ui
                                .small_button("×")
                                .on_hover_text(tr!(lang, "item.clear_due"));
                            accessible_name(
                                &clear,
                                Role::Button,
                                None,
                                &format!("{} {number}", tr!(lang, "item.clear_due")),
                            );
                            if clear.clicked() {
                                out.push(Action::Edit(Edit::SetActionDue {
                                    team: t,
                                    item: id,
                                    action: a,
                                    due: None,
                                }));
                            }
                        }
                        None => {
                            let set = ui.button(tr!(lang, "item.set_due")).labelled_by(label.id);
                            accessible_name(
                                &set,
                                Role::Button,
                                None,
                                &format!("{} {number}", tr!(lang, "item.set_due")),
                            );
                            if set.clicked() {
                                let in_two_weeks =
                                    chrono::Local::now().date_naive() + chrono::Days::new(14);
                                out.push(Action::Edit(Edit::SetActionDue {
                                    team: t,
                                    item: id,
                                    action: a,
                                    due: Some(in_two_weeks),
                                }));
                            }
                        }
                    }
                    ui.separator();
                    let label = ui.label(tr!(lang, "item.status"));
                    egui::ComboBox::from_id_salt(("status", t, a))
                        .selected_text(action.status.label(lang))
                        .show_ui(ui, |ui| {
                            for status in ActionStatus::ALL {
                                if ui
                                    .selectable_label(action.status == status, status.label(lang))
                                    .clicked()
                                {
                                    out.push(Action::Edit(Edit::SetActionStatus {
                                        team: t,
                                        item: id,
                                        action: a,
                                        status,
                                    }));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let remove = ui
                            .small_button("×")
                            .on_hover_text(tr!(lang, "item.remove_action"));
                        accessible_name(
                            &remove,
                            Role::Button,
                            None,
                            &format!("{} {number}", tr!(lang, "item.remove_action")),
                        );
                        if remove.clicked() {
                            out.push(Action::Edit(Edit::RemoveAction {
                                team: t,
                                item: id,
                                action: a,
                            }));
                        }
                        let down = ui.add_enabled(number < count, egui::Button::new("↓").small());
                        accessible_name(
                            &down,
                            Role::Button,
                            None,
                            &format!("{} {number}", tr!(lang, "setup.move_down")),
                        );
                        if down.clicked() {
                            out.push(Action::Edit(Edit::MoveAction {
                                team: t,
                                item: id,
                                action: a,
                                up: false,
                            }));
                        }
                        let up = ui.add_enabled(index > 0, egui::Button::new("↑").small());
                        accessible_name(
                            &up,
                            Role::Button,
                            None,
                            &format!("{} {number}", tr!(lang, "setup.move_up")),
                        );
                        if up.clicked() {
                            out.push(Action::Edit(Edit::MoveAction {
                                team: t,
                                item: id,
                                action: a,
                                up: true,
                            }));
                        }
                    });
                });
            });
    }
    if ui.button(tr!(lang, "item.add_action")).clicked() {
        *focus_action = Some(crate::project::Project::next_action_id(team));
        out.push(Action::Edit(Edit::AddAction {
            team: team.id,
            item: id,
            owner: String::new(),
        }));
    }
}
