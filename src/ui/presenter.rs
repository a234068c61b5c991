//! The presenter window, for the projector: what the room should see, large, following the
//! facilitator's window. The current item's title and 概要, how many have voted (and after the
//! reveal, the distribution), the timer. Never the facilitator's private notes, never file paths.

use super::radar::{Detail, legend_read_only_ui, radar_ui};
use super::tokens::{color, radius, space};
use crate::checklist::{Checklist, ItemId};
use crate::project::{ItemResponse, Level, VoteSpread};
use crate::radar::Chart;
use crate::session::timer::{clock_text, countdown_text};
use crate::session::{Command, CommandSender, Page, Screen, Session, ViewChange};
use crate::tr;
use crate::words::{display_team_name, format_date_long};
use egui::RichText;

/// Sizes for a room: the title is read from the back row.
const TITLE: f32 = 44.0;
const LEAD: f32 = 30.0;
const BODY: f32 = 24.0;

/// Opens (each frame while it is wanted) the presenter window where the room sees it: it is
/// placed past the main window's screen, where a projector extending the desktop is, and made
/// full screen there, so that it fills the projector; with one display it fills that one instead
/// (the operating system puts a full-screen window on a screen that exists), never off-screen.
/// F11 in the main window opens and closes it; in the presenter, F11 or a double click leaves
/// full screen.
pub fn presenter_window(ctx: &egui::Context, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let beside = ctx.input(|i| {
        let outer = i.viewport().outer_rect?;
        let screen = i.viewport().monitor_size?;
        Some(egui::pos2(outer.min.x.max(0.0) + screen.x, 0.0))
    });
    let mut builder = egui::ViewportBuilder::default()
        .with_title(tr!(lang, "presenter.title"))
        .with_inner_size([1280.0, 720.0])
        .with_fullscreen(true)
        .with_app_id("kizuki-presenter");
    if let Some(position) = beside {
        builder = builder.with_position(position);
    }
    ctx.show_viewport_immediate(
        egui::ViewportId::from_hash_of("kizuki-presenter"),
        builder,
        |ui, class| {
            if ui.input(|i| i.viewport().close_requested()) {
                tx.send(Command::View(ViewChange::Presenter(false)));
            }
            if class == egui::ViewportClass::EmbeddedWindow {
                presenter_ui(ui, session);
            } else {
                // A window of its own: F11 or a double click makes it full screen on its display.
                let fullscreen = ui.input(|i| i.viewport().fullscreen.unwrap_or(false));
                let toggle = ui.input(|i| i.key_pressed(egui::Key::F11))
                    || ui.input(|i| {
                        i.pointer
                            .button_double_clicked(egui::PointerButton::Primary)
                    });
                if toggle {
                    ui.ctx()
                        .send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
                }
                egui::CentralPanel::default().show(ui, |ui| presenter_ui(ui, session));
            }
        },
    );
}

/// What the room sees, for the screen the facilitator is on.
pub fn presenter_ui(ui: &mut egui::Ui, session: &Session) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        title_slide_ui(ui, "Kizuki（気づき）", &tr!(lang, "start.tagline"));
        return;
    };
    if session.view.page == Some(Page::About) {
        let framing = &Checklist::get(lang).framing;
        title_slide_ui(ui, &tr!(lang, "about.definition"), &framing.definition);
        return;
    }
    match session.screen {
        Screen::Setup => {
            let mut details = vec![project.meta.organization.clone()];
            if let Some(date) = project.meta.date {
                details.push(format_date_long(date, lang));
            }
            details.push(project.meta.venue.clone());
            details.retain(|d| !d.trim().is_empty());
            title_slide_ui(ui, &project.meta.title, &details.join("\n"));
        }
        Screen::Review => review_slide_ui(ui, session),
        Screen::Item(item) => item_slide_ui(ui, session, item),
        Screen::Overview => {
            ui.label(
                RichText::new(tr!(lang, "overview.title"))
                    .size(LEAD)
                    .family(super::fonts::bold()),
            );
            let chart = room_chart(session, project);
            // The room reads which line is whose: the legend, large, under the title.
            legend_read_only_ui(ui, &chart, 1.6);
            let size = ui.available_size();
            ui.vertical_centered(|ui| {
                radar_ui(
                    ui,
                    &chart,
                    &session.view.hidden_series,
                    size,
                    Detail::Full,
                    lang,
                );
            });
        }
    }
}

