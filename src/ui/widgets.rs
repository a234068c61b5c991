//! Small pieces shared by the screens: labelled text fields, level pickers, the team switcher.

use super::tokens::{space, text};
use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::project::Level;
use crate::session::{Command, CommandSender, Edit, Session, TextField};
use crate::tr;
use crate::words::display_team_name;
use egui::{RichText, Role, WidgetInfo};

/// Whether an input method is composing text this frame: an Enter then confirms the conversion
/// and must not also submit anything.
pub fn ime_active(ui: &egui::Ui) -> bool {
    ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Ime(_))))
}

/// Gives a widget the accessible name screen readers and tests find it by.
pub fn accessible_name(response: &egui::Response, kind: Role, selected: Option<bool>, name: &str) {
    let enabled = response.enabled();
    response.widget_info(|| match selected {
        Some(selected) => WidgetInfo::selected(kind, enabled, selected, name),
        None => WidgetInfo::labeled(kind, enabled, name),
    });
    // egui puts a text field's info label into its value; the name proper is set here.
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// Remembers input-method activity per widget, so that the Enter confirming a conversion (which
/// may arrive with the commit or one frame later) does not also submit.
pub fn enter_submits(ui: &egui::Ui, response: &egui::Response) -> bool {
    let frame = ui.ctx().cumulative_frame_nr();
    let key = response.id.with("last-ime-frame");
    if ime_active(ui) {
        ui.data_mut(|d| d.insert_temp(key, frame));
    }
    let recent_ime = ui
        .data(|d| d.get_temp::<u64>(key))
        .is_some_and(|f| frame.saturating_sub(f) <= 2);
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) && !recent_ime
}

/// A labelled single-line field bound to a project text.
pub fn text_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    field: TextField,
    width: f32,
    tx: &CommandSender,
) {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(width))
        .labelled_by(label.id);
    if response.changed() {
        tx.edit(Edit::SetText(field, text));
    }
}

/// A labelled multi-line field bound to a project text.
pub fn text_area_ui(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    value: &str,
    field: TextField,
    tx: &CommandSender,
) {
    let label = ui.label(RichText::new(label).strong());
    let mut text = value.to_owned();
    // Two rows to start with, growing with the text: the screen must show the votes, the score
    // and 現状 at once on a laptop.
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .hint_text(hint)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        tx.edit(Edit::SetText(field, text));
    }
}

/// What was clicked in a [`level_picker_ui`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picked {
    Level(Level),
    /// The chosen level was clicked again, or the clear button.
    Cleared,
}

impl Picked {
    /// The level to set.
    pub fn level(self) -> Option<Level> {
        match self {
            Picked::Level(level) => Some(level),
            Picked::Cleared => None,
        }
    }
}

/// Five level buttons with their words ("3 試行中"); the chosen one, clicked again, clears (no
/// separate clear button, which wrapped onto a line of its own). Returns what was clicked.
/// `name` prefixes each button's accessible name ("スコア 3").
pub fn level_picker_ui(
    ui: &mut egui::Ui,
    current: Option<Level>,
    name: &str,
    lang: Lang,
) -> Option<Picked> {
    let checklist = Checklist::get(lang);
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        for level in Level::ALL {
            let words = &checklist.level(level).name;
            let selected = current == Some(level);
            let text = RichText::new(format!("{} {}", level.get(), words));
            let text = if selected { text.strong() } else { text };
            let response = ui.add(egui::Button::selectable(selected, text));
            accessible_name(
                &response,
                Role::Button,
                Some(selected),
                &format!("{name} {}", level.get()),
            );
            let hover = if selected {
                format!(
                    "{}\n{}",
                    checklist.level(level).description,
                    tr!(lang, "item.click_again_to_clear")
                )
            } else {
                checklist.level(level).description.clone()
            };
            if response.on_hover_text(hover).clicked() {
                chosen = Some(if selected {
                    Picked::Cleared
                } else {
                    Picked::Level(level)
                });
            }
        }
    });
    chosen
}

