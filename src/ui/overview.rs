//! The overview at the end of the walk: the radar chart, the table of scores, and all actions.

use super::radar::{Detail, legend_ui, radar_ui};
use super::tokens::{space, text};
use super::widgets::section_heading_ui;
use crate::checklist::{Checklist, ItemId};
use crate::export::Format;
use crate::export::report::Report;
use crate::project::{ActionStatus, ItemStats, Project, TeamStats};
use crate::radar::Chart;
use crate::session::{Command, CommandSender, Page, Screen, Session, UICommand, ViewChange};
use crate::tr;
use crate::words::{display_team_name, format_date_compact as format_date};
use egui::RichText;

pub fn overview_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let chart = Chart::of_project(project, lang, None);
    if session.view.page == Some(Page::ChartOnly) {
        // The one view meant for the projector: one team at a time when there are many.
        let chart = super::presenter::room_chart(session, project);
        chart_only_ui(ui, session, &chart, tx);
        return;
    }
    // A new id each time the overview is shown: it opens at the top, with its heading and buttons.
    egui::ScrollArea::vertical()
        .id_salt(("overview", session.view.screen_serial))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(tr!(lang, "overview.title"))
                        .size(text::HEADING)
                        .family(super::fonts::bold())
                        .strong(),
                );
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(tr!(lang, "overview.back_to_walk")).clicked() {
                        tx.send(Command::Show(Screen::Item(ItemId::ALL[0])));
                    }
                    if ui
                        .button(tr!(lang, "overview.chart_only"))
                        .on_hover_text(UICommand::ChartOnly.hint(lang))
                        .clicked()
                    {
                        tx.run(UICommand::ChartOnly);
                    }
                    ui.menu_button(tr!(lang, "overview.export_chart"), |ui| {
                        for format in [Format::Png, Format::Svg] {
                            if ui.button(format.label(lang)).clicked() {
                                tx.run(UICommand::Export(format));
                            }
                        }
                    });
                });
            });
            if !project.meta.title.is_empty() {
                ui.label(RichText::new(&project.meta.title).size(text::SECTION));
            }
            ui.add_space(space::S + space::XS);

            let today = session.today();
            let report = session.report();
            if project.teams.len() >= crate::style::SMALL_MULTIPLES_FROM {
                // One chart of ten teams is a tangle: a small chart per team, on the same scale.
                if let Some(report) = &report {
                    small_multiples_ui(ui, report, lang);
                }
                ui.add_space(space::L);
                scores_table_ui(ui, project, lang, today);
            } else {
                chart_and_scores_ui(ui, session, project, &chart, tx);
            }
            if let Some(report) = &report {
                round_tables_ui(ui, session, report);
            }
            ui.add_space(space::L);
            actions_table_ui(ui, session, project, tx);
            ui.add_space(space::XXL);
        });
}

/// The chart of every team, as large as the window allows, beside the scores when both fit.
fn chart_and_scores_ui(
    ui: &mut egui::Ui,
    session: &Session,
    project: &Project,
    chart: &Chart,
    tx: &CommandSender,
) {
    let lang = session.lang;
    let today = session.today();
    // The chart takes the room's attention: as large as the window allows, beside the table
    // when there is space for both.
    let width = ui.available_width();
    let side_by_side = width > 1000.0;
    let chart_side = if side_by_side {
        (width * 0.55).min(ui.available_height().max(560.0))
    } else {
        width.min(720.0)
    };
    let draw_chart = |ui: &mut egui::Ui| {
        // A fixed width, so that the legend wraps under the chart instead of pushing the table away.
        ui.allocate_ui_with_layout(
            egui::vec2(chart_side, chart_side * 1.1),
            egui::Layout::top_down(egui::Align::LEFT),
            |ui| {
                ui.set_max_width(chart_side);
                let hidden = &session.view.hidden_series;
                radar_ui(
                    ui,
                    chart,
                    hidden,
                    egui::vec2(chart_side, chart_side * 0.9),
                    Detail::Full,
                    lang,
                );
                if let Some(i) = legend_ui(ui, chart, hidden) {
                    tx.send(Command::View(ViewChange::ToggleSeries(i)));
                }
            },
        );
    };
    if side_by_side {
        ui.horizontal_top(|ui| {
            draw_chart(ui);
            ui.add_space(space::L);
            ui.vertical(|ui| scores_table_ui(ui, project, lang, today));
        });
    } else {
        draw_chart(ui);
        scores_table_ui(ui, project, lang, today);
    }
}