/// The chart the room is shown: every team's, or from five teams on (twenty lines would be a
/// tangle) the team chosen in the facilitator's window, with its target and previous round.
pub fn room_chart(session: &Session, project: &crate::project::Project) -> Chart {
    let lang = session.lang;
    if project.teams.len() >= crate::style::SMALL_MULTIPLES_FROM {
        Chart::of_project(project, lang, session.team_id())
    } else {
        Chart::of_project(project, lang, None)
    }
}

fn title_slide_ui(ui: &mut egui::Ui, title: &str, subtitle: &str) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.25).max(space::XL));
        ui.add(
            egui::Label::new(
                RichText::new(title)
                    .size(TITLE)
                    .family(super::fonts::bold()),
            )
            .wrap(),
        );
        ui.add_space(space::XL);
        ui.add(egui::Label::new(RichText::new(subtitle).size(BODY)).wrap());
    });
}

fn item_slide_ui(ui: &mut egui::Ui, session: &Session, item: ItemId) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let text = Checklist::get(lang).item(item);
    let team_index = session
        .team_id()
        .and_then(|t| project.teams.iter().position(|x| x.id == t));
    ui.horizontal(|ui| {
        if let Some(index) = team_index
            && project.teams.len() > 1
        {
            let name = display_team_name(&project.teams[index].name, index, lang);
            egui::Frame::new()
                .fill(color(crate::style::team_color(index)))
                .corner_radius(radius::FRAME)
                .inner_margin(egui::Margin::symmetric(10, 4))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(name)
                            .size(BODY)
                            .strong()
                            .color(egui::Color32::BLACK),
                    );
                });
        }
        ui.label(
            RichText::new(tr!(
                lang,
                "item.position",
                number = item.number(),
                total = ItemId::ALL.len()
            ))
            .size(BODY)
            .weak(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let time = session.item_time(item);
            let text = match time.left() {
                Some(Ok(left)) => tr!(lang, "presenter.left", time = countdown_text(left)),
                Some(Err(over)) => tr!(lang, "presenter.over", time = clock_text(over)),
                None if time.running || !time.spent.is_zero() => clock_text(time.spent),
                None => String::new(),
            };
            ui.label(RichText::new(text).size(LEAD).monospace());
        });
    });
    ui.add_space(space::L);
    ui.add(
        egui::Label::new(
            RichText::new(format!("{}. {}", item.number(), text.title))
                .size(TITLE)
                .family(super::fonts::bold()),
        )
        .wrap(),
    );
    ui.add_space(space::L);
    ui.add(egui::Label::new(RichText::new(&text.summary).size(LEAD)).wrap());
    ui.add_space(space::XXL);
    let Some(team) = session.team_id().and_then(|t| project.team(t)) else {
        return;
    };
    let response = &team.responses[item];
    // Voting by phone: the room scans the code from here.
    if let Some(voting) = session.voting.as_ref().filter(|v| v.team == team.id)
        && let Some(url) = voting.urls.first()
        && voting.status(item).is_some_and(|s| !s.revealed)
    {
        ui.horizontal_top(|ui| {
            let side = (ui.available_height() - space::XL).clamp(160.0, 420.0);
            // The network first, smaller: a phone joins it once, then scans the vote's code.
            if let Some(wifi) = super::voting::shown_wifi(session) {
                super::voting::wifi_qr_ui(ui, wifi, side * 0.7, lang);
                ui.add_space(space::XL);
            }
            super::voting::qr_ui(ui, url, side);
            ui.add_space(space::XL);
            ui.vertical(|ui| {
                ui.label(RichText::new(tr!(lang, "presenter.scan")).size(LEAD));
                ui.label(RichText::new(url).monospace().size(BODY));
                if let Some(status) = voting.status(item) {
                    ui.add_space(space::L);
                    ui.label(
                        RichText::new(tr!(
                            lang,
                            "phone.count",
                            voted = status.voted,
                            expected = status.expected
                        ))
                        .size(TITLE)
                        .strong(),
                    );
                }
            });
        });
        return;
    }
    let private = project.meta.names_private();
    if response.votes_revealed {
        distribution_ui(ui, response, private, lang);
    } else if !team.members.is_empty() {
        ui.label(
            RichText::new(tr!(
                lang,
                "item.vote_count",
                count = response.votes.len(),
                total = team.members.len()
            ))
            .size(LEAD),
        );
    }
    reasons_ui(ui, team, response, !private, lang);
}