/// Chooses which team the walk shows; each team with its colour and how far it has got.
pub fn team_switcher_ui(ui: &mut egui::Ui, session: &Session, tx: &CommandSender) {
    let lang = session.lang;
    let Some(project) = session.project() else {
        return;
    };
    let current = session.team_id();
    let teams: Vec<(u32, String, usize)> = project
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let scored = t.responses.0.iter().filter(|r| r.score.is_some()).count();
            (t.id, display_team_name(&t.name, i, lang), scored)
        })
        .collect();
    let index = teams
        .iter()
        .position(|(id, ..)| Some(*id) == current)
        .unwrap_or(0);
    ui.horizontal(|ui| {
        let label = ui.label(tr!(lang, "team.switch"));
        swatch_ui(ui, crate::style::team_color(index));
        let selected = teams.get(index).map(|t| t.1.clone()).unwrap_or_default();
        egui::ComboBox::from_id_salt("team-switcher")
            .selected_text(RichText::new(selected).strong())
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                for (i, (id, name, scored)) in teams.iter().enumerate() {
                    ui.horizontal(|ui| {
                        swatch_ui(ui, crate::style::team_color(i));
                        let text = format!("{name}  ({scored}/{})", crate::checklist::ITEM_COUNT);
                        if ui.selectable_label(Some(*id) == current, text).clicked() {
                            tx.send(Command::SelectTeam(*id));
                        }
                    });
                }
            })
            .response
            .labelled_by(label.id);
    });
    if let Some((_, _, scored)) = teams.get(index) {
        ui.label(
            RichText::new(tr!(
                lang,
                "team.progress",
                scored = scored,
                total = crate::checklist::ITEM_COUNT
            ))
            .small(),
        );
    }
}

/// A small square of a team's colour.
pub fn swatch_ui(ui: &mut egui::Ui, rgb: crate::style::Rgb) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(
        rect,
        super::tokens::radius::SWATCH,
        super::tokens::color(rgb),
    );
}

/// A heading for a section of a screen.
pub fn section_heading_ui(ui: &mut egui::Ui, heading: &str) {
    ui.add_space(space::S + space::XS);
    ui.label(
        RichText::new(heading)
            .size(text::SECTION)
            .family(super::fonts::bold())
            .strong(),
    );
    ui.add_space(space::XS);
}

/// Whether the toggle `id` is on: kept by egui for the session, as a collapsing header keeps
/// its state.
pub fn is_toggled(ui: &egui::Ui, id: egui::Id) -> bool {
    ui.ctx().data(|d| d.get_temp::<bool>(id).unwrap_or(false))
}

/// A quiet button that turns the toggle `id` on and off, for a panel that opens below it.
pub fn toggle_button_ui(ui: &mut egui::Ui, id: egui::Id, label: &str) -> egui::Response {
    let on = is_toggled(ui, id);
    let button = ui.add(egui::Button::selectable(on, RichText::new(label).weak()));
    if button.clicked() {
        ui.ctx().data_mut(|d| d.insert_temp(id, !on));
    }
    button
}

/// A section's heading with something small beside it on the same line (toggles), drawn in the
/// heading's own height so that the section below starts where it would without it. When they
/// would reach into the heading (a narrow column, longer English words), they wrap onto a line
/// of their own below it instead of overlapping.
pub fn section_heading_row_ui(
    ui: &mut egui::Ui,
    heading: &str,
    beside: impl FnOnce(&mut egui::Ui),
) {
    ui.add_space(space::S + space::XS);
    let galley = egui::WidgetText::from(
        RichText::new(heading)
            .size(text::SECTION)
            .family(super::fonts::bold())
            .strong(),
    )
    .into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let heading_width = galley.size().x;
    let label = ui.label(galley);
    // How wide the things beside were last frame: egui lays out in one pass, so the width is
    // known only after they are drawn once.
    let width_id = label.id.with("beside-width");
    let beside_width: f32 = ui.data(|d| d.get_temp(width_id)).unwrap_or(0.0);
    let fits = label.rect.left() + heading_width + space::L + beside_width <= ui.max_rect().right();
    let drawn = if fits {
        // At the row's right end: a label may span the column's width in a justified layout.
        let room = egui::Rect::from_min_max(
            egui::pos2(ui.max_rect().left(), label.rect.top()),
            egui::pos2(ui.max_rect().right(), label.rect.bottom()),
        );
        let mut beside_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(room)
                .layout(egui::Layout::right_to_left(egui::Align::Center)),
        );
        beside(&mut beside_ui);
        beside_ui.min_rect().width()
    } else {
        ui.horizontal_wrapped(beside).response.rect.width()
    };
    ui.data_mut(|d| d.insert_temp(width_id, drawn));
    ui.add_space(space::XS);
}

