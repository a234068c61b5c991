//! Phone voting in the window: the button that opens it, the panel with the QR code, the
//! addresses and the live count, and the QR code as large as the window.

use super::tokens::{space, text};
use super::widgets::accessible_name;
use crate::checklist::ItemId;
use crate::project::{Edit, VoteNames};
use crate::session::VoteCommand;
use crate::session::{Command, CommandSender, Page, Session, ViewChange, Voting};
use crate::tr;
use crate::vote::Scope;
use crate::vote::poll::Presence;
use crate::vote::qr::Wifi;
use egui::{RichText, Role};

/// 「スマホで投票」: this item, or all ten at each member's pace; named or anonymous; how many
/// votes an anonymous item takes; whether phones may be shared.
pub fn voting_button_ui(ui: &mut egui::Ui, session: &Session, item: ItemId, tx: &CommandSender) {
    let lang = session.lang;
    if session.voting.is_some() {
        return;
    }
    if !session.policy.phone_voting {
        // Offered greyed out, saying why and what to do instead, rather than hidden: the
        // facilitator who read of phone voting in the README looks for it.
        let why = match &session.policy.problem {
            Some(problem) => problem.message(lang),
            None => tr!(lang, "policy.voting_blocked"),
        };
        ui.add_enabled(false, egui::Button::new(tr!(lang, "voting.open")))
            .on_disabled_hover_text(why);
        return;
    }
    let members = session
        .team_id()
        .and_then(|id| session.project()?.team(id))
        .map_or(0, |t| t.members.len());
    let id = ui.make_persistent_id("vote-setup");
    let (mut anonymous, mut ceiling, mut shared) = ui
        .data(|d| d.get_temp::<(bool, usize, bool)>(id))
        .unwrap_or((false, members, false));
    // The settings below the two choices are ticked on the way: only a choice closes the menu.
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let menu = egui::containers::menu::MenuButton::new(tr!(lang, "voting.open"))
        .config(config)
        .ui(ui, |ui| {
            let start = |scope| VoteCommand::Start {
                scope,
                anonymous,
                ceiling: anonymous.then_some(ceiling),
                shared,
            };
            if ui
                .button(tr!(lang, "voting.this_item", number = item.number()))
                .clicked()
            {
                tx.send(start(Scope::Item(item)));
                ui.close();
            }
            if ui.button(tr!(lang, "voting.all_items")).clicked() {
                tx.send(start(Scope::AllItems));
                ui.close();
            }
            ui.separator();
            let mut changed = ui
                .checkbox(&mut anonymous, tr!(lang, "voting.anonymous"))
                .on_hover_text(tr!(lang, "voting.anonymous_hint"))
                .changed();
            if anonymous {
                ui.horizontal(|ui| {
                    let label = ui.label(tr!(lang, "voting.ceiling"));
                    changed |= ui
                        .add(egui::DragValue::new(&mut ceiling).range(1..=500))
                        .labelled_by(label.id)
                        .on_hover_text(tr!(lang, "voting.ceiling_hint"))
                        .changed();
                });
            } else {
                // The project's choice, kept in its file: it holds for typed votes too.
                let mut private = session.project().is_some_and(|p| p.meta.names_private());
                if ui
                    .checkbox(&mut private, tr!(lang, "voting.names_private"))
                    .on_hover_text(tr!(lang, "voting.names_private_hint"))
                    .changed()
                {
                    tx.edit(Edit::SetVoteNames(if private {
                        VoteNames::Facilitator
                    } else {
                        VoteNames::Everyone
                    }));
                }
            }
            changed |= ui
                .checkbox(&mut shared, tr!(lang, "voting.shared"))
                .on_hover_text(tr!(lang, "voting.shared_hint"))
                .changed();
            if changed {
                ui.data_mut(|d| d.insert_temp(id, (anonymous, ceiling, shared)));
            }
        });
    menu.0.on_hover_text(tr!(lang, "voting.open_hint"));
}

