//! Small pieces shared by the screens: labelled text fields, level pickers, the team switcher.

use crate::app::edit::{Edit, TextField};
use crate::app::{Action, Core};
use crate::checklist::Checklist;
use crate::export::report::display_team_name;
use crate::i18n::Lang;
use crate::project::Level;
use crate::tr;
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

/// A menu entry with a shortcut shown at its right, named by its text alone.
pub fn menu_item_ui(ui: &mut egui::Ui, enabled: bool, text: String, shortcut: &str) -> bool {
    let mut button = egui::Button::new(text.as_str());
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    let response = ui.add_enabled(enabled, button);
    accessible_name(&response, Role::Button, None, &text);
    response.clicked()
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
    out: &mut Vec<Action>,
) {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(width))
        .labelled_by(label.id);
    if response.changed() {
        out.push(Action::Edit(Edit::SetText(field, text)));
    }
}

/// A labelled multi-line field bound to a project text.
pub fn text_area_ui(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    value: &str,
    field: TextField,
    out: &mut Vec<Action>,
) {
    let label = ui.label(RichText::new(label).strong());
    let mut text = value.to_owned();
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .hint_text(hint)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        out.push(Action::Edit(Edit::SetText(field, text)));
    }
}

/// Five level buttons with their words ("3 試行中"), plus one to clear. Returns the clicked choice.
/// `name` prefixes each button's accessible name ("スコア 3").
pub fn level_picker_ui(
    ui: &mut egui::Ui,
    current: Option<Level>,
    name: &str,
    lang: Lang,
) -> Option<Option<Level>> {
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
            if response
                .on_hover_text(&checklist.level(level).description)
                .clicked()
            {
                chosen = Some(if selected { None } else { Some(level) });
            }
        }
        if current.is_some() {
            let response = ui.small_button("×");
            accessible_name(
                &response,
                Role::Button,
                None,
                &format!("{name} {}", tr!(lang, "item.clear")),
            );
            if response.on_hover_text(tr!(lang, "item.clear")).clicked() {
                chosen = Some(None);
            }
        }
    });
    chosen
}

/// Chooses which team the walk shows.
pub fn team_switcher_ui(ui: &mut egui::Ui, core: &Core, out: &mut Vec<Action>) {
    let lang = core.lang;
    let Some(project) = core.project() else {
        return;
    };
    let current = core.team_id();
    let names: Vec<(u32, String)> = project
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id, display_team_name(&t.name, i, lang)))
        .collect();
    let selected_name = names
        .iter()
        .find(|(id, _)| Some(*id) == current)
        .map(|(_, n)| n.clone())
        .unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label(tr!(lang, "team.switch"));
        egui::ComboBox::from_id_salt("team-switcher")
            .selected_text(RichText::new(selected_name).strong())
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                for (id, name) in &names {
                    if ui.selectable_label(Some(*id) == current, name).clicked() {
                        out.push(Action::SelectTeam(*id));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// A heading for a section of a screen.
pub fn section_heading(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(
        RichText::new(text)
            .size(18.0)
            .family(super::fonts::bold())
            .strong(),
    );
    ui.add_space(2.0);
}

/// egui_extras' date picker works in `jiff` dates; the model keeps `chrono` ones. Returns the new
/// date when the user picked one.
pub fn date_picker_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    date: chrono::NaiveDate,
    label: egui::Id,
) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let mut picked =
        jiff::civil::Date::new(date.year() as i16, date.month() as i8, date.day() as i8).ok()?;
    let response = ui
        .add(
            egui_extras::DatePickerButton::new(&mut picked)
                .id_salt(id_salt)
                .format("%Y-%m-%d")
                // Its icon is an emoji that no bundled font has.
                .show_icon(false),
        )
        .labelled_by(label);
    if !response.changed() {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(
        i32::from(picked.year()),
        picked.month() as u32,
        picked.day() as u32,
    )
}