/// The reasons the facilitator released, as the room reads them: the words, with the name only
/// where names are for everyone.
fn reasons_ui(
    ui: &mut egui::Ui,
    team: &crate::project::Team,
    response: &ItemResponse,
    names: bool,
    lang: crate::Lang,
) {
    let mut released = response.released_reasons().peekable();
    if released.peek().is_none() {
        return;
    }
    ui.add_space(space::XL);
    ui.label(RichText::new(tr!(lang, "reasons.mark")).size(BODY).strong());
    for reason in released {
        let name = reason
            .member
            .filter(|_| names)
            .and_then(|m| team.members.iter().find(|x| x.id == m))
            .map(|m| format!("　— {}", m.name))
            .unwrap_or_default();
        ui.add(
            egui::Label::new(RichText::new(format!("「{}」{name}", reason.text)).size(BODY)).wrap(),
        );
    }
}

/// The previous round's actions as the room reviews them: each with its verdict once given.
fn review_slide_ui(ui: &mut egui::Ui, session: &Session) {
    let lang = session.lang;
    let Some(team) = session
        .project()
        .and_then(|p| session.team_id().and_then(|t| p.team(t)))
    else {
        return;
    };
    ui.label(
        RichText::new(tr!(lang, "report.review"))
            .size(TITLE)
            .family(super::fonts::bold()),
    );
    ui.add_space(space::L);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("presenter-review")
                .num_columns(2)
                .spacing([space::XL, space::M])
                .show(ui, |ui| {
                    for (_, action) in team.carried_actions() {
                        let verdict = action.review.as_ref().map_or_else(
                            || RichText::new(tr!(lang, "review.unreviewed")).weak(),
                            |r| RichText::new(r.verdict.label(lang)).strong(),
                        );
                        ui.label(verdict.size(LEAD));
                        ui.add(egui::Label::new(RichText::new(&action.what).size(LEAD)).wrap());
                        ui.end_row();
                    }
                });
        });
}

/// After the reveal: how many gave each answer (named and anonymous), as bars, with the spread.
/// 「わからない」 has its own row, in a quieter colour, only when someone gave it.
fn distribution_ui(ui: &mut egui::Ui, response: &ItemResponse, private: bool, lang: crate::Lang) {
    let checklist = Checklist::get(lang);
    let all = response.all_answers();
    // Names for the facilitator only, and too few answers: each would be told by the bars.
    if private && all.total() > 0 && !all.can_be_shown() {
        ui.label(RichText::new(all.shown_text(lang)).size(BODY));
        return;
    }
    // Too few anonymous answers to break down: their number only, and no bars of them.
    if let Some(withheld) = response
        .anonymous_text(lang)
        .filter(|_| response.anonymous_withheld().is_some())
    {
        ui.label(
            RichText::new(format!(
                "{}: {withheld}",
                tr!(lang, "report.anonymous_votes")
            ))
            .size(BODY),
        );
        if all.total() == 0 {
            return;
        }
    }
    let mut rows: Vec<(String, u32, egui::Color32)> = Level::ALL
        .iter()
        .map(|&level| {
            let label = format!("{} {}", level.get(), checklist.level(level).name);
            (
                label,
                all.count(level.into()),
                ui.visuals().selection.bg_fill,
            )
        })
        .collect();
    if all.dont_know > 0 {
        let label = format!("? {}", tr!(lang, "answer.dont_know_long"));
        let quiet = ui.visuals().widgets.inactive.bg_fill;
        rows.push((label, all.dont_know, quiet));
    }
    let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let bar_unit = (ui.available_width() * 0.5 / most as f32).min(80.0);
    egui::Grid::new("presenter-distribution")
        .num_columns(3)
        .spacing([space::L, space::S])
        .show(ui, |ui| {
            for (label, count, fill) in rows {
                ui.label(RichText::new(label).size(BODY));
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(bar_unit * most as f32, BODY),
                    egui::Sense::hover(),
                );
                let filled = egui::Rect::from_min_size(
                    rect.min,
                    egui::vec2(bar_unit * count as f32, rect.height()),
                );
                ui.painter().rect_filled(filled, radius::SWATCH, fill);
                ui.label(RichText::new(count.to_string()).size(BODY).strong());
                ui.end_row();
            }
        });
    if let Some(spread) = VoteSpread::of(response) {
        ui.add_space(space::M);
        ui.label(
            RichText::new(tr!(
                lang,
                "item.spread",
                min = spread.min.get(),
                max = spread.max.get(),
                mean = crate::words::one_decimal(spread.mean)
            ))
            .size(BODY),
        );
    }
}