/// The open vote: QR code, address, count, reveal and stop. At the top of the item's answers.
pub fn voting_panel_ui(ui: &mut egui::Ui, session: &Session, item: ItemId, tx: &CommandSender) {
    let lang = session.lang;
    let Some(voting) = &session.voting else {
        return;
    };
    egui::Frame::group(ui.style())
        .inner_margin(space::FRAME)
        .stroke(egui::Stroke::new(2.0, ui.visuals().selection.bg_fill))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(scope_text(voting, lang))
                        .size(text::SECTION)
                        .family(super::fonts::bold()),
                );
                if voting.anonymous {
                    ui.label(RichText::new(tr!(lang, "voting.anonymous_tag")).weak());
                }
            });
            let Some(url) = voting.urls.first() else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!(lang, "voting.starting"));
                });
                return;
            };
            ui.horizontal_top(|ui| {
                // Join the network first, then vote: two codes, numbered, in that order.
                // One above the other, so the column beside keeps its width on a laptop.
                let qr = match shown_wifi(session) {
                    Some(wifi) => {
                        ui.vertical(|ui| {
                            wifi_qr_ui(ui, wifi, 150.0, lang);
                            ui.add_space(space::S);
                            ui.label(RichText::new(tr!(lang, "wifi.then_vote")).strong());
                            qr_ui(ui, url, 150.0)
                        })
                        .inner
                    }
                    None => qr_ui(ui, url, 176.0),
                };
                accessible_name(
                    &qr,
                    Role::Image,
                    None,
                    &tr!(lang, "voting.qr_name", url = url),
                );
                ui.vertical(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(url).monospace().size(text::LEAD))
                            .wrap_mode(egui::TextWrapMode::Wrap)
                            .selectable(true),
                    );
                    if !voting.reachable {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            tr!(lang, "voting.no_network"),
                        );
                    }
                    if voting.urls.len() > 1 {
                        ui.collapsing(tr!(lang, "voting.other_addresses"), |ui| {
                            for other in &voting.urls[1..] {
                                ui.add(
                                    egui::Label::new(RichText::new(other).monospace())
                                        .selectable(true),
                                );
                            }
                        });
                    }
                    ui.add_space(space::S);
                    count_ui(ui, voting, item, lang);
                    ui.add_space(space::S);
                    actions_ui(ui, voting, item, tx, lang);
                    // What only the facilitator sees: who took which name, phones at one
                    // address. Never in projector mode, where the room sees this window.
                    if !session.view.projector {
                        oversight_ui(ui, voting, tx, lang);
                    }
                });
            });
            // The password is typed here, so not where the room watches.
            if !session.view.projector {
                wifi_setup_ui(ui, session, tx);
            }
        });
    ui.add_space(space::M);
}

/// The network whose QR code is shown, if the facilitator chose to show one.
pub fn shown_wifi(session: &Session) -> Option<&Wifi> {
    session
        .settings
        .show_wifi
        .then(|| session.settings.wifi.first())
        .flatten()
}

/// 「① Wi-Fi に接続」, the network's code, and its name.
pub fn wifi_qr_ui(ui: &mut egui::Ui, wifi: &Wifi, side: f32, lang: crate::Lang) {
    let Some(text) = wifi.qr_text() else {
        return;
    };
    ui.vertical(|ui| {
        ui.label(RichText::new(tr!(lang, "wifi.join")).strong());
        let qr = qr_ui(ui, &text, side);
        accessible_name(
            &qr,
            Role::Image,
            None,
            &tr!(lang, "wifi.qr_name", ssid = &wifi.ssid),
        );
        ui.label(RichText::new(&wifi.ssid).monospace());
    });
}

/// The network's name and password, entered once and remembered; shown or hidden.
fn wifi_setup_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let remembered = session.settings.wifi.first().cloned().unwrap_or_default();
    egui::CollapsingHeader::new(tr!(lang, "wifi.heading"))
        .id_salt("wifi-setup")
        .show(ui, |ui| {
            ui.label(RichText::new(tr!(lang, "wifi.hint")).weak());
            // Typed into a draft, saved with the button: not a settings file per keystroke.
            let id = ui.make_persistent_id("wifi-draft");
            let mut draft: Wifi = ui
                .data(|d| d.get_temp::<Wifi>(id))
                .unwrap_or_else(|| remembered.clone());
            egui::Grid::new("wifi-fields")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label(tr!(lang, "wifi.ssid"));
                    ui.text_edit_singleline(&mut draft.ssid)
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(tr!(lang, "wifi.password"));
                    ui.add(egui::TextEdit::singleline(&mut draft.password).password(true))
                        .labelled_by(label.id);
                    ui.end_row();
                });
            ui.data_mut(|d| d.insert_temp(id, draft.clone()));
            ui.horizontal(|ui| {
                let can_show = !draft.ssid.trim().is_empty();
                if ui
                    .add_enabled(can_show, egui::Button::new(tr!(lang, "wifi.show")))
                    .clicked()
                {
                    tx.send(Command::SetWifi {
                        wifi: draft.clone(),
                        shown: true,
                    });
                }
                if session.settings.show_wifi && ui.button(tr!(lang, "wifi.hide")).clicked() {
                    tx.send(Command::SetWifi {
                        wifi: draft,
                        shown: false,
                    });
                }
            });
        });
}