/// Each team's chart, small and on the same scale, and the teams' median: the shapes compare at a
/// glance where ten overlapping polygons could not.
fn small_multiples_ui(ui: &mut egui::Ui, report: &Report, lang: crate::Lang) {
    section_heading_ui(ui, &tr!(lang, "report.small_multiples"));
    let gap = space::L;
    let width = ui.available_width();
    let columns = (((width + gap) / (SMALL_CHART_MIN + gap)).floor() as usize).max(1);
    let side = ((width - gap * (columns as f32 - 1.0)) / columns as f32).min(SMALL_CHART_MAX);
    let median = report.median_chart();
    let cells: Vec<(String, crate::style::Rgb, Chart)> = std::iter::once((
        tr!(lang, "radar.median"),
        crate::style::MEDIAN_COLOR,
        median,
    ))
    .chain(report.teams.iter().map(|team| {
        (
            team.name.clone(),
            crate::style::team_color(team.index),
            team.chart.clone(),
        )
    }))
    .collect();
    let hidden = std::collections::BTreeSet::new();
    egui::Grid::new("small-multiples")
        .spacing([gap, gap])
        .show(ui, |ui| {
            for (i, (name, rgb, chart)) in cells.iter().enumerate() {
                ui.vertical(|ui| {
                    ui.set_width(side);
                    ui.horizontal(|ui| {
                        super::widgets::swatch_ui(ui, *rgb);
                        ui.add(egui::Label::new(RichText::new(name).strong()).truncate());
                    });
                    radar_ui(
                        ui,
                        chart,
                        &hidden,
                        egui::vec2(side, side),
                        Detail::Preview,
                        lang,
                    );
                });
                if (i + 1) % columns == 0 {
                    ui.end_row();
                }
            }
        });
}

/// The narrowest a small chart may be and still show its shape; the widest worth giving it.
const SMALL_CHART_MIN: f32 = 220.0;
const SMALL_CHART_MAX: f32 = 300.0;

/// The current team's indicators, its review of the previous round's actions, and each item's
/// completed actions beside its change in score: the tables the documents show, in the window.
fn round_tables_ui(ui: &mut egui::Ui, session: &Session, report: &Report) {
    let Some(project) = session.project() else {
        return;
    };
    let Some(team) = session
        .team_id()
        .and_then(|id| project.teams.iter().position(|t| t.id == id))
        .and_then(|index| report.teams.iter().find(|t| t.index == index))
    else {
        return;
    };
    let tables = report.round_tables(team);
    if tables.is_empty() {
        return;
    }
    for table in &tables {
        ui.add_space(space::L);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(&table.heading)
                    .size(text::SECTION)
                    .family(super::fonts::bold())
                    .strong(),
            );
            if project.teams.len() > 1 {
                ui.label(RichText::new("—").weak());
                super::widgets::swatch_ui(ui, crate::style::team_color(team.index));
                ui.label(RichText::new(&team.name).strong());
            }
        });
        super::widgets::document_table_ui(ui, table);
    }
}

fn scores_table_ui(
    ui: &mut egui::Ui,
    project: &Project,
    lang: crate::Lang,
    today: chrono::NaiveDate,
) {
    let checklist = Checklist::get(lang);
    section_heading_ui(ui, &tr!(lang, "report.scores"));
    // With many teams the table is wider than the window: the teams' columns scroll sideways
    // (never cut off) while the items stay in view at the left. Every cell is one line, so the
    // two grids' rows line up.
    let spacing = [space::XL - 2.0, space::S + space::XS];
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        egui::Grid::new("scores-items")
            .striped(true)
            .spacing(spacing)
            .show(ui, |ui| {
                ui.label(RichText::new(tr!(lang, "report.col.item")).strong());
                ui.end_row();
                for id in ItemId::ALL {
                    let title = format!("{}. {}", id.number(), checklist.item(id).short_title);
                    ui.add(egui::Label::new(title).wrap_mode(egui::TextWrapMode::Extend));
                    ui.end_row();
                }
                ui.label(RichText::new(tr!(lang, "report.mean_score")).strong());
                ui.end_row();
            });
        ui.add_space(spacing[0]);
        egui::ScrollArea::horizontal()
            .id_salt("scores-scroll")
            .auto_shrink([false, true])
            .show(ui, |ui| team_columns_ui(ui, project, lang, today, spacing));
    });
    ui.label(
        RichText::new(tr!(lang, "overview.score_legend"))
            .small()
            .weak(),
    );
}