/// A date as year, month and day selectors, labelled in the user's language (`egui_extras`' date
/// picker speaks only English). `name` prefixes the selectors' accessible names. Returns the new
/// date when the user changed it; a day past the month's end moves to its last day.
pub fn date_input_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    date: chrono::NaiveDate,
    name: &str,
    lang: Lang,
) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let (mut year, mut month, mut day) = (date.year(), date.month(), date.day());
    let mut changed = false;
    let unit = |ui: &mut egui::Ui, key: &str| {
        ui.label(tr!(lang, key));
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        let y = ui.add(egui::DragValue::new(&mut year).range(1990..=2100));
        accessible_name(
            &y,
            Role::SpinButton,
            None,
            &format!("{name} {}", tr!(lang, "date.year_name")),
        );
        changed |= y.changed();
        unit(ui, "date.year");
        let m = egui::ComboBox::from_id_salt((id_salt, "month"))
            .selected_text(month.to_string())
            .width(44.0)
            .show_ui(ui, |ui| {
                for m in 1..=12u32 {
                    changed |= ui.selectable_value(&mut month, m, m.to_string()).changed();
                }
            })
            .response;
        accessible_name(
            &m,
            Role::ComboBox,
            None,
            &format!("{name} {}", tr!(lang, "date.month_name")),
        );
        unit(ui, "date.month");
        let last = days_in_month(year, month);
        let d = egui::ComboBox::from_id_salt((id_salt, "day"))
            .selected_text(day.min(last).to_string())
            .width(44.0)
            .height(320.0)
            .show_ui(ui, |ui| {
                for d in 1..=last {
                    changed |= ui.selectable_value(&mut day, d, d.to_string()).changed();
                }
            })
            .response;
        accessible_name(
            &d,
            Role::ComboBox,
            None,
            &format!("{name} {}", tr!(lang, "date.day_name")),
        );
        unit(ui, "date.day");
    });
    if !changed {
        return None;
    }
    let day = day.min(days_in_month(year, month));
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

/// The number of days in a month (chrono knows the calendar); 31 for an impossible month.
fn days_in_month(year: i32, month: u32) -> u32 {
    use chrono::Datelike;
    chrono::NaiveDate::from_ymd_opt(year, month, 1).map_or(31, |d| u32::from(d.num_days_in_month()))
}

/// True the first time it is asked about `key`, false after: for requests the session numbers
/// (take the keyboard, scroll here) that a view must honour once, not every frame.
pub fn first_time(ui: &egui::Ui, key: impl std::hash::Hash + std::fmt::Debug) -> bool {
    let id = egui::Id::unique(key);
    ui.data_mut(|d| {
        if d.get_temp::<()>(id).is_some() {
            false
        } else {
            d.insert_temp(id, ());
            true
        }
    })
}

/// A table of the documents, with each column given its share of the width and its cells wrapped.
pub fn document_table_ui(ui: &mut egui::Ui, table: &crate::export::report::Table) {
    let total: f32 = table.widths.iter().sum::<f32>().max(1.0);
    let spacing = space::L;
    let usable = (ui.available_width() - spacing * table.widths.len() as f32).max(200.0);
    let widths: Vec<f32> = table.widths.iter().map(|w| usable * w / total).collect();
    let warn = ui.visuals().warn_fg_color;
    egui::Grid::new(("table", &table.heading))
        .striped(true)
        .spacing([spacing, space::S + space::XS])
        .show(ui, |ui| {
            for (cell, width) in table.header.iter().zip(&widths) {
                ui.scope(|ui| {
                    ui.set_max_width(*width);
                    ui.add(egui::Label::new(RichText::new(cell).strong()).wrap());
                });
            }
            ui.end_row();
            for row in &table.rows {
                for (cell, width) in row.cells.iter().zip(&widths) {
                    ui.scope(|ui| {
                        ui.set_min_width(*width);
                        ui.set_max_width(*width);
                        let mut text = RichText::new(cell);
                        if row.warn {
                            text = text.color(warn);
                        }
                        ui.add(egui::Label::new(text).wrap());
                    });
                }
                ui.end_row();
            }
        });
    if let Some(note) = &table.note {
        ui.label(RichText::new(note).small().weak());
    }
}

/// The width `text` takes in the body font, to line labels up without a grid.
pub fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    })
}