/// The names claimed (each with a button to release it, when a member took the wrong one),
/// addresses that hold several ballots, and second phones turned away.
fn oversight_ui(ui: &mut egui::Ui, voting: &Voting, tx: &CommandSender, lang: crate::Lang) {
    let seen = &voting.oversight;
    waiting_ui(ui, voting, lang);
    if !voting.anonymous && !seen.claimed.is_empty() {
        ui.add_space(space::S);
        ui.label(RichText::new(tr!(lang, "voting.claimed")).strong());
        ui.horizontal_wrapped(|ui| {
            for (member, name) in &seen.claimed {
                ui.label(name);
                if ui
                    .small_button(tr!(lang, "voting.release"))
                    .on_hover_text(tr!(lang, "voting.release_hint", name = name))
                    .clicked()
                {
                    tx.send(VoteCommand::Release(*member));
                }
                ui.add_space(space::S);
            }
        });
    }
    for (address, phones) in &seen.shared {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            tr!(
                lang,
                "voting.shared_address",
                address = address,
                phones = phones
            ),
        );
    }
    if seen.turned_away > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            tr!(lang, "voting.turned_away", count = seen.turned_away),
        );
    }
    let mut shared = voting.shared_phones;
    if ui
        .checkbox(&mut shared, tr!(lang, "voting.shared"))
        .on_hover_text(tr!(lang, "voting.shared_hint"))
        .changed()
    {
        tx.send(VoteCommand::SetShared(shared));
    }
}