/// The teams' columns of the scores table: 「3 → 4 (+1)」 per item, the mean at the foot.
fn team_columns_ui(
    ui: &mut egui::Ui,
    project: &Project,
    lang: crate::Lang,
    today: chrono::NaiveDate,
    spacing: [f32; 2],
) {
    egui::Grid::new("scores")
        .striped(true)
        .spacing(spacing)
        .show(ui, |ui| {
            for (i, team) in project.teams.iter().enumerate() {
                ui.add(
                    egui::Label::new(
                        RichText::new(display_team_name(&team.name, i, lang)).strong(),
                    )
                    .wrap_mode(egui::TextWrapMode::Extend),
                );
            }
            ui.end_row();
            for id in ItemId::ALL {
                for team in &project.teams {
                    let stats = ItemStats::of(&team.responses[id], today);
                    let score = stats.score.map_or("–".to_owned(), |l| l.get().to_string());
                    let target = stats.target.map_or("–".to_owned(), |l| l.get().to_string());
                    let previous = project.baseline_score(team, id);
                    let change = match (stats.score, previous) {
                        (Some(now), Some(then)) if now != then => {
                            let change = i32::from(now.get()) - i32::from(then.get());
                            format!("  ({change:+})")
                        }
                        _ => String::new(),
                    };
                    let cell = format!("{score} → {target}{change}");
                    let label = ui.label(cell);
                    if let Some(gap) = stats.gap() {
                        label.on_hover_text(tr!(lang, "item.gap", gap = gap));
                    }
                }
                ui.end_row();
            }
            for team in &project.teams {
                let stats = TeamStats::of(team, today);
                ui.label(
                    RichText::new(
                        stats
                            .mean_score()
                            .map_or("–".to_owned(), crate::words::one_decimal),
                    )
                    .strong(),
                );
            }
            ui.end_row();
        });
}

/// One line of the overview's action list.
struct Row<'a> {
    team: String,
    team_id: u32,
    item: ItemId,
    action: &'a crate::project::Action,
}

fn actions_table_ui(ui: &mut egui::Ui, session: &Session, project: &Project, tx: &CommandSender) {
    let lang = session.lang;
    let today = session.today();
    let view = &session.view;
    let checklist = Checklist::get(lang);
    section_heading_ui(ui, &tr!(lang, "report.actions"));
    let mut owners: Vec<String> = project
        .teams
        .iter()
        .flat_map(|t| t.responses.0.iter().flat_map(|r| &r.actions))
        .map(|a| a.owner.trim().to_owned())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort();
    owners.dedup();
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr!(lang, "item.status"));
        let all = tr!(lang, "overview.all");
        egui::ComboBox::from_id_salt("status-filter")
            .selected_text(view.status_filter.map_or(all.clone(), |s| s.label(lang)))
            .show_ui(ui, |ui| {
                let options =
                    std::iter::once(None).chain(ActionStatus::ALL.iter().copied().map(Some));
                for status in options {
                    let text = status.map_or(all.clone(), |s| s.label(lang));
                    if ui
                        .selectable_label(view.status_filter == status, text)
                        .clicked()
                    {
                        tx.send(Command::View(ViewChange::StatusFilter(status)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(tr!(lang, "field.action_owner"));
        egui::ComboBox::from_id_salt("owner-filter")
            .selected_text(view.owner_filter.clone().unwrap_or_else(|| all.clone()))
            .show_ui(ui, |ui| {
                let options = std::iter::once(None).chain(owners.iter().cloned().map(Some));
                for owner in options {
                    let text = owner.clone().unwrap_or_else(|| all.clone());
                    if ui
                        .selectable_label(view.owner_filter == owner, text)
                        .clicked()
                    {
                        tx.send(Command::View(ViewChange::OwnerFilter(owner)));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let mut by_due = view.sort_by_due;
        if ui
            .checkbox(&mut by_due, tr!(lang, "overview.sort_by_due"))
            .changed()
        {
            tx.send(Command::View(ViewChange::SortByDue(by_due)));
        }
    });

    let mut rows: Vec<Row> = project
        .teams
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            let name = display_team_name(&t.name, i, lang);
            t.responses.iter().flat_map(move |(item, r)| {
                let name = name.clone();
                r.actions.iter().map(move |action| Row {
                    team: name.clone(),
                    team_id: t.id,
                    item,
                    action,
                })
            })
        })
        .filter(|r| view.status_filter.is_none_or(|s| r.action.status == s))
        .filter(|r| {
            view.owner_filter
                .as_ref()
                .is_none_or(|o| r.action.owner.trim() == o)
        })
        .collect();
    if view.sort_by_due {
        rows.sort_by_key(|r| (r.action.due.is_none(), r.action.due));
    }
    if rows.is_empty() {
        ui.label(RichText::new(tr!(lang, "report.no_actions")).weak());
        return;
    }
    // Only the rows in view are laid out: a department's project has a thousand actions, and
    // laying them all out every frame would cost more than a frame has.
    let multi_team = project.teams.len() > 1;
    let gap = space::L;
    let fixed = [
        multi_team.then_some(150.0),
        Some(190.0),
        None,
        Some(110.0),
        Some(180.0),
        Some(80.0),
    ];
    let used: f32 = fixed.iter().flatten().sum::<f32>() + gap * fixed.len() as f32;
    let action_width = (ui.available_width() - used).max(200.0);
    let widths: Vec<f32> = fixed
        .iter()
        .enumerate()
        .filter(|(i, w)| *i != 0 || w.is_some())
        .map(|(_, w)| w.unwrap_or(action_width))
        .collect();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + space::S + space::XS;
    let header: Vec<String> = multi_team
        .then(|| tr!(lang, "overview.team"))
        .into_iter()
        .chain(
            [
                "report.col.item",
                "report.col.action",
                "report.col.owner",
                "report.col.due",
                "item.status",
            ]
            .iter()
            .map(|k| tr!(lang, k)),
        )
        .collect();
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        for (text, width) in header.iter().zip(&widths) {
            ui.add_sized(
                [*width, row_height],
                egui::Label::new(RichText::new(text).strong()).truncate(),
            );
        }
    });
    let stripe = ui.visuals().faint_bg_color;
    let error = ui.visuals().error_fg_color;
    egui::ScrollArea::vertical()
        .id_salt("actions")
        .max_height((ui.ctx().content_rect().height() * 0.6).max(240.0))
        .auto_shrink([false, true])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for (n, row) in rows[range.clone()].iter().enumerate() {
                // The band goes under the line: its place is kept before the line is drawn.
                let band = ui.painter().add(egui::Shape::Noop);
                let line = ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    let mut column = widths.iter().copied();
                    let mut cell = |ui: &mut egui::Ui, widget: egui::Label| {
                        let width = column.next().unwrap_or(100.0);
                        ui.add_sized([width, row_height], widget.truncate())
                    };
                    if multi_team {
                        cell(ui, egui::Label::new(&row.team));
                    }
                    let item_text = format!(
                        "{}. {}",
                        row.item.number(),
                        checklist.item(row.item).short_title
                    );
                    let link = cell(
                        ui,
                        egui::Label::new(
                            RichText::new(item_text).color(ui.visuals().hyperlink_color),
                        )
                        .sense(egui::Sense::click()),
                    );
                    if link
                        .on_hover_cursor(egui::CursorIcon::PointingHand)
                        .clicked()
                    {
                        tx.send(Command::SelectTeam(row.team_id));
                        tx.send(Command::Show(Screen::Item(row.item)));
                    }
                    cell(ui, egui::Label::new(&row.action.what)).on_hover_text(&row.action.what);
                    cell(ui, egui::Label::new(&row.action.owner));
                    let due = match row.action.due {
                        Some(due) if row.action.is_overdue(today) => RichText::new(format!(
                            "{} ！{}",
                            format_date(due, lang),
                            tr!(lang, "report.overdue")
                        ))
                        .color(error),
                        Some(due) => RichText::new(format_date(due, lang)),
                        None => RichText::new("–"),
                    };
                    cell(ui, egui::Label::new(due));
                    cell(ui, egui::Label::new(row.action.status.label(lang)));
                });
                // Every other line banded, as the other tables are.
                if (range.start + n) % 2 == 1 {
                    ui.painter().set(
                        band,
                        egui::Shape::rect_filled(
                            line.response.rect.expand2(egui::vec2(2.0, 1.0)),
                            0.0,
                            stripe,
                        ),
                    );
                }
            }
        });
}

/// The chart filling the window, with its legend; Esc or the button returns to the overview.
fn chart_only_ui(ui: &mut egui::Ui, session: &Session, chart: &Chart, tx: &CommandSender) {
    let lang = session.lang;
    let hidden = &session.view.hidden_series;
    let leave = ui.input(|i| i.key_pressed(egui::Key::Escape));
    ui.horizontal(|ui| {
        if ui.button(tr!(lang, "overview.chart_back")).clicked() || leave {
            tx.send(Command::View(ViewChange::Page(None)));
        }
        if let Some(i) = legend_ui(ui, chart, hidden) {
            tx.send(Command::View(ViewChange::ToggleSeries(i)));
        }
    });
    let size = ui.available_size();
    ui.vertical_centered(|ui| {
        radar_ui(ui, chart, hidden, size, Detail::Full, lang);
    });
}