/// Named voting: who has not voted yet, and whose phone has not joined or went away, so the
/// facilitator can ask in person instead of waiting on the room. Never on the projector.
fn waiting_ui(ui: &mut egui::Ui, voting: &Voting, lang: crate::Lang) {
    let waiting = &voting.oversight.waiting;
    if voting.anonymous || waiting.is_empty() {
        return;
    }
    ui.add_space(space::S);
    ui.label(RichText::new(tr!(lang, "voting.waiting")).strong());
    let now = std::time::Instant::now();
    ui.horizontal_wrapped(|ui| {
        for member in waiting {
            let mut parts = vec![member.name.clone()];
            if voting.scope == Scope::AllItems {
                parts.push(tr!(
                    lang,
                    lang.count_key("voting.items_left", member.items_left),
                    count = member.items_left
                ));
            }
            let presence = member.presence(now);
            match presence {
                Presence::Here => {}
                Presence::NotJoined => parts.push(tr!(lang, "voting.not_joined")),
                Presence::Away => parts.push(tr!(lang, "voting.away")),
            }
            // One label per person, never broken across lines: 「山 / 本 直樹」 reads as two people.
            let text = match lang {
                crate::Lang::Ja => format!("{}（{}）", parts[0], parts[1..].join("・")),
                crate::Lang::En => format!("{} ({})", parts[0], parts[1..].join(", ")),
            };
            let text = if parts.len() == 1 {
                parts[0].clone()
            } else {
                text
            };
            let label = match presence {
                Presence::Away => RichText::new(text).color(ui.visuals().warn_fg_color),
                Presence::NotJoined => RichText::new(text).weak(),
                Presence::Here => RichText::new(text),
            };
            let shown = ui.add(egui::Label::new(label).wrap_mode(egui::TextWrapMode::Extend));
            if presence == Presence::Away {
                shown.on_hover_text(tr!(lang, "voting.away_hint"));
            }
            ui.add_space(space::S);
        }
    });
    // A phone goes away without a word: look again each second while one could.
    if waiting.iter().any(|m| m.last_heard.is_some()) {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
}

fn scope_text(voting: &Voting, lang: crate::Lang) -> String {
    match voting.scope {
        Scope::Item(item) => tr!(lang, "voting.on_item", number = item.number()),
        Scope::AllItems => tr!(lang, "voting.on_all"),
    }
}

/// 「5人中3人が投票」 for the item, or per item when all ten are open.
fn count_ui(ui: &mut egui::Ui, voting: &Voting, item: ItemId, lang: crate::Lang) {
    match voting.scope {
        Scope::Item(_) => {
            if let Some(status) = voting.status(item).or(voting.statuses.first()) {
                let text = if status.revealed {
                    tr!(
                        lang,
                        lang.count_key("voting.revealed_count", status.voted),
                        voted = status.voted
                    )
                } else {
                    tr!(
                        lang,
                        "phone.count",
                        voted = status.voted,
                        expected = status.expected
                    )
                };
                ui.label(RichText::new(text).size(text::SECTION).strong());
            }
        }
        Scope::AllItems => {
            ui.horizontal_wrapped(|ui| {
                for status in &voting.statuses {
                    let text = format!(
                        "{}: {}/{}",
                        status.item.number(),
                        status.voted,
                        status.expected
                    );
                    let label = RichText::new(text).monospace();
                    ui.label(if status.item == item {
                        label.strong()
                    } else {
                        label
                    });
                }
            });
        }
    }
}

fn actions_ui(
    ui: &mut egui::Ui,
    voting: &Voting,
    item: ItemId,
    tx: &CommandSender,
    lang: crate::Lang,
) {
    ui.horizontal_wrapped(|ui| {
        let open = voting
            .status(item)
            .is_some_and(|s| !s.revealed && s.voted > 0);
        if ui
            .add_enabled(open, egui::Button::new(tr!(lang, "voting.reveal")))
            .clicked()
        {
            tx.send(VoteCommand::Reveal(item));
        }
        if ui.button(tr!(lang, "voting.large_qr")).clicked() {
            tx.send(Command::View(ViewChange::Page(Some(Page::VoteQr))));
        }
        if ui.button(tr!(lang, "voting.stop")).clicked() {
            tx.send(VoteCommand::Stop);
        }
        let mut auto = voting.auto_reveal;
        if ui
            .checkbox(&mut auto, tr!(lang, "voting.auto_reveal"))
            .changed()
        {
            tx.send(VoteCommand::SetAutoReveal(auto));
        }
    });
}

/// The QR code of `url`, dark on white with a quiet zone, `side` points square.
pub fn qr_ui(ui: &mut egui::Ui, url: &str, side: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    let Some(rows) = crate::vote::qr::modules(url) else {
        return response;
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, egui::Color32::WHITE);
    let quiet = 3.0;
    let cells = rows.len() as f32 + 2.0 * quiet;
    let cell = side / cells;
    for (r, row) in rows.iter().enumerate() {
        for (c, dark) in row.iter().enumerate() {
            if *dark {
                let min =
                    rect.min + egui::vec2((c as f32 + quiet) * cell, (r as f32 + quiet) * cell);
                // A hair larger than a cell, so that no seams show between modules.
                let module = egui::Rect::from_min_size(min, egui::vec2(cell + 0.5, cell + 0.5));
                painter.rect_filled(module, 0.0, egui::Color32::BLACK);
            }
        }
    }
    response
}

/// The QR code as large as the window, with the address and the count: for the room.
pub fn large_qr_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let leave = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if ui.button(tr!(lang, "voting.back")).clicked() || leave {
        tx.send(Command::View(ViewChange::Page(None)));
    }
    let Some(voting) = &session.voting else {
        ui.label(tr!(lang, "voting.closed"));
        return;
    };
    let Some(url) = voting.urls.first() else {
        ui.spinner();
        return;
    };
    ui.vertical_centered(|ui| {
        ui.label(
            RichText::new(scope_text(voting, lang))
                .size(text::HERO)
                .family(super::fonts::bold()),
        );
        let side = (ui.available_height() - 140.0)
            .min(ui.available_width())
            .max(160.0);
        match shown_wifi(session) {
            // Side by side, the network's smaller: it is scanned once, the vote's on every item.
            Some(wifi) => {
                let side = side.min(ui.available_width() / 2.0 - space::XL);
                let both = side * 0.7 + space::XL + side;
                ui.horizontal_top(|ui| {
                    ui.add_space(((ui.available_width() - both) / 2.0).max(0.0));
                    wifi_qr_ui(ui, wifi, side * 0.7, lang);
                    ui.add_space(space::XL);
                    ui.vertical(|ui| {
                        ui.label(RichText::new(tr!(lang, "wifi.then_vote")).strong());
                        qr_ui(ui, url, side);
                    });
                });
            }
            None => {
                qr_ui(ui, url, side);
            }
        }
        ui.label(RichText::new(url).monospace().size(text::HEADING));
        if let Some(status) = voting.statuses.first() {
            ui.label(
                RichText::new(tr!(
                    lang,
                    "phone.count",
                    voted = status.voted,
                    expected = status.expected
                ))
                .size(text::HEADING)
                .strong(),
            );
        }
    });
}
